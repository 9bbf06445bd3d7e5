"""``verdict``: a verdict the text states that its own figures contradict.

The reader gives each result its quoted target ("(chỉ tiêu trên 80%)", "kế hoạch giao …")
and the verdict the text gives it (đạt, vượt, hoàn thành, không/chưa đạt). The status is
computed by the evaluation's one rule (``core.verdict.judge``), the result taken at the most
favourable value its printed digits allow: "đạt" beside 16,9% against "dưới 11%" is an
error; "đạt" beside 84,96% against 85% (a miss within 1 % of the target) is a warning.
"Không đạt" beside a target met is a warning
(the text may judge something the figures leave out), an error when it is met by more than 2 %
and which way is better is known (``_clearly_met``). A share of the plan below 100 % called
"hoàn thành kế hoạch" in its clause is an error too (``_share_called_met``). "Cơ bản đạt" is not judged, nor "đạt
tiến độ" / "chưa đạt tiến độ": before the target year a value is judged against the path to
the target, not against the target itself (chitieu's own appendix writes it so).

A verdict with no target beside it is judged against the one table row giving the same
indicator the same value ("- Lệ phí trước bạ ước 1.692 triệu đồng, vượt dự toán" / "2 | Lệ phí
trước bạ | 1.850 | 1.692 | 91,5": ``_verdict_against_table``), and "đạt yêu cầu" against the
floor or ceiling in the parenthesis after it ("tỷ lệ 59,1%, đạt yêu cầu của tỉnh (giải ngân tối
thiểu 65% …)": ``_met_requirement``).

A clear miss the text never admits is a finding too: a result beside its quoted target that
misses it by more than 2 % of the target ("Tỷ lệ sinh con thứ 3 trở lên 16,9% (chỉ tiêu
<11%).", seed 000) while its paragraph says nothing of it (no "chưa đạt", "cơ bản đạt",
"thấp hơn", "còn cao", no "đạt 96%" of the target) and no sentence of the document names the indicator as not
met, nor the opening of the list it is an item of ("3 chỉ tiêu không đạt, gồm:", "hoàn thành
8/10 chỉ tiêu, cụ thể:"). A target quoted for a later year than the result's is a path, not judged; nor a result of
part of a year against a target without a period of its own ("Tổng chi ngân sách 6 tháng
29.874 triệu đồng, bằng 41,2% dự toán (72.500 triệu đồng)": ``_part_of_year``); nor is a table
row (its columns may hold a year before the target's, and the table has its own verdicts).
"""

from __future__ import annotations

import re

from chitieu.check.common import Context, fmt
from chitieu.check.finding import ERROR, WARNING, Finding
from chitieu.core import vocabulary
from chitieu.core.numbers import parse_number
from chitieu.core.targets import Bound, Op
from chitieu.core.verdict import STATUS_LABELS, Status, judge
from chitieu.extract.normalise import fold

# Level indicators whose lower values are better when the target is a plain number.
_LOWER_BETTER = re.compile(
    r"hộ nghèo|cận nghèo|suy dinh dưỡng|sinh con thứ (?:3|ba)|thất nghiệp|tai nạn|tội phạm|tử vong|"
    r"ô nhiễm|tăng dân số|mất cân bằng giới tính|nợ đọng|bỏ học|(?<![a-zà-ỹđ])sdd(?![a-zà-ỹđ])|thấp còi|nhẹ cân|"
    r"trễ hạn|quá hạn|tái nghèo"
)
_CHANGE = re.compile(r"(?:^|\s)(?:mức\s+)?(?:tăng|giảm)(?:\s|$)")
_LABELS = {"dat": "đạt", "vuot": "vượt", "khong_dat": "không đạt"}
_BASIC = re.compile(r"cơ bản (?:đạt|hoàn thành)")
_PROGRESS = re.compile(r"đạt\s+tiến độ")


def _change_target_on_line(ctx: Context, s) -> bool:
    """The row's own target is a yearly change ("giảm bình quân 1-1,5%/năm"): the quoted bound is a
    pace, not a level, and a level cannot be judged against it here (the evaluation does that)."""
    return any(
        t.kind == "target" and t.line == s.line and t.indicator == s.indicator
        and t.compared_target is None and t.per_year and t.low == s.compared_target.get("low")
        for t in ctx.statements
    )


def _bound(t: dict) -> Bound | None:
    op = {"=": Op.EQ, ">": Op.GT, ">=": Op.GE, "<": Op.LT, "<=": Op.LE, "range": Op.RANGE}.get(t.get("op"))
    if op is None:
        return None
    try:
        return Bound(op, t.get("low"), t.get("high"))
    except (ValueError, TypeError):
        return None


