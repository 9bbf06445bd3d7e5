"""The tasks and TTHC API: reads what the pages show, writes through the same actions (422 naming
the row and rule), in the OpenAPI document; the outsider gets 404, the viewer 403 on writes."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.test import Client

from chitieu.web.tasks import actions
from chitieu.web.tasks.models import Assignment, TthcReport
from chitieu.web.values.models import Value


@pytest.fixture
def given(places, catalogue):
    doc = actions.do_create_document(places.town, kind="ke_hoach", number="25/KH-UBND", issued=date(2024, 1, 10),
                                     issuer="UBND thị xã Quảng Trị", title="Cải cách hành chính", acting_user=None)
    group = actions.do_add_group(doc, title="Cải cách thủ tục hành chính", acting_user=None)
    task = actions.do_add_task(group, title="Số hóa hồ sơ", deadline=date(2024, 10, 31), indicator_codes=["CC02"],
                               acting_user=None)
    actions.do_assign([task], [places.ward2], acting_user=None)
    return Assignment.objects.get(unit=places.ward2)


def _post(client, url, payload):
    return client.post(url, json.dumps(payload, default=str), content_type="application/json")


def test_a_ward_reads_its_tasks_reports_and_submits_and_the_reviewer_approves(
        api_for, places, given, officer, reviewer, settings):
    settings.TASKS_TODAY = "2024-11-01"
    c = api_for(officer)
    (item,) = c.get("/api/units/19502/tasks").json()["items"]
    assert item["task"]["title"] == "Số hóa hồ sơ" and item["task"]["indicators"] == ["CC02"]
    assert (item["status"], item["overdue"]) == ("chua_thuc_hien", True)
    url = f"/api/tasks/assignments/{given.pk}"
    r = _post(c, url + "/progress", {"on": "2024-10-20", "text": "Số hóa xong", "outcome": "done",
                                     "figures": "2.571 hồ sơ"})
    assert r.status_code == 200 and r.json()["status_label"] == "Đã hoàn thành — đúng hạn"
    assert _post(c, url + "/state", {"action": "submit"}).json()["state"] == "submitted"
    assert _post(c, url + "/state", {"action": "approve"}).status_code == 403
    r = _post(api_for(reviewer), url + "/state", {"action": "return", "comment": ""})
    assert r.status_code == 422 and r.json()["errors"]["comment"] == ["Cần ghi rõ lý do trả lại."]
    assert _post(api_for(reviewer), url + "/state", {"action": "approve"}).json()["state"] == "approved"
    doc = c.get(f"/api/tasks/documents/{given.task.group.document_id}")
    assert doc.status_code == 200 and doc.json()["groups"][0]["tasks"][0]["order"] == "1.1"


def test_the_outsider_gets_404_and_the_viewer_403_on_writes(api_for, places, given, outsider, viewer):
    url = f"/api/tasks/assignments/{given.pk}"
    other = api_for(outsider)
    assert other.get(url).status_code == 404
    assert other.get("/api/units/19502/tasks").status_code == 404
    assert other.get(f"/api/tasks/documents/{given.task.group.document_id}").status_code == 404
    assert other.get("/api/units/19502/tthc").status_code == 404
    assert _post(other, url + "/progress", {"on": "2024-10-20", "text": "x"}).status_code == 404
    assert _post(api_for(viewer), url + "/progress", {"on": "2024-10-20", "text": "x"}).status_code == 403
    assert _post(api_for(viewer), "/api/units/19502/tthc", {"start": "2024-01-01", "end": "2024-06-30",
                                                           "source": "x", "rows": []}).status_code == 403


def test_tthc_through_the_api_is_all_or_nothing_and_gives_the_values(api_for, places, officer, catalogue):
    from chitieu.web.plans.models import Plan, PlanTarget

    plan = Plan.objects.create(unit=places.ward2, kind="year", base_year=2023, final_year=2024, source="KH CCHC 2024")
    PlanTarget.objects.create(plan=plan, indicator=catalogue["CC06"], phrase="dưới 2%", order=1)
    c = api_for(officer)
    row = {"field": "Hộ tịch", "online": 320, "in_person": 280, "carried_over": 12, "early": 400, "on_time": 190,
           "late": 5, "pending_within": 15, "pending_overdue": 2, "digitised": 590, "e_results": 560}
    body = {"start": "2023-12-15", "end": "2024-11-14", "source": "Hệ thống TTHC tỉnh",
            "rows": [row, {**row, "field": "Chứng thực", "late": 6}]}
    r = _post(c, "/api/units/19502/tthc", body)
    assert r.status_code == 422
    assert r.json()["errors"]["line2"] == [
        "Dòng 2 (lĩnh vực “Chứng thực”): số tiếp nhận 612 khác số đã giải quyết 596 + đang giải quyết 17 = 613"]
    assert not TthcReport.objects.exists()
    body["rows"][1]["late"] = 5
    r = _post(c, "/api/units/19502/tthc", body)
    assert r.status_code == 200 and r.json()["received"] == 1224 and r.json()["rates"]["CC06"] == 0.8
    assert str(Value.objects.get(unit=places.ward2, indicator__code="CC06").value) == "0.8000"
    (listed,) = c.get("/api/units/19502/tthc").json()["items"]
    assert listed["rows"][1]["field"] == "Chứng thực"


def test_the_endpoints_are_in_the_openapi_document(db):
    paths = Client().get("/api/openapi.json").json()["paths"]
    for path in ("/api/units/{code}/tasks", "/api/tasks/assignments/{assignment_id}/progress",
                 "/api/tasks/assignments/{assignment_id}/state", "/api/tasks/documents/{document_id}",
                 "/api/units/{code}/tthc"):
        assert path in paths
