"""The "Tạo báo cáo" page of a unit and plan (GET: the form; POST: the file as a download), and
downloads of the unit's template and of the default one to start from. Thin: access through
``chitieu.web.access`` (404 to outsiders), the work in ``actions`` and ``generate``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods

from chitieu.web.access import get_unit_for_user
from chitieu.web.dashboards.loading import plan_for_unit
from chitieu.web.errors import ActionError
from chitieu.web.reporting.actions import Upload, do_generate_report
from chitieu.web.reporting.forms import ReportForm
from chitieu.web.reporting.generate import CONTENT_TYPES, Format, pdf_available
from chitieu.web.reporting.models import LetterSettings, ReportTemplate


def _unit_for_report(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    if not rights.generate:
        raise PermissionDenied
    return unit, rights


DONE_COOKIE = "chitieu_report_done"


def _download(data: bytes, content_type: str, name: str, token: str = "", *, secure: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "no-store"  # generated from the data of the moment
    if token:  # the page's "đang tạo báo cáo…" indicator waits for this cookie (reporting/generate.js)
        response.set_cookie(DONE_COOKIE, token, max_age=120, samesite="Lax", secure=secure)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def generate(request, unit_id: int, plan_id: int):
    unit, rights = _unit_for_report(request, unit_id)
    plan = plan_for_unit(plan_id, unit)
    if request.method == "POST" and "template" in request.FILES and not rights.set_template:
        raise PermissionDenied  # a template is code every later report of the unit runs: officers and admins only
    unit_template = ReportTemplate.current_for(unit)
    letter_settings = LetterSettings.objects.filter(unit=unit).first()
    form = ReportForm(request.POST or None, request.FILES or None, pdf=pdf_available(), unit_template=unit_template,
                      may_set_template=rights.set_template, letter_settings=letter_settings)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        upload = Upload(d["template"].name, d["template"].read()) if d.get("template") else None
        try:
            output = do_generate_report(unit, plan, fmt=d["format"], issued=d["issued"], number=d["number"],
                                        upload=upload, use_default_template=form.use_default_template,
                                        parts=form.letter_parts, variant=d["variant"], latest=form.latest,
                                        acting_user=request.user)
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    form.add_error(key if key in form.fields else None, m)
        else:
            return _download(output.data, output.content_type, output.file_name, d.get("download_token") or "",
                             secure=request.is_secure())
    return render(request, "reporting/generate.html", {
        "unit": unit, "plan": plan, "form": form, "unit_template": unit_template,
    }, status=400 if form.errors else 200)


@login_required
@require_GET
def unit_template(request, unit_id: int):
    """The unit's current template, to edit it again in Word."""
    unit, _rights = _unit_for_report(request, unit_id)
    current = ReportTemplate.current_for(unit)
    if current is None:
        raise Http404("template")
    data = bytes(ReportTemplate.objects.values_list("file", flat=True).get(pk=current.pk))
    return _download(data, CONTENT_TYPES[Format.DOCX], current.file_name)


@login_required
@require_GET
def default_template(request):
    """The template chitieu ships, for a unit to copy and adapt."""
    from chitieu.reports.make_default_template import DEFAULT_TEMPLATE

    return _download(DEFAULT_TEMPLATE.read_bytes(), CONTENT_TYPES[Format.DOCX], "mau-bao-cao-mac-dinh.docx")
