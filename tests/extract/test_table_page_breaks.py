"""A table that goes on over a page break (issue 12, "a table continuing after a page break with
or without its header"): the rows after the break are read like those before it, and the
page's number or footer between them is no statement."""

from __future__ import annotations

import pytest

from chitieu.extract import extract
from chitieu.extract.document import Document

HEADER_TABS = "TT\tChỉ tiêu\tĐVT\tKH 2024\tTH 2024\tSo sánh (%)"
ROWS_BEFORE = [
    "1\tTổng thu ngân sách nhà nước trên địa bàn\tTỷ đồng\t15,2\t17,8\t117,1",
    "2\tThu nhập bình quân đầu người\tTriệu đồng\t72\t74,5\t103,5",
    "3\tTỷ lệ hộ nghèo\t%\t1,2\t0,9\t",
]
ROWS_AFTER = [
    "4\tTỷ lệ tham gia bảo hiểm y tế\t%\t93\t94,1\t101,2",
    "5\tSố lao động được giải quyết việc làm\tNgười\t350\t372\t106,3",
]
TITLE = ["PHỤ LỤC 1", "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024", HEADER_TABS]


def _facts(lines):
    return {(s.kind, s.indicator, s.low) for s in extract(Document("t.txt", "text", tuple(lines)))
            if s.unit != "%" or "so với" not in s.indicator}


def _pairs(lines):
    return {(kind, name, low) for kind, name, low in _facts(lines)}


WHOLE = _pairs(TITLE + ROWS_BEFORE + ROWS_AFTER)


def test_the_unbroken_table_gives_a_result_per_row_beside_its_plan():
    # the plan column of the same year is the result's compared target, not a target of its own
    assert ("result", "Tỷ lệ tham gia bảo hiểm y tế", 94.1) in WHOLE
    assert not any(kind == "target" for kind, _, _ in WHOLE)
    [insurance] = [s for s in extract(Document("t.txt", "text", tuple(TITLE + ROWS_BEFORE + ROWS_AFTER)))
                   if s.low == 94.1]
    assert insurance.compared_target == {"op": "=", "low": 93, "high": 93}
    assert ("result", "Số lao động được giải quyết việc làm", 372) in WHOLE
    assert ("result", "Tổng thu ngân sách nhà nước trên địa bàn", 17.8) in WHOLE


@pytest.mark.parametrize("footer", [["Trang 2"], ["- 2 -"], ["2"], ["Trang 2/3"], ["", "Trang 2", ""]])
def test_a_page_footer_between_the_rows_does_not_end_the_table(footer):
    got = _pairs(TITLE + ROWS_BEFORE + footer + ROWS_AFTER)
    assert got == WHOLE
    assert not any("Trang" in name for _, name, _ in got)


def test_the_header_repeated_after_the_break_is_read_as_a_header_again():
    assert _pairs(TITLE + ROWS_BEFORE + ["Trang 2", HEADER_TABS] + ROWS_AFTER) == WHOLE
