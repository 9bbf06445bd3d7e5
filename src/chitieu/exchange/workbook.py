"""The collection workbook: an XLSX an officer fills offline and uploads back.

Owns the layouts (``write_collection``), the reading of a filled copy (``read_collection``) and
the reading of one typed cell (``read_cell``). Two layouts:

- "sheets": one sheet per unit; on each a header of four rows (title, plan, how to fill, column
  names) and one row per indicator: code, name, ĐVT, the plan's target, the previous years'
  values (read-only, grey), then the cells to fill (value, status, source, note; unlocked, with
  data validation and a note on the value cell saying its rule);
- "rows": one sheet, a row per unit (code, name, the row's status and source) and a column per
  indicator (code, name, ĐVT, target in header rows 4-7), for a town that wants its wards side
  by side.

A hidden sheet ``_chitieu`` keeps the plan, the year, the layout, each unit's sheet and indicator
codes, and a checksum over all of it: an upload is matched to its plan, and a template made
before the plan's indicators changed (its ``fingerprint`` differs) is recognised as stale.

What a cell may hold when it comes back: a number (an office suite's own number, or a
formula's cached value), or text typed the Vietnamese way ("1.234,5") or the English way
("1,234.5"; a lone comma is a decimal mark, as ``chitieu.core.value_checks`` reads it), with
or without "%". A number shown with a percent format (Excel keeps 45% as 0,45) is read as 45.
A formula saved without its result comes back as an ``xlsxread.FormulaCell`` (refused by the
caller, naming the cell).

Pure Python with openpyxl; no Django. Errors are ``WorkbookError`` (the workbook as a whole:
not ours, stale, damaged) with a Vietnamese / English message, and ``ValueProblem`` for a cell.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import IO

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from chitieu.core.indicators import NO_LABEL, YES_LABEL, read_yes_no
from chitieu.core.numbers import nfc
from chitieu.core.value_checks import MAX_ABS, ValueProblem, read_value
from chitieu.exchange.xlsxread import Book, DateCell, XlsxError

FORMAT = "chitieu-collect-1"
META_SHEET = "_chitieu"
HEADER_ROWS = 4  # title, plan, how to fill, column names
FIRST_ROW = HEADER_ROWS + 1
LAYOUTS = ("sheets", "rows")
ROWS_TITLE = "Các đơn vị"  # the one sheet of the rows layout
ROWS_HEADER_FIRST = 4  # rows layout: indicator codes, names, ĐVT, targets on rows 4-7
ROWS_FIRST_ROW = 8

# The statuses an officer picks in the workbook (a plan figure is not collected this way).
STATUSES = [("uoc", "Ước thực hiện"), ("so_bo", "Sơ bộ"), ("chinh_thuc", "Chính thức")]
_STATUS_WORDS = {
    "uoc": "uoc", "ước": "uoc", "ước thực hiện": "uoc", "ước tính": "uoc", "estimate": "uoc",
    "so_bo": "so_bo", "sơ bộ": "so_bo", "preliminary": "so_bo",
    "chinh_thuc": "chinh_thuc", "chính thức": "chinh_thuc", "official": "chinh_thuc",
}

_STATUS_CELLS: dict[str, str] = {}  # a cell's text as found → its code (read_status)

# Rules of a value cell, decided by the caller from the indicator (chitieu.core.value_checks)
RULES = ("boolean", "option", "rank", "percent", "whole", "nonnegative", "any")
_RULE_NOTES = {
    "boolean": "Chọn “Đạt” hoặc “Chưa đạt”.",
    "option": "Chọn một mức trong danh sách.",
    "rank": "Thứ hạng: số nguyên từ 1 (1 là cao nhất).",
    "percent": "Tỷ lệ %: một số từ 0 đến 100 (gõ 45,5 hoặc 45,5%).",
    "whole": "Số nguyên không âm.",
    "nonnegative": "Số không âm, tối đa 4 chữ số thập phân.",
    "any": "Một số (có thể âm: đây là mức thay đổi hoặc tốc độ tăng).",
}

_GREY = PatternFill("solid", fgColor="E7E6E6")
_FILL = PatternFill("solid", fgColor="FFF9DB")
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_THIN = Side(style="thin", color="A6A6A6")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_OPEN = Protection(locked=False)
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")


class WorkbookError(ValueError):
    """The workbook as a whole cannot be used: the message says why (Vietnamese / English)."""

    def __init__(self, code: str, vi: str, en: str) -> None:
        self.code, self.vi, self.en = code, vi, en
        super().__init__(f"{vi} / {en}")


@dataclass
class Row:
    """One indicator on a unit's sheet."""

    code: str
    name: str
    unit: str
    rule: str = "nonnegative"
    decimals: int = 1
    target: str = ""
    depth: int = 0
    previous: dict[int, object] = field(default_factory=dict)  # year → number (or "Đạt"/"Chưa đạt", an option)
    options: tuple[str, ...] = ()  # an option indicator's levels, best first
    value: object = None  # the value stored now, shown to be confirmed or corrected
    status: str = "chinh_thuc"
    source: str = ""
    note: str = ""


