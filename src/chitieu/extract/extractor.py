"""The extractor: indicator statements (targets and results) from a ``Document``.

Owns ``Statement`` and ``extract``. For each segment (see ``segments``) it finds the numbers
(see ``quantities``) and decides for each what it is, from the grammar around it rather than
from any one report's wording:

- kind: the section says whether it reports results or sets targets; inside a results section
  or with no heading, the clause's own evidence (``evidence``: plan words, a list of targets
  announced, a range of a yearly rate, a year after the document's date) marks a target; the
  evidence decided on is kept as ``Statement.kind_evidence``;
- a target quoted beside a result — "(chỉ tiêu trên 80%)", "đạt chỉ tiêu Nghị quyết đề ra
  (13 - 14%)", "21,97 tỷ đồng/17,26 tỷ đồng" — becomes that result's ``compared_target``;
  "1495/1520 hộ" gives the numerator only;
- verdict words (đạt/vượt/không đạt/chưa đạt … chỉ tiêu, kế hoạch) give ``stated_status``
  of the statement they follow;
- "hàng năm", "bình quân" (of a rate), "/năm" make a value ``per_year``; "năm 2020",
  "đến năm 2025" give its year; "2016-2020" its period;
- a kept or met standard with no number ("giữ vững phường đạt chuẩn quốc gia về y tế") is a
  qualitative statement;
- figures that only describe one named project (quy mô, tổng mức đầu tư) are not statements.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from chitieu.core import vocabulary
from chitieu.core.targets import Bound, Op
from chitieu.extract.celllines import CellStatement, cell_line_tables
from chitieu.extract.document import Document
from chitieu.extract.evidence import (
    TARGET_AFTER,
    TARGET_CUE,
    future_year,
    list_intro,
    past_year,
    result_cue,
    target_cue,
    weak_target_cue,
)
from chitieu.extract.names import clean_name, indicator_name
from chitieu.extract.normalise import fold
from chitieu.extract.quantities import PERIOD, Mention, find_mentions
from chitieu.extract.segments import _RESULT_COLUMN, RESULT, TARGET, Segment, first_domain, segments
from chitieu.extract.segments import _RESULT_HEADING as _RESULT_INTRO  # (a list's intro reads as a heading)
from chitieu.extract.segments import _TARGET_HEADING as _TARGET_INTRO
from chitieu.extract.sentences import chop, containing, refine, sentence_spans, within
from chitieu.extract.tables import MAX_ROW_LINES, parse_cells, parse_row

L = "a-zà-ỹđ"


@dataclass
class Statement:
    """One indicator statement, in the shape of the extraction contract, and why it has its kind.

    ``kind_evidence`` (not in the contract's JSON) is the evidence the reader decided the kind on:
    ``plan_words`` / ``report_words`` (the clause's own words: phấn đấu, đề ra, trở lên … /
    ước đạt, đã, so với cùng kỳ …), ``list`` (an item of a list whose intro or earlier items
    gave targets), ``document_date`` (a year after, or before, the document's own date),
    ``yearly_range`` (a range of a yearly rate, how a plan is written), ``heading`` (the
    section's heading), ``table_column`` (its table column), ``default`` (nothing said: a result).
    """

    kind: str
    indicator: str
    domain: str | None
    op: str
    low: float | None
    high: float | None
    unit: str | None
    per_year: bool
    year: int | None
    period: str | None
    compared_target: dict | None
    stated_status: str | None
    line: int
    quote: str
    start: int = field(default=0, repr=False)  # offset in its segment, for ordering
    kind_evidence: str = "default"

    @property
    def bound(self) -> Bound | None:
        """The value as core's ``Bound``; None for a qualitative statement (no number)."""
        return None if self.op == "qualitative" else Bound(Op(self.op), self.low, self.high)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "indicator": self.indicator,
            "domain": self.domain,
            "value": {"op": self.op, "low": _plain(self.low), "high": _plain(self.high)},
            "unit": self.unit,
            "per_year": self.per_year,
            "year": self.year,
            "period": self.period,
            "compared_target": self.compared_target,
            "stated_status": self.stated_status,
            "line": self.line,
            "quote": self.quote,
        }


def _plain(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


# --- patterns on folded text -------------------------------------------------------------
_TARGET_WORD = (
    r"(?<![a-zà-ỹđ])(?:chỉ tiêu|nghị quyết|nq|kế hoạch|kh|mục tiêu|dự toán|yêu cầu|kịch bản)(?![a-zà-ỹđ])"
)
_PAREN_TARGET = re.compile(
    r"\s*(?:so với\s*)?"
    + _TARGET_WORD
    + r"(?:\s+(?:đại hội|hđnd|tỉnh|huyện|thị xã|giao|đề ra|năm|là|\d{4}|tăng trưởng|quý\s+(?:[ivx]+|\d)|["
    + L
    + r"]+\s*đề ra))*\s*(?:là|:)?\s*"
)
_TARGET_BEFORE_PAREN = re.compile(_TARGET_WORD + r"[^()\d]{0,40}$")
_TARGET_INLINE = re.compile(
    r"(?:chỉ tiêu|kế hoạch|kh|nghị quyết|(?:vượt|đạt|so với|thấp hơn|cao hơn)\s+mục tiêu)(?:\s+(?:giao|đề ra|là|năm \d{4}|tỉnh giao|huyện giao))*(?:\s+(?:tăng|giảm))?\s*:?\s*(?:trên|dưới|từ|tối thiểu|tối đa|<|>)?\s*$"
)  # ("chưa đạt mục tiêu giảm 2% đề ra": the change planned)
# ... and a bare "mục tiêu" after the result in its brackets: "(đạt 48%, mục tiêu 55%)"
_AIM_IN_PARENS = re.compile(r"(?:^|[,;(])\s*mục tiêu(?:\s+(?:đề ra|năm \d{4}))?\s*:?\s*(?:trên|dưới|từ|tối thiểu|tối đa|<|>)?\s*$")
_VERDICT = re.compile(
    r"(?P<eval>đánh giá\s*:\s*(?P<eval_no>(?:không|chưa)\s+đạt)?(?P<eval_over>vượt)?(?:đạt|hoàn thành)?)"
    r"|(?P<khong>(?:không|chưa)\s+(?:đạt|hoàn thành))"
    r"|(?:(?<=[,\-–—] )|(?<=\())(?P<bare>đạt|vượt|hoàn thành)(?=\s*(?:[.;)]|$))"  # "…; chỉ tiêu Nghị quyết dưới 9%, đạt.", "96% (KH: 95%) - vượt."
    r"|(?P<vuot>(?:đạt và )?vượt(?:\s+(?:mức|so với))?\s+" + _TARGET_WORD + r")"
    r"|(?P<dat>(?:đạt|hoàn thành)(?:\s+(?:tốt|được|các|toàn bộ))?\s+"
    + _TARGET_WORD
    + r"|cơ bản (?:đạt|hoàn thành))"
)
# "vượt kế hoạch 2,6%", "cao hơn chỉ tiêu Nghị quyết 1,2 điểm %": the margin by which a result beat (or
# missed) its plan, no figure of the plan.
_EXCEEDED_BY = re.compile(
    r"(?<![" + L + r"])(?:vượt|vượt mức|cao hơn|thấp hơn)\s+(?:so với\s+)?(?:chỉ tiêu|kế hoạch|kh|nghị quyết|mục tiêu|dự toán)"
    r"(?:\s+(?:giao|đề ra|năm \d{4}|năm|tỉnh giao|huyện giao|được giao|nghị quyết|đại hội|hđnd))*\s*:?\s*$"
)

# "…, thấp hơn chỉ tiêu tỉnh giao (93%)": a result below its plan quoted in brackets after it (no
# margin figure) missed it. ("cao hơn chỉ tiêu Nghị quyết (4%/năm)" is no verdict in the keys.)
_BESIDE_QUOTED_PLAN = re.compile(
    r"(?<![" + L + r"])(?<!không )(?<!chưa )thấp hơn\s+(?:so với\s+)?"
    r"(?:chỉ tiêu|kế hoạch|kh|nghị quyết|mục tiêu|dự toán)"
    r"(?:\s+(?:giao|đề ra|năm \d{4}|năm|tỉnh giao|huyện giao|thành phố giao|được giao|nghị quyết|đại hội|hđnd))*"
    r"\s*\("
)

# What a lower figure is better for: "Tỷ lệ hộ nghèo còn 2,1%, thấp hơn mục tiêu 0,4%" beat its plan.
_LOWER_BETTER = re.compile(
    r"nghèo|suy dinh dưỡng|tử vong|tai nạn|thất nghiệp|tội phạm|phạm pháp|vi phạm|ô nhiễm|sinh con thứ|tảo hôn"
    r"|sinh thô|tăng dân số|nợ|thời gian|chi phí|giảm"
)


def _margin(folded: str, mentions: list[Mention], m: Mention, a: int) -> str | None:
    """The words before ``m`` when it is the margin by which a result beat or missed its plan
    ("đạt 6.420 ha, vượt kế hoạch 2,6%": a share of a value in another unit), else None; a figure
    in the result's own unit there is the plan's ("đạt 42,5%, vượt mục tiêu 41% đề ra")."""
    by = _EXCEEDED_BY.search(folded, max(a, m.start - 60), m.start)
    if by is None or m.unit != "%":
        return None
    before = [p for p in mentions if p.start < by.start() and not p.bare and p.unit and folded.find(".", p.end, m.start) < 0]
    if not before:
        return None
    if _unit_family(before[-1].unit) == _unit_family(m.unit):  # type: ignore[arg-type]
        # a figure in the result's own unit is the plan's, unless it cannot be: a plan under a result
        # "thấp hơn" it ("đạt 78,4%, thấp hơn kế hoạch 1,6%"), or, "vượt", one over the result
        # ("đạt 12%, vượt kế hoạch 15%") or a small part of it ("đạt 7,2%, vượt kế hoạch 0,2%"): then
        # it is the margin
        levels = [p for p in before if p.role != "change"]  # (not "tăng 0,2%" before "vượt mục tiêu 68,5%")
        level, lower = (levels[-1].low if levels else None), by.group().startswith("thấp")
        if level is None or m.low is None or m.op != "=":
            return None
        if not (m.low <= level if lower else m.low > level or 3 * m.low < level):
            return None
    return by.group()


# The shortfall of a result against its plan, before the figure: "hụt khoảng 54 tỷ đồng so với dự toán"
_SHORT_BY = re.compile(
    r"(?<![" + L + r"])(?:thấp hơn|còn thấp|hụt|thiếu)\s+(?:khoảng|gần|hơn|trên|là)?\s*\(?\s*$"
)
_MISSED_BEFORE_SHORT = re.compile(r"(?:chưa|không)\s+đạt[^.;\d]*$")
_DAT_FULL = re.compile(r"^\s*(?:so với\s*)?(?:chỉ tiêu|kế hoạch|kh|nghị quyết|mục tiêu)")
_VUOT_BY = re.compile(r"vượt\s*$")
_DONE_BEFORE = re.compile(r"hoàn thành\s*(?:được\s*)?$")
_PLAN_AFTER = re.compile(r"\s*(?:so với\s*)?(?:chỉ tiêu|kế hoạch|kh|nghị quyết|mục tiêu|dự toán)")
# Met or kept standards, each alternative with the word it starts with.
_QUALITATIVE_PARTS = (
    ("đạt", r"đạt\s+(?:xã |phường |thị trấn |thị xã |các |bộ )?(?:chuẩn|tiêu chuẩn|tiêu chí|danh hiệu)"),
    ("giữ vững", r"giữ vững"),
    ("duy trì", r"duy trì\s+(?:đạt\s+)?(?:bộ\s+)?(?:chuẩn|danh hiệu|tiêu chí|[" + L + r" ]{0,40}?đạt chuẩn)"),
    ("đạt", r"đạt\s+(?:và vượt\s+)?(?:các\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)"),
    ("hoàn thành", r"hoàn thành\s+(?:tốt\s+)?(?:mục tiêu|chỉ tiêu|kế hoạch)"),
    ("chưa", r"chưa\s+đạt"),
    ("không", r"không\s+đạt"),
    ("không", r"không còn\s+(?:hộ|nhà|người)"),
    # "không để xảy ra cháy rừng", "không để phát sinh hộ nghèo mới"
    ("không", r"không để\s+(?:xảy ra|phát sinh)"),
    # aims of a list of targets only (``_AIM_ONLY``): "không để dịch bệnh lớn xảy ra", "không có tổ
    # chức cơ sở đảng yếu kém", "xây dựng xã vững mạnh về quốc phòng - an ninh"
    ("không", r"không để\s+(?:[" + L + r"]+\s+){1,4}?(?:xảy ra|phát sinh)"),
    ("không", r"không có\s+(?:[" + L + r"]+\s+){1,6}?yếu kém"),
    ("xây dựng", r"xây dựng\s+(?:xã|phường|thị trấn|thị xã|huyện|tỉnh|thành phố|đặc khu)\s+vững mạnh"),
    ("công nhận", r"công nhận\s+(?:đạt\s+)?[" + L + r" ]{0,40}?(?:chuẩn|kiểu mẫu|danh hiệu)"),
    ("được", r"được\s+xếp loại\s+(?:tốt|khá|xuất sắc|hoàn thành)"),
    ("xếp loại", r"xếp loại\s+(?:tốt|khá|xuất sắc|hoàn thành)"),
)
_QUALITATIVE = re.compile("|".join(part for _, part in _QUALITATIVE_PARTS))
# The aims among them a statement only in a list of targets (the keys read none in a report's prose:
# "Chăn nuôi phát triển ổn định; không để xảy ra dịch bệnh lớn"): a thing kept from happening, none
# weak, a unit built strong.
_AIM_ONLY = re.compile(r"không để\s|không có\s+(?:[" + L + r"]+\s+){1,6}?yếu kém|xây dựng\s")
# _QUALITATIVE looks neither around nor at the end: a match inside a part of a text is one inside
# the whole, at the same place (``_met_in`` tries only the places where the whole has one).
assert not any(x in _QUALITATIVE.pattern for x in ("(?=", "(?!", "(?<", "$", "\\b"))
assert all(part.startswith(word) for word, part in _QUALITATIVE_PARTS)
# ... and its alternatives by their first word, each a pattern that starts with a fixed word (which
# the engine skips to fast; the whole pattern stops at every c, d, g, h, k, x and đ), looked for
# only in a text that holds the word. A match of the whole is one of the part whose word stands there.
_QUALITATIVE_BY_WORD = tuple(
    (word, re.compile("|".join(part for w, part in _QUALITATIVE_PARTS if w == word)))
    for word in dict.fromkeys(word for word, _ in _QUALITATIVE_PARTS)
)
# The words every match of _VERDICT starts with. That pattern (alternatives behind look-behinds)
# is slow to try at every character; it is tried only where one of these plain words stands,
# which a search finds fast. The matches are the same.
_VERDICT_START_WORDS = ("đánh giá", "không", "chưa", "đạt", "vượt", "hoàn thành", "cơ bản")
_VERDICT_STARTS = re.compile("|".join(_VERDICT_START_WORDS))
# One of these words is in every match of _VERDICT: a sentence without any has no verdict.
_VERDICT_WORDS = ("đạt", "vượt", "hoàn thành", "đánh giá")


def _matches_at_words(
    pattern: re.Pattern[str], starts: re.Pattern[str], text: str, a: int, b: int
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, a, b)``, tried only where a match's first word (``starts``) stands."""
    at = a
    while (word := starts.search(text, at, b)) is not None:
        m = pattern.match(text, word.start(), b)
        if m is None:
            at = word.start() + 1
            continue
        yield m
        at = m.end() if m.end() > m.start() else m.end() + 1


def _verdict_matches(folded: str, lo: int, hi: int) -> list[re.Match[str]]:
    """``_matches_at_words(_VERDICT, _VERDICT_STARTS, folded, lo, hi)``, the places of the first words
    found by plain searches in one copy of the span (the pattern of the words stops at every c, h,
    k, v and đ)."""
    span = folded[lo:hi]
    places: list[int] = []
    for word in _VERDICT_START_WORDS:
        if word in span:
            at = span.find(word)
            while at >= 0:
                places.append(at)
                at = span.find(word, at + 1)
    places.sort()
    out: list[re.Match[str]] = []
    end = 0  # (a match's end: the next is tried after it, as the search goes on from there)
    for at in places:
        if at >= end and (m := _VERDICT.match(folded, lo + at, hi)) is not None:
            out.append(m)
            end = m.end() - lo
    return out


def _qualitative_at(folded: str, a: int = 0, b: int | None = None) -> re.Match[str] | None:
    return _QUALITATIVE.search(folded, a, len(folded) if b is None else b)


def _met_starts(folded: str) -> list[int]:
    """Every place where a match of ``_QUALITATIVE`` starts in ``folded`` (overlapping ones too), in
    order: a paragraph's, searched once for its sentences, clauses and sub-clauses (``_met_in``)."""
    starts: list[int] = []
    for word, part in _QUALITATIVE_BY_WORD:
        if word in folded:
            m = part.search(folded)
            while m is not None:
                starts.append(m.start())
                m = part.search(folded, m.start() + 1)
    starts.sort()
    return starts


def _met_in(folded: str, starts: list[int], a: int, b: int) -> re.Match[str] | None:
    """``_qualitative_at(folded, a, b)``, given ``_met_starts(folded)``: the first of those places
    in [a, b) where a match ends by ``b`` (a match inside the span is one of the whole text)."""
    for i in range(bisect.bisect_left(starts, a), len(starts)):
        if starts[i] >= b:
            break
        if (m := _QUALITATIVE.match(folded, starts[i], b)) is not None:
            return m
    return None


# The indicators as a whole as the subject: "Nhìn chung, các chỉ tiêu đều đạt và vượt kế hoạch",
# "hầu hết các chỉ tiêu chủ yếu đạt kế hoạch", "tất cả chỉ tiêu đều hoàn thành".
_ALL_INDICATORS = re.compile(
    r"(?<![" + L + r"])(?:các|tất cả(?: các)?|hầu hết(?: các)?|toàn bộ(?: các)?|phần lớn(?: các)?|đa số(?: các)?"
    r"|những|mọi)\s+chỉ tiêu(?:\s+[" + L + r"]+){0,6}?\s*(?:(?:cơ bản|đều|cũng|đã)\s+)*$"
)
_NAME_OPENS = re.compile(r"\s*(?:[-+•*]\s*|\(?\d{1,2}[.)]\s*)*(?:số|tỷ lệ|tỉ lệ)(?![" + L + r"])")
_COUNT_NOUN_AT = re.compile(r"[,\s]*(?:" + vocabulary.alternation(vocabulary.COUNT_NOUNS) + r")(?![" + L + r"])")
# A verdict on a plan, not a standard: "…, đạt và vượt chỉ tiêu giao" beside a figure is no statement.
_PLAN_VERDICT = re.compile(r"chưa|không|hoàn thành|đạt\s+(?:và vượt\s+)?(?:các\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)")
# "…, được công nhận xã đạt chuẩn nông thôn mới nâng cao": a standard met, even beside figures.
_RECOGNISED = re.compile(r"công nhận")
_PROJECT = re.compile(  # (the look-behinds stand after "dự án": a search skips to plain words)
    r"quy mô(?!\s+(?:grdp|nền kinh tế|kinh tế|tổng sản phẩm|dân số|giá trị|thu ngân sách|ngân sách|vốn|tín dụng"
    r"|đàn|sản xuất|thương mại|xuất khẩu|du lịch|công nghiệp|nông nghiệp|dịch vụ))|tổng mức đầu tư"
    r"|dự án(?<!\d dự án)(?<!\ddự án)(?<!lượt dự án)"  # ("112 lượt dự án điều chỉnh vốn": a count)
)


def _project_at(folded: str, a: int = 0, b: int | None = None) -> bool:
    b = len(folded) if b is None else b
    # one of the three words is in every _PROJECT match: plain searches first (in one copy of the
    # span: a find with bounds costs more than the copy)
    span = folded if a == 0 and b == len(folded) else folded[a:b]
    if not ("dự án" in span or "quy mô" in span or "tổng mức đầu tư" in span):
        return False
    return _PROJECT.search(folded, a, b) is not None


# The base a plan is compared with: "bằng 93,2% ước thực hiện năm 2024", "so với ước thực hiện 2024".
_COMPARED_BASE = re.compile(
    r"(?:so với|bằng\s+[\d.,]+\s*%)\s+(?:số\s+)?(?:ước\s+(?:thực hiện|th|đạt)|thực hiện|kết quả|ước)"
    r"(?:\s+(?:năm\s+)?(?:19|20)\d\d)?"
)


def _project_span(folded: str, a: int, b: int) -> tuple[int, int] | None:
    """The part of the clause [a, b) whose figures describe one named project: the clause, or only
    the parentheses that name the project ("Thu tiền sử dụng đất: 412.600 triệu đồng, đạt 137,5%
    dự toán (trong đó dự án Khu dân cư Ninh Hiệp: 96.450 triệu đồng)": the clause's own figures
    are the indicator's)."""
    m = _PROJECT.search(folded, a, b) if _project_at(folded, a, b) else None
    if m is None:
        return None
    opened = folded.rfind("(", a, m.start())
    if opened < 0 or folded.find(")", opened, m.start()) >= 0:
        return a, b  # not inside parentheses: the clause is the project's
    closed = folded.find(")", m.end(), b)
    if closed < 0 or _PROJECT.search(folded, closed, b) or _PROJECT.search(folded, a, opened):
        return a, b
    return opened, closed + 1


_RESULT_BEFORE = re.compile(r"(?:thực hiện|đạt|ước|được|là|kết quả)\s*:?\s*(?:được\s*)?$")
_COMPARED_YEAR = re.compile(
    r"(?:so với|bằng|gấp|hơn|lần)\s+(?:so với\s+)?(?:(?:ước\s+)?(?:thực hiện|kết quả)\s+|ước\s+)?"  # "so với ước thực hiện năm 2026"
    r"(?:cùng kỳ\s+|cuối\s+|đầu\s+)?(?:năm\s+)?$"
)
_EACH_YEAR = re.compile(
    vocabulary.not_after(vocabulary.YEARLY_KIND_NOUNS)
    + "(?:"
    + vocabulary.alternation(vocabulary.horizon_words(vocabulary.EACH_YEAR))
    + ")"
)  # (not "cây hằng năm": annual crops)
_AVERAGE = re.compile(vocabulary.alternation(vocabulary.horizon_words(vocabulary.AVERAGE)))
# Looked for only where a plain search finds "năm" and "bình" (in every word of theirs).
assert all("năm" in w for w in vocabulary.horizon_words(vocabulary.EACH_YEAR))
assert all("bình" in w for w in vocabulary.horizon_words(vocabulary.AVERAGE))
_NOT_AVERAGE = re.compile(
    r"(?:" + vocabulary.alternation(vocabulary.horizon_words(vocabulary.AVERAGE)) + r")\s*(?:"
    + vocabulary.alternation(vocabulary.PER_HEAD_WORDS)
    + r"|(?:năm\s+)?(?:19|20)\d\d|(?:\d+\s+)?(?:tháng|quý)(?![" + L + r"]))"  # "bình quân 6 tháng"
    + r"|(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.AVERAGE_LEVEL_NOUNS) + r")\)?\s+(?:"
    + vocabulary.alternation(vocabulary.horizon_words(vocabulary.AVERAGE)) + r")"
)
# "bình quân" before a % is a yearly rate where the % is a growth or change ("tốc độ tăng trưởng
# bình quân 7,5%", "giảm bình quân 1,2%") or averaged over years ("bình quân thời kỳ", "bình quân
# 5 năm"); a level averaged ("tỷ lệ … bình quân 86%", "công suất phòng bình quân đạt 68%") is not.
_AVERAGED_RATE = re.compile(
    r"tăng|giảm|tốc độ|(?:bình quân|trung bình)\s+(?:trong\s+)?(?:cả\s+)?"
    r"(?:thời kỳ|giai đoạn|nhiệm kỳ|\d+\s+năm|các năm|mỗi năm|hằng năm|hàng năm)"
    r"|(?:thời kỳ|giai đoạn|nhiệm kỳ|(?:19|20)\d\d)(?:\s*[-–—]?\s*(?:19|20)\d\d)?\s+(?:bình quân|trung bình)"
)  # ("tỷ lệ tốt nghiệp THPT nhiệm kỳ 2020 - 2025 bình quân đạt 99%": averaged over the term it names)
# After a change: "so với năm 2024", "so với cùng kỳ": one year's change, not a yearly average
# (unless the change itself is averaged: "tăng bình quân 8% so với năm 2020").
_AVERAGE_CHANGE = re.compile(
    r"(?:tăng|giảm)(?: trưởng)?\s+(?:" + vocabulary.alternation(vocabulary.horizon_words(vocabulary.AVERAGE)) + r")"
)
_ONE_YEAR_CHANGE = re.compile(r"\s*(?:,\s*)?so với\s+(?:năm\s+(?:19|20)\d\d|năm trước|cùng kỳ|năm ngoái)")
# "(?:năm|đến|cuối|vào|trong|tới)\s+(?:năm\s+)?|tháng …" written with a plain word first in
# every alternative (the same matches): the engine then skips to the places where one can start.
_YEAR_EXPR = re.compile(
    r"(?:năm\s+(?:năm\s+)?|đến\s+(?:năm\s+)?|cuối\s+(?:năm\s+)?|vào\s+(?:năm\s+)?|trong\s+(?:năm\s+)?"
    r"|tới\s+(?:năm\s+)?|tháng\s+\d{1,2}\s*/\s*|quý\s+[ivx\d]{1,3}\s*/\s*"  # "quý iv/2025"
    r"|đến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s*(?:/\s*\d{1,2}\s*/|\.\d{1,2}\.|-\d{1,2}-)\s*)"  # "(tính) đến ngày 30/6/2025"
    r"((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—]\s*(?:19|20)\d\d)"
)

# "2021: 97,6%; 2022: 98,4%": a year written as the label of the value after it (the
# lookbehinds look past the four digits: not "12/2021:", not "2025 - 2030:").
_YEAR_LABEL = re.compile(
    r"((?:19|20)\d\d)(?=\s*:\s*[<>≤≥]?\s*\d)(?<![\d/.,\w]....)(?<![-–—]\s....)(?<![-–—]....)"
)


@dataclass(slots=True)  # (fixed fields: made and read often, faster)
class _Item:
    mention: Mention | None
    start: int
    kind: str
    op: str
    low: float | None
    high: float | None
    unit: str | None
    per_year: bool = False
    status: str | None = None
    target: dict | None = None
    name: str = ""
    from_tail: bool = False
    per_head: bool = False
    target_at: int | None = None  # where its quoted target stands
    name_at: int | None = None  # where its name ends, when not just before it: "Thu nhập (NQ: 45; ước đạt 42,6)"
    evidence: str = "default"  # why it has its kind (``Statement.kind_evidence``)


def extract(doc: Document) -> list[Statement]:
    """Every indicator statement in ``doc``, in text order."""
    out: list[Statement] = []
    unit: str | None = None
    cell_rows, used = cell_line_tables(doc.lines)
    if used:
        # a table written one cell a line is read by its columns; the running-text reader
        # sees blank lines in its place (the line numbers stay the file's)
        out += [_cell_line_statement(c) for c in cell_rows]
        doc = Document(doc.name, doc.format, tuple("" if i in used else x for i, x in enumerate(doc.lines)))
    prior = RESULT  # the kind the text last gave with nothing against it (a list goes on)
    # what a list's intro gives its items (see ``_announcement``)
    announced: tuple[str | None, int | None, str | None, bool] | None = None
    for seg in segments(doc):
        if seg.is_heading:
            if (announced is not None or prior in (TARGET, _LIST_TARGET)) and _GROUP_LABEL.match(seg.folded):
                # "Đại hội xác định các chỉ tiêu …:" then "a) Về xây dựng Đảng …", "b) Về quốc phòng
                # - an ninh": a group's label inside the list announced, which goes on under it
                if prior == TARGET:
                    prior = _LIST_TARGET
                continue
            prior = RESULT
            announced = None
            continue
        row: dict | None
        if seg.cells is not None:
            quote = _row_quote(seg)  # once per row, not per cell: a wide row stays linear
            for row in parse_cells(seg.cells, seg.roles, seg.header, unit, _plan_from(seg), seg.note_unit):  # type: ignore[arg-type]
                if not row.get("compare"):  # (a comparison's "%" is no unit for the rows below)
                    unit = row["unit"] or unit
                if row.get("measure") and row["year"] is None and seg.year is None and seg.period is None:
                    # a table of measures names no year: the one the text reports on, else its date's
                    # (at its top, or on a place-and-date line of its own below: "Cẩm Xuyên, ngày 28/6/2025")
                    row["year"] = seg.report_year or seg.doc_year or _signed_year(doc.lines)
                out.append(_row_statement(seg, row, quote))
            continue
        if seg.table_years is not None:
            if len(seg.line_numbers) > MAX_ROW_LINES:
                continue
            row = parse_row(
                seg.text,
                seg.folded,
                seg.table_years,
                unit,
                seg.table_periods,
                seg.table_compare,
                seg.starts,
                seg.table_plan and seg.table_plan_after is None,  # (a plan after the results: below)
            )
            if row is not None:
                unit = row["unit"] or unit
                quote = _row_quote(seg)
                cells = _plan_cells(seg, [row, *row["cells"]])
                row_statements = _one_with_its_plan(seg, [_row_statement(seg, c, quote) for c in cells])
                out.extend(sorted(row_statements, key=lambda st: st.start))
            continue
        intro = _announcement(seg)
        if announced is not None and _LIST_ITEM.match(seg.text):
            # an item of a list whose intro named its kind or year ("Các chỉ tiêu chủ yếu năm 2026:")
            mode, year, period, _ = announced
            seg.mode = mode or seg.mode
            if year or period:
                seg.year, seg.period, seg.heading_time = year, period, True
        else:
            announced = None
        if intro is not None:
            announced = intro
            if intro[3]:
                continue  # the intro itself states nothing
        found, prior = _segment_statements(seg, prior)
        out.extend(found)
    if used:
        out.sort(key=lambda st: (st.line, st.start))
    return out


# "Cẩm Xuyên, ngày 28/6/2025", "Hà Nội, ngày 10 tháng 6 năm 2025": a line of a place and a date alone
_SIGNED_LINE = re.compile(
    r"[A-ZĐÀ-Ỹ][^\d,|\t]{1,40},\s*ngày\s+\d{1,2}(?:\s*/\s*\d{1,2}\s*/\s*|\s+tháng\s+\d{1,2}\s+năm\s+)"
    r"((?:19|20)\d\d)\s*\.?"
)


def _signed_year(lines: tuple[str, ...]) -> int | None:
    """The year of the last place-and-date line standing alone in the text (its signing), or None."""
    for line in reversed(lines):
        if "ngày" in line and (m := _SIGNED_LINE.fullmatch(line.strip())):
            return int(m.group(1))
    return None


def _plan_cells(seg: Segment, cells: list[dict]) -> list[dict]:
    """A broken table row's cells with the plan columns the row reader does not place: next year's
    plan after this year's results ("Ước TH 2025 | Kế hoạch 2026": the row's last figure), and the
    year columns of a table under a heading that plans ("LỘ TRÌNH … GIAI ĐOẠN 2026 - 2030": 2026,
    2027 … are targets)."""
    if seg.table_plan_after is not None:
        plain = [c for c in cells if c.get("kind", RESULT) == RESULT and c["period"] is None and c["op"] != "qualitative"]
        if len(plain) >= 2:
            last = max(plain, key=lambda c: c.get("at", 0))
            for c in plain:
                c["target"] = None
            last.update(kind=TARGET, year=seg.table_plan_after, status=None)
    plan_from = _plan_from(seg)
    if plan_from is not None and not seg.table_plan and not _RESULT_COLUMN.search(seg.table_header):
        for c in cells:
            if c.get("kind", RESULT) == RESULT and c["year"] is not None and c["year"] >= plan_from:
                c.update(kind=TARGET, target=None, status=None)
    return cells


def _one_with_its_plan(seg: Segment, cells: list[Statement]) -> list[Statement]:
    """A row whose header names one result column: its plan cell is the result's compared target,
    not a statement of its own (a term's plan beside a series of years stays one)."""
    if len(seg.table_years or []) > 1:
        return cells
    compared = [c.compared_target for c in cells if c.kind == RESULT and c.compared_target is not None]
    return [
        c
        for c in cells
        if not (c.kind == TARGET and {"op": c.op, "low": _plain(c.low), "high": _plain(c.high)} in compared)
    ]



def _plan_from(seg: Segment) -> int | None:
    """Under a heading that plans, the first year its plan covers (a table's year columns from it
    on are plans): the heading's period or year, else the year after the document's; None
    elsewhere (0: any year)."""
    if seg.mode != TARGET or not seg.planned:
        return None
    if seg.period:
        return int(seg.period[:4])
    if seg.year:
        return seg.year
    return seg.doc_year + 1 if seg.doc_year else 0


def _cell_line_statement(c: CellStatement) -> Statement:
    unit, per_year = c.unit, c.per_year
    if _money_per_head(unit, "đầu người" in fold(c.name)):
        unit = unit.split("/")[0] + "/người/năm"  # type: ignore[union-attr]
        per_year = False  # (money per person per year: the "/năm" is the unit's)
    return Statement(
        kind=c.kind,
        indicator=c.name,
        domain=first_domain(fold(c.name)),
        op=c.op,
        low=c.low,
        high=c.high,
        unit=unit,
        per_year=per_year,
        year=c.year,
        period=c.period,
        compared_target=(
            {"op": c.target[0], "low": _plain(c.target[1]), "high": _plain(c.target[2])} if c.target else None
        ),
        stated_status=c.status,
        line=c.line,
        quote=" ".join(c.quote.split())[:400],
        kind_evidence=TABLE_COLUMN,
    )


def _row_quote(seg: Segment) -> str:
    return " ".join(seg.text.split())[:400]


def _row_statement(seg: Segment, row: dict, quote: str | None = None) -> Statement:
    target = row["target"]
    compared = None
    if target is not None and (
        target.unit is None or _unit_family(target.unit) == _unit_family(row["unit"] or "")
    ):
        compared = {"op": target.op, "low": _plain(target.low), "high": _plain(target.high)}
    name = row["name"]
    kind = row.get("kind", RESULT)
    unit = row["unit"]
    per_year = bool(row["per_year"])
    if _money_per_head(unit, "đầu người" in fold(name)):
        unit = unit.split("/")[0] + "/người/năm"
        per_year = False  # ("triệu đồng/năm" in the name: the unit's year, money per person per year)
    year = row["year"]
    if year is None and row["period"] is None and seg.period is None:
        year = seg.year
    period = row["period"]
    if (
        seg.period
        and period is None
        and (year is None or str(year) == seg.period[-4:])
        and ("bình quân" in name or "nhiệm kỳ" in name or "giai đoạn" in name)
        and (term := _TERM_ROW.search(fold(name)))
    ):
        # "Tăng trưởng bình quân/năm", "Kết nạp đảng viên cả nhiệm kỳ" in a term's table: of the term
        year, period, per_year = None, seg.period, per_year or term.group("average") is not None
    line = seg.line_at(row["at"]) if "at" in row else seg.line_numbers[0]
    return Statement(
        kind=kind,
        indicator=name,
        domain=first_domain(fold(name)) or seg.domain,
        op=row["op"],
        low=row["low"],
        high=row["high"],
        unit=unit,
        per_year=per_year,
        year=year,
        period=period,
        compared_target=compared if kind == RESULT else None,
        stated_status=row["status"] if kind == RESULT else None,
        line=line,
        quote=_row_quote(seg) if quote is None else quote,
        start=row.get("at", 0),
        kind_evidence=TABLE_COLUMN,
    )


# A table row of a term's average or total ("… bình quân/năm", "… cả nhiệm kỳ", "… cả giai đoạn")
_TERM_ROW = re.compile(
    r"(?P<average>bình quân\s*(?:/\s*năm|(?:mỗi|hằng|hàng) năm))|(?:cả|toàn|trong) (?:nhiệm kỳ|giai đoạn)(?![\s\d-]*\d)"
)
_PER_YEAR_AFTER = re.compile(r"\s*(?:trở lên|trở xuống)?\s*/\s*năm")
# ... after the words naming what is counted: "trồng 292 ha rừng/năm", "15 đảng viên mới trở lên/năm"
_PER_YEAR_AFTER_WORDS = re.compile(r"(?:\s*[" + L + r"]+){1,3}?\s*/\s*năm(?![" + L + r"])")
# A yearly word ending the value's part of a clause: "chuyển đổi 2.000 ha đất lúa sang cây trồng khác
# mỗi năm;", "thu hút FDI 1,5-2 tỷ USD mỗi năm"
_EACH_YEAR_AFTER = re.compile(
    r"[^\d]*?"
    + vocabulary.not_after(vocabulary.YEARLY_KIND_NOUNS)
    + r"(?<!["
    + L
    + r"])(?:mỗi năm|hằng năm|hàng năm)[\s\"”'’).;,:]*$"
)
_PARENT_PER_YEAR = re.compile(r"(?:bình quân|hằng năm|hàng năm|/năm)[^.;]{0,120}trong đó")
# A count of the plan's indicators met ("19/21 chỉ tiêu đạt và vượt kế hoạch", "16/30 chỉ tiêu
# đạt") is a result of its own (the contract's convention), and so is a count of those missed
# ("3 chỉ tiêu không đạt", "chưa đạt 2 chỉ tiêu": its verdict is không đạt); a count of those set is not.
# (the words between may name the plan's year: "11/15 chỉ tiêu năm 2025 đạt và vượt")
_INDICATORS_MISSED = re.compile(
    r"\s*(?:/\s*\d+\s*)?chỉ tiêu\s+(?:(?:[" + L + r"]+|(?:19|20)\d\d)\s+){0,3}?(?:không|chưa)\s+(?:đạt|hoàn thành)"
)
_MISSED_BEFORE_COUNT = re.compile(r"(?:không|chưa)\s+(?:đạt|hoàn thành)(?:\s+(?:được|kế hoạch))?\s*$")
_INDICATORS_MET = re.compile(r"\s*(?:/\s*\d+\s*)?chỉ tiêu\s+(?:(?!không\s|chưa\s)(?:[" + L + r"]+|(?:19|20)\d\d)\s+){0,3}?"
                             r"(?:đạt|vượt|hoàn thành)")
# ... or the verb before the count: "thực hiện đạt và vượt 15/16 chỉ tiêu Nghị quyết" (not "không đạt 2 chỉ tiêu")
_MET_BEFORE_COUNT = re.compile(
    r"(?<!không )(?<!chưa )(?:đạt|vượt|hoàn thành)(?:\s+và\s+vượt)?(?:\s+(?:được|mức|tốt))?\s*$"
    # ... and the next count of the same verb: "đạt 3/5 chỉ tiêu kinh tế và 6/6 chỉ tiêu xã hội"
    r"|(?<!không )(?<!chưa )(?:đạt|vượt|hoàn thành)\s+\d+(?:/\d+)?\s+chỉ tiêu"
    r"(?:\s+[" + L + r"]+){0,3}\s*(?:,|và)\s*$"
)
# "Trong 16 chỉ tiêu chủ yếu, có 12 chỉ tiêu đạt …": the total the counts after it split (no statement)
_INDICATORS_TOTAL = re.compile(
    r"\d+\s*chỉ tiêu(?:\s+[" + L + r"]+){0,3}?\s*[,:]?\s*(?:thì\s+|đã\s+)?(?:có|gồm)\s+\d"
)
_TOTAL_BEFORE = re.compile(r"(?:trong|trong số|trên|trong tổng số|tổng số)\s*$")
# ... each count with its own verdict: "9 chỉ tiêu vượt, 4 chỉ tiêu đạt" (not "đạt và vượt")
_SPLIT_VERDICT = re.compile(
    r"\d+\s*chỉ tiêu\s+(vượt|đạt)(?![" + L + r"])(?!\s*(?:và|hoặc|/|,)\s*(?:vượt|đạt))"
)
# "14/16 chỉ tiêu đạt và vượt, 2 chỉ tiêu chưa đạt": the verdict after a count of indicators is theirs.
_COUNTED_BEFORE_VERDICT = re.compile(r"\d\s*(?:chỉ tiêu|tiêu chí)\s*$")
# "(Hai|Các|Những) chỉ tiêu không đạt là …", "Các chỉ tiêu chưa đạt gồm: …": the indicators named after it
_SUBJECT_BEFORE_VERDICT = re.compile(r"(?:\d+|hai|ba|bốn|năm|các|những|một số|còn)\s+(?:chỉ tiêu|tiêu chí)\s*$")
_NAMED_AFTER_VERDICT = re.compile(r"\s*(?:kế hoạch\s+)?(?:là|gồm|gồm có|:)(?![a-zà-ỹđ])")
_INDICATORS_BEFORE = re.compile(r"(?:số\s+)?chỉ tiêu\s+(?:đạt|vượt|hoàn thành)\s*(?:được\s*)?$")
_ANY_DIGIT = re.compile(r"\d")
# A sentence whose subject is one indicator: "Chỉ tiêu phát triển đảng viên chưa đạt …".
_INDICATOR_SUBJECT = re.compile(r"\s*(?:[-+•*]\s*)?chỉ tiêu\s+(?!(?:đạt|vượt|không|chưa)(?![" + L + r"]))[" + L + r" ]{3,60}$")
# "đã" as a word; the look-behind stands after it (and looks past it) so that a search skips to "đ"
_PAST_TENSE = re.compile(r"đã(?<![" + L + r"]đã)(?![" + L + r"])")
_PAREN = re.compile(r"\(([^()]*)\)")
# A ratio to the population named before a bare number: "số giường bệnh/vạn dân 28,6".
_PER_POPULATION = re.compile(
    r"(bác s[ĩỹ]|dược s[ĩỹ]|giường bệnh|nhân viên y tế|điều dưỡng)\s*(?:/|trên\s+(?:1\s+|một\s+)?)"
    r"(vạn dân|1\.000 dân|nghìn dân|10\.000 dân)[^\d]{0,25}$"
)
# A name with its unit in brackets before a colon and the value: "Diện tích lúa (ha): 120",
# "Tỷ lệ hộ nghèo (%): giảm 4 - 5" (up to two words, the value's own, between the colon and it).
_UNIT_COLON = re.compile(r"\(([^()\d]{1,30})\)\s*:\s*(?:[" + L + r"]+\s+){0,2}$")


def _unit_before_colon(folded: str, a: int, at: int) -> tuple[str | None, bool] | None:
    """The unit a name gives in brackets just before "…: value" (one the tables know as a unit),
    and whether it is per year ("(%/năm)")."""
    from chitieu.core.numbers import normalise_unit
    from chitieu.extract.celllines import _KNOWN_UNIT

    m = _UNIT_COLON.search(folded, max(a, at - 45), at)
    if m is None:
        return None
    unit = m.group(1).strip()
    yearly = _PER_YEAR_END.search(unit)
    if yearly is not None:
        unit = unit[: yearly.start()]
    if not _KNOWN_UNIT.fullmatch(unit):
        return None
    return normalise_unit(unit), yearly is not None


_PER_YEAR_END = re.compile(r"\s*/\s*năm$")


_COUNTED = frozenset(vocabulary.COUNT_NOUNS)
_PER_POPULATION_WORDS = r"(vạn dân|1\.000 dân|nghìn dân|10\.000 dân)"


@functools.lru_cache(maxsize=64)
def _per_population_of(noun: str) -> re.Pattern[str]:
    """The name's ratio to the population for a count in ``noun``: "Số giường bệnh trên 1 vạn
    dân đạt 31,6 giường" counts "giường" per "vạn dân"."""
    return re.compile(
        r"(?<![" + L + r"])" + re.escape(noun) + r"(?: [" + L + r"]+)?\s*(?:/|trên\s+(?:1\s+|một\s+)?)"
        + _PER_POPULATION_WORDS + r"[^\d]{0,25}$"
    )


# Up to six words after a number, up to a mark.
_WORDS_AFTER = re.compile(r" (?P<w>[" + L + r"]+(?: [" + L + r"]+){0,5})")
# Up to four words then "/" and what they are per ("4,2 kỹ thuật viên/vạn dân"), not a time.
_WORDS_TO_SLASH = re.compile(
    r" (?P<w>[" + L + r"]+(?: [" + L + r"]+){0,3})(?=\s*/\s*(?!(?:năm|tháng|quý|ngày)(?![" + L + r"]))[" + L + r"1])"
)
_COUNT_PER = re.compile(
    r"\s*/\s*(" + vocabulary.alternation(vocabulary.PER_WORDS) + r"|[" + L + r"]+)(?![" + L + r"])"
)
# A count whose base is written once, after the next count joined to it ("35 bác sĩ và 45 giường
# bệnh/vạn dân"): a base of population only.
_SHARED_PER = re.compile(
    r"\s*(?:,|\s+và)\s+\d[\d.,]*\s+["
    + L
    + r"]+(?:\s+["
    + L
    + r"]+)?\s*/\s*("
    + vocabulary.alternation(w for w in vocabulary.PER_WORDS if "dân" in w)
    + r")(?!["
    + L
    + r"])"
)
# ... or per a number of another noun: "109 bé trai/100 bé gái" (its 100 is no statement)
_COUNT_PER_NUMBER = re.compile(
    r"( [" + L + r"]+)?\s*/\s*(\d+(?:[.,]\d+)*) ([" + L + r"]+(?: [" + L + r"]+)*)"
)
_INDICATOR_BEFORE = re.compile(r"[" + L + r"]{2,}")
_LONG_COUNT_NOUN_AT = re.compile(
    r"(?:" + vocabulary.alternation(n for n in vocabulary.COUNT_NOUNS if " " in n) + r")(?![" + L + r"])"
)
_DOCUMENT_PART = re.compile(
    r"(?:" + vocabulary.alternation(vocabulary.DOCUMENT_PARTS) + r")(?![" + L + r"])"
)
_WORDS_BEFORE = re.compile(r"(?:\w+\s+){1,2}$")
_RATIO_BASE_BEFORE = re.compile(r"(?:trên|mỗi|/)\s*$")
_FOREIGN_WORD = re.compile(r"[a-z]*[fjwz][a-z]*|[a-z]{6,}")


def _unknown_count(text: str, folded: str, clauses, m: Mention) -> re.Match[str] | None:
    """The noun a number counts where the vocabulary does not know it ("96.500 thuê bao
    internet", "320 sáng kiến được công nhận"), in a clause naming an indicator before it.

    The noun runs from the number to a mark, a word of grammar or a capital (a name: "số 35
    Trần Hưng Đạo", "2 huyện Hải Lăng"): all of it when three words or fewer ("30 trụ sạc điện ở
    …"), else its first two (a Vietnamese noun is mostly two syllables: "thuê bao internet băng
    rộng"), or one borrowed word ("40 camera giám sát")."""
    if folded[m.start : m.end] == "1":
        return None  # (a lone "1" before a word is mostly a name's: "bộ phận 1 cửa")
    w = _WORDS_TO_SLASH.match(folded, m.end) or _WORDS_AFTER.match(folded, m.end)
    if w is None:
        return None
    words = w.group("w").split()
    at, n = w.start("w"), 0
    for word in words:  # the words up to a word of grammar or a capital
        if not text[at].islower() or n and word in vocabulary.NOT_COUNTED_WORDS:
            break
        at, n = at + len(word) + 1, n + 1
    if n == 0 or len(words[0]) < 2 or words[0] in vocabulary.NOT_COUNTED_WORDS or _DOCUMENT_PART.match(w.group("w")):
        return None
    a, _ = containing(clauses, m.start)
    if not _INDICATOR_BEFORE.search(folded, a, m.start):
        return None  # "3 khâu …" opening a clause: no indicator named
    while a < m.start and text[a].isspace():
        a += 1  # (a sentence's span holds the space after the mark before it)
    name = _WORDS_BEFORE.search(text, max(a, m.start - 30), m.start)
    if name and any(
        word[0].isupper() and name.start() + i > a and text[name.start() + i - 1] == " "
        for word, i in ((x.group(), x.start()) for x in re.finditer(r"\w+", name.group()))
    ):
        return None  # "Ban Chỉ đạo 35 thị xã": the number of a name (a capital not opening the sentence)
    if m.low in (1, 1000, 10000, 100000) and _RATIO_BASE_BEFORE.search(folded, max(0, m.start - 8), m.start):
        return None  # "số bác sĩ trên 10.000 dân": the base of a ratio
    if n == len(words) and w.re is _WORDS_TO_SLASH:
        return w  # "4,2 kỹ thuật viên/vạn dân": the whole name before the slash
    if n >= 3 and _LONG_COUNT_NOUN_AT.match(folded, w.start("w") + len(words[0]) + 1):
        n = 1  # "30 giải học sinh giỏi": the noun before a known noun is what is counted
    elif _FOREIGN_WORD.fullmatch(words[0]):
        n = 1  # (no Vietnamese syllable has an f, j, w or z, nor six letters and no accent)
    elif n > 3 or n == 3 and w.re is _WORDS_TO_SLASH:
        n = 2
    return _WORDS_AFTER.match(folded, m.end, w.start("w") + sum(map(len, words[:n])) + n - 1)


# A scale word ending a number's money unit, no currency written ("21,6 triệu" of "21,6 triệu trái").
_SCALE_ONLY = re.compile(
    r"(?<![" + L + r"])((?:(?:nghìn|ngàn|triệu)\s+)?(?:" + vocabulary.alternation(vocabulary.SCALE_WORDS) + r"))$"
)


_MONEY_NAME = re.compile(
    r"(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.MONEY_NAME_WORDS) + r")(?![" + L + r"])"
)


def _scaled_count(text: str, folded: str, clauses, m: Mention) -> tuple[str, int] | None:
    """A scale word with no currency, then a noun the vocabulary does not know: a count in
    millions of that noun, not money ("sản lượng dừa đạt 21,6 triệu trái"); not before a verb or
    a word of grammar ("500 triệu hỗ trợ …", "72 triệu mỗi người")."""
    if m.denominator or m.unit is None or not m.unit.endswith("đồng"):
        return None
    scale = _SCALE_ONLY.search(folded, m.start, m.end)
    w = _WORDS_AFTER.match(folded, m.end) if scale else None
    if w is None or w.group("w").split()[0] in vocabulary.AMOUNT_VERBS:
        return None
    a, _ = containing(clauses, m.start)
    if _MONEY_NAME.search(folded, a, m.start):
        return None
    counted = _unknown_count(text, folded, clauses, m)
    if counted is None:
        return None
    scaled = " ".join(vocabulary.SCALE_WORDS[x] for x in scale.group(1).split())  # type: ignore[union-attr]
    return f"{scaled} {counted.group('w')}", counted.end()


_OTHER_BASE = re.compile(r"so với|cùng kỳ|năm trước")  # "(giảm 3% so với năm trước)": no plan quoted
_PACE_IN = re.compile(r"/\s*năm|bình quân|mỗi năm|hằng năm|hàng năm")  # "(giảm 1-1,5%/năm)": a yearly pace
_BOUND_OR_NUMBER = re.compile(r"\s*(?:(?:tăng|giảm)\s+)?(?:trên|dưới|từ|tối thiểu|tối đa|<|>|≤|≥|\d)")  # "(giảm 2%)"

# The evidence a kind was decided on (``Statement.kind_evidence``).
PLAN_WORDS, REPORT_WORDS, LIST, DOCUMENT_DATE = "plan_words", "report_words", "list", "document_date"
YEARLY_RANGE, HEADING, TABLE_COLUMN, DEFAULT = "yearly_range", "heading", "table_column", "default"
KIND_EVIDENCE = (PLAN_WORDS, REPORT_WORDS, LIST, DOCUMENT_DATE, YEARLY_RANGE, HEADING, TABLE_COLUMN, DEFAULT)
_FLOOR_AFTER = re.compile(TARGET_AFTER)


def _plan_evidence(before: str) -> str:
    """Of the plan words before a value: a list announced ("đề ra các chỉ tiêu chủ yếu: …") or
    the clause's own words (phấn đấu, đề ra, đến năm …)."""
    return LIST if ":" in before and "tiêu" in before and list_intro(before) else PLAN_WORDS


_ANNOUNCED_YEAR = re.compile(r"(?:năm|đến|tới)\s+((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—]\s*\d)")
_DATE_BEFORE = re.compile(r"(?:tháng\s+\d{1,2}|ngày)\s+$")


def _intro_kind(tail: str, year: int | None, seg: Segment) -> str | None:
    """The kind a list's intro gives its items: plan verbs (phấn đấu, đề ra …) make targets; a list
    of indicators announced or a section's words (chỉ tiêu, kế hoạch …) make targets too, unless
    they name a year already past or the year a results section reports ("Các chỉ tiêu chủ yếu
    năm 2025:" under "I. KẾT QUẢ THỰC HIỆN NĂM 2025"); report words make results."""
    if TARGET_CUE.search(tail) or "đề ra" in tail and target_cue(tail):
        return TARGET
    if target_cue(tail) or not _RESULT_INTRO.search(tail) and (_TARGET_INTRO.search(tail) or "dự toán" in tail):
        # ("trình … dự toán ngân sách năm 2027 như sau:": an estimate of a budget is a plan)
        ref = seg.year if seg.mode == RESULT and seg.year else seg.doc_year
        if year and ref and (year < ref or year == ref and seg.mode == RESULT):
            return RESULT
        return TARGET
    return RESULT if _RESULT_INTRO.search(tail) else None


_INTRO_END = re.compile(r":\s*(?:\d{1,2}\s*[.)]|[a-zđ]\s*\)|\(\s*\d{1,2}\s*\))?\s*$")


def _states_figures(folded: str) -> bool:
    """Whether ``folded`` holds a figure (a digit outside its years is looked at closer)."""
    return _ANY_DIGIT.search(_ANY_YEAR.sub(" ", folded)) is not None and any(
        not m.bare for m in find_mentions(folded)
    )


def _announcement(seg: Segment) -> tuple[str | None, int | None, str | None, bool] | None:
    """(kind, year, period, alone) a line introducing a list gives the items under it, or None.

    A paragraph ending with a colon and stating no figure ("Các chỉ tiêu chủ yếu của năm 2026:",
    "Kết quả thực hiện các chỉ tiêu năm 2025:", "Năm 2026, xã phấn đấu đạt các chỉ tiêu sau:") is
    read as a heading of its list: its last sentence gives the kind (plan words, report words,
    then the words of a section's title); its year or period, else the one year the paragraph
    names (not a date's: "Ngày 20/12/2025, HĐND … thông qua kế hoạch … năm 2026. Các chỉ tiêu chủ
    yếu như sau:"), holds for the items. ``alone``: the paragraph states nothing else (the intro
    may also close a paragraph or an item: "- … đạt 60%. Các chỉ tiêu năm 2026:").
    """
    folded = seg.folded.rstrip()
    if folded[-1:] != ":":  # (not endswith: its call costs more than a slice of one character)
        return None
    line = folded[seg.starts[-1] :] if len(seg.folded) == len(seg.text) else folded  # its last line
    cut = max(line.rfind(". ", 0, len(line) - 1), line.rfind("; ", 0, len(line) - 1))
    tail = line[cut + 1 :]
    if len(tail) > 250 or cut < 0 and _LIST_ITEM.match(line):
        return None
    if _states_figures(tail):
        return None
    whole = len(folded) < 400 and not _states_figures(folded)
    periods = {f"{m.group(1)}-{m.group(2)}" for m in PERIOD.finditer(tail)}
    year = None
    if not periods:
        for part in (tail, line, folded) if whole else (tail, line):
            years = {
                int(m.group(1))
                for m in _ANNOUNCED_YEAR.finditer(part)
                if not _DATE_BEFORE.search(part, max(0, m.start() - 12), m.start())
                and not _COMPARED_YEAR.search(part, max(0, m.start() - 36), m.start())
            }
            if years:
                year = years.pop() if len(years) == 1 else None
                break
    period = periods.pop() if len(periods) == 1 else None
    mode = _intro_kind(tail, year, seg)
    if year is None and period is None:
        if mode is None or not _ANY_DIGIT.search(folded) and not _qualitative_at(folded):
            return None  # nothing to give, or "Đại hội đề ra các chỉ tiêu chủ yếu:" (a list target)
    return mode, year, period, whole


# A group's label inside a list, stating nothing: "a) Về xây dựng Đảng", "2. Về lĩnh vực xã hội".
_GROUP_LABEL = re.compile(
    r"\s*(?:[a-zđ]\s*[.)]|\d{1,2}\s*[.)]|[-+•])?\s*(?:về|lĩnh vực|nhóm)\s[^\d:]{2,80}:?\s*$"
)
# A sentence labelled as results: "Kết quả nhiệm kỳ trước (…): …", "Kết quả thực hiện năm 2025: …".
_RESULT_LABEL = re.compile(
    r"\s*(?:[-+•]\s*)?kết quả(?![a-zà-ỹđ])[^.;:]{0,80}:(?![^.;]*(?:phấn đấu|mục tiêu|chỉ tiêu))"
)
_LIST_TARGET = "list-target"  # the kind a paragraph passes on: an item of a list of targets is next
_LIST_ITEM = re.compile(r"\s*(?:[-+•–]\s|\d{1,2}[.)]\s|[a-zđ]\)\s)")


# Facts of a meeting, of awards, of one named work and of a merger: figures that are no indicator.
# Each kind is looked for only where a plain search finds one of its words in the paragraph.
_FACT_WORDS = {
    "vote": ("biểu quyết", "tán thành", "nhất trí", "phiếu", "bầu"),
    "present": ("tham dự", "có mặt", "dự họp", "dự hội nghị", "dự đại hội", "dự kỳ họp"),
    "award": ("khen", "biểu dương", "tôn vinh", "danh hiệu", "thi đua", "kỷ niệm chương"),
    "merged": ("cũ", "sáp nhập", "hợp nhất", "gộp", "sắp xếp"),
    "founded": ("thành lập", "hình thành"),
    "members": ("đảng viên", "chi bộ", "tổ chức cơ sở đảng", "tổ chức đảng", "đoàn viên", "hội viên"),
    "meeting": ("họp",),
}
_PEOPLE_VOTING = r"(?:phiếu|(?:các\s+)?(?:đại biểu|đồng chí|ủy viên|uỷ viên|thành viên|cử tri))"
# "100% đại biểu có mặt biểu quyết thông qua …", "với 98,6% số phiếu tán thành", "139/139 đại biểu biểu quyết"
_VOTE_AFTER = re.compile(
    r"\s*(?:số\s+)?"
    + _PEOPLE_VOTING
    + r"(?:\s+["
    + L
    + r"]+){0,5}?\s+(?:biểu quyết|tán thành|nhất trí|bỏ phiếu)"
    r"|\s*(?:số\s+)?phiếu(?![" + L + r"])"
)
# "… biểu quyết tán thành (đạt 100%)"; "Đại hội đã bầu 15 đồng chí …" (people elected, not a share)
_VOTE_BEFORE = re.compile(
    r"(?:biểu quyết|tán thành|nhất trí)[^.;()\d]{0,20}\(\s*(?:đạt\s+|bằng\s+|chiếm\s+)?$"
)
_ELECTED_BEFORE = re.compile(
    r"(?<![" + L + r"])bầu\s+(?:được\s+)?$"
    # "bầu Ban Chấp hành Đảng bộ huyện khóa XX gồm 45 đồng chí", "bầu Đoàn đại biểu … gồm 12 đồng chí"
    r"|(?<![" + L + r"])bầu\s+(?:ra\s+|bổ sung\s+)?(?:ban|đoàn|ủy ban|uỷ ban|thường trực|hội đồng)"
    r"[^.;:\d]{0,60}\s(?:gồm|có)\s+$"
)
# Awarded, the award after the count: "12 tập thể và 35 cá nhân được … tặng Giấy khen".
_AWARDED_PASSIVE = re.compile(r"[^.;:]{0,60}?\s(?:được|đã được)\s")
# A unit founded, what it is then: "được thành lập trên cơ sở sắp xếp …", "thành lập từ việc nhập …",
# "hình thành trên cơ sở hợp nhất …".
_FOUNDED = re.compile(r"(?:thành lập|hình thành)\s+(?:mới\s+)?(?:trên cơ sở|từ|do|theo nghị quyết|sau khi)")
# "… với hơn 600 nhà đầu tư tham dự)", "Hội nghị có 33/35 đồng chí Ủy viên Ban Chấp hành tham dự."
_PRESENT_AFTER = re.compile(
    r"(?:\s+[" + L + r"]+){0,6}?\s+(?:tham dự|có mặt|dự họp|dự hội nghị|dự đại hội|dự kỳ họp)\s*(?:$|[).;,:])"
)
_AWARDED = frozenset({"tập thể", "cá nhân", "lượt tập thể", "lượt cá nhân"})
_AWARD_BEFORE = re.compile(r"khen|biểu dương|tôn vinh|danh hiệu|cờ thi đua|kỷ niệm chương")
# "Khu công nghiệp Yên Phong II-C (diện tích 250 ha, vốn đầu tư hạ tầng 3.900 tỷ đồng)": what a named
# work is, in parentheses after its name.
_SPEC_OPENS = re.compile(
    r"\(\s*(?:diện tích|công suất|dung tích|sức chứa|chiều dài|dài|rộng|trọng tải|tổng vốn|vốn|kinh phí"
    r"|tổng kinh phí|tổng mức đầu tư)(?![" + L + r"])"
)
_NAME_BEFORE_PAREN = re.compile(r"(?:^|\s)[A-ZÀ-ỸĐ][\w.-]*\s*$")
_ADMIN_UNITS = frozenset(
    {"xã", "phường", "thị trấn", "huyện", "tỉnh", "thôn", "xóm", "bản", "ấp", "tổ dân phố", "khu phố"}
)
# "3 đơn vị cũ", "4 phường cũ", "64 xã, phường sau sắp xếp": the units merged, or made by the merger
_MERGED_UNITS = _ADMIN_UNITS | {"đơn vị", "đơn vị hành chính"}
_MERGED_AFTER = re.compile(
    r"(?:\s*,\s*(?:phường|thị trấn|xã))?\s+(?:cũ(?![" + L + r"])|(?:sau|trước)\s+(?:khi\s+)?(?:sáp nhập|hợp nhất|sắp xếp))"
)
# "sau khi sắp xếp đơn vị hành chính cấp xã, toàn ngành có 1.214 cơ sở giáo dục": what the merged
# unit (or sector) is made of after the merger, of any count noun
_MERGED_MAKEUP = re.compile(r"sau\s+(?:khi\s+)?(?:sáp nhập|hợp nhất|sắp xếp)[^.;:\d]{0,40}\s(?:có|gồm)\s*$")
_MERGED_BEFORE = re.compile(r"(?:sáp nhập|hợp nhất|gộp|sắp xếp)(?:\s+(?:từ|lại|của|cả))?\s*$|" + _MERGED_MAKEUP.pattern)
# The members of a party (or mass) organisation: "Đảng bộ hiện có 46 tổ chức cơ sở đảng với 2.318
# đảng viên", "300 đại biểu đại diện cho hơn 6.400 đảng viên của 112 tổ chức cơ sở đảng" — not
# "kết nạp 27 đảng viên mới", nor "có 40/42 chi bộ đạt …" (a count that a verb or a rating follows)
# Meetings held: "tổ chức 6 cuộc họp giao ban", "24 cuộc họp thường kỳ", "6 buổi họp" (no indicator)
_MEETING_UNITS = frozenset({"cuộc", "buổi", "phiên"})
_MEETING_AFTER = re.compile(r"\s+họp(?![" + L + r"])")
_MEMBER_UNITS = frozenset({"đảng viên", "chi bộ", "tổ chức cơ sở đảng", "tổ chức đảng", "đoàn viên", "hội viên"})
_MEMBERS_BEFORE = re.compile(
    r"(?:(?<![" + L + r"])(?:hiện\s+)?(?:có|gồm)(?:\s+(?:tổng số|tổng cộng))?|(?<![" + L + r"])với|đại diện cho"
    r"|(?<![" + L + r"])của)\s+(?:(?:hơn|gần|trên|khoảng|tổng số)\s+)?$"
)
# ... but "215 thanh niên nhập ngũ, trong đó có 38 đảng viên, chiếm 17,7%": a part of a count
_PART_OF_COUNT = re.compile(r"trong đó\s+(?:có\s+)?(?:(?:hơn|gần|trên|khoảng)\s+)?$")
_SHARE_AFTER = re.compile(r"\s*,?\s*(?:chiếm|bằng|tỷ lệ|đạt)(?![" + L + r"])")
_MEMBERS_AFTER = re.compile(r"(?:\s+(?:trực thuộc|sinh hoạt|đang sinh hoạt)(?![" + L + r"])|\s*(?:$|[,.;()])|\s+(?:với|của)\s)")


# What a place is (vocabulary.PLACE_*): "Phường có 23 tổ dân phố, 9.842 hộ với 31.460 nhân khẩu",
# "Xã có diện tích tự nhiên 61,3 km2 với 21.870 nhân khẩu", "xã có 17 thôn, buôn với hơn 5.600 hộ, trong
# đó đồng bào dân tộc thiểu số chiếm 38%" — the unit itself "có" / "gồm" its parts, its people, its area;
# not "Xã có 5 thôn đạt chuẩn …", "có 312 hộ nghèo", "có thêm 2 thôn …", "có 98,5% hộ dân sử dụng …".
_PLACE_NUMBER = r"(?:(?:hơn|gần|trên|khoảng|tổng số|tổng cộng)\s+)?\d[\d.,]*"
_PLACE_PARTS = vocabulary.alternation(vocabulary.PLACE_PARTS)
_PLACE_ITEM = (
    r"(?:(?:" + vocabulary.alternation(vocabulary.PLACE_AREA_NAMES) + r")(?:\s+(?:là|khoảng|rộng))?\s+" + _PLACE_NUMBER
    + r"\s*(?:" + vocabulary.alternation(vocabulary.PLACE_AREA_UNITS) + r")"
    r"|(?:" + vocabulary.alternation(vocabulary.PLACE_POPULATION_NAMES) + r")(?:\s+(?:là|khoảng))?\s+" + _PLACE_NUMBER
    + r"\s+(?:người|nhân khẩu)"
    r"|" + _PLACE_NUMBER + r"\s+(?:" + _PLACE_PARTS + r")(?:\s*,\s*(?:" + _PLACE_PARTS + r")|\s+và\s+(?:"
    + _PLACE_PARTS + r"))*(?![" + L + r"])"
    r"|" + _PLACE_NUMBER + r"\s+(?:" + vocabulary.alternation(vocabulary.PLACE_PEOPLE) + r"))(?![" + L + r"])"
)
_PLACE_FACTS = re.compile(
    r"(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.PLACE_UNITS) + r")"
    r"(?:\s+(?!(?:đã|có|gồm|thêm|được|sẽ|phải|cần|đạt|với|và|mới có)(?![" + L + r"]))[^\s\d.,;:]+){0,5}?"
    r"\s+(?:(?:hiện\s+nay|hiện|nay|hiện đang)\s+)?(?:có|gồm)(?:\s+(?:tổng số|tổng cộng))?\s+"
    r"(" + _PLACE_ITEM + r"(?:(?:\s*,\s*(?:với\s+|và\s+)?|\s+(?:với|và)\s+)" + _PLACE_ITEM + r")*)"
    r"(?=\s*(?:$|[.;,:()“”\"]|(?:trong đó|chia thành|sinh sống|cư trú)(?![" + L + r"])))"
)
_PLACE_SHARE = re.compile(
    r"\s*,?\s*trong đó\s+(?:(?:hộ|số hộ|nhân khẩu)\s+)?(?:" + vocabulary.alternation(vocabulary.PLACE_POPULATION_GROUPS) + r")\s+"
    r"(?:(?:có|là|gồm)\s+)?(?:" + _PLACE_NUMBER + r"\s+(?:" + vocabulary.alternation(vocabulary.PLACE_PEOPLE) + r"|người)"
    r"(?![" + L + r"])(?:\s*,?\s*\(?\s*chiếm\s+" + _PLACE_NUMBER + r"\s*%\s*\)?)?"
    r"|(?:chiếm|là)\s+" + _PLACE_NUMBER + r"\s*%)"
)
_PLACE_DIVIDED = re.compile(
    r"\s*,?\s*(?:(?:được\s+)?chia\s+(?:thành|làm)\s+" + _PLACE_ITEM
    + r"|(?:gồm|có)\s+" + _PLACE_NUMBER + r"\s+dân tộc(?:\s+anh em)?(?:\s+cùng)?\s+(?:sinh sống|cư trú))"
)  # ... and how it is divided, its peoples: "…, chia thành 5 khu phố", "…, gồm 14 dân tộc cùng sinh sống"

