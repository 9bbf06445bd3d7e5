"""``same-indicator-two-values``: one indicator, one year, two different values.

Over the reader's result statements: two of them name the same indicator (``_same_name``: the
reader's names compared by ``extract.matching.similarity``, the one vocabulary of abbreviations,
at 0,85 or more, or one the start of the other adding nothing that narrows it; names reworded
with values within a quarter; a named index "Chỉ số … (SIPAS)" and its acronym or definition),
in one unit family (tỷ and triệu đồng compared), for the same year (or period) and the same
part of it (6 tháng, quý, cả năm: ``_span``), both plain levels (not a change, not a share of
plan, not the base a comparison quotes, not a table's plan or ratio column), and their values
differ beyond the digits both are printed with. The part of the year is the figure's own
clause's when its sentence names two ("sản lượng 9 tháng đạt 15.640 tấn; … ước cả năm đạt
21.380 tấn"), else its table column's, its heading's, or the report title's ("… 9 tháng đầu
năm, phương hướng … 3 tháng cuối năm": 9 tháng). Body, footnote and appendix are one document:
the second value may stand anywhere; a table cell takes its row's unit column. A difference
only the truncation of the last digit explains is a warning. When neither sentence names its
year (both inherit it from a heading, as footnotes listing the funds of separate projects do:
"Ngân sách tỉnh hỗ trợ 30 tỷ đồng." / "Ngân sách tỉnh hỗ trợ 15 tỷ đồng.") and neither is a
table row, nothing in the text says the two are one figure: no finding.

A second way to know two figures are one: a sector's value printed twice with the same
average growth rate beside it ("Ngành Thương mại - Dịch vụ ước đạt 341,5 tỷ đồng, tăng bình
quân hàng năm 19,2%" in a footnote, "doanh thu sản xuất Thương mại - Dịch vụ đến 2020 đạt
337,1 tỷ đồng, tăng bình quân hàng năm 19,2%" in the body, seed 000): same sector
(``feasibility.sector``), same unit, the same rate to its last digit, values that the digits
do not allow to be one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from chitieu.check.common import Context, fmt, real_name, sector
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.check.passages import Number
from chitieu.core.numbers import unit_scale
from chitieu.core.stated import Agreement
from chitieu.extract.matching import expand, similarity
from chitieu.extract.normalise import fold

SAME_NAME = 0.85
_YEAR_TAIL = re.compile(r"\s+(?:năm\s+)?(?:19|20)\d\d\s*$")


def _number(ctx: Context, line: int, value: float, unit: str | None) -> Number | None:
    """The figure a result statement reads: on its line, of its value and unit. A table row's
    cells carry no unit of their own (the row's unit column gives the statement its unit)."""
    p = ctx.passage_at(line)
    if p is None:
        return None
    for n in p.numbers:
        if n.line != line or n.mention.low != value:
            continue
        if n.unit == unit or n.unit is None and n.exact and p.is_table_row and not ctx.broken_row(line):
            return n
        if n.unit and unit.startswith(n.unit + "/") and n.unit.endswith("đồng"):
            return n  # "78,5 triệu đồng" the reader reads per head a year: "triệu đồng/người/năm"
    return None


def _family(unit: str) -> str:
    """A unit with its money scale left out: "tỷ đồng" and "triệu đồng" are one family."""
    head, _, tail = unit.partition("/")
    if any(head.endswith(m) for m in ("đồng", "USD")):
        return head.split()[-1] + ("/" + tail if tail else "")
    return unit


def _in_unit(value: float, unit: str, to: str) -> float:
    """``value`` written in ``unit`` as it reads in ``to``, a unit of its family (12.486,3 tỷ đồng
    is 12.486.300 triệu đồng; units of one family without a scale word are equal)."""
    return value * 10.0 ** (unit_scale(unit) - unit_scale(to))


def _levels(ctx: Context) -> dict[tuple, list]:
    """The plain result levels worth comparing, grouped by unit family and time: a dated level
    of a real name, not a change, a share of plan, a sector's share in a structure or the
    base a comparison quotes ("tăng 11,3% so với năm 2024 (5.824 tỷ đồng)")."""
    groups: dict[tuple, list] = defaultdict(list)
    report_year = _title_year(ctx)
    for s in ctx.statements:
        if s.kind != "result" or s.op != "=" or s.low is None or not s.unit:
            continue
        if s.year is None and s.period is None:
            # "độ che phủ rừng đạt 68,4%" in the body of the report of 2025: that year's level, to
            # be compared only with a figure that names its year (``_dated``), as a table row does
            if report_year is None or ctx.is_table_line(s.line):
                continue
            s = replace(s, year=report_year)
        s = _named(ctx, s)
        if len(s.indicator) < 8 or not real_name(s.indicator):
            continue
        n = _number(ctx, s.line, s.low, s.unit)
        if n is None or n.role != "level" or n.mention.denominator is not None:
            continue
        if _sector_share(n) or _compared_base(n, s.year) or n.passage.is_table_row and not _result_cell(n.passage, n):
            continue
        groups[(_family(s.unit), s.year, s.period, s.per_year)].append((s, n))
    return groups


# A name that is only a time and an estimate ("ước cả năm", "cả năm", "ước thực hiện"): the reader
# lost the indicator's words to the clause before.
_ONLY_TIME = re.compile(r"(?:\s|ước|dự kiến|thực hiện|đạt|cả năm|năm|(?:\d+|sáu|chín) tháng(?: đầu năm| cuối năm)?)*")


def _named(ctx: Context, s):
    """``s`` with the indicator of the result before it on its line when its own name is only a
    time ("sản lượng lương thực 9 tháng đạt 15.640 tấn; … ước cả năm đạt 21.380 tấn"), that
    name's time words left out."""
    if not _ONLY_TIME.fullmatch(fold(s.indicator)):
        return s
    before = [t for t in ctx.statements if t.line == s.line and t.kind == "result" and t.start < s.start and t.unit == s.unit]
    if not before or _ONLY_TIME.fullmatch(fold(before[-1].indicator)):
        return s
    name = re.sub(r"\s*(?:\d+|sáu|chín) tháng(?: đầu năm| cuối năm)?\s*$", "", before[-1].indicator)
    return replace(s, indicator=name)


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for items in _levels(ctx).values():
        for i, (s1, n1) in enumerate(items):
            for s2, n2 in items[i + 1 :]:
                if n1.passage is n2.passage or s1.low == s2.low:
                    continue
                index = _same_index(n1, s2.indicator) or _same_index(n2, s1.indicator)
                if index is None and not _same_name(s1, s2):
                    continue
                if not (_dated(n1) or _dated(n2)) or _span(ctx, n1) != _span(ctx, n2):
                    continue
                b1, b2 = _basis(n1), _basis(n2)
                if b1 and b2 and not b1 & b2:
                    continue  # one at current prices, one at constant prices: two figures
                # Two printings of one value agree when one's digits allow the other.
                a1 = n1.agrees(_in_unit(s2.low, s2.unit, s1.unit))
                a2 = n2.agrees(_in_unit(s1.low, s1.unit, s2.unit))
                if Agreement.OK in (a1, a2):
                    continue
                # A price basis named on one side only may be the innocent reading: a warning.
                sev = WARNING if Agreement.TRUNCATED in (a1, a2) or bool(b1) != bool(b2) else ERROR
                when = f"năm {s1.year}" if s1.year else f"giai đoạn {s1.period}"
                out.append(Finding(
                    "same-indicator-two-values", sev, (s2.line, s1.line), (n2.text, n1.text),
                    f"{index or _YEAR_TAIL.sub('', s1.indicator)[:80]} {when}: dòng {s1.line} ghi {_with_unit(n1, s1)}, "
                    f"dòng {s2.line} ghi {_with_unit(n2, s2)}.",
                    None, s2.quote[:300],
                ))
    return out + _same_rate_pairs(ctx)


def _title_year(ctx: Context) -> int | None:
    """The one year the report's title (its lines before the body) names for its results: "BÁO
    CÁO Kết quả thực hiện nhiệm vụ … năm 2025"; None when it names none or several."""
    head = []
    for line in ctx.document.lines[:12]:
        if _SECTION.match(fold(line)):
            break
        head.append(line)
    years = set(_A_YEAR.findall(_DATE.sub(" ", fold(" ".join(head)))))
    return int(years.pop()) if len(years) == 1 else None


def _same_name(s1, s2) -> bool:
    """Whether two result levels' names name one indicator: alike (``same_indicator``), or the
    one's words said again in other words (``reworded``) with values so near (within a quarter)
    that one reads as a slip of the other: a part of a total seldom comes that near it."""
    a, b = s1.indicator, s2.indicator
    if fold(a) != fold(b) and _scope_differs(a, b):
        return False
    if same_indicator(a, b):
        return True
    v1, v2 = abs(s1.low), abs(_in_unit(s2.low, s2.unit, s1.unit))
    near = min(v1, v2) > 0 and max(v1, v2) <= 1.25 * min(v1, v2)
    return near and (reworded(a, b) or _longer_says_more(a, b))


def _longer_says_more(a: str, b: str) -> bool:
    """Whether one name (four words or more) starts the other and what the longer adds only
    describes what it counts ("Số hộ kinh doanh cá thể" / "… đang hoạt động trên địa bàn"): no
    word that narrows, makes a change or a scope (``_NARROWS``, ``_CHANGE``, ``_SCOPES``)."""
    ca, cb = _core_name(a), _core_name(b)
    short, long_ = sorted((ca, cb), key=len)
    if len(short.split()) < 4 or not long_.startswith(short + " "):
        return False
    rest = long_[len(short) :]
    return not (_NARROWS.search(rest) or _CHANGE.search(rest) or _scope_differs(short, long_))


_BASIS = re.compile(r"giá (hiện hành|thực tế|so sánh|cố định)")
_CONSTANT = ("so sánh", "cố định")


def _basis(n: Number) -> set[str]:
    """The price basis the figure's sentence (or table row) names: "current", "constant" or none."""
    p = n.passage
    a, b = (0, len(p.folded)) if p.is_table_row else p.sentence_of(n.start)
    return {"constant" if m.group(1) in _CONSTANT else "current" for m in _BASIS.finditer(p.folded, a, b)}


def _with_unit(n: Number, s) -> str:
    """The figure as printed, with the unit its table column gives it when its cell has none."""
    return n.text if n.unit else f"{n.text} {s.unit}".replace(" %", "%")


def _same_rate_pairs(ctx: Context) -> list[Finding]:
    pairs = []
    sts = ctx.statements
    for i, s in enumerate(sts):
        if s.kind != "result" or s.op != "=" or s.low is None or not s.unit or s.unit == "%" or s.per_year:
            continue
        r = next((x for x in sts[i + 1 : i + 3] if x.per_year and x.unit == "%" and x.op == "=" and x.low is not None
                  and x.indicator.startswith(s.indicator) and x.kind == "result"), None)
        sec = sector(fold(s.indicator))
        if r is None or sec is None or abs(r.line - s.line) > 4:
            continue
        n = _number(ctx, s.line, s.low, s.unit)
        if n is None or n.role != "level":
            continue
        pairs.append((sec, s, r, n))
    out: list[Finding] = []
    for i, (sec1, s1, r1, n1) in enumerate(pairs):
        for sec2, s2, r2, n2 in pairs[i + 1 :]:
            if sec1 != sec2 or r1.low != r2.low or n1.passage is n2.passage or n1.family != n2.family:
                continue
            if s1.year and s2.year and s1.year != s2.year:
                continue
            b1, b2 = n1.base(), n2.base()
            if b1 is None or b2 is None or b1 == b2:
                continue
            scale = b1 / n1.value
            a1 = n1.agrees(b2 / scale)
            a2 = n2.agrees(b1 / (b2 / n2.value))
            if Agreement.OK in (a1, a2):
                continue
            sev = WARNING if Agreement.TRUNCATED in (a1, a2) else ERROR
            out.append(Finding(
                "same-indicator-two-values", sev, (s2.line, s1.line), (n2.text, n1.text),
                f"{_YEAR_TAIL.sub('', s2.indicator)[:80]}: cùng tăng bình quân {fmt(r1.low)}%/năm nhưng dòng {s1.line} ghi "
                f"{n1.text}, dòng {s2.line} ghi {n2.text}.",
                None, s2.quote[:300],
            ))
    return out


# What a comparison quotes before its base: "so với năm 2024 (5.824 tỷ đồng)", "cao hơn năm 2023
# (83,15%)"; and where a change starts: "giảm từ 5,87% xuống 3,92%" (not "từ 14-15%/năm", a bound).
_COMPARED_TO = re.compile(r"so với|cùng kỳ|năm trước|kỳ trước|(?<![a-zà-ỹđ])(?:hơn|gấp)(?![a-zà-ỹđ])")
_FROM = re.compile(r"(?<![a-zà-ỹđ])từ(?: mức)?\s*$")
_TO = re.compile(r"[\s,]*(?:(?:năm\s+)?(?:19|20)\d\d[\s,]*)?(?:xuống|lên|đến|tới|còn)(?![a-zà-ỹđ])")


# A year that dates a price basis, not the figure: "(giá so sánh 2010)".
_PRICE_YEAR = re.compile(r"(?:so sánh|giá)\s+(?:năm\s+)?(?:19|20)\d\d")


def _compared_base(n: Number, year: int | None = None) -> bool:
    """Whether a prose figure is the base a comparison quotes, not the level its sentence reports:
    the words since the figure before it (or its sentence's start) compare, open a change, or
    name last another year than ``year`` ("gấp 1,4 lần năm 2020 (27.540 tỷ đồng)")."""
    p = n.passage
    if p.is_table_row:
        return False
    a, _ = p.sentence_of(n.start)
    before = [q for q in p.numbers_in(a, n.start) if q is not n]
    gap = p.folded[before[-1].end if before else a : n.start]
    if _COMPARED_TO.search(gap):
        return True
    years = _A_YEAR.findall(_PRICE_YEAR.sub(" ", gap))
    if year is not None and years and int(years[-1]) != year:
        return True
    return n.exact and bool(_FROM.search(gap)) and bool(_TO.match(p.folded, n.end))


# The part of a year a figure holds for: "6 tháng (đầu năm)", "6 tháng cuối năm", "9 tháng",
# "quý II", or the whole year ("cả năm", "năm 2025"). A 6-month figure and the year's are two figures.
_PART = re.compile(r"(?<!ngày )(?<![a-zà-ỹđ\d])(\d{1,2}|sáu|chín|ba) tháng( cuối năm)?|quý\s*([ivx]+|\d)(?![a-zà-ỹđ\d])|(cả năm)")
_WORD_DIGITS = {"sáu": "6", "chín": "9", "ba": "3"}
_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}")
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _parts(text: str) -> set[str]:
    """The parts of a year a (folded) text names; "" for the whole year."""
    out = set()
    for m in _PART.finditer(_DATE.sub(" ", text)):
        if m.group(4):
            out.add("")
        elif m.group(3):
            out.add("quý " + m.group(3))
        else:
            months = _WORD_DIGITS.get(m.group(1), m.group(1))
            out.add(f"{months} tháng" + (" cuối" if m.group(2) else ""))
    return out


