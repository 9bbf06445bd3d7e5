"""Every change of state of the draft checker: checking an uploaded draft, and a reviewer's
mark on one finding. Each runs in one transaction with its audit row (``audit.models.record``).

Who may: anyone who may issue the unit's report or enter its data (``Rights.generate`` or
``Rights.write``: its members, its officers and the reviewers above it). Reading the upload
runs in a bounded child process (``imports.reading.read_upload``); the checks are pure Python
(``chitieu.check``) over what it read, compared with the stored data of a plan the unit follows
when one is chosen.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.core.numbers import nfc
from chitieu.web.access import rights_on
from chitieu.web.audit.models import record
from chitieu.web.checks.models import CheckedDraft, DraftFinding
from chitieu.web.errors import ActionError
from chitieu.web.imports.reading import read_upload, safe_name, sha256_of

MAX_COMMENT = 2000


def may_check(rights) -> bool:
    return bool(rights.generate or rights.write)


def _require(user, unit) -> None:
    if user is not None and not may_check(rights_on(user, unit)):
        raise PermissionDenied


def run_checks(doc, statements, plan=None, unit=None) -> list:
    """The findings of ``chitieu.check`` in ``doc`` (worst first), and against ``plan``'s stored
    values for ``unit`` when a plan is given."""
    from chitieu.check import check_document
    from chitieu.check.against_plan import compare_with_core
    from chitieu.check.finding import ordered

    findings = check_document(doc, statements=statements)
    if plan is not None:
        findings = ordered(findings + compare_with_core(doc, plan.to_core(unit=unit)))
    return findings


def _passage(f, lines: list[str]) -> str:
    if f.quote:
        return f.quote
    return " ".join(lines[n - 1] for n in f.lines if 0 < n <= len(lines))


def do_check_draft(unit, file_name: str, content: bytes, *, plan=None, acting_user,
                   source: str = "upload") -> CheckedDraft:
    """Read and check the draft ``file_name``; store it with its findings, the marks of the
    unit's previous version of the same file name carried over. ``source`` ("upload", or
    "generated" for ``do_check_generated_report``) goes into the audit row. Raises
    ``ExtractionError`` (unreadable, too large, wrong format) with nothing stored."""
    from chitieu.web.plans.models import Plan

    _require(acting_user, unit)
    if plan is not None and not Plan.objects.covers(plan, unit):
        raise PermissionDenied
    name = safe_name(file_name)
    doc, statements = read_upload(name, content)
    findings = run_checks(doc, statements, plan, unit)
    lines = list(doc.lines)
    with transaction.atomic():
        previous = (CheckedDraft.objects.filter(unit=unit, file_name=name).order_by("-uploaded_at", "-pk")
                    .defer("file", "lines").first())
        draft = CheckedDraft.objects.create(
            unit=unit, plan=plan, file_name=name, file_format=doc.format, file=content, sha256=sha256_of(content),
            lines=lines, uploaded_by=acting_user if getattr(acting_user, "pk", None) else None)
        rows = DraftFinding.objects.bulk_create([
            DraftFinding(draft=draft, position=i, kind=f.type, severity=f.severity, lines=list(f.lines),
                         figures=list(f.figures), message=f.message, computed=f.computed or "",
                         passage=_passage(f, lines)[:2000])
            for i, f in enumerate(findings, 1)
        ])
        carried = _carry_marks(previous, rows) if previous else 0
        record("check_draft.upload", draft, actor=acting_user, unit=unit, new=name, size=len(content),
               plan=plan.pk if plan else None, findings=len(rows),
               errors=sum(1 for r in rows if r.severity == "error"),
               previous=previous.pk if previous else None, carried=carried, source=source)
    return draft


def do_check_generated_report(unit, plan, *, acting_user) -> CheckedDraft:
    """Check the report chitieu writes for ``unit`` under ``plan`` — the DOCX the "Tạo báo cáo"
    page gives now (approved values, the unit's own template if it has one, its letter parts),
    which is what the reporting app would issue: the reporting app keeps no copy of the reports
    it made, so "a report generated earlier" is generated again from the same stored data. The
    report is then checked as an uploaded draft (same file name each time: the marks of the last
    check carry over) and compared with the plan's approved values. Raises ``ActionError``
    (``plan``) when the report cannot be built, with nothing stored."""
    from chitieu.reports.document import ReportError
    from chitieu.web.plans.models import Plan
    from chitieu.web.reporting.generate import Format, build_output, core_plan_for
    from chitieu.web.reporting.models import LetterSettings, ReportTemplate

    _require(acting_user, unit)
    if not Plan.objects.covers(plan, unit):
        raise PermissionDenied
    stored = ReportTemplate.current_for(unit)
    template = bytes(ReportTemplate.objects.values_list("file", flat=True).get(pk=stored.pk)) if stored else None
    settings = LetterSettings.objects.filter(unit=unit).first()
    parts = _letter_parts(settings) if settings else None
    try:
        output = build_output(core_plan_for(plan, unit), Format.DOCX, issued=None, number=None,
                              template=template, parts=parts)
    except ReportError as exc:
        raise ActionError({"plan": [str(exc)]}) from exc
    return do_check_draft(unit, output.file_name, output.data, plan=plan, acting_user=acting_user,
                          source="generated")


def _letter_parts(settings):
    from chitieu.reports.document import ReportError
    from chitieu.reports.letterhead import LetterParts

    try:
        return LetterParts(signer_name=settings.signer_name, sign_as=settings.sign_as, kinh_gui=settings.kinh_gui,
                           recipients=settings.recipient_lines)
    except ReportError:
        return None  # a signing authority no longer offered: the plan's defaults


def _carry_marks(previous: CheckedDraft, rows: list[DraftFinding]) -> int:
    """Give each new finding the mark of the previous version's finding of the same kind and
    passage (each old mark used once, in order: one passage can hold two findings of a kind)."""
    marked: dict[tuple, list[DraftFinding]] = {}
    for old in previous.findings.exclude(mark=DraftFinding.Mark.PENDING).order_by("position"):
        marked.setdefault(old.carry_key, []).append(old)
    changed = []
    for row in rows:
        olds = marked.get(row.carry_key)
        if not olds:
            continue
        old = olds.pop(0)
        row.mark, row.comment, row.marked_by_id, row.marked_at = old.mark, old.comment, old.marked_by_id, old.marked_at
        row.carried_from = old
        changed.append(row)
    if changed:
        DraftFinding.objects.bulk_update(changed, ["mark", "comment", "marked_by", "marked_at", "carried_from"])
    return len(changed)


def do_mark_finding(finding: DraftFinding, *, mark: str, comment: str = "", acting_user) -> DraftFinding:
    """A reviewer's word on one finding: ``mark`` is "confirmed" (đúng, cần sửa), "dismissed"
    (không phải lỗi) or "" (not looked at yet), with an optional comment."""
    unit = finding.draft.unit
    _require(acting_user, unit)
    if mark not in DraftFinding.Mark.values:
        raise ActionError({"mark": [_("Đánh giá “%(mark)s” không hợp lệ.") % {"mark": mark}]})
    comment = nfc(comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise ActionError({"comment": [_("Ý kiến dài quá %(n)d ký tự.") % {"n": MAX_COMMENT}]})
    with transaction.atomic():
        row = DraftFinding.objects.select_for_update().get(pk=finding.pk)
        old = {"mark": row.mark, "comment": row.comment}
        new = {"mark": mark, "comment": comment}
        if old == new:
            return row
        row.mark, row.comment = mark, comment
        row.marked_by = acting_user if getattr(acting_user, "pk", None) else None
        row.marked_at = timezone.now()
        row.carried_from = None
        row.save(update_fields=["mark", "comment", "marked_by", "marked_at", "carried_from"])
        record("check_finding.mark", row, actor=acting_user, unit=unit, field="mark", old=old, new=new,
               draft=row.draft_id)
    return row
