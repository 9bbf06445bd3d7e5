"""Reports built by the job worker (issue 18): "Tạo báo cáo" queues a job and answers at once with
its card; the page polls the card (htmx) from "queued" through "running" with its step to "done"
with the download links for the DOCX and Phụ lục 1 (and the PDF where LibreOffice is), or to the
reason it failed, in the user's language; a town's reports for all its wards come in one ZIP,
only for the wards the user may report on; only the user who asked sees a job and its files.

The queue tests use the real database queue and run its worker (``db_worker --batch``) as a
server does (committing for real); the others use the suite's immediate backend (the job runs in
the request). PDF is left out here (no LibreOffice on PATH) to keep them quick; the PDF through
the queue is in test_production_shape.py.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

import pytest
from django.conf import settings
from docx import Document
from openpyxl import load_workbook
from tests.web.jobs_helpers import run_jobs

from chitieu.reports.make_default_template import DEFAULT_TEMPLATE
from chitieu.web.audit.models import AuditLog
from chitieu.web.reporting.models import GeneratedReport, ReportFile, ReportTemplate
from chitieu.web.values.actions import do_approve, do_save_values, do_submit

ISSUED = "2026-01-05"
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _no_libreoffice(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))


@pytest.fixture
def ward_values(ward_plan, places, officer, reviewer):
    ward = places.ward2
    for year, pairs in {2020: [("KT04", "55"), ("XH06", "1,8")], 2024: [("KT04", "78,5"), ("XH06", "0,9")]}.items():
        do_save_values(ward, ward_plan, year, [{"indicator": c, "value": v, "status": "chinh_thuc"} for c, v in pairs],
                       acting_user=officer)
        do_approve(do_submit(ward, ward_plan, year, acting_user=officer), acting_user=reviewer)


def _queue_url(unit, plan):
    return f"/units/{unit.pk}/plans/{plan.pk}/report/jobs/"


def _queue(client, unit, plan, htmx=True, **fields):
    return client.post(_queue_url(unit, plan), {"number": "125", "issued": ISSUED, **fields}, **(HTMX if htmx else {}))


def _links(html: str) -> dict[str, str]:
    """The download links of a card, by format."""
    return {fmt: href for href, fmt in re.findall(r'href="(/report-files/\d+/)" download data-format="(\w+)"', html)}


def _text(docx: bytes) -> str:
    doc = Document(io.BytesIO(docx))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# --- through the database queue and its worker --------------------------------------------------

@pytest.mark.django_db(transaction=True)
def test_the_button_queues_the_report_and_the_polled_card_ends_with_the_download_links(
        database_queue, ward_values, ward_plan, places, officer, client_for):
    client = client_for(officer)
    response = _queue(client, places.ward2, ward_plan)
    report = GeneratedReport.objects.get()
    card = response.content.decode()
    assert response.status_code == 200 and report.status == "queued" and report.requested_by == officer
    assert f'hx-get="/report-jobs/{report.pk}/" hx-trigger="every 1s" hx-swap="outerHTML"' in card
    assert "Đang chờ trong hàng đợi" in card and "/report-files/" not in card
    assert report.options["formats"] == ["docx", "xlsx"] and report.options["number"] == "125/BC-UBND"
    assert client.get(f"/report-jobs/{report.pk}/").content.decode().count("Đang chờ trong hàng đợi") == 1

    run_jobs()

    card = client.get(f"/report-jobs/{report.pk}/").content.decode()
    report.refresh_from_db()
    assert report.status == "done" and report.attempts == 1 and "hx-trigger" not in card and "Đã xong" in card
    links = _links(card)
    assert set(links) == {"docx", "xlsx"}
    docx = client.get(links["docx"])
    assert docx["Content-Disposition"] == 'attachment; filename="bao-cao-phuong-2-2021-2025.docx"'
    text = _text(docx.content)
    assert "PHƯỜNG 2" in text and "Số: 125/BC-UBND" in text and "78,5" in text
    sheet = load_workbook(io.BytesIO(client.get(links["xlsx"]).content)).active
    income = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "Thu nhập bình quân đầu người")
    assert 78.5 in income
    generated = AuditLog.objects.get(action="report.generate")
    assert generated.detail["job"] == report.pk and generated.detail["format"] == "docx,xlsx"
    assert generated.new == "bao-cao-phuong-2-2021-2025.docx, phu-luc-1-phuong-2-2021-2025.xlsx"
    assert AuditLog.objects.filter(action="report.queue", actor=officer, new=f"#{report.pk}").exists()
    # the page lists it on the next visit, from any process
    page = client.get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/").content.decode()
    assert f'id="report-job-{report.pk}"' in page and links["docx"] in page


@pytest.mark.django_db(transaction=True)
def test_a_job_given_up_by_the_queue_shows_as_failed_instead_of_waiting_for_ever(
        database_queue, ward_plan, places, officer, client_for):
    from django_tasks_db.models import DBTaskResult

    client = client_for(officer)
    _queue(client, places.ward2, ward_plan)
    report = GeneratedReport.objects.get()
    # what the queue records when the job's worker died on its last attempt (Redis queue) or the
    # job could not be started
    DBTaskResult.objects.filter(pk=report.task_id).update(status="FAILED")
    card = client.get(f"/report-jobs/{report.pk}/").content.decode()
    assert 'role="alert"' in card and "Công việc tạo báo cáo bị dừng giữa chừng" in card and "hx-trigger" not in card
    assert GeneratedReport.objects.get().status == "failed"
    assert AuditLog.objects.filter(action="report.job_failed").count() == 1


# --- the page, with the job run at once ----------------------------------------------------------

def test_the_card_of_a_running_report_names_its_step_and_the_ward_it_is_on(town_plan, places, reviewer,
                                                                          client_for):
    report = GeneratedReport.objects.create(unit=places.town, plan=town_plan, requested_by=reviewer, wards=True,
                                            status="running", step="docx", step_unit="Phường 1 (1/2)", attempts=2)
    card = client_for(reviewer).get(f"/report-jobs/{report.pk}/").content.decode()
    assert "Đang tạo: Đang viết báo cáo (Word) — Phường 1 (1/2) (lần chạy thứ 2)" in " ".join(card.split())
    assert "Báo cáo của từng xã, phường trực thuộc" in card and 'hx-trigger="every 1s"' in card


def test_without_the_page_script_the_form_comes_back_to_the_page_with_the_report_listed(
        ward_values, ward_plan, places, officer, client_for):
    client = client_for(officer)
    response = _queue(client, places.ward2, ward_plan, htmx=False)
    report = GeneratedReport.objects.get()
    page_url = f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/"
    assert response.status_code == 302 and response["Location"] == f"{page_url}#report-job-{report.pk}"
    page = client.get(page_url).content.decode()
    assert f'id="report-job-{report.pk}"' in page and "bao-cao-phuong-2-2021-2025.docx" in page


def test_a_bad_number_comes_back_in_the_form_not_in_a_job(ward_plan, places, officer, client_for):
    response = _queue(client_for(officer), places.ward2, ward_plan, number="abc xyz")
    body = response.content.decode()
    assert response.status_code == 200  # htmx swaps only 2xx answers
    assert response["HX-Retarget"] == "#report-form" and response["HX-Reswap"] == "outerHTML"
    assert body.lstrip().startswith('<form id="report-form"')
    assert "Số, ký hiệu “abc xyz” không đúng thể thức Nghị định 30/2020/NĐ-CP" in body
    assert not GeneratedReport.objects.exists()


def test_a_broken_unit_template_fails_the_job_with_the_reason_in_the_users_language(
        ward_plan, places, officer, client_for):
    ReportTemplate.objects.create(unit=places.ward2, file=b"not a docx", file_name="mau-hong.docx",
                                  uploaded_by=officer)
    client = client_for(officer)
    card = _queue(client, places.ward2, ward_plan).content.decode()
    assert 'data-status="failed"' in card and 'role="alert"' in card
    assert "Mẫu báo cáo của đơn vị không dùng được" in card and "Hãy tải lên mẫu khác" in card
    assert not ReportFile.objects.exists()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    card = html.unescape(_queue(client, places.ward2, ward_plan).content.decode())
    assert "The unit's report template cannot be used" in card and "Could not be built" in card
    assert "Mẫu báo cáo của đơn vị" not in card


def test_an_uploaded_template_is_used_by_the_job_and_stored_as_the_units(ward_values, ward_plan, places, officer,
                                                                         client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    doc = Document(str(DEFAULT_TEMPLATE))
    doc.paragraphs[0].insert_paragraph_before("Mẫu riêng — {{ don_vi }}")
    buf = io.BytesIO()
    doc.save(buf)
    client = client_for(officer)
    card = _queue(client, places.ward2, ward_plan, template=SimpleUploadedFile("mau-rieng.docx", buf.getvalue())
                  ).content.decode()
    assert "Mẫu riêng — PHƯỜNG 2" in _text(client.get(_links(card)["docx"]).content)
    assert ReportTemplate.current_for(places.ward2).file_name == "mau-rieng.docx"
    assert GeneratedReport.objects.get().template_upload is None  # the bytes are not kept twice


def test_a_town_reviewer_gets_every_wards_report_in_one_zip(ward_values, town_plan, places, reviewer, client_for):
    client = client_for(reviewer)
    page = client.get(f"/units/{places.town.pk}/plans/{town_plan.pk}/report/").content.decode()
    assert 'name="wards"' in page and "Báo cáo riêng của từng xã, phường trực thuộc (một tệp ZIP)" in page
    card = _queue(client, places.town, town_plan, wards="on").content.decode()
    links = _links(card)
    assert list(links) == ["zip"] and "bao-cao-cac-don-vi-truc-thuoc-thi-xa-quang-tri-2021-2025.zip" in card
    archive = zipfile.ZipFile(io.BytesIO(client.get(links["zip"]).content))
    assert sorted(archive.namelist()) == [
        "bao-cao-phuong-1-2021-2025.docx", "bao-cao-phuong-2-2021-2025.docx",
        "phu-luc-1-phuong-1-2021-2025.xlsx", "phu-luc-1-phuong-2-2021-2025.xlsx"]
    ward2 = _text(archive.read("bao-cao-phuong-2-2021-2025.docx"))
    assert "PHƯỜNG 2" in ward2 and "78,5" in ward2  # Phường 2's own plan and values
    assert "PHƯỜNG 1" in _text(archive.read("bao-cao-phuong-1-2021-2025.docx"))
    audited = AuditLog.objects.filter(action="report.generate").values_list("unit__name", flat=True)
    assert sorted(audited) == ["Phường 1", "Phường 2"]


def test_a_town_viewer_gets_no_ward_report_they_may_not_issue(town_plan, places, viewer, client_for):
    card = _queue(client_for(viewer), places.town, town_plan, wards="on").content.decode()
    assert "Phường 1: bạn không có quyền tạo báo cáo của đơn vị này." in card
    assert "Phường 2: bạn không có quyền tạo báo cáo của đơn vị này." in card
    zip_file = ReportFile.objects.get()
    assert zipfile.ZipFile(io.BytesIO(bytes(zip_file.data))).namelist() == ["chua-tao-duoc.txt"]
    assert not AuditLog.objects.filter(action="report.generate").exists()


def test_a_ward_has_no_zip_choice_and_cannot_ask_for_one(ward_plan, places, officer, client_for):
    client = client_for(officer)
    assert 'name="wards"' not in client.get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/").content.decode()
    _queue(client, places.ward2, ward_plan, wards="on")
    assert GeneratedReport.objects.get().wards is False  # the field is not there: a plain report


def test_only_the_user_who_asked_sees_the_job_and_its_files(ward_values, ward_plan, places, officer, reviewer,
                                                            outsider, nobody, client_for):
    card = _queue(client_for(officer), places.ward2, ward_plan).content.decode()
    report = GeneratedReport.objects.get()
    file_url = _links(card)["docx"]
    for user in (outsider, nobody, reviewer):  # the reviewer may report on the ward, but did not ask
        client = client_for(user)
        assert client.get(f"/report-jobs/{report.pk}/").status_code == 404
        assert client.get(file_url).status_code == 404
    for user in (outsider, nobody):
        assert _queue(client_for(user), places.ward2, ward_plan).status_code == 404
    assert GeneratedReport.objects.count() == 1


def test_the_files_go_when_the_officer_loses_the_ward(ward_plan, places, officer, client_for):
    from chitieu.web.accounts.models import Membership

    client = client_for(officer)
    card = _queue(client, places.ward2, ward_plan).content.decode()
    assert client.get(_links(card)["docx"]).status_code == 200
    Membership.objects.filter(user=officer).delete()
    assert client.get(_links(card)["docx"]).status_code == 404


def test_a_viewer_of_the_town_may_not_queue_the_wards_report(ward_plan, places, viewer, client_for):
    assert _queue(client_for(viewer), places.ward2, ward_plan).status_code == 403
    assert not GeneratedReport.objects.exists()


def test_anonymous_users_are_sent_to_log_in(ward_plan, places, client):
    for response in (client.post(_queue_url(places.ward2, ward_plan)), client.get("/report-jobs/1/"),
                     client.get("/report-files/1/")):
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_reports_older_than_the_kept_days_are_deleted_with_their_files(ward_plan, places, officer, client_for,
                                                                       settings):
    from datetime import timedelta

    from django.utils import timezone

    settings.REPORT_FILES_DAYS = 3
    client = client_for(officer)
    _queue(client, places.ward2, ward_plan)
    old = GeneratedReport.objects.get()
    GeneratedReport.objects.filter(pk=old.pk).update(requested_at=timezone.now() - timedelta(days=4))
    _queue(client, places.ward2, ward_plan)
    assert list(GeneratedReport.objects.values_list("pk", flat=True)) != [old.pk]
    assert GeneratedReport.objects.count() == 1 and not ReportFile.objects.filter(report_id=old.pk).exists()


def test_a_queue_that_does_not_answer_is_said_in_the_form_and_nothing_is_kept(ward_plan, places, officer,
                                                                              client_for, settings):
    settings.TASKS = {"default": {"BACKEND": "chitieu.web.jobs.redis_backend.RedisBackend",
                                  "OPTIONS": {"URL": "redis://127.0.0.1:1/0"}}}  # nothing listens there
    response = _queue(client_for(officer), places.ward2, ward_plan)
    body = response.content.decode()
    assert response["HX-Retarget"] == "#report-form"
    assert "Không gửi được yêu cầu vào hàng đợi công việc (ConnectionError). Hãy thử lại sau." in body
    assert not GeneratedReport.objects.exists() and not AuditLog.objects.filter(action="report.queue").exists()
