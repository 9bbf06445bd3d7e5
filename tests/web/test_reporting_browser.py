"""In Debian's chromium (issue 14, item 15): pressing "Tạo báo cáo" shows "Đang tạo báo cáo…"
and disables the button while the file is built; when the download arrives the indicator goes
and the button can be pressed again. The downloaded file is the report."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from docx import Document

from browser import MARKS

pytestmark = MARKS

PASSWORD = "trinh-duyet-bao-cao-14"


@pytest.mark.django_db(transaction=True)
def test_the_report_button_shows_work_in_progress_until_the_download_arrives(
        live_server, browser, places, ward_plan, officer):
    officer.set_password(PASSWORD)
    officer.save()
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN", accept_downloads=True)
    base = live_server.url
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", officer.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    page.goto(base + f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/")
    busy = page.locator("#report-busy")
    assert not busy.is_visible()
    with page.expect_download(timeout=60_000) as download:
        page.click("#report-submit")
        # one selector, so both hold at the same instant: indicator shown while the button is disabled
        page.locator("form.htmx-request:has(#report-submit:disabled) #report-busy").wait_for(state="visible")
    assert "Đang tạo báo cáo" in busy.inner_text()
    data = open(download.value.path(), "rb").read()  # noqa: PTH123, SIM115
    assert any(p.text == "BÁO CÁO" for p in Document(io.BytesIO(data)).paragraphs)
    page.locator("form.htmx-request").wait_for(state="detached", timeout=10_000)
    assert not busy.is_visible() and page.locator("#report-submit").is_enabled()
    page.close()