def _text(t: dict, unit: str | None) -> str:
    u = unit or ""
    sign = {"=": "", ">": "trên ", ">=": "từ ", "<": "dưới ", "<=": "tối đa "}.get(t["op"], "")
    if t["op"] == "range":
        return f"{fmt(t['low'])} - {fmt(t['high'])}{u if u == '%' else ' ' + u}".rstrip()
    value = t["low"] if t["low"] is not None else t["high"]
    return f"{sign}{fmt(value)}{u if u == '%' else ' ' + u}".rstrip()


_PLAN = r"(?:kế hoạch|kh|dự toán|chỉ tiêu|nghị quyết|nq|mục tiêu)"
_SHARE_AFTER = re.compile(rf"\s*(?:so với\s*)?{_PLAN}")
_PLAN_BEFORE = re.compile(rf"so với\s*{_PLAN}[^;]*?đạt\s*(?:được\s*)?$")
# "…, hoàn thành kế hoạch đề ra", "vượt chỉ tiêu": a verdict of the whole plan, right after the share.
_CALLED_MET = re.compile(
    rf"[^;\d]{{0,40}}?(?<!chưa )(?<!không )(?<!cơ bản )(?<!gần )(?<!sắp )"
    rf"((?:hoàn thành(?: vượt(?: mức)?)?|vượt|đạt)\s*(?:{_PLAN}|nhiệm vụ))"
)
_PART_YEAR = re.compile(r"tiến độ|\d+\s*tháng|quý|nửa đầu năm")
# A plan of another body or an adjusted one ("đạt 92,6% dự toán tỉnh giao, vượt dự toán huyện
# giao"), or an intent rather than a verdict ("phấn đấu hoàn thành kế hoạch").
_OTHER_PLAN = re.compile(r"hđnd|tỉnh|huyện|thành phố|trung ương|điều chỉnh|bổ sung|phấn đấu|quyết tâm|cố gắng|"
                         r"(?<![a-zà-ỹđ])(?:sẽ|để|nhằm|cần|xã)(?![a-zà-ỹđ])")
_DATE = re.compile(r"ngày\s*\d{1,2}\s*tháng\s*\d{1,2}")


def _share_called_met(ctx: Context) -> list[Finding]:
    """A share of the plan below 100 % that the same clause calls met: "So với kế hoạch năm (7.000
    tỷ đồng), tổng vốn đầu tư đạt 92,6%, hoàn thành kế hoạch đề ra" — error when even the printed
    digits' upper end is more than 1 % short, a warning when closer. Not judged in a report on part
    of a year (its title names months or a quarter: the verdict may be of that period's plan), nor
    when the verdict names a period or a pace ("hoàn thành kế hoạch 6 tháng", "đạt tiến độ")."""
    title = _DATE.sub(" ", fold(" ".join(ctx.document.lines[:12])))
    if _PART_YEAR.search(title):
        return []
    out = []
    for p in ctx.passages:
        for n in p.numbers:
            if n.unit != "%" or not n.exact or n.stated is None or n.value >= 100:
                continue
            clause = p.clause_of(n.start)
            share = _SHARE_AFTER.match(p.folded, n.end) or _PLAN_BEFORE.search(p.folded, clause[0], n.start)
            called = _CALLED_MET.match(p.folded, n.end, clause[1])
            if not share or called is None or _PART_YEAR.search(p.folded, called.end(), clause[1]):
                continue
            if _OTHER_PLAN.search(p.folded, n.end, clause[1]):
                continue
            if _BASIC.search(p.folded, *clause) or p.numbers_in(n.end, called.end()):
                continue
            plan = re.search(_PLAN, share.group()).group()
            best = n.value + n.half()
            if best >= 100:
                continue
            sev = ERROR if best < 99 else WARNING
            out.append(Finding(
                "verdict", sev, (n.line,), (n.text,),
                f"Văn bản ghi “{called.group(1)}” nhưng chỉ đạt {n.text} {plan}, "
                f"chưa đủ 100%.",
                "chưa đạt", p.quote(*p.sentence_of(n.start)),
            ))
    return out


# "…, cao hơn tỷ lệ giải ngân cùng kỳ năm 2024 (41,3%)": a level compared with another in brackets.
_COMPARED = re.compile(r",\s*(cao hơn|thấp hơn|lớn hơn|nhỏ hơn)\s+([^()\d;,.]|năm \d{4}|\d{1,2}/\d{4})*?\(")


