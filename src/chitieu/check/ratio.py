"""``ratio``: a percentage that its own numerator and denominator do not give.

Three shapes, all inside one sentence:
- a count with its percentage: "1495/1520 hộ … đạt 98,3%", "03/20 cán bộ (15%)",
  "4.639.287.000đ/3.525.000.000đ, đạt 136%";
- a result, its plan and "đạt z% kế hoạch/dự toán": "thu 5.120,4 triệu đồng, đạt 128% dự toán
  (dự toán 4.100 triệu đồng)";
- a part and its share of the total the passage gives: "3.033 tỷ đồng, trong đó dịch vụ
  1.957 tỷ đồng, chiếm 64,5%".
Wider readings where those find nothing: cases handled over cases received ("tiếp nhận 146 hồ
sơ, giải quyết đúng hạn 139 hồ sơ, tỷ lệ 96,5%"); a part over the total its words name, given
before in the paragraph or the list it heads ("…, bằng 2,5% tổng chi ngân sách địa phương").
A total that calls itself so and the part done of it ("tổng diện tích 186,5 ha, đã cho thuê
128,7 ha, tỷ lệ lấp đầy 72,6%"); a part whose name extends the whole's, over the one figure named
so before it ("lúa 16.240 ha … Diện tích lúa chất lượng cao 9.850 ha, chiếm 65,2% diện tích
lúa"); a plan in brackets the reader gives no unit ("đạt 61,8% kế hoạch năm (380 giấy)"); a plan
given only in a table row of the same name and result ("Thu tiền sử dụng đất ước 6.480 triệu
đồng, đạt 125,7% dự toán" / "Thu tiền sử dụng đất | 5.600 | 6.480 | 115,7"); an on-time (or
late) rate with no figure of its own against the cases of the list it closes (any reading — over
the cases handled or received, early counted in — that gives it will do).
A table's "So dự toán (%)" cell against its result and plan cells; one error written in the
text and again in the table is one finding with both lines.
The percentage is judged at its printed digits, with the inputs widened by theirs.
"""

from __future__ import annotations

import re
import unicodedata

from chitieu.check.common import (
    Context,
    between,
    column_formulas,
    column_legend,
    column_marks,
    fmt_like,
    is_quoted_target,
    raw_tables,
    severity_of,
    table_blocks,
)
from chitieu.check.finding import Finding, merge_repeats
from chitieu.check.passages import Number, Passage
from chitieu.core.numbers import format_number
from chitieu.core.stated import Agreement, Stated, StatedError

_PERCENT = ("%",)
_WINDOW = 80  # characters between a count and its percentage
_PLAN_WORD = re.compile(
    r"(?:kế hoạch|kh|dự toán|chỉ tiêu|nghị quyết|nq)(?:\s+(?:được\s+)?(?:giao|đề ra|huyện giao|tỉnh giao|năm \d{4}|là))*"
    r"\s*:?\s*(?:là\s*)?$"
    # … or the plan in brackets after its name and a few words: "đạt 118% dự toán huyện giao (4.250 …)"
    r"|(?:kế hoạch|kh|dự toán|chỉ tiêu|nghị quyết|nq)(?:\s+(?:[a-zà-ỹđ]+|\d{4})){0,4}\s*\(\s*(?:là\s*)?$"
)
_SHARE_WORD = re.compile(r"(?:chiếm|bằng|tương đương|tỷ lệ|đạt tỷ lệ)\s*(?:tỷ lệ\s*|tỷ trọng\s*)?(?:khoảng\s*)?$")
_WHOLE_MARK = re.compile(r"trong đó|bao gồm|(?<![a-zà-ỹđ])gồm|\(")


def _percent(n: Number) -> bool:
    return n.unit in _PERCENT and n.exact and n.stated is not None


def _ratio_range(a: Number, b: Number, exact_counts: bool) -> tuple[float, float, float]:
    """100·a/b with the range the inputs' printed digits allow (counts are exact)."""
    va, vb = a.base(), b.base()
    scale_a = va / a.value if a.value else 1.0
    scale_b = vb / b.value if b.value else 1.0
    da = 0.0 if exact_counts else a.half() * scale_a
    db = 0.0 if exact_counts else b.half() * scale_b
    centre = 100.0 * va / vb
    low = 100.0 * (va - da) / (vb + db)
    high = 100.0 * (va + da) / max(vb - db, 1e-12)
    return centre, low, high


def _finding(p: Passage, pct: Number, figures: list[str], lines: list[int], centre: float,
             low: float, high: float, what: str, how: str) -> Finding | None:
    sev = severity_of(pct.agrees(centre, low, high))
    if sev is None:
        return None
    computed = fmt_like(centre, pct) + "%"
    a, b = p.clause_of(pct.start)
    rounding = " (số bị cắt thay vì làm tròn)" if sev == "warning" else ""
    return Finding(
        "ratio", sev, tuple(lines), tuple(figures),
        f"{what}: {how} = {computed}, văn bản ghi {pct.text}{rounding}.", computed, p.quote(a, b),
    )


def _part_of_whole(p: Passage, pct: Number, part: Number, whole: Number, what: str, how: str,
                   *, whole_first: bool = False) -> Finding | None:
    """The finding, if any, of ``pct`` stated as the share of ``part`` in ``whole``."""
    centre, low, high = _ratio_range(part, whole, _counts(part, whole))
    pair = [whole.text, part.text] if whole_first else [part.text, whole.text]
    return _finding(p, pct, [pct.text, *pair], list(dict.fromkeys([pct.line, part.line, whole.line])),
                    centre, low, high, what, how)


_BEFORE_COUNT = re.compile(r"^\s*\(?\s*(?:gồm|với|là|có)?\s*$")


def _own(p: Passage, pct: Number) -> bool:
    """A percentage that is a share itself (not a change, not a quoted target)."""
    return pct.role != "change" and not is_quoted_target(p, pct)


