"""Issue 14, items 2, 6, 7, 8, 13 and 15: the printed figure is the figure judged and entered data
is printed as entered; structure targets with their shares; a stated period growth rate; the
target's source named in the sentence with the % of plan; the discrepancies the evaluation
finds; the footnote on estimates and unapproved values.

Every test generates the DOCX, reads it back with python-docx (footnotes from the package's
footnotes part) and asserts the sentence, the cell or the note."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from tests.reports.conftest import appendix_table

from chitieu.planfile import plan_from_dict
from chitieu.reports.data import ReportOptions, build_report_data
from chitieu.reports.document import report_bytes
from chitieu.reports.tables import footnote_texts
from chitieu.reports.xlsx import appendix_xlsx_bytes

ISSUED = date(2020, 12, 9)


def _ind(code, name, unit, kind, direction, target, values, **extra):
    out = {
        "code": code, "name": name, "unit": unit, "kind": kind, "direction": direction,
        "domain": extra.pop("domain", "kinh_te"), "aggregation": extra.pop("aggregation", "none"),
        "values": values, **extra,
    }
    if target:
        out["target"] = target
    return out


def _plan(*items, period="2015-2020", source="Nghị quyết Đại hội Đảng bộ Phường 2 nhiệm kỳ 2015-2020", **top):
    return plan_from_dict({"unit": {"name": "Phường 2", "parent": "Thị xã Quảng Trị"}, "period": period,
                           "source": source, "indicators": list(items), **top})


def _doc(plan, **kwargs):
    return Document(io.BytesIO(report_bytes(plan, issued=kwargs.pop("issued", ISSUED), **kwargs)))


def _texts(doc):
    return [p.text for p in doc.paragraphs]


def _rows(doc):
    return {r.cells[1].text: [c.text for c in r.cells] for r in appendix_table(doc).rows}


# --- item 2: the printed figure is the figure judged; entered data is not changed in print ---


def test_a_value_just_under_the_bound_prints_the_digits_that_show_why():
    # 0,97 against "dưới 1%" must never print "1%" (which is not under 1%)
    plan = _plan(_ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 1%", {2015: 2.0, 2020: 0.97},
                      domain="van_hoa_xa_hoi"))
    texts = _texts(_doc(plan))
    assert ("Tỷ lệ hộ nghèo năm 2020 còn 0,97%, giảm 1,03 điểm phần trăm so với năm 2015, "
            "đạt chỉ tiêu Nghị quyết (dưới 1%).") in texts
    assert not any("còn 1%" in t for t in texts)


def test_a_declared_decimals_is_widened_only_as_far_as_the_verdict_needs():
    # decimals: 0 would print 0,97 as "1": one digit more is printed, as the verdict needs
    plan = _plan(_ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 1%", {2015: 2.4, 2020: 0.97},
                      decimals=0, domain="van_hoa_xa_hoi"),
                 _ind("SD", "Tỷ lệ suy dinh dưỡng", "%", "rate", "lower", "dưới 6%", {2020: 4.4},
                      decimals=0, domain="van_hoa_xa_hoi"))
    doc = _doc(plan)
    texts = _texts(doc)
    assert any(t.startswith("Tỷ lệ hộ nghèo năm 2020 còn 0,97%,") for t in texts)
    assert "Tỷ lệ suy dinh dưỡng năm 2020 còn 4%, đạt chỉ tiêu Nghị quyết (dưới 6%)." in texts  # 0 decimals
    assert _rows(doc)["Tỷ lệ hộ nghèo"][4:6] == ["2", "0,97"]  # 2,4 at the declared 0 decimals


def test_entered_values_are_printed_as_entered_in_the_sentence_the_appendix_and_the_spreadsheet():
    plan = _plan(
        _ind("TT", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "flow", "higher", None, {2015: 18.5, 2020: 22.92},
             aggregation="sum", price_basis="current"),
        _ind("TN", "Tỷ lệ hộ cận nghèo", "%", "rate", "lower", "dưới 2%", {2015: 1.5, 2020: 0.58},
             domain="van_hoa_xa_hoi"),
    )
    doc = _doc(plan)
    texts = _texts(doc)
    assert "Tổng thu ngân sách trên địa bàn năm 2020 đạt 22,92 tỷ đồng." in texts
    assert any(t.startswith("Tỷ lệ hộ cận nghèo năm 2020 còn 0,58%, giảm 0,92 điểm phần trăm") for t in texts)
    rows = _rows(doc)
    assert rows["Tổng thu ngân sách trên địa bàn"][4:6] == ["18,5", "22,92"]
    assert rows["Tỷ lệ hộ cận nghèo"][4:6] == ["1,5", "0,58"]
    ws = load_workbook(io.BytesIO(appendix_xlsx_bytes(build_report_data(plan).appendix))).active
    cells = {ws.cell(r, 2).value: ws.cell(r, 6) for r in range(1, ws.max_row + 1)}
    assert cells["Tỷ lệ hộ cận nghèo"].value == 0.58 and cells["Tỷ lệ hộ cận nghèo"].number_format == "#,##0.00"


def test_an_indicator_that_declares_its_decimals_is_printed_at_them():
    plan = _plan(_ind("TT", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "flow", "higher", None, {2020: 22.92},
                      aggregation="sum", price_basis="current", decimals=0))
    assert "Tổng thu ngân sách trên địa bàn năm 2020 đạt 23 tỷ đồng." in _texts(_doc(plan))


# --- item 6: structure ---

SECTORS = [
    _ind("TMDV", "Thương mại - Dịch vụ", "tỷ đồng", "flow", "higher", None, {2015: 450, 2020: 498},
         aggregation="sum", price_basis="current"),
    _ind("CN", "Công nghiệp - TTCN, XDCB", "tỷ đồng", "flow", "higher", None, {2015: 500, 2020: 472},
         aggregation="sum", price_basis="current"),
    _ind("NN", "Nông nghiệp", "tỷ đồng", "flow", "higher", None, {2015: 50, 2020: 30},
         aggregation="sum", price_basis="current"),
]


def _structure_plan(target, level=None):
    return _plan(_ind("CC", "Cơ cấu kinh tế", "tỷ đồng", "flow", "keep", target, level or {},
                      aggregation="sum", price_basis="current", children=SECTORS))


def test_a_structure_target_is_stated_with_its_shares_and_never_a_level_in_ty_dong():
    plan = _structure_plan("Thương mại - Dịch vụ 49-50%; Công nghiệp - TTCN, XDCB 47-48%; Nông nghiệp 3%",
                           level={2015: 1000, 2020: 1000})
    texts = _texts(_doc(plan))
    sentence = next(t for t in texts if t.startswith("Cơ cấu kinh tế"))
    assert sentence.startswith(
        "Cơ cấu kinh tế năm 2020: Thương mại - Dịch vụ chiếm 49,8%; Công nghiệp - TTCN, XDCB chiếm 47,2%; "
        "Nông nghiệp chiếm 3%, "
    )
    assert "tỷ đồng" not in sentence


def test_the_structure_chart_is_at_current_prices_and_covers_every_sector():
    plan = _structure_plan("Thương mại - Dịch vụ 49-50%; Công nghiệp - TTCN, XDCB 47-48%; Nông nghiệp 3%")
    data = build_report_data(plan)
    assert data.structure.title == "Cơ cấu kinh tế (giá hiện hành)"
    assert [p[0] for p in data.structure.parts] == ["Thương mại - Dịch vụ", "Công nghiệp - TTCN, XDCB", "Nông nghiệp"]
    assert round(sum(p[2] for p in data.structure.parts), 6) == 100
    captions = [t for t in _texts(_doc(plan)) if t.startswith("Biểu đồ")]
    assert captions[0] == "Biểu đồ 1. Cơ cấu kinh tế (giá hiện hành), năm 2015 và năm 2020"


def test_a_structure_target_in_the_seeds_abbreviations_is_evaluated():
    plan = _structure_plan("TM-DV chiếm 49,5%; CN-TTCN, XDCB chiếm 47,5%; NN chiếm 3%")
    sentence = next(t for t in _texts(_doc(plan)) if t.startswith("Cơ cấu kinh tế"))
    assert "chiếm 49,8%" in sentence and "chưa đủ số liệu" not in sentence


# --- item 7: a stated period growth rate; never the growth of a growth rate ---


def test_a_growth_rate_target_is_the_average_of_the_yearly_rates_never_the_growth_of_the_rate():
    plan = _plan(_ind("GT", "Tốc độ tăng trưởng kinh tế", "%", "growth_rate", "higher",
                      "tăng trưởng bình quân thời kỳ 14,1%", {2016: 12, 2017: 14, 2018: 15, 2019: 14, 2020: 15}))
    texts = _texts(_doc(plan))
    assert ("Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2016-2020 đạt 13,99%/năm (năm 2020: 15%), "
            "không đạt chỉ tiêu Nghị quyết (14,1%/năm).") in texts
    # the growth of the rate itself (12 → 15: 4,56%/năm) is never printed
    assert not any("4,56" in t for t in texts)


def test_a_stated_period_average_growth_rate_is_evaluated():
    plan = _plan(_ind("GT", "Tốc độ tăng trưởng kinh tế", "%", "growth_rate", "higher",
                      "tăng trưởng bình quân thời kỳ 14,1%", {2020: 14.5}, value_is="per_year_average"))
    assert ("Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2016-2020 đạt 14,5%/năm, "
            "vượt chỉ tiêu Nghị quyết (14,1%/năm).") in _texts(_doc(plan))


# --- item 8: the target's source and the % of plan of a term total ---


def test_a_term_total_prints_its_percent_of_plan_and_names_the_document_that_set_it():
    plan = _plan(_ind("TT", "Tổng thu ngân sách trên địa bàn", "tỷ đồng", "flow", "higher",
                      "giai đoạn 2016-2020: 17,26 tỷ đồng", {2020: 22.92}, value_is="cumulative",
                      aggregation="sum", price_basis="current"))
    texts = _texts(_doc(plan, target_sources={"TT": "Dự toán thu ngân sách giai đoạn 2016-2020 do UBND thị xã giao"}))
    assert ("Tổng thu ngân sách trên địa bàn năm 2020 đạt 22,92 tỷ đồng, bằng 132,8% dự toán, "
            "vượt dự toán (17,26 tỷ đồng).") in texts
    # without a source of its own the plan's Nghị quyết is the basis
    texts = _texts(_doc(plan))
    assert any(t.endswith("bằng 132,8% chỉ tiêu Nghị quyết, vượt chỉ tiêu Nghị quyết (17,26 tỷ đồng).") for t in texts)


@pytest.mark.parametrize(("source", "phrase"), [
    ("Nghị quyết số 12/NQ-HĐND của HĐND phường", "đạt chỉ tiêu Nghị quyết HĐND (trên 80%)"),
    ("Kế hoạch giao tại Quyết định số 05/QĐ-UBND", "đạt kế hoạch giao (trên 80%)"),
    ("Nghị quyết Đại hội Đảng bộ phường", "đạt chỉ tiêu Nghị quyết (trên 80%)"),
])
def test_each_indicator_names_the_document_that_set_its_target(source, phrase):
    plan = _plan(_ind("BH", "Tỷ lệ tham gia bảo hiểm y tế", "%", "rate", "higher", "trên 80%", {2020: 91},
                      domain="van_hoa_xa_hoi"), source="Kế hoạch phát triển kinh tế - xã hội 5 năm")
    texts = _texts(_doc(plan, target_sources={"BH": source}))
    assert f"Tỷ lệ tham gia bảo hiểm y tế năm 2020 đạt 91%, {phrase}." in texts


# --- item 13: discrepancies in the DOCX ---


def test_the_discrepancies_the_evaluation_finds_are_listed_in_the_calculations_appendix(report):
    texts = _texts(report)
    head = texts.index("Số liệu văn bản nguồn ghi chưa khớp với số tính được (cần rà soát):")
    listed = texts[head + 1:]
    assert ("- GTSX Nông lâm nghiệp - Thủy sản: Văn bản ghi chỉ số phát triển bình quân giai đoạn 2021-2025 "
            "(năm trước = 100) là 103,00, nhưng từ 113,7 → 132,2 tính được 103,06") in listed
    assert any(t.startswith("- Tổng thu ngân sách nhà nước trên địa bàn: Văn bản ghi chỉ số") for t in listed)
    # the appendix is the report's own, numbered after Phụ lục 1 and the next term's targets
    assert texts[texts.index("CÁCH TÍNH CÁC SỐ LIỆU TRONG BÁO CÁO") - 1] == "Phụ lục 3"


# --- item 15: estimates and unapproved values in a footnote ---


def test_the_footnote_says_which_figures_are_estimates(report):
    assert footnote_texts(report)[0] == "Số liệu năm 2025 là số ước thực hiện."
    assert not any("ước thực hiện" in note for note in footnote_texts(report)[1:])  # the others are breakdowns
    summary = next(p for p in report.paragraphs if p.text.startswith("Trong tổng số"))
    assert summary._p.xpath(".//w:footnoteReference")  # the mark sits on the summary sentence


def test_the_footnote_names_preliminary_and_unapproved_values_when_built_from_the_latest():
    plan = _plan(
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 3%", {2015: 6.5, 2020: {"value": 2.1, "status": "so_bo"}},
             domain="van_hoa_xa_hoi"),
        _ind("BH", "Tỷ lệ tham gia bảo hiểm y tế", "%", "rate", "higher", "trên 80%", {2015: 70, 2020: 91},
             domain="van_hoa_xa_hoi"),
    )
    notes = footnote_texts(_doc(plan, unapproved=frozenset({("BH", 2020)})))
    assert notes == [
        "Số liệu năm 2020 của các chỉ tiêu tỷ lệ hộ nghèo là số sơ bộ. Báo cáo dùng số liệu mới nhất; các số liệu "
        "chưa duyệt: tỷ lệ tham gia bảo hiểm y tế (năm 2020)."
    ]
    # built from approved values (or a plan file): no "chưa duyệt"
    assert "chưa duyệt" not in " ".join(footnote_texts(_doc(plan)))


def test_official_values_need_no_footnote():
    plan = _plan(_ind("BH", "Tỷ lệ tham gia bảo hiểm y tế", "%", "rate", "higher", "trên 80%", {2020: 91},
                      domain="van_hoa_xa_hoi"))
    assert footnote_texts(_doc(plan)) == []
    assert build_report_data(plan, options=ReportOptions()).value_note == ""
