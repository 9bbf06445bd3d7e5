"""Every filled cell of an appendix table is a statement, its prose cells too.

Seed 002's Phụ lục 2 (party building: the PAR index ranks and ratings, "Từ 85% trở lên", "Đạt 3%
tổng số đảng viên (66)", "Chưa thành lập") against a key written by hand from the text, with
Phụ lục 1's key (``test_table_shapes.APPENDIX_1``); then tables of other shapes with prose cells,
written in the way district and commune reports write them: a Markdown/DOCX table, a web table one
cell a line, and a PDF table one word a line. A cell that is a note and not a figure ("Đang cập
nhật", "Không đánh giá", "Chưa đánh giá") states nothing.
"""

from __future__ import annotations

import pytest
from extract_fixtures import SEED_002, need_seeds
from test_table_shapes import APPENDIX_1, _recall

from chitieu.extract import extract, read_document
from chitieu.extract.document import Document

# Phụ lục 2 of seed 002 (lines 3858-4188), every filled cell. Read from the text: the columns are
# TT | Tên chỉ tiêu | ĐVT | Chỉ tiêu NQ ĐH VII | Thực hiện 2020 … 2024 | Ước thực hiện 2025 |
# Thực hiện 2020-2024 | So sánh với chỉ tiêu NQ. Row 4 fixes the order of the last three: its
# five years (62 + 35 + 30 + 30 + 67) sum to the 224 of "Thực hiện 2020-2024", so "Đạt 3% tổng số
# đảng viên (66)" and "Từ 85% trở lên" stand under "Ước thực hiện năm 2025": estimates of 2025
# given as a floor (results, op ≥), not the plan (85 and 95 are the plan). A run of two spaces
# between figures ("% 85  85,71") is the empty 2020 cell; "-" fills a cell with nothing (not
# counted as a statement). A verdict cell ("Vượt", "Năm 2022 không nằm trong top 3 …") is the
# status of the result it judges; a verdict with no result beside it ("Chưa thành lập") is a
# qualitative result. A rating is a qualitative statement whose unit names the option ("xếp loại
# Tốt", what core's ``read_ordinal`` reads); a rank has the unit "hạng" (1 the best; "nằm trong
# tốp 3" is at most 3).
# (line, kind, op, low, high, unit, year, period, status)
APPENDIX_2 = [
    # 1. Chỉ số cải cách hành chính (PAR INDEX) hằng năm: "Đạt loại tốt, nằm trong tốp 3 …"
    (3960, "target", "qualitative", None, None, "xếp loại Tốt", None, None, None),
    (3964, "target", "<=", None, 3, "hạng", None, None, None),
    (3978, "result", "=", 84.45, 84.45, "điểm", 2020, None, None),
    (3984, "result", "qualitative", None, None, "xếp loại Tốt", 2020, None, None),
    (3988, "result", "=", 3, 3, "hạng", 2020, None, None),
    (4000, "result", "=", 87.27, 87.27, "điểm", 2021, None, None),
    (4006, "result", "qualitative", None, None, "xếp loại Tốt", 2021, None, None),
    (4010, "result", "=", 1, 1, "hạng", 2021, None, None),
    (4022, "result", "=", 85.22, 85.22, "điểm", 2022, None, None),
    (4028, "result", "qualitative", None, None, "xếp loại Tốt", 2022, None, None),
    (4032, "result", "=", 4, 4, "hạng", 2022, None, "khong_dat"),  # "Năm 2022 không nằm trong top 3"
    (4044, "result", "=", 90.07, 90.07, "điểm", 2023, None, None),
    (4050, "result", "qualitative", None, None, "xếp loại Tốt", 2023, None, None),
    (4054, "result", "=", 7, 7, "hạng", 2023, None, None),
    (4066, "result", "=", 88.78, 88.78, "điểm", 2024, None, None),
    (4072, "result", "qualitative", None, None, "xếp loại Tốt", 2024, None, None),
    (4076, "result", "=", 8, 8, "hạng", 2024, None, None),
    # 2. TCCSĐ hoàn thành tốt nhiệm vụ: % 85 [2020 empty] 85,71 85,71 90 97,44 | Từ 85% trở lên | 87,68 | Vượt
    (4103, "target", "=", 85, 85, "%", None, None, None),
    (4103, "result", "=", 85.71, 85.71, "%", 2021, None, None),
    (4103, "result", "=", 85.71, 85.71, "%", 2022, None, None),
    (4103, "result", "=", 90, 90, "%", 2023, None, None),
    (4103, "result", "=", 97.44, 97.44, "%", 2024, None, None),
    (4107, "result", ">=", 85, None, "%", 2025, None, None),
    (4111, "result", "=", 87.68, 87.68, "%", None, "2020-2024", "vuot"),
    #    Đảng viên hoàn thành tốt nhiệm vụ
    (4119, "target", "=", 95, 95, "%", None, None, None),
    (4119, "result", "=", 95.41, 95.41, "%", 2021, None, None),
    (4119, "result", "=", 96.25, 96.25, "%", 2022, None, None),
    (4119, "result", "=", 96.9, 96.9, "%", 2023, None, None),
    (4119, "result", "=", 96.71, 96.71, "%", 2024, None, None),
    (4123, "result", ">=", 90, None, "%", 2025, None, None),
    (4127, "result", "=", 95.87, 95.87, "%", None, "2020-2024", None),
    # 3. Thành lập mới tổ chức đảng … (trong nhiệm kỳ): 2 - 3 | - - - - - | | | Chưa thành lập
    (4143, "target", "range", 2, 3, "tổ chức đảng", None, None, None),
    (4143, "result", "qualitative", None, None, None, None, None, "khong_dat"),
    #    Kết nạp đảng viên trong doanh nghiệp … hàng năm: 2 - 3 | - - - 2 2 | Mới đạt được 40% KH cả NK
    (4156, "target", "range", 2, 3, "đảng viên", None, None, None),
    (4156, "result", "=", 2, 2, "đảng viên", 2023, None, None),
    (4156, "result", "=", 2, 2, "đảng viên", 2024, None, "khong_dat"),
    (4160, "result", "=", 40, 40, "%", None, None, "khong_dat"),
    # 4. Kết nạp đảng viên: 150 - 200 | 62 35 30 30 67 | Đạt 3% tổng số đảng viên (66) | 224 | Vượt
    (4169, "target", "range", 150, 200, "đảng viên", None, None, None),
    (4172, "result", "=", 62, 62, "đảng viên", 2020, None, None),
    (4172, "result", "=", 35, 35, "đảng viên", 2021, None, None),
    (4172, "result", "=", 30, 30, "đảng viên", 2022, None, None),
    (4172, "result", "=", 30, 30, "đảng viên", 2023, None, None),
    (4172, "result", "=", 67, 67, "đảng viên", 2024, None, None),
    (4176, "result", "=", 3, 3, "%", 2025, None, None),
    (4184, "result", "=", 66, 66, "đảng viên", 2025, None, None),
    (4186, "result", "=", 224, 224, "đảng viên", None, "2020-2024", "vuot"),
]
# Phụ lục 2 has 37 filled cells (dashes not counted: 7 + 8 + 7 + 2 + 4 + 9 over its six rows); a
# cell in words holds up to three statements (a score, a rating, a rank), hence 46 rows.


