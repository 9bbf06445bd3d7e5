"""The Quảng Trị plan used by the dashboard tests: the key indicators of the thị xã's 2020-2025
plan (Phụ lục 1 of seed 002, as written in examples/quang-tri-2020-2025.yaml) stored through the
same actions the app uses, plus ward values for the comparison of Phường 1 and Phường 2.

Other dashboard test modules build their ``quang_tri`` fixture with ``load_quang_tri``."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from chitieu.planfile import load_plan

PLAN_FILE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"

# Ward values (tỷ đồng / người / %) for comparisons: what each ward entered for 2024.
WARD_VALUES = {
    "19501": {"KT01": 2100.0, "XH09N": 7650.0, "DS01": 8100.0},  # Phường 1
    "19502": {"KT01": 3064.0, "XH09N": 9700.0, "DS01": 9900.0},  # Phường 2
}


def store_plan(unit, plan_file: Path = PLAN_FILE):
    """The plan file's targets and values, stored for ``unit`` through the app's actions."""
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.values.actions import do_save_values

    core = load_plan(plan_file)
    plan = Plan.objects.create(unit=unit, base_year=core.base_year, final_year=core.final_year, source=core.source)
    from chitieu.web.catalog.models import Indicator

    by_year: dict[int, list[dict]] = {}
    for order, (item, _depth) in enumerate(core.walk(), 1):
        PlanTarget.objects.create(plan=plan, indicator=Indicator.objects.get(code=item.indicator.code),
                                  phrase=item.target.phrase if item.target else "", order=order,
                                  value_is=item.value_is or "")
        for obs in item.series:
            by_year.setdefault(obs.year, []).append(
                {"indicator": item.indicator.code, "value": obs.value, "status": obs.status.value})
    for year, rows in sorted(by_year.items()):
        do_save_values(unit, plan, year, rows, acting_user=None)
        _approve(unit, plan, year)
    return plan, core


def _approve(unit, plan, year):
    """Pages evaluate approved values (issue 11): the fixtures' values are approved."""
    from chitieu.web.values.actions import do_approve, do_submit

    do_approve(do_submit(unit, plan, year, acting_user=None), acting_user=None)


def load_quang_tri(places, catalogue) -> SimpleNamespace:
    """The town's plan with its values, and the 2024 values of both wards."""
    from chitieu.web.plans.models import PlanTarget
    from chitieu.web.values.actions import do_save_values

    plan, core = store_plan(places.town)
    for code in ("XH09N", "DS01"):  # the parts of the rate, followed without a target of their own
        PlanTarget.objects.get_or_create(plan=plan, indicator=catalogue[code], defaults={"order": 99})
    for ward in (places.ward1, places.ward2):
        rows = [{"indicator": code, "value": v, "status": "chinh_thuc"} for code, v in WARD_VALUES[ward.code].items()]
        do_save_values(ward, plan, 2024, rows, acting_user=None)
        _approve(ward, plan, 2024)
    return SimpleNamespace(plan=plan, core=core, town=places.town, ward1=places.ward1, ward2=places.ward2)


@pytest.fixture
def quang_tri(places, catalogue):
    return load_quang_tri(places, catalogue)


def test_the_stored_plan_gives_back_the_plan_files_targets_and_values(quang_tri):
    stored = quang_tri.plan.to_core()
    file_items = {item.indicator.code: item for item, _ in quang_tri.core.walk()}
    stored_items = {item.indicator.code: item for item, _ in stored.walk()}
    assert set(file_items) <= set(stored_items)
    for code, item in file_items.items():
        assert (item.target.phrase if item.target else "") == (stored_items[code].target.phrase if stored_items[code].target else "")
        assert [(o.year, o.value, o.status) for o in item.series] == [
            (o.year, o.value, o.status) for o in stored_items[code].series]
