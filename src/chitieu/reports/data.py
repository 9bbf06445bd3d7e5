"""What the report says, before any layout: a ``Plan`` and its evaluations turned into the rows,
sentences and chart series that the DOCX, the XLSX and the charts render.

Owns: ``ReportData`` and ``build_report_data`` (grouping by domain, numbering, the summary
"x/y chỉ tiêu đạt và vượt", the list of indicators not met, Phụ lục 1 as rows of text and
numbers, the next plan's key targets by domain, the series behind the charts). Nothing here
knows about python-docx or openpyxl, so the same data feeds every output format.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.core import evaluate as core_evaluate
from chitieu.core.evaluate import Evaluation, Status, span_index, summarize
from chitieu.core.indicators import DOMAIN_LABELS, Domain, Kind, PriceBasis
from chitieu.core.numbers import format_number
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import ValueStatus
from chitieu.core.targets import Form
from chitieu.reports.wording import (
    indicator_sentence,
    name_in_sentence,
    plan_period_phrase,
    span_text,
    value_cell,
    value_verb,
    with_unit,
)

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
INDEX_DECIMALS = 2
# Kinds whose growth index (bình quân/năm) the appendix shows: amounts, not rates or shares.
_INDEXED_KINDS = {Kind.FLOW, Kind.LEVEL, Kind.COUNT}


@dataclass(frozen=True, slots=True)
class AppendixRow:
    """One row of Phụ lục 1. ``role`` is "group" (I. KINH TẾ), "item" (a key indicator),
    "part" (a "Trong đó" part), or "note" (the "Trong đó:" line before several parts).
    ``numbers``/``indices`` carry the raw values behind ``values``/``comparisons`` (None where
    the cell is empty) for the spreadsheet."""

    role: str
    stt: str
    name: str
    unit: str = ""
    target: str = ""
    values: tuple[str, ...] = ()
    comparisons: tuple[str, ...] = ()
    verdict: str = ""
    depth: int = 0
    code: str | None = None
    numbers: tuple[float | None, ...] = ()
    indices: tuple[float | None, ...] = ()
    decimals: int = 1
    yes_no: bool = False  # the values are yes/no: the cells hold words ("Đạt chuẩn"), not 1/0


@dataclass(frozen=True, slots=True)
class Appendix:
    title: str
    subtitle: str
    target_header: str
    years: tuple[int, ...]
    year_headers: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    span_headers: tuple[str, ...]
    rows: tuple[AppendixRow, ...]

    @property
    def column_headers(self) -> tuple[str, ...]:
        """The flat header of the table (the second header row under the merged groups)."""
        return (
            "STT",
            "CHỈ TIÊU",
            "ĐVT",
            self.target_header,
            *self.year_headers,
            *self.span_headers,
            "Đánh giá",
        )


@dataclass(frozen=True, slots=True)
class DomainSection:
    domain: Domain
    label: str
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StructureSeries:
    """Shares (%) of the parts of the economy in two years, for the structure chart."""

    title: str
    years: tuple[int, int]
    parts: tuple[tuple[str, float, float], ...]  # (name, share in the first year, share in the second)


@dataclass(frozen=True, slots=True)
class GrowthBar:
    name: str
    rate: float  # achieved average growth, % per year
    low: float | None
    high: float | None
    met: bool


@dataclass(frozen=True, slots=True)
class ReportData:
    unit_name: str
    period: str  # "2021-2025"
    base_year: int
    final_year: int
    basis: str  # "Nghị quyết" or "kế hoạch": what the targets were set by
    source: str
    evaluated: int  # the key indicators judged (those without the data to judge are not counted)
    met: int
    summary: str
    missing_line: str  # "Chưa đủ số liệu để đánh giá 2 chỉ tiêu: a; b." or ""
    not_met: tuple[str, ...]
    missing_data: tuple[str, ...]
    sections: tuple[DomainSection, ...]
    next_period: str
    next_groups: tuple[tuple[str, tuple[str, ...]], ...]  # (domain label, target texts)
    appendix: Appendix
    structure: StructureSeries | None = None
    growth: tuple[GrowthBar, ...] = field(default_factory=tuple)


def evaluate_plan(plan: Plan) -> dict[str, Evaluation]:
    """The evaluations of ``chitieu.core.evaluate.evaluate_plan`` by indicator code, "Trong đó"
    parts with a target of their own included (their verdict is printed as the scorecard shows it)."""
    return {e.indicator.code: e for e in core_evaluate.evaluate_plan(plan, parts=True)}


def basis_of(plan: Plan) -> str:
    return "Nghị quyết" if "nghị quyết" in plan.source.lower() else "kế hoạch"


def _domains_in_order(items) -> list[Domain]:
    present = {item.indicator.domain for item in items}
    return [d for d in Domain if d in present]


def _value_years(plan: Plan) -> tuple[int, ...]:
    seen = set()
    for item, _ in plan.walk():
        seen.update(y for y in item.series.years() if plan.base_year < y < plan.final_year)
    return (plan.base_year, *sorted(seen), plan.final_year)


def _final_is_estimate(plan: Plan) -> bool:
    for item, _ in plan.walk():
        obs = item.series.get(plan.final_year)
        if obs is not None and obs.status is ValueStatus.ESTIMATE:
            return True
    return False


def _unit_cell(unit: str | None) -> str:
    if not unit:
        return ""
    return unit[0].upper() + unit[1:]


def _item_row(
    item: PlanItem,
    *,
    role: str,
    stt: str,
    name: str,
    depth: int,
    plan: Plan,
    years,
    spans,
    evaluation: Evaluation | None,
) -> AppendixRow:
    ind = item.indicator
    numbers = tuple(item.series.value(y) for y in years)
    values = tuple(value_cell(item, v) for v in numbers)
    indices: list[float | None] = []
    if ind.kind in _INDEXED_KINDS and ind.unit not in ("%", "‰") and item.value_is != "per_year_average":
        for a, b in spans:
            fig = span_index(item.series, a, b)
            indices.append(None if fig is None else fig.value)
    else:
        indices = [None] * len(spans)
    comparisons = tuple("" if x is None else format_number(x, INDEX_DECIMALS) for x in indices)
    return AppendixRow(
        role=role,
        stt=stt,
        name=name,
        unit=_unit_cell(ind.unit),
        target=item.target.phrase if item.target is not None else "",
        values=values,
        comparisons=comparisons,
        verdict=evaluation.label if evaluation is not None else "",
        depth=depth,
        code=ind.code,
        numbers=numbers,
        indices=tuple(indices),
        decimals=ind.decimals,
        yes_no=ind.kind is Kind.BOOLEAN,
    )


def build_appendix(plan: Plan, evaluations: dict[str, Evaluation]) -> Appendix:
    years = _value_years(plan)
    last_mid = [y for y in years[1:-1]]
    span_ends = ([last_mid[-1]] if last_mid else []) + [plan.final_year]
    spans = tuple((plan.base_year, y) for y in span_ends)
    estimate = _final_is_estimate(plan)
    year_headers = tuple((f"Ước {y}" if (y == plan.final_year and estimate) else str(y)) for y in years)
    # One year compared with the one before is not a "giai đoạn" ("Giai đoạn 2016-2016").
    span_headers = tuple(f"Giai đoạn {a + 1}-{b}" if b > a + 1 else f"Năm {b} so với {a}" for a, b in spans)
    blanks = ("",) * len(years)
    span_blanks = ("",) * len(spans)
    rows: list[AppendixRow] = []
    number = 0
    for g, domain in enumerate(_domains_in_order(plan.items)):
        rows.append(
            AppendixRow(
                "group",
                ROMAN[g],
                DOMAIN_LABELS[domain].upper(),
                values=blanks,
                comparisons=span_blanks,
                numbers=(None,) * len(years),
                indices=(None,) * len(spans),
            )
        )
        for item in (i for i in plan.items if i.indicator.domain is domain):
            number += 1
            rows.append(
                _item_row(
                    item,
                    role="item",
                    stt=str(number),
                    name=item.indicator.name,
                    depth=0,
                    plan=plan,
                    years=years,
                    spans=spans,
                    evaluation=evaluations.get(item.indicator.code),
                )
            )
            rows.extend(_part_rows(item, 1, plan, years, spans, evaluations))
    basis = basis_of(plan)
    subtitle = plan.source or (
        f"Kế hoạch phát triển kinh tế - xã hội {plan_period_phrase(plan.base_year + 1, plan.final_year)}"
    )
    return Appendix(
        title="Phụ lục 1. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
        subtitle=subtitle,
        target_header=f"Chỉ tiêu {basis}",
        years=years,
        year_headers=year_headers,
        spans=spans,
        span_headers=span_headers,
        rows=tuple(rows),
    )


def _part_rows(parent: PlanItem, depth: int, plan, years, spans, evaluations) -> list[AppendixRow]:
    if not parent.children:
        return []
    rows: list[AppendixRow] = []
    single = len(parent.children) == 1
    if not single:
        rows.append(
            AppendixRow(
                "note",
                "",
                "Trong đó:",
                values=("",) * len(years),
                comparisons=("",) * len(spans),
                depth=depth,
                numbers=(None,) * len(years),
                indices=(None,) * len(spans),
            )
        )
    for child in parent.children:
        name = (
            f"Trong đó: {child.indicator.name}"
            if single
            else f"{'-' if depth == 1 else '+'} {child.indicator.name}"
        )
        rows.append(
            _item_row(
                child,
                role="part",
                stt="",
                name=name,
                depth=depth,
                plan=plan,
                years=years,
                spans=spans,
                evaluation=evaluations.get(child.indicator.code),
            )
        )
        rows.extend(_part_rows(child, depth + 1, plan, years, spans, evaluations))
    return rows


def _value_sentence(item: PlanItem, plan: Plan) -> str | None:
    last = item.series.latest(plan.as_of)
    if last is None:
        return None
    ind = item.indicator
    estimate = last.status is ValueStatus.ESTIMATE
    if ind.kind is Kind.BOOLEAN:
        return f"{ind.name}: năm {last.year} {'ước ' if estimate else ''}{value_cell(item, last.value).lower()}."
    base = item.series.value(plan.base_year) if last.year > plan.base_year else None
    verb = value_verb(item, last.value, base, estimate=estimate)
    if verb.endswith("còn") and base is not None and last.value < base:
        verb = verb[: -len("còn")] + "giảm còn"
    return f"{ind.name} năm {last.year} {verb} {with_unit(last.value, ind.unit, ind.decimals)}."


def _structure(plan: Plan) -> StructureSeries | None:
    a, b = plan.base_year, plan.as_of or plan.final_year
    shares = [i for i, _ in plan.walk() if i.indicator.kind is Kind.SHARE]
    if len(shares) >= 2:
        parts = tuple((i.indicator.name, i.series.value(a), i.series.value(b)) for i in shares)
        parts = tuple(p for p in parts if p[1] is not None and p[2] is not None)
        if len(parts) >= 2:
            return StructureSeries("Cơ cấu kinh tế", (a, b), parts)
    sectors = [
        i
        for i in plan.items
        if i.indicator.domain is Domain.KINH_TE
        and i.indicator.kind is Kind.FLOW
        and i.indicator.price_basis is PriceBasis.CONSTANT
        and i.series.value(a) is not None
        and i.series.value(b) is not None
    ]
    if len(sectors) < 2:
        return None
    total_a = sum(i.series.value(a) for i in sectors)
    total_b = sum(i.series.value(b) for i in sectors)
    base_years = {i.indicator.price_base_year for i in sectors}
    basis = f" (giá so sánh {base_years.pop()})" if len(base_years) == 1 else ""
    parts = tuple(
        (i.indicator.name, i.series.value(a) / total_a * 100, i.series.value(b) / total_b * 100)
        for i in sectors
    )
    # Only the sectors the plan has: the title must not pass them off as the whole economy.
    return StructureSeries(f"Cơ cấu giá trị sản xuất của các ngành có trong kế hoạch{basis}", (a, b), parts)


def _growth_bars(plan: Plan, evaluations: dict[str, Evaluation]) -> tuple[GrowthBar, ...]:
    bars = []
    for item in plan.items:
        ev = evaluations.get(item.indicator.code)
        if ev is None or ev.target.form is not Form.GROWTH:
            continue
        cagr = ev.figure("cagr")
        if cagr is None:
            continue
        bars.append(
            GrowthBar(item.indicator.name, cagr.value, ev.target.bound.low, ev.target.bound.high, ev.met)
        )
    return tuple(bars)


def _reason_clause(evaluation: Evaluation) -> str:
    """The evaluation's reason as a clause: "bình quân 2021-2025 tăng 6,29%/năm, thấp hơn chỉ tiêu
    10-11%/năm." (the verdict the list already says is data of its own, not part of the clause)."""
    clause = evaluation.clause.strip() or evaluation.reason.strip()
    clause = clause[:1].lower() + clause[1:]
    return clause.rstrip(".") + "."


