"""Tables in every shape give one statement per filled cell.

Seed 002's appendix (PDF text whose cells broke over lines) against a key written by hand from
the text; tables one cell a line (web pages, with and without a unit column, the unit in the
name); a DOCX with two header rows; and one table written as Markdown, converted by LibreOffice
into DOCX and into a ruled PDF, read back to the same statements.
"""

from __future__ import annotations

import pytest
from extract_fixtures import SEED_002, need_seeds, soffice_convert

from chitieu.extract import extract, read_document
from chitieu.extract.document import Document

# Phụ lục 1 of seed 002, every filled cell: (line of the number, kind, low, high). Written from
# the text (lines 3536-3823); the comparison columns "So sánh giai đoạn 2021-2024 / 2021-2025"
# are results in %. "Trước năm 2023 … Chưa đạt" is a standard not met: a qualitative result.
APPENDIX_1 = [
    (3536, "target", 17, 19), (3536, "result", 2796, 2796), (3536, "result", 5164, 5164),
    (3536, "result", 6150, 6150), (3536, "result", 116.8, 116.8), (3537, "result", 117.08, 117.08),
    (3544, "result", 1677, 1677), (3544, "result", 2696, 2696), (3544, "result", 3484, 3484),
    (3544, "result", 112.6, 112.6), (3544, "result", 115.75, 115.75),
    (3546, "target", 10, 11), (3546, "result", 696, 696), (3546, "result", 881, 881),
    (3546, "result", 944, 944), (3546, "result", 106.1, 106.1), (3547, "result", 106.29, 106.29),
    (3557, "result", 536, 536), (3557, "result", 679.4, 679.4), (3557, "result", 735, 735),
    (3557, "result", 106.1, 106.1), (3557, "result", 106.52, 106.52),
    (3562, "result", 160, 160), (3562, "result", 201.8, 201.8), (3562, "result", 209, 209),
    (3562, "result", 106, 106), (3562, "result", 105.49, 105.49),
    (3564, "target", 4, 5), (3564, "result", 113.7, 113.7), (3564, "result", 126.8, 126.8),
    (3564, "result", 132.2, 132.2), (3564, "result", 102.7, 102.7), (3565, "result", 103, 103),
    (3575, "result", 83.8, 83.8), (3575, "result", 85.8, 85.8), (3575, "result", 88.1, 88.1),
    (3575, "result", 100.6, 100.6), (3575, "result", 101, 101),
    (3580, "result", 13.1, 13.1), (3580, "result", 18, 18), (3580, "result", 21, 21),
    (3580, "result", 108.3, 108.3), (3580, "result", 109.9, 109.9),
    (3585, "result", 16.9, 16.9), (3585, "result", 23, 23), (3585, "result", 23.2, 23.2),
    (3585, "result", 108, 108), (3585, "result", 106.5, 106.5),
    (3587, "target", 1.4, 1.5), (3589, "target", 85, 90), (3590, "result", 60, 60),
    (3590, "result", 77, 77), (3590, "result", 85, 85), (3594, "result", 106.9, 106.9),
    (3598, "target", 8, 9), (3598, "result", 98.1, 98.1), (3598, "result", 87.3, 87.3),
    (3598, "result", 126, 126), (3598, "result", 97.2, 97.2), (3599, "result", 106.46, 106.46),
    (3609, "result", 42.5, 42.5), (3609, "result", 46.9, 46.9), (3609, "result", 45, 45),
    (3609, "result", 102.49, 102.49), (3610, "result", 101.5, 101.5),
    (3617, "result", 55.6, 55.6), (3617, "result", 40.4, 40.4), (3617, "result", 81, 81),
    (3617, "result", 91.32, 91.32), (3617, "result", 109.8, 109.8),
    (3633, "target", 550, 600), (3637, "result", 467, 467),
    (3645, "result", 204, 204), (3652, "result", 263, 263),
    (3655, "target", 10, 15), (3661, "result", 15.6, 15.6),
    (3668, "target", 12, 15), (3674, "result", 18, 18),
    (3677, "target", 100, 100), (3677, "result", 95, 95), (3680, "result", 100, 100),
    (3686, "target", 70, 75), (3686, "result", 68, 68), (3686, "result", 78.9, 78.9), (3686, "result", 78, 78),
    (3691, "target", 98, None), (3691, "result", 98, 98), (3694, "result", 99, 99),
    (3705, "result", None, None),
    (3710, "target", 350, 400), (3710, "result", 380, 380), (3713, "result", 426, 426),
    (3719, "result", 20, 20), (3722, "result", 28, 28),
    (3724, "target", 80, 85), (3727, "result", 84.7, 84.7), (3727, "result", 86, 86),
    (3732, "target", 2, 2), (3735, "result", 2, 2),
    (3743, "target", 1, 1), (3746, "result", 1, 1),
    (3754, "target", 100, 100), (3754, "result", 100, 100), (3757, "result", 100, 100),
    (3762, "target", 100, 100), (3762, "result", 96, 96), (3765, "result", 100, 100),
    (3770, "target", 100, 100), (3773, "result", 100, 100),
    (3784, "result", 100, 100), (3787, "result", 100, 100),
    (3791, "result", 100, 100), (3794, "result", 100, 100),
    (3800, "result", 75, 75), (3800, "result", 92, 92), (3800, "result", 100, 100),
    (3803, "target", 600, 600), (3810, "result", 419, 419), (3816, "result", 600, 600), (3820, "result", 150, 150),
]

