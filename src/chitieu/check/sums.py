"""``sum``: parts that do not add up to the total they break down.

A total followed, in its clause, by a breakdown mark (``trong đó``, ``gồm``, ``bao gồm``, a
colon or a bracket) and two or more parts in the same unit: "1806 hồ sơ (mức độ 3: 60 hồ sơ,
…)", "3.033 tỷ đồng, trong đó dịch vụ 1.957 tỷ đồng, …". "Trong đó" often lists only some
parts, so a breakdown is judged only when it is meant to be complete: its parts come within
5 % of the total (a near miss is a slip, a large gap is parts left unnamed) or, after
``gồm``/``bao gồm``, exceed it. Counts are whole numbers; other figures are widened by the
digits they are printed with. People count as one unit whether called "người" or by what they
are ("412 lao động, gồm: … 23 người"). A "gồm:"/"trong đó:" list runs over its clauses to the
sentence's end, or to a clause that opens as no item ("…; ngoài ra có …"). A count of the
plan's own indicators is a ``count`` finding.

The same rule over parts that stand in passages of their own:

- **list children**: a total whose passage ends with its breakdown mark ("Tổng diện tích gieo
  trồng 772 ha, trong đó:") and the list items right after it, each with its own bullet
  ("+ Lúa 507 ha", "+ Màu: 265 ha"), one figure in the total's unit each;
- **a spreading sentence**: "Phân bố theo địa bàn: An Khánh 68 ca; …" after the sentence whose
  first figure of that unit is the total ("… ghi nhận 312 ca …");
- **table children**: a row of an indicator table and the rows under it marked as its parts
  ("Trong đó: …", "- …", "+ …", "a) …", or an empty number cell after "Trong đó"), column by
  column (plan, result …), in the parent's unit;
- **numbered rows**: a "Tổng …"/"Cộng" row without a number over (or under) the rows numbered
  1, 2, 3 …, and a row numbered "2" over its "2.1", "2.2" …, column by column.

- **cases by state**: cases handled are those on time and those late (and early, if named):
  "Đã giải quyết 3.297 hồ sơ; … đúng hạn 3.205 hồ sơ; trễ hạn 82 hồ sơ"; cases received are those
  handled and those in hand ("tiếp nhận 14 phản ánh …; đã giải quyết 12 …, đang xem xét giải quyết
  3 …"), only when no other state (trả lại, rút …) and no cases from before (kỳ trước, tồn …)
  are named, over the passage and the list items running on after it.

The total may carry its change or share of the plan with the base in brackets before the mark
("12.648 tỷ đồng, tăng 11,4% so với năm trước (11.354 tỷ đồng). Trong đó: …", "23.115 triệu
đồng, đạt 94,8% dự toán (24.380 triệu đồng), gồm:"); pupils are people whether counted as học
sinh, em or cháu.

A gap the printed digits still allow, but only if nearly every figure was rounded to its
extreme the same way (one in a thousand or rarer), is a ``warning``.
"""

from __future__ import annotations

import math
import re

from chitieu.check.common import Context, column_formulas, column_marks, fmt, raw_tables, table_blocks
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.check.footnotes import links
from chitieu.check.passages import Number, Passage
from chitieu.core.numbers import NumberFormatError, parse_number

# The mark may follow a few words that finish the total's name ("1.806 hồ sơ được giải quyết, trong đó").
_MARK_AFTER = re.compile(r"[^\d;.()]{0,40}?(trong đó|bao gồm|(?<![a-zà-ỹđ])gồm|:|\()")
# … or after the total's change on the year before (or its share of the plan), then "trong đó" —
# in the same sentence or opening the next:
# "… ước đạt 2.967,2 tỷ đồng, tăng 8,32% so với cùng kỳ năm 2016. Trong đó, giá trị sản xuất …"
# The change or share may quote its base in brackets: "…, đạt 52,3% dự toán năm (73.500 triệu
# đồng). Trong đó: …", "…, tăng 11,4% so với năm trước (11.354 tỷ đồng). Trong đó: …".
_MARK_AFTER_CHANGE = re.compile(
    r"[^\d;.()]{0,20}?\(?\s*(?:tăng|giảm|đạt|bằng)\s*[\d.,]+\s*%[^\d;.()]{0,30}?(?:(?:19|20)\d\d)?\s*\)?"
    r"(?:\s*\((?![^()]*(?:trong đó|gồm))[^()]{0,50}\))?"
    r"\s*[.;:,]?\s*(trong đó)"
)
_COMPLETE = re.compile(r"bao gồm|(?<![a-zà-ỹđ])gồm")
_NEAR = 0.05
# A part that is a count of something inside another part ("… 20 hộ, trong đó 5 hộ nghèo")
# starts a nested breakdown: the parts stop there.
_NESTED = re.compile(r"trong đó|(?<![a-zà-ỹđ])gồm")


# Nouns that count people: a total of "412 lao động" breaks down into "23 người, …".
_PEOPLE = frozenset((
    "người", "lao động", "học sinh", "sinh viên", "cán bộ", "công chức", "viên chức", "đảng viên",
    "hội viên", "đoàn viên", "thanh niên", "bệnh nhân", "người lao động",
))
# … and words that count anyone: "4.862 học sinh, trong đó: mầm non 1.215 cháu, tiểu học 2.104 em".
_ANYONE = frozenset(("người", "em", "cháu", "trẻ", "trẻ em"))


def _same_kind(q: Number, total: Number) -> bool:
    """Whether ``q`` counts what ``total`` counts: the same unit family, or people counted as
    "người" on one side and by what they are on the other."""
    if q.family == total.family:
        return True
    units = {(q.unit or "").lower(), (total.unit or "").lower()}
    return bool(units & _ANYONE) and units <= _PEOPLE | _ANYONE


# A clause that opens so is no item of the list before it ("…; ngoài ra có 45 hộ nghèo").
_NOT_AN_ITEM = re.compile(r"\W*(?:ngoài ra|bên cạnh|đồng thời|tuy nhiên|riêng|có|còn)(?![a-zà-ỹđ])")


