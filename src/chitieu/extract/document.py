"""The one internal form every reader produces: a ``Document`` of numbered lines.

Owns ``Document`` (name, format, lines with stable 1-based numbers) and ``ExtractionError``,
the single error raised for input that cannot be read (empty, encrypted, image-only, corrupt,
not Vietnamese). Line numbers are the file's own lines for text; for DOCX and PDF they are
the paragraph index in the extracted text, as ``chitieu extract FILE --lines`` prints it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


class ExtractionError(Exception):
    """A report that cannot be read. The message says what is wrong, in Vietnamese and English."""

    def __init__(self, path: str, vi: str, en: str) -> None:
        self.path = path
        self.vi = vi
        self.en = en
        super().__init__(f"{path}: {vi} / {en}")


@dataclass(frozen=True, slots=True)
class Document:
    """A report's text as numbered lines (``lines[0]`` is line 1), NFC-normalised and repaired."""

    name: str
    format: str  # "text", "docx" or "pdf"
    lines: tuple[str, ...]

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        return self.lines[number - 1]

    @property
    def size(self) -> int:
        """Characters of text (what throughput is measured on)."""
        return sum(len(x) + 1 for x in self.lines)

    def numbered(self) -> str:
        """The lines with their numbers, as the CLI prints them for DOCX/PDF."""
        width = len(str(len(self.lines)))
        return "\n".join(f"{i:>{width}}  {text}" for i, text in enumerate(self.lines, 1))


# Letters only Vietnamese uses (French and English text has none of them).
_VIETNAMESE_ONLY = set("ăắằẳẵặơớờởỡợưứừửữựđạảấầẩẫậẹẻẽếềểễệỉịọỏốồổỗộụủỳỵỷỹĩũ")
_WORD = re.compile(r"[^\W\d_]+")


def check_readable(path: str, lines: list[str] | tuple[str, ...]) -> None:
    """Raise ``ExtractionError`` when there is no text or the text is not Vietnamese."""
    # Counted line by line: a list of every word of a 20 MB text would cost hundreds of MB.
    total = viet = 0
    for line in lines:
        words = _WORD.findall(line.lower())
        total += len(words)
        viet += sum(1 for w in words if not _VIETNAMESE_ONLY.isdisjoint(w))
        if viet >= 2000 and viet >= 0.2 * total:
            break  # plainly Vietnamese: no need to count the rest of a long document
    if not total:
        raise ExtractionError(
            path,
            "tệp không có chữ nào đọc được (trống, hoặc PDF chỉ có hình ảnh/bản quét)",
            "the file has no readable text (empty, or an image-only/scanned PDF)",
        )
    if total >= 5 and viet / total < 0.05:
        raise ExtractionError(
            path,
            "văn bản không phải tiếng Việt (không có chữ cái tiếng Việt) nên không trích chỉ tiêu được",
            "the text is not Vietnamese (no Vietnamese letters), so no indicators can be read",
        )
