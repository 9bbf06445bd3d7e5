"""Evaluation of a plan: from an indicator, its target and its yearly values, the figures a
report states and the verdict vượt / đạt / không đạt / chưa đủ số liệu, with its reason.

Owns: the growth arithmetic (CAGR, growth index, compounding of yearly rates, the rate still
required), % of plan, multiples, percentage-point changes, structure shares, the verdict and
its one-sentence reason, mid-term progress (đạt / chưa đạt tiến độ), the end-of-term
forecast, and the summary line "13/18 chỉ tiêu đạt và vượt". Every computed figure keeps its
inputs and rule so it can be explained. The rules are written in docs/evaluation.md.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from chitieu.core.describe import bound_text
from chitieu.core.indicators import Direction, Indicator, Kind
from chitieu.core.numbers import format_number, round_half_up
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, Target


class Status(StrEnum):
    VUOT = "vuot"
    DAT = "dat"
    KHONG_DAT = "khong_dat"
    CHUA_DU_SO_LIEU = "chua_du_so_lieu"


STATUS_LABELS: dict[Status, str] = {
    Status.VUOT: "Vượt",
    Status.DAT: "Đạt",
    Status.KHONG_DAT: "Không đạt",
    Status.CHUA_DU_SO_LIEU: "Chưa đủ số liệu",
}


class Progress(StrEnum):
    ON_TRACK = "dat_tien_do"
    OFF_TRACK = "chua_dat_tien_do"


PROGRESS_LABELS: dict[Progress, str] = {
    Progress.ON_TRACK: "Đạt tiến độ",
    Progress.OFF_TRACK: "Chưa đạt tiến độ",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A computed number with what it was computed from and how, for audit and explanation.

    ``key`` is stable for programs (``cagr``, ``index``, ``percent_of_plan``, ``multiple``,
    ``change``, ``points``, ``share:<part>``, ``required_rate``, ``projected``); ``label`` is
    the Vietnamese name; ``rule`` the formula in words; ``inputs`` the named numbers used.
    """

    key: str
    label: str
    value: float
    unit: str | None
    rule: str
    inputs: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Forecast:
    """Where the indicator ends the term at the current pace."""

    year: int
    projected: float
    at_risk: bool
    required_rate: float | None  # % per year still needed in the remaining years (growth targets)
    sentence: str


@dataclass(frozen=True, slots=True, eq=False)
class Evaluation:
    """The verdict on one indicator, with its reason and the figures behind it.

    ``reason`` and ``figures`` are produced by ``explain`` on first access and then kept.
    """

    indicator: Indicator
    target: Target
    status: Status
    progress: Progress | None = None  # set only for a term not yet over
    forecast: Forecast | None = None
    discrepancies: tuple[str, ...] = ()  # what a source document states that its values contradict
    explain: Callable[[], tuple[str, tuple[Figure, ...]]] = field(default=lambda: ("", ()), repr=False)
    _explained: list = field(default_factory=list, repr=False)

    def _explanation(self) -> tuple[str, tuple[Figure, ...]]:
        if not self._explained:
            self._explained.append(self.explain())
        return self._explained[0]

    @property
    def reason(self) -> str:
        """The verdict in one Vietnamese sentence."""
        return self._explanation()[0]

    @property
    def figures(self) -> tuple[Figure, ...]:
        return self._explanation()[1]

    def figure(self, key: str) -> Figure | None:
        for f in self.figures:
            if f.key == key:
                return f
        return None

    @property
    def met(self) -> bool:
        return self.status in (Status.VUOT, Status.DAT)


# ---------------------------------------------------------------------------------------
# Arithmetic. Growth rates are fractions inside these helpers and percentages outside.
# ---------------------------------------------------------------------------------------

