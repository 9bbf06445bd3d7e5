"""From numbered lines to segments of running text: joining, headings and context.

Owns the step between ``Document`` and the extractor. PDF text breaks one sentence over
many lines, drops footnote markers on lines of their own and puts footnote bodies between
paragraphs; Markdown wraps markers in ``<sup>``. This module joins lines into *segments*
(a paragraph, list item, footnote body or table row), keeps for every character the line it
came from, and carries the context the headings give: whether the section reports results
or sets targets, its domain, and its year or period (a heading's holds for the headings below it;
the document's title gives one before any).
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from chitieu.core import vocabulary
from chitieu.extract.document import Document
from chitieu.extract.evidence import DATE_LINES, document_year, headline_periods, plan_year, report_year
from chitieu.extract.normalise import fold, word_tree
from chitieu.extract.tables import COMPARE_COLUMN, header_roles

RESULT, TARGET = "result", "target"

# Section words. Result words win when a heading has both ("Kết quả thực hiện các chỉ tiêu").
_RESULT_HEADING = re.compile(r"kết quả|thực hiện|đánh giá|tình hình|đạt được|dánh giá")
_INDICATORS_WORD = re.compile(r"chỉ tiêu")
_TARGET_HEADING = re.compile(
    r"mục tiêu|chỉ tiêu|phương hướng|nhiệm vụ|giải pháp|kế hoạch|định hướng|lộ trình|dự toán"
)  # ("DỰ TOÁN NGÂN SÁCH NĂM 2025": the budget planned)
# "LỘ TRÌNH THỰC HIỆN …", "KẾ HOẠCH THỰC HIỆN …": what a plan will do, no result word
_PLAN_DOING = re.compile(
    r"(?:" + vocabulary.alternation(vocabulary.PLAN_NOUNS) + r")\s+(?:tổ chức\s+)?thực hiện(?![a-zà-ỹđ])"
)

DOMAIN_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "xay_dung_dang",
        re.compile(
            r"xây dựng đảng|công tác đảng|đảng viên|chi bộ|tổ chức cơ sở đảng|hệ thống chính trị|dân vận|kiểm tra, giám sát"
        ),
    ),
    (
        "quoc_phong_an_ninh",
        re.compile(r"quốc phòng|an ninh|quân sự|trật tự an toàn|nhập ngũ|giao quân|tội phạm|phòng cháy"),
    ),
    (
        "cai_cach_hanh_chinh",
        re.compile(
            r"cải cách hành chính|thủ tục hành chính|chuyển đổi số|chính quyền số|dịch vụ công|chữ ký số|chính quyền|tư pháp"
        ),
    ),
    (
        "moi_truong_do_thi",
        re.compile(
            r"môi trường|đô thị|chất thải|rác thải|nước sạch|tài nguyên|quy hoạch|hỏa táng|cây xanh|thu gom"
        ),
    ),
    (
        "van_hoa_xa_hoi",
        re.compile(
            r"văn hóa|xã hội|giáo dục|y tế|bảo hiểm|dân số|hộ nghèo|cận nghèo|việc làm|lao động|trẻ em|học sinh|trường|thể thao|an sinh|gia đình|sức khỏe|người có công|suy dinh dưỡng|sinh con|nhà ở|nhà tạm|tiêm|vitamin"
        ),
    ),
    (
        "kinh_te",
        re.compile(
            r"kinh tế|thương mại|dịch vụ|công nghiệp|nông nghiệp|ngân sách|doanh thu|giá trị sản xuất|thu nhập|doanh nghiệp|sản lượng|năng suất|thủy sản|ocop|du lịch|đầu tư|tăng trưởng|nông thôn mới|bán lẻ|xây dựng cơ bản|tiểu thủ"
        ),
    ),
)

# (the look-behind, no digit before the year, stands after "19"/"20" and looks past them, so
# that a search skips straight to those digits)
_YEARS = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")
_PERIOD = re.compile(r"((?:19|20)(?<!\d..)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_DIGIT = re.compile(r"\d")
_HEADING_PREFIX = re.compile(
    r"^(?:phần\s+thứ\s+\w+|phần\s+[ivx]+|phụ\s+lục\s*\d*\s*[.:]?|chương\s+[ivx\d]+|điều\s+\d+\s*[.:]?|[ivx]+\s*[./]|\d+(?:\.\d+)*\s*[./]?|[a-zđ]\s*[).])(?=\s|:|$)",
)
_BULLET = re.compile(r"^\s*(?:[-+•–*]\s|\(\s*\d+\s*\)|\d+\s*\)\s|[a-zđ]\)\s)")
# Written so that no match backtracks over the rest of the line (a line of "<sup>" and spaces,
# or of "<a" with no ">", must not take quadratic or worse time).
_SUP = re.compile(r"<sup>[^<]*</sup>", re.I)
_SUP_POWER = re.compile(r"(k?m)<sup>\s*([23])\s*</sup>")
_MD_HEADING = re.compile(r"^\s*#+\s*")
# A comment line at the top of a text file naming where the text came from ("# source: <url>",
# "# retrieved 2026-11-23"): a key in plain lower-case ASCII, then a colon or the date. A Markdown
# heading ("# Báo cáo …", "## I. KẾT QUẢ …") is a heading of the report and read as one.
_META_COMMENT = re.compile(r"#+\s*[a-z][a-z_-]{1,20}(?:\s*:|\s+\d{4}-\d\d)")
_MD_MARKS = re.compile(r"\*\*|__|\\(?=[*_#\[\]()-])")
_MD_MARKS_AND_TAGS = re.compile(r"\*\*|__|\\(?=[*_#\[\]()-])|</?[a-z]+[^>]*>", re.I)


def domain_of(folded: str) -> str | None:
    """The one domain a folded phrase names, or None when it names none or several."""
    found: set[str] = set()
    at = 0
    while (m := _ANY_DOMAIN_WORD.search(folded, at)) is not None:  # every place a domain word starts
        found |= _DOMAINS_AT[m.group()]
        at = m.start() + 1
    hits = [code for code, _ in DOMAIN_WORDS if code in found]
    if "kinh_te" in hits and "van_hoa_xa_hoi" in hits and "kinh tế - xã hội" in folded.replace("–", "-"):
        return None
    return hits[0] if len(hits) == 1 else None


# Every domain's words, plain text apart by "|" (checked here, so that the tree below holds them).
assert all(re.escape(w).replace("\\ ", " ") == w for _, p in DOMAIN_WORDS for w in p.pattern.split("|"))
_DOMAIN_WORD_LIST = [w for _, p in DOMAIN_WORDS for w in p.pattern.split("|")]
_ANY_DOMAIN_WORD = re.compile(word_tree(_DOMAIN_WORD_LIST))
# The tree's match at a place is the longest word standing there; every other word standing
# there begins it. So the domain listed first among the words there is known from that word.
_DOMAIN_AT = {
    w: next(code for code, p in DOMAIN_WORDS if any(w.startswith(v) for v in p.pattern.split("|")))
    for w in _DOMAIN_WORD_LIST
}


_DOMAINS_AT = {
    w: {code for code, p in DOMAIN_WORDS if any(w.startswith(v) for v in p.pattern.split("|"))}
    for w in _DOMAIN_WORD_LIST
}  # (all the domains with a word standing where the longest word w does)


def first_domain(folded: str) -> str | None:
    """The domain of the earliest domain word in a folded phrase (for indicator names); where
    words of several domains start at that place, the domain listed first."""
    m = _ANY_DOMAIN_WORD.search(folded)
    return None if m is None else _DOMAIN_AT[m.group()]


@dataclass(slots=True)  # (fixed fields: made and read often, faster)
class Segment:
    """Running text joined from one or more lines, with the line of every character."""

    text: str
    mode: str | None
    domain: str | None
    period: str | None
    starts: list[int] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    is_heading: bool = False
    folded: str = ""
    general: bool = False  # under "mục tiêu tổng quát": a vision, not indicator targets
    table_years: list[int] | None = None  # set for a row of an indicator table: its header's years
    table_periods: list[str] | None = None  # ... and the periods its header names ("Giai đoạn 2021-2025")
    table_compare: bool = False  # ... whose header has comparison columns ("So sánh", "%")
    table_plan: bool = False  # ... and a plan column ("Chỉ tiêu Đại hội", "Kế hoạch", "NQ")
    table_plan_after: int | None = None  # ... after the result columns, for a later year ("Ước TH 2025 | KH 2026")
    table_header: str = ""  # ... the header's words (lower case)
    cells: list[str] | None = None  # a DOCX table row under an indicator header: its cells
    header: list[str] | None = None  # ... that header's cells
    roles: list[str] | None = None  # ... and their roles (name, unit, target, result, ratio, verdict)
    note_unit: str | None = None  # ... the unit a line above the table names ("ĐVT: triệu đồng")
    year: int | None = None  # the year the section's heading names ("… năm 2024")
    doc_year: int | None = None  # the year of the document's own date (evidence of kind)
    head_term_years: tuple[int, ...] = ()  # an undated document: the first and last year of its title's term
    plan_year: int | None = None  # the one year after that date the headline plans for
    report_year: int | None = None  # the one year a news article's headline and lead report on
    plan_period: str | None = None  # the term a news article's headline sets targets for
    report_period: str | None = None  # ... or reports on ("Tổng kết … giai đoạn 2021-2025")
    heading_time: bool = False  # a heading or the title names its year or period
    opened_year: int | None = None  # the year the last paragraph opening with one named ("Năm 2023, …")
    planned: bool = False  # its heading plans ("KẾ HOẠCH …", "LỘ TRÌNH …"): a table's bare year columns are plans
    carried_year: int | None = None  # the year a result in the text named last (it holds for the
    carried_at: int = -1  # results after it in its paragraph), and where (-1: none)

    def line_at(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.line_numbers[max(i, 0)]


@dataclass(slots=True)  # (fixed fields: made and read often, faster)
class _Context:
    mode: str | None = None
    mode_rank: int = 99  # the rank of the heading that set the mode
    domain: str | None = None
    period: str | None = None
    year: int | None = None
    general: bool = False
    time_rank: int = 99  # the rank of the heading that named the year or period
    title_year: int | None = None  # what the document's title names ("BÁO CÁO / Tình hình … năm 2023")
    title_period: str | None = None
    opened_year: int | None = None  # "Năm 2023, …" at a paragraph's start, until the next heading
    planned: bool = False  # the targets mode was set by a plan word ("kế hoạch", "lộ trình"), not "chỉ tiêu" alone
    note_unit: str | None = None  # "3. Thu, chi (ĐVT: triệu đồng)" over prose: its bare figures' unit
    note_rank: int = 99  # ... until a heading of this rank or higher (a note on a line of its own: any)
    now: int | None = None  # the year the document stands in: its date's, else the one its headline reports on


def _clean(line: str) -> str:
    """Drop Markdown emphasis, heading marks and footnote markers; keep the words."""
    s = line
    if "<" in s:  # most lines have no markup: skip the passes that cannot change them
        s = _SUP_POWER.sub(lambda m: m.group(1) + ("²" if m.group(2) == "2" else "³"), s)
        s = _SUP.sub(" ", s)
    heading = _MD_HEADING.match(s) if "#" in s else None
    if heading:
        s = s[heading.end() :]
    # A tag runs to the next ">": after the last ">" none can match, so tags are only looked for
    # before it, where every try succeeds (linear), and the rest gets the other marks only.
    last = s.rfind(">") + 1
    head = _MD_MARKS_AND_TAGS.sub("", s[:last]) if last else ""
    rest = s[last:]
    if "*" in rest or "_" in rest or "\\" in rest:
        rest = _MD_MARKS.sub("", rest)
    return head + rest


_MD_RULE = re.compile(r":?-+:?|")  # (":-:", "--:", "---": a column's alignment)
_MARKER = re.compile(r"\s*\d{1,3}\s*")
# A page's number or footer ("Trang 2", "Trang 2/3", "- 2 -", "Page 2") between two rows of a
# table that goes on over the page: skipped, so that the table does not end there.
_PAGE_FOOTER = re.compile(r"\s*(?:(?:[Tt]rang|[Pp]age)\s+\d{1,3}(?:\s*/\s*\d{1,3})?|-\s*\d{1,3}\s*-)\s*")
_FOOTNOTE_START = re.compile(r"^\s*(?:<sup>\s*\d+\s*</sup>|\[\d+\]\s)", re.I)
_ABOUT = re.compile(r"^-\s*về\s")


_CELL_GAP = re.compile(r" *\t *| {3,}")
# The words a section's title starts with when a page writes it as a plain line.
_SECTION_TITLE = re.compile(
    r"^(?:các\s+|những\s+)?(?:chỉ tiêu|mục tiêu|phương hướng|nhiệm vụ|định hướng|kết quả thực hiện)"
    r"(?:\s+(?:chủ yếu|cụ thể|tổng quát|chính|chung|và))?(?![^\s(])"
)
# The first two letters of every _SECTION_TITLE match ("chỉ tiêu", "các chỉ tiêu" …).
_SECTION_TITLE_STARTS = frozenset({"ch", "cá", "nh", "mụ", "ph", "đị", "kế"})
# A paragraph that opens with its year, "Năm 2023, …", "Trong năm 2024, …": the results after it (in
# it and the paragraphs that follow, up to the next heading) are for that year.
# Also after a short lead ("Theo báo cáo, năm 2025 …", "Lũy kế 9 tháng năm 2025, …", "6 tháng đầu
# năm 2025, …"); not a year naming the indicator ("Số hộ nghèo năm 2016 là 34 hộ").
_TIME_OPENER = re.compile(
    r"^(?:trong\s+|cả\s+|trong cả\s+)?năm\s+((?:19|20)\d\d)\s*,"
    r"|^[^,.;:\d]{0,40},\s*(?:trong\s+|cả\s+)?năm\s+((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—])"
    r"|^(?:lũy kế|luỹ kế|(?:trong\s+|qua\s+)?\d{1,2}\s+tháng|quý\s+[ivx\d]+|tính đến|đến)[^,.;:]{0,25}?năm\s+((?:19|20)\d\d)\s*,"
    r"|^năm\s+((?:19|20)\d\d)\s+(?:là|được xác định là)\s+năm(?![a-zà-ỹđ])"  # "Năm 2026 là năm đầu thực hiện …"
)
# Web text flattened into one line: a title in capitals before the body
# ("CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025 I. Về kinh tế … 1. Tốc độ …").
_ROMAN_OR_NUMBER = re.compile(r"^(?:[IVX]+|\d+)[.)]?$")


# The first four words of a line each with a letter a-z, or of digits and punctuation only: none of
# them is in capitals (none ``str.isupper``). Possessive, so that no match backtracks.
_NO_CAPITALS_IN_4 = re.compile(r"\s*+(?:(?:[^a-z\s]*+[a-z]\S*+|[0-9.,:;()/%+*'\"“”–-]++)\s++){4}")


def _caps_prefix(line: str) -> tuple[str, str] | None:
    """(title, body) when ``line`` starts with a title in capitals and goes on with a long body."""
    if len(line) < 55 or _NO_CAPITALS_IN_4.match(line, 0, 90):
        return None  # (the cheap test first: most lines have a small letter in each of their first words)
    head = line[:90]
    # Four words in capitals among the first seven: one among the first four (fewer words to cut)
    if not any(map(str.isupper, head.split(None, 4)[:4])) or sum(map(str.isupper, head.split(None, 7)[:7])) < 4:
        return None
    words = line.split()
    i = 0
    while i < len(words) and i < 3 and words[i].lower() == words[i]:
        i += 1  # a date line's leftovers before the title ("date 2020-08")
    start = i
    while i < len(words) and words[i].upper() == words[i]:
        i += 1
    while i > start and _ROMAN_OR_NUMBER.match(words[i - 1]):
        i -= 1  # "… 2020-2025 I. Về kinh tế": the item's number starts the body
    title = words[start:i]
    lettered = [w for w in title if any(c.isalpha() for c in w)]
    body = " ".join(words[i:])
    if len(lettered) < 4 or sum(len(w) for w in lettered) < 15 or len(body) < 40:
        return None
    return " ".join(title), body


_NUMBER_CELL = re.compile(r"((?:STT|TT|stt|Stt|\d{1,2}\.?|[IVX]{1,4}\.?)) {2}(\S.*)")


def _spaced_cells(line: str, columns: int | None) -> list[str] | None:
    """The cells of a line typed with tabs or wide gaps between them (three or more cells).

    Every tab ends a cell, so empty cells keep their place; a row whose editor dropped the
    empty cells at its end gets them back when the header's ``columns`` are known.
    """
    line = line.strip(" \r\n")
    if "\t" not in line and "   " not in line:
        return None
    cells = [c.strip() for c in _CELL_GAP.split(line)]
    if (
        "  " in cells[0]
        and (m := _NUMBER_CELL.match(cells[0]))
        and (m.group(1)[0] in "sStT" or (columns and len(cells) + 1 == columns))
    ):
        # "TT  Chỉ tiêu", "1  Diện tích gieo trồng": the row-number cell two spaces from the name's
        cells[0:1] = [m.group(1), m.group(2)]
    if columns and "\t" in line and len(cells) < columns:
        cells += [""] * (columns - len(cells))
    return cells if len(cells) >= 3 else None


def _typed_cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line typed with runs of spaces between them, each with where it starts."""
    out, at = [], 0
    for gap in [*_CELL_GAP.finditer(line), None]:
        end = gap.start() if gap is not None else len(line)
        piece = line[at:end]
        if piece.strip():
            out.append((at + len(piece) - len(piece.lstrip()), piece.strip()))
        if gap is not None:
            at = gap.end()
    return out


