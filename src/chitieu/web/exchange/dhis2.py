"""DHIS2 data value sets from and into the database.

``export_values`` streams the values a scope holds as ``DataValue`` rows (``chitieu.exchange.dhis2``
writes them as JSON or CSV). ``import_set`` checks every data value of a set — the indicator
and unit codes, the period (yearly only), the status, the number against its indicator, the
user's write right, a plan of the unit that carries the indicator for that year, the reviews
that hold values — and then stores them through ``do_save_values_bulk`` (the form's checks and
audit rows), grouped by unit, plan and year, in one transaction. It answers with an
``ImportSummary`` (imported / updated / ignored, each ignored row with its reason).

By default a set with any bad row is refused whole (``SetRefused``, every problem named with
its position). ``skip_invalid=True`` imports the good rows and lists the others as ignored.
A value equal to the stored one (number and comment) is ignored as unchanged. DHIS2 has no
"source" field: an updated value keeps the source stored with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from chitieu.core import value_checks
from chitieu.core.indicators import ORDINAL_KINDS, Kind, read_yes_no
from chitieu.core.numbers import nfc
from chitieu.exchange import dhis2 as fmt
from chitieu.web.access import unit_ids_with
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.exchange.collect import bilingual
from chitieu.web.exchange.scope import Scope, ordered_values
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.actions import do_save_values_bulk, lock_message
from chitieu.web.values.entry import read_entered
from chitieu.web.values.models import Submission, Value, is_valid_number, locking_submissions

_DHIS2_NUMBER = re.compile(r"^[-+]?\d+(\.\d+)?$")


class SetRefused(Exception):
    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Ignored:
    position: str
    data_element: str
    org_unit: str
    period: str
    reason: str


@dataclass
class ImportSummary:
    dry_run: bool
    imported: int = 0
    updated: int = 0
    ignored: list[Ignored] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"status": "OK", "dryRun": self.dry_run,
                "importCount": {"imported": self.imported, "updated": self.updated, "ignored": len(self.ignored),
                                "deleted": 0},
                "ignored": [vars(i) for i in self.ignored]}


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


def export_values(scope: Scope) -> Iterator[fmt.DataValue]:
    """Every valid stored value of the scope, as DHIS2 data values (streamed)."""
    rows = ordered_values(scope, "indicator__code", "year", "unit__code", "value", "status", "note",
                          "updated_by__username", "updated_at")
    for code, year, unit_code, number, status, note, who, when in rows:
        if not is_valid_number(number):
            continue
        yield fmt.DataValue(code, str(year), unit_code, _plain(Decimal(number)), status, note or "", who or "",
                            when.isoformat(timespec="seconds") if when else "")


def read_set(data: bytes, kind: str) -> list[fmt.DataValue]:
    """``kind`` "json" or "csv"; ``SetRefused`` when the file is not a data value set."""
    try:
        return fmt.read_json(data) if kind == "json" else fmt.read_csv(data)
    except fmt.SetError as exc:
        raise SetRefused([bilingual(exc)]) from None


def guess_kind(name: str, data: bytes) -> str:
    if name.lower().endswith(".csv"):
        return "csv"
    if name.lower().endswith(".json"):
        return "json"
    return "json" if data.lstrip()[:1] in (b"{", b"[") else "csv"


def _number(dv: fmt.DataValue, indicator) -> Decimal:
    text = nfc(dv.value).strip()
    if indicator.kind == Kind.BOOLEAN:
        yes_no = read_yes_no(text)
        if yes_no is not None:
            return Decimal(yes_no)
    if indicator.kind in ORDINAL_KINDS and not _DHIS2_NUMBER.match(text):
        rank_text, message = read_entered(indicator, text)  # "Khá", "thứ 3": as the entry form reads them
        if message:
            raise value_checks.ValueProblem("not_a_number", {"text": text[:40]})
        text = rank_text
    if not _DHIS2_NUMBER.match(text):
        # DHIS2 writes numbers with "." and no grouping: "1.234" is one point two three four, so
        # the Vietnamese reading of the entry form is not used here
        raise value_checks.ValueProblem("not_a_number", {"text": text[:40]})
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise value_checks.ValueProblem("not_a_number", {"text": text[:40]}) from None
    problem = value_checks.check_value(number, indicator, text)
    if problem is not None:
        raise problem
    return number


def import_set(values: list[fmt.DataValue], user, *, dry_run: bool = False, skip_invalid: bool = False) -> ImportSummary:
    """Check and (unless ``dry_run``) store a data value set; see the module docstring."""
    indicators = {i.code: i for i in Indicator.objects.filter(code__in={v.data_element for v in values})}
    units = {u.code: u for u in AdministrativeUnit.objects.select_related("parent").filter(
        code__in={v.org_unit for v in values})}
    summary = ImportSummary(dry_run=dry_run)
    problems: list[Ignored] = []
    plans_of: dict[int, list[tuple[Plan, set[int]]]] = {}
    writable = None if user is None else unit_ids_with(user, "write")  # None: every unit
    targets_of: dict[int, set[int]] = {}
    editable: dict[tuple[int, int, int], str | None] = {}
    locks: dict[tuple[int, int], dict] = {}
    seen: set[tuple[str, str, int, str]] = set()
    groups: dict[tuple[int, int, int], list[dict]] = {}
    group_objects: dict[tuple[int, int, int], tuple] = {}
    pending: list[tuple] = []

    def refuse(dv: fmt.DataValue, reason: str) -> None:
        problems.append(Ignored(dv.position, dv.data_element, dv.org_unit, dv.period, reason))

    for dv in values:
        ind = indicators.get(dv.data_element)
        unit = units.get(dv.org_unit)
        if ind is None:
            refuse(dv, _("mã chỉ tiêu (dataElement) “%(code)s” không có trong danh mục") % {"code": dv.data_element})
            continue
        if unit is None:
            refuse(dv, _("mã đơn vị (orgUnit) “%(code)s” không có trong hệ thống") % {"code": dv.org_unit})
            continue
        try:
            year = fmt.year_of(dv.period)
        except fmt.PeriodError as exc:
            refuse(dv, bilingual(exc))
            continue
        status = dv.status or fmt.DEFAULT_STATUS
        if status not in fmt.STATUSES:
            refuse(dv, _("trạng thái (attributeOptionCombo) “%(s)s” không hợp lệ; dùng %(all)s") % {
                "s": status, "all": ", ".join(fmt.STATUSES)})
            continue
        key = (unit.code, ind.code, year, status)
        if key in seen:
            refuse(dv, _("trùng với một số liệu trước trong tệp (cùng đơn vị, chỉ tiêu, kỳ, trạng thái)"))
            continue
        seen.add(key)
        try:
            number = _number(dv, ind)
        except value_checks.ValueProblem as exc:
            exc.params["code"] = exc.params.get("code") or ind.code
            refuse(dv, exc.message)
            continue
        if writable is not None and unit.pk not in writable:
            refuse(dv, _("không có quyền nhập số liệu của %(unit)s") % {"unit": unit.name})
            continue
        if unit.pk not in plans_of:
            plans_of[unit.pk] = []
            for p in Plan.objects.followed_by(unit):
                if p.pk not in targets_of:
                    targets_of[p.pk] = set(p.targets.values_list("indicator_id", flat=True))
                plans_of[unit.pk].append((p, targets_of[p.pk]))
        plan = next((p for p, ids in plans_of[unit.pk] if ind.pk in ids and year in p.years), None)
        if plan is None:
            refuse(dv, _("%(unit)s không theo kế hoạch nào có chỉ tiêu %(code)s cho năm %(year)d") % {
                "unit": unit.name, "code": ind.code, "year": year})
            continue
        gkey = (unit.pk, plan.pk, year)
        if gkey not in editable:
            s = Submission.objects.filter(unit=unit, plan=plan, year=year).first()
            editable[gkey] = None if s is None or s.editable else s.get_state_display()
        if editable[gkey] is not None:
            refuse(dv, _("số liệu năm %(year)d của %(unit)s đang ở trạng thái “%(state)s”") % {
                "year": year, "unit": unit.name, "state": editable[gkey]})
            continue
        pending.append((dv, ind, unit, plan, year, status, number, gkey))

    # what is stored now, in one query per unit and year
    stored: dict[tuple[int, int, int, str], Value] = {}
    for unit_id, year in {(u.pk, y) for _dv, _i, u, _p, y, _s, _n, _g in pending}:
        for v in Value.objects.filter(unit_id=unit_id, year=year):
            stored[(unit_id, v.indicator_id, year, v.status)] = v
    for dv, ind, unit, plan, year, status, number, gkey in pending:
        old = stored.get((unit.pk, ind.pk, year, status))
        note = nfc(dv.comment).strip()
        if old is not None and is_valid_number(old.value) and old.value == number and old.note == note:
            summary.ignored.append(Ignored(dv.position, dv.data_element, dv.org_unit, dv.period,
                                           _("không đổi (bằng số đang lưu)")))
            continue
        if (unit.pk, year) not in locks:
            locks[(unit.pk, year)] = locking_submissions(unit, year)
        lock = locks[(unit.pk, year)].get(ind.pk)
        if lock is not None:
            refuse(dv, lock_message(lock, ind.code))
            continue
        if len(note) > 500:
            refuse(dv, value_checks.check_text(note, 500, "comment").message)
            continue
        given = number
        options = list(getattr(ind, "options", None) or [])
        if ind.kind == Kind.OPTION and number == int(number) and 1 <= number <= len(options):
            given = options[int(number) - 1]  # the action takes an option by its word
        groups.setdefault(gkey, []).append({"indicator": ind.code, "value": given, "status": status,
                                            "source": old.source if old is not None else "", "note": note})
        group_objects[gkey] = (unit, plan, year)
        if old is None:
            summary.imported += 1
        else:
            summary.updated += 1
    if problems and not skip_invalid:
        raise SetRefused([f"{p.position}: {p.reason}" for p in problems])
    summary.ignored = problems + summary.ignored
    if dry_run:
        return summary
    try:
        do_save_values_bulk([(*group_objects[gkey], rows) for gkey, rows in groups.items()], acting_user=user)
    except ActionError as exc:
        raise SetRefused([f"{k}: {m}" for k, ms in exc.errors.items() for m in ms]) from None
    return summary
