"""Round 9 of the reader's gaps: a bracket that quotes a plan and then reports what was reached
against it; the size of a plan (kế hoạch vốn, dự toán giao); a date in the clause that gives a
result its year; counts of applications (đơn, giao dịch, lượt, hồ sơ); and the tables of the
one-stop shop whose columns are counts with no unit and no year."""

from __future__ import annotations

import pytest
from reading import plan_of, read_lines

# --- 1. a plan and its result in one bracket ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "name", "low", "unit", "plan"),
    [
        (
            "Thu nhập bình quân đầu người (Nghị quyết: 45 triệu đồng; ước đạt 42,6 triệu đồng).",
            "Thu nhập bình quân đầu người",
            42.6,
            "triệu đồng/người/năm",
            45,
        ),
        ("Diện tích trồng rừng mới (KH: 120 ha; thực hiện 118 ha).", "Diện tích trồng rừng mới", 118, "ha", 120),
        ("Tỷ lệ thu gom rác thải (chỉ tiêu 95%, đạt 96,2%).", "Tỷ lệ thu gom rác thải", 96.2, "%", 95),
        (
            "Tốc độ tăng trưởng kinh tế (Nghị quyết đề ra 8%; ước thực hiện 7,5%).",
            "Tốc độ tăng trưởng kinh tế",
            7.5,
            "%",
            8,
        ),
        ("Tỷ lệ hộ nghèo (Nghị quyết: dưới 3%; năm 2025 còn 2,1%).", "Tỷ lệ hộ nghèo", 2.1, "%", 3),
    ],
)
def test_a_bracket_with_a_plan_then_its_result_is_one_result_compared_with_the_plan(line, name, low, unit, plan):
    got = read_lines(line)
    assert [(s.kind, s.indicator, s.low, s.unit, plan_of(s)) for s in got] == [("result", name, low, unit, plan)]


def test_the_result_in_the_bracket_takes_the_verdict_after_it():
    got = read_lines(
        "Sản lượng lương thực đạt 5.600 tấn; thu nhập bình quân đầu người "
        "(Nghị quyết: 45 triệu đồng; ước đạt 42,6 triệu đồng), chưa đạt."
    )
    assert [(s.kind, s.low, plan_of(s), s.stated_status) for s in got] == [
        ("result", 5600, None, None),
        ("result", 42.6, 45, "khong_dat"),
    ]


@pytest.mark.parametrize(
    ("line", "want"),
    [
        # plans alone: two quoted targets, as before
        (
            "Tốc độ tăng trưởng kinh tế (Nghị quyết: 8%; kế hoạch tỉnh giao 7,5%).",
            [("target", 8, None), ("target", 7.5, None)],
        ),
        # a plan after its result, as before: one result, the plan its compared target
        ("Thu nhập bình quân đầu người đạt 42,6 triệu đồng (NQ: 45 triệu đồng).", [("result", 42.6, 45)]),
        ("Diện tích trồng rừng 118 ha (KH 120 ha).", [("result", 118, 120)]),
        # the share of the plan reached, after the result: the plan stays the first result's
        (
            "Diện tích trồng rừng 118 ha (kế hoạch 120 ha, đạt 98,3%).",
            [("result", 118, 120), ("result", 98.3, None)],
        ),
        (
            "Thu ngân sách 2.145 triệu đồng (dự toán 2.400 triệu đồng, đạt 89,4%).",
            [("result", 2145, 2400), ("result", 89.4, None)],
        ),
    ],
)
def test_other_brackets_of_plans_stay_as_they_were(line, want):
    assert [(s.kind, s.low if s.low is not None else s.high, plan_of(s)) for s in read_lines(line)] == want


# --- 2. the size of a plan -----------------------------------------------------------------

_REPORT = "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025"