def _percent_of_count(p: Passage, n: Number) -> Number | None:
    """The percentage written for the count ``n``: right after it in its clause with only words
    between, or right before it with the count in brackets ("98,3% (1495/1520)")."""
    clause = p.clause_of(n.start)
    after = next((q for q in p.numbers_in(n.end, clause[1])), None)
    pct = None
    if after is not None and _percent(after) and after.start - n.end <= _WINDOW and _own(p, after):
        pct = after
    else:
        before = p.numbers_in(clause[0], n.start)
        if before and _percent(before[-1]) and _BEFORE_COUNT.match(p.folded[before[-1].end : n.start]):
            pct = before[-1] if _own(p, before[-1]) else None
    if pct is None:
        return None
    # The percentage belongs to the count nearest to it.
    counts = [q for q in p.numbers_in(*clause) if q.mention.denominator is not None and q is not n]
    if any(abs(q.start - pct.start) < abs(n.start - pct.start) for q in counts):
        return None
    return pct


def _count_ratios(p: Passage) -> list[Finding]:
    out = []
    for n in p.numbers:
        den = n.mention.denominator
        if den is None or n.value is None or not den[0] or n.unit in _PERCENT:
            continue
        pct = _percent_of_count(p, n)
        if pct is None:
            continue
        x, y = n.value, den[0]
        exact = float(x).is_integer() and float(y).is_integer()
        centre = 100.0 * x / y
        if exact:
            low = high = centre
        else:
            dx = n.half()
            low, high = 100.0 * (x - dx) / (y + dx), 100.0 * (x + dx) / max(y - dx, 1e-12)
        if pct.agrees(100.0 - centre) is Agreement.OK:
            continue  # "còn 5/100 …, 95% đã đạt": the complement
        if x < y and pct.value >= 100 and pct.start > n.end and re.search(r"đạt\s*$", between(p, n, pct)):
            continue  # "6/7 làng đạt 100%": a part can't be 100 % of its whole, so this is of the plan
        f = _finding(p, pct, [pct.text, n.text], sorted({pct.line, n.line}), centre, low, high, "Tỷ lệ", n.text)
        if f:
            out.append(f)
    return out


def _plan_ratios(p: Passage) -> list[Finding]:
    """"đạt z% kế hoạch" beside the result and the plan it divides."""
    out = []
    for pct in p.numbers:
        if not _percent(pct) or pct.role != "plan_ratio":
            continue
        sent = p.sentence_of(pct.start)
        nums = [q for q in p.numbers_in(*sent) if q is not pct and q.exact and q.unit and q.unit not in _PERCENT]
        plans = [q for q in nums if _PLAN_WORD.search(p.folded, max(sent[0], q.start - 40), q.start)]
        bare = [q for q in p.numbers_in(*sent) if q.start > pct.end and _bare_plan(p, q)]
        if not plans and len(bare) == 1:
            plans = bare
        if len(plans) != 1:
            continue
        plan = plans[0]
        results = [
            q for q in nums
            if q is not plan and (q.family == plan.family or plan.unit is None and _unit_fits(p, plan, q))
            and q.start < pct.start and q.role == "level" and q.mention.denominator is None
        ]
        if not results or not plan.value:
            continue
        result = results[-1]
        if p.numbers_in(result.end, pct.start) and any(
            r.unit in _PERCENT for r in p.numbers_in(result.end, pct.start)
        ):
            continue
        f = _plan_ratio(p, pct, result, plan)
        if f:
            out.append(f)
    return out



def _bare_plan(p: Passage, q: Number) -> bool:
    """A plan in brackets the reader gives no unit, the result's noun cut short or left out
    ("đạt 61,8% kế hoạch năm (380 giấy)", "(kế hoạch: 380)")."""
    return q.unit is None and q.exact and q.mention.denominator is None and bool(q.value) \
        and _PLAN_WORD.search(p.folded, max(0, q.start - 40), q.start) is not None \
        and re.match(r"[^()\d]{0,30}\)", p.folded[q.end :]) is not None


def _unit_fits(p: Passage, plan: Number, result: Number) -> bool:
    """Whether the words after a unitless plan begin the result's unit (or there are none)."""
    if not result.unit or result.is_money:
        return False
    after = p.folded[plan.end : p.folded.find(")", plan.end)].strip()
    return not after or result.unit.lower().startswith(after)


def _plan_ratio(p, pct, result, plan):
    """The finding (or None) of a stated share of the plan ``pct`` that ``result`` / ``plan`` does not give."""
    centre, low, high = _ratio_range(result, plan, False)
    return _finding(p, pct, [pct.text, result.text, plan.text], sorted({pct.line, result.line, plan.line}),
                    centre, low, high, "Tỷ lệ thực hiện so với kế hoạch", f"{result.text} / {plan.text}")
_PLAN_AFTER = re.compile(r"\s*(?:so với\s*)?(kế hoạch|dự toán|chỉ tiêu)(?![a-zà-ỹđ])")
_YEAR_NOT_DATE = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?!\d)")


def _plan_of_sentence_before(p: Passage, pct: Number, result: Number, word: str) -> Number | None:
    """The plan "đạt z% kế hoạch" divides when its own sentence has none: the one figure of the
    result's kind in the sentence before, in a clause that names the plan ("Tổng kế hoạch vốn … là
    4.852,6 tỷ đồng. … giải ngân 4.215,3 tỷ đồng, bằng 88,6% kế hoạch"), of no other year."""
    a, _ = p.sentence_of(pct.start)
    if a == 0:
        return None
    prev = p.sentence_of(a - 1)
    same = [q for q in p.numbers_in(*prev) if q.family == result.family and q.unit not in _PERCENT]
    if len(same) != 1 or not same[0].exact or same[0].role != "level" or not same[0].value:
        return None
    plan = same[0]
    c, _ = p.clause_of(plan.start)
    if word not in p.folded[c : plan.start]:
        return None
    years = set(_YEAR_NOT_DATE.findall(p.folded, c, plan.start))
    own = set(_YEAR_NOT_DATE.findall(p.folded, *p.sentence_of(pct.start)))
    return None if years and own and not years & own else plan


