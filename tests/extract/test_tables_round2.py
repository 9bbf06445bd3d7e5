"""Tables with two header rows, a plan's comparison column, a table's title in sentence case, and
lists written "Name (unit): value".

Tables and lists written for these tests (places, indicators and figures of their own), in every
shape a table reaches the reader (tabs, runs of spaces, Markdown, one cell a line, DOCX with
merged cells), each rule with a trap where it must not fire.
"""

from __future__ import annotations

from reading import read_lines

from chitieu.extract.extractor import extract
from chitieu.extract.segments import merge_headers

_all = read_lines


def _read(*lines: str):
    return [
        (s.kind, s.low, s.unit, s.year, s.compared_target["low"] if s.compared_target else None)
        for s in _all(*lines)
    ]


def _named(*lines: str):
    return {(s.indicator, s.low): (s.kind, s.year) for s in _all(*lines)}


# --- "So sánh (%)" over "KH | Cùng kỳ": both comparisons kept ------------------------------------
RATIOS = [
    ("result", 9150, "tấn", 2025, 12000), ("result", 76.3, "%", 2025, None), ("result", 104.2, "%", 2025, None),
    ("result", 98, "hộ", 2025, 150), ("result", 65.3, "%", 2025, None), ("result", 92.5, "%", 2025, None),
]  # fmt: skip


def test_ratio_sub_columns_typed_with_tabs_under_too_few_leading_tabs():
    got = _read(
        "BIỂU 3: MỘT SỐ CHỈ TIÊU CHỦ YẾU 9 THÁNG NĂM 2025",
        "",
        "STT\tChỉ tiêu\tĐVT\tKH năm 2025\tTH 9 tháng\tSo sánh (%)\t",
        "\t\t\tKH\tCùng kỳ",
        "1\tSản lượng ngô\ttấn\t12.000\t9.150\t76,3\t104,2",
        "2\tSố hộ thoát nghèo\thộ\t150\t98\t65,3\t92,5",
    )
    assert got == RATIOS
    names = _named(
        "BIỂU 3: MỘT SỐ CHỈ TIÊU CHỦ YẾU 9 THÁNG NĂM 2025",
        "STT\tChỉ tiêu\tĐVT\tKH năm 2025\tTH 9 tháng\tSo sánh (%)\t",
        "\t\t\tKH\tCùng kỳ",
        "1\tSản lượng ngô\ttấn\t12.000\t9.150\t76,3\t104,2",
    )
    assert ("Sản lượng ngô so với kế hoạch", 76.3) in names
    assert ("Sản lượng ngô so với cùng kỳ", 104.2) in names


def test_ratio_sub_columns_when_the_upper_row_has_no_cell_for_the_last_column():
    got = _read(
        "BIỂU 3: MỘT SỐ CHỈ TIÊU CHỦ YẾU 9 THÁNG NĂM 2025",
        "STT\tChỉ tiêu\tĐVT\tKH năm 2025\tTH 9 tháng\tSo sánh (%)",
        "\t\t\t\t\tKH\tCùng kỳ",
        "1\tSản lượng ngô\ttấn\t12.000\t9.150\t76,3\t104,2",
        "2\tSố hộ thoát nghèo\thộ\t150\t98\t65,3\t92,5",
    )
    assert got == RATIOS


def test_ratio_sub_columns_typed_with_spaces_stand_under_the_cell_they_start_under():
    got = _read(
        "BIỂU 3: MỘT SỐ CHỈ TIÊU CHỦ YẾU 9 THÁNG NĂM 2025",
        "STT      Chỉ tiêu               ĐVT     KH năm 2025    TH 9 tháng    So sánh (%)",
        "                                                                    KH      Cùng kỳ",
        "1        Sản lượng ngô          tấn     12.000         9.150         76,3    104,2",
        "2        Số hộ thoát nghèo      hộ      150            98            65,3    92,5",
    )
    assert got == RATIOS


