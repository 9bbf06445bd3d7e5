"""The target-phrase parser reads the units the report reader reads (one vocabulary): a thousand
billion đồng, scaled physical quantities, per mille in every spelling, people called "đồng …",
and annual crops that are no yearly horizon."""

from __future__ import annotations

import pytest

from chitieu.core.numbers import normalise_unit, unit_scale
from chitieu.core.targets import Horizon, parse_target
from chitieu.core.units import UnitError, check_unit


@pytest.mark.parametrize(
    ("phrase", "low", "unit"),
    [
        ("Tổng vốn đầu tư toàn xã hội 5 năm đạt 120 nghìn tỷ đồng", 120, "nghìn tỷ đồng"),
        ("Quy mô GRDP đạt 1,8 ngàn tỉ đồng", 1.8, "nghìn tỷ đồng"),
        ("Sản lượng điện thương phẩm đạt 95 triệu kWh", 95, "triệu kwh"),
        ("Đón 1,5 triệu lượt khách du lịch", 1.5, "triệu lượt khách"),
        ("Sản lượng lương thực đạt 2,1 nghìn tấn", 2.1, "nghìn tấn"),
        ("Thu ngân sách đạt 450 triệu đồng", 450, "triệu đồng"),
        ("Tỷ suất sinh thô giảm còn 15%o", 15, "‰"),
        ("Tỷ lệ tăng dân số tự nhiên còn 1,1 phần nghìn", 1.1, "‰"),
        ("Tỷ lệ tăng dân số tự nhiên 9 - 10‰", 9, "‰"),
        ("Vận động 3.000 đồng bào tham gia", 3000, "người"),
        ("Kết nạp 20 đồng chí vào Đảng", 20, "đồng chí"),
    ],
)
def test_the_parser_reads_the_readers_units(phrase, low, unit):
    t = parse_target(phrase)
    assert (t.bound.low, t.unit) == (low, unit)


def test_annual_crops_are_no_yearly_horizon_but_each_year_is():
    assert parse_target("Diện tích gieo trồng cây hằng năm đạt 8.000 ha").horizon != Horizon.EACH_YEAR
    assert parse_target("Giải quyết việc làm cho 500 lao động hằng năm").horizon == Horizon.EACH_YEAR


@pytest.mark.parametrize(
    ("unit", "normalised", "scale"),
    [
        ("ngàn tỉ đồng", "nghìn tỷ đồng", 12),
        ("Nghìn tỷ", "nghìn tỷ đồng", 12),
        ("nghìn tỷ đồng/năm", "nghìn tỷ đồng/năm", 12),
        ("tỷ đồng", "tỷ đồng", 9),
        ("triệu đồng", "triệu đồng", 6),
        ("nghìn đồng/kg", "nghìn đồng/kg", 3),
        ("triệu kWh", "triệu kwh", 6),
    ],
)
def test_a_thousand_billion_is_one_unit_of_ten_to_the_twelve(unit, normalised, scale):
    assert normalise_unit(unit) == normalised
    assert unit_scale(normalised) == scale


def test_a_thousand_billion_dong_is_a_known_unit_but_a_billion_thousand_is_not():
    assert check_unit("nghìn tỷ đồng") == "nghìn tỷ đồng"
    assert check_unit("triệu kWh") == "triệu kWh"
    with pytest.raises(UnitError):
        check_unit("tỷ nghìn đồng")
