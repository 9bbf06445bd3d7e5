"""Numbers with their units and bounds, found in folded report text.

Owns ``find_mentions``: every number a sentence states about an indicator, with its bound
(``trên`` → ``>``, ``từ … trở lên`` → ``>=``, ``19 - 21%`` → range …), its unit
(``%``, ``tỷ đồng``, ``triệu đồng/người/năm``, ``hộ`` …) and what the number is *not*
(dates, document numbers, list numbering, ages, levels, years). It also reads the spans of
years and periods. Number styles: ``1.246,695 tỷ đồng``, ``16 tỷ 434 triệu đồng``,
``71,37tấn/ha``, ``71.000.000đ``, ``%0`` for ‰. Numbers are read by ``chitieu.core.numbers``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from chitieu.core import vocabulary
from chitieu.core.numbers import SCALES, NumberFormatError, normalise_unit, parse_number
from chitieu.extract.normalise import word_tree

L = "a-zà-ỹđ"  # lower-case Vietnamese letters (text is folded before matching)
NUM = r"\d+(?:[.,]\d+)*"

# Count nouns and units of measure a number can stand before (one table, ``core.vocabulary``).
COUNT_NOUNS = sorted(vocabulary.COUNT_NOUNS + vocabulary.MEASURE_UNITS + vocabulary.TURN_NOUNS, key=len, reverse=True)
_CLASSIFIERS = ("ngôi ", "căn ", "chiếc ")

# A scale word, or "nghìn tỷ" (10¹²: "650 nghìn tỷ đồng"), then the currency or the thing counted
# ("312 triệu kWh", "2 triệu lượt khách"); a scale word alone is money ("72 triệu/người").
_CURRENCY = (
    r"(?P<scale>(?:nghìn|ngàn|triệu)\s+(?:tỷ|tỉ)|nghìn|ngàn|triệu|tỷ|tỉ)(?![" + L + r"])"
    r"(?:\s*(?P<num2>\d+(?:[.,]\d+)?)\s*(?P<scale2>triệu|nghìn|ngàn)(?![" + L + r"]))?"
    r"(?:\s*(?P<cur>đồng|vnđ|vnd|usd|đ)(?![" + L + r"])"
    r"|\s+(?P<counted>" + word_tree(COUNT_NOUNS) + r")(?![" + L + r"0-9]))?"
    r"|(?P<cur2>đồng|vnđ|vnd|usd|đ)(?![" + L + r"])"
)
_PER = (
    r"(?P<per>(?:\s*/\s*(?:" + vocabulary.alternation(vocabulary.PER_WORDS) + r"|[" + L + r"²]+(?:[23](?!\d))?))+)?"
)
# A word qualifying a unit before its "/" ("3,2 tấn nhân/ha", "28 m2 sàn/người"), not before a
# time ("150 ha lúa/năm" stays ha) nor an "và/hoặc".
_QUALIFIER = (
    r"(?P<qual>\s+(?!(?:và|hoặc|trở|đạt|tăng|giảm)(?![" + L + r"]))[" + L + r"]+"
    r"(?=\s*/\s*(?!(?:năm|tháng|quý|ngày|vụ|và|hoặc|tổng)(?![" + L + r"]))[" + L + r"]))?"
)
_PERMIL = vocabulary.alternation(w for w in vocabulary.PERMIL_WORDS if not w[0].isalpha())
_UNIT = re.compile(
    r"\s*(?:(?P<permil>(?:"
    + _PERMIL
    + r")(?![a-z])|phần (?:nghìn|ngàn)(?!["
    + L
    + r"]))|(?P<pct>%|điểm phần trăm(?!["
    + L
    + r"])|điểm %)|(?P<comrade>đ/c)(?!["
    + L
    + r"])|(?P<noun>"
    + word_tree(COUNT_NOUNS)  # (COUNT_NOUNS longest first: the tree tries the longest first too)
    + r")(?!["
    + L
    + r"0-9])"
    + _QUALIFIER
    + r"|"  # (a count noun before money: "47 đồng chí", "24.300 đồng bào" are people)
    + _CURRENCY
    + r")"
    + _PER
)
# What a number is not: ages, durations, levels, ordinals …
_NOT_AFTER = re.compile(
    r"\s*(?:tuổi|tháng|năm|ngày|giờ|tầng|sao|phút|giây|nhiệm kỳ|kỳ|khóa|lần thứ|độ c)(?![" + L + r"])"
)
# An ordinal or rank word right before a number (then spaces): "thứ 3", "tốp 3", "Phường 2".
_NOT_BEFORE_WORDS = vocabulary.ORDINAL_WORDS | set(vocabulary.RANK_WORDS)
_NOT_BEFORE = re.compile(r"(?<![" + L + r"])(?:" + vocabulary.alternation(_NOT_BEFORE_WORDS) + r")$")
_NOT_BEFORE_LONGEST = max(map(len, _NOT_BEFORE_WORDS))


def _not_before(before: str) -> bool:
    """Whether ``before`` ends with an ordinal or rank word, then spaces.

    Tried once, where the word would start, rather than at every place of the window with
    ``\\s*$`` (``\\s`` and ``str.rstrip`` agree on what a space is)."""
    end = before.rstrip()
    # (the words it can end with are the few ending in its last two characters; most numbers
    # follow none of them)
    words = _NOT_BEFORE_BY_END.get(end[-2:], ())
    if not end.endswith(words):
        return False
    # (_NOT_BEFORE.search(end, len(end) - _NOT_BEFORE_LONGEST): one of the words ends the text,
    # not after a letter)
    for w in words:
        if end.endswith(w):
            c = end[-len(w) - 1 : -len(w)]
            if not ("a" <= c <= "z" or "à" <= c <= "ỹ" or c == "đ"):
                return True
    return False


def _by_ending(words: Iterable[str], n: int) -> dict[str, tuple[str, ...]]:
    """The words by their last ``n`` characters (every word has that many)."""
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        assert len(w) >= n
        out[w[-n:]] = (*out.get(w[-n:], ()), w)
    return out


_NOT_BEFORE_BY_END = _by_ending(_NOT_BEFORE_WORDS, 2)
# "cấp" as the verb (issue, upgrade) before a count, not a level: "đã cấp 1.247 sổ", "nâng cấp 3 …".
_ISSUED_BEFORE = re.compile(r"(?<![" + L + r"])(?:đã|được|sẽ|vừa|nâng)\s+cấp\s*$")
# "2021-2025". The look-behind (no digit, point or comma before the first year) stands after
# "19"/"20" and looks past them, so that a search skips straight to those digits (as _NUMBER).
PERIOD = re.compile(r"((?:19|20)(?<![\d.,]..)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\d.,]*\d)")
YEAR = re.compile(r"(?<![\d.,/])((?:19|20)\d\d)(?![\d.,]*\d)")

# The bound words (``core.vocabulary``), longest first: "không ít hơn" before "ít hơn" before "hơn".
_BOUND_WORD_BEFORE = re.compile(
    r"(?<![" + L + r"])(?P<w>"
    + vocabulary.alternation(w for w, o in vocabulary.BOUND_WORDS.items() if o != vocabulary.FROM)
    + r")\s*(?:là\s*)?$"
)
_PASSED_PLAN = re.compile(  # "đạt và vượt kế hoạch giao 50 tỷ": at least the plan
    r"đạt và vượt(?:\s+(?:dự toán|kế hoạch|chỉ tiêu|mức))?(?:\s+(?:được\s+)?(?:giao|\S+ giao))?\s*$"
)


# The bound word alone, ending where the text ends: tried once, where it would start (see
# ``_bound_before``), instead of at every place of the window.
_BOUND_WORD_AT_END = re.compile(
    r"(?<![" + L + r"])(?P<w>"
    + vocabulary.alternation(w for w, o in vocabulary.BOUND_WORDS.items() if o != vocabulary.FROM)
    + r")$"
)
_BOUND_WORD_LONGEST = max(len(w) for w, o in vocabulary.BOUND_WORDS.items() if o != vocabulary.FROM)
_BOUND_WORD_BY_END = _by_ending((w for w, o in vocabulary.BOUND_WORDS.items() if o != vocabulary.FROM), 1)
assert not any(w.endswith("là") for w in vocabulary.BOUND_WORDS)


def _bound_word_before(before: str) -> re.Match[str] | None:
    """``_BOUND_WORD_BEFORE.search(before)``'s bound word: a match ends at the text's end after
    spaces and an optional "là" (no bound word ends in "là"), so the word's end is known."""
    end = before.rstrip()
    if end.endswith("là"):
        end = end[:-2].rstrip()
    if not end.endswith(_BOUND_WORD_BY_END.get(end[-1:], ())):  # (the words ending in its last character)
        return None
    return _BOUND_WORD_AT_END.search(end, max(0, len(end) - _BOUND_WORD_LONGEST))


