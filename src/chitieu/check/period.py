"""``period``: a target (or a figure) credited to the wrong term.

Over the reader's statements: the statement's own sentence names one term ("nhiệm kỳ
2020 - 2025", "giai đoạn 2021-2025", "kế hoạch 5 năm 2026 - 2030") and dates the target
"đến (hết, cuối) năm Z" with Z outside that term (its base year counted in): "Mục tiêu nhiệm kỳ
2020 - 2025: … đến năm 2030 đạt 85 triệu đồng". A long-range vision ("tầm nhìn", "định hướng"
đến năm 2045) is no target of the term, and neither is a sentence naming two terms (a plan
carried from one term into the next). The year is the one nearest before the target's figure
in its sentence, and the term must be named before it, not as a comparison ("gấp 2 lần so với
nhiệm kỳ 2020 - 2025"). The year must stand in the figure's own clause (items of a list after
"; " do not inherit it), and a sentence that also dates a target inside the term ("đến năm 2020
đạt khoảng 3.700 USD, đến năm 2030 đạt khoảng 12.500 USD") names a horizon beyond it, not a
wrong term.

It also owns a part larger than the whole that holds it (``part_over_whole``): in one sentence a
figure of a quarter or a month ("quý III trồng 135 ha") and, in the next clause after "; ", the
cumulative figure of months that contain it ("lũy kế 9 tháng trồng được 118 ha"), same unit, the
part beyond the whole by more than the printed digits allow. The whole's clause must name no
deed the part's clause does not ("… khai thác 118 ha" is another indicator), neither clause may
quote a plan or a comparison, a year or an unknown stretch ("quý IV" against "9 tháng") is left
alone, and shares (%) are no parts.

And a target dated to a year already reported (``target_of_reported_year``): in a section of
targets whose heading names a later horizon ("Các chỉ tiêu chủ yếu đến năm 2030"), an item dated
in its own clause "đến năm 2025" when the document reports that indicator's result for 2025
(same name, same unit, in a section of results) — the target belongs to the horizon, not to a
year already past. A milestone year nothing reports on ("đến năm 2027") is left alone.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context
from chitieu.check.conflicts import _number_of, target_name
from chitieu.check.finding import ERROR, Finding
from chitieu.check.passages import Number
from chitieu.check.twovalues import same_indicator

_TERM = re.compile(r"(?:nhiệm kỳ|giai đoạn|thời kỳ|kế hoạch(?: 5 năm| năm năm)?)\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)")
_BY_YEAR = re.compile(r"(?:đến|tới|vào|trong)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d\d)")
_VISION = re.compile(r"tầm nhìn|định hướng|dài hạn")
_COMPARED = re.compile(r"so với|gấp|hơn|bằng")


def check(ctx: Context) -> list[Finding]:
    return _wrong_term(ctx) + part_over_whole(ctx) + target_of_reported_year(ctx)


def _wrong_term(ctx: Context) -> list[Finding]:
    """Targets dated outside the term their sentence names."""
    out: list[Finding] = []
    for s in ctx.statements:
        if s.low is None and s.high is None:
            continue
        n = _number_of(ctx, s)
        if n is None:
            continue
        p = n.passage
        a, b = p.sentence_of(n.start)
        sentence = p.folded[a:b]
        if _VISION.search(sentence):
            continue
        # The year must date the figure in its own clause: a list "…; tỷ lệ hộ nghèo giảm 2 - 2,5%/năm"
        # after "đến năm 2030 đạt …" does not inherit that year.
        c = p.clause_of(n.start)[0]
        years = list(_BY_YEAR.finditer(p.folded, c, n.start))
        if not years:
            continue
        by_year = years[-1]
        year = int(by_year.group(1))
        all_years = {int(m.group(1)) for m in _BY_YEAR.finditer(p.folded, a, b)}
        # The term the target is written under: named before its year, not as a comparison
        # ("gấp 2 lần so với nhiệm kỳ 2020 - 2025"). A sentence naming two terms is left alone.
        terms = [m for m in _TERM.finditer(p.folded, a, b) if not _COMPARED.search(p.folded, max(a, m.start() - 14), m.start())]
        if len({m.groups() for m in terms}) != 1 or terms[0].start() > by_year.start():
            continue
        term = terms[0]
        first, last = int(term.group(1)), int(term.group(2))
        if not 3 <= last - first <= 6:
            continue
        base = first if (last - first) == 5 else first - 1  # "2020 - 2025" counts its base; "2021-2025" does not
        if base <= year <= last:
            continue
        if any(base <= y <= last for y in all_years):
            continue  # "đến năm 2020 đạt 3.700 USD, đến năm 2030 đạt 12.500 USD": the term's target and a horizon
        term_text = p.text[term.start() : term.end()]
        out.append(Finding(
            "period", ERROR, (n.line,), (n.text, str(year), term_text),
            f"{s.indicator[:80]}: chỉ tiêu {n.text} ghi cho năm {year}, ngoài {term_text} mà câu văn nói tới "
            f"(năm cuối kỳ là {last}).",
            str(last), p.quote(a, b),
        ))
    return out


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PART = re.compile(r"(?:quý\s+(iv|i{1,3}|[1-4])|tháng\s+(\d{1,2}))(?![\w/])")
_WHOLE = re.compile(r"lũy kế|luỹ kế|(?<![\d,.])(\d{1,2})\s+tháng|cả năm")
_NOT_A_LEVEL = re.compile(
    r"kế hoạch|chỉ tiêu|dự kiến|dự báo|dự toán|phấn đấu|mục tiêu|so với|cùng kỳ|tăng|giảm|còn|chưa|tồn|bình quân|(?:19|20)\d\d"
)
# Words that say nothing of what is counted: when, and the verbs of any result.
_PLAIN = frozenset("lũy luỹ kế tháng đầu năm cả được đạt thực hiện ước trong toàn đã , ( ) :".split())


def _months_of_part(clause: str) -> int | None:
    """The last month of the quarter or month a clause is about ("quý III" → 9), or None."""
    if _WHOLE.search(clause):
        return None
    m = _PART.search(clause)
    if m is None:
        return None
    return 3 * _QUARTERS[m.group(1)] if m.group(1) else int(m.group(2))


def _months_of_whole(clause: str) -> int | None:
    """How many months from the year's start a cumulative clause covers ("lũy kế 9 tháng" → 9;
    13 for a bare "lũy kế" or "cả năm", which hold every part reported), or None."""
    found = list(_WHOLE.finditer(clause))
    if not found:
        return None
    counts = [int(m.group(1)) for m in found if m.group(1)]
    return counts[0] if counts else 13


def _named_after_whole(clause: str) -> set[str]:
    """The words a cumulative clause puts between its months and its figure ("trồng được"):
    what it counts, beyond the plain words of time and result."""
    tail = clause[list(_WHOLE.finditer(clause))[-1].end() :]
    return set(re.findall(r"[^\W\d_]+", tail)) - _PLAIN


def _bounds(n: Number) -> tuple[float, float]:
    """The interval the printed digits of ``n`` allow."""
    half = 0.5 * 10 ** -(n.stated.decimals if n.stated else 0)
    return n.value - half, n.value + half


def _first_figure(p, a: int, b: int) -> Number | None:
    """The clause's own figure: its first exact number with a unit that adds up (no share)."""
    numbers = p.numbers_in(a, b)
    if not numbers:
        return None
    n = numbers[0]
    if n.exact and n.unit and not n.unit.startswith("%") and "/" not in n.unit and n.unit != "lần":
        return n
    return None


