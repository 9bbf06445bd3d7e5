"""The exchange's work in the job worker (issue 18): large exports, and the check and storing of a
collection workbook. The requests only queue (``do_queue_export``, ``do_queue_check``,
``do_queue_store``) and the page polls the row; the jobs (``tasks``) call ``do_build_export``,
``do_check_workbook`` and ``do_store_workbook``.

A DHIS2 data value set is imported (or tried, dry run) by ``do_dhis2_import`` the same way.

A job run again after a worker crash starts over: an export drops the chunks it had written; a
workbook is checked again from its file; storing is one transaction with the row marked
"stored", so a crash leaves either everything or nothing stored, never half. Each job works in
the language the user asked in, with the user's rights as they are when it runs.
"""

from __future__ import annotations

import io
import logging
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from chitieu.exchange import dhis2 as d2fmt
from chitieu.exchange import tidy
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.exchange import collect, dhis2, opendata
from chitieu.web.exchange.models import Dhis2Import, ExportChunk, ExportJob, WorkbookUpload
from chitieu.web.exchange.scope import Scope, make_scope, parse_years

logger = logging.getLogger("chitieu.exchange")

CHUNK = 4 << 20  # bytes of a file per ExportChunk row
PROGRESS_SECONDS = 0.5  # the polled row is written at most this often
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# format → (file name, content type, tables); a file name with {table} is of one table
FORMATS = {
    "csv": ("{table}.csv", "text/csv; charset=utf-8", None),
    "json": ("{table}.json", "application/json", None),
    "xlsx": ("chitieu.xlsx", XLSX, ["values", "evaluations", "units", "indicators"]),
    "datapackage": ("chitieu-datapackage.zip", "application/zip", ["units", "indicators", "values", "evaluations"]),
    "dhis2-json": ("dataValueSet.json", "application/json", ["values"]),
    "dhis2-csv": ("dataValueSet.csv", "text/csv; charset=utf-8", ["values"]),
}
TABLES = ("values", "evaluations")


def purge_old() -> None:
    """Delete the exports and workbook uploads older than ``EXCHANGE_FILES_DAYS``."""
    since = timezone.now() - timedelta(days=settings.EXCHANGE_FILES_DAYS)
    ExportJob.objects.filter(requested_at__lt=since).delete()
    WorkbookUpload.objects.filter(uploaded_at__lt=since).delete()
    Dhis2Import.objects.filter(uploaded_at__lt=since).delete()


def queue_failed(exc: Exception) -> str:
    """The message an officer sees when the job queue did not answer (logged with its cause)."""
    logger.exception("exchange job could not be queued")
    return _("Không gửi được yêu cầu vào hàng đợi công việc (%(reason)s). Hãy thử lại sau.") % {
        "reason": type(exc).__name__}


def _crashed_message() -> str:
    return _("Công việc bị dừng giữa chừng (tiến trình xử lý công việc dừng đột ngột, đã thử lại một lần). "
             "Hãy làm lại.")


def settle(obj):
    """An export or upload still waiting or running whose job the queue gave up on (its worker
    crashed on its last allowed attempt) is marked failed, so that the page stops polling. Asks
    the queue only for an unfinished one."""
    busy = (not obj.finished) if isinstance(obj, ExportJob) else obj.busy
    if not busy or not obj.task_id:
        return obj
    from django_tasks import TaskResultStatus, default_task_backend
    from django_tasks.exceptions import TaskResultDoesNotExist

    try:
        result = default_task_backend.get_result(obj.task_id)
    except (NotImplementedError, TaskResultDoesNotExist):  # the immediate backend keeps no results
        return obj
    if result.status == TaskResultStatus.FAILED:
        with translation.override(obj.language):
            fields = {"status": type(obj).State.FAILED, "finished_at": timezone.now()}
            if isinstance(obj, ExportJob):
                fields["error"] = _crashed_message()
            else:
                fields.update(errors=[_crashed_message()], file=None)
            type(obj).objects.filter(pk=obj.pk, status=obj.status).update(**fields)
        obj.refresh_from_db()
    return obj


# --- exports -----------------------------------------------------------------------------------

