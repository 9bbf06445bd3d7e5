"""One-stop-shop (thủ tục hành chính, TTHC) figures of one unit for one date window: the rows
by field (lĩnh vực) as the province's administrative-procedure system exports them, the rules
they must satisfy, the totals, and the administrative-reform (CCHC) rates computed from them.

Owns: ``TthcRow`` (one field, or the stated total row), ``TthcReport`` (a window and its rows),
``check`` (every broken rule, each naming its row and rule in Vietnamese and English), ``totals``
and ``rates`` (the CCHC percentages, rounded half-up with ``chitieu.core.numbers``).

Per row, the counts are those of the statistics form of Thông tư 01/2018/TT-VPCP:
- received (tiếp nhận) = online (trực tuyến) + in person or by post (trực tiếp, bưu chính)
  + carried over from the last period (kỳ trước chuyển sang): "received = Σ by channel";
- received = settled (đã giải quyết) + in progress (đang giải quyết);
- settled = early (trước hạn) + on time (đúng hạn) + late (trễ hạn);
- in progress = within the deadline (trong hạn) + past it (quá hạn);
- digitised (số hóa) ≤ received in the period; results issued electronically ≤ settled.
A stated total (a "Tổng cộng" row, or the totals typed in a form) must equal the sum of the
rows: "received = Σ by field". Every row belongs to the report's one window.

Rates (in %, 1 decimal): early / on time / late out of settled; online and digitised out of the
dossiers received in the window (carried-over ones were received, and digitised, before it);
results issued electronically out of settled. A rate whose base is 0 is not computed (None).

Pure Python; no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date
from decimal import Decimal

from chitieu.core.numbers import round_half_up

COUNTS = ("online", "in_person", "carried_over", "early", "on_time", "late", "pending_within",
          "pending_overdue", "digitised", "e_results")
STATED = ("received", "settled", "pending")

# What each count is called in messages and column mappings.
LABELS_VI = {
    "field": "lĩnh vực",
    "received": "tổng số hồ sơ tiếp nhận",
    "online": "tiếp nhận trực tuyến",
    "in_person": "tiếp nhận trực tiếp, bưu chính",
    "carried_over": "từ kỳ trước chuyển sang",
    "settled": "tổng số đã giải quyết",
    "early": "giải quyết trước hạn",
    "on_time": "giải quyết đúng hạn",
    "late": "giải quyết trễ hạn",
    "pending": "tổng số đang giải quyết",
    "pending_within": "đang giải quyết trong hạn",
    "pending_overdue": "đang giải quyết quá hạn",
    "digitised": "số hóa hồ sơ",
    "e_results": "cấp kết quả điện tử",
    "start": "từ ngày",
    "end": "đến ngày",
}
LABELS_EN = {
    "field": "field", "received": "received", "online": "received online",
    "in_person": "received in person or by post", "carried_over": "carried over", "settled": "settled",
    "early": "settled early", "on_time": "settled on time", "late": "settled late", "pending": "in progress",
    "pending_within": "in progress within the deadline", "pending_overdue": "in progress past the deadline",
    "digitised": "digitised", "e_results": "results issued electronically", "start": "from", "end": "to",
}

# The CCHC indicators of the starter catalogue each rate is stored as.
RATE_INDICATORS = {
    "early": "CC04",
    "on_time": "CC05",
    "late": "CC06",
    "online": "CC01",
    "digitised": "CC02",
    "e_results": "CC07",
}


@dataclass(frozen=True)
class TthcRow:
    """One field's counts (or the stated total row). ``received``, ``settled`` and ``pending``
    are the totals as the source states them (None: not stated, derived from the parts).
    ``line`` is where the row came from (the file's row number), for messages."""

    field: str
    online: int = 0
    in_person: int = 0
    carried_over: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending_within: int = 0
    pending_overdue: int = 0
    digitised: int = 0
    e_results: int = 0
    received: int | None = None
    settled: int | None = None
    pending: int | None = None
    start: date | None = None
    end: date | None = None
    line: int | None = None

    @property
    def received_by_channel(self) -> int:
        return self.online + self.in_person + self.carried_over

    @property
    def received_in_window(self) -> int:
        return self.online + self.in_person

    @property
    def settled_parts(self) -> int:
        return self.early + self.on_time + self.late

    @property
    def pending_parts(self) -> int:
        return self.pending_within + self.pending_overdue

    @property
    def total_received(self) -> int:
        return self.received if self.received is not None else self.received_by_channel

    @property
    def total_settled(self) -> int:
        return self.settled if self.settled is not None else self.settled_parts

    @property
    def total_pending(self) -> int:
        return self.pending if self.pending is not None else self.pending_parts


@dataclass(frozen=True)
class TthcReport:
    start: date
    end: date
    rows: tuple[TthcRow, ...]
    total: TthcRow | None = None  # the total as stated ("Tổng cộng"), checked against the rows


@dataclass(frozen=True)
class Problem:
    """One broken rule: where (``line``: the file's row; ``field``: the row's field name), which
    rule, and the message in both languages."""

    rule: str
    vi: str
    en: str
    line: int | None = None
    field: str = ""

    def in_language(self, language: str | None) -> str:
        return self.en if (language or "").startswith("en") else self.vi


def _where(row: TthcRow, total: bool = False) -> tuple[str, str]:
    name = "dòng tổng cộng" if total else f"lĩnh vực “{row.field}”"
    name_en = "the total row" if total else f"field “{row.field}”"
    if row.line is not None:
        return f"Dòng {row.line} ({name})", f"Row {row.line} ({name_en})"
    return name[:1].upper() + name[1:], name_en[:1].upper() + name_en[1:]


def _row_problems(row: TthcRow, start: date, end: date, total: bool = False) -> list[Problem]:
    out: list[Problem] = []
    w_vi, w_en = _where(row, total)

    def add(rule, vi, en):
        out.append(Problem(rule, f"{w_vi}: {vi}", f"{w_en}: {en}", row.line, row.field))

    for name in COUNTS + STATED:
        v = getattr(row, name)
        if v is not None and v < 0:
            add("negative", f"{LABELS_VI[name]} là số âm ({v})", f"{LABELS_EN[name]} is negative ({v})")
    if out:
        return out
    if row.received is not None and row.received != row.received_by_channel:
        add("received_by_channel",
            f"tổng số tiếp nhận {row.received} khác tổng theo hình thức tiếp nhận {row.received_by_channel} "
            f"(trực tuyến {row.online} + trực tiếp, bưu chính {row.in_person} + kỳ trước chuyển sang "
            f"{row.carried_over})",
            f"received {row.received} differs from the sum by channel {row.received_by_channel} "
            f"(online {row.online} + in person {row.in_person} + carried over {row.carried_over})")
    if row.settled is not None and row.settled != row.settled_parts:
        add("settled_parts",
            f"tổng số đã giải quyết {row.settled} khác trước hạn {row.early} + đúng hạn {row.on_time} + "
            f"trễ hạn {row.late} = {row.settled_parts}",
            f"settled {row.settled} differs from early {row.early} + on time {row.on_time} + late {row.late} "
            f"= {row.settled_parts}")
    if row.pending is not None and row.pending != row.pending_parts:
        add("pending_parts",
            f"tổng số đang giải quyết {row.pending} khác trong hạn {row.pending_within} + quá hạn "
            f"{row.pending_overdue} = {row.pending_parts}",
            f"in progress {row.pending} differs from within {row.pending_within} + past the deadline "
            f"{row.pending_overdue} = {row.pending_parts}")
    if row.total_received != row.total_settled + row.total_pending:
        add("received_settled_pending",
            f"số tiếp nhận {row.total_received} khác số đã giải quyết {row.total_settled} + đang giải quyết "
            f"{row.total_pending} = {row.total_settled + row.total_pending}",
            f"received {row.total_received} differs from settled {row.total_settled} + in progress "
            f"{row.total_pending} = {row.total_settled + row.total_pending}")
    if row.digitised > row.received_in_window:
        add("digitised",
            f"số hồ sơ số hóa {row.digitised} lớn hơn số tiếp nhận trong kỳ {row.received_in_window}",
            f"digitised {row.digitised} exceeds the dossiers received in the window {row.received_in_window}")
    if row.e_results > row.total_settled:
        add("e_results",
            f"số kết quả cấp điện tử {row.e_results} lớn hơn số đã giải quyết {row.total_settled}",
            f"results issued electronically {row.e_results} exceed those settled {row.total_settled}")
    if (row.start is not None and row.start != start) or (row.end is not None and row.end != end):
        got = f"{_d(row.start or start)}-{_d(row.end or end)}"
        add("window",
            f"kỳ số liệu {got} khác kỳ của báo cáo {_d(start)}-{_d(end)}; mọi số liệu của một báo cáo phải "
            "cùng một kỳ",
            f"the window {got} differs from the report's {_d(start)}-{_d(end)}; every figure of a report "
            "must belong to one window")
    return out


def _d(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def check(report: TthcReport) -> list[Problem]:
    """Every rule the report breaks (empty: consistent)."""
    out: list[Problem] = []
    if report.end < report.start:
        out.append(Problem("window_order", f"Kỳ số liệu: ngày kết thúc {_d(report.end)} trước ngày bắt đầu "
                           f"{_d(report.start)}", f"Window: ends on {_d(report.end)}, before it starts on "
                           f"{_d(report.start)}"))
    if not report.rows:
        out.append(Problem("empty", "Chưa có số liệu của lĩnh vực nào", "No field has any figures"))
    seen: dict[str, TthcRow] = {}
    for row in report.rows:
        if not row.field.strip():
            w_vi, w_en = _where(row)
            out.append(Problem("field_name", f"{w_vi}: thiếu tên lĩnh vực", f"{w_en}: the field has no name",
                               row.line))
        key = row.field.strip().casefold()
        if key and key in seen:
            w_vi, w_en = _where(row)
            out.append(Problem("duplicate_field", f"{w_vi}: lĩnh vực này đã có ở dòng {seen[key].line}",
                               f"{w_en}: this field is already on row {seen[key].line}", row.line, row.field))
        seen.setdefault(key, row)
        out += _row_problems(row, report.start, report.end)
    if report.total is not None:
        t = report.total
        out += _row_problems(t, report.start, report.end, total=True)
        sums = totals(replace(report, total=None))
        w_vi, w_en = _where(t, total=True)
        for name in COUNTS + STATED:
            stated = getattr(t, name)
            if name in STATED:
                stated_total = {"received": t.total_received, "settled": t.total_settled,
                                "pending": t.total_pending}[name]
                summed = {"received": sums.total_received, "settled": sums.total_settled,
                          "pending": sums.total_pending}[name]
                if stated is None:
                    continue
                stated = stated_total
            else:
                summed = getattr(sums, name)
            if stated != summed:
                rule = "received_by_field" if name == "received" else "total_by_field"
                out.append(Problem(
                    rule, f"{w_vi}: {LABELS_VI[name]} {stated} khác tổng của các lĩnh vực {summed}",
                    f"{w_en}: {LABELS_EN[name]} {stated} differs from the sum over the fields {summed}",
                    t.line, t.field))
    return out


def totals(report: TthcReport) -> TthcRow:
    """The sum of the rows (the stated total is only checked, never used)."""
    sums = {name: sum(getattr(r, name) for r in report.rows) for name in COUNTS}
    stated = {name: sum(getattr(r, f"total_{name}") for r in report.rows) for name in STATED}
    return TthcRow(field="Tổng cộng", start=report.start, end=report.end, **sums, **stated)


def percent(part: int, whole: int, decimals: int = 1) -> float | None:
    """``part`` out of ``whole`` in %, half-up at ``decimals``; None when ``whole`` is 0."""
    if whole == 0:
        return None
    exact = Decimal(part) * 100 / Decimal(whole)
    return round_half_up(float(exact), decimals)


def rates(report: TthcReport, decimals: int = 1) -> dict[str, float | None]:
    """The CCHC rates (keys of ``RATE_INDICATORS``) of the report's totals."""
    t = totals(report)
    settled = t.total_settled
    return {
        "early": percent(t.early, settled, decimals),
        "on_time": percent(t.on_time, settled, decimals),
        "late": percent(t.late, settled, decimals),
        "online": percent(t.online, t.received_in_window, decimals),
        "digitised": percent(t.digitised, t.received_in_window, decimals),
        "e_results": percent(t.e_results, settled, decimals),
    }


def row_fields() -> tuple[str, ...]:
    """Every attribute a row can be read into (what a column mapping may map to)."""
    return tuple(f.name for f in fields(TthcRow) if f.name != "line")
