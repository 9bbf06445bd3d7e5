"""Prose of PDF text layers and web copies: the year of the results a term report gives when its
own date is written under the title with its number ("(Số 58/BC-UBND ngày 14/3/2025)"), and when
the document carries no date at all (a congress's draft political report).

Sentences written for these tests (places, years and indicators of their own), each rule with a
trap where it must not fire.
"""

from reading import read_lines

from chitieu.extract.evidence import document_year

_all = read_lines


def _years(*lines: str):
    return [(s.kind, s.low, s.unit, s.year, s.period) for s in _all(*lines)]


# --- the text's own number and date under its title -----------------------------------------------
def test_the_own_number_and_date_under_the_title_date_the_document():
    assert (
        document_year(
            ["UBND XÃ TÂN LẬP", "BÁO CÁO", "Tình hình kinh tế - xã hội", "(Số 112/BC-UBND ngày 02/12/2024)"]
        )
        == 2024
    )
    assert document_year(["UBND PHƯỜNG AN KHÁNH", "Số: 45/TTr-UBND, ngày 5/11/2026", "TỜ TRÌNH"]) == 2026
    assert document_year(["HĐND HUYỆN ĐẠ TẺH", "Số 09/NQ-HĐND ngày 20.12.2023", "NGHỊ QUYẾT"]) == 2023


def test_a_cited_document_does_not_date_the_text():
    # "Căn cứ Nghị quyết số 12/NQ-HĐND ngày …": the date of a document the text cites
    assert document_year(["BÁO CÁO", "Căn cứ Nghị quyết số 12/NQ-HĐND ngày 15/7/2021 của HĐND huyện"]) is None
    assert document_year(["KẾ HOẠCH", "Thực hiện Quyết định số 88/QĐ-UBND ngày 3/2/2022;"]) is None


def test_levels_reached_in_a_term_report_dated_under_its_title_are_the_terms_last_year():
    got = _years(
        "UBND HUYỆN ĐỨC CƠ",
        "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025",
        "(Số 41/BC-UBND ngày 20/02/2025)",
        "",
        "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH 5 NĂM 2021-2025",
        "Tỷ lệ hộ dân dùng điện lưới quốc gia đạt 99,1%. Có 14/20 thôn có nhà văn hóa đạt chuẩn.",
        "Tổng vốn đầu tư toàn xã hội 5 năm đạt 6.420 tỷ đồng.",
    )
    assert got == [
        ("result", 99.1, "%", 2025, None),
        ("result", 14, "thôn", 2025, None),
        ("result", 6420, "tỷ đồng", None, "2021-2025"),
    ]


# --- an undated congress report -----------------------------------------------------------------
def test_levels_reached_in_an_undated_congress_report_are_the_terms_last_year():
    got = _years(
        "ĐẢNG BỘ XÃ HÒA BÌNH",
        "BÁO CÁO CHÍNH TRỊ",
        "TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ LẦN THỨ I, NHIỆM KỲ 2025 - 2030",
        "(Dự thảo)",
        "",
        "PHẦN THỨ NHẤT",
        "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020 - 2025",
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng còn 8,2%; có 11 sản phẩm OCOP.",
        "Cả nhiệm kỳ kết nạp 64 đảng viên mới.",
    )
    assert got == [
        ("result", 8.2, "%", 2025, None),
        ("result", 11, "sản phẩm", 2025, None),
        ("result", 64, "đảng viên", None, "2020-2025"),
    ]


def test_an_undated_term_report_dates_the_levels_of_its_own_term():
    got = _years(
        "UBND XÃ ĐĂK MAR",
        "BÁO CÁO",
        "Tổng kết thực hiện kế hoạch phát triển kinh tế - xã hội giai đoạn 2021 - 2025",
        "",
        "I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021 - 2025",
        "Tỷ lệ đường giao thông nông thôn được cứng hóa đạt 86%.",
    )
    assert got == [("result", 86, "%", 2025, None)]


def test_an_undated_text_about_an_older_term_keeps_its_results_undated():
    # the heading's term (2015-2020) ends at neither end of the title's (2025-2030): no year guessed
    got = _years(
        "ĐẢNG BỘ XÃ HÒA BÌNH",
        "BÁO CÁO CHÍNH TRỊ",
        "TRÌNH ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ XÃ LẦN THỨ I, NHIỆM KỲ 2025 - 2030",
        "",
        "KẾT QUẢ NHIỆM KỲ 2015 - 2020",
        "Tỷ lệ hộ có nhà tiêu hợp vệ sinh đạt 74%.",
    )
    assert [(k, v, y) for k, v, _, y, _ in got] == [("result", 74, None)]


# --- a bare "mục tiêu" after the result in its brackets ---------------------------------------------
def _pairs(*lines: str):
    return [(s.low, s.unit, (s.compared_target or {}).get("low")) for s in _all(*lines)]


def test_a_bare_aim_after_the_result_in_its_brackets_is_its_compared_target():
    got = _pairs(
        "Năm 2025, hai chỉ tiêu chưa đạt là tỷ lệ hộ có nhà tiêu hợp vệ sinh (đạt 72%, mục tiêu 80%) "
        "và số thôn có điểm sinh hoạt cộng đồng (đạt 9 thôn, mục tiêu 12 thôn)."
    )
    assert got == [(72, "%", 80), (9, "thôn", 12)]
    assert _pairs("Năm 2025 thu ngân sách trên địa bàn đạt 42 tỷ đồng (tăng 8%, mục tiêu: 40 tỷ đồng).") == [
        (42, "tỷ đồng", 40),
        (8, "%", None),
    ]
    assert _pairs(
        "Năm 2024 số doanh nghiệp thành lập mới là 37 doanh nghiệp (mục tiêu đề ra 45 doanh nghiệp)."
    ) == [(37, "doanh nghiệp", 45)]


def test_an_aim_outside_brackets_stays_a_target_of_its_own():
    got = [
        (s.kind, s.low, s.year)
        for s in _all("Năm 2025 trồng mới 120 ha rừng, mục tiêu năm 2026 trồng 150 ha.")
    ]
    assert got == [("result", 120, 2025), ("target", 150, 2026)]


def test_an_undated_plan_leaves_the_term_before_it_as_it_was():
    # "Kế hoạch … 2026 - 2030" over the results of 2021-2025: not dated by this rule
    got = _years(
        "UBND XÃ ĐĂK MAR",
        "KẾ HOẠCH",
        "Phát triển kinh tế - xã hội giai đoạn 2026 - 2030",
        "",
        "I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021 - 2025",
        "Tỷ lệ đường giao thông nông thôn được cứng hóa đạt 86%.",
    )
    assert [(k, v, y) for k, v, _, y, _ in got] == [("result", 86, None)]