def _bound_before(before: str) -> str | None:
    m = _bound_word_before(before)
    if m is not None:
        return vocabulary.BOUND_OPS[vocabulary.BOUND_WORDS[m.group("w")]]
    return ">=" if "đạt và vượt" in before and _PASSED_PLAN.search(before) else None


_CHANGE_BEFORE = re.compile(
    r"(?:tăng|giảm|gấp|vượt|hơn|thêm|(?<!trở )lên|(?<!trở )xuống|cao hơn|thấp hơn)(?:\s+(?:gấp|thêm|bình quân|hàng năm|hằng năm|gần|khoảng|trên|"
    r"dưới|được|là|lên|xuống|so với \S+|\d{4}))*\s*$"
)


# One of these is in every match ("cao hơn" holds "hơn", which matches on its own where "cao
# hơn" does): a match exists only from the first of them on.
_CHANGE_WORD = re.compile(r"tăng|giảm|gấp|vượt|hơn|thêm|lên|xuống")


def _change_before(before: str) -> bool:
    """``bool(_CHANGE_BEFORE.search(before))``, searched from the first change word on."""
    if not (
        "tăng" in before
        or "giảm" in before
        or "gấp" in before
        or "vượt" in before
        or "hơn" in before
        or "thêm" in before
        or "lên" in before
        or "xuống" in before
    ):
        return False  # (_CHANGE_WORD's words one by one: cheaper than its search, which finds none)
    w = _CHANGE_WORD.search(before)
    return w is not None and _CHANGE_BEFORE.search(before, w.start()) is not None


