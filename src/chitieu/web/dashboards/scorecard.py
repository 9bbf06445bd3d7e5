"""What the dashboards show, computed from a plan in core form: the scorecard rows grouped by
domain, the summary "x/y chỉ tiêu đạt và vượt", the target band of an indicator chart, the
figures with their rules, and the comparison of child units with their roll-up.

Owns: pure functions from ``chitieu.core`` types (``Plan``, ``PlanItem``, ``Evaluation``) to
plain dataclasses the templates print. No queries here: ``views.py`` loads the models and
turns them into core objects (``loading.py``); everything a user reads is decided here, so it
is tested without a browser.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from chitieu.core.evaluate import (
    PROGRESS_LABELS,
    STATUS_LABELS,
    Evaluation,
    Figure,
    Status,
    evaluate_plan,
    summarize,
)
from chitieu.core.evaluate import Progress as TermProgress
from chitieu.core.indicators import DOMAIN_LABELS, Domain, Indicator, Kind, yes_no_label
from chitieu.core.numbers import format_number, round_half_up
from chitieu.core.options import in_words, ordinal_label
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import VALUE_STATUS_LABELS, Observation, Series, ValueStatus
from chitieu.core.targets import Form, Op, Target
from chitieu.web.dashboards.sparkline import sparkline_svg

# The figure a scorecard shows beside the verdict, by the target's form, by preference.
HEADLINE_FIGURES: dict[Form, tuple[str, ...]] = {
    Form.GROWTH: ("index",),
    Form.MULTIPLE: ("multiple",),
    Form.CHANGE: ("change", "points"),
    Form.QUALITATIVE: ("percent_of_plan",),  # "đạt và vượt chỉ tiêu giao": % of the assigned figure
}
# Short names of the headline figures for the scorecard cell (the full label is the title).
SHORT_LABELS = {
    "index": gettext_noop("Chỉ số phát triển BQ"),
    "multiple": gettext_noop("Gấp"),
    "change": gettext_noop("Thay đổi"),
    "points": gettext_noop("Thay đổi"),
    "percent_of_plan": gettext_noop("So với chỉ tiêu giao"),
}

# The core's labels, named here so that makemessages finds them (they are translated at display).
_LABELS_FOR_TRANSLATION = (
    gettext_noop("Vượt"), gettext_noop("Đạt"), gettext_noop("Không đạt"), gettext_noop("Chưa đủ số liệu"),
    gettext_noop("Đạt tiến độ"), gettext_noop("Chưa đạt tiến độ"), gettext_noop("Chưa đạt"),
    gettext_noop("Kế hoạch"), gettext_noop("Ước thực hiện"), gettext_noop("Sơ bộ"), gettext_noop("Chính thức"),
    gettext_noop("Kinh tế"), gettext_noop("Văn hóa - xã hội"), gettext_noop("Môi trường - đô thị"),
    gettext_noop("Cải cách hành chính - chuyển đổi số"), gettext_noop("Quốc phòng - an ninh"),
    gettext_noop("Xây dựng Đảng và hệ thống chính trị"),
)

STATUS_CSS: dict[Status, str] = {
    Status.VUOT: "vuot",
    Status.DAT: "dat",
    Status.KHONG_DAT: "khong-dat",
    Status.CHUA_DU_SO_LIEU: "chua-du",
    # Before the target year only progress is shown, in the colours of its meaning.
    TermProgress.ON_TRACK: "dat",
    TermProgress.OFF_TRACK: "khong-dat",
}
# The order the summary chips are shown in.
STATES: tuple[str, ...] = (Status.VUOT, Status.DAT, TermProgress.ON_TRACK, TermProgress.OFF_TRACK,
                           Status.KHONG_DAT, Status.CHUA_DU_SO_LIEU)


def as_state(state: str) -> Status | TermProgress:
    """A state as shown (``Evaluation.state``): a final status or the progress of a term not yet over."""
    try:
        return Status(state)
    except ValueError:
        return TermProgress(state)


def status_label(state: str) -> str:
    """The label of a state (``Evaluation.state``): "Đạt", "Đạt tiến độ"…, translated."""
    state = as_state(state)
    return _(STATUS_LABELS[state] if isinstance(state, Status) else PROGRESS_LABELS[state])


def value_status_label(status: ValueStatus) -> str:
    return _(VALUE_STATUS_LABELS[status])


def fmt(value: float | None, decimals: int | None = None) -> str:
    """A number the Vietnamese way; an em dash for a missing one."""
    if value is None:
        return "—"
    return format_number(value, decimals)


def fmt_figure(figure: Figure) -> str:
    """A computed figure as reports print it: two decimals for an index or a rate (117,08)."""
    decimals = 2 if figure.key in ("index", "cagr", "required_rate", "multiple") else None
    if decimals is None:
        decimals = figure.decimals
    value = format_number(figure.value, decimals) if decimals is not None else format_number(
        round_half_up(figure.value, 2))
    if figure.unit in ("%", "‰"):
        return value + figure.unit
    return f"{value} {figure.unit}" if figure.unit else value


def value_text(indicator: Indicator, value: float | None) -> str:
    """A value as the pages show it: words for a yes/no indicator ("Đạt", never 1); values as
    entered keep their digits, a rolled-up rate (90,355964…) is shown rounded."""
    if value is None:
        return "—"
    if indicator.kind is Kind.BOOLEAN:
        return _(yes_no_label(value))
    if indicator.ordinal:  # an option ("Khá") or a rank ("thứ 3"), never its stored number
        return ordinal_label(indicator, value)
    return fmt(round_half_up(value, max(indicator.places, 2)))


def describe(target: Target | None) -> str:
    """How the system understood a target, in Vietnamese (``chitieu.core.describe``), for the
    user to check against the phrase as written."""
    if target is None:
        return ""
    return target.describe()


@dataclass(frozen=True, slots=True)
class FigureView:
    key: str
    label: str
    short_label: str
    value: str
    rule: str
    inputs: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Row:
    """One indicator on the scorecard."""

    code: str
    name: str
    unit: str
    depth: int  # 0 for a key indicator, 1 for a "Trong đó" part
    target_phrase: str
    target_understood: str
    latest_year: int | None
    latest_value: str
    latest_status: ValueStatus | None
    latest_status_label: str
    latest_unapproved: bool  # the value shown is not approved (only with the latest-values switch)
    status: Status | None  # None for a part without a target of its own (the values' status, not shown)
    state: str  # what is shown: the status once final, the progress before the target year
    status_label: str
    status_css: str
    headline: FigureView | None
    sentence: str
    at_risk: bool
    forecast_sentence: str
    sparkline: SafeString


@dataclass(frozen=True, slots=True)
class Group:
    domain: Domain
    label: str
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Summary:
    met: int  # đạt + vượt
    total: int  # key indicators with a target
    counts: dict[str, int] = field(default_factory=dict)  # by state shown (``Evaluation.state``)
    at_risk: int = 0

    @property
    def text(self) -> str:
        return _("%(met)d/%(total)d chỉ tiêu đạt và vượt") % {"met": self.met, "total": self.total}


@dataclass(frozen=True, slots=True)
class Scorecard:
    plan: Plan
    summary: Summary
    evaluations: dict[str, Evaluation]
    latest: bool = False  # built from the latest values entered, not only the approved ones
    unapproved: frozenset = frozenset()  # (indicator code, year) of values not approved
    # the rows, laid out on first use: a page whose tables come from the fragment cache never needs them
    _groups: tuple[Group, ...] | None = field(default=None, repr=False, compare=False)

    @property
    def groups(self) -> tuple[Group, ...]:
        groups = self._groups
        if groups is None:
            groups = _lay_out(self.plan, self.evaluations, self.unapproved)
            object.__setattr__(self, "_groups", groups)  # a cache, not a change of value
        return groups

    def is_unapproved(self, code: str, year: int | None) -> bool:
        return (code, year) in self.unapproved

    def row(self, code: str) -> Row | None:
        for group in self.groups:
            for row in group.rows:
                if row.code == code:
                    return row
        return None


def figure_view(figure: Figure) -> FigureView:
    return FigureView(
        key=figure.key,
        label=_(figure.label),
        short_label=_(SHORT_LABELS[figure.key]) if figure.key in SHORT_LABELS else _(figure.label),
        value=fmt_figure(figure),
        rule=_(figure.rule),
        inputs=tuple((name, fmt(round_half_up(v, 4))) for name, v in figure.inputs),
    )


def headline(evaluation: Evaluation | None) -> FigureView | None:
    """The one figure the scorecard prints beside the verdict: the average growth index of a
    growth target (117,08), the multiple of a multiple, the change of a change; none for a level
    (the value itself is the figure)."""
    if evaluation is None:
        return None
    for key in HEADLINE_FIGURES.get(evaluation.target.form, ()):
        figure = evaluation.figure(key)
        if figure is not None:
            return figure_view(figure)
    return None


def _row(item: PlanItem, depth: int, evaluation: Evaluation | None, plan: Plan,
         unapproved: frozenset = frozenset()) -> Row:
    ind = item.indicator
    latest = item.series.latest(plan.as_of)
    latest_status = latest.status if latest else None
    points = [(o.year, o.value) for o in item.series if plan.as_of is None or o.year <= plan.as_of]
    status = evaluation.status if evaluation else None
    forecast = evaluation.forecast if evaluation else None
    return Row(
        code=ind.code,
        name=ind.name,
        unit=ind.unit or "",
        depth=depth,
        target_phrase=item.target.phrase if item.target else "",
        target_understood=describe(item.target),
        latest_year=latest.year if latest else None,
        # Values as entered keep their digits; a rolled-up rate (90,355964…) is shown rounded.
        latest_value=value_text(ind, latest.value if latest else None),
        latest_status=latest_status,
        latest_status_label=value_status_label(latest_status) if latest else "",
        latest_unapproved=bool(latest) and (ind.code, latest.year) in unapproved,
        status=status,
        state=evaluation.state if evaluation else "",
        status_label=status_label(evaluation.state) if evaluation else "",
        status_css=STATUS_CSS[as_state(evaluation.state)] if evaluation else "none",
        headline=headline(evaluation),
        sentence=evaluation.reason if evaluation else "",
        at_risk=bool(forecast and forecast.at_risk),
        forecast_sentence=forecast.sentence if forecast else "",
        sparkline=sparkline_svg(points, last_is_estimate=bool(latest and latest_status is not ValueStatus.OFFICIAL),
                                label=ind.name, unapproved=bool(latest) and (ind.code, latest.year) in unapproved,
                                unapproved_label=_("chưa duyệt")),
    )


def summarise(evaluations: Iterable[Evaluation]) -> Summary:
    """The core's summary (``summarize``) with the count per status and of those at risk."""
    evaluations = list(evaluations)
    core = summarize(evaluations)
    counts = {str(s): 0 for s in STATES}
    for ev in evaluations:
        counts[ev.state] += 1
    at_risk = sum(1 for ev in evaluations if ev.forecast and ev.forecast.at_risk)
    return Summary(met=core.met, total=core.total, counts=counts, at_risk=at_risk)


