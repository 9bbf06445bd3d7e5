"""Data entry: the sheet of one unit, plan and year; Vietnamese numbers; bad input saves nothing."""

import re
from decimal import Decimal

import pytest

from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.values.actions import do_save_values
from chitieu.web.values.models import Submission, Value


def _url(unit, plan, year, tail=""):
    return f"/units/{unit.pk}/plans/{plan.pk}/entry/{year}/{tail}"


def test_values_typed_the_vietnamese_way_are_stored_exactly(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [
        {"indicator": "KT01", "value": "1.234,5", "status": "chinh_thuc", "source": "Chi cục Thống kê"},
        {"indicator": "XH09", "value": "98,7", "status": "chinh_thuc"},
    ], acting_user=officer)
    kt01 = Value.objects.get(unit=places.ward2, indicator__code="KT01", year=2024)
    assert kt01.value == Decimal("1234.5") and kt01.source == "Chi cục Thống kê" and kt01.updated_by == officer
    assert Value.objects.get(indicator__code="XH09").value == Decimal("98.7")


def test_an_estimate_and_the_final_figure_are_both_kept(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2025, [{"indicator": "KT01", "value": "250", "status": "uoc"}],
                   acting_user=officer)
    do_save_values(places.ward2, ward_plan, 2025, [{"indicator": "KT01", "value": "262,4", "status": "chinh_thuc"}],
                   acting_user=officer)
    assert dict(Value.objects.filter(indicator__code="KT01").values_list("status", "value")) == {
        "uoc": Decimal("250"), "chinh_thuc": Decimal("262.4")}


def test_a_change_is_recorded_with_the_old_and_the_new_value(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "100"}], acting_user=officer)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "120,5", "note": "số sơ bộ"}],
                   acting_user=officer)
    value = Value.objects.get(indicator__code="KT01")
    history = list(AuditLog.objects.filter(object_type="values.value", object_id=str(value.pk))
                   .order_by("pk").values_list("action", "field", "old", "new"))
    assert history == [("value.create", "value", "", "100"), ("value.update", "value", "100", "120.5"),
                       ("value.update", "note", "", "số sơ bộ")]


@pytest.mark.parametrize("code, typed, message", [
    ("KT01", "mười hai", "không phải là số"),
    ("KT01", "1,2,3", "không phải là số"),
    ("XH09", "104,5", "0-100%"),
    ("XH09", "-1", "0-100%"),
    ("NOPE", "5", "không có trong kế hoạch"),
])
def test_one_bad_cell_and_nothing_is_saved(ward_plan, places, officer, code, typed, message):
    with pytest.raises(ActionError) as err:
        do_save_values(places.ward2, ward_plan, 2024, [
            {"indicator": "KT04", "value": "62,5"},
            {"indicator": code, "value": typed},
        ], acting_user=officer)
    assert message in " ".join(err.value.errors[f"{code}.value"])
    assert not Value.objects.exists()
    assert not AuditLog.objects.filter(action__startswith="value.").exists()


def test_a_year_outside_the_plan_is_refused(ward_plan, places, officer):
    with pytest.raises(ActionError) as err:
        do_save_values(places.ward2, ward_plan, 2026, [{"indicator": "KT01", "value": "1"}], acting_user=officer)
    assert "2026" in err.value.errors["year"][0] and "2020-2025" in err.value.errors["year"][0]
    assert not Value.objects.exists()


def test_an_empty_cell_removes_the_stored_value(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "100"}], acting_user=officer)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": ""}], acting_user=officer)
    assert not Value.objects.exists()
    assert AuditLog.objects.filter(action="value.delete", old="100").exists()


def test_a_ward_enters_values_against_the_towns_plan(town_plan, places, officer):
    do_save_values(places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "800"}], acting_user=officer)
    assert Value.objects.get().unit == places.ward2


def test_the_sheet_shows_every_plan_indicator_with_its_target(ward_plan, places, officer, client_for):
    r = client_for(officer).get(_url(places.ward2, ward_plan, 2024))
    body = r.content.decode()
    assert r.status_code == 200
    for name in ("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ", "Doanh thu bán lẻ hàng hóa", "Tỷ lệ hộ nghèo"):
        assert name in body
    assert 'name="v-KT01"' in body and "tăng 19 - 21%/năm" in body and "sheet.js" in body


def test_the_whole_sheet_is_saved_in_one_go(ward_plan, places, officer, client_for):
    r = client_for(officer).post(_url(places.ward2, ward_plan, 2024), {
        "v-KT01": "1.234,5", "s-KT01": "chinh_thuc", "src-KT01": "Thống kê", "n-KT01": "",
        "v-XH09": "97", "s-XH09": "so_bo", "src-XH09": "", "n-XH09": "BHXH thị xã",
    })
    assert r.status_code == 302
    assert Value.objects.get(indicator__code="XH09", status="so_bo").note == "BHXH thị xã"
    body = client_for(officer).get(_url(places.ward2, ward_plan, 2024)).content.decode()
    assert 'value="1.234,5"' in body


