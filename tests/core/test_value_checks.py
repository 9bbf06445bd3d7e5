"""The one check of a number against its indicator (chitieu.core.value_checks)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.numbers import format_number, parse_number
from chitieu.core.value_checks import (
    MAX_ABS,
    ValueProblem,
    check_text,
    check_value,
    read_value,
    shown,
    storable,
)


def _indicator(code="KT01", kind=Kind.FLOW, unit="tỷ đồng", name="Tổng mức bán lẻ", decimals=1):
    aggregation = Aggregation.SUM if kind in (Kind.FLOW, Kind.COUNT, Kind.LEVEL) else Aggregation.NONE
    return Indicator(code=code, name=name, unit=unit, kind=kind, direction=Direction.HIGHER_IS_BETTER,
                     domain=Domain.KINH_TE, aggregation=aggregation, decimals=decimals)


FLOW = _indicator()
GROWTH = _indicator("KT06", Kind.GROWTH_RATE, "%", "Tốc độ tăng tổng giá trị sản phẩm")
RATE = _indicator("XH09", Kind.RATE, "%", "Tỷ lệ người dân tham gia bảo hiểm y tế")
RATE_CHANGE = _indicator("XH07", Kind.RATE, "%", "Mức giảm tỷ lệ hộ nghèo đa chiều bình quân/năm")
COUNT = _indicator("XH06N", Kind.COUNT, "hộ", "Số hộ nghèo", decimals=0)
AVERAGE_CHANGE = _indicator("XH08", Kind.COUNT, "hộ", "Mức giảm số hộ nghèo bình quân/năm", decimals=0)
YES_NO = _indicator("XH14", Kind.BOOLEAN, None, "Phường đạt chuẩn quốc gia về y tế", decimals=0)


@pytest.mark.parametrize("typed, exact", [
    ("1.234,5", Decimal("1234.5")),
    ("6.606", Decimal("6606")),  # one dot and three digits: thousands
    ("2,796", Decimal("2.796")),  # one comma: the decimal mark
    ("1.234.567,891", Decimal("1234567.891")),
    ("123.456.789.012.345", Decimal("123456789012345")),  # 15 digits, not through a float
    ("−3,5", Decimal("-3.5")),
    ("  ", None),
])
def test_typed_numbers_are_read_exactly(typed, exact):
    assert read_value(typed) == exact


@given(st.decimals(min_value=-10**12, max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_reading_what_the_sheet_shows_gives_the_number_back(number):
    text = format_number(float(number), 4)
    assert read_value(text) == Decimal(text.replace(".", "").replace(",", "."))
    assert float(read_value(text)) == pytest.approx(parse_number(text, "vi"))


@pytest.mark.parametrize("raw, code", [
    ("mười hai", "not_a_number"), ("1,2,3", "not_a_number"), (float("nan"), "not_finite"),
    (float("inf"), "not_finite"), (Decimal("-Infinity"), "not_finite"), (True, "not_a_number"),
])
def test_what_is_not_a_number_is_named(raw, code):
    with pytest.raises(ValueProblem) as err:
        read_value(raw)
    assert err.value.code == code
    assert " / " in err.value.message  # Vietnamese / English


@pytest.mark.parametrize("indicator, number, code", [
    (FLOW, Decimal(10) ** 15, "too_large"),
    (FLOW, -(Decimal(10) ** 15), "too_large"),
    (FLOW, Decimal("1.23456"), "too_precise"),
    (FLOW, Decimal("123456789012.3456"), "too_many_digits"),
    (FLOW, Decimal("-1"), "negative"),
    (RATE, Decimal("100.5"), "percent_range"),
    (RATE, Decimal("-0.1"), "percent_range"),
    (COUNT, Decimal("12.5"), "not_integer"),
    (COUNT, Decimal("-3"), "negative"),
    (YES_NO, Decimal("5"), "boolean"),
    (YES_NO, Decimal("-1"), "boolean"),
    (YES_NO, Decimal("0.5"), "boolean"),
])
def test_a_number_its_indicator_cannot_hold_is_refused(indicator, number, code):
    problem = check_value(number, indicator)
    assert problem is not None and problem.code == code
    assert indicator.code in problem.message or code == "percent_range"


@pytest.mark.parametrize("indicator, number", [
    (FLOW, Decimal("999999999999999")), (FLOW, Decimal("0")), (FLOW, Decimal("1234.5678")),
    (GROWTH, Decimal("-2.5")), (GROWTH, Decimal("250")),  # a growth rate may fall, or more than double
    (RATE_CHANGE, Decimal("-0.4")),  # the poverty rate rose: its "fall" is negative
    (AVERAGE_CHANGE, Decimal("-3.5")),  # an average of counts need not be whole
    (COUNT, Decimal("1234")), (RATE, Decimal("100")), (YES_NO, Decimal("1")), (YES_NO, Decimal("0")),
])
def test_numbers_within_the_rules_pass(indicator, number):
    assert check_value(number, indicator) is None


def test_the_message_quotes_what_was_typed_but_not_a_whole_paste():
    problem = check_value(Decimal("1" * 400), FLOW, "1" * 400)
    assert problem.code == "too_large" and "1" * 39 + "…" in problem.message and "1" * 41 not in problem.message
    assert check_value(Decimal("-5"), FLOW, "-5").params["text"] == "-5"


def test_storable_is_the_bound_of_what_is_read_back():
    assert storable(Decimal("999999999999999.9999")) and storable(0) and storable(-5.5)
    assert not storable(MAX_ABS) and not storable(Decimal("NaN")) and not storable(float("inf"))
    assert not storable("12") and not storable(None)


def test_texts_longer_than_their_column_are_refused_with_the_length():
    assert check_text("x" * 300, 300, "Nguồn") is None
    problem = check_text("x" * 301, 300, "Nguồn")
    assert problem.params == {"field": "Nguồn", "length": 301, "limit": 300}


def test_numbers_are_quoted_the_vietnamese_way():
    assert shown(Decimal("1234567.5")) == "1.234.567,5"
    assert shown(Decimal("-12")) == "-12"
