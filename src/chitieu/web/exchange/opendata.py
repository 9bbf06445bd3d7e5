"""The rows of the open-data tables (``chitieu.exchange.tidy.TABLES``) from the database, streamed.

- ``value_rows``: every value of the scope with its unit, indicator, status, source, who entered
  it and when, and its approval: ``approved`` when a review of a plan carrying the indicator
  approved that unit's year (with who and when), ``submitted`` when one is waiting, else
  ``draft``. A stored row that is not a readable number is written with an empty value.
- ``evaluation_rows``: ``chitieu.core.evaluate.evaluate_plan`` (the one evaluation) of each plan
  of the scope, for the plan's unit and each unit of the scope below it that has values for the
  plan, on approved values (as leaders' pages read them).
- ``unit_rows`` / ``indicator_rows``: the tables the keys refer to.

``tables(scope)`` gives the row makers for ``chitieu.exchange.tidy`` (CSV, JSON, XLSX, package).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from chitieu.core.evaluate import evaluate_plan
from chitieu.core.numbers import round_half_up
from chitieu.web.catalog.models import Indicator
from chitieu.web.exchange.scope import Scope, ordered_values, value_queryset
from chitieu.web.plans.models import Plan, PlanTarget
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.models import Submission, Value, is_valid_number


def _approvals(scope: Scope) -> tuple[dict, dict]:
    """(unit id, year) → [(plan id, state, reviewer, reviewed at)], and plan id → indicator ids,
    for the submitted and approved reviews (few next to the values)."""
    qs = Submission.objects.filter(state__in=[Submission.State.SUBMITTED, Submission.State.APPROVED])
    if scope.unit_ids is not None:
        qs = qs.filter(unit_id__in=scope.unit_ids)
    by_unit_year: dict[tuple[int, int], list] = {}
    for unit_id, year, plan_id, state, who, when in qs.values_list(
            "unit_id", "year", "plan_id", "state", "reviewed_by__username", "reviewed_at"):
        by_unit_year.setdefault((unit_id, year), []).append((plan_id, state, who or "", when))
    plan_ids = {p for subs in by_unit_year.values() for p, *_rest in subs}
    targets: dict[int, set[int]] = {}
    for plan_id, ind_id in PlanTarget.objects.filter(plan_id__in=plan_ids).values_list("plan_id", "indicator_id"):
        targets.setdefault(plan_id, set()).add(ind_id)
    return by_unit_year, targets


def value_rows(scope: Scope) -> Iterator[tuple]:
    by_unit_year, targets = _approvals(scope)
    rows = ordered_values(
        scope, "unit__code", "unit__name", "indicator__code", "indicator__name", "indicator__unit", "year", "status",
        "value", "source", "note", "updated_by__username", "updated_at", "unit_id", "indicator_id")
    for (unit_code, unit_name, code, name, unit, year, status, number, source, note, who, when,
         unit_id, ind_id) in rows:
        approval, approved_by, approved_at = "draft", "", None
        for plan_id, state, reviewer, reviewed_at in by_unit_year.get((unit_id, year), ()):
            if ind_id not in targets.get(plan_id, ()):
                continue
            if state == Submission.State.APPROVED:
                approval, approved_by, approved_at = "approved", reviewer, reviewed_at
                break
            approval = "submitted"
        yield (unit_code, unit_name, code, name, unit, year, status,
               Decimal(number) if is_valid_number(number) else None, approval, source, note, who or "", when,
               approved_by, approved_at)


def _plans(scope: Scope) -> list[Plan]:
    if scope.plan is not None:
        return [scope.plan]
    qs = Plan.objects.select_related("unit").order_by("unit__code", "base_year", "pk")
    if scope.unit_ids is not None:
        qs = qs.filter(unit_id__in=scope.unit_ids)
    plans = list(qs)
    if scope.years:
        plans = [p for p in plans if set(p.years) & set(scope.years)]
    return plans


def _evaluated(scope: Scope) -> Iterator[tuple[Plan, list[int], list[AdministrativeUnit]]]:
    """Each plan of the scope with its indicator ids and the units it is evaluated for."""
    for plan in _plans(scope):
        indicator_ids = list(plan.targets.values_list("indicator_id", flat=True))
        below = plan.unit.descendant_ids()
        if scope.unit_ids is not None:
            below &= scope.unit_ids
        with_values = set(Value.objects.filter(unit_id__in=below, indicator_id__in=indicator_ids,
                                               year__in=plan.years).values_list("unit_id", flat=True).distinct())
        units = [plan.unit] if scope.unit_ids is None or plan.unit_id in scope.unit_ids else []
        units += list(AdministrativeUnit.objects.filter(pk__in=with_values).order_by("code"))
        yield plan, indicator_ids, units


def row_count(scope: Scope, table: str) -> int:
    """How many rows ``MAKERS[table]`` gives for the scope, or about (evaluations: one per
    target and unit, a little more than the key indicators evaluated): a job's progress bar."""
    if table == "values":
        return value_queryset(scope).count()
    if table == "evaluations":
        return sum(len(ids) * len(units) for _plan, ids, units in _evaluated(scope))
    if table == "units":
        qs = AdministrativeUnit.objects.all()
        return qs.count() if scope.unit_ids is None else qs.filter(pk__in=scope.unit_ids).count()
    return Indicator.objects.count()


def evaluation_rows(scope: Scope) -> Iterator[tuple]:
    for plan, _ids, units in _evaluated(scope):
        for unit in units:
            for e in evaluate_plan(plan.to_core(unit)):
                figure = e.figures[0] if e.figures else None
                value = None
                if figure is not None and figure.value is not None and figure.value == figure.value:
                    decimals = figure.decimals if figure.decimals is not None else 6
                    value = Decimal(repr(round_half_up(float(figure.value), decimals)))
                yield (unit.code, unit.name, plan.pk, plan.period, e.indicator.code, e.indicator.name,
                       e.indicator.unit or "", e.target.phrase if e.target else "", e.state, e.label, bool(e.final),
                       str(e.progress) if e.progress else "", figure.label if figure else "", value,
                       (figure.unit or "") if figure else "", e.reason)


def unit_rows(scope: Scope) -> Iterator[tuple]:
    qs = AdministrativeUnit.objects.select_related("parent").order_by("code")
    if scope.unit_ids is not None:
        qs = qs.filter(pk__in=scope.unit_ids)
    for u in qs.iterator(chunk_size=2000):
        yield (u.code, u.name, u.level, u.parent.code if u.parent_id else "", u.valid_from, u.valid_to)


def indicator_rows(scope: Scope | None = None) -> Iterator[tuple]:
    for i in Indicator.objects.select_related("parent").order_by("code"):
        yield (i.code, i.name, i.unit, i.kind, i.direction, i.domain, i.aggregation, i.decimals,
               i.parent.code if i.parent_id else "")


MAKERS: dict[str, Callable[[Scope], Iterable[tuple]]] = {
    "units": unit_rows, "indicators": indicator_rows, "values": value_rows, "evaluations": evaluation_rows,
}


def tables(scope: Scope, names: list[str]) -> dict[str, Callable[[], Iterable[tuple]]]:
    return {n: (lambda n=n: MAKERS[n](scope)) for n in names}
