"""Collection workbooks: the template as an officer opens it, a filled copy uploaded, checked cell
by cell, previewed and stored through the values action; one bad cell refuses everything."""

from __future__ import annotations

import io
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chitieu.web.audit.models import AuditLog
from chitieu.web.exchange.collect import CollectRefused, check_upload, store, template
from chitieu.web.values.actions import do_approve, do_save_values, do_submit
from chitieu.web.values.models import Value

ROWS = {"KT01": 5, "KT01.1": 6, "KT04": 7, "KT05": 8, "XH09": 9, "XH06": 10, "XH11": 11}  # ward plan, year 2024


def _template(plan, unit, year=2024, **kw) -> bytes:
    buf = io.BytesIO()
    template(buf, plan, unit, year, **kw)
    return buf.getvalue()


def _fill(data: bytes, cells: dict[str, object], sheet: str = "Phường 2") -> bytes:
    wb = load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    for ref, value in cells.items():
        ws[ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _upload(client, data: bytes, name="bieu.xlsx", **extra):
    """Upload, then the upload's page (the check ran as a job, here at once): the response of the
    page, its ``upload`` in the context."""
    f = io.BytesIO(data)
    f.name = name
    response = client.post("/exchange/collect/upload/", {"file": f}, **extra)
    assert response.status_code == 302 and response["Location"].startswith("/exchange/collect/uploads/")
    return client.get(response["Location"], **extra)


def _confirm(client, upload):
    return client.post(f"/exchange/collect/uploads/{upload.pk}/confirm/")


def test_the_template_is_laid_out_for_an_officer(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2023, [{"indicator": "KT01", "value": "262"},
                                                   {"indicator": "XH09", "value": "91,5"}], acting_user=officer)
    wb = load_workbook(io.BytesIO(_template(ward_plan, places.ward2)))
    assert wb.sheetnames == ["Phường 2", "_chitieu"]
    assert wb["_chitieu"].sheet_state == "hidden"
    ws = wb["Phường 2"]
    header = [c.value for c in ws[4]]
    assert header == ["Mã", "Chỉ tiêu", "ĐVT", "Chỉ tiêu kế hoạch", "Năm 2020", "Năm 2021", "Năm 2022", "Năm 2023",
                      "Số liệu năm 2024", "Loại số liệu", "Nguồn", "Ghi chú"]
    assert [ws.cell(r, 1).value for r in range(5, 12)] == list(ROWS)
    assert ws["C5"].value == "tỷ đồng" and ws["D5"].value == "tăng 19 - 21%/năm"
    # previous years: the stored value, grey and locked; the cells to fill are unlocked
    assert ws["H5"].value == 262 and ws["H5"].fill.fgColor.rgb.endswith("E7E6E6") and ws["H5"].protection.locked
    assert ws["H9"].value == 91.5
    assert not ws["I5"].protection.locked and not ws["J5"].protection.locked and not ws["L5"].protection.locked
    assert ws.protection.sheet
    assert ws["I5"].number_format == "[$-42A]#,##0.0" and ws["I11"].number_format == "[$-42A]#,##0"
    assert ws["J5"].value == "Chính thức"
    assert "Tỷ lệ %" in ws["I9"].comment.text
    rules = {str(dv.sqref): (dv.type, dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation}
    assert rules["I9 I10"] == ("decimal", "0", "100")  # XH09 and XH06: percentages 0-100
    assert rules["I11"][0] == "whole"  # XH11 counts workers
    assert rules["J5:J11"] == ("list", '"Ước thực hiện,Sơ bộ,Chính thức"', None)
    assert ws.freeze_panes == "C5"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$4:$4"


def test_a_yes_no_indicator_gets_a_list(ward_plan, places, catalogue):
    from chitieu.web.plans.models import PlanTarget

    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["XH14"], phrase="Giữ vững", order=9)
    ws = load_workbook(io.BytesIO(_template(ward_plan, places.ward2)))["Phường 2"]
    rules = {str(dv.sqref): (dv.type, dv.formula1) for dv in ws.data_validations.dataValidation}
    assert rules["I12"] == ("list", '"Đạt,Chưa đạt"')


def test_fill_upload_preview_confirm_stores_audited_values(ward_plan, places, officer, client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT04", "value": "78,5"},
                                                   {"indicator": "KT05", "value": "12"}], acting_user=officer)
    data = _fill(_template(ward_plan, places.ward2), {
        "I5": 318,                 # a number
        "I6": "1.234,5",           # Vietnamese text
        "I7": "80.25",             # English decimal point: changed from 78,5
        "I9": "97,5%",             # with a percent sign
        "I10": 0.009,              # a percent typed in Excel (0,9% kept as 0,009)
        "K5": "Chi cục Thống kê", "J7": "Sơ bộ",
    })
    ws_fmt = load_workbook(io.BytesIO(data))
    ws_fmt["Phường 2"]["I10"].number_format = "0.0%"
    out = io.BytesIO()
    ws_fmt.save(out)
    client = client_for(officer)
    response = _upload(client, out.getvalue())
    assert response.status_code == 200, response.content.decode()[:2000]
    page = response.content.decode()
    assert "Mọi ô đều hợp lệ: 5 số mới, 0 số thay đổi, 1 số không đổi." in page
    upload = response.context["upload"]
    (unit,) = upload.preview["units"]
    assert sorted(c[1] for c in unit["new"]) == ["KT01", "KT01.1", "KT04", "XH06", "XH09"]
    assert unit["unchanged"] == 1  # KT05 = 12 as stored
    assert '<td class="num">1.234,5</td>' in page  # the preview writes numbers Vietnamese-style
    assert Value.objects.filter(unit=places.ward2, year=2024).count() == 2  # nothing stored before confirming
    response = _confirm(client, upload)
    assert response.status_code == 302
    assert response["Location"] == f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/"
    stored = {(v.indicator.code, v.status): v.value for v in Value.objects.filter(unit=places.ward2, year=2024)}
    assert stored == {("KT01", "chinh_thuc"): Decimal("318"), ("KT01.1", "chinh_thuc"): Decimal("1234.5"),
                      ("KT04", "chinh_thuc"): Decimal("78.5"), ("KT04", "so_bo"): Decimal("80.25"),
                      ("KT05", "chinh_thuc"): Decimal("12"), ("XH09", "chinh_thuc"): Decimal("97.5"),
                      ("XH06", "chinh_thuc"): Decimal("0.9")}
    assert Value.objects.get(indicator__code="KT01", year=2024).source == "Chi cục Thống kê"
    created = AuditLog.objects.filter(action="value.create", actor=officer, detail__year=2024)
    assert created.count() == 7  # 2 entered through the form, 5 from the workbook
    # the confirmed upload cannot be replayed
    assert _confirm(client, upload).status_code == 400
    assert Value.objects.filter(unit=places.ward2, year=2024).count() == 7


