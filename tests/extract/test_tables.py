"""Rows of an appendix table whose cells the PDF broke over lines read as results beside their targets."""

from __future__ import annotations

import pytest
from extract_fixtures import SEED_002, build_docx, need_seeds

from chitieu.extract import extract, read_document
from chitieu.extract.document import Document


@pytest.fixture(scope="module")
def appendix():
    need_seeds()
    # one row gives several statements (every filled cell); keyed by line, the row's main result
    # (the one beside its target or verdict, else the last) stands for the row
    rows: dict = {}
    for s in extract(read_document(SEED_002)):
        if s.line >= 3512 and s.kind == "result":
            if s.line not in rows or s.compared_target or s.stated_status or not (
                rows[s.line].compared_target or rows[s.line].stated_status
            ):
                rows[s.line] = s
    return rows


def test_a_row_gives_the_latest_year_with_the_target_and_the_verdict(appendix):
    nursery = appendix[3686]
    assert (nursery.indicator, nursery.low, nursery.unit, nursery.year) == (
        "Tỷ lệ huy động vào nhà trẻ",
        78,
        "%",
        2025,
    )
    assert nursery.compared_target == {"op": "range", "low": 70, "high": 75}
    assert nursery.stated_status == "dat"


def test_numbers_in_english_style_in_a_row_are_read_as_such(appendix):
    retail = appendix[3536]
    assert (retail.low, retail.unit, retail.stated_status) == (6150, "tỷ đồng", "dat")
    assert retail.compared_target is None  # the target is a growth rate, not a level in tỷ đồng


def test_an_estimate_for_the_period_is_the_result(appendix):
    capital = appendix[3637]
    assert (capital.low, capital.unit, capital.period, capital.stated_status) == (
        467,
        "tỷ đồng",
        "2021-2025",
        "khong_dat",
    )
    assert capital.compared_target == {"op": "range", "low": 550, "high": 600}
    poverty = appendix[3674]
    assert (poverty.low, poverty.unit, poverty.per_year, poverty.compared_target) == (
        18,
        "hộ",
        True,
        {"op": "range", "low": 12, "high": 15},
    )


def test_a_row_with_only_a_verdict_is_a_qualitative_result(appendix):
    row = appendix[3705]
    assert (row.op, row.stated_status) == ("qualitative", "khong_dat")


def test_a_small_broken_table_in_a_text_report():
    lines = (
        "Phụ lục. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU",
        "STT Chỉ tiêu ĐVT Kế hoạch 2024 Ước 2025 Đánh giá",
        "1 Tỷ lệ hộ nghèo % <2 1,8 ",
        "",
        "1,2 Đạt",
        "2 Tỷ lệ trẻ em suy dinh dưỡng % 10 12,0",
        "11,5",
        "Không đạt",
    )
    rows = extract(Document("pl.txt", "text", lines))
    # every filled cell: the plan column as a target, each year's value, the latest beside the plan
    got = [(s.kind, s.line, s.low, s.high, s.year, s.compared_target, s.stated_status) for s in rows]
    assert got == [
        ("target", 3, None, 2, None, None, None),
        ("result", 3, 1.8, 1.8, 2024, None, None),
        ("result", 5, 1.2, 1.2, 2025, {"op": "<", "low": None, "high": 2}, "dat"),
        ("target", 6, 10, 10, None, None, None),
        ("result", 6, 12, 12, 2024, None, None),
        ("result", 7, 11.5, 11.5, 2025, {"op": "=", "low": 10, "high": 10}, "khong_dat"),
    ]


