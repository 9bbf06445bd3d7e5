"""The API's lists at scale (issue 18): every list comes in pages of a bounded size with its
``count``, documented in the OpenAPI schema; clients are throttled per user and, without
credentials, per address (429 in Vietnamese and English); the heavy reads — units, a unit's
values, a plan's evaluations — answer conditional requests with 304 until something changes;
and the number of queries of each list does not grow with its rows (10 and 100).

A national list of units has ~14.000 rows: the default page must stay bounded whatever the data.
"""

from __future__ import annotations

import datetime
import time
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from api_pages import every
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.models import Value

pytestmark = pytest.mark.django_db

TOO_MANY = "Quá nhiều yêu cầu, hãy thử lại sau / too many requests, try again later"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()  # the throttles count in the cache, which outlives a test
    yield
    cache.clear()


def _save(api, plan, year, rows, unit_code=None):
    body = {"year": year, "rows": [{"indicator": code, "value": value} for code, value in rows]}
    if unit_code:
        body["unit_code"] = unit_code
    response = api.post(f"/api/plans/{plan.pk}/values", body, content_type="application/json")
    assert response.status_code == 200, response.content
    return response


# --- pages --------------------------------------------------------------------------------


@pytest.fixture
def many_wards(places):
    """150 more wards under the town: 154 units for the province's administrator."""
    AdministrativeUnit.objects.bulk_create([
        AdministrativeUnit(code=f"{30000 + n}", name=f"Phường thử {n}", level="phuong", parent=places.town)
        for n in range(150)])


def test_the_units_come_in_pages_of_100_unless_asked_and_never_more_than_1000(many_wards, admin, api_for):
    api = api_for(admin)
    first = api.get("/api/units").json()
    assert first["count"] == 154 and len(first["items"]) == 100
    assert [u["code"] for u in first["items"][:3]] == ["19501", "19502", "30000"]  # by code
    last = api.get("/api/units", {"offset": 150}).json()
    assert [u["code"] for u in last["items"]] == ["30148", "30149", "45", "464"] and last["count"] == 154
    assert api.get("/api/units", {"offset": 154}).json() == {"items": [], "count": 154}
    assert len(api.get("/api/units", {"limit": 1000}).json()["items"]) == 154
    refused = api.get("/api/units", {"limit": 1001})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["query", "limit"]
    assert api.get("/api/units", {"limit": 0}).status_code == 422
    assert api.get("/api/units", {"offset": -1}).status_code == 422


def test_following_the_pages_gives_every_unit_once_in_order(many_wards, admin, api_for):
    codes = [u["code"] for u in every(api_for(admin), "/api/units", limit=40)]
    assert codes == sorted(AdministrativeUnit.objects.values_list("code", flat=True)) and len(codes) == 154


def test_a_page_holds_only_what_the_user_may_see(many_wards, officer, api_for):
    assert api_for(officer).get("/api/units", {"limit": 1000}).json()["count"] == 1  # Phường 2 alone


def test_a_unit_s_values_come_in_pages_with_their_filters(ward_plan, places, officer, api_for):
    api = api_for(officer)
    for year in range(2020, 2026):
        _save(api, ward_plan, year, [("KT01", 100 + year - 2020), ("XH09", 90)])
    assert api.get("/api/units/19502/values").json()["count"] == 12
    page = api.get("/api/units/19502/values", {"indicator": "KT01", "limit": 4, "offset": 4}).json()
    assert page["count"] == 6 and [(v["year"], v["value"]) for v in page["items"]] == [(2024, 104.0), (2025, 105.0)]
    assert [v["indicator"] for v in every(api, "/api/units/19502/values", {"year": 2022}, limit=1)] == ["KT01", "XH09"]


GET_LISTS = [  # every list of the API that is read with GET and comes in pages
    "/api/units", "/api/indicators", "/api/units/{code}/plans", "/api/plans/{plan_id}/targets",
    "/api/units/{code}/values", "/api/plans/{plan_id}/submissions",
    "/api/plans/{plan_id}/targets/{indicator_code}/assigned", "/api/units/{code}/tasks", "/api/units/{code}/tthc",
    "/api/review/submissions",
]


def test_every_list_is_paged_in_the_openapi_schema_with_its_bounds(db):
    schema = Client().get("/api/openapi.json").json()
    listed = []
    for path, operations in schema["paths"].items():
        get = operations.get("get")
        if get is None or "exchange" in path:  # the exchange formats stream whole sets (docs/exchange.md)
            continue
        body = get["responses"]["200"].get("content", {}).get("application/json", {}).get("schema", {})
        assert body.get("type") != "array", f"{path} returns a bare list"
        if "$ref" in body and body["$ref"].split("/")[-1].startswith("Paged"):
            listed.append(path)
            params = {p["name"]: p["schema"] for p in get["parameters"] if p["in"] == "query"}
            assert params["limit"]["default"] == 100 and params["limit"]["maximum"] == 1000, path
            assert params["offset"] == {"default": 0, "minimum": 0, "title": "Offset", "type": "integer",
                                        "description": params["offset"]["description"]}
            paged = schema["components"]["schemas"][body["$ref"].split("/")[-1]]
            assert set(paged["required"]) == {"items", "count"}, path
    assert sorted(listed) == sorted(GET_LISTS)


