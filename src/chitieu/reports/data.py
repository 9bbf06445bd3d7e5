"""What the report says, before any layout: a ``Plan`` and its evaluations turned into the rows,
sentences and chart series that the DOCX, the XLSX and the charts render.

Owns: ``ReportData`` and ``build_report_data`` (grouping by domain, numbering, the summary
"x/y chỉ tiêu đạt và vượt", the list of indicators not met, Phụ lục 1 as rows of text and
numbers, the next plan's key targets by domain, the series behind the charts). Nothing here
knows about python-docx or openpyxl, so the same data feeds every output format.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from chitieu.core import evaluate as core_evaluate
from chitieu.core.evaluate import Evaluation, Status, span_index, summarize
from chitieu.core.indicators import DOMAIN_LABELS, Domain, Kind, PriceBasis
from chitieu.core.numbers import format_number
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import ValueStatus
from chitieu.core.targets import Form
from chitieu.reports.calculations import calculation_table, discrepancy_lines, party_table, value_note
from chitieu.reports.outlook import next_targets_table
from chitieu.reports.variants import (
    Table,
    Variant,
    annual_table,
    choose_variant,
    latest_year,
    previous_term_clause,
    projection_clause,
    rolled_up_plan,
    ward_table,
)
from chitieu.reports.wording import (
    basis_from_source,
    indicator_sentence,
    level_edges,
    name_in_sentence,
    plan_period_phrase,
    show,
    span_text,
    value_cell,
    value_decimals,
    value_verb,
    value_with_unit,
    widen_for,
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
    decimals: int = 1  # the indicator's ``places``: what a computed cell of the row is printed at
    yes_no: bool = False  # the values are yes/no: the cells hold words ("Đạt chuẩn"), not 1/0
    cell_decimals: tuple[int, ...] = ()  # per value, the decimals it is printed with (wording.value_decimals)
    # the columns after "So sánh" (Appendix.extra_headers): the mid-term projection to the term's end
    extras: tuple[str, ...] = ()
    extra_numbers: tuple[float | None, ...] = ()
    extra_decimals: tuple[int, ...] = ()


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
    extra_headers: tuple[str, ...] = ()  # "Dự báo năm 2025" of a mid-term report
    notes: tuple[str, ...] = ()  # what the extra columns mean, under the table

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
            *self.extra_headers,
            "Đánh giá",
        )


@dataclass(frozen=True, slots=True)
class DomainSection:
    domain: Domain
    label: str
    sentences: tuple[str, ...]
    pending: str = ""  # "Nhiệm vụ được giao chưa hoàn thành (2): …" or ""
    notes: tuple[str, ...] = ()  # per sentence, its footnote (the figure's breakdown) or ""


@dataclass(frozen=True, slots=True)
class PendingTask:
    """A task given to the unit and not yet done (``chitieu.core.tasks``), as the report lists it
    under the domain of the indicators it serves."""

    title: str
    status: str  # the status label: "Đang thực hiện — quá hạn"
    deadline: date | None = None  # None: thường xuyên
    days_overdue: int = 0

    def text(self) -> str:
        if self.days_overdue > 0:
            when = f"quá hạn {self.days_overdue} ngày, hạn {self.deadline:%d/%m/%Y}"
        elif self.deadline is not None:
            when = f"hạn {self.deadline:%d/%m/%Y}"
        else:
            when = "thường xuyên"
        state = self.status.split(" — ")[0].lower()
        return f"{self.title} ({state}, {when})"


def pending_line(tasks) -> str:
    """``Nhiệm vụ được giao chưa hoàn thành (2): A (đang thực hiện, quá hạn 12 ngày, …); B (…).``"""
    if not tasks:
        return ""
    return f"Nhiệm vụ được giao chưa hoàn thành ({len(tasks)}): " + "; ".join(t.text() for t in tasks) + "."


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
    variant: str = "term"  # variants.Variant
    value_note: str = ""  # the footnote: estimates, preliminary and unapproved figures
    discrepancies: tuple[str, ...] = ()  # what the evaluation finds the source contradicting
    # the appendices after Phụ lục 1 (or instead of it, for the annual table): Phụ lục 2, the wards
    tables: tuple = ()
    calculations: object = None  # variants.Table: how every figure was computed
    data_year: int | None = None  # the last year with data (≤ as_of): what the growth figures cover
    ward_line: str = ""  # a town roll-up: where the wards' table is
    other_pending: str = ""  # tasks not yet done serving no indicator of the report's domains
    next_table_line: str = ""  # Phần thứ hai: where the next targets' table is


def evaluate_plan(plan: Plan) -> dict[str, Evaluation]:
    """The evaluations of ``chitieu.core.evaluate.evaluate_plan`` by indicator code, "Trong đó"
    parts with a target of their own included (their verdict is printed as the scorecard shows it)."""
    return {e.indicator.code: e for e in core_evaluate.evaluate_plan(plan, parts=True)}


def basis_of(plan: Plan) -> str:
    """The plan's own basis from its ``source`` (``wording.basis_from_source``): "Nghị quyết"
    (the Party congress), "Nghị quyết HĐND", "kế hoạch giao", "dự toán", else "kế hoạch"."""
    return basis_from_source(plan.source)


def item_basis(item: PlanItem, plan: Plan, evaluation: Evaluation | None, sources=None) -> str:
    """What set this indicator's target, as the sentence names it (``wording.BASIS_NOUNS``):
    the document of its assigned figures (core's ``Evaluation.assigned``), else its own target
    source (``sources[code]``, or a plan item's ``target_source`` when core has one), else
    the plan's (``basis_of``)."""
    assigned = getattr(evaluation, "assigned", ()) if evaluation is not None else ()
    if assigned:
        text = " ".join(f"{a.source.kind} {a.source.text}" for a in assigned).lower()
        return "dự toán" if "dự toán" in text else "chỉ tiêu giao"
    own = (sources or {}).get(item.indicator.code) or getattr(item, "target_source", "")
    if own:
        return basis_from_source(own)
    return basis_of(plan)


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
    projection: bool = False,
) -> AppendixRow:
    ind = item.indicator
    numbers = tuple(item.series.value(y) for y in years)
    values = tuple(value_cell(item, v) for v in numbers)
    edges = level_edges(item)
    cell_decimals = tuple(0 if v is None else value_decimals(v, ind.decimals, edges) for v in numbers)
    indices: list[float | None] = []
    if ind.kind in _INDEXED_KINDS and ind.unit not in ("%", "‰") and item.value_is != "per_year_average":
        for a, b in spans:
            fig = span_index(item.series, a, b)
            indices.append(None if fig is None else fig.value)
    else:
        indices = [None] * len(spans)
    comparisons = tuple("" if x is None else format_number(x, INDEX_DECIMALS) for x in indices)
    extras: tuple[str, ...] = ()
    extra_numbers: tuple[float | None, ...] = ()
    extra_decimals: tuple[int, ...] = ()
    if projection:
        extras, extra_numbers, extra_decimals = ("",), (None,), (0,)
        forecast = evaluation.forecast if evaluation is not None else None
        if forecast is not None and ind.kind is not Kind.BOOLEAN and not ind.ordinal:
            # as many decimals as the row's values print with, widened so it stands on the side
            # of the bound it was judged on ("dự kiến đạt" / "có nguy cơ không đạt")
            shown = max((d for d, v in zip(cell_decimals, numbers, strict=True) if v is not None), default=1)
            d = widen_for(forecast.projected, shown, edges)
            extras = (show(forecast.projected, d),)
            extra_numbers, extra_decimals = (forecast.projected,), (d,)
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
        decimals=ind.places,
        yes_no=ind.kind is Kind.BOOLEAN,
        cell_decimals=cell_decimals,
        extras=extras,
        extra_numbers=extra_numbers,
        extra_decimals=extra_decimals,
    )


