"""Tables, round 3: a unit note above a table of cells, sub-rows after "Trong đó:", a comparison
column after next year's plan, criteria tables with a requirement column, the year of result
columns that name none, and a unit column that names the row's ratio or a word that looks like bait.

Tables written for these tests (places, indicators and figures of their own), in the shapes a table
reaches the reader (Markdown, tabs, one cell a line), each rule with a trap where it must not fire.
"""

from __future__ import annotations

from reading import plan_of, read_lines

_all = read_lines


_plan = plan_of


def _read(*lines: str):
    return sorted((s.line, s.kind, s.low, s.unit, s.year, _plan(s)) for s in _all(*lines))


# --- "ĐVT: triệu đồng" above a table of cells: the cells' unit, the table read -------------------


def test_unit_note_above_a_markdown_table_gives_its_cells_the_unit():
    got = _read(
        "Biểu 02: Kết quả thu ngân sách xã năm 2024",
        "ĐVT: triệu đồng",
        "",
        "| TT | Nội dung | Dự toán 2024 | Thực hiện 2024 | So DT (%) |",
        "|---|---|---|---|---|",
        "| 1 | Thu phí, lệ phí | 1.500 | 1.620 | 108,0 |",
        "| 2 | Thu từ quỹ đất công ích | 800 | 760 | 95,0 |",
    )
    assert got == [
        (6, "result", 108.0, "%", 2024, None),
        (6, "result", 1620.0, "triệu đồng", 2024, 1500),
        (7, "result", 95.0, "%", 2024, None),
        (7, "result", 760.0, "triệu đồng", 2024, 800),
    ]


def test_unit_note_in_brackets_above_a_tab_table():
    got = _read(
        "(Đơn vị tính: tỷ đồng)",
        "Nội dung\tƯớc TH 2025\tDự toán 2026",
        "Tổng chi ngân sách huyện\t912,4\t950",
        "Chi đầu tư công\t305\t280",
    )
    assert got == [
        (3, "result", 912.4, "tỷ đồng", 2025, None),
        (3, "target", 950.0, "tỷ đồng", 2026, None),
        (4, "result", 305.0, "tỷ đồng", 2025, None),
        (4, "target", 280.0, "tỷ đồng", 2026, None),
    ]


def test_unit_note_yields_to_a_row_unit_and_a_percent_in_the_name():
    got = _read(
        "ĐVT: tấn",
        "| Chỉ tiêu | Kế hoạch 2025 | Thực hiện 2025 |",
        "|---|---|---|",
        "| Sản lượng lương thực | 52.000 | 53.180 |",
        "| Tỷ lệ diện tích tưới chủ động (%) | 85 | 86,5 |",
    )
    assert got == [
        (4, "result", 53180.0, "tấn", 2025, 52000),
        (5, "result", 86.5, "%", 2025, 85),
    ]


def test_a_unit_note_line_alone_states_nothing():
    # (a note of no known unit, and a table title: neither is a statement nor a table's header)
    assert _read("ĐVT: như biểu 01", "Biểu số 03: Kế hoạch vốn năm 2026") == []


# --- "Trong đó:" between a row and its sub-rows: the table goes on ----------------------------------


def test_sub_rows_after_trong_do_stay_in_a_tab_table():
    got = _read(
        "Chỉ tiêu\tĐVT\tKế hoạch 2025\tThực hiện 2025",
        "Tổng vốn đầu tư toàn xã hội\tTỷ đồng\t2.400\t2.515",
        "Trong đó:",
        "- Vốn ngân sách nhà nước\tTỷ đồng\t600\t587,3",
        "- Vốn doanh nghiệp và dân cư\tTỷ đồng\t1.800\t1.927,7",
    )
    assert got == [
        (2, "result", 2515.0, "tỷ đồng", 2025, 2400),
        (4, "result", 587.3, "tỷ đồng", 2025, 600),
        (5, "result", 1927.7, "tỷ đồng", 2025, 1800),
    ]


def test_sub_rows_after_chia_ra_stay_in_a_markdown_table():
    got = _read(
        "| Chỉ tiêu | ĐVT | Năm 2024 | Năm 2025 |",
        "|---|---|---|---|",
        "| Số lượt khách du lịch | Lượt | 120.000 | 145.000 |",
        "Chia ra:",
        "| + Khách quốc tế | Lượt | 8.500 | 11.200 |",
    )
    assert [(line, low, unit, year) for line, _k, low, unit, year, _t in got] == [
        (3, 120000.0, "lượt", 2024),
        (3, 145000.0, "lượt", 2025),
        (5, 8500.0, "lượt", 2024),
        (5, 11200.0, "lượt", 2025),
    ]


