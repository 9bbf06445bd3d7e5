"""The "Tạo báo cáo" button: Phường 2's officer downloads the official report of the ward's
2021-2025 plan, built from the values as stored by the same generator as ``chitieu report``; the
appendix as a spreadsheet; the unit's own template, refused with a message when it is bad; and
nobody outside the ward or its reviewers gets anything."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import load_workbook

from chitieu.core.evaluate import evaluate_plan, summarize
from chitieu.reports.make_default_template import DEFAULT_TEMPLATE
from chitieu.web.audit.models import AuditLog
from chitieu.web.reporting.models import ReportTemplate
from chitieu.web.values.actions import do_save_values

ISSUED = "2026-01-05"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def ward_values(ward_plan, places, officer, reviewer):
    """What Phường 2's officer entered: the base year, 2024, and the estimates for 2025, approved
    (issue 11: the report is built from approved values)."""
    from chitieu.web.values.actions import do_approve, do_submit

    ward = places.ward2
    rows = {
        2020: [("KT01", "150"), ("KT04", "55"), ("XH06", "1,8"), ("XH11", "85")],
        2024: [("KT01", "318"), ("KT04", "78,5"), ("XH06", "0,9"), ("XH11", "96")],
        2025: [("KT01", "380"), ("KT04", "86"), ("XH06", "1,2"), ("XH11", "92")],
    }
    for year, pairs in rows.items():
        status = "uoc" if year == 2025 else "chinh_thuc"
        do_save_values(ward, ward_plan, year, [{"indicator": c, "value": v, "status": status} for c, v in pairs],
                       acting_user=officer)
        do_approve(do_submit(ward, ward_plan, year, acting_user=officer), acting_user=reviewer)
    return rows


def _url(places, plan, unit=None):
    return f"/units/{(unit or places.ward2).pk}/plans/{plan.pk}/report/"


def _post(client, url, **fields):
    data = {"number": "125", "issued": ISSUED, "format": "docx", **fields}
    return client.post(url, data)


def _document(response):
    return Document(io.BytesIO(response.content))


def _appendix_rows(doc) -> dict[str, list[str]]:
    """Phụ lục 1 (the table headed "CHỈ TIÊU"; the calculations appendix follows it) as
    {indicator name: cell texts}."""
    table = next(t for t in doc.tables if len(t.columns) > 2 and t.rows[0].cells[1].text == "CHỈ TIÊU")
    out = {}
    for row in table.rows:
        cells = [c.text.strip() for c in row.cells]
        if len(cells) > 1 and cells[1]:
            out.setdefault(cells[1], cells)
    return out


def test_the_page_offers_number_date_format_and_template(ward_plan, places, officer, client_for):
    r = client_for(officer).get(_url(places, ward_plan))
    body = r.content.decode()
    assert r.status_code == 200
    assert "Tạo báo cáo — Phường 2" in body and 'name="number"' in body and 'type="date"' in body
    assert 'name="template"' in body and 'enctype="multipart/form-data"' in body
    # the queued report makes every format at once: no choice of format on the page
    assert 'name="format"' not in body and "Báo cáo (Word .docx) · Phụ lục 1 (Excel .xlsx)" in body


def test_the_officer_downloads_the_docx_of_phuong_2(ward_values, ward_plan, places, officer, client_for):
    r = _post(client_for(officer), _url(places, ward_plan))
    assert r.status_code == 200 and r["Content-Type"] == DOCX
    assert r["Content-Disposition"] == 'attachment; filename="bao-cao-phuong-2-2021-2025.docx"'
    doc = _document(r)
    letterhead = doc.tables[0]
    assert "PHƯỜNG 2" in letterhead.cell(0, 0).text and letterhead.cell(1, 0).text == "Số: 125/BC-UBND"
    assert letterhead.cell(1, 1).text == "Phường 2, ngày 05 tháng 01 năm 2026"  # named by a number: keeps "Phường"


def test_the_summary_line_is_the_core_summary_of_the_same_data(ward_values, ward_plan, places, officer,
                                                               client_for):
    expected = summarize(evaluate_plan(ward_plan.to_core()))
    assert (expected.met, expected.total) == (3, 6)  # KT01, KT04, XH11 met; XH06 not; KT05, XH09 lack data
    doc = _document(_post(client_for(officer), _url(places, ward_plan)))
    text = "\n".join(p.text for p in doc.paragraphs)
    found = re.search(r"Trong tổng số (\d+) chỉ tiêu .* có (\d+)/(\d+) chỉ tiêu đạt và vượt Nghị quyết", text)
    judged = expected.total - len(expected.no_data)  # "được đánh giá": those with data to judge
    assert found and (int(found[1]), int(found[2]), int(found[3])) == (judged, expected.met, judged)
    assert f"Chưa đủ số liệu để đánh giá {len(expected.no_data)} chỉ tiêu: " in text


def test_a_value_entered_through_the_values_actions_appears_in_the_appendix(ward_values, ward_plan, places,
                                                                            officer, reviewer, client_for):
    from chitieu.web.values.actions import do_approve, do_reopen, do_submit

    client = client_for(officer)
    before = _appendix_rows(_document(_post(client, _url(places, ward_plan))))
    income = before["Thu nhập bình quân đầu người"]
    assert "78,5" in income and "86" in income
    do_reopen(ward_plan.submissions.get(unit=places.ward2, year=2025), acting_user=reviewer)
    do_save_values(places.ward2, ward_plan, 2025, [{"indicator": "KT04", "value": "88,2", "status": "chinh_thuc"}],
                   acting_user=officer)
    # issue 11: the report uses approved values, so the new figure appears once approved
    unapproved = _appendix_rows(_document(_post(client, _url(places, ward_plan))))
    assert "88,2" not in unapproved["Thu nhập bình quân đầu người"]
    do_approve(do_submit(places.ward2, ward_plan, 2025, acting_user=officer), acting_user=reviewer)
    after = _appendix_rows(_document(_post(client, _url(places, ward_plan))))
    income = after["Thu nhập bình quân đầu người"]
    assert "88,2" in income and "86" not in income  # the official figure replaces the estimate


def test_generating_writes_an_audit_row(ward_values, ward_plan, places, officer, client_for):
    _post(client_for(officer), _url(places, ward_plan))
    row = AuditLog.objects.get(action="report.generate")
    assert row.actor == officer and row.unit == places.ward2 and row.object_id == str(ward_plan.pk)
    assert row.new == "bao-cao-phuong-2-2021-2025.docx"
    assert row.detail == {"format": "docx", "number": "125/BC-UBND", "issued": ISSUED, "template": "default",
                          "variant": "auto", "data": "approved"}


def test_the_xlsx_is_phu_luc_1_with_numbers(ward_values, ward_plan, places, officer, client_for):
    r = _post(client_for(officer), _url(places, ward_plan), format="xlsx")
    assert r.status_code == 200
    assert r["Content-Disposition"] == 'attachment; filename="phu-luc-1-phuong-2-2021-2025.xlsx"'
    ws = load_workbook(io.BytesIO(r.content)).active
    assert ws.title == "Phụ lục 1" and ws["A1"].value == "Phụ lục 1. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"
    rows = {row[1]: row for row in ws.iter_rows(values_only=True) if row[1]}
    header = next(row for row in ws.iter_rows(values_only=True) if row[4] == "2020")
    assert header[4:7] == ("2020", "2024", "Ước 2025")
    income = rows["Thu nhập bình quân đầu người"]
    assert income[2:7] == ("Triệu đồng", "Đạt 85 triệu/người/năm", 55, 78.5, 86)
    assert income[-1] == "Vượt"  # 86 > 85
    assert rows["Tỷ lệ hộ nghèo"][-1] == "Không đạt"


def _own_template() -> bytes:
    """The default template with a line of the ward's own under the letterhead."""
    doc = Document(str(DEFAULT_TEMPLATE))
    doc.paragraphs[0].insert_paragraph_before("Mẫu riêng của Phường 2 — {{ don_vi }}")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _texts(response) -> str:
    return "\n".join(p.text for p in _document(response).paragraphs)


