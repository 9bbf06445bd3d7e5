"""A fast, read-only walk over the cells of an XLSX file: values as a spreadsheet saved them
(a formula by its cached value) and each cell's number format, for chosen columns only.

openpyxl's reader builds an object per cell and costs ~50 µs a cell; a workbook of 3.000 sheets
× 100 rows is millions of cells. This reads the sheet XML with lxml's ``iterparse`` and keeps
only the columns asked for. It understands what Excel and LibreOffice write: shared strings
(with rich-text runs), inline strings, formula string results, booleans, errors, numbers, and
the number format of each cell's style (to see a percentage, or a date, which is not a number).

Pure Python with lxml; no Django.
"""

from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from collections.abc import Iterator
from html import unescape
from typing import IO

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"


_FAST_LIMIT = 64 * 2**20  # a sheet's XML read whole as text up to this size; larger ones are parsed as a stream
_CELL = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR = re.compile(r'\b([rst])="([^"]*)"')
_V = re.compile(r"<v>([^<]*)</v>")
_T = re.compile(r"<t(?:\s[^>]*)?>([^<]*)</t>")
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)
_PREFIXED = re.compile(r"<\w+:(?:c|row|sheetData)\b")


class XlsxError(ValueError):
    pass


class DateCell:
    """A number shown as a date or time: not a figure (its text is the serial number)."""

    def __init__(self, serial: str) -> None:
        self.serial = serial

    def __str__(self) -> str:
        try:
            return (datetime.datetime(1899, 12, 30) + datetime.timedelta(days=float(self.serial))).strftime("%d/%m/%Y")
        except (ValueError, OverflowError):
            return self.serial


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
        or an error text such as "#DIV/0!" (as str)."""
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
        out: list[tuple[int, dict[int, tuple]]] = []
        letters: dict[str, int] = {}
        current: dict[int, tuple] = {}
        current_row = 0
        for m in _CELL.finditer(data, data.index("<sheetData")):
            attrs = dict(_ATTR.findall(m.group(1)))
            ref = attrs.get("r")
            if not ref:
                return None
            head = ref.rstrip("0123456789")
            row = int(ref[len(head):])
            if row != current_row:
                if current and current_row >= first_row:
                    out.append((current_row, current))
                current, current_row = {}, row
            if row < first_row:
                continue
            col = letters.get(head) or letters.setdefault(head, _col_index(head))
            if col not in columns:
                continue
            inner = m.group(2) or ""
            kind = attrs.get("t", "n")
            style = int(attrs.get("s") or 0)
            fmt = self.formats[style] if style < len(self.formats) else "General"
            if kind == "inlineStr":
                value = unescape("".join(_T.findall(_PHONETIC.sub("", inner))))
            else:
                v = _V.search(inner)
                if v is None or not v.group(1):  # a formula saved without its value, an empty cell
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
            return None
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
