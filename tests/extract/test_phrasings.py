"""Wordings the seeds do not use, read from grammar: target before result, % of plan, changes, bases."""

from __future__ import annotations

from chitieu.extract import extract
from chitieu.extract.document import Document


def read(sentence: str):
    return extract(Document("t.txt", "text", ("1. Kết quả thực hiện", sentence)))


def test_a_target_stated_before_the_result_is_its_compared_target():
    (s,) = read("Tỷ lệ hộ dùng nước sạch: chỉ tiêu Nghị quyết 95%, thực hiện đạt 97%.")
    assert (s.low, s.unit, s.compared_target) == (97, "%", {"op": "=", "low": 95, "high": 95})


def test_a_plan_given_before_an_estimate_is_its_compared_target():
    first, second = read("Kế hoạch năm 2025 giao 50 tỷ đồng, ước thực hiện 52 tỷ đồng, đạt 104% kế hoạch.")
    assert (first.kind, first.low, first.year, first.compared_target) == (
        "result",
        52,
        2025,
        {"op": "=", "low": 50, "high": 50},
    )
    assert (second.low, second.unit) == (104, "%")


def test_percent_of_plan_and_growth_are_named_after_the_figure_they_measure():
    value, of_plan, growth = read(
        "Tổng giá trị sản xuất ước đạt 1.234 tỷ đồng, đạt 102% kế hoạch, tăng 8,5% so với cùng kỳ."
    )
    assert (value.low, value.unit, value.indicator) == (1234, "tỷ đồng", "Tổng giá trị sản xuất")
    assert of_plan.indicator == "Tổng giá trị sản xuất so với kế hoạch"
    assert (growth.low, growth.indicator) == (8.5, "Tổng giá trị sản xuất (tăng so với cùng kỳ)")


def test_beating_the_plan_by_a_margin_marks_both_figures():
    value, ratio, margin = read("Thu ngân sách đạt 45,6 tỷ đồng, bằng 115% dự toán, vượt 15% kế hoạch.")
    assert (value.stated_status, ratio.stated_status, margin.stated_status) == ("vuot", None, "vuot")


def test_a_target_in_parentheses_with_an_abbreviation_and_a_verdict_after_it():
    (s,) = read("Tỷ lệ hộ nghèo giảm còn 1,2% (KH: dưới 1,5%), vượt kế hoạch.")
    assert (s.op, s.low, s.compared_target, s.stated_status) == (
        "=",
        1.2,
        {"op": "<", "low": None, "high": 1.5},
        "vuot",
    )


def test_the_base_year_of_a_comparison_is_not_the_value_s_year():
    value, growth = read("Năm 2024, thu ngân sách đạt 50 tỷ đồng, tăng 10% so với năm 2023.")
    assert (value.year, growth.year) == (2024, 2024)
    (multiple,) = read("So với năm 2020, thu nhập tăng 1,5 lần.")
    assert (multiple.low, multiple.unit, multiple.year) == (1.5, "lần", None)


def test_more_than_and_at_most_in_words():
    over, at_most = read("Có hơn 200 hộ được hỗ trợ; tỷ lệ thất nghiệp tối đa 3%.")
    assert (over.op, over.low, over.high, over.unit) == (">", 200, None, "hộ")
    assert (at_most.op, at_most.low, at_most.high) == ("<=", None, 3)


def test_the_year_a_section_heading_names_is_the_year_of_its_figures():
    lines = (
        "I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2024",
        "Tổng thu ngân sách ước thực hiện 12 tỷ 345 triệu đồng, đạt 112,4% dự toán huyện giao.",
        "II. KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2025",
        "- Tỷ lệ lao động qua đào tạo đạt tối thiểu 72%.",
    )
    revenue, share, training = extract(Document("t.txt", "text", lines))
    assert (revenue.kind, revenue.low, revenue.unit, revenue.year) == ("result", 12.345, "tỷ đồng", 2024)
    assert (share.indicator, share.year) == ("Tổng thu ngân sách so với dự toán huyện giao", 2024)
    assert (training.kind, training.op, training.low, training.year) == ("target", ">=", 72, 2025)


def test_a_plan_section_that_recalls_an_estimate_reports_it_as_a_result():
    lines = (
        "II. KẾ HOẠCH NĂM 2025",
        "Năm 2024 thu ngân sách ước đạt 12 tỷ đồng; năm 2025 phấn đấu đạt được 13 tỷ đồng trở lên.",
        "- Tỷ lệ hộ nghèo dưới 2%.",
    )
    got = [(s.kind, s.op, s.low, s.high, s.year) for s in extract(Document("t.txt", "text", lines))]
    assert got == [
        ("result", "=", 12, 12, 2024),
        ("target", ">=", 13, None, 2025),
        ("target", "<", None, 2, 2025),
    ]


def test_a_plan_figure_with_no_result_beside_it_is_a_target():
    (plan,) = read("Kế hoạch năm 2025 giao 50 tỷ đồng.")
    assert (plan.kind, plan.low, plan.unit, plan.year) == ("target", 50, "tỷ đồng", 2025)
    (quoted,) = read("Tỷ lệ hộ nghèo (chỉ tiêu dưới 2%) được quan tâm.")
    assert (quoted.kind, quoted.op, quoted.high, quoted.indicator) == ("target", "<", 2, "Tỷ lệ hộ nghèo")


def test_counts_over_totals_month_dates_and_currency_codes():
    (villages,) = read("Có 15/15 thôn đạt chuẩn nông thôn mới.")
    assert (villages.low, villages.unit, villages.indicator) == (
        15,
        "thôn",
        "Số thôn đạt chuẩn nông thôn mới",
    )
    poor, share = read("Đến tháng 6/2024, toàn huyện có 1.234 hộ nghèo (chiếm 3,5%).")
    assert (poor.low, poor.unit, poor.year, share.low, share.unit) == (1234, "hộ", 2024, 3.5, "%")
    (grdp,) = read("GRDP bình quân đầu người đạt 3.250 USD.")
    assert (grdp.low, grdp.unit) == (3250, "USD")


def test_a_verdict_and_a_target_after_the_result_in_one_clause():
    (growth,) = read("Tốc độ tăng trưởng kinh tế (GRDP) năm 2024 ước đạt 7,2%, không đạt kế hoạch (8%).")
    assert (growth.low, growth.year, growth.compared_target, growth.stated_status) == (
        7.2,
        2024,
        {"op": "=", "low": 8, "high": 8},
        "khong_dat",
    )


def test_children_in_class_is_a_rate_and_doctors_per_ten_thousand_take_their_unit_from_the_name():
    enrolled = read("Tỷ lệ huy động trẻ 3-5 tuổi ra lớp 99,2%, trẻ 5 tuổi ra lớp 100%.")
    assert [(s.low, s.unit) for s in enrolled] == [(99.2, "%"), (100, "%")]
    assert [s.low for s in read("Tỷ lệ học sinh lớp 9 tốt nghiệp đạt 98,5%.")] == [98.5]  # "lớp 9": a grade
    doctors = read("Tỷ lệ bác sĩ/vạn dân đạt 9,5; số giường bệnh/vạn dân 28,6.")
    assert [(s.low, s.unit) for s in doctors] == [(9.5, "bác sĩ/vạn dân"), (28.6, "giường bệnh/vạn dân")]