def test_the_stored_values_show_on_the_entry_sheet(ward_plan, places, officer, client_for):
    data = _fill(_template(ward_plan, places.ward2), {"I5": "1.234,5"})
    preview = check_upload(io.BytesIO(data), officer)
    assert store(preview, officer) == 1
    page = client_for(officer).get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    assert 'value="1.234,5"' in page


def test_one_bad_cell_refuses_the_whole_upload_naming_the_cell(ward_plan, places, officer, client_for):
    data = _fill(_template(ward_plan, places.ward2), {"I5": 318, "I7": "abc", "I9": "104", "J8": "tạm tính",
                                                      "I8": 5})
    response = _upload(client_for(officer), data)
    errors = response.context["upload"].errors
    assert response.context["upload"].status == "refused" and 'data-testid="collect-errors"' in response.content.decode()
    assert "Trang tính “Phường 2”, ô I7: “abc” không phải là số" in errors[0]
    assert any(e.startswith("Trang tính “Phường 2”, ô I9:") and "0-100%" in e for e in errors)
    assert any(e.startswith("Trang tính “Phường 2”, ô J8:") and "tạm tính" in e for e in errors)
    assert not Value.objects.exists()


def test_errors_in_english(ward_plan, places, officer, client_for):
    data = _fill(_template(ward_plan, places.ward2), {"I7": "abc"})
    client = client_for(officer)
    client.cookies["django_language"] = "en"
    response = _upload(client, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "Sheet “Phường 2”, cell I7: " in response.context["upload"].errors[0]
    assert "is not a number" in response.context["upload"].errors[0]


def test_a_stale_template_is_refused_clearly(ward_plan, places, officer, catalogue):
    from chitieu.web.plans.models import PlanTarget

    data = _fill(_template(ward_plan, places.ward2), {"I5": 318})
    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["XH14"], phrase="Giữ vững", order=9)
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(data), officer)
    assert err.value.errors == ["Mẫu đã cũ: danh sách chỉ tiêu của kế hoạch 2021-2025 của Phường 2 đã thay đổi "
                                "sau khi tải mẫu. Hãy tải mẫu mới rồi chép số liệu sang."]


