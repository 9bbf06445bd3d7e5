"""Target phrases of the third blind round, each rule with its own wordings (none copied from
the blind set): units per population and per a number of things, lengths and weights, currency
codes in capitals, ranks ("tốp 3", "nhóm 10 tỉnh dẫn đầu"), "trở lên" after the counted noun's
adjective, a change verb that opens the phrase, multiples in words ("gấp đôi"), numbers that
are part of a name ("Chương trình 135"), and a direction sized by a plan ("theo kế hoạch giao")."""

from __future__ import annotations

import pytest

from chitieu.core.targets import Form, Horizon, Op, TargetParseError, parse_target


def read(phrase: str, kind: str | None = None) -> tuple:
    t = parse_target(phrase, indicator_kind=kind)
    return t.form, t.bound.op, t.bound.low, t.bound.high, t.unit, t.decrease


# --- units per population, per a number of things ---------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "op", "value", "unit"),
    [
        ("Số bác sĩ đạt 12 bác sĩ/vạn dân", Op.EQ, 12, "bác sĩ/vạn dân"),
        ("đến năm 2030 có trên 40 giường bệnh/ vạn dân", Op.GT, 40, "giường bệnh/vạn dân"),
        ("Số dược sĩ đại học đạt 3 dược sĩ/ 10.000 dân", Op.EQ, 3, "dược sĩ/vạn dân"),  # one spelling (round 9)
        ("Tỷ số giới tính khi sinh dưới 110 bé trai/100 bé gái", Op.LT, 110, "bé trai/100 bé gái"),
        ("Tử vong trẻ em dưới 1 tuổi không quá 12 ca/1.000 trẻ đẻ sống", Op.LE, 12, "ca/1.000 trẻ đẻ sống"),
    ],
)
def test_a_unit_per_population_keeps_its_denominator(phrase, op, value, unit):
    t = parse_target(phrase)
    assert t.form is Form.LEVEL and t.op is op and unit == t.unit
    assert value in (t.bound.low, t.bound.high)


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("Chiều cao trung bình của trẻ 5 tuổi đạt 112 cm", 112, "cm"),
        ("Cân nặng trẻ sơ sinh bình quân 3,1 kg", 3.1, "kg"),
        ("Lượng mưa tích trữ đạt 450 mm", 450, "mm"),
        ("Bề rộng mặt đường tối thiểu 7 m", 7, "m"),
    ],
)
def test_lengths_and_weights_are_units(phrase, value, unit):
    t = parse_target(phrase)
    assert (t.bound.low, t.unit) == (value, unit)


@pytest.mark.parametrize(
    ("phrase", "unit"),
    [
        ("Giá trị xuất khẩu đạt 2,5 tỷ USD", "tỷ USD"),
        ("Kim ngạch nhập khẩu khoảng 800 triệu usd", "triệu USD"),
        ("Thu nhập bình quân đầu người đạt 6.200 USD", "USD"),
        ("GRDP bình quân đầu người 5.000 usd/người/năm", "USD/người/năm"),
    ],
)
def test_a_currency_code_keeps_its_capitals(phrase, unit):
    assert parse_target(phrase).unit == unit


def test_money_in_dong_is_still_lower_case():
    assert parse_target("Thu ngân sách đạt 1.200 Tỷ đồng").unit == "tỷ đồng"


# --- ranks -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "rank", "horizon"),
    [
        ("Chỉ số SIPAS nằm trong tốp 5 toàn quốc", 5, Horizon.END_OF_TERM),
        ("Hằng năm chỉ số DDCI của huyện đứng trong top 3 của tỉnh", 3, Horizon.EACH_YEAR),
        ("Chỉ số chuyển đổi số thuộc nhóm 15 địa phương dẫn đầu cả nước", 15, Horizon.END_OF_TERM),
        ("Xếp hạng PAPI vào nhóm 20 tỉnh có điểm số cao nhất", 20, Horizon.END_OF_TERM),
        ("Đến năm 2028 lọt vào tốp 10 tỉnh đứng đầu về thu hút đầu tư", 10, Horizon.END_OF_TERM),
    ],
)
def test_a_rank_among_others_is_a_position_or_better(phrase, rank, horizon):
    t = parse_target(phrase)
    assert (t.form, t.op, t.bound.high, t.unit, t.horizon) == (Form.LEVEL, Op.LE, rank, "hạng", horizon)
    assert t.describe().lower().startswith(("trong tốp", "đến năm")) and f"tốp {rank}" in t.describe()


def test_a_rank_keeps_its_subject_without_the_rank_words():
    assert parse_target("Chỉ số SIPAS nằm trong tốp 5 toàn quốc").subject == "Chỉ số SIPAS"
    assert parse_target("Chỉ số PCI đứng trong top 10").subject == "Chỉ số PCI"


