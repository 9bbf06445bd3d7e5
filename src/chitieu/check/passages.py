"""The checker's view of a document: the reader's segments, sentences and numbers.

Owns ``Passage`` (one segment of the reader — a paragraph, list item, footnote body or table
row — with its sentence and clause spans and its numbers) and ``Number`` (one number the
reader finds, with the text it is written as, the line it stands on and the interval its
digits allow). Nothing here reads text a second way: segments come from
``chitieu.extract.segments``, numbers from ``chitieu.extract.quantities.find_mentions``
(which already leaves out dates, document numbers, list numbering, levels, ages and footnote
markers), spans from ``chitieu.extract.sentences``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from chitieu.core.numbers import unit_scale
from chitieu.core.stated import Agreement, Stated, StatedError
from chitieu.extract.document import Document
from chitieu.extract.quantities import NUM, Mention, find_mentions
from chitieu.extract.segments import Segment, segments
from chitieu.extract.sentences import chop, containing, refine, sentence_spans

_NUMBER_AT = re.compile(NUM)
_MONEY = ("đồng", "USD")


@dataclass(eq=False)
class Number:
    """A number of the text: the reader's ``Mention`` with where and how it is written."""

    mention: Mention
    passage: Passage
    written: str  # the digits as printed ("98,3")
    text: str  # the figure as printed, with its unit ("98,3%", "1.512 hồ sơ")
    line: int

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def value(self) -> float | None:
        return self.mention.low if self.mention.op != "<" and self.mention.op != "<=" else self.mention.high

    @property
    def unit(self) -> str | None:
        return self.mention.unit

    @property
    def role(self) -> str:
        return self.mention.role

    @property
    def exact(self) -> bool:
        """A plain figure: no bound, no range (what arithmetic can be checked on)."""
        return self.mention.op == "=" and self.mention.low is not None

    @cached_property
    def stated(self) -> Stated | None:
        try:
            return Stated.parse(self.written)
        except StatedError:
            return None

    def half(self) -> float:
        """Half a unit of the last written digit: how far the true value may be from it."""
        s = self.stated
        return 0.5 * 10.0 ** -(s.decimals if s else 0)

    def agrees(self, value: float, low: float | None = None, high: float | None = None) -> Agreement:
        s = self.stated
        if s is None:
            return Agreement.OK
        if s.value != self.mention.low and self.mention.low is not None:
            # The mention's value differs from its digits ("16 tỷ 434 triệu", a negative growth):
            # judge the mention's own value at the written precision.
            s = Stated(self.written, self.mention.low, s.decimals)
        return s.agrees(value, low=low, high=high)

    def base(self) -> float | None:
        """The value in the unit's base (money in đồng), to compare across scales."""
        v = self.value
        if v is None:
            return None
        return v * 10 ** unit_scale(self.unit) if self.is_money else v

    @property
    def is_money(self) -> bool:
        return bool(self.unit) and any(self.unit.split("/")[0].endswith(m) for m in _MONEY)

    @property
    def family(self) -> str | None:
        """The unit with money scales removed ("tỷ đồng" and "triệu đồng" are one family)."""
        u = self.unit
        if not u:
            return None
        if self.is_money:
            head, _, tail = u.partition("/")
            return head.split()[-1] + ("/" + tail if tail else "")
        return u


@dataclass(eq=False)
class Passage:
    """One segment of the reader with its spans and numbers."""

    segment: Segment
    index: int
    numbers: list[Number] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.segment.text

    @property
    def folded(self) -> str:
        return self.segment.folded

    @property
    def is_table_row(self) -> bool:
        return self.segment.cells is not None or self.segment.table_years is not None

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return chop(sentence_spans(self.text), self.text)

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        return refine(self.sentences, self.folded, r";")

    def sentence_of(self, offset: int) -> tuple[int, int]:
        return containing(self.sentences, offset)

    def clause_of(self, offset: int) -> tuple[int, int]:
        return containing(self.clauses, offset)

    def numbers_in(self, a: int, b: int) -> list[Number]:
        starts = [n.start for n in self.numbers]
        return self.numbers[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]

    def line_at(self, offset: int) -> int:
        return self.segment.line_at(offset)

    def quote(self, a: int, b: int, limit: int = 300) -> str:
        q = " ".join(self.text[a:b].split())
        return q if len(q) <= limit else q[: limit - 1] + "…"


def passages(doc: Document) -> list[Passage]:
    """The document's passages with their numbers (headings left out)."""
    out = []
    for seg in segments(doc):
        if seg.is_heading:
            continue
        p = Passage(seg, len(out))
        for m in find_mentions(seg.folded):
            digits = _NUMBER_AT.match(seg.text, m.start)
            if digits is None:
                continue
            written = digits.group()
            text = " ".join(seg.text[m.start : m.end].split()).rstrip(" ,;.:")
            p.numbers.append(Number(m, p, written, text, seg.line_at(m.start)))
        out.append(p)
    return out
