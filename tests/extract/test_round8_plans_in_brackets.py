"""A plan quoted in brackets after its result (found by the blind texts of eval/synthetic-8, first
score F1 0,947): money written in full đồng is one family with money per head, so the plan is the
result's compared target; and a bracketed plan the reader cannot pair starts no list of targets,
so the sentences after it stay results."""

from __future__ import annotations

import pytest
from reading import plan_of, read_lines


@pytest.mark.parametrize(
    ("line", "low", "plan"),
    [
        (
            "Thu nhập bình quân đầu người đạt 71.000.000đ/người/năm (Nghị quyết 70.000.000đ), đạt chỉ tiêu.",
            71e6,
            70e6,
        ),
        (
            "Thu nhập bình quân đầu người năm 2025 đạt 58.500.000 đồng/người (kế hoạch 60.000.000 đồng), chưa đạt.",
            58.5e6,
            60e6,
        ),
        (
            "Mức chi bình quân mỗi học sinh đạt 1.250.000 đồng/học sinh (kế hoạch 1.200.000 đồng), vượt kế hoạch.",
            1.25e6,
            1.2e6,
        ),
    ],
)
def test_a_plan_in_full_dong_beside_money_per_head_is_the_compared_target(line, low, plan):
    got = read_lines(line)
    assert [(s.kind, s.low, plan_of(s)) for s in got] == [("result", low, plan)]


@pytest.mark.parametrize(
    "first",
    [
        "Tỷ lệ che phủ rừng đạt 42,5% (mục tiêu 45 ha).",
        "Sản lượng lương thực đạt 5.600 tấn (kế hoạch 95%).",
        "Thu nhập bình quân đầu người đạt 61 triệu đồng (Nghị quyết: tăng 8%/năm).",
    ],
)
def test_a_bracketed_plan_after_a_result_starts_no_list_of_targets(first):
    got = read_lines(first, "Thu ngân sách 2.145 triệu đồng, đạt 89,4% dự toán.", "Tỷ lệ hộ nghèo còn 2,1%.")
    assert [s.kind for s in got if s.line > 1] == ["result", "result", "result"]


def test_a_list_of_targets_still_goes_on():
    got = read_lines(
        "Các chỉ tiêu chủ yếu năm 2026:",
        "- Thu nhập bình quân đầu người đạt 75 triệu đồng (năm 2025: 68 triệu đồng);",
        "- Tỷ lệ hộ nghèo dưới 1,5%;",
        "- Thu ngân sách 2.400 triệu đồng.",
    )
    figures = [(s.kind, s.low if s.low is not None else s.high) for s in got if s.low != 68]
    assert figures == [("target", 75), ("target", 1.5), ("target", 2400)]


@pytest.mark.parametrize(
    ("note", "unit"),
    [("(Đơn vị: tỷ đồng)", "tỷ đồng"), ("Đơn vị: triệu đồng", "triệu đồng"), ("(Đơn vị : ha)", "ha")],
)
def test_a_unit_note_written_don_vi_gives_a_table_its_unit(note, unit):
    got = read_lines(
        "Biểu 01: KẾT QUẢ NĂM 2024",
        note,
        "STT | Nội dung | Thực hiện 2023 | Ước thực hiện 2024",
        "1 | Thu nội địa | 3.486,5 | 3.612,4",
        "2 | Chi thường xuyên | 8.512,3 | 8.740,8",
    )
    assert {(s.low, s.unit) for s in got} == {(3486.5, unit), (3612.4, unit), (8512.3, unit), (8740.8, unit)}


def test_an_office_named_after_don_vi_is_no_unit_note():
    got = read_lines(
        "Đơn vị: Phòng Tài chính - Kế hoạch",
        "STT | Chỉ tiêu | ĐVT | Thực hiện 2024",
        "1 | Thu nội địa | triệu đồng | 3.612,4",
        "2 | Diện tích lúa | ha | 1.046,5",
    )
    assert {(s.low, s.unit) for s in got} == {(3612.4, "triệu đồng"), (1046.5, "ha")}