def _comparison_contradicted(ctx: Context) -> list[Finding]:
    """A figure called higher (lower) than a level quoted in brackets that its digits put below
    (above) it: "đạt 37,1% kế hoạch, cao hơn tỷ lệ cùng kỳ năm 2024 (41,3%)". Only a figure right
    before the comparison and the bracket's first figure of the same unit, no other figure between
    (then the comparison may be of a change, "cao hơn 2,1 điểm %"); error beyond the printed digits."""
    out = []
    for p in ctx.passages:
        for m in _COMPARED.finditer(p.folded):
            clause = p.clause_of(m.start())
            before = [n for n in p.numbers_in(clause[0], m.start()) if n.exact and n.unit]
            inside = [n for n in p.numbers_in(m.end(), m.end() + 25) if n.exact and n.unit]
            if not before or not inside:
                continue
            a, b = before[-1], inside[0]
            if a.unit != b.unit or p.folded[b.end :].lstrip()[:1] != ")":
                continue
            higher = m.group(1) in ("cao hơn", "lớn hơn")
            wrong = a.value + a.half() < b.value - b.half() if higher else a.value - a.half() > b.value + b.half()
            if not wrong:
                continue
            out.append(Finding(
                "verdict", ERROR, tuple(dict.fromkeys((a.line, b.line))), (a.text, b.text),
                f"Văn bản ghi {a.text} là “{m.group(1)}” mức {b.text} nêu trong ngoặc, nhưng {a.text} {'thấp' if higher else 'cao'} hơn {b.text}.",
                f"{'thấp' if higher else 'cao'} hơn", p.quote(*p.sentence_of(a.start)),
            ))
    return out


# A result of part of a year: "… 6 tháng ước đạt", "9 tháng đầu năm", "quý III", "đến 30/9", "lũy kế".
_PART = re.compile(
    r"(?<![\d,.])\d{1,2}\s*tháng|quý\s*(?:i{1,3}|iv|[1-4])(?![a-zà-ỹđ])|nửa đầu năm|"
    r"(?:đến|tính đến)\s*(?:ngày\s*)?\d{1,2}\s*/\s*\d{1,2}(?!\s*/\s*\d)|lũy kế|luỹ kế"
)
# A target of that part of the year: "kế hoạch 6 tháng", "dự toán quý III".
_PART_TARGET = re.compile(r"(?:kế hoạch|kh|dự toán|chỉ tiêu|mục tiêu)\s*(?:\d{1,2}\s*tháng|quý)")


def _part_of_year(s) -> bool:
    """Whether a result is of part of a year while its target (quoted without a period of its own)
    is the whole year's: "Tổng chi ngân sách 6 tháng 29.874 triệu đồng, bằng 41,2% dự toán (72.500
    triệu đồng)" is a stage on the way, no miss to admit."""
    q = fold(s.quote)
    return bool(_PART.search(fold(s.indicator)) or _PART.search(q)) and not _PART_TARGET.search(q)


def _verdict_against_table(ctx: Context) -> list[Finding]:
    """A verdict the text gives a result with no target beside it ("- Lệ phí trước bạ ước 1.692
    triệu đồng, vượt dự toán …") judged against the target of the one table row that gives the
    same indicator the same value in the same unit ("2 | Lệ phí trước bạ | 1.850 | 1.692 | 91,5"):
    error when even the printed digits' most favourable end misses it by more than 1 %."""
    out = []
    rows = [t for t in ctx.statements if t.kind == "result" and t.compared_target is not None
            and t.op == "=" and t.low is not None and ctx.is_table_line(t.line)]
    for s in ctx.statements:
        if s.kind != "result" or s.compared_target is not None or s.stated_status not in ("dat", "vuot"):
            continue
        if s.op != "=" or s.low is None or ctx.is_table_line(s.line) or _BASIC.search(fold(s.quote)):
            continue
        name = fold(s.indicator).strip()
        fits = [t for t in rows if t.low == s.low and t.unit == s.unit and (t.year == s.year or not s.year or not t.year)
                and fold(t.indicator).strip() == name]
        if len(fits) != 1 or len(name) < 6:
            continue
        t = fits[0]
        bound = _bound(t.compared_target)
        if bound is None or bound.op is Op.QUALITATIVE:
            continue
        higher = _higher(name, bound)
        half = _half(s)
        best = s.low + half if higher else s.low - half
        status = judge(best, bound, higher)
        if status in (Status.DAT, Status.VUOT) or _gap(best, bound) <= 0.01:
            continue
        figure = _figure(s.quote, s.low, s.unit)
        target = _text(t.compared_target, t.unit)
        out.append(Finding(
            "verdict", ERROR, (s.line, t.line), (figure, target),
            f"{s.indicator[:80]}: văn bản ghi “{_LABELS[s.stated_status]}” nhưng kết quả {figure} chưa đạt "
            f"{target} mà bảng (dòng {t.line}) ghi làm chỉ tiêu.",
            STATUS_LABELS[status], s.quote[:300],
        ))
    return out