_SPEAKER = r"(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.SPEAKER_WORDS) + r")(?![" + L + r"])"
# (vocabulary.SPEAKER_WORDS …): a leader asks for it ("Ông cũng yêu cầu giữ …", "đề nghị các ngành …"),
# or says what must be done ("nhấn mạnh: “Năm 2026 phường phải chỉnh trang …”") — not what was done
_SPEECH_DIRECTIVE = re.compile(
    _SPEAKER + r"[^.;]{0,80}?(?<!đã )(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.DIRECTIVE_VERBS) + r")"
    r"(?![" + L + r"])(?!\s+(?:của|đề ra|đặt ra))"
    r"|" + _SPEAKER + r"[^.;]{0,80}?(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.SPEECH_VERBS) + r")"
    r"(?![" + L + r"])[^.;]{0,60}?(?<![" + L + r"])(?<!không )(?:" + vocabulary.alternation(vocabulary.MODAL_WORDS) + r")"
    r"(?![" + L + r"])"
)

_NOW_AFTER = re.compile(r"[\d.,]+\s*(?:%|[" + L + r"]+(?:\s+[" + L + r"]+)?)?\s+(?:hiện nay|hiện tại|hiện)(?![" + L + r"])")


def _reference_year(seg: Segment) -> int | None:
    """The year a value's year is later than to be planned: the document's date, or the year its lead
    reports on where that is earlier ("Ngày 8/1/2026, … tổ chức hội nghị tổng kết năm 2025")."""
    if seg.report_year and seg.doc_year and seg.report_year < seg.doc_year:
        return seg.report_year
    return seg.doc_year


