"""Indicator tables: DOCX tables read by their header, and PDF tables whose cells broke over lines.

Owns ``header_roles`` and ``parse_cells``: a DOCX row "1 | Tỷ lệ hộ nghèo | % | <2 | 2,1 | 1,8 | Đạt"
read by the roles of its header's columns (name, ĐVT, target, result per year, % of plan, change, verdict).

Owns ``parse_row``: one row of a PDF appendix — "1 Tổng mức bán lẻ … Tỷ đồng 17-19%/năm 2,796
5,164 6,150 116.80 117.08 Đạt" — read as a result: the name, the unit column (ĐVT), the target
column (the first value; an alternative in the row's unit in parentheses wins), the year columns
(the value under the latest year the header names, or an "Ước giai đoạn …: N" cell), and the
verdict column (Đạt / Không đạt / Chưa đạt / Vượt). Numbers in one row share one style
(``column_hint``: "2,796" beside "116.80" is English). A row with no value gives nothing.

Owns the reading of prose cells (``_cell_row``, ``_prose_facts``): a row whose cells are words, one
word a line in PDF text ("Đạt 84,45 điểm, xếp loại Tốt, nằm vị trí thứ 3 …", "Từ 85% trở lên",
"Chưa thành lập"), cut into cells and laid under the header's columns. A cell's figures are
statements; a rating is a qualitative statement whose unit names the option ("xếp loại Tốt",
read by ``core.options.read_ordinal``); a rank has the unit "hạng" (core's rank words: "thứ 3"
→ 3, "nằm trong tốp 3" → at most 3). A note ("Đang cập nhật", "Không đánh giá") states nothing.
"""

from __future__ import annotations

import bisect
import re

from chitieu.core import vocabulary
from chitieu.core.numbers import NumberFormatError, column_hint, normalise_unit, parse_number
from chitieu.core.options import _POSITION_RE as _POSITION_RANK  # core's rank words, not a copy
from chitieu.core.options import _TOP_RE as _TOP_RANK
from chitieu.extract.quantities import PERIOD, find_mentions

_UNIT_CELL = re.compile(
    r"(?<![\w/])(Tỷ đồng|Triệu đồng|Nghìn đồng|Tr\.?đ|%|‰|Hộ|Người/năm|Người|Lao động|Doanh nghiệp|DN|Phường|Xã|"
    r"Ha|ha|Tấn|Km|km|Trường|Sản phẩm|Điểm|Cơ sở|Hồ sơ|Lượt|Lần|HTX|Đảng viên|Tổ chức đảng|Tổ chức|Chi bộ)(?!\w)"
)
_STT = re.compile(r"^\s*(?:[IVX]+(?=\s)|\d+(?:\.\d+)*\.?)?\s*(?:trong đó\s*:?\s*)?[+\-]?\s*", re.I)
_YEAR_CELL = re.compile(r"(?:năm|trước|sau|đến|từ)\s*$")
_FIRST_CELL = re.compile(r"\d|(?<![a-zà-ỹđ])(?:ước|gđ|giai đoạn)(?![a-zà-ỹđ])")
# A cell labelled with its period: "GĐ 2021 - 2024: 419 hộ", "Giai đoạn 2021-2025: ước 600 hộ".
_PERIOD_LABEL = re.compile(
    r"(?:gđ|giai đoạn)?\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*:\s*(?:ước\s*)?$"
)
_COUNT_HEAD = {"Xã", "Phường", "Hộ", "Trường", "Doanh nghiệp", "HTX", "Chi bộ", "Tổ chức"}
# A row of figures broken over more lines than this is read only cell by cell (``_cell_row``): one
# word a line is what a PDF gives of a row of prose cells ("Đạt 84,45 điểm, xếp loại Tốt, …").
SHORT_ROW_LINES = 14
MAX_ROW_LINES = 160  # beyond this a "row" is a page of text the table swallowed: not read
_VERDICT = re.compile(r"(không đạt|chưa đạt|vượt|đạt)(?![a-zà-ỹđ])")
_ESTIMATE = re.compile(r"ước[^:0-9]{0,30}(?:\d{4}\s*[-–]\s*)?(?:\d{4})?\s*:\s*(?:giảm\s*)?")
_STATUS = {"không đạt": "khong_dat", "chưa đạt": "khong_dat", "vượt": "vuot", "đạt": "dat"}


