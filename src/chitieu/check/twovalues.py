"""``same-indicator-two-values``: one indicator, one year, two different values.

Over the reader's result statements: two of them name the same indicator (the reader's names
compared by ``extract.matching.similarity``, the one vocabulary of abbreviations, at 0,85 or
more), in the same unit, for the same year (or period), both plain levels (not a change, not
a share of plan), and their values differ beyond the digits both are printed with. Body,
footnote and appendix are one document: the second value may stand anywhere. A difference
only the truncation of the last digit explains is a warning. When neither sentence names its
year (both inherit it from a heading, as footnotes listing the funds of separate projects do:
"Ngân sách tỉnh hỗ trợ 30 tỷ đồng." / "Ngân sách tỉnh hỗ trợ 15 tỷ đồng.") and neither is a
table row, nothing in the text says the two are one figure: no finding.

A second way to know two figures are one: a sector's value printed twice with the same
average growth rate beside it ("Ngành Thương mại - Dịch vụ ước đạt 341,5 tỷ đồng, tăng bình
quân hàng năm 19,2%" in a footnote, "doanh thu sản xuất Thương mại - Dịch vụ đến 2020 đạt
337,1 tỷ đồng, tăng bình quân hàng năm 19,2%" in the body, seed 000): same sector
(``feasibility.sector``), same unit, the same rate to its last digit, values that the digits
do not allow to be one.
"""

from __future__ import annotations

import re
from collections import defaultdict

from chitieu.check.common import Context, fmt, real_name, sector
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.check.passages import Number
from chitieu.core.stated import Agreement
from chitieu.extract.matching import similarity
from chitieu.extract.normalise import fold

SAME_NAME = 0.85
_YEAR_TAIL = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d\s*$")


def _number(ctx: Context, line: int, value: float, unit: str | None) -> Number | None:
    p = ctx.passage_at(line)
    if p is None:
        return None
    for n in p.numbers:
        if n.line == line and n.mention.low == value and n.unit == unit:
            return n
    return None


def check(ctx: Context) -> list[Finding]:
    groups: dict[tuple, list] = defaultdict(list)
    for s in ctx.statements:
        if s.kind != "result" or s.op != "=" or s.low is None or not s.unit or (s.year is None and s.period is None):
            continue
        if len(s.indicator) < 8 or not real_name(s.indicator):
            continue
        n = _number(ctx, s.line, s.low, s.unit)
        if n is None or n.role != "level" or n.mention.denominator is not None:
            continue
        if _sector_share(n):
            continue
        groups[(s.unit, s.year, s.period, s.per_year)].append((s, n))
    out: list[Finding] = []
    for items in groups.values():
        for i, (s1, n1) in enumerate(items):
            for s2, n2 in items[i + 1 :]:
                if n1.passage is n2.passage or s1.low == s2.low:
                    continue
                if not same_indicator(s1.indicator, s2.indicator):
                    continue
                if fold(s1.indicator) != fold(s2.indicator) and _scope_differs(s1.indicator, s2.indicator):
                    continue
                if not (_dated(n1) or _dated(n2)):
                    continue
                # Two printings of one value agree when one's digits allow the other.
                a1 = n1.agrees(s2.low)
                a2 = n2.agrees(s1.low)
                if Agreement.OK in (a1, a2):
                    continue
                sev = WARNING if Agreement.TRUNCATED in (a1, a2) else ERROR
                when = f"năm {s1.year}" if s1.year else f"giai đoạn {s1.period}"
                out.append(Finding(
                    "same-indicator-two-values", sev, (s2.line, s1.line), (n2.text, n1.text),
                    f"{_YEAR_TAIL.sub('', s1.indicator)[:80]} {when}: dòng {s1.line} ghi {n1.text}, dòng {s2.line} ghi {n2.text}.",
                    None, s2.quote[:300],
                ))
    return out + _same_rate_pairs(ctx)


