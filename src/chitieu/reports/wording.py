"""How the report words things: dates written in full, numbers in sentences, targets in short,
verdicts, and the generated sentence for one key indicator.

Owns: the Vietnamese phrasing of the official report (Nghị định 30/2020/NĐ-CP for dates; the
seeds for "ước đạt", "tăng bình quân …%/năm giai đoạn …", "gấp … lần năm …", "đạt chỉ tiêu
Nghị quyết (…)"), the verb by direction and kind as the seeds write it ("đạt" for what should
grow, "còn" / "giảm còn" for what should fall, "chiếm" for a share: "Tỷ lệ trẻ em suy dinh
dưỡng dưới 5 tuổi còn 6,8%", "năm 2020 còn 13 hộ nghèo", "TM-DV chiếm 71%"), the sign and unit
of a change read from the values themselves (a rate changes by "điểm phần trăm"), yes/no
indicators in words ("đạt chuẩn" / "chưa đạt chuẩn", never 0/1), and the period of a plan
("5 năm 2021-2025", "năm 2025" for an annual plan, never "1 năm" or "2025-2025").
Pure functions of their arguments; every number goes through
``chitieu.core.numbers.format_number``.
"""

from __future__ import annotations

from datetime import date

from chitieu.core import numbers
from chitieu.core.describe import bound_text
from chitieu.core.evaluate import Evaluation, Progress, Status
from chitieu.core.indicators import Direction, Kind
from chitieu.core.numbers import format_number, round_half_up
from chitieu.core.plan import PlanItem
from chitieu.core.series import ValueStatus
from chitieu.core.targets import Form, Horizon, Op, Target


def full_date(d: date) -> str:
    """``ngày 05 tháng 01 năm 2026``: Nghị định 30 writes a leading zero for days below 10 and
    for the months 1 and 2 only (``ngày 15 tháng 3 năm 2026``)."""
    day = f"{d.day:02d}"
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {day} tháng {month} năm {d.year}"


def show(value: float, decimals: int = 1) -> str:
    """A value as the report prints it: rounded half-up at ``decimals``, without trailing zeros
    (``6150.0`` → ``6.150``; ``78.94`` → ``78,9``)."""
    return format_number(round_half_up(value, decimals), None)


# An indicator whose definition declares no decimals (``Indicator.decimals`` is None, the
# default) has each value printed as it was entered, up to ENTERED_MAX decimals ("0,58" stays
# 0,58, "22,92" stays 22,92); a value with more digits was computed (a roll-up's ratio) and is
# printed at DEFAULT_DECIMALS. An indicator that declares decimals (1 included) is printed at them.
DEFAULT_DECIMALS = 1
ENTERED_MAX = 3
MAX_DECIMALS = 6


def entered_decimals(value: float) -> int:
    """The decimals ``value`` was written with (its shortest form): 0,58 → 2, 6150 → 0."""
    return numbers.entered_decimals(value, MAX_DECIMALS)


def _side(x: float, edge: float) -> int:
    return (x > edge) - (x < edge)


def widen_for(value: float, decimals: int, edges=()) -> int:
    """Enough decimals for the printed ``value`` to stand on the same side of every edge of the
    bound it was judged against as the value itself: 0,97 against "dưới 1%" prints "0,97",
    never "1" (which would read as not under 1%)."""
    d = max(decimals, 0)
    for edge in edges:
        if edge is None:
            continue
        while d < MAX_DECIMALS and _side(round_half_up(value, d), edge) != _side(value, edge):
            d += 1
    return d


def value_decimals(value: float, declared: int | None, edges=()) -> int:
    """The decimals the report prints an indicator's value with: the indicator's declared
    ``decimals``, or as entered when it declares none (None), widened so the printed figure is
    the figure judged (``widen_for``)."""
    if declared is None:
        own = entered_decimals(value)
        declared = own if own <= ENTERED_MAX else DEFAULT_DECIMALS
    return widen_for(value, declared, edges)


def level_edges(item: PlanItem) -> tuple[float, ...]:
    """The numbers an indicator's own value is judged against: the bound of a level target in
    the indicator's unit (none for growth, change, multiple or structure targets)."""
    target = item.target
    if target is None or target.form is not Form.LEVEL or target.bound.op is Op.QUALITATIVE:
        return ()
    if target.unit and item.indicator.unit and target.unit != item.indicator.unit:
        return ()
    return tuple(x for x in (target.bound.low, target.bound.high) if x is not None)


def show_value(item: PlanItem, value: float) -> str:
    """An indicator's value as the report prints it (``value_decimals``), without trailing zeros."""
    return show(value, value_decimals(value, item.indicator.decimals, level_edges(item)))


