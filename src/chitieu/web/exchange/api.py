"""The exchange endpoints of the JSON API (mounted at /api/exchange/ by ``chitieu.web.api``):
DHIS2 data value sets out (JSON or CSV) and in (JSON or CSV body, ``dryRun``, ``skipInvalid``,
``async``), the open-data tables (CSV or JSON), collection workbooks in, and the jobs that do the
heavy part of it (issue 18). Same access and actions as the pages: a unit or plan the user may
not see is a 404, a value they may not write is ignored with its reason or refuses the set.

Heavy work runs in the job worker, as the same jobs the pages queue (``jobs``): a workbook's
check and storing, a DHIS2 set asked with ``async=true`` or holding more than
``EXCHANGE_SYNC_ROWS`` data values, an export asked with ``POST /exports``, with ``async=true`` or
whose scope holds more than ``EXCHANGE_SYNC_ROWS`` values. Those answer **202** with the job's
status (``Location``: ``GET /api/exchange/jobs/{id}``), which the client polls: state, progress,
the message the page's card shows, every error (the cell or the code named), and when done the
result or the file's download URL. A job is seen by the user who asked only (404 to anyone
else); a file is served while their rights still cover what it holds (``jobs.may_download``).

Still answered in the request, for the DHIS2 and open-data clients that wait for the answer
(docs/exchange.md): a data value set of at most ``EXCHANGE_SYNC_ROWS`` values without ``async``,
and the GET exports of a scope of at most ``EXCHANGE_SYNC_ROWS`` values (streamed)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema

from chitieu.exchange import dhis2 as d2fmt
from chitieu.exchange import tidy
from chitieu.web.errors import ActionError
from chitieu.web.exchange import dhis2, jobs, opendata
from chitieu.web.exchange.models import Dhis2Import, ExportJob, WorkbookUpload
from chitieu.web.exchange.scope import make_scope, parse_years, value_queryset
from chitieu.web.exchange.templatetags.exchange_tags import number

router = Router(tags=["exchange"])

MAX_UPLOAD = 50 * 1024 * 1024  # as the pages (views.MAX_UPLOAD)
KINDS = {"export": ExportJob, "workbook": WorkbookUpload, "dhis2": Dhis2Import}
JOB_ID = re.compile(r"^(export|workbook|dhis2)-(\d{1,18})$")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class JobOut(Schema):
    """A job of the exchange, as ``GET /api/exchange/jobs/{id}`` tells it."""

    id: str  # "export-12", "workbook-5", "dhis2-7"
    kind: str  # export, workbook, dhis2
    state: str  # export: queued, running, done, failed; workbook: queued, checking, checked, refused,
    # store_queued, storing, stored, failed; dhis2: queued, running, done, refused, failed
    state_label: str
    finished: bool  # nothing more will happen without the client (a checked workbook waits for /store)
    message: str  # the line the page's card shows ("Đang kiểm tra… 3/12 trang tính")
    progress: dict | None  # {"of": "rows"|"sheets", "done", "total", "percent"}
    attempts: int
    errors: list[str]  # every refused cell or data value, or why the job failed
    result: dict | None  # export: the file; workbook: the preview (and "stored"); dhis2: the import summary
    download_url: str | None
    store_url: str | None
    status_url: str
    created_at: str
    finished_at: str | None


class ExportIn(Schema):
    format: str  # csv, json, xlsx, datapackage, dhis2-json, dhis2-csv
    table: str = "values"  # values, evaluations (csv, json)
    unit: str = ""
    plan: str = ""
    years: str = ""


# --- the jobs ------------------------------------------------------------------------------------

def _ref(obj) -> str:
    kind = {ExportJob: "export", WorkbookUpload: "workbook", Dhis2Import: "dhis2"}[type(obj)]
    return f"{kind}-{obj.pk}"


def _own(request, job_id: str):
    """The user's own job, settled (a job the queue gave up on is failed); 404 to anyone else."""
    match = JOB_ID.match(job_id)
    if match is None:
        raise Http404("job")
    model = KINDS[match.group(1)]
    owner = "requested_by_id" if model is ExportJob else "uploaded_by_id"
    qs = model.objects.filter(pk=int(match.group(2)), **{owner: request.user.pk})
    obj = (qs if model is ExportJob else qs.defer("file")).first()
    if obj is None:
        raise Http404("job")
    return jobs.settle(obj)


