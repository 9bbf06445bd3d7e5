"""Collection workbooks for a plan, a year and a unit (or every unit below it): the template
filled from the database, and the check and storing of a filled copy.

``template`` writes the workbook (``chitieu.exchange.workbook`` lays it out). ``check_upload``
reads a filled copy and checks every cell — the number against its indicator
(``chitieu.core.value_checks``), the ĐVT cell, the status, the year open for entry, the
uploader's write right on each sheet's unit (``chitieu.web.access``) and the reviews that hold
values (``locking_submissions``) — and gives a ``Preview`` (new / changed / unchanged per unit),
or raises ``CollectRefused`` with every problem named by sheet and cell. ``store`` writes a
preview through ``do_save_values_bulk`` (the form's checks and audit rows), all units in one
transaction.

Empty value cells are left alone: an upload adds and corrects values, it never deletes one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chitieu.core import value_checks
from chitieu.core.indicators import NO_LABEL, YES_LABEL, Kind
from chitieu.core.numbers import nfc
from chitieu.core.series import ValueStatus
from chitieu.exchange import workbook as wbk
from chitieu.exchange.xlsxread import FormulaCell
from chitieu.web.access import unit_ids_with
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.actions import do_save_values_bulk, lock_message
from chitieu.web.values.entry import default_status, read_entered
from chitieu.web.values.models import Submission, Value, is_valid_number, locking_submissions

MAX_PREVIOUS_YEARS = 5
_RANK = {ValueStatus.PLAN.value: 0, ValueStatus.ESTIMATE.value: 1, ValueStatus.PRELIMINARY.value: 2,
         ValueStatus.OFFICIAL.value: 3}


class CollectRefused(Exception):
    """The upload is refused whole; ``errors`` says where and what, one line each."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


def bilingual(exc) -> str:
    """A pure-layer error (``vi``/``en`` attributes) in the active language."""
    return exc.en if (get_language() or "vi").startswith("en") else exc.vi


def rule_for(indicator) -> str:
    if indicator.kind == Kind.BOOLEAN:
        return "boolean"
    if indicator.kind in ("option", "rank"):
        return str(indicator.kind)
    if value_checks.is_percent_share(indicator):
        return "percent"
    if value_checks.must_be_whole(indicator):
        return "whole"
    if value_checks.is_change(indicator):
        return "any"
    return "nonnegative"


def ordered_targets(plan) -> list[tuple[object, int]]:
    """The plan's targets as the entry sheet lists them: each key indicator followed by its parts."""
    targets = list(plan.targets.select_related("indicator").order_by("order", "indicator__code"))
    ids = {t.indicator_id for t in targets}
    out: list[tuple[object, int]] = []

    def walk(t, depth):
        out.append((t, depth))
        for c in targets:
            if c.indicator.parent_id == t.indicator_id and c is not t:
                walk(c, depth + 1)

    for t in targets:
        if t.indicator.parent_id not in ids:
            walk(t, 0)
    return out


def fingerprint(plan) -> str:
    """What a template depends on: the plan's indicators, their order, ĐVT and kind. A change
    makes every earlier template stale."""
    parts = [f"{t.indicator.code}|{t.indicator.unit}|{t.indicator.kind}|{depth}" for t, depth in ordered_targets(plan)]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:32]


def units_for(unit, year: int, below: bool) -> list[AdministrativeUnit]:
    """The unit, and with ``below`` every unit under it that exists in ``year`` (by code)."""
    units = [unit]
    if below:
        units += [u for u in AdministrativeUnit.objects.filter(pk__in=unit.descendant_ids()).order_by("code")
                  if u.is_active_in(year)]
    return units


def _best(values: dict[str, Decimal]) -> tuple[str, object] | None:
    if not values:
        return None
    status = max(values, key=lambda s: _RANK.get(s, -1))
    return status, values[status]


def _cell_value(number, indicator):
    if not is_valid_number(number):
        return str(number)
    if indicator.kind == Kind.BOOLEAN and number in (0, 1):
        return YES_LABEL if number == 1 else NO_LABEL
    if indicator.kind == "option" and number == number.to_integral_value() and 1 <= number <= len(indicator.options or ()):
        return indicator.options[int(number) - 1]
    return int(number) if number == number.to_integral_value() else float(number)