def _same_rate_pairs(ctx: Context) -> list[Finding]:
    pairs = []
    sts = ctx.statements
    for i, s in enumerate(sts):
        if s.kind != "result" or s.op != "=" or s.low is None or not s.unit or s.unit == "%" or s.per_year:
            continue
        r = next((x for x in sts[i + 1 : i + 3] if x.per_year and x.unit == "%" and x.op == "=" and x.low is not None
                  and x.indicator.startswith(s.indicator) and x.kind == "result"), None)
        sec = sector(fold(s.indicator))
        if r is None or sec is None or abs(r.line - s.line) > 4:
            continue
        n = _number(ctx, s.line, s.low, s.unit)
        if n is None or n.role != "level":
            continue
        pairs.append((sec, s, r, n))
    out: list[Finding] = []
    for i, (sec1, s1, r1, n1) in enumerate(pairs):
        for sec2, s2, r2, n2 in pairs[i + 1 :]:
            if sec1 != sec2 or r1.low != r2.low or n1.passage is n2.passage or n1.family != n2.family:
                continue
            if s1.year and s2.year and s1.year != s2.year:
                continue
            b1, b2 = n1.base(), n2.base()
            if b1 is None or b2 is None or b1 == b2:
                continue
            scale = b1 / n1.value
            a1 = n1.agrees(b2 / scale)
            a2 = n2.agrees(b1 / (b2 / n2.value))
            if Agreement.OK in (a1, a2):
                continue
            sev = WARNING if Agreement.TRUNCATED in (a1, a2) else ERROR
            out.append(Finding(
                "same-indicator-two-values", sev, (s2.line, s1.line), (n2.text, n1.text),
                f"{_YEAR_TAIL.sub('', s2.indicator)[:80]}: cùng tăng bình quân {fmt(r1.low)}%/năm nhưng dòng {s1.line} ghi "
                f"{n1.text}, dòng {s2.line} ghi {n2.text}.",
                None, s2.quote[:300],
            ))
    return out


_STRUCTURE = re.compile(r"cơ cấu|tỷ trọng")
_OWN_TIME = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|giai đoạn|nhiệm kỳ|đến nay|hiện nay|cuối kỳ")


def _dated(n: Number) -> bool:
    """Whether the figure's own sentence (or table row) says when it holds."""
    p = n.passage
    if p.is_table_row:
        return True
    a, b = p.sentence_of(n.start)
    return bool(_OWN_TIME.search(p.folded, a, b))



def _sector_share(n: Number) -> bool:
    """A share in a listed structure ("cơ cấu lao động: nông nghiệp 12,5%, công nghiệp …"): the
    reader names it by its sector alone, so two structures of one year would look alike."""
    p = n.passage
    a, b = p.sentence_of(n.start)
    return bool(_STRUCTURE.search(p.folded, a, b)) and sum(1 for q in p.numbers_in(a, b) if q.unit == "%") >= 3


_NOISE = re.compile(r"\b(?:năm\s+)?(?:19|20)\d\d\b|hằng năm|hàng năm|đến nay|đến cuối|cuối")


def _core_name(name: str) -> str:
    return " ".join(_NOISE.sub(" ", fold(name)).split())


def same_indicator(a: str, b: str) -> bool:
    """Whether two names the reader gives name one indicator: alike by the one vocabulary's
    similarity, or one (of four words or more) the start of the other, years left out."""
    ca, cb = _core_name(a), _core_name(b)
    if similarity(ca, cb) >= SAME_NAME:
        return True
    short, long_ = sorted((ca, cb), key=len)
    return len(short.split()) >= 4 and long_.startswith(short)


_SCOPES = ("thành thị", "nông thôn", "nữ", "nam", "trẻ em", "dưới", "trên", "mới", "tăng thêm")


def _scope_differs(a: str, b: str) -> bool:
    """Names that differ by a word that narrows the scope ("… khu vực thành thị")."""
    fa, fb = f" {fold(a)} ", f" {fold(b)} "
    return any((f" {w} " in fa) != (f" {w} " in fb) for w in _SCOPES)

