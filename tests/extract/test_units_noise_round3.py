"""Round 3 of units, noise and fields in running text.

Units: a time per thing handled ("45 phút/xe", "3 ngày/hồ sơ") and work-days ("ngày công"), two-word
bases ("m3/ngày đêm", "con/phụ nữ"), "nhà đầu tư", a base written once for two counts ("35 bác sĩ
và 45 giường bệnh/vạn dân"), the noun before a known noun ("30 giải học sinh giỏi"). Noise: the
facts of a meeting (votes, people present, elections), awards, what a named work is in
parentheses, the communes of a merger. Fields: a yearly word after the value ("… mỗi năm"), "ha
rừng/năm", an average said of another figure, a margin over a quoted target, a verdict after a
level's change, the next count of indicators met.

Sentences written for these tests (places, years and indicators of their own), each rule with a
trap where it must not fire.
"""

from __future__ import annotations

import pytest

from chitieu.extract import extract
from chitieu.extract.document import Document


def read(*lines: str):
    return extract(Document("t.txt", "text", ("Năm 2025, kết quả thực hiện như sau.", *lines)))


def units(sentence: str):
    return [(s.low, s.unit) for s in read(sentence)]


# --- units --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "low", "unit"),
    [
        ("Thời gian giải quyết thủ tục đất đai giảm còn 12 ngày/hồ sơ.", 12, "ngày/hồ sơ"),
        ("Thời gian chờ thông quan tại cửa khẩu Tân Thanh còn 38 phút/xe.", 38, "phút/xe"),
        ("Thời gian xử lý mỗi hồ sơ đăng ký kinh doanh còn 4 giờ/hồ sơ.", 4, "giờ/hồ sơ"),
        ("Nhân dân góp hơn 7.200 ngày công làm kênh mương nội đồng.", 7200, "ngày công"),
    ],
)
def test_a_time_per_thing_and_work_days_are_units(sentence, low, unit):
    assert units(sentence) == [(low, unit)]


def test_trap_a_time_per_time_and_an_age_stay_no_figures():
    assert units("Thời gian phát sóng 18 giờ/ngày; trẻ 6 tháng tuổi được tiêm đủ mũi.") == []
    assert units("Hồ sơ được trả trong 3 ngày làm việc.") == []


@pytest.mark.parametrize(
    ("sentence", "low", "unit"),
    [
        ("Tổng công suất các nhà máy nước đạt 24.000 m3/ngày đêm.", 24000, "m3/ngày đêm"),
        ("Công suất xử lý nước thải của khu công nghiệp đạt 3.500 m3/ngày đêm.", 3500, "m3/ngày đêm"),
        ("Tổng tỷ suất sinh của tỉnh là 1,95 con/phụ nữ.", 1.95, "con/phụ nữ"),
        ("Số con trung bình đạt 2,2 con/phụ nữ trong độ tuổi sinh đẻ.", 2.2, "con/phụ nữ"),
    ],
)
def test_a_base_of_two_words_is_kept_whole(sentence, low, unit):
    assert units(sentence) == [(low, unit)]


def test_investors_are_counted_as_investors():
    assert units("Khu kinh tế thu hút thêm 14 nhà đầu tư mới.") == [(14, "nhà đầu tư")]
    assert units("Toàn huyện xây mới 120 nhà văn hóa thôn.") == [(120, "nhà văn hóa")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Năm 2030 đạt 12 bác sĩ và 38 giường bệnh/vạn dân.",
            [(12, "bác sĩ/vạn dân"), (38, "giường bệnh/vạn dân")],
        ),
        (
            "Đến năm 2030 có 4 dược sĩ, 25 điều dưỡng/vạn dân.",
            [(4, "dược sĩ/vạn dân"), (25, "điều dưỡng/vạn dân")],
        ),
        (
            "Có 9 bác sĩ/vạn dân và 30 giường bệnh/vạn dân.",
            [(9, "bác sĩ/vạn dân"), (30, "giường bệnh/vạn dân")],
        ),
    ],
)
def test_a_base_written_once_holds_for_the_count_before_it(sentence, expected):
    assert units(sentence) == expected


