"""The implementation report of the demo ward: generated as DOCX (Nghị định 30, the report
generator's letterhead and letter parts), rendered to PDF by LibreOffice and read back with
pdftotext: the opening sentence, one section per task group, the statuses, the summary count, the
tasks without evidence, the appendix table. Also the demo's tasks and TTHC figures themselves."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from chitieu.core.tasks import TaskStatus
from chitieu.web.tasks.models import Assignment, SourceDocument, TthcReport
from chitieu.web.tasks.report import do_generate_implementation, implementation_data, request_ref
from chitieu.web.units.models import AdministrativeUnit as U
from chitieu.web.values.models import Value

pytestmark = pytest.mark.slow

TODAY = "2024-11-29"  # the day the real ward report was signed


@pytest.fixture
def demo(db, settings):
    from chitieu.web.demo.build import load_demo

    settings.TASKS_TODAY = TODAY
    load_demo("demo-mat-khau")
    return SourceDocument.objects.get(number="25/KH-UBND")


def _pdf_text(docx: bytes, tmp_path) -> str:
    from chitieu.reports.pdf import docx_to_pdf

    src = tmp_path / "bao-cao.docx"
    src.write_bytes(docx)
    pdf = docx_to_pdf(src, tmp_path / "bao-cao.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"[ \t]+", " ", text)


def test_the_demo_has_the_towns_plan_with_8_groups_given_to_every_ward(demo):
    ward2 = U.objects.get(code="19502")
    assert demo.groups.count() == 8 and demo.unit.code == "464"
    assert Assignment.objects.filter(task__group__document=demo).values("unit").distinct().count() == 5
    statuses = [a.status(date(2024, 11, 29)) for a in Assignment.objects.filter(unit=ward2)]
    assert statuses.count(TaskStatus.DONE_ON_TIME) == 4 and statuses.count(TaskStatus.DONE_LATE) == 2
    assert TaskStatus.IN_PROGRESS_LATE in statuses and TaskStatus.NOT_STARTED in statuses
    tthc = TthcReport.objects.get(unit=ward2)
    assert (tthc.start, tthc.end) == (date(2023, 12, 15), date(2024, 11, 14))
    assert Value.objects.get(unit=ward2, indicator__code="CC04", year=2024).value == Decimal("75.3")


@pytest.mark.skipif(not shutil.which("soffice") or not shutil.which("pdftotext"),
                    reason="needs LibreOffice and poppler-utils")
def test_the_implementation_report_of_the_demo_ward_reads_back_from_pdf(demo, tmp_path):
    ward2 = U.objects.get(code="19502")
    data = implementation_data(ward2, demo)
    total = sum(len(g.tasks) for g in data.groups)
    done = sum(t.status.done for g in data.groups for t in g.tasks)
    on_time = sum(t.status == TaskStatus.DONE_ON_TIME for g in data.groups for t in g.tasks)
    assert (total, done, on_time) == (13, 6, 4)
    docx = do_generate_implementation(
        ward2, demo, acting_user=None, issued=date(2024, 11, 29), number="125",
        request=request_ref("245/UBND-NV", date(2024, 11, 15), "UBND thị xã Quảng Trị"))
    text = _pdf_text(docx, tmp_path)
    flat = " ".join(text.split())
    assert "ỦY BAN NHÂN DÂN" in text and "PHƯỜNG 2" in text and "Số: 125/BC-UBND" in flat
    assert ("Thực hiện Công văn số 245/UBND-NV ngày 15/11/2024 của UBND thị xã Quảng Trị, UBND Phường 2 báo cáo "
            "kết quả thực hiện các nhiệm vụ được giao tại Kế hoạch số 25/KH-UBND ngày 10/01/2024 của UBND thị xã "
            "Quảng Trị như sau:") in flat
    for n, group in enumerate(demo.groups.all(), 1):
        assert f"{n}. {group.title}" in flat
    assert "6/13 nhiệm vụ đã hoàn thành (đúng hạn 4)" in flat
    assert "Đã hoàn thành — đúng hạn" in flat and "Đã hoàn thành — quá hạn" in flat
    assert "Đang thực hiện — quá hạn (quá hạn 90 ngày)" in flat  # the allowances, due 31/08/2024
    assert "Chưa thực hiện (quá hạn 60 ngày)" in flat  # the training, due 30/09/2024, nothing reported
    assert "Quyết định số 30/QĐ-UBND" in flat and "12/12 thanh niên, đạt 100%" in flat
    # the tasks without evidence are listed by name, not skipped
    without = flat.split("Các nhiệm vụ chưa có văn bản, số liệu hoặc tệp minh chứng")[1].split("III.")[0]
    assert "Cử công chức tham gia bồi dưỡng kỹ năng chuyển đổi số" in without
    assert "Công khai đầy đủ thủ tục hành chính" in without  # reported done, but with no evidence
    assert "Quán triệt" not in without
    assert "PHỤ LỤC" in flat and "DANH SÁCH NHIỆM VỤ VÀ TÌNH TRẠNG THỰC HIỆN" in flat
    assert "Kèm theo Báo cáo số 125/BC-UBND ngày 29 tháng 11 năm 2024 của UBND Phường 2" in flat
    assert flat.count("Chưa có minh chứng") >= 3


def test_the_report_page_sends_the_docx_and_refuses_the_outsider(demo, client):
    from django.contrib.auth import get_user_model

    ward2 = U.objects.get(code="19502")
    officer = get_user_model().objects.get(username="canbo.phuong2")
    outsider = get_user_model().objects.get(username="canbo.phuong1")
    client.force_login(officer)
    r = client.post(reverse("tasks:report", args=[ward2.pk]), {"document": demo.pk, "number": "abc xyz"})
    assert r.status_code == 400 and "không đúng thể thức" in r.content.decode()
    r = client.post(reverse("tasks:report", args=[ward2.pk]), {"document": demo.pk, "number": "125"})
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    assert r.content[:2] == b"PK"
    client.force_login(outsider)
    assert client.get(reverse("tasks:report", args=[ward2.pk])).status_code == 404
