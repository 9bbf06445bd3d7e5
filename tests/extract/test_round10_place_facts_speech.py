"""Round 10 (eval/synthetic-10): what a place is makes no statement ("Phường có 23 tổ dân phố, 9.842 hộ
với 31.460 nhân khẩu"), and a leader's words about next year in a news article are targets of that
year, in an article dated after the year its lead reviews (whose results are for that year)."""

from __future__ import annotations

import pytest
from reading import read_lines

HEAD = "BÁO CÁO tình hình kinh tế - xã hội năm 2025"


def _values(lines):
    return sorted((s.kind, s.low if s.low is not None else s.high, s.unit) for s in read_lines(*lines))


@pytest.mark.parametrize(
    "line",
    [
        "Phường có 23 tổ dân phố, 9.842 hộ với 31.460 nhân khẩu (số liệu đến 30/6/2026).",
        "Xã có diện tích tự nhiên 61,3 km2 với 21.870 nhân khẩu.",
        "Đến nay xã có 17 thôn, buôn với hơn 5.600 hộ, trong đó đồng bào dân tộc thiểu số chiếm 38%.",
        "Huyện Krông Pắc gồm 15 xã và 1 thị trấn với dân số 210.500 người.",
        "Toàn phường hiện có 1.806 hộ với 6.606 nhân khẩu, chia thành 5 khu phố.",
        "Thị trấn hiện có 12 khu phố, 4.350 hộ gia đình.",
        "Xã có 6.812 hộ, trong đó hộ đồng bào dân tộc thiểu số 3.106 hộ (chiếm 45,6%), gồm 14 dân tộc cùng sinh sống.",
        "Ông Trần Minh Đức: Phường có dân số hơn 230.000 người, lớn nhất tỉnh.",
    ],
)
def test_what_a_place_is_makes_no_statement(line):
    assert _values([HEAD, line]) == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Xã có 5 thôn đạt chuẩn nông thôn mới.", [("result", 5, "thôn")]),
        ("Toàn xã có 312 hộ nghèo, chiếm 4,1%.", [("result", 4.1, "%"), ("result", 312, "hộ")]),
        ("Trong năm có thêm 2 thôn được công nhận đạt chuẩn.", [("result", 2, "thôn")]),
        ("Phường có 98,5% hộ dân sử dụng nước sạch.", [("result", 98.5, "%")]),
        ("Xã có 4.210 hộ, trong đó hộ nghèo chiếm 3,2%.", [("result", 3.2, "%")]),
        ("Xã có 4.210 hộ, trong đó 120 hộ nghèo, chiếm 2,9%.", [("result", 2.9, "%"), ("result", 120, "hộ")]),
        ("Thị trấn có 12 khu phố; dân số trung bình đạt 45.210 người.", [("result", 45210, "người")]),
    ],
)
def test_a_count_of_what_the_place_did_stays_a_statement(line, expected):
    assert _values([HEAD, line]) == sorted(expected)


ARTICLE = (
    "AN GIANG (Báo An Giang) – Ngày 8/1/2026, Đảng ủy phường Vĩnh Thông tổ chức hội nghị tổng kết năm 2025.",
    "Theo báo cáo, năm qua phường hoàn thành 18/20 chỉ tiêu chủ yếu. Thu ngân sách 96,8 tỷ đồng, vượt 7,6% dự toán.",
)


def _by_value(lines):
    return {(s.low if s.low is not None else s.high): (s.kind, s.year) for s in read_lines(*lines)}


@pytest.mark.parametrize(
    "lead",
    [
        ARTICLE[0],
        "HÀ NỘI – Ngày 10/1/2026, UBND xã Yên Mỹ tổ chức hội nghị tổng kết công tác năm 2025.",
        "Ngày 12/1/2026, Đảng ủy xã Tân Phú tổng kết năm 2025 vừa qua và triển khai nhiệm vụ.",
        "Sáng 9/1/2026, phường Hòa Khánh tổ chức hội nghị tổng kết năm 2025.",
    ],
)
def test_an_article_dated_after_the_year_its_lead_reviews_reports_that_year(lead):
    got = _by_value([lead, ARTICLE[1]])
    assert got[96.8] == ("result", 2025)
    assert got[7.6] == ("result", 2025)


def test_an_article_on_the_first_quarter_of_its_own_year_keeps_its_year():
    got = _by_value(
        [
            "Ngày 8/4/2026, UBND phường Vĩnh Thông tổ chức hội nghị sơ kết quý I năm 2026.",
            "Theo báo cáo, thu ngân sách đạt 26,4 tỷ đồng, bằng 27% dự toán.",
        ]
    )
    assert got[26.4] == ("result", 2026)


@pytest.mark.parametrize(
    "speech, values",
    [
        (
            "Bí thư Đảng ủy phường Lê Thanh Hải nhấn mạnh: “Năm 2026 phường phải chỉnh trang ít nhất 12 tuyến hẻm, "
            "nâng tỷ lệ hộ dân đấu nối nước thải từ 61% hiện nay lên 70%”. Ông cũng yêu cầu giữ tỷ lệ hộ nghèo "
            "dưới 0,5% và giải quyết việc làm cho 900 lao động.",
            {12: ("target", 2026), 70: ("target", 2026), 0.5: ("target", 2026), 900: ("target", 2026),
             61: "result"},
        ),
        (
            "Phát biểu tại hội nghị, Chủ tịch UBND phường khẳng định năm 2026 phường cần trồng mới 3.000 cây xanh.",
            {3000: ("target", 2026)},
        ),
        (
            "Năm 2026, Bí thư Đảng ủy đề nghị các ngành phấn đấu thu ngân sách 105 tỷ đồng.",
            {105: ("target", 2026)},
        ),
        (
            "Đồng chí Bí thư yêu cầu năm 2026 các tổ dân phố giảm 20% số vụ vi phạm trật tự đô thị.",
            {20: ("target", 2026)},
        ),
    ],
)  # fmt: skip
def test_a_leaders_words_about_next_year_are_its_targets(speech, values):
    got = _by_value([*ARTICLE, speech])
    for value, expected in values.items():
        assert (got[value] if isinstance(expected, tuple) else got[value][0]) == expected, value


@pytest.mark.parametrize(
    "line, value",
    [
        ("Năm 2025, phường đã chỉnh trang 10 tuyến hẻm.", 10),
        ("Ông cho biết năm qua phường đã chỉnh trang 10 tuyến hẻm.", 10),
        ("Bí thư Đảng ủy cho biết phường đã giải quyết việc làm cho 850 lao động.", 850),
        ("Ông đánh giá cao việc phường đạt 100% kế hoạch thu ngân sách.", 100),
    ],
)
def test_what_was_done_stays_a_result_of_the_year_reviewed(line, value):
    assert _by_value([*ARTICLE, line])[value] == ("result", 2025)
