"""``feasibility``: targets that cannot all hold together.

- **Sector growth vs the structure target.** A plan that sets a growth rate per year for each
  sector (dịch vụ, công nghiệp - xây dựng, nông nghiệp) and a structure for the target year
  must let the one give the other: the base year's shares, each grown at its sector's rate
  over the years between, give the target year's shares. When, at every rate the ranges and
  printed digits allow, a sector's share lands outside its target (widened by its digits),
  the targets contradict each other. The total growth target is judged the same way: the
  sectors' rates weighted by the base shares give the total's range. Seed 002: base 2025
  64,3 / 31,1 / 4,6 %, rates 15-16 / 7-8 / 2-3 %/năm → 2030 dịch vụ at least 71,7 %,
  target 67-68 %. The base structure is the latest result structure before the target year
  (a structure without a year stands for the year before the target's term).
- **A target below what is already reached.** A level target (a rate "tỷ lệ …", a count or
  an income per head; not a change, not per year) for a later year below the value the same
  document says is already reached, for an indicator where more is better and the target is
  not worded as keeping ("duy trì", "giữ vững").

Sector rates measured on another basis than the structure (retail sales for dịch vụ, current
vs constant prices) can explain a gap: the first kind is a ``warning`` unless the miss is
beyond 2 points.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt, real_name, sector
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.check.twovalues import _scope_differs, same_indicator
from chitieu.extract.extractor import Statement
from chitieu.extract.normalise import fold

_SECTOR_NAMES = {"nn": "nông nghiệp", "cn": "công nghiệp - xây dựng", "dv": "dịch vụ"}
_VALUE_MEASURE = re.compile(r"giá trị|tăng trưởng|doanh thu|sản xuất|gtsx|tổng mức|grdp")
_NOT_VALUE = re.compile(r"tỷ lệ|tỷ trọng|ngân sách|vốn|lao động|thu nhập|số doanh nghiệp|cơ sở")
_STRUCTURE = re.compile(r"cơ cấu|tỷ trọng|chiếm")
_TOTAL = re.compile(r"tổng giá trị|tăng trưởng kinh tế|kinh tế|grdp|giá trị sản xuất|giá trị tăng thêm")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
_NEAR_LINES = 60

# Indicators where less is better (and counts of bad things): a lower target is progress.
_LOWER_BETTER = re.compile(
    r"nghèo|suy dinh dưỡng|sinh con thứ|thất nghiệp|tai nạn|tội phạm|tử vong|ô nhiễm|tăng dân số|"
    r"mất cân bằng|nợ|bỏ học|tỷ suất sinh|vi phạm|khiếu nại|cháy|ngập|chi |lao động nông nghiệp|"
    r"mắc|nhiễm|ngộ độc|ly hôn|bạo lực|tảo hôn|nhà tạm|dột nát"
)
_KEEP = re.compile(r"duy trì|giữ vững|giữ ổn định|giữ mức|ổn định")
_CHANGE = re.compile(r"tăng|giảm|tốc độ|mức giảm|mới|thêm|thành lập|bình quân|trung bình|lũy kế|cả nhiệm kỳ|giai đoạn")
_STOCK = re.compile(r"^tỷ lệ|^số |thu nhập bình quân đầu người")


def _decimals(x: float) -> int:
    r = repr(float(x))
    return 0 if r.endswith(".0") else len(r.split(".")[1])


def _half(x: float | None) -> float:
    return 0.0 if x is None else 0.5 * 10.0 ** -_decimals(x)


def _bounds(s: Statement) -> tuple[float, float] | None:
    """The interval a target's value stands for, widened by its digits."""
    if s.op == "=" and s.low is not None:
        return s.low - _half(s.low), s.low + _half(s.low)
    if s.op == "range" and s.low is not None and s.high is not None:
        return s.low - _half(s.low), s.high + _half(s.high)
    return None


def _year(s: Statement) -> int | None:
    if s.year:
        return s.year
    m = _PERIOD.search(s.period or "")
    return int(m.group(2)) if m else None


def _tail(name: str) -> str:
    """The part of a name after its last colon: the sector of "Cơ cấu …: dịch vụ"."""
    return fold(name).rsplit(":", 1)[-1]


