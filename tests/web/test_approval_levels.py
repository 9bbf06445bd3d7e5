"""Approval by level (issue 15): a ward submits → the town approves → the province accepts; a
two-tier tree skips the middle level; bulk approve / accept / return, each item through its
action with its audit row; who and when at each level on the submission, the pages and the API;
"approved" for leaders' pages means approved at any level."""

from __future__ import annotations

import pytest
from conftest import _person
from django.core.exceptions import PermissionDenied

from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.values.actions import (
    do_accept,
    do_approve,
    do_bulk,
    do_reopen,
    do_return,
    do_save_values,
    do_submit,
)
from chitieu.web.values.history import approved_values
from chitieu.web.values.models import Submission, Value


@pytest.fixture
def province_reviewer(places):
    return _person("kiemtra.tinh", places.province, "reviewer")


@pytest.fixture
def wards_submitted(town_plan, places, officer, outsider):
    """Both wards of the town enter and submit 2024 under the town's plan."""
    out = {}
    for ward, who, value in ((places.ward1, outsider, "120"), (places.ward2, officer, "318")):
        do_save_values(ward, town_plan, 2024, [{"indicator": "KT01", "value": value}], acting_user=who)
        out[ward.code] = do_submit(ward, town_plan, 2024, acting_user=who)
    return out


def test_the_town_approves_then_the_province_accepts_and_each_level_is_stamped(
        wards_submitted, reviewer, province_reviewer):
    s = wards_submitted["19502"]
    s = do_approve(s, acting_user=reviewer)
    assert (s.state, s.approved_by, s.accepted_by) == ("approved", reviewer, None)
    assert s.approved_at is not None
    s = do_accept(s, acting_user=province_reviewer)
    assert (s.state, s.approved_by, s.accepted_by) == ("accepted", reviewer, province_reviewer)
    assert s.accepted_at >= s.approved_at
    assert list(AuditLog.objects.filter(object_type="values.submission", object_id=str(s.pk))
                .order_by("pk").values_list("action", "new")) == [
        ("submission.submit", "submitted"), ("submission.approve", "approved"), ("submission.accept", "accepted")]


def test_the_town_reviewer_cannot_accept_for_the_province(wards_submitted, reviewer):
    s = do_approve(wards_submitted["19502"], acting_user=reviewer)
    with pytest.raises(PermissionDenied):
        do_accept(s, acting_user=reviewer)
    assert Submission.objects.get(pk=s.pk).state == "approved"


def test_a_submitted_year_cannot_be_accepted_before_the_town_approves(wards_submitted, province_reviewer):
    with pytest.raises(ActionError):
        do_accept(wards_submitted["19502"], acting_user=province_reviewer)


def test_a_two_tier_tree_skips_the_middle_level(places, catalogue):
    """A ward directly under its province (after the 2025 reform): the province's approval is final."""
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.units.models import AdministrativeUnit

    hatinh = AdministrativeUnit.objects.create(code="42", name="Tỉnh Hà Tĩnh", level="tinh")
    tranphu = AdministrativeUnit.objects.create(code="18080", name="Phường Trần Phú", level="phuong", parent=hatinh)
    plan = Plan.objects.create(unit=tranphu, base_year=2025, final_year=2030, source="KH 2026-2030")
    PlanTarget.objects.create(plan=plan, indicator=catalogue["KT05"], phrase="700 tỷ đồng", order=1)
    officer = _person("canbo.tranphu", tranphu, "officer")
    boss = _person("kiemtra.hatinh", hatinh, "reviewer")
    do_save_values(tranphu, plan, 2026, [{"indicator": "KT05", "value": "330"}], acting_user=officer)
    s = do_approve(do_submit(tranphu, plan, 2026, acting_user=officer), acting_user=boss)
    assert (s.state, s.approved_by, s.accepted_by) == ("accepted", boss, boss)


def test_approved_at_the_town_counts_as_approved_for_leaders(wards_submitted, reviewer, province_reviewer):
    qs = Value.objects.filter(indicator__code="KT01", year=2024)
    assert approved_values(qs).count() == 0
    do_approve(wards_submitted["19502"], acting_user=reviewer)
    assert list(approved_values(qs).values_list("unit__code", flat=True)) == ["19502"]
    do_accept(Submission.objects.get(pk=wards_submitted["19502"].pk), acting_user=province_reviewer)
    assert list(approved_values(qs).values_list("unit__code", flat=True)) == ["19502"]


