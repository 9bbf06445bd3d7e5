"""Shapes found missing by the blind texts of eval/synthetic-7 (first score F1 0,935), each
written here in other words: a one-cell-a-line table whose plan label runs over two lines, a
budget plan's heading, a project named in parentheses beside an indicator's figure, the estimate a
plan is compared with, and the facts of a new unit, of awards and of elections (no statements)."""

from __future__ import annotations

import pytest
from reading import plan_of, read_lines

HEADER = ["TT", "Chỉ tiêu", "ĐVT"]


@pytest.mark.parametrize(
    ("plan_label", "result_label", "period"),
    [
        (["Nghị quyết", "ĐH XVII"], ["Ước TH", "2021-2025"], "2021-2025"),
        (["Chỉ tiêu", "Đại hội lần thứ XX"], ["Thực hiện", "2020 - 2025"], "2020-2025"),
        (["Kế hoạch", "tỉnh giao"], ["Ước TH", "2021 - 2025"], "2021-2025"),
    ],
)
def test_a_cell_line_table_whose_labels_run_over_two_lines(plan_label, result_label, period):
    lines = [
        *HEADER, *plan_label, *result_label, "Đánh giá",
        "1", "Tốc độ tăng giá trị sản xuất bình quân", "%/năm", "8 - 9", "7,4", "Không đạt",
        "2", "Thu ngân sách trên địa bàn năm 2025", "tỷ đồng", "320", "341,5", "Vượt",
        "3", "Tỷ lệ hộ nghèo", "%", "< 2", "1,6", "Đạt",
    ]  # fmt: skip
    got = {s.indicator: s for s in read_lines(*lines)}
    growth = got["Tốc độ tăng giá trị sản xuất bình quân"]
    assert (growth.kind, growth.low, growth.unit, growth.per_year, growth.period) == (
        "result",
        7.4,
        "%",
        True,
        period,
    )
    assert (plan_of(growth), growth.stated_status) == (8, "khong_dat")
    budget = got["Thu ngân sách trên địa bàn năm 2025"]
    assert (budget.low, budget.year, plan_of(budget), budget.stated_status) == (341.5, 2025, 320, "vuot")
    assert got["Tỷ lệ hộ nghèo"].compared_target["high"] == 2
    assert len(got) == 3  # the plans are no statements of their own


@pytest.mark.parametrize(
    "heading",
    ["B. DỰ TOÁN NGÂN SÁCH NĂM 2026", "II. Dự toán thu, chi ngân sách năm 2026", "3. DỰ TOÁN NĂM 2026"],
)
def test_under_a_heading_of_the_budget_planned_figures_are_targets(heading):
    got = read_lines(
        "I. KẾT QUẢ THỰC HIỆN NĂM 2025",
        "Tổng thu ngân sách trên địa bàn ước đạt 212.400 triệu đồng.",
        heading,
        "Tổng thu ngân sách trên địa bàn: 230.000 triệu đồng; chi đầu tư phát triển 61.500 triệu đồng.",
    )
    assert [(s.kind, s.low) for s in got] == [("result", 212400), ("target", 230000), ("target", 61500)]


@pytest.mark.parametrize(
    "line",
    [
        "Chi đầu tư phát triển: 84.300 triệu đồng, đạt 104,2% dự toán (trong đó dự án Trường THCS Tân Lập: 12.700 triệu đồng).",
        "Thu tiền thuê đất 15.200 triệu đồng, đạt 96% dự toán (riêng dự án Khu công nghiệp Bắc Sơn nộp 6.100 triệu đồng).",
        "Vốn đầu tư công giải ngân 230 tỷ đồng, đạt 88% kế hoạch (dự án đường ven sông giải ngân 45 tỷ đồng).",
    ],
)
def test_a_project_named_in_parentheses_takes_only_its_own_figures(line):
    got = read_lines("Kết quả thực hiện năm 2025:", line)
    figures = [s.low for s in got]
    assert len(figures) == 2 and 12700 not in figures and 6100 not in figures and 45 not in figures


