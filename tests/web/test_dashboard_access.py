"""Every dashboard view answers 404 to an outsider (an officer of the other ward), so nobody
learns that another unit's plan exists; anonymous visitors are sent to the login page."""

from __future__ import annotations

import pytest
from django.urls import reverse


def _urls(unit, plan, code="KT01"):
    return [
        reverse("dashboards:scorecard", args=[unit.pk, plan.pk]),
        reverse("dashboards:progress", args=[unit.pk, plan.pk]),
        reverse("dashboards:indicator", args=[unit.pk, plan.pk, code]),
        reverse("dashboards:comparison", args=[unit.pk, plan.pk, code]),
    ]


@pytest.fixture
def plans(ward_plan, town_plan):
    return ward_plan, town_plan


def test_the_outsider_is_refused_every_view_of_phuong_2(places, plans, outsider, client_for):
    ward_plan, _town_plan = plans
    c = client_for(outsider)
    for url in _urls(places.ward2, ward_plan):
        assert c.get(url).status_code == 404, url


def test_the_outsider_is_refused_every_view_of_the_town(places, plans, outsider, client_for):
    _ward_plan, town_plan = plans
    c = client_for(outsider)
    for url in _urls(places.town, town_plan):
        assert c.get(url).status_code == 404, url


def test_the_outsider_cannot_reach_another_units_plan_through_their_own_ward(places, plans, outsider, client_for):
    ward_plan, _town_plan = plans
    c = client_for(outsider)
    for url in _urls(places.ward1, ward_plan):  # Phường 1 is theirs, the plan is Phường 2's
        assert c.get(url).status_code == 404, url


def test_a_member_of_no_unit_is_refused_and_sees_no_plan_on_the_home_page(places, plans, nobody, client_for):
    ward_plan, town_plan = plans
    c = client_for(nobody)
    for url in _urls(places.ward2, ward_plan) + _urls(places.town, town_plan):
        assert c.get(url).status_code == 404, url
    home = c.get(reverse("dashboards:home"))
    assert home.status_code == 200
    assert "Phường 2" not in home.content.decode()
    assert "chưa được phân công" in home.content.decode()


def test_the_home_page_of_the_outsider_does_not_list_phuong_2(places, plans, outsider, client_for):
    html = client_for(outsider).get(reverse("dashboards:home")).content.decode()
    assert "Phường 2" not in html and "Thị xã Quảng Trị" not in html


def test_the_officer_the_reviewer_and_the_viewer_are_let_in(places, plans, officer, reviewer, viewer, client_for):
    ward_plan, town_plan = plans
    for person, unit, plan in ((officer, places.ward2, ward_plan), (reviewer, places.ward2, ward_plan),
                               (viewer, places.town, town_plan), (reviewer, places.ward2, town_plan)):
        c = client_for(person)
        for url in _urls(unit, plan):
            assert c.get(url).status_code == 200, (person.username, url)


def test_anonymous_visitors_are_sent_to_the_login_page(places, plans, client):
    ward_plan, _town_plan = plans
    for url in _urls(places.ward2, ward_plan) + [reverse("dashboards:home")]:
        resp = client.get(url)
        assert resp.status_code == 302 and "/accounts/login/" in resp["Location"], url


def test_an_unknown_year_or_indicator_is_not_found(places, plans, officer, client_for):
    ward_plan, _town_plan = plans
    c = client_for(officer)
    assert c.get(reverse("dashboards:scorecard", args=[places.ward2.pk, ward_plan.pk]) + "?as_of=1999").status_code == 404
    assert c.get(reverse("dashboards:indicator", args=[places.ward2.pk, ward_plan.pk, "KHONG-CO"])).status_code == 404
