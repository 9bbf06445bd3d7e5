"""Pages whose queries do not grow with the data (issue 18): the same number of queries with 10
and 100 targets in the plan, and with 5 and 300 child units under the province.

Three provinces are built side by side: 10 targets and 5 communes, 100 targets and 5 communes,
10 targets and 300 communes; each has a leader (viewer) and a reviewer who see only it, and a
ward formed in 2025 by merging all its communes (its history before 2025 is theirs combined:
5 or 300 former units). Every page is asked cold (the scorecard caches emptied, no stored
evaluation) and its queries counted. A page whose count grows is marked
``xfail(strict=True)`` in ``GROWS`` with the reason: the gap stays visible, and the marker must
go when the page is fixed (a strict xfail that passes fails the run).
"""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

SMALL, MANY_TARGETS, MANY_CHILDREN = (10, 5), (100, 5), (10, 300)
YEARS = (2020, 2024)


def _world(prefix: str, targets: int, children: int, indicators) -> dict:
    """A province with its plan of ``targets`` targets (approved values of its own for two years)
    and ``children`` communes (approved values of the first indicator)."""
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import ApiToken, Membership, Role
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.units.models import AdministrativeUnit as U
    from chitieu.web.units.models import LineageEvent
    from chitieu.web.values.models import Submission, Value

    province = U.objects.create(code=prefix, name=f"Tỉnh thử {prefix}", level="tinh")
    communes = U.objects.bulk_create([
        U(code=f"{prefix}{i:03d}", name=f"Xã thử {prefix}-{i}", level="xa", parent=province)
        for i in range(1, children + 1)])
    communes = list(U.objects.filter(parent=province).order_by("code"))
    plan = Plan.objects.create(unit=province, base_year=2020, final_year=2025, title="Kế hoạch thử")
    chosen = indicators[:targets]
    PlanTarget.objects.bulk_create([PlanTarget(plan=plan, indicator=ind, phrase="tăng 8 - 10%/năm", order=n)
                                    for n, ind in enumerate(chosen, 1)])
    rows = [Value(unit=province, indicator=ind, year=y, status="chinh_thuc", value=100 + 30 * (y - 2020) + n)
            for n, ind in enumerate(chosen) for y in YEARS]
    rows += [Value(unit=c, indicator=chosen[0], year=y, status="chinh_thuc", value=10 + n + (y - 2020))
             for n, c in enumerate(communes) for y in YEARS]
    Value.objects.bulk_create(rows)
    now = datetime.datetime.now(datetime.UTC)
    Submission.objects.bulk_create([
        Submission(unit=u, plan=plan, year=y, state=Submission.State.APPROVED, submitted_at=now, reviewed_at=now)
        for u in (province, *communes) for y in YEARS])
    # coded first among the communes, so that the first page of /api/units holds it in every world
    merged = U.objects.create(code=f"{prefix}000", name=f"Phường hợp nhất {prefix}", level="phuong",
                              parent=province, valid_from=datetime.date(2025, 7, 1))
    merger = LineageEvent.objects.create(kind="merge", date=datetime.date(2025, 7, 1))
    merger.predecessors.set(communes)
    merger.successors.set([merged])
    leader = get_user_model().objects.create_user(f"lanhdao.{prefix}", password="x")
    Membership.objects.create(user=leader, unit=province, role=Role.VIEWER)
    checker = get_user_model().objects.create_user(f"kiemtra.{prefix}", password="x")
    Membership.objects.create(user=checker, unit=province, role=Role.REVIEWER)
    _token, raw = ApiToken.issue(leader)
    browser = Client(HTTP_ACCEPT_LANGUAGE="vi")
    browser.force_login(leader)
    reviewer = Client(HTTP_ACCEPT_LANGUAGE="vi")
    reviewer.force_login(checker)
    return {"province": province, "plan": plan, "code": chosen[0].code, "commune": communes[0], "merged": merged,
            "browser": browser, "reviewer": reviewer, "api": Client(HTTP_AUTHORIZATION=f"Bearer {raw}")}