def _family(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = unit.split("/")[0]
    return "đồng" if "đồng" in u else u


def parse_row(
    text: str,
    folded: str,
    years: list[int],
    inherited_unit: str | None,
    periods: list[str] | None = None,
    compare: bool = False,
    line_starts: list[int] | None = None,
    has_plan: bool = False,
) -> dict | None:
    """Read one table row; None when it holds no value to report.

    The dict is the row's main result (the latest value, beside the target and verdict); its
    ``"cells"`` are the row's other filled cells, each a statement of its own: the target column
    (kind target), the earlier years' values, and the comparison columns of the header's periods.
    """
    starts = line_starts or [0]
    by_cell = _cell_row(text, folded, years, inherited_unit, periods or [], compare, starts, has_plan)
    if by_cell is not None or len(starts) > SHORT_ROW_LINES:
        return by_cell
    row = _parse_row(text, folded, years, inherited_unit, periods or [], compare, starts, has_plan)
    if row is not None:
        row.setdefault("cells", [])
    return row


def _target_cells(target, rest: str, mentions, name: str, unit: str | None, rest_at: int) -> list[dict]:
    """The plan column's value(s) as targets: "1,4 - 1,5 lần (85-90 triệu)" holds two."""
    out = []
    for m in mentions:
        if m is target or (m.start < target.start and rest[m.end : target.start].strip() == "("):
            out.append(
                {
                    "kind": "target",
                    "name": name,
                    "unit": m.unit or unit,
                    "op": m.op,
                    "low": m.low,
                    "high": m.high,
                    "year": None,
                    "period": None,
                    "per_year": m.per_year_unit or "/năm" in rest[m.start : m.end + 6],
                    "target": None,
                    "status": None,
                    "at": rest_at + m.start,
                }
            )
    return out


def _parse_row(
    text: str,
    folded: str,
    years: list[int],
    inherited_unit: str | None,
    periods: list[str],
    compare: bool,
    line_starts: list[int],
    has_plan: bool = False,
) -> dict | None:
    body = _STT.match(text)
    start = body.end() if body else 0
    unit_m = None
    unit_end = None  # where the unit cell (or the name's unit) ends
    for cm in _UNIT_CELL.finditer(text, start):
        if cm.start() > start + 2:
            unit_m = cm
            break
    if unit_m is not None:
        name = text[start : unit_m.start()]
        unit = normalise_unit(unit_m.group(1))
        if unit == "người/năm":
            unit = "người"
        rest_at = unit_end = unit_m.end()
    else:
        # the name ends at the first value, or at a cell's label before it ("Ước giai đoạn …: 204 tỷ")
        first_digit = _FIRST_CELL.search(folded, start)
        if first_digit is None:
            return None
        rest_at = first_digit.start()
        name, unit = text[start:rest_at], inherited_unit
        head = _UNIT_CELL.match(text, start)
        if head is not None and head.group(1) in _COUNT_HEAD:
            unit = normalise_unit(head.group(1))  # "Xã đạt chuẩn nông thôn mới": counted in xã
        named = _unit_in_name(" ".join(name.split()))
        if named is not None:  # "Thu nhập bình quân đầu người (triệu đồng) 60 61,5": the name's unit
            name, unit = named
            unit_end = start + len(text[start:rest_at].rstrip())
    name = " ".join(name.split()).strip(" :-–")
    rest = folded[rest_at:]

    def same_line(at: int) -> bool:
        """On the line where the plan (or the name) ends: the first year column, not a later one."""
        anchor = rest_at + (target.end if target is not None else 0)
        return bisect.bisect_right(line_starts, anchor) == bisect.bisect_right(line_starts, rest_at + at)

    verdicts = list(_VERDICT.finditer(rest))
    status = _STATUS[verdicts[-1].group(1)] if verdicts else None
    mentions = [
        m
        for m in find_mentions(rest)
        if not (
            m.bare
            and m.low is not None
            and m.low.is_integer()
            and 1900 <= m.low <= 2100
            and _YEAR_CELL.search(folded[max(0, rest_at + m.start - 12) : rest_at + m.start])
        )
    ]
    if not mentions:
        if status is None:
            return None
        return {**_qualitative(name, status), "at": rest_at + verdicts[-1].start()}
    target = None
    cells: list = mentions  # (the row's mentions, then its cells)
    first = mentions[0]
    # A plain first number is the target column only in a row with a verdict and no more
    # numbers than year columns (a sub-row with every year and comparison filled has none).
    label = _ESTIMATE.search(rest)
    if label is not None and first.start >= label.start():
        pass  # the row's only cell is the estimate ("Ước giai đoạn …: 204 tỷ"): no plan column filled
    elif (
        not first.bare
        or first.op != "="
        or (status is not None and 1 < len(mentions) <= len(years) + 1)
        or (
            # under a header with a plan column, a value right after the unit cell, on its line,
            # fills the plan column (a sub-row's first value on a later line does not)
            has_plan
            and unit_end is not None
            and len(mentions) > 1
            and bisect.bisect_right(line_starts, unit_end) == bisect.bisect_right(line_starts, rest_at + first.start)
        )
    ):
        target, cells = first, mentions[1:]
        if (
            cells
            and rest[: cells[0].start].rstrip().endswith("(")
            and _family(cells[0].unit or unit) == _family(unit)
        ):
            target, cells = (
                cells[0],
                cells[1:],
            )  # "1,4 - 1,5 lần (85-90 triệu)": the alternative in the row's unit
    estimate = _ESTIMATE.search(rest)
    if estimate:
        after = [m for m in mentions if m.start >= estimate.end()]
        if not after:
            return None
        value = after[0]
        period_m = PERIOD.search(rest, estimate.start(), estimate.end() + 12)
        cells = _target_cells(target, rest, mentions, name, unit, rest_at) if target is not None else []
        before = [m for m in mentions if m.bare and m.op == "=" and m is not target and m.end <= estimate.start()]
        for j, m in enumerate(before):  # year columns filled before the estimate for the period
            year = years[j] if j < len(years) and (j > 0 or same_line(m.start)) else None
            cells.append({"kind": "result", "name": name, "unit": unit, "op": "=", "low": m.low,
                          "high": m.high, "year": year, "period": None, "per_year": False, "target": None,
                          "status": None, "at": rest_at + m.start})
        return {
            "cells": cells,
            "name": name,
            "unit": unit,
            "op": value.op,
            "low": value.low,
            "high": value.high,
            "year": None,
            "period": f"{period_m.group(1)}-{period_m.group(2)}" if period_m else None,
            "per_year": value.per_year_unit or (target is not None and target.per_year_unit),
            "target": target,
            "status": status,
            "at": rest_at + value.start,
        }
    labelled = []
    for m in cells:
        lab = _PERIOD_LABEL.search(rest, max(0, m.start - 40), m.start)
        if lab is not None and "ước" not in rest[max(0, lab.start() - 8) : lab.start()]:
            labelled.append((m, f"{lab.group(1)}-{lab.group(2)}"))
    extra_labelled = [
        {"kind": "result", "name": name, "unit": m.unit or unit, "op": m.op, "low": m.low, "high": m.high,
         "year": None, "period": period, "per_year": m.per_year_unit, "target": None, "status": None,
         "at": rest_at + m.start}
        for m, period in labelled
    ]
    plain = [
        m
        for m in cells
        if m.bare and m.op == "=" and m.start < (verdicts[-1].start() if verdicts else len(rest))
    ]
    if not plain:
        return None
    raw = [rest[m.start : m.end].strip() for m in plain]
    hint = column_hint(raw)
    columns = len(years) if years else len(plain)
    index = min(columns, len(plain)) - 1
    year = years[index] if len(plain) >= len(years) and index < len(years) else None
    try:
        row_value = parse_number(raw[index], hint)
    except NumberFormatError:
        return None
    extra = _target_cells(target, rest, mentions, name, unit, rest_at) if target is not None else []
    extra += extra_labelled
    for j, m in enumerate(plain):
        if j == index:
            continue
        try:
            number = parse_number(raw[j], hint)
        except NumberFormatError:
            continue
        cell = {"kind": "result", "name": name, "unit": unit, "op": "=", "low": number, "high": number,
                "year": None, "period": None, "per_year": False, "target": None, "status": None,
                "at": rest_at + m.start}
        if j < index:
            # an earlier year's column: certain only when every year column is filled
            cell["year"] = years[j] if len(plain) >= len(years) and j < len(years) else None
            if cell["year"] is None and j == 0 and years and same_line(m.start):
                # on the row's first line, right after the plan: the first (base year) column
                cell["year"] = years[0]
        else:
            # a column after the years: the header's comparisons, filled from the right
            k = len(periods) - (len(plain) - j)
            cell["period"] = periods[k] if 0 <= k < len(periods) else None
            if compare:
                cell["unit"] = "%"
                cell["name"] = f"{name} (so sánh" + (f" giai đoạn {cell['period']})" if cell["period"] else ")")
        extra.append(cell)
    return {
        "cells": extra,
        "name": name,
        "unit": unit,
        "op": "=",
        "low": row_value,
        "high": row_value,
        "year": year,
        "period": None,
        "per_year": False,
        "target": target,
        "status": status,
        "at": rest_at + plain[index].start,
    }


# --- tables with real cells (DOCX rows "a | b | c") ------------------------------------------

# The two sides of a comparison column that names each one's year ("KH 2026/TH 2025 (%)").
_SIDES = vocabulary.alternation(
    (*vocabulary.COLUMN_ABBREVIATIONS, "kế hoạch", "thực hiện", "ước thực hiện", "dự toán")
)
# A column comparing two figures ("So KH (%)", "So cùng kỳ", "TH/KH (%)", "Tỷ lệ so với kế hoạch"):
# the words in ``vocabulary.COMPARED_WITH_WORDS`` after "so", or two column abbreviations "A/B".
COMPARE_COLUMN = re.compile(
    r"(?<![a-zà-ỹđ])so\s+(?:" + vocabulary.alternation(vocabulary.COMPARED_WITH_WORDS) + r")(?![a-zà-ỹđ])"
    r"|(?<![a-zà-ỹđ])(?:" + vocabulary.alternation(vocabulary.COLUMN_ABBREVIATIONS) + r")\s*/\s*(?:"
    + vocabulary.alternation(vocabulary.COLUMN_ABBREVIATIONS) + r")(?![a-zà-ỹđ])"
    r"|tỷ lệ\s+(?:%|đạt|thực hiện|so)|^%|%\s*(?:kh|kế hoạch)(?![a-zà-ỹđ])"
    # "KH 2026/TH 2025 (%)", "TH 2025/KH 2025": each side with its year
    r"|(?<![a-zà-ỹđ])(?:" + _SIDES + r")\s*(?:năm\s*)?(?:19|20)\d\d\s*/\s*(?:" + _SIDES + r")(?![a-zà-ỹđ])"
)
_PLANNED_COLUMN = re.compile(
    r"(?:" + vocabulary.alternation(vocabulary.PLANNED_COMPARISON_WORDS) + r")\s*(?:năm\s*)?((?:19|20)\d\d)"
    r"\s*(?:so(?![a-zà-ỹđ])|/)"  # ("KH 2026/TH 2025 (%)")
)
_LAST_YEAR_COLUMN = re.compile(
    r"(?<![a-zà-ỹđ])(?:" + vocabulary.alternation(vocabulary.LAST_YEAR_WORDS) + r")(?![a-zà-ỹđ])"
)


def compared_name(name: str, label: str) -> str:
    """The name of a comparison cell: "… so với cùng kỳ" for a column against last year, else
    "… so với kế hoạch"."""
    from chitieu.extract.normalise import fold

    return f"{name} so với cùng kỳ" if _LAST_YEAR_COLUMN.search(fold(label)) else f"{name} so với kế hoạch"


_ROLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stt", re.compile(r"^(?:stt|tt|số tt|số thứ tự)$")),
    ("unit", re.compile(r"^(?:đvt|đơn vị(?: tính)?)$")),
    ("verdict", re.compile(r"đánh giá|kết quả so với")),
    ("change", re.compile(r"^(?:tăng|giảm)\s*(?:[,/-]|hoặc)?\s*(?:giảm|tăng)?\b|^tốc độ tăng")),
    ("ratio", COMPARE_COLUMN),
    ("name", re.compile(r"^(?:(?:tên |các |danh mục )?chỉ tiêu|nội dung|danh mục|lĩnh vực)$")),
    ("target", re.compile(r"kế hoạch|^kh\b|mục tiêu|nghị quyết|^nq\b|chỉ tiêu|dự toán")),
    # (a part of a year is a result too: "6 tháng 2025", "Quý III/2025", "Cùng kỳ 2024" — the same
    # months of the year before; "So sánh cùng kỳ (%)" is a ratio, matched above)
    ("result", re.compile(
        r"thực hiện|^th\b|ước|kết quả|đạt được|lũy kế|luỹ kế|năm \d{4}|^\d{4}$"
        r"|^\d{1,2} tháng(?: đầu năm| năm)? \d{4}$|^quý [ivx1-4]+(?: năm|/)\s*\d{4}$|^cùng kỳ(?: năm)? \d{4}$"
    )),
    ("note", re.compile(r"ghi chú")),
)