def scope_of(user, *, unit_code: str = "", plan_id: str = "", years: str = "") -> Scope:
    """The export's scope for ``user`` now; ``Http404`` for a unit or plan they may not see,
    ``ValueError`` for years that do not read."""
    return make_scope(user, unit_code=unit_code or None, plan_id=plan_id or None, years=parse_years(years))


def do_queue_export(user, *, fmt: str, table: str = "values", unit_code: str = "", plan_id: str = "",
                    years: str = "", language: str = "vi") -> ExportJob:
    """Ask the job worker for an export of ``fmt`` (``FORMATS``) of what ``user`` may see within
    the filters; returns the ``ExportJob`` the page follows (with the immediate backend: done)."""
    if fmt not in FORMATS or (FORMATS[fmt][2] is None and table not in TABLES):
        raise ActionError({"format": [_("Định dạng “%(fmt)s” không hợp lệ.") % {"fmt": fmt}]})
    try:
        scope = scope_of(user, unit_code=unit_code, plan_id=plan_id, years=years)
    except ValueError:
        raise ActionError({"years": [_("Năm không hợp lệ (viết 2021-2025 hoặc 2020,2023).")]}) from None
    from chitieu.web.exchange.tasks import build_export

    purge_old()
    job = None
    try:
        with transaction.atomic():
            job = ExportJob.objects.create(
                requested_by=user, format=fmt, table=table if FORMATS[fmt][2] is None else "",
                unit_code=unit_code, plan_id_filter=str(plan_id or ""), years=years or "", language=language,
                unit_ids=None if scope.unit_ids is None else sorted(scope.unit_ids))
            record("exchange.export_queue", job, actor=user, unit=scope.unit, new=f"#{job.pk}", format=fmt,
                   table=job.table, filters={"unit": unit_code, "plan": str(plan_id or ""), "years": years or ""})
            ExportJob.objects.filter(pk=job.pk).update(task_id=build_export.enqueue(job.pk).id)
    except Exception as exc:  # the queue did not answer (Redis down)
        message = queue_failed(exc)
        if job is not None and ExportJob.objects.filter(pk=job.pk).exists():
            ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.State.FAILED, error=message)
        else:
            raise ActionError(message) from exc
    job.refresh_from_db()
    return job


def may_download(user, job: ExportJob) -> bool:
    """The user who asked, while what the file holds is still within what they may see."""
    if job.requested_by_id != user.pk:
        return False
    try:
        scope = scope_of(user, unit_code=job.unit_code, plan_id=job.plan_id_filter, years=job.years)
    except (Http404, ValueError):
        return False
    if scope.unit_ids is None:
        return True
    return job.unit_ids is not None and set(job.unit_ids) <= scope.unit_ids


class _Progress:
    """Counts the rows written and tells the polled row every ``PROGRESS_SECONDS``."""

    def __init__(self, job: ExportJob, total: int) -> None:
        self.job_pk, self.total, self.done = job.pk, total, 0
        self.last = time.monotonic()
        ExportJob.objects.filter(pk=job.pk).update(rows_total=total, rows_written=0)

    def counted(self, rows):
        for row in rows:
            yield row
            self.done += 1
            if not self.done % 200 and time.monotonic() - self.last >= PROGRESS_SECONDS:
                self.flush()

    def flush(self) -> None:
        self.last = time.monotonic()
        self.total = max(self.total, self.done)
        ExportJob.objects.filter(pk=self.job_pk).update(rows_written=self.done, rows_total=self.total)