@dataclass
class Sheet:
    unit_code: str
    unit_name: str
    rows: list[Row]
    title: str = ""  # the sheet's name, given by write_collection


@dataclass
class Meta:
    plan_id: int
    plan_label: str
    year: int
    previous_years: list[int]
    fingerprint: str  # what the plan's indicators were when the template was made
    sheets: list[tuple[str, str, list[str]]]  # (sheet title, unit code, indicator codes)
    layout: str = "sheets"  # or "rows": one sheet, a row per unit (every unit's title is that sheet's)

    def checksum(self) -> str:
        parts = [FORMAT, self.plan_id, self.year, self.previous_years, self.fingerprint, self.sheets]
        if self.layout != "sheets":  # the templates made before there was a choice stay valid
            parts.append(self.layout)
        payload = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    @property
    def columns(self) -> dict[str, int]:
        """1-based column of each field; in the rows layout "value" is the first indicator's column."""
        if self.layout == "rows":
            return {"unit_code": 1, "unit_name": 2, "status": 3, "source": 4, "value": 5}
        first = 5 + len(self.previous_years)
        return {"code": 1, "name": 2, "unit": 3, "target": 4, "value": first, "status": first + 1,
                "source": first + 2, "note": first + 3}


@dataclass
class FilledRow:
    row: int  # the spreadsheet row number
    code: str
    unit_text: str
    value: object
    value_format: str
    status: object
    source: object
    note: object
    refs: dict[str, str] = field(default_factory=dict)  # the cell of "value", "unit", "status", "source", "note"
    keep_texts: bool = False  # rows layout: an empty source (and the note it has no cell for) keeps what is stored


@dataclass
class FilledSheet:
    title: str
    unit_code: str
    rows: list[FilledRow]


@dataclass
class Filled:
    meta: Meta
    sheets: list[FilledSheet]


def status_label(code: str) -> str:
    return dict(STATUSES).get(code, "Chính thức")


def read_status(raw) -> str | None:
    """"Ước thực hiện", "ước", "uoc", "Official" … → the stored code; None for an empty cell.
    Raises ``ValueError`` for anything else."""
    if raw is None:
        return None
    if isinstance(raw, str):
        known = _STATUS_CELLS.get(raw)  # the same few labels on every row of a workbook
        if known is not None:
            return known
    text = " ".join(nfc(str(raw)).strip().lower().split())
    if text in _STATUS_WORDS and isinstance(raw, str) and len(_STATUS_CELLS) < 256:
        _STATUS_CELLS[raw] = _STATUS_WORDS[text]
    if not text:
        return None
    if text in _STATUS_WORDS:
        return _STATUS_WORDS[text]
    raise ValueError(text)


