"""Vietnamese numbers: reading what the seed reports write, printing the way reports print."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chitieu.core.numbers import (
    NumberFormatError,
    Quantity,
    column_hint,
    format_number,
    format_quantity,
    normalise_unit,
    parse_number,
    parse_quantity,
    round_half_up,
)


@pytest.mark.parametrize(
    ("text", "hint", "value"),
    [
        ("6.606", "auto", 6606),  # a dot before three digits groups thousands
        ("94,1", "auto", 94.1),  # the comma is the decimal mark
        ("1,0", "auto", 1.0),
        ("1.440", "auto", 1440),
        ("1.234,5", "auto", 1234.5),
        ("4.639.287.000", "vi", 4639287000),
        ("1,234,567", "auto", 1234567),  # only English can have two commas
        ("2,796", "en", 2796),  # a PDF table made with an English-locale spreadsheet
        ("116.80", "en", 116.8),
        ("536.0", "auto", 536.0),
        ("98,1", "vi", 98.1),
        ("-3,5", "auto", -3.5),
        ("−3,5", "auto", -3.5),  # the minus sign of word processors
        ("+12", "auto", 12),
        ("1 234", "auto", 1234),
        (" 85 ", "auto", 85),
    ],
)
def test_a_number_is_read_the_way_the_report_writes_it(text, hint, value):
    assert parse_number(text, hint) == value


def test_a_single_comma_is_a_decimal_unless_the_context_says_english():
    assert parse_number("2,796") == 2.796
    assert parse_number("2,796", "en") == 2796


def test_a_row_of_english_figures_reads_2796_as_thousands_and_a_row_of_vietnamese_ones_98_1_as_decimal():
    # Phụ lục 1 of seed 002: row 1 was typed English-style, row 5 Vietnamese-style, in the same columns.
    retail = ["2,796", "5,164", "6,150", "116.80", "117.08"]
    budget = ["98,1", "87,3", "97,2", "106,46"]
    assert column_hint(retail) == "en"
    assert [parse_number(c, column_hint(retail)) for c in retail[:3]] == [2796, 5164, 6150]
    assert column_hint(budget) == "vi"
    assert parse_number("98,1", column_hint(budget)) == 98.1


@pytest.mark.parametrize(
    ("cells", "hint"),
    [
        (["1,677", "536.0"], "en"),
        (["1,234,567"], "en"),
        (["98,1", "87,3"], "vi"),
        (["1.234,5"], "vi"),
        (["1.234.567"], "vi"),
        (["2,796", "5,164"], "auto"),  # each could be either
        (["98,1", "116.80"], "auto"),  # contradictory: no guess
        (["", "  "], "auto"),
    ],
)
def test_a_column_hint_is_guessed_only_from_cells_that_can_be_read_one_way(cells, hint):
    assert column_hint(cells) == hint


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("4.639.287.000đ", 4639287000, "đồng"),
        ("1.440 tỷ đồng", 1440, "tỷ đồng"),
        ("16 tỷ 434 triệu đồng", 16.434, "tỷ đồng"),
        ("71,37tấn/ha", 71.37, "tấn/ha"),
        ("5%0", 5, "‰"),
        ("94,1%", 94.1, "%"),
        ("85 trđ", 85, "triệu đồng"),
        ("85 trđ/người", 85, "triệu đồng/người"),
        ("3 tỷđ", 3, "tỷ đồng"),
        ("5 nghìn", 5, "nghìn đồng"),
        ("5 ngàn đồng", 5, "nghìn đồng"),
        ("12 triệu đ", 12, "triệu đồng"),
        ("85 triệu/người/năm", 85, "triệu đồng/người/năm"),
        ("500 DN", 500, "doanh nghiệp"),
        ("2.800 Tỷ đồng", 2800, "tỷ đồng"),
        ("600", 600, None),
    ],
)
def test_a_quantity_keeps_its_number_and_its_unit_written_one_way(text, value, unit):
    assert parse_quantity(text) == Quantity(value, unit)


def test_a_quantity_in_base_units_applies_its_scale_word():
    assert parse_quantity("1.440 tỷ đồng").in_base_unit() == 1.44e12
    assert parse_quantity("85 triệu đồng").scale == 6
    assert parse_quantity("94,1%").in_base_unit() == 94.1


@pytest.mark.parametrize(
    ("unit", "normalised"),
    [
        ("Tỷ đồng", "tỷ đồng"),
        ("tỉ", "tỷ đồng"),
        ("triệu", "triệu đồng"),
        ("triệu / người / năm", "triệu đồng/người/năm"),
        ("ngàn đồng", "nghìn đồng"),
        ("trđ", "triệu đồng"),
        ("DN", "doanh nghiệp"),
        ("HTX", "hợp tác xã"),
        ("Hộ", "hộ"),
        ("tấn/ha", "tấn/ha"),
        ("  ", None),
        (None, None),
    ],
)
def test_a_unit_is_stored_one_way(unit, normalised):
    assert normalise_unit(unit) == normalised


@pytest.mark.parametrize("text", ["", "  ", "abc", "12a", "1.23.4", "1,2,3.4", "1..2", "--5", "%", "1,234.5.6"])
def test_garbage_is_refused_with_an_error_that_names_it(text):
    with pytest.raises(NumberFormatError) as err:
        parse_number(text)
    assert err.value.text == text
    assert "Không đọc được số" in str(err.value)


@pytest.mark.parametrize(
    ("x", "decimals", "text"),
    [
        (1234.5, 1, "1.234,5"),
        (2.675, 2, "2,68"),  # half-up on the number as printed, not its binary neighbour 2.67499…
        (0.125, 2, "0,13"),
        (2.5, 0, "3"),
        (-2.5, 0, "-3"),
        (-1234.567, 2, "-1.234,57"),
        (0, None, "0"),
        (0.0, 2, "0,00"),
        (-0.001, 1, "0,0"),  # no "-0,0"
        (1234567, None, "1.234.567"),
        (1_000_000, 0, "1.000.000"),
        (94.1, None, "94,1"),
        (85.0, None, "85"),
        (116.8, 2, "116,80"),
        (999, None, "999"),
    ],
)
def test_a_number_is_printed_vietnamese_style(x, decimals, text):
    assert format_number(x, decimals) == text


def test_english_style_is_available_for_english_pages():
    assert format_number(1234.5, 1, style="en") == "1,234.5"


@pytest.mark.parametrize("x", [float("nan"), float("inf"), float("-inf")])
def test_a_number_that_is_not_finite_cannot_be_printed(x):
    with pytest.raises(ValueError):
        format_number(x)


def test_a_quantity_is_printed_with_its_unit_and_a_percent_sticks_to_its_number():
    assert format_quantity(Quantity(1440, "tỷ đồng")) == "1.440 tỷ đồng"
    assert format_quantity(Quantity(94.1, "%")) == "94,1%"
    assert format_quantity(Quantity(600)) == "600"


def test_rounding_is_half_up_at_the_shown_decimals():
    assert round_half_up(2.675, 2) == 2.68
    assert round_half_up(0.125, 2) == 0.13
    assert round_half_up(-2.5) == -3
    assert round_half_up(106.285, 2) == 106.29
    with pytest.raises(ValueError):
        round_half_up(float("nan"))


# ---------------------------------------------------------------------------------------------
# Properties

sane_floats = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)


@given(sane_floats, st.integers(min_value=0, max_value=4))
def test_reading_a_printed_number_gives_the_number_rounded_half_up(x, d):
    assert parse_number(format_number(x, d)) == round_half_up(x, d)


@given(sane_floats, st.integers(min_value=0, max_value=4))
def test_english_printing_reads_back_with_the_english_hint(x, d):
    assert parse_number(format_number(x, d, style="en"), "en") == round_half_up(x, d)


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_an_integer_survives_printing_and_reading(n):
    assert parse_number(format_number(n)) == n
    assert parse_number(format_number(n, style="en"), "en") == n


@given(st.integers(min_value=1, max_value=10**12), st.sampled_from(["tỷ đồng", "triệu đồng", "hộ", "%"]))
def test_a_printed_quantity_reads_back_as_the_same_quantity(n, unit):
    q = Quantity(float(n), unit)
    assert parse_quantity(format_quantity(q)) == q


@pytest.mark.parametrize(("written", "unit"), [("LĐ", "lao động"), ("lđ", "lao động"), ("Tr.đồng", "triệu đồng"), ("SP", "sản phẩm")])
def test_unit_abbreviations_of_appendix_tables_are_written_out(written, unit):
    assert normalise_unit(written) == unit
