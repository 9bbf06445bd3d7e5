"""Readers turn text, DOCX and PDF reports into one Document of numbered, repaired lines."""

from __future__ import annotations

import shutil
import unicodedata
from collections import Counter

import pytest
from extract_fixtures import SEED_004, need_seeds, soffice_convert

from chitieu.extract import extract, read_document


def test_a_text_report_keeps_the_file_s_own_line_numbers(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Báo cáo\n\nTỷ lệ hộ nghèo còn 0,58%.\n", encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "text"
    assert doc.lines == ("Báo cáo", "", "Tỷ lệ hộ nghèo còn 0,58%.")
    assert doc.line(3) == "Tỷ lệ hộ nghèo còn 0,58%."


def test_text_is_nfc_normalised(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Thu nhập bình quân đạt 85 triệu đồng")
    path = tmp_path / "r.md"
    path.write_text(decomposed + "\n", encoding="utf-8")
    assert read_document(path).lines[0] == "Thu nhập bình quân đạt 85 triệu đồng"


def test_letters_lost_in_pdf_extraction_are_repaired_where_unambiguous(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("1. K t quả thực hiện k  hoạch chủ y u, tiêu ch  đô thị, ĐẠT ĐƢỢC\n", encoding="utf-8")
    assert read_document(path).lines[0] == "1. Kết quả thực hiện kế hoạch chủ yếu, tiêu chí  đô thị, ĐẠT ĐƯỢC"


def test_a_docx_gives_paragraphs_table_rows_and_footnotes_in_order(report_docx):
    doc = read_document(report_docx)
    assert doc.format == "docx"
    assert doc.lines == (
        "1. Kết quả thực hiện các chỉ tiêu chủ yếu",
        "Tỷ lệ người dân tham gia bảo hiểm y tế năm 2020 đạt 94,1% (chỉ tiêu trên 80%).",
        "Chỉ tiêu | Đơn vị | Kết quả",
        "Số hộ nghèo | hộ | 13",
        "Thu nhập bình quân đầu người năm 2020 đạt 71 triệu đồng/người/năm.",
        "[1] Năm 2016 có 34 hộ nghèo, năm 2020 còn 13 hộ nghèo.",
    )


def test_statements_in_a_docx_table_and_footnote_are_found_on_their_lines(report_docx):
    statements = extract(read_document(report_docx))
    poor = [(s.line, s.indicator, s.low, s.unit, s.year) for s in statements if s.unit == "hộ"]
    assert poor == [
        (4, "Số hộ nghèo", 13, "hộ", None),  # the table row, read by its header (Chỉ tiêu | Đơn vị | Kết quả)
        (6, "Số hộ nghèo", 34, "hộ", 2016),  # the footnote
        (6, "Số hộ nghèo", 13, "hộ", 2020),
    ]
    insurance = next(s for s in statements if s.unit == "%")
    assert (insurance.line, insurance.low, insurance.compared_target) == (
        2,
        94.1,
        {"op": ">", "low": 80, "high": None},
    )


def test_a_pdf_made_from_the_docx_reads_the_same_statements(report_pdf):
    doc = read_document(report_pdf)
    assert doc.format == "pdf"
    assert any("bảo hiểm y tế" in line for line in doc.lines)
    assert any("34 hộ nghèo" in line for line in doc.lines)  # the footnote at the foot of the page
    found = {(s.kind, s.low, s.unit) for s in extract(doc)}
    assert {("result", 94.1, "%"), ("result", 71, "triệu đồng/người/năm"), ("result", 34, "hộ")} <= found


def _values(path):
    return Counter(
        (s.kind, s.op, s.low, s.high, s.unit) for s in extract(read_document(path)) if s.op != "qualitative"
    )


@pytest.mark.slow
def test_a_seed_saved_as_docx_and_as_pdf_gives_the_same_figures(tmp_path):
    need_seeds()
    source = tmp_path / "r004.txt"
    shutil.copy(SEED_004, source)
    as_text = _values(source)
    assert sum(as_text.values()) > 90
    assert _values(soffice_convert(source, tmp_path / "docx", "docx")) == as_text
    assert _values(soffice_convert(source, tmp_path / "pdf", "pdf")) == as_text
