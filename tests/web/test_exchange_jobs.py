"""Exports and collection workbooks through the job queue (issue 18): "Tạo tệp" queues an export
and the page polls its card (rows written / total) to a download link, which only the user who
asked may follow, and only while their rights still cover what the file holds; old files are
purged. An uploaded workbook is checked by the worker ("Đang kiểm tra… n/N trang tính"), the
preview appears when the check is done, and "Xác nhận lưu" stores it in the worker, all or
nothing. A GET export of a small scope is still answered in the request.

The queue tests use the real database queue and its worker (``db_worker --batch``, committing for
real); the last two start real ``chitieu worker`` processes, one of them killed in the middle
of an export whose next worker runs it again (PostgreSQL pass only: processes share the database
there). The others use the suite's immediate backend.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from tests.web.jobs_helpers import filled_workbook, run_jobs

from chitieu.web.accounts.models import Membership
from chitieu.web.audit.models import AuditLog
from chitieu.web.exchange.jobs import do_build_export
from chitieu.web.exchange.models import Dhis2Import, ExportChunk, ExportJob, WorkbookUpload
from chitieu.web.values.actions import do_save_values, do_submit
from chitieu.web.values.models import Value

HTMX = {"HTTP_HX_REQUEST": "true"}
BIN = Path(sys.executable).parent


@pytest.fixture
def figures(figures, town_plan):
    return figures  # (the town's plan too)


def _text(response) -> str:
    return b"".join(response.streaming_content).decode()


def _queue(client, htmx=True, **fields):
    return client.post("/exchange/exports/", {"format": "csv", "table": "values", **fields}, **(HTMX if htmx else {}))


def _post_workbook(client, data: bytes):
    f = io.BytesIO(data)
    f.name = "bieu-phuong-2.xlsx"
    response = client.post("/exchange/collect/upload/", {"file": f})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response["Location"]


# --- exports through the database queue ---------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_an_export_is_queued_polled_and_downloaded_as_the_request_would_have_written_it(
        database_queue, figures, places, officer, client_for):
    client = client_for(officer)
    card = _queue(client, unit="19502").content.decode()
    job = ExportJob.objects.get()
    assert job.status == "queued" and job.requested_by == officer and job.unit_ids == [places.ward2.pk]
    assert f'hx-get="/exchange/exports/{job.pk}/" hx-trigger="every 1s" hx-swap="outerHTML"' in card
    assert "Đang chờ trong hàng đợi" in card and "/file/" not in card

    run_jobs()

    card = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    job.refresh_from_db()
    assert job.status == "done" and job.attempts == 1 and (job.rows_written, job.rows_total) == (3, 3)
    assert "hx-trigger" not in card and "Đã xong: 3 dòng" in " ".join(card.split())
    assert f'<a href="/exchange/exports/{job.pk}/file/" download data-testid="export-file">values.csv</a>' in card
    response = client.get(f"/exchange/exports/{job.pk}/file/")
    assert response["Content-Disposition"] == 'attachment; filename="values.csv"'
    assert response["Content-Length"] == str(job.size) and response["Cache-Control"] == "no-store"
    queued = _text(response)
    assert queued == _text(client.get("/exchange/open/?format=csv&unit=19502"))  # the request's own export
    rows = list(csv.DictReader(io.StringIO(queued)))
    assert [(r["indicator_code"], r["year"], r["value"], r["approval"]) for r in rows] == [
        ("KT01", "2023", "262", "approved"), ("KT01", "2024", "1234.5", "draft"), ("XH09", "2023", "91.5", "approved")]
    assert AuditLog.objects.filter(action="exchange.export_queue", actor=officer, new=f"#{job.pk}").exists()
    # the page lists it on the next visit, from any process
    assert f'id="export-job-{job.pk}"' in client.get("/exchange/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_job_given_up_by_the_queue_shows_as_failed_instead_of_polling_for_ever(
        database_queue, figures, officer, client_for):
    from django_tasks_db.models import DBTaskResult

    client = client_for(officer)
    _queue(client)
    job = ExportJob.objects.get()
    DBTaskResult.objects.filter(pk=job.task_id).update(status="FAILED")  # its worker crashed twice
    card = client.get(f"/exchange/exports/{job.pk}/").content.decode()
    assert 'role="alert"' in card and "Công việc bị dừng giữa chừng" in card and "hx-trigger" not in card
    assert ExportJob.objects.get().status == "failed"


# --- exports, run at once -----------------------------------------------------------------------

def test_every_format_is_written_by_the_job(figures, officer, client_for):
    client = client_for(officer)
    files = {}
    for fmt in ("json", "xlsx", "datapackage", "dhis2-json", "dhis2-csv"):
        assert _queue(client, format=fmt, table="evaluations" if fmt == "json" else "values").status_code == 200
        job = ExportJob.objects.get(format=fmt)
        assert job.status == "done", job.error
        files[fmt] = client.get(f"/exchange/exports/{job.pk}/file/")
    evaluations = json.loads(_text(files["json"]))
    assert evaluations == json.loads(_text(client.get("/exchange/open/?format=json&table=evaluations")))
    assert {e["indicator_code"] for e in evaluations} >= {"KT01", "XH09"}
    book = load_workbook(io.BytesIO(b"".join(files["xlsx"].streaming_content)))
    assert book.sheetnames == ["values", "evaluations", "units", "indicators"] and book["values"]["H3"].value == 1234.5
    package = zipfile.ZipFile(io.BytesIO(b"".join(files["datapackage"].streaming_content)))
    assert sorted(package.namelist()) == ["datapackage.json", "evaluations.csv", "indicators.csv", "units.csv",
                                          "values.csv"]
    assert _text(files["dhis2-json"]) == _text(client.get("/exchange/dhis2/export/?format=json"))
    assert _text(files["dhis2-csv"]).splitlines()[0].startswith("dataelement,period,orgunit")
    assert files["dhis2-csv"]["Content-Disposition"] == 'attachment; filename="dataValueSet.csv"'


def test_a_running_export_shows_rows_written_of_the_total(officer, client_for):
    job = ExportJob.objects.create(requested_by=officer, format="csv", table="values", status="running",
                                   rows_written=1234, rows_total=5000, attempts=2)
    card = " ".join(client_for(officer).get(f"/exchange/exports/{job.pk}/").content.decode().split())
    assert "Đang ghi tệp: 1.234/5.000 dòng đã ghi (lần chạy thứ 2)" in card
    assert '<progress max="5000" value="1234">' in card and 'hx-trigger="every 1s"' in card
    card = " ".join(client_for(officer).get(f"/exchange/exports/{job.pk}/", HTTP_ACCEPT_LANGUAGE="en")
                    .content.decode().split())
    assert "Writing the file: 1,234/5,000 rows written (attempt 2)" in card


def test_only_the_user_who_asked_downloads_and_only_while_their_rights_hold(figures, places, officer, reviewer,
                                                                            outsider, client_for):
    _queue(client_for(officer), unit="19502")
    job = ExportJob.objects.get()
    url = f"/exchange/exports/{job.pk}/file/"
    assert client_for(officer).get(url).status_code == 200
    assert client_for(reviewer).get(url).status_code == 404  # may see the ward, did not ask
    assert client_for(reviewer).get(f"/exchange/exports/{job.pk}/").status_code == 404
    assert client_for(outsider).get(url).status_code == 404
    # the outsider cannot queue the other ward's export, nor learn it exists
    assert _queue(client_for(outsider), unit="19502").status_code == 404
    Membership.objects.filter(user=officer).delete()
    assert client_for(officer).get(url).status_code == 404


def test_the_outsiders_export_holds_nothing_of_the_other_ward(figures, outsider, client_for):
    client = client_for(outsider)
    _queue(client)
    job = ExportJob.objects.get()
    assert job.status == "done" and job.rows_written == 0
    assert _text(client.get(f"/exchange/exports/{job.pk}/file/")).splitlines()[1:] == []


def test_a_large_scope_asked_by_a_link_gets_the_form_to_queue_it(figures, officer, client_for, settings):
    settings.EXCHANGE_SYNC_ROWS = 2
    client = client_for(officer)
    page = client.get("/exchange/open/?format=xlsx&unit=19502&years=2023-2024")
    text = " ".join(page.content.decode().split())
    assert page.status_code == 200 and "Phạm vi này có 3 số liệu: tệp được tạo trong hàng đợi công việc." in text
    assert '<input name="unit" size="8" value="19502">' in text and "<option selected>xlsx</option>" in text
    assert "<option selected>dhis2-csv</option>" in client.get("/exchange/dhis2/export/?format=csv").content.decode()
    settings.EXCHANGE_SYNC_ROWS = 3
    assert client.get("/exchange/open/?format=csv").status_code == 200 and not ExportJob.objects.exists()


def test_a_bad_format_or_years_are_refused_with_a_reason(officer, client_for):
    client = client_for(officer)
    response = _queue(client, format="pdf")
    assert 'data-testid="export-errors"' in response.content.decode() and "Định dạng “pdf” không hợp lệ." in \
        response.content.decode()
    response = _queue(client, htmx=False, years="2025-2020")
    assert response.status_code == 400 and "Năm không hợp lệ" in response.content.decode()
    assert not ExportJob.objects.exists()


def test_old_exports_and_uploads_are_purged_when_new_work_is_queued(figures, officer, client_for, settings):
    settings.EXCHANGE_FILES_DAYS = 3
    client = client_for(officer)
    _queue(client)
    old = ExportJob.objects.get()
    assert ExportChunk.objects.filter(job=old).count() == 1
    upload = WorkbookUpload.objects.create(uploaded_by=officer, file_name="cu.xlsx", file=b"x", status="checked")
    ExportJob.objects.filter(pk=old.pk).update(requested_at=timezone.now() - timedelta(days=4))
    WorkbookUpload.objects.filter(pk=upload.pk).update(uploaded_at=timezone.now() - timedelta(days=4))
    response = _queue(client, htmx=False)
    assert response.status_code == 302 and response["Location"].startswith("/exchange/#export-job-")
    assert list(ExportJob.objects.values_list("pk", flat=True)) != [old.pk] and ExportJob.objects.count() == 1
    assert not ExportChunk.objects.filter(job_id=old.pk).exists() and not WorkbookUpload.objects.exists()


def test_an_export_run_again_after_a_crash_starts_over(figures, officer):
    job = ExportJob.objects.create(requested_by=officer, format="csv", table="values", status="running", attempts=1,
                                   rows_written=2)
    ExportChunk.objects.create(job=job, seq=0, data=b"half a file")  # what the crashed attempt left
    job = do_build_export(job.pk)
    assert job.status == "done" and job.attempts == 2
    data = b"".join(bytes(c.data) for c in ExportChunk.objects.filter(job=job))
    assert data.decode().startswith("unit_code,") and len(data) == job.size and b"half a file" not in data
    assert do_build_export(job.pk) is None  # finished: nothing more to do


# --- collection workbooks through the database queue ---------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_the_workbook_is_checked_previewed_and_stored_in_the_worker(database_queue, ward_plan, places, officer,
                                                                    client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT04", "value": "78,5"}], acting_user=officer)
    client = client_for(officer)
    page_url = _post_workbook(client, filled_workbook(ward_plan, places.ward2, {"I5": "1.234,5", "I7": 80.25}))
    upload = WorkbookUpload.objects.get()
    assert page_url == f"/exchange/collect/uploads/{upload.pk}/" and upload.status == "queued"
    page = client.get(page_url).content.decode()
    assert f'hx-get="/exchange/collect/uploads/{upload.pk}/card/" hx-trigger="every 1s"' in page
    assert "Đang chờ kiểm tra trong hàng đợi…" in page and 'data-testid="preview"' not in page

    run_jobs()

    card = client.get(f"/exchange/collect/uploads/{upload.pk}/card/", **HTMX).content.decode()
    assert "hx-trigger" not in card and "Mọi ô đều hợp lệ: 1 số mới, 1 số thay đổi, 0 số không đổi." in card
    assert '<td class="num">78,5</td><td class="num">80,25</td>' in card
    assert Value.objects.count() == 1  # nothing stored before confirming
    card = client.post(f"/exchange/collect/uploads/{upload.pk}/confirm/", **HTMX).content.decode()
    assert "Đang chờ lưu trong hàng đợi…" in card and 'hx-trigger="every 1s"' in card

    run_jobs()

    response = client.get(f"/exchange/collect/uploads/{upload.pk}/card/", **HTMX)
    entry = f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/"
    assert response["HX-Redirect"] == entry
    assert "Đã lưu 2 số liệu từ biểu." in client.get(entry).content.decode()
    stored = {v.indicator.code: v.value for v in Value.objects.filter(unit=places.ward2, year=2024)}
    assert stored == {"KT01": Decimal("1234.5"), "KT04": Decimal("80.25")}
    upload.refresh_from_db()
    assert upload.status == "stored" and upload.stored == 2 and upload.file is None
    # the page, visited again later: the outcome, no polling
    page = client.get(page_url).content.decode()
    assert "Đã lưu 2 số liệu từ biểu." in page and "hx-trigger" not in page


@pytest.mark.django_db(transaction=True)
def test_a_workbook_whose_values_were_locked_after_the_preview_stores_nothing(
        database_queue, ward_plan, places, officer, client_for):
    client = client_for(officer)
    _post_workbook(client, filled_workbook(ward_plan, places.ward2, {"I5": 318, "I9": "97,5"}))
    run_jobs()
    upload = WorkbookUpload.objects.get()
    assert upload.status == "checked"
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT04", "value": "1"}], acting_user=officer)
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)  # submitted meanwhile: the year is held
    client.post(f"/exchange/collect/uploads/{upload.pk}/confirm/", **HTMX)
    run_jobs()
    card = client.get(f"/exchange/collect/uploads/{upload.pk}/card/", **HTMX).content.decode()
    upload.refresh_from_db()
    assert upload.status == "refused" and 'data-testid="collect-errors"' in card
    assert "Trang tính “Phường 2”: số liệu năm 2024 của Phường 2 đang ở trạng thái" in upload.errors[0]
    assert list(Value.objects.values_list("indicator__code", flat=True)) == ["KT04"]


# --- collection workbooks, the card -------------------------------------------------------------

def test_the_card_of_a_check_names_the_sheets_done(officer, client_for):
    upload = WorkbookUpload.objects.create(uploaded_by=officer, file_name="thi-xa.xlsx", status="checking",
                                           step="sheets", sheets_done=3, sheets_total=1200)
    client = client_for(officer)
    card = " ".join(client.get(f"/exchange/collect/uploads/{upload.pk}/card/").content.decode().split())
    assert "Đang kiểm tra… 3/1.200 trang tính" in card and '<progress max="1200" value="3">' in card
    WorkbookUpload.objects.filter(pk=upload.pk).update(status="storing", attempts=2)
    card = " ".join(client.get(f"/exchange/collect/uploads/{upload.pk}/card/", HTTP_ACCEPT_LANGUAGE="en")
                    .content.decode().split())
    assert "Checking again… 3/1,200 sheets (attempt 2)" in card
    WorkbookUpload.objects.filter(pk=upload.pk).update(step="save", preview={"new": 40, "changed": 2})
    assert "Đang lưu 42 số liệu…" in client.get(f"/exchange/collect/uploads/{upload.pk}/card/").content.decode()


def test_the_upload_page_lists_the_users_recent_uploads(ward_plan, places, officer, outsider, client_for):
    client = client_for(officer)
    _post_workbook(client, filled_workbook(ward_plan, places.ward2, {"I5": "abc"}))
    page = client.get("/exchange/collect/upload/").content.decode()
    assert "bieu-phuong-2.xlsx" in page and "Không nhận" in page
    assert "bieu-phuong-2.xlsx" not in client_for(outsider).get("/exchange/collect/upload/").content.decode()


# --- DHIS2 imports through the database queue -------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_a_dhis2_set_is_imported_by_the_worker_and_the_page_follows_it(database_queue, ward_plan, places, officer,
                                                                      client_for):
    client = client_for(officer)
    body = json.dumps({"dataValues": [{"dataElement": "KT01", "period": "2024", "orgUnit": "19502", "value": "310"},
                                      {"dataElement": "XH09", "period": "2024", "orgUnit": "19502", "value": "97.5"}]})
    f = io.BytesIO(body.encode())
    f.name = "set.json"
    response = client.post("/exchange/dhis2/import/", {"file": f})
    job = Dhis2Import.objects.get()
    assert response["Location"] == f"/exchange/dhis2/imports/{job.pk}/" and not job.dry_run
    page = client.get(response["Location"]).content.decode()
    assert f'hx-get="/exchange/dhis2/imports/{job.pk}/card/" hx-trigger="every 1s"' in page
    assert "Đang chờ trong hàng đợi…" in page and not Value.objects.exists()

    run_jobs()

    card = client.get(f"/exchange/dhis2/imports/{job.pk}/card/").content.decode()
    assert "hx-trigger" not in card and "Đã nhập:" in card and "2 mới, 0 cập nhật, 0 bỏ qua." in card
    assert {v.indicator.code: v.value for v in Value.objects.all()} == {"KT01": Decimal("310"), "XH09": Decimal("97.5")}
    assert Dhis2Import.objects.get().file is None


# --- real worker processes ------------------------------------------------------------------------

def _worker_env(tmp_path) -> dict[str, str]:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("worker processes need a database they can share: the PostgreSQL pass")
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update({"DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
                "TASK_BACKEND": "database", "SECRET_KEY": "k" * 60, "CHITIEU_HOME": str(tmp_path)})
    return env


def _wait(until, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if until():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.django_db(transaction=True)
def test_an_export_whose_worker_was_killed_is_run_again_by_the_next_worker(
        database_queue, figures, officer, client_for, tmp_path):
    import psycopg
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    env = _worker_env(tmp_path)
    client = client_for(officer)
    _queue(client, unit="19502")
    job = ExportJob.objects.get()
    # hold the job's row: the worker takes the job and waits on the row, in the middle of the job
    params = {k: v for k, v in connection.get_connection_params().items() if k not in ("cursor_factory", "context")}
    holder = psycopg.connect(**params)
    holder.execute("SELECT id FROM exchange_exportjob WHERE id = %s FOR UPDATE", (job.pk,))
    log = (tmp_path / "worker.log").open("a")
    first = subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        assert _wait(lambda: DBTaskResult.objects.get(pk=job.task_id).status == "RUNNING")
        first.send_signal(signal.SIGKILL)  # the worker dies with the job half done
        first.wait(timeout=60)
    finally:
        holder.close()
    assert ExportJob.objects.get().status == "queued" and not ExportChunk.objects.exists()
    second = subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: ExportJob.objects.get().finished)
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=60)
    job.refresh_from_db()
    assert job.status == "done" and job.rows_written == 3, (tmp_path / "worker.log").read_text()[-3000:]
    assert len(DBTaskResult.objects.get(pk=job.task_id).worker_ids) == 2
    assert "stopped during attempt 1; queued again" in (tmp_path / "worker.log").read_text()
    assert _text(client.get(f"/exchange/exports/{job.pk}/file/")).count("\n19502,") == 3


@pytest.mark.django_db(transaction=True)
def test_a_chitieu_worker_process_writes_the_export_and_checks_the_workbook(
        database_queue, figures, places, officer, client_for, tmp_path):
    env = _worker_env(tmp_path)
    client = client_for(officer)
    _queue(client, format="dhis2-json", unit="19502")
    _post_workbook(client, filled_workbook(figures, places.ward2, {"I9": 97}))
    log = (tmp_path / "worker.log").open("a")
    worker = subprocess.Popen([str(BIN / "chitieu"), "worker"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait(lambda: ExportJob.objects.get().finished and not WorkbookUpload.objects.get().busy)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    job, upload = ExportJob.objects.get(), WorkbookUpload.objects.get()
    assert job.status == "done" and upload.status == "checked", (tmp_path / "worker.log").read_text()[-3000:]
    data = json.loads(_text(client.get(f"/exchange/exports/{job.pk}/file/")))
    assert sorted((v["dataElement"], v["period"], v["value"]) for v in data["dataValues"]) == [
        ("KT01", "2023", "262"), ("KT01", "2024", "1234.5"), ("XH09", "2023", "91.5")]
    assert upload.preview["new"] == 1 and upload.preview["units"][0]["new"][0][:2] == ["I9", "XH09"]