def _plan_before_ratios(p: Passage) -> list[Finding]:
    """"bằng z% kế hoạch" after a result whose plan the sentence before gives."""
    out = []
    for pct in p.numbers:
        m = _PLAN_AFTER.match(p.folded, pct.end)
        if not _percent(pct) or pct.role != "plan_ratio" or m is None:
            continue
        sent = p.sentence_of(pct.start)
        nums = [q for q in p.numbers_in(*sent) if q is not pct and q.exact and q.unit and q.unit not in _PERCENT]
        if any(_PLAN_WORD.search(p.folded, max(sent[0], q.start - 40), q.start) for q in nums):
            continue  # the sentence gives its plan: ``_plan_ratios`` owns it
        results = [q for q in nums if q.start < pct.start and q.role == "level" and q.mention.denominator is None]
        if not results or any(r.unit in _PERCENT for r in p.numbers_in(results[-1].end, pct.start)):
            continue
        result = results[-1]
        plan = _plan_of_sentence_before(p, pct, result, m.group(1))
        if plan is None:
            continue
        f = _plan_ratio(p, pct, result, plan)
        if f:
            out.append(f)
    return out


def _shares(p: Passage) -> list[Finding]:
    """"…, chiếm z%" of a part against the total its sentence states before a breakdown mark."""
    out = []
    for pct in p.numbers:
        if not _percent(pct) or pct.role == "change":
            continue
        if not _SHARE_WORD.search(p.folded, max(0, pct.start - 25), pct.start):
            continue
        sent = p.sentence_of(pct.start)
        before = [q for q in p.numbers_in(sent[0], pct.start) if q.unit and q.unit not in _PERCENT
                  and (q.exact or q.mention.op in (">", ">="))]
        if len(before) < 2 or not before[-1].exact:
            continue
        part = before[-1]
        if between(p, part, pct).count(",") > 1 or len(between(p, part, pct)) > 40:
            continue
        if ")" in between(p, part, pct) and "(" not in between(p, part, pct):
            continue  # "258 hộ nghèo (trong đó 113 hộ …), chiếm 0,6%": the share is the total's
        clause = p.clause_of(part.start)
        if re.match(r"\W*trong đó", p.folded[clause[0] : clause[0] + 12]) and clause[0] > sent[0]:
            clause = (p.clause_of(clause[0] - 2)[0], clause[1])  # "… 293 tỷ đồng; trong đó …"
        marks = [
            m for m in _WHOLE_MARK.finditer(p.folded, clause[0], part.start)
            if m.group() != "(" or ")" not in p.folded[m.end() : part.start]
        ]
        widened = not marks and _BARE_AFTER.match(p.folded, pct.end) is not None
        if widened:
            # "Đã giải quyết 4.967 hồ sơ, trong đó đúng hạn 4.912 hồ sơ; …; trễ hạn 55 hồ sơ, chiếm
            # 1,12%": a later clause of the sentence's breakdown, its share of the same total
            marks = [m for m in _WHOLE_MARK.finditer(p.folded, sent[0], clause[0]) if m.group() != "("]
            clause = (sent[0], clause[1])
        if not marks:
            continue
        mark = marks[-1]
        wholes = [q for q in before if clause[0] <= q.start and q.end <= mark.start() and q.family == part.family]
        if not wholes:
            continue
        whole = wholes[-1]
        if widened and (len(marks) > 1 or p.numbers_in(whole.end, mark.start())):
            continue  # two breakdowns, or one of another figure: which total is meant is not said
        if not whole.value or whole.base() <= part.base():
            continue
        centre, low, high = _ratio_range(part, whole, widened and _counts(part, whole))
        if not whole.exact:
            # "trên 293 tỷ đồng; trong đó 216 tỷ đồng (chiếm 77%)": the whole is at least 293, so
            # the share is at most 216/293; any share below that the words allow.
            centre, low = 100.0 * part.base() / whole.base(), 0.0
        f = _finding(p, pct, [pct.text, part.text, whole.text], sorted({pct.line, part.line, whole.line}),
                     centre, low, high, "Tỷ trọng" if whole.exact else "Tỷ trọng tối đa (tổng trên mức ghi)",
                     f"{part.text} / {whole.text}")
        if f:
            out.append(f)
    return out


_RECEIVED = re.compile(r"tiếp nhận|thụ lý|nhận được|phải giải quyết|kiểm tra|khám sàng lọc|rà soát")
_HANDLED = re.compile(r"giải quyết|xử lý|trả kết quả|hoàn thành|đúng hạn|phát hiện|cấp phép|đã cấp")
_BARE_AFTER = re.compile(r"\s*(?:[,;.:)]|$)")
_RATE_CUE = re.compile(r"(?:tỷ lệ|đạt|chiếm|bằng)\s*(?:tỷ lệ\s*)?:?\s*$")
# … or a rate named by a few words ("tỷ lệ lấp đầy 72,6%"), not a change's
_NAMED_RATE_CUE = re.compile(r"tỷ lệ(?:\s+(?!tăng|giảm)[a-zà-ỹđ]+){1,3}\s*(?:là|đạt)?\s*:?\s*$")
_TOTAL_LABEL = re.compile(r"(?<![a-zà-ỹđ])tổng(?: số| diện tích| chiều dài| công suất| quy mô)?\s*$")
_DONE = re.compile(r"(?<![a-zà-ỹđ])(?:đã|được)\s+[a-zà-ỹđ]+")


def _label(p: Passage, n: Number, start: int) -> str:
    """The words before ``n`` back to the figure before it or ``start``."""
    prev = p.numbers_in(start, n.start)
    return p.folded[prev[-1].end if prev else start : n.start]


