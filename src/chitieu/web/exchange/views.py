"""Pages of the exchange: collection workbook (download, upload → preview → confirm), DHIS2
data value sets (export, import with dry run) and open-data exports. Thin: access through
``chitieu.web.access``, work in ``collect`` / ``dhis2`` / ``opendata``."""

from __future__ import annotations

import io
import os
import secrets
import tempfile
import time
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.exchange import dhis2 as d2fmt
from chitieu.exchange import tidy
from chitieu.web.access import get_followed_plan, get_unit_for_user
from chitieu.web.errors import ActionError
from chitieu.web.exchange import collect, dhis2, opendata
from chitieu.web.exchange.scope import make_scope, parse_years

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 50 * 1024 * 1024
_PENDING_AGE = 24 * 3600


def _pending_dir() -> Path:
    d = Path(tempfile.gettempdir()) / "chitieu-collect"
    d.mkdir(exist_ok=True)
    now = time.time()
    for old in d.glob("*.xlsx"):
        if now - old.stat().st_mtime > _PENDING_AGE:
            old.unlink(missing_ok=True)
    return d


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
    if request.method != "POST":
        return render(request, "exchange/upload.html", {})
    f = request.FILES.get("file")
    if f is None:
        return render(request, "exchange/upload.html", {"errors": [_("Hãy chọn tệp biểu đã điền (.xlsx).")]}, status=400)
    if f.size > MAX_UPLOAD:
        return render(request, "exchange/upload.html", {"errors": [_("Tệp lớn hơn 50 MB.")]}, status=400)
    token = secrets.token_urlsafe(16)
    path = _pending_dir() / f"{token}.xlsx"
    with path.open("wb") as out:
        for chunk in f.chunks():
            out.write(chunk)
    try:
        with path.open("rb") as src:
            preview = collect.check_upload(src, request.user)
    except collect.CollectRefused as exc:
        path.unlink(missing_ok=True)
        return render(request, "exchange/upload.html", {"errors": exc.errors[:500], "more": len(exc.errors) - 500,
                                                        "name": f.name}, status=400)
    pending = request.session.get("collect_pending", {})
    pending[token] = str(request.user.pk)
    request.session["collect_pending"] = pending
    return render(request, "exchange/preview.html", {"preview": preview, "token": token, "name": f.name})


@login_required
@require_POST
def confirm(request):
    token = request.POST.get("token", "")
    pending = request.session.get("collect_pending", {})
    if not token or pending.get(token) != str(request.user.pk) or not token.replace("-", "").replace("_", "").isalnum():
        raise Http404("upload")
    path = _pending_dir() / f"{token}.xlsx"
    if not path.exists():
        raise Http404("upload")
    try:
        with path.open("rb") as src:
            preview = collect.check_upload(src, request.user)  # again: the data may have moved since
        n = collect.store(preview, request.user)
    except collect.CollectRefused as exc:
        return render(request, "exchange/upload.html", {"errors": exc.errors[:500]}, status=400)
    except ActionError as exc:
        return render(request, "exchange/upload.html",
                      {"errors": [m for ms in exc.errors.values() for m in ms]}, status=400)
    finally:
        pending.pop(token, None)
        request.session["collect_pending"] = pending
    path.unlink(missing_ok=True)
    messages.success(request, _("Đã lưu %(n)d số liệu từ biểu.") % {"n": n})
    first = preview.units[0].unit if preview.units else preview.plan.unit
    return redirect("values:entry", first.pk, preview.plan.pk, preview.year)


def _scope(request):
    try:
        years = parse_years(request.GET.get("years"))
    except ValueError:
        return None
    return make_scope(request.user, unit_code=request.GET.get("unit") or None,
                      plan_id=request.GET.get("plan") or None, years=years)


@login_required
def index(request):
    return render(request, "exchange/index.html", {"formats": ["csv", "json", "xlsx", "datapackage"]})


@login_required
def dhis2_export(request):
    scope = _scope(request)
    if scope is None:
        return HttpResponseBadRequest(_("Năm không hợp lệ (viết 2021-2025 hoặc 2020,2023)."))
    kind = request.GET.get("format", "json")
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
    if request.method != "POST":
        return render(request, "exchange/dhis2_import.html", {})
    f = request.FILES.get("file")
    if f is None:
        return render(request, "exchange/dhis2_import.html", {"errors": [_("Hãy chọn tệp JSON hoặc CSV.")]}, status=400)
    data = f.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        return render(request, "exchange/dhis2_import.html", {"errors": [_("Tệp lớn hơn 50 MB.")]}, status=400)
    dry_run = request.POST.get("dry_run") == "1"
    try:
        values = dhis2.read_set(data, dhis2.guess_kind(f.name, data))
        summary = dhis2.import_set(values, request.user, dry_run=dry_run,
                                   skip_invalid=request.POST.get("skip_invalid") == "1")
    except dhis2.SetRefused as exc:
        return render(request, "exchange/dhis2_import.html", {"errors": exc.errors[:500]}, status=400)
    return render(request, "exchange/dhis2_import.html", {"summary": summary})


@login_required
def open_export(request):
    scope = _scope(request)
    if scope is None:
        return HttpResponseBadRequest(_("Năm không hợp lệ (viết 2021-2025 hoặc 2020,2023)."))
    kind = request.GET.get("format", "csv")
    table = request.GET.get("table", "values")
    if table not in ("values", "evaluations") or kind not in ("csv", "json", "xlsx", "datapackage"):
        raise Http404("format")
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
