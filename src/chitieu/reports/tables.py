"""The appendices after Phụ lục 1 in the DOCX (the annual table, Phụ lục 2, the wards' table,
the calculations) and the report's footnotes.

Owns: ``add_table_appendix`` (a ``variants.Table`` in a section of its own, landscape A4,
numbered "Phụ lục N", its pages numbered from 1 as Nghị định 30 wants, header row repeated)
and ``add_footnote`` (a real Word footnote: python-docx has no API for them, so the footnotes
part is created when the template has none).
"""

from __future__ import annotations

import copy

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from chitieu.reports.layout import (
    CENTER,
    FONT,
    LEFT,
    RIGHT,
    TABLE_PT,
    add_page_field,
    add_text,
    fix_column_widths,
    forbid_row_split,
    mark_header_row,
    page_setup,
    restart_page_numbers,
    set_borders,
    set_cell_margins,
    text_width_cm,
)
from chitieu.reports.letterhead import Letterhead
from chitieu.reports.variants import Table
from chitieu.reports.wording import full_date

FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTE_PT = 10


_JC = {CENTER: "center", LEFT: "left", RIGHT: "right"}


def _write(cell, text: str, *, bold=False, italic=False, align=CENTER):
    """One cell's paragraph written as XML at once: Times New Roman ``TABLE_PT``, single line
    spacing, no space after (python-docx's run and paragraph setters cost a millisecond a cell,
    and the calculations appendix has hundreds)."""
    p = cell.paragraphs[0]._p
    size = int(TABLE_PT * 2)
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    marks = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    run = ""
    if text:
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        run = (f'<w:r><w:rPr>{fonts}{marks}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
               f'<w:t xml:space="preserve">{escaped}</w:t></w:r>')
    new = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
        f'<w:ind w:firstLine="0"/><w:jc w:val="{_JC[align]}"/><w:rPr><w:sz w:val="{size}"/></w:rPr></w:pPr>'
        f"{run}</w:p>"
    )
    p.getparent().replace(p, new)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def add_table_appendix(doc, table: Table, number: int, head: Letterhead, *, lines: tuple[str, ...] = (),
                       lines_title: str = "") -> None:
    """``table`` as "Phụ lục ``number``" in a new section; ``lines`` (with ``lines_title``)
    follow the table as a list (the calculations appendix's discrepancies)."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape=table.landscape)
    section.different_first_page_header_footer = True
    restart_page_numbers(section)
    for header in (section.header, section.first_page_header):
        header.is_linked_to_previous = False
    number_p = section.header.paragraphs[0]
    number_p.alignment = CENTER
    add_page_field(number_p)
    add_text(doc, f"Phụ lục {number}", bold=True, align=CENTER, indent=False, after=Pt(0))
    add_text(doc, table.title, bold=True, align=CENTER, indent=False, after=Pt(0))
    if table.subtitle:
        add_text(doc, table.subtitle, italic=True, align=CENTER, indent=False, after=Pt(0))
    ref = head.number or "       /BC-UBND"
    add_text(doc, f"(Kèm theo Báo cáo số {ref} {full_date(head.issued)} của {head.committee})",
             italic=True, size=13, align=CENTER, indent=False, after=Pt(6))
    ncols = len(table.header)
    if table.rows:
        t = doc.add_table(rows=1 + len(table.rows), cols=ncols)
        set_borders(t, visible=True)
        set_cell_margins(t)
        available = text_width_cm(section) - 0.05
        total = sum(table.widths)
        fix_column_widths(t, [round(w * available / total, 2) for w in table.widths])
        mark_header_row(t.rows[0])
        for cell, text in zip(t.rows[0].cells, table.header, strict=True):
            _write(cell, text, bold=True)
        for tr, cells, role in zip(t.rows[1:], table.rows, table.roles, strict=True):
            forbid_row_split(tr)
            if role == "group":
                _write(tr.cells[0], cells[0], bold=True)
                merged = tr.cells[1].merge(tr.cells[-1])
                _write(merged, cells[1], bold=True, align=LEFT)
                continue
            italic = role == "part"
            for k, (cell, text) in enumerate(zip(tr.cells, cells, strict=True)):
                align = LEFT if k == 1 else (RIGHT if k >= table.numbers_from else CENTER)
                _write(cell, text, italic=italic, align=align, bold=role == "item" and k == 0)
    else:
        add_text(doc, "Không có số liệu.", italic=True, align=CENTER, indent=False)
    if table.note:
        add_text(doc, table.note, size=TABLE_PT, italic=True, align=LEFT, indent=False, before=4)
    if lines:
        add_text(doc, lines_title, size=12, bold=True, align=LEFT, indent=False, before=8)
        for line in lines:
            add_text(doc, f"- {line}", size=12, align=LEFT, indent=False, after=Pt(2))


# ---------------------------------------------------------------------------------------
# Footnotes.
# ---------------------------------------------------------------------------------------

_FOOTNOTES_XML = (
    f"<w:footnotes {nsdecls('w')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


def _footnotes_element(doc):
    """The footnotes part's root element, created (with its separators) when the document
    has none; a part python-docx loaded as plain bytes is parsed and replaced by an XML part."""
    main = doc.part
    for rel_id, rel in list(main.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            part = rel.target_part
            if isinstance(part, XmlPart):
                return part.element
            element = parse_xml(part.blob)
            new = XmlPart(part.partname, part.content_type, element, part.package)
            main.rels[rel_id]._target = new
            return element
    partname = PackURI("/word/footnotes.xml")
    part = XmlPart(partname, FOOTNOTES_CT, parse_xml(_FOOTNOTES_XML), main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part.element


def add_footnote(doc, paragraph, text: str) -> int:
    """A footnote on ``paragraph`` (its reference mark at the paragraph's end, superscript);
    returns its id. Times New Roman 10 pt, as Nghị định 30's footnotes."""
    root = _footnotes_element(doc)
    ids = [int(f.get(qn("w:id"))) for f in root.findall(qn("w:footnote"))]
    fid = max([0, *ids]) + 1
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:cs="{FONT}" w:eastAsia="{FONT}"/>'
    size = f'<w:sz w:val="{FOOTNOTE_PT * 2}"/><w:szCs w:val="{FOOTNOTE_PT * 2}"/>'
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    root.append(parse_xml(
        f'<w:footnote {nsdecls("w")} w:id="{fid}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
        f'w:lineRule="auto"/><w:jc w:val="both"/></w:pPr>'
        f'<w:r><w:rPr>{fonts}{size}<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:rPr>{fonts}{size}</w:rPr><w:t xml:space="preserve"> {escaped}</w:t></w:r></w:p></w:footnote>'
    ))
    run = paragraph.add_run()
    rpr = copy.deepcopy(parse_xml(f'<w:rPr {nsdecls("w")}>{fonts}<w:vertAlign w:val="superscript"/></w:rPr>'))
    run._r.append(rpr)
    ref = parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{fid}"/>')
    run._r.append(ref)
    return fid


def footnote_texts(doc) -> list[str]:
    """The text of every footnote of ``doc`` (for tests and the self-check)."""
    for rel in doc.part.rels.values():
        if rel.reltype == RT.FOOTNOTES:
            part = rel.target_part
            root = part.element if isinstance(part, XmlPart) else parse_xml(part.blob)
            out = []
            for fn in root.findall(qn("w:footnote")):
                if fn.get(qn("w:type")):
                    continue
                out.append("".join(t.text or "" for t in fn.iter(qn("w:t"))).strip())
            return out
    return []
