"""Appendix tables of full reports ("PHỤ LỤC: CÁC CHỈ TIÊU CHỦ YẾU"): names a PDF wrapped onto two
lines in a table written one cell a line, unit cells with a scale word ("Nghìn lượt", "Triệu USD"),
a unit note listing several units ("ĐVT: tỷ đồng, %"), unit abbreviations ("Tr.đồng", "SP"), money
a hectare named in the row ("… trên 1 ha …" in Tr.đồng), and the rows of a term's table that give a
yearly average or the term's total ("bình quân/năm", "cả nhiệm kỳ").

Tables written for these tests (indicators, years and figures of their own), each rule in the shapes
a table reaches the reader (one cell a line, runs of spaces, tabs, Markdown pipes), with traps.
"""

from __future__ import annotations

from reading import plan_of, read_lines

_all = read_lines


_plan = plan_of


def _read(*lines: str):
    return sorted((s.line, s.kind, s.low, s.unit, s.year, _plan(s)) for s in _all(*lines))


# --- one cell a line: a row's name wrapped onto the next line(s) ------------------------------------


def test_cell_lines_name_wrapped_onto_a_second_line_before_its_unit():
    got = _all(
        "PHỤ LỤC",
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Ước TH 2024",
        "KH 2025",
        "1",
        "Giá trị sản xuất ngành công nghiệp -",
        "tiểu thủ công nghiệp",
        "Tỷ đồng",
        "1.240",
        "1.380",
        "2",
        "Số hộ được hỗ trợ cải tạo nhà ở",
        "Hộ",
        "35",
        "40",
    )
    rows = sorted((s.line, s.kind, s.low, s.unit, s.year, s.indicator) for s in got)
    assert rows == [
        (11, "result", 1240.0, "tỷ đồng", 2024, "Giá trị sản xuất ngành công nghiệp - tiểu thủ công nghiệp"),
        (12, "target", 1380.0, "tỷ đồng", 2025, "Giá trị sản xuất ngành công nghiệp - tiểu thủ công nghiệp"),
        (16, "result", 35.0, "hộ", 2024, "Số hộ được hỗ trợ cải tạo nhà ở"),
        (17, "target", 40.0, "hộ", 2025, "Số hộ được hỗ trợ cải tạo nhà ở"),
    ]


def test_cell_lines_name_wrapped_over_three_lines_with_no_unit_column():
    got = _read(
        "Chỉ tiêu",
        "Năm 2023",
        "Năm 2024",
        "Tỷ lệ trạm y tế xã có bác sĩ làm",
        "việc thường xuyên theo quy",
        "định (%)",
        "82",
        "90",
        "Số lượt khám chữa bệnh (lượt)",
        "12.400",
        "13.050",
    )
    assert got == [
        (7, "result", 82.0, "%", 2023, None),
        (8, "result", 90.0, "%", 2024, None),
        (10, "result", 12400.0, "lượt", 2023, None),
        (11, "result", 13050.0, "lượt", 2024, None),
    ]


def test_cell_lines_the_first_row_wrapped_and_a_plan_beside_its_result():
    got = _read(
        "TT",
        "Nội dung",
        "ĐVT",
        "Kế hoạch 2025",
        "Thực hiện 2025",
        "1",
        "Diện tích lúa chất lượng cao",
        "được gieo cấy",
        "Ha",
        "420",
        "436,5",
        "2",
        "Số sản phẩm OCOP được công nhận",
        "SP",
        "3",
        "4",
    )
    # (the plan is the result's compared target: one statement, the contract)
    assert got == [(11, "result", 436.5, "ha", 2025, 420), (16, "result", 4.0, "sản phẩm", 2025, 3)]


def test_cell_lines_a_capital_group_row_is_not_taken_for_a_wrapped_name():
    got = _read(
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Năm 2024",
        "I",
        "KINH TẾ",
        "1",
        "Sản lượng thủy sản",
        "Tấn",
        "5.100",
        "II",
        "XÃ HỘI",
        "2",
        "Số lao động được tạo việc làm",
        "Lao động",
        "640",
    )
    assert got == [(10, "result", 5100.0, "tấn", 2024, None), (16, "result", 640.0, "lao động", 2024, None)]


# --- one cell a line: a unit cell with a scale word ---------------------------------------------------


