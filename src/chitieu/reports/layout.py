"""The typography of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I) as small
python-docx helpers: fonts, paragraphs, the short rule under a title, borderless and ruled
tables, the PAGE field, page setup, and the highlighted paragraphs left for people to write.

Owns: every measurement (margins, sizes, indents, spacing). Formatting is applied directly to
the paragraphs and runs chitieu writes, so a unit's own template cannot change it by accident
(a template with another Normal font would otherwise turn the generated body into Arial).
"""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
BODY_PT = 14
TABLE_PT = 11
FIRST_LINE_INDENT = Cm(1.27)
SPACE_AFTER = Pt(6)
LINE_SPACING = 1.15  # ND 30: at least single, at most 1,5 lines

A4_SHORT, A4_LONG = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}

PLACEHOLDER_PREFIX = "[Nội dung do đơn vị soạn: "

# WordprocessingML fixes the order of a paragraph's properties; Word refuses files that break it.
_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT


def set_run_font(run, size: float = BODY_PT, *, bold=None, italic=None, underline=None) -> None:
    """Times New Roman for every script Word distinguishes (Latin, complex, East Asian)."""
    run.font.name = FONT
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold
    if italic is not None:
        run.font.italic = italic
    if underline is not None:
        run.font.underline = underline


def style_normal(doc) -> None:
    """The Normal style of a document chitieu generates: what Word shows for new text."""
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(BODY_PT)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    pf = style.paragraph_format
    pf.space_after = SPACE_AFTER
    pf.line_spacing = LINE_SPACING


def format_paragraph(
    p,
    *,
    align=JUSTIFY,
    indent=True,
    before: float = 0,
    after=SPACE_AFTER,
    left_indent=None,
    keep_with_next=False,
):
    pf = p.paragraph_format
    pf.alignment = align
    pf.first_line_indent = FIRST_LINE_INDENT if indent else Cm(0)
    pf.space_before = Pt(before)
    pf.space_after = after
    pf.line_spacing = LINE_SPACING
    if left_indent is not None:
        pf.left_indent = left_indent
    if keep_with_next:
        pf.keep_with_next = True
    return p


def set_mark_size(p, size: float) -> None:
    """Size of the paragraph mark: an empty table cell is as tall as its mark (Normal is 14 pt)."""
    ppr = p._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        ppr.insert_element_before(rpr, "w:sectPr", "w:pPrChange")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), str(int(size * 2)))
    rpr.append(sz)


def add_text(
    container,
    text: str,
    *,
    size: float = BODY_PT,
    bold=False,
    italic=False,
    underline=False,
    align=JUSTIFY,
    indent=True,
    before: float = 0,
    after=SPACE_AFTER,
    left_indent=None,
    keep_with_next=False,
):
    """A paragraph of one run, formatted; ``container`` is a document, a cell or a header."""
    p = container.add_paragraph()
    format_paragraph(
        p,
        align=align,
        indent=indent,
        before=before,
        after=after,
        left_indent=left_indent,
        keep_with_next=keep_with_next,
    )
    if text:
        run = p.add_run(text)
        set_run_font(run, size, bold=bold, italic=italic, underline=underline)
    return p


def add_heading(container, text: str, *, center=False, italic=False, before: float = 6):
    """A bold heading of the body ("II. KẾT QUẢ …", "1. Kinh tế"), kept with what follows."""
    return add_text(
        container,
        text,
        bold=True,
        italic=italic,
        align=CENTER if center else JUSTIFY,
        indent=not center,
        before=before,
        keep_with_next=True,
    )


def add_placeholder(container, what: str):
    """A yellow, italic paragraph that marks text only the unit can write. Never filler."""
    p = add_text(container, f"{PLACEHOLDER_PREFIX}{what}]", italic=True)
    for run in p.runs:
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return p


def add_rule(container, width_cm: float, available_cm: float):
    """The short horizontal line Nghị định 30 draws under a title or an issuing body: an empty
    paragraph whose bottom border is ``width_cm`` long, centred in ``available_cm``."""
    p = container.add_paragraph()
    side = max((available_cm - width_cm) / 2, 0)
    format_paragraph(p, align=CENTER, indent=False, after=Pt(0), left_indent=Cm(side))
    p.paragraph_format.right_indent = Cm(side)
    p.paragraph_format.line_spacing = Pt(4)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)
    return p


