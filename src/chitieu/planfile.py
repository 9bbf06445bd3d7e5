"""Plan files (YAML or JSON) in and out: the format of ``chitieu evaluate FILE`` and the demo.

Owns: reading a plan file into ``chitieu.core.plan.Plan``, with errors that name the place
(indicator code and field) in Vietnamese and English. The schema is in docs/plan-file.md;
an example built from a seed is examples/quang-tri-2020-2025.yaml.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from chitieu.core.indicators import Indicator, IndicatorError
from chitieu.core.numbers import NumberFormatError, nfc, parse_number
from chitieu.core.plan import NextTarget, Plan, PlanItem
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.targets import TargetParseError, parse_target


class PlanFileError(ValueError):
    """A plan file that cannot be read; the message says where and what."""


_INDICATOR_FIELDS = {
    "code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
    "price_base_year", "numerator", "denominator", "weight", "decimals", "aliases",
}


def _nfc_tree(data):
    if isinstance(data, str):
        return nfc(data)
    if isinstance(data, list):
        return [_nfc_tree(x) for x in data]
    if isinstance(data, dict):
        return {(_nfc_tree(k) if isinstance(k, str) else k): _nfc_tree(v) for k, v in data.items()}
    return data


def _number(raw, where: str) -> float:
    if isinstance(raw, bool):
        raise PlanFileError(f"{where}: “{raw}” không phải là số / is not a number")
    if isinstance(raw, int | float):
        return float(raw)
    try:
        return parse_number(str(raw))
    except NumberFormatError as exc:
        raise PlanFileError(f"{where}: {exc}") from exc


def _series(raw, where: str) -> Series:
    if raw is None:
        return Series()
    if not isinstance(raw, dict):
        raise PlanFileError(f"{where}: “values” phải là bảng năm → giá trị / values must map year → value")
    observations = []
    for year, entry in raw.items():
        try:
            y = int(year)
        except (TypeError, ValueError):
            raise PlanFileError(f"{where}: năm “{year}” không hợp lệ / invalid year {year!r}") from None
        status = ValueStatus.OFFICIAL
        if isinstance(entry, dict):
            try:
                status = ValueStatus(entry.get("status", "chinh_thuc"))
            except ValueError:
                raise PlanFileError(
                    f"{where}, năm {y}: trạng thái “{entry.get('status')}” không hợp lệ "
                    f"(ke_hoach, uoc, so_bo, chinh_thuc) / invalid status"
                ) from None
            entry = entry.get("value")
        observations.append(Observation(y, _number(entry, f"{where}, năm {y}"), status))
    return Series(observations)


def _item(raw: dict, where: str) -> PlanItem:
    if not isinstance(raw, dict):
        raise PlanFileError(f"{where}: mỗi chỉ tiêu phải là một bảng / each indicator must be a mapping")
    code = str(raw.get("code") or "")
    here = f"{where} [{code or '?'}]"
    fields = {k: v for k, v in raw.items() if k in _INDICATOR_FIELDS}
    if "aliases" in fields:
        fields["aliases"] = tuple(fields["aliases"])
    fields["code"] = code
    try:
        indicator = Indicator(**{**{"unit": None}, **fields})
    except TypeError as exc:
        missing = re.findall(r"'(\w+)'", str(exc))
        raise PlanFileError(
            f"{here}: thiếu trường bắt buộc {', '.join(missing)} / missing required field(s)"
        ) from exc
    except (IndicatorError, ValueError) as exc:
        raise PlanFileError(f"{here}: {exc}") from exc
    target = None
    if raw.get("target") not in (None, ""):
        try:
            target = parse_target(str(raw["target"]), indicator_kind=str(indicator.kind))
        except TargetParseError as exc:
            raise PlanFileError(f"{here}, target: {exc}") from exc
    children = tuple(_item(c, f"{here} › trong đó") for c in raw.get("children") or ())
    return PlanItem(
        indicator=indicator,
        target=target,
        series=_series(raw.get("values"), here),
        stated=dict(raw.get("stated") or {}),
        children=children,
        value_is=raw.get("value_is"),
        breakdown=bool(raw.get("breakdown", False)),
    )


def plan_from_dict(data: dict, *, source_name: str = "plan") -> Plan:
    data = _nfc_tree(data)
    if not isinstance(data, dict):
        raise PlanFileError(f"{source_name}: không phải một kế hoạch / not a plan")
    unit = data.get("unit") or {}
    if isinstance(unit, str):
        unit = {"name": unit}
    period = str(data.get("period") or "")
    m = re.fullmatch(r"\s*(\d{4})\s*[-–]\s*(\d{4})\s*", period)
    if not m:
        raise PlanFileError(
            f"{source_name}: “period” phải có dạng 2020-2025 (năm gốc - năm cuối) / period must look like 2020-2025"
        )
    base, final = int(m[1]), int(m[2])
    if final <= base:
        raise PlanFileError(f"{source_name}: năm cuối phải sau năm gốc / the final year must follow the base year")
    raw_items = data.get("indicators")
    if not raw_items:
        raise PlanFileError(f"{source_name}: không có chỉ tiêu nào / the plan has no indicators")
    items = tuple(_item(r, f"{source_name}: chỉ tiêu {i}") for i, r in enumerate(raw_items, 1))
    next_plan = data.get("next_plan") or {}
    next_targets = []
    for i, raw in enumerate(next_plan.get("targets") or (), 1):
        if not isinstance(raw, dict) or not raw.get("text") or not raw.get("domain"):
            raise PlanFileError(f"{source_name}: next_plan, chỉ tiêu {i}: cần “domain” và “text” / needs domain and text")
        target = None
        if raw.get("target"):
            try:
                target = parse_target(str(raw["target"]))
            except TargetParseError as exc:
                raise PlanFileError(f"{source_name}: next_plan, chỉ tiêu {i}: {exc}") from exc
        next_targets.append(NextTarget(domain=str(raw["domain"]), text=str(raw["text"]), target=target))
    return Plan(
        unit_code=str(unit.get("code", "")),
        unit_name=str(unit.get("name", "")),
        unit_level=str(unit.get("level", "")),
        parent_name=str(unit.get("parent", "")),
        base_year=base,
        final_year=final,
        source=str(data.get("source", "")),
        as_of=int(data["as_of"]) if data.get("as_of") else None,
        items=items,
        next_period=str(next_plan.get("period", "")),
        next_targets=tuple(next_targets),
    )


def load_plan(path: str | Path) -> Plan:
    """Read a plan file (.yaml, .yml or .json)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanFileError(f"Không tìm thấy tệp {p} / file not found: {p}") from None
    except UnicodeDecodeError:
        raise PlanFileError(f"{p.name}: tệp không phải văn bản UTF-8 / not UTF-8 text") from None
    try:
        data = json.loads(text) if p.suffix.lower() == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise PlanFileError(f"{p.name}: cú pháp sai / syntax error: {exc}") from exc
    return plan_from_dict(data, source_name=p.name)
