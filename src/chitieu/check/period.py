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
"""

from __future__ import annotations

import re

from chitieu.check.common import Context
from chitieu.check.conflicts import _number_of
from chitieu.check.finding import ERROR, Finding

_TERM = re.compile(r"(?:nhiệm kỳ|giai đoạn|thời kỳ|kế hoạch(?: 5 năm| năm năm)?)\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)")
_BY_YEAR = re.compile(r"(?:đến|tới|vào|trong)\s+(?:hết\s+|cuối\s+)?năm\s+((?:19|20)\d\d)")
_VISION = re.compile(r"tầm nhìn|định hướng|dài hạn")
_COMPARED = re.compile(r"so với|gấp|hơn|bằng")


def check(ctx: Context) -> list[Finding]:
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
