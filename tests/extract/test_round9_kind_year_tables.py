"""Kind, year and one-cell-a-line tables (found by the blind texts of eval/synthetic-9, first score
F1 0,936): a heading of next year's indicators in a report is a heading of targets; a plan quoted in
brackets announces no list; a label of targets keeps its floors ("đạt tối thiểu 80%"); a report on a
term's first year reports that year, not the term's end; and a one-cell-a-line table whose columns
name no year takes its title's, its empty note column keeps the cells in their columns."""

from __future__ import annotations

import pytest
from reading import plan_of, read_lines

from chitieu.extract.celllines import cell_line_tables

DATE = "**UBND xã Phú Lương** · Số 188/BC-UBND · ngày 02/12/2025"
TITLE = "# Báo cáo tình hình kinh tế - xã hội năm 2025, phương hướng nhiệm vụ năm 2026"
RESULTS = ["## 1. Sản xuất nông, lâm nghiệp", "- Tổng sản lượng lương thực ước đạt 19.684 tấn, bằng 101,2% kế hoạch."]
FIGURES = "Sản lượng lương thực 19.700 tấn; trồng mới, trồng lại chè 70 ha; tổng thu ngân sách trên địa bàn 75 tỷ đồng."


def _kinds(got, line):
    return [s.kind for s in got if s.line == line]


@pytest.mark.parametrize(
    "heading",
    [
        "## 4. Chỉ tiêu năm 2026",
        "4. Chỉ tiêu năm 2026",
        "IV. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026",
        "### 4. Các chỉ tiêu năm 2026",
        "4. Chỉ tiêu chủ yếu năm 2026",
        "## 4. Mục tiêu, chỉ tiêu năm 2026",
        "4. Nhiệm vụ, chỉ tiêu năm 2026",
    ],
)
def test_a_heading_of_next_years_indicators_in_a_report_is_one_of_targets(heading):
    got = read_lines(TITLE, DATE, "", *RESULTS, heading, FIGURES)
    assert _kinds(got, 5) == ["result", "result"]
    assert _kinds(got, 7) == ["target"] * 3
    assert {s.year for s in got if s.line == 7} == {2026}


@pytest.mark.parametrize(
    "heading",
    [
        "## 4. Chỉ tiêu năm 2025",  # the year reported on: the indicators the results are about
        "4. Các chỉ tiêu chủ yếu",
        "4. Chỉ tiêu năm 2024",
    ],
)
def test_a_heading_of_this_years_or_no_years_indicators_stays_results(heading):
    got = read_lines(TITLE, DATE, "", *RESULTS, heading, FIGURES)
    assert _kinds(got, 7) == ["result"] * 3


def test_a_next_years_heading_under_a_section_of_that_year_stays_as_it_was():
    got = read_lines(
        "BÁO CÁO TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2026", "ngày 15/6/2026", "I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2026",
        "1. Chỉ tiêu năm 2026", FIGURES,
    )  # fmt: skip
    assert _kinds(got, 5) == ["result"] * 3


MOTCUA = [
    "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH",
    "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính năm 2025 (từ ngày 16/12/2024 đến ngày 15/12/2025)",
]


@pytest.mark.parametrize(
    "quoted",
    ["(chỉ tiêu Chính phủ: 100%)", "(chỉ tiêu chủ yếu: 100%)", "(mục tiêu chính: 100%)", "(chỉ tiêu chính: 100%)"],
)
def test_a_plan_quoted_in_brackets_announces_no_list(quoted):
    got = read_lines(
        *MOTCUA,
        f"3. Số hóa hồ sơ đạt 93,4% {quoted}, chưa đạt; tỷ lệ thanh toán trực tuyến 62,7%/50% kế hoạch, vượt chỉ tiêu.",
        "4. Mức độ hài lòng của người dân, doanh nghiệp đạt 96,15%; Bộ chỉ số phục vụ đạt 86,72/100 điểm.",
    )
    assert [(s.kind, s.low, plan_of(s)) for s in got] == [
        ("result", 93.4, 100),
        ("result", 62.7, 50),
        ("result", 96.15, None),
        ("result", 86.72, None),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Các chỉ tiêu chủ yếu: tỷ lệ hồ sơ trực tuyến 70%; tỷ lệ giải quyết đúng hạn 98%.",
        "Đại hội đề ra các chỉ tiêu chính: tỷ lệ hồ sơ trực tuyến 70%; tỷ lệ giải quyết đúng hạn 98%.",
    ],
)
def test_a_list_announced_outside_brackets_still_gives_targets(line):
    got = read_lines(line)
    assert [s.kind for s in got] == ["target", "target"]


