"""Evaluation of a plan: from an indicator, its target and its yearly values, the figures a
report states and the verdict vượt / đạt / không đạt / chưa đủ số liệu, with its reason.

Owns: ``evaluate_item`` and ``evaluate_plan`` (a plan item with what its document states
checked, its total checked against its breakdown), and the public API of the evaluation,
re-exported from the modules it is split into along its seams:

- ``core.growth``: the arithmetic (CAGR, growth index, compounding, rate still required,
  shares) and the decimals each figure is printed with;
- ``core.verdict``: ``Status``, ``Progress``, ``Figure``, ``Reason``, ``Evaluation``,
  ``judge`` and the summary line;
- ``core.forms``: ``evaluate`` and the evaluator of each target form, mid-term progress
  and forecast;
- ``core.crosschecks``: what a document states against its own values, by the tolerance of
  its written digits (``core.stated``);
- ``core.fit``: a target read with its indicator (units, "giảm dưới X%" of a rate, options);
- ``core.assigned`` / ``core.options``: assigned figures, option lists and ranks.

Also owns ``evaluate_many``, the batch: many (indicator, target, series) of one term (every
commune of the country), each target made ready once (its judging rule, its constants) and each
series then judged by it; whatever is not a plain case of the common forms goes through
``evaluate``, and every reason is written by ``evaluate`` when it is first read.

The rules are written in docs/evaluation.md. Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import gc
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from types import MethodType

from chitieu.core.crosschecks import (
    STATED_FIGURE_KEYS,
    STATED_KEYS,
    check_breakdown,
    check_share,
    check_stated,
    part_checks,
    share_of,
    span_figures,
    with_checks,
)
from chitieu.core.fit import TargetUnitError, fit_target
from chitieu.core.forms import _eval_structure_item as _structure_item
from chitieu.core.forms import (
    evaluate,
    evaluate_structure,
    span_index,
    yearly_indices,
)
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
from chitieu.core.indicators import Indicator, Kind
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import Series
from chitieu.core.stated import Agreement, Stated
from chitieu.core.targets import Form, Horizon, Target
from chitieu.core.verdict import (
    PROGRESS_LABELS,
    STATUS_LABELS,
    Evaluation,
    Figure,
    Forecast,
    Progress,
    Reason,
    StatedCheck,
    Status,
    Summary,
    _FreshEvaluation,
    higher_is_better,
    judge,
    judging,
    summarize,
)

__all__ = [
    "CHANGE_DECIMALS", "GROWTH_DECIMALS", "MULTIPLE_DECIMALS", "PERCENT_OF_PLAN_DECIMALS", "PROGRESS_LABELS",
    "SHARE_DECIMALS", "STATED_FIGURE_KEYS", "STATED_KEYS", "STATUS_LABELS", "Agreement", "Evaluation",
    "EvaluationError", "Figure", "Forecast", "Progress", "Reason", "Stated", "StatedCheck", "Status", "Summary",
    "cagr", "check_breakdown", "check_share", "check_stated", "compound_rates", "evaluate", "evaluate_item",
    "evaluate_many", "evaluate_plan", "evaluate_structure", "growth_index", "judge", "required_rate", "share_of",
    "shares_sum_to_100", "span_figures", "span_index", "structure_shares", "summarize", "yearly_indices",
]


def evaluate_item(item: PlanItem, plan: Plan) -> Evaluation | None:
    """The evaluation of one plan item (None when it has no target of its own), with what its
    source document states checked — its own figures and those of its "Trong đó" parts that
    have no target of their own — and a total checked against its breakdown."""
    if item.target is None:
        return None
    try:
        target = fit_target(item.target, item.indicator)
    except TargetUnitError as exc:
        return _refused(item, str(exc))
    if target is not item.target:
        item = replace(item, target=target)
    if item.target.form is Form.STRUCTURE:
        ev = _structure_item(item, plan)
        if item.stated:
            ev = check_stated(ev, item.stated)
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
            assigned=item.assigned,
        )
    if item.children:
        checks = part_checks(item.children, base_year=plan.base_year, as_of=plan.as_of)
        notes = (
            check_breakdown(item.series, [c.series for c in item.children], name=item.indicator.name)
            if item.breakdown
            else []
        )
        ev = with_checks(ev, checks, notes)
    return ev


def _refused(item: PlanItem, message: str) -> Evaluation:
    """A target that does not fit its indicator (``core.fit``): never a verdict, the reason why."""
    why = message.split(" / ")[0]
    return Evaluation(item.indicator, item.target, Status.CHUA_DU_SO_LIEU,
                      explain=lambda: (Reason(why, STATUS_LABELS[Status.CHUA_DU_SO_LIEU]), ()))


def evaluate_plan(plan: Plan, *, parts: bool = False) -> list[Evaluation]:
    """The one walk of a plan: every key indicator that has a target, in plan order; with
    ``parts`` also every "Trong đó" part with a target of its own, each after its parent (walk
    order). The CLI, the API, the scorecard and the report all evaluate through here; only key
    indicators count in a summary ("x/y chỉ tiêu đạt và vượt")."""
    if not parts:
        return [ev for item in plan.items if (ev := evaluate_item(item, plan)) is not None]
    return [ev for item, _depth in plan.walk() if (ev := evaluate_item(item, plan)) is not None]


# ---------------------------------------------------------------------------------------
# The batch: one term, many (indicator, target, series).
# ---------------------------------------------------------------------------------------


def evaluate_many(
    jobs: Iterable[tuple[Indicator, Target, Series]],
    *,
    base_year: int,
    final_year: int,
    as_of: int | None = None,
) -> list[Evaluation]:
    """Evaluate many (indicator, target, series) of one term, e.g. every ward of a province:
    the same evaluations as ``evaluate`` gives one by one, field for field, in the same order.

    Each (indicator, target) is made ready once: which form it is, its judging rule
    (``core.verdict.judging``: the bound, which way is better, the printed decimals) and its
    constants. The plain cases of the common forms — average growth and multiple of two
    levels, change, a level at the end of the term, a level every year, each with its final
    year's value, in a series of floats — are then judged straight from the series' columns;
    every other case (no data, a term not yet over, another form, values of another type)
    goes through ``evaluate`` itself. Reasons and
    figures are written when first read, by ``evaluate`` again: a national roll-up needs the
    verdicts, a report the words of a few.

    The cyclic garbage collector is paused for the batch: evaluations create no reference
    cycles, and with millions of input values alive the collector would otherwise spend half
    the time re-scanning them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _Batch(base_year, final_year, as_of).run(jobs)
    finally:
        if enabled:
            gc.enable()


