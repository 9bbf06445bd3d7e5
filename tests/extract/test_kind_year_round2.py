"""Kind and year, round 2: results that name their plan, plans announced in new ways, years opened
by a sentence with no figure, and a file's comment lines.

Sentences written for these tests (places, years and indicators of their own), each rule with a
trap where it must not fire.
"""

from reading import read_lines

_all = read_lines


def _read(*lines: str):
    return [(s.kind, s.low, s.unit, s.year) for s in _all(*lines)]


# --- a result's margin over its plan is a result -------------------------------------------------
def test_the_margin_over_the_plan_after_the_plan_word_is_a_result():
    got = _all("Năm 2025, sản lượng chè búp tươi đạt 8.300 tấn, vượt kế hoạch 4,2%. Đàn trâu có 2.100 con.")
    assert [(s.kind, s.low, s.year, s.stated_status) for s in got] == [
        ("result", 8300, 2025, "vuot"),
        ("result", 4.2, 2025, "vuot"),
        ("result", 2100, 2025, None),  # the paragraph goes on as results
    ]
    got = _all("Thu ngân sách trên địa bàn đạt 412 tỷ đồng, cao hơn dự toán 6,5%.")
    assert [(s.kind, s.low) for s in got] == [("result", 412), ("result", 6.5)]
    got = _all("Năm 2026, tổng đàn gia cầm đạt 310.000 con, vượt mức kế hoạch năm 5,1%.")
    assert [(s.kind, s.low, s.stated_status) for s in got] == [("result", 310000, "vuot"), ("result", 5.1, "vuot")]


def test_trap_a_plan_figure_in_the_results_unit_stays_the_compared_target():
    got = _all("Tỷ lệ lao động qua đào tạo đạt 71,3%, vượt chỉ tiêu 70% đề ra.")
    assert len(got) == 1
    assert got[0].kind == "result" and got[0].compared_target == {"op": "=", "low": 70, "high": 70}


def test_a_plan_in_parentheses_after_a_change_is_its_compared_target():
    got = _all(
        "Tỷ lệ hộ nghèo giảm bình quân 2,8%/năm, cao hơn chỉ tiêu Nghị quyết (2,5%/năm). "
        "An ninh chính trị được giữ vững."
    )
    assert [s.kind for s in got] == ["result", "result"]
    assert got[0].compared_target == {"op": "=", "low": 2.5, "high": 2.5}


def test_indicators_named_as_not_met_carry_that_verdict():
    got = _all(
        "Còn 2 chỉ tiêu chưa đạt là tỷ lệ hộ dùng nước sạch (đạt 71%, Nghị quyết 85%) "
        "và số xã đạt chuẩn nông thôn mới (đạt 6 xã, Nghị quyết 8 xã)."
    )
    assert [(s.kind, s.low, (s.compared_target or {}).get("low"), s.stated_status) for s in got] == [
        ("result", 2, None, "khong_dat"),  # the count of indicators missed is a result of its own
        ("result", 71, 85, "khong_dat"),
        ("result", 6, 8, "khong_dat"),
    ]
    # trap: the count's own words, the next sentence no verdict
    got = _all("Còn 3 chỉ tiêu chưa đạt. Tổng đàn lợn tăng 4,5%.")
    assert [s.stated_status for s in got if s.low == 4.5] == [None]


def test_a_sentence_opening_with_an_earlier_year_ends_the_list_of_targets():
    got = _read(
        "Đề nghị đại biểu thống nhất các chỉ tiêu năm 2028: tổng vốn đầu tư tăng 11%; thu ngân sách 720 tỷ đồng.",
        "Năm 2027, các chỉ tiêu này lần lượt đạt 9,4% và 655 tỷ đồng.",
    )
    assert got == [
        ("target", 11, "%", 2028),
        ("target", 720, "tỷ đồng", 2028),
        ("result", 9.4, "%", 2027),
        ("result", 655, "tỷ đồng", 2027),
    ]
    # trap: a later year goes on with the plan
    got = _read(
        "Đề nghị đại biểu thống nhất các chỉ tiêu năm 2028: tổng vốn đầu tư tăng 11%; thu ngân sách 720 tỷ đồng.",
        "Năm 2029, thu ngân sách 800 tỷ đồng; tổng vốn đầu tư tăng 12%.",
    )
    assert [k for k, *_ in got] == ["target"] * 4
    # trap: the first year of a term planned before it
    got = _read(
        "Đại hội thống nhất các chỉ tiêu giai đoạn 2026 - 2030: tổng vốn đầu tư tăng 11%/năm; thu ngân sách 720 tỷ đồng.",
        "Năm 2026, thu ngân sách 610 tỷ đồng; tổng vốn đầu tư tăng 10%.",
    )
    assert [k for k, *_ in got] == ["target"] * 4