@functools.lru_cache(maxsize=64)
def _place_fact_spans(folded: str) -> tuple[tuple[int, int], ...]:
    """Where ``folded`` states what a place is: its parts, people and area, and their shares."""
    spans = []
    for m in _PLACE_FACTS.finditer(folded):
        end = m.end()
        for more in (_PLACE_SHARE, _PLACE_DIVIDED, _PLACE_DIVIDED):  # a share, then its parts, its peoples
            if following := more.match(folded, end):
                end = following.end()
        spans.append((m.start(1), end))
    return tuple(spans)


def _fact_kinds(folded: str, mentions: list[Mention]) -> frozenset[str]:
    """The kinds of facts (``_FACT_WORDS``, and "spec") a paragraph may state about its figures."""
    units = {m.unit for m in mentions}
    kinds = set()
    for kind, words in _FACT_WORDS.items():
        if kind == "award" and units.isdisjoint(_AWARDED):
            continue
        if kind == "members" and units.isdisjoint(_MEMBER_UNITS):
            continue
        if kind == "meeting" and units.isdisjoint(_MEETING_UNITS):
            continue
        for w in words:
            if w in folded:
                kinds.add(kind)
                break
    at = folded.find("(") if "(" in folded else -1
    while at >= 0:  # (a paragraph has few parentheses: each tried where it opens)
        if _SPEC_OPENS.match(folded, at):
            kinds.add("spec")
            break
        at = folded.find("(", at + 1)
    if (" có " in folded or " gồm " in folded) and _place_fact_spans(folded):
        kinds.add("place")
    return frozenset(kinds)


