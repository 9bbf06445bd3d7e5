"""Changes to the indicator catalogue: one indicator from the form, or a whole file imported all
or nothing. Each runs in one transaction with its audit rows."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.core import indicators as core
from chitieu.core.numbers import nfc
from chitieu.web.access import may_edit_catalogue
from chitieu.web.audit.models import record
from chitieu.web.catalog.models import ALIAS_MAX_LENGTH, CODE_MESSAGE, Indicator, code_is_valid
from chitieu.web.errors import ActionError

COLUMNS = ("code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
           "price_base_year", "parent", "numerator", "denominator", "weight", "decimals", "aliases", "options")
_LINKS = ("parent", "numerator", "denominator", "weight")
_PLAIN = tuple(c for c in COLUMNS if c not in _LINKS)


def _snapshot(ind: Indicator) -> dict:
    return {c: (getattr(ind, c).code if c in _LINKS and getattr(ind, c) else getattr(ind, c)) for c in COLUMNS}


def do_save_indicator(indicator: Indicator, *, acting_user) -> Indicator:
    """Validate and save an indicator built by the form (new or changed)."""
    if not may_edit_catalogue(acting_user):
        raise PermissionDenied
    try:
        indicator.full_clean()
    except ValidationError as exc:
        raise ActionError(exc.message_dict) from exc
    with transaction.atomic():
        before = _snapshot(Indicator.objects.get(pk=indicator.pk)) if indicator.pk else {}
        indicator.save()
        after = _snapshot(indicator)
        for col in COLUMNS:
            if before.get(col) != after[col]:
                record("indicator.create" if not before else "indicator.update", indicator, actor=acting_user,
                       field=col, old=before.get(col, ""), new=after[col])
    return indicator


_LIMITS = {f.name: f.max_length for f in Indicator._meta.fields if getattr(f, "max_length", None)}
_QUOTED_FORMULA = ("'=", "'+", "'-", "'@")


def _cell(row: dict, col: str) -> str:
    v = row.get(col)
    if isinstance(v, list):  # a YAML list of aliases or options
        v = "; ".join(str(x) for x in v)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    text = nfc(str(v)).strip()
    # our exports write text that looks like a formula with a leading quote (core.cells): read it back
    return text[1:] if text.startswith(_QUOTED_FORMULA) else text


def _row_problems(data: dict) -> list[str]:
    """What is wrong with a row's cells on their own (code, lengths); the meaning is core's check."""
    problems = []
    if not code_is_valid(data["code"]):
        problems.append(str(CODE_MESSAGE) % {"value": data["code"][:40]})
    for col, limit in _LIMITS.items():
        if col in data and col not in _LINKS and isinstance(data[col], str) and len(data[col]) > limit:
            problems.append(_("cột %(col)s dài %(n)d ký tự, tối đa %(max)d.") % {
                "col": col, "n": len(data[col]), "max": limit})
    for col in ("code", "name", "unit", "aliases"):
        control = next((ch for ch in data[col] if unicodedata.category(ch) == "Cc"), None)
        if control is not None:
            problems.append(_("cột %(col)s chứa ký tự điều khiển U+%(cp)04X (không in được).") % {
                "col": col, "cp": ord(control)})
    for alias in _aliases(data["aliases"]):
        if len(alias) > ALIAS_MAX_LENGTH:
            problems.append(_("cột aliases: tên khác “%(alias)s…” dài %(n)d ký tự, tối đa %(max)d.") % {
                "alias": alias[:40], "n": len(alias), "max": ALIAS_MAX_LENGTH})
    return problems


def _aliases(text: str) -> list[str]:
    return [a.strip() for a in text.split(";") if a.strip()] if text else []


def do_import_indicators(rows: list[dict], *, acting_user, first_row: int = 2) -> dict[str, int]:
    """Create or update indicators from rows (column name → cell), all or nothing.

    Every row is checked first; errors name the row number as the file shows it (the header
    is row 1; a reader may give each row its own number in ``"__line__"``, as the YAML reader
    does). Links (parent, numerator ...) may point to indicators of the same file.
    Each created indicator gets an ``indicator.create`` audit row with its values, each changed
    field of an updated one an ``indicator.update`` row with the old and new value, and the
    import as a whole one ``catalog.import`` row. Returns ``{"created": n, "updated": m}``.
    """
    if not may_edit_catalogue(acting_user):
        raise PermissionDenied
    errors: list[str] = []
    parsed: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(rows, first_row):
        n = row.get("__line__", n)
        data = {c: _cell(row, c) for c in COLUMNS}
        if not any(data.values()):
            continue
        code = data["code"]
        where = _("Dòng %(n)d") % {"n": n}
        if not code:
            errors.append(f"{where}: " + _("thiếu mã chỉ tiêu."))
            continue
        problems = _row_problems(data)
        if problems:
            errors.extend(f"{where} ({code[:40]}): {p}" for p in problems)
            continue
        if code in seen:
            errors.append(f"{where}: " + _("mã %(code)s trùng với dòng %(other)d.") % {"code": code, "other": seen[code]})
            continue
        seen[code] = n
        try:
            int_fields = {}
            for col in ("price_base_year", "decimals"):
                if data[col]:
                    int_fields[col] = int(data[col])
                    if not 0 <= int_fields[col] <= 32767:
                        raise ValueError(col)
        except ValueError:
            errors.append(f"{where} ({code}): " + _("năm gốc và số chữ số thập phân phải là số nguyên."))
            continue
        try:
            core.Indicator(
                code=code, name=data["name"], unit=data["unit"] or None, kind=data["kind"],
                direction=data["direction"], domain=data["domain"], aggregation=data["aggregation"],
                price_basis=data["price_basis"] or "none", price_base_year=int_fields.get("price_base_year"),
                numerator=data["numerator"] or None, denominator=data["denominator"] or None,
                weight=data["weight"] or None, decimals=int_fields.get("decimals"),
                options=tuple(_aliases(data["options"])),
            )
        except (core.IndicatorError, ValueError) as exc:
            errors.append(f"{where} ({code}): {exc}")
            continue
        data.update(int_fields)
        parsed.append((n, data))
    known = set(Indicator.objects.values_list("code", flat=True)) | set(seen)
    for n, data in parsed:
        for link in _LINKS:
            if data[link] and data[link] not in known:
                errors.append(_("Dòng %(n)d (%(code)s): %(field)s “%(ref)s” không có trong danh mục.") % {
                    "n": n, "code": data["code"], "field": link, "ref": data[link]})
    if errors:
        raise ActionError({"file": errors})

    counts = {"created": 0, "updated": 0}
    with transaction.atomic():
        before = {ind.code: _snapshot(ind) for ind in Indicator.objects.select_related(*_LINKS)
                  .filter(code__in=[d["code"] for _n, d in parsed])}
        by_code = {}
        for _n, data in parsed:
            fields = {c: data[c] for c in _PLAIN if c not in ("code", "aliases", "options", "price_base_year",
                                                                 "decimals")}
            fields["price_basis"] = fields["price_basis"] or "none"
            fields["price_base_year"] = data["price_base_year"] or None
            fields["decimals"] = data["decimals"] if data["decimals"] not in ("", None) else None  # "": not declared
            fields["aliases"] = _aliases(data["aliases"])
            fields["options"] = list(core.Indicator(
                code=data["code"], name=data["name"], unit=None, kind=data["kind"], direction=data["direction"],
                domain=data["domain"], aggregation="none", options=tuple(_aliases(data["options"])),
            ).options)  # NFC, spaces tidied, as the form stores them
            ind, created = Indicator.objects.update_or_create(code=data["code"], defaults=fields)
            by_code[ind.code] = ind
            counts["created" if created else "updated"] += 1
        for _n, data in parsed:
            ind = by_code[data["code"]]
            for link in _LINKS:
                ref = data[link]
                setattr(ind, link, (by_code.get(ref) or Indicator.objects.get(code=ref)) if ref else None)
            ind.save()
        for code, ind in by_code.items():
            after = _snapshot(ind)
            if code not in before:
                record("indicator.create", ind, actor=acting_user, new=ind.name, values=_jsonable(after),
                       via="catalog.import")
                continue
            for col in COLUMNS:
                if before[code][col] != after[col]:
                    record("indicator.update", ind, actor=acting_user, field=col,
                           old=_text(before[code][col]), new=_text(after[col]), via="catalog.import")
        record("catalog.import", by_code[parsed[0][1]["code"]] if parsed else Indicator(), actor=acting_user,
               new=f"{counts['created']} + {counts['updated']}", **counts, codes=sorted(by_code))
    return counts


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _jsonable(snapshot: dict) -> dict:
    return {k: v if isinstance(v, int | list) or v is None else str(v) for k, v in snapshot.items()}
