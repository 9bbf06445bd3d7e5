"""The year and kind a paragraph, a list's intro or a headline gives the figures after it.

Sentences written for these tests in varied forms (years, places and indicators of their own),
each rule with a trap where it must not fire.
"""

from reading import read_lines

_all = read_lines


def _read(*lines: str):
    return [(s.kind, s.low, s.unit, s.year) for s in _all(*lines)]


# --- a year carried through its paragraph -------------------------------------------------------
def test_a_year_named_inside_a_sentence_holds_for_the_results_after_it_in_its_paragraph():
    got = _read(
        "Theo số liệu thống kê, năm 2024 tổng sản lượng lương thực đạt 5.300 tấn. Đàn gia cầm có 45.000 con."
    )
    assert [y for *_, y in got] == [2024, 2024]
    got = _read("Giá trị sản xuất nông nghiệp năm 2023 đạt 120 tỷ đồng. Đàn bò có 900 con, đàn dê 450 con.")
    assert [y for *_, y in got] == [2023, 2023, 2023]


def test_a_year_naming_an_indicator_stops_at_the_blank_line():
    # trap: the year names the indicator of one sentence, not the paragraph after it
    got = _read("Diện tích lúa năm 2023 là 800 ha.", "", "Đàn trâu có 300 con.")
    assert got[1][3] is None


def test_a_year_after_a_short_lead_opens_the_paragraphs_after_it():
    got = _read("Theo Chi cục Thống kê, năm 2024 thu ngân sách đạt 40 tỷ đồng.", "", "Đàn lợn có 7.000 con.")
    assert [y for *_, y in got] == [2024, 2024]
    got = _read(
        "Lũy kế 6 tháng năm 2024, xã giải quyết việc làm cho 310 lao động.",
        "",
        "Thu ngân sách đạt 2,1 tỷ đồng.",
    )
    assert [y for *_, y in got] == [2024, 2024]


def test_children_of_a_total_take_its_year():
    got = _read(
        "Quý III năm 2024, diện tích gieo trồng đạt 900 ha.", "Trong đó:", "+ Ngô: 300 ha;", "+ Lạc: 120 ha."
    )
    assert got == [("result", 900, "ha", 2024), ("result", 300, "ha", 2024), ("result", 120, "ha", 2024)]


def test_the_year_just_past_is_a_result_year():
    got = _read(
        "Năm 2027, chúng tôi đặt mục tiêu sản lượng lúa đạt 60.000 tấn; thu ngân sách 90 tỷ đồng.",
        "",
        "Hỏi: Năm 2026 vừa qua, xã đã làm được gì?",
        "",
        "Trả lời: Năm qua, sản lượng lúa đạt 57.200 tấn, vượt 2% kế hoạch.",
    )
    assert got[:2] == [("target", 60000, "tấn", 2027), ("target", 90, "tỷ đồng", 2027)]
    assert got[2] == ("result", 57200, "tấn", 2026)


# --- a list's intro on its own line --------------------------------------------------------------
def test_a_sentence_case_intro_gives_its_items_their_kind_and_year():
    got = _read(
        "Các chỉ tiêu chủ yếu của năm 2027:",
        "- Tổng thu ngân sách: 6.000 triệu đồng.",
        "- Tỷ lệ hộ nghèo dưới 2%.",
    )
    assert [(k, y) for k, _, _, y in got] == [("target", 2027), ("target", 2027)]
    got = _read(
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "Kết quả thực hiện các chỉ tiêu năm 2024:",
        "a) Thu ngân sách: 31 tỷ đồng, vượt 5% dự toán.",
    )
    assert got[0] == ("result", 31, "tỷ đồng", 2024)


def test_a_second_intro_resets_the_year_of_the_items_after_it():
    got = _read(
        "Mục tiêu đến năm 2030:",
        "- Tỷ lệ đô thị hóa đạt 45%.",
        "- Tỷ lệ che phủ rừng đạt 51%. Chỉ tiêu năm 2027:",
        "- Trồng mới 500 ha rừng.",
    )
    assert [(k, y) for k, _, _, y in got] == [("target", 2030), ("target", 2030), ("target", 2027)]


def test_a_date_in_the_preamble_does_not_override_the_plan_year():
    got = _read(
        "Ngày 15/12/2026, HĐND phường thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2027. "
        "Các chỉ tiêu chủ yếu như sau:",
        "- Tổng sản lượng lương thực: 3.100 tấn.",
    )
    assert got == [("target", 3100, "tấn", 2027)]


def test_an_intro_with_plan_words_is_no_statement_and_its_items_are_targets():
    got = _read(
        "Năm 2027, phường phấn đấu đạt các chỉ tiêu sau:", "- Thu nhập bình quân đầu người 80 triệu đồng."
    )
    assert got == [("target", 80, "triệu đồng/người/năm", 2027)]