def test_cell_lines_unit_cells_with_a_scale_word_keep_the_table_going():
    got = _read(
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Ước TH 2025",
        "KH 2026",
        "1",
        "Khách du lịch quốc tế",
        "Nghìn lượt",
        "185",
        "210",
        "2",
        "Giá trị hàng hóa xuất khẩu",
        "Triệu USD",
        "96,5",
        "110",
        "3",
        "Sản lượng cá nuôi lồng",
        "Nghìn tấn",
        "2,4",
        "2,8",
        "4",
        "Tỷ lệ lao động nữ có việc làm",
        "%",
        "71",
        "73",
    )
    assert got == [
        (9, "result", 185.0, "nghìn lượt", 2025, None),
        (10, "target", 210.0, "nghìn lượt", 2026, None),
        (14, "result", 96.5, "triệu USD", 2025, None),
        (15, "target", 110.0, "triệu USD", 2026, None),
        (19, "result", 2.4, "nghìn tấn", 2025, None),
        (20, "target", 2.8, "nghìn tấn", 2026, None),
        (24, "result", 71.0, "%", 2025, None),
        (25, "target", 73.0, "%", 2026, None),
    ]


# --- "ĐVT: tỷ đồng, %": the note's first unit for the rows that name none ---------------------------


def test_note_listing_units_above_a_spaced_table():
    got = _read(
        "                                   ĐVT: tỷ đồng, %",
        "TT    Chỉ tiêu    Ước TH 2024    KH 2025",
        "1    Tổng vốn đầu tư toàn xã hội    8.450    9.100",
        "2    Tỷ lệ đô thị hóa (%)    41,2    43",
        "3    Thu nhập bình quân đầu người (triệu đồng)    61,5    66",
    )
    assert got == [
        (3, "result", 8450.0, "tỷ đồng", 2024, None),
        (3, "target", 9100.0, "tỷ đồng", 2025, None),
        (4, "result", 41.2, "%", 2024, None),
        (4, "target", 43.0, "%", 2025, None),
        (5, "result", 61.5, "triệu đồng/người/năm", 2024, None),
        (5, "target", 66.0, "triệu đồng/người/năm", 2025, None),
    ]


def test_note_listing_units_in_brackets_above_a_tab_table():
    got = _read(
        "(Đơn vị tính: triệu đồng, %)",
        "Nội dung\tThực hiện 2023\tDự toán 2024",
        "Thu tiền thuê đất\t4.210\t4.500",
        "Tỷ lệ chi thường xuyên (%)\t62\t60",
    )
    assert got == [
        (3, "result", 4210.0, "triệu đồng", 2023, None),
        (3, "target", 4500.0, "triệu đồng", 2024, None),
        (4, "result", 62.0, "%", 2023, None),
        (4, "target", 60.0, "%", 2024, None),
    ]


def test_note_listing_units_above_a_pipe_table_and_a_row_with_usd_in_its_name():
    got = _read(
        "ĐVT: tỷ đồng, %",
        "| STT | Chỉ tiêu | Năm 2024 | Kế hoạch 2025 |",
        "|---|---|---|---|",
        "| 1 | Doanh thu du lịch | 3.120 | 3.500 |",
        "| 2 | Kim ngạch nhập khẩu (triệu USD) | 640 | 700 |",
    )
    assert got == [
        (4, "result", 3120.0, "tỷ đồng", 2024, None),
        (4, "target", 3500.0, "tỷ đồng", 2025, None),
        (5, "result", 640.0, "triệu USD", 2024, None),
        (5, "target", 700.0, "triệu USD", 2025, None),
    ]


# --- unit abbreviations: "Tr.đồng", "Tr. đồng", "SP" ---------------------------------------------------


def test_unit_abbreviations_in_a_spaced_table():
    got = _read(
        "TT    Chỉ tiêu    ĐVT    Ước TH 2024    KH 2025",
        "1    Thu nhập bình quân đầu người    Tr.đồng    58,2    63",
        "2    Sản phẩm OCOP đạt 3 sao trở lên    SP    6    8",
        "3    Doanh thu bán lẻ của hợp tác xã    Tr. đồng    2.350    2.600",
    )
    assert got == [
        (2, "result", 58.2, "triệu đồng/người/năm", 2024, None),
        (2, "target", 63.0, "triệu đồng/người/năm", 2025, None),
        (3, "result", 6.0, "sản phẩm", 2024, None),
        (3, "target", 8.0, "sản phẩm", 2025, None),
        (4, "result", 2350.0, "triệu đồng", 2024, None),
        (4, "target", 2600.0, "triệu đồng", 2025, None),
    ]


# --- money a hectare named in the row ----------------------------------------------------------------


