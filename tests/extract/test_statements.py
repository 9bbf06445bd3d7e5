"""The extractor reads targets and results from the seeds as a reader of Vietnamese reports would."""

from __future__ import annotations

import pytest
from extract_fixtures import SEED_000, SEED_002, SEED_004, need_seeds

from chitieu.extract import extract, read_document


@pytest.fixture(scope="module")
def seed_000():
    need_seeds()
    return extract(read_document(SEED_000))


@pytest.fixture(scope="module")
def seed_004():
    need_seeds()
    return extract(read_document(SEED_004))


def one(statements, line, value=None, kind=None):
    found = [
        s
        for s in statements
        if s.line == line and (value is None or value in (s.low, s.high)) and (kind is None or s.kind == kind)
    ]
    assert len(found) == 1, f"expected one statement at line {line} with {value}: {found}"
    return found[0]


def test_a_result_quoted_beside_its_target_is_one_statement(seed_000):
    s = one(seed_000, 116, 94.1)
    assert (s.kind, s.op, s.unit, s.year) == ("result", "=", "%", 2020)
    assert s.compared_target == {"op": ">", "low": 80, "high": None}
    assert not [x for x in seed_000 if x.line in (116, 117, 118) and x.low == 80]


def test_the_target_in_parentheses_goes_to_the_level_not_to_the_change_before_it(seed_000):
    level = one(seed_000, 84, 14.1)
    change = one(seed_000, 84, 0.7)
    assert level.compared_target == {"op": "=", "low": 14, "high": 14}
    assert level.per_year is True
    assert change.compared_target is None and change.per_year is False
    assert one(seed_000, 84, 13.4).year == 2016


def test_a_count_gives_its_numerator_and_the_share_beside_it(seed_000):
    share = one(seed_000, 124, 98.3)
    count = one(seed_000, 124, 1495)
    assert share.compared_target == {"op": "=", "low": 98, "high": 98}
    assert count.unit == "hộ"
    assert not [s for s in seed_000 if 1520 in (s.low, s.high)]


def test_after_a_slash_with_a_smaller_number_comes_the_plan(seed_000):
    spent = one(seed_000, 291, 21.97)
    assert spent.unit == "tỷ đồng"
    assert spent.compared_target == {"op": "=", "low": 17.26, "high": 17.26}
    assert one(seed_000, 291, 127.3).unit == "%"


def test_a_verdict_belongs_to_the_statement_it_follows(seed_000):
    assert one(seed_000, 232, 4).stated_status == "dat"
    assert one(seed_000, 230, 5).stated_status is None
    growth = one(seed_000, 180, 14.1)
    assert growth.stated_status == "dat"
    assert growth.compared_target == {"op": "range", "low": 13, "high": 14}


def test_a_standard_not_met_is_a_qualitative_result_with_its_verdict(seed_000):
    s = one(seed_000, 132, kind="result")
    assert (s.op, s.stated_status) == ("qualitative", "khong_dat")


def test_targets_for_the_next_term_have_ranges_bounds_and_years(seed_000):
    retail = one(seed_000, 1102, 19)
    assert (retail.kind, retail.op, retail.low, retail.high, retail.unit, retail.per_year) == (
        "target",
        "range",
        19,
        21,
        "%",
        True,
    )
    malnutrition = one(seed_000, 1136, 6)
    assert (malnutrition.op, malnutrition.low, malnutrition.high, malnutrition.year) == ("<", None, 6, 2025)
    income = one(seed_000, 1110, 85)
    assert (income.unit, income.per_year, income.year) == ("triệu đồng/người/năm", False, 2025)
    poor = one(seed_000, 1148, 1.0)
    assert (poor.op, poor.year) == ("<", 2025)


def test_ages_levels_and_ordinals_are_not_statements(seed_000):
    lines_1116_1140 = [s for s in seed_000 if 1116 <= s.line <= 1140 and s.op != "qualitative"]
    values = sorted((s.low if s.low is not None else s.high) for s in lines_1116_1140)
    assert values == [
        1,
        6,
        13,
        70,
        100,
        100,
        100,
        100,
        100,
    ]  # no 5 tuổi, lớp 1, mức độ 2, con thứ 3, 0-36 tháng


def test_a_rate_above_a_bound_in_a_results_text_keeps_its_bound(seed_004):
    s = one(seed_004, 63, 95)
    assert (s.kind, s.op, s.low, s.high) == ("result", ">", 95, None)


def test_beating_the_target_marks_the_level_and_the_margin(seed_004):
    level = one(seed_004, 79, 74.88)
    margin = one(seed_004, 79, 2.88)
    assert (level.stated_status, level.per_year) == ("vuot", True)
    assert (margin.stated_status, margin.per_year) == ("vuot", True)


def test_multiples_and_footnote_figures_are_results(seed_004):
    assert one(seed_004, 27, 1.5).unit == "lần"
    assert one(seed_004, 95, 19.7).year == 2025
    assert {s.low for s in seed_004 if s.line == 51} == {283, 104, 98, 64, 17, 70, 2}


def test_figures_of_one_named_project_are_left_out(seed_004):
    assert not [s for s in seed_004 if s.line in (49, 69, 73)]


def test_the_numbered_targets_of_the_plan_read_with_their_bounds(seed_004):
    poverty = one(seed_004, 191, 0.4)
    assert (poverty.kind, poverty.op, poverty.per_year) == ("target", ">=", True)
    revenue = one(seed_004, 187, 700)
    assert (revenue.unit, revenue.year) == ("tỷ đồng", 2030)
    assert one(seed_004, 187, 120).unit == "triệu đồng/ha"
    assert one(seed_004, 205, 100).per_year is True


def test_a_political_report_in_another_layout_yields_targets_and_results():
    need_seeds()
    statements = extract(read_document(SEED_002))
    assert len(statements) > 150
    kinds = {s.kind for s in statements}
    assert kinds == {"result", "target"}
    income = [
        s for s in statements if s.kind == "target" and s.unit == "triệu đồng/người/năm" and s.op == "range"
    ]
    assert (income[0].low, income[0].high, income[0].year) == (120, 125, 2030)
