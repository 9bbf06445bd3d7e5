"""The catalogue as a file: XLSX or CSV out, and the rows of an uploaded XLSX/CSV/YAML in.

Reading only turns cells into rows (column name → text); checking and storing is
``catalog.actions.do_import_indicators``. A file that cannot be read as a catalogue gives an
``ActionError`` saying where (sheet, row, line) and what, never an exception of the parser.
Exported text that a spreadsheet would run as a formula is written quoted (``core.cells``).
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import yaml
from django.utils.translation import gettext as _
from openpyxl.worksheet.datavalidation import DataValidation

from chitieu.core import indicators as core
from chitieu.core.cells import safe_cell_text
from chitieu.web.catalog.actions import COLUMNS
from chitieu.web.errors import ActionError

STARTER = Path(__file__).resolve().parent / "fixtures" / "starter_catalogue.yaml"


MAX_ROWS = 5000  # the national catalogue has a few hundred indicators
MAX_UNPACKED_BYTES = 50 * 2**20  # its .xlsx unpacks to well under a megabyte
REQUIRED = ("code", "name", "kind", "direction", "domain", "aggregation")
SHEET = "chi_tieu"


def _text_cell(value):
    return safe_cell_text(value) if isinstance(value, str) else value


def indicator_rows(queryset) -> list[list]:
    out = []
    for ind in queryset.select_related("parent", "numerator", "denominator", "weight"):
        out.append([_text_cell(v) for v in (
            ind.code, ind.name, ind.unit, ind.kind, ind.direction, ind.domain, ind.aggregation, ind.price_basis,
            ind.price_base_year or "", ind.parent.code if ind.parent_id else "",
            ind.numerator.code if ind.numerator_id else "", ind.denominator.code if ind.denominator_id else "",
            ind.weight.code if ind.weight_id else "", "" if ind.decimals is None else ind.decimals,
            "; ".join(ind.aliases or []),
            "; ".join(ind.options or []),
        )])
    return out


def to_xlsx(queryset) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append(list(COLUMNS))
    for row in indicator_rows(queryset):
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl would otherwise store text starting with "=" as a formula
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


def _fail(message: str, **params) -> ActionError:
    return ActionError({"file": [message % params if params else message]})


def read_rows(name: str, content: bytes) -> list[dict]:
    """The rows of an uploaded file; the first row names the columns."""
    suffix = Path(name).suffix.lower()
    if suffix == ".xlsx":
        table, sheet = _xlsx_table(name, content)
        return _rows_of(table, first_row=_("Trang tính “%(sheet)s”, dòng 1") % {"sheet": sheet})
    if suffix == ".csv":
        return _rows_of(_csv_table(name, content), first_row=_("Dòng %(n)d") % {"n": 1})
    if suffix in (".yaml", ".yml"):
        return _yaml_rows(name, content)
    raise _fail(_("Chỉ nhận tệp .xlsx, .csv hoặc .yaml."))


def _decode(name: str, content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content[:exc.start].count(b"\n") + 1
        raise _fail(_("Tệp %(name)s, dòng %(line)d: không phải văn bản UTF-8 (byte %(pos)d). Hãy lưu tệp "
                      "với mã hóa UTF-8."), name=name, line=line, pos=exc.start) from exc


def _csv_table(name: str, content: bytes) -> list[list]:
    reader = csv.reader(io.StringIO(_decode(name, content)))
    table = []
    try:
        for row in reader:
            table.append(row)
            if len(table) > MAX_ROWS + 1:
                raise _fail(_("Tệp %(name)s có hơn %(max)d dòng: không phải một danh mục chỉ tiêu."),
                            name=name, max=MAX_ROWS)
    except csv.Error as exc:
        raise _fail(_("Tệp %(name)s, dòng %(line)d: không đọc được dòng CSV (%(err)s)."),
                    name=name, line=reader.line_num, err=exc) from exc
    return table


def _xlsx_table(name: str, content: bytes) -> tuple[list[list], str]:
    """The catalogue sheet: the one named ``chi_tieu`` (as exported), else the first whose
    first row names the columns."""
    not_excel = _("Tệp %(name)s không phải là tệp Excel (.xlsx) đọc được: %(err)s")
    if not zipfile.is_zipfile(io.BytesIO(content)):
        raise _fail(not_excel, name=name, err=_("nội dung không phải định dạng .xlsx"))
    # an .xlsx is a zip: bound what it unpacks to before openpyxl reads it into memory
    try:
        unpacked = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(content)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _fail(not_excel, name=name, err=_("nội dung không phải định dạng .xlsx")) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise _fail(_("Tệp %(name)s giải nén ra hơn %(mb)d MB: không phải một danh mục chỉ tiêu."),
                    name=name, mb=MAX_UNPACKED_BYTES // 2**20)
    # openpyxl raises whatever its zip and XML layers raise on a damaged or foreign file
    # (KeyError, BadZipFile, XML errors ...): any of them means "not a workbook we can read".
    try:
        wb = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise _fail(not_excel, name=name, err=_("thiếu phần bảng tính hoặc phần bảng tính bị hỏng")) from exc
    try:
        sheets = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]
        ordered = sorted(sheets, key=lambda ws: ws.title != SHEET)
        for ws in ordered:
            table = []
            for row in ws.iter_rows(values_only=True):
                table.append(list(row))
                if len(table) > MAX_ROWS + 1:
                    raise _fail(_("Trang tính “%(sheet)s” có hơn %(max)d dòng: không phải một danh mục chỉ tiêu."),
                                sheet=ws.title, max=MAX_ROWS)
                if len(table) == 1 and "code" not in [str(h or "").strip() for h in row]:
                    break
            if table and "code" in [str(h or "").strip() for h in table[0]]:
                return table, ws.title
    except ActionError:
        raise
    except Exception as exc:  # see above
        raise _fail(not_excel, name=name, err=_("phần bảng tính bị hỏng")) from exc
    finally:
        wb.close()
    if not sheets:
        raise _fail(_("Tệp %(name)s không có trang tính nào."), name=name)
    raise _fail(_("Tệp %(name)s: không trang tính nào (%(sheets)s) có dòng 1 là tên các cột (code, name, kind …). "
                  "Hãy dùng trang “%(sheet)s” như tệp xuất ra."),
                name=name, sheets=", ".join(f"“{ws.title}”" for ws in sheets), sheet=SHEET)


def _rows_of(table: list[list], *, first_row: str) -> list[dict]:
    if not table:
        raise _fail(_("Tệp trống."))
    header = [str(h or "").strip() for h in table[0]]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise _fail(first_row + ": " + _("thiếu cột %(cols)s.") % {"cols": ", ".join(missing)})
    return [dict(zip(header, r, strict=False)) for r in table[1:]]


def _yaml_rows(name: str, content: bytes) -> list[dict]:
    """The indicators of a YAML file (``indicators:`` followed by a list of mappings), each with
    its line in the file as ``__line__``, so that errors point at the line to correct."""
    text = _decode(name, content)
    try:
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise _fail(_("Tệp %(name)s, dòng %(line)d, cột %(col)d: lỗi cú pháp YAML: %(err)s."),
                    name=name, line=(mark.line + 1) if mark else 0, col=(mark.column + 1) if mark else 0,
                    err=exc.problem or exc.context or "") from exc
    except (yaml.YAMLError, RecursionError) as exc:
        raise _fail(_("Tệp %(name)s: không đọc được YAML: %(err)s."), name=name, err=exc) from exc
    shape = _("Tệp %(name)s: cần mục “indicators:” với danh sách các chỉ tiêu (mỗi chỉ tiêu một bảng "
              "“code: …, name: …”), như tệp danh mục khởi đầu.")
    if not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        raise _fail(shape, name=name)
    lines = _item_lines(node, len(data["indicators"]))
    if len(data["indicators"]) > MAX_ROWS:
        raise _fail(_("Tệp %(name)s có hơn %(max)d chỉ tiêu: không phải một danh mục chỉ tiêu."),
                    name=name, max=MAX_ROWS)
    rows, errors = [], []
    for item, line in zip(data["indicators"], lines, strict=True):
        if not isinstance(item, dict):
            errors.append(_("Dòng %(line)d: mỗi chỉ tiêu phải là một bảng “code: …, name: …”, không phải “%(item)s”.")
                          % {"line": line, "item": str(item)[:60]})
            continue
        for key, value in item.items():
            if isinstance(value, dict | list) and not (key in ("aliases", "options") and isinstance(value, list)):
                errors.append(_("Dòng %(line)d: cột %(col)s phải là một giá trị, không phải danh sách hay bảng.")
                              % {"line": line, "col": key})
        rows.append({**_yaml_row(item), "__line__": line})
    if errors:
        raise ActionError({"file": errors})
    return rows


def _item_lines(node, count: int) -> list[int]:
    """The line where each indicator starts; its position in the list when the file builds the
    list in a way the lines cannot follow (merge keys, anchors)."""
    found = [v for k, v in node.value if getattr(k, "value", None) == "indicators"]
    if found and isinstance(found[-1], yaml.SequenceNode) and len(found[-1].value) == count:
        return [item.start_mark.line + 1 for item in found[-1].value]
    return list(range(1, count + 1))


def _yaml_row(raw: dict) -> dict:
    row = {str(k): v for k, v in raw.items()}
    for key in ("aliases", "options"):
        if isinstance(row.get(key), list):
            row[key] = "; ".join(str(a) for a in row[key])
    return row


def starter_rows() -> list[dict]:
    return read_rows(STARTER.name, STARTER.read_bytes())
