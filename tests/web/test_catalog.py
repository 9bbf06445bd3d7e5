"""The indicator catalogue: the starter catalogue, the model, import all-or-nothing, export, the pages."""

import csv
import io

import openpyxl
import pytest

from chitieu.core import indicators as core
from chitieu.web.audit.models import AuditLog
from chitieu.web.catalog import files
from chitieu.web.catalog.actions import COLUMNS, do_import_indicators
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError


def test_the_starter_catalogue_has_the_seed_indicators_in_every_domain(catalogue):
    assert len(catalogue) >= 40
    assert {i.domain for i in catalogue.values()} == {d.value for d in core.Domain}
    assert catalogue["KT01"].name == "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"
    assert catalogue["KT01.1"].parent == catalogue["KT01"]
    assert catalogue["XH09"].numerator.code == "XH09N" and catalogue["XH09"].denominator.code == "DS01"
    assert catalogue["XH06"].direction == "lower"


def test_an_indicator_becomes_the_core_indicator(catalogue):
    core_ind = catalogue["KT04"].to_core()
    assert core_ind == core.Indicator(
        code="KT04", name="Thu nhập bình quân đầu người", unit="triệu đồng", kind="level", direction="higher",
        domain="kinh_te", aggregation="weighted_mean", price_basis="current", weight="DS01", decimals=1)


def _row(**over):
    row = {"code": "TEST01", "name": "Số hợp tác xã", "unit": "hợp tác xã", "kind": "count", "direction": "higher",
           "domain": "kinh_te", "aggregation": "sum", "price_basis": "none"}
    row.update(over)
    return row


def test_an_import_creates_and_updates_and_writes_one_audit_row(catalogue, admin):
    counts = do_import_indicators([_row(), _row(code="KT08", name="Số doanh nghiệp đang hoạt động")],
                                  acting_user=admin)
    assert counts == {"created": 1, "updated": 1}
    assert Indicator.objects.get(code="KT08").name == "Số doanh nghiệp đang hoạt động"
    log = AuditLog.objects.get(action="catalog.import", actor=admin)
    assert log.detail["created"] == 1 and log.detail["codes"] == ["KT08", "TEST01"]


def test_an_import_with_one_bad_row_saves_nothing_and_names_the_rows(catalogue, admin):
    before = Indicator.objects.count()
    rows = [
        _row(code="NEW1"),
        _row(code="NEW2", direction=""),  # direction is required
        _row(code="NEW3", aggregation="ratio"),  # a ratio needs a numerator and a denominator
        _row(code="NEW4", parent="KHONGCO"),
    ]
    with pytest.raises(ActionError) as err:
        do_import_indicators(rows, acting_user=admin)
    messages = err.value.errors["file"]
    assert any(m.startswith("Dòng 3 (NEW2)") and "direction" in m for m in messages)
    assert any(m.startswith("Dòng 4 (NEW3)") and "tử số" in m for m in messages)
    assert any(m.startswith("Dòng 5 (NEW4)") and "KHONGCO" in m for m in messages)
    assert Indicator.objects.count() == before
    assert not Indicator.objects.filter(code="NEW1").exists()


def test_the_catalogue_goes_out_as_xlsx_and_comes_back_unchanged(catalogue, admin):
    data = files.to_xlsx(Indicator.objects.order_by("code"))
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in ws[1]] == list(COLUMNS)
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists["E2:E2000"] == '"higher,lower,keep"'  # direction: a drop-down in Excel
    assert ws.max_row == len(catalogue) + 1
    rows = files.read_rows("x.xlsx", data)
    assert do_import_indicators(rows, acting_user=admin) == {"created": 0, "updated": len(catalogue)}
    assert Indicator.objects.get(code="KT01.1").parent.code == "KT01"


def test_the_catalogue_goes_out_as_csv(catalogue):
    text = files.to_csv(Indicator.objects.filter(code="XH09"))
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [{**rows[0], "code": "XH09", "numerator": "XH09N", "denominator": "DS01", "unit": "%"}]


def test_an_unknown_file_type_is_refused(db):
    with pytest.raises(ActionError) as err:
        files.read_rows("danh-muc.pdf", b"%PDF")
    assert ".xlsx" in err.value.errors["file"][0]


def test_an_administrator_creates_an_indicator_from_the_form(catalogue, admin, client_for):
    c = client_for(admin)
    r = c.post("/catalog/new/", {"code": "KT99", "name": "Số chợ", "unit": "chợ", "kind": "count",
                                 "direction": "higher", "domain": "kinh_te", "aggregation": "sum",
                                 "price_basis": "none", "decimals": 0})
    assert r.status_code == 302
    assert Indicator.objects.get(code="KT99").name == "Số chợ"
    assert AuditLog.objects.filter(action="indicator.create", object_id=str(Indicator.objects.get(code="KT99").pk)).exists()


def test_the_form_refuses_an_indicator_without_direction(catalogue, admin, client_for):
    r = client_for(admin).post("/catalog/new/", {"code": "KT98", "name": "Số chợ", "kind": "count",
                                                 "domain": "kinh_te", "aggregation": "sum", "price_basis": "none",
                                                 "decimals": 0})
    assert r.status_code == 200
    assert "direction" in r.context["form"].errors
    assert not Indicator.objects.filter(code="KT98").exists()


def test_an_upload_with_errors_shows_them_and_saves_nothing(catalogue, admin, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = "code,name,kind,direction,domain,aggregation\nOK1,Một,count,higher,kinh_te,sum\nBAD1,Hai,count,,kinh_te,sum\n"
    r = client_for(admin).post("/catalog/import/", {"file": SimpleUploadedFile("d.csv", body.encode())})
    assert r.status_code == 200
    assert "Dòng 3 (BAD1)" in r.content.decode()
    assert not Indicator.objects.filter(code="OK1").exists()


@pytest.mark.parametrize("who", ["officer", "reviewer", "viewer", "outsider"])
def test_only_administrators_edit_the_catalogue(catalogue, client_for, request, who):
    c = client_for(request.getfixturevalue(who))
    assert c.get("/catalog/").status_code == 200
    assert c.get("/catalog/new/").status_code == 403
    assert c.get("/catalog/KT01/edit/").status_code == 403
    assert c.post("/catalog/import/").status_code == 403


def test_the_list_shows_the_indicators_grouped_by_domain(catalogue, viewer, client_for):
    body = client_for(viewer).get("/catalog/").content.decode()
    assert "Văn hóa - xã hội" in body and "Tỷ lệ người dân tham gia bảo hiểm y tế" in body


def test_the_export_is_an_xlsx_download(catalogue, viewer, client_for):
    r = client_for(viewer).get("/catalog/export.xlsx")
    assert r["Content-Type"].startswith("application/vnd.openxmlformats")
    assert openpyxl.load_workbook(io.BytesIO(r.content)).active["A2"].value == "CC01"


def test_the_edit_form_shows_the_indicator(catalogue, admin, client_for):
    c = client_for(admin)
    assert c.get("/catalog/new/").status_code == 200
    body = c.get("/catalog/XH09/edit/").content.decode()
    assert 'value="Tỷ lệ người dân tham gia bảo hiểm y tế"' in body and "Tỷ lệ người tham gia bảo hiểm y tế; Tỷ lệ bao phủ BHYT" in body