def previous_term_span(plan: Plan) -> tuple[int, int] | None:
    """The previous term as (its base year, its final year = this plan's base year), when some
    indicator's values reach back to it so that its average growth can be computed."""
    length = plan.final_year - plan.base_year
    if length < 2:
        return None
    start = plan.base_year - length
    for item, _ in plan.walk():
        if (item.indicator.kind in _INDEXED_KINDS and item.indicator.unit not in ("%", "‰")
                and span_index(item.series, start, plan.base_year) is not None):
            return start, plan.base_year
    return None


def build_appendix(plan: Plan, evaluations: dict[str, Evaluation], *, exclude_party: bool = False,
                   variant: str | None = None) -> Appendix:
    """Phụ lục 1; with ``exclude_party`` the party-building indicators are left to Phụ lục 2.
    A term report (``variant``) adds the previous term's average growth where the values reach
    back to it (``previous_term_span``); a mid-term report the projection to the term's end
    (core's ``Forecast`` of each evaluation)."""
    years = _value_years(plan)
    last_mid = [y for y in years[1:-1]]
    span_ends = ([last_mid[-1]] if last_mid else []) + [plan.final_year]
    spans = tuple((plan.base_year, y) for y in span_ends)
    previous = previous_term_span(plan) if variant in (Variant.TERM, Variant.TOWN) else None
    if previous is not None:
        spans = (previous, *spans)
    projection = variant == Variant.MID_TERM
    extra_headers = (f"Dự báo năm {plan.final_year}",) if projection else ()
    estimate = _final_is_estimate(plan)
    year_headers = tuple((f"Ước {y}" if (y == plan.final_year and estimate) else str(y)) for y in years)
    # One year compared with the one before is not a "giai đoạn" ("Giai đoạn 2016-2016").
    span_headers = tuple(f"Giai đoạn {a + 1}-{b}" if b > a + 1 else f"Năm {b} so với {a}" for a, b in spans)
    if previous is not None:
        span_headers = (f"{span_headers[0]} (nhiệm kỳ trước)", *span_headers[1:])
    notes = []
    if previous is not None:
        notes.append(f"Cột “{span_headers[0]}” là chỉ số phát triển bình quân năm của nhiệm kỳ trước, "
                     f"tính từ số liệu năm {previous[0]} đến năm {previous[1]}.")
    if projection:
        notes.append(f"Cột “{extra_headers[0]}” là giá trị ước đến cuối kỳ nếu giữ tốc độ bình quân đã đạt "
                     f"(tỷ lệ: mức tăng, giảm bình quân mỗi năm).")
    blanks = ("",) * len(years)
    span_blanks = ("",) * len(spans)
    rows: list[AppendixRow] = []
    number = 0
    domains = [d for d in _domains_in_order(plan.items) if not (exclude_party and d is Domain.XAY_DUNG_DANG)]
    for g, domain in enumerate(domains):
        rows.append(
            AppendixRow(
                "group",
                ROMAN[g],
                DOMAIN_LABELS[domain].upper(),
                values=blanks,
                comparisons=span_blanks,
                numbers=(None,) * len(years),
                indices=(None,) * len(spans),
                extras=("",) * len(extra_headers),
                extra_numbers=(None,) * len(extra_headers),
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
                    projection=projection,
                )
            )
            rows.extend(_part_rows(item, 1, plan, years, spans, evaluations, projection))
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
        extra_headers=extra_headers,
        notes=tuple(notes),
    )