GROWTH_DECIMALS = 2  # growth indices and rates are shown as 117,08 / 17,08%
MULTIPLE_DECIMALS = 2  # "gấp 1,42 lần"
SHARE_DECIMALS = 1  # "chiếm 64,3%"


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
    average to reach ``target_percent``; None when no year remains."""
    remaining = total_years - len(achieved_percent)
    if remaining <= 0:
        return None
    done = 1.0
    for g in achieved_percent:
        done *= 1.0 + g / 100.0
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


def _decimals_written(x: float) -> int:
    text = repr(float(x))
    if "e" in text or text.endswith(".0"):
        return 0
    return len(text.split(".")[1])


def _half_unit(x: float) -> float:
    return 0.5 * 10 ** -_decimals_written(x)


# ---------------------------------------------------------------------------------------
# Judging a number against a bound.
# ---------------------------------------------------------------------------------------


def _higher_is_better(target: Target, indicator: Indicator) -> bool | None:
    """Which way is better for the number compared with the bound; None means keep a level."""
    if target.form in (Form.GROWTH, Form.CHANGE, Form.MULTIPLE):
        return True  # the bound is on the size of the growth, the change or the multiple
    if target.op in (Op.LT, Op.LE):
        return False
    if target.op in (Op.GT, Op.GE):
        return True
    if indicator.direction is Direction.LOWER_IS_BETTER:
        return False
    if indicator.direction is Direction.KEEP:
        return None
    return True


def judge(x: float, bound: Bound, higher_is_better: bool | None) -> Status:
    """Vượt / Đạt / Không đạt of ``x`` against ``bound``.

    A lower or upper bound ("trên 70%", "dưới 1%") is met (Đạt) when satisfied. An exact
    value or a range is exceeded (Vượt) beyond its better end; a level to keep is only Đạt
    or Không đạt.
    """
    op, lo, hi = bound.op, bound.low, bound.high
    if op in (Op.GT, Op.GE, Op.LT, Op.LE):
        return Status.DAT if bound.contains(x) else Status.KHONG_DAT
    if op is Op.EQ:
        lo = hi = bound.low
    elif op is not Op.RANGE:
        raise EvaluationError(f"cannot judge a number against {op}")
    if lo <= x <= hi:
        return Status.DAT
    if higher_is_better is None:
        return Status.DAT if (op is Op.EQ and x >= lo) else Status.KHONG_DAT
    better = x > hi if higher_is_better else x < lo
    return Status.VUOT if better else Status.KHONG_DAT


def _fmt(x: float, decimals: int | None = None) -> str:
    return format_number(x, decimals)


_RELATION = {
    Status.VUOT: "vượt chỉ tiêu",
    Status.DAT: "đạt chỉ tiêu",
    Status.KHONG_DAT: "chưa đạt chỉ tiêu",
}


def _relation(status: Status, bound: Bound) -> str:
    if status is Status.DAT and bound.op is Op.RANGE:
        return "trong khoảng chỉ tiêu"
    if status is Status.KHONG_DAT and bound.op is Op.RANGE:
        return "thấp hơn chỉ tiêu"
    return _RELATION[status]


# ---------------------------------------------------------------------------------------
# Evaluation of one indicator.
# ---------------------------------------------------------------------------------------


Explanation = tuple[str, tuple[Figure, ...]]


class _Work:
    """Figures collected while an evaluation explains itself."""

    __slots__ = ("figures",)

    def __init__(self) -> None:
        self.figures: list[Figure] = []

    def add(self, key, label, value, unit, rule, inputs=()) -> float:
        self.figures.append(Figure(key, label, value, unit, rule, inputs))
        return value

    def done(self, reason: str) -> Explanation:
        return reason, tuple(self.figures)


def _no_data(indicator: Indicator, target: Target, why: str, explain=None) -> Evaluation:
    def no_data() -> Explanation:
        figures = explain()[1] if explain else ()
        return f"{why}: Chưa đủ số liệu", figures

    return Evaluation(indicator, target, Status.CHUA_DU_SO_LIEU, explain=no_data)


def evaluate(
    indicator: Indicator,
    target: Target,
    series: Series,
    *,
    base_year: int,
    final_year: int,
    as_of: int | None = None,
    stated: dict[str, float | str] | None = None,
    value_is: str | None = None,
) -> Evaluation:
    """Evaluate one indicator of one unit over the term ``base_year`` → ``final_year``.

    ``as_of`` is the last year with data to take into account (default: the latest in the
    series); a term with ``as_of < final_year`` also gets ``progress`` and ``forecast``.
    ``stated`` holds what a document claims (``{"index": 106.46, "status": "dat"}``); claims
    the values contradict are listed in ``discrepancies``. ``value_is="per_year_average"``
    says the values already are the term's yearly average (as in "giảm 18 hộ/năm");
    ``"cumulative"`` that the final value is the term's total.

    The verdict is computed at once; the reason sentence and the figures with their inputs
    are written on first access (a national roll-up needs the verdicts, a report the words).
    """
    if as_of is None:
        last = series.latest()
        as_of = final_year if last is None else min(max(last.year, base_year), final_year)
    form = target.form
    latest = series.latest(as_of)
    if form is not Form.STRUCTURE and (latest is None or latest.year <= base_year):
        # Values up to the base year are the starting point, not results of this term.
        return _no_data(
            indicator, target, f"Chưa có số liệu của kỳ kế hoạch {_span_text(base_year, final_year)}"
        )
    if form is Form.QUALITATIVE:
        ev = _eval_qualitative(indicator, target, series, as_of)
    elif form is Form.STRUCTURE:
        return _no_data(
            indicator, target, "Chỉ tiêu cơ cấu cần số liệu của từng thành phần (các chỉ tiêu “Trong đó”)"
        )
    elif form is Form.GROWTH and target.horizon is Horizon.END_OF_TERM:
        ev = _eval_total_growth(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.GROWTH:
        ev = _eval_growth(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.MULTIPLE:
        ev = _eval_multiple(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.CHANGE:
        ev = _eval_change(indicator, target, series, base_year, as_of, value_is)
    else:
        ev = _eval_level(indicator, target, series, base_year, final_year, as_of, value_is)
    if stated:
        ev = _check_stated(ev, stated)
    return ev


def _span_text(base_year: int, year: int) -> str:
    return f"{base_year + 1}-{year}" if year - base_year > 1 else str(year)


def _value_word(obs) -> str:
    return "ước đạt" if obs.status is ValueStatus.ESTIMATE else "đạt"


def _unit_suffix(unit: str | None) -> str:
    return "" if not unit else (unit if unit in ("%", "‰") else " " + unit)


def _growth_inputs(indicator: Indicator, series: Series, base_year: int, as_of: int):
    """The data for the average yearly growth from ``base_year`` to the latest year ≤ ``as_of``:
    yearly rates to compound (growth-rate indicators) or the two levels."""
    if indicator.kind is Kind.GROWTH_RATE:
        rates = [o for o in series if base_year < o.year <= as_of]
        if not rates:
            return None
        years = [o.year for o in rates]
        if years != list(range(base_year + 1, years[-1] + 1)):
            return None  # a missing year would bias the compounded mean
        return ("rates", [o.value for o in rates], years[-1])
    v0 = series.get(base_year)
    last = series.latest(as_of)
    if v0 is None or last is None or last.year <= base_year:
        return None
    return ("levels", (v0, last), last.year)


def _eval_growth(indicator, target, series, base_year, final_year, as_of) -> Evaluation:
    got = _growth_inputs(indicator, series, base_year, as_of)
    if got is None:
        need = (
            "tốc độ tăng từng năm"
            if indicator.kind is Kind.GROWTH_RATE
            else f"giá trị năm {base_year} và năm sau đó"
        )
        return _no_data(indicator, target, f"Cần {need}")
    kind, data, last_year = got
    n = last_year - base_year
    if kind == "rates":
        rate = compound_rates(data)
        achieved = data
    else:
        v0, v1 = data
        try:
            rate = 100.0 * cagr(v0.value, v1.value, n)
        except EvaluationError as exc:
            return _no_data(indicator, target, str(exc))
        achieved = None
    status = judge(round_half_up(-rate if target.decrease else rate, GROWTH_DECIMALS), target.bound, True)

    def explain() -> Explanation:
        work = _Work()
        if kind == "rates":
            work.add(
                "cagr",
                "Tốc độ tăng bình quân",
                rate,
                "%",
                "ḡ = (∏(1 + gᵢ))^(1/n) − 1",
                tuple((str(base_year + 1 + i), g) for i, g in enumerate(data)),
            )
        else:
            inputs = (("V0", v0.value), ("Vn", v1.value), ("n", n))
            work.add("cagr", "Tốc độ tăng bình quân", rate, "%", "(Vn / V0)^(1/n) − 1", inputs)
            work.add(
                "index",
                f"Chỉ số phát triển bình quân giai đoạn {_span_text(base_year, last_year)} (năm trước = 100)",
                100.0 + rate,
                None,
                "100 × (Vn / V0)^(1/n)",
                inputs,
            )
            work.add(
                "multiple", f"Gấp (lần) năm {base_year}", v1.value / v0.value, "lần", "Vn / V0", inputs[:2]
            )
        verb = "giảm" if (target.decrease or rate < 0) else "tăng"
        return work.done(
            f"Bình quân {_span_text(base_year, last_year)} {verb} {_fmt(abs(rate), GROWTH_DECIMALS)}%/năm, "
            f"{_relation(status, target.bound)} {bound_text(target.bound, '%')}/năm: {STATUS_LABELS[status]}"
        )

    if last_year < final_year:
        return _mid_term_growth(
            indicator, target, series, base_year, final_year, last_year, rate, achieved, status, explain
        )
    return Evaluation(indicator, target, status, explain=explain)


def _eval_total_growth(indicator, target, series, base_year, final_year, as_of) -> Evaluation:
    """Growth over the whole span, not per year: "tăng 50% so với năm 2020" → (Vn / V_base − 1) × 100."""
    base = target.base_year or base_year
    v0 = series.get(base)
    v1 = series.latest(min(target.year, as_of) if target.year else as_of)
    if v0 is None or v1 is None or v1.year <= base or v0.value <= 0:
        return _no_data(indicator, target, f"Cần giá trị năm {base} và năm sau đó")
    growth = 100.0 * (v1.value / v0.value - 1.0)
    status = judge(round_half_up(-growth if target.decrease else growth, GROWTH_DECIMALS), target.bound, True)

    def explain() -> Explanation:
        work = _Work()
        work.add(
            "growth",
            f"Tăng so với năm {base}",
            growth,
            "%",
            "(Vn / V0 − 1) × 100",
            (("V0", v0.value), ("Vn", v1.value)),
        )
        verb = "giảm" if growth < 0 else "tăng"
        return work.done(
            f"Năm {v1.year} {verb} {_fmt(abs(growth), GROWTH_DECIMALS)}% so với năm {base}, "
            f"{_relation(status, target.bound)} {bound_text(target.bound, '%')}: {STATUS_LABELS[status]}"
        )

    due = target.year or final_year
    if v1.year < due:
        return _mid_term_level(indicator, target, series, base, due, v1, status, explain, (), goal=None)
    return Evaluation(indicator, target, status, explain=explain)


def _with_progress(explain, progress: Progress, extra: tuple[Figure, ...]):
    """A term not yet over: the verdict of the explanation becomes the progress, and the
    mid-term figures (rate still required, projection) join the others."""

    def explained() -> Explanation:
        reason, figures = explain()
        return reason.rsplit(":", 1)[0] + f": {PROGRESS_LABELS[progress]}", figures + extra

    return explained


def _mid_term_growth(
    indicator, target, series, base_year, final_year, last_year, rate, achieved, status, explain
):
    """Progress (observed vs required average growth) and the rate still needed."""
    low = target.bound.low if target.bound.low is not None else target.bound.high
    total = final_year - base_year
    done = last_year - base_year
    sign = -1.0 if target.decrease else 1.0
    so_far = [sign * r for r in achieved] if achieved is not None else [sign * rate] * done
    need = required_rate(so_far, low, total)
    last = series.latest(last_year)
    growth_rate_kind = indicator.kind is Kind.GROWTH_RATE
    projected = rate if growth_rate_kind else last.value * (1.0 + rate / 100.0) ** (final_year - last_year)
    on_track = round_half_up(sign * rate, GROWTH_DECIMALS) >= low
    progress = Progress.ON_TRACK if on_track else Progress.OFF_TRACK
    sentence = (
        f"Theo tốc độ hiện nay ({'giảm' if rate < 0 else 'tăng'} {_fmt(abs(rate), GROWTH_DECIMALS)}%/năm), "
        f"cần {'tăng' if need >= 0 else 'giảm'} {_fmt(abs(need), GROWTH_DECIMALS)}%/năm trong "
        f"{final_year - last_year} năm còn lại để đạt {_fmt(low)}%/năm"
        + ("" if on_track else ": có nguy cơ không đạt")
    )

    extra = (
        Figure(
            "required_rate",
            f"Tốc độ cần đạt các năm {last_year + 1}-{final_year}",
            need,
            "%",
            "((1 + g*)^N / ∏(1 + gᵢ))^(1/(N − n)) − 1",
            (("g*", low), ("N", total), ("n", done)),
        ),
        Figure(
            "projected",
            f"Dự báo năm {final_year} theo tốc độ hiện nay",
            projected,
            "%" if growth_rate_kind else indicator.unit,
            "V_last × (1 + ḡ)^(năm còn lại)",
            (("V_last", last.value), ("g", rate)),
        ),
    )
    explain_mid = _with_progress(explain, progress, extra)

    return Evaluation(
        indicator,
        target,
        status,
        progress,
        Forecast(final_year, projected, not on_track, need, sentence),
        explain=explain_mid,
    )


def yearly_indices(series: Series, base_year: int, last_year: int) -> list[Figure]:
    """The growth index of each year on the year before (previous year = 100), where both exist."""
    out = []
    prev = series.get(base_year)
    for year in range(base_year + 1, last_year + 1):
        cur = series.get(year)
        if prev is not None and cur is not None and prev.value > 0:
            out.append(
                Figure(
                    f"index:{year}",
                    f"Chỉ số phát triển năm {year} (năm trước = 100)",
                    100.0 * cur.value / prev.value,
                    None,
                    "100 × Vt / Vt−1",
                    (("Vt", cur.value), ("Vt−1", prev.value)),
                )
            )
        prev = cur
    return out


def span_index(series: Series, base_year: int, year: int) -> Figure | None:
    """The average growth index from ``base_year`` to ``year`` (the appendix's "So sánh" columns)."""
    v0, v1 = series.get(base_year), series.get(year)
    if v0 is None or v1 is None or year <= base_year or v0.value <= 0 or v1.value < 0:
        return None
    n = year - base_year
    return Figure(
        "index",
        f"Chỉ số phát triển bình quân giai đoạn {_span_text(base_year, year)} (năm trước = 100)",
        growth_index(v0.value, v1.value, n),
        None,
        "100 × (Vn / V0)^(1/n)",
        (("V0", v0.value), ("Vn", v1.value), ("n", n)),
    )


def _eval_multiple(indicator, target, series, base_year, final_year, as_of) -> Evaluation:
    base = target.base_year or base_year
    v0 = series.get(base)
    v1 = series.latest(as_of)
    if v0 is None or v1 is None or v1.year <= base or v0.value <= 0:
        return _no_data(indicator, target, f"Cần giá trị năm {base} và năm {final_year}")
    m = v1.value / v0.value
    status = judge(round_half_up(m, MULTIPLE_DECIMALS), target.bound, True)
    discrepancies = ()
    alt = target.alternative
    if alt is not None and alt.form is Form.LEVEL:
        alt_status = judge(v1.value, alt.bound, True)
        if (alt_status in (Status.DAT, Status.VUOT)) != (status in (Status.DAT, Status.VUOT)):
            discrepancies = (
                f"Hai cách ghi chỉ tiêu cho kết quả khác nhau: theo số lần {STATUS_LABELS[status]}, "
                f"theo mức {bound_text(alt.bound, alt.unit)} {STATUS_LABELS[alt_status]}",
            )

    def explain() -> Explanation:
        work = _Work()
        n = v1.year - base
        inputs = (("V0", v0.value), ("Vn", v1.value), ("n", n))
        work.add("multiple", f"Gấp (lần) năm {base}", m, "lần", "Vn / V0", inputs[:2])
        work.add(
            "index",
            f"Chỉ số phát triển bình quân giai đoạn {_span_text(base, v1.year)} (năm trước = 100)",
            growth_index(v0.value, v1.value, n),
            None,
            "100 × (Vn / V0)^(1/n)",
            inputs,
        )
        return work.done(
            f"Năm {v1.year} {_value_word(v1)} {_fmt(v1.value)}{_unit_suffix(indicator.unit)}, "
            f"gấp {_fmt(m, MULTIPLE_DECIMALS)} lần năm {base}, {_relation(status, target.bound)} "
            f"{bound_text(target.bound, 'lần')}: {STATUS_LABELS[status]}"
        )

    if v1.year < final_year:
        goal = (target.bound.low if target.bound.low is not None else target.bound.high) * v0.value
        return _mid_term_level(
            indicator, target, series, base, final_year, v1, status, explain, discrepancies, goal=goal
        )
    return Evaluation(indicator, target, status, discrepancies=discrepancies, explain=explain)


def _eval_change(indicator, target, series, base_year, as_of, value_is) -> Evaluation:
    points = target.points or (indicator.unit == "%" and target.unit == "%")
    unit = "điểm %" if points else (target.unit or indicator.unit)
    per_year = target.per_year
    sign = -1.0 if target.decrease else 1.0
    if value_is == "per_year_average":
        last = series.latest(as_of)
        if last is None:
            return _no_data(indicator, target, "Chưa có số liệu")
        amount = abs(last.value)
        span_end, v0 = last.year, None
    else:
        v0 = series.get(base_year)
        last = series.latest(as_of)
        if v0 is None or last is None or last.year <= base_year:
            return _no_data(indicator, target, f"Cần giá trị năm {base_year} và năm sau đó")
        total = sign * (last.value - v0.value)
        n = last.year - base_year
        amount = total / n if per_year else total
        span_end = last.year
    status = judge(round_half_up(amount, 2), target.bound, True)

    def explain() -> Explanation:
        work = _Work()
        verb = "giảm" if target.decrease else "tăng"
        if v0 is None:
            work.add(
                "change",
                "Mức thay đổi bình quân/năm (theo số liệu đã tính)",
                amount,
                unit,
                "số liệu nhập",
                (("value", last.value),),
            )
        else:
            inputs = (("V0", v0.value), ("Vn", last.value), ("n", n))
            work.add("change", f"Mức {verb} {base_year}-{last.year}", total, unit, "±(Vn − V0)", inputs[:2])
            if per_year:
                work.add(
                    "change_per_year", "Mức thay đổi bình quân/năm", amount, unit, "±(Vn − V0) / n", inputs
                )
        tail = "/năm" if per_year else ""
        return work.done(
            f"Giai đoạn {_span_text(base_year, span_end)} {'bình quân ' if per_year else ''}{verb} "
            f"{_fmt(round_half_up(abs(amount), 2))} {unit}{tail}, {_relation(status, target.bound)} "
            f"{verb} {bound_text(target.bound, unit)}{tail}: {STATUS_LABELS[status]}"
        )

    return Evaluation(indicator, target, status, explain=explain)


def _eval_level(indicator, target, series, base_year, final_year, as_of, value_is) -> Evaluation:
    unit = target.unit or indicator.unit
    better = _higher_is_better(target, indicator)
    suffix = _unit_suffix(unit)
    bound = target.bound
    if target.horizon is Horizon.EACH_YEAR and value_is != "per_year_average":
        years = [o for o in series if base_year < o.year <= as_of]
        if not years:
            return _no_data(indicator, target, "Chưa có số liệu năm nào của nhiệm kỳ")
        failed = [o.year for o in years if judge(o.value, bound, better) is Status.KHONG_DAT]
        status = Status.KHONG_DAT if failed else Status.DAT

        def explain_each() -> Explanation:
            work = _Work()
            for o in years:
                work.add(f"value:{o.year}", f"Năm {o.year}", o.value, unit, "số liệu nhập")
            if failed:
                return work.done(
                    f"Các năm {', '.join(map(str, failed))} không đạt mức {bound_text(bound, unit)} "
                    f"hằng năm: {STATUS_LABELS[status]}"
                )
            return work.done(
                f"Các năm {years[0].year}-{years[-1].year} đều đạt mức {bound_text(bound, unit)} "
                f"hằng năm: {STATUS_LABELS[status]}"
            )

        return Evaluation(indicator, target, status, explain=explain_each)
    if target.horizon is Horizon.CUMULATIVE and value_is != "cumulative":
        vals = [o for o in series if base_year < o.year <= as_of]
        if len(vals) != final_year - base_year:
            return _no_data(
                indicator, target, f"Cần số liệu đủ các năm {base_year + 1}-{final_year} để cộng dồn"
            )
        total = sum(o.value for o in vals)
        status = judge(total, bound, better)

        def explain_sum() -> Explanation:
            work = _Work()
            work.add(
                "cumulative",
                f"Tổng giai đoạn {base_year + 1}-{final_year}",
                total,
                unit,
                "Σ Vt",
                tuple((str(o.year), o.value) for o in vals),
            )
            return work.done(
                f"Cả giai đoạn {base_year + 1}-{final_year} đạt {_fmt(total)}{suffix}, "
                f"{_relation(status, bound)} {bound_text(bound, unit)}: {STATUS_LABELS[status]}"
            )

        return Evaluation(indicator, target, status, explain=explain_sum)
    if target.horizon is Horizon.AVERAGE and value_is != "per_year_average":
        vals = [o for o in series if base_year < o.year <= as_of]
        if not vals:
            return _no_data(indicator, target, "Chưa có số liệu năm nào của nhiệm kỳ")
        mean = sum(o.value for o in vals) / len(vals)
        status = judge(round_half_up(mean, indicator.decimals), bound, better)

        def explain_mean() -> Explanation:
            work = _Work()
            work.add(
                "mean", "Bình quân/năm", mean, unit, "Σ Vt / n", tuple((str(o.year), o.value) for o in vals)
            )
            return work.done(
                f"Bình quân {vals[0].year}-{vals[-1].year} đạt {_fmt(mean, indicator.decimals)}"
                f"{suffix}/năm, {_relation(status, bound)} {bound_text(bound, unit)}: "
                f"{STATUS_LABELS[status]}"
            )

        return Evaluation(indicator, target, status, explain=explain_mean)
    year = min(target.year, as_of) if target.year and target.year <= final_year else as_of
    obs = series.latest(year)
    if obs is None:
        return _no_data(indicator, target, f"Chưa có số liệu năm {year}")
    status = judge(obs.value, bound, better)

    def explain() -> Explanation:
        work = _Work()
        v0 = series.get(base_year)
        if bound.op in (Op.EQ, Op.GE, Op.GT) and (bound.low or 0) > 0:
            work.add(
                "percent_of_plan",
                "So với chỉ tiêu (%)",
                100.0 * obs.value / bound.low,
                "%",
                "100 × V / chỉ tiêu",
                (("V", obs.value), ("chỉ tiêu", bound.low)),
            )
        if v0 is not None and v0.year != obs.year:
            inputs = (("V0", v0.value), ("Vn", obs.value))
            if unit == "%":
                work.add(
                    "points",
                    f"Thay đổi so với năm {base_year} (điểm %)",
                    obs.value - v0.value,
                    "điểm %",
                    "Vn − V0",
                    inputs,
                )
            elif v0.value > 0:
                work.add(
                    "multiple", f"Gấp (lần) năm {base_year}", obs.value / v0.value, "lần", "Vn / V0", inputs
                )
        return work.done(
            f"Năm {obs.year} {_value_word(obs)} {_fmt(obs.value)}{suffix}, {_relation(status, bound)} "
            f"{bound_text(bound, unit)}: {STATUS_LABELS[status]}"
        )

    due = target.year or final_year
    if obs.year < due and target.horizon is Horizon.END_OF_TERM:
        goal = bound.low if better is not False else bound.high
        return _mid_term_level(indicator, target, series, base_year, due, obs, status, explain, (), goal=goal)
    return Evaluation(indicator, target, status, explain=explain)


def _mid_term_level(
    indicator, target, series, base_year, final_year, last, status, explain, discrepancies, *, goal
):
    """Progress and forecast of a level (or a multiple) not yet due: project the end value at
    the pace so far — compound growth for money and counts, a straight line for rates."""
    v0 = series.get(base_year)
    remaining = final_year - last.year
    if v0 is None or last.year <= base_year:
        return Evaluation(indicator, target, status, discrepancies=discrepancies, explain=explain)
    n = last.year - base_year
    if indicator.unit in ("%", "‰") or v0.value <= 0 or last.value <= 0:
        projected = last.value + (last.value - v0.value) / n * remaining
        if indicator.unit == "%":
            projected = max(0.0, min(100.0, projected))
        rule = "V_last + (V_last − V0)/n × (năm còn lại)"
    else:
        projected = last.value * ((last.value / v0.value) ** (1.0 / n)) ** remaining
        rule = "V_last × ((V_last / V0)^(1/n))^(năm còn lại)"
    if target.form is Form.MULTIPLE:
        projected_status = judge(projected / v0.value, target.bound, True)
    elif target.form is Form.GROWTH:
        projected_status = judge(100.0 * (projected / v0.value - 1.0), target.bound, True)
    else:
        projected_status = judge(projected, target.bound, _higher_is_better(target, indicator))
    at_risk = projected_status is Status.KHONG_DAT
    progress = Progress.OFF_TRACK if at_risk else Progress.ON_TRACK
    sentence = (
        f"Theo tốc độ hiện nay, năm {final_year} ước đạt {_fmt(projected, indicator.decimals)}"
        f"{_unit_suffix(indicator.unit)}" + (": có nguy cơ không đạt" if at_risk else ": dự kiến đạt")
    )

    projection = Figure(
        "projected",
        f"Dự báo năm {final_year} theo tốc độ hiện nay",
        projected,
        indicator.unit,
        rule,
        (("V0", v0.value), ("V_last", last.value), ("n", n)),
    )
    explain_mid = _with_progress(explain, progress, (projection,))

    return Evaluation(
        indicator,
        target,
        status,
        progress,
        Forecast(final_year, projected, at_risk, None, sentence),
        discrepancies,
        explain=explain_mid,
    )


def _eval_qualitative(indicator, target, series, as_of) -> Evaluation:
    obs = series.latest(as_of)
    if obs is None:
        return _no_data(indicator, target, "Chưa có đánh giá")
    status = Status.DAT if obs.value else Status.KHONG_DAT

    def explain() -> Explanation:
        said = "đã" if obs.value else "chưa"
        return f"Năm {obs.year}: {said} đạt “{target.phrase}”: {STATUS_LABELS[status]}", ()

    return Evaluation(indicator, target, status, explain=explain)


_STATED_FIGURES = {"index": GROWTH_DECIMALS, "cagr": GROWTH_DECIMALS, "multiple": MULTIPLE_DECIMALS}


def _figure_from(key: str, v0: float, vn: float, n: int) -> float:
    if key == "multiple":
        return vn / v0
    index = growth_index(v0, vn, n)
    return index if key == "index" else index - 100.0


def _check_stated(ev: Evaluation, stated: dict) -> Evaluation:
    """Compare what a document claims with what its own values give.

    A stated growth figure is contradicted only if no inputs within the precision they are
    written to (±half a unit of their last decimal) could give it: 101,00 from 83,8 → 88,1 is
    a rounding of 101,01 and passes; 106,46 from 98,1 → 126,0 (which give 105,13) does not.
    """
    notes = list(ev.discrepancies)
    for key, claimed in stated.items():
        if key == "status":
            try:
                claimed_status = Status(str(claimed))
            except ValueError:
                continue
            claimed_met = claimed_status in (Status.DAT, Status.VUOT)
            if ev.status is not Status.CHUA_DU_SO_LIEU and claimed_met != ev.met:
                notes.append(
                    f"Văn bản ghi “{STATUS_LABELS[claimed_status]}” nhưng số liệu cho “{STATUS_LABELS[ev.status]}”"
                )
            continue
        fig = ev.figure(key)
        if fig is None or key not in _STATED_FIGURES:
            continue
        inputs = dict(fig.inputs)
        if not {"V0", "Vn"} <= inputs.keys():
            continue
        v0, vn, n = inputs["V0"], inputs["Vn"], int(inputs.get("n", 1))
        claimed = float(claimed)
        d0, dn = _half_unit(v0), _half_unit(vn)
        lo = _figure_from(key, v0 + d0, vn - dn, n)
        hi = _figure_from(key, v0 - d0, vn + dn, n)
        tol = 0.5 * 10 ** -_decimals_written(claimed) if _decimals_written(claimed) else 0.005
        if not (lo - tol <= claimed <= hi + tol):
            notes.append(
                f"Văn bản ghi {fig.label.lower()} là {_fmt(claimed, _STATED_FIGURES[key])}, nhưng từ "
                f"{_fmt(v0)} → {_fmt(vn)} tính được {_fmt(fig.value, _STATED_FIGURES[key])}"
            )
    if len(notes) == len(ev.discrepancies):
        return ev
    return replace(ev, discrepancies=tuple(notes), _explained=ev._explained)


def evaluate_structure(
    target: Target, parts: dict[str, float], *, year: int
) -> tuple[dict[str, float], Status, str]:
    """Shares recomputed from the parts' values, judged against a structure target's parts.
    A target part is matched to a value by name, accent- and case-insensitively, whole or by
    containment ("nông nghiệp" ↔ "Nông, lâm nghiệp và thủy sản" by its first word when nothing
    closer fits). Returns the shares, the status and the reason."""
    shares = structure_shares(parts)
    verdicts = []
    for part in target.parts:
        name = _match_part(part.name, list(shares))
        if name is None:
            return shares, Status.CHUA_DU_SO_LIEU, f"Thiếu số liệu thành phần “{part.name}”: Chưa đủ số liệu"
        share = shares[name]
        verdicts.append((part, share, judge(round_half_up(share, SHARE_DECIMALS), part.bound, None)))
    ok = all(s is not Status.KHONG_DAT for _, _, s in verdicts)
    status = Status.DAT if ok else Status.KHONG_DAT
    detail = "; ".join(
        f"{p.name} {_fmt(sh, SHARE_DECIMALS)}% (chỉ tiêu {bound_text(p.bound, '%')})" for p, sh, _ in verdicts
    )
    total_ok = "" if shares_sum_to_100(shares) else " (tổng tỷ trọng in ra khác 100%)"
    return shares, status, f"Cơ cấu năm {year}: {detail}{total_ok}: {STATUS_LABELS[status]}"


def _match_part(part: str, names: list[str]) -> str | None:
    folded = {n: _fold(n) for n in names}
    p = _fold(part)
    for test in (
        lambda f: f == p,
        lambda f: p in f or f in p,
        lambda f: f.split()[:1] == p.split()[:1],
    ):
        hits = [n for n, f in folded.items() if f and test(f)]
        if len(hits) == 1:
            return hits[0]
    return None


def _fold(text: str) -> str:
    t = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-,;:()]", " ", t).split())


