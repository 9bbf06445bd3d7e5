"""The check of one unit's year before it is submitted (``check_year``), and the wording of
each finding in the user's language.

The rules are the catalogue's rows (``ValidationRule``, for every unit or for the unit's tier)
and those the catalogue's structure implies: a "Trong đó" part in the same unit as its total is
not above it; the numerator of a rate in % is not above its denominator. Outliers compare each
value with the unit's own earlier years; a warning is settled by a note on the value (ghi chú)
that explains it. Every query here is a fixed number per call, whatever the number of values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from chitieu.core import rules as core_rules
from chitieu.core.indicators import Kind
from chitieu.core.numbers import format_number
from chitieu.core.series import ValueStatus
from chitieu.core.value_checks import is_change, is_percent_share
from chitieu.web.rules.models import ValidationRule
from chitieu.web.units.models import COMMUNE_LEVELS, DISTRICT_LEVELS, PROVINCE_LEVELS

# the figure a year is judged on: the most final status entered
_STATUS_RANK = {ValueStatus.OFFICIAL.value: 0, ValueStatus.PRELIMINARY.value: 1, ValueStatus.ESTIMATE.value: 2}
_AMOUNT_KINDS = {Kind.FLOW.value, Kind.LEVEL.value, Kind.COUNT.value}


def tier_of(unit) -> str:
    if unit.level in COMMUNE_LEVELS:
        return ValidationRule.Tier.COMMUNE
    if unit.level in DISTRICT_LEVELS:
        return ValidationRule.Tier.DISTRICT
    if unit.level in PROVINCE_LEVELS:
        return ValidationRule.Tier.PROVINCE
    return ""


@dataclass
class Item:
    indicator: str
    message: str
    explained: bool = False  # a warning with a note on the value


@dataclass
class YearCheck:
    completeness: core_rules.Completeness
    errors: list[Item] = field(default_factory=list)
    warnings: list[Item] = field(default_factory=list)

    @property
    def unexplained(self) -> list[Item]:
        return [w for w in self.warnings if not w.explained]

    @property
    def blocking(self) -> list[str]:
        """What stops the submission, each naming its rule or its indicator."""
        out = [e.message for e in self.errors]
        out += [_("%(message)s Cần ghi chú giải trình cho số liệu này trước khi gửi.") % {"message": w.message}
                for w in self.unexplained]
        return out

    def for_indicator(self, code: str) -> list[Item]:
        return [i for i in self.errors + self.warnings if i.indicator == code]


def _n(x: float) -> str:
    return format_number(x, None)


def finding_message(f: core_rules.Finding, names: dict[str, str]) -> str:
    p = dict(f.params)
    p.update(rule=f.rule, code=f.indicator, name=names.get(f.indicator, f.indicator))
    for key in ("value", "limit", "other_value", "total", "previous", "points", "tolerance"):
        if key in p:
            p[key] = _n(p[key])
    if "change" in p:
        p["change"] = format_number(p["change"], 1)
    if "other" in p:
        p["other_name"] = names.get(p["other"], p["other"])
    if "codes" in p:
        p["codes"] = ", ".join(p["codes"])
    messages = {
        "below_min": _("Quy tắc “%(rule)s”: %(code)s (%(name)s) = %(value)s, nhỏ hơn mức tối thiểu %(limit)s."),
        "above_max": _("Quy tắc “%(rule)s”: %(code)s (%(name)s) = %(value)s, lớn hơn mức tối đa %(limit)s."),
        "part_above_total": _("Quy tắc “%(rule)s”: %(code)s (%(name)s) = %(value)s lớn hơn tổng %(other)s "
                              "(%(other_name)s) = %(other_value)s."),
        "num_above_den": _("Quy tắc “%(rule)s”: tử số %(code)s (%(name)s) = %(value)s lớn hơn mẫu số %(other)s "
                           "(%(other_name)s) = %(other_value)s."),
        "shares_not_100": _("Quy tắc “%(rule)s”: các tỷ trọng %(codes)s cộng lại %(total)s%%, "
                            "lệch khỏi 100%% quá %(tolerance)s điểm %%."),
        "outlier_change": _("Cảnh báo: %(code)s (%(name)s) = %(value)s, thay đổi %(change)s%% so với năm "
                            "%(previous_year)s (%(previous)s)."),
        "outlier_points": _("Cảnh báo: %(code)s (%(name)s) = %(value)s%%, chênh quá %(points)s điểm %% so với năm "
                            "%(previous_year)s (%(previous)s%%)."),
        "outlier_sign": _("Cảnh báo: %(code)s (%(name)s) = %(value)s đổi dấu so với năm %(previous_year)s "
                          "(%(previous)s)."),
    }
    return messages[f.code] % p


def derived_rules(indicators) -> list[core_rules.Rule]:
    """The rules the catalogue's structure implies for ``indicators`` (with their parent,
    numerator and denominator loaded)."""
    out = []
    for ind in indicators:
        parent = ind.parent
        if (parent is not None and ind.kind in _AMOUNT_KINDS and parent.kind in _AMOUNT_KINDS
                and (ind.unit or "").strip() == (parent.unit or "").strip() and not is_change(ind)):
            out.append(core_rules.Rule("part_le_total", _("Phần không lớn hơn tổng"), (ind.code, parent.code)))
        num, den = ind.numerator, ind.denominator
        if (num is not None and den is not None and is_percent_share(ind)
                and (num.unit or "").strip() == (den.unit or "").strip()):
            out.append(core_rules.Rule("num_le_den", _("Tử số không lớn hơn mẫu số"), (num.code, den.code)))
    return out


def check_year(unit, plan, year: int) -> YearCheck:
    """Completeness, broken rules and outlier warnings of ``unit``'s values of ``year`` under
    ``plan``. Reads the values entered (approved or not): this is the officer's own data."""
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.values.models import Value, is_valid_number

    plan_codes = list(plan.targets.order_by("order", "indicator__code").values_list("indicator__code", flat=True))
    rows = (Value.objects.filter(unit=unit, year__lte=year).exclude(status=ValueStatus.PLAN.value)
            .values_list("indicator__code", "year", "status", "value", "note"))
    current: dict[str, tuple[int, float, str]] = {}
    past: dict[str, dict[int, tuple[int, float]]] = {}
    for code, y, status, value, note in rows:
        if not is_valid_number(value):
            continue
        rank = _STATUS_RANK.get(status, 9)
        if y == year:
            if code not in current or rank < current[code][0]:
                current[code] = (rank, float(value), note)
        else:
            seen = past.setdefault(code, {})
            if y not in seen or rank < seen[y][0]:
                seen[y] = (rank, float(value))
    values = {c: v for c, (_r, v, _note) in current.items()}
    notes = {c: note for c, (_r, _v, note) in current.items()}
    result = YearCheck(core_rules.completeness(plan_codes, values))

    indicators = list(Indicator.objects.filter(code__in=set(values) | set(plan_codes))
                      .select_related("parent", "numerator", "denominator"))
    names = {i.code: i.name for i in indicators}
    rules = derived_rules(indicators)
    tier = tier_of(unit)
    rules += [r.to_core() for r in ValidationRule.objects.filter(Q(tier="") | Q(tier=tier), active=True)]
    extra = {c for r in rules for c in r.codes} - set(names)
    if extra:
        names.update(Indicator.objects.filter(code__in=extra).values_list("code", "name"))
    for f in core_rules.check_rules(rules, values):
        result.errors.append(Item(f.indicator, finding_message(f, names)))

    # outliers only for the plan's own indicators (those the officer is asked about)
    percent = {i.code for i in indicators if (i.unit or "").strip() == "%"}
    judged = {c: values[c] for c in plan_codes if c in values}
    history = {c: {y: v for y, (_r, v) in years.items()} for c, years in past.items()}
    for f in core_rules.outliers(year, judged, history, percent):
        result.warnings.append(Item(f.indicator, finding_message(f, names), explained=bool(notes.get(f.indicator))))
    return result
