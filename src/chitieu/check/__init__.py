"""The draft checker: every figure of a report that contradicts itself (or the stored data).

Owns ``check_document`` (every check over one ``Document``), ``check_text`` (the same over a
string, for tests and the report generator's self-check) and the list of checks, one small
module per kind of finding (``ratio``, ``sums``, ``shares``, ``growth``, ``twovalues``,
``conflicts`` (target-conflict), ``verdict``, ``period``, ``count``, ``feasibility``) working
over what the reader (``chitieu.extract``) finds (``footnotes`` links footnotes to the body
figures they hang on, as the reader drops the markers); ``against_plan`` compares the draft with a plan file (or a
plan with its stored values, for the web app); ``docx_notes`` writes Word
comments; ``commands`` is ``chitieu check``. The JSON is ``contracts/checker.md``; the rules
are in docs/checker.md.

Pure Python; no Django.
"""

from __future__ import annotations

import unicodedata

from chitieu.check.common import Context
from chitieu.check.finding import Finding, ordered, to_json
from chitieu.extract.document import Document
from chitieu.extract.normalise import repair

CHECKS = (
    "ratio", "sums", "shares", "growth", "twovalues", "conflicts", "verdict", "period", "count", "feasibility",
)

__all__ = ["CHECKS", "Finding", "check_document", "check_text", "to_json"]


def check_document(doc: Document, *, only: tuple[str, ...] | None = None, statements=None) -> list[Finding]:
    """Every finding in ``doc``, worst first. ``statements``: what ``extract.extract`` already
    found in ``doc`` (the web app reads uploads in a child process that extracts too)."""
    import importlib

    ctx = Context.of(doc)
    if statements is not None:
        ctx.__dict__["statements"] = list(statements)  # fills the cached property: not extracted twice
    out: list[Finding] = []
    for name in only or CHECKS:
        out += importlib.import_module(f"chitieu.check.{name}").check(ctx)
    return ordered(out)


def check_text(text: str, name: str = "draft.txt") -> list[Finding]:
    """``check_document`` over a text given as a string (lines as a text file has them)."""
    lines = tuple(repair(unicodedata.normalize("NFC", line)) for line in text.splitlines())
    return check_document(Document(name, "text", lines))
