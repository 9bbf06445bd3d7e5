"""The draft checker, kind by kind: true cases and look-alikes, from passages as real reports
write them (most quoted from the seed reports; the planted ones changed in one figure)."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

HEAD = "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"


def findings(body: str, kind: str | None = None):
    out = check_text(HEAD + body)
    return [f for f in out if kind is None or f.type == kind]


# --- ratio ---------------------------------------------------------------------------------
def test_a_share_its_own_count_does_not_give_is_an_error():
    # seed 002, line 1312: 54/130 is 41,5%, the report wrote 38,5%.
    body = ("- trưởng, phó các cơ quan: 130 lượt cán bộ, trong đó có 54 lượt cán bộ nữ (tỷ lệ 38,5%), "
            "25 lượt cán bộ trẻ (tỷ lệ 19,2%).")
    [f] = findings(body, "ratio")
    assert (f.severity, f.figures[0], f.computed) == ("error", "38,5%", "41,54%")


def test_a_truncated_share_is_a_warning():
    # seed 000, line 124: 1495/1520 = 98,36%, written 98,3%.
    [f] = findings("- Số hộ gia đình văn hóa đạt 98,3% (1495/1520) hộ (Nghị quyết là 98%).", "ratio")
    assert f.severity == "warning" and f.computed == "98,36%"


def test_percent_of_plan_from_both_figures():
    [f] = findings("- Tổng thu ngân sách đạt 4.639.287.000đ/3.525.000.000đ, đạt 136% kế hoạch.", "ratio")
    assert f.computed == "131,6%" and f.severity == "error"
    [g] = findings("- Thu ngân sách 5.120,4 triệu đồng, đạt 128% dự toán (dự toán 4.100 triệu đồng).", "ratio")
    assert g.computed == "124,9%"


@pytest.mark.parametrize("body", [
    "- Đến nay, thị xã có 6.436/6.561 gia đình được công nhận gia đình văn hóa (đạt 98,09%); 23/23 làng.",
    "- các chức danh lãnh đạo cấp xã 98 lượt cán bộ, trong đó 48 lượt cán bộ nữ (chiếm 48,98%), 07 lượt cán bộ trẻ (chiếm 7,14%).",
    "- 05/05 khu phố (100%) giữ vững Danh hiệu khu phố văn hóa, trong đó có 04/05 khu phố xuất sắc.",
    "- hoàn thành chỉ tiêu 100% trường học đạt chuẩn quốc gia, trong đó 10/11 trường đạt chuẩn mức độ 2.",
])
def test_shares_that_hold_or_belong_to_another_count_are_not_flagged(body):
    assert findings(body, "ratio") == []


# --- sum -----------------------------------------------------------------------------------
def test_a_breakdown_two_over_its_total():
    body = ("- Tiếp nhận 1806 hồ sơ, trong đó mức độ 2: 60 hồ sơ, mức độ 3: 1284 hồ sơ, trực tiếp 436 hồ sơ, "
            "bưu chính 24 hồ sơ, khác 2 hồ sơ và 2 hồ sơ.")
    [f] = findings(body, "sum")
    assert f.computed == "1.808" and f.figures[0] == "1806 hồ sơ"


@pytest.mark.parametrize("body", [
    "- Tổng giá trị sản xuất 3.033 tỷ đồng, gồm dịch vụ 1.957 tỷ đồng, công nghiệp 944 tỷ đồng, nông nghiệp 132 tỷ đồng.",
    "- Toàn phường có 1.520 hộ, trong đó 60 hộ nghèo, 40 hộ cận nghèo.",  # "trong đó": only some parts
    "- Có 105 doanh nghiệp với 613 lao động; 2.428 hộ kinh doanh cá thể với 3.248 lao động.",  # seed 002
])
def test_sums_that_add_up_or_are_partial_are_not_flagged(body):
    assert findings(body, "sum") == []


# --- growth --------------------------------------------------------------------------------
def test_a_rate_that_cannot_give_the_multiple():
    [f] = findings("- Giá trị sản xuất giai đoạn 2021-2025 tăng bình quân 9,2%/năm, năm 2025 gấp 1,81 lần năm 2020.",
                   "growth")
    assert f.severity == "error" and "5 năm" in f.message and "6 năm" in f.message


def test_values_and_their_average_rate():
    [f] = findings("- Thu nhập từ 52 triệu đồng năm 2020 lên 85 triệu đồng năm 2025, tăng bình quân 12,3%/năm.",
                   "growth")
    assert f.computed == "10,33%"


@pytest.mark.parametrize("body", [
    # seed 004, line 33: 1,05⁵ = 1,28 → "1,3 lần".
    "- Nông nghiệp tăng trưởng bình quân giai đoạn 2021 - 2025 đạt 5%, tổng giá trị sản phẩm tăng 1,3 lần so với đầu nhiệm kỳ.",
    "- Tỷ lệ lao động qua đào tạo từ 80% lên 85%, tăng 5%.",  # percentage points
    "- Tỷ lệ hộ nghèo giảm từ 3,5% xuống 2,8%, giảm 0,7%.",
    "- Doanh thu từ 120 tỷ đồng lên 150 tỷ đồng, gấp 1,25 lần.",
])
def test_growth_that_holds_is_not_flagged(body):
    assert findings(body, "growth") == []


# --- verdict -------------------------------------------------------------------------------
def test_a_verdict_its_figures_contradict():
    # seed 000, line 122 with the verdict a draft might add.
    [f] = findings("- Tỷ lệ sinh con thứ 3 trở lên 16,9% (chỉ tiêu <11%), đạt chỉ tiêu.", "verdict")
    assert f.severity == "error" and f.figures == ("16,9%", "dưới 11%")


@pytest.mark.parametrize("body", [
    "- Tỷ lệ tăng dân số tự nhiên 0,92% (chỉ tiêu <1%), đạt chỉ tiêu.",
    "- Tỷ lệ hộ nghèo còn 1,2% (chỉ tiêu dưới 1,5%), đạt chỉ tiêu.",
    "- Tỷ lệ tham gia bảo hiểm y tế đạt 95,1% (kế hoạch 95%), vượt kế hoạch.",
])
def test_verdicts_that_hold_are_not_flagged(body):
    assert findings(body, "verdict") == []


def test_on_track_before_the_target_year_is_not_a_verdict_on_the_target():
    # chitieu's own Phụ lục 1 (the demo's Phường 2): a 2024 value on the path to the 2025 target.
    row = ("| TT | Chỉ tiêu | ĐVT | Chỉ tiêu kế hoạch | 2020 | 2023 | 2024 | 2025 | Chỉ số | Ghi chú | Đánh giá |\n"
           "|---|---|---|---|---|---|---|---|---|---|---|\n"
           "| 1 | Thu nhập bình quân đầu người | Triệu đồng | Đạt 85 triệu/người/năm | 55 | 72 | 78,5 |  | 109,30 |  | Đạt tiến độ |")
    assert findings(row, "verdict") == []


def test_a_near_miss_called_met_is_a_warning():
    [f] = findings("- Tỷ lệ lao động qua đào tạo đạt 84,96% (chỉ tiêu 85%), đạt kế hoạch.", "verdict")
    assert f.severity == "warning"


# --- same indicator, two values -----------------------------------------------------------
def test_one_indicator_one_year_two_values():
    body = ("Tỷ lệ lao động qua đào tạo năm 2024 đạt 82,5%.\n\n"
            "- Năm 2024, tỷ lệ lao động qua đào tạo đạt 83,5%.")
    [f] = findings(body, "same-indicator-two-values")
    assert set(f.figures) == {"82,5%", "83,5%"}


def test_the_same_value_printed_at_two_precisions_is_not_flagged():
    body = "Thu nhập bình quân đầu người năm 2024 đạt 65 triệu đồng.\n\n- Thu nhập bình quân đầu người năm 2024 đạt 65,2 triệu đồng."
    assert findings(body, "same-indicator-two-values") == []


def test_two_amounts_neither_dated_in_its_own_sentence_are_not_one_figure():
    # seed 002, footnotes 29-31 as its PDF text gives them: the support to separate projects,
    # none dated in its own sentence (footnote 12's "Năm 2022, …" far above must not date them).
    text = ("12\n\n Năm 2022, các doanh nghiệp ở cụm công nghiệp Hải Lệ nộp ngân sách 8.746 triệu đồng, chiếm 32,2% "
            "số thuế.\n\n29\n\n Ngân sách Trung ương hỗ trợ 120 tỷ đồng. \n30\n\n Ngân sách tỉnh hỗ trợ 30 tỷ đồng. "
            "\n31\n\n Ngân sách tỉnh hỗ trợ 15 tỷ đồng. \n32\n")
    assert [f for f in check_text(text) if f.type == "same-indicator-two-values"] == []
    dated = text.replace("hỗ trợ 30 tỷ đồng.", "hỗ trợ 30 tỷ đồng năm 2022.").replace(
        "hỗ trợ 15 tỷ đồng.", "hỗ trợ 15 tỷ đồng năm 2022.")
    assert [f.figures for f in check_text(dated) if f.type == "same-indicator-two-values"] == [("15 tỷ đồng", "30 tỷ đồng")]


# --- count ---------------------------------------------------------------------------------
def test_counts_that_exceed_their_total():
    [f] = findings("Trong 18 chỉ tiêu chủ yếu, có 13/18 chỉ tiêu đạt và vượt kế hoạch, 6 chỉ tiêu chưa đạt.", "count")
    assert f.computed == "19"


def test_a_count_its_table_contradicts():
    body = ("Năm 2024 có 3/4 chỉ tiêu đạt kế hoạch.\n\n"
            "| Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện | Đánh giá |\n|---|---|---|---|---|\n"
            "| Tỷ lệ lao động qua đào tạo | % | 80 | 82 | Đạt |\n| Tỷ lệ hộ nghèo | % | 2 | 1,5 | Đạt |\n"
            "| Thu ngân sách | tỷ đồng | 120 | 110 | Không đạt |\n| Số doanh nghiệp mới | doanh nghiệp | 15 | 12 | Không đạt |")
    [f] = findings(body, "count")
    assert f.computed == "2/4"


@pytest.mark.parametrize("body", [
    "Đến nay có 14/18 chỉ tiêu hoàn thành, 3 chỉ tiêu chưa đạt, 1 chỉ tiêu chưa đánh giá.",
    "Đến năm 2025 có 19/21 chỉ tiêu đạt và vượt kế hoạch, 2 chỉ tiêu chưa đạt.",
    # seed 002, line 62: no list of 18 judged indicators to compare with.
    "Đến nay (01/2025), trong tổng số 18 chỉ tiêu chủ yếu của nhiệm kỳ, đã có 13/18 chỉ tiêu đạt và vượt kế hoạch.",
])
def test_counts_that_hold_or_cannot_be_checked_are_not_flagged(body):
    assert findings(body, "count") == []


def test_footnote_markers_and_levels_are_not_figures():
    body = "- Có 10 trường đạt chuẩn mức độ 216, tỷ lệ trường đạt chuẩn 100%."
    assert findings(body) == []


# --- shares --------------------------------------------------------------------------------
def test_a_structure_that_does_not_sum_to_100():
    [f] = findings("- Năm 2024, tỷ trọng ngành thương mại dịch vụ 64,3%; công nghiệp – xây dựng 33,1%; "
                   "nông - lâm nghiệp - thủy sản 4,6% trong cơ cấu kinh tế.", "shares")
    assert f.computed == "102,0%"


@pytest.mark.parametrize("body", [
    # seed 002, line 84.
    "- Năm 2025, tỷ trọng ngành thương mại dịch vụ ước đạt 64,3%; công nghiệp – xây dựng ước đạt 31,1%; "
    "nông - lâm nghiệp - thủy sản ước đạt 4,6% trong cơ cấu kinh tế của thị xã.",
    # seed 004, line 27: rounded shares may miss 100 by their half-units.
    "- cơ cấu chuyển dịch, tỷ trọng nông nghiệp, thủy sản còn 3,8%, công nghiệp - xây dựng 28,9%, thương mại dịch vụ 67,4%.",
])
def test_structures_that_add_up_are_not_flagged(body):
    assert findings(body, "shares") == []


# --- target-conflict -----------------------------------------------------------------------
TARGETS_HEAD = "II. CÁC CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030\n"


def targets(body: str, kind: str):
    return [f for f in check_text(TARGETS_HEAD + body) if f.type == kind]


def test_one_indicator_two_targets_for_the_same_year():
    # seed 004, line 187, and a summary further on that gives the budget another target.
    body = ("(3) Thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt 700 tỷ đồng (cả nhiệm kỳ đạt 2.800 tỷ đồng); "
            "(4) Số lượng doanh nghiệp hoạt động: 500 doanh nghiệp.\n\n"
            "- Phấn đấu thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt 750 tỷ đồng.")
    [f] = targets(body, "target-conflict")
    assert (f.severity, f.lines, f.figures) == ("error", (4, 2), ("750 tỷ đồng", "700 tỷ đồng"))
    assert "năm 2030" in f.message and "700 tỷ đồng" in f.message and "750 tỷ đồng" in f.message


def test_two_target_ranges_of_one_growth_rate():
    # seed 000, line 1102: "tăng 19 - 21%/năm", restated with another range.
    body = ("- Giai đoạn 2021-2025, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng bình quân 19 - 21%/năm.\n\n"
            "- Chỉ tiêu giai đoạn 2021-2025: tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng bình quân 18 - 20%/năm.")
    [f] = targets(body, "target-conflict")
    assert f.figures == ("18 - 20%/năm", "19 - 21%/năm")


def test_an_adjusted_target_is_only_a_warning():
    body = ("- Phấn đấu đến năm 2030, tỷ lệ người tham gia bảo hiểm y tế đạt 97%.\n\n"
            "- Điều chỉnh mục tiêu đến năm 2030: tỷ lệ người tham gia bảo hiểm y tế đạt 95%.")
    [f] = targets(body, "target-conflict")
    assert f.severity == "warning"


@pytest.mark.parametrize("body", [
    # the same target restated, printed alike or with one more digit
    "(3) Thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt 700 tỷ đồng.\n\n"
    "- Phấn đấu thu ngân sách Nhà nước trên địa bàn đến năm 2030 đạt 700 tỷ đồng.",
    "- Phấn đấu đến năm 2030, tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 6%.\n\n"
    "- Đến năm 2030, tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 6,0%.",
    # two years: the term's target and a yearly one
    "(5)- Phấn đấu thu nhập bình quân đầu người đến năm 2025: Đạt 85 triệu/ người/năm.\n\n"
    "- Đến năm 2030, thu nhập bình quân đầu người phấn đấu đạt 88 triệu/người/năm.",
    # two scopes: poor and near-poor households
    "- Phấn đấu đến năm 2030, tỷ lệ hộ nghèo đa chiều giảm còn dưới 1%.\n\n"
    "- Đến năm 2030, tỷ lệ hộ cận nghèo đa chiều giảm còn dưới 2%.",
    # chitieu's own report: targets quoted beside the results they were missed by
    "- Giá trị sản xuất Công nghiệp - Xây dựng: bình quân 2021-2025 tăng 6,29%/năm, thấp hơn chỉ tiêu 10-11%/năm.\n\n"
    "- GTSX Nông lâm nghiệp - Thủy sản: bình quân 2021-2025 tăng 3,06%/năm, thấp hơn chỉ tiêu 4-5%/năm.",
    # seed 002, lines 2376 and 2824: 100% of schools up to standard, 50% of them at level 2
    "(12). Đến năm 2030, có 100% trường công lập đạt chuẩn quốc gia, trong đó có 50% trường đạt mức độ 2.\n\n"
    "Phấn đấu đến năm 2030, có 100% trường đạt chuẩn quốc gia, trong đó có 50% trường đạt chuẩn mức độ 2.",
])
def test_targets_that_agree_or_differ_in_year_or_scope_are_not_flagged(body):
    assert targets(body, "target-conflict") == []


# --- period --------------------------------------------------------------------------------
def test_a_target_dated_after_its_term():
    # seed 004, line 191, the income target moved to a year the term 2026 - 2030 does not hold.
    body = ("(13) Mức giảm tỷ lệ hộ nghèo đa chiều bình quân giai đoạn 2026 - 2030 đạt từ 0,4% trở lên; "
            "thu nhập bình quân đầu người đến năm 2035 đạt 88 triệu đồng/người.")
    [f] = targets(body, "period")
    assert (f.severity, f.figures, f.computed) == ("error", ("88 triệu đồng/người", "2035", "giai đoạn 2026 - 2030"), "2030")


def test_a_target_dated_before_its_term():
    [f] = targets("- Mục tiêu giai đoạn 2026-2030: đến năm 2024 tỷ lệ hộ nghèo đa chiều giảm còn dưới 0,5%.", "period")
    assert f.figures[:2] == ("0,5%", "2024")


@pytest.mark.parametrize("body", [
    "(13) Mức giảm tỷ lệ hộ nghèo đa chiều bình quân giai đoạn 2026 - 2030 đạt từ 0,4% trở lên; "
    "thu nhập bình quân đầu người đến năm 2030 đạt 88 triệu đồng/người.",
    # the base year of the term
    "- Chỉ tiêu giai đoạn 2026-2030: đến năm 2025 tổng thu ngân sách nhà nước trên địa bàn đạt 700 tỷ đồng.",
    # the term is what the target is compared with
    "- Tổng thu ngân sách đến năm 2030 đạt 700 tỷ đồng, gấp 2 lần so với nhiệm kỳ 2020 - 2025.",
    # a vision beyond the term
    "- Định hướng giai đoạn 2026-2030, tầm nhìn đến năm 2045: tỷ lệ đô thị hóa đạt 95%.",
])
def test_targets_within_their_term_a_base_year_or_a_vision_are_not_flagged(body):
    assert targets(body, "period") == []
