"""The checker page's second way in: instead of uploading a draft, the officer picks one of the
plans the unit follows and chitieu checks the report it writes for the unit under that plan
(the DOCX the "Tạo báo cáo" page gives, from the approved data). The reporting app keeps no
copy of the reports it made, so the report is built again from the same stored data; a second
check of the same plan is the next version of the same file and gets the marks of the first.
Audited, refused for a plan the unit does not follow, 404 to the outsider."""

from __future__ import annotations

import pytest

from browser import MARKS
from chitieu.web.audit.models import AuditLog
from chitieu.web.checks.models import CheckedDraft, DraftFinding

pytestmark = pytest.mark.django_db
BROWSER, NEEDS_CHROMIUM = MARKS


def _url(unit):
    return f"/units/{unit.pk}/checks/"


def _approve(places, plan, officer, reviewer, value="96"):
    from chitieu.web.values.actions import do_approve, do_save_values, do_submit

    do_save_values(places.ward2, plan, 2024, [{"indicator": "XH11", "value": value, "status": "chinh_thuc"}],
                   acting_user=officer)
    do_approve(do_submit(places.ward2, plan, 2024, acting_user=officer), acting_user=reviewer, comment="")


def test_the_page_offers_the_units_plans(places, officer, client_for, ward_plan):
    page = client_for(officer).get(_url(places.ward2)).content.decode()
    assert 'id="generated-form"' in page and f'value="{ward_plan.pk}"' in page
    assert "Tạo báo cáo và kiểm tra" in page


def test_the_generated_report_is_checked_stored_and_audited(places, officer, reviewer, client_for, ward_plan):
    _approve(places, ward_plan, officer, reviewer)
    client = client_for(officer)
    r = client.post(_url(places.ward2), {"gen-plan": ward_plan.pk})
    assert r.status_code == 302, r.content.decode()[:2000]
    draft = CheckedDraft.objects.get()
    assert r["Location"] == f"/checks/{draft.pk}/"
    assert draft.file_format == "docx" and draft.file_name.endswith(".docx") and draft.plan == ward_plan
    assert bytes(draft.file)[:2] == b"PK" and len(draft.lines) > 20
    # chitieu's own report, from the approved data: nothing contradicts itself or the data
    assert not draft.findings.filter(severity="error").exists()
    assert any("96" in line for line in draft.lines)  # the approved value is in the report
    log = AuditLog.objects.get(action="check_draft.upload")
    assert log.detail["source"] == "generated" and log.detail["plan"] == ward_plan.pk


def test_a_second_check_is_the_next_version_and_keeps_the_marks(places, officer, reviewer, client_for,
                                                                ward_plan):
    from chitieu.web.checks.actions import do_mark_finding

    _approve(places, ward_plan, officer, reviewer)
    client = client_for(officer)
    client.post(_url(places.ward2), {"gen-plan": ward_plan.pk})
    first = CheckedDraft.objects.get()
    # a finding to mark (a reviewer's note on the report), as one would be on a real report
    finding = DraftFinding.objects.create(draft=first, position=1, kind="other", severity="warning",
                                          lines=[1], figures=[], message="x", passage=first.lines[0])
    do_mark_finding(finding, mark="dismissed", comment="Đã xem", acting_user=reviewer)
    r = client.post(_url(places.ward2), {"gen-plan": ward_plan.pk})
    assert r.status_code == 302
    second = CheckedDraft.objects.latest("pk")
    assert second.pk != first.pk and second.file_name == first.file_name
    log = AuditLog.objects.filter(action="check_draft.upload").latest("pk")
    assert log.detail["previous"] == first.pk and log.detail["source"] == "generated"
    page = client.get(f"/checks/{second.pk}/").content.decode()
    assert first.file_name in page  # the versions of the same report are listed


def test_a_plan_the_unit_does_not_follow_is_refused(places, officer, client_for, catalogue):
    from chitieu.web.plans.models import Plan

    other = Plan.objects.create(unit=places.ward1, base_year=2020, final_year=2025, source="Phường 1")
    r = client_for(officer).post(_url(places.ward2), {"gen-plan": other.pk})
    assert r.status_code == 400 and not CheckedDraft.objects.exists()
    page = r.content.decode()
    assert 'id="generated-form"' in page and 'role="alert"' in page


def test_the_outsider_and_the_viewer_may_not_check_the_report(places, outsider, viewer, client_for, ward_plan):
    assert client_for(outsider).post(_url(places.ward2), {"gen-plan": ward_plan.pk}).status_code == 404
    assert client_for(viewer).post(_url(places.ward2), {"gen-plan": ward_plan.pk}).status_code in (403, 404)
    assert not CheckedDraft.objects.exists() and not AuditLog.objects.filter(action="check_draft.upload").exists()


def test_the_action_refuses_a_plan_the_unit_does_not_follow(places, officer, catalogue):
    from django.core.exceptions import PermissionDenied

    from chitieu.web.checks.actions import do_check_generated_report
    from chitieu.web.plans.models import Plan

    other = Plan.objects.create(unit=places.ward1, base_year=2020, final_year=2025, source="Phường 1")
    with pytest.raises(PermissionDenied):
        do_check_generated_report(places.ward2, other, acting_user=officer)
    assert not CheckedDraft.objects.exists()


@BROWSER
@NEEDS_CHROMIUM
def test_picking_the_plan_in_the_browser(live_server, browser, places, officer, reviewer, ward_plan):
    """Phường 2's officer opens the checker from the unit's page, picks the plan instead of a
    file and lands on the checked report, with no console error (CSP)."""
    _approve(places, ward_plan, officer, reviewer)
    password = "trinh-duyet-bao-cao-4"
    officer.set_password(password)
    officer.save()
    base = live_server.url
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.goto(base + "/accounts/login/")
    page.fill("input[name=username]", officer.username)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    page.goto(f"{base}/units/{places.ward2.pk}/")
    page.click("text=Kiểm tra dự thảo báo cáo")
    page.select_option("#generated-form select[name=gen-plan]", str(ward_plan.pk))
    page.click("#generated-form button[type=submit]")
    page.wait_for_url(lambda url: "/checks/" in url and "/units/" not in url)
    draft = CheckedDraft.objects.get()
    assert page.url.endswith(f"/checks/{draft.pk}/")
    assert draft.file_name in page.inner_text("main")
    assert errors == []
