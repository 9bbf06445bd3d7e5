"""Navigation by role, units as a tree, one entry point to this year's data entry, and the
merged ward's officer reading the history of its former units (issue 15)."""

from __future__ import annotations

import datetime

import pytest
from conftest import _person

from chitieu.web.access import rights_on
from chitieu.web.units.models import AdministrativeUnit, LineageEvent
from chitieu.web.values.actions import do_save_values
from chitieu.web.values.history import former_units_note


def test_the_menu_follows_the_roles(places, officer, reviewer, viewer, client_for):
    officer_page = client_for(officer).get("/units/").content.decode()
    assert 'data-testid="nav-entry"' in officer_page and "/review/" not in officer_page
    reviewer_page = client_for(reviewer).get("/units/").content.decode()
    assert 'data-testid="nav-entry"' not in reviewer_page and 'href="/review/"' in reviewer_page
    viewer_page = client_for(viewer).get("/units/").content.decode()
    assert 'data-testid="nav-entry"' not in viewer_page and 'href="/review/"' not in viewer_page


def test_units_are_listed_as_a_tree_by_level(places, admin, client_for):
    AdministrativeUnit.objects.create(code="19505", name="Xã Hải Lệ", level="xa", parent=places.town)
    AdministrativeUnit.objects.create(code="42", name="Tỉnh Hà Tĩnh", level="tinh")
    html = client_for(admin).get("/units/").content.decode()
    order = [html.index(f'data-code="{c}"') for c in ("45", "464", "19501", "19502", "19505")]
    assert order == sorted(order)
    assert 'class="depth-2" style="--depth: 2" data-code="19501"' in html
    assert 'data-code="42"' not in html  # the admin of Quảng Trị does not see Hà Tĩnh


def test_the_one_entry_point_opens_this_years_sheet(places, ward_plan, officer, nobody, client_for):
    resp = client_for(officer).get("/entry/")
    year = max(ward_plan.base_year, min(ward_plan.final_year, datetime.date.today().year))
    assert resp.status_code == 302
    assert resp.url == f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/{year}/"
    page = client_for(officer).get(f"/units/{places.ward2.pk}/").content.decode()
    assert f'data-testid="current-entry" href="{resp.url}"' in page
    assert client_for(nobody).get("/entry/").url == "/units/"


@pytest.fixture
def tran_phu(catalogue):
    hatinh = AdministrativeUnit.objects.create(code="42", name="Tỉnh Hà Tĩnh", level="tinh")
    city = AdministrativeUnit.objects.create(code="436", name="Thành phố Hà Tĩnh", level="thanh_pho_thuoc_tinh",
                                             parent=hatinh, valid_to=datetime.date(2025, 6, 30))
    old = [AdministrativeUnit.objects.create(code=c, name=n, level="phuong", parent=city,
                                             valid_to=datetime.date(2025, 6, 30))
           for c, n in (("18070", "Phường Thạch Hạ"), ("18071", "Phường Thạch Trung"))]
    new = AdministrativeUnit.objects.create(code="18080", name="Phường Trần Phú", level="phuong", parent=hatinh,
                                            valid_from=datetime.date(2025, 7, 1))
    event = LineageEvent.objects.create(kind="merge", date=datetime.date(2025, 7, 1))
    event.predecessors.set(old)
    event.successors.set([new])
    from chitieu.web.plans.models import Plan, PlanTarget

    for unit in old:
        plan = Plan.objects.create(unit=unit, base_year=2020, final_year=2025, source="NQ 2020-2025")
        PlanTarget.objects.create(plan=plan, indicator=catalogue["KT05"], phrase="", order=1)
        for year, value in ((2020, "80"), (2024, "110")):
            do_save_values(unit, plan, year, [{"indicator": "KT05", "value": value}], acting_user=None)
    return new, old


def test_the_merged_wards_officer_reads_its_former_units_but_cannot_write(tran_phu, client_for):
    new, old = tran_phu
    officer = _person("canbo.tranphu", new, "officer")
    stranger = _person("canbo.khac", AdministrativeUnit.objects.get(code="436"), "officer")
    for unit in old:
        rights = rights_on(officer, unit)
        assert (rights.see, rights.write, rights.review) == (True, False, False)
        assert client_for(officer).get(f"/units/{unit.pk}/").status_code == 200
        plan = unit.plans.get()
        page = client_for(officer).get(f"/units/{unit.pk}/plans/{plan.pk}/entry/2024/").content.decode()
        assert 'name="v-KT05"' not in page and "110" in page  # read-only history
        assert client_for(officer).post(f"/units/{unit.pk}/plans/{plan.pk}/entry/2024/",
                                        {"v-KT05": "1"}).status_code == 404
    assert rights_on(stranger, new).see is False  # the old city's officer does not see the new ward


def test_the_figures_say_which_former_units_they_come_from(tran_phu, catalogue):
    new, _old = tran_phu
    assert former_units_note(new) == "2020-2024: cộng 2 đơn vị cũ (Phường Thạch Hạ, Phường Thạch Trung)."
    assert former_units_note(new, catalogue["XH09"]) == ""  # no former values of that indicator
    assert former_units_note(AdministrativeUnit.objects.get(code="18070")) == ""
