"""``growth``: an average rate, a multiple or a change that the values or the rate beside it
cannot give.

- a rate per year and a multiple of the same sentence: "tăng bình quân 9,2%/năm, gấp 1,81
  lần năm 2020" — (1 + g)ⁿ over the term; n from the years the sentence names (2020 → 2025:
  5), else 5 years; 6 (counting the base year) is accepted too, and the message says which
  length was assumed;
- values from … to …: "từ 52 triệu đồng năm 2020 lên 85 triệu đồng năm 2025, tăng bình quân
  10,3%/năm" (CAGR over the years named), "…, gấp 1,6 lần" (B / A), "…, tăng 12%" (B / A − 1,
  or B − A percentage points when the values are percentages: "tăng 0,5%" of a rate is a
  change in points, not an error; a rate per year of a rate may be points a year too);
- a value, its change and the base in parentheses: "năm 2025 đạt 38.560 tỷ đồng, gấp 1,6 lần
  năm 2020 (27.410 tỷ đồng)", "…, tăng 8,6% so với năm 2023 (175,2 tỷ đồng)", "bằng 108,8% so
  với năm 2023 (…)", and an average rate per year of the same subject later in the sentence;
  the value, when the sentence gives none, from the one other sentence naming the indicator
  for that year (``_value_then_base``); the base may be an estimate ("so với ước thực hiện năm
  2025 (1.402 tỷ đồng)"), the index named so ("chỉ số phát triển 107,20% so với năm 2023
  (…)"), and a rate per year right before the value whose clause names no subject of its own
  is the values' rate ("tăng bình quân 15%/năm; năm 2025 đạt 86,4 tỷ đồng, gấp 1,6 lần năm
  2020 (54,0 tỷ đồng)": ``_rate_before_pair``);
- the index columns of an appendix table against the row's own values (``_index_columns``);
- sector rates vs the total: "Tốc độ tăng giá trị sản xuất bình quân 16%, trong đó: nông,
  lâm, thủy sản tăng 6%; công nghiệp - xây dựng tăng 18,4%; dịch vụ tăng 18,2%" — the total's
  growth is the sectors' rates weighted by their shares, so it lies between the least and the
  most of them; a total outside (beyond the digits) is an error. Only rates of one kind (all
  per year, or all for one year), each of a different sector (``feasibility.sector``).
Every figure is judged at its printed digits, the inputs widened by theirs.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt, fmt_like, sector, severity_of
from chitieu.check.finding import Finding
from chitieu.check.passages import Number, Passage
from chitieu.core.stated import Agreement

TERM = 5
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_MULTIPLE_WORD = re.compile(r"(gấp|tăng)(?:\s+(?:gần|khoảng|hơn|trên|gấp))*\s*$")
_APPROX = re.compile(r"(?:gần|khoảng|hơn|trên|xấp xỉ)\s*$")
_FROM = re.compile(r"(?<![a-zà-ỹđ])từ\s*(?:mức\s*)?$")
_TO = re.compile(r"(?:lên|đến|tăng lên|giảm xuống|xuống|còn|giảm còn)\s*(?:mức\s*)?$")
_GROWTH_NAMED = re.compile(r"(tăng)(?: trưởng)?(?:\s+(?:bình quân|trung bình|hàng năm|hằng năm|mỗi năm))+[^;]{0,45}?(?:đạt|là|ở mức)?\s*$")
_RATE_WORD = re.compile(r"(tăng|giảm)(?:\s+(?:bình quân|trung bình|hàng năm|hằng năm|mỗi năm|được|thêm))*\s*$")


def _per_year_rate(p: Passage, n: Number) -> bool:
    if n.unit != "%" or not n.exact:
        return False
    if n.mention.per_year_unit:
        return True
    before = p.folded[max(p.sentence_of(n.start)[0], n.start - 40) : n.start]
    return bool(re.search(r"bình quân|trung bình|hàng năm|hằng năm|mỗi năm", before)) and not re.search(
        r"đầu người", before
    )


def _term(p: Passage, a: int, b: int) -> int | None:
    """Years of growth the sentence names: a period 2021-2025 (5), or a base year and a year."""
    text = p.folded[a:b]
    m = _PERIOD.search(text)
    if m:
        first, last = int(m.group(1)), int(m.group(2))
        if last > first:
            # "giai đoạn 2021-2025" is five years of growth from 2020; "2020-2025" the same five.
            return last - first + (1 if first % 5 == 1 or first % 10 == 1 else 0)
    years = sorted({int(y) for y in _YEAR.findall(text)})
    if len(years) >= 2 and years[-1] > years[0]:
        return years[-1] - years[0]
    return None


def _rate_and_multiple(p: Passage) -> list[Finding]:
    out = []
    for k in p.numbers:
        if k.unit != "lần" or not k.exact or k.stated is None or not k.value or k.value <= 1:
            continue
        before = p.folded[max(0, k.start - 25) : k.start]
        if not _MULTIPLE_WORD.search(before) or _APPROX.search(before):
            continue
        sent = p.sentence_of(k.start)
        rates = [g for g in p.numbers_in(sent[0], k.start) if _per_year_rate(p, g)]
        apart = False
        if not rates or ";" in p.folded[rates[-1].end : k.start]:
            g = _rate_of_previous_clause(p, k, sent)
            if g is None:
                continue
            rates, apart = [g], True
            sent = (p.sentence_of(g.start)[0], sent[1])
        if len(rates) != 1:
            continue
        g = rates[0]
        if any(q.unit == "lần" for q in p.numbers_in(g.end, k.start)):
            continue
        if k.start - g.end > 160 or (";" in p.folded[g.end : k.start] and not apart):
            continue
        named = _term(p, *sent)
        terms = [named] if named else [TERM, TERM + 1]
        if named == TERM:
            terms = [TERM, TERM + 1]
        rate = g.mention.low
        half = g.half()
        verdicts = {}
        for n in terms:
            centre = (1 + rate / 100) ** n
            low, high = (1 + (rate - half) / 100) ** n, (1 + (rate + half) / 100) ** n
            verdicts[n] = (k.agrees(centre, low, high), centre)
            if "tăng" in before and "gấp" not in before:
                alt = k.agrees(centre - 1, low - 1, high - 1)  # "tăng 0,6 lần" read as the increase
                if alt is Agreement.OK:
                    verdicts[n] = (alt, centre)
        if any(a is Agreement.OK for a, _ in verdicts.values()):
            continue
        worst = min(verdicts.values(), key=lambda v: v[0] is Agreement.WRONG)
        sev = "warning" if apart else severity_of(worst[0])
        said = "; ".join(f"{n} năm cho gấp {fmt(c, 2)} lần" for n, (_, c) in verdicts.items())
        assumed = "theo các năm văn bản nêu" if named and named != TERM else "giả định nhiệm kỳ 5 năm, hoặc 6 năm tính cả năm gốc"
        out.append(Finding(
            "growth", sev, tuple(sorted({k.line, g.line}, key=lambda x: (x != k.line, x))), (k.text, g.text),
            f"Tăng bình quân {g.text}{'' if g.text.endswith('/năm') else '/năm'} không cho được gấp {k.text}: {said} ({assumed}).",
            fmt(verdicts[terms[0]][1], 2) + " lần", p.quote(*sent),
        ))
    return out


_VALUE_SUBJECT = re.compile(r"tăng trưởng|giá trị|sản xuất")
_OTHER_SUBJECT = re.compile(r"ngân sách|thu nhập|vốn|doanh nghiệp|lao động|dân số|(?<![a-zà-ỹđ])hộ(?![a-zà-ỹđ])|cơ sở")
_TERM_BASE = re.compile(r"^\s*(?:so với\s*)?(?:đầu nhiệm kỳ|đầu kỳ|năm (?:19|20)\d\d|giai đoạn)")


def _rate_of_previous_clause(p: Passage, k: Number, sent: tuple[int, int]) -> Number | None:
    """"Tốc độ tăng trưởng bình quân giai đoạn 2021 - 2025 là 9%; tổng giá trị sản xuất ngành
    thương mại - dịch vụ tăng 1,6 lần so với đầu nhiệm kỳ": the rate of the clause (or sentence)
    right before a multiple over the term, when both speak of the value produced and nothing
    stands between them."""
    if not _TERM_BASE.match(p.folded[k.end : k.end + 30]):
        return None
    own = p.folded[max(sent[0], p.folded.rfind(";", 0, k.start) + 1) : k.start]
    if not _VALUE_SUBJECT.search(own) or _OTHER_SUBJECT.search(own):
        return None
    window = max(0, k.start - 220)
    before = [q for q in p.numbers_in(window, k.start) if q.unit]
    if not before or not _per_year_rate(p, before[-1]):
        return None
    g = before[-1]
    gap = p.folded[g.end : k.start]
    if gap.count(";") + gap.count(". ") != 1:
        return None
    clause_start = max(p.folded.rfind(";", 0, g.start), p.folded.rfind(". ", 0, g.start), 0)
    rate_clause = p.folded[clause_start : g.start]
    if not _VALUE_SUBJECT.search(rate_clause) or _OTHER_SUBJECT.search(rate_clause):
        return None
    return g


def _from_to(p: Passage) -> list[Finding]:
    out = []
    for a in p.numbers:
        if not a.exact or not a.value or a.unit is None:
            continue
        if not _FROM.search(p.folded, max(0, a.start - 12), a.start):
            continue
        sent = p.sentence_of(a.start)
        after = p.numbers_in(a.end, sent[1])
        if not after:
            continue
        b = after[0]
        if not b.exact or b.family != a.family or not _TO.search(p.folded, max(a.end, b.start - 15), b.start):
            continue
        year_a = _YEAR.search(p.folded, a.end, min(a.end + 14, b.start))
        yb = _YEAR.search(p.folded[b.end : b.end + 14])
        n_years = (int(yb.group(1)) - int(year_a.group(1))) if (year_a and yb) else None
        va, vb = a.base(), b.base()
        scale = va / a.value
        da, db = a.half() * scale, b.half() * scale
        rest_end = p.clause_of(b.start)[1]
        for c in p.numbers_in(b.end, rest_end):
            if c.stated is None or not c.exact:
                continue
            gap = p.folded[b.end : c.start]
            if len(gap) > (110 if _per_year_rate(p, c) else 60) or any(q.unit for q in p.numbers_in(b.end, c.start)):
                break
            f = _judge(p, a, b, c, va, vb, da, db, n_years, gap)
            if f is not None:
                out.append(f)
            break
    return out


def _judge(p, a, b, c, va, vb, da, db, n_years, gap) -> Finding | None:
    word = _RATE_WORD.search(p.folded, max(0, c.start - 30), c.start)
    if word is None and c.unit == "%" and _per_year_rate(p, c):
        # "…, tốc độ tăng trưởng bình quân giai đoạn 2021-2025 đạt 12,5%/năm": the rate's own words
        word = _GROWTH_NAMED.search(p.folded, max(0, c.start - 70), c.start)
    note = ""
    lo_ratio, hi_ratio = (vb - db) / (va + da), (vb + db) / max(va - da, 1e-12)
    ratio = vb / va
    if c.unit == "lần" and re.search(r"gấp|tăng", p.folded[max(0, c.start - 20) : c.start]):
        agreement = c.agrees(ratio, lo_ratio, hi_ratio)
        if agreement is not Agreement.OK and "tăng" in p.folded[max(0, c.start - 20) : c.start]:
            if c.agrees(ratio - 1, lo_ratio - 1, hi_ratio - 1) is Agreement.OK:
                return None
        what, computed = f"{b.text} / {a.text}", fmt(ratio, 2) + " lần"
    elif c.unit == "%" and word:
        per_year = _per_year_rate(p, c)
        if per_year:
            if not n_years or n_years <= 0:
                return None
            if a.unit == "%" and _points_agree(c, a, b, n_years):
                return None  # "từ 6,8% xuống 0,8%, bình quân mỗi năm giảm 1,2%": points a year
            centre = 100 * (ratio ** (1 / n_years) - 1)
            low, high = 100 * (lo_ratio ** (1 / n_years) - 1), 100 * (hi_ratio ** (1 / n_years) - 1)
            what = f"({b.text} / {a.text})^(1/{n_years}) − 1"
            if a.unit == "%":
                points = fmt(abs(b.value - a.value) / n_years, (c.stated.decimals if c.stated else 0) + 1)
                note = f" (tính theo điểm phần trăm là {points} điểm mỗi năm)"
        else:
            centre = 100 * (ratio - 1)
            low, high = 100 * (lo_ratio - 1), 100 * (hi_ratio - 1)
            what = f"{b.text} / {a.text} − 1"
            if a.unit == "%" and _points_agree(c, a, b, 1):
                return None  # "tăng 0,5%" of a rate: percentage points
        if word.group(1) == "giảm":
            centre, low, high = -centre, -high, -low
        agreement = c.agrees(centre, low, high)
        computed = fmt(centre, (c.stated.decimals if c.stated else 0) + 1) + "%"
    else:
        return None
    sev = severity_of(agreement)
    if sev is None:
        return None
    s = p.sentence_of(a.start)
    return Finding(
        "growth", sev, tuple(sorted({c.line, a.line, b.line}, key=lambda x: (x != c.line, x))),
        (c.text, a.text, b.text),
        f"Từ {a.text} {'xuống' if b.value < a.value else 'lên'} {b.text}: {what} = {computed}, văn bản ghi {c.text}{note}.",
        computed, p.quote(*s),
    )


def _points_agree(c: Number, a: Number, b: Number, years: int) -> bool:
    """Whether ``c`` is the change from rate ``a`` to rate ``b`` in percentage points, spread over
    ``years`` ("giảm từ 6,8% xuống 0,8%, bình quân mỗi năm giảm 1,2%": 6 points in 5 years)."""
    d, slack = abs(b.value - a.value), a.half() + b.half()
    return c.agrees(d / years, (d - slack) / years, (d + slack) / years) is Agreement.OK


# What stands between a change and the base value in parentheses: "gấp 1,6 lần năm 2020 (",
# "tăng 8,6% so với năm 2023 (", "tăng 11% so với cùng kỳ (".
_TO_BASE = re.compile(
    r"\s*(?:so với\s*)?(?:(?:mức\s*)?(?:ước\s*)?(?:thực hiện|đạt|kết quả|quyết toán|số liệu|mức|tổng)\s*)?(?:cùng kỳ\s*)?"
    r"(?:(?:cuối |đầu )?năm\s*(?:(?:19|20)\d\d|trước)|đầu nhiệm kỳ|đầu kỳ|cùng kỳ)?"
    r"\s*\(\s*(?:(?:ước\s*)?(?:thực hiện|đạt)?\s*)"
)
_TWO_PRICES = re.compile(r"giá hiện hành.*giá so sánh|giá so sánh.*giá hiện hành")


def _base_in_parens(p: Passage, c: Number) -> tuple[Number, int | None] | None:
    """The base value a change names in parentheses right after it, and its year: "gấp 1,6 lần
    năm 2020 (11.600 tỷ đồng)", "tăng 8,6% so với năm 2023 (175,2 tỷ đồng)"."""
    nxt = p.numbers_in(c.end, len(p.text))
    if not nxt:
        return None
    a = nxt[0]
    gap = _TO_BASE.fullmatch(p.folded, c.end, a.start)
    if gap is None or not a.exact or not a.value or a.unit is None:
        return None
    if not re.match(r"\s*\)", p.folded[a.end : a.end + 3]):
        return None
    year = _YEAR.search(p.folded, c.end, a.start)
    return a, int(year.group(1)) if year else None


