"""Loading what the dashboards show from the database, in core form, with a short-lived cache.

Owns: finding the plan a unit follows (its own or an ancestor's), building the scorecard from
``Plan.to_core(unit)`` and keeping it in memory under a key that changes whenever a value, a target or a
review state changes (so nobody ever sees a stale verdict), the data-entry progress of a unit
for a plan and year, and the comparison of a unit's children for one indicator.

Approved data by default: scorecards are built from approved values only (``Plan.to_core``,
filtered in ``values.history``); ``?du_lieu=moi_nhat`` (``latest_requested``) shows the latest
values entered instead, each one not yet approved marked "chưa duyệt".
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from django.db.models import Count, Max, Q, Sum
from django.http import Http404

from chitieu.core.series import ValueStatus
from chitieu.web.dashboards import scorecard as sc
from chitieu.web.plans.models import Plan, PlanTarget
from chitieu.web.values.models import APPROVED_STATES, Submission, Value

NOT_STARTED = "not_started"
# The switch to the latest values entered (approved or not): ?du_lieu=moi_nhat.
DATA_PARAM = "du_lieu"
LATEST = "moi_nhat"


def latest_requested(request) -> bool:
    """Whether the page was asked for the latest values entered rather than the approved ones."""
    return request.GET.get(DATA_PARAM) == LATEST


class _Recent:
    """The most recently built scorecards of this process. In memory rather than in Django's
    cache because evaluations hold objects that do not pickle, and because a scorecard is
    immutable: sharing one between threads is safe, copying it would only cost time."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[str, sc.Scorecard] = OrderedDict()
        self._lock = threading.Lock()
        self._size = size

    def get(self, key: str) -> sc.Scorecard | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, value: sc.Scorecard) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


_recent = _Recent()


def plan_for_unit(plan_id: int, unit) -> Plan:
    """The plan ``plan_id`` if ``unit`` follows it (the plan is the unit's own or an ancestor's)."""
    try:
        return Plan.objects.followed_by(unit).get(pk=plan_id)
    except (Plan.DoesNotExist, ValueError, TypeError):
        raise Http404("plan") from None


_INDICATOR_FIELDS = ("code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
                     "price_base_year", "parent_id", "numerator_id", "denominator_id", "weight_id", "decimals")


def _fingerprint(plan: Plan, unit) -> str:
    """Changes whenever anything a scorecard depends on changes: any value (a roll-up or a
    merged unit's history reads other units' values), the plan's targets and their indicators'
    definitions, the unit itself, and every approval (approved data is what a scorecard shows)."""
    values = Value.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    approved_q = Q(state__in=APPROVED_STATES)  # approved at any level (values.history.approved_values)
    reviews = Submission.objects.aggregate(n=Count("id"), approved=Count("id", filter=approved_q),
                                           ids=Sum("id", filter=approved_q),
                                           reviewed=Max("reviewed_at"))
    targets = list(PlanTarget.objects.filter(plan=plan).values_list(
        "indicator_id", "phrase", "order", *(f"indicator__{f}" for f in _INDICATOR_FIELDS)))
    raw = repr((values, reviews, targets, plan.base_year, plan.final_year, unit.code, unit.name, unit.parent_id,
                unit.valid_from))
    return hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:16]


def scorecard_key(plan: Plan, unit, as_of: int | None = None, *, latest: bool = False) -> str:
    """A key that names this scorecard in this state of the data (also keys its rendered HTML)."""
    mode = LATEST if latest else "duyet"
    return f"dashboards:scorecard:{plan.pk}:{unit.pk}:{as_of}:{mode}:{_fingerprint(plan, unit)}"


def scorecard_for(plan: Plan, unit, as_of: int | None = None, *, key: str | None = None,
                  latest: bool = False) -> sc.Scorecard:
    """The scorecard of ``unit`` for ``plan``: from approved values, or with ``latest`` from the
    latest values entered, those not approved marked."""
    from chitieu.web.values.history import unapproved_years

    key = key or scorecard_key(plan, unit, as_of, latest=latest)
    found = _recent.get(key)
    if found is None:
        core = plan.to_core(unit=unit, as_of=as_of, approved_only=not latest)
        unapproved = frozenset()
        if latest:
            codes = [item.indicator.code for item, _depth in core.walk()]
            unapproved = frozenset((code, year) for _u, code, year in unapproved_years([unit.pk], codes))
        found = sc.build_scorecard(core, unapproved=unapproved, latest=latest)
        _recent.put(key, found)
    return found


def state_label(state: str) -> str:
    if state == NOT_STARTED:
        from django.utils.translation import gettext as _

        return _("Chưa nhập")
    return Submission.State(state).label


def progress_for(plan: Plan, unit, year: int) -> sc.Progress:
    """How many of the plan's indicators have an achieved value (not a planned one) for ``year``,
    and the review state of that year's data."""
    return progress_for_units(plan, [unit], year)[unit.pk]


