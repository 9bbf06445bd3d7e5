"""Round ck2 of the checker: one indicator printed twice (body and appendix table, two sections)
and one target given twice, each rule with variants in other words and look-alikes that must
stay silent (a part of a total, a 6-month figure and the year's, another year, a plan column,
the base a comparison quotes)."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

TWO = "same-indicator-two-values"


def kinds(text: str, kind: str = TWO):
    return [f for f in check_text(text) if f.type == kind]


def report(body: str, table: str, title: str = "NĂM 2024", header: str | None = None) -> str:
    """A year's report: its body, then an appendix table of indicators."""
    header = header or "STT | Chỉ tiêu | ĐVT | Thực hiện 2023 | Kế hoạch 2024 | Thực hiện 2024 | So sánh KH (%)"
    return (f"BÁO CÁO\nKết quả thực hiện nhiệm vụ {title.lower()}\nI. KẾT QUẢ THỰC HIỆN {title}\n{body}\n"
            f"Nơi nhận:\n- Lưu: VT.\nPHỤ LỤC: CÁC CHỈ TIÊU CHỦ YẾU {title}\n{header}\n{table}\n")


# --- a body figure and its appendix row (the row's unit column gives the cell its unit) ---------
@pytest.mark.parametrize(("body", "row", "figures"), [
    ("Tỷ lệ che phủ rừng năm 2024 đạt 45,2%, tăng so với năm trước.",
     "1 | Tỷ lệ che phủ rừng | % | 44,8 | 45 | 42,5 | 94,4", {"45,2%", "42,5"}),
    ("Sản lượng lương thực có hạt năm 2024 ước đạt 12.450 tấn.",
     "1 | Sản lượng lương thực có hạt | tấn | 12.100 | 12.300 | 12.540 | 102,0", {"12.450 tấn", "12.540"}),
    ("Số doanh nghiệp thành lập mới năm 2024 là 36 doanh nghiệp.",
     "1 | Số doanh nghiệp thành lập mới | doanh nghiệp | 31 | 35 | 63 | 180,0", {"36 doanh nghiệp", "63"}),
])
def test_a_body_figure_its_appendix_row_prints_otherwise(body, row, figures):
    [f] = kinds(report(body, row))
    assert f.severity == "error" and set(f.figures) == figures


def test_money_in_two_scales_is_one_figure():
    body = "Tổng chi ngân sách địa phương năm 2024 ước thực hiện 1.286,4 tỷ đồng."
    row = "1 | Tổng chi ngân sách địa phương | triệu đồng | 1.150.200 | 1.250.000 | 1.268.400 | 101,5"
    [f] = kinds(report(body, row))
    assert set(f.figures) == {"1.286,4 tỷ đồng", "1.268.400"}
    same = row.replace("1.268.400", "1.286.400")
    assert kinds(report(body, same)) == []


@pytest.mark.parametrize("row", [
    "1 | Tỷ lệ che phủ rừng | % | 42,5 | 45 | 45,2 | 100,4",  # another year's column holds 42,5
    "1 | Tỷ lệ che phủ rừng | % | 44,8 | 42,5 | 45,2 | 100,4",  # the plan's column holds 42,5
    "1 | Tỷ lệ che phủ rừng | % | 44,8 | 45 | 45,2 | 42,5",  # a ratio column: not a level
])
def test_a_row_that_agrees_in_its_result_column_is_not_flagged(row):
    assert kinds(report("Tỷ lệ che phủ rừng năm 2024 đạt 45,2%, tăng so với năm trước.", row)) == []


def test_the_base_of_a_comparison_is_not_the_years_level():
    body = "Tổng vốn đầu tư phát triển trên địa bàn năm 2024 đạt 2.140 tỷ đồng, tăng 9,2% so với năm 2023 (1.960 tỷ đồng)."
    row = "1 | Tổng vốn đầu tư phát triển trên địa bàn | tỷ đồng | 1.960 | 2.100 | 2.140 | 101,9"
    assert kinds(report(body, row)) == []


