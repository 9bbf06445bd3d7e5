"""Round 4 (eval/checker-4), helper ck4: growth, verdict, same-indicator-two-values and
target-conflict rules, each with other wordings and look-alikes that must stay silent."""

from __future__ import annotations

import pytest

from chitieu.check import check_text


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.type, f.severity) for f in check_text(text)]


def has(text: str, kind: str) -> bool:
    return any(f.type == kind and f.severity == "error" for f in check_text(text))


# growth: an index against a past period and the change it restates
@pytest.mark.parametrize("text", [
    "Tổng sản lượng lương thực đạt 24.850 tấn, bằng 104,6% so với năm trước, tức là tăng 6,4%.",
    "Doanh thu bằng 112% so với năm 2024 (tăng 21%).",
    "Sản lượng đạt 9.100 tấn, bằng 95,2% so với cùng kỳ, giảm 5,8%.",
    "Kim ngạch xuất khẩu đạt 120 triệu USD, bằng 108,3% so với cùng kỳ năm trước, hay tăng 3,8%.",
])
def test_index_and_the_change_it_restates(text):
    assert has(text, "growth")


@pytest.mark.parametrize("text", [
    "Tổng sản lượng lương thực đạt 24.850 tấn, bằng 104,6% so với năm trước, tức là tăng 4,6%.",
    "Sản lượng đạt 9.100 tấn, bằng 95,2% so với cùng kỳ, giảm 4,8%.",
    "Sản lượng đạt 24.850 tấn, bằng 104,6% kế hoạch, tăng 6,4%.",  # index of the plan, rate of the year
    "Sản lượng đạt 24.850 tấn, bằng 104,6% so với năm trước, tăng 6,4% so với kế hoạch.",
    "Doanh thu bằng 112,4% so với năm 2024 (tăng 12%).",  # rounding of the printed digits
])
def test_index_and_change_lookalikes_silent(text):
    assert not has(text, "growth")


# growth: a base after any words of "so với … (base)", a named average rate after from-to
@pytest.mark.parametrize("text,bad", [
    ("Tổng thu ngân sách xã năm 2024: 27.099 triệu đồng, tăng 11,8% so với quyết toán năm 2023 (24.615 triệu đồng).", True),
    ("Tổng thu ngân sách xã năm 2024: 27.099 triệu đồng, tăng 10,1% so với quyết toán năm 2023 (24.615 triệu đồng).", False),
    ("Doanh thu năm 2025 đạt 410 tỷ đồng, tăng 12% so với số liệu năm 2024 (380 tỷ đồng).", True),
    ("Doanh thu năm 2025 đạt 410 tỷ đồng, tăng 7,9% so với số liệu năm 2024 (380 tỷ đồng).", False),
    ("Tổng giá trị sản xuất (giá so sánh) tăng từ 1.240 tỷ đồng năm 2020 lên 2.015 tỷ đồng năm 2025, "
     "tốc độ tăng trưởng bình quân giai đoạn 2021-2025 đạt 12,5%/năm.", True),
    ("Tổng giá trị sản xuất (giá so sánh) tăng từ 1.240 tỷ đồng năm 2020 lên 2.015 tỷ đồng năm 2025, "
     "tốc độ tăng trưởng bình quân giai đoạn 2021-2025 đạt 10,2%/năm.", False),
    ("Thu nhập bình quân tăng từ 42 triệu đồng năm 2020 lên 68 triệu đồng năm 2025, tăng trưởng bình quân hằng năm đạt 13,5%.", True),
    ("Thu nhập bình quân tăng từ 42 triệu đồng năm 2020 lên 68 triệu đồng năm 2025, tăng trưởng bình quân hằng năm đạt 10,1%.", False),
])
def test_growth_bases_and_named_rates(text, bad):
    assert has(text, "growth") is bad


# verdict: a result and its target in one sentence, a verdict after them
@pytest.mark.parametrize("text", [
    "Tỷ lệ tăng dân số tự nhiên năm nay là 1,32%, chỉ tiêu đặt ra là dưới 1,2%, nhưng vẫn coi như đã hoàn thành.",
    "Thời gian lưu trú bình quân của khách đạt 1,9 ngày (kế hoạch 2,1 ngày), đạt kế hoạch đề ra.",
    "Tỷ lệ hộ nghèo còn 4,2% (kế hoạch 3,5%), đạt kế hoạch.",
    "Số lượt khách đạt 11.200 lượt, kế hoạch là 12.000 lượt, đã hoàn thành.",
])
def test_verdict_against_target_in_sentence(text):
    assert has(text, "verdict")


@pytest.mark.parametrize("text", [
    "Tỷ lệ tăng dân số tự nhiên năm nay là 1,12%, chỉ tiêu đặt ra là dưới 1,2%, đã hoàn thành.",
    "Tỷ lệ tăng dân số tự nhiên năm nay là 1,32%, chỉ tiêu đặt ra là dưới 1,2%, chưa hoàn thành.",
    "Tỷ lệ hộ nghèo còn 3,2% (kế hoạch 3,5%), đạt kế hoạch.",
    "Số khách đạt 12.400 lượt (kế hoạch 12.000 lượt), vượt kế hoạch.",
    "Số lượt khách đạt 11.950 lượt, kế hoạch là 12.000 lượt, cơ bản đạt.",
])
def test_verdict_in_sentence_lookalikes_silent(text):
    assert not has(text, "verdict")


