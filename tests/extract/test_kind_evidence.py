"""Kind (target or result) and time from evidence, not only from the heading (issue 12).

Each rule has a real sentence (from the seeds or the eval/web texts, quoted as written) and a
trap: a near sentence whose reading must not change.
"""

from __future__ import annotations

from chitieu.extract import extract
from chitieu.extract.document import Document
from chitieu.extract.evidence import document_year, future_year, target_cue


def _read(*lines: str):
    return [(s.kind, s.low, s.high, s.unit, s.year) for s in extract(Document("t.txt", "txt", tuple(lines)))]


# --- a section's title written as a plain line ----------------------------------------------
def test_a_plain_line_naming_the_main_indicators_heads_a_target_list():
    # ext_01 (a commune page): the title has neither capitals nor a number.
    got = extract(
        Document(
            "t.txt",
            "txt",
            (
                "Các chỉ tiêu chủ yếu (nhiệm kỳ 2020-2025)",
                "(7) Tỷ lệ lao động qua đào tạo: trên 20%.",
                "(10) Số trường học đạt chuẩn Quốc gia: 04 trường.",
            ),
        )
    )
    assert [(s.kind, s.op, s.low, s.unit, s.period) for s in got] == [
        ("target", ">", 20, "%", "2020-2025"),
        ("target", "=", 4, "trường", "2020-2025"),
    ]


def test_a_sentence_starting_with_chi_tieu_that_states_figures_is_not_a_title():
    # trap: content, not a heading; with no other evidence it stays a result
    assert _read("Chỉ tiêu giải quyết việc làm đạt 450 lao động.", "Tỷ lệ hộ nghèo còn 2,1%.") == [
        ("result", 450, 450, "lao động", None),
        ("result", 2.1, 2.1, "%", None),
    ]


def test_a_plain_title_of_results_keeps_results():
    # trap: "Kết quả thực hiện …" is a results title
    got = _read("Kết quả thực hiện các chỉ tiêu chủ yếu", "Tỷ lệ hộ nghèo còn 2,1%.")
    assert got == [("result", 2.1, 2.1, "%", None)]


# --- a title in capitals run into the body (web text flattened into one line) -----------------
ONE_LINE = (
    " date 2020-08 CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025 I. Về kinh tế (11 chỉ tiêu) 1. Tốc độ tăng "
    "giá trị sản xuất bình quân hàng năm (giá so sánh năm 2010) đạt 16%, trong đó: Nông, lâm, thủy sản tăng 6%. "
    "2. Thu nhập bình quân đầu người/năm đến năm 2025: 60 triệu đồng. 3. Tổng sản lượng lương thực bình quân "
    "hàng năm: 25.000 tấn."
)


def test_a_capitals_title_at_the_start_of_a_one_line_list_sets_targets_and_the_term():
    got = extract(Document("t.txt", "txt", (ONE_LINE,)))  # ext_02, a newspaper's party-congress list
    assert [(s.kind, s.low, s.unit, s.period) for s in got] == [
        ("target", 16, "%", "2020-2025"),
        ("target", 6, "%", "2020-2025"),
        ("target", 60, "triệu đồng/người/năm", "2020-2025"),
        ("target", 25000, "tấn", "2020-2025"),
    ]


def test_an_acronym_at_the_start_of_a_sentence_is_no_title():
    # trap: one or two words in capitals ("UBND", "HĐND xã") start ordinary sentences
    line = "HĐND xã thông qua báo cáo: năm 2023 tổng thu ngân sách trên địa bàn đạt 12,5 tỷ đồng, tỷ lệ hộ nghèo còn 2%."
    assert [k for k, *_ in _read(line)] == ["result", "result"]


# --- a list of targets announced in the sentence ---------------------------------------------
def test_de_ra_chi_tieu_colon_announces_targets():
    # ext_16 and ext_08: "đề ra các chỉ tiêu chủ yếu:", "đề ra 12 chỉ tiêu cụ thể:"
    got = _read(
        "Năm 2024, UBND thị xã Chơn Thành đề ra các chỉ tiêu chủ yếu: Giá trị sản xuất các ngành tăng trưởng "
        "13-14%; thu ngân sách dự kiến 1.043,6 tỷ đồng; giải quyết việc làm cho 5.500 lao động."
    )
    assert got == [
        ("target", 13, 14, "%", 2024),
        ("target", 1043.6, 1043.6, "tỷ đồng", 2024),
        ("target", 5500, 5500, "lao động", 2024),
    ]
    assert target_cue("đảng bộ xã khun há đề ra 12 chỉ tiêu cụ thể: tốc độ tăng tổng thu")


