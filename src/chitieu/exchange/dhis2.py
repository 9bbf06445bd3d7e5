"""DHIS2 data value sets, JSON and CSV, with code identifiers (DHIS2's ``idScheme=CODE``).

Owns the mapping between a stored value and a DHIS2 data value:

- ``dataElement`` = the indicator code, ``orgUnit`` = the unit code;
- ``period`` as DHIS2 writes it: ``2024`` (a year), ``2024S1`` (half), ``2024Q3`` (quarter),
  ``202403`` (month), ``2024W5`` (week), ``20240315`` (day) … chitieu keeps yearly values, so only
  a year is imported; any other period is recognised and refused with its kind named;
- ``attributeOptionCombo`` = the value status (``chinh_thuc``, ``so_bo``, ``uoc``, ``ke_hoach``;
  empty means ``chinh_thuc``), ``comment`` = the note, ``storedBy`` / ``lastUpdated`` as stored;
- ``value`` written with "." as decimal mark (``1234.5``), yes/no as 1 / 0.

The writers stream (one value at a time); the readers give ``DataValue`` rows with their
position (index in ``dataValues``, or CSV line) for messages. Pure Python; no Django.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, TextIO

from chitieu.exchange.tidy import chunked, csv_lines, json_items

STATUSES = ("ke_hoach", "uoc", "so_bo", "chinh_thuc")
DEFAULT_STATUS = "chinh_thuc"
CSV_HEADER = ["dataelement", "period", "orgunit", "categoryoptioncombo", "attributeoptioncombo", "value",
              "storedby", "lastupdated", "comment", "followup"]

_PERIODS = [  # (pattern, Vietnamese / English name of the kind), DHIS2's period formats
    (re.compile(r"^\d{4}$"), ("năm", "year")),
    (re.compile(r"^\d{4}S[12]$"), ("nửa năm", "six-month")),
    (re.compile(r"^\d{4}(April|July|Oct|Nov)S[12]$"), ("nửa năm tài chính", "financial six-month")),
    (re.compile(r"^\d{4}Q[1-4]$"), ("quý", "quarter")),
    (re.compile(r"^\d{4}(0[1-9]|1[0-2])$"), ("tháng", "month")),
    (re.compile(r"^\d{4}(0[1-9]|1[0-2])B$"), ("hai tháng", "bi-month")),
    (re.compile(r"^\d{4}(Sat|Sun|Wed|Thu)?W\d{1,2}$"), ("tuần", "week")),
    (re.compile(r"^\d{4}BiW\d{1,2}$"), ("hai tuần", "bi-week")),
    (re.compile(r"^\d{8}$"), ("ngày", "day")),
    (re.compile(r"^\d{4}(April|July|Oct|Nov)$"), ("năm tài chính", "financial year")),
]


class PeriodError(ValueError):
    def __init__(self, period: str, kind: tuple[str, str] | None) -> None:
        self.period, self.kind = period, kind
        if kind is None:
            vi = f"kỳ “{period}” không phải cách viết kỳ của DHIS2 (năm viết 2024)"
            en = f"period “{period}” is not a DHIS2 period (a year is written 2024)"
        else:
            vi = f"kỳ “{period}” là một {kind[0]}; chitieu chỉ lưu số liệu theo năm (viết 2024)"
            en = f"period “{period}” is a {kind[1]}; chitieu keeps yearly values only (written 2024)"
        self.vi, self.en = vi, en
        super().__init__(f"{vi} / {en}")


class SetError(ValueError):
    """The file is not a data value set (bad JSON, no ``dataValues``, a CSV without its header)."""

    def __init__(self, vi: str, en: str) -> None:
        self.vi, self.en = vi, en
        super().__init__(f"{vi} / {en}")


@dataclass
class DataValue:
    data_element: str
    period: str
    org_unit: str
    value: str
    status: str = ""  # attributeOptionCombo ("" = chính thức)
    comment: str = ""
    stored_by: str = ""
    last_updated: str = ""
    position: str = ""  # "dataValues[3]" or "dòng 5" / "line 5"

    def as_json(self) -> dict:
        out = {"dataElement": self.data_element, "period": self.period, "orgUnit": self.org_unit,
               "attributeOptionCombo": self.status or DEFAULT_STATUS, "value": self.value}
        if self.comment:
            out["comment"] = self.comment
        if self.stored_by:
            out["storedBy"] = self.stored_by
        if self.last_updated:
            out["lastUpdated"] = self.last_updated
        return out


def year_of(period: str) -> int:
    """2024 for "2024"; ``PeriodError`` for any other period (named by its kind)."""
    p = (period or "").strip()
    for pattern, kind in _PERIODS:
        if pattern.match(p):
            if kind[1] == "year":
                return int(p)
            raise PeriodError(p, kind)
    raise PeriodError(p, None)


def iter_json(values: Iterable[DataValue]) -> Iterator[str]:
    """``{"dataValues": [...]}`` as chunks of text (a streaming response, a file)."""
    return chunked(json_items(dv.as_json() for dv in values), '{"dataValues": [', "\n]}\n")


def _csv_row(dv: DataValue) -> list[str]:
    return [dv.data_element, dv.period, dv.org_unit, "", dv.status or DEFAULT_STATUS, dv.value, dv.stored_by,
            dv.last_updated, dv.comment, "false"]


def iter_csv(values: Iterable[DataValue]) -> Iterator[str]:
    return chunked(csv_lines(CSV_HEADER, (_csv_row(dv) for dv in values)))


def _write(chunks: Callable[[Iterable[DataValue]], Iterator[str]], values: Iterable[DataValue], out: TextIO) -> int:
    n = 0

    def counted():
        nonlocal n
        for dv in values:
            n += 1
            yield dv

    for text in chunks(counted()):
        out.write(text)
    return n


def write_json(values: Iterable[DataValue], out: TextIO) -> int:
    """Stream the JSON set to ``out``; returns how many values were written."""
    return _write(iter_json, values, out)


def write_csv(values: Iterable[DataValue], out: TextIO) -> int:
    return _write(iter_csv, values, out)


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return str(v).strip()


def read_json(source: IO[bytes] | IO[str] | bytes | str) -> list[DataValue]:
    if hasattr(source, "read"):
        source = source.read()
    try:
        data = json.loads(source)
    except (ValueError, UnicodeDecodeError) as exc:
        raise SetError(f"Tệp JSON không đọc được: {exc}", f"The JSON file cannot be read: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("dataValues"), list):
        raise SetError("Tệp JSON không có danh sách “dataValues” của một data value set DHIS2.",
                       "The JSON file has no “dataValues” list of a DHIS2 data value set.")
    out = []
    for i, item in enumerate(data["dataValues"]):
        if not isinstance(item, dict):
            raise SetError(f"dataValues[{i}] không phải một đối tượng.", f"dataValues[{i}] is not an object.")
        status = _text(item.get("attributeOptionCombo")) or _text(item.get("categoryOptionCombo"))
        out.append(DataValue(
            data_element=_text(item.get("dataElement")), period=_text(item.get("period")),
            org_unit=_text(item.get("orgUnit")), value=_text(item.get("value")), status=status,
            comment=_text(item.get("comment")), stored_by=_text(item.get("storedBy")),
            last_updated=_text(item.get("lastUpdated")), position=f"dataValues[{i}]"))
    return out


def read_csv(source: IO[bytes] | IO[str] | bytes | str) -> list[DataValue]:
    if hasattr(source, "read"):
        source = source.read()
    if isinstance(source, bytes):
        try:
            source = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise SetError("Tệp CSV phải được lưu dạng UTF-8.", "The CSV file must be saved as UTF-8.") from None
    rows = csv.reader(io.StringIO(source))
    header = [h.strip().lower() for h in next(rows, [])]
    if "dataelement" not in header or "orgunit" not in header or "period" not in header or "value" not in header:
        raise SetError("Tệp CSV phải có dòng tiêu đề của DHIS2: " + ",".join(CSV_HEADER) + ".",
                       "The CSV file needs DHIS2's header line: " + ",".join(CSV_HEADER) + ".")
    index = {h: i for i, h in enumerate(header)}
    out = []
    for line, row in enumerate(rows, 2):
        if not any(c.strip() for c in row):
            continue

        def get(name, row=row):
            i = index.get(name)
            return row[i].strip() if i is not None and i < len(row) else ""

        out.append(DataValue(get("dataelement"), get("period"), get("orgunit"), get("value"),
                             get("attributeoptioncombo") or get("categoryoptioncombo"), get("comment"),
                             get("storedby"), get("lastupdated"), position=f"dòng {line} / line {line}"))
    return out
