"""A finding of the draft checker and its JSON export (``contracts/checker.md``).

Owns ``Finding`` (kind, severity, lines, the figures as written, one Vietnamese sentence, the
computed value), the kinds and severities the contract allows, the order findings are shown
in (errors first, then by line) and the document's JSON.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

KINDS = (
    "ratio",
    "sum",
    "shares",
    "growth",
    "same-indicator-two-values",
    "target-conflict",
    "verdict",
    "period",
    "count",
    "feasibility",
    "other",
)
ERROR, WARNING = "error", "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One place where the document's figures contradict each other (or the stored data)."""

    type: str
    severity: str
    lines: tuple[int, ...]  # first the line of the figure that looks wrong
    figures: tuple[str, ...]  # as written in the text
    message: str
    computed: str | None = None
    quote: str = field(default="", compare=False)  # the passage, for the readable list and comments

    def __post_init__(self) -> None:
        if self.type not in KINDS:
            raise ValueError(f"unknown finding type {self.type!r}")
        if self.severity not in (ERROR, WARNING):
            raise ValueError(f"unknown severity {self.severity!r}")

    def as_dict(self) -> dict:
        return {
            "type": self.type,
            "severity": self.severity,
            "lines": list(self.lines),
            "figures": list(self.figures),
            "message": self.message,
            "computed": self.computed,
        }


def ordered(findings: list[Finding]) -> list[Finding]:
    """Worst first (errors before warnings), then in the document's order; one per place and claim."""
    seen: set[tuple] = set()
    out = []
    for f in sorted(findings, key=lambda f: (f.severity != ERROR, f.lines[:1], f.type)):
        key = (f.type, f.lines, f.figures)
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def to_json(document: str, findings: list[Finding]) -> str:
    """The contract's JSON for one document."""
    data = {"document": document, "findings": [f.as_dict() for f in ordered(findings)]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def merge_repeats(found: list[Finding], more: list[Finding], same: Callable[[Finding, Finding], bool]) -> list[Finding]:
    """``found`` with ``more`` added, where one of ``more`` repeats a finding already there (``same``:
    one error written twice, in the text and in a table) adding its lines to that finding instead."""
    out = list(found)
    for m in more:
        at = next((i for i, f in enumerate(out) if same(f, m)), None)
        if at is None:
            out.append(m)
        else:
            f = out[at]
            out[at] = Finding(f.type, f.severity, tuple(dict.fromkeys(f.lines + m.lines)), f.figures, f.message,
                              f.computed, f.quote)
    return out
