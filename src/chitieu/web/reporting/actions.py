"""Generating a report (and storing the unit's own template when one is uploaded with it): one
action, its audit rows written in one transaction after every file was built, so a bad template
or a failed conversion stores nothing.

Owns ``do_generate_report``; who may generate or set the template is ``access.Rights``
(any member of the unit and its reviewers may generate; only its officers and admins may upload
the template every later report of the unit is written from). An uploaded template is checked
by ``chitieu.reports.safe_template`` (size, zip bounds, only the documented placeholders) before
anything of it is rendered, and rendered in Jinja2's sandbox.

Also owns the reports built by the job worker: ``do_queue_report`` (the page's "Tạo báo cáo":
one ``GeneratedReport`` row and its job, in one transaction) and ``do_build_report`` (the job:
every format, or a ZIP of the reports of every ward below the unit, stored as ``ReportFile``).
"""

from __future__ import annotations

import io
import logging
import zipfile
from dataclasses import asdict, dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chitieu.core.numbers import nfc
from chitieu.web.access import rights_on
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.reporting.generate import (
    Format,
    Output,
    build_output,
    check_template,
    core_plan_for,
    pdf_available,
    pdf_output,
    pending_tasks_of,
    slug,
    unapproved_values,
    ward_plans,
)
from chitieu.web.reporting.models import GeneratedReport, LetterSettings, ReportFile, ReportTemplate

logger = logging.getLogger("chitieu.reporting")


@dataclass(frozen=True)
class Upload:
    """A template file as the user sent it."""

    file_name: str
    data: bytes


def do_generate_report(unit, plan, *, fmt: str, issued: date | None = None, number: str = "",
                       upload: Upload | None = None, use_default_template: bool = False,
                       parts=None, variant: str = "auto", latest: bool = False, acting_user) -> Output:
    """The report of ``unit`` for ``plan`` in ``fmt`` (docx, xlsx, pdf): ``do_generate_files``
    with one format."""
    return do_generate_files(unit, plan, formats=(fmt,), issued=issued, number=number, upload=upload,
                             use_default_template=use_default_template, parts=parts, variant=variant,
                             latest=latest, acting_user=acting_user)[0]


