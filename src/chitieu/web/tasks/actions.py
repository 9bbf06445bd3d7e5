"""Every change of tasks, assignments, progress reports and TTHC statistics: one function per
change, one transaction each, with its audit rows (``audit.record``) in the same transaction.
Views, the API and the demo call these; permissions come from ``chitieu.web.access``.

Who may do what: the officers (``write``) of the unit that issues a document create its groups
and tasks and assign them to units below it; the officers of a unit report on its assignments
and submit them; reviewers (``review``) of that unit approve them or return them with a comment.
TTHC figures are entered by the unit's officers; their CCHC rates are stored as values through
``values.actions.do_save_values`` (the one way values are written), in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chitieu.core import tasks as core_tasks
from chitieu.core import tthc as core_tthc
from chitieu.core.numbers import nfc
from chitieu.web.access import require
from chitieu.web.audit.models import record
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.tasks.models import (
    Assignment,
    ProgressReport,
    SourceDocument,
    Task,
    TaskGroup,
    TthcFieldRow,
    TthcMapping,
    TthcReport,
)

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


def _text(value, limit: int, key: str, label: str, errors: dict, *, required: bool = False) -> str:
    text = nfc(str(value or "")).strip()
    if required and not text:
        errors.setdefault(key, []).append(_("Cần nhập %(label)s.") % {"label": label})
    elif len(text) > limit:
        errors.setdefault(key, []).append(_("%(label)s dài %(n)d ký tự, tối đa %(limit)d ký tự.") % {
            "label": label, "n": len(text), "limit": limit})
    return text


def _who(user):
    return user if getattr(user, "pk", None) else None


# --- documents, groups, tasks ---------------------------------------------------------------


def do_create_document(unit, *, kind: str, number: str, issued: date, issuer: str, title: str,
                       acting_user) -> SourceDocument:
    """A document of ``unit`` that gives tasks (Nghị quyết, Kế hoạch, Chỉ thị, Công văn)."""
    require(acting_user, unit, "write")
    errors: dict[str, list[str]] = {}
    if kind not in SourceDocument.Kind.values:
        errors["kind"] = [_("Loại văn bản “%(kind)s” không hợp lệ.") % {"kind": kind}]
    number = _text(number, 50, "number", _("số, ký hiệu"), errors, required=True)
    issuer = _text(issuer, 200, "issuer", _("cơ quan ban hành"), errors, required=True)
    title = _text(title, 500, "title", _("trích yếu"), errors, required=True)
    if not isinstance(issued, date):
        errors["issued"] = [_("Cần nhập ngày ban hành.")]
    if errors:
        raise ActionError(errors)
    with transaction.atomic():
        doc = SourceDocument.objects.create(unit=unit, kind=kind, number=number, issued=issued, issuer=issuer,
                                            title=title, created_by=_who(acting_user))
        record("taskdoc.create", doc, actor=acting_user, unit=unit, new=str(doc))
    return doc


def do_add_group(document: SourceDocument, *, title: str, acting_user) -> TaskGroup:
    require(acting_user, document.unit, "write")
    errors: dict[str, list[str]] = {}
    title = _text(title, 300, "title", _("tên nhóm nhiệm vụ"), errors, required=True)
    if errors:
        raise ActionError(errors)
    with transaction.atomic():
        last = document.groups.select_for_update().order_by("-order").first()
        group = TaskGroup.objects.create(document=document, order=(last.order + 1) if last else 1, title=title)
        record("taskgroup.create", group, actor=acting_user, unit=document.unit, new=group.title,
               document=document.pk)
    return group


def do_add_task(group: TaskGroup, *, title: str, deadline: date | None, lead_unit: str = "",
                coordinating_units: str = "", expected_product: str = "", indicator_codes=(),
                acting_user) -> Task:
    """A task of ``group``; ``deadline=None`` is "thường xuyên" (recurring)."""
    document = group.document
    require(acting_user, document.unit, "write")
    errors: dict[str, list[str]] = {}
    title = _text(title, 500, "title", _("nội dung nhiệm vụ"), errors, required=True)
    lead_unit = _text(lead_unit, 200, "lead_unit", _("đơn vị chủ trì"), errors)
    coordinating_units = _text(coordinating_units, 300, "coordinating_units", _("đơn vị phối hợp"), errors)
    expected_product = _text(expected_product, 300, "expected_product", _("sản phẩm dự kiến"), errors)
    codes = [nfc(str(c)).strip() for c in indicator_codes if str(c).strip()]
    indicators = list(Indicator.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {i.code for i in indicators})
    if unknown:
        errors["indicators"] = [_("Không có chỉ tiêu mã %(codes)s trong danh mục.") % {"codes": ", ".join(unknown)}]
    if deadline is not None and deadline < document.issued:
        errors["deadline"] = [_("Thời hạn %(d)s trước ngày ban hành văn bản %(i)s.") % {
            "d": f"{deadline:%d/%m/%Y}", "i": f"{document.issued:%d/%m/%Y}"}]
    if errors:
        raise ActionError(errors)
    with transaction.atomic():
        last = group.tasks.select_for_update().order_by("-order").first()
        task = Task.objects.create(group=group, order=(last.order + 1) if last else 1, title=title,
                                   deadline=deadline, lead_unit=lead_unit, coordinating_units=coordinating_units,
                                   expected_product=expected_product)
        task.indicators.set(indicators)
        record("task.create", task, actor=acting_user, unit=document.unit, new=task.title,
               deadline=core_tasks.deadline_text(deadline), indicators=sorted(i.code for i in indicators))
    return task


def do_assign(tasks, units, *, acting_user) -> list[Assignment]:
    """Give each of ``tasks`` (of one document) to each of ``units`` in one action. A unit must be
    below the document's unit; a task already given to a unit is left as it is."""
    tasks = list(tasks)
    units = list(units)
    if not tasks or not units:
        raise ActionError(_("Chọn ít nhất một nhiệm vụ và một đơn vị."))
    document = tasks[0].group.document
    if any(t.group.document_id != document.pk for t in tasks):
        raise ActionError(_("Các nhiệm vụ phải thuộc cùng một văn bản."))
    require(acting_user, document.unit, "write")
    below = document.unit.descendant_ids()
    outside = [u.name for u in units if u.pk not in below]
    if outside:
        raise ActionError({"units": [_("%(units)s không trực thuộc %(issuer)s.") % {
            "units": ", ".join(outside), "issuer": document.unit.name}]})
    made = []
    with transaction.atomic():
        for task in tasks:
            for unit in units:
                assignment, created = Assignment.objects.get_or_create(
                    task=task, unit=unit, defaults={"assigned_by": _who(acting_user)})
                if created:
                    record("task.assign", assignment, actor=acting_user, unit=unit, new=unit.code, task=task.pk)
                    made.append(assignment)
    return made