def test_a_report_on_the_main_indicators_is_not_a_list_of_targets():
    # traps: reporting on the list, and "chỉ tiêu đề ra" after a result
    assert not target_cue("kết quả thực hiện các chỉ tiêu chủ yếu: ")
    got = _read("Năm 2023 đạt 100% chỉ tiêu đề ra; tỷ lệ hộ nghèo còn 1,82%.")
    assert [k for k, *_ in got] == ["result", "result"]


# --- a year after the document's own date ---------------------------------------------------
def test_a_value_for_a_year_after_the_articles_date_is_a_target():
    # ext_08's date line and its target sentence (no plan verb before the figure)
    got = _read(
        " date 2025-08-21 Tỷ lệ hộ nghèo của xã Khun Há giảm bình quân 6,7%/năm",
        "",
        "Tỷ lệ dân số tham gia bảo hiểm y tế đến năm 2030 đạt 99,2%.",
    )
    assert [g[:4] for g in got] == [("result", 6.7, 6.7, "%"), ("target", 99.2, 99.2, "%")]
    assert got[1][4] == 2030


def test_a_future_year_is_no_evidence_without_the_documents_date_or_when_estimated():
    # traps: no date (nothing to compare with); "ước đạt" reports; a comparison's base year
    assert _read("Tỷ lệ dân số tham gia bảo hiểm y tế đến năm 2030 đạt 99,2%.")[0][0] == "result"
    got = _read(
        "UBND xã An Bình, ngày 29 tháng 11 năm 2024",
        "Tỷ lệ hộ nghèo năm 2024 ước đạt 1,5%; năm 2025 ước đạt 1,2%.",
    )
    assert [k for k, *_ in got] == ["result", "result"]
    assert not future_year("tăng 12% so với năm 2030", 2024)
    assert future_year("giai đoạn 2026-2030 tăng", 2025) and not future_year("giai đoạn 2021-2025 tăng", 2025)


def test_the_documents_date_comes_from_its_first_lines():
    assert document_year(["UBND XÃ AN BÌNH", "An Bình, ngày 29 tháng 11 năm 2024", "BÁO CÁO"]) == 2024
    assert (
        document_year(["# source: https://x.vn/2015-2020.aspx", "", " date 2026-01-09 Xã Bình Nguyên"])
        == 2026
    )
    # trap: a date deep in the text is what the text is about, not its own date
    assert document_year(["BÁO CÁO"] + ["Tình hình chung."] * 20 + ["Đến ngày 30/11/2023 đạt 95%."]) is None


# --- a range of a yearly rate ---------------------------------------------------------------
def test_a_range_of_a_yearly_rate_is_planned():
    # the party-congress phrasing of the issue
    got = _read("1. Tốc độ tăng trưởng kinh tế bình quân 8-9%/năm; 2. Tỷ lệ hộ nghèo giảm còn 1,5%.")
    assert got[0] == ("target", 8, 9, "%", None)


def test_an_estimated_range_or_a_single_yearly_rate_stays_a_result():
    # traps: "ước đạt" reports the range; one figure "bình quân 5%/năm" is how results are written
    got = _read("Tốc độ tăng trưởng bình quân giai đoạn 2021-2025 ước đạt 8-9%/năm.")
    assert got[0][0] == "result"
    got = _read("Nhiệm kỳ 2020-2025, tốc độ tăng trưởng đàn vật nuôi trên địa bàn xã bình quân 5%/năm.")
    assert got[0][0] == "result"


# --- time from the paragraph that opens with it ---------------------------------------------
def test_a_paragraph_opening_with_its_year_gives_the_year_to_the_paragraphs_after_it():
    # ext_12: "Năm 2025, … đã đạt được nhiều kết quả", then figures with no year of their own
    got = _read(
        "Năm 2025, xã Bình Nguyên đã đạt được nhiều kết quả quan trọng trên các lĩnh vực.",
        "",
        "Đảng bộ xã đã kết nạp được 86 đảng viên; tỷ lệ dân số tham gia BHYT đạt 97%.",
    )
    assert got == [("result", 86, 86, "đảng viên", 2025), ("result", 97, 97, "%", 2025)]


