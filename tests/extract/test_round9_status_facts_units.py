"""Round 9: a row's verdict holds for every result of the row (its share of the plan too), a
verdict after a share of the plan, facts of a unit that are no indicator, count nouns as written,
qualitative goals of a congress's target list."""

from __future__ import annotations

import pytest
from reading import read_lines

HEAD = "| TT | Chỉ tiêu | ĐVT | KH năm 2025 | TH năm 2025 | {ratio} | {verdict} |"
RULE = "|---|---|---|---|---|---|---|"


def _statuses(lines):
    return {(s.indicator, s.unit): s.stated_status for s in read_lines(*lines) if s.kind == "result"}


@pytest.mark.parametrize(
    ("ratio", "verdict", "row", "status"),
    [
        ("So sánh (%)", "Đánh giá", "| 1 | Thu ngân sách phường | tỷ đồng | 96,5 | 101,2 | 104,9 | Vượt |", "vuot"),
        ("% so KH", "Đánh giá", "| 3 | Tổng vốn đầu tư toàn xã hội | tỷ đồng | 12.000 | 11.240 | 93,7 | Không đạt |",
         "khong_dat"),
        ("Tỷ lệ % so với KH", "Kết quả so với KH", "| 5 | Số trạm y tế đạt chuẩn | trạm | 10 | 10 | 100 | Đạt |", "dat"),
        ("So sánh (%)", "Ghi chú", "| 2 | Tỷ lệ dân cư dùng nước sạch | % | 62 | 58,7 | 94,7 | Chưa đạt |",
         "khong_dat"),
    ],
)
def test_a_rows_verdict_holds_for_its_share_of_the_plan(ratio, verdict, row, status):
    got = _statuses(["Phụ lục", HEAD.format(ratio=ratio, verdict=verdict), RULE, row])
    assert len(got) == 2, got
    assert set(got.values()) == {status}


def test_a_row_with_no_verdict_gives_its_share_none():
    got = _statuses(["Phụ lục", HEAD.format(ratio="So sánh (%)", verdict="Đánh giá"), RULE,
                     "| 4 | Diện tích rừng có chứng chỉ FSC | ha | 42.000 | 44.150 | 105,1 |  |"])
    assert len(got) == 2 and set(got.values()) == {None}


def test_a_verdict_does_not_judge_the_comparison_with_last_year():
    head = "| TT | Chỉ tiêu | ĐVT | KH năm 2025 | TH năm 2025 | So cùng kỳ (%) | Đánh giá |"
    got = _statuses(["Phụ lục", head, RULE, "| 1 | Thu ngân sách | tỷ đồng | 96,5 | 101,2 | 108,3 | Vượt |"])
    assert got[("Thu ngân sách", "tỷ đồng")] == "vuot"
    assert got[("Thu ngân sách so với cùng kỳ", "%")] is None


def _prose(sentence):
    return {(s.indicator, s.low): s.stated_status for s in read_lines("1. Kết quả thực hiện", sentence)
            if s.kind == "result"}


@pytest.mark.parametrize(
    ("sentence", "low", "status"),
    [
        ("Tỷ lệ bao phủ BHYT đạt 91,2%, thấp hơn chỉ tiêu tỉnh giao (93%).", 91.2, "khong_dat"),
        ("Tỷ lệ lao động qua đào tạo đạt 68,5%, thấp hơn kế hoạch (70%).", 68.5, "khong_dat"),
        ("Tỷ lệ che phủ rừng đạt 44,2%, thấp hơn so với mục tiêu Nghị quyết (45%).", 44.2, "khong_dat"),
        ("Tỷ lệ hộ nghèo còn 1,8%, thấp hơn mục tiêu đề ra (2%).", 1.8, None),  # lower is better
        # (a result above its plan: no verdict in the keys)
        ("Tỷ lệ hộ nghèo giảm bình quân 5,1%/năm, cao hơn chỉ tiêu Nghị quyết (4%/năm).", 5.1, None),
    ],
)
def test_a_result_above_or_below_its_quoted_plan_is_judged(sentence, low, status):
    assert _prose(sentence)[next(k for k in _prose(sentence) if k[1] == low)] == status


@pytest.mark.parametrize(
    "sentence",
    [
        "Tỷ lệ bao phủ BHYT đạt 91,2%, cao hơn bình quân cả nước (90,5%).",  # no plan
        "Tỷ lệ bao phủ BHYT đạt 91,2% (không thấp hơn kế hoạch (90%)).",
    ],
)
def test_a_comparison_with_no_plan_is_no_verdict(sentence):
    got = _prose(sentence)
    assert got[next(k for k in got if k[1] == 91.2)] is None


