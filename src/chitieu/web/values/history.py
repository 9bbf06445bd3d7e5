"""Series of a unit's values as the core wants them, merger-aware and rolled up.

``series_for(unit, indicator)`` is the unit's own values; for the years before the unit was
created by a merger, the combination of its predecessors' values by the indicator's
aggregation rule (``chitieu.core.rollup.combine``). ``rollup(parent, indicator, years)`` combines
the child units' values the same way.

``approved_only`` is the one place the review state filters what is evaluated: a value counts
only when its unit's submission for its year, under a plan with a target on its indicator, is
approved at any level — approved by the town or accepted by the province (``APPROVED_STATES``;
docs/approval.md says why) — as ``models.locking_submissions`` finds the review that holds a value. Leaders' and
reviewers' pages and the web report read approved data by default; ``unapproved_years`` says
which of the latest values are not approved, for the pages to mark them "chưa duyệt".
"""

from __future__ import annotations

from chitieu.core.series import Observation, Series, ValueStatus


def approved_values(qs):
    """``qs`` (Values) narrowed to those whose unit and year have an approved submission under a
    plan with a target on the value's indicator."""
    from django.db.models import Exists, OuterRef

    from chitieu.web.values.models import APPROVED_STATES, Submission

    approved = Submission.objects.filter(
        unit_id=OuterRef("unit_id"), year=OuterRef("year"), state__in=APPROVED_STATES,
        plan__targets__indicator_id=OuterRef("indicator_id"),
    )
    return qs.filter(Exists(approved))


def unapproved_years(unit_ids, indicator_codes) -> set[tuple[int, str, int]]:
    """(unit id, indicator code, year) of the stored values that are not approved."""
    from chitieu.web.values.models import Value

    every = Value.objects.filter(unit_id__in=unit_ids, indicator__code__in=indicator_codes)
    approved = set(approved_values(every).values_list("id", flat=True))
    return {(u, c, y) for pk, u, c, y in every.values_list("id", "unit_id", "indicator__code", "year")
            if pk not in approved}