@pytest.mark.parametrize(
    "line",
    [
        "1. Tổng thu ngân sách: 540.000 triệu đồng, bằng 95,1% ước thực hiện năm 2025; trong đó thu nội địa 410.000 triệu đồng.",
        "Tổng chi ngân sách địa phương 620 tỷ đồng, bằng 102% ước thực hiện 2025; trong đó chi thường xuyên 410 tỷ đồng.",
        "Thu tiền sử dụng đất 90 tỷ đồng, tăng 8% so với ước thực hiện năm 2025; trong đó thu từ đấu giá 60 tỷ đồng.",
    ],
)
def test_the_estimate_a_plan_is_compared_with_does_not_make_the_next_clause_a_result(line):
    got = read_lines("KẾ HOẠCH NĂM 2026", line)
    assert len(got) >= 2 and all(s.kind == "target" for s in got), [(s.kind, s.low) for s in got]


@pytest.mark.parametrize(
    "line",
    [
        "Tại hội nghị, 8 tập thể và 21 cá nhân được Chủ tịch UBND xã tặng Giấy khen.",
        "Có 5 tập thể, 14 cá nhân đã được UBND tỉnh tặng Bằng khen vì thành tích xuất sắc.",
        "Dịp này, 3 tập thể và 9 cá nhân được Ban Thường vụ Huyện ủy khen thưởng.",
    ],
)
def test_people_awarded_are_no_statements(line):
    assert read_lines("Kết quả năm 2025:", "Thu nhập bình quân đạt 61 triệu đồng/người.", line)[1:] == []


@pytest.mark.parametrize(
    "line",
    [
        "Xã Tân Phú được thành lập trên cơ sở sắp xếp 3 xã Tân Phú, Tân Hòa và Phú Lợi, có diện tích tự nhiên 142,6 km2, dân số 31.250 người.",
        "Phường Bình Minh được thành lập từ việc nhập phường 1 và xã Bình Lợi, diện tích 36,8 km2, dân số hơn 48.000 người.",
        "Xã mới hình thành trên cơ sở hợp nhất 2 xã, quy mô dân số 19.700 người, đồng bào dân tộc thiểu số chiếm 41,3%.",
    ],
)
def test_what_a_new_unit_is_when_founded_is_no_statement(line):
    got = read_lines(
        "Kết quả nhiệm kỳ 2020 - 2025:", line, "Thu nhập bình quân đầu người năm 2025 đạt 52 triệu đồng."
    )
    assert [s.low for s in got] == [52]


def test_a_founding_in_parentheses_takes_only_what_they_hold():
    got = read_lines(
        "Năm 2025, xã Hòa Bình (thành lập trên cơ sở sáp nhập 2 xã cũ) huy động 64 tỷ đồng đầu tư hạ tầng nông thôn."
    )
    assert [s.low for s in got] == [64]


@pytest.mark.parametrize(
    "line",
    [
        "Đại hội đã bầu Ban Chấp hành Đảng bộ xã khóa I gồm 27 đồng chí.",
        "Hội nghị đã bầu Ban Thường vụ gồm 9 đồng chí.",
        "Đại hội bầu Đoàn đại biểu đi dự Đại hội cấp trên gồm 12 đồng chí.",
    ],
)
def test_the_members_elected_are_no_statements(line):
    got = read_lines("Kết quả nhiệm kỳ 2020 - 2025:", "Tỷ lệ hộ nghèo còn 1,2%.", line)
    assert [s.low for s in got] == [1.2]


@pytest.mark.parametrize(
    ("before", "now", "year"),
    [
        ("Cùng kỳ 2024", "6 tháng 2025", 2025),
        ("Quý III/2024", "Quý III/2025", 2025),
        ("9 tháng năm 2023", "9 tháng năm 2024", 2024),
    ],
)
def test_a_table_whose_columns_are_parts_of_years_gives_results(before, now, year):
    got = read_lines(
        f"STT | Chỉ tiêu | ĐVT | {before} | {now} | So sánh cùng kỳ (%)",
        "1 | Thu ngân sách trên địa bàn | triệu đồng | 16.215 | 18.642 | 115,0",
        "2 | Hộ kinh doanh cấp mới | hộ | 64 | 78 | 121,9",
    )
    rows = [(s.kind, s.low, s.year) for s in got if s.indicator == "Hộ kinh doanh cấp mới"]
    assert rows == [("result", 64, year - 1), ("result", 78, year)]
    ratio = next(s for s in got if s.low == 121.9)
    assert (ratio.kind, ratio.unit, ratio.year) == ("result", "%", year)  # the comparison, not a third period
