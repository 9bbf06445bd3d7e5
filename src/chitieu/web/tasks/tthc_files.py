"""Reading the TTHC statistics file a province's administrative-procedure system exports (XLSX or
CSV) into ``chitieu.core.tthc`` rows, with a column mapping the user can set.

Owns: ``DEFAULT_MAPPING`` (the headers of the statistics table as the systems print it, after
Thông tư 01/2018/TT-VPCP), ``parse_mapping``/``mapping_text`` (the mapping as the user edits it:
one "attribute = header" per line), and ``read_file`` → ``Sheet`` (the window printed in the
title when there is one, the field rows, the "Tổng cộng" row). Every cell that cannot be read is
collected and raised together as ``FileProblems`` naming its row, column and header, in
Vietnamese and English: the import is all or nothing.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

from chitieu.core import tthc as core
from chitieu.core.numbers import NumberFormatError, nfc, parse_number

# attribute → the header text (compared without case, accents kept, spaces collapsed)
DEFAULT_MAPPING: dict[str, str] = {
    "field": "Lĩnh vực",
    "received": "Tổng số tiếp nhận",
    "online": "Trực tuyến",
    "in_person": "Trực tiếp, bưu chính",
    "carried_over": "Từ kỳ trước chuyển sang",
    "settled": "Tổng số đã giải quyết",
    "early": "Trước hạn",
    "on_time": "Đúng hạn",
    "late": "Trễ hạn",
    "pending": "Tổng số đang giải quyết",
    "pending_within": "Trong hạn",
    "pending_overdue": "Quá hạn",
    "digitised": "Số hóa",
    "e_results": "Kết quả điện tử",
    "start": "",
    "end": "",
}
REQUIRED = ("field", "online", "in_person", "early", "on_time", "late")
TOTAL_WORDS = ("tổng cộng", "tổng số", "cộng", "tổng")
MAX_ROWS = 2000
MAX_FILE_BYTES = 5 * 2**20  # an export of a few hundred fields is tens of kilobytes
MAX_UNPACKED_BYTES = 50 * 2**20  # an XLSX is a zip: its unpacked size is bounded too
_WINDOW_RE = re.compile(r"(?:từ\s+ngày|từ)\s*(\d{1,2}/\d{1,2}/\d{4})\s*(?:đến\s+ngày|đến|-)\s*(\d{1,2}/\d{1,2}/\d{4})",
                        re.IGNORECASE)


class FileProblems(Exception):
    """Everything wrong with a file, each message with its place: (vi, en) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__("; ".join(vi for vi, _en in problems))

    def in_language(self, language: str | None) -> list[str]:
        english = (language or "").startswith("en")
        return [en if english else vi for vi, en in self.problems]


def _key(text) -> str:
    return re.sub(r"\s+", " ", nfc(str(text or ""))).strip().casefold()


def parse_mapping(text: str) -> dict[str, str]:
    """"online = Trực tuyến" lines → a mapping; unknown attributes and missing required ones
    raise ``FileProblems``. Attributes not given keep their default header."""
    mapping = dict(DEFAULT_MAPPING)
    problems = []
    for n, line in enumerate(nfc(text or "").splitlines(), 1):
        if not line.strip() or line.strip().startswith("#"):
            continue
        name, sep, header = line.partition("=")
        name = name.strip()
        if not sep or name not in DEFAULT_MAPPING:
            problems.append((f"Dòng {n} của ánh xạ: “{line.strip()}” không có dạng “tên = tiêu đề cột” với tên là "
                             f"một trong {', '.join(DEFAULT_MAPPING)}",
                             f"Mapping line {n}: “{line.strip()}” is not “name = column header” with a name among "
                             f"{', '.join(DEFAULT_MAPPING)}"))
            continue
        mapping[name] = header.strip()
    for name in REQUIRED:
        if not mapping.get(name):
            problems.append((f"Ánh xạ thiếu cột “{core.LABELS_VI[name]}” ({name})",
                             f"The mapping has no column for “{core.LABELS_EN[name]}” ({name})"))
    if problems:
        raise FileProblems(problems)
    return mapping


def mapping_text(mapping: dict[str, str]) -> str:
    return "\n".join(f"{name} = {mapping.get(name, '')}" for name in DEFAULT_MAPPING)


@dataclass(frozen=True)
class Sheet:
    window: tuple[date, date] | None  # printed in the title ("Từ ngày … đến ngày …")
    rows: tuple[core.TthcRow, ...]
    total: core.TthcRow | None


def _too_large(name: str, size: int) -> FileProblems:
    mb = f"{size / 2**20:.1f}"
    return FileProblems([(f"Tệp “{name}” quá lớn ({mb.replace('.', ',')} MB); tối đa {MAX_FILE_BYTES // 2**20} MB",
                          f"“{name}” is too large ({mb} MB); at most {MAX_FILE_BYTES // 2**20} MB")])


