"""Footnotes and the body figures they hang on, for the checks that compare the two.

Owns ``links`` — for every footnote of the document, the line of its anchor (the body line
that carries the marker) and the passage of its body. The reader drops footnote markers (PDF
text puts each on a line of its own, once after the anchored words and once before the
footnote's body; Markdown writes ``<sup>N</sup>`` in the body and at the start of the
footnote's line), so the markers are read here from the document's lines: the first
occurrence of a number is its anchor, the next its body. Numbers must come in order near
each other (a marker is never far from the last one), which leaves page numbers out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chitieu.check.common import Context
from chitieu.check.passages import Passage

_PDF_MARKER = re.compile(r"^\s*(\d{1,3})\s*$")
_SUP = re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I)
_SUP_START = re.compile(r"^\s*<sup>\s*(\d{1,3})\s*</sup>", re.I)


@dataclass(frozen=True)
class Link:
    number: int
    anchor_line: int  # the body line the marker follows
    anchor_column: int | None  # where in that line's raw text the marker stands (Markdown), else None (line end)
    body: Passage


def _previous_text_line(lines: tuple[str, ...], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - 4), -1):
        if lines[j].strip() and not _PDF_MARKER.match(lines[j]):
            return j + 1
    return None


def _next_text_line(lines: tuple[str, ...], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].strip() and not _PDF_MARKER.match(lines[j]):
            return j + 1
    return None


def links(ctx: Context) -> list[Link]:
    lines = ctx.document.lines
    anchors: dict[int, tuple[int, int | None]] = {}
    out: list[Link] = []
    for i, raw in enumerate(lines):
        m = _SUP_START.match(raw)
        if m:
            n = int(m.group(1))
            if n in anchors:
                body = ctx.passage_at(i + 1)
                if body is not None:
                    out.append(Link(n, *anchors.pop(n), body))
            continue
        for s in _SUP.finditer(raw):
            anchors.setdefault(int(s.group(1)), (i + 1, s.start()))
        m = _PDF_MARKER.match(raw)
        if m is None or len(raw) > 12:
            continue
        n = int(m.group(1))
        if n in anchors:
            nxt = _next_text_line(lines, i)
            body = ctx.passage_at(nxt) if nxt else None
            if body is not None and not body.is_table_row:
                out.append(Link(n, *anchors.pop(n), body))
        elif n <= 300:
            prev = _previous_text_line(lines, i)
            if prev is not None:
                anchors[n] = (prev, None)
    return out