# "…, tỷ lệ 59,1%, đạt yêu cầu của tỉnh (giải ngân tối thiểu 65% kế hoạch đến 30/9)": a share called
# met against the floor (or ceiling) quoted in the parenthesis right after the verdict.
_MET_REQUIREMENT = re.compile(
    r"\s*,?\s*(?<!chưa )(?<!không )(đạt|vượt|hoàn thành)\s+(?:yêu cầu|chỉ tiêu|mục tiêu|kế hoạch|chuẩn)[^();.\d]{0,30}\("
    r"[^()\d]{0,40}?(tối thiểu|ít nhất|không dưới|không thấp hơn|từ|trên|tối đa|không quá|không vượt quá|dưới)\s*$"
)


def _met_requirement(ctx: Context) -> list[Finding]:
    out = []
    for p in ctx.passages:
        for n in p.numbers:
            if n.unit != "%" or not n.exact or n.stated is None:
                continue
            inside = [q for q in p.numbers_in(n.end, min(len(p.text), n.end + 160)) if q.unit == "%"]
            if not inside:
                continue
            b = inside[0]
            m = _MET_REQUIREMENT.match(p.folded[n.end : b.start])
            if m is None or p.numbers_in(n.end, b.start):
                continue
            if any(s.line == n.line and s.low == n.value and s.compared_target for s in ctx.statements):
                continue  # the reader quoted the bound as the result's target: judged below
            floor = m.group(2) not in ("tối đa", "không quá", "không vượt quá", "dưới")
            best = n.value + n.half() if floor else n.value - n.half()
            strict = m.group(2) in ("trên", "dưới")
            missed = (best < b.value or (strict and best == b.value)) if floor else (best > b.value or (strict and best == b.value))
            if not missed:
                continue
            out.append(Finding(
                "verdict", ERROR, tuple(dict.fromkeys((n.line, b.line))), (n.text, b.text),
                f"Văn bản ghi “{m.group(1)}” nhưng {n.text} {'thấp' if floor else 'cao'} hơn mức {m.group(2)} {b.text} "
                f"nêu trong ngoặc.",
                "không đạt", p.quote(*p.sentence_of(n.start)),
            ))
    return out