def test_a_bad_sheet_comes_back_as_typed_with_the_message_beside_the_cell(ward_plan, places, officer, client_for):
    r = client_for(officer).post(_url(places.ward2, ward_plan, 2024), {
        "v-KT01": "1.234,5", "s-KT01": "chinh_thuc", "v-XH09": "120", "s-XH09": "chinh_thuc",
    })
    assert r.status_code == 400
    body = r.content.decode()
    assert 'value="1.234,5"' in body and 'value="120"' in body
    row = body[body.index('id="row-xh09"'):]
    row = row[:row.index("</tr>")]
    assert "0-100%" in row and 'aria-invalid="true"' in row
    assert not Value.objects.exists()


def test_one_row_is_saved_with_htmx(ward_plan, places, officer, client_for):
    r = client_for(officer).post(_url(places.ward2, ward_plan, 2024, "row/"),
                                 {"row": "KT04", "v-KT04": "62,5", "s-KT04": "chinh_thuc", "src-KT04": "", "n-KT04": "",
                                  "v-KT01": "999", "s-KT01": "chinh_thuc"},
                                 HTTP_HX_REQUEST="true")
    body = r.content.decode()
    assert r.status_code == 200 and body.lstrip().startswith("<tr") and "Đã lưu" in body
    assert Value.objects.get(indicator__code="KT04").value == Decimal("62.5")
    assert not Value.objects.filter(indicator__code="KT01").exists()  # only the row asked for is saved


def test_a_part_saved_alone_comes_back_as_the_sheet_shows_it(ward_plan, places, officer, client_for):
    """The row sent back after "Lưu dòng" is the sheet's own row: a "Trong đó" part keeps its depth."""
    client = client_for(officer)
    sheet = client.get(_url(places.ward2, ward_plan, 2024)).content.decode()
    in_sheet = re.search(r'<tr id="row-kt011" class="([^"]*)"', sheet).group(1)
    r = client.post(_url(places.ward2, ward_plan, 2024, "row/"),
                    {"row": "KT01.1", "v-KT01.1": "120", "s-KT01.1": "chinh_thuc"}, HTTP_HX_REQUEST="true")
    body = r.content.decode()
    assert in_sheet.startswith("depth-1") and f'class="{in_sheet}"' in body and "Trong đó:" in body
    assert Value.objects.get(indicator__code="KT01.1").value == Decimal("120")


def test_a_bad_row_comes_back_with_its_message(ward_plan, places, officer, client_for):
    r = client_for(officer).post(_url(places.ward2, ward_plan, 2024, "row/"),
                                 {"row": "KT04", "v-KT04": "abc", "s-KT04": "chinh_thuc"}, HTTP_HX_REQUEST="true")
    assert "không phải là số" in r.content.decode() and 'value="abc"' in r.content.decode()
    assert not Value.objects.exists()


def test_a_year_outside_the_plan_has_no_sheet(ward_plan, places, officer, client_for):
    assert client_for(officer).get(_url(places.ward2, ward_plan, 2019)).status_code == 404


def test_a_viewer_sees_the_values_but_no_form(ward_plan, places, officer, viewer, client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1234,5"}], acting_user=officer)
    body = client_for(viewer).get(_url(places.ward2, ward_plan, 2024)).content.decode()
    assert "1.234,5" in body and 'name="v-KT01"' not in body
    assert client_for(viewer).post(_url(places.ward2, ward_plan, 2024), {"v-KT01": "1"}).status_code == 404
    assert Value.objects.get().value == Decimal("1234.5")


def test_the_history_page_lists_the_changes(ward_plan, places, officer, client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "100"}], acting_user=officer)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "110"}], acting_user=officer)
    value = Value.objects.get()
    body = client_for(officer).get(f"/values/{value.pk}/history/").content.decode()
    assert "canbo.phuong2" in body and "110" in body
    assert Submission.objects.get().state == "draft"


def test_the_sheet_links_back_to_the_scorecard_and_counts_the_indicators_entered(ward_plan, places, officer,
                                                                                 client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.234,5"},
                                                   {"indicator": "XH09", "value": "97"}], acting_user=officer)
    body = client_for(officer).get(_url(places.ward2, ward_plan, 2024)).content.decode()
    assert f'href="/units/{places.ward2.pk}/plans/{ward_plan.pk}/"' in body
    total = ward_plan.targets.count()
    assert f"<span data-entered>2</span>/{total} chỉ tiêu đã nhập" in body


def test_a_refused_sheet_counts_only_what_is_stored(ward_plan, places, officer, client_for):
    r = client_for(officer).post(_url(places.ward2, ward_plan, 2024), {"v-KT01": "1.234,5", "v-XH09": "120"})
    assert r.status_code == 400
    assert f"<span data-entered>0</span>/{ward_plan.targets.count()} chỉ tiêu đã nhập" in r.content.decode()
    assert "data-unsaved" in r.content.decode()  # sheet.js then warns before sending for review