# Phụ lục 2 (lines 3858-4188), its numeric rows: cells one word a line in the PDF text. The rows
# of prose cells (the PAR index ranks) and the "Từ 85% trở lên"-style cells are not in this key.
APPENDIX_2 = [
    (4103, "target", 85, 85), (4103, "result", 85.71, 85.71), (4103, "result", 85.71, 85.71),
    (4103, "result", 90, 90), (4103, "result", 97.44, 97.44), (4111, "result", 87.68, 87.68),
    (4119, "target", 95, 95), (4119, "result", 95.41, 95.41), (4119, "result", 96.25, 96.25),
    (4119, "result", 96.9, 96.9), (4119, "result", 96.71, 96.71), (4127, "result", 95.87, 95.87),
    (4169, "target", 150, 200), (4172, "result", 62, 62), (4172, "result", 35, 35), (4172, "result", 30, 30),
    (4172, "result", 30, 30), (4172, "result", 67, 67), (4186, "result", 224, 224),
]


def _recall(key, statements) -> tuple[float, list]:
    """Greedy one-to-one matching as the scorer does: same kind, line within 3, same numbers."""
    free = list(statements)
    missed = []
    for line, kind, low, high in key:
        hit = next(
            (
                s
                for s in free
                if s.kind == kind
                and abs(s.line - line) <= 3
                and (low is None and high is None and s.op == "qualitative" or (s.low, s.high) == (low, high))
            ),
            None,
        )
        if hit is None:
            missed.append((line, kind, low, high))
        else:
            free.remove(hit)
    return 1 - len(missed) / len(key), missed


@pytest.fixture(scope="module")
def seed_002():
    need_seeds()
    return [s for s in extract(read_document(SEED_002)) if s.line >= 3512]


def test_every_filled_cell_of_appendix_1_is_a_statement(seed_002):
    recall, missed = _recall(APPENDIX_1, seed_002)
    assert recall >= 0.95, missed
    assert not missed  # all 120 today


def test_the_numeric_rows_of_appendix_2_give_every_cell(seed_002):
    recall, missed = _recall(APPENDIX_2, seed_002)
    assert recall >= 0.95, missed