# --- target announcements ------------------------------------------------------------------------
def test_a_budget_estimate_submitted_as_follows_is_a_plan():
    got = _read(
        "UBND huyện trình HĐND huyện dự toán thu, chi ngân sách năm 2028 như sau:",
        "1. Tổng thu ngân sách trên địa bàn: 845 tỷ đồng, tăng 7,2% so với ước thực hiện năm 2027.",
        "2. Tổng chi ngân sách huyện: 1.320 tỷ đồng.",
    )
    assert got == [
        ("target", 845, "tỷ đồng", 2028),
        ("target", 7.2, "%", 2028),  # "so với ước thực hiện năm 2027" is the base, not the year
        ("target", 1320, "tỷ đồng", 2028),
    ]
    # trap: the execution of a budget is reported
    got = _read(
        "Kết quả thực hiện dự toán ngân sách năm 2027 như sau:",
        "1. Tổng thu ngân sách trên địa bàn: 812 tỷ đồng.",
    )
    assert [k for k, *_ in got] == ["result"]


def test_a_body_charged_to_complete_the_indicators_below_sets_targets():
    got = _read(
        "Về nhiệm vụ năm 2028, Ban Chấp hành giao Ủy ban nhân dân phường chỉ đạo thực hiện các chỉ tiêu sau: "
        "thu ngân sách 95 tỷ đồng; giảm 12 hộ nghèo; kết nạp ít nhất 10 đảng viên."
    )
    assert [k for k, *_ in got] == ["target"] * 3
    # trap: a report on the indicators below
    got = _read("Ủy ban nhân dân phường đã hoàn thành các chỉ tiêu sau: thu ngân sách 93 tỷ đồng; giảm 14 hộ nghèo.")
    assert [k for k, *_ in got] == ["result"] * 2


def test_a_plan_label_opening_a_sentence_makes_its_items_targets():
    got = _read(
        "Nhiệm vụ công tác quân sự năm 2028: giao quân đạt 100% chỉ tiêu; huấn luyện dân quân đạt 98% quân số."
    )
    assert [(k, y) for k, _, _, y in got] == [("target", 2028), ("target", 2028)]
    got = _read("Kế hoạch năm 2028: diện tích trồng rừng 450 ha; sản lượng gỗ 36.000 m3.")
    assert [k for k, *_ in got] == ["target", "target"]
    got = _read("Dự toán năm 2028: thu nội địa 610 tỷ đồng; chi thường xuyên 980 tỷ đồng.")
    assert [k for k, *_ in got] == ["target", "target"]
    # traps: an indicator's fields ("Kế hoạch: …. Thực hiện: …"), and a label followed by a report
    got = _all("Kế hoạch năm 2027: 7,5%. Thực hiện: 7,9%.")
    assert [(s.kind, s.low) for s in got] == [("result", 7.9)]
    assert got[0].compared_target == {"op": "=", "low": 7.5, "high": 7.5}
    got = _read("Nhiệm vụ năm 2027: đã tuyển chọn 46 thanh niên nhập ngũ.")
    assert [k for k, *_ in got] == ["result"]