def _fact_not_indicator(
    seg: Segment, folded: str, sentences, subclauses, m: Mention, kinds: frozenset[str]
) -> bool:
    """Whether the figure ``m`` is a fact of a meeting (a vote, the people present, an election),
    of awards, of one named work, or of a merger: no indicator statement."""
    if "vote" in kinds:
        sub = containing(subclauses, m.start)
        before = folded[max(sub[0], m.start - 60) : m.start]
        if _VOTE_BEFORE.search(before) or m.unit != "%" and _ELECTED_BEFORE.search(before):
            return True
        voters = m.unit == "%" or m.denominator or m.unit in ("đại biểu", "đồng chí", "ủy viên", "phiếu")
        if voters and _VOTE_AFTER.match(folded, m.end):
            return True
    if "present" in kinds and m.unit != "%" and _PRESENT_AFTER.match(folded, m.end):
        return True
    if "award" in kinds and m.unit in _AWARDED:
        sent = containing(sentences, m.start)
        if _AWARD_BEFORE.search(folded, max(sent[0], m.start - 120), m.start):
            return True
        if _AWARD_BEFORE.search(folded, m.end, min(sent[1], m.end + 80)) and _AWARDED_PASSIVE.match(folded, m.end):
            return True  # "12 tập thể và 35 cá nhân được Chủ tịch UBND huyện tặng Giấy khen"
    if "founded" in kinds:
        sent = containing(sentences, m.start)
        founded = _FOUNDED.search(folded, sent[0], m.start)
        if founded is not None:
            # "Xã X được thành lập trên cơ sở … có diện tích tự nhiên 187,4 km2, dân số …"; in
            # parentheses ("xã Q (hình thành trên cơ sở sáp nhập 3 xã cũ) huy động 186 tỷ đồng …")
            # only what the parentheses hold
            opened = folded.rfind("(", sent[0], founded.start())
            if opened < 0 or folded.find(")", opened, founded.start()) >= 0:
                return True
            closed = folded.find(")", founded.end(), sent[1])
            return closed < 0 or m.start < closed
    if "merged" in kinds and m.unit in _MERGED_UNITS:
        if _MERGED_AFTER.match(folded, m.end) or _MERGED_BEFORE.search(folded, max(0, m.start - 80), m.start):
            return True
    elif "merged" in kinds and m.unit and m.unit != "%" and not m.denominator:
        if "sau" in folded[max(0, m.start - 80) : m.start] and _MERGED_MAKEUP.search(folded, max(0, m.start - 80), m.start):
            return True
    if "meeting" in kinds and m.unit in _MEETING_UNITS and _MEETING_AFTER.match(folded, m.end):
        return True
    if "members" in kinds and m.unit in _MEMBER_UNITS and not m.denominator:
        sub = containing(subclauses, m.start)
        if (
            _MEMBERS_BEFORE.search(folded, max(sub[0], m.start - 30), m.start)
            and _MEMBERS_AFTER.match(folded, m.end)
            and not _PART_OF_COUNT.search(folded, max(0, m.start - 20), m.start)
            and not _SHARE_AFTER.match(folded, m.end)
        ):
            return True
    if "place" in kinds and any(a <= m.start < b for a, b in _place_fact_spans(folded)):
        return True
    if "spec" in kinds:
        opened = folded.rfind("(", max(0, m.start - 80), m.start)
        if opened >= 0 and folded.find(")", opened, m.start) < 0 and _SPEC_OPENS.match(folded, opened):
            return _NAME_BEFORE_PAREN.search(seg.text, max(0, opened - 40), opened) is not None
    return False


