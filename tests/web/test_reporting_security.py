"""Issue 10, findings 1 and 9, on the "Tạo báo cáo" page: a template that would run code is
refused at upload with the placeholder named and nothing stored; one stored before the fix is
never run; only the unit's officers and admins set its template (a viewer neither sees the
upload field nor gets one through); template files are bounded; and an indicator named like a
formula stays text in Phụ lục 1."""

from __future__ import annotations

import html
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document
from openpyxl import load_workbook

from chitieu.reports.make_default_template import DEFAULT_TEMPLATE
from chitieu.web.audit.models import AuditLog
from chitieu.web.reporting.actions import Upload, do_generate_report
from chitieu.web.reporting.models import ReportTemplate

ISSUED = "2026-01-05"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RCE = "{{ cycler.__init__.__globals__.os.popen('id').read() }}"


def _docx(*paragraphs: str) -> bytes:
    doc = Document(str(DEFAULT_TEMPLATE))
    first = doc.paragraphs[0]
    for text in paragraphs:
        first.insert_paragraph_before(text)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _url(places, plan):
    return f"/units/{places.ward2.pk}/plans/{plan.pk}/report/"


def _post(client, url, **fields):
    return client.post(url, {"number": "125", "issued": ISSUED, "format": "docx", **fields})


def _upload(data: bytes, name: str = "mau.docx"):
    return SimpleUploadedFile(name, data, content_type=DOCX)


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _nothing_stored():
    return not ReportTemplate.objects.exists() and not AuditLog.objects.filter(action__startswith="report").exists()


@pytest.fixture
def ward_viewer(places):
    """The ward's chairman: reads Phường 2 and may issue its report, but not set its template."""
    from chitieu.web.accounts.models import Membership

    user = get_user_model().objects.create_user("chutich.phuong2")
    Membership.objects.create(user=user, unit=places.ward2, role="viewer")
    return user


def test_the_reproduction_is_refused_at_upload_and_nothing_is_stored(ward_plan, places, officer, client_for):
    r = _post(client_for(officer), _url(places, ward_plan), template=_upload(_docx(RCE), "mau-doc.docx"))
    page = _page(r)
    assert r.status_code == 400
    assert ("Mẫu báo cáo “mau-doc.docx” không dùng được, mẫu chưa được lưu: Mẫu báo cáo dùng biến “cycler” "
            "không có trong danh sách biến được phép (co_quan, don_vi, so_ky_hieu") in page
    assert "uid=" not in page
    assert _nothing_stored()


@pytest.mark.parametrize("source, named", [
    ("{{ ''.__class__.__mro__ }}", "thuộc tính “.__class__”"),
    ("{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}", "thuộc tính “.__class__”"),
    ("{{ lipsum }}", "biến “lipsum”"),
    ("{{ self }}", "biến “self”"),
    ("{{ config }}", "biến “config”"),
    ("{{ request }}", "biến “request”"),
    ("{% include 'x' %}", "thẻ “{% include %}”"),
])
def test_other_escapes_are_refused_at_upload_by_name(ward_plan, places, officer, client_for, source, named):
    r = _post(client_for(officer), _url(places, ward_plan), template=_upload(_docx(source)))
    assert r.status_code == 400 and named in _page(r)
    assert _nothing_stored()


def test_unbalanced_tags_give_a_syntax_error_with_the_paragraph(ward_plan, places, officer, client_for):
    r = _post(client_for(officer), _url(places, ward_plan),
              template=_upload(_docx("Kính gửi", "{%p if so %}", "Số đã có")))
    assert r.status_code == 400
    # docxtpl folds a {%p %} paragraph into the one before it; the hint shows the text as Jinja2 saw it
    assert ("Mẫu báo cáo có lỗi cú pháp: khối {% if %} chưa được đóng (thiếu {% endif %}) "
            "(ở đoạn “Kính gửi {% if so %}”)") in _page(r)
    assert _nothing_stored()


def test_a_template_stored_before_the_fix_never_runs(ward_plan, places, officer, ward_viewer, client_for):
    """As if uploaded before this fix: generating refuses it with a clear message and runs nothing."""
    ReportTemplate.objects.create(unit=places.ward2, file=_docx(RCE), file_name="mau-cu.docx", uploaded_by=officer)
    for user in (officer, ward_viewer):
        r = _post(client_for(user), _url(places, ward_plan))
        page = _page(r)
        assert r.status_code == 400 and r["Content-Type"].startswith("text/html")
        assert "Mẫu báo cáo của đơn vị không dùng được (Mẫu báo cáo dùng biến “cycler” không có" in page
        assert "Hãy tải lên mẫu khác hoặc chọn mẫu mặc định." in page
        assert "uid=" not in page
    assert not AuditLog.objects.filter(action="report.generate").exists()
    # the default template still gives the report
    r = _post(client_for(ward_viewer), _url(places, ward_plan), template_source="default")
    assert r.status_code == 200 and "uid=" not in "\n".join(p.text for p in Document(io.BytesIO(r.content)).paragraphs)


