"""Every change of values and of their review state: one function per change, one transaction
each, with its audit rows written in the same transaction. Views, the API, the CLI and the demo
all call these."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chitieu.core import value_checks
from chitieu.core.numbers import nfc
from chitieu.core.series import ValueStatus
from chitieu.web.access import require
from chitieu.web.audit.models import AuditLog, record
from chitieu.web.errors import ActionError, PermissionDenied
from chitieu.web.evaluations.version import batched as batched_bumps
from chitieu.web.evaluations.version import bump_for_values
from chitieu.web.plans.models import Plan
from chitieu.web.values.entry import read_entered
from chitieu.web.values.models import LOCKED_STATES, Submission, Value, ValueComment, locking_submissions

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
    if submission.is_approved:
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


def _checked_rows(targets: dict, rows: list[dict], errors: dict[str, list[str]]) -> list[tuple]:
    """Each row read and checked against its indicator (``targets``: code → indicator), before
    anything is written: (indicator, status, number, source, note, version, typed) for the good
    rows; the problems of the others added to ``errors`` keyed ``"<code>.<field>"``."""
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
        raw, words_problem = read_entered(indicator, raw)  # yes/no and option words → 1/0, the rank
        if words_problem:
            errors.setdefault(f"{code}.value", []).append(words_problem)
            continue
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
    return clean


def _open_year(unit, plan, year, *, acting_user, lookups: tuple | None = None) -> int:
    """The checks before any row is read: the user's write right on ``unit``, the plan followed by
    the unit, the year within the plan; returns the year as a number. ``lookups`` (from
    ``_rights_and_parents``) answers the first two without a query per unit."""
    if lookups is None:
        require(acting_user, unit, "write")
        covered = _plan_covers(plan, unit)
    else:
        writable, parent_of = lookups
        if acting_user is not None and writable is not None and unit.pk not in writable:
            raise PermissionDenied  # as ``require``: the same roles (``unit_ids_with``)
        chain, node = [], unit.pk
        while node is not None and node not in chain:
            chain.append(node)
            node = parent_of.get(node)
        covered = plan.unit_id in chain  # ``Plan.objects.covers``: the unit's own plans and those above it
    if not covered:
        raise ActionError(_("Kế hoạch này không thuộc đơn vị %(unit)s.") % {"unit": unit.name})
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise ActionError({"year": [_("Năm “%(year)s” không hợp lệ.") % {"year": year}]}) from None
    if year not in plan.years:
        raise ActionError({"year": [_("Năm %(year)d nằm ngoài kế hoạch %(first)d-%(last)d.") % {
            "year": year, "first": plan.base_year, "last": plan.final_year}]})
    return year


def _wanted_change(existing, new: dict, version, typed, indicator, year: int, locks: dict, returned_only: set,
                   errors: dict[str, list[str]]) -> tuple[str | None, list]:
    """What a checked row asks of the stored value ``existing`` (or None): ("create" | "update" |
    "delete", the fields that differ), or (None, []) when nothing changes or the row is refused
    (a review holds the value, the year was returned for other values, the page was stale;
    the reason is added to ``errors``)."""
    code = indicator.code
    diffs: list = []
    if new["value"] is None:
        if existing is None:
            return None, diffs
        wants = "delete"
    else:
        diffs = [] if existing is None else [
            (f, getattr(existing, f), new[f]) for f in _FIELDS if getattr(existing, f) != new[f]]
        if existing is not None and not diffs:
            return None, diffs  # nothing to change: neither a lock nor a stale page matters
        wants = "create" if existing is None else "update"
    if indicator.pk in locks:
        errors.setdefault(f"{code}.value", []).append(lock_message(locks[indicator.pk], code))
        return None, diffs
    if returned_only and indicator.pk not in returned_only:
        errors.setdefault(f"{code}.value", []).append(_(
            "Số liệu năm %(year)d được trả lại để sửa một số chỉ tiêu; chỉ tiêu %(code)s không nằm "
            "trong số đó nên giữ nguyên.") % {"year": year, "code": code})
        return None, diffs
    if version is not None and version != (existing.version if existing else 0):
        errors.setdefault(f"{code}.value", []).append(_conflict_message(existing, typed))
        return None, diffs
    return wants, diffs


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
    year = _open_year(unit, plan, year, acting_user=acting_user)
    errors: dict[str, list[str]] = {}
    # the targets of the rows given (a row saved alone reads one): a code outside the plan is refused below
    codes = {nfc(str(r.get("indicator", ""))).strip() for r in rows}
    targets = {t.indicator.code: t.indicator for t in plan.targets.select_related("indicator").filter(
        indicator__code__in=codes)}
    clean = _checked_rows(targets, rows, errors)
    if errors:
        raise ActionError(errors)

    changed: list[Value] = []
    with transaction.atomic():
        submission = _submission(unit, plan, year)
        if not submission.editable:
            raise ActionError(_("Số liệu năm %(year)d đang ở trạng thái “%(state)s”, không sửa được.") % {
                "year": year, "state": submission.get_state_display()})
        locks = locking_submissions(unit, year, [c[0].pk for c in clean], for_update=True)
        # returned with some values named: only those may change, the others stay as reviewed
        returned_only = set() if submission.state != Submission.State.RETURNED else set(
            ValueComment.objects.filter(submission=submission, returned=True, resolved=False)
            .values_list("indicator_id", flat=True))
        # every stored value the rows touch, locked, in one query (not one per row)
        stored = {(v.indicator_id, v.status): v for v in Value.objects.select_for_update(of=("self",))
                  .select_related("updated_by").filter(unit=unit, year=year,
                                                       indicator_id__in={c[0].pk for c in clean}).order_by()}
        for indicator, status, number, source, note, version, typed in clean:
            code = indicator.code
            existing = stored.get((indicator.pk, status))
            if existing is not None:  # its audit row names them: no query for each
                existing.unit, existing.indicator = unit, indicator
            new = {"value": number, "source": source, "note": note}
            wants, diffs = _wanted_change(existing, new, version, typed, indicator, year, locks, returned_only, errors)
            if wants is None or errors:
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
        bump_for_values([unit.pk])  # the stored evaluations that read this unit's values are stale now
    return changed


_BULK_BATCH = 1000  # rows per INSERT / UPDATE; unit ids per IN (…) of a query


def _chunks(items: list, size: int = _BULK_BATCH):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def do_save_values_bulk(batches, *, acting_user) -> list[Value]:
    """``do_save_values`` for many units, plans and years at once (a town's collection workbook,
    a DHIS2 data value set): ``batches`` is a list of (unit, plan, year, rows), the rows as
    ``do_save_values`` takes them.

    The same checks — the write right on each unit, the plan followed, the year, every number,
    the state of each year's review, the reviews that hold values, a year returned for some
    values only, stale versions — and the same value rows and audit rows as calling
    ``do_save_values`` once per batch; but read in a few queries and written with bulk inserts
    and updates, all in one transaction, all or nothing. ``ActionError`` keys are
    ``"<unit code>.<year>.<code>.<field>"``, each message led by the unit and the year. A value
    given twice in one call (same unit, indicator, year and status) is refused.
    """
    errors: dict[str, list[str]] = {}

    def add(unit, year, found: dict[str, list[str]]) -> None:
        where = _("%(unit)s năm %(year)s") % {"unit": unit.name, "year": year}
        for key, messages in found.items():
            errors.setdefault(f"{unit.code}.{year}.{key}", []).extend(f"{where}: {m}" for m in messages)

    targets_of: dict[int, dict] = {}
    checked: list[tuple] = []
    seen: set[tuple] = set()
    lookups = _rights_and_parents(acting_user)
    for unit, plan, year, rows in batches:
        try:
            year = _open_year(unit, plan, year, acting_user=acting_user, lookups=lookups)
        except ActionError as exc:
            add(unit, year, exc.errors)
            continue
        if plan.pk not in targets_of:
            targets_of[plan.pk] = {t.indicator.code: t.indicator for t in plan.targets.select_related("indicator")}
        found: dict[str, list[str]] = {}
        clean = _checked_rows(targets_of[plan.pk], rows, found)
        for indicator, status, *_rest in clean:
            key = (unit.pk, indicator.pk, year, status)
            if key in seen:
                found.setdefault(f"{indicator.code}.value", []).append(_(
                    "Chỉ tiêu %(code)s có hai số liệu cùng loại trong một lần nhập.") % {"code": indicator.code})
            seen.add(key)
        add(unit, year, found)
        checked.append((unit, plan, year, clean))
    if errors:
        raise ActionError(errors)

    who = acting_user if getattr(acting_user, "pk", None) else None
    changed: list[Value] = []
    creates: list[Value] = []
    updates: list[Value] = []
    deletes: list[int] = []
    audit: list[tuple] = []  # (action, value, field, old, new, detail): built once the new values have ids
    with transaction.atomic():
        submissions = _submissions_for_update([(u, p, y) for u, p, y, _c in checked])
        stored, held = _stored_for_update(checked)
        now = timezone.now()
        for unit, plan, year, clean in checked:
            submission = submissions[(unit.pk, plan.pk, year)]
            if not submission.editable:
                add(unit, year, {"__all__": [_("Số liệu năm %(year)d đang ở trạng thái “%(state)s”, không sửa "
                                               "được.") % {"year": year, "state": submission.get_state_display()}]})
                continue
            locks = locking_submissions(unit, year, [c[0].pk for c in clean], for_update=True) \
                if (unit.pk, year) in held else {}
            returned_only = set() if submission.state != Submission.State.RETURNED else set(
                ValueComment.objects.filter(submission=submission, returned=True, resolved=False)
                .values_list("indicator_id", flat=True))
            found = {}
            for indicator, status, number, source, note, version, typed in clean:
                existing = stored.get((unit.pk, indicator.pk, year, status))
                new = {"value": number, "source": source, "note": note}
                wants, diffs = _wanted_change(existing, new, version, typed, indicator, year, locks, returned_only,
                                              found)
                if wants is None:
                    continue
                detail = {"indicator": indicator.code, "year": year, "status": status}
                if existing is not None:
                    existing.unit, existing.indicator = unit, indicator  # its name in the audit row, no query
                if wants == "delete":
                    audit.append(("value.delete", existing, "value", _plain(existing.value), "", detail))
                    deletes.append(existing.pk)
                elif wants == "create":
                    value = Value(unit=unit, indicator=indicator, year=year, status=status, updated_by=who, **new)
                    creates.append(value)
                    audit.append(("value.create", value, "value", "", _plain(number),
                                  {**detail, "source": source, "note": note, "version": value.version}))
                    changed.append(value)
                else:
                    for f, _old, val in diffs:
                        setattr(existing, f, val)
                    existing.updated_by = who
                    existing.version += 1
                    existing.updated_at = now  # bulk_update does not stamp auto_now fields
                    updates.append(existing)
                    for f, old, val in diffs:
                        show = _plain if f == "value" else str
                        audit.append(("value.update", existing, f, show(old), show(val),
                                      {**detail, "version": existing.version}))
                    changed.append(existing)
            add(unit, year, found)
        if errors:
            raise ActionError(errors)  # inside the transaction: the submissions made above go too
        for ids in _chunks(deletes):
            Value.objects.filter(pk__in=ids).delete()
        Value.objects.bulk_create(creates, batch_size=_BULK_BATCH)
        Value.objects.bulk_update(updates, ["value", "source", "note", "updated_by", "version", "updated_at"],
                                  batch_size=_BULK_BATCH)
        for part in _chunks(audit):  # built a thousand at a time: 300.000 rows are not held as objects
            AuditLog.objects.bulk_create(
                [_audit_row(action, value, actor=acting_user, unit=value.unit, field=f, old=old, new=new, **detail)
                 for action, value, f, old, new, detail in part])
        bump_for_values({u.pk for u, _p, _y, _c in checked})  # stale stored evaluations (evaluations.version)
    return changed


def _rights_and_parents(acting_user) -> tuple:
    """The units ``acting_user`` may write (None: all) and each unit's parent: two queries for a
    whole upload instead of two per unit (each a round trip to PostgreSQL)."""
    from chitieu.web.access import unit_ids_with
    from chitieu.web.units.models import AdministrativeUnit

    writable = None if acting_user is None else unit_ids_with(acting_user, "write")
    return writable, dict(AdministrativeUnit.objects.values_list("pk", "parent_id"))


def _audit_row(action: str, obj, *, actor, unit, field: str, old: str, new: str, **detail) -> AuditLog:
    """The row ``chitieu.web.audit.models.record`` writes, not yet saved (for ``bulk_create``)."""
    return AuditLog(actor=actor if getattr(actor, "pk", None) else None, action=action, unit=unit,
                    object_type=obj._meta.label_lower, object_id=str(obj.pk or ""), object_repr=str(obj)[:300],
                    field=field, old="" if old is None else str(old), new="" if new is None else str(new),
                    detail=detail)


def _submissions_for_update(keys: list[tuple]) -> dict[tuple[int, int, int], Submission]:
    """The review row of each (unit, plan, year), locked, made (as a draft) where there is none:
    what ``_submission`` does for one, in a query per thousand units."""
    found: dict[tuple[int, int, int], Submission] = {}
    plan_ids = {p.pk for _u, p, _y in keys}
    years = {y for _u, _p, y in keys}
    for ids in _chunks(sorted({u.pk for u, _p, _y in keys})):
        for s in Submission.objects.select_for_update().filter(unit_id__in=ids, plan_id__in=plan_ids, year__in=years):
            found[(s.unit_id, s.plan_id, s.year)] = s
    missing = []
    for unit, plan, year in keys:
        if (unit.pk, plan.pk, year) not in found:
            s = found[(unit.pk, plan.pk, year)] = Submission(unit=unit, plan=plan, year=year)
            missing.append(s)
    Submission.objects.bulk_create(missing, batch_size=_BULK_BATCH)
    return found


def _stored_for_update(checked: list[tuple]) -> tuple[dict, set]:
    """The stored values the rows may change, locked, by (unit id, indicator id, year, status);
    and the (unit id, year) pairs that a submitted or approved review holds (``locking_submissions``
    is asked only for those)."""
    stored: dict[tuple, Value] = {}
    held: set[tuple[int, int]] = set()
    by_year: dict[int, tuple[set, set]] = {}
    for unit, _plan, year, clean in checked:
        units, indicators = by_year.setdefault(year, (set(), set()))
        units.add(unit.pk)
        indicators.update(c[0].pk for c in clean)
    for year, (units, indicators) in by_year.items():
        for ids in _chunks(sorted(units)):
            for v in Value.objects.select_for_update(of=("self",)).filter(unit_id__in=ids, year=year,
                                                                            indicator_id__in=indicators):
                stored[(v.unit_id, v.indicator_id, year, v.status)] = v
            held.update(Submission.objects.filter(unit_id__in=ids, year=year, state__in=LOCKED_STATES)
                        .values_list("unit_id", "year"))
    return stored, held


def _transition(submission: Submission, allowed_from: set, to: str, action: str, *, acting_user, comment: str = "",
                stamp: str = "") -> Submission:
    """Move ``submission`` to ``to`` with its audit row; ``stamp`` ("approved", "accepted") also
    records who sealed that level and when."""
    with transaction.atomic():
        current = Submission.objects.select_for_update().get(pk=submission.pk)
        if current.state not in allowed_from:
            raise ActionError(_("Không thể chuyển từ “%(from)s” sang “%(to)s”.") % {
                "from": current.get_state_display(), "to": Submission.State(to).label})
        old = current.state
        current.state = to
        now = timezone.now()
        who = acting_user if getattr(acting_user, "pk", None) else None
        if to == Submission.State.SUBMITTED:
            current.submitted_by = who
            current.submitted_at = now
        else:
            current.reviewed_by = who
            current.reviewed_at = now
            current.comment = comment
        if stamp:
            setattr(current, f"{stamp}_by", who)
            setattr(current, f"{stamp}_at", now)
        if to in (Submission.State.DRAFT, Submission.State.RETURNED):
            # a year sent back loses its seals: it will climb the levels again
            current.approved_by = current.accepted_by = None
            current.approved_at = current.accepted_at = None
        current.save()
        record(action, current, actor=acting_user, unit=current.unit, field="state", old=old, new=to, comment=comment)
        _announce(current, action, acting_user)
        bump_for_values([current.unit_id])  # what counts as approved changed (evaluations.version)
    submission.refresh_from_db()
    return submission


def _announce(submission: Submission, action: str, acting_user) -> None:
    """The in-app notices of a step, in the step's transaction (see ``chitieu.web.notices``)."""
    from django.urls import reverse

    from chitieu.web.notices.models import notify
    from chitieu.web.values import levels

    params = {"unit": submission.unit.name, "year": submission.year, "plan": plan_label(submission.plan)}
    review_url = reverse("values:review", args=[submission.pk])
    entry_url = reverse("values:entry", args=[submission.unit_id, submission.plan_id, submission.year])
    officers = levels.members_with(submission.unit, "write", exact=True)
    if submission.submitted_by_id:
        officers.append(submission.submitted_by)
    if action == "submission.submit":
        users, text, url = levels.reviewers_for(submission.unit), _(
            "%(unit)s đã gửi số liệu năm %(year)d (kế hoạch %(plan)s) để kiểm tra.") % params, review_url
    elif action == "submission.return":
        users, text, url = officers, _("Số liệu năm %(year)d của %(unit)s bị trả lại: %(comment)s") % {
            **params, "comment": submission.comment}, entry_url
    elif action == "submission.approve":
        users, text, url = officers, _("Số liệu năm %(year)d của %(unit)s đã được duyệt.") % params, entry_url
        if submission.state == Submission.State.APPROVED:
            notify(levels.members_with(levels.province_of(submission.unit), "review", exact=True),
                   "submission.approve", _("Số liệu năm %(year)d của %(unit)s đã được duyệt, chờ tỉnh chấp nhận.")
                   % params, review_url)
    elif action == "submission.accept":
        users, text, url = officers, _("Số liệu năm %(year)d của %(unit)s đã được tỉnh chấp nhận.") % params, entry_url
    else:
        return
    notify([u for u in users if u is not None and u.pk != getattr(acting_user, "pk", None)], action, text, url)


