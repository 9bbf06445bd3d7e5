"""Numbers as Vietnamese reports write them, read into values, units and bounds."""

from __future__ import annotations

import pytest

from chitieu.extract import extract
from chitieu.extract.document import Document


def read(text: str, heading: str = "1. Kết quả thực hiện các chỉ tiêu"):
    doc = Document("t.txt", "text", (heading, *text.split("\n")))
    return [(s.kind, s.op, s.low, s.high, s.unit, s.per_year) for s in extract(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tổng thu ngân sách đạt 1.246,695 tỷ đồng.", ("result", "=", 1246.695, 1246.695, "tỷ đồng", False)),
        ("Tổng chi ngân sách là 16 tỷ 434 triệu đồng.", ("result", "=", 16.434, 16.434, "tỷ đồng", False)),
        ("Năng suất lúa đạt 71,37tấn/ha.", ("result", "=", 71.37, 71.37, "tấn/ha", False)),
        (
            "Thu nhập bình quân đầu người đạt 71.000.000đ/người/năm.",
            ("result", "=", 71000000, 71000000, "đồng/người/năm", False),
        ),
        ("Tỷ suất sinh thô là 14,2%0.", ("result", "=", 14.2, 14.2, "‰", False)),
        ("Sản lượng lương thực đạt 286 tấn/năm.", ("result", "=", 286, 286, "tấn", True)),
        ("Tỷ lệ hộ nghèo còn dưới 1,5%.", ("result", "<", None, 1.5, "%", False)),
        ("Mức giảm tỷ lệ hộ nghèo đạt từ 0,4% trở lên.", ("result", ">=", 0.4, None, "%", False)),
        ("Tỷ lệ lao động qua đào tạo tối thiểu 70%.", ("result", ">=", 70, None, "%", False)),
        ("Tỷ lệ thất nghiệp không quá 3%.", ("result", "<=", None, 3, "%", False)),
        (
            "Thu nhập bình quân đầu người đạt 65 triệu đồng/năm.",
            ("result", "=", 65, 65, "triệu đồng/người/năm", False),
        ),
        # a range of a yearly rate is how a plan is written (issue 12): a target even with no heading
        ("Tổng mức bán lẻ tăng 19 - 21%/năm.", ("target", "range", 19, 21, "%", True)),
        ("Giải quyết việc làm hàng năm: 80- 100 lao động.", ("target", "range", 80, 100, "lao động", True)),
    ],
)
def test_a_number_style_reads_to_its_value_and_unit(text, expected):
    assert read(text) == [expected]


def test_a_result_over_its_plan_with_a_slash_gives_the_plan_as_compared_target():
    doc = Document(
        "t.txt", "text", ("Kết quả thực hiện", "Giải quyết việc làm 158/100 lao động, đạt 158% kế hoạch.")
    )
    first, second = extract(doc)
    assert (first.low, first.unit, first.compared_target) == (
        158,
        "lao động",
        {"op": "=", "low": 100, "high": 100},
    )
    assert (second.low, second.unit, second.compared_target) == (158, "%", None)


def test_a_count_over_its_total_gives_the_count_only():
    doc = Document(
        "t.txt", "text", ("Kết quả thực hiện", "Có 1.471/1.535 hộ đạt danh hiệu gia đình văn hóa.")
    )
    (only,) = extract(doc)
    assert (only.low, only.unit, only.compared_target) == (1471, "hộ", None)


def test_tone_mark_styles_do_not_change_the_reading():
    old = read("Tỷ lệ hộ gia đình văn hoá đạt 98% (chỉ tiêu hoà 95%).")
    new = read("Tỷ lệ hộ gia đình văn hóa đạt 98% (chỉ tiêu hòa 95%).")
    assert old == new


def test_dates_document_numbers_and_numbering_are_not_numbers_of_indicators():
    text = "(3) Thực hiện Nghị quyết số 15/NQ-HĐND ngày 04/8/2021, Covid-19 và Đề án 06 trong giai đoạn 2021-2025."
    assert read(text) == []


def test_a_sentence_broken_over_lines_reports_the_line_of_its_number():
    doc = Document(
        "t.txt",
        "text",
        (
            "1. Kết quả thực hiện",
            "- Tỷ lệ người dân tham gia bảo hiểm y tế năm 2020",
            "",
            "đạt 94,1% (chỉ tiêu trên",
            "",
            "80%).",
        ),
    )
    (s,) = extract(doc)
    assert (s.line, s.low, s.year, s.compared_target) == (4, 94.1, 2020, {"op": ">", "low": 80, "high": None})


def test_next_year_targets_inside_a_results_section_are_targets():
    (s,) = extract(
        Document("t.txt", "text", ("Kết quả thực hiện năm 2024", "Năm 2025 phấn đấu tỷ lệ hộ nghèo dưới 1%."))
    )
    assert (s.kind, s.op, s.high, s.year) == ("target", "<", 1, 2025)