# --- throttling ---------------------------------------------------------------------------


def test_a_user_past_the_rate_gets_429_with_the_reason_in_both_languages(officer, viewer, api_for, settings):
    settings.API_THROTTLE_RATE = "3/min"
    api = api_for(officer)
    assert [api.get("/api/units/19502/values").status_code for _ in range(3)] == [200, 200, 200]
    refused = api.get("/api/units/19502/values")
    assert refused.status_code == 429 and refused.json() == {"detail": TOO_MANY}
    assert 0 < int(refused["Retry-After"]) <= 60
    assert api_for(viewer).get("/api/units").status_code == 200  # each user counts alone


def test_requests_without_credentials_are_throttled_per_address(officer, api_for, settings):
    settings.API_ANON_THROTTLE_RATE = "3/min"
    anonymous = Client(REMOTE_ADDR="203.0.113.7")
    assert [anonymous.get("/api/units").status_code for _ in range(3)] == [401, 401, 401]
    refused = anonymous.get("/api/indicators")
    assert refused.status_code == 429 and refused.json() == {"detail": TOO_MANY}
    assert 0 < int(refused["Retry-After"]) <= 60
    assert Client(REMOTE_ADDR="203.0.113.8").get("/api/units").status_code == 401  # another address: its own count
    assert api_for(officer).get("/api/units").status_code == 200  # a user with a token is not held back


# --- conditional requests -----------------------------------------------------------------


def _an_hour_ago(**filters):
    Value.objects.filter(**filters).update(updated_at=timezone.now() - datetime.timedelta(hours=1))


