"""End to end, in Debian's chromium: the province's administrator uploads the whole of seed 000
(Phường 2's report, 171 statements) and reviews it in under 20 clicks: the confident matches are
accepted already; a group of noise is skipped in one click, a group of results accepted in one
click, one result accepted on its card, one statement's kind flipped (its evidence shown), then
the import. The values and targets that land are checked, and no script or style is refused by
the content security policy. Each group's cards are loaded by htmx only when it is opened.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from browser import MARKS
from seeds import SEED_000 as SEED  # noqa: E402

PASSWORD = "xem-lai-bao-cao-1"

pytestmark = [*MARKS, pytest.mark.skipif(not SEED.exists(), reason="seed 000 is not on this machine")]


def test_seed_000_is_reviewed_and_imported_in_under_20_clicks(live_server, browser, places, ward_plan, admin):
    from chitieu.web.audit.models import AuditLog
    from chitieu.web.imports.models import ImportedReport
    from chitieu.web.plans.models import PlanTarget
    from chitieu.web.values.models import Value

    admin.set_password(PASSWORD)
    admin.save()
    base = live_server.url
    page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.goto(base + reverse("accounts:login"))
    page.fill("input[name=username]", admin.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)

    clicks = 0

    def click(selector: str) -> None:
        nonlocal clicks
        clicks += 1
        page.click(selector)

    page.goto(base + reverse("imports:list", args=[places.ward2.pk]))
    page.set_input_files("input[name=file]", str(SEED))
    click("#upload-form button[type=submit]")
    page.wait_for_selector("[data-review]")
    report = ImportedReport.objects.get()
    statements = report.statements.select_related("indicator")
    assert statements.count() > 150
    assert page.locator("article.statement").count() == 0  # nothing but the groups' headers
    page.evaluate("window.__notReloaded = true")

    # The introduction counts the ward's units: noise, skipped in one click.
    intro = statements.get(line=17)
    click(f"#g-{intro.group_key} button.skip-group")
    page.wait_for_selector(f"#g-{intro.group_key}.open")
    assert set(statements.filter(section_line=intro.section_line).values_list("decision", flat=True)) == {"rejected"}

    # Defence and security results (1.3): accepted as a group in one click.
    defence = statements.get(line=168, kind="result")
    click(f"#g-{defence.group_key} button.accept-group")
    page.wait_for_selector(f"#g-{defence.group_key}.open")
    assert page.locator(f"#st-{defence.pk}.decision-accepted").count() == 1

    # The economy section (1.1): opened; income per head accepted on its card.
    income = statements.get(line=102, kind="result")
    assert income.decision == "pending"  # no year of its own: not accepted beforehand
    click(f"#g-{income.group_key} button.open-group")
    page.wait_for_selector(f"#st-{income.pk}")
    assert "khớp các từ" in page.locator(f"#st-{income.pk} p.why").inner_text()
    click(f"#st-{income.pk} button[name=decision][value=accepted]")
    page.wait_for_selector(f"#st-{income.pk}.decision-accepted")

    # A plan sentence read as a result (line 1555, in the plan's part): its evidence shown, flipped.
    flipped = statements.get(line=1555, indicator__code="XH04")
    click(f"#g-{flipped.group_key} button.open-group")
    page.wait_for_selector(f"#st-{flipped.pk}")
    assert "Loại:" in page.locator(f"#st-{flipped.pk} p.why").inner_text()
    click(f"#st-{flipped.pk} button.flip")
    page.wait_for_selector(f"#st-{flipped.pk}.kind-target")
    assert "(đã đổi)" in page.locator(f"#st-{flipped.pk} p.why").inner_text()
    assert page.evaluate("window.__notReloaded") is True

    # The import is all or nothing: a qualitative defence result with no number is refused,
    # named with its line; the refused lines are skipped in one click and the import run again.
    click("#import-form button[type=submit]")
    page.wait_for_load_state()
    refusal = page.locator("#import-errors").inner_text()
    assert "Dòng 168 (“giao quân đạt chỉ tiêu trên giao”): không có số để nhập" in refusal
    assert not Value.objects.exists()
    click("#skip-refused button")
    page.wait_for_load_state()
    assert statements.get(pk=defence.pk).decision == "rejected"
    click("#import-form button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("#import-errors").count() == 0, page.locator("#import-errors").inner_text()
    assert "Đã nhập" in page.locator("ul.messages").inner_text()
    assert clicks < 20, clicks

    values = sorted(Value.objects.values_list("indicator__code", "year", "status", "value"))
    assert values == [
        ("KT04", 2020, "chinh_thuc", Decimal("71")),  # 71.000.000 đồng/người/năm → 71 triệu đồng, the form's year
        ("QP03", 2020, "chinh_thuc", Decimal("1")),  # "Giữ vững được ANCT - TTATXH": met (the group's other line)
        ("XH09", 2020, "chinh_thuc", Decimal("94.1")),  # accepted beforehand
    ]
    targets = dict(PlanTarget.objects.filter(plan=ward_plan).values_list("indicator__code", "phrase"))
    assert targets["KT01"] == "tăng 19 - 21%/năm"
    assert (targets["KT03.1"], targets["XH10.1"], targets["XH13"]) == ("hằng năm tăng từ 2 - 4%/năm", "trên 70%", "100%")
    assert targets["XH14"] == "Giữ vững phường đạt chuẩn quốc gia về y tế"
    assert PlanTarget.objects.get(plan=ward_plan, indicator__code="XH04").parsed().bound.high == 6.0
    assert AuditLog.objects.filter(action="report.flip_kind", object_id=str(flipped.pk)).count() == 1
    assert AuditLog.objects.filter(action="report.review_group").count() == 2
    ours = [e for e in errors if "/reports/" in e.split(": ", 1)[0]]
    assert not [e for e in ours if "Content Security Policy" in e or "Refused" in e], ours