def check(ctx: Context) -> list[Finding]:
    out: list[Finding] = (
        _share_called_met(ctx) + _comparison_contradicted(ctx) + _verdict_against_table(ctx) + _met_requirement(ctx)
        + _target_in_sentence(ctx)
    )
    for s in ctx.statements:
        if s.kind != "result" or s.compared_target is None:
            continue
        if s.op != "=" or s.low is None or ctx.broken_row(s.line):
            continue
        bound = _bound(s.compared_target)
        if bound is None or bound.op is Op.QUALITATIVE:
            continue
        name = fold(s.indicator)
        if _BASIC.search(fold(s.quote)) or _PROGRESS.search(fold(s.quote)):
            continue
        if _change_target_on_line(ctx, s):
            continue
        higher = _higher(name, bound)
        # The most favourable value the printed digits allow.
        half = _half(s)
        best = s.low + half if higher else s.low - half
        status = judge(best, bound, higher)
        claimed = s.stated_status or _closing_verdict(ctx, s)
        met = status in (Status.DAT, Status.VUOT)
        if _NOT_OVER.search(fold(s.quote)) and bound.op is Op.EQ:
            # "19.732 triệu đồng, bằng 103,2% dự toán (19.120 triệu đồng), không vượt dự toán": the
            # claim is a ceiling kept; even the least value the digits allow must not pass it.
            if s.low - half > bound.high and _gap(s.low - half, bound) > 0.005:
                out.append(Finding(
                    "verdict", ERROR, (s.line,), tuple(x for x in (_figure(s.quote, s.low, s.unit), _text(s.compared_target, s.unit)) if x),
                    f"{s.indicator[:80]}: văn bản ghi “không vượt” nhưng kết quả {fmt(s.low)}{_unit(s.unit)} cao hơn "
                    f"{_text(s.compared_target, s.unit)}.", STATUS_LABELS[Status.VUOT], s.quote[:300],
                ))
            continue
        if claimed is None and _SPENDING.search(name) and bound.op is Op.EQ:
            continue  # spending below its budget is no miss (nor, unsaid, is it a success)
        if claimed is None:
            years = [int(y) for y in re.findall(r"(?<!\d)20\d\d(?!\d)", s.quote)]
            # a target for a later year (or the term's, when the result's year is not known) is a path
            later = [y for y in years if s.year and y > s.year] or (not s.year and re.search(
                r"(?:đến|tới)\s+(?:hết\s+|cuối\s+)?năm\s+20\d\d|giai đoạn|nhiệm kỳ", fold(s.quote)))
            if met or later or ctx.is_table_line(s.line) or _gap(best, bound) <= _CLEAR or _admitted(ctx, s):
                continue
            if _part_of_year(s):
                continue
            sev = ERROR
            why = (f"kết quả {fmt(s.low)}{_unit(s.unit)} không đạt chỉ tiêu {_text(s.compared_target, s.unit)} "
                   f"nhưng văn bản không nêu là chưa đạt")
        elif claimed in ("dat", "vuot") and not met:
            sev = ERROR if _gap(best, bound) > 0.01 else WARNING
            why = f"văn bản ghi “{_LABELS[claimed]}” nhưng kết quả {fmt(s.low)}{_unit(s.unit)} chưa đạt chỉ tiêu {_text(s.compared_target, s.unit)}"
        elif claimed == "khong_dat" and met and (bound.op is not Op.EQ or _clearly_met(s, bound, higher, half)):
            sev = ERROR if _clearly_met(s, bound, higher, half) else WARNING
            why = f"văn bản ghi “không đạt” nhưng kết quả {fmt(s.low)}{_unit(s.unit)} đạt chỉ tiêu {_text(s.compared_target, s.unit)}"
        else:
            continue
        figure = _figure(s.quote, s.low, s.unit)
        out.append(Finding(
            "verdict", sev, (s.line,), tuple(x for x in (figure, _text(s.compared_target, s.unit)) if x),
            f"{s.indicator[:80]}: {why}.", STATUS_LABELS[status], s.quote[:300],
        ))
    return out


# A claim that a ceiling was kept: "không vượt dự toán được giao", "chưa vượt quá kế hoạch".
_NOT_OVER = re.compile(r"(?:không|chưa)\s+(?:vượt|quá)(?:\s+quá)?\s*(?:mức\s*)?(?:dự toán|kế hoạch|chỉ tiêu|định mức|hạn mức)")
# Spending against its budget: a plain-number budget is a ceiling, not a floor.
_SPENDING = re.compile(r"^(?:[-+•*\s]*)(?:tổng\s+)?chi(?:\s|$)|(?<![a-zà-ỹđ])chi (?:ngân sách|thường xuyên|đầu tư phát triển|sự nghiệp)")


# A line closed by a bare verdict of its own clause: "…93,1% (yêu cầu ≥ 95%); đạt."
_CLOSING = re.compile(r"[;:]\s*(đạt|vượt)(?:\s+(?:yêu cầu|chuẩn|tiêu chí))?\s*\.?\s*$")


def _closing_verdict(ctx: Context, s) -> str | None:
    """The verdict that closes a line holding this one judged result ("Tiêu chí số 15 - Y tế: tỷ lệ
    … đạt 93,1% (yêu cầu ≥ 95%); đạt."): the clause after the last semicolon or colon is the word
    alone, so it judges the line's one result. None when the line has another result beside a
    target (then the verdict may be of either), or is a table row."""
    if ctx.is_table_line(s.line):
        return None
    m = _CLOSING.search(fold(ctx.document.lines[s.line - 1]).rstrip())
    if m is None:
        return None
    judged = [t for t in ctx.statements if t.line == s.line and t.kind == "result" and t.compared_target]
    return ("vuot" if m.group(1) == "vượt" else "dat") if len(judged) == 1 else None


def _higher(name: str, bound: Bound) -> bool:
    """Whether higher values are better against ``bound`` for the indicator named ``name``."""
    if bound.op in (Op.LT, Op.LE):
        return False
    return not (bound.op in (Op.EQ, Op.RANGE) and _LOWER_BETTER.search(name) and not _CHANGE.search(name))


def _half(s) -> float:
    """Half a unit of the result's last printed digit (0 when its digits are not found)."""
    digits = _decimals(s.quote, s.low)
    return 0.5 * 10.0**-digits if digits is not None else 0.0