def test_a_sentence_after_a_table_still_ends_it():
    got = _read(
        "Chỉ tiêu\tĐVT\tThực hiện 2025",
        "Số hộ thoát nghèo\tHộ\t46",
        "Trong đó có 12 hộ đồng bào dân tộc thiểu số thoát nghèo bền vững.",
    )
    assert (2, "result", 46.0, "hộ", 2025, None) in got
    assert all(
        line != 3 or kind != "result" or unit != "hộ" or low != 46 for line, kind, low, unit, *_ in got
    )


# --- a comparison column after next year's plan: the growth planned, a target of that year --------


def test_comparison_after_next_years_plan_is_a_target_of_that_year():
    got = _read(
        "Chỉ tiêu\tĐVT\tƯớc thực hiện 2025\tKế hoạch 2026\tSo sánh (%)",
        "Giá trị sản xuất nông nghiệp\tTỷ đồng\t1.240\t1.310\t105,6",
        "Số doanh nghiệp thành lập mới\tDoanh nghiệp\t85\t95\t111,8",
    )
    assert got == [
        (2, "result", 1240.0, "tỷ đồng", 2025, None),
        (2, "target", 105.6, "%", 2026, None),
        (2, "target", 1310.0, "tỷ đồng", 2026, None),
        (3, "result", 85.0, "doanh nghiệp", 2025, None),
        (3, "target", 95.0, "doanh nghiệp", 2026, None),
        (3, "target", 111.8, "%", 2026, None),
    ]


def test_comparison_after_next_years_plan_in_a_markdown_table():
    got = _read(
        "| TT | Nội dung | Thực hiện năm 2024 | Kế hoạch năm 2025 | KH/TH (%) |",
        "|---|---|---|---|---|",
        "| 1 | Tổng thu ngân sách trên địa bàn (tỷ đồng) | 410 | 450 | 109,8 |",
    )
    assert got == [
        (3, "result", 410.0, "tỷ đồng", 2024, None),
        (3, "target", 109.8, "%", 2025, None),
        (3, "target", 450.0, "tỷ đồng", 2025, None),
    ]


def test_comparison_right_after_a_result_stays_the_result_against_its_plan():
    # "Dự toán 2025 | Ước TH 2025 | So DT (%) | Dự toán 2026": the comparison is of 2025's result
    got = _read(
        "| Nội dung | Dự toán 2025 | Ước TH 2025 | So DT (%) | Dự toán 2026 |",
        "|---|---|---|---|---|",
        "| Chi thường xuyên (triệu đồng) | 9.000 | 9.450 | 105,0 | 9.800 |",
    )
    assert got == [
        (3, "result", 105.0, "%", 2025, None),
        (3, "result", 9450.0, "triệu đồng", 2025, 9000),
        (3, "target", 9800.0, "triệu đồng", 2026, None),
    ]


def test_comparison_with_last_year_after_next_years_plan_stays_a_result():
    got = _read(
        "Chỉ tiêu\tĐVT\tThực hiện 2025\tKế hoạch 2026\tSo cùng kỳ (%)",
        "Sản lượng thủy sản\tTấn\t3.200\t3.400\t104,1",
    )
    assert (2, "result", 104.1, "%", 2025, None) in got


# --- criteria tables one cell a line: "Tiêu chí | Yêu cầu | Kết quả | Đánh giá" ----------------------


def test_criteria_table_one_cell_a_line_with_requirement_and_verdict():
    got = [
        (s.line, s.kind, s.low, s.unit, s.year, s.compared_target, s.stated_status)
        for s in _all(
            "BÁO CÁO",
            "Tự đánh giá kết quả xây dựng xã nông thôn mới kiểu mẫu năm 2024",
            "",
            "STT",
            "Tiêu chí",
            "Yêu cầu",
            "Kết quả",
            "Đánh giá",
            "1",
            "Tỷ lệ hộ có nhà tắm, nhà tiêu hợp vệ sinh (%)",
            "≥ 90",
            "92,3",
            "Đạt",
            "2",
            "Tỷ lệ trẻ em dưới 6 tuổi được tiêm chủng đầy đủ (%)",
            "≥ 98",
            "96,5",
            "Chưa đạt",
        )
    ]
    assert got == [
        (12, "result", 92.3, "%", 2024, {"op": ">=", "low": 90, "high": None}, "dat"),
        (17, "result", 96.5, "%", 2024, {"op": ">=", "low": 98, "high": None}, "khong_dat"),
    ]


