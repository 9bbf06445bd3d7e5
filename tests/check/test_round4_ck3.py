"""Checker round 4, helper ck3 (blind set checker-4): ratio (a part "trên tổng số" its whole; a
numbered table's ratio column by the formula its note gives; a plan and its share with no result,
against the result stated before), sum (a list mark in a sentence of its own; months or quarters
that make the total's period; a total over n years against the table row of those years; a
numbered table's sub-rows; "Trong tổng <whole>, part, part"). Each rule with variants written for
these tests and look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from chitieu.check import check_text


def findings(text: str, kind: str | None = None):
    return [f for f in check_text(text) if kind is None or f.type == kind]


# --- ratio: a part written over its whole in words ------------------------------------------------
@pytest.mark.parametrize("text", [
    "Cái được là bảo hiểm y tế: hiện có 17.420 người tham gia trên tổng số 18.360 nhân khẩu, tỷ lệ bao phủ 96,2%.\n",
    "Toàn xã có 1.215 hộ sử dụng nước sạch trên tổng số 1.380 hộ, đạt tỷ lệ 90,5%.\n",
    "Đã có 412 hộ trong số 520 hộ được hỗ trợ, tỷ lệ 82,4%.\n",
    "Toàn huyện có 48 trường đạt chuẩn quốc gia trong tổng số 60 trường, chiếm 85%.\n",
])
def test_a_part_over_the_whole_its_words_name(text):
    [f] = findings(text, "ratio")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Hiện có 17.420 người tham gia trên tổng số 18.360 nhân khẩu, tỷ lệ bao phủ 94,9%.\n",
    "Toàn xã có 1.215 hộ sử dụng nước sạch trên tổng số 1.380 hộ, đạt tỷ lệ 88%.\n",  # 88,04 rounds to 88
    "Có 33 hộ trên tổng số 40 hộ đăng ký, tỷ lệ 83%.\n",  # 82,5 rounds half up
    "Có 1.215 hộ sử dụng nước sạch trên địa bàn 6 thôn, tỷ lệ 90,5%.\n",  # "trên địa bàn": no whole
])
def test_a_part_over_its_whole_stays_silent_when_right(text):
    assert findings(text, "ratio") == []


# --- ratio: a numbered table and the formula its note gives ----------------------------------------
_TABLE = (
    "Ghi chú cột: (4) TH 2024; (5) KH 2025; (6) TH 2025; (7) = (6)/(5) %; (8) = (6)/(4) %\n"
    "TT | Chỉ tiêu | ĐVT | (4) | (5) | (6) | (7) | (8)\n"
    "1 | Tổng giá trị sản xuất | tỷ đồng | 1.835,6 | 2.010,0 | 2.048,3 | 101,9 | 111,6\n"
    "2 | Sản lượng lương thực có hạt | tấn | 9.420 | 9.600 | {total} | 101,2 | 103,1\n"
    "- | Trong đó: thóc | tấn | 8.012 | 8.150 | 8.205 | 100,7 | 102,4\n"
    "- | Trong đó: ngô | tấn | 1.408 | 1.450 | 1.487 | 102,6 | 105,6\n"
    "3 | Thu ngân sách trên địa bàn | triệu đồng | 21.340 | 22.000 | 24.118 | {ratio} | 113,0\n"
    "4 | Số doanh nghiệp thành lập mới | DN | 14 | 15 | 17 | 113,3 | 121,4\n"
    "5 | Tỷ lệ hộ nghèo | % | 4,8 | 3,5 | 4,2 |  | \n"
)


def test_a_ratio_column_by_its_formula():
    [f] = findings(_TABLE.format(total="9.712", ratio="108,6"), "ratio")
    assert f.lines == (7,) and f.figures[0] == "108,6"
    assert findings(_TABLE.format(total="9.712", ratio="109,6"), "ratio") == []


@pytest.mark.parametrize("note", [
    "(1) Chỉ tiêu; (2) Dự toán năm; (3) Ước thực hiện; (4) = (3)/(2)\n",
    "Cột (4) = (3) : (2), tính bằng %; cột (2) là dự toán HĐND giao.\n",
])
def test_other_formula_notes(note):
    text = note + "Nội dung | (2) | (3) | (4)\nThu ngân sách xã | 8.000 | 8.426 | 107,9\nChi thường xuyên | 19.120 | 19.732 | 103,2\n"
    [f] = findings(text, "ratio")
    assert f.figures[0] == "107,9"  # 105,3


def test_a_formula_over_last_year_is_not_a_plan_ratio():
    text = "(4) TH 2024; (5) TH 2025; (6) = (5)/(4)\nChỉ tiêu | (4) | (5) | (6)\nThu ngân sách | 8.000 | 8.426 | 107,9\nChi | 100 | 110 | 120\nKhác | 1 | 2 | 3\n"
    assert findings(text, "ratio") == []


# --- sum: a numbered table's sub-rows ------------------------------------------------------------
def test_sub_rows_of_a_numbered_table():
    [f] = findings(_TABLE.format(total="9.712", ratio="109,6"), "sum")
    assert f.lines == (4, 5, 6) and f.figures == ("9.712", "8.205", "1.487")
    assert findings(_TABLE.format(total="9.692", ratio="109,6"), "sum") == []


# --- sum: a list mark in a sentence of its own -----------------------------------------------------
@pytest.mark.parametrize("text", [
    "1. Thu được hưởng theo phân cấp: 8.426 triệu đồng, bằng 106,7% dự toán (7.900 triệu đồng).\n"
    "Thu đạt khá nhờ đấu giá đất.\nTrong đó chi tiết:\n- Thuế: 3.115 triệu đồng;\n- Phí, lệ phí: 1.042 triệu đồng;\n"
    "- Tiền sử dụng đất: 3.869 triệu đồng;\n- Thu khác: 500 triệu đồng.\n",
    "Tổng diện tích gieo trồng đạt 1.846 ha. Cụ thể như sau:\n+ Lúa: 1.210 ha;\n+ Ngô: 384 ha;\n+ Rau màu: 282 ha.\n",
    "Tổng số hộ nghèo cuối năm 258 hộ. Chi tiết các thôn:\n- Thôn 1: 80 hộ;\n- Thôn 2: 95 hộ;\n- Thôn 3: 93 hộ.\n",
])
def test_a_mark_standing_apart(text):
    [f] = findings(text, "sum")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Tổng diện tích gieo trồng đạt 1.846 ha. Cụ thể như sau:\n+ Lúa: 1.210 ha;\n+ Ngô: 384 ha;\n+ Rau màu: 252 ha.\n",
    # two items only: "Trong đó" often names some parts
    "Tổng chi ngân sách ước 12.486,3 tỷ đồng. Trong đó:\n- Chi đầu tư 3.215,8 tỷ đồng;\n- Chi thường xuyên 8.740,8 tỷ đồng.\n",
    # a figure between the total and the mark: which one is broken down is not said
    "Tổng thu 8.426 triệu đồng. Năm trước thu 7.100 triệu đồng. Trong đó:\n- Thuế: 3.115 triệu đồng;\n- Phí: 1.042 triệu đồng;\n- Đất: 3.869 triệu đồng.\n",
])
def test_a_mark_standing_apart_stays_silent(text):
    assert findings(text, "sum") == []


# --- sum: the months or quarters that make a period -----------------------------------------------
@pytest.mark.parametrize("text", [
    "Bộ phận một cửa tiếp nhận: tháng 1 là 412 hồ sơ, tháng 2 là 365 hồ sơ, tháng 3 là 498 hồ sơ.\nTổng cộng quý I tiếp nhận 1.305 hồ sơ, 100% đúng hạn.\n",
    "Tổng cộng 6 tháng đầu năm thu 6.300 triệu đồng; quý I thu 2.950 triệu đồng, quý II thu 3.150 triệu đồng.\n",
    "Sản lượng 9 tháng đạt 25.055 tấn, quý IV đạt 8.100 tấn; tổng cả năm ước 33.555 tấn.\n",
    "Tháng 10 đón 120 nghìn lượt, tháng 11 đón 98 nghìn lượt, tháng 12 đón 141 nghìn lượt; tính chung quý IV đón 369 nghìn lượt.\n",
])
def test_sub_periods_against_their_total(text):
    [f] = findings(text, "sum")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Tiếp nhận: tháng 1 là 412 hồ sơ, tháng 2 là 365 hồ sơ, tháng 3 là 498 hồ sơ.\nTổng cộng quý I tiếp nhận 1.275 hồ sơ.\n",
    # not the whole period: two months of a quarter
    "Tháng 1 tiếp nhận 412 hồ sơ, tháng 2 là 365 hồ sơ.\nTổng cộng quý I tiếp nhận 1.305 hồ sơ.\n",
    # a quarter and the nine months are two periods, and they give the year
    "Tính riêng quý IV/2025 đón 1.310 nghìn lượt; 9 tháng đầu năm đã đón 3.550 nghìn lượt; cả năm đón 4.860 nghìn lượt.\n",
    # averages are not summed
    "Giá bình quân tháng 1 là 412 đồng, tháng 2 là 365 đồng, tháng 3 là 498 đồng; tổng cộng quý I 1.305 đồng.\n",
])
def test_sub_periods_stay_silent(text):
    assert findings(text, "sum") == []


# --- sum: a total over n years and the table row of those years ------------------------------------
_YEARS = (
    "Tổng vốn đầu tư toàn xã hội {span} đạt {total} tỷ đồng (chi tiết tại Biểu 1).\n"
    "Biểu 1. Vốn đầu tư toàn xã hội giai đoạn 2021-2025 (tỷ đồng)\n"
    "Năm | 2021 | 2022 | 2023 | 2024 | 2025\n"
    "Vốn đầu tư | 312 | 348 | 395 | 441 | 486\n"
)


@pytest.mark.parametrize("span", ["5 năm", "giai đoạn 2021-2025", "cả nhiệm kỳ 5 năm"])
def test_a_total_over_years_against_the_yearly_row(span):
    [f] = findings(_YEARS.format(span=span, total="2.082"), "sum")
    assert f.lines == (1, 4)


@pytest.mark.parametrize("span,total", [
    ("5 năm", "1.982"),  # right
    ("4 năm", "2.082"),  # not those years
    ("giai đoạn 2020-2025", "2.082"),
    ("bình quân 5 năm", "2.082"),
])
def test_a_total_over_years_stays_silent(span, total):
    assert findings(_YEARS.format(span=span, total=total), "sum") == []


# --- sum: "Trong tổng <whole>, part, part" ----------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Tổng lượt khách đến tỉnh năm 2025 ước đạt 4.860 nghìn lượt.\nCác điểm đến thu hút khách.\nTrong tổng lượt khách, khách quốc tế đạt 612 nghìn lượt, khách nội địa 4.148 nghìn lượt.\n",
    "Tổng số lao động được tạo việc làm là 1.250 người. Trong tổng số lao động này, lao động nam 640 người, lao động nữ 590 người.\n",
    "Diện tích rừng trồng mới 412 ha. Trong diện tích rừng trồng mới, rừng sản xuất 380 ha, rừng phòng hộ 42 ha, rừng đặc dụng 10 ha.\n",
])
def test_parts_of_a_whole_named_before(text):
    [f] = findings(text, "sum")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Tổng lượt khách đến tỉnh năm 2025 ước đạt 4.860 nghìn lượt.\nTrong tổng lượt khách, khách quốc tế đạt 612 nghìn lượt, khách nội địa 4.248 nghìn lượt.\n",
    # parts named only in part: far below the whole
    "Tổng lượt khách đến tỉnh năm 2025 ước đạt 4.860 nghìn lượt.\nTrong tổng lượt khách, khách Hàn Quốc 612 nghìn lượt, khách Nhật Bản 410 nghìn lượt.\n",
    # another whole
    "Tổng lượt khách năm 2025 ước đạt 4.860 nghìn lượt.\nTrong số khách lưu trú, khách quốc tế 612 nghìn lượt, khách nội địa 1.148 nghìn lượt.\n",
])
def test_parts_of_a_whole_named_before_stay_silent(text):
    assert findings(text, "sum") == []


# --- ratio: a plan and its share, the result stated before -------------------------------------------
@pytest.mark.parametrize("text", [
    "Tổng sản lượng thủy sản 9 tháng đạt 25.055 tấn.\nNgư trường thuận lợi.\nKế hoạch sản lượng thủy sản cả năm 2025 là 32.000 tấn; đến hết 9 tháng đã đạt 80,2% kế hoạch.\n",
    "Thu ngân sách xã 6 tháng đạt 4.150 triệu đồng.\nChỉ tiêu thu ngân sách xã năm 2025 là 8.000 triệu đồng; 6 tháng đạt 55% kế hoạch.\n",
    "Số lao động được giải quyết việc làm đạt 280 người.\nKế hoạch giải quyết việc làm năm là 300 người, đến nay đạt 98% kế hoạch.\n",
])
def test_a_share_of_the_plan_against_the_result_before(text):
    [f] = findings(text, "ratio")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Tổng sản lượng thủy sản 9 tháng đạt 25.055 tấn.\nKế hoạch sản lượng thủy sản cả năm 2025 là 32.000 tấn; đến hết 9 tháng đã đạt 78,3% kế hoạch.\n",
    # a result of another period
    "Sản lượng thủy sản quý III đạt 8.105 tấn.\nKế hoạch sản lượng thủy sản cả năm 2025 là 32.000 tấn; đến hết 9 tháng đã đạt 80,2% kế hoạch.\n",
    # another indicator
    "Sản lượng lúa 9 tháng đạt 25.055 tấn.\nKế hoạch sản lượng thủy sản cả năm 2025 là 32.000 tấn; đến hết 9 tháng đã đạt 80,2% kế hoạch.\n",
    # last year's figure
    "Sản lượng thủy sản 9 tháng cùng kỳ năm 2024 đạt 23.470 tấn.\nKế hoạch sản lượng thủy sản cả năm 2025 là 32.000 tấn; 9 tháng đạt 80,2% kế hoạch.\n",
])
def test_a_share_of_the_plan_stays_silent(text):
    assert findings(text, "ratio") == []


def test_a_formula_in_a_table_the_reader_reads():
    text = (
        "Ghi chú: (2) Dự toán năm 2025; (3) Ước thực hiện năm 2025; (4) = (3)/(2)\n"
        "Nội dung | Dự toán năm 2025 (2) | Ước thực hiện năm 2025 (3) | (4)\n"
        "Thu ngân sách xã | 8.000 | 8.426 | {ratio}\n"
        "Chi thường xuyên | 19.120 | 19.732 | 103,2\n"
    )
    [f] = findings(text.format(ratio="107,9"), "ratio")
    assert f.lines == (3,)
    assert findings(text.format(ratio="105,3"), "ratio") == []
