"""Assigned figures: the chỉ tiêu giao / dự toán giao / kế hoạch giao of a year, with the
document that assigned it.

Owns: ``AssignedSource`` (the document: its kind, number, date and issuer — "Quyết định số
123/QĐ-UBND ngày 10/01/2024 của UBND thị xã"), ``Assigned`` (a year's figure and its source),
and ``is_assigned_target``: whether a target asks to reach the assigned figure ("Đạt và vượt
chỉ tiêu giao", "hằng năm đạt và vượt dự toán giao", "hoàn thành kế hoạch được giao"). Such a
target is evaluated against the figure of each year (``core.forms``); until the figure is
there the verdict is "chưa có chỉ tiêu giao", never Đạt.

Pure Python; no Django, no I/O. The rules are written in docs/evaluation.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from chitieu.core.targets import Form, Target

__all__ = ["Assigned", "AssignedSource", "is_assigned_target"]

_ASSIGNED_RE = re.compile(
    r"\b(?:chỉ tiêu|dự toán|kế hoạch|nhiệm vụ)\s+(?:thu\s+)?(?:được\s+|do\s+)?(?:cấp trên\s+|huyện\s+|tỉnh\s+|"
    r"thị xã\s+|thành phố\s+|ubnd\s+\S+\s+)?giao\b"
)


def is_assigned_target(target: Target | None) -> bool:
    """Whether ``target`` asks to reach a figure assigned by a higher level."""
    if target is None or target.form is not Form.QUALITATIVE:
        return False
    return bool(_ASSIGNED_RE.search(" ".join(unicodedata.normalize("NFC", target.phrase).lower().split())))


@dataclass(frozen=True, slots=True)
class AssignedSource:
    """The document a figure was assigned by."""

    number: str  # "123/QĐ-UBND"
    date: date | None
    issuer: str  # "UBND thị xã"
    kind: str = "Quyết định"  # Quyết định, Nghị quyết, Công văn…

    @property
    def text(self) -> str:
        """"Quyết định số 123/QĐ-UBND ngày 10/01/2024 của UBND thị xã"."""
        out = f"{self.kind} số {self.number}" if self.number else self.kind
        if self.date is not None:
            out += f" ngày {self.date:%d/%m/%Y}"
        if self.issuer:
            out += f" của {self.issuer}"
        return out

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Assigned:
    """The figure assigned for ``year``, in the indicator's unit, and where it comes from."""

    year: int
    value: float
    source: AssignedSource

    def as_dict(self) -> dict:
        s = self.source
        return {"year": self.year, "value": self.value, "source": s.text, "kind": s.kind, "number": s.number,
                "date": s.date.isoformat() if s.date else None, "issuer": s.issuer}
