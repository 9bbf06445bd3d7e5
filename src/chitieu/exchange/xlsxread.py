"""A fast, read-only walk over the cells of an XLSX file: values as a spreadsheet saved them
(a formula by its cached value) and each cell's number format, for chosen columns only.

openpyxl's reader builds an object per cell and costs ~50 µs a cell; a workbook of 3.000 sheets
× 100 rows is millions of cells. This reads the sheet XML with lxml's ``iterparse`` and keeps
only the columns asked for. It understands what Excel and LibreOffice write: shared strings
(with rich-text runs), inline strings, formula string results, booleans, errors, numbers, and
the number format of each cell's style (to see a percentage, or a date, which is not a number).
A formula saved without its result (as openpyxl writes one) comes back as a ``FormulaCell``.

Pure Python with lxml; no Django.
"""

from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from html import unescape
from typing import IO

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


_FAST_LIMIT = 64 * 2**20  # a sheet's XML read whole as text up to this size; larger ones are parsed as a stream
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
# the same with the reference as first attribute (how Excel, LibreOffice and openpyxl write it):
# the column is known before any other attribute is read, and most cells are not wanted
_CELL_REF = re.compile(r'<c r="([A-Z]{1,3})([0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_CELL_OPEN = re.compile(r"<c[ >/]")
_ATTR = re.compile(r'\b([rst])="([^"]*)"')
_V = re.compile(r"<v>([^<]*)</v>")
_F = re.compile(r"<f(?:\s[^>]*)?>([^<]*)</f>")
_T = re.compile(r"<t(?:\s[^>]*)?>([^<]*)</t>")
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)
_PREFIXED = re.compile(r"<\w+:(?:c|row|sheetData)\b")


class XlsxError(ValueError):
    pass


class FormulaCell:
    """A formula saved without its computed value (openpyxl writes formulas so; Excel and
    LibreOffice store the result beside the formula): there is no figure to read."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return "=" + self.formula

    def __eq__(self, other) -> bool:
        return isinstance(other, FormulaCell) and other.formula == self.formula

    def __hash__(self) -> int:
        return hash(self.formula)


class DateCell:
    """A number shown as a date or time: not a figure (its text is the serial number)."""

    def __init__(self, serial: str) -> None:
        self.serial = serial

    def __str__(self) -> str:
        try:
            return (datetime.datetime(1899, 12, 30) + datetime.timedelta(days=float(self.serial))).strftime("%d/%m/%Y")
        except (ValueError, OverflowError):
            return self.serial


@lru_cache(maxsize=4096)
def _inline(inner: str) -> str:
    """The text of an inline string's XML (a template's ĐVT and status cells repeat on every
    row, each character a reference such as &#7843;: read once)."""
    if "<rPh" in inner:
        inner = _PHONETIC.sub("", inner)
    return unescape("".join(_T.findall(inner)))


def _col_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _text_of(el) -> str:
    """The text of a shared or inline string: its <t>, or the <t> of every rich-text run."""
    return "".join(t.text or "" for t in el.iter(f"{_NS}t") if t.getparent().tag != f"{_NS}rPh")


