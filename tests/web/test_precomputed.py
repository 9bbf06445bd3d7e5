"""Precomputed evaluations (issue 18): a plan's evaluations stored per (plan, unit, as-of year,
approved-only), read by the scorecard, the home page and the API while they are current (their
plan version unchanged), computed otherwise. A page shows exactly the same thing either way;
a saved value, a review step, a target or a renamed indicator makes the stored ones stale at once.

On the demo: the town (thị xã Hồng Lĩnh's 2021-2025 plan), Phường 2 (its own plan) and the merged
ward Trần Phú, whose history before 2025 is its former wards' values combined.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from chitieu.web.dashboards import loading
from chitieu.web.demo.build import load_demo
from chitieu.web.evaluations import store, version
from chitieu.web.evaluations.models import StoredEvaluations
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit

pytestmark = pytest.mark.django_db
PASSWORD = "mat-khau-demo-2026"
UNITS = ("464", "19502", "18080")  # the town, Phường 2, Trần Phú (merged)


@pytest.fixture
def demo(db):
    load_demo(PASSWORD)


@pytest.fixture
def admin():
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import ApiToken

    user = get_user_model().objects.get(username="quantri")
    browser = Client(HTTP_ACCEPT_LANGUAGE="vi")
    browser.force_login(user)
    _token, raw = ApiToken.issue(user)
    return browser, Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def _cold() -> None:
    """Empty the caches in front of the table (this process's scorecards, the rendered HTML)."""
    loading._recent._items.clear()
    cache.clear()


def _page(client, path: str) -> tuple[str, list[str]]:
    """The page with what changes per request (CSP nonce, CSRF token) blanked, and its queries."""
    _cold()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    html = response.content.decode()
    html = re.sub(r'nonce="[^"]*"', 'nonce=""', html)
    html = re.sub(r'(csrfmiddlewaretoken" value=)"[^"]*"', r'\1""', html)
    html = re.sub(r'("X-CSRFToken": )"[^"]*"', r'\1""', html)
    return html, [q["sql"] for q in queries.captured_queries]


def _reads_values(queries: list[str]) -> bool:
    """Whether a series was read (the values themselves; the progress counts read only how many)."""
    return any('"values_value"."value"' in sql for sql in queries)


def _cases():
    for code in UNITS:
        unit = AdministrativeUnit.objects.get(code=code)
        plan = Plan.objects.followed_by(unit).first()
        yield unit, plan


def test_pages_and_the_api_are_the_same_from_the_table_as_computed(demo, admin):
    browser, api = admin
    pages = 0
    for unit, plan in _cases():
        last = plan.final_year - 1
        paths = [f"/units/{unit.pk}/plans/{plan.pk}/", f"/units/{unit.pk}/plans/{plan.pk}/?du_lieu=moi_nhat",
                 f"/units/{unit.pk}/plans/{plan.pk}/?as_of={last}"]
        apis = [f"/api/plans/{plan.pk}/evaluations?unit_code={unit.code}",
                f"/api/plans/{plan.pk}/evaluations?unit_code={unit.code}&du_lieu=moi_nhat",
                f"/api/plans/{plan.pk}/evaluations?unit_code={unit.code}&as_of={last}"]
        computed = [_page(browser, p) for p in paths] + [_page(api, p) for p in apis]
        assert not StoredEvaluations.objects.filter(unit=unit, version__gte=0).exists()
        # what the pages asked for is refreshed (the job a stale read queues), then read from the table
        assert store.refresh_plan(plan)["stored"] >= 1
        assert StoredEvaluations.objects.filter(plan=plan, unit=unit).count() == 3
        stored = [_page(browser, p) for p in paths] + [_page(api, p) for p in apis]
        for path, (html, queries), (again, from_table) in zip(paths + apis, computed, stored, strict=True):
            assert again == html, path
            assert _reads_values(queries) and not _reads_values(from_table), path
            pages += 1
    assert pages == 18
    # the pages really evaluate something: the merged ward's scorecard lists its verdicts
    assert "chỉ tiêu đạt và vượt" in stored[0][0]


def test_the_home_page_is_the_same_from_the_table(demo, admin):
    browser, _api = admin
    before, queries = _page(browser, "/")
    for plan in Plan.objects.all():
        store.refresh_plan(plan)
    after, from_table = _page(browser, "/")
    assert after == before
    assert _reads_values(queries) and "chỉ tiêu đạt và vượt" in after
    assert not _reads_values(from_table)  # this year's progress is still counted, no series read


def test_a_saved_value_makes_the_stored_evaluation_stale_until_refreshed(demo):
    from chitieu.web.evaluations.tasks import refresh_plan
    from chitieu.web.values.actions import do_reopen, do_save_values

    unit = AdministrativeUnit.objects.get(code="464")
    plan = Plan.objects.filter(unit=unit).first()
    assert store.refresh_one(plan, unit, approved_only=False) == "stored"
    assert store.refresh_one(plan, unit, approved_only=False) == "current"
    first = store.evaluated(plan, unit, approved_only=False)
    assert first.stored
    submission = plan.submissions.filter(unit=unit, state__in=("approved", "accepted")).order_by("-year").first()
    do_reopen(submission, acting_user=None)
    code = plan.targets.order_by("order").first().indicator.code
    do_save_values(unit, plan, submission.year, [{"indicator": code, "value": "12.345", "status": "chinh_thuc"}],
                   acting_user=None)
    now = version.current(plan.pk, unit.pk)
    assert now.data > first.version.data and now.plan == first.version.plan  # the unit's counter, not the plan's
    stale = store.evaluated(plan, unit, approved_only=False)
    assert not stale.stored
    item = next(i for i, _d in stale.plan.walk() if i.indicator.code == code)
    assert item.series.get(submission.year).value == 12345
    refresh_plan.enqueue(plan.pk)  # the job the save queues on commit (run at once in the tests)
    fresh = store.evaluated(plan, unit, approved_only=False)
    assert fresh.stored and fresh.version == stale.version
    assert [(e.indicator.code, e.state, e.reason) for e in fresh.evaluations] == \
           [(e.indicator.code, e.state, e.reason) for e in stale.evaluations]


def test_a_stale_read_queues_one_refresh_and_the_next_read_finds_it(demo, django_capture_on_commit_callbacks):
    unit = AdministrativeUnit.objects.get(code="18080")
    plan = Plan.objects.followed_by(unit).first()
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert not store.evaluated(plan, unit).stored
    assert len(queued) == 1  # the refresh, run at once by the test queue
    with django_capture_on_commit_callbacks(execute=True) as queued:
        assert store.evaluated(plan, unit).stored
    assert queued == []
    row = StoredEvaluations.objects.get(plan=plan, unit=unit, as_of=0, approved_only=True)
    assert (row.version, row.data_version) == version.current(plan.pk, unit.pk).numbers
    assert row.code == store.CODE and row.seconds > 0


def test_a_year_outside_the_plan_is_computed_never_stored(demo):
    unit = AdministrativeUnit.objects.get(code="464")
    plan = Plan.objects.filter(unit=unit).first()
    done = store.evaluated(plan, unit, as_of=plan.base_year - 5)
    assert not done.stored and done.evaluations
    assert not StoredEvaluations.objects.filter(plan=plan, as_of=plan.base_year - 5).exists()


def test_a_row_written_by_other_code_is_not_read(demo):
    unit = AdministrativeUnit.objects.get(code="464")
    plan = Plan.objects.filter(unit=unit).first()
    store.refresh_plan(plan)
    StoredEvaluations.objects.filter(plan=plan).update(code="0123456789abcdef")
    assert not store.evaluated(plan, unit).stored
    StoredEvaluations.objects.filter(plan=plan).update(code=store.CODE, data=b"not a pickle")
    assert not store.evaluated(plan, unit).stored  # unreadable: computed again, never an error


def test_what_changes_bumps_the_versions_that_read_it(demo):
    """A ward's value: the ward's version under its own plan and its town's (which it follows),
    not the town's own evaluation, nor another ward's. A former ward's value: the merged ward's.
    A target: its plan. A renamed indicator: the plans with a target on it."""
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.plans.actions import do_set_target

    town = AdministrativeUnit.objects.get(code="464")
    ward2 = AdministrativeUnit.objects.get(code="19502")
    tran_phu = AdministrativeUnit.objects.get(code="18080")
    town_plans = set(Plan.objects.filter(unit=town).values_list("pk", flat=True))
    ward_plans = set(Plan.objects.filter(unit=ward2).values_list("pk", flat=True))
    assert town_plans and ward_plans

    assert version.plans_for_units([ward2.pk]) >= town_plans | ward_plans
    assert not version.plans_for_units([town.pk]) & ward_plans
    former = tran_phu.predecessors_for_year(tran_phu.created_year - 1)
    assert set(Plan.objects.followed_by(tran_phu).values_list("pk", flat=True)) <= \
           version.plans_for_units([former[0].pk])

    ward1 = AdministrativeUnit.objects.exclude(pk=ward2.pk).filter(parent=town).first()
    pairs = [(pk, ward2.pk) for pk in town_plans | ward_plans] + [(pk, town.pk) for pk in town_plans] + \
            [(pk, ward1.pk) for pk in town_plans] + [(pk, tran_phu.pk) for pk in town_plans]
    before = version.current_many(pairs)
    version.bump_for_values([ward2.pk])
    after = version.current_many(pairs)
    changed = {pair for pair in pairs if after[pair].key != before[pair].key}
    assert changed == {(pk, ward2.pk) for pk in town_plans | ward_plans}
    assert all(after[p].data == before[p].data + 1 and after[p].plan == before[p].plan for p in changed)

    before = version.current_many(pairs)
    version.bump_for_values([former[0].pk])  # a former ward's value: the merged ward's history
    after = version.current_many(pairs)
    assert {pair for pair in pairs if after[pair].key != before[pair].key} == {(pk, tran_phu.pk) for pk in town_plans}

    plan = Plan.objects.filter(unit=ward2).first()
    target = plan.targets.select_related("indicator").first()
    was = version.current(plan.pk, ward2.pk).plan
    do_set_target(plan, target.indicator, target.phrase, acting_user=None)
    assert version.current(plan.pk, ward2.pk).plan == was + 1

    indicator = Indicator.objects.get(pk=target.indicator_id)
    indicator.name += " (sửa)"
    indicator.save()
    assert version.current(plan.pk, ward2.pk).plan == was + 2


def test_a_renamed_unit_is_shown_by_its_new_name_at_once(demo, admin):
    browser, _api = admin
    unit = AdministrativeUnit.objects.get(code="19502")
    plan = Plan.objects.filter(unit=unit).first()
    store.refresh_plan(plan)
    assert store.evaluated(plan, unit).plan.unit_name == unit.name
    unit.name = "Phường Hai"
    unit.save()
    assert store.evaluated(plan, unit).plan.unit_name == "Phường Hai"
    assert "Phường Hai" in browser.get(f"/units/{unit.pk}/plans/{plan.pk}/").content.decode()


def test_the_command_stores_every_plans_evaluation(demo):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("refresh_evaluations", stdout=out)
    plans = list(Plan.objects.select_related("unit"))
    assert f"{len(plans)} stored, 0 already current" in out.getvalue()
    for plan in plans:
        assert store.evaluated(plan, plan.unit).stored
    out = StringIO()
    call_command("refresh_evaluations", stdout=out)
    assert f"0 stored, {len(plans)} already current" in out.getvalue()


def test_each_row_links_to_its_indicator_page_and_comparison(demo, admin):
    """The rows' links are built from one reversed URL each (``with_code``): the same as reversing them."""
    from django.urls import reverse

    browser, _api = admin
    unit = AdministrativeUnit.objects.get(code="464")
    plan = Plan.objects.filter(unit=unit).first()
    html = browser.get(f"/units/{unit.pk}/plans/{plan.pk}/").content.decode()
    rows = re.findall(r'<tr class="[^"]*" data-code="([^"]+)">(.*?)</tr>', html, re.S)
    assert len(rows) >= 10
    for code, row in rows:
        links = re.findall(r'href="([^"]+)"', row)
        assert links == [reverse("dashboards:indicator", args=[unit.pk, plan.pk, code]),
                         reverse("dashboards:comparison", args=[unit.pk, plan.pk, code])] or \
               links == [reverse("dashboards:indicator", args=[unit.pk, plan.pk, code])], (code, links)
