"""Text repair and matching forms for Vietnamese report text.

Owns: NFC normalisation, the small table of letters that PDF extraction loses in a known
way ("K t quả" → "Kết quả", "ƣ" → "ư"), and ``fold`` — the lower-case form with one
tone-mark style ("hoà"/"hòa", "thuỷ"/"thủy" both → "hòa", "thủy") that rules match against.
``fold`` keeps the string's length, so offsets found in it are offsets in the original.
"""

from __future__ import annotations

import re
import unicodedata

# Characters some PDF fonts map wrongly; each has one right reading.
_CHAR_REPAIRS = str.maketrans({"ƣ": "ư", "Ƣ": "Ư", "\u00a0": " ", "\u2009": " ", "\u00ad": ""})

# Words whose letter "ế"/"í" PDF extraction dropped (it leaves a space). Only repairs whose
# broken form is not itself a Vietnamese phrase are listed, so each repair is unambiguous.
_WORD_REPAIRS: tuple[tuple[str, str], ...] = (
    (r"\b([Kk]) t quả\b", r"\1ết quả"),
    (r"\b([Kk])  ?hoạch\b", r"\1ế hoạch"),
    (r"\b([Kk])inh t (?=\s|-|–|,|\.|;|$)", r"\1inh tế "),
    (r"\bkinh t$", "kinh tế"),
    (r"\bchủ y u\b", "chủ yếu"),
    (r"\btiêu ch (?=\s|,|\.|;|$)", "tiêu chí "),
    (r"\bch nh sách\b", "chính sách"),
    (r"\b([Hh])ạn ch ", r"\1ạn chế "),
    (r"\bkhuy t điểm\b", "khuyết điểm"),
    (r"\b([Kk])hi u nại\b", r"\1hiếu nại"),
    (r"\bti p tục\b", "tiếp tục"),
    (r"\bchi n lược\b", "chiến lược"),
    (r"\bdoanh nghi p\b", "doanh nghiệp"),
    (r"\bbi n đổi\b", "biến đổi"),
    (r"\btri n khai\b", "triển khai"),
    (r"\b([Dd])iện t ch\b", r"\1iện tích"),
    (r"\b([Dd])i t ch\b", r"\1i tích"),
    (r"\bt ch cực\b", "tích cực"),
    (r"\bmục đ ch\b", "mục đích"),
    (r"\bkinh ph (?=\s|,|\.|;|$)", "kinh phí "),
    (r"\b(thuế,|lệ) ph (?=\s|,|\.|;|$)", r"\1 phí "),
    (r"\b(hành|tài) ch nh\b", r"\1 chính"),
    (r"\bch nh (sách|quyền|trị|phủ|thức)\b", r"chính \1"),
    (r"\bv c xin\b", "vắc xin"),
    (r"\bchất thải r n\b", "chất thải rắn"),
    (r"\bph ng (ngủ|nghỉ|học|chống|cháy)\b", r"phòng \1"),
    (r"\bquốc ph ng\b", "quốc phòng"),
)
_WORD_REPAIRS_RE = tuple((re.compile(p), r) for p, r in _WORD_REPAIRS)


def repair(line: str) -> str:
    """NFC-normalise one line and repair letters lost in PDF extraction where unambiguous."""
    s = unicodedata.normalize("NFC", line).translate(_CHAR_REPAIRS)
    if " " in s:
        for pattern, replacement in _WORD_REPAIRS_RE:
            s = pattern.sub(replacement, s)
    return s


# Old-style tone placement on the second vowel of an open "oa", "oe", "uy" → on the first.
_TONE_STYLE = {}
for _plain, _marked_first in (("a", "òóỏõọ"), ("e", "òóỏõọ"), ("y", "ùúủũụ")):
    _marks_second = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}[_plain]
    _first = "o" if _plain in "ae" else "u"
    for _m2, _m1 in zip(_marks_second, _marked_first, strict=True):
        _TONE_STYLE[_first + _m2] = _m1 + _plain
_TONE_RE = re.compile(r"(?<!q)(" + "|".join(_TONE_STYLE) + r")(?![a-zà-ỹđ])")


def fold(text: str) -> str:
    """Lower-case ``text`` and put tone marks in one style; the length does not change."""
    low = text.lower()
    if len(low) != len(text):  # a few letters (İ) lower to two characters: keep offsets
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return _TONE_RE.sub(lambda m: _TONE_STYLE[m.group(1)], low)
