"""Every change of values and of their review state: one function per change, one transaction
each, with its audit rows written in the same transaction. Views, the API, the CLI and the demo
all call these."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.core import value_checks
from chitieu.core.indicators import Kind, read_yes_no
from chitieu.core.numbers import nfc
from chitieu.core.series import ValueStatus
from chitieu.web.access import require
from chitieu.web.audit.models import record
from chitieu.web.errors import ActionError
from chitieu.web.plans.models import Plan
from chitieu.web.values.models import Submission, Value, locking_submissions

_FIELDS = ("value", "source", "note")
_SOURCE_MAX, _NOTE_MAX = 300, 500


def _problem_message(problem: value_checks.ValueProblem) -> str:
    """The check's finding in the user's language (the core gives a code and its parameters)."""
    p = problem.params
    messages = {
        "not_a_number": lambda: _("“%(text)s” không phải là số (viết như 1.234,5).") % p,
        "not_finite": lambda: _("Chỉ tiêu %(code)s: “%(text)s” không phải là một số hữu hạn.") % p,
        "too_large": lambda: _("Chỉ tiêu %(code)s: %(text)s quá lớn; giá trị tuyệt đối phải nhỏ hơn "
                               "10^15 (1.000.000.000.000.000).") % p,
        "too_precise": lambda: _("Chỉ tiêu %(code)s: %(text)s có quá 4 chữ số thập phân; hệ thống lưu tối đa "
                                 "4 chữ số, hãy làm tròn trước khi nhập.") % p,
        "too_many_digits": lambda: _("Chỉ tiêu %(code)s: %(text)s có quá 15 chữ số có nghĩa; hệ thống giữ chính "
                                     "xác tối đa 15 chữ số, hãy làm tròn trước khi nhập.") % p,
        "boolean": lambda: _("Chỉ tiêu %(code)s là đạt/không đạt: nhập 1 (đạt) hoặc 0 (không đạt); "
                             "đã nhập %(text)s.") % p,
        "percent_range": lambda: _("Tỷ lệ phải nằm trong khoảng 0-100%%; đã nhập %(text)s.") % p,
        "negative": lambda: _("Chỉ tiêu %(code)s không nhận số âm; đã nhập %(text)s.") % p,
        "not_integer": lambda: _("Chỉ tiêu %(code)s đếm số %(unit)s nên phải là số nguyên; đã nhập %(text)s.") % p,
        "too_long": lambda: _("%(field)s dài %(length)d ký tự, tối đa %(limit)d ký tự.") % p,
    }
    return messages[problem.code]()


def _plain(d) -> str:
    """1234.5000 → "1234.5", 100.0000 → "100" (never "1E+2"); an invalid stored row as it was stored."""
    if not isinstance(d, Decimal):
        return str(d)
    return format(d.normalize(), "f")


def _plan_covers(plan, unit) -> bool:
    return Plan.objects.covers(plan, unit)


def _submission(unit, plan, year) -> Submission:
    submission, _created = Submission.objects.select_for_update().get_or_create(unit=unit, plan=plan, year=year)
    return submission


def plan_label(plan) -> str:
    """"2021-2025 của Phường 2": how a message names a plan."""
    return _("%(period)s của %(unit)s") % {"period": plan.period, "unit": plan.unit.name}


def lock_message(submission: Submission, code: str) -> str:
    """Why a value of ``code`` cannot be changed now: the review that holds it, by plan and state."""
    params = {"year": submission.year, "code": code, "plan": plan_label(submission.plan)}
    if submission.state == Submission.State.APPROVED:
        return _("Số liệu năm %(year)d của chỉ tiêu %(code)s đã được duyệt trong kế hoạch %(plan)s; "
                 "cần mở lại trước khi sửa.") % params
    return _("Số liệu năm %(year)d của chỉ tiêu %(code)s đã gửi duyệt trong kế hoạch %(plan)s; "
             "chờ kiểm tra xong hoặc được trả lại rồi mới sửa.") % params


def _version(raw) -> int | None:
    """The version a row was shown with: None when the caller did not say (no check)."""
    if raw is None or raw == "":
        return None
    try:
        return int(raw)
    except (TypeError, ValueError):
        return -1  # matches no stored version: the save is refused as stale, never applied blind


def _conflict_message(existing: Value | None, typed) -> str:
    """Someone else changed (or removed, or first entered) this number since the page was shown."""
    if existing is None:
        return _("Đã có người xóa số này sau khi anh/chị mở trang (bạn nhập: %(typed)s). "
                 "Hãy tải lại trang rồi nhập lại.") % {"typed": typed or "—"}
    when = timezone.localtime(existing.updated_at)
    params = {"when": when.strftime("%H:%M %d/%m/%Y"), "current": _shown(existing.value), "typed": typed or "—"}
    text = _("Đã có người sửa số này lúc %(when)s (giá trị hiện tại: %(current)s; bạn nhập: %(typed)s).") % params
    if existing.updated_by_id:
        text += " " + _("Người sửa: %(who)s.") % {"who": existing.updated_by.get_username()}
    return text + " " + _("Chưa lưu số của anh/chị; hãy xem lại rồi lưu lần nữa.")


def _shown(number) -> str:
    if isinstance(number, Decimal):
        return value_checks.shown(number)
    return str(number)


def _is_number(raw) -> bool:
    try:
        return value_checks.read_value(raw) is not None
    except value_checks.ValueProblem:
        return False


def do_save_values(unit, plan, year: int, rows: list[dict], *, acting_user) -> list[Value]:
    """Store the rows (``indicator``: code, ``value``: number or text as typed "1.234,5",
    ``status``, ``source``, ``note``, optional ``version``: the version of that value the user
    saw, 0 for none) of ``unit`` for ``plan`` and ``year``, all or nothing.

    An empty value removes the stored value of that status. Every number is checked against its
    indicator (``chitieu.core.value_checks``); text and JSON numbers exactly as given, a
    ``Decimal`` (computed by our own code, e.g. an import's unit conversion) after rounding to the
    4 decimals the column keeps. A value that a review in any plan holds (submitted
    or approved, see ``locking_submissions``) is not changed; nor one changed by someone else
    since the version the caller saw. Raises ``ActionError`` with the messages keyed
    ``"<code>.<field>"`` when any row is bad; nothing is written then.
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
        raw = row.get("value")
        if indicator.kind == Kind.BOOLEAN and raw not in (None, ""):
            # a yes/no value is typed as words ("Đạt", "Không đạt", "có", "không"), a JSON boolean or 1/0
            yes_no = read_yes_no(raw)
            if yes_no is not None:
                raw = str(yes_no)
            elif not _is_number(raw):
                errors.setdefault(f"{code}.value", []).append(_(
                    "Chỉ tiêu %(code)s là đạt/chưa đạt: chọn “Đạt” hoặc “Chưa đạt” (hoặc 1/0); "
                    "đã nhập “%(text)s”.") % {"code": code, "text": str(raw)[:40]})
                continue
            # another number (5, -1) is left to value_checks, which says a yes/no value is 1 or 0
        typed = raw if isinstance(raw, str) else None  # numbers are quoted back the Vietnamese way
        try:
            number = value_checks.read_value(raw)
            if isinstance(raw, Decimal) and number is not None:
                # a Decimal comes from our own code (an import's unit conversion), not from a user
                number = value_checks.round_computed(number)
            problem = None if number is None else value_checks.check_value(number, indicator, typed)
        except value_checks.ValueProblem as exc:
            problem = exc
            problem.params["code"] = problem.params.get("code") or code
        if problem is not None:
            errors.setdefault(f"{code}.value", []).append(_problem_message(problem))
            continue
        source = nfc(str(row.get("source") or "")).strip()
        note = nfc(str(row.get("note") or "")).strip()
        for key, text, limit, label in (("source", source, _SOURCE_MAX, _("Nguồn")),
                                        ("note", note, _NOTE_MAX, _("Ghi chú"))):
            too_long = value_checks.check_text(text, limit, str(label))
            if too_long is not None:
                errors.setdefault(f"{code}.{key}", []).append(_problem_message(too_long))
        if f"{code}.source" in errors or f"{code}.note" in errors:
            continue
        clean.append((indicator, status, number, source, note, _version(row.get("version")), typed))
    if errors:
        raise ActionError(errors)

    changed: list[Value] = []
    with transaction.atomic():
        submission = _submission(unit, plan, year)
        if not submission.editable:
            raise ActionError(_("Số liệu năm %(year)d đang ở trạng thái “%(state)s”, không sửa được.") % {
                "year": year, "state": submission.get_state_display()})
        locks = locking_submissions(unit, year, [c[0].pk for c in clean], for_update=True)
        for indicator, status, number, source, note, version, typed in clean:
            code = indicator.code
            existing = Value.objects.select_for_update(of=("self",)).select_related("updated_by").filter(
                unit=unit, indicator=indicator, year=year, status=status).first()
            if number is None:
                if existing is None:
                    continue
                wants = "delete"
            else:
                new = {"value": number, "source": source, "note": note}
                diffs = [] if existing is None else [
                    (f, getattr(existing, f), new[f]) for f in _FIELDS if getattr(existing, f) != new[f]]
                if existing is not None and not diffs:
                    continue  # nothing to change: neither a lock nor a stale page matters
                wants = "create" if existing is None else "update"
            if indicator.pk in locks:
                errors.setdefault(f"{code}.value", []).append(lock_message(locks[indicator.pk], code))
                continue
            if version is not None and version != (existing.version if existing else 0):
                errors.setdefault(f"{code}.value", []).append(_conflict_message(existing, typed))
                continue
            if errors:
                continue  # the save is refused anyway; keep collecting every row's reason
            who = acting_user if getattr(acting_user, "pk", None) else None
            if wants == "delete":
                record("value.delete", existing, actor=acting_user, unit=unit, field="value",
                       old=_plain(existing.value), new="", indicator=code, year=year, status=status)
                existing.delete()
            elif wants == "create":
                value = Value.objects.create(unit=unit, indicator=indicator, year=year, status=status,
                                             updated_by=who, **new)
                record("value.create", value, actor=acting_user, unit=unit, field="value", old="",
                       new=_plain(number), indicator=code, year=year, status=status,
                       source=source, note=note, version=value.version)
                changed.append(value)
            else:
                for f, _old, val in diffs:
                    setattr(existing, f, val)
                existing.updated_by = who
                existing.version += 1
                existing.save()
                for f, old, val in diffs:
                    show = _plain if f == "value" else str
                    record("value.update", existing, actor=acting_user, unit=unit, field=f, old=show(old),
                           new=show(val), indicator=code, year=year, status=status, version=existing.version)
                changed.append(existing)
        if errors:
            # raised inside the transaction: whatever this call wrote above is rolled back with it
            raise ActionError(errors)
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