def template(out, plan, unit, year: int, *, below: bool = False, notes: bool = True,
             layout: str = "sheets") -> wbk.Meta:
    """Write the collection workbook of ``plan`` and ``year`` for ``unit`` (and the units below);
    ``layout`` "sheets" (a sheet per unit) or "rows" (one sheet, a row per unit)."""
    units = units_for(unit, year, below)
    targets = ordered_targets(plan)
    previous = [y for y in plan.years if y < year][-MAX_PREVIOUS_YEARS:]
    indicator_ids = [t.indicator_id for t, _d in targets]
    stored: dict[tuple[int, int, int], dict[str, object]] = {}
    extra: dict[tuple[int, int], tuple[str, str]] = {}
    qs = Value.objects.filter(unit__in=units, indicator_id__in=indicator_ids, year__in=previous + [year])
    for unit_id, ind_id, y, status, number, source, note in qs.values_list(
            "unit_id", "indicator_id", "year", "status", "value", "source", "note").iterator(chunk_size=5000):
        if isinstance(number, str | float):
            number = Value._meta.get_field("value").from_db_value(number, None, None)
        stored.setdefault((unit_id, ind_id, y), {})[status] = number
        if y == year:
            best = _best(stored[(unit_id, ind_id, y)])
            if best and best[0] == status:
                extra[(unit_id, ind_id)] = (source, note)
    sheets = []
    for u in units:
        rows = []
        for t, depth in targets:
            ind = t.indicator
            row = wbk.Row(code=ind.code, name=ind.name, unit=ind.unit, rule=rule_for(ind),
                          decimals=ind.places, target=t.phrase, depth=depth,
                          status=default_status(year, plan), options=tuple(getattr(ind, "options", None) or ()))
            for y in previous:
                best = _best(stored.get((u.pk, ind.pk, y), {}))
                if best:
                    row.previous[y] = _cell_value(best[1], ind)
            best = _best(stored.get((u.pk, ind.pk, year), {}))
            if best and best[0] != ValueStatus.PLAN.value:
                row.status, value = best
                row.value = _cell_value(value, ind)
                row.source, row.note = extra.get((u.pk, ind.pk), ("", ""))
            rows.append(row)
        sheets.append(wbk.Sheet(u.code, u.name, rows))
    label = f"{plan.period} của {plan.unit.name}"
    return wbk.write_collection(out, plan_id=plan.pk, plan_label=label, year=year, previous_years=previous,
                                fingerprint=fingerprint(plan), sheets=sheets, notes=notes, layout=layout)


@dataclass
class Change:
    code: str
    name: str
    status: str
    old: object  # Decimal or None
    new: Decimal
    cell: str


@dataclass
class UnitPreview:
    unit: AdministrativeUnit
    sheet: str
    new: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    rows: list[dict] = field(default_factory=list)  # what the values action is given


@dataclass
class Preview:
    plan: Plan
    year: int
    units: list[UnitPreview]

    @property
    def new(self) -> int:
        return sum(len(u.new) for u in self.units)

    @property
    def changed(self) -> int:
        return sum(len(u.changed) for u in self.units)

    @property
    def unchanged(self) -> int:
        return sum(u.unchanged for u in self.units)


def _where(sheet: str, cell: str, message: str) -> str:
    return _("Trang tính “%(sheet)s”, ô %(cell)s: %(message)s") % {"sheet": sheet, "cell": cell, "message": message}


def _problem(problem: value_checks.ValueProblem) -> str:
    return problem.message


