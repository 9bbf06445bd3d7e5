"""Kind, year and period in running text, round 3: the year a news article's headline and lead
report on, a document's own date told from a resolution's it cites, the rest of a year planned, a
term opened by a sentence or set by the headline, a from-to change with no years of its own, a
school year, a yearly average over a term, lists under group labels, a results label after a list.

Sentences written for these tests (places, years and indicators of their own), each rule with a
trap where it must not fire.
"""

from reading import read_lines

from chitieu.extract.evidence import document_year, headline_periods, report_year

_all = read_lines


def _years(*lines: str):
    return [(s.kind, s.low, s.year) for s in _all(*lines)]


# --- the year the headline and lead report on ---------------------------------------------------
def test_the_headline_year_holds_for_results_in_later_paragraphs():
    got = _years(
        "Ngành lâm nghiệp Yên Bình năm 2024: trồng rừng vượt kế hoạch",
        "",
        "Năm 2024, toàn huyện trồng mới 1.250 ha rừng tập trung.",
        "- Keo: diện tích 820 ha, sản lượng gỗ khai thác 41.000 m3.",
        "- Quế: diện tích 310 ha.",
    )
    assert got == [
        ("result", 1250, 2024),
        ("result", 820, 2024),
        ("result", 41000, 2024),
        ("result", 310, 2024),
    ]


def test_the_lead_year_holds_for_the_paragraphs_after_it():
    got = _years(
        "Huyện Mộc Châu: nông nghiệp công nghệ cao tiếp tục khởi sắc",
        "",
        "Tại hội nghị sơ kết công tác nông nghiệp năm 2023 diễn ra ngày 12/1/2024, huyện cho biết giá trị sản xuất đạt 5.400 tỷ đồng.",
        "",
        "Tỷ lệ hộ sử dụng nước hợp vệ sinh đạt 97,5%. Đàn bò sữa có 28.600 con.",
    )
    assert got == [("result", 5400, 2023), ("result", 97.5, 2023), ("result", 28600, 2023)]


def test_a_half_year_or_quarter_in_the_headline_gives_its_year():
    got = _years(
        "Xuất khẩu thủy sản quý I/2027 tăng mạnh",
        "",
        "Kim ngạch xuất khẩu thủy sản đạt 312 triệu USD, tăng 14% so với cùng kỳ.",
    )
    assert [y for _, _, y in got] == [2027, 2027]
    got = _years(
        "Thu ngân sách 6 tháng đầu năm 2024 của xã Tân Lập đạt khá",
        "",
        "Tổng thu ngân sách trên địa bàn đạt 3.180 triệu đồng.",
        "",
        "Chi ngân sách 5.020 triệu đồng.",
    )
    assert [y for _, _, y in got] == [2024, 2024]


def test_trap_a_headline_year_that_a_plan_is_for_is_not_the_report_year():
    lines = [
        "Tỉnh Hòa Bình: Năm 2027 phấn đấu tăng trưởng 9%",
        "",
        "Báo cáo tại kỳ họp, lãnh đạo tỉnh cho biết năm 2026 có 18/22 chỉ tiêu đạt kế hoạch.",
    ]
    assert report_year(lines) == 2026
    assert (
        report_year(
            ["Tỉnh X: đến năm 2030 có 100% xã đạt chuẩn", "", "Tỉnh đang triển khai nhiều giải pháp."]
        )
        is None
    )
    # two years named: neither
    assert report_year(["Kết quả năm 2023 và kế hoạch năm 2024", "", "Lãnh đạo xã phát biểu."]) == 2023
    assert (
        report_year(["Kết quả thực hiện nhiệm vụ năm 2025 của xã Tân An", "", "Xã tổ chức hội nghị."]) == 2025
    )
    assert report_year(["Năm 2023 và năm 2024: hai năm bứt phá", "", "Xã tổ chức hội nghị."]) is None


def test_a_lead_on_a_day_reports_that_days_year():
    assert (
        report_year(
            ["Tín dụng chính sách ở Yên Thế", "", "(BBG) - Đến ngày 31/3/2026, tổng dư nợ đạt 980 tỷ đồng."]
        )
        == 2026
    )
    assert (
        report_year(["Tín dụng chính sách", "", "Tính đến ngày 30/6/2025, dư nợ đạt 1.020 tỷ đồng."]) == 2025
    )


