"""Generating a report (and storing the unit's own template when one is uploaded with it): one
action, its audit rows written in one transaction after every file was built, so a bad template
or a failed conversion stores nothing.

Owns ``do_generate_report``; who may generate or set the template is ``access.Rights``
(any member of the unit and its reviewers may generate; only its officers and admins may upload
the template every later report of the unit is written from). An uploaded template is checked
by ``chitieu.reports.safe_template`` (size, zip bounds, only the documented placeholders) before
anything of it is rendered, and rendered in Jinja2's sandbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
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
    pending_tasks_of,
    unapproved_values,
    ward_plans,
)
from chitieu.web.reporting.models import LetterSettings, ReportTemplate


@dataclass(frozen=True)
class Upload:
    """A template file as the user sent it."""

    file_name: str
    data: bytes


def do_generate_report(unit, plan, *, fmt: str, issued: date | None = None, number: str = "",
                       upload: Upload | None = None, use_default_template: bool = False,
                       parts=None, variant: str = "auto", latest: bool = False, acting_user) -> Output:
    """The report of ``unit`` for ``plan`` in ``fmt`` (docx, xlsx, pdf), from the data as stored now.

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
    if fmt not in Format.values:
        raise ActionError({"format": [_("Định dạng “%(fmt)s” không hợp lệ.") % {"fmt": fmt}]})
    number = nfc(number or "").strip()
    stored = None if (upload or use_default_template) else ReportTemplate.current_for(unit)
    template = upload.data if upload else (bytes(ReportTemplate.objects.get(pk=stored.pk).file) if stored else None)

    from chitieu.reports.letterhead import normalise_number

    try:
        number = normalise_number(number)
    except ReportError as exc:
        raise ActionError({"number": [exc.in_language(get_language())]}) from exc
    core = core_plan_for(plan, unit, latest=latest)
    unapproved = unapproved_values(core, core_plan_for(plan, unit)) if latest else None
    wards = ()
    if variant == "town":
        wards = ward_plans(plan, unit, plan.final_year, latest=latest)
        if not wards:
            raise ActionError({"variant": [_("Đơn vị “%(unit)s” không có xã, phường trực thuộc để tổng hợp.")
                                           % {"unit": unit.name}]})
    try:
        if upload:  # refused here, naming what is not allowed, before any of it is rendered
            check_template_source(upload.data, TEMPLATE_VARIABLES)
        output = build_output(core, fmt, issued=issued, number=number or None, template=template, parts=parts,
                              variant=variant, unapproved=unapproved, wards=wards,
                              pending_tasks=pending_tasks_of(unit, issued))
        if upload and fmt == Format.XLSX:  # the spreadsheet does not use the template: check it anyway
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
        record("report.generate", plan, actor=acting_user, unit=unit, new=output.file_name, format=str(fmt),
               number=number, issued=issued.isoformat() if issued else "",
               template=f"{stored.pk}: {stored.file_name}" if stored else "default", variant=variant,
               data="latest" if latest else "approved")
    return output


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
