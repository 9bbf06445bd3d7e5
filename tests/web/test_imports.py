"""Reading existing reports: upload a report, review what was read from it, import it into a plan.

The report is made of real lines of seed 000 (its 2016-2020 results, lines 78-140, and its
2021-2025 targets, lines 1098-1163), so line N of the upload is seed line 77+N for the first part
and seed line 1097+N-63 for the second.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest

from chitieu.web.audit.models import AuditLog
from chitieu.web.imports.models import ExtractedStatement, ImportedReport
from chitieu.web.plans.models import PlanTarget
from chitieu.web.values.models import Submission, Value
from seeds import SEED_000 as SEED  # noqa: E402


@pytest.fixture
def report_text() -> bytes:
    if not SEED.exists():
        pytest.skip("seed 000 is not on this machine")
    lines = SEED.read_text(encoding="utf-8").split("\n")
    return "\n".join(lines[77:140] + lines[1097:1163]).encode("utf-8") + b"\n"


def _upload(client, unit, name, content):
    return client.post(f"/units/{unit.pk}/reports/", {"file": _file(name, content)})


def _file(name, content):
    f = io.BytesIO(content)
    f.name = name
    return f


def _statement(report, line, kind=None, **value) -> ExtractedStatement:
    found = [s for s in report.statements.all() if s.line == line and (kind is None or s.kind == kind)
             and all(getattr(s, k) == v for k, v in value.items())]
    assert len(found) == 1, [(s.kind, s.indicator_text, s.low, s.high) for s in report.statements.filter(line=line)]
    return found[0]


def _decide(client, s, decision, **fields):
    return client.post(f"/reports/{s.report_id}/statements/{s.pk}/", {"decision": decision, **fields},
                       HTTP_HX_REQUEST="true")


@pytest.fixture
def uploaded(client_for, officer, places, catalogue, ward_plan, report_text):
    client = client_for(officer)
    response = _upload(client, places.ward2, "bao-cao-phuong-2.txt", report_text)
    report = ImportedReport.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/reports/{report.pk}/"
    # these tests decide each statement themselves; what is accepted beforehand is tested in
    # test_imports_review.py
    report.statements.update(decision=ExtractedStatement.Decision.PENDING)
    return report


# --- upload and review -------------------------------------------------------------------

def test_an_uploaded_text_report_is_stored_with_its_lines_and_statements(uploaded, officer, places, report_text):
    import hashlib

    report = uploaded
    assert (report.unit, report.uploaded_by, report.file_name, report.status) == (
        places.ward2, officer, "bao-cao-phuong-2.txt", "draft")
    assert report.sha256 == hashlib.sha256(report_text).hexdigest()
    assert len(report.lines) == 129 and report.lines[38].startswith("trẻ em. Tỷ lệ người dân tham gia bảo hiểm y tế")
    bhyt = _statement(report, 39, "result", low=94.1)
    assert (bhyt.op, bhyt.unit, bhyt.year, bhyt.compared_target) == ("=", "%", 2020, {"op": ">", "low": 80, "high": None})
    assert bhyt.value == Decimal("94.1") and bhyt.value_year == 2020
    income = _statement(report, 25, "result")
    assert (income.low, income.unit) == (71_000_000, "đồng/người/năm")
    retail = _statement(report, 68, "target")
    assert (retail.op, retail.low, retail.high, retail.per_year) == ("range", 19, 21, True)
    assert retail.phrase == "tăng 19 - 21%/năm"
    assert AuditLog.objects.filter(action="report.upload", object_id=str(report.pk), actor=officer).count() == 1


def test_the_review_screen_shows_each_statement_with_its_line_in_its_group(uploaded, client_for, officer):
    client = client_for(officer)
    page = client.get(f"/reports/{uploaded.pk}/").content.decode()
    bhyt = _statement(uploaded, 39, "result", low=94.1)
    assert f'id="g-{bhyt.group_key}"' in page and "imports/review.js" in page and "<script>" not in page
    group = client.get(f"/reports/{uploaded.pk}/groups/{bhyt.group_key}/", HTTP_HX_REQUEST="true").content.decode()
    assert f'<article id="st-{bhyt.pk}" class="statement decision-pending kind-result match-confident" data-line="39">' in group
    assert 'value="94,1"' in group  # the value to import, written the Vietnamese way
    # results that state no year are proposed the year most results of the plan's years are for
    assert re.search(r'<input[^>]*name="default_year"[^>]*value="2020"', page)


def test_the_catalogue_indicator_is_suggested_from_the_name_the_report_uses(uploaded):
    assert _statement(uploaded, 39, "result", low=94.1).indicator.code == "XH09"  # bảo hiểm y tế
    assert _statement(uploaded, 25, "result").indicator.code == "KT04"  # thu nhập bình quân đầu người
    assert _statement(uploaded, 68, "target").indicator.code == "KT01"  # tổng mức bán lẻ
    assert _statement(uploaded, 102, "target").indicator.code == "XH04"  # suy dinh dưỡng


def test_an_abbreviated_name_finds_its_indicator(catalogue):
    from chitieu.web.imports.actions import catalogue_entries
    from chitieu.web.imports.proposals import suggest

    assert suggest("TNBQ đầu người", "", catalogue_entries())[0][0] == "KT04"
    assert suggest("Tỷ lệ bao phủ BHYT", "", catalogue_entries())[0][0] == "XH09"


def test_a_docx_report_is_read_paragraph_by_paragraph(client_for, officer, places, catalogue, ward_plan):
    import docx

    document = docx.Document()
    document.add_heading("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024", 1)
    document.add_paragraph("1. Kết quả thực hiện các chỉ tiêu chủ yếu")
    document.add_paragraph("- Tỷ lệ người dân tham gia bảo hiểm y tế năm 2024 đạt 96,2% (chỉ tiêu trên 95%).")
    document.add_paragraph("- Thu nhập bình quân đầu người năm 2024 đạt 78,5 triệu đồng/người/năm.")
    buffer = io.BytesIO()
    document.save(buffer)
    response = _upload(client_for(officer), places.ward2, "bao-cao-2024.docx", buffer.getvalue())
    assert response.status_code == 302
    report = ImportedReport.objects.get(file_name="bao-cao-2024.docx")
    assert report.file_format == "docx" and report.lines[2].startswith("- Tỷ lệ người dân tham gia bảo hiểm y tế")
    bhyt = _statement(report, 3, "result")
    assert (bhyt.value, bhyt.unit, bhyt.year, bhyt.indicator.code) == (Decimal("96.2"), "%", 2024, "XH09")
    assert bhyt.compared_target == {"op": ">", "low": 95, "high": None}
    income = _statement(report, 4, "result")
    assert (income.value, income.unit, income.year, income.indicator.code) == (
        Decimal("78.5"), "triệu đồng/người/năm", 2024, "KT04")


def test_a_statement_is_accepted_or_rejected_on_its_own_row(uploaded, client_for, officer):
    client = client_for(officer)
    bhyt = _statement(uploaded, 39, "result", low=94.1)
    response = _decide(client, bhyt, "accepted", indicator="XH09", value="94,1", value_unit="%", value_year="2020",
                       value_status="chinh_thuc")
    fragment = response.content.decode()
    assert response.status_code == 200 and fragment.lstrip().startswith(f'<article id="st-{bhyt.pk}"')
    assert "decision-accepted" in fragment and "<html" not in fragment
    bhyt.refresh_from_db()
    assert (bhyt.decision, bhyt.value_status) == ("accepted", "chinh_thuc")
    retail = _statement(uploaded, 68, "target")
    _decide(client, retail, "rejected")
    retail.refresh_from_db()
    assert retail.decision == "rejected"
    assert AuditLog.objects.filter(action="report.review", unit=uploaded.unit).count() == 2


def test_a_value_that_is_not_a_number_is_refused_on_its_row(uploaded, client_for, officer):
    bhyt = _statement(uploaded, 39, "result", low=94.1)
    response = _decide(client_for(officer), bhyt, "accepted", value="chín mươi")
    assert response.status_code == 400 and "không phải là số" in response.content.decode()
    bhyt.refresh_from_db()
    assert (bhyt.decision, bhyt.value) == ("pending", Decimal("94.1"))


# --- import --------------------------------------------------------------------------------

def _import(client, report, plan, default_year=""):
    return client.post(f"/reports/{report.pk}/import/", {"plan": plan.pk, "default_year": default_year})


def test_accepted_results_become_values_of_the_unit_with_their_source(uploaded, client_for, officer, places,
                                                                     ward_plan):
    client = client_for(officer)
    _decide(client, _statement(uploaded, 39, "result", low=94.1), "accepted")
    _decide(client, _statement(uploaded, 25, "result"), "accepted")  # 71.000.000 đ → 71 triệu đồng
    _decide(client, _statement(uploaded, 43, "result"), "rejected")
    response = _import(client, uploaded, ward_plan, default_year="2020")
    assert response.status_code == 302
    rows = sorted(Value.objects.values_list("unit__code", "indicator__code", "year", "status", "value", "source"))
    assert rows == [
        ("19502", "KT04", 2020, "chinh_thuc", Decimal("71"), "Báo cáo bao-cao-phuong-2.txt, dòng 25"),
        ("19502", "XH09", 2020, "chinh_thuc", Decimal("94.1"), "Báo cáo bao-cao-phuong-2.txt, dòng 39"),
    ]
    uploaded.refresh_from_db()
    assert (uploaded.status, uploaded.plan, uploaded.imported_by) == ("imported", ward_plan, officer)
    assert AuditLog.objects.filter(action="value.create", actor=officer).count() == 2
    assert AuditLog.objects.filter(action="report.import", object_id=str(uploaded.pk)).count() == 1


def test_a_result_of_the_current_year_is_an_estimate_unless_the_user_says_otherwise(
        client_for, admin, places, catalogue):
    from django.utils import timezone

    from chitieu.web.plans.models import Plan

    year = timezone.localdate().year
    plan = Plan.objects.create(unit=places.ward2, base_year=year - 1, final_year=year + 4)
    PlanTarget.objects.create(plan=plan, indicator=catalogue["XH09"], phrase="trên 95%")
    PlanTarget.objects.create(plan=plan, indicator=catalogue["XH06"], phrase="dưới 1%")
    text = (f"Tỷ lệ người dân tham gia bảo hiểm y tế năm {year} ước đạt 96,5%.\n"
            f"Tỷ lệ hộ nghèo năm {year} còn 0,8%.\n").encode()
    client = client_for(admin)
    _upload(client, places.ward2, "uoc.txt", text)
    report = ImportedReport.objects.get()
    _decide(client, _statement(report, 1, "result"), "accepted")
    _decide(client, _statement(report, 2, "result"), "accepted", value_status="chinh_thuc")
    assert _import(client, report, plan).status_code == 302
    assert sorted(Value.objects.values_list("indicator__code", "year", "status", "value")) == [
        ("XH06", year, "chinh_thuc", Decimal("0.8")), ("XH09", year, "uoc", Decimal("96.5"))]


def test_accepted_targets_become_plan_targets_with_a_phrase_the_parser_reads(uploaded, client_for, admin,
                                                                            ward_plan):
    client = client_for(admin)
    _decide(client, _statement(uploaded, 102, "target"), "accepted")  # suy dinh dưỡng: new in the plan
    _decide(client, _statement(uploaded, 68, "target"), "accepted", phrase="tăng 20 - 22%/năm")  # edited
    before = PlanTarget.objects.count()
    assert _import(client, uploaded, ward_plan).status_code == 302
    assert PlanTarget.objects.count() == before + 1
    malnutrition = PlanTarget.objects.get(plan=ward_plan, indicator__code="XH04")
    target = malnutrition.parsed()
    assert (str(target.bound.op), target.bound.high, target.unit) == ("<", 6.0, "%")
    assert PlanTarget.objects.get(plan=ward_plan, indicator__code="KT01").phrase == "tăng 20 - 22%/năm"
    assert AuditLog.objects.filter(action="target.set", actor=admin).count() == 2


def test_importing_the_same_report_again_creates_no_duplicates(uploaded, client_for, officer, admin, places,
                                                               ward_plan, report_text):
    client = client_for(admin)
    _decide(client, _statement(uploaded, 39, "result", low=94.1), "accepted")
    _decide(client, _statement(uploaded, 102, "target"), "accepted")
    assert _import(client, uploaded, ward_plan).status_code == 302
    values, targets = list(Value.objects.values_list()), list(PlanTarget.objects.values_list())
    # the same file uploaded again is the same import, not a second one
    response = _upload(client_for(officer), places.ward2, "ban-sao.txt", report_text)
    assert response["Location"] == f"/reports/{uploaded.pk}/"
    assert ImportedReport.objects.count() == 1 and ExtractedStatement.objects.filter(report=uploaded).count() > 40
    assert _import(client, uploaded, ward_plan).status_code == 302
    assert list(Value.objects.values_list()) == values
    assert list(PlanTarget.objects.values_list()) == targets
    assert AuditLog.objects.filter(action__in=["value.create", "value.update"]).count() == 1


def test_one_bad_statement_and_nothing_is_imported(uploaded, client_for, officer, ward_plan):
    client = client_for(officer)
    _decide(client, _statement(uploaded, 39, "result", low=94.1), "accepted")
    households = _statement(uploaded, 47, "result", unit="hộ")  # 1.495 hộ is not a percentage
    _decide(client, households, "accepted", indicator="", indicator_other="XH09")  # typed from the whole catalogue
    response = _import(client, uploaded, ward_plan, default_year="2020")
    page = response.content.decode()
    assert response.status_code == 400 and "Chưa nhập gì." in page
    assert "Dòng 47" in page and "đơn vị “hộ” không khớp đơn vị “%” của chỉ tiêu XH09" in page
    assert not Value.objects.exists()
    uploaded.refresh_from_db()
    assert uploaded.status == "draft" and not AuditLog.objects.filter(action="report.import").exists()


def test_a_failure_inside_the_import_rolls_back_the_targets_already_set(uploaded, client_for, admin, places,
                                                                         ward_plan):
    Submission.objects.create(unit=places.ward2, plan=ward_plan, year=2020, state="approved")
    client = client_for(admin)
    _decide(client, _statement(uploaded, 102, "target"), "accepted")
    _decide(client, _statement(uploaded, 39, "result", low=94.1), "accepted")
    response = _import(client, uploaded, ward_plan)
    page = response.content.decode()
    assert response.status_code == 400 and "Năm 2020 (dòng 39)" in page and "không sửa được" in page
    assert not PlanTarget.objects.filter(indicator__code="XH04").exists()
    assert not Value.objects.exists() and not AuditLog.objects.filter(action="target.set").exists()


def test_an_officer_cannot_set_plan_targets_through_an_import(uploaded, client_for, officer, ward_plan):
    client = client_for(officer)
    _decide(client, _statement(uploaded, 102, "target"), "accepted")
    response = _import(client, uploaded, ward_plan)
    assert response.status_code == 400 and "chỉ người quản trị đơn vị mới được đặt chỉ tiêu kế hoạch" in \
        response.content.decode()
    assert not PlanTarget.objects.filter(indicator__code="XH04").exists()


# --- bad files -----------------------------------------------------------------------------

def _image_only_pdf() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "white").save(buffer, format="PDF")
    return buffer.getvalue()


@pytest.mark.parametrize("name, content, message", [
    ("trong.txt", b"", "tệp không có chữ nào đọc được"),
    ("report.txt", b"The ward reached 95% of its plan in 2020. Income per head rose to 85 million dong a year.",
     "văn bản không phải tiếng Việt"),
    ("hong.docx", b"PK\x03\x04 this is not really a zip file", "DOCX bị hỏng"),
    ("so-lieu.xlsx", b"PK\x03\x04", "định dạng “.xlsx” không được hỗ trợ"),
    ("ban-quet.pdf", None, "không có lớp chữ"),
])
def test_a_file_that_cannot_be_read_is_refused_beside_the_field(client_for, officer, places, catalogue,
                                                               name, content, message):
    content = _image_only_pdf() if content is None else content
    response = _upload(client_for(officer), places.ward2, name, content)
    page = response.content.decode()
    assert response.status_code == 400 and message in page and 'role="alert"' in page
    if name.endswith(".xlsx"):  # refused by its name, before anything is stored
        assert not ImportedReport.objects.exists() and not AuditLog.objects.filter(action__startswith="report.").exists()
        return
    # the reader's refusal is kept as a failed upload with its reason: no text, no statements
    report = ImportedReport.objects.get()
    assert report.status == "failed" and message in report.error and report.lines == []
    assert not report.statements.exists() and report.pending_file is None
    assert AuditLog.objects.filter(action="report.read_failed", object_id=str(report.pk)).exists()


def test_the_english_page_gives_the_english_message(officer, places, catalogue):
    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(officer)
    response = _upload(client, places.ward2, "empty.txt", b"")
    assert response.status_code == 400 and "the file has no readable text" in response.content.decode()


def test_a_file_over_20_mb_is_refused_before_it_is_read(client_for, officer, places, catalogue):
    content = (b"Ty le ho ngheo con 0,8%.\n" * (21 * 2**20 // 25 + 1))[: 21 * 2**20]
    assert len(content) == 21 * 2**20
    response = _upload(client_for(officer), places.ward2, "lon.txt", content)
    assert response.status_code == 400 and "tệp quá lớn (21,0 MB); giới hạn là 20 MB" in response.content.decode()
    assert not ImportedReport.objects.exists()


# --- who may do what -----------------------------------------------------------------------

def test_a_reviewer_and_a_viewer_may_look_but_not_change(uploaded, client_for, reviewer, viewer, places,
                                                          ward_plan, report_text):
    s = _statement(uploaded, 39, "result", low=94.1)
    for person in (reviewer, viewer):
        client = client_for(person)
        listing = client.get(f"/units/{places.ward2.pk}/reports/")
        assert listing.status_code == 200 and "bao-cao-phuong-2.txt" in listing.content.decode()
        assert 'id="upload-form"' not in listing.content.decode()
        page = client.get(f"/reports/{uploaded.pk}/")
        assert page.status_code == 200 and 'name="decision"' not in page.content.decode()
        assert _upload(client, places.ward2, "x.txt", report_text).status_code == 403
        assert _decide(client, s, "accepted").status_code == 403
        assert _import(client, uploaded, ward_plan).status_code == 403
    s.refresh_from_db()
    assert s.decision == "pending" and not Value.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "nobody"])
def test_the_outsider_is_refused_on_every_view(request, uploaded, client_for, places, ward_plan, report_text, who):
    client = client_for(request.getfixturevalue(who))
    s = _statement(uploaded, 39, "result", low=94.1)
    assert client.get(f"/units/{places.ward2.pk}/reports/").status_code == 404
    assert _upload(client, places.ward2, "x.txt", report_text).status_code == 404
    assert client.get(f"/reports/{uploaded.pk}/").status_code == 404
    assert _decide(client, s, "accepted").status_code == 404
    assert _import(client, uploaded, ward_plan).status_code == 404
    s.refresh_from_db()
    assert s.decision == "pending" and ImportedReport.objects.count() == 1 and not Value.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(uploaded, client, places):
    assert client.get(f"/reports/{uploaded.pk}/")["Location"].startswith("/accounts/login/")
    assert client.get(f"/units/{places.ward2.pk}/reports/")["Location"].startswith("/accounts/login/")


def test_saving_one_statement_does_not_read_the_reports_text(uploaded, officer, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    s = uploaded.statements.first()
    with CaptureQueriesContext(connection) as queries:
        r = _decide(client_for(officer), s, "rejected")
    assert r.status_code == 200
    assert ExtractedStatement.objects.get(pk=s.pk).decision == "rejected"
    assert not [q["sql"] for q in queries.captured_queries if '"lines"' in q["sql"]]


def test_the_report_list_counts_the_statements_of_each_report(uploaded, officer, places, client_for):
    r = client_for(officer).get(f"/units/{places.ward2.pk}/reports/")
    assert r.status_code == 200
    assert [(x.pk, x.n_statements) for x in r.context["reports"]] == [(uploaded.pk, uploaded.statements.count())]
    assert f'<td class="num">{uploaded.statements.count()}</td>' in r.content.decode()