def met_by_figures(s) -> bool | None:
    """Whether a result meets the target quoted beside it ("kế hoạch 40 trường, thực hiện 38
    trường"), judged as ``check`` judges: True when its printed value does, False when even
    its most favourable value (the printed digits widened) misses by more than 1 % of the
    target, None when that cannot be said (no target, a qualitative one, a near miss)."""
    if s.compared_target is None or s.op != "=" or s.low is None:
        return None
    bound = _bound(s.compared_target)
    if bound is None or bound.op is Op.QUALITATIVE:
        return None
    higher = _higher(fold(s.indicator or s.quote), bound)
    half = _half(s)
    best = s.low + half if higher else s.low - half
    if judge(s.low, bound, higher) in (Status.DAT, Status.VUOT):
        return True
    if judge(best, bound, higher) is Status.KHONG_DAT and _gap(best, bound) > 0.01:
        return False
    return None


# Indicators whose higher values are better, so that a plain-number target ("27 giường/vạn
# dân") is a floor: beds, doctors, income, coverage, schools up to standard …
_HIGHER_BETTER = re.compile(
    r"giường|bác sĩ|thu nhập|thu ngân sách|bảo hiểm|đạt chuẩn|che phủ|qua đào tạo|kiên cố|nước sạch|"
    r"hợp vệ sinh|gia đình văn hóa|tham gia|xuất khẩu|năng suất|sản lượng"
)


def _clearly_met(s, bound: Bound, higher: bool, half: float) -> bool:
    """Whether a result called "chưa đạt" meets its target beyond doubt: even its least favourable
    value (the printed digits the other way) passes the target by more than ``_CLEAR``, and which
    way is better is known (a bound "trên"/"dưới", or a plain number for an indicator of
    ``_HIGHER_BETTER``, none of ``_LOWER_BETTER``): "Số giường bệnh/vạn dân đạt 28,4 giường,
    chưa đạt chỉ tiêu kế hoạch năm (27 giường/vạn dân)"."""
    if bound.op in (Op.EQ, Op.RANGE):
        name = fold(s.indicator or s.quote)
        if not higher or _LOWER_BETTER.search(name) or not _HIGHER_BETTER.search(name):
            return False
    worst = s.low - half if higher else s.low + half
    return judge(worst, bound, higher) in (Status.DAT, Status.VUOT) and _gap(worst, bound) > _CLEAR


_CLEAR = 0.02  # a miss of more than 2 % of the target is clear; closer ones may be rounding or a judgement
_ADMIT = re.compile(
    r"chưa đạt|không đạt|chưa hoàn thành|không hoàn thành|cơ bản (?:đạt|hoàn thành)|thấp hơn|chưa bằng|"
    r"giảm so với|còn cao|"
    r"còn thấp|chưa đảm bảo|hụt|hạn chế|khó khăn|đạt\s+(?:được\s+)?\d{1,2}(?:,\d+)?\s*%\s*(?:so với\s*)?"
    r"(?:kế hoạch|kh|chỉ tiêu|nghị quyết|nq|mục tiêu|dự toán)"
)

_FAILED = re.compile(r"chưa đạt|không đạt|chưa hoàn thành|không hoàn thành")
# Syllables that name no indicator ("tỷ lệ", "số", "năm", the verbs of a result).
_STOP = frozenset("tỷ lệ số năm đạt được của các và trong có là trên dưới tổng".split())


def _admitted(ctx: Context, s) -> bool:
    """Whether the text admits the miss: in the result's own paragraph or list item (a word of
    failure or shortfall, "cơ bản đạt", or a share of the target below 100 %), or in any sentence of the document that
    names the indicator (seven in ten of its syllables, "tỷ lệ", "năm" … left out) and says it was
    not met ("Một số chỉ tiêu … chưa đạt kế hoạch, như chỉ tiêu tỷ lệ lao động tham gia bảo hiểm xã
    hội")."""
    p = ctx.passage_at(s.line)
    if p is not None and _ADMIT.search(p.folded):
        return True  # its paragraph (or list item) says so: "… 21%/20% …. Cơ bản đạt chỉ tiêu đại hội."
    intro = _list_intro(ctx, s.line)
    if intro is not None and (_FAILED.search(intro) or _SOME_MET.search(intro)):
        return True  # "… 3 chỉ tiêu không đạt, gồm:" / "hoàn thành 8/10 chỉ tiêu, cụ thể:" above its item
    words = {w for w in re.findall(r"[\wà-ỹđ]+", fold(s.indicator)) if not w.isdigit()} - _STOP
    if len(words) < 3:
        return False
    for q in ctx.passages:
        if not _FAILED.search(q.folded):
            continue
        for a, b in q.sentences:
            sent = q.folded[a:b]
            if _FAILED.search(sent):
                have = set(re.findall(r"[\wà-ỹđ]+", sent))
                if len(words & have) >= 0.7 * len(words):
                    return True
    return False


