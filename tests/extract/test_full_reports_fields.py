"""Fields in full reports (round 4): the year and term of the results under a heading reporting on a
term that ends with the document, counts of indicators split by verdict and the total they split,
shortfalls stated against the plan ("thấp hơn kế hoạch 1,6%", "hụt 54 tỷ đồng so với dự toán"), a
quota met in full, a share of the plan short of it beside "không đạt", a verdict on the indicator its
own clause names, "không còn hộ nghèo" beside a figure, a planned change quoted after "mục tiêu", and
a missed verdict with no figure nor standard ("Tăng trưởng chưa đạt kế hoạch": no statement).

Sentences written for these tests (places, years and indicators of their own), each rule with a
trap where it must not fire.
"""

from reading import read_lines

_all = read_lines


def _fields(*lines: str):
    return [(s.kind, s.low, s.year, s.period, s.stated_status) for s in _all(*lines)]


def _term_report(*body: str, date: str = "ngày 20 tháng 10 năm 2025", term: str = "2021 - 2025"):
    return _all(
        "UỶ BAN NHÂN DÂN XÃ AN PHÚ",
        f"Số: 88/BC-UBND                 An Phú, {date}",
        "",
        "BÁO CÁO",
        f"Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm {term}",
        "",
        "Phần thứ nhất",
        f"KẾT QUẢ THỰC HIỆN KẾ HOẠCH 5 NĂM {term}",
        "",
        *body,
    )


# --- results under a heading reporting on a term that ends with the document ---------------------
def test_a_level_reached_in_a_term_report_is_the_last_years():
    got = _term_report(
        "1. Văn hóa - xã hội",
        "Tỷ lệ hộ dùng nước hợp vệ sinh đạt 97,4%; có 6/7 thôn đạt chuẩn văn hóa.",
        "Diện tích rừng trồng tập trung 1.320 ha.",
    )
    assert [(s.low, s.year, s.period) for s in got] == [
        (97.4, 2025, None),
        (6, 2025, None),
        (1320, 2025, None),
    ]


def test_a_figure_of_the_whole_term_keeps_the_term():
    got = _term_report(
        "1. Kinh tế",
        "Tổng vốn đầu tư trên địa bàn cả nhiệm kỳ đạt 640 tỷ đồng; thu ngân sách tăng bình quân 9,3%/năm.",
        "Diện tích cây ăn quả 410 ha, tăng 95 ha so với đầu nhiệm kỳ.",
        "Kết nạp 46 đảng viên; thành lập mới 37 doanh nghiệp.",
    )
    assert [(s.low, s.year, s.period, s.per_year) for s in got] == [
        (640, None, "2021-2025", False),
        (9.3, None, "2021-2025", True),
        (410, 2025, None, False),
        (95, None, "2021-2025", False),
        (46, None, "2021-2025", False),
        (37, None, "2021-2025", False),
    ]


def test_a_yearly_average_after_a_year_named_keeps_the_term():
    got = _term_report(
        "1. Du lịch",
        "Doanh thu du lịch năm 2025 ước 58 tỷ đồng, tăng bình quân 12,4%/năm.",
    )
    assert [(s.low, s.year, s.period) for s in got] == [(58, 2025, None), (12.4, None, "2021-2025")]


def test_no_last_year_when_the_term_ends_after_the_document():
    # a mid-term review (2023) of the term 2021-2025: its levels are not of 2025
    got = _term_report(
        "Tỷ lệ lao động qua đào tạo đạt 61,2%.",
        date="ngày 15 tháng 6 năm 2023",
    )
    assert [(s.low, s.year) for s in got] == [(61.2, None)]


# --- counts of indicators split by verdict, and the total they split ---------------------------
def test_the_total_the_counts_split_is_no_statement():
    got = _fields("Năm 2025, trong tổng số 22 chỉ tiêu, có 18 chỉ tiêu đạt và vượt, 4 chỉ tiêu không đạt.")
    assert [(k, low, st) for k, low, _, _, st in got] == [("result", 18, None), ("result", 4, "khong_dat")]
    got = _fields("Năm 2024, trong 14 chỉ tiêu Nghị quyết, có 11 chỉ tiêu đạt, 3 chỉ tiêu chưa đạt.")
    assert [(low, st) for _, low, _, _, st in got] == [(11, None), (3, "khong_dat")]


def test_counts_split_into_exceeded_and_met_carry_their_verdicts():
    got = _fields("Năm 2025, có 7 chỉ tiêu vượt, 5 chỉ tiêu đạt và 2 chỉ tiêu không đạt kế hoạch.")
    assert [(low, st) for _, low, _, _, st in got] == [(7, "vuot"), (5, "dat"), (2, "khong_dat")]
    # "đạt" alone with no "vượt" count beside it is no verdict of its own
    got = _fields("Năm 2025, có 6 chỉ tiêu kinh tế đạt và 4 chỉ tiêu xã hội đạt.")
    assert [st for *_, st in got] == [None, None]


# --- shortfalls against the plan ---------------------------------------------------------------
def test_lower_than_plan_by_a_figure_is_a_missed_result_not_the_plan():
    got = _all("Năm 2025, tỷ lệ hộ dùng điện an toàn đạt 91,5%, thấp hơn kế hoạch 2,5%.")
    assert [(s.low, s.compared_target, s.stated_status) for s in got] == [
        (91.5, None, None),
        (2.5, None, "khong_dat"),
    ]
    # a plan figure above the result is the plan: "thấp hơn mục tiêu 95%"
    got = _all("Năm 2025, tỷ lệ hộ dùng điện an toàn đạt 91,5%, thấp hơn kế hoạch 95%.")
    assert [(s.low, s.compared_target) for s in got] == [(91.5, {"op": "=", "low": 95, "high": 95})]


