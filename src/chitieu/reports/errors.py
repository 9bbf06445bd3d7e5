"""``ReportError``: a report that cannot be produced, with the reason in Vietnamese and English.

Owns the error type only (``chitieu.reports.document`` re-exports it). ``str(error)`` is
"Vietnamese / English", as the command line prints it; ``error.in_language("en")`` gives one
language, for the web app's English interface.
"""

from __future__ import annotations


class ReportError(Exception):
    """A report that cannot be produced; the message says why, in Vietnamese and English."""

    def __init__(self, vi: str, en: str | None = None):
        super().__init__(vi if en is None else f"{vi} / {en}")
        self.vi = vi
        self.en = en

    def in_language(self, language: str | None) -> str:
        """The message in ``language`` ("vi", "en", "en-us"); both when it has only one text."""
        if self.en is None:
            return str(self)
        return self.en if (language or "").lower().startswith("en") else self.vi
