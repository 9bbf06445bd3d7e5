"""The versions an evaluation is current at, raised in the same transaction as every change it
depends on, so that an evaluation stored at the current versions is never stale (a page reads it
only then) and a cached scorecard's key changes with them. Raising one queues a refresh of the
stored evaluations it makes stale once the transaction commits.

Two counters, so that a commune's saved value makes only the evaluations that read it stale and
the saves of one province do not all update one row:

- **the plan's** (``PlanVersion``): its targets, assigned figures and years, the definitions of
  its indicators — ``bump(plan_ids)``, ``bump_for_indicators``;
- **the unit's** (``UnitVersion``): what an evaluation of the unit reads besides the plan — its
  values and their review state, its name and its parent's, its lineage, and all of that for its
  former units (a merged ward's history before the merger is its former wards' values
  combined) — ``bump_units(unit_ids)``, ``bump_for_values``, ``bump_for_units``.

The evaluation of a plan for a unit (``Plan.to_core``) reads the unit's own values and its
former units' (``values.history.series_for_many``), not those of the units below it: a commune's
save leaves its province's own scorecard current. A unit's counter is raised together with the
counters of the units it was merged into, followed forward (one ``UPDATE`` of those rows; a
commune never merged: its own row only), so that reading the version of (plan, unit) is one
query of two rows whatever the lineage behind the unit.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import F, Subquery
from django.utils import timezone


@dataclass(frozen=True, slots=True)
class Version:
    """The version of the evaluation of a plan for a unit: ``plan`` and ``data`` (the unit's
    counter) order the changes (a stored evaluation is current when both are its own);
    ``key`` names this state in cache keys and ETags (both numbers and both tokens, drawn at each
    change, so a key is never reused for other data); ``changed_at``: the newest change."""

    plan: int
    data: int
    token: str
    changed_at: datetime | None = None

    @property
    def key(self) -> str:
        return f"{self.plan}.{self.data}.{self.token}"

    @property
    def numbers(self) -> tuple[int, int]:
        return self.plan, self.data


def _token() -> str:
    return secrets.token_hex(8)


def _newest(*times):
    found = [t for t in times if t is not None]
    return max(found) if found else None


def current(plan_id: int, unit_id: int) -> Version:
    """The version of the evaluation of plan ``plan_id`` for unit ``unit_id``, in one query (two
    more the first time a plan is asked: its row is made then, so that even an unchanged plan's
    cache keys are its own)."""
    return current_many([(plan_id, unit_id)])[(plan_id, unit_id)]


def current_many(pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], Version]:
    """``current`` of several (plan id, unit id) pairs: one query for a single unit (its row read
    inside the plans' query), two for several (the home page's plans, each for its own unit)."""
    from chitieu.web.evaluations.models import PlanVersion

    pairs = list(dict.fromkeys((int(p), int(u)) for p, u in pairs))
    plans = sorted({p for p, _u in pairs})
    units = sorted({u for _p, u in pairs})
    found, unit_rows = _read(plans, units)
    missing = [pk for pk in plans if pk not in found]
    if missing:
        PlanVersion.objects.bulk_create([PlanVersion(plan_id=pk, token=_token()) for pk in missing],
                                        ignore_conflicts=True)
        found, unit_rows = _read(plans, units)
    out = {}
    for plan_id, unit_id in pairs:
        plan_number, plan_token, plan_at = found[plan_id]
        unit_number, unit_token, unit_at = unit_rows.get(unit_id, (0, "", None))  # no row: never changed
        out[(plan_id, unit_id)] = Version(plan_number, unit_number, f"{plan_token}{unit_token}",
                                          _newest(plan_at, unit_at))
    return out


def _read(plans: list[int], units: list[int]) -> tuple[dict, dict]:
    """The plans' (number, token, changed_at) and the units' rows, by id."""
    from chitieu.web.evaluations.models import PlanVersion, UnitVersion

    fields = ("version", "token", "changed_at")
    qs = PlanVersion.objects.filter(plan_id__in=plans)
    if len(units) == 1:
        one = UnitVersion.objects.filter(unit_id=units[0])
        qs = qs.annotate(**{f"unit_{f}": Subquery(one.values(f)[:1]) for f in fields})
        rows = list(qs.values_list("plan_id", *fields, *(f"unit_{f}" for f in fields)))
        unit_row = next((r[4:7] for r in rows if r[4] is not None), None)
        return {r[0]: r[1:4] for r in rows}, ({} if unit_row is None else {units[0]: unit_row})
    unit_rows = {r[0]: r[1:] for r in UnitVersion.objects.filter(unit_id__in=units).values_list("unit_id", *fields)}
    return {r[0]: r[1:] for r in qs.values_list("plan_id", *fields)}, unit_rows


# --- raising the counters ------------------------------------------------------------------------

_BUMP_BATCH = 1000  # unit rows per statement of ``bump_units``

# The bumps asked inside ``batched()``: plan ids and unit ids, raised once each when it ends.
_pending: ContextVar[tuple[set, set] | None] = ContextVar("evaluations_pending_bumps", default=None)


@contextmanager
def batched() -> Iterator[None]:
    """Inside it, ``bump`` and ``bump_units`` only note what to raise; when it ends without an
    error, each plan and each unit is raised once (one statement for all the units): a bulk
    decision on 300 reviews raises each unit once, not once per review. Use it inside the
    caller's transaction; nested, the outermost one raises."""
    if _pending.get() is not None:
        yield
        return
    pending: tuple[set, set] = (set(), set())
    reset = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(reset)
    bump(pending[0])
    bump_units(pending[1])