def test_a_tampered_hidden_sheet_or_moved_rows_are_refused(ward_plan, places, officer):
    wb = load_workbook(io.BytesIO(_template(ward_plan, places.ward2)))
    wb["_chitieu"]["B4"] = 2023
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(out.getvalue()), officer)
    assert "đã bị sửa" in err.value.errors[0]
    moved = _fill(_template(ward_plan, places.ward2), {"A5": "KT04", "A7": "KT01"})
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(moved), officer)
    assert "ô A5: mẫu có chỉ tiêu “KT01” ở đây, tệp có “KT04”" in err.value.errors[0]


def test_a_file_that_is_not_a_workbook_is_refused(officer):
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(b"not a zip"), officer)
    assert "Không đọc được tệp XLSX" in err.value.errors[0]


def test_values_locked_by_a_submitted_review_are_refused(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "300"}], acting_user=officer)
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    data = _fill(_template(ward_plan, places.ward2), {"I5": 318})
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(data), officer)
    assert "Trang tính “Phường 2”: số liệu năm 2024 của Phường 2 đang ở trạng thái “Đã gửi duyệt”" in err.value.errors[0]


def test_a_value_held_by_another_plans_approval_is_refused_at_its_cell(ward_plan, town_plan, places, officer,
                                                                       reviewer):
    # the town's plan carries KT01 too; its review of Phường 2's 2024 figures was approved
    do_save_values(places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "300"}], acting_user=officer)
    s = do_submit(places.ward2, town_plan, 2024, acting_user=officer)
    do_approve(s, acting_user=reviewer)
    data = _fill(_template(ward_plan, places.ward2), {"I5": 318, "I7": 80})
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(data), officer)
    (message,) = err.value.errors
    assert message.startswith("Trang tính “Phường 2”, ô I5: Số liệu năm 2024 của chỉ tiêu KT01 đã được duyệt")


def test_below_gives_a_sheet_per_unit_and_rights_are_checked_per_sheet(town_plan, ward_plan, places, officer,
                                                                       reviewer):
    data = _template(town_plan, places.town, below=True)
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Thị xã Quảng Trị", "Phường 1", "Phường 2", "_chitieu"]
    # town plan 2024: KT01 (row 5), XH09 (row 6); value column I
    filled = _fill(_fill(data, {"I5": 300}, "Phường 2"), {"I6": 95}, "Phường 1")
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(filled), officer)
    assert err.value.errors == [
        "Trang tính “Thị xã Quảng Trị”: anh/chị không có quyền nhập số liệu của Thị xã Quảng Trị.",
        "Trang tính “Phường 1”: anh/chị không có quyền nhập số liệu của Phường 1."]
    only_ward2 = _fill(data, {"I5": 300}, "Phường 2")
    with pytest.raises(CollectRefused):
        check_upload(io.BytesIO(only_ward2), officer)  # the town's sheet is not the officer's either


def test_the_outsider_cannot_download_nor_confirm(ward_plan, places, outsider, officer, client_for):
    client = client_for(outsider)
    url = f"/exchange/collect/template/?unit={places.ward2.pk}&plan={ward_plan.pk}&year=2024"
    assert client.get(url).status_code == 404
    data = _fill(_template(ward_plan, places.ward2), {"I5": 318})
    response = _upload(client, data)
    assert "không có quyền nhập số liệu của Phường 2" in response.context["upload"].errors[0]
    # someone else's upload is not the outsider's to see nor to confirm
    upload = _upload(client_for(officer), data).context["upload"]
    assert upload.status == "checked"
    assert client.get(f"/exchange/collect/uploads/{upload.pk}/").status_code == 404
    assert client.get(f"/exchange/collect/uploads/{upload.pk}/card/").status_code == 404
    assert _confirm(client, upload).status_code == 404
    assert not Value.objects.exists()


def test_the_entry_page_offers_the_workbook(ward_plan, places, officer, client_for):
    page = client_for(officer).get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    assert f"/exchange/collect/template/?unit={places.ward2.pk}&amp;plan={ward_plan.pk}&amp;year=2024" in page
    response = client_for(officer).get(f"/exchange/collect/template/?unit={places.ward2.pk}&plan={ward_plan.pk}&year=2024")
    assert response.status_code == 200
    assert "bieu-thu-thap-2024-phuong-2.xlsx" in response["Content-Disposition"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or not Path("/usr/lib/libreoffice/program/libsclo.so").exists(),
                    reason="LibreOffice Calc is not installed (apt-get install libreoffice-calc-nogui)")
