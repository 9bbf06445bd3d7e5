"""The evaluation engine: figures, verdicts and reasons, checked against a real table
(Phụ lục 1 of seed 002, thị xã Quảng Trị 2020-2025) and against the arithmetic itself."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.evaluate import (
    EvaluationError,
    Progress,
    Status,
    cagr,
    compound_rates,
    evaluate,
    evaluate_structure,
    growth_index,
    judge,
    required_rate,
    shares_sum_to_100,
    structure_shares,
    summarize,
)
from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, StructurePart, Target

E = ValueStatus.ESTIMATE


def indicator(name="Chỉ tiêu", unit="tỷ đồng", kind=Kind.FLOW, direction=Direction.HIGHER_IS_BETTER):
    return Indicator("X", name, unit, kind, direction, Domain.KINH_TE, Aggregation.NONE)


def growth(lo, hi, decrease=False):
    return Target(f"tăng {lo}-{hi}%/năm", Form.GROWTH, Bound.between(lo, hi), "%", Horizon.AVERAGE, decrease=decrease)


def term(v2020, v2025, **years):
    obs = [Observation(2020, v2020), Observation(2025, v2025, E)]
    obs += [Observation(int(y[1:]), v) for y, v in years.items()]
    return Series(obs)


# --- Phụ lục 1 of seed 002: from the 2020 and 2025 values alone ------------------------------


@pytest.mark.parametrize(
    ("name", "target", "v2020", "v2025", "index", "status"),
    [
        ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", growth(17, 19), 2796, 6150, 117.08, Status.DAT),
        ("Giá trị sản xuất Công nghiệp - Xây dựng", growth(10, 11), 696, 944, 106.29, Status.KHONG_DAT),
        ("GTSX Nông lâm nghiệp - Thủy sản", growth(4, 5), 113.7, 132.2, 103.06, Status.KHONG_DAT),
        ("Tổng thu ngân sách nhà nước trên địa bàn", growth(8, 9), 98.1, 126.0, 105.13, Status.KHONG_DAT),
    ],
)
def test_appendix_growth_targets_get_the_tables_index_and_verdict(name, target, v2020, v2025, index, status):
    e = evaluate(indicator(name), target, term(v2020, v2025), base_year=2020, final_year=2025)
    assert round(e.figure("index").value, 2) == index
    assert e.status is status


def test_retail_reason_is_one_vietnamese_sentence_with_the_rate_and_the_band():
    e = evaluate(indicator(), growth(17, 19), term(2796, 6150), base_year=2020, final_year=2025)
    assert e.reason == "Bình quân 2021-2025 tăng 17,08%/năm, trong khoảng chỉ tiêu 17-19%/năm: Đạt"


def test_the_reason_is_carried_as_data_clause_and_verdict_never_split_again():
    e = evaluate(indicator(), growth(17, 19), term(2796, 6150), base_year=2020, final_year=2025)
    assert (e.clause, e.reason_parts.verdict) == (
        "Bình quân 2021-2025 tăng 17,08%/năm, trong khoảng chỉ tiêu 17-19%/năm", "Đạt")
    # A clause with colons of its own keeps them: the verdict is not found by splitting.
    q = Target("Giữ vững: chuẩn quốc gia về y tế", Form.QUALITATIVE, Bound(Op.QUALITATIVE))
    ind = indicator("Đạt chuẩn quốc gia về y tế", None, Kind.BOOLEAN, Direction.KEEP)
    mid = evaluate(ind, q, Series.of({2023: 1}), base_year=2020, final_year=2025)
    # (issue 11: a "giữ vững" standard is worded as kept, and before 2025 it is progress only)
    assert mid.clause == "Năm 2023: giữ được “Giữ vững: chuẩn quốc gia về y tế”"
    assert mid.reason_parts.verdict == "Đạt tiến độ"
    # Mid-term: the verdict part is the progress, the clause is unchanged.
    s = Series.of({2020: 100, 2021: 120, 2022: 142})
    e = evaluate(indicator(), growth(17, 19), s, base_year=2020, final_year=2025)
    assert e.reason_parts.verdict == "Đạt tiến độ"
    assert e.reason == f"{e.clause}: Đạt tiến độ"


def test_figures_carry_the_decimals_they_are_printed_with():
    e = evaluate(indicator(), growth(17, 19), term(2796, 6150), base_year=2020, final_year=2025)
    assert [(f.key, f.decimals, f.printed) for f in e.figures] == [
        ("cagr", 2, "17,08"), ("index", 2, "117,08"), ("multiple", 2, "2,20")]


def test_income_multiple_of_the_base_year_meets_1_4_to_1_5_times():
    target = Target(
        "1,4 - 1,5 lần (85-90 triệu)", Form.MULTIPLE, Bound.between(1.4, 1.5), "lần",
        alternative=Target("85-90 triệu", Form.LEVEL, Bound.between(85, 90), "triệu đồng"),
    )
    ind = indicator("Thu nhập bình quân đầu người", "triệu đồng", Kind.LEVEL)
    e = evaluate(ind, target, term(60, 85, y2024=77), base_year=2020, final_year=2025)
    assert e.status is Status.DAT
    assert round(e.figure("multiple").value, 2) == 1.42
    assert e.reason == "Năm 2025 ước đạt 85 triệu đồng, gấp 1,42 lần năm 2020, trong khoảng chỉ tiêu 1,4-1,5 lần: Đạt"
    assert e.discrepancies == ()


def test_the_tables_own_wrong_figures_are_reported():
    # The seed prints 106,46 for the budget; 98,1 → 126,0 over five years gives 105,13.
    e = evaluate(indicator(), growth(8, 9), term(98.1, 126.0), base_year=2020, final_year=2025,
                 stated={"index": 106.46, "status": "khong_dat"})
    assert e.discrepancies == (
        "Văn bản ghi chỉ số phát triển bình quân giai đoạn 2021-2025 (năm trước = 100) là 106,46, "
        "nhưng từ 98,1 → 126 tính được 105,13",
    )


def test_a_stated_figure_within_the_rounding_of_its_inputs_is_not_a_discrepancy():
    # Nông nghiệp: 83,8 → 88,1 gives 101,01; the table's 101,00 is within the inputs' precision.
    e = evaluate(indicator(), growth(1, 2), term(83.8, 88.1), base_year=2020, final_year=2025,
                 stated={"index": 101.00})
    assert e.discrepancies == ()


def test_a_stated_verdict_that_the_values_contradict_is_reported():
    e = evaluate(indicator(), growth(10, 11), term(696, 944), base_year=2020, final_year=2025,
                 stated={"status": "dat"})
    assert e.discrepancies == ("Văn bản ghi “Đạt” nhưng số liệu cho “Không đạt”",)


# --- Arithmetic -----------------------------------------------------------------------------


def test_cagr_and_index_of_a_known_span():
    assert math.isclose(cagr(100, 121, 2), 0.10)
    assert math.isclose(growth_index(100, 121, 2), 110.0)


def test_compounding_yearly_rates_is_not_their_arithmetic_mean():
    # +50% then -50% is a loss: the compounded average is negative, the arithmetic mean is 0.
    assert compound_rates([50, -50]) == pytest.approx(-13.397, abs=1e-3)


def test_required_rate_for_the_remaining_years():
    # Two years at 5% on a 5-year target of 10%/year: the remaining three must compound to the gap.
    need = required_rate([5, 5], 10, 5)
    assert (1.05**2) * (1 + need / 100) ** 3 == pytest.approx(1.10**5)


@given(
    v0=st.floats(min_value=0.01, max_value=1e9),
    ratio=st.floats(min_value=0.01, max_value=100),
    years=st.integers(min_value=1, max_value=30),
)
def test_cagr_compounded_over_its_span_gives_back_the_end_value(v0, ratio, years):
    v1 = v0 * ratio
    g = cagr(v0, v1, years)
    assert v0 * (1 + g) ** years == pytest.approx(v1, rel=1e-9)


@given(st.lists(st.floats(min_value=-50, max_value=200), min_size=1, max_size=10))
def test_compounded_rate_applied_n_times_equals_the_product_of_the_yearly_rates(rates):
    avg = compound_rates(rates)
    product = math.prod(1 + r / 100 for r in rates)
    assert (1 + avg / 100) ** len(rates) == pytest.approx(product, rel=1e-9)


def test_growth_needs_a_positive_base():
    with pytest.raises(EvaluationError):
        cagr(0, 10, 5)


def test_structure_shares_are_recomputed_from_values_and_checked_to_sum_to_100():
    shares = structure_shares({"dịch vụ": 643, "công nghiệp xây dựng": 311, "nông nghiệp": 46})
    assert shares == {"dịch vụ": 64.3, "công nghiệp xây dựng": 31.1, "nông nghiệp": 4.6}
    assert shares_sum_to_100(shares)
    assert not shares_sum_to_100({"a": 33.3, "b": 33.3, "c": 33.0})


def test_structure_target_judged_part_by_part():
    target = Target("dịch vụ 67-68%; công nghiệp xây dựng 29-30%; nông nghiệp 3-4%", Form.STRUCTURE,
                    Bound(Op.QUALITATIVE), "%", parts=(
                        StructurePart("dịch vụ", Bound.between(67, 68)),
                        StructurePart("công nghiệp xây dựng", Bound.between(29, 30)),
                        StructurePart("nông nghiệp", Bound.between(3, 4))))
    shares, status, reason = evaluate_structure(
        target, {"Dịch vụ": 675, "Công nghiệp - xây dựng": 290, "Nông nghiệp": 35}, year=2030)
    assert status is Status.DAT
    assert reason.startswith("Cơ cấu năm 2030: Dịch vụ 67,5% (chỉ tiêu 67-68%)") or "dịch vụ 67,5%" in reason
    _, status, _ = evaluate_structure(target, {"dịch vụ": 640, "công nghiệp xây dựng": 311, "nông nghiệp": 49},
                                      year=2030)
    assert status is Status.KHONG_DAT


# --- Verdicts by target form -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "bound", "higher", "status"),
    [
        (78, Bound.between(70, 75), True, Status.VUOT),
        (72, Bound.between(70, 75), True, Status.DAT),
        (68, Bound.between(70, 75), True, Status.KHONG_DAT),
        (0.58, Bound(Op.LT, None, 1.5), False, Status.DAT),
        (16.9, Bound(Op.LT, None, 11), False, Status.KHONG_DAT),
        (94.1, Bound(Op.GT, 80), True, Status.DAT),
        (88, Bound(Op.GE, 88), True, Status.DAT),
        (100, Bound.exact(100), None, Status.DAT),
        (99, Bound.exact(100), None, Status.KHONG_DAT),
        (5, Bound.between(6, 8), False, Status.VUOT),
    ],
)
def test_judge(x, bound, higher, status):
    assert judge(x, bound, higher) is status


def test_upper_bound_rate_at_end_of_term():
    ind = indicator("Tỷ lệ hộ nghèo", "%", Kind.RATE, Direction.LOWER_IS_BETTER)
    t = Target("còn dưới 1,0%", Form.LEVEL, Bound(Op.LT, None, 1.0), "%", year=2025)
    e = evaluate(ind, t, term(1.8, 0.58), base_year=2020, final_year=2025)
    assert e.status is Status.DAT
    assert e.reason == "Năm 2025 ước đạt 0,58%, đạt chỉ tiêu dưới 1%: Đạt"
    assert e.figure("points").value == pytest.approx(-1.22)


def test_decrease_per_year_in_households_from_levels():
    ind = indicator("Số hộ nghèo", "hộ", Kind.COUNT, Direction.LOWER_IS_BETTER)
    t = Target("Giảm 12-15 hộ/năm", Form.CHANGE, Bound.between(12, 15), "hộ", Horizon.AVERAGE, decrease=True)
    e = evaluate(ind, t, term(160, 70), base_year=2020, final_year=2025)
    assert e.figure("change_per_year").value == 18
    assert e.status is Status.VUOT
    assert e.reason == "Giai đoạn 2021-2025 bình quân giảm 18 hộ/năm, vượt chỉ tiêu giảm 12-15 hộ/năm: Vượt"


def test_a_fall_of_a_rate_is_in_percentage_points():
    ind = indicator("Tỷ lệ hộ nghèo đa chiều", "%", Kind.RATE, Direction.LOWER_IS_BETTER)
    t = Target("giảm 0,4% trở lên mỗi năm", Form.CHANGE, Bound(Op.GE, 0.4), "%", Horizon.AVERAGE,
               decrease=True, points=True)
    e = evaluate(ind, t, term(4.0, 2.5), base_year=2020, final_year=2025)
    assert e.figure("change_per_year").value == pytest.approx(0.3)
    assert e.figure("change_per_year").unit == "điểm %"
    assert e.status is Status.KHONG_DAT


def test_each_year_level_must_hold_every_year():
    ind = indicator("Tỷ lệ chất thải rắn được thu gom", "%", Kind.RATE)
    t = Target("Hàng năm đạt 100%", Form.LEVEL, Bound.exact(100), "%", Horizon.EACH_YEAR)
    ok = Series.of({2021: 100, 2022: 100, 2023: 100})
    bad = Series.of({2021: 100, 2022: 97, 2023: 100})
    assert evaluate(ind, t, ok, base_year=2020, final_year=2023).status is Status.DAT
    e = evaluate(ind, t, bad, base_year=2020, final_year=2023)
    assert e.status is Status.KHONG_DAT
    assert e.reason == "2/3 năm đạt; các năm 2022 không đạt mức 100% hằng năm: Không đạt"
    # Changed with issue 11 (item 3): before the term's last year the verdict is only progress.
    mid = evaluate(ind, t, bad, base_year=2020, final_year=2025)
    assert (mid.label, mid.met) == ("Chưa đạt tiến độ", False)


def test_cumulative_target_sums_the_years_of_the_term():
    ind = indicator("Vốn đầu tư XDCB", "tỷ đồng")
    t = Target("Giai đoạn 2021 - 2025: 550-600 tỷ", Form.LEVEL, Bound.between(550, 600), "tỷ đồng",
               Horizon.CUMULATIVE)
    s = Series.of({2021: 80, 2022: 90, 2023: 95, 2024: 100, 2025: 102})
    e = evaluate(ind, t, s, base_year=2020, final_year=2025)
    assert e.figure("cumulative").value == 467
    assert e.status is Status.KHONG_DAT


def test_average_level_per_year():
    ind = indicator("Giải quyết việc làm", "lao động", Kind.COUNT)
    t = Target("80-100 lao động/năm", Form.LEVEL, Bound.between(80, 100), "lao động", Horizon.AVERAGE)
    s = Series.of({2021: 100, 2022: 110, 2023: 105, 2024: 112, 2025: 113})
    e = evaluate(ind, t, s, base_year=2020, final_year=2025)
    assert e.figure("mean").value == 108
    assert e.status is Status.VUOT


def test_growth_rate_indicator_compounds_its_yearly_rates():
    ind = indicator("Tốc độ tăng tổng giá trị sản phẩm", "%", Kind.GROWTH_RATE)
    t = Target("bình quân trên 11%", Form.GROWTH, Bound(Op.GT, 11), "%", Horizon.AVERAGE)
    s = Series.of({2026: 10, 2027: 12, 2028: 11.5, 2029: 12, 2030: 12})
    e = evaluate(ind, t, s, base_year=2025, final_year=2030)
    assert e.figure("cagr").value == pytest.approx(compound_rates([10, 12, 11.5, 12, 12]))
    assert e.status is Status.DAT


def test_qualitative_target_is_judged_by_a_yes_no_value():
    ind = indicator("Đạt chuẩn quốc gia về y tế", None, Kind.BOOLEAN, Direction.KEEP)
    t = Target("Giữ vững phường đạt chuẩn quốc gia về y tế", Form.QUALITATIVE, Bound(Op.QUALITATIVE))
    assert evaluate(ind, t, Series.of({2025: 1}), base_year=2020, final_year=2025).status is Status.DAT
    assert evaluate(ind, t, Series.of({2025: 0}), base_year=2020, final_year=2025).status is Status.KHONG_DAT


def test_missing_values_give_chua_du_so_lieu_with_a_reason():
    e = evaluate(indicator(), growth(17, 19), Series.of({2025: 6150}), base_year=2020, final_year=2025)
    assert e.status is Status.CHUA_DU_SO_LIEU
    assert e.reason.endswith("Chưa đủ số liệu")


def test_official_value_replaces_the_estimate_but_both_are_kept():
    s = Series([Observation(2020, 2796), Observation(2025, 6150, E), Observation(2025, 6000)])
    assert s.value(2025) == 6000
    e = evaluate(indicator(), growth(17, 19), s, base_year=2020, final_year=2025)
    assert "ước" not in e.reason


# --- Mid-term: progress and forecast ---------------------------------------------------------


def test_mid_term_growth_behind_pace_is_flagged_at_risk_with_the_rate_still_required():
    s = Series.of({2020: 2796, 2021: 3000, 2022: 3500})
    e = evaluate(indicator(), growth(17, 19), s, base_year=2020, final_year=2025)
    assert e.progress is Progress.OFF_TRACK
    assert e.forecast.at_risk
    observed = 100 * cagr(2796, 3500, 2)
    assert e.forecast.required_rate == pytest.approx(required_rate([observed, observed], 17, 5))
    assert e.forecast.sentence.endswith("có nguy cơ không đạt")


def test_mid_term_growth_ahead_of_pace_is_on_track():
    s = Series.of({2020: 100, 2021: 120, 2022: 142})
    e = evaluate(indicator(), growth(17, 19), s, base_year=2020, final_year=2025)
    assert e.progress is Progress.ON_TRACK
    assert not e.forecast.at_risk
    assert e.reason.endswith("Đạt tiến độ")


def test_mid_term_level_projects_the_end_value_at_the_current_pace():
    ind = indicator("Thu nhập bình quân đầu người", "triệu đồng", Kind.LEVEL)
    t = Target("đạt 85 triệu đồng", Form.LEVEL, Bound.exact(85), "triệu đồng", year=2025)
    s = Series.of({2020: 60, 2023: 66})
    e = evaluate(ind, t, s, base_year=2020, final_year=2025)
    assert e.forecast.projected == pytest.approx(66 * (66 / 60) ** (2 / 3))
    assert e.forecast.at_risk
    assert e.progress is Progress.OFF_TRACK


def test_summary_line_counts_met_indicators():
    evs = [
        evaluate(indicator(), growth(17, 19), term(2796, 6150), base_year=2020, final_year=2025),
        evaluate(indicator("CN-XD"), growth(10, 11), term(696, 944), base_year=2020, final_year=2025),
        evaluate(indicator("Thiếu"), growth(1, 2), Series(), base_year=2020, final_year=2025),
    ]
    s = summarize(evs)
    assert s.line == "1/3 chỉ tiêu đạt và vượt (1 chỉ tiêu chưa đủ số liệu)"
    assert s.not_met == ("CN-XD",)


# --- Counts from their parts, totals from their breakdowns ----------------------------------


def test_an_x_over_y_count_is_recomputed_and_a_wrong_percentage_reported():
    from chitieu.core.evaluate import Agreement, check_share, share_of

    # Seed 000: "Số hộ gia đình văn hóa đạt 98,3% (1495/1520)": 1495/1520 = 98,36 → 98,4; 98,3 cuts
    # the digit instead of rounding it — a warning, not an error (tests/core/test_stated.py).
    assert share_of(1495, 1520).printed == "98,4"
    assert check_share(98.3, 1495, 1520).agreement is Agreement.TRUNCATED
    assert check_share(98.4, 1495, 1520) is None
    wrong = check_share(96.3, 1495, 1520)
    assert wrong.sentence == "Văn bản ghi tỷ lệ là 96,3%, nhưng từ 1.495/1.520 tính được 98,4%"


def test_a_total_is_checked_against_its_breakdown():
    from chitieu.core.evaluate import check_breakdown

    # Phụ lục 1: Công nghiệp 536,0 + Xây dựng 160,0 = 696 (the total as printed) — consistent.
    total = Series.of({2020: 696, 2024: 881, 2025: 944})
    parts = [Series.of({2020: 536.0, 2024: 679.4, 2025: 735}), Series.of({2020: 160.0, 2024: 201.8, 2025: 209})]
    assert check_breakdown(total, parts) == []
    wrong = Series.of({2020: 720})
    assert check_breakdown(wrong, parts, name="GTSX CN-XD") == [
        "GTSX CN-XD năm 2020: tổng ghi 720 nhưng các thành phần cộng lại 696"
    ]


def test_growth_over_the_whole_term_is_not_compounded_per_year():
    t = Target("tăng 50% so với năm 2020", Form.GROWTH, Bound(Op.GE, 50), "%", Horizon.END_OF_TERM, base_year=2020)
    e = evaluate(indicator(), t, term(100, 160), base_year=2020, final_year=2025)
    assert e.figure("growth").value == pytest.approx(60)
    assert e.status is Status.DAT
    assert e.reason == "Năm 2025 tăng 60,00% so với năm 2020, đạt chỉ tiêu từ 50% trở lên: Đạt"
    behind = evaluate(indicator(), t, Series.of({2020: 100, 2023: 110}), base_year=2020, final_year=2025)
    assert behind.progress is Progress.OFF_TRACK and behind.forecast.at_risk


# --- Structure targets through a plan's "Trong đó" parts --------------------------------------


def _structure_plan(children):
    from chitieu.core.plan import Plan, PlanItem

    target = Target(
        "Nông nghiệp, lâm nghiệp và thủy sản chiếm 2,6%, công nghiệp - xây dựng chiếm 29,8%, thương mại dịch vụ chiếm 67,6%",
        Form.STRUCTURE, Bound(Op.QUALITATIVE), "%", year=2030,
        parts=(StructurePart("Nông nghiệp, lâm nghiệp và thủy sản", Bound.exact(2.6)),
               StructurePart("công nghiệp - xây dựng", Bound.exact(29.8)),
               StructurePart("thương mại dịch vụ", Bound.exact(67.6))),
    )
    parts = tuple(PlanItem(indicator(name, "tỷ đồng"), None, Series.of(values)) for name, values in children)
    item = PlanItem(indicator("Cơ cấu kinh tế", "%", Kind.SHARE), target, Series(), children=parts)
    return Plan("X", "Phường Trần Phú", 2025, 2030, (item,)), item


def test_a_structure_target_is_judged_on_the_shares_of_its_sector_values():
    from chitieu.core.evaluate import evaluate_item

    plan, item = _structure_plan([
        ("Nông, lâm nghiệp và thủy sản", {2030: 26}),
        ("Công nghiệp - xây dựng", {2030: 298}),
        ("Thương mại, dịch vụ", {2030: 676}),
    ])
    e = evaluate_item(item, plan)
    assert e.status is Status.DAT
    assert e.reason.startswith("Cơ cấu năm 2030: Nông nghiệp, lâm nghiệp và thủy sản 2,6% (chỉ tiêu 2,6%)")
    assert round(e.figure("share:Thương mại, dịch vụ").value, 1) == 67.6


def test_a_structure_target_off_its_shares_is_not_met():
    from chitieu.core.evaluate import evaluate_item

    plan, item = _structure_plan([
        ("Nông, lâm nghiệp và thủy sản", {2030: 40}),
        ("Công nghiệp - xây dựng", {2030: 300}),
        ("Thương mại, dịch vụ", {2030: 660}),
    ])
    assert evaluate_item(item, plan).status is Status.KHONG_DAT


def test_a_structure_target_without_its_parts_says_what_data_it_needs():
    from chitieu.core.evaluate import evaluate_item

    plan, item = _structure_plan([])
    e = evaluate_item(item, plan)
    assert e.status is Status.CHUA_DU_SO_LIEU
    assert e.reason == "Chỉ tiêu cơ cấu cần số liệu của từng thành phần (các chỉ tiêu “Trong đó”): Chưa đủ số liệu"


def test_values_up_to_the_base_year_are_not_results_of_the_term():
    # A 2026-2030 plan with only the 2024-2025 history of the merged ward: nothing to judge yet.
    ind = indicator("Tổng thu ngân sách", "tỷ đồng")
    t = Target("đến năm 2030 đạt 700 tỷ đồng", Form.LEVEL, Bound.exact(700), "tỷ đồng", year=2030)
    e = evaluate(ind, t, Series.of({2024: 300, 2025: 320}), base_year=2025, final_year=2030)
    assert e.status is Status.CHUA_DU_SO_LIEU
    assert e.reason == "Chưa có số liệu của kỳ kế hoạch 2026-2030: Chưa đủ số liệu"


def test_a_level_fallen_to_nothing_part_way_through_a_growth_term_is_off_track_not_a_crash():
    """100 → 40 → 0 against "tăng 10-12%/năm" for 2020-2025: no rate grows 0 back, so no rate is
    "required"; the progress is Chưa đạt tiến độ and the forecast says why (was ZeroDivisionError)."""
    from chitieu.core.evaluate import evaluate
    from chitieu.core.verdict import Progress

    assert required_rate([-60, -100], 10, 5) is None
    e = evaluate(indicator(), growth(10, 12), Series.of({2020: 100, 2021: 40, 2022: 0}), base_year=2020,
                 final_year=2025, as_of=2022)
    assert e.progress is Progress.OFF_TRACK
    assert e.forecast.required_rate is None and e.forecast.at_risk
    assert "mức năm 2022 bằng 0" in e.forecast.sentence and "có nguy cơ không đạt" in e.forecast.sentence
    assert "required_rate" not in [f.key for f in e.figures]