def test_the_lower_is_better_words_are_the_indicators_own():
    got = _prose("Xã hỗ trợ xây 41 căn nhà cho hộ nghèo; tỷ lệ bao phủ BHYT đạt 91,2%, thấp hơn chỉ tiêu (93%).")
    assert got[next(k for k in got if k[1] == 91.2)] == "khong_dat"


def _figures(*sentences):
    return [(s.low, s.unit) for s in read_lines("1. Kết quả thực hiện", *sentences)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Số liệu trong báo cáo là số liệu tổng hợp của 03 đơn vị cũ.",
        "Các số liệu dưới đây đã được cộng dồn số liệu 6 tháng đầu năm của 3 đơn vị cũ.",
        "Số liệu năm 2025 được tổng hợp từ 4 phường cũ.",
        "Cấp xã (64 xã, phường sau sắp xếp): tiếp nhận 402.118 hồ sơ.",
        "Năm 2025, sau khi sắp xếp đơn vị hành chính cấp xã, toàn ngành có 1.214 cơ sở giáo dục công lập.",
        "Sau sáp nhập, toàn huyện có 320 trường học các cấp.",
    ],
)
def test_the_units_a_merger_joined_or_made_are_no_indicator(sentence):
    assert not [f for f in _figures(sentence) if f[1] in ("đơn vị", "phường", "xã", "cơ sở", "trường")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Đảng bộ xã hiện có 46 tổ chức cơ sở đảng với 2.318 đảng viên.",
        "Dự đại hội có 300 đại biểu đại diện cho hơn 6.400 đảng viên của 112 tổ chức cơ sở đảng.",
        "Chi bộ thôn Đông có 35 đảng viên sinh hoạt tại nhà văn hóa thôn.",
        "Đảng bộ phường gồm 28 chi bộ trực thuộc với 1.150 đảng viên.",
        "Hội Nông dân xã có 1.250 hội viên.",
    ],
)
def test_the_members_of_an_organisation_are_no_indicator(sentence):
    assert _figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("Năm 2025, Đảng bộ xã kết nạp 27 đảng viên mới, đạt 108% kế hoạch.", 27),
        ("Trong năm có thêm 2 xã đạt chuẩn nông thôn mới nâng cao.", 2),
        ("Toàn Đảng bộ có 38 chi bộ được xếp loại hoàn thành tốt nhiệm vụ.", 38),
        ("Có 40/42 chi bộ đạt trong sạch vững mạnh.", 40),
        ("Sau sắp xếp, toàn tỉnh có 85% số xã đạt chuẩn nông thôn mới.", 85),
        ("Kết nạp mới 69 đảng viên, vượt chỉ tiêu.", 69),
        ("Toàn huyện có 215 thanh niên lên đường nhập ngũ, trong đó có 38 đảng viên, chiếm 17,7%.", 38),
        ("Trong năm, 45 thanh niên nhập ngũ, trong đó có 6 đảng viên.", 6),
    ],
)
def test_a_real_indicator_of_members_or_units_stays(sentence, low):
    assert low in [f[0] for f in _figures(sentence)]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Có 2 trạm y tế điểm đạt chuẩn.", "trạm"),
        ("12/12 trạm y tế duy trì đạt Bộ tiêu chí quốc gia về y tế.", "trạm"),
        ("Năm 2025 có thêm 3 trạm y tế đạt chuẩn quốc gia.", "trạm"),
        ("Xây dựng mới 3 trạm bơm điện.", "trạm"),
    ],
)
def test_a_station_is_counted_as_tram(sentence, unit):
    assert [f[1] for f in _figures(sentence)] == [unit]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Đến năm 2030 thu nhập bình quân 185 triệu đồng/người.", "triệu đồng/người/năm"),
        ("Thu nhập bình quân đạt 62 triệu đồng/người.", "triệu đồng/người/năm"),
        ("Thu nhập bình quân đầu người đạt 70 triệu đồng.", "triệu đồng/người/năm"),
        ("Thu nhập bình quân của người lao động đạt 8,5 triệu đồng/người/tháng.", "triệu đồng/người/tháng"),
        ("Mức hỗ trợ bình quân 3 triệu đồng/người.", "triệu đồng/người"),  # no income
    ],
)
def test_an_income_per_person_is_per_head_per_year(sentence, unit):
    assert [f[1] for f in _figures(sentence)] == [unit]


def _targets(*items):
    lines = ["III. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NHIỆM KỲ 2025 - 2030", "d) Về quốc phòng, an ninh", *items]
    return [(s.kind, s.indicator, s.op) for s in read_lines(*lines)]


