"""A unit can bring its own letterhead and fixed paragraphs as a docxtpl template; chitieu puts
the generated content where the template says {{ noi_dung }}. The default template ships with
the package and is exactly what make_default_template builds."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from docx import Document

from chitieu.reports.document import ReportError, build_report, report_bytes
from chitieu.reports.make_default_template import DEFAULT_TEMPLATE, build_template

ISSUED = date(2026, 1, 5)


def _template(*paragraphs: str) -> bytes:
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def test_a_units_own_template_gives_its_letterhead_and_fixed_paragraphs(plan):
    template = _template(
        "ĐẢNG ỦY - ỦY BAN NHÂN DÂN {{ don_vi }}",
        "{{ so_ky_hieu }} — {{ dia_danh_ngay }}",
        "Kính gửi: Ủy ban nhân dân tỉnh Quảng Trị",
        "{{ noi_dung }}",
        "Đoạn cố định của đơn vị sau nội dung.",
        "{{ quyen_han }} / {{ chuc_vu }} / {{ nguoi_ky }}",
    )
    doc = build_report(plan, template=template, issued=ISSUED, number="7/BC-UBND")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "ĐẢNG ỦY - ỦY BAN NHÂN DÂN THỊ XÃ QUẢNG TRỊ"
    assert texts[1] == "Số: 07/BC-UBND — Quảng Trị, ngày 05 tháng 01 năm 2026"  # ND 30: 05, not 5
    assert texts[2] == "Kính gửi: Ủy ban nhân dân tỉnh Quảng Trị"
    assert texts[3] == "Phần thứ nhất"  # the generated body replaces {{ noi_dung }} in place
    fixed = texts.index("Đoạn cố định của đơn vị sau nội dung.")
    assert texts.index("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU") < fixed < texts.index("Phụ lục 1")
    assert texts[fixed + 1] == "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / [Họ và tên người ký]"
    assert "BÁO CÁO" not in texts  # nothing of the default template leaks in
    # Phụ lục 1, the next term's targets and the calculations
    assert len(doc.tables) == 3 and len(doc.sections) == 4


def test_a_template_without_the_content_paragraph_is_refused_with_a_clear_message(plan):
    with pytest.raises(ReportError, match=r"noi_dung"):
        build_report(plan, template=_template("{{ so_ky_hieu }}"), issued=ISSUED)


def test_a_template_that_is_not_a_docx_is_refused(plan, tmp_path):
    bogus = tmp_path / "mau.docx"
    bogus.write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(ReportError, match=r"\.docx"):
        build_report(plan, template=bogus, issued=ISSUED)
    with pytest.raises(ReportError, match="Không tìm thấy"):
        build_report(plan, template=tmp_path / "khong-co.docx", issued=ISSUED)


def test_the_committed_default_template_is_what_the_script_builds():
    built = io.BytesIO()
    build_template().save(built)
    with zipfile.ZipFile(built) as fresh, zipfile.ZipFile(DEFAULT_TEMPLATE) as committed:
        for part in ("word/document.xml", "word/header1.xml", "word/styles.xml"):
            assert fresh.read(part) == committed.read(part), part


def test_the_default_report_and_a_copy_of_the_default_template_give_the_same_document(plan, tmp_path):
    copy = tmp_path / "mau-rieng.docx"
    copy.write_bytes(DEFAULT_TEMPLATE.read_bytes())
    a = Document(io.BytesIO(report_bytes(plan, issued=ISSUED)))
    b = Document(io.BytesIO(report_bytes(plan, template=copy, issued=ISSUED)))
    assert [p.text for p in a.paragraphs] == [p.text for p in b.paragraphs]
