"""Prose of full reports: a unit note in a heading or on a line of its own, words inside other words,
a standard with no number beside figures, a spelling of a unit, the margin by which a plan was missed.

- "4. Thu, chi ngân sách (ĐVT: triệu đồng)" over running text is a heading whose note gives the bare
  figures of the text under it their unit, until the next heading of the same rank or higher; it
  starts no table (a table's reader would swallow every line below it).
- "thoát nước đạt 90%" holds no "ước đạt" (an estimate: a result), and a name ending in "nước" keeps it.
- "không còn hộ nghèo, hộ cận nghèo còn 0,4%": none left is a qualitative result of its own, even
  beside a figure in its clause.
- "bác sỹ" is "bác sĩ" as many reports spell it ("9,5 bác sỹ/vạn dân").
- "đạt 78,4%, thấp hơn kế hoạch 1,6%": 1,6% is no plan (a plan under the result it is "higher" than),
  but the margin, a result that missed its plan; a figure near the result stays the plan quoted.

Sentences written for these tests (places, years and indicators of their own), with traps.
"""

from __future__ import annotations

from chitieu.extract import extract
from chitieu.extract.document import Document


def read(*lines: str):
    return extract(Document("t.txt", "text", lines))


def rows(*lines: str):
    return [(s.line, s.kind, s.op, s.low, s.unit) for s in read(*lines)]


HEAD = ("BÁO CÁO", "Tình hình kinh tế - xã hội năm 2025", "I. KẾT QUẢ THỰC HIỆN NĂM 2025")


# --- a unit note over prose -----------------------------------------------------------------
def test_a_heading_with_a_unit_note_gives_its_unit_to_the_bare_figures_below():
    got = rows(
        *HEAD,
        "3. Tài chính - ngân sách (ĐVT: triệu đồng)",
        "Tổng thu ngân sách trên địa bàn ước 845.300, đạt 104,6% dự toán, trong đó thu nội địa",
        "612.700. Tổng chi ngân sách địa phương 1.023.450.",
        "4. Nông nghiệp",
        "Sản lượng lương thực đạt 41.200 tấn, tăng 2,1%.",
    )
    assert (5, "result", "=", 845300, "triệu đồng") in got
    assert (5, "result", "=", 104.6, "%") in got
    assert any(r[3] == 612700 and r[4] == "triệu đồng" for r in got)
    assert (6, "result", "=", 1023450, "triệu đồng") in got
    # the next heading of the same rank ends the note; the prose below is read as prose
    assert (8, "result", "=", 41200, "tấn") in got
    assert (8, "result", "=", 2.1, "%") in got


def test_the_heading_with_a_note_names_no_statement_and_leaves_the_names_alone():
    found = read(
        *HEAD,
        "2. Thu ngân sách (Đơn vị tính: tỷ đồng)",
        "Thu ngân sách nhà nước trên địa bàn đạt 1.284, bằng 96,1% dự toán; chi đầu tư phát triển 402.",
    )
    names = {s.indicator for s in found}
    assert not any("Đơn vị" in n or "ĐVT" in n for n in names)
    assert [(s.low, s.unit) for s in found if s.unit != "%"] == [(1284, "tỷ đồng"), (402, "tỷ đồng")]


def test_a_note_on_a_line_of_its_own_over_prose():
    got = rows(
        *HEAD,
        "2. Thu, chi ngân sách",
        "Đơn vị tính: triệu đồng",
        "Thu ngân sách xã đạt 18.450, vượt 6,2% dự toán; chi thường xuyên 12.930.",
        "3. Văn hóa - xã hội",
        "Giải quyết việc làm cho 420 lao động; tỷ lệ hộ nghèo còn 1,8%.",
    )
    assert (6, "result", "=", 18450, "triệu đồng") in got
    assert (6, "result", "=", 12930, "triệu đồng") in got
    assert (8, "result", "=", 420, "lao động") in got
    assert (8, "result", "=", 1.8, "%") in got