def _segment_statements(seg: Segment, prior: str = RESULT) -> tuple[list[Statement], str]:
    """The statements of one paragraph, and the kind a paragraph after it goes on with.

    ``prior`` is the kind of the last statement before (a paragraph of a target list goes on as
    targets where its own words say nothing); it counts only outside a section whose heading
    gives the kind."""
    folded = seg.folded
    item = _LIST_ITEM.match(seg.text) is not None
    # An item of a list of targets announced ("Đại hội đề ra các chỉ tiêu chủ yếu:") is a target even
    # under a heading of results (a report's own title, "Báo cáo tình hình kinh tế - xã hội năm 2025").
    announced = prior == _LIST_TARGET and item
    if (seg.mode is not None and not announced) or "đã" in folded and _PAST_TENSE.search(folded) and result_cue(folded):
        prior = RESULT  # a heading gives the kind, or the paragraph reports ("đã đạt được …")
    digits = _ANY_DIGIT.search(folded) is not None
    # Where the paragraph's met standards start: the sentences, clauses and sub-clauses are searched
    # only there (the sentences that end by the first need no search).
    met = _met_starts(folded) if digits or not seg.general else []
    if not digits and (seg.general or not met):
        if seg.mode != TARGET and folded.rstrip().endswith(":") and target_cue(folded):
            return [], _LIST_TARGET  # "Đại hội đề ra các chỉ tiêu chủ yếu:" alone: its items follow
        return [], prior  # most narrative paragraphs: nothing to read
    if prior == _LIST_TARGET:  # the items of a list of targets go on as targets; the list ends with them
        prior = TARGET if item else RESULT
    listed = prior == TARGET and seg.mode != TARGET and item
    in_list = listed  # ... and, in one paragraph, the items after "… chủ yếu: 1. …; 2. …"
    sentences = _split_at_blank_lines(seg, chop(sentence_spans(seg.text), seg.text))
    clauses = refine(sentences, folded, r";")
    subclauses = refine(clauses, folded, r",(?!\d)|:(?!\d)")
    mentions = find_mentions(folded)
    # Figures describing one named project are not indicator statements.
    if _project_at(folded):
        spans = [span for a, b in clauses if (span := _project_span(folded, a, b)) is not None]
        if spans:
            mentions = [m for m in mentions if not any(a <= m.start < b for a, b in spans)]
    per_population: dict[tuple[int, str], re.Match[str]] = {}
    ratios: list[tuple[int, int]] = []
    colon = ":" in folded  # (most paragraphs have none: no copy of a span is then looked through for one)
    for m in mentions:
        if m.bare and m.op != "range" and not m.denominator:
            a, _ = containing(clauses, m.start)
            per = _PER_POPULATION.search(folded, a, m.start)
            if per:  # "Tỷ lệ bác sĩ/vạn dân đạt 9,5": the unit is in the name
                m.unit, m.bare = f"{per.group(1)}/{per.group(2)}", False
        if m.bare and not m.denominator and colon and ":" in folded[max(0, m.start - 45) : m.start]:
            if named := _unit_before_colon(folded, containing(clauses, m.start)[0], m.start):
                # "Tỷ lệ hộ nghèo (%): giảm 4 - 5": the name's unit ("(%/năm)": a yearly rate)
                m.unit, m.bare, m.per_year_unit = named[0], False, m.per_year_unit or named[1]
        if m.bare and m.op != "range" and not m.denominator and (counted := _unknown_count(seg.text, folded, clauses, m)):
            m.unit, m.bare, m.end = counted.group("w"), False, counted.end()  # "96.500 thuê bao"
            if per := _COUNT_PER.match(folded, m.end):  # "4,2 kỹ thuật viên/vạn dân"
                m.unit, m.end = m.unit + "/" + per.group(1), per.end()
        if m.bare and seg.note_unit and not m.denominator:
            m.unit, m.bare = seg.note_unit, False  # under "Thu, chi ngân sách (ĐVT: triệu đồng)": its unit
        if not m.bare and not m.denominator and m.unit and "/" not in m.unit and m.unit not in ("%", "‰"):
            if per := _COUNT_PER_NUMBER.match(folded, m.end):  # "109 bé trai/100 bé gái": one ratio
                unit = m.unit + (per.group(1) or "")
                words = per.group(3).split()[: len(unit.split())]
                m.unit = f"{unit}/{per.group(2)} {' '.join(words)}"
                m.end = per.start(3) + len(" ".join(words))
                ratios.append((per.start(2), m.end))  # (its 100 is no statement)
        if m.unit in _COUNTED and not m.denominator and (shared := _SHARED_PER.match(folded, m.end)):
            m.unit += "/" + shared.group(1)  # "35 bác sĩ và 45 giường bệnh/vạn dân": one base for both
        if not m.bare and m.unit in _COUNTED and not m.denominator and folded.find("dân", 0, m.start) >= 0:
            a, _ = containing(clauses, m.start)
            if per := per_population.get((a, m.unit)) or _per_population_of(m.unit).search(folded, a, m.start):
                per_population[(a, m.unit)] = per  # ... and its quoted plan: "(KH: 10 bác sĩ)"
                m.unit += "/" + per.group(1)  # "Số bác sĩ trên 1 vạn dân đạt 9,2 bác sĩ"
        if not m.bare and (scaled := _scaled_count(seg.text, folded, clauses, m)):
            m.unit, m.end = scaled  # "21,6 triệu trái": millions of fruit, not money
        if m.bare and m.denominator and _INDICATORS_BEFORE.search(folded, max(0, m.start - 25), m.start):
            m.unit, m.bare = "chỉ tiêu", False  # "số chỉ tiêu đạt 44/57": indicators met of the total
    if ratios:
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in ratios)]
    if mentions and (kinds := _fact_kinds(folded, mentions)):
        mentions = [
            m for m in mentions if not _fact_not_indicator(seg, folded, sentences, subclauses, m, kinds)
        ]
    starts = [m.start for m in mentions]
    met_from = met[0] if met else len(folded) + 1
    out: list[Statement] = []
    paragraphs = _blank_line_starts(seg)  # (sorted)
    para_targets = 0
    # Every relation (a quoted target, a verdict, a year) stays inside one sentence.
    for a, b in sentences:
        p = paragraphs[bisect.bisect_left(paragraphs, a)] if paragraphs and a <= paragraphs[-1] else -1
        if p >= 0 and p <= a + 2 and not seg.text[a:p].strip():
            # a paragraph after a blank line goes on with a list of targets only after a list (two
            # targets or more), not after a headline's one target, as between segments
            if prior == TARGET and para_targets < 2:
                prior = RESULT
            para_targets = 0
        if prior == TARGET and seg.mode is None and _opens_earlier_year(seg, folded, a):
            prior = RESULT  # "… các chỉ tiêu năm 2027: …. Năm 2026, những chỉ tiêu này lần lượt đạt …"
        if seg.mode == RESULT and not in_list and colon and ":" in folded[a:b] and list_intro(folded, a, b):
            in_list = target_cue(folded[a:b])  # not "Kết quả thực hiện các chỉ tiêu chủ yếu:"
        ms = mentions[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]
        if (
            seg.mode is None
            and colon
            and ":" in folded[a:b]
            and _INTRO_END.search(folded, a, b)
            and all(m.bare for m in ms)
        ):
            # "Mục tiêu năm 2027: 1. Thu ngân sách …": an intro inside the paragraph, its items after it
            year = next((int(y) for y in _ANY_YEAR.findall(folded, a, b)), None)
            kind = _intro_kind(folded[a:b], year, seg)
            if kind == TARGET:
                prior = TARGET
                continue
            if kind == RESULT and year:
                seg.carried_year, seg.carried_at = year, a  # "Kết quả năm 2024: 1. …": the results' year
        if not ms and (b <= met_from or not _met_in(folded, met, a, b)):
            continue
        found = _sentence_statements(
            seg, folded, (a, b), within(clauses, a, b), within(subclauses, a, b), ms, prior, in_list, met
        )
        if found and out and _BREAKDOWN_OPENS.match(folded, a):
            _breakdown_year(found, out[-1])
        out += found
        para_targets += sum(st.kind == TARGET for st in found)
        if found and seg.mode is None and not _quoted_plan_after_result(seg.text, found):
            prior = found[-1].kind
    # Only a list goes on into the next paragraph (two targets or more, or an item of a list of
    # targets: "- Thu nhập bình quân đầu người đạt 95 triệu đồng;"), not a headline's one.
    targets = sum(st.kind == TARGET for st in out)
    if listed and targets < 2 and (not out or out[-1].kind == TARGET):
        prior = _LIST_TARGET
    elif targets < 2:
        prior = RESULT if out else prior
    return out, prior


# A sentence opening with the parts of the figure before it: "… đến năm 2030 đạt 75%. Trong đó: có văn
# bằng, chứng chỉ đạt 40%."
_BREAKDOWN_OPENS = re.compile(r"\s*(?:[-+•]\s*)?(?:trong đó|chia ra|cụ thể)(?![" + L + r"])")


def _breakdown_year(found: list[Statement], whole: Statement) -> None:
    """The targets of a sentence breaking down the target before it, naming no year of their own,
    are for that target's year (in its term)."""
    if whole.kind != TARGET or whole.year is None:
        return
    for st in found:
        if st.kind == TARGET and st.year is None and st.period == whole.period:
            st.year = whole.year


def _quoted_plan_after_result(text: str, found: list[Statement]) -> bool:
    """Whether the sentence's last statement is a plan quoted in brackets after a result ("… đạt 42,5%
    (mục tiêu 45 ha)", its unit not the result's): a plan the report recalls, which starts no
    list of targets for the sentences after it."""
    last = found[-1]
    if last.kind != TARGET or not any(st.kind == RESULT for st in found):
        return False
    return text.rfind("(", 0, last.start) > text.rfind(")", 0, last.start)


def _opens_earlier_year(seg: Segment, folded: str, a: int) -> bool:
    """Whether the sentence at ``a`` opens with its year ("Năm 2026, …") and that year is before one
    the paragraph named earlier (the plan just announced, "… kế hoạch năm 2027: …"): it reports. Not a
    year inside a term planned before it ("Các chỉ tiêu giai đoạn 2026 - 2030: …. Năm 2026, …")."""
    opened = next((y for s, y in _opened_years(seg.text) if a <= s <= a + 3), None)
    if opened is None:
        return False
    if any(int(p.group(1)) <= opened <= int(p.group(2)) for p in PERIOD.finditer(folded, 0, a)):
        return False
    return any(int(y) > opened for y in _ANY_YEAR.findall(folded, 0, a))


