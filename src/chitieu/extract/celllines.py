"""Tables written one cell a line: what a web page or a PDF gives when its table loses its grid.

Owns ``cell_line_tables``: a header of short column labels, one a line, under the name column's
label ("Chỉ tiêu" / "Nội dung" / "Tên chỉ tiêu" / "Danh mục", after an optional "STT")::

    Chỉ tiêu
    Năm 2021
    Năm 2022
    Ước TH 2023
    Tốc độ tăng trưởng kinh tế (GDP) (%)
    7,5
    8,1
    6,9
    - Các ngành dịch vụ tăng (%)
    6,2
    ...

then rows: a name (its unit in parentheses at its end, or in the next line under an "ĐVT"
column), then one value a line. Every filled cell becomes a statement with its column's kind
(KH / kế hoạch / chỉ tiêu / mục tiêu / dự toán → target; TH / thực hiện / ước / a year → result;
"So sánh" / "So KH" / "TH/KH" / "%" → a result in %), year or period, and per_year for average
columns; the row's latest result carries the row's plan as its compared target, and a plan beside
the result of its own year (or the row's only result) is no statement of its own (the contract:
one statement); next year's plan ("Ước TH 2025 | Kế hoạch 2026") is compared with nothing. A row
with fewer values than columns keeps its values but only the years that are certain (the first ones, left to right, are
not: empty cells vanish without a trace), so they get no year.

A cell may be words: a rating ("Xếp loại Khá"), a rank ("Xếp thứ 3/21", "Nằm trong tốp 5") or a
note that is no figure ("Đang cập nhật", "Không đánh giá"); the first two are read as the broken
PDF rows are (``tables._prose_facts``), a note holds its column's place and states nothing.

The reader claims a block only when it fits: at least two column labels and two rows with values.
Whatever it claims is blanked out of the document before the running-text reader sees it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from chitieu.core import vocabulary
from chitieu.core.numbers import normalise_unit
from chitieu.extract.normalise import fold
from chitieu.extract.tables import (
    _AVERAGE_COLUMN,
    _PLANNED_COLUMN,
    COMPARE_COLUMN,
    YEAR_PLAN_COLUMN,
    _cell_mention,
    _per_unit_in_name,
    _prose_facts,
    compared_name,
)

_NAME_LABEL = re.compile(
    r"(?:tên\s+)?(?:các\s+)?(?:chỉ tiêu|tiêu chí|nội dung|danh mục|lĩnh vực|hạng mục)"
    r"(?:\s*/\s*(?:chỉ tiêu|tiêu chí))?(?:\s+chủ yếu)?"  # "Tiêu chí/chỉ tiêu"
)
_STT_LABEL = re.compile(r"stt|tt|số tt|số thứ tự")
# The first letters of the _NAME_LABEL and _STT_LABEL matches ("tên", "các", "chỉ tiêu", "nội dung",
# "danh mục", "lĩnh vực", "hạng mục"; "stt", "tt", "số …"): folding leaves a line's first letter as
# its lower case, so a short line starting otherwise (most: a figure) is no label, with no folding.
_LABEL_FIRST = frozenset("tcndlhs")
_UNIT_LABEL = re.compile(r"đvt|đơn vị(?: tính)?")
_COLUMN_LABEL = re.compile(
    r"(?:đvt|đơn vị tính|đơn vị|kế hoạch|kh|chỉ tiêu|mục tiêu|nghị quyết|nq|dự toán|thực hiện|th|ước|ước tính|ước đạt|năm|"
    r"so sánh|so với|tăng|giảm|tốc độ|bình quân|ghi chú|đánh giá|lũy kế|luỹ kế|cùng kỳ|%|giai đoạn|"
    r"quý|tháng|\d+\s*tháng|kết quả|yêu cầu|mức yêu cầu|mức chuẩn)(?![a-zà-ỹđ])"
    r"|(?:19|20)\d\d"
)
_VALUE = re.compile(
    r"(?:[<>≤≥]|trên|dưới|từ|tối thiểu|tối đa|giảm|tăng|gần|khoảng|hơn)?\s*"
    r"\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*)?\s*(?:%|‰|lần|%/năm)?(?:\s*trở lên)?"
)
_EMPTY = re.compile(r"[-–—x]|\.{1,3}|không|kxđ")
_VERDICT = re.compile(r"(?:không đạt|chưa đạt|vượt|đạt|hoàn thành)")
_UNIT_IN_NAME = re.compile(r"\s*\(([^()]{1,30})\)\s*$")
_ROW_PREFIX = re.compile(r"^\s*(?:[IVX]+\.?\s+|\d+(?:\.\d+)*\.?\s+|[a-zđ][).]\s*|[-+*•]\s*|trong đó\s*:?\s*)+", re.I)
_KNOWN_UNIT = re.compile(
    # a scale word before a count or a currency too: "Nghìn lượt", "Triệu USD", "Nghìn tấn"
    r"[%‰](?:/.*)?|(?:"  # "%/năm": a yearly rate
    + vocabulary.alternation(vocabulary.SCALE_WORDS)
    + r")(?:\s*(?:đồng|usd|"
    + vocabulary.alternation(vocabulary.COUNT_NOUNS + vocabulary.MEASURE_UNITS)
    + r"))?(?:/.*)?|đồng(?:/.*)?|usd|"
    r"tr\.\s?đ(?:ồng)?(?:/.*)?|sp|"  # "Tr.đồng", "SP": the abbreviations of a unit column
    r"(?:" + vocabulary.alternation(vocabulary.COUNT_NOUNS + vocabulary.MEASURE_UNITS) + r")(?:/.*)?"
)
_ROW_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4})\.?")
MAX_LABEL = 40


@dataclass
class Column:
    label: str
    role: str  # "unit", "target", "result", "ratio", "verdict", "other"
    years: list[int]
    per_year: bool


@dataclass
class CellStatement:
    """One filled cell, in the shape ``extractor`` turns into a ``Statement``."""

    kind: str
    name: str
    unit: str | None
    op: str
    low: float | None
    high: float | None
    per_year: bool
    year: int | None
    period: str | None
    target: tuple[str, float | None, float | None] | None
    status: str | None
    line: int
    quote: str


def _role(label: str) -> str:
    f = " ".join(fold(label).split())
    if _UNIT_LABEL.fullmatch(f):
        return "unit"
    if re.search(r"đánh giá|ghi chú", f):
        return "verdict"
    if COMPARE_COLUMN.match(f):
        return "ratio"  # "So KH (%)", "So cùng kỳ (%)", "TH/KH (%)", "Tỷ lệ so với kế hoạch (%)"
    if re.search(r"so sánh|so với|^%|tỷ lệ %|\(%\)", f) and not re.search(r"cùng kỳ", f):
        return "ratio"
    if re.search(r"^(?:tăng|giảm)|tốc độ tăng|cùng kỳ", f):
        return "ratio" if "%" in f else "result"
    if re.search(r"kế hoạch|^kh\b|mục tiêu|nghị quyết|^nq\b|chỉ tiêu|dự toán|yêu cầu|mức chuẩn", f):
        return "target"  # (the standard a criterion requires, "Yêu cầu": the plan it is judged by)
    return "result"


def _column(label: str) -> Column:
    f = fold(label)
    return Column(
        label,
        _role(label),
        [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", f)],
        bool(_AVERAGE_COLUMN.search(f)),
    )


def _is_label(line: str) -> bool:
    s = line.strip()
    f = fold(s)
    compares = COMPARE_COLUMN.match(f) and not re.match(r"tỷ lệ\s+(?:đạt|thực hiện)", f)  # (a row's name: "Tỷ lệ đạt chuẩn …")
    return 0 < len(s) <= MAX_LABEL and bool(_COLUMN_LABEL.match(f) or compares) and not _VALUE.fullmatch(f)


def _is_value(line: str) -> bool:
    f = " ".join(fold(line).split())
    return bool(f) and bool(_VALUE.fullmatch(f) or _EMPTY.fullmatch(f) or _VERDICT.fullmatch(f) or _prose_value(line))


# A cell in words: a rating ("Xếp loại Tốt", "Đạt loại Khá trở lên"), a rank ("Nằm trong tốp 5",
# "Xếp thứ 3/21", "Vị trí thứ 4 huyện, thành phố, thị xã") or a note that is not a figure
# ("Đang cập nhật", "Không đánh giá", "Chưa có số liệu": a filled cell that states nothing).
_PROSE_VALUE = re.compile(
    r"(?P<rating>(?:(?:xếp|đạt|được xếp)\s+)?loại\s+(?P<option>[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?)(?:\s+trở lên)?)"
    r"|(?:(?:nằm trong|thuộc|đạt|xếp|được xếp|đứng|ở|nằm)\s+)?(?:nhóm\s+)?(?:"
    + vocabulary.alternation((*vocabulary.RANK_WORDS, "thứ", "hạng", "vị trí thứ", "vị trí"))
    + r")\s*\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s+trở lên)?(?:\s+[^\d]{0,30})?"
    r"|(?P<note>(?:đang|chưa|không)\s+(?:cập nhật|đánh giá|có số liệu|có|tổng hợp|thống kê|xếp loại|xếp hạng"
    r"|thực hiện|phát sinh)(?:\s+[^\d]{0,20})?)"
)


def _prose_value(line: str) -> bool:
    """A cell in words that stands in a value column (a rating, a rank, a note), not a row's name:
    short, and a rating's option written as one ("Xếp loại Tốt", not "Xếp loại đảng viên")."""
    s = line.strip()
    if not s or len(s) > 45:
        return False
    m = _PROSE_VALUE.fullmatch(" ".join(fold(s).split()))
    if m is None:
        return False
    if m.group("rating"):
        option = re.search(r"loại\s+(\S)", s)
        return bool(option and option.group(1).isupper()) or "trở lên" in m.group(0)
    return True