def build_scorecard(plan: Plan, *, unapproved: frozenset = frozenset(), latest: bool = False,
                    evaluations: Iterable[Evaluation] | None = None) -> Scorecard:
    """The scorecard of a plan: every indicator (key ones and their parts), grouped by domain
    in the order of ``DOMAIN_LABELS``; the summary counts the key indicators that have a target.
    ``unapproved``: (code, year) of the values not approved, marked "chưa duyệt" where shown.
    ``evaluations``: those ``evaluate_plan(plan, parts=True)`` gives, when already computed (the
    stored evaluations, ``chitieu.web.evaluations``). The rows are laid out when first read."""
    # the one walk of the core (issue 11): the scorecard only lays its evaluations out
    if evaluations is None:
        evaluations = evaluate_plan(plan, parts=True)
    by_code = {e.indicator.code: e for e in evaluations}
    key_codes = {item.indicator.code for item in plan.items}
    key_evaluations = [e for code, e in by_code.items() if code in key_codes]
    return Scorecard(plan=plan, summary=summarise(key_evaluations), evaluations=by_code, latest=latest,
                     unapproved=unapproved)


def _lay_out(plan: Plan, evaluations: dict[str, Evaluation], unapproved: frozenset) -> tuple[Group, ...]:
    """The scorecard's rows grouped by domain (``build_scorecard``)."""
    by_domain: dict[Domain, list[Row]] = {d: [] for d in DOMAIN_LABELS}
    current_domain: Domain | None = None
    for item, depth in plan.walk():
        ev = evaluations.get(item.indicator.code)
        if depth == 0:
            current_domain = item.indicator.domain
        # A part stays under its parent even when catalogued in another domain.
        domain = item.indicator.domain if depth == 0 or current_domain is None else current_domain
        by_domain[domain].append(_row(item, depth, ev, plan, unapproved))
    return tuple(
        Group(domain=d, label=_(DOMAIN_LABELS[d]), rows=tuple(rows)) for d, rows in by_domain.items() if rows
    )