_OF_PLAN = re.compile(r"\s*(?:so với\s*)?(?:kế hoạch|kh|dự toán|chỉ tiêu|nghị quyết|nq)")


def _change_value(p: Passage, c: Number, a: Number) -> Number | None:
    """The value a change speaks of, right before it in its clause: "… đạt 186,4 tỷ đồng, tăng
    8,6% …" (same unit family as the base, nothing but words between, no other figure but a
    share of the plan: "đạt 412 tỷ đồng, bằng 103% dự toán, tăng 8% so với năm 2023 (…)")."""
    clause = p.clause_of(c.start)
    before = [q for q in p.numbers_in(clause[0], c.start) if q.unit]
    while before and before[-1].unit == "%" and _OF_PLAN.match(p.folded, before[-1].end):
        before.pop()
    if not before:
        return None
    b = before[-1]
    gap = p.folded[b.end : c.start]
    if b.family != a.family or not b.exact or not b.value or len(gap) > 70 or re.search(r"[;()]", gap):
        return None
    return b


def _year_of_value(p: Passage, b: Number) -> int | None:
    """The year a value is given for: "năm 2025 ước đạt 38.560 tỷ đồng" or "… 38.560 tỷ đồng năm 2025"."""
    after = _YEAR.match(p.folded[b.end : b.end + 12].replace("năm", "").strip())
    if after:
        return int(after.group(1))
    a = max(p.clause_of(b.start)[0], b.start - 50)
    years = _YEAR.findall(p.folded[a : b.start])
    return int(years[-1]) if years else None


