"""Background work of the evaluations app (django-tasks, the database queue): refreshing the
stored evaluations of a plan after a change of the plan (``version.bump`` queues it), of units
after a change of their data (``version.bump_units``), or of one key a page found stale
(``store.evaluated`` queues it)."""

from __future__ import annotations

from django_tasks import task


@task()
def refresh_plan(plan_id: int) -> dict:
    """Refresh the stored evaluations of plan ``plan_id``."""
    from chitieu.web.evaluations.store import refresh_plan as refresh_all
    from chitieu.web.plans.models import Plan

    plan = Plan.objects.filter(pk=plan_id).first()
    return refresh_all(plan) if plan is not None else {"stored": 0, "current": 0}


@task()
def refresh_units(unit_ids: list[int]) -> dict:
    """Refresh the stored evaluations of units ``unit_ids`` (under every plan)."""
    from chitieu.web.evaluations.store import refresh_units as refresh_all

    return refresh_all(unit_ids)


@task()
def refresh(plan_id: int, unit_id: int, as_of: int, approved_only: bool) -> str:
    """Refresh one stored evaluation (``as_of`` 0: the latest data)."""
    from chitieu.web.evaluations.store import refresh_one
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit

    plan = Plan.objects.filter(pk=plan_id).first()
    unit = AdministrativeUnit.objects.select_related("parent").filter(pk=unit_id).first()
    if plan is None or unit is None:
        return "gone"
    return refresh_one(plan, unit, as_of or None, approved_only=approved_only)
