"""The sentences a chairman signs without edits (issue 14, items 1, 3, 4, 9, 10): a fall reads
as a fall, in percentage points for a rate; the verb follows the indicator's direction and kind
("còn", "giảm còn", "chiếm"; never "Tỷ lệ hộ nghèo … đạt 0,9%"); yes/no indicators in words;
an annual plan never reads "1 năm" or "2025-2025"; the next period is counted as the current
one; indicators without data are one line, and only those judged are counted.

Every test generates the DOCX, reads it back with python-docx and asserts the exact sentence."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from openpyxl import load_workbook
from tests.reports.conftest import appendix_table

from chitieu.planfile import plan_from_dict
from chitieu.reports.data import build_report_data
from chitieu.reports.document import report_bytes
from chitieu.reports.wording import next_period_years, plan_period_phrase
from chitieu.reports.xlsx import appendix_xlsx_bytes


def _ind(code, name, unit, kind, direction, target, values, **extra):
    return {
        "code": code, "name": name, "unit": unit, "kind": kind, "direction": direction,
        "domain": extra.pop("domain", "van_hoa_xa_hoi"), "aggregation": extra.pop("aggregation", "none"),
        "target": target, "values": values, **extra,
    }


# Phường 2's 2016-2020 plan as seed 000 reports it (poverty 6,5% → 2,1% against "giảm 1%/năm",
# 34 → 13 poor households, malnutrition 6,8% against "dưới 6%", the civilised-ward standard not
# reached), with two indicators the ward has no data for.
WARD = {
    "unit": {"name": "Phường 2", "level": "phuong", "parent": "Thị xã Quảng Trị"},
    "period": "2015-2020",
    "source": "Nghị quyết Đại hội Đảng bộ Phường 2 nhiệm kỳ 2015-2020",
    "indicators": [
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "giảm 1%/năm", {2015: 6.5, 2020: 2.1}),
        _ind("SHN", "Số hộ nghèo", "hộ", "count", "lower", "dưới 20 hộ", {2015: 34, 2020: 13}),
        _ind("SDD", "Tỷ lệ trẻ em suy dinh dưỡng dưới 5 tuổi", "%", "rate", "lower", "dưới 6%",
             {2015: 9.0, 2020: 6.8}),
        _ind("SC3", "Tỷ lệ sinh con thứ 3 trở lên", "%", "rate", "lower", "dưới 11%", {2015: 12.0, 2020: 16.9}),
        _ind("VM", "Phường đạt chuẩn văn minh đô thị", None, "boolean", "higher", "đạt chuẩn văn minh đô thị",
             {2015: 0, 2020: 0}),
        _ind("YT", "Phường đạt chuẩn quốc gia về y tế", None, "boolean", "keep",
             "Giữ vững chuẩn quốc gia về y tế", {2015: 1, 2020: 1}),
        _ind("TM", "Tỷ trọng ngành Thương mại - Dịch vụ", "%", "share", "higher", "70%",
             {2015: 66.0, 2020: 71.0}, domain="kinh_te", aggregation="ratio", numerator="TMN", denominator="GT"),
        _ind("DN", "Số doanh nghiệp hoạt động", "doanh nghiệp", "count", "higher", "50 doanh nghiệp", {},
             domain="kinh_te", aggregation="sum"),
        _ind("PX", "Phổ cập giáo dục", "%", "rate", "higher", "Duy trì 100%", {}),
    ],
    "next_plan": {"period": "2021-2025", "targets": [{"domain": "kinh_te", "text": "Thu nhập 85 triệu đồng"}]},
}


def _docx(data: dict, **kwargs) -> Document:
    plan = plan_from_dict(data)
    return Document(io.BytesIO(report_bytes(plan, issued=date(2020, 12, 9), **kwargs)))


def _texts(doc) -> list[str]:
    return [p.text for p in doc.paragraphs]


def test_a_fall_of_a_rate_reads_as_a_fall_in_percentage_points_with_the_verb_con():
    texts = _texts(_docx(WARD))
    assert (
        "Tỷ lệ hộ nghèo năm 2020 còn 2,1%, giảm 4,4 điểm phần trăm so với năm 2015, "
        "không đạt chỉ tiêu Nghị quyết (giảm 1%/năm)." in texts
    )
    assert not any("tăng 4,4" in t or "Tỷ lệ hộ nghèo năm 2020 đạt" in t for t in texts)


def test_lower_is_better_counts_and_rates_say_con_and_a_rise_is_not_an_achievement():
    texts = _texts(_docx(WARD))
    assert (
        "Số hộ nghèo năm 2020 còn 13 hộ, giảm 21 hộ so với năm 2015, đạt chỉ tiêu Nghị quyết (dưới 20 hộ)." in texts
    )
    assert (
        "Tỷ lệ trẻ em suy dinh dưỡng dưới 5 tuổi năm 2020 còn 6,8%, giảm 2,2 điểm phần trăm so với năm 2015, "
        "không đạt chỉ tiêu Nghị quyết (dưới 6%)." in texts
    )
    # the trap: a lower-is-better rate that rose is neither "đạt" nor "còn"
    assert (
        "Tỷ lệ sinh con thứ 3 trở lên năm 2020 là 16,9%, tăng 4,9 điểm phần trăm so với năm 2015, "
        "không đạt chỉ tiêu Nghị quyết (dưới 11%)." in texts
    )


def test_a_share_chiem_and_what_should_grow_still_dat():
    texts = _texts(_docx(WARD))
    assert (
        "Tỷ trọng ngành Thương mại - Dịch vụ năm 2020 chiếm 71%, tăng 5 điểm phần trăm so với năm 2015, "
        "vượt chỉ tiêu Nghị quyết (70%)." in texts
    )


def test_giam_con_when_the_sentence_does_not_quantify_the_fall():
    plan = plan_from_dict({
        "unit": "Phường 2", "period": "2020-2025",
        "indicators": [
            _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", None, {2020: 1.8, 2025: {"value": 0.9, "status": "uoc"}}),
        ],
    })
    data = build_report_data(plan)
    assert data.sections[0].sentences == ("Tỷ lệ hộ nghèo năm 2025 ước giảm còn 0,9%.",)


def test_yes_no_indicators_are_words_in_the_sentence_the_appendix_and_the_spreadsheet():
    doc = _docx(WARD)
    texts = _texts(doc)
    assert (
        "Phường đạt chuẩn văn minh đô thị: năm 2020 chưa đạt chuẩn, "
        "không đạt chỉ tiêu Nghị quyết (đạt chuẩn văn minh đô thị)." in texts
    )
    assert (
        "Phường đạt chuẩn quốc gia về y tế: năm 2020 đạt chuẩn, "
        "đạt chỉ tiêu Nghị quyết (giữ vững chuẩn quốc gia về y tế)." in texts  # no capital mid-sentence (item 10)
    )
    assert not any(t.endswith(("đạt 0", "đạt 1")) or " đạt 0," in t or " đạt 1," in t for t in texts)
    rows = {r.cells[1].text: [c.text for c in r.cells] for r in appendix_table(doc).rows}
    assert rows["Phường đạt chuẩn văn minh đô thị"][4:6] == ["Chưa đạt chuẩn", "Chưa đạt chuẩn"]
    assert rows["Phường đạt chuẩn quốc gia về y tế"][4:6] == ["Đạt chuẩn", "Đạt chuẩn"]
    sheet = load_workbook(io.BytesIO(appendix_xlsx_bytes(build_report_data(plan_from_dict(WARD)).appendix))).active
    by_name = {row[1]: row for row in sheet.iter_rows(values_only=True)}
    assert by_name["Phường đạt chuẩn quốc gia về y tế"][4:6] == ("Đạt chuẩn", "Đạt chuẩn")


def test_indicators_without_data_are_one_line_and_are_not_counted_as_judged():
    texts = _texts(_docx(WARD))
    i = texts.index(
        "Trong tổng số 7 chỉ tiêu chủ yếu của kế hoạch giai đoạn 2016-2020 được đánh giá, có 3/7 chỉ tiêu "
        "đạt và vượt Nghị quyết (chi tiết tại Phụ lục 1 kèm theo)."
    )
    # one line, names mid-sentence in lower case, no quoted target with a capital
    assert texts[i + 1] == "Chưa đủ số liệu để đánh giá 2 chỉ tiêu: số doanh nghiệp hoạt động; phổ cập giáo dục."
    assert sum("chưa đủ số liệu" in t.lower() for t in texts) == 1
    assert not any(t.startswith(("Số doanh nghiệp hoạt động:", "Phổ cập giáo dục:")) for t in texts)
    assert "Có 4/7 chỉ tiêu không đạt Nghị quyết:" in texts


def test_an_abbreviation_keeps_its_capitals_in_the_missing_data_line():
    plan = plan_from_dict({
        "unit": "Phường 2", "period": "2020-2025",
        "indicators": [_ind("PAR", "PAR INDEX của phường", "điểm", "level", "higher", "80 điểm", {})],
    })
    assert build_report_data(plan).missing_line == "Chưa đủ số liệu để đánh giá 1 chỉ tiêu: PAR INDEX của phường."


def test_the_next_period_is_counted_as_the_current_one():
    texts = _texts(_docx(WARD))
    subject = texts[texts.index("BÁO CÁO") + 1]
    # "2021-2025" starts after the current final year: it already is the printed period
    assert subject == (
        "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2016-2020 "
        "và kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025"
    )
    assert "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2021-2025" in texts
    assert next_period_years(2025, "2025-2030") == (2026, 2030)  # base year - final year, as `period`
    assert next_period_years(2025, "2026-2030") == (2026, 2030)
    assert next_period_years(2025, "2025 – 2026") == (2026, 2026)
    assert next_period_years(2025, "2026") == (2026, 2026)
    assert plan_period_phrase(2026, 2030) == "5 năm 2026-2030"
    assert plan_period_phrase(2026, 2026) == "năm 2026"


ANNUAL = {
    "unit": {"name": "Phường 2", "level": "phuong"},
    "period": "2015-2016",
    "source": "Kế hoạch phát triển kinh tế - xã hội năm 2016",
    "indicators": [
        _ind("TM", "Giá trị sản xuất ngành Thương mại - Dịch vụ", "tỷ đồng", "flow", "higher", "tăng 19-21%/năm",
             {2015: 150.0, 2016: 180.0}, domain="kinh_te", aggregation="sum", price_basis="current"),
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 2%", {2015: 2.5, 2016: 1.9}),
    ],
    "next_plan": {"period": "2016-2017", "targets": [{"domain": "kinh_te", "text": "Thu nhập 50 triệu đồng"}]},
}


def test_an_annual_plan_reads_nam_2016_never_1_nam_or_2016_2016():
    doc = _docx(ANNUAL)
    texts = _texts(doc)
    subject = texts[texts.index("BÁO CÁO") + 1]
    assert subject == (
        "Kết quả thực hiện kế hoạch phát triển kinh tế - xã hội năm 2016 "
        "và kế hoạch phát triển kinh tế - xã hội năm 2017"
    )
    assert "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2016" in texts
    assert "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2017" in texts
    assert (
        "Giá trị sản xuất ngành Thương mại - Dịch vụ năm 2016 đạt 180 tỷ đồng, tăng 20,00% so với năm 2015, "
        "đạt chỉ tiêu kế hoạch (19-21%/năm)." in texts
    )
    assert texts[texts.index("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU") + 1].startswith(
        "Trong tổng số 2 chỉ tiêu chủ yếu của kế hoạch năm 2016 được đánh giá"
    )
    # the annual variant's Phụ lục 1: TH năm N−1 | KH năm N | TH năm N | % KH | % cùng kỳ
    header = [c.text for c in appendix_table(doc).rows[0].cells]
    assert header[3:8] == ["TH năm 2015", "KH năm 2016", "TH năm 2016", "% KH", "% cùng kỳ"]
    everything = "\n".join(texts + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "Biểu đồ 1. Tốc độ tăng năm 2016 so với chỉ tiêu kế hoạch" in texts
    for wrong in ("1 năm", "2016-2016", "2017-2017", "1 NĂM", "Giai đoạn 2016-2016", "giai đoạn 2016 "):
        assert wrong not in everything