_ITEM = re.compile(r"\s*([-+•*–]|\(\d{1,2}\)|\d{1,2}[.)]|[a-zđ]\))\s")


def _kind(marker: str) -> str:
    """A list marker with its number or letter blanked: "(1)" and "(2)" are one kind of marker."""
    return re.sub(r"[\da-zđ]+", "#", marker)
# "8/10 chỉ tiêu", "14/16 chỉ tiêu đạt": a count of indicators met below their total.
_SOME_MET = re.compile(r"(?<![\d.,])(\d+)\s*/\s*(\d+)\s*(?:chỉ tiêu|mục tiêu|nhiệm vụ)")


def _list_intro(ctx: Context, line: int) -> str | None:
    """The folded sentence that opens the list ``line`` is an item of ("…, 3 chỉ tiêu không đạt,
    gồm:" above "- Tỷ lệ đô thị hóa: chỉ tiêu 18%, thực hiện 14,2%;"): the nearest line above the
    run of items with the same marker, when it ends with a colon. None for a line that is no
    list item, or a list with no such opening."""
    lines = ctx.document.lines
    first = _ITEM.match(lines[line - 1]) if 0 < line <= len(lines) else None
    if first is None:
        return None
    n = line - 1
    while n >= 1:
        m = _ITEM.match(lines[n - 1])
        if m is None or _kind(m.group(1)) != _kind(first.group(1)):
            break
        n -= 1
    if n < 1:
        return None
    intro = fold(lines[n - 1]).strip()
    if not intro.endswith(":"):
        return None
    if len(intro) <= 30 and n >= 2 and not re.search(r"\d", intro):
        intro = fold(lines[n - 2]).strip() + " " + intro  # "Cụ thể như sau:" under the count it details
    if _SOME_MET.search(intro) and not _some_unmet(intro):
        return None
    return intro


def _some_unmet(intro: str) -> bool:
    """Whether every "N/M chỉ tiêu" of a list's opening leaves some out (N < M)."""
    return all(int(a) < int(b) for a, b in _SOME_MET.findall(intro))


def _gap(x: float, bound: Bound) -> float:
    """How far ``x`` misses ``bound``, relative to the bound's nearest end."""
    ends = [v for v in (bound.low, bound.high) if v is not None]
    if not ends:
        return 0.0
    end = min(ends, key=lambda e: abs(e - x))
    return abs(x - end) / max(abs(end), 1e-9)


def _unit(unit: str | None) -> str:
    return "" if not unit else unit if unit == "%" else " " + unit


def _num_pattern(value: float) -> re.Pattern[str]:
    whole, _, frac = repr(float(value)).partition(".")
    frac = "" if frac == "0" else frac
    grouped = f"{int(whole):,}".replace(",", ".")
    alts = {whole, grouped}
    body = "|".join(re.escape(a) for a in alts)
    tail = rf"[,.]{re.escape(frac)}0*" if frac else r"(?:[,.]0+)?"
    return re.compile(rf"(?<![\d.,])(?:{body}){tail}(?![\d])")


def _decimals(quote: str, value: float) -> int | None:
    m = _num_pattern(value).search(quote)
    if not m:
        return None
    text = m.group()
    if "," in text:
        return len(text.split(",")[-1])
    return 0


def _figure(quote: str, value: float, unit: str | None) -> str:
    m = _num_pattern(value).search(quote)
    number = m.group() if m else fmt(value)
    return number + _unit(unit)


