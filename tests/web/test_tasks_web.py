"""Plan tasks: the town creates a plan's tasks and assigns them to its wards in one action; each
ward sees its own, reports progress with evidence, submits; the town's reviewer approves or
returns; statuses and overdue flags follow the dates (a frozen clock: ``settings.TASKS_TODAY``)."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import _person
from django.urls import reverse

from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.tasks import actions
from chitieu.web.tasks.models import Assignment, ProgressReport, SourceDocument, Task


@pytest.fixture
def town_officer(places):
    return _person("canbo.thixa", places.town, "officer")


@pytest.fixture
def plan_doc(places, catalogue):
    """The town's Kế hoạch with two groups and three tasks, given to both wards."""
    doc = actions.do_create_document(places.town, kind="ke_hoach", number="25/KH-UBND", issued=date(2024, 1, 10),
                                     issuer="UBND thị xã Quảng Trị", title="Thực hiện Nghị quyết về cải cách hành chính",
                                     acting_user=None)
    g1 = actions.do_add_group(doc, title="Công tác tuyên truyền", acting_user=None)
    g2 = actions.do_add_group(doc, title="Cải cách thủ tục hành chính", acting_user=None)
    t1 = actions.do_add_task(g1, title="Quán triệt Nghị quyết", deadline=date(2024, 3, 31), acting_user=None)
    t2 = actions.do_add_task(g2, title="Số hóa hồ sơ TTHC", deadline=date(2024, 10, 31), indicator_codes=["CC02"],
                             acting_user=None)
    t3 = actions.do_add_task(g2, title="Tiếp công dân định kỳ", deadline=None, acting_user=None)
    actions.do_assign([t1, t2, t3], [places.ward1, places.ward2], acting_user=None)
    return doc


def _assignment(unit, title) -> Assignment:
    return Assignment.objects.get(unit=unit, task__title=title)


def test_a_town_officer_creates_a_document_groups_tasks_and_assigns_them_to_some_wards_in_one_action(
        client_for, places, catalogue, town_officer):
    c = client_for(town_officer)
    r = c.post(reverse("tasks:unit", args=[places.town.pk]), {
        "kind": "ke_hoach", "number": "25/KH-UBND", "issued": "2024-01-10", "issuer": "UBND thị xã Quảng Trị",
        "title": "Thực hiện Nghị quyết số 10-NQ/TU"})
    doc = SourceDocument.objects.get(number="25/KH-UBND")
    assert r.status_code == 302 and doc.unit == places.town and doc.issued == date(2024, 1, 10)
    url = reverse("tasks:document", args=[doc.pk])
    c.post(url, {"what": "group", "g-title": "Cải cách thủ tục hành chính"})
    group = doc.groups.get()
    r = c.post(url, {"what": "task", "t-group": group.pk, "t-title": "Số hóa hồ sơ", "t-deadline": "31/10/2024",
                     "t-lead_unit": "Bộ phận Một cửa", "t-indicators": "CC02, CC01", "t-expected_product": "Hồ sơ số"})
    assert r.status_code == 302, r.content.decode()[:2000]
    c.post(url, {"what": "task", "t-group": group.pk, "t-title": "Tiếp công dân", "t-deadline": ""})
    tasks = list(Task.objects.filter(group=group).order_by("order"))
    assert [(t.order, t.deadline_text) for t in tasks] == [(1, "31/10/2024"), (2, "Thường xuyên")]
    assert sorted(tasks[0].indicators.values_list("code", flat=True)) == ["CC01", "CC02"]
    r = c.post(url, {"what": "assign", "task": [t.pk for t in tasks], "unit": [places.ward2.pk]})
    assert r.status_code == 302
    assert sorted(Assignment.objects.values_list("unit__code", "task__order")) == [("19502", 1), ("19502", 2)]
    assert AuditLog.objects.filter(action="task.assign").count() == 2
    assert AuditLog.objects.filter(action="task.create", unit=places.town).count() == 2


def test_a_task_cannot_be_given_outside_the_issuing_unit_nor_by_a_ward(places, plan_doc, officer):
    task = Task.objects.first()
    other = type(places.town).objects.create(code="19999", name="Phường Khác", level="phuong")
    with pytest.raises(ActionError) as err:
        actions.do_assign([task], [other], acting_user=None)
    assert "Phường Khác không trực thuộc Thị xã Quảng Trị" in err.value.errors["units"][0]
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.do_assign([task], [places.ward2], acting_user=officer)


