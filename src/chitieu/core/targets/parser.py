"""The parser of Vietnamese target phrases: "tăng 19 - 21%/năm" → a ``Target``.

Owns the grammar of plan targets as local plans write them: bound words (trên, từ … trở lên,
tối thiểu, dưới, còn dưới, không quá …), change words (tăng, giảm, gấp … lần), horizon words
(hằng năm, /năm, bình quân, đến năm 2030, cả nhiệm kỳ, giai đoạn 2021-2025), units, structure
targets (dịch vụ 67-68%; công nghiệp 29-30%; …), qualitative targets (giữ vững, duy trì, đạt
chuẩn …) and an alternative reading in parentheses ("1,4 - 1,5 lần (85-90 triệu)").

How it reads a phrase:

1. Years are found first and masked (same length, so positions stay valid): "đến năm 2030",
   "giai đoạn 2021 - 2025", "so với năm 2015", "trước năm 2023". They give ``year``,
   ``base_year`` and the cumulative period, and are never taken for target numbers.
2. A parenthesised group holding a target is parsed on its own as the ``alternative``.
3. If the phrase is "indicator: target", only the part after the colon is searched for numbers.
4. Every number is found with its range partner and unit; numbers that are not targets are
   dropped (ages "5 tuổi", ordinals "con thứ 3", "lớp 1", "mức độ 2", "Chương trình 135", "trên 1 ha");
   a rank ("nằm trong tốp 3", "nhóm 10 tỉnh dẫn đầu") is a level ≤ 3 in "hạng". Multiples in words
   ("gấp đôi", "gấp rưỡi") are written as their figures first.
5. The words right before the number are read backwards (bound, change, level and horizon
   words); what is left before them is the ``subject``.

One number → one target; several numbers → a structure target if the phrase is a structure
(cơ cấu / chiếm / sector names), otherwise ``TargetParseError`` (two indicators in one phrase,
such as "giảm ít nhất 6 hộ nghèo và 12 hộ cận nghèo", must be split by the caller). No number
→ a qualitative target if the phrase says what must be kept or reached, else an error.

The rules are written for users in docs/targets.md. Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from chitieu.core import vocabulary
from chitieu.core.numbers import NumberFormatError, nfc, normalise_unit, parse_number
from chitieu.core.targets.model import Bound, Form, Horizon, Op, StructurePart, Target, TargetParseError

# ---------------------------------------------------------------------------------------------
# Years: masked with one sentinel character per kind, keeping the text's length.

_BASE_MARK, _DEADLINE_MARK, _PERIOD_MARK, _YEAR_MARK = "\x03", "\x04", "\x02", "\x01"
_MARKS = frozenset("\x01\x02\x03\x04")
_ANY_YEAR_RE = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d|\d)")
# What the words just before a year make of it (searched in the few characters before the year).
_YEAR_LEFT_RE = re.compile(
    r"(?:(?P<base>so với\s+(?:cùng kỳ\s+)?(?:(?:cuối|đầu)\s+)?(?:năm\s+)?)"
    r"|(?P<deadline>(?<!\w)trước\s+(?:năm\s+)?)"
    r"|(?P<period>(?<!\w)(?:giai đoạn|gđ|thời kỳ|nhiệm kỳ|từ năm)\s*)"
    r"|(?P<year>(?<!\w)(?:(?:đến hết|đến|tới|vào|trong|hết)\s+)?(?:(?:cuối|đầu|hết)\s+)?năm\s+"
    r"|(?<!\w)(?:đến|tới)\s+))$"
)
_YEAR_PAIR_RE = re.compile(r"\s*[-–—]\s*((?:19|20)\d\d)(?![\d.,]\d|\d)")

# ---------------------------------------------------------------------------------------------
# Numbers, ranges and units.

_NUM = r"\d+(?:[.,]\d+)*"
_SEP = "(?:" + vocabulary.alternation(vocabulary.RANGE_SEPARATORS) + ")"  # "40 - 50%", "15 ÷ 16%"
# Unit words (``core.vocabulary``), longest first so "tháng tuổi" wins over "tháng" and "hộ gia
# đình" over "hộ"; ages and durations are units here so that they can be refused.
# Measures of a body or a thing ("chiều cao … đạt 167 cm", "cân nặng … 3 kg").
_LENGTHS_AND_WEIGHTS = ("cm", "mm", "m", "mét", "g", "gam", "mg", "ml")
_UNIT_WORDS = sorted(
    set(
        vocabulary.COUNT_NOUNS
        + vocabulary.MEASURE_UNITS
        + vocabulary.TIME_UNITS
        + vocabulary.PERCENT_WORDS
        + ("đồng", "usd", "dự án", "khu phố", "lượt khách", "lượt người", "lượt", "khách", "điểm")
        + _LENGTHS_AND_WEIGHTS
        + ("bé trai", "bé gái")  # "109 bé trai/100 bé gái": the sex ratio at birth
        + vocabulary.FLOOR_AREA_UNITS
    )
    - {"cơ quan, đơn vị"},
    key=len,
    reverse=True,
)
# A scale word or "nghìn tỷ" (10¹²), then money or the thing counted ("312 triệu kWh").
_SCALE_UNIT = (
    r"(?:(?:nghìn|ngàn|triệu)\s+(?:tỷ|tỉ)|nghìn|ngàn|triệu|tỷ|tỉ)(?:\s*(?:đồng|đ|usd)(?!\w)|\s+(?:"
    + "|".join(re.escape(w) for w in _UNIT_WORDS if w not in vocabulary.TIME_UNITS)
    + r")(?!\w))?"
)
# Per mille as written ("0,5‰", "0,5%o", "0,6 phần nghìn"), read as "‰".
_PERMIL = "|".join(re.escape(w) for w in sorted(vocabulary.PERMIL_WORDS, key=len, reverse=True))
_PERCENT_SPELT = vocabulary.alternation(vocabulary.PERCENT_SPELT)
_UNITS = (
    r"(?:(?:" + _PERMIL + r"|" + _PERCENT_SPELT + r")(?!\w)|%|trđ|tỷđ|"
    + _SCALE_UNIT
    + r"(?!\w)|(?:"
    + "|".join(re.escape(w) for w in _UNIT_WORDS)
    + r")(?!\w))"
)
# What a unit is per: a word ("tấn/ha"), a population ("bác sĩ/vạn dân"), or a number of things
# ("109 bé trai/100 bé gái", "15 ca/1.000 trẻ đẻ sống").
_DENOMS = (
    r"(?:"
    + vocabulary.alternation(vocabulary.PER_WORDS)
    + r"|năm|người|ha|hộ|tháng|lao động|km2|km²|km|m2|con|sào|lượt|dân|kg|tấn"
    + r"|\d+(?:[.,]\d+)*\s+(?:" + vocabulary.alternation(vocabulary.POPULATION_WORDS)  # "/100 người dân"
    + rf"|{'|'.join(re.escape(w) for w in _UNIT_WORDS)}))(?!\w)"
)
_QTY_RE = re.compile(
    rf"(?P<a>{_NUM})"
    rf"(?:(?P<big>\s*(?:tỷ|tỉ)\s*(?P<c>\d{{1,3}})\s*triệu(?:\s*(?:đồng|đ))?(?!\w))"  # 16 tỷ 434 triệu
    rf"|\s*(?P<pa>(?:{_PERMIL})(?!\w)|%|(?:{_PERCENT_SPELT})(?!\w))"
    rf"(?:\s*{_SEP}\s*(?P<b1>{_NUM})\s*(?:(?:{_PERMIL})(?!\w)|%|(?:{_PERCENT_SPELT})(?!\w))?)?"
    rf"|\s*{_SEP}\s*(?P<b2>{_NUM})(?P<u2>\s*{_UNITS})?"
    rf"|(?P<u1>\s*{_UNITS}))?"
    rf"(?P<den>(?:\s*/\s*{_DENOMS})*)"
)
_DENOM_SPLIT = re.compile(r"\s*/\s*")

# A number right after these words is a name, an ordinal or a rank, not a target ("con thứ 3",
# "sinh con 3 trở lên", "lớp 1", "Phường 2", "nằm trong tốp 3"): ``core.vocabulary``.
_ORDINAL_WORDS = vocabulary.ORDINAL_WORDS
_PER_WORDS = frozenset(["trên", "mỗi"])  # "trên 1 ha", "mỗi 1 vạn dân": the base of a ratio
_PER_BASES = {"1", "1.000", "10.000", "100.000"}
_NOT_A_TARGET_AFTER = re.compile(r"\s*(?:năm|sao)(?!\w)")
_ASPECT_AFTER_RE = re.compile(rf"\s*(?:{vocabulary.alternation(vocabulary.ASPECT_NOUNS)})(?!\w)")
_PER_AFTER = re.compile(r"\s*(?:ha|km2|km²|m2|vạn|nghìn dân|ngàn dân|dân|người dân|trẻ|ca)(?!\w)")

# ---------------------------------------------------------------------------------------------
# The words read backwards from a number: what each one means.

_GT, _GE, _LT, _LE, _FROM = vocabulary.GT, vocabulary.GE, vocabulary.LT, vocabulary.LE, vocabulary.FROM
_BOUND_WORDS = {**vocabulary.BOUND_WORDS, **vocabulary.PLAN_BOUND_WORDS}
_INC, _DEC, _MUL = vocabulary.INC, vocabulary.DEC, vocabulary.MUL
_CHANGE_WORDS = vocabulary.CHANGE_WORDS
# After a change word these make the number a level: "giảm … còn dưới 6%", "tăng lên 100 tỷ".
_LEVEL_WORDS = vocabulary.LEVEL_WORDS
_AVG, _EACH, _CUM, _END = vocabulary.AVERAGE, vocabulary.EACH_YEAR, vocabulary.CUMULATIVE, vocabulary.END_OF_TERM
_HORIZON_WORDS = vocabulary.HORIZON_WORDS
_FILLER_WORDS = {
    "khoảng", "ước", "đạt", "đạt mức", "ở mức", "mức", "là", "có", "được", "phấn đấu", "dự kiến",
    "chiếm", "trong", "vào", "đến", "giữ vững", "duy trì", "hoàn thành", "mục tiêu", "trở lên",
    "và", ",", ":", "-", "–",
}
_LEFT_VOCAB = {**_BOUND_WORDS, **_CHANGE_WORDS, **dict.fromkeys(_LEVEL_WORDS, "level"),
               **_HORIZON_WORDS, **dict.fromkeys(_FILLER_WORDS, "filler")}


def _token_pattern(words, *, reverse: bool) -> str:
    def alternation(ws):
        return "|".join(re.escape(w[::-1] if reverse else w) for w in sorted(ws, key=len, reverse=True))

    letters = [w for w in words if w[0].isalpha()]
    symbols = [w for w in words if not w[0].isalpha()]
    # One boundary check around the whole alternation: ten times faster than one per word.
    return rf"(?<!\w)(?:{alternation(letters)})(?!\w)|{alternation(symbols)}|[\x01-\x04]+"


# The run of known words just before a number, matched on the reversed text (fast, anchored).
_REV_TAIL_RE = re.compile(r"(?:\s*(?:" + _token_pattern(_LEFT_VOCAB, reverse=True) + r"))*\s*")
_LEFT_TOKEN_RE = re.compile(_token_pattern(_LEFT_VOCAB, reverse=False))
_RIGHT_RE = re.compile(
    r"(?:\s*(?:trở lên|trở xuống|trở lại|mỗi năm|hằng năm|hàng năm|[\x01\x02\x03]+))*"
)

# ... up to four words that describe the thing counted, none of which opens another degree
# ("sinh con thứ ba trở lên", "hộ có thu nhập từ khá trở lên" put the floor on something else).
_OR_MORE_LATER_RE = re.compile(
    r"(?:\s+(?!(?:thứ|loại|hạng|cấp|mức|độ|lớp|bậc|tuổi|năm|và|hoặc|có|từ|trên|đạt|là)(?!\w))[^\W\d]+){1,4}?"
    r"\s+(trở lên|trở xuống)(?!\w)"
)
_PER_YEAR_RE = re.compile(
    r"(?<!\w)" + vocabulary.not_after(vocabulary.YEARLY_KIND_NOUNS) + r"(?:hằng|hàng|mỗi)\s+năm(?!\w)|/\s*năm(?!\w)"
)  # (not "cây hằng năm": annual crops)
_AVERAGE_WORDS = vocabulary.alternation(vocabulary.horizon_words(vocabulary.AVERAGE))
_AVERAGE_RE = re.compile(
    rf"(?<!\w)(?:{_AVERAGE_WORDS})(?!\s*(?:{vocabulary.alternation(vocabulary.PER_HEAD_WORDS)}|của))"
)
_AVERAGE_PER_YEAR_RE = re.compile(
    rf"(?<!\w)(?:{_AVERAGE_WORDS})\s*(?:{vocabulary.alternation(vocabulary.horizon_words(vocabulary.EACH_YEAR))}"
    r"|/\s*năm|năm|giai đoạn|cả giai đoạn|\x02)"
)
_CUMULATIVE_RE = re.compile(
    rf"(?<!\w)(?:{vocabulary.alternation(vocabulary.horizon_words(vocabulary.CUMULATIVE))}"
    r"|\d+ năm)(?!\w)"  # "Tổng vốn đầu tư 5 năm đạt 25.000 tỷ đồng"
)
_GROWTH_SUBJECT_RE = re.compile(r"(?<!\w)(?:tốc độ tăng|tốc độ tăng trưởng|tăng trưởng)(?!\w)")
_CHANGE_SUBJECT_RE = re.compile(r"(?<!\w)(?:mức|số|lượng)\s+(?P<w>tăng|giảm)(?!\w)")
_RATE_AFTER_RE = re.compile(r"\s*(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)(?!\w)")
_RATE_SUBJECT_RE = re.compile(r"(?<!\w)(?:tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)(?!\w)")
_STRUCTURE_RE = re.compile(r"(?<!\w)(?:cơ cấu|chiếm)(?!\w)")
_SECTOR_RE = re.compile(
    r"(?<!\w)(?:nông|lâm|thủy sản|thuỷ sản|công nghiệp|xây dựng|dịch vụ|thương mại|du lịch|khu vực)"
    r"(?!\w)"
)
_QUALITATIVE_RE = re.compile(rf"(?<!\w)(?:{vocabulary.alternation(vocabulary.QUALITATIVE_WORDS)})(?!\w)")
_REQUIREMENT_OPENS_RE = re.compile(rf"\W*(?:{vocabulary.alternation(vocabulary.REQUIREMENT_VERBS)})(?!\w)")
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_LIST_MARK_RE = re.compile(r"^(?:\(\s*\d+\s*\)|\d+[.)](?=\s)|[-+*•])\s*[-–.:]?\s*")
_SPACES_RE = re.compile(r"\s+")
_STRIP = " ,;:.-–—\t"
# Words that open a clause without naming the indicator: "Phấn đấu hằng năm kết nạp …", "Trong đó: …".
_SUBJECT_LEAD_RE = re.compile(
    r"^(?:(?:phấn đấu|phần đầu|trong đó|hằng năm|hàng năm|mỗi năm|bình quân|[\x01\x02])(?!\w)[\s,:;.\-–]*)+",
    re.IGNORECASE,
)
_NUMBER_LEAD_RE = re.compile(r"^[\d.,\s%‰~÷–—-]+(?:(?:đến|tới)\s+[\d.,]+\s*[%‰]?)?")

_RATE_KINDS = {"rate", "share"}


@dataclass(slots=True)
class _Years:
    year: int | None = None
    base_year: int | None = None
    deadline: int | None = None
    period: tuple[int, int] | None = None
    period_at: int = -1  # where the period is written, to tell "giai đoạn X-Y: 550 tỷ" from a remark
    year_at: dict[int, int] = field(default_factory=dict)  # where each "năm Y" starts → Y


@dataclass(slots=True)
class _Quantity:
    start: int
    end: int
    low: float
    high: float | None
    unit: str | None
    per_year: bool  # the unit ended in "/năm" ("hộ/năm", "%/năm")
    points: bool  # "điểm phần trăm"
    rank: bool = False  # "nằm trong tốp 3", "thuộc nhóm 10 tỉnh dẫn đầu": a position, 3rd or better


# Limits on what a phrase may hold. The phrase is stored in a 500-character column; its numbers
# are stored and computed with as doubles, exact to 15 significant digits and, for whole numbers,
# below 10**15 (the same bounds ``chitieu.core.value_checks`` puts on values).
MAX_PHRASE = 500
MAX_ABS = 1e15
MAX_SIGNIFICANT = 15


def parse(phrase: str, *, indicator_kind: str | None = None) -> Target:
    """Parse one target phrase (see the module docstring); raise ``TargetParseError`` when unsure.

    ``TargetParseError`` is the only exception a phrase can cause: a phrase longer than
    ``MAX_PHRASE`` characters, or with a number of ``MAX_ABS`` or more in absolute value or more
    than ``MAX_SIGNIFICANT`` significant digits, is refused with a message naming the limit."""
    if phrase is None:
        raise TargetParseError("", "trống / empty")
    original = nfc(str(phrase)).strip()
    if len(original) > MAX_PHRASE:
        raise TargetParseError(
            original,
            f"dài {len(original)} ký tự, tối đa {MAX_PHRASE} ký tự / "
            f"{len(original)} characters long, at most {MAX_PHRASE}",
        )
    text = _clean(original)
    if not text:
        raise TargetParseError(original, "trống / empty")
    parts = split_parts(text)
    if len(parts) > 1:
        # "… tăng bình quân 15-16%/năm. Trong đó: doanh thu bán lẻ … 14-15%/năm": a parent and its
        # children are targets of their own; never one of them read for the whole phrase.
        named = " | ".join(f"“{x}”" for x in parts)
        raise TargetParseError(
            original,
            f"có {len(parts)} chỉ tiêu (chỉ tiêu chính và phần “trong đó”): {named}; cần tách từng chỉ tiêu / "
            f"it holds {len(parts)} targets (the main one and its “trong đó” parts): {named}; split them",
        )
    try:
        return _parse_text(original, text, indicator_kind, allow_alternative=True)
    except TargetParseError:
        raise
    except _BadNumber as exc:
        raise TargetParseError(original, exc.why) from None
    except (ValueError, ArithmeticError, LookupError, RecursionError) as exc:
        # A phrase the grammar chokes on is a phrase it does not understand; callers (pages,
        # imports, plan files) handle this one error. The fuzz tests keep this path empty.
        raise TargetParseError(original, f"không đọc được / unreadable ({type(exc).__name__})") from exc


_IN_WHICH_RE = re.compile(r"(?:^|[\s.;,:(])trong đó(?!\w)\s*:?", re.IGNORECASE)
_FIGURE_RE = re.compile(r"\d")


def split_parts(text: str) -> list[str]:
    """A phrase cut at "trong đó" when a figure stands both before and after it (the main target
    and its parts), else the phrase alone. Years are no figures: "trong đó năm 2025" cuts nothing."""
    cuts = [m for m in _IN_WHICH_RE.finditer(text)]
    if not cuts:
        return [text]
    pieces, at = [], 0
    for m in cuts:
        pieces.append(text[at : m.start()])
        at = m.end()
    pieces.append(text[at:])
    pieces = [p.strip(_STRIP + "()") for p in pieces]
    with_figures = [p for p in pieces if _FIGURE_RE.search(_ANY_YEAR_RE.sub("", p))]
    if len(with_figures) < 2 or not _FIGURE_RE.search(_ANY_YEAR_RE.sub("", pieces[0])):
        return [text]
    return [p for p in pieces if p]


class _BadNumber(Exception):
    """A number past the limits, found deep in the grammar; ``parse`` names the phrase."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def _check_magnitude(written: str, value: float) -> None:
    """Refuse a number no plan target has: too large, or more digits than a double holds."""
    digits = "".join(ch for ch in written if ch.isdecimal()).lstrip("0").rstrip("0")
    if math.isfinite(value) and abs(value) < MAX_ABS and len(digits) <= MAX_SIGNIFICANT:
        return
    shown = written if len(written) <= 24 else written[:20] + "…"
    count = sum(ch.isdecimal() for ch in written)
    raise _BadNumber(
        f"số “{shown}” ({count} chữ số) quá lớn hoặc quá nhiều chữ số; giá trị tuyệt đối phải dưới "
        f"10^15 và tối đa {MAX_SIGNIFICANT} chữ số có nghĩa / the number {shown!r} ({count} digits) is too "
        f"large or too precise: it must be below 10^15 in absolute value, with at most "
        f"{MAX_SIGNIFICANT} significant digits",
    )