def test_a_lower_heading_keeps_the_note_and_a_figure_with_its_own_unit_keeps_it():
    got = rows(
        *HEAD,
        "II. THU CHI NGÂN SÁCH (ĐVT: tỷ đồng)",
        "1. Thu ngân sách",
        "Tổng thu ngân sách ước 356,8, đạt 101,2% dự toán; thu tiền sử dụng đất 48 triệu USD.",
        "2. Chi ngân sách",
        "Tổng chi ngân sách ước 298,4, bằng 95% dự toán.",
        "III. VĂN HÓA - XÃ HỘI",
        "Tỷ lệ người dân tham gia BHYT đạt 93,4%.",
    )
    assert (6, "result", "=", 356.8, "tỷ đồng") in got
    assert (6, "result", "=", 48, "triệu USD") in got
    assert (8, "result", "=", 298.4, "tỷ đồng") in got
    assert (10, "result", "=", 93.4, "%") in got


def test_trap_a_note_over_a_table_still_gives_the_table_its_unit():
    found = read(
        *HEAD,
        "Biểu 1. Thu ngân sách (ĐVT: triệu đồng)",
        "| STT | Chỉ tiêu | Dự toán 2025 | Ước TH 2025 |",
        "|---|---|---|---|",
        "| 1 | Tổng thu ngân sách | 820.000 | 845.300 |",
    )
    assert [(s.kind, s.low, s.unit, s.compared_target) for s in found] == [
        ("result", 845300, "triệu đồng", {"op": "=", "low": 820000, "high": 820000})
    ]


def test_trap_a_heading_with_a_note_over_a_tab_table_is_still_a_table():
    found = read(
        *HEAD,
        "2. Chi ngân sách (ĐVT: tỷ đồng)",
        "Nội dung\tƯớc TH 2025\tDự toán 2026",
        "Tổng chi ngân sách xã\t41,6\t44",
        "Chi đầu tư phát triển\t12,5\t10",
    )
    assert sorted((s.line, s.kind, s.low, s.unit) for s in found) == [
        (6, "result", 41.6, "tỷ đồng"),
        (6, "target", 44, "tỷ đồng"),
        (7, "result", 12.5, "tỷ đồng"),
        (7, "target", 10, "tỷ đồng"),
    ]


# --- a word inside another word -------------------------------------------------------------
def test_nuoc_dat_is_no_estimate_in_a_list_of_targets():
    found = read(
        "KẾ HOẠCH",
        "Phát triển kinh tế - xã hội năm 2026",
        "I. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026",
        "- Tỷ lệ hộ dân được cấp nước đạt 92%;",
        "- Tỷ lệ đô thị có hệ thống thoát nước đạt 75%;",
        "- Tỷ lệ chất thải rắn được thu gom đạt 98%.",
    )
    assert [(s.kind, s.low, s.indicator) for s in found] == [
        ("target", 92, "Tỷ lệ hộ dân được cấp nước"),
        ("target", 75, "Tỷ lệ đô thị có hệ thống thoát nước"),
        ("target", 98, "Tỷ lệ chất thải rắn được thu gom"),
    ]


def test_trap_a_real_estimate_still_reports():
    found = read(
        "KẾ HOẠCH",
        "Phát triển kinh tế - xã hội năm 2026",
        "I. CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026",
        "- Năm 2025 tỷ lệ hộ dùng nước sạch ước đạt 88%; năm 2026 phấn đấu đạt 90%.",
    )
    assert [(s.kind, s.low) for s in found] == [("result", 88), ("target", 90)]


# --- none left --------------------------------------------------------------------------------
def test_none_left_beside_a_figure_in_its_clause_is_a_qualitative_result():
    for line in (
        "Giải quyết việc làm cho 860 lao động; không còn hộ nghèo, hộ cận nghèo còn 0,42%.",
        "Tỷ lệ tham gia BHYT đạt 94%; không còn nhà tạm, nhà dột nát, hộ cận nghèo giảm 12 hộ.",
        "Không còn người mù chữ trong độ tuổi, tỷ lệ biết chữ đạt 99,6%.",
    ):
        found = read(*HEAD, line)
        qual = [s for s in found if s.op == "qualitative"]
        assert len(qual) == 1 and qual[0].kind == "result", line
        assert len(found) - 1 == sum(1 for s in found if s.op == "="), line


# --- a spelling of a unit ------------------------------------------------------------------------
def test_bac_sy_per_ten_thousand_people():
    assert rows(*HEAD, "Số bác sỹ/vạn dân đạt 10,2; số giường bệnh/vạn dân 31.")[0][3:] == (
        10.2,
        "bác sỹ/vạn dân",
    )
    assert rows(*HEAD, "Tỷ lệ dược sỹ/vạn dân đạt 2,4.")[0][3:] == (2.4, "dược sỹ/vạn dân")
    assert rows(*HEAD, "Trạm y tế có 12 bác sỹ công tác.")[0][3:] == (12, "bác sỹ")


