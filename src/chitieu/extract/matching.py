"""Suggest catalogue indicators for an extracted indicator name (for the review screen).

Owns ``suggest_indicator``: a pure function that compares names after expanding the
abbreviations reports use (TNBQ, BHYT, GTSX, CN-TTCN, TM-DV, NSNN, KT-XH, ANCT, TTATXH …),
removing accents and tone-mark style differences, and scoring word overlap.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

# Abbreviation → what it stands for (lower case, accents kept; matching strips them).
ABBREVIATIONS: dict[str, str] = {
    "tnbq": "thu nhập bình quân",
    "bq": "bình quân",
    "bhyt": "bảo hiểm y tế",
    "bhxh": "bảo hiểm xã hội",
    "bhtn": "bảo hiểm thất nghiệp",
    "gtsx": "giá trị sản xuất",
    "cn-ttcn": "công nghiệp tiểu thủ công nghiệp",
    "cn - ttcn": "công nghiệp tiểu thủ công nghiệp",
    "ttcn": "tiểu thủ công nghiệp",
    "cn": "công nghiệp",
    "tm-dv": "thương mại dịch vụ",
    "tm - dv": "thương mại dịch vụ",
    "tmdv": "thương mại dịch vụ",
    "dv": "dịch vụ",
    "tm": "thương mại",
    "nsnn": "ngân sách nhà nước",
    "ns": "ngân sách",
    "kt-xh": "kinh tế xã hội",
    "kt - xh": "kinh tế xã hội",
    "ktxh": "kinh tế xã hội",
    "anct": "an ninh chính trị",
    "ttatxh": "trật tự an toàn xã hội",
    "qp-an": "quốc phòng an ninh",
    "qpan": "quốc phòng an ninh",
    "xd": "xây dựng",
    "xdcb": "xây dựng cơ bản",
    "nn": "nông nghiệp",
    "ntm": "nông thôn mới",
    "thcs": "trung học cơ sở",
    "thpt": "trung học phổ thông",
    "mn": "mầm non",
    "th": "tiểu học",
    "gdp": "tổng sản phẩm",
    "grdp": "tổng sản phẩm trên địa bàn",
    "dn": "doanh nghiệp",
    "htx": "hợp tác xã",
    "cchc": "cải cách hành chính",
    "tthc": "thủ tục hành chính",
    "cđs": "chuyển đổi số",
    "tdp": "tổ dân phố",
    "gđvh": "gia đình văn hóa",
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "đbqh": "đại biểu quốc hội",
    "tcs": "tổ chức cơ sở",
    "tccsđ": "tổ chức cơ sở đảng",
    "đv": "đảng viên",
}
_ABBR_RE = re.compile(
    r"(?<![\w])("
    + "|".join(re.escape(k) for k in sorted(ABBREVIATIONS, key=len, reverse=True))
    + r")(?![\w])"
)
_STOP = {
    "của",
    "và",
    "các",
    "những",
    "trên",
    "địa",
    "bàn",
    "tỷ",
    "lệ",
    "số",
    "năm",
    "được",
    "có",
    "trong",
    "đạt",
    "là",
}
_STOP_FOLDED = {unicodedata.normalize("NFD", w).encode("ascii", "ignore").decode() for w in _STOP} | {
    "dia",
    "ban",
}


def _strip_accents(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn")


def expand(name: str) -> str:
    """``name`` in lower case with its abbreviations written out."""
    low = unicodedata.normalize("NFC", name).lower()
    return _ABBR_RE.sub(lambda m: " " + ABBREVIATIONS[m.group(1)] + " ", low)


def _words(name: str) -> list[str]:
    text = _strip_accents(expand(name))
    return [w for w in re.findall(r"[a-z0-9]+", text)]


def _bigrams(words: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(words, words[1:], strict=False))


def similarity(a: str, b: str) -> float:
    """0..1: how alike two indicator names are (word and word-pair overlap, abbreviations expanded)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    ka = {w for w in wa if w not in _STOP_FOLDED} or set(wa)
    kb = {w for w in wb if w not in _STOP_FOLDED} or set(wb)
    word = 2 * len(ka & kb) / (len(ka) + len(kb))
    ba, bb = _bigrams(wa), _bigrams(wb)
    pair = 2 * len(ba & bb) / (len(ba) + len(bb)) if ba and bb else word
    return round(0.6 * word + 0.4 * pair, 4)


def suggest_indicator(
    name: str, catalogue: Iterable[tuple[str, str, Sequence[str]]], *, limit: int = 5, floor: float = 0.3
) -> list[tuple[str, float]]:
    """Catalogue codes most like ``name``, best first: ``[(code, score), ...]``.

    ``catalogue`` holds ``(code, name, aliases)``; a code scores its best name or alias.
    Codes scoring below ``floor`` are left out.
    """
    scored: list[tuple[str, float]] = []
    for code, cat_name, aliases in catalogue:
        best = max(similarity(name, n) for n in (cat_name, *aliases))
        if best >= floor:
            scored.append((code, best))
    scored.sort(key=lambda x: (-x[1], x[0]))
    return scored[:limit]