class Book:
    """An open XLSX: sheet names → their XML part, shared strings, number format per style."""

    def __init__(self, source: str | IO[bytes]) -> None:
        try:
            self.zip = zipfile.ZipFile(source)
            names = set(self.zip.namelist())
            workbook = etree.fromstring(self.zip.read("xl/workbook.xml"))
            rels = etree.fromstring(self.zip.read("xl/_rels/workbook.xml.rels"))
        except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, OSError) as exc:
            raise XlsxError(type(exc).__name__) from None
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship")}
        self.sheets: dict[str, str] = {}
        for sheet in workbook.iter(f"{_NS}sheet"):
            target = targets.get(sheet.get(f"{_REL}id"), "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            if path in names:
                self.sheets[sheet.get("name")] = path
        self.strings: list[str] = []
        if "xl/sharedStrings.xml" in names:
            for _event, si in etree.iterparse(self.zip.open("xl/sharedStrings.xml"), tag=f"{_NS}si"):
                self.strings.append(_text_of(si))
                si.clear()
        self.formats: list[str] = []
        if "xl/styles.xml" in names:
            styles = etree.fromstring(self.zip.read("xl/styles.xml"))
            custom = {int(f.get("numFmtId")): f.get("formatCode") or "" for f in styles.iter(f"{_NS}numFmt")}
            xfs = styles.find(f"{_NS}cellXfs")
            for xf in ([] if xfs is None else xfs.iter(f"{_NS}xf")):
                fid = int(xf.get("numFmtId") or 0)
                self.formats.append(custom.get(fid, BUILTIN_FORMATS.get(fid, "General")))
        self._dates = {f: is_date_format(f) for f in set(self.formats)}

    def close(self) -> None:
        self.zip.close()

    def rows(self, name: str, columns: set[int], first_row: int = 1) -> Iterator[tuple[int, dict[int, tuple]]]:
        """(row number, {column: (value, number format)}) for each row from ``first_row`` with a
        cell in ``columns``; empty cells are left out. Values: str, float, int, bool, DateCell,
        FormulaCell, or an error text such as "#DIV/0!" (as str)."""
        info = self.zip.getinfo(self.sheets[name])
        if info.file_size <= _FAST_LIMIT:
            data = self.zip.read(info).decode("utf-8")
            fast = self._rows_fast(data, columns, first_row)
            if fast is not None:
                yield from fast
                return
        part = self.zip.open(self.sheets[name])
        row_tag, cell_tag = f"{_NS}row", f"{_NS}c"
        v_tag, is_tag = f"{_NS}v", f"{_NS}is"
        letters: dict[str, int] = {}
        last_row = 0
        for _event, row_el in etree.iterparse(part, tag=row_tag):
            r_attr = row_el.get("r")
            row = int(r_attr) if r_attr else last_row + 1
            last_row = row
            if row >= first_row:
                current: dict[int, tuple] = {}
                col = 0
                for el in row_el.iterchildren(cell_tag):
                    ref = el.get("r")
                    if ref:
                        head = ref.rstrip("0123456789")
                        col = letters.get(head) or letters.setdefault(head, _col_index(head))
                    else:  # a cell without a reference follows the one before it
                        col += 1
                    if col not in columns:
                        continue
                    value = self._value(el, v_tag, is_tag)
                    if value is not None and value != "":
                        style = int(el.get("s") or 0)
                        current[col] = (value, self.formats[style] if style < len(self.formats) else "General")
                if current:
                    yield row, current
            row_el.clear()
            while row_el.getprevious() is not None:
                del row_el.getparent()[0]

    def _rows_fast(self, data: str, columns: set[int], first_row: int) -> list | None:
        """The same rows by regular expressions over the sheet's text: several times faster than
        building elements. Only for the plain form every office suite writes (unprefixed tags,
        every cell with its reference); None otherwise, and the XML parser reads the sheet."""
        if "<sheetData" not in data or "<c>" in data or _PREFIXED.search(data):
            return None
        start = data.index("<sheetData")
        cells = list(_CELL_REF.finditer(data, start))
        if len(cells) != len(_CELL_OPEN.findall(data, start)):
            return None  # a cell without its reference first: the XML parser reads the sheet
        out: list[tuple[int, dict[int, tuple]]] = []
        letters: dict[str, int] = {}
        current: dict[int, tuple] = {}
        current_row = 0
        for m in cells:
            head, row_text = m.group(1), m.group(2)
            col = letters.get(head) or letters.setdefault(head, _col_index(head))
            if col not in columns:
                continue
            row = int(row_text)
            if row != current_row:
                if current and current_row >= first_row:
                    out.append((current_row, current))
                current, current_row = {}, row
            if row < first_row:
                continue
            attrs = dict(_ATTR.findall(m.group(3)))
            inner = m.group(4) or ""
            kind = attrs.get("t", "n")
            style = int(attrs.get("s") or 0)
            fmt = self.formats[style] if style < len(self.formats) else "General"
            if kind == "inlineStr":
                value = _inline(inner)
            else:
                v = _V.search(inner)
                if (v is None or (not v.group(1) and kind != "str")) and "<f" in inner:
                    f = _F.search(inner)
                    current[col] = (FormulaCell(unescape(f.group(1)) if f else ""), fmt)
                    continue
                if v is None or not v.group(1):  # an empty cell, or a formula whose result is ""
                    continue
                text = v.group(1)
                if kind == "s":
                    value = self.strings[int(text)]
                elif kind in ("str", "e"):
                    value = unescape(text)
                elif kind == "b":
                    value = text == "1"
                elif self._dates.get(fmt):
                    value = DateCell(text)
                else:
                    number = float(text)
                    value = int(number) if number.is_integer() and "." not in text and "E" not in text.upper() \
                        else number
            if value is not None and value != "":
                current[col] = (value, fmt)
        if current and current_row >= first_row:
            out.append((current_row, current))
        return out

    def _value(self, el, v_tag: str, is_tag: str):
        kind = el.get("t", "n")
        if kind == "inlineStr":
            node = el.find(is_tag)
            return None if node is None else _text_of(node)
        v = el.find(v_tag)
        text = None if v is None else v.text
        if text is None:
            # a formula with no result beside it (an empty <v/> of a numeric formula is none either;
            # a text formula whose result is "" has t="str")
            f = el.find(f"{_NS}f") if kind != "str" else None
            return None if f is None else FormulaCell(f.text or "")
        if kind == "s":
            return self.strings[int(text)]
        if kind in ("str", "e"):
            return text
        if kind == "b":
            return text == "1"
        style = int(el.get("s") or 0)
        fmt = self.formats[style] if style < len(self.formats) else "General"
        if self._dates.get(fmt):
            return DateCell(text)
        number = float(text)
        return int(number) if number.is_integer() and "." not in text and "E" not in text.upper() else number
