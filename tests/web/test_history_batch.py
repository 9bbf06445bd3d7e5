"""``series_for_many`` reads a unit's series of many indicators at once: the same series as
``series_for`` one by one (merged units included), in a number of queries that does not grow
with the number of indicators."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.web.demo.build import load_demo
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.history import series_for, series_for_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    load_demo("mat-khau-demo-2026")


def test_many_at_once_gives_each_indicator_the_series_it_gives_alone(demo):
    found = 0
    for code in ("19502", "18080", "464"):  # Phường 2, Trần Phú (merged), the town
        unit = AdministrativeUnit.objects.get(code=code)
        plan = Plan.objects.followed_by(unit).first()
        indicators = [t.indicator for t in plan.targets.select_related(
            "indicator", "indicator__numerator", "indicator__denominator", "indicator__weight")]
        for approved_only in (True, False):
            many = series_for_many(unit, indicators, approved_only=approved_only)
            assert set(many) == {i.pk for i in indicators}
            for indicator in indicators:
                alone = series_for(unit, indicator, approved_only=approved_only)
                assert [(o.year, o.value, o.status) for o in many[indicator.pk]] == \
                       [(o.year, o.value, o.status) for o in alone], (code, approved_only, indicator.code)
                found += len(alone)
    assert found > 0


def test_the_merged_ward_reads_its_history_in_queries_that_do_not_grow_with_indicators(demo):
    unit = AdministrativeUnit.objects.get(code="18080")
    plan = Plan.objects.followed_by(unit).first()
    indicators = [t.indicator for t in plan.targets.select_related(
        "indicator", "indicator__numerator", "indicator__denominator", "indicator__weight")]
    assert len(indicators) >= 6
    with CaptureQueriesContext(connection) as few:
        series_for_many(unit, indicators[:2])
    with CaptureQueriesContext(connection) as all_of_them:
        series_for_many(unit, indicators)
    assert len(all_of_them) == len(few)
