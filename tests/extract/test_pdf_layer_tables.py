"""Tables of a PDF's text layer (blind set 5's failures, read as general patterns): a Markdown
alignment row of one dash a column, a one-cell-a-line table whose header labels broke over two
lines and whose rows go on over a page break (footer, page number, running title, header again),
a comparison column naming each side's year ("KH 2026/TH 2025 (%)"), a typed header whose row
number stands two spaces from the name's label, and a term's plan beside a result and a later goal."""

from __future__ import annotations

import pytest

from chitieu.extract import extract
from chitieu.extract.document import Document


def _read(lines):
    return extract(Document("t.txt", "text", tuple(lines)))


def _by(statements, low):
    return [s for s in statements if s.low == low]


# -- Markdown tables: the alignment row ":-:" / "--:" is no row ------------------------------------


@pytest.mark.parametrize(
    "rule",
    ["|:-:|---|:-:|--:|--:|", "|-|-|-|-|-|", "| :-: | :- | -: | -: | -: |"],
)
def test_an_alignment_row_of_one_dash_a_column_is_no_row(rule):
    lines = [
        "Phụ lục: CHỈ TIÊU CHỦ YẾU NĂM 2024",
        "| STT | Nội dung | ĐVT | KH 2024 | TH 2024 |",
        rule,
        "| 1 | Số hộ được hỗ trợ nhà ở | Hộ | 120 | 135 |",
        "| 2 | Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | 98 | 98,4 |",
    ]
    got = _read(lines)
    [houses] = _by(got, 135)
    assert (houses.kind, houses.unit, houses.year) == ("result", "hộ", 2024)
    assert houses.compared_target == {"op": "=", "low": 120, "high": 120}
    [vaccines] = _by(got, 98.4)
    assert vaccines.kind == "result" and vaccines.unit == "%"
    assert vaccines.compared_target == {"op": "=", "low": 98, "high": 98}


# -- one cell a line ---------------------------------------------------------------------------

_HEAD = ["Biểu 02", "CHỈ TIÊU NGÀNH NĂM 2024 VÀ KẾ HOẠCH 2025", "TT", "Chỉ tiêu", "ĐVT", "KH 2024"]


@pytest.mark.parametrize(
    "result_label, ratio_label",
    [
        (["Ước TH", "2024"], ["TH/KH", "(%)"]),
        (["Thực hiện", "2024"], ["So KH", "(%)"]),
        (["TH năm", "2024"], ["So sánh", "(%)"]),
    ],
)
def test_a_label_broken_over_two_lines_is_one_column(result_label, ratio_label):
    lines = [
        *_HEAD,
        *result_label,
        *ratio_label,
        "KH 2025",
        "1",
        "Sản lượng sữa tươi",
        "tấn",
        "1.200",
        "1.260",
        "105",
        "1.300",
        "2",
        "Diện tích nuôi trồng thủy sản",
        "ha",
        "450",
        "438",
        "97,3",
        "460",
    ]
    got = _read(lines)
    [milk] = _by(got, 1260)
    assert (milk.kind, milk.unit, milk.year) == ("result", "tấn", 2024)
    assert milk.compared_target == {"op": "=", "low": 1200, "high": 1200}
    [ratio] = _by(got, 105)
    assert (ratio.kind, ratio.unit, ratio.year) == ("result", "%", 2024)
    [plan] = _by(got, 1300)
    assert (plan.kind, plan.unit, plan.year) == ("target", "tấn", 2025)
    [fish] = _by(got, 438)
    assert fish.unit == "ha" and fish.compared_target == {"op": "=", "low": 450, "high": 450}
    assert _by(got, 460)[0].kind == "target"


_ROWS_1 = [
    "1",
    "Số con gia súc được tiêm phòng",
    "con",
    "50.000",
    "52.300",
    "104,6",
    "55.000",
    "2",
    "Diện tích cây ăn quả",
    "ha",
    "3.100",
    "3.180",
    "102,6",
    "3.300",
]
_ROWS_2 = [
    "3",
    "Tỷ lệ xã có chợ đạt chuẩn",
    "%",
    "60",
    "57,5",
    "95,8",
    "65",
    "4",
    "Số hợp tác xã nông nghiệp",
    "HTX",
    "40",
    "44",
    "110",
    "46",
]
_HEADER = ["TT", "Chỉ tiêu", "ĐVT", "KH 2024", "Ước TH", "2024", "TH/KH", "(%)", "KH 2025"]
_TITLE = ["BÁO CÁO NGÀNH NÔNG NGHIỆP NĂM 2024 - SỞ NÔNG NGHIỆP"]


@pytest.mark.parametrize(
    "furniture",
    [
        ["", "Trang 4/7", ""],
        ["- 5 -"],
        ["", "6", *_TITLE, ""],  # a bare page number and the running title
        ["Trang 2", *_TITLE, *_HEADER],  # the header repeated on the new page
        ["", "12", *_TITLE, "", *_HEADER],
    ],
)
def test_a_one_cell_a_line_table_goes_on_over_a_page_break(furniture):
    lines = [
        *_TITLE,
        "",
        "Biểu 01",
        "KẾT QUẢ NĂM 2024",
        *_HEADER,
        *_ROWS_1,
        *furniture,
        *_ROWS_2,
        "Nơi nhận:",
        "- Lưu: VT.",
    ]
    got = _read(lines)
    [market] = _by(got, 57.5)
    assert (market.kind, market.unit, market.year) == ("result", "%", 2024)
    assert market.indicator == "Tỷ lệ xã có chợ đạt chuẩn"
    assert market.compared_target == {"op": "=", "low": 60, "high": 60}
    [coops] = _by(got, 44)
    assert coops.kind == "result" and coops.compared_target == {"op": "=", "low": 40, "high": 40}
    [plan] = _by(got, 46)  # the last cell of the last row, the table's end after it
    assert (plan.kind, plan.year) == ("target", 2025)
    assert _by(got, 55000)[0].kind == "target"
    assert not any("Trang" in s.indicator or "BÁO CÁO" in s.indicator for s in got)
    assert not _by(got, 4) and not _by(got, 7) and not _by(got, 6) and not _by(got, 12)


