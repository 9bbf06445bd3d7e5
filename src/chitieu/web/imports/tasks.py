"""Background work of the imports app, on the database queue (django-tasks with the
django-tasks-db backend): reading an uploaded report, which can take seconds to a minute for a
long PDF, runs in the worker (`chitieu web db_worker`), never in the upload request."""

from __future__ import annotations

from django_tasks import task


@task()
def read_report(report_id: int) -> str:
    """Read the queued report ``report_id``; returns its state afterwards."""
    from chitieu.web.imports.actions import do_read_report

    report = do_read_report(report_id)
    return report.status if report is not None else "gone"
