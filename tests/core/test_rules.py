"""Validation rules and outlier warnings over a unit's year (chitieu.core.rules), from real
ranges: a ward's budget revenue in tỷ đồng, a rate in %, a count of workers."""

from __future__ import annotations

import pytest

from chitieu.core.rules import Rule, check_rules, completeness, outliers

# Phường 2's budget revenue is tens of tỷ đồng a year (seed 000: 42 tỷ in 2020)
WARD_BUDGET = Rule("range", "Thu ngân sách cấp phường trong khoảng hợp lý", ("KT12",), minimum=0, maximum=5_000)


def test_a_ward_budget_of_ten_million_ty_breaks_the_range_rule():
    [f] = check_rules([WARD_BUDGET], {"KT12": 10_000_000})
    assert (f.severity, f.code, f.indicator, f.rule) == ("error", "above_max", "KT12", WARD_BUDGET.name)
    assert f.params == {"value": 10_000_000, "limit": 5_000}


def test_a_negative_budget_breaks_the_minimum_and_a_real_one_passes():
    assert [f.code for f in check_rules([WARD_BUDGET], {"KT12": -5})] == ["below_min"]
    assert check_rules([WARD_BUDGET], {"KT12": 84.0}) == []
    assert check_rules([WARD_BUDGET], {}) == []  # no value yet: completeness says so, not the rule


def test_a_part_above_its_total():
    rule = Rule("part_le_total", "Phần không lớn hơn tổng", ("KT01.1", "KT01"))
    [f] = check_rules([rule], {"KT01": 318.0, "KT01.1": 320.5})
    assert (f.code, f.indicator, f.params["other"], f.params["other_value"]) == ("part_above_total", "KT01.1",
                                                                                 "KT01", 318.0)
    assert check_rules([rule], {"KT01": 318.0, "KT01.1": 120.0}) == []


def test_more_insured_people_than_people_breaks_numerator_le_denominator():
    rule = Rule("num_le_den", "Tử số không lớn hơn mẫu số", ("XH09N", "DS01"))
    assert [f.code for f in check_rules([rule], {"XH09N": 13_500, "DS01": 13_200})] == ["num_above_den"]
    assert check_rules([rule], {"XH09N": 12_000, "DS01": 13_200}) == []


def test_shares_of_the_economy_must_add_up_to_100_within_the_tolerance():
    rule = Rule("shares_sum", "Cơ cấu kinh tế cộng lại 100%", ("KT07.1", "KT07.2", "KT07.3"), tolerance=0.5)
    assert check_rules([rule], {"KT07.1": 2.6, "KT07.2": 29.8, "KT07.3": 67.6}) == []
    [f] = check_rules([rule], {"KT07.1": 2.6, "KT07.2": 29.8, "KT07.3": 76.6})
    assert (f.code, round(f.params["total"], 1)) == ("shares_not_100", 109.0)


def test_a_rule_with_the_wrong_number_of_indicators_is_refused():
    with pytest.raises(ValueError):
        Rule("part_le_total", "x", ("KT01",))
    with pytest.raises(ValueError):
        Rule("between", "x", ("KT01",))


def test_a_budget_typed_in_trieu_instead_of_ty_is_an_outlier_warning():
    [f] = outliers(2024, {"KT12": 84_000.0}, {"KT12": {2020: 42.0, 2023: 84.0}})  # 84 tỷ → 84.000 "tỷ"
    assert (f.severity, f.code, f.params["previous_year"], f.params["change"]) == ("warning", "outlier_change",
                                                                                   2023, 99_900.0)
    assert [f.code for f in outliers(2024, {"KT12": 8.4}, {"KT12": {2023: 84.0}})] == ["outlier_change"]
    assert outliers(2024, {"KT12": 96.0}, {"KT12": {2023: 84.0}}) == []  # +14%: an ordinary year
    assert outliers(2024, {"KT12": 168.0}, {"KT12": {2023: 84.0}}) == []  # doubled: land sold that year


def test_a_rate_is_compared_in_percentage_points():
    # poverty rate 1,1% → 0,9%: a fall of 18% of itself but 0,2 points: not an outlier
    assert outliers(2024, {"XH06": 0.9}, {"XH06": {2023: 1.1}}, percent_codes={"XH06"}) == []
    [f] = outliers(2024, {"XH09": 65.0}, {"XH09": {2023: 92.0}}, percent_codes={"XH09"})
    assert f.code == "outlier_points"


def test_a_count_of_workers_far_above_every_past_year_and_a_sign_flip():
    past = {"XH11": {2021: 90, 2022: 88, 2023: 92}}
    assert outliers(2024, {"XH11": 96}, past) == []
    assert outliers(2024, {"XH11": 130}, past) == []  # +41%: a good year, not a typing error
    assert [f.code for f in outliers(2024, {"XH11": 950}, past)] == ["outlier_change"]
    assert [f.code for f in outliers(2024, {"KT99": -3.0}, {"KT99": {2023: 5.0}})] == ["outlier_sign"]


def test_no_past_year_no_warning_and_later_years_are_ignored():
    assert outliers(2020, {"KT12": 42.0}, {}) == []
    assert outliers(2020, {"KT12": 42.0}, {"KT12": {2023: 84.0}}) == []
    # 2020 → 2024 is four years of growth (42 → 84 tỷ), not a jump: only the year before is compared
    assert outliers(2024, {"KT12": 84.0}, {"KT12": {2020: 42.0}}) == []


def test_completeness_of_a_year():
    c = completeness(["KT01", "KT12", "XH11"], {"KT12": 84.0})
    assert (c.entered, c.total, c.missing, c.empty, c.complete) == (1, 3, ("KT01", "XH11"), False, False)
    assert completeness(["KT01"], {}).empty