@pytest.mark.parametrize(
    "floor",
    ["đạt tối thiểu 80%", "đạt ít nhất 80%", "đạt trên 80%", "đạt không thấp hơn 80%"],
)
def test_a_floor_reached_under_a_label_of_targets_is_a_target(floor):
    got = read_lines(
        *MOTCUA,
        "4. Mức độ hài lòng của người dân đạt 96,15%.",
        f"5. Chỉ tiêu năm 2026: 100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình; "
        f"tỷ lệ hồ sơ trực tuyến toàn trình {floor}; tỷ lệ giải quyết đúng hạn từ 99% trở lên.",
    )
    assert [(s.kind, s.low) for s in got if s.line == 4] == [("target", 100), ("target", 80), ("target", 99)]


def test_a_result_reached_under_a_label_stays_a_result():
    got = read_lines("Chỉ tiêu xã hội: tỷ lệ hộ nghèo giảm 1,2%; tỷ lệ lao động qua đào tạo đạt 72%.")
    assert [s.kind for s in got][-1] == "result"


TERM_TITLES = [
    "BÁO CÁO kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025 - 2030, năm thứ nhất "
    "(năm 2025) và nhiệm vụ trọng tâm năm 2026",
    "BÁO CÁO kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030 năm 2025",
    "Báo cáo đánh giá kết quả sau 1 năm thực hiện Nghị quyết Đại hội nhiệm kỳ 2025-2030 (năm 2025), phương hướng năm 2026",
    "BÁO CÁO TÌNH HÌNH THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025, NĂM 2023",
]


@pytest.mark.parametrize("title", TERM_TITLES)
def test_a_report_on_a_year_of_a_term_reports_that_year(title):
    year = 2023 if "2020" in title else 2025
    got = read_lines(
        "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG",
        title,
        "Về nông nghiệp: tổng diện tích gieo trồng 5.286 ha; sản lượng lương thực 13.420 tấn, tăng 3,1% so với cùng kỳ.",
        "Tỷ lệ che phủ rừng đạt 58,2%, đạt chỉ tiêu Nghị quyết.",
    )
    assert {(s.kind, s.year, s.period) for s in got} == {("result", year, None)}


def test_a_report_on_the_whole_term_keeps_the_term():
    got = read_lines(
        "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG",
        "BÁO CÁO kết quả thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025",
        "Tỷ lệ che phủ rừng đạt 58,2%, đạt chỉ tiêu Nghị quyết.",
    )
    assert [(s.year, s.period) for s in got] != [(2023, None)]
    assert all(s.year in (None, 2025) for s in got)


def _table(title, *header, rows, above=("UBND XÃ ĐÔNG HƯNG",)):
    return [*above, title, "STT", "Chỉ tiêu", "ĐVT", *header, *[c for row in rows for c in row]]


ROWS = [
    ("1", "Giá trị sản xuất nông nghiệp, thủy sản", "tỷ đồng", "612", "628,3", "102,7"),
    ("2", "Năng suất lúa bình quân", "tạ/ha", "68", "66,2", "97,4", "Không đạt"),
    ("3", "Thu ngân sách xã", "triệu đồng", "35.420", "41.886", "118,3", "Vượt"),
]
HEADER = ("Kế hoạch", "Thực hiện", "Tỷ lệ % so KH", "Ghi chú")


@pytest.mark.parametrize(
    ("title", "year"),
    [
        ("Biểu 02. KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2025", 2025),
        ("Phụ lục 1: Kết quả thực hiện các chỉ tiêu năm 2024", 2024),
        ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025", 2025),
        ("Bảng số 3 - Một số chỉ tiêu chủ yếu năm 2023", 2023),
    ],
)
def test_a_cell_line_table_of_no_year_takes_its_titles(title, year):
    got, _ = cell_line_tables(_table(title, *HEADER, rows=ROWS))
    assert {s.year for s in got} == {year}


def test_a_cell_line_table_of_no_year_under_no_title_takes_the_documents_date():
    lines = _table("(Số liệu tổng hợp của xã)", *HEADER, rows=ROWS, above=("UBND XÃ ĐÔNG HƯNG", "ngày 10/12/2025"))
    got, _ = cell_line_tables(lines)
    assert {s.year for s in got} == {2025}


def test_a_row_leaving_its_note_empty_keeps_its_cells_in_their_columns():
    got, _ = cell_line_tables(_table("Biểu 02. KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2025", *HEADER, rows=ROWS))
    row = [(s.kind, s.low, s.unit, s.target, s.status) for s in got if s.name.startswith("Giá trị")]
    assert row == [("result", 628.3, "tỷ đồng", ("=", 612, 612), None), ("result", 102.7, "%", None, None)]
    # a row with its note filled in reads as before
    rice = [(s.low, s.unit, s.status) for s in got if s.name.startswith("Năng suất")]
    assert rice == [(66.2, "tạ/ha", "khong_dat"), (97.4, "%", None)]


