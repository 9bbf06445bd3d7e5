"""The audit log: written by the action in the same transaction as the change; read-only everywhere."""

import pytest
from django.contrib.admin.sites import site
from django.db import DatabaseError, connection
from django.test import RequestFactory

from chitieu.web.audit.models import AuditLog
from chitieu.web.values.actions import do_save_values
from chitieu.web.values.models import Value


def test_when_the_audit_row_cannot_be_written_the_change_is_not_stored_either(ward_plan, places, officer):
    # The database refuses the second audit insert (a storage fault injected below the ORM):
    # the first value, already inserted with its audit row, must be undone with it.
    audit_inserts = []

    def refuse_second_audit_insert(execute, sql, params, many, context):
        if sql.startswith("INSERT") and AuditLog._meta.db_table in sql:
            audit_inserts.append(sql)
            if len(audit_inserts) == 2:
                raise DatabaseError("disk full")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse_second_audit_insert), pytest.raises(DatabaseError):
        do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1"},
                                                      {"indicator": "XH09", "value": "2"}], acting_user=officer)
    assert not Value.objects.exists()
    assert not AuditLog.objects.filter(action="value.create").exists()


def test_every_stored_value_has_its_audit_row(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1"},
                                                  {"indicator": "XH09", "value": "2"}], acting_user=officer)
    for v in Value.objects.all():
        log = AuditLog.objects.get(object_type="values.value", object_id=str(v.pk))
        assert (log.actor, log.unit, log.detail["year"]) == (officer, places.ward2, 2024)


def test_the_admin_cannot_add_change_or_delete_audit_rows(admin):
    request = RequestFactory().get("/")
    request.user = admin
    model_admin = site._registry[AuditLog]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_every_model_is_in_the_admin():
    from django.apps import apps

    mine = ("accounts", "units", "catalog", "plans", "values", "audit")
    ours = [m for m in apps.get_models() if m.__module__.split(".")[2:3] and m.__module__.split(".")[2] in mine]
    assert ours and [m for m in ours if m not in site._registry] == []


def test_the_list_page_shows_only_rows_of_the_users_units(ward_plan, places, officer, outsider, client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "123"}], acting_user=officer)
    assert "value.create" in client_for(officer).get("/audit/").content.decode()
    assert "value.create" not in client_for(outsider).get("/audit/").content.decode()
