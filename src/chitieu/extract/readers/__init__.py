"""Readers: one per file format, each turning a file into a ``Document``.

``read_document(path)`` picks the reader by the file's suffix (and, for a suffix it does not
know, by the first bytes) and checks that the result is readable Vietnamese text within the
limits of ``limits`` (each reader also checks its own format's limits before the costly step).
"""

from __future__ import annotations

from pathlib import Path

from chitieu.extract.document import Document, ExtractionError, check_readable
from chitieu.extract.limits import check_text

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


def read_document(path: str | Path) -> Document:
    """Read a report (.txt/.md, .docx or .pdf) into a ``Document``; raise ``ExtractionError`` if unreadable."""
    p = Path(path)
    if not p.is_file():
        raise ExtractionError(str(p), "không tìm thấy tệp", "file not found")
    head = p.open("rb").read(8)
    suffix = p.suffix.lower()
    if suffix == ".pdf" or head.startswith(b"%PDF"):
        from chitieu.extract.readers.pdf import read_pdf

        doc = read_pdf(p)
    elif suffix == ".docx" or (suffix not in TEXT_SUFFIXES and head.startswith(b"PK")):
        from chitieu.extract.readers.docx import read_docx

        doc = read_docx(p)
    elif suffix in (".doc", ".xlsx", ".xls", ".odt", ".rtf"):
        raise ExtractionError(
            str(p),
            f"định dạng {suffix} chưa được hỗ trợ; hãy lưu thành .docx, .pdf hoặc .txt",
            f"the {suffix} format is not supported; save it as .docx, .pdf or .txt",
        )
    else:
        from chitieu.extract.readers.text import read_text

        doc = read_text(p)
    check_text(str(p), doc.lines)
    check_readable(str(p), doc.lines)
    return doc