def do_submit(unit, plan, year: int, *, acting_user) -> Submission:
    """The officer sends the year's data for review (from draft, or again after a return).

    Refused when the year is empty, when a validation rule is broken (the message names the
    rule), or when an outlier has no note explaining it (``chitieu.web.rules.checking``)."""
    from chitieu.web.rules.checking import check_year

    require(acting_user, unit, "write")
    if int(year) not in plan.years or not _plan_covers(plan, unit):
        raise ActionError(_("Năm %(year)s nằm ngoài kế hoạch.") % {"year": year})
    year = int(year)
    checked = check_year(unit, plan, year)
    if checked.completeness.empty:
        raise ActionError(_("Năm %(year)d chưa có số liệu nào (0/%(total)d chỉ tiêu); chưa gửi được.") % {
            "year": year, "total": checked.completeness.total})
    if checked.blocking:
        raise ActionError({"__all__": checked.blocking})
    with transaction.atomic():
        submission = _submission(unit, plan, year)
        done = _transition(submission, {Submission.State.DRAFT, Submission.State.RETURNED},
                           Submission.State.SUBMITTED, "submission.submit", acting_user=acting_user)
        ValueComment.objects.filter(submission=done, returned=True, resolved=False).update(resolved=True)
    return done


def do_approve(submission: Submission, *, acting_user, comment: str = "") -> Submission:
    """The level above approves a submitted year. Where there is no middle level and the
    approver acts for the province, this is the province's acceptance at once
    (``levels.approval_is_final``)."""
    from chitieu.web.values import levels

    require(acting_user, submission.unit, "review")
    if levels.approval_is_final(acting_user, submission.unit):
        with transaction.atomic():
            _transition(submission, {Submission.State.SUBMITTED}, Submission.State.ACCEPTED, "submission.approve",
                        acting_user=acting_user, comment=nfc(comment).strip(), stamp="accepted")
            return _stamp_skipped(submission, acting_user)
    return _transition(submission, {Submission.State.SUBMITTED}, Submission.State.APPROVED, "submission.approve",
                       acting_user=acting_user, comment=nfc(comment).strip(), stamp="approved")