def _list_end(p: Passage, mark_end: int) -> int:
    """Where a list opened at ``mark_end`` ends: its sentence's end, or the first clause after
    it that opens as no item does."""
    b = p.sentence_of(mark_end)[1]
    for x, _ in p.clauses:
        if mark_end < x < b and _NOT_AN_ITEM.match(p.folded, x + 1 if p.folded[x] == ";" else x):
            return x
    return b


def _parts(p: Passage, total: Number, mark_end: int, end: int) -> list[Number]:
    out: list[Number] = []
    for q in p.numbers_in(mark_end, end):
        if q.unit in ("%", "‰") or q.mention.denominator is not None:
            continue
        if not q.exact or q.role != "level" or not _same_kind(q, total):
            return []  # a range, a change or a bound: not a plain breakdown
        if out and _NESTED.search(p.folded, out[-1].end, q.start):
            break
        out.append(q)
    return out


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for p in ctx.passages:
        if len(p.numbers) < 3:
            continue
        for total in p.numbers:
            if not total.exact or total.unit in (None, "%", "‰") or total.role != "level":
                continue
            if not total.value:
                continue
            mark = _MARK_AFTER_CHANGE.match(p.folded, total.end) or _MARK_AFTER.match(p.folded, total.end)
            if mark is None:
                continue
            if total.mention.denominator is not None and (mark.group(1) == "(" or total.unit == "chỉ tiêu"):
                continue  # "05/05 khu phố (100%)": a count of its whole, not a total broken down
            # "607,5/607,5 ha (đạt 100%). Trong đó: …": the result over its plan, broken down
            mark_end, word = mark.end(1), mark.group(1)
            a, b = p.clause_of(total.start)
            if mark.re is _MARK_AFTER_CHANGE or (
                word in ("trong đó", ":", "gồm", "bao gồm") and p.folded[mark_end : mark_end + 3].lstrip().startswith(":")
            ):
                # a "trong đó:" list runs over its clauses ("…; …; …") to the sentence's end
                b = _list_end(p, mark_end)
            if word == "(":
                close = p.folded.find(")", mark_end)
                b = close if close != -1 else b
            parts = _parts(p, total, mark_end, b)
            if len(parts) < 2:
                continue
            f = _judge(p, total, parts, _COMPLETE.match(word) is not None)
            if f is not None:
                out.append(f)
    table = _table_children(ctx)
    seen = {(f.lines, f.figures) for f in table}
    numbered = [f for f in _numbered_sums(ctx) if (f.lines, f.figures) not in seen]
    said = {(f.lines[0], f.figures[0]) for f in out}
    out += [f for f in _list_children(ctx) if (f.lines[0], f.figures[0]) not in said]
    return (
        out + table + _footnote_parts(ctx) + _spread_parts(ctx) + numbered + _case_sums(ctx)
        + _period_sums(ctx) + _year_row_sums(ctx) + _raw_table_children(ctx) + _named_total_parts(ctx)
    )


# Cases (hồ sơ, đơn, phản ánh …) by their state: what each figure's words before it say it counts.
_CASE_STATES = (
    ("pending", re.compile(r"đang(?: xem xét)?(?: giải quyết| xử lý| thụ lý)|chưa giải quyết|chưa xử lý")),
    ("late", re.compile(r"trễ hạn|quá hạn|chậm")),
    ("ontime", re.compile(r"đúng hạn")),
    ("early", re.compile(r"trước hạn")),
    ("resolved", re.compile(r"(?:đã )?giải quyết(?! việc làm)|đã xử lý|xử lý xong|trả kết quả")),
    ("received", re.compile(r"tiếp nhận|thụ lý|nhận được")),
)
# Words of other states or of cases from before the period: the states named do not cover all.
_OTHER_STATES = re.compile(r"trả lại|rút|từ chối|tạm dừng|hủy|huỷ|chuyển sang|chuyển tiếp|kỳ trước|tồn|lũy kế|luỹ kế")
_RUN = 8  # passages of one list


def _case_unit(p: Passage, n: Number) -> str | None:
    """The thing a count counts, by its head word: its unit's, or the word after it where the
    reader gives no unit ("14 phản ánh, kiến nghị"); "86 đơn thư" and "70 đơn" count one thing."""
    if n.unit and n.unit.split():
        return n.unit.lower().split()[0]
    m = re.match(r"\s+([a-zà-ỹđ]+)", p.folded[n.end :])  # "86 đơn thư" and "70 đơn" count one thing
    return m.group(1) if m else None


def case_figures(ctx: Context, p: Passage) -> list[tuple[str, Passage, Number, str]]:
    """The counts of cases in ``p`` and the list items running on after it — (state, passage,
    figure, thing counted) — each labelled by the words between it and the figure or clause
    before it; figures with no state, fractions and shares left out."""
    run = [p]
    for q in ctx.passages[p.index + 1 : p.index + _RUN]:
        if q.is_table_row or q.segment.line_numbers[0] > run[-1].segment.line_numbers[-1] + 1:
            break
        run.append(q)
    out = []
    for q in run:
        for n in q.numbers:
            if n.unit in ("%", "‰") or not n.exact or n.role != "level" or n.mention.denominator is not None:
                continue
            if not n.value or not float(n.value).is_integer() or n.is_money:
                continue
            prev = q.numbers_in(q.clause_of(n.start)[0], n.start)
            label = q.folded[max(prev[-1].end if prev else 0, q.clause_of(n.start)[0]) : n.start]
            state = next((k for k, rx in _CASE_STATES if rx.search(label)), None)
            if state is not None:
                out.append((state, q, n, _case_unit(q, n) or ""))
    return out


_CASE_IDENTITIES = (
    ("resolved", ("ontime", "late"), ("early",), "giải quyết đúng hạn + trễ hạn"),
    ("received", ("resolved", "pending"), (), "đã giải quyết + đang giải quyết"),
)


