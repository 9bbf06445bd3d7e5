"""Pages of the exchange: collection workbook (download, upload → check → preview → confirm →
store), DHIS2 data value sets (export, import with dry run) and open-data exports. Thin: access
through ``chitieu.web.access`` and the owner checks here (404 to anyone else), work in
``collect`` / ``dhis2`` / ``opendata``, jobs in ``jobs``.

The workbook's check and its storing run in the job worker: the upload's page polls its card
(htmx, every second: "Đang kiểm tra… n/N trang tính") until the preview, or every refused cell,
is there; "Xác nhận lưu" queues the storing and the page follows it to the entry page. Exports
asked for on the page, and DHIS2 imports, run in the worker too (an export's card: rows written /
total, then a download link); the GET exports (links, scripts) are answered in the request only
up to ``EXCHANGE_SYNC_ROWS`` values."""

from __future__ import annotations

import io
import os
import tempfile
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from chitieu.exchange import dhis2 as d2fmt
from chitieu.exchange import tidy
from chitieu.web.access import get_followed_plan, get_unit_for_user
from chitieu.web.errors import ActionError
from chitieu.web.exchange import collect, dhis2, jobs, opendata
from chitieu.web.exchange.models import Dhis2Import, ExportJob, WorkbookUpload
from chitieu.web.exchange.scope import make_scope, parse_years, value_queryset

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 50 * 1024 * 1024


def _slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D")).encode("ascii", "ignore")
    return "-".join(ascii_text.decode().lower().split()) or "don-vi"


@login_required
def template(request):
    try:
        unit_id, plan_id, year = int(request.GET["unit"]), int(request.GET["plan"]), int(request.GET["year"])
    except (KeyError, ValueError):
        raise Http404("template") from None
    unit, _rights = get_unit_for_user(request, unit_id)
    plan = get_followed_plan(request, unit, plan_id)
    if year not in plan.years:
        raise Http404("year")
    below = request.GET.get("below") == "1"
    layout = request.GET.get("layout") or ""
    if below and layout not in ("sheets", "rows"):
        # the units below: the officer picks a sheet per unit or a row per unit
        return render(request, "exchange/template_choice.html", {"unit": unit, "plan": plan, "year": year})
    buf = io.BytesIO()
    collect.template(buf, plan, unit, year, below=below, layout=layout if below else "sheets")
    buf.seek(0)
    name = f"bieu-thu-thap-{year}-{_slug(unit.name)}{'-theo-dong' if below and layout == 'rows' else ''}.xlsx"
    return FileResponse(buf, as_attachment=True, filename=name, content_type=XLSX)


@login_required
def upload(request):
    """GET: the form. POST: keep the file and queue its check, then to the upload's page, which
    follows the check and shows the preview (or every refused cell) when it is done."""
    if request.method != "POST":
        return render(request, "exchange/upload.html", {"uploads": _recent_uploads(request.user)})
    f = request.FILES.get("file")
    if f is None:
        return render(request, "exchange/upload.html", {"errors": [_("Hãy chọn tệp biểu đã điền (.xlsx).")]}, status=400)
    if f.size > MAX_UPLOAD:
        return render(request, "exchange/upload.html", {"errors": [_("Tệp lớn hơn 50 MB.")]}, status=400)
    try:
        up = jobs.do_queue_check(request.user, f.name, f.read(), language=get_language() or "vi")
    except ActionError as exc:
        return render(request, "exchange/upload.html",
                      {"errors": [m for ms in exc.errors.values() for m in ms]}, status=400)
    return redirect("exchange:workbook", up.pk)


def _recent_uploads(user):
    return WorkbookUpload.objects.filter(uploaded_by=user).defer("file", "preview")[:5]


def _own_upload(request, upload_id: int) -> WorkbookUpload:
    """The user's own upload; 404 to anyone else."""
    up = WorkbookUpload.objects.defer("file").filter(pk=upload_id, uploaded_by_id=request.user.pk).first()
    if up is None:
        raise Http404("upload")
    return jobs.settle(up)


def _stored(request, up: WorkbookUpload):
    """After storing: the entry page of the first unit, with the count (as before the queue)."""
    messages.success(request, _("Đã lưu %(n)d số liệu từ biểu.") % {"n": up.stored})
    preview = up.preview or {}
    url = reverse("values:entry", args=[preview.get("first_unit"), preview.get("plan"), preview.get("year")])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def workbook(request, upload_id: int):
    """The upload's page: its card (polled while the job works), the preview, or the errors."""
    up = _own_upload(request, upload_id)
    return render(request, "exchange/workbook.html", {"upload": up})