def test_a_row_missing_a_value_and_not_its_note_is_not_realigned():
    rows = [ROWS[1], ("2", "Sản lượng thóc", "tấn", "24.800", "24.152", "Không đạt"), ROWS[2]]
    got, _ = cell_line_tables(_table("Biểu 02. KẾT QUẢ NĂM 2025", *HEADER, rows=rows))
    paddy = [(s.low, s.unit) for s in got if s.name.startswith("Sản lượng")]
    assert (24152, "%") not in paddy  # (the verdict stands in the note column: a value is missing, not the note)


@pytest.mark.parametrize(
    "title",
    [
        "Đánh giá kết quả sau 1 năm thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030",
        "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2025 - 2030",
        "KẾT QUẢ NĂM THỨ HAI THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2025-2030",
    ],
)
def test_a_report_on_a_terms_progress_naming_no_year_reports_its_dates_year(title):
    got = read_lines(
        "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG", "Mường Khương, ngày 20 tháng 12 năm 2026", "", "BÁO CÁO", title, "",
        "Tỷ lệ che phủ rừng đạt 58,2%; sản lượng lương thực 13.420 tấn.",
    )  # fmt: skip
    assert {(s.kind, s.year, s.period) for s in got} == {("result", 2026, None)}


def test_a_report_on_a_terms_progress_dated_after_the_term_is_left_as_it_was():
    lines = (
        "ĐẢNG ỦY XÃ MƯỜNG KHƯƠNG", "Mường Khương, ngày 20 tháng 12 năm 2025", "", "BÁO CÁO",
        "Đánh giá kết quả sau 5 năm thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025", "",
        "Tỷ lệ che phủ rừng đạt 58,2%; sản lượng lương thực 13.420 tấn.",
    )  # fmt: skip
    assert {(s.year, s.period) for s in read_lines(*lines)} == {(2025, None)}


PLAN = ("NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ XÃ LẦN THỨ I, NHIỆM KỲ 2025 - 2030", "ngày 20 tháng 7 năm 2025", "", "Các chỉ tiêu chủ yếu")


@pytest.mark.parametrize(
    "line",
    [
        "(7) Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 75%. Trong đó: có văn bằng, chứng chỉ đạt 40%.",
        "(7) Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 75%. Trong đó có văn bằng, chứng chỉ đạt 40%.",
        "Phấn đấu đến năm 2030 tỷ lệ lao động qua đào tạo đạt 75%. Chia ra: có văn bằng, chứng chỉ đạt 40%.",
        "Tỷ lệ lao động qua đào tạo năm 2030 đạt 75%. Cụ thể: có văn bằng, chứng chỉ đạt 40%.",
    ],
)
def test_a_breakdown_of_a_target_is_for_its_year(line):
    got = read_lines(*PLAN, line)
    assert [(s.kind, s.low, s.year) for s in got] == [("target", 75, 2030), ("target", 40, 2030)]


def test_a_breakdown_naming_its_own_year_keeps_it_and_an_unrelated_sentence_gets_none():
    got = read_lines(*PLAN, "Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 75%. Trong đó năm 2027 đạt 60%.")
    assert [(s.low, s.year) for s in got] == [(75, 2030), (60, 2027)]
    got = read_lines(*PLAN, "Tỷ lệ lao động qua đào tạo đến năm 2030 đạt 75%. Tỷ lệ hộ nghèo giảm 1,5%/năm.")
    assert [(s.low, s.year) for s in got][1] != (1.5, 2030)


@pytest.mark.parametrize(
    ("line", "counts"),
    [
        ("Sau hơn 5 tháng triển khai Nghị quyết, có 11/15 chỉ tiêu năm 2025 đạt và vượt, 4 chỉ tiêu chưa đạt.", [11, 4]),
        ("Có 14/16 chỉ tiêu năm 2025 đạt và vượt kế hoạch.", [14]),
        ("Trong năm, 12 chỉ tiêu năm 2025 hoàn thành, 3 chỉ tiêu năm 2025 không đạt.", [12, 3]),
    ],
)
def test_a_count_of_indicators_naming_their_year_is_a_result(line, counts):
    got = read_lines("Báo cáo kết quả thực hiện nhiệm vụ năm 2025", line)
    assert [(s.kind, s.low, s.unit) for s in got] == [("result", c, "chỉ tiêu") for c in counts]


def test_a_count_of_indicators_set_for_a_year_is_no_statement():
    got = read_lines("Báo cáo kết quả thực hiện nhiệm vụ năm 2025", "Nghị quyết đề ra 15 chỉ tiêu năm 2026 cần tập trung.")
    assert got == []