# --- the document's own date is not a cited resolution's ----------------------------------------
def test_a_cited_documents_date_is_not_the_documents_own():
    assert (
        document_year(
            ["Chuyển đổi số", "", "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, …"]
        )
        is None
    )
    assert (
        document_year(["Tin tức", "", "Theo Quyết định 1125/QĐ-UBND ngày 03/5/2023, tỉnh triển khai …"])
        is None
    )
    # trap: an article's own date line stays
    assert document_year(["Tin tức", "21/08/2025 08:30", "Xã tổ chức hội nghị."]) == 2025
    assert document_year(["Tin tức", "Hà Nội, 15/01/2026", "Xã tổ chức hội nghị."]) == 2026


# --- the rest of the year planned ---------------------------------------------------------------
def test_a_plan_for_the_rest_of_the_year_is_for_the_report_year():
    got = _all(
        "Kết quả 9 tháng năm 2024 của phường Tân Phong",
        "",
        "Tổng thu ngân sách đạt 8.200 triệu đồng.",
        "",
        "Quý IV, phường phấn đấu tỷ lệ hộ dân tham gia BHYT đạt 95%.",
    )
    assert [(s.kind, s.year) for s in got] == [("result", 2024), ("target", 2024)]
    got = _all(
        "Xã Đông Hưng: 6 tháng đầu năm 2026 đạt nhiều kết quả",
        "",
        "Sản lượng lúa đạt 14.300 tấn.",
        "",
        "Nhiệm vụ 6 tháng cuối năm: phấn đấu thu ngân sách đạt 100% dự toán; trồng 40 ha rừng.",
    )
    assert [(s.kind, s.year) for s in got] == [("result", 2026), ("target", 2026), ("target", 2026)]


def test_a_quarter_with_its_year_is_that_year():
    got = _all("Quý III/2025, xã phấn đấu giải ngân 100% vốn đầu tư công.")
    assert [(s.kind, s.year) for s in got] == [("target", 2025)]


def test_a_goal_for_the_last_months_is_a_target():
    got = _all(
        "Xã giữ vững an ninh trật tự. Mục tiêu 6 tháng cuối năm: tỷ lệ trẻ em được tiêm chủng đạt trên 98%."
    )
    assert [s.kind for s in got if s.low is not None] == ["target"]
    got = _all("Mục tiêu những tháng cuối năm: tỷ lệ thu gom rác thải đạt 92%, tỷ lệ hộ nghèo dưới 3%.")
    assert [s.kind for s in got] == ["target", "target"]
    got = _all("Mục tiêu quý IV: giải quyết việc làm cho 300 lao động.")
    assert [s.kind for s in got] == ["target"]


# --- terms for targets --------------------------------------------------------------------------
def test_a_term_opening_a_sentence_holds_for_the_targets_after_it_in_its_paragraph():
    got = _all(
        "Giai đoạn 2026-2030, huyện đặt mục tiêu tỷ lệ che phủ rừng đạt 62%. "
        "Thu nhập bình quân đầu người tăng ít nhất 1,6 lần. 100% xã có trạm y tế đạt chuẩn."
    )
    assert [(s.kind, s.period) for s in got] == [("target", "2026-2030")] * 3
    got = _all(
        '"Nhiệm kỳ 2025 - 2030, Đảng bộ phấn đấu kết nạp 200 đảng viên. Tỷ lệ hộ nghèo dưới 2%", ông nói.'
    )
    assert [(s.kind, s.period) for s in got] == [("target", "2025-2030")] * 2


def test_trap_the_opened_term_does_not_pass_a_blank_line():
    got = _all(
        "Giai đoạn 2026-2030, xã phấn đấu trồng mới 300 ha rừng.",
        "",
        "Năm 2027, xã phấn đấu có thêm 2 sản phẩm OCOP.",
    )
    assert [(s.kind, s.year, s.period) for s in got] == [
        ("target", None, "2026-2030"),
        ("target", 2027, None),
    ]