# verdict: a ceiling said kept that the figures pass; spending below budget is no miss
def test_not_over_budget_contradicted():
    assert has("Chi thường xuyên: 19.732 triệu đồng, bằng 103,2% dự toán (19.120 triệu đồng), "
               "không vượt dự toán được giao.", "verdict")
    assert has("Chi đầu tư phát triển 8.460 triệu đồng (dự toán 8.000 triệu đồng), chưa vượt dự toán.", "verdict")
    assert not has("Chi thường xuyên: 18.732 triệu đồng, bằng 98,0% dự toán (19.120 triệu đồng), "
                   "không vượt dự toán được giao.", "verdict")
    assert not has("Chi thường xuyên: 19.130 triệu đồng, bằng 100,1% dự toán (19.120 triệu đồng), "
                   "không vượt dự toán được giao.", "verdict")


@pytest.mark.parametrize("text", [
    "+ Chi ngân sách thực hiện 25.466 triệu đồng, bằng 91,6% dự toán (27.800 triệu đồng).",
    "Tổng chi ngân sách xã năm 2025 là 25.466 triệu đồng (dự toán 27.800 triệu đồng).",
    "- Chi thường xuyên 12.300 triệu đồng, bằng 90% dự toán (13.667 triệu đồng).",
])
def test_spending_below_budget_is_no_miss(text):
    assert not has(text, "verdict")


# same-indicator-two-values: a body figure without a year in the report of one year
REPORT = "BÁO CÁO Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2025\nI. KẾT QUẢ\n{body}\nBIỂU KÈM THEO\nTT | Chỉ tiêu | ĐVT | KH 2025 | TH 2025\n{row}\n"


@pytest.mark.parametrize("body,row,bad", [
    ("Công tác bảo vệ rừng được tăng cường, độ che phủ rừng đạt 68,4%, không để xảy ra cháy rừng.",
     "3 | Độ che phủ rừng | % | 68,0 | 67,9", True),
    ("Công tác bảo vệ rừng được tăng cường, độ che phủ rừng đạt 67,9%, không để xảy ra cháy rừng.",
     "3 | Độ che phủ rừng | % | 68,0 | 67,9", False),
    ("- Đã có 1.245 hộ kinh doanh cá thể đang hoạt động trên địa bàn.",
     "1 | Số hộ kinh doanh cá thể | hộ | 1.300 | 1.254", True),
    ("- Đã có 1.254 hộ kinh doanh cá thể đang hoạt động trên địa bàn.",
     "1 | Số hộ kinh doanh cá thể | hộ | 1.300 | 1.254", False),
    ("- Đã có 86 hộ kinh doanh cá thể đăng ký mới trên địa bàn.",  # new ones, not the stock
     "1 | Số hộ kinh doanh cá thể | hộ | 1.300 | 1.254", False),
])
def test_undated_body_figure_against_its_table_row(body, row, bad):
    found = any(f.type == "same-indicator-two-values" for f in check_text(REPORT.format(body=body, row=row)))
    assert found is bad


def test_two_undated_prose_figures_stay_apart():
    text = REPORT.format(body="Ngân sách tỉnh hỗ trợ độ che phủ rừng 30 tỷ đồng.\nNgân sách tỉnh hỗ trợ độ che phủ rừng 15 tỷ đồng.",
                         row="1 | Số hộ | hộ | 10 | 12")
    assert not any(f.type == "same-indicator-two-values" for f in check_text(text))


# target-conflict: a prose target whose name the reader cut at a comma
PLAN = "II. NHIỆM VỤ NĂM 2026\n{body}\nPHỤ LỤC\nChỉ tiêu | TH 2025 | KH 2026\n{row}\n"


@pytest.mark.parametrize("body,row,bad", [
    ("3. Tỷ lệ thu gom, xử lý rác thải sinh hoạt năm 2026 đạt 100%.",
     "Tỷ lệ thu gom, xử lý rác thải sinh hoạt (%) | 97,6 | 98", True),
    ("3. Tỷ lệ thu gom, xử lý rác thải sinh hoạt năm 2026 đạt 98%.",
     "Tỷ lệ thu gom, xử lý rác thải sinh hoạt (%) | 97,6 | 98", False),
    ("- Tỷ lệ hộ sử dụng nước sạch, hợp vệ sinh năm 2026 đạt 99%.",
     "Tỷ lệ hộ sử dụng nước sạch, hợp vệ sinh (%) | 97,1 | 98,0", True),
    ("- Tỷ lệ hộ sử dụng nước sạch, hợp vệ sinh năm 2026 đạt 99%.",  # 98,5 rounds to 99
     "Tỷ lệ hộ sử dụng nước sạch, hợp vệ sinh (%) | 97,1 | 98,5", False),
    ("- Tỷ lệ thu gom, xử lý rác thải y tế năm 2026 đạt 100%.",  # another indicator
     "Tỷ lệ thu gom, xử lý rác thải sinh hoạt (%) | 97,6 | 98", False),
])
def test_target_named_before_a_comma(body, row, bad):
    found = any(f.type == "target-conflict" for f in check_text(PLAN.format(body=body, row=row)))
    assert found is bad