_YEAR_AFTER_NAM = re.compile(r"(?:năm|từ|đến)\s*$")
_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
# NUM not after a letter, digit, point or comma; the look-behind stands after the first digit (it
# looks past it) so that the search skips straight to digits: twice as fast, the same matches.
# The search skips to a character outside _NO_DIGIT (a set of ranges holding no decimal digit,
# tested faster than the digit category), then a look-behind checks it is a digit: every digit
# is outside the ranges, so the matches are those of "\d(?<!…)…".
_NO_DIGIT = "\x00-\x2f\x3a-\u065f\u1ea0-\u1ef9"  # up to the Arabic-Indic digits; Vietnamese letters
assert not any(
    chr(c).isdecimal() for a, b in ((0, 0x2F), (0x3A, 0x65F), (0x1EA0, 0x1EF9)) for c in range(a, b + 1)
)
_NUMBER = re.compile(r"[^" + _NO_DIGIT + r"](?<=\d)(?<![" + L + r"\d.,].)\d*(?:[.,]\d+)*")
_DIGIT = re.compile(r"\d")
assert L == "a-zà-ỹđ"  # (find_mentions tests for a letter with these ranges, as plain comparisons)
_SEASON = re.compile(r"\s*vụ(?![" + L + r"])")
_SEASONS_AFTER = re.compile(r"\s*vụ\s*(?:lúa|/\s*năm|trong năm|mỗi năm|một năm)(?![" + L + r"])")
_CROP_BEFORE = re.compile(r"(?:lúa|ngô|màu|cấy|trồng|gieo trồng)\s*$")
_LABEL_BEFORE = re.compile(r"(?:chỉ tiêu|nội dung|nhiệm vụ|mục tiêu)\s*$")
_LABEL_AFTER = re.compile(r"\s*[:.)](?!\d)")
_NEVER_BEFORE = re.compile(r"(?:mức độ|thứ|lần|(?<![" + L + r"])(?<!tất )cả)\s*$")  # "giảm cả 3 tiêu chí"
# "lớp 10" is a grade; "trẻ 5 tuổi ra lớp 100%" is a rate.