def test_a_unit_template_is_stored_and_used_for_the_next_reports(ward_values, ward_plan, places, officer,
                                                                 client_for):
    client, own = client_for(officer), _own_template()
    upload = SimpleUploadedFile("mau-phuong-2.docx", own, content_type=DOCX)
    first = _post(client, _url(places, ward_plan), template=upload)
    assert first.status_code == 200 and "Mẫu riêng của Phường 2 — PHƯỜNG 2" in _texts(first)
    stored = ReportTemplate.objects.get()
    assert (stored.unit, stored.file_name, stored.uploaded_by, bytes(stored.file)) == (
        places.ward2, "mau-phuong-2.docx", officer, own)
    assert AuditLog.objects.filter(action="report_template.upload", new="mau-phuong-2.docx").exists()
    page = client.get(_url(places, ward_plan)).content.decode()
    assert "Mẫu của đơn vị: mau-phuong-2.docx" in page
    assert "Mẫu riêng của Phường 2" in _texts(_post(client, _url(places, ward_plan)))
    assert AuditLog.objects.filter(action="report.generate").first().detail["template"] == \
        f"{stored.pk}: mau-phuong-2.docx"
    assert "Mẫu riêng" not in _texts(_post(client, _url(places, ward_plan), template_source="default"))
    assert client.get(f"/units/{places.ward2.pk}/report-template/").content == own


