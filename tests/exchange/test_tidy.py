"""Tidy files: decimals with ".", ISO times, the Frictionless descriptor's keys; without Django."""

from __future__ import annotations

import datetime
import io
import json
import zipfile
from decimal import Decimal

from chitieu.exchange.tidy import cell_text, descriptor, iter_csv, iter_json, write_package


def test_cells_are_written_for_machines():
    assert cell_text(Decimal("1234.5000")) == "1234.5" and cell_text(Decimal("1E+3")) == "1000"
    assert cell_text(0.1) == "0.1" and cell_text(True) == "true" and cell_text(None) == ""
    tz = datetime.timezone(datetime.timedelta(hours=7))
    assert cell_text(datetime.datetime(2024, 5, 1, 17, 30, 5, 123456, tzinfo=tz)) == "2024-05-01T10:30:05Z"
    assert cell_text(datetime.date(2025, 7, 1)) == "2025-07-01"


def test_csv_and_json_stream_in_chunks():
    rows = (("19502", "Phường 2", "phuong", "464", None, None) for _ in range(20000))
    chunks = list(iter_csv("units", rows, chunk=4096))
    assert len(chunks) > 10
    text = "".join(chunks)
    assert text.splitlines()[0] == "code,name,level,parent_code,valid_from,valid_to"
    assert text.splitlines()[1] == "19502,Phường 2,phuong,464,,"
    assert all(len(c) < 4096 + 100 for c in chunks)  # about the size asked for: a line more at most
    data = json.loads("".join(iter_json("units", [("1", "A", "xa", "", datetime.date(2025, 7, 1), None)])))
    assert data == [{"code": "1", "name": "A", "level": "xa", "parent_code": "", "valid_from": "2025-07-01",
                     "valid_to": None}]
    two = "".join(iter_json("units", [("1", "A", "xa", "", None, None), ("2", "B, C", "xa", "1", None, None)]))
    assert two == ('[\n{"code": "1", "name": "A", "level": "xa", "parent_code": "", "valid_from": null, '
                   '"valid_to": null},\n{"code": "2", "name": "B, C", "level": "xa", "parent_code": "1", '
                   '"valid_from": null, "valid_to": null}\n]\n')
    assert "".join(iter_csv("units", [("2", "B, C", "xa", "1", None, None)])).splitlines()[1] == '2,"B, C",xa,1,,'
    assert "".join(iter_json("units", [])) == "[\n]\n"


def test_the_descriptor_keeps_only_keys_to_tables_it_has():
    d = descriptor(["indicators", "values"])
    values = d["resources"][1]["schema"]
    assert values["primaryKey"] == ["unit_code", "indicator_code", "year", "status"]
    assert values["foreignKeys"] == [{"fields": ["indicator_code"], "reference": {"resource": "indicators",
                                                                                    "fields": ["code"]}}]


def test_a_package_is_a_zip_with_its_descriptor():
    buf = io.BytesIO()
    write_package(buf, {"units": lambda: [("1", "A", "xa", "", None, None)]})
    z = zipfile.ZipFile(buf)
    assert sorted(z.namelist()) == ["datapackage.json", "units.csv"]
    assert json.loads(z.read("datapackage.json"))["resources"][0]["schema"]["primaryKey"] == ["code"]