def test_the_refusal_is_in_english_in_the_english_interface(ward_plan, places, officer, client_for):
    from django.conf import settings

    client = client_for(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = _page(_post(client, _url(places, ward_plan), template=_upload(_docx(RCE), "evil.docx")))
    assert ("The report template “evil.docx” cannot be used and was not stored: the template uses the variable "
            "“cycler”, which is not among the allowed variables (co_quan,") in page
    assert "Mẫu báo cáo dùng biến" not in page
    assert "Only the variables of the default template may be used" in page


def test_a_viewer_of_the_ward_may_generate_but_not_upload_a_template(ward_plan, places, ward_viewer, client_for):
    client = client_for(ward_viewer)
    page = client.get(_url(places, ward_plan)).content.decode()
    assert 'name="number"' in page and 'name="template"' not in page  # the upload is not even offered
    r = _post(client, _url(places, ward_plan), template=_upload(_docx("Mẫu của chủ tịch")))
    assert r.status_code == 403
    assert _nothing_stored()
    assert _post(client, _url(places, ward_plan)).status_code == 200  # generating is still allowed


def test_the_action_refuses_an_upload_from_someone_who_may_not_set_the_template(ward_plan, places, ward_viewer):
    with pytest.raises(PermissionDenied):
        do_generate_report(places.ward2, ward_plan, fmt="docx", upload=Upload("m.docx", _docx("x")),
                           acting_user=ward_viewer)
    assert _nothing_stored()


def test_officers_and_admins_upload_a_legitimate_customised_template(ward_plan, places, officer, admin,
                                                                      client_for):
    """The default template with the number line moved under the title: only documented placeholders."""
    doc = Document(str(DEFAULT_TEMPLATE))
    number = next(p for p in doc.tables[0].cell(1, 0).paragraphs if "so_ky_hieu" in p.text)
    number.text = ""
    next(p for p in doc.paragraphs if p.text == "BÁO CÁO").insert_paragraph_before("{{ so_ky_hieu }}")
    buf = io.BytesIO()
    doc.save(buf)
    for user, name in ((officer, "mau-phuong-2.docx"), (admin, "mau-tinh.docx")):
        client = client_for(user)
        assert 'name="template"' in client.get(_url(places, ward_plan)).content.decode()
        r = _post(client, _url(places, ward_plan), template=_upload(buf.getvalue(), name))
        assert r.status_code == 200
        texts = [p.text for p in Document(io.BytesIO(r.content)).paragraphs]
        assert texts[texts.index("BÁO CÁO") - 1] == "Số: 125/BC-UBND"
        assert ReportTemplate.current_for(places.ward2).file_name == name
    assert AuditLog.objects.filter(action="report_template.upload").count() == 2


def test_a_zip_bomb_template_is_refused_before_it_is_opened(ward_plan, places, officer, client_for):
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info.filename))
        z.writestr("word/media/image1.png", b"\0" * (40 * 1024 * 1024 - sum(i.file_size for i in z.infolist())))
    assert len(out.getvalue()) < 200_000
    r = _post(client_for(officer), _url(places, ward_plan), template=_upload(out.getvalue()))
    assert r.status_code == 400
    assert "mẫu chưa được lưu: Tệp mẫu khi giải nén lớn 40,0 MB, quá lớn (tối đa 20 MB)" in _page(r)
    assert _nothing_stored()


def test_an_indicator_named_like_a_formula_stays_text_in_phu_luc_1(ward_plan, places, officer, client_for,
                                                                   catalogue):
    from chitieu.web.catalog.models import Indicator

    evil = '=HYPERLINK("http://evil","x")'
    Indicator.objects.filter(code="KT04").update(name=evil)
    r = _post(client_for(officer), _url(places, ward_plan), format="xlsx")
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content)).active
    cell = next(row[1] for row in ws.iter_rows() if row[1].value and "HYPERLINK" in str(row[1].value))
    assert cell.value == "'" + evil and cell.data_type == "s"
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)
