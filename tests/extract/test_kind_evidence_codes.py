"""A statement keeps the evidence its kind was decided on (issue 12), and its value as core's Bound.

Each test reads a few lines written as commune and ward reports write them, and names the
evidence the reader must record: the clause's plan or report words, a heading, a list announced
("đề ra các chỉ tiêu chủ yếu:"), the year against the document's own date, a range of a yearly
rate, a table column, or nothing at all. The evidence stays out of the contract's JSON.
"""

from __future__ import annotations

import json

from chitieu.core.targets import Bound, Op
from chitieu.extract import extract
from chitieu.extract.document import Document
from chitieu.extract.export import to_json
from chitieu.extract.extractor import KIND_EVIDENCE
from seeds import SEED_000, need_seeds


def _read(*lines: str):
    return extract(Document("t.txt", "txt", lines))


def _why(*lines: str):
    return [(s.kind, s.kind_evidence, s.low if s.low is not None else s.high) for s in _read(*lines)]


def test_plan_verbs_in_the_clause_make_a_target():
    assert _why("Xã Tân Phú phấn đấu tốc độ tăng trưởng kinh tế đạt trên 10% năm 2026.") == [
        ("target", "plan_words", 10),
    ]


def test_a_floor_to_reach_is_plan_wording():
    assert _why("Tỷ lệ lao động qua đào tạo đạt 70% trở lên.") == [("target", "plan_words", 70)]


def test_report_verbs_in_the_clause_make_a_result():
    assert _why("Tổng thu ngân sách trên địa bàn ước đạt 25,6 tỷ đồng, tăng 8% so với cùng kỳ.") == [
        ("result", "report_words", 25.6),
        ("result", "report_words", 8),
    ]


def test_a_heading_of_targets_or_of_results_gives_the_kind():
    plan = _why(
        "II. MỤC TIÊU, NHIỆM VỤ NĂM 2026",
        "1. Các chỉ tiêu kinh tế",
        "- Tỷ lệ hộ nghèo giảm còn dưới 1,5%.",
        "- Tỷ lệ tham gia bảo hiểm y tế đạt 95%.",
    )
    assert plan == [("target", "heading", 1.5), ("target", "heading", 95)]
    report = _read(
        "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025",
        "- Tỷ lệ hộ nghèo còn 2,1%.",
        "- Giữ vững xã đạt chuẩn quốc gia về y tế.",
    )
    assert [(s.kind, s.kind_evidence, s.op) for s in report] == [
        ("result", "heading", "="),
        ("result", "heading", "qualitative"),
    ]


def test_an_estimate_in_a_plan_section_is_a_result_by_its_own_words():
    got = _why("II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", "- Năm 2025 thu ngân sách ước đạt 25,6 tỷ đồng.")
    assert got == [("result", "report_words", 25.6)]


def test_the_items_of_a_list_of_targets_are_targets_by_the_list():
    got = _why(
        "Đại hội đề ra các chỉ tiêu chủ yếu: tốc độ tăng trưởng kinh tế bình quân 8%/năm; "
        "thu nhập bình quân đầu người đạt 95 triệu đồng.",
        "- Tỷ lệ hộ nghèo còn dưới 1%.",  # the list goes on in the next paragraph
    )
    assert got == [("target", "list", 8), ("target", "list", 95), ("target", "list", 1)]


def test_the_year_against_the_documents_date_gives_the_kind():
    got = _why(
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "",
        "An Bình, ngày 15 tháng 12 năm 2025",
        "",
        "Tình hình giáo dục trên địa bàn xã tiếp tục chuyển biến.",
        "",
        "Tỷ lệ trẻ em trong độ tuổi đi học đạt 99% năm 2026.",
        "",
        "Tỷ lệ hộ dân sử dụng nước sạch năm 2024 đạt 97,5%.",
    )
    assert got == [("target", "document_date", 99), ("result", "document_date", 97.5)]


def test_a_range_of_a_yearly_rate_is_planned():
    assert _why("Tổng mức bán lẻ hàng hóa tăng 19-21%/năm.") == [("target", "yearly_range", 19)]


def test_a_table_column_gives_the_kind():
    got = _why(
        "| Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |",
        "|---|---|---|---|",
        "| Tỷ lệ hộ nghèo | % | 2,5 | 2,1 |",
        "| Thu ngân sách | tỷ đồng | 20 | 25,6 |",
    )
    # (next year's plan beside this year's estimate: a target of its own)
    assert got == [
        ("target", "table_column", 2.1),
        ("result", "table_column", 2.5),
        ("target", "table_column", 25.6),
        ("result", "table_column", 20),
    ]


def test_a_sentence_that_says_nothing_is_a_result_by_default():
    assert _why("Tỷ lệ hộ nghèo còn 2,1%.") == [("result", "default", 2.1)]


def test_every_statement_of_a_seed_report_names_known_evidence():
    need_seeds()
    lines = tuple(SEED_000.read_text(encoding="utf-8").splitlines())
    got = extract(Document(SEED_000.name, "txt", lines))
    codes = {s.kind_evidence for s in got}
    assert codes <= set(KIND_EVIDENCE) and {"heading", "plan_words"} <= codes, codes


def test_the_value_is_cores_bound():
    rate, floor, kept = _read(
        "Tổng mức bán lẻ hàng hóa tăng 19-21%/năm.",
        "Tỷ lệ lao động qua đào tạo đạt 70% trở lên.",
        "Giữ vững xã đạt chuẩn quốc gia về y tế.",
    )
    assert rate.bound == Bound(Op.RANGE, 19, 21)
    assert floor.bound == Bound(Op.GE, 70, None)
    assert kept.op == "qualitative" and kept.bound is None


def test_the_evidence_stays_out_of_the_contracts_json():
    doc = Document("t.txt", "txt", ("Tổng mức bán lẻ hàng hóa tăng 19-21%/năm.",))
    (one,) = json.loads(to_json(doc, extract(doc)))["statements"]
    assert set(one) == {"kind", "indicator", "domain", "value", "unit", "per_year", "year", "period",
                        "compared_target", "stated_status", "line", "quote"}