def _write(job: ExportJob, scope: Scope, path: Path) -> tuple[str, str]:
    """Write the export's file at ``path``; returns its download name and content type."""
    name, content_type, tables = FORMATS[job.format]
    tables = tables or [job.table]
    progress = _Progress(job, sum(opendata.row_count(scope, t) for t in tables))
    if job.format in ("csv", "json"):
        rows = progress.counted(opendata.MAKERS[job.table](scope))
        chunks = tidy.iter_csv(job.table, rows) if job.format == "csv" else tidy.iter_json(job.table, rows)
        with path.open("w", encoding="utf-8", newline="") as out:
            for text in chunks:
                out.write(text)
    elif job.format == "xlsx":
        tidy.write_xlsx(str(path), {n: progress.counted(make()) for n, make in opendata.tables(scope, tables).items()})
    elif job.format == "datapackage":
        makers = {n: (lambda make=make: progress.counted(make())) for n, make in opendata.tables(scope, tables).items()}
        tidy.write_package(str(path), makers, title="chitieu")
    else:
        values = progress.counted(dhis2.export_values(scope))
        chunks = d2fmt.iter_json(values) if job.format == "dhis2-json" else d2fmt.iter_csv(values)
        with path.open("w", encoding="utf-8", newline="") as out:
            for text in chunks:
                out.write(text)
    progress.flush()
    return name.format(table=job.table), content_type


def _fail_export(job: ExportJob, message: str) -> ExportJob:
    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.State.FAILED, error=str(message)[:2000],
                                               finished_at=timezone.now())
    job.refresh_from_db()
    return job


def do_build_export(job_id: int) -> ExportJob | None:
    """The job (``tasks.build_export``): write the export with the asker's rights as they are now
    and keep it in chunks; None when there is nothing to do (deleted, or finished)."""
    with transaction.atomic():
        job = ExportJob.objects.select_for_update().filter(
            pk=job_id, status__in=[ExportJob.State.QUEUED, ExportJob.State.RUNNING]).first()
        if job is None:
            return None
        job.status, job.started_at, job.attempts = ExportJob.State.RUNNING, timezone.now(), job.attempts + 1
        job.save(update_fields=["status", "started_at", "attempts"])
    ExportChunk.objects.filter(job=job).delete()  # a run after a crash starts over
    with translation.override(job.language):
        try:
            scope = scope_of(job.requested_by, unit_code=job.unit_code, plan_id=job.plan_id_filter, years=job.years)
            with tempfile.TemporaryDirectory(prefix="chitieu-export-") as folder:
                path = Path(folder) / "export"
                name, content_type = _write(job, scope, path)
                size = path.stat().st_size
                with transaction.atomic(), path.open("rb") as f:
                    seq = 0
                    while block := f.read(CHUNK):
                        ExportChunk.objects.create(job=job, seq=seq, data=block)
                        seq += 1
                    ExportJob.objects.filter(pk=job.pk).update(
                        status=ExportJob.State.DONE, finished_at=timezone.now(), file_name=name,
                        content_type=content_type, size=size,
                        unit_ids=None if scope.unit_ids is None else sorted(scope.unit_ids))
        except (Http404, ValueError):
            return _fail_export(job, _("Bạn không còn quyền xem dữ liệu trong phạm vi này."))
        except Exception:
            _fail_export(job, _("Lỗi không mong đợi khi ghi tệp (đã ghi vào nhật ký hệ thống). Hãy thử lại sau."))
            raise  # logged by the worker with its traceback
    job.refresh_from_db()
    return job


def export_chunks(job: ExportJob):
    """The file's bytes, a chunk at a time (for a streamed download)."""
    seqs = list(ExportChunk.objects.filter(job=job).order_by("seq").values_list("seq", flat=True))
    for seq in seqs:
        yield bytes(ExportChunk.objects.values_list("data", flat=True).get(job=job, seq=seq))


# --- collection workbooks -----------------------------------------------------------------------

def preview_data(preview: collect.Preview) -> dict:
    """What the preview page shows, as JSON (numbers as their text)."""
    def change(c: collect.Change) -> list:
        return [c.cell, c.code, c.name, c.status, None if c.old is None else str(c.old), str(c.new)]

    return {"plan": preview.plan.pk, "period": preview.plan.period, "plan_unit": preview.plan.unit.name,
            "year": preview.year, "new": preview.new, "changed": preview.changed, "unchanged": preview.unchanged,
            "first_unit": preview.units[0].unit.pk if preview.units else preview.plan.unit_id,
            "units": [{"code": u.unit.code, "name": u.unit.name, "sheet": u.sheet, "unchanged": u.unchanged,
                       "new": [change(c) for c in u.new], "changed": [change(c) for c in u.changed]}
                      for u in preview.units]}


