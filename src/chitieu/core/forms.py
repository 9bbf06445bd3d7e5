"""Per-form evaluation: one indicator, its target and its yearly values → an ``Evaluation``.

Owns: ``evaluate`` and one evaluator per target form (average growth, growth over the span,
multiple, change, level at a year / each year / average / cumulative, qualitative,
structure), the mid-term progress and forecast of a term not yet over (the batch,
``evaluate_many``, is ``core.evaluate``'s). The verdict is computed at once; the reason (as ``Reason``
data) and the figures with their inputs on first access. Arithmetic lives in
``core.growth``, the verdict types and ``judge`` in ``core.verdict``, checks of what a
document states in ``core.crosschecks``. The rules are written in docs/evaluation.md.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import re
import unicodedata

from chitieu.core.assigned import is_assigned_target
from chitieu.core.crosschecks import check_stated
from chitieu.core.describe import bound_text
from chitieu.core.growth import (
    CHANGE_DECIMALS,
    GROWTH_DECIMALS,
    MULTIPLE_DECIMALS,
    PERCENT_OF_PLAN_DECIMALS,
    SHARE_DECIMALS,
    EvaluationError,
    cagr,
    compound_rates,
    growth_index,
    required_rate,
    shares_sum_to_100,
    structure_shares,
)
from chitieu.core.indicators import ORDINAL_KINDS, Indicator, Kind
from chitieu.core.numbers import entered_decimals, format_number, round_half_up
from chitieu.core.options import OrdinalError, ordinal_goal, ordinal_label
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, Target
from chitieu.core.verdict import (
    PROGRESS_LABELS,
    STATUS_LABELS,
    Evaluation,
    Figure,
    Forecast,
    Progress,
    Reason,
    Status,
    higher_is_better,
    judge,
    relation,
)
from chitieu.core.vocabulary import SECTOR_ABBREVIATIONS


def _fmt(x: float, decimals: int | None = None) -> str:
    return format_number(x, decimals)


Explanation = tuple[Reason, tuple[Figure, ...]]


class _Work:
    """Figures collected while an evaluation explains itself."""

    __slots__ = ("figures",)

    def __init__(self) -> None:
        self.figures: list[Figure] = []

    def add(self, key, label, value, unit, rule, inputs=(), decimals=None) -> float:
        self.figures.append(Figure(key, label, value, unit, rule, inputs, decimals))
        return value

    def done(self, clause: str, status: Status) -> Explanation:
        return Reason(clause, STATUS_LABELS[status]), tuple(self.figures)


def _no_data(indicator: Indicator, target: Target, why: str, explain=None) -> Evaluation:
    def no_data() -> Explanation:
        figures = explain()[1] if explain else ()
        return Reason(why, STATUS_LABELS[Status.CHUA_DU_SO_LIEU]), figures

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
    assigned: tuple = (),
) -> Evaluation:
    """Evaluate one indicator of one unit over the term ``base_year`` → ``final_year``.

    ``as_of`` is the last year with data to take into account (default: the latest in the
    series); a term with ``as_of < final_year`` also gets ``progress`` and ``forecast``.
    ``stated`` holds what a document claims (``{"index": 106.46, "status": "dat"}``); claims
    the values contradict are listed in ``discrepancies``. ``value_is="per_year_average"``
    says the values already are the term's yearly average (as in "giảm 18 hộ/năm");
    ``"cumulative"`` that the final value is the term's total. ``assigned`` holds the figures
    assigned per year (``core.assigned.Assigned``) a target "đạt và vượt chỉ tiêu giao" needs.

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
        if indicator.kind in ORDINAL_KINDS:
            ev = _eval_ordinal(indicator, target, series, base_year, final_year, as_of)
        elif indicator.kind is not Kind.BOOLEAN and is_assigned_target(target):
            ev = _eval_assigned(indicator, target, series, base_year, final_year, as_of, assigned)
        else:
            ev = _eval_qualitative(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.STRUCTURE:
        return _no_data(
            indicator, target, "Chỉ tiêu cơ cấu cần số liệu của từng thành phần (các chỉ tiêu “Trong đó”)"
        )
    elif form is Form.GROWTH and target.horizon is Horizon.END_OF_TERM:
        ev = _eval_total_growth(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.GROWTH and indicator.kind is Kind.GROWTH_RATE and value_is == "per_year_average":
        ev = _eval_stated_average_rate(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.GROWTH:
        ev = _eval_growth(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.MULTIPLE:
        ev = _eval_multiple(indicator, target, series, base_year, final_year, as_of)
    elif form is Form.CHANGE:
        ev = _eval_change(indicator, target, series, base_year, final_year, as_of, value_is)
    elif indicator.kind is Kind.RANK:
        ev = _eval_ordinal(indicator, target, series, base_year, final_year, as_of)
    else:
        ev = _eval_level(indicator, target, series, base_year, final_year, as_of, value_is)
    if stated:
        ev = check_stated(ev, stated)
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
                GROWTH_DECIMALS,
            )
        else:
            inputs = (("V0", v0.value), ("Vn", v1.value), ("n", n))
            work.add("cagr", "Tốc độ tăng bình quân", rate, "%", "(Vn / V0)^(1/n) − 1", inputs, GROWTH_DECIMALS)
            work.add(
                "index",
                f"Chỉ số phát triển bình quân giai đoạn {_span_text(base_year, last_year)} (năm trước = 100)",
                100.0 + rate,
                None,
                "100 × (Vn / V0)^(1/n)",
                inputs,
                GROWTH_DECIMALS,
            )
            work.add(
                "multiple", f"Gấp (lần) năm {base_year}", v1.value / v0.value, "lần", "Vn / V0", inputs[:2], MULTIPLE_DECIMALS
            )
        verb = "giảm" if (target.decrease or rate < 0) else "tăng"
        return work.done(
            f"Bình quân {_span_text(base_year, last_year)} {verb} {_fmt(abs(rate), GROWTH_DECIMALS)}%/năm, "
            f"{relation(status, target.bound)} {bound_text(target.bound, '%')}/năm", status
        )

    if last_year < final_year:
        return _mid_term_growth(
            indicator, target, series, base_year, final_year, last_year, rate, achieved, status, explain
        )
    return Evaluation(indicator, target, status, explain=explain)


def _eval_stated_average_rate(indicator, target, series, base_year, final_year, as_of) -> Evaluation:
    """A growth rate whose value already is the period's average ("tăng trưởng bình quân thời kỳ
    14,5%", ``value_is: per_year_average``): judged as it stands, never compounded again."""
    last = series.latest(as_of)
    rate = last.value
    status = judge(round_half_up(-rate if target.decrease else rate, GROWTH_DECIMALS), target.bound, True)

    def explain() -> Explanation:
        work = _Work()
        work.add("cagr", "Tốc độ tăng bình quân (số liệu đã là bình quân của giai đoạn)", rate, "%",
                 "ḡ (số liệu nhập)", ((str(last.year), rate),), GROWTH_DECIMALS)
        verb = "giảm" if (target.decrease or rate < 0) else "tăng"
        return work.done(
            f"Bình quân {_span_text(base_year, last.year)} {verb} {_fmt(abs(rate), GROWTH_DECIMALS)}%/năm, "
            f"{relation(status, target.bound)} {bound_text(target.bound, '%')}/năm", status
        )

    if last.year < final_year:
        return _not_yet_due(indicator, target, status, explain)
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
            GROWTH_DECIMALS,
        )
        verb = "giảm" if growth < 0 else "tăng"
        return work.done(
            f"Năm {v1.year} {verb} {_fmt(abs(growth), GROWTH_DECIMALS)}% so với năm {base}, "
            f"{relation(status, target.bound)} {bound_text(target.bound, '%')}", status
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
        return Reason(reason.clause, PROGRESS_LABELS[progress]), figures + extra

    return explained


def _progress_of(status: Status) -> Progress:
    """The progress of a term not yet over when nothing better can be projected: on track
    while the values so far meet the target."""
    return Progress.ON_TRACK if status in (Status.VUOT, Status.DAT) else Progress.OFF_TRACK


def _not_yet_due(indicator, target, status, explain, discrepancies=(), forecast=None) -> Evaluation:
    """An evaluation before its target year: its verdict on the values so far is only progress."""
    progress = _progress_of(status) if forecast is None else (
        Progress.OFF_TRACK if forecast.at_risk else Progress.ON_TRACK)
    return Evaluation(indicator, target, status, progress, forecast, discrepancies,
                      explain=_with_progress(explain, progress, ()))


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
    on_track = need is not None and round_half_up(sign * rate, GROWTH_DECIMALS) >= low
    progress = Progress.ON_TRACK if on_track else Progress.OFF_TRACK
    current = f"Theo tốc độ hiện nay ({'giảm' if rate < 0 else 'tăng'} {_fmt(abs(rate), GROWTH_DECIMALS)}%/năm)"
    if need is None:  # the level has fallen to nothing: no rate grows it back
        sentence = (f"{current}, mức năm {last_year} bằng 0: không tốc độ nào trong "
                    f"{final_year - last_year} năm còn lại đạt được {_fmt(low)}%/năm: có nguy cơ không đạt")
    else:
        sentence = (
            f"{current}, cần {'tăng' if need >= 0 else 'giảm'} {_fmt(abs(need), GROWTH_DECIMALS)}%/năm trong "
            f"{final_year - last_year} năm còn lại để đạt {_fmt(low)}%/năm"
            + ("" if on_track else ": có nguy cơ không đạt")
        )

    required = () if need is None else (
        Figure(
            "required_rate",
            f"Tốc độ cần đạt các năm {last_year + 1}-{final_year}",
            need,
            "%",
            "((1 + g*)^N / ∏(1 + gᵢ))^(1/(N − n)) − 1",
            (("g*", low), ("N", total), ("n", done)),
            GROWTH_DECIMALS,
        ),
    )
    extra = required + (
        Figure(
            "projected",
            f"Dự báo năm {final_year} theo tốc độ hiện nay",
            projected,
            "%" if growth_rate_kind else indicator.unit,
            "V_last × (1 + ḡ)^(năm còn lại)",
            (("V_last", last.value), ("g", rate)),
            GROWTH_DECIMALS if growth_rate_kind else indicator.places,
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
                    GROWTH_DECIMALS,
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
        GROWTH_DECIMALS,
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
        work.add("multiple", f"Gấp (lần) năm {base}", m, "lần", "Vn / V0", inputs[:2], MULTIPLE_DECIMALS)
        work.add(
            "index",
            f"Chỉ số phát triển bình quân giai đoạn {_span_text(base, v1.year)} (năm trước = 100)",
            growth_index(v0.value, v1.value, n),
            None,
            "100 × (Vn / V0)^(1/n)",
            inputs,
            GROWTH_DECIMALS,
        )
        return work.done(
            f"Năm {v1.year} {_value_word(v1)} {_fmt(v1.value)}{_unit_suffix(indicator.unit)}, "
            f"gấp {_fmt(m, MULTIPLE_DECIMALS)} lần năm {base}, {relation(status, target.bound)} "
            f"{bound_text(target.bound, 'lần')}", status
        )

    if v1.year < final_year:
        goal = (target.bound.low if target.bound.low is not None else target.bound.high) * v0.value
        return _mid_term_level(
            indicator, target, series, base, final_year, v1, status, explain, discrepancies, goal=goal
        )
    return Evaluation(indicator, target, status, discrepancies=discrepancies, explain=explain)


def _eval_change(indicator, target, series, base_year, final_year, as_of, value_is) -> Evaluation:
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
    status = judge(round_half_up(amount, CHANGE_DECIMALS), target.bound, True)
    projected_status = status
    if v0 is not None and not per_year and span_end < final_year:
        # A change over the whole term, part-way: on track if the pace so far reaches it.
        projected_status = judge(round_half_up(total / n * (final_year - base_year), CHANGE_DECIMALS),
                                 target.bound, True)

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
                # entered data is printed as entered ("18 hộ/năm", not "18,00")
                min(CHANGE_DECIMALS, entered_decimals(amount)),
            )
        else:
            inputs = (("V0", v0.value), ("Vn", last.value), ("n", n))
            work.add("change", f"Mức {verb} {base_year}-{last.year}", total, unit, "±(Vn − V0)", inputs[:2], CHANGE_DECIMALS)
            if per_year:
                work.add(
                    "change_per_year", "Mức thay đổi bình quân/năm", amount, unit, "±(Vn − V0) / n", inputs,
                    CHANGE_DECIMALS,
                )
        tail = "/năm" if per_year else ""
        return work.done(
            f"Giai đoạn {_span_text(base_year, span_end)} {'bình quân ' if per_year else ''}{verb} "
            f"{_fmt(round_half_up(abs(amount), CHANGE_DECIMALS))} {unit}{tail}, {relation(status, target.bound)} "
            f"{verb} {bound_text(target.bound, unit)}{tail}", status
        )

    if span_end < final_year:
        progress = _progress_of(projected_status)
        return Evaluation(indicator, target, status, progress, explain=_with_progress(explain, progress, ()))
    return Evaluation(indicator, target, status, explain=explain)


def _eval_level(indicator, target, series, base_year, final_year, as_of, value_is) -> Evaluation:
    unit = target.unit or indicator.unit
    better = higher_is_better(target, indicator)
    suffix = _unit_suffix(unit)
    bound = target.bound
    if target.horizon is Horizon.EACH_YEAR and value_is != "per_year_average":
        years = [o for o in series if base_year < o.year <= as_of]
        if not years:
            return _no_data(indicator, target, "Chưa có số liệu năm nào của nhiệm kỳ")
        failed = []
        every_vuot = True
        for o in years:
            verdict = judge(o.value, bound, better)
            if verdict is not Status.VUOT:
                every_vuot = False
                if verdict is Status.KHONG_DAT:
                    failed.append(o.year)
        # One rule for Vượt: every year above the better end of its range (or point), as judge says.
        status = Status.KHONG_DAT if failed else Status.VUOT if every_vuot else Status.DAT
        met_years = len(years) - len(failed)

        def explain_each() -> Explanation:
            work = _Work()
            for o in years:
                work.add(f"value:{o.year}", f"Năm {o.year}", o.value, unit, "số liệu nhập")
            tally = f"{met_years}/{len(years)} năm đạt"
            if failed:
                return work.done(
                    f"{tally}; các năm {', '.join(map(str, failed))} không đạt mức {bound_text(bound, unit)} "
                    f"hằng năm", status
                )
            if len(years) == 1:
                return work.done(
                    f"Năm {years[0].year} đạt {_fmt(years[0].value)}{suffix}, {relation(status, bound)} "
                    f"{bound_text(bound, unit)} hằng năm", status
                )
            word = "đều vượt" if status is Status.VUOT else "đều đạt"
            return work.done(
                f"{tally}: các năm {years[0].year}-{years[-1].year} {word} mức {bound_text(bound, unit)} "
                f"hằng năm", status
            )

        if years[-1].year < final_year:
            return _not_yet_due(indicator, target, status, explain_each)
        return Evaluation(indicator, target, status, explain=explain_each)
    if target.horizon is Horizon.CUMULATIVE and value_is != "cumulative":
        vals = [o for o in series if base_year < o.year <= as_of]
        if vals and [o.year for o in vals] == list(range(base_year + 1, vals[-1].year + 1)) \
                and vals[-1].year < final_year:
            # Part-way through the term: on track if the yearly pace so far adds up to the target.
            so_far = sum(o.value for o in vals)
            pace = so_far / len(vals) * (final_year - base_year)
            pace_status = judge(pace, bound, better)

            def explain_pace() -> Explanation:
                work = _Work()
                work.add("cumulative", f"Tổng {base_year + 1}-{vals[-1].year}", so_far, unit, "Σ Vt",
                         tuple((str(o.year), o.value) for o in vals))
                work.add("projected", f"Dự báo tổng {base_year + 1}-{final_year} theo tốc độ hiện nay", pace,
                         unit, "Σ Vt / n × N", (("n", len(vals)), ("N", final_year - base_year)))
                return work.done(
                    f"{base_year + 1}-{vals[-1].year} đạt {_fmt(so_far)}{suffix}; theo tốc độ hiện nay cả giai "
                    f"đoạn ước đạt {_fmt(pace)}{suffix}, {relation(pace_status, bound)} {bound_text(bound, unit)}",
                    pace_status)

            return _not_yet_due(indicator, target, pace_status, explain_pace)
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
                f"{relation(status, bound)} {bound_text(bound, unit)}", status
            )

        return Evaluation(indicator, target, status, explain=explain_sum)
    if target.horizon is Horizon.AVERAGE and value_is != "per_year_average":
        vals = [o for o in series if base_year < o.year <= as_of]
        if not vals:
            return _no_data(indicator, target, "Chưa có số liệu năm nào của nhiệm kỳ")
        mean = sum(o.value for o in vals) / len(vals)
        status = judge(round_half_up(mean, indicator.places), bound, better)

        def explain_mean() -> Explanation:
            work = _Work()
            work.add(
                "mean", "Bình quân/năm", mean, unit, "Σ Vt / n", tuple((str(o.year), o.value) for o in vals),
                indicator.places,
            )
            return work.done(
                f"Bình quân {vals[0].year}-{vals[-1].year} đạt {_fmt(mean, indicator.places)}"
                f"{suffix}/năm, {relation(status, bound)} {bound_text(bound, unit)}", status
            )

        if vals[-1].year < final_year:
            return _not_yet_due(indicator, target, status, explain_mean)
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
                PERCENT_OF_PLAN_DECIMALS,
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
                    CHANGE_DECIMALS,
                )
            elif v0.value > 0:
                work.add(
                    "multiple", f"Gấp (lần) năm {base_year}", obs.value / v0.value, "lần", "Vn / V0", inputs,
                    MULTIPLE_DECIMALS,
                )
        return work.done(
            f"Năm {obs.year} {_value_word(obs)} {_fmt(obs.value)}{suffix}, {relation(status, bound)} "
            f"{bound_text(bound, unit)}", status
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
        return _not_yet_due(indicator, target, status, explain, discrepancies)
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
        projected_status = judge(projected, target.bound, higher_is_better(target, indicator))
    at_risk = projected_status is Status.KHONG_DAT
    progress = Progress.OFF_TRACK if at_risk else Progress.ON_TRACK
    sentence = (
        f"Theo tốc độ hiện nay, năm {final_year} ước đạt {_fmt(projected, indicator.places)}"
        f"{_unit_suffix(indicator.unit)}" + (": có nguy cơ không đạt" if at_risk else ": dự kiến đạt")
    )

    projection = Figure(
        "projected",
        f"Dự báo năm {final_year} theo tốc độ hiện nay",
        projected,
        indicator.unit,
        rule,
        (("V0", v0.value), ("V_last", last.value), ("n", n)),
        indicator.places,
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


_KEEP_WORDS = ("duy trì", "giữ vững", "giữ chuẩn")


def _eval_qualitative(indicator, target, series, base_year, final_year, as_of) -> Evaluation:
    """A yes/no standard: reached (1) or not (0) in each year.

    With a deadline ("trước năm 2023" → reached by 2022): Đạt once reached by the deadline,
    Không đạt once the deadline has passed without it (reaching it later does not count); before
    the deadline only progress. "Duy trì …": every year of the term must hold it. Otherwise the
    final year's value is the verdict and earlier years are progress. A number that is not a
    yes/no value (a qualitative target such as "đạt và vượt chỉ tiêu giao" on an amount) is
    never judged: it needs the assigned figure.
    """
    if indicator.kind is not Kind.BOOLEAN:
        return _no_data(indicator, target, f"Chỉ tiêu bằng lời “{target.phrase}” không so được với số liệu "
                                           f"bằng số; cần một chỉ tiêu bằng số (hoặc chỉ tiêu giao)")
    years = [o for o in series if base_year < o.year <= as_of]
    if not years:
        return _no_data(indicator, target, "Chưa có đánh giá")
    last = years[-1]
    phrase = unicodedata.normalize("NFC", target.phrase).lower()
    keep = any(w in phrase for w in _KEEP_WORDS)
    deadline = target.year if target.year and target.year < final_year else None
    said = lambda o: "đạt" if o.value >= 0.5 else "chưa đạt"  # noqa: E731
    final = True
    if deadline is not None:
        reached = next((o for o in years if o.value >= 0.5), None)
        if reached is not None and reached.year <= deadline:
            status = Status.DAT
            clause = f"Năm {reached.year} đã đạt “{target.phrase}”, trong thời hạn năm {deadline}"
        elif last.year >= deadline:
            status = Status.KHONG_DAT
            clause = (f"Năm {reached.year} mới đạt, sau thời hạn năm {deadline} của “{target.phrase}”"
                      if reached is not None else f"Đến năm {last.year} chưa đạt “{target.phrase}” (thời hạn năm {deadline})")
        else:
            status, final = Status.KHONG_DAT, False
            clause = f"Năm {last.year} chưa đạt “{target.phrase}” (thời hạn năm {deadline})"
    elif keep:
        lost = [o.year for o in years if o.value < 0.5]
        status = Status.KHONG_DAT if lost else Status.DAT
        final = last.year >= final_year
        clause = (f"Các năm {', '.join(map(str, lost))} không giữ được “{target.phrase}”" if lost else
                  f"Các năm {years[0].year}-{last.year} đều giữ được “{target.phrase}”" if len(years) > 1 else
                  f"Năm {last.year}: giữ được “{target.phrase}”")
    else:
        status = Status.DAT if last.value >= 0.5 else Status.KHONG_DAT
        final = last.year >= final_year
        clause = f"Năm {last.year}: {said(last)} “{target.phrase}”"

    def explain() -> Explanation:
        return Reason(clause, STATUS_LABELS[status]), tuple(
            Figure(f"value:{o.year}", f"Năm {o.year}", o.value, None, "số liệu nhập (1 = đạt, 0 = chưa đạt)", (), 0)
            for o in years)

    if not final:
        return _not_yet_due(indicator, target, status, explain)
    return Evaluation(indicator, target, status, explain=explain)


def _eval_assigned(indicator, target, series, base_year, final_year, as_of, assigned) -> Evaluation:
    """"Đạt và vượt chỉ tiêu giao / dự toán giao" on an amount: each year's value against the
    figure assigned for that year (% of plan, judged at its printed decimals: above 100 is
    Vượt, 100 Đạt, below Không đạt). Without a year's assigned figure: "chưa có chỉ tiêu giao",
    never Đạt. Before the final year only progress."""
    years = [o for o in series if base_year < o.year <= as_of]
    if not years:
        return _no_data(indicator, target, "Chưa có số liệu năm nào của kỳ kế hoạch")
    by_year = {a.year: a for a in assigned}
    missing = [o.year for o in years if o.year not in by_year or by_year[o.year].value <= 0]
    if missing:
        return _no_data(
            indicator, target,
            f"Chưa có chỉ tiêu giao năm {', '.join(map(str, missing))} (số giao và văn bản giao) để đánh giá "
            f"“{target.phrase}”",
        )
    unit = indicator.unit
    suffix = _unit_suffix(unit)
    judged = []
    for o in years:
        a = by_year[o.year]
        pct = 100.0 * o.value / a.value
        judged.append((o, a, pct, judge(round_half_up(pct, PERCENT_OF_PLAN_DECIMALS), _HUNDRED, True)))
    bad = [j for j in judged if j[3] is Status.KHONG_DAT]
    status = Status.KHONG_DAT if bad else (
        Status.VUOT if all(j[3] is Status.VUOT for j in judged) else Status.DAT)
    used = tuple(a for _o, a, _p, _s in judged)

    def explain() -> Explanation:
        work = _Work()
        for o, a, pct, _st in judged:
            work.add(f"assigned:{o.year}", f"Chỉ tiêu giao năm {o.year}", a.value, unit, a.source.text,
                     (("chỉ tiêu giao", a.value),), max(indicator.places, entered_decimals(a.value, 3)))
            work.add(f"percent_of_plan:{o.year}", f"So với chỉ tiêu giao năm {o.year} (%)", pct, "%",
                     "100 × V / chỉ tiêu giao", (("V", o.value), ("chỉ tiêu giao", a.value)),
                     PERCENT_OF_PLAN_DECIMALS)
        o, a, pct, st = judged[-1]
        # named as a level target's inputs, so the check of a stated % of plan names them too
        work.add("percent_of_plan", "So với chỉ tiêu giao (%)", pct, "%", "100 × V / chỉ tiêu giao",
                 (("V", o.value), ("chỉ tiêu", a.value)), PERCENT_OF_PLAN_DECIMALS)
        last = (f"năm {o.year} {_value_word(o)} {_fmt(o.value)}{suffix}, bằng {_fmt(pct, PERCENT_OF_PLAN_DECIMALS)}% "
                f"chỉ tiêu giao {_fmt(a.value)}{suffix} ({a.source.text})")
        if len(judged) == 1:
            clause = last[0].upper() + last[1:]
        else:
            clause = f"{len(judged) - len(bad)}/{len(judged)} năm đạt chỉ tiêu giao; {last}"
            if bad:
                clause += "; chưa đạt các năm " + ", ".join(
                    f"{j[0].year} ({_fmt(j[2], PERCENT_OF_PLAN_DECIMALS)}%)" for j in bad)
        return work.done(clause, status)

    if years[-1].year < final_year:
        progress = _progress_of(status)
        return Evaluation(indicator, target, status, progress, None, (),
                          explain=_with_progress(explain, progress, ()), assigned=used)
    return Evaluation(indicator, target, status, explain=explain, assigned=used)


_HUNDRED = Bound.exact(100.0)

_ORDINAL_RELATION = {Status.VUOT: "vượt chỉ tiêu", Status.DAT: "đạt chỉ tiêu", Status.KHONG_DAT: "chưa đạt chỉ tiêu"}


def _eval_ordinal(indicator, target, series, base_year, final_year, as_of) -> Evaluation:
    """An option list (xếp loại Tốt / Khá / …) or a rank (thứ 3, tốp 3), stored as the rank
    (1 = the best) and always said in words. "… trở lên" / "tốp N": Đạt when at least as good;
    a plain option or position: better is Vượt. "hằng năm": every year, as each-year levels;
    a deadline: reached by then, as a yes/no standard; otherwise the target year's value, and
    before it only progress."""
    try:
        goal = ordinal_goal(target, indicator)
    except OrdinalError as exc:
        return _no_data(indicator, target, str(exc).split(" / ")[0])
    years = [o for o in series if base_year < o.year <= as_of]
    if not years:
        return _no_data(indicator, target, "Chưa có đánh giá năm nào của kỳ kế hoạch")
    verb = "xếp loại" if indicator.kind is Kind.OPTION else "đứng"
    said = lambda o: f"{verb} {ordinal_label(indicator, o.value)}"  # noqa: E731
    of = lambda o: judge(o.value, goal.bound, False)  # noqa: E731
    wanted = f"chỉ tiêu {goal.words}" if indicator.kind is Kind.RANK else f"chỉ tiêu xếp loại {goal.words}"
    last = years[-1]
    deadline = goal.deadline if goal.deadline and goal.deadline < final_year else None
    if goal.each_year:
        judged = [(o, of(o)) for o in years]
        bad = [o for o, st in judged if st is Status.KHONG_DAT]
        status = Status.KHONG_DAT if bad else (
            Status.VUOT if all(st is Status.VUOT for _o, st in judged) else Status.DAT)
        final = last.year >= final_year
        clause = f"{len(years) - len(bad)}/{len(years)} năm đạt {wanted} hằng năm"
        clause += ("; " + ", ".join(f"năm {o.year} {said(o)}" for o in bad)) if bad else f"; năm {last.year} {said(last)}"
    elif deadline is not None:
        reached = next((o for o in years if goal.satisfied(o.value)), None)
        final = True
        if reached is not None and reached.year <= deadline:
            status = of(reached)
            clause = f"Năm {reached.year} {said(reached)}, {_ORDINAL_RELATION[status]} {goal.words} trong thời hạn năm {deadline}"
        elif last.year >= deadline:
            status = Status.KHONG_DAT
            clause = (f"Năm {reached.year} mới {said(reached)}, sau thời hạn năm {deadline} của {wanted}"
                      if reached is not None else f"Đến năm {last.year} {said(last)}, chưa đạt {wanted} (thời hạn năm {deadline})")
        else:
            status, final = Status.KHONG_DAT, False
            clause = f"Năm {last.year} {said(last)}, chưa đạt {wanted} (thời hạn năm {deadline})"
    else:
        due = target.year if target.year and target.year <= final_year else final_year
        obs = series.latest(min(due, as_of))
        if obs is None or obs.year <= base_year:
            return _no_data(indicator, target, "Chưa có đánh giá năm nào của kỳ kế hoạch")
        status = of(obs)
        final = obs.year >= due
        clause = f"Năm {obs.year} {said(obs)}, {_ORDINAL_RELATION[status]} {goal.words}"

    def explain() -> Explanation:
        return Reason(clause, STATUS_LABELS[status]), ()

    if not final:
        return _not_yet_due(indicator, target, status, explain)
    return Evaluation(indicator, target, status, explain=explain)


def evaluate_structure(
    target: Target, parts: dict[str, float], *, year: int
) -> tuple[dict[str, float], Status, str]:
    """Shares recomputed from the parts' values, judged against a structure target's parts.
    A target part is matched to a value by name, accent- and case-insensitively, whole or by
    containment ("nông nghiệp" ↔ "Nông, lâm nghiệp và thủy sản" by its first word when nothing
    closer fits). Returns the shares, the status and the reason."""
    shares, status, reason = _structure_verdict(target, parts, year)
    return shares, status, str(reason)


def _structure_verdict(target: Target, parts: dict[str, float], year: int) -> tuple[dict[str, float], Status, Reason]:
    shares = structure_shares(parts)
    verdicts = []
    for part in target.parts:
        name = _match_part(part.name, list(shares))
        if name is None:
            reason = Reason(f"Thiếu số liệu thành phần “{part.name}”", STATUS_LABELS[Status.CHUA_DU_SO_LIEU])
            return shares, Status.CHUA_DU_SO_LIEU, reason
        share = shares[name]
        verdicts.append((part, share, judge(round_half_up(share, SHARE_DECIMALS), part.bound, None)))
    ok = all(s is not Status.KHONG_DAT for _, _, s in verdicts)
    status = Status.DAT if ok else Status.KHONG_DAT
    detail = "; ".join(
        f"{p.name} {_fmt(sh, SHARE_DECIMALS)}% (chỉ tiêu {bound_text(p.bound, '%')})" for p, sh, _ in verdicts
    )
    total_ok = "" if shares_sum_to_100(shares) else " (tổng tỷ trọng in ra khác 100%)"
    return shares, status, Reason(f"Cơ cấu năm {year}: {detail}{total_ok}", STATUS_LABELS[status])


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
    """Lower case without accents, punctuation as spaces, and the sector abbreviations reports
    write ("TM-DV", "CN-TTCN", "XDCB", "NN") spelt out, so that "TM-DV" meets "Thương mại - Dịch vụ"."""
    t = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c))
    words = re.sub(r"[-,;:()/&+]", " ", t).split()
    return " ".join(SECTOR_ABBREVIATIONS.get(w, w) for w in words if w != "va")


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
    # The base year's values are the starting point: a 2026-2030 structure is not judged on 2025.
    years = sorted(y for y in common if plan.base_year < y <= last)
    if not years:
        return _no_data(indicator, target, f"Cần số liệu của cả {len(parts)} thành phần trong cùng một năm")
    year = years[-1]
    values = {name: s.value(year) for name, s in parts.items()}
    shares, status, reason = _structure_verdict(target, values, year)

    def explain() -> Explanation:
        figures = tuple(
            Figure(
                f"share:{name}",
                f"Tỷ trọng {name} năm {year}",
                share,
                "%",
                "100 × phần / Σ các phần",
                ((name, values[name]), ("Σ", sum(values.values()))),
                SHARE_DECIMALS,
            )
            for name, share in shares.items()
        )
        return reason, figures

    due = target.year if target.year and target.year <= plan.final_year else plan.final_year
    if year < due and status is not Status.CHUA_DU_SO_LIEU:
        return _not_yet_due(indicator, target, status, explain)
    return Evaluation(indicator, target, status, explain=explain)
