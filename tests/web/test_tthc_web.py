"""TTHC statistics: imported from the province system's file (XLSX, or CSV with a column mapping
the unit sets), or typed in a form; all or nothing, each error naming its row and rule (in
Vietnamese, and in English for an English page); a consistent file gives the CCHC indicator
values, with their source, visible on the scorecard."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from chitieu.web.audit.models import AuditLog
from chitieu.web.tasks.models import TthcMapping, TthcReport
from chitieu.web.values.models import Value

DATA = Path(__file__).parent / "data" / "tthc"
XLSX = DATA / "phuong-2-2024.xlsx"
CSV = DATA / "phuong-2-2024.csv"
WINDOW = {"i-start": "2023-12-15", "i-end": "2024-11-14", "i-source": "Hệ thống thông tin giải quyết TTHC tỉnh"}
RATES = {"CC01": Decimal("22.0"), "CC02": Decimal("97.0"), "CC04": Decimal("75.3"), "CC05": Decimal("24.4"),
         "CC06": Decimal("0.3"), "CC07": Decimal("91.6")}


@pytest.fixture
def cchc_plan(places, catalogue):
    """Phường 2's administrative-reform plan for 2024, whose targets are the CCHC indicators."""
    from chitieu.web.plans.models import Plan, PlanTarget

    plan = Plan.objects.create(unit=places.ward2, kind="year", base_year=2023, final_year=2024,
                               source="Kế hoạch cải cách hành chính năm 2024")
    for order, (code, phrase) in enumerate([("CC01", "đạt 50%"), ("CC02", "đạt 100%"), ("CC04", "đạt 70%"),
                                            ("CC05", ""), ("CC06", "dưới 2%"), ("CC07", "đạt 100%")], 1):
        PlanTarget.objects.create(plan=plan, indicator=catalogue[code], phrase=phrase, order=order)
    return plan


def _post_file(client, unit, path: Path, data: bytes | None = None, **extra):
    upload = SimpleUploadedFile(path.name, data if data is not None else path.read_bytes())
    return client.post(reverse("tasks:tthc", args=[unit.pk]), {"what": "import", "i-file": upload, **WINDOW, **extra})


def _edited_xlsx(cell: str, value) -> bytes:
    wb = load_workbook(XLSX)
    wb.active[cell] = value
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_consistent_file_gives_the_cchc_values_with_their_source_on_the_scorecard(
        client_for, places, cchc_plan, officer):
    c = client_for(officer)
    r = _post_file(c, places.ward2, XLSX)
    assert r.status_code == 302, r.content.decode()[:3000]
    report = TthcReport.objects.get(unit=places.ward2)
    assert (report.start, report.end, report.rows.count()) == (date(2023, 12, 15), date(2024, 11, 14), 5)
    stored = {v.indicator.code: v for v in Value.objects.filter(unit=places.ward2, year=2024)}
    assert {code: v.value for code, v in stored.items()} == RATES
    assert stored["CC04"].source.startswith("Thống kê TTHC 15/12/2023-14/11/2024 (Hệ thống thông tin giải quyết")
    assert "phuong-2-2024.xlsx" in stored["CC04"].source
    assert AuditLog.objects.filter(action="tthc.save").count() == 1
    assert AuditLog.objects.filter(action="value.create", unit=places.ward2).count() == 6
    detail = c.get(r["Location"]).content.decode()
    assert "2670" in detail and 'data-code="CC04"' in detail and "75,3" in detail
    card = c.get(reverse("dashboards:scorecard", args=[places.ward2.pk, cchc_plan.pk]) + "?du_lieu=moi_nhat")
    text = card.content.decode()
    assert card.status_code == 200 and "75,3" in text and "97" in text and "91,6" in text


