"""Checker round 2, ck1: sums over numbered table rows — a "Tổng …"/"Cộng" row without a
number over (or under) the rows numbered 1, 2, 3 …, and a row numbered "2" over its "2.1",
"2.2" … Variants in other words, and look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

HEAD = "I. KẾT QUẢ THỰC HIỆN NĂM 2024\nĐVT: triệu đồng\n"
TABLE = "| STT | Chỉ tiêu | Kế hoạch 2024 | Thực hiện 2024 | Tỷ lệ (%) |\n"


def sums(body: str):
    return [f for f in check_text(HEAD + TABLE + body) if f.type == "sum"]


@pytest.mark.parametrize("body, computed", [
    ("| | Tổng chi ngân sách | 6.200 | 6.480 | 104,5 |\n| 1 | Chi đầu tư | 1.500 | 1.610 | 107,3 |\n"
     "| 2 | Chi thường xuyên | 4.500 | 4.620 | 102,7 |\n| 3 | Chi khác | 200 | 190 | 95,0 |\n", "6.420"),
    ("| 1 | Lúa | 310 | 322 | 103,9 |\n| 2 | Ngô | 95 | 97 | 102,1 |\n| 3 | Rau màu | 40 | 41 | 102,5 |\n"
     "| | Cộng | 445 | 465 | 104,5 |\n", "460"),
    ("| 1 | Thu tại xã | 2.000 | 2.150,5 | 107,5 |\n| 1.1 | Thuế | 800 | 870,2 | 108,8 |\n"
     "| 1.2 | Phí | 500 | 520,3 | 104,1 |\n| 1.3 | Thu khác | 700 | 740,0 | 105,7 |\n", "2.130,5"),
])
def test_a_total_over_numbered_rows(body, computed):
    [f] = sums(body)
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    # the parts add up
    "| | Tổng chi ngân sách | 6.200 | 6.420 | 103,5 |\n| 1 | Chi đầu tư | 1.500 | 1.610 | 107,3 |\n"
    "| 2 | Chi thường xuyên | 4.500 | 4.620 | 102,7 |\n| 3 | Chi khác | 200 | 190 | 95,0 |\n",
    # some parts only: far below the total
    "| | Tổng thu | 9.000 | 9.800 | 108,9 |\n| 1 | Thuế | 2.000 | 2.100 | 105,0 |\n| 2 | Phí | 1.000 | 1.050 | 105,0 |\n",
    # rounded parts of one decimal: within the printed digits
    "| 2 | Chi sự nghiệp | 900 | 1.000,1 | 111,1 |\n| 2.1 | Giáo dục | | 500,1 | |\n| 2.2 | Y tế | | 500,1 | |\n",
    # numbering that does not start at 1: no whole list under the total
    "| | Tổng | 500 | 520 | 104,0 |\n| 3 | Chi A | 200 | 210 | 105,0 |\n| 4 | Chi B | 300 | 300 | 100,0 |\n",
])
def test_look_alikes_stay_silent(body):
    assert sums(body) == []


# --- ratio: a column headed by the initials of two others ("QT/DT (%)") -----------------------
def ratios(table: str):
    return [f for f in check_text(HEAD + table) if f.type == "ratio"]


@pytest.mark.parametrize("table, computed", [
    ("| STT | Nội dung | Dự toán | Quyết toán | QT/DT (%) |\n| 1 | Chi sự nghiệp y tế | 800 | 912,0 | 104,0 |\n", "114,00%"),
    ("| STT | Khoản thu | Kế hoạch | Thực hiện | TH/KH (%) |\n| 1 | Thu phí chợ | 150 | 132 | 98,0 |\n", "88,00%"),
    ("| STT | Chỉ tiêu | Kế hoạch 2024 | Ước thực hiện 2024 | UTH/KH (%) |\n| 1 | Thu phí chợ | 2.400 | 1.560 | 75,0 |\n", "65,00%"),
])
def test_a_ratio_column_headed_by_initials(table, computed):
    [f] = ratios(table)
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("table", [
    # the ratio holds
    "| STT | Nội dung | Dự toán | Quyết toán | QT/DT (%) |\n| 1 | Chi sự nghiệp y tế | 800 | 912,0 | 114,0 |\n",
    # initials no column carries: no reading
    "| STT | Nội dung | Dự toán | Quyết toán | UTH/KH (%) |\n| 1 | Chi sự nghiệp y tế | 800 | 912,0 | 104,0 |\n",
    # within the rounding of the printed digits
    "| STT | Khoản thu | Kế hoạch | Thực hiện | TH/KH (%) |\n| 1 | Thu phí chợ | 3 | 2 | 70 |\n",
])
def test_ratio_look_alikes_stay_silent(table):
    assert ratios(table) == []


# --- ratio: "bằng z% kế hoạch" whose plan the sentence before gives ----------------------------
def text_ratios(body: str):
    return [f for f in check_text("I. KẾT QUẢ THỰC HIỆN NĂM 2024\n" + body) if f.type == "ratio"]


@pytest.mark.parametrize("body, computed", [
    ("Dự toán thu ngân sách huyện giao cho xã là 3.600 triệu đồng. Cả năm xã thu được 3.240 triệu đồng, "
     "đạt 95,0% dự toán.", "90,00%"),
    ("Kế hoạch trồng rừng tập trung được giao là 420 ha. Đến cuối năm đã trồng 399 ha, bằng 92% kế hoạch.", "95,0%"),
    ("Chỉ tiêu tuyển quân năm 2024 tỉnh giao 180 thanh niên. Thực tế đã giao 171 thanh niên, đạt 98% chỉ tiêu.", "95,0%"),
])
def test_a_plan_in_the_sentence_before(body, computed):
    [f] = text_ratios(body)
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    # the ratio holds
    "Dự toán thu ngân sách huyện giao cho xã là 3.600 triệu đồng. Cả năm xã thu được 3.240 triệu đồng, đạt 90,0% dự toán.",
    # the plan of another year
    "Kế hoạch năm 2025 là 500 tỷ đồng. Năm 2024 giải ngân 420 tỷ đồng, đạt 95% kế hoạch.",
    # two figures before: which one is the plan is not said
    "Kế hoạch vốn là 500 tỷ đồng, đã phân bổ 460 tỷ đồng. Giải ngân 420 tỷ đồng, đạt 95% kế hoạch.",
    # the sentence before names no plan
    "Tổng vốn đầu tư toàn xã hội là 500 tỷ đồng. Giải ngân 420 tỷ đồng, đạt 95% kế hoạch.",
])
def test_plan_before_look_alikes_stay_silent(body):
    assert text_ratios(body) == []


# --- shares: a scale closed by its own negation ("hài lòng …; chưa hài lòng …") ----------------
def share_findings(body: str):
    return [f for f in check_text("I. KẾT QUẢ THỰC HIỆN NĂM 2024\n" + body) if f.type == "shares"]


@pytest.mark.parametrize("body, computed", [
    ("Kiểm tra 240 cơ sở kinh doanh thực phẩm: đạt 81,5%; không đạt 16,0%.", "97,5%"),
    ("Đánh giá, xếp loại tổ chức cơ sở đảng: hoàn thành 88%; chưa hoàn thành 9%.", "97%"),
    ("Qua 520 phiếu lấy ý kiến người bệnh: rất hài lòng 40,2%; hài lòng 52,3%; không hài lòng 4,1%.", "96,6%"),
])
def test_a_scale_closed_by_its_negation(body, computed):
    [f] = share_findings(body)
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    # the shares add up
    "Qua 520 phiếu lấy ý kiến người bệnh: rất hài lòng 40,2%; hài lòng 55,7%; không hài lòng 4,1%.",
    # no negation closes the scale: a level may be left out
    "Qua 520 phiếu lấy ý kiến người bệnh: rất hài lòng 40,2%; hài lòng 52,3%; bình thường 4,1%.",
    # within the digits printed
    "Kiểm tra 90 cơ sở: đạt 33,3%; không đạt 66,6%.",
    # far from 100: shares of different wholes
    "Kiểm tra 90 cơ sở: đạt 60%; không đạt 10% số cơ sở được kiểm tra lại.",
])
def test_scale_look_alikes_stay_silent(body):
    assert share_findings(body) == []


# --- ratio: a share in a later clause of a "trong đó" breakdown ---------------------------------
@pytest.mark.parametrize("body, computed", [
    ("Năm nay cấp 960 giấy phép, trong đó nhà ở riêng lẻ 900 giấy phép; công trình khác 60 giấy phép, chiếm 7,5%.",
     "6,25%"),
    ("Toàn xã có 820 hộ, trong đó hộ khá 510 hộ; hộ nghèo 41 hộ, chiếm 6,0%.", "5,00%"),
    ("Đã khám sàng lọc 2.400 trẻ, trong đó 2.130 trẻ bình thường; phát hiện 96 trẻ suy dinh dưỡng, chiếm 4,2%.",
     "4,00%"),
])
def test_a_share_in_a_later_clause_of_a_breakdown(body, computed):
    [f] = text_ratios(body)
    assert f.severity == "error" and f.computed == computed


@pytest.mark.parametrize("body", [
    # the share holds
    "Toàn xã có 820 hộ, trong đó hộ khá 510 hộ; hộ nghèo 41 hộ, chiếm 5,0%.",
    # a share of a whole it names: not the breakdown's total
    "Toàn xã có 820 hộ, trong đó hộ khá 510 hộ; hộ nghèo 41 hộ, chiếm 6,0% số hộ nghèo của huyện.",
    # no breakdown opened before
    "Toàn xã có 820 hộ; hộ nghèo 41 hộ, chiếm 6,0%.",
    # two breakdowns before: of the commune or of the hamlet?
    "Toàn xã có 820 hộ, trong đó hộ khá 510 hộ; thôn Đông 200 hộ, trong đó hộ nghèo 12 hộ; hộ cận nghèo 41 hộ, chiếm 6,0%.",
    # a breakdown of a figure that is not the total named first
    "Ban công tác có 37 người, đã họp 3 lần, trong đó nữ 12 người; trẻ 2 người, chiếm 20,0%.",
])
def test_breakdown_share_look_alikes_stay_silent(body):
    assert text_ratios(body) == []


# --- sum: a gap the digits allow only if every figure rounded to its extreme, one way ----------
def sum_findings(body: str):
    return [f for f in check_text("I. KẾT QUẢ THỰC HIỆN NĂM 2024\n" + body) if f.type == "sum"]


@pytest.mark.parametrize("body, computed", [
    ("Tổng vốn huy động 28,4 tỷ đồng, gồm: ngân sách tỉnh 6,2 tỷ đồng; ngân sách huyện 5,1 tỷ đồng; "
     "ngân sách xã 4,3 tỷ đồng; vốn tín dụng 7,4 tỷ đồng; nhân dân góp 5,1 tỷ đồng.", "28,1"),
    ("Diện tích gieo trồng 612,5 ha, gồm: lúa 301,2 ha; ngô 98,4 ha; rau 110,3 ha; đậu 52,1 ha; "
     "cây khác 50,2 ha.", "612,2"),
    ("Tổng chi 96,0 tỷ đồng, gồm: lương 40,1 tỷ đồng; hoạt động 20,2 tỷ đồng; sự nghiệp 15,1 tỷ đồng; "
     "đầu tư 10,3 tỷ đồng; dự phòng 5,1 tỷ đồng; khác 4,9 tỷ đồng.", "95,7"),
])
def test_a_gap_rounding_hardly_gives_is_a_warning(body, computed):
    [f] = sum_findings(body)
    assert f.severity == "warning" and f.computed == computed


@pytest.mark.parametrize("body", [
    # two units over six figures: rounding gives it now and then
    "Tổng vốn huy động 28,3 tỷ đồng, gồm: ngân sách tỉnh 6,2 tỷ đồng; ngân sách huyện 5,1 tỷ đồng; "
    "ngân sách xã 4,3 tỷ đồng; vốn tín dụng 7,4 tỷ đồng; nhân dân góp 5,1 tỷ đồng.",
    # one unit off over six figures: rounding gives it often
    "Tổng vốn huy động 28,2 tỷ đồng, gồm: ngân sách tỉnh 6,2 tỷ đồng; ngân sách huyện 5,1 tỷ đồng; "
    "ngân sách xã 4,3 tỷ đồng; vốn tín dụng 7,4 tỷ đồng; nhân dân góp 5,1 tỷ đồng.",
    # one unit over three parts: within the digits, common
    "Tổng vốn 12,5 tỷ đồng, gồm: ngân sách 4,1 tỷ đồng; tín dụng 4,2 tỷ đồng; nhân dân 4,1 tỷ đồng.",
    # parts in another scale: their digits are not the total's
    "Tổng vốn 1,3 tỷ đồng, gồm: ngân sách 400 triệu đồng; tín dụng 420 triệu đồng; nhân dân 450 triệu đồng; "
    "doanh nghiệp 70 triệu đồng.",
])
def test_gap_look_alikes_stay_silent(body):
    assert sum_findings(body) == []