def _under_columns(upper: str, line: str, width: int) -> list[str] | None:
    """A header's second row typed with spaces ("              KH      Cùng kỳ" under "…  So sánh
    (%)"), as cells under the upper row's ``width`` cells: each label under the upper cell it
    starts under (two or more under one: a merged cell, as wide as they are), empty elsewhere."""
    columns = [at for at, _ in _typed_cells(upper)]
    if len(columns) != width or not columns:
        return None
    under: list[list[str]] = [[] for _ in columns]
    for at, label in _typed_cells(line):
        i = bisect.bisect_right(columns, at + 2) - 1  # (a label centred under its cell may start a little left)
        if i < 0:
            return None
        under[i].append(label)
    return [label for labels in under for label in (labels or [""])]


def _is_marker(line: str) -> bool:
    """A line holding only a footnote marker, as PDF text puts them."""
    return len(line) < 12 and bool(_MARKER.fullmatch(line))


def _heading(cleaned: str, raw: str, s: str | None = None) -> bool:
    """Whether a line is a heading; ``s`` is ``cleaned.strip()`` when the caller has it."""
    s = cleaned.strip() if s is None else s
    if not s or len(s) > 170:
        return False
    if "#" in raw and raw.lstrip().startswith("#"):
        return True
    first, second = s[0], s[1:2]
    if first.islower() and first not in "pcivx" and second not in ").\t " and not second.isspace():
        # (most lines, going on in lower case: the one prefix that can start with this letter, "a)",
        # "b .", has ")", "." or a space next; the test below, shortened)
        return False
    # Whether a numbering prefix can start the line, told from its first two characters: a letter
    # item ("a)", "B .") has ")", "." or a space second, "phần", "phụ lục" and "chương" an "h", a
    # Roman number another of its letters, "." or "/"; every other prefix starts with a digit.
    # (No other letter lower-cases to one of these, but "İ", to "i" and a dot above: no prefix.)
    prefix = (
        second in ").\t "  # (also the empty string: a line of one character)
        or second.isspace()
        or not first.isalpha()
        or (first in "pcPC" and second in "hH")
        or (first in "ivxIVX" and second in "ivxIVX./")
        or (first in "đĐ" and second in "iI")  # "Điều 1. …": an article of a resolution
    )
    if not prefix:
        if first.islower():
            return False  # a line going on in lower case is a heading only with a prefix
        if not (first.isupper() and s[:2].lower() in _SECTION_TITLE_STARTS):
            if not first.isupper() or s[1:12].islower():
                return False
            return _capitals(s)
    if not first.isalpha() and not first.isdecimal() and first != "-":
        # ("(", "+", "."…: no numbering prefix, "- Về" nor section title starts with it, nor with what
        # it lowers to; the last test below, without lower-casing the line's start)
        return s[:1].isupper() and not s[1:12].islower() and _capitals(s)
    folded = s[:40].lower()  # the prefix words carry no tone marks that differ by style
    m = _HEADING_PREFIX.match(folded) if prefix else None
    if m:
        rest = s[m.end() :].strip(" .:-–")
        if not rest or not rest[0].isupper():
            return False
        if _capitals(rest):
            return True  # "B. NHIỆM VỤ 6 THÁNG CUỐI NĂM 2025": capitals make it a heading
        if s.endswith(".") and len(rest.split()) >= 5:
            return False  # "7. Giữ vững xã đạt chuẩn nông thôn mới nâng cao.": a numbered sentence
        # A numbered line that states figures is content, not a heading.
        return not s.rstrip().endswith((";", ",")) and not _figures(rest)
    if folded[:1] == "-" and _ABOUT.match(folded) and len(s) < 90 and not s.rstrip().endswith((".", ";")):
        return True
    if (
        s[:1].isupper()  # not a broken line going on ("các mục tiêu phát triển …, UBND phường đã")
        and _SECTION_TITLE.match(folded)
        and len(s) < 100
        and "|" not in s  # a table's header row ("Chỉ tiêu | Đơn vị | Kết quả")
        and "\t" not in s
        and "   " not in s
        and not s.rstrip().endswith((".", ";", ",", ":"))
    ):
        # "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)": a section's title on a page that sets
        # no capitals or numbering; one stating figures is content.
        return not _figures(s)
    if not s[:1].isupper() or s[1:12].islower():
        return False
    return _capitals(s)