def test_a_file_with_one_inconsistent_row_is_refused_whole_naming_the_row_and_the_rule(
        client_for, places, cchc_plan, officer):
    # Hộ tịch (row 9): 7 settled late instead of 5, so the stated 595 settled no longer adds up
    r = _post_file(client_for(officer), places.ward2, XLSX, _edited_xlsx("J9", 7))
    page = r.content.decode()
    assert r.status_code == 400 and "Chưa lưu gì" in page
    assert ("Dòng 9 (lĩnh vực “Hộ tịch”): tổng số đã giải quyết 595 khác trước hạn 400 + đúng hạn 190 + "
            "trễ hạn 7 = 597") in page
    assert "Dòng 12 (dòng tổng cộng): giải quyết trễ hạn 8 khác tổng của các lĩnh vực 10" in page
    assert not TthcReport.objects.exists() and not Value.objects.exists()
    assert not AuditLog.objects.filter(action__in=["tthc.save", "value.create"]).exists()


def test_a_row_whose_received_is_not_settled_plus_in_progress_is_named(client_for, places, cchc_plan, officer):
    # Người có công: received 41 stated, and the channels still give 41, but 4 now in progress
    r = _post_file(client_for(officer), places.ward2, XLSX, _edited_xlsx("L10", 4))
    page = r.content.decode()
    assert "Dòng 10 (lĩnh vực “Người có công”): tổng số đang giải quyết 3 khác trong hạn 4 + quá hạn 0 = 4" in page
    assert not TthcReport.objects.exists()


def test_errors_in_english_on_an_english_page(client_for, places, cchc_plan, officer):
    c = client_for(officer)
    c.cookies["django_language"] = "en"
    r = _post_file(c, places.ward2, XLSX, _edited_xlsx("J9", 7), HTTP_ACCEPT_LANGUAGE="en")
    assert "Row 9 (field “Hộ tịch”): settled 595 differs from early 400 + on time 190 + late 7 = 597" in \
        r.content.decode()


def test_a_cell_that_is_not_a_number_is_named_by_row_and_column(client_for, places, cchc_plan, officer):
    r = _post_file(client_for(officer), places.ward2, XLSX, _edited_xlsx("D8", "hai trăm"))
    assert "Dòng 8, cột D (Trực tuyến): “hai trăm” không phải là số nguyên không âm" in r.content.decode()


def test_a_file_of_another_window_is_refused(client_for, places, cchc_plan, officer):
    r = _post_file(client_for(officer), places.ward2, XLSX, **{"i-end": "2024-12-14"})
    assert "Tệp ghi kỳ số liệu 15/12/2023-14/11/2024, khác kỳ đã chọn 15/12/2023-14/12/2024" in r.content.decode()
    assert not TthcReport.objects.exists()


def test_a_csv_with_its_own_headers_is_read_through_the_units_mapping(client_for, places, cchc_plan, officer):
    c = client_for(officer)
    url = reverse("tasks:tthc", args=[places.ward2.pk])
    refused = _post_file(c, places.ward2, CSV)
    assert "Không tìm thấy dòng tiêu đề có cột “Lĩnh vực”" in refused.content.decode()
    mapping = "\n".join([
        "field = Lĩnh vực TTHC", "received = Tiếp nhận - tổng", "online = Nộp trực tuyến",
        "in_person = Nộp trực tiếp/BCCI", "carried_over = Kỳ trước chuyển qua", "settled = Đã giải quyết - tổng",
        "early = Sớm hạn", "on_time = Đúng hạn", "late = Quá hạn (đã giải quyết)",
        "pending = Đang giải quyết - tổng", "pending_within = Đang xử lý trong hạn",
        "pending_overdue = Đang xử lý quá hạn", "digitised = Hồ sơ được số hóa", "e_results = Trả kết quả điện tử"])
    assert c.post(url, {"what": "mapping", "m-columns": mapping}).status_code == 302
    assert TthcMapping.objects.get(unit=places.ward2).columns["early"] == "Sớm hạn"
    assert _post_file(c, places.ward2, CSV).status_code == 302
    assert Value.objects.get(unit=places.ward2, indicator__code="CC06").value == Decimal("0.3")
    bad = c.post(url, {"what": "mapping", "m-columns": "som_han = Sớm hạn"})
    assert "Dòng 1 của ánh xạ: “som_han = Sớm hạn” không có dạng" in bad.content.decode()