def test_a_workbook_saved_by_libreoffice_is_read_with_cached_formulas(ward_plan, places, officer, tmp_path):
    data = _fill(_template(ward_plan, places.ward2), {"I5": "=300+18", "I7": "80,5", "I9": 97.5, "K5": "Cục Thống kê"})
    src = tmp_path / "in" / "bieu.xlsx"
    src.parent.mkdir()
    src.write_bytes(data)
    out = tmp_path / "out"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=180)
    saved = (out / "bieu.xlsx").read_bytes()
    assert saved != data
    preview = check_upload(io.BytesIO(saved), officer)
    assert store(preview, officer) == 3
    stored = {v.indicator.code: v.value for v in Value.objects.filter(unit=places.ward2, year=2024)}
    assert stored == {"KT01": Decimal("318"), "KT04": Decimal("80.5"), "XH09": Decimal("97.5")}


def test_the_commands_write_the_template_and_import_it(ward_plan, places, officer, tmp_path, capsys):
    from chitieu.cli import main

    path = tmp_path / "bieu.xlsx"
    assert main(["collect", "template", "--unit", "19502", "--year", "2024", "-o", str(path)]) == 0
    bad = tmp_path / "sai.xlsx"
    bad.write_bytes(_fill(path.read_bytes(), {"I5": "1.234,5", "I7": "abc"}))
    assert main(["collect", "import", str(bad), "--user", "canbo.phuong2"]) == 1
    assert "Trang tính “Phường 2”, ô I7: “abc” không phải là số" in capsys.readouterr().err
    good = tmp_path / "dung.xlsx"
    good.write_bytes(_fill(path.read_bytes(), {"I5": "1.234,5"}))
    assert main(["collect", "import", str(good), "--user", "canbo.phuong2", "--dry-run"]) == 0
    assert "Phường 2: mới 1, thay đổi 0, không đổi 0" in capsys.readouterr().out
    assert not Value.objects.exists()
    assert main(["collect", "import", str(good), "--user", "canbo.phuong2"]) == 0
    assert Value.objects.get().value == Decimal("1234.5")
    assert AuditLog.objects.get(action="value.create").actor == officer


@pytest.mark.parametrize("url", ["/exchange/", "/exchange/collect/upload/", "/exchange/dhis2/import/",
                                 "/exchange/dhis2/export/", "/exchange/open/", "/exchange/collect/template/?unit=1"])
def test_anonymous_visitors_are_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_option_indicator_is_a_list_of_its_levels_stored_as_the_rank(ward_plan, places, officer, catalogue):
    from chitieu.web.plans.models import PlanTarget

    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["CC08"], phrase="", order=9)
    data = _template(ward_plan, places.ward2)
    ws = load_workbook(io.BytesIO(data))["Phường 2"]
    rules = {str(dv.sqref): (dv.type, dv.formula1) for dv in ws.data_validations.dataValidation}
    assert rules["I12"] == ("list", '"Tốt,Khá,Trung bình,Yếu"')
    preview = check_upload(io.BytesIO(_fill(data, {"I12": "Khá"})), officer)
    store(preview, officer)
    assert Value.objects.get(indicator__code="CC08").value == 2
    ws = load_workbook(io.BytesIO(_template(ward_plan, places.ward2)))["Phường 2"]
    assert ws["I12"].value == "Khá"  # shown in words again
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(_fill(data, {"I12": "Xuất sắc"})), officer)
    (message,) = err.value.errors
    assert message.startswith("Trang tính “Phường 2”, ô I12: Chỉ tiêu CC08 là xếp loại: nhập một trong ")
    assert message.endswith("đã nhập “Xuất sắc”.")


