"""The report variants offices write, chosen from the plan and the report date, and the tables
that only some of them carry.

Owns: ``Variant`` and ``choose_variant`` (annual: a one-year plan; mid-term: the latest data
is before the final year; term: the final year is reached; town: a roll-up of the wards'
plans), ``Table`` (a generic appendix table of text cells the DOCX renders), and the tables:

- the **annual** table of ND 09/2019's practice and the seeds': TH năm N−1 | KH năm N |
  ƯTH năm N | % KH | % cùng kỳ (``annual_table``);
- the **ward** table of a town roll-up: a column per ward and the town's column combined by the
  indicator's rule through ``chitieu.core.rollup.combine`` (each ward's series already runs
  through its merger, ``planfile``), and ``rolled_up_plan``: the town's plan with the combined
  series where the town has no values of its own (``ward_table``);
- the **term**'s comparison with the previous term (``previous_term_clause``) and the
  **mid-term** projection (``projection_clause``).

Nothing here knows python-docx; every number goes through ``wording``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum

from chitieu.core.evaluate import Evaluation, span_index
from chitieu.core.indicators import Kind
from chitieu.core.numbers import format_number
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.rollup import RollupError, combine
from chitieu.core.series import Series, ValueStatus
from chitieu.core.targets import Form, Op
from chitieu.reports.wording import is_percent, percent_of_plan_text, show_value, target_short, value_cell

INDEX_DECIMALS = 2


class Variant(StrEnum):
    ANNUAL = "annual"
    MID_TERM = "mid-term"
    TERM = "term"
    TOWN = "town"


VARIANT_LABELS = {
    Variant.ANNUAL: "Báo cáo năm (TH năm trước, KH, ƯTH năm, % KH, % cùng kỳ)",
    Variant.MID_TERM: "Báo cáo giữa kỳ (tiến độ, dự báo đến cuối kỳ)",
    Variant.TERM: "Báo cáo cả nhiệm kỳ (5 năm, bình quân, so với nhiệm kỳ trước)",
    Variant.TOWN: "Báo cáo tổng hợp toàn thị xã/huyện (bảng theo từng xã, phường)",
}


def latest_year(plan: Plan) -> int | None:
    """The last year the plan's key indicators have a value for (up to ``as_of``)."""
    years = [o.year for item, _ in plan.walk() for o in item.series if plan.as_of is None or o.year <= plan.as_of]
    return max(years) if years else None


def choose_variant(plan: Plan, issued: date | None = None, *, wards: tuple = ()) -> Variant:
    """The variant the office would write: the town roll-up when wards are given; annual for a
    one-year plan; mid-term when the data (``as_of``, else the latest value, else the report
    date) stops before the final year; the term report otherwise."""
    if wards:
        return Variant.TOWN
    if plan.final_year - plan.base_year == 1:
        return Variant.ANNUAL
    year = plan.as_of or latest_year(plan) or (issued.year if issued else plan.final_year)
    if issued is not None and issued.year < plan.final_year:
        year = min(year, issued.year)
    return Variant.MID_TERM if year < plan.final_year else Variant.TERM


@dataclass(frozen=True, slots=True)
class Table:
    """An appendix table of text cells: ``rows`` of cells with a ``role`` each ("group" for
    "I. KINH TẾ" across the row, "item", "part" in italics); ``widths`` relative; cells from
    ``numbers_from`` on are right-aligned numbers."""

    title: str
    subtitle: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    roles: tuple[str, ...]
    widths: tuple[float, ...]
    numbers_from: int = 3
    note: str = ""
    landscape: bool = True
    header_groups: tuple[tuple[str, int], ...] = field(default_factory=tuple)  # (label, columns) above


def _unit(item: PlanItem) -> str:
    u = item.indicator.unit or ""
    return u[:1].upper() + u[1:]


def _cell(item: PlanItem, obs) -> str:
    return "" if obs is None else value_cell(item, obs.value)