_BARE_YEAR_COLUMN = re.compile(r"(?:năm\s+)?((?:19|20)\d\d)")
_UNIT_IN_NAME = re.compile(r"\s*\(([^()\d]{1,30})\)\s*$")


def _unit_in_name(name: str) -> tuple[str, str | None] | None:
    """A name ending in its unit, "Tỷ lệ hộ nghèo (%)", "Số ấp văn hóa (ấp)": (the name, the unit)."""
    from chitieu.extract.celllines import _KNOWN_UNIT
    from chitieu.extract.normalise import fold

    m = _UNIT_IN_NAME.search(name)
    if m is None or not _KNOWN_UNIT.fullmatch(fold(m.group(1)).strip()):
        return None
    return name[: m.start()].strip(" :-–"), normalise_unit(m.group(1).strip())


# a name saying its value is a hectare's ("… thu hoạch/ha đất …", "… trên 1 ha đất canh tác", "bình quân 1 ha")
_MONEY_PER_HA = re.compile(
    r"(?:/\s*(?:1\s+)?|(?:trên|mỗi|một|1|bình quân)\s+(?:1\s+)?)(?:ha|héc ta|hecta)(?![a-zà-ỹđ])"
)


def _per_unit_in_name(name: str, unit: str | None) -> str | None:
    """The unit column's word as the ratio the name gives it: "Số bác sĩ/vạn dân" with "Bác sĩ" →
    "bác sĩ/vạn dân", "Số giường bệnh/vạn dân" with "Giường" → "giường bệnh/vạn dân"."""
    from chitieu.extract.normalise import fold

    if unit and "đồng" in unit and "/" not in unit and "ha" in name and _MONEY_PER_HA.search(fold(name)):
        return f"{unit}/ha"  # "Giá trị sản phẩm thu hoạch/ha đất canh tác" in Tr.đồng: money a hectare
    if not unit or "/" not in name or "/" in unit:
        return unit

    m = re.search(
        r"(?<![a-zà-ỹđ])(" + re.escape(fold(unit)) + r"(?:\s+[a-zà-ỹđ]+)?)"
        r"\s*/\s*((?:\d[\d.]*\s+)?[a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+)?)\s*$",
        fold(name),
    )
    return f"{m.group(1)}/{m.group(2)}" if m else unit


def _same_family(plan_unit: str | None, unit: str | None) -> bool:
    """Whether a plan in ``plan_unit`` is comparable with a result in ``unit`` (as the extractor
    takes a compared target: no unit, or the same family, money in any scale)."""
    if plan_unit is None:
        return True

    def family(u: str) -> str:
        u = u.replace(" ", "")
        return "đồng" if u.startswith(("nghìn", "ngàn", "triệu", "tỷ")) else u

    return family(plan_unit) == family(unit or "")


_VALUE_CELL = re.compile(r"^\s*[<>≤≥]?\s*\d+(?:[.,]\d+)*\s*%?\s*$")
_YEAR_ONLY = re.compile(r"^\s*(?:19|20)\d\d\s*$")


def header_roles(cells: list[str]) -> list[str] | None:
    """The role of each column of a header row, or None when the row is not an indicator header."""
    from chitieu.extract.normalise import fold

    if any(_VALUE_CELL.match(c) and not _YEAR_ONLY.match(c) for c in cells):
        return None  # a row of values, not a header
    roles = []
    for cell in cells:
        c = " ".join(fold(cell).split())
        role = next((r for r, rx in _ROLE_RULES if rx.search(c)), "other")
        roles.append(role)
    if "name" not in roles and roles and roles[0] == "other":
        roles[0] = "name"
    if "stt" in roles and roles.index("stt") == 0 and len(roles) > 1 and roles[1] in ("other", "target"):
        roles[1] = "name"
    if "name" in roles and ({"target", "result"} & set(roles)):
        return roles
    return _measure_roles(cells, roles)