def test_a_formula_saved_without_its_value_is_refused_naming_the_cell(ward_plan, places, officer, client_for):
    # openpyxl writes the formula only; an office suite would have stored its result beside it
    data = _fill(_template(ward_plan, places.ward2), {"I5": 318, "I11": "=90+6", "L7": "=K7"})
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(data), officer)
    assert err.value.errors == [
        "Trang tính “Phường 2”, ô L7: công thức chưa có giá trị tính sẵn — mở tệp bằng Excel/LibreOffice và lưu lại",
        "Trang tính “Phường 2”, ô I11: công thức chưa có giá trị tính sẵn — mở tệp bằng Excel/LibreOffice và lưu lại"]
    client = client_for(officer)
    client.cookies["django_language"] = "en"
    response = _upload(client, data, HTTP_ACCEPT_LANGUAGE="en")
    assert "Sheet “Phường 2”, cell I11: the formula has no saved result — open the file in Excel/LibreOffice and " \
           "save it again" in response.context["upload"].errors
    assert "Nothing was stored." in response.content.decode()
    assert not Value.objects.exists()


@pytest.fixture
def town_officer(places):
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Membership

    user = get_user_model().objects.create_user(username="canbo.thixa", password="mat-khau-thu-1")
    Membership.objects.create(user=user, unit=places.town, role="officer")
    return user


def test_a_row_per_unit_layout_is_one_sheet_with_a_column_per_indicator(town_plan, places, town_officer):
    do_save_values(places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "250", "source": "Phường"}],
                   acting_user=town_officer)
    wb = load_workbook(io.BytesIO(_template(town_plan, places.town, below=True, layout="rows")))
    assert wb.sheetnames == ["Các đơn vị", "_chitieu"]
    ws = wb["Các đơn vị"]
    assert [c.value for c in ws[4]] == ["Mã ĐV", "Đơn vị", "Loại số liệu", "Nguồn", "KT01", "XH09"]
    assert [c.value for c in ws[6]][3:] == ["ĐVT", "tỷ đồng", "%"]
    assert [c.value for c in ws[7]][3:] == ["Chỉ tiêu kế hoạch", "tăng 17-19%/năm", "100%"]
    assert [[c.value for c in r] for r in ws.iter_rows(min_row=8, max_col=6)] == [
        ["464", "Thị xã Quảng Trị", "Chính thức", None, None, None],
        ["19501", "Phường 1", "Chính thức", None, None, None],
        ["19502", "Phường 2", "Chính thức", "Phường", 250, None]]
    assert not ws["E9"].protection.locked and ws["A9"].protection.locked and ws.protection.sheet
    rules = {str(dv.sqref): (dv.type, dv.formula1, dv.formula2) for dv in ws.data_validations.dataValidation}
    assert rules["F8:F10"] == ("decimal", "0", "100") and rules["C8:C10"][0] == "list"
    assert ws.freeze_panes == "C8" and ws.print_title_rows == "$4:$7"
    assert "Tỷ lệ %" in ws["F4"].comment.text


def test_a_row_per_unit_workbook_is_filled_uploaded_and_stored(town_plan, places, town_officer, client_for):
    do_save_values(places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "250", "source": "Phường",
                                                    "note": "đã rà soát"}], acting_user=town_officer)
    data = _fill(_template(town_plan, places.town, below=True, layout="rows"), {
        "E9": 300, "D9": "Chi cục Thống kê",   # Phường 1: KT01, with the row's source
        "F10": "97,5%", "C10": "Sơ bộ",        # Phường 2: XH09 as a preliminary figure
        "E8": "1.500",                          # the town
    }, sheet="Các đơn vị")
    client = client_for(town_officer)
    response = _upload(client, data)
    upload = response.context["upload"]
    assert upload.status == "checked", upload.errors
    assert [(u["code"], len(u["new"]), len(u["changed"]), u["unchanged"]) for u in upload.preview["units"]] == [
        ("464", 1, 0, 0), ("19501", 1, 0, 0), ("19502", 2, 0, 0)]
    # the row's status is that of every figure on it: Phường 2's KT01 shown from the database (chính
    # thức) becomes a preliminary figure as well; the official one stays
    assert [c[0] for u in upload.preview["units"] for c in u["new"]] == ["E8", "E9", "E10", "F10"]
    assert _confirm(client, upload).status_code == 302
    stored = {(v.unit.code, v.indicator.code, v.status): (v.value, v.source, v.note)
              for v in Value.objects.filter(year=2024)}
    assert stored == {("464", "KT01", "chinh_thuc"): (Decimal("1500"), "", ""),
                      ("19501", "KT01", "chinh_thuc"): (Decimal("300"), "Chi cục Thống kê", ""),
                      ("19502", "KT01", "chinh_thuc"): (Decimal("250"), "Phường", "đã rà soát"),
                      ("19502", "KT01", "so_bo"): (Decimal("250"), "Phường", ""),  # the row's source (D10)
                      ("19502", "XH09", "so_bo"): (Decimal("97.5"), "Phường", "")}
    assert AuditLog.objects.filter(action="value.create", actor=town_officer, detail__year=2024).count() == 5


