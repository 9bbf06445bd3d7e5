"""Table columns read the same in every shape: typed with tabs or runs of spaces, Markdown, one
cell a line (web pages), PDF text (one row a line, single spaces) and DOCX.

- a plan column beside the result of its own time gives ONE statement: the result, the plan its
  compared target (the contract); a term's plan beside a series of years stays a target too;
- comparison columns ("So KH (%)", "So cùng kỳ (%)", "TH/KH (%)", "Tỷ lệ so với kế hoạch (%)")
  are ratios in %, not values in the row's unit;
- the unit written at the end of the indicator cell ("(triệu đồng)", "(%)", "(ấp)") is the row's
  unit when there is no unit column;
- next year's plan beside this year's estimate ("Ước TH 2025 | Kế hoạch 2026") is a target of its
  year, not the estimate's compared target;
- year columns under a heading that plans ("LỘ TRÌNH … GIAI ĐOẠN 2026 - 2030") are targets;
- a summary after a table ("các chỉ tiêu đều đạt và vượt kế hoạch") is no statement.
"""

from __future__ import annotations

import pytest
from extract_fixtures import build_docx

from chitieu.extract import extract, read_document
from chitieu.extract.document import Document


def _read(lines, fmt="text"):
    return extract(Document("t.txt", fmt, tuple(lines)))


def _facts(statements):
    return sorted(
        ((s.kind, s.low, s.high, s.unit, s.year, s.compared_target and s.compared_target["low"])
         for s in statements if s.op != "qualitative"),
        key=str,
    )


# --- a plan column beside a result column ------------------------------------------------------

PLAN_RESULT = [
    # (kind, low, high, unit, year, compared target's low)
    ("result", 96.5, 96.5, "%", 2024, 95),
    ("result", 101.6, 101.6, "%", 2024, None),
    ("result", 3150, 3150, "tấn", 2024, 3000),
    ("result", 105, 105, "%", 2024, None),
]

