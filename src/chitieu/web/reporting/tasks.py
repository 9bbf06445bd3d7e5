"""Background work of the reporting app, on the job queue (the database, or Redis): building a
report asked for on the "Tạo báo cáo" page — the DOCX, Phụ lục 1, the PDF (LibreOffice, seconds
each), or the reports of every ward of a town in one ZIP — runs in ``chitieu worker``, never in
the request."""

from __future__ import annotations

from django_tasks import task


@task()
def build_report(report_id: int) -> str:
    """Build the queued ``GeneratedReport`` ``report_id``; returns its state afterwards."""
    from chitieu.web.reporting.actions import do_build_report

    report = do_build_report(report_id)
    return report.status if report is not None else "gone"