def _plain(n: Number) -> bool:
    """A figure arithmetic can take as it stands: exact, a level, not written as a fraction."""
    return n.exact and n.role == "level" and n.mention.denominator is None and bool(n.unit) \
        and n.unit not in _PERCENT and bool(n.value)


def _counts(*ns: Number) -> bool:
    """Whole numbers of things (not money): exact, no rounding to widen by."""
    return all(float(n.value).is_integer() and not n.is_money for n in ns)


def _part_before(p: Passage, pct: Number, cue: re.Pattern[str]) -> Number | None:
    """The figure a percentage is the share of: the one just before it in its sentence, with only
    the share's cue between ("139 hồ sơ, tỷ lệ 96,5%", "6.215 hồ sơ, chiếm 46,8%")."""
    if not _percent(pct) or not _own(p, pct) or pct.role == "plan_ratio":
        return None
    sent = p.sentence_of(pct.start)
    if not cue.search(p.folded, max(sent[0], pct.start - 25), pct.start):
        return None
    before = p.numbers_in(sent[0], pct.start)
    if not before or not _plain(before[-1]):
        return None
    part = before[-1]
    gap = between(p, part, pct)
    if len(gap) > 40 or gap.count(",") > 1 or "(" in gap or ")" in gap:
        return None
    return part


def _handled_ratios(p: Passage) -> list[Finding]:
    """"Tiếp nhận A hồ sơ, giải quyết (đúng hạn) B hồ sơ, tỷ lệ P%": the cases handled over the
    cases received just before them in the sentence (a "trong đó" list is ``_shares``' own)."""
    out = []
    for pct in p.numbers:
        part = _part_before(p, pct, _RATE_CUE) or _part_before(p, pct, _NAMED_RATE_CUE)
        if part is None:
            continue
        sent = p.sentence_of(part.start)
        same = [q for q in p.numbers_in(sent[0], part.start) if q.family == part.family]
        if not same or not _plain(same[-1]):
            continue
        whole = same[-1]
        if not _BARE_AFTER.match(p.folded, pct.end):
            continue  # "chiếm 12% hồ sơ cả huyện": the share of a whole it names, not of the one before
        own, whole_label = _label(p, part, sent[0]), _label(p, whole, sent[0])
        if _WHOLE_MARK.search(own):
            continue
        if not (_HANDLED.search(own) and _RECEIVED.search(whole_label)) and not (
            # "tổng diện tích 186,5 ha, đã cho thuê 128,7 ha, tỷ lệ lấp đầy 72,6%": a whole that
            # calls itself the total and the part done of it
            _TOTAL_LABEL.search(whole_label) and _DONE.search(own)
        ):
            continue
        if not _RATE_CUE.search(p.folded, max(sent[0], pct.start - 25), pct.start) and not _TOTAL_LABEL.search(whole_label):
            continue
        if whole.base() <= part.base():
            continue
        if f := _part_of_whole(p, pct, part, whole, "Tỷ lệ", f"{part.text} / {whole.text}", whole_first=True):
            out.append(f)
    return out


# "A người … trên tổng số B nhân khẩu", "A hộ trong tổng số B hộ", "A trên B": the part written
# over its whole in words, right before the whole
_OVER_WORDS = re.compile(r"(?:(?<![a-zà-ỹđ])trên|(?<![a-zà-ỹđ])trong)(?:\s+tổng)?\s+số(?:\s+[a-zà-ỹđ]+){0,2}\s*$"
                         r"|(?<![a-zà-ỹđ])trên(?:\s+tổng)?\s*$")


def _over_total_ratios(p: Passage) -> list[Finding]:
    """"có 17.420 người tham gia trên tổng số 18.360 nhân khẩu, tỷ lệ bao phủ 96,2%": a rate
    after a part and the whole its words put it over ("trên (tổng số)", "trong (tổng) số"),
    in either unit of counts (people over inhabitants) or one unit."""
    out = []
    for pct in p.numbers:
        whole = _part_before(p, pct, _RATE_CUE) or _part_before(p, pct, _NAMED_RATE_CUE) \
            or _part_before(p, pct, _SHARE_WORD)
        if whole is None or not _BARE_AFTER.match(p.folded, pct.end):
            continue
        sent = p.sentence_of(pct.start)
        before = p.numbers_in(sent[0], whole.start)
        if not before or not _plain(before[-1]):
            continue
        part = before[-1]
        gap = between(p, part, whole)
        if len(gap) > 40 or re.search(r"[,;:()]", gap) or not _OVER_WORDS.search(gap):
            continue
        if part.family != whole.family and not _counts(part, whole):
            continue
        if whole.base() <= part.base():
            continue
        if f := _part_of_whole(p, pct, part, whole, "Tỷ lệ", f"{part.text} / {whole.text}"):
            out.append(f)
    return out


# "…, chiếm 46,8% tổng số hồ sơ tiếp nhận": the whole named after the share
_OF_TOTAL = re.compile(r"\s*(?:so với\s*)?(?:tổng số|tổng)\s+([a-zà-ỹđ ]+?)\s*(?=[,;.:()]|$|\d)")
_FILLER = re.compile(r"(?:\s+(?:năm|của|trên địa bàn|toàn|các|cả))+$")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LOOK_BACK = 10  # passages: the total stands in the paragraph or the list it opens


def _total_name(p: Passage, pct: Number, part: Number) -> str | None:
    """The whole's name a share points to, less the part's unit ("tổng số hồ sơ tiếp nhận": tiếp nhận)."""
    m = _OF_TOTAL.match(p.folded, pct.end)
    if m is None:
        return None
    name = m.group(1).strip()
    unit = (part.unit or "").lower()
    if unit and name.startswith(unit):
        name = name[len(unit) :].strip()
    name = _FILLER.sub("", name).strip()
    return name if len(name.split()) >= 2 else None