def _header(lines: list[str], i: int) -> tuple[list[Column], int] | None:
    """The columns of a header starting at line index ``i`` and the index after it."""
    j: int | None
    j = i
    stt = bool(_STT_LABEL.fullmatch(fold(lines[j].strip())))
    if stt:
        j = _next(lines, j)
        if j is None:
            return None
    if not _NAME_LABEL.fullmatch(" ".join(fold(lines[j]).split())):
        return None
    columns: list[Column] = []
    j = _next(lines, j)
    while j is not None and _is_label(lines[j]) and len(columns) < 16:
        after = _next(lines, j)
        label = lines[j].strip()
        if after is not None and _label_rest(label, lines[after]) and _label_ends(lines, after, stt):
            # a label the PDF broke over two lines ("Ước TH" / "2025", "TH/KH" / "(%)"): one label
            label, after = f"{label} {lines[after].strip()}", _next(lines, after)
        elif after is not None and _is_value(lines[after]) and not (stt and _stt_cell(lines, after)):
            break  # a name with its values under it: the first row, not a label
        columns.append(_column(label))
        j = after
    valued = [c for c in columns if c.role not in ("unit", "stt")]
    if len(valued) < 1 or len(columns) < 2 or j is None:
        return None
    if stt:
        columns.insert(0, Column("STT", "stt", [], False))
    return columns, j