def _sentence_statements(
    seg, folded, sentence, clauses, subclauses, mentions, prior=RESULT, in_list=False, met=None
) -> list[Statement]:
    sentences = [sentence]
    items: list[_Item] = []
    quoted: set[int] = set()  # ids of mentions that are quoted targets
    lists: list[list[Mention]] = []  # quoted targets listed together, one per result before them
    mode = seg.mode or RESULT

    def why_at(offset: int) -> tuple[str, str]:
        """The kind of the value at ``offset`` and the evidence it was decided on."""
        a, b = sentence  # (the one sentence holds every offset)
        before = folded[a:offset]
        if "(" in before and _baseline_in_parens(folded, a, offset):
            return RESULT, REPORT_WORDS  # "… đến năm 2030 đạt 95 triệu đồng (năm 2025 đạt 62 triệu đồng)"
        if "kết quả" in before and _RESULT_LABEL.match(before):
            return RESULT, REPORT_WORDS  # "Kết quả nhiệm kỳ trước: thu nhập … đạt …" after a list of targets
        if mode == TARGET:
            # A plan section that recalls where things stand: "năm 2025 ước đạt …", "hiện có …".
            if target_cue(before):
                return TARGET, _plan_evidence(before)
            if ("so với" in before or "bằng" in before) and _COMPARED_BASE.search(before):
                # "985.000 triệu đồng, bằng 93,2% ước thực hiện năm 2024; trong đó …": the estimate
                # is what the plan is compared with, not what the clause reports
                before = _COMPARED_BASE.sub(" ", before)
            return (RESULT, REPORT_WORDS) if result_cue(before) else (TARGET, HEADING)
        if target_cue(before):
            return TARGET, _plan_evidence(before)
        # A value for a year after the document's own date is planned ("… đạt 95% năm 2026" in
        # an article of 2025), unless the sentence reports it as an estimate or achievement.
        stop = min(b, offset + 24)
        cut = folded.find(";", offset, stop)  # not the next item's year
        around = folded[a : cut if cut >= 0 else stop]
        # (an article dated after the year it reports on, "Ngày 8/1/2026, … tổng kết năm 2025": a
        # value for 2026 is planned)
        now = _NOW_AFTER.match(folded, offset) is not None  # "từ 61% hiện nay lên 70%": where it stands
        if future_year(around, _reference_year(seg)) and not result_cue(around) and not now:
            return TARGET, DOCUMENT_DATE
        if seg.mode is None and not now and _SPEECH_DIRECTIVE.search(before) and not result_cue(around):
            return TARGET, PLAN_WORDS
        if seg.mode is None:
            # Weaker evidence, where no heading gives the kind: a label of targets, a floor to
            # reach ("85% trở lên"), or the list the value stands in (the sentence or paragraph
            # before gave targets) — unless the clause reports (ước đạt, so với cùng kỳ) or its
            # year is already past.
            if result_cue(around) or "đã" in before and _PAST_TENSE.search(before):
                return RESULT, REPORT_WORDS
            if past_year(around, seg.doc_year):
                return RESULT, DOCUMENT_DATE
            after = folded[offset : offset + 40]
            if weak_target_cue(before, after):
                return TARGET, PLAN_WORDS if _FLOOR_AFTER.match(after) else LIST
            if prior == TARGET:
                return TARGET, LIST
            return RESULT, DEFAULT
        if in_list and not (
            result_cue(around) or "đã" in before and _PAST_TENSE.search(before) or past_year(around, seg.doc_year)
        ):
            return TARGET, LIST  # an item of a list of targets announced under a heading of results
        return RESULT, HEADING

    def kind_at(offset: int) -> str:
        return why_at(offset)[0]

    # Quoted targets in parentheses: "(chỉ tiêu trên 80%)", "đạt chỉ tiêu ... (13 - 14%)".
    forward: set[int] = set()  # ids of quoted targets compared with the result after them
    reported: dict[int, int] = {}  # ids of results reported after their plan in one bracket: where it opens
    for pm in _PAREN.finditer(folded, *sentence) if "(" in folded else ():
        inner_start = pm.start(1)
        head = _PAREN_TARGET.match(folded, inner_start)
        quoted_here = head is not None and head.end() > inner_start
        if not quoted_here and _TARGET_BEFORE_PAREN.search(folded[max(0, pm.start() - 45) : pm.start()]):
            # (a yearly pace, "(giảm 1-1,5%/năm)", only beside a yearly figure: it is no figure to
            # set beside a level or a change over the term, which the checker would compare it with)
            quoted_here = (bool(_BOUND_OR_NUMBER.match(folded, inner_start)) and not _OTHER_BASE.search(pm.group(1))
                           and (not _PACE_IN.search(pm.group(1)) or bool(_PACE_IN.search(folded, sentence[0], pm.start()))))
        if not quoted_here:
            continue
        inside = [m for m in mentions if pm.start() < m.start < pm.end()]
        if (split := _plan_then_result(folded, pm.start(), inside)) is not None:
            # "(Nghị quyết: 45 triệu đồng; ước đạt 42,6 triệu đồng)": the plan, then what was reached
            # against it; the plan is the compared target of the result after it, which is a result
            plans, done = split
            quoted.update(id(m) for m in plans)
            forward.update(id(m) for m in plans)
            reported.update((id(m), pm.start()) for m in done)
            continue
        if len(inside) > 1 and all(m.op == "=" and m.unit == inside[0].unit and m.unit for m in inside):
            # "(Nghị quyết: 25% - 32% - 43%)": one target for each result listed before it.
            quoted.update(id(m) for m in inside)
            lists.append(inside)
        elif inside and inside[0].denominator is None:  # "(12/12 thanh niên)": the count, not a target
            quoted.add(id(inside[0]))

    # Inline quoted targets in results: "…, kế hoạch giao 17,26 tỷ đồng" (after the result) or
    # "chỉ tiêu Nghị quyết 95%, thực hiện đạt 97%" (before it).
    lone: set[int] = set()
    for m in mentions:
        if mode != RESULT or id(m) in quoted:
            continue
        a, _ = containing(subclauses, m.start)
        if a > 0 and folded[a - 1] == ":":
            a = max(sentence[0], a - 40)  # "Kế hoạch: 8%": the label before the colon
        before = folded[a : m.start]
        if sized := ("kế hoạch" in folded or "dự toán" in folded) and bool(
            _PLAN_SIZE.search(folded, max(sentence[0], m.start - 80), m.start)
        ):
            pass  # "Kế hoạch vốn năm 2025 (5.436,8 tỷ đồng)", "dự toán giao 12.500 triệu đồng": the plan's size
        elif not (
            (
                # (one of these words is in every match of _TARGET_INLINE: plain tests first)
                (
                    "kh" in before
                    or "chỉ tiêu" in before
                    or "kế hoạch" in before
                    or "nghị quyết" in before
                    or "mục tiêu" in before
                )
                and _TARGET_INLINE.search(before)
                or "mục tiêu" in before
                and _AIM_IN_PARENS.search(before)
                and folded.rfind("(", 0, m.start) > folded.rfind(")", 0, m.start)
            )
            and kind_at(m.start) == RESULT
        ):
            continue
        if _margin(folded, mentions, m, a) is not None:
            continue  # "đạt 6.420 ha, vượt kế hoạch 2,6%": by how much the result beat the plan, a result
        sent = sentence
        same = [p for p in mentions if p is not m and not p.bare and id(p) not in quoted]
        if sized:
            lone.add(id(m))  # the plan's size, a target of its own beside what was done of it
        elif not same:
            lone.add(id(m))  # "Kế hoạch năm 2025 giao 50 tỷ đồng." with no result beside it
        elif any(p.start < m.start for p in same):
            quoted.add(id(m))
        elif any(
            p.start > m.start and _RESULT_BEFORE.search(folded[max(sent[0], p.start - 25) : p.start])
            for p in same
        ):
            quoted.add(id(m))
            forward.add(id(m))

    for m in mentions:
        if id(m) in quoted or m.bare:
            continue
        missed = False
        if (
            m.unit == "chỉ tiêu"
            and _INDICATORS_TOTAL.match(folded, m.start)
            and _TOTAL_BEFORE.search(folded, max(0, m.start - 20), m.start)
        ):
            continue  # "Trong 16 chỉ tiêu chủ yếu, có 12 chỉ tiêu đạt …": the total the counts split
        if (
            m.unit == "chỉ tiêu"
            and not _INDICATORS_MET.search(folded, m.start, min(len(folded), m.end + 30))
            and not _MET_BEFORE_COUNT.search(folded, max(0, m.start - 60), m.start)
        ):
            missed = bool(
                _INDICATORS_MISSED.search(folded, m.start, min(len(folded), m.end + 30))
                or _MISSED_BEFORE_COUNT.search(folded, max(0, m.start - 30), m.start)
            )
            if not missed:
                continue  # "đề ra 12 chỉ tiêu": the plan's own list, not an indicator
        if id(m) in lone:
            kind, why = TARGET, PLAN_WORDS  # "Kế hoạch năm 2025 giao 50 tỷ đồng."
        elif id(m) in reported:
            kind, why = RESULT, REPORT_WORDS  # "(KH: 120 ha; thực hiện 118 ha)"
        elif m.op == "range" and _planned_rate(folded, sentence, m, mode):  # (only a range is one)
            kind, why = TARGET, YEARLY_RANGE
        else:
            kind, why = why_at(m.start)
        item = _Item(m, m.start, kind, m.op, m.low, m.high, m.unit, evidence=why)
        if id(m) in reported:
            item.name_at = reported[id(m)]  # named before the bracket its plan opens
        near = folded[max(0, m.start - 60) : m.start] if kind == RESULT else ""
        if "vượt" in near or "thấp hơn" in near:
            if (by := _margin(folded, mentions, m, 0)) is not None and by.startswith("vượt"):
                item.status = "vuot"  # "…, vượt kế hoạch 2,6%": the margin beat the plan too
            elif (
                by is not None
                and by.startswith("thấp")
                and not _LOWER_BETTER.search(folded, sentence[0], m.start)
            ):
                item.status = "khong_dat"  # "…, thấp hơn kế hoạch 1,6%": the plan was missed by it
        if (
            kind == RESULT
            # (``near`` holds the 25 characters searched, and every match holds one of the words)
            and ("thấp" in near or "hụt" in near or "thiếu" in near)
            and _SHORT_BY.search(folded, max(0, m.start - 25), m.start)
            and (
                _PLAN_AFTER.match(folded, m.end)
                or _MISSED_BEFORE_SHORT.search(folded, max(sentence[0], m.start - 60), m.start)
            )
        ):
            # "hụt khoảng 54 tỷ đồng so với dự toán", "còn thiếu 1 trường so với Nghị quyết", "chưa đạt
            # kế hoạch (thấp hơn 0,08 điểm %)": by how much a result missed its plan (no bound)
            item.status = "khong_dat"
            if item.op == "<" and item.low is None:
                item.op, item.low = "=", item.high
        if m.unit == "chỉ tiêu" and m.denominator and _MET_BEFORE_COUNT.search(folded, max(0, m.start - 25), m.start):
            item.op, item.high = "=", item.low  # "đạt và vượt 15/16 chỉ tiêu": a count, not a floor
        if missed:
            item.kind, item.evidence, item.status = RESULT, REPORT_WORDS, "khong_dat"
            item.op, item.high = "=", item.low
        elif m.unit == "chỉ tiêu" and (by_verdict := _SPLIT_VERDICT.match(folded, m.start)):
            # "9 chỉ tiêu vượt, 4 chỉ tiêu đạt và 3 chỉ tiêu không đạt": counts split by verdict
            if by_verdict.group(1) == "vượt":
                item.status = "vuot"
            elif any(v.group(1) == "vượt" for v in _SPLIT_VERDICT.finditer(folded, *sentence)):
                item.status = "dat"
        items.append(item)
        if m.denominator and m.denominator[0] < (m.low or 0):
            # "158/100 lao động": after the slash the target.
            item.target = {"op": "=", "low": m.denominator[0], "high": m.denominator[0]}

    # A list of targets pairs in order with as many level results before it in its sentence.
    paired: set[int] = set()
    for group in lists:
        sent = containing(sentences, group[0].start)
        levels = [
            it
            for it in items
            if it.kind == RESULT
            and it.mention is not None
            and it.mention.role == "level"
            and it.target is None
            and it.start < group[0].start
            and containing(sentences, it.start) == sent
            and _unit_family(it.mention.unit or "") == _unit_family(group[0].unit or "")
        ]
        if len(levels) >= len(group):
            for it, m in zip(levels[-len(group) :], group, strict=True):
                it.target = {"op": m.op, "low": m.low, "high": m.high}
                paired.add(id(m))

    # Attach each quoted target to the nearest result before it in the same sentence.
    for m in mentions:
        if id(m) not in quoted or id(m) in paired:
            continue
        sent = containing(sentences, m.start)
        order = items if id(m) in forward else list(reversed(items))
        # A target phrased as a change ("(chỉ tiêu giảm 0,5%)", "(KH tăng 11%)") is compared
        # with the change reported before it; any other with the level.
        role = "level"
        if m.role == "change" and any(
            it.mention is not None
            and it.mention.role == "change"
            and it.kind == RESULT
            and it.start < m.start
            and containing(sentences, it.start) == sent
            for it in items
        ):
            role = "change"
        # A plan in parentheses after the result it is for ("giảm bình quân 5,1%/năm, cao hơn chỉ tiêu
        # Nghị quyết (4%/năm)"), written as a level where the result is a change, or the other way:
        # the nearest result of its unit when none of its own role stands before it.
        roles = (role,) if id(m) in forward or not _IN_PARENS.search(folded, sent[0], m.start) else (role, None)
        for want in roles:
            for item in order:
                im = item.mention
                wrong_side = item.start <= m.start if id(m) in forward else item.start >= m.start
                if wrong_side or containing(sentences, item.start) != sent or item.kind != RESULT:
                    continue
                if im is None or want is not None and im.role != want or item.target is not None:
                    continue
                if m.unit and im.unit and _unit_family(m.unit) != _unit_family(im.unit):
                    continue
                if want is None and not (m.unit and im.unit):
                    continue
                item.target = {"op": m.op, "low": m.low, "high": m.high}
                item.target_at = m.start
                break
            else:
                continue
            break
        else:
            if not m.bare:
                # A plan figure with no result beside it is a target of its own.
                items.append(_Item(m, m.start, TARGET, m.op, m.low, m.high, m.unit, evidence=PLAN_WORDS))

    _qualitative(seg, folded, sentences, clauses, subclauses, mentions, items, why_at, met)
    items.sort(key=lambda it: it.start)
    _verdicts(folded, sentences, items)
    return [_statement(seg, folded, sentences, clauses, subclauses, items, i) for i in range(len(items))]


# The words that name a plan's size right before its figure (and its year, its giver, a bracket).
_PLAN_SIZE = re.compile(
    r"(?<![" + L + r"])(?:" + vocabulary.alternation(vocabulary.PLAN_SIZE_WORDS) + r")(?![" + L + r"])"
    r"(?:\s+(?!(?:đạt|ước|thực|giải|đã|vượt|bằng|chiếm|so|còn|tăng|giảm)(?![" + L + r"]))[^\s\d;,.()%:]+){0,6}?"
    r"(?:\s+năm\s+(?:19|20)\d\d)?(?:\s+(?:được\s+)?giao|\s+là)?\s*[:(]?\s*$"
)  # (not "vốn kế hoạch đạt 4.210 tỷ đồng", what was done of it)
# In a bracket opened by a plan, the words that report what was reached against it: "(Nghị quyết:
# 45 triệu đồng; ước đạt 42,6 triệu đồng)", "(chỉ tiêu 95%, đạt 96,2%)", "(KH: 120 ha; thực hiện 118 ha)".
_REPORT_IN_PARENS = re.compile(
    r"[;,]\s*(?:(?:năm\s+\d{4}|cả năm|năm nay|đến nay)\s+)?(?:ước\s+)?"
    r"(?:đạt|thực hiện(?:\s+(?:được|đạt))?|th|còn|kết quả(?:\s+(?:thực hiện|đạt))?)\s*:?\s*(?:được\s*)?$"
)


def _plan_then_result(folded: str, open_at: int, inside: list[Mention]) -> tuple[list[Mention], list[Mention]] | None:
    """The plans and the results of a bracket opened by a plan that goes on to report what was
    reached against it, each result after a plan of its unit; None for any other bracket (a bracket
    of plans alone, "(Nghị quyết: 8%; kế hoạch tỉnh giao 7,5%)", stays quoted targets)."""
    done = [
        m
        for m in inside
        if m is not inside[0] and _REPORT_IN_PARENS.search(folded, open_at, m.start)
    ]
    if not done:
        return None
    plans = [m for m in inside if m.start < done[0].start and m not in done]
    if not plans or any(m.start > done[0].start and m not in done for m in inside):
        return None
    if not all(
        m.unit and any(p.unit and _unit_family(p.unit) == _unit_family(m.unit) for p in plans) for m in done
    ):
        return None  # "(kế hoạch 120 ha, đạt 98,3%)": the share of the plan, beside the result before it
    return plans, done


_IN_PARENS = re.compile(r"\([^()]*$")  # an open parenthesis before the value, not closed
_BASELINE_OPEN = re.compile(r"\s*(?:năm\s+)?((?:19|20)\d\d)\s*(?::|đạt|là|ước đạt|ước|còn|có)")
_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _baseline_in_parens(folded: str, a: int, offset: int) -> bool:
    """Whether the value at ``offset`` stands in parentheses giving where things stood in a year
    before the one its sentence plans for ("đến năm 2030 … dưới 1% (năm 2025: 2,4%)"): a result."""
    paren = folded.rfind("(", a, offset)
    if paren < 0 or folded.find(")", paren, offset) >= 0:
        return False
    m = _BASELINE_OPEN.match(folded, paren + 1)
    if m is None:
        return False
    planned = [int(y) for y in _ANY_YEAR.findall(folded, a, paren)]
    return bool(planned) and int(m.group(1)) < max(planned)


def _planned_rate(folded: str, sentence: tuple[int, int], m: Mention, mode: str) -> bool:
    """A range of a yearly rate, "bình quân 8-9%/năm", is how a plan is written, not a result
    (a result is one figure), unless its sentence reports it ("ước đạt 8-9%/năm")."""
    if mode == TARGET or m.op != "range":
        return False
    before = folded[sentence[0] : m.start]
    # ("bình quân" alone makes a rate or change yearly, not a level: "năng suất bình quân 35-40 tấn/ha/vụ")
    yearly = (
        m.per_year_unit
        or ("năm" in before and bool(_EACH_YEAR.search(before)))
        or ("bình quân" in before[-40:] and (m.unit in ("%", "‰") or m.role == "change"))
    )
    return yearly and not result_cue(before)


def _money_per_head(unit: str | None, per_head: bool) -> bool:
    """Whether a value in đồng said "per head" (income, GRDP) is money per person per year."""
    if not per_head or not unit or "đồng" not in unit:  # "3.250 USD" stays as written
        return False
    return unit.partition("/")[2] in ("", "người", "năm", "người/năm")


def _unit_family(unit: str) -> str:
    """Money in any scale and per anything is one family ("triệu đồng/người/năm" and "đồng", as
    "71.000.000đ/người/năm (Nghị quyết 70.000.000đ)" writes them); other units are their own."""
    u = unit.replace(" ", "")
    for w in ("nghìn", "ngàn", "triệu", "tỷ", "đồng"):
        if u.startswith(w):
            return "đồng"
    return u


# A standard named before a verdict ("xây dựng phường đạt chuẩn văn minh đô thị chưa đạt"), or the
# plan's indicators ("Một số chỉ tiêu … đề ra chưa đạt kế hoạch")
_STANDARD_WORD = re.compile(r"chuẩn|danh hiệu|tiêu chí|kiểu mẫu|văn minh|chỉ tiêu")


def _qualitative(seg, folded, sentences, clauses, subclauses, mentions, items, why_at, met=None) -> None:
    """Met or kept standards with no number in their clause (``met``: ``_met_starts(folded)``)."""
    if seg.general or not clauses:
        return
    if met is None:
        met = _met_starts(folded)
    if _met_in(folded, met, clauses[0][0], clauses[-1][1]) is None:
        return  # none in the sentence: none in a clause (a match needs nothing after it, see below)
    for a, b in clauses:
        if _met_in(folded, met, a, b) is None:
            continue  # no met standard in the clause: none in its sub-clauses
        figures = any(a <= m.start < b and not m.bare for m in mentions)
        for sa, sb in within(subclauses, a, b):
            if sa < a or sb > b:
                continue
            q = _met_in(folded, met, sa, sb)
            if not q:
                continue
            if q.group() in ("chưa đạt", "không đạt") and not _STANDARD_WORD.search(folded, a, q.start()):
                continue  # "Tăng trưởng chưa đạt kế hoạch": a verdict on an indicator, no standard named
            if folded.startswith("không để", q.start()) and _met_in(folded, met, a, q.start()):
                continue  # "… được giữ vững, không để xảy ra điểm nóng": one standard kept, said twice
            # ("không còn hộ nghèo, hộ cận nghèo còn 0,5%": none left is a level of its own, as a recognition)
            own = _RECOGNISED.match(folded, q.start()) or folded.startswith("không còn", q.start())
            if figures and (not own or any(sa <= m.start < sb for m in mentions)) and (
                any(sa <= m.start < sb for m in mentions)
                or folded[sa:sb].rstrip().endswith(":")  # "Số trường đạt chuẩn quốc gia: 04 trường": the figure's name
                or _NAME_OPENS.match(folded, a)  # "Số thôn, làng đạt chuẩn …: 04/09 thôn": the same
                or _PLAN_VERDICT.match(folded, q.start())
                or why_at(q.start())[0] != TARGET
            ):
                continue  # beside a figure, only a recognition or a standard aimed at in a clause of its own is a statement
            if _project_at(folded[sa:sb]):
                continue
            if _COUNT_NOUN_AT.match(folded, sa) and any(sa - 2 <= m.end <= sa and m.unit in _COUNTED for m in mentions):
                continue  # "Có 236 thôn, xóm được công nhận …": the count's own list of nouns, counted
            if _ALL_INDICATORS.search(folded, sa, q.start()):
                continue  # "các chỉ tiêu đều đạt và vượt kế hoạch": a summary of them all, no indicator's
            kind, why = why_at(q.start())
            if kind != TARGET and _AIM_ONLY.match(folded, q.start()):
                continue  # "… không để xảy ra dịch bệnh lớn" in a report: no statement in the keys
            items.append(_Item(None, q.start(), kind, "qualitative", None, None, None, evidence=why))


def _verdicts(folded: str, sentences, items: list[_Item]) -> None:
    """Give each verdict phrase to the statement it follows (results only)."""
    lo, hi = sentences[0][0], sentences[-1][1]
    span = folded[lo:hi]
    if any(w in span for w in _VERDICT_WORDS):  # (else no verdict: one is in each)
        _verdict_phrases(folded, sentences, items, lo, hi)
    _verdicts_by_position(folded, sentences, items)
    if "hơn" in span:
        _beside_quoted_plan(folded, sentences, items, lo, hi)


def _beside_quoted_plan(folded: str, sentences, items: list[_Item], lo: int, hi: int) -> None:
    """ "tỷ lệ bao phủ BHYT đạt 91,2%, thấp hơn chỉ tiêu tỉnh giao (93%)": the result before missed
    its plan (no verdict where a lower figure is better: "tỷ lệ hộ nghèo 1,8%, thấp hơn mục tiêu (2%)")."""
    for v in _BESIDE_QUOTED_PLAN.finditer(folded, lo, hi):
        sent = containing(sentences, v.start())
        before = [it for it in items if it.start < v.start() and containing(sentences, it.start) == sent]
        if not before:
            continue
        it = before[-1]
        if it.kind != RESULT or it.status is not None or it.mention is None or it.mention.unit == "chỉ tiêu":
            continue
        if folded.find(";", it.start, v.start()) >= 0:
            continue
        # the indicator's own clause: after the figure before it and after a ";"
        opens = max([sent[0], folded.rfind(";", sent[0], it.start) + 1]
                    + [b.mention.end for b in before[:-1] if b.mention is not None])
        if _LOWER_BETTER.search(folded, opens, it.start) is None:
            it.status = "khong_dat"