def _percent_format(number_format: str) -> bool:
    """A percent sign in the number format, outside quoted text ("0.0%", not '0.0" %"')."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", number_format or "")


def read_cell(raw, number_format: str = "General", rule: str = "any") -> Decimal | None:
    """The number an officer put in a value cell; None when empty. Raises ``ValueProblem``.

    A spreadsheet number is taken to the 15 significant digits a spreadsheet keeps (a formula's
    0,1+0,2 is 0,3, not 0,30000000000000004); with a percent format it is multiplied by 100.
    Text is read as typed (``chitieu.core.value_checks.read_value``), a trailing "%" dropped.
    For a yes/no cell the words "Đạt" / "Chưa đạt" (and "có", "không", 1, 0) give 1 / 0.
    """
    if raw is None:
        return None
    if rule == "boolean":
        yes_no = read_yes_no(raw)
        if yes_no is not None:
            return Decimal(yes_no)
    if isinstance(raw, bool):
        raise ValueProblem("not_a_number", {"text": str(raw).lower()})
    if isinstance(raw, int | float):
        if isinstance(raw, float):
            if raw != raw or raw in (float("inf"), float("-inf")):
                raise ValueProblem("not_finite", {"code": "", "text": repr(raw)})
            number = Decimal(format(raw, ".15g"))
        else:
            number = Decimal(raw)
        if _percent_format(number_format):
            number = number * 100
        return _tidy(number)
    if isinstance(raw, DateCell | datetime.date | datetime.time | datetime.timedelta):
        raise ValueProblem("not_a_number", {"text": str(raw)})
    text = nfc(str(raw)).replace("\u00a0", " ").strip()
    if text.endswith("%"):
        text = text[:-1].strip()
        if not text:
            raise ValueProblem("not_a_number", {"text": "%"})
    number = read_value(text)
    return None if number is None else number


def _tidy(number: Decimal) -> Decimal:
    """1E+2 → 100, 45.500 → 45.5: the value as a person would write it."""
    if number == number.to_integral_value():
        return number.quantize(Decimal(1))
    return number.normalize()


def sheet_titles(names: list[tuple[str, str]]) -> list[str]:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\) for each (code, name)."""
    out: list[str] = []
    for code, name in names:
        title = _BAD_TITLE.sub(" ", nfc(name)).strip().strip("'")[:31] or code
        if title.lower() in {t.lower() for t in out} or title == META_SHEET:
            title = f"{title[:31 - len(code) - 1]} {code}"
        out.append(title)
    return out


def _number_format(decimals: int) -> str:
    # [$-42A]: Vietnamese; an office suite shows 1.234,5 with it (Excel uses the system's marks)
    return "[$-42A]#,##0" + ("." + "0" * decimals if decimals > 0 else "")


def _listable(options: tuple[str, ...]) -> bool:
    """Whether the options fit a spreadsheet's inline list (no commas or quotes, 255 characters)."""
    return bool(options) and not any("," in o or '"' in o for o in options) and len(",".join(options)) <= 250


def _validation(rule: str, options: tuple[str, ...] = ()) -> DataValidation:
    limit = str(int(MAX_ABS) - 1)
    if rule == "boolean":
        dv = DataValidation(type="list", formula1=f'"{YES_LABEL},{NO_LABEL}"', allow_blank=True)
    elif rule == "option" and _listable(options):
        dv = DataValidation(type="list", formula1='"' + ",".join(options) + '"', allow_blank=True)
    elif rule in ("option", "rank"):
        dv = DataValidation(type="whole", operator="between", formula1="1", formula2="9999", allow_blank=True)
    elif rule == "percent":
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    elif rule == "whole":
        dv = DataValidation(type="whole", operator="between", formula1="0", formula2=limit, allow_blank=True)
    elif rule == "nonnegative":
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2=limit, allow_blank=True)
    else:
        dv = DataValidation(type="decimal", operator="between", formula1="-" + limit, formula2=limit,
                            allow_blank=True)
    dv.showErrorMessage = True
    dv.errorTitle = "Giá trị không hợp lệ"
    dv.error = _RULE_NOTES[rule]
    dv.showInputMessage = True
    dv.promptTitle = "Cách nhập"
    dv.prompt = _RULE_NOTES[rule]
    return dv


class _Cells:
    """Write-only cells with styles: each combination of style objects is registered once and
    copied (setting styles cell by cell hashes each style object again: most of the time of a
    large workbook)."""

    def __init__(self) -> None:
        self.protos: dict[tuple, WriteOnlyCell] = {}

    def __call__(self, ws, value, **style) -> WriteOnlyCell:
        c = WriteOnlyCell(ws, value=value)
        if style:
            key = tuple((k, id(v)) for k, v in style.items())
            proto = self.protos.get(key)
            if proto is None:
                proto = self.protos[key] = WriteOnlyCell(ws)
                for k, v in style.items():
                    setattr(proto, k, v)
            c._style = copy(proto._style)
        return c


