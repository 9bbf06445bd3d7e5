"""Tidy open-data files: one row per value (or evaluation), one column per variable, as CSV,
XLSX and JSON, and a Frictionless data package (``datapackage.json`` with a table schema per
file, primary and foreign keys) in a ZIP.

Owns the tables' columns and types (``TABLES``) and the writers. Rows come in as tuples in the
table's column order from any iterable (the web layer streams them from the database), and go
out one at a time: CSV and JSON in chunks of text, XLSX through openpyxl's write-only mode, so
no writer holds the whole table. Decimals are written with "." (``1234.5``), never the display
format; dates and times in ISO 8601 (UTC, to the second); booleans as ``true`` / ``false``.

Pure Python with openpyxl; no Django.
"""

from __future__ import annotations

import csv
import datetime
import json
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from openpyxl import Workbook


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # Table Schema type: string, integer, number, boolean, date, datetime
    title: str
    description: str = ""


def _c(name, type_, title, description=""):
    return Column(name, type_, title, description)


TABLES: dict[str, list[Column]] = {
    "units": [
        _c("code", "string", "Mã đơn vị", "Mã đơn vị hành chính"),
        _c("name", "string", "Tên đơn vị"),
        _c("level", "string", "Cấp", "tinh, huyen, thi_xa, xa, phuong …"),
        _c("parent_code", "string", "Mã đơn vị cấp trên"),
        _c("valid_from", "date", "Hiệu lực từ"),
        _c("valid_to", "date", "Hiệu lực đến"),
    ],
    "indicators": [
        _c("code", "string", "Mã chỉ tiêu"),
        _c("name", "string", "Tên chỉ tiêu"),
        _c("unit", "string", "Đơn vị tính"),
        _c("kind", "string", "Loại", "level, flow, rate, growth_rate, share, count, boolean"),
        _c("direction", "string", "Chiều tốt", "higher, lower, keep"),
        _c("domain", "string", "Lĩnh vực"),
        _c("aggregation", "string", "Cách tổng hợp"),
        _c("decimals", "integer", "Số chữ số thập phân"),
        _c("parent_code", "string", "Thuộc chỉ tiêu (trong đó)"),
    ],
    "values": [
        _c("unit_code", "string", "Mã đơn vị"),
        _c("unit_name", "string", "Tên đơn vị"),
        _c("indicator_code", "string", "Mã chỉ tiêu"),
        _c("indicator_name", "string", "Tên chỉ tiêu"),
        _c("indicator_unit", "string", "Đơn vị tính"),
        _c("year", "integer", "Năm"),
        _c("status", "string", "Loại số liệu", "ke_hoach, uoc, so_bo, chinh_thuc"),
        _c("value", "number", "Giá trị", "dấu chấm thập phân / decimal point"),
        _c("approval", "string", "Duyệt", "approved, submitted, draft"),
        _c("source", "string", "Nguồn"),
        _c("note", "string", "Ghi chú"),
        _c("entered_by", "string", "Người nhập"),
        _c("entered_at", "datetime", "Thời điểm nhập (UTC)"),
        _c("approved_by", "string", "Người duyệt"),
        _c("approved_at", "datetime", "Thời điểm duyệt (UTC)"),
    ],
    "evaluations": [
        _c("unit_code", "string", "Mã đơn vị"),
        _c("unit_name", "string", "Tên đơn vị"),
        _c("plan_id", "integer", "Mã kế hoạch"),
        _c("plan_period", "string", "Giai đoạn kế hoạch"),
        _c("indicator_code", "string", "Mã chỉ tiêu"),
        _c("indicator_name", "string", "Tên chỉ tiêu"),
        _c("indicator_unit", "string", "Đơn vị tính"),
        _c("target", "string", "Chỉ tiêu kế hoạch"),
        _c("status", "string", "Kết quả", "vuot, dat, khong_dat, chua_du_so_lieu, dat_tien_do, chua_dat_tien_do"),
        _c("status_label", "string", "Kết quả (chữ)"),
        _c("final", "boolean", "Đã hết kỳ kế hoạch"),
        _c("progress", "string", "Tiến độ"),
        _c("figure_label", "string", "Số đánh giá"),
        _c("figure_value", "number", "Giá trị số đánh giá"),
        _c("figure_unit", "string", "Đơn vị số đánh giá"),
        _c("reason", "string", "Lý do"),
    ],
}

KEYS: dict[str, dict] = {
    "units": {"primaryKey": ["code"]},
    "indicators": {"primaryKey": ["code"]},
    "values": {
        "primaryKey": ["unit_code", "indicator_code", "year", "status"],
        "foreignKeys": [
            {"fields": ["unit_code"], "reference": {"resource": "units", "fields": ["code"]}},
            {"fields": ["indicator_code"], "reference": {"resource": "indicators", "fields": ["code"]}},
        ],
    },
    "evaluations": {
        "primaryKey": ["unit_code", "plan_id", "indicator_code"],
        "foreignKeys": [
            {"fields": ["unit_code"], "reference": {"resource": "units", "fields": ["code"]}},
            {"fields": ["indicator_code"], "reference": {"resource": "indicators", "fields": ["code"]}},
        ],
    },
}


def _decimal_text(v: Decimal) -> str:
    return format(v.normalize(), "f") if v.is_finite() else ""


def _datetime_text(v: datetime.datetime) -> str:
    if v.tzinfo is not None and v.utcoffset():  # the database gives UTC already: no conversion then
        v = v.astimezone(datetime.UTC)
    return v.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


