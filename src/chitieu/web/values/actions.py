"""Every change of values and of their review state: one function per change, one transaction
each, with its audit rows written in the same transaction. Views, the API, the CLI and the demo
all call these."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.core.numbers import NumberFormatError, nfc, parse_number
from chitieu.core.series import ValueStatus
from chitieu.web.access import require
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.plans.models import Plan
from chitieu.web.values.models import Submission, Value

_FIELDS = ("value", "source", "note")


def _number(raw) -> Decimal | None:
    if raw is None:
        return None
    if isinstance(raw, int | float | Decimal) and not isinstance(raw, bool):
        return Decimal(str(raw))
    text = nfc(str(raw)).strip()
    if not text:
        return None
    return Decimal(repr(parse_number(text, "vi")))


def _plain(d: Decimal) -> str:
    """1234.5000 → "1234.5", 100.0000 → "100" (never "1E+2")."""
    return format(d.normalize(), "f")


def _plan_covers(plan, unit) -> bool:
    return Plan.objects.covers(plan, unit)


def _submission(unit, plan, year) -> Submission:
    submission, _created = Submission.objects.select_for_update().get_or_create(unit=unit, plan=plan, year=year)
    return submission


def do_save_values(unit, plan, year: int, rows: list[dict], *, acting_user) -> list[Value]:
    """Store the rows (``indicator``: code, ``value``: number or text as typed "1.234,5",
    ``status``, ``source``, ``note``) of ``unit`` for ``plan`` and ``year``, all or nothing.

    An empty value removes the stored value of that status. Raises ``ActionError`` with the
    messages keyed ``"<code>.<field>"`` when any row is bad; nothing is written then.
    """
    require(acting_user, unit, "write")
    errors: dict[str, list[str]] = {}
    if not _plan_covers(plan, unit):
        raise ActionError(_("Kế hoạch này không thuộc đơn vị %(unit)s.") % {"unit": unit.name})
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ActionError({"year": [_("Năm “%(year)s” không hợp lệ.") % {"year": year}]}) from None
    if year not in plan.years:
        raise ActionError({"year": [_("Năm %(year)d nằm ngoài kế hoạch %(first)d-%(last)d.") % {
            "year": year, "first": plan.base_year, "last": plan.final_year}]})
    targets = {t.indicator.code: t.indicator for t in plan.targets.select_related("indicator")}
    clean: list[tuple] = []
    for row in rows:
        code = nfc(str(row.get("indicator", ""))).strip()
        indicator = targets.get(code)
        if indicator is None:
            errors.setdefault(f"{code}.value", []).append(
                _("Chỉ tiêu “%(code)s” không có trong kế hoạch.") % {"code": code})
            continue
        status = str(row.get("status") or ValueStatus.OFFICIAL.value)
        if status not in {s.value for s in ValueStatus}:
            errors.setdefault(f"{code}.status", []).append(_("Trạng thái số liệu “%(s)s” không hợp lệ.") % {"s": status})
            continue
        try:
            number = _number(row.get("value"))
        except (NumberFormatError, InvalidOperation):
            errors.setdefault(f"{code}.value", []).append(
                _("“%(text)s” không phải là số (viết như 1.234,5).") % {"text": row.get("value")})
            continue
        if number is not None and indicator.is_percent_share and not (0 <= number <= 100):
            errors.setdefault(f"{code}.value", []).append(
                _("Tỷ lệ phải nằm trong khoảng 0-100%%; đã nhập %(text)s.") % {"text": row.get("value")})
            continue
        source = nfc(str(row.get("source") or "")).strip()[:300]
        note = nfc(str(row.get("note") or "")).strip()[:500]
        clean.append((indicator, status, number, source, note))
    if errors:
        raise ActionError(errors)

    changed: list[Value] = []
    with transaction.atomic():
        submission = _submission(unit, plan, year)
        if not submission.editable:
            raise ActionError(_("Số liệu năm %(year)d đang ở trạng thái “%(state)s”, không sửa được.") % {
                "year": year, "state": submission.get_state_display()})
        for indicator, status, number, source, note in clean:
            existing = Value.objects.select_for_update().filter(
                unit=unit, indicator=indicator, year=year, status=status).first()
            if number is None:
                if existing is not None:
                    record("value.delete", existing, actor=acting_user, unit=unit, field="value",
                           old=_plain(existing.value), new="", indicator=indicator.code, year=year, status=status)
                    existing.delete()
                continue
            new = {"value": number, "source": source, "note": note}
            if existing is None:
                value = Value.objects.create(unit=unit, indicator=indicator, year=year, status=status,
                                             updated_by=acting_user if getattr(acting_user, "pk", None) else None, **new)
                record("value.create", value, actor=acting_user, unit=unit, field="value", old="",
                       new=_plain(number), indicator=indicator.code, year=year, status=status,
                       source=source, note=note)
                changed.append(value)
                continue
            diffs = [(f, getattr(existing, f), new[f]) for f in _FIELDS if getattr(existing, f) != new[f]]
            if not diffs:
                continue
            for f, _old, val in diffs:
                setattr(existing, f, val)
            existing.updated_by = acting_user if getattr(acting_user, "pk", None) else None
            existing.save()
            for f, old, val in diffs:
                show = _plain if f == "value" else str
                record("value.update", existing, actor=acting_user, unit=unit, field=f, old=show(old), new=show(val),
                       indicator=indicator.code, year=year, status=status)
            changed.append(existing)
    return changed


def _transition(submission: Submission, allowed_from: set, to: str, action: str, *, acting_user, comment: str = "") -> Submission:
    with transaction.atomic():
        current = Submission.objects.select_for_update().get(pk=submission.pk)
        if current.state not in allowed_from:
            raise ActionError(_("Không thể chuyển từ “%(from)s” sang “%(to)s”.") % {
                "from": current.get_state_display(), "to": Submission.State(to).label})
        old = current.state
        current.state = to
        now = timezone.now()
        if to == Submission.State.SUBMITTED:
            current.submitted_by = acting_user if getattr(acting_user, "pk", None) else None
            current.submitted_at = now
        else:
            current.reviewed_by = acting_user if getattr(acting_user, "pk", None) else None
            current.reviewed_at = now
            current.comment = comment
        current.save()
        record(action, current, actor=acting_user, unit=current.unit, field="state", old=old, new=to, comment=comment)
    submission.refresh_from_db()
    return submission


def do_submit(unit, plan, year: int, *, acting_user) -> Submission:
    """The officer sends the year's data for review (from draft, or again after a return)."""
    require(acting_user, unit, "write")
    if int(year) not in plan.years or not _plan_covers(plan, unit):
        raise ActionError(_("Năm %(year)s nằm ngoài kế hoạch.") % {"year": year})
    with transaction.atomic():
        submission = _submission(unit, plan, int(year))
    return _transition(submission, {Submission.State.DRAFT, Submission.State.RETURNED}, Submission.State.SUBMITTED,
                       "submission.submit", acting_user=acting_user)


def do_approve(submission: Submission, *, acting_user, comment: str = "") -> Submission:
    require(acting_user, submission.unit, "review")
    return _transition(submission, {Submission.State.SUBMITTED}, Submission.State.APPROVED, "submission.approve",
                       acting_user=acting_user, comment=nfc(comment).strip())


def do_return(submission: Submission, *, acting_user, comment: str) -> Submission:
    """The reviewer sends the data back; a comment saying what to fix is required."""
    require(acting_user, submission.unit, "review")
    comment = nfc(comment or "").strip()
    if not comment:
        raise ActionError({"comment": [_("Cần ghi rõ lý do trả lại.")]})
    return _transition(submission, {Submission.State.SUBMITTED}, Submission.State.RETURNED, "submission.return",
                       acting_user=acting_user, comment=comment)


def do_reopen(submission: Submission, *, acting_user, comment: str = "") -> Submission:
    """An approved year is opened again for corrections (reviewers only)."""
    require(acting_user, submission.unit, "review")
    return _transition(submission, {Submission.State.APPROVED}, Submission.State.DRAFT, "submission.reopen",
                       acting_user=acting_user, comment=nfc(comment).strip())
