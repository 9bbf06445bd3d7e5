"""Phụ lục 1 exported as .xlsx: the same rows as the DOCX table, numbers kept as numbers with
explicit number formats, a merged two-row header, frozen panes and set column widths."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from chitieu.reports.data import build_report_data
from chitieu.reports.xlsx import appendix_xlsx_bytes


@pytest.fixture(scope="module")
def sheet(plan):
    data = build_report_data(plan)
    return load_workbook(io.BytesIO(appendix_xlsx_bytes(data.appendix)))["Phụ lục 1"]


def test_the_sheet_has_the_title_and_a_merged_two_row_header(sheet):
    assert sheet["A1"].value == "Phụ lục 1. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"
    assert [sheet.cell(5, c).value for c in range(1, 11)] == [
        "STT",
        "CHỈ TIÊU",
        "ĐVT",
        "Chỉ tiêu Nghị quyết",
        "Thực hiện",
        None,
        None,
        "So sánh (%)",
        None,
        "Đánh giá",
    ]
    assert [sheet.cell(6, c).value for c in range(5, 10)] == [
        "2020",
        "2024",
        "Ước 2025",
        "Giai đoạn 2021-2024",
        "Giai đoạn 2021-2025",
    ]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"A5:A6", "B5:B6", "E5:G5", "H5:I5", "J5:J6"} <= merged


def test_values_are_numbers_with_explicit_formats_and_the_index_keeps_two_decimals(sheet):
    row = [sheet.cell(8, c) for c in range(1, 11)]
    assert [c.value for c in row[:4]] == [
        "1",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        "Tỷ đồng",
        "tăng 17-19%/năm",
    ]
    assert [c.value for c in row[4:7]] == [2796, 5164, 6150]
    # the decimals the DOCX prints: 2.796, not 2.796,0
    assert all(c.number_format == "#,##0" for c in row[4:7])
    assert round(row[8].value, 2) == 117.08 and row[8].number_format == "0.00"
    assert row[9].value == "Đạt"
    assert sheet.cell(7, 2).value == "KINH TẾ" and sheet.cell(7, 2).font.bold


def test_trong_do_rows_are_italic_and_empty_cells_stay_empty(sheet):
    part = next(r for r in sheet.iter_rows(min_row=7) if r[1].value == "- Công nghiệp")
    assert part[1].font.italic
    assert part[3].value is None and part[9].value is None
    assert [c.value for c in part[4:7]] == [536.0, 679.4, 735]


def test_the_header_and_the_name_columns_are_frozen_and_columns_have_widths(sheet):
    assert sheet.freeze_panes == "C7"
    assert sheet.column_dimensions["B"].width == 48
    assert sheet.column_dimensions["A"].width == 6


def test_an_indicator_name_that_looks_like_a_formula_stays_text(tmp_path):
    """Issue 10, finding 9: an indicator named ``=HYPERLINK(…)`` was a live formula in Phụ lục 1."""
    from pathlib import Path

    from chitieu.planfile import load_plan

    example = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"
    text = example.read_text(encoding="utf-8")
    evil = '=HYPERLINK("http://evil","x")'
    text = text.replace("name: Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", f"name: '{evil}'", 1)
    text = text.replace("name: Công nghiệp\n", "name: '@SUM(A1)'\n", 1)
    text = text.replace("target: tăng 17-19%/năm", "target: '+tăng 17-19%/năm'", 1)
    hostile = tmp_path / "plan.yaml"
    hostile.write_text(text, encoding="utf-8")
    plan = load_plan(hostile)
    data = appendix_xlsx_bytes(build_report_data(plan).appendix)
    ws = load_workbook(io.BytesIO(data))["Phụ lục 1"]
    name, target = ws["B8"], ws["D8"]
    assert name.value == "'" + evil and name.data_type == "s"
    assert target.value == "'+tăng 17-19%/năm" and target.data_type == "s"
    part = next(r[1] for r in ws.iter_rows(min_row=7) if r[1].value and "SUM" in r[1].value)
    assert part.value == "- '@SUM(A1)" and part.data_type == "s" and part.quotePrefix
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
    assert [c.value for c in ws[8][4:7]] == [2796, 5164, 6150]  # numbers stay numbers


def test_the_bulleted_rows_keep_their_text_and_are_marked_as_text(sheet):
    part = next(r for r in sheet.iter_rows(min_row=7) if r[1].value == "- Công nghiệp")
    assert part[1].data_type == "s" and part[1].quotePrefix
    assert all(not c.quotePrefix for c in sheet[8])  # ordinary text is written as it is