def _verdict_phrases(folded: str, sentences, items: list[_Item], lo: int, hi: int) -> None:
    """Verdict words ("đạt chỉ tiêu", "không đạt") for the statement before them in [lo, hi)."""
    for v in _verdict_matches(folded, lo, hi):
        if v.group("eval") and not v.group("eval").rstrip().endswith(("đạt", "vượt", "hoàn thành")):
            continue  # "Đánh giá:" followed by prose
        no = v.group("khong") or v.group("eval_no")
        if no and _NAMED_AFTER_VERDICT.match(folded, v.end()) and _SUBJECT_BEFORE_VERDICT.search(
            folded, max(lo, v.start() - 30), v.start()
        ):
            # "Hai chỉ tiêu không đạt là tỷ lệ hộ dùng nước sạch (đạt 62%, …) và …": the results it names
            sent = containing(sentences, v.start())
            for it in items:
                if it.start > v.end() and containing(sentences, it.start) == sent and it.kind == RESULT:
                    if it.status is None and it.mention is not None and it.mention.role != "change":
                        it.status = "khong_dat"
            continue
        if no and _COUNTED_BEFORE_VERDICT.search(folded, max(lo, v.start() - 20), v.start()):
            continue  # "2 chỉ tiêu chưa đạt": the count's own words, no verdict on the figure before
        over = v.group("vuot") or v.group("eval_over") or v.group("bare") == "vượt"
        status = "khong_dat" if no else "vuot" if over else "dat"
        sent = containing(sentences, v.start())
        before = [it for it in items if it.start <= v.start() and containing(sentences, it.start) == sent]
        if not before:
            opens = max(sent[0], folded.rfind(",", sent[0], v.start()) + 1, folded.rfind(":", sent[0], v.start()) + 1)
            if _INDICATOR_SUBJECT.match(folded, opens, v.start()):  # (after "Năm 2026, ")
                _verdict_on_named(sent, v, status, items)
            continue
        it = before[-1]
        semi = folded.rfind(";", it.start, v.start())
        if semi >= 0 and _OWN_SUBJECT.match(folded, semi + 1, v.start()):
            # "…, đạt 81,3%; tỷ lệ gia đình văn hóa chưa đạt (thiếu 1,8% …)": the verdict judges the
            # indicator its own clause names (the figure after it), not the one before the ";"
            stop = folded.find(";", v.end(), sent[1])
            after = [
                x for x in items if v.end() <= x.start < (sent[1] if stop < 0 else stop) and x.kind == RESULT
            ]
            if after and after[0].status is None and after[0].mention is not None:
                after[0].status = status
            continue
        # A verdict right after a quoted target judges the result that target was quoted for.
        quoted_last = [b for b in before if b.target_at is not None and b.target_at > it.start]
        if quoted_last:
            if no and _short_of_plan(it) and it.status is None:
                it.status = status  # "318,45 tỷ đồng, đạt 93,7% dự toán, không đạt chỉ tiêu (NQ: …)": both
            it = max(quoted_last, key=lambda b: b.target_at)  # type: ignore[arg-type,return-value]
        elif no and _short_of_plan(it) and it.status is None and len(before) > 1:
            # "ước 2.148.600, đạt 87,2% dự toán, không đạt kế hoạch": the share of the plan short of
            # it and the level it is the share of missed the plan
            lv = before[-2]
            if (
                lv.kind == RESULT
                and lv.status is None
                and lv.mention is not None
                and lv.mention.role == "level"
                and lv.mention.unit not in ("chỉ tiêu", "%")
                and folded.find(";", lv.start, it.start) < 0
            ):
                lv.status = status
        if it.kind == RESULT and it.status is None and (it.mention is None or it.mention.unit != "chỉ tiêu"):
            it.status = status  # (a count of indicators met: its "đạt và vượt" is what it counts)
            if (
                it.mention is not None
                and it.mention.role == "change"
                and it.target is None
                and len(before) > 1
                and _ONE_YEAR_CHANGE.match(folded, it.mention.end)
            ):
                # "ước đạt 71.540 tỷ đồng, tăng 3,8% so với năm 2024, đạt kế hoạch đề ra": the verdict
                # after a level's change over one year judges the level too (not after an average
                # rate, nor after a change with its own plan quoted)
                lv = before[-2]
                if (
                    lv.kind == RESULT
                    and lv.status is None
                    and lv.mention is not None
                    and lv.mention.role == "level"
                    and lv.mention.unit != "chỉ tiêu"
                    and lv.target is None
                    and folded.find(";", lv.start, it.start) < 0
                ):
                    lv.status = status


def _short_of_plan(it: _Item) -> bool:
    """Whether ``it`` is a share of the plan below 100% ("đạt 93,7% dự toán")."""
    m = it.mention
    return (
        it.kind == RESULT and m is not None and m.role == "plan_ratio" and it.low is not None and it.low < 100
    )


# A clause's subject before its verdict: "; tỷ lệ gia đình văn hóa chưa đạt" (2-9 words, no figure)
_OWN_SUBJECT = re.compile(r"\s*[" + L + r"]+(?:[\s,-]+[" + L + r"]+){1,8}\s*$")


def _verdict_on_named(sent: tuple[int, int], v: re.Match[str], status: str, items: list[_Item]) -> None:
    """ "Chỉ tiêu phát triển đảng viên chưa đạt (kết nạp 16/20 đảng viên)": the verdict on the
    indicator the sentence opens with judges the first result after it, and the total after its
    slash is the plan it missed (or met)."""
    after = [it for it in items if it.start > v.start() and it.start < sent[1] and it.kind == RESULT]
    if not after or after[0].status is not None or after[0].mention is None:
        return
    it = after[0]
    it.status = status
    den = it.mention.denominator  # type: ignore[union-attr]
    if den and it.target is None and den[1] == it.mention.unit:  # type: ignore[union-attr]
        it.target = {"op": "=", "low": den[0], "high": den[0]}


def _verdicts_by_position(folded: str, sentences, items: list[_Item]) -> None:
    """Verdicts a figure's own place gives ("đạt 100% kế hoạch", "vượt 12% kế hoạch")."""
    for idx, it in enumerate(items):
        m = it.mention
        if it.kind != RESULT or m is None or m.unit == "chỉ tiêu":
            continue  # (a count of indicators met carries no verdict of its own)
        rest = folded[m.end : m.end + 30]
        close = folded[max(0, m.start - 12) : m.start]
        vuot_by = "vượt" in close and _VUOT_BY.search(close) is not None  # ("vượt" is in every match)
        if (
            m.unit == "%"
            and it.low == 100
            and m.role == "plan_ratio"
            and _DAT_FULL.match(rest)
            and _DONE_BEFORE.search(folded, max(0, m.start - 20), m.start)
        ):
            it.status = it.status or "dat"  # "hoàn thành 100% chỉ tiêu"; "đạt 100% kế hoạch" is a ratio
        elif (
            m.unit == "%"
            and it.low == 100
            and m.role == "plan_ratio"
            and rest.lstrip().startswith("chỉ tiêu")
            and folded[max(0, m.start - 6) : m.start].rstrip().endswith("đạt")
            and "tỷ lệ" not in folded[(sent := containing(sentences, it.start))[0] : m.start]
            and not any(containing(sentences, p.start) == sent for p in items[:idx])
        ):
            # "Giao quân đạt 100% chỉ tiêu": a quota met in full, the sentence's only figure (after a
            # count, "Giao 65 thanh niên, đạt 100% chỉ tiêu", it is the count's share of the plan)
            it.status = it.status or "dat"
        if vuot_by and _PLAN_AFTER.match(rest):
            it.status = "vuot"
            prev: _Item | None
            for prev in reversed(items[:idx]):
                if (
                    prev.mention is not None
                    and prev.mention.role == "level"
                    and containing(sentences, prev.start) == containing(sentences, it.start)
                ):
                    prev.status = prev.status or "vuot"
                    it.per_year = it.per_year or _per_year_hint(folded, prev, sentences)
                    break
        elif m.unit == "%" and it.status is None and vuot_by:
            # "đạt 68,4% (chỉ tiêu Nghị quyết: 65%), vượt 3,4 điểm phần trăm": the margin over the
            # target quoted for the result just before it; both beat the plan
            prev = items[idx - 1] if idx else None
            if (
                prev is not None
                and prev.kind == RESULT
                and prev.target_at is not None
                and prev.target_at < m.start
                and containing(sentences, prev.start) == containing(sentences, it.start)
                and folded.find(";", prev.target_at, m.start) < 0
            ):
                it.status = "vuot"
                prev.status = prev.status or "vuot"


def _per_year_hint(folded: str, item: _Item, sentences) -> bool:
    m = item.mention
    if m is None:
        return False
    a, _ = containing(sentences, m.start)
    return folded.find("năm", a, m.start) >= 0 and bool(_EACH_YEAR.search(folded[a : m.start]))




# The rest of the year a plan is for: "6 tháng cuối năm", "những tháng cuối năm", "quý IV" (no year written).
_REST_OF_YEAR = re.compile(
    r"(?:tháng|thời gian)\s+cuối năm(?!\s*(?:19|20)\d\d)|quý\s+(?:iv|iii|ii|[234])(?![\w/])"
)


def _no_year(folded: str, a: int, b: int) -> bool:
    """No "19…" nor "20…" in [a, b): no year expression, label nor period there."""
    return folded.find("20", a, b) < 0 and folded.find("19", a, b) < 0


@functools.lru_cache(maxsize=32)
def _years_in(folded: str, a: int, b: int) -> tuple[tuple[int, int], ...]:
    """(offset, year) of the year expressions in a sentence (a string's hash is cached, so this is cheap)."""
    if _no_year(folded, a, b):
        return ()
    found = [
        (m.start(), int(m.group(1)))
        for m in _YEAR_EXPR.finditer(folded, a, b)
        if not _COMPARED_YEAR.search(folded[max(a, m.start() - 36) : m.start(1)])
    ]  # "so với năm 2020" is the base of a comparison, not the value's year
    labels = (  # (a label is followed by a colon)
        [(m.start(), int(m.group(1))) for m in _YEAR_LABEL.finditer(folded, a, b)]
        if folded.find(":", a, b) >= 0
        else ()
    )
    return tuple(sorted(found + labels)) if labels else tuple(found)


# On the text as written: the capital marks a sentence's start even where the sentence before it
# (a photo caption, a headline) has no full stop.
_SENTENCE_TIME = re.compile(
    r"(?<![^\W\d_])(?:Trong năm|Trong cả năm|Cả năm|Năm|(?<=[,:] )trong năm|(?<=là )trong năm)\s+((?:19|20)\d\d)\s*,"
)


_SENTENCE_LEAD_TIME = re.compile(
    r"(?:^|(?<=[.!?]\s))(?:[A-ZĐ][^,.;:\d]{0,40},\s*(?:trong\s+|cả\s+)?năm\s+((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—])"
    r"|(?:Lũy kế|Luỹ kế|\d{1,2}\s+tháng|(?:Trong|Qua)\s+(?:\d{1,2}\s+tháng|quý\s+[IVX\d]+)|Quý\s+[IVX\d]+|Tính đến)"
    r"[^,.;:]{0,25}?năm\s+((?:19|20)\d\d)\s*,)"
    r"|(?<![^\W\d_])[Nn]ăm\s+((?:19|20)\d\d)\s+vừa qua"  # "Năm 2025 vừa qua, …": the year just past
    # "Năm 2026 là năm đầu thực hiện Nghị quyết …": a sentence about the year opens its paragraph
    r"|(?<![^\W\d_])Năm\s+((?:19|20)\d\d)\s+(?:là|được xác định là)\s+năm(?![^\W\d_])"
    # ... or any sentence with the year as its subject and no figure: "Năm 2026 diễn ra trong bối cảnh …."
    r"|(?:^|(?<=[.!?]\s))Năm\s+((?:19|20)\d\d)\s+(?=[^\W\d_])[^\d.;:!?]{3,200}\.(?=\s|$)"
)
_NAM_YEAR = re.compile(r"ăm\s+(?:19|20)")
_AFTER_STOP_SPACE = re.compile(r"[.!?]\s")


@functools.lru_cache(maxsize=32)
def _opened_years(text: str) -> tuple[tuple[int, int], ...]:
    """(offset, year) of the sentences of a segment that open with their year ("Năm 2023, …")."""
    if _NAM_YEAR.search(text) is None:  # "…năm 2023": in every match; a plain word, found fast
        return ()
    found = []
    years = [y.start() for y in _NAM_YEAR.finditer(text)]
    for y in years:
        # = _SENTENCE_TIME.finditer(text): a match starts where one of its words before "ăm 20…" does
        # ("Trong cả n", "Trong n" / "trong n", "Cả n", "N"), and holds no other "ăm"
        for at in (y - 10, y - 7, y - 4, y - 1):
            if at >= 0 and (m := _SENTENCE_TIME.match(text, at)) is not None:
                found.append((at, int(m.group(1))))
                break
    # ... or after a short lead: "Theo báo cáo, năm 2025 …", "Lũy kế 9 tháng năm 2025, …"
    # (= _SENTENCE_LEAD_TIME.finditer(text): a match starts where a sentence does or at the "N" of "Năm 20…")
    starts = {0, *(y - 1 for y in years), *(s.end() for s in _AFTER_STOP_SPACE.finditer(text))}
    end = 0
    for at in sorted(starts):
        if at >= end and (m := _SENTENCE_LEAD_TIME.match(text, at)) is not None:
            found.append((at, int(next(filter(None, m.groups())))))
            end = m.end()
    return tuple(sorted(found))


_FROM_BEFORE = re.compile(r"(?<![a-zà-ỹđ])từ\s+(?:mức\s+)?$")
_TO_AFTER = re.compile(
    r"[^\d;()]{0,25}?(?:\([^()]{0,40}\)\s*)?(?:tăng\s+|giảm\s+)?(?:lên|xuống)\s+(?:còn\s+|mức\s+)?\d"
)
_TO_BEFORE = re.compile(r"(?<![a-zà-ỹđ])(?:lên|xuống)\s+(?:còn\s+|mức\s+)?$")
_OWN_YEAR = re.compile(r"[^\d;,]{0,3}\(?\s*(?:đầu|cuối|hết)?\s*(?:năm\s+)?(?:19|20)\d\d(?!\d)")
_EARLIER_FROM_TO = re.compile(
    r"từ\s+[\d.,]+[^;\d]{0,30}?năm\s+((?:19|20)\d\d)[^;\d]{0,20}?(?:lên|xuống)"
    r"[^;\d]{0,20}?[\d.,]+[^;\d]{0,30}?năm\s+((?:19|20)\d\d)"
)


def _year_after_term(
    folded: str, sentence: tuple[int, int], clause: tuple[int, int], at: int, end: int
) -> bool:
    """Whether a year stands in the value's clause, after every term its sentence names, and before
    the value or right after it ("…; GRDP bình quân đầu người năm 2025 đạt khoảng 4.900 USD")."""
    last_term = _periods_in(folded, *sentence)[-1][0]
    return any(
        s > last_term and clause[0] <= s < at or end <= s <= end + 2
        for s, _ in _years_in(folded, *sentence)
        if s >= clause[0]
    )


def _reported_term(seg: Segment) -> str | None:
    """The term a section reports on, when it ends with the document (its results are the term's):
    the heading's term ending in the document's year or the year before it; else None."""
    if not seg.heading_time or seg.year is not None or seg.mode == TARGET:
        return None
    term = seg.period
    if term is None:
        return None
    if seg.doc_year is None:
        # undated: a term ending where the title's term starts or ends ("Báo cáo chính trị …
        # nhiệm kỳ 2025 - 2030" over "KẾT QUẢ … NHIỆM KỲ 2020 - 2025"), not one ending the year
        # before ("Kế hoạch 5 năm 2021-2025" over "ĐÁNH GIÁ … 2016-2020": left as it was)
        ends = seg.head_term_years
        return term if ends and int(term[-4:]) in ends else None
    return term if int(term[-4:]) <= seg.doc_year <= int(term[-4:]) + 1 else None


# Words naming the whole term a figure adds up ("Tổng thu … 5 năm", "cả nhiệm kỳ", "giai đoạn"),
# or a flow added up over it ("Kết nạp 128 đảng viên", "doanh nghiệp thành lập mới")
_TERM_FIGURE = re.compile(
    r"(?<![" + L + r"\d])"
    r"(?:(?:5|năm) năm|nhiệm kỳ|giai đoạn|thời kỳ|lũy kế|luỹ kế|kết nạp|thành lập mới)"
    r"(?![" + L + r"])"
)
# ... or the change over it, after the figure: "tăng 420 ha so với đầu nhiệm kỳ"
_TERM_FIGURE_AFTER = re.compile(r"[^\d;,.]{0,12}so với (?:đầu|trước)\s+(?:nhiệm kỳ|giai đoạn|thời kỳ)")


def _from_to_year(
    seg: Segment, folded: str, sentence: tuple[int, int], at: int, end: int, period: str | None
) -> int | None:
    """The year of the start or the end of a change written "từ A lên/xuống (còn) B" with no year of
    its own: the years of a change written with them before it in the sentence ("từ 28 triệu đồng
    năm 2020 tăng lên 52,6 triệu đồng năm 2025, …; tỷ lệ hộ nghèo giảm từ 18,4% xuống còn 4,2%"),
    else the term's (a five-year term 2021-2025 starts from 2020); None elsewhere."""
    if _OWN_YEAR.match(folded, end):
        return None
    if _FROM_BEFORE.search(folded, max(sentence[0], at - 12), at) and _TO_AFTER.match(folded, end):
        which = 0
    elif _TO_BEFORE.search(folded, max(sentence[0], at - 14), at):
        f = folded.rfind("từ ", max(sentence[0], at - 70), at)
        if f < 0 or ";" in folded[f:at] or not _FROM_BEFORE.search(folded, f, f + 3):
            return None
        if not _no_year(folded, f, at):
            return None
        which = 1
    else:
        return None
    earlier = None
    for e in _EARLIER_FROM_TO.finditer(folded, sentence[0], at):
        earlier = e
    if earlier is not None:
        return int(earlier.group(1 + which))
    if period is None:
        opened_term = next(((s, p) for s, p in reversed(_opened_periods(seg.text)) if s < at), None)
        if opened_term is not None and _one_paragraph(seg, opened_term[0], at):
            period = opened_term[1]
        else:
            period = seg.period
    if period is None:
        return None
    first, last = int(period[:4]), int(period[-4:])
    if which:
        return last
    return first - 1 if last - first == 4 else first


# A sentence opening with its term: "Giai đoạn 2026-2030, …", "Nhiệm kỳ 2025 - 2030, …".
_SENTENCE_TERM = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=^\")|(?<=[.!?]\s\"))"
    r"(?:Trong\s+)?(?:[Gg]iai đoạn|[Nn]hiệm kỳ|[Tt]hời kỳ|[Nn]ăm học)\s+"
    r"((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\s*,"
)


# Where a sentence can start (_SENTENCE_TERM's look-behinds) with a letter a term's first word starts with
_AFTER_STOP = re.compile(r'[.!?]\s"?(?=[GgNnTt])')


