"""Target phrases of the ninth blind round, each rule with other wordings than the blind set's and
look-alikes that must stay as they were: "÷" between the ends of a range, bound signs before a
number, figures counted in a rate's name before the figure it must reach, a count per population
named in the indicator, "/10.000 dân" written "/vạn dân", a base of "100 dân", "trên cả 3 tiêu
chí" (what a requirement covers) and "được cải thiện" (a requirement with no figure)."""

from __future__ import annotations

import pytest

from chitieu.core.targets import Form, Op, TargetParseError, parse_target


def read(phrase: str) -> tuple:
    t = parse_target(phrase)
    return t.form, t.bound.op, t.bound.low, t.bound.high, t.unit


# --- "÷" between the two ends of a range -----------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "want"),
    [
        ("Tỷ lệ nước thải đô thị được thu gom, xử lý đạt 40 ÷ 50%", (Form.LEVEL, Op.RANGE, 40, 50, "%")),
        ("Tỷ lệ che phủ rừng đạt 42÷43%", (Form.LEVEL, Op.RANGE, 42, 43, "%")),
        ("Giá trị sản xuất công nghiệp tăng bình quân 15 ÷ 16%/năm", (Form.GROWTH, Op.RANGE, 15, 16, "%")),
        ("Thu ngân sách trên địa bàn đạt 1.200 ÷ 1.300 tỷ đồng", (Form.LEVEL, Op.RANGE, 1200, 1300, "tỷ đồng")),
        ("Giải quyết việc làm cho 350 ÷ 400 lao động mỗi năm", (Form.LEVEL, Op.RANGE, 350, 400, "lao động")),
        # look-alikes: the other separators read as before
        ("Tỷ lệ che phủ rừng đạt 42 - 43%", (Form.LEVEL, Op.RANGE, 42, 43, "%")),
        ("Tỷ lệ che phủ rừng đạt từ 42 đến 43%", (Form.LEVEL, Op.RANGE, 42, 43, "%")),
    ],
)
def test_the_division_sign_joins_the_ends_of_a_range(phrase, want):
    assert read(phrase) == want


# --- bound signs before a number ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "op", "low", "high"),
    [
        ("Tỷ lệ tiêm chủng mở rộng đạt ≥ 95%", Op.GE, 95, None),
        ("Tỷ lệ hộ nghèo ≤1,5%", Op.LE, None, 1.5),
        ("Tỷ lệ lao động qua đào tạo > 70%", Op.GT, 70, None),
        ("Tỷ suất tử vong trẻ em dưới 1 tuổi < 10‰", Op.LT, None, 10),
        ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm đủ 8 loại vắc xin đạt ≥ 95%", Op.GE, 95, None),
    ],
)
def test_a_sign_before_the_number_is_its_bound(phrase, op, low, high):
    t = parse_target(phrase)
    assert (t.form, t.op, t.bound.low, t.bound.high) == (Form.LEVEL, op, low, high)


# --- figures counted in a rate's name, then the figure it must reach ---------------------------


@pytest.mark.parametrize(
    ("phrase", "op", "low", "high", "subject_holds"),
    [
        ("Tỷ lệ phụ nữ mang thai được khám thai ít nhất 4 lần trong 3 thời kỳ đạt trên 90%", Op.GT, 90, None,
         "4 lần trong 3 thời kỳ"),
        ("Tỷ lệ trẻ em dưới 1 tuổi được tiêm đủ 8 loại vắc xin đạt ≥ 95%", Op.GE, 95, None, "8 loại vắc xin"),
        ("Tỷ lệ học sinh được học 2 buổi/ngày đạt 100%", Op.EQ, 100, 100, "2 buổi/ngày"),
        ("Tỷ lệ trường tiểu học dạy 2 buổi/ngày đạt từ 95% trở lên", Op.GE, 95, None, "2 buổi/ngày"),
        ("Tỷ lệ xã có ít nhất 1 điểm bưu điện văn hóa duy trì 100%", Op.EQ, 100, 100, "1 điểm"),
        ("Tỷ lệ hộ có 2 lao động trở lên thiếu việc làm giảm xuống còn dưới 3%", Op.LT, None, 3, "2 lao động"),
        ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân giảm xuống dưới 8%", Op.LT, None, 8, "5 tuổi"),
    ],
)
def test_figures_in_a_rates_name_are_no_target_the_figure_after_the_reaching_word_is(
    phrase, op, low, high, subject_holds
):
    t = parse_target(phrase)
    assert (t.form, t.op, t.bound.low, t.bound.high, t.unit) == (Form.LEVEL, op, low, high, "%")
    assert subject_holds in (t.subject or ""), t.subject


