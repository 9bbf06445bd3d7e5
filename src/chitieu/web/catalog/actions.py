"""Changes to the indicator catalogue: one indicator from the form, or a whole file imported all
or nothing. Each runs in one transaction with its audit rows."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from chitieu.core import indicators as core
from chitieu.core.numbers import nfc
from chitieu.web.access import may_edit_catalogue
from chitieu.web.audit.models import record
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError

COLUMNS = ("code", "name", "unit", "kind", "direction", "domain", "aggregation", "price_basis",
           "price_base_year", "parent", "numerator", "denominator", "weight", "decimals", "aliases")
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


def _cell(row: dict, col: str) -> str:
    v = row.get(col)
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return nfc(str(v)).strip()


def do_import_indicators(rows: list[dict], *, acting_user, first_row: int = 2) -> dict[str, int]:
    """Create or update indicators from rows (column name → cell), all or nothing.

    Every row is checked first; errors name the row number as the file shows it (the header
    is row 1). Links (parent, numerator ...) may point to indicators of the same file.
    Returns ``{"created": n, "updated": m}``.
    """
    if not may_edit_catalogue(acting_user):
        raise PermissionDenied
    errors: list[str] = []
    parsed: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for n, row in enumerate(rows, first_row):
        data = {c: _cell(row, c) for c in COLUMNS}
        if not any(data.values()):
            continue
        code = data["code"]
        where = _("Dòng %(n)d") % {"n": n}
        if not code:
            errors.append(f"{where}: " + _("thiếu mã chỉ tiêu."))
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
        except ValueError:
            errors.append(f"{where} ({code}): " + _("năm gốc và số chữ số thập phân phải là số nguyên."))
            continue
        try:
            core.Indicator(
                code=code, name=data["name"], unit=data["unit"] or None, kind=data["kind"],
                direction=data["direction"], domain=data["domain"], aggregation=data["aggregation"],
                price_basis=data["price_basis"] or "none", price_base_year=int_fields.get("price_base_year"),
                numerator=data["numerator"] or None, denominator=data["denominator"] or None,
                weight=data["weight"] or None, decimals=int_fields.get("decimals", 1),
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
        by_code = {}
        for _n, data in parsed:
            fields = {c: data[c] for c in _PLAIN if c not in ("code", "aliases", "price_base_year", "decimals")}
            fields["price_basis"] = fields["price_basis"] or "none"
            fields["price_base_year"] = data["price_base_year"] or None
            fields["decimals"] = data["decimals"] if data["decimals"] != "" else 1
            fields["aliases"] = [a.strip() for a in data["aliases"].split(";") if a.strip()] if data["aliases"] else []
            ind, created = Indicator.objects.update_or_create(code=data["code"], defaults=fields)
            by_code[ind.code] = ind
            counts["created" if created else "updated"] += 1
        for _n, data in parsed:
            ind = by_code[data["code"]]
            for link in _LINKS:
                ref = data[link]
                setattr(ind, link, (by_code.get(ref) or Indicator.objects.get(code=ref)) if ref else None)
            ind.save()
        record("catalog.import", by_code[parsed[0][1]["code"]] if parsed else Indicator(), actor=acting_user,
               new=f"{counts['created']} + {counts['updated']}", **counts, codes=sorted(by_code))
    return counts
