"""The demo: built from the seeds, loadable twice, and the ``chitieu demo`` command."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from chitieu.web.catalog.models import Indicator
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit as U
from chitieu.web.values.history import series_for
from chitieu.web.values.models import Value

pytestmark = pytest.mark.slow


@pytest.fixture
def demo(db):
    from chitieu.web.demo.build import load_demo

    return load_demo("demo-mat-khau")


def test_the_demo_has_the_town_its_wards_and_their_plans(demo):
    town = U.objects.get(name="Thị xã Quảng Trị")
    assert {c.name for c in town.children.all()} == {"Phường 1", "Phường 2", "Phường 3", "Phường An Đôn", "Xã Hải Lệ"}
    town_plan = Plan.objects.get(unit=town)
    assert town_plan.source.startswith("Nghị quyết Đại hội Đảng bộ thị xã lần thứ VII")
    assert town_plan.targets.get(indicator__code="KT01").phrase == "tăng 17-19%/năm"
    assert Value.objects.get(unit=town, indicator__code="KT01", year=2024).value == 5164
    assert Value.objects.get(unit=town, indicator__code="KT01", year=2025, status="uoc").value == 6150
    ward2_plan = Plan.objects.get(unit__name="Phường 2", kind="term")  # beside its CCHC plan of 2024
    assert ward2_plan.targets.count() == 16 and ward2_plan.period == "2021-2025"


def test_tran_phu_has_its_merger_history_and_21_targets(demo):
    tran_phu = U.objects.get(name="Phường Trần Phú")
    assert {p.name for p in tran_phu.predecessors_for_year(2024)} == {
        "Phường Thạch Hạ", "Phường Thạch Trung", "Phường Đồng Môn", "Xã Hộ Độ"}
    plan = Plan.objects.get(unit=tran_phu)
    assert plan.period == "2026-2030" and plan.targets.count() == 22  # target (9) names two indicators
    budget = series_for(tran_phu, Indicator.objects.get(code="KT05"))
    assert sum(budget.value(y) for y in range(2021, 2026)) == pytest.approx(1440)  # seed 004: 1.440 tỷ đồng
    income = series_for(tran_phu, Indicator.objects.get(code="KT04"))
    assert income.value(2025) / income.value(2020) == pytest.approx(1.5, abs=0.01)  # "gấp 1,5 lần"
    assert Value.objects.filter(unit__code="18070", source__contains="demo").exists()


def test_every_demo_user_logs_in_with_the_printed_password(demo):
    assert set(demo) == {"canbo.phuong2", "canbo.phuong1", "kiemtra.thixa", "xem", "canbo.tranphu", "quantri",
                         "kiemtra.tinh", "lanhdao.thixa"}  # the province's reviewer and the town's leader (issue 15)
    for username, password in demo.items():
        assert authenticate(username=username, password=password) is not None, username


def test_loading_the_demo_twice_changes_nothing(demo):
    counts = (Value.objects.count(), Plan.objects.count(), U.objects.count())
    call_command("load_demo", "--password", "x")
    assert (Value.objects.count(), Plan.objects.count(), U.objects.count()) == counts


def test_the_chitieu_demo_command_prints_how_to_log_in(db, capsys):
    from chitieu.cli import main

    assert main(["demo", "--no-serve", "--password", "mk-demo-1"]) == 0
    out = capsys.readouterr().out
    assert "canbo.phuong2" in out and "mk-demo-1" in out and "http://127.0.0.1:8000/" in out
    assert authenticate(username="kiemtra.thixa", password="mk-demo-1") is not None
