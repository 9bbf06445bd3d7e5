"""``growth``: an average rate, a multiple or a change that the values or the rate beside it
cannot give.

- a rate per year and a multiple of the same sentence: "tăng bình quân 9,2%/năm, gấp 1,81
  lần năm 2020" — (1 + g)ⁿ over the term; n from the years the sentence names (2020 → 2025:
  5), else 5 years; 6 (counting the base year) is accepted too, and the message says which
  length was assumed;
- values from … to …: "từ 52 triệu đồng năm 2020 lên 85 triệu đồng năm 2025, tăng bình quân
  10,3%/năm" (CAGR over the years named), "…, gấp 1,6 lần" (B / A), "…, tăng 12%" (B / A − 1,
  or B − A percentage points when the values are percentages: "tăng 0,5%" of a rate is a
  change in points, not an error).
Every figure is judged at its printed digits, the inputs widened by theirs.
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt, severity_of
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
        if len(rates) != 1:
            continue
        g = rates[0]
        if any(q.unit == "lần" for q in p.numbers_in(g.end, k.start)):
            continue
        if k.start - g.end > 160 or ";" in p.folded[g.end : k.start]:
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
        sev = severity_of(worst[0])
        said = "; ".join(f"{n} năm cho gấp {fmt(c, 2)} lần" for n, (_, c) in verdicts.items())
        assumed = "theo các năm văn bản nêu" if named and named != TERM else "giả định nhiệm kỳ 5 năm, hoặc 6 năm tính cả năm gốc"
        out.append(Finding(
            "growth", sev, tuple(sorted({k.line, g.line}, key=lambda x: (x != k.line, x))), (k.text, g.text),
            f"Tăng bình quân {g.text}{'' if g.text.endswith('/năm') else '/năm'} không cho được gấp {k.text}: {said} ({assumed}).",
            fmt(verdicts[terms[0]][1], 2) + " lần", p.quote(*sent),
        ))
    return out


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
            if len(gap) > 60 or any(q.unit for q in p.numbers_in(b.end, c.start)):
                break
            f = _judge(p, a, b, c, va, vb, da, db, n_years, gap)
            if f is not None:
                out.append(f)
            break
    return out


def _judge(p, a, b, c, va, vb, da, db, n_years, gap) -> Finding | None:
    word = _RATE_WORD.search(p.folded, max(0, c.start - 30), c.start)
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
            centre = 100 * (ratio ** (1 / n_years) - 1)
            low, high = 100 * (lo_ratio ** (1 / n_years) - 1), 100 * (hi_ratio ** (1 / n_years) - 1)
            what = f"({b.text} / {a.text})^(1/{n_years}) − 1"
        else:
            centre = 100 * (ratio - 1)
            low, high = 100 * (lo_ratio - 1), 100 * (hi_ratio - 1)
            what = f"{b.text} / {a.text} − 1"
            if a.unit == "%" and c.agrees(abs(b.value - a.value), abs(b.value - a.value) - a.half() - b.half(),
                                          abs(b.value - a.value) + a.half() + b.half()) is Agreement.OK:
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
        f"Từ {a.text} lên {b.text}: {what} = {computed}, văn bản ghi {c.text}.", computed, p.quote(*s),
    )


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for p in ctx.passages:
        if len(p.numbers) < 2:
            continue
        out += _rate_and_multiple(p)
        out += _from_to(p)
    return out