def test_where_a_change_starts_is_not_the_years_level():
    body = "Tỷ lệ hộ cận nghèo năm 2024 giảm từ 4,35% xuống 3,86%, đạt kế hoạch."
    row = "1 | Tỷ lệ hộ cận nghèo | % | 4,35 | 3,9 | 3,86 | -"
    assert kinds(report(body, row)) == []


def test_the_base_a_multiple_quotes_is_not_the_years_level():
    body = ("Tổng sản phẩm trên địa bàn năm 2025 ước đạt 38.560 tỷ đồng, gấp 1,4 lần năm 2020 (27.540 tỷ đồng).\n"
            "Giá trị sản xuất nông nghiệp năm 2025 đạt 6.210 tỷ đồng, tăng 18% so với 5.262 tỷ đồng năm 2020.")
    header = "STT | Chỉ tiêu | ĐVT | Thực hiện 2020 | Ước thực hiện 2025"
    table = ("1 | Tổng sản phẩm trên địa bàn | tỷ đồng | 27.540 | 38.560\n"
             "2 | Giá trị sản xuất nông nghiệp | tỷ đồng | 5.262 | 6.210")
    assert kinds(report(body, table, "GIAI ĐOẠN 2021-2025", header)) == []


def test_a_part_and_its_total_in_body_and_table_are_not_one_figure():
    body = ("Tổng thu ngân sách nhà nước trên địa bàn năm 2024 đạt 5.316 tỷ đồng, trong đó thu nội địa 4.102 tỷ đồng, "
            "thu tiền sử dụng đất 1.214 tỷ đồng.")
    table = ("1 | Tổng thu ngân sách nhà nước trên địa bàn | tỷ đồng | 4.900 | 5.000 | 5.316 | 106,3\n"
             "2 | Thu nội địa | tỷ đồng | 3.900 | 4.000 | 4.102 | 102,6")
    assert kinds(report(body, table)) == []


# --- a 6-month figure and the year's ------------------------------------------------------------
SIX = "6 THÁNG ĐẦU NĂM 2025"


def test_six_months_in_the_body_and_the_six_month_column_are_one_figure():
    body = "Sản lượng thủy sản nuôi trồng ước đạt 1.245 tấn, bằng 52% kế hoạch năm."
    header = "STT | Chỉ tiêu | ĐVT | Thực hiện cùng kỳ 2024 | Thực hiện 6 tháng 2025 | So sánh (%)"
    row = "1 | Sản lượng thủy sản nuôi trồng | tấn | 1.180 | 1.425 | 120,8"
    [f] = kinds(report(body, row, SIX, header))
    assert set(f.figures) == {"1.245 tấn", "1.425"}


def test_six_months_and_the_whole_years_estimate_are_two_figures():
    body = "Sản lượng thủy sản nuôi trồng ước đạt 1.245 tấn, bằng 52% kế hoạch năm."
    header = "STT | Chỉ tiêu | ĐVT | Kế hoạch năm 2025 | Ước thực hiện cả năm 2025 | So sánh (%)"
    row = "1 | Sản lượng thủy sản nuôi trồng | tấn | 2.400 | 2.450 | 102,1"
    assert kinds(report(body, row, SIX, header)) == []


def test_six_months_and_the_years_estimate_in_two_sentences_are_two_figures():
    text = ("I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2025\n"
            "Tổng thu ngân sách trên địa bàn 6 tháng đầu năm 2025 đạt 18.640 triệu đồng.\n"
            "II. ƯỚC THỰC HIỆN CẢ NĂM 2025\n"
            "Ước cả năm 2025, tổng thu ngân sách trên địa bàn đạt 36.500 triệu đồng.\n"
            "Quý I năm 2025, tổng thu ngân sách trên địa bàn đạt 8.120 triệu đồng.\n")
    assert kinds(text) == []


