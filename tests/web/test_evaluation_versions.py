"""The versions that keep stored evaluations current (issue 18, ``chitieu.web.evaluations.version``):
a counter per plan for the plan itself and one per unit for what an evaluation of the unit reads.

A ward's saved value makes the ward's evaluations stale, not its town's own scorecard nor the other
ward's; two wards saving at the same time on PostgreSQL do not wait for each other (the counter
of the town's plan, which every save used to raise, made them); a bulk decision raises each unit
once; the API's ETag holds the version's whole key.

Places (tests/web/conftest.py): thị xã Quảng Trị (464) with Phường 1 and Phường 2, in tỉnh Quảng Trị;
the town's plan (KT01, XH09), followed by both wards.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from chitieu.web.evaluations import store, version
from chitieu.web.evaluations.models import PlanVersion, StoredEvaluations, UnitVersion
from chitieu.web.values.actions import do_bulk, do_save_values, do_submit
from chitieu.web.values.models import Submission


def _row(code: str, value: str) -> list[dict]:
    return [{"indicator": code, "value": value, "status": "chinh_thuc"}]


def _same(done, unit, plan) -> None:
    """``done`` is what computing the evaluation now gives (verdicts, reasons, series)."""
    core, evaluations, _unapproved = store.compute(plan, unit, approved_only=False)
    assert [(e.indicator.code, e.state, e.reason) for e in done.evaluations] == \
           [(e.indicator.code, e.state, e.reason) for e in evaluations]
    assert [(i.indicator.code, list(i.series)) for i, _d in done.plan.walk()] == \
           [(i.indicator.code, list(i.series)) for i, _d in core.walk()]


@pytest.fixture
def stored(places, town_plan):
    """The town's and both wards' latest-data evaluations under the town's plan, stored."""
    for unit in (places.town, places.ward1, places.ward2):
        do_save_values(unit, town_plan, 2022, _row("KT01", "100"), acting_user=None)
        assert store.refresh_one(town_plan, unit, approved_only=False) == "stored"
    return town_plan


def test_a_wards_value_makes_only_the_wards_evaluation_stale(places, stored):
    plan = stored
    before = {u.pk: version.current(plan.pk, u.pk) for u in (places.town, places.ward1, places.ward2)}
    do_save_values(places.ward2, plan, 2023, _row("KT01", "123,5"), acting_user=None)

    assert store.evaluated(plan, places.town, approved_only=False).stored  # the town's own: still current
    assert store.evaluated(plan, places.ward1, approved_only=False).stored
    stale = store.evaluated(plan, places.ward2, approved_only=False)
    assert not stale.stored
    kt01 = next(i for i, _d in stale.plan.walk() if i.indicator.code == "KT01")
    assert kt01.series.get(2023).value == 123.5
    _same(stale, places.ward2, plan)
    after = version.current(plan.pk, places.ward2.pk)
    assert after.plan == before[places.ward2.pk].plan and after.data == before[places.ward2.pk].data + 1
    assert version.current(plan.pk, places.town.pk) == before[places.town.pk]

    # the town's own value: its scorecard is recomputed at once, the same as computing it
    do_save_values(places.town, plan, 2023, _row("KT01", "456"), acting_user=None)
    town = store.evaluated(plan, places.town, approved_only=False)
    assert not town.stored
    assert next(i for i, _d in town.plan.walk() if i.indicator.code == "KT01").series.get(2023).value == 456
    _same(town, places.town, plan)
    store.refresh_units([places.town.pk, places.ward2.pk])
    assert store.evaluated(plan, places.town, approved_only=False).stored


def test_a_save_raises_its_unit_in_two_queries(places, town_plan):
    """The lineage forward (one query for a ward never merged) and one upsert of the unit's row:
    no walk up the tree, no plan row."""
    from chitieu.web.evaluations.version import bump_for_values

    do_save_values(places.ward2, town_plan, 2022, _row("KT01", "100"), acting_user=None)
    was = UnitVersion.objects.get(unit=places.ward2).version
    with CaptureQueriesContext(connection) as queries:
        assert bump_for_values([places.ward2.pk]) == [places.ward2.pk]
    assert len(queries.captured_queries) == 2
    assert "ON CONFLICT" in queries.captured_queries[-1]["sql"]
    assert UnitVersion.objects.get(unit=places.ward2).version == was + 1
    assert not PlanVersion.objects.filter(plan=town_plan, version__gt=0).exists()


