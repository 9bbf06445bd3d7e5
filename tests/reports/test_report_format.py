"""The generated report follows the format of Nghị định 30/2020/NĐ-CP: A4, the decree's margins,
Times New Roman, the borderless letterhead table, the page number in the header except on
page 1, "Nơi nhận" and the signature block."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from chitieu.reports.layout import PLACEHOLDER_PREFIX


def _mm(length) -> float:
    return round(length / 36000, 1)  # twips round 15 mm to 14,99 mm


def test_the_report_pages_are_portrait_a4_with_the_decrees_margins(report):
    s = report.sections[0]
    assert s.orientation == WD_ORIENT.PORTRAIT
    assert round(_mm(s.page_width)) == 210 and round(_mm(s.page_height)) == 297
    assert 20 <= _mm(s.top_margin) <= 25
    assert 20 <= _mm(s.bottom_margin) <= 25
    assert 30 <= _mm(s.left_margin) <= 35
    assert 15 <= _mm(s.right_margin) <= 20


def test_every_run_of_the_body_is_times_new_roman_for_every_script(report):
    runs = [r for p in report.paragraphs for r in p.runs if r.text.strip()]
    assert len(runs) > 50
    for r in runs:
        fonts = r._element.rPr.find(qn("w:rFonts"))
        assert r.font.name == "Times New Roman", r.text
        assert fonts.get(qn("w:cs")) == fonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert report.styles["Normal"].font.name == "Times New Roman"


def test_body_paragraphs_are_14pt_justified_with_a_first_line_indent_and_6pt_after(report):
    sentence = next(p for p in report.paragraphs if p.text.startswith("Tổng mức bán lẻ hàng hóa"))
    pf = sentence.paragraph_format
    assert sentence.runs[0].font.size == Pt(14)
    assert pf.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert Cm(1) <= pf.first_line_indent <= Cm(1.27)
    assert pf.space_after >= Pt(6)


def test_the_letterhead_is_a_borderless_two_column_table_with_issuer_number_motto_place_and_date(report):
    table = report.tables[0]
    left, right = table.rows[0].cells
    number, place_date = table.rows[1].cells
    assert [p.text for p in left.paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN",
        "THỊ XÃ QUẢNG TRỊ",
    ]
    assert [p.text for p in right.paragraphs if p.text] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert [p.text for p in number.paragraphs] == ["Số: 125/BC-UBND"]
    assert [p.text for p in place_date.paragraphs] == ["Quảng Trị, ngày 05 tháng 01 năm 2026"]
    motto = next(p for p in right.paragraphs if p.text.startswith("Độc lập"))
    assert motto.runs[0].font.underline and motto.runs[0].font.bold
    date_line = place_date.paragraphs[0]
    assert date_line.runs[0].font.italic
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}


def test_the_title_is_bao_cao_with_its_subject_in_bold(report):
    texts = [p.text for p in report.paragraphs]
    i = texts.index("BÁO CÁO")
    assert texts[i + 1] == (
        "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025 "
        "và kế hoạch phát triển kinh tế - xã hội 5 năm 2026-2030"
    )
    assert report.paragraphs[i].runs[0].font.bold and report.paragraphs[i + 1].runs[0].font.bold


def test_page_numbers_are_a_page_field_centred_in_the_header_but_not_on_the_first_page(report):
    s = report.sections[0]
    assert s.different_first_page_header_footer
    header = s.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert "PAGE" in "".join(t.text for t in header._p.iter(qn("w:instrText")))
    assert not list(s.first_page_header._element.iter(qn("w:instrText")))


def test_the_body_ends_with_the_closing_sentence_and_dot_slash_dot_before_the_signature(report):
    texts = [p.text for p in report.paragraphs if p.text.strip()]
    closing = next(t for t in texts if t.startswith("Trên đây là báo cáo"))
    assert closing.endswith("của UBND thị xã Quảng Trị./.")


def test_noi_nhan_and_the_signature_sit_in_a_borderless_two_column_table(report):
    table = next(t for t in report.tables if "Nơi nhận:" in t.rows[0].cells[0].text)
    left, right = table.rows[0].cells
    heading = left.paragraphs[0]
    assert heading.text == "Nơi nhận:"
    run = heading.runs[0]
    assert run.font.bold and run.font.italic and run.font.size == Pt(12)
    recipients = [p for p in left.paragraphs[1:] if p.text]
    assert recipients[0].text == "- UBND tỉnh Quảng Trị (b/c);"
    assert recipients[-1].text == "- Lưu: VT, TCKH."
    assert all(p.runs[0].font.size == Pt(11) for p in recipients)
    sign = [p for p in right.paragraphs if p.text]
    assert [p.text for p in sign[:2]] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert all(p.runs[0].font.bold for p in sign)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}


def test_what_only_the_unit_can_write_is_left_as_highlighted_paragraphs(report):
    marked = [p for p in report.paragraphs if p.text.startswith(PLACEHOLDER_PREFIX)]
    assert len(marked) >= 5
    for p in marked:
        assert p.text.endswith("]")
        assert all(r.font.highlight_color == WD_COLOR_INDEX.YELLOW for r in p.runs)


def test_the_economy_section_carries_the_growth_chart_and_no_structure_at_constant_prices(report):
    # The demo has two sectors' production at constant prices and no structure target: a
    # structure is at current prices and covers every sector (issue 14 item 6), so no such chart.
    assert len(report.inline_shapes) == 1
    captions = [p.text for p in report.paragraphs if p.text.startswith("Biểu đồ")]
    assert captions == [
        "Biểu đồ 1. Tốc độ tăng bình quân giai đoạn 2021-2025 so với chỉ tiêu Nghị quyết",
    ]
    assert all(Mm(100) < shape.width <= Mm(165) for shape in report.inline_shapes)