def _clean(text: str) -> str:
    text = _SPACES_RE.sub(" ", text.replace("\u00a0", " ")).strip()
    text = _LIST_MARK_RE.sub("", text)
    return text.strip(" .;,")


def _parse_text(original: str, text: str, kind: str | None, *, allow_alternative: bool) -> Target:
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: keep spans aligned
        text = low
    if "gấp" in low:
        text, low = _spell_multiples(text, low)
    alternative = None
    if "(" in low:
        text, low, alternative = _take_parentheses(original, text, low, kind, allow_alternative)
    work, years = _mask_years(low)
    colon = work.find(":")
    quantities = _find_quantities(work, colon + 1) if colon >= 0 else []
    body_start = colon + 1 if quantities else 0
    if not quantities:
        quantities = _find_quantities(work, 0)
    if not quantities:
        if alternative is not None:
            return alternative.with_(phrase=original)  # "Hoàn thành (100%)": the number is the target
        return _qualitative(original, text, work, years, body_start)
    if len(quantities) > 1:
        if _is_structure(work, quantities, body_start):
            return _structure(original, text, work, quantities, years, body_start, kind)
        reached = _rate_reached(work, quantities, body_start)
        if reached is not None:
            target = _single(original, text, work, reached, years, kind)
            return target if alternative is None else target.with_(alternative=alternative)
        raise TargetParseError(
            original,
            "có nhiều số cho nhiều chỉ tiêu, cần tách thành từng chỉ tiêu / "
            "several numbers for several indicators: split the phrase",
        )
    target = _single(original, text, work, quantities[0], years, kind)
    if alternative is not None:
        target = target.with_(alternative=alternative)
    return target