def _span(ctx: Context, n: Number) -> str | None:
    """The part of its year a figure holds for ("6 tháng", "quý II", "" for the whole year): named
    by its own sentence, or its table column's header, or else the nearest heading above that
    names a time. None when its table's header names more than one and the column is unknown."""
    p = n.passage
    if p.is_table_row:
        own = _column_parts(p, n)
    else:
        a, b = p.sentence_of(n.start)
        own = _parts(p.folded[a:b])
        if len(own) > 1:  # "sản lượng 9 tháng đạt 15.640 tấn; … ước cả năm đạt 21.380 tấn": its clause's
            c = max(a, p.folded.rfind(";", a, n.start) + 1)
            own = _parts(p.folded[c : n.start]) or own
    if len(own) == 1:
        return own.pop()
    if own:
        return None
    return _heading_part(ctx, p.segment.line_numbers[0])


def _cell(p, n: Number) -> int | None:
    """The index of the cell of a table row (cells and header known) that holds ``n``."""
    seg = p.segment
    if seg.cells is None or seg.header is None or len(seg.header) != len(seg.cells):
        return None
    text = p.text.strip()
    offset = len(p.text) - len(p.text.lstrip())
    cell = text[: n.start - offset].count("|") - (1 if text.startswith("|") else 0)
    return cell if 0 <= cell < len(seg.header) else None