def find_item(plan: Plan, code: str) -> PlanItem | None:
    for item, _depth in plan.walk():
        if item.indicator.code == code:
            return item
    return None


# --- the indicator chart ------------------------------------------------------------------

def _path(base: float, rate: float, years: Sequence[int], base_year: int) -> list[list[float]]:
    return [[y, round(base * (1 + rate / 100) ** (y - base_year), 4)] for y in years]


def target_band(item: PlanItem, plan: Plan) -> dict | None:
    """The lines a series is judged against, as ``{"low": [[year, value]...], "high": [...]}``
    (either may be missing). A growth target draws the path from the base-year value at the low
    and the high rate; a multiple draws the compounding path to the multiple at the final year;
    a level target is a flat line over the term. None when nothing can be drawn."""
    target = item.target
    if target is None:
        return None
    years = list(range(plan.base_year, plan.final_year + 1))
    base = item.series.value(plan.base_year)
    bound = target.bound
    band: dict[str, list] = {}
    if target.form is Form.GROWTH and base is not None and not target.decrease:
        for side in ("low", "high"):
            rate = getattr(bound, side)
            if rate is not None:
                band[side] = _path(base, rate, years, plan.base_year)
    elif target.form is Form.MULTIPLE and base is not None and base > 0:
        n = plan.final_year - plan.base_year
        for side in ("low", "high"):
            m = getattr(bound, side)
            if m is not None and m > 0 and n > 0:
                band[side] = _path(base, (m ** (1 / n) - 1) * 100, years, plan.base_year)
    elif target.form is Form.LEVEL and bound.op is not Op.QUALITATIVE:
        for side in ("low", "high"):
            v = getattr(bound, side)
            if v is not None:
                band[side] = [[y, v] for y in years]
    return band or None