def _match(key, statements):
    """Greedy one-to-one: same kind and op, line within 3, same numbers (a rating: same option).
    Returns the matched pairs and the key rows missed."""
    free = list(statements)
    pairs, missed = [], []
    for row in key:
        line, kind, op, low, high, unit = row[:6]
        hit = next(
            (
                s
                for s in free
                if s.kind == kind
                and s.op == op
                and abs(s.line - line) <= 3
                and (s.low, s.high) == (low, high)
                and (op != "qualitative" or unit is None or s.unit == unit)
            ),
            None,
        )
        if hit is None:
            missed.append(row)
        else:
            free.remove(hit)
            pairs.append((row, hit))
    return pairs, missed


@pytest.fixture(scope="module")
def seed_002():
    need_seeds()
    return [s for s in extract(read_document(SEED_002)) if s.line >= 3512]


def test_every_filled_cell_of_appendix_2_is_a_statement(seed_002):
    pairs, missed = _match(APPENDIX_2, [s for s in seed_002 if s.line >= 3858])
    recall = len(pairs) / len(APPENDIX_2)
    assert recall >= 0.95, missed
    assert not missed  # 46 of 46 today


def test_appendix_2_statements_have_their_column_year_period_unit_and_verdict(seed_002):
    pairs, _missed = _match(APPENDIX_2, [s for s in seed_002 if s.line >= 3858])
    wrong = [
        (row, (s.unit, s.year, s.period, s.stated_status))
        for row, s in pairs
        if (s.unit, s.year, s.period, s.stated_status) != row[5:]
    ]
    assert 1 - len(wrong) / len(pairs) >= 0.95, wrong
    assert not wrong


