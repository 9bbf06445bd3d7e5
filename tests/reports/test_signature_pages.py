"""The signature block never splits across pages (issue 14, item 5): every demo report, and the
variants of the letter (a three-line KT. authority, a long "Nơi nhận"), rendered to PDF by
LibreOffice, carries "Nơi nhận", the authority, the title and the signer's name on one page,
with the closing sentence. Skipped, with the reason, where LibreOffice (soffice) is missing;
the DOCX properties that keep the block whole are tested in test_letter.py without it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from chitieu.planfile import load_plan, plan_from_dict
from chitieu.reports.document import report_bytes
from chitieu.reports.letterhead import LetterParts
from chitieu.reports.pdf import docx_to_pdf, find_soffice

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"


def _plans():
    from tests.reports.test_letter import WARD2  # noqa: PLC0415  (plans written from the seeds)
    from tests.reports.test_other_plans import TRAN_PHU  # noqa: PLC0415
    from tests.reports.test_true_sentences import ANNUAL, WARD  # noqa: PLC0415

    town = load_plan(EXAMPLE)
    long_list = tuple(f"Phòng, ban số {i} thị xã" for i in range(1, 12)) + ("Lưu: VT, TCKH",)
    return {
        "town": (town, None),
        "town-kt-long-list": (town, LetterParts(signer_name="Nguyễn Văn A", sign_as="tm_kt", recipients=long_list)),
        "ward2-2016-2020": (plan_from_dict(WARD), None),
        "ward2-2021-2025": (plan_from_dict(WARD2), LetterParts(signer_name="Hoàng Thị Hằng")),
        "tran-phu": (plan_from_dict(TRAN_PHU), None),
        "annual": (plan_from_dict(ANNUAL), LetterParts(sign_as="q")),
        # the held-out plans (test_held_out_plans.py)
        "trieu-thuong": (load_plan(EXAMPLE.parent / "trieu-thuong-2020-2025.yaml"), None),
        "dong-thanh": (load_plan(EXAMPLE.parent / "dong-thanh-2025.yaml"), LetterParts(sign_as="kt")),
    }


def _pages(docx: bytes, tmp_path: Path) -> list[str]:
    src = tmp_path / "r.docx"
    src.write_bytes(docx)
    pdf = docx_to_pdf(src, tmp_path / "r.pdf")
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as doc:
        return [page.extract_text() or "" for page in doc.pages]


@pytest.mark.parametrize("name", ["town", "town-kt-long-list", "ward2-2016-2020", "ward2-2021-2025", "tran-phu",
                                  "annual", "trieu-thuong", "dong-thanh"])
def test_the_signature_block_is_on_one_page(name, tmp_path):
    plan, parts = _plans()[name]
    docx = report_bytes(plan, issued=date(2026, 1, 5), number="05/BC-UBND", parts=parts)
    _assert_one_page(_pages(docx, tmp_path), parts, name)


@pytest.mark.django_db
@pytest.mark.slow
def test_the_signature_block_is_on_one_page_in_every_report_of_the_web_demo(tmp_path):
    """The web demo's plans, each with the values the demo stores, in the variant "Tự chọn" picks
    (the town's report rolls up its wards, as the web form does)."""
    from chitieu.web.demo.build import load_demo
    from chitieu.web.plans.models import Plan
    from chitieu.web.reporting.generate import core_plan_for, ward_plans

    load_demo(password="mat-khau-demo-1")
    plans = list(Plan.objects.filter(title__startswith="Kế hoạch phát triển KT-XH").select_related("unit"))
    assert {p.unit.name for p in plans} >= {"Thị xã Quảng Trị", "Phường 2", "Phường Trần Phú"}
    for plan in plans:
        wards = ward_plans(plan, plan.unit, plan.final_year)
        docx = report_bytes(core_plan_for(plan, plan.unit), issued=date(2026, 1, 5), number="05/BC-UBND",
                            wards=wards)
        _assert_one_page(_pages(docx, tmp_path), None, plan.unit.name)


def _assert_one_page(pages: list[str], parts, name: str) -> None:
    signer = (parts.signer_name if parts and parts.signer_name else "[Họ và tên người ký]")
    holding = [i for i, text in enumerate(pages) if "Nơi nhận:" in text]
    assert len(holding) == 1, name
    page = pages[holding[0]]
    title = "PHÓ CHỦ TỊCH" if parts is not None and parts.sign_as == "kt" else "CHỦ TỊCH"
    for line in ("Nơi nhận:", title, signer, "./."):
        assert line in page, (name, line)
    # nothing of the block spills onto the next page (the appendix starts a page of its own)
    following = pages[holding[0] + 1] if holding[0] + 1 < len(pages) else ""
    assert "CHỦ TỊCH" not in following and signer not in following


def test_a_long_unit_name_never_breaks_the_date(tmp_path):
    """Issue 14, item 11: "…tháng 01 năm / 2021". The place line of a unit named by a person
    (which keeps its type word) is too long for its cell: it breaks after the place, and the
    date stays whole on its line in the PDF."""
    from tests.reports.test_letter import WARD2  # noqa: PLC0415

    data = dict(WARD2, unit={"name": "Phường Nguyễn Thị Minh Khai", "level": "phuong",
                             "parent": "Thành phố Bắc Kạn"})
    docx = report_bytes(plan_from_dict(data), issued=date(2026, 1, 5), number="05/BC-UBND")
    lines = _pages(docx, tmp_path)[0].splitlines()
    assert "ngày 05 tháng 01 năm 2026" in lines, lines[:12]
    assert any(line.endswith("Phường Nguyễn Thị Minh Khai,") for line in lines), lines[:12]
    assert not any(line.rstrip().endswith(("tháng 01", "tháng 01 năm")) for line in lines)