def structures(ctx: Context, kind: str) -> list[dict]:
    """Structures of one kind (result or target): shares of ≥ 2 sectors in one passage."""
    groups: dict[tuple, dict] = {}
    for s in ctx.statements:
        if s.kind != kind or s.unit != "%" or s.per_year or s.op not in ("=", "range") or s.low is None:
            continue
        if not _STRUCTURE.search(fold(s.quote)):
            continue
        sec = sector(_tail(s.indicator))
        if sec is None or re.search(r"tăng|giảm|tốc độ", _tail(s.indicator)):
            continue
        p = ctx.passage_at(s.line)
        key = (p.index if p else s.line, s.year, s.period)
        g = groups.setdefault(key, {"shares": {}, "year": _year(s), "period": s.period, "statements": []})
        if sec not in g["shares"]:
            g["shares"][sec] = s
            g["statements"].append(s)
    out = []
    for g in groups.values():
        if len(g["shares"]) < 3:
            continue
        mids = sum(((s.low + (s.high if s.high is not None else s.low)) / 2) for s in g["shares"].values())
        if 95 <= mids <= 105:
            out.append(g)
    return out


def _rates(ctx: Context, near: int) -> tuple[dict[str, Statement], Statement | None]:
    """The per-year sector growth targets (the closest to line ``near``), and the total's."""
    best: dict[str, Statement] = {}
    total: Statement | None = None
    for s in ctx.statements:
        if s.kind != "target" or not s.per_year or s.unit != "%" or _bounds(s) is None:
            continue
        if abs(s.line - near) > _NEAR_LINES:
            continue
        name = fold(s.indicator)
        if _NOT_VALUE.search(name) or re.search(r"giảm", name):
            continue
        sec = sector(name)
        if sec is None:
            if _TOTAL.search(name) and (total is None or abs(s.line - near) < abs(total.line - near)):
                total = s
            continue
        if not _VALUE_MEASURE.search(name) and not re.search(r"ngành", name):
            continue
        if sec not in best or abs(s.line - near) < abs(best[sec].line - near):
            best[sec] = s
    return best, total


def _grown(base: dict[str, tuple[float, float]], rates: dict[str, tuple[float, float]], n: int,
           sec: str) -> tuple[float, float]:
    """The least and the most share ``sec`` can reach after ``n`` years."""
    def share(mine_hi: bool) -> float:
        own_b = base[sec][1 if mine_hi else 0]
        own = own_b * (1 + rates[sec][1 if mine_hi else 0] / 100) ** n
        rest = sum(base[k][0 if mine_hi else 1] * (1 + rates[k][0 if mine_hi else 1] / 100) ** n
                   for k in base if k != sec)
        return 100 * own / (own + rest)
    return share(False), share(True)