SHAPES = {
    "tabs": [
        "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2024",
        "TT\tTên chỉ tiêu\tĐơn vị tính\tKH năm 2024\tTH năm 2024\tTH/KH (%)",
        "1\tTỷ lệ người dân có thẻ BHYT\t%\t95\t96,5\t101,6",
        "2\tSản lượng cá nuôi\ttấn\t3.000\t3.150\t105",
    ],
    "spaces": [
        "BÁO CÁO KẾT QUẢ THỰC HIỆN NĂM 2024",
        "TT    Tên chỉ tiêu                    ĐVT     KH năm 2024    TH năm 2024    TH/KH (%)",
        "1     Tỷ lệ người dân có thẻ BHYT     %       95             96,5           101,6",
        "2     Sản lượng cá nuôi               tấn     3.000          3.150          105",
    ],
    "markdown": [
        "## Kết quả thực hiện năm 2024",
        "",
        "| TT | Tên chỉ tiêu | ĐVT | KH năm 2024 | TH năm 2024 | TH/KH (%) |",
        "|:--:|---|---|--:|--:|--:|",
        "| 1 | Tỷ lệ người dân có thẻ BHYT | % | 95 | 96,5 | 101,6 |",
        "| 2 | Sản lượng cá nuôi | tấn | 3.000 | 3.150 | 105 |",
    ],
    "one cell a line": [
        "KẾT QUẢ THỰC HIỆN NĂM 2024",
        "TT",
        "Tên chỉ tiêu",
        "ĐVT",
        "KH năm 2024",
        "TH năm 2024",
        "TH/KH (%)",
        "1",
        "Tỷ lệ người dân có thẻ BHYT",
        "%",
        "95",
        "96,5",
        "101,6",
        "2",
        "Sản lượng cá nuôi",
        "tấn",
        "3.000",
        "3.150",
        "105",
    ],
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_plan_beside_its_result_is_one_statement_in_every_shape(shape):
    assert _facts(_read(SHAPES[shape])) == sorted(PLAN_RESULT, key=str)


def test_a_plan_beside_its_result_is_one_statement_in_pdf_text():
    lines = [
        "KẾT QUẢ THỰC HIỆN NĂM 2024",
        "TT Tên chỉ tiêu ĐVT KH năm 2024 TH năm 2024 So KH (%)",
        "1 Tỷ lệ người dân có thẻ BHYT % 95 96,5 101,6",
        "2 Sản lượng cá nuôi Tấn 3.000 3.150 105",
    ]
    assert _facts(_read(lines, "pdf")) == sorted(PLAN_RESULT, key=str)


def test_a_plan_beside_its_result_is_one_statement_in_docx(tmp_path):
    table = [
        ["TT", "Tên chỉ tiêu", "ĐVT", "KH năm 2024", "TH năm 2024", "So sánh với KH"],
        ["1", "Tỷ lệ người dân có thẻ BHYT", "%", "95", "96,5", "101,6"],
        ["2", "Sản lượng cá nuôi", "tấn", "3.000", "3.150", "105"],
    ]
    path = build_docx(tmp_path / "kq.docx", [("KẾT QUẢ THỰC HIỆN NĂM 2024", None), ("", None)], table, {})
    assert _facts(extract(read_document(path))) == sorted(PLAN_RESULT, key=str)


def test_a_resolution_column_without_years_beside_one_result_is_its_compared_target():
    lines = [
        "ĐÁNH GIÁ KẾT QUẢ NHIỆM KỲ 2020 - 2025",
        "STT\tChỉ tiêu\tNghị quyết đề ra\tThực hiện\tĐánh giá",
        "1\tTỷ lệ hộ nghèo (%)\tdưới 2\t1,1\tĐạt",
        "2\tSố thôn đạt chuẩn văn hóa (thôn)\t12\t11\tKhông đạt",
    ]
    got = [(s.kind, s.low, s.high, s.unit, s.compared_target, s.stated_status) for s in _read(lines)]
    assert got == [
        ("result", 1.1, 1.1, "%", {"op": "<", "low": None, "high": 2}, "dat"),
        ("result", 11, 11, "thôn", {"op": "=", "low": 12, "high": 12}, "khong_dat"),
    ]


def test_a_term_plan_beside_a_series_of_years_stays_a_target_too():
    # (trap) the congress's plan is the term's, the years each their own: the plan stays a
    # statement, the latest year is compared with it
    lines = [
        "| STT | Chỉ tiêu | ĐVT | Chỉ tiêu Đại hội | Năm 2021 | Năm 2023 | Ước 2025 |",
        "|---|---|---|---|---|---|---|",
        "| 1 | Số doanh nghiệp thành lập mới | doanh nghiệp | 60 | 9 | 14 | 18 |",
    ]
    got = [(s.kind, s.low, s.year, s.compared_target) for s in _read(lines)]
    assert got == [
        ("target", 60, None, None),
        ("result", 9, 2021, None),
        ("result", 14, 2023, None),
        ("result", 18, 2025, {"op": "=", "low": 60, "high": 60}),
    ]


def test_a_plan_in_another_unit_stays_a_target():
    # (trap) "12%/năm" is no level in tỷ đồng: no compared target, the plan a statement of its own
    lines = [
        "KẾT QUẢ THỰC HIỆN NĂM 2024",
        "STT\tChỉ tiêu\tĐVT\tKế hoạch\tThực hiện 2024",
        "1\tTổng vốn đầu tư toàn xã hội\ttỷ đồng\ttăng 12%/năm\t1.250",
    ]
    got = [(s.kind, s.low, s.unit, s.compared_target) for s in _read(lines)]
    assert ("result", 1250, "tỷ đồng", None) in got
    assert any(kind == "target" and unit == "%" for kind, _, unit, _ in got)


# --- comparison columns ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, name",
    [
        ("So KH (%)", "so với kế hoạch"),
        ("So sánh với KH", "so với kế hoạch"),
        ("Tỷ lệ so với kế hoạch (%)", "so với kế hoạch"),
        ("TH/KH (%)", "so với kế hoạch"),
        ("So cùng kỳ (%)", "so với cùng kỳ"),
        ("So với cùng kỳ năm trước (%)", "so với cùng kỳ"),
    ],
)
def test_a_comparison_column_is_a_ratio_in_percent(label, name):
    lines = [
        "| TT | Chỉ tiêu | ĐVT | Kế hoạch 2025 | Ước thực hiện 2025 | " + label + " |",
        "|---|---|---|---|---|---|",
        "| 1 | Tổng sản lượng lương thực | tấn | 50.000 | 51.200 | 102,4 |",
    ]
    got = [(s.kind, s.indicator, s.low, s.unit, s.year) for s in _read(lines)]
    assert got == [
        ("result", "Tổng sản lượng lương thực", 51200, "tấn", 2025),
        ("result", f"Tổng sản lượng lương thực {name}", 102.4, "%", 2025),
    ]