def _case_sums(ctx: Context) -> list[Finding]:
    """"Đã giải quyết 3.297 hồ sơ; … đúng hạn 3.205 hồ sơ; trễ hạn 82 hồ sơ": the cases handled
    are those on time and those late (and those early, if given); the cases received are those
    handled and those still in hand — when no other state and no cases from before are named."""
    out: list[Finding] = []
    seen: set[int] = set()
    for p in ctx.passages:
        if p.is_table_row:
            continue
        figs = case_figures(ctx, p)
        for i, (state, q, total, unit) in enumerate(figs):
            if id(total) in seen:
                continue
            for whole, need, maybe, words in _CASE_IDENTITIES:
                if state != whole:
                    continue
                after = []
                for f in figs[i + 1 :]:
                    if f[0] == whole or (whole == "resolved" and f[0] == "received"):
                        break  # the next total: its parts are its own
                    if f[0] in need + maybe and f[3] == unit:
                        after.append(f)
                states = [f[0] for f in after]
                if any(states.count(k) != 1 for k in need) or any(states.count(k) > 1 for k in maybe):
                    continue
                held = {id(x[1]): x[1] for x in after}
                held[id(q)] = q
                if any(_OTHER_STATES.search(x.folded) for x in held.values()):
                    continue
                parts = [f[2] for f in after]
                summed = sum(n.value for n in parts)
                if abs(summed - total.value) < 1e-9 or summed < 0.5 * total.value:
                    continue
                seen.add(id(total))
                lines = tuple(dict.fromkeys([total.line, *(n.line for n in parts)]))
                computed = fmt(summed, 0)
                out.append(Finding(
                    "sum", ERROR, lines, (total.text, *(n.text for n in parts)),
                    f"Số {words}: {' + '.join(n.written for n in parts)} = {computed}, "
                    f"văn bản ghi {total.text}.",
                    computed, q.quote(*q.sentence_of(total.start)),
                ))
    return out


# A sentence that spreads the figure before it over places or kinds: "Phân bố theo địa bàn: …"
_SPREAD = re.compile(
    r"\W*(?:phân bố|phân theo|chia theo|theo (?:địa bàn|đơn vị|địa phương|lĩnh vực|khu vực|ngành|loại hình|độ tuổi|giới tính))"
    r"[^\d:;.]{0,40}:"
)
_REST = re.compile(r"còn lại|khác")


def _previous_sentence(ctx: Context, p: Passage, a: int) -> tuple[Passage, tuple[int, int]] | None:
    """The sentence before the one starting at ``a``: in ``p``, or the last of the passage that
    runs on right before it."""
    i = p.sentences.index(p.sentence_of(a)) if p.sentences else 0
    if i > 0:
        return p, p.sentences[i - 1]
    if p.index == 0:
        return None
    q = ctx.passages[p.index - 1]
    if q.is_table_row or not q.sentences or q.segment.line_numbers[-1] + 1 < p.segment.line_numbers[0]:
        return None
    return q, q.sentences[-1]


def _spread_parts(ctx: Context) -> list[Finding]:
    """"Sáu tháng ghi nhận 312 ca …" then "Phân bố theo địa bàn: An Khánh 68 ca; …": the
    figure the sentence before opens with, spread over the parts this one lists."""
    out: list[Finding] = []
    for p in ctx.passages:
        if p.is_table_row or len(p.numbers) < 2:
            continue
        for a, b in p.sentences:
            m = _SPREAD.match(p.folded, a)
            if m is None:
                continue
            before = _previous_sentence(ctx, p, a)
            nums = p.numbers_in(m.end(), b)
            if before is None or len(nums) < 2 or nums[0].unit in (None, "%", "‰"):
                continue
            q, (qa, qb) = before
            brackets = _brackets(q.folded)
            totals = [n for n in q.numbers_in(qa, qb) if n.family == nums[0].family
                      and not any(x < n.start < y for x, y in brackets)]
            if not totals:
                continue
            total = totals[0]
            if not total.exact or total.role != "level" or total.mention.denominator or not total.value:
                continue
            parts = _parts(p, total, m.end(), b)
            if len(parts) < 2 or len(parts) != len([n for n in nums if n.unit not in ("%", "‰")]):
                continue
            rest = _REST.search(p.folded, parts[-2].end, parts[-1].start) is not None
            f = _judge(q, total, parts, rest)
            if f is not None:
                out.append(f)
    return out


_PARTS_OPEN = re.compile(r"^\s*(?:trong đó|bao gồm|gồm|cụ thể)\s*:?", re.I)


def _footnote_parts(ctx: Context) -> list[Finding]:
    """A body total and the parts its footnote lists ("… năm 2025 đạt 3.033 tỷ đồng²" / "² Dịch
    vụ: 1.957 tỷ đồng; CN – XD: 944 tỷ đồng; Nông nghiệp: 132 tỷ đồng.")."""
    out: list[Finding] = []
    for link in links(ctx):
        body = link.body
        money_or_count = [n for n in body.numbers if n.unit and n.unit not in ("%", "‰", "lần")]
        if len(money_or_count) < 2:
            continue
        family = money_or_count[0].family
        if any(n.family != family for n in money_or_count):
            continue
        if any(not n.exact or n.role != "level" or n.mention.denominator for n in money_or_count):
            continue
        if any(p_open < n.start < p_close for n in money_or_count
               for p_open, p_close in _brackets(body.folded)):
            continue
        anchor = ctx.passage_at(link.anchor_line)
        if anchor is None or anchor is body:
            continue
        before = [n for n in anchor.numbers if n.line <= link.anchor_line and n.family == family]
        if link.anchor_column is not None:
            before = [n for n in before if n.line < link.anchor_line or _column(ctx, n) < link.anchor_column]
        if not before:
            continue
        total = before[-1]
        if not total.exact or total.role != "level" or total.mention.denominator or not total.value:
            continue
        # the total must close its clause: no other figure of the family after it before the marker
        if anchor.sentence_of(total.start) != anchor.sentence_of(before[-1].start):
            continue
        f = _judge(anchor, total, money_or_count, False)
        if f is not None:
            out.append(f)
    return out