def test_each_ward_sees_its_own_tasks_and_the_outsider_is_refused(client_for, places, plan_doc, officer, outsider,
                                                                   nobody):
    mine = _assignment(places.ward2, "Quán triệt Nghị quyết")
    page = client_for(officer).get(reverse("tasks:unit", args=[places.ward2.pk])).content.decode()
    assert "Quán triệt Nghị quyết" in page and "0/3 nhiệm vụ đã hoàn thành" in page
    other = client_for(outsider)
    assert other.get(reverse("tasks:assignment", args=[mine.pk])).status_code == 404
    assert other.get(reverse("tasks:unit", args=[places.ward2.pk])).status_code == 404
    assert other.post(reverse("tasks:assignment", args=[mine.pk]), {"what": "submit"}).status_code == 404
    # Phường 1 was given the same plan: it reads the document, not the other wards' progress
    assert other.get(reverse("tasks:document", args=[plan_doc.pk])).status_code == 200
    assert other.get(reverse("tasks:matrix", args=[plan_doc.pk])).status_code == 404
    assert other.get(reverse("tasks:report", args=[places.ward2.pk])).status_code == 404
    stranger = client_for(nobody)
    assert stranger.get(reverse("tasks:document", args=[plan_doc.pk])).status_code == 404
    assert stranger.get(reverse("tasks:unit", args=[places.town.pk])).status_code == 404