def _never_before(before: str) -> bool:
    # a match is one of the words, then spaces, at the end
    return (
        before.rstrip().endswith(("mức độ", "thứ", "lần", "cả")) and _NEVER_BEFORE.search(before) is not None
    )


_GRADE_BEFORE = re.compile(r"(?<!ra )lớp\s*$")
_PERCENT_AFTER = re.compile(r"\s*[%‰]")
_RANGE = re.compile(r"\s*(?:[-–—]|đến|tới)\s*(" + NUM + r")")
_RANGE_DATE = re.compile(r"\s*(?:[-–—]|đến|tới)\s*\d+\s*/\s*\d")
_FROM = re.compile(r"từ\s*$")
_CHAIN = re.compile(r"\s*[%‰]?\s*[-–—]\s*\d")
_CHAINED = re.compile(r"\d\s*[%‰]\s*[-–—]\s*$")
_SLASH = re.compile(r"\s*/\s*(" + NUM + r")")
_SLASH_DATE = re.compile(r"\s*/\s*" + NUM + r"\s*/")
_NEGATIVE_BEFORE = re.compile(r"(?<![" + L + r"])âm\s*$")
_OR_MORE_OR_LESS = re.compile(r"\s*trở (?:(lên)|xuống)")  # "trở lên" (group 1) or "trở xuống"
_OF_PLAN = re.compile(r"\s*(?:so với\s*)?(?:kế hoạch|kh|chỉ tiêu|dự toán|nghị quyết)(?![" + L + r"])")


@dataclass(slots=True)  # (fixed fields: made and read often, faster)
class Mention:
    """One number (or range) in the text, with what surrounds it."""

    start: int  # offset of the first digit in the segment
    end: int  # offset after the unit
    op: str
    low: float | None
    high: float | None
    unit: str | None
    per_year_unit: bool = False  # the unit ended in "/năm" (a rate per year)
    role: str = "level"  # "level", "change" (tăng/giảm/gấp/vượt …), "plan_ratio" (đạt 133% kế hoạch)
    bare: bool = False  # no unit: a statement only as a quoted target
    denominator: tuple[float, str | None] | None = None  # the B of "A/B"


def _number(text: str) -> float | None:
    # Plain digits ("2025", "100") and one decimal comma ("94,1"), most of a report's numbers,
    # read the way ``parse_number`` reads them (ASCII needs no NFC nor legacy decoding).
    if text.isascii():
        if text.isdigit():
            return float(text)
        whole, comma, frac = text.partition(",")
        if comma and whole.isdigit() and frac.isdigit():
            return float(whole + "." + frac)
    try:
        return parse_number(text)
    except NumberFormatError:
        return None


_SPACES = re.compile(r"\s+")
_SLASH_SPACES = re.compile(r"\s*/\s*")
_SQUARE_CUBE = re.compile(r"(?<![a-z])(k?m)([²³])")


@functools.lru_cache(maxsize=512)
def _normalised(unit: str | None) -> str | None:
    """The unit written the one way (a pure function of the words, so remembered: a report
    repeats a few units hundreds of times)."""
    unit = normalise_unit(unit)
    if unit:
        # as the target parser writes them (vocabulary.UNIT_SYNONYMS) and most reports type them
        unit = _SQUARE_CUBE.sub(lambda x: x.group(1) + ("2" if x.group(2) == "²" else "3"), unit)
    return unit


_UNITS_READ: dict[str, tuple[str | None, bool, float]] = {}


def _unit(m: re.Match[str]) -> tuple[str | None, bool, float]:
    """The unit of a unit match, whether it ended in "/năm", and a factor for "16 tỷ 434 triệu".

    Remembered by the matched text and the character after it: ``_UNIT`` looks no further than
    one character past its match (its look-aheads are one character long), so the same text and
    next character give the same groups. A report repeats a few units hundreds of times."""
    a, b = m.span()
    key = m.string[a : b + 1]
    read = _UNITS_READ.get(key)
    if read is None:
        if len(_UNITS_READ) > 4096:
            _UNITS_READ.clear()
        read = _UNITS_READ[key] = _read_unit(m)
    return read