def part_over_whole(ctx: Context) -> list[Finding]:
    """A quarter's or month's figure larger than the cumulative figure of months holding it."""
    out: list[Finding] = []
    for p in ctx.passages:
        clauses = p.clauses
        for (a1, b1), (a2, b2) in zip(clauses, clauses[1:], strict=False):
            if p.sentence_of(a1) != p.sentence_of(a2):
                continue
            for (pa, pb), (wa, wb) in (((a1, b1), (a2, b2)), ((a2, b2), (a1, b1))):
                finding = _compare(p, pa, pb, wa, wb)
                if finding:
                    out.append(finding)
    return out


def _compare(p, pa: int, pb: int, wa: int, wb: int) -> Finding | None:
    """The finding when the clause [pa, pb) gives a part larger than the whole of [wa, wb)."""
    part, whole = _first_figure(p, pa, pb), _first_figure(p, wa, wb)
    if part is None or whole is None or part.unit != whole.unit:
        return None
    before_part, before_whole = p.folded[pa : part.start], p.folded[wa : whole.start]
    last, months = _months_of_part(before_part), _months_of_whole(before_whole)
    if last is None or months is None or last > months:
        return None
    if _NOT_A_LEVEL.search(before_part) or _NOT_A_LEVEL.search(before_whole):
        return None
    if not _named_after_whole(before_whole) <= set(re.findall(r"[^\W\d_]+", before_part)):
        return None  # the whole names a deed of its own: another indicator
    if _bounds(part)[0] <= _bounds(whole)[1]:
        return None
    a, b = p.sentence_of(pa)
    return Finding(
        "period", ERROR, (part.line,), (part.text, whole.text),
        f"Số của một quý (tháng) {part.text} lớn hơn số lũy kế {whole.text} của các tháng bao gồm nó; "
        "một trong hai số bị ghi nhầm kỳ.",
        None, p.quote(a, b),
    )


def _own_year(ctx: Context, s) -> tuple[int, Number] | None:
    """The year a target's own clause dates it by ("Đến năm 2025, …"), with its figure."""
    n = _number_of(ctx, s)
    if n is None:
        return None
    p = n.passage
    years = list(_BY_YEAR.finditer(p.folded, p.clause_of(n.start)[0], n.start))
    return (int(years[-1].group(1)), n) if years else None


def target_of_reported_year(ctx: Context) -> list[Finding]:
    """Targets under a later horizon dated to a year whose result the document reports."""
    results = [r for r in ctx.statements if r.kind == "result" and r.year and r.low is not None]
    out: list[Finding] = []
    for s in ctx.statements:
        if s.kind != "target" or not s.unit or (s.low is None and s.high is None):
            continue
        dated = _own_year(ctx, s)
        if dated is None:
            continue
        year, n = dated
        seg = n.passage.segment
        if seg.mode != "target" or seg.year is None or seg.year <= year or s.year != year:
            continue
        if _VISION.search(n.passage.folded):
            continue
        for r in results:
            m = _number_of(ctx, r)
            if (r.year != year or r.unit != s.unit or m is None or m.passage.segment.mode != "result"
                    or not same_indicator(target_name(r.indicator), target_name(s.indicator))):
                continue
            out.append(Finding(
                "period", ERROR, (n.line, m.line), (n.text, m.text),
                f"{s.indicator[:1].upper()}{s.indicator[1:80]}: chỉ tiêu {n.text} ghi \"đến năm {year}\" trong mục chỉ tiêu đến năm "
                f"{seg.year}, nhưng năm {year} văn bản đã báo cáo kết quả {m.text}; mốc của chỉ tiêu bị ghi nhầm năm.",
                str(seg.year), n.passage.quote(*n.passage.sentence_of(n.start)),
            ))
            break
    return out