# --- a named index ------------------------------------------------------------------------------
@pytest.mark.parametrize(("first", "second"), [
    ("Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 của tỉnh đạt 68,15 điểm, xếp thứ 12.",
     "Năm 2024, chỉ số PCI của tỉnh đạt 65,18 điểm, cải thiện so với năm trước."),
    ("Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh (PAPI) năm 2024 đạt 43,12 điểm.",
     "Về quản trị, hiệu quả quản trị và hành chính công cấp tỉnh năm 2024 đạt 42,13 điểm."),
    ("Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2024 đạt 0,4862 điểm, xếp thứ 15.",
     "Năm 2024, DTI của tỉnh đạt 0,4682 điểm."),
    ("Chỉ số sẵn sàng cho phát triển và ứng dụng công nghệ thông tin (ICT Index) năm 2024 của tỉnh đạt 0,5214 điểm.",
     "Năm 2024, ICT Index của tỉnh đạt 0,5124 điểm, xếp thứ 20."),
])
def test_a_named_index_given_two_values_in_two_sections(first, second):
    text = f"I. KẾT QUẢ NĂM 2024\n{first}\nII. CÁC LĨNH VỰC\n{second}\n"
    [f] = kinds(text)
    assert f.severity == "error" and f.message.startswith("Chỉ số ")


@pytest.mark.parametrize("second", [
    "Năm 2024, chỉ số thành phần tính minh bạch của PCI đạt 6,15 điểm.",  # a part of the index
    "Năm 2023, chỉ số PCI của tỉnh đạt 65,18 điểm.",  # another year
    "Năm 2024, điểm đánh giá năng lực cạnh tranh của các doanh nghiệp nhỏ đạt 61,5 điểm.",  # other words
])
def test_what_only_resembles_a_named_index_is_not_flagged(second):
    text = ("I. KẾT QUẢ NĂM 2024\nChỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 của tỉnh đạt 68,15 điểm, "
            f"xếp thứ 12.\nII. CÁC LĨNH VỰC\n{second}\n")
    assert kinds(text) == []


# --- names reworded ----------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "row"), [
    ("Cấp mới giấy phép xây dựng nhà ở riêng lẻ cho 214 hồ sơ trong năm 2024.",
     "1 | Giấy phép xây dựng nhà ở riêng lẻ cấp mới | hồ sơ | 190 | 200 | 241 | 120,5"),
    ("Năm 2024 giải quyết việc làm mới cho 1.320 lao động.",
     "1 | Lao động được giải quyết việc làm mới | lao động | 1.200 | 1.300 | 1.230 | 94,6"),
    ("Năm 2024 trồng mới rừng tập trung được 415 ha.",
     "1 | Diện tích rừng tập trung trồng mới | ha | 380 | 400 | 451 | 112,8"),
])
def test_one_figure_named_in_other_words_in_the_appendix(body, row):
    [f] = kinds(report(body, row))
    assert f.severity == "error"


@pytest.mark.parametrize(("body", "row"), [
    # a word inserted in the name narrows it: near-poor households are not the poor ones
    ("Tỷ lệ hộ nghèo toàn xã năm 2024 còn 3,92%.", "1 | Tỷ lệ hộ cận nghèo | % | 4,6 | 4,2 | 4,15 | -"),
    # a word after the name narrows it: the files received online are part of those received
    ("Năm 2024 bộ phận một cửa tiếp nhận hồ sơ thủ tục hành chính 6.540 hồ sơ.",
     "1 | Hồ sơ thủ tục hành chính tiếp nhận trực tuyến | hồ sơ | 5.100 | 5.500 | 6.450 | 117,3"),
    # reworded, but the values are far apart: a part, not a slip
    ("Năm 2024 trồng mới rừng tập trung được 415 ha.",
     "1 | Diện tích rừng tập trung trồng mới | ha | 380 | 400 | 210 | 52,5"),
])
def test_names_that_only_share_words_are_not_one_figure(body, row):
    assert kinds(report(body, row)) == []


# --- target-conflict ---------------------------------------------------------------------------
def plan(aims: str, targets: str) -> str:
    return (f"PHƯƠNG HƯỚNG, MỤC TIÊU NHIỆM KỲ 2025-2030\nI. MỤC TIÊU TỔNG QUÁT\n{aims}\n"
            f"II. CÁC CHỈ TIÊU CHỦ YẾU ĐẾN NĂM 2030\n{targets}\n")