def do_queue_check(user, file_name: str, data: bytes, *, language: str = "vi") -> WorkbookUpload:
    """Keep the uploaded workbook and ask the job worker to check it."""
    from chitieu.web.exchange.tasks import check_workbook

    purge_old()
    upload = None
    try:
        with transaction.atomic():
            upload = WorkbookUpload.objects.create(uploaded_by=user, file_name=file_name[:255], file=data,
                                                   language=language)
            WorkbookUpload.objects.filter(pk=upload.pk).update(task_id=check_workbook.enqueue(upload.pk).id)
    except Exception as exc:
        message = queue_failed(exc)
        if upload is not None and WorkbookUpload.objects.filter(pk=upload.pk).exists():
            WorkbookUpload.objects.filter(pk=upload.pk).update(status=WorkbookUpload.State.FAILED, errors=[message],
                                                               file=None)
        else:
            raise ActionError(message) from exc
    upload.refresh_from_db()
    return upload


def do_queue_store(user, upload: WorkbookUpload) -> WorkbookUpload:
    """"Xác nhận lưu": ask the job worker to store the checked workbook (once)."""
    from chitieu.web.exchange.tasks import store_workbook

    S = WorkbookUpload.State
    try:
        with transaction.atomic():
            if not WorkbookUpload.objects.filter(pk=upload.pk, uploaded_by=user, status=S.CHECKED).update(
                    status=S.STORE_QUEUED, attempts=0, step="", sheets_done=0):
                raise ActionError(_("Biểu này đã được xác nhận hoặc không còn chờ xác nhận."))
            WorkbookUpload.objects.filter(pk=upload.pk).update(task_id=store_workbook.enqueue(upload.pk).id)
    except ActionError:
        raise
    except Exception as exc:
        raise ActionError(queue_failed(exc)) from exc
    upload.refresh_from_db()
    return upload


def _claim(upload_id: int, waiting: str, running: str) -> WorkbookUpload | None:
    with transaction.atomic():
        upload = WorkbookUpload.objects.select_for_update().filter(pk=upload_id, status__in=[waiting, running]).first()
        if upload is None:
            return None
        upload.status, upload.attempts = running, upload.attempts + 1
        upload.save(update_fields=["status", "attempts"])
    return upload


