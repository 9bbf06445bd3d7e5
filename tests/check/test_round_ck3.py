"""Checker round ck3: growth of a value against its base in parentheses, counts against the list
their sentence opens, list items whose opening admits the misses, a share of the plan called
met, a clear hit called missed — each rule with variants written for these tests and
look-alikes that must not be flagged."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

HEAD = "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"


def findings(body: str, kind: str | None = None, head: str = HEAD):
    out = check_text(head + body)
    return [f for f in out if kind is None or f.type == kind]


# --- growth: a value, its change and the base in parentheses --------------------------------
@pytest.mark.parametrize(("body", "computed", "wrong"), [
    ("Kim ngạch xuất khẩu năm 2024 đạt 412 triệu USD, gấp 1,9 lần năm 2020 (250 triệu USD).", "1,65 lần", "1,9 lần"),
    ("Doanh thu du lịch năm 2024 ước đạt 1.250 tỷ đồng, tăng 18,5% so với năm 2023 (1.080 tỷ đồng).",
     "15,74%", "18,5%"),
    ("Tổng thu ngân sách trên địa bàn đạt 412 tỷ đồng, bằng 103% dự toán, tăng 14% so với năm 2023 (380 tỷ đồng).",
     "8,4%", "14%"),
    ("Kim ngạch nhập khẩu năm 2024 đạt 96,2 triệu USD, bằng 112,5% so với năm 2023 (88,4 triệu USD).",
     "108,82%", "112,5%"),
    ("Sản lượng lương thực cả năm đạt 52.300 tấn, giảm 6,2% so với năm trước (54.100 tấn).", "3,33%", "6,2%"),
])
def test_a_change_its_value_and_base_do_not_give(body, computed, wrong):
    [f] = findings(body, "growth")
    assert f.severity == "error" and f.figures[0] == wrong and f.computed == computed


@pytest.mark.parametrize("body", [
    # exact
    "Tổng vốn đầu tư phát triển năm 2024 đạt 3.360 tỷ đồng, tăng 12% so với năm 2023 (3.000 tỷ đồng).",
    # a share of the plan between the value and its change
    "Tổng thu ngân sách trên địa bàn đạt 412 tỷ đồng, bằng 103% dự toán, tăng 8,4% so với năm 2023 (380 tỷ đồng).",
    # an index the values give
    "Kim ngạch nhập khẩu năm 2024 đạt 96,2 triệu USD, bằng 108,8% so với năm 2023 (88,4 triệu USD).",
    # a rate's change in points
    "Tỷ lệ che phủ rừng năm 2024 đạt 42,5%, tăng 1,3% so với năm 2023 (41,2%).",
    # the multiple rounded to its digits
    "Giá trị sản xuất công nghiệp năm 2025 đạt 9.640 tỷ đồng, gấp 1,4 lần năm 2020 (6.850 tỷ đồng).",
    # "tăng 2,6 lần" as the increase: 3,6 times the base
    "Số hồ sơ xử lý trên môi trường mạng năm 2024 đạt 7.560 hồ sơ, tăng 2,6 lần so với năm 2023 (2.100 hồ sơ).",
    # values at current prices, the rate at comparable ones
    "Giá trị sản xuất theo giá hiện hành đạt 186,4 tỷ đồng, theo giá so sánh tăng 8,6% so với năm 2023 "
    "(175,2 tỷ đồng).",
])
def test_changes_their_values_give_are_not_flagged(body):
    assert findings(body, "growth") == []


# --- growth: the average rate after such a pair ---------------------------------------------
@pytest.mark.parametrize(("body", "computed"), [
    ("Tổng sản phẩm trên địa bàn (GRDP) năm 2025 đạt 24.800 tỷ đồng, gấp 1,5 lần năm 2020 (16.500 tỷ đồng); "
     "tốc độ tăng trưởng GRDP bình quân giai đoạn 2021-2025 đạt 7,2%/năm.", "8,49%/năm"),
    ("Thu ngân sách năm 2025 đạt 960 tỷ đồng, gấp 1,6 lần năm 2020 (600 tỷ đồng), thu ngân sách tăng bình quân "
     "12,5%/năm.", "9,86%/năm"),
    ("Giá trị sản xuất công nghiệp năm 2024 đạt 5.320 tỷ đồng, gấp 1,3 lần năm 2021 (4.100 tỷ đồng); giá trị "
     "sản xuất công nghiệp tăng bình quân 11%/năm.", "9,1%/năm"),
])
def test_an_average_rate_the_pair_beside_it_does_not_give(body, computed):
    [f] = findings(body, "growth")
    assert f.severity == "error" and f.computed == computed and f.figures[0].endswith("%/năm")


@pytest.mark.parametrize("body", [
    # the rate the values give
    "Tổng sản phẩm trên địa bàn (GRDP) năm 2025 đạt 24.800 tỷ đồng, gấp 1,5 lần năm 2020 (16.500 tỷ đồng); "
    "tốc độ tăng trưởng GRDP bình quân giai đoạn 2021-2025 đạt 8,5%/năm.",
    # another indicator's rate
    "GRDP năm 2025 đạt 24.800 tỷ đồng, gấp 1,5 lần năm 2020 (16.500 tỷ đồng); thu ngân sách tăng bình quân 12%/năm.",
    # a rate over another period
    "Tổng sản phẩm trên địa bàn (GRDP) năm 2025 đạt 24.800 tỷ đồng, gấp 1,5 lần năm 2020 (16.500 tỷ đồng); "
    "tốc độ tăng trưởng GRDP bình quân giai đoạn 2016-2025 đạt 4,2%/năm.",
])
def test_rates_after_a_pair_that_hold_or_are_not_theirs(body):
    assert findings(body, "growth") == []


# --- growth: the value given in another sentence --------------------------------------------
@pytest.mark.parametrize(("body", "computed"), [
    ("Số doanh nghiệp thành lập mới trong năm 2024 là 412 doanh nghiệp.\n"
     "Số doanh nghiệp thành lập mới năm 2024 gấp 1,8 lần năm 2023 (150 doanh nghiệp).", "2,75 lần"),
    ("Lượt khách du lịch đến huyện năm 2024 đạt 86.500 lượt khách.\n"
     "Lượt khách du lịch năm 2024 tăng 2,1 lần so với năm 2023 (52.000 lượt khách).", "1,66 lần"),
    ("Số hộ sử dụng dịch vụ ngân hàng số năm 2024 đạt 3.120 hộ.\n"
     "Số hộ sử dụng dịch vụ ngân hàng số năm 2024 gấp 3,4 lần năm 2023 (1.200 hộ).", "2,60 lần"),
])
def test_a_multiple_against_the_value_of_another_sentence(body, computed):
    [f] = findings(body, "growth")
    assert f.severity == "error" and f.computed == computed and len(f.lines) == 2


@pytest.mark.parametrize("body", [
    # the value it gives
    "Số doanh nghiệp thành lập mới trong năm 2024 là 412 doanh nghiệp.\n"
    "Số doanh nghiệp thành lập mới năm 2024 gấp 2,7 lần năm 2023 (150 doanh nghiệp).",
    # two values of the indicator: which one is meant is not known
    "Số doanh nghiệp thành lập mới trong năm 2024 là 412 doanh nghiệp; số doanh nghiệp thành lập mới năm 2024 "
    "có vốn trên 10 tỷ đồng là 35 doanh nghiệp.\n"
    "Số doanh nghiệp thành lập mới năm 2024 gấp 1,8 lần năm 2023 (150 doanh nghiệp).",
    # another indicator of the same unit
    "Số doanh nghiệp giải thể trong năm 2024 là 41 doanh nghiệp.\n"
    "Số doanh nghiệp thành lập mới năm 2024 gấp 1,8 lần năm 2023 (150 doanh nghiệp).",
])
def test_values_elsewhere_that_hold_or_are_not_one(body):
    assert findings(body, "growth") == []


# --- growth: a rate's yearly change in points -----------------------------------------------
@pytest.mark.parametrize("body", [
    "Tỷ lệ hộ nghèo giảm từ 5,4% năm 2020 xuống 1,4% năm 2025, bình quân mỗi năm giảm 0,8%.",
    "Tỷ lệ lao động qua đào tạo tăng từ 55% năm 2021 lên 67% năm 2024, bình quân mỗi năm tăng 4%.",
    "Tỷ lệ đô thị hóa tăng từ 20% năm 2020 lên 30% năm 2025, tăng bình quân 2%/năm.",
])
def test_points_a_year_between_two_rates_are_not_flagged(body):
    assert findings(body, "growth") == []


def test_a_yearly_change_neither_points_nor_a_rate_still_is():
    body = "Tỷ lệ hộ nghèo giảm từ 5,4% năm 2020 xuống 1,4% năm 2025, bình quân mỗi năm giảm 1,5%."
    [f] = findings(body, "growth")
    assert f.severity == "error" and "xuống" in f.message


# --- count: against the list the count's sentence opens -------------------------------------
_STATED = (
    "Trong nhiệm kỳ, có {0}/6 chỉ tiêu đạt và vượt, {1} chỉ tiêu không đạt. Cụ thể:\n"
    "- Tốc độ tăng giá trị sản xuất: chỉ tiêu 8%/năm, thực hiện 8,3%/năm (vượt);\n"
    "- Thu nhập bình quân đầu người: chỉ tiêu 55 triệu đồng, thực hiện 51 triệu đồng (không đạt);\n"
    "- Tỷ lệ hộ nghèo: chỉ tiêu dưới 3%, thực hiện 2,4% (đạt);\n"
    "- Tỷ lệ dân số tham gia bảo hiểm y tế: chỉ tiêu 92%, thực hiện 88,6% (không đạt);\n"
    "- Tỷ lệ lao động qua đào tạo: chỉ tiêu 65%, thực hiện 66,2% (vượt);\n"
    "- Tỷ lệ khu dân cư văn hóa: chỉ tiêu 80%, thực hiện 81% (đạt).\n"
    "II. NHIỆM VỤ NĂM 2025\n"
)
_FIGURES = (
    "Năm 2024, xã hoàn thành {0}/5 chỉ tiêu kế hoạch, cụ thể:\n"
    "- Diện tích gieo trồng cây hằng năm: kế hoạch 2.400 ha, thực hiện 2.460 ha;\n"
    "- Sản lượng lương thực: kế hoạch 14.000 tấn, thực hiện 12.900 tấn;\n"
    "- Tỷ lệ hộ dùng nước hợp vệ sinh: kế hoạch 98%, thực hiện 98,4%;\n"
    "- Số trường đạt chuẩn quốc gia: kế hoạch 6 trường, thực hiện 5 trường;\n"
    "- Tỷ lệ trẻ em suy dinh dưỡng: kế hoạch dưới 9%, thực hiện 8,1%;\n"
    "II. NHIỆM VỤ NĂM 2025\n"
)
_UNMET = (
    "Còn {0} chỉ tiêu chưa đạt, gồm:\n"
    "- Tỷ lệ đô thị hóa: chỉ tiêu 30%, thực hiện 24,5%;\n"
    "- Tỷ lệ che phủ rừng: chỉ tiêu 45%, thực hiện 41%;\n"
    "- Số bác sĩ/vạn dân: chỉ tiêu 10 bác sĩ, thực hiện 8,2 bác sĩ;\n"
    "Nguyên nhân chủ yếu do nguồn lực còn hạn chế.\n"
)


@pytest.mark.parametrize(("body", "computed"), [
    (_STATED.format(5, 1), "4"),
    (_FIGURES.format(4), "3"),
    (_UNMET.format(2), "3"),
])
def test_a_count_its_list_contradicts(body, computed):
    [f] = findings(body, "count")
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    _STATED.format(4, 2),
    _FIGURES.format(3),
    _UNMET.format(3),
    # a partial list: "trong đó" names some
    _UNMET.format(5).replace(", gồm:", ", trong đó:"),
    # the count's sentence closes before "Cụ thể:" and the list is of another length
    "Có 12/15 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt. Cụ thể:\n"
    "- Tốc độ tăng giá trị sản xuất 8,6%/năm (chỉ tiêu 8 - 9%/năm), đạt.\n"
    "- Thu nhập bình quân đầu người 48,5 triệu đồng (chỉ tiêu 55 triệu đồng), không đạt.\n",
    # one item judged met: it is not a list of the unmet ones
    "Có 1 chỉ tiêu chưa đạt, gồm:\n"
    "- Tỷ lệ đô thị hóa: chỉ tiêu 30%, thực hiện 24,5%;\n"
    "- Tỷ lệ che phủ rừng: chỉ tiêu 40%, thực hiện 41%;\n",
])
def test_counts_their_list_gives_are_not_flagged(body):
    assert findings(body, "count") == []


# --- verdict: a list item under an opening that admits the misses ---------------------------
@pytest.mark.parametrize("body", [
    _UNMET.format(3),
    _FIGURES.format(3),
    "Kết quả: đạt 5/7 chỉ tiêu, cụ thể như sau:\n"
    "- Số trường đạt chuẩn quốc gia: kế hoạch 12 trường, thực hiện 9 trường;\n"
    "- Tỷ lệ phòng học kiên cố: kế hoạch 90%, thực hiện 80%;\n",
])
def test_misses_the_list_opening_admits_are_no_verdict(body):
    assert findings(body, "verdict") == []


def test_a_count_whose_list_opens_on_the_next_line():
    body = ("Có 2/4 chỉ tiêu đạt và vượt, 2 chỉ tiêu không đạt.\nCụ thể như sau:\n"
            "- Tỷ lệ đô thị hóa: chỉ tiêu 30%, thực hiện 24,5%;\n"
            "- Tỷ lệ che phủ rừng: chỉ tiêu 45%, thực hiện 41%;\n"
            "- Tỷ lệ hộ nghèo: chỉ tiêu dưới 3%, thực hiện 2,1%;\n"
            "- Số bác sĩ/vạn dân: chỉ tiêu 10 bác sĩ, thực hiện 8,2 bác sĩ;\n")
    [f] = findings(body)
    assert f.type == "count" and f.computed == "1" and f.lines == (2, 4, 5, 7)


def test_a_miss_under_an_opening_that_admits_none_is_still_one():
    body = ("Các chỉ tiêu năm 2024:\n"
            "- Số trường đạt chuẩn quốc gia: kế hoạch 12 trường, thực hiện 9 trường;\n"
            "- Tỷ lệ phòng học kiên cố: kế hoạch 90%, thực hiện 91%;\n")
    [f] = findings(body, "verdict")
    assert f.lines == (3,) and "không nêu là chưa đạt" in f.message


# --- verdict: a share of the plan below 100 % called met ------------------------------------
@pytest.mark.parametrize(("body", "severity"), [
    ("Tổng thu ngân sách trên địa bàn ước đạt 412 tỷ đồng, đạt 87,4% dự toán, hoàn thành dự toán được giao.",
     "error"),
    ("Kim ngạch xuất khẩu ước đạt 94,1% kế hoạch năm, vượt kế hoạch đề ra.", "error"),
    ("So với chỉ tiêu Nghị quyết (1.200 ha), diện tích trồng rừng mới đạt 90,5%, đạt chỉ tiêu.", "error"),
    ("Thu tiền sử dụng đất đạt 99,3% kế hoạch, hoàn thành kế hoạch năm.", "warning"),
])
def test_a_share_of_the_plan_below_100_called_met(body, severity):
    [f] = findings(body, "verdict")
    assert f.severity == severity


@pytest.mark.parametrize(("body", "head"), [
    ("Thu ngân sách đạt 101,2% dự toán, hoàn thành vượt dự toán.", HEAD),
    ("Tổng vốn đầu tư đạt 92% kế hoạch, chưa hoàn thành kế hoạch đề ra.", HEAD),
    ("Thu ngân sách đạt 48,6% dự toán năm, hoàn thành kế hoạch 6 tháng.", HEAD),
    ("Thu ngân sách đạt 92% dự toán tỉnh giao, vượt dự toán huyện giao.", HEAD),
    ("Giải ngân vốn đầu tư công đạt 95% kế hoạch, phấn đấu hoàn thành kế hoạch trong quý IV.", HEAD),
    ("Thu ngân sách đạt 96,5% dự toán, cơ bản hoàn thành dự toán.", HEAD),
    # a report on six months: the verdict may be of that period's plan
    ("Thu ngân sách đạt 52% dự toán năm, hoàn thành kế hoạch đề ra.",
     "BÁO CÁO\nTình hình kinh tế - xã hội 6 tháng đầu năm 2025\nI. KẾT QUẢ\n"),
])
def test_shares_of_the_plan_that_are_no_such_verdict(body, head):
    assert findings(body, "verdict", head) == []


# --- verdict: a clear hit called missed -----------------------------------------------------
@pytest.mark.parametrize("body", [
    "Số bác sĩ/vạn dân đạt 12,5 bác sĩ, chưa đạt chỉ tiêu kế hoạch (11 bác sĩ/vạn dân).",
    "Tỷ lệ dân số tham gia bảo hiểm y tế đạt 94,8%, chưa đạt chỉ tiêu Nghị quyết (90%).",
    "Thu nhập bình quân đầu người đạt 68 triệu đồng, không đạt chỉ tiêu đề ra (60 triệu đồng).",
])
def test_a_clear_hit_called_missed_is_an_error(body):
    [f] = findings(body, "verdict")
    assert f.severity == "error" and "không đạt" in f.message


@pytest.mark.parametrize("body", [
    # less is better
    "Tỷ lệ hộ nghèo còn 3,2%, chưa đạt chỉ tiêu kế hoạch (3%).",
    # within the margin
    "Số bác sĩ/vạn dân đạt 11,1 bác sĩ, chưa đạt chỉ tiêu kế hoạch (11 bác sĩ/vạn dân).",
    # which way is better is not known
    "Số vụ tai nạn giao thông 25 vụ, chưa đạt chỉ tiêu kế hoạch (20 vụ).",
])
def test_misses_that_may_hold_are_not_errors(body):
    assert [f for f in findings(body, "verdict") if f.severity == "error"] == []