def _value_then_base(ctx: Context, p: Passage) -> list[Finding]:
    """A value, its change and the base in parentheses: "năm 2025 ước đạt 38.560 tỷ đồng, gấp 1,6
    lần năm 2020 (27.410 tỷ đồng)", "186,4 tỷ đồng, tăng 8,6% so với năm 2023 (175,2 tỷ đồng)" —
    the change must be B / A (or B / A − 1); an average rate per year later in the sentence
    must be the values' own (``_rate_after_pair``). A value left out of the sentence ("Số hồ
    sơ trực tuyến năm 2024 tăng 2,6 lần so với năm 2023 (2.105 hồ sơ)") is taken from the one
    other sentence that gives the indicator for that year (``_value_elsewhere``)."""
    out = []
    for c in p.numbers:
        if c.unit not in ("lần", "%") or not c.exact or c.stated is None:
            continue
        if _TWO_PRICES.search(p.folded, *p.sentence_of(c.start)):
            continue  # values at current prices, the rate at comparable ones (or the reverse)
        based = _base_in_parens(p, c)
        if based is None:
            continue
        a, year_a = based
        b = _change_value(p, c, a)
        year_b = _year_of_value(p, b) if b is not None else None
        bp = p
        if b is None:
            found = _value_elsewhere(ctx, p, c, a)
            if found is None:
                continue
            bp, b, year_b = found
        n_years = year_b - year_a if year_a and year_b and year_b > year_a else None
        va, vb = a.base(), b.base()
        da, db = a.half() * va / a.value, b.half() * vb / b.value
        if _INDEX_WORD.search(p.folded, max(0, c.start - 30), c.start):
            f = _index_of_base(p, a, b, c, (va, vb, da, db))
        else:
            f = _judge(p, a, b, c, va, vb, da, db, n_years, "")
        if f is not None:
            if bp is not p:
                f = Finding(f.type, f.severity, (c.line, b.line), f.figures, f.message, f.computed, f.quote)
            out.append(f)
        elif bp is p and n_years:
            out += _rate_after_pair(p, a, b, n_years) + _rate_before_pair(p, a, b, n_years, year_b)
    return out