def test_appendix_1_and_2_together_and_each_reach_the_recall_of_issue_12(seed_002):
    recall_1, missed_1 = _recall(APPENDIX_1, seed_002)
    pairs, missed_2 = _match(APPENDIX_2, [s for s in seed_002 if s.line >= 3858])
    recall_2 = len(pairs) / len(APPENDIX_2)
    together = 1 - (len(missed_1) + len(missed_2)) / (len(APPENDIX_1) + len(APPENDIX_2))
    assert recall_1 >= 0.95 and recall_2 >= 0.95, (missed_1, missed_2)
    assert together >= 0.95
    assert (len(APPENDIX_1), len(APPENDIX_2)) == (120, 46)


def test_a_rating_and_a_rank_in_a_cell_are_read_as_core_reads_them(seed_002):
    from chitieu.core.indicators import Indicator, Kind
    from chitieu.core.options import read_ordinal

    rating = next(s for s in seed_002 if s.line == 4072)
    assert (rating.indicator, rating.unit) == ("Xếp loại chỉ số cải cách hành chính (PAR INDEX) hằng năm",
                                               "xếp loại Tốt")
    par = Indicator(code="CC08", name="Xếp loại chỉ số CCHC", unit=None, kind=Kind.OPTION, direction="lower",
                    domain="cai_cach_hanh_chinh", aggregation="none", options=("Tốt", "Khá", "Trung bình", "Yếu"))
    assert read_ordinal(par, rating.unit) == 1
    rank = next(s for s in seed_002 if s.line == 4076)
    assert (rank.indicator, rank.low, rank.unit) == ("Thứ hạng chỉ số cải cách hành chính (PAR INDEX) hằng năm", 8, "hạng")
    # the plan's "nằm trong tốp 3" is what the latest rank is compared with, and it holds every year
    assert rank.compared_target == {"op": "<=", "low": None, "high": 3}
    top = next(s for s in seed_002 if s.line == 3964)
    assert (top.kind, top.op, top.high, top.per_year) == ("target", "<=", 3, True)


def _facts(statements):
    return [
        (s.line, s.kind, s.indicator, s.op, s.low, s.high, s.unit, s.year, s.compared_target, s.stated_status)
        for s in statements
    ]