def do_generate_files(unit, plan, *, formats, issued: date | None = None, number: str = "",
                      upload: Upload | None = None, use_default_template: bool = False, parts=None,
                      variant: str = "auto", latest: bool = False, acting_user, progress=None,
                      audit: dict | None = None) -> list[Output]:
    """The report of ``unit`` for ``plan`` in each of ``formats`` (docx, xlsx, pdf; the PDF is the
    DOCX converted, built once for both), from the data as stored now. ``progress(step)`` is called
    before each step ("data", then each format); ``audit`` adds to the detail of the audit row.

    The template is, in order: ``upload`` (checked by building the report with it, then stored
    as the unit's template), the unit's stored template unless ``use_default_template``, the
    default one. ``parts`` (``LetterParts``: signer, TM./KT./Q., Kính gửi, Nơi nhận) are used
    for this report and, when the user may set the unit's template (its officers and admins),
    remembered as the unit's ``LetterSettings`` for the next one. ``variant`` is the kind of
    report ("auto", "annual", "mid-term", "term", "town": the unit's wards in a table and rolled
    up); ``latest`` builds it from the latest values instead of the approved ones, and the
    report's footnote then names the values not yet approved. Raises ``ActionError`` (keyed
    ``template``, ``number``, ``variant`` or ``__all__``) with nothing stored.
    """
    from chitieu.reports.document import ReportError
    from chitieu.reports.letterhead import TEMPLATE_VARIABLES
    from chitieu.reports.pdf import PdfConversionError
    from chitieu.reports.safe_template import check_template as check_template_source

    if acting_user is not None:
        rights = rights_on(acting_user, unit)
        if not rights.generate or (upload is not None and not rights.set_template):
            raise PermissionDenied
    for fmt in formats:
        if fmt not in Format.values:
            raise ActionError({"format": [_("Định dạng “%(fmt)s” không hợp lệ.") % {"fmt": fmt}]})
    progress = progress or (lambda step: None)
    number = nfc(number or "").strip()
    stored = None if (upload or use_default_template) else ReportTemplate.current_for(unit)
    template = upload.data if upload else (bytes(ReportTemplate.objects.get(pk=stored.pk).file) if stored else None)

    from chitieu.reports.letterhead import normalise_number

    try:
        number = normalise_number(number)
    except ReportError as exc:
        raise ActionError({"number": [exc.in_language(get_language())]}) from exc
    progress("data")
    core = core_plan_for(plan, unit, latest=latest)
    unapproved = unapproved_values(core, core_plan_for(plan, unit)) if latest else None
    wards = ()
    if variant in ("town", "auto"):  # "Tự chọn" rolls up a unit with wards, as choose_variant does given them
        wards = ward_plans(plan, unit, plan.final_year, latest=latest)
        if variant == "town" and not wards:
            raise ActionError({"variant": [_("Đơn vị “%(unit)s” không có xã, phường trực thuộc để tổng hợp.")
                                           % {"unit": unit.name}]})
    try:
        if upload:  # refused here, naming what is not allowed, before any of it is rendered
            check_template_source(upload.data, TEMPLATE_VARIABLES)
        pending = pending_tasks_of(unit, issued)
        outputs, docx = [], None
        for fmt in formats:
            progress(str(fmt))
            if fmt == Format.XLSX:
                outputs.append(build_output(core, fmt, issued=issued, number=number or None, template=template,
                                            parts=parts, variant=variant, unapproved=unapproved, wards=wards,
                                            pending_tasks=pending))
                continue
            if docx is None:
                docx = build_output(core, Format.DOCX, issued=issued, number=number or None, template=template,
                                    parts=parts, variant=variant, unapproved=unapproved, wards=wards,
                                    pending_tasks=pending)
            outputs.append(docx if fmt == Format.DOCX else pdf_output(docx))
        if upload and docx is None:  # the spreadsheet does not use the template: check it anyway
            check_template(core, upload.data, issued=issued, number=number or None)
    except ReportError as exc:
        reason = exc.in_language(get_language())
        if upload:
            msg = _("Mẫu báo cáo “%(name)s” không dùng được, mẫu chưa được lưu: %(reason)s") % {
                "name": upload.file_name, "reason": reason}
        else:
            msg = _("Mẫu báo cáo của đơn vị không dùng được (%(reason)s). Hãy tải lên mẫu khác "
                    "hoặc chọn mẫu mặc định.") % {"reason": reason}
        raise ActionError({"template": [msg]}) from exc
    except PdfConversionError as exc:
        raise ActionError(_("Không tạo được tệp PDF: %(reason)s") % {"reason": exc}) from exc

    with transaction.atomic():
        if upload:
            stored = ReportTemplate.objects.create(unit=unit, file=upload.data, file_name=upload.file_name,
                                                   uploaded_by=acting_user if getattr(acting_user, "pk", None) else None)
            record("report_template.upload", stored, actor=acting_user, unit=unit, new=upload.file_name,
                   size=len(upload.data))
        if parts is not None and (acting_user is None or rights.set_template):
            _remember_letter_parts(unit, parts, acting_user)
        record("report.generate", plan, actor=acting_user, unit=unit, new=", ".join(o.file_name for o in outputs),
               format=",".join(str(f) for f in formats), number=number, issued=issued.isoformat() if issued else "",
               template=f"{stored.pk}: {stored.file_name}" if stored else "default", variant=variant,
               data="latest" if latest else "approved", **(audit or {}))
    return outputs


def _remember_letter_parts(unit, parts, acting_user) -> None:
    """Store ``parts`` as the unit's letter settings (inside the caller's transaction), with an
    audit row when they changed."""
    values = {"signer_name": parts.signer_name, "sign_as": parts.sign_as, "kinh_gui": parts.kinh_gui,
              "recipients": "\n".join(parts.recipients)}
    current = LetterSettings.objects.select_for_update().filter(unit=unit).first()
    old = {k: getattr(current, k) for k in values} if current else None
    if old == values:
        return
    user = acting_user if getattr(acting_user, "pk", None) else None
    LetterSettings.objects.update_or_create(unit=unit, defaults={**values, "updated_by": user})
    record("report_letter.update", unit, actor=acting_user, unit=unit, old=old or {}, new=values)


# --- reports built by the job worker ---------------------------------------------------------------

def queued_formats() -> list[str]:
    """What a queued report makes: the DOCX, Phụ lục 1 (XLSX), and the PDF where LibreOffice is."""
    return [Format.DOCX, Format.XLSX] + ([Format.PDF] if pdf_available() else [])


def wards_of(unit, plan) -> list:
    """The wards and communes below ``unit`` in force in the plan's last year, by name."""
    return [c for c in unit.children.order_by("name") if c.is_active_in(plan.final_year)]


