"""The letter around the content (issue 14, items 5, 11, 12, 14): names as Nghị định 30 writes
them, the Số line level with the date line, the signature block that never splits, ĐVT cells
that break only between words, the appendix numbering its own pages, the letter parts an office
sets (signer, TM./KT./Q., Kính gửi, Nơi nhận, a checked number), and files a unit can open and
share (numbers formatted as the DOCX prints them, ordinary permissions, true properties)."""

from __future__ import annotations

import io
import os
import stat
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from tests.reports.conftest import appendix_table

from chitieu.cli import main as cli_main
from chitieu.planfile import plan_from_dict
from chitieu.reports.appendix import column_widths
from chitieu.reports.data import build_report_data
from chitieu.reports.document import ReportError, report_bytes
from chitieu.reports.layout import text_width_pt
from chitieu.reports.letterhead import LetterParts, committee_name, normalise_number, place_name
from chitieu.reports.xlsx import appendix_xlsx_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"
ISSUED = date(2026, 1, 5)

WARD2 = {
    "unit": {"name": "Phường 2", "level": "phuong", "parent": "Thị xã Quảng Trị"},
    "period": "2020-2025",
    "source": "Nghị quyết Đại hội Đảng bộ Phường 2 nhiệm kỳ 2020-2025",
    "indicators": [
        {"code": "TN", "name": "Thu nhập bình quân đầu người", "unit": "triệu đồng/người/năm", "kind": "level",
         "direction": "higher", "domain": "kinh_te", "aggregation": "none", "price_basis": "current",
         "target": "85 triệu đồng/người/năm", "values": {2020: 55, 2025: 86.4}},
        {"code": "HN", "name": "Số hộ nghèo", "unit": "hộ", "kind": "count", "direction": "lower",
         "domain": "van_hoa_xa_hoi", "aggregation": "sum", "target": "dưới 20 hộ", "values": {2020: 34, 2025: 18}},
    ],
}


def _doc(data=WARD2, **kwargs) -> Document:
    return Document(io.BytesIO(report_bytes(plan_from_dict(data), issued=ISSUED, **kwargs)))


# --- item 11: names and layout ---------------------------------------------------------------


def test_a_unit_named_by_a_number_keeps_its_capital_and_its_type_word_in_the_place_line():
    doc = _doc()
    texts = [p.text for p in doc.paragraphs]
    assert any(t.startswith("UBND Phường 2 báo cáo kết quả") for t in texts)
    assert not any("UBND phường 2" in t for t in texts)
    assert doc.tables[0].cell(1, 1).text == "Phường 2, ngày 05 tháng 01 năm 2026"
    assert committee_name("Thị xã Quảng Trị") == "UBND thị xã Quảng Trị"
    # the place line drops the type word, except for units named by a number or after a person
    assert place_name("Thị xã Quảng Trị") == "Quảng Trị"
    assert place_name("Xã Hải Lệ") == "Hải Lệ"
    assert place_name("Phường Trần Phú") == "Phường Trần Phú"
    assert place_name("Quận 1") == "Quận 1"


def test_the_demo_towns_place_line_is_quang_tri(report):
    assert report.tables[0].cell(1, 1).text == "Quảng Trị, ngày 05 tháng 01 năm 2026"


def test_the_number_line_and_the_date_line_start_level_in_one_row(report):
    letterhead = report.tables[0]
    number, place_date = letterhead.rows[1].cells
    a, b = number.paragraphs[0], place_date.paragraphs[0]
    assert a.text.startswith("Số: ") and b.text.startswith("Quảng Trị, ngày")
    assert a.paragraph_format.space_before == b.paragraph_format.space_before
    assert len(number.paragraphs) == len(place_date.paragraphs) == 1


def test_unit_cells_break_only_between_words():
    doc = _doc()
    table = appendix_table(doc)
    row = next(r for r in table.rows if r.cells[1].text == "Thu nhập bình quân đầu người")
    assert row.cells[2].text == "Triệu đồng/người/năm"
    # the longest word, "đồng/người/năm", fits the ĐVT cell inside its margins (11 pt)
    inner_cm = row.cells[2].width / 360000 - 2 * 0.1
    assert text_width_pt("đồng/người/năm", 11) / 72 * 2.54 < inner_cm
    appendix = build_report_data(plan_from_dict(WARD2)).appendix
    assert column_widths(appendix, 25.2)[2] == pytest.approx(row.cells[2].width / 360000, abs=0.01)
    assert sum(column_widths(appendix, 25.2)) <= 25.2  # still within the landscape text width


