"""PDF reports: the text layer, page by page, one line per printed line (pdfplumber).

Bounded (``limits``): pages counted before any is read, every compressed stream measured before
pdfminer inflates it, characters counted page by page.

Encrypted PDFs and PDFs with no text layer (scans) raise ``ExtractionError``; table cells the
PDF breaks over lines are joined later, by the extractor's sentence joining.
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


def read_pdf(path: Path) -> Document:
    """Read the text layer of a PDF; each printed line becomes one document line."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[str] = []
    chars = 0
    try:
        with limits.capped_pdf_streams(str(path)), pdfplumber.open(str(path)) as pdf:
            limits.check_pdf_pages(str(path), pdf.doc)
            for page in pdf.pages:
                text = page.extract_text() or ""
                lines.extend(text.split("\n") if text else [])
                chars += len(text)
                if chars > limits.MAX_CHARS or len(lines) > limits.MAX_LINES:
                    limits.check_text(str(path), lines)  # raises, naming the limit
    except ExtractionError:
        raise
    except Exception as exc:  # pdfminer raises many kinds on damaged files; pdfplumber wraps them
        over = _wrapped_limit(exc)
        if over is not None:
            raise over from exc
        name = type(exc).__name__
        if _encrypted(exc, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError(
                str(path),
                "PDF được mã hóa (có mật khẩu), không đọc được",
                "the PDF is encrypted (password protected)",
            ) from exc
        raise ExtractionError(
            str(path), f"tệp PDF bị hỏng ({name})", f"the PDF file is damaged ({name}: {exc})"
        ) from exc
    if not any(x.strip() for x in lines):
        raise ExtractionError(
            str(path),
            "PDF không có lớp chữ (chỉ có hình ảnh/bản quét); cần nhận dạng chữ (OCR) trước",
            "the PDF has no text layer (image-only or scanned); run OCR first",
        )
    lines = lines_to_unicode(lines)  # a .VnTime/VNI text layer without its fonts' Unicode map
    return Document(path.name, "pdf", tuple(repair(x) for x in lines))
