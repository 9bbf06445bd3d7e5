"""The report's sentence on a target "đạt và vượt chỉ tiêu giao" prints the figure it is judged
on: the % of the year's assigned figure and that figure, as entered (issue 11 and 14)."""

from __future__ import annotations

import io

import pytest
from docx import Document

from chitieu.core.evaluate import evaluate_plan
from chitieu.reports.document import report_bytes

pytestmark = pytest.mark.django_db


def test_the_sentence_prints_the_percent_of_the_assigned_figure_and_the_figure():
    from chitieu.web.demo.build import load_demo
    from chitieu.web.plans.models import Plan

    load_demo("mat-khau-demo-2026")
    core = Plan.objects.get(unit__code="19502", kind="term").to_core()
    sentence = next(p.text for p in Document(io.BytesIO(report_bytes(core))).paragraphs
                    if p.text.startswith("Tổng thu ngân sách nhà nước trên địa bàn"))
    assert sentence == ("Tổng thu ngân sách nhà nước trên địa bàn năm 2023 đạt 19,5 tỷ đồng, tăng 4,5 tỷ đồng so với "
                        "năm 2020, bằng 113,0% chỉ tiêu giao năm 2023 (17,26 tỷ đồng), đạt tiến độ thực hiện chỉ tiêu "
                        "giao (đạt và vượt chỉ tiêu giao).")
    # the same figures as the evaluation every page shows, the assigned one as it was entered
    evaluation = next(e for e in evaluate_plan(core, parts=True) if e.indicator.code == "KT05")
    assert evaluation.figure("percent_of_plan").printed == "113,0"
    assert evaluation.figure("assigned:2023").printed == "17,26"
