"""Indicator tables: DOCX tables read by their header, and PDF tables whose cells broke over lines.

Owns ``header_roles`` and ``parse_cells``: a DOCX row "1 | Tỷ lệ hộ nghèo | % | <2 | 2,1 | 1,8 | Đạt"
read by the roles of its header's columns (name, ĐVT, target, result per year, % of plan, change, verdict).

Owns ``parse_row``: one row of a PDF appendix — "1 Tổng mức bán lẻ … Tỷ đồng 17-19%/năm 2,796
5,164 6,150 116.80 117.08 Đạt" — read as a result: the name, the unit column (ĐVT), the target
column (the first value; an alternative in the row's unit in parentheses wins), the year columns
(the value under the latest year the header names, or an "Ước giai đoạn …: N" cell), and the
verdict column (Đạt / Không đạt / Chưa đạt / Vượt). Numbers in one row share one style
(``column_hint``: "2,796" beside "116.80" is English). A row with no value gives nothing.
"""

from __future__ import annotations

import bisect
import re

from chitieu.core import vocabulary
from chitieu.core.numbers import NumberFormatError, column_hint, normalise_unit, parse_number
from chitieu.extract.quantities import PERIOD, find_mentions

_UNIT_CELL = re.compile(
    r"(?<![\w/])(Tỷ đồng|Triệu đồng|Nghìn đồng|Tr\.?đ|%|‰|Hộ|Người/năm|Người|Lao động|Doanh nghiệp|DN|Phường|Xã|"
    r"Ha|ha|Tấn|Km|km|Trường|Sản phẩm|Điểm|Cơ sở|Hồ sơ|Lượt|Lần|HTX|Đảng viên|Tổ chức|Chi bộ)(?!\w)"
)
_STT = re.compile(r"^\s*(?:[IVX]+(?=\s)|\d+(?:\.\d+)*\.?)?\s*(?:trong đó\s*:?\s*)?[+\-]?\s*", re.I)
_YEAR_CELL = re.compile(r"(?:năm|trước|sau|đến|từ)\s*$")
_FIRST_CELL = re.compile(r"\d|(?<![a-zà-ỹđ])(?:ước|gđ|giai đoạn)(?![a-zà-ỹđ])")
# A cell labelled with its period: "GĐ 2021 - 2024: 419 hộ", "Giai đoạn 2021-2025: ước 600 hộ".
_PERIOD_LABEL = re.compile(
    r"(?:gđ|giai đoạn)?\s*((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\s*:\s*(?:ước\s*)?$"
)
_COUNT_HEAD = {"Xã", "Phường", "Hộ", "Trường", "Doanh nghiệp", "HTX", "Chi bộ", "Tổ chức"}
MAX_ROW_LINES = 14  # a row broken over more lines than this (one word a line) cannot be read reliably
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
    row = _parse_row(text, folded, years, inherited_unit, periods or [], compare, line_starts or [0], has_plan)
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
    for m in _UNIT_CELL.finditer(text, start):
        if m.start() > start + 2:
            unit_m = m
            break
    if unit_m is not None:
        name = text[start : unit_m.start()]
        unit = normalise_unit(unit_m.group(1))
        if unit == "người/năm":
            unit = "người"
        rest_at = unit_m.end()
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
    cells = mentions
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
            and unit_m is not None
            and len(mentions) > 1
            and bisect.bisect_right(line_starts, unit_m.end()) == bisect.bisect_right(line_starts, rest_at + first.start)
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
        value = parse_number(raw[index], hint)
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
        "low": value,
        "high": value,
        "year": year,
        "period": None,
        "per_year": False,
        "target": target,
        "status": status,
        "at": rest_at + plain[index].start,
    }


# --- tables with real cells (DOCX rows "a | b | c") ------------------------------------------