def test_the_form_checks_the_same_rules(client_for, places, cchc_plan, officer):
    c = client_for(officer)
    url = reverse("tasks:tthc", args=[places.ward2.pk])
    row = {"r0-field": "Hộ tịch", "r0-online": "320", "r0-in_person": "280", "r0-carried_over": "12", "r0-early": "400",
           "r0-on_time": "190", "r0-late": "5", "r0-pending_within": "15", "r0-pending_overdue": "1",
           "r0-digitised": "590", "r0-e_results": "560"}
    window = {"e-start": "2024-01-01", "e-end": "2024-06-30", "e-source": "Sổ theo dõi"}
    r = c.post(url, {"what": "entry", **window, **row})
    assert ("Dòng 1 (lĩnh vực “Hộ tịch”): số tiếp nhận 612 khác số đã giải quyết 595 + đang giải quyết 16 = 611"
            in r.content.decode())
    r = c.post(url, {"what": "entry", **window, **row, "r0-pending_overdue": "2"})
    assert r.status_code == 302
    report = TthcReport.objects.get(unit=places.ward2)
    assert report.start == date(2024, 1, 1) and report.source == "Sổ theo dõi"
    # the same window again replaces the figures instead of adding a second report
    c.post(url, {"what": "entry", **window, **row, "r0-pending_overdue": "2", "r0-late": "4", "r0-on_time": "191"})
    assert TthcReport.objects.count() == 1 and report.rows.get().late == 4


def test_rates_of_indicators_no_plan_targets_are_reported_not_stored(client_for, places, ward_plan, officer):
    r = _post_file(client_for(officer), places.ward2, XLSX)
    assert r.status_code == 302 and not Value.objects.filter(indicator__code__startswith="CC").exists()


def test_a_locked_year_refuses_the_whole_save(client_for, places, cchc_plan, officer, reviewer):
    from chitieu.web.values.actions import do_approve, do_submit

    c = client_for(officer)
    _post_file(c, places.ward2, XLSX)
    do_approve(do_submit(places.ward2, cchc_plan, 2024, acting_user=officer), acting_user=reviewer)
    wb = load_workbook(XLSX)
    ws = wb.active
    ws["H9"], ws["I9"], ws["H12"], ws["I12"] = 401, 189, 1991, 643  # one dossier early instead of on time
    buf = io.BytesIO()
    wb.save(buf)
    r = _post_file(c, places.ward2, XLSX, buf.getvalue())
    assert "Số liệu năm 2024 đang ở trạng thái “Đã duyệt”, không sửa được." in r.content.decode()
    assert TthcReport.objects.get().rows.get(field="Hộ tịch").early == 400


def test_the_outsider_and_the_viewer_are_refused(client_for, places, cchc_plan, officer, outsider, viewer):
    url = reverse("tasks:tthc", args=[places.ward2.pk])
    assert client_for(outsider).get(url).status_code == 404
    assert _post_file(client_for(outsider), places.ward2, XLSX).status_code == 404
    assert client_for(viewer).get(url).status_code == 200
    assert _post_file(client_for(viewer), places.ward2, XLSX).status_code == 404
    _post_file(client_for(officer), places.ward2, XLSX)
    detail = reverse("tasks:tthc_detail", args=[TthcReport.objects.get().pk])
    assert client_for(outsider).get(detail).status_code == 404


def test_a_file_too_large_is_refused_before_it_is_read():
    from chitieu.web.tasks.tthc_files import FileProblems, read_file

    with pytest.raises(FileProblems) as err:
        read_file("lon.csv", b"x" * (5 * 2**20 + 1))
    assert err.value.problems[0][0] == "Tệp “lon.csv” quá lớn (5,0 MB); tối đa 5 MB"