@pytest.mark.parametrize(
    ("line", "want"),
    [
        (
            "Kế hoạch vốn năm 2025 (5.436,8 tỷ đồng), đến ngày 30/6/2025 giải ngân 4.210 tỷ đồng, đạt 77,4% kế hoạch vốn.",
            [("target", 5436.8), ("result", 4210), ("result", 77.4)],
        ),
        ("Kế hoạch vốn năm 2025 là 5.436,8 tỷ đồng.", [("target", 5436.8)]),
        ("Tổng vốn kế hoạch năm 2025 được giao 1.250 tỷ đồng.", [("target", 1250)]),
        (
            "Chi ngân sách địa phương, dự toán giao 12.500 triệu đồng, ước thực hiện 11.800 triệu đồng.",
            [("target", 12500), ("result", 11800)],
        ),
        ("Dự toán được giao 8.200 triệu đồng.", [("target", 8200)]),
    ],
)
def test_the_size_of_a_plan_is_a_target_of_its_year(line, want):
    got = read_lines(_REPORT, line)
    assert [(s.kind, s.low) for s in got] == want
    assert {s.year for s in got} == {2025}
    assert all(s.compared_target is None for s in got)


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Giải ngân 4.210 tỷ đồng, đạt 77,4% kế hoạch vốn.", [("result", 4210), ("result", 77.4)]),
        ("Giải ngân vốn kế hoạch đạt 4.210 tỷ đồng.", [("result", 4210)]),
        ("Thu ngân sách nhà nước 2.145 triệu đồng, đạt 89,4% dự toán giao.", [("result", 2145), ("result", 89.4)]),
        ("Thu ngân sách 2.145 triệu đồng, vượt dự toán giao 12%.", [("result", 2145), ("result", 12)]),
    ],
)
def test_what_was_done_of_a_plan_stays_a_result(line, want):
    assert [(s.kind, s.low) for s in read_lines(_REPORT, line)] == want


# --- 3. a date in the clause gives a result its year ----------------------------------------


@pytest.mark.parametrize(
    ("heading", "line", "years"),
    [
        ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", "Đến ngày 30/6/2025, giải ngân 4.210 tỷ đồng, đạt 77,4% kế hoạch.", [2025, 2025]),
        ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "Tính đến 31/12/2024, toàn tỉnh có 1.250 doanh nghiệp đang hoạt động.", [2024]),
        ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "Tính đến ngày 31/12/2024, tỷ lệ hộ nghèo còn 2,1%.", [2024]),
        ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", "Đến hết ngày 31.12.2024, đã cấp 320 giấy chứng nhận.", [2024]),
        # the date of its own clause only: the clause before keeps the report's year
        (
            "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025",
            "Thu ngân sách đạt 2.145 triệu đồng; đến ngày 30/6/2024 giải ngân 120 tỷ đồng.",
            [2025, 2024],
        ),
    ],
)
def test_a_date_a_result_is_counted_to_gives_its_year(heading, line, years):
    assert [s.year for s in read_lines(heading, line)] == years


@pytest.mark.parametrize(
    "line",
    [
        "Thực hiện Nghị quyết ngày 12/3/2021, thu ngân sách đạt 2.145 triệu đồng.",  # a document's date
        "Từ ngày 01/01/2024 đến nay, tiếp nhận 1.250 hồ sơ.",  # counted from, to the report's time
        "Ngày 15/3/2024, xã tổ chức tiêm 1.200 liều vắc xin.",  # a day's event, no count up to it
    ],
)
def test_other_dates_leave_the_report_year(line):
    assert {s.year for s in read_lines("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", line)} == {2025}


# --- 4. counts of applications: đơn, giao dịch, hồ sơ, lượt ---------------------------------


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("45 đơn đã được giải quyết dứt điểm.", [(45, "đơn")]),
        ("Trong năm, tiếp nhận 45 đơn, đã giải quyết 42 đơn, đạt 93,3%.", [(45, "đơn"), (42, "đơn"), (93.3, "%")]),
        ("Tiếp nhận 38 đơn thư khiếu nại, tố cáo.", [(38, "đơn thư")]),
        ("Tiếp nhận 12 đơn khiếu nại và 5 đơn tố cáo.", [(12, "đơn khiếu nại"), (5, "đơn tố cáo")]),
        ("2.350 giao dịch được thực hiện qua ngân hàng.", [(2350, "giao dịch")]),
        ("Số giao dịch thanh toán không dùng tiền mặt: 3.500 giao dịch.", [(3500, "giao dịch")]),
        ("Trung tâm tiếp nhận 1.250 hồ sơ; tiếp 320 lượt công dân.", [(1250, "hồ sơ"), (320, "lượt công dân")]),
        ("Tiếp công dân 24 lượt.", [(24, "lượt")]),
    ],
)
def test_counts_of_applications_are_statements_in_their_noun(line, want):
    got = read_lines("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", line)
    assert [(s.low, s.unit) for s in got] == want
    assert {s.kind for s in got} == {"result"}


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("Có 12 đơn vị hành chính.", [(12, "đơn vị")]),  # "đơn vị": units of a body, not applications
        ("Đơn giá hỗ trợ 120 nghìn đồng.", [(120, "nghìn đồng")]),
        ("Huyện đã tiếp nhận 85 đơn phản ánh, kiến nghị của công dân.", [(85, "đơn phản ánh")]),
    ],
)
def test_look_alikes_of_applications_keep_their_units(line, want):
    got = read_lines("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025", line)
    assert [(s.low, s.unit) for s in got] == want