_REACH_WORDS = frozenset(vocabulary.REACH_WORDS)
_RATE_NAME_RE = re.compile(rf"(?<!\w)(?:{vocabulary.alternation(vocabulary.RATE_NAME_WORDS)})(?!\w)")


def _rate_reached(work: str, quantities: list[_Quantity], body_start: int) -> _Quantity | None:
    """The target of a rate whose name counts something: "Tỷ lệ phụ nữ mang thai được khám thai ít
    nhất 4 lần trong 3 thời kỳ đạt trên 90%", "Tỷ lệ học sinh được học 2 buổi/ngày đạt 100%". The
    last figure, in % or ‰, after a word of reaching (đạt, còn, xuống …), when the phrase names a
    rate before its first figure and no other figure is in % or ‰ or comes after that word; else
    None (two targets in one phrase stay refused)."""
    last = quantities[-1]
    if last.unit not in ("%", "‰") or last.rank or not _RATE_NAME_RE.search(work, body_start, quantities[0].start):
        return None
    left_start, words = _read_left(work, last.start, quantities[-2].end)
    if not any(w in _REACH_WORDS for w in words):
        return None
    if any(q.unit in ("%", "‰") or q.rank or q.end > left_start for q in quantities[:-1]):
        return None
    return last


# "tăng gấp đôi", "gấp ba lần", "gấp rưỡi": a multiple in words, written as its figure (the same
# length, so that positions in the text stay valid).
_MULTIPLE_WORDS = {"đôi": "2", "hai": "2", "ba": "3", "bốn": "4", "rưỡi": "1,5"}
_MULTIPLE_WORD_RE = re.compile(r"(?<!\w)gấp\s+(" + "|".join(_MULTIPLE_WORDS) + r")(?!\w)")