def _stamp_skipped(submission: Submission, acting_user) -> Submission:
    # a two-tier tree: the province's approval is both seals
    Submission.objects.filter(pk=submission.pk).update(approved_by=submission.accepted_by,
                                                       approved_at=submission.accepted_at)
    submission.refresh_from_db()
    return submission


def do_accept(submission: Submission, *, acting_user, comment: str = "") -> Submission:
    """The province accepts a year the level below approved."""
    from chitieu.web.values import levels

    require(acting_user, levels.province_of(submission.unit), "review")
    return _transition(submission, {Submission.State.APPROVED}, Submission.State.ACCEPTED, "submission.accept",
                       acting_user=acting_user, comment=nfc(comment).strip(), stamp="accepted")


def do_return(submission: Submission, *, acting_user, comment: str = "", values: dict | None = None) -> Submission:
    """The reviewer sends the data back, saying what to fix: a comment on the whole year, or
    ``values`` (indicator code → comment) naming the values returned — the officer may then
    change only those. A submitted year is returned by its reviewers; an approved one by the
    province only."""
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.values import levels

    require(acting_user, submission.unit, "review")
    comment = nfc(comment or "").strip()
    per_value = {nfc(str(k)).strip(): nfc(str(v or "")).strip() for k, v in (values or {}).items()}
    per_value = {k: v for k, v in per_value.items() if k}
    if any(not v for v in per_value.values()):
        raise ActionError({"comment": [_("Cần ghi ý kiến cho từng số liệu trả lại: %(codes)s.") % {
            "codes": ", ".join(k for k, v in per_value.items() if not v)}]})
    if not comment and not per_value:
        raise ActionError({"comment": [_("Cần ghi rõ lý do trả lại.")]})
    allowed = {Submission.State.SUBMITTED}
    if levels.acts_for_province(acting_user, submission.unit):
        allowed.add(Submission.State.APPROVED)
    codes = set(submission.plan.targets.values_list("indicator__code", flat=True))
    unknown = set(per_value) - codes
    if unknown:
        raise ActionError({"comment": [_("Kế hoạch không có chỉ tiêu %(codes)s.") % {"codes": ", ".join(sorted(unknown))}]})
    summary = comment or "; ".join(f"{k}: {v}" for k, v in sorted(per_value.items()))
    with transaction.atomic():
        indicators = {i.code: i for i in Indicator.objects.filter(code__in=per_value)}
        for code, text in sorted(per_value.items()):
            vc = ValueComment.objects.create(submission=submission, indicator=indicators[code], text=text,
                                             returned=True, author=acting_user if getattr(acting_user, "pk", None) else None)
            record("value.return", vc, actor=acting_user, unit=submission.unit, field="comment", new=text,
                   indicator=code, year=submission.year)
        return _transition(submission, allowed, Submission.State.RETURNED, "submission.return",
                           acting_user=acting_user, comment=summary)