def _part_rows(parent: PlanItem, depth: int, plan, years, spans, evaluations, projection=False) -> list[AppendixRow]:
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
                extras=("",) * projection,
                extra_numbers=(None,) * projection,
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
                projection=projection,
            )
        )
        rows.extend(_part_rows(child, depth + 1, plan, years, spans, evaluations, projection))
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
    return f"{ind.name} năm {last.year} {verb} {value_with_unit(item, last.value)}."


def breakdown_note(item: PlanItem, year: int | None, base_year: int | None = None) -> str:
    """The footnote of a figure whose indicator has parts, as the seeds write it ("Trong đó:
    Ngành Thương mại - Dịch vụ ước đạt 341,5 tỷ đồng, tăng bình quân hàng năm 19,2%; …"): each
    part's value in the sentence's ``year`` from the data, its share of the total when the parts
    make it up (``breakdown``) in the total's unit, and its average growth since ``base_year``
    for an amount: "Trong đó (năm 2025): Công nghiệp ước đạt 735 tỷ đồng (chiếm 77,9%), tăng
    bình quân hàng năm 6,52%; …". "" when no part has a value that year."""
    if year is None or not item.children:
        return ""
    total = item.series.get(year)
    parts = []
    for child in item.children:
        obs = child.series.get(year)
        if obs is None:
            continue
        ind = child.indicator
        if ind.kind is Kind.BOOLEAN or ind.ordinal:
            text = f"{ind.name}: {value_cell(child, obs.value).lower()}"
        else:
            base = child.series.value(item_base_year(child, year))
            verb = value_verb(child, obs.value, base, estimate=obs.status is ValueStatus.ESTIMATE)
            text = f"{ind.name} {verb} {value_with_unit(child, obs.value)}"
            if (item.breakdown and total is not None and total.value > 0 and ind.unit == item.indicator.unit
                    and ind.unit not in ("%", "‰")):
                text += f" (chiếm {show(100.0 * obs.value / total.value, 1)}%)"
            growth = (span_index(child.series, base_year, year)
                      if base_year is not None and ind.kind in _INDEXED_KINDS and ind.unit not in ("%", "‰")
                      else None)
            if growth is not None:
                rate = growth.value - 100.0
                word = "tăng" if rate >= 0 else "giảm"
                text += f", {word} bình quân hàng năm {format_number(abs(rate), INDEX_DECIMALS)}%"
        parts.append(text)
    if not parts:
        return ""
    return f"Trong đó (năm {year}): " + "; ".join(parts) + "."