@pytest.mark.parametrize(
    ("item", "words"),
    [
        ("(14) Hằng năm hoàn thành 100% chỉ tiêu gọi công dân nhập ngũ; xây dựng xã vững mạnh về quốc phòng - an ninh.",
         "xây dựng xã vững mạnh"),
        ("(13) Xây dựng phường vững mạnh về quốc phòng - an ninh.", "xây dựng phường vững mạnh"),
        ("(16) Hằng năm có trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ; không có tổ chức cơ sở đảng yếu kém.",
         "không có tổ chức cơ sở đảng yếu kém"),
        ("- Không có chi bộ yếu kém.", "không có chi bộ yếu kém"),
        ("(10) Không để dịch bệnh lớn xảy ra trên đàn gia súc.", "không để dịch bệnh lớn xảy ra"),
        ("- Không để xảy ra cháy rừng.", "không để xảy ra"),
    ],
)
def test_an_aim_in_a_list_of_targets_is_a_qualitative_target(item, words):
    got = _targets(item)
    assert any(k == "target" and op == "qualitative" and words in name.lower() for k, name, op in got), got


@pytest.mark.parametrize(
    "sentence",
    [
        "Chăn nuôi phát triển ổn định; không để dịch bệnh lớn xảy ra.",
        "Tổng đàn lợn 12.450 con, đàn gia cầm trên 185 nghìn con; không để xảy ra dịch bệnh lớn.",
        "Chủ quyền, an ninh biên giới được giữ vững; không để xảy ra điểm nóng.",
        "Năm 2025, xã tiếp tục xây dựng xã vững mạnh về quốc phòng - an ninh.",
        "Trong năm không có tổ chức cơ sở đảng yếu kém.",
        "Tăng cường quốc phòng; xây dựng lực lượng dân quân tự vệ vững mạnh, rộng khắp.",
    ],
)
def test_the_same_aims_in_a_reports_prose_are_no_statement(sentence):
    got = [s.indicator.lower() for s in read_lines("1. Kết quả thực hiện năm 2025", sentence) if s.op == "qualitative"]
    assert not [n for n in got if "không" in n or "xây dựng" in n], got
    # (the standard kept stays: "an ninh biên giới được giữ vững")
    assert len(got) == ("giữ vững" in sentence)


@pytest.mark.parametrize(
    ("sentence", "lows"),
    [
        ('Phấn đấu 100% chi bộ trực thuộc đạt tiêu chuẩn "4 tốt" trở lên.', [100]),
        ("Hằng năm 100% chi bộ đạt tiêu chuẩn “4 tốt”.", [100]),
        ('Diện tích lúa áp dụng "1 phải 5 giảm" đạt 52.300 ha.', [52300]),
        ("Thực hiện tốt phương châm “4 tại chỗ”, di dời 120 hộ dân.", [120]),
        ('Đạt "100%" kế hoạch giao quân.', [100]),  # (a figure in quotes, no name)
    ],
)
def test_a_number_that_opens_a_quoted_name_is_no_figure(sentence, lows):
    assert [f[0] for f in _figures(sentence)] == lows


@pytest.mark.parametrize(
    ("sentence", "lows"),
    [
        ("Tổ chức 02 đợt ra quân tổng vệ sinh môi trường.", []),
        ("Tổ chức 02 đợt tổng vệ sinh, tiêu độc khử trùng; tỷ lệ tiêm phòng đạt 86,5%.", [86.5]),
        ("Sản xuất ổn định dù chịu ảnh hưởng của 2 đợt rét đậm.", []),
        ("Tổ chức 64 lớp tập huấn kỹ thuật cho 2.310 lượt nông dân.", [64, 2310]),  # classes stay
        ("Tiêm vắc xin đợt 2 cho 1.200 con gia súc.", [1200]),
    ],
)
def test_waves_of_an_activity_are_no_count(sentence, lows):
    assert [f[0] for f in _figures(sentence)] == lows


@pytest.mark.parametrize(
    ("sentence", "lows"),
    [
        ("Trong 6 tháng, UBND xã tổ chức 6 cuộc họp giao ban, 02 cuộc kiểm tra liên ngành.", [2]),
        ("UBND huyện đã tổ chức 24 cuộc họp thường kỳ và chuyên đề.", []),
        ("Hội đồng nhân dân xã tổ chức 4 buổi họp chuyên đề.", []),
        ("Thanh tra, kiểm tra hoàn thành: 8/8 cuộc.", [8]),
        ("Tổ chức 9 phiên giao dịch việc làm với 2.140 lượt lao động tham gia.", [9, 2140]),
    ],
)
def test_meetings_held_are_no_count(sentence, lows):
    assert [f[0] for f in _figures(sentence)] == lows