def _eval_structure_item(item: PlanItem, plan: Plan) -> Evaluation:
    """A structure target judged on the shares of its "Trong đó" parts (sector values or
    shares), in the latest year ≤ as_of in which every part has a value."""
    indicator, target = item.indicator, item.target
    parts = {c.indicator.name: c.series for c in item.children}
    if len(parts) < 2:
        return _no_data(
            indicator, target, "Chỉ tiêu cơ cấu cần số liệu của từng thành phần (các chỉ tiêu “Trong đó”)"
        )
    last = plan.as_of or plan.final_year
    common = set.intersection(*(set(s.years()) for s in parts.values()))
    years = sorted(y for y in common if y <= last)
    if not years:
        return _no_data(indicator, target, f"Cần số liệu của cả {len(parts)} thành phần trong cùng một năm")
    year = years[-1]
    values = {name: s.value(year) for name, s in parts.items()}
    shares, status, reason = evaluate_structure(target, values, year=year)

    def explain() -> Explanation:
        figures = tuple(
            Figure(
                f"share:{name}",
                f"Tỷ trọng {name} năm {year}",
                share,
                "%",
                "100 × phần / Σ các phần",
                ((name, values[name]), ("Σ", sum(values.values()))),
            )
            for name, share in shares.items()
        )
        return reason, figures

    return Evaluation(indicator, target, status, explain=explain)


