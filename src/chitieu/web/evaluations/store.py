"""Reading and writing the stored evaluations: ``evaluated`` gives the evaluation of a plan for
a unit — from the table when the stored one is current (the plan's and the unit's versions and
the code match), else computed on the spot, with a refresh queued so that the next reader finds
it stored.

What is stored is what the one evaluation produces (``chitieu.core.evaluate.evaluate_plan`` of
``Plan.to_core``): the core plan with its series, the evaluations with their reasons and figures
already written, and for the latest data the (indicator, year) pairs not yet approved — all a
scorecard, the home page or the API needs, so that reading it gives exactly what computing
gives. Pickled: the types are our own immutable core dataclasses, and ``CODE`` (a digest of the
code that computes them) makes a row written by other code count as not current.
"""

from __future__ import annotations

import hashlib
import logging
import pickle
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from chitieu.core.evaluate import Evaluation, evaluate_plan
from chitieu.core.plan import Plan as CorePlan
from chitieu.web.evaluations import version as versions
from chitieu.web.evaluations.models import LATEST_DATA, StoredEvaluations

logger = logging.getLogger(__name__)

# At most this many stored keys refreshed per plan and job (the most recently computed first).
REFRESH_LIMIT = 2000


def _code_digest() -> str:
    """A digest of the code that computes and shapes what is stored (the core, the series, the
    plan's core form, this module): a row written by other code is recomputed, never misread."""
    web = Path(__file__).resolve().parent.parent
    core = web.parent / "core"
    files = sorted(core.rglob("*.py")) + [web / "values" / "history.py", web / "plans" / "models.py",
                                          Path(__file__).resolve()]
    digest = hashlib.sha1(usedforsecurity=False)
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


CODE = _code_digest()


@dataclass(frozen=True, slots=True)
class Evaluated:
    """The evaluation of a plan for one unit: ``plan`` in core form (its series), the
    ``evaluations`` in the order ``evaluate_plan`` gives them (parts included), ``unapproved``
    (indicator code, year) of the values not approved (latest data only), at ``version`` (the
    plan's and the unit's); ``stored`` when read from the table."""

    plan: CorePlan
    evaluations: tuple[Evaluation, ...]
    unapproved: frozenset
    version: versions.Version
    stored: bool = False


def storable(plan, as_of: int | None) -> bool:
    """Whether this key is kept in the table: the latest data or a year of the plan (any other
    as-of year asked of the API is computed, not stored)."""
    return as_of is None or as_of in plan.years


def compute(plan, unit, as_of: int | None = None, *, approved_only: bool = True):
    """(core plan, evaluations, unapproved) computed from the database now."""
    from chitieu.web.values.history import unapproved_years

    core = plan.to_core(unit=unit, as_of=as_of, approved_only=approved_only)
    evaluations = tuple(evaluate_plan(core, parts=True))
    unapproved: frozenset = frozenset()
    if not approved_only:
        codes = [item.indicator.code for item, _depth in core.walk()]
        unapproved = frozenset((code, year) for _u, code, year in unapproved_years([unit.pk], codes))
    return core, evaluations, unapproved


def _settled(e: Evaluation) -> Evaluation:
    """The evaluation with its reason and figures written (the lazy explanation is a closure,
    which neither pickles nor needs to be computed again)."""
    return Evaluation(e.indicator, e.target, e.status, e.progress, e.forecast, e.discrepancies,
                      _explained=e._explanation(), checks=e.checks, assigned=e.assigned)


def dump(core, evaluations, unapproved) -> bytes:
    payload = (core, tuple(_settled(e) for e in evaluations), unapproved)
    return zlib.compress(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL), 1)


def load(data) -> tuple | None:
    """What ``dump`` wrote, or None when it cannot be read (then it is computed again)."""
    try:
        return pickle.loads(zlib.decompress(bytes(data)))  # noqa: S301 - our own rows, written by ``dump``
    except Exception:  # noqa: BLE001 - an unreadable row is only a miss
        logger.warning("stored evaluation unreadable; computing it again", exc_info=True)
        return None


def _key(plan, unit, as_of, approved_only) -> dict:
    return {"plan_id": plan.pk, "unit_id": unit.pk, "as_of": as_of or LATEST_DATA, "approved_only": approved_only}