@pytest.mark.parametrize("phrase", ["Xã thuộc nhóm 2 về phát triển", "Huyện đạt 3 tiêu chí nhóm 1"])
def test_a_group_named_by_its_number_is_no_rank(phrase):
    try:
        t = parse_target(phrase)
    except TargetParseError:
        return
    assert t.unit != "hạng"


def test_a_rank_indicator_still_reads_top_n():
    from chitieu.core.fit import fit_target
    from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind

    ind = Indicator(
        "PCI", "Xếp hạng PCI", "hạng", Kind.RANK, Direction.LOWER_IS_BETTER, Domain.KINH_TE, Aggregation.NONE
    )
    for phrase in ("Chỉ số PCI nằm trong tốp 7 cả nước", "Chỉ số PCI hằng năm trong top 7"):
        t = fit_target(parse_target(phrase, indicator_kind="rank"), ind)
        assert (t.op, t.bound.high) == (Op.LE, 7)


# --- "trở lên" after the counted noun's adjective -----------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "op", "value", "unit", "subject"),
    [
        ("Phát triển 40 hội viên mới trở lên mỗi năm", Op.GE, 40, "hội viên", "Phát triển"),
        ("Có 25 hộ khá giả trở lên", Op.GE, 25, "hộ", "hộ khá giả"),
        ("Xây dựng 6 mô hình kinh tế hiệu quả trở lên", Op.GE, 6, "mô hình", "Xây dựng"),
        ("Giảm 18 hộ nghèo trở lên mỗi năm", Op.GE, 18, "hộ", "hộ nghèo"),
        ("Số vụ cháy 3 vụ lớn trở xuống", Op.LE, 3, "vụ", "Số vụ cháy"),
    ],
)
def test_or_more_after_an_adjective_of_the_counted_noun(phrase, op, value, unit, subject):
    t = parse_target(phrase)
    assert (t.op, t.unit, t.subject) == (op, unit, subject)
    assert value == (t.bound.low if op is Op.GE else t.bound.high)


@pytest.mark.parametrize(
    "phrase",
    [
        "Vận động 500 trẻ em 6 tuổi trở lên đến trường",  # the age of those counted
        "Giảm 40 trường hợp sinh con thứ ba trở lên",  # the third child or more
        "Có 300 hộ có thu nhập khá trở lên",  # the income of those counted
    ],
)
def test_or_more_that_qualifies_something_else_is_no_floor(phrase):
    t = parse_target(phrase)
    assert t.op is Op.EQ


# --- a change verb that opens the phrase -------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "kind", "form", "op", "value", "unit", "decrease", "points"),
    [
        ("Giảm tỷ suất sinh thô 0,2‰ mỗi năm", None, Form.CHANGE, Op.EQ, 0.2, "‰", True, False),
        (
            "Hằng năm giảm tỷ lệ trẻ suy dinh dưỡng thấp còi 0,5%",
            None,
            Form.CHANGE,
            Op.EQ,
            0.5,
            "%",
            True,
            True,
        ),
        ("Tăng tỷ lệ lao động qua đào tạo bình quân 2%/năm", None, Form.CHANGE, Op.EQ, 2, "%", False, True),
        ("Giảm số vụ tai nạn giao thông ít nhất 5% mỗi năm", None, Form.GROWTH, Op.GE, 5, "%", True, False),
        (
            "Tăng số doanh nghiệp thành lập mới 50 doanh nghiệp mỗi năm",
            None,
            Form.CHANGE,
            Op.EQ,
            50,
            "doanh nghiệp",
            False,
            False,
        ),
    ],
)
def test_a_leading_change_verb_makes_the_number_a_change(
    phrase, kind, form, op, value, unit, decrease, points
):
    t = parse_target(phrase, indicator_kind=kind)
    assert (t.form, t.op, t.unit, t.decrease, t.points) == (form, op, unit, decrease, points)
    assert t.bound.low == value


@pytest.mark.parametrize(
    ("phrase", "op", "value"),
    [
        ("Tăng tỷ lệ che phủ rừng đạt 46%", Op.EQ, 46),
        ("Giảm tỷ lệ hộ cận nghèo xuống dưới 4%", Op.LT, 4),
        ("Giảm tỷ lệ thất nghiệp dưới 2,5%", Op.LT, 2.5),
        ("Tăng tỷ lệ dân số dùng nước sạch lên 98%", Op.EQ, 98),
    ],
)
def test_a_leading_change_verb_with_a_level_word_names_the_level(phrase, op, value):
    t = parse_target(phrase)
    assert (t.form, t.op, t.decrease) == (Form.LEVEL, op, False)
    assert value in (t.bound.low, t.bound.high)