def test_a_former_wards_value_makes_the_merged_wards_evaluation_stale(places, stored):
    """Phường 1 and Phường 2 merged into Phường Mới in 2025: its history before is their values
    combined, so each of their saves raises its counter too (one statement)."""
    import datetime

    from chitieu.web.units.models import AdministrativeUnit, LineageEvent

    plan = stored
    new = AdministrativeUnit.objects.create(code="19999", name="Phường Mới", level="phuong", parent=places.town,
                                            valid_from=datetime.date(2025, 7, 1))
    event = LineageEvent.objects.create(kind=LineageEvent.Kind.MERGE, date=datetime.date(2025, 7, 1))
    event.predecessors.set([places.ward1, places.ward2])
    event.successors.set([new])
    assert store.refresh_one(plan, new, approved_only=False) == "stored"
    was = version.current(plan.pk, new.pk)
    do_save_values(places.ward1, plan, 2022, _row("KT01", "50"), acting_user=None)
    assert version.current(plan.pk, new.pk).data == was.data + 1
    merged = store.evaluated(plan, new, approved_only=False)
    assert not merged.stored
    assert next(i for i, _d in merged.plan.walk() if i.indicator.code == "KT01").series.get(2022).value == 150
    _same(merged, new, plan)


def test_a_bulk_decision_raises_each_unit_once(places, town_plan, reviewer, django_capture_on_commit_callbacks):
    for unit in (places.ward1, places.ward2):
        for year in (2021, 2022, 2023):
            do_save_values(unit, town_plan, year, _row("KT01", "100") + _row("XH09", "100"), acting_user=None)
            do_submit(unit, town_plan, year, acting_user=None)
    submissions = list(Submission.objects.filter(plan=town_plan).select_related("unit"))
    assert len(submissions) == 6
    before = dict(UnitVersion.objects.values_list("unit_id", "version"))
    with django_capture_on_commit_callbacks(execute=False) as queued:
        done = do_bulk("approve", submissions, acting_user=reviewer)
    assert len(done) == 6 and {s.state for s in done} <= {"approved", "accepted"}
    after = dict(UnitVersion.objects.values_list("unit_id", "version"))
    assert after == {**before, places.ward1.pk: before[places.ward1.pk] + 1, places.ward2.pk: before[places.ward2.pk] + 1}
    refreshes = [c for c in queued if getattr(c, "__qualname__", "").startswith("bump_units.")]
    assert len(refreshes) == 1  # one refresh job for the two wards, not one per review


def test_a_target_change_raises_the_plan_and_the_units_it_approved(places, town_plan, ward_plan):
    """A value counts as approved when a review under a plan with a target on its indicator
    approved it: adding a target to the town's plan may change what Phường 2's own plan counts."""
    from chitieu.web.plans.actions import do_set_target
    from chitieu.web.values.actions import do_approve

    do_save_values(places.ward2, town_plan, 2022, _row("KT01", "100") + _row("XH09", "100"), acting_user=None)
    do_submit(places.ward2, town_plan, 2022, acting_user=None)
    do_approve(Submission.objects.get(unit=places.ward2, plan=town_plan, year=2022), acting_user=None)
    own = version.current(ward_plan.pk, places.ward2.pk)
    town = version.current(town_plan.pk, places.town.pk)
    target = town_plan.targets.select_related("indicator").first()
    do_set_target(town_plan, target.indicator, target.phrase, acting_user=None)
    assert version.current(ward_plan.pk, places.ward2.pk).data == own.data + 1
    after = version.current(town_plan.pk, places.town.pk)
    assert after.plan == town.plan + 1 and after.data == town.data