def item_base_year(item: PlanItem, year: int) -> int:
    """The year before ``year`` with a value (for the verb "còn" / "là" of a part)."""
    earlier = [y for y in item.series.years() if y < year]
    return max(earlier) if earlier else year


# A total whose parts are the economy's sectors: its production value, not a budget or sales.
_PRODUCTION_WORDS = ("giá trị sản xuất", "giá trị sản phẩm", "grdp", "gtsx", "giá trị tăng thêm")


def _structure(plan: Plan) -> StructureSeries | None:
    """The structure chart: shares of every sector, at current prices (a structure is never
    computed at constant prices), in the base and the latest year. From a structure target's
    parts (shares, or current-price values), else from the plan's share indicators, else from a
    current-price total whose parts make it up (``breakdown``). None when the plan has no such
    complete set: a chart of some sectors would pass them off as the economy."""
    a, b = plan.base_year, plan.as_of or plan.final_year

    def shares_of(children, title) -> StructureSeries | None:
        if len(children) < 2:
            return None
        if not all(c.indicator.kind is Kind.SHARE or c.indicator.price_basis is PriceBasis.CURRENT for c in children):
            return None
        first = [c.series.value(a) for c in children]
        last_year = max((y for y in set.intersection(*(set(c.series.years()) for c in children)) if a < y <= b),
                        default=None)
        if last_year is None or any(v is None for v in first):
            return None
        second = [c.series.value(last_year) for c in children]
        t1, t2 = sum(first), sum(second)
        if not t1 or not t2:
            return None
        parts = tuple((c.indicator.name, 100 * x / t1, 100 * y / t2)
                      for c, x, y in zip(children, first, second, strict=True))
        return StructureSeries(title, (a, last_year), parts)

    for item, _ in plan.walk():
        if item.target is not None and item.target.form is Form.STRUCTURE:
            found = shares_of(item.children, f"{item.indicator.name} (giá hiện hành)")
            if found is not None:
                return found
    shares = [i for i, _ in plan.walk() if i.indicator.kind is Kind.SHARE]
    found = shares_of(shares, "Cơ cấu kinh tế (giá hiện hành)")
    if found is not None:
        return found
    for item, _ in plan.walk():
        if (item.breakdown and item.indicator.domain is Domain.KINH_TE
                and item.indicator.price_basis is PriceBasis.CURRENT and item.indicator.kind is Kind.FLOW
                and any(w in item.indicator.name.lower() for w in _PRODUCTION_WORDS)):
            found = shares_of(item.children, f"Cơ cấu {item.indicator.name[:1].lower()}{item.indicator.name[1:]} (giá hiện hành)")
            if found is not None:
                return found
    return None


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


_CLAUSE_VERB = re.compile(r"^(năm \d{4} )(ước )?đạt (?=\d)")


