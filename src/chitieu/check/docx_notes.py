"""The draft with a Word comment at every finding, so the writer fixes it in Word.

Owns ``write_notes``: for a .docx draft, the draft itself with a comment anchored on the runs
of the paragraph (or table row) each finding's first line is, found by the same walk the
DOCX reader numbers lines with (a paragraph per line — split at line breaks —, a table row per
line, then footnotes, which get their comment on the document's last paragraph); for a text
or PDF draft, a new DOCX of its numbered lines with the comments. python-docx ≥ 1.2 writes
comments (``Document.add_comment``).
"""

from __future__ import annotations

from pathlib import Path

from chitieu.check.finding import ERROR, Finding
from chitieu.extract.document import Document

AUTHOR = "chitieu check"
INITIALS = "CT"


def _comment_text(f: Finding) -> str:
    head = "LỖI" if f.severity == ERROR else "Lưu ý"
    figures = ", ".join(f.figures)
    return f"[{head} · {f.type}] {f.message}" + (f" (số liệu: {figures})" if figures else "")


def _docx_line_paragraphs(document) -> list:
    """The paragraph that carries each line of the reader's numbering (index 0 = line 1)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out: list = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            out.extend([block] * len(block.text.split("\n")))
        elif isinstance(block, Table):
            for row in block.rows:
                cell = row.cells[0] if row.cells else None
                out.append(cell.paragraphs[0] if cell is not None and cell.paragraphs else None)
    return out


def _anchor(paragraph, figures: tuple[str, ...]):
    runs = list(paragraph.runs)
    if not runs:
        runs = [paragraph.add_run("")]
    for fig in figures:
        number = fig.split()[0].rstrip("%") if fig else ""
        hit = [r for r in runs if number and number in r.text]
        if hit:
            return hit
    return runs


def write_notes(source: Path, doc: Document, findings: list[Finding], out: Path) -> int:
    """Write ``out``; return how many comments it holds."""
    import docx

    if doc.format == "docx":
        document = docx.Document(str(source))
        by_line = _docx_line_paragraphs(document)
        fallback = document.paragraphs[-1] if document.paragraphs else document.add_paragraph("")
    else:
        document = docx.Document()
        document.add_heading(f"Kiểm tra số liệu: {doc.name}", level=1)
        by_line = [document.add_paragraph(f"{i}  {text}") for i, text in enumerate(doc.lines, 1)]
        fallback = by_line[-1] if by_line else document.add_paragraph("")
    n = 0
    for f in findings:
        line = f.lines[0] if f.lines else 0
        paragraph = by_line[line - 1] if 0 < line <= len(by_line) and by_line[line - 1] is not None else fallback
        document.add_comment(_anchor(paragraph, f.figures), text=_comment_text(f), author=AUTHOR, initials=INITIALS)
        n += 1
    tmp = out.with_name(out.name + ".tmp")
    document.save(str(tmp))
    tmp.replace(out)
    return n
