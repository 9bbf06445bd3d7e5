"""Plan files (YAML or JSON) in and out: the format of ``chitieu evaluate FILE`` and the demo.

Owns: reading a plan file into ``chitieu.core.plan.Plan``, strictly: a key the format does
not know (``targte:``), a rate or percentage declared ``aggregation: sum``, a unit outside
the vocabulary (``core.units``) are errors that name the file, the line, the place
(indicator code and field) and the closest known key, in Vietnamese and English. Stated
figures keep the text they were written with ("103.00" keeps two decimals: a YAML float
would drop them). A plan may list the former units of a merged unit with their values and
the merger date; their series are combined through ``core.rollup``. The schema is in
docs/plan-file.md; an example built from a seed is examples/quang-tri-2020-2025.yaml.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import yaml

from chitieu.core.assigned import Assigned, AssignedSource, is_assigned_target
from chitieu.core.crosschecks import STATED_KEYS
from chitieu.core.fit import TargetUnitError, fit_target
from chitieu.core.indicators import Aggregation, Indicator, IndicatorError, Kind
from chitieu.core.numbers import NumberFormatError, nfc, parse_number
from chitieu.core.plan import SIGN_AS_CODES, Letter, Merger, NextTarget, Plan, PlanItem, Predecessor
from chitieu.core.rollup import RollupError, history_through_merger
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.stated import Stated, StatedError
from chitieu.core.targets import TargetParseError, parse_target
from chitieu.core.units import UnitError, check_unit


class PlanFileError(ValueError):
    """A plan file that cannot be read; the message says where and what."""


_INDICATOR_FIELDS = {
    "code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
    "price_base_year", "numerator", "denominator", "weight", "decimals", "aliases", "options",
}
_ITEM_KEYS = _INDICATOR_FIELDS | {"target", "values", "stated", "children", "value_is", "breakdown", "assigned",
                                  "source"}
_ASSIGNED_KEYS = {"value", "document", "number", "date", "issuer"}
_TOP_KEYS = {"unit", "period", "source", "as_of", "indicators", "next_plan", "merger", "letter"}
_LETTER_KEYS = {"signer_name", "sign_as", "kinh_gui", "noi_nhan"}
_UNIT_KEYS = {"code", "name", "level", "parent"}
_VALUE_KEYS = {"value", "status"}
_NEXT_PLAN_KEYS = {"period", "targets"}
_NEXT_TARGET_KEYS = {"domain", "text", "target"}
_MERGER_KEYS = {"date", "predecessors"}
_PREDECESSOR_KEYS = {"name", "code", "values"}
_VALUE_IS = {"per_year_average", "cumulative"}
_PERCENT_UNITS = {"%", "‰"}
_RATE_KINDS = {Kind.RATE, Kind.SHARE, Kind.GROWTH_RATE}


# ---------------------------------------------------------------------------------------
# Reading YAML with the line of every key, and numbers with the text they were written as.
# ---------------------------------------------------------------------------------------


class _Mapping(dict):
    """A mapping read from a file, with the line of the mapping and of each of its keys."""

    line: int | None = None
    lines: dict


class _Written(float):
    """A float that remembers how it was written ("103.00"), for stated figures."""

    text: str


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _Mapping:
    loader.flatten_mapping(node)
    out = _Mapping()
    out.line = node.start_mark.line + 1
    out.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        out[key] = loader.construct_object(value_node, deep=True)
        out.lines[key] = key_node.start_mark.line + 1
    return out


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value = _Written(loader.construct_yaml_float(node))
    value.text = node.value
    return value


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def _nfc_tree(data):
    if isinstance(data, str):
        return nfc(data)
    if isinstance(data, list):
        return [_nfc_tree(x) for x in data]
    if isinstance(data, dict):
        out = _Mapping({(_nfc_tree(k) if isinstance(k, str) else k): _nfc_tree(v) for k, v in data.items()})
        out.line = getattr(data, "line", None)
        out.lines = {(nfc(k) if isinstance(k, str) else k): v for k, v in getattr(data, "lines", {}).items()}
        return out
    return data


class _Place:
    """Where in the file a message is about: the file's name and a path of places."""

    def __init__(self, source: str, path: str = "") -> None:
        self.source, self.path = source, path

    def at(self, path: str) -> _Place:
        return _Place(self.source, f"{self.path}: {path}" if self.path else path)

    def error(self, message: str, mapping=None, key=None) -> PlanFileError:
        line = None
        if mapping is not None:
            line = getattr(mapping, "lines", {}).get(key) if key is not None else None
            line = line or getattr(mapping, "line", None)
        where = self.source + (f", dòng {line}" if line else "") + (f": {self.path}" if self.path else "")
        return PlanFileError(f"{where}: {message}")