def test_the_term_a_headline_sets_targets_for_holds_for_its_list():
    got = _all(
        "Đại hội Đảng bộ phường Hòa Khánh thông qua 15 chỉ tiêu chủ yếu nhiệm kỳ 2025-2030",
        "",
        "Nghị quyết Đại hội đề ra các chỉ tiêu chủ yếu, trong đó:",
        "+ Tổng thu ngân sách tăng bình quân 10%/năm.",
        "+ Tỷ lệ lao động qua đào tạo đạt 80% trở lên.",
        "+ Đến năm 2030 thu nhập bình quân đầu người đạt 120 triệu đồng.",
    )
    assert [(s.kind, s.year, s.period) for s in got] == [
        ("target", None, "2025-2030"),
        ("target", None, "2025-2030"),
        ("target", 2030, "2025-2030"),
    ]


def test_trap_a_headline_reporting_on_a_term_sets_no_targets_term():
    assert headline_periods(["Tổng kết giai đoạn 2021-2025 của ngành giáo dục"]) == (None, "2021-2025")
    assert headline_periods(["Nghị quyết Đại hội Đảng bộ xã lần thứ I, nhiệm kỳ 2025-2030"]) == (
        "2025-2030",
        None,
    )
    assert headline_periods(
        ["Tổng kết Chương trình mục tiêu quốc gia xây dựng nông thôn mới giai đoạn 2021-2025"]
    ) == (
        None,
        "2021-2025",
    )
    assert headline_periods(["Xã A: kết quả 2021-2025 và chỉ tiêu 2026-2030"]) == (None, None)


# --- a list under group labels ------------------------------------------------------------------
def test_group_labels_inside_an_announced_list_do_not_end_it():
    got = _all(
        "Nghị quyết Đại hội Đảng bộ xã Na Hối, nhiệm kỳ 2025-2030",
        "",
        "Đại hội xác định các chỉ tiêu về kinh tế, xã hội:",
        "",
        "a) Về kinh tế",
        "- Tổng sản lượng lương thực đạt 9.000 tấn trở lên.",
        "- 100% thôn có đường bê tông.",
        "",
        "b) Về xã hội",
        "- Tỷ lệ hộ nghèo giảm bình quân 3%/năm.",
    )
    assert [(s.kind, s.period) for s in got] == [("target", "2025-2030")] * 3


def test_trap_a_group_label_after_results_keeps_them_results():
    got = _all(
        "Kết quả năm 2024 của xã Minh Tân:",
        "a) Về kinh tế",
        "- Sản lượng lương thực đạt 8.700 tấn.",
    )
    assert [s.kind for s in got] == ["result"]


# --- a results label after a list of targets ----------------------------------------------------
def test_a_results_label_after_a_list_of_targets_reports():
    got = _all(
        "Đại hội đề ra các chỉ tiêu chủ yếu:",
        "+ Tỷ lệ hộ nghèo dưới 1,5%.",
        "+ Thu nhập bình quân đầu người đạt 95 triệu đồng.",
        "",
        "Kết quả nhiệm kỳ trước: tỷ lệ hộ nghèo còn 2,3%; thu nhập bình quân đầu người năm 2025 đạt 64 triệu đồng.",
    )
    assert [s.kind for s in got] == ["target", "target", "result", "result"]
    got = _all(
        "Mục tiêu năm 2027: tỷ lệ trẻ em suy dinh dưỡng dưới 8%; 100% trạm y tế có bác sĩ.",
        "",
        "Kết quả thực hiện năm 2026: tỷ lệ trẻ em suy dinh dưỡng 8,9%.",
    )
    assert [s.kind for s in got] == ["target", "target", "result"]


# --- a from-to change without years of its own ----------------------------------------------------
def test_a_from_to_change_takes_the_years_of_the_change_written_before_it():
    got = _all(
        "Nhiệm kỳ qua, giá trị sản xuất từ 410 tỷ đồng năm 2020 tăng lên 690 tỷ đồng năm 2025; "
        "tỷ lệ hộ nghèo giảm từ 12,6% xuống còn 3,1%."
    )
    assert [(s.low, s.year) for s in got] == [(410, 2020), (690, 2025), (12.6, 2020), (3.1, 2025)]


def test_a_from_to_change_in_a_term_takes_its_start_and_end():
    got = _all(
        "Giai đoạn 2021-2025, tỷ lệ che phủ rừng tăng từ 41,5% lên 46,2%; tỷ lệ đô thị hóa từ 22% lên 27%."
    )
    assert [(s.low, s.year, s.period) for s in got] == [
        (41.5, 2020, None),
        (46.2, 2025, None),
        (22, 2020, None),
        (27, 2025, None),
    ]