def _brackets(text: str) -> list[tuple[int, int]]:
    out, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c == "(":
            if depth == 0:
                start = i
            depth += 1
        elif c == ")" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i))
    return out


def _column(ctx: Context, n: Number) -> int:
    """Where ``n`` stands in its raw line (for Markdown markers)."""
    raw = ctx.document.lines[n.line - 1]
    i = raw.find(n.written)
    return i if i >= 0 else 10**6


_TRAILING_MARK = re.compile(r"^[^\d;.()]{0,60}?(trong đó|bao gồm|(?<![a-zà-ỹđ])gồm|cụ thể)?\s*:?\s*$")
_MARK_SENTENCE = re.compile(r"[.;]\s*(?:(trong đó|bao gồm|(?<![a-zà-ỹđ])gồm|cụ thể)(?:\s+[a-zà-ỹđ]+){0,4}"
                            r"|(?:chi tiết|các khoản)(?:\s+[a-zà-ỹđ]+){0,4})\s*:\s*$")
_BULLET = re.compile(r"^\s*([-+–•*]|[a-zđ][).]|\d+[).]|[ivx]+[).])\s*")


def _bullet_kind(text: str) -> str | None:
    m = _BULLET.match(text)
    if not m:
        return None
    b = m.group(1)
    return b if b in "-+–•*" else ("letter" if b[0].isalpha() and b[0] not in "ivx" else "number" if b[0].isdigit() else "roman")


# What may stand between a list's total and its mark: the total's share of the plan or change and
# the base quoted in brackets ("23.115 triệu đồng, đạt 94,8% dự toán (24.380 triệu đồng), gồm:").
_ASIDE = re.compile(
    r"\((?![^()]*(?:trong đó|gồm))[^()]{0,60}\)"
    r"|,?\s*(?:tăng|giảm|đạt|bằng)\s*[\d.,]+\s*%(?:\s*(?:so với\s*)?(?:kế hoạch|dự toán|chỉ tiêu|cùng kỳ|năm trước|năm (?:19|20)\d\d))*"
)


def _list_total(p: Passage) -> Number | None:
    """The figure a passage's closing list mark breaks down: its last figure, or the last one
    before the asides the mark may follow (a share of the plan, a change, a base in brackets)."""
    last = p.numbers[-1]
    a = p.sentence_of(last.start)[0]
    spans = [m.span() for m in _ASIDE.finditer(p.folded, a)]
    outside = [n for n in p.numbers_in(a, len(p.folded)) if not any(x <= n.start < y for x, y in spans)]
    return outside[-1] if outside else None


