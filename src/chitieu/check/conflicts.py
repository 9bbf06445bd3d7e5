"""``target-conflict``: one indicator given two different targets for the same period.

Over the reader's target statements: two of them name the same indicator (the one vocabulary's
``similarity``, as ``same-indicator-two-values`` matches names, scope words kept apart), in the
same unit, both per year or both not, for the same year or term (a yearly rate over a term
by its term alone, whatever year a heading gives it), in two different passages
(the body and the appendix, the section of targets and the summary), and their bounds differ:
"tăng 19 - 21%/năm" here, "tăng 18 - 20%/năm" there. The year or term must be written in one of the two
sentences itself (or be its table row's), the other's at least in the heading of its own list
a few lines above ("Điều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2026" / "- Tỷ lệ … đạt 95%":
``_heading_dated``): a target dated only by a heading far above is not compared; names of fewer than four words ("Tỷ lệ trường") are too loose to compare, and a target
quoted beside a result ("thấp hơn chỉ tiêu 8-9%/năm") is named by its comparison, not by an
indicator, nor is the base a comparison quotes ("tăng 7,4% so với dự toán năm 2024 (231.500
triệu đồng)"). A
difference the printed digits allow is no finding, nor one passage that also states the other's
value; a passage that says the target
was adjusted ("điều chỉnh") makes it a warning (the later one may replace the earlier).
"""

from __future__ import annotations

import re
from collections import defaultdict

from chitieu.check.common import Context, fmt, real_name
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.check.passages import Number
from chitieu.check.twovalues import _YEAR_TAIL, _compared_base, _dated, _scope_differs, same_indicator
from chitieu.core.stated import Agreement
from chitieu.extract.normalise import fold

_BOUNDS = ("=", "range", ">", ">=", "<", "<=")
# What the reader leaves at the head of a target's name: "Chỉ tiêu giai đoạn 2021-2025: …",
# "phấn đấu …", "Mục tiêu đến năm 2030: …".
_LEAD = re.compile(r"^(?:(?:phấn đấu|mục tiêu|chỉ tiêu|kế hoạch|đến năm \d{4}|năm \d{4}|giữ vững|duy trì)[\s,]*)+")
# The same words when the reader leaves them at the tail: "Tỷ lệ che phủ rừng đến năm 2030".
_TIME_TAIL = re.compile(r"[\s,]+(?:(?:đến|tới|vào)\s+)?(?:hết\s+|cuối\s+)?năm\s+(?:19|20)\d\d$")


# A target quoted beside a result ("…, thấp hơn chỉ tiêu 8-9%/năm"): the reader names it by the
# words of the comparison, which every such quote shares; it is no indicator of its own.
_COMPARISON = re.compile(r"(?:^|\s)(?:thấp hơn|cao hơn|so với|vượt|bằng(?! cấp)|theo)(?:\s|$)|(?:chỉ tiêu|kế hoạch|nghị quyết|dự toán)$")


def target_name(indicator: str) -> str:
    """The indicator a target statement names, without the words that introduce a target."""
    name = fold(indicator).rsplit(":", 1)[-1].strip(" ,.-")
    return _TIME_TAIL.sub("", _LEAD.sub("", name)).strip(" ,.-")
_TERM_TAIL = re.compile(r"\s+(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d\s*$")
_ADJUSTED = re.compile(r"điều chỉnh|sửa đổi")
_SIGN = {"=": "", ">": "trên ", ">=": "từ ", "<": "dưới ", "<=": "không quá ", "range": ""}


_ITEM = re.compile(r"\s*(?:[-+•*–]|\(\d{1,2}\)|[a-zđ]\))\s")
_DATE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}")
_ONE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _heading_dated(ctx: Context, s) -> bool:
    """Whether a target's year is written in the heading of its own list, a few lines above
    ("Điều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2026" / "1. Chỉ tiêu kinh tế" / "- Tỷ lệ … đạt
    95%."): over the list's other items and short sub-headings without a year, the first line that
    names a year names the target's one year, and no more than 12 lines up."""
    lines = ctx.document.lines
    if s.year is None or not _ITEM.match(lines[s.line - 1]):
        return False
    for k in range(s.line - 1, max(0, s.line - 13), -1):
        text = _DATE.sub(" ", fold(lines[k - 1])).strip()
        if not text or _ITEM.match(lines[k - 1]):
            continue
        years = {int(y) for y in _ONE_YEAR.findall(text)}
        if years:
            return years == {s.year} and len(text) <= 120
        if len(text) > 60 or re.search(r"\d{2,}", text):
            return False
    return False


_MARK = re.compile(r"^\W*(?:\d{1,2}[.)]|[a-zđ]\)|[-+•*–])?\s*")
_VERB_TAIL = re.compile(r"[\s,:]+(?:(?:phấn đấu|ước|dự kiến)\s+)?(?:đạt|là|ở mức|đạt mức|lên|còn|tăng|giảm)?\s*(?:trên|dưới|từ|tối thiểu|tối đa)?\s*$")


