"""Series of a unit's values as the core wants them, merger-aware and rolled up.

``series_for(unit, indicator)`` is the unit's own values; for the years before the unit was
created by a merger, the combination of its predecessors' values by the indicator's
aggregation rule (``chitieu.core.rollup.combine``). ``rollup(parent, indicator, years)`` combines
the child units' values the same way.
"""

from __future__ import annotations

from chitieu.core.series import Observation, Series, ValueStatus


def _raw_series(unit_ids, indicator_codes) -> dict[int, dict[str, list[Observation]]]:
    from chitieu.web.values.models import Value, is_valid_number

    out: dict[int, dict[str, list[Observation]]] = {}
    rows = Value.objects.filter(unit_id__in=unit_ids, indicator__code__in=indicator_codes).values_list(
        "unit_id", "indicator__code", "year", "status", "value"
    )
    for unit_id, code, year, status, value in rows:
        if not is_valid_number(value):
            continue  # a stored row that is not a readable number is never evaluated nor summed
        out.setdefault(unit_id, {}).setdefault(code, []).append(Observation(year, float(value), ValueStatus(status)))
    return out


def _codes_needed(indicator) -> list[str]:
    """The indicator and those its aggregation is computed from."""
    codes = [indicator.code]
    for rel in ("numerator", "denominator", "weight"):
        other = getattr(indicator, rel)
        if other is not None:
            codes.append(other.code)
    return codes


def combine_units(indicator, units, years: list[int] | None = None) -> Series:
    """The combination of ``units``' values of ``indicator`` (by its aggregation rule)."""
    from chitieu.core.rollup import combine

    codes = _codes_needed(indicator)
    raw = _raw_series([u.pk for u in units], codes)
    members = []
    for u in units:
        obs = raw.get(u.pk, {})
        members.append({code: Series(_in_years(obs.get(code, []), years)) for code in codes})
    return combine(indicator.to_core(), members)


def _in_years(observations, years):
    return observations if years is None else [o for o in observations if o.year in years]


def series_for(unit, indicator) -> Series:
    """The unit's values of ``indicator``; before a merger, the predecessors' combined values."""
    own = _raw_series([unit.pk], [indicator.code]).get(unit.pk, {}).get(indicator.code, [])
    created = unit.created_year
    if created is None or not unit.created_by.exists():
        return Series(own)
    observations = [o for o in own if o.year >= created]
    earlier = {o.year for o in own if o.year < created}  # values entered for the unit itself win
    previous = _predecessor_years(unit, created)
    for preds, years in previous.items():
        combined = combine_units(indicator, list(preds), years)
        observations.extend(o for o in combined if o.year not in earlier)
    observations.extend(o for o in own if o.year < created)
    return Series(observations)


def _predecessor_years(unit, created: int) -> dict[tuple, list[int]]:
    """Group the years before ``created`` by the set of predecessor units standing for them."""
    from chitieu.web.values.models import Value

    first = Value.objects.filter(unit__in=unit.predecessors_for_year(created - 1)).order_by("year").values_list(
        "year", flat=True
    ).first()
    if first is None:
        return {}
    groups: dict[tuple, list[int]] = {}
    for year in range(first, created):
        preds = tuple(unit.predecessors_for_year(year))
        if preds:
            groups.setdefault(preds, []).append(year)
    return groups


def rollup(parent, indicator, years: list[int] | None = None) -> Series:
    """The child units' values of ``indicator`` combined into the parent's."""
    children = list(parent.children.all())
    if not children:
        return Series()
    return combine_units(indicator, children, years)