def test_the_api_etag_holds_the_versions_whole_key(places, stored, admin, api_for):
    api = api_for(admin)
    path = f"/api/plans/{stored.pk}/evaluations?unit_code={places.ward2.code}&du_lieu=moi_nhat"
    first = api.get(path)
    assert first.status_code == 200 and api.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # the same counters with another token (a database rebuilt, a bump rolled back): another ETag
    PlanVersion.objects.filter(plan=stored).update(token="0123456789abcdef")
    again = api.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert again.json() == first.json()
    # one read of the versions, handed to the evaluation (which finds its stored row current)
    with CaptureQueriesContext(connection) as queries:
        assert api.get(path).status_code == 200
    reads = [q["sql"] for q in queries.captured_queries if "evaluations_planversion" in q["sql"]]
    assert len(reads) == 1 and "evaluations_unitversion" in reads[0]
    assert StoredEvaluations.objects.get(plan=stored, unit=places.ward2, approved_only=False).version >= 0


# --- PostgreSQL: two wards saving at the same time ------------------------------------------------


def _concurrently(work_a, work_b) -> dict[str, object]:
    """Run ``work_a`` and ``work_b`` in two threads, each in its own transaction on its own
    connection with a 2 s lock timeout; both hold their locks until the other has done its work
    too (a barrier before commit). Returns "ok" or the error of each."""
    barrier = threading.Barrier(2, timeout=30)
    results: dict[str, object] = {}

    def run(name, work):
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '2s'")
                work()
                barrier.wait()  # both transactions are open here, their rows locked
            results[name] = "ok"
        except Exception as exc:  # noqa: BLE001 - the test reads it
            results[name] = exc
            barrier.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n, w)) for n, w in (("a", work_a), ("b", work_b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


@pytest.mark.django_db(transaction=True)
def test_two_wards_saving_at_once_do_not_wait_for_each_other(places, town_plan, settings):
    if connection.vendor != "postgresql":
        pytest.skip("row locks: PostgreSQL (SQLite locks the whole database for a write)")
    # the refresh jobs wait in the database queue (no worker here): the next read finds the row stale
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for unit in (places.town, places.ward1, places.ward2):
        do_save_values(unit, town_plan, 2022, _row("KT01", "100"), acting_user=None)
        store.refresh_one(town_plan, unit, approved_only=False)

    # the harness sees waiting: two raises of the plan's counter (what every save did before) do wait
    control = _concurrently(lambda: version.bump([town_plan.pk]), lambda: version.bump([town_plan.pk]))
    assert any("lock timeout" in str(r) for r in control.values()), control  # one waited, and gave up

    # the wards' saves: each its own unit's row, neither waits
    before = {u.pk: version.current(town_plan.pk, u.pk) for u in (places.town, places.ward1, places.ward2)}
    done = _concurrently(lambda: do_save_values(places.ward1, town_plan, 2023, _row("KT01", "111"), acting_user=None),
                         lambda: do_save_values(places.ward2, town_plan, 2023, _row("KT01", "222"), acting_user=None))
    assert done == {"a": "ok", "b": "ok"}

    # no ward feeds the town's own evaluation: its version and stored row stay as they were
    assert version.current(town_plan.pk, places.town.pk) == before[places.town.pk]
    assert store.evaluated(town_plan, places.town, approved_only=False).stored
    for unit, value in ((places.ward1, 111), (places.ward2, 222)):
        fresh = store.evaluated(town_plan, unit, approved_only=False)  # recomputed at the raised version
        assert not fresh.stored and fresh.version.data == before[unit.pk].data + 1
        assert next(i for i, _d in fresh.plan.walk() if i.indicator.code == "KT01").series.get(2023).value == value
        _same(fresh, unit, town_plan)

    # and a save of the town itself, at the same time as a ward's: the town's scorecard is stale at once
    done = _concurrently(lambda: do_save_values(places.town, town_plan, 2023, _row("KT01", "333"), acting_user=None),
                         lambda: do_save_values(places.ward2, town_plan, 2024, _row("KT01", "244"), acting_user=None))
    assert done == {"a": "ok", "b": "ok"}
    town = store.evaluated(town_plan, places.town, approved_only=False)
    assert not town.stored and town.version.data == before[places.town.pk].data + 1
    assert next(i for i, _d in town.plan.walk() if i.indicator.code == "KT01").series.get(2023).value == 333
    _same(town, places.town, town_plan)
