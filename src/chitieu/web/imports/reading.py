"""Turning an uploaded file into the extractor's ``Document`` and statements.

The extractor reads files by path and picks the reader by suffix, so the upload is written to a
private temporary directory under its own (sanitised) name; the name is what the document is
called. Reading runs in a child process with a time and memory limit (``extract.guarded``).
Bad input raises the extractor's ``ExtractionError`` (a Vietnamese and an English message; the
view shows the one of the page's language).
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path

from chitieu.core.numbers import format_number, nfc
from chitieu.extract import Document, ExtractionError, Statement
from chitieu.extract.guarded import read_and_extract

ALLOWED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
MAX_BYTES = 20 * 1024 * 1024


def safe_name(name: str) -> str:
    """The file's base name without path parts or control characters (kept for display)."""
    base = nfc(name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[\x00-\x1f]", "", base).strip() or "report"
    return base[-200:]


def check_name_and_size(name: str, size: int) -> None:
    """Refuse a file the readers cannot take, before reading it (ExtractionError, like the readers)."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise ExtractionError(
            name,
            f"định dạng “{suffix or name}” không được hỗ trợ; chỉ nhận tệp .txt, .md, .docx hoặc .pdf",
            f"the format {suffix or name!r} is not supported; only .txt, .md, .docx or .pdf files are accepted",
        )
    if size > MAX_BYTES:
        raise ExtractionError(
            name,
            f"tệp quá lớn ({format_number(size / 2**20, 1)} MB); giới hạn là 20 MB",
            f"the file is too large ({size / 2**20:.1f} MB); the limit is 20 MB",
        )


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_upload(
    name: str, content: bytes, *, timeout: float | None = None, memory: int | None = None
) -> tuple[Document, list[Statement]]:
    """Read the uploaded bytes as the file ``name``; raise ``ExtractionError`` if unreadable.

    Reading and extraction run in a child process with a time and a memory limit
    (``chitieu.extract.guarded``: 60 s and 1,5 GB unless ``CHITIEU_EXTRACT_TIMEOUT`` /
    ``CHITIEU_EXTRACT_MEMORY_MB`` or the arguments say otherwise), so no upload can hold a
    server worker or exhaust its memory; over a limit is an ``ExtractionError`` like any other."""
    name = safe_name(name)
    check_name_and_size(name, len(content))
    with tempfile.TemporaryDirectory(prefix="chitieu-import-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(content)
        return read_and_extract(path, timeout=timeout, memory=memory, name=name)