def test_two_comparison_columns_one_cell_a_line():
    lines = [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "KH 2025",
        "Ước TH 2025",
        "So KH (%)",
        "So cùng kỳ (%)",
        "1",
        "Giá trị sản xuất nông nghiệp",
        "tỷ đồng",
        "820",
        "846",
        "103,2",
        "104,5",
        "2",
        "Số lao động có việc làm mới",
        "người",
        "500",
        "540",
        "108,0",
        "102,1",
    ]
    got = [(s.kind, s.low, s.unit, s.year, s.compared_target and s.compared_target["low"]) for s in _read(lines)]
    assert got == [
        ("result", 846, "tỷ đồng", 2025, 820),
        ("result", 103.2, "%", 2025, None),
        ("result", 104.5, "%", 2025, None),
        ("result", 540, "người", 2025, 500),
        ("result", 108.0, "%", 2025, None),
        ("result", 102.1, "%", 2025, None),
    ]


def test_a_column_of_last_years_values_is_no_comparison():
    # (trap) "Cùng kỳ năm 2024" holds last year's values in the row's unit
    lines = [
        "| TT | Chỉ tiêu | ĐVT | Cùng kỳ năm 2024 | Thực hiện năm 2025 |",
        "|---|---|---|---|---|",
        "| 1 | Số lượt khách du lịch | lượt | 12.400 | 15.100 |",
    ]
    got = [(s.kind, s.low, s.unit, s.year) for s in _read(lines)]
    assert got == [("result", 12400, "lượt", 2024), ("result", 15100, "lượt", 2025)]


# --- the unit in the indicator cell --------------------------------------------------------------


def test_the_unit_written_in_the_name_cell_is_the_rows_unit():
    lines = [
        "KẾT QUẢ THỰC HIỆN NĂM 2025",
        "TT\tChỉ tiêu\tKế hoạch\tThực hiện",
        "1\tThu nhập bình quân đầu người (triệu đồng)\t68\t70,2",
        "2\tTỷ lệ trẻ em suy dinh dưỡng (%)\t< 9\t8,4",
        "3\tSố ấp đạt chuẩn văn hóa (ấp)\t6\t6",
        "4\tDiện tích lúa chất lượng cao (lũy kế)\t1.200\t1.260",
    ]
    got = [(s.indicator, s.low, s.unit) for s in _read(lines)]
    assert got == [
        ("Thu nhập bình quân đầu người", 70.2, "triệu đồng/người/năm"),
        ("Tỷ lệ trẻ em suy dinh dưỡng", 8.4, "%"),
        ("Số ấp đạt chuẩn văn hóa", 6, "ấp"),
        # (trap) "(lũy kế)" is no unit; no unit column, so no unit from the row above either
        ("Diện tích lúa chất lượng cao (lũy kế)", 1260, None),
    ]


def test_the_unit_in_the_name_in_markdown_and_pdf_text():
    markdown = [
        "| STT | Chỉ tiêu | KH 2025 | TH 2025 | So sánh (%) |",
        "|---|---|---|---|---|",
        "| 1 | Tỷ lệ hộ nghèo (%) | 3,0 | 2,6 | 115,4 |",
        "| 2 | Thu ngân sách xã (triệu đồng) | 4.500 | 4.920 | 109,3 |",
    ]
    pdf = [
        "KẾT QUẢ NĂM 2025",
        "STT Chỉ tiêu ĐVT KH 2025 TH 2025 So sánh (%)",
        "1 Tỷ lệ hộ nghèo % 3,0 2,6 115,4",
        "2 Thu ngân sách xã (triệu đồng) 4.500 4.920 109,3",
    ]
    expected = [
        ("result", 2.6, "%", 3), ("result", 115.4, "%", None),
        ("result", 4920, "triệu đồng", 4500), ("result", 109.3, "%", None),
    ]  # fmt: skip
    for lines, fmt in ((markdown, "text"), (pdf, "pdf")):
        got = [(s.kind, s.low, s.unit, s.compared_target and s.compared_target["low"]) for s in _read(lines, fmt)]
        assert got == expected, fmt


# --- next year's plan beside this year's estimate ------------------------------------------------

NEXT_YEAR = [
    ("result", 1.9, 1.9, "%", 2025, None),
    ("result", 7100, 7100, "tấn", 2025, None),
    ("target", None, 1.5, "%", 2026, None),
    ("target", 7300, 7300, "tấn", 2026, None),
]