@login_required
@require_GET
def workbook_card(request, upload_id: int):
    """The card the page polls; once stored, htmx is sent on to the entry page."""
    up = _own_upload(request, upload_id)
    if up.status == WorkbookUpload.State.STORED and request.htmx:
        return _stored(request, up)
    return render(request, "exchange/workbook.html#workbook-card", {"upload": up})


@login_required
@require_POST
def confirm(request, upload_id: int):
    """"Xác nhận lưu": queue the storing; to htmx the card (polled), else back to the page."""
    up = _own_upload(request, upload_id)
    try:
        up = jobs.do_queue_store(request.user, up)
    except ActionError as exc:
        return render(request, "exchange/upload.html",
                      {"errors": [m for ms in exc.errors.values() for m in ms]}, status=400)
    if up.status == WorkbookUpload.State.STORED:  # the job ran at once (immediate backend)
        return _stored(request, up)
    if request.htmx:
        return render(request, "exchange/workbook.html#workbook-card", {"upload": up})
    return redirect("exchange:workbook", up.pk)


def _scope(request):
    try:
        years = parse_years(request.GET.get("years"))
    except ValueError:
        return None
    return make_scope(request.user, unit_code=request.GET.get("unit") or None,
                      plan_id=request.GET.get("plan") or None, years=years)


def _too_large(request, scope, fmt: str, table: str):
    """None when the scope is small enough to be answered in the request; else the exchange page
    with the export's form filled in, to queue it."""
    count = value_queryset(scope).count()
    if count <= settings.EXCHANGE_SYNC_ROWS:
        return None
    return _index(request, status=200, large=count, initial={
        "format": fmt, "table": table, "unit": request.GET.get("unit", ""), "plan": request.GET.get("plan", ""),
        "years": request.GET.get("years", "")})


def _recent_exports(user):
    since = timezone.now() - timedelta(days=settings.EXCHANGE_FILES_DAYS)
    return ExportJob.objects.filter(requested_by=user, requested_at__gte=since)[:10]


def _index(request, *, status: int = 200, errors=None, large: int = 0, initial=None):
    return render(request, "exchange/index.html", {
        "formats": list(jobs.FORMATS), "exports": [jobs.settle(j) for j in _recent_exports(request.user)],
        "errors": errors or [], "large": large, "initial": initial or {}}, status=status)


@login_required
def index(request):
    return _index(request)


@login_required
@require_POST
def export_queue(request):
    """"Tạo tệp": queue the export. To htmx, the new job's card; else back to the page."""
    form = request.POST
    try:
        job = jobs.do_queue_export(request.user, fmt=form.get("format", ""), table=form.get("table", "values"),
                                   unit_code=form.get("unit", "").strip(), plan_id=form.get("plan", "").strip(),
                                   years=form.get("years", "").strip(), language=get_language() or "vi")
    except ActionError as exc:
        errors = [m for ms in exc.errors.values() for m in ms]
        if request.htmx:
            return render(request, "exchange/_export_errors.html", {"errors": errors})
        return _index(request, status=400, errors=errors)
    if request.htmx:
        return render(request, "exchange/_export.html", {"job": job})
    return redirect(reverse("exchange:index") + f"#export-job-{job.pk}")


def _own_export(request, job_id: int) -> ExportJob:
    job = ExportJob.objects.filter(pk=job_id, requested_by_id=request.user.pk).first()
    if job is None:
        raise Http404("export")
    return jobs.settle(job)


@login_required
@require_GET
def export_job(request, job_id: int):
    """The export's card, polled until it is done or failed."""
    return render(request, "exchange/_export.html", {"job": _own_export(request, job_id)})