# ---------------------------------------------------------------------------------------
# A whole plan.
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Summary:
    met: int
    total: int
    not_met: tuple[str, ...]
    no_data: tuple[str, ...]

    @property
    def line(self) -> str:
        """ "13/18 chỉ tiêu đạt và vượt" (with the count lacking data when there is one)."""
        tail = f" ({len(self.no_data)} chỉ tiêu chưa đủ số liệu)" if self.no_data else ""
        return f"{self.met}/{self.total} chỉ tiêu đạt và vượt{tail}"


def summarize(evaluations: list[Evaluation]) -> Summary:
    met = sum(1 for e in evaluations if e.met)
    return Summary(
        met=met,
        total=len(evaluations),
        not_met=tuple(e.indicator.name for e in evaluations if e.status is Status.KHONG_DAT),
        no_data=tuple(e.indicator.name for e in evaluations if e.status is Status.CHUA_DU_SO_LIEU),
    )


def share_of(part: float, whole: float, *, label: str = "Tỷ lệ") -> Figure:
    """An x/y count as a percentage, recomputed from its parts ("1495/1520 hộ" → 98,36%)."""
    if whole <= 0:
        raise EvaluationError("mẫu số phải dương / the denominator must be positive")
    return Figure("share", label, 100.0 * part / whole, "%", "100 × x / y", (("x", part), ("y", whole)))