def _lead_name(n: Number, cut: str) -> str | None:
    """The words of a prose figure's sentence before it, as a target's name, when the reader's
    name ``cut`` is only their part after a comma: "3. Tỷ lệ thu gom, xử lý rác thải sinh hoạt năm
    2026 đạt 100%" (the reader: "xử lý rác thải sinh hoạt") → "tỷ lệ thu gom, xử lý rác thải sinh
    hoạt". None in a table row, when another figure stands before it in its sentence, or when the
    reader's name is not such a cut tail."""
    p = n.passage
    if p.is_table_row:
        return None
    a, _ = p.sentence_of(n.start)
    if any(q.unit for q in p.numbers_in(a, n.start)):
        return None
    words = _MARK.sub("", p.folded[a : n.start])
    words = target_name(_VERB_TAIL.sub("", words))
    head, comma, tail = words.rpartition(",")
    if not comma or not head.strip() or tail.strip() != cut.strip():
        return None
    return words


def _number_of(ctx: Context, s) -> Number | None:
    p = ctx.passage_at(s.line)
    if p is None:
        return None
    value = s.low if s.low is not None else s.high
    hits = [n for n in p.numbers if n.line == s.line and value in (n.mention.low, n.mention.high)]
    if not hits:
        return None
    return min(hits, key=lambda n: abs(n.start - s.start))


def _written(s) -> str:
    u = s.unit or ""
    sep = "" if u.startswith("%") else " "
    if s.op == "range":
        body = f"{fmt(s.low)} - {fmt(s.high)}"
    else:
        body = _SIGN[s.op] + fmt(s.low if s.low is not None else s.high)
    return f"{body}{sep}{u}".rstrip() + ("/năm" if s.per_year and "/năm" not in u else "")


def _differ(s1, n1: Number, s2, n2: Number) -> bool:
    if s1.op == "=" and s2.op == "=":
        return Agreement.OK not in (n1.agrees(s2.low), n2.agrees(s1.low))
    return (s1.low, s1.high) != (s2.low, s2.high)


def check(ctx: Context) -> list[Finding]:
    groups: dict[tuple, list] = defaultdict(list)
    for s in ctx.statements:
        if s.kind != "target" or s.op not in _BOUNDS or not s.unit or (s.low is None and s.high is None):
            continue
        if s.year is None and s.period is None:
            continue
        name = target_name(s.indicator)
        n = _number_of(ctx, s)
        if n is not None and len(name.split()) < 4 and not _COMPARISON.search(name):
            name = _lead_name(n, name) or name  # "hợp vệ sinh": the reader cut "Tỷ lệ hộ …, hợp vệ sinh" at its comma
        if len(name.split()) < 4 or _COMPARISON.search(name) or not real_name(s.indicator):  # "Tỷ lệ trường": too loose to tell two apart
            continue
        if n is None or _compared_base(n) or not (_dated(n) or _heading_dated(ctx, s)):
            continue
        # A yearly rate over a term is one target of the term, whatever year its heading names
        # ("… bình quân giai đoạn 2025-2030: 9,5-10%/năm" under "CHỈ TIÊU ĐẾN NĂM 2030").
        year = None if s.per_year and s.period else s.year
        groups[(s.unit, s.per_year, year, s.period)].append((s, n))
    out: list[Finding] = []
    for items in groups.values():
        for i, (s1, n1) in enumerate(items):
            for s2, n2 in items[i + 1 :]:
                if n1.passage is n2.passage or not (_dated(n1) or _dated(n2)):
                    continue  # two targets dated by headings alone: nothing says they are one
                name1, name2 = target_name(s1.indicator), target_name(s2.indicator)
                if not same_indicator(name1, name2):
                    # the reader may cut a name at a comma ("Tỷ lệ thu gom, xử lý rác thải …"):
                    # the sentence's own words before the figure name it too
                    lead1, lead2 = _lead_name(n1, name1), _lead_name(n2, name2)
                    if not any(x and y and same_indicator(x, y) for x, y in ((lead1, name2), (name1, lead2), (lead1, lead2))):
                        continue
                    name1, name2 = lead1 or name1, lead2 or name2
                if name1 != name2 and _scope_differs(name1, name2):
                    continue
                if not _differ(s1, n1, s2, n2):
                    continue
                # A passage that also states the other's value restates it ("100% trường …, trong
                # đó 50% trường …" named alike by the reader): no conflict between those two.
                if any(not _differ(s1, n1, s, n) for s, n in items if n.passage is n2.passage) or any(
                        not _differ(s2, n2, s, n) for s, n in items if n.passage is n1.passage):
                    continue
                adjusted = any(_ADJUSTED.search(fold(s.quote)) for s in (s1, s2))
                when = f"năm {s1.year}" if s1.year and not s1.per_year else f"giai đoạn {s1.period or s1.year}"
                t1, t2 = _written(s1), _written(s2)
                out.append(Finding(
                    "target-conflict", WARNING if adjusted else ERROR, (s2.line, s1.line), (n2.text, n1.text),
                    f"{_TERM_TAIL.sub('', _YEAR_TAIL.sub('', target_name(s1.indicator))).capitalize()[:80]} {when}: dòng {s1.line} ghi chỉ tiêu {t1}, "
                    f"dòng {s2.line} ghi chỉ tiêu {t2}; một chỉ tiêu chỉ có một mức cho một kỳ.",
                    None, s2.quote[:300],
                ))
    return out