def _attempt(obj, finished: bool) -> str:
    return f" ({_('lần chạy thứ %(n)s') % {'n': obj.attempts}})" if obj.attempts > 1 and not finished else ""


def _percent(done: int, total: int | None) -> int | None:
    return min(100, done * 100 // total) if total else None


def _plain(text: str | None) -> str | None:
    """A stored number's text as the API writes numbers: "." decimal mark, no trailing zeros."""
    try:
        return None if text is None else format(Decimal(text).normalize(), "f")
    except InvalidOperation:
        return text


def _change(c: list) -> dict:
    return {"cell": c[0], "indicator": c[1], "name": c[2], "status": c[3], "old": _plain(c[4]), "new": _plain(c[5])}


def _preview(p: dict) -> dict:
    return {"plan": p["plan"], "period": p["period"], "plan_unit": p["plan_unit"], "year": p["year"],
            "new": p["new"], "changed": p["changed"], "unchanged": p["unchanged"],
            "units": [{"code": u["code"], "name": u["name"], "sheet": u["sheet"], "unchanged": u["unchanged"],
                       "new": [_change(c) for c in u["new"]], "changed": [_change(c) for c in u["changed"]]}
                      for u in p["units"]]}


def _export_status(job: ExportJob) -> dict:
    S = job.State
    message = job.get_status_display()
    if job.status == S.RUNNING:
        message += ": " + (_("%(n)s/%(total)s dòng đã ghi") % {"n": number(job.rows_written),
                                                              "total": number(job.rows_total)}
                           if job.rows_total is not None else _("đang đếm số dòng"))
    elif job.status == S.DONE:
        message += ": " + _("%(n)s dòng") % {"n": number(job.rows_written)}
    out = {"finished": job.finished, "message": message + _attempt(job, job.finished),
           "progress": {"of": "rows", "done": job.rows_written, "total": job.rows_total, "percent": job.percent},
           "errors": [job.error] if job.error else [], "created_at": job.requested_at}
    if job.status == S.DONE:
        out["result"] = {"file_name": job.file_name, "content_type": job.content_type, "size": job.size,
                         "rows": job.rows_written, "format": job.format, "table": job.table,
                         "unit": job.unit_code, "plan": job.plan_id_filter, "years": job.years}
        out["download_url"] = reverse("api:exchange_job_file", kwargs={"job_id": _ref(job)})
    return out


def _workbook_status(up: WorkbookUpload) -> dict:
    S = up.State
    preview = up.preview or {}
    if up.status == S.QUEUED:
        message = _("Đang chờ kiểm tra trong hàng đợi…")
    elif up.status == S.STORE_QUEUED:
        message = _("Đang chờ lưu trong hàng đợi…")
    elif up.busy and up.step == "save":
        message = (_("Đang lưu %(n)s số liệu…") % {"n": preview["new"] + preview["changed"]} if preview
                   else up.get_status_display() + "…")
    elif up.busy and up.step == "sheets":
        text = _("Đang kiểm tra lại… %(n)s/%(total)s trang tính") if up.status == S.STORING else \
            _("Đang kiểm tra… %(n)s/%(total)s trang tính")
        message = text % {"n": number(up.sheets_done), "total": number(up.sheets_total)}
    elif up.busy:
        message = _("Đang đọc tệp…")
    elif up.status == S.CHECKED:
        message = _("Mọi ô đều hợp lệ: %(new)s số mới, %(changed)s số thay đổi, %(same)s số không đổi.") % {
            "new": preview.get("new"), "changed": preview.get("changed"), "same": preview.get("unchanged")}
    elif up.status == S.STORED:
        message = _("Đã lưu %(n)s số liệu từ biểu.") % {"n": up.stored}
    elif up.status == S.REFUSED:
        message = _("Chưa lưu gì. Hãy sửa các ô sau rồi nộp lại:") + f" {up.file_name}"
    else:
        message = up.get_status_display()
    out = {"finished": not up.busy, "message": message + _attempt(up, not up.busy),
           "progress": {"of": "sheets", "step": up.step, "done": up.sheets_done, "total": up.sheets_total,
                        "percent": _percent(up.sheets_done, up.sheets_total)} if up.busy else None,
           "errors": list(up.errors or []), "created_at": up.uploaded_at}
    if preview and up.status in (S.CHECKED, S.STORED):
        out["result"] = {"file_name": up.file_name, "preview": _preview(preview)}
        if up.status == S.STORED:
            out["result"]["stored"] = up.stored
        elif preview["new"] or preview["changed"]:
            out["store_url"] = reverse("api:exchange_job_store", kwargs={"job_id": _ref(up)})
    return out


def _dhis2_status(job: Dhis2Import) -> dict:
    S = job.State
    summary = job.summary or {}
    if job.busy:
        message = job.get_status_display() + "…"
    elif job.status == S.DONE:
        counts = summary.get("importCount", {})
        message = (_("Chạy thử, chưa lưu:") if summary.get("dryRun") else _("Đã nhập:")) + " " + \
            _("%(a)s mới, %(b)s cập nhật, %(c)s bỏ qua.") % {"a": counts.get("imported"), "b": counts.get("updated"),
                                                          "c": counts.get("ignored")}
    else:
        message = job.get_status_display()
    return {"finished": not job.busy, "message": message + _attempt(job, not job.busy), "progress": None,
            "errors": list(job.errors or []), "created_at": job.uploaded_at,
            "result": summary if job.status == S.DONE else None}


def status(obj) -> dict:
    """What ``GET /api/exchange/jobs/{id}`` answers for an export, upload or import (``JobOut``),
    in the language of the request (the errors: in the language the job was asked in)."""
    ref = _ref(obj)
    out = {"id": ref, "kind": ref.split("-")[0], "state": obj.status, "state_label": str(obj.get_status_display()),
           "attempts": obj.attempts, "result": None, "download_url": None, "store_url": None,
           "status_url": reverse("api:exchange_job", kwargs={"job_id": ref})}
    if isinstance(obj, ExportJob):
        out.update(_export_status(obj))
    elif isinstance(obj, WorkbookUpload):
        out.update(_workbook_status(obj))
    else:
        out.update(_dhis2_status(obj))
    out["created_at"] = out["created_at"].isoformat(timespec="seconds")
    out["finished_at"] = obj.finished_at.isoformat(timespec="seconds") if obj.finished_at else None
    return out


def _accepted(obj) -> JsonResponse:
    """202 with the job's status; ``Location`` is where to poll it. A job the queue did not take
    (Redis down: no task id, marked failed) is a 503 with its message."""
    body = status(obj)
    if body["state"] == "failed" and not obj.task_id:
        return JsonResponse(body, status=503)
    response = JsonResponse(body, status=202)
    response["Location"] = body["status_url"]
    return response


def _messages(exc: ActionError) -> list[str]:
    return [m for ms in exc.errors.values() for m in ms]


@router.get("/jobs/{job_id}", response=JobOut, url_name="exchange_job",
            summary="A queued export, workbook upload or DHIS2 import: state, progress, errors, result")
def job_status(request, job_id: str):
    return status(_own(request, job_id))


@router.get("/jobs/{job_id}/file", response={200: None}, url_name="exchange_job_file",
            summary="The file of a finished export (streamed)")
def job_file(request, job_id: str):
    job = _own(request, job_id)
    if not isinstance(job, ExportJob) or job.status != ExportJob.State.DONE or not jobs.may_download(request.user,
                                                                                                      job):
        raise Http404("export")
    response = StreamingHttpResponse(jobs.export_chunks(job), content_type=job.content_type)
    response["Content-Disposition"] = content_disposition_header(True, job.file_name)
    response["Content-Length"] = str(job.size)
    response["Cache-Control"] = "no-store"
    return response


@router.post("/jobs/{job_id}/store", response={202: JobOut, 409: dict, 503: dict}, url_name="exchange_job_store",
             summary="Store a checked workbook (checked again, then stored all or nothing, in the worker)")
def job_store(request, job_id: str):
    up = _own(request, job_id)
    if not isinstance(up, WorkbookUpload):
        raise Http404("workbook")
    if up.status != WorkbookUpload.State.CHECKED:
        return JsonResponse({"detail": "conflict", "state": up.status,
                             "errors": [_("Biểu này đã được xác nhận hoặc không còn chờ xác nhận.")]}, status=409)
    try:
        up = jobs.do_queue_store(request.user, up)
    except ActionError as exc:  # confirmed meanwhile (409), or the queue did not answer (503: still checked)
        up.refresh_from_db(fields=["status"])
        taken = up.status != WorkbookUpload.State.CHECKED
        return JsonResponse({"detail": "conflict" if taken else "unavailable", "errors": _messages(exc)},
                            status=409 if taken else 503)
    return _accepted(up)


# --- collection workbooks ------------------------------------------------------------------------

def _raw_body(request) -> bytes | None:
    """The request's body up to ``MAX_UPLOAD`` bytes (a data value set is larger than Django's
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` for form fields); None when it is larger."""
    try:
        data = request.body
    except RequestDataTooBig:
        data = request.read(MAX_UPLOAD + 1)
    return None if len(data) > MAX_UPLOAD else data


WORKBOOK_BODY = {"requestBody": {"content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}}}},
    XLSX: {"schema": {"type": "string", "format": "binary"}}}}}