_LABEL_REST = re.compile(
    r"(?:19|20)\d\d|\(\s*%\s*\)|\((?:19|20)\d\d\)|\(?(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\)?"
)
# Who set a plan, written under its label: "Nghị quyết" / "ĐH XVII", "Kế hoạch" / "tỉnh giao",
# "Dự toán" / "HĐND", "Chỉ tiêu" / "Đại hội lần thứ XX".
_PLAN_SETTER = re.compile(
    r"(?:đh|đại hội|hđnd|nq)(?:\s+(?:đảng bộ\s+)?(?:lần\s+thứ\s+)?[ivxl]+)?"
    r"|(?:(?:tỉnh|huyện|thành phố|thị xã|cấp trên|hđnd|ubnd)\s+)?giao"
)


def _label_rest(label: str, line: str) -> bool:
    """``line`` is the end of the column label ``label`` broken over two lines: a year or a term
    under a label that names none ("Ước TH" / "2025", "Ước TH" / "2021-2025"), "(%)" under one
    without it ("TH/KH" / "(%)"), or who set a plan under the plan's label ("Nghị quyết" / "ĐH XVII")."""
    rest = line.strip()
    if len(rest) <= 30 and _PLAN_SETTER.fullmatch(" ".join(fold(rest).split())):
        return _role(label) == "target"
    if len(rest) > 13 or not _LABEL_REST.fullmatch(rest):
        return False
    if "%" in rest:
        return "%" not in label
    return not re.search(r"(?:19|20)\d\d", label)


def _label_ends(lines: Sequence[str], j: int, stt: bool) -> bool:
    """After the label's last piece at line ``j``: another label, the first row's number or its name."""
    nxt = _next(lines, j)
    if nxt is None:
        return False
    if stt and _stt_cell(lines, nxt):
        return True
    return not _is_value(lines[nxt])