def test_a_markdown_table_with_ratings_ranks_floors_and_notes():
    lines = [
        "BIỂU 02. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2024",
        "",
        "| STT | Chỉ tiêu | ĐVT | Kế hoạch 2024 | Thực hiện 2024 | Đánh giá |",
        "|---|---|---|---|---|---|",
        "| 1 | Tỷ lệ hồ sơ giải quyết đúng hạn | % | Từ 98% trở lên | 99,2 | Đạt |",
        "| 2 | Chỉ số hài lòng của người dân (SIPAS) | % | Trên 85% | Đang cập nhật | |",
        "| 3 | Xếp loại chính quyền cơ sở | | Xếp loại Tốt trở lên | Xếp loại Khá | Không đạt |",
        "| 4 | Thứ hạng Chỉ số cải cách hành chính của huyện | | Nằm trong tốp 5 | Xếp thứ 7/19 | Không đạt |",
        "| 5 | Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến toàn trình | % | 50 | Không đánh giá | |",
    ]
    # a plan beside its result is that result's compared target (one statement); a rating's plan
    # (no figure to compare) and a plan with no result stay targets
    assert _facts(extract(Document("bieu.md", "text", tuple(lines)))) == [
        (5, "result", "Tỷ lệ hồ sơ giải quyết đúng hạn", "=", 99.2, 99.2, "%", 2024,
         {"op": ">=", "low": 98, "high": None}, "dat"),
        # "Đang cập nhật" is a note: the plan stays, no result is made up
        (6, "target", "Chỉ số hài lòng của người dân (SIPAS)", ">", 85, None, "%", 2024, None, None),
        (7, "target", "Xếp loại chính quyền cơ sở", "qualitative", None, None, "xếp loại Tốt trở lên", 2024, None, None),
        (7, "result", "Xếp loại chính quyền cơ sở", "qualitative", None, None, "xếp loại Khá", 2024, None, "khong_dat"),
        (8, "result", "Thứ hạng Chỉ số cải cách hành chính của huyện", "=", 7, 7, "hạng", 2024,
         {"op": "<=", "low": None, "high": 5}, "khong_dat"),
        # "Không đánh giá" is no verdict "không đạt" and no figure
        (9, "target", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến toàn trình", "=", 50, 50, "%", 2024,
         None, None),
    ]


WEB_TABLE = """KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU XÂY DỰNG ĐẢNG NĂM 2024
STT
Chỉ tiêu
Kế hoạch 2024
Thực hiện 2024
Đánh giá
1
Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (%)
Từ 85% trở lên
88,2
Đạt
2
Kết nạp đảng viên mới (đảng viên)
45
52
Vượt
3
Xếp loại chính quyền cơ sở
Xếp loại Tốt
Xếp loại Khá
Không đạt
4
Thứ hạng Chỉ số cải cách hành chính của xã trong huyện
Nằm trong tốp 5
Xếp thứ 3/21
Đạt
5
Chỉ số hài lòng của người dân (%)
Trên 80%
Đang cập nhật
Không đánh giá
6
Số đảng viên được tặng Huy hiệu Đảng (đảng viên)
30
34
Vượt

Năm 2024, công tác xây dựng Đảng tiếp tục được quan tâm.""".split("\n")


def test_a_web_table_one_cell_a_line_with_prose_cells_and_notes():
    # (a plan beside its result is that result's compared target: one statement)
    assert _facts(extract(Document("trang.txt", "text", tuple(WEB_TABLE)))) == [
        (10, "result", "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ", "=", 88.2, 88.2, "%", 2024,
         {"op": ">=", "low": 85, "high": None}, "dat"),
        (15, "result", "Kết nạp đảng viên mới", "=", 52, 52, "đảng viên", 2024, {"op": "=", "low": 45, "high": 45},
         "vuot"),
        (19, "target", "Xếp loại chính quyền cơ sở", "qualitative", None, None, "xếp loại Tốt", 2024, None, None),
        (20, "result", "Xếp loại chính quyền cơ sở", "qualitative", None, None, "xếp loại Khá", 2024, None,
         "khong_dat"),
        (25, "result", "Thứ hạng Chỉ số cải cách hành chính của xã trong huyện", "=", 3, 3, "hạng", 2024,
         {"op": "<=", "low": None, "high": 5}, "dat"),
        # row 5: its plan only; "Đang cập nhật" / "Không đánh giá" are notes, and the table goes on
        (29, "target", "Chỉ số hài lòng của người dân", ">", 80, None, "%", 2024, None, None),
        (35, "result", "Số đảng viên được tặng Huy hiệu Đảng", "=", 34, 34, "đảng viên", 2024,
         {"op": "=", "low": 30, "high": 30}, "vuot"),
    ]