def test_ratio_sub_columns_in_markdown():
    got = _read(
        "BIỂU 3: MỘT SỐ CHỈ TIÊU CHỦ YẾU 9 THÁNG NĂM 2025",
        "",
        "| STT | Chỉ tiêu | ĐVT | KH năm 2025 | TH 9 tháng | So sánh (%) | |",
        "|---|---|---|---|---|---|---|",
        "| | | | | | KH | Cùng kỳ |",
        "| 1 | Sản lượng ngô | tấn | 12.000 | 9.150 | 76,3 | 104,2 |",
        "| 2 | Số hộ thoát nghèo | hộ | 150 | 98 | 65,3 | 92,5 |",
    )
    assert got == RATIOS


def test_header_rows_merge_by_the_merged_cells():
    # an empty cell after a merged one goes on with it
    assert merge_headers(["Chỉ tiêu", "Năm 2025", "", "KH 2026"], ["", "KH", "Ước TH", ""]) == [
        "Chỉ tiêu", "KH Năm 2025", "Ước TH Năm 2025", "KH 2026",
    ]  # fmt: skip
    # DOCX: the merged cell written once, the cells merged down both rows repeated
    assert merge_headers(
        ["Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025", "Ghi chú"],
        ["Chỉ tiêu", "ĐVT", "KH", "TH", "KH", "TH", "Ghi chú"],
    ) == ["Chỉ tiêu", "ĐVT", "KH Năm 2024", "TH Năm 2024", "KH Năm 2025", "TH Năm 2025", "Ghi chú"]
    # trap: labels already under their merged cell stay; rows that fit no spread: the lower alone
    assert merge_headers(["A", "Năm 2024", "Năm 2024"], ["", "KH", "TH"]) == ["A", "KH Năm 2024", "TH Năm 2024"]
    assert merge_headers(["A", "B"], ["x", "y", "z"]) == ["x", "y", "z"]


# --- "Năm 2025 [Kế hoạch | Ước thực hiện] | Kế hoạch năm 2026" ----------------------------------------
PLAN_AND_NEXT = [
    ("target", 440, "ha", 2026, None), ("result", 426.5, "ha", 2025, 410),
    ("target", 26, "%", 2026, None), ("result", 29.4, "%", 2025, 31),
]  # fmt: skip


def test_a_year_merged_over_plan_and_estimate_then_next_years_plan_typed_with_tabs():
    got = _read(
        "PHỤ LỤC: CHỈ TIÊU PHÁT TRIỂN CỦA XÃ ĐĂK NHOONG",
        "",
        "TT\tChỉ tiêu\tĐơn vị tính\tNăm 2025\t\tKế hoạch năm 2026",
        "\t\t\tKế hoạch\tƯớc thực hiện\t",
        "1\tDiện tích cà phê\tha\t410\t426,5\t440",
        "2\tTỷ lệ hộ nghèo\t%\t31\t29,4\t26",
    )
    assert got == PLAN_AND_NEXT


def test_a_year_merged_over_plan_and_estimate_in_markdown_and_with_spaces():
    got = _read(
        "| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 | | Kế hoạch năm 2026 |",
        "|---|---|---|---|---|---|",
        "| | | | Kế hoạch | Ước thực hiện | |",
        "| 1 | Diện tích cà phê | ha | 410 | 426,5 | 440 |",
        "| 2 | Tỷ lệ hộ nghèo | % | 31 | 29,4 | 26 |",
    )
    assert got == PLAN_AND_NEXT
    got = _read(
        "TT   Chỉ tiêu                   Đơn vị tính   Năm 2025                    Kế hoạch năm 2026",
        "                                              Kế hoạch    Ước thực hiện",
        "1    Diện tích cà phê           ha            410         426,5           440",
        "2    Tỷ lệ hộ nghèo             %             31          29,4            26",
    )
    assert got == PLAN_AND_NEXT