def test_a_year_inside_a_paragraph_does_not_carry_to_the_next_or_over_a_heading():
    # traps: the year is not at the paragraph's start; a heading's own year wins
    got = _read("Số hộ nghèo năm 2016 là 34 hộ.", "", "Tỷ lệ dân số tham gia BHYT đạt 97%.")
    assert got[1][4] is None
    got = _read("I. KẾT QUẢ THỰC HIỆN NĂM 2024", "Năm 2023, tỷ lệ hộ nghèo là 3%.", "", "Tỷ lệ BHYT đạt 97%.")
    assert got[-1][4] == 2024


# --- an ISO date is not a figure ------------------------------------------------------------
def test_an_iso_date_is_not_a_statement_but_a_range_still_is():
    assert _read(" date 2025-08-21 Tỷ lệ hộ nghèo của xã giảm bình quân 6,7%/năm")[0][1] == 6.7
    assert len(_read(" date 2025-08-21 Tỷ lệ hộ nghèo của xã giảm bình quân 6,7%/năm")) == 1
    assert _read("Tỷ lệ hộ nghèo giảm 8-21%.")[0][1:3] == (8, 21)


def test_a_sentence_opening_with_its_year_holds_for_the_results_after_it_past_a_caption():
    # ext_16: a photo caption with no full stop stands between the article's paragraphs
    got = _read(
        "Chủ tịch UBND thị xã Chơn Thành phát biểu tại cuộc họp",
        "",
        "Năm 2023, kinh tế - xã hội của thị xã tiếp tục phát triển. Tổng mức bán lẻ hàng hóa ước đạt 11.184 tỷ "
        "đồng, tăng 8,16%.",
    )
    assert got == [("result", 11184, 11184, "tỷ đồng", 2023), ("result", 8.16, 8.16, "%", 2023)]


def test_a_year_mid_sentence_or_a_planned_value_takes_no_opened_year():
    # traps: "năm 2023" not opening a sentence; a target after a results year keeps its own (none)
    got = _read("Tổng kết năm 2023, tổng mức bán lẻ hàng hóa ước đạt 11.184 tỷ đồng.")
    assert got[0][4] == 2023  # the sentence's own year, as before
    got = _read("Năm 2025, xã đã đạt được nhiều kết quả. Phấn đấu tỷ lệ hộ nghèo giảm còn 1%.")
    assert got == [("target", 1, 1, "%", None)]


def test_a_resolution_passed_with_its_indicators_announces_targets():
    # the way an HĐND session is reported: "thông qua Nghị quyết … với các chỉ tiêu chủ yếu:"
    got = _read(
        "HĐND xã thông qua Nghị quyết về kế hoạch phát triển kinh tế - xã hội với các chỉ tiêu chủ yếu: "
        "tổng thu ngân sách trên địa bàn 12,5 tỷ đồng; tỷ lệ hộ nghèo giảm còn 1,5%."
    )
    assert [k for k, *_ in got] == ["target", "target"]
    assert target_cue("gồm các chỉ tiêu sau: ") and target_cue("đề ra 12 chỉ tiêu cụ thể: ")


def test_a_count_of_indicators_met_does_not_announce_targets():
    # trap: "19/21 chỉ tiêu đạt và vượt kế hoạch:" reports, its figures are results
    assert not target_cue("có 19/21 chỉ tiêu đạt và vượt kế hoạch: ")
    got = _read(
        "Năm 2023 có 19/21 chỉ tiêu đạt và vượt kế hoạch: tổng mức bán lẻ hàng hóa ước đạt 11.184 tỷ đồng."
    )
    # the count of indicators met is a result of its own (shared/eval/web's labelling convention)
    assert got == [("result", 19.0, 19.0, "chỉ tiêu", 2023), ("result", 11184.0, 11184.0, "tỷ đồng", 2023)]
    assert not target_cue("tỷ lệ hộ nghèo còn 1,2%, so với chỉ tiêu kế hoạch: ")