# A column headed by a measure with its unit in brackets ("Diện tích (ha)", "Năng suất (tạ/ha)"),
# no year: a table whose columns are measures of each row's item, not years.
_MEASURE_HEADER = re.compile(r"([^\d()|]{2,40}?)\s*\(([^()\d]{1,20})\)")


# ... or by a count of procedures with no unit written ("Tiếp nhận", "Đã giải quyết", "Số hồ sơ trễ
# hạn"): its unit "hồ sơ" where the header or the table's note says so, else none.
_COUNT_COLUMN = re.compile(
    r"(?:tổng\s+)?(?:số\s+)?(?:hồ sơ\s+)?(?:đã\s+|mới\s+|được\s+)?(?:"
    + vocabulary.alternation(vocabulary.PROCEDURE_COUNT_COLUMNS)
    + r")(?:\s*\(\s*hồ sơ\s*\))?"
)


def _count_column(cell: str) -> bool:
    """Whether a header cell heads a column of counts of procedures ("Tiếp nhận", "Trễ hạn")."""
    from chitieu.extract.normalise import fold

    return bool(_COUNT_COLUMN.fullmatch(" ".join(fold(cell).split())))


def _measure_label(cell: str, note_unit: str | None = None) -> tuple[str, str | None] | None:
    """A measure column's label and unit ("Diện tích (ha)" → ("Diện tích", "ha")), else None; a
    column of counts of procedures ("Tiếp nhận") in "hồ sơ" where its header or ``note_unit`` says so."""
    from chitieu.extract.celllines import _KNOWN_UNIT
    from chitieu.extract.normalise import fold

    m = _MEASURE_HEADER.fullmatch(" ".join(cell.split()))
    if m is None and _count_column(cell):
        label = " ".join(cell.split())
        if "hồ sơ" in fold(label):
            return label.replace("(hồ sơ)", "").replace("(Hồ sơ)", "").strip(), "hồ sơ"
        return label, note_unit if note_unit == "hồ sơ" else None
    if m is None or not _KNOWN_UNIT.fullmatch(fold(m.group(2)).strip()):
        return None
    return m.group(1).strip(" :-–"), normalise_unit(m.group(2).strip())


def _measure_roles(cells: list[str], roles: list[str]) -> list[str] | None:
    """The roles of a header whose columns after the name (and the unit) are measures ("Cây trồng |
    ĐVT | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) | So cùng kỳ (%)"), the comparisons
    after them of the measure before each: None unless two columns at least are measures."""
    if not roles or roles[0] != "name" and roles[:2] != ["stt", "name"]:
        return None
    out = list(roles)
    measures = 0
    first = roles.index("name") + 1
    if _count_column(cells[first - 1]):
        first -= 1  # "Tiếp nhận | Đã giải quyết | …": counts of the whole, no column of names
        out[first] = "other"
        roles = list(out)
    for i in range(first, len(roles)):
        if roles[i] == "unit" and measures == 0:
            continue
        if roles[i] == "other" and _measure_label(cells[i]) is not None:
            out[i] = "measure"
            measures += 1
        elif roles[i] not in ("ratio", "change") or measures == 0:
            return None
    return out if measures >= 2 else None


def _cell_mention(cell: str, unit: str | None):
    from chitieu.extract.normalise import fold

    text = fold(cell.strip())
    if not text or not re.search(r"\d", text):
        return None
    bare = not unit or re.search(r"[%a-zà-ỹđ]\s*$", text)
    found = find_mentions(text + ("" if bare else " " + unit.lower()))  # type: ignore[union-attr]
    if not found and not bare:
        # a bare figure the unit column's word makes look like bait ("Tuổi thọ trung bình | Tuổi |
        # 74,2": no age): the figure alone, in the column's unit
        found = [m for m in find_mentions(text) if m.bare]
    return found[0] if found else None


