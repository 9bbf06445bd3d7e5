"""Ordinal values: option lists (xếp loại Tốt / Khá / Trung bình / Yếu) and ranks (xếp thứ 3, tốp 3).

Owns: how such a value is read from what a person types (``read_ordinal``: "Khá" → 2 for the
options Tốt, Khá, Trung bình, Yếu; "thứ 3" → 3 for a rank), how it is shown (``ordinal_label``:
always in words, never the stored number), and what an ordinal target asks (``ordinal_goal``:
"xếp loại Tốt trở lên" → rank ≤ 1, "đạt loại Khá" → rank 2, better is Vượt; "nằm trong tốp 3"
→ rank ≤ 3; "hằng năm …" every year; "đến năm 2023 …" by a deadline). A value is stored as its
rank, 1 the best, in the ordinary decimal value column.

Pure Python; no Django, no I/O. The rules are written in docs/evaluation.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chitieu.core.indicators import ORDINAL_KINDS, Indicator, Kind, yes_no_label
from chitieu.core.targets import Bound, Op, Target

__all__ = ["OrdinalError", "OrdinalGoal", "in_words", "ordinal_goal", "ordinal_label", "read_ordinal"]


class OrdinalError(ValueError):
    """A value or a target that does not name an option (or a rank) of its indicator."""


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", str(text)).lower().split())


def _strip_accents(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in t if not unicodedata.combining(c))


_RANK_RE = re.compile(r"^(?:(?:xếp |đứng |đạt |nằm |ở )?(?:thứ|hạng|vị trí thứ|vị trí)\s*)?(\d{1,4})$")


def read_ordinal(indicator: Indicator, raw) -> int | None:
    """The rank (1 = the best) of a value typed as a word: an option of an OPTION indicator
    ("Khá", "khá", "KHA" without accents when that is unambiguous), or a position of a RANK
    indicator ("3", "thứ 3", "hạng 3"). None when ``raw`` is neither (the caller says what is
    wrong and lists the options)."""
    if raw is None or isinstance(raw, bool):
        return None
    if indicator.kind is Kind.RANK:
        if isinstance(raw, int) and raw >= 1:
            return raw
        if isinstance(raw, float) and raw.is_integer() and raw >= 1:
            return int(raw)
        m = _RANK_RE.match(_fold(raw)) if isinstance(raw, str) else None
        if m and int(m[1]) >= 1:
            return int(m[1])
        return None
    if indicator.kind is not Kind.OPTION or not isinstance(raw, str):
        return None
    options = [_fold(o) for o in indicator.options]
    bare = [_strip_accents(o) for o in options]
    written = _fold(raw)
    # "Khá", then "xếp loại Khá" (an option itself named "Loại A" or "Mức 1" is found first)
    for text in (written, re.sub(r"^(?:xếp loại|đạt loại|loại|mức)\s+", "", written)):
        if text in options:
            return options.index(text) + 1
        hits = [i for i, o in enumerate(bare) if o == _strip_accents(text)]
        if len(hits) == 1:
            return hits[0] + 1
    return None


def ordinal_label(indicator: Indicator, value: float) -> str:
    """A stored rank in words: the option ("Khá"), or "thứ 3" for a rank; never the bare number
    of an option. A stored number that is not a rank of the list is shown as it is, marked."""
    if value is None:
        return ""
    rank = int(value) if float(value).is_integer() else None
    if indicator.kind is Kind.OPTION:
        if rank is not None and 1 <= rank <= len(indicator.options):
            return indicator.options[rank - 1]
        return f"(không thuộc danh sách: {value})"
    return f"thứ {rank}" if rank is not None else str(value)


def in_words(indicator: Indicator, value: float) -> str | None:
    """The words every view shows for a value of a yes/no, option or rank indicator ("Đạt",
    "Khá", "thứ 3"); None for a number shown as a number."""
    if indicator.kind is Kind.BOOLEAN:
        return yes_no_label(value)
    if indicator.kind in ORDINAL_KINDS:
        return ordinal_label(indicator, value)
    return None


def expected_words(indicator: Indicator) -> str:
    """What may be typed, for messages: "Tốt, Khá, Trung bình, Yếu" or "thứ hạng 1, 2, 3…"."""
    if indicator.kind is Kind.OPTION:
        return ", ".join(indicator.options)
    return "thứ hạng 1, 2, 3…"


@dataclass(frozen=True, slots=True)
class OrdinalGoal:
    """What an ordinal target asks: a bound on the rank (lower is better), each year or at the
    target year, with an optional deadline; ``words`` says the bound in words ("Tốt trở lên")."""

    bound: Bound
    each_year: bool
    deadline: int | None
    words: str

    def satisfied(self, rank: float) -> bool:
        return self.bound.contains(rank)


_EACH_YEAR_RE = re.compile(r"\b(?:hằng|hàng|mỗi)\s+năm\b|\bcác năm\b")
_AT_LEAST_RE = re.compile(r"trở lên")
_TOP_RE = re.compile(r"\b(?:tốp|top|tóp)\s*(\d{1,4})\b")
_POSITION_RE = re.compile(r"\b(?:thứ|hạng|vị trí thứ)\s*(\d{1,4})\b")


def ordinal_goal(target: Target, indicator: Indicator) -> OrdinalGoal:
    """The goal of ``target`` on an ordinal indicator, read from its phrase (the option word it
    names, "trở lên", "tốp N", "hằng năm", the year). Raises ``OrdinalError`` naming the
    indicator, the phrase and the options when the phrase names no option (or no rank)."""
    phrase = _fold(target.phrase)
    each_year = bool(_EACH_YEAR_RE.search(phrase)) or target.horizon.value == "each_year"
    deadline = target.year
    if indicator.kind is Kind.OPTION:
        rank = _option_in(phrase, indicator.options)
        if rank is None:
            raise OrdinalError(
                f"Chỉ tiêu {indicator.code} “{indicator.name}” là xếp loại ({expected_words(indicator)}), nhưng mục "
                f"tiêu “{target.phrase}” không nêu loại nào / the target {target.phrase!r} names none of the options of "
                f"{indicator.code} ({expected_words(indicator)})"
            )
        word = indicator.options[rank - 1]
        if _AT_LEAST_RE.search(phrase) or rank == 1:
            return OrdinalGoal(Bound(Op.LE, None, rank), each_year, deadline,
                               word if rank == 1 else f"{word} trở lên")
        return OrdinalGoal(Bound.exact(rank), each_year, deadline, word)
    top = _TOP_RE.search(phrase)
    if top:
        n = int(top[1])
        return OrdinalGoal(Bound(Op.LE, None, n), each_year, deadline, f"trong tốp {n}")
    position = _POSITION_RE.search(phrase)
    if position is None and target.bound.op in (Op.LE, Op.LT) and target.bound.high is not None:
        n = int(target.bound.high)  # a rank the parser read as at most N ("nhóm 10 tỉnh dẫn đầu")
        return OrdinalGoal(Bound(Op.LE, None, n), each_year, deadline, f"trong tốp {n}")
    if position is None and target.bound.op is Op.EQ and target.bound.high is not None:
        n = target.bound.high
    elif position is not None:
        n = int(position[1])
    else:
        raise OrdinalError(
            f"Chỉ tiêu {indicator.code} “{indicator.name}” là thứ hạng, nhưng mục tiêu “{target.phrase}” không nêu "
            f"hạng hay tốp mấy (ví dụ “nằm trong tốp 3”) / the target {target.phrase!r} names no rank for "
            f"{indicator.code} (e.g. “nằm trong tốp 3”)"
        )
    n = int(n)
    if _AT_LEAST_RE.search(phrase) or n == 1:
        return OrdinalGoal(Bound(Op.LE, None, n), each_year, deadline, f"thứ {n} trở lên" if n > 1 else "thứ 1")
    return OrdinalGoal(Bound.exact(n), each_year, deadline, f"thứ {n}")


def _option_in(phrase: str, options: tuple[str, ...]) -> int | None:
    """The rank of the option the phrase names first (the longest at one place: "trung bình"
    before "bình"), as whole words: "Tốt trở lên, không có loại Yếu" asks for Tốt. Accents are
    required unless the phrase has none."""
    folded = [(_fold(o), i + 1) for i, o in enumerate(options)]
    for text, variants in ((phrase, folded), (_strip_accents(phrase), [(_strip_accents(o), r) for o, r in folded])):
        hits = sorted(
            (m.start(), -len(o), r) for o, r in variants
            if (m := re.search(rf"(?<!\w){re.escape(o)}(?!\w)", text))
        )
        if hits:
            return hits[0][2]
    return None
