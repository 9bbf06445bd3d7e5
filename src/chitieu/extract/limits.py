"""How much one document may hold once decompressed, and the checks that enforce it.

Owns the limits (characters and lines of text; a DOCX's zip entries, declared uncompressed size
and paragraphs; a PDF's pages and decompressed stream bytes) and the checks the readers call
*before* the expensive step: a DOCX is measured from its zip directory and a streamed count of
paragraph tags before python-docx parses it, a PDF's pages are counted lazily and each stream's
inflated size is measured with a capped, streaming zlib before pdfminer decodes it. Going over a
limit raises ``ExtractionError`` naming the limit and what was found, in Vietnamese and English.

A 20 MB upload of plain text stays well inside every limit; the limits stop compression bombs
(a 641 KB DOCX of 2.000.000 paragraphs, a 1 MB PDF inflating to gigabytes) in well under a second.
"""

from __future__ import annotations

import contextlib
import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from chitieu.core.numbers import format_number
from chitieu.extract.document import ExtractionError

MAX_CHARS = 20_000_000  # characters of text in one document
MAX_LINES = 1_000_000  # lines (text) or paragraphs and table rows (DOCX, PDF)
MAX_ZIP_ENTRIES = 5_000  # files inside a DOCX
MAX_ZIP_UNCOMPRESSED = 512 * 2**20  # sum of the declared uncompressed sizes of a DOCX's files
MAX_DOCX_XML_PART = 128 * 2**20  # one XML part (document.xml …), uncompressed
MAX_DOCX_PARAGRAPHS = 200_000  # python-docx takes ~0,2 ms a paragraph: 200.000 is ~40 s
MAX_PDF_PAGES = 3_000
MAX_PDF_STREAM_BYTES = 256 * 2**20  # decompressed bytes of all the streams pdfminer decodes


def _n(x: int) -> str:
    return format_number(x)


def over_limit(path: str, what_vi: str, what_en: str, found: int, limit: int, unit_vi: str = "", unit_en: str = "") -> ExtractionError:
    """The error for a document over one of the limits: what, how much, and the limit."""
    uv = f" {unit_vi}" if unit_vi else ""
    ue = f" {unit_en}" if unit_en else ""
    found_vi = f"hơn {_n(limit)}" if found < 0 else _n(found)
    found_en = f"more than {limit:,}" if found < 0 else f"{found:,}"
    return ExtractionError(
        path,
        f"tài liệu quá lớn: {what_vi} là {found_vi}{uv}, giới hạn là {_n(limit)}{uv}",
        f"the document is too large: {what_en} is {found_en}{ue}, the limit is {limit:,}{ue}",
    )


def check_text(path: str, lines: list[str] | tuple[str, ...]) -> None:
    """Refuse text over ``MAX_LINES`` lines or ``MAX_CHARS`` characters."""
    if len(lines) > MAX_LINES:
        raise over_limit(path, "số dòng", "the number of lines", len(lines), MAX_LINES)
    chars = 0
    for line in lines:
        chars += len(line) + 1
        if chars > MAX_CHARS + 1:
            raise over_limit(path, "số ký tự", "the number of characters", -1, MAX_CHARS)


def check_text_bytes(path: Path) -> None:
    """Refuse a text file that must hold more than ``MAX_CHARS`` characters, before reading it
    (no encoding the reader takes spends more than 4 bytes on a character)."""
    size = path.stat().st_size
    if size > 4 * MAX_CHARS:
        raise over_limit(str(path), "kích thước tệp văn bản", "the text file's size", size, 4 * MAX_CHARS, "byte", "bytes")


# ---------------------------------------------------------------------------------------------
# DOCX: the zip directory and a streamed count of paragraphs, before any XML is parsed.

# "<w:p>", "<w:p ", "<w:p/>" whatever the prefix; not "<w:pPr>" nor "<w:proofErr"
_PARAGRAPH_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?p[\s/>]")
_CHUNK = 1 << 20


def check_docx(path: Path) -> None:
    """Refuse a DOCX whose zip declares too many files or bytes, or whose body holds too many paragraphs."""
    name = str(path)
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise over_limit(name, "số tệp trong DOCX", "the number of files inside the DOCX", len(infos), MAX_ZIP_ENTRIES)
        total = sum(i.file_size for i in infos)
        if total > MAX_ZIP_UNCOMPRESSED:
            raise over_limit(name, "dung lượng DOCX khi giải nén", "the DOCX's uncompressed size", total,
                             MAX_ZIP_UNCOMPRESSED, "byte", "bytes")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_DOCX_XML_PART:
                raise over_limit(name, f"phần {info.filename} khi giải nén", f"the part {info.filename} uncompressed",
                                 info.file_size, MAX_DOCX_XML_PART, "byte", "bytes")
        if "word/document.xml" in z.namelist():
            count = _count_paragraphs(z, "word/document.xml")
            if count > MAX_DOCX_PARAGRAPHS:
                raise over_limit(name, "số đoạn văn của DOCX", "the number of paragraphs in the DOCX", -1,
                                 MAX_DOCX_PARAGRAPHS)