def test_an_intro_without_kind_or_year_gives_nothing_and_the_list_ends_with_its_items():
    # traps: "Cụ thể:" names neither; a paragraph after the items is not an item
    got = _read("Năm 2024, xã đạt được nhiều kết quả. Cụ thể:", "- Thu ngân sách đạt 3 tỷ đồng.")
    assert got == [("result", 3, "tỷ đồng", 2024)]
    got = _read("Các chỉ tiêu chủ yếu năm 2027:", "- Trồng mới 20 ha rừng.", "Đàn bò hiện có 900 con.")
    assert got[0][0] == "target" and got[1][:3] == ("result", 900, "con")


def test_an_article_of_a_resolution_is_a_heading():
    got = _read("Điều 1. Mục tiêu, chỉ tiêu chủ yếu năm 2027", "- Kim ngạch xuất khẩu đạt 900 triệu USD.")
    assert got == [("target", 900, "triệu USD", 2027)]
    got = _read("Điều 2. Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này có hiệu lực từ năm 2027.")
    assert got == []


# --- lists of targets announced in other words -----------------------------------------------
def test_other_verbs_that_announce_a_list_of_targets():
    got = _read(
        "Hội nghị thống nhất các chỉ tiêu năm 2027: thu ngân sách 8.000 triệu đồng; tỷ lệ hộ nghèo dưới 1%."
    )
    assert [k for k, *_ in got] == ["target", "target"]
    got = _read(
        "Đại hội xác định các mục tiêu chủ yếu giai đoạn 2026-2031: (1) Tỷ lệ trường đạt chuẩn 90%; (2) Có 12 xã đạt chuẩn."
    )
    assert [k for k, *_ in got] == ["target", "target"]
    got = _read("Năm 2027, thị xã đặt chỉ tiêu sản lượng thủy sản đạt 12.000 tấn.")
    assert got == [("target", 12000, "tấn", 2027)]
    got = _read("UBND xã dự kiến các chỉ tiêu năm 2027: thu ngân sách 9 tỷ đồng; trồng mới 40 ha rừng.")
    assert [k for k, *_ in got] == ["target", "target"]
    got = _read("Chỉ tiêu năm 2027: tỷ lệ che phủ rừng 45%.")
    assert got[0][0] == "target"


def test_a_result_measured_against_the_plan_set_stays_a_result():
    # traps: "chỉ tiêu đặt ra", "kế hoạch năm …: … thực hiện …" report on a plan
    assert _read("Năm 2024, sản lượng chè đạt 500 tấn, vượt chỉ tiêu đặt ra.")[0][0] == "result"
    got = _read("Kế hoạch năm 2024: 50 tỷ đồng, thực hiện 52 tỷ đồng.")
    assert ("result", 52, "tỷ đồng", 2024) in got


# --- a headline with no full stop ---------------------------------------------------------------
def test_a_headline_with_no_full_stop_does_not_lend_its_plan_words_or_name_to_the_paragraph():
    got = _all(
        "Phường An Lạc phấn đấu năm 2027 có thêm 3 khu phố đạt chuẩn văn minh",
        "",
        "Năm 2026, phường có 8/12 khu phố đạt chuẩn; tỷ lệ hộ dùng nước sạch đạt 98%.",
    )
    assert [(s.kind, s.low, s.year) for s in got] == [
        ("target", 3, 2027),
        ("result", 8, 2026),
        ("result", 98, 2026),
    ]
    assert "văn minh" not in got[1].indicator


def test_a_list_of_targets_goes_on_across_a_blank_line():
    # trap: two targets or more make a list, whose next paragraph goes on with targets
    got = _read("Năm 2027, phấn đấu trồng 30 ha rừng, xây dựng 4 km đường", "", "Tỷ lệ hộ nghèo dưới 1%.")
    assert [k for k, *_ in got] == ["target", "target", "target"]


# --- baselines inside a list of targets ------------------------------------------------------------
def test_where_things_stood_in_parentheses_is_a_result_of_that_year():
    got = _read(
        "Phấn đấu đến năm 2030, tỷ lệ lao động qua đào tạo đạt 80% (năm 2025: 68%); thu nhập bình quân đầu người "
        "đạt 120 triệu đồng (năm 2025 đạt 75 triệu đồng)."
    )
    assert got == [
        ("target", 80, "%", 2030),
        ("result", 68, "%", 2025),
        ("target", 120, "triệu đồng/người/năm", 2030),
        ("result", 75, "triệu đồng/người/năm", 2025),
    ]
    # trap: a later year in parentheses is another target
    got = _read("Phấn đấu năm 2026 tỷ lệ hộ dùng nước sạch đạt 80% (năm 2028: 90%).")
    assert [k for k, *_ in got] == ["target", "target"]


