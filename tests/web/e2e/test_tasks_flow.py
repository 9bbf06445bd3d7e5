"""End to end, in Debian's chromium: the town's officer creates a plan's document, a task group
and two tasks, and gives them to Phường 2 and Phường 1 in one action; the officer of Phường 2
reports one task done with its evidence and submits it; the town's reviewer approves it; the
ward's page and the town's matrix then show the statuses, the overdue task first (the clock is
frozen at 15/04/2024 with ``settings.TASKS_TODAY``). Then a TTHC file is imported.

Screenshots are saved to ``screenshots/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import _person
from django.urls import reverse

from browser import MARKS
from chitieu.web.tasks.models import Assignment, TthcReport

SHOTS = Path(__file__).resolve().parents[3] / "screenshots"
XLSX = Path(__file__).resolve().parents[1] / "data" / "tthc" / "phuong-2-2024.xlsx"
PASSWORD = "nhiem-vu-thu-nghiem-1"

pytestmark = MARKS


def _login(page, base: str, username: str) -> None:
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _logout(page) -> None:
    page.click("header form.inline button[type=submit]")
    page.wait_for_load_state()


@pytest.fixture
def people(places, catalogue):
    town_officer = _person("canbo.thixa", places.town, "officer")
    officer = _person("canbo.phuong2", places.ward2, "officer")
    reviewer = _person("kiemtra.thixa", places.town, "reviewer")
    for person in (town_officer, officer, reviewer):
        person.set_password(PASSWORD)
        person.save()
    return town_officer, officer, reviewer


def test_tasks_are_created_assigned_reported_and_approved(live_server, browser, places, people, settings):
    settings.TASKS_TODAY = "2024-04-15"
    town_officer, officer, reviewer = people
    base = live_server.url
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")

    # The town's officer writes the plan's document, a group and two tasks, and gives them out.
    _login(page, base, town_officer.username)
    page.click("nav.main a:has-text('Nhiệm vụ')")
    page.goto(base + reverse("tasks:unit", args=[places.town.pk]))
    page.select_option("#id_kind", "ke_hoach")
    page.fill("#id_number", "25/KH-UBND")
    page.fill("#id_issued", "2024-01-10")
    page.fill("#id_issuer", "UBND thị xã Quảng Trị")
    page.fill("#id_title", "Thực hiện Nghị quyết về cải cách hành chính")
    page.click("#document-form button[type=submit]")
    page.wait_for_url("**/tasks/documents/**")
    page.fill("#id_g-title", "Cải cách thủ tục hành chính")
    page.click("#group-form button[type=submit]")
    page.wait_for_load_state()
    for title, deadline, codes in (("Công khai thủ tục hành chính", "2024-02-29", ""),
                                   ("Số hóa hồ sơ thủ tục hành chính", "2024-10-31", "CC02")):
        page.fill("#id_t-title", title)
        page.fill("#id_t-deadline", deadline)
        page.fill("#id_t-indicators", codes)
        page.click("#task-form button[type=submit]")
        page.wait_for_load_state()
    for box in page.locator("input[name=task]").all():
        box.check()
    page.check(f"input[name=unit][value='{places.ward1.pk}']")
    page.check(f"input[name=unit][value='{places.ward2.pk}']")
    page.click("#assign-button")
    page.wait_for_load_state()
    assert "Đã giao 4 nhiệm vụ." in page.locator("ul.messages").inner_text()
    page.screenshot(path=str(SHOTS / "tasks-document.png"), full_page=True)
    _logout(page)

    # The officer of Phường 2 sees both tasks, the overdue one first, and reports the other done.
    _login(page, base, officer.username)
    page.goto(base + reverse("tasks:unit", args=[places.ward2.pk]))
    statuses = page.locator("[data-testid=assigned] [data-testid=status]").all_inner_texts()
    assert statuses[0].startswith("Chưa thực hiện · quá hạn 46 ngày") and statuses[1] == "Chưa thực hiện"
    page.locator("[data-testid=assigned] a", has_text="Số hóa hồ sơ").click()
    page.wait_for_url("**/tasks/assignments/**")
    page.fill("#id_on", "2024-04-10")
    page.select_option("#id_outcome", "done")
    page.fill("#id_text", "Số hóa toàn bộ hồ sơ tiếp nhận trong quý I")
    page.fill("#id_document_number", "Báo cáo số 15/BC-UBND")
    page.fill("#id_figures", "612/612 hồ sơ được số hóa")
    page.set_input_files("#id_file", files=[{"name": "bao-cao.pdf", "mimeType": "application/pdf",
                                             "buffer": b"%PDF-1.4 minh chung"}])
    page.click("#progress-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=status]").inner_text() == "Đã hoàn thành — đúng hạn"
    page.click("#submit-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=state]").inner_text() == "Đã gửi duyệt"
    assignment_url = page.url
    _logout(page)

    # The reviewer of the town approves it and reads the matrix.
    _login(page, base, reviewer.username)
    page.goto(assignment_url)
    page.fill("#comment", "Đạt yêu cầu")
    page.click("#review-form button[value=approve]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=state]").inner_text() == "Đã duyệt"
    a = Assignment.objects.get(unit=places.ward2, task__title__startswith="Số hóa")
    assert (a.state, a.completed.isoformat()) == ("approved", "2024-04-10")
    doc = a.task.group.document
    page.goto(base + reverse("tasks:matrix", args=[doc.pk]))
    ward2 = page.locator("tr[data-unit='19502']").inner_text()
    ward1 = page.locator("tr[data-unit='19501']").inner_text()
    assert "1/2 · 1 quá hạn" in ward2 and "1/2 nhiệm vụ đã hoàn thành (đúng hạn 1)" in ward2
    assert "0/2 · 1 quá hạn" in ward1
    page.screenshot(path=str(SHOTS / "tasks-matrix.png"), full_page=True)
    _logout(page)

    # Phường 2 imports its TTHC file; the detail shows the CCHC rates.
    _login(page, base, officer.username)
    page.goto(base + reverse("tasks:tthc", args=[places.ward2.pk]))
    page.fill("#id_i-start", "2023-12-15")
    page.fill("#id_i-end", "2024-11-14")
    page.set_input_files("#id_i-file", str(XLSX))
    page.click("#import-form button[type=submit]")
    page.wait_for_url("**/tthc/**")
    assert page.locator("tr[data-code=CC04]").inner_text().split()[-1] == "75,3"
    assert TthcReport.objects.filter(unit=places.ward2).count() == 1
    page.screenshot(path=str(SHOTS / "tthc.png"), full_page=True)