def _reason_clause(evaluation: Evaluation, item: PlanItem | None = None, as_of: int | None = None,
                   base_year: int | None = None) -> str:
    """The evaluation's reason as a clause: "bình quân 2021-2025 tăng 6,29%/năm, thấp hơn chỉ tiêu
    10-11%/năm." (the verdict the list already says is data of its own, not part of the clause).
    The verb of a value is the register's (``wording.value_verb``): "năm 2025 ước còn 41 hộ" for
    what should fall, never "ước đạt 41 hộ"."""
    clause = evaluation.clause.strip() or evaluation.reason.strip()
    clause = clause[:1].lower() + clause[1:]
    last = item.series.latest(as_of) if item is not None else None
    if last is not None and _CLAUSE_VERB.match(clause):
        base = item.series.value(base_year) if base_year is not None and last.year > base_year else None
        verb = value_verb(item, last.value, base, estimate=last.status is ValueStatus.ESTIMATE)
        clause = _CLAUSE_VERB.sub(lambda m: f"{m.group(1)}{verb} ", clause, count=1)
    return clause.rstrip(".") + "."


def _sentence_note(item: PlanItem, evaluation: Evaluation | None, as_of: int | None, base_year: int) -> str:
    """The breakdown footnote of a sentence about ``item`` (``breakdown_note``), for the year the
    sentence states; none for a structure (its sentence lists its shares already)."""
    if evaluation is not None and evaluation.target.form is Form.STRUCTURE:
        return ""
    last = item.series.latest(as_of)
    return breakdown_note(item, last.year if last is not None else None, base_year)


@dataclass(frozen=True)
class ReportOptions:
    """How the report is built beyond the plan: the ``variant`` ("auto": ``variants.choose_variant``),
    the date of issue, per-indicator target sources (code → document, e.g. "Nghị quyết HĐND
    phường số 12/NQ-HĐND", "dự toán giao"), the values not yet approved as (code, year) when the
    report is built from the latest values (None: built from approved values or a plan file),
    and the wards' plans of a town roll-up."""

    variant: str = "auto"
    issued: date | None = None
    target_sources: Mapping[str, str] = field(default_factory=dict)
    unapproved: frozenset | None = None
    wards: tuple[Plan, ...] = ()
    # the tasks given to the unit not yet done, by domain value ("" for those serving no indicator)
    pending_tasks: Mapping[str, tuple[PendingTask, ...]] = field(default_factory=dict)


def _other_pending(pending: Mapping[str, tuple[PendingTask, ...]], sections) -> str:
    """The tasks not yet done whose domain has no section in the report (or that serve no
    indicator), once each: "Nhiệm vụ được giao chưa hoàn thành (1): …"."""
    shown = {section.domain.value for section in sections}
    seen, rest = set(), []
    for domain, tasks in pending.items():
        if domain in shown:
            continue
        for task in tasks:
            if task not in seen:
                seen.add(task)
                rest.append(task)
    return pending_line(rest)