_WRITERS: dict[type, Callable] = {
    str: lambda v: v,
    int: str,
    bool: lambda v: "true" if v else "false",
    Decimal: _decimal_text,
    float: lambda v: format(Decimal(repr(v)).normalize(), "f"),
    datetime.datetime: _datetime_text,
    datetime.date: datetime.date.isoformat,
    type(None): lambda v: "",
}


def cell_text(v) -> str:
    """A value as a data file writes it: 1234.5 (never 1.234,5 nor 1E+3), true/false, ISO dates."""
    writer = _WRITERS.get(type(v))  # by exact type: a table has millions of cells
    if writer is not None:
        return writer(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    for kind in (Decimal, datetime.datetime, datetime.date, int, float, str):
        if isinstance(v, kind):
            return _WRITERS[kind](v)
    return str(v)


def _json_value(v):
    if isinstance(v, Decimal):
        if not v.is_finite():
            return None
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, datetime.date):
        return cell_text(v)
    return v


class _Echo:
    """A file whose ``write`` hands the text back: ``csv.writer(_Echo()).writerow`` returns the line."""

    def write(self, text: str) -> str:
        return text


def csv_lines(header: list[str], rows: Iterable[list]) -> Iterator[str]:
    """The header and each row as one CSV line (quoted as the csv module quotes)."""
    writer = csv.writer(_Echo(), lineterminator="\n")
    yield writer.writerow(header)
    for cells in rows:
        yield writer.writerow(cells)


def json_items(objects: Iterable) -> Iterator[str]:
    """The items of a JSON array, one a line, with the commas between them."""
    sep = "\n"
    for obj in objects:
        yield sep + json.dumps(obj, ensure_ascii=False)
        sep = ",\n"


def chunked(lines: Iterable[str], head: str = "", tail: str = "", *, size: int = 1 << 16) -> Iterator[str]:
    """``head``, the lines and ``tail`` as chunks of about ``size`` characters: the one loop of
    every streamed writer (tidy CSV and JSON here, DHIS2 JSON and CSV in ``dhis2``), so a
    response or a file gets a few hundred writes for a million rows and never the whole table."""
    parts, length = [head], len(head)
    for line in lines:
        parts.append(line)
        length += len(line)
        if length >= size:
            yield "".join(parts)
            parts, length = [], 0
    parts.append(tail)
    yield "".join(parts)


def _csv_cells(table: str, rows: Iterable[tuple]) -> Iterator[list]:
    """Each row with its numbers, dates and booleans as ``cell_text`` writes them; text and whole
    numbers are left to the csv module (which writes None as ""): a few calls a row, not one a cell."""
    typed = [i for i, c in enumerate(TABLES[table]) if c.type not in ("string", "integer")]
    for row in rows:
        cells = list(row)
        for i in typed:
            cells[i] = cell_text(cells[i])
        yield cells


def iter_csv(table: str, rows: Iterable[tuple], *, chunk: int = 1 << 16) -> Iterator[str]:
    return chunked(csv_lines([c.name for c in TABLES[table]], _csv_cells(table, rows)), size=chunk)


def iter_json(table: str, rows: Iterable[tuple], *, chunk: int = 1 << 16) -> Iterator[str]:
    names = [c.name for c in TABLES[table]]
    return chunked(json_items({n: _json_value(v) for n, v in zip(names, row, strict=True)} for row in rows),
                   "[", "\n]\n", size=chunk)


def write_xlsx(out: str | IO[bytes], tables: dict[str, Iterable[tuple]]) -> None:
    """One sheet per table, written row by row (openpyxl's write-only mode)."""
    wb = Workbook(write_only=True)
    for table, rows in tables.items():
        ws = wb.create_sheet(table)
        ws.append([c.name for c in TABLES[table]])
        for row in rows:
            ws.append([_xlsx_value(v) for v in row])
    wb.save(out)


def _xlsx_value(v):
    if isinstance(v, datetime.datetime) and v.tzinfo is not None:
        return v.astimezone(datetime.UTC).replace(tzinfo=None, microsecond=0)
    return v


def descriptor(tables: list[str], *, name: str = "chitieu", title: str = "", description: str = "") -> dict:
    """``datapackage.json``: one CSV resource per table with its Table Schema and keys."""
    resources = []
    for table in tables:
        schema = {"fields": [{"name": c.name, "type": c.type, "title": c.title,
                              **({"description": c.description} if c.description else {})}
                             for c in TABLES[table]], "missingValues": [""], **KEYS[table]}
        if "foreignKeys" in schema:
            schema["foreignKeys"] = [fk for fk in schema["foreignKeys"] if fk["reference"]["resource"] in tables]
        resources.append({"name": table, "path": f"{table}.csv", "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8", "schema": schema})
    return {"name": name, "title": title or "chitieu", "description": description,
            "profile": "tabular-data-package", "resources": resources}


def write_package(out: str | IO[bytes], tables: dict[str, Callable[[], Iterable[tuple]]], **meta) -> None:
    """A ZIP with ``datapackage.json`` and one CSV per table; each table's rows are asked for
    (``tables[name]()``) and written in chunks, never held whole."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("datapackage.json", json.dumps(descriptor(list(tables), **meta), ensure_ascii=False, indent=2))
        for table, rows in tables.items():
            with z.open(f"{table}.csv", "w") as f:
                for text in iter_csv(table, rows()):
                    f.write(text.encode("utf-8"))