def check_share(stated_percent: float, part: float, whole: float) -> str | None:
    """A sentence when a stated percentage does not follow from its own count (None if it does)."""
    fig = share_of(part, whole)
    tol = _half_unit(stated_percent) if _decimals_written(stated_percent) else 0.5
    if abs(fig.value - stated_percent) <= tol + 1e-9:
        return None
    return (
        f"Văn bản ghi {_fmt(stated_percent)}% nhưng {_fmt(part)}/{_fmt(whole)} "
        f"là {_fmt(fig.value, SHARE_DECIMALS)}%"
    )


def check_breakdown(total: Series, parts: list[Series], *, name: str = "") -> list[str]:
    """Years in which a total disagrees with the sum of its breakdown ("Trong đó" parts that
    make up the whole), beyond the precision the numbers are written to."""
    notes = []
    for obs in total:
        values = [p.value(obs.year) for p in parts]
        if any(v is None for v in values):
            continue
        summed = sum(values)
        slack = _half_unit(obs.value) + sum(_half_unit(v) for v in values)
        if abs(summed - obs.value) > slack + 1e-9:
            notes.append(
                f"{name + ' ' if name else ''}năm {obs.year}: tổng ghi {_fmt(obs.value)} nhưng các thành phần "
                f"cộng lại {_fmt(round_half_up(summed, 6))}"
            )
    return notes