def _scale(words: str) -> str:
    """A scale as written the one way: "ngàn tỷ" → "nghìn tỷ", "tỉ" → "tỷ"."""
    return " ".join(vocabulary.SCALE_WORDS[w] for w in words.split())


def _read_unit(m: re.Match[str]) -> tuple[str | None, bool, float]:
    per = m.group("per")
    per = _SLASH_SPACES.sub("/", per).strip() if per else ""
    unit: str | None
    extra = 0.0
    if m.group("permil"):
        unit = "‰"
    elif m.group("pct"):
        unit = "%"
    elif m.group("comrade"):
        unit = "đồng chí"  # "86 đ/c": comrades, not đồng
    elif m.group("noun"):
        unit = vocabulary.UNIT_SYNONYMS.get(m.group("noun"), m.group("noun"))
        for c in _CLASSIFIERS:
            if unit.startswith(c):
                unit = unit[len(c) :]
        if m.group("qual"):
            unit += " " + m.group("qual").strip()  # "tấn nhân/ha"
    elif m.group("counted"):
        counted = vocabulary.UNIT_SYNONYMS.get(m.group("counted"), m.group("counted"))
        unit = f"{_scale(m.group('scale'))} {counted}"  # "4,1 triệu lượt", "312 triệu kWh"
    else:
        scale = m.group("scale")
        cur = m.group("cur") or m.group("cur2") or "đồng"
        cur = "USD" if cur == "usd" else "đồng"
        unit = f"{_scale(scale)} {cur}" if scale else cur
        if m.group("num2"):
            small = _number(m.group("num2")) or 0.0
            extra = small * 10 ** (SCALES[m.group("scale2")] - sum(SCALES[w] for w in scale.split()))
    per_year = False
    if per:
        parts = [p for p in per.split("/") if p]
        if parts and parts[-1] == "năm" and len(parts) == 1:  # not "đồng/ha/năm": a unit holding a year
            per_year = True
            parts = parts[:-1]
        unit += "".join("/" + p for p in parts)
    unit = _normalised(unit)
    if unit and "usd" in unit:
        unit = unit.replace("usd", "USD")  # a currency code keeps its capitals
    return unit, per_year, extra


# "29/11/2024", "29-11-2024", and an ISO date "2025-08-21" (as web pages date an article).
_DATE_AT = re.compile(
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4}(?!\d)|\d{1,2}-\d{1,2}-\d{4}(?!\d)"
    r"|(?:19|20)\d\d-(?:0?[1-9]|1[0-2])(?:-\d{1,2})?(?![\d,.]*\d)(?!\s*%)"
)
_DOCNUM_AT = re.compile(NUM + r"\s*(?:/|-)\s*(?=[" + L + r"])|\d+/\d{4}/[" + L + r"]")
_PERIOD_AT = re.compile(r"(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d(?![\d.,]*\d)")
_PAREN_NUMBER_AT = re.compile(r"\d{1,2}\s*\)")
_ITEM_NUMBER_AT = re.compile(r"\d{1,2}(?:\.\d{1,2})*\s*[.)]\s")


# A period, date or document number goes on after its first number ([s, e), the longest run of
# digits, points and commas) with a slash or a dash: a number followed by neither is none of them.
_SLASH_OR_DASH = re.compile(r"\s*[-/–—]")
_SLASHES_AND_DASHES = ("-", "/", "–", "—")


def _never_a_statement(folded: str, s: int, e: int, nxt: str, before: str, first: int) -> int:
    """End of the date, document number, period or list number starting at ``s``; 0 if none.

    ``e`` is where the number's first run of digits, points and commas ends; ``nxt`` is the
    character after it and the spaces after it (``_SLASH_OR_DASH`` matches there when it is a slash or a dash); ``before``
    the 30 characters before the number. ``first`` is where the segment's first non-space character stands (a list number only counts there);
    passed in so that no number slices the text before it (linear time)."""
    if nxt in _SLASHES_AND_DASHES:
        # (each pattern tried only where it can match: a period starts with a year and a dash; a
        # date with one or two digits, or a year; a document number has a slash or a hyphen)
        year = e - s == 4 and folded.startswith(("19", "20"), s)
        if year and nxt != "/" and (m := _PERIOD_AT.match(folded, s)):
            return m.end()
        if (e - s <= 2 or year) and (m := _DATE_AT.match(folded, s)):
            return m.end()
        if (nxt == "/" or nxt == "-") and (m := _DOCNUM_AT.match(folded, s)):
            return m.end()
    if "(" in before and before[-3:].rstrip().endswith("("):
        m = _PAREN_NUMBER_AT.match(folded, s)
        if m:
            return m.end()
    if s <= first:
        m = _ITEM_NUMBER_AT.match(folded, s)
        if m:
            return m.end()
    return 0


