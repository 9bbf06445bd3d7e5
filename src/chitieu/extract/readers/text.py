"""Plain text and Markdown reports: the file's own lines are the document's lines."""

from __future__ import annotations

from pathlib import Path

from chitieu.extract.document import Document, ExtractionError
from chitieu.extract.normalise import repair


def read_text(path: Path) -> Document:
    """Read UTF-8 (with or without BOM) or UTF-16 text; line N of the file is line N of the document."""
    data = path.read_bytes()
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExtractionError(str(path), "tệp nhị phân, không phải văn bản", "a binary file, not text")
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ExtractionError(
            str(path),
            "không đọc được mã ký tự của tệp (cần UTF-8)",
            "cannot decode the file's characters (UTF-8 expected)",
        )
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return Document(path.name, "text", tuple(repair(x.rstrip("\r")) for x in lines))
