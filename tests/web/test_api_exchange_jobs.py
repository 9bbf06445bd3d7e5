"""The API's exchange work through the job queue (issue 18): a workbook upload, a DHIS2 import
(``async=true`` or a large set) and a large export are queued as the same jobs the pages use and
answered 202 with the job's status URL; ``GET /api/exchange/jobs/{id}`` tells the state, the
progress and the card's message, every refused cell or data value, and when done the preview,
the import summary or the file's download URL. All or nothing as on the pages; only the user who
asked sees a job.

The queue tests use the real database queue and its worker (``db_worker --batch``, committing for
real), as tests/web/test_exchange_jobs.py does; the others the suite's immediate backend.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from tests.web.jobs_helpers import filled_workbook, run_jobs

from chitieu.web.exchange.models import Dhis2Import, ExportJob, WorkbookUpload
from chitieu.web.values.actions import do_save_values
from chitieu.web.values.models import Value


def _upload(api, data: bytes, query: str = "", **headers):
    f = io.BytesIO(data)
    f.name = "bieu-phuong-2.xlsx"
    return api.post(f"/api/exchange/workbooks{query}", {"file": f}, **headers)


def _accepted(response) -> dict:
    assert response.status_code == 202, response.content.decode()[:2000]
    body = response.json()
    assert response["Location"] == body["status_url"] == f"/api/exchange/jobs/{body['id']}"
    return body


def _poll(api, body: dict, **headers) -> dict:
    response = api.get(body["status_url"], **headers)
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.json()


def _text(response) -> str:
    return b"".join(response.streaming_content).decode()


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DV = {"dataElement": "KT01", "period": "2024", "orgUnit": "19502", "value": "310"}


def _set(*values: dict) -> str:
    return json.dumps({"dataValues": list(values)})


# --- collection workbooks ------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_a_workbook_uploaded_to_the_api_is_checked_then_stored_by_the_worker(
        database_queue, ward_plan, places, officer, api_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT04", "value": "78,5"}], acting_user=officer)
    api = api_for(officer)
    job = _accepted(_upload(api, filled_workbook(ward_plan, places.ward2, {"I5": "1.234,5", "I7": 80.25})))
    upload = WorkbookUpload.objects.get()
    assert job["id"] == f"workbook-{upload.pk}" and job["kind"] == "workbook" and upload.uploaded_by == officer
    assert (job["state"], job["finished"], job["message"]) == ("queued", False, "Đang chờ kiểm tra trong hàng đợi…")
    assert job["result"] is None and job["store_url"] is None

    run_jobs()

    job = _poll(api, job)
    assert job["state"] == "checked" and job["finished"] and job["errors"] == []
    assert job["message"] == "Mọi ô đều hợp lệ: 1 số mới, 1 số thay đổi, 0 số không đổi."
    preview = job["result"]["preview"]
    assert (preview["plan"], preview["year"], preview["new"], preview["changed"]) == (ward_plan.pk, 2024, 1, 1)
    [unit] = preview["units"]
    assert unit["code"] == "19502" and [c["cell"] for c in unit["new"]] == ["I5"]
    assert unit["changed"] == [{"cell": "I7", "indicator": "KT04", "name": unit["changed"][0]["name"],
                                "status": unit["changed"][0]["status"], "old": "78.5", "new": "80.25"}]
    assert Value.objects.count() == 1  # nothing stored before the client confirms
    assert job["store_url"] == f"/api/exchange/jobs/{job['id']}/store"

    job = _accepted(api.post(job["store_url"]))
    assert job["state"] == "store_queued" and job["message"] == "Đang chờ lưu trong hàng đợi…"
    again = api.post(f"/api/exchange/jobs/{job['id']}/store")  # confirmed once only
    assert again.status_code == 409 and again.json()["errors"] == ["Biểu này đã được xác nhận hoặc không còn chờ xác nhận."]

    run_jobs()

    job = _poll(api, job)
    assert (job["state"], job["message"], job["result"]["stored"]) == ("stored", "Đã lưu 2 số liệu từ biểu.", 2)
    stored = {v.indicator.code: v.value for v in Value.objects.filter(unit=places.ward2, year=2024)}
    assert stored == {"KT01": Decimal("1234.5"), "KT04": Decimal("80.25")}
    assert WorkbookUpload.objects.get().file is None


@pytest.mark.django_db(transaction=True)
def test_a_workbook_with_a_bad_cell_is_refused_whole_naming_the_cell(database_queue, ward_plan, places, officer,
                                                                     api_for):
    api = api_for(officer)
    job = _accepted(_upload(api, filled_workbook(ward_plan, places.ward2, {"I5": 318, "I7": "abc"}), "?store=true"))
    assert job["state"] == "store_queued"  # checked and stored in one job: store=true

    run_jobs()

    job = _poll(api, job)
    assert job["state"] == "refused" and job["finished"] and job["result"] is None
    assert job["message"] == "Chưa lưu gì. Hãy sửa các ô sau rồi nộp lại: bieu-phuong-2.xlsx"
    assert len(job["errors"]) == 1 and "Trang tính “Phường 2”, ô I7: “abc” không phải là số" in job["errors"][0]
    assert not Value.objects.exists()  # the valid cell I5 is not stored either


def test_an_english_client_gets_the_refused_cell_in_english(ward_plan, places, officer, api_for):
    api = api_for(officer)
    job = _accepted(_upload(api, filled_workbook(ward_plan, places.ward2, {"I7": "abc"}), "?store=true",
                            HTTP_ACCEPT_LANGUAGE="en"))
    assert job["state"] == "refused" and job["state_label"] == "Refused"
    assert "Sheet “Phường 2”, cell I7: " in job["errors"][0] and "is not a number" in job["errors"][0]
    assert job["message"] == "Nothing was stored. Correct these cells and upload again: bieu-phuong-2.xlsx"
    assert not Value.objects.exists()


def test_a_workbook_for_a_unit_the_user_may_not_write_is_refused(ward_plan, places, outsider, api_for):
    job = _accepted(_upload(api_for(outsider), filled_workbook(ward_plan, places.ward2, {"I5": 318}), "?store=true"))
    assert job["state"] == "refused" and "Phường 2" in job["errors"][0]
    assert not Value.objects.exists()


def test_a_workbook_sent_as_the_body_is_stored_with_the_uploader_as_actor(ward_plan, places, officer, api_for):
    from chitieu.web.audit.models import AuditLog

    api = api_for(officer)
    data = filled_workbook(ward_plan, places.ward2, {"I5": "1.234,5"})
    job = _accepted(api.post("/api/exchange/workbooks?store=true", data, content_type=XLSX))
    assert job["state"] == "stored" and job["result"]["stored"] == 1 and job["store_url"] is None
    assert job["result"]["preview"]["units"][0]["new"][0]["new"] == "1234.5"
    value = Value.objects.get(unit=places.ward2, year=2024, indicator__code="KT01")
    assert value.value == Decimal("1234.5") and AuditLog.objects.filter(actor=officer, object_id=str(value.pk)).exists()


def test_an_upload_without_a_workbook_is_a_400(officer, api_for):
    response = api_for(officer).post("/api/exchange/workbooks", {})
    assert response.status_code == 400 and response.json()["errors"] == ["Hãy chọn tệp biểu đã điền (.xlsx)."]
    assert not WorkbookUpload.objects.exists()


def test_the_status_of_a_check_tells_the_sheets_done(officer, api_for):
    upload = WorkbookUpload.objects.create(uploaded_by=officer, file_name="thi-xa.xlsx", status="checking",
                                           step="sheets", sheets_done=3, sheets_total=1200)
    api = api_for(officer)
    job = _poll(api, {"status_url": f"/api/exchange/jobs/workbook-{upload.pk}"})
    assert job["message"] == "Đang kiểm tra… 3/1.200 trang tính" and not job["finished"]
    assert job["progress"] == {"of": "sheets", "step": "sheets", "done": 3, "total": 1200, "percent": 0}
    WorkbookUpload.objects.filter(pk=upload.pk).update(status="storing", attempts=2, sheets_done=600)
    job = _poll(api, job | {"status_url": f"/api/exchange/jobs/workbook-{upload.pk}"}, HTTP_ACCEPT_LANGUAGE="en")
    assert job["message"] == "Checking again… 600/1,200 sheets (attempt 2)" and job["progress"]["percent"] == 50


# --- DHIS2 imports -------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_an_async_dhis2_import_is_queued_run_by_the_worker_and_polled(database_queue, ward_plan, places, officer,
                                                                      api_for):
    api = api_for(officer)
    body = _set(DV, {"dataElement": "XH09", "period": "2024", "orgUnit": "19502", "value": "97.5"})
    job = _accepted(api.post("/api/exchange/dataValueSets?async=true", body, content_type="application/json"))
    assert job["id"] == f"dhis2-{Dhis2Import.objects.get().pk}" and job["state"] == "queued"
    assert job["message"] == "Đang chờ trong hàng đợi…" and not Value.objects.exists()

    run_jobs()

    job = _poll(api, job)
    assert job["state"] == "done" and job["message"] == "Đã nhập: 2 mới, 0 cập nhật, 0 bỏ qua."
    # the summary the request would have answered
    assert job["result"] == {"status": "OK", "dryRun": False, "ignored": [],
                             "importCount": {"imported": 2, "updated": 0, "ignored": 0, "deleted": 0}}
    assert {v.indicator.code: v.value for v in Value.objects.all()} == {"KT01": Decimal("310"), "XH09": Decimal("97.5")}


@pytest.mark.django_db(transaction=True)
def test_a_refused_async_set_stores_nothing_and_names_the_code(database_queue, ward_plan, officer, api_for):
    api = api_for(officer)
    body = "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value\n" \
           "KT01,2024,19502,,,310\nKHONGCO,2024,19502,,,5\n"
    job = _accepted(api.post("/api/exchange/dataValueSets?async=true", body, content_type="text/csv"))
    run_jobs()
    job = _poll(api, job)
    assert job["state"] == "refused" and job["result"] is None and job["message"] == "Không nhận"
    assert job["errors"] == ["dòng 3 / line 3: mã chỉ tiêu (dataElement) “KHONGCO” không có trong danh mục"]
    assert not Value.objects.exists()  # the valid first row is not stored either


def test_a_set_larger_than_the_request_takes_is_queued_without_async(ward_plan, officer, api_for, settings):
    settings.EXCHANGE_SYNC_ROWS = 1
    api = api_for(officer)
    body = _set(DV, {"dataElement": "XH09", "period": "2024", "orgUnit": "19502", "value": "97.5"})
    job = _accepted(api.post("/api/exchange/dataValueSets?dryRun=true", body, content_type="application/json"))
    assert job["state"] == "done" and job["result"]["dryRun"] and job["result"]["importCount"]["imported"] == 2
    assert job["message"] == "Chạy thử, chưa lưu: 2 mới, 0 cập nhật, 0 bỏ qua." and not Value.objects.exists()
    # a small set is still answered in the request (DHIS2's synchronous import)
    response = api.post("/api/exchange/dataValueSets", _set(DV), content_type="application/json")
    assert response.status_code == 200 and response.json()["importCount"]["imported"] == 1
    assert Dhis2Import.objects.count() == 1


def test_a_set_beyond_djangos_form_limit_is_read_whole(ward_plan, officer, api_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100  # the set below is larger
    api = api_for(officer)
    job = _accepted(api.post("/api/exchange/dataValueSets?async=true", _set(DV, DV | {"period": "2023"}),
                             content_type="application/json"))
    assert job["state"] == "done" and job["result"]["importCount"]["imported"] == 2


# --- exports -------------------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_a_large_export_is_queued_polled_and_downloaded_as_the_request_would_have_written_it(
        database_queue, figures, officer, api_for, settings):
    api = api_for(officer)
    settings.EXCHANGE_SYNC_ROWS = 2
    job = _accepted(api.get("/api/exchange/open/values?unit=19502"))
    assert job["state"] == "queued" and job["download_url"] is None
    assert job["message"] == "Đang chờ trong hàng đợi"
    assert _accepted(api.get("/api/exchange/open/values?unit=19502"))["id"] == job["id"]  # asked again: the same job
    export = ExportJob.objects.get()
    assert job["id"] == f"export-{export.pk}" and (export.format, export.table, export.unit_code) == ("csv", "values",
                                                                                                       "19502")
    run_jobs()

    job = _poll(api, job)
    assert job["state"] == "done" and job["message"] == "Đã xong: 3 dòng"
    assert job["progress"] == {"of": "rows", "done": 3, "total": 3, "percent": 100}
    assert job["download_url"] == f"/api/exchange/jobs/{job['id']}/file"
    assert job["result"]["file_name"] == "values.csv" and job["result"]["rows"] == 3
    response = api.get(job["download_url"])
    assert response["Content-Disposition"] == 'attachment; filename="values.csv"'
    assert response["Cache-Control"] == "no-store" and response["Content-Length"] == str(job["result"]["size"])
    queued = _text(response)
    settings.EXCHANGE_SYNC_ROWS = 20000
    assert queued == _text(api.get("/api/exchange/open/values?unit=19502"))  # the request's own export
    rows = list(csv.DictReader(io.StringIO(queued)))
    assert [(r["indicator_code"], r["year"], r["value"], r["approval"]) for r in rows] == [
        ("KT01", "2023", "262", "approved"), ("KT01", "2024", "1234.5", "draft"), ("XH09", "2023", "91.5", "approved")]


@pytest.mark.django_db(transaction=True)
def test_a_dhis2_set_asked_with_async_is_written_by_the_worker(database_queue, figures, officer, api_for):
    api = api_for(officer)
    job = _accepted(api.get("/api/exchange/dataValueSets?unit=19502&async=true"))
    run_jobs()
    job = _poll(api, job)
    assert job["state"] == "done" and job["result"]["file_name"] == "dataValueSet.json"
    data = json.loads(_text(api.get(job["download_url"])))
    assert data == json.loads(_text(api.get("/api/exchange/dataValueSets?unit=19502")))
    assert sorted((v["dataElement"], v["period"], v["value"]) for v in data["dataValues"]) == [
        ("KT01", "2023", "262"), ("KT01", "2024", "1234.5"), ("XH09", "2023", "91.5")]


def test_an_export_of_any_format_is_queued_by_post(figures, officer, api_for):
    api = api_for(officer)
    job = _accepted(api.post("/api/exchange/exports", {"format": "xlsx", "unit": "19502"},
                             content_type="application/json"))
    assert job["state"] == "done" and job["result"]["file_name"] == "chitieu.xlsx"
    book = load_workbook(io.BytesIO(b"".join(api.get(job["download_url"]).streaming_content)))
    assert book.sheetnames == ["values", "evaluations", "units", "indicators"] and book["values"]["H3"].value == 1234.5
    response = api.post("/api/exchange/exports", {"format": "pdf"}, content_type="application/json")
    assert response.status_code == 422 and response.json()["errors"] == {"format": ["Định dạng “pdf” không hợp lệ."]}
    response = api.post("/api/exchange/exports", {"format": "csv", "years": "2025-2020"},
                        content_type="application/json")
    assert response.status_code == 422 and "Năm không hợp lệ" in response.json()["errors"]["years"][0]
    assert ExportJob.objects.count() == 1


def test_a_running_export_tells_rows_written_of_the_total(officer, api_for):
    job = ExportJob.objects.create(requested_by=officer, format="csv", table="values", status="running",
                                   rows_written=1234, rows_total=5000, attempts=2)
    api = api_for(officer)
    body = _poll(api, {"status_url": f"/api/exchange/jobs/export-{job.pk}"})
    assert body["message"] == "Đang ghi tệp: 1.234/5.000 dòng đã ghi (lần chạy thứ 2)"
    assert body["progress"] == {"of": "rows", "done": 1234, "total": 5000, "percent": 24} and body["attempts"] == 2
    body = _poll(api, {"status_url": f"/api/exchange/jobs/export-{job.pk}"}, HTTP_ACCEPT_LANGUAGE="en")
    assert body["message"] == "Writing the file: 1,234/5,000 rows written (attempt 2)"


@pytest.mark.django_db(transaction=True)
def test_a_job_given_up_by_the_queue_shows_as_failed(database_queue, figures, officer, api_for):
    from django_tasks_db.models import DBTaskResult

    api = api_for(officer)
    job = _accepted(api.post("/api/exchange/exports", {"format": "csv"}, content_type="application/json"))
    DBTaskResult.objects.filter(pk=ExportJob.objects.get().task_id).update(status="FAILED")  # crashed twice
    job = _poll(api, job)
    assert job["state"] == "failed" and job["finished"] and "Công việc bị dừng giữa chừng" in job["errors"][0]


# --- who sees what -------------------------------------------------------------------------------

def test_only_the_user_who_asked_sees_the_job_and_its_file(figures, places, officer, reviewer, outsider, api_for,
                                                           settings, client):
    from chitieu.web.accounts.models import Membership

    settings.EXCHANGE_SYNC_ROWS = 0
    job = _accepted(api_for(officer).get("/api/exchange/open/values?unit=19502"))
    assert job["state"] == "done"
    for other in (reviewer, outsider):  # the reviewer may see the ward, but did not ask
        assert api_for(other).get(job["status_url"]).status_code == 404
        assert api_for(other).get(job["download_url"]).status_code == 404
    assert client.get(job["status_url"]).status_code == 401
    assert api_for(officer).get("/api/exchange/jobs/export-x").status_code == 404
    assert api_for(officer).get("/api/exchange/jobs/report-1").status_code == 404
    # the outsider cannot queue the other ward's export, nor learn whether it exists
    assert api_for(outsider).get("/api/exchange/open/values?unit=19502&async=true").status_code == 404
    assert api_for(outsider).post("/api/exchange/exports", {"format": "csv", "unit": "19502"},
                                  content_type="application/json").status_code == 404
    # what the outsider may queue holds nothing of Phường 2
    mine = _accepted(api_for(outsider).post("/api/exchange/exports", {"format": "csv"}, content_type="application/json"))
    assert _text(api_for(outsider).get(mine["download_url"])).splitlines()[1:] == []
    # the file is served while the rights still cover it
    Membership.objects.filter(user=officer).delete()
    assert api_for(officer).get(job["download_url"]).status_code == 404
    # a workbook's store is the uploader's alone
    upload = WorkbookUpload.objects.create(uploaded_by=officer, file_name="b.xlsx", status="checked",
                                           preview={"new": 1, "changed": 0})
    assert api_for(reviewer).post(f"/api/exchange/jobs/workbook-{upload.pk}/store").status_code == 404
    assert api_for(officer).post(job["status_url"] + "/store").status_code == 404  # an export has nothing to store


def test_a_queue_that_does_not_answer_is_a_503_and_nothing_is_kept(ward_plan, places, officer, api_for, settings):
    settings.TASKS = {"default": {"BACKEND": "chitieu.web.jobs.redis_backend.RedisBackend",
                                  "OPTIONS": {"URL": "redis://127.0.0.1:1/0"}}}  # nothing listens there
    api = api_for(officer)
    said = "Không gửi được yêu cầu vào hàng đợi công việc (ConnectionError). Hãy thử lại sau."
    for response in (_upload(api, filled_workbook(ward_plan, places.ward2, {"I5": 318})),
                     api.post("/api/exchange/dataValueSets?async=true", _set(DV), content_type="application/json"),
                     api.post("/api/exchange/exports", {"format": "csv"}, content_type="application/json")):
        assert response.status_code == 503 and said in " ".join(response.json()["errors"])
    assert not (WorkbookUpload.objects.exists() or Dhis2Import.objects.exists() or ExportJob.objects.exists())
    assert not Value.objects.exists()


# --- a real worker process -------------------------------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_a_chitieu_worker_process_runs_the_apis_jobs(database_queue, figures, places, officer, api_for, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a worker process needs a database it can share: the PostgreSQL pass")
    db = connection.settings_dict
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update({"DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
                "TASK_BACKEND": "database", "SECRET_KEY": "k" * 60, "CHITIEU_HOME": str(tmp_path)})
    api = api_for(officer)
    upload = _accepted(_upload(api, filled_workbook(figures, places.ward2, {"I9": 97}), "?store=true"))
    imported = _accepted(api.post("/api/exchange/dataValueSets?async=true", _set(DV | {"period": "2022"}),
                                  content_type="application/json"))
    export = _accepted(api.post("/api/exchange/exports", {"format": "dhis2-csv", "unit": "19502"},
                                content_type="application/json"))
    log = (tmp_path / "worker.log").open("a")
    worker = subprocess.Popen([str(Path(sys.executable).parent / "chitieu"), "worker"], env=env, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(_poll(api, j)["finished"] for j in (upload, imported, export)):
            time.sleep(0.3)
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=60)
    upload, imported, export = (_poll(api, j) for j in (upload, imported, export))
    assert (upload["state"], imported["state"], export["state"]) == ("stored", "done", "done"), \
        (tmp_path / "worker.log").read_text()[-3000:]
    assert Value.objects.get(unit=places.ward2, year=2024, indicator__code="XH09").value == 97
    assert Value.objects.get(unit=places.ward2, year=2022, indicator__code="KT01").value == 310
    lines = _text(api.get(export["download_url"])).splitlines()  # the figures, and what was stored before it ran
    assert lines[0].startswith("dataelement,period,orgunit") and 1 + 3 <= len(lines) <= 1 + 5
    assert {tuple(line.split(",")[:3]) for line in lines[1:]} >= {("KT01", "2023", "19502"), ("KT01", "2024", "19502"),
                                                                 ("XH09", "2023", "19502")}
