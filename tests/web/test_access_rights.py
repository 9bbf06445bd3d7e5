"""One permission source: ``access.Rights`` answers every "may", and the web and the API agree.

Personas (conftest): the officer of Phường 2, the outsider (officer of Phường 1), the town's
reviewer and viewer, the province's admin.
"""

from __future__ import annotations

import json

from conftest import _person

from chitieu.web.access import may_edit_catalogue, rights_on


def test_a_viewer_of_the_ward_may_issue_its_report_but_not_set_its_template(places, db):
    ward_viewer = _person("xem.phuong2", places.ward2, "viewer")
    rights = rights_on(ward_viewer, places.ward2)
    assert rights.see and rights.generate
    assert not rights.set_template and not rights.write


def test_a_viewer_of_the_town_reads_the_ward_but_does_not_issue_its_report(places, viewer):
    rights = rights_on(viewer, places.ward2)
    assert rights.see and not rights.generate and not rights.set_template


def test_officers_and_reviewers_above_may_issue_reports_and_only_officers_set_templates(places, officer, reviewer):
    assert rights_on(officer, places.ward2).set_template
    town_reviewer = rights_on(reviewer, places.ward2)
    assert town_reviewer.generate and not town_reviewer.set_template


def test_the_outsider_has_no_right_on_the_other_ward(places, outsider):
    assert rights_on(outsider, places.ward2) == rights_on(outsider, places.town) == type(rights_on(outsider, places.ward2))()


def test_only_province_admins_edit_the_national_catalogue(places, admin, officer, db):
    ward_admin = _person("quantri.phuong2", places.ward2, "admin")
    town_admin = _person("quantri.thixa", places.town, "admin")
    assert may_edit_catalogue(admin)
    assert not may_edit_catalogue(ward_admin)
    assert not may_edit_catalogue(town_admin)
    assert not may_edit_catalogue(officer)


def test_a_ward_officer_uses_the_town_plan_through_the_api_as_on_the_web(places, officer, town_plan, api_for, client_for):
    api = api_for(officer)
    r = api.get(f"/api/plans/{town_plan.pk}")
    assert r.status_code == 200 and r.json()["unit_code"] == "464"
    r = api.post(f"/api/plans/{town_plan.pk}/values", data=json.dumps(
        {"unit_code": "19502", "year": 2024, "rows": [{"indicator": "XH09", "value": "97,5"}]}),
        content_type="application/json")
    assert r.status_code == 200, r.content
    assert r.json()[0]["value"] == 97.5 and r.json()[0]["unit_code"] == "19502"
    web = client_for(officer).get(f"/units/{places.ward2.pk}/plans/{town_plan.pk}/entry/2024/")
    assert web.status_code == 200 and "97,5" in web.content.decode()


def test_a_ward_officer_may_not_write_the_town_own_values_through_its_plan(places, officer, town_plan, api_for):
    r = api_for(officer).post(f"/api/plans/{town_plan.pk}/values", data=json.dumps(
        {"year": 2024, "rows": [{"indicator": "XH09", "value": "97,5"}]}), content_type="application/json")
    assert r.status_code in (403, 404)
    from chitieu.web.values.models import Value

    assert not Value.objects.filter(unit=places.town).exists()


def test_the_outsider_gets_404_for_the_other_ward_plan(places, outsider, ward_plan, api_for):
    assert api_for(outsider).get(f"/api/plans/{ward_plan.pk}").status_code == 404


def test_a_member_of_another_province_gets_404_for_the_town_plan(db, town_plan, api_for):
    from chitieu.web.units.models import AdministrativeUnit as U

    other = U.objects.create(code="46", name="Tỉnh Thừa Thiên Huế", level="tinh")
    stranger = _person("canbo.hue", other, "officer")
    assert api_for(stranger).get(f"/api/plans/{town_plan.pk}").status_code == 404
