"""The "Tạo báo cáo" page of a unit and plan, and downloads of the unit's template and of the
default one to start from. Thin: access through ``chitieu.web.access`` (404 to outsiders), the
work in ``actions`` and ``generate``.

The page's button queues the report (``queue``): the job worker builds the DOCX, Phụ lục 1 and the
PDF (or a ZIP of every ward's reports), the page polls the job's card (``job``, htmx, every second:
queued → running with its step → done with the download links, or the reason it failed) and
the files are downloaded from any web process (``report_file``). Only the user who asked sees a
job and its files, and only while they may still report on its unit. A plain POST to the page
itself still answers with the one file asked for, built in the request (kept for scripts)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import reswap, retarget

from chitieu.web.access import get_unit_for_user, rights_on
from chitieu.web.dashboards.loading import plan_for_unit
from chitieu.web.errors import ActionError
from chitieu.web.reporting.actions import (
    Upload,
    do_generate_report,
    do_queue_report,
    do_settle_report,
    queued_formats,
    wards_of,
)
from chitieu.web.reporting.forms import ReportForm
from chitieu.web.reporting.generate import CONTENT_TYPES, Format, pdf_available
from chitieu.web.reporting.models import GeneratedReport, LetterSettings, ReportFile, ReportTemplate


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


def _form(unit, plan, rights, data=None, files=None) -> ReportForm:
    form = ReportForm(data, files, pdf=pdf_available(), unit_template=ReportTemplate.current_for(unit),
                      may_set_template=rights.set_template,
                      letter_settings=LetterSettings.objects.filter(unit=unit).first())
    if not wards_of(unit, plan):  # "each ward's report, in a ZIP": only for a unit with wards
        form.fields.pop("wards", None)
    return form


def _with_files(reports) -> list[GeneratedReport]:
    """The reports with their files' names and sizes (not their bytes)."""
    reports = list(reports)
    files: dict[int, list[ReportFile]] = {r.pk: [] for r in reports}
    for f in ReportFile.objects.filter(report__in=reports).defer("data"):
        files[f.report_id].append(f)
    for r in reports:
        r.file_list = files[r.pk]
    return reports


def _page(request, unit, plan, form, *, status: int = 200, partial: str = ""):
    """The page (or one of its partials) with the user's reports of this unit and plan still kept."""
    since = timezone.now() - timedelta(days=settings.REPORT_FILES_DAYS)
    reports = GeneratedReport.objects.filter(unit=unit, plan=plan, requested_by=request.user,
                                             requested_at__gte=since).select_related("unit")[:10]
    return render(request, "reporting/generate.html" + (f"#{partial}" if partial else ""), {
        "unit": unit, "plan": plan, "form": form, "unit_template": ReportTemplate.current_for(unit),
        "reports": _with_files(reports), "formats": [Format(f).label for f in queued_formats()],
    }, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def generate(request, unit_id: int, plan_id: int):
    """GET: the page. POST (without the page's script: scripts, tests): the one file asked for,
    built in the request."""
    unit, rights = _unit_for_report(request, unit_id)
    plan = plan_for_unit(plan_id, unit)
    if request.method == "POST" and "template" in request.FILES and not rights.set_template:
        raise PermissionDenied  # a template is code every later report of the unit runs: officers and admins only
    form = _form(unit, plan, rights, request.POST or None, request.FILES or None)
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
    return _page(request, unit, plan, form, status=400 if form.errors else 200)


@login_required
@require_POST
def queue(request, unit_id: int, plan_id: int):
    """"Tạo báo cáo": queue the report. To htmx, the new job's card (or the form again with its
    errors, swapped in place of the form); without the page's script, back to the page."""
    unit, rights = _unit_for_report(request, unit_id)
    plan = plan_for_unit(plan_id, unit)
    if "template" in request.FILES and not rights.set_template:
        raise PermissionDenied
    data = request.POST.copy()
    data["format"] = Format.DOCX  # a queued report makes every format
    form = _form(unit, plan, rights, data, request.FILES or None)
    if form.is_valid():
        d = form.cleaned_data
        upload = Upload(d["template"].name, d["template"].read()) if d.get("template") else None
        try:
            report = do_queue_report(unit, plan, issued=d["issued"], number=d["number"], upload=upload,
                                     use_default_template=form.use_default_template, parts=form.letter_parts,
                                     variant=d["variant"], latest=form.latest, wards=bool(d.get("wards")),
                                     language=get_language() or "vi", acting_user=request.user)
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    form.add_error(key if key in form.fields else None, m)
        else:
            if request.htmx:
                return render(request, "reporting/_job.html", {"report": _with_files([report])[0]})
            return redirect(reverse("reporting:generate", args=[unit.pk, plan.pk]) + f"#report-job-{report.pk}")
    if request.htmx:  # htmx swaps only 2xx answers: the form with its errors replaces the form
        return retarget(reswap(_page(request, unit, plan, form, partial="report-form"), "outerHTML"), "#report-form")
    return _page(request, unit, plan, form, status=400)


def _own_report(request, report_id: int) -> GeneratedReport:
    """The user's own queued report, while they may still report on its unit; 404 to anyone else."""
    report = GeneratedReport.objects.select_related("unit", "plan").filter(
        pk=report_id, requested_by_id=request.user.pk).first()
    if report is None or not rights_on(request.user, report.unit).generate:
        raise Http404("report")
    return report


@login_required
@require_GET
def job(request, report_id: int):
    """The job's card, polled by the page until it is done or failed."""
    report = do_settle_report(_own_report(request, report_id))
    return render(request, "reporting/_job.html", {"report": _with_files([report])[0]})


@login_required
@require_GET
def report_file(request, file_id: int):
    f = ReportFile.objects.select_related("report").filter(pk=file_id).defer("data").first()
    if f is None:
        raise Http404("file")
    _own_report(request, f.report_id)
    data = bytes(ReportFile.objects.values_list("data", flat=True).get(pk=f.pk))
    return _download(data, f.content_type, f.file_name)


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
