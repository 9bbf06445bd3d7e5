"""Targets read with their indicator: the target's unit against the indicator's unit and kind.

Owns: ``fit_target(target, indicator)``, which gives the target as meant for that indicator or
refuses it with ``TargetUnitError`` (a Vietnamese and English message naming the indicator and
the target). The parser reads a phrase alone; only beside its indicator is it clear that

- a bare "%" beside an amount (tỷ đồng, tấn, hộ…) is a growth rate, never a level: "(13 - 14%)"
  beside a budget in tỷ đồng is an average growth of 13-14%/năm, never "454,6%";
- "giảm dưới 15%" / "phấn đấu giảm xuống dưới 15%" of an indicator that is itself a rate in %
  is a level below 15%, not a fall of under 15 points;
- a money target in another scale ("1.500 tỷ đồng" for an indicator in triệu đồng) is the
  same money, rescaled;
- a target in a unit that contradicts the indicator's ("85 triệu đồng" for a rate in %, "giảm
  12 hộ/năm" for a rate, a number for a yes/no standard, a level for a list of options) is
  refused;
- an option list's target must name one of its options, a rank's target a rank (``core.options``).

Plan files (``chitieu.planfile``), the web's plan page and ``core.evaluate.evaluate_item``
all pass targets through here. Pure Python; no Django, no I/O. Rules in docs/evaluation.md.
"""

from __future__ import annotations

import re

from chitieu.core.indicators import Indicator, Kind
from chitieu.core.numbers import normalise_unit
from chitieu.core.options import OrdinalError, ordinal_goal
from chitieu.core.targets import Form, Horizon, Op, Target

__all__ = ["TargetUnitError", "fit_target", "unit_dimension"]


class TargetUnitError(ValueError):
    """A target whose unit or form contradicts its indicator; the message names both."""


_PERCENT = {"%", "phần trăm", "phan tram"}
_PERMILLE = {"‰", "%o", "phần nghìn", "phần ngàn"}
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
_MEASURE_HEADS = {
    "lần", "ha", "km", "km²", "km2", "m", "m²", "m2", "m³", "m3", "kg", "tấn", "tạ", "lít", "kwh", "mw", "giờ",
    "ngày", "tháng", "năm", "tuổi", "cm",
}
_RATE_KINDS = {Kind.RATE, Kind.SHARE, Kind.GROWTH_RATE}
_AMOUNT_KINDS = {Kind.FLOW, Kind.LEVEL, Kind.COUNT}


def unit_dimension(unit: str | None) -> tuple[str, float]:
    """What a unit measures and its scale: ("percent", 1), ("permille", 1), ("money:đồng", 1e6)
    for "triệu đồng", ("measure:tấn", 1), ("count:hộ", 1) or ("", 1) for no unit."""
    if not unit:
        return "", 1.0
    u = normalise_unit(unit) or ""
    if u in _PERCENT:
        return "percent", 1.0
    if u in _PERMILLE:
        return "permille", 1.0
    head, _, per = u.partition("/")
    head = head.strip()
    scale = 1.0
    first, _, rest = head.partition(" ")
    if first in _SCALES and rest:
        scale, head = _SCALES[first], rest
    suffix = ""  # denominators are compared apart (``_denominators``): "triệu/người/năm" is money too
    if head in ("đồng", "usd", "vnđ", "đ"):
        return f"money:{'usd' if head == 'usd' else 'đồng'}{suffix}", scale
    if head in _MEASURE_HEADS:
        return f"measure:{head}{suffix}", scale
    return f"count:{head}{suffix}", scale


def _denominators(unit: str | None) -> frozenset[str]:
    """The "/…" parts of a unit, "/năm" aside (a yearly rate says it or not)."""
    parts = (normalise_unit(unit) or "").split("/")[1:]
    return frozenset(p.strip() for p in parts if p.strip() and p.strip() != "năm")


def _is_amount(indicator: Indicator) -> bool:
    dim = unit_dimension(indicator.unit)[0]
    return indicator.kind in _AMOUNT_KINDS and dim not in ("", "percent", "permille")


def _refuse(indicator: Indicator, target: Target, why_vi: str, why_en: str) -> TargetUnitError:
    unit = f" (đơn vị {indicator.unit})" if indicator.unit else ""
    return TargetUnitError(
        f"Chỉ tiêu {indicator.code} “{indicator.name}”{unit} không đi được với mục tiêu “{target.phrase}”: {why_vi} / "
        f"the target {target.phrase!r} does not fit indicator {indicator.code}: {why_en}"
    )


