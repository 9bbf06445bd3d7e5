"""The implementation report of a unit for one source document, from the database: its
assignments read into ``chitieu.reports.implementation.ImplementationData`` and the DOCX built
from the unit's own template and letter parts (those of the "Tạo báo cáo" page). Writes nothing
but the audit row of the generation (``do_generate_implementation``)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import get_language

from chitieu.web.access import rights_on
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.reporting.generate import slug
from chitieu.web.tasks.models import Assignment, SourceDocument, today

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def implementation_data(unit, document: SourceDocument, *, on: date | None = None, request=None):
    from chitieu.reports.implementation import (
        DocumentRef,
        GroupLines,
        ImplementationData,
        ProgressLine,
        TaskLine,
    )

    on = on or today()
    assignments = {a.task_id: a for a in Assignment.objects.filter(unit=unit, task__group__document=document)
                   .select_related("task").prefetch_related("reports")}
    groups = []
    for group in document.groups.prefetch_related("tasks"):
        lines = []
        for task in group.tasks.all():
            a = assignments.get(task.pk)
            if a is None:
                continue
            reports = tuple(ProgressLine(on=r.on, outcome=r.outcome, text=r.text, document_number=r.document_number,
                                         figures=r.figures, file_name=r.file_name)
                            for r in a.reports.all().defer("file"))
            lines.append(TaskLine(title=task.title, deadline=task.deadline, status=a.status(on),
                                  lead_unit=task.lead_unit, reports=reports, not_done_reason=a.not_done_reason,
                                  approved=a.state == Assignment.State.APPROVED))
        groups.append(GroupLines(group.title, tuple(lines)))
    plan_ref = DocumentRef(document.get_kind_display(), document.number, document.issued, document.issuer,
                           document.title)
    return ImplementationData(unit_name=unit.name, parent_name=unit.parent.name if unit.parent_id else "",
                              plan=plan_ref, groups=tuple(groups), today=on, request=request)


def request_ref(number: str, issued: date | None, issuer: str):
    from chitieu.reports.implementation import DocumentRef

    number = (number or "").strip()
    if not number:
        return None
    return DocumentRef("Công văn", number, issued, (issuer or "").strip())


def file_name(unit, document) -> str:
    return f"bao-cao-nhiem-vu-{slug(unit.name)}-{slug(document.number)}.docx"


def do_generate_implementation(unit, document, *, acting_user, request=None, issued=None, number="",
                               signer_name="", kinh_gui="") -> bytes:
    """The DOCX of ``unit``'s report on ``document``, with its template and letter parts."""
    from chitieu.reports.errors import ReportError
    from chitieu.reports.implementation import implementation_bytes
    from chitieu.reports.letterhead import LetterParts
    from chitieu.web.reporting.models import LetterSettings, ReportTemplate

    if acting_user is not None and not rights_on(acting_user, unit).generate:
        raise PermissionDenied
    stored = LetterSettings.objects.filter(unit=unit).first()
    parts = LetterParts(
        signer_name=signer_name or (stored.signer_name if stored else ""),
        sign_as=stored.sign_as if stored else "tm",
        kinh_gui=kinh_gui,
    )
    template = ReportTemplate.current_for(unit)
    data_template = bytes(ReportTemplate.objects.get(pk=template.pk).file) if template else None
    data = implementation_data(unit, document, request=request)
    try:
        out = implementation_bytes(data, template=data_template, issued=issued, number=number or None, parts=parts)
    except ReportError as exc:
        raise ActionError({"number": [exc.in_language(get_language())]}) from exc
    with transaction.atomic():
        record("task.report", document, actor=acting_user, unit=unit, new=file_name(unit, document),
               number=number, issued=str(issued or ""))
    return out