def value_with_unit(item: PlanItem, value: float) -> str:
    """``0,97%``, ``22,92 tỷ đồng``: ``show_value`` with the indicator's unit."""
    return _attach(show_value(item, value), item.indicator.unit)


def figure_text(value: float, decimals: int | None) -> str:
    """A computed figure (an average growth, a multiple) at the decimals the evaluation judged
    it at (``Figure.decimals``: core rounds a growth rate to 2 decimals before judging it), so
    the printed figure is the figure judged: "17,08", "20,00"."""
    return format_number(value, decimals)


def percent_of_plan_text(value: float, decimals: int | None) -> str:
    """A % of plan (``percent_of_plan``) at its decimals, widened so that it never reads 100 when
    the value is short of the plan or over it: 99,96 of 100 prints "99,96", never "100,0"
    (which would contradict "không đạt")."""
    if decimals is None:
        return format_number(value, None)
    d = widen_for(value, decimals, (100.0,))
    return format_number(value, d) if d == decimals else format_number(round_half_up(value, d), None)


def _attach(text: str, unit: str | None) -> str:
    if not unit:
        return text
    if unit in ("%", "‰"):
        return text + unit
    return f"{text} {unit}"


def with_unit(value: float, unit: str | None, decimals: int = 1) -> str:
    """``6.150 tỷ đồng``; a percent sticks to its number (``78%``)."""
    text = show(value, decimals)
    if not unit:
        return text
    if unit in ("%", "‰"):
        return text + unit
    return f"{text} {unit}"


def target_short(target: Target) -> str:
    """The target in the few words a sentence quotes in parentheses: ``17-19%/năm``,
    ``1,4-1,5 lần``, ``70-75%``, ``giảm 12-15 hộ/năm``; the phrase itself when qualitative."""
    if target.form is Form.QUALITATIVE or target.bound.op is Op.QUALITATIVE:
        return _lower_first(target.phrase)  # quoted mid-sentence: "(hằng năm hoàn thành …)"
    text = bound_text(target.bound, target.unit)
    if target.form is Form.GROWTH or (target.form is Form.CHANGE and target.per_year):
        text += "/năm"
    elif target.form is Form.LEVEL and target.horizon is Horizon.EACH_YEAR:
        text = f"hằng năm {text}"
    if target.form is Form.CHANGE:
        text = ("giảm " if target.decrease else "tăng ") + text
    return text


# What set a target, as the sentence names it (the seeds: "đạt chỉ tiêu Nghị quyết", "vượt
# kế hoạch giao", "đạt 132,8% dự toán"): a basis → the noun the verdict is about.
BASIS_NOUNS = {
    "Nghị quyết": "chỉ tiêu Nghị quyết",
    "Nghị quyết HĐND": "chỉ tiêu Nghị quyết HĐND",
    "kế hoạch": "chỉ tiêu kế hoạch",
    "kế hoạch giao": "kế hoạch giao",
    "chỉ tiêu giao": "chỉ tiêu giao",
    "dự toán": "dự toán",
    "chỉ tiêu đề ra": "chỉ tiêu đề ra",  # targets set by several documents
}


def basis_from_source(text: str) -> str:
    """The basis a target's source document gives: "dự toán" (a budget estimate), "kế hoạch
    giao" (a plan assigned by the level above), "Nghị quyết HĐND" (the People's Council),
    "Nghị quyết" (the Party congress), else "kế hoạch"."""
    t = " ".join(text.lower().split())
    if "dự toán" in t:
        return "dự toán"
    if "giao" in t and ("kế hoạch" in t or "quyết định" in t):
        return "kế hoạch giao"
    if "chỉ tiêu giao" in t:
        return "chỉ tiêu giao"
    if "nghị quyết" in t or t.startswith("nq"):
        if "hđnd" in t or "hội đồng nhân dân" in t:
            return "Nghị quyết HĐND"
        return "Nghị quyết"
    return "kế hoạch"


def basis_noun(basis: str) -> str:
    """``chỉ tiêu Nghị quyết``, ``kế hoạch giao``, ``dự toán`` (a basis not listed: "chỉ tiêu …")."""
    return BASIS_NOUNS.get(basis, f"chỉ tiêu {basis}")