@pytest.mark.parametrize(
    "lines, fmt",
    [
        (
            [
                "CHỈ TIÊU KẾ HOẠCH NĂM 2026",
                "STT\tChỉ tiêu\tĐVT\tƯớc TH 2025\tKế hoạch 2026",
                "1\tTỷ lệ hộ nghèo\t%\t1,9\tdưới 1,5",
                "2\tSản lượng thủy sản\ttấn\t7.100\t7.300",
            ],
            "text",
        ),
        (
            [
                "| STT | Chỉ tiêu | ĐVT | Ước TH 2025 | Kế hoạch 2026 |",
                "|---|---|---|---|---|",
                "| 1 | Tỷ lệ hộ nghèo | % | 1,9 | dưới 1,5 |",
                "| 2 | Sản lượng thủy sản | tấn | 7.100 | 7.300 |",
            ],
            "text",
        ),
        (
            ["Chỉ tiêu", "ĐVT", "Ước TH 2025", "Kế hoạch 2026", "Tỷ lệ hộ nghèo", "%", "1,9", "dưới 1,5",
             "Sản lượng thủy sản", "tấn", "7.100", "7.300"],
            "text",
        ),
        (
            [
                "CHỈ TIÊU KẾ HOẠCH NĂM 2026",
                "STT Chỉ tiêu ĐVT Ước TH 2025 Kế hoạch 2026",
                "1 Tỷ lệ hộ nghèo % 1,9 1,5",
                "2 Sản lượng thủy sản Tấn 7.100 7.300",
            ],
            "pdf",
        ),
    ],
    ids=["tabs", "markdown", "one cell a line", "pdf"],
)
def test_next_years_plan_is_a_target_of_its_year_not_the_estimates_compared_target(lines, fmt):
    got = _facts(_read(lines, fmt))
    if fmt == "pdf":  # (the PDF row has the plain figure "1,5")
        got = sorted(([("target", None, 1.5, *f[3:]) if f[:3] == ("target", 1.5, 1.5) else f for f in got]), key=str)
    assert got == sorted(NEXT_YEAR, key=str)


def test_next_years_plan_in_docx(tmp_path):
    table = [
        ["STT", "Chỉ tiêu", "ĐVT", "Ước thực hiện năm 2025", "Kế hoạch năm 2026"],
        ["1", "Tỷ lệ hộ nghèo", "%", "1,9", "dưới 1,5"],
        ["2", "Sản lượng thủy sản", "tấn", "7.100", "7.300"],
    ]
    path = build_docx(tmp_path / "kh.docx", [("Phụ lục: chỉ tiêu năm 2026", None), ("", None)], table, {})
    assert _facts(extract(read_document(path))) == sorted(NEXT_YEAR, key=str)


# --- year columns under a heading that plans ---------------------------------------------------


def test_year_columns_under_a_roadmap_heading_are_targets_per_year():
    tabs = [
        "LỘ TRÌNH THỰC HIỆN CÁC CHỈ TIÊU GIẢM NGHÈO GIAI ĐOẠN 2026 - 2030",
        "",
        "Chỉ tiêu\tĐVT\tNăm 2025\t2026\t2027\t2028",
        "Tỷ lệ hộ nghèo đa chiều\t%\t3,1\t2,6\t2,1\t1,6",
    ]
    got = sorted((s.year, s.kind, s.low) for s in _read(tabs))
    # the base year before the plan's period is a result
    assert got == [(2025, "result", 3.1), (2026, "target", 2.6), (2027, "target", 2.1), (2028, "target", 1.6)]
    pdf = [
        "KẾ HOẠCH PHÁT TRIỂN GIAO THÔNG NÔNG THÔN GIAI ĐOẠN 2026 - 2030",
        "STT Chỉ tiêu ĐVT 2026 2027 2028",
        "1 Đường giao thông được cứng hóa Km 12 15 18",
    ]
    assert [(s.kind, s.low, s.year) for s in _read(pdf, "pdf")] == [
        ("target", 12, 2026), ("target", 15, 2027), ("target", 18, 2028),
    ]  # fmt: skip
    cells = ["Lộ trình nâng cao chất lượng nông thôn mới giai đoạn 2026 - 2030", "Chỉ tiêu", "ĐVT", "Năm 2026", "Năm 2027",
             "Số xã đạt chuẩn nông thôn mới nâng cao", "xã", "3", "5", "Số xã đạt chuẩn kiểu mẫu", "xã", "1", "2"]
    assert [(s.kind, s.low, s.year) for s in _read(cells)] == [
        ("target", 3, 2026), ("target", 5, 2027), ("target", 1, 2026), ("target", 2, 2027),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "heading",
    [
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU GIAI ĐOẠN 2021 - 2025",
        "MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI GIAI ĐOẠN 2021 - 2025",  # names the indicators only
        "TÌNH HÌNH THỰC HIỆN KẾ HOẠCH GIAI ĐOẠN 2021 - 2025",
    ],
)
def test_year_columns_under_a_heading_that_reports_stay_results(heading):
    lines = [heading, "", "Chỉ tiêu\tĐVT\t2021\t2022\t2023", "Tỷ lệ hộ nghèo\t%\t4,2\t3,6\t3,0"]
    assert [(s.kind, s.year) for s in _read(lines)] == [("result", 2021), ("result", 2022), ("result", 2023)]