@pytest.mark.parametrize(("aims", "targets"), [
    ("Phát huy mọi nguồn lực; phấn đấu tốc độ tăng thu ngân sách trên địa bàn bình quân giai đoạn 2025-2030 đạt "
     "12-13%/năm; xây dựng huyện văn minh.",
     "- Tốc độ tăng thu ngân sách trên địa bàn bình quân giai đoạn 2025-2030: 10-12%/năm;"),
    ("Khai thác tiềm năng; phấn đấu tổng mức bán lẻ hàng hóa tăng bình quân giai đoạn 2025-2030 từ 14-15%/năm.",
     "- Tổng mức bán lẻ hàng hóa tăng bình quân giai đoạn 2025-2030: 12-14%/năm;"),
    ("Đổi mới mô hình tăng trưởng; phấn đấu giá trị sản xuất công nghiệp tăng bình quân giai đoạn 2025-2030 "
     "đạt 11%/năm.",
     "- Giá trị sản xuất công nghiệp tăng bình quân giai đoạn 2025-2030 đạt 13%/năm;"),
])
def test_a_terms_yearly_rate_given_twice_in_aims_and_targets(aims, targets):
    [f] = kinds(plan(aims, targets), "target-conflict")
    assert f.severity == "error" and "giai đoạn 2025-2030" in f.message


def test_a_terms_yearly_rate_restated_alike_is_not_flagged():
    aims = ("Phát huy mọi nguồn lực; phấn đấu tốc độ tăng thu ngân sách trên địa bàn bình quân giai đoạn 2025-2030 "
            "đạt 10-12%/năm.")
    targets = "- Tốc độ tăng thu ngân sách trên địa bàn bình quân giai đoạn 2025-2030: 10-12%/năm;"
    assert kinds(plan(aims, targets), "target-conflict") == []


def test_two_budgets_bases_of_last_year_are_no_targets_of_one_indicator():
    text = ("DỰ TOÁN NGÂN SÁCH NĂM 2025\n"
            "Tổng thu ngân sách trên địa bàn năm 2025 là 312.400 triệu đồng, tăng 6,1% so với dự toán năm 2024 "
            "(294.450 triệu đồng).\n"
            "- Chi thường xuyên: 845.600 triệu đồng, tăng 5,3% so với dự toán năm 2024 (803.040 triệu đồng);\n")
    assert kinds(text, "target-conflict") == []


# --- price basis ---------------------------------------------------------------------------------
def test_current_and_constant_prices_are_two_figures():
    body = "Tổng giá trị sản xuất năm 2024 ước đạt 6.935 tỷ đồng (giá so sánh 2010)."
    row = "1 | Tổng giá trị sản xuất (giá hiện hành) | tỷ đồng | 8.900 | 9.500 | 9.820 | 103,4"
    assert kinds(report(body, row)) == []


def test_a_price_basis_named_on_one_side_only_is_a_warning():
    body = "Tổng giá trị sản xuất (giá so sánh 2010) năm 2024 ước đạt 6.935 tỷ đồng."
    row = "1 | Tổng giá trị sản xuất | tỷ đồng | 6.500 | 6.800 | 6.953 | 102,3"
    [f] = kinds(report(body, row))
    assert f.severity == "warning"


@pytest.mark.parametrize(("body", "row"), [
    ("Tỷ lệ lao động qua đào tạo năm 2024 đạt 72,4%.",
     "1 | Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ | % | 28,1 | 30 | 31,2 | 104,0"),
    ("Số xã đạt chuẩn nông thôn mới năm 2024 là 14 xã.",
     "1 | Số xã đạt chuẩn nông thôn mới nâng cao | xã | 3 | 5 | 6 | 120,0"),
    ("Giá trị sản xuất công nghiệp năm 2024 đạt 1.850 tỷ đồng.",
     "1 | Giá trị sản xuất công nghiệp - xây dựng | tỷ đồng | 2.600 | 2.800 | 2.915 | 104,1"),
])
def test_a_name_the_appendix_narrows_is_another_indicator(body, row):
    assert kinds(report(body, row)) == []