def test_criteria_table_named_chi_tieu_tieu_chi_with_an_upper_bound():
    got = [
        (s.line, s.low, s.unit, s.compared_target, s.stated_status)
        for s in _all(
            "Chỉ tiêu/tiêu chí",
            "Mức yêu cầu",
            "Kết quả",
            "Đánh giá",
            "Tỷ lệ hộ nghèo (%)",
            "≤ 3",
            "2,4",
            "Đạt",
            "Tỷ lệ lao động qua đào tạo (%)",
            "≥ 70",
            "71,2",
            "Đạt",
        )
    ]
    assert got == [
        (7, 2.4, "%", {"op": "<=", "low": None, "high": 3}, "dat"),
        (11, 71.2, "%", {"op": ">=", "low": 70, "high": None}, "dat"),
    ]


def test_criteria_table_keeps_no_year_when_the_title_names_two():
    got = [
        (s.low, s.year)
        for s in _all(
            "BÁO CÁO",
            "Kết quả giai đoạn 2021 - 2025 và kế hoạch năm 2026",
            "Tiêu chí",
            "Yêu cầu",
            "Kết quả",
            "Số nhà văn hóa thôn đạt chuẩn (nhà)",
            "12",
            "12",
            "Điểm trường đạt chuẩn (điểm)",
            "5",
            "4",
        )
    ]
    assert got == [(12.0, None), (4.0, None)]


# --- result columns of no year beside a plan column of one year ---------------------------------


def test_result_column_after_a_plan_of_one_year_one_cell_a_line():
    got = _read(
        "Chỉ tiêu",
        "ĐVT",
        "KH năm 2026",
        "TH 6 tháng",
        "% KH",
        "Thu ngân sách trên địa bàn",
        "Tỷ đồng",
        "520",
        "281,4",
        "54,1",
        "Số lao động được tạo việc làm",
        "Người",
        "1.400",
        "702",
        "50,1",
    )
    assert got == [
        (9, "result", 281.4, "tỷ đồng", 2026, 520),
        (10, "result", 54.1, "%", 2026, None),
        (14, "result", 702.0, "người", 2026, 1400),
        (15, "result", 50.1, "%", 2026, None),
    ]


def test_result_column_after_a_plan_of_one_year_in_a_tab_table():
    got = _read(
        "Chỉ tiêu\tĐVT\tKế hoạch năm 2025\tThực hiện quý III\tSo KH (%)",
        "Sản lượng điện thương phẩm\tTriệu kWh\t860\t655\t76,2",
    )
    assert (2, "result", 655.0, "triệu kwh", 2025, 860) in got or (
        2,
        "result",
        655.0,
        "triệu kWh",
        2025,
        860,
    ) in got
    assert (2, "result", 76.2, "%", 2025, None) in got


def test_result_column_before_next_years_plan_gets_no_year_from_it():
    got = _read(
        "| Chỉ tiêu | Ước thực hiện | Kế hoạch 2026 |",
        "|---|---|---|",
        "| Số hộ sử dụng nước sạch (hộ) | 4.150 | 4.300 |",
    )
    assert [(line, kind, low, year) for line, kind, low, _u, year, _t in got if kind == "result"] == [
        (3, "result", 4150.0, None)
    ]


# --- a table leading in with a sentence naming its year ---------------------------------------------


def test_rows_judged_against_the_plan_take_the_year_the_lead_in_names():
    got = _read(
        "Theo báo cáo tại kỳ họp thứ 9, trong 10 chỉ tiêu HĐND xã giao năm 2024, có 8 chỉ tiêu đạt, cụ thể:",
        "| TT | Chỉ tiêu | Nghị quyết | Thực hiện | Đánh giá |",
        "|---|---|---|---|---|",
        "| 1 | Tỷ lệ hộ nghèo (%) | dưới 2 | 1,6 | Đạt |",
        "| 2 | Số người tham gia BHXH tự nguyện (người) | 900 | 845 | Không đạt |",
    )
    assert [row for row in got if row[0] > 1] == [
        (4, "result", 1.6, "%", 2024, 2),
        (5, "result", 845.0, "người", 2024, 900),
    ]


def test_a_plain_sentence_above_the_table_gives_no_year():
    got = _read(
        "Tỷ lệ hộ nghèo năm 2023 là 2,1%.",
        "| TT | Chỉ tiêu | Nghị quyết | Thực hiện | Đánh giá |",
        "|---|---|---|---|---|",
        "| 1 | Tỷ lệ hộ nghèo (%) | dưới 2 | 1,6 | Đạt |",
    )
    assert (4, "result", 1.6, "%", None, 2) in got