def build_report_data(
    plan: Plan, evaluations: dict[str, Evaluation] | None = None, options: ReportOptions | None = None
) -> ReportData:
    """Everything the report states about ``plan``; ``evaluations`` (by indicator code) default
    to ``evaluate_plan(plan)`` (for a town roll-up: of the plan with the wards' values combined)."""
    options = options or ReportOptions()
    variant = Variant(options.variant) if options.variant != "auto" else choose_variant(
        plan, options.issued, wards=options.wards)
    if options.wards:
        plan = rolled_up_plan(plan, options.wards)
        if evaluations is None:
            evaluations = evaluate_plan(plan)
    if evaluations is None:
        evaluations = evaluate_plan(plan)
    sources = options.target_sources
    bases = {
        item.indicator.code: item_basis(item, plan, evaluations.get(item.indicator.code), sources)
        for item, _ in plan.walk()
    }
    plan_basis = basis_of(plan)
    key_bases = {bases[i.indicator.code] for i in plan.items if i.indicator.code in evaluations}
    basis = key_bases.pop() if len(key_bases) == 1 else (plan_basis if not key_bases else "chỉ tiêu đề ra")
    as_of = plan.as_of
    sections = []
    for domain in _domains_in_order(plan.items):
        sentences, notes = [], []
        for item, _depth in plan.walk():
            if item.indicator.domain is not domain:
                continue
            ev = evaluations.get(item.indicator.code)
            if ev is not None and ev.status is Status.CHUA_DU_SO_LIEU:
                continue  # one line in the summary lists these, not one filler sentence each
            if ev is not None:
                sentence = indicator_sentence(
                    item,
                    ev,
                    base_year=plan.base_year,
                    final_year=plan.final_year,
                    as_of=as_of,
                    basis=bases[item.indicator.code],
                )
                extra = ""
                if variant is Variant.MID_TERM:
                    extra = projection_clause(ev)
                elif variant in (Variant.TERM, Variant.TOWN):
                    extra = previous_term_clause(item, plan, ev)
                if extra:
                    sentence = f"{sentence[:-1]}; {extra}."
                sentences.append(sentence)
                notes.append(_sentence_note(item, ev, as_of, plan.base_year))
            elif _depth == 0:
                s = _value_sentence(item, plan)
                if s:
                    sentences.append(s)
                    notes.append(_sentence_note(item, None, as_of, plan.base_year))
        sections.append(DomainSection(domain, DOMAIN_LABELS[domain], tuple(sentences),
                                      pending_line(options.pending_tasks.get(domain.value, ())), tuple(notes)))

    # only key indicators count in the summary; parts are judged but not counted
    ordered = [evaluations[i.indicator.code] for i in plan.items if i.indicator.code in evaluations]
    counts = summarize(ordered)
    judged = counts.total - len(counts.no_data)  # "được đánh giá": only those with the data to judge
    key_items = {i.indicator.code: i for i in plan.items}
    not_met = tuple(
        f"{e.indicator.name}: {_reason_clause(e, key_items.get(e.indicator.code), as_of, plan.base_year)}"
        for e in ordered if not e.met and e.status is not Status.CHUA_DU_SO_LIEU
    )
    period = span_text(plan.base_year + 1, plan.final_year)
    plan_words = f"kế hoạch giai đoạn {period}" if plan.final_year > plan.base_year + 1 else f"kế hoạch năm {period}"
    met_words = "đạt tiến độ" if variant is Variant.MID_TERM else "đạt và vượt"
    if judged:
        summary = (
            f"Trong tổng số {judged} chỉ tiêu chủ yếu của {plan_words} được đánh giá, "
            f"có {counts.met}/{judged} chỉ tiêu {met_words} {basis} (chi tiết tại Phụ lục 1 kèm theo)."
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
    issued = options.issued or date.today()
    party = party_table(plan, evaluations)
    appendix = build_appendix(plan, evaluations, exclude_party=party is not None, variant=variant)
    extra_tables: list[Table] = []
    if variant is Variant.ANNUAL:
        extra_tables.append(annual_table(plan, evaluations))
    if party is not None:
        extra_tables.append(party)
    ward_line = ""
    if variant is Variant.TOWN:
        year = as_of or plan.final_year
        extra_tables.append(ward_table(plan, options.wards, year))
        ward_line = (f"Kết quả thực hiện các chỉ tiêu chủ yếu năm {year} của từng đơn vị ({len(options.wards)} đơn vị) "
                     f"tại Phụ lục {len(extra_tables) + 1} kèm theo.")
    next_table_line = ""
    outlook = next_targets_table(plan, evaluations) if variant in (Variant.TERM, Variant.ANNUAL, Variant.TOWN) else None
    if outlook is not None:
        extra_tables.append(outlook)
        # the annual table is Phụ lục 1 itself; otherwise Phụ lục 1 comes before these tables
        number = len(extra_tables) + (0 if variant is Variant.ANNUAL else 1)
        done = as_of or plan.final_year
        past = f"giai đoạn {plan.base_year + 1}-{done}" if done > plan.base_year + 1 else f"năm {done}"
        next_table_line = (f"Mức tăng bình quân mỗi năm cần đạt để thực hiện các chỉ tiêu, so với mức đã đạt "
                           f"{past}, tại Phụ lục {number} kèm theo.")
    calc = calculation_table(plan, evaluations, issued=issued, unapproved=options.unapproved)
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
        appendix=appendix,
        structure=_structure(plan),
        growth=_growth_bars(plan, evaluations),
        variant=variant,
        value_note=value_note(plan, options.unapproved),
        discrepancies=discrepancy_lines(plan, evaluations),
        tables=tuple(extra_tables),
        calculations=calc,
        data_year=latest_year(plan),
        ward_line=ward_line,
        other_pending=_other_pending(options.pending_tasks, sections),
        next_table_line=next_table_line,
    )