def _named_wholes(ctx: Context, p: Passage, part: Number, name: str) -> list[tuple[Passage, Number]]:
    """Figures before ``part`` — in its passage or the passages that run on right before it —
    that open a clause naming ``name``, in the part's unit, larger than it; nearest last."""
    i = p.index
    chain = [p]
    while i > 0 and len(chain) <= _LOOK_BACK:
        prev, nxt = ctx.passages[i - 1], ctx.passages[i]
        if prev.is_table_row or prev.segment.line_numbers[-1] + 1 < nxt.segment.line_numbers[0]:
            break  # a heading or a blank line between: another section
        chain.append(prev)
        i -= 1
    out = []
    for q_p in reversed(chain):
        for q in q_p.numbers:
            if q_p is p and q.start >= part.start:
                break
            if q.family != part.family or not _plain(q) or q.base() <= part.base():
                continue
            a, _ = q_p.clause_of(q.start)
            if any(r.family == q.family for r in q_p.numbers_in(a, q.start)):
                continue  # not the figure the clause is about
            if name in q_p.folded[a : q.start]:
                out.append((q_p, q))
    return out


def _named_total_shares(ctx: Context, p: Passage) -> list[Finding]:
    """"Dự phòng 24.100 triệu đồng, bằng 2,5% tổng chi ngân sách địa phương": the part over the
    total its name points to, given before in the paragraph or the list it heads."""
    out = []
    for pct in p.numbers:
        part = _part_before(p, pct, _SHARE_WORD)
        name = _total_name(p, pct, part) if part is not None else None
        if name is None:
            continue
        years = set(_YEARS.findall(p.folded, *p.sentence_of(pct.start)))
        wholes = [
            (w_p, w) for w_p, w in _named_wholes(ctx, p, part, name)
            if not years or not (w_years := set(_YEARS.findall(w_p.folded, *w_p.sentence_of(w.start))))
            or years & w_years  # not the total of another year
        ]
        if not wholes or any(pct.agrees(*_ratio_range(part, w, _counts(part, w))) is Agreement.OK for _, w in wholes):
            continue  # a plan and its result may both carry the name: any that gives the share will do
        w_p, whole = wholes[-1]
        if f := _part_of_whole(p, pct, part, whole, "Tỷ trọng", f"{part.text} / {whole.text} (dòng {whole.line})"):
            out.append(f)
    return out


_NAME_AFTER = re.compile(r"\s*([a-zà-ỹđ]+(?: [a-zà-ỹđ]+){1,5})\s*(?=[,;.:()]|$)")
_NOT_A_WHOLE = re.compile(r"(?:tổng|kế hoạch|kh|dự toán|chỉ tiêu|nghị quyết|cùng kỳ|năm|so với|mục tiêu|yêu cầu|số)(?![a-zà-ỹđ])")
_MEASURE = re.compile(r"^(?:diện tích|sản lượng|số lượng|số|giá trị|tổng số)\s+")
_ITEM_HEAD = re.compile(r"^[\W\d]*(?:(?:trong đó|bao gồm|gồm|cụ thể)\b\W*)?")


def _bare_label(p: Passage, n: Number) -> str:
    """The words naming ``n`` in its clause, list marks and bullets left out ("; trong đó: lúa" → "lúa")."""
    a = p.clause_of(n.start)[0]
    prev = p.numbers_in(a, n.start)
    text = p.folded[max(a, prev[-1].end if prev else a) : n.start]
    text = re.split(r"[,;:(]", text)[-1] if re.search(r"[,;:(]\s*[a-zà-ỹđ]", text) else text
    return _ITEM_HEAD.sub("", text).strip()


def _named_part_shares(ctx: Context, p: Passage) -> list[Finding]:
    """"Diện tích lúa chất lượng cao 9.850 ha, chiếm 65,2% diện tích lúa": the part whose name
    extends the whole's, over the one figure named so before it ("…; trong đó: lúa 16.240 ha")."""
    out = []
    for pct in p.numbers:
        part = _part_before(p, pct, re.compile(r"chiếm\s*$"))
        if part is None:
            continue
        m = _NAME_AFTER.match(p.folded, pct.end)
        if m is None or _NOT_A_WHOLE.match(m.group(1)):
            continue
        name = m.group(1)
        own, short = _bare_label(p, part), _MEASURE.sub("", name)
        if not own.startswith(name + " ") and not own.startswith(short + " "):
            continue
        wholes = []
        i = p.index
        chain = [p]
        while i > 0 and len(chain) <= _LOOK_BACK:
            prev, nxt = ctx.passages[i - 1], ctx.passages[i]
            if prev.is_table_row or prev.segment.line_numbers[-1] + 1 < nxt.segment.line_numbers[0]:
                break
            chain.append(prev)
            i -= 1
        for q_p in chain:
            for q in q_p.numbers:
                if q_p is p and q.start >= part.start:
                    break
                if q.family == part.family and _plain(q) and q.base() > part.base() \
                        and _bare_label(q_p, q) in (name, short):
                    wholes.append(q)
        if len({w.value for w in wholes}) != 1:
            continue
        whole = wholes[0]
        if f := _part_of_whole(p, pct, part, whole, "Tỷ trọng", f"{part.text} / {whole.text} ({name}, dòng {whole.line})"):
            out.append(f)
    return out


# A ratio column of the result over the plan ("So dự toán (%)", "% KH", "Tỷ lệ so với kế hoạch").
_PLAN_COLUMN = re.compile(
    r"so\s*(?:với\s*)?(?:kế hoạch|kh|dự toán|dt|chỉ tiêu|nghị quyết|nq)(?![a-zà-ỹđ])"
    r"|%\s*(?:kế hoạch|kh|dự toán|dt)(?![a-zà-ỹđ])|tỷ lệ[^|]*(?:kế hoạch|dự toán)"
    r"|(?<![a-zà-ỹđ])(?:th|ước th)\s*/\s*(?:kh|dt)(?![a-zà-ỹđ])"
)
# Rows whose figures are rates or indices: their "ratio" is often a difference or a verdict.
_RATE_ROW = re.compile(r"\s*(?:\d+[.)]?\s*)?(?:tỷ lệ|tốc độ|chỉ số|cơ cấu|tỷ trọng|mức giảm|mức tăng)")


