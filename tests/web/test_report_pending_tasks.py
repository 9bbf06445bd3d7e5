"""The official report lists, in each domain's section, the tasks given to the unit that are not
yet done (issue 16: "the official report can list, per domain, the tasks not yet done"), with
their state and deadline; tasks serving no indicator of the report's domains are listed once
after the sections. Done tasks are never listed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from chitieu.reports.data import PendingTask, pending_line
from chitieu.web.plans.models import Plan
from chitieu.web.reporting.generate import build_output, pending_tasks_of
from chitieu.web.tasks.models import Assignment
from chitieu.web.units.models import AdministrativeUnit as U

pytestmark = pytest.mark.django_db


def test_a_pending_task_reads_with_its_state_and_deadline():
    late = PendingTask("Rà soát thủ tục hành chính", "Đang thực hiện — quá hạn", date(2024, 10, 31), 29)
    soon = PendingTask("Số hóa hồ sơ", "Chưa thực hiện", date(2024, 12, 20))
    always = PendingTask("Tiếp công dân", "Đang thực hiện — trong hạn", None)
    assert pending_line((late, soon, always)) == (
        "Nhiệm vụ được giao chưa hoàn thành (3): Rà soát thủ tục hành chính (đang thực hiện, quá hạn 29 ngày, "
        "hạn 31/10/2024); Số hóa hồ sơ (chưa thực hiện, hạn 20/12/2024); Tiếp công dân (đang thực hiện, "
        "thường xuyên).")
    assert pending_line(()) == ""


def test_the_demo_wards_report_lists_its_unfinished_tasks_and_never_the_done_ones(db, settings):
    from chitieu.web.demo.build import load_demo

    settings.TASKS_TODAY = "2024-11-29"
    load_demo("demo-mat-khau")
    ward = U.objects.get(code="19502")
    today = date(2024, 11, 29)
    pending = pending_tasks_of(ward, today)
    assignments = list(Assignment.objects.filter(unit=ward).select_related("task"))
    unfinished = {a.task.title for a in assignments if not a.status(today).done and a.status(today).value != "khong_thuc_hien"}
    done = {a.task.title for a in assignments if a.status(today).done}
    assert unfinished and done
    assert {t.title for tasks in pending.values() for t in tasks} == unfinished

    plan = Plan.objects.get(unit=ward, kind="term")
    out = build_output(plan.to_core(), "docx", issued=today, number=None, template=None,
                       pending_tasks=pending)
    text = "\n".join(p.text for p in Document(io.BytesIO(out.data)).paragraphs)
    for title in unfinished:
        assert title in text
    for title in done:
        assert title not in text
    assert "Nhiệm vụ được giao chưa hoàn thành (" in text and "quá hạn" in text