def test_a_row_cell_has_its_column_year_kind_and_per_year(seed_002):
    row = [s for s in seed_002 if s.line in (3536, 3537)]
    target = next(s for s in row if s.kind == "target")
    assert (target.low, target.high, target.unit, target.per_year) == (17, 19, "%", True)
    years = {s.year: s.low for s in row if s.kind == "result" and s.unit == "tỷ đồng"}
    assert years == {2020: 2796, 2024: 5164, 2025: 6150}
    compared = {s.period: s.low for s in row if s.unit == "%" and s.kind == "result"}
    assert compared == {"2021-2024": 116.8, "2021-2025": 117.08}
    # the plan column of the same row is the latest result's compared target (same unit only)
    nursery = next(s for s in seed_002 if s.line == 3686 and s.year == 2025)
    assert nursery.compared_target == {"op": "range", "low": 70, "high": 75}
    # a cell labelled with its period: "GĐ 2021 - 2024: 419 hộ"
    assert next(s for s in seed_002 if s.low == 419).period == "2021-2024"


def _rows(lines, kind=None):
    got = extract(Document("t.txt", "text", tuple(lines)))
    return [
        (s.kind, s.indicator, s.low, s.high, s.unit, s.year, s.per_year)
        for s in got
        if kind is None or s.kind == kind
    ]


def test_a_table_one_cell_a_line_with_the_unit_in_the_name():
    lines = [
        "KẾT QUẢ MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU",
        "Chỉ tiêu",
        "Năm 2021",
        "Năm 2022",
        "Ước TH 2023",
        "Tốc độ tăng trưởng kinh tế (GDP) (%)",
        "7,5",
        "8,1",
        "6,9",
        "- Các ngành dịch vụ tăng (%)",
        "6,2",
        "7,0",
        "7,4",
        "GRDP bình quân đầu người (triệu đồng)",
        "62,5",
        "68,0",
        "74,3",
        "",
        "Năm 2023, tình hình kinh tế tiếp tục phục hồi.",
    ]
    assert _rows(lines) == [
        ("result", "Tốc độ tăng trưởng kinh tế (GDP)", 7.5, 7.5, "%", 2021, False),
        ("result", "Tốc độ tăng trưởng kinh tế (GDP)", 8.1, 8.1, "%", 2022, False),
        ("result", "Tốc độ tăng trưởng kinh tế (GDP)", 6.9, 6.9, "%", 2023, False),
        ("result", "Các ngành dịch vụ tăng", 6.2, 6.2, "%", 2021, False),
        ("result", "Các ngành dịch vụ tăng", 7.0, 7.0, "%", 2022, False),
        ("result", "Các ngành dịch vụ tăng", 7.4, 7.4, "%", 2023, False),
        # income per head is money per person per year, as in running text
        ("result", "GRDP bình quân đầu người", 62.5, 62.5, "triệu đồng/người/năm", 2021, False),
        ("result", "GRDP bình quân đầu người", 68.0, 68.0, "triệu đồng/người/năm", 2022, False),
        ("result", "GRDP bình quân đầu người", 74.3, 74.3, "triệu đồng/người/năm", 2023, False),
    ]


def test_a_table_one_cell_a_line_with_a_unit_column_a_plan_and_an_average_column():
    lines = [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "KH 2024",
        "TH 2024",
        "Tăng bình quân/năm (%)",
        "1",
        "Thu ngân sách trên địa bàn",
        "Tỷ đồng",
        "45",
        "47,2",
        "8,5",
        "2",
        "Tỷ lệ hộ nghèo",
        "%",
        "<2",
        "1,8",
        "a)",
        "Trong đó: hộ cận nghèo",
        "%",
        "3",
        "2,9",
    ]
    got = extract(Document("t.txt", "text", tuple(lines)))
    rows = [(s.kind, s.indicator, s.op, s.low, s.high, s.unit, s.year, s.per_year, s.compared_target) for s in got]
    # the plan beside the row's result is that result's compared target (one statement)
    assert rows == [
        ("result", "Thu ngân sách trên địa bàn", "=", 47.2, 47.2, "tỷ đồng", 2024, False,
         {"op": "=", "low": 45, "high": 45}),
        ("result", "Thu ngân sách trên địa bàn tăng bình quân/năm", "=", 8.5, 8.5, "%", None, True, None),
        # two values under three columns: an empty cell vanished somewhere, so only the first
        # value's column is certain; the other has no year rather than a wrong one
        ("result", "Tỷ lệ hộ nghèo", "=", 1.8, 1.8, "%", None, False, {"op": "<", "low": None, "high": 2}),
        ("result", "hộ cận nghèo", "=", 2.9, 2.9, "%", None, False, {"op": "=", "low": 3, "high": 3}),
    ]