@pytest.mark.parametrize(
    ("phrase", "form"),
    [
        ("Tăng trưởng kinh tế đạt 7,5%", Form.GROWTH),
        ("Tăng cường 12 cán bộ cho cơ sở", Form.LEVEL),
        ("Giảm nghèo bền vững, tỷ lệ hộ nghèo 1,8%", Form.LEVEL),
    ],
)
def test_words_that_only_start_with_a_change_verb_are_no_change(phrase, form):
    assert parse_target(phrase).form is form


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("Giảm ít nhất 1,5% tỷ lệ hộ cận nghèo mỗi năm", 1.5),
        ("Tăng 3% tỷ trọng công nghiệp trong GRDP", 3),
        ("Bình quân giảm 0,8% tỷ lệ trẻ em suy dinh dưỡng", 0.8),
    ],
)
def test_a_rate_named_after_its_change_is_changed_in_points(phrase, value):
    t = parse_target(phrase)
    assert (t.form, t.bound.low, t.unit, t.points) == (Form.CHANGE, value, "%", True)


def test_a_percent_change_of_an_amount_named_after_it_stays_relative():
    t = parse_target("Giảm 10% chi phí hành chính")
    assert (t.form, t.decrease) == (Form.GROWTH, True)


# --- multiples in words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "times", "base_year"),
    [
        ("Số hợp tác xã tăng gấp đôi", 2, None),
        ("Thu nhập bình quân đầu người gấp ba lần so với năm 2020", 3, 2020),
        ("Quy mô GRDP năm 2030 gấp rưỡi năm 2025", 1.5, 2025),
        ("Sản lượng thủy sản tăng gấp hai", 2, None),
        ("Số khách du lịch gấp bốn lần năm 2024", 4, 2024),
    ],
)
def test_a_multiple_in_words(phrase, times, base_year):
    t = parse_target(phrase)
    assert (t.form, t.op, t.bound.low, t.unit, t.base_year) == (Form.MULTIPLE, Op.EQ, times, "lần", base_year)
    assert t.phrase == phrase


# --- numbers that are part of a name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("Hỗ trợ 45 thôn thuộc Chương trình 135 hoàn thành mục tiêu", 45, "thôn"),
        ("Có 20 xã đạt tiêu chí theo Quyết định 1719 của Thủ tướng", 20, "xã"),
        ("Hoàn thành 60 căn nhà theo Nghị quyết 33 của tỉnh", 60, "căn nhà"),
        ("Tỷ lệ sinh con thứ 3 còn dưới 6%", 6, "%"),
    ],
)
def test_a_number_in_a_name_is_no_second_figure(phrase, value, unit):
    t = parse_target(phrase)
    assert unit == t.unit and value in (t.bound.low, t.bound.high)


# --- a direction sized by a plan ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "decrease"),
    [
        ("Giảm tỷ lệ trẻ suy dinh dưỡng theo kế hoạch huyện giao", True),
        ("Số hộ cận nghèo giảm theo chỉ tiêu được giao", True),
        ("Tăng số người tham gia bảo hiểm xã hội tự nguyện theo lộ trình của tỉnh", False),
        ("Tăng thu ngân sách theo dự toán tỉnh giao", False),
    ],
)
def test_a_direction_against_a_plan_is_qualitative(phrase, decrease):
    t = parse_target(phrase)
    assert (t.form, t.op, t.decrease) == (Form.QUALITATIVE, Op.QUALITATIVE, decrease)


@pytest.mark.parametrize("phrase", ["Số hộ nghèo giảm", "Tăng thu ngân sách", "Tăng trưởng theo kế hoạch"])
def test_a_direction_alone_is_still_refused(phrase):
    with pytest.raises(TargetParseError):
        parse_target(phrase)


# --- what a level's "decrease" means -------------------------------------------------------------


def test_a_fall_to_a_level_is_a_level_without_decrease():
    # ``Target.decrease``: "the bound is then on the size of the fall"; a level's bound is the
    # level itself, so "giảm xuống còn 2%" is level < or = with decrease False (model.py).
    for phrase in ("Tỷ lệ hộ nghèo đa chiều giảm xuống còn 3%", "Tỷ suất sinh thô giảm còn dưới 14‰"):
        t = parse_target(phrase)
        assert (t.form, t.decrease) == (Form.LEVEL, False)


def test_a_rank_read_as_at_most_n_stays_at_most_n_on_a_rank_indicator():
    """"thuộc nhóm 10 tỉnh dẫn đầu" on a rank indicator: the goal is ≤ 10, not exactly 10th."""
    from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
    from chitieu.core.options import ordinal_goal

    ind = Indicator(
        "PAR", "Xếp hạng PAR Index", "hạng", Kind.RANK, Direction.LOWER_IS_BETTER, Domain.KINH_TE, Aggregation.NONE
    )
    for phrase, n in (("Chỉ số PAR Index thuộc nhóm 10 tỉnh dẫn đầu", 10), ("PCI trong nhóm 5 địa phương cao nhất", 5)):
        goal = ordinal_goal(parse_target(phrase, indicator_kind="rank"), ind)
        assert (goal.bound.op, goal.bound.high, goal.words) == (Op.LE, n, f"trong tốp {n}")
