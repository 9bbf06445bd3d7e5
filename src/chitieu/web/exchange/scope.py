"""What an export covers: a unit subtree, a plan, years, within what the user may see.

``make_scope`` resolves the filters (a unit code, a plan id, years) for a user (``None`` is the
system itself: the CLI run by the administrator of the server) and refuses, with ``Http404``,
a unit or plan the user may not see. ``value_queryset`` gives the values of the scope;
``ordered_values`` streams them in order for an export.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404

from chitieu.web.access import get_plan_for_user, rights_on, visible_unit_ids
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.models import Value


@dataclass
class Scope:
    unit_ids: set[int] | None  # None: every unit
    plan: Plan | None = None
    years: list[int] | None = None
    unit: AdministrativeUnit | None = None


def parse_years(text: str | None) -> list[int] | None:
    """"2021-2024" or "2020,2023" → the years; None for none given. ``ValueError`` otherwise."""
    if not text:
        return None
    years: list[int] = []
    for part in str(text).replace(" ", "").split(","):
        if not part:
            continue
        first, sep, last = part.partition("-")
        if sep:
            a, b = int(first), int(last)
            if b < a or b - a > 200:
                raise ValueError(part)
            years.extend(range(a, b + 1))
        else:
            years.append(int(part))
    return sorted(set(years)) or None


def make_scope(user, *, unit_code: str | None = None, plan_id=None, years: list[int] | None = None) -> Scope:
    visible = None if user is None else visible_unit_ids(user)
    unit = None
    ids = visible
    if unit_code:
        unit = AdministrativeUnit.objects.filter(code=unit_code).first()
        if unit is None or (user is not None and not rights_on(user, unit).see):
            raise Http404("unit")
        ids = {unit.pk} | unit.descendant_ids()
        if visible is not None:
            ids &= visible
    plan = None
    if plan_id not in (None, ""):
        if user is None:
            plan = Plan.objects.select_related("unit").filter(pk=plan_id).first()
            if plan is None:
                raise Http404("plan")
        else:
            plan, _rights = get_plan_for_user(user, plan_id)
        covered = {plan.unit_id} | plan.unit.descendant_ids()
        ids = covered if ids is None else ids & covered
    return Scope(ids, plan, years, unit)


def value_queryset(scope: Scope):
    qs = Value.objects.all()
    if scope.unit_ids is not None:
        qs = qs.filter(unit_id__in=scope.unit_ids)
    if scope.plan is not None:
        qs = qs.filter(indicator_id__in=scope.plan.targets.values("indicator_id"), year__in=scope.plan.years)
    if scope.years:
        qs = qs.filter(year__in=scope.years)
    return qs.order_by("unit__code", "indicator__code", "year", "status")


SORT_BATCH = 10_000


def ordered_values(scope: Scope, *fields: str, batch: int = SORT_BATCH):
    """The scope's values as ``values_list(*fields)`` rows, in the order of ``value_queryset``
    (unit code, indicator code, year, status), a few units at a time.

    One query ordered by codes makes the database sort the whole table before the first row
    (SQLite and PostgreSQL spill a million rows to temporary files: ~250 MB written and read
    back, most of an export's wall time on a busy machine). Here the units are taken in code
    order, counted first (one grouped query on the index), and asked for in groups of about
    ``batch`` values, whose sort stays in memory."""
    qs = value_queryset(scope)
    counts = dict(qs.order_by().values("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"))
    group: list[int] = []
    size = 0
    for unit_id in AdministrativeUnit.objects.filter(pk__in=list(counts)).order_by("code").values_list("pk", flat=True):
        group.append(unit_id)
        size += counts[unit_id]
        if size >= batch:
            yield from qs.filter(unit_id__in=group).values_list(*fields)
            group, size = [], 0
    if group:
        yield from qs.filter(unit_id__in=group).values_list(*fields)