def test_a_lead_in_with_a_plan_column_and_no_verdict_gives_no_year():
    got = _read(
        "Kỳ họp thứ 8 thông qua 12 nghị quyết, trong đó kế hoạch năm 2026 có các chỉ tiêu:",
        "| TT | Chỉ tiêu | Thực hiện | Kế hoạch |",
        "|---|---|---|---|",
        "| 1 | Số hộ làm kinh tế giỏi (hộ) | 310 | 330 |",
    )
    assert all(year != 2026 for line, kind, low, unit, year, _t in got if kind == "result")


# --- the unit column: a ratio the name gives, a word that looks like bait, money per head -----------


def test_unit_column_word_takes_the_ratio_the_name_gives():
    got = _read(
        "| TT | Chỉ tiêu | ĐVT | Năm 2025 | Mục tiêu 2030 |",
        "|---|---|---|---|---|",
        "| 1 | Số dược sĩ/vạn dân | Dược sĩ | 2,8 | 3,5 |",
        "| 2 | Số giường bệnh/10.000 dân | Giường | 31 | 36 |",
        "| 3 | Số bác sĩ | Bác sĩ | 410 | 520 |",
    )
    assert [(line, unit) for line, _k, _low, unit, _y, _t in got] == [
        (3, "dược sĩ/vạn dân"), (3, "dược sĩ/vạn dân"),
        (4, "giường bệnh/10.000 dân"), (4, "giường bệnh/10.000 dân"),
        (5, "bác sĩ"), (5, "bác sĩ"),
    ]  # fmt: skip


def test_age_unit_column_does_not_make_the_cells_bait():
    got = _read(
        "Chỉ tiêu\tĐVT\tNăm 2024\tKế hoạch 2026",
        "Tuổi thọ bình quân\tTuổi\t74,6\t75,2",
        "Tuổi thọ khỏe mạnh\tNăm\t66\t67",
    )
    assert (2, "result", 74.6, "tuổi", 2024, None) in got
    assert (2, "target", 75.2, "tuổi", 2026, None) in got


def test_income_per_head_with_a_yearly_unit_in_a_table_is_no_yearly_rate():
    statements = _all(
        "| TT | Chỉ tiêu | Kế hoạch | Thực hiện | Đánh giá |",
        "|---|---|---|---|---|",
        "| 1 | Thu nhập bình quân đầu người (triệu đồng/năm) | 72 | 74,5 | Đạt |",
        "| 2 | Tốc độ tăng thu ngân sách (%/năm) | 10 | 11,2 | Vượt |",
    )
    got = {(s.line, s.unit, s.per_year) for s in statements}
    assert (3, "triệu đồng/người/năm", False) in got


def test_unit_note_in_thousands_above_a_table_one_cell_a_line():
    got = _read(
        "ĐVT: 1.000 đồng",
        "Nội dung",
        "Dự toán 2025",
        "Thực hiện 2025",
        "Thu phí chợ",
        "350.000",
        "362.500",
        "Thu cho thuê mặt bằng",
        "120.000",
        "98.400",
    )
    assert got == [
        (7, "result", 362500.0, "nghìn đồng", 2025, 350000),
        (10, "result", 98400.0, "nghìn đồng", 2025, 120000),
    ]


def test_unit_note_naming_two_units_gives_none():
    got = _read(
        "Đơn vị: ha; tấn",
        "| Chỉ tiêu | Kế hoạch 2025 | Thực hiện 2025 |",
        "|---|---|---|",
        "| Diện tích gieo trồng | 1.200 | 1.180 |",
    )
    assert got == [(4, "result", 1180.0, None, 2025, 1200)]


def test_comparison_after_next_years_plan_one_cell_a_line():
    got = _read(
        "Chỉ tiêu",
        "Thực hiện 2025",
        "Kế hoạch 2026",
        "So sánh (%)",
        "Tổng thu ngân sách xã (triệu đồng)",
        "21.500",
        "23.000",
        "107,0",
        "Số hộ nghèo (hộ)",
        "64",
        "40",
        "62,5",
    )
    assert got == [
        (6, "result", 21500.0, "triệu đồng", 2025, None),
        (7, "target", 23000.0, "triệu đồng", 2026, None),
        (8, "target", 107.0, "%", 2026, None),
        (10, "result", 64.0, "hộ", 2025, None),
        (11, "target", 40.0, "hộ", 2026, None),
        (12, "target", 62.5, "%", 2026, None),
    ]


def test_result_column_after_a_terms_goal_gets_no_year_from_it():
    got = _read(
        "| TT | Chỉ tiêu | Mục tiêu 2030 | Kết quả thực hiện |",
        "|---|---|---|---|",
        "| 1 | Tỷ lệ đô thị hóa (%) | 45 | 38,2 |",
    )
    assert [(kind, low, year) for _line, kind, low, _u, year, _t in got if kind == "result"] == [
        ("result", 38.2, None)
    ]