@login_required
@require_GET
def export_file(request, job_id: int):
    """The export's file, to the user who asked, while their rights still cover what it holds."""
    job = _own_export(request, job_id)
    if job.status != ExportJob.State.DONE or not jobs.may_download(request.user, job):
        raise Http404("export")
    response = StreamingHttpResponse(jobs.export_chunks(job), content_type=job.content_type)
    response["Content-Disposition"] = content_disposition_header(True, job.file_name)
    response["Content-Length"] = str(job.size)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def dhis2_export(request):
    scope = _scope(request)
    if scope is None:
        return HttpResponseBadRequest(_("Năm không hợp lệ (viết 2021-2025 hoặc 2020,2023)."))
    kind = request.GET.get("format", "json")
    if (page := _too_large(request, scope, "dhis2-csv" if kind == "csv" else "dhis2-json", "values")) is not None:
        return page
    rows = dhis2.export_values(scope)
    if kind == "csv":
        response = StreamingHttpResponse(d2fmt.iter_csv(rows), content_type="text/csv; charset=utf-8")
        name = "dataValueSet.csv"
    else:
        response = StreamingHttpResponse(d2fmt.iter_json(rows), content_type="application/json")
        name = "dataValueSet.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def dhis2_import(request):
    """GET: the form. POST: keep the set and queue its import (or dry run), then to its page,
    which follows the job to the summary, or every refused row."""
    if request.method != "POST":
        return render(request, "exchange/dhis2_import.html", {})
    f = request.FILES.get("file")
    if f is None:
        return render(request, "exchange/dhis2_import.html", {"errors": [_("Hãy chọn tệp JSON hoặc CSV.")]}, status=400)
    data = f.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return render(request, "exchange/dhis2_import.html", {"errors": [_("Tệp lớn hơn 50 MB.")]}, status=400)
    try:
        job = jobs.do_queue_dhis2_import(request.user, f.name, data, dry_run=request.POST.get("dry_run") == "1",
                                         skip_invalid=request.POST.get("skip_invalid") == "1",
                                         language=get_language() or "vi")
    except ActionError as exc:
        return render(request, "exchange/dhis2_import.html",
                      {"errors": [m for ms in exc.errors.values() for m in ms]}, status=400)
    return redirect("exchange:dhis2_job", job.pk)


def _own_dhis2(request, job_id: int) -> Dhis2Import:
    job = Dhis2Import.objects.defer("file").filter(pk=job_id, uploaded_by_id=request.user.pk).first()
    if job is None:
        raise Http404("import")
    return jobs.settle(job)


@login_required
@require_GET
def dhis2_job(request, job_id: int):
    return render(request, "exchange/dhis2_import.html", {"job": _own_dhis2(request, job_id)})


@login_required
@require_GET
def dhis2_card(request, job_id: int):
    return render(request, "exchange/dhis2_import.html#dhis2-card", {"job": _own_dhis2(request, job_id)})


@login_required
def open_export(request):
    """The export answered in the request, for links and scripts: only up to
    ``EXCHANGE_SYNC_ROWS`` values; a larger scope gets the page's form, to queue it."""
    scope = _scope(request)
    if scope is None:
        return HttpResponseBadRequest(_("Năm không hợp lệ (viết 2021-2025 hoặc 2020,2023)."))
    kind = request.GET.get("format", "csv")
    table = request.GET.get("table", "values")
    if table not in ("values", "evaluations") or kind not in ("csv", "json", "xlsx", "datapackage"):
        raise Http404("format")
    if (page := _too_large(request, scope, kind, table)) is not None:
        return page
    if kind in ("csv", "json"):
        rows = opendata.MAKERS[table](scope)
        chunks = tidy.iter_csv(table, rows) if kind == "csv" else tidy.iter_json(table, rows)
        response = StreamingHttpResponse(chunks, content_type="text/csv; charset=utf-8" if kind == "csv"
                                         else "application/json")
        response["Content-Disposition"] = f'attachment; filename="{table}.{kind}"'
        return response
    # XLSX and ZIP need a file: written to a temporary one row by row, sent, then removed
    fd, name = tempfile.mkstemp(suffix=".xlsx" if kind == "xlsx" else ".zip")
    os.close(fd)
    if kind == "xlsx":
        tidy.write_xlsx(name, {n: make() for n, make in
                               opendata.tables(scope, ["values", "evaluations", "units", "indicators"]).items()})
        download, content_type = "chitieu.xlsx", XLSX
    else:
        tidy.write_package(name, opendata.tables(scope, ["units", "indicators", "values", "evaluations"]),
                           title="chitieu")
        download, content_type = "chitieu-datapackage.zip", "application/zip"
    handle = open(name, "rb")  # noqa: SIM115 - closed by FileResponse
    os.unlink(name)  # the open handle keeps the data until the response is sent
    return FileResponse(handle, as_attachment=True, filename=download, content_type=content_type)
