"""Indicator definitions: required fields are required, and rules that need a partner name it."""

import pytest

from chitieu.core.indicators import (
    Aggregation,
    Direction,
    Domain,
    Indicator,
    IndicatorError,
    Kind,
    PriceBasis,
)


def make(**over):
    fields = dict(code="KT01", name="Tổng mức bán lẻ hàng hóa", unit="tỷ đồng", kind=Kind.FLOW,
                  direction=Direction.HIGHER_IS_BETTER, domain=Domain.KINH_TE, aggregation=Aggregation.SUM)
    fields.update(over)
    return Indicator(**fields)


def test_values_given_as_text_become_the_vocabulary():
    ind = make(kind="rate", direction="lower", domain="van_hoa_xa_hoi", aggregation="ratio",
               numerator="N", denominator="D")
    assert (ind.kind, ind.direction, ind.aggregation) == (Kind.RATE, Direction.LOWER_IS_BETTER, Aggregation.RATIO)


def test_direction_is_required_and_never_defaulted():
    with pytest.raises(IndicatorError, match="direction"):
        make(direction=None)
    with pytest.raises(TypeError):
        Indicator("A", "B", None, Kind.FLOW)  # type: ignore[call-arg]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        make(kind="weekly")


def test_a_ratio_needs_numerator_and_denominator():
    with pytest.raises(IndicatorError, match="tử số và mẫu số"):
        make(aggregation=Aggregation.RATIO)


def test_a_weighted_mean_needs_its_weight():
    with pytest.raises(IndicatorError, match="trọng số"):
        make(aggregation=Aggregation.WEIGHTED_MEAN)


def test_constant_prices_need_a_base_year_and_bases_are_never_mixed():
    with pytest.raises(IndicatorError, match="năm gốc"):
        make(price_basis=PriceBasis.CONSTANT)
    current = make(price_basis=PriceBasis.CURRENT)
    constant = make(price_basis=PriceBasis.CONSTANT, price_base_year=2010)
    assert not current.same_price_basis(constant)
    assert constant.same_price_basis(make(price_basis="constant", price_base_year=2010))
