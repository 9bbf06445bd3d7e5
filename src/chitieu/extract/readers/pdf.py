"""PDF reports: the text layer, page by page, one line per printed line.

Text comes from pypdfium2 (PDFium: fast, C). A page whose text names a table's columns ("ĐVT",
"Đơn vị tính", "Chỉ tiêu" beside "Kế hoạch"/"Thực hiện"/a year) is read again with pdfplumber,
whose table finder gives ruled tables (only on pages that draw lines) as rows of cells ("a | b | c", as a DOCX table reads),
the page's other lines in their place above and below. pdfplumber is slow (about 20 pages a
second), so only those pages pay for it.

Bounded (``limits``): the raw bytes' Flate streams measured before PDFium inflates them, pages
counted before any is read, characters counted page by page.

Encrypted PDFs and PDFs with no text layer (scans) raise ``ExtractionError``; table cells the
PDF breaks over lines (a table with no rules) are joined later, by the extractor's row joining.
"""

from __future__ import annotations

import re
from pathlib import Path

from chitieu.core.encodings import lines_to_unicode
from chitieu.extract import limits
from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.normalise import repair


def _encrypted(exc: BaseException, kinds: tuple[type, ...]) -> bool:
    """Whether ``exc`` (or what it wraps) says the PDF needs a password."""
    seen = 0
    todo: list[object] = [exc]
    while todo and seen < 10:
        e = todo.pop()
        seen += 1
        if isinstance(e, kinds) or (
            isinstance(e, BaseException) and re.search("password|encrypt", type(e).__name__, re.I)
        ):
            return True
        if isinstance(e, BaseException):
            todo += [a for a in e.args if isinstance(a, BaseException)]
            todo += [x for x in (e.__cause__, e.__context__) if x is not None]
    return False


def _wrapped_limit(exc: BaseException) -> ExtractionError | None:
    """A limit refused inside pdfminer, as pdfplumber wraps it."""
    seen: set[int] = set()
    todo: list[object] = [exc]
    while todo and len(seen) < 20:
        e = todo.pop()
        if not isinstance(e, BaseException) or id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, ExtractionError):
            return e
        todo += list(e.args) + [e.__cause__, e.__context__]
    return None


_TABLE_PAGE = re.compile(
    r"(?<![^\W\d_])(?:ĐVT|Đvt|đvt|Đơn vị tính|ĐƠN VỊ TÍNH|Đơn vị)(?![^\W\d_])"
    r"|(?:Chỉ tiêu|CHỈ TIÊU|Nội dung|NỘI DUNG)[^\n]{0,80}(?:Kế hoạch|KH|Thực hiện|TH|Ước|(?:19|20)\d\d)"
)


def _page_text(page) -> str:
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n")
    finally:
        textpage.close()


def _ruled(page, enough: int = 4) -> bool:
    """Whether the page draws lines or boxes (a ruled table's grid): path objects, counted cheaply."""
    import pypdfium2.raw as pdfium_c

    count = 0
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        count += 1
        if count >= enough:
            return True
    return False


def _table_page_lines(path: Path, index: int) -> list[str] | None:
    """The lines of page ``index`` with its ruled tables as rows of cells, or None when it has none."""
    import pdfplumber

    with limits.capped_pdf_streams(str(path)), pdfplumber.open(str(path), pages=[index + 1]) as pdf:
        page = pdf.pages[0]
        tables = [t for t in page.find_tables() if t.rows and len(t.rows[0].cells) >= 3]
        if not tables:
            return None
        items: list[tuple[float, str]] = []
        boxes = [t.bbox for t in tables]
        for line in page.extract_text_lines(return_chars=False):
            mid_x, mid_y = (line["x0"] + line["x1"]) / 2, (line["top"] + line["bottom"]) / 2
            if not any(x0 <= mid_x <= x1 and top <= mid_y <= bottom for x0, top, x1, bottom in boxes):
                items.append((line["top"], line["text"]))
        for table in tables:
            for r, row in enumerate(table.extract()):
                cells = [" ".join((c or "").split()) for c in row]
                if any(cells):
                    items.append((table.bbox[1] + r * 1e-3, " | ".join(cells)))
        items.sort(key=lambda x: x[0])
        return [text for _, text in items]


def read_pdf(path: Path) -> Document:
    """Read the text layer of a PDF; each printed line becomes one document line."""
    import pypdfium2

    lines: list[str] = []
    chars = 0
    try:
        data = path.read_bytes()
        limits.check_pdf_streams(str(path), data)
        try:
            pdf = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError as exc:
            if "password" in str(exc).lower() or "security" in str(exc).lower():
                raise ExtractionError(
                    str(path),
                    "PDF được mã hóa (có mật khẩu), không đọc được",
                    "the PDF is encrypted (password protected)",
                ) from exc
            raise
        try:
            if len(pdf) > limits.MAX_PDF_PAGES:
                raise limits.over_limit(
                    str(path), "số trang PDF", "the number of PDF pages", -1, limits.MAX_PDF_PAGES
                )
            for index in range(len(pdf)):
                page = pdf[index]
                try:
                    text = _page_text(page)
                    table_page = bool(_TABLE_PAGE.search(text)) and _ruled(page)
                finally:
                    page.close()
                page_lines = text.split("\n") if text else []
                if table_page:
                    page_lines = _table_page_lines(path, index) or page_lines
                lines.extend(page_lines)
                chars += len(text)
                if chars > limits.MAX_CHARS or len(lines) > limits.MAX_LINES:
                    limits.check_text(str(path), lines)  # raises, naming the limit
        finally:
            pdf.close()
    except ExtractionError:
        raise
    except Exception as exc:  # PDFium and pdfminer raise many kinds on damaged files
        over = _wrapped_limit(exc)
        if over is not None:
            raise over from exc
        name = type(exc).__name__
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        if _encrypted(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError(
                str(path),
                "PDF được mã hóa (có mật khẩu), không đọc được",
                "the PDF is encrypted (password protected)",
            ) from exc
        raise ExtractionError(
            str(path), f"tệp PDF bị hỏng ({name})", f"the PDF file is damaged ({name}: {exc})"
        ) from exc
    lines = [x.rstrip() for x in lines]
    if not any(x.strip() for x in lines):
        raise ExtractionError(
            str(path),
            "PDF không có lớp chữ (chỉ có hình ảnh/bản quét); cần nhận dạng chữ (OCR) trước",
            "the PDF has no text layer (image-only or scanned); run OCR first",
        )
    lines = lines_to_unicode(lines)  # a .VnTime/VNI text layer without its fonts' Unicode map
    return Document(path.name, "pdf", tuple(repair(x) for x in lines))