def test_bulk_approve_a_whole_town_writes_one_audit_row_per_submission(wards_submitted, reviewer):
    done = do_bulk("approve", list(Submission.objects.all()), acting_user=reviewer)
    assert sorted(s.unit.code for s in done) == ["19501", "19502"]
    assert set(Submission.objects.values_list("state", flat=True)) == {"approved"}
    assert AuditLog.objects.filter(action="submission.approve").count() == 2


def test_bulk_is_all_or_nothing_and_names_the_unit(wards_submitted, reviewer):
    ward1 = wards_submitted["19501"]
    with pytest.raises(ActionError) as err:
        do_bulk("return", list(Submission.objects.all()), acting_user=reviewer, comment="")
    assert "Phường 1 năm 2024" in str(err.value)
    assert Submission.objects.get(pk=ward1.pk).state == "submitted"
    assert not AuditLog.objects.filter(action="submission.return").exists()


def test_bulk_by_an_outsider_is_refused_and_changes_nothing(wards_submitted, outsider):
    with pytest.raises(PermissionDenied):
        do_bulk("approve", list(Submission.objects.all()), acting_user=outsider)
    assert set(Submission.objects.values_list("state", flat=True)) == {"submitted"}


def test_return_clears_the_seals_and_an_accepted_year_reopens_only_by_the_province(
        wards_submitted, reviewer, province_reviewer):
    s = do_accept(do_approve(wards_submitted["19502"], acting_user=reviewer), acting_user=province_reviewer)
    with pytest.raises(ActionError):
        do_reopen(s, acting_user=reviewer)
    s = do_reopen(s, acting_user=province_reviewer, comment="Sửa theo số liệu thống kê")
    assert (s.state, s.approved_by, s.accepted_by) == ("draft", None, None)
    s2 = do_approve(wards_submitted["19501"], acting_user=reviewer)
    s2 = do_return(s2, acting_user=province_reviewer, comment="Số lao động chưa khớp")
    assert (s2.state, s2.approved_at) == ("returned", None)


def test_the_bulk_page_approves_a_town_and_refuses_an_outsider(wards_submitted, places, reviewer, outsider,
                                                               client_for):
    resp = client_for(outsider).post("/review/bulk/", {"town": places.town.pk, "decision": "approve"})
    assert resp.status_code == 404  # the outsider reviews nothing there: nothing is named
    assert set(Submission.objects.values_list("state", flat=True)) == {"submitted"}
    resp = client_for(reviewer).post("/review/bulk/", {"town": places.town.pk, "decision": "approve"})
    assert resp.status_code == 302
    assert set(Submission.objects.values_list("state", flat=True)) == {"approved"}


def test_the_api_shows_who_and_when_at_each_level_and_accepts(wards_submitted, reviewer, province_reviewer,
                                                              api_for, outsider):
    s = do_approve(wards_submitted["19502"], acting_user=reviewer)
    got = api_for(reviewer).get(f"/api/review/submissions/{s.pk}").json()
    assert (got["state"], got["approved_by"], got["accepted_by"]) == ("approved", "kiemtra.thixa", None)
    assert got["approved_at"] and got["submitted_by"] == "canbo.phuong2"
    assert api_for(reviewer).post(f"/api/review/submissions/{s.pk}/accept", {}, content_type="application/json"
                                  ).status_code == 403
    resp = api_for(province_reviewer).post(f"/api/review/submissions/{s.pk}/accept", {},
                                           content_type="application/json")
    assert resp.status_code == 200 and resp.json()["accepted_by"] == "kiemtra.tinh"
    assert api_for(outsider).get(f"/api/review/submissions/{wards_submitted['19502'].pk}").status_code == 404


def test_the_api_bulk_approves_a_selection(wards_submitted, reviewer, api_for):
    ids = [s.pk for s in wards_submitted.values()]
    resp = api_for(reviewer).post("/api/review/bulk", {"decision": "approve", "ids": ids},
                                  content_type="application/json")
    assert resp.status_code == 200
    assert sorted(x["state"] for x in resp.json()) == ["approved", "approved"]