def test_a_row_per_unit_workbook_keeps_the_stored_source_and_note_and_names_bad_cells(town_plan, places,
                                                                                    town_officer):
    do_save_values(places.ward1, town_plan, 2024, [{"indicator": "KT01", "value": "250", "source": "Phường",
                                                    "note": "đã rà soát"}], acting_user=town_officer)
    data = _template(town_plan, places.town, below=True, layout="rows")
    same = _fill(data, {"D9": None}, sheet="Các đơn vị")  # the row's source emptied: the stored one stays
    preview = check_upload(io.BytesIO(same), town_officer)
    assert (preview.new, preview.changed, preview.unchanged) == (0, 0, 1)
    changed = check_upload(io.BytesIO(_fill(data, {"D9": None, "E9": 260}, sheet="Các đơn vị")), town_officer)
    assert changed.units[1].rows == [{"indicator": "KT01", "value": Decimal("260"), "status": "chinh_thuc",
                                      "source": "Phường", "note": "đã rà soát"}]
    bad = _fill(data, {"F9": "abc", "E6": "triệu đồng", "A10": "19503"}, sheet="Các đơn vị")
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(bad), town_officer)
    assert err.value.errors == ["Trang tính “Các đơn vị”, ô A10: mẫu có đơn vị “19502” ở đây, tệp có “19503”; "
                                "không thêm, xóa hay đổi thứ tự dòng."]
    bad = _fill(data, {"F9": "abc", "E6": "triệu đồng"}, sheet="Các đơn vị")
    with pytest.raises(CollectRefused) as err:
        check_upload(io.BytesIO(bad), town_officer)
    assert err.value.errors == [
        "Trang tính “Các đơn vị”, ô E6: ĐVT của chỉ tiêu KT01 đã bị sửa (mẫu: “tỷ đồng”, tệp: “triệu đồng”); "
        "hãy tải mẫu mới.",
        "Trang tính “Các đơn vị”, ô F9: “abc” không phải là số (viết như 1.234,5) / “abc” is not a number "
        "(write 1.234,5)"]
    assert Value.objects.get().value == Decimal("250")


def test_the_officer_picks_the_layout_on_the_web_and_in_the_cli(town_plan, places, town_officer, client_for,
                                                               tmp_path, capsys):
    from chitieu.cli import main

    client = client_for(town_officer)
    url = f"/exchange/collect/template/?unit={places.town.pk}&plan={town_plan.pk}&year=2024&below=1"
    page = client.get(url).content.decode()
    assert "Mỗi đơn vị một trang tính" in page and "Mỗi đơn vị một dòng" in page
    assert f"{url.replace('&', '&amp;')}&amp;layout=rows" in page
    response = client.get(url + "&layout=rows")
    assert "bieu-thu-thap-2024-thi-xa-quang-tri-theo-dong.xlsx" in response["Content-Disposition"]
    assert load_workbook(io.BytesIO(b"".join(response.streaming_content))).sheetnames == ["Các đơn vị", "_chitieu"]
    path = tmp_path / "bieu.xlsx"
    assert main(["collect", "template", "--unit", "464", "--year", "2024", "--below", "--layout", "rows",
                 "-o", str(path)]) == 0
    assert "3 đơn vị trên một trang tính" in capsys.readouterr().out
    path.write_bytes(_fill(path.read_bytes(), {"E9": "1.234,5"}, sheet="Các đơn vị"))
    assert main(["collect", "import", str(path), "--user", "canbo.thixa"]) == 0
    assert Value.objects.get(unit=places.ward1).value == Decimal("1234.5")


def test_the_menu_links_the_exchange_page_for_those_who_enter_review_or_manage(places, officer, reviewer, admin,
                                                                              viewer, nobody, client_for):
    def menu(user):
        return 'data-testid="nav-exchange"' in client_for(user).get("/exchange/").content.decode()

    assert menu(officer) and menu(reviewer) and menu(admin)
    assert not menu(viewer) and not menu(nobody)
    client = client_for(officer)
    client.cookies["django_language"] = "en"
    page = client.get("/exchange/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<a href="/exchange/" data-testid="nav-exchange">Data exchange</a>' in page