def _stt_cell(lines: Sequence[str], j: int) -> bool:
    """A row number on its line with the row's name after it (not a value)."""
    nxt = _next(lines, j)
    return bool(_ROW_NUMBER.fullmatch(lines[j].strip())) and nxt is not None and not _is_value(lines[nxt])


def _next(lines: Sequence[str], j: int) -> int | None:
    j += 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j if j < len(lines) else None


def cell_line_tables(lines: tuple[str, ...] | list[str]) -> tuple[list[CellStatement], set[int]]:
    """Statements of every one-cell-a-line table in ``lines``, and the indices of the lines they used."""
    out: list[CellStatement] = []
    used: set[int] = set()
    # The short lines that may be a label starting a header, in one pass (most lines are long or empty)
    short = [
        (i, raw)
        for i, raw in enumerate(map(str.strip, lines))
        if raw and len(raw) <= 30 and raw[0].lower() in _LABEL_FIRST
    ]
    resume = 0  # the lines before it are a table's, read
    for i, raw in short:
        if i < resume or not (
            _NAME_LABEL.fullmatch(" ".join(fold(raw).split())) or _STT_LABEL.fullmatch(fold(raw))
        ):
            continue
        found = _header(list(lines), i)
        if found is None:
            continue
        columns, j = found
        plan_from = _plan_heading(lines, i)
        if plan_from is not None:
            # under a heading that plans ("LỘ TRÌNH … GIAI ĐOẠN 2026 - 2030"), a column headed by a
            # year alone from the plan's first year on is a plan column
            columns = [
                Column(c.label, "target", c.years, c.per_year)
                if c.role == "result" and _BARE_YEAR.fullmatch(fold(c.label).strip()) and c.years[0] >= plan_from
                else c
                for c in columns
            ]
        columns = _years_from_plan(columns)
        statements, end = _rows(lines, j, columns, _note_above(lines, i))
        rows_with_values = len({s.line for s in statements})
        if rows_with_values >= 2 and not any(c.years for c in columns):
            # a table whose columns name no time ("Yêu cầu | Kết quả | Đánh giá", "Kế hoạch | Thực
            # hiện | Tỷ lệ % so KH"): of the year its own title names ("Biểu 02. KẾT QUẢ THỰC HIỆN …
            # NĂM 2025"), else the document's title's, else the document's date's
            year = _table_title_year(lines, i)
            for s in statements:
                if s.year is None and s.period is None and s.kind == "result":
                    s.year = year
        if rows_with_values >= 2:
            out += statements
            used.update(range(i, end))
            resume = end
    return out, used


_BARE_YEAR = re.compile(r"(?:năm\s+)?(?:19|20)\d\d")


def _table_title_year(lines, i: int) -> int | None:
    """The year results of a table at line ``i`` whose columns name none are of: the one year its
    title (within the three lines above it, "Biểu 02. KẾT QUẢ THỰC HIỆN MỘT SỐ CHỈ TIÊU NĂM 2025")
    names, else the one the document's title names, else the one its headline reports on or the year
    of its date (as a table of measures in cells takes, ``extractor``)."""
    from chitieu.extract.evidence import document_year, report_year
    from chitieu.extract.segments import table_title_time, title_year

    seen = 0
    for k in range(i - 1, -1, -1):
        line = lines[k].strip()
        if not line:
            continue
        seen += 1
        if seen > 3 or len(line) > 200:
            break
        found = table_title_time(line)
        if found is not None:
            return found[0]
    return title_year(lines) or report_year(lines) or document_year(lines)


def _years_from_plan(columns: list[Column]) -> list[Column]:
    """Result columns of no year after a plan column of one ("KH năm 2025 | TH 9 tháng | % KH"):
    results of the plan's year (when no result column names a year of its own)."""
    if any(c.years for c in columns if c.role == "result"):
        return columns
    out, plan = [], None
    for c in columns:
        if c.role == "target":
            plan = c.years[0] if len(c.years) == 1 and YEAR_PLAN_COLUMN.match(fold(c.label)) else None
        elif c.role == "result" and plan is not None:
            c = Column(c.label, c.role, [plan], c.per_year)
        out.append(c)
    return out


def _plan_heading(lines, i: int) -> int | None:
    """The first year the heading over a table at line ``i`` plans for (0: any), None when the line
    before the table (within three) is no heading that plans."""
    from chitieu.extract.segments import plan_heading_year

    for k in range(i - 1, max(-1, i - 4), -1):
        if lines[k].strip():
            return plan_heading_year(lines[k]) if len(lines[k]) <= 200 else None
    return None