def test_a_ward_reports_with_evidence_submits_and_the_reviewer_approves(
        client_for, places, plan_doc, officer, reviewer, settings):
    settings.TASKS_TODAY = "2024-04-15"
    a = _assignment(places.ward2, "Quán triệt Nghị quyết")
    url = reverse("tasks:assignment", args=[a.pk])
    c = client_for(officer)
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = c.post(url, {"what": "report", "on": "2024-03-20", "outcome": "done", "text": "Đã tổ chức hội nghị quán triệt",
                     "document_number": "Kế hoạch số 12/KH-UBND", "figures": "45 cán bộ",
                     "file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban")})
    assert r.status_code == 302
    a.refresh_from_db()
    assert (a.started, a.completed, a.status().label) == (date(2024, 3, 20), date(2024, 3, 20),
                                                          "Đã hoàn thành — đúng hạn")
    report = ProgressReport.objects.get(assignment=a)
    assert bytes(report.file) == b"%PDF-1.4 bien ban"
    download = c.get(reverse("tasks:evidence", args=[report.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content if download.streaming else
                                                    [download.content]) == b"%PDF-1.4 bien ban"
    c.post(url, {"what": "submit"})
    a.refresh_from_db()
    assert a.state == "submitted"
    # the officer cannot add to what was submitted; the reviewer approves
    r = c.post(url, {"what": "report", "on": "2024-03-21", "outcome": "done", "text": "thêm"})
    assert "Đã gửi duyệt" in r.content.decode() and ProgressReport.objects.filter(assignment=a).count() == 1
    assert c.post(url, {"what": "approve"}).status_code == 403
    client_for(reviewer).post(url, {"what": "approve", "comment": "Đạt"})
    a.refresh_from_db()
    assert (a.state, a.reviewed_by, a.comment) == ("approved", reviewer, "Đạt")
    assert list(AuditLog.objects.filter(object_type="plantasks.assignment", object_id=str(a.pk))
                .order_by("pk").values_list("action", flat=True)) == [
        "task.assign", "task.progress", "task.submit", "task.approve"]


def test_a_return_needs_a_reason_and_reopens_reporting(places, plan_doc, officer, reviewer):
    a = _assignment(places.ward2, "Số hóa hồ sơ TTHC")
    actions.do_report_progress(a, on=date(2024, 5, 1), text="Đang số hóa", acting_user=officer)
    actions.do_submit_assignment(a, acting_user=officer)
    with pytest.raises(ActionError) as err:
        actions.do_return_assignment(a, acting_user=reviewer, comment="  ")
    assert err.value.errors == {"comment": ["Cần ghi rõ lý do trả lại."]}
    actions.do_return_assignment(a, acting_user=reviewer, comment="Thiếu số liệu")
    actions.do_report_progress(a, on=date(2024, 5, 2), text="Bổ sung", figures="1.200 hồ sơ", acting_user=officer)
    assert a.reports.count() == 2 and a.state == "returned"


def test_not_done_needs_a_reason(places, plan_doc, officer):
    a = _assignment(places.ward2, "Số hóa hồ sơ TTHC")
    with pytest.raises(ActionError) as err:
        actions.do_report_progress(a, on=date(2024, 5, 1), outcome="not_done", text="Không thực hiện",
                                   acting_user=officer)
    assert "reason" in err.value.errors
    actions.do_report_progress(a, on=date(2024, 5, 1), outcome="not_done", text="Không thực hiện",
                               reason="Nhiệm vụ chuyển cho thị xã", acting_user=officer)
    a.refresh_from_db()
    assert a.status(date(2025, 1, 1)).label == "Không thực hiện" and not a.overdue(date(2025, 1, 1))


@pytest.mark.parametrize("today, expected", [
    ("2024-03-31", ["Đang thực hiện — trong hạn", "Chưa thực hiện", "Chưa thực hiện"]),
    ("2024-11-01", ["Đang thực hiện — quá hạn", "Chưa thực hiện", "Chưa thực hiện"]),
])
def test_statuses_and_overdue_flags_change_with_the_date(client_for, places, plan_doc, officer, settings,
                                                          today, expected):
    settings.TASKS_TODAY = today
    a = _assignment(places.ward2, "Số hóa hồ sơ TTHC")
    actions.do_report_progress(a, on=date(2024, 3, 1), text="Bắt đầu số hóa", acting_user=officer)
    page = client_for(officer).get(reverse("tasks:unit", args=[places.ward2.pk])).content.decode()
    import re

    labels = [re.sub(r"\s+", " ", m).split(" · ")[0].strip() for m in
              re.findall(r'data-testid="status">(.*?)</span>', page.split('data-testid="assigned"')[1], re.S)]
    if today == "2024-11-01":
        # overdue first, the longest overdue first: the briefing not started since 31/03, then the
        # digitising (in progress, one day past 31/10)
        assert labels[0] == "Chưa thực hiện" and "quá hạn 215 ngày" in page
        assert labels[1] == "Đang thực hiện — quá hạn" and "quá hạn 1 ngày" in page
        assert labels[2] == "Chưa thực hiện"  # the recurring reception: never overdue
    else:
        assert sorted(labels) == sorted(expected) and "quá hạn" not in page.split('data-testid="assigned"')[1]


def test_due_in_the_next_30_days(client_for, places, plan_doc, officer, settings):
    settings.TASKS_TODAY = "2024-10-05"
    page = client_for(officer).get(reverse("tasks:unit", args=[places.ward2.pk])).content.decode()
    soon = page.split('data-testid="due-soon"')[1].split("</table>")[0]
    assert "Số hóa hồ sơ TTHC" in soon and "Quán triệt" not in soon and "Tiếp công dân" not in soon


def test_the_town_sees_a_matrix_of_wards_by_task_group(client_for, places, plan_doc, officer, reviewer, settings):
    settings.TASKS_TODAY = "2024-04-15"
    actions.do_report_progress(_assignment(places.ward2, "Quán triệt Nghị quyết"), on=date(2024, 3, 20),
                               outcome="done", text="Xong", acting_user=officer)
    page = client_for(reviewer).get(reverse("tasks:matrix", args=[plan_doc.pk])).content.decode()
    ward2 = page.split('data-unit="19502"')[1].split("</tr>")[0]
    ward1 = page.split('data-unit="19501"')[1].split("</tr>")[0]
    assert ">1/1<" in ward2 and "1/3 nhiệm vụ đã hoàn thành (đúng hạn 1)" in ward2
    assert "0/1 · 1 quá hạn" in ward1 and "0/2" in ward1


def test_the_indicator_page_lists_the_tasks_serving_it(client_for, places, ward_plan, plan_doc, officer, catalogue):
    from chitieu.web.plans.models import PlanTarget

    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["CC02"], phrase="đạt 100%", order=99)
    page = client_for(officer).get(reverse("dashboards:indicator", args=[places.ward2.pk, ward_plan.pk, "CC02"]))
    text = page.content.decode()
    assert page.status_code == 200 and 'data-testid="serving-tasks"' in text
    assert "Số hóa hồ sơ TTHC" in text and "Phường 2" in text.split('data-testid="serving-tasks"')[1]
    other = client_for(officer).get(reverse("dashboards:indicator", args=[places.ward2.pk, ward_plan.pk, "KT01"]))
    assert 'data-testid="serving-tasks"' not in other.content.decode()


def test_the_viewer_reads_but_cannot_report(client_for, places, plan_doc, viewer):
    a = _assignment(places.ward2, "Quán triệt Nghị quyết")
    c = client_for(viewer)
    assert c.get(reverse("tasks:assignment", args=[a.pk])).status_code == 200
    assert c.post(reverse("tasks:assignment", args=[a.pk]),
                  {"what": "report", "on": "2024-03-20", "outcome": "done", "text": "x"}).status_code == 404
    assert c.post(reverse("tasks:document", args=[plan_doc.pk]), {"what": "group", "g-title": "x"}).status_code == 404


def test_the_pages_speak_english_when_asked(client_for, places, plan_doc, officer, settings):
    settings.TASKS_TODAY = "2024-11-01"
    c = client_for(officer)
    c.cookies["django_language"] = "en"
    page = c.get(reverse("tasks:unit", args=[places.ward2.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Assigned tasks" in page and "Not started · 215 days overdue" in " ".join(page.split())


def test_the_unfinished_tasks_by_domain_for_the_official_report(places, plan_doc, officer):
    from chitieu.web.tasks.queries import unfinished_by_domain

    actions.do_report_progress(_assignment(places.ward2, "Quán triệt Nghị quyết"), on=date(2024, 3, 20),
                               outcome="done", text="Xong", acting_user=officer)
    by_domain = unfinished_by_domain(places.ward2, date(2024, 11, 1))
    assert {d: [r.task.title for r in rows] for d, rows in by_domain.items()} == {
        "cai_cach_hanh_chinh": ["Số hóa hồ sơ TTHC"], "": ["Tiếp công dân định kỳ"]}
    assert by_domain["cai_cach_hanh_chinh"][0].overdue
