"""The pages that read existing reports speak English to an English browser or after the switch,
and Vietnamese to everyone else; every string of the imports app has its English."""

import io
from pathlib import Path

from django.conf import settings
from django.test import Client

import chitieu.web.imports

CATALOGUE = Path(chitieu.web.imports.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _client(user, **headers) -> Client:
    c = Client(**headers)
    c.force_login(user)
    return c


def _upload(client, unit):
    f = io.BytesIO("Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ năm 2020 đạt 2.000 tỷ đồng.\n".encode())
    f.name = "bao-cao.txt"
    return client.post(f"/units/{unit.pk}/reports/", {"file": f})


def test_an_english_browser_gets_the_reports_page_in_english(officer, places, catalogue):
    c = _client(officer, HTTP_ACCEPT_LANGUAGE="en")
    _upload(c, places.ward2)
    body = c.get(f"/units/{places.ward2.pk}/reports/").content.decode()
    assert '<html lang="en">' in body
    assert "Read an existing report" in body and "Upload and read" in body and "Uploaded reports" in body
    assert "Report files (.txt, .md, .docx, .pdf; at most 20 MB each; several may be chosen)" in body
    assert "Under review" in body  # the state of the report just uploaded
    assert "Tải lên và đọc" not in body and "Đang xem xét" not in body


def test_the_language_switch_gives_the_reports_page_in_english(officer, places, catalogue):
    c = _client(officer, HTTP_ACCEPT_LANGUAGE="vi")
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = c.get(f"/units/{places.ward2.pk}/reports/").content.decode()
    assert "Read an existing report" in body and "Upload and read" in body and "No reports yet." in body


def test_the_reports_page_is_vietnamese_by_default(officer, places, catalogue):
    c = _client(officer)
    _upload(c, places.ward2)
    body = c.get(f"/units/{places.ward2.pk}/reports/").content.decode()
    assert '<html lang="vi">' in body
    assert "Đọc báo cáo có sẵn" in body and "Tải lên và đọc" in body and "Báo cáo đã tải lên" in body
    assert "Đang xem xét" in body and "Upload and read" not in body


def test_the_review_page_of_a_report_is_english_too(officer, places, catalogue, ward_plan):
    c = _client(officer, HTTP_ACCEPT_LANGUAGE="en")
    response = _upload(c, places.ward2)
    body = c.get(response["Location"]).content.decode()
    assert "Reports of" in body and "Import the accepted indicators" in body
    assert "All or nothing: if one accepted line cannot be imported, no line is imported." in body


def test_every_string_of_the_imports_app_has_its_english_and_is_compiled():
    text = CATALOGUE.read_text(encoding="utf-8")
    entries = text.split("\n\n")[1:]
    assert len(entries) > 50
    untranslated = [e for e in entries if e.rstrip().endswith('msgstr ""') or 'msgstr[1] ""' in e]
    assert not untranslated, untranslated
    assert "#, fuzzy" not in text
    assert CATALOGUE.with_suffix(".mo").stat().st_mtime >= CATALOGUE.stat().st_mtime - 5