def find_mentions(folded: str) -> list[Mention]:
    """All numbers with a unit (or bare, marked so) in a folded segment, left to right."""
    out: list[Mention] = []
    pos = 0
    first = len(folded) - len(folded.lstrip()) if folded[:1].isspace() else 0
    for m in _NUMBER.finditer(folded):
        s, e = m.span()
        if s < pos:
            continue
        # where the text goes on after the spaces past the number (``ae``), and its character there
        ae, nxt = e, folded[e : e + 1]
        c = nxt
        if nxt == " ":  # (the usual one space; more spaces: the pattern finds where they end)
            ae += 1
            nxt = folded[ae : ae + 1]
        if nxt.isspace():  # (``str.isspace`` and ``\s`` agree on what a space is)
            ae = _SPACES_AT.match(folded, ae).end()  # type: ignore[union-attr]
            nxt = folded[ae : ae + 1]
        before = folded[s - 30 if s > 30 else 0 : s]
        # (_never_a_statement finds nothing unless one of these holds: most numbers are spared the call)
        if (nxt in _SLASHES_AND_DASHES or "(" in before or s <= first) and (
            skip := _never_a_statement(folded, s, e, nxt, before, first)
        ):
            pos = skip
            continue
        if s >= 1 and folded[s - 1] == "-" and s >= 2 and folded[s - 2].isalpha():
            continue  # Covid-19
        if s >= 1 and folded[s - 1] in _OPENING_QUOTES and (s < 2 or not folded[s - 2].isalnum()) and (
            _QUOTED_NAME_REST.match(folded, e)
        ):
            continue  # 'tiêu chuẩn "4 tốt"', "“4 tại chỗ”", '"1 phải 5 giảm"': a name in quotes
        # (_LETTER.match(folded, e), as plain comparisons)
        if ("a" <= c <= "z" or "à" <= c <= "ỹ" or c == "đ") and not _UNIT.match(folded, e):
            continue  # part of a code (5G, 3D)
        if (
            _not_before(before)
            and not _UNIT.match(folded, e)
            and not _ISSUED_BEFORE.search(before)
            or _never_before(before)
            or "lớp" in before
            and _GRADE_BEFORE.search(before)
            and not _PERCENT_AFTER.match(folded, e)
        ):
            slash = _SLASH.match(folded, e)
            pos = slash.end() if slash else e  # "xếp thứ 3/12 xã": the total goes with the rank
            continue
        # (each pattern below starts with spaces, then a word or mark that is not a space: it can
        # match only where that word or mark stands after the spaces)
        if (
            nxt == "v"
            and folded.startswith("vụ", ae)
            and (_SEASONS_AFTER.match(folded, e) or _SEASON.match(folded, e) and _CROP_BEFORE.search(before))
        ):
            continue  # "lúa 3 vụ", "2 vụ lúa", "3 vụ/năm": the crop's seasons, not a count of events
        if nxt in _LABEL_MARKS and _LABEL_AFTER.match(folded, e) and _LABEL_BEFORE.search(before):
            continue  # "Chỉ tiêu 1: …": numbering
        if (
            e - s == 4
            and folded.startswith(("19", "20"), s)  # (_YEAR_DIGITS.fullmatch(m.group()))
            and folded[s + 2 : e].isdecimal()
            and _YEAR_AFTER_NAM.search(before)
        ):
            continue  # "năm 2020 phường …": a year, whatever follows
        value = _number(m.group())
        if value is None:
            continue
        mention = _read_at(folded, s, e, value, ae, nxt)
        if mention is None:
            continue
        pos = mention.end
        out.append(mention)
    return out


