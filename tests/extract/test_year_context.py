"""A statement with no year of its own takes the year of its context: the nearest heading, then the
document's title, then the document's own date (results only).

The texts are invented, in the style of commune portals and reports. A title written on its
document type's own line ("Báo cáo tình hình … năm 2025", "Kế hoạch phát triển … năm 2026", in
sentence case) names the document's year and is read as a heading: it is no part of the first
paragraph's indicator names.
"""

from __future__ import annotations

from chitieu.extract.document import Document
from chitieu.extract.extractor import extract
from chitieu.extract.segments import _title_time


def _read(text: str) -> list[tuple[str, str, float | None, int | None, int]]:
    doc = Document("bao-cao.txt", "text", tuple(text.splitlines()))
    return [(s.kind, s.indicator, s.low, s.year, s.line) for s in extract(doc)]


def test_a_report_title_on_one_line_gives_its_year_and_is_no_part_of_a_name():
    text = (
        "UBND XÃ TÂN LẬP\n"
        "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025\n"
        "Tổng giá trị sản xuất ước đạt 520 tỷ đồng, tăng 8,2% so với cùng kỳ.\n"
        "Thu nhập bình quân đầu người đạt 62 triệu đồng.\n"
    )
    assert _read(text) == [
        ("result", "Tổng giá trị sản xuất", 520, 2025, 3),
        ("result", "Tổng giá trị sản xuất (tăng so với cùng kỳ)", 8.2, 2025, 3),
        ("result", "Thu nhập bình quân đầu người", 62, 2025, 4),  # (no year in its sentence: the title's)
    ]


def test_a_plan_title_in_sentence_case_gives_the_targets_year():
    text = (
        "UBND XÃ ĐÔNG THẠNH\n"
        "Kế hoạch phát triển kinh tế - xã hội năm 2026\n"
        "Phấn đấu tổng thu ngân sách trên địa bàn đạt 15 tỷ đồng.\n"
        "Tỷ lệ hộ nghèo giảm còn dưới 1,5%.\n"
    )
    assert _read(text) == [
        ("target", "Phấn đấu tổng thu ngân sách trên địa bàn", 15, 2026, 3),
        ("target", "Tỷ lệ hộ nghèo", None, 2026, 4),
    ]


def test_a_plan_title_in_capitals_gives_the_targets_year():
    text = (
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH\n"
        "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026\n"
        "I. MỤC TIÊU\n"
        "Phấn đấu tổng thu ngân sách trên địa bàn đạt 15 tỷ đồng.\n"
    )
    assert _read(text) == [("target", "Phấn đấu tổng thu ngân sách trên địa bàn", 15, 2026, 4)]


def test_the_nearest_heading_goes_before_the_title():
    text = (
        "BÁO CÁO\n"
        "Tình hình kinh tế - xã hội năm 2025\n"
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
        "Tổng thu ngân sách đạt 12 tỷ đồng.\n"
        "II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026\n"
        "Phấn đấu thu ngân sách đạt 13 tỷ đồng.\n"
    )
    assert _read(text) == [
        ("result", "Tổng thu ngân sách", 12, 2025, 4),
        ("target", "Phấn đấu thu ngân sách", 13, 2026, 6),
    ]


def test_a_year_of_its_own_goes_before_the_title():
    text = (
        "Báo cáo kết quả thực hiện nhiệm vụ năm 2025\n"
        "Năm 2024, thu ngân sách đạt 10 tỷ đồng. Năm 2025 thu ngân sách đạt 11,2 tỷ đồng.\n"
    )
    assert _read(text) == [
        ("result", "thu ngân sách", 10, 2024, 2),
        ("result", "thu ngân sách", 11.2, 2025, 2),
    ]


def test_an_article_headline_gives_the_year_it_plans_for():
    text = (
        "Xã Phú Lộc phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026\n"
        "Cập nhật ngày 12/01/2026\n"
        "Theo đó, xã phấn đấu thu ngân sách đạt 9,5 tỷ đồng; tỷ lệ bao phủ bảo hiểm y tế đạt 95%.\n"
    )
    assert _read(text) == [
        ("target", "xã phấn đấu thu ngân sách", 9.5, 2026, 3),
        ("target", "tỷ lệ bao phủ bảo hiểm y tế", 95, 2026, 3),
    ]


def test_with_no_heading_nor_title_a_result_takes_the_documents_date():
    text = (
        "Hội nghị sơ kết công tác\n"
        "Ngày 15 tháng 7 năm 2025, UBND xã Hòa Phú tổ chức hội nghị.\n"
        "Toàn xã có 1.250 hộ tham gia bảo hiểm y tế.\n"
    )
    assert _read(text) == [("result", "Số hộ tham gia bảo hiểm y tế", 1250, 2025, 3)]


def test_a_plan_named_by_its_number_is_no_title():
    text = (
        "UBND XÃ AN HÒA\nKế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND xã về thực hiện nhiệm vụ năm 2025\n"
    )
    doc = Document("x.txt", "text", tuple(text.splitlines()))
    assert _title_time(doc.lines) == (None, None, None)
