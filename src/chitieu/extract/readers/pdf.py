"""PDF reports: the text layer, page by page, one line per printed line (pdfplumber).

Encrypted PDFs and PDFs with no text layer (scans) raise ``ExtractionError``; table cells the
PDF breaks over lines are joined later, by the extractor's sentence joining.
"""

from __future__ import annotations

import re
from pathlib import Path

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


def read_pdf(path: Path) -> Document:
    """Read the text layer of a PDF; each printed line becomes one document line."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    lines: list[str] = []
    try:
        with pdfplumber.open(str(path)) as pdf:
            for page in pdf.pages:
                text = page.extract_text() or ""
                lines.extend(text.split("\n") if text else [])
    except Exception as exc:  # pdfminer raises many kinds on damaged files; pdfplumber wraps them
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
    return Document(path.name, "pdf", tuple(repair(x) for x in lines))