# --- a summary after a table -------------------------------------------------------------------


@pytest.mark.parametrize(
    "summary",
    [
        "Nhìn chung, các chỉ tiêu đều đạt và vượt kế hoạch đề ra.",
        "Hầu hết các chỉ tiêu chủ yếu đạt kế hoạch năm.",
        "Tất cả chỉ tiêu đều hoàn thành kế hoạch.",
    ],
)
def test_a_summary_of_all_the_indicators_is_no_statement(summary):
    lines = [
        "KẾT QUẢ THỰC HIỆN NĂM 2024",
        "STT\tChỉ tiêu\tĐVT\tKH 2024\tTH 2024",
        "1\tThu ngân sách xã\ttriệu đồng\t3.000\t3.350",
        "",
        summary,
    ]
    got = _read(lines)
    assert [(s.kind, s.low) for s in got] == [("result", 3350)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Xã tiếp tục giữ vững chuẩn quốc gia về y tế.",
        "Công tác tuyển quân hoàn thành chỉ tiêu giao.",
    ],
)
def test_a_standard_met_after_a_table_is_still_a_qualitative_result(sentence):
    # (trap) one named standard or task, not the indicators as a whole
    lines = ["KẾT QUẢ THỰC HIỆN NĂM 2024", "", sentence]
    assert [(s.kind, s.op) for s in _read(lines)] == [("result", "qualitative")]


def test_a_docx_roadmap_with_the_unit_in_a_name_and_a_summary_after_it(tmp_path):
    table = [
        ["Chỉ tiêu", "ĐVT", "Năm 2025", "Năm 2026", "Năm 2027"],
        ["Tỷ lệ hộ nghèo", "%", "3,1", "2,6", "2,1"],
        ["Thu nhập bình quân đầu người (triệu đồng)", "", "60", "66", "72"],
    ]
    paragraphs = [
        ("LỘ TRÌNH THỰC HIỆN CÁC CHỈ TIÊU GIAI ĐOẠN 2026 - 2030", None),
        ("", None),
        ("Nhìn chung, các chỉ tiêu đều bám sát lộ trình và đạt kế hoạch đề ra.", None),
    ]
    path = build_docx(tmp_path / "lo-trinh.docx", paragraphs, table, {})
    got = sorted((s.year, s.kind, s.low, s.unit) for s in extract(read_document(path)))
    assert got == [
        (2025, "result", 3.1, "%"),
        (2025, "result", 60, "triệu đồng/người/năm"),
        (2026, "target", 2.6, "%"),
        (2026, "target", 66, "triệu đồng/người/năm"),
        (2027, "target", 2.1, "%"),
        (2027, "target", 72, "triệu đồng/người/năm"),
    ]


def test_a_first_row_named_like_a_comparison_is_no_column_label():
    # (trap) "Tỷ lệ đạt chuẩn …" is a row's name, though "Tỷ lệ so với kế hoạch" heads a column
    lines = ["Chỉ tiêu", "ĐVT", "KH 2025", "TH 2025", "Tỷ lệ so với kế hoạch (%)",
             "Tỷ lệ đạt chuẩn quốc gia của trường học", "%", "80", "82", "102,5",
             "Số trạm y tế đạt chuẩn", "trạm", "9", "9", "100"]  # fmt: skip
    got = [(s.indicator, s.low, s.unit, s.compared_target and s.compared_target["low"]) for s in _read(lines)]
    assert got == [
        ("Tỷ lệ đạt chuẩn quốc gia của trường học", 82, "%", 80),
        ("Tỷ lệ đạt chuẩn quốc gia của trường học so với kế hoạch", 102.5, "%", None),
        ("Số trạm y tế đạt chuẩn", 9, "trạm", 9),
        ("Số trạm y tế đạt chuẩn so với kế hoạch", 100, "%", None),
    ]