def _stated_cell(text: str) -> Stated | None:
    t = text.strip()
    if not re.fullmatch(r"\d[\d.]*(?:,\d+)?", t):
        return None
    try:
        return Stated.parse(t, "vi")
    except StatedError:
        return None


def _plan_result_columns(roles: list[str], header: list[str]) -> list[tuple[int, int, int]]:
    """(result, plan, ratio) column triples of a table whose ratio column is of the plan: the one
    plan column and the one result column of its year (or the only result column)."""
    if roles.count("target") != 1:
        return []
    ti = roles.index("target")
    years = set(_YEARS.findall(header[ti]))
    results = [i for i, r in enumerate(roles) if r == "result"]
    if years:
        results = [i for i in results if set(_YEARS.findall(header[i])) == years]
    if len(results) != 1:
        return []
    return [(results[0], ti, ri) for ri, r in enumerate(roles)
            if r == "ratio" and _PLAN_COLUMN.search(header[ri].lower())]


_INITIALS_RATIO = re.compile(r"^\W*%?\s*([a-zđư]{1,4})\s*/\s*([a-zđư]{1,4})\s*\(?\s*%\s*\)?\s*$")


def _initials(head: str) -> str:
    """The first letters of a column's words, its year and brackets left out: "Quyết toán" is "qt"."""
    words = re.sub(r"\(.*?\)|\d+", " ", head.lower()).split()
    return _plain_letters("".join(w[0] for w in words if w[0].isalpha()))


def _plain_letters(text: str) -> str:
    """``text`` without its Vietnamese marks: "ưth" and "uth" are one abbreviation."""
    return "".join(c for c in unicodedata.normalize("NFD", text.replace("đ", "d")) if not unicodedata.combining(c))


def _initials_columns(header: list[str]) -> list[tuple[int, int, int]]:
    """(numerator, denominator, ratio) column triples of a ratio column headed by the initials of
    two other columns: "QT/DT (%)" over "Quyết toán" and "Dự toán", "TH/KH (%)" …"""
    out = []
    for ri, head in enumerate(header):
        m = _INITIALS_RATIO.match(head.lower())
        if m is None:
            continue
        cols = [[i for i, h in enumerate(header) if i != ri and _initials(h) == _plain_letters(g)] for g in m.groups()]
        if all(len(c) == 1 for c in cols) and cols[0] != cols[1]:
            out.append((cols[0][0], cols[1][0], ri))
    return out


def _table_plan_ratios(ctx: Context) -> list[Finding]:
    """A table row's "So dự toán (%)" cell against its result and plan cells
    ("Chi thường xuyên | … | 8.976,0 | 8.740,8 | 97,3": 97,38 rounds to 97,4)."""
    out = []
    for p in ctx.passages:
        cells, roles, header = p.segment.cells, p.segment.roles, p.segment.header
        if cells is None or roles is None or header is None or not len(cells) == len(roles) == len(header):
            continue
        if "name" not in roles or _RATE_ROW.match(cells[roles.index("name")].lower()):
            continue
        if "unit" in roles and "%" in cells[roles.index("unit")]:
            continue
        for ci, ti, ri in dict.fromkeys(_plan_result_columns(roles, header) + _initials_columns(header)):
            result, plan, ratio = (_stated_cell(cells[i]) for i in (ci, ti, ri))
            if result is None or plan is None or ratio is None or not plan.value:
                continue
            checked = _cell_ratio(ratio, result, plan)
            if checked is None:
                continue
            sev, computed = checked
            rounding = " (số bị cắt thay vì làm tròn)" if sev == "warning" else ""
            name = cells[roles.index("name")].strip()
            out.append(Finding(
                "ratio", sev, (p.segment.line_numbers[0],), (cells[ri].strip(), cells[ci].strip(), cells[ti].strip()),
                f"{name[:80]}: {cells[ci].strip()} / {cells[ti].strip()} = {computed}, "
                f"cột {header[ri].strip()} ghi {cells[ri].strip()}{rounding}.",
                computed, p.quote(0, len(p.text)),
            ))
    return out


def _cell_ratio(ratio, num, den) -> tuple[str, str] | None:
    """A ratio cell against ``num / den`` in %, each figure taken at the precision it is printed
    with (half-up): (severity, the ratio computed) when they disagree, else None."""
    dn, dd = 0.5 * 10.0**-num.decimals, 0.5 * 10.0**-den.decimals
    centre = 100.0 * num.value / den.value
    low = 100.0 * (num.value - dn) / (den.value + dd)
    high = 100.0 * (num.value + dn) / max(den.value - dd, 1e-12)
    sev = severity_of(ratio.agrees(centre, low=low, high=high))
    if sev is None:
        return None
    return sev, format_number(centre, ratio.decimals + 1) + "%"


