"""Accepting an uploaded report is storing its bytes and queueing its reading (issue 18): the
upload request parses nothing and does not read the stored file back; the worker reads it
(``test_imports_queue.py`` runs that worker; ``benchmarks/bench_upload_accept.py`` times both)."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.web.imports.models import ImportedReport

pytestmark = pytest.mark.django_db

NOT_READABLE = b"%PDF-1.4\n" + b"% no page here: a reader would refuse it\n" * 2000 + b"%%EOF\n"


def test_the_upload_request_stores_the_bytes_queues_the_reading_and_reads_nothing(
        database_queue, client_for, officer, places):
    from django_tasks_db.models import DBTaskResult

    f = io.BytesIO(NOT_READABLE)
    f.name = "bao-cao-70-trang.pdf"
    with CaptureQueriesContext(connection) as captured:
        response = client_for(officer).post(f"/units/{places.ward2.pk}/reports/", {"file": f})
    report = ImportedReport.objects.get()
    # a file no reader takes is accepted all the same: only the worker opens it
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    assert report.status == "reading" and report.error == "" and not report.statements.exists()
    assert bytes(report.pending_file) == NOT_READABLE and report.file_name == "bao-cao-70-trang.pdf"
    job = DBTaskResult.objects.get()
    assert job.task_path == "chitieu.web.imports.tasks.read_report" and job.args_kwargs["args"] == [report.pk]
    assert job.status == "READY"
    reads_back = [q["sql"] for q in captured if q["sql"].lstrip().upper().startswith("SELECT")
                  and "pending_file" in q["sql"]]
    assert reads_back == [], "the request read the uploaded bytes back from the database"


def test_the_same_file_again_is_answered_from_the_first_upload_without_a_second_job(
        database_queue, client_for, officer, places):
    from django_tasks_db.models import DBTaskResult

    client = client_for(officer)
    for _ in range(2):
        f = io.BytesIO(NOT_READABLE)
        f.name = "bao-cao.pdf"
        response = client.post(f"/units/{places.ward2.pk}/reports/", {"file": f})
        assert response.status_code == 302
    assert ImportedReport.objects.count() == 1 and DBTaskResult.objects.count() == 1
