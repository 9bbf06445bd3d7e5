"""Text that goes into a spreadsheet cell (CSV or XLSX) written for people to open in Excel.

A cell whose text starts with ``=``, ``+``, ``-``, ``@`` (or a tab/carriage return before one) is
run as a formula by Excel and LibreOffice ("CSV injection"): an indicator named
``=HYPERLINK(...)`` would become a live link in every export. Such text is written
with a leading single quote, which spreadsheet programs take as "this is text".
Numbers are never passed through here; a negative number stays a number.
"""

from __future__ import annotations

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell_text(text: str) -> str:
    """``text`` as it may be written into a cell without being read as a formula."""
    if text and text.lstrip(" ").startswith(_TRIGGERS):
        return "'" + text
    return text