def _check_keys(raw: dict, allowed: set[str], place: _Place) -> None:
    for key in raw:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
        hint = f"; có phải “{close[0]}”? / did you mean {close[0]!r}?" if close else ""
        raise place.error(
            f"khóa “{key}” không có trong định dạng tệp kế hoạch / unknown key {key!r}{hint} "
            f"(các khóa hợp lệ / valid keys: {', '.join(sorted(allowed))})",
            raw,
            key,
        )


def _mapping(raw, place: _Place, what: str) -> dict:
    if not isinstance(raw, dict):
        raise place.error(f"“{what}” phải là một bảng khóa: giá trị / {what} must be a mapping")
    return raw


# ---------------------------------------------------------------------------------------
# Values.
# ---------------------------------------------------------------------------------------


def _number(raw, where: str) -> float:
    if isinstance(raw, bool):
        raise PlanFileError(f"{where}: “{raw}” không phải là số / is not a number")
    if isinstance(raw, int | float | Decimal):
        return float(raw)
    try:
        return parse_number(str(raw))
    except NumberFormatError as exc:
        raise PlanFileError(f"{where}: {exc}") from exc


def _series(raw, where: str, place: _Place | None = None, mapping=None) -> Series:
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
            if place is not None:
                _check_keys(entry, _VALUE_KEYS, place.at(f"năm {y}"))
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


def _stated(raw, place: _Place) -> dict[str, object]:
    """What the source document states, each figure kept as written (``Stated``)."""
    if raw is None:
        return {}
    raw = _mapping(raw, place, "stated")
    _check_keys(raw, STATED_KEYS, place)
    out: dict[str, object] = {}
    for key, written in raw.items():
        if key == "status":
            out[key] = str(written)
            continue
        try:
            if isinstance(written, _Written):
                # A YAML float keeps its text ("103.00"); its dot is a decimal mark ("100.500").
                out[key] = Stated.parse(written.text, "en")
            else:
                out[key] = Stated.parse(written)
        except StatedError as exc:
            raise place.error(f"{key}: {exc}", raw, key) from exc
    return out


# ---------------------------------------------------------------------------------------
# Indicators.
# ---------------------------------------------------------------------------------------


def _item(raw: dict, where: str, place: _Place) -> PlanItem:
    if not isinstance(raw, dict):
        raise PlanFileError(f"{where}: mỗi chỉ tiêu phải là một bảng / each indicator must be a mapping")
    code = str(raw.get("code") or "")
    here = f"{where} [{code or '?'}]"
    at = place.at(here.split(": ", 1)[-1])
    _check_keys(raw, _ITEM_KEYS, at)
    fields = {k: v for k, v in raw.items() if k in _INDICATOR_FIELDS}
    if "aliases" in fields:
        fields["aliases"] = tuple(fields["aliases"])
    if "options" in fields:
        if not isinstance(fields["options"], list):
            raise at.error("options: cần danh sách các mức, tốt nhất trước / options must be a list, best first",
                           raw, "options")
        fields["options"] = tuple(str(o) for o in fields["options"])
    if "unit" in fields:
        try:
            fields["unit"] = check_unit(fields["unit"])
        except UnitError as exc:
            raise at.error(f"unit: {exc}", raw, "unit") from exc
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
    if indicator.aggregation is Aggregation.SUM and (
        indicator.unit in _PERCENT_UNITS or indicator.kind in _RATE_KINDS
    ):
        raise at.error(
            f"aggregation: một tỷ lệ ({indicator.unit or indicator.kind}) không cộng được giữa các đơn vị; dùng "
            f"“ratio” (với numerator và denominator) hoặc “none” / a rate cannot be summed across units: "
            f"use ratio (with numerator and denominator) or none",
            raw,
            "aggregation",
        )
    value_is = raw.get("value_is")
    if value_is is not None and value_is not in _VALUE_IS:
        raise at.error(
            f"value_is “{value_is}” không hợp lệ ({', '.join(sorted(_VALUE_IS))}) / invalid value_is", raw, "value_is"
        )
    target = None
    if raw.get("target") not in (None, ""):
        try:
            target = parse_target(str(raw["target"]), indicator_kind=str(indicator.kind))
        except TargetParseError as exc:
            raise PlanFileError(f"{here}, target: {exc}") from exc
        try:
            target = fit_target(target, indicator)
        except TargetUnitError as exc:
            raise at.error(f"target: {exc}", raw, "target") from exc
    assigned = _assigned(raw.get("assigned"), at.at("assigned"), raw)
    if assigned and not is_assigned_target(target):
        raise at.error("assigned: chỉ dùng cho mục tiêu “đạt và vượt chỉ tiêu giao / dự toán giao” / assigned "
                       "figures need a target that asks for them", raw, "assigned")
    children = tuple(_item(c, f"{here} › trong đó", place) for c in raw.get("children") or ())
    return PlanItem(
        indicator=indicator,
        target=target,
        series=_series(raw.get("values"), here, at, raw),
        stated=_stated(raw.get("stated"), at.at("stated")),
        children=children,
        value_is=value_is,
        breakdown=bool(raw.get("breakdown", False)),
        assigned=assigned,
        target_source=_target_source(raw, at),
    )


