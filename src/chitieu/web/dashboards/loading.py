"""Loading what the dashboards show from the database, in core form, with a short-lived cache.

Owns: finding the plan a unit follows (its own or an ancestor's), building the scorecard from
the plan's evaluations (stored or computed, ``chitieu.web.evaluations``) and keeping it in memory
under a key holding the version of (plan, unit), which changes whenever a value, a target, a unit
or a review state the evaluation reads changes (so nobody ever sees a stale verdict), the data-entry
progress of a unit for a plan and year, and the comparison of a unit's children for one
indicator (in queries that do not grow with the children).

Approved data by default: scorecards are built from approved values only (``Plan.to_core``,
filtered in ``values.history``); ``?du_lieu=moi_nhat`` (``latest_requested``) shows the latest
values entered instead, each one not yet approved marked "chưa duyệt".
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from django.db.models import Count
from django.http import Http404

from chitieu.core.series import ValueStatus
from chitieu.web.dashboards import scorecard as sc
from chitieu.web.evaluations import store
from chitieu.web.evaluations import version as versions
from chitieu.web.plans.models import Plan
from chitieu.web.values.models import Submission, Value

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


def scorecard_key(plan: Plan, unit, as_of: int | None = None, *, latest: bool = False,
                  version: versions.Version | None = None) -> str:
    """A key that names this scorecard in this state of the data (also keys its rendered HTML):
    the version of (plan, unit) (``chitieu.web.evaluations.version``) changes with every value,
    review, target or unit the evaluation reads, so a key is never reused for other data.
    ``version``: when the caller already read it."""
    from django.utils.translation import get_language

    if version is None:
        version = versions.current(plan.pk, unit.pk)
    mode = LATEST if latest else "duyet"
    return f"dashboards:scorecard:{plan.pk}:{unit.pk}:{as_of}:{mode}:v{version.key}:{get_language()}"


def scorecard_for(plan: Plan, unit, as_of: int | None = None, *, key: str | None = None,
                  latest: bool = False, version: versions.Version | None = None) -> sc.Scorecard:
    """The scorecard of ``unit`` for ``plan``: from approved values, or with ``latest`` from the
    latest values entered, those not approved marked. Its evaluations come from the stored
    evaluations when they are current (``chitieu.web.evaluations.store.evaluated``), else are
    computed; either way the same scorecard."""
    if version is None:
        version = versions.current(plan.pk, unit.pk)
    key = key or scorecard_key(plan, unit, as_of, latest=latest, version=version)
    found = _recent.get(key)
    if found is None:
        done = store.evaluated(plan, unit, as_of, approved_only=not latest, version=version)
        found = sc.build_scorecard(done.plan, unapproved=done.unapproved, latest=latest,
                                   evaluations=done.evaluations)
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
    from chitieu.web.values.history import combiner, series_for_units

    target = plan.targets.select_related(
        "indicator", "indicator__numerator", "indicator__denominator", "indicator__weight", "indicator__parent"
    ).filter(indicator__code=code).first()
    if target is None:
        raise Http404("indicator")
    indicator = target.indicator
    children = list(unit.children.order_by("code"))
    series = series_for_units(children, indicator, approved_only=not latest)  # one read for every child
    years = sorted({y for s in series.values() for y in s.years()})
    if year is None and years:
        by_id = {c.pk: c for c in children}
        complete = [y for y in years if all(s.get(y) for c, s in series.items() if by_id[c].is_active_in(y))]
        year = (complete or years)[-1]
    if year is None:
        year = current_year(plan)
    active = [c for c in children if c.is_active_in(year)]
    rule = str(indicator.get_aggregation_display())
    try:
        # a partial roll-up over the units that reported, shown with "x/y đơn vị" (issue 15)
        combine = combiner(indicator, active, [year], approved_only=not latest)
        reporters = [c for c in active if series[c.pk].get(year) is not None or combine([c]).get(year) is not None]
        total_series = combine(reporters) if reporters else None
        total_obs = total_series.get(year) if total_series is not None else None
        total = total_obs.value if total_obs else None
    except RollupError as exc:
        total, rule = None, str(exc)
    comp = sc.comparison(indicator.to_core(), year, [(c.code, c.name, series[c.pk]) for c in active], total, rule)
    return comp, years, indicator