_INDEX_WORD = re.compile(r"(?:bằng|đạt|chỉ số(?: phát triển)?(?:\s+(?:đạt|là|bằng))?)\s*$")


def _index_of_base(p: Passage, a: Number, b: Number, c: Number, values) -> Finding | None:
    """"… đạt 412 tỷ đồng, bằng 108,4% so với năm 2023 (380 tỷ đồng)": the index must be 100 · B / A."""
    if c.unit != "%":
        return None
    va, vb, da, db = values
    centre, low, high = 100 * vb / va, 100 * (vb - db) / (va + da), 100 * (vb + db) / max(va - da, 1e-12)
    sev = severity_of(c.agrees(centre, low, high))
    if sev is None:
        return None
    computed = fmt_like(centre, c) + "%"
    return Finding(
        "growth", sev, tuple(dict.fromkeys((c.line, a.line, b.line))), (c.text, a.text, b.text),
        f"{b.text} so với {a.text}: {b.text} / {a.text} = {computed}, văn bản ghi {c.text}.",
        computed, p.quote(*p.sentence_of(c.start)),
    )


# Syllables that name no indicator, left out when two names are compared.
_NAME_STOP = frozenset("số tỷ lệ năm đạt được ước của các và trong có là tổng tăng giảm gấp lần so với".split())


