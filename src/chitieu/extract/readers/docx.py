"""DOCX reports: body paragraphs and table rows in document order, then footnote bodies.

Each body paragraph is one line; each table row is one line with its cells joined by
`` | `` (a cell merged over several columns is written once); each footnote is one line
``[n] text`` after the body. python-docx reads the body; docx2python reads the footnotes.
Runs in legacy Vietnamese fonts (``.VnTime``: TCVN3, ``VNI-Times``: VNI) are converted to
Unicode by their font, and a document whose text as a whole is legacy mojibake is converted
(``chitieu.core.encodings``). Bounded by ``limits.check_docx`` before python-docx parses it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from chitieu.core.encodings import from_font, lines_to_unicode
from chitieu.extract import limits
from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.normalise import repair


def _body_lines(path: Path, legacy: bool) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    text_of = _LegacyText(document) if legacy else None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.extend((text_of.paragraph(block) if text_of else block.text).split("\n"))
        elif isinstance(block, Table):
            for row in block.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join((text_of.cell(cell) if text_of else cell.text).split()))
                lines.append(" | ".join(cells))
    return lines


class _LegacyText:
    """Text of paragraphs whose runs are in legacy Vietnamese fonts (``.VnTime`` = TCVN3,
    ``VNI-Times`` = VNI), each run converted by its font: the run's own, else its character
    style's, else its paragraph style's (and their bases), else the document default."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        self._qn = qn
        fonts = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
        self.default = fonts[0].get(qn("w:ascii")) if fonts else None
        self._styles: dict[int, str | None] = {}

    def _style_font(self, style) -> str | None:
        key = id(style)
        if key not in self._styles:
            font, s, hops = None, style, 0
            while s is not None and font is None and hops < 20:
                font = s.font.name if getattr(s, "font", None) is not None else None
                s, hops = s.base_style, hops + 1
            self._styles[key] = font
        return self._styles[key]

    def paragraph(self, paragraph) -> str:
        from docx.text.hyperlink import Hyperlink

        pstyle = self._style_font(paragraph.style) if paragraph.style is not None else None
        out = []
        for item in paragraph.iter_inner_content():
            runs = item.runs if isinstance(item, Hyperlink) else [item]
            for run in runs:
                font = run.font.name or (self._style_font(run.style) if run.style is not None else None)
                out.append(from_font(run.text, font or pstyle or self.default))
        return "".join(out)

    def cell(self, cell) -> str:
        return "\n".join(self.paragraph(p) for p in cell.paragraphs)


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
        limits.check_docx(path)  # sizes and paragraphs from the zip, before anything is parsed
        lines = _body_lines(path, _uses_legacy_fonts(path)) + _footnote_lines(path)
    except ExtractionError:
        raise
    except Exception as exc:  # python-docx and docx2python raise many kinds on damaged files
        raise ExtractionError(
            str(path),
            f"tệp DOCX bị hỏng hoặc không phải DOCX ({type(exc).__name__})",
            f"the DOCX file is damaged or not a DOCX ({type(exc).__name__}: {exc})",
        ) from exc
    # Mojibake whose font was not kept (pasted text, a style the runs do not name): converted
    # when the whole document reads as a legacy encoding, before ``repair`` (TCVN3's "ư" is a
    # soft hyphen, which repair drops).
    lines = lines_to_unicode(lines)
    return Document(path.name, "docx", tuple(repair(x) for x in lines))


_LEGACY_FONT_ATTR = re.compile(rb'="(?:\.[Vv][Nn]|VNI[- ])')


def _uses_legacy_fonts(path: Path) -> bool:
    """Whether the body or the styles name a legacy font, read in chunks (no parsing)."""
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        for member in ("word/styles.xml", "word/document.xml"):
            if member not in names:
                continue
            carry = b""
            with z.open(member) as f:
                while chunk := f.read(1 << 20):
                    if _LEGACY_FONT_ATTR.search(carry + chunk):
                        return True
                    carry = chunk[-16:]
    return False