def build_report_data(plan: Plan, evaluations: dict[str, Evaluation] | None = None) -> ReportData:
    """Everything the report states about ``plan``; ``evaluations`` (by indicator code) default
    to ``evaluate_plan(plan)``."""
    if evaluations is None:
        evaluations = evaluate_plan(plan)
    basis = basis_of(plan)
    as_of = plan.as_of
    sections = []
    for domain in _domains_in_order(plan.items):
        sentences = []
        for item, _depth in plan.walk():
            if item.indicator.domain is not domain:
                continue
            ev = evaluations.get(item.indicator.code)
            if ev is not None and ev.status is Status.CHUA_DU_SO_LIEU:
                continue  # one line in the summary lists these, not one filler sentence each
            if ev is not None:
                sentences.append(
                    indicator_sentence(
                        item,
                        ev,
                        base_year=plan.base_year,
                        final_year=plan.final_year,
                        as_of=as_of,
                        basis=basis,
                    )
                )
            elif _depth == 0:
                s = _value_sentence(item, plan)
                if s:
                    sentences.append(s)
        sections.append(DomainSection(domain, DOMAIN_LABELS[domain], tuple(sentences)))

    # only key indicators count in the summary; parts are judged but not counted
    ordered = [evaluations[i.indicator.code] for i in plan.items if i.indicator.code in evaluations]
    counts = summarize(ordered)
    judged = counts.total - len(counts.no_data)  # "được đánh giá": only those with the data to judge
    not_met = tuple(
        f"{e.indicator.name}: {_reason_clause(e)}" for e in ordered
        if not e.met and e.status is not Status.CHUA_DU_SO_LIEU
    )
    period = span_text(plan.base_year + 1, plan.final_year)
    plan_words = f"kế hoạch giai đoạn {period}" if plan.final_year > plan.base_year + 1 else f"kế hoạch năm {period}"
    if judged:
        summary = (
            f"Trong tổng số {judged} chỉ tiêu chủ yếu của {plan_words} được đánh giá, "
            f"có {counts.met}/{judged} chỉ tiêu đạt và vượt {basis} (chi tiết tại Phụ lục 1 kèm theo)."
        )
    elif counts.total:
        summary = f"Chưa có chỉ tiêu chủ yếu nào của {plan_words} đủ số liệu để đánh giá (Phụ lục 1 kèm theo)."
    else:
        summary = (
            "Kế hoạch chưa có chỉ tiêu nào được giao mục tiêu để đánh giá (số liệu tại Phụ lục 1 kèm theo)."
        )
    missing_line = ""
    if counts.no_data:
        names = "; ".join(name_in_sentence(n) for n in counts.no_data)
        missing_line = f"Chưa đủ số liệu để đánh giá {len(counts.no_data)} chỉ tiêu: {names}."

    groups: dict[str, list[str]] = {}
    for nt in plan.next_targets:
        try:
            label = DOMAIN_LABELS[Domain(nt.domain)]
        except ValueError:
            label = nt.domain
        groups.setdefault(label, []).append(nt.text)
    order = [DOMAIN_LABELS[d] for d in Domain]
    next_groups = tuple(
        sorted(
            ((k, tuple(v)) for k, v in groups.items()),
            key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order),
        )
    )
    return ReportData(
        unit_name=plan.unit_name,
        period=plan.period,
        base_year=plan.base_year,
        final_year=plan.final_year,
        basis=basis,
        source=plan.source,
        evaluated=judged,
        met=counts.met,
        summary=summary,
        missing_line=missing_line,
        not_met=not_met,
        missing_data=counts.no_data,
        sections=tuple(sections),
        next_period=plan.next_period,
        next_groups=next_groups,
        appendix=build_appendix(plan, evaluations),
        structure=_structure(plan),
        growth=_growth_bars(plan, evaluations),
    )
