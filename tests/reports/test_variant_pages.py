"""The four variants rendered to PDF by LibreOffice (issue 14): each first page carries its own
title, the footnote on estimates prints at the foot of its page, the signature block stays on one
page, and each appendix starts a page of its own with its number. Skipped where LibreOffice is
missing. (The PNGs docs/report-annual.png, -mid-term, -term and -town are these first pages.)"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pdfplumber
import pytest

from chitieu.planfile import load_plan, plan_from_dict
from chitieu.reports.document import report_bytes
from chitieu.reports.pdf import docx_to_pdf, find_soffice

pytestmark = [pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed"),
              pytest.mark.slow]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "quang-tri-2020-2025.yaml"


def _variant(name):
    from tests.reports.test_variants import ANNUAL, MID, TOWN, WARD1, WARD2  # noqa: PLC0415

    return {
        "annual": (plan_from_dict(ANNUAL), date(2025, 12, 15), (), "NĂM 2025",
                   ["Phụ lục 1", "Phụ lục 2"]),
        "mid-term": (plan_from_dict(MID), date(2023, 12, 15), (), "(GIAI ĐOẠN 2021-2023)",
                     ["Phụ lục 1", "Phụ lục 2"]),
        "term": (load_plan(EXAMPLE), date(2026, 1, 5), (), "5 NĂM 2021-2025", ["Phụ lục 1", "Phụ lục 2"]),
        "town": (plan_from_dict(TOWN), date(2025, 12, 15), (plan_from_dict(WARD1), plan_from_dict(WARD2)),
                 "5 NĂM 2021-2025", ["Phụ lục 1", "Phụ lục 2", "Phụ lục 3"]),
    }[name]


@pytest.mark.parametrize("name", ["annual", "mid-term", "term", "town"])
def test_each_variant_renders_with_its_title_footnote_signature_and_appendices(name, tmp_path):
    plan, issued, wards, title, appendices = _variant(name)
    src = tmp_path / f"{name}.docx"
    src.write_bytes(report_bytes(plan, issued=issued, number="125/BC-UBND", wards=wards))
    pdf = docx_to_pdf(src, tmp_path / f"{name}.pdf")
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as doc:
        pages = [" ".join((page.extract_text() or "").split()) for page in doc.pages]
    assert title in pages[0]
    if name in ("annual", "term"):  # estimates: the footnote is printed, on the page of its mark
        note = "Số liệu năm 2025 là số ước thực hiện."
        assert note in " ".join(pages[:2])
    holding = [i for i, text in enumerate(pages) if "Nơi nhận:" in text]
    assert len(holding) == 1 and "CHỦ TỊCH" in pages[holding[0]] and "./." in pages[holding[0]]
    starts = [next(i for i, text in enumerate(pages) if text.startswith(a) or f" {a} " in text[:60])
              for a in appendices]
    assert starts == sorted(starts) and starts[0] > holding[0]  # each after the body, in order