def evaluate_many(
    jobs: Iterable[tuple[Indicator, Target, Series]],
    *,
    base_year: int,
    final_year: int,
    as_of: int | None = None,
) -> list[Evaluation]:
    """Evaluate many (indicator, target, series) of one term, e.g. every ward of a province.

    The cyclic garbage collector is paused for the batch: evaluations create no reference
    cycles, and with millions of input values alive the collector would otherwise spend half
    the time re-scanning them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return [
            evaluate(i, t, s, base_year=base_year, final_year=final_year, as_of=as_of) for i, t, s in jobs
        ]
    finally:
        if enabled:
            gc.enable()


def evaluate_item(item: PlanItem, plan: Plan) -> Evaluation | None:
    """The evaluation of one plan item (None when it has no target of its own), with what its
    source document states checked, and a total checked against its breakdown."""
    if item.target is None:
        return None
    if item.target.form is Form.STRUCTURE:
        ev = _eval_structure_item(item, plan)
    else:
        ev = evaluate(
            item.indicator,
            item.target,
            item.series,
            base_year=plan.base_year,
            final_year=plan.final_year,
            as_of=plan.as_of,
            stated=dict(item.stated),
            value_is=item.value_is,
        )
    if item.breakdown and item.children:
        notes = check_breakdown(item.series, [c.series for c in item.children], name=item.indicator.name)
        if notes:
            ev = replace(ev, discrepancies=ev.discrepancies + tuple(notes), _explained=ev._explained)
    return ev


def evaluate_plan(plan: Plan) -> list[Evaluation]:
    """Evaluate every key indicator of a plan that has a target (sub-indicators are context,
    not counted in the summary)."""
    return [ev for item in plan.items if (ev := evaluate_item(item, plan)) is not None]