def _name_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-zà-ỹđ]+", text)} - _NAME_STOP


def _value_elsewhere(ctx: Context, p: Passage, c: Number, a: Number):
    """(passage, value, year) of the indicator a change speaks of when its own sentence gives no
    value: the subject before the change ("Số hồ sơ trực tuyến toàn trình năm 2024") has a year,
    and exactly one result of the document, in the base's unit and for that year, carries every
    word of that subject in its name. None when the subject names no year, or more than one value
    (or none) fits."""
    sent = p.sentence_of(c.start)
    subject = p.folded[sent[0] : c.start]
    years = _YEAR.findall(subject)
    words = _name_words(re.sub(r"(?<!\d)(?:19|20)\d\d(?!\d)", " ", subject))
    if len(years) != 1 or len(words) < 3 or p.numbers_in(sent[0], c.start):
        return None
    year = int(years[0])
    hits = {}
    for s in ctx.statements:
        if s.kind != "result" or s.year != year or s.op != "=" or s.low is None or s.line == c.line:
            continue
        if not words <= _name_words(s.indicator.lower()):
            continue
        q = ctx.passage_at(s.line)
        nums = [n for n in (q.numbers if q else []) if n.line == s.line and n.value == s.low and n.exact]
        nums = [n for n in nums if n.family == a.family]
        if len(nums) == 1:
            hits[s.low] = (q, nums[0], year)
    return next(iter(hits.values())) if len(hits) == 1 else None


_SAME_SUBJECT = re.compile(r"giá trị sản xuất|grdp|tổng sản phẩm|thu ngân sách|thu nhập|kim ngạch|vốn đầu tư")


def _rate_after_pair(p: Passage, a: Number, b: Number, n_years: int) -> list[Finding]:
    """"Tổng giá trị sản xuất năm 2025 ước đạt 18.560 tỷ đồng, gấp 1,6 lần năm 2020 (11.600 tỷ
    đồng); tốc độ tăng trưởng giá trị sản xuất bình quân giai đoạn 2021-2025 đạt 9,2%/năm": the
    first figure after the base, in the same sentence, a rate per year of the same subject (one
    of ``_SAME_SUBJECT`` in both clauses) over as many years as the values' (its period, when it
    names one, gives the same length) must be (B / A)^(1/n) − 1."""
    sent = p.sentence_of(b.start)
    after = [q for q in p.numbers_in(a.end, sent[1]) if q.unit]
    if not after or not _per_year_rate(p, after[0]) or after[0].stated is None:
        return []
    g = after[0]
    own = set(_SAME_SUBJECT.findall(p.folded[p.clause_of(b.start)[0] : b.start]))
    rate_clause = p.folded[p.clause_of(g.start)[0] : g.start]
    if not own & set(_SAME_SUBJECT.findall(rate_clause)) or not re.search(r"tăng", rate_clause):
        return []
    named = _term(p, p.clause_of(g.start)[0], g.start)
    if named is not None and named != n_years:
        return []
    return _judge_rate(p, g, a, b, n_years, sent)