def do_queue_report(unit, plan, *, issued: date | None = None, number: str = "", upload: Upload | None = None,
                    use_default_template: bool = False, parts=None, variant: str = "auto", latest: bool = False,
                    wards: bool = False, language: str = "vi", acting_user) -> GeneratedReport:
    """Ask the job worker for the report of ``unit`` and ``plan`` (the arguments of
    ``do_generate_files``, every format of ``queued_formats``), or with ``wards`` for the reports of
    every ward below ``unit`` in one ZIP. Returns the ``GeneratedReport`` the page follows; with
    the immediate backend (tests, trials) it is built already. Reports older than
    ``REPORT_FILES_DAYS`` are deleted on the way."""
    rights = rights_on(acting_user, unit)
    if not rights.generate or (upload is not None and not rights.set_template):
        raise PermissionDenied
    if wards and not wards_of(unit, plan):
        raise ActionError({"wards": [_("Đơn vị “%(unit)s” không có xã, phường trực thuộc.") % {"unit": unit.name}]})
    from chitieu.web.reporting.tasks import build_report

    GeneratedReport.objects.filter(
        requested_at__lt=timezone.now() - timedelta(days=settings.REPORT_FILES_DAYS)).delete()
    options = {"number": nfc(number or "").strip(), "issued": issued.isoformat() if issued else "",
               "formats": [str(f) for f in queued_formats()], "use_default_template": use_default_template,
               "parts": asdict(parts) if parts is not None else None, "language": language}
    report = None
    try:
        with transaction.atomic():
            report = GeneratedReport.objects.create(
                unit=unit, plan=plan, requested_by=acting_user, variant=variant, latest=latest, wards=wards,
                options=options, template_upload=upload.data if upload else None,
                template_upload_name=upload.file_name if upload else "")
            record("report.queue", plan, actor=acting_user, unit=unit, new=f"#{report.pk}", variant=variant,
                   wards=wards, formats=options["formats"])
            # in the same transaction: the worker sees the job only with its row (both queues)
            task_id = build_report.enqueue(report.pk).id
            GeneratedReport.objects.filter(pk=report.pk).update(task_id=task_id)
    except Exception as exc:  # the queue did not answer (Redis down)
        logger.exception("report %s: could not be queued", getattr(report, "pk", None))
        msg = _("Không gửi được yêu cầu vào hàng đợi công việc (%(reason)s). Hãy thử lại sau.") % {
            "reason": type(exc).__name__}
        if report is not None and GeneratedReport.objects.filter(pk=report.pk).exists():
            return _fail(report, msg)  # committed, then the queue refused it (Redis pushes on commit)
        raise ActionError(msg) from exc
    report.refresh_from_db()
    return report


def do_build_report(report_id: int) -> GeneratedReport | None:
    """The job (``tasks.build_report``): build the files of a queued report and store them, or
    the reason it could not be built, in the language the report was asked in. Run again after
    a worker crash, it starts over. None when there is nothing to do (deleted, or finished)."""
    with transaction.atomic():
        report = GeneratedReport.objects.select_for_update().filter(
            pk=report_id, status__in=[GeneratedReport.State.QUEUED, GeneratedReport.State.RUNNING]).first()
        if report is None:
            return None
        report.status, report.started_at = GeneratedReport.State.RUNNING, timezone.now()
        report.attempts += 1
        report.save(update_fields=["status", "started_at", "attempts"])
    with translation.override(report.options.get("language") or "vi"):
        try:
            files, notes = _build_wards_zip(report) if report.wards else (_build_files(report), "")
        except ActionError as exc:
            return _fail(report, " ".join(str(m) for msgs in exc.errors.values() for m in msgs))
        except PermissionDenied:
            return _fail(report, _("Bạn không còn quyền tạo báo cáo của đơn vị này."))
        except Exception:
            _fail(report, _("Lỗi không mong đợi khi tạo báo cáo (đã ghi vào nhật ký hệ thống). Hãy thử lại sau."))
            raise  # logged by the worker with its traceback
    with transaction.atomic():
        for output, fmt in files:
            ReportFile.objects.create(report=report, format=fmt, file_name=output.file_name,
                                      content_type=output.content_type, data=output.data, size=len(output.data))
        GeneratedReport.objects.filter(pk=report.pk).update(
            status=GeneratedReport.State.DONE, finished_at=timezone.now(), step="", step_unit="", notes=notes,
            template_upload=None)
    report.refresh_from_db()
    return report


def _progress(report: GeneratedReport, unit_label: str = ""):
    def step(name: str) -> None:
        GeneratedReport.objects.filter(pk=report.pk).update(step=name, step_unit=unit_label)
    return step


def _fail(report: GeneratedReport, message: str) -> GeneratedReport:
    GeneratedReport.objects.filter(pk=report.pk).update(
        status=GeneratedReport.State.FAILED, error=str(message)[:2000], finished_at=timezone.now(),
        template_upload=None)
    report.refresh_from_db()
    return report


