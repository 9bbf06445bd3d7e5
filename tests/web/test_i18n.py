"""Vietnamese by default; English when the user switches; numbers stay Vietnamese-style."""

from django.conf import settings


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_interface_is_vietnamese_by_default(ward_plan, places, officer, client_for):
    body = client_for(officer).get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    assert '<html lang="vi">' in body and "Nhập số liệu năm" in body and "Lưu tất cả" in body


def test_the_interface_switches_to_english(ward_plan, places, officer, client_for):
    c = client_for(officer)
    r = c.post("/i18n/setlang/", {"language": "en", "next": "/units/"})
    assert r.status_code == 302
    body = c.get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    assert '<html lang="en">' in body and "Data entry for" in body and "Save all" in body and "Of which:" in body


def test_error_messages_are_english_in_the_english_interface(ward_plan, places, officer, client_for):
    c = _english(client_for(officer))
    r = c.post(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/", {"v-XH09": "140", "s-XH09": "chinh_thuc"})
    body = r.content.decode()
    assert "A rate must be between 0 and 100%; you typed 140." in body and "Nothing was saved." in body


def test_every_interface_string_has_an_english_translation():
    path = settings.LOCALE_PATHS[0] / "en" / "LC_MESSAGES" / "django.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr ""\n\n' not in text.split("\n\n", 1)[1] + "\n\n"
    assert (path.with_suffix(".mo")).stat().st_mtime >= path.stat().st_mtime - 5