@functools.lru_cache(maxsize=32)
def _opened_periods(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, term) of the sentences of a segment that open with their term ("Giai đoạn 2026-2030, …",
    "Năm học 2024-2025, …")."""
    if "đoạn" not in text and "kỳ" not in text and "học" not in text:  # (plain words in every match: fast)
        return ()
    # = _SENTENCE_TERM.finditer(text), tried only where a sentence starts: the text's start, after
    # its opening quote, or after a full stop and a space (and a quote); a match holds no stop, so
    # none starts inside another
    found = []
    for at in [0, 1, *(s.end() for s in _AFTER_STOP.finditer(text))]:
        m = _SENTENCE_TERM.match(text, at)
        if m is not None:
            found.append((at, f"{m.group(1)}-{m.group(2)}"))
    return tuple(found)


@functools.lru_cache(maxsize=32)
def _periods_in(folded: str, a: int, b: int) -> tuple[tuple[int, str], ...]:
    if _no_year(folded, a, b):
        return ()
    return tuple((m.start(), f"{m.group(1)}-{m.group(2)}") for m in PERIOD.finditer(folded, a, b))


@functools.lru_cache(maxsize=32)
def _quote(text: str, a: int, b: int) -> str:
    words = text[a:b]
    if words.isprintable() and "  " not in words:
        # (no white space but single spaces: every other white space character is unprintable)
        return words.strip(" ")
    return " ".join(words.split())


@functools.lru_cache(maxsize=32)
def _parens_in(folded: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(p.start(), p.end()) for p in _PAREN.finditer(folded, a, b)]


def _year(folded: str, sentence: tuple[int, int], at: int, end: int, clause_end: int) -> int | None:
    years = _years_in(folded, *sentence)
    if not years:
        return None  # (most sentences: no year at all)
    # "từ 8,6% năm 2021 xuống còn 3,4% năm 2025": a year written right after the number is its own.
    right_after = [y for s, y in years if end <= s <= end + 2 and not folded[end:s].strip()]
    if right_after:
        return right_after[0]
    if folded.startswith(" (", end) or folded.startswith("(", end):
        # "giảm từ 8,62% (đầu năm 2022) xuống còn 2,97% (cuối năm 2025)": the time in brackets
        # right after the number is its own
        inside = [
            y
            for s, y in years
            if end < s <= end + 8
            and _TIME_IN_BRACKET.fullmatch(folded, end, s)
            and _YEAR_THEN_CLOSE.match(folded, s)
        ]  # (the brackets hold the time alone: not "(năm 2025: 31 triệu đồng)", a value of its own)
        if inside:
            return inside[0]
    # "3,12% (năm 2023: 4,05%)": a year in parentheses belongs to what is inside them.
    parens = _parens_in(folded, *sentence)
    if parens:
        years = tuple((s, y) for s, y in years if not any(a < s < b and not a < at < b for a, b in parens))
    before = [y for s, y in years if s < at]
    if before:
        return before[-1]
    after = [y for s, y in years if s > at and s < clause_end]
    return after[0] if after else None


_YEAR_THEN_CLOSE = re.compile(r"[^\d():;]{0,12}(?:19|20)\d\d\s*\)")
_TIME_IN_BRACKET = re.compile(r"\s?\(\s*(?:đầu|giữa|hết|trong)?\s*")
_PLAN_BEFORE_YEAR = re.compile(r"(?:mục tiêu|phấn đấu|chỉ tiêu|kế hoạch|nhiệm vụ|dự kiến|dự toán)[^.;]{0,30}$")


def _target_year_at(folded: str, at: int) -> bool:
    """Whether the year at ``at`` is what a plan is for ("mục tiêu tổng quát năm 2023")."""
    return bool(_PLAN_BEFORE_YEAR.search(folded, max(0, at - 40), at))


def _period(folded: str, sentence: tuple[int, int], at: int, default: str | None) -> str | None:
    spans = _periods_in(folded, *sentence)
    before = [p for s, p in spans if s < at]
    if before:
        return before[-1]
    return spans[0][1] if spans else default


# Units of measure (as the reader writes them) a value per head is measured in ("31,2 m2 sàn").
_MEASURES = frozenset({"m2", "km2", "m3", "m²", "km²", "m³", "km", "m", "ha", "tấn", "tạ", "kg", "lít"})
_PER_AREA = re.compile(r"trên\s+(?:01|1)\s+(ha|hộ|người|km²|km2|m²|m2)")  # "… đồng trên 1 ha"


def _blank_line_starts(seg: Segment) -> list[int]:
    """Where a line after a blank line starts with a capital: a new paragraph in the segment."""
    lines, starts, text = seg.line_numbers, seg.starts, seg.text
    if not lines or lines[-1] - lines[0] == len(lines) - 1:
        return []  # (line numbers rise: each by 1 exactly when the first and the last are that far apart)
    return [
        starts[k]
        for k in range(1, len(lines))
        if lines[k] - lines[k - 1] > 1 and text[starts[k] : starts[k] + 1].isupper()
    ]


def _split_at_blank_lines(seg: Segment, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences also end where a blank line stands before a capital: a headline or caption with no
    full stop ("Xã … phấn đấu năm 2026 có thêm 2 thôn đạt chuẩn" over "Năm 2025, xã có …") is a
    sentence of its own, whose plan words and name do not run into the paragraph under it."""
    breaks = _blank_line_starts(seg)
    text = seg.text
    if not breaks:
        return sentences
    out = []
    k = 0
    for a, b in sentences:  # (both in text order: one walk over each)
        while k < len(breaks) and breaks[k] <= a:
            k += 1
        while k < len(breaks) and breaks[k] < b:
            if text[a : breaks[k]].strip():
                out.append((a, breaks[k]))
                a = breaks[k]
            k += 1
        out.append((a, b))
    return out


def _one_paragraph(seg: Segment, a: int, b: int) -> bool:
    """Whether offsets ``a`` <= ``b`` of a segment stand in one paragraph (no blank line between)."""
    i = bisect.bisect_right(seg.starts, a) - 1
    j = bisect.bisect_right(seg.starts, b) - 1
    lines = seg.line_numbers
    i = max(i, 0)
    return j <= i or lines[j] - lines[i] == j - i  # (line numbers rise: each by 1 iff all of them do)


def _own_from(start: int, prev: _Item | None, prev_end: int | None) -> int:
    """Where a % value's own words start in its clause: after a figure in another unit before it."""
    if prev is None or prev_end is None or prev.mention is None or not prev.mention.unit:
        return start
    return start if _unit_family(prev.mention.unit) == _unit_family("%") else max(start, prev_end)


@functools.lru_cache(maxsize=16)
def _holds(folded: str, word: str) -> bool:
    """``word in folded`` for a segment's text: looked for once a segment, not once a statement."""
    return word in folded


def _statement(seg, folded, sentences, clauses, subclauses, items: list[_Item], i: int) -> Statement:
    it = items[i]
    m = it.mention
    at = it.start
    sentence = containing(sentences, at)
    clause = containing(clauses, at)
    sub = containing(subclauses, at)
    end = m.end if m else at
    named_at = at if it.name_at is None else it.name_at
    name_clause = clause if it.name_at is None else containing(clauses, named_at)
    # the items before it in its clause (items are in text order: the walk back stops at the clause)
    prev: _Item | None
    prev = level = None
    for j in range(i - 1, -1, -1):
        p = items[j]
        if p.start >= named_at:
            continue  # (the plan quoted before it in its bracket)
        if p.start < name_clause[0]:
            break
        if p.mention is not None:
            if prev is None:
                prev = p
            if p.mention.role == "level":
                level = p
                break
    prev_end = prev.mention.end if prev is not None else None  # type: ignore[union-attr]
    if m is None:
        name = clean_name(seg.text[sub[0] : sub[1]].strip(" ,;.:-–"))
    else:
        name, it.from_tail = indicator_name(
            seg.text,
            m,
            named_at,
            end if it.name_at is None else named_at,
            name_clause,
            prev_end,
            getattr(level, "name", None),
            getattr(prev, "from_tail", False),
        )
        if name.endswith(")") and _UNIT_COLON.search(folded, max(clause[0], at - 45), at):
            name = name[: name.rfind("(")].rstrip()  # "Diện tích lúa (ha): 120": the unit is the value's
    if (
        it.unit == "chỉ tiêu"
        and it.kind == RESULT
        and (it.status == "khong_dat" or "chỉ tiêu" not in name.lower() or name.lower().startswith("trong "))
    ):
        # a count of the plan's indicators: the words around it ("Kết quả: 15/18 chỉ tiêu đạt",
        # "3 chỉ tiêu chưa đạt") name no indicator
        name = {"khong_dat": "Số chỉ tiêu không đạt", "vuot": "Số chỉ tiêu vượt"}.get(
            it.status, "Số chỉ tiêu đạt"  # type: ignore[arg-type]
        )
    it.name = name
    unit = it.unit
    # Income or GRDP per head ("bình quân đầu người đạt 82,4 triệu đồng, tương đương 3.250 USD")
    # is money per person per year, whatever the text leaves out.
    local = folded[max(name_clause[0], prev_end or name_clause[0]) : end]
    # ("thu nhập bình quân 185 triệu đồng/người": an income written per person is per head too)
    per_person = bool(unit and unit.endswith("/người") and "thu nhập" in local)
    income = _money_per_head(unit, "đầu người" in local or per_person) or bool(
        prev is not None
        and prev.per_head
        and _money_per_head(unit, m is not None and m.role == "change" or "tương đương" in local or "(" in local)
    )
    it.per_head = income
    if income:
        unit = unit.split("/")[0] + "/người/năm"  # type: ignore[union-attr]
    elif (
        unit
        and "đồng" in unit
        and "/" not in unit
        and (per_area := _PER_AREA.search(folded[clause[0] : end]))
    ):
        unit = unit + "/" + per_area.group(1)
    elif unit and "/" not in unit and unit.split()[0] in _MEASURES and "đầu người" in local:
        unit += "/người"  # "Diện tích nhà ở bình quân đầu người đạt 31,2 m2 sàn"
    per_year = it.per_year
    if m is not None:
        if (
            (m.per_year_unit and not income)
            or folded.find("năm", clause[0], at) >= 0  # (in every _EACH_YEAR word; found faster)
            and _EACH_YEAR.search(folded, clause[0], at)  # (plain words: as in the slice before the number)
            or _holds(folded, "/")  # (in every match of both)
            and (
                _PER_YEAR_AFTER.match(folded, m.end)
                or (not income and _PER_YEAR_AFTER_WORDS.match(folded, m.end))
            )
            or (folded.find("năm", m.end, sub[1]) >= 0 and _EACH_YEAR_AFTER.match(folded[m.end : sub[1]]))
        ):
            per_year = True  # "%/năm", "hằng năm", "từ 10 đảng viên trở lên/năm"
        elif unit == "%" and any(
            "bình" in part and _AVERAGE.search(part) and not _NOT_AVERAGE.search(part)  # ("bình": in both words)
            and _AVERAGED_RATE.search(part)  # (not a level averaged: "công suất phòng bình quân đạt 68%")
            # (an average said of a figure in another unit is its own: "bình quân 28 tấn/ngày, tăng 15%")
            for part in (folded[sub[0] : at], folded[_own_from(clause[0], prev, prev_end) : at])
        ) and (not _ONE_YEAR_CHANGE.match(folded, m.end) or _AVERAGE_CHANGE.search(folded, clause[0], at)):
            per_year = True  # "bình quân thời kỳ đạt 14,1%", "giảm bình quân/năm: trên 10%"
        elif (
            m.role == "change"
            and folded.find("trong đó", sentence[0], at) >= 0  # (every match ends with it)
            and _PARENT_PER_YEAR.search(folded, sentence[0], at)
        ):
            per_year = True  # "… tăng bình quân hàng năm 16%, trong đó: dịch vụ tăng 18%"
    year = _year(folded, sentence, at, end, clause[1])
    periods = _periods_in(folded, *sentence)
    # "Giai đoạn 2021-2025, GRDP tăng bình quân 7,4%/năm; GRDP bình quân đầu người năm 2025 đạt 4.900
    # USD": a year named after the sentence's term, in the value's own clause, is the value's (no term)
    own_year = (
        year is not None
        and it.kind == RESULT
        and bool(periods)
        and _year_after_term(folded, sentence, clause, at, end)
    )
    if year is not None and it.kind == RESULT and not seg.heading_time and (own_year or not periods):
        # "Theo báo cáo, năm 2025 thu ngân sách đạt … . Sản lượng lúa đạt …": the year a result
        # names holds for the results after it that name none, as an opening year does.
        seg.carried_year, seg.carried_at = year, at
    elif year is None and it.kind == RESULT and not seg.heading_time and not periods:
        # "Năm 2025, xã … đạt được nhiều kết quả. … kết nạp được 86 đảng viên": the year a
        # sentence opens with holds for the results after it in its paragraph (not for one whose
        # sentence names a period: "Giai đoạn 2021 – 2024 đã hỗ trợ: 1,7 tỷ đồng").
        opened = next(((s, y) for s, y in reversed(_opened_years(seg.text)) if s < at), None)
        if seg.carried_at >= 0 and (opened is None or opened[0] < seg.carried_at) and _one_paragraph(seg, seg.carried_at, at):
            year = seg.carried_year  # a year named earlier in the paragraph (not past a blank line)
        else:
            year = next((y for s, y in reversed(_opened_years(seg.text)) if s < at), seg.opened_year)
    if year is None and it.kind == TARGET and not periods:
        # A plan paragraph names its year once ("Mục tiêu năm 2023 phấn đấu …"); the targets
        # after it in the paragraph are for that year.
        named = _years_in(folded, 0, len(folded))  # cached for the paragraph: linear in its length
        k = bisect.bisect_left(named, (at, 0))
        year = next((y for s, y in reversed(named[max(0, k - 20) : k]) if _target_year_at(folded, s)), None)
        reference = _reference_year(seg)
        if year is None and seg.mode is None and reference and _SPEECH_DIRECTIVE.search(folded, sentence[0], at):
            # "Bí thư … nhấn mạnh: “Năm 2026 phường phải …”. Ông cũng yêu cầu giữ …": a year after the
            # one the text reports on, named earlier in the paragraph, is what a leader asks for after it
            year = next(
                (y for s, y in reversed(named[max(0, k - 20) : k]) if y > reference and _one_paragraph(seg, s, at)),
                None,
            )
    if year is None and seg.period is None:
        year = seg.year
    if (
        year is None
        and it.kind == TARGET
        and seg.period is None
        and (_holds(folded, "cuối năm") or _holds(folded, "quý"))
        and _REST_OF_YEAR.search(folded, sentence[0], at)
    ):
        # "Nhiệm vụ 6 tháng cuối năm: phấn đấu …", "Quý IV, đơn vị phấn đấu …": the rest of the
        # year the text reports on
        year = seg.report_year or seg.doc_year
    if year is None and it.kind == TARGET and seg.period is None and not periods:
        year = seg.plan_year  # the year the document's headline plans for
    if year is None and it.kind == RESULT and seg.period is None and not periods:
        # last, the year the headline and lead report on ("Ngành nông nghiệp … năm 2025: …"), else
        # the document's own date: a result reported in an article of 2023 is for 2023
        year = seg.report_year or seg.doc_year
    period = None if own_year else _period(folded, sentence, at, seg.period if it.kind == TARGET else None)
    if period is None and (it.kind == TARGET or seg.period is None and _holds(folded, "năm học")):
        # "Giai đoạn 2026-2030, tỉnh đặt mục tiêu …. Thu nhập … tăng ít nhất 1,5 lần": a term a
        # sentence opens with holds for the targets after it in its paragraph, and a school year
        # ("Năm học 2024-2025, tỷ lệ …. Tỷ lệ học sinh …") for the results too, as a year does; else
        # the term the headline sets targets for ("Đại hội … thông qua 18 chỉ tiêu chủ yếu nhiệm kỳ
        # 2025-2030")
        opened_term = next(((s, p) for s, p in reversed(_opened_periods(seg.text)) if s < at), None)
        if (
            opened_term is not None
            and (it.kind == TARGET or int(opened_term[1][-4:]) - int(opened_term[1][:4]) == 1)
            and _one_paragraph(seg, opened_term[0], at)
        ):
            period = opened_term[1]
        elif it.kind == TARGET and seg.plan_period and (year is None or year == int(seg.plan_period[-4:])):
            period = seg.plan_period
    if it.kind == RESULT and m is not None and (_holds(folded, "lên") or _holds(folded, "xuống")):
        # "giảm từ 18,4% xuống còn 4,2%" after "từ 28 triệu đồng năm 2020 tăng lên … năm 2025", or
        # in "Giai đoạn 2021-2025, …": the start's and the end's year, no term
        span_year = _from_to_year(seg, folded, sentence, at, end, period)
        if span_year is not None:
            year, period = span_year, None
    yearly_average = it.kind == RESULT and per_year and period is None and m is not None
    if yearly_average and not _OWN_YEAR.match(folded, end):
        # "Giai đoạn 2021-2025, …; tỷ lệ học sinh tốt nghiệp THPT bình quân 99,2%/năm", "Tổng kết
        # … giai đoạn 2021-2025" over "…, bình quân giảm 1,41%/năm": a yearly average over the term
        opened_term = next(((s, p) for s, p in reversed(_opened_periods(seg.text)) if s < at), None)
        if opened_term is not None and _one_paragraph(seg, opened_term[0], at):
            year, period = None, opened_term[1]
        elif seg.report_period and seg.period is None and seg.year is None:
            year, period = None, seg.report_period
        elif seg.period and (term := _reported_term(seg)) and not periods:
            year, period = None, term  # "KẾT QUẢ … NHIỆM KỲ 2020-2025" over "bình quân tăng 11,2%/năm"
    if (
        it.kind == RESULT
        and year is None
        and period is None
        and seg.period
        and unit != "chỉ tiêu"  # (counts of indicators met: no term of their own, each passage its own)
        and (term := _reported_term(seg))
    ):
        # Under a heading reporting on a term that ends with the document ("ĐÁNH GIÁ … 5 NĂM 2021 -
        # 2025" in a report of 2025): a figure of the term ("Hằng năm hoàn thành
        # 100% …", "Tổng thu … cả nhiệm kỳ đạt …", "tăng 420 ha so với đầu nhiệm kỳ") has the term;
        # a level reached ("tỷ lệ lao động qua đào tạo đạt 78,5%") is the term's last year's.
        if (
            per_year
            or it.op == "qualitative"
            or _TERM_FIGURE.search(folded, clause[0], at)
            or _TERM_FIGURE_AFTER.match(folded, end)
        ):
            period = term
        else:
            year = int(term[-4:])
    domain = first_domain(fold(name)) or seg.domain or first_domain(folded[clause[0] : clause[1]])
    quote = _quote(seg.text, *sentence)
    if len(quote) > 400:
        quote = _quote(seg.text, *clause)[:400]
    return Statement(
        kind=it.kind,
        indicator=name,
        domain=domain,
        op=it.op,
        low=it.low,
        high=it.high,
        unit=unit,
        per_year=per_year,
        year=year,
        period=period,
        compared_target=(
            {k: (v if k == "op" else _plain(v)) for k, v in it.target.items()} if it.target else None
        )
        if it.kind == RESULT
        else None,
        stated_status=it.status if it.kind == RESULT else None,
        line=seg.line_at(at),
        quote=quote,
        start=at,
        kind_evidence=it.evidence,
    )