def check_upload(source, user, *, progress=None) -> Preview:
    """Read and check a filled workbook for ``user``; nothing is written. ``progress(step, done,
    total)`` is told when reading starts ("read") and as each sheet is checked ("sheets")."""
    progress = progress or (lambda step, done, total: None)
    progress("read", 0, None)
    try:
        filled = wbk.read_collection(source)
    except wbk.WorkbookError as exc:
        raise CollectRefused([bilingual(exc)]) from None
    meta = filled.meta
    plan = Plan.objects.select_related("unit").filter(pk=meta.plan_id).first()
    if plan is None:
        raise CollectRefused([_("Kế hoạch của biểu này (%(label)s) không còn trong hệ thống.") % {
            "label": meta.plan_label}])
    if fingerprint(plan) != meta.fingerprint:
        raise CollectRefused([_("Mẫu đã cũ: danh sách chỉ tiêu của kế hoạch %(label)s đã thay đổi sau khi tải "
                                "mẫu. Hãy tải mẫu mới rồi chép số liệu sang.") % {"label": meta.plan_label}])
    year = meta.year
    if year not in plan.years:
        raise CollectRefused([_("Năm %(year)d nằm ngoài kế hoạch %(label)s.") % {"year": year, "label": meta.plan_label}])
    targets = {t.indicator.code: t.indicator for t, _d in ordered_targets(plan)}
    units = {u.code: u for u in AdministrativeUnit.objects.select_related(
        "parent", "parent__parent", "parent__parent__parent").filter(code__in=[s.unit_code for s in filled.sheets])}
    unit_ids = [u.pk for u in units.values()]
    # one query each for every unit of the workbook (a town's workbook has thousands of sheets)
    submissions = {s.unit_id: s for s in Submission.objects.filter(unit_id__in=unit_ids, plan=plan, year=year)}
    held = set(Submission.objects.filter(unit_id__in=unit_ids, year=year, state__in=[
        Submission.State.SUBMITTED, Submission.State.APPROVED]).values_list("unit_id", flat=True))
    existing_all: dict[int, dict[tuple[str, str], tuple]] = {}
    for unit_id, code, status, number, src, note in Value.objects.filter(
            unit_id__in=unit_ids, year=year, indicator__code__in=list(targets)).values_list(
            "unit_id", "indicator__code", "status", "value", "source", "note").iterator(chunk_size=5000):
        existing_all.setdefault(unit_id, {})[(code, status)] = (number, src, note)
    writable = unit_ids_with(user, "write")  # once, not a query per sheet (None: every unit)
    rules = {code: rule_for(ind) for code, ind in targets.items()}
    units_of_measure = {code: nfc(ind.unit or "").strip() for code, ind in targets.items()}
    errors: list[str] = []
    previews: list[UnitPreview] = []
    status_codes = {s.value for s in ValueStatus}
    text_fields = (("source", 300, str(_("Nguồn"))), ("note", 500, str(_("Ghi chú"))))  # translated once
    progress("sheets", 0, len(filled.sheets))
    for number_of_sheet, sheet in enumerate(filled.sheets, 1):
        if number_of_sheet > 1:
            progress("sheets", number_of_sheet - 1, len(filled.sheets))
        unit = units.get(sheet.unit_code)
        if unit is None:
            errors.append(_("Trang tính “%(sheet)s”: đơn vị mã %(code)s không còn trong hệ thống.") % {
                "sheet": sheet.title, "code": sheet.unit_code})
            continue
        if writable is not None and unit.pk not in writable:
            errors.append(_("Trang tính “%(sheet)s”: anh/chị không có quyền nhập số liệu của %(unit)s.") % {
                "sheet": sheet.title, "unit": unit.name})
            continue
        # Plan.objects.covers, without a query: the unit follows the plans of its own chain
        if plan.unit_id != unit.pk and plan.unit_id not in {a.pk for a in unit.ancestors()}:
            errors.append(_("Trang tính “%(sheet)s”: %(unit)s không theo kế hoạch %(label)s.") % {
                "sheet": sheet.title, "unit": unit.name, "label": meta.plan_label})
            continue
        submission = submissions.get(unit.pk)
        if submission is not None and not submission.editable:
            errors.append(_("Trang tính “%(sheet)s”: số liệu năm %(year)d của %(unit)s đang ở trạng thái "
                            "“%(state)s”, không sửa được.") % {"sheet": sheet.title, "year": year, "unit": unit.name,
                                                             "state": submission.get_state_display()})
            continue
        locks = locking_submissions(unit, year) if unit.pk in held else {}
        existing = existing_all.get(unit.pk, {})
        up = UnitPreview(unit, sheet.title)
        fallback = default_status(year, plan)
        for row in sheet.rows:
            ind = targets[row.code]
            unread = [k for k in ("value", "status", "source", "note") if isinstance(getattr(row, k), FormulaCell)]
            if unread:
                errors.extend(_where(sheet.title, row.refs[k], _(
                    "công thức chưa có giá trị tính sẵn — mở tệp bằng Excel/LibreOffice và lưu lại")) for k in unread)
                continue
            if row.unit_text != units_of_measure[row.code]:
                errors.append(_where(sheet.title, row.refs["unit"], _(
                    "ĐVT của chỉ tiêu %(code)s đã bị sửa (mẫu: “%(unit)s”, tệp: “%(typed)s”); hãy tải mẫu mới.") % {
                    "code": ind.code, "unit": ind.unit, "typed": row.unit_text}))
                continue
            vcell = row.refs["value"]
            rule = rules[row.code]
            if rule in ("option", "rank") and isinstance(row.value, str) and row.value.strip():
                # the words of an option ("Khá") or a rank ("thứ 3"), as the entry form reads them
                rank_text, message = read_entered(ind, row.value.strip())
                if message:
                    errors.append(_where(sheet.title, vcell, message))
                    continue
                row.value = rank_text
            try:
                number = wbk.read_cell(row.value, row.value_format, rule)
                problem = None if number is None else value_checks.check_value(
                    number, ind, row.value if isinstance(row.value, str) else None)
            except value_checks.ValueProblem as exc:
                problem = exc
                problem.params["code"] = problem.params.get("code") or ind.code
                number = None
            if problem is not None:
                errors.append(_where(sheet.title, vcell, _problem(problem)))
                continue
            if number is None:
                continue
            try:
                status = wbk.read_status(row.status) or fallback
            except ValueError:
                errors.append(_where(sheet.title, row.refs["status"], _(
                    "loại số liệu “%(text)s” không hợp lệ; chọn Ước thực hiện, Sơ bộ hoặc Chính thức.") % {
                    "text": nfc(str(row.status))[:40]}))
                continue
            if status not in status_codes:
                status = fallback
            old = existing.get((ind.code, status))
            texts = {}
            bad = False
            for i, (key, limit, label) in enumerate(text_fields):
                raw = getattr(row, key)
                text = "" if raw is None else nfc(str(raw)).strip()
                if not text and row.keep_texts and old is not None:
                    text = old[1 + i]  # the rows layout: an empty source, and the note, keep what is stored
                too_long = value_checks.check_text(text, limit, str(label))
                if too_long is not None:
                    errors.append(_where(sheet.title, row.refs[key], too_long.message))
                    bad = True
                texts[key] = text
            if bad:
                continue
            change = Change(ind.code, ind.name, status, None if old is None else old[0], number, vcell)
            if old is not None and is_valid_number(old[0]) and old[0] == number and old[1] == texts["source"] \
                    and old[2] == texts["note"]:
                up.unchanged += 1
                continue
            if ind.pk in locks:
                errors.append(_where(sheet.title, vcell, lock_message(locks[ind.pk], ind.code)))
                continue
            (up.new if old is None else up.changed).append(change)
            given = number
            if rule == "option":  # the action takes an option by its word, as typed on the form
                given = (getattr(ind, "options", None) or [])[int(number) - 1] if 1 <= number <= len(
                    getattr(ind, "options", None) or []) and number == int(number) else str(number)
            up.rows.append({"indicator": ind.code, "value": given, "status": status, **texts})
        previews.append(up)
    progress("sheets", len(filled.sheets), len(filled.sheets))
    if errors:
        # once each: a header cell of the rows layout (an edited ĐVT) is met on every unit's row
        raise CollectRefused(list(dict.fromkeys(errors)))
    return Preview(plan, year, previews)


def store(preview: Preview, user) -> int:
    """Write every new and changed value of the preview through the values action
    (``do_save_values_bulk``: the checks and audit rows of the form, every unit in one
    transaction, bulk inserts); returns how many values were written."""
    batches = [(up.unit, preview.plan, preview.year, up.rows) for up in preview.units if up.rows]
    return len(do_save_values_bulk(batches, acting_user=user))