def test_a_docx_header_with_cells_merged_across_and_down(tmp_path):
    import docx

    from chitieu.extract import read_document

    d = docx.Document()
    d.add_paragraph("Biểu 1. Kết quả thực hiện và kế hoạch của xã Tân Lập")
    t = d.add_table(rows=4, cols=6)
    for c in (0, 1, 2, 5):
        t.cell(0, c).merge(t.cell(1, c))
    t.cell(0, 3).merge(t.cell(0, 4))
    for c, text in enumerate(["STT", "Chỉ tiêu", "ĐVT", "Năm 2025", "", "Kế hoạch năm 2026"]):
        if text:
            t.cell(0, c).text = text
    t.cell(1, 3).text, t.cell(1, 4).text = "Kế hoạch", "Thực hiện"
    rows = [["1", "Diện tích chè", "ha", "320", "335", "350"], ["2", "Số hộ nghèo", "hộ", "60", "52", "40"]]
    for r, row in enumerate(rows, 2):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.save(str(tmp_path / "bieu.docx"))
    got = sorted(
        (s.kind, s.low, s.year, s.compared_target["low"] if s.compared_target else None)
        for s in extract(read_document(tmp_path / "bieu.docx"))
    )
    assert got == [
        ("result", 52, 2025, 60), ("result", 335, 2025, 320), ("target", 40, 2026, None), ("target", 350, 2026, None),
    ]  # fmt: skip


# --- a plan's comparison column is a target of the plan's year -----------------------------------
def test_a_column_of_the_plan_against_this_years_estimate_is_a_planned_growth():
    lines = (
        "| STT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 | KH 2026 so với ước TH 2025 (%) | TH 2025 so với cùng kỳ (%) |",
        "|---|---|---|---|---|---|---|",
        "| 1 | Sản lượng thủy sản | tấn | 41.200 | 43.000 | 104,4 | 103,1 |",
    )
    got = {(s.low, s.kind, s.unit, s.year, s.period) for s in _all(*lines)}
    assert (104.4, "target", "%", 2026, None) in got
    # trap: the results' comparison with last year stays a result
    assert (103.1, "result", "%", 2025, None) in got
    assert (41200, "result", "tấn", 2025, None) in got and (43000, "target", "tấn", 2026, None) in got


def test_a_plan_comparison_column_one_cell_a_line():
    got = _read(
        "Chỉ tiêu",
        "Ước TH 2025",
        "KH 2026",
        "KH 2026 so với ước TH 2025 (%)",
        "Thu ngân sách (tỷ đồng)",
        "215",
        "230",
        "107,0",
        "Sản lượng thủy sản (tấn)",
        "41.200",
        "43.000",
        "104,4",
    )
    assert ("target", 107, "%", 2026, None) in got and ("target", 104.4, "%", 2026, None) in got
    assert ("result", 215, "tỷ đồng", 2025, None) in got


def test_a_plan_word_merged_over_a_comparison_is_no_plan_column():
    # trap: "KH năm" under "So sánh (%)" (compared with the plan) is a result, not the plan's growth
    got = _read(
        "KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025",
        "| STT | Chỉ tiêu | ĐVT | KH năm | TH 6 tháng | So sánh (%) | |",
        "| | | | | | KH năm | Cùng kỳ |",
        "| 1 | Thu ngân sách | triệu đồng | 8.000 | 4.400 | 55,0 | 108,0 |",
    )
    assert [k for k, *_ in got] == ["result", "result", "result"]


# --- the year of a table's title in sentence case --------------------------------------------------
def test_the_year_of_a_sentence_case_title_goes_to_the_rows():
    got = _read(
        "Phụ lục 02. Kết quả thực hiện các chỉ tiêu 9 tháng đầu năm 2025 - xã Hòa An",
        "",
        "| STT | Chỉ tiêu | ĐVT | KH năm | TH 9 tháng | % so KH |",
        "|---|---|---|---|---|---|",
        "| 1 | Diện tích lúa | ha | 1.800 | 1.750 | 97,2 |",
        "| 2 | Số hộ nghèo giảm | hộ | 40 | 31 | 77,5 |",
    )
    assert {y for *_, y, _ in got} == {2025}
    got = _read(
        "Biểu số 4: Kết quả quý III năm 2024",
        "STT\tChỉ tiêu\tĐVT\tKH năm\tTH quý III",
        "1\tDiện tích lúa\tha\t1.800\t620",
        "2\tSố lao động có việc làm mới\tngười\t500\t130",
    )
    assert {y for *_, y, _ in got} == {2024}