def plan_figure(item: PlanItem, evaluation: Evaluation | None) -> tuple[str, float | None]:
    """KH năm N as the annual table prints it: the assigned figure when there is one, else a
    level target's number ("85"), else the target in short ("tăng 8-9%")."""
    assigned = getattr(evaluation, "assigned", ()) if evaluation is not None else ()
    if assigned:
        a = assigned[-1]
        return show_value(item, a.value), a.value
    t = item.target
    if t is None:
        return "", None
    if t.form is Form.LEVEL and t.bound.op in (Op.EQ, Op.GE, Op.GT) and t.bound.low is not None:
        return show_value(item, t.bound.low), t.bound.low
    if t.form is Form.QUALITATIVE or t.bound.op is Op.QUALITATIVE:
        return t.phrase, None  # a cell of its own: as the plan writes it ("Giữ vững …")
    return target_short(t), None


def annual_table(plan: Plan, evaluations: dict[str, Evaluation]) -> Table:
    """TH năm N−1 | KH năm N | ƯTH năm N | % KH | % cùng kỳ | Đánh giá, one row per indicator
    (parts in italics). % KH is the evaluation's ``percent_of_plan`` (as judged) or the value
    against the plan's number; % cùng kỳ the year's index (``span_index``), for amounts only."""
    from chitieu.core.indicators import DOMAIN_LABELS, Domain

    prev, year = plan.base_year, plan.final_year
    final_obs = [item.series.get(year) for item, _ in plan.walk()]
    estimate = any(o is not None and o.status is ValueStatus.ESTIMATE for o in final_obs)
    header = ("STT", "CHỈ TIÊU", "ĐVT", f"TH năm {prev}", f"KH năm {year}",
              f"{'ƯTH' if estimate else 'TH'} năm {year}", "% KH", "% cùng kỳ", "Đánh giá")
    rows, roles = [], []
    number = 0
    roman = ("I", "II", "III", "IV", "V", "VI", "VII")
    domains = [d for d in Domain if any(i.indicator.domain is d for i in plan.items)]
    for g, domain in enumerate(domains):
        rows.append((roman[g], DOMAIN_LABELS[domain].upper(), *("",) * 7))
        roles.append("group")
        for top in (i for i in plan.items if i.indicator.domain is domain):
            number += 1
            stack = [(top, 0)]
            while stack:
                item, depth = stack.pop()
                ev = evaluations.get(item.indicator.code)
                kh_text, kh = plan_figure(item, ev)
                now = item.series.get(year)
                pct = ev.figure("percent_of_plan") if ev is not None else None
                if pct is not None:
                    pct_text = percent_of_plan_text(pct.value, pct.decimals)
                elif kh and now is not None and not is_percent(item.indicator.unit) and item.indicator.kind not in (
                        Kind.BOOLEAN, Kind.GROWTH_RATE):
                    pct_text = format_number(100.0 * now.value / kh, 1)
                else:
                    pct_text = ""
                same = ""
                if item.indicator.kind in (Kind.FLOW, Kind.LEVEL, Kind.COUNT) and not is_percent(item.indicator.unit):
                    fig = span_index(item.series, prev, year)
                    same = "" if fig is None else format_number(fig.value, INDEX_DECIMALS)
                name = item.indicator.name if depth == 0 else f"{'-' if depth == 1 else '+'} {item.indicator.name}"
                rows.append((str(number) if depth == 0 else "", name, _unit(item), _cell(item, item.series.get(prev)),
                             kh_text, _cell(item, now), pct_text, same, ev.label if ev is not None else ""))
                roles.append("item" if depth == 0 else "part")
                stack.extend((c, depth + 1) for c in reversed(item.children))
    return Table(
        title=f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM {year}",
        subtitle=plan.source or f"Kế hoạch phát triển kinh tế - xã hội năm {year}",
        header=header,
        rows=tuple(rows),
        roles=tuple(roles),
        widths=(1.0, 6.5, 2.0, 2.2, 2.6, 2.2, 1.7, 1.9, 2.2),
        note=(f"Ghi chú: “% KH” là số thực hiện năm {year} so với kế hoạch năm {year}; “% cùng kỳ” là số thực hiện "
              f"năm {year} so với năm {prev} (năm {prev} = 100), chỉ tính cho các chỉ tiêu về lượng."),
    )