# --- progress and review --------------------------------------------------------------------


@dataclass(frozen=True)
class Evidence:
    file_name: str
    data: bytes


def do_report_progress(assignment: Assignment, *, on: date, text: str, outcome: str = "in_progress",
                       document_number: str = "", figures: str = "", reason: str = "",
                       evidence: Evidence | None = None, acting_user) -> ProgressReport:
    """The unit reports on a task it was given (while the assignment is being reported or was
    returned). ``outcome``: in_progress, done (``on`` is the completion date) or not_done (with
    ``reason``). The first report's date is the start; the status follows from the dates."""
    require(acting_user, assignment.unit, "write")
    errors: dict[str, list[str]] = {}
    text = _text(text, 5000, "text", _("nội dung thực hiện"), errors, required=True)
    document_number = _text(document_number, 100, "document_number", _("số văn bản minh chứng"), errors)
    figures = _text(figures, 2000, "figures", _("số liệu"), errors)
    reason = _text(reason, 1000, "reason", _("lý do không thực hiện"), errors,
                   required=outcome == ProgressReport.Outcome.NOT_DONE)
    if outcome not in ProgressReport.Outcome.values:
        errors["outcome"] = [_("Kết quả “%(o)s” không hợp lệ.") % {"o": outcome}]
    if not isinstance(on, date):
        errors["on"] = [_("Cần nhập ngày báo cáo.")]
    elif on < assignment.task.group.document.issued:
        errors["on"] = [_("Ngày %(d)s trước ngày giao nhiệm vụ %(i)s.") % {
            "d": f"{on:%d/%m/%Y}", "i": f"{assignment.task.group.document.issued:%d/%m/%Y}"}]
    name = ""
    if evidence is not None:
        name = nfc(evidence.file_name).strip()[:255]
        if len(evidence.data) > MAX_EVIDENCE_BYTES:
            errors["file"] = [_("Tệp minh chứng %(n)s MB, tối đa %(max)d MB.") % {
                "n": f"{len(evidence.data) / 1048576:.1f}".replace(".", ","), "max": MAX_EVIDENCE_BYTES // 1048576}]
    if errors:
        raise ActionError(errors)
    with transaction.atomic():
        current = Assignment.objects.select_for_update().select_related("task").get(pk=assignment.pk)
        if not current.editable:
            raise ActionError(_("Nhiệm vụ đang ở trạng thái “%(state)s”, không báo cáo thêm được.") % {
                "state": current.get_state_display()})
        started = min(current.started, on) if current.started else on
        if outcome == ProgressReport.Outcome.DONE:
            completed, why = on, ""
        elif outcome == ProgressReport.Outcome.NOT_DONE:
            completed, why = None, reason
        else:
            completed, why = None, ""
        if completed is not None and completed < started:
            raise ActionError({"on": [_("Ngày hoàn thành %(d)s trước ngày bắt đầu %(s)s.") % {
                "d": f"{completed:%d/%m/%Y}", "s": f"{started:%d/%m/%Y}"}]})
        report = ProgressReport.objects.create(
            assignment=current, on=on, outcome=outcome, text=text, document_number=document_number,
            figures=figures, file_name=name, file=evidence.data if evidence else None, created_by=_who(acting_user))
        old = current.status(on=on).value
        current.started, current.completed, current.not_done_reason = started, completed, why
        current.save(update_fields=["started", "completed", "not_done_reason"])
        record("task.progress", current, actor=acting_user, unit=current.unit, field="status", old=old,
               new=current.status(on=on).value, report=report.pk, outcome=outcome, on=on.isoformat(),
               document_number=document_number, file=name)
    assignment.refresh_from_db()
    return report


def _transition(assignment: Assignment, allowed: set, to: str, action: str, *, acting_user,
                comment: str = "") -> Assignment:
    with transaction.atomic():
        current = Assignment.objects.select_for_update().get(pk=assignment.pk)
        if current.state not in allowed:
            raise ActionError(_("Không thể chuyển từ “%(from)s” sang “%(to)s”.") % {
                "from": current.get_state_display(), "to": Assignment.State(to).label})
        old = current.state
        current.state = to
        now = timezone.now()
        if to == Assignment.State.SUBMITTED:
            current.submitted_at = now
        else:
            current.reviewed_by, current.reviewed_at, current.comment = _who(acting_user), now, comment
        current.save()
        record(action, current, actor=acting_user, unit=current.unit, field="state", old=old, new=to, comment=comment)
    assignment.refresh_from_db()
    return assignment


def do_submit_assignment(assignment: Assignment, *, acting_user) -> Assignment:
    require(acting_user, assignment.unit, "write")
    if not assignment.reports.exists():
        raise ActionError(_("Chưa có báo cáo nào về nhiệm vụ này để gửi duyệt."))
    return _transition(assignment, {Assignment.State.DRAFT, Assignment.State.RETURNED}, Assignment.State.SUBMITTED,
                       "task.submit", acting_user=acting_user)


def do_approve_assignment(assignment: Assignment, *, acting_user, comment: str = "") -> Assignment:
    require(acting_user, assignment.unit, "review")
    return _transition(assignment, {Assignment.State.SUBMITTED}, Assignment.State.APPROVED, "task.approve",
                       acting_user=acting_user, comment=nfc(comment or "").strip())


def do_return_assignment(assignment: Assignment, *, acting_user, comment: str) -> Assignment:
    require(acting_user, assignment.unit, "review")
    comment = nfc(comment or "").strip()
    if not comment:
        raise ActionError({"comment": [_("Cần ghi rõ lý do trả lại.")]})
    return _transition(assignment, {Assignment.State.SUBMITTED}, Assignment.State.RETURNED, "task.return",
                       acting_user=acting_user, comment=comment)


def do_reopen_assignment(assignment: Assignment, *, acting_user, comment: str = "") -> Assignment:
    require(acting_user, assignment.unit, "review")
    return _transition(assignment, {Assignment.State.APPROVED}, Assignment.State.DRAFT, "task.reopen",
                       acting_user=acting_user, comment=nfc(comment or "").strip())


# --- TTHC statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class TthcSaved:
    report: TthcReport
    values: dict[str, Decimal]  # indicator code → the rate stored as a value
    not_in_plan: list[str]  # codes of rates no plan of the unit has a target on (not stored as values)
    no_base: list[str]  # codes of rates whose base is 0 (not computed)


def _problems_to_errors(problems: list[core_tthc.Problem]) -> dict[str, list[str]]:
    language = get_language()
    errors: dict[str, list[str]] = {}
    for p in problems:
        key = f"line{p.line}" if p.line is not None else "rows"
        errors.setdefault(key, []).append(p.in_language(language))
    return errors


def _plans_for_rates(unit, year: int, codes) -> dict[str, object]:
    """For each code, the first plan ``unit`` follows (its own first) that covers ``year`` and has
    a target on it; values are shared by every plan of the unit, so one is enough."""
    from chitieu.web.plans.models import Plan

    found: dict[str, object] = {}
    for plan in Plan.objects.followed_by(unit).filter(base_year__lte=year, final_year__gte=year):
        for code in plan.targets.filter(indicator__code__in=list(codes)).values_list("indicator__code", flat=True):
            found.setdefault(code, plan)
    return found


def do_save_tthc(unit, *, start: date, end: date, rows: list[core_tthc.TthcRow],
                 total: core_tthc.TthcRow | None = None, source: str, value_status: str = "chinh_thuc",
                 acting_user) -> TthcSaved:
    """Store the TTHC figures of ``unit`` for the window ``start``-``end`` (replacing those of the
    same window), all or nothing: every rule of ``core.tthc.check`` must hold (errors keyed
    ``line<N>`` by the file's row, or ``rows``). The CCHC rates are then stored as values of
    the window's last year through ``do_save_values`` with the window as their source; a refusal
    there (a locked year, for example) refuses the whole save."""
    require(acting_user, unit, "write")
    from chitieu.web.values.actions import do_save_values

    errors: dict[str, list[str]] = {}
    source = _text(source, 200, "source", _("nguồn"), errors, required=True)
    if errors:
        raise ActionError(errors)
    rows = [replace(r, field=nfc(r.field).strip()) for r in rows]
    long_names = [r for r in rows if len(r.field) > 200]
    if long_names:
        raise ActionError({"rows": [_("Tên lĩnh vực “%(name)s…” dài %(n)d ký tự, tối đa 200 ký tự.") % {
            "name": r.field[:40], "n": len(r.field)} for r in long_names]})
    report = core_tthc.TthcReport(start, end, tuple(rows), total)
    problems = core_tthc.check(report)
    if problems:
        raise ActionError(_problems_to_errors(problems))
    rates = core_tthc.rates(report)
    value_source = f"Thống kê TTHC {start:%d/%m/%Y}-{end:%d/%m/%Y} ({source})"[:300]
    codes = {core_tthc.RATE_INDICATORS[k]: v for k, v in rates.items()}
    plans = _plans_for_rates(unit, end.year, codes)
    with transaction.atomic():
        stored = TthcReport.objects.select_for_update().filter(unit=unit, start=start, end=end).first()
        old = ""
        if stored is not None:
            old = str(core_tthc.totals(stored.to_core()).total_received)
            stored.rows.all().delete()
            stored.source, stored.created_by = source, _who(acting_user)
            stored.stated_total = _stated(total)
            stored.save()
        else:
            stored = TthcReport.objects.create(unit=unit, start=start, end=end, source=source,
                                               created_by=_who(acting_user), stated_total=_stated(total))
        TthcFieldRow.objects.bulk_create([
            TthcFieldRow(report=stored, order=n, field=row.field,
                         **{name: getattr(row, name) for name in core_tthc.COUNTS})
            for n, row in enumerate(rows, 1)])
        record("tthc.save", stored, actor=acting_user, unit=unit, field="received", old=old,
               new=str(core_tthc.totals(report).total_received), window=stored.window, source=source,
               rates={k: v for k, v in rates.items()})
        saved: dict[str, Decimal] = {}
        by_plan: dict[int, tuple] = {}
        for code, rate in codes.items():
            if rate is None or code not in plans:
                continue
            plan = plans[code]
            by_plan.setdefault(plan.pk, (plan, []))[1].append(
                {"indicator": code, "value": Decimal(str(rate)), "status": value_status, "source": value_source})
            saved[code] = Decimal(str(rate))
        for plan, value_rows in by_plan.values():
            do_save_values(unit, plan, end.year, value_rows, acting_user=acting_user)
    return TthcSaved(stored, saved, sorted(c for c, r in codes.items() if r is not None and c not in plans),
                     sorted(c for c, r in codes.items() if r is None))


def _stated(total: core_tthc.TthcRow | None) -> dict | None:
    if total is None:
        return None
    return {name: getattr(total, name) for name in core_tthc.COUNTS + core_tthc.STATED}


def do_set_tthc_mapping(unit, columns: dict[str, str], *, acting_user) -> TthcMapping:
    require(acting_user, unit, "write")
    with transaction.atomic():
        mapping, _created = TthcMapping.objects.select_for_update().get_or_create(unit=unit)
        old = mapping.columns
        mapping.columns = columns
        mapping.updated_by = _who(acting_user)
        mapping.save()
        record("tthc.mapping", mapping, actor=acting_user, unit=unit, old=old, new=columns)
    return mapping