def _column_parts(p, n: Number) -> set[str]:
    """The parts of a year a table row's number's column header names (the whole header's when
    the cells are not known)."""
    cell = _cell(p, n)
    if cell is not None:
        return _parts(fold(p.segment.header[cell]))
    return _parts(p.segment.table_header or "")


def _result_cell(p, n: Number) -> bool:
    """Whether a number of a table row stands in a result column (not the plan's, not a ratio's
    "So sánh (%)"), as far as the header tells."""
    cell = _cell(p, n)
    roles = p.segment.roles
    return cell is None or roles is None or cell >= len(roles) or roles[cell] == "result"


def _heading_part(ctx: Context, line: int) -> str | None:
    """The part of a year the nearest line above ``line`` outside the passages (a heading, a
    title, a table's caption) that names a time speaks of; "" when none does."""
    lines = ctx.document.lines
    for i in range(line - 1, 0, -1):
        if ctx.passage_at(i) is not None:
            continue
        text = _DATE.sub(" ", fold(lines[i - 1]))
        found = _parts(text)
        if len(found) == 1:
            return found.pop()
        if found:
            return None
        if _A_YEAR.search(text):
            return ""
    return _title_part(ctx)


_SECTION = re.compile(r"\s*(?:phần\s|chương\s|[ivx]+[.)]\s|\d{1,2}[.)]\s|[a-zđ]\)\s|[-+•*–]\s|căn cứ)")