def _figures(s: str) -> bool:
    """Whether ``s`` holds a digit outside its years and periods."""
    if "19" in s or "20" in s:  # (else no year nor period: nothing to take out)
        s = _YEARS.sub("", _PERIOD.sub("", s))
    return _DIGIT.search(s) is not None


_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _capitals(s: str) -> bool:
    """Whether more than 85 % of the letters of ``s`` (at least 8) are capitals."""
    if len(s) >= 8:
        # The letters a-z are letters and no capitals: when they are 15 % of the characters or more,
        # they are of the letters too. Counted in UTF-8 (no other character has such a byte), which
        # is cheap, where counting every letter is not; most lines that get here are sentences.
        b = s.encode()
        if 20 * (len(b) - len(b.translate(None, _ASCII_LOWER))) >= 3 * len(s):
            return False
    letters = list(filter(str.isalpha, s))
    return len(letters) >= 8 and sum(map(str.isupper, letters)) / len(letters) > 0.85


_URL = re.compile(r"(?:https?://|www\.)\S+")


_COLUMN_HEADER = re.compile(r"\bđvt\b|đơn vị tính")
_TOP_HEADING = re.compile(r"^\s*(?:phần|phụ lục|chương|[ivx]+\s*[./])")


# The words of _RESULT_HEADING and _TARGET_HEADING: whether a text holds one is what a search of
# their alternation tells, and plain tests of each cost less than the search.
_RESULT_WORDS = tuple(_RESULT_HEADING.pattern.split("|"))
_TARGET_WORDS = tuple(_TARGET_HEADING.pattern.split("|"))
assert all(re.escape(w).replace("\\ ", " ") == w for w in _RESULT_WORDS + _TARGET_WORDS)


