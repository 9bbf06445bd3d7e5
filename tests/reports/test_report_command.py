"""`chitieu report PLAN -o OUT.docx [--xlsx] [--pdf] [--date] [--number] [--template]` writes the
report files, and says clearly what is wrong when it cannot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from chitieu.cli import main
from chitieu.reports.pdf import PdfConversionError, docx_to_pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"


def test_the_command_writes_the_report_and_the_appendix_spreadsheet(tmp_path, capsys):
    out, xlsx = tmp_path / "bc.docx", tmp_path / "pl1.xlsx"
    code = main(
        [
            "report",
            str(EXAMPLE),
            "-o",
            str(out),
            "--xlsx",
            str(xlsx),
            "--date",
            "2026-01-05",
            "--number",
            "125/BC-UBND",
        ]
    )
    assert code == 0
    doc = Document(out)
    left, right = doc.tables[0].rows[1].cells
    assert left.text == "Số: 125/BC-UBND"
    assert right.text == "Quảng Trị, ngày 05 tháng 01 năm 2026"
    assert load_workbook(xlsx)["Phụ lục 1"]["B8"].value == "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"
    assert capsys.readouterr().out.split() == [str(out), str(xlsx)]


def test_without_a_number_the_office_fills_it_in_by_hand(tmp_path):
    out = tmp_path / "bc.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--date", "2026-03-15"]) == 0
    left, right = Document(out).tables[0].rows[1].cells
    assert left.text == "Số:        /BC-UBND"
    assert "ngày 15 tháng 3 năm 2026" in right.text


def test_a_bad_plan_file_or_date_is_an_error_that_writes_nothing(tmp_path, capsys):
    out = tmp_path / "bc.docx"
    assert main(["report", str(tmp_path / "khong-co.yaml"), "-o", str(out)]) == 1
    assert "Không tìm thấy tệp" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["report", str(EXAMPLE), "-o", str(out), "--date", "05/01/2026"])
    assert "ngày “05/01/2026” không hợp lệ" in capsys.readouterr().err
    assert main(["report", str(EXAMPLE), "-o", str(tmp_path / "bc.pdf")]) == 2
    assert list(tmp_path.iterdir()) == []


def test_without_libreoffice_the_pdf_step_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PdfConversionError, match="libreoffice-writer-nogui"):
        docx_to_pdf(tmp_path / "bc.docx", tmp_path / "bc.pdf")


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_with_libreoffice_the_command_also_writes_a_pdf(tmp_path):
    out = tmp_path / "bc.docx"
    assert main(["report", str(EXAMPLE), "-o", str(out), "--pdf", "--date", "2026-01-05"]) == 0
    pdf = tmp_path / "bc.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".pdf"] == ["bc.pdf"]
