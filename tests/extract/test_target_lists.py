"""A list of targets announced on its own line (issue 12, item 1: "Đại hội đề ra các chỉ tiêu chủ
yếu:" then one item a line): every item is a target, whatever verb it uses ("đạt", "còn"); the same
list announced as results ("Kết quả thực hiện các chỉ tiêu chủ yếu:") stays results."""

from __future__ import annotations

import pytest

from chitieu.extract import extract
from chitieu.extract.document import Document

ITEMS = [
    "Tốc độ tăng trưởng kinh tế bình quân 8-9%/năm;",
    "Thu nhập bình quân đầu người đạt 95 triệu đồng;",
    "Tỷ lệ hộ nghèo còn dưới 1%.",
]


def _kinds(lines):
    return [(s.kind, s.kind_evidence) for s in extract(Document("t.txt", "text", tuple(lines)))]


@pytest.mark.parametrize("bullet", ["- ", "+ ", "• ", "{n}. ", "{n}) ", "{letter}) "])
def test_each_item_of_a_list_announced_as_targets_is_a_target(bullet):
    lines = ["Đại hội đề ra các chỉ tiêu chủ yếu:"] + [
        bullet.format(n=k + 1, letter="abc"[k]) + item for k, item in enumerate(ITEMS)]
    kinds = _kinds(lines)
    assert [k for k, _ in kinds] == ["target", "target", "target"], kinds
    assert kinds[1][1] == kinds[2][1] == "list"


def test_the_same_items_reported_as_results_stay_results():
    lines = ["Kết quả thực hiện các chỉ tiêu chủ yếu:", "- Tổng thu ngân sách nhà nước trên địa bàn đạt 19,5 tỷ đồng;",
             "- Tỷ lệ hộ nghèo còn 0,8%."]
    assert [k for k, _ in _kinds(lines)] == ["result", "result"]


def test_a_list_ends_at_the_next_heading():
    lines = ["Đại hội đề ra các chỉ tiêu chủ yếu:", "- Thu nhập bình quân đầu người đạt 95 triệu đồng;",
             "- Tỷ lệ hộ nghèo còn dưới 1%.", "II. KẾT QUẢ THỰC HIỆN NĂM 2024",
             "Tổng thu ngân sách nhà nước trên địa bàn đạt 19,5 tỷ đồng."]
    assert [k for k, _ in _kinds(lines)] == ["target", "target", "result"]


def test_an_item_with_report_words_in_the_list_is_still_a_result():
    lines = ["Đại hội đề ra các chỉ tiêu chủ yếu:", "- Thu nhập bình quân đầu người đạt 95 triệu đồng;",
             "- Tổng thu ngân sách năm 2025 ước đạt 21 tỷ đồng, tăng 8% so với cùng kỳ."]
    assert [k for k, _ in _kinds(lines)][:2] == ["target", "result"]


TITLE = "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2025"  # a page's title: a heading of results


def test_a_list_of_targets_under_a_title_of_results_is_still_a_list_of_targets():
    lines = [TITLE, "Đại hội đề ra các chỉ tiêu chủ yếu:"] + ["- " + item for item in ITEMS]
    assert [k for k, _ in _kinds(lines)] == ["target", "target", "target"]


def test_the_same_list_run_together_in_one_line_under_the_title():
    lines = [TITLE, "Đại hội đề ra các chỉ tiêu chủ yếu: "
             + " ".join(f"{k + 1}. {item}" for k, item in enumerate(ITEMS))]
    assert [k for k, _ in _kinds(lines)] == ["target", "target", "target"]


def test_under_the_title_a_report_on_the_list_stays_results():
    lines = [TITLE, "Kết quả thực hiện các chỉ tiêu chủ yếu:",
             "- Tổng thu ngân sách nhà nước trên địa bàn đạt 19,5 tỷ đồng;", "- Tỷ lệ hộ nghèo còn 0,8%."]
    assert [k for k, _ in _kinds(lines)] == ["result", "result"]