@router.post("/workbooks", response={202: JobOut, 400: dict, 503: dict}, url_name="exchange_workbooks",
             openapi_extra=WORKBOOK_BODY,
             summary="Upload a filled collection workbook: checked (and with store=true stored) in the worker")
def upload_workbook(request, store: bool = False):
    """The workbook as the multipart field ``file`` (or as the body, with the XLSX content type).
    The worker checks it (the preview, or every refused cell); ``POST …/store`` of the job then
    stores it. With ``store=true`` the worker checks and stores at once, all or nothing."""
    f = request.FILES.get("file")
    if f is not None:
        name, data = f.name, f.read(MAX_UPLOAD + 1)
    elif (request.content_type or "").startswith((XLSX, "application/octet-stream")):
        name, data = "workbook.xlsx", _raw_body(request)
    else:
        return JsonResponse({"detail": "invalid", "errors": [_("Hãy chọn tệp biểu đã điền (.xlsx).")]}, status=400)
    if data is None or len(data) > MAX_UPLOAD:
        return JsonResponse({"detail": "invalid", "errors": [_("Tệp lớn hơn 50 MB.")]}, status=400)
    language = get_language() or "vi"
    try:
        if store:
            up = _queue_check_and_store(request.user, name, data, language=language)
        else:
            up = jobs.do_queue_check(request.user, name, data, language=language)
    except ActionError as exc:
        return JsonResponse({"detail": "unavailable", "errors": _messages(exc)}, status=503)
    return _accepted(up)


