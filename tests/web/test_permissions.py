"""Who may see and change what, at every unit boundary: an outsider is refused by every view
and every endpoint (404: the object does not exist for them), a viewer may only read."""

import pytest

from chitieu.web.access import get_unit_for_user, rights_on
from chitieu.web.accounts.models import Membership
from chitieu.web.values.actions import do_save_values, do_submit
from chitieu.web.values.models import Submission, Value


@pytest.fixture
def world(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "100"}], acting_user=officer)
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    return {
        "unit": places.ward2.pk, "plan": ward_plan.pk, "code": places.ward2.code,
        "submission": Submission.objects.get().pk, "value": Value.objects.get().pk,
    }


PAGES = [  # every page that shows one unit's objects
    "/units/{unit}/",
    "/units/{unit}/plans/{plan}/entry/2024/",
    "/plans/{plan}/targets/",
    "/submissions/{submission}/review/",
    "/values/{value}/history/",
    "/units/{unit}/plans/new/",
]
POSTS = [  # every form that changes one unit's objects, with a harmless body
    ("/units/{unit}/plans/{plan}/entry/2024/", {"v-KT01": "5", "s-KT01": "chinh_thuc"}),
    ("/units/{unit}/plans/{plan}/entry/2024/row/", {"row": "KT01", "v-KT01": "5", "s-KT01": "chinh_thuc"}),
    ("/units/{unit}/plans/{plan}/entry/2024/submit/", {}),
    ("/submissions/{submission}/review/", {"decision": "approve"}),
    ("/plans/{plan}/targets/save/", {"indicator": "KT01", "phrase": "tăng 1%/năm"}),
    ("/units/{unit}/plans/new/", {"kind": "year", "base_year": 2025, "final_year": 2026}),
]
API_GETS = [
    "/api/units/{code}",
    "/api/units/{code}/plans",
    "/api/units/{code}/values",
    "/api/plans/{plan}",
    "/api/plans/{plan}/targets",
    "/api/plans/{plan}/evaluations",
    "/api/plans/{plan}/submissions",
]


def _state():
    return (list(Value.objects.values_list("value", flat=True)), Submission.objects.get().state,
            list(Submission.objects.values_list("comment", flat=True)))


@pytest.mark.parametrize("page", PAGES)
def test_the_outsider_is_refused_every_page(world, outsider, client_for, page):
    assert client_for(outsider).get(page.format(**world)).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_a_user_without_membership_is_refused_every_page(world, nobody, client_for, page):
    assert client_for(nobody).get(page.format(**world)).status_code == 404


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_log_in(world, client, page):
    r = client.get(page.format(**world))
    assert r.status_code == 302 and r["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("url, body", POSTS)
def test_the_outsider_cannot_write_anything(world, outsider, client_for, url, body):
    before = _state()
    assert client_for(outsider).post(url.format(**world), body).status_code == 404
    assert _state() == before


@pytest.mark.parametrize("url, body", POSTS)
def test_a_viewer_cannot_write_anything(world, viewer, client_for, url, body):
    before = _state()
    assert client_for(viewer).post(url.format(**world), body).status_code in (403, 404)
    assert _state() == before


@pytest.mark.parametrize("page", PAGES[:5])
def test_the_officer_reviewer_and_viewer_see_the_wards_pages(world, officer, reviewer, viewer, admin, client_for, page):
    for who in (officer, reviewer, viewer, admin):
        assert client_for(who).get(page.format(**world)).status_code == 200, who


@pytest.mark.parametrize("url", API_GETS)
def test_the_outsider_is_refused_every_endpoint(world, outsider, api_for, url):
    assert api_for(outsider).get(url.format(**world)).status_code == 404


@pytest.mark.parametrize("url", API_GETS)
def test_the_officer_reaches_every_endpoint(world, officer, api_for, url):
    assert api_for(officer).get(url.format(**world)).status_code == 200


def test_the_outsider_cannot_write_through_the_api(world, outsider, api_for):
    c = api_for(outsider)
    before = _state()
    r = c.post(f"/api/plans/{world['plan']}/values", {"year": 2024, "rows": [{"indicator": "KT01", "value": "7"}]},
               content_type="application/json")
    assert r.status_code == 404
    r = c.put(f"/api/plans/{world['plan']}/targets/KT01", {"phrase": "tăng 1%/năm"}, content_type="application/json")
    assert r.status_code == 404
    assert _state() == before


def test_the_ward_officer_does_not_see_the_other_ward_nor_the_town(places, officer):
    assert rights_on(officer, places.ward2).write
    assert not rights_on(officer, places.ward1).see
    assert not rights_on(officer, places.town).see


def test_a_town_membership_covers_its_wards(places, reviewer, viewer):
    assert rights_on(reviewer, places.ward1).review and not rights_on(reviewer, places.ward1).write
    assert rights_on(viewer, places.ward2).see and not rights_on(viewer, places.ward2).write
    assert not rights_on(viewer, places.province).see


def test_one_membership_per_user_and_unit(places, officer):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=officer, unit=places.ward2, role="viewer")


def test_the_access_helper_answers_404_for_an_unknown_unit(officer, rf):
    from django.http import Http404

    request = rf.get("/")
    request.user = officer
    with pytest.raises(Http404):
        get_unit_for_user(request, 999999)


def test_the_unit_list_shows_only_the_users_units(places, officer, client_for):
    body = client_for(officer).get("/units/").content.decode()
    assert f'href="/units/{places.ward2.pk}/"' in body
    assert f'href="/units/{places.ward1.pk}/"' not in body and f'href="/units/{places.town.pk}/"' not in body