def verdict_phrase(status: Status, basis: str, progress: Progress | None = None) -> str:
    """``đạt chỉ tiêu Nghị quyết``, ``vượt kế hoạch giao``; ``basis`` is a key of
    ``BASIS_NOUNS``. Before the target year (``progress`` set) only the progress: ``đạt tiến độ
    thực hiện chỉ tiêu Nghị quyết``."""
    noun = basis_noun(basis)
    if progress is not None and status is not Status.CHUA_DU_SO_LIEU:
        word = "đạt" if progress is Progress.ON_TRACK else "chưa đạt"
        return f"{word} tiến độ thực hiện {noun}"
    return {
        Status.VUOT: f"vượt {noun}",
        Status.DAT: f"đạt {noun}",
        Status.KHONG_DAT: f"không đạt {noun}",
        Status.CHUA_DU_SO_LIEU: "chưa đủ số liệu để đánh giá",
    }[status]


PERCENT_UNITS = ("%", "‰")


def span_text(first: int, last: int) -> str:
    """The years a plan or a comparison covers: ``2021-2025``, or ``2025`` for one year."""
    return str(last) if last <= first else f"{first}-{last}"


def plan_period_phrase(first: int, last: int) -> str:
    """``5 năm 2021-2025`` for a term, ``năm 2025`` for an annual plan (never "1 năm 2025")."""
    if last <= first:
        return f"năm {last}"
    return f"{last - first + 1} năm {first}-{last}"


def next_period_years(current_final: int, text: str) -> tuple[int, int] | None:
    """The first and last year of the next plan, counted as the current one is.

    A plan file writes its period as base year - final year ("2020-2025": the plan covers
    2021-2025), and the next one usually the same way ("2025-2030": 2026-2030); a next period
    that starts after the current final year is already its first year ("2026-2030"). An
    annual plan's next period is one year: "2025-2026" or "2026" both give 2026."""
    parts = [p for p in (x.strip() for x in text.replace("–", "-").split("-")) if p]
    if not parts or not all(p.isdigit() and len(p) == 4 for p in parts) or len(parts) > 2:
        return None
    if len(parts) == 1:
        year = int(parts[0])
        return year, year
    a, b = int(parts[0]), int(parts[1])
    if b < a:
        return None
    first = a if a > current_final else a + 1
    return min(first, b), b


def is_percent(unit: str | None) -> bool:
    return unit in PERCENT_UNITS


def yes_no_words(value: float, item_words: str = "") -> str:
    """A yes/no indicator in words: ``đạt chuẩn`` / ``chưa đạt chuẩn`` (a standard, the usual
    case), otherwise ``đạt`` / ``chưa đạt``; never the 1/0 it is stored as."""
    standard = "chuẩn" in item_words.lower()
    if value >= 0.5:
        return "đạt chuẩn" if standard else "đạt"
    return "chưa đạt chuẩn" if standard else "chưa đạt"


def _is_yes_no(item: PlanItem) -> bool:
    return item.indicator.kind is Kind.BOOLEAN


def value_cell(item: PlanItem, value: float | None) -> str:
    """A value as Phụ lục 1 prints it: the number, or a yes/no in words with a capital."""
    if value is None:
        return ""
    if item.indicator.kind.value in ("option", "rank"):
        from chitieu.core.options import ordinal_label  # an ordinal: "Tốt", "thứ 3", never its rank number

        words = ordinal_label(item.indicator, value)
        return words[:1].upper() + words[1:]
    if _is_yes_no(item):
        words = yes_no_words(value, f"{item.indicator.name} {item.target.phrase if item.target else ''}")
        return words[:1].upper() + words[1:]
    return show_value(item, value)


def value_verb(item: PlanItem, value: float, base: float | None, *, estimate: bool) -> str:
    """The verb before a value, by the indicator's direction and kind, as the seeds write:

    - a share of a structure ``chiếm`` ("TM-DV chiếm 71%");
    - what should fall (``direction: lower``): ``còn`` when it fell or stayed, ``là`` when it
      rose ("Tỷ lệ sinh con thứ 3 trở lên 16,9%" is no achievement);
    - anything else ``đạt``.

    An estimate reads ``ước đạt``, ``ước còn``, ``ước chiếm``, ``ước là``.
    """
    ind = item.indicator
    if ind.kind is Kind.SHARE:
        verb = "chiếm"
    elif ind.direction is Direction.LOWER_IS_BETTER:
        verb = "là" if (base is not None and value > base) else "còn"
    else:
        verb = "đạt"
    return f"ước {verb}" if estimate else verb