def _sheet_progress(upload: WorkbookUpload):
    last = [0.0]

    def tell(step: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if step == "sheets" and 0 < done < (total or 0) and now - last[0] < PROGRESS_SECONDS:
            return
        last[0] = now
        WorkbookUpload.objects.filter(pk=upload.pk).update(step=step, sheets_done=done, sheets_total=total)
    return tell


def _refuse(upload: WorkbookUpload, errors: list[str]) -> WorkbookUpload:
    WorkbookUpload.objects.filter(pk=upload.pk).update(status=WorkbookUpload.State.REFUSED, errors=errors,
                                                       file=None, finished_at=timezone.now())
    upload.refresh_from_db()
    return upload


def _failed(upload: WorkbookUpload) -> None:
    WorkbookUpload.objects.filter(pk=upload.pk).update(
        status=WorkbookUpload.State.FAILED, file=None, finished_at=timezone.now(),
        errors=[_("Lỗi không mong đợi khi xử lý biểu (đã ghi vào nhật ký hệ thống). Hãy nộp lại sau.")])


def do_check_workbook(upload_id: int) -> WorkbookUpload | None:
    """The job (``tasks.check_workbook``): check every sheet for the uploader; keep the preview,
    or every refused cell (and drop the file)."""
    S = WorkbookUpload.State
    upload = _claim(upload_id, S.QUEUED, S.CHECKING)
    if upload is None:
        return None
    with translation.override(upload.language):
        try:
            preview = collect.check_upload(io.BytesIO(bytes(upload.file)), upload.uploaded_by,
                                           progress=_sheet_progress(upload))
        except collect.CollectRefused as exc:
            return _refuse(upload, exc.errors)
        except Exception:
            _failed(upload)
            raise
    WorkbookUpload.objects.filter(pk=upload.pk).update(status=S.CHECKED, preview=preview_data(preview),
                                                       finished_at=timezone.now())
    upload.refresh_from_db()
    return upload


def do_store_workbook(upload_id: int) -> WorkbookUpload | None:
    """The job (``tasks.store_workbook``): check the workbook again (the data or the rights may
    have moved since the preview), then store every value through ``do_save_values_bulk`` in
    the same transaction as the row's "stored": all or nothing."""
    S = WorkbookUpload.State
    upload = _claim(upload_id, S.STORE_QUEUED, S.STORING)
    if upload is None:
        return None
    with translation.override(upload.language):
        try:
            preview = collect.check_upload(io.BytesIO(bytes(upload.file)), upload.uploaded_by,
                                           progress=_sheet_progress(upload))
            WorkbookUpload.objects.filter(pk=upload.pk).update(step="save")
            with transaction.atomic():
                stored = collect.store(preview, upload.uploaded_by)
                WorkbookUpload.objects.filter(pk=upload.pk).update(
                    status=S.STORED, stored=stored, file=None, finished_at=timezone.now(),
                    preview=preview_data(preview))
        except collect.CollectRefused as exc:
            return _refuse(upload, exc.errors)
        except ActionError as exc:
            return _refuse(upload, [m for ms in exc.errors.values() for m in ms])
        except Exception:
            _failed(upload)
            raise
    upload.refresh_from_db()
    return upload


# --- DHIS2 data value sets ------------------------------------------------------------------------

def do_queue_dhis2_import(user, file_name: str, data: bytes, *, dry_run: bool, skip_invalid: bool,
                          language: str = "vi") -> Dhis2Import:
    """Keep the uploaded set and ask the job worker to import it (or try it, ``dry_run``)."""
    from chitieu.web.exchange.tasks import import_dhis2

    purge_old()
    job = None
    try:
        with transaction.atomic():
            job = Dhis2Import.objects.create(uploaded_by=user, file_name=file_name[:255], file=data, dry_run=dry_run,
                                             skip_invalid=skip_invalid, language=language)
            Dhis2Import.objects.filter(pk=job.pk).update(task_id=import_dhis2.enqueue(job.pk).id)
    except Exception as exc:
        message = queue_failed(exc)
        if job is not None and Dhis2Import.objects.filter(pk=job.pk).exists():
            Dhis2Import.objects.filter(pk=job.pk).update(status=Dhis2Import.State.FAILED, errors=[message], file=None)
        else:
            raise ActionError(message) from exc
    job.refresh_from_db()
    return job


def do_dhis2_import(job_id: int) -> Dhis2Import | None:
    """The job (``tasks.import_dhis2``): read and check the set with the uploader's rights as they
    are now and store it (``dhis2.import_set``, all or nothing) in the same transaction as the
    row's "done"; or keep every refused row."""
    S = Dhis2Import.State
    with transaction.atomic():
        job = Dhis2Import.objects.select_for_update().filter(pk=job_id, status__in=[S.QUEUED, S.RUNNING]).first()
        if job is None:
            return None
        job.status, job.attempts = S.RUNNING, job.attempts + 1
        job.save(update_fields=["status", "attempts"])
    data = bytes(job.file)
    with translation.override(job.language):
        try:
            values = dhis2.read_set(data, dhis2.guess_kind(job.file_name, data))
            with transaction.atomic():
                summary = dhis2.import_set(values, job.uploaded_by, dry_run=job.dry_run, skip_invalid=job.skip_invalid)
                Dhis2Import.objects.filter(pk=job.pk).update(status=S.DONE, summary=summary.as_dict(), file=None,
                                                             finished_at=timezone.now())
        except dhis2.SetRefused as exc:
            Dhis2Import.objects.filter(pk=job.pk).update(status=S.REFUSED, errors=exc.errors, file=None,
                                                         finished_at=timezone.now())
        except Exception:
            Dhis2Import.objects.filter(pk=job.pk).update(
                status=S.FAILED, file=None, finished_at=timezone.now(),
                errors=[_("Lỗi không mong đợi khi xử lý tệp (đã ghi vào nhật ký hệ thống). Hãy nộp lại sau.")])
            raise
    job.refresh_from_db()
    return job
