"""The report adapts to the plan: final values that are official (not "ước"), an indicator
without data, targets set by a kế hoạch rather than a Nghị quyết, and no next plan.
The plan is Phường Trần Phú's (seed 004): income 65 triệu đồng, "gấp 1,5 lần"; trained
workers 80% (đầu kỳ 70%)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from tests.reports.conftest import appendix_table

from chitieu.planfile import plan_from_dict
from chitieu.reports.document import report_bytes

TRAN_PHU = {
    "unit": {"name": "Phường Trần Phú", "parent": "Tỉnh Hà Tĩnh"},
    "period": "2020-2025",
    "source": "Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025",
    "indicators": [
        {
            "code": "TN",
            "name": "Thu nhập bình quân đầu người",
            "unit": "triệu đồng",
            "kind": "level",
            "direction": "higher",
            "domain": "kinh_te",
            "aggregation": "none",
            "price_basis": "current",
            "target": "gấp 1,5 lần",
            "values": {2020: 43.3, 2025: 65},
        },
        {
            "code": "DN",
            "name": "Số doanh nghiệp hoạt động",
            "unit": "doanh nghiệp",
            "kind": "count",
            "direction": "higher",
            "domain": "kinh_te",
            "aggregation": "sum",
            "target": "500 doanh nghiệp",
        },
        {
            "code": "LD",
            "name": "Tỷ lệ lao động qua đào tạo",
            "unit": "%",
            "kind": "rate",
            "direction": "higher",
            "domain": "van_hoa_xa_hoi",
            "aggregation": "ratio",
            "numerator": "LDN",
            "denominator": "LDD",
            "target": "80%",
            "values": {2020: 70, 2025: 80},
        },
    ],
}


@pytest.fixture(scope="module")
def doc():
    plan = plan_from_dict(TRAN_PHU)
    return Document(io.BytesIO(report_bytes(plan, issued=date(2025, 12, 9))))


def test_official_values_are_stated_as_dat_and_the_targets_as_ke_hoach(doc):
    texts = [p.text for p in doc.paragraphs]
    assert (
        "Thu nhập bình quân đầu người năm 2025 đạt 65 triệu đồng, gấp 1,5 lần năm 2020, "
        "đạt chỉ tiêu kế hoạch (1,5 lần)." in texts
    )
    assert not any(t.startswith("Số doanh nghiệp hoạt động") for t in texts)  # no filler sentence
    i = texts.index(
        "Trong tổng số 2 chỉ tiêu chủ yếu của kế hoạch giai đoạn 2021-2025 được đánh giá, có 2/2 chỉ tiêu đạt "
        "và vượt kế hoạch (chi tiết tại Phụ lục 1 kèm theo)."
    )
    assert texts[i + 1] == "Chưa đủ số liệu để đánh giá 1 chỉ tiêu: số doanh nghiệp hoạt động."
    assert "Tất cả 2 chỉ tiêu được đánh giá đều đạt và vượt kế hoạch." in texts


def test_without_a_next_plan_there_is_no_part_two_and_the_subject_says_so(doc):
    texts = [p.text for p in doc.paragraphs]
    assert "Phần thứ hai" not in texts
    assert "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025" in texts
    place_date = doc.tables[0].rows[1].cells[1].text
    assert place_date == "Phường Trần Phú, ngày 09 tháng 12 năm 2025"  # named after a person: keeps "Phường"


def test_the_appendix_has_no_estimate_column_and_marks_the_indicator_without_data(doc):
    table = appendix_table(doc)
    assert [c.text for c in table.rows[1].cells][4:6] == ["2020", "2025"]
    rows = [[c.text for c in r.cells] for r in table.rows[2:]]
    assert rows[1] == [
        "1",
        "Thu nhập bình quân đầu người",
        "Triệu đồng",
        "gấp 1,5 lần",
        "43,3",
        "65",
        "108,46",
        "Đạt",
    ]
    assert rows[2][-1] == "Chưa đủ số liệu" and rows[2][4:7] == ["", "", ""]
    assert rows[4] == ["3", "Tỷ lệ lao động qua đào tạo", "%", "80%", "70", "80", "", "Đạt"]


def test_with_every_year_of_data_the_appendix_still_fits_the_landscape_page():
    plan = plan_from_dict(
        {
            "unit": "Phường 2",
            "period": "2020-2025",
            "indicators": [
                {
                    "code": "TM",
                    "name": "Giá trị sản xuất ngành Thương mại - Dịch vụ",
                    "unit": "tỷ đồng",
                    "kind": "flow",
                    "direction": "higher",
                    "domain": "kinh_te",
                    "aggregation": "sum",
                    "price_basis": "current",
                    "target": "tăng 19-21%/năm",
                    "values": {2020: 341.5, 2021: 380.2, 2022: 455.0, 2023: 540.4, 2024: 650.3, 2025: 790.1},
                },
            ],
        }
    )
    doc = Document(io.BytesIO(report_bytes(plan, issued=date(2026, 1, 5))))
    table = appendix_table(doc)
    assert [c.text for c in table.rows[1].cells][4:10] == ["2020", "2021", "2022", "2023", "2024", "2025"]
    assert [c.text for c in table.rows[1].cells][10:12] == ["Giai đoạn 2021-2024", "Giai đoạn 2021-2025"]
    s = doc.sections[1]
    widths = [c.width for c in table.rows[3].cells]  # row 2 is the merged "I  KINH TẾ"
    assert sum(widths) <= s.page_width - s.left_margin - s.right_margin
    assert table.rows[3].cells[1].width >= 4.49 * 360000  # the names keep 4,5 cm (to the twip)


def test_a_plan_without_targets_says_so_instead_of_counting_zero():
    plan = plan_from_dict(
        {
            "unit": "Phường 2",
            "period": "2020-2025",
            "indicators": [
                {
                    "code": "DS",
                    "name": "Dân số trung bình",
                    "unit": "người",
                    "kind": "level",
                    "direction": "keep",
                    "domain": "van_hoa_xa_hoi",
                    "aggregation": "sum",
                    "values": {2020: 6606, 2025: 6800},
                },
            ],
        }
    )
    texts = [p.text for p in Document(io.BytesIO(report_bytes(plan, issued=date(2026, 1, 5)))).paragraphs]
    assert (
        "Kế hoạch chưa có chỉ tiêu nào được giao mục tiêu để đánh giá (số liệu tại Phụ lục 1 kèm theo)."
        in texts
    )
    assert "Dân số trung bình năm 2025 đạt 6.800 người." in texts
    assert not any("0/0" in t for t in texts)


def test_the_tran_phu_plan_reads_true_in_the_new_appendices_and_as_a_mid_term_report():
    """Issue 14 on a plan written from seed 004: the calculations appendix gives the multiple's
    inputs as entered, official values need no footnote, and the same plan read in 2023 is a
    mid-term report that says "tiến độ", never a final verdict."""
    from chitieu.reports.tables import footnote_texts

    plan = plan_from_dict(TRAN_PHU)
    doc = Document(io.BytesIO(report_bytes(plan, issued=date(2026, 1, 5))))
    assert footnote_texts(doc) == []
    calc = next(t for t in doc.tables if len(t.columns) > 3 and t.rows[0].cells[3].text == "Số liệu đầu vào")
    rows = [[c.text for c in r.cells] for r in calc.rows]
    income = next(r for r in rows if r[1] == "Thu nhập bình quân đầu người")
    assert income[3] == "V0 = 43,3; Vn = 65" and income[5] == "1,50 lần" and income[6:8] == ["Chính thức",
                                                                                                "theo tệp kế hoạch"]
    early = dict(TRAN_PHU, as_of=2023, indicators=[dict(TRAN_PHU["indicators"][0], values={2020: 43.3, 2023: 55})])
    texts = [p.text for p in Document(io.BytesIO(report_bytes(plan_from_dict(early), issued=date(2023, 12, 1)))).paragraphs]
    income_line = next(t for t in texts if t.startswith("Thu nhập bình quân đầu người"))
    assert "tiến độ thực hiện chỉ tiêu kế hoạch (1,5 lần)" in income_line
    assert "vượt chỉ tiêu" not in income_line and ", đạt chỉ tiêu" not in income_line
