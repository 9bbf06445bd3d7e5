"""DHIS2 data value sets as files: periods, JSON and CSV written and read back, without Django."""

from __future__ import annotations

import io
import json

import pytest

from chitieu.exchange.dhis2 import (
    DataValue,
    PeriodError,
    SetError,
    read_csv,
    read_json,
    write_csv,
    write_json,
    year_of,
)


@pytest.mark.parametrize("period, kind", [("2024S1", "six-month"), ("2024Q3", "quarter"), ("202403", "month"),
                                          ("2024W5", "week"), ("20240315", "day"), ("2024BiW1", "bi-week"),
                                          ("2024AprilS1", "financial six-month"), ("2024July", "financial year")])
def test_periods_other_than_a_year_are_named(period, kind):
    assert year_of("2024") == 2024
    with pytest.raises(PeriodError) as err:
        year_of(period)
    assert err.value.kind[1] == kind


def test_a_garbled_period_is_refused():
    with pytest.raises(PeriodError) as err:
        year_of("năm 2024")
    assert err.value.kind is None and "không phải cách viết kỳ của DHIS2" in err.value.vi


VALUES = [DataValue("KT01", "2024", "19502", "1234.5", "so_bo", "ghi chú, có \"ngoặc\"", "canbo", "2024-05-01T10:00:00"),
          DataValue("XH14", "2023", "19502", "1")]


def test_json_round_trip():
    out = io.StringIO()
    assert write_json(VALUES, out) == 2
    data = json.loads(out.getvalue())
    assert data["dataValues"][1] == {"dataElement": "XH14", "period": "2023", "orgUnit": "19502",
                                     "attributeOptionCombo": "chinh_thuc", "value": "1"}
    back = read_json(out.getvalue())
    assert [(v.data_element, v.value, v.status, v.comment) for v in back] == [
        ("KT01", "1234.5", "so_bo", "ghi chú, có \"ngoặc\""), ("XH14", "1", "chinh_thuc", "")]
    assert back[0].position == "dataValues[0]"


def test_csv_round_trip():
    out = io.StringIO()
    write_csv(VALUES, out)
    back = read_csv(out.getvalue().encode("utf-8"))
    assert [(v.data_element, v.period, v.org_unit, v.value, v.status, v.comment) for v in back] == [
        ("KT01", "2024", "19502", "1234.5", "so_bo", "ghi chú, có \"ngoặc\""), ("XH14", "2023", "19502", "1", "chinh_thuc", "")]
    assert back[1].position == "dòng 3 / line 3"


def test_not_a_set():
    with pytest.raises(SetError):
        read_json(b'{"rows": []}')
    with pytest.raises(SetError):
        read_csv(b"a,b,c\n1,2,3\n")
    with pytest.raises(SetError):
        read_json(b"{not json")