def test_the_appendix_says_which_report_it_belongs_to_with_the_date_in_words(report):
    texts = [p.text for p in report.paragraphs]
    assert "(Kèm theo Báo cáo số 125/BC-UBND ngày 05 tháng 01 năm 2026 của UBND thị xã Quảng Trị)" in texts
    blank = _doc(number="")
    assert "(Kèm theo Báo cáo số        /BC-UBND ngày 05 tháng 01 năm 2026 của UBND Phường 2)" in [
        p.text for p in blank.paragraphs
    ]


# --- item 5: the signature block stays on one page ---------------------------------------------


def test_the_signature_block_cannot_split_and_the_closing_sentence_keeps_with_it(report):
    sign = next(t for t in report.tables if "TM. ỦY BAN NHÂN DÂN" in t.cell(0, 1).text)
    for row in sign.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
        for cell in row.cells:
            assert all(p.paragraph_format.keep_together for p in cell.paragraphs)
            assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs[:-1])
    before = sign._tbl.getprevious()
    assert "".join(before.itertext()).endswith("./.")
    assert before.find(qn("w:pPr")).find(qn("w:keepNext")) is not None


def test_a_units_own_template_also_gets_the_signature_kept_together(plan):
    doc = Document()
    doc.add_paragraph("{{ noi_dung }}")
    t = doc.add_table(rows=1, cols=2)
    t.cell(0, 1).paragraphs[0].text = "{{ quyen_han }}"
    t.cell(0, 1).add_paragraph("{{ chuc_vu }}")
    buf = io.BytesIO()
    doc.save(buf)
    out = Document(io.BytesIO(report_bytes(plan, template=buf.getvalue(), issued=ISSUED)))
    assert out.tables[0].rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None


# --- item 12: letter parts ----------------------------------------------------------------------


def test_signer_authority_kinh_gui_and_recipients_are_the_offices():
    parts = LetterParts(
        signer_name="Hoàng Thị Hằng",
        sign_as="tm_kt",
        kinh_gui="Ủy ban nhân dân thị xã Quảng Trị",
        recipients=("UBND thị xã (b/c)", "- Phòng TC-KH thị xã;", "Lưu: VP"),
    )
    doc = _doc(parts=parts)
    sign = doc.tables[1]
    assert sign.cell(0, 0).text == "Nơi nhận:\n- UBND thị xã (b/c);\n- Phòng TC-KH thị xã;\n- Lưu: VP."
    lines = [line for line in sign.cell(0, 1).text.split("\n") if line]
    assert lines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thị Hằng"]
    texts = [p.text for p in doc.paragraphs]
    assert "Kính gửi: Ủy ban nhân dân thị xã Quảng Trị." in texts
    # the trap: without a Kính gửi the report has no such line (a report usually has none)
    assert not any(t.startswith("Kính gửi") for t in (p.text for p in _doc().paragraphs))


def test_kt_signs_for_the_chair_and_q_as_acting_chair():
    kt = [x for x in _doc(parts=LetterParts(sign_as="kt")).tables[1].cell(0, 1).text.split("\n") if x]
    assert kt[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    q = [x for x in _doc(parts=LetterParts(sign_as="q")).tables[1].cell(0, 1).text.split("\n") if x]
    assert q[:2] == ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]
    with pytest.raises(ReportError, match="Thẩm quyền ký “xx” không hợp lệ"):
        LetterParts(sign_as="xx")


def test_the_number_is_written_as_decree_30_writes_it():
    assert normalise_number("5") == "05/BC-UBND"
    assert normalise_number("Số: 125/BC-UBND") == "125/BC-UBND"
    assert normalise_number("05 / bc-ubnd") == "05/BC-UBND"
    assert normalise_number("") == ""
    assert _doc(number="5").tables[0].cell(1, 0).text == "Số: 05/BC-UBND"
    for bad in ("abc xyz", "0/BC-UBND", "12/", "BC-UBND"):
        with pytest.raises(ReportError, match="không đúng thể thức Nghị định 30/2020/NĐ-CP: cần dạng 05/BC-UBND"):
            normalise_number(bad)


def test_the_command_line_sets_the_letter_parts_and_refuses_a_bad_number(tmp_path, capsys):
    out = tmp_path / "bao-cao.docx"
    code = cli_main(["report", str(EXAMPLE), "-o", str(out), "--date", "2026-01-05", "--number", "abc xyz"])
    assert code == 1 and not out.exists()
    assert "Số, ký hiệu “abc xyz” không đúng thể thức Nghị định 30/2020/NĐ-CP" in capsys.readouterr().err
    code = cli_main([
        "report", str(EXAMPLE), "-o", str(out), "--date", "2026-01-05", "--number", "5",
        "--signer", "Nguyễn Văn A", "--sign-as", "kt", "--kinh-gui", "UBND tỉnh Quảng Trị",
        "--noi-nhan", "UBND tỉnh (b/c)", "Lưu: VT",
    ])
    assert code == 0
    doc = Document(out)
    assert doc.tables[0].cell(1, 0).text == "Số: 05/BC-UBND"
    assert [x for x in doc.tables[1].cell(0, 1).text.split("\n") if x] == [
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]
    assert doc.tables[1].cell(0, 0).text == "Nơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT."
    assert "Kính gửi: UBND tỉnh Quảng Trị." in [p.text for p in doc.paragraphs]