def parse_cells(
    cells: list[str],
    roles: list[str],
    headers: list[str],
    inherited_unit: str | None,
    plan_from: int | None = None,
    note_unit: str | None = None,
) -> list[dict]:
    """Statements of one DOCX table row under a header with the given column roles.

    ``plan_from``: the row stands under a heading that plans ("LỘ TRÌNH … GIAI ĐOẠN 2026 - 2030"),
    and a column headed by a year alone from this year on is a plan column (0: any year).
    ``note_unit``: the unit a note above the table names ("ĐVT: triệu đồng"), for a row with no
    unit of its own."""
    from chitieu.extract.normalise import fold

    if plan_from is not None:
        roles = [
            "target" if r == "result" and (y := _BARE_YEAR_COLUMN.fullmatch(fold(h).strip())) and int(y.group(1)) >= plan_from
            else r
            for r, h in zip(roles, headers, strict=False)
        ]
    if "measure" in roles:
        return _measure_cells(cells, roles, headers, note_unit)
    headers = _result_years_from_plan(roles, headers)
    get = {role: [c for c, r in zip(cells, roles, strict=False) if r == role] for role in set(roles)}
    name = " ".join(" ".join(get.get("name", [""])).split()).strip(" :-–")
    if not name:
        return []
    unit_cell = (get.get("unit") or [""])[0].strip()
    # no unit cell: the unit the name gives at its end ("Thu nhập bình quân đầu người (triệu
    # đồng)", "Tỷ lệ hộ nghèo (%)"), else the row above's when the table has a unit column
    named = _unit_in_name(name) if not unit_cell else None
    if named is not None:
        name, unit = named
    elif unit_cell:
        unit = _per_unit_in_name(name, normalise_unit(unit_cell))
    else:
        unit = inherited_unit if "unit" in roles else note_unit
    verdict_text = fold(" ".join(get.get("verdict", []) + get.get("note", [])))
    verdicts = list(_VERDICT.finditer(verdict_text))
    status = _STATUS[verdicts[-1].group(1)] if verdicts else None
    out: list[dict] = []
    target: object = None  # (a plan cell's Mention, or a rating's or rank's _Bound)
    plans: list[tuple[list[int], object, dict | None]] = []  # (years, bound, statement) of each plan cell
    for i, (cell, role) in enumerate(zip(cells, roles, strict=False)):
        if role != "target":
            continue
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[i])]
        ordinal = _ordinal_facts(cell, "target", name, unit, years, i)
        if ordinal:
            # "Xếp loại Tốt trở lên", "Nằm trong tốp 5": a rating or a rank, not a figure
            out += ordinal
            ranked = [f for f in ordinal if f["op"] != "qualitative"]
            if ranked:
                target = _Bound(ranked[0]["op"], ranked[0]["low"], ranked[0]["high"], ranked[0]["unit"])
                plans.append((years, target, ranked[0]))
            continue
        found = _cell_mention(cell, unit)
        if found is None:
            continue
        target = found
        # Every filled plan cell is a target of its own (its column's year), unless it is the plan
        # a result of the row is quoted beside (below): then it is that result's compared target.
        statement = _cell_statement("target", name, unit, found, years, None, None, i)
        statement["per_year"] = statement["per_year"] or _average_column(headers[i])
        out.append(statement)
        plans.append((years, found, statement))
    results = [(i, c) for i, (c, r) in enumerate(zip(cells, roles, strict=False)) if r == "result"]
    filled: list[tuple[int, dict]] = []
    for i, c in results:
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[i])]
        ordinal = _ordinal_facts(c, "result", name, unit, years, i)
        if ordinal:
            filled += [(i, f) for f in ordinal]
        elif (m := _cell_mention(c, unit)) is not None:
            statement = _cell_statement("result", name, unit, m, years, None, None, i)
            statement["per_year"] = statement["per_year"] or _average_column(headers[i])
            filled.append((i, statement))

    def compare(result: dict, plan: tuple[list[int], object, dict | None], merge: bool) -> None:
        """The plan as the result's compared target; its own statement gone when ``merge`` (the
        contract's one statement for a result quoted beside its plan)."""
        result["target"] = plan[1]
        if merge and plan[2] is not None and plan[2] in out and _same_family(plan[2]["unit"], result["unit"]):
            out.remove(plan[2])

    if filled:
        for i, statement in filled[:-1]:
            # "Năm 2024: KH | TH, Năm 2025: KH | Ước TH": each year's result beside that year's plan
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[i])]
            own = [p for p in plans if years and p[0] == years]
            if own and statement["op"] != "qualitative":
                compare(statement, own[-1], True)
        # the row's latest result is the one its plan and verdict speak of
        latest_years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[filled[-1][0]])]
        latest = filled[-1][1]
        latest["status"] = status
        own = [p for p in plans if latest_years and p[0] == latest_years]
        if own:
            compare(latest, own[-1], True)
        elif due := [p for p in plans if not (p[0] and latest_years and max(p[0]) > max(latest_years))]:
            # (not "Ước TH 2025 | Kế hoạch 2026": next year's plan is no plan of this year's; the
            # term's plan before the result is, "NQ ĐH 2020-2025 | Kết quả 2025 | Mục tiêu 2030")
            # the row's only result beside the plan is one statement with it; a term's plan beside
            # a series of years stays a target of its own too
            compare(latest, due[-1], len(filled) == 1 or due[-1][0] == latest_years)
    out += [statement for _i, statement in filled]
    for i, (cell, role) in enumerate(zip(cells, roles, strict=False)):
        if role == "ratio" and (m := _cell_mention(cell, "%")) is not None and m.unit == "%":
            # of no year of its own: the comparison of the row's latest result
            own_years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[i])]
            of = own_years or ([int(y) for y in re.findall(r"(?:19|20)\d\d", headers[filled[-1][0]])] if filled else [])
            planned = _PLANNED_COLUMN.match(" ".join(fold(headers[i]).split()))
            if planned is not None:
                # "KH 2027 so với ước TH 2026 (%)": the growth planned for 2027, a target of that year
                compared = f"{name} so với năm {own_years[-1]}" if len(own_years) > 1 else f"{name} (tăng, giảm)"
                out.append({**_cell_statement("target", compared, "%", m, [int(planned.group(1))], None, None, i),
                            "compare": True})
                continue
            later = _later_plan(roles, headers, i, of)
            if later is not None and not own_years and not _LAST_YEAR_COLUMN.search(fold(headers[i])):
                # "Thực hiện 2025 | Kế hoạch 2026 | So sánh (%)": next year's plan against this year's
                # result, the growth planned for that year (a target), not the result against its plan
                compared = f"{name} kế hoạch {later} so với năm {max(of)}"
                out.append({**_cell_statement("target", compared, "%", m, [later], None, None, i), "compare": True})
                continue
            compared = compared_name(name, headers[i])
            # the row's verdict judges its result against the plan, so the share of the plan too
            # ("KH | TH | So sánh (%) | Đánh giá: Vượt"); not a comparison with last year
            judged = status if not _LAST_YEAR_COLUMN.search(fold(headers[i])) else None
            out.append({**_cell_statement("result", compared, "%", m, of, None, None, i),
                        "compare": True, "status": judged})
        if role == "change" and (m := _cell_mention(cell, "%" if "%" in headers[i] else unit)) is not None:
            # "Tăng, giảm (%)": the change the row's latest result makes
            change_years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[filled[-1][0]])] if filled else []
            out.append(
                {**_cell_statement("result", f"{name} (tăng, giảm)", m.unit, m, change_years[-1:], None, None, i),
                 "compare": True}
            )
    if not filled and status is not None and "result" in roles:
        out.append({"kind": "result", **_qualitative(name, status), "cell": 0})
    return out


def _measure_cells(cells: list[str], roles: list[str], headers: list[str], note_unit: str | None = None) -> list[dict]:
    """A row under measure columns: each filled cell a result, named by its column's measure and
    the row's item ("Diện tích" and "Lúa": "Diện tích lúa"), in the unit the column's brackets give;
    a comparison column ("So cùng kỳ (%)") compares the measure before it. Of no year of its own.
    A table with no column of names ("Tiếp nhận | Đã giải quyết | …") names each cell by its column."""
    item = " ".join(" ".join(c for c, r in zip(cells, roles, strict=False) if r == "name").split()).strip(" :-–")
    if not item and "name" in roles:
        return []
    if item[1:2].islower():
        item = item[0].lower() + item[1:]  # ("Lúa" → "lúa"; "THCS" stays)
    out: list[dict] = []
    last = None  # the name of the measure left of a comparison
    for i, (cell, role) in enumerate(zip(cells, roles, strict=False)):
        if role == "measure":
            label, unit = _measure_label(headers[i], note_unit)  # type: ignore[misc]
            last = f"{label} {item}".strip()
            if (m := _cell_mention(cell, unit)) is not None:
                out.append(_cell_statement("result", last, unit, m, [], None, None, i))
        elif role in ("ratio", "change") and last is not None:
            unit = "%" if role == "ratio" or "%" in headers[i] else None
            if (m := _cell_mention(cell, unit)) is not None and (role == "change" or m.unit == "%"):
                name = compared_name(last, headers[i]) if role == "ratio" else f"{last} (tăng, giảm)"
                out.append({**_cell_statement("result", name, m.unit, m, [], None, None, i), "compare": True})
    for statement in out:
        statement["measure"] = True
    return out


# A plan column for one year ("KH năm 2025", "Kế hoạch 2026", "Dự toán 2025"), not a term's goal
# ("Mục tiêu 2030", "Chỉ tiêu NQ đến năm 2030").
YEAR_PLAN_COLUMN = re.compile(
    r"\s*(?:kế hoạch|kh|dự toán|dt)\s*(?:giao\s*)?(?:năm\s*)?(?:19|20)\d\d\s*(?:\([^()]*\)\s*)?$"
)


