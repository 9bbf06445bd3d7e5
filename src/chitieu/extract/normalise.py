"""Text repair and matching forms for Vietnamese report text.

Owns: NFC normalisation, the small table of letters that PDF extraction loses in a known
way ("K t quả" → "Kết quả", "ƣ" → "ư"), and ``fold`` — the lower-case form with one
tone-mark style ("hoà"/"hòa", "thuỷ"/"thủy" both → "hòa", "thủy") that rules match against.
``fold`` keeps the string's length, so offsets found in it are offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters some PDF fonts map wrongly; each has one right reading. (Replaced one by one:
# ``str.translate`` with a table takes its slow path on Vietnamese text.)
_CHAR_REPAIRS: tuple[tuple[str, str], ...] = (
    ("ƣ", "ư"), ("Ƣ", "Ư"), ("\u00a0", " "), ("\u2009", " "), ("\u00ad", ""),
)

# Words whose letter "ế"/"í" PDF extraction dropped (it leaves a space). Only repairs whose
# broken form is not itself a Vietnamese phrase are listed, so each repair is unambiguous.
# The third item is text every match contains: a line without it is not searched (most lines
# need no repair, and 27 regular-expression passes over each line made reading slow).
_WORD_REPAIRS: tuple[tuple[str, str, str], ...] = (
    (r"\b([Kk]) t quả\b", r"\1ết quả", " t quả"),
    (r"\b([Kk])  ?hoạch\b", r"\1ế hoạch", " hoạch"),
    (r"\b([Kk])inh t (?=\s|-|–|,|\.|;|$)", r"\1inh tế ", "inh t "),
    (r"\bkinh t$", "kinh tế", "kinh t"),
    (r"\bchủ y u\b", "chủ yếu", "chủ y u"),
    (r"\btiêu ch (?=\s|,|\.|;|$)", "tiêu chí ", "tiêu ch "),
    (r"\bch nh sách\b", "chính sách", "ch nh sách"),
    (r"\b([Hh])ạn ch ", r"\1ạn chế ", "ạn ch "),
    (r"\bkhuy t điểm\b", "khuyết điểm", "khuy t điểm"),
    (r"\b([Kk])hi u nại\b", r"\1hiếu nại", "hi u nại"),
    (r"\bti p tục\b", "tiếp tục", "ti p tục"),
    (r"\bchi n lược\b", "chiến lược", "chi n lược"),
    (r"\bdoanh nghi p\b", "doanh nghiệp", "doanh nghi p"),
    (r"\bbi n đổi\b", "biến đổi", "bi n đổi"),
    (r"\btri n khai\b", "triển khai", "tri n khai"),
    (r"\b([Dd])iện t ch\b", r"\1iện tích", "iện t ch"),
    (r"\b([Dd])i t ch\b", r"\1i tích", "i t ch"),
    (r"\bt ch cực\b", "tích cực", "t ch cực"),
    (r"\bmục đ ch\b", "mục đích", "mục đ ch"),
    (r"\bkinh ph (?=\s|,|\.|;|$)", "kinh phí ", "kinh ph "),
    (r"\b(thuế,|lệ) ph (?=\s|,|\.|;|$)", r"\1 phí ", " ph "),
    (r"\b(hành|tài) ch nh\b", r"\1 chính", " ch nh"),
    (r"\bch nh (sách|quyền|trị|phủ|thức)\b", r"chính \1", "ch nh "),
    (r"\bv c xin\b", "vắc xin", "v c xin"),
    (r"\bchất thải r n\b", "chất thải rắn", "chất thải r n"),
    (r"\bph ng (ngủ|nghỉ|học|chống|cháy)\b", r"phòng \1", "ph ng "),
    (r"\bquốc ph ng\b", "quốc phòng", "quốc ph ng"),
    # a tone mark left out of a report's key words: "ươc đạt", "kế hoach"
    (r"\b([ưƯ])ơc (?=đạt|tính|thực hiện|khoảng|cả năm|\d)", r"\1ớc ", "ơc "),
    (r"\b([Kk])ế hoach\b", r"\1ế hoạch", "ế hoach"),
)
_WORD_REPAIRS_RE = tuple((re.compile(p), r, needle) for p, r, needle in _WORD_REPAIRS)


def repair(line: str) -> str:
    """NFC-normalise one line and repair letters lost in PDF extraction where unambiguous."""
    s = unicodedata.normalize("NFC", line)
    for bad, good in _CHAR_REPAIRS:
        if bad in s:
            s = s.replace(bad, good)
    if " " in s:
        for pattern, replacement, needle in _WORD_REPAIRS_RE:
            if needle in s:
                s = pattern.sub(replacement, s)
    return s


# Old-style tone placement on the second vowel of an open "oa", "oe", "uy" → on the first.
_TONE_STYLE = {}
for _plain, _marked_first in (("a", "òóỏõọ"), ("e", "òóỏõọ"), ("y", "ùúủũụ")):
    _marks_second = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}[_plain]
    _first = "o" if _plain in "ae" else "u"
    for _m2, _m1 in zip(_marks_second, _marked_first, strict=True):
        _TONE_STYLE[_first + _m2] = _m1 + _plain
# The same pairs as _TONE_STYLE's keys, not after "q". Written as classes and with the "q" looked
# for behind the pair, so that the search skips to an "o" or "u" (twice as fast as the alternatives).
_TONE_RE = re.compile(r"(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?<!q..)(?![a-zà-ỹđ])")
assert {"o" + m for m in "àáảãạèéẻẽẹ"} | {"u" + m for m in "ỳýỷỹỵ"} == set(_TONE_STYLE)
# Its two halves, each starting with one letter: a search for a pattern that starts with one
# fixed character skips to that character at memory speed (for a set of characters, as _TONE_RE
# starts with, the engine tests every character), so the two searches together cost a third.
_TONE_O = re.compile(r"o[àáảãạèéẻẽẹ](?<!q..)(?![a-zà-ỹđ])")
_TONE_U = re.compile(r"u[ỳýỷỹỵ](?<!q..)(?![a-zà-ỹđ])")


def fold(text: str) -> str:
    """Lower-case ``text`` and put tone marks in one style; the length does not change."""
    if text.isascii():  # (a flag of the string: no tone marks, and every letter lower-cases to one)
        return text.lower()
    low = text.lower()
    if len(low) != len(text):  # a few letters (İ) lower to two characters: keep offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    # (most text has no old-style mark: a search is cheaper than a substitution that finds nothing)
    if "o" in low and _TONE_O.search(low) or "u" in low and _TONE_U.search(low):
        return _TONE_RE.sub(_restyle, low)
    return low


def _restyle(m: re.Match[str]) -> str:
    return _TONE_STYLE[m.group(1)]


def word_tree(words: Iterable[str]) -> str:
    """A pattern matching exactly the ``words``, their common beginnings written once.

    The regular-expression engine tries the alternatives of a plain alternation one by one; as a
    tree it tries one letter of each branch instead. Where several words match at one place
    (each the beginning of the next), the longest is tried first, as in an alternation sorted
    longest first."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[None] = None  # a word ends here

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in node.items() if ch is not None]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if None in node else body

    return emit(tree)
