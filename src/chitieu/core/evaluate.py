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
  and forecast, ``evaluate_many``;
- ``core.crosschecks``: what a document states against its own values, by the tolerance of
  its written digits (``core.stated``);
- ``core.fit``: a target read with its indicator (units, "giảm dưới X%" of a rate, options);
- ``core.assigned`` / ``core.options``: assigned figures, option lists and ranks.

The rules are written in docs/evaluation.md. Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import replace

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
    evaluate_many,
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
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.stated import Agreement, Stated
from chitieu.core.targets import Form
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
    judge,
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