# What may stand between an average rate and the value of the next clause that continues its
# subject: "tăng bình quân 15%/năm; năm 2025 đạt 86,4 tỷ đồng, gấp 1,6 lần năm 2020 (54,0 …)".
_RATE_THEN_VALUE = re.compile(
    r"\s*(?:/\s*năm)?\s*(?:\(?\s*(?:giai đoạn|thời kỳ|nhiệm kỳ)?\s*(?:19|20)\d\d\s*[-–—]\s*(?:19|20)\d\d\s*\)?)?"
    r"\s*[;,]\s*(?:(?:riêng|đến|tính đến|trong)\s*)?(?:năm\s*(?:19|20)\d\d)?\s*,?\s*(?:ước\s*)?"
    r"(?:đạt|thực hiện|là|lên|lên mức)?\s*"
)


def _rate_before_pair(p: Passage, a: Number, b: Number, n_years: int, year_b: int) -> list[Finding]:
    """"Thu ngân sách trên địa bàn tăng bình quân 15%/năm; năm 2025 đạt 86,4 tỷ đồng, gấp 1,6
    lần năm 2020 (54,0 tỷ đồng)": a rate per year right before the value, the value's clause
    naming no subject of its own (only its year), is the rate of the same values: it must be
    (B / A)^(1/n) − 1 over the years the values name (a period beside the rate must give the
    same length)."""
    sent = p.sentence_of(b.start)
    before = [q for q in p.numbers_in(sent[0], b.start) if q.unit]
    if not before or not _per_year_rate(p, before[-1]) or before[-1].stated is None or b.value <= a.value:
        return []
    g = before[-1]
    if not _RATE_THEN_VALUE.fullmatch(p.folded, g.end, b.start):
        return []
    rate_clause = p.folded[max(sent[0], p.folded.rfind(";", 0, g.start) + 1) : g.start]
    if not re.search(r"tăng", rate_clause) or re.search(r"giảm", rate_clause):
        return []
    cut = re.search(r"[;,]", p.folded[g.end : b.start])
    around = (max(sent[0], g.start - 60), g.end + cut.start())
    named = _term(p, *around)
    years = [int(y) for y in _YEAR.findall(p.folded[around[0] : around[1]])]
    if (named is not None and named != n_years) or (years and max(years) != year_b):
        return []
    return _judge_rate(p, g, a, b, n_years, sent)


def _judge_rate(p: Passage, g: Number, a: Number, b: Number, n_years: int, sent) -> list[Finding]:
    va, vb = a.base(), b.base()
    da, db = a.half() * va / a.value, b.half() * vb / b.value
    centre = 100 * ((vb / va) ** (1 / n_years) - 1)
    low = 100 * (((vb - db) / (va + da)) ** (1 / n_years) - 1)
    high = 100 * (((vb + db) / (va - da)) ** (1 / n_years) - 1)
    sev = severity_of(g.agrees(centre, low, high))
    if sev is None:
        return []
    computed = fmt_like(centre, g) + "%/năm"
    return [Finding(
        "growth", sev, tuple(dict.fromkeys((g.line, b.line, a.line))), (g.text, b.text, a.text),
        f"Từ {a.text} lên {b.text} trong {n_years} năm: ({b.text} / {a.text})^(1/{n_years}) − 1 = {computed}, "
        f"văn bản ghi {g.text}.",
        computed, p.quote(*sent),
    )]


_GROWTH_WORD = re.compile(r"tăng|giảm|tốc độ|tăng trưởng")
_TOTAL_RATE = re.compile(r"tốc độ tăng|tăng trưởng|tổng giá trị|giá trị sản xuất|các ngành|kinh tế")
_BREAK = re.compile(r"(?:[^\d;]|(?<!\d)(?:19|20)\d\d(?!\d)){0,60}?(trong đó|cụ thể|bao gồm|gồm)\s*:?")
_SHARE_WORD = re.compile(r"chiếm|tỷ trọng|cơ cấu")


_RATE_BEFORE = re.compile(r"(tăng|giảm)(?:\s+(?:bình quân|trung bình|hàng năm|hằng năm|khoảng|từ|được|đạt))*\s*$")
_CONTINUES = re.compile(r"^\W*(?:trong đó|cụ thể)\s*[:,]?")


def _total_rates(p: Passage):
    """The total growth rates of ``p`` ("Giá trị sản xuất … tăng 8,32%"), with their sign."""
    for t in p.numbers:
        if t.unit != "%" or not t.exact or t.value is None or t.role == "plan_ratio":
            continue
        a = p.sentence_of(t.start)[0]
        before = p.folded[max(a, t.start - 120) : t.start]
        if not _GROWTH_WORD.search(before) or not _TOTAL_RATE.search(before) or sector(before) is not None:
            continue
        yield t, (-1 if re.search(r"giảm\s*(?:bình quân\s*)?$", before) else 1)