def test_a_unit_s_values_answer_304_until_a_value_is_saved(ward_plan, officer, api_for):
    api = api_for(officer)
    _save(api, ward_plan, 2023, [("KT01", 1000), ("XH09", 95)])
    _an_hour_ago()
    url = "/api/units/19502/values"
    first = api.get(url)
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag.startswith('W/"') and first["Cache-Control"] == "private, no-cache"
    newest = Value.objects.order_by("-updated_at").first().updated_at
    assert modified == http_date(int(newest.timestamp())) and first.json()["count"] == 2

    again = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"something-else", ' + etag).status_code == 304
    # another page, another filter, another user: another ETag
    assert api.get(url, {"limit": 1}, HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert api.get(url, {"year": 2023}, HTTP_IF_NONE_MATCH=etag).status_code == 200

    _save(api, ward_plan, 2023, [("KT01", 1100)])
    newest = int(Value.objects.order_by("-updated_at").first().updated_at.timestamp())
    before = int(time.time())
    changed = api.get(url, HTTP_IF_NONE_MATCH=etag)
    after = int(time.time())
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert {v["indicator"]: v["value"] for v in changed.json()["items"]} == {"KT01": 1100.0, "XH09": 95.0}
    # while the newest change's second is not over there is no Last-Modified, so If-Modified-Since
    # cannot hide it; once over, it is that second (a loaded machine may get there first)
    if after == newest:
        assert not changed.has_header("Last-Modified")
    elif before > newest:
        assert changed["Last-Modified"] == http_date(newest)
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200


def test_a_removed_value_changes_the_etag_though_the_newest_time_may_not(ward_plan, officer, api_for):
    api = api_for(officer)
    _save(api, ward_plan, 2023, [("KT01", 1000), ("XH09", 95)])
    _an_hour_ago(indicator__code="XH09")
    Value.objects.filter(indicator__code="KT01").update(updated_at=timezone.now() - datetime.timedelta(hours=2))
    url = "/api/units/19502/values"
    etag = api.get(url)["ETag"]
    _save(api, ward_plan, 2023, [("KT01", "")])  # an empty value removes it
    _an_hour_ago()
    after = api.get(url, HTTP_IF_NONE_MATCH=etag)
    assert after.status_code == 200 and [v["indicator"] for v in after.json()["items"]] == ["XH09"]


def _status(response, code):
    return {e["code"]: e["status"] for e in response.json()["evaluations"]}[code]


def test_the_evaluations_answer_304_until_a_value_or_a_review_changes(ward_plan, officer, reviewer, api_for):
    officer_api, reviewer_api = api_for(officer), api_for(reviewer)
    url = f"/api/plans/{ward_plan.pk}/evaluations"
    _save(officer_api, ward_plan, 2020, [("XH09", "95")])
    latest = reviewer_api.get(url, {"du_lieu": "moi_nhat"})
    approved = reviewer_api.get(url)
    assert latest["ETag"] != approved["ETag"]  # another query, another representation
    assert _status(latest, "XH09") == "chua_du_so_lieu"

    with CaptureQueriesContext(connection) as captured:
        assert reviewer_api.get(url, HTTP_IF_NONE_MATCH=approved["ETag"]).status_code == 304
    read = " ".join(q["sql"] for q in captured)  # the token, the plan, the rights, the plan's version
    assert "evaluations_planversion" in read and "values_value" not in read and "evaluations_storedevaluations" not in read

    _save(officer_api, ward_plan, 2025, [("XH09", "100")])
    fresh = reviewer_api.get(url, {"du_lieu": "moi_nhat"}, HTTP_IF_NONE_MATCH=latest["ETag"])
    assert fresh.status_code == 200 and _status(fresh, "XH09") == "dat" and fresh["ETag"] != latest["ETag"]
    assert reviewer_api.get(url, {"du_lieu": "moi_nhat"}, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 304
    # an approval changes what the evaluations of approved data read
    for year in (2020, 2025):
        assert officer_api.post(f"/api/plans/{ward_plan.pk}/submissions", {"year": year, "action": "submit"},
                                content_type="application/json").status_code == 200
        assert reviewer_api.post(f"/api/plans/{ward_plan.pk}/submissions",
                                 {"unit_code": "19502", "year": year, "action": "approve"},
                                 content_type="application/json").status_code == 200
    now_approved = reviewer_api.get(url, HTTP_IF_NONE_MATCH=approved["ETag"])
    assert now_approved.status_code == 200 and _status(now_approved, "XH09") == "dat"


def test_the_evaluations_change_with_a_target(ward_plan, admin, api_for):
    api = api_for(admin)
    url = f"/api/plans/{ward_plan.pk}/evaluations"
    etag = api.get(url)["ETag"]
    assert api.put(f"/api/plans/{ward_plan.pk}/targets/KT01", {"phrase": "tăng 20-22%/năm"},
                   content_type="application/json").status_code == 200
    assert api.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_units_answer_304_until_a_unit_is_added(places, admin, api_for):
    api = api_for(admin)
    first = api.get("/api/units")
    assert api.get("/api/units", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    AdministrativeUnit.objects.create(code="19503", name="Phường 3", level="phuong", parent=places.town)
    after = api.get("/api/units", HTTP_IF_NONE_MATCH=first["ETag"])
    assert after.status_code == 200 and after.json()["count"] == 5
    assert "Phường 3" in {u["name"] for u in after.json()["items"]}


def test_another_user_does_not_match_the_etag(ward_plan, officer, viewer, api_for):
    _save(api_for(officer), ward_plan, 2023, [("KT01", 1000)])
    etag = api_for(officer).get("/api/units/19502/values")["ETag"]
    assert api_for(viewer).get("/api/units/19502/values", HTTP_IF_NONE_MATCH=etag).status_code == 200


# --- queries that do not grow -------------------------------------------------------------


def _world(prefix: str, n: int, indicators) -> dict:
    """A province with ``n`` of everything a list shows: communes, targets, its own values,
    submissions of the communes waiting for review, figures assigned to one target, tasks
    assigned to it with a progress report each, TTHC windows; and its administrator."""
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import ApiToken, Membership, Role
    from chitieu.web.plans.models import AssignedFigure, Plan, PlanTarget
    from chitieu.web.tasks.models import (
        Assignment,
        ProgressReport,
        SourceDocument,
        Task,
        TaskGroup,
        TthcFieldRow,
        TthcReport,
    )
    from chitieu.web.values.models import Submission

    U = AdministrativeUnit  # noqa: N806
    province = U.objects.create(code=prefix, name=f"Tỉnh thử {prefix}", level="tinh")
    U.objects.bulk_create([U(code=f"{prefix}{i:03d}", name=f"Xã thử {prefix}-{i}", level="xa", parent=province)
                           for i in range(n)])
    communes = list(U.objects.filter(parent=province).order_by("code"))
    plan = Plan.objects.create(unit=province, base_year=2020, final_year=2025, title="Kế hoạch thử")
    chosen = indicators[:n]
    yearly = Plan.objects.bulk_create([Plan(unit=province, kind="year", base_year=1900 + k, final_year=1901 + k)
                                       for k in range(n - 1)])
    PlanTarget.objects.bulk_create([PlanTarget(plan=p, indicator=chosen[0], phrase="tăng 8%") for p in yearly])
    targets = PlanTarget.objects.bulk_create([PlanTarget(plan=plan, indicator=ind, phrase="tăng 8 - 10%/năm", order=k)
                                              for k, ind in enumerate(chosen, 1)])
    Value.objects.bulk_create([Value(unit=province, indicator=ind, year=2024, status="chinh_thuc", value=100 + k)
                               for k, ind in enumerate(chosen)])
    now = timezone.now()
    Submission.objects.bulk_create([Submission(unit=c, plan=plan, year=2024, state=Submission.State.SUBMITTED,
                                               submitted_at=now) for c in communes])
    target = PlanTarget.objects.get(pk=targets[0].pk)
    AssignedFigure.objects.bulk_create([
        AssignedFigure(target=target, year=1900 + k, value=k, doc_number=f"{k}/QĐ-UBND", doc_date=date(2024, 1, 1),
                       issuer="UBND tỉnh") for k in range(n)])
    doc = SourceDocument.objects.create(unit=province, number="1/KH-UBND", issued=date(2024, 1, 2),
                                        issuer="UBND tỉnh", title="Kế hoạch thử")
    group = TaskGroup.objects.create(document=doc, order=1, title="Nhóm thử")
    tasks = Task.objects.bulk_create([Task(group=group, order=k, title=f"Nhiệm vụ {k}",
                                           deadline=date(2024, 1, 1) + datetime.timedelta(days=k)) for k in range(n)])
    for task, ind in zip(tasks, chosen, strict=True):
        task.indicators.add(ind)
    assignments = Assignment.objects.bulk_create([Assignment(task=t, unit=province) for t in tasks])
    ProgressReport.objects.bulk_create([ProgressReport(assignment=a, on=date(2024, 2, 1), text="Đang làm")
                                        for a in assignments])
    windows = TthcReport.objects.bulk_create([
        TthcReport(unit=province, start=date(2000 + k, 1, 1), end=date(2000 + k, 12, 31), source="Cổng dịch vụ công")
        for k in range(n)])
    TthcFieldRow.objects.bulk_create([TthcFieldRow(report=w, order=1, field="Hộ tịch", online=3, early=3)
                                      for w in windows])
    user = get_user_model().objects.create_user(f"quantri.{prefix}", password="x")
    Membership.objects.create(user=user, unit=province, role=Role.ADMIN)
    _token, raw = ApiToken.issue(user)
    return {"n": n, "code": prefix, "plan_id": plan.pk, "indicator_code": chosen[0].code,
            "api": Client(HTTP_AUTHORIZATION=f"Bearer {raw}")}


@pytest.fixture
def worlds(db):
    from chitieu.web.catalog.models import Indicator

    Indicator.objects.bulk_create([
        Indicator(code=f"Q{k:03d}", name=f"Chỉ tiêu thử {k:03d}", unit="tỷ đồng", kind="flow", direction="higher",
                  domain="kinh_te", aggregation="sum", price_basis="current")
        for k in range(1, 101)])
    indicators = list(Indicator.objects.filter(code__startswith="Q").order_by("code"))
    return {n: _world(prefix, n, indicators) for prefix, n in (("81", 10), ("82", 100))}


def _get(world, template: str):
    path = template.format(code=world["code"], plan_id=world["plan_id"], indicator_code=world["indicator_code"])
    with CaptureQueriesContext(connection) as captured:
        response = world["api"].get(path)
    assert response.status_code == 200, (path, response.status_code, response.content[:300])
    return response.json(), len(captured)


@pytest.mark.parametrize("template", GET_LISTS)
def test_the_queries_of_a_list_do_not_grow_with_its_rows(worlds, template):
    small, small_queries = _get(worlds[10], template)
    large, large_queries = _get(worlds[100], template)
    if template != "/api/indicators":  # the catalogue is shared by both worlds
        assert small["count"] >= 10 and large["count"] >= 100, (small["count"], large["count"])
    assert large_queries == small_queries, f"{template}: {small_queries} queries with 10 rows, {large_queries} with 100"


def test_the_worlds_hold_what_the_lists_are_about(worlds):
    world = worlds[100]
    counts = {t: _get(world, t)[0]["count"] for t in GET_LISTS}
    assert counts == {
        "/api/units": 101, "/api/indicators": 100, "/api/units/{code}/plans": 100, "/api/plans/{plan_id}/targets": 100,
        "/api/units/{code}/values": 100, "/api/plans/{plan_id}/submissions": 100,
        "/api/plans/{plan_id}/targets/{indicator_code}/assigned": 100, "/api/units/{code}/tasks": 100,
        "/api/units/{code}/tthc": 100, "/api/review/submissions": 100,
    }
    tasks = _get(world, "/api/units/{code}/tasks")[0]["items"]
    assert {(len(t["task"]["indicators"]), t["reports"][0]["text"], t["overdue"]) for t in tasks} == {(1, "Đang làm", True)}
    tthc = _get(world, "/api/units/{code}/tthc")[0]["items"]
    assert tthc[0]["start"] == "2099-01-01" and tthc[0]["received"] == 3
