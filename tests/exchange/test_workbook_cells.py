"""Reading what an officer typed in a workbook cell, and the workbook's own checks, without Django."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from chitieu.core.value_checks import ValueProblem
from chitieu.exchange.workbook import (
    Row,
    Sheet,
    WorkbookError,
    read_cell,
    read_collection,
    read_status,
    sheet_titles,
    write_collection,
)
from chitieu.exchange.xlsxread import FormulaCell


@pytest.mark.parametrize("raw, number_format, rule, expected", [
    (318, "General", "any", Decimal("318")),
    (80.25, "General", "any", Decimal("80.25")),
    (0.1 + 0.2, "General", "any", Decimal("0.3")),  # a formula's cached double, to 15 digits
    ("1.234,5", "General", "any", Decimal("1234.5")),  # Vietnamese
    ("1,234.5", "General", "any", Decimal("1234.5")),  # English
    ("12.5", "General", "any", Decimal("12.5")),
    ("1.234.567", "General", "any", Decimal("1234567")),
    ("97,5%", "General", "percent", Decimal("97.5")),
    ("  45 % ", "General", "percent", Decimal("45")),
    (0.455, "0.0%", "percent", Decimal("45.5")),  # typed 45,5% in a spreadsheet
    (0.455, '0.0" %"', "percent", Decimal("0.455")),  # a quoted % is only text
    ("Đạt", "General", "boolean", Decimal(1)),
    ("chưa đạt", "General", "boolean", Decimal(0)),
    (1, "General", "boolean", Decimal(1)),
    (None, "General", "any", None),
    ("   ", "General", "any", None),
])
def test_cells_are_read_as_typed(raw, number_format, rule, expected):
    assert read_cell(raw, number_format, rule) == expected


@pytest.mark.parametrize("raw", ["abc", "%", "1,2,3", True, float("nan")])
def test_what_is_not_a_number_is_refused(raw):
    with pytest.raises(ValueProblem):
        read_cell(raw)


@given(st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_a_number_written_the_vietnamese_way_reads_back_exactly(d):
    whole, _, frac = format(abs(d), "f").partition(".")
    groups = f"{int(whole):,}".replace(",", ".")
    text = ("-" if d < 0 else "") + groups + ("," + frac if frac.strip("0") else "")
    assert read_cell(text) == d


def test_statuses():
    assert read_status("Ước thực hiện") == "uoc" and read_status("sơ bộ") == "so_bo"
    assert read_status("Chính thức") == "chinh_thuc" and read_status(None) is None and read_status(" ") is None
    with pytest.raises(ValueError):
        read_status("tạm tính")


def test_sheet_titles_are_valid_and_unique():
    assert sheet_titles([("19502", "Phường 2"), ("19503", "Phường 2"), ("1", "A/B: [x]?")]) == [
        "Phường 2", "Phường 2 19503", "A B   x"]
    assert len(sheet_titles([("12345", "Ủy ban nhân dân phường rất dài tên hơn ba mươi mốt ký tự")])[0]) <= 31


def _book(**kw) -> bytes:
    buf = io.BytesIO()
    write_collection(buf, plan_id=7, plan_label="2021-2025 của Phường 2", year=2024, previous_years=[2023],
                     fingerprint="abc", sheets=[Sheet("19502", "Phường 2", [
                         Row("KT01", "Tổng mức bán lẻ", "tỷ đồng", previous={2023: 262}),
                         Row("XH09", "Tỷ lệ BHYT", "%", rule="percent")])], **kw)
    return buf.getvalue()


def test_a_written_workbook_reads_back():
    wb = load_workbook(io.BytesIO(_book()))
    wb["Phường 2"]["F5"] = "1.234,5"
    wb["Phường 2"]["F6"] = "=90+7.5"
    out = io.BytesIO()
    wb.save(out)
    filled = read_collection(io.BytesIO(out.getvalue()))
    assert (filled.meta.plan_id, filled.meta.year, filled.meta.previous_years) == (7, 2024, [2023])
    (sheet,) = filled.sheets
    assert [(r.row, r.code, r.unit_text, r.value) for r in sheet.rows] == [
        (5, "KT01", "tỷ đồng", "1.234,5"), (6, "XH09", "%", FormulaCell("90+7.5"))]  # no cached value


def test_an_added_row_is_refused_naming_its_cell():
    wb = load_workbook(io.BytesIO(_book()))
    wb["Phường 2"]["A7"] = "XH99"
    wb["Phường 2"]["F7"] = 5
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(WorkbookError) as err:
        read_collection(io.BytesIO(out.getvalue()))
    assert err.value.vi == "Trang tính “Phường 2”, ô A7: có dòng “XH99” không thuộc mẫu; không thêm dòng vào biểu."


def test_a_workbook_without_the_hidden_sheet_is_not_ours():
    wb = load_workbook(io.BytesIO(_book()))
    del wb["_chitieu"]
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(WorkbookError) as err:
        read_collection(io.BytesIO(out.getvalue()))
    assert err.value.code == "not_collection"


def test_the_fast_reader_and_the_xml_parser_agree(monkeypatch):
    from chitieu.exchange import xlsxread

    wb = load_workbook(io.BytesIO(_book()))
    ws = wb["Phường 2"]
    ws["F5"], ws["F6"], ws["G5"], ws["H6"] = "1.234,5 & <b>", 0.455, "Sơ bộ", "=1/0"
    ws["F6"].number_format = "0.0%"
    out = io.BytesIO()
    wb.save(out)

    def read():
        book = xlsxread.Book(io.BytesIO(out.getvalue()))
        return {name: list(book.rows(name, set(range(1, 10)), 1)) for name in book.sheets}

    fast = read()
    monkeypatch.setattr(xlsxread, "_FAST_LIMIT", -1)
    assert read() == fast
    rows = dict(fast["Phường 2"])
    assert rows[5][6][0] == "1.234,5 & <b>" and rows[6][6] == (0.455, "0.0%")
    # a formula saved without its value (openpyxl writes none) is told apart from an empty cell
    assert isinstance(rows[6][8][0], xlsxread.FormulaCell) and str(rows[6][8][0]) == "=1/0"