def test_a_template_without_the_body_paragraph_is_refused_and_not_stored(ward_values, ward_plan, places,
                                                                         officer, client_for):
    plain = Document()
    plain.add_paragraph("ỦY BAN NHÂN DÂN {{ don_vi }}")
    buf = io.BytesIO()
    plain.save(buf)
    upload = SimpleUploadedFile("mau-thieu.docx", buf.getvalue(), content_type=DOCX)
    r = _post(client_for(officer), _url(places, ward_plan), template=upload)
    body = r.content.decode()
    assert r.status_code == 400 and r["Content-Type"].startswith("text/html")
    assert "Mẫu báo cáo “mau-thieu.docx” không dùng được, mẫu chưa được lưu" in body
    assert "thiếu đoạn {{ noi_dung }}" in body
    assert not ReportTemplate.objects.exists() and not AuditLog.objects.filter(action__startswith="report").exists()


def test_a_file_that_is_not_a_word_document_is_refused(ward_plan, places, officer, client_for):
    for name, content in [("mau.docx", b"not a zip at all"), ("mau.doc", b"\xd0\xcf\x11\xe0")]:
        upload = SimpleUploadedFile(name, content)
        body = _post(client_for(officer), _url(places, ward_plan), template=upload).content.decode()
        assert "không phải" in body, name
    assert not ReportTemplate.objects.exists()


def test_the_template_syntax_error_says_what_is_wrong(ward_plan, places, officer, client_for):
    bad = Document()
    bad.add_paragraph("{{ noi_dung }}")
    bad.add_paragraph("{% for r in noi_nhan %}")
    buf = io.BytesIO()
    bad.save(buf)
    upload = SimpleUploadedFile("mau-loi.docx", buf.getvalue())
    body = _post(client_for(officer), _url(places, ward_plan), template=upload).content.decode()
    assert "Mẫu báo cáo có lỗi cú pháp" in body and not ReportTemplate.objects.exists()


def test_a_number_without_symbol_gets_bc_ubnd_and_a_blank_number_leaves_the_line_to_fill(
        ward_plan, places, officer, client_for):
    client = client_for(officer)
    doc = _document(_post(client, _url(places, ward_plan), number=""))
    assert doc.tables[0].cell(1, 0).text == "Số:        /BC-UBND"
    doc = _document(_post(client, _url(places, ward_plan), number="Số: 07/BC-UBND"))
    assert doc.tables[0].cell(1, 0).text == "Số: 07/BC-UBND"


def test_a_ward_following_the_towns_plan_gets_its_own_report(town_plan, places, officer, reviewer, client_for):
    r = _post(client_for(reviewer), _url(places, town_plan))
    assert r.status_code == 200
    assert "PHƯỜNG 2" in _document(r).tables[0].cell(0, 0).text


def test_reviewers_of_the_town_and_admins_of_the_province_may_generate(ward_plan, places, reviewer, admin,
                                                                      client_for):
    for user in (reviewer, admin):
        assert client_for(user).get(_url(places, ward_plan)).status_code == 200
        assert _post(client_for(user), _url(places, ward_plan), format="xlsx").status_code == 200


def test_a_viewer_of_the_town_may_read_but_not_issue_the_wards_report(ward_plan, places, viewer, client_for):
    assert client_for(viewer).get(_url(places, ward_plan)).status_code == 403
    assert _post(client_for(viewer), _url(places, ward_plan)).status_code == 403


def test_the_outsider_is_refused_every_view(ward_plan, places, outsider, nobody, officer, client_for):
    ReportTemplate.objects.create(unit=places.ward2, file=DEFAULT_TEMPLATE.read_bytes(), file_name="m.docx",
                                  uploaded_by=officer)
    for user in (outsider, nobody):
        client = client_for(user)
        assert client.get(_url(places, ward_plan)).status_code == 404
        assert _post(client, _url(places, ward_plan)).status_code == 404
        assert client.get(f"/units/{places.ward2.pk}/report-template/").status_code == 404
    assert not AuditLog.objects.filter(action="report.generate").exists()