def _count_paragraphs(z: zipfile.ZipFile, member: str) -> int:
    """Paragraph tags in ``member``, read in chunks (zipfile stops at the declared size); stops
    counting past the limit."""
    count, carry = 0, b""
    keep = 32  # longer than any tag the pattern matches: a tag cut by a chunk is counted once
    with z.open(member) as f:
        while True:
            chunk = f.read(_CHUNK)
            buf = carry + chunk
            if not chunk:
                return count + len(_PARAGRAPH_TAG.findall(buf))
            cut = max(0, len(buf) - keep)
            count += sum(1 for m in _PARAGRAPH_TAG.finditer(buf) if m.start() < cut)
            if count > MAX_DOCX_PARAGRAPHS:
                return count
            carry = buf[cut:]


# ---------------------------------------------------------------------------------------------
# PDF: pages counted lazily; every stream's inflated size measured before pdfminer inflates it.


class _StreamBudget:
    def __init__(self, path: str, limit: int) -> None:
        self.path = path
        self.left = limit
        self.limit = limit

    def spend(self, data: bytes) -> None:
        """Inflate ``data`` in bounded pieces, counting, and refuse once the budget is gone."""
        d = zlib.decompressobj()
        try:
            piece = d.decompress(data, _CHUNK)
            while True:
                self.left -= len(piece)
                if self.left < 0:
                    raise over_limit(self.path, "dữ liệu nén trong PDF khi giải nén", "the PDF's compressed streams inflated",
                                     -1, self.limit, "byte", "bytes")
                if not d.unconsumed_tail:
                    break
                piece = d.decompress(d.unconsumed_tail, _CHUNK)
            self.left -= len(d.flush())
        except zlib.error:
            pass  # pdfminer has its own handling of damaged streams; what it yields was counted


@contextlib.contextmanager
def capped_pdf_streams(path: str, limit: int | None = None) -> Iterator[None]:
    """While reading one PDF, measure each Flate stream before pdfminer decodes it.

    pdfminer inflates a stream in one ``zlib.decompress`` call, so a small PDF can ask for
    gigabytes; this wraps ``PDFStream.decode`` for the duration of the read (readers run one
    document at a time per process: the web runs each in a child process of its own)."""
    from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream

    budget = _StreamBudget(path, MAX_PDF_STREAM_BYTES if limit is None else limit)
    original = PDFStream.decode

    def decode(self) -> None:
        if self.rawdata is not None and any(f in LITERALS_FLATE_DECODE for f, _ in self.get_filters()):
            budget.spend(self.rawdata)
        original(self)

    PDFStream.decode = decode
    try:
        yield
    finally:
        PDFStream.decode = original


_STREAM = re.compile(rb"stream\r?\n")


def check_pdf_streams(path: str, data: bytes, limit: int | None = None) -> None:
    """Measure every Flate stream of a PDF's raw bytes, inflating in pieces, before pdfium reads it.

    pdfium inflates in C with no cap, so a 1 MB file could ask for gigabytes; the same budget as
    pdfminer's reading (``capped_pdf_streams``) is spent here on the raw bytes first."""
    budget = _StreamBudget(path, MAX_PDF_STREAM_BYTES if limit is None else limit)
    at = 0
    while True:
        m = _STREAM.search(data, at)
        if m is None:
            return
        end = data.find(b"endstream", m.end())
        if end < 0:
            return
        if b"Flate" in data[max(0, m.start() - 400) : m.start()]:
            budget.spend(data[m.end() : end])
        at = end + 9


def check_pdf_pages(path: str, document) -> None:
    """Refuse a PDF with more than ``MAX_PDF_PAGES`` pages, walking its page tree lazily."""
    from pdfminer.pdfpage import PDFPage

    for count, _ in enumerate(PDFPage.create_pages(document), 1):
        if count > MAX_PDF_PAGES:
            raise over_limit(path, "số trang PDF", "the number of PDF pages", -1, MAX_PDF_PAGES)