def _spell_multiples(text: str, low: str) -> tuple[str, str]:
    for m in reversed(list(_MULTIPLE_WORD_RE.finditer(low))):
        word = m[1]
        figure = _MULTIPLE_WORDS[word].rjust(len(word))
        text = text[: m.start(1)] + figure + text[m.end(1) :]
        low = low[: m.start(1)] + figure + low[m.end(1) :]
    return text, low


def _take_parentheses(original, text, low, kind, allow_alternative):
    """Cut parenthesised groups out; one that holds a target becomes the alternative reading."""
    alternative = None
    for m in reversed(list(_PAREN_RE.finditer(low))):
        inner = text[m.start(1) : m.end(1)]
        if any(ch.isdigit() for ch in inner):
            inner_work, _ = _mask_years(inner.lower())
            if _find_quantities(inner_work, 0):
                if not allow_alternative or alternative is not None:
                    raise TargetParseError(original, "nhiều cách hiểu trong ngoặc / nested alternatives")
                alternative = _parse_text(inner.strip(), _clean(inner), kind, allow_alternative=False)
        blank = " " * (m.end() - m.start())
        text = text[: m.start()] + blank + text[m.end() :]
        low = low[: m.start()] + blank + low[m.end() :]
    return text, low, alternative


def _mask_years(low: str) -> tuple[str, _Years]:
    years = _Years()
    if not _ANY_YEAR_RE.search(low):
        return low, years
    out, done = [], 0
    for m in _ANY_YEAR_RE.finditer(low):
        if m.start() < done:
            continue  # the second year of a period already masked
        left = _YEAR_LEFT_RE.search(low, max(done, m.start() - 24), m.start())
        pair = _YEAR_PAIR_RE.match(low, m.end())
        y = int(m.group())
        start, end = (left.start() if left else m.start()), m.end()
        if pair and (left and left["period"] or not _UNIT_AFTER_RE.match(low, pair.end())):
            # "giai đoạn 2021 - 2025", "2025-2030"; not "2000-2100 hộ", a range of households.
            if years.period is None:
                years.period, years.period_at = (y, int(pair[1])), start
            mark, end = _PERIOD_MARK, pair.end()
        elif left is None or left["period"]:
            continue  # a bare year: left as a number, dropped later unless it has a unit
        elif left["base"]:
            years.base_year = years.base_year or y
            mark = _BASE_MARK
        elif left["deadline"]:
            years.deadline = years.deadline or y
            mark = _DEADLINE_MARK
        else:
            years.year = years.year or y
            years.year_at[start] = y
            mark = _YEAR_MARK
        out.append(low[done:start])
        out.append(mark * (end - start))
        done = end
    out.append(low[done:])
    return "".join(out), years


