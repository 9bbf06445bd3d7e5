"""Verdicts that respect time (issue 11, item 3): before the target year only progress, the final
verdict from the target year's value, one state for every view, and Vượt by one rule."""

from chitieu.core.evaluate import Progress, Status, evaluate, evaluate_plan, summarize
from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import Series
from chitieu.core.target_parser import parse
from chitieu.reports.data import build_report_data


def ind(name, unit, kind=Kind.LEVEL, code="X"):
    return Indicator(code, name, unit, kind, Direction.HIGHER_IS_BETTER, Domain.KINH_TE, Aggregation.NONE)


INCOME = ind("Thu nhập bình quân đầu người", "triệu đồng", code="KT04")
INCOME_TARGET = parse("Đến năm 2025 thu nhập bình quân đầu người đạt 85 triệu đồng")


def test_kt04_before_2025_is_progress_with_the_projection_not_a_verdict():
    # 78,5 triệu in 2024 against 85 triệu for 2025: the badge once said "Không đạt" and the text "Đạt tiến độ".
    e = evaluate(INCOME, INCOME_TARGET, Series.of({2020: 55, 2024: 78.5}), base_year=2020, final_year=2025)
    assert not e.final
    assert e.progress is Progress.ON_TRACK
    assert (e.state, e.label, e.met) == ("dat_tien_do", "Đạt tiến độ", True)
    assert e.reason_parts.verdict == "Đạt tiến độ"  # the sentence ends with the same state as the badge
    assert e.forecast.sentence.endswith("dự kiến đạt")
    assert e.figure("projected").printed == "85,8"


def test_kt04_judged_finally_only_on_the_2025_value():
    e = evaluate(INCOME, INCOME_TARGET, Series.of({2020: 60, 2024: 78.5, 2025: 84}), base_year=2020,
                 final_year=2025)
    assert e.final and (e.status, e.label) == (Status.KHONG_DAT, "Không đạt")
    e = evaluate(INCOME, INCOME_TARGET, Series.of({2020: 60, 2025: 85}), base_year=2020, final_year=2025)
    assert e.final and e.label == "Đạt"


def test_a_level_behind_its_pace_is_off_track_and_never_khong_dat_before_the_target_year():
    e = evaluate(INCOME, INCOME_TARGET, Series.of({2020: 60, 2022: 61}), base_year=2020, final_year=2025)
    assert (e.label, e.met) == ("Chưa đạt tiến độ", False)
    assert e.forecast.at_risk


def test_a_level_without_a_base_value_still_says_progress_only():
    e = evaluate(INCOME, INCOME_TARGET, Series.of({2023: 86}), base_year=2020, final_year=2025)
    assert e.label == "Đạt tiến độ"


def test_each_year_target_exceeded_is_vuot_as_a_range_is_everywhere():
    jobs = ind("Số lao động được giải quyết việc làm", "lao động", Kind.COUNT)
    t = parse("Hằng năm giải quyết việc làm 80-100 lao động")
    e = evaluate(jobs, t, Series.of({2025: 158}), base_year=2024, final_year=2025)
    assert (e.status, e.label) == (Status.VUOT, "Vượt")
    assert e.reason == "Năm 2025 đạt 158 lao động, vượt chỉ tiêu 80-100 lao động hằng năm: Vượt"
    # over a term: Vượt only when every year is above the upper bound; one year within is Đạt
    all_above = evaluate(jobs, t, Series.of({2021: 120, 2022: 158, 2023: 101}), base_year=2020, final_year=2023)
    assert all_above.label == "Vượt"
    assert all_above.reason.startswith("3/3 năm đạt")
    one_within = evaluate(jobs, t, Series.of({2021: 120, 2022: 90, 2023: 101}), base_year=2020, final_year=2023)
    assert one_within.label == "Đạt"
    one_below = evaluate(jobs, t, Series.of({2021: 120, 2022: 70, 2023: 101}), base_year=2020, final_year=2023)
    assert one_below.label == "Không đạt"
    assert one_below.reason.startswith("2/3 năm đạt; các năm 2022 không đạt")


def test_change_over_the_term_part_way_is_progress():
    rate = ind("Tỷ lệ hộ nghèo", "%", Kind.RATE)
    t = parse("Giảm tỷ lệ hộ nghèo 2% so với năm 2020")
    e = evaluate(rate, t, Series.of({2020: 5.0, 2022: 4.0}), base_year=2020, final_year=2025)
    assert not e.final
    assert e.label in ("Đạt tiến độ", "Chưa đạt tiến độ")


def _structure_plan(values_by_year, base_year=2025, final_year=2030):
    parts = tuple(
        PlanItem(ind(name, "tỷ đồng", Kind.FLOW, code=code), None, Series.of(values))
        for code, name, values in (
            ("S1", "Dịch vụ", {y: v[0] for y, v in values_by_year.items()}),
            ("S2", "Công nghiệp", {y: v[1] for y, v in values_by_year.items()}),
            ("S3", "Nông nghiệp", {y: v[2] for y, v in values_by_year.items()}),
        )
    )
    target = parse("Đến năm 2030: dịch vụ 60-65%; công nghiệp 25-30%; nông nghiệp 5-10%")
    item = PlanItem(ind("Cơ cấu kinh tế", "%", Kind.SHARE, code="CC"), target, Series(), children=parts)
    return Plan("P2", "Phường 2", base_year, final_year, (item,))


def test_a_2026_2030_structure_is_not_judged_on_the_2025_base_year_alone():
    plan = _structure_plan({2025: (50, 30, 20)})
    (e,) = evaluate_plan(plan)
    assert e.status is Status.CHUA_DU_SO_LIEU
    assert "Không đạt" not in e.reason