def _sector_rates(q_passage: Passage, a: int, b: int, total: Number, total_passage: Passage):
    """The sector rates listed in ``q_passage[a:b]``: each a percentage right after "tăng"/"giảm",
    its sector named in its clause; other figures (values, shares of plan) are passed over."""
    parts, seen, prev = [], set(), a
    for q in q_passage.numbers_in(a, b):
        if q.unit != "%":
            continue
        label_start = max(prev, q_passage.folded.rfind(";", a, q.start) + 1)
        label = q_passage.folded[label_start : q.start]
        if q.role == "plan_ratio" or re.match(r"\s*(?:so với\s*)?(?:kế hoạch|kh|dự toán)", q_passage.folded[q.end : q.end + 15]):
            continue
        prev = q.end
        rate = _RATE_BEFORE.search(label)
        sec = sector(label)
        if sec is None or sec in seen or not q.exact or rate is None or _SHARE_WORD.search(label):
            return []
        if _per_year_rate(q_passage, q) != _per_year_rate(total_passage, total) and not _per_year_rate(total_passage, total):
            return []
        seen.add(sec)
        parts.append((q, (-1 if rate.group(1) == "giảm" else 1) * q.value))
    return parts


def _judge_sectors(t: Number, t_sign: int, tp: Passage, parts) -> Finding | None:
    if len(parts) < 2:
        return None
    low = min(v - q.half() for q, v in parts) * t_sign
    high = max(v + q.half() for q, v in parts) * t_sign
    low, high = min(low, high), max(low, high)
    agreement = t.agrees(min(max(t.value, low), high), low, high)
    sev = severity_of(agreement)
    if sev is None:
        return None
    rates = ", ".join(("giảm " if v < 0 else "") + q.text for q, v in parts)
    return Finding(
        "growth", sev, tuple(dict.fromkeys([t.line] + [q.line for q, _ in parts])), (t.text, *(q.text for q, _ in parts)),
        f"Tốc độ tăng chung {t.text} nằm ngoài các tốc độ của từng ngành ({rates}): tốc độ chung là bình quân "
        f"có trọng số của các ngành, phải nằm trong khoảng {fmt(low, 2)} - {fmt(high, 2)}%.",
        None, tp.quote(*tp.sentence_of(t.start)),
    )


def _sectors_vs_total(p: Passage, nxt: Passage | None) -> list[Finding]:
    out = []
    for t, t_sign in _total_rates(p):
        mark = _BREAK.match(p.folded, t.end)
        if mark is not None:
            end = p.sentence_of(mark.end())[1]
            if p.folded[end - 1 : end] == ":" and end + 1 < len(p.text):
                end = p.sentence_of(end + 1)[1]
            parts = _sector_rates(p, mark.end(), end, t, p)
        elif nxt is not None and _CONTINUES.match(nxt.folded) and not p.numbers_in(t.end, len(p.text)):
            # "… tăng 8,32% so với cùng kỳ." / "Trong đó, giá trị sản xuất nông, lâm, thủy sản …"
            m = _CONTINUES.match(nxt.folded)
            parts = _sector_rates(nxt, m.end(), nxt.sentence_of(m.end())[1], t, p)
        else:
            continue
        f = _judge_sectors(t, t_sign, p, parts)
        if f is not None:
            out.append(f)
    return out


def _written_decimals(written: str) -> int:
    m = re.search(r"[.,](\d{1,2})$", written)
    return len(m.group(1)) if m else 0


def _index_columns(p: Passage) -> list[Finding]:
    """A row of an appendix table whose header names the years of its values and the periods
    of its indices ("2020 | 2024 | Ước 2025 | Giai đoạn 2021-2024 | Giai đoạn 2021-2025"): each
    index (previous year = 100) must be 100 · (V_end / V_base)^(1/n) of the row's own values,
    the base the year before the period. Only rows whose last figures are exactly one per
    column, all without a unit; a gap of more than 0,1 beyond the printed digits is reported,
    as a warning (PDF text breaks these rows; which figure is which column is read from their
    count). Seed 002, row 1: 2.796 → 5.164 over 2021-2024 gives 116,58, printed 116.80."""
    years, periods = p.segment.table_years or [], p.segment.table_periods or []
    if len(years) < 2 or not periods:
        return []
    plain = [n for n in p.numbers if n.unit is None and n.exact and n.value is not None]
    k = len(years) + len(periods)
    tail = plain[-k:]
    if len(tail) != k or (p.numbers and p.numbers[-1] is not tail[-1]):
        return []
    if any(p.numbers.index(a) + 1 != p.numbers.index(b) for a, b in zip(tail, tail[1:], strict=False)):
        return []
    values = dict(zip(years, tail[: len(years)], strict=True))
    vs = [v.value for v in values.values()]
    if min(vs) <= 0 or max(vs) / min(vs) > 10:
        return []
    out = []
    for period, idx in zip(periods, tail[len(years) :], strict=True):
        m = _PERIOD.fullmatch(period.strip())
        if not m or not 50 <= idx.value <= 250:
            continue
        first, last = int(m.group(1)), int(m.group(2))
        base = first - 1 if first - 1 in values else first if first in values else None
        if base is None or last not in values or last <= base:
            continue
        n = last - base
        a, b = values[base], values[last]
        computed = 100 * (b.value / a.value) ** (1 / n)
        half = 0.5 * 10.0 ** -_written_decimals(idx.written)
        if abs(computed - idx.value) <= half + 0.1:
            continue
        out.append(Finding(
            "growth", "warning", tuple(dict.fromkeys((idx.line, a.line, b.line))), (idx.written, a.written, b.written),
            f"Chỉ số phát triển bình quân giai đoạn {period}: 100 × ({b.written} / {a.written})^(1/{n}) = "
            f"{fmt(computed, 2)}, bảng ghi {idx.written}.",
            fmt(computed, 2), p.quote(0, len(p.text)),
        ))
    return out


