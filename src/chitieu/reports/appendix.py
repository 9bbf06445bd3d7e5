"""Phụ lục 1 in the DOCX: a landscape A4 section holding the table of the key indicators in the
layout of the seeds (STT | CHỈ TIÊU | ĐVT | Chỉ tiêu | Thực hiện by year | So sánh by span |
Đánh giá), with merged two-row header repeated on every page.

Owns: the appendix's page, column widths and cell formatting. Its content comes from
``chitieu.reports.data.Appendix``; the spreadsheet twin is ``chitieu.reports.xlsx``.
"""

from __future__ import annotations

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.shared import Cm, Pt

from chitieu.reports.data import Appendix, AppendixRow
from chitieu.reports.layout import (
    CELL_MARGIN_CM,
    CENTER,
    LEFT,
    RIGHT,
    TABLE_PT,
    add_page_field,
    add_text,
    fix_column_widths,
    forbid_row_split,
    format_paragraph,
    mark_header_row,
    page_setup,
    restart_page_numbers,
    set_borders,
    set_cell_margins,
    set_mark_size,
    set_run_font,
    text_width_cm,
    text_width_pt,
)
from chitieu.reports.letterhead import Letterhead
from chitieu.reports.wording import full_date

STT_CM, UNIT_CM, TARGET_CM, YEAR_CM, SPAN_CM, VERDICT_CM = 1.0, 1.7, 3.0, 1.7, 1.9, 1.9
EXTRA_CM = 1.9  # the mid-term projection
# "1.341,5" in 11 pt needs 1,5 cm with the cell margins; names wrap well down to 4,5 cm.
MIN_NAME_CM, MIN_YEAR_CM = 4.5, 1.5


def unit_column_cm(appendix: Appendix) -> float:
    """The ĐVT column: ``UNIT_CM``, or wider so that no word of a unit breaks inside
    ("Triệu đồng/người/năm" breaks only at its spaces, so "đồng/người/năm" must fit whole)."""
    words = {w for row in appendix.rows for w in row.unit.split()} | {"ĐVT"}
    widest = max(text_width_pt(w, TABLE_PT) for w in words) / 72 * 2.54
    return max(UNIT_CM, round(widest + 2 * CELL_MARGIN_CM + 0.15, 2))


def column_widths(appendix: Appendix, available_cm: float) -> list[float]:
    """Widths that fill the text width; with many years the year columns narrow (down to
    ``MIN_YEAR_CM``) before the indicator names go below ``MIN_NAME_CM``."""
    available_cm -= 0.05  # rounding to twips must not push the table past the margin
    unit_cm = unit_column_cm(appendix)
    others = (STT_CM + unit_cm + TARGET_CM + VERDICT_CM + SPAN_CM * len(appendix.spans)
              + EXTRA_CM * len(appendix.extra_headers))
    n_years = len(appendix.years)
    year = YEAR_CM
    if available_cm - others - year * n_years < MIN_NAME_CM:
        year = max((available_cm - others - MIN_NAME_CM) / n_years, MIN_YEAR_CM)
    name = max(available_cm - others - year * n_years, MIN_NAME_CM)
    return [
        STT_CM,
        name,
        unit_cm,
        TARGET_CM,
        *([year] * n_years),
        *([SPAN_CM] * len(appendix.spans)),
        *([EXTRA_CM] * len(appendix.extra_headers)),
        VERDICT_CM,
    ]


def _write(cell, text: str, *, bold=False, italic=False, align=CENTER, left_indent_cm: float = 0):
    p = cell.paragraphs[0]
    format_paragraph(p, align=align, indent=False, after=Pt(0), left_indent=Cm(left_indent_cm))
    p.paragraph_format.line_spacing = 1.0
    set_mark_size(p, TABLE_PT)
    if text:
        set_run_font(p.add_run(text), TABLE_PT, bold=bold, italic=italic)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def _write_row(cells, row: AppendixRow) -> None:
    group = row.role == "group"
    if group:  # "I | KINH TẾ" spans the whole row, as in the seeds
        _write(cells[0], row.stt, bold=True)
        merged = cells[1].merge(cells[-1])
        _write(merged, row.name, bold=True, align=LEFT)
        for cell in (cells[0], merged):  # a group heading never ends a page
            cell.paragraphs[0].paragraph_format.keep_with_next = True
        return
    part = row.role in ("part", "note")
    italic = part
    _write(cells[0], row.stt, bold=group or row.role == "item")
    _write(cells[1], row.name, bold=group, italic=italic, align=LEFT, left_indent_cm=0.3 * row.depth)
    _write(cells[2], row.unit, italic=italic)
    _write(cells[3], row.target, italic=italic)
    k = 4
    for text in (*row.values, *row.comparisons, *row.extras):
        _write(cells[k], text, italic=italic, align=RIGHT)
        k += 1
    _write(cells[k], row.verdict, italic=italic)


