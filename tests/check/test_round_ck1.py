"""Checker round ck1: shares, sums and ratios the first checks did not see — a plan in brackets
after its name, cases handled over cases received, a share of the total its words name, a
"gồm:" list over several clauses, people counted by what they are, a sentence that spreads
the figure before it, a structure with the year before in brackets, a table with a "Tổng |
100" row. Each rule with variants in other words and look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

HEAD = "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"


def findings(body: str, kind: str, head: str = HEAD):
    return [f for f in check_text(head + body) if f.type == kind]


# --- ratio: the plan in brackets after "đạt z% kế hoạch …" --------------------------------------
@pytest.mark.parametrize("body, computed", [
    ("Thu ngân sách xã 3.150 triệu đồng, đạt 112,5% kế hoạch huyện giao (2.600 triệu đồng).", "121,15%"),
    ("Sản lượng lương thực 9.480 tấn, đạt 97,1% kế hoạch năm (9.980 tấn), giảm do hạn hán.", "94,99%"),
    ("Giải ngân vốn đầu tư công 215,4 tỷ đồng, đạt 88,0% dự toán tỉnh giao năm 2024 (262 tỷ đồng).", "82,21%"),
])
def test_a_plan_in_brackets_after_its_name(body, computed):
    [f] = findings(body, "ratio")
    assert f.severity == "error" and f.computed == computed and f.lines == (2,)


@pytest.mark.parametrize("body", [
    "Thu ngân sách xã 3.150 triệu đồng, đạt 121,2% kế hoạch huyện giao (2.600 triệu đồng).",
    # the bracket holds last year's figure, not the plan
    "Thu ngân sách xã 3.150 triệu đồng, đạt 112,5% kế hoạch, tăng 8% (năm 2023: 2.600 triệu đồng).",
    "Thu ngân sách xã 3.150 triệu đồng, đạt 112,5% kế hoạch (cùng kỳ 2.600 triệu đồng).",
])
def test_a_plan_in_brackets_look_alikes(body):
    assert findings(body, "ratio") == []


def test_a_plan_in_brackets_rounded_down_is_a_warning():
    [f] = findings("Chi thường xuyên 5.431,6 tỷ đồng, đạt 95,1% dự toán (5.707,0 tỷ đồng).", "ratio")
    assert f.severity == "warning"  # 95,176 % is 95,2 rounded


# --- ratio: cases handled over cases received ---------------------------------------------------
@pytest.mark.parametrize("body, computed", [
    ("Thụ lý 85 vụ việc khiếu nại, tố cáo, đã giải quyết 79 vụ việc, đạt 95%.", "92,9%"),
    ("Trong năm tiếp nhận 1.240 hồ sơ đăng ký đất đai; trả kết quả đúng hạn 1.198 hồ sơ, tỷ lệ 98,2%.", "96,61%"),
    ("Kiểm tra 320 cơ sở kinh doanh thực phẩm, phát hiện 24 cơ sở vi phạm, chiếm 9,5%.", "7,50%"),
])
def test_cases_handled_over_cases_received(body, computed):
    [f] = findings(body, "ratio")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    "Thụ lý 85 vụ việc khiếu nại, tố cáo, đã giải quyết 79 vụ việc, đạt 92,9%.",
    # handled over those handled, in a "trong đó" list: the on-time share of the handled ones
    "Tiếp nhận 1.500 hồ sơ; đã giải quyết 1.450 hồ sơ, trong đó đúng hạn 1.421 hồ sơ, đạt 98%.",
    # the share of a whole it names, not of the figure before
    "Tiếp nhận 1.500 hồ sơ; bộ phận một cửa xã giải quyết 600 hồ sơ cấp đổi, chiếm 12% hồ sơ cả huyện.",
    # the rate of something else the sentence goes on to
    "Tiếp nhận 1.500 hồ sơ, giải quyết 1.380 hồ sơ, tỷ lệ hồ sơ nộp trực tuyến 35%.",
])
def test_cases_handled_look_alikes(body):
    assert findings(body, "ratio") == []


# --- ratio: a share of the total its words name, given before ----------------------------------
@pytest.mark.parametrize("body, computed", [
    ("Tổng vốn đầu tư toàn xã hội năm 2024 đạt 4.200 tỷ đồng.\n"
     "Vốn đầu tư của khu vực ngoài nhà nước 2.730 tỷ đồng, chiếm 68% tổng vốn đầu tư toàn xã hội.", "65,0%"),
    ("Tổng số lao động được đào tạo nghề 1.850 người, gồm:\n"
     "- Đào tạo sơ cấp: 1.120 người, chiếm 58,2% tổng số lao động được đào tạo nghề;\n"
     "- Đào tạo dưới 3 tháng: 730 người.", "60,54%"),
    ("Các cơ sở y tế đã khám cho 52.400 lượt người; khám tại trạm y tế xã 21.300 lượt người, "
     "bằng 43,5% tổng số lượt người đã khám.", "40,65%"),
])
def test_a_share_of_the_total_its_words_name(body, computed):
    [f] = findings(body, "ratio")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    "Tổng vốn đầu tư toàn xã hội năm 2024 đạt 4.200 tỷ đồng.\n"
    "Vốn đầu tư của khu vực ngoài nhà nước 2.730 tỷ đồng, chiếm 65% tổng vốn đầu tư toàn xã hội.",
    # the total of another year
    "Tổng vốn đầu tư toàn xã hội năm 2023 đạt 4.200 tỷ đồng.\n"
    "Năm 2024, vốn đầu tư của khu vực ngoài nhà nước 2.730 tỷ đồng, chiếm 55% tổng vốn đầu tư toàn xã hội.",
    # the named total is not given in the text
    "Vốn đầu tư ngoài nhà nước 2.730 tỷ đồng, chiếm 55% tổng vốn đầu tư toàn xã hội; vốn nhà nước 1.500 tỷ đồng.",
    # a plan and its result carry the same name: the share of either will do
    "Dự toán tổng chi ngân sách địa phương 1.300 tỷ đồng; thực hiện tổng chi ngân sách địa phương 1.250 tỷ đồng.\n"
    "Dự phòng ngân sách 24,7 tỷ đồng, bằng 1,9% tổng chi ngân sách địa phương.",
    # another section (a heading between): its total is not this one
    "Tổng vốn đầu tư toàn xã hội đạt 4.200 tỷ đồng.\nII. NHIỆM VỤ NĂM 2025\n"
    "Vốn đầu tư ngoài nhà nước 2.730 tỷ đồng, chiếm 55% tổng vốn đầu tư toàn xã hội.",
])
def test_a_named_total_look_alikes(body):
    assert findings(body, "ratio") == []


# --- sum: a "gồm:" list over several clauses, people counted as they are -----------------------
@pytest.mark.parametrize("body, computed", [
    ("Tổng diện tích rừng 1.520 ha gồm: rừng phòng hộ 610 ha; rừng sản xuất 850 ha; đất chưa có rừng 80 ha.", "1.540"),
    ("Cả huyện có 64 trường học bao gồm: mầm non 22 trường; tiểu học 25 trường; trung học cơ sở 15 trường.", "62"),
    ("Tuyển sinh 235 học viên gồm: lớp may công nghiệp 90 học viên; lớp điện dân dụng 70 học viên; "
     "lớp sửa chữa máy nông nghiệp 80 học viên.", "240"),
])
def test_a_list_after_gom_colon_over_its_clauses(body, computed):
    [f] = findings(body, "sum")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body, computed", [
    ("Đào tạo nghề cho 540 lao động, gồm: nữ 310 người, nam 236 người.", "546"),
    ("Kết nạp 46 đảng viên mới, gồm 30 người ở nông thôn và 15 người trong doanh nghiệp.", "45"),
    ("Khám tuyển 125 thanh niên (đạt sức khỏe 97 người, không đạt 26 người).", "123"),
])
def test_people_counted_by_what_they_are(body, computed):
    [f] = findings(body, "sum")
    assert f.computed == computed


@pytest.mark.parametrize("body", [
    "Tổng diện tích rừng 1.520 ha gồm: rừng phòng hộ 610 ha; rừng sản xuất 850 ha; đất chưa có rừng 60 ha.",
    # the sentence goes on past the list: the last clause is no item
    "Toàn xã có 1.200 hộ gồm: 700 hộ thuần nông; 500 hộ phi nông nghiệp; có 45 hộ nghèo.",
    # a partial "trong đó" list of people
    "Giải quyết việc làm cho 1.260 lao động, trong đó xuất khẩu lao động 85 người.",
    # people and households are not one count
    "Hỗ trợ 540 lao động, gồm: 300 hộ nghèo, 236 người khuyết tật.",
])
def test_gom_and_people_look_alikes(body):
    assert findings(body, "sum") == []


# --- sum: a sentence that spreads the figure before it -------------------------------------------
@pytest.mark.parametrize("body, computed", [
    ("Năm 2024 phát hiện 146 ca mắc tay chân miệng, tăng 12 ca so với năm 2023.\n"
     "Phân bố theo xã: Tân Lập 41 ca; Tân Hòa 38 ca; Tân Bình 29 ca; các xã còn lại 44 ca.", "152"),
    ("Toàn huyện có 1.275 hộ nghèo. Chia theo dân tộc: hộ người Kinh 402 hộ, hộ dân tộc thiểu số 863 hộ.", "1.265"),
    ("Tai nạn giao thông xảy ra 58 vụ (năm trước 61 vụ).\n"
     "Theo địa bàn: quốc lộ 27 vụ; tỉnh lộ 19 vụ; đường liên xã 14 vụ.", "60"),
])
def test_a_sentence_that_spreads_the_figure_before_it(body, computed):
    [f] = findings(body, "sum")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    "Năm 2024 phát hiện 146 ca mắc tay chân miệng.\n"
    "Phân bố theo xã: Tân Lập 41 ca; Tân Hòa 38 ca; Tân Bình 29 ca; các xã còn lại 38 ca.",
    # a few places named only: far below the total
    "Năm 2024 phát hiện 146 ca mắc tay chân miệng. Phân bố theo xã: Tân Lập 41 ca; Tân Hòa 38 ca.",
    # a count of another thing before
    "Năm 2024 có 12 xã ghi nhận ca bệnh. Phân bố theo xã: Tân Lập 41 ca; Tân Hòa 38 ca; Tân Bình 29 ca.",
])
def test_spread_look_alikes(body):
    assert findings(body, "sum") == []


# --- shares: a structure with the year before in brackets -----------------------------------------
@pytest.mark.parametrize("body, computed", [
    ("Năm 2024, cơ cấu kinh tế: dịch vụ 45,2%; công nghiệp - xây dựng 33,5%; nông nghiệp 20,8% "
     "(năm 2020 lần lượt là 40,1% - 30,6% - 29,3%).", "99,5%"),
    ("Cơ cấu lao động năm 2025: nông nghiệp 38%, công nghiệp 29%, dịch vụ 35% "
     "(năm 2021 tương ứng: 52%, 21%, 27%).", "102%"),
    ("Tỷ trọng các ngành năm 2023 (năm 2019: 30,0% - 35,0% - 35,0%) là nông nghiệp 25,3%, "
     "công nghiệp 36,1%, dịch vụ 37,9%.", "99,3%"),
])
def test_a_structure_with_the_year_before_in_brackets(body, computed):
    [f] = findings(body, "shares")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    "Năm 2024, cơ cấu kinh tế: dịch vụ 45,2%; công nghiệp - xây dựng 33,5%; nông nghiệp 21,3% "
    "(năm 2020 lần lượt là 40,1% - 30,6% - 29,3%).",
    # a year's shares side by side with another's, no bracket: two structures in one list
    "Cơ cấu kinh tế năm 2020 và năm 2024: dịch vụ 40,1% và 45,2%; công nghiệp 30,6% và 33,5%; "
    "nông nghiệp 29,3% và 21,3%.",
])
def test_structure_with_brackets_look_alikes(body):
    assert findings(body, "shares") == []


def test_the_bracketed_year_can_be_the_wrong_one():
    body = ("Năm 2024, cơ cấu kinh tế: dịch vụ 45,2%; công nghiệp - xây dựng 33,5%; nông nghiệp 21,3% "
            "(năm 2020 lần lượt là 40,1% - 30,6% - 28,3%).")
    [f] = findings(body, "shares")
    assert f.computed == "99,0%" and f.figures == ("40,1%", "30,6%", "28,3%")


# --- shares: a table with a "Tổng | 100" row -------------------------------------------------------
_TABLE = "Biểu 2: CƠ CẤU LAO ĐỘNG (%)\nNgành | Năm 2021 | Năm 2024\n{}\n"


@pytest.mark.parametrize("rows, computed", [
    ("Nông nghiệp | 48,2 | 40,5\nCông nghiệp - xây dựng | 25,1 | 29,0\nDịch vụ | 26,7 | 31,3\nTổng | 100 | 100", "100,8"),
    ("Tổng cộng | 100 | 100\nNông nghiệp | 48,2 | 39,5\nCông nghiệp - xây dựng | 25,1 | 29,0\nDịch vụ | 26,7 | 30,5",
     "99,0"),
    ("Khu vực nhà nước | 12 | 10\nKhu vực ngoài nhà nước | 80 | 83\nKhu vực có vốn nước ngoài | 11 | 7\nTổng số | 100 | 100",
     "103"),
])
def test_a_table_with_a_total_row_of_100(rows, computed):
    [f] = findings(_TABLE.format(rows), "shares")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("rows", [
    "Nông nghiệp | 48,2 | 40,5\nCông nghiệp - xây dựng | 25,1 | 29,0\nDịch vụ | 26,7 | 30,5\nTổng | 100 | 100",
    # a "trong đó" row is a part of a part: which rows make the whole is a guess
    "Nông nghiệp | 48,2 | 40,5\nCông nghiệp - xây dựng | 25,1 | 29,0\nTrong đó: công nghiệp | 15,0 | 18,0\n"
    "Dịch vụ | 26,7 | 30,5\nTổng | 100 | 100",
    # the total row is not 100: not a structure (a sum check's business)
    "Nông nghiệp | 482 | 405\nCông nghiệp - xây dựng | 251 | 290\nDịch vụ | 267 | 305\nTổng | 1000 | 1000",
])
def test_table_total_row_look_alikes(rows):
    assert findings(_TABLE.format(rows), "shares") == []


# --- shares: a structure written in one table cell ------------------------------------------------
_ROW_TABLE = ("CÁC CHỈ TIÊU CHỦ YẾU\n"
              "TT | Chỉ tiêu | Đơn vị | Thực hiện 2023 | Kế hoạch 2024 | Thực hiện 2024\n{}\n")


@pytest.mark.parametrize("row, computed", [
    ("1 | Cơ cấu kinh tế (NN - CN - DV) | % | 30 - 35 - 35 | 28 - 36 - 36 | 27,5 - 36,0 - 35,5", "99,0%"),
    ("1 | Cơ cấu lao động nông nghiệp/công nghiệp/dịch vụ | % | 45/25/30 | 40/28/32 | 41/28/33", "102%"),
    ("1 | Tỷ trọng các khu vực kinh tế | % | 20,1 - 40,2 - 39,7 | 19 - 41 - 40 | 18,4 – 42,5 – 38,3", "99,2%"),
])
def test_a_structure_in_a_table_cell(row, computed):
    [f] = findings(_ROW_TABLE.format(row), "shares")
    assert f.severity == "error" and f.computed == computed and f.lines == (4,)


@pytest.mark.parametrize("row", [
    "1 | Cơ cấu kinh tế (NN - CN - DV) | % | 30 - 35 - 35 | 28 - 36 - 36 | 27,5 - 36,9 - 35,6",
    # ranges of a target, not a structure's shares
    "1 | Tốc độ tăng trưởng kinh tế | % | 7,5 | 8 - 8,5 | 8,2",
    # three figures that are no structure: the row is not about one
    "1 | Số xã đạt chuẩn nông thôn mới - nâng cao - kiểu mẫu | xã | 12 - 5 - 1 | 14 - 7 - 2 | 14 - 6 - 2",
])
def test_table_cell_structure_look_alikes(row):
    assert findings(_ROW_TABLE.format(row), "shares") == []


def test_a_structure_in_the_text_and_its_table_cell_is_one_finding():
    body = ("Cơ cấu kinh tế năm 2024: nông nghiệp 27,5% - công nghiệp 36,0% - dịch vụ 35,5%.\n"
            + _ROW_TABLE.format("1 | Cơ cấu kinh tế (NN - CN - DV) | % | 30 - 35 - 35 | 28 - 36 - 36 | 27,5 - 36,0 - 35,5"))
    [f] = findings(body, "shares")
    assert f.lines == (2, 5)


# --- ratio: a table's "So kế hoạch (%)" column -----------------------------------------------------
_PLAN_TABLE = "Biểu 1: KẾT QUẢ NĂM 2024\nSTT | Chỉ tiêu | {} \n{}\n"


@pytest.mark.parametrize("head, row, computed", [
    ("Dự toán 2024 | Thực hiện 2024 | So dự toán (%)", "1 | Thu ngân sách xã | 4.250 | 4.862 | 118,6", "114,40%"),
    ("Thực hiện 2023 | Kế hoạch 2024 | Ước TH 2024 | Tỷ lệ TH/KH (%) | So cùng kỳ (%)",
     "1 | Sản lượng thủy sản (tấn) | 1.980 | 2.100 | 2.052 | 96,2 | 103,6", "97,71%"),
    ("Kế hoạch năm | Thực hiện | So với KH (%)", "1 | Vốn đầu tư công giải ngân (tỷ đồng) | 262,0 | 215,4 | 85,2", "82,21%"),
])
def test_a_table_ratio_column_of_the_plan(head, row, computed):
    [f] = findings(_PLAN_TABLE.format(head, row), "ratio")
    assert f.severity == "error" and f.computed == computed and f.lines == (4,)


@pytest.mark.parametrize("head, row", [
    ("Dự toán 2024 | Thực hiện 2024 | So dự toán (%)", "1 | Thu ngân sách xã | 4.250 | 4.862 | 114,4"),
    # the column of last year: not of the plan (another check's business)
    ("Thực hiện 2023 | Kế hoạch 2024 | Ước TH 2024 | Tỷ lệ TH/KH (%) | So cùng kỳ (%)",
     "1 | Sản lượng thủy sản (tấn) | 1.980 | 2.100 | 2.052 | 97,7 | 110,0"),
    # a row of rates: its "ratio" cell is often a difference
    ("Kế hoạch năm | Thực hiện | So với KH (%)", "1 | Tỷ lệ hộ nghèo (%) | 1,5 | 1,2 | 0,3"),
    # the plan for the next year over this year's result
    ("Thực hiện 2024 | Kế hoạch 2025 | KH 2025/TH 2024 (%)", "1 | Thu ngân sách xã | 4.862 | 5.100 | 110,0"),
])
def test_table_ratio_column_look_alikes(head, row):
    assert findings(_PLAN_TABLE.format(head, row), "ratio") == []


def test_a_ratio_wrong_in_the_text_and_its_table_row_is_one_finding():
    body = ("Tổng chi ngân sách 9.745 triệu đồng, đạt 98,8% dự toán (10.067 triệu đồng).\n"
            + _PLAN_TABLE.format("Dự toán 2024 | Thực hiện 2024 | So dự toán (%)", "1 | Tổng chi ngân sách | 10.067 | 9.745 | 98,8"))
    [f] = findings(body, "ratio")
    assert f.lines == (2, 5) and f.computed == "96,80%"
