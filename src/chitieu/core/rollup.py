"""Roll-up: one series from the series of several units, by the indicator's aggregation rule.

Owns: combining the wards of a town into the town, and the former units of a merged ward
into the history of the new ward (phường Trần Phú before 2025 = Thạch Hạ + Thạch Trung +
Đồng Môn + Hộ Độ). Rates and shares are recomputed from their numerators and denominators,
never averaged; a year is combined only when every member has it, because a total with a
missing member is a wrong total.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from chitieu.core.indicators import Aggregation, Indicator
from chitieu.core.series import _RANK, Observation, Series, ValueStatus


class RollupError(ValueError):
    """Members that cannot be combined (a missing numerator, a different price basis)."""


_UNIT_FACTOR = {"%": 100.0, "‰": 1000.0}


def _weakest(statuses: list[ValueStatus]) -> ValueStatus:
    # A total is only as final as its least final part.
    return min(statuses, key=lambda s: _RANK[s])


def _common_years(series: list[Series]) -> list[int]:
    if not series:
        return []
    years = set(series[0].years())
    for s in series[1:]:
        years &= set(s.years())
    return sorted(years)


def _member_series(members: Sequence[Mapping[str, Series]], code: str | None, why: str) -> list[Series]:
    if not code:
        raise RollupError(why)
    out = []
    for i, m in enumerate(members, 1):
        s = m.get(code)
        if s is None:
            raise RollupError(f"Đơn vị thứ {i} thiếu số liệu chỉ tiêu {code} / member {i} lacks indicator {code}")
        out.append(s)
    return out


def combine(indicator: Indicator, members: Sequence[Mapping[str, Series]]) -> Series:
    """The combined series of ``indicator`` over ``members`` (each maps indicator code → Series).

    SUM adds; RATIO sums the numerator and denominator indicators and divides (×100 for a
    unit of %); WEIGHTED_MEAN weights each member's value by its ``weight`` indicator; NONE
    gives an empty series (a growth rate or a standard cannot be added up).
    """
    if not members:
        return Series()
    agg = indicator.aggregation
    if agg is Aggregation.NONE:
        return Series()
    if agg is Aggregation.SUM:
        parts = _member_series(members, indicator.code, "")
        out = []
        for y in _common_years(parts):
            obs = [p.get(y) for p in parts]
            out.append(Observation(y, sum(o.value for o in obs), _weakest([o.status for o in obs])))
        return Series(out)
    if agg is Aggregation.RATIO:
        nums = _member_series(members, indicator.numerator, f"{indicator.code}: thiếu tử số / no numerator")
        dens = _member_series(members, indicator.denominator, f"{indicator.code}: thiếu mẫu số / no denominator")
        factor = _UNIT_FACTOR.get(indicator.unit or "", 1.0)
        out = []
        for y in _common_years(nums + dens):
            n = [s.get(y) for s in nums]
            d = [s.get(y) for s in dens]
            total_d = sum(o.value for o in d)
            if total_d == 0:
                continue
            out.append(Observation(y, factor * sum(o.value for o in n) / total_d, _weakest([o.status for o in n + d])))
        return Series(out)
    if agg is Aggregation.WEIGHTED_MEAN:
        vals = _member_series(members, indicator.code, "")
        weights = _member_series(members, indicator.weight, f"{indicator.code}: thiếu trọng số / no weight")
        out = []
        for y in _common_years(vals + weights):
            v = [s.get(y) for s in vals]
            w = [s.get(y) for s in weights]
            total_w = sum(o.value for o in w)
            if total_w == 0:
                continue
            mean = sum(a.value * b.value for a, b in zip(v, w, strict=True)) / total_w
            out.append(Observation(y, mean, _weakest([o.status for o in v + w])))
        return Series(out)
    raise RollupError(f"unknown aggregation {agg!r}")


def history_through_merger(
    indicator: Indicator,
    own: Mapping[str, Series],
    predecessors: Sequence[Mapping[str, Series]],
    merged_in: int,
) -> Series:
    """The series of a unit formed in year ``merged_in``: its predecessors combined for the
    years before, its own values from ``merged_in`` on (own values win where both exist)."""
    before = combine(indicator, predecessors) if predecessors else Series()
    mine = own.get(indicator.code, Series())
    obs = [o for o in before if o.year < merged_in and mine.get(o.year) is None] + list(mine)
    return Series(obs)
