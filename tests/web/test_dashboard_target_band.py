"""The indicator chart draws the series against the band the target allows: for a growth
target, the paths from the base-year value at the low and at the high rate."""

from __future__ import annotations

import pytest

from chitieu.core.indicators import Indicator
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, Target
from chitieu.web.dashboards.scorecard import chart_data, target_band

RETAIL = Indicator(code="KT01", name="Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", unit="tỷ đồng",
                   kind="flow", direction="higher", domain="kinh_te", aggregation="sum", price_basis="current")
NURSERY = Indicator(code="XH10.1", name="Tỷ lệ huy động vào nhà trẻ", unit="%", kind="rate", direction="higher",
                    domain="van_hoa_xa_hoi", aggregation="ratio", numerator="N", denominator="D")
RETAIL_SERIES = Series([Observation(2020, 2796), Observation(2024, 5164),
                        Observation(2025, 6150, ValueStatus.ESTIMATE)])


def _plan(item: PlanItem) -> Plan:
    return Plan(unit_code="46S05", unit_name="Thị xã Quảng Trị", base_year=2020, final_year=2025, items=(item,))


def test_a_growth_range_draws_the_paths_at_17_and_19_percent_a_year_from_the_2020_value():
    target = Target("tăng 17-19%/năm", Form.GROWTH, Bound.between(17, 19), unit="%", horizon=Horizon.AVERAGE)
    item = PlanItem(RETAIL, target, RETAIL_SERIES)
    band = target_band(item, _plan(item))
    assert [y for y, _ in band["low"]] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert band["low"][0][1] == band["high"][0][1] == 2796
    assert band["low"][-1][1] == pytest.approx(2796 * 1.17**5)  # 6130,1
    assert band["high"][-1][1] == pytest.approx(2796 * 1.19**5)  # 6672,3
    # The estimated 2025 value (6.150) lies inside the band: the target is met.
    assert band["low"][-1][1] < 6150 < band["high"][-1][1]


def test_a_level_range_is_a_flat_band_and_an_open_bound_has_one_side():
    item = PlanItem(NURSERY, Target("70-75%", Form.LEVEL, Bound.between(70, 75), unit="%"), Series.of({2024: 78.9}))
    band = target_band(item, _plan(item))
    assert {v for _, v in band["low"]} == {70} and {v for _, v in band["high"]} == {75}
    above = PlanItem(NURSERY, Target(">98%", Form.LEVEL, Bound(Op.GT, 98), unit="%"), Series.of({2024: 99}))
    assert set(target_band(above, _plan(above))) == {"low"}


def test_a_multiple_compounds_to_the_multiple_at_the_final_year():
    target = Target("tăng 1,4 - 1,5 lần", Form.MULTIPLE, Bound.between(1.4, 1.5), unit="lần")
    item = PlanItem(RETAIL, target, Series.of({2020: 60, 2025: 85}))
    band = target_band(item, _plan(item))
    assert band["low"][-1][1] == pytest.approx(84) and band["high"][-1][1] == pytest.approx(90)


def test_no_base_value_or_a_qualitative_target_draws_no_band():
    growth = Target("tăng 17-19%/năm", Form.GROWTH, Bound.between(17, 19), unit="%", horizon=Horizon.AVERAGE)
    no_base = PlanItem(RETAIL, growth, Series.of({2024: 5164}))
    assert target_band(no_base, _plan(no_base)) is None
    keep = PlanItem(NURSERY, Target("Giữ vững", Form.QUALITATIVE, Bound(Op.QUALITATIVE)), Series())
    assert target_band(keep, _plan(keep)) is None


def test_the_chart_data_keeps_each_values_status_and_spans_the_whole_term():
    target = Target("tăng 17-19%/năm", Form.GROWTH, Bound.between(17, 19), unit="%", horizon=Horizon.AVERAGE)
    item = PlanItem(RETAIL, target, RETAIL_SERIES)
    data = chart_data(item, _plan(item))
    assert data["years"] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert data["actual"] == [[2020, 2796, "chinh_thuc"], [2024, 5164, "chinh_thuc"], [2025, 6150, "uoc"]]
    assert data["unit"] == "tỷ đồng"