def _structure_vs_rates(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    results = structures(ctx, "result")
    for target in structures(ctx, "target"):
        ty = target["year"]
        if ty is None:
            continue
        first_line = min(s.line for s in target["statements"])
        rates, total = _rates(ctx, first_line)
        term_start = None
        m = _PERIOD.search(target["period"] or "")
        if m:
            term_start = int(m.group(1))
        bases = []
        for r in results:
            by = r["year"] if r["year"] is not None else (term_start - (0 if term_start % 5 == 0 else 1)
                                                           if term_start else None)
            if by is not None and by < ty and set(r["shares"]) == set(target["shares"]):
                bases.append((by, r))
        if not bases or set(rates) != set(target["shares"]):
            continue
        by, base = max(bases, key=lambda x: (x[0], x[1]["statements"][0].line))
        n = ty - by
        if not 1 <= n <= 15:
            continue
        b = {k: (s.low - _half(s.low), s.low + _half(s.low)) for k, s in base["shares"].items() if s.op == "="}
        rr = {k: _bounds(s) for k, s in rates.items()}
        if len(b) != len(target["shares"]):
            continue
        misses = []
        worst = 0.0
        for sec, s in target["shares"].items():
            lo, hi = _grown(b, rr, n, sec)
            t_lo, t_hi = _bounds(s)
            if hi < t_lo or lo > t_hi:
                gap = t_lo - hi if hi < t_lo else lo - t_hi
                worst = max(worst, gap)
                misses.append(f"{_SECTOR_NAMES[sec]} {fmt(lo, 1)} - {fmt(hi, 1)}% (chỉ tiêu {_written(s)})")
        total_note = ""
        lines = [s.line for s in target["statements"]] + [s.line for s in rates.values()]
        figures = [_written(s) for s in target["statements"]] + [_written(s) + "/năm" for s in rates.values()]
        if total is not None:
            lo_t = sum(b[k][0] * (1 + rr[k][0] / 100) ** n for k in b) / sum(b[k][1] for k in b)
            hi_t = sum(b[k][1] * (1 + rr[k][1] / 100) ** n for k in b) / sum(b[k][0] for k in b)
            g_lo, g_hi = 100 * (lo_t ** (1 / n) - 1), 100 * (hi_t ** (1 / n) - 1)
            t = _bounds(total)
            if t is not None and (t[1] < g_lo or t[0] > g_hi):
                total_note = (f"; các tốc độ ngành cho tổng tăng {fmt(g_lo, 1)} - {fmt(g_hi, 1)}%/năm, "
                              f"chỉ tiêu tổng {_written(total)}/năm")
                lines.append(total.line)
                figures.append(_written(total) + "/năm")
        if not misses and not total_note:
            continue
        lines += [s.line for s in base["statements"]]
        figures += [_written(s) for s in base["statements"]]
        rates_text = ", ".join(f"{_SECTOR_NAMES[k]} {_written(s)}/năm" for k, s in rates.items())
        base_text = ", ".join(f"{_SECTOR_NAMES[k]} {_written(s)}" for k, s in base["shares"].items())
        what = "; ".join(misses) if misses else "cơ cấu đạt được"
        out.append(Finding(
            "feasibility", ERROR if worst > 2 or (total_note and not misses) else WARNING,
            tuple(dict.fromkeys(lines)), tuple(dict.fromkeys(figures)),
            f"Từ cơ cấu năm {by} ({base_text}), tăng {rates_text} trong {n} năm cho cơ cấu năm {ty}: "
            f"{what}{total_note}.",
            None, target["statements"][0].quote[:300],
        ))
    return out


def _written(s: Statement) -> str:
    u = s.unit or ""
    sep = "" if u in ("%", "") else " "
    if s.op == "range":
        return f"{fmt(s.low)} - {fmt(s.high)}{sep}{u}"
    return f"{fmt(s.low)}{sep}{u}"


_ADDED = re.compile(r"(?<![a-zà-ỹđ])(?:thêm|mới|tăng)\s*(?:được\s*|ít nhất\s*|tối thiểu\s*)?$")


def _added(ctx: Context, t: Statement) -> bool:
    """Whether a target counts what is to be added, not the stock: "Có thêm 01 trường đạt chuẩn
    quốc gia (nâng tổng số lên 5/6 trường)", "xây mới 3 nhà văn hóa"."""
    p = ctx.passage_at(t.line)
    hits = [n for n in (p.numbers if p else []) if n.line == t.line and n.mention.low == t.low]
    return any(_ADDED.search(p.folded, max(0, n.start - 25), n.start) for n in hits)


def _below_reached(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    results = [s for s in ctx.statements if s.kind == "result" and s.op == "=" and s.low is not None
               and s.unit and not s.per_year and s.compared_target is None and _year(s)]
    for t in ctx.statements:
        if t.kind != "target" or t.op not in ("=", ">", ">=") or t.low is None or not t.unit or t.per_year:
            continue
        name = fold(t.indicator)
        quote = fold(t.quote)
        if not _STOCK.search(re.sub(r"^(?:phấn đấu|đến năm \d{4},?)\s*", "", name)):
            continue
        if _LOWER_BETTER.search(name) or _CHANGE.search(name) or _KEEP.search(quote) or _added(ctx, t):
            continue
        ty = _year(t)
        if ty is None or len(t.indicator) < 10 or not real_name(t.indicator):
            continue
        for r in results:
            if r.unit != t.unit or _year(r) >= ty or not same_indicator(r.indicator, t.indicator):
                continue
            if _scope_differs(r.indicator, t.indicator):
                continue  # "… khu vực thành thị" against the whole
            rname = fold(r.indicator)
            if _CHANGE.search(rname) or _LOWER_BETTER.search(rname):
                continue
            if r.low - _half(r.low) <= t.low + _half(t.low):
                continue
            unit = t.unit if t.unit == "%" else " " + t.unit
            out.append(Finding(
                "feasibility", WARNING, (t.line, r.line), (f"{fmt(t.low)}{unit}", f"{fmt(r.low)}{unit}"),
                f"{t.indicator[:80]}: chỉ tiêu năm {ty} ({fmt(t.low)}{unit}) thấp hơn mức đã đạt năm {_year(r)} "
                f"({fmt(r.low)}{unit}, dòng {r.line}).",
                None, t.quote[:300],
            ))
            break
    return out


def check(ctx: Context) -> list[Finding]:
    return _structure_vs_rates(ctx) + _below_reached(ctx)
