"""The version counter of each plan: raised in the same transaction as every change of a value,
a review state, a target or a unit in the plan's scope, so that an evaluation stored at the
plan's current version is never stale (a page reads it only then) and a cached scorecard's key
changes with it. Raising it queues a refresh of the plan's stored evaluations once the
transaction commits.

``bump(plan_ids)`` raises the given plans; ``bump_for_values(unit_ids)`` the plans whose
evaluations read those units' values or reviews: the plans the units follow (their own and
their ancestors') and those followed by the units that merged them (a merged ward's history is
its former wards' values). ``bump_for_indicators`` and ``bump_for_units`` do the same for a
changed definition.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone


@dataclass(frozen=True, slots=True)
class Version:
    """A plan's version: ``number`` orders the changes (a stored evaluation is current when its
    number is the plan's); ``key`` names this state of the plan's data in cache keys (the number
    and a token drawn at each change, so a key is never reused for other data)."""

    number: int
    token: str

    @property
    def key(self) -> str:
        return f"{self.number}.{self.token}"


def _token() -> str:
    return secrets.token_hex(8)


def current(plan_id: int) -> Version:
    """The plan's version (number 0 before its first change)."""
    return current_many([plan_id])[plan_id]


def current_many(plan_ids: Iterable[int]) -> dict[int, Version]:
    """``current`` of several plans in one query (two more the first time a plan is asked: its
    row is made then, so that even an unchanged plan's cache keys are its own)."""
    from chitieu.web.evaluations.models import PlanVersion

    ids = list(plan_ids)
    found = {pk: Version(n, t) for pk, n, t in
             PlanVersion.objects.filter(plan_id__in=ids).values_list("plan_id", "version", "token")}
    missing = [pk for pk in ids if pk not in found]
    if missing:
        PlanVersion.objects.bulk_create([PlanVersion(plan_id=pk, token=_token()) for pk in missing],
                                        ignore_conflicts=True)
        found.update({pk: Version(n, t) for pk, n, t in
                      PlanVersion.objects.filter(plan_id__in=missing).values_list("plan_id", "version", "token")})
    return {pk: found[pk] for pk in ids}


def bump(plan_ids: Iterable[int]) -> list[int]:
    """Raise the version of each plan (in the caller's transaction) and queue the refresh of its
    stored evaluations for when the transaction commits. Returns the plan ids, sorted."""
    from chitieu.web.evaluations.models import PlanVersion

    ids = sorted({int(pk) for pk in plan_ids if pk is not None})
    if not ids:
        return ids
    with transaction.atomic():
        # a row per plan (a concurrent insert is ignored, then both raise it: no bump is lost)
        PlanVersion.objects.bulk_create([PlanVersion(plan_id=pk, token=_token()) for pk in ids], ignore_conflicts=True)
        PlanVersion.objects.filter(plan_id__in=ids).update(version=F("version") + 1, token=_token(),
                                                           changed_at=timezone.now())
    for pk in ids:
        transaction.on_commit(lambda pk=pk: _queue_refresh(pk), robust=True)
    return ids


def _queue_refresh(plan_id: int) -> None:
    from chitieu.web.evaluations.tasks import refresh_plan

    refresh_plan.enqueue(plan_id)


def _ancestors_and_self(unit_ids: set[int]) -> set[int]:
    """The units and every unit above them, one query per level."""
    from chitieu.web.units.models import AdministrativeUnit

    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        parents = set(AdministrativeUnit.objects.filter(pk__in=frontier, parent__isnull=False)
                      .values_list("parent_id", flat=True))
        frontier = parents - found
        found |= frontier
    return found


def _successors_and_self(unit_ids: set[int]) -> set[int]:
    """The units and those created from them by a merger or a rename, followed forward (a unit's
    values stand for its successors' history; a split's do not, ``predecessors_for_year``)."""
    from chitieu.web.units.models import LineageEvent

    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        after = set(LineageEvent.objects.filter(predecessors__in=frontier).exclude(kind=LineageEvent.Kind.SPLIT)
                    .values_list("successors", flat=True)) - {None}
        frontier = after - found
        found |= frontier
    return found


def plans_for_units(unit_ids: Iterable[int]) -> set[int]:
    """The plans whose evaluations may read the values or reviews of ``unit_ids``."""
    from chitieu.web.plans.models import Plan

    ids = {int(pk) for pk in unit_ids if pk is not None}
    if not ids:
        return set()
    scope = _ancestors_and_self(_successors_and_self(ids))
    return set(Plan.objects.filter(unit_id__in=scope).values_list("pk", flat=True))


def bump_for_values(unit_ids: Iterable[int]) -> list[int]:
    """``bump`` the plans that read the values or reviews of these units (a value saved, a year
    submitted, approved, returned or reopened)."""
    return bump(plans_for_units(unit_ids))


def bump_for_units(unit_ids: Iterable[int]) -> list[int]:
    """``bump`` after a unit itself changed (name, parent, dates, lineage): its plans, those it
    follows, and those of the units below it (their scorecards name their parent)."""
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit

    ids = {int(pk) for pk in unit_ids if pk is not None}
    below: set[int] = set()
    frontier = set(ids)
    while frontier:
        frontier = set(AdministrativeUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)) - below
        below |= frontier
    plans = plans_for_units(ids) | set(Plan.objects.filter(unit_id__in=below).values_list("pk", flat=True))
    return bump(plans)


def bump_for_indicators(indicator_ids: Iterable[int]) -> list[int]:
    """``bump`` after indicator definitions changed: the plans with a target on them, or on an
    indicator computed from them or that they are a part of."""
    from django.db.models import Q

    from chitieu.web.plans.models import PlanTarget

    ids = {int(pk) for pk in indicator_ids if pk is not None}
    if not ids:
        return []
    uses = (Q(indicator_id__in=ids) | Q(indicator__numerator_id__in=ids) | Q(indicator__denominator_id__in=ids)
            | Q(indicator__weight_id__in=ids) | Q(indicator__parent_id__in=ids))
    return bump(set(PlanTarget.objects.filter(uses).values_list("plan_id", flat=True)))
