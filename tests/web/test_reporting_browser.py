"""In Debian's chromium (issues 14 and 18): pressing "Tạo báo cáo" queues the report and the page
shows its card at once ("Đang chờ trong hàng đợi"); the page polls the card (htmx) while the job
worker builds the files, and when they are ready shows the download links and moves the keyboard
focus to the first one. The downloaded file is the report.

The worker is the database queue's own (``db_worker --batch``), run here in the test's thread
while the page polls; LibreOffice is taken off PATH so the job makes the DOCX and XLSX only."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from docx import Document

from browser import MARKS

pytestmark = MARKS

PASSWORD = "trinh-duyet-bao-cao-14"


@pytest.mark.django_db(transaction=True)
def test_the_report_button_queues_the_job_and_the_page_follows_it_to_the_download(
        live_server, browser, places, ward_plan, officer, settings, monkeypatch, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    officer.set_password(PASSWORD)
    officer.save()
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN", accept_downloads=True)
    monkeypatch.setenv("PATH", str(tmp_path))  # after chromium started: no LibreOffice for the server
    base = live_server.url
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", officer.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    page.goto(base + f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/report/")
    assert not page.locator("#report-busy").is_visible()
    assert page.locator("#report-jobs-empty").is_visible()
    page.click("#report-submit")
    card = page.locator("#report-jobs .report-job")
    card.wait_for(timeout=30_000)
    assert card.get_attribute("data-status") == "queued" and "Đang chờ trong hàng đợi" in card.inner_text()
    # the "no reports yet" line goes once htmx has settled the new card (a few ms after it shows)
    page.locator("#report-jobs-empty").wait_for(state="detached", timeout=5_000)
    assert page.locator("#report-submit").is_enabled()  # another report may be asked for meanwhile

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    page.locator('#report-jobs .report-job[data-status="done"]').wait_for(timeout=30_000)
    assert "Đã xong" in card.inner_text()
    docx_link = card.locator('a[data-format="docx"]')
    assert docx_link.inner_text() == "bao-cao-phuong-2-2021-2025.docx"
    assert card.locator('a[data-format="xlsx"]').inner_text() == "phu-luc-1-phuong-2-2021-2025.xlsx"
    assert page.evaluate("document.activeElement.textContent") == "bao-cao-phuong-2-2021-2025.docx"
    with page.expect_download(timeout=30_000) as download:
        docx_link.click()
    data = open(download.value.path(), "rb").read()  # noqa: PTH123, SIM115
    assert any(p.text == "BÁO CÁO" for p in Document(io.BytesIO(data)).paragraphs)
    page.close()
