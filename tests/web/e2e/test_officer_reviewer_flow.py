"""End to end, in Debian's chromium: the officer of Phường 2 types this year's retail total the
Vietnamese way ("2.488,3"), saves and sends it; the town's reviewer approves it; the ward's
scorecard then says the retail target is met and counts one more indicator met.

Screenshots of the scorecard and of the data-entry page are saved to ``screenshots/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from browser import MARKS
from chitieu.web.values.actions import do_approve, do_save_values, do_submit

SHOTS = Path(__file__).resolve().parents[3] / "screenshots"

pytestmark = MARKS


@pytest.fixture
def ward2_history(places, ward_plan):
    """Phường 2's retail total in the base year 2020, already approved."""
    do_save_values(places.ward2, ward_plan, 2020,
                   [{"indicator": "KT01", "value": "1.000", "status": "chinh_thuc"}], acting_user=None)
    _approve(places.ward2, ward_plan, 2020)
    return ward_plan


def _approve(unit, plan, year) -> None:
    """Leaders' pages read approved values only: the history a test starts from is approved."""
    do_approve(do_submit(unit, plan, year, acting_user=None), acting_user=None)


PASSWORD = "trinh-duyet-thu-nghiem-1"


def _login(page, base: str, username: str) -> None:
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _logout(page) -> None:
    page.click("header form.inline button[type=submit]")
    page.wait_for_load_state()


def _scorecard(page, base, unit, plan) -> tuple[str, str]:
    resp = page.goto(base + reverse("dashboards:scorecard", args=[unit.pk, plan.pk]))
    assert resp.status == 200, page.content()[:3000]
    summary = page.locator("[data-testid=summary]").inner_text()
    status = page.locator("[data-testid=status-KT01]").inner_text()
    return " ".join(summary.split()), status.strip()


def test_a_value_entered_submitted_and_approved_changes_the_scorecard(
        live_server, browser, places, ward2_history, officer, reviewer):
    plan, ward, base = ward2_history, places.ward2, live_server.url
    for person in (officer, reviewer):
        person.set_password(PASSWORD)
        person.save()
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    errors: list[tuple[str, str]] = []
    page.on("console", lambda m: errors.append((page.url, m.text)) if m.type == "error" else None)

    # The officer sees that the retail total lacks data, then enters 2025's estimate.
    _login(page, base, officer.username)
    before_summary, before_status = _scorecard(page, base, ward, plan)
    assert before_status == "Chưa đủ số liệu"
    page.goto(base + reverse("values:entry", args=[ward.pk, plan.pk, 2025]))
    page.fill("input[name='v-KT01']", "2.488,3")
    page.fill("input[name='src-KT01']", "Chi cục Thống kê")
    page.screenshot(path=str(SHOTS / "data-entry.png"), full_page=True)
    page.click("#entry-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("input[name='v-KT01']").input_value() == "2.488,3"
    page.click("form[action$='/submit/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Đã gửi duyệt" in page.locator("p.state").inner_text()
    _logout(page)

    # The reviewer of the town approves it.
    _login(page, base, reviewer.username)
    page.goto(base + reverse("values:review_list"))
    page.locator("tr", has_text="Đã gửi duyệt").filter(has_text=ward.name).locator("a").click()
    page.wait_for_load_state()
    page.click("button[name=decision][value=approve]")
    page.wait_for_load_state()
    assert "Đã duyệt" in page.locator("main").inner_text()

    # The scorecard of Phường 2 now counts the retail total as met.
    after_summary, after_status = _scorecard(page, base, ward, plan)
    page.screenshot(path=str(SHOTS / "scorecard.png"), full_page=True)
    assert after_status == "Đạt"
    met_before = int(before_summary.split("/")[0])
    assert after_summary.startswith(f"{met_before + 1}/") and after_summary != before_summary
    assert "chỉ tiêu đạt và vượt" in after_summary
    row = page.locator("tr[data-code=KT01]").inner_text()
    assert "2.488,3" in row and "120,00" in row  # 1.000 → 2.488,3 in five years is 20,00%/năm
    progress = page.locator("[data-testid=progress]").inner_text()
    assert "Đã duyệt" in progress

    # The indicator page draws its chart (ECharts, served from our own static files).
    page.goto(base + reverse("dashboards:indicator", args=[ward.pk, plan.pk, "KT01"]))
    page.wait_for_selector(".db-chart svg")
    page.screenshot(path=str(SHOTS / "indicator.png"), full_page=True)
    # No script or style of the dashboards is refused by the Content-Security-Policy.
    dashboards = ("/units/", "/indicators/")
    refused = [(url, text) for url, text in errors
               if "Content Security Policy" in text and any(p in url for p in dashboards) and "/entry/" not in url]
    assert not refused, refused


def test_the_reviewer_compares_the_wards_in_a_table_and_a_bar_chart(live_server, browser, places, town_plan, reviewer):
    for ward, value in ((places.ward1, "2.100"), (places.ward2, "3.064")):
        do_save_values(ward, town_plan, 2024, [{"indicator": "KT01", "value": value, "status": "chinh_thuc"}],
                       acting_user=None)
        _approve(ward, town_plan, 2024)
    do_save_values(places.town, town_plan, 2020, [{"indicator": "KT01", "value": "2.796", "status": "chinh_thuc"}],
                   acting_user=None)
    _approve(places.town, town_plan, 2020)
    reviewer.set_password(PASSWORD)
    reviewer.save()
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    _login(page, live_server.url, reviewer.username)
    page.screenshot(path=str(SHOTS / "home.png"), full_page=True)
    page.goto(live_server.url + reverse("dashboards:scorecard", args=[places.town.pk, town_plan.pk]))
    page.click("tr[data-code=KT01] a.db-compare")
    page.wait_for_selector(".db-chart svg")
    assert page.locator("[data-testid=total]").inner_text() == "5.164"
    assert page.locator(".db-chart svg text", has_text="Phường 2").count() >= 1
    page.screenshot(path=str(SHOTS / "comparison.png"), full_page=True)