def test_no_title_year_from_a_sentence_or_a_title_naming_two_years():
    # trap: a sentence with figures above the table is no title (it stays a statement)
    got = _read(
        "Năm 2024, thu ngân sách đạt 52 tỷ đồng.",
        "| STT | Chỉ tiêu | ĐVT | KH năm | TH |",
        "|---|---|---|---|---|",
        "| 1 | Diện tích lúa | ha | 1.800 | 1.750 |",
    )
    assert ("result", 52, "tỷ đồng", 2024, None) in got
    # trap: a title naming two years gives the rows neither
    got = _read(
        "Biểu 1. So sánh kết quả năm 2023 và năm 2024",
        "| STT | Chỉ tiêu | ĐVT | KH | TH |",
        "|---|---|---|---|---|",
        "| 1 | Diện tích lúa | ha | 1.800 | 1.750 |",
        "| 2 | Số hộ nghèo giảm | hộ | 40 | 31 |",
    )
    assert {y for *_, y, _ in got} == {None}


# --- lists "Name (unit): value" --------------------------------------------------------------------
def test_a_list_of_names_with_their_unit_in_brackets_under_a_plan_heading():
    got = _read(
        "Điều 1. Các chỉ tiêu chủ yếu năm 2026",
        "1. Sản lượng cà phê nhân (tấn): 12.400.",
        "2. Diện tích trồng rừng mới (ha): 85.",
        "3. Tỷ lệ hộ nghèo (%): giảm 3 - 4.",
        "4. Tỷ lệ trẻ em suy dinh dưỡng (%): dưới 18.",
        "5. Thu ngân sách trên địa bàn (triệu đồng): 2.350.",
    )
    assert got == [
        ("target", 12400, "tấn", 2026, None), ("target", 85, "ha", 2026, None), ("target", 3, "%", 2026, None),
        ("target", None, "%", 2026, None), ("target", 2350, "triệu đồng", 2026, None),
    ]  # fmt: skip
    names = {s.indicator for s in _all("Các chỉ tiêu năm 2026:", "- Diện tích trồng rừng mới (ha): 85;")}
    assert names == {"Diện tích trồng rừng mới"}


def test_a_list_of_names_with_their_unit_in_brackets_reporting_results():
    got = _read(
        "Kết quả thực hiện một số chỉ tiêu năm 2025:",
        "- Sản lượng chè búp tươi (tấn): 3.420;",
        "- Tỷ lệ che phủ rừng (%): 46,2;",
        "- Số trường đạt chuẩn quốc gia (trường): 14.",
    )
    assert got == [("result", 3420, "tấn", 2025, None), ("result", 46.2, "%", 2025, None),
                   ("result", 14, "trường", 2025, None)]  # fmt: skip


def test_a_list_of_names_with_their_unit_takes_its_kind_and_year_from_the_intro():
    got = _read(
        "Hội đồng nhân dân xã thống nhất các chỉ tiêu chủ yếu năm 2027 như sau:",
        "1. Tổng sản lượng lương thực (tấn): 3.150.",
        "2. Thu ngân sách (triệu đồng): 860.",
    )
    assert got == [("target", 3150, "tấn", 2027, None), ("target", 860, "triệu đồng", 2027, None)]
    # with no intro: a result, its year its own
    assert _read("Sản lượng lúa năm 2025 (tấn): 3.150.") == [("result", 3150, "tấn", 2025, None)]


def test_a_yearly_rate_in_brackets_is_per_year():
    got = [
        (s.kind, s.op, s.low, s.high, s.unit, s.per_year, s.period)
        for s in _all(
            "Điều 1. Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030",
            "1. Tốc độ tăng trưởng kinh tế bình quân (%/năm): 8 - 9.",
            "2. Giá trị sản phẩm trên 1 ha đất trồng trọt (triệu đồng/ha): 120.",
        )
    ]
    assert got == [
        ("target", "range", 8, 9, "%", True, "2026-2030"),
        ("target", "=", 120, 120, "triệu đồng/ha", False, "2026-2030"),
    ]


def test_brackets_that_name_no_unit_give_no_unit():
    # trap: "(dự kiến)", "(năm 2024)" are no units: a bare number after them states nothing
    assert _read("Tổng vốn đầu tư công của xã (dự kiến): 450.") == []
    assert _read("Theo Nghị quyết số 12 (năm 2024): 5.") == []
    # a value with its own unit keeps it
    assert _read("Kết quả năm 2025:", "- Diện tích lúa (ha): 1.200 ha.") == [("result", 1200, "ha", 2025, None)]
