"""Builds the default report template, ``templates/bao-cao.docx``, that ships with the package.

Run ``python -m chitieu.reports.make_default_template`` after changing this file and commit the
regenerated .docx (a test checks that the committed file matches this script). A unit that
wants its own letterhead copies that file, edits it in Word keeping the ``{{ … }}`` variables
it needs and the ``{{ noi_dung }}`` paragraph, and passes it with ``--template``.

The template holds what a unit may want to word its own way: the letterhead table, the title
and subject, the opening and closing sentences, "Nơi nhận" and the signature, and the page
number in the header (not on the first page). chitieu fills in everything else.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from docx import Document
from docx.shared import Pt

from chitieu.reports.layout import (
    BODY_PT,
    CENTER,
    LEFT,
    add_page_field,
    add_rule,
    add_text,
    fix_column_widths,
    keep_together,
    page_setup,
    set_borders,
    style_normal,
    text_width_cm,
)

DEFAULT_TEMPLATE = Path(__file__).with_name("templates") / "bao-cao.docx"

HEAD_LEFT_CM, HEAD_RIGHT_CM = 6.3, 10.2  # the letterhead's two columns (165 mm of text width)
SIGN_LEFT_CM, SIGN_RIGHT_CM = 8.5, 8.0
TEMPLATE_DATE = datetime(2026, 1, 1)  # fixed, so the committed file is reproducible


def _cell_text(cell, text, *, size=13, bold=False, italic=False, underline=False, align=CENTER, after=0):
    return add_text(
        cell,
        text,
        size=size,
        bold=bold,
        italic=italic,
        underline=underline,
        align=align,
        indent=False,
        after=Pt(after),
    )


def build_template():
    doc = Document()
    style_normal(doc)
    section = doc.sections[0]
    page_setup(section)
    section.different_first_page_header_footer = True
    header_p = section.header.paragraphs[0]
    header_p.alignment = CENTER
    add_page_field(header_p)

    body = doc._body._body
    # The letterhead is a two-row table: the issuer and the national title in the first row,
    # "Số: …" and the place and date in the second, so those two lines start at the same height
    # whatever the line heights above them (Nghị định 30 puts them side by side).
    table = doc.add_table(rows=2, cols=2)
    set_borders(table, visible=False)
    fix_column_widths(table, [HEAD_LEFT_CM, HEAD_RIGHT_CM])
    (left, right), (number_cell, date_cell) = (r.cells for r in table.rows)
    for cell in (left, right, number_cell, date_cell):
        cell._tc.remove(cell.paragraphs[0]._p)
    _cell_text(left, "{{ co_quan }}", bold=True)
    _cell_text(left, "{{ don_vi }}", bold=True)
    add_rule(left, 2.2, HEAD_LEFT_CM - 0.2)
    _cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    _cell_text(right, "Độc lập - Tự do - Hạnh phúc", bold=True, underline=True)
    p = _cell_text(number_cell, "{{ so_ky_hieu }}")
    p.paragraph_format.space_before = Pt(6)
    p = _cell_text(date_cell, "{{ dia_danh_ngay }}", italic=True)
    p.paragraph_format.space_before = Pt(6)
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True
                para.paragraph_format.widow_control = True

    width = text_width_cm(section)
    add_text(doc, "BÁO CÁO", bold=True, align=CENTER, indent=False, before=18, after=Pt(0))
    add_text(doc, "{{ trich_yeu }}", bold=True, align=CENTER, indent=False, after=Pt(2))
    add_rule(doc, 4.0, width)
    add_text(doc, "", after=Pt(6))
    # "Kính gửi" only when the office sets one (a report usually has none).
    add_text(doc, "{%p if kinh_gui %}", align=CENTER, indent=False)
    add_text(doc, "{{ kinh_gui }}", align=CENTER, indent=False)
    add_text(doc, "{%p endif %}", align=CENTER, indent=False)
    add_text(doc, "{{ mo_dau }}")
    add_text(doc, "{{ noi_dung }}")
    # The closing sentence stays on the page of the signature it introduces.
    add_text(doc, "{{ ket_luan }}", keep_with_next=True)

    sign = doc.add_table(rows=1, cols=2)
    set_borders(sign, visible=False)
    fix_column_widths(sign, [SIGN_LEFT_CM, SIGN_RIGHT_CM])
    left, right = sign.rows[0].cells
    left._tc.remove(left.paragraphs[0]._p)
    right._tc.remove(right.paragraphs[0]._p)
    p = _cell_text(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT)
    p.paragraph_format.space_before = Pt(6)
    _cell_text(left, "{%p for r in noi_nhan %}", size=11, align=LEFT)
    _cell_text(left, "{{ r }}", size=11, align=LEFT)
    _cell_text(left, "{%p endfor %}", size=11, align=LEFT)
    p = _cell_text(right, "{{ quyen_han }}", size=BODY_PT, bold=True)
    p.paragraph_format.space_before = Pt(6)
    _cell_text(right, "{{ chuc_vu }}", size=BODY_PT, bold=True)
    for _ in range(4):
        _cell_text(right, "", size=BODY_PT)
    _cell_text(right, "{{ nguoi_ky }}", size=BODY_PT, bold=True)
    keep_together(sign)

    props = doc.core_properties
    props.author = props.last_modified_by = "chitieu"
    props.title = "Mẫu báo cáo (chitieu)"
    props.comments = ""
    props.created = props.modified = TEMPLATE_DATE
    props.revision = 1

    # python-docx's blank document may start with an empty paragraph; the letterhead goes first.
    first = body[0]
    if first.tag.endswith("}p") and not "".join(first.itertext()).strip():
        body.remove(first)
    return doc


def main(argv: list[str] | None = None) -> int:
    out = Path(argv[0]) if argv else DEFAULT_TEMPLATE
    out.parent.mkdir(parents=True, exist_ok=True)
    build_template().save(out)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