# An index against a past period: "bằng 104,6% so với năm trước", "đạt 108,2% so với cùng kỳ".
_INDEX_BASE = re.compile(
    r"\s*so với\s*(?:cùng kỳ(?:\s*năm\s*(?:(?:19|20)\d\d|trước))?|năm\s*(?:(?:19|20)\d\d|trước)|kỳ trước|"
    r"(?:quý|tháng) trước|đầu (?:nhiệm )?kỳ)"
)
# What may link the index to the change it restates: "…, tức là tăng 6,4%", "(tăng 6,4%)", "hay giảm".
_RESTATES = re.compile(r"[\s,;(:-]*(?:tức là|tức|nghĩa là|hay|hoặc|tương ứng|tương đương)?(?:\s*với)?\s*(?:mức\s*)?(tăng|giảm)\s*(?:thêm\s*)?$")


def _index_and_rate(p: Passage) -> list[Finding]:
    """An index against a past period and the change it restates in the same sentence: "bằng
    104,6% so với năm trước, tức là tăng 6,4%" — the change must be the index less 100 (100 less
    the index for "giảm"), both at their printed digits. The change stands right after the
    index's base with only linking words between and names no base of its own (or the same
    one); an index of the plan ("bằng 104,6% kế hoạch") and a rate per year are not read so."""
    out = []
    for i in p.numbers:
        if i.unit != "%" or not i.exact or i.stated is None or not 20 <= (i.value or 0) <= 500:
            continue
        if not _INDEX_WORD.search(p.folded, max(0, i.start - 30), i.start):
            continue
        base = _INDEX_BASE.match(p.folded, i.end)
        if base is None:
            continue
        a, b = p.sentence_of(i.start)
        nxt = [q for q in p.numbers_in(base.end(), b) if q.unit]
        if not nxt:
            continue
        c = nxt[0]
        link = _RESTATES.fullmatch(p.folded, base.end(), c.start)
        if link is None or c.unit != "%" or not c.exact or c.stated is None or _per_year_rate(p, c):
            continue
        own = re.match(r"\s*so với\s*([^,;.()]{0,30})", p.folded[c.end : b])
        if own and not p.folded[base.start() : base.end()].strip().endswith(own.group(1).strip()[:12]):
            continue
        sign = -1 if link.group(1) == "giảm" else 1
        centre = (i.value - 100) * (sign if c.value >= 0 else 1)  # the reader may sign "giảm 5%" itself
        half = i.half()
        sev = severity_of(c.agrees(centre, centre - half, centre + half))
        if sev is None:
            continue
        computed = fmt_like(centre, c) + "%"
        out.append(Finding(
            "growth", sev, tuple(dict.fromkeys((c.line, i.line))), (i.text, c.text),
            f"Chỉ số {i.text} so với kỳ gốc tương ứng {link.group(1)} {computed}, văn bản ghi {link.group(1)} {c.text}.",
            computed, p.quote(a, b),
        ))
    return out


def _once(findings: list[Finding]) -> list[Finding]:
    """One finding per stated rate: "tăng bình quân 15%/năm, năm 2025 đạt 86,4 tỷ đồng, gấp 1,6
    lần năm 2020 (54,0 tỷ đồng)" is judged against the multiple and against the values, one
    error."""
    out, seen = [], set()
    for f in findings:
        key = (f.lines[0], f.figures[0]) if f.figures[0].endswith("/năm") else None
        key2 = (f.lines[0], f.figures[1]) if len(f.figures) > 1 and f.figures[1].endswith("/năm") else None
        if (key and key in seen) or (key2 and key2 in seen):
            continue
        seen |= {k for k in (key, key2) if k}
        out.append(f)
    return out


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for i, p in enumerate(ctx.passages):
        if p.segment.table_periods:
            out += _index_columns(p)
        nxt = ctx.passages[i + 1] if i + 1 < len(ctx.passages) else None
        if p.numbers:
            out += _sectors_vs_total(p, nxt)
        if len(p.numbers) < 2:
            continue
        out += _rate_and_multiple(p)
        out += _index_and_rate(p)
        out += _from_to(p)
        out += _value_then_base(ctx, p)
    return _once(out)