def test_a_structure_part_way_through_its_term_is_progress_and_final_in_2030():
    (mid,) = evaluate_plan(_structure_plan({2025: (50, 30, 20), 2027: (62, 28, 10)}))
    assert (mid.label, mid.final) == ("Đạt tiến độ", False)
    (end,) = evaluate_plan(_structure_plan({2025: (50, 30, 20), 2030: (55, 30, 15)}))
    assert (end.label, end.final) == ("Không đạt", True)


def test_summary_and_report_count_what_is_shown():
    behind = evaluate(INCOME, INCOME_TARGET, Series.of({2020: 60, 2022: 61}), base_year=2020, final_year=2025)
    ahead = evaluate(INCOME, INCOME_TARGET, Series.of({2020: 55, 2024: 78.5}), base_year=2020, final_year=2025)
    s = summarize([behind, ahead])
    assert (s.met, s.total) == (1, 2)
    assert s.not_met == ("Thu nhập bình quân đầu người",)
    plan = Plan("P2", "Phường 2", 2020, 2025, (PlanItem(INCOME, INCOME_TARGET, Series.of({2020: 55, 2024: 78.5})),),
                source="Nghị quyết Đại hội")
    data = build_report_data(plan)
    (row,) = [r for r in data.appendix.rows if r.code == "KT04"]
    assert row.verdict == "Đạt tiến độ"
    text = " ".join(s for sec in data.sections for s in sec.sentences)
    assert "đạt tiến độ thực hiện chỉ tiêu Nghị quyết" in text
    assert "không đạt chỉ tiêu" not in text


# --- yes/no standards with their deadline (issue 11, item 1) ------------------------------------

HEALTH = Indicator("XH14", "Phường đạt chuẩn quốc gia về y tế", None, Kind.BOOLEAN, Direction.KEEP, Domain.VAN_HOA_XA_HOI,
                   Aggregation.NONE)
BY_2022 = parse("Đạt chuẩn quốc gia về y tế trước năm 2023")
KEEP = parse("Duy trì chuẩn phổ cập giáo dục")


def test_reached_after_the_deadline_is_khong_dat_even_though_reached():
    e = evaluate(HEALTH, BY_2022, Series.of({2021: 0, 2022: 0, 2024: 1}), base_year=2020, final_year=2025)
    assert (e.status, e.label, e.final) == (Status.KHONG_DAT, "Không đạt", True)
    assert e.clause == "Năm 2024 mới đạt, sau thời hạn năm 2022 của “Đạt chuẩn quốc gia về y tế trước năm 2023”"


def test_reached_by_the_deadline_is_dat_and_before_it_only_progress():
    e = evaluate(HEALTH, BY_2022, Series.of({2021: 0, 2022: 1}), base_year=2020, final_year=2025)
    assert (e.label, e.final) == ("Đạt", True)
    early = evaluate(HEALTH, BY_2022, Series.of({2021: 0}), base_year=2020, final_year=2025)
    assert (early.label, early.final) == ("Chưa đạt tiến độ", False)


def test_keeping_a_standard_needs_every_year_and_is_final_only_in_the_last_year():
    assert evaluate(HEALTH, KEEP, Series.of({y: 1 for y in range(2021, 2026)}), base_year=2020,
                    final_year=2025).label == "Đạt"
    lost = evaluate(HEALTH, KEEP, Series.of({2021: 1, 2022: 0, 2023: 1, 2024: 1, 2025: 1}), base_year=2020,
                    final_year=2025)
    assert lost.label == "Không đạt" and "2022" in lost.clause
    assert evaluate(HEALTH, KEEP, Series.of({2021: 1, 2022: 1}), base_year=2020, final_year=2025).label == "Đạt tiến độ"


def test_a_qualitative_target_on_an_amount_is_never_passed_without_the_assigned_figure():
    budget = ind("Thu ngân sách", "triệu đồng", Kind.FLOW)
    t = parse("Đạt và vượt chỉ tiêu giao")
    e = evaluate(budget, t, Series.of({2020: 50, 2025: 0.001}), base_year=2020, final_year=2025)
    assert e.status is Status.CHUA_DU_SO_LIEU and "chỉ tiêu giao" in e.clause


# --- one walk (issue 11, item 7): a "Trong đó" part with its own target everywhere -----------------

def _plan_with_a_part():
    total = ind("Giá trị sản xuất", "tỷ đồng", Kind.FLOW, code="GT")
    part = Indicator("GT.1", "Công nghiệp - xây dựng", "tỷ đồng", Kind.FLOW, Direction.HIGHER_IS_BETTER,
                     Domain.KINH_TE, Aggregation.NONE, parent="GT")
    child = PlanItem(part, parse("tăng 10-11%/năm"), Series.of({2020: 696, 2025: 945}))
    item = PlanItem(total, parse("tăng 17-19%/năm"), Series.of({2020: 2796, 2025: 6150}), children=(child,))
    return Plan("P2", "Phường 2", 2020, 2025, (item,), source="Nghị quyết Đại hội")


def test_a_part_with_its_own_target_is_judged_in_the_walk_the_cli_and_the_report():
    from chitieu.commands.evaluate import evaluation_as_dict

    plan = _plan_with_a_part()
    walked = evaluate_plan(plan, parts=True)
    assert [e.indicator.code for e in walked] == ["GT", "GT.1"]
    assert [e.indicator.code for e in evaluate_plan(plan)] == ["GT"]  # the summary counts key indicators
    part = walked[1]
    assert part.label == "Không đạt"
    as_json = evaluation_as_dict(part)
    assert (as_json["status_label"], as_json["part_of"]) == ("Không đạt", "GT")
    data = build_report_data(plan)
    row = next(r for r in data.appendix.rows if r.code == "GT.1")
    assert row.verdict == part.label
    assert (data.met, data.evaluated) == (1, 1)
