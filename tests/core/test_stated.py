"""Stated figures as written: the interval a figure's written digits allow, truncation as a
warning, and the checks of the evaluation built on them — from real report sentences (the
seeds), including traps that must not be flagged."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.evaluate import check_share, evaluate
from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.numbers import format_number, parse_number, round_half_up
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.stated import Agreement, Stated, StatedError
from chitieu.core.targets import Bound, Form, Horizon, Target
from seeds import SEED_000, SEED_002, SEED_004, need_seeds

E = ValueStatus.ESTIMATE


def seed_text(path) -> str:
    need_seeds()
    return " ".join(path.read_text(encoding="utf-8").split())


def money(name="Chỉ tiêu", unit="tỷ đồng"):
    return Indicator("X", name, unit, Kind.FLOW, Direction.HIGHER_IS_BETTER, Domain.KINH_TE, Aggregation.SUM)


def growth(lo, hi):
    return Target(f"tăng {lo}-{hi}%/năm", Form.GROWTH, Bound.between(lo, hi), "%", Horizon.AVERAGE)


# --- The interval of the written digits ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "decimals", "interval"),
    [
        ("35", 35.0, 0, (34.5, 35.5)),
        ("35,15", 35.15, 2, (35.145, 35.155)),
        ("106,90", 106.9, 2, (106.895, 106.905)),  # the trailing zero is a written digit
        ("1.234,5", 1234.5, 1, (1234.45, 1234.55)),
        ("4.639.287.000", 4639287000.0, 0, (4639286999.5, 4639287000.5)),
        ("136%", 136.0, 0, (135.5, 136.5)),
        ("6.606", 6606.0, 0, (6605.5, 6606.5)),  # a dot before three digits groups thousands
        ("117.08", 117.08, 2, (117.075, 117.085)),  # as a YAML float is written
    ],
)
def test_a_figure_allows_the_interval_of_its_written_digits(text, value, decimals, interval):
    s = Stated.parse(text)
    assert (s.value, s.decimals, s.interval()) == (value, decimals, interval)
    assert s.text == text


def test_the_text_is_kept_and_printed_back_vietnamese_style():
    assert Stated.parse("106,90").printed() == "106,90"
    assert Stated.parse("117.08").printed() == "117,08"
    assert str(Stated.parse("1.234,5")) == "1.234,5"


def test_numbers_and_decimals_keep_what_they_can():
    from decimal import Decimal

    assert Stated.parse(35).decimals == 0
    assert Stated.parse(101.5).decimals == 1
    assert Stated.parse(Decimal("103.00")).decimals == 2  # JSON read with Decimal keeps the zeros
    assert Stated.parse(103.0).decimals == 0  # a float cannot: plan files keep the text instead


def test_a_figure_that_is_not_a_number_is_refused_with_a_message():
    with pytest.raises(StatedError, match="mười"):
        Stated.parse("mười")
    with pytest.raises(StatedError):
        Stated.parse(True)


# --- Agreement: ok, truncated, wrong ---------------------------------------------------------


def test_35_for_35_15_is_a_correct_rounding_not_an_error():
    # Three correct reports were accused because 35,15 was compared at two decimals.
    assert Stated.parse("35").agrees(35.15) is Agreement.OK
    assert Stated.parse("35,15").agrees(35.15) is Agreement.OK
    assert Stated.parse("35,2").agrees(35.15) is Agreement.OK  # half-up on the printed digits


def test_a_truncated_figure_is_a_warning_not_an_error():
    a = Stated.parse("35,4").agrees(35.46)
    assert a is Agreement.TRUNCATED
    assert a.is_warning and not a.is_error
    assert Stated.parse("35,3").agrees(35.46) is Agreement.WRONG


def test_106_90_keeps_its_trailing_zero_so_a_real_error_is_found():
    assert Stated.parse("106,9").agrees(106.93) is Agreement.OK
    assert Stated.parse("106,90").agrees(106.93) is Agreement.WRONG


def test_a_range_of_computed_values_agrees_when_it_meets_the_interval():
    s = Stated.parse("101,00")
    assert s.agrees(101.01) is Agreement.WRONG
    assert s.agrees(101.01, low=100.98, high=101.04) is Agreement.OK


def test_half_up_at_the_exact_half():
    assert Stated.parse("36").agrees(35.5) is Agreement.OK
    assert Stated.parse("35").agrees(35.5) is Agreement.TRUNCATED
    assert Stated.parse("2,68").agrees(2.675) is Agreement.OK  # round() would give 2,67


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_a_value_always_agrees_with_its_own_half_up_printing(x, decimals):
    printed = format_number(x, decimals)
    assert Stated.parse(printed, "vi").agrees(x) is Agreement.OK
    assert Stated.parse(printed, "vi").value == round_half_up(x, decimals) or printed.startswith("-0")


# --- Real sentences --------------------------------------------------------------------------


def test_seed_000_cultured_households_98_3_of_1495_1520_is_a_truncation_warning():
    sentence = "Số hộ gia đình văn hóa đạt 98,3% (1495/1520)"
    assert sentence in seed_text(SEED_000)
    check = check_share("98,3", 1495, 1520)
    assert check.agreement is Agreement.TRUNCATED
    assert check.sentence == (
        "Văn bản ghi tỷ lệ là 98,3%: số từ 1.495/1.520 tính được 98,36% bị cắt bớt chữ số, làm tròn đúng là 98,4%"
    )
    assert check_share("98,4", 1495, 1520) is None
    assert check_share("97,4", 1495, 1520).agreement is Agreement.WRONG


@pytest.mark.parametrize(
    ("sentence", "value", "plan", "stated"),
    [
        # 22,92 / 17,26 = 132,79%: "133%" is right at its own precision (a trap at two decimals).
        ("Giai đoạn 2016 - 2020 đạt 22,92 tỷ đồng (Kế hoạch giao 17,26 tỷ đồng, đạt 133%)", "22,92", "17,26", "133"),
        # 21,97 / 17,26 = 127,29%.
        ("21,97 tỷ đồng/17,26 tỷ đồng đạt 127,3% kế hoạch giao", "21,97", "17,26", "127,3"),
    ],
)
def test_seed_000_percent_of_plan_is_right_at_its_written_precision(sentence, value, plan, stated):
    assert sentence in seed_text(SEED_000)
    ind = money("Tổng chi ngân sách")
    target = Target(f"{plan} tỷ đồng", Form.LEVEL, Bound.exact(parse_number(plan)), "tỷ đồng")
    series = Series([Observation(2015, 10.0), Observation(2020, parse_number(value))])
    e = evaluate(ind, target, series, base_year=2015, final_year=2020, stated={"percent_of_plan": stated})
    assert (e.discrepancies, e.warnings) == ((), ())
    assert [c.agreement for c in e.checks] == [Agreement.OK]


def test_a_stated_percent_of_plan_is_checked_not_ignored():
    # The budget: 4.639.287.000 / 3.525.000.000 = 131,6%, the report says 136%.
    ind = money("Thu ngân sách", "đồng")
    target = Target("3.525.000.000 đồng", Form.LEVEL, Bound.exact(3_525_000_000), "đồng")
    series = Series([Observation(2024, 3_000_000_000), Observation(2025, 4_639_287_000)])
    e = evaluate(ind, target, series, base_year=2024, final_year=2025, stated={"percent_of_plan": "136%"})
    assert e.discrepancies == (
        "Văn bản ghi tỷ lệ thực hiện so với chỉ tiêu là 136%, nhưng từ 4.639.287.000 / 3.525.000.000 "
        "tính được 131,6%",
    )


def test_seed_002_appendix_103_00_is_wrong_at_two_decimals_but_101_00_is_within_its_inputs():
    text = seed_text(SEED_002)
    assert "113.7 126.8 132.2 102.70 103.00" in text and "83.8 85.8 88.1 100.60 101.00" in text
    # GTSX Nông lâm nghiệp - Thủy sản: 113,7 → 132,2 gives 103,06; the table prints 103.00.
    e = evaluate(money(), growth(4, 5), Series([Observation(2020, 113.7), Observation(2025, 132.2, E)]),
                 base_year=2020, final_year=2025, stated={"index": "103,00"})
    assert e.discrepancies == (
        "Văn bản ghi chỉ số phát triển bình quân giai đoạn 2021-2025 (năm trước = 100) là 103,00, nhưng từ "
        "113,7 → 132,2 tính được 103,06",
    )
    # Written "103" it would be a correct rounding of 103,06 — the zeros are what is wrong.
    e = evaluate(money(), growth(4, 5), Series([Observation(2020, 113.7), Observation(2025, 132.2, E)]),
                 base_year=2020, final_year=2025, stated={"index": "103"})
    assert e.discrepancies == ()
    # Nông nghiệp: 83,8 → 88,1 gives 101,01; 101,00 is within the precision of its inputs.
    e = evaluate(money(), growth(1, 2), Series([Observation(2020, 83.8), Observation(2025, 88.1, E)]),
                 base_year=2020, final_year=2025, stated={"index": "101,00"})
    assert (e.discrepancies, e.warnings) == ((), ())


def test_seed_002_trong_do_rows_indices_are_checked_with_their_parent():
    from chitieu.core.evaluate import evaluate_item
    from chitieu.core.plan import Plan, PlanItem

    text = seed_text(SEED_002)
    assert re.search(r"42,5 46,9 45,0 102,49 101,5", text)
    assert re.search(r"55.6 40,4 81,0 91,32 109,80", text)
    total = PlanItem(
        money("Tổng thu ngân sách nhà nước trên địa bàn"), growth(8, 9),
        Series([Observation(2020, 98.1), Observation(2024, 87.3), Observation(2025, 126.0, E)]),
        stated={"index": "106,46"},
        children=(
            PlanItem(money("Thu từ thuế, phí, lệ phí"), None, Series.of({2020: 42.5, 2024: 46.9, 2025: 45.0}),
                     stated={"index": "101,5"}),
            PlanItem(money("Thu từ khai thác quỹ đất"), None, Series.of({2020: 55.6, 2024: 40.4, 2025: 81.0}),
                     stated={"index": "109,80"}),
        ),
    )
    plan = Plan("X", "Thị xã Quảng Trị", 2020, 2025, (total,), as_of=2025)
    ev = evaluate_item(total, plan)
    assert ev.discrepancies[1:] == (
        "Thu từ thuế, phí, lệ phí: Văn bản ghi chỉ số phát triển bình quân giai đoạn 2021-2025 (năm trước = 100) "
        "là 101,5, nhưng từ 42,5 → 45 tính được 101,15",
        "Thu từ khai thác quỹ đất: Văn bản ghi chỉ số phát triển bình quân giai đoạn 2021-2025 "
        "(năm trước = 100) là 109,80, nhưng từ 55,6 → 81 tính được 107,82",
    )
    assert [c.subject for c in ev.checks] == ["", "Thu từ thuế, phí, lệ phí", "Thu từ khai thác quỹ đất"]


def test_seed_004_a_rounded_rate_and_a_rounded_multiple_agree():
    # "tăng trưởng bình quân giai đoạn 2021 - 2025 đạt 5%, tổng giá trị sản phẩm tăng 1,3 lần":
    # 1,05⁵ = 1,276 — at two decimals 1,28 ≠ 1,30, but "1,3" is its rounding (a trap).
    assert "đạt 5%, tổng giá trị sản phẩm tăng 1,3 lần" in seed_text(SEED_004)
    rate = Stated.parse("5")
    low, high = ((1 + r / 100) ** 5 for r in rate.interval())
    assert Stated.parse("1,3").agrees(1.05**5, low=low, high=high) is Agreement.OK


def test_a_stated_cagr_of_35_for_35_15_is_not_flagged():
    ind = money("Doanh thu du lịch")
    v0 = 100.0
    v5 = round_half_up(v0 * 1.3515**5, 1)
    e = evaluate(ind, growth(30, 40), Series([Observation(2020, v0), Observation(2025, v5)]),
                 base_year=2020, final_year=2025, stated={"cagr": "35"})
    assert round_half_up(e.figure("cagr").value, 2) == 35.15
    assert (e.discrepancies, e.warnings) == ((), ())


def test_a_truncated_stated_percent_of_plan_is_a_warning_on_the_evaluation():
    # 137,46 against a plan of 100 is 137,46%: written "137,4" it is cut, not rounded.
    ind = money("Thu ngân sách")
    target = Target("100 tỷ đồng", Form.LEVEL, Bound.exact(100), "tỷ đồng")
    series = Series([Observation(2024, 90.0), Observation(2025, 137.46)])
    e = evaluate(ind, target, series, base_year=2024, final_year=2025, stated={"percent_of_plan": "137,4"})
    assert e.discrepancies == ()
    assert e.warnings == (
        "Văn bản ghi tỷ lệ thực hiện so với chỉ tiêu là 137,4%: số từ 137,46 / 100 tính được 137,46% "
        "bị cắt bớt chữ số, làm tròn đúng là 137,5%",
    )