def add_appendix(doc, appendix: Appendix, head: Letterhead) -> None:
    """Append Phụ lục 1 to ``doc`` in a new landscape section."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape=True)
    # Nghị định 30 numbers an appendix's pages on their own: from 1, in a header of its own
    # (not the body's), not on its first page, as the body.
    section.different_first_page_header_footer = True
    restart_page_numbers(section)
    for header in (section.header, section.first_page_header):
        header.is_linked_to_previous = False
    number_p = section.header.paragraphs[0]
    number_p.alignment = CENTER
    add_page_field(number_p)
    title, _, rest = appendix.title.partition(". ")
    add_text(doc, title, bold=True, align=CENTER, indent=False, after=Pt(0))
    add_text(doc, rest, bold=True, align=CENTER, indent=False, after=Pt(0))
    add_text(doc, appendix.subtitle, italic=True, align=CENTER, indent=False, after=Pt(0))
    number = head.number or "       /BC-UBND"
    add_text(
        doc,
        f"(Kèm theo Báo cáo số {number} {full_date(head.issued)} của {head.committee})",
        italic=True,
        size=13,
        align=CENTER,
        indent=False,
        after=Pt(6),
    )

    n_years, n_spans, n_extra = len(appendix.years), len(appendix.spans), len(appendix.extra_headers)
    ncols = 4 + n_years + n_spans + n_extra + 1
    table = doc.add_table(rows=2 + len(appendix.rows), cols=ncols)
    set_borders(table, visible=True)
    set_cell_margins(table)
    fix_column_widths(table, column_widths(appendix, text_width_cm(section)))

    top, sub = table.rows[0], table.rows[1]
    mark_header_row(top)
    mark_header_row(sub)
    singles = {0: "STT", 1: "CHỈ TIÊU", 2: "ĐVT", 3: appendix.target_header, ncols - 1: "Đánh giá"}
    for k, text in enumerate(appendix.extra_headers):  # one column each, across both header rows
        singles[4 + n_years + n_spans + k] = text
    for i, text in singles.items():
        cell = top.cells[i].merge(sub.cells[i])
        _write(cell, text, bold=True)
    years_cell = top.cells[4].merge(top.cells[4 + n_years - 1]) if n_years > 1 else top.cells[4]
    _write(years_cell, "Thực hiện", bold=True)
    spans_cell = (
        top.cells[4 + n_years].merge(top.cells[4 + n_years + n_spans - 1])
        if n_spans > 1
        else top.cells[4 + n_years]
    )
    _write(spans_cell, "So sánh (%)", bold=True)
    for k, text in enumerate((*appendix.year_headers, *appendix.span_headers)):
        _write(sub.cells[4 + k], text, bold=True)

    for tr, row in zip(table.rows[2:], appendix.rows, strict=True):
        forbid_row_split(tr)
        _write_row(tr.cells, row)

    estimate = any(h.startswith("Ước") for h in appendix.year_headers)
    note = (
        f"Ghi chú: cột “So sánh” là chỉ số phát triển bình quân năm (%) của giai đoạn, tính từ số liệu "
        f"năm {appendix.years[0]}"
    )
    note += f"; số liệu năm {appendix.years[-1]} là số ước thực hiện." if estimate else "."
    if appendix.notes:
        note += " " + " ".join(appendix.notes)
    add_text(doc, note, size=TABLE_PT, italic=True, align=LEFT, indent=False, before=4)
