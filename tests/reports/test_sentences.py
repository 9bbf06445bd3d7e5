"""Phần thứ nhất states each evaluated indicator in one Vietnamese sentence with its value, its
growth, the target and the verdict; the summary counts what was met; Phần thứ hai lists the
next plan's key targets by domain."""

from __future__ import annotations

from datetime import date

from chitieu.reports.data import build_report_data
from chitieu.reports.wording import full_date


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_growth_and_multiple_targets_read_as_the_brief_words_them(report):
    texts = _texts(report)
    assert (
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ năm 2025 ước đạt 6.150 tỷ đồng, tăng bình quân "
        "17,08%/năm giai đoạn 2021-2025, đạt chỉ tiêu Nghị quyết (17-19%/năm)." in texts
    )
    assert (
        "Thu nhập bình quân đầu người năm 2025 ước đạt 85 triệu đồng, gấp 1,42 lần năm 2020, "
        "đạt chỉ tiêu Nghị quyết (1,4-1,5 lần)." in texts
    )


def test_rates_say_the_change_in_points_and_counts_per_year_say_per_year(report):
    texts = _texts(report)
    assert (
        "Tỷ lệ huy động vào nhà trẻ năm 2025 ước đạt 78%, tăng 10 điểm phần trăm so với năm 2020, "
        "vượt chỉ tiêu Nghị quyết (70-75%)." in texts
    )
    assert (
        "Mức giảm số hộ nghèo bình quân/năm giai đoạn 2021-2025 ước đạt 18 hộ/năm, "
        "vượt chỉ tiêu Nghị quyết (giảm 12-15 hộ/năm)." in texts
    )


def test_sentences_are_grouped_under_their_domain(report):
    texts = _texts(report)
    economy, society = texts.index("1. Kinh tế"), texts.index("2. Văn hóa - xã hội")
    environment = texts.index("3. Môi trường - đô thị")
    budget = next(i for i, t in enumerate(texts) if t.startswith("Tổng thu ngân sách nhà nước"))
    water = next(i for i, t in enumerate(texts) if t.startswith("Tỷ lệ dân số khu vực thành thị"))
    assert economy < budget < society < environment < water


def test_the_summary_counts_indicators_met_and_lists_those_not_met(report):
    texts = _texts(report)
    assert (
        "Trong tổng số 11 chỉ tiêu chủ yếu của kế hoạch giai đoạn 2021-2025 được đánh giá, có 8/11 chỉ tiêu "
        "đạt và vượt Nghị quyết (chi tiết tại Phụ lục 1 kèm theo)." in texts
    )
    i = texts.index("Có 3/11 chỉ tiêu không đạt Nghị quyết:")
    assert texts[i + 1 : i + 4] == [
        "- Giá trị sản xuất Công nghiệp - Xây dựng: bình quân 2021-2025 tăng 6,29%/năm, thấp hơn chỉ tiêu 10-11%/năm.",
        "- GTSX Nông lâm nghiệp - Thủy sản: bình quân 2021-2025 tăng 3,06%/năm, thấp hơn chỉ tiêu 4-5%/năm.",
        "- Tổng thu ngân sách nhà nước trên địa bàn: bình quân 2021-2025 tăng 5,13%/năm, thấp hơn chỉ tiêu 8-9%/năm.",
    ]


def test_the_next_plans_targets_are_numbered_across_domains_with_their_count(report):
    texts = _texts(report)
    i = texts.index("* Về kinh tế (08 chỉ tiêu)")
    assert texts[i + 1] == "(1) Tốc độ tăng tổng giá trị sản phẩm: 9,7%/năm."
    assert texts[i + 9] == "* Về văn hóa - xã hội (04 chỉ tiêu)"
    assert texts[i + 10] == "(9) Bình quân hàng năm giảm ít nhất 6 hộ nghèo và 12 hộ cận nghèo."
    assert "* Về xây dựng đảng và hệ thống chính trị (04 chỉ tiêu)" in texts
    assert any(t.startswith("(19) Kiểm tra, giám sát chuyên đề") for t in texts)


def test_part_two_is_headed_with_the_next_period(report):
    texts = _texts(report)
    assert texts.index("Phần thứ nhất") < texts.index("Phần thứ hai")
    # next_plan.period 2025-2030 is base year - final year, as the plan's own period: 2026-2030
    assert "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2026-2030" in texts


def test_dates_are_written_in_full_with_the_decrees_leading_zeros():
    assert full_date(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert full_date(date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert full_date(date(2025, 12, 9)) == "ngày 09 tháng 12 năm 2025"
    assert full_date(date(2026, 3, 15)) == "ngày 15 tháng 3 năm 2026"


def test_chart_series_come_from_the_plan(plan):
    data = build_report_data(plan)
    assert data.structure is None  # two sectors at constant prices are not the economy's structure
    assert [(b.name, round(b.rate, 2), b.low, b.high, b.met) for b in data.growth][:2] == [
        ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", 17.08, 17.0, 19.0, True),
        ("Giá trị sản xuất Công nghiệp - Xây dựng", 6.29, 10.0, 11.0, False),
    ]