def bump(plan_ids: Iterable[int]) -> list[int]:
    """Raise the counter of each plan (in the caller's transaction) and queue the refresh of its
    stored evaluations for when the transaction commits. Returns the plan ids, sorted."""
    from chitieu.web.evaluations.models import PlanVersion

    ids = sorted({int(pk) for pk in plan_ids if pk is not None})
    pending = _pending.get()
    if pending is not None:
        pending[0].update(ids)
        return ids
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


def bump_units(unit_ids: Iterable[int]) -> list[int]:
    """Raise the counter of each unit and of the units it was merged into (followed forward), in
    one statement in the caller's transaction, and queue the refresh of their stored evaluations
    for when the transaction commits. Returns the unit ids raised, sorted.

    One ``INSERT … ON CONFLICT DO UPDATE`` (SQLite and PostgreSQL): the row of a unit never
    changed is made, the others raised, and only those rows are locked — two communes' saves
    never wait for each other here."""
    from chitieu.web.evaluations.models import UnitVersion

    asked = {int(pk) for pk in unit_ids if pk is not None}
    pending = _pending.get()
    if pending is not None:
        pending[1].update(asked)
        return sorted(asked)
    ids = sorted(_successors_and_self(asked))
    if not ids:
        return ids
    table = connection.ops.quote_name(UnitVersion._meta.db_table)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    token = _token()
    # in order: concurrent bumps of overlapping units lock their rows in one order; a thousand
    # rows a statement (a national upload stays within SQLite's limit of parameters); one
    # statement is atomic alone (no savepoint round trips)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), _BUMP_BATCH):
            part = ids[start:start + _BUMP_BATCH]
            cursor.execute(
                f"INSERT INTO {table} (unit_id, version, token, changed_at) "  # noqa: S608 - our table name
                f"VALUES {', '.join(['(%s, 1, %s, %s)'] * len(part))} "
                f"ON CONFLICT (unit_id) DO UPDATE SET version = {table}.version + 1, token = excluded.token, "
                "changed_at = excluded.changed_at", [x for pk in part for x in (pk, token, now)])
    transaction.on_commit(lambda: _queue_units_refresh(ids), robust=True)
    return ids


def _queue_refresh(plan_id: int) -> None:
    from chitieu.web.evaluations.tasks import refresh_plan

    refresh_plan.enqueue(plan_id)


def _queue_units_refresh(unit_ids: list[int]) -> None:
    from chitieu.web.evaluations.tasks import refresh_units

    refresh_units.enqueue(unit_ids)


def _successors_and_self(unit_ids: set[int]) -> set[int]:
    """The units and those created from them by a merger or a rename, followed forward (a unit's
    values stand for its successors' history; a split's do not, ``predecessors_for_year``). One
    query for a unit never merged."""
    from chitieu.web.units.models import LineageEvent

    found = set(unit_ids)
    frontier = set(unit_ids)
    while frontier:
        after = set(LineageEvent.objects.filter(predecessors__in=frontier).exclude(kind=LineageEvent.Kind.SPLIT)
                    .values_list("successors", flat=True)) - {None}
        frontier = after - found
        found |= frontier
    return found


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


def plans_for_units(unit_ids: Iterable[int]) -> set[int]:
    """The plans whose evaluations may read the values or reviews of ``unit_ids``: those the
    units and the units they were merged into follow (for the refresh jobs and the tests; a save
    raises the units' counters, not these plans')."""
    from chitieu.web.plans.models import Plan

    ids = {int(pk) for pk in unit_ids if pk is not None}
    if not ids:
        return set()
    scope = _ancestors_and_self(_successors_and_self(ids))
    return set(Plan.objects.filter(unit_id__in=scope).values_list("pk", flat=True))


def bump_for_values(unit_ids: Iterable[int]) -> list[int]:
    """``bump_units`` after the values or reviews of these units changed (a value saved, a year
    submitted, approved, returned or reopened): the evaluations of these units, and of the units
    they were merged into, under every plan they follow."""
    return bump_units(unit_ids)


def bump_for_units(unit_ids: Iterable[int]) -> list[int]:
    """``bump_units`` after a unit itself changed (name, parent, dates, lineage): the unit, the
    units right below it (their evaluations name their parent) and, through ``bump_units``, the
    units it was merged into."""
    from chitieu.web.units.models import AdministrativeUnit

    ids = {int(pk) for pk in unit_ids if pk is not None}
    if not ids:
        return []
    children = set(AdministrativeUnit.objects.filter(parent_id__in=ids).values_list("pk", flat=True))
    return bump_units(ids | children)


def bump_for_targets(plan_ids: Iterable[int]) -> list[int]:
    """``bump`` after a plan's targets changed. A value counts as approved when a review under a
    plan with a target on its indicator approved it (``values.history.approved_values``), so the
    units with an approved review under these plans are raised too: their evaluations under
    other plans may count other values now."""
    from chitieu.web.values.models import APPROVED_STATES, Submission

    ids = bump(plan_ids)
    if ids:
        bump_units(set(Submission.objects.filter(plan_id__in=ids, state__in=APPROVED_STATES)
                       .values_list("unit_id", flat=True).distinct()))
    return ids


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

