"""Bulk storing (``do_save_values_bulk``): a workbook upload or a DHIS2 set written in one
transaction with bulk inserts gives the same value rows, audit rows and reviews as the
per-value action called unit by unit, and refuses what it refuses."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction
from openpyxl import load_workbook

from chitieu.web.accounts.models import Membership
from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.exchange.collect import check_upload, store, template
from chitieu.web.values.actions import do_save_values, do_save_values_bulk, do_submit
from chitieu.web.values.models import Submission, Value


class _Undo(Exception):
    pass


@pytest.fixture
def town_officer(places):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username="canbo.thixa", password="mat-khau-thu-1")
    Membership.objects.create(user=user, unit=places.town, role="officer")
    return user


def _snapshot(after_audit: int) -> dict:
    """Every value, review and new audit row, with ids replaced by what they stand for."""
    values = list(Value.objects.select_related("unit", "indicator"))
    key = {str(v.pk): (v.unit.code, v.indicator.code, v.year, v.status) for v in values}
    return {
        "values": sorted((v.unit.code, v.indicator.code, v.year, v.status, v.value, v.source, v.note,
                          v.updated_by_id, v.version) for v in values),
        "submissions": sorted(Submission.objects.values_list("unit__code", "plan_id", "year", "state")),
        "audit": [(a.actor_id, a.action, a.unit_id, a.object_type, key.get(a.object_id, a.object_id), a.object_repr,
                   a.field, a.old, a.new, a.detail)
                  for a in AuditLog.objects.filter(pk__gt=after_audit).order_by("pk")],
    }


def _both_ways(batches, user) -> tuple[dict, dict]:
    """The snapshot after ``do_save_values`` batch by batch (then rolled back), and after the
    bulk action on the same database."""
    mark = AuditLog.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    try:
        with transaction.atomic():
            for unit, plan, year, rows in batches:
                do_save_values(unit, plan, year, rows, acting_user=user)
            one_by_one = _snapshot(mark)
            raise _Undo
    except _Undo:
        pass
    do_save_values_bulk(batches, acting_user=user)
    return one_by_one, _snapshot(mark)


def test_the_bulk_action_stores_what_the_per_value_action_stores(ward_plan, town_plan, places, officer,
                                                                town_officer):
    do_save_values(places.ward2, ward_plan, 2024, [
        {"indicator": "KT01", "value": "250"}, {"indicator": "KT04", "value": "78,5", "source": "Phường"},
        {"indicator": "XH09", "value": "90"}], acting_user=officer)
    batches = [
        (places.ward2, ward_plan, 2024, [
            {"indicator": "KT01", "value": "262,5", "source": "Cục Thống kê"},  # changed: value and source
            {"indicator": "KT04", "value": "78,5", "source": "Phường"},  # unchanged
            {"indicator": "XH09", "value": ""},  # removed
            {"indicator": "XH11", "value": 96, "note": "lao động mới"},  # new
            {"indicator": "KT01.1", "value": Decimal("12.345678")},  # computed: rounded to 4 decimals
            {"indicator": "KT05", "value": "1.234,5", "status": "so_bo"},
        ]),
        (places.ward1, town_plan, 2024, [{"indicator": "KT01", "value": "300"}, {"indicator": "XH09", "value": "95,5"}]),
        (places.town, town_plan, 2023, [{"indicator": "KT01", "value": "1.200"}]),
    ]
    one_by_one, bulk = _both_ways(batches, town_officer)
    assert bulk == one_by_one
    assert ("19502", "KT01", 2024, "chinh_thuc", Decimal("262.5"), "Cục Thống kê", "", town_officer.pk, 2) \
        in bulk["values"]
    assert ("19502", "KT01.1", 2024, "chinh_thuc", Decimal("12.3457"), "", "", town_officer.pk, 1) in bulk["values"]
    assert not [v for v in bulk["values"] if v[1] == "XH09" and v[0] == "19502"]
    assert [(a[1], a[4] if a[1] != "value.delete" else "…", a[6], a[7], a[8]) for a in bulk["audit"]][:4] == [
        ("value.update", ("19502", "KT01", 2024, "chinh_thuc"), "value", "250", "262.5"),
        ("value.update", ("19502", "KT01", 2024, "chinh_thuc"), "source", "", "Cục Thống kê"),
        ("value.delete", "…", "value", "90", ""),
        ("value.create", ("19502", "XH11", 2024, "chinh_thuc"), "value", "", "96"),
    ]
    assert len(bulk["audit"]) == 9
    assert bulk["submissions"] == [("19501", town_plan.pk, 2024, "draft"), ("19502", ward_plan.pk, 2024, "draft"),
                                   ("464", town_plan.pk, 2023, "draft")]


def test_the_same_workbook_upload_gives_the_same_rows_both_ways(town_plan, places, town_officer):
    do_save_values(places.ward1, town_plan, 2024, [{"indicator": "KT01", "value": "280"}], acting_user=town_officer)
    wb = load_workbook(io.BytesIO(_template(town_plan, places.town)))
    wb["Thị xã Quảng Trị"]["I5"] = "1.500"
    wb["Phường 1"]["I5"], wb["Phường 1"]["K5"] = 300, "Chi cục Thống kê"
    wb["Phường 2"]["I5"], wb["Phường 2"]["I6"], wb["Phường 2"]["J6"] = "310,5", "97,5%", "Sơ bộ"
    out = io.BytesIO()
    wb.save(out)
    preview = check_upload(io.BytesIO(out.getvalue()), town_officer)
    assert (preview.new, preview.changed) == (3, 1)
    batches = [(up.unit, preview.plan, preview.year, up.rows) for up in preview.units if up.rows]
    one_by_one, bulk = _both_ways(batches, town_officer)
    assert bulk == one_by_one
    assert [v[:6] for v in bulk["values"] if v[2] == 2024] == [
        ("19501", "KT01", 2024, "chinh_thuc", Decimal("300"), "Chi cục Thống kê"),
        ("19502", "KT01", 2024, "chinh_thuc", Decimal("310.5"), ""),
        ("19502", "XH09", 2024, "so_bo", Decimal("97.5"), ""),
        ("464", "KT01", 2024, "chinh_thuc", Decimal("1500"), "")]
    Value.objects.filter(year=2024).delete()
    assert store(check_upload(io.BytesIO(out.getvalue()), town_officer), town_officer) == 4


def _template(plan, unit) -> bytes:
    buf = io.BytesIO()
    template(buf, plan, unit, 2024, below=True)
    return buf.getvalue()


def test_a_held_value_refuses_every_batch_as_the_per_value_action_does(ward_plan, town_plan, places, officer,
                                                                     town_officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "250"}], acting_user=officer)
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    with pytest.raises(ActionError) as one:
        do_save_values(places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "260"}], acting_user=town_officer)
    with pytest.raises(ActionError) as bulk:
        do_save_values_bulk([(places.ward1, town_plan, 2024, [{"indicator": "KT01", "value": "300"}]),
                             (places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "260"}])],
                            acting_user=town_officer)
    (message,) = one.value.errors["KT01.value"]
    assert bulk.value.errors == {"19502.2024.KT01.value": [f"Phường 2 năm 2024: {message}"]}
    assert not Value.objects.filter(unit=places.ward1).exists()  # the good batch is not stored either
    assert Value.objects.get(unit=places.ward2).value == Decimal("250")


def test_a_bad_number_names_its_unit_and_nothing_is_stored(ward_plan, town_plan, places, town_officer):
    with pytest.raises(ActionError) as err:
        do_save_values_bulk([(places.ward1, town_plan, 2024, [{"indicator": "KT01", "value": "300"}]),
                             (places.ward2, town_plan, 2024, [{"indicator": "XH09", "value": "120"}])],
                            acting_user=town_officer)
    assert err.value.errors == {"19502.2024.XH09.value": [
        "Phường 2 năm 2024: Tỷ lệ phải nằm trong khoảng 0-100%; đã nhập 120."]}
    assert not Value.objects.exists() and not Submission.objects.exists()


def test_the_outsider_is_refused_in_bulk_too(ward_plan, places, outsider):
    with pytest.raises(PermissionDenied):
        do_save_values_bulk([(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "300"}])],
                            acting_user=outsider)
    assert not Value.objects.exists()


def test_a_value_given_twice_is_refused(ward_plan, places, officer):
    with pytest.raises(ActionError) as err:
        do_save_values_bulk([(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "300"},
                                                              {"indicator": "KT01", "value": "301"}])],
                            acting_user=officer)
    assert err.value.errors == {"19502.2024.KT01.value": [
        "Phường 2 năm 2024: Chỉ tiêu KT01 có hai số liệu cùng loại trong một lần nhập."]}