_SPACES_AT = re.compile(r"\s*")
# A number that opens a short quoted name ("4 tốt" — four "goods"), what follows it to the closing quote.
_OPENING_QUOTES = ('"', "“")
_QUOTED_NAME_REST = re.compile(r"\s+[^\W\d][^\"”%\n]{0,30}[\"”]")
_LABEL_MARKS = (":", ".", ")")


def _past_spaces(text: str, at: int) -> int:
    """Where ``text`` goes on after the spaces at ``at`` (where ``\\s*`` matched there ends)."""
    c = text[at : at + 1]
    if c == " ":  # (the usual one space; more spaces: the pattern finds where they end)
        at += 1
        c = text[at : at + 1]
    if c.isspace():  # (``str.isspace`` and ``\\s`` agree on what a space is)
        at = _SPACES_AT.match(text, at).end()  # type: ignore[union-attr]
    return at


_TIME_MEASURED = re.compile(
    r"(?<![" + L + r"])(?:"
    + vocabulary.alternation(w for ws in vocabulary.TIME_MEASURED_BY.values() for w in ws)
    + r")(?![" + L + r"])"
)


def _time_measured(text: str, s: int, after: re.Match[str]) -> str | None:
    """The time word after the number at ``s`` when its sentence's indicator measures it
    ("tuổi thọ trung bình đạt 74 tuổi"); None for an age or a duration."""
    word = after.group().strip()
    names = vocabulary.TIME_MEASURED_BY.get(word)
    if not names:
        return None
    before = text[max(0, s - 120) : s]
    before = before[max(before.rfind("."), before.rfind(";")) + 1 :]
    found = _TIME_MEASURED.search(before)
    return word if found and found.group() in names else None


# A time word that is no age nor duration of its own: work-days counted ("18.500 ngày công") and a
# time per thing handled ("45 phút/xe", "3 ngày/hồ sơ"), not per a time ("8 giờ/ngày").
_TIME_COUNTED = re.compile(
    r"\s*(?P<u>ngày công|(?:ngày|giờ|phút)\s*/\s*(?:hồ sơ|thủ tục"
    r"|(?!(?:năm|tháng|quý|tuần|ngày|giờ|phút|giây|lần)(?![" + L + r"]))[" + L + r"]+))(?![" + L + r"])"
)