def test_a_shortfall_said_against_the_plan_misses_it():
    got = _fields(
        "Năm 2024, thu ngân sách gặp khó khăn, hụt khoảng 12,6 tỷ đồng so với dự toán; "
        "số nhà văn hóa còn thiếu 2 nhà so với Nghị quyết; tỷ lệ che phủ rừng còn thấp 0,9% so với chỉ tiêu."
    )
    assert [(low, st) for _, low, _, _, st in got] == [
        (12.6, "khong_dat"),
        (2, "khong_dat"),
        (0.9, "khong_dat"),
    ]
    # a difference from last year is no verdict
    got = _fields("Năm 2024, sản lượng lúa thấp hơn 3,2% so với cùng kỳ.")
    assert [st for *_, st in got] == [None]


def test_a_margin_below_the_plan_in_brackets_after_a_missed_verdict():
    got = _all("Năm 2025, tốc độ tăng trưởng chưa đạt kế hoạch (thấp hơn 0,4 điểm %).")
    assert [(s.op, s.low, s.stated_status) for s in got if s.op != "qualitative"] == [("=", 0.4, "khong_dat")]


# --- a quota met in full ---------------------------------------------------------------------
def test_a_quota_met_in_full_is_met():
    got = _all("Năm 2025, công tác tuyển quân đạt 100% chỉ tiêu.")
    assert [(s.low, s.stated_status) for s in got] == [(100, "dat")]
    # after the count it is the count's share of the plan; a rate's 100% is no verdict
    got = _all("Năm 2025, giao 32 thanh niên nhập ngũ, đạt 100% chỉ tiêu.")
    assert [s.stated_status for s in got] == [None, None]
    got = _all("Năm 2025, tỷ lệ thanh niên khám tuyển đạt 100% chỉ tiêu.")
    assert [s.stated_status for s in got] == [None]


# --- a share of the plan short of it beside "không đạt" ----------------------------------------------
def test_a_share_of_the_plan_with_a_missed_verdict_misses_it_with_its_level():
    got = _all("Năm 2025, thu ngân sách xã ước 21,4 tỷ đồng, đạt 89,2% dự toán, không đạt kế hoạch.")
    assert [(s.low, s.stated_status) for s in got] == [(21.4, "khong_dat"), (89.2, "khong_dat")]
    got = _all(
        "Năm 2025, giá trị sản xuất ước 410 tỷ đồng, đạt 96% kế hoạch, không đạt chỉ tiêu Nghị quyết (NQ: 430 tỷ đồng)."
    )
    assert [(s.low, s.stated_status) for s in got] == [(410, "khong_dat"), (96, "khong_dat")]
    # a share of the plan alone carries no verdict
    got = _all("Năm 2025, chi ngân sách 18,2 tỷ đồng, đạt 95,1% dự toán.")
    assert [s.stated_status for s in got] == [None, None]


# --- a verdict on the indicator its own clause names ---------------------------------------------
def test_a_verdict_after_a_semicolon_judges_its_own_clauses_indicator():
    got = _all(
        "Năm 2025, giải ngân vốn đầu tư công đạt 77,5%; tỷ lệ hộ dùng nước sạch chưa đạt (thiếu 2,1% so với kế hoạch)."
    )
    assert [(s.low, s.stated_status) for s in got] == [(77.5, None), (2.1, "khong_dat")]


# --- "không còn hộ nghèo" beside a figure ---------------------------------------------------------
def test_no_poor_households_left_beside_a_figure_is_a_result():
    got = _all("Năm 2025, giải quyết việc làm cho 640 lao động; không còn hộ nghèo, hộ cận nghèo còn 1,2%.")
    assert [(s.op, s.low) for s in got] == [("=", 640), ("qualitative", None), ("=", 1.2)]


# --- a planned change quoted after "mục tiêu" ----------------------------------------------------
def test_a_planned_change_after_the_target_word_is_the_compared_target():
    got = _all("Năm 2025, tỷ lệ hộ nghèo còn 3,1% (giảm 0,9%), chưa đạt mục tiêu giảm 1,5% đề ra.")
    assert [(s.low, s.compared_target) for s in got] == [
        (3.1, None),
        (0.9, {"op": "=", "low": 1.5, "high": 1.5}),
    ]


# --- a missed verdict on an indicator with no figure and no standard named ---------------------------
def test_a_missed_verdict_with_no_figure_nor_standard_is_no_statement():
    assert _all("Năm 2025, tốc độ tăng trưởng kinh tế chưa đạt Nghị quyết.") == []
    assert _all("Năm 2024, sản lượng cá nuôi lồng, tổng đàn bò không đạt kế hoạch.") == []
    # a figure after it is the result it judges
    got = _all("Năm 2025, thu ngân sách chưa đạt kế hoạch (hụt 3,4 tỷ đồng).")
    assert [(s.low, s.stated_status) for s in got] == [(3.4, "khong_dat")]
    # a standard named before it is a statement
    got = _all("Năm 2025, chỉ tiêu xây dựng xã đạt chuẩn nông thôn mới nâng cao chưa đạt.")
    assert [(s.op, s.stated_status) for s in got] == [("qualitative", "khong_dat")]