def _queue_check_and_store(user, file_name: str, data: bytes, *, language: str) -> WorkbookUpload:
    """Keep the workbook and queue its storing straight away (``chitieu collect import`` without
    ``--dry-run``): the storing job checks it first and stores nothing unless every cell is valid."""
    from django.db import transaction

    from chitieu.web.exchange.tasks import store_workbook

    jobs.purge_old()
    upload = None
    try:
        with transaction.atomic():
            upload = WorkbookUpload.objects.create(uploaded_by=user, file_name=file_name[:255], file=data,
                                                   language=language, status=WorkbookUpload.State.STORE_QUEUED)
            WorkbookUpload.objects.filter(pk=upload.pk).update(task_id=store_workbook.enqueue(upload.pk).id)
    except Exception as exc:  # the queue did not answer (Redis down): as jobs.do_queue_check
        message = jobs.queue_failed(exc)
        if upload is not None and WorkbookUpload.objects.filter(pk=upload.pk).exists():
            WorkbookUpload.objects.filter(pk=upload.pk).update(status=WorkbookUpload.State.FAILED, errors=[message],
                                                               file=None)
        else:
            raise ActionError(message) from exc
    upload.refresh_from_db()
    return upload


# --- exports -------------------------------------------------------------------------------------

def _scope(request, unit, plan, years):
    try:
        parsed = parse_years(years)
    except ValueError:
        return None
    return make_scope(request.user, unit_code=unit or None, plan_id=plan, years=parsed)


def _queue_export(request, *, fmt: str, table: str = "values", unit: str = "", plan="", years: str = ""):
    """The user's export of these filters still waiting or running (a client asking again gets the
    same job), else a new one; 202 with its status."""
    table = table if jobs.FORMATS.get(fmt, ("", "", None))[2] is None else ""
    waiting = ExportJob.objects.filter(
        requested_by=request.user, format=fmt, table=table, unit_code=unit or "", plan_id_filter=str(plan or ""),
        years=years or "", status__in=[ExportJob.State.QUEUED, ExportJob.State.RUNNING]).first()
    if waiting is not None and not jobs.settle(waiting).finished:
        return _accepted(waiting)
    try:
        job = jobs.do_queue_export(request.user, fmt=fmt, table=table or "values", unit_code=unit or "",
                                   plan_id=str(plan or ""), years=years or "", language=get_language() or "vi")
    except ActionError as exc:
        if "__all__" not in exc.errors:
            raise  # a bad format or years: 422 naming the field
        return JsonResponse({"detail": "unavailable", "errors": _messages(exc)}, status=503)
    return _accepted(job)