def test_trap_a_count_joined_to_a_rate_of_another_base_keeps_its_own():
    got = units("Toàn xã có 5 bác sĩ và 2,1 con/phụ nữ.")
    assert got[0] == (5, "bác sĩ")


@pytest.mark.parametrize(
    ("sentence", "low", "unit"),
    [
        ("Năm học 2025-2026 có 42 giải học sinh giỏi cấp huyện.", 42, "giải"),
        ("Đã trao 65 suất học bổng học sinh nghèo vượt khó.", 65, "suất"),
        ("Có 18 đoàn doanh nghiệp nước ngoài đến khảo sát đầu tư.", 18, "đoàn"),
    ],
)
def test_the_noun_before_a_known_noun_is_what_is_counted(sentence, low, unit):
    assert units(sentence)[0] == (low, unit)


def test_trap_a_two_word_noun_not_followed_by_a_known_noun_stays_two_words():
    assert units("Toàn xã có 96.500 thuê bao internet băng rộng.") == [(96500, "thuê bao")]


# --- noise: facts of a meeting, awards, a named work, a merger -----------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Kỳ họp có 31/31 đại biểu tham dự; 100% đại biểu có mặt biểu quyết thông qua Nghị quyết số 14/NQ-HĐND.",
        "Nghị quyết được 52/55 đại biểu biểu quyết tán thành (đạt 94,5%).",
        "Đồng chí Lê Văn Tâm được bầu giữ chức Chủ tịch HĐND phường với 96,2% số phiếu tán thành.",
        "Đại hội đã bầu 21 đồng chí vào Ban Chấp hành Đảng bộ phường nhiệm kỳ 2025-2030.",
        "Hội nghị có 27/29 đồng chí Ủy viên Ban Thường vụ tham dự.",
        "Lễ khởi công diễn ra sáng 12/5 (với khoảng 350 khách mời tham dự).",
    ],
)
def test_the_facts_of_a_meeting_are_no_statements(sentence):
    assert read(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "UBND huyện tặng Giấy khen cho 18 tập thể và 36 cá nhân có thành tích xuất sắc.",
        "Dịp này, Ban Thi đua - Khen thưởng biểu dương 9 tập thể, 27 cá nhân tiêu biểu.",
        "Hội nghị khen thưởng 12 tập thể, 40 cá nhân điển hình tiên tiến.",
    ],
)
def test_awards_are_no_statements(sentence):
    assert read(sentence) == []


def test_trap_a_vote_beside_the_targets_it_adopts_keeps_the_targets():
    got = read(
        "Kỳ họp biểu quyết thông qua nghị quyết với các chỉ tiêu năm 2027: thu nhập bình quân đầu người 88 triệu đồng, tỷ lệ hộ nghèo giảm 1,2%."
    )
    assert [(s.low, s.unit) for s in got] == [(88, "triệu đồng/người/năm"), (1.2, "%")]


def test_trap_attendance_as_an_indicator_is_kept():
    got = read(
        "Tỷ lệ đảng viên tham dự sinh hoạt chi bộ đạt 96%; có 1.450 lượt hội viên tham dự các lớp tập huấn."
    )
    assert [(s.low, s.unit) for s in got] == [(96, "%"), (1450, "lượt hội viên")]
    got = read("Tỷ lệ cử tri đi bầu cử đạt 99,6%; số tập thể đạt danh hiệu tiên tiến tăng 12%.")
    assert [s.low for s in got] == [99.6, 12]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cụm công nghiệp Hòa Phú (diện tích 75 ha, vốn đầu tư hạ tầng 620 tỷ đồng) đi vào hoạt động.",
        "Nhà máy nước Sông Lam (công suất 30.000 m3/ngày đêm) được khánh thành.",
        "Hồ chứa nước Đá Bạc (dung tích 12,5 triệu m3) tích đủ nước cho mùa khô.",
        "Cảng cá Cửa Hội (công suất thiết kế 80.000 tấn/năm) tiếp nhận tàu dưới 1.000 CV.",
    ],
)
def test_what_a_named_work_is_in_parentheses_is_no_statement(sentence):
    assert [s for s in read(sentence) if s.unit != "CV"] == []


