"""The charts are PNG images whose font has every Vietnamese letter (Debian's old
fonts-liberation lacks them under the same family name as fonts-liberation2)."""

from __future__ import annotations

import warnings

from chitieu.reports.charts import _font, report_charts
from chitieu.reports.data import build_report_data


def test_charts_are_pngs_drawn_without_a_missing_vietnamese_glyph(plan):
    data = build_report_data(plan)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts = report_charts(data)
    assert [png[:8] for png, _ in charts] == [b"\x89PNG\r\n\x1a\n"]  # the growth chart (no structure)
    assert not [w for w in caught if "missing from font" in str(w.message)]
    assert _font() in ("Liberation Serif", "Times New Roman", "DejaVu Serif")
