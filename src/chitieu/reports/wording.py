"""How the report words things: dates written in full, numbers in sentences, targets in short,
verdicts, and the generated sentence for one key indicator.

Owns: the Vietnamese phrasing of the official report (Nghị định 30/2020/NĐ-CP for dates; the
seeds for "ước đạt", "tăng bình quân …%/năm giai đoạn …", "gấp … lần năm …", "đạt chỉ tiêu
Nghị quyết (…)"). Pure functions of their arguments; every number goes through
``chitieu.core.numbers.format_number``.
"""

from __future__ import annotations

from datetime import date

from chitieu.core.describe import bound_text
from chitieu.core.evaluate import Evaluation, Status
from chitieu.core.numbers import format_number, round_half_up
from chitieu.core.plan import PlanItem
from chitieu.core.series import ValueStatus
from chitieu.core.targets import Form, Op, Target


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
        return target.phrase
    text = bound_text(target.bound, target.unit)
    if target.form is Form.GROWTH or (target.form is Form.CHANGE and target.per_year):
        text += "/năm"
    if target.form is Form.CHANGE:
        text = ("giảm " if target.decrease else "tăng ") + text
    return text


def verdict_phrase(status: Status, basis: str) -> str:
    """``đạt chỉ tiêu Nghị quyết``; ``basis`` is "Nghị quyết" or "kế hoạch"."""
    return {
        Status.VUOT: f"vượt chỉ tiêu {basis}",
        Status.DAT: f"đạt chỉ tiêu {basis}",
        Status.KHONG_DAT: f"không đạt chỉ tiêu {basis}",
        Status.CHUA_DU_SO_LIEU: "chưa đủ số liệu để đánh giá",
    }[status]


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
    """
    ind = item.indicator
    target = evaluation.target
    verdict = f"{verdict_phrase(evaluation.status, basis)} ({target_short(target)})"
    if evaluation.status is Status.CHUA_DU_SO_LIEU:
        verdict = f"{verdict_phrase(evaluation.status, basis)} so với chỉ tiêu {target_short(target)}"
    last = item.series.latest(as_of)
    if last is None:
        return f"{ind.name}: {verdict}."
    year = last.year
    period = f"{base_year + 1}-{year}"
    verb = _achieved_verb(item, year)
    value = with_unit(last.value, ind.unit, ind.decimals)
    parts: list[str]
    if item.value_is == "per_year_average":
        value += "/năm" if ind.unit and ind.unit not in ("%", "‰") and "/" not in ind.unit else ""
        parts = [f"{ind.name} giai đoạn {period} {verb} {value}"]
    else:
        parts = [f"{ind.name} năm {year} {verb} {value}"]

    cagr, multiple, points = (evaluation.figure(k) for k in ("cagr", "multiple", "points"))
    change = evaluation.figure("change")
    if target.form is Form.GROWTH and cagr is not None:
        word = "tăng" if cagr.value >= 0 else "giảm"
        parts.append(f"{word} bình quân {format_number(abs(cagr.value), 2)}%/năm giai đoạn {period}")
    elif target.form is Form.MULTIPLE and multiple is not None:
        parts.append(f"gấp {show(multiple.value, 2)} lần năm {base_year}")
    elif points is not None and abs(points.value) >= 0.05:
        word = "tăng" if points.value > 0 else "giảm"
        parts.append(f"{word} {show(abs(points.value), 1)} điểm phần trăm so với năm {base_year}")
    elif change is not None and target.form is Form.CHANGE and item.value_is != "per_year_average":
        word = "tăng" if change.value > 0 else "giảm"
        parts.append(f"{word} {with_unit(abs(change.value), ind.unit, ind.decimals)} so với năm {base_year}")
    parts.append(verdict)
    return ", ".join(parts) + "."


def count_label(n: int) -> str:
    """``08 chỉ tiêu``: the seeds pad the count of a group to two digits."""
    return f"{n:02d} chỉ tiêu"