def test_a_start_dated_in_brackets_has_that_year():
    got = _all("Tỷ lệ hộ cận nghèo giảm từ 6,4% (đầu năm 2022) xuống còn 3,8% (cuối năm 2025).")
    assert [(s.low, s.year) for s in got] == [(6.4, 2022), (3.8, 2025)]
    got = _all("Số hợp tác xã tăng từ 14 hợp tác xã (năm 2021) lên 26 hợp tác xã (năm 2025).")
    assert [(s.low, s.year) for s in got] == [(14, 2021), (26, 2025)]


def test_trap_a_value_in_brackets_with_its_own_label_is_not_the_time_of_the_one_before():
    got = _all(
        "Mục tiêu đến năm 2030, thu nhập bình quân đầu người đạt 80 triệu đồng (năm 2025: 52 triệu đồng)."
    )
    assert got[0].kind == "target" and got[0].year == 2030


# --- a school year and a yearly average over a term ---------------------------------------------
def test_a_school_year_opening_a_paragraph_holds_for_its_results():
    got = _all(
        "Năm học 2025-2026, tỷ lệ trẻ mẫu giáo ra lớp đạt 99,1%. Tỷ lệ học sinh lên lớp đạt 98,7%; "
        "có 41 học sinh giỏi cấp tỉnh."
    )
    assert [(s.kind, s.period) for s in got] == [("result", "2025-2026")] * 3


def test_a_yearly_average_in_a_term_paragraph_is_over_the_term():
    got = _all(
        "Giai đoạn 2021-2025, tỷ lệ trường đạt chuẩn đạt 71%; tỷ lệ học sinh tốt nghiệp THPT bình quân 98,6%/năm."
    )
    assert [(s.low, s.period, s.per_year) for s in got][-1] == (98.6, "2021-2025", True)
    got = _all(
        "Tổng kết giai đoạn 2021-2025 ngành nông nghiệp huyện Đô Lương",
        "",
        "Sau 5 năm, giá trị sản xuất nông nghiệp năm 2025 đạt 3.900 tỷ đồng, bình quân tăng 4,2%/năm.",
    )
    assert [(s.low, s.year, s.period) for s in got] == [(3900, 2025, None), (4.2, None, "2021-2025")]


# --- an average level is no yearly rate -----------------------------------------------------------
def test_a_range_of_an_average_level_is_no_planned_rate():
    got = _all("Năng suất lúa bình quân 6,2-6,5 tấn/ha/vụ; giá trị thu được bình quân 180-200 triệu đồng/ha.")
    assert [s.kind for s in got] == ["result", "result"]
    # trap: a range of a yearly rate stays a plan
    got = _all("Tốc độ tăng giá trị sản xuất bình quân 8-9%/năm.")
    assert [s.kind for s in got] == ["target"]


def test_trap_a_first_sentence_is_no_headline():
    assert report_year(["Số trâu bò năm 2019 là 1.200 con.", "", "Tỷ lệ hộ nghèo 4%."]) is None
    got = _all("Diện tích lúa năm 2018 đạt 2.100 ha.", "", "Đàn lợn có 9.300 con.")
    assert [(s.low, s.year) for s in got] == [(2100, 2018), (9300, None)]


# --- a year named after the sentence's term -----------------------------------------------------
def test_a_year_after_the_term_in_its_sentence_is_the_values_and_goes_on():
    got = _all(
        "Giai đoạn 2021-2025, GRDP tăng bình quân 6,8%/năm; GRDP bình quân đầu người năm 2025 đạt 3.600 USD. "
        "Tỷ lệ lao động qua đào tạo đạt 72%."
    )
    assert [(s.low, s.year, s.period) for s in got] == [
        (6.8, None, "2021-2025"),
        (3600, 2025, None),
        (72, 2025, None),
    ]


def test_trap_a_year_before_the_term_does_not_take_the_term_away():
    got = _all("Năm 2025 khép lại giai đoạn 2021-2025, thu ngân sách tăng bình quân 9%/năm.")
    assert [(s.low, s.period) for s in got] == [(9, "2021-2025")]
