"""End to end, in Debian's chromium, a reporting season (issue 15): the officers of Phường 1 and
Phường 2 enter and submit 2024; the town's reviewer bulk-approves Phường 1 and returns one value
of Phường 2 with a comment; the town leader's scorecard says "1/2 đơn vị"; Phường 2 fixes the
value and submits again, the town approves, the province accepts both; the scorecard says
"2/2 đơn vị"; notices appear on the way. Then at phone size (390×844) the scorecard and the entry
sheet do not overflow horizontally; their screenshots are saved under docs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import _person
from django.urls import reverse

from browser import MARKS
from chitieu.web.values.models import Submission

DOCS = Path(__file__).resolve().parents[3] / "docs"
PASSWORD = "mua-bao-cao-thu-nghiem-1"

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


def _enter_and_submit(page, base, ward, plan, values: dict[str, str]) -> None:
    page.click("[data-testid=nav-entry]")  # the one entry point: this year's sheet…
    page.goto(base + reverse("values:entry", args=[ward.pk, plan.pk, 2024]))  # …then the year being reported
    for code, value in values.items():
        page.fill(f"input[name='v-{code}']", value)
    page.click("#entry-form button[type=submit]")
    page.wait_for_load_state()
    assert "2/2 chỉ tiêu có số liệu" in page.locator("[data-testid=precheck]").inner_text()
    page.click("button.send")
    page.wait_for_load_state()
    assert "Đã gửi số liệu năm 2024" in page.content()


def _no_horizontal_overflow(page) -> None:
    wide = page.evaluate("""() => {
        const w = document.documentElement.clientWidth;
        const out = [];
        for (const el of document.querySelectorAll('body *')) {
            const r = el.getBoundingClientRect();
            if (r.width && r.right > w + 1 && !el.closest('.table-scroll')) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
        }
        return {doc: document.documentElement.scrollWidth, w, out: out.slice(0, 8)};
    }""")
    assert wide["doc"] <= wide["w"] and not wide["out"], wide


def test_a_season_from_two_wards_to_the_province(live_server, browser, places, town_plan, officer, outsider,
                                                  reviewer):
    province_reviewer = _person("kiemtra.tinh", places.province, "reviewer")
    leader = _person("lanhdao.thixa", places.town, "viewer")
    for person in (officer, outsider, reviewer, province_reviewer, leader):
        person.set_password(PASSWORD)
        person.save()
    base, plan = live_server.url, town_plan
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    scorecard = base + reverse("dashboards:scorecard", args=[places.town.pk, plan.pk]) + "?as_of=2024"

    # Two wards enter and submit 2024.
    _login(page, base, outsider.username)  # the officer of Phường 1
    _enter_and_submit(page, base, places.ward1, plan, {"KT01": "2.100", "XH09": "94,4"})
    _logout(page)
    _login(page, base, officer.username)  # the officer of Phường 2
    _enter_and_submit(page, base, places.ward2, plan, {"KT01": "3.064", "XH09": "98"})
    _logout(page)

    # The town's reviewer is told, sees both pending, bulk-approves Phường 1, returns one value of Phường 2.
    _login(page, base, reviewer.username)
    assert page.locator("[data-testid=unread]").inner_text() == "2"
    page.click("[data-testid=nav-notices]")
    assert "Phường 1 đã gửi số liệu năm 2024" in page.locator("[data-testid=notices]").inner_text()
    page.goto(base + reverse("values:review_list"))
    assert "2 hồ sơ đang chờ xử lý" in page.locator("[data-testid=pending-count]").inner_text()
    ward1 = Submission.objects.get(unit=places.ward1)
    ward2 = Submission.objects.get(unit=places.ward2)
    page.check(f"input[name=ids][value='{ward1.pk}']")
    page.click(".bulk-bar button[value=approve]")
    page.wait_for_load_state()
    assert "Đã cập nhật 1 hồ sơ" in page.content()
    page.goto(base + reverse("values:review", args=[ward2.pk]))
    assert "98" in page.locator("#review-xh09").inner_text()
    page.check("#review-xh09 input[name=return_code]")
    page.fill("#review-xh09 input[name='comment-XH09']", "Tỷ lệ BHYT chưa khớp số người tham gia")
    page.click("button[name=decision][value=return]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=state]").inner_text() == "Trả lại"
    _logout(page)

    # The town's leader: one ward of two approved.
    _login(page, base, leader.username)
    page.goto(scorecard)
    assert page.locator("[data-testid=reporting-units]").inner_text() == "1/2 đơn vị"
    assert page.locator("[data-testid=nav-entry]").count() == 0  # a leader enters nothing
    _logout(page)

    # Phường 2's officer reads the notice, fixes the one returned value and submits again.
    _login(page, base, officer.username)
    page.click("[data-testid=nav-notices]")
    assert "Tỷ lệ BHYT chưa khớp số người tham gia" in page.locator("[data-testid=notices]").inner_text()
    page.goto(base + reverse("values:entry", args=[places.ward2.pk, plan.pk, 2024]))
    assert page.locator("input[name='v-KT01']").count() == 0  # not returned: stays as reviewed
    page.fill("input[name='v-XH09']", "97,9")
    page.click("#entry-form button[type=submit]")
    page.wait_for_load_state()
    page.click("button.send")
    page.wait_for_load_state()
    _logout(page)

    _login(page, base, reviewer.username)
    page.goto(base + reverse("values:review", args=[ward2.pk]))
    page.click("button[name=decision][value=approve]")
    page.wait_for_load_state()
    assert page.locator("[data-testid=state]").inner_text() == "Đã duyệt"
    _logout(page)

    # The province accepts both; who and when at each level are on the page.
    _login(page, base, province_reviewer.username)
    page.goto(base + reverse("values:review_list"))
    for s in (ward1, ward2):
        page.check(f"input[name=ids][value='{s.pk}']")
    page.click(".bulk-bar button[value=accept]")
    page.wait_for_load_state()
    assert "Đã cập nhật 2 hồ sơ" in page.content()
    page.goto(base + reverse("values:review", args=[ward2.pk]))
    levels = page.locator("[data-testid=levels]").inner_text()
    assert "kiemtra.thixa" in levels and "kiemtra.tinh" in levels
    _logout(page)

    _login(page, base, leader.username)
    page.goto(scorecard)
    assert page.locator("[data-testid=reporting-units]").inner_text() == "2/2 đơn vị"

    # At phone size: the scorecard and the entry sheet fit the screen (the town's own figures,
    # approved, so that the cards carry values, sparklines and verdicts).
    from chitieu.web.values.actions import do_approve, do_save_values, do_submit

    for year, (retail, insured) in {2020: ("2.500", "88,5"), 2023: ("4.100", "93,1"), 2024: ("4.700", "95,2")}.items():
        do_save_values(places.town, plan, year, [{"indicator": "KT01", "value": retail},
                                                 {"indicator": "XH09", "value": insured}], acting_user=None)
        do_approve(do_submit(places.town, plan, year, acting_user=None), acting_user=None)
    phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True,
                             has_touch=True, device_scale_factor=2)
    _login(phone, base, leader.username)
    phone.goto(scorecard)
    _no_horizontal_overflow(phone)
    phone.locator(".db-group").first.scroll_into_view_if_needed()
    phone.evaluate("document.querySelector('.db-group').scrollIntoView()")
    phone.screenshot(path=str(DOCS / "phone-scorecard.png"), full_page=False)
    phone.close()
    phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="vi-VN", is_mobile=True,
                             has_touch=True, device_scale_factor=2)
    _login(phone, base, officer.username)
    phone.goto(base + reverse("values:entry", args=[places.ward2.pk, plan.pk, 2025]))
    _no_horizontal_overflow(phone)
    phone.evaluate("document.querySelector('#entry-form').scrollIntoView()")
    phone.screenshot(path=str(DOCS / "phone-entry.png"), full_page=False)
    phone.close()
    assert not [e for e in errors if "favicon" not in e], errors
    assert set(Submission.objects.filter(unit__parent=places.town).values_list("state", flat=True)) == {"accepted"}


pytest.importorskip("playwright")