def _result_years_from_plan(roles: list[str], headers: list[str]) -> list[str]:
    """The header with a result column of no year after a plan column of one ("KH năm 2025 | TH 9
    tháng | So KH (%)") given the plan's year, when no result column names a year of its own."""
    from chitieu.extract.normalise import fold

    result_years = [re.search(r"(?:19|20)\d\d", h) for h, r in zip(headers, roles, strict=False) if r == "result"]
    if not result_years or any(result_years):
        return headers
    out, plan = [], None
    for h, r in zip(headers, roles, strict=False):
        if r == "target":
            years = re.findall(r"(?:19|20)\d\d", h)
            plan = years[0] if len(years) == 1 and YEAR_PLAN_COLUMN.match(fold(h)) else None
        elif r == "result" and plan is not None:
            h = f"{h} ({plan})"
        out.append(h)
    return out + headers[len(out) :]


def _later_plan(roles: list[str], headers: list[str], i: int, result_years: list[int]) -> int | None:
    """The year of the plan column nearest left of column ``i`` when it plans a year after the
    results' (``result_years``), else None."""
    if not result_years:
        return None
    for j in range(min(i, len(roles)) - 1, -1, -1):
        if roles[j] == "target":
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[j])]
            return years[-1] if years and years[-1] > max(result_years) else None
        if roles[j] == "result":
            return None  # a result between the plan and the comparison: the comparison is its
    return None


_AVERAGE_COLUMN = re.compile(
    vocabulary.alternation(
        vocabulary.horizon_words(vocabulary.AVERAGE) + vocabulary.horizon_words(vocabulary.EACH_YEAR)
    )
    + r"|/\s*năm"
)


def _average_column(header: str) -> bool:
    """A column of yearly averages ("Tăng bình quân/năm (%)"): its values are per year."""
    from chitieu.extract.normalise import fold

    return bool(_AVERAGE_COLUMN.search(fold(header)))


def _qualitative(name: str, status: str) -> dict:
    """A verdict with no number ("Đạt" beside a standard)."""
    return {"name": name, "unit": None, "op": "qualitative", "low": None, "high": None, "year": None,
            "period": None, "per_year": False, "target": None, "status": status}


def _cell_statement(kind, name, unit, m, years, target, status, cell) -> dict:
    return {
        "kind": kind,
        "name": name,
        "unit": m.unit or unit,
        "op": m.op,
        "low": m.low,
        "high": m.high,
        "year": years[-1] if len(years) == 1 else None,
        "period": f"{years[0]}-{years[-1]}" if len(years) == 2 else None,
        "per_year": m.per_year_unit,
        "target": target,
        "status": status,
        "cell": cell,
    }


# --- rows with prose cells (PDF text, one word a line) ------------------------------------
#
# "1. Chỉ số cải cách hành chính (PAR INDEX) hằng năm | Đạt loại tốt, nằm trong tốp 3 … | Đạt
# 84,45 điểm, xếp loại Tốt, nằm vị trí thứ 3 … | … | Năm 2022 không nằm trong top 3 …": the PDF
# gives the cells one word a line, with no mark of where a cell ends. A line opens a new cell
# unless it goes on with the one before (it starts in lower case or with "(", or the line
# before ends with a word that wants what follows: "Đạt" / "84,45", "xếp loại" / "Tốt,").
# Figures on one line are one cell each; a run of spaces between them is an empty cell, and "-"
# fills a cell with nothing. The cells are then laid under the header's columns: the plan, the
# years, the periods, and the comparison ("So sánh với chỉ tiêu NQ") last.

_Cell = tuple[str, int, int]  # (kind, start, end) of a cell in the row's text
_NUMBER = r"\d+(?:[.,]\d+)*"
_NUMBER_CELL = re.compile(
    rf"[<>≤≥]?\s*{_NUMBER}(?:\s*[%‰])?(?:\s*[-–]\s*{_NUMBER}(?:\s*[%‰])?)?(?:\s*lần|\s*/\s*năm)?(?![\w%‰])"
)
_DASH_CELL = re.compile(r"[-–—x](?=\s|$)")
# the last word of a line that wants the next line in the same cell ("Đạt" / "84,45")
_WANTS_MORE = frozenset(
    w.split()[-1]
    for w in (
        *vocabulary.BOUND_WORDS,
        *vocabulary.CHANGE_WORDS,
        *(x for x in vocabulary.LEVEL_WORDS if " " in x or x == "còn"),
        *vocabulary.RANK_WORDS,
        "đạt", "đạt được", "xếp loại", "đạt loại", "loại", "thứ", "vị trí", "hạng", "là", "ở", "mức", "với", "và",
    )  # fmt: skip
    if w.split()[-1] not in ("lên", "xuống")  # "trở lên" ends a cell
)
# A cell the older row reader knows how to read: an estimate or period label, a parenthesis.
_LABEL_CELL = re.compile(r"(?:ước|gđ|giai đoạn|trước|sau|trong đó)(?![a-zà-ỹđ])|\(")
_EACH_YEAR_NAME = re.compile(
    vocabulary.alternation(vocabulary.horizon_words(vocabulary.EACH_YEAR) + vocabulary.horizon_words(vocabulary.AVERAGE))
)
# "xếp loại Tốt", "đạt loại khá trở lên", "xếp loại Xuất sắc": the option is the one or two words
# after "loại", up to a comma or the words that go on with the sentence
_RATING = re.compile(
    r"(?<![a-zà-ỹđ])(?:xếp loại|đạt loại|loại)\s+"
    r"([a-zà-ỹđ]+(?:\s+(?!(?:trở|và|nằm|đứng|xếp|năm|trong|của|các)(?![a-zà-ỹđ]))[a-zà-ỹđ]+)?)"
    r"(?:\s+(trở lên))?(?![a-zà-ỹđ])"
)
_NEGATED = re.compile(r"(?:không|chưa)\s+(?:[a-zà-ỹđ]+\s+){0,2}$")
_MISSED = re.compile(
    r"(?<![a-zà-ỹđ])(?:(?:không|chưa)\s+(?:đạt|hoàn thành|thành lập|nằm trong|thực hiện được|có)|mới đạt|mới thực hiện)"
    r"(?![a-zà-ỹđ])"
)
_MET = re.compile(r"(?<![a-zà-ỹđ])(?:(?P<over>vượt)|đạt|hoàn thành)(?![a-zà-ỹđ])")
_YEAR_NAMED = re.compile(r"(?<![\d])((?:19|20)\d\d)(?![\d])")
_PAREN_COUNT = re.compile(r"\(\s*(" + _NUMBER + r")\s*\)")


def _unit_cell_at(text: str, at: int, end: int | None = None):
    """A unit cell (ĐVT) at ``at`` or after it, before ``end``: followed by a figure, a dash, a
    new cell or nothing (so that "%" inside "Từ 85% trở lên" is no unit cell)."""
    for m in _UNIT_CELL.finditer(text, at, end if end is not None else len(text)):
        if m.start() > 0 and not text[m.start() - 1].isspace():
            continue
        after = text[m.end() :].lstrip()
        if not after or after[0].isdigit() or after[0] in "-–—<>≤≥" or after[0].isupper():
            return m
    return None


