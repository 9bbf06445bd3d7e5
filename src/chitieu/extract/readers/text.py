"""Plain text and Markdown reports: the file's own lines are the document's lines."""

from __future__ import annotations

from pathlib import Path

from chitieu.core.encodings import decode_bytes, to_unicode
from chitieu.extract import limits
from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.normalise import repair


def _decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def read_text(path: Path) -> Document:
    """Read UTF-8 (with or without BOM) or UTF-16 text, or Vietnamese in a legacy encoding
    (Windows-1258, TCVN3, VNI: ``chitieu.core.encodings``); line N of the file is line N of the document."""
    limits.check_text_bytes(path)
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionError(str(path), "tệp nhị phân, không phải văn bản", "a binary file, not text")
    text = _decode(data, "utf-8-sig")
    if text is None and data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _decode(data, "utf-16")
    if text is None:
        # Not UTF-8: a legacy Vietnamese encoding (Windows-1258, TCVN3, VNI), read the way that
        # gives Vietnamese syllables.
        legacy = decode_bytes(data)
        text = legacy[0] if legacy is not None else _decode(data, "utf-16")
    if text is None:
        raise ExtractionError(
            str(path),
            "không đọc được mã ký tự của tệp (cần UTF-8)",
            "cannot decode the file's characters (UTF-8 expected)",
        )
    del data
    text = to_unicode(text)  # UTF-8 text pasted from a .VnTime/VNI document (unchanged otherwise)
    if len(text) > limits.MAX_CHARS:
        raise limits.over_limit(str(path), "số ký tự", "the number of characters", len(text), limits.MAX_CHARS)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    limits.check_text(str(path), lines)
    return Document(path.name, "text", tuple(repair(x.rstrip("\r")) for x in lines))