def do_comment_value(submission: Submission, code: str, text: str, *, acting_user) -> ValueComment:
    """A reviewer's comment on one value (without returning it)."""
    from chitieu.web.catalog.models import Indicator

    require(acting_user, submission.unit, "review")
    text = nfc(text or "").strip()
    if not text:
        raise ActionError({"comment": [_("Ý kiến trống.")]})
    indicator = Indicator.objects.filter(code=code, plan_targets__plan=submission.plan).first()
    if indicator is None:
        raise ActionError({"comment": [_("Kế hoạch không có chỉ tiêu %(codes)s.") % {"codes": code}]})
    with transaction.atomic():
        vc = ValueComment.objects.create(submission=submission, indicator=indicator, text=text,
                                         author=acting_user if getattr(acting_user, "pk", None) else None)
        record("value.comment", vc, actor=acting_user, unit=submission.unit, field="comment", new=text,
               indicator=code, year=submission.year)
    return vc


def do_reopen(submission: Submission, *, acting_user, comment: str = "") -> Submission:
    """An approved year is opened again for corrections (its reviewers; an accepted year: the
    province only)."""
    from chitieu.web.values import levels

    require(acting_user, submission.unit, "review")
    allowed = {Submission.State.APPROVED}
    if levels.acts_for_province(acting_user, submission.unit):
        allowed.add(Submission.State.ACCEPTED)
    return _transition(submission, allowed, Submission.State.DRAFT, "submission.reopen",
                       acting_user=acting_user, comment=nfc(comment).strip())