def chart_data(item: PlanItem, plan: Plan, unapproved: frozenset = frozenset()) -> dict:
    """Everything the indicator chart draws, as JSON-ready data (see static/dashboards/charts.js).
    ``unapproved``: the years whose value is not approved (drawn "chưa duyệt", only with the
    latest-values switch); ``words``: year → the value in words for a yes/no, option or rank
    indicator."""
    ind = item.indicator
    actual = [[o.year, o.value, str(o.status)] for o in item.series]
    return {
        "name": item.indicator.name,
        "unit": item.indicator.unit or "",
        "years": list(range(min([plan.base_year, *item.series.years()]),
                            max([plan.final_year, *item.series.years()]) + 1)),
        "actual": actual,
        "band": target_band(item, plan),
        "unapproved": [o.year for o in item.series if (ind.code, o.year) in unapproved],
        "words": {str(o.year): w for o in item.series if (w := in_words(ind, o.value)) is not None},
        "labels": {
            "actual": _("Thực hiện"),
            "low": _("Mục tiêu (mức thấp)"),
            "high": _("Mục tiêu (mức cao)"),
            "estimate": _("ước"),
            "unapproved": _("chưa duyệt"),
        },
    }


# --- values table --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ValueRow:
    year: int
    value: str
    status: ValueStatus
    status_label: str
    workflow: str = ""  # the workflow state label, when the value comes from data entry
    used: bool = False  # whether this is the value the evaluation uses for that year


