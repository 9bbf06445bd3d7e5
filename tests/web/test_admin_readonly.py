"""The Django admin shows domain data but does not change it (issue 10, item 7): changes go
through the actions, which check approval and write the audit. Users and memberships, which have
no other screen, are edited in the admin with an audit row per changed field.

Reproduction: a superuser changed an approved value in the admin; no audit row, no approval.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from chitieu.web.accounts.models import Membership
from chitieu.web.audit.models import AuditLog
from chitieu.web.values.models import Submission, Value

READ_ONLY = [
    "values.value", "values.submission", "plans.plan", "plans.plantarget", "catalog.indicator",
    "units.administrativeunit", "units.lineageevent", "accounts.apitoken", "audit.auditlog",
]


@pytest.fixture
def root(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "mat-khau-thu-nghiem-1")


@pytest.fixture
def approved_value(places, catalogue, ward_plan, officer):
    value = Value.objects.create(unit=places.ward2, indicator=catalogue["XH09"], year=2023, status="actual",
                                 value=Decimal("262"))
    Submission.objects.create(unit=places.ward2, plan=ward_plan, year=2023, state="approved")
    return value


def _change_form(value) -> dict:
    return {"unit": value.unit_id, "indicator": value.indicator_id, "year": value.year, "status": value.status,
            "value": "12345", "source": "", "note": "", "version": value.version}


def test_a_superusers_post_to_the_change_page_of_a_value_is_refused_and_changes_nothing(
        approved_value, root, client_for):
    c = client_for(root)
    audit_rows = AuditLog.objects.count()
    r = c.post(f"/admin/values/value/{approved_value.pk}/change/", _change_form(approved_value))
    assert r.status_code == 403
    approved_value.refresh_from_db()
    assert approved_value.value == Decimal("262")
    assert AuditLog.objects.count() == audit_rows
    assert c.post(f"/admin/values/value/{approved_value.pk}/delete/", {"post": "yes"}).status_code == 403
    assert c.post("/admin/values/value/add/", _change_form(approved_value)).status_code == 403
    assert Value.objects.filter(pk=approved_value.pk).exists() and Value.objects.count() == 1


def test_the_value_pages_of_the_admin_still_show_the_data(approved_value, root, client_for):
    c = client_for(root)
    listing = c.get("/admin/values/value/")
    assert listing.status_code == 200 and "Phường 2" in listing.content.decode()
    page = c.get(f"/admin/values/value/{approved_value.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "262" in body and 'name="_save"' not in body  # shown, no save button


def test_the_delete_selected_action_deletes_no_value(approved_value, root, client_for):
    r = client_for(root).post("/admin/values/value/", {"action": "delete_selected", "_selected_action": [
        approved_value.pk], "post": "yes"})
    assert r.status_code in (200, 302, 403)
    assert Value.objects.filter(pk=approved_value.pk).exists()


@pytest.mark.parametrize("label", READ_ONLY)
def test_every_domain_model_is_read_only_in_the_admin(label, root, catalogue, ward_plan, client_for, rf):
    model_admin = next(ma for m, ma in admin.site._registry.items() if m._meta.label_lower == label)
    request = rf.get("/admin/")
    request.user = root
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    assert model_admin.has_view_permission(request)
    app, model = label.split(".")
    c = client_for(root)
    assert c.get(f"/admin/{app}/{model}/").status_code == 200
    assert c.get(f"/admin/{app}/{model}/add/").status_code == 403


def test_no_domain_model_is_left_editable_in_the_admin(db):
    # a model registered later must choose: read-only, or audited saves
    from chitieu.web.audit.admin import AuditedAdmin, ReadOnlyAdmin

    ours = {m._meta.label_lower: ma for m, ma in admin.site._registry.items()
            if m.__module__.startswith("chitieu.") or m._meta.label_lower == "auth.user"}
    loose = [label for label, ma in ours.items() if not isinstance(ma, ReadOnlyAdmin | AuditedAdmin)]
    assert loose == []
    assert set(READ_ONLY) <= {label for label, ma in ours.items() if isinstance(ma, ReadOnlyAdmin)}


def test_a_membership_granted_changed_and_removed_in_the_admin_is_audited(places, officer, root, client_for):
    c = client_for(root)
    r = c.post("/admin/accounts/membership/add/", {"user": officer.pk, "unit": places.town.pk, "role": "viewer"})
    assert r.status_code == 302
    m = Membership.objects.get(user=officer, unit=places.town)
    created = AuditLog.objects.filter(action="membership.create", object_id=str(m.pk))
    assert {(a.field, a.new) for a in created} >= {("role", "viewer"), ("unit", str(places.town))}
    assert all(a.actor == root and a.unit == places.town for a in created)

    r = c.post(f"/admin/accounts/membership/{m.pk}/change/", {"user": officer.pk, "unit": places.town.pk,
                                                              "role": "admin"})
    assert r.status_code == 302
    update = AuditLog.objects.get(action="membership.update", object_id=str(m.pk))
    assert (update.field, update.old, update.new, update.actor) == ("role", "viewer", "admin", root)

    r = c.post(f"/admin/accounts/membership/{m.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302
    assert not Membership.objects.filter(pk=m.pk).exists()
    removed = AuditLog.objects.get(action="membership.delete", object_id=str(m.pk))
    assert removed.actor == root and removed.detail["values"]["role"] == "admin" and removed.unit == places.town


def test_making_a_user_superuser_in_the_admin_is_audited(officer, root, client_for):
    c = client_for(root)
    page = c.get(f"/admin/auth/user/{officer.pk}/change/")
    assert page.status_code == 200
    form = {"username": officer.username, "first_name": "", "last_name": "", "email": "", "is_active": "on",
            "is_staff": "on", "is_superuser": "on", "date_joined_0": "2024-01-01", "date_joined_1": "00:00:00",
            "initial-date_joined_0": "2024-01-01", "initial-date_joined_1": "00:00:00"}
    r = c.post(f"/admin/auth/user/{officer.pk}/change/", form)
    assert r.status_code == 302, r.content.decode()[:2000]
    officer.refresh_from_db()
    assert officer.is_superuser
    rows = {a.field: (a.old, a.new) for a in AuditLog.objects.filter(action="user.update", object_id=str(officer.pk))}
    assert rows["is_superuser"] == ("False", "True") and rows["is_staff"] == ("False", "True")


def test_a_password_set_in_the_admin_is_audited_without_the_password(officer, root, client_for):
    r = client_for(root).post(f"/admin/auth/user/{officer.pk}/password/", {
        "password1": "mot-mat-khau-moi-dai-9", "password2": "mot-mat-khau-moi-dai-9", "usable_password": "true"})
    assert r.status_code == 302
    row = AuditLog.objects.get(action="user.password", object_id=str(officer.pk))
    assert row.actor == root and "mot-mat-khau" not in row.old + row.new + str(row.detail)
