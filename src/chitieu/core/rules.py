"""Validation rules over a unit's values of one year, checked before the year is submitted.

Owns the logic of:

- ``range``: one indicator's value between a minimum and a maximum (a ward's budget revenue
  of 10.000.000 tỷ đồng is a typing error, not a record year);
- ``part_le_total``: a "Trong đó" part is not above its total;
- ``num_le_den``: the numerator of a rate is not above its denominator (insured people ≤
  population);
- ``shares_sum``: the shares of a structure add up to 100% within a tolerance;
- outliers (``outliers``): a value far from the unit's own value of the year before — a warning, not an
  error: the officer may keep it, with a note that explains it;
- completeness (``completeness``): how many of the plan's indicators have a value.

A finding is a code with its parameters (like ``value_checks.ValueProblem``): the web layer
words it in the user's language and names the rule. Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

ERROR, WARNING = "error", "warning"
RULE_KINDS = ("range", "part_le_total", "num_le_den", "shares_sum")

# Outliers: a value more than this many times the year before, or less than the year before
# divided by it (amounts, counts: land revenue may double in a year, a tenfold jump is a unit
# typed in triệu instead of tỷ); more than these percentage points apart (values in %); a sign
# that flips.
OUTLIER_RATIO = 3.0
OUTLIER_POINTS = 20.0


@dataclass(frozen=True, slots=True)
class Rule:
    """``codes``: for ``range`` one code; ``part_le_total`` (part, total); ``num_le_den``
    (numerator, denominator); ``shares_sum`` the shares. ``tolerance`` in percentage points."""

    kind: str
    name: str
    codes: tuple[str, ...]
    minimum: float | None = None
    maximum: float | None = None
    tolerance: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in RULE_KINDS:
            raise ValueError(f"rule kind {self.kind!r}")
        need = {"range": 1, "part_le_total": 2, "num_le_den": 2}.get(self.kind)
        if need is not None and len(self.codes) != need:
            raise ValueError(f"rule {self.kind} takes {need} indicator code(s), got {len(self.codes)}")
        if self.kind == "shares_sum" and len(self.codes) < 2:
            raise ValueError("rule shares_sum takes at least 2 indicator codes")


@dataclass(frozen=True, slots=True)
class Finding:
    """``code``: what was found (``below_min``, ``above_max``, ``part_above_total``,
    ``num_above_den``, ``shares_not_100``, ``outlier_change``, ``outlier_points``,
    ``outlier_sign``); ``indicator``: the code the finding is about (where it is shown)."""

    severity: str
    code: str
    indicator: str
    rule: str = ""
    params: dict = field(default_factory=dict)


def check_rules(rules: Iterable[Rule], values: Mapping[str, float]) -> list[Finding]:
    """Every rule broken by ``values`` (indicator code → value of the year). A rule whose
    indicators have no value yet says nothing: completeness is reported on its own."""
    out: list[Finding] = []
    for rule in rules:
        if rule.kind == "range":
            code = rule.codes[0]
            v = values.get(code)
            if v is None:
                continue
            if rule.minimum is not None and v < rule.minimum:
                out.append(Finding(ERROR, "below_min", code, rule.name, {"value": v, "limit": rule.minimum}))
            if rule.maximum is not None and v > rule.maximum:
                out.append(Finding(ERROR, "above_max", code, rule.name, {"value": v, "limit": rule.maximum}))
        elif rule.kind in ("part_le_total", "num_le_den"):
            a, b = rule.codes
            va, vb = values.get(a), values.get(b)
            if va is None or vb is None or va <= vb:
                continue
            what = "part_above_total" if rule.kind == "part_le_total" else "num_above_den"
            out.append(Finding(ERROR, what, a, rule.name, {"value": va, "other": b, "other_value": vb}))
        else:
            got = [values.get(c) for c in rule.codes]
            if any(v is None for v in got):
                continue
            total = sum(got)
            if abs(total - 100.0) > rule.tolerance:
                out.append(Finding(ERROR, "shares_not_100", rule.codes[0], rule.name,
                                   {"total": total, "codes": list(rule.codes), "tolerance": rule.tolerance}))
    return out


def outliers(year: int, values: Mapping[str, float], past: Mapping[str, Mapping[int, float]],
             percent_codes: Iterable[str] = ()) -> list[Finding]:
    """Warnings for values far from the unit's own value of the year before (``past``: code →
    year → value). Values in % (``percent_codes``) are compared in points."""
    percent = set(percent_codes)
    out: list[Finding] = []
    for code, v in values.items():
        # against the year just before only: a change over several years is growth, not a typo
        prev = (past.get(code) or {}).get(year - 1)
        if prev is None:
            continue
        last_year = year - 1
        params = {"value": v, "previous": prev, "previous_year": last_year}
        if code in percent:
            if abs(v - prev) > OUTLIER_POINTS:
                out.append(Finding(WARNING, "outlier_points", code, params={**params, "points": OUTLIER_POINTS}))
            continue
        if prev != 0 and v != 0 and (prev < 0) != (v < 0):
            out.append(Finding(WARNING, "outlier_sign", code, params=params))
            continue
        ratio = abs(v) / abs(prev) if prev != 0 else None
        if ratio is not None and v != 0 and (ratio > OUTLIER_RATIO or ratio < 1 / OUTLIER_RATIO):
            out.append(Finding(WARNING, "outlier_change", code,
                               params={**params, "change": (v - prev) / abs(prev) * 100}))
    return out


@dataclass(frozen=True, slots=True)
class Completeness:
    entered: int
    total: int
    missing: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return self.entered == 0

    @property
    def complete(self) -> bool:
        return self.entered == self.total


def completeness(codes: Sequence[str], values: Mapping[str, object]) -> Completeness:
    """How many of ``codes`` have a value, and which are missing (in the order given)."""
    missing = tuple(c for c in codes if values.get(c) is None)
    return Completeness(entered=len(codes) - len(missing), total=len(codes), missing=missing)