@pytest.fixture
def worlds(db):
    from chitieu.web.catalog.models import Indicator

    indicators = Indicator.objects.bulk_create([
        Indicator(code=f"Q{n:03d}", name=f"Chỉ tiêu thử {n:03d}", unit="tỷ đồng", kind="flow", direction="higher",
                  domain="kinh_te", aggregation="sum", price_basis="current")
        for n in range(1, 101)])
    indicators = list(Indicator.objects.filter(code__startswith="Q").order_by("code"))
    return {size: _world(prefix, *size, indicators)
            for prefix, size in (("71", SMALL), ("72", MANY_TARGETS), ("73", MANY_CHILDREN))}


PAGES = {  # name: (client, path) from a world
    "scorecard": ("browser", lambda w: f"/units/{w['province'].pk}/plans/{w['plan'].pk}/"),
    "home": ("browser", lambda w: "/"),
    "comparison": ("browser", lambda w: f"/units/{w['province'].pk}/plans/{w['plan'].pk}/indicators/{w['code']}/children/"),
    "api units": ("api", lambda w: "/api/units"),
    "api plan targets": ("api", lambda w: f"/api/plans/{w['plan'].pk}/targets"),
    "api unit values": ("api", lambda w: f"/api/units/{w['province'].code}/values"),
    "api plan submissions": ("api", lambda w: f"/api/plans/{w['plan'].pk}/submissions"),
    "api plan evaluations": ("api", lambda w: f"/api/plans/{w['plan'].pk}/evaluations"),
    "review list": ("reviewer", lambda w: "/review/"),
    # the merged ward: its history before 2025 combines its 5 or 300 former communes
    "merged scorecard": ("browser", lambda w: f"/units/{w['merged'].pk}/plans/{w['plan'].pk}/"),
    "merged indicator": ("browser", lambda w: f"/units/{w['merged'].pk}/plans/{w['plan'].pk}/indicators/{w['code']}/"),
    "api merged evaluations": ("api", lambda w: f"/api/plans/{w['plan'].pk}/evaluations?unit_code={w['merged'].code}"),
}

# (page, what grows) → why its query count grows today (see docs/scale.md); none at present
GROWS: dict[tuple[str, str], str] = {}


def _queries(world, page: str) -> int:
    from chitieu.web.dashboards import loading

    loading._recent._items.clear()
    cache.clear()
    who, path = PAGES[page]
    with CaptureQueriesContext(connection) as captured:
        response = world[who].get(path(world))
    assert response.status_code == 200, (page, response.status_code)
    return len(captured)


def _case(page: str, grows: str):
    reason = GROWS.get((page, grows))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(page, grows, marks=marks, id=f"{page} / {grows}")


@pytest.mark.parametrize(("page", "grows"), [_case(p, g) for p in PAGES for g in ("targets", "children")])
def test_the_number_of_queries_does_not_grow_with_the_data(worlds, page, grows):
    small = _queries(worlds[SMALL], page)
    large = _queries(worlds[MANY_TARGETS if grows == "targets" else MANY_CHILDREN], page)
    what = "100 targets instead of 10" if grows == "targets" else "300 child units instead of 5"
    assert large == small, f"{page}: {small} queries, {large} with {what}"


def test_the_worlds_hold_what_the_counts_are_about(worlds):
    """The comparison is about real data: the scorecards show every target evaluated, the
    comparison every child."""
    from chitieu.web.values.models import Value

    for (targets, children), world in worlds.items():
        page = world["browser"].get(PAGES["scorecard"][1](world)).content.decode()
        assert f"/{targets} <small>" in page
        assert Value.objects.filter(unit__parent=world["province"]).count() == 2 * children
        comparison = world["browser"].get(PAGES["comparison"][1](world)).content.decode()
        assert comparison.count(f"Xã thử {world['province'].code}-") >= children
