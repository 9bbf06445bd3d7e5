"""The review page says why each statement has its kind, from the evidence the reader recorded
where it decided it (issue 12): the clause's plan or report words, the heading, a list of
targets, the year against the document's date, a range of a yearly rate, a table column.
Import keeps the reader's evidence as it is, and proposes a target's phrase from its Bound.
"""

from __future__ import annotations

import io

from chitieu.web.imports.models import ExtractedStatement, ImportedReport

REPORT = "\n".join((
    "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
    "",
    "An Bình, ngày 15 tháng 12 năm 2025",
    "",
    "Tình hình giáo dục trên địa bàn xã tiếp tục chuyển biến.",
    "",
    "Tỷ lệ trẻ em trong độ tuổi đi học đạt 99% năm 2026.",
    "",
    "Tỷ lệ hộ dân sử dụng nước sạch năm 2024 đạt 97,5%.",
    "",
    "Tổng thu ngân sách trên địa bàn ước đạt 25,6 tỷ đồng, tăng 8% so với cùng kỳ.",
    "",
    "Xã phấn đấu tốc độ tăng trưởng kinh tế đạt trên 10%.",
    "",
    "Tổng mức bán lẻ hàng hóa tăng 19-21%/năm.",
    "",
    "Đại hội đề ra các chỉ tiêu chủ yếu: tốc độ tăng trưởng kinh tế bình quân 7,5%/năm; "
    "thu nhập bình quân đầu người đạt 90 triệu đồng.",
    "",
    "II. MỤC TIÊU, NHIỆM VỤ NĂM 2026",
    "",
    "- Tỷ lệ tham gia bảo hiểm y tế đạt 95%.",
)) + "\n"


def _report(client, unit) -> ImportedReport:
    f = io.BytesIO(REPORT.encode())
    f.name = "bao-cao-an-binh.txt"
    assert client.post(f"/units/{unit.pk}/reports/", {"file": f}).status_code == 302
    return ImportedReport.objects.get()


def _card(client, report, s: ExtractedStatement, **headers) -> str:
    response = client.get(f"/reports/{report.pk}/statements/{s.pk}/", HTTP_HX_REQUEST="true", **headers)
    assert response.status_code == 200
    return response.content.decode()


# (value, kind, evidence as stored, the words the Vietnamese card shows, the English card's)
EXPECTED = [
    (99, "target", "document_date", "năm so với ngày văn bản (sau: kế hoạch; trước: kết quả)",
     "the value&#x27;s year against the document&#x27;s date (later: a target; earlier: a result)"),
    (97.5, "result", "document_date", "năm so với ngày văn bản", "against the document&#x27;s date"),
    (25.6, "result", "report_words", "lời văn báo cáo kết quả trong câu", "report wording in the sentence"),
    (10, "target", "plan_words", "lời văn kế hoạch trong câu", "plan wording in the sentence"),
    (19, "target", "yearly_range", "khoảng tốc độ hằng năm, cách viết kế hoạch (8-9%/năm)",
     "a range of a yearly rate, as a plan is written"),
    (7.5, "target", "list", "mục của danh sách chỉ tiêu (đề ra các chỉ tiêu chủ yếu: …)",
     "an item of a list of targets"),
    (95, "target", "section", "mục “II. MỤC TIÊU, NHIỆM VỤ NĂM 2026”", "section “II. MỤC TIÊU, NHIỆM VỤ NĂM 2026”"),
]


def test_each_statement_keeps_the_readers_evidence_and_the_card_words_it(client_for, admin, places, catalogue):
    client = client_for(admin)
    report = _report(client, places.ward2)
    for value, kind, code, words, english in EXPECTED:
        found = [s for s in report.statements.all() if (s.low if s.low is not None else s.high) == value]
        assert len(found) == 1, (value, [(s.low, s.kind, s.evidence) for s in report.statements.all()])
        s = found[0]
        assert (s.kind, s.read_kind, s.evidence) == (kind, kind, code)
        assert f"Loại: {words}" in _card(client, report, s), value
        assert english in _card(client, report, s, HTTP_ACCEPT_LANGUAGE="en"), value


def test_a_table_column_and_a_sentence_that_says_nothing_are_worded(client_for, admin, places, catalogue):
    client = client_for(admin)
    f = io.BytesIO("\n".join((
        "| Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |",
        "|---|---|---|---|",
        "| Tỷ lệ hộ nghèo | % | 2,1 | 1,8 |",
        "",
        "Tỷ lệ hộ nghèo còn 2,1%.",
    )).encode())
    f.name = "bang.txt"
    client.post(f"/units/{places.ward2.pk}/reports/", {"file": f})
    report = ImportedReport.objects.get()
    got = [(s.line, s.kind, s.low, s.evidence) for s in report.statements.order_by("position")]
    # (next year's plan beside this year's result: a target of its own; the same year's plan
    # would be the result's compared_target, not a statement)
    assert sorted(got) == [(3, "result", 2.1, "table"), (3, "target", 1.8, "table"), (5, "result", 2.1, "none")]
    plan = report.statements.get(kind="target")
    plain = report.statements.get(line=5)
    assert "Loại: cột của bảng" in _card(client, report, plan)
    assert "Loại: câu không nói rõ; theo văn bản" in _card(client, report, plain)


def test_a_target_proposes_its_own_words_for_its_bound(client_for, admin, places, catalogue):
    report = _report(client_for(admin), places.ward2)
    rate = report.statements.get(low=19)
    assert rate.bound is not None and (rate.bound.op.value, rate.bound.low, rate.bound.high) == ("range", 19, 21)
    assert rate.phrase == "tăng 19-21%/năm"
