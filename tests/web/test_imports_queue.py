"""Uploaded reports are read by the background worker, not in the upload request.

These tests use the real database queue (django-tasks-db) and run its worker command
(`db_worker --batch`) the way a server runs it; the rest of the suite uses the immediate backend.
They commit for real (``transaction=True``): the worker, like a server's, opens and closes its
own connections, which a test wrapped in one transaction would not survive.
"""

from __future__ import annotations

import io

import pytest
from tests.web.jobs_helpers import run_jobs

from chitieu.web.audit.models import AuditLog
from chitieu.web.imports.models import ImportedReport

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = ("BÁO CÁO\nKết quả thực hiện năm 2024\n"
        "Tỷ lệ hộ nghèo còn 0,8%.\nThu nhập bình quân đầu người đạt 78,5 triệu đồng.\n").encode()


def _upload(client, unit, name, content):
    f = io.BytesIO(content)
    f.name = name
    return client.post(f"/units/{unit.pk}/reports/", {"file": f})


def test_the_upload_answers_at_once_and_the_worker_reads_the_report(database_queue, client_for, officer, places,
                                                                     catalogue):
    client = client_for(officer)
    response = _upload(client, places.ward2, "bao-cao.txt", TEXT)
    report = ImportedReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert report.status == "reading" and report.lines == [] and not report.statements.exists()
    assert bytes(report.pending_file) == TEXT

    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert "Đang đọc tệp" in page and f'hx-get="/reports/{report.pk}/state/"' in page
    assert client.get(f"/reports/{report.pk}/state/").status_code == 204

    run_jobs()

    report.refresh_from_db()
    assert report.status == "draft" and report.pending_file is None
    assert report.lines[2] == "Tỷ lệ hộ nghèo còn 0,8%."
    assert sorted(report.statements.values_list("line", flat=True)) == [3, 4]
    state = client.get(f"/reports/{report.pk}/state/")
    assert state.status_code == 200 and state["HX-Refresh"] == "true"
    assert "Kết quả thực hiện năm 2024" in client.get(f"/reports/{report.pk}/").content.decode()  # its group
    key = report.statements.first().group_key
    assert "Tỷ lệ hộ nghèo còn 0,8%." in client.get(f"/reports/{report.pk}/groups/{key}/").content.decode()
    assert list(AuditLog.objects.filter(object_type="imports.importedreport", object_id=str(report.pk)).values_list("action", flat=True).order_by("pk")) == [
        "report.upload", "report.read"]


def test_a_file_the_worker_cannot_read_ends_failed_with_the_reason_and_can_be_uploaded_again(
        database_queue, client_for, officer, places, catalogue):
    client = client_for(officer)
    _upload(client, places.ward2, "tieng-anh.txt", b"The ward reached 95% of its plan in 2020. Income rose to 85 million.")
    run_jobs()
    report = ImportedReport.objects.get()
    assert report.status == "failed" and "không phải tiếng Việt" in report.error and report.pending_file is None
    page = client.get(f"/reports/{report.pk}/").content.decode()
    assert 'role="alert"' in page and "không phải tiếng Việt" in page and f"/reports/{report.pk}/delete/" in page

    again = _upload(client, places.ward2, "tieng-anh.txt", b"The ward reached 95% of its plan in 2020. Income rose to 85 million.")
    assert again.status_code == 302
    retried = ImportedReport.objects.get()
    assert retried.pk != report.pk and retried.status == "reading"
    assert AuditLog.objects.filter(action="report.retry").count() == 1


def test_a_failed_upload_is_deleted_through_its_action_with_an_audit_row(database_queue, client_for, officer, places,
                                                                       catalogue):
    client = client_for(officer)
    _upload(client, places.ward2, "rong.txt", b"   ")
    run_jobs()
    report = ImportedReport.objects.get()
    assert report.status == "failed"
    response = client.post(f"/reports/{report.pk}/delete/")
    assert response.status_code == 302 and not ImportedReport.objects.exists()
    assert AuditLog.objects.filter(action="report.delete", old="rong.txt").exists()


def test_the_outsider_cannot_poll_or_delete_another_ward_report(database_queue, client_for, officer, outsider, places,
                                                                catalogue):
    _upload(client_for(officer), places.ward2, "bao-cao.txt", TEXT)
    report = ImportedReport.objects.get()
    other = client_for(outsider)
    assert other.get(f"/reports/{report.pk}/state/").status_code == 404
    assert other.post(f"/reports/{report.pk}/delete/").status_code == 404
    assert ImportedReport.objects.filter(pk=report.pk).exists()