def _split_cells(text: str, folded: str, at: int, starts: list[int]) -> list[_Cell]:
    """The cells of a row's text from ``at``: ("number" | "dash" | "empty" | "prose", start, end)."""
    ends = sorted({s - 1 for s in starts[1:]} | {len(text)})  # where each line ends (before the joining space)
    line_start = set(starts)
    cells: list[_Cell] = []
    i, n = at, len(text)

    def piece_end(pos: int) -> int:
        return ends[bisect.bisect_left(ends, pos)]

    while i < n:
        j = i
        while j < n and text[j] == " ":
            j += 1
        if j >= n:
            break
        if j - i >= 2 and j not in line_start and cells and cells[-1][0] != "prose":
            cells += [("empty", j, j)] * (j - i - 1)  # figures apart by a run of spaces: empty cells
        i = j
        if i in line_start and cells and cells[-1][0] == "prose":
            before = folded[cells[-1][1] : cells[-1][2]].rstrip()
            last = before.split()[-1] if before.split() else ""
            if (
                text[i].islower()
                or text[i] == "("
                or before.count("(") > before.count(")")  # "(PAR" / "INDEX) của huyện"
                or (last[-1:].isalnum() and last in _WANTS_MORE)
            ):
                end = piece_end(i)
                cells[-1] = ("prose", cells[-1][1], end)  # the cell goes on
                i = end
                continue
        m = _NUMBER_CELL.match(text, i)
        if m is not None:
            rest = text[m.end() : piece_end(i)].lstrip()
            if rest[:1].islower():  # "426 người/năm": a figure with its words is one cell
                end = piece_end(i)
                cells.append(("prose", i, end))
                i = end
                continue
            cells.append(("number", i, m.end()))
            i = m.end()
            continue
        d = _DASH_CELL.match(text, i)
        if d is not None:
            cells.append(("dash", i, d.end()))
            i = d.end()
            continue
        end = piece_end(i)
        cells.append(("prose", i, end))
        i = end
    return cells


def _cell_row(
    text: str,
    folded: str,
    years: list[int],
    inherited_unit: str | None,
    periods: list[str],
    compare: bool,
    starts: list[int],
    has_plan: bool,
    at: int | None = None,
) -> dict | None:
    """A row read cell by cell, when it has a prose cell (or is too long to read otherwise);
    None when it has none, when a cell is one the older reader reads (an "Ước …:" label), or
    when its cells do not fit the header's columns."""
    if at is None:
        body = _STT.match(text)
        at = body.end() if body else 0
    unit_m = _unit_cell_at(text, at + 2)
    if unit_m is not None and any(at < s <= unit_m.start() for s in starts) and not text[at].isupper():
        unit_m = None
    if unit_m is not None:
        name_end, value_at = unit_m.start(), unit_m.end()
        unit = normalise_unit(unit_m.group(1))
        cells = _split_cells(text, folded, value_at, starts)
    else:
        cells = _split_cells(text, folded, at, starts)
        if not cells or cells[0][0] != "prose":
            return None
        name_end, unit = cells[0][2], inherited_unit
        cells = cells[1:]
    name = " ".join(text[at:name_end].split()).strip(" :-–")
    kinds = [_cell_kind(folded, c) for c in cells]
    if not name or any(k == "label" for k in kinds):
        return None
    if "prose" not in kinds and len(starts) <= SHORT_ROW_LINES:
        return None  # figures only: the older reader's
    columns: list[tuple[str, object]] = [("plan", None)] if has_plan else []
    columns += [("year", y) for y in years] + [("period", p) for p in periods]
    if compare:
        columns.append(("compare", None))
    # the next row, run into this one: a name with its unit cell after it
    split = next(
        (
            k
            for k in range(1, len(cells))
            if kinds[k] == "prose"
            and (k >= len(columns) or (k + 1 < len(cells) and _unit_cell_at(text, cells[k + 1][1], cells[k + 1][2] + 1)))
        ),
        None,
    )
    following = None
    if split is not None:
        following = _cell_row(text, folded, years, unit, periods, compare, starts, has_plan, at=cells[split][1])
        cells, kinds = cells[:split], kinds[:split]
    if len(cells) > len(columns) or not cells:
        return following
    placed: list[tuple[tuple[str, object], _Cell, str]] = []
    if len(cells) < len(columns) and compare and kinds[-1] in ("verdict", "prose") and _judges(folded, cells[-1]):
        placed.append((columns[-1], cells[-1], kinds[-1]))
        cells, kinds = cells[:-1], kinds[:-1]
    placed = [(columns[k], c, kinds[k]) for k, c in enumerate(cells)] + placed
    out = _cell_statements(text, folded, name, unit, placed)
    if following is not None:
        out += [following, *following.pop("cells")]
    if not out:
        return None
    out.sort(key=lambda c: c["at"])
    return {**out[0], "cells": out[1:]}


def _cell_kind(folded: str, cell: _Cell) -> str:
    kind, a, b = cell
    if kind != "prose":
        return kind
    words = " ".join(folded[a:b].split()).strip(" .;,")
    if _VERDICT.fullmatch(words):
        return "verdict"
    if _LABEL_CELL.match(words):
        return "label"
    return "prose"


def _judges(folded: str, cell: _Cell) -> bool:
    """A cell that says how the row did against its plan ("Vượt", "Mới đạt được 40% KH cả NK",
    "Năm 2022 không nằm trong top 3"), as the comparison column does."""
    words = folded[cell[1] : cell[2]]
    return bool(_MISSED.search(words) or _MET.match(words.strip()) or re.search(r"(?<![a-zà-ỹđ])(?:kh|kế hoạch|chỉ tiêu|nq)(?![a-zà-ỹđ])", words))