def _target_source(raw, at: _Place) -> str:
    """``source:`` of an indicator: the document that set its target, in words."""
    source = raw.get("source")
    if source is None:
        return ""
    if not isinstance(source, str) or not source.strip():
        raise at.error("source: cần tên văn bản đặt chỉ tiêu, ví dụ “Nghị quyết số 12/NQ-HĐND của HĐND phường” / "
                       "source must name the document that set the target", raw, "source")
    if raw.get("target") in (None, ""):
        raise at.error("source: chỉ tiêu này chưa có mục tiêu (target) / source needs a target", raw, "source")
    return nfc(" ".join(source.split()))


def _assigned(raw, place: _Place, item) -> tuple[Assigned, ...]:
    """``assigned:`` year → {value, document, number, date, issuer}: the figure assigned for
    the year and the document that assigned it ("Quyết định" số 123/QĐ-UBND ngày 10/01/2024
    của UBND thị xã). Every field but ``document`` (default "Quyết định") is required."""
    if raw is None:
        return ()
    raw = _mapping(raw, place, "assigned")
    out = []
    for year, entry in raw.items():
        try:
            y = int(year)
        except (TypeError, ValueError):
            raise place.error(f"năm “{year}” không hợp lệ / invalid year {year!r}", raw, year) from None
        at = place.at(f"năm {y}")
        entry = _mapping(entry, at, "assigned")
        _check_keys(entry, _ASSIGNED_KEYS, at)
        for key in ("value", "number", "date", "issuer"):
            if entry.get(key) in (None, ""):
                raise at.error(f"thiếu “{key}” / {key} is required", entry)
        value = _number(entry["value"], f"{at.source}: {at.path}")
        if value <= 0:
            raise at.error("value: số giao phải dương / the assigned figure must be positive", entry, "value")
        when = _merger_date(entry["date"], at, entry)
        source = AssignedSource(number=str(entry["number"]).strip(), date=when, issuer=str(entry["issuer"]).strip(),
                                kind=str(entry.get("document") or "Quyết định").strip())
        out.append(Assigned(year=y, value=value, source=source))
    return tuple(sorted(out, key=lambda a: a.year))


# ---------------------------------------------------------------------------------------
# Mergers: the former units of a merged unit.
# ---------------------------------------------------------------------------------------


def _merger_date(raw, place: _Place, mapping) -> dt.date:
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int):
        return dt.date(raw, 1, 1)
    text = str(raw or "").strip()
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        raise place.error(
            f"date “{text}” không phải ngày (2025-07-01 hoặc 1/7/2025) / not a date", mapping, "date"
        ) from None


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.children)