def _large(scope, async_: bool) -> bool:
    return async_ or value_queryset(scope).count() > settings.EXCHANGE_SYNC_ROWS


@router.post("/exports", response={202: JobOut, 422: dict, 503: dict}, url_name="exchange_exports",
             summary="Queue an export (csv, json, xlsx, datapackage, dhis2-json, dhis2-csv) in the worker")
def queue_export(request, payload: ExportIn):
    return _queue_export(request, fmt=payload.format, table=payload.table, unit=payload.unit.strip(),
                         plan=payload.plan.strip(), years=payload.years.strip())


@router.get("/dataValueSets", response={200: None, 202: JobOut},
            summary="DHIS2 data value set (JSON or CSV); a large scope, or async=true, as a job (202)")
def data_value_sets(request, unit: str | None = None, plan: int | None = None, years: str | None = None,
                    format: str = "json", async_: bool = Query(False, alias="async")):
    scope = _scope(request, unit, plan, years)
    if scope is None:
        return HttpResponseBadRequest("years")
    if _large(scope, async_):
        return _queue_export(request, fmt="dhis2-csv" if format == "csv" else "dhis2-json", unit=unit or "",
                             plan=plan or "", years=years or "")
    rows = dhis2.export_values(scope)
    if format == "csv":
        return StreamingHttpResponse(d2fmt.iter_csv(rows), content_type="text/csv; charset=utf-8")
    return StreamingHttpResponse(d2fmt.iter_json(rows), content_type="application/json")


@router.post("/dataValueSets", response={200: dict, 202: JobOut, 409: dict, 413: dict, 503: dict},
             summary="Import a DHIS2 data value set (409 with every problem when refused; "
                     "async=true or a large set: a job, 202)")
def import_data_value_sets(request, dryRun: bool = False, skipInvalid: bool = False,  # noqa: N803 - DHIS2's names
                           async_: bool = Query(False, alias="async")):
    kind = "csv" if "csv" in (request.content_type or "") else "json"
    data = _raw_body(request)
    if data is None:
        return JsonResponse({"status": "ERROR", "errors": [_("Tệp lớn hơn 50 MB.")]}, status=413)
    user = request.user
    try:
        if not async_:
            values = dhis2.read_set(data, kind)
            if len(values) <= settings.EXCHANGE_SYNC_ROWS:  # answered in the request, as DHIS2 does
                return dhis2.import_set(values, user, dry_run=dryRun, skip_invalid=skipInvalid).as_dict()
    except dhis2.SetRefused as exc:
        return JsonResponse({"status": "ERROR", "errors": exc.errors}, status=409)
    try:
        job = jobs.do_queue_dhis2_import(user, f"dataValueSet.{kind}", data, dry_run=dryRun,
                                         skip_invalid=skipInvalid, language=get_language() or "vi")
    except ActionError as exc:
        return JsonResponse({"status": "ERROR", "errors": _messages(exc)}, status=503)
    return _accepted(job)


@router.get("/open/{table}", response={200: None, 202: JobOut},
            summary="Open data: values or evaluations as tidy CSV or JSON; a large scope, or async=true, as a job (202)")
def open_table(request, table: str, unit: str | None = None, plan: int | None = None, years: str | None = None,
               format: str = "csv", async_: bool = Query(False, alias="async")):
    if table not in ("values", "evaluations"):
        return HttpResponseBadRequest("table")
    scope = _scope(request, unit, plan, years)
    if scope is None:
        return HttpResponseBadRequest("years")
    if _large(scope, async_):
        return _queue_export(request, fmt="json" if format == "json" else "csv", table=table, unit=unit or "",
                             plan=plan or "", years=years or "")
    rows = opendata.MAKERS[table](scope)
    if format == "json":
        return StreamingHttpResponse(tidy.iter_json(table, rows), content_type="application/json")
    return StreamingHttpResponse(tidy.iter_csv(table, rows), content_type="text/csv; charset=utf-8")