def _plan_in_table(ctx: Context) -> list[Finding]:
    """"Thu tiền sử dụng đất ước 6.480 triệu đồng, đạt 125,7% dự toán" with no plan in the text:
    the plan of the one table row named so whose result cell holds the same figure."""
    rows = []
    for t in ctx.passages:
        cells, roles, header = t.segment.cells, t.segment.roles, t.segment.header
        if cells is None or roles is None or header is None or not len(cells) == len(roles) == len(header):
            continue
        if "name" not in roles:
            continue
        for ci, ti, _ in dict.fromkeys(_plan_result_columns(roles, header) + _initials_columns(header)):
            result, plan = _stated_cell(cells[ci]), _stated_cell(cells[ti])
            if result is not None and plan is not None and plan.value:
                rows.append((t, cells[roles.index("name")].strip().lower(), result, plan, cells[ti].strip()))
    out: list[Finding] = []
    if not rows:
        return out
    for p in ctx.passages:
        if p.is_table_row:
            continue
        for pct in p.numbers:
            if not _percent(pct) or pct.role != "plan_ratio" or not _PLAN_AFTER.match(p.folded, pct.end):
                continue
            sent = p.sentence_of(pct.start)
            nums = [q for q in p.numbers_in(*sent) if q is not pct and q.unit not in _PERCENT]
            before = [q for q in nums if q.start < pct.start]
            if len(before) != 1 or len(nums) != len(before) and any(q.unit for q in nums if q.start > pct.end):
                continue  # the sentence names its plan, or has figures of its own to divide
            result = before[0]
            if not _plain(result) or p.numbers_in(result.end, pct.start) != []:
                continue
            label = p.folded[sent[0] : result.start]
            hits = [r for r in rows if r[1] and r[1] in label and r[2].value == result.value
                    and r[2].decimals == (result.stated.decimals if result.stated else 0)]
            if len(hits) != 1:
                continue
            t, name, _, plan, plan_text = hits[0]
            dr, dp = result.half(), 0.5 * 10.0**-plan.decimals
            centre = 100.0 * result.value / plan.value
            low = 100.0 * (result.value - dr) / (plan.value + dp)
            high = 100.0 * (result.value + dr) / max(plan.value - dp, 1e-12)
            f = _finding(p, pct, [pct.text, result.text, plan_text], [pct.line, t.segment.line_numbers[0]],
                         centre, low, high, "Tỷ lệ thực hiện so với kế hoạch",
                         f"{result.text} / {plan_text} (kế hoạch ở bảng, dòng {t.segment.line_numbers[0]})")
            if f:
                out.append(f)
    return out


_CASE_RATE = re.compile(r"tỷ lệ[^\d;.]{0,40}?(đúng hạn|trễ hạn|quá hạn)[^\d;.]{0,15}$")


def _case_rates(ctx: Context) -> list[Finding]:
    """"Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,2%" with no figure of its own: the cases on time
    (or late) over the cases handled, both given once in the list it closes. Over the cases
    received, or with those early counted as on time, any reading that gives the rate will do."""
    from chitieu.check.sums import case_figures

    out: list[Finding] = []
    for p in ctx.passages:
        if p.is_table_row:
            continue
        for pct in p.numbers:
            if not _percent(pct) or not _own(p, pct) or pct.role == "plan_ratio":
                continue
            sent = p.sentence_of(pct.start)
            m = _CASE_RATE.search(p.folded, sent[0], pct.start)
            if m is None or any(q is not pct and q.unit not in _PERCENT for q in p.numbers_in(*sent)):
                continue
            if not _BARE_AFTER.match(p.folded, pct.end) and not p.folded.startswith(",", pct.end):
                continue
            # the list the rate closes: the passages right before it
            start = p
            while start.index > 0 and p.index - start.index < 8:
                prev = ctx.passages[start.index - 1]
                if prev.is_table_row or prev.segment.line_numbers[-1] + 1 < start.segment.line_numbers[0]:
                    break
                start = prev
            figs = [f for f in case_figures(ctx, start) if f[1].index < p.index or f[2].start < pct.start]
            by = {k: [f for f in figs if f[0] == k] for k in ("resolved", "ontime", "late", "early", "received")}
            part_state = "ontime" if m.group(1) == "đúng hạn" else "late"
            if len(by["resolved"]) != 1 or len(by[part_state]) != 1 or len(by["received"]) > 1:
                continue
            part, whole = by[part_state][0][2], by["resolved"][0][2]
            if part.family != whole.family or whole.value <= part.value:
                continue
            readings = [(part.value, whole.value)]
            if by["received"]:
                readings.append((part.value, by["received"][0][2].value))
            if part_state == "ontime" and len(by["early"]) == 1:
                readings.append((part.value + by["early"][0][2].value, whole.value))
            if any(pct.agrees(100.0 * x / y) is not Agreement.WRONG for x, y in readings):
                continue
            centre = 100.0 * part.value / whole.value
            f = _finding(p, pct, [pct.text, part.text, whole.text], [pct.line, part.line, whole.line],
                         centre, centre, centre, "Tỷ lệ", f"{part.text} / {whole.text} (đã giải quyết)")
            if f:
                out.append(f)
    return out


_PLAN_LEGEND = re.compile(r"(?<![a-zà-ỹđ])(?:kh|kế hoạch|dt|dự toán|chỉ tiêu|nq|nghị quyết)(?![a-zà-ỹđ])")


def _formula_ratios(ctx: Context) -> list[Finding]:
    """A table whose columns are numbered and whose note or header gives a ratio column's formula
    over the plan ("(7) = (6)/(5) %" with "(5) KH 2025"): each row's cell against the cells it
    divides, in tables the reader gives no cells (the reader's own tables are
    ``_table_plan_ratios``'). A row of rates (unit "%") is left out."""
    out: list[Finding] = []
    tables = raw_tables(ctx)
    for block in table_blocks(ctx):  # the reader's own tables with numbered columns, too
        header = block[0].segment.header
        if header is None or len(header) != len(block[0].segment.cells) or _plan_result_columns(block[0].segment.roles, header):
            continue
        first = block[0].segment.line_numbers[0]
        above = " ".join(ctx.document.lines[max(0, first - 7) : first - 1] + (" ".join(header),))
        tables.append((header, [(r.segment.line_numbers[0], r.segment.cells) for r in block], above))
    for header, rows, above in tables:
        marks = column_marks(header, rows)
        legend = column_legend(above)
        for a, b, c in column_formulas(above):
            if not {a, b, c} <= marks.keys() or not _PLAN_LEGEND.search(legend.get(c, "")):
                continue
            ia, ib, ic = marks[a], marks[b], marks[c]
            for line, cells in rows:
                if any(x.strip() == "%" for x in cells):
                    continue
                ratio, num, den = (_stated_cell(cells[i]) for i in (ia, ib, ic))
                if ratio is None or num is None or den is None or not den.value:
                    continue
                checked = _cell_ratio(ratio, num, den)
                if checked is None:
                    continue
                sev, computed = checked
                name = max((x for x in cells if re.search(r"[a-zà-ỹđ]{3}", x.lower())), key=len, default="")
                rounding = " (số bị cắt thay vì làm tròn)" if sev == "warning" else ""
                out.append(Finding(
                    "ratio", sev, (line,), (cells[ia], cells[ib], cells[ic]),
                    f"{name[:80]}: cột ({b}) / cột ({c}) = {cells[ib]} / {cells[ic]} = {computed}, "
                    f"cột ({a}) ghi {cells[ia]}{rounding}.",
                    computed, " | ".join(cells)[:300],
                ))
    return out


