"""Sentences, clauses and sub-clauses of a segment, as offset spans.

Owns the splitting every relation relies on: a quoted target, a verdict or a year belongs to
the statement in the same sentence; names stop at clause and sub-clause borders. A stop splits
sentences only before a capital, a bullet, a numbered item or the end (PDF text has ". " inside
sentences); runs longer than ``MAX_SENTENCE`` are cut so work stays linear.
"""

from __future__ import annotations

import bisect
import functools
import re


@functools.lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def containing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span holding ``offset`` (spans are sorted and do not overlap)."""
    if not spans:
        return (0, 0)
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= offset < spans[i][1]:
        return spans[i]
    return spans[max(i, 0)] if i >= 0 else spans[0]


_STOP = re.compile(r"[.!?…]+(?=\s|$)")
_SPACE = re.compile(r"\s*")
# "Kế hoạch: 8%. Thực hiện: 8,4%. Đánh giá: Vượt.": labelled fields of one indicator, one sentence.
_FIELD = re.compile(
    r"(?:kế hoạch|thực hiện|ước thực hiện|kết quả|đánh giá|kh|th)(?:\s+năm\s+\d{4})?\s*:", re.I
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences: a stop followed by a capital, a bullet, a numbered item or the end."""
    out, last = [], 0
    for m in _STOP.finditer(text):
        at = _SPACE.match(text, m.end()).end()  # where the rest starts: no copy of it (linear)
        if _FIELD.match(text, at):
            continue
        nxt = text[at : at + 1]
        if not nxt or nxt.isupper() or nxt in '-–+•(“"' or nxt.isdigit():
            out.append((last, m.end()))
            last = m.end()
    if last < len(text):
        out.append((last, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def refine(spans: list[tuple[int, int]], folded: str, pattern: str) -> list[tuple[int, int]]:
    """Each span split at ``pattern`` into (start, end) spans covering it; blank pieces dropped.

    The pattern runs inside each span (``endpos`` = its end: a look-ahead there sees the end of
    the text, as in a copy of the span), so no span is copied."""
    rx = _compiled(pattern)
    out = []
    for a, b in spans:
        last = a
        for m in rx.finditer(folded, a, b):
            if folded[last : m.end()].strip():
                out.append((last, m.end()))
            last = m.end()
        if last < b and folded[last:b].strip():
            out.append((last, b))
    return out


MAX_SENTENCE = 1500  # characters; a longer run without a stop (a dumped table) is read in pieces


def chop(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Cut spans longer than ``MAX_SENTENCE`` at a ';', ',' or space, so work stays linear."""
    out = []
    for a, b in spans:
        while b - a > MAX_SENTENCE:
            cut = max(text.rfind(";", a, a + MAX_SENTENCE), text.rfind(",", a, a + MAX_SENTENCE))
            if cut <= a:
                cut = text.rfind(" ", a, a + MAX_SENTENCE)
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def within(spans: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    i = bisect.bisect_left(spans, (a, -1))
    j = bisect.bisect_left(spans, (b, -1))
    return spans[i:j]
