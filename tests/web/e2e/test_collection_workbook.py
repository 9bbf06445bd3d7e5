"""End to end, in Debian's chromium: the officer of Phường 2 downloads the year's collection
workbook from the data-entry page, fills it as a spreadsheet would (here with openpyxl), uploads
it; the page waits for the job worker's check ("Đang chờ kiểm tra…", polled by htmx), then shows
the preview (new / changed / unchanged); "Xác nhận lưu" queues the storing and the page follows
it to the entry page, which shows the figures. An upload with one bad cell is refused naming the
cell. The worker is the database queue's own (``db_worker --batch``), run in the test's thread
while the page polls (issue 18)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from tests.web.jobs_helpers import run_jobs

from browser import MARKS
from chitieu.web.values.actions import do_save_values
from chitieu.web.values.models import Value

pytestmark = MARKS
PASSWORD = "bieu-thu-nghiem-1"


def _login(page, base: str, username: str) -> None:
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _filled(path, cells: dict[str, object], out) -> None:
    wb = load_workbook(path)
    ws = wb["Phường 2"]
    for ref, value in cells.items():
        ws[ref] = value
    wb.save(out)


@pytest.mark.django_db(transaction=True)
def test_download_fill_upload_preview_confirm(live_server, browser, places, ward_plan, officer, tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    officer.set_password(PASSWORD)
    officer.save()
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT04", "value": "78,5"}], acting_user=officer)
    base = live_server.url
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN", accept_downloads=True)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    _login(page, base, officer.username)
    page.goto(base + reverse("values:entry", args=[places.ward2.pk, ward_plan.pk, 2024]))
    with page.expect_download() as info:
        page.click("[data-testid=collect-template]")
    download = info.value
    assert download.suggested_filename == "bieu-thu-thap-2024-phuong-2.xlsx"
    template = tmp_path / download.suggested_filename
    download.save_as(template)
    assert load_workbook(template)["Phường 2"]["I7"].value == 78.5  # the stored value, to confirm or correct

    # one bad cell: refused, the cell named, nothing stored
    bad = tmp_path / "sai.xlsx"
    _filled(template, {"I5": "1.234,5", "I9": "abc"}, bad)
    page.click("[data-testid=collect-upload]")
    page.set_input_files("input[name=file]", str(bad))
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/exchange/collect/uploads/" in url)
    assert "Đang chờ kiểm tra trong hàng đợi…" in page.locator("[data-testid=workbook-progress]").inner_text()
    run_jobs()
    errors_box = page.locator("[data-testid=collect-errors]")
    errors_box.wait_for(timeout=30_000)
    assert "Trang tính “Phường 2”, ô I9: “abc” không phải là số" in errors_box.inner_text()
    assert Value.objects.count() == 1

    good = tmp_path / "dung.xlsx"
    _filled(template, {"I5": "1.234,5", "I7": 80.25, "I9": "97,5%"}, good)
    page.click("[data-testid=upload-again]")
    page.set_input_files("input[name=file]", str(good))
    page.click("main form button[type=submit]")
    page.locator("[data-testid=workbook-progress]").wait_for(timeout=30_000)
    run_jobs()
    totals = page.locator("[data-testid=preview-totals]")
    totals.wait_for(timeout=30_000)  # the polled card turned into the preview
    assert "2 số mới, 1 số thay đổi, 0 số không đổi" in totals.inner_text()
    preview = page.locator("[data-testid=preview]").inner_text()
    assert "Phường 2" in preview
    assert Value.objects.count() == 1  # nothing stored before confirming
    page.click("[data-testid=confirm]")
    page.locator('[data-testid=workbook-card][data-status="store_queued"]').wait_for(timeout=30_000)
    assert "Đang chờ lưu trong hàng đợi…" in page.locator("[data-testid=workbook-progress]").inner_text()
    run_jobs()
    page.wait_for_url(lambda url: "/entry/2024/" in url, timeout=30_000)
    assert "Đã lưu 3 số liệu từ biểu." in page.content()
    assert page.locator("input[name='v-KT01']").input_value() == "1.234,5"
    stored = {v.indicator.code: v.value for v in Value.objects.filter(unit=places.ward2, year=2024)}
    assert stored == {"KT01": Decimal("1234.5"), "KT04": Decimal("80.25"), "XH09": Decimal("97.5")}
    assert errors == []