def evaluated(plan, unit, as_of: int | None = None, *, approved_only: bool = True,
              version: versions.Version | None = None) -> Evaluated:
    """The evaluation of ``plan`` for ``unit``: stored when current, else computed (and a refresh
    queued). ``version``: the version of (plan, unit) when the caller already read it."""
    version = version or versions.current(plan.pk, unit.pk)
    row = None
    if storable(plan, as_of):
        row = StoredEvaluations.objects.filter(**_key(plan, unit, as_of, approved_only)).only(
            "version", "data_version", "code", "wanted", "wanted_data", "data").first()
        if row is not None and (row.version, row.data_version) == version.numbers and row.code == CODE:
            payload = load(row.data)
            if payload is not None:
                core, evaluations, unapproved = payload
                return Evaluated(core, evaluations, unapproved, version, stored=True)
    core, evaluations, unapproved = compute(plan, unit, as_of, approved_only=approved_only)
    if storable(plan, as_of):
        _ask_refresh(plan, unit, as_of, approved_only, version, row)
    return Evaluated(core, evaluations, unapproved, version)


def _ask_refresh(plan, unit, as_of, approved_only, version: versions.Version, row) -> None:
    """Queue the refresh of one key once for this version (``wanted`` keeps a burst of readers
    from queueing a job each)."""
    key = _key(plan, unit, as_of, approved_only)
    wanted = {"wanted": version.plan, "wanted_data": version.data}
    if row is None:
        try:
            with transaction.atomic():
                StoredEvaluations.objects.create(**key, **wanted)
        except IntegrityError:  # another reader made the row first: it queued the job
            return
    elif not StoredEvaluations.objects.filter(pk=row.pk).exclude(**wanted).update(**wanted):
        return
    transaction.on_commit(lambda: _queue(key), robust=True)


def _queue(key: dict) -> None:
    from chitieu.web.evaluations.tasks import refresh

    refresh.enqueue(key["plan_id"], key["unit_id"], key["as_of"], key["approved_only"])


def refresh_one(plan, unit, as_of: int | None = None, *, approved_only: bool = True) -> str:
    """Compute and store one key unless it is current: "current" or "stored"."""
    key = _key(plan, unit, as_of, approved_only)
    # read before the data: a change committed meanwhile leaves the row stale, never wrong
    version = versions.current(plan.pk, unit.pk)
    found = StoredEvaluations.objects.filter(**key).values_list("version", "data_version", "code").first()
    if found == (*version.numbers, CODE):
        return "current"
    clock = time.perf_counter()
    data = dump(*compute(plan, unit, as_of, approved_only=approved_only))
    fields = {"version": version.plan, "data_version": version.data, "code": CODE, "data": data,
              "computed_at": timezone.now(), "seconds": time.perf_counter() - clock}
    # never replace a row computed at a later version (a slower job finishing after a newer one):
    # both counters only grow, so a row is older when neither of its numbers is greater
    older = Q(version__lte=version.plan, data_version__lte=version.data) & ~Q(version=version.plan,
                                                                               data_version=version.data)
    written = StoredEvaluations.objects.filter(older | ~Q(code=CODE), **key).update(**fields)
    if not written and found is None:
        try:
            with transaction.atomic():
                StoredEvaluations.objects.create(**key, **fields)
        except IntegrityError:
            pass
    return "stored"


def refresh_plan(plan) -> dict[str, int]:
    """Refresh every stored key of ``plan`` (those pages have asked for) and its own unit's
    approved evaluation; returns how many were stored and how many were already current."""
    keys = {(plan.pk, plan.unit_id, LATEST_DATA, True)}
    keys.update(StoredEvaluations.objects.filter(plan=plan).order_by("-computed_at")
                .values_list("plan_id", "unit_id", "as_of", "approved_only")[:REFRESH_LIMIT])
    return _refresh(keys)


def refresh_units(unit_ids) -> dict[str, int]:
    """Refresh the stored keys of these units under every plan (those pages have asked for) and
    the approved evaluation of each plan of their own: after their counter was raised."""
    from chitieu.web.plans.models import Plan

    ids = sorted({int(pk) for pk in unit_ids})
    keys = {(pk, unit_id, LATEST_DATA, True) for pk, unit_id in
            Plan.objects.filter(unit_id__in=ids).values_list("pk", "unit_id")}
    keys.update(StoredEvaluations.objects.filter(unit_id__in=ids).order_by("-computed_at")
                .values_list("plan_id", "unit_id", "as_of", "approved_only")[:REFRESH_LIMIT])
    return _refresh(keys)


def _refresh(keys) -> dict[str, int]:
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit

    plans = Plan.objects.in_bulk({p for p, _u, _a, _o in keys})
    units = AdministrativeUnit.objects.select_related("parent").in_bulk({u for _p, u, _a, _o in keys})
    counts = {"stored": 0, "current": 0}
    for plan_id, unit_id, as_of, approved_only in sorted(keys):
        plan, unit = plans.get(plan_id), units.get(unit_id)
        if plan is None or unit is None or not storable(plan, as_of or None):
            continue
        counts[refresh_one(plan, unit, as_of or None, approved_only=approved_only)] += 1
    return counts