@pytest.mark.parametrize(
    "phrase",
    [
        "Tỷ lệ hộ nghèo 5% đạt 3%",  # two rates: which is the target?
        "Thu ngân sách 3.200 tỷ đồng, đạt 105% dự toán",  # no rate named: an amount and a share
        "Tỷ lệ xã đạt 19 tiêu chí giảm 5%",  # no reaching word before the last figure
        "Tỷ lệ hộ nghèo đạt 3%, hộ cận nghèo 5 hộ",  # the last figure is no rate
        "giảm ít nhất 6 hộ nghèo và 12 hộ cận nghèo",
    ],
)
def test_two_targets_in_one_phrase_are_still_refused(phrase):
    with pytest.raises(TargetParseError):
        parse_target(phrase)


# --- a count per population ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "op", "value", "unit"),
    [
        ("Số giường bệnh trên 10.000 dân đạt 32 giường trở lên", Op.GE, 32, "giường bệnh/vạn dân"),
        ("Số bác sĩ trên 10.000 dân đạt từ 12 bác sĩ trở lên", Op.GE, 12, "bác sĩ/vạn dân"),
        ("Số bác sĩ/vạn dân đạt 12 bác sĩ", Op.EQ, 12, "bác sĩ/vạn dân"),
        ("Số dược sĩ trên 1 vạn dân đạt 3 dược sĩ", Op.EQ, 3, "dược sĩ/vạn dân"),
        ("Số điều dưỡng đạt 25 điều dưỡng/10.000 dân vào năm 2030", Op.EQ, 25, "điều dưỡng/vạn dân"),
        ("Đạt 3,2 dược sĩ/10.000 người dân", Op.EQ, 3.2, "dược sĩ/vạn dân"),
        ("Mật độ thuê bao Internet băng rộng cố định đạt 35 thuê bao/100 dân", Op.EQ, 35, "thuê bao/100 dân"),
        ("Mật độ điện thoại di động trên 120 thuê bao/100 người dân", Op.GT, 120, "thuê bao/100 người dân"),
        # look-alikes: another noun than the name's, no base in the name, a base per 1.000
        ("Số giường bệnh đạt 32 giường", Op.EQ, 32, "giường"),
        ("Số bác sĩ trên 10.000 dân đạt 12 giường", Op.EQ, 12, "giường"),
        ("Tử vong trẻ em không quá 12 ca/1.000 trẻ đẻ sống", Op.LE, 12, "ca/1.000 trẻ đẻ sống"),
    ],
)
def test_a_count_per_population_is_written_per_van_dan(phrase, op, value, unit):
    t = parse_target(phrase)
    assert (t.form, t.op, t.unit) == (Form.LEVEL, op, unit)
    assert value in (t.bound.low, t.bound.high)


def test_a_change_of_a_count_per_population_named_in_the_indicator_keeps_the_base():
    t = parse_target("Số bác sĩ trên 10.000 dân tăng thêm 2 bác sĩ so với năm 2025")
    assert (t.form, t.bound.low, t.unit) == (Form.CHANGE, 2, "bác sĩ/vạn dân")


def test_a_currency_code_keeps_its_capitals_and_a_power_unit_is_written_as_the_reader_writes_it():
    assert parse_target("Kim ngạch xuất khẩu đạt 1,2 tỷ USD").unit == "tỷ USD"
    assert parse_target("Tổng công suất điện mặt trời mái nhà đến năm 2030 đạt 120 MW").unit == "mw"


# --- requirements with no figure ------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    [
        "Kéo giảm tai nạn giao thông trên cả 3 tiêu chí: số vụ, số người chết và số người bị thương",
        "Kiềm chế, kéo giảm tai nạn giao thông trên cả ba tiêu chí",
        "Giữ vững an ninh trật tự trên cả 3 lĩnh vực",
        "Chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính tiếp tục được cải thiện",
        "Chất lượng khám chữa bệnh tại trạm y tế được nâng lên",
    ],
)
def test_what_a_requirement_covers_and_an_improvement_are_qualitative(phrase):
    t = parse_target(phrase)
    assert t.form is Form.QUALITATIVE and t.op is Op.QUALITATIVE


@pytest.mark.parametrize(
    ("phrase", "low", "unit"),
    [
        ("Có thêm 3 tiêu chí đạt chuẩn", 3, "tiêu chí"),  # a count of criteria is a count
        ("Giảm 3 vụ tai nạn giao thông so với năm trước", 3, "vụ"),
    ],
)
def test_counts_of_criteria_without_ca_stay_counts(phrase, low, unit):
    t = parse_target(phrase)
    assert (t.bound.low, t.unit) == (low, unit)