_UNIT_AFTER_RE = re.compile(rf"\s*{_UNITS}")
# Both are pure; targets repeat the same few numbers and units over and over.
_number = lru_cache(maxsize=4096)(parse_number)
_normalise_unit = lru_cache(maxsize=1024)(normalise_unit)


def _find_quantities(work: str, start: int) -> list[_Quantity]:
    found = []
    for m in _QTY_RE.finditer(work, start):
        if m.start() and (work[m.start() - 1].isalnum() or work[m.start() - 1] in "_/"):
            continue  # inside a word or after "/": "covid19", "/1 ha"
        a, b = m["a"], m["b1"] or m["b2"]
        unit_text = (m["u1"] or m["u2"] or m["pa"] or "").strip()
        before = work[max(0, m.start() - 24) : m.start()].rstrip()
        last = before.rsplit(None, 2)[-2:]
        if unit_text in ("tuổi", "tháng tuổi") and "tuổi thọ" not in work:
            continue  # an age: "trẻ em dưới 5 tuổi", "từ 0 - 36 tháng tuổi"
        rank = bool(last) and b is None and _is_rank(last[-1], work, m.end("a"))
        if not rank and last and (last[-1] in _ORDINAL_WORDS or " ".join(last) in _ORDINAL_WORDS):
            continue
        if last and last[-1] == "cả" and _ASPECT_AFTER_RE.match(work, m.end("a")):
            continue  # "kéo giảm tai nạn giao thông trên cả 3 tiêu chí": what is covered, no figure
        if before[-2:-1].isascii() and before[-2:-1].isalpha() and before.endswith("-"):
            continue  # "COVID-19"
        if not unit_text and not m["den"] and _NOT_A_TARGET_AFTER.match(work, m.end()):
            continue  # a duration or a rating: "bình quân 5 năm", "sản phẩm OCOP đạt 3 sao"
        if (
            b is None
            and a in _PER_BASES
            and (before.endswith("/") or (last and last[-1] in _PER_WORDS))
            and _PER_AFTER.match(work, m.end("a"))
        ):
            continue
        if b is None and not unit_text and not m["den"] and a.isdecimal() and len(a) == 4 and 1900 <= int(a) <= 2100:
            continue  # a year the masks did not catch ("đạt 73,5" is four characters and no year)
        try:
            low = _number(a)
            high = _number(b) if b is not None else None
        except NumberFormatError:
            continue
        _check_magnitude(a, low)
        if b is not None:
            _check_magnitude(b, high)
        unit, per_year, points = _read_unit(unit_text, m["den"])
        if m["big"]:
            low, unit = low + int(m["c"]) / 1000, _normalise_unit("tỷ" + m["den"])
        if rank:
            unit, per_year, points = _RANK_UNIT, False, False
        found.append(_Quantity(m.start(), m.end(), low, high, unit, per_year, points, rank))
    return found


