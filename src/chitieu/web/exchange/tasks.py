"""Background work of the exchange app, on the job queue (the database, or Redis): large exports,
the check and storing of an uploaded collection workbook and DHIS2 imports run in ``chitieu
worker``, never in the request (the work itself: ``jobs``)."""

from __future__ import annotations

from django_tasks import task


@task()
def build_export(job_id: int) -> str:
    """Write the queued ``ExportJob`` ``job_id``; returns its state afterwards."""
    from chitieu.web.exchange.jobs import do_build_export

    job = do_build_export(job_id)
    return job.status if job is not None else "gone"


@task()
def check_workbook(upload_id: int) -> str:
    """Check the uploaded ``WorkbookUpload`` ``upload_id``; returns its state afterwards."""
    from chitieu.web.exchange.jobs import do_check_workbook

    upload = do_check_workbook(upload_id)
    return upload.status if upload is not None else "gone"


@task()
def store_workbook(upload_id: int) -> str:
    """Store the confirmed ``WorkbookUpload`` ``upload_id``; returns its state afterwards."""
    from chitieu.web.exchange.jobs import do_store_workbook

    upload = do_store_workbook(upload_id)
    return upload.status if upload is not None else "gone"


@task()
def import_dhis2(job_id: int) -> str:
    """Import (or try) the uploaded ``Dhis2Import`` ``job_id``; returns its state afterwards."""
    from chitieu.web.exchange.jobs import do_dhis2_import

    job = do_dhis2_import(job_id)
    return job.status if job is not None else "gone"
