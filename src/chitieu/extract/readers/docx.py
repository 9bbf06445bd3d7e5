"""DOCX reports: body paragraphs and table rows in document order, then footnote bodies.

Each body paragraph is one line; each table row is one line with its cells joined by
`` | `` (a cell merged over several columns is written once); each footnote is one line
``[n] text`` after the body. python-docx reads the body; docx2python reads the footnotes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.normalise import repair


def _body_lines(path: Path) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                lines.append(" | ".join(cells))
    return lines


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footnotes_from_xml(xml: bytes) -> list[str]:
    """Footnote bodies straight from ``word/footnotes.xml`` (when docx2python cannot read it)."""
    from xml.etree import ElementTree

    out = []
    for note in ElementTree.fromstring(xml).iter(_W + "footnote"):
        number = note.get(_W + "id", "")
        if note.get(_W + "type") or not number.isdigit():
            continue  # separators
        text = " ".join("".join(t.text or "" for t in note.iter(_W + "t")).split())
        if text:
            out.append(f"[{number}] {text}")
    return out


def _footnote_lines(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        if "word/footnotes.xml" not in z.namelist():
            return []
        xml = z.read("word/footnotes.xml")
    try:
        return _footnotes_docx2python(path)
    except (KeyError, AttributeError, ValueError):
        return _footnotes_from_xml(xml)


def _footnotes_docx2python(path: Path) -> list[str]:
    from docx2python import docx2python

    out: list[str] = []
    with docx2python(str(path)) as content:
        for table in content.footnotes:
            for row in table:
                for cell in row:
                    for par in cell:
                        text = " ".join(par.split())
                        # docx2python writes "footnote1)\t" before each body.
                        if text.startswith("footnote") and ")" in text[:14]:
                            number, _, rest = text[len("footnote") :].partition(")")
                            if rest.strip():
                                out.append(f"[{number}] {rest.strip()}")
                        elif text:
                            out.append(text)
    return out


def read_docx(path: Path) -> Document:
    """Read a .docx file; a damaged or non-DOCX file raises ``ExtractionError``."""
    try:
        if not zipfile.is_zipfile(path):
            raise ValueError("not a zip")
        lines = _body_lines(path) + _footnote_lines(path)
    except Exception as exc:  # python-docx and docx2python raise many kinds on damaged files
        raise ExtractionError(
            str(path),
            f"tệp DOCX bị hỏng hoặc không phải DOCX ({type(exc).__name__})",
            f"the DOCX file is damaged or not a DOCX ({type(exc).__name__}: {exc})",
        ) from exc
    return Document(path.name, "docx", tuple(repair(x) for x in lines))