# A rank among others: "tốp 3", "top 10" always; "nhóm 10 (tỉnh) dẫn đầu" when a word of leading
# follows within a few words ("nhóm 2" alone is a group's name). Read as a position ≤ N, unit "hạng".
_RANK_UNIT = "hạng"
_LEADING_AFTER_RE = re.compile(
    r"(?:\s+[^\W\d]+){0,6}?\s+(?:dẫn đầu|đứng đầu|hàng đầu|cao nhất|tốt nhất|xuất sắc nhất)(?!\w)"
)


# "PCI nằm trong tốp": what is left of the subject once the rank words are cut.
_RANK_LEAD_RE = re.compile(
    r"(?:\s*(?<!\w)(?:tốp|top|tóp|nhóm|nằm|thuộc|trong|xếp|đứng|vào|lọt|ở|phấn đấu|giữ vững|duy trì)(?!\w))+\s*$",
    re.IGNORECASE,
)


def _is_rank(word: str, work: str, end: int) -> bool:
    if word in vocabulary.RANK_WORDS or word == "tóp":
        return True
    return word == "nhóm" and bool(_LEADING_AFTER_RE.match(work, end))


_UNIT_ALIASES = vocabulary.UNIT_SYNONYMS


def _read_unit(unit_text: str, denominators: str) -> tuple[str | None, bool, bool]:
    points = False
    base = _SPACES_RE.sub(" ", unit_text)
    if base in ("điểm phần trăm", "điểm %"):
        base, points = "%", True
    elif base in vocabulary.PERMIL_WORDS:
        base = "‰"
    elif base in vocabulary.PERCENT_SPELT:
        base = "%"
    base = _UNIT_ALIASES.get(base, base)
    dens = [d for d in _DENOM_SPLIT.split(denominators.strip()) if d]
    per_year = False
    if dens == ["năm"]:
        # "hộ/năm", "%/năm", "350-400/năm": per year. "triệu đồng/người/năm" is a unit of its own.
        per_year, dens = True, []
    if not base:
        return None, per_year, points
    dens = [vocabulary.POPULATION_BASES.get(_SPACES_RE.sub(" ", d), d) for d in dens]  # "/10.000 dân": "/vạn dân"
    return _capitals(_normalise_unit(base + "".join("/" + d for d in dens))), per_year, points


_CAPITALS_RE = re.compile(rf"(?<!\w)(?:{vocabulary.alternation(vocabulary.UNIT_CAPITALS)})(?!\w)")


def _capitals(unit: str | None) -> str | None:
    """A currency code keeps its capitals, as the reader writes it: "USD", "tỷ USD"."""
    if not unit:
        return unit
    return _CAPITALS_RE.sub(lambda m: vocabulary.UNIT_CAPITALS[m.group()], unit)


def _read_left(work: str, end: int, floor: int = 0) -> tuple[int, list[str]]:
    """The known words just before ``end`` (bound, change, horizon, filler), in reading order,
    and where they start."""
    left = work[floor:end]
    m = _REV_TAIL_RE.match(left[::-1])
    start = end - m.end()
    return start, [t.group() for t in _LEFT_TOKEN_RE.finditer(work, start, end)]


def _read_bound(q: _Quantity, words: list[str], right_words: str) -> Bound:
    if q.high is not None:
        return Bound.between(q.low, q.high)
    if "trở lên" in right_words:
        return Bound(Op.GE, q.low, None)
    if "trở xuống" in right_words or "trở lại" in right_words:
        return Bound(Op.LE, None, q.low)
    word = next((_BOUND_WORDS[w] for w in reversed(words) if w in _BOUND_WORDS), None)
    if word in (_GT, _GE, _FROM):
        return Bound(Op.GT if word == _GT else Op.GE, q.low, None)
    if word in (_LT, _LE):
        return Bound(Op.LT if word == _LT else Op.LE, None, q.low)
    return Bound.exact(q.low)


def _read_change(words: list[str], before: str) -> str | None:
    """inc/dec/mul from the nearest change word, unless a level word follows it ("giảm … còn 5%")."""
    change = None
    for w in words:
        if w in _CHANGE_WORDS:
            change = _CHANGE_WORDS[w]
        elif w in _LEVEL_WORDS and change is not None:
            change = "level"
    if change is None and ("tăng" in before or "giảm" in before):
        m = _CHANGE_SUBJECT_RE.search(before)  # "Mức giảm tỷ lệ hộ nghèo …: 0,4%"
        if m:
            change = _INC if m["w"] == "tăng" else _DEC
        elif all(w in _LEAD_VERB_THEN for w in words):
            # "Giảm tỷ suất sinh 0,1‰ mỗi năm": the verb opens the phrase, the indicator follows, then
            # the size of the change. Not with "đạt", "còn", "lên", "dưới" …: "tăng tỷ lệ … đạt 45%",
            # "giảm tỷ lệ … xuống dưới 3%" name the level to reach.
            m = _LEAD_VERB_RE.match(before)
            if m:
                change = _INC if m["w"] == "tăng" else _DEC
    return None if change == "level" else change


