"""The "Tạo báo cáo" form, issue 14: the kind of report (annual / mid-term / term / the town's
roll-up of its wards) and the data it is built from (approved, or the latest with a footnote
naming the values not yet approved), and the "Đang tạo báo cáo…" indicator while the file is
built. Real database, real documents read back with python-docx."""

from __future__ import annotations

import io

import pytest
from docx import Document

from chitieu.reports.tables import footnote_texts
from chitieu.web.audit.models import AuditLog
from chitieu.web.values.actions import do_approve, do_save_values, do_submit

ISSUED = "2026-01-05"


def _url(unit, plan):
    return f"/units/{unit.pk}/plans/{plan.pk}/report/"


def _post(client, url, **fields):
    return client.post(url, {"number": "125", "issued": ISSUED, "format": "docx", **fields})


def _texts(doc):
    return [p.text for p in doc.paragraphs]


@pytest.fixture
def ward_values(ward_plan, places, officer, reviewer):
    """2020 and 2024 approved; 2025's estimate of KT01 entered but not yet approved."""
    ward = places.ward2
    for year, pairs in {2020: [("KT01", "150"), ("XH06", "1,8")], 2024: [("KT01", "318"), ("XH06", "0,9")]}.items():
        do_save_values(ward, ward_plan, year, [{"indicator": c, "value": v, "status": "chinh_thuc"} for c, v in pairs],
                       acting_user=officer)
        do_approve(do_submit(ward, ward_plan, year, acting_user=officer), acting_user=reviewer)
    do_save_values(ward, ward_plan, 2025, [{"indicator": "KT01", "value": "380", "status": "uoc"}], acting_user=officer)


@pytest.mark.django_db
def test_a_report_from_the_latest_values_names_the_unapproved_ones_in_a_footnote(
        client_for, officer, places, ward_plan, ward_values):
    client = client_for(officer)
    latest = _post(client, _url(places.ward2, ward_plan), data="latest")
    assert latest.status_code == 200, latest.content[:500]
    doc = Document(io.BytesIO(latest.content))
    notes = footnote_texts(doc)
    assert notes == ["Số liệu năm 2025 là số ước thực hiện. Báo cáo dùng số liệu mới nhất; các số liệu chưa duyệt: "
                     "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ (năm 2025)."]
    assert any("năm 2025 ước đạt 380" in t for t in _texts(doc))
    row = AuditLog.objects.filter(action="report.generate").latest("pk")
    assert row.detail["data"] == "latest" and row.detail["variant"] == "auto"

    approved = Document(io.BytesIO(_post(client, _url(places.ward2, ward_plan)).content))
    assert not any("380" in t for t in _texts(approved))
    assert "chưa duyệt" not in " ".join(footnote_texts(approved))


@pytest.mark.django_db
def test_the_town_report_tables_its_wards_and_rolls_them_up(client_for, reviewer, admin, places, town_plan):
    for ward, values in ((places.ward1, {2020: "100", 2025: "230"}), (places.ward2, {2020: "150", 2025: "380"})):
        for year, v in values.items():
            do_save_values(ward, town_plan, year, [{"indicator": "KT01", "value": v, "status": "chinh_thuc"}],
                           acting_user=admin)
    response = _post(client_for(reviewer), _url(places.town, town_plan), variant="town", data="latest")
    assert response.status_code == 200, response.content[:800]
    doc = Document(io.BytesIO(response.content))
    table = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Toàn thị xã")
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0][3:] == ["Phường 1", "Phường 2", "Toàn thị xã"]
    kt01 = next(r for r in rows if r[0] == "1")
    assert kt01[3:] == ["230", "380", "610"]
    assert any(t.startswith("Tổng mức bán lẻ") and "năm 2025 đạt 610 tỷ đồng" in t for t in _texts(doc))


@pytest.mark.django_db
def test_a_town_report_of_a_unit_without_wards_is_refused_with_a_message(client_for, officer, places, ward_plan):
    response = _post(client_for(officer), _url(places.ward2, ward_plan), variant="town")
    assert response.status_code == 400
    assert "không có xã, phường trực thuộc" in response.content.decode()


@pytest.mark.django_db
def test_the_variant_and_data_choices_and_the_busy_indicator_are_on_the_form(client_for, officer, places, ward_plan):
    page = client_for(officer).get(_url(places.ward2, ward_plan)).content.decode()
    for value in ("auto", "annual", "mid-term", "term", "town"):
        assert f'name="variant" value="{value}"' in page
    assert 'name="data" value="latest"' in page
    assert 'id="report-busy" class="htmx-indicator"' in page and "Đang tạo báo cáo" in page
    assert "reporting/generate.js" in page


@pytest.mark.django_db
def test_the_download_tells_the_page_it_is_done_through_its_token(client_for, officer, places, ward_plan):
    response = _post(client_for(officer), _url(places.ward2, ward_plan), download_token="abc123XYZ789")
    assert response.status_code == 200
    assert response.cookies["chitieu_report_done"].value == "abc123XYZ789"
    bad = _post(client_for(officer), _url(places.ward2, ward_plan), download_token="<script>")
    assert bad.status_code == 400  # a token is letters and digits only


@pytest.mark.django_db
def test_an_outsider_gets_no_town_report(client_for, outsider, places, town_plan):
    assert _post(client_for(outsider), _url(places.town, town_plan), variant="town").status_code == 404


@pytest.mark.django_db
def test_tu_chon_rolls_up_a_unit_with_wards_as_the_command_line_does(client_for, reviewer, admin, places, town_plan):
    """"Tự chọn" (variant auto) picks the town roll-up for a unit with wards, the rule of
    ``choose_variant`` given the wards' plans (``chitieu report --ward``); a ward gets its own."""
    for ward, values in ((places.ward1, {2020: "100", 2025: "230"}), (places.ward2, {2020: "150", 2025: "380"})):
        for year, v in values.items():
            do_save_values(ward, town_plan, year, [{"indicator": "KT01", "value": v, "status": "chinh_thuc"}],
                           acting_user=admin)
    town = Document(io.BytesIO(_post(client_for(reviewer), _url(places.town, town_plan), data="latest").content))
    table = next(t for t in town.tables if t.rows[0].cells[-1].text == "Toàn thị xã")
    assert [c.text for c in table.rows[0].cells][3:] == ["Phường 1", "Phường 2", "Toàn thị xã"]
    assert any("năm 2025 đạt 610 tỷ đồng" in t for t in _texts(town))
    assert AuditLog.objects.filter(action="report.generate").latest("pk").detail["variant"] == "auto"

    ward = Document(io.BytesIO(_post(client_for(admin), _url(places.ward2, town_plan), data="latest").content))
    assert not any(t.rows[0].cells[-1].text.startswith("Toàn ") for t in ward.tables)
    assert any("năm 2025 đạt 380 tỷ đồng" in t for t in _texts(ward))
