"""The catalogue as a file: XLSX or CSV out, and the rows of an uploaded XLSX/CSV/YAML in.

Reading only turns cells into rows (column name → text); checking and storing is
``catalog.actions.do_import_indicators``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import openpyxl
import yaml
from django.utils.translation import gettext as _
from openpyxl.worksheet.datavalidation import DataValidation

from chitieu.core import indicators as core
from chitieu.web.catalog.actions import COLUMNS
from chitieu.web.errors import ActionError

STARTER = Path(__file__).resolve().parent / "fixtures" / "starter_catalogue.yaml"


def indicator_rows(queryset) -> list[list]:
    out = []
    for ind in queryset.select_related("parent", "numerator", "denominator", "weight"):
        out.append([
            ind.code, ind.name, ind.unit, ind.kind, ind.direction, ind.domain, ind.aggregation, ind.price_basis,
            ind.price_base_year or "", ind.parent.code if ind.parent_id else "",
            ind.numerator.code if ind.numerator_id else "", ind.denominator.code if ind.denominator_id else "",
            ind.weight.code if ind.weight_id else "", ind.decimals, "; ".join(ind.aliases or []),
        ])
    return out


def to_xlsx(queryset) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "chi_tieu"
    ws.append(list(COLUMNS))
    for row in indicator_rows(queryset):
        ws.append(row)
    ws.freeze_panes = "A2"
    # Drop-down lists for the coded columns, so that a file edited in Excel comes back valid.
    for col, enum in (("kind", core.Kind), ("direction", core.Direction), ("domain", core.Domain),
                      ("aggregation", core.Aggregation), ("price_basis", core.PriceBasis)):
        letter = openpyxl.utils.get_column_letter(COLUMNS.index(col) + 1)
        dv = DataValidation(type="list", formula1='"' + ",".join(m.value for m in enum) + '"', allow_blank=True)
        dv.add(f"{letter}2:{letter}2000")
        ws.add_data_validation(dv)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def to_csv(queryset) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(COLUMNS)
    writer.writerows(indicator_rows(queryset))
    return buf.getvalue()


def read_rows(name: str, content: bytes) -> list[dict]:
    """The rows of an uploaded file; the first row names the columns."""
    suffix = Path(name).suffix.lower()
    try:
        if suffix == ".xlsx":
            wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
            table = [list(r) for r in wb.active.iter_rows(values_only=True)]
        elif suffix == ".csv":
            text = content.decode("utf-8-sig")
            table = list(csv.reader(io.StringIO(text)))
        elif suffix in (".yaml", ".yml"):
            data = yaml.safe_load(content.decode("utf-8"))
            return [_yaml_row(r) for r in data.get("indicators", [])]
        else:
            raise ActionError({"file": [_("Chỉ nhận tệp .xlsx, .csv hoặc .yaml.")]})
    except (UnicodeDecodeError, yaml.YAMLError, OSError, KeyError, ValueError) as exc:
        if isinstance(exc, ActionError):
            raise
        raise ActionError({"file": [_("Không đọc được tệp %(name)s: %(err)s") % {"name": name, "err": exc}]}) from exc
    if not table:
        raise ActionError({"file": [_("Tệp trống.")]})
    header = [str(h or "").strip() for h in table[0]]
    missing = [c for c in ("code", "name", "kind", "direction", "domain", "aggregation") if c not in header]
    if missing:
        raise ActionError({"file": [_("Dòng 1: thiếu cột %(cols)s.") % {"cols": ", ".join(missing)}]})
    return [dict(zip(header, r, strict=False)) for r in table[1:]]


def _yaml_row(raw: dict) -> dict:
    row = dict(raw)
    if isinstance(row.get("aliases"), list):
        row["aliases"] = "; ".join(row["aliases"])
    return row


def starter_rows() -> list[dict]:
    return read_rows(STARTER.name, STARTER.read_bytes())
