"""Sentences, clauses and sub-clauses of a segment, as offset spans.

Owns the splitting every relation relies on: a quoted target, a verdict or a year belongs to
the statement in the same sentence; names stop at clause and sub-clause borders. A stop splits
sentences only before a capital, a bullet, a numbered item or the end (PDF text has ". " inside
sentences); runs longer than ``MAX_SENTENCE`` are cut so work stays linear.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re


@functools.lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_START = operator.itemgetter(0)


def containing(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The span holding ``offset`` (spans are sorted and do not overlap)."""
    if len(spans) == 1:
        return spans[0]  # (what the search below gives for one span, wherever the offset)
    if not spans:
        return (0, 0)
    # the last span starting at or before the offset (holding it, or the last before it), else the
    # first (by their starts: what comparing with (offset, inf) finds, without building a tuple)
    i = bisect.bisect_right(spans, offset, key=_START)
    return spans[i - 1] if i else spans[0]


# "[.!?…]+(?=\s|$)", written with one stop first so that the engine skips straight to stops
_STOP = re.compile(r"[.!?…][.!?…]*(?=\s|$)")
# The same for a text whose only stop is ".": a pattern that starts with one fixed character is
# searched at memory speed (for a set of characters the engine tests every character).
_FULL_STOP = re.compile(r"\.\.*(?=\s|$)")
_SPACE = re.compile(r"\s*")
# "Kế hoạch: 8%. Thực hiện: 8,4%. Đánh giá: Vượt.": labelled fields of one indicator, one sentence.
_FIELD = re.compile(
    r"(?:kế hoạch|thực hiện|ước thực hiện|kết quả|đánh giá|kh|th)(?:\s+năm\s+\d{4})?\s*:", re.I
)

# The letters a _FIELD match can start with, in either case (and the Kelvin sign, which matches
# "k" when case is ignored).
_FIELD_FIRST = frozenset("kKtTđĐưƯ\u212a")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences: a stop followed by a capital, a bullet, a numbered item or the end."""
    out, last = [], 0
    stops = text
    if "!" in text or "?" in text or "…" in text:
        # Every stop written "." in a copy of the same length: _FULL_STOP finds in it the places
        # _STOP finds in the text, and it is searched at memory speed (it starts with one fixed
        # character; for _STOP's set of characters the engine tests every character).
        stops = text.replace("!", ".").replace("?", ".").replace("…", ".")
    colon = text.find(":")  # the first ":" from where the last stop was looked past (-1: none)
    for m in _FULL_STOP.finditer(stops):
        end = at = m.end()
        nxt = text[at : at + 1]
        if nxt == " ":  # (the usual one space; more spaces: the pattern finds where the rest starts)
            at += 1
            nxt = text[at : at + 1]
        if nxt.isspace():
            at = _SPACE.match(text, at).end()  # type: ignore[union-attr]  # where the rest starts: no copy of it (linear)
            nxt = text[at : at + 1]
        if nxt in _FIELD_FIRST and colon >= 0:  # (a field ends with ":")
            if colon < at:
                colon = text.find(":", at)
            if colon >= 0 and _FIELD.match(text, at):
                continue
        if not nxt or nxt.isupper() or nxt in '-–+•(“"' or nxt.isdigit():
            out.append((last, end))
            last = end
    # (every piece but the last holds its stop: only the last can be blank)
    if last < len(text) and not text[last:].isspace():
        out.append((last, len(text)))
    return out


def refine(spans: list[tuple[int, int]], folded: str, pattern: str) -> list[tuple[int, int]]:
    """Each span split at ``pattern`` into (start, end) spans covering it; blank pieces dropped.

    The pattern runs inside each span (``endpos`` = its end: a look-ahead there sees the end of
    the text, as in a copy of the span), so no span is copied."""
    if pattern in _ONE_CHARACTER:
        return _refine_one_scan(spans, folded, _ONE_CHARACTER[pattern])
    rx = _compiled(pattern)
    out = []
    for a, b in spans:
        last = a
        for m in rx.finditer(folded, a, b):
            end = m.end()
            if end > last and not folded[last:end].isspace():  # (= not blank: .strip() is empty)
                out.append((last, end))
            last = end
        if last < b and folded[last:b].strip():
            out.append((last, b))
    return out


# The patterns the extractor splits at: one character each (a comma or colon not before a digit,
# "1,5"). Such a pattern finds the same places in a sentence as in the whole text, but at a
# span's last character, where a look-ahead inside the span sees its end and in the whole text
# the next character: a stop there ends the piece either way, so the pieces are the same.
# Each is given as patterns that start with one fixed character (their matches together are the
# pattern's): the engine skips to such a character at memory speed, where for a set of
# characters it tests every character.
_ONE_CHARACTER = {
    ";": ((";", re.compile(";")),),
    r",(?!\d)|:(?!\d)": ((",", re.compile(r",(?!\d)")), (":", re.compile(r":(?!\d)"))),
}


def _refine_one_scan(
    spans: list[tuple[int, int]], folded: str, parts: tuple[tuple[str, re.Pattern[str]], ...]
) -> list[tuple[int, int]]:
    """``refine`` for a one-character pattern: one scan over all the spans, not one per span."""
    out: list[tuple[int, int]] = []
    if not spans:
        return out
    lo, hi = spans[0][0], spans[-1][1]
    # where each match ends (one character: it starts just before). Each part's search starts
    # at its character's first place (``str.find`` runs at memory speed; no match starts before).
    ends: list[int] = []
    for ch, rx in parts:
        at = folded.find(ch, lo, hi)
        if at >= 0:
            ends += [m.end() for m in rx.finditer(folded, at, hi)]
    if not ends:  # (most spans hold none: each is kept unless blank)
        return [(a, b) for a, b in spans if a < b and not (folded[b - 1].isspace() and folded[a:b].isspace())]
    if len(parts) > 1:
        ends.sort()
    j, n = 0, len(ends)
    for a, b in spans:
        while j < n and ends[j] <= a:
            j += 1  # (a match before the span, in a gap between spans)
        last = a
        while j < n and ends[j] <= b:  # a match starting in the span
            # (every piece up to a match holds the matched character: none is blank)
            out.append((last, ends[j]))
            last = ends[j]
            j += 1
        # (blank only if its last character is a space: most pieces end with a stop or a letter)
        if last < b and not (folded[b - 1].isspace() and folded[last:b].isspace()):
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
    """The spans starting in [a, b) (by their starts: as comparing with (a, -1) and (b, -1))."""
    i = bisect.bisect_left(spans, a, key=_START)
    j = bisect.bisect_left(spans, b, lo=i, key=_START)
    return spans[i:j]