# --- counts of indicators met ----------------------------------------------------------------
def test_a_count_of_indicators_met_after_its_verb_is_a_result():
    got = _all("Năm 2024, xã hoàn thành và vượt 18/20 chỉ tiêu Nghị quyết.")
    assert [(s.kind, s.op, s.low, s.unit, s.stated_status) for s in got] == [
        ("result", "=", 18, "chỉ tiêu", None)
    ]
    # traps: the plan's own count; a count missed is one too, with its verdict
    assert _read("Đại hội đề ra 15 chỉ tiêu.") == []
    assert [(s.low, s.stated_status) for s in _all("Năm 2024, xã không đạt 2 chỉ tiêu.")] == [(2, "khong_dat")]


def test_the_verdict_of_a_count_missed_is_not_given_to_the_count_before_it():
    got = _all("Có 11/13 chỉ tiêu đạt và vượt kế hoạch, 2 chỉ tiêu chưa đạt.")
    assert [(s.low, s.stated_status) for s in got if s.low == 11] == [(11, None)]
    # trap: a verdict after a figure is still its own
    got = _all("Tỷ lệ tham gia BHYT đạt 90% (chỉ tiêu 95%), chưa đạt.")
    assert got[0].stated_status == "khong_dat"


# --- scale, seasons, hamlets ------------------------------------------------------------------
def test_the_scale_of_an_aggregate_is_a_statement_and_a_projects_is_not():
    assert _read("Quy mô giá trị sản xuất năm 2024 đạt 5.200 tỷ đồng.") == [("result", 5200, "tỷ đồng", 2024)]
    assert _read("Dự án có quy mô 12 ha.") == []


def test_a_crops_seasons_are_no_count():
    assert [v for _, v, _, _ in _read("Diện tích gieo cấy lúa 2 vụ là 1.500 ha.")] == [1500]
    assert [v for _, v, _, _ in _read("Toàn xã trồng 2 vụ lúa/năm trên 300 ha.")] == [300]
    # trap: events counted in "vụ" stay
    assert _read("Năm 2024, xảy ra 4 vụ cháy rừng.")[0][1:3] == (4, "vụ")


def test_a_share_of_hamlets_to_reach_a_standard_is_a_count():
    got = _read("Phấn đấu đến năm 2030 có 6/8 ấp đạt chuẩn ấp văn hóa.")
    assert got == [("target", 6, "ấp", 2030)]


def test_an_event_not_let_happen_is_a_qualitative_statement_unless_it_restates_a_kept_standard():
    got = _all(
        "Năm 2027, xã phấn đấu giữ vững an ninh chính trị; không để xảy ra cháy rừng; tỷ lệ hộ nghèo giảm 1%."
    )
    assert [(s.kind, s.op) for s in got] == [
        ("target", "qualitative"),
        ("target", "qualitative"),
        ("target", "="),
    ]
    # trap: in the clause of a kept standard it says the same again
    got = _all("An ninh chính trị, trật tự an toàn xã hội được giữ vững, không để xảy ra điểm nóng.")
    assert len(got) == 1


def test_an_intro_joined_with_its_numbered_items_gives_them_kind_and_year():
    got = _read("Mục tiêu năm 2027:", "1. Thu ngân sách xã: 5.200 triệu đồng.", "2. Trồng mới 30 ha rừng.")
    assert got == [("target", 5200, "triệu đồng", 2027), ("target", 30, "ha", 2027)]
    got = _read(
        "Kết quả thực hiện năm 2024:", "1. Thu ngân sách xã: 5.200 triệu đồng.", "2. Trồng mới 30 ha rừng."
    )
    assert got == [("result", 5200, "triệu đồng", 2024), ("result", 30, "ha", 2024)]


def test_an_intro_naming_the_year_a_results_section_reports_gives_results():
    got = _read(
        "I. KẾT QUẢ THỰC HIỆN NĂM 2026",
        "Các chỉ tiêu chủ yếu năm 2026:",
        "- Thu ngân sách đạt 5 tỷ đồng, vượt 4% dự toán.",
    )
    assert [(k, v, y) for k, v, _, y in got] == [("result", 5, 2026), ("result", 4, 2026)]
    # trap: plan verbs for the next year there still set targets
    got = _read(
        "I. KẾT QUẢ THỰC HIỆN NĂM 2026",
        "Đại hội đề ra các chỉ tiêu chủ yếu năm 2027:",
        "- Thu ngân sách 6 tỷ đồng.",
    )
    assert got == [("target", 6, "tỷ đồng", 2027)]
    # a past year in a document dated later: results
    got = _read(
        "UBND XÃ AN PHÚ",
        "An Phú, ngày 10 tháng 12 năm 2026",
        "Các chỉ tiêu năm 2025:",
        "- Thu ngân sách: 5 tỷ đồng.",
    )
    assert got == [("result", 5, "tỷ đồng", 2025)]