def test_a_row_name_that_speaks_of_a_rating_is_not_taken_for_a_rating_cell():
    from chitieu.extract.celllines import _prose_value

    assert _prose_value("Xếp loại Tốt") and _prose_value("Đạt loại khá trở lên") and _prose_value("Xếp thứ 3/21")
    assert _prose_value("Đang cập nhật") and _prose_value("Không đánh giá")
    assert not _prose_value("Xếp loại đảng viên")  # a row's name: its words after "loại" are no option
    assert not _prose_value("Thứ hạng Chỉ số cải cách hành chính của xã trong huyện")


PDF_TABLE = """Biểu 01
KẾT QUẢ CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH CỦA HUYỆN

TT
Chỉ tiêu
ĐVT
Mục tiêu
Năm 2022
Năm 2023
Năm 2024
So sánh với mục tiêu
1.
Chỉ số cải cách
hành chính (PAR
INDEX) của huyện
Xếp loại
Khá trở
lên
Xếp loại
Khá,
đứng thứ
6/9
Xếp loại
Tốt,
đứng thứ
2/9
Đạt 86,1
điểm, xếp
loại Tốt
Đạt
2.
Chỉ số hài lòng
của người dân
(SIPAS)
%
Trên 80
78,5
82,3
Đang cập
nhật
Chưa đánh giá
3.
Số hồ sơ thủ tục
hành chính tiếp
nhận trực tuyến
Hồ sơ
5.000
4.120
5.310
Đang cập nhật
Không đánh giá
4.
Tỷ lệ hài lòng về
giải quyết thủ tục
đất đai
%
Không đánh giá
""".split("\n")


def test_a_pdf_table_one_word_a_line_with_prose_cells_and_notes():
    par = "chỉ số cải cách hành chính (PAR INDEX) của huyện"
    sipas = "Chỉ số hài lòng của người dân (SIPAS)"
    online = "Số hồ sơ thủ tục hành chính tiếp nhận trực tuyến"
    assert _facts(extract(Document("bieu.txt", "text", tuple(PDF_TABLE)))) == [
        (17, "target", f"Xếp loại {par}", "qualitative", None, None, "xếp loại Khá trở lên", None, None, None),
        (20, "result", f"Xếp loại {par}", "qualitative", None, None, "xếp loại Khá", 2022, None, None),
        (22, "result", f"Thứ hạng {par}", "=", 6, 6, "hạng", 2022, None, None),
        (24, "result", f"Xếp loại {par}", "qualitative", None, None, "xếp loại Tốt", 2023, None, None),
        (26, "result", f"Thứ hạng {par}", "=", 2, 2, "hạng", 2023, None, None),
        (27, "result", "Chỉ số cải cách hành chính (PAR INDEX) của huyện", "=", 86.1, 86.1, "điểm", 2024, None, None),
        # the plan is a rating: the verdict "Đạt" is the latest rating's
        (29, "result", f"Xếp loại {par}", "qualitative", None, None, "xếp loại Tốt", 2024, None, "dat"),
        (36, "target", sipas, ">", 80, None, "%", None, None, None),
        (37, "result", sipas, "=", 78.5, 78.5, "%", 2022, None, None),
        (38, "result", sipas, "=", 82.3, 82.3, "%", 2023, {"op": ">", "low": 80, "high": None}, None),
        # 2024 "Đang cập nhật", "Chưa đánh giá": notes, no statement
        (47, "target", online, "=", 5000, 5000, "hồ sơ", None, None, None),
        (48, "result", online, "=", 4120, 4120, "hồ sơ", 2022, None, None),
        (49, "result", online, "=", 5310, 5310, "hồ sơ", 2023, {"op": "=", "low": 5000, "high": 5000}, None),
        # row 4 holds nothing but a note
    ]