CELL_MARGIN_CM = 0.1


def set_cell_margins(table, cm: float = CELL_MARGIN_CM) -> None:
    tblpr = table._tbl.tblPr
    mar = OxmlElement("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(Cm(cm if side in ("left", "right") else 0.03).twips)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    old = tblpr.find(qn("w:tblCellMar"))
    if old is not None:
        tblpr.remove(old)
    tblpr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def set_borders(table, *, visible: bool) -> None:
    """Ruled (appendix) or borderless (letterhead, signature) whatever the template's table style."""
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    tblpr.insert_element_before(
        borders,
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    )


def fix_column_widths(table, widths_cm: list[float]) -> None:
    """Fixed layout with the grid and every cell sized: Word reads the cells, LibreOffice the grid."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/>
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for col, w in zip(table.columns, widths_cm, strict=True):
        col.width = Cm(w)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(w)


def mark_header_row(row) -> None:
    """Repeat this row at the top of every page the table runs over."""
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def forbid_row_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def keep_together(table) -> None:
    """A block that must not split across pages (the signature): no row breaks across a page
    (``cantSplit``), no paragraph breaks inside (``keepLines``), and each paragraph keeps with the
    next one of the block (``keepNext``; not the block's last ones, which would tie the block
    to whatever follows it), so Word and LibreOffice move the block whole."""
    rows = list(table.rows)
    for r, row in enumerate(rows):
        trpr = row._tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.append(OxmlElement("w:cantSplit"))
        for cell in row.cells:
            paragraphs = cell.paragraphs
            for i, p in enumerate(paragraphs):
                p.paragraph_format.keep_together = True
                if r < len(rows) - 1 or i < len(paragraphs) - 1:
                    p.paragraph_format.keep_with_next = True


def add_page_field(paragraph, size: float = BODY_PT) -> None:
    """The PAGE field, so Word and LibreOffice print the page number themselves."""
    run = paragraph.add_run()
    set_run_font(run, size)
    for kind, text in (
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "2"),
        ("end", None),
    ):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        elif kind == "text":
            el = OxmlElement("w:t")
            el.text = text
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)


def page_setup(section, *, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    section.top_margin = MARGINS["top"]
    section.bottom_margin = MARGINS["bottom"]
    section.left_margin = MARGINS["left"]
    section.right_margin = MARGINS["right"]
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def text_width_cm(section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def restart_page_numbers(section, start: int = 1) -> None:
    """This section's pages are numbered from ``start`` (``w:pgNumType``)."""
    sectpr = section._sectPr
    el = sectpr.find(qn("w:pgNumType"))
    if el is None:
        el = OxmlElement("w:pgNumType")
        sectpr.insert_element_before(
            el, "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
            "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
        )
    el.set(qn("w:start"), str(start))


# Advance widths of Times New Roman / Liberation Serif (metric-compatible), in 1/1000 em, for
# the characters of unit names; others count as the widest lower-case letter. Measured once
# with FreeType so that column widths need no font at run time.
_LOWER = dict(zip("abcdefghijklmnopqrstuvwxyz", (444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278,
                                                  778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500,
                                                  500, 444), strict=True))
_UPPER = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611,
                                                  889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
                                                  722, 611), strict=True))
_OTHER = {"/": 278, "-": 333, ".": 250, ",": 250, "%": 833, "(": 333, ")": 333, "²": 300, "³": 300,
          "0": 500, "1": 500, "2": 500, "3": 500, "4": 500, "5": 500, "6": 500, "7": 500, "8": 500, "9": 500}


def text_width_pt(text: str, size: float) -> float:
    """The printed width of ``text`` in Times New Roman at ``size`` pt (bold not counted)."""
    import unicodedata

    total = 0
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0]  # "ư" is as wide as "u", "Đ" as "D"
        base = {"đ": "d", "Đ": "D"}.get(ch, base)
        total += _LOWER.get(base) or _UPPER.get(base) or _OTHER.get(base, 722 if base.isupper() else 500)
    return total * size / 1000