def _holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``."""
    for w in words:
        if w in text:
            return True
    return False


def _update(ctx: _Context, heading: str, folded: str | None = None) -> None:
    """Carry a heading's context to the text below it; ``folded`` is ``fold(heading)`` when the
    caller has it (spaces around the heading change nothing here)."""
    if "www." in heading or "http" in heading:
        folded = fold(_URL.sub(" ", heading))  # (a link's digits, "…-nhiem-ky-2021-2026-946.html", are no period)
    elif folded is None:
        folded = fold(heading)
    if (
        ("đvt" in folded or "đơn vị tính" in folded)
        and _COLUMN_HEADER.search(folded)
        and note_unit(heading) is None
    ):
        return  # a table's column header, not a section (a heading with a unit note is one)
    rank = _rank(heading)
    ctx.opened_year = None
    if _holds_any(_PLAN_DOING.sub(" ", folded) if "thực hiện" in folded else folded, _RESULT_WORDS):
        ctx.mode, ctx.mode_rank = RESULT, rank
        ctx.planned = False
    elif _holds_any(folded, _TARGET_WORDS):
        # "1. Các chỉ tiêu chủ yếu" under "I. KẾT QUẢ THỰC HIỆN" names the indicators the
        # results are about; only a heading of the same rank or higher, or one with a plan word,
        # turns a results section into targets.
        names_only = not _holds_any(folded.replace("chỉ tiêu", " "), _TARGET_WORDS)
        if names_only and ctx.mode == RESULT and rank > ctx.mode_rank and _later_year(ctx, folded):
            names_only = False  # "4. Chỉ tiêu năm 2026" in a report on 2025: the next year's targets
        if not (names_only and ctx.mode == RESULT and rank > ctx.mode_rank):
            ctx.mode, ctx.mode_rank = TARGET, rank
            ctx.planned = not names_only
    ctx.general = "tổng quát" in folded
    domain = domain_of(folded)
    top = bool(_TOP_HEADING.match(folded)) or heading.isupper()
    if domain or top:
        ctx.domain = domain
    # The year or period a heading names holds for the headings below it ("PHẦN I. KẾT QUẢ
    # NĂM 2024" over "I. LĨNH VỰC KINH TẾ") until a heading of the same rank or higher.
    m = _PERIOD.search(folded)
    y = _HEADING_YEAR.search(folded)
    in_term = _year_in_term(folded, f"{m.group(1)}-{m.group(2)}", ctx.now) if m and (y or ctx.now) else None
    if in_term:
        ctx.period = None
        ctx.year = in_term  # "… nhiệm kỳ 2025 - 2030, năm thứ nhất (năm 2025)": the year reported on
        ctx.time_rank = rank
    elif m:
        ctx.period = f"{m.group(1)}-{m.group(2)}"
        ctx.year = None
        ctx.time_rank = rank
    elif y:
        ctx.period = None
        ctx.year = int(y.group(1))  # "… năm 2024": the year the section is about
        ctx.time_rank = rank
    elif top and rank <= ctx.time_rank:
        ctx.period = ctx.title_period
        ctx.year = ctx.title_year
        ctx.time_rank = -1 if ctx.title_year or ctx.title_period else 99


def _later_year(ctx: _Context, folded: str) -> bool:
    """Whether a heading names a year after the one the text around it reports on (the section's, the
    title's, else the document's own year)."""
    y = _HEADING_YEAR.search(folded) if "năm" in folded else None
    now = ctx.year or ctx.title_year or ctx.now
    return y is not None and now is not None and int(y.group(1)) > now


_RANK_PART = re.compile(r"(?:phần|chương|phụ lục|điều\s+\d)(?![a-zà-ỹđ])")
_RANK_ROMAN = re.compile(r"[ivx]+\s*[./]")
_RANK_LETTER_SPACE = re.compile(r"[a-zđ]\s*[.)]\s")
_RANK_NUMBER = re.compile(r"\d+((?:\.\d+)*)")
_RANK_LETTER = re.compile(r"[a-zđ]\s*[.)]")


def _rank(heading: str) -> int:
    """How high a heading stands: 0 for a part, then A., I., 1., 1.1., a) (unnumbered: 1)."""
    s = heading.strip().lower()
    # (each pattern tried only where the first character can start it: most headings start with a
    # letter no pattern but one or two can start with)
    first = s[:1]
    if first in "pcđ" and _RANK_PART.match(s):
        return 0
    if first in "ivx" and _RANK_ROMAN.match(s):
        return 2
    letter = "a" <= first <= "z" or first == "đ"
    if letter and _RANK_LETTER_SPACE.match(s) and heading.strip()[:1].isupper():
        return 1
    d = _RANK_NUMBER.match(s) if first.isdecimal() else None
    if d:
        return 3 + d.group(1).count(".")
    if letter and _RANK_LETTER.match(s):
        return 6
    return 1


_HEADING_YEAR = re.compile(r"năm\s+((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—]\s*\d)")


_PLAN_HEADER = re.compile(
    r"kế hoạch|(?<![\w])kh(?![\w])|nghị quyết|(?<![\w])nq(?![\w])|mục tiêu|dự toán"
    r"|chỉ tiêu\s+(?:đại hội|đh|năm|giao|được giao|\d{4})"
)
_COMPARE_HEADER = re.compile(r"so sánh|so với|tỷ lệ %|\(%\)|" + COMPARE_COLUMN.pattern)
# The year of a plan column ("Kế hoạch 2024", "KH năm 2025"): the plan's, no result year column
# ("Mục tiêu" / "Năm 2022": a capital "Năm" opens a cell of its own).
_PLAN_COLUMN_YEAR = re.compile(
    r"(?:kế hoạch|(?<![\w/])kh|dự toán|mục tiêu)\s*(?-i:năm\s*)?((?:19|20)\d\d)(?![\d]|\s*[-–])", re.I
)
_RESULT_COLUMN = re.compile(r"thực hiện|(?<![\w/])th(?![\w/])|ước|kết quả|lũy kế|luỹ kế", re.I)
_VALUE_IN_CELL = re.compile(r"^\s*[<>≤≥]?\s*\d+(?:[.,]\d+)*\s*%?\s*$")


# A table's title: "Phụ lục 01.", "Biểu số 2:", "Bảng 1 -" before its words (taken out with the
# months and quarters it names, "6 tháng đầu năm 2026", before looking for figures).
_TITLE_NUMBER = re.compile(r"^(?:phụ lục|biểu|bảng|mẫu)(?:\s+số)?\s*[\divx]*\s*[.:\-–]?\s*")
_TITLE_SPAN = re.compile(r"\d+\s*tháng|quý\s+[ivx\d]+")


def _table_title(out: list[Segment], number: int, ctx: _Context) -> None:
    """The line right above a table's header, when it is its title ("Phụ lục 01. Kết quả thực hiện
    các chỉ tiêu 6 tháng đầu năm 2026 - phường …", in sentence case): a heading, its year or
    period and kind given to the rows (a title in capitals is one already). A sentence (with a
    full stop, or figures besides its time) is no title."""
    if not out or out[-1].is_heading or len(out[-1].line_numbers) != 1 or number - out[-1].line_numbers[0] > 3:
        return
    seg = out[-1]
    text = seg.text.strip()
    folded = seg.folded or fold(text)
    if len(text) > 200 or text.endswith((".", ";", ",")) or _time_named(folded) == (None, None):
        return  # (a title naming two years names neither)
    if _figures(_TITLE_SPAN.sub(" ", _TITLE_NUMBER.sub("", folded))):
        return
    seg.is_heading = True
    _update(ctx, text, folded)


def merge_headers(upper: list[str], lower: list[str]) -> list[str]:
    """Two header rows as one: each lower label before the (merged) upper cell it stands under.

    A cell merged over several columns is written once in a DOCX row (its row is shorter: it is
    spread over the lower labels it stands over), or followed by empty cells (which it fills);
    lower labels typed under the first columns instead of the merged cell's are moved under it."""
    upper, lower = [a.strip() for a in upper], [b.strip() for b in lower]
    if len(upper) < len(lower):
        upper = _spread(upper, lower)
    elif len(upper) == len(lower):
        lower = _under_span(upper, lower)
    out = []
    span = ""  # the filled upper cell the empty ones after it continue
    for a, b in zip(upper, lower, strict=False):
        if a:
            span = a
        elif b:
            a = span  # "Năm 2026 | (empty)" over "Kế hoạch | Ước thực hiện": both of 2026
        out.append(a if not b or b == a else b if not a else f"{b} {a}")
    return out