BULK_DECISIONS = {"approve": (Submission.State.SUBMITTED,), "accept": (Submission.State.APPROVED,),
                  "return": (Submission.State.SUBMITTED, Submission.State.APPROVED)}


def do_bulk(decision: str, submissions, *, acting_user, comment: str = "") -> list[Submission]:
    """Approve, accept or return every submission of ``submissions`` that is in a state for it,
    each through its own action (one audit row each), all or nothing: if one is refused,
    none changes and the message names the unit and year."""
    if decision not in BULK_DECISIONS:
        raise ActionError({"decision": [_("Thao tác không hợp lệ.")]})
    do = {"approve": do_approve, "accept": do_accept, "return": do_return}[decision]
    items = [s for s in submissions if s.state in BULK_DECISIONS[decision]]
    if not items:
        raise ActionError(_("Không có hồ sơ nào ở trạng thái phù hợp trong các hồ sơ đã chọn."))
    done = []
    # each unit's evaluation version raised once for the whole call, not once per submission
    with transaction.atomic(), batched_bumps():
        for s in sorted(items, key=lambda s: (s.unit.code, s.year, s.pk)):
            try:
                done.append(do(s, acting_user=acting_user, comment=comment))
            except ActionError as exc:
                where = _("%(unit)s năm %(year)d") % {"unit": s.unit.name, "year": s.year}
                raise ActionError({k: [f"{where}: {m}" for m in v] for k, v in exc.errors.items()}) from None
    return done