def test_a_plan_the_unit_does_not_follow_is_not_found(ward_plan, places, officer, client_for):
    # Phường 2's plan seen from Phường 1, by Phường 2's officer who is no member there: 404 either way
    assert client_for(officer).get(_url(places, ward_plan, unit=places.ward1)).status_code == 404
    assert client_for(officer).get(_url(places, ward_plan, unit=places.town)).status_code == 404


def test_anonymous_users_are_sent_to_log_in(ward_plan, places, client):
    for url in (_url(places, ward_plan), f"/units/{places.ward2.pk}/report-template/", "/report-template/default.docx"):
        r = client.get(url)
        assert r.status_code == 302 and "/accounts/login/" in r["Location"], url


def test_the_default_template_can_be_downloaded_to_start_from(nobody, client_for):
    r = client_for(nobody).get("/report-template/default.docx")
    assert r.content == DEFAULT_TEMPLATE.read_bytes()
    assert r["Content-Disposition"] == 'attachment; filename="mau-bao-cao-mac-dinh.docx"'


def test_the_button_shows_only_to_those_who_may_generate(ward_plan, places, officer, viewer, rf):
    from django.template import Context, Template

    snippet = Template('{% include "reporting/_button.html" %}')
    shown = snippet.render(Context({"user": officer, "unit": places.ward2, "plan": ward_plan}))
    assert f'href="/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/"' in shown and "Tạo báo cáo" in shown
    assert "href" not in snippet.render(Context({"user": viewer, "unit": places.ward2, "plan": ward_plan}))


def test_the_file_name_is_ascii_whatever_the_unit_is_called():
    from chitieu.web.reporting.generate import file_name

    assert file_name("Phường Đông Lễ", "2021-2025", "docx") == "bao-cao-phuong-dong-le-2021-2025.docx"
    assert file_name("Xã Hải Lệ", "2026", "pdf") == "bao-cao-xa-hai-le-2026.pdf"
    assert file_name("Thị xã Quảng Trị", "2021-2025", "xlsx") == "phu-luc-1-thi-xa-quang-tri-2021-2025.xlsx"