def _letter_parts(data: dict | None):
    from chitieu.reports.letterhead import LetterParts

    if data is None:
        return None
    return LetterParts(**{**data, "recipients": tuple(data.get("recipients") or ())})


def _build_files(report: GeneratedReport) -> list[tuple[Output, str]]:
    o = report.options
    upload = Upload(report.template_upload_name, bytes(report.template_upload)) \
        if report.template_upload is not None else None
    outputs = do_generate_files(
        report.unit, report.plan, formats=o["formats"], issued=date.fromisoformat(o["issued"]) if o["issued"] else None,
        number=o["number"], upload=upload, use_default_template=o["use_default_template"],
        parts=_letter_parts(o["parts"]), variant=report.variant, latest=report.latest,
        acting_user=report.requested_by, progress=_progress(report), audit={"job": report.pk})
    return list(zip(outputs, o["formats"], strict=True))


def _ward_plan(ward, plan):
    """The ward's own plan for the same period when it has one, else the plan it follows."""
    from chitieu.web.plans.models import Plan

    own = Plan.objects.filter(unit=ward, kind=plan.kind, base_year=plan.base_year, final_year=plan.final_year)
    return own.order_by("pk").first() or plan


def _build_wards_zip(report: GeneratedReport) -> tuple[list[tuple[Output, str]], str]:
    """Every ward's report (DOCX, XLSX, PDF) in one ZIP, each built as its own page builds it
    (its own template and letter parts, its own plan if it has one); a ward the user may not
    report on, or whose report fails, is left out and named in the notes."""
    o = report.options
    user, issued = report.requested_by, date.fromisoformat(o["issued"]) if o["issued"] else None
    variant = "auto" if report.variant == "town" else report.variant
    wards = wards_of(report.unit, report.plan)
    buffer, notes = io.BytesIO(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for i, ward in enumerate(wards, 1):
            if not rights_on(user, ward).generate:
                notes.append(_("%(unit)s: bạn không có quyền tạo báo cáo của đơn vị này.") % {"unit": ward.name})
                continue
            settings_row = LetterSettings.objects.filter(unit=ward).first()
            parts = None
            if settings_row is not None:
                from chitieu.reports.letterhead import LetterParts

                parts = LetterParts(signer_name=settings_row.signer_name, sign_as=settings_row.sign_as,
                                    kinh_gui=settings_row.kinh_gui, recipients=settings_row.recipient_lines)
            try:
                outputs = do_generate_files(
                    ward, _ward_plan(ward, report.plan), formats=o["formats"], issued=issued, parts=parts,
                    variant=variant, latest=report.latest, acting_user=user,
                    progress=_progress(report, f"{ward.name} ({i}/{len(wards)})"), audit={"job": report.pk})
            except ActionError as exc:
                reason = " ".join(str(m) for msgs in exc.errors.values() for m in msgs)
                notes.append(f"{ward.name}: {reason}")
                continue
            for output in outputs:
                archive.writestr(output.file_name, output.data)
        if notes:
            archive.writestr("chua-tao-duoc.txt", "\n".join(notes) + "\n")
    _progress(report)("zip")
    name = f"bao-cao-cac-don-vi-truc-thuoc-{slug(report.unit.name)}-{slug(report.plan.period)}.zip"
    return [(Output(buffer.getvalue(), "application/zip", name), "zip")], "\n".join(notes)


def do_settle_report(report: GeneratedReport) -> GeneratedReport:
    """A report still queued or running whose job the queue has given up on (its worker crashed
    on its last allowed attempt, ``chitieu.web.jobs.redis_backend``) is marked failed, so that
    the page stops waiting. Asks the queue only for an unfinished report."""
    if report.finished or not report.task_id:
        return report
    from django_tasks import TaskResultStatus, default_task_backend
    from django_tasks.exceptions import TaskResultDoesNotExist

    try:
        result = default_task_backend.get_result(report.task_id)
    except (NotImplementedError, TaskResultDoesNotExist):  # the immediate backend keeps no results
        return report
    if result.status != TaskResultStatus.FAILED:
        return report
    updated = GeneratedReport.objects.filter(
        pk=report.pk, status__in=[GeneratedReport.State.QUEUED, GeneratedReport.State.RUNNING]).update(
        status=GeneratedReport.State.FAILED, finished_at=timezone.now(), template_upload=None,
        error=_("Công việc tạo báo cáo bị dừng giữa chừng (tiến trình xử lý công việc dừng đột ngột, "
                "đã thử lại một lần). Hãy tạo lại báo cáo."))
    if updated:
        record("report.job_failed", report.plan, actor=None, unit=report.unit, new=f"#{report.pk}",
               errors=[e.exception_class_path for e in result.errors])
    report.refresh_from_db()
    return report
