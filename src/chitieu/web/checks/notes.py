"""The checked draft as DOCX with a Word comment at every finding (``chitieu.check.docx_notes``),
with the reviewers' marks of the moment: a finding marked "không phải lỗi" gets no comment, and
a reviewer's comment is added to the checker's. Also the passage of a finding with its figures
marked, as the page shows it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from chitieu.web.checks.models import CheckedDraft, DraftFinding

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def notes_name(draft: CheckedDraft) -> str:
    return f"{Path(draft.file_name).stem}-nhan-xet.docx"


def _finding(row: DraftFinding):
    from chitieu.check.finding import Finding

    message = row.message
    if row.mark == DraftFinding.Mark.CONFIRMED:
        message += " — Người kiểm tra: đúng, cần sửa" + (f" ({row.comment})" if row.comment else "") + "."
    elif row.comment:
        message += f" — Ý kiến: {row.comment}"
    return Finding(row.kind, row.severity, tuple(row.lines), tuple(row.figures), message, row.computed or None,
                   row.passage)


def build_notes(draft: CheckedDraft) -> tuple[bytes, int]:
    """The DOCX (its bytes) and how many comments it holds."""
    from chitieu.check.docx_notes import write_notes
    from chitieu.extract.document import Document

    findings = [_finding(r) for r in draft.findings.exclude(mark=DraftFinding.Mark.DISMISSED).order_by("position")]
    doc = Document(draft.file_name, draft.file_format, tuple(draft.lines))
    with tempfile.TemporaryDirectory(prefix="chitieu-check-") as tmp:
        source = Path(tmp) / ("draft.docx" if draft.file_format == "docx" else "draft.txt")
        source.write_bytes(bytes(draft.file))
        out = Path(tmp) / "notes.docx"
        n = write_notes(source, doc, findings, out)
        return out.read_bytes(), n


def highlighted(text: str, figures: list[str]) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, those that are one of ``figures`` (or its number) flagged, so a
    template can mark them without building HTML by hand."""
    spans: list[tuple[int, int]] = []
    for fig in figures:
        for candidate in (fig, fig.split()[0] if fig.split() else ""):
            if not candidate:
                continue
            start = text.find(candidate)
            while start >= 0:
                end = start + len(candidate)
                if not any(s < end and start < e for s, e in spans):
                    spans.append((start, end))
                    break
                start = text.find(candidate, end)
            else:
                continue
            break
    pieces: list[tuple[str, bool]] = []
    at = 0
    for s, e in sorted(spans):
        if s > at:
            pieces.append((text[at:s], False))
        pieces.append((text[s:e], True))
        at = e
    if at < len(text):
        pieces.append((text[at:], False))
    return pieces