# --- item 14: the files ---------------------------------------------------------------------------


def test_xlsx_formats_each_value_with_the_decimals_the_docx_prints(plan):
    sheet = load_workbook(io.BytesIO(appendix_xlsx_bytes(build_report_data(plan).appendix))).active
    rows = {r[1].value: r for r in sheet.iter_rows(min_row=7)}
    poor = rows["Mức giảm số hộ nghèo bình quân/năm"]  # 18 hộ: a count, "18" not "18,0"
    assert poor[6].value == 18 and poor[6].number_format == "#,##0"
    industry = rows["- Công nghiệp"]  # 536,0 → "536"; 679,4 → "679,4"
    assert [c.number_format for c in industry[4:7]] == ["#,##0", "#,##0.0", "#,##0"]
    assert sheet.parent.properties.creator == "chitieu"


def test_files_are_written_with_ordinary_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        docx, xlsx = tmp_path / "r.docx", tmp_path / "r.xlsx"
        assert cli_main(["report", str(EXAMPLE), "-o", str(docx), "--xlsx", str(xlsx), "--date", "2026-01-05"]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(docx.stat().st_mode) == 0o644
    assert stat.S_IMODE(xlsx.stat().st_mode) == 0o644


def test_docx_properties_name_the_unit_and_the_generation_time(plan):
    before = datetime.now(UTC).replace(microsecond=0)
    doc = Document(io.BytesIO(report_bytes(plan, issued=date(2026, 1, 5))))
    props = doc.core_properties
    assert props.author == "UBND thị xã Quảng Trị" and props.last_modified_by == "chitieu"
    assert props.title.startswith("Báo cáo kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025")
    assert before <= props.created.replace(tzinfo=UTC) <= datetime.now(UTC)
    assert props.created == props.modified and props.revision == 1
    assert "python-docx" not in (props.comments + props.author + props.last_modified_by)
    assert props.created.year != 2013


# --- item 12: the letter parts in the plan file ---------------------------------------------------

LETTER = """
letter:
  signer_name: Lê Thị B
  sign_as: tm_kt
  kinh_gui: UBND tỉnh Quảng Trị
  noi_nhan:
    - Thường trực Thị ủy (b/c)
    - Lưu VT
"""


def _with_letter(tmp_path, block: str) -> Path:
    path = tmp_path / "ke-hoach.yaml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8") + block, encoding="utf-8")
    return path


def test_the_plan_files_letter_block_signs_the_report_and_an_option_overrides_it(tmp_path):
    plan_file, out = _with_letter(tmp_path, LETTER), tmp_path / "bao-cao.docx"
    assert cli_main(["report", str(plan_file), "-o", str(out), "--date", "2026-01-05"]) == 0
    doc = Document(out)
    assert [x for x in doc.tables[1].cell(0, 1).text.split("\n") if x] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị B"]
    assert doc.tables[1].cell(0, 0).text == "Nơi nhận:\n- Thường trực Thị ủy (b/c);\n- Lưu VT."
    assert "Kính gửi: UBND tỉnh Quảng Trị." in [p.text for p in doc.paragraphs]

    assert cli_main(["report", str(plan_file), "-o", str(out), "--date", "2026-01-05", "--signer", "Trần Văn C",
                     "--sign-as", "tm"]) == 0
    signature = [x for x in Document(out).tables[1].cell(0, 1).text.split("\n") if x]
    assert signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn C"]


def test_a_misspelt_letter_key_or_authority_is_refused_with_its_line(tmp_path, capsys):
    from chitieu.core.plan import SIGN_AS_CODES
    from chitieu.planfile import PlanFileError, load_plan
    from chitieu.reports.letterhead import SIGN_AS

    assert set(SIGN_AS_CODES) == set(SIGN_AS)  # the plan file and the letter know the same authorities
    with pytest.raises(PlanFileError) as err:
        load_plan(_with_letter(tmp_path, LETTER.replace("signer_name", "signer_nam")))
    assert "signer_nam" in str(err.value) and "signer_name" in str(err.value) and "dòng" in str(err.value)
    with pytest.raises(PlanFileError) as err:
        load_plan(_with_letter(tmp_path, LETTER.replace("tm_kt", "pho_chu_tich")))
    assert "pho_chu_tich" in str(err.value) and "tm, tm_kt, kt, q" in str(err.value)