def _note_above(lines, i: int) -> str | None:
    """The unit a note right above the table at line ``i`` names ("ĐVT: triệu đồng"), else None."""
    from chitieu.extract.segments import note_unit

    for k in range(i - 1, max(-1, i - 3), -1):
        if lines[k].strip():
            line = lines[k]
            return note_unit(line) if len(line) < 80 and ("đ" in line or "Đ" in line) else None
    return None


def _rows(lines, j: int | None, columns: list[Column], note: str | None = None) -> tuple[list[CellStatement], int]:
    out: list[CellStatement] = []
    has_unit = any(c.role == "unit" for c in columns)
    has_stt = any(c.role == "stt" for c in columns)
    valued = [c for c in columns if c.role not in ("unit", "stt")]
    end: int = j  # type: ignore[assignment]  # (a line index on entry)
    row_number: int | None = None  # the number of the row read (its STT cell), when one
    while j is not None:
        name_line = lines[j].strip()
        after = _next(lines, j)
        if len(name_line) < 16 and (_PAGE_FOOTER.fullmatch(name_line) or _page_number(lines, j, after)):
            # the page's furniture between two rows of a table going on over the page: its footer
            # ("Trang 4/6", "- 4 -"), its number and running title, the header repeated on the new page
            j = _after_page_break(lines, j if _PAGE_FOOTER.fullmatch(name_line) else after, len(columns))  # type: ignore[arg-type]
            continue
        if _ROW_NUMBER.fullmatch(name_line) and after is not None and not _is_value(lines[after]):
            j = after  # the STT cell on its own line
            row_number = int(name_line) if name_line.isdigit() else None
            continue
        if _is_value(name_line) or len(name_line) > 150:
            break
        k = _next(lines, j)
        # a long name the PDF wrapped ("Thu ngân sách nhà nước trên" / "địa bàn"): after a line
        # as long as a cell's width, a line starting in lower case, neither a value nor a unit, with
        # the row's unit or values after it (not a header's words one a line: "Thực" / "hiện")
        last = name_line
        for _wrap in range(2):
            if k is None or len(last) < 20 or not lines[k].strip()[:1].islower() or _is_value(lines[k]):
                break
            cont, after_cont = lines[k].strip(), _next(lines, k)
            if len(cont) > 80 or (has_unit and _KNOWN_UNIT.fullmatch(fold(cont))) or after_cont is None:
                break
            nxt = lines[after_cont].strip()
            if not (_is_value(nxt) or (has_unit and len(nxt) <= 20 and _KNOWN_UNIT.fullmatch(fold(nxt)))):
                if _wrap == 1 or not nxt[:1].islower():
                    break
            name_line, last = f"{name_line} {cont}", cont
            k = after_cont
        # (a unit note above the table, "ĐVT: triệu đồng", until the row names its own)
        unit: str | None = note
        m = _UNIT_IN_NAME.search(name_line)
        name = name_line
        if m and _KNOWN_UNIT.fullmatch(fold(m.group(1)).strip()):
            unit, name = normalise_unit(m.group(1)), name_line[: m.start()]
        if has_unit and k is not None and not _is_value(lines[k]) and len(lines[k].strip()) <= 20 and (
            _KNOWN_UNIT.fullmatch(fold(lines[k]).strip())
        ):
            unit = _per_unit_in_name(name_line, normalise_unit(lines[k].strip()))
            k = _next(lines, k)
        cells: list[tuple[int, str]] = []
        while k is not None and _is_value(lines[k]) and len(cells) < len(valued):
            following = _next(lines, k)
            if (
                has_stt
                and _ROW_NUMBER.fullmatch(lines[k].strip())
                and following is not None
                and not _is_value(lines[following])
                and not (  # (the last value before what follows the table: "63" / "Nơi nhận:")
                    row_number is not None and lines[k].strip().isdigit() and int(lines[k]) != row_number + 1
                )
            ):
                break  # the next row's number, not a value of this one
            cells.append((k, lines[k].strip()))
            k = following
        if not cells:
            # a group row ("I. KINH TẾ", "Trong đó:") or the end of the table
            if k is None or not _ROW_PREFIX.match(name_line) and not name_line.isupper():
                break
            end, j = k, k
            continue
        name = _ROW_PREFIX.sub("", name).strip(" :")
        out += _row_cells(name, unit, cells, valued, name_line)
        end = k if k is not None else len(lines)
        j = k
    return out, end