def test_prose_is_not_taken_for_a_table_one_cell_a_line():
    from chitieu.extract.celllines import cell_line_tables

    # one row is no table; a sentence is no column label
    assert cell_line_tables(["Chỉ tiêu", "Năm 2024", "Thu ngân sách (tỷ đồng)", "45", "Xã đã hoàn thành."]) == (
        [],
        set(),
    )
    assert cell_line_tables(["Chỉ tiêu", "Năm 2024 xã đạt nhiều kết quả.", "Thu ngân sách đạt 45 tỷ đồng."]) == (
        [],
        set(),
    )


def test_a_docx_table_with_two_header_rows(tmp_path):
    from extract_fixtures import build_docx

    table = [
        ["STT", "Chỉ tiêu", "ĐVT", "Năm 2024", "Năm 2024", "Năm 2025", "Năm 2025"],
        ["", "", "", "KH", "TH", "KH", "Ước TH"],
        ["1", "Thu ngân sách", "tỷ đồng", "40", "42", "45", "47,2"],
    ]
    path = build_docx(tmp_path / "hai-dong.docx", [("Biểu số liệu", None), ("", None)], table, {})
    got = [(s.kind, s.low, s.year, s.compared_target) for s in extract(read_document(path))]
    # each year's result beside that year's plan: one statement each
    assert got == [
        ("result", 42, 2024, {"op": "=", "low": 40, "high": 40}),
        ("result", 47.2, 2025, {"op": "=", "low": 45, "high": 45}),
    ]


MARKDOWN = [
    "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2020-2025",
    "",
    "| STT | Chỉ tiêu | ĐVT | Chỉ tiêu Đại hội | Thực hiện 2020 | Thực hiện 2024 | Ước 2025 | Đánh giá |",
    "|---|---|---|---|---|---|---|---|",
    "| 1 | Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ | Tỷ đồng | 6.000 | 2.796 | 5.164 | 6.150 | Đạt |",
    "| 2 | Thu nhập bình quân đầu người | Triệu đồng | 85-90 | 60 | 77 | 85 | Đạt |",
    "| 3 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 100 | 95 | 98,5 | 100 | Đạt |",
    "| 4 | Tỷ lệ huy động vào nhà trẻ | % | 70-75 | 68 | 78,9 | 78 | Đạt |",
    "| 5 | Tổng thu ngân sách nhà nước trên địa bàn | Tỷ đồng | 130 | 98,1 | 87,3 | 126 | Không đạt |",
]


def _html(lines: list[str]) -> str:
    rows = [[c.strip() for c in x.strip().strip("|").split("|")] for x in lines if x.startswith("|")]
    rows = [r for r in rows if not all(set(c) <= {"-", ":"} for c in r)]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return (
        '<html><head><meta charset="utf-8"></head><body>'
        f"<p>{lines[0]}</p><table border=\"1\" cellspacing=\"0\">{body}</table></body></html>"
    )


def _facts(statements):
    return [
        (s.kind, s.indicator, s.op, s.low, s.high, s.unit, s.year, s.period, s.per_year, s.compared_target,
         s.stated_status)
        for s in statements
    ]


@pytest.mark.slow
def test_the_same_table_as_text_docx_and_ruled_pdf_gives_the_same_statements(tmp_path):
    html = tmp_path / "bang.html"
    html.write_text(_html(MARKDOWN), encoding="utf-8")
    text = _facts(extract(Document("bang.md", "text", tuple(MARKDOWN))))
    assert len(text) == 20  # 5 rows × (plan + three years)
    docx = soffice_convert(html, tmp_path, "docx:MS Word 2007 XML")
    pdf = soffice_convert(html, tmp_path, "pdf:writer_web_pdf_Export")
    assert _facts(extract(read_document(docx))) == text
    assert _facts(extract(read_document(pdf))) == text