def change_clause(item: PlanItem, value: float, base: float, base_year: int) -> str | None:
    """``giảm 4,4 điểm phần trăm so với năm 2020`` / ``tăng 21 hộ so với năm 2020``: the sign
    from the values themselves (never from the target's wording), a rate's change in
    percentage points; None when the printed change would be 0."""
    ind = item.indicator
    # the change of two printed values has the digits they have (6,5 → 2,1: 4,4; 0,58 → 0,97: 0,39)
    decimals = max(value_decimals(value, ind.decimals), value_decimals(base, ind.decimals))
    delta = round_half_up(value - base, decimals)
    if delta == 0:
        return None
    word = "tăng" if delta > 0 else "giảm"
    if is_percent(ind.unit):
        amount = f"{show(abs(delta), decimals)} điểm phần trăm"
    else:
        amount = with_unit(abs(delta), ind.unit, decimals)
    return f"{word} {amount} so với năm {base_year}"


def _achieved_verb(item: PlanItem, year: int) -> str:
    obs = item.series.get(year)
    return "ước đạt" if obs is not None and obs.status is ValueStatus.ESTIMATE else "đạt"


def indicator_sentence(
    item: PlanItem,
    evaluation: Evaluation,
    *,
    base_year: int,
    final_year: int,
    as_of: int | None,
    basis: str,
) -> str:
    """One sentence for one key indicator: its latest value, its growth or change, the
    comparison with the target and the verdict.

    ``Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ năm 2025 ước đạt 6.150 tỷ đồng, tăng bình
    quân 17,08%/năm giai đoạn 2021-2025, đạt chỉ tiêu Nghị quyết (17-19%/năm).``
    ``Tỷ lệ hộ nghèo năm 2020 còn 2,1%, giảm 4,4 điểm phần trăm so với năm 2015, …``
    """
    ind = item.indicator
    target = evaluation.target
    verdict = f"{verdict_phrase(evaluation.status, basis, evaluation.progress)} ({target_short(target)})"
    pct = evaluation.figure("percent_of_plan")
    if (pct is not None and evaluation.progress is None and target.form is not Form.QUALITATIVE
            and not is_percent(ind.unit) and ind.kind is not Kind.BOOLEAN):
        # the seeds: "đạt 132,8% chỉ tiêu, vượt chỉ tiêu Nghị quyết (17,26 tỷ đồng)"
        verdict = f"bằng {percent_of_plan_text(pct.value, pct.decimals)}% {basis_noun(basis)}, {verdict}"
    elif getattr(evaluation, "assigned", ()) and pct is not None:
        # "đạt và vượt chỉ tiêu giao": the figure judged is the % of the year's assigned figure,
        # so the sentence prints it with the figure itself ("bằng 113,0% chỉ tiêu giao năm 2023
        # (17,3 tỷ đồng)"), whether the term is over or not
        year = evaluation.assigned[-1].year
        given = evaluation.figure(f"assigned:{year}")
        amount = f" ({with_unit(given.value, ind.unit, value_decimals(given.value, ind.decimals))})" if given else ""
        verdict = (f"bằng {percent_of_plan_text(pct.value, pct.decimals)}% {basis_noun(basis)} năm {year}{amount}, "
                   f"{verdict}")
    if evaluation.status is Status.CHUA_DU_SO_LIEU:
        verdict = f"{verdict_phrase(evaluation.status, basis)} so với chỉ tiêu {_lower_first(target_short(target))}"
    if target.form is Form.STRUCTURE:
        return structure_sentence(item, evaluation, verdict)
    last = item.series.latest(as_of)
    if last is None:
        return f"{ind.name}: {verdict}."
    year = last.year
    estimate = last.status is ValueStatus.ESTIMATE
    period = span_text(base_year + 1, year)
    base = item.series.value(base_year) if year > base_year else None
    if _is_yes_no(item):
        words = yes_no_words(last.value, f"{ind.name} {target.phrase}")
        state = f"ước {words}" if estimate else words
        return f"{ind.name}: năm {year} {state}, {verdict}."
    value = value_with_unit(item, last.value)
    verb = value_verb(item, last.value, base, estimate=estimate)
    parts: list[str]
    cagr, multiple = evaluation.figure("cagr"), evaluation.figure("multiple")
    if ind.kind is Kind.GROWTH_RATE and target.form is Form.GROWTH:
        return _growth_rate_sentence(item, evaluation, cagr, last, base_year, period, verdict)
    if item.value_is == "per_year_average":
        value += "/năm" if ind.unit and ind.unit not in PERCENT_UNITS and "/" not in ind.unit else ""
        where = f"giai đoạn {period}" if year > base_year + 1 else f"năm {year}"
        parts = [f"{ind.name} {where} {_achieved_verb(item, year)} {value}"]
    else:
        parts = [f"{ind.name} năm {year} {verb} {value}"]

    change_shown = False
    if target.form is Form.GROWTH and cagr is not None:
        word = "tăng" if cagr.value >= 0 else "giảm"
        if year == base_year + 1:  # one year: a growth over the year before, not an average
            parts.append(f"{word} {figure_text(abs(cagr.value), cagr.decimals)}% so với năm {base_year}")
        else:
            parts.append(f"{word} bình quân {figure_text(abs(cagr.value), cagr.decimals)}%/năm giai đoạn {period}")
    elif target.form is Form.MULTIPLE and multiple is not None:
        parts.append(f"gấp {show(multiple.value, multiple.decimals or 2)} lần năm {base_year}")
    elif base is not None and item.value_is != "per_year_average" and ind.kind is not Kind.GROWTH_RATE:
        clause = change_clause(item, last.value, base, base_year)
        if clause:
            parts.append(clause)
            change_shown = True
    if (
        not change_shown
        and ind.direction is Direction.LOWER_IS_BETTER
        and base is not None
        and last.value < base
        and parts[0].endswith(f" còn {value}")
    ):
        # A fall the sentence does not quantify still reads as one: "giảm còn".
        parts[0] = parts[0][: -len(f"còn {value}")] + f"giảm còn {value}"
    parts.append(verdict)
    sentence = ", ".join(parts)
    if (target.horizon is Horizon.EACH_YEAR and target.form is Form.LEVEL and evaluation.status is Status.KHONG_DAT
            and evaluation.clause):
        # the last year alone may meet it: the sentence says which years did not
        sentence += f": {_lower_first(evaluation.clause)}"
    return sentence + "."


