"""A parsed target back in plain Vietnamese, so a user can check what the system understood.

Owns ``describe_target``: "tăng 19 - 21%/năm" → "Tăng bình quân từ 19% đến 21% mỗi năm";
"Giảm 12-15 hộ/năm" → "Giảm từ 12 đến 15 hộ mỗi năm"; "còn dưới 1,0%" → "Dưới 1% (cuối kỳ)".
Numbers are printed with ``format_number`` (Vietnamese style).

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from functools import lru_cache

from chitieu.core.numbers import format_number
from chitieu.core.targets.model import Bound, Form, Horizon, Op, Target


def describe_target(t: Target) -> str:
    """One sentence in Vietnamese that says what ``t`` asks for."""
    match t.form:
        case Form.GROWTH:
            text = _growth(t)
        case Form.LEVEL:
            text = _level(t)
        case Form.CHANGE:
            text = _change(t)
        case Form.MULTIPLE:
            text = _multiple(t)
        case Form.STRUCTURE:
            text = _structure(t)
        case _:
            text = "Định tính: " + _requirement(t)
    if t.alternative is not None:
        text += f" (hoặc: {_lower_first(describe_target(t.alternative))})"
    return text


def _growth(t: Target) -> str:
    verb = "Giảm" if t.decrease else "Tăng"
    bound = _bound(t.bound, "%")
    if t.horizon is Horizon.AVERAGE:
        return f"{verb} bình quân {bound} mỗi năm"
    if t.horizon is Horizon.EACH_YEAR:
        return f"{verb} {bound} mỗi năm"
    return f"{verb} {bound} {_against(t)}"


def _level(t: Target) -> str:
    bound = _bound(t.bound, t.unit)
    reach = f"đạt {bound}" if t.bound.op in (Op.EQ, Op.RANGE) else bound
    if t.unit == "hạng" and t.bound.op is Op.LE:
        reach = f"trong tốp {_n(t.bound.high)}"  # a rank, 1 the best: "nằm trong tốp 3"
    match t.horizon:
        case Horizon.EACH_YEAR:
            return _upper_first(f"{reach} mỗi năm")
        case Horizon.AVERAGE:
            return f"Bình quân {reach} mỗi năm"
        case Horizon.CUMULATIVE:
            until = f" đến năm {t.year}" if t.year else ""
            return f"Cộng dồn cả kỳ{until}: {reach}"
    if t.year:
        return f"Đến năm {t.year} {reach}"
    return _upper_first(f"{reach} (cuối kỳ)")


def _change(t: Target) -> str:
    verb = "Giảm" if t.decrease else "Tăng"
    unit = "điểm phần trăm" if t.points else t.unit
    bound = _bound(t.bound, unit)
    if t.horizon is Horizon.AVERAGE:
        return f"{verb} bình quân {bound} mỗi năm"
    if t.horizon is Horizon.EACH_YEAR:
        return f"{verb} {bound} mỗi năm"
    return f"{verb} {bound} {_against(t)}"


def _multiple(t: Target) -> str:
    b = t.bound
    times = {
        Op.EQ: lambda: _n(b.low),
        Op.RANGE: lambda: f"{_n(b.low)} đến {_n(b.high)}",
        Op.GT: lambda: f"hơn {_n(b.low)}",
        Op.GE: lambda: f"ít nhất {_n(b.low)}",
        Op.LT: lambda: f"chưa tới {_n(b.high)}",
        Op.LE: lambda: f"nhiều nhất {_n(b.high)}",
    }[b.op]()
    base = f"năm {t.base_year}" if t.base_year else "năm gốc"
    if t.decrease:
        return f"Giảm {times} lần so với {base}"
    return f"Gấp {times} lần {base}"


def _structure(t: Target) -> str:
    until = f" đến năm {t.year}" if t.year else ""
    parts = "; ".join(f"{_lower_first(p.name)} {bound_text(p.bound, t.unit)}" for p in t.parts)
    return f"Cơ cấu{until}: {parts}"


def _requirement(t: Target) -> str:
    text = t.phrase.strip().rstrip(".;")
    if t.subject and ":" in text:
        text = text.split(":", 1)[1].strip()
    return _upper_first(text)


def _against(t: Target) -> str:
    return f"so với năm {t.base_year}" if t.base_year else "cả kỳ"


def _n(x: float | None) -> str:
    return format_number(x)


def _with_unit(number: str, unit: str | None) -> str:
    if not unit:
        return number
    if unit in ("%", "‰"):
        return number + unit
    return f"{number} {unit}"


def _bound(b: Bound, unit: str | None) -> str:
    """ "từ 19% đến 21%", "từ 12 đến 15 hộ", "trên 70%", "từ 88% trở lên", "dưới 1%"."""
    attached = unit in ("%", "‰")
    match b.op:
        case Op.EQ:
            return _with_unit(_n(b.low), unit)
        case Op.RANGE:
            low = _with_unit(_n(b.low), unit) if attached else _n(b.low)
            return f"từ {low} đến {_with_unit(_n(b.high), unit)}"
        case Op.GT:
            return f"trên {_with_unit(_n(b.low), unit)}"
        case Op.GE:
            return f"từ {_with_unit(_n(b.low), unit)} trở lên"
        case Op.LT:
            return f"dưới {_with_unit(_n(b.high), unit)}"
        case Op.LE:
            return f"không quá {_with_unit(_n(b.high), unit)}"
    return "không có số"


@lru_cache(maxsize=4096)
def bound_text(b: Bound, unit: str | None = None) -> str:
    """A bound as reports print it beside a result: "17-19%", "trên 70%", "dưới 1%",
    "từ 88% trở lên", "85 triệu đồng" (cached: plans repeat their bounds across units)."""
    if b.op is Op.RANGE:
        return _with_unit(f"{_n(b.low)}-{_n(b.high)}", unit)
    if b.op is Op.QUALITATIVE:
        return ""
    return _bound(b, unit)


def _upper_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def _lower_first(s: str) -> str:
    # Keep acronyms and proper names ("GRDP", "Phường 2") as written.
    if len(s) > 1 and s[1].isupper():
        return s
    return s[:1].lower() + s[1:]