def test_a_docx_results_table_is_read_by_its_header(tmp_path):
    table = [
        [
            "STT",
            "Chỉ tiêu",
            "ĐVT",
            "Kế hoạch 2025",
            "Thực hiện 2024",
            "Ước thực hiện 2025",
            "So với KH (%)",
            "Đánh giá",
        ],
        ["1", "Tỷ lệ hộ nghèo", "%", "<2", "2,1", "1,8", "111", "Đạt"],
        ["2", "Thu ngân sách", "tỷ đồng", "50", "45", "48,5", "97", "Không đạt"],
        ["3", "Số trường đạt chuẩn quốc gia", "trường", "10", "", "11", "", "Vượt"],
    ]
    path = build_docx(
        tmp_path / "bang.docx", [("1. Kết quả thực hiện", None), ("Các chỉ tiêu chủ yếu:", None)], table, {}
    )
    got = [
        (s.kind, s.line, s.indicator, s.low, s.high, s.unit, s.year, s.compared_target, s.stated_status)
        for s in extract(read_document(path))
    ]
    # every filled cell: the result columns give results (the latest beside the plan of its year:
    # one statement, the plan its compared target), the "% of plan" column a result in % of the
    # latest result's year
    assert got == [
        ("result", 4, "Tỷ lệ hộ nghèo", 2.1, 2.1, "%", 2024, None, None),
        ("result", 4, "Tỷ lệ hộ nghèo", 1.8, 1.8, "%", 2025, {"op": "<", "low": None, "high": 2}, "dat"),
        ("result", 4, "Tỷ lệ hộ nghèo so với kế hoạch", 111, 111, "%", 2025, None, "dat"),  # (the row's verdict)
        ("result", 5, "Thu ngân sách", 45, 45, "tỷ đồng", 2024, None, None),
        ("result", 5, "Thu ngân sách", 48.5, 48.5, "tỷ đồng", 2025, {"op": "=", "low": 50, "high": 50}, "khong_dat"),
        ("result", 5, "Thu ngân sách so với kế hoạch", 97, 97, "%", 2025, None, "khong_dat"),
        ("result", 6, "Số trường đạt chuẩn quốc gia", 11, 11, "trường", 2025, {"op": "=", "low": 10, "high": 10}, "vuot"),
    ]


def test_a_docx_table_of_plan_targets_gives_targets(tmp_path):
    table = [
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu đến năm 2030"],
        ["1", "Thu nhập bình quân đầu người", "triệu đồng", "120-125"],
        ["2", "Tỷ lệ hộ nghèo", "%", "dưới 1"],
    ]
    path = build_docx(
        tmp_path / "mt.docx", [("II. Các chỉ tiêu chủ yếu 2026-2030", None), ("", None)], table, {}
    )
    got = [(s.kind, s.indicator, s.op, s.low, s.high, s.unit, s.year) for s in extract(read_document(path))]
    assert got == [
        # income per head is money per person per year, as in running text
        ("target", "Thu nhập bình quân đầu người", "range", 120, 125, "triệu đồng/người/năm", 2030),
        ("target", "Tỷ lệ hộ nghèo", "<", None, 1, "%", 2030),
    ]


def test_a_markdown_table_reads_like_a_docx_table():
    lines = (
        "## 1. Kết quả thực hiện các chỉ tiêu",
        "",
        "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện 2025 | Đánh giá |",
        "|---|---|---|:---:|---:|---|",
        "| 1 | Tỷ lệ hộ nghèo | % | <2 | 1,8 | Đạt |",
    )
    [s] = extract(Document("t.md", "text", lines))  # the plan of the same year: the result's compared target
    assert (s.line, s.indicator, s.low, s.unit, s.year, s.compared_target, s.stated_status) == (
        5,
        "Tỷ lệ hộ nghèo",
        1.8,
        "%",
        2025,
        {"op": "<", "low": None, "high": 2},
        "dat",
    )


def test_a_table_typed_with_tabs_keeps_its_empty_cells_in_place():
    lines = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2024",
        "STT\tChỉ tiêu\tĐVT\tKế hoạch 2024\tƯớc TH 2024\tSo sánh (%)",
        "I\tKINH TẾ\t\t\t\t",
        "1\tThu ngân sách\tTỷ đồng\t45\t47,2\t104,9",
        "2\tTỷ lệ hộ nghèo\t%\tGiảm 4-5\tGiảm 4,6",  # the empty last cell was trimmed
        "Tỷ lệ che phủ rừng đạt 48,7%.",  # the table ended
    )
    rows = extract(Document("t.txt", "text", lines))
    assert [(s.line, s.low, s.unit, s.year, s.compared_target) for s in rows if s.kind == "result"] == [
        (4, 47.2, "tỷ đồng", 2024, {"op": "=", "low": 45, "high": 45}),
        (4, 104.9, "%", 2024, None),
        (5, 4.6, "%", 2024, {"op": "range", "low": 4, "high": 5}),
        (6, 48.7, "%", 2024, None),
    ]