def _title_part(ctx: Context) -> str:
    """The part of a year the report's title names for its results ("Tình hình … 9 tháng đầu năm,
    phương hướng nhiệm vụ 3 tháng cuối năm 2026": 9 tháng; the months still to come are its
    plan's); "" when it names none, or more than one."""
    head = []
    for line in ctx.document.lines[:12]:
        if _SECTION.match(fold(line)):
            break  # the body begins
        head.append(line)
    text = _DATE.sub(" ", fold(" ".join(head)))
    found = {x for x in _parts(text) if not x.endswith(" cuối")}
    return found.pop() if len(found) == 1 else ""


_STRUCTURE = re.compile(r"cơ cấu|tỷ trọng")
_OWN_TIME = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|giai đoạn|nhiệm kỳ|đến nay|hiện nay|cuối kỳ")


def _dated(n: Number) -> bool:
    """Whether the figure's own sentence (or table row) says when it holds."""
    p = n.passage
    if p.is_table_row:
        return True
    a, b = p.sentence_of(n.start)
    return bool(_OWN_TIME.search(p.folded, a, b))



def _sector_share(n: Number) -> bool:
    """A share in a listed structure ("cơ cấu lao động: nông nghiệp 12,5%, công nghiệp …"): the
    reader names it by its sector alone, so two structures of one year would look alike."""
    p = n.passage
    a, b = p.sentence_of(n.start)
    return bool(_STRUCTURE.search(p.folded, a, b)) and sum(1 for q in p.numbers_in(a, b) if q.unit == "%") >= 3