def test_the_verb_that_sets_targets_marks_the_figures_after_it():
    # ext_08's sentence as the congress set it; "định hướng đến năm" as plans write it
    assert target_cue(
        "nhiệm kỳ 2025-2030, đảng bộ xã khun há đề ra 12 chỉ tiêu cụ thể: tốc độ tăng tổng thu "
    )
    assert target_cue("đại hội đề ra tốc độ tăng trưởng kinh tế bình quân ")
    # trap: "xác định" alone names a priority, not a target
    assert not target_cue("ubnd phường xác định cải cách hành chính là nhiệm vụ trọng tâm, tỷ lệ hồ sơ đạt ")
    assert target_cue("định hướng đến năm 2030, tỷ lệ đô thị hóa đạt ")


def test_the_plan_named_after_a_result_is_no_verb_of_targets():
    # trap: "đạt 100% chỉ tiêu đề ra" measures a result against the plan
    assert not target_cue("tuyển quân đạt 100% chỉ tiêu đề ra; tỷ lệ hộ nghèo còn ")
    assert not target_cue("thu ngân sách vượt 12% so với kế hoạch đề ra, tổng chi ")


def test_a_broken_line_going_on_with_muc_tieu_is_no_title():
    # seed 000, line 628: a PDF line that continues a sentence of a results section
    got = _read(
        "I. KẾT QUẢ THỰC HIỆN",
        "Để thực hiện thắng lợi",
        "các mục tiêu phát triển kinh tế - xã hội, UBND phường đã tăng cường công tác lãnh",
        "Biên chế 86 đ/c cao hơn so với năm 2016 là 26 đ/c.",
    )
    assert {k for k, *_ in got} == {"result"}


def test_targets_set_that_were_not_met_are_a_result():
    # seed 004, line 111 (and seed 002, line 2071): "chỉ tiêu … đề ra" is what the report measures
    assert not target_cue("(1) một số chỉ tiêu của nghị quyết đại hội đảng bộ thị xã lần thứ vii đề ra ")
    got = _read(
        "Một số chỉ tiêu của các phường, xã đề ra chưa đạt kế hoạch, như chỉ tiêu tỷ lệ lao động tham gia "
        "bảo hiểm xã hội."
    )
    assert [k for k, *_ in got] == ["result"]


def test_a_result_for_a_period_takes_no_opened_year():
    # seed 002, footnotes 12 and 13: the second names its own period
    got = _read(
        "Năm 2022, các doanh nghiệp ở cụm công nghiệp Hải Lệ nộp ngân sách 8.746 triệu đồng.",
        "",
        "Giai đoạn 2021 – 2024 đã hỗ trợ: 1,7 tỷ đồng.",
    )
    assert [(g[1], g[4]) for g in got] == [(8746, 2022), (1.7, None)]


def test_a_sentence_going_on_after_a_footnote_takes_no_opened_year():
    # seed 002, lines 257-263: a footnote "Năm 2022, …" stands inside a sentence broken by the page
    got = _read(
        "12",
        "",
        " Năm 2022, các doanh nghiệp ở cụm công nghiệp Hải Lệ nộp ngân sách 8.746 triệu đồng.",
        "14",
        "",
        " Tinh dầu Đức Thiện của hộ kinh doanh Nguyễn Thị Bé Thu.",
        " 6,29%/năm.",
    )
    assert [(g[1], g[4]) for g in got] == [(8746, 2022), (6.29, None)]


def test_a_result_with_no_year_elsewhere_takes_the_year_of_the_documents_date():
    # an article's date line (as ext_12 and ext_16 carry one), then a result with no year of its own
    got = _read(
        " date 2023-11-30 Chơn Thành họp mở rộng", "", "Tổng mức bán lẻ hàng hóa ước đạt 11.184 tỷ đồng."
    )
    assert got == [("result", 11184, 11184, "tỷ đồng", 2023)]


def test_a_target_or_a_result_for_a_period_takes_not_the_documents_year():
    # traps: a target is for later; a result over a term is for the term
    got = _read(
        " date 2023-11-30 Chơn Thành họp mở rộng",
        "",
        "Phấn đấu tỷ lệ hộ nghèo giảm còn 1%. Giai đoạn 2021-2023 đã hỗ trợ 1,7 tỷ đồng.",
    )
    assert [(g[0], g[4]) for g in got] == [("target", None), ("result", None)]
