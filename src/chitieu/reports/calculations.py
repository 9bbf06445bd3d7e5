"""What a reviewer needs to check the report: which figures are estimates or not yet approved,
what the evaluation found the source contradicting, how every figure was computed, and the
party-building indicators of Phụ lục 2.

Owns: ``value_note`` (the footnote: "Số liệu năm 2025 là số ước thực hiện; … chưa duyệt"),
``discrepancy_lines`` (core's ``Evaluation.discrepancies`` and the failing stated checks, one
line each), ``calculation_table`` (per figure: inputs, formula, value status, approval, data
cut-off date) and ``party_table`` (Phụ lục 2 as seed 002 lays it out: the indicators of the
domain ``xay_dung_dang``, every year of the term, "Ước" for an estimate, the term's total for
a count such as kết nạp đảng viên, the comparison with the target).
"""

from __future__ import annotations

import re
from datetime import date

from chitieu.core.evaluate import Evaluation
from chitieu.core.indicators import Aggregation, Domain, Kind
from chitieu.core.numbers import format_number
from chitieu.core.plan import Plan, PlanItem
from chitieu.core.series import VALUE_STATUS_LABELS, ValueStatus
from chitieu.reports.variants import Table
from chitieu.reports.wording import full_date, name_in_sentence, percent_of_plan_text, show_value, value_cell

_STATUS_WORDS = {ValueStatus.ESTIMATE: "ước thực hiện", ValueStatus.PRELIMINARY: "sơ bộ"}


def _items(plan: Plan, *, party: bool | None = None):
    for item, depth in plan.walk():
        is_party = item.indicator.domain is Domain.XAY_DUNG_DANG
        if party is None or party == is_party:
            yield item, depth


def value_note(plan: Plan, unapproved: frozenset | None) -> str:
    """The footnote on the figures' standing: which years' values are estimates (ước thực hiện)
    or preliminary (sơ bộ), and, when the report is built from the latest values
    (``unapproved`` given), which are not yet approved ("chưa duyệt"). "" when all are final."""
    by_status: dict[ValueStatus, dict[int, list[str]]] = {}
    for item, _ in _items(plan):
        for obs in item.series:
            if obs.status in _STATUS_WORDS and (plan.as_of is None or obs.year <= plan.as_of):
                by_status.setdefault(obs.status, {}).setdefault(obs.year, []).append(item.indicator.name)
    sentences = []
    for status, years in by_status.items():
        for year, names in sorted(years.items()):
            with_year = {i.indicator.name for i, _ in _items(plan) if i.series.get(year) is not None}
            if set(names) >= with_year:
                sentences.append(f"Số liệu năm {year} là số {_STATUS_WORDS[status]}")
            else:
                listed = "; ".join(name_in_sentence(n) for n in names)
                sentences.append(f"Số liệu năm {year} của các chỉ tiêu {listed} là số {_STATUS_WORDS[status]}")
    if unapproved:
        names: dict[str, list[int]] = {}
        codes = {i.indicator.code: i.indicator.name for i, _ in _items(plan)}
        for code, year in sorted(unapproved):
            if code in codes:
                names.setdefault(codes[code], []).append(year)
        if names:
            listed = "; ".join(f"{name_in_sentence(n)} (năm {', '.join(map(str, ys))})" for n, ys in names.items())
            sentences.append(f"Báo cáo dùng số liệu mới nhất; các số liệu chưa duyệt: {listed}")
    return ". ".join(sentences) + "." if sentences else ""


def discrepancy_lines(plan: Plan, evaluations: dict[str, Evaluation]) -> tuple[str, ...]:
    """What the evaluation finds the source contradicting: a stated index the values do not
    give, a total that is not the sum of its parts. One line per finding, naming the indicator."""
    lines: list[str] = []
    for item, _ in plan.walk():
        ev = evaluations.get(item.indicator.code)
        if ev is None:
            continue
        seen = set()
        for text in ev.discrepancies:
            if text not in seen:
                seen.add(text)
                lines.append(text if text.startswith(item.indicator.name) else f"{item.indicator.name}: {text}")
    return tuple(lines)


_ONE_YEAR_SPAN = re.compile(r"(?:bình quân )?giai đoạn (\d{4})(?![-–\d])")


def _label(text: str) -> str:
    """A figure's label as the report prints it: a "giai đoạn" of one year is that year
    ("Chỉ số phát triển năm 2016", never "giai đoạn 2016")."""
    return _ONE_YEAR_SPAN.sub(r"năm \1", text)


def _approval(item: PlanItem, year: int, unapproved: frozenset | None) -> str:
    if unapproved is None:
        return "theo tệp kế hoạch"
    return "chưa duyệt" if (item.indicator.code, year) in unapproved else "đã duyệt"


def _inputs_text(item: PlanItem, inputs) -> str:
    out = []
    for name, value in inputs:
        text = format_number(value, None) if isinstance(value, int | float) else str(value)
        out.append(f"{name} = {text}")
    return "; ".join(out)