def test_pdf_is_offered_only_where_libreoffice_is_installed(ward_plan, places, officer, client_for, monkeypatch,
                                                            tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice on this PATH
    client = client_for(officer)
    assert "Báo cáo (PDF)" not in client.get(_url(places, ward_plan)).content.decode()
    r = _post(client, _url(places, ward_plan), format="pdf")
    assert r.status_code == 400 and "pdf" in r.content.decode()
    assert not AuditLog.objects.filter(action="report.generate").exists()


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_pdf_is_the_report_converted_by_libreoffice(ward_values, ward_plan, places, officer, client_for):
    client = client_for(officer)
    assert "Báo cáo (Word .docx) · Phụ lục 1 (Excel .xlsx) · Báo cáo (PDF)" in \
        client.get(_url(places, ward_plan)).content.decode()
    r = _post(client, _url(places, ward_plan), format="pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r["Content-Disposition"] == 'attachment; filename="bao-cao-phuong-2-2021-2025.pdf"'
    import pdfplumber

    with pdfplumber.open(io.BytesIO(r.content)) as pdf:
        first = pdf.pages[0].extract_text()
    assert "PHƯỜNG 2" in first and "BÁO CÁO" in first


def test_the_page_and_its_messages_are_english_in_the_english_interface(ward_plan, places, officer, client_for):
    from django.conf import settings

    client = client_for(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(_url(places, ward_plan)).content.decode()
    assert "Generate report — Phường 2" in body and "Date of issue" in body and "Appendix 1 (Excel .xlsx)" in body
    upload = SimpleUploadedFile("template.doc", b"\xd0\xcf\x11\xe0")
    body = _post(client, _url(places, ward_plan), template=upload).content.decode()
    assert "The report template must be a Word .docx file; “template.doc” is not." in body


def test_a_viewer_of_the_ward_itself_may_generate(ward_plan, places, client_for):
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Membership

    chairman = get_user_model().objects.create_user("chutich.phuong2")
    Membership.objects.create(user=chairman, unit=places.ward2, role="viewer")
    assert _post(client_for(chairman), _url(places, ward_plan), format="xlsx").status_code == 200


def test_the_scorecard_and_the_targets_page_offer_the_report_button(ward_plan, places, officer, client_for):
    client = client_for(officer)
    report_url = _url(places, ward_plan)
    scorecard = client.get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/")
    assert scorecard.status_code == 200 and report_url in scorecard.content.decode()
    from django.urls import reverse

    targets = client.get(reverse("plans:targets", args=[ward_plan.pk]))
    assert report_url in targets.content.decode()


def test_the_unit_page_links_to_reading_existing_reports(places, officer, client_for):
    from django.urls import reverse

    page = client_for(officer).get(reverse("units:detail", args=[places.ward2.pk])).content.decode()
    assert reverse("imports:list", args=[places.ward2.pk]) in page


# --- issue 14, item 12: the letter parts an office sets, remembered per unit -----------------

LETTER = {
    "signer_name": "Hoàng Thị Hằng",
    "sign_as": "tm_kt",
    "kinh_gui": "Ủy ban nhân dân thị xã Quảng Trị",
    "recipients": "UBND thị xã (b/c)\n- Phòng TC-KH thị xã;\nLưu: VP",
}


def test_the_officer_sets_the_letter_parts_and_the_next_report_starts_from_them(ward_values, ward_plan, places,
                                                                                officer, client_for):
    from chitieu.web.reporting.models import LetterSettings

    client = client_for(officer)
    r = _post(client, _url(places, ward_plan), number="5", **LETTER)
    assert r.status_code == 200
    doc = _document(r)
    assert doc.tables[0].cell(1, 0).text == "Số: 05/BC-UBND"
    sign = doc.tables[1]
    assert sign.cell(0, 0).text == "Nơi nhận:\n- UBND thị xã (b/c);\n- Phòng TC-KH thị xã;\n- Lưu: VP."
    assert [x for x in sign.cell(0, 1).text.split("\n") if x] == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Thị Hằng"]
    assert "Kính gửi: Ủy ban nhân dân thị xã Quảng Trị." in [p.text for p in doc.paragraphs]

    saved = LetterSettings.objects.get(unit=places.ward2)
    assert (saved.signer_name, saved.sign_as, saved.updated_by) == ("Hoàng Thị Hằng", "tm_kt", officer)
    assert saved.recipient_lines == ("UBND thị xã (b/c)", "- Phòng TC-KH thị xã;", "Lưu: VP")  # as typed
    audit = AuditLog.objects.get(action="report_letter.update")
    assert audit.actor == officer and audit.unit == places.ward2 and "Hoàng Thị Hằng" in audit.new

    page = client.get(_url(places, ward_plan)).content.decode()
    assert 'value="Hoàng Thị Hằng"' in page and 'value="tm_kt" checked' not in page  # a select, not radios
    assert '<option value="tm_kt" selected>' in page
    # the next report, posted without changing anything, is signed the same way and stores nothing new
    again = _document(_post(client, _url(places, ward_plan), **LETTER))
    assert "Hoàng Thị Hằng" in again.tables[1].cell(0, 1).text
    assert AuditLog.objects.filter(action="report_letter.update").count() == 1


def test_a_reviewer_signs_their_own_copy_without_changing_the_wards_letter_parts(ward_values, ward_plan, places,
                                                                                 reviewer, client_for):
    from chitieu.web.reporting.models import LetterSettings

    r = _post(client_for(reviewer), _url(places, ward_plan), signer_name="Người Khác", sign_as="q")
    assert r.status_code == 200
    assert [x for x in _document(r).tables[1].cell(0, 1).text.split("\n") if x][:2] == [
        "TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]
    assert not LetterSettings.objects.exists()


def test_a_number_not_written_as_decree_30_writes_it_is_refused_with_a_clear_message(ward_plan, places, officer,
                                                                                    client_for):
    from django.conf import settings

    client = client_for(officer)
    r = _post(client, _url(places, ward_plan), number="abc xyz")
    assert r.status_code == 400
    body = r.content.decode()
    assert ("Số, ký hiệu “abc xyz” không đúng thể thức Nghị định 30/2020/NĐ-CP: cần dạng 05/BC-UBND "
            "(số/tên loại văn bản-cơ quan ban hành), hoặc để trống.") in body
    assert not AuditLog.objects.filter(action="report.generate").exists()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = _post(client, _url(places, ward_plan), number="abc xyz").content.decode()
    assert "Number and symbol “abc xyz” do not follow Decree 30/2020/NĐ-CP: expected e.g. 05/BC-UBND" in body
