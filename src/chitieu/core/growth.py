"""Growth arithmetic of an evaluation: the numbers, without verdicts or words.

Owns: CAGR, the growth index (previous year = 100), compounding of yearly rates, the rate
still required in the remaining years, structure shares and whether printed shares add up
to 100, the decimals each kind of figure is printed with, and ``EvaluationError`` for
inputs that cannot be computed with. Growth rates are fractions inside ``cagr`` and
percentages everywhere else. The rules are written in docs/evaluation.md.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from chitieu.core.numbers import round_half_up

GROWTH_DECIMALS = 2  # growth indices and rates are shown as 117,08 / 17,08%
MULTIPLE_DECIMALS = 2  # "gấp 1,42 lần"
SHARE_DECIMALS = 1  # "chiếm 64,3%"
PERCENT_OF_PLAN_DECIMALS = 1  # "đạt 131,6% kế hoạch"
CHANGE_DECIMALS = 2  # "giảm 0,35 điểm %/năm"


class EvaluationError(ValueError):
    """Inputs that cannot be evaluated together (e.g. mixed price bases)."""


def cagr(v0: float, v1: float, years: int) -> float:
    """Compound average annual growth from ``v0`` to ``v1`` over ``years`` years, as a fraction:
    (v1 / v0) ** (1 / years) - 1."""
    if years <= 0:
        raise EvaluationError("cần ít nhất 1 năm / needs at least one year")
    if v0 <= 0 or v1 < 0:
        raise EvaluationError("tăng trưởng cần giá trị dương / growth needs positive values")
    return (v1 / v0) ** (1.0 / years) - 1.0


def growth_index(v0: float, v1: float, years: int) -> float:
    """The average growth index, previous year = 100: 100 × (1 + CAGR)."""
    return 100.0 * (1.0 + cagr(v0, v1, years))


def compound_rates(rates_percent: list[float]) -> float:
    """Average of yearly growth rates (in %) by compounding: ḡ = (∏(1 + gᵢ))^(1/n) − 1, in %."""
    if not rates_percent:
        raise EvaluationError("không có tốc độ tăng nào / no rates")
    product = 1.0
    for g in rates_percent:
        product *= 1.0 + g / 100.0
    if product <= 0:
        raise EvaluationError("tốc độ giảm quá 100% / a rate below -100%")
    return 100.0 * (product ** (1.0 / len(rates_percent)) - 1.0)


def required_rate(achieved_percent: list[float], target_percent: float, total_years: int) -> float | None:
    """The yearly rate (in %) still needed in the remaining years for the term's compounded
    average to reach ``target_percent``; None when no year remains, or when the level has fallen
    to nothing (a fall of 100 % or more: no rate grows it back)."""
    remaining = total_years - len(achieved_percent)
    if remaining <= 0:
        return None
    done = 1.0
    for g in achieved_percent:
        done *= 1.0 + g / 100.0
    if done <= 0.0:
        return None
    need = (1.0 + target_percent / 100.0) ** total_years / done
    return 100.0 * (need ** (1.0 / remaining) - 1.0)


def structure_shares(values: dict[str, float]) -> dict[str, float]:
    """Shares in % of each part in the sum of the parts (recomputed, never taken as written)."""
    total = sum(values.values())
    if total <= 0:
        raise EvaluationError("tổng các thành phần phải dương / the parts must sum to a positive total")
    return {name: 100.0 * v / total for name, v in values.items()}


def shares_sum_to_100(shares: dict[str, float], decimals: int = SHARE_DECIMALS) -> bool:
    """Whether shares as printed add up to 100 (within one unit of the last printed decimal)."""
    printed = sum(round_half_up(v, decimals) for v in shares.values())
    return abs(printed - 100.0) <= 10**-decimals + 1e-9


def half_unit(x: float) -> float:
    """Half a unit of the last decimal ``x`` shows in its shortest form (83.8 → 0.05): how far
    the true value of an input written as ``x`` may be from it."""
    text = repr(float(x))
    if "e" in text or text.endswith(".0"):
        return 0.5
    return 0.5 * 10 ** -len(text.split(".")[1])