def _read_merger(raw, items: tuple[PlanItem, ...], place: _Place):
    """The merger and, per indicator code, each predecessor's series."""
    raw = _mapping(raw, place, "merger")
    _check_keys(raw, _MERGER_KEYS, place)
    when = _merger_date(raw.get("date"), place, raw)
    known = set()
    for item in _walk(items):
        ind = item.indicator
        known |= {c for c in (ind.code, ind.numerator, ind.denominator, ind.weight) if c}
    combinable = {i.indicator.code for i in _walk(items) if i.indicator.aggregation is not Aggregation.NONE}
    combinable |= known - {i.indicator.code for i in _walk(items)}  # numerators, denominators, weights
    raw_preds = raw.get("predecessors")
    if not isinstance(raw_preds, list) or len(raw_preds) < 2:
        raise place.error(
            "predecessors: cần danh sách ít nhất hai đơn vị cũ / needs a list of at least two former units",
            raw,
            "predecessors",
        )
    predecessors, members = [], []
    for i, pred in enumerate(raw_preds, 1):
        at = place.at(f"đơn vị cũ {i}")
        pred = _mapping(pred, at, "predecessors")
        _check_keys(pred, _PREDECESSOR_KEYS, at)
        if not pred.get("name"):
            raise at.error("cần “name” / needs a name", pred)
        at = place.at(f"đơn vị cũ {i} ({pred['name']})")
        values = _mapping(pred.get("values") or {}, at, "values")
        series = {}
        for code, by_year in values.items():
            code = str(code)
            if code not in known:
                close = difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.5)
                hint = f"; có phải “{close[0]}”? / did you mean {close[0]!r}?" if close else ""
                raise at.error(f"values: không có chỉ tiêu mã “{code}” trong kế hoạch / unknown code {code!r}{hint}",
                               values, code)
            if code not in combinable:
                raise at.error(
                    f"values: chỉ tiêu {code} có aggregation “none”, không cộng gộp được từ các đơn vị cũ / "
                    f"{code} cannot be combined (aggregation none)",
                    values,
                    code,
                )
            series[code] = _series(by_year, f"{at.source}: {at.path}, {code}", at.at(code), values)
        predecessors.append(Predecessor(name=str(pred["name"]), code=str(pred.get("code") or "")))
        members.append(series)
    return Merger(when, tuple(predecessors)), members


def _with_history(item: PlanItem, members: list[dict[str, Series]], merger: Merger, place: _Place) -> PlanItem:
    children = tuple(_with_history(c, members, merger, place) for c in item.children)
    ind = item.indicator
    if ind.aggregation is Aggregation.RATIO:
        needed = [ind.numerator, ind.denominator]
    elif ind.aggregation is Aggregation.WEIGHTED_MEAN:
        needed = [ind.code, ind.weight]
    else:
        needed = [ind.code]
    if ind.aggregation is Aggregation.NONE or not any(set(needed) & m.keys() for m in members):
        return replace(item, children=children) if children != item.children else item
    for code in needed:
        # A total with a missing member is a wrong total: every former unit must give it.
        lacking = [p.name for p, m in zip(merger.predecessors, members, strict=True) if code not in m]
        if lacking:
            raise place.error(
                f"merger, chỉ tiêu {ind.code}: {', '.join(lacking)} thiếu số liệu chỉ tiêu {code} / "
                f"{', '.join(lacking)} lack(s) values of {code}"
            )
    try:
        series = history_through_merger(ind, {ind.code: item.series}, members, merger.first_own_year)
    except RollupError as exc:
        raise place.error(f"merger, chỉ tiêu {ind.code}: {exc}") from exc
    return replace(item, series=series, children=children)


# ---------------------------------------------------------------------------------------
# A whole plan.
# ---------------------------------------------------------------------------------------


def plan_from_dict(data: dict, *, source_name: str = "plan") -> Plan:
    data = _nfc_tree(data)
    place = _Place(source_name)
    if not isinstance(data, dict):
        raise PlanFileError(f"{source_name}: không phải một kế hoạch / not a plan")
    _check_keys(data, _TOP_KEYS, place)
    unit = data.get("unit") or {}
    if isinstance(unit, str):
        unit = {"name": unit}
    _check_keys(_mapping(unit, place.at("unit"), "unit"), _UNIT_KEYS, place.at("unit"))
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
    items = tuple(_item(r, f"{source_name}: chỉ tiêu {i}", place) for i, r in enumerate(raw_items, 1))
    merger = None
    if data.get("merger") is not None:
        merger, members = _read_merger(data["merger"], items, place.at("merger"))
        items = tuple(_with_history(item, members, merger, place) for item in items)
    next_plan = data.get("next_plan") or {}
    _check_keys(_mapping(next_plan, place.at("next_plan"), "next_plan"), _NEXT_PLAN_KEYS, place.at("next_plan"))
    next_targets = []
    for i, raw in enumerate(next_plan.get("targets") or (), 1):
        if not isinstance(raw, dict) or not raw.get("text") or not raw.get("domain"):
            raise PlanFileError(f"{source_name}: next_plan, chỉ tiêu {i}: cần “domain” và “text” / needs domain and text")
        _check_keys(raw, _NEXT_TARGET_KEYS, place.at(f"next_plan, chỉ tiêu {i}"))
        target = None
        if raw.get("target"):
            try:
                target = parse_target(str(raw["target"]))
            except TargetParseError as exc:
                raise PlanFileError(f"{source_name}: next_plan, chỉ tiêu {i}: {exc}") from exc
        next_targets.append(NextTarget(domain=str(raw["domain"]), text=str(raw["text"]), target=target))
    letter = _read_letter(data["letter"], place.at("letter")) if data.get("letter") is not None else None
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
        merger=merger,
        letter=letter,
    )


