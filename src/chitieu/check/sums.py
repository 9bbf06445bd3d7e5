"""``sum``: parts that do not add up to the total they break down.

A total followed, in its clause, by a breakdown mark (``trong đó``, ``gồm``, ``bao gồm``, a
colon or a bracket) and two or more parts in the same unit: "1806 hồ sơ (mức độ 3: 60 hồ sơ,
…)", "3.033 tỷ đồng, trong đó dịch vụ 1.957 tỷ đồng, …". "Trong đó" often lists only some
parts, so a breakdown is judged only when it is meant to be complete: its parts come within
5 % of the total (a near miss is a slip, a large gap is parts left unnamed) or, after
``gồm``/``bao gồm``, exceed it. Counts are whole numbers; other figures are widened by the
digits they are printed with. A count of the plan's own indicators is a ``count`` finding.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt
from chitieu.check.finding import ERROR, Finding
from chitieu.check.passages import Number, Passage

# The mark may follow a few words that finish the total's name ("1.806 hồ sơ được giải quyết, trong đó").
_MARK_AFTER = re.compile(r"[^\d;.()]{0,40}?(trong đó|bao gồm|(?<![a-zà-ỹđ])gồm|:|\()")
_COMPLETE = re.compile(r"bao gồm|(?<![a-zà-ỹđ])gồm")
_NEAR = 0.05
# A part that is a count of something inside another part ("… 20 hộ, trong đó 5 hộ nghèo")
# starts a nested breakdown: the parts stop there.
_NESTED = re.compile(r"trong đó|(?<![a-zà-ỹđ])gồm")


def _parts(p: Passage, total: Number, mark_end: int, end: int) -> list[Number]:
    out: list[Number] = []
    for q in p.numbers_in(mark_end, end):
        if q.unit in ("%", "‰") or q.mention.denominator is not None:
            continue
        if not q.exact or q.role != "level" or q.family != total.family:
            return []  # a range, a change or a bound: not a plain breakdown
        if out and _NESTED.search(p.folded, out[-1].end, q.start):
            break
        out.append(q)
    return out


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for p in ctx.passages:
        if len(p.numbers) < 3:
            continue
        for total in p.numbers:
            if not total.exact or total.unit in (None, "%", "‰") or total.role != "level":
                continue
            if total.mention.denominator is not None or not total.value:
                continue
            mark = _MARK_AFTER.match(p.folded, total.end)
            if mark is None:
                continue
            mark_end, word = mark.end(1), mark.group(1)
            a, b = p.clause_of(total.start)
            if word == "(":
                close = p.folded.find(")", mark_end)
                b = close if close != -1 else b
            parts = _parts(p, total, mark_end, b)
            if len(parts) < 2:
                continue
            f = _judge(p, total, parts, _COMPLETE.match(word) is not None)
            if f is not None:
                out.append(f)
    return out


def _judge(p: Passage, total: Number, parts: list[Number], complete: bool) -> Finding | None:
    scale = (total.base() / total.value) if total.value else 1.0
    summed = sum(q.base() for q in parts) / scale
    slack = total.half() + sum(q.half() for q in parts)
    counts = all(float(q.value).is_integer() for q in (total, *parts)) and not total.is_money
    if counts:
        slack = 0.0
    diff = summed - total.value
    if abs(diff) <= slack + 1e-9:
        return None
    if abs(diff) > _NEAR * total.value and not (complete and diff > 0):
        return None  # parts left unnamed ("trong đó" lists only some)
    kind = "count" if total.unit == "chỉ tiêu" else "sum"
    decimals = max((q.stated.decimals if q.stated else 0) for q in (total, *parts))
    computed = fmt(summed, decimals)
    sums = " + ".join(q.written for q in parts)
    unit = (total.text[len(total.written) :]).strip()
    a, b = p.sentence_of(total.start)
    return Finding(
        kind, ERROR, tuple(sorted({total.line, *(q.line for q in parts)}, key=lambda x: (x != total.line, x))),
        (total.text, *(q.text for q in parts)),
        f"Các thành phần cộng lại {sums} = {computed} {unit}".rstrip() + f", văn bản ghi tổng {total.text}.",
        computed, p.quote(a, b),
    )