# Before the number of "giảm <indicator> <number>": words that keep it the size of the change.
_LEAD_VERB_THEN = frozenset(
    [w for w, op in _BOUND_WORDS.items() if op not in (_LT, _LE)]
    + list(_HORIZON_WORDS)
    + ["khoảng", "ước", "thêm", "trong", "vào", ",", ":", "-", "–"]
)
_LEAD_VERB_RE = re.compile(
    r"^(?:(?:phấn đấu|phần đầu|hằng năm|hàng năm|mỗi năm|bình quân|mục tiêu|[\x01-\x04]+)[\s,:]*)*"
    r"(?:kéo\s+)?(?P<w>tăng|giảm)(?:\s+(?:thêm|thiểu))?(?!\w)(?!\s+(?:trưởng|cường|gia|nghèo)(?!\w))"
)


def _single(original, text, work, q: _Quantity, years: _Years, kind) -> Target:
    left_start, words = _read_left(work, q.start)
    right = _RIGHT_RE.match(work, q.end)
    right_words = work[q.end : right.end()]
    tail_at = len(work)
    if not right_words.strip() and q.unit and "trở " in work[q.end : q.end + 40]:
        # "1.500 đảng viên mới trở lên", "20 hộ khá giả trở lên": one or two words describe what is
        # counted, and the floor comes after them.
        more = _OR_MORE_LATER_RE.match(work, q.end)
        if more:
            right_words, tail_at = more[1], more.start(1)
    before = work[:left_start]
    bound = _read_bound(q, words, right_words)
    if q.rank:
        # "nằm trong tốp 3 cả nước": third or better, a level of the rank.
        deadline = years.deadline - 1 if years.deadline is not None else None
        return Target(
            phrase=original,
            form=Form.LEVEL,
            bound=Bound(Op.LE, None, q.low),
            unit=_RANK_UNIT,
            horizon=Horizon.EACH_YEAR if _PER_YEAR_RE.search(work) else Horizon.END_OF_TERM,
            year=years.year if years.year is not None else deadline,
            subject=_subject(_RANK_LEAD_RE.sub("", text[:left_start])),
        )

    # The form.
    change = _read_change(words, before)
    unit, points = q.unit, q.points
    rate_like = kind in _RATE_KINDS or (("tỷ" in before or "tỉ" in before) and bool(_RATE_SUBJECT_RE.search(before)))
    if not rate_like and unit == "%" and not before.strip(_STRIP):
        # "giảm ít nhất 2% tỷ lệ hộ nghèo mỗi năm": the rate is named after its change.
        rate_like = bool(_RATE_AFTER_RE.match(work, right.end()))
    growth_subject = kind == "growth_rate" or ("tăng" in before and bool(_GROWTH_SUBJECT_RE.search(before)))
    decrease = change == _DEC
    if unit == "lần" or change == _MUL:
        form, unit = Form.MULTIPLE, "lần"
    elif change in (_INC, _DEC):
        if unit == "%" and (points or rate_like):
            form, points = Form.CHANGE, True  # "giảm 1%" of a rate: one percentage point
        elif unit == "%" or (unit is None and growth_subject):
            form, unit = Form.GROWTH, "%"
        else:
            form = Form.CHANGE
    elif growth_subject and unit in ("%", None):
        form, unit = Form.GROWTH, "%"
    elif unit == "%" and q.per_year and not rate_like:
        form = Form.GROWTH  # "17-19%/năm" of a flow: a growth rate per year
    else:
        form = Form.LEVEL
    if unit and unit == q.unit and form in (Form.LEVEL, Form.CHANGE):
        unit = _per_population_of_name(work[:left_start], unit)
    if points and form is not Form.CHANGE:
        raise TargetParseError(original, "điểm phần trăm chỉ dùng cho mức thay đổi / points only for a change")

    # The horizon.
    each_year = q.per_year or (
        "năm" in work and bool(_PER_YEAR_RE.search(work[: q.start] + " " + work[q.end :]))
    )
    average = False
    if "bình quân" in work or "trung bình" in work:
        if form in (Form.GROWTH, Form.CHANGE):
            average = bool(_AVERAGE_RE.search(work))
        else:
            # "Tuổi thọ trung bình đạt 75 tuổi", "Thu nhập bình quân: 88 triệu": part of the name.
            average = bool(_AVERAGE_PER_YEAR_RE.search(work)) or (
                each_year and ("bình quân" in words or "trung bình" in words)
            )
            if not average and words and words[0] in ("bình quân", "trung bình"):
                left_start = work.index(words[0], left_start) + len(words[0])
    # A total over the term is never a percentage: "giai đoạn … đạt 95%" is a level.
    cumulative = unit not in ("%", "‰") and (
        (years.period is not None and 0 <= years.period_at < q.start) or bool(_CUMULATIVE_RE.search(work))
    )
    year = years.year
    if form is Form.GROWTH:
        horizon = Horizon.AVERAGE
        if years.base_year is not None and not (each_year or average):
            horizon = Horizon.END_OF_TERM  # "tăng 50% so với năm 2020": growth over the term
    elif form is Form.MULTIPLE:
        horizon = Horizon.END_OF_TERM
    elif average:
        horizon = Horizon.AVERAGE
    elif each_year:
        horizon = Horizon.EACH_YEAR
    elif cumulative and form is Form.LEVEL:
        horizon = Horizon.CUMULATIVE
        if year is None and years.period is not None:
            year = years.period[1]
    else:
        horizon = Horizon.END_OF_TERM
    if years.deadline is not None and year is None:
        year = years.deadline - 1
    base_year = years.base_year
    if base_year is None and form is Form.MULTIPLE and _YEAR_MARK in right_words:
        # "năm 2030 gấp 1,8 lần năm 2025": the year right after the multiple is its base.
        at = q.end + right_words.index(_YEAR_MARK)
        if at in years.year_at:
            base_year = years.year_at[at]
            year = next((y for i, y in years.year_at.items() if i != at), None)

    subject = _subject(text[:left_start])
    if subject is None and right.end() < len(text):
        # "100 % trẻ em được tiêm phòng", "6 hộ nghèo": the indicator is named after the number.
        unit_words = _NUMBER_LEAD_RE.sub("", text[q.start : q.end]) if q.unit and not q.per_year else ""
        rest_end = next((i for i in range(right.end(), tail_at) if work[i] in _MARKS), tail_at)
        subject = _subject(unit_words + " " + text[right.end() : rest_end])
    return Target(
        phrase=original,
        form=form,
        bound=bound,
        unit=unit,
        horizon=horizon,
        decrease=decrease,
        points=points,
        year=year,
        base_year=base_year,
        subject=subject,
    )