def _growth_rate_sentence(item, evaluation, cagr, last, base_year, period, verdict) -> str:
    """A growth rate judged as a period average: the average is of the yearly rates (compounded,
    as core computes it), never the growth of the rate itself. "Tốc độ tăng trưởng kinh tế bình
    quân giai đoạn 2021-2025 đạt 13,99%/năm (năm 2025: 15%), không đạt chỉ tiêu Nghị quyết
    (14,1%/năm)"; a stated period average (``value_is: per_year_average``) is the figure."""
    ind = item.indicator
    word = "ước đạt" if last.status is ValueStatus.ESTIMATE else "đạt"
    if item.value_is == "per_year_average" or cagr is None:
        rate = value_with_unit(item, last.value)
    else:
        rate = f"{figure_text(cagr.value, cagr.decimals)}%"
    where = f"bình quân giai đoạn {period}" if last.year > base_year + 1 else f"năm {last.year}"
    head = f"{ind.name} {where} {word} {rate}/năm" if last.year > base_year + 1 else f"{ind.name} {where} {word} {rate}"
    if item.value_is != "per_year_average" and cagr is not None and last.year > base_year + 1:
        head += f" (năm {last.year}: {value_with_unit(item, last.value)})"
    return f"{head}, {verdict}."


def structure_sentence(item: PlanItem, evaluation: Evaluation, verdict: str) -> str:
    """A structure target stated with its shares, never a level: "Cơ cấu kinh tế năm 2025:
    Thương mại - Dịch vụ chiếm 49,8%; Công nghiệp - TTCN, XDCB chiếm 47,2%; Nông nghiệp chiếm
    3%, đạt chỉ tiêu Nghị quyết (…)". The shares are the evaluation's figures (``share:…``)."""
    shares = [f for f in evaluation.figures if f.key.startswith("share:")]
    name = item.indicator.name
    if not shares or evaluation.status is Status.CHUA_DU_SO_LIEU:
        return f"{name}: {verdict}."
    year = shares[0].label.rsplit(" ", 1)[-1]
    estimate = any(
        (o := c.series.get(int(year))) is not None and o.status is ValueStatus.ESTIMATE
        for c in item.children
    ) if year.isdigit() else False
    verb = "ước chiếm" if estimate else "chiếm"
    listed = "; ".join(f"{f.key.split(':', 1)[1]} {verb} {show(f.value, f.decimals or 1)}%" for f in shares)
    when = f" năm {year}" if year.isdigit() else ""
    return f"{name}{when}: {listed}, {verdict}."


def _lower_first(text: str) -> str:
    """Lower-case the first letter of a phrase quoted mid-sentence ("Duy trì …" → "duy trì …"),
    but not of an abbreviation ("PAR INDEX", "GTSX") or a name that starts with one."""
    if len(text) >= 2 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def name_in_sentence(name: str) -> str:
    """An indicator's name inside a sentence: "Số doanh nghiệp" → "số doanh nghiệp"."""
    return _lower_first(name)


def count_label(n: int) -> str:
    """``08 chỉ tiêu``: the seeds pad the count of a group to two digits."""
    return f"{n:02d} chỉ tiêu"