# A page's footer or number: "Trang 4/6", "Trang 4", "Page 4", "- 4 -".
_PAGE_FOOTER = re.compile(r"(?:[Tt]rang|[Pp]age)\s+\d{1,3}(?:\s*/\s*\d{1,3})?|-\s*\d{1,3}\s*-")


def _running_title(lines, j: int) -> bool:
    """Line ``j`` is a page's running title: a line of words written again, as it is, elsewhere."""
    s = lines[j].strip()
    return len(s) >= 15 and not _is_value(s) and lines.count(lines[j]) >= 2


def _page_number(lines, j: int, after: int | None) -> bool:
    """Line ``j`` is a page's bare number: a number alone after an empty line (a row's number
    stands right under the row before it), the page's running title after it."""
    return (
        after is not None
        and lines[j].strip().isdigit()
        and j > 0
        and not lines[j - 1].strip()
        and _running_title(lines, after)
    )


def _after_page_break(lines, j: int, width: int) -> int | None:
    """The line the table goes on at after the page furniture that ends at line ``j``: past its
    running title and its header when the new page repeats it (the same number of columns)."""
    k = _next(lines, j)
    if k is not None and _running_title(lines, k):
        k = _next(lines, k)
    if k is not None and len(lines[k].strip()) <= 30:
        f = " ".join(fold(lines[k]).split())
        if _NAME_LABEL.fullmatch(f) or _STT_LABEL.fullmatch(f):
            again = _header(list(lines), k)
            if again is not None and len(again[0]) == width:
                return again[1]
    return k


def _later_plan(columns: list[Column], n: int) -> tuple[int, int] | None:
    """(the plan's year, the results' latest) when the column nearest left of column ``n`` that is a
    plan or a result is a plan for a year after every result column's, else None."""
    results = [y for c in columns if c.role == "result" for y in c.years]
    for c in reversed(columns[:n]):
        if c.role == "target":
            return (c.years[-1], max(results)) if c.years and results and c.years[-1] > max(results) else None
        if c.role == "result":
            return None
    return None


def _without_empty_notes(cells, columns: list[Column]) -> list[Column]:
    """The columns a row's cells fill when it leaves its last columns of notes empty ("Kế hoạch |
    Thực hiện | Tỷ lệ % so KH | Ghi chú" over "612 / 628,3 / 102,7"): the ones before them, as a
    table with its grid keeps the empty cells in their places; else all of them."""
    notes = 0
    while notes < len(columns) and columns[len(columns) - 1 - notes].role == "verdict":
        notes += 1
    if notes == 0 or len(cells) != len(columns) - notes:
        return columns
    if any(_VERDICT.fullmatch(" ".join(fold(text).split())) for _, text in cells):
        return columns  # (a verdict among the cells: some other cell is missing)
    return columns[: len(cells)]


# A row's name that names its year: "Thu ngân sách nhà nước trên địa bàn năm 2025".
_NAMED_YEAR = re.compile(r"(?<![\d.,])năm\s+((?:19|20)\d\d)(?![\d.,]*\d)")