# -- a comparison column naming each side's year -------------------------------------------------


@pytest.mark.parametrize(
    "label",
    ["KH 2025/TH 2024 (%)", "KH 2025/Ước TH 2024 (%)", "Kế hoạch 2025/Thực hiện 2024 (%)"],
)
def test_a_plan_against_last_years_result_column_is_a_growth_planned(label):
    lines = [
        "PHỤ LỤC KẾ HOẠCH NĂM 2025",
        "Đơn vị tính: triệu đồng, %",
        f"STT   Chỉ tiêu                         Ước TH 2024     KH 2025     {label}",
        "1     Tổng thu ngân sách xã          9.800     10.500     107,1",
        "2     Chi đầu tư phát triển          2.400     2.100     87,5",
    ]
    got = _read(lines)
    [growth] = _by(got, 107.1)
    assert (growth.kind, growth.unit, growth.year) == ("target", "%", 2025)
    [drop] = _by(got, 87.5)
    assert (drop.kind, drop.unit, drop.year) == ("target", "%", 2025)
    [plan] = _by(got, 10500)
    assert (plan.kind, plan.year, plan.unit) == ("target", 2025, "triệu đồng")
    [result] = _by(got, 9800)
    assert (result.kind, result.year) == ("result", 2024)


# -- a typed header whose row number stands two spaces from the name's label ----------------------


@pytest.mark.parametrize("stt", ["TT  Chỉ tiêu", "STT  Nội dung", "TT  Tên chỉ tiêu"])
def test_a_row_number_label_two_spaces_from_the_name_is_a_column(stt):
    lines = [
        "PHỤ BIỂU: CHỈ TIÊU NĂM 2024 - KẾ HOẠCH 2025",
        f"{stt}                     ĐVT        KH 2024     TH 2024     Tỷ lệ TH/KH (%)    KH 2025",
        "1   Sản lượng chè búp tươi   tấn   8.000   8.240   103   8.500",
        "2   Số thôn đạt chuẩn văn hóa   thôn   20   21   105   22",
        "",
        "Trang 2/3",
        "",
        "3   Tỷ lệ hộ dùng điện lưới   %   99   99,5   100,5   100",
    ]
    got = _read(lines)
    [tea] = _by(got, 8240)
    assert (tea.kind, tea.unit, tea.year) == ("result", "tấn", 2024)
    assert tea.compared_target == {"op": "=", "low": 8000, "high": 8000}
    [tea_plan] = _by(got, 8500)
    assert (tea_plan.kind, tea_plan.unit, tea_plan.year) == ("target", "tấn", 2025)
    [power_plan] = _by(got, 100)
    assert (power_plan.kind, power_plan.unit, power_plan.year) == ("target", "%", 2025)
    [power] = _by(got, 99.5)
    assert power.compared_target == {"op": "=", "low": 99, "high": 99}


# -- a term's plan beside the result, a later goal after it --------------------------------------


@pytest.mark.parametrize(
    "plan_label, result_label, goal_label",
    [
        ("NQ ĐH 2020-2025", "Kết quả 2025", "Mục tiêu 2030"),
        ("Chỉ tiêu NQ 2020-2025", "Ước TH 2025", "Mục tiêu 2025-2030"),
        ("KH 2024", "Kết quả 2024", "KH 2025"),
    ],
)
def test_the_plan_before_the_result_is_its_compared_target_not_the_later_goal(
    plan_label, result_label, goal_label
):
    lines = [
        "PHỤ LỤC: MỘT SỐ CHỈ TIÊU CHỦ YẾU",
        f"TT | Chỉ tiêu | ĐVT | {plan_label} | {result_label} | {goal_label}",
        "1 | Tỷ lệ trường đạt chuẩn quốc gia | % | 75 | 78 | 90",
        "2 | Số thôn có nhà văn hóa | thôn | 18 | 17 | 20",
    ]
    got = _read(lines)
    [schools] = _by(got, 78)
    assert schools.kind == "result" and schools.compared_target == {"op": "=", "low": 75, "high": 75}
    assert not _by(got, 75)  # one statement with its result
    [goal] = _by(got, 90)
    assert goal.kind == "target"
    [halls] = _by(got, 17)
    assert halls.compared_target == {"op": "=", "low": 18, "high": 18}


def test_a_row_name_written_elsewhere_too_is_no_running_title():
    # the row's number right under the row before it, its name also a line of the text above
    lines = ["Tỷ lệ xã có chợ đạt chuẩn", "", "Biểu 01", "KẾT QUẢ NĂM 2024", *_HEADER, *_ROWS_1, *_ROWS_2]
    got = _read(lines)
    [market] = _by(got, 57.5)
    assert market.indicator == "Tỷ lệ xã có chợ đạt chuẩn"
    assert market.compared_target == {"op": "=", "low": 60, "high": 60}
    assert _by(got, 65)[0].kind == "target"