def test_sending_for_review_is_set_apart_and_says_that_it_locks_the_year(ward_plan, places, officer, client_for):
    body = client_for(officer).get(_url(places.ward2, ward_plan, 2024)).content.decode()
    save_all = body.index("Lưu tất cả")
    box = body.index('class="submit-box"')
    assert save_all < box < body.index("/submit/")
    assert "Gửi kiểm tra sẽ khóa số liệu năm này cho đến khi được trả lại." in body[box:]
    assert "data-confirm-if-dirty=" in body[box:]
    assert 'name="src-KT01" value="" size="20"' in body  # room for "Chi cục Thống kê"


def test_a_submitted_year_says_why_it_cannot_be_changed(ward_plan, places, officer, client_for):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.234,5"}], acting_user=officer)
    client = client_for(officer)
    assert client.post(_url(places.ward2, ward_plan, 2024, "submit/")).status_code == 302
    body = client.get(_url(places.ward2, ward_plan, 2024)).content.decode()
    assert "Số liệu năm này đang khóa vì đã gửi kiểm tra." in body
    assert 'name="v-KT01"' not in body and 'class="submit-box"' not in body


# --- yes/no indicators (issue 11, item 1) ---------------------------------------------------

@pytest.fixture
def yes_no_plan(ward_plan, catalogue):
    from chitieu.web.plans.models import PlanTarget

    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["XH16"], phrase="Duy trì chuẩn phổ cập giáo dục",
                              order=50)
    PlanTarget.objects.create(plan=ward_plan, indicator=catalogue["XH14"],
                              phrase="Đạt chuẩn quốc gia về y tế trước năm 2023", order=51)
    return ward_plan


@pytest.mark.parametrize("typed, stored", [
    ("Đạt", 1), ("Không đạt", 0), ("chưa đạt", 0), ("có", 1), ("không", 0), ("1", 1), ("0", 0), (True, 1), (False, 0),
])
def test_a_yes_no_value_is_taken_as_words_booleans_or_1_0_and_stored_as_1_0(yes_no_plan, places, officer, typed,
                                                                            stored):
    do_save_values(places.ward2, yes_no_plan, 2024, [{"indicator": "XH16", "value": typed}], acting_user=officer)
    assert Value.objects.get(indicator__code="XH16").value == stored


def test_a_yes_no_value_that_is_no_answer_is_refused_with_the_words_to_use(yes_no_plan, places, officer):
    with pytest.raises(ActionError) as exc:
        do_save_values(places.ward2, yes_no_plan, 2024, [{"indicator": "XH16", "value": "tốt"}], acting_user=officer)
    assert "chọn “Đạt” hoặc “Chưa đạt”" in " ".join(exc.value.errors["XH16.value"])
    assert not Value.objects.exists()


def test_the_sheet_offers_a_select_and_the_api_takes_words(yes_no_plan, places, officer, client_for, api_for):
    client = client_for(officer)
    body = client.get(_url(places.ward2, yes_no_plan, 2024)).content.decode()
    assert '<select name="v-XH16"' in body and '<option value="1">Đạt</option>' in body
    assert client.post(_url(places.ward2, yes_no_plan, 2024), {"v-XH16": "1", "s-XH16": "chinh_thuc"}).status_code == 302
    body = client.get(_url(places.ward2, yes_no_plan, 2024)).content.decode()
    assert '<option value="1" selected>Đạt</option>' in body
    r = api_for(officer).post(f"/api/plans/{yes_no_plan.pk}/values", {
        "year": 2022, "rows": [{"indicator": "XH14", "value": "Không đạt"}]}, content_type="application/json")
    assert r.status_code == 200, r.content
    assert Value.objects.get(indicator__code="XH14", year=2022).value == 0


def test_yes_no_values_are_words_on_the_pages_and_judged_with_their_deadline(yes_no_plan, places, officer, reviewer,
                                                                             client_for):
    import re

    from django.urls import reverse

    from chitieu.web.dashboards.loading import scorecard_for
    from chitieu.web.values.actions import do_approve, do_submit

    for year, xh14, xh16 in ((2021, "Chưa đạt", "Đạt"), (2022, "Chưa đạt", "Đạt"), (2023, "Chưa đạt", "Đạt"),
                             (2024, "Đạt", "Đạt"), (2025, "Đạt", "Đạt")):
        do_save_values(places.ward2, yes_no_plan, year, [{"indicator": "XH14", "value": xh14},
                                                         {"indicator": "XH16", "value": xh16}], acting_user=officer)
        do_approve(do_submit(places.ward2, yes_no_plan, year, acting_user=officer), acting_user=reviewer)
    card = scorecard_for(yes_no_plan, places.ward2)
    # reached in 2024 for a "trước năm 2023" target: Không đạt
    assert (card.row("XH14").latest_value, card.row("XH14").status_label) == ("Đạt", "Không đạt")
    assert "sau thời hạn năm 2022" in card.row("XH14").sentence
    assert (card.row("XH16").latest_value, card.row("XH16").status_label) == ("Đạt", "Đạt")
    page = client_for(reviewer).get(reverse("dashboards:indicator", args=[places.ward2.pk, yes_no_plan.pk, "XH16"]))
    assert [v.value for v in page.context["values"]] == ["Đạt"] * 5
    html = page.content.decode()
    assert not re.search(r'<td class="num">[01]</td>', html)