def test_money_per_hectare_from_the_row_name_in_tab_and_pipe_tables():
    got = _read(
        "STT\tChỉ tiêu\tĐVT\tNăm 2024\tKH 2025",
        "1\tGiá trị thu được trên 1 ha đất trồng trọt\tTr.đồng\t142\t150",
        "2\tDiện tích cây ăn quả\tha\t830\t860",
        "3\tTổng giá trị sản xuất nông nghiệp\tTỷ đồng\t1.020\t1.100",
    )
    assert got == [
        (2, "result", 142.0, "triệu đồng/ha", 2024, None),
        (2, "target", 150.0, "triệu đồng/ha", 2025, None),
        (3, "result", 830.0, "ha", 2024, None),
        (3, "target", 860.0, "ha", 2025, None),
        (4, "result", 1020.0, "tỷ đồng", 2024, None),
        (4, "target", 1100.0, "tỷ đồng", 2025, None),
    ]
    pipe = _read(
        "| TT | Chỉ tiêu | ĐVT | Thực hiện 2023 | Thực hiện 2024 |",
        "|---|---|---|---|---|",
        "| 1 | Giá trị sản phẩm thu hoạch/ha đất canh tác | Triệu đồng | 171 | 180 |",
    )
    assert [(u, y) for _l, _k, _v, u, y, _p in pipe] == [("triệu đồng/ha", 2023), ("triệu đồng/ha", 2024)]


def test_money_per_hectare_in_a_cell_line_table():
    got = _read(
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Năm 2024",
        "1",
        "Giá trị sản xuất bình quân 1 ha đất",
        "nông nghiệp",
        "Triệu đồng",
        "205",
        "2",
        "Tổng thu ngân sách xã",
        "Triệu đồng",
        "9.800",
    )
    assert got == [
        (9, "result", 205.0, "triệu đồng/ha", 2024, None),
        (13, "result", 9800.0, "triệu đồng", 2024, None),
    ]


# --- a term's table: rows of a yearly average or of the term's total ---------------------------------


def test_term_table_average_and_total_rows_are_of_the_term():
    got = _all(
        "PHỤ LỤC: KẾT QUẢ THỰC HIỆN CHỈ TIÊU NHIỆM KỲ 2020 - 2025",
        "| TT | Chỉ tiêu | ĐVT | Nghị quyết Đại hội | Thực hiện 2025 | Đánh giá |",
        "|---|---|---|---|---|---|",
        "| 1 | Tăng trưởng kinh tế bình quân/năm | % | 7,5 | 7,8 | Vượt |",
        "| 2 | Thu nhập bình quân đầu người | Triệu đồng | 60 | 63,4 | Vượt |",
        "| 3 | Số hộ thoát nghèo cả nhiệm kỳ | Hộ | 300 | 285 | Không đạt |",
        "| 4 | Trồng rừng tập trung bình quân hằng năm | Ha | 150 | 162 | Vượt |",
    )
    rows = sorted(
        (s.line, s.low, s.year, s.period, s.per_year, s.stated_status) for s in got if s.kind == "result"
    )
    assert rows == [
        (4, 7.8, None, "2020-2025", True, "vuot"),
        (5, 63.4, 2025, None, False, "vuot"),
        (6, 285.0, None, "2020-2025", False, "khong_dat"),
        (7, 162.0, None, "2020-2025", True, "vuot"),
    ]


def test_term_rows_in_a_tab_table_of_a_period_and_a_yearly_table_untouched():
    got = _all(
        "PHỤ LỤC: CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2021 - 2025",
        "TT\tChỉ tiêu\tĐVT\tMục tiêu\tƯớc TH 2025",
        "1\tGiảm tỷ lệ hộ nghèo bình quân mỗi năm\t%\t1,5\t1,7",
        "2\tTạo việc làm mới cả giai đoạn\tLao động\t4.000\t4.350",
    )
    rows = sorted((s.line, s.low, s.year, s.period, s.per_year) for s in got if s.kind == "result")
    assert rows == [(3, 1.7, None, "2021-2025", True), (4, 4350.0, None, "2021-2025", False)]
    yearly = _all(
        "PHỤ LỤC: CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025",
        "TT\tChỉ tiêu\tĐVT\tKH 2025\tƯớc TH 2025",
        "1\tTăng trưởng bình quân/năm\t%\t8\t8,2",
    )
    assert [(s.low, s.year, s.period) for s in yearly if s.kind == "result"] == [(8.2, 2025, None)]