def calculation_table(plan: Plan, evaluations: dict[str, Evaluation], *, issued: date,
                      unapproved: frozenset | None) -> Table:
    """For each figure the report states: the indicator, the figure, its inputs, the formula,
    the value, the status of the values used (ước / sơ bộ / chính thức), their approval and
    the data cut-off date (the report's date, or 31/12 of ``as_of``)."""
    cutoff = f"31/12/{plan.as_of}" if plan.as_of else f"{issued:%d/%m/%Y}"
    rows, roles = [], []
    n = 0
    for item, _ in plan.walk():
        ev = evaluations.get(item.indicator.code)
        if ev is None:
            continue
        last = item.series.latest(plan.as_of)
        status = VALUE_STATUS_LABELS[last.status] if last is not None else ""
        approval = _approval(item, last.year, unapproved) if last is not None else ""
        figures = [f for f in ev.figures if not f.key.startswith(("value:",))]
        if not figures:
            continue
        n += 1
        for k, f in enumerate(figures):
            unit = f.unit or ""
            number = (percent_of_plan_text(f.value, f.decimals) if f.key.startswith("percent_of_plan")
                      else format_number(f.value, f.decimals))
            value = number + (unit if unit in ("%", "‰") else f" {unit}" if unit else "")
            rows.append((str(n) if k == 0 else "", item.indicator.name if k == 0 else "", _label(f.label),
                         _inputs_text(item, f.inputs), f.rule, value,
                         status if k == 0 else "", approval if k == 0 else "", cutoff if k == 0 else ""))
            roles.append("item" if k == 0 else "part")
    return Table(
        title="CÁCH TÍNH CÁC SỐ LIỆU TRONG BÁO CÁO",
        subtitle=f"(số liệu tính đến ngày {cutoff})",
        header=("STT", "Chỉ tiêu", "Số liệu", "Số liệu đầu vào", "Công thức", "Kết quả", "Loại số liệu",
                "Phê duyệt", "Số liệu đến ngày"),
        rows=tuple(rows),
        roles=tuple(roles),
        widths=(0.9, 4.0, 3.6, 4.2, 3.0, 2.0, 1.9, 1.8, 1.9),
        numbers_from=5,
        note=("Ghi chú: V0 là số liệu năm gốc, Vn số liệu năm đánh giá, n số năm; loại số liệu và phê duyệt "
              "là của số liệu năm đánh giá."),
    )


def party_items(plan: Plan) -> list[PlanItem]:
    return [item for item, _ in _items(plan, party=True)]


def party_table(plan: Plan, evaluations: dict[str, Evaluation]) -> Table | None:
    """Phụ lục 2 as in seed 002: TT | Tên chỉ tiêu | ĐVT | Chỉ tiêu NQ | Thực hiện năm base…final
    ("Ước thực hiện năm 2025" for an estimate) | Thực hiện cả nhiệm kỳ (the total of a count
    such as kết nạp đảng viên) | So sánh với chỉ tiêu NQ. PAR INDEX and its rank, % TCCSĐ and
    đảng viên hoàn thành tốt nhiệm vụ are the indicators the plan lists in ``xay_dung_dang``."""
    items = party_items(plan)
    if not items:
        return None
    years = list(range(plan.base_year, plan.final_year + 1))
    estimate = {y for y in years for i in items if (o := i.series.get(y)) is not None and o.status is ValueStatus.ESTIMATE}
    year_heads = tuple(f"{'Ước thực hiện' if y in estimate else 'Thực hiện'} năm {y}" for y in years)
    rows, roles = [], []
    for n, item in enumerate(items, 1):
        ev = evaluations.get(item.indicator.code)
        cells = tuple(value_cell(item, item.series.value(y)) if item.series.value(y) is not None else "" for y in years)
        total = ""
        if item.indicator.kind is Kind.COUNT and item.indicator.aggregation is Aggregation.SUM:
            inside = [item.series.value(y) for y in years[1:] if item.series.value(y) is not None]
            if inside:
                total = show_value(item, sum(inside))
        unit = item.indicator.unit or ""
        rows.append((str(n), item.indicator.name, unit[:1].upper() + unit[1:],
                     item.target.phrase if item.target else "", *cells, total, ev.label if ev else ""))
        roles.append("item")
    head = ("TT", "Tên chỉ tiêu", "ĐVT", "Chỉ tiêu NQ", *year_heads,
            f"Thực hiện {plan.base_year + 1}-{plan.final_year}", "So sánh với chỉ tiêu NQ")
    yw = max(1.3, min(1.8, 12.0 / len(years)))
    return Table(
        title="KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ",
        subtitle=plan.source or "",
        header=head,
        rows=tuple(rows),
        roles=tuple(roles),
        widths=(0.9, 5.0, 1.6, 2.6, *([yw] * len(years)), 1.9, 2.0),
        numbers_from=4,
        note=(f"Ghi chú: cột “Thực hiện {plan.base_year + 1}-{plan.final_year}” là tổng cả nhiệm kỳ của các chỉ tiêu "
              "đếm được (ví dụ số đảng viên kết nạp)."),
    )


def cutoff_text(plan: Plan, issued: date) -> str:
    return f"31/12/{plan.as_of}" if plan.as_of else full_date(issued)