def _cells(name: str, data: bytes) -> list[list]:
    lower = name.lower()
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    if lower.endswith(".xlsx"):
        import zipfile

        from openpyxl import load_workbook

        try:
            unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist())
        except zipfile.BadZipFile:
            unpacked = 0  # openpyxl says what is wrong below
        if unpacked > MAX_UNPACKED_BYTES:
            raise _too_large(name, unpacked)

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # not a workbook at all
            raise FileProblems([(f"Tệp “{name}” không phải là tệp Excel (.xlsx) đọc được ({exc})",
                                 f"“{name}” is not a readable .xlsx file ({exc})")]) from None
        ws = wb.worksheets[0]
        rows = [list(r) for _n, r in zip(range(MAX_ROWS + 50), ws.iter_rows(values_only=True), strict=False)]
        wb.close()
        return rows
    if lower.endswith(".csv"):
        for encoding in ("utf-8-sig", "cp1258"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise FileProblems([(f"Tệp “{name}” không đọc được bảng mã (cần UTF-8)",
                                 f"“{name}”: unknown text encoding (UTF-8 expected)")])
        # the separator most used in the first lines (a title line has none; Vietnamese Excel writes ";")
        head = text[:4096]
        delimiter = max(";,\t", key=head.count)
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        return [row for _n, row in zip(range(MAX_ROWS + 50), reader, strict=False)]
    raise FileProblems([(f"Tệp “{name}”: chỉ nhận .xlsx hoặc .csv", f"“{name}”: only .xlsx or .csv files")])


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = nfc(str(value or "")).strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date()
    except ValueError:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(text) from None


def read_file(name: str, data: bytes, mapping: dict[str, str] | None = None) -> Sheet:
    """The sheet's rows; raises ``FileProblems`` with every cell it could not read."""
    mapping = mapping or DEFAULT_MAPPING
    rows = _cells(name, data)
    wanted = {name_: _key(header) for name_, header in mapping.items() if header}
    window = None
    header_at = None
    for i, row in enumerate(rows):
        keys = [_key(c) for c in row]
        if window is None:
            for cell in keys:
                m = _WINDOW_RE.search(cell)
                if m:
                    try:
                        window = (_date(m[1]), _date(m[2]))
                    except ValueError:
                        window = None
        if wanted["field"] in keys:
            header_at = i
            break
    if header_at is None:
        raise FileProblems([(f"Không tìm thấy dòng tiêu đề có cột “{mapping['field']}” (xem ánh xạ cột)",
                             f"No header row with a “{mapping['field']}” column was found (see the column mapping)")])
    # a two-level header ("Tiếp nhận" over "Trực tuyến") may spread the names over this row and the next
    header = [_key(c) for c in rows[header_at]]
    below = [_key(c) for c in rows[header_at + 1]] if header_at + 1 < len(rows) else []
    columns: dict[str, int] = {}
    problems: list[tuple[str, str]] = []
    first_data = header_at + 1
    for attr, key in wanted.items():
        if key in header:
            columns[attr] = header.index(key)
        elif key in below:
            columns[attr] = below.index(key)
            first_data = header_at + 2
    for attr in REQUIRED:
        if attr not in columns:
            problems.append((f"Dòng {header_at + 1}: không có cột “{mapping[attr]}” ({core.LABELS_VI[attr]})",
                             f"Row {header_at + 1}: no “{mapping[attr]}” column ({core.LABELS_EN[attr]})"))
    if problems:
        raise FileProblems(problems)
    out: list[core.TthcRow] = []
    total = None
    for i in range(first_data, len(rows)):
        row = rows[i]
        line = i + 1
        label = nfc(str(row[columns["field"]] if columns["field"] < len(row) and row[columns["field"]] is not None
                        else "")).strip()
        values = {}
        for attr, col in columns.items():
            if attr == "field":
                continue
            cell = row[col] if col < len(row) else None
            where_vi = f"Dòng {line}, cột {_column_letter(col)} ({mapping[attr]})"
            where_en = f"Row {line}, column {_column_letter(col)} ({mapping[attr]})"
            if attr in ("start", "end"):
                try:
                    values[attr] = _date(cell)
                except ValueError:
                    problems.append((f"{where_vi}: “{cell}” không phải là ngày (dd/mm/yyyy)",
                                     f"{where_en}: “{cell}” is not a date (dd/mm/yyyy)"))
                continue
            if cell is None or (isinstance(cell, str) and not cell.strip()):
                values[attr] = None if attr in core.STATED else 0
                continue
            try:
                number = cell if isinstance(cell, int | float) and not isinstance(cell, bool) else \
                    parse_number(nfc(str(cell)), "vi")
            except NumberFormatError:
                number = None
            if number is None or number != int(number) or number < 0:
                problems.append((f"{where_vi}: “{cell}” không phải là số nguyên không âm",
                                 f"{where_en}: “{cell}” is not a whole number of zero or more"))
                continue
            values[attr] = int(number)
        if not label and all(not v for v in values.values()):
            continue  # an empty line
        if len(out) >= MAX_ROWS:
            problems.append((f"Tệp có quá {MAX_ROWS} dòng", f"The file has more than {MAX_ROWS} rows"))
            break
        item = core.TthcRow(field=label, line=line, **values)
        if label.casefold().rstrip(":") in TOTAL_WORDS:
            if total is not None:
                problems.append((f"Dòng {line}: có hai dòng tổng cộng (dòng {total.line} và dòng {line})",
                                 f"Row {line}: two total rows (rows {total.line} and {line})"))
            total = item
        else:
            out.append(item)
    if problems:
        raise FileProblems(problems)
    return Sheet(window=window, rows=tuple(out), total=total)
