"""Checker round 2, ck3: a count against a numbered list of the indicators it counts ("(1)",
"1.", "a)"), a count of "tiêu chí" against items each closed by its own verdict, and a result
beside its target whose line closes with a bare "; đạt." — each rule with variants written for
these tests and look-alikes that must not be flagged."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

HEAD = "I. KẾT QUẢ THỰC HIỆN NĂM 2024\n"


def findings(body: str, kind: str | None = None, head: str = HEAD):
    out = check_text(head + body)
    return [f for f in out if kind is None or f.type == kind]


# --- count: "03 chỉ tiêu không đạt, gồm:" over a numbered list of another length -------------
@pytest.mark.parametrize(
    "body",
    [
        (
            "Năm 2024 có 12/15 chỉ tiêu đạt và vượt; 03 chỉ tiêu không đạt, gồm:\n"
            "(1) Tỷ lệ che phủ rừng (kế hoạch: 45%; thực hiện 43,2%);\n"
            "(2) Số bác sĩ/vạn dân (kế hoạch: 9 bác sĩ; thực hiện 8,1 bác sĩ);\n"
            "(3) Tỷ lệ đô thị hóa (kế hoạch: 30%; thực hiện 27%);\n"
            "(4) Tỷ lệ lao động qua đào tạo (kế hoạch: 70%; thực hiện 66,5%).\n"
        ),
        (
            "Kết quả: 2 chỉ tiêu chưa đạt, cụ thể như sau:\n"
            "1. Thu ngân sách trên địa bàn (dự toán: 80 tỷ đồng; thực hiện 72 tỷ đồng);\n"
            "2. Tỷ lệ hộ dùng nước sạch (kế hoạch: 90%; ước đạt 84%);\n"
            "3. Tỷ lệ trường đạt chuẩn (kế hoạch: 75%; ước đạt 70%).\n"
        ),
        (
            "Có 4 chỉ tiêu không đạt, gồm:\n"
            "a) Tỷ lệ bao phủ bảo hiểm y tế (mục tiêu: 95%; đạt 91%);\n"
            "b) Số xã đạt chuẩn nông thôn mới (mục tiêu: 10 xã; đạt 8 xã);\n"
            "c) Thu nhập bình quân đầu người (mục tiêu: 60 triệu đồng; đạt 55 triệu đồng).\n"
        ),
    ],
)
def test_a_count_against_a_numbered_list_of_another_length(body):
    [f] = findings(body, "count")
    assert f.severity == "error"


@pytest.mark.parametrize(
    "body",
    [
        # as many items as the count says
        (
            "Năm 2024 có 12/15 chỉ tiêu đạt và vượt; 03 chỉ tiêu không đạt, gồm:\n"
            "(1) Tỷ lệ che phủ rừng (kế hoạch: 45%; thực hiện 43,2%);\n"
            "(2) Số bác sĩ/vạn dân (kế hoạch: 9 bác sĩ; thực hiện 8,1 bác sĩ);\n"
            "(3) Tỷ lệ đô thị hóa (kế hoạch: 30%; thực hiện 27%).\n"
        ),
        # items that are no indicators judged (one figure each): tasks, not the counted ones
        (
            "Có 2 chỉ tiêu không đạt, gồm:\n"
            "(1) Hoàn thành 3 công trình giao thông;\n"
            "(2) Xây dựng 2 trường học;\n"
            "(3) Trồng mới 40 ha rừng.\n"
        ),
    ],
)
def test_a_count_that_its_numbered_list_bears_out_is_not_flagged(body):
    assert findings(body, "count") == []


# --- count: "x/y tiêu chí" against the y items each closed by its verdict --------------------
def _criteria(verdicts: list[str]) -> str:
    return "".join(f"{k}. Tiêu chí số {k} - Nội dung {k}: {v}.\n" for k, v in enumerate(verdicts, 1))


@pytest.mark.parametrize(
    ("verdicts", "summary"),
    [
        (["đạt"] * 7 + ["chưa đạt"] * 3, "Đến nay xã đạt 8/10 tiêu chí; còn 02 tiêu chí chưa đạt.\n"),
        (["đạt"] * 5 + ["không đạt"] + ["đạt"] * 2, "Tổng hợp: xã đạt 8/8 tiêu chí.\n"),
        (["đạt", "chưa đạt"] * 3, "Như vậy đã hoàn thành 4/6 tiêu chí.\n"),
    ],
)
def test_a_count_of_criteria_against_their_verdicts(verdicts, summary):
    [f] = findings(_criteria(verdicts) + summary, "count")
    assert f.severity == "error"


@pytest.mark.parametrize(
    ("verdicts", "summary"),
    [
        (["đạt"] * 8 + ["chưa đạt"] * 2, "Đến nay xã đạt 8/10 tiêu chí; còn 02 tiêu chí chưa đạt.\n"),
        # the list holds another number of items: it is not the counted one
        (["đạt"] * 5 + ["chưa đạt"] * 2, "Đến nay xã đạt 8/10 tiêu chí; còn 02 tiêu chí chưa đạt.\n"),
    ],
)
def test_a_count_of_criteria_their_verdicts_bear_out_is_not_flagged(verdicts, summary):
    assert findings(_criteria(verdicts) + summary, "count") == []


# --- verdict: a bare "; đạt." closing the line of a result that misses its target -------------
@pytest.mark.parametrize(
    "body",
    [
        "5. Tiêu chí số 5 - Trường học: tỷ lệ trường đạt chuẩn quốc gia 66,7% (yêu cầu ≥ 70%); đạt.\n",
        "- Lao động: tỷ lệ lao động qua đào tạo đạt 62,5% (yêu cầu ≥ 65%): đạt.\n",
        "Tiêu chí Y tế: tỷ lệ người dân tham gia bảo hiểm y tế đạt 88,4% (yêu cầu từ 90% trở lên); đạt yêu cầu.\n",
    ],
)
def test_a_bare_verdict_closing_a_missed_target(body):
    [f] = findings(body, "verdict")
    assert f.severity == "error"


@pytest.mark.parametrize(
    "body",
    [
        # the verdict holds
        "5. Tiêu chí số 5 - Trường học: tỷ lệ trường đạt chuẩn quốc gia 72,7% (yêu cầu ≥ 70%); đạt.\n",
        # lower is better and the result is under its ceiling
        "11. Tiêu chí số 11 - Nghèo đa chiều: tỷ lệ hộ nghèo đa chiều 2,9% (yêu cầu ≤ 4%); đạt.\n",
        # the closing verdict admits the miss
        "- Lao động: tỷ lệ lao động qua đào tạo đạt 62,5% (yêu cầu ≥ 65%); chưa đạt.\n",
    ],
)
def test_a_bare_verdict_that_holds_is_not_flagged(body):
    assert findings(body, "verdict") == []


# --- verdict: "cao hơn/thấp hơn … (B)" that the two figures contradict -----------------------
@pytest.mark.parametrize(
    "body",
    [
        "Tỷ lệ hộ dùng nước sạch đạt 86,2%, cao hơn mức bình quân của tỉnh (88,5%).\n",
        "Tỷ lệ nợ thuế đến cuối năm là 6,8%, thấp hơn cùng kỳ năm 2023 (5,9%).\n",
        "Thu nhập bình quân đầu người đạt 52,4 triệu đồng, lớn hơn bình quân chung của huyện (55 triệu đồng).\n",
    ],
)
def test_a_comparison_its_figures_contradict(body):
    [f] = findings(body, "verdict")
    assert f.severity == "error"


@pytest.mark.parametrize(
    "body",
    [
        # the comparison holds
        "Tỷ lệ hộ dùng nước sạch đạt 89,2%, cao hơn mức bình quân của tỉnh (88,5%).\n",
        # lower is better, and it is lower indeed
        "Tỷ lệ hộ nghèo còn 2,1%, thấp hơn bình quân chung của tỉnh (3,4%).\n",
        # the comparison is of a change, not of the levels
        "Tỷ lệ giải ngân đạt 37,1%, cao hơn 2,3 điểm phần trăm so với cùng kỳ (34,8%).\n",
        # equal within the printed digits
        "Tỷ lệ trẻ em tiêm chủng đủ liều đạt 97%, cao hơn cùng kỳ năm 2023 (97,4%).\n",
        # different units
        "Kim ngạch xuất khẩu đạt 12,5 triệu USD, cao hơn cùng kỳ (tăng 8%).\n",
    ],
)
def test_a_comparison_that_holds_is_not_flagged(body):
    assert findings(body, "verdict") == []


# --- count: "x/y … không có <cột>" against the table's column of zeros -----------------------
_TABLE = (
    "| STT | Đơn vị | Tiếp nhận | Đúng hạn | Quá hạn |\n"
    "| 1 | Xã A | 320 | 318 | {0} |\n"
    "| 2 | Xã B | 410 | 405 | {1} |\n"
    "| 3 | Xã C | 150 | 150 | {2} |\n"
    "| 4 | Xã D | 98 | 97 | {3} |\n"
    "| | Tổng | 978 | 970 | 8 |\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "Có 3/4 đơn vị không để xảy ra hồ sơ quá hạn.\n" + _TABLE.format(2, 5, 0, 1),
        "Đến nay 2/4 xã không có hồ sơ quá hạn (chi tiết tại bảng).\n" + _TABLE.format(0, 0, 0, 1),
        "Kết quả: 4/4 đơn vị không phát sinh hồ sơ quá hạn.\n" + _TABLE.format(0, 8, 0, 0),
    ],
)
def test_a_count_of_rows_with_none_against_the_table(body):
    [f] = findings(body, "count")
    assert f.severity == "error"


@pytest.mark.parametrize(
    "body",
    [
        # the count holds
        "Có 2/4 đơn vị không để xảy ra hồ sơ quá hạn.\n" + _TABLE.format(0, 5, 0, 3),
        # another total: the table is not the counted set
        "Có 2/5 đơn vị không để xảy ra hồ sơ quá hạn.\n" + _TABLE.format(1, 5, 0, 2),
        # no column names the thing
        "Có 3/4 đơn vị không để xảy ra khiếu nại.\n" + _TABLE.format(2, 5, 0, 1),
    ],
)
def test_a_count_of_rows_the_table_bears_out_is_not_flagged(body):
    assert findings(body, "count") == []


@pytest.mark.parametrize("marker", ["({})", "{}.", "{})"])
def test_numbered_items_under_an_opening_that_admits_the_misses_are_not_flagged(marker):
    body = (
        "Có 2 chỉ tiêu không đạt, gồm:\n"
        f"{marker.format(1)} Tỷ lệ che phủ rừng 40% (chỉ tiêu 50%);\n"
        f"{marker.format(2)} Tỷ lệ đô thị hóa 20% (chỉ tiêu 30%).\n"
    )
    assert findings(body, "verdict") == []


def test_numbered_items_with_no_opening_that_admits_are_flagged():
    body = "Kết quả cụ thể:\n(1) Tỷ lệ che phủ rừng 40% (chỉ tiêu 50%);\n(2) Tỷ lệ đô thị hóa 20% (chỉ tiêu 30%).\n"
    assert len(findings(body, "verdict")) == 2