def _raw_series(unit_ids, indicator_codes, approved_only: bool = False) -> dict[int, dict[str, list[Observation]]]:
    from chitieu.web.values.models import Value, is_valid_number

    out: dict[int, dict[str, list[Observation]]] = {}
    qs = Value.objects.filter(unit_id__in=unit_ids, indicator__code__in=indicator_codes)
    if approved_only:
        qs = approved_values(qs)
    rows = qs.values_list(
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


def combine_units(indicator, units, years: list[int] | None = None, *, approved_only: bool = False) -> Series:
    """The combination of ``units``' values of ``indicator`` (by its aggregation rule)."""
    raw = _raw_series([u.pk for u in units], _codes_needed(indicator), approved_only)
    return _combine_raw(indicator, units, raw, years)


def _combine_raw(indicator, units, raw, years) -> Series:
    """``combine_units`` over values already read (``_raw_series`` of every unit and code needed)."""
    from chitieu.core.rollup import combine

    codes = _codes_needed(indicator)
    members = []
    for u in units:
        obs = raw.get(u.pk, {})
        members.append({code: Series(_in_years(obs.get(code, []), years)) for code in codes})
    return combine(indicator.to_core(), members)


def _in_years(observations, years):
    return observations if years is None else [o for o in observations if o.year in years]


def series_for(unit, indicator, *, approved_only: bool = False) -> Series:
    """The unit's values of ``indicator``; before a merger, the predecessors' combined values.
    ``approved_only``: only approved values (those of the predecessors too)."""
    own = _raw_series([unit.pk], [indicator.code], approved_only).get(unit.pk, {}).get(indicator.code, [])
    created = unit.created_year
    if created is None or not unit.created_by.exists():
        return Series(own)
    observations = [o for o in own if o.year >= created]
    earlier = {o.year for o in own if o.year < created}  # values entered for the unit itself win
    previous = _predecessor_years(unit, created)
    for preds, years in previous.items():
        combined = combine_units(indicator, list(preds), years, approved_only=approved_only)
        observations.extend(o for o in combined if o.year not in earlier)
    observations.extend(o for o in own if o.year < created)
    return Series(observations)


def series_for_many(unit, indicators, *, approved_only: bool = False) -> dict[int, Series]:
    """``series_for`` of each of ``indicators`` (indicator id → Series), with a number of queries
    that does not grow with the number of indicators: one read of the unit's own values, and for
    a merged unit one read per group of predecessor units."""
    indicators = list(indicators)
    codes = sorted({code for ind in indicators for code in _codes_needed(ind)})
    own_all = _raw_series([unit.pk], codes, approved_only).get(unit.pk, {})
    created = unit.created_year
    lineage = _Lineage([unit]) if created is not None else None  # a merger's history in a few queries
    if lineage is None or not lineage.merged(unit):
        return {ind.pk: Series(own_all.get(ind.code, [])) for ind in indicators}
    previous = lineage.predecessor_years(unit)
    raw_by_group = {preds: _raw_series([u.pk for u in preds], codes, approved_only) for preds in previous}
    out: dict[int, Series] = {}
    for ind in indicators:
        own = own_all.get(ind.code, [])
        observations = [o for o in own if o.year >= created]
        earlier = {o.year for o in own if o.year < created}  # values entered for the unit itself win
        for preds, years in previous.items():
            combined = _combine_raw(ind, list(preds), raw_by_group[preds], years)
            observations.extend(o for o in combined if o.year not in earlier)
        observations.extend(o for o in own if o.year < created)
        out[ind.pk] = Series(observations)
    return out


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


class _Lineage:
    """The mergers behind several units, read at once (a query per generation of mergers):
    ``predecessors_for_year`` and ``_predecessor_years`` of each without a query per unit or year."""

    def __init__(self, units) -> None:
        from django.db.models import Min

        from chitieu.web.units.models import LineageEvent
        from chitieu.web.values.models import Value

        self.created_by: dict[int, list] = {}  # unit id → the events that created it, newest first
        frontier = {u.pk: u for u in units if u.created_year is not None}
        seen: set[int] = set()
        while frontier:
            seen.update(frontier)
            events = (LineageEvent.objects.filter(successors__in=list(frontier)).distinct()
                      .prefetch_related("successors", "predecessors"))
            found: dict[int, object] = {}
            for event in events:
                event.ordered_predecessors = sorted(event.predecessors.all(), key=lambda p: p.code)
                for successor in event.successors.all():
                    if successor.pk in frontier:
                        self.created_by.setdefault(successor.pk, []).append(event)
                found.update({p.pk: p for p in event.ordered_predecessors
                              if p.created_year is not None and p.pk not in seen})
            frontier = found
        for events in self.created_by.values():
            events.sort(key=lambda e: e.date, reverse=True)
        last = {p.pk for u in units if self.merged(u) for p in self.predecessors_for_year(u, u.created_year - 1)}
        self.first_year = dict(Value.objects.filter(unit_id__in=last).values("unit_id").annotate(first=Min("year"))
                               .values_list("unit_id", "first")) if last else {}

    def merged(self, unit) -> bool:
        return unit.created_year is not None and bool(self.created_by.get(unit.pk))

    def predecessors_for_year(self, unit, year: int) -> list:
        """``AdministrativeUnit.predecessors_for_year`` from the events read."""
        from chitieu.web.units.models import LineageEvent

        if unit.valid_from is None or year >= unit.valid_from.year:
            return [unit]
        out: list = []
        for event in self.created_by.get(unit.pk, []):
            if event.date.year <= year:
                continue
            if event.kind == LineageEvent.Kind.SPLIT:
                continue
            for before in event.ordered_predecessors:
                for p in self.predecessors_for_year(before, year):
                    if p not in out:
                        out.append(p)
            break  # the latest creating event is the one that applies
        return out

    def predecessor_years(self, unit) -> dict[tuple, list[int]]:
        """``_predecessor_years`` of ``unit``."""
        created = unit.created_year
        firsts = [self.first_year[p.pk] for p in self.predecessors_for_year(unit, created - 1)
                  if p.pk in self.first_year]
        if not firsts:
            return {}
        groups: dict[tuple, list[int]] = {}
        for year in range(min(firsts), created):
            preds = tuple(self.predecessors_for_year(unit, year))
            if preds:
                groups.setdefault(preds, []).append(year)
        return groups


def series_for_units(units, indicator, *, approved_only: bool = False) -> dict[int, Series]:
    """``series_for`` of each of ``units`` (unit id → Series) for one indicator, in a number of
    queries that does not grow with the units (the children of a province on its comparison
    page), merged units included."""
    units = list(units)
    codes = _codes_needed(indicator)
    lineage = _Lineage(units)
    groups = {u.pk: lineage.predecessor_years(u) for u in units if lineage.merged(u)}
    former = {p.pk for g in groups.values() for preds in g for p in preds}
    raw = _raw_series([u.pk for u in units] + sorted(former - {u.pk for u in units}), codes, approved_only)
    out: dict[int, Series] = {}
    for unit in units:
        own = raw.get(unit.pk, {}).get(indicator.code, [])
        if unit.pk not in groups:
            out[unit.pk] = Series(own)
            continue
        created = unit.created_year
        observations = [o for o in own if o.year >= created]
        earlier = {o.year for o in own if o.year < created}  # values entered for the unit itself win
        for preds, years in groups[unit.pk].items():
            combined = _combine_raw(indicator, list(preds), raw, years)
            observations.extend(o for o in combined if o.year not in earlier)
        observations.extend(o for o in own if o.year < created)
        out[unit.pk] = Series(observations)
    return out


def combiner(indicator, units, years: list[int] | None = None, *, approved_only: bool = False):
    """A function giving ``combine_units(indicator, subset, years)`` for any subset of ``units``,
    all from one read of their values (a comparison page asks it for each child and the total)."""
    raw = _raw_series([u.pk for u in units], _codes_needed(indicator), approved_only)
    return lambda subset: _combine_raw(indicator, list(subset), raw, years)


def rollup(parent, indicator, years: list[int] | None = None, *, approved_only: bool = False) -> Series:
    """The child units' values of ``indicator`` combined into the parent's."""
    children = list(parent.children.all())
    if not children:
        return Series()
    return combine_units(indicator, children, years, approved_only=approved_only)



def former_units_note(unit, indicator=None) -> str:
    """Where a merged unit's figures before its creation come from, for charts and tables:
    "2020-2024: cộng 4 đơn vị cũ (Phường Thạch Hạ, …)". Empty for a unit not formed by a
    merger, or one whose former units have no values. With ``indicator``, the verb follows its
    aggregation rule ("tính lại từ" for a rate); a figure that cannot be combined says so."""
    from django.utils.translation import gettext as _

    from chitieu.web.values.models import Value

    created = unit.created_year
    if created is None or not unit.created_by.exists():
        return ""
    preds = unit.predecessors_for_year(created - 1)
    qs = Value.objects.filter(unit__in=preds, year__lt=created)
    if indicator is not None:
        qs = qs.filter(indicator=indicator)
    first = qs.order_by("year").values_list("year", flat=True).first()
    if first is None:
        return ""
    years = f"{first}-{created - 1}" if first < created - 1 else str(first)
    names = ", ".join(p.name for p in preds)
    agg = getattr(indicator, "aggregation", "sum") if indicator is not None else "sum"
    if agg == "none":
        return _("%(years)s: số liệu của %(n)d đơn vị cũ (%(names)s) không cộng gộp được cho chỉ tiêu này.") % {
            "years": years, "n": len(preds), "names": names}
    verb = {"sum": _("cộng"), "ratio": _("tính lại từ"), "weighted_mean": _("bình quân gia quyền của")}[agg]
    return _("%(years)s: %(verb)s %(n)d đơn vị cũ (%(names)s).") % {
        "years": years, "verb": verb, "n": len(preds), "names": names}
