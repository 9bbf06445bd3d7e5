"""Exported text never becomes a live formula; ordinary text is written as it is."""

from chitieu.core.cells import safe_cell_text


def test_text_that_excel_would_run_is_guarded():
    for text in ("=HYPERLINK(\"http://x\",\"bấm\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", " =1"):
        assert safe_cell_text(text) == "'" + text


def test_ordinary_vietnamese_text_is_unchanged():
    for text in ("Tỷ lệ hộ nghèo", "Thu nhập bình quân (triệu đồng)", "", "KT01", "19-21%/năm"):
        assert safe_cell_text(text) == text