def previous_term_clause(item: PlanItem, plan: Plan, evaluation: Evaluation) -> str:
    """The term report's comparison with the previous term, when the series reaches back to it:
    "(giai đoạn 2016-2020: tăng bình quân 12,35%/năm)" for a growth target."""
    if evaluation.target.form is not Form.GROWTH or item.indicator.kind is Kind.GROWTH_RATE:
        return ""
    length = plan.final_year - plan.base_year
    start = plan.base_year - length
    fig = span_index(item.series, start, plan.base_year)
    if fig is None:
        return ""
    rate = fig.value - 100.0
    word = "tăng" if rate >= 0 else "giảm"
    return f"giai đoạn {start + 1}-{plan.base_year} {word} bình quân {format_number(abs(rate), INDEX_DECIMALS)}%/năm"


def projection_clause(evaluation: Evaluation) -> str:
    """The mid-term projection to the term's end (core's ``Forecast``): its sentence, lower-cased
    for the middle of a sentence."""
    fc = evaluation.forecast
    if fc is None or not fc.sentence:
        return ""
    text = fc.sentence.rstrip(".")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


# ---------------------------------------------------------------------------------------
# The town roll-up.
# ---------------------------------------------------------------------------------------


def _members(wards: tuple[Plan, ...]) -> list[dict[str, Series]]:
    out = []
    for w in wards:
        out.append({item.indicator.code: item.series for item, _ in w.walk()})
    return out


def rolled_up(item: PlanItem, wards: tuple[Plan, ...]) -> tuple[Series | None, str]:
    """The town's series of ``item`` combined from the wards by the indicator's rule, or None
    with why it cannot be (a growth rate or a standard is not added up; a ward lacks it)."""
    try:
        series = combine(item.indicator, _members(wards))
    except RollupError as exc:
        return None, str(exc).split(" / ")[0]
    if not len(series):
        return None, "không cộng gộp được từ các đơn vị"
    return series, ""


def rolled_up_plan(town: Plan, wards: tuple[Plan, ...]) -> Plan:
    """The town's plan with, for every item without values of its own, the wards' values
    combined (``rolled_up``); the town's own values win where it has them."""

    def fill(item: PlanItem) -> PlanItem:
        children = tuple(fill(c) for c in item.children)
        series = item.series
        if not len(series):
            combined, _why = rolled_up(item, wards)
            if combined is not None:
                series = combined
        return replace(item, series=series, children=children)

    return replace(town, items=tuple(fill(i) for i in town.items))


def ward_table(town: Plan, wards: tuple[Plan, ...], year: int) -> Table:
    """One row per key indicator: each ward's value in ``year`` and the town's, combined by the
    indicator's rule; a cell the rule cannot give stays empty and the note says why."""
    names = tuple(w.unit_name for w in wards)
    rows, roles, notes = [], [], []
    for n, item in enumerate(town.items, 1):
        cells = []
        for w in wards:
            own = next((i for i, _ in w.walk() if i.indicator.code == item.indicator.code), None)
            obs = own.series.get(year) if own is not None else None
            cells.append(_cell(item, obs))
        combined, why = rolled_up(item, wards)
        total = combined.get(year) if combined is not None else None
        if total is None and why:
            notes.append(f"{item.indicator.name}: {why}")
        rows.append((str(n), item.indicator.name, _unit(item), *cells, _cell(item, total)))
        roles.append("item")
    level = _town_word(town)
    note = "Ghi chú: cột “Toàn " + level + "” tổng hợp theo quy tắc của từng chỉ tiêu (cộng, tính lại tỷ lệ từ tử số và mẫu số, bình quân gia quyền)."
    if notes:
        note += " Không tổng hợp được: " + "; ".join(notes) + "."
    width = max(1.6, min(2.4, 14.0 / max(len(wards), 1)))
    return Table(
        title=f"KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO TỪNG ĐƠN VỊ NĂM {year}",
        subtitle=town.source or "",
        header=("STT", "CHỈ TIÊU", "ĐVT", *names, f"Toàn {level}"),
        rows=tuple(rows),
        roles=tuple(roles),
        widths=(1.0, 6.0, 2.0, *([width] * len(wards)), 2.4),
        note=note,
    )


def _town_word(plan: Plan) -> str:
    name = plan.unit_name.lower()
    for word in ("thị xã", "thành phố", "huyện", "quận", "thị trấn", "tỉnh"):
        if name.startswith(word):
            return word
    return {"thi_xa": "thị xã", "huyen": "huyện", "thanh_pho": "thành phố", "quan": "quận"}.get(plan.unit_level, "đơn vị")