_FALL_TO_LEVEL_RE = re.compile(r"giảm\s+(?:xuống\s+|còn\s+)?(?:dưới|không quá|tối đa|thấp hơn)")


def fit_target(target: Target | None, indicator: Indicator) -> Target | None:
    """``target`` as meant for ``indicator`` (see the module's rules), or ``TargetUnitError``.
    Idempotent: a fitted target fits unchanged."""
    if target is None:
        return None
    kind = indicator.kind
    if kind in (Kind.OPTION, Kind.RANK):
        try:
            goal = ordinal_goal(target, indicator)
        except OrdinalError as exc:
            raise TargetUnitError(str(exc)) from exc
        if kind is Kind.RANK and target.form is not Form.QUALITATIVE:
            # "nằm trong tốp 3": a bound on the position; kept as a level so the number shows.
            return target.with_(form=Form.LEVEL, bound=goal.bound, unit=None, decrease=False, points=False)
        return target
    if kind is Kind.BOOLEAN:
        if target.form is not Form.QUALITATIVE:
            raise _refuse(indicator, target, "chỉ tiêu đạt/chưa đạt chỉ so được với một mục tiêu bằng lời (đạt chuẩn, "
                          "duy trì chuẩn…), không với một con số", "a yes/no standard takes a target in words, not a number")
        return target
    if target.form in (Form.QUALITATIVE, Form.STRUCTURE):
        return target
    ind_dim, ind_scale = unit_dimension(indicator.unit)
    tgt_dim, tgt_scale = unit_dimension(target.unit)
    phrase = " ".join(target.phrase.lower().split())
    # A bare "%" beside an amount is its growth rate ("(13 - 14%)", "trên 10%"); "dưới 1%" beside
    # a count of poor households is a rate put on the wrong indicator, refused below.
    if (target.form is Form.LEVEL and tgt_dim == "percent" and _is_amount(indicator)
            and target.op not in (Op.LT, Op.LE)):
        horizon = target.horizon if target.horizon is not Horizon.END_OF_TERM else Horizon.AVERAGE
        return target.with_(form=Form.GROWTH, horizon=horizon, points=False)
    # "giảm dưới 15%" of a rate: the rate is to fall below 15%, a level.
    if (target.form is Form.CHANGE and target.decrease and ind_dim in ("percent", "permille")
            and target.op in (Op.LT, Op.LE) and tgt_dim in ("percent", "permille", "")
            and _FALL_TO_LEVEL_RE.search(phrase)):
        return target.with_(form=Form.LEVEL, decrease=False, points=False, unit=indicator.unit,
                            horizon=Horizon.END_OF_TERM if target.horizon is Horizon.AVERAGE else target.horizon)
    if target.form not in (Form.LEVEL, Form.CHANGE) or not tgt_dim or not ind_dim:
        return target
    if target.form is Form.CHANGE and target.points and tgt_dim == "percent" and ind_dim == "percent":
        return target
    per_t, per_i = _denominators(target.unit), _denominators(indicator.unit)
    if per_t and per_i and per_t != per_i:
        # tấn/ha against tấn/người: a different quantity ("triệu đồng/người" beside "triệu đồng" is
        # the same: the indicator's name says "bình quân đầu người")
        raise _refuse(
            indicator, target,
            f"mục tiêu tính bằng “{target.unit}”, chỉ tiêu tính bằng “{indicator.unit}”",
            f"the target is in {target.unit!r}, the indicator in {indicator.unit!r}",
        )
    if tgt_dim == ind_dim:
        if tgt_scale != ind_scale and tgt_dim.startswith("money"):
            factor = tgt_scale / ind_scale
            return target.with_(bound=target.bound.scaled(factor), unit=indicator.unit)
        return target
    if tgt_dim.startswith("count") and ind_dim.startswith("count"):
        return target  # người / lao động / lượt người: counted things named differently
    if tgt_dim in ("percent", "permille") and _is_amount(indicator) and target.form is Form.CHANGE:
        # "giảm 5%" of an amount is a relative fall: a growth rate.
        return target.with_(form=Form.GROWTH, points=False)
    raise _refuse(
        indicator, target,
        f"mục tiêu tính bằng “{target.unit}”, chỉ tiêu tính bằng “{indicator.unit}”",
        f"the target is in {target.unit!r}, the indicator in {indicator.unit!r}",
    )


def fit_or_none(target: Target | None, indicator: Indicator) -> tuple[Target | None, str]:
    """``fit_target`` for readers of stored data: the fitted target and "" , or None and the message."""
    try:
        return fit_target(target, indicator), ""
    except TargetUnitError as exc:
        return None, str(exc)
