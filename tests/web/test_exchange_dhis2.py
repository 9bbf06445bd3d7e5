"""DHIS2 data value sets: export, import with dry run and summary, refusal of a set with an
unknown code, the round trip of the demo into an empty copy, and who may do what."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

from chitieu.cli import main
from chitieu.exchange import dhis2 as fmt
from chitieu.web.audit.models import AuditLog
from chitieu.web.exchange.dhis2 import SetRefused, export_values, import_set, read_set
from chitieu.web.exchange.scope import make_scope
from chitieu.web.values.actions import do_save_values
from chitieu.web.values.models import Submission, Value


def _set(*rows) -> list[fmt.DataValue]:
    return [fmt.DataValue(de, pe, ou, v, st, position=f"dataValues[{i}]") for i, (de, pe, ou, v, st) in enumerate(rows)]


def _values():
    return {(v.unit.code, v.indicator.code, v.year, v.status): (v.value, v.note)
            for v in Value.objects.select_related("unit", "indicator")}


def test_a_set_is_imported_through_the_values_action_with_a_summary(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2023, [{"indicator": "KT01", "value": "250"}], acting_user=officer)
    values = read_set(json.dumps({"dataValues": [
        {"dataElement": "KT01", "period": "2023", "orgUnit": "19502", "value": "262.5", "comment": "số sơ bộ của phường"},
        {"dataElement": "KT04", "period": "2024", "orgUnit": "19502", "value": "1234.5", "attributeOptionCombo": "so_bo"},
        {"dataElement": "XH11", "period": "2024", "orgUnit": "19502", "value": "96"},
    ]}).encode(), "json")
    dry = import_set(values, officer, dry_run=True)
    assert (dry.imported, dry.updated, dry.ignored) == (2, 1, [])
    assert Value.objects.count() == 1
    summary = import_set(values, officer)
    assert (summary.imported, summary.updated) == (2, 1)
    assert _values() == {("19502", "KT01", 2023, "chinh_thuc"): (Decimal("262.5"), "số sơ bộ của phường"),
                         ("19502", "KT04", 2024, "so_bo"): (Decimal("1234.5"), ""),
                         ("19502", "XH11", 2024, "chinh_thuc"): (Decimal("96"), "")}
    assert AuditLog.objects.filter(action="value.update", actor=officer, old="250", new="262.5").exists()
    again = import_set(values, officer)
    assert (again.imported, again.updated) == (0, 0)
    assert [i.reason for i in again.ignored] == ["không đổi (bằng số đang lưu)"] * 3


def test_one_unknown_code_refuses_the_whole_set_naming_it(ward_plan, places, officer):
    values = _set(("KT01", "2024", "19502", "300", ""), ("KHONGCO", "2024", "19502", "1", ""),
                  ("KT04", "2024", "99999", "1", ""))
    with pytest.raises(SetRefused) as err:
        import_set(values, officer)
    assert err.value.errors == [
        "dataValues[1]: mã chỉ tiêu (dataElement) “KHONGCO” không có trong danh mục",
        "dataValues[2]: mã đơn vị (orgUnit) “99999” không có trong hệ thống"]
    assert not Value.objects.exists()
    summary = import_set(values, officer, skip_invalid=True)
    assert summary.imported == 1
    assert [(i.position, i.data_element) for i in summary.ignored] == [("dataValues[1]", "KHONGCO"),
                                                                       ("dataValues[2]", "KT04")]
    assert _values() == {("19502", "KT01", 2024, "chinh_thuc"): (Decimal("300"), "")}


def test_periods_values_and_statuses_are_checked(ward_plan, places, officer):
    values = _set(("KT01", "2024S1", "19502", "300", ""), ("KT01", "2024Q3", "19502", "300", ""),
                  ("KT01", "2024", "19502", "1.234,5", ""), ("XH09", "2024", "19502", "104", ""),
                  ("KT04", "2024", "19502", "80", "tam_tinh"), ("KT04", "2031", "19502", "80", ""))
    with pytest.raises(SetRefused) as err:
        import_set(values, officer)
    errors = err.value.errors
    assert errors[0].startswith("dataValues[0]: kỳ “2024S1” là một nửa năm; chitieu chỉ lưu số liệu theo năm")
    assert errors[1].startswith("dataValues[1]: kỳ “2024Q3” là một quý")
    assert errors[2].startswith("dataValues[2]: “1.234,5” không phải là số")
    assert "0-100%" in errors[3]
    assert errors[4].startswith("dataValues[4]: trạng thái (attributeOptionCombo) “tam_tinh” không hợp lệ")
    assert errors[5] == "dataValues[5]: Phường 2 không theo kế hoạch nào có chỉ tiêu KT04 cho năm 2031"


def test_an_officer_cannot_import_another_wards_values(ward_plan, places, officer, outsider):
    with pytest.raises(SetRefused) as err:
        import_set(_set(("KT01", "2024", "19502", "300", "")), outsider)
    assert err.value.errors == ["dataValues[0]: không có quyền nhập số liệu của Phường 2"]


def test_csv_as_dhis2_writes_it(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.234,5", "note": "ghi chú, có dấu phẩy"}],
                   acting_user=officer)
    text = "".join(fmt.iter_csv(export_values(make_scope(officer))))
    lines = text.splitlines()
    assert lines[0] == "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup"
    assert lines[1].startswith('KT01,2024,19502,,chinh_thuc,1234.5,canbo.phuong2,')
    assert lines[1].endswith(',"ghi chú, có dấu phẩy",false')
    Value.objects.all().delete()
    summary = import_set(read_set(text.encode(), "csv"), officer)
    assert summary.imported == 1
    assert _values() == {("19502", "KT01", 2024, "chinh_thuc"): (Decimal("1234.5"), "ghi chú, có dấu phẩy")}


def test_the_api_exports_and_imports_and_refuses_the_outsider(ward_plan, places, officer, outsider, api_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "300"}], acting_user=officer)
    api = api_for(officer)
    data = json.loads(b"".join(api.get("/api/exchange/dataValueSets?unit=19502").streaming_content))
    assert data == {"dataValues": [{"dataElement": "KT01", "period": "2024", "orgUnit": "19502",
                                    "attributeOptionCombo": "chinh_thuc", "value": "300",
                                    "storedBy": "canbo.phuong2", "lastUpdated": data["dataValues"][0]["lastUpdated"]}]}
    body = json.dumps({"dataValues": [{"dataElement": "KT04", "period": "2024", "orgUnit": "19502", "value": "80"}]})
    response = api.post("/api/exchange/dataValueSets?dryRun=true", body, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["importCount"] == {"imported": 1, "updated": 0, "ignored": 0, "deleted": 0}
    assert not Value.objects.filter(indicator__code="KT04").exists()
    assert api.post("/api/exchange/dataValueSets", body, content_type="application/json").status_code == 200
    assert Value.objects.get(indicator__code="KT04").value == 80
    # the outsider sees nothing of Phường 2 and cannot write there
    other = api_for(outsider)
    assert other.get("/api/exchange/dataValueSets?unit=19502").status_code == 404
    assert json.loads(b"".join(other.get("/api/exchange/dataValueSets").streaming_content)) == {"dataValues": []}
    response = other.post("/api/exchange/dataValueSets", body, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["errors"] == ["dataValues[0]: không có quyền nhập số liệu của Phường 2"]


def test_the_pages_refuse_the_outsider(ward_plan, places, officer, outsider, client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "300"}], acting_user=officer)
    assert client_for(outsider).get("/exchange/dhis2/export/?unit=19502").status_code == 404
    page = client_for(officer)
    body = b"".join(page.get("/exchange/dhis2/export/?unit=19502&format=csv").streaming_content).decode()
    assert "KT01,2024,19502,,chinh_thuc,300," in body
    f = io.BytesIO(json.dumps({"dataValues": [{"dataElement": "KT01", "period": "2024", "orgUnit": "19502",
                                               "value": "310"}]}).encode())
    f.name = "set.json"
    # the set is imported by the job worker (here at once); the page shows the outcome
    response = client_for(outsider).post("/exchange/dhis2/import/", {"file": f, "dry_run": "1"}, follow=True)
    assert 'data-testid="dhis2-errors"' in response.content.decode()
    assert "không có quyền nhập số liệu của Phường 2" in response.content.decode()
    f.seek(0)
    response = page.post("/exchange/dhis2/import/", {"file": f, "dry_run": "1"}, follow=True)
    assert "0 mới, 1 cập nhật, 0 bỏ qua." in response.content.decode()
    assert client_for(outsider).get(response.redirect_chain[-1][0]).status_code == 404  # not theirs
    assert Value.objects.get().value == 300


@pytest.mark.slow
def test_the_demo_exported_imports_back_into_an_empty_copy(db, tmp_path, capsys):
    from chitieu.web.demo.build import load_demo

    load_demo("demo-mat-khau")
    before = _values()
    assert len(before) > 100
    out = tmp_path / "demo.json"
    assert main(["export", "dhis2-json", "-o", str(out), "--no-progress"]) == 0
    assert len(json.loads(out.read_text())["dataValues"]) == len(before)
    csv_out = tmp_path / "demo.csv"
    assert main(["export", "dhis2-csv", "-o", str(csv_out), "--no-progress"]) == 0
    # an empty copy: the same catalogue, units and plans, no values and no reviews
    Value.objects.all().delete()
    Submission.objects.all().delete()
    assert main(["import-values", str(out), "--dry-run"]) == 0
    assert not Value.objects.exists()
    assert main(["import-values", str(out)]) == 0
    assert f"mới {len(before)}, cập nhật 0, bỏ qua 0" in capsys.readouterr().out
    assert _values() == before
    Value.objects.all().delete()
    assert main(["import-values", str(csv_out)]) == 0
    assert _values() == before


def test_an_option_value_travels_as_its_rank(ward_plan, places, officer, catalogue):
    from chitieu.web.plans.models import PlanTarget

    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["CC08"], phrase="", order=9)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "CC08", "value": "Khá"}], acting_user=officer)
    exported = list(export_values(make_scope(officer)))
    assert [(d.data_element, d.value) for d in exported] == [("CC08", "2")]
    Value.objects.all().delete()
    assert import_set(exported, officer).imported == 1
    assert Value.objects.get().value == 2
    summary = import_set(_set(("CC08", "2024", "19502", "Tốt", "")), officer)
    assert summary.updated == 1 and Value.objects.get().value == 1
