"""Tables whose columns are measures, not years ("Cây trồng | ĐVT | Diện tích (ha) | Năng suất
(tạ/ha) | Sản lượng (tấn) | So cùng kỳ (%)"): every filled cell is a result named by its column's
measure and its row's item, in the unit the column's brackets give, of the year the text reports;
a comparison column compares the measure before it. Cells apart by " | ", tabs or Markdown pipes.
"""

from __future__ import annotations

from chitieu.extract import extract
from chitieu.extract.document import Document
from chitieu.extract.tables import header_roles

DATE = "Hà Tĩnh, ngày 28 tháng 6 năm 2025"


def _facts(lines: list[str]) -> set[tuple]:
    got = extract(Document("t.txt", "text", tuple(lines)))
    return {(s.indicator, s.low, s.unit, s.year, s.kind, s.line) for s in got}


def test_crops_piped_without_outer_pipes():
    facts = _facts(
        [
            DATE,
            "Tình hình sản xuất nông nghiệp vụ Đông Xuân",
            "Bảng 1. Kết quả sản xuất một số cây trồng chính",
            "Cây trồng | ĐVT | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) | So cùng kỳ (%)",
            "Lúa | ha | 9.840 | 63,2 | 62.189 | 104,6",
            "Ngô | ha | 412 | 48,5 | 1.998 | 97,3",
        ]
    )
    assert {
        ("Diện tích lúa", 9840, "ha", 2025, "result", 5),
        ("Năng suất lúa", 63.2, "tạ/ha", 2025, "result", 5),
        ("Sản lượng lúa", 62189, "tấn", 2025, "result", 5),
        ("Sản lượng lúa so với cùng kỳ", 104.6, "%", 2025, "result", 5),
        ("Diện tích ngô", 412, "ha", 2025, "result", 6),
        ("Sản lượng ngô so với cùng kỳ", 97.3, "%", 2025, "result", 6),
    } <= facts
    assert len(facts) == 8


def test_livestock_with_tabs_and_no_unit_column():
    facts = _facts(
        [
            DATE,
            "Bảng 2. Chăn nuôi",
            "Vật nuôi\tTổng đàn (con)\tSản lượng thịt hơi (tấn)\tSo cùng kỳ (%)",
            "Trâu\t7.650\t412\t101,5",
            "Bò\t21.300\t1.280\t98,7",
        ]
    )
    assert facts == {
        ("Tổng đàn trâu", 7650, "con", 2025, "result", 4),
        ("Sản lượng thịt hơi trâu", 412, "tấn", 2025, "result", 4),
        ("Sản lượng thịt hơi trâu so với cùng kỳ", 101.5, "%", 2025, "result", 4),
        ("Tổng đàn bò", 21300, "con", 2025, "result", 5),
        ("Sản lượng thịt hơi bò", 1280, "tấn", 2025, "result", 5),
        ("Sản lượng thịt hơi bò so với cùng kỳ", 98.7, "%", 2025, "result", 5),
    }


def test_schools_as_markdown_the_year_of_the_heading():
    facts = _facts(
        [
            DATE,
            "## II. KẾT QUẢ GIÁO DỤC NĂM 2024",
            "| Cấp học | Số trường (trường) | Số lớp (lớp) | Số học sinh (học sinh) |",
            "|---|---|---|---|",
            "| Mầm non | 24 | 310 | 8.950 |",
            "| THCS | 18 | 265 | 10.120 |",
        ]
    )
    assert facts == {
        ("Số trường mầm non", 24, "trường", 2024, "result", 5),
        ("Số lớp mầm non", 310, "lớp", 2024, "result", 5),
        ("Số học sinh mầm non", 8950, "học sinh", 2024, "result", 5),
        ("Số trường THCS", 18, "trường", 2024, "result", 6),
        ("Số lớp THCS", 265, "lớp", 2024, "result", 6),
        ("Số học sinh THCS", 10120, "học sinh", 2024, "result", 6),
    }


def test_the_unit_in_brackets_wins_over_the_unit_column():
    facts = _facts(
        [
            DATE,
            "STT | Loại cây | ĐVT | Diện tích trồng mới (ha) | Giá trị (triệu đồng)",
            "1 | Keo | cây | 120 | 3.500",
        ]
    )
    assert facts == {
        ("Diện tích trồng mới keo", 120, "ha", 2025, "result", 3),
        ("Giá trị keo", 3500, "triệu đồng", 2025, "result", 3),
    }


def test_headers_that_are_no_measure_tables():
    # years, plan or result words, one measure only, a label with no unit: read as before
    assert header_roles(["Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2025"]) == ["name", "unit", "result", "result"]
    assert header_roles(["Chỉ tiêu", "Kế hoạch (ha)", "Thực hiện (ha)"]) == ["name", "target", "result"]
    assert header_roles(["Cây trồng", "Diện tích (ha)", "So cùng kỳ (%)"]) is None
    assert header_roles(["Cây trồng", "Diện tích (ha)", "Ghi chú"]) is None
    assert header_roles(["Cây trồng", "Diện tích (ha)", "Giống mới"]) is None
    assert header_roles(["Cây trồng", "So cùng kỳ (%)", "Diện tích (ha)", "Sản lượng (tấn)"]) is None


def test_the_year_of_a_place_and_date_line_below():
    # a press release dated at its foot: its rows are of that date's year
    facts = _facts(
        [
            "THÔNG CÁO BÁO CHÍ",
            "Cây trồng | Diện tích (ha) | Sản lượng (tấn)",
            "Lạc | 1.105 | 2.995",
            "Cẩm Xuyên, ngày 28/6/2025",
        ]
    )
    assert facts == {
        ("Diện tích lạc", 1105, "ha", 2025, "result", 3),
        ("Sản lượng lạc", 2995, "tấn", 2025, "result", 3),
    }