# --- a plan missed by a margin ---------------------------------------------------------------------
def _one(line: str):
    return [(s.low, s.unit, s.stated_status, s.compared_target) for s in read(*HEAD, line)]


def test_lower_than_the_plan_by_a_margin():
    assert _one("Tỷ lệ hộ dùng nước sạch đạt 81,3%, thấp hơn kế hoạch 2,7%.") == [
        (81.3, "%", None, None),
        (2.7, "%", "khong_dat", None),
    ]
    assert _one("Tỷ lệ trường đạt chuẩn quốc gia 70%, thấp hơn chỉ tiêu Nghị quyết 5%.") == [
        (70, "%", None, None),
        (5, "%", "khong_dat", None),
    ]


def test_over_the_plan_by_a_small_margin_is_the_margin():
    assert _one("Tốc độ tăng trưởng kinh tế đạt 8,4%, vượt kế hoạch 0,4%.") == [
        (8.4, "%", "vuot", None),
        (0.4, "%", "vuot", None),
    ]


def test_trap_a_figure_near_the_result_stays_the_plan_quoted():
    got = _one("Tỷ lệ che phủ rừng đạt 52,5%, vượt mục tiêu 51% đề ra.")
    assert len(got) == 1 and got[0][0] == 52.5 and got[0][3] == {"op": "=", "low": 51, "high": 51}
    got = _one("Tỷ lệ lao động qua đào tạo đạt 70%, thấp hơn kế hoạch 72%.")
    assert len(got) == 1 and got[0][0] == 70 and got[0][3] == {"op": "=", "low": 72, "high": 72}


def test_trap_lower_is_better_gives_no_missed_verdict():
    assert _one("Tỷ lệ hộ nghèo còn 2,3%, thấp hơn mục tiêu 0,5%.") == [
        (2.3, "%", None, None),
        (0.5, "%", None, None),
    ]


# --- a tone mark left out, a wrapped paragraph -------------------------------------------------------
def test_key_words_typed_without_their_tone_mark_are_read(tmp_path):
    from chitieu.extract import read_document

    path = tmp_path / "r.txt"
    path.write_text(
        "\n".join(
            (
                *HEAD,
                "Sản lượng chè búp tươi ươc đạt 8.450 tấn, bằng 97,5% kế hoach năm.",
                "Tổng vốn đầu tư toàn xã hội ươc 1.240 tỷ đồng; giải ngân đạt 88% Kế hoach vốn.",
                "I. MỤC TIÊU, CHỈ TIÊU CHỦ YẾU NĂM 2026",
                "1. Năm 2025 tỷ lệ hộ dùng nước sạch ươc đạt 86%.",
            )
        ),
        encoding="utf-8",
    )
    found = extract(read_document(str(path)))
    got = [(s.line, s.kind, s.low, s.unit, s.indicator) for s in found]
    assert (4, "result", 8450, "tấn", "Sản lượng chè búp tươi") in got
    assert any(r[:4] == (4, "result", 97.5, "%") and "kế hoạch" in r[4] for r in got)
    assert (5, "result", 1240, "tỷ đồng", "Tổng vốn đầu tư toàn xã hội") in got
    assert [r[1:3] for r in got if r[0] == 7] == [("result", 86)]


def test_a_paragraph_wrapped_inside_a_sentence_keeps_its_figures():
    got = rows(
        *HEAD,
        "Tổng đàn gia súc ước 24.600 con, tăng 3,2% so với cùng kỳ; trong đó đàn bò 9.850 con, đàn",
        "trâu 2.140 con. Giải quyết việc làm cho 1.230 lao động, đạt  102,5% kế hoạch; tỷ lệ lao động qua",
        "đào tạo đạt 71,4%.",
    )
    assert [(r[0], r[3], r[4]) for r in got] == [
        (4, 24600, "con"),
        (4, 3.2, "%"),
        (4, 9850, "con"),
        (5, 2140, "con"),
        (5, 1230, "lao động"),
        (5, 102.5, "%"),
        (6, 71.4, "%"),
    ]