# "Số giường bệnh trên 10.000 dân đạt 32 giường trở lên": the name says what the count is per.
_NAME_PER_POPULATION_RE = re.compile(
    rf"(?<!\w)(?P<noun>{vocabulary.alternation(vocabulary.COUNT_NOUNS)})\s*(?:/|trên|mỗi)\s*"
    rf"(?P<base>(?:(?:1|100|1\.000|10\.000|100\.000)\s+|1\s+vạn\s+|vạn\s+)"
    rf"(?:{vocabulary.alternation(vocabulary.POPULATION_WORDS)}))(?!\w)"
)


def _per_population_of_name(name: str, unit: str) -> str:
    """The unit of a count whose name is a ratio to the population: "giường" under "Số giường bệnh
    trên 10.000 dân" is "giường bệnh/vạn dân"; "bác sĩ" under "Số bác sĩ/vạn dân" "bác sĩ/vạn dân".
    A unit with its own "/", or another noun than the name's, stays as written."""
    if "/" in unit:
        return unit
    for m in _NAME_PER_POPULATION_RE.finditer(name):
        noun = _UNIT_ALIASES.get(m["noun"], m["noun"])
        if noun == unit or noun.startswith(unit + " "):
            base = _SPACES_RE.sub(" ", m["base"])
            return f"{noun}/{vocabulary.POPULATION_BASES.get(base, base)}"
    return unit


def _subject(raw: str) -> str | None:
    s = _SUBJECT_LEAD_RE.sub("", _SPACES_RE.sub(" ", raw).strip(_STRIP)).strip(_STRIP)
    return s or None


def _is_structure(work: str, quantities: list[_Quantity], body_start: int) -> bool:
    if any(q.unit not in ("%", None) or q.per_year for q in quantities):
        return False
    if not any(q.unit == "%" for q in quantities):
        return False
    if _STRUCTURE_RE.search(work):
        return True
    prev = body_start
    for q in quantities:
        if not _SECTOR_RE.search(work, prev, q.start):
            return False
        prev = q.end
    return True


def _structure(original, text, work, quantities, years, body_start, kind) -> Target:
    parts = []
    prev = body_start
    for q in quantities:
        left_start, words = _read_left(work, q.start, prev)
        name = _subject(text[prev:left_start])
        if name is None:
            raise TargetParseError(original, "thiếu tên thành phần cơ cấu / a structure part has no name")
        right = _RIGHT_RE.match(work, q.end)
        bound = _read_bound(q, words, work[q.end : right.end()])
        parts.append(StructurePart(name=name, bound=bound))
        prev = q.end
    subject = _subject(text[:body_start]) if body_start else None
    if subject:
        subject = _subject(_YEAR_TAIL_RE.sub("", subject))
    return Target(
        phrase=original,
        form=Form.STRUCTURE,
        bound=Bound(Op.QUALITATIVE),
        unit="%",
        horizon=Horizon.END_OF_TERM,
        year=years.year,
        parts=tuple(parts),
        subject=subject,
    )


_YEAR_TAIL_RE = re.compile(r"\s*(?:đến|tới|vào)?\s*(?:cuối\s+)?năm\s+\d{4}\s*$", re.IGNORECASE)


# A direction with the plan that sizes it: "giảm tỷ lệ hộ nghèo theo kế hoạch tỉnh giao", "số hộ
# nghèo giảm theo chỉ tiêu được giao", "tăng thu ngân sách theo nghị quyết": judged yes/no.
_DIRECTION_RE = re.compile(r"(?<!\w)(?P<w>tăng|giảm)(?!\w)(?!\s+(?:trưởng|cường|gia|nghèo)(?!\w))")
_AGAINST_PLAN_RE = re.compile(
    r"(?<!\w)(?:theo\s+(?:đúng\s+)?(?:kế hoạch|chỉ tiêu|mục tiêu|lộ trình|nghị quyết|dự toán)"
    r"|(?:được|tỉnh|huyện|thành phố|thị xã|cấp trên|trên)\s+giao)(?!\w)"
)


def _qualitative(original, text, work, years: _Years, body_start) -> Target:
    direction = _DIRECTION_RE.search(work) if _AGAINST_PLAN_RE.search(work) else None
    if not (
        _QUALITATIVE_RE.search(work) or _REQUIREMENT_OPENS_RE.match(work) or years.deadline is not None or direction
    ):
        raise TargetParseError(
            original,
            "không có số và không phải yêu cầu định tính (giữ vững, duy trì, đạt chuẩn…) / "
            "no number and no qualitative requirement",
        )
    subject = None
    colon = work.find(":")
    if colon > 0 and _QUALITATIVE_RE.search(work, colon + 1):
        subject = _subject(text[:colon])
    year = years.deadline - 1 if years.deadline is not None else years.year
    return Target(
        phrase=original,
        form=Form.QUALITATIVE,
        bound=Bound(Op.QUALITATIVE),
        horizon=Horizon.END_OF_TERM,
        year=year,
        subject=subject,
        decrease=bool(direction) and direction["w"] == "giảm",
    )