def _cell_statements(text: str, folded: str, name: str, unit: str | None, placed) -> list[dict]:
    """The statements of a row's cells, each under its column."""
    from chitieu.extract.normalise import fold

    each_year = bool(_EACH_YEAR_NAME.search(fold(name)))  # "Chỉ số … hằng năm": its plan holds every year
    out: list[dict] = []
    plans: list[dict] = []  # what the plan cell asks: a figure, a rating, a rank
    verdicts: list[tuple[str, int | None, str, int]] = []  # (status, year named, cell words, where)
    for (column, key), (kind, a, b), cell_kind in placed:
        if kind in ("empty", "dash"):
            continue
        words = folded[a:b]
        if column == "compare":
            status = _status_of(words)
            if status is not None:
                named_year = _YEAR_NAMED.search(words)
                verdicts.append((status, int(named_year.group(1)) if named_year else None, words, a))
            if cell_kind == "prose":
                for m in find_mentions(words):
                    if m.unit == "%":
                        out.append(_fact("result", f"{name} so với kế hoạch", "%", m.op, m.low, m.high, None, None,
                                         False, a + m.start, status))
            continue
        year = key if column == "year" else None
        period = key if column == "period" else None
        statement_kind = "target" if column == "plan" else "result"
        if kind == "number":
            m = _cell_mention(text[a:b], unit)
            if m is None:
                continue
            own = text[a:b].rstrip()[-1:].isdigit()  # a bare figure: the row's unit (ĐVT) is its unit
            fact = _fact(statement_kind, name, unit if own and unit else m.unit or unit, m.op, m.low, m.high, year,
                         period, statement_kind == "target" and (m.per_year_unit or each_year), a)
            out.append(fact)
            if column == "plan":
                plans.append(fact)
            continue
        facts = _prose_facts(text, folded, a, b, statement_kind, name, unit, year, period)
        for f in facts:
            f["per_year"] = f["per_year"] or (statement_kind == "target" and each_year)
        out += facts
        if column == "plan":
            plans += facts

    def measured_as(plan: dict | None, f: dict) -> bool:
        """A result of the measure the plan sets: a rating for a rating, a rank for a rank."""
        if plan is None:
            return f["op"] != "qualitative" and f["name"] == name
        if (plan["unit"] or "").startswith("xếp loại"):
            return (f["unit"] or "").startswith("xếp loại")
        return f["unit"] == plan["unit"] and f["op"] != "qualitative"

    results = [f for f in out if f["kind"] == "result" and measured_as(plans[0] if plans else None, f)]
    for status, year, words, where in verdicts:
        if year is not None:
            # "Năm 2022 không nằm trong top 3": the year it names, its rank if it speaks of one
            ranked = re.search(r"(?:tốp|top|vị trí|thứ hạng|hạng)", words)
            named = [f for f in out if f["kind"] == "result" and f["year"] == year]
            chosen = [f for f in named if f["unit"] == "hạng"] if ranked else named
            if chosen or named:
                (chosen or named)[0]["status"] = status
                continue
        if results:
            # the row's total for the period, else its latest year, is what the plan is compared with
            latest = next((f for f in reversed(results) if f["period"] is not None), results[-1])
            latest["status"] = latest["status"] or status
        elif not any(f["kind"] == "result" for f in out):
            out.append({"kind": "result", **_qualitative(name, status), "at": where})
    for plan in plans:
        if plan["op"] == "qualitative":
            continue
        same = [f for f in out if f["kind"] == "result" and f["unit"] == plan["unit"] and f["op"] != "qualitative"
                and f["name"] in (name, plan["name"])]
        if same:
            latest = next((f for f in reversed(same) if f["period"] is not None), same[-1])
            latest["target"] = _Bound(plan["op"], plan["low"], plan["high"], plan["unit"])
    return out


class _Bound:
    """A plan cell as the row reader's target (what ``Mention`` gives it: op, low, high, unit)."""

    __slots__ = ("op", "low", "high", "unit")

    def __init__(self, op, low, high, unit) -> None:
        self.op, self.low, self.high, self.unit = op, low, high, unit


def _status_of(words: str) -> str | None:
    if _MISSED.search(words):
        return "khong_dat"
    m = _MET.match(words.strip())
    if m is not None:
        return "vuot" if m.group("over") else "dat"
    return None


def _fact(kind, name, unit, op, low, high, year, period, per_year, at, status=None) -> dict:
    return {"kind": kind, "name": name, "unit": unit, "op": op, "low": low, "high": high, "year": year,
            "period": period, "per_year": bool(per_year), "target": None, "status": status, "at": at}


def _ordinal_facts(cell: str, kind: str, name: str, unit: str | None, years: list[int], index: int) -> list[dict]:
    """A table cell that names a rating or a rank ("Xếp loại Khá", "Xếp thứ 7/19", "Nằm trong tốp
    5"), as its statements under the column's year; [] for any other cell."""
    from chitieu.extract.normalise import fold

    folded = fold(cell)
    if not (_RATING.search(folded) or _TOP_RANK.search(folded) or _POSITION_RANK.search(folded)):
        return []
    year = years[-1] if len(years) == 1 else None
    period = f"{years[0]}-{years[-1]}" if len(years) == 2 else None
    facts = _prose_facts(cell, folded, 0, len(cell), kind, name, unit, year, period)
    for f in facts:
        del f["at"]  # a cell of a real table: its row's line
        f["cell"] = index
    return facts


def _named(prefix: str, name: str) -> str:
    """The name of a row's rating or rank: "Xếp loại chỉ số …" ("Chỉ số …" lower-cased after the
    prefix; an acronym such as "GRDP …" stays), or the row's own name when it says so already."""
    from chitieu.extract.normalise import fold

    if prefix.lower() in fold(name):
        return name
    return f"{prefix} {name if name[:2].isupper() else name[:1].lower() + name[1:]}"


def _prose_facts(text, folded, a, b, kind, name, unit, year, period) -> list[dict]:
    """What a prose cell states: its figures ("Đạt 84,45 điểm", "Từ 85% trở lên", "3% tổng số
    đảng viên (66)"), its rating ("xếp loại Tốt": the unit says the option, as core reads it) and
    its rank ("vị trí thứ 3" → 3; "nằm trong tốp 3" → at most 3; a rank is 1 for the best). A
    note that is not a figure ("Không đánh giá", "Đang cập nhật") states nothing."""
    words = folded[a:b]
    out: list[dict] = []
    ordinal = bool(_RATING.search(words) or _TOP_RANK.search(words) or _POSITION_RANK.search(words))
    for m in find_mentions(words):
        if m.unit is None and (ordinal or m.denominator or unit is None):
            continue  # "đứng thứ 6/9": the rank's, read below; a bare figure counts in the row's unit only
        cell_unit = m.unit or unit
        cell_name = name
        if m.role == "plan_ratio":
            cell_name = f"{name} so với kế hoạch"
        elif m.unit == "%" and unit not in (None, "%"):
            cell_name = f"{name} (tỷ lệ)"
        out.append(_fact(kind, cell_name, cell_unit, m.op, m.low, m.high, year, period, m.per_year_unit, a + m.start))
    count = _PAREN_COUNT.search(words)
    if count is not None and unit not in (None, "%"):  # "3% tổng số đảng viên (66)": the count, in the row's unit
        value = float(count.group(1).replace(".", "").replace(",", "."))
        out.append(_fact(kind, name, unit, "=", value, value, year, period, False, a + count.start(1)))
    for rm in _RATING.finditer(words):
        if _NEGATED.search(words[: rm.start()]):
            continue
        option = text[a + rm.start(1) : a + rm.end(1)]
        option = option[:1].upper() + option[1:].lower()
        label = f"xếp loại {option}" + (" trở lên" if rm.group(2) else "")
        out.append(_fact(kind, _named("Xếp loại", name), label, "qualitative", None, None, year, period,
                         False, a + rm.start(1)))
    for rx, op in ((_TOP_RANK, "<="), (_POSITION_RANK, "=")):
        for rm in rx.finditer(words):
            if _NEGATED.search(words[: rm.start()]):
                continue  # "không nằm trong top 3": a verdict, not a rank
            n = float(rm.group(1))
            out.append(_fact(kind, _named("Thứ hạng", name), "hạng", op, None if op == "<=" else n, n, year,
                             period, False, a + rm.start(1)))
    return out
