"""Checker round 3, ck1 (eval/checker-3): ratios, sums and shares the checker missed — each rule
with the blind set's example, other wordings, and look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from chitieu.check import check_text


def of(kind: str, text: str):
    return [f for f in check_text(text) if f.type == kind]


# --- shares: the whole stands before "cơ cấu:" in the sentence ---------------------------------

@pytest.mark.parametrize("text", [
    "Tổng vốn đầu tư toàn xã hội 9 tháng ước 96,8 tỷ đồng; cơ cấu: vốn ngân sách 38,5%, vốn doanh nghiệp 44,2%, vốn dân cư 19,3%.",
    "Tổng số lao động 12.400 người, cơ cấu: nông nghiệp 41,2%, công nghiệp 33,5%, dịch vụ 28,3%.",
    "Giá trị sản xuất đạt 3.240 tỷ đồng, với cơ cấu dịch vụ 52,1%, công nghiệp - xây dựng 31,4%, nông nghiệp 19,5%.",
    "Diện tích đất nông nghiệp 1.820 ha; tỷ trọng: đất lúa 61%, đất màu 25%, đất nuôi trồng thủy sản 17%.",
    "Tổng sản phẩm trên địa bàn ước 5.120 tỷ đồng, tăng 7,2%; cơ cấu kinh tế: dịch vụ 48,6%, công nghiệp 35,1%, nông nghiệp 18,3%.",
])
def test_shares_after_their_whole(text):
    [f] = of("shares", text)
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Tổng vốn đầu tư toàn xã hội 9 tháng ước 96,8 tỷ đồng; cơ cấu: vốn ngân sách 36,5%, vốn doanh nghiệp 44,2%, vốn dân cư 19,3%.",
    # rounding within the printed digits
    "Tổng số lao động 12.400 người, cơ cấu: nông nghiệp 38,2%, công nghiệp 33,5%, dịch vụ 28,4%.",
    # two years side by side
    "Giá trị sản xuất đạt 3.240 tỷ đồng, cơ cấu chuyển dịch từ dịch vụ 48% lên 52,1%, công nghiệp 31,4%.",
])
def test_shares_after_their_whole_silent(text):
    assert of("shares", text) == []


# --- sums: "trong đó" after the total's change or share and its base in brackets --------------

@pytest.mark.parametrize("text, computed", [
    ("Tổng mức bán lẻ hàng hóa ước 12.648 tỷ đồng, tăng 11,4% so với năm trước (11.354 tỷ đồng).\n"
     "Trong đó: bán lẻ hàng hóa 9.215 tỷ đồng; dịch vụ lưu trú, ăn uống 2.106 tỷ đồng; dịch vụ khác 1.427 tỷ đồng.", "12.748"),
    ("- Tổng thu ngân sách 6 tháng ước đạt 38.456 triệu đồng, đạt 52,3% dự toán năm (73.500 triệu đồng).\n"
     "  Trong đó: thu thuế 17.820 triệu đồng; lệ phí trước bạ 9.345 triệu đồng; thu tiền sử dụng đất 8.600 triệu đồng; "
     "các khoản thu khác 2.491 triệu đồng.", "38.256"),
    ("Tổng chi ngân sách 20.150 triệu đồng, bằng 96,2% dự toán (dự toán 20.946 triệu đồng), trong đó chi đầu tư "
     "5.400 triệu đồng, chi thường xuyên 14.250 triệu đồng, chi khác 700 triệu đồng.", "20.350"),
    ("Sản lượng lương thực 45.210 tấn, giảm 2,1% (năm 2023: 46.180 tấn); trong đó lúa 38.900 tấn, ngô 6.010 tấn.",
     "44.910"),
])
def test_sum_after_a_change_and_its_base(text, computed):
    [f] = of("sum", text)
    assert f.computed == computed


@pytest.mark.parametrize("text", [
    "Tổng mức bán lẻ hàng hóa ước 12.648 tỷ đồng, tăng 11,4% so với năm trước (11.354 tỷ đồng).\n"
    "Trong đó: bán lẻ hàng hóa 9.115 tỷ đồng; dịch vụ lưu trú, ăn uống 2.106 tỷ đồng; dịch vụ khác 1.427 tỷ đồng.",
    # some parts only
    "Tổng thu ngân sách ước 38.456 triệu đồng, đạt 52,3% dự toán năm (73.500 triệu đồng). Trong đó: thu thuế 17.820 triệu đồng.",
    "Tổng thu ngân sách ước 38.456 triệu đồng, đạt 52,3% dự toán năm (73.500 triệu đồng). Trong đó: thu thuế 17.820 "
    "triệu đồng; lệ phí 9.345 triệu đồng.",
])
def test_sum_after_a_change_silent(text):
    assert of("sum", text) == []


# --- sums: people counted as học sinh, em, cháu ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Năm học 2025 - 2026 có 4.862 học sinh, trong đó: mầm non 1.215 cháu, tiểu học 2.104 em, trung học cơ sở 1.453 em.",
    "Toàn xã có 1.320 trẻ em, gồm 610 cháu trai và 690 cháu gái.",
    "Tổ chức khám sức khỏe cho 2.500 học sinh, trong đó tiểu học 1.400 em, THCS 1.060 em.",
])
def test_sum_of_people_by_other_nouns(text):
    [f] = of("sum", text)
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Năm học 2025 - 2026 có 4.772 học sinh, trong đó: mầm non 1.215 cháu, tiểu học 2.104 em, trung học cơ sở 1.453 em.",
    "Toàn xã có 1.300 trẻ em, gồm 610 cháu trai và 690 cháu gái.",
    # a part only ("trong đó" names some): far below the total
    "Tổ chức khám sức khỏe cho 2.500 học sinh, trong đó tiểu học 1.400 em.",
])
def test_sum_of_people_silent(text):
    assert of("sum", text) == []


# --- sums: a list's total before its share of the plan and the plan in brackets ------------------

LIST = "\n- Chi đầu tư phát triển 6.240 triệu đồng;\n- Chi thường xuyên 15.830 triệu đồng, tăng 5,4% so với năm 2024 (15.012 triệu đồng);\n- Chi khác 845 triệu đồng."


@pytest.mark.parametrize("head", [
    "Tổng chi ngân sách xã ước thực hiện 23.115 triệu đồng, đạt 94,8% dự toán (24.380 triệu đồng), gồm:",
    "Tổng chi ngân sách xã 23.115 triệu đồng (dự toán 24.380 triệu đồng), bao gồm:",
    "Tổng chi ngân sách xã 23.115 triệu đồng, tăng 6,2% so với năm 2024, gồm:",
    "Tổng chi ngân sách xã 23.115 triệu đồng, bằng 94,8% dự toán, trong đó:",
])
def test_list_total_before_its_asides(head):
    [f] = of("sum", head + LIST)
    assert f.computed == "22.915"


@pytest.mark.parametrize("head", [
    "Tổng chi ngân sách xã ước thực hiện 22.915 triệu đồng, đạt 94,0% dự toán (24.380 triệu đồng), gồm:",
    "Tổng chi ngân sách xã 22.915 triệu đồng (dự toán 24.380 triệu đồng), bao gồm:",
])
def test_list_total_before_its_asides_silent(head):
    assert of("sum", head + LIST) == []


# --- sums: cases by their state ------------------------------------------------------------------

@pytest.mark.parametrize("text, computed", [
    ("- Đã giải quyết 3.297 hồ sơ; đang giải quyết 185 hồ sơ (trong hạn).\n- Số hồ sơ giải quyết đúng hạn 3.205 hồ sơ; trễ hạn 82 hồ sơ.",
     "3.287"),
    ("Đã giải quyết 1.240 hồ sơ, trong đó trước hạn 300 hồ sơ, đúng hạn 920 hồ sơ, quá hạn 10 hồ sơ.", "1.230"),
    ("Trong quý tiếp nhận 14 phản ánh, kiến nghị; đã giải quyết 12 phản ánh, kiến nghị, đang xem xét giải quyết 3 phản ánh, kiến nghị.",
     "15"),
    ("Tiếp nhận 86 đơn thư; đã giải quyết 70 đơn, đang giải quyết 12 đơn.", "82"),
])
def test_cases_by_state(text, computed):
    [f] = of("sum", text)
    assert f.computed == computed


@pytest.mark.parametrize("text", [
    "Bộ phận Một cửa tiếp nhận 6.842 hồ sơ, đã giải quyết 6.715 hồ sơ (98,1% số tiếp nhận); trong đó giải quyết đúng hạn "
    "6.652 hồ sơ, đạt 99,1%, trễ hạn 63 hồ sơ.",
    "- Đã giải quyết 3.297 hồ sơ; đang giải quyết 185 hồ sơ.\n- Số hồ sơ giải quyết đúng hạn 3.205 hồ sơ; trễ hạn 92 hồ sơ.",
    # cases from the period before: received + carried over
    "Tiếp nhận 80 đơn (kỳ trước chuyển sang 6 đơn); đã giải quyết 70 đơn, đang giải quyết 16 đơn.",
    # another state named: returned
    "Tiếp nhận 86 đơn; đã giải quyết 70 đơn, đang giải quyết 12 đơn, trả lại 4 đơn.",
    # employment is no case handled
    "Giải quyết việc làm cho 412 lao động; tiếp nhận 30 hồ sơ, trong đó đúng hạn 20 hồ sơ, trễ hạn 3 hồ sơ.",
    # on time only: no late figure to add
    "Đã giải quyết 500 hồ sơ, đúng hạn 498 hồ sơ.",
])
def test_cases_by_state_silent(text):
    assert of("sum", text) == []


# --- ratio: the on-time rate of the list it closes ----------------------------------------------

CASES = "- Đã giải quyết 3.297 hồ sơ; đang giải quyết 185 hồ sơ.\n- Số hồ sơ giải quyết đúng hạn 3.205 hồ sơ; trễ hạn 92 hồ sơ.\n"


@pytest.mark.parametrize("rate", [
    "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,2%, thấp hơn quý II.",
    "- Tỷ lệ giải quyết đúng hạn: 98,2%.",
    "- Tỷ lệ hồ sơ đúng hạn là 98,2%.",
    "- Tỷ lệ hồ sơ trễ hạn 1,8%.",
])
def test_case_rate(rate):
    [f] = of("ratio", CASES + rate)
    assert f.severity == "error"


@pytest.mark.parametrize("rate", [
    "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 97,2%.",
    "- Tỷ lệ hồ sơ trễ hạn 2,8%.",
    # over the cases received (a reading some reports use)
    "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt 92,0%.",
])
def test_case_rate_silent(rate):
    assert of("ratio", "Tiếp nhận 3.482 hồ sơ.\n" + CASES + rate) == []


# --- ratio: a plan in brackets without its unit -------------------------------------------------

@pytest.mark.parametrize("text", [
    "- Cấp 215 giấy chứng nhận quyền sử dụng đất lần đầu, đạt 61,8% kế hoạch năm (380 giấy).",
    "- Cấp 215 giấy chứng nhận, đạt 61,8% kế hoạch (kế hoạch: 380).",
    "- Tổ chức 18 lớp tập huấn, đạt 75% kế hoạch (kế hoạch: 20).",
])
def test_unitless_plan(text):
    [f] = of("ratio", text)
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "- Cấp 215 giấy chứng nhận quyền sử dụng đất lần đầu, đạt 56,6% kế hoạch năm (380 giấy).",
    "- Tổ chức 18 lớp tập huấn, đạt 90% kế hoạch (kế hoạch: 20).",
    # money: the plan's scale is not known
    "- Thu 215 triệu đồng, đạt 61,8% kế hoạch năm (380).",
])
def test_unitless_plan_silent(text):
    assert of("ratio", text) == []


# --- ratio: the plan given only in the table -----------------------------------------------------

TABLE = (
    "\nBIỂU SỐ 01: THU NGÂN SÁCH NĂM 2025\n(Đơn vị: triệu đồng)\n"
    "STT | Nội dung | Dự toán | Ước thực hiện | So dự toán (%)\n"
    "1 | Thuế ngoài quốc doanh | 4.200 | 4.715 | 112,3\n"
    "2 | Thu tiền sử dụng đất | 5.600 | 6.480 | 115,7\n"
    "3 | Phí, lệ phí | 320 | 341 | 106,6\n"
)


@pytest.mark.parametrize("text", [
    "- Thu tiền sử dụng đất ước 6.480 triệu đồng, đạt 125,7% dự toán, chủ yếu từ đấu giá 14 lô đất ở.",
    "- Thu tiền sử dụng đất 6.480 triệu đồng, bằng 125,7% dự toán.",
    "- Thuế ngoài quốc doanh ước thực hiện 4.715 triệu đồng, đạt 102,3% dự toán.",
])
def test_plan_in_table(text):
    [f] = of("ratio", text + "\n" + TABLE)
    assert f.severity == "error" and len(f.lines) == 2


@pytest.mark.parametrize("text", [
    "- Thu tiền sử dụng đất ước 6.480 triệu đồng, đạt 115,7% dự toán.",
    # another figure than the row's result
    "- Thu tiền sử dụng đất quý IV ước 2.480 triệu đồng, đạt 125,7% dự toán.",
    # the sentence gives its own plan
    "- Thu tiền sử dụng đất ước 6.480 triệu đồng, đạt 108,0% dự toán điều chỉnh (6.000 triệu đồng).",
])
def test_plan_in_table_silent(text):
    assert of("ratio", text + "\n" + TABLE) == []


# --- ratio: a whole that calls itself the total, the part done of it -----------------------------

@pytest.mark.parametrize("text", [
    "2. Toàn huyện có 4 cụm công nghiệp với tổng diện tích 186,5 ha, đã cho thuê 128,7 ha, tỷ lệ lấp đầy 72,6%.",
    "Tổng số 1.250 hộ, đã được cấp nước sạch 1.020 hộ, tỷ lệ 85%.",
    "Tổng chiều dài 42,5 km, đã được cứng hóa 36,1 km, đạt tỷ lệ 88,2%.",
])
def test_total_and_part_done(text):
    [f] = of("ratio", text)
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "2. Toàn huyện có 4 cụm công nghiệp với tổng diện tích 186,5 ha, đã cho thuê 128,7 ha, tỷ lệ lấp đầy 69%.",
    "Tổng số 1.250 hộ, đã được cấp nước sạch 1.020 hộ, tỷ lệ 81,6%.",
    # a change, not a share
    "Tổng diện tích 186,5 ha, đã cho thuê 128,7 ha, tỷ lệ tăng 12%.",
])
def test_total_and_part_done_silent(text):
    assert of("ratio", text) == []


# --- ratio: a part whose name extends the whole's ------------------------------------------------

CROPS = "Tổng diện tích gieo trồng cả năm 24.485 ha; trong đó: lúa 16.240 ha, ngô 2.115 ha, rau màu 3.870 ha, cây khác 2.260 ha.\n"


@pytest.mark.parametrize("text", [
    "Diện tích lúa chất lượng cao 9.850 ha, chiếm 65,2% diện tích lúa; tiếp tục nhân rộng cánh đồng lớn.",
    "Diện tích ngô lai 1.900 ha, chiếm 80% diện tích ngô.",
    "Rau màu an toàn 1.200 ha, chiếm 35,0% diện tích rau màu.",
])
def test_part_of_named_whole(text):
    [f] = of("ratio", CROPS + text)
    assert f.severity == "error"


@pytest.mark.parametrize("text", [
    "Diện tích lúa chất lượng cao 9.850 ha, chiếm 60,7% diện tích lúa.",
    # a whole the text does not give
    "Diện tích lúa chất lượng cao 9.850 ha, chiếm 65,2% diện tích lúa của tỉnh.",
    # a whole whose name the part does not extend
    "Cánh đồng lớn 9.850 ha, chiếm 65,2% diện tích lúa.",
])
def test_part_of_named_whole_silent(text):
    assert of("ratio", CROPS + text) == []
