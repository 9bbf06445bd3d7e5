"""Issue 14, what real reports carry beyond the sentences: the next term's targets table (the
base-year value, the target, the average growth it implies, the past term's, and a feasibility
note when they are far apart), footnotes giving a total's breakdown from the data, the
mid-term projection column and the previous term's column of Phụ lục 1, and decimals that
tell a declared 1 from none declared.

Every test generates the DOCX, reads it back (python-docx, footnotes from the footnotes part)
and asserts the exact row, footnote or sentence."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from chitieu.core.indicators import DEFAULT_DECIMALS, Indicator, IndicatorError
from chitieu.planfile import PlanFileError, plan_from_dict
from chitieu.reports.data import build_report_data
from chitieu.reports.document import report_bytes
from chitieu.reports.outlook import match_item
from chitieu.reports.tables import footnote_texts
from chitieu.reports.xlsx import appendix_xlsx_bytes


def _ind(code, name, unit, kind, direction, target, values, **extra):
    out = {"code": code, "name": name, "unit": unit, "kind": kind, "direction": direction,
           "domain": extra.pop("domain", "kinh_te"), "aggregation": extra.pop("aggregation", "none"),
           "values": values, **extra}
    if target:
        out["target"] = target
    return out


def _doc(data: dict, issued=date(2026, 1, 5), **kwargs):
    return Document(io.BytesIO(report_bytes(plan_from_dict(data), issued=issued, **kwargs)))


def _texts(doc):
    return [p.text for p in doc.paragraphs]


def _table(doc, header_cell: str, column: int = 3):
    for t in doc.tables:
        if len(t.columns) > column and t.rows[0].cells[column].text == header_cell:
            return [[c.text for c in r.cells] for r in t.rows]
    raise AssertionError(f"no table with {header_cell!r} in column {column}")


# Phường Đông Lương's 2020-2025 term (a ward of Đông Hà, in the style of the seeds), with the
# next term's targets as its congress resolution words them.
WARD = {
    "unit": {"name": "Phường Đông Lương", "level": "phuong", "parent": "Thành phố Đông Hà"},
    "period": "2020-2025",
    "source": "Nghị quyết Đại hội Đảng bộ phường Đông Lương lần thứ XIII, nhiệm kỳ 2020-2025",
    "as_of": 2025,
    "indicators": [
        _ind("GT", "Giá trị sản xuất các ngành kinh tế", "tỷ đồng", "flow", "higher", "tăng 10-12%/năm",
             {2020: 800, 2025: 1300}, aggregation="sum", price_basis="current", breakdown=True, children=[
                 _ind("GT.1", "Thương mại - Dịch vụ", "tỷ đồng", "flow", "higher", None, {2020: 500, 2025: 845},
                      aggregation="sum", price_basis="current"),
                 _ind("GT.2", "Công nghiệp - Xây dựng", "tỷ đồng", "flow", "higher", None, {2020: 280, 2025: 430},
                      aggregation="sum", price_basis="current"),
                 _ind("GT.3", "Nông nghiệp", "tỷ đồng", "flow", "higher", None, {2020: 20, 2025: 25},
                      aggregation="sum", price_basis="current"),
             ]),
        _ind("TN", "Thu nhập bình quân đầu người", "triệu đồng", "level", "higher", "đạt 80 triệu đồng",
             {2020: 55, 2025: 82}),
        _ind("NS", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "flow", "higher", "tăng 8%/năm",
             {2020: 20, 2025: 24.5}, aggregation="sum", price_basis="current"),
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 1%", {2020: 2.4, 2025: 0.8},
             domain="van_hoa_xa_hoi"),
    ],
    "next_plan": {"period": "2025-2030", "targets": [
        {"domain": "kinh_te", "text": "Giá trị sản xuất các ngành kinh tế tăng bình quân 10-11%/năm",
         "target": "tăng bình quân 10-11%/năm"},
        {"domain": "kinh_te", "text": "Thu nhập bình quân đầu người đến năm 2030 đạt 130 triệu đồng",
         "target": "đến năm 2030: 130 triệu đồng"},
        {"domain": "kinh_te", "text": "Thu NSNN trên địa bàn tăng 15%/năm", "target": "tăng 15%/năm"},
        {"domain": "van_hoa_xa_hoi", "text": "Tỷ lệ hộ nghèo đến năm 2030 dưới 0,5%", "target": "dưới 0,5%"},
        {"domain": "van_hoa_xa_hoi", "text": "Giữ vững phường đạt chuẩn văn minh đô thị"},
    ]},
}


# --- the next term's targets table ---


def test_the_next_terms_targets_are_tabled_with_the_growth_they_imply_and_the_past_terms():
    doc = _doc(WARD)
    rows = _table(doc, "Năm 2025 (năm gốc)")
    assert rows[0] == ["STT", "CHỈ TIÊU", "ĐVT", "Năm 2025 (năm gốc)", "Chỉ tiêu 2026-2030",
                       "Cần đạt bình quân 2026-2030", "Đã đạt bình quân giai đoạn 2021-2025", "Ghi chú"]
    body = {r[1]: r[2:] for r in rows[1:]}
    # 800 → 1.300 in five years is 10,20%/năm; 10-11%/năm asks for about as much
    assert body["Giá trị sản xuất các ngành kinh tế"] == ["Tỷ đồng", "1.300", "10-11%/năm", "10-11%/năm",
                                                        "10,2%/năm", ""]
    # (130 / 82)^(1/5) − 1 = 9,65%/năm, against 55 → 82: 8,32%/năm
    assert body["Thu nhập bình quân đầu người"] == ["Triệu đồng", "82", "130 triệu đồng", "9,65%/năm", "8,32%/năm", ""]
    # 20 → 24,5 is 4,14%/năm: 15%/năm is far above it, and the note says so
    assert body["Thu ngân sách nhà nước trên địa bàn"] == [
        "Tỷ đồng", "24,5", "15%/năm", "15%/năm", "4,14%/năm",
        "Cao hơn nhiều mức bình quân giai đoạn 2021-2025 (4,14%/năm): cần giải pháp đột phá"]
    # a rate: points per year, (0,5 − 0,8)/5 = −0,06 against (0,8 − 2,4)/5 = −0,32
    assert body["Tỷ lệ hộ nghèo"] == ["%", "0,8", "dưới 0,5%", "-0,06 điểm %/năm", "-0,32 điểm %/năm", ""]
    assert len(rows) == 5  # the qualitative standard names no indicator of the plan: no row
    texts = _texts(doc)
    assert ("Mức tăng bình quân mỗi năm cần đạt để thực hiện các chỉ tiêu, so với mức đã đạt giai đoạn 2021-2025, "
            "tại Phụ lục 2 kèm theo.") in texts
    assert texts[texts.index("Phụ lục 2") + 1] == "DỰ KIẾN CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030"


def test_a_target_far_below_the_past_terms_pace_is_noted_too():
    data = dict(WARD, next_plan={"period": "2025-2030", "targets": [
        {"domain": "kinh_te", "text": "Giá trị sản xuất các ngành kinh tế tăng 3-4%/năm", "target": "tăng 3-4%/năm"}]})
    rows = _table(_doc(data), "Năm 2025 (năm gốc)")
    assert rows[1][-1] == "Thấp hơn nhiều mức bình quân giai đoạn 2021-2025 (10,2%/năm): cân nhắc nâng chỉ tiêu"


def test_an_annual_report_tables_next_years_targets_against_this_years_growth():
    data = {
        "unit": {"name": "Phường 2", "parent": "Thị xã Quảng Trị"},
        "period": "2024-2025",
        "source": "Nghị quyết HĐND phường về kế hoạch năm 2025",
        "indicators": [_ind("TT", "Tổng thu ngân sách", "tỷ đồng", "flow", "higher", "đạt 20 tỷ đồng",
                            {2024: 18, 2025: {"value": 21.5, "status": "uoc"}}, aggregation="sum",
                            price_basis="current")],
        "next_plan": {"period": "2025-2026", "targets": [
            {"domain": "kinh_te", "text": "Tổng thu ngân sách 23 tỷ đồng", "target": "23 tỷ đồng"}]},
    }
    doc = _doc(data, issued=date(2025, 12, 15))
    rows = _table(doc, "Năm 2025 (năm gốc)")
    assert rows[0][4:7] == ["Chỉ tiêu 2026", "Cần đạt năm 2026", "Đã đạt năm 2025"]
    # 21,5 → 23: 6,98%; 18 → 21,5: 19,44%
    assert rows[1][1:] == ["Tổng thu ngân sách", "Tỷ đồng", "Ước 21,5", "23 tỷ đồng", "6,98%/năm", "19,44%/năm",
                           "Thấp hơn nhiều mức bình quân năm 2025 (19,44%/năm): cân nhắc nâng chỉ tiêu"]
    # the annual table is Phụ lục 1, so the next year's targets are Phụ lục 2
    assert "Phụ lục 2" in _texts(doc)
    assert any(t.endswith("so với mức đã đạt năm 2025, tại Phụ lục 2 kèm theo.") for t in _texts(doc))


def test_a_next_target_is_matched_to_its_indicator_by_its_words_and_abbreviations():
    plan = plan_from_dict(WARD)
    by_text = {nt.text: match_item(nt, plan) for nt in plan.next_targets}
    assert by_text["Thu NSNN trên địa bàn tăng 15%/năm"].indicator.code == "NS"
    assert by_text["Giá trị sản xuất các ngành kinh tế tăng bình quân 10-11%/năm"].indicator.code == "GT"
    assert by_text["Giữ vững phường đạt chuẩn văn minh đô thị"] is None


# --- footnotes with breakdowns ---


def test_a_total_with_parts_gets_a_footnote_with_its_breakdown_from_the_data():
    doc = _doc(WARD)
    notes = footnote_texts(doc)
    # 845 + 430 + 25 = 1.300: shares 65%, 33,1%, 1,9%; 500 → 845 in five years is 11,07%/năm
    assert ("Trong đó (năm 2025): Thương mại - Dịch vụ đạt 845 tỷ đồng (chiếm 65%), tăng bình quân hàng năm 11,07%; "
            "Công nghiệp - Xây dựng đạt 430 tỷ đồng (chiếm 33,1%), tăng bình quân hàng năm 8,96%; "
            "Nông nghiệp đạt 25 tỷ đồng (chiếm 1,9%), tăng bình quân hàng năm 4,56%.") in notes
    sentence = next(p for p in doc.paragraphs if p.text.startswith("Giá trị sản xuất các ngành kinh tế năm 2025"))
    assert sentence._p.xpath(".//w:footnoteReference")  # the mark is on the total's own sentence
    others = [p for p in doc.paragraphs if p.text.startswith(("Thu nhập", "Tỷ lệ hộ nghèo"))]
    assert others and not any(p._p.xpath(".//w:footnoteReference") for p in others)  # no parts, no footnote


def test_a_part_that_is_not_a_breakdown_is_listed_without_a_share():
    doc = Document(io.BytesIO(open_example_report()))
    notes = footnote_texts(doc)
    # a part alone is not the whole: no share, but its growth (1.677 → 3.484: 115,75 in Phụ lục 1)
    assert "Trong đó (năm 2025): Doanh thu bán lẻ hàng hóa ước đạt 3.484 tỷ đồng, tăng bình quân hàng năm 15,75%." in notes
    assert ("Trong đó (năm 2025): Công nghiệp ước đạt 735 tỷ đồng (chiếm 77,9%), tăng bình quân hàng năm 6,52%; "
            "Xây dựng ước đạt 209 tỷ đồng (chiếm 22,1%), tăng bình quân hàng năm 5,49%.") in notes


def open_example_report() -> bytes:
    from pathlib import Path

    from chitieu.planfile import load_plan

    example = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"
    return report_bytes(load_plan(example), issued=date(2026, 1, 5))


# --- the mid-term projection column ---

MID = {
    "unit": {"name": "Phường Trần Phú", "parent": "Thành phố Hà Tĩnh"},
    "period": "2020-2025",
    "source": "Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2020-2025",
    "as_of": 2023,
    "indicators": [
        _ind("TM", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "flow", "higher", "tăng 15-17%/năm",
             {2020: 1000, 2021: 1120, 2022: 1250, 2023: 1400}, aggregation="sum", price_basis="current"),
        _ind("TN", "Thu nhập bình quân đầu người", "triệu đồng", "level", "higher", "đạt 70 triệu đồng",
             {2020: 50, 2023: 60}),
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 1%", {2020: 2.5, 2023: 1.6},
             domain="van_hoa_xa_hoi"),
    ],
}


def test_the_mid_term_appendix_projects_each_indicator_to_the_terms_end():
    doc = _doc(MID, issued=date(2023, 12, 15))
    rows = _table(doc, "Chỉ tiêu Nghị quyết")
    assert rows[1][-2:] == ["Dự báo năm 2025", "Đánh giá"]
    body = {r[1]: r for r in rows[2:]}
    # 1.000 → 1.400 in 3 years is 11,87%/năm: 1.400 × (1.400/1.000)^(2/3) = 1.752,1 — printed as the row prints
    assert body["Tổng mức bán lẻ hàng hóa"][-2:] == ["1.752", "Chưa đạt tiến độ"]
    # 50 → 60: 60 × (60/50)^(2/3) = 67,8 (the row's values are whole: printed whole, 68 < 70)
    assert body["Thu nhập bình quân đầu người"][-2:] == ["68", "Chưa đạt tiến độ"]
    # a rate follows a straight line: 1,6 − 0,3 × 2 = 1,0, not under 1%
    assert body["Tỷ lệ hộ nghèo"][-2:] == ["1", "Chưa đạt tiến độ"]
    note = next(t for t in _texts(doc) if t.startswith("Ghi chú: cột “So sánh”"))
    assert "Cột “Dự báo năm 2025” là giá trị ước đến cuối kỳ nếu giữ tốc độ bình quân đã đạt" in note
    # the spreadsheet has the column too, as a number
    ws = load_workbook(io.BytesIO(appendix_xlsx_bytes(build_report_data(
        plan_from_dict(MID)).appendix))).active
    header = [ws.cell(5, c).value for c in range(1, ws.max_column + 1)]  # merged over both header rows
    col = header.index("Dự báo năm 2025") + 1
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == "Tổng mức bán lẻ hàng hóa")
    assert round(ws.cell(row, col).value, 1) == 1752.1 and ws.cell(row, col).number_format == "#,##0"


def test_a_term_report_has_no_projection_column():
    rows = _table(_doc(dict(MID, as_of=2025), issued=date(2025, 12, 15)), "Chỉ tiêu Nghị quyết")
    assert not any(h.startswith("Dự báo") for h in rows[1])


# --- the previous term's column ---


def test_the_term_appendix_carries_the_previous_terms_average_growth_when_the_data_reaches_back():
    data = dict(MID, as_of=2025, indicators=[
        _ind("TM", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "flow", "higher", "tăng 15-17%/năm",
             {2015: 500, 2020: 1000, 2023: 1400, 2025: 2100}, aggregation="sum", price_basis="current"),
        _ind("TN", "Thu nhập bình quân đầu người", "triệu đồng", "level", "higher", "đạt 70 triệu đồng",
             {2020: 50, 2025: 72}),
    ])
    doc = _doc(data, issued=date(2025, 12, 15))
    rows = _table(doc, "Chỉ tiêu Nghị quyết")
    assert rows[1][7:10] == ["Giai đoạn 2016-2020 (nhiệm kỳ trước)", "Giai đoạn 2021-2023", "Giai đoạn 2021-2025"]
    body = {r[1]: r for r in rows[2:]}
    # 500 → 1.000 in 2016-2020: 114,87, the figure the sentence compares with
    assert body["Tổng mức bán lẻ hàng hóa"][7:10] == ["114,87", "111,87", "116,00"]
    assert body["Thu nhập bình quân đầu người"][7] == ""  # no value for 2015
    assert any(t.endswith("giai đoạn 2016-2020 tăng bình quân 14,87%/năm.") for t in _texts(doc))
    note = next(t for t in _texts(doc) if t.startswith("Ghi chú: cột “So sánh”"))
    assert "tính từ số liệu năm 2015 đến năm 2020" in note


def test_without_values_of_the_previous_term_there_is_no_such_column():
    rows = _table(_doc(dict(MID, as_of=2025), issued=date(2025, 12, 15)), "Chỉ tiêu Nghị quyết")
    assert not any("nhiệm kỳ trước" in h for h in rows[1])


# --- decimals: declared or not ---


def test_decimals_are_unset_by_default_and_a_declared_1_is_a_declared_1():
    base = {"code": "X", "name": "Tỷ lệ hộ cận nghèo", "unit": "%", "kind": "rate", "direction": "lower",
            "domain": "van_hoa_xa_hoi", "aggregation": "none"}
    assert Indicator(**base).decimals is None and Indicator(**base).places == DEFAULT_DECIMALS == 1
    assert Indicator(**base, decimals=1).decimals == 1 and Indicator(**base, decimals=1).declares_decimals
    with pytest.raises(IndicatorError):
        Indicator(**base, decimals=-1)
    values = {2020: 1.5, 2025: 0.58}
    unset = _ind("TN", "Tỷ lệ hộ cận nghèo", "%", "rate", "lower", "dưới 2%", values, domain="van_hoa_xa_hoi")
    declared = dict(unset, decimals=1)
    data = {"unit": {"name": "Phường 2"}, "period": "2020-2025", "source": "Nghị quyết", "as_of": 2025}
    as_entered = _texts(_doc(dict(data, indicators=[unset])))
    at_one = _texts(_doc(dict(data, indicators=[declared])))
    assert any(t.startswith("Tỷ lệ hộ cận nghèo năm 2025 còn 0,58%, giảm 0,92 điểm phần trăm") for t in as_entered)
    assert any(t.startswith("Tỷ lệ hộ cận nghèo năm 2025 còn 0,6%, giảm 0,9 điểm phần trăm") for t in at_one)


def test_a_plan_file_with_a_bad_decimals_is_refused_naming_the_indicator():
    bad = _ind("TN", "Tỷ lệ hộ cận nghèo", "%", "rate", "lower", "dưới 2%", {2020: 1.5}, decimals="hai")
    with pytest.raises(PlanFileError, match="TN"):
        plan_from_dict({"unit": {"name": "Phường 2"}, "period": "2020-2025", "indicators": [bad]})