_PLAN_NAME = re.compile(r"(?:kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu)(?:\s+(?:giao|đề ra|năm|được giao))?\s+(.+?)\s*(?:là|:|đạt|đề ra|giao)?\s*$")
_PERIOD_WORDS = re.compile(r"\s*(?:(?:của\s+)?(?:cả\s+)?năm(?:\s+(?:19|20)\d\d)?|cả năm|giai đoạn.*)$")


def _plan_result_earlier(ctx: Context) -> list[Finding]:
    """"Kế hoạch sản lượng thủy sản cả năm 2025 là 32.000 tấn; đến hết 9 tháng đã đạt 80,2% kế
    hoạch": a sentence giving the plan and the share done but no result, against the result of
    that indicator stated before in the document ("Tổng sản lượng thủy sản 9 tháng đạt 25.055
    tấn"): figures of the plan's kind whose words name the indicator (and the period the share
    names, if it names one). Any of them that gives the share will do."""
    from chitieu.check.sums import _months

    out: list[Finding] = []
    for p in ctx.passages:
        if p.is_table_row:
            continue
        for pct in p.numbers:
            if not _percent(pct) or pct.role != "plan_ratio" or not _PLAN_AFTER.match(p.folded, pct.end):
                continue
            sent = p.sentence_of(pct.start)
            nums = [q for q in p.numbers_in(*sent) if q is not pct and q.unit not in _PERCENT and q.unit]
            if len(nums) != 1 or not _plain(nums[0]) or nums[0].start > pct.start:
                continue
            plan = nums[0]
            a = p.clause_of(plan.start)[0]
            m = _PLAN_NAME.search(p.folded, max(sent[0], a), plan.start)
            if m is None:
                continue
            name = _PERIOD_WORDS.sub("", m.group(1)).strip()
            if len(name.split()) < 2:
                continue
            period = _months(p.folded[plan.end : pct.start])
            results = []
            for q_p in ctx.passages[: p.index + 1]:
                if q_p.is_table_row:
                    continue
                for q in q_p.numbers:
                    if q_p is p and q.start >= sent[0]:
                        break
                    if q.family != plan.family or not _plain(q) or q.base() >= plan.base() * 1.5:
                        continue
                    c = q_p.clause_of(q.start)[0]
                    label = q_p.folded[q_p.sentence_of(q.start)[0] : q.start]
                    if any(r.family == q.family for r in q_p.numbers_in(q_p.sentence_of(q.start)[0], q.start)):
                        continue  # not the figure its sentence is about
                    if name not in label or _PLAN_WORD.search(q_p.folded, max(c, q.start - 40), q.start) \
                            or re.search(r"kế hoạch|dự toán|chỉ tiêu|cùng kỳ|năm trước|so với", label):
                        continue
                    if period is not None and _months(label) != period:
                        continue
                    results.append(q)
            if not results or any(pct.agrees(*_ratio_range(r, plan, False)) is not Agreement.WRONG for r in results):
                continue
            result = results[-1]
            centre, low, high = _ratio_range(result, plan, False)
            f = _finding(p, pct, [pct.text, plan.text, result.text], list(dict.fromkeys([pct.line, result.line])),
                         centre, low, high, "Tỷ lệ thực hiện so với kế hoạch",
                         f"{result.text} (dòng {result.line}) / {plan.text}")
            if f:
                out.append(f)
    return out


def _values(f: Finding) -> frozenset[float]:
    """The numbers a finding names, as numbers ("97,3%" and "97,3" are one)."""
    out = set()
    for fig in f.figures:
        m = re.match(r"\d[\d.]*(?:,\d+)?", fig)
        cell = _stated_cell(m.group()) if m else None
        if cell is not None:
            out.add(round(cell.value, 9))
    return frozenset(out)


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for p in ctx.passages:
        if not p.numbers:
            continue
        found = _count_ratios(p) + _plan_ratios(p) + _plan_before_ratios(p) + _shares(p)
        said = {(f.lines, f.figures[0]) for f in found}
        # the wider readings only where the narrow ones found nothing for that percentage
        for f in _handled_ratios(p) + _over_total_ratios(p) + _named_total_shares(ctx, p) + _named_part_shares(ctx, p):
            if not any(f.figures[0] == fig and set(f.lines) & set(lines) for lines, fig in said):
                found.append(f)
                said.add((f.lines, f.figures[0]))
        out += found
    said = {(f.lines[0], f.figures[0]) for f in out}
    out += [f for f in _plan_in_table(ctx) + _case_rates(ctx) + _formula_ratios(ctx) + _plan_result_earlier(ctx) if (f.lines[0], f.figures[0]) not in said]
    # a table row repeating a ratio the text already gets wrong adds its line to that finding
    return merge_repeats(out, _table_plan_ratios(ctx), lambda f, t: _values(f) == _values(t))
