"""Phụ lục 1 as a spreadsheet (.xlsx, openpyxl): the same rows as the DOCX table, with numbers
kept as numbers so the unit can compute with them.

Owns: the sheet layout (title, merged two-row header, frozen panes, column widths) and the
number formats. Formats are the explicit codes ``#,##0`` / ``#,##0.0``, per cell the decimals the
DOCX prints that value with (the indicator's ``decimals``, without trailing zeros: a count of
18 hộ is "18", not "18,0"), and ``0.00`` for the growth index; yes/no indicators are words. A number format only says where the grouping and
the decimal mark go; the characters shown are the viewer's: Excel or LibreOffice on a
Vietnamese (vi-VN) system shows ``2.796,0``, on an English one ``2,796.0``. Writing the
Vietnamese characters into the format (or the value as text) would break arithmetic, so the
workbook leaves that to the locale (see docs/report.md).

Text never becomes a formula: every text cell is written as text, and text that starts with
``=``, ``+``, ``-`` or ``@`` (an indicator named ``=HYPERLINK(…)``) gets the leading quote of
``chitieu.core.cells.safe_cell_text``. The "- " and "+ " bullets of the "Trong đó" rows are
chitieu's own, so those rows keep their text as shown in the DOCX, with the indicator's name after
the bullet guarded, and carry Excel's "quote prefix" flag so that editing them keeps them text.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from chitieu.core.cells import safe_cell_text
from chitieu.core.numbers import round_half_up
from chitieu.reports.data import INDEX_DECIMALS, Appendix, AppendixRow

FONT = "Times New Roman"
HEADER_ROW = 5  # first of the two header rows; rows 1-3 hold the title
INDEX_FORMAT = "0." + "0" * INDEX_DECIMALS


def number_format(decimals: int) -> str:
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


def shown_decimals(value: float, decimals: int) -> int:
    """The decimals the DOCX prints ``value`` with (``wording.show``: rounded at the
    indicator's ``decimals``, no trailing zeros): 18 hộ → 0 ("18", not "18,0"), 78,9 → 1."""
    rounded = round_half_up(value, decimals)
    for d in range(max(decimals, 0) + 1):
        if round_half_up(rounded, d) == rounded:
            return d
    return decimals


_BULLETS = ("- ", "+ ")


def _put(ws, row: int, col: int, value, *, part_row: AppendixRow | None = None):
    """Write ``value`` into the cell: numbers as numbers, text always as text (never a formula)."""
    cell = ws.cell(row, col)
    if isinstance(value, str):
        if part_row is not None and part_row.role == "part" and value.startswith(_BULLETS):
            text = value[:2] + safe_cell_text(value[2:])
            cell.quotePrefix = True
        else:
            text = safe_cell_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would store any text starting with "=" as a formula
    else:
        cell.value = value
    return cell


def appendix_workbook(appendix: Appendix) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục 1"
    headers = appendix.column_headers
    ncols = len(headers)
    n_years, n_spans, n_extra = len(appendix.years), len(appendix.spans), len(appendix.extra_headers)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)

    for r, (text, italic) in enumerate(((appendix.title, False), (appendix.subtitle, True)), 1):
        _put(ws, r, 1, text).font = Font(name=FONT, size=13, bold=not italic, italic=italic)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)

    top, sub = HEADER_ROW, HEADER_ROW + 1
    first_year, first_span = 5, 5 + n_years
    first_extra = first_span + n_spans
    for c in (1, 2, 3, 4, *range(first_extra, first_extra + n_extra), ncols):
        _put(ws, top, c, headers[c - 1])
        ws.merge_cells(start_row=top, start_column=c, end_row=sub, end_column=c)
    ws.cell(top, first_year, "Thực hiện")
    ws.merge_cells(start_row=top, start_column=first_year, end_row=top, end_column=first_year + n_years - 1)
    ws.cell(top, first_span, "So sánh (%)")
    ws.merge_cells(start_row=top, start_column=first_span, end_row=top, end_column=first_span + n_spans - 1)
    for k, text in enumerate((*appendix.year_headers, *appendix.span_headers)):
        _put(ws, sub, first_year + k, text)
    for r in (top, sub):
        for c in range(1, ncols + 1):
            cell = ws.cell(r, c)
            cell.font = Font(name=FONT, size=11, bold=True)
            cell.alignment = center
            cell.border = box

    for i, row in enumerate(appendix.rows):
        r = sub + 1 + i
        part = row.role in ("part", "note")
        font = Font(name=FONT, size=11, bold=row.role == "group", italic=part)
        cells = [row.stt, row.name, row.unit, row.target]
        # a yes/no indicator shows its words ("Đạt chuẩn"), as the DOCX does, never 1/0
        cells += list(row.values) if row.yes_no else [v for v in row.numbers]
        cells += [x for x in row.indices]
        cells += list(row.extra_numbers or (None,) * n_extra) + [row.verdict]
        for c, value in enumerate(cells, 1):
            cell = _put(ws, r, c, value if value != "" else None, part_row=row if c == 2 else None)
            cell.font = font
            cell.border = box
            if first_year <= c < first_span:
                if isinstance(value, (int, float)):
                    k = c - first_year
                    d = row.cell_decimals[k] if k < len(row.cell_decimals) else row.decimals
                    cell.number_format = number_format(shown_decimals(value, d))
                cell.alignment = Alignment(horizontal="right", vertical="center")
            elif first_span <= c < first_extra:
                cell.number_format = INDEX_FORMAT
                cell.alignment = Alignment(horizontal="right", vertical="center")
            elif first_extra <= c < ncols:  # the projection, printed as the DOCX prints it
                if isinstance(value, (int, float)):
                    k = c - first_extra
                    d = row.extra_decimals[k] if k < len(row.extra_decimals) else row.decimals
                    cell.number_format = number_format(shown_decimals(value, d))
                cell.alignment = Alignment(horizontal="right", vertical="center")
            elif c == 2:
                cell.alignment = Alignment(
                    horizontal="left", vertical="center", wrap_text=True, indent=row.depth
                )
            else:
                cell.alignment = center

    widths = [6, 48, 11, 18, *([10] * n_years), *([13] * n_spans), *([13] * n_extra), 12]
    for c, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(c)].width = w
    ws.freeze_panes = ws.cell(sub + 1, 3)  # header rows and the STT / CHỈ TIÊU columns stay in view
    ws.print_title_rows = f"{top}:{sub}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.creator = wb.properties.lastModifiedBy = "chitieu"
    wb.properties.title = appendix.title
    return wb


def appendix_xlsx_bytes(appendix: Appendix) -> bytes:
    buf = io.BytesIO()
    appendix_workbook(appendix).save(buf)
    return buf.getvalue()