def _row_cells(name: str, unit: str | None, cells, columns: list[Column], quote: str) -> list[CellStatement]:
    columns = _without_empty_notes(cells, columns)
    aligned = len(cells) == len(columns)
    out: list[CellStatement] = []
    target = None
    results: list[CellStatement] = []
    ratios: list[CellStatement] = []
    plans: list[CellStatement] = []
    status = None
    named = _NAMED_YEAR.findall(fold(name))
    named_year = int(named[0]) if len(named) == 1 else None
    for n, (index, text) in enumerate(cells):
        col = columns[n] if aligned or n == 0 else None
        folded = " ".join(fold(text).split())
        if _VERDICT.fullmatch(folded):
            status = {"không đạt": "khong_dat", "chưa đạt": "khong_dat", "vượt": "vuot"}.get(folded, "dat")
            continue
        role = col.role if col is not None else "result"
        years = col.years if col is not None else []
        if len(years) == 2 and named_year is not None and years[0] <= named_year <= years[1]:
            years = [named_year]  # "Thu nhập bình quân đầu người năm 2025" under "Ước TH 2021-2025"
        if _prose_value(text):
            # a rating or a rank in words, as the broken PDF rows are read; a note gives nothing
            facts = [] if role not in ("target", "result") else _prose_facts(
                text, fold(text), 0, len(text), "target" if role == "target" else "result", name, unit,
                years[0] if len(years) == 1 else None, f"{years[0]}-{years[-1]}" if len(years) == 2 else None)
            for f in facts:
                statement = CellStatement(
                    kind=f["kind"], name=f["name"], unit=f["unit"], op=f["op"], low=f["low"], high=f["high"],
                    per_year=f["per_year"] or (col is not None and col.per_year), year=f["year"], period=f["period"],
                    target=None, status=None, line=index + 1, quote=f"{quote} {text}",
                )
                out.append(statement)
                if role == "target" and statement.op != "qualitative":
                    target = statement
                    plans.append(statement)
                elif role == "result":
                    results.append(statement)
            continue
        m = _cell_mention(text, unit if col is None or col.role != "ratio" else "%")
        if m is None:
            continue
        cell_unit = m.unit or unit
        cell_name = name
        planned: re.Match[str] | tuple[int, int] | None = None
        if role == "ratio":
            cell_unit = "%"
            label = " ".join(re.sub(r"\(?%\)?", "", fold(col.label)).split()) if col is not None else ""
            cell_name = f"{name} {label or 'so với kế hoạch'}"
            if col is not None and COMPARE_COLUMN.match(fold(col.label)):
                cell_name = compared_name(name, col.label)  # "… so với kế hoạch", "… so với cùng kỳ"
            planned = _PLANNED_COLUMN.match(" ".join(fold(col.label).split())) if col is not None else None
            if planned is not None:
                # "KH 2027 so với ước TH 2026 (%)": the growth planned for 2027, a target of that year
                years = [int(planned.group(1))]
                cell_name = f"{name} so với năm {col.years[-1]}" if len(col.years) > 1 else f"{name} (tăng, giảm)"  # type: ignore[union-attr]
            elif aligned and col is not None and not col.years and not re.search(r"cùng kỳ", fold(col.label)):
                later = _later_plan(columns, n)
                if later is not None:
                    # "Thực hiện 2025 | Kế hoạch 2026 | So sánh (%)": next year's plan against this
                    # year's result, the growth planned for that year (a target)
                    planned, years = later, [later[0]]
                    cell_name = f"{name} kế hoạch {later[0]} so với năm {later[1]}"
        statement = CellStatement(
            kind="target" if role == "target" or (role == "ratio" and planned is not None) else "result",
            name=cell_name,
            unit=cell_unit,
            op=m.op,
            low=m.low,
            high=m.high,
            per_year=m.per_year_unit or (col is not None and col.per_year),
            year=years[0] if len(years) == 1 else None,
            period=f"{years[0]}-{years[-1]}" if len(years) == 2 else None,
            target=None,
            status=None,
            line=index + 1,
            quote=f"{quote} {text}",
        )
        out.append(statement)
        if role == "target":
            target = statement
            plans.append(statement)
        elif role == "result":
            results.append(statement)
        elif role == "ratio" and statement.year is None and statement.period is None and COMPARE_COLUMN.match(
            fold(col.label) if col is not None else ""
        ):
            ratios.append(statement)
    if results:
        for r in ratios:  # a comparison of no year of its own: of the row's latest result
            r.year, r.period = results[-1].year, results[-1].period

        def compare(result: CellStatement, plan: CellStatement, merge: bool) -> None:
            if plan.unit in (None, result.unit) and plan.op != "qualitative":
                result.target = (plan.op, plan.low, plan.high)
                if merge and plan in out:
                    out.remove(plan)  # a result quoted beside its plan: one statement

        for r in results[:-1]:  # "2024: KH | TH, 2025: KH | TH": each year's result beside its plan
            own = [p for p in plans if r.year is not None and p.year == r.year]
            if own:
                compare(r, own[-1], True)
        latest = results[-1]
        own = [p for p in plans if latest.year is not None and p.year == latest.year]
        if own:
            compare(latest, own[-1], True)
        elif target is not None and not (
            target.year is not None and latest.year is not None and target.year > latest.year
        ):  # (not "Ước TH 2025 | Kế hoạch 2026": next year's plan is no plan of this year's)
            # the row's only result beside the plan is one statement with it; a term's plan beside
            # a series of years stays a target of its own too
            compare(latest, target, len(results) == 1 or target.year == latest.year)
        latest.status = status
    return out