def _list_children(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    ps = ctx.passages
    for i, p in enumerate(ps):
        if not p.numbers or p.is_table_row:
            continue
        total = _list_total(p)
        if total is None or not total.exact or total.unit in (None, "%", "‰") or total.role != "level" or not total.value:
            continue
        if total.mention.denominator is not None:
            continue
        tail = _ASIDE.sub("", p.folded[total.end :])
        apart = False
        m = _TRAILING_MARK.match(tail)
        if m is None:
            # the mark in a sentence of its own, after at most two sentences with no figure
            # ("…: 8.426 triệu đồng, bằng 106,7% dự toán (7.900 triệu đồng). Thu đạt khá nhờ …
            # Trong đó chi tiết:")
            m = _MARK_SENTENCE.search(tail)
            if m is not None and (re.search(r"\d", tail[: m.start()]) or tail[: m.start()].count(".") > 3):
                m = None
            apart = m is not None
        if m is None or (m.group(1) is None and ":" not in tail):
            continue
        own = _bullet_kind(p.text)
        kind = None
        parts: list[Number] = []
        for q in ps[i + 1 : i + 15]:
            k = _bullet_kind(q.text)
            if k is None or k == own or q.is_table_row or (kind is not None and k != kind):
                break
            kind = kind or k
            same = [n for n in q.numbers if n.family == total.family and n.unit not in ("%", "‰")]
            if not same or not same[0].exact or same[0].role != "level" or same[0].mention.denominator:
                parts = []
                break
            parts.append(same[0])
        if len(parts) < (3 if apart else 2):
            continue  # two items under a mark standing apart: too often some parts only
        f = _judge(p, total, parts, m.group(1) in ("gồm", "bao gồm"))
        if f is not None:
            out.append(f)
    return out


_CHILD_NAME = re.compile(r"^\s*(?:trong đó\s*:?|[-+–•*]|[a-zđ][).])\s*", re.I)


def _cell_number(text: str) -> tuple[float, int] | None:
    t = text.strip()
    if not re.fullmatch(r"\d[\d.,]*", t):
        return None
    try:
        v = parse_number(t)
    except NumberFormatError:
        return None
    dec = len(t.rsplit(",", 1)[1]) if "," in t else 0
    return v, dec


def _table_children(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    rows = [p for p in ctx.passages if p.segment.cells is not None and p.segment.roles is not None]
    for i, parent in enumerate(rows):
        roles = parent.segment.roles
        if "name" not in roles:
            continue
        ni = roles.index("name")
        ui = roles.index("unit") if "unit" in roles else None
        cells = parent.segment.cells
        if len(cells) != len(roles) or _CHILD_NAME.match(cells[ni].lower()):
            continue
        unit = cells[ui].strip().lower() if ui is not None else ""
        if "%" in unit or "lần" in unit:
            continue
        children = []
        partial = False
        for j, row in enumerate(rows[i + 1 : i + 20], start=i + 1):
            if row.segment.roles != roles or len(row.segment.cells) != len(roles) or row.index != rows[j - 1].index + 1:
                break
            name = row.segment.cells[ni].strip().lower()
            stt = row.segment.cells[roles.index("stt")].strip() if "stt" in roles else ""
            marked = _CHILD_NAME.match(name)
            if not children and not marked:
                break
            if children and not marked and (stt or not partial):
                break
            if re.fullmatch(r"\d+(?:\.\d+)*\.?|[ivxlc]+\.?", stt.lower()):
                break
            if name.startswith("trong đó"):
                if children:
                    break  # a nested breakdown
                partial = True
            if ui is not None and row.segment.cells[ui].strip().lower() != unit:
                children = []
                break
            children.append(row)
        if len(children) < 2:
            continue
        out += _column_sums(parent, children, unit, partial)
    return out


def _column_sums(parent: Passage, children: list[Passage], unit: str, partial: bool, percent_headers: bool = True) -> list[Finding]:
    """``_judge_cells`` for each value column of ``parent`` over the same cells of ``children``
    (not the name, unit, number, ratio and verdict columns; nor, with ``percent_headers=False``,
    a column whose header holds "%")."""
    out: list[Finding] = []
    header = parent.segment.header or []
    for ci, role in enumerate(parent.segment.roles):
        if role in ("name", "unit", "stt", "ratio", "verdict"):
            continue
        if not percent_headers and ci < len(header) and "%" in header[ci]:
            continue
        top = _cell_number(parent.segment.cells[ci])
        parts = [_cell_number(c.segment.cells[ci]) for c in children]
        if top is None or any(x is None for x in parts) or not top[0]:
            continue
        f = _judge_cells(parent, children, ci, top, parts, unit, partial)
        if f is not None:
            out.append(f)
    return out


def _judge_cells(parent: Passage, children: list[Passage], ci: int, top, parts, unit: str,
                 partial: bool) -> Finding | None:
    counts = all(float(v).is_integer() and d == 0 for v, d in (top, *parts)) and "đồng" not in unit
    slack = 0.0 if counts else sum(0.5 * 10.0**-d for _, d in (top, *parts))
    summed = sum(v for v, _ in parts)
    diff = summed - top[0]
    if abs(diff) <= slack + 1e-9:
        return None
    if abs(diff) > _NEAR * top[0] and not (diff > 0):
        return None
    if partial and diff < 0 and abs(diff) > _NEAR * top[0] / 5:
        return None  # "Trong đó" names some parts only
    decimals = max(d for _, d in (top, *parts))
    computed = fmt(summed, decimals)
    col = parent.segment.header[ci] if parent.segment.header and ci < len(parent.segment.header) else ""
    written = [parent.segment.cells[ci].strip()] + [c.segment.cells[ci].strip() for c in children]
    name = parent.segment.cells[parent.segment.roles.index("name")].strip()
    return Finding(
        "sum", ERROR, tuple(dict.fromkeys([parent.segment.line_numbers[0]] + [c.segment.line_numbers[0] for c in children])),
        tuple(f"{w} {unit}".strip() for w in written),
        f"{name[:80]} ({col.strip()}): các dòng con cộng lại {' + '.join(written[1:])} = {computed}, "
        f"dòng tổng ghi {written[0]}.",
        computed, parent.quote(0, len(parent.text)),
    )


_UNLIKELY = 1e-3


def _rounding_unlikely(total: Number, parts: list[Number], diff: float) -> bool:
    """Whether a gap the printed digits still allow needs nearly every figure rounded to its
    extreme, one way: all printed to the same decimals, the gap k units of the last digit over
    n figures; the rounding errors (each even over ±½ unit) sum to k only with chance
    2·(n/2 − k)ⁿ / n! (the tail of their Irwin–Hall sum), here below one in a thousand."""
    decimals = {q.stated.decimals if q.stated else None for q in (total, *parts)}
    if len(decimals) != 1 or None in decimals or any(q.unit != total.unit for q in parts):
        return False
    d = decimals.pop()
    n, k = len(parts) + 1, round(abs(diff) * 10**d)
    if k < 2 or k < n / 2 - 1:
        return False
    return 2 * max(n / 2 - k, 0) ** n / math.factorial(n) < _UNLIKELY


def _judge(p: Passage, total: Number, parts: list[Number], complete: bool) -> Finding | None:
    scale = (total.base() / total.value) if total.value else 1.0
    summed = sum(q.base() for q in parts) / scale
    slack = total.half() + sum(q.half() for q in parts)
    counts = all(float(q.value).is_integer() for q in (total, *parts)) and not total.is_money
    if counts:
        slack = 0.0
    diff = summed - total.value
    severity = ERROR
    if abs(diff) <= slack + 1e-9:
        if not _rounding_unlikely(total, parts, diff):
            return None
        severity = WARNING
    if abs(diff) > _NEAR * total.value and not (complete and diff > 0):
        return None  # parts left unnamed ("trong đó" lists only some)
    kind = "count" if total.unit == "chỉ tiêu" else "sum"
    decimals = max((q.stated.decimals if q.stated else 0) for q in (total, *parts))
    computed = fmt(summed, decimals)
    sums = " + ".join(q.written for q in parts)
    unit = re.sub(r"^\s*/\s*[\d.,]+", "", total.text[len(total.written) :]).strip()  # "607,5/607,5 ha": ha
    a, b = p.sentence_of(total.start)
    hint = " (lệch quá xa để chỉ do làm tròn)" if severity == WARNING else ""
    return Finding(
        kind, severity, tuple(sorted({total.line, *(q.line for q in parts)}, key=lambda x: (x != total.line, x))),
        (total.text, *(q.text for q in parts)),
        f"Các thành phần cộng lại {sums} = {computed} {unit}".rstrip() + f", văn bản ghi tổng {total.text}{hint}.",
        computed, p.quote(a, b),
    )


_TOTAL_NAME = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng)(?![a-zà-ỹđ])")
_WHOLE_STT = re.compile(r"^\d+\.?$")


def _stt(row: Passage) -> str:
    roles = row.segment.roles
    return row.segment.cells[roles.index("stt")].strip().rstrip(".") if "stt" in roles else ""


def _numbered_run(rows: list[Passage]) -> list[Passage] | None:
    """The rows numbered 1, 2, 3 … at the head of ``rows`` (their "1.1", "-" sub-rows skipped);
    None when the numbering does not start at 1 or breaks."""
    run: list[Passage] = []
    for row in rows:
        stt = _stt(row)
        if _WHOLE_STT.match(stt):
            if int(stt) != len(run) + 1:
                return None
            run.append(row)
        elif not run or _TOTAL_NAME.match(row.segment.cells[row.segment.roles.index("name")].lower()):
            break
        elif not stt.startswith(_stt(run[-1]) + ".") and (stt or not _CHILD_NAME.match(row.segment.cells[row.segment.roles.index("name")].lower())):
            break  # a row of another group ("A", "II") ends the run
    return run


def _reaches(rows: list[Passage], run: list[Passage]) -> bool:
    """Whether ``run`` goes on to the end of ``rows``: only its last row's sub-rows after it."""
    rest = rows[rows.index(run[-1]) + 1 :]
    return all(_stt(r).startswith(_stt(run[-1]) + ".") or not _stt(r) for r in rest)


def _decimal_children(rows: list[Passage], i: int) -> list[Passage]:
    """The rows "2.1", "2.2" … right under the row numbered "2" (deeper rows skipped)."""
    own = _stt(rows[i])
    out: list[Passage] = []
    for row in rows[i + 1 :]:
        stt = _stt(row)
        if not stt.startswith(own + "."):
            break
        rest = stt[len(own) + 1 :]
        if rest.isdigit():
            if int(rest) != len(out) + 1:
                return []
            out.append(row)
    return out


def _numbered_groups(ctx: Context) -> list[tuple[Passage, list[Passage]]]:
    """Table rows with the numbered rows they add up: a "Tổng …"/"Cộng" row without a number
    over (or under) the rows numbered 1, 2, 3 …, and a row numbered "2" over its "2.1", "2.2" …"""
    out: list[tuple[Passage, list[Passage]]] = []
    for rows in table_blocks(ctx):
        if "name" not in rows[0].segment.roles:
            continue
        ni = rows[0].segment.roles.index("name")
        for i, row in enumerate(rows):
            stt = _stt(row)
            if not stt and _TOTAL_NAME.match(row.segment.cells[ni].lower()):
                below = _numbered_run(rows[i + 1 :])
                above = _numbered_run(rows[:i])
                if above and not _reaches(rows[:i], above):
                    above = None
                for run in (below, above):
                    if run and len(run) >= 2:
                        out.append((row, run))
            elif re.fullmatch(r"\d+(?:\.\d+)*", stt):
                children = _decimal_children(rows, i)
                if len(children) >= 2:
                    out.append((row, children))
    return out


def _numbered_sums(ctx: Context) -> list[Finding]:
    """``_judge_cells`` over each numbered group, column by column, in one unit."""
    out: list[Finding] = []
    for parent, children in _numbered_groups(ctx):
        roles = parent.segment.roles
        ui = roles.index("unit") if "unit" in roles else None
        unit = parent.segment.cells[ui].strip().lower() if ui is not None else ""
        if "%" in unit or "lần" in unit:
            continue
        if ui is not None and any(c.segment.cells[ui].strip().lower() != unit for c in children):
            continue
        out += _column_sums(parent, children, unit, False, percent_headers=False)
    return out


# Periods a figure's words name: months, quarters, the first n months, a year, n years.
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_MONTH = re.compile(r"(?<![a-zà-ỹđ\d])tháng\s+(\d{1,2})(?![\d/.,])")
_QUARTER = re.compile(r"(?<![a-zà-ỹđ])quý\s+(iv|iii|ii|i|[1-4])(?![a-zà-ỹđ\d])")
_FIRST_MONTHS = re.compile(r"(?<![\d.,])(3|6|9)\s+tháng(?:\s+đầu\s+năm)?(?!\s+cuối)")
_WHOLE_YEAR = re.compile(r"(?<![a-zà-ỹđ])(?:cả năm|năm (?:19|20)\d\d)(?![\d/])")
_N_YEARS = re.compile(r"(?<![\d.,])(\d)\s+năm(?![a-zà-ỹđ])|giai đoạn\s+((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
_NOT_ADDITIVE = re.compile(r"(?<![a-zà-ỹđ])(?:bình quân|trung bình|lũy kế|luỹ kế|tỷ lệ|chỉ số|năng suất|giá(?! trị)|mức|tồn|hiện có|đang)(?![a-zà-ỹđ])")
_SUMMED = re.compile(r"(?<![a-zà-ỹđ])(?:tổng|cộng|tính chung|cả)(?![a-zà-ỹđ])")


def _months(label: str) -> frozenset[int] | None:
    """The months of the year the words name, or None (no period, or more than one)."""
    found = []
    for m in _MONTH.finditer(label):
        k = int(m.group(1))
        if 1 <= k <= 12:
            found.append(frozenset((k,)))
    for m in _QUARTER.finditer(label):
        q = _ROMAN.get(m.group(1)) or int(m.group(1))
        found.append(frozenset(range(3 * q - 2, 3 * q + 1)))
    for m in _FIRST_MONTHS.finditer(label):
        found.append(frozenset(range(1, int(m.group(1)) + 1)))
    if _WHOLE_YEAR.search(label) and not found:
        found.append(frozenset(range(1, 13)))
    return found[0] if len(found) == 1 else None


def _item_label(p: Passage, n: Number) -> str:
    """The words of ``n``'s clause before it, after the figure before it."""
    a = p.clause_of(n.start)[0]
    prev = p.numbers_in(a, n.start)
    return p.folded[prev[-1].end if prev else a : n.start]


def _sentences_around(ctx: Context, p: Passage, sent: tuple[int, int]):
    """The sentence before and the one after ``sent`` (across passages with no gap), as (passage, span)."""
    out = []
    if sent[0] > 0:
        out.append((p, p.sentence_of(sent[0] - 1)))
    elif p.index > 0 and not ctx.passages[p.index - 1].is_table_row:
        q = ctx.passages[p.index - 1]
        if q.folded:
            out.append((q, q.sentence_of(len(q.folded) - 1)))
    if sent[1] < len(p.folded) - 1:
        nxt = p.sentence_of(sent[1] + 1)
        if nxt != sent:
            out.append((p, nxt))
    elif p.index + 1 < len(ctx.passages) and not ctx.passages[p.index + 1].is_table_row:
        q = ctx.passages[p.index + 1]
        if q.folded:
            out.append((q, q.sentence_of(0)))
    return out


def _period_sums(ctx: Context) -> list[Finding]:
    """Figures of one kind for months or quarters that together make a period ("tháng 1 là 412
    hồ sơ, tháng 2 là 365 hồ sơ, tháng 3 là 498 hồ sơ") against the total of that period in the
    same sentence or the one next to it ("Tổng cộng quý I tiếp nhận 1.305 hồ sơ"); 9 tháng and
    quý IV make the year. Levels only, not averages, rates or stocks."""
    out: list[Finding] = []
    for p in ctx.passages:
        if p.is_table_row:
            continue
        done: set[tuple[int, int]] = set()
        for n in p.numbers:
            sent = p.sentence_of(n.start)
            if sent in done:
                continue
            done.add(sent)
            groups: dict[str, list[tuple[Number, frozenset[int]]]] = {}
            for q in p.numbers_in(*sent):
                if not q.exact or q.unit in (None, "%", "‰") or q.role != "level" or q.mention.denominator is not None:
                    continue
                label = _item_label(p, q)
                months = _months(label)
                if months is not None and not _NOT_ADDITIVE.search(label) and not _SUMMED.search(label):
                    groups.setdefault(q.family, []).append((q, months))
            for family, items in groups.items():
                if len(items) < 2:
                    continue
                seen: set[int] = set()
                if any(seen & m or seen.update(m) for _, m in items):
                    continue  # overlapping periods
                union = frozenset(seen)
                totals = []
                for t_p, t_sent in [(p, sent)] + _sentences_around(ctx, p, sent):
                    for t in t_p.numbers_in(*t_sent):
                        if t.family != family or not t.exact or t.role != "level" or any(t is q for q, _ in items):
                            continue
                        label = t_p.folded[t_sent[0] : t.start]
                        own = _item_label(t_p, t)
                        if _months(own if _months(own) is not None else label) == union \
                                and _SUMMED.search(label) and not _NOT_ADDITIVE.search(own):
                            totals.append((t_p, t))
                if len(totals) != 1:
                    continue
                t_p, total = totals[0]
                f = _judge(t_p, total, [q for q, _ in items], True)
                if f is not None:
                    out.append(f)
    return out


_YEAR_HEAD = re.compile(r"^\s*(?:năm\s+)?((?:19|20)\d\d)\s*$")


def _year_row_sums(ctx: Context) -> list[Finding]:
    """A total over several years in the text ("Tổng vốn đầu tư toàn xã hội 5 năm đạt 2.082 tỷ
    đồng", "… giai đoạn 2021-2025 …") against the table row of the same name whose columns are
    those years, one a column ("Vốn đầu tư | 312 | 348 | 395 | 441 | 486"), in the unit the
    table's title or the row gives."""
    rows = []
    for p in ctx.passages:
        cells, roles, header = p.segment.cells, p.segment.roles, p.segment.header
        if cells is None or roles is None or header is None or not len(cells) == len(roles) == len(header):
            continue
        if "name" not in roles:
            continue
        cols = [(int(m.group(1)), i) for i, h in enumerate(header) if (m := _YEAR_HEAD.match(h))]
        if len(cols) < 2 or len({y for y, _ in cols}) != len(cols):
            continue
        vals = [_cell_number(cells[i]) for _, i in cols]
        if any(v is None for v in vals):
            continue
        name = cells[roles.index("name")].strip().lower()
        if len(name.split()) < 2 or _NOT_ADDITIVE.search(name) or "%" in name:
            continue
        first = p.segment.line_numbers[0]
        above = " ".join(ctx.document.lines[max(0, first - 4) : first - 1]).lower() + " " + name
        rows.append((p, name, sorted(y for y, _ in cols), vals, above))
    out: list[Finding] = []
    if not rows:
        return out
    for p in ctx.passages:
        if p.is_table_row:
            continue
        for t in p.numbers:
            if not t.exact or t.unit in (None, "%", "‰") or t.role != "level" or not t.value:
                continue
            sent = p.sentence_of(t.start)
            label = p.folded[sent[0] : t.start]
            if _NOT_ADDITIVE.search(label):
                continue
            m = _N_YEARS.search(label)
            if m is None:
                continue
            for r, name, years, vals, above in rows:
                if name not in label or t.unit.lower() not in above:
                    continue
                if m.group(1) and int(m.group(1)) != len(years):
                    continue
                if m.group(2) and list(range(int(m.group(2)), int(m.group(3)) + 1)) != years:
                    continue
                if years != list(range(years[0], years[-1] + 1)):
                    continue
                counts = all(float(v).is_integer() and d == 0 for v, d in vals) and not t.is_money
                slack = 0.0 if counts else t.half() + sum(0.5 * 10.0**-d for _, d in vals)
                summed = sum(v for v, _ in vals)
                diff = summed - t.value
                if abs(diff) <= slack + 1e-9 or abs(diff) > _NEAR * t.value:
                    continue
                decimals = max([d for _, d in vals] + [t.stated.decimals if t.stated else 0])
                computed = fmt(summed, decimals)
                cells = [r.segment.cells[r.segment.header.index(h)].strip() for h in r.segment.header if _YEAR_HEAD.match(h)]
                out.append(Finding(
                    "sum", ERROR, (t.line, r.segment.line_numbers[0]), (t.text, *cells),
                    f"{name.capitalize()} {years[0]}-{years[-1]} theo bảng (dòng {r.segment.line_numbers[0]}): "
                    f"{' + '.join(cells)} = {computed} {t.unit}, văn bản ghi tổng {t.text}.",
                    computed, p.quote(*sent),
                ))
    return out


_RAW_CHILD = re.compile(r"^\s*(?:trong đó|[-+–•*]|[a-zđ][).])", re.I)


def _raw_table_children(ctx: Context) -> list[Finding]:
    """``_table_children`` over the tables the reader gives no cells (numbered column heads,
    "(7) = (6)/(5)" in a note): a row and the rows under it marked as its parts ("- | Trong đó:
    thóc | tấn | …"), in its unit, column by column, ratio columns (a formula's result, a "%"
    head) left out."""
    out: list[Finding] = []
    for header, rows, above in raw_tables(ctx):
        marks = column_marks(header, rows)
        ratio_cols = {marks[a] for a, _, _ in column_formulas(above) if a in marks}
        ratio_cols |= {i for i, h in enumerate(header) if "%" in h}
        for k, (line, cells) in enumerate(rows):
            texts = [i for i, c in enumerate(cells) if re.search(r"[a-zà-ỹđ]{2}", c.lower())]
            if not texts:
                continue
            ni = max(texts, key=lambda i: len(cells[i]))
            if _RAW_CHILD.match(cells[ni].lower()) or (cells[0].strip() and _RAW_CHILD.match(cells[0].lower())):
                continue
            unit_cols = [i for i in texts if i != ni]
            children = []
            for c_line, c_cells in rows[k + 1 : k + 15]:
                if not (_RAW_CHILD.match(c_cells[ni].lower()) or re.fullmatch(r"[-+–•*]", c_cells[0].strip())):
                    break
                if any(c_cells[i].strip().lower() != cells[i].strip().lower() for i in unit_cols):
                    children = []
                    break
                children.append((c_line, c_cells))
            if len(children) < 2:
                continue
            partial = any(c[ni].strip().lower().startswith("trong đó") for _, c in children)
            unit = " ".join(cells[i].strip() for i in unit_cols).strip()
            for ci in range(len(cells)):
                if ci == ni or ci in unit_cols or ci in ratio_cols:
                    continue
                top = _cell_number(cells[ci])
                parts = [_cell_number(c[ci]) for _, c in children]
                if top is None or not top[0] or any(x is None for x in parts):
                    continue
                counts = all(float(v).is_integer() and d == 0 for v, d in (top, *parts)) and "đồng" not in unit
                slack = 0.0 if counts else sum(0.5 * 10.0**-d for _, d in (top, *parts))
                summed = sum(v for v, _ in parts)
                diff = summed - top[0]
                if abs(diff) <= slack + 1e-9 or (abs(diff) > _NEAR * top[0] and diff < 0):
                    continue
                if partial and diff < 0 and abs(diff) > _NEAR * top[0] / 5:
                    continue
                written = [cells[ci]] + [c[ci] for _, c in children]
                computed = fmt(summed, max(d for _, d in (top, *parts)))
                out.append(Finding(
                    "sum", ERROR, (line, *(c_line for c_line, _ in children)), tuple(written),
                    f"{cells[ni][:80]} ({header[ci]}): các dòng con cộng lại {' + '.join(written[1:])} = {computed}"
                    f" {unit}, dòng tổng ghi {written[0]}.".replace("  ", " "),
                    computed, " | ".join(cells)[:300],
                ))
    return out


_IN_TOTAL = re.compile(r"\W*trong\s+(tổng\s+(?:số\s+)?)?([a-zà-ỹđ]+(?:\s+[a-zà-ỹđ]+){0,5}?)\s*(?:nói trên|này|đó)?\s*[,:]")


def _named_total_parts(ctx: Context) -> list[Finding]:
    """"Trong tổng lượt khách, khách quốc tế đạt 612 nghìn lượt, khách nội địa 4.148 nghìn
    lượt": a sentence opening on the whole it breaks down, by name, and the parts it lists,
    against that whole's figure given before in the paragraph ("Tổng lượt khách … 4.860 nghìn
    lượt"): the nearest figure of the parts' kind heading a sentence that names it."""
    out: list[Finding] = []
    for p in ctx.passages:
        if p.is_table_row or not p.numbers:
            continue
        starts = sorted({p.sentence_of(n.start) for n in p.numbers})
        for s0, s1 in starts:
            m = _IN_TOTAL.match(p.folded, s0)
            if m is None or m.end() > s1:
                continue
            name = m.group(2).strip()
            if len(name.split()) < 2 or re.match(r"(?:đó|số đó|năm|kỳ|thời gian|tháng|quý)(?![a-zà-ỹđ])", name):
                continue
            parts = [q for q in p.numbers_in(m.end(), s1) if q.unit not in (None, "%", "‰")]
            if len(parts) < 2 or len({q.family for q in parts}) != 1 or not all(
                q.exact and q.role == "level" and q.mention.denominator is None for q in parts
            ):
                continue
            # the whole: back through the paragraph (passages with no gap), nearest first
            chain, i = [p], p.index
            while i > 0 and len(chain) <= 10:
                prev, nxt = ctx.passages[i - 1], ctx.passages[i]
                if prev.is_table_row or prev.segment.line_numbers[-1] + 1 < nxt.segment.line_numbers[0]:
                    break
                chain.append(prev)
                i -= 1
            total = None
            for q_p in chain:
                limit = s0 if q_p is p else len(q_p.folded)
                for q in reversed(q_p.numbers_in(0, limit)):
                    if q.family != parts[0].family or not q.exact or q.role != "level" or q.mention.denominator:
                        continue
                    a = q_p.sentence_of(q.start)[0]
                    label = q_p.folded[a : q.start]
                    if any(r.family == q.family for r in q_p.numbers_in(a, q.start)):
                        continue  # not the figure its sentence is about
                    if name in label and (not m.group(1) or "tổng" in label):
                        total = (q_p, q)
                        break
                if total is not None:
                    break
            if total is None or any(q.base() >= total[1].base() for q in parts):
                continue
            f = _judge(total[0], total[1], parts, False)
            if f is not None:
                out.append(f)
    return out