def _read_letter(raw, place: _Place) -> Letter:
    """``letter:``: signer_name, sign_as (tm | tm_kt | kt | q), kinh_gui, noi_nhan (a list of lines)."""
    raw = _mapping(raw, place, "letter")
    _check_keys(raw, _LETTER_KEYS, place)
    sign_as = str(raw.get("sign_as") or "").strip()
    if sign_as and sign_as not in SIGN_AS_CODES:
        raise place.error(f"sign_as: “{sign_as}” không hợp lệ; chọn một trong {', '.join(SIGN_AS_CODES)} / "
                          f"sign_as must be one of {', '.join(SIGN_AS_CODES)}", raw, "sign_as")
    lines = raw.get("noi_nhan") or ()
    if isinstance(lines, str) or not isinstance(lines, list | tuple):
        raise place.error("noi_nhan: cần một danh sách các dòng / noi_nhan must be a list of lines", raw, "noi_nhan")
    return Letter(signer_name=str(raw.get("signer_name") or "").strip(), sign_as=sign_as,
                  kinh_gui=str(raw.get("kinh_gui") or "").strip(), recipients=tuple(str(x) for x in lines))


def plan_to_dict(plan: Plan) -> dict:
    """A plan as a plan file says it (the inverse of ``plan_from_dict`` for what the web keeps:
    indicators with their targets, values, options and assigned figures; series already combined
    through a merger are written as the unit's values). ``yaml.safe_dump`` writes it."""

    def indicator(ind: Indicator) -> dict:
        out = {"code": ind.code, "name": ind.name, "unit": ind.unit, "kind": str(ind.kind),
               "direction": str(ind.direction), "domain": str(ind.domain), "aggregation": str(ind.aggregation),
               "price_basis": str(ind.price_basis)}
        if ind.decimals is not None:  # unset: printed as entered
            out["decimals"] = ind.decimals
        for key in ("price_base_year", "numerator", "denominator", "weight"):
            if getattr(ind, key):
                out[key] = getattr(ind, key)
        if ind.unit is None:
            del out["unit"]
        if ind.options:
            out["options"] = list(ind.options)
        return out

    def item(it: PlanItem) -> dict:
        out = indicator(it.indicator)
        if it.target is not None:
            out["target"] = it.target.phrase
        out["values"] = {o.year: ({"value": o.value} if o.status is ValueStatus.OFFICIAL else
                                  {"value": o.value, "status": str(o.status)}) for o in it.series}
        if it.value_is:
            out["value_is"] = it.value_is
        if it.breakdown:
            out["breakdown"] = True
        if it.target_source:
            out["source"] = it.target_source
        if it.assigned:
            out["assigned"] = {a.year: {"value": a.value, "document": a.source.kind, "number": a.source.number,
                                        "date": a.source.date.isoformat() if a.source.date else "",
                                        "issuer": a.source.issuer} for a in it.assigned}
        if it.children:
            out["children"] = [item(c) for c in it.children]
        return out

    data = {"unit": {"code": plan.unit_code, "name": plan.unit_name, "level": plan.unit_level,
                     "parent": plan.parent_name},
            "period": f"{plan.base_year}-{plan.final_year}", "source": plan.source,
            "indicators": [item(i) for i in plan.items]}
    if plan.as_of:
        data["as_of"] = plan.as_of
    return data


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
        if p.suffix.lower() == ".json":
            data = json.loads(text, parse_float=Decimal)  # Decimal keeps "103.00" as written
        else:
            data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise PlanFileError(f"{p.name}: cú pháp sai / syntax error: {exc}") from exc
    return plan_from_dict(data, source_name=p.name)
