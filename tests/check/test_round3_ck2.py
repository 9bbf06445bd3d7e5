"""Checker round 3, helper ck2 (blind set checker-3): growth (a rate before its values, a base
"so với ước thực hiện năm …", an index called "chỉ số phát triển"), count (a total in the count's
sentence, a table of verdicts, an item of the list judged the other way by its own figures),
verdict (a verdict against the table's target, "đạt yêu cầu (tối thiểu …)", part of a year
against the year's target, lower-is-better abbreviations), two values (a clause's own period,
the title's period, a name the reader lost), target-conflict (a target dated by its list's
heading) and feasibility (a count of what is to be added). Each rule with variants written for
these tests and look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from chitieu.check import check_text


def findings(text: str, kind: str | None = None):
    return [f for f in check_text(text) if kind is None or f.type == kind]


# --- growth: a rate per year right before the values it must give ------------------------------
@pytest.mark.parametrize("text", [
    "Thu ngân sách trên địa bàn tăng bình quân 15%/năm; năm 2025 đạt 86,4 tỷ đồng, gấp 1,6 lần năm 2020 (54,0 tỷ đồng).\n",
    "Giá trị sản xuất ngành dịch vụ tăng bình quân 12%/năm; năm 2025 ước đạt 1.250 tỷ đồng, tăng 45% so với năm 2020 (862 tỷ đồng).\n",
    "Kim ngạch xuất khẩu tăng bình quân 20%/năm giai đoạn 2021-2025; năm 2025 đạt 412 triệu USD, gấp 1,7 lần năm 2020 (242 triệu USD).\n",
    "Tổng vốn đầu tư toàn xã hội tăng bình quân 6%/năm; đến năm 2024 đạt 5.800 tỷ đồng, gấp 1,5 lần năm 2020 (3.870 tỷ đồng).\n",
])
def test_a_rate_before_the_values_must_be_the_values_own(text):
    [f] = findings(text, "growth")
    assert f.severity == "error" and f.figures[0].endswith("/năm")


@pytest.mark.parametrize("text", [
    # the rate the values give
    "Thu ngân sách trên địa bàn tăng bình quân 9,9%/năm; năm 2025 đạt 86,4 tỷ đồng, gấp 1,6 lần năm 2020 (54,0 tỷ đồng).\n",
    # a rate of another period
    "Thu ngân sách tăng bình quân 15%/năm giai đoạn 2016-2020; năm 2025 đạt 86,4 tỷ đồng, gấp 1,6 lần năm 2020 (54,0 tỷ đồng).\n",
    # a falling subject
    "Tỷ lệ hộ nghèo giảm bình quân 15%/năm; năm 2025 còn 86,4 hộ, gấp 1,6 lần năm 2020 (54,0 hộ).\n",
    # the value's clause names its own subject
    "Dân số tăng bình quân 1,2%/năm; thu ngân sách năm 2025 đạt 86,4 tỷ đồng, gấp 1,6 lần năm 2020 (54,0 tỷ đồng).\n",
])
def test_a_rate_before_values_stays_silent_when_it_fits_or_is_not_theirs(text):
    assert findings(text, "growth") == []


def test_a_rate_judged_against_the_multiple_and_the_values_is_one_finding():
    text = "Thu ngân sách tăng bình quân 15%/năm giai đoạn 2021-2025, năm 2025 ước đạt 86,4 tỷ đồng, gấp 1,6 lần năm 2020 (54,0 tỷ đồng).\n"
    assert len(findings(text, "growth")) == 1


# --- growth: "so với ước thực hiện năm 2025 (…)" and "chỉ số phát triển …% so với năm 2023 (…)" ----
@pytest.mark.parametrize("text", [
    "- Tổng giá trị sản xuất đạt 1.520 tỷ đồng, tăng 10% so với ước thực hiện năm 2025 (1.402 tỷ đồng).\n",
    "- Thu ngân sách đạt 25.600 triệu đồng, tăng 12% so với thực hiện năm 2025 (24.100 triệu đồng).\n",
    "- Doanh thu dịch vụ đạt 842 tỷ đồng, tăng 9,5% so với năm 2025 (ước đạt 802 tỷ đồng).\n",
    "1. Giá trị sản xuất công nghiệp ước đạt 8.426,3 tỷ đồng, chỉ số phát triển 107,20% so với năm 2023 (7.956,8 tỷ đồng).\n",
    "Giá trị sản xuất nông nghiệp đạt 2.315 tỷ đồng, chỉ số 104,8% so với năm 2024 (2.254 tỷ đồng).\n",
])
def test_a_change_against_an_estimated_base_or_a_named_index(text):
    [f] = findings(text, "growth")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "- Tổng giá trị sản xuất đạt 1.520 tỷ đồng, tăng 8,4% so với ước thực hiện năm 2025 (1.402 tỷ đồng).\n",
    "1. Giá trị sản xuất công nghiệp ước đạt 8.426,3 tỷ đồng, chỉ số phát triển 105,90% so với năm 2023 (7.956,8 tỷ đồng).\n",
    "1. Giá trị sản xuất công nghiệp ước đạt 8.426,3 tỷ đồng, chỉ số phát triển 105,9% so với năm 2023 (7.956,8 tỷ đồng).\n",
    # percentage points of a rate
    "- Tỷ lệ hộ nghèo còn 1,85%, giảm 0,6% so với ước thực hiện năm 2025 (2,45%).\n",
])
def test_a_change_against_an_estimated_base_stays_silent_when_right(text):
    assert findings(text, "growth") == []


# --- count: the total in the count's sentence, or the sentence before ---------------------------
@pytest.mark.parametrize("text", [
    "Trong 21 chỉ tiêu chủ yếu Nghị quyết Đại hội đề ra, có 17 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt.\n",
    "Năm 2025 có 18 chỉ tiêu chủ yếu; kết quả có 15 chỉ tiêu đạt và vượt kế hoạch, 4 chỉ tiêu không đạt.\n",
    "Lĩnh vực xã hội có 12 chỉ tiêu, trong đó 10 chỉ tiêu đạt và vượt kế hoạch, 3 chỉ tiêu chưa đạt.\n",
    "Kế hoạch đề ra 20 chỉ tiêu chủ yếu. Kết quả: 16 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt.\n",
    "Trong 16 chỉ tiêu chủ yếu có 9 chỉ tiêu vượt, 5 chỉ tiêu đạt và 3 chỉ tiêu không đạt.\n",
    "Có 18 chỉ tiêu chủ yếu; 15 chỉ tiêu đạt và vượt, trong đó 6 chỉ tiêu vượt, 4 chỉ tiêu không đạt.\n",
])
def test_met_and_unmet_counts_must_make_the_total_of_the_sentence(text):
    [f] = findings(text, "count")
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Trong 21 chỉ tiêu chủ yếu Nghị quyết Đại hội đề ra, có 18 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt.\n",
    "Trong 21 chỉ tiêu, có 17 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt, 1 chỉ tiêu chưa có số liệu.\n",
    "Trong 21 chỉ tiêu, có 17 chỉ tiêu đạt và vượt, 3 chỉ tiêu cơ bản đạt, 1 chỉ tiêu không đạt.\n",
    # "trong đó" a part of the met ones
    "Có 18 chỉ tiêu chủ yếu; 15 chỉ tiêu đạt và vượt, trong đó 6 chỉ tiêu vượt, 3 chỉ tiêu không đạt.\n",
    # groups side by side (synthetic-4 r4_05)
    "Trong 16 chỉ tiêu chủ yếu có 9 chỉ tiêu vượt, 4 chỉ tiêu đạt và 3 chỉ tiêu không đạt.\n",
])
def test_counts_that_make_their_total_stay_silent(text):
    assert findings(text, "count") == []


TABLE = (
    "PHỤ LỤC: CÁC CHỈ TIÊU NĂM 2025\n"
    "TT\tChỉ tiêu\tĐVT\tKế hoạch\tThực hiện\tĐánh giá\n"
    "1\tTỷ lệ trẻ 6 tuổi vào lớp 1\t%\t100\t100\tĐạt\n"
    "2\tTỷ lệ tốt nghiệp THCS\t%\t98\t98,9\tVượt\n"
    "3\tTrường đạt chuẩn quốc gia\ttrường\t7\t6\tKhông đạt\n"
    "4\tTỷ lệ tham gia BHYT\t%\t93,5\t93,8\tVượt\n"
    "5\tTỷ lệ trẻ dưới 5 tuổi SDD thấp còi\t%\t11,5\t11,2\tĐạt\n"
    "6\tGiải quyết việc làm mới\tlao động\t380\t356\tKhông đạt\n"
)


@pytest.mark.parametrize("count", [
    "Năm 2025 có 6 chỉ tiêu chủ yếu, trong đó 5 chỉ tiêu đạt và vượt kế hoạch, 1 chỉ tiêu không đạt.\n",
    "Trong 6 chỉ tiêu, có 5 chỉ tiêu đạt và vượt, 1 chỉ tiêu chưa đạt (chi tiết tại phụ lục).\n",
    "Có 6 chỉ tiêu; 3 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt.\n",
])
def test_a_count_with_its_total_against_the_table_of_verdicts(count):
    fs = findings("BÁO CÁO NĂM 2025\n" + count + "\n" + TABLE, "count")
    [f] = fs
    assert f.severity == "error" and f.lines[0] == 2


def test_a_count_the_table_agrees_with_stays_silent():
    text = "BÁO CÁO NĂM 2025\nNăm 2025 có 6 chỉ tiêu chủ yếu, trong đó 4 chỉ tiêu đạt và vượt kế hoạch, 2 chỉ tiêu không đạt.\n\n" + TABLE
    assert findings(text, "count") == []
    # and the lower-is-better row ("SDD thấp còi" 11,2% against 11,5%) is met
    assert findings(text, "verdict") == []


# --- count: an item of the counted list that its own figures judge the other way ---------------
LIST = (
    "Kế hoạch 5 năm đề ra 20 chỉ tiêu chủ yếu. Kết quả: 17 chỉ tiêu đạt và vượt, 3 chỉ tiêu không đạt, gồm:\n"
    "- Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ: kế hoạch 35%, thực hiện 31,6%;\n"
    "- Tỷ lệ dân số tham gia bảo hiểm y tế: kế hoạch 95%, thực hiện 92,9%;\n"
    "- {last}\n"
)


@pytest.mark.parametrize("last", [
    "Tỷ lệ lao động tham gia bảo hiểm xã hội: kế hoạch 18%, thực hiện 19,8%.",
    "Thu nhập bình quân đầu người: kế hoạch 60 triệu đồng, thực hiện 64,5 triệu đồng.",
    "Tỷ lệ hộ nghèo: kế hoạch dưới 2%, thực hiện 1,4%.",
])
def test_an_item_met_by_its_own_figures_among_the_unmet(last):
    [f] = findings(LIST.format(last=last), "count")
    assert f.lines[0] == 4 and "3 chỉ tiêu" in f.figures


@pytest.mark.parametrize("last", [
    "Tỷ lệ lao động tham gia bảo hiểm xã hội: kế hoạch 18%, thực hiện 16,2%.",
    "Tỷ lệ hộ nghèo: kế hoạch dưới 1%, thực hiện 1,4%.",
    # a near miss is left to the writer
    "Tỷ lệ lao động tham gia bảo hiểm xã hội: kế hoạch 18%, thực hiện 17,9%.",
])
def test_a_list_of_unmet_items_all_unmet_stays_silent(last):
    assert findings(LIST.format(last=last), "count") == []


# --- verdict: a verdict with no target beside it, against the table row of the same value ------
BUDGET = (
    "BÁO CÁO THU NGÂN SÁCH NĂM 2025\n"
    "- {line}\n"
    "\n"
    "BIỂU SỐ 01: THU NGÂN SÁCH NHÀ NƯỚC NĂM 2025\n"
    "(Đơn vị: triệu đồng)\n"
    "STT | Nội dung | Dự toán | Ước thực hiện | So dự toán (%)\n"
    "1 | Thuế ngoài quốc doanh | 4.200 | 4.715 | 112,3\n"
    "2 | Lệ phí trước bạ | 1.850 | 1.692 | 91,5\n"
    "3 | Thu tiền sử dụng đất | 5.600 | 6.480 | 115,7\n"
)


@pytest.mark.parametrize("line", [
    "Lệ phí trước bạ ước 1.692 triệu đồng, vượt dự toán do thị trường mua bán xe sôi động.",
    "Lệ phí trước bạ ước thực hiện 1.692 triệu đồng, đạt dự toán.",
    "Lệ phí trước bạ 1.692 triệu đồng, hoàn thành vượt mức dự toán.",
])
def test_a_verdict_against_the_target_of_its_table_row(line):
    fs = findings(BUDGET.format(line=line), "verdict")
    assert len(fs) == 1 and fs[0].lines[0] == 2


@pytest.mark.parametrize("line", [
    "Thuế ngoài quốc doanh ước 4.715 triệu đồng, vượt dự toán.",
    "Lệ phí trước bạ ước 1.692 triệu đồng, không đạt dự toán do thị trường trầm lắng.",
    "Lệ phí trước bạ ước 1.692 triệu đồng.",
    # another value than the row's: another figure (a part of the year, a sub-item)
    "Lệ phí trước bạ ô tô ước 1.240 triệu đồng, vượt dự toán.",
])
def test_a_verdict_the_table_row_agrees_with_stays_silent(line):
    assert findings(BUDGET.format(line=line), "verdict") == []


# --- verdict: "đạt yêu cầu (… tối thiểu 65% …)" ---------------------------------------------------
@pytest.mark.parametrize("text", [
    "Giải ngân vốn đầu tư công đến 30/9 đạt 18,62 tỷ đồng/31,5 tỷ đồng kế hoạch, tỷ lệ 59,1%, đạt yêu cầu của tỉnh (giải ngân tối thiểu 65% kế hoạch đến 30/9).\n",
    "Tỷ lệ hồ sơ giải quyết trực tuyến 72,4%, đạt chỉ tiêu (ít nhất 80%).\n",
    "Tỷ lệ hồ sơ trễ hạn 3,6%, đạt yêu cầu (tối đa 2%).\n",
    "Tỷ lệ thu gom rác thải 85,6%, đạt mục tiêu đề ra (trên 90%).\n",
])
def test_a_share_called_met_against_the_floor_in_brackets(text):
    fs = findings(text, "verdict")
    assert len(fs) == 1 and fs[0].severity == "error"


@pytest.mark.parametrize("text", [
    "Giải ngân vốn đầu tư công đến 30/9 đạt 21 tỷ đồng/31,5 tỷ đồng kế hoạch, tỷ lệ 66,7%, đạt yêu cầu của tỉnh (giải ngân tối thiểu 65% kế hoạch đến 30/9).\n",
    "Tỷ lệ giải ngân 59,1%, chưa đạt yêu cầu của tỉnh (tối thiểu 65%).\n",
    "Tỷ lệ hồ sơ trễ hạn 1,6%, đạt yêu cầu (tối đa 2%).\n",
    # rounding: 64,96 printed 65,0 at one decimal meets 65
    "Tỷ lệ giải ngân 65,0%, đạt yêu cầu (tối thiểu 65%).\n",
])
def test_a_share_meeting_its_floor_stays_silent(text):
    assert findings(text, "verdict") == []


# --- verdict: a result of part of a year against the year's target is not a miss ---------------
@pytest.mark.parametrize("line", [
    "- Tổng chi ngân sách 6 tháng 29.874 triệu đồng, bằng 41,2% dự toán (72.500 triệu đồng), đảm bảo chi lương.",
    "- Giá trị sản xuất thương mại - dịch vụ 6 tháng ước đạt 1.245,6 tỷ đồng, bằng 50,2% kế hoạch năm (2.480 tỷ đồng).",
    "- Giải quyết việc làm quý I cho 210 lao động (kế hoạch 800 lao động).",
    "- Thu ngân sách lũy kế đến 30/6 đạt 38.456 triệu đồng (dự toán 73.500 triệu đồng).",
])
def test_a_part_of_the_year_against_the_year_target_is_no_miss(line):
    text = "BÁO CÁO 6 THÁNG ĐẦU NĂM 2026\n" + line + "\n"
    assert findings(text, "verdict") == []


def test_a_part_of_the_year_against_its_own_target_is_judged():
    text = "BÁO CÁO NĂM 2026\n- Giải quyết việc làm 6 tháng cho 210 lao động (kế hoạch 6 tháng 400 lao động).\n"
    assert len(findings(text, "verdict")) == 1


@pytest.mark.parametrize("row", [
    "5\tTỷ lệ trẻ dưới 5 tuổi SDD thấp còi\t%\t11,5\t11,2\tĐạt",
    "5\tTỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng nhẹ cân\t%\t9\t8,6\tĐạt",
    "5\tTỷ lệ hồ sơ trễ hạn\t%\t2\t1,4\tĐạt",
])
def test_lower_is_better_rows_met(row):
    text = "PHỤ LỤC NĂM 2025\nTT\tChỉ tiêu\tĐVT\tKế hoạch\tThực hiện\tĐánh giá\n" + row + "\n"
    assert findings(text, "verdict") == []


# --- same-indicator-two-values ----------------------------------------------------------------
NINE = (
    "BÁO CÁO\nTình hình kinh tế - xã hội 9 tháng đầu năm, phương hướng nhiệm vụ 3 tháng cuối năm 2026\n\n"
    "Phần I. KẾT QUẢ\n"
    "a) Sản lượng lương thực 9 tháng đạt 15.640 tấn; dự kiến vụ Mùa thắng lợi, ước cả năm đạt {year_value} tấn.\n"
    "Thu ngân sách nhà nước trên địa bàn 9.874 triệu đồng, đạt 74,8% dự toán năm.\n\n"
    "PHỤ LỤC\n"
    "Chỉ tiêu\tĐơn vị\tKế hoạch năm\tThực hiện 9 tháng\tƯớc cả năm\n"
    "Sản lượng lương thực\ttấn\t21.500\t15.640\t21.830\n"
    "Thu NSNN trên địa bàn\ttriệu đồng\t13.200\t9.874\t13.450\n"
)


def test_the_year_estimate_of_a_clause_against_the_appendix():
    [f] = findings(NINE.format(year_value="21.380"), "same-indicator-two-values")
    assert set(f.figures) == {"21.380 tấn", "21.830"} or "21.380" in " ".join(f.figures)


def test_nine_months_and_the_year_are_two_figures():
    assert findings(NINE.format(year_value="21.830"), "same-indicator-two-values") == []


@pytest.mark.parametrize("body, table", [
    ("Thu nhập bình quân đầu người năm 2025 ước đạt 78,5 triệu đồng, gấp 1,5 lần năm 2020 (52,3 triệu đồng).",
     "| 2 | Thu nhập bình quân đầu người | triệu đồng | 75 | 76,8 | Vượt |"),
    ("Năm 2025, thu nhập bình quân đầu người đạt 81,2 triệu đồng/người/năm.",
     "| 2 | Thu nhập bình quân đầu người | triệu đồng/người/năm | 75 | 80,2 | Vượt |"),
])
def test_income_per_head_body_against_appendix(body, table):
    text = ("BÁO CÁO NHIỆM KỲ 2020 - 2025\n" + body + "\n\nPHỤ LỤC 1. KẾT QUẢ THỰC HIỆN NĂM 2025\n"
            "| STT | Chỉ tiêu | ĐVT | NQ Đại hội | Thực hiện 2025 | Đánh giá |\n|---|---|---|---|---|---|\n" + table + "\n")
    assert len(findings(text, "same-indicator-two-values")) == 1


def test_income_per_head_agreeing_stays_silent():
    text = ("BÁO CÁO NHIỆM KỲ 2020 - 2025\nThu nhập bình quân đầu người năm 2025 ước đạt 76,8 triệu đồng, gấp 1,5 lần năm 2020 "
            "(52,3 triệu đồng).\n\nPHỤ LỤC 1. KẾT QUẢ THỰC HIỆN NĂM 2025\n"
            "| STT | Chỉ tiêu | ĐVT | NQ Đại hội | Thực hiện 2025 | Đánh giá |\n|---|---|---|---|---|---|\n"
            "| 2 | Thu nhập bình quân đầu người | triệu đồng | 75 | 76,8 | Vượt |\n")
    assert findings(text, "same-indicator-two-values") == []


# --- target-conflict: a target dated by its list's heading ---------------------------------------
@pytest.mark.parametrize("item, later", [
    ("- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.",
     "2. Vận động người dân, phấn đấu tỷ lệ tham gia bảo hiểm y tế năm 2026 đạt 96%."),
    ("- Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt 92%.",
     "3. Phát động phong trào, phấn đấu năm 2026 tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt 94%."),
    ("- Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 35%.",
     "4. Mở lớp nghề, phấn đấu năm 2026 tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 38%."),
])
def test_a_target_dated_by_its_heading_against_one_dated_in_its_sentence(item, later):
    text = ("Điều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2026\n2. Chỉ tiêu xã hội\n" + item +
            "\n\nĐiều 3. Nhiệm vụ, giải pháp chủ yếu\n1. Tập trung chỉ đạo.\n" + later + "\n")
    [f] = findings(text, "target-conflict")
    assert f.severity == "error"


@pytest.mark.parametrize("heading, later", [
    # the same target
    ("Điều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2026",
     "2. Vận động người dân, phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế năm 2026 đạt 95%."),
    # another year
    ("Điều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2026",
     "2. Vận động người dân, phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế năm 2030 đạt 97%."),
    # a heading that names no year: nothing dates the item
    ("Điều 2. Mục tiêu và các chỉ tiêu chủ yếu",
     "2. Vận động người dân, phấn đấu tỷ lệ dân số tham gia bảo hiểm y tế năm 2026 đạt 96%."),
])
def test_a_heading_dated_target_look_alikes(heading, later):
    text = (heading + "\n2. Chỉ tiêu xã hội\n- Tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n\n"
            "Điều 3. Nhiệm vụ, giải pháp chủ yếu\n" + later + "\n")
    assert findings(text, "target-conflict") == []


# --- feasibility: a count of what is to be added is no stock ----------------------------------
@pytest.mark.parametrize("target", [
    "- Có thêm 01 trường đạt chuẩn quốc gia (nâng tổng số lên 5/6 trường).",
    "- Công nhận mới 2 trường đạt chuẩn quốc gia.",
    "- Số trường đạt chuẩn quốc gia tăng thêm 1 trường.",
])
def test_a_target_of_additions_is_not_below_the_stock(target):
    text = ("Năm 2025 có 4 trường đạt chuẩn quốc gia.\n\nĐiều 2. Mục tiêu và các chỉ tiêu chủ yếu năm 2026\n"
            + target + "\n")
    assert findings(text, "feasibility") == []