_BOLD, _GREY_FONT, _TITLE_FONT = Font(bold=True), Font(color="595959"), Font(bold=True, size=13)
_NOTE_FONT = Font(italic=True, color="595959")
_WRAP = Alignment(wrap_text=True)
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_STATUS_LIST = ",".join(label for _code, label in STATUSES)


def _page(ws, title_rows: str, freeze: str) -> None:
    """Frozen header, A4 landscape fitted to the width, header rows repeated, locked but for the
    yellow cells."""
    ws.freeze_panes = freeze
    ws.print_title_rows = title_rows
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.protection.sheet = True  # locked cells (all but the yellow ones) are read-only
    ws.protection.formatColumns = False
    ws.protection.formatRows = False


def _status_validation(ref: str) -> DataValidation:
    dv = DataValidation(type="list", formula1=f'"{_STATUS_LIST}"', allow_blank=True, sqref=ref)
    dv.showErrorMessage = True
    dv.errorTitle = "Loại số liệu"
    dv.error = "Chọn Ước thực hiện, Sơ bộ hoặc Chính thức."
    return dv


def _rule_note(row: Row) -> str:
    return (f"{row.code}: {_RULE_NOTES[row.rule]}" + (" " + " / ".join(row.options) if row.options else "")
            + (f"\nKế hoạch: {row.target}" if row.target else ""))


def write_collection(out: str | IO[bytes], *, plan_id: int, plan_label: str, year: int,
                     previous_years: list[int], fingerprint: str, sheets: list[Sheet],
                     notes: bool = True, layout: str = "sheets") -> Meta:
    """Write the workbook to ``out`` (a path or a binary stream); returns what its hidden sheet
    holds. ``layout``: "sheets", one sheet per unit (``notes``: a note on every value cell with
    its rule and target); "rows", one sheet with a row per unit and a column per indicator (the
    notes on the indicator codes; see ``_write_rows``).

    Written in openpyxl's write-only mode, row by row: a workbook for thousands of units is
    not held in memory as cell objects."""
    if layout not in LAYOUTS:
        raise ValueError(layout)
    wb = Workbook(write_only=True)
    cell = _Cells()
    if layout == "rows":
        titles = [ROWS_TITLE] * len(sheets)
        previous_years = []  # no room for them beside a hundred indicators
    else:
        titles = sheet_titles([(s.unit_code, s.unit_name) for s in sheets])
    meta = Meta(plan_id, plan_label, year, list(previous_years), fingerprint,
                [(t, s.unit_code, [r.code for r in s.rows]) for t, s in zip(titles, sheets, strict=True)], layout)
    for title, sheet in zip(titles, sheets, strict=True):
        sheet.title = title
    if layout == "rows":
        _write_rows(wb, cell, meta, sheets, notes)
    else:
        for sheet in sheets:
            _write_unit_sheet(wb, cell, meta, sheet, notes)
    hidden = wb.create_sheet(META_SHEET)
    hidden.sheet_state = "hidden"
    hidden.protection.sheet = True
    for key, value in (("format", FORMAT), ("plan", plan_id), ("plan_label", plan_label), ("year", year),
                       ("previous_years", ",".join(str(y) for y in previous_years)), ("fingerprint", fingerprint),
                       ("layout", layout)):
        hidden.append([key, value])
    for title, unit_code, codes in meta.sheets:
        hidden.append(["sheet", title, unit_code, ",".join(codes)])
    hidden.append(["checksum", meta.checksum()])
    wb.save(out)
    return meta