_ROLE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stt", re.compile(r"^(?:stt|tt|số tt|số thứ tự)$")),
    ("unit", re.compile(r"^(?:đvt|đơn vị(?: tính)?)$")),
    ("verdict", re.compile(r"đánh giá|kết quả so với")),
    ("change", re.compile(r"^(?:tăng|giảm)\s*(?:[,/-]|hoặc)?\s*(?:giảm|tăng)?\b|^tốc độ tăng")),
    ("ratio", re.compile(r"^%|so sánh|so với|tỷ lệ (?:%|đạt|thực hiện)|%\s*(?:kh|kế hoạch)")),
    ("name", re.compile(r"^(?:(?:tên |các |danh mục )?chỉ tiêu|nội dung|danh mục|lĩnh vực)$")),
    ("target", re.compile(r"kế hoạch|^kh\b|mục tiêu|nghị quyết|^nq\b|chỉ tiêu|dự toán")),
    ("result", re.compile(r"thực hiện|^th\b|ước|kết quả|đạt được|lũy kế|luỹ kế|năm \d{4}|^\d{4}$")),
    ("note", re.compile(r"ghi chú")),
)


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
    return roles if "name" in roles and ({"target", "result"} & set(roles)) else None


def _cell_mention(cell: str, unit: str | None):
    from chitieu.extract.normalise import fold

    text = fold(cell.strip())
    if not text or not re.search(r"\d", text):
        return None
    found = find_mentions(
        text + ("" if not unit or re.search(r"[%a-zà-ỹđ]\s*$", text) else " " + unit.lower())
    )
    return found[0] if found else None


def parse_cells(
    cells: list[str], roles: list[str], headers: list[str], inherited_unit: str | None
) -> list[dict]:
    """Statements of one DOCX table row under a header with the given column roles."""
    from chitieu.extract.normalise import fold

    get = {role: [c for c, r in zip(cells, roles, strict=False) if r == role] for role in set(roles)}
    name = " ".join(" ".join(get.get("name", [""])).split()).strip(" :-–")
    if not name:
        return []
    unit_cell = (get.get("unit") or [""])[0].strip()
    unit = normalise_unit(unit_cell) if unit_cell else inherited_unit
    verdict_text = fold(" ".join(get.get("verdict", []) + get.get("note", [])))
    verdicts = list(_VERDICT.finditer(verdict_text))
    status = _STATUS[verdicts[-1].group(1)] if verdicts else None
    out: list[dict] = []
    target = None
    for i, (cell, role) in enumerate(zip(cells, roles, strict=False)):
        if role != "target":
            continue
        found = _cell_mention(cell, unit)
        if found is None:
            continue
        target = found
        # Every filled plan cell is a target of its own (its column's year), and the plan the
        # row's latest result is compared with.
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[i])]
        statement = _cell_statement("target", name, unit, found, years, None, None, i)
        statement["per_year"] = statement["per_year"] or _average_column(headers[i])
        out.append(statement)
    results = [(i, c) for i, (c, r) in enumerate(zip(cells, roles, strict=False)) if r == "result"]
    filled = [(i, m) for i, c in results if (m := _cell_mention(c, unit)) is not None]
    for n, (i, m) in enumerate(filled):
        last = n == len(filled) - 1
        years = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[i])]
        statement = _cell_statement(
            "result", name, unit, m, years, target if last else None, status if last else None, i
        )
        statement["per_year"] = statement["per_year"] or _average_column(headers[i])
        out.append(statement)
    for i, (cell, role) in enumerate(zip(cells, roles, strict=False)):
        if role == "ratio" and (m := _cell_mention(cell, "%")) is not None and m.unit == "%":
            out.append(_cell_statement("result", f"{name} so với kế hoạch", "%", m, [], None, None, i))
        if role == "change" and (m := _cell_mention(cell, "%" if "%" in headers[i] else unit)) is not None:
            # "Tăng, giảm (%)": the change the row's latest result makes
            latest = [int(y) for y in re.findall(r"(?:19|20)\d\d", headers[filled[-1][0]])] if filled else []
            out.append(
                _cell_statement("result", f"{name} (tăng, giảm)", m.unit, m, latest[-1:], None, None, i)
            )
    if not filled and status is not None and "result" in roles:
        out.append({"kind": "result", **_qualitative(name, status), "cell": 0})
    return out


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
