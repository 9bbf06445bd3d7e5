"""End to end, in Debian's chromium (issue 11): the officer of Phường 2 enters the budget figure the
town assigned for 2025 with its decision, then 2025's values — the health standard as "Đạt" from
a list, the budget the Vietnamese way ("21,97") — and sends them; the leader of the town sees
"Chưa đủ số liệu" for both until the reviewer approves (the latest-values switch draws them on
the chart marked "chưa duyệt"), then "Đạt" for the standard and "Vượt"
for "Đạt và vượt chỉ tiêu giao", named against the assigned figure and its decision.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from browser import MARKS
from chitieu.web.catalog.models import Indicator
from chitieu.web.plans.actions import do_set_target
from chitieu.web.values.actions import do_approve, do_save_values, do_submit

pytestmark = MARKS

PASSWORD = "trinh-duyet-thu-nghiem-2"


@pytest.fixture
def plan(places, ward_plan):
    """Phường 2's plan with its health standard (seed 000: "Giữ vững phường đạt chuẩn quốc gia về
    y tế") and the 2020 budget approved as the starting point."""
    do_set_target(ward_plan, Indicator.objects.get(code="XH14"), "Giữ vững phường đạt chuẩn quốc gia về y tế",
                  acting_user=None)
    do_save_values(places.ward2, ward_plan, 2020, [{"indicator": "KT05", "value": "15", "status": "chinh_thuc"}],
                   acting_user=None)
    do_approve(do_submit(places.ward2, ward_plan, 2020, acting_user=None), acting_user=None)
    return ward_plan


def _login(page, base: str, username: str) -> None:
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def _logout(page) -> None:
    page.click("header form.inline button[type=submit]")
    page.wait_for_load_state()


def _statuses(page, base, unit, plan) -> tuple[str, str]:
    resp = page.goto(base + reverse("dashboards:scorecard", args=[unit.pk, plan.pk]))
    assert resp.status == 200
    return (page.locator("[data-testid=status-XH14]").inner_text().strip(),
            page.locator("[data-testid=status-KT05]").inner_text().strip())


def test_a_yes_no_value_and_an_assigned_figure_change_the_leaders_page_only_after_approval(
        live_server, browser, places, plan, officer, reviewer, viewer):
    ward, base = places.ward2, live_server.url
    for person in (officer, reviewer, viewer):
        person.set_password(PASSWORD)
        person.save()
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")

    # The officer enters the figure assigned for 2025 with its decision, on the plan's page.
    _login(page, base, officer.username)
    page.goto(base + reverse("plans:targets", args=[plan.pk]))
    section = page.locator("section.assigned[data-code=KT05]")
    assert "Chưa có chỉ tiêu giao" in section.inner_text()
    section.locator("select[name=year]").select_option("2025")
    section.locator("input[name=value]").fill("17,26")
    section.locator("input[name=doc_number]").fill("123/QĐ-UBND")
    section.locator("input[name=doc_date]").fill("10/01/2025")
    section.locator("input[name=issuer]").fill("UBND thị xã Quảng Trị")
    section.locator("button[type=submit]").click()
    page.wait_for_load_state()
    row = page.locator("section.assigned[data-code=KT05] tr[data-year='2025']").inner_text()
    assert "17,26 tỷ đồng" in row and "Quyết định số 123/QĐ-UBND ngày 10/01/2025 của UBND thị xã Quảng Trị" in row

    # Then 2025's values: the standard chosen as "Đạt", the budget typed the Vietnamese way; sent.
    page.goto(base + reverse("values:entry", args=[ward.pk, plan.pk, 2025]))
    page.select_option("select[name='v-XH14']", label="Đạt")
    page.fill("input[name='v-KT05']", "21,97")
    page.fill("input[name='n-KT05']", "Ước thực hiện cả năm")
    page.click("#entry-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("select[name='v-XH14'] option:checked").inner_text() == "Đạt"
    page.click("form[action$='/submit/'] button[type=submit]")
    page.wait_for_load_state()
    assert "Đã gửi duyệt" in page.locator("p.state").inner_text()
    _logout(page)

    # The town's leader: nothing changed yet — the values are not approved.
    _login(page, base, viewer.username)
    assert _statuses(page, base, ward, plan) == ("Chưa đủ số liệu", "Chưa đủ số liệu")
    # With the latest-values switch the chart draws 2025 marked "chưa duyệt", the standard in words.
    page.goto(base + reverse("dashboards:indicator", args=[ward.pk, plan.pk, "KT05"]) + "?du_lieu=moi_nhat")
    page.wait_for_selector(".db-chart svg")
    assert page.locator(".db-chart svg text", has_text="chưa duyệt").count() >= 1
    page.goto(base + reverse("dashboards:indicator", args=[ward.pk, plan.pk, "XH14"]) + "?du_lieu=moi_nhat")
    page.wait_for_selector(".db-chart svg")
    assert page.locator(".db-chart svg text", has_text="Đạt (ước) (chưa duyệt)").count() == 1
    _logout(page)

    # The reviewer approves.
    _login(page, base, reviewer.username)
    page.goto(base + reverse("values:review_list"))
    page.locator("tr", has_text="Đã gửi duyệt").filter(has_text=ward.name).locator("a").click()
    page.wait_for_load_state()
    page.click("button[name=decision][value=approve]")
    page.wait_for_load_state()
    assert "Đã duyệt" in page.locator("main").inner_text()
    _logout(page)

    # The leader now sees the verdicts: the standard held, the budget above its assigned figure.
    _login(page, base, viewer.username)
    assert _statuses(page, base, ward, plan) == ("Đạt", "Vượt")
    row = page.locator("tr[data-code=KT05]").inner_text()
    assert "127,3%" in row  # 21,97 / 17,26
    page.goto(base + reverse("dashboards:indicator", args=[ward.pk, plan.pk, "KT05"]))
    sentence = page.locator("[data-testid=sentence]").inner_text()
    assert "bằng 127,3% chỉ tiêu giao 17,26 tỷ đồng (Quyết định số 123/QĐ-UBND ngày 10/01/2025" in sentence