def test_trap_a_figure_in_parentheses_after_a_plain_noun_is_kept():
    got = read("Trồng mới rừng tập trung (diện tích 320 ha) đạt kế hoạch.")
    assert [(s.low, s.unit) for s in got] == [(320, "ha")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã Tân Phong (thành lập trên cơ sở sáp nhập 4 xã cũ) huy động 96 tỷ đồng làm đường.",
        "Sau sắp xếp, toàn huyện có 14 xã, thị trấn với dân số khoảng 150 nghìn người.",
        "Kết quả nhiệm kỳ trước (tính gộp 2 phường cũ): tỷ lệ hộ nghèo còn 0,6%.",
    ],
)
def test_the_communes_of_a_merger_are_no_statements(sentence):
    assert all(s.unit not in ("xã", "phường") for s in read(sentence))
    assert read(sentence)  # ... the figures beside them are


def test_trap_a_count_of_communes_after_a_merger_word_further_back_is_kept():
    got = read("Sau sáp nhập, số xã đạt chuẩn nông thôn mới là 11 xã.")
    assert [(s.low, s.unit) for s in got] == [(11, "xã")]


# --- projects counted -----------------------------------------------------------------------
def test_turns_of_projects_are_a_count_not_a_project():
    got = read("Trong năm có 45 lượt dự án điều chỉnh tăng vốn 620 triệu USD; 31 lượt dự án giảm vốn.")
    assert [(s.low, s.unit) for s in got] == [(45, "lượt dự án"), (620, "triệu USD"), (31, "lượt dự án")]


def test_trap_one_named_project_stays_out():
    assert read("Dự án cảng biển Nam Phú có tổng vốn 4.500 tỷ đồng.") == []


# --- per year ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        (
            "Giai đoạn 2026-2030, phấn đấu chuyển đổi 500-700 ha đất trồng lúa sang nuôi trồng thủy sản mỗi năm.",
            500,
        ),
        (
            "Giai đoạn 2026-2030, phấn đấu thu hút vốn FDI 800 triệu USD hằng năm; tỷ lệ đô thị hóa đạt 45%.",
            800,
        ),
        ("Giai đoạn 2026-2030, phấn đấu trồng mới 180 ha rừng/năm.", 180),
        ("Giai đoạn 2026-2030, kết nạp từ 20 đảng viên mới trở lên/năm.", 20),
    ],
)
def test_a_yearly_word_after_the_value_makes_it_per_year(sentence, low):
    got = read(sentence)
    assert got[0].low == low and got[0].per_year


def test_trap_a_yearly_word_naming_a_kind_and_a_later_figure_are_not_per_year():
    got = read("Diện tích gieo trồng cây hằng năm đạt 8.400 ha; sản lượng lương thực đạt 52.000 tấn.")
    assert [s.per_year for s in got] == [False, False]
    got = read("Năm 2026, tỷ lệ đô thị hóa đạt 45%, mỗi năm tổ chức 2 hội chợ.")
    assert got[0].per_year is False
    got = read("Thu nhập bình quân đầu người đạt 72 triệu đồng người/năm.")
    assert got[0].per_year is False  # a per-head income holds a year in its unit, no yearly rate