# --- 5. one-stop-shop tables: columns of counts, no unit column, no year --------------------

_CCHC = "BÁO CÁO KẾT QUẢ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2025"


def _cells(*lines):
    return {(s.indicator, s.low, s.unit, s.year, s.kind) for s in read_lines(*lines)}


def test_counts_by_field_under_a_line_of_applications():
    assert _cells(
        _CCHC,
        "Kết quả giải quyết hồ sơ tại Bộ phận một cửa:",
        "Lĩnh vực | Tiếp nhận | Đúng hạn | Trễ hạn",
        "Đất đai | 320 | 310 | 10",
        "Hộ tịch | 1.250 | 1.250 | 0",
    ) == {
        ("Tiếp nhận đất đai", 320, "hồ sơ", 2025, "result"),
        ("Đúng hạn đất đai", 310, "hồ sơ", 2025, "result"),
        ("Trễ hạn đất đai", 10, "hồ sơ", 2025, "result"),
        ("Tiếp nhận hộ tịch", 1250, "hồ sơ", 2025, "result"),
        ("Đúng hạn hộ tịch", 1250, "hồ sơ", 2025, "result"),
        ("Trễ hạn hộ tịch", 0, "hồ sơ", 2025, "result"),
    }


def test_counts_of_the_whole_with_no_column_of_names_and_a_share():
    assert _cells(
        _CCHC,
        "Tiếp nhận | Đã giải quyết | Đúng hạn | Tỷ lệ đúng hạn (%)",
        "1.570 | 1.560 | 1.540 | 98,7",
    ) == {
        ("Tiếp nhận", 1570, None, 2025, "result"),
        ("Đã giải quyết", 1560, None, 2025, "result"),
        ("Đúng hạn", 1540, None, 2025, "result"),
        ("Tỷ lệ đúng hạn", 98.7, "%", 2025, "result"),
    }


def test_hồ_sơ_in_the_header_gives_the_unit():
    assert _cells(
        _CCHC,
        "Lĩnh vực | Số hồ sơ tiếp nhận | Đã giải quyết đúng hạn | Quá hạn",
        "Xây dựng | 412 | 371 | 12",
    ) == {
        ("Số hồ sơ tiếp nhận xây dựng", 412, "hồ sơ", 2025, "result"),
        ("Đã giải quyết đúng hạn xây dựng", 371, None, 2025, "result"),
        ("Quá hạn xây dựng", 12, None, 2025, "result"),
    }


def test_tables_of_measures_and_of_years_stay_as_they_were():
    crops = _cells(
        "BÁO CÁO KẾT QUẢ SẢN XUẤT NÔNG NGHIỆP NĂM 2025",
        "Cây trồng | ĐVT | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn)",
        "Lúa | ha | 1.200 | 62 | 7.440",
    )
    assert crops == {
        ("Diện tích lúa", 1200, "ha", 2025, "result"),
        ("Năng suất lúa", 62, "tạ/ha", 2025, "result"),
        ("Sản lượng lúa", 7440, "tấn", 2025, "result"),
    }
    years = read_lines(
        _CCHC,
        "Kết quả giải quyết hồ sơ:",
        "Chỉ tiêu | ĐVT | Thực hiện 2024 | Kế hoạch 2025",
        "Hồ sơ tiếp nhận | hồ sơ | 1.450 | 1.600",
    )
    assert {(s.kind, s.low, s.year) for s in years} == {("result", 1450, 2024), ("target", 1600, 2025)}
    # a header of words that count nothing is no table of counts
    other = read_lines(_CCHC, "Nội dung | Ghi chú | Đơn vị thực hiện", "Tiếp nhận | 12 | Phòng Tư pháp")
    assert all(s.unit != "hồ sơ" and s.indicator != "Tiếp nhận" for s in other)