def value_rows(observations: Iterable[Observation], series: Series,
               workflow: dict[tuple[int, str], str] | None = None, indicator: Indicator | None = None) -> list[ValueRow]:
    """Every stored value of an indicator (all statuses), newest year first; ``used`` marks the
    one the series picked for its year."""
    rows = []
    for obs in sorted(observations, key=lambda o: (-o.year, o.status)):
        best = series.get(obs.year)
        rows.append(ValueRow(
            year=obs.year, value=value_text(indicator, obs.value) if indicator is not None and
            (indicator.kind is Kind.BOOLEAN or indicator.ordinal) else fmt(obs.value), status=ValueStatus(obs.status),
            status_label=value_status_label(ValueStatus(obs.status)),
            workflow=(workflow or {}).get((obs.year, str(obs.status)), ""),
            used=best is not None and best.status == obs.status and best.value == obs.value,
        ))
    return rows


# --- comparison across child units ----------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ComparisonRow:
    unit_code: str
    unit_name: str
    value: float | None
    value_text: str
    status: ValueStatus | None
    status_label: str
    share: str  # share of the parent's total, for summable indicators


@dataclass(frozen=True, slots=True)
class Comparison:
    indicator: Indicator
    year: int
    rows: tuple[ComparisonRow, ...]
    total: float | None
    total_text: str
    total_rule: str


def comparison(indicator: Indicator, year: int, children: Sequence[tuple[str, str, Series]],
               total: float | None, total_rule: str) -> Comparison:
    """The value of one indicator in ``year`` for each child unit, with the parent's total
    (computed by the caller with ``chitieu.core.rollup``)."""
    rows = []
    for code, name, series in children:
        obs = series.get(year)
        share = ""
        if obs is not None and total and indicator.aggregation == "sum":
            share = format_number(obs.value / total * 100, 1) + "%"
        rows.append(ComparisonRow(
            unit_code=code, unit_name=name, value=obs.value if obs else None, value_text=fmt(obs.value if obs else None),
            status=ValueStatus(obs.status) if obs else None,
            status_label=value_status_label(ValueStatus(obs.status)) if obs else "",
            share=share,
        ))
    return Comparison(indicator=indicator, year=year, rows=tuple(rows), total=total, total_text=fmt(total),
                      total_rule=total_rule)


def comparison_chart(comp: Comparison) -> dict:
    return {
        "name": comp.indicator.name,
        "unit": comp.indicator.unit or "",
        "year": comp.year,
        "units": [r.unit_name for r in comp.rows],
        "values": [r.value for r in comp.rows],
    }


# --- data-entry progress ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Progress:
    entered: int
    total: int
    state: str  # workflow state code
    state_label: str

    @property
    def percent(self) -> int:
        return round(self.entered * 100 / self.total) if self.total else 0

    @property
    def text(self) -> str:
        return _("%(entered)d/%(total)d chỉ tiêu đã nhập") % {"entered": self.entered, "total": self.total}