_NOISE = re.compile(r"\b(?:năm\s+)?(?:19|20)\d\d\b|hằng năm|hàng năm|đến nay|đến cuối|cuối")


def _core_name(name: str) -> str:
    return " ".join(_NOISE.sub(" ", fold(name)).split())


# Words that make a name a change or a gap, not a level ("Tỷ lệ hộ nghèo giảm bình quân", "Sản
# lượng … không đạt kế hoạch, hụt"): a name with them and one without name two figures.
_CHANGE = re.compile(r"(?<![a-zà-ỹđ])(?:tăng|giảm|hụt|vượt|gấp|chênh lệch|so với)(?![a-zà-ỹđ])(?! trưởng)")
# Words that narrow what the start of a name counts ("Kết nạp đảng viên" / "… trong doanh
# nghiệp ngoài nhà nước"): a name that only adds them names a part.
_NARROWS = re.compile(r"(?<![a-zà-ỹđ])(?:trong|ngoài|thuộc|khu vực|từ|tại|riêng|loại|lĩnh vực|có)(?![a-zà-ỹđ])")


# What may follow a name without changing what it counts: "(giá hiện hành)", "cả năm", "toàn xã
# hội", "trên địa bàn huyện", a colon or dash; or the part of the year ("6 tháng"), which ``_span`` compares.
_PLAIN_TAIL = re.compile(
    r"(?:\s|[-:,.;/]|\([^()]*\)|cả năm|năm|(?:\d+|sáu|chín) tháng(?: đầu| cuối)?|quý [ivx\d]+|toàn (?:xã hội|huyện|tỉnh|xã|thành phố|phường|thị xã)"
    r"|trên địa bàn(?: (?:huyện|tỉnh|xã|thành phố|phường|thị xã))?|của (?:huyện|tỉnh|xã|thành phố|phường))*"
)