def test_an_average_said_of_a_figure_in_another_unit_is_not_the_percentages():
    got = read("Lượng rác thải phát sinh bình quân 46 tấn/ngày, tăng 9% vào dịp lễ hội.")
    assert [(s.low, s.per_year) for s in got] == [(46, False), (9, False)]
    got = read("Tốc độ tăng trưởng kinh tế bình quân: nông nghiệp 3,2%, dịch vụ 8,5%.")
    assert [s.per_year for s in got] == [True, True]  # a list of averaged rates keeps its average


# --- verdicts --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        "Tỷ lệ xã đạt chuẩn tiếp cận pháp luật đạt 92,5% (chỉ tiêu: 90%), vượt 2,5 điểm phần trăm.",
        "Tỷ lệ lao động qua đào tạo đạt 71% (Nghị quyết: 68%), vượt 3 điểm %.",
        "Tỷ lệ che phủ rừng đạt 47,2% (mục tiêu 46%), vượt 1,2%.",
    ],
)
def test_a_margin_over_a_quoted_target_beats_the_plan_for_both(sentence):
    got = read(sentence)
    assert [s.stated_status for s in got] == ["vuot", "vuot"]
    assert got[0].compared_target is not None


def test_trap_a_margin_with_no_target_quoted_stays_without_verdict():
    got = read("Tỷ lệ che phủ rừng đạt 47,2%, vượt 1,2% so với năm trước.")
    assert got[0].stated_status is None


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Năm 2025, sản lượng thủy sản đạt 18.600 tấn, tăng 4,1% so với năm 2024, đạt kế hoạch.", "dat"),
        ("Năm 2025, tổng thu ngân sách đạt 312 tỷ đồng, tăng 11% so với cùng kỳ, vượt dự toán.", "vuot"),
        (
            "Năm 2025, số khách lưu trú đạt 62.000 lượt, giảm 3% so với năm trước, không đạt kế hoạch.",
            "khong_dat",
        ),
    ],
)
def test_a_verdict_after_a_levels_one_year_change_judges_the_level_too(sentence, status):
    assert [s.stated_status for s in read(sentence)] == [status, status]


def test_trap_a_verdict_after_an_average_rate_or_a_change_with_its_plan_is_the_changes():
    got = read("Giá trị sản xuất đạt 5 tỷ đồng, tăng bình quân hằng năm 6%, đạt kế hoạch đề ra.")
    assert got[0].stated_status is None
    got = read("Toàn huyện còn 820 hộ nghèo, chiếm 3,1%, giảm 1,4% so với đầu năm, vượt kế hoạch (giảm 1%).")
    assert [s.stated_status for s in got][:2] == [None, None]


# --- counts of indicators met ------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Năm 2025, xã đạt 4/6 chỉ tiêu kinh tế và 7/7 chỉ tiêu xã hội.", [4, 7]),
        ("Năm 2025, huyện hoàn thành 10/11 chỉ tiêu kinh tế, 9/9 chỉ tiêu môi trường.", [10, 9]),
    ],
)
def test_the_next_count_of_the_same_verb_is_a_count_met(sentence, expected):
    assert [s.low for s in read(sentence)] == expected


def test_trap_the_plans_own_list_of_indicators_is_no_count():
    assert read("Đại hội đề ra 15 chỉ tiêu kinh tế và 8 chỉ tiêu xã hội.") == []
    assert read("Nghị quyết đề ra 20 chỉ tiêu, trong đó 3 chỉ tiêu về môi trường.") == []


# --- a scenario quoted as the plan ---------------------------------------------------------
def test_a_scenario_in_parentheses_is_the_compared_target():
    got = read("GRDP 6 tháng ước tăng 6,8% so với cùng kỳ (kịch bản tăng trưởng 6 tháng: 7%).")
    assert got[0].compared_target == {"op": "=", "low": 7, "high": 7}
    got = read("Chỉ số sản xuất công nghiệp quý II tăng 9,1% (kịch bản quý II: 8,5%).")
    assert got[0].compared_target == {"op": "=", "low": 8.5, "high": 8.5}
