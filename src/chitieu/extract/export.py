"""Export of extracted statements: the contract's JSON and a readable table.

Owns the output shapes only; what a statement is belongs to ``extractor``.
"""

from __future__ import annotations

import json

from chitieu.core.numbers import format_number
from chitieu.extract.document import Document
from chitieu.extract.extractor import Statement


def to_json(doc: Document, statements: list[Statement]) -> str:
    """The JSON of ``contracts/extraction.md``: ``{"document": ..., "statements": [...]}``."""
    payload = {"document": doc.name, "statements": [s.as_dict() for s in statements]}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


_OPS = {
    "=": "",
    ">": "trên ",
    ">=": "từ ",
    "<": "dưới ",
    "<=": "tối đa ",
    "range": "",
    "qualitative": "(định tính)",
}
_STATUS = {"dat": "đạt", "vuot": "vượt", "khong_dat": "không đạt", None: ""}


def _value(op: str, low, high, unit) -> str:
    if op == "qualitative":
        return "(định tính)"
    if op == "range":
        text = f"{format_number(low)} - {format_number(high)}"
    else:
        x = low if low is not None else high
        text = _OPS[op] + format_number(x)
    if unit:
        text += unit if unit in ("%", "‰") else " " + unit
    if op == ">=":
        text += " trở lên"
    return text


def to_table(doc: Document, statements: list[Statement]) -> str:
    """A plain-text table for reading in a terminal."""
    rows = [("dòng", "loại", "chỉ tiêu", "giá trị", "/năm", "năm", "chỉ tiêu so sánh", "tự đánh giá")]
    for s in statements:
        target = ""
        if s.compared_target:
            t = s.compared_target
            target = _value(t["op"], t["low"], t["high"], s.unit)
        rows.append(
            (
                str(s.line),
                "KQ" if s.kind == "result" else "CT",
                s.indicator[:60],
                _value(s.op, s.low, s.high, s.unit),
                "x" if s.per_year else "",
                str(s.year or s.period or ""),
                target,
                _STATUS[s.stated_status],
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"{doc.name}: {len(statements)} chỉ tiêu / statements"]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"
