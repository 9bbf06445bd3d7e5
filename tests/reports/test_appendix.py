"""Phụ lục 1 is a landscape A4 section with the seed's table layout, and every cell of it says
what the plan's data and the evaluation say."""

from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from tests.reports.conftest import appendix_table

from chitieu.core.evaluate import STATUS_LABELS, evaluate_plan
from chitieu.core.numbers import format_number, round_half_up

YEARS = (2020, 2024, 2025)
SPANS = ((2020, 2024), (2020, 2025))


def _appendix_table(doc):
    return appendix_table(doc)


def _cells(row) -> list[str]:
    return [c.text for c in row.cells]


def test_the_appendix_is_its_own_landscape_a4_section_numbering_its_own_pages(report):
    assert len(report.sections) == 4  # the body, Phụ lục 1, the next term's targets, the calculations
    s = report.sections[1]
    assert s.orientation == WD_ORIENT.LANDSCAPE
    assert round(s.page_width / 36000) == 297 and round(s.page_height / 36000) == 210
    # Nghị định 30: an appendix numbers its pages on its own, from 1, not on its first page
    assert s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert s.different_first_page_header_footer
    assert not s.header.is_linked_to_previous and not s.first_page_header.is_linked_to_previous
    assert " PAGE " in "".join(s.header._element.itertext())
    assert not "".join(s.first_page_header._element.itertext()).strip()


def test_the_appendix_opens_with_its_title_and_the_report_it_belongs_to(report):
    texts = [p.text for p in report.paragraphs]
    i = texts.index("Phụ lục 1")
    assert texts[i + 1] == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"
    assert texts[i + 2] == "Nghị quyết Đại hội Đảng bộ thị xã lần thứ VII, nhiệm kỳ 2020 - 2025"
    assert texts[i + 3] == (
        "(Kèm theo Báo cáo số 125/BC-UBND ngày 05 tháng 01 năm 2026 của UBND thị xã Quảng Trị)"
    )


def test_the_two_header_rows_are_merged_like_the_seed_and_repeat_on_every_page(report):
    table = _appendix_table(report)
    top, sub = table.rows[0], table.rows[1]
    assert _cells(top) == [
        "STT",
        "CHỈ TIÊU",
        "ĐVT",
        "Chỉ tiêu Nghị quyết",
        "Thực hiện",
        "Thực hiện",
        "Thực hiện",
        "So sánh (%)",
        "So sánh (%)",
        "Đánh giá",
    ]
    assert _cells(sub) == [
        "STT",
        "CHỈ TIÊU",
        "ĐVT",
        "Chỉ tiêu Nghị quyết",
        "2020",
        "2024",
        "Ước 2025",
        "Giai đoạn 2021-2024",
        "Giai đoạn 2021-2025",
        "Đánh giá",
    ]
    for row in (top, sub):
        assert row._tr.trPr.find(qn("w:tblHeader")) is not None


def test_rows_read_like_the_seeds_appendix(report):
    rows = [_cells(r) for r in _appendix_table(report).rows[2:]]
    assert rows[0][:2] == ["I", "KINH TẾ"]
    assert rows[1] == [
        "1",
        "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ",
        "Tỷ đồng",
        "tăng 17-19%/năm",
        "2.796",
        "5.164",
        "6.150",
        "116,58",
        "117,08",
        "Đạt",
    ]
    assert rows[2] == [
        "",
        "Trong đó: Doanh thu bán lẻ hàng hóa",
        "Tỷ đồng",
        "",
        "1.677",
        "2.696",
        "3.484",
        "112,60",
        "115,75",
        "",
    ]
    assert rows[4][1] == "Trong đó:"
    assert rows[5] == ["", "- Công nghiệp", "Tỷ đồng", "", "536", "679,4", "735", "106,11", "106,52", ""]
    assert rows[3][-1] == "Không đạt"


def test_every_appendix_cell_matches_the_plan_and_its_evaluation(plan, report):
    verdicts = {e.indicator.code: STATUS_LABELS[e.status] for e in evaluate_plan(plan)}
    rows = iter(_appendix_table(report).rows[2:])
    number = 0
    current_domain = None
    for item, depth in plan.walk():
        ind = item.indicator
        if depth == 0 and ind.domain != current_domain:
            current_domain = ind.domain
            group = _cells(next(rows))
            assert group[1] == group[-1] and group[1].isupper()
        if depth == 0:
            number += 1
        cells = _cells(next(rows))
        if depth > 0 and cells[1] == "Trong đó:":
            assert set(cells[2:]) == {""}
            cells = _cells(next(rows))
        assert cells[0] == (str(number) if depth == 0 else "")
        assert cells[1].endswith(ind.name)
        assert cells[2].lower() == (ind.unit or "").lower()
        assert cells[3] == (item.target.phrase if item.target else "")
        for year, text in zip(YEARS, cells[4:7], strict=True):
            v = item.series.value(year)
            # no declared decimals: printed as entered (issue 14 item 2)
            shown = v if ind.decimals is None else round_half_up(v, ind.decimals)
            assert text == ("" if v is None else format_number(shown, None)), (
                ind.code,
                year,
            )
        for (a, b), text in zip(SPANS, cells[7:9], strict=True):
            v0, v1 = item.series.value(a), item.series.value(b)
            if ind.unit == "%" or item.value_is or v0 is None or v1 is None:
                assert text == "", (ind.code, a, b)
            else:
                assert text == format_number((v1 / v0) ** (1 / (b - a)) * 100, 2), (ind.code, a, b)
        assert cells[9] == verdicts.get(ind.code, "")
    assert next(rows, None) is None


def test_trong_do_rows_are_italic_and_indented_and_key_rows_are_not(report):
    table = _appendix_table(report)
    part = next(r for r in table.rows if r.cells[1].text == "- Công nghiệp")
    key = next(r for r in table.rows if r.cells[1].text.startswith("Giá trị sản xuất Công nghiệp"))
    assert all(run.font.italic for run in part.cells[1].paragraphs[0].runs)
    assert part.cells[1].paragraphs[0].paragraph_format.left_indent > 0
    assert not any(run.font.italic for run in key.cells[1].paragraphs[0].runs)


def test_the_appendix_table_fits_the_landscape_text_width(report):
    s = report.sections[1]
    available = s.page_width - s.left_margin - s.right_margin
    grid = _appendix_table(report)._tbl.tblGrid
    total = sum(int(col.get(qn("w:w"))) for col in grid.findall(qn("w:gridCol"))) * 635  # twips → EMU
    assert total <= available