def _write_unit_sheet(wb, cell: _Cells, meta: Meta, sheet: Sheet, notes: bool) -> None:
    """One unit's sheet: a row per indicator (code, name, ĐVT, target, previous years, the cells
    to fill)."""
    year, previous_years, cols = meta.year, meta.previous_years, meta.columns
    widths = {"code": 10, "name": 48, "unit": 12, "target": 30, "value": 14, "status": 16, "source": 24, "note": 24}
    headers = {"code": "Mã", "name": "Chỉ tiêu", "unit": "ĐVT", "target": "Chỉ tiêu kế hoạch",
               "value": f"Số liệu năm {year}", "status": "Loại số liệu", "source": "Nguồn", "note": "Ghi chú"}
    ws = wb.create_sheet(sheet.title)
    for key, col in cols.items():
        ws.column_dimensions[get_column_letter(col)].width = widths[key]
    for i in range(len(previous_years)):
        ws.column_dimensions[get_column_letter(5 + i)].width = 12
    _page(ws, f"{HEADER_ROWS}:{HEADER_ROWS}", f"C{FIRST_ROW}")
    ws.append([cell(ws, f"BIỂU THU THẬP SỐ LIỆU NĂM {year} — {sheet.unit_name.upper()}", font=_TITLE_FONT)])
    ws.append([f"Kế hoạch {meta.plan_label} · mã đơn vị {sheet.unit_code}"])
    ws.append([cell(ws, "Nhập vào các ô nền vàng: số liệu, loại số liệu, nguồn, ghi chú. Gõ số kiểu Việt Nam "
                        "(1.234,5). Không thêm, xóa hay đổi thứ tự dòng; không sửa trang tính ẩn.", font=_NOTE_FONT)])
    head = [headers["code"], headers["name"], headers["unit"], headers["target"]]
    head += [f"Năm {y}" for y in previous_years]
    head += [headers[k] for k in ("value", "status", "source", "note")]
    ws.append([cell(ws, h, font=_BOLD, fill=_HEAD, border=_BOX, alignment=_CENTRE) for h in head])
    by_rule: dict[tuple, list[str]] = {}
    value_letter = get_column_letter(cols["value"])
    for n, row in enumerate(sheet.rows):
        fmt = _number_format(row.decimals)
        name = ("    " * row.depth + "Trong đó: " if row.depth else "") + row.name
        line = [cell(ws, row.code, border=_BOX), cell(ws, name, border=_BOX, alignment=_WRAP),
                cell(ws, row.unit, border=_BOX), cell(ws, row.target, border=_BOX, alignment=_WRAP)]
        line += [cell(ws, row.previous.get(y), fill=_GREY, font=_GREY_FONT, number_format=fmt, border=_BOX)
                 for y in previous_years]
        value = cell(ws, row.value, number_format=fmt, protection=_OPEN, fill=_FILL, border=_BOX)
        if notes:
            value.comment = Comment(_rule_note(row), "chitieu", width=260, height=90)
        line.append(value)
        line += [cell(ws, v, protection=_OPEN, fill=_FILL, border=_BOX)
                 for v in (status_label(row.status), row.source or None, row.note or None)]
        ws.append(line)
        by_rule.setdefault((row.rule, row.options if row.rule == "option" else ()), []).append(
            f"{value_letter}{FIRST_ROW + n}")
    if sheet.rows:
        letter = get_column_letter(cols["status"])
        ws.data_validations.append(_status_validation(f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + len(sheet.rows) - 1}"))
    for (rule, options), refs in by_rule.items():
        dv = _validation(rule, options)
        dv.sqref = MultiCellRange(" ".join(refs))
        ws.data_validations.append(dv)


def _row_status_and_source(sheet: Sheet) -> tuple[str, str]:
    """One unit's row has one status and one source for all its values: those of the values
    stored now when they all agree, else the status proposed for the year and no source."""
    filled = [r for r in sheet.rows if r.value is not None]
    statuses = {r.status for r in filled}
    if len(statuses) == 1:
        status = statuses.pop()
    else:  # none stored, or of several statuses: the one proposed for the year (that of an empty row)
        proposed = [r.status for r in sheet.rows if r.value is None] or [r.status for r in filled]
        status = proposed[0] if proposed else "chinh_thuc"
    sources = {r.source for r in filled if r.status == status}
    return status, (sources.pop() if len(sources) == 1 else "")


def _write_rows(wb, cell: _Cells, meta: Meta, sheets: list[Sheet], notes: bool) -> None:
    """Every unit on one sheet: a row per unit (code, name, status, source), a column per
    indicator (its code, name, ĐVT and target in the header rows). A value stored now is shown
    when its status is the row's; the notes of the values are not in this layout (kept as
    stored), nor the previous years."""
    ws = wb.create_sheet(ROWS_TITLE)
    indicators = sheets[0].rows if sheets else []
    cols = meta.columns
    for key, width in (("unit_code", 10), ("unit_name", 28), ("status", 16), ("source", 22)):
        ws.column_dimensions[get_column_letter(cols[key])].width = width
    for i in range(len(indicators)):
        ws.column_dimensions[get_column_letter(cols["value"] + i)].width = 16
    _page(ws, f"{ROWS_HEADER_FIRST}:{ROWS_FIRST_ROW - 1}", f"C{ROWS_FIRST_ROW}")
    ws.append([cell(ws, f"BIỂU THU THẬP SỐ LIỆU NĂM {meta.year} — MỖI ĐƠN VỊ MỘT DÒNG", font=_TITLE_FONT)])
    ws.append([f"Kế hoạch {meta.plan_label}"])
    ws.append([cell(ws, "Mỗi dòng là một đơn vị, mỗi cột một chỉ tiêu. Nhập vào các ô nền vàng; loại số liệu và "
                        "nguồn của dòng áp dụng cho mọi số của đơn vị đó. Gõ số kiểu Việt Nam (1.234,5). Không "
                        "thêm, xóa hay đổi thứ tự dòng, cột; không sửa trang tính ẩn.", font=_NOTE_FONT)])
    head = {"code": ["Mã ĐV", "Đơn vị", "Loại số liệu", "Nguồn"], "name": ["", "", "", "Chỉ tiêu"],
            "unit": ["", "", "", "ĐVT"], "target": ["", "", "", "Chỉ tiêu kế hoạch"]}
    for key in ("code", "name", "unit", "target"):
        line = [cell(ws, h or None, font=_BOLD, fill=_HEAD, border=_BOX, alignment=_CENTRE) for h in head[key]]
        for row in indicators:
            c = cell(ws, getattr(row, key) or None, font=_BOLD if key == "code" else None, fill=_HEAD, border=_BOX,
                     alignment=_CENTRE)
            if key == "code" and notes:
                c.comment = Comment(_rule_note(row), "chitieu", width=260, height=90)
            line.append(c)
        ws.append(line)
    formats = [_number_format(r.decimals) for r in indicators]
    for sheet in sheets:
        status, source = _row_status_and_source(sheet)
        line = [cell(ws, sheet.unit_code, border=_BOX), cell(ws, sheet.unit_name, border=_BOX),
                cell(ws, status_label(status), protection=_OPEN, fill=_FILL, border=_BOX),
                cell(ws, source or None, protection=_OPEN, fill=_FILL, border=_BOX)]
        line += [cell(ws, r.value if r.status == status else None, number_format=fmt, protection=_OPEN, fill=_FILL,
                      border=_BOX) for r, fmt in zip(sheet.rows, formats, strict=True)]
        ws.append(line)
    if not sheets:
        return
    last = ROWS_FIRST_ROW + len(sheets) - 1
    letter = get_column_letter(cols["status"])
    ws.data_validations.append(_status_validation(f"{letter}{ROWS_FIRST_ROW}:{letter}{last}"))
    by_rule: dict[tuple, list[str]] = {}
    for i, row in enumerate(indicators):
        col = get_column_letter(cols["value"] + i)
        by_rule.setdefault((row.rule, row.options if row.rule == "option" else ()), []).append(
            f"{col}{ROWS_FIRST_ROW}:{col}{last}")
    for (rule, options), refs in by_rule.items():
        dv = _validation(rule, options)
        dv.sqref = MultiCellRange(" ".join(refs))
        ws.data_validations.append(dv)


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v == int(v):
        v = int(v)
    text = str(v)
    return text.strip() if text.isascii() else _nfc_strip(text)  # codes and numbers: no need to normalise


@lru_cache(maxsize=4096)
def _nfc_strip(text: str) -> str:
    return nfc(text).strip()  # an ĐVT cell repeats its text on every unit's sheet


def _not_ours() -> WorkbookError:
    return WorkbookError("not_collection",
                         "Tệp không phải biểu thu thập số liệu của chitieu (không có trang tính ẩn “_chitieu”); "
                         "hãy tải mẫu từ trang nhập số liệu.",
                         "The file is not a chitieu collection workbook (no hidden sheet “_chitieu”); "
                         "download the template from the data entry page.")


def _damaged() -> WorkbookError:
    return WorkbookError("damaged",
                         "Trang tính ẩn “_chitieu” đã bị sửa (mã kiểm tra không khớp); hãy tải mẫu mới.",
                         "The hidden sheet “_chitieu” was changed (checksum mismatch); download a new template.")


def read_meta(book: Book) -> Meta:
    if META_SHEET not in book.sheets:
        raise _not_ours()
    fields: dict[str, str] = {}
    sheets: list[tuple[str, str, list[str]]] = []
    for _r, cells in book.rows(META_SHEET, {1, 2, 3, 4}):
        values = [cells.get(c, (None, ""))[0] for c in (1, 2, 3, 4)]
        key = _text(values[0])
        if key == "sheet":
            title, unit_code, codes = (_text(v) for v in values[1:4])
            sheets.append((title, unit_code, [c for c in codes.split(",") if c]))
        elif key:
            fields[key] = _text(values[1])
    if fields.get("format") != FORMAT:
        raise _not_ours()
    try:
        meta = Meta(int(fields["plan"]), fields.get("plan_label", ""), int(fields["year"]),
                    [int(y) for y in fields.get("previous_years", "").split(",") if y],
                    fields.get("fingerprint", ""), sheets, fields.get("layout") or "sheets")
    except (KeyError, ValueError):
        raise _damaged() from None
    if meta.layout not in LAYOUTS:
        raise _damaged()
    if meta.checksum() != fields.get("checksum"):
        raise _damaged()
    return meta


def read_collection(source: str | IO[bytes]) -> Filled:
    """Read a filled workbook: its hidden sheet, checked, and the typed cells of every unit sheet,
    row by row (formulas by their cached value). The order of the codes in column A must be the
    template's; rows added, removed or moved make the workbook refused, naming the first cell."""
    try:
        book = Book(source)
    except XlsxError as exc:
        raise WorkbookError("unreadable", f"Không đọc được tệp XLSX ({exc}).",
                            f"The XLSX file cannot be read ({exc}).") from None
    try:
        meta = read_meta(book)
        if meta.layout == "rows":
            return Filled(meta, _read_rows(book, meta))
        cols = meta.columns
        letters = {k: get_column_letter(v) for k, v in cols.items()}
        wanted = {cols[k] for k in ("code", "unit", "value", "status", "source", "note")}
        out: list[FilledSheet] = []
        for title, unit_code, codes in meta.sheets:
            if title not in book.sheets:
                raise WorkbookError("missing_sheet", f"Không còn trang tính “{title}” của mẫu.",
                                    f"The template's sheet “{title}” is missing.")
            rows: list[FilledRow] = []
            by_row = dict(book.rows(title, wanted, FIRST_ROW))
            last = max([FIRST_ROW + len(codes) - 1, *by_row])
            for i, r in enumerate(range(FIRST_ROW, last + 1)):
                cells = by_row.get(r, {})

                def val(key, cells=cells):
                    return cells.get(cols[key], (None, ""))[0]

                code = _text(val("code"))
                want = codes[i] if i < len(codes) else None
                if want is None:
                    if code or any(val(k) not in (None, "") for k in ("value", "source", "note")):
                        raise _moved(title, f"A{r}", code or "—")
                    continue
                if code != want:
                    raise _moved(title, f"A{r}", code or "—", want)
                value, fmt = cells.get(cols["value"], (None, "General"))
                rows.append(FilledRow(r, code, _text(val("unit")), value, fmt or "General",
                                      val("status"), val("source"), val("note"),
                                      {k: f"{v}{r}" for k, v in letters.items()}))
            out.append(FilledSheet(title, unit_code, rows))
        return Filled(meta, out)
    except (KeyError, IndexError, ValueError, etree.XMLSyntaxError) as exc:
        if isinstance(exc, WorkbookError):
            raise
        raise WorkbookError("unreadable", f"Không đọc được tệp XLSX ({type(exc).__name__}).",
                            f"The XLSX file cannot be read ({type(exc).__name__}).") from None
    finally:
        book.close()


def _read_rows(book: Book, meta: Meta) -> list[FilledSheet]:
    """The rows layout read back as one ``FilledSheet`` per unit (its row), each value with the
    cell it came from; the indicator codes of the header row and the unit codes of column A must
    be the template's."""
    title = meta.sheets[0][0] if meta.sheets else ROWS_TITLE
    if title not in book.sheets:
        raise WorkbookError("missing_sheet", f"Không còn trang tính “{title}” của mẫu.",
                            f"The template's sheet “{title}” is missing.")
    codes = meta.sheets[0][2] if meta.sheets else []
    cols = meta.columns
    first = cols["value"]
    letters = [get_column_letter(first + i) for i in range(len(codes))]
    by_row = dict(book.rows(title, set(range(1, first + len(codes))), ROWS_HEADER_FIRST))
    header = by_row.get(ROWS_HEADER_FIRST, {})
    for i, code in enumerate(codes):
        found = _text(header.get(first + i, (None, ""))[0])
        if found != code:
            raise WorkbookError("columns_changed",
                                f"Trang tính “{title}”, ô {letters[i]}{ROWS_HEADER_FIRST}: mẫu có chỉ tiêu “{code}” ở "
                                f"đây, tệp có “{found or '—'}”; không thêm, xóa hay đổi thứ tự cột.",
                                f"Sheet “{title}”, cell {letters[i]}{ROWS_HEADER_FIRST}: the template has indicator "
                                f"“{code}” here, the file has “{found or '—'}”; do not add, remove or reorder columns.")
    units_row = by_row.get(ROWS_HEADER_FIRST + 2, {})
    unit_texts = [_text(units_row.get(first + i, (None, ""))[0]) for i in range(len(codes))]
    out: list[FilledSheet] = []
    last = max([ROWS_FIRST_ROW + len(meta.sheets) - 1, *by_row])
    for i, r in enumerate(range(ROWS_FIRST_ROW, last + 1)):
        cells = by_row.get(r, {})
        unit_code = _text(cells.get(1, (None, ""))[0])
        if i >= len(meta.sheets):
            if unit_code or any(v not in (None, "") for v, _f in cells.values()):
                raise _moved(title, f"A{r}", unit_code or "—")
            continue
        want = meta.sheets[i][1]
        if unit_code != want:
            raise _moved(title, f"A{r}", unit_code or "—", want, what=("đơn vị", "unit"))
        status, source = cells.get(cols["status"], (None, ""))[0], cells.get(cols["source"], (None, ""))[0]
        row_refs = {"status": f"C{r}", "source": f"D{r}", "note": f"D{r}"}
        rows = []
        for j, code in enumerate(codes):
            value, fmt = cells.get(first + j, (None, "General"))
            rows.append(FilledRow(r, code, unit_texts[j], value, fmt or "General", status, source, None,
                                  {**row_refs, "value": f"{letters[j]}{r}", "unit": f"{letters[j]}{ROWS_HEADER_FIRST + 2}"},
                                  keep_texts=True))
        out.append(FilledSheet(title, want, rows))
    return out


def _moved(title: str, cell: str, found: str, wanted: str | None = None,
           what: tuple[str, str] = ("chỉ tiêu", "indicator")) -> WorkbookError:
    if wanted is None:
        return WorkbookError("rows_changed",
                             f"Trang tính “{title}”, ô {cell}: có dòng “{found}” không thuộc mẫu; "
                             "không thêm dòng vào biểu.",
                             f"Sheet “{title}”, cell {cell}: row “{found}” is not part of the template; "
                             "do not add rows.")
    return WorkbookError("rows_changed",
                         f"Trang tính “{title}”, ô {cell}: mẫu có {what[0]} “{wanted}” ở đây, tệp có “{found}”; "
                         "không thêm, xóa hay đổi thứ tự dòng.",
                         f"Sheet “{title}”, cell {cell}: the template has {what[1]} “{wanted}” here, the file has "
                         f"“{found}”; do not add, remove or reorder rows.")