def _spread(upper: list[str], lower: list[str]) -> list[str]:
    """The upper row of a header as wide as the lower row, its merged cells written once (DOCX) or
    its empty cells at the end left out (typed): a lower cell empty or repeating the upper one (a
    cell merged down both rows) stands under it alone; a run of labels stands under merged cells,
    as many under each, the fewest that leave one lower cell for each upper cell after them (else
    no upper row: the lower labels alone)."""
    out: list[str] = []
    k = j = 0
    while j < len(lower) and k < len(upper):
        if not lower[j] or lower[j] == upper[k]:
            out.append(upper[k])
            k, j = k + 1, j + 1
            continue
        end = j
        while end < len(lower) and lower[end] and lower[end] not in upper[k:]:
            end += 1
        run, extra = end - j, (len(lower) - j) - (len(upper) - k)
        merged = max(1, run - extra)
        if run == 0 or merged > len(upper) - k or run % merged:
            return [""] * len(lower)
        if merged > 1:
            # several merged cells over one run: equal widths only when their labels repeat
            # ("KH | TH | KH | TH" under "Năm 2024 | Năm 2025"); "2020 … Ước 2025 | Giai đoạn …"
            # under "Thực hiện | So sánh (%)" has widths the row does not tell: the labels alone
            width = run // merged
            groups = [[x.lower() for x in lower[j + i * width : j + (i + 1) * width]] for i in range(merged)]
            if any(g != groups[0] for g in groups):
                return [""] * len(lower)
        for a in upper[k : k + merged]:
            out += [a] * (run // merged)
        k, j = k + merged, end
    return out if len(out) == len(lower) and k == len(upper) else [""] * len(lower)


def _under_span(upper: list[str], lower: list[str]) -> list[str]:
    """The lower labels moved under the one merged upper cell (a filled cell and the empty ones
    after it) as wide as they are, when they stand under filled cells that merge nothing
    ("KH năm 2026 | Thực hiện | So sánh (%) | (empty)" over "(empty) | … | KH năm | Cùng kỳ" typed
    with too few tabs before its labels)."""
    filled = [i for i, b in enumerate(lower) if b and b != upper[i]]
    if not filled or filled != list(range(filled[0], filled[-1] + 1)):
        return lower
    spans = []  # (first, width) of each upper cell followed by empty cells
    for i, a in enumerate(upper):
        if a and i + 1 < len(upper) and not upper[i + 1]:
            width = 1
            while i + width < len(upper) and not upper[i + width]:
                width += 1
            spans.append((i, width))
    if len(spans) != 1 or spans[0][1] != len(filled):
        return lower
    if any(not upper[i] or (i + 1 < len(upper) and not upper[i + 1]) for i in filled):
        return lower  # the labels stand under a merged cell already
    first = spans[0][0]
    moved = [b if b == upper[i] else "" for i, b in enumerate(lower)]
    for k, i in enumerate(filled):
        moved[first + k] = lower[i]
    return moved


_TABLE_HEADER = re.compile(r"(?<![a-zà-ỹđ])(?:đvt|đơn vị tính)(?![a-zà-ỹđ])")
# A line between a table's row and its sub-rows: "Trong đó:", "Chia ra:", "Bao gồm:".
_SUB_ROWS_LABEL = re.compile(r"[-+*•]?\s*(?:trong đó|chia ra|bao gồm|gồm|chi tiết|cụ thể)\s*:?")
# A line above a table naming the unit of all its cells: "ĐVT: triệu đồng", "(Đơn vị tính: tỷ đồng)".
_NOTE_UNIT = re.compile(
    r"(?<![a-zà-ỹđ])(?:đvt|đơn vị tính|đơn vị)\s*:\s*"
    r"((?:1[.,]?000(?:[.,]?000)?\s*)?[^\s:;,|()\d][^:;,|()\d]{0,24}?)"
    r"(?:\s*,\s*(?:%|[^\s:;,|()\d][^:;,|()\d]{0,15}?))*\s*(?:\)|$)"  # "ĐVT: tỷ đồng, %": the first
)
_THOUSANDS = re.compile(r"^1[.,]?000([.,]?000)?\s*")  # "ĐVT: 1.000 đồng": thousands of đồng


def _applications_above(lines, i: int) -> bool:
    """Whether the text just above a table's header (two lines at most) says it counts hồ sơ."""
    above = [ln for ln in lines[max(0, i - 3) : i] if ln.strip()][-2:]
    return any("hồ sơ" in ln.lower() for ln in above)


def note_unit(header_text: str) -> str | None:
    """The unit a table's note names ("ĐVT: triệu đồng" → "triệu đồng"), one the tables know as a unit."""
    from chitieu.core.numbers import normalise_unit
    from chitieu.extract.celllines import _KNOWN_UNIT

    m = _NOTE_UNIT.search(fold(header_text).strip())
    if m is None:
        return None
    unit = _THOUSANDS.sub(lambda t: "triệu " if t.group(1) else "nghìn ", m.group(1).strip())
    return normalise_unit(unit) if _KNOWN_UNIT.fullmatch(unit) else None


# A line that is only a unit note: "ĐVT: triệu đồng", "(Đơn vị tính: tỷ đồng)".
_NOTE_LINE = re.compile(
    r"\(?\s*(?:ĐVT|Đvt|đvt|Đơn vị tính|đơn vị tính|ĐƠN VỊ TÍNH|Đơn vị|đơn vị)\s*:[^:;|]{1,30}?\)?\.?"
)


def _prose_line(s: str) -> bool:
    """Whether a line is running text (a sentence, its clauses apart by commas or semicolons), not
    a table's header or row."""
    s = s.strip()
    return (
        len(s) >= 25
        and "|" not in s
        and "\t" not in s
        and "   " not in s
        and len(s.split()) >= 6
        and (", " in s or "; " in s or s.endswith((".", ";", ":")))
        and not _capitals(s)
    )


def _prose_unit_note(stripped: str, lines: tuple[str, ...] | list[str], i: int) -> str | None:
    """The unit a note names ("4. Thu, chi ngân sách (ĐVT: triệu đồng)", "Đơn vị tính: tỷ đồng") when
    running text follows it, not a table: it gives the bare figures of that text their unit."""
    if ":" not in stripped:
        return None  # (a column header: "STT   Chỉ tiêu   ĐVT   KH 2025")
    unit = note_unit(stripped)
    if unit is None:
        return None
    nxt = [x for x in lines[i + 1 : i + 6] if x.strip()][:3]
    return unit if nxt and any(_prose_line(x) for x in nxt) else None


def _note_under_heading(ctx: _Context, heading: str, unit: str | None) -> None:
    """A unit note holds under its heading until a heading of the same rank or higher."""
    rank = _rank(heading)
    if ctx.note_unit is not None and rank <= ctx.note_rank:
        ctx.note_unit, ctx.note_rank = None, 99
    if unit is not None:
        ctx.note_unit, ctx.note_rank = unit, rank


def _table_header(low: str) -> bool:
    """``_TABLE_HEADER.search(low)``, with the plain substring tests first; or a line that is only
    a note of a known unit written "Đơn vị: tỷ đồng" (no "tính": "Đơn vị: UBND xã …" names an office)."""
    if ("đvt" in low or "đơn vị tính" in low) and _TABLE_HEADER.search(low):
        return True
    return "đơn vị" in low and len(low) <= 40 and bool(_NOTE_LINE.fullmatch(low.strip())) and note_unit(low) is not None


# What "đvt" or "đơn vị tính" in a line's lower case is before lower-casing (only "Đ", "V", "T", "Ơ",
# "N" and "Ị" lower-case to those letters): a cheap test first (a search that skips to an "đ").
_UNIT_COLUMN_LOWER = re.compile("đ(?:[vV][tT]|[ơƠ][nN] [vV][ịỊ](?: [tT]| ?:))")
_UNIT_COLUMN_UPPER = re.compile("Đ(?:[vV][tT]|[ơƠ][nN] [vV][ịỊ](?: [tT]| ?:))")


def _unit_column_lines(
    lines: tuple[str, ...] | list[str], joined: str | None = None, starts: list[int] | None = None
) -> frozenset[int]:
    """The indexes of the lines for which ``_may_name_unit_column`` holds, found in two searches
    over the whole text (each skips to an "đ" or "Đ") instead of tests line by line; ``joined`` and
    ``starts`` are ``"\\n".join(lines)`` and ``_line_starts(lines)`` when the caller has them."""
    if joined is None:
        joined = "\n".join(lines)
    places = [m.start() for m in _UNIT_COLUMN_LOWER.finditer(joined)]
    places += [m.start() for m in _UNIT_COLUMN_UPPER.finditer(joined)]
    if not places:
        return frozenset()
    if starts is None:
        starts = _line_starts(lines)
    return frozenset(bisect.bisect_right(starts, at) - 1 for at in places)


def _line_starts(lines: tuple[str, ...] | list[str]) -> list[int]:
    """Where each line starts in ``"\\n".join(lines)`` (and, last, one past its end)."""
    # (the lengths of the lines before, plus one newline after each: summed without a Python loop)
    return list(map(operator.add, itertools.accumulate(map(len, lines), initial=0), range(len(lines) + 1)))


def _lines_holding(joined: str, starts: list[int], needles: str | tuple[str, ...]) -> frozenset[int]:
    """The indexes of the lines of ``joined`` (that start at ``starts``) holding one of the
    ``needles`` (none holds a newline): a search over the whole text for each, which costs less
    than a test of every line (most lines hold none)."""
    found = set()
    last = len(starts) - 1
    for needle in needles:
        at = joined.find(needle)
        while at != -1:
            i = bisect.bisect_right(starts, at) - 1
            found.add(i)
            if i + 1 >= last:
                break
            at = joined.find(needle, starts[i + 1])  # (the next line on)
    return frozenset(found)


def _may_name_unit_column(s: str) -> bool:
    """Whether ``s.lower()`` can hold "đvt", "đơn vị tính" or "đơn vị:"."""
    if "v" not in s and "V" not in s:
        return False  # (both words have a "v")
    return bool(
        ("đ" in s and _UNIT_COLUMN_LOWER.search(s)) or ("Đ" in s and _UNIT_COLUMN_UPPER.search(s))
    )


_ROW_NUMBERED = re.compile(
    r"^\s*(?:[IVX]+|\d+(?:\.\d+)*\.?)\s+(?!(?:Đạt|Vượt|Không đạt|Chưa đạt)\s*$)(?=[^\W\d_])(\w)"
)
_ROW_INDENTED = re.compile(
    r"^\s+(?:\+\s*|-\s*)?(?!Đạt|Không đạt|Chưa đạt|Vượt|Ước|GĐ|Giai đoạn|Trước|Sau)[A-ZĐÀ-Ỹ][^\s\d]*"
)
_ROMAN_ROW = re.compile(r"^\s*[IVX]+\s+\S")


def _numbered_row(raw: str) -> bool:
    m = _ROW_NUMBERED.match(raw)
    return bool(m and m.group(1).isupper())


_BARE_ROW_NUMBER = re.compile(r"\s*\d{1,2}(?:\.\d{1,2})*\.\s*")


def _bare_number_row(lines: Sequence[str], i: int) -> bool:
    """A row number alone on its line ("1.") with the row's name starting on the next line."""
    if not _BARE_ROW_NUMBER.fullmatch(lines[i]):
        return False
    nxt = next((x.strip() for x in lines[i + 1 : i + 4] if x.strip()), "")
    return nxt[:1].isupper()


def _table_row_start(raw: str, in_header: bool = False) -> bool:
    """A line that starts a row of a table whose cells the PDF broke over several lines.

    In the header only a numbered row ("1 Tổng mức …", "I KINH TẾ") ends it; later an
    indented name ("  Trong đó: Doanh thu …") starts a row too.
    """
    if in_header:
        return _numbered_row(raw)
    return _numbered_row(raw) or bool(_ROW_INDENTED.match(raw))


_DOC_TYPE = re.compile(r"(?:báo cáo|nghị quyết|kế hoạch|tờ trình|đề án|chương trình)")


def _title_time(lines: Sequence[str], now: int | None = None) -> tuple[int | None, str | None, int | None]:
    """The one year or period the document's title names, as in "BÁO CÁO" over "Tình hình kinh tế -
    xã hội 9 tháng năm 2023" (a title naming two years names neither), and the index of a title
    written on its document type's own line (read as a heading)."""
    seen = 0  # lines with text so far
    for i, raw in enumerate(lines[:15]):
        head = fold(_clean(raw)).strip(" *#:")
        seen += bool(head)
        if not _DOC_TYPE.fullmatch(head):
            if seen <= 5 and _ONE_LINE_TITLE.match(head):
                # "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025": the
                # document type and its title on one line (not "Kế hoạch số 12/KH-UBND …")
                return (*_time_named(head, now), i)
            continue
        title: list[str] = []
        for nxt in lines[i + 1 : i + 8]:
            cleaned = _clean(nxt)
            if not cleaned.strip():
                if title:
                    break
                continue
            if _heading(cleaned, nxt) or len(title) == 3:
                break
            title.append(cleaned)
        return (*_time_named(fold(" ".join(title)), now), None)
    return None, None, None


def _intro_year(lines, i: int, header: list[str], roles: list[str]) -> int | None:
    """The one year the line leading into a table names ("… chỉ tiêu HĐND phường giao năm 2025, có
    6/8 chỉ tiêu đạt …, cụ thể:"), for rows under a header naming none, when its results are of
    that year: judged against the plan (a verdict column) or beside no plan column."""
    if any(_YEARS.search(h) for h in header) or ("target" in roles and "verdict" not in roles):
        return None
    for k in range(i - 1, max(-1, i - 4), -1):
        line = lines[k].strip()
        if line:
            if not line.endswith(":") or "|" in line or "\t" in line or len(line) > 600:
                return None  # (a line of its own, not one leading into the table: "…, cụ thể:")
            year, period = _time_named(fold(line))
            return year if period is None else None
    return None


def title_year(lines: list[str] | tuple[str, ...]) -> int | None:
    """The one year the document's title names (see ``_title_time``), None when it names none."""
    return _title_time(lines)[0]


# A report's or plan's title on one line, ending with its year: "Báo cáo tình hình thực hiện … năm
# 2025", "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026" (not "Kế hoạch số 12/KH-UBND …", nor a
# resolution named in the text, "Nghị quyết Đại hội …, nhiệm kỳ 2020 – 2025").
_ONE_LINE_TITLE = re.compile(r"(?:báo cáo|kế hoạch)\s+(?!số\b)[a-zà-ỹđ][^\n]{10,200}\snăm\s+(?:19|20)\d\d$")


# A year a plan is for, in a title: "… và nhiệm vụ trọng tâm năm 2026", "phương hướng năm 2026"
_PLANNED_YEAR_BEFORE = re.compile(
    r"(?<![a-zà-ỹđ])(?:" + vocabulary.alternation(vocabulary.PLAN_YEAR_WORDS) + r")(?![a-zà-ỹđ])[^,;()]{0,30}$"
)


def _time_named(text: str, now: int | None = None) -> tuple[int | None, str | None]:
    """The one year or period a (folded) title names (a title naming two years names neither).

    A title reporting on a term's progress names the one year inside the term it reports on
    ("kết quả thực hiện Nghị quyết …, nhiệm kỳ 2025 - 2030, năm thứ nhất (năm 2025) và nhiệm vụ …
    năm 2026"): that year, not the term (whose end is a target's horizon); one naming its progress
    only ("sau 1 năm thực hiện Nghị quyết … nhiệm kỳ 2025 - 2030"), the year of its date ``now``."""
    periods = {f"{a}-{b}" for a, b in _PERIOD.findall(text)}
    if periods:
        if len(periods) != 1:
            return None, None
        period = periods.pop()
        return (year, None) if (year := _year_in_term(text, period, now)) else (None, period)
    years = set(_YEARS.findall(text))
    return (int(years.pop()), None) if len(years) == 1 else (None, None)


_TERM_PROGRESS = re.compile(
    r"(?<![a-zà-ỹđ])(?:" + vocabulary.alternation(vocabulary.TERM_PROGRESS_WORDS) + r")(?![a-zà-ỹđ\d])"
)


def _year_in_term(text: str, period: str, now: int | None = None) -> int | None:
    """The one year a report's (folded) title names inside its term, before the term's end and not
    after a plan's word, else ``now`` (the document's year) when the title names its progress in the
    term ("sau 1 năm", "giữa nhiệm kỳ") and no year; None for a title that reports nothing
    ("Nghị quyết … nhiệm kỳ 2025 - 2030")."""
    if not _RESULT_HEADING.search(_PLAN_DOING.sub(" ", text)):
        return None
    first, last = int(period[:4]), int(period[-4:])
    spans = [m.span() for m in _PERIOD.finditer(text)]
    years = {
        int(m.group())
        for m in _YEARS.finditer(text)
        if not any(a <= m.start() < b for a, b in spans)
        and not _PLANNED_YEAR_BEFORE.search(text, max(0, m.start() - 60), m.start())
    }
    if not years and now is not None and _TERM_PROGRESS.search(text):
        years = {now}
    if len(years) != 1:
        return None
    year = years.pop()
    return year if first <= year < last else None


_NUMBERED_TITLE = re.compile(r"(?:phụ lục|biểu|bảng|mẫu)(?:\s+số)?\s*(?:\d+|[ivx]+)(?![\da-zà-ỹđ])")


def table_title_time(line: str) -> tuple[int | None, str | None] | None:
    """The year or term a table's title names ("Biểu 02. KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2025"
    → (2025, None)): for a title numbered as a table's ("Biểu", "Phụ lục", "Bảng") or a heading in
    capitals that names one year or term; None for any other line (a note, a sentence)."""
    folded = fold(_clean(line)).strip(" *#:")
    if not (_NUMBERED_TITLE.match(folded) or _capitals(line)):
        return None
    year, period = _time_named(folded)
    return (year, period) if year or period else None


def plan_heading_year(line: str) -> int | None:
    """The first year a heading that plans covers: "LỘ TRÌNH THỰC HIỆN … GIAI ĐOẠN 2026 - 2030" →
    2026, "KẾ HOẠCH … NĂM 2026" → 2026 (0: it names none); None for a heading that reports results
    or names the indicators only ("CÁC CHỈ TIÊU CHỦ YẾU")."""
    folded = fold(line)
    if _RESULT_HEADING.search(_PLAN_DOING.sub(" ", folded)) or not _TARGET_HEADING.search(
        _INDICATORS_WORD.sub(" ", folded)
    ):
        return None
    period, year = _PERIOD.search(folded), _HEADING_YEAR.search(folded)
    return int(period.group(1)) if period else int(year.group(1)) if year else 0


def segments(doc: Document) -> list[Segment]:
    """Split a document into segments of running text, each with its heading context.

    Inside an indicator table (from a header naming the unit column, "ĐVT"), each row —
    its cells broken over several lines — becomes one segment with ``table_years`` set.
    """
    out: list[Segment] = []
    ctx = _Context()
    doc_year = document_year(doc.lines)
    ctx.title_year, ctx.title_period, title_line = _title_time(doc.lines, doc_year)
    # An undated document (a congress's draft "Báo cáo chính trị … nhiệm kỳ 2025 - 2030", a copy
    # without its date line) stands at an end of the term its title (the first term its first
    # lines name) is for: the years a term it reports on may end in.
    head_term = (
        next((m for line in doc.lines[:DATE_LINES] if "20" in line for m in _PERIOD.findall(line)), None)
        if doc_year is None
        else None
    )
    head_term_years = (int(head_term[0]), int(head_term[1])) if head_term else ()
    planned_for = plan_year(doc.lines, doc_year)
    reported = report_year(doc.lines)
    ctx.now = doc_year or reported
    headline_term, reported_term = (
        headline_periods(doc.lines) if ctx.title_period is None and ctx.title_year is None else (None, None)
    )
    ctx.year, ctx.period = ctx.title_year, ctx.title_period
    if ctx.year or ctx.period:
        ctx.time_rank = -1
    current: Segment | None = None
    table_years: list[int] | None = None  # None: not in a table
    table_periods: list[str] = []
    table_compare = False
    table_plan = False
    table_plan_after: int | None = None
    header_text = ""
    header: list[str] | None = None  # the header row of the DOCX table being read
    header_only = False  # the last row read was a header (a second one under it merges with it)
    spaced_header: str | None = None  # ... typed with spaces: the line (where its columns start)
    roles: list[str] | None = None
    table_note_unit: str | None = None  # "ĐVT: triệu đồng" above the table of cells being read
    table_intro_year: int | None = None  # ... the one year the sentence introducing it names
    start_note: str | None = None  # ... the note of the numbered heading that started the table
    in_header = False

    pieces: list[str] = []
    length = 0

    def close() -> None:
        nonlocal current, length
        if current is not None:
            current.text = " ".join(pieces)
            if current.text.strip():
                current.folded = fold(current.text)
                out.append(current)
        current = None
        pieces.clear()
        length = 0

    def append(number: int, text: str) -> None:
        nonlocal current, length
        if current is None:
            # (only "năm", "trong", "cả" open with their year: a letter no capital but N, T, C lowers to)
            opener = _TIME_OPENER.match(fold(text[:80])) if "20" in text[:80] or "19" in text[:80] else None
            if opener:
                ctx.opened_year = int(next(filter(None, opener.groups())))
            current = Segment(
                "",
                ctx.mode,
                ctx.domain,
                ctx.period,
                general=ctx.general,
                year=ctx.year,
                doc_year=doc_year,
                head_term_years=head_term_years,
                plan_year=planned_for,
                report_year=reported,
                plan_period=headline_term,
                report_period=reported_term,
                heading_time=bool(ctx.year or ctx.period),
                planned=ctx.planned and ctx.mode == TARGET,
                note_unit=ctx.note_unit,
                # a line going on with a figure or in lower case continues a sentence (broken by a
                # footnote in PDF text), not a paragraph of the opened year
                opened_year=ctx.opened_year if text.lstrip()[:1].isupper() or _BULLET.match(text) else None,
            )
        if pieces:
            length += 1
        current.starts.append(length)
        current.line_numbers.append(number)
        pieces.append(text)
        length += len(text)

    lines = doc.lines
    joined, starts = "\n".join(lines), _line_starts(lines)
    unit_lines = _unit_column_lines(lines, joined, starts)
    # The lines holding a character ``_clean`` acts on (or the start of a footnote or table row),
    # and the lines of cells apart by tabs or wide gaps or by " | ": found in the whole text at once
    marked_lines = _lines_holding(joined, starts, "<[|#>*_\\")
    gap_lines = _lines_holding(joined, starts, ("\t", "   "))
    piped_lines = _lines_holding(joined, starts, (" | ",))
    typed_tables = doc.format != "pdf"  # (PDF text lays words out with runs of spaces)
    for i, raw in enumerate(lines):
        if not raw or raw.isspace():
            continue
        number = i + 1
        if raw[0] == "#" and not out and current is None and _META_COMMENT.match(raw):
            continue  # "# source: https://…", "# retrieved 2026-11-23": a file's note on where it came from
        if (roles is not None or table_years is not None) and len(raw) < 16 and _PAGE_FOOTER.fullmatch(raw):
            continue
        if len(raw) < 12 and _MARKER.fullmatch(raw) and not (
            table_years is not None
            and not in_header
            and current is not None
            and number - current.line_numbers[-1] <= 4  # a page number stands far below the row
        ):
            # (inside a row of a broken table a lone number is a cell, not a footnote marker)
            ctx.opened_year = None  # a footnote's "Năm 2022, …" is no paragraph of the report's
            # A footnote body starts after a marker when the next text starts a sentence.
            nxt = next((x for x in lines[i + 1 : i + 4] if x.strip()), "")
            if nxt and (nxt.strip()[0].isupper() or nxt.strip()[0].isdigit()):
                close()
            continue
        if i in marked_lines:
            starts_footnote = ("<" in raw or "[" in raw) and bool(_FOOTNOTE_START.match(raw))
            cleaned = _clean(raw)
            stripped = cleaned.strip()
            if not stripped:
                continue
            cells_read = False  # (a row of a Markdown table, or with " | " between cells already)
            if len(stripped) > 2 and stripped[0] == "|" and stripped[-1] == "|":
                # A Markdown table row: the same cells a DOCX row gives; the |---| rule is no row.
                cells: list[str] | None
                cells = [c.strip() for c in stripped[1:-1].split("|")]
                if all(_MD_RULE.fullmatch(c) for c in cells):
                    continue
                cleaned = " | ".join(cells)
                stripped = cleaned.strip()
                cells_read = True
            else:
                cells_read = " | " in cleaned
        else:
            # Most lines: no markup, footnote nor Markdown table (no character _clean acts on).
            starts_footnote = cells_read = False
            cleaned = raw
            stripped = raw.strip()
        typed = None  # the line as typed, when its cells are read apart by tabs or spaces
        prose_note = None  # the unit a note on this line names for the prose under it
        if (
            typed_tables
            and not cells_read
            and (i in gap_lines if cleaned is raw else "\t" in cleaned or "   " in cleaned)
        ):
            # A table typed as text: cells apart by tabs or runs of spaces ("Chỉ tiêu    ĐVT    KH năm
            # TH quý III"). Read as cells when the row is such a header or a row under one.
            cells = _spaced_cells(cleaned, len(roles) if roles else None)
            if header_only and spaced_header is not None and cleaned.startswith("   "):
                # a second header row typed with spaces: its labels under the columns they start under
                under = _under_columns(spaced_header, cleaned, len(header or ()))
                if under and not any(_VALUE_IN_CELL.match(c) for c in under):
                    cells = under
            if cells and (
                header_roles(cells) is not None or (roles is not None and len(cells) == len(roles))
            ):
                typed = cleaned
                cleaned = " | ".join(cells)
                stripped = cleaned.strip()
        piped = i in piped_lines if cleaned is raw else " | " in cleaned  # (read once a line)
        # "đvt", "phụ lục": no tone marks that differ by style, so lower case is enough
        if table_years is not None and (
            (stripped[0] in "pP" and stripped[:7].lower() == "phụ lục") or len(stripped) > 140
        ):
            close()
            table_years = None  # the table ended
        if (
            table_years is None
            and not piped
            # (the cheap test first; for a line as written, looked up among those found at once)
            and (i in unit_lines if cleaned is raw else _may_name_unit_column(cleaned))
            and _table_header(cleaned.lower())
            and (prose_note := _prose_unit_note(stripped, lines, i)) is None
        ):
            close()
            _table_title(out, number, ctx)
            table_years, in_header, table_periods, table_compare = [], True, [], False
            header_text = ""
            start_note = None
            if _numbered_row(raw):
                # "2. Chi ngân sách (ĐVT: tỷ đồng)" over a table: its title and note, no row of it
                start_note = note_unit(stripped)
                continue
        if table_years is not None and in_header and piped:
            # "ĐVT: triệu đồng" above a table of cells ("| STT | Nội dung | Dự toán 2025 | …"): a note
            # giving the cells their unit, not the header of a table whose cells broke over lines
            table_note_unit = note_unit(header_text) or start_note
            table_years = None
        if table_years is not None:
            row_start = _table_row_start(raw, in_header) or _bare_number_row(lines, i)
            if in_header and not row_start:
                # the header's labels broke over lines ("Thực hiện 2020-" / "2024"): read them joined
                header_text += " " + stripped
                table_periods = [f"{a}-{b}" for a, b in _PERIOD.findall(header_text)]
                table_compare = bool(_COMPARE_HEADER.search(header_text.lower()))
                table_plan = bool(_PLAN_HEADER.search(header_text.lower()))
                plan_column = _PLAN_COLUMN_YEAR.search(header_text)
                result_word = _RESULT_COLUMN.search(header_text)
                # "Ước TH 2025 | Kế hoạch 2026": next year's plan after this year's results
                table_plan_after = (
                    int(plan_column.group(1))
                    if plan_column is not None and result_word is not None and result_word.start() < plan_column.start()
                    else None
                )
                table_years = [
                    int(y)
                    for y in re.findall(
                        r"(?<![\d-])((?:19|20)\d\d)(?![\d]|\s*[-–])", _PERIOD.sub(" ", header_text)
                    )
                ]
                if (
                    plan_column is not None
                    and int(plan_column.group(1)) in table_years
                    and (table_plan_after is not None or table_years.count(int(plan_column.group(1))) > 1)
                ):
                    # "KH 2024 | TH 2024", "Ước TH 2025 | KH 2026": the plan's year is no result column
                    # (a year named once after "Kế hoạch" may be a column of its own: "Kế hoạch | 2024")
                    table_years.remove(int(plan_column.group(1)))
                continue
            if row_start:
                in_header = False
                close()
                if _ROMAN_ROW.match(raw):
                    ctx.domain = domain_of(fold(cleaned)) or ctx.domain
                append(number, stripped)
                current.table_years = table_years  # type: ignore[union-attr]
                current.table_periods = table_periods  # type: ignore[union-attr]
                current.table_compare = table_compare  # type: ignore[union-attr]
                current.table_plan = table_plan  # type: ignore[union-attr]
                current.table_plan_after = table_plan_after  # type: ignore[union-attr]
                current.table_header = header_text.lower()  # type: ignore[union-attr]
            elif current is not None:
                append(number, stripped)
            continue
        if _heading(cleaned, raw, stripped) or i == title_line:
            close()
            folded = fold(stripped)
            _update(ctx, stripped, folded)
            if ctx.note_unit is not None or prose_note is not None:
                _note_under_heading(ctx, stripped, prose_note)
            seg = Segment(stripped, ctx.mode, ctx.domain, ctx.period, [0], [number], True, folded)
            out.append(seg)
            continue
        if prose_note is not None and _NOTE_LINE.fullmatch(stripped):
            close()  # "ĐVT: triệu đồng" on a line of its own over prose: the unit of the figures below
            ctx.note_unit, ctx.note_rank = prose_note, 99
            continue
        caps = _caps_prefix(cleaned) if not piped and len(cleaned) >= 55 else None  # (shorter: none)
        if caps is not None:
            close()
            folded = fold(caps[0])
            _update(ctx, caps[0], folded)
            if ctx.note_unit is not None:
                _note_under_heading(ctx, caps[0], None)
            seg = Segment(caps[0], ctx.mode, ctx.domain, ctx.period, [0], [number], True, folded)
            out.append(seg)
            cleaned = caps[1]
            stripped, piped = cleaned.strip(), " | " in cleaned
        if piped:
            close()
            cells = cleaned.split(" | ")
            found = header_roles(cells)
            if found is None and header_only and header is not None and len(cells) >= len(header):
                # A second header row under the first ("KH | TH" under "Năm 2024 | Năm 2024"): its
                # labels read together with the merged cell above them.
                if not any(_VALUE_IN_CELL.match(c) for c in cells):
                    found = header_roles(merged := merge_headers(header, cells))
                    if found is not None:
                        cells = merged
            elif found is not None and header_only and header is not None and len(cells) >= len(header):
                merged = merge_headers(header, cells)
                found = header_roles(merged) or found
                cells = merged
            if found is not None:
                if not header_only:
                    _table_title(out, number, ctx)
                    table_intro_year = _intro_year(lines, i, cells, found)
                header, roles, header_only = cells, found, True
                if table_note_unit is None and "measure" in found and _applications_above(lines, i):
                    table_note_unit = "hồ sơ"  # "Kết quả giải quyết hồ sơ …:" over "Tiếp nhận | Trễ hạn"
                spaced_header = typed if typed is not None and "\t" not in typed else None
                continue
            header_only = False
            if roles is not None and len(cells) == len(roles):
                append(number, stripped)
                current.cells, current.header, current.roles = cells, header, roles  # type: ignore[union-attr]
                current.note_unit = table_note_unit  # type: ignore[union-attr]
                if current.year is None:  # type: ignore[union-attr]
                    current.year = table_intro_year  # type: ignore[union-attr]
                close()
                continue
        elif roles is not None and len(stripped) < 24 and _SUB_ROWS_LABEL.fullmatch(stripped.lower()):
            continue  # "Trong đó:" between a row and its sub-rows: the table goes on
        elif roles is not None:
            header = roles = None  # the table ended
            header_only = False
            table_note_unit = None
        if starts_footnote or piped or (not stripped[0].isalpha() or stripped[1:2] == ")") and _BULLET.match(cleaned):
            # (a bullet starts with a mark, a digit, or a letter and ")")
            close()
        append(number, stripped)
        if starts_footnote and doc.format != "pdf":
            close()  # a Markdown or DOCX footnote is one line; in PDF text it wraps
    close()
    return out