def _read_at(folded: str, s: int, e: int, value: float, ae: int, nxt: str) -> Mention | None:
    """Read the number at [s, e) with its range, unit, bound and slash partner (``ae``: where the
    text goes on after the spaces past ``e``; ``nxt``: its character there).

    The patterns tried after the number start with spaces, then a word or mark that is not a
    space: each is tried only where its first character (or word) stands after the spaces."""
    text = folded
    low: float | None
    high: float | None
    op, low, high = "=", value, value
    end = e
    # Unit directly after the first number ("19% - 21%" or "19 - 21%").
    um = _UNIT.match(text, end) if nxt in _UNIT_FIRST else None
    ue = um.end() if um else end
    unit_first, after = (um, ue) if ue > end else (None, end)
    aa = _past_spaces(text, after) if unit_first else ae
    rng = _RANGE.match(text, after) if (text[aa : aa + 1] if unit_first else nxt) in _RANGE_FIRST else None
    before = text[s - 40 if s > 40 else 0 : s]
    if rng and (_CHAIN.match(text, rng.end()) or _CHAINED.search(text, max(0, s - 12), s)):
        rng = None  # "25% - 32% - 43%": a list of values (one per sector), not a range
    if rng and not _RANGE_DATE.match(text, after):
        second = _number(rng.group(1))
        dash = rng.group(0).strip()[0] in "-–—"
        if second is not None and (dash or _FROM.search(before)) and second >= value:
            op, low, high = "range", value, second
            end = rng.end()
            um = _UNIT.match(text, end)
            if not (um and um.end() > end):
                um = unit_first
        else:
            um = unit_first
    else:
        um = unit_first
    measured: str | None = None
    if (
        na := text.startswith(_NOT_AFTER_BY_FIRST.get(nxt, ()), ae)
        and _NOT_AFTER.match(text, e)
        or end != e
        and _NOT_AFTER.match(text, end)
    ):
        measured = _time_measured(text, s, na)
        if measured is None:
            if not (counted := _TIME_COUNTED.match(text, end)):
                return None
            measured = _SLASH_SPACES.sub("/", counted.group("u"))  # "45 phút/xe", "18.500 ngày công"
            na = counted
    unit, per_year, extra = (None, False, 0.0)
    if measured is not None:
        unit, um, end = measured, None, na.end()  # type: ignore[union-attr]  # "tuổi thọ trung bình đạt 74 tuổi"
    elif um and (ume := um.end()) > end:
        unit, per_year, extra = _unit(um)
        end = ume
    elif um is unit_first and unit_first is not None and measured is None:
        unit, per_year, extra = _unit(unit_first)
    if extra:
        low = (low or 0) + extra
        high = low if op == "=" else high
    denominator = None
    ee = ae if end == e else aa if end == after else _past_spaces(text, end)
    nxe = text[ee : ee + 1]
    slash = _SLASH.match(text, end) if nxe == "/" else None
    if slash and not unit_first or (slash and unit):
        b = _number(slash.group(1))
        if b is not None and not _SLASH_DATE.match(text, end):
            bend = slash.end()
            bu = _UNIT.match(text, bend)
            bunit = None
            if bu and bu.end() > bend:
                bunit = _unit(bu)[0]
                bend = bu.end()
            elif text[bend : bend + 1] == ")":
                bu2 = _UNIT.match(text, bend + 1)
                if bu2 and bu2.end() > bend + 1:
                    bunit = _unit(bu2)[0]
            unit = unit or bunit
            denominator = (b, bunit or unit)
            end = bend
            ee = _past_spaces(text, end)
            nxe = text[ee : ee + 1]
    more_or_less = _OR_MORE_OR_LESS.match(text, end) if nxe == "t" and text.startswith("trở ", ee) else None
    if more_or_less and more_or_less.group(1):
        op, high = ">=", None
    elif more_or_less:
        op, low = "<=", None
    elif op == "=" and (bound := _bound_before(before)) is not None:
        op = bound
        if bound in (">", ">="):
            high = None
        else:
            low = None
    # "trên 1 ha": a unit of measure, not a bound.
    if value == 1 and op == ">" and unit and unit not in ("%", "‰") and not _DIGIT.search(before[-12:]):
        return None
    if op == "=" and "âm" in before and _NEGATIVE_BEFORE.search(before):
        low = high = -low  # type: ignore[operator]  # "tăng trưởng âm 1,2%": a growth of -1,2%
    # (positional: a call with keywords costs a third more, and this runs for every number)
    mention = Mention(s, end, op, low, high, unit, per_year, "level", unit is None, denominator)
    if op in ("=", "range") and _change_before(before[-30:]):
        mention.role = "change"
    if (
        mention.role == "level"
        and unit in ("%", "‰")
        and nxe in _OF_PLAN_FIRST
        and text.startswith(_OF_PLAN_WORDS, ee)
        and _OF_PLAN.match(text, end)
    ):
        mention.role = "plan_ratio"
    if unit == "lần":
        mention.role = "change"
    return mention


# The characters and words the patterns tried after a number start with, after their spaces.
_UNIT_FIRST = frozenset(
    "%‰pđvu"  # (per mil, "phần nghìn", percent, "điểm …", "đ/c", the currencies)
    + "".join(w[0] for w in vocabulary.PERMIL_WORDS)
    + "".join(w[0] for w in COUNT_NOUNS)
    + "".join(w[0] for w in SCALES)
)
_RANGE_FIRST = frozenset("-–—đt")
_NOT_AFTER_WORDS: tuple[str, ...] = ("tuổi", "tháng", "năm", "ngày", "giờ", "tầng", "sao", "phút", "giây", "nhiệm kỳ", "kỳ")
_NOT_AFTER_WORDS += ("khóa", "lần thứ", "độ c")  # (the words of _NOT_AFTER)
_NOT_AFTER_BY_FIRST = {w[0]: tuple(v for v in _NOT_AFTER_WORDS if v[0] == w[0]) for w in _NOT_AFTER_WORDS}
_OF_PLAN_WORDS = ("so với", "kế hoạch", "kh", "chỉ tiêu", "dự toán", "nghị quyết")
_OF_PLAN_FIRST = frozenset(w[0] for w in _OF_PLAN_WORDS)