def test_every_item_of_a_plan_adopted_with_its_targets_is_a_target():
    got = _read(
        "HĐND tỉnh thông qua kế hoạch năm 2028 với mục tiêu tăng trưởng 8%, "
        "thu nhập bình quân đầu người 92 triệu đồng, giải quyết việc làm cho 31.000 lao động."
    )
    assert [k for k, *_ in got] == ["target"] * 3
    # traps: a result measured against its goal, and a goal named as a purpose
    got = _read("Doanh thu du lịch đạt 1.250 tỷ đồng, bằng 104% so với mục tiêu.")
    assert [k for k, *_ in got] == ["result", "result"]
    got = _read("Gắn với mục tiêu giảm nghèo, năm 2027 xã hỗ trợ 85 hộ vay vốn.")
    assert [k for k, *_ in got] == ["result"]


def test_a_duty_set_for_a_year_is_a_target():
    got = _read("Chúng tôi quyết tâm năm 2028 phải đưa tỷ lệ trẻ suy dinh dưỡng xuống dưới 9%.")
    assert [(k, y) for k, _, _, y in got] == [("target", 2028)]
    # trap: "phải" with no one setting a duty
    got = _read("Do hạn hán, nông dân phải giảm diện tích lúa 150 ha.")
    assert [k for k, *_ in got] == ["result"]


# --- a year opened by a sentence with no figure ---------------------------------------------------
def test_a_half_year_opener_without_a_figure_gives_its_year():
    got = _read(
        "Hội nghị kết luận:",
        "1. Trong 9 tháng đầu năm 2027, tình hình an ninh nông thôn ổn định. Sản lượng cá nuôi đạt 2.340 tấn.",
        "2. Tỷ lệ trẻ em tiêm chủng đầy đủ đạt 97,5%.",
    )
    assert [y for *_, y in got] == [2027, 2027]
    got = _read("Qua quý II năm 2027, giá vật tư tăng cao. Diện tích gieo trồng đạt 3.150 ha.")
    assert [y for *_, y in got] == [2027]


def test_a_sentence_about_the_year_gives_its_year():
    got = _read(
        "Thưa các đồng chí!",
        "Năm 2027 là năm thứ hai thực hiện Nghị quyết Đại hội. Dù còn khó khăn, tổng giá trị sản xuất ước đạt 5.400 tỷ đồng.",
    )
    assert got == [("result", 5400, "tỷ đồng", 2027)]
    got = _read("Năm 2027 diễn ra trong bối cảnh thiên tai, dịch bệnh trên đàn gia súc. Đàn bò còn 4.300 con.")
    assert got == [("result", 4300, "con", 2027)]
    # trap: a plan for that year keeps its kind
    got = _read("Năm 2028 là năm bản lề, xã phấn đấu thu ngân sách đạt 40 tỷ đồng.")
    assert got == [("target", 40, "tỷ đồng", 2028)]


# --- a file's comment lines ----------------------------------------------------------------------
def test_a_files_comment_lines_on_its_source_are_no_heading():
    got = _read(
        "# source: copied from the plan (chỉ tiêu kế hoạch năm 2028)",
        "# retrieved 2027-12-20",
        "",
        "Năm 2027, sản lượng lúa đạt 9.100 tấn. Đàn bò có 640 con.",
    )
    assert got == [("result", 9100, "tấn", 2027), ("result", 640, "con", 2027)]
    # trap: a Markdown heading is a heading of the report
    got = _read("# Kế hoạch năm 2028", "", "Sản lượng lúa 9.400 tấn; đàn bò 700 con.")
    assert [(k, y) for k, _, _, y in got] == [("target", 2028), ("target", 2028)]


def test_a_yearly_pace_in_parentheses_is_not_set_beside_a_change_over_the_term():
    """"giảm 5,48 điểm so với năm 2020, đạt chỉ tiêu (giảm 1-1,5%/năm)": the pace is per year,
    the change is over five years; pairing them would make the checker call a true "đạt" false."""
    got = _all("Tỷ lệ hộ nghèo năm 2025 còn 3,1%, giảm 5,5 điểm phần trăm so với năm 2020, "
               "đạt chỉ tiêu Nghị quyết (giảm 1-1,5%/năm).")
    assert all(s.compared_target is None for s in got), [(s.low, s.compared_target) for s in got]
