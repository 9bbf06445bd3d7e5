"""Issue 14, the variants offices write and what real reports carry: annual (TH năm N−1 | KH năm
N | ƯTH năm N | % KH | % cùng kỳ, next year's targets), mid-term (tiến độ, projection), term
(averages, multiples, the previous term), the town roll-up (a table per ward, combined by
``core.rollup`` through the wards' mergers), Phụ lục 2 (party building, seed 002) and the
appendix of calculations. Chosen from the plan and the date, or by ``--variant``.

Each test generates the DOCX (from Python or the ``chitieu report`` command) and reads it back."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml
from docx import Document

from chitieu.planfile import plan_from_dict
from chitieu.reports.document import report_bytes
from chitieu.reports.variants import Variant, choose_variant


def _ind(code, name, unit, kind, direction, target, values, **extra):
    out = {
        "code": code, "name": name, "unit": unit, "kind": kind, "direction": direction,
        "domain": extra.pop("domain", "kinh_te"), "aggregation": extra.pop("aggregation", "none"),
        "values": values, **extra,
    }
    if target:
        out["target"] = target
    return out


def _doc(plan, issued, **kwargs):
    return Document(io.BytesIO(report_bytes(plan, issued=issued, **kwargs)))


def _texts(doc):
    return [p.text for p in doc.paragraphs]


def _table(doc, first_header: str):
    for t in doc.tables:
        if t.rows[0].cells[min(3, len(t.columns) - 1)].text == first_header:
            return [[c.text for c in r.cells] for r in t.rows]
    raise AssertionError(f"no table headed {first_header}")


# --- annual ---

ANNUAL = {
    "unit": {"name": "Phường 2", "parent": "Thị xã Quảng Trị"},
    "period": "2024-2025",
    "source": "Nghị quyết của HĐND phường về kế hoạch phát triển kinh tế - xã hội năm 2025",
    "indicators": [
        _ind("TT", "Tổng thu ngân sách", "tỷ đồng", "flow", "higher", "đạt 20 tỷ đồng",
             {2024: 18, 2025: {"value": 21.5, "status": "uoc"}}, aggregation="sum", price_basis="current"),
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 1%", {2024: 1.2, 2025: {"value": 0.97, "status": "uoc"}},
             domain="van_hoa_xa_hoi"),
    ],
    "next_plan": {"period": "2025-2026", "targets": [{"domain": "kinh_te", "text": "Tổng thu ngân sách 23 tỷ đồng"}]},
}


def test_an_annual_plan_gives_the_annual_table_and_next_years_targets():
    plan = plan_from_dict(ANNUAL)
    assert choose_variant(plan, date(2025, 12, 15)) is Variant.ANNUAL
    doc = _doc(plan, date(2025, 12, 15))
    rows = _table(doc, "TH năm 2024")
    assert rows[0] == ["STT", "CHỈ TIÊU", "ĐVT", "TH năm 2024", "KH năm 2025", "ƯTH năm 2025", "% KH", "% cùng kỳ",
                       "Đánh giá"]
    body = {r[1]: r for r in rows}
    assert body["Tổng thu ngân sách"][3:] == ["18", "20", "21,5", "107,5", "119,44", "Vượt"]
    assert body["Tỷ lệ hộ nghèo"][3:] == ["1,2", "dưới 1%", "0,97", "", "", "Đạt"]
    texts = _texts(doc)
    assert texts[texts.index("Phụ lục 1") + 1] == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU NĂM 2025"
    assert ("Tổng thu ngân sách năm 2025 ước đạt 21,5 tỷ đồng, tăng 3,5 tỷ đồng so với năm 2024, bằng 107,5% chỉ tiêu "
            "Nghị quyết HĐND, vượt chỉ tiêu Nghị quyết HĐND (20 tỷ đồng).") in texts
    assert "KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2026" in texts
    assert "(1) Tổng thu ngân sách 23 tỷ đồng." in texts


# --- mid-term ---

MID = {
    "unit": {"name": "Phường Trần Phú", "parent": "Thành phố Hà Tĩnh"},
    "period": "2020-2025",
    "source": "Nghị quyết Đại hội Đảng bộ phường nhiệm kỳ 2020-2025",
    "as_of": 2023,
    "indicators": [
        _ind("TM", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "flow", "higher", "tăng 15-17%/năm",
             {2020: 1000, 2021: 1120, 2022: 1250, 2023: 1400}, aggregation="sum", price_basis="current"),
        _ind("HN", "Tỷ lệ hộ nghèo", "%", "rate", "lower", "dưới 1%", {2020: 2.5, 2023: 1.6},
             domain="van_hoa_xa_hoi"),
    ],
}


def test_a_mid_term_report_says_tien_do_with_the_projection_to_the_terms_end():
    plan = plan_from_dict(MID)
    assert choose_variant(plan, date(2023, 12, 15)) is Variant.MID_TERM
    texts = _texts(_doc(plan, date(2023, 12, 15)))
    assert texts[texts.index("BÁO CÁO") + 1] == (
        "Đánh giá giữa kỳ kết quả thực hiện kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025")
    assert ("ĐÁNH GIÁ GIỮA KỲ KẾT QUẢ THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI 5 NĂM 2021-2025 "
            "(GIAI ĐOẠN 2021-2023)") in texts
    assert ("Tổng mức bán lẻ hàng hóa năm 2023 đạt 1.400 tỷ đồng, tăng bình quân 11,87%/năm giai đoạn 2021-2023, "
            "chưa đạt tiến độ thực hiện chỉ tiêu Nghị quyết (15-17%/năm); theo tốc độ hiện nay (tăng 11,87%/năm), "
            "cần tăng 19,86%/năm trong 2 năm còn lại để đạt 15%/năm: có nguy cơ không đạt.") in texts
    assert any(t.startswith("Trong tổng số 2 chỉ tiêu") and "0/2 chỉ tiêu đạt tiến độ Nghị quyết" in t for t in texts)
    assert "Có 2/2 chỉ tiêu chưa đạt tiến độ Nghị quyết:" in texts
    assert "Biểu đồ 1. Tốc độ tăng bình quân giai đoạn 2021-2023 so với chỉ tiêu Nghị quyết" in texts


# --- term ---


def test_a_term_report_compares_with_the_previous_term_when_the_values_reach_back():
    data = dict(MID, as_of=2025, indicators=[
        _ind("TM", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "flow", "higher", "tăng 15-17%/năm",
             {2015: 500, 2020: 1000, 2023: 1400, 2025: 2100}, aggregation="sum", price_basis="current")])
    plan = plan_from_dict(data)
    assert choose_variant(plan, date(2025, 12, 15)) is Variant.TERM
    texts = _texts(_doc(plan, date(2025, 12, 15)))
    assert ("Tổng mức bán lẻ hàng hóa năm 2025 đạt 2.100 tỷ đồng, tăng bình quân 16,00%/năm giai đoạn 2021-2025, "
            "đạt chỉ tiêu Nghị quyết (15-17%/năm); giai đoạn 2016-2020 tăng bình quân 14,87%/năm.") in texts


def test_the_report_date_before_the_final_year_makes_it_mid_term():
    plan = plan_from_dict(dict(MID, as_of=None))
    assert choose_variant(plan, date(2023, 6, 30)) is Variant.MID_TERM
    assert choose_variant(plan_from_dict(dict(MID, as_of=2025)), date(2025, 12, 1)) is Variant.TERM


# --- town roll-up ---


def _town_items(values):
    return [
        _ind("TT", "Tổng thu ngân sách", "tỷ đồng", "flow", "higher", "tăng 8-9%/năm", values.get("TT", {}),
             aggregation="sum", price_basis="current"),
        _ind("SHN", "Số hộ nghèo", "hộ", "count", "lower", "dưới 60 hộ", values.get("SHN", {}), aggregation="sum"),
        _ind("GT", "Tốc độ tăng trưởng", "%", "growth_rate", "higher", "tăng trưởng bình quân thời kỳ 10%",
             values.get("GT", {})),
    ]


TOWN = {"unit": {"name": "Thị xã Quảng Trị", "level": "thi_xa", "parent": "Tỉnh Quảng Trị"}, "period": "2020-2025",
        "source": "Nghị quyết Đại hội Đảng bộ thị xã lần thứ VII", "as_of": 2025, "indicators": _town_items({})}
WARD1 = {"unit": {"name": "Phường 1"}, "period": "2020-2025",
         "indicators": _town_items({"TT": {2020: 40, 2025: 60}, "SHN": {2020: 30, 2025: 20}})}
# Phường 2 was formed on 1/7/2025 from two former units: its 2020 values are theirs, combined
WARD2 = {"unit": {"name": "Phường 2"}, "period": "2020-2025",
         "indicators": _town_items({"TT": {2025: 50}, "SHN": {2025: 25}}),
         "merger": {"date": "2025-07-01", "predecessors": [
             {"name": "Phường 3 (cũ)", "values": {"TT": {2020: 20}, "SHN": {2020: 15}}},
             {"name": "Xã Hải Lệ (cũ)", "values": {"TT": {2020: 15}, "SHN": {2020: 25}}}]}}


def test_the_town_report_has_a_table_per_ward_and_the_roll_up_through_the_merger():
    town, wards = plan_from_dict(TOWN), (plan_from_dict(WARD1), plan_from_dict(WARD2))
    assert choose_variant(town, date(2025, 12, 15), wards=wards) is Variant.TOWN
    doc = _doc(town, date(2025, 12, 15), wards=wards)
    rows = _table(doc, "Phường 1")
    assert rows[0] == ["STT", "CHỈ TIÊU", "ĐVT", "Phường 1", "Phường 2", "Toàn thị xã"]
    assert rows[1][1:] == ["Tổng thu ngân sách", "Tỷ đồng", "60", "50", "110"]
    assert rows[2][1:] == ["Số hộ nghèo", "Hộ", "20", "25", "45"]
    assert rows[3][1:] == ["Tốc độ tăng trưởng", "%", "", "", ""]  # a growth rate is not added up
    texts = _texts(doc)
    # the town's 2020 = Phường 1 (40) + Phường 3 cũ (20) + Hải Lệ cũ (15) = 75 → 110 in 2025
    assert ("Tổng thu ngân sách năm 2025 đạt 110 tỷ đồng, tăng bình quân 7,96%/năm giai đoạn 2021-2025, "
            "không đạt chỉ tiêu Nghị quyết (8-9%/năm).") in texts
    assert any("Không tổng hợp được: Tốc độ tăng trưởng" in t for t in texts)
    assert "Kết quả thực hiện các chỉ tiêu chủ yếu năm 2025 của từng đơn vị (2 đơn vị) tại Phụ lục 2 kèm theo." in texts
    assert texts[texts.index("Phụ lục 2") + 1] == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU THEO TỪNG ĐƠN VỊ NĂM 2025"


# --- Phụ lục 2 and the calculations ---

PARTY = {
    "unit": {"name": "Thị xã Quảng Trị", "level": "thi_xa", "parent": "Tỉnh Quảng Trị"},
    "period": "2020-2025",
    "source": "Nghị quyết Đại hội Đảng bộ thị xã lần thứ VII, nhiệm kỳ 2020 - 2025",
    "as_of": 2025,
    "indicators": [
        _ind("KT01", "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "flow", "higher", "tăng 17-19%/năm",
             {2020: 2796, 2025: {"value": 6150, "status": "uoc"}}, aggregation="sum", price_basis="current"),
        _ind("PAR", "Chỉ số cải cách hành chính (PAR INDEX)", "điểm", "level", "higher", "trên 80 điểm",
             {2021: 84.45, 2022: 87.27, 2023: 85.1, 2024: 86.0, 2025: {"value": 86.5, "status": "uoc"}},
             domain="xay_dung_dang"),
        _ind("TCCS", "Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ", "%", "rate", "higher", "hằng năm từ 85% trở lên",
             {2021: 88.6, 2022: 90.1, 2023: 89.0, 2024: 91.3, 2025: {"value": 90, "status": "uoc"}},
             domain="xay_dung_dang"),
        _ind("KN", "Số đảng viên kết nạp", "đảng viên", "count", "higher", "hằng năm kết nạp 90 đảng viên",
             {2021: 95, 2022: 101, 2023: 88, 2024: 120, 2025: {"value": 100, "status": "uoc"}},
             domain="xay_dung_dang", aggregation="sum"),
    ],
}


def test_phu_luc_2_carries_the_party_building_indicators_per_year_and_the_terms_total():
    doc = _doc(plan_from_dict(PARTY), date(2025, 12, 15))
    texts = _texts(doc)
    assert texts[texts.index("Phụ lục 2") + 1] == (
        "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ")
    rows = _table(doc, "Chỉ tiêu NQ")
    assert rows[0][4:] == ["Thực hiện năm 2020", "Thực hiện năm 2021", "Thực hiện năm 2022", "Thực hiện năm 2023",
                           "Thực hiện năm 2024", "Ước thực hiện năm 2025", "Thực hiện 2021-2025",
                           "So sánh với chỉ tiêu NQ"]
    body = {r[1]: r for r in rows[1:]}
    assert body["Chỉ số cải cách hành chính (PAR INDEX)"][5:10] == ["84,45", "87,27", "85,1", "86", "86,5"]
    assert body["Số đảng viên kết nạp"][-2:] == ["504", "Không đạt"]  # 2023's 88 < 90
    assert body["Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ"][-1] == "Đạt"
    # Phụ lục 1 keeps the economy; the party-building rows are Phụ lục 2's
    p1 = _table(doc, "Chỉ tiêu Nghị quyết")
    assert not any("PAR INDEX" in r[1] for r in p1)


def test_the_calculations_appendix_gives_inputs_formula_status_approval_and_cut_off():
    doc = _doc(plan_from_dict(PARTY), date(2025, 12, 15), unapproved=frozenset({("KT01", 2025)}))
    rows = _table(doc, "Số liệu đầu vào")
    assert rows[0] == ["STT", "Chỉ tiêu", "Số liệu", "Số liệu đầu vào", "Công thức", "Kết quả", "Loại số liệu",
                       "Phê duyệt", "Số liệu đến ngày"]
    first = rows[1]
    assert first[1] == "Tổng mức bán lẻ hàng hóa"
    assert first[3] == "V0 = 2796; Vn = 6150; n = 5" or first[3] == "V0 = 2.796; Vn = 6.150; n = 5"
    assert first[5] == "17,08%"
    assert first[6:] == ["Ước thực hiện", "chưa duyệt", "31/12/2025"]
    texts = _texts(doc)
    assert texts[texts.index("CÁCH TÍNH CÁC SỐ LIỆU TRONG BÁO CÁO") - 1] == "Phụ lục 3"


# --- from the command line ---


def _write(tmp_path: Path, name: str, data: dict) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chitieu.cli", "report", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.slow
def test_the_command_writes_the_town_roll_up_and_the_chosen_variant(tmp_path):
    town, w1, w2 = (_write(tmp_path, n, d) for n, d in (("town.yaml", TOWN), ("w1.yaml", WARD1), ("w2.yaml", WARD2)))
    out = tmp_path / "town.docx"
    done = _cli(town, "-o", out, "--date", "2025-12-15", "--variant", "town", "--ward", w1, "--ward", w2)
    assert done.returncode == 0, done.stderr
    doc = Document(out)
    assert _table(doc, "Phường 1")[1][-1] == "110"
    refused = _cli(town, "-o", tmp_path / "x.docx", "--variant", "town")
    assert refused.returncode == 1 and "--ward" in refused.stderr
    mid = _write(tmp_path, "mid.yaml", MID)
    out = tmp_path / "mid.docx"
    done = _cli(mid, "-o", out, "--date", "2025-12-15", "--variant", "term",
                "--target-source", "TM=Kế hoạch giao tại Quyết định số 05/QĐ-UBND")
    assert done.returncode == 0, done.stderr
    texts = _texts(Document(out))
    assert any("chưa đạt tiến độ thực hiện kế hoạch giao (15-17%/năm)" in t for t in texts)
    bad = _cli(mid, "-o", tmp_path / "y.docx", "--target-source", "TM")
    assert bad.returncode == 1 and "MÃ=VĂN BẢN" in bad.stderr