def progress_for_units(plan: Plan, units, year: int) -> dict[int, sc.Progress]:
    """``progress_for`` of several units (the wards of a town) in three queries; by unit id."""
    ids = [u.pk for u in units]
    indicator_ids = list(plan.targets.values_list("indicator_id", flat=True))
    counts = dict(
        Value.objects.filter(unit_id__in=ids, year=year, indicator_id__in=indicator_ids)
        .exclude(status=ValueStatus.PLAN.value)
        .values("unit_id").annotate(n=Count("indicator_id", distinct=True)).values_list("unit_id", "n")
    )
    states = dict(Submission.objects.filter(unit_id__in=ids, plan=plan, year=year).values_list("unit_id", "state"))
    out = {}
    for pk in ids:
        state = states.get(pk, NOT_STARTED)
        out[pk] = sc.Progress(entered=counts.get(pk, 0), total=len(indicator_ids), state=state,
                              state_label=str(state_label(state)))
    return out


def progress_by_year(plan: Plan, unit) -> list[tuple[int, sc.Progress]]:
    """Progress for every year of the plan, in two queries."""
    indicator_ids = list(plan.targets.values_list("indicator_id", flat=True))
    counts = dict(
        Value.objects.filter(unit=unit, indicator_id__in=indicator_ids, year__in=plan.years)
        .exclude(status=ValueStatus.PLAN.value)
        .values("year").annotate(n=Count("indicator_id", distinct=True)).values_list("year", "n")
    )
    states = dict(Submission.objects.filter(unit=unit, plan=plan).values_list("year", "state"))
    out = []
    for year in plan.years:
        state = states.get(year, NOT_STARTED)
        out.append((year, sc.Progress(entered=counts.get(year, 0), total=len(indicator_ids), state=state,
                                      state_label=str(state_label(state)))))
    return out


def followers(units, plans: list[Plan]) -> list[dict]:
    """The units among ``units`` without a plan of their own (the wards of a town) with the
    newest plan of their nearest ancestor that has one, and their progress this year."""
    newest: dict[int, Plan] = {}
    for plan in sorted(plans, key=lambda p: -p.final_year):
        newest.setdefault(plan.unit_id, plan)
    members: dict[int, list] = {}
    for unit in units.exclude(pk__in=newest).select_related("parent__parent__parent").order_by("code"):
        for ancestor in unit.ancestors():
            if ancestor.pk in newest:
                members.setdefault(newest[ancestor.pk].pk, []).append(unit)
                break
    out = []
    for plan in plans:
        if plan.pk not in members:
            continue
        year = current_year(plan)
        progress = progress_for_units(plan, members[plan.pk], year)
        out.extend({"plan": plan, "unit": u, "year": year, "progress": progress[u.pk]} for u in members[plan.pk])
    return out


def current_year(plan: Plan) -> int:
    """The year data entry is about now: the latest plan year that has started."""
    import datetime

    this = datetime.date.today().year
    return max(plan.base_year, min(plan.final_year, this))


def comparison_for(plan: Plan, unit, code: str, year: int | None, *, latest: bool = False):
    """The values of indicator ``code`` for each child unit of ``unit`` active in ``year``, and
    their total by the indicator's aggregation rule (``chitieu.core.rollup.combine``) over the
    children that have a value that year (the page says how many of how many).
    Without a year: the latest year in which every child has a value (else the latest with any)."""
    from chitieu.core.rollup import RollupError
    from chitieu.web.values.history import combine_units, series_for

    target = plan.targets.select_related(
        "indicator", "indicator__numerator", "indicator__denominator", "indicator__weight", "indicator__parent"
    ).filter(indicator__code=code).first()
    if target is None:
        raise Http404("indicator")
    indicator = target.indicator
    children = list(unit.children.order_by("code"))
    series = {c.pk: series_for(c, indicator, approved_only=not latest) for c in children}
    years = sorted({y for s in series.values() for y in s.years()})
    if year is None and years:
        complete = [y for y in years if all(s.get(y) for c, s in series.items()
                                            if next(u for u in children if u.pk == c).is_active_in(y))]
        year = (complete or years)[-1]
    if year is None:
        year = current_year(plan)
    active = [c for c in children if c.is_active_in(year)]
    rule = str(indicator.get_aggregation_display())
    try:
        # a partial roll-up over the units that reported, shown with "x/y đơn vị" (issue 15)
        reporters = [c for c in active if series[c.pk].get(year) is not None
                     or combine_units(indicator, [c], [year], approved_only=not latest).get(year) is not None]
        total_series = combine_units(indicator, reporters, [year], approved_only=not latest) if reporters else None
        total_obs = total_series.get(year) if total_series is not None else None
        total = total_obs.value if total_obs else None
    except RollupError as exc:
        total, rule = None, str(exc)
    comp = sc.comparison(indicator.to_core(), year, [(c.code, c.name, series[c.pk]) for c in active], total, rule)
    return comp, years, indicator