# A target quoted after a result in its sentence, with its bound word: "năm nay là 1,32%, chỉ tiêu
# đặt ra là dưới 1,2%", "đạt 1,9 ngày (kế hoạch 2,1 ngày)".
_TARGET_WORDS = re.compile(
    rf"(?:so với\s*)?{_PLAN}(?:\s+(?:năm|đặt ra|đề ra|được giao|giao|của (?:tỉnh|huyện|xã|phường)|đại hội)(?:\s+(?:19|20)\d\d)?)*"
    r"\s*(?:là|đặt ra là|:)?\s*(dưới|không quá|tối đa|thấp hơn|trên|tối thiểu|ít nhất|từ|đạt)?\s*$"
)
_CLAIM_MET = re.compile(r"(?<!chưa )(?<!không )(?<!cơ bản )(?<!gần )(?<!sắp )(?<![a-zà-ỹđ])(?:hoàn thành|vượt|đạt)(?![a-zà-ỹđ])")
_CLAIM_NOT = re.compile(r"chưa|không|cơ bản|gần|tiến độ|phấn đấu|cần|phải")
_FIGURE = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)\s*(%|[a-zà-ỹđ]+)")
_DATE_UNIT = re.compile(r"tháng|năm$|quý")
# the bound words' meanings are the vocabulary's ("từ 8%" in a plan is a floor)
_BOUND_OPS = {vocabulary.GT: Op.GT, vocabulary.GE: Op.GE, vocabulary.FROM: Op.GE, vocabulary.LT: Op.LT,
              vocabulary.LE: Op.LE}


def _target_in_sentence(ctx: Context) -> list[Finding]:
    """A result, then its target quoted in the same sentence, then a verdict of success the
    figures deny, when the reader tied neither to the other: "tỷ lệ tăng dân số tự nhiên: năm
    nay là 1,32%, chỉ tiêu đặt ra là dưới 1,2%, nhưng … vẫn coi như đã hoàn thành", "Thời gian
    lưu trú bình quân … đạt 1,9 ngày (kế hoạch 2,1 ngày), đạt kế hoạch đề ra". The two figures
    one unit, nothing but words between, the verdict after the target in its own sentence with
    no word of doubt or failure ("chưa", "không", "cơ bản", "tiến độ"); the bound word of the
    target ("dưới", "trên") says which way is better, else the indicator's name (``_higher``).
    A miss of more than 1 % of the target (the result's digits widened) is an error. Lines whose
    result the reader already judges against a quoted target are left to ``check``."""
    judged = {s.line for s in ctx.statements if s.kind == "result" and s.compared_target is not None}
    out: list[Finding] = []
    for p in ctx.passages:
        if p.is_table_row:
            continue
        for a, b in p.sentences:
            figs = list(_FIGURE.finditer(p.folded, a, b))
            for r, t in zip(figs, figs[1:], strict=False):
                line = p.line_at(r.start())
                if line in judged or r.group(2) != t.group(2) or _DATE_UNIT.match(r.group(2)):
                    continue
                gap = p.folded[r.end() : t.start()].lstrip(" ,;(")
                m = _TARGET_WORDS.fullmatch(gap)
                if m is None or len(gap) > 60:
                    continue
                nxt = _FIGURE.search(p.folded, t.end(), b)
                rest = p.folded[t.end() : nxt.start() if nxt else b]
                claim = _CLAIM_MET.search(rest)
                if claim is None or _CLAIM_NOT.search(rest[: claim.start()][-30:]) or _CLAIM_NOT.search(
                    rest[claim.start() : claim.end() + 25]
                ):
                    continue
                try:
                    rv, tv = parse_number(r.group(1), "vi"), parse_number(t.group(1), "vi")
                except ValueError:
                    continue
                op = _BOUND_OPS.get(vocabulary.BOUND_WORDS.get(m.group(1) or "", ""), Op.EQ)
                if op in (Op.LT, Op.LE):
                    bound = Bound(op, None, tv)
                elif op is Op.EQ:
                    bound = Bound(Op.EQ, tv, tv)
                else:
                    bound = Bound(op, tv, None)
                name = p.folded[max(a, r.start() - 80) : r.start()]
                if op is Op.EQ and _SPENDING.search(name):
                    continue
                higher = _higher(name, bound)
                decimals = len(r.group(1).split(",")[1]) if "," in r.group(1) else 0
                half = 0.5 * 10.0**-decimals
                best = rv + half if higher else rv - half
                if judge(best, bound, higher) in (Status.DAT, Status.VUOT) or _gap(best, bound) <= 0.01:
                    continue
                unit = r.group(2) if r.group(2) == "%" else " " + r.group(2)
                said = (m.group(1) + " " if m.group(1) and m.group(1) != "đạt" else "") + t.group(1) + unit
                out.append(Finding(
                    "verdict", ERROR, (line,), (r.group(1) + unit, said),
                    f"Văn bản ghi “{claim.group()}” nhưng kết quả {r.group(1)}{unit} chưa đạt chỉ tiêu {said}.",
                    STATUS_LABELS[Status.KHONG_DAT], p.quote(a, b),
                ))
    return out