def _written_later(indicator: Indicator, target: Target, term: tuple):
    """The explanation of this (indicator, target)'s evaluations in a batch, bound to each one's
    series (``MethodType``: one small object per evaluation, as a national batch makes hundreds
    of thousands and reads few): written on first access by ``evaluate``, the same sentence and
    figures as an evaluation made alone."""
    base_year, final_year, as_of = term

    def explained(series: Series):
        return evaluate(indicator, target, series, base_year=base_year, final_year=final_year,
                        as_of=as_of)._explanation()

    return explained


class _Batch:
    """One term's batch: the rule of each (indicator, target) and where the years of each
    years column fall, each found once."""

    __slots__ = ("base_year", "final_year", "as_of", "term", "rules", "pairs", "spans")

    def __init__(self, base_year: int, final_year: int, as_of: int | None) -> None:
        self.base_year, self.final_year, self.as_of = base_year, final_year, as_of
        self.term = (base_year, final_year, as_of)
        # id(indicator) → (indicator, target, its rule or None, its explanation writer)
        self.rules: dict[int, tuple] = {}
        self.pairs: dict[tuple[int, int], tuple] = {}  # (id(indicator), id(target)) → the same
        self.spans: dict[int, tuple] = {}  # id(years column) → (the column, its span)

    def run(self, jobs) -> list[Evaluation]:
        rules, spans = self.rules, self.spans
        base_year, final_year, as_of = self.term
        out: list[Evaluation] = []
        append = out.append
        last_years, last_span = None, None  # most series of a batch share one years column
        fresh, made, later, floats = _FreshEvaluation, Evaluation, MethodType, array
        for indicator, target, series in jobs:
            # by the indicator (the entry keeps it alive, so its id stays its own), then its target
            got = rules.get(id(indicator))
            if got is None or got[1] is not target:
                got = self._ready(indicator, target)
            rule = got[2]
            # only series of floats (an array): the same arithmetic on other number types
            # could fail otherwise than evaluate does (a Decimal against a float bound)
            if rule is not None and type(series) is Series and type(values := series._values) is floats:
                years = series._years
                if years is not last_years:
                    span = spans.get(id(years))
                    if span is None or span[0] is not years:
                        span = spans[id(years)] = (years, self._span(years))
                    last_years, last_span = years, span[1]
                if last_span is not None:
                    status = rule(values, last_span)
                    if status is not None:  # an Evaluation, made the fast way (core.verdict)
                        ev = fresh()
                        ev.indicator, ev.target, ev.status = indicator, target, status
                        ev.progress = ev.forecast = ev._explained = None
                        ev.discrepancies = ev.checks = ev.assigned = ()
                        ev.explain = later(got[3], series)
                        ev.__class__ = made
                        append(ev)
                        continue
            append(evaluate(indicator, target, series, base_year=base_year, final_year=final_year, as_of=as_of))
        return out

    def _ready(self, indicator: Indicator, target: Target) -> tuple:
        """(indicator, target, rule, writer), kept under the indicator's id for its next series; an
        indicator met with another target keeps the first one there and the others by pair."""
        pair = (id(indicator), id(target))
        got = self.pairs.get(pair)
        if got is None:
            got = self.pairs[pair] = (indicator, target, self._rule(indicator, target),
                                      _written_later(indicator, target, self.term))
        self.rules.setdefault(id(indicator), got)
        return got

    def _span(self, years: tuple[int, ...]):
        """Where the term falls in a series with these years, as ``evaluate`` reads it: (index of
        the base year or None, index of the latest year ≤ as-of, index of the first year after
        the base year, years from the base year to the latest); None when that latest year is
        the base year or before it (no data) or before the final year (a term not yet over):
        not a plain case."""
        base_year, final_year, as_of = self.term
        if as_of is None:
            as_of = final_year if not years else min(max(years[-1], base_year), final_year)
        last = bisect_right(years, as_of) - 1
        if last < 0 or years[last] <= base_year or years[last] < final_year:
            return None
        base = years.index(base_year) if base_year in years else None
        return base, last, bisect_right(years, base_year), years[last] - base_year

    def _rule(self, indicator: Indicator, target: Target):
        """The verdict of this (indicator, target) from a series' columns and its span, or None
        for a case that is not plain, as ``core.forms.evaluate`` tells the forms apart and in
        its order; None for the forms it does not judge from columns."""
        form, bound = target.form, target.bound
        base_year = self.base_year
        if form is Form.GROWTH and target.horizon is not Horizon.END_OF_TERM and indicator.kind is not Kind.GROWTH_RATE:
            rule = judging(bound, True, GROWTH_DECIMALS)
            decrease = target.decrease

            def growth(values, span):  # _eval_growth of two levels
                base, last, _first, n = span
                if base is None:
                    return None
                v0, v1 = values[base], values[last]
                if v0 <= 0 or v1 < 0:  # cagr refuses them
                    return None
                rate = 100.0 * cagr(v0, v1, n)
                return rule(-rate if decrease else rate)

            return growth
        if form is Form.MULTIPLE and target.alternative is None and (target.base_year or base_year) == base_year:
            rule = judging(bound, True, MULTIPLE_DECIMALS)

            def multiple(values, span):  # _eval_multiple
                base, last, _first, _n = span
                if base is None:
                    return None
                v0 = values[base]
                if v0 <= 0:
                    return None
                return rule(values[last] / v0)

            return multiple
        if form is Form.CHANGE:
            rule = judging(bound, True, CHANGE_DECIMALS)
            sign = -1.0 if target.decrease else 1.0
            per_year = target.per_year

            def change(values, span):  # _eval_change of two levels
                base, last, _first, n = span
                if base is None:
                    return None
                total = sign * (values[last] - values[base])
                amount = total / n if per_year else total
                return rule(amount)

            return change
        if form in (Form.QUALITATIVE, Form.STRUCTURE, Form.GROWTH, Form.MULTIPLE) or indicator.kind is Kind.RANK:
            return None
        rule = judging(bound, higher_is_better(target, indicator))
        if target.horizon is Horizon.EACH_YEAR:
            vuot, dat, khong = Status.VUOT, Status.DAT, Status.KHONG_DAT

            def each_year(values, span):  # _eval_level, every year of the term
                _base, last, first, _n = span
                verdicts = list(map(rule, values[first:last + 1]))
                # Không đạt if any year is, Vượt if every year is, else Đạt
                return khong if khong in verdicts else vuot if verdicts.count(vuot) == len(verdicts) else dat

            return each_year
        if target.horizon is Horizon.END_OF_TERM and not target.year:

            def level(values, span):  # _eval_level at the end of the term
                return rule(values[span[1]])

            return level
        return None