def same_indicator(a: str, b: str) -> bool:
    """Whether two names the reader gives name one indicator, years left out, never a change and
    a level: one the start of the other (of four words or more, or alike by the one vocabulary's
    similarity) when what the longer adds changes nothing it counts ("… cả năm", "(giá hiện
    hành)"; not "… đa chiều", "… nâng cao", "… - xây dựng"); else alike by similarity with no
    word added that narrows it."""
    ca, cb = _core_name(a), _core_name(b)
    if bool(_CHANGE.search(ca)) != bool(_CHANGE.search(cb)):
        return False
    short, long_ = sorted((ca, cb), key=len)
    if long_.startswith(short):
        alike = len(short.split()) >= 4 or similarity(ca, cb) >= SAME_NAME
        return alike and _PLAIN_TAIL.fullmatch(long_, len(short)) is not None
    if similarity(ca, cb) < SAME_NAME:
        return False
    added = set(long_.split()) - set(short.split())
    return not _NARROWS.search(" ".join(added))


# A named index defined in its sentence: "Chỉ số hài lòng của người dân, tổ chức đối với sự phục vụ
# của cơ quan hành chính (SIPAS)", "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI)".
_INDEX = re.compile(r"chỉ số\s+([^()]{3,160}?)\s*\(\s*([a-z][a-z0-9]*(?: [a-z0-9]+)?)\s*\)")
_FILLER = frozenset(
    "của và các những trên địa bàn được có đạt là ước sự đối với cho toàn huyện tỉnh phường quận chỉ số".split()
)
_WORD = re.compile(r"[a-zà-ỹđ0-9]+")


def _content_words(text: str) -> set[str]:
    """The words of a (folded) name that say what it counts: abbreviations written out, years,
    filler words and the unit words of the place left out."""
    words = _WORD.findall(expand(_NOISE.sub(" ", fold(text))))
    return {w for w in words if w not in _FILLER and not w.isdigit()}


def _same_index(n: Number, other: str) -> str | None:
    """Whether ``n``'s sentence defines a named index before it (``_INDEX``) and the name
    ``other`` speaks of that index: by its acronym, or by five words or more of its definition
    and no word outside it ("sự hài lòng của người dân đối với sự phục vụ của cơ quan hành
    chính huyện"). An index has one value a year. Returns the index's name ("Chỉ số SIPAS")."""
    p = n.passage
    a, _ = p.sentence_of(n.start)
    found = list(_INDEX.finditer(p.folded, a, n.start))
    if not found:
        return None
    m = found[-1]
    definition, acronym = m.group(1), m.group(2)
    words, own, short = _content_words(other), _content_words(definition), set(acronym.split())
    if not words <= own | short or not (short <= words or len(words & own) >= 5):
        return None
    return f"Chỉ số {p.text[m.start(2) : m.end(2)]}"


def _word_list(name: str) -> list[str]:
    """``_content_words`` in the name's order."""
    words = _WORD.findall(expand(_NOISE.sub(" ", fold(name))))
    return [w for w in words if w not in _FILLER and not w.isdigit()]


def reworded(a: str, b: str) -> bool:
    """Whether two names say one indicator in other words ("Cấp mới giấy chứng nhận đăng ký hộ
    kinh doanh" / "Hộ kinh doanh cấp mới"): the four or more content words of the one all stand
    in the other, which adds no more words than it shares, none between two words the shorter
    writes side by side (an inserted word narrows: "hộ cận nghèo", "lao động nữ"), none after
    the last shared one ("hồ sơ tiếp nhận trực tuyến") and none that narrows or makes a change
    ("trong", "khu vực", "tăng"). Reordered parts are allowed."""
    wa, wb = _word_list(a), _word_list(b)
    short, long_ = sorted((wa, wb), key=len)
    shared = set(short)
    if len(shared) < 4 or not shared <= set(long_) or len(set(long_)) != len(long_):
        return False
    extra = [w for w in long_ if w not in shared]
    if len(set(extra)) > len(shared) or long_[-1] not in shared:
        return False
    at = {w: i for i, w in enumerate(long_)}
    if any(0 <= at[y] - at[x] != 1 for x, y in zip(short, short[1:], strict=False)):
        return False  # a pair of the shorter split by other words
    rest = " ".join(extra)
    return not (_NARROWS.search(rest) or _CHANGE.search(rest))


_ON_AREA = re.compile(r"trên địa bàn")  # "trên" of a place, not a lower bound
_SCOPES = ("thành thị", "nông thôn", "nữ", "nam", "trẻ em", "dưới", "trên", "mới", "tăng thêm")


def _scope_differs(a: str, b: str) -> bool:
    """Names that differ by a word that narrows the scope ("… khu vực thành thị")."""
    fa, fb = (f" {_ON_AREA.sub(' ', fold(x))} " for x in (a, b))
    return any((f" {w} " in fa) != (f" {w} " in fb) for w in _SCOPES)

