"""A report chitieu writes never contradicts itself: the draft checker (``chitieu check``) reads
the generated DOCX the way it reads any draft and finds no error in it — for the Quảng Trị
example plan (seed 002's Phụ lục 1), Phường Trần Phú's plan (seed 004) and the three plans of
the web demo, each with the values as the demo stores them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chitieu.check import check_document
from chitieu.check.finding import ERROR
from chitieu.extract.readers import read_document
from chitieu.planfile import plan_from_dict
from chitieu.reports.document import report_bytes

ISSUED = date(2026, 1, 5)


def _errors(tmp_path: Path, data: bytes, name: str) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(path)
    assert len(doc.lines) > 20  # the report was read, not an empty shell
    return [f"{f.type} dòng {list(f.lines)}: {f.message} «{doc.lines[f.lines[0] - 1][:200]}»"
            for f in check_document(doc) if f.severity == ERROR]


def test_the_example_report_has_no_contradiction(report_docx, tmp_path):
    assert _errors(tmp_path, report_docx, "quang-tri.docx") == []


def test_the_tran_phu_report_has_no_contradiction(tmp_path):
    from test_other_plans import TRAN_PHU  # the plan the report tests adapt to (seed 004)

    data = report_bytes(plan_from_dict(TRAN_PHU), issued=ISSUED, number="125/BC-UBND")
    assert _errors(tmp_path, data, "tran-phu.docx") == []


@pytest.mark.django_db
@pytest.mark.slow
def test_the_demo_reports_have_no_contradiction(tmp_path):
    from chitieu.web.demo.build import load_demo
    from chitieu.web.plans.models import Plan
    from chitieu.web.reporting.generate import core_plan_for

    load_demo(password="mat-khau-demo-1")
    plans = list(Plan.objects.filter(title__startswith="Kế hoạch phát triển KT-XH").select_related("unit"))
    assert {p.unit.name for p in plans} >= {"Thị xã Quảng Trị", "Phường 2", "Phường Trần Phú"}
    found = {}
    for plan in plans:
        data = report_bytes(core_plan_for(plan, plan.unit), issued=ISSUED, number="125/BC-UBND")
        found[plan.unit.name] = _errors(tmp_path, data, f"{plan.pk}.docx")
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("name", ["annual", "mid-term", "party", "town"])
def test_every_variant_has_no_contradiction(tmp_path, name):
    from test_variants import ANNUAL, MID, PARTY, TOWN, WARD1, WARD2  # the variants' plans (issue 14)

    plans = {"annual": (ANNUAL, date(2025, 12, 15), ()), "mid-term": (MID, date(2023, 12, 15), ()),
             "party": (PARTY, date(2025, 12, 15), ()),
             "town": (TOWN, date(2025, 12, 15), (plan_from_dict(WARD1), plan_from_dict(WARD2)))}
    data, issued, wards = plans[name]
    docx = report_bytes(plan_from_dict(data), issued=issued, number="125/BC-UBND", wards=wards)
    assert _errors(tmp_path, docx, f"{name}.docx") == []
