"""In Debian's chromium: an administrator of the province uploads part of Phường 2's report, sees the
two panes, clicks a statement and the text shows its line, accepts two statements (htmx swaps
each card in place), imports, and finds the value and the target stored. No script or style is
refused by the content security policy.

A screenshot of the review screen is written to ``$CHITIEU_SHOTS`` when that is set.
"""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from browser import MARKS
from seeds import SEED_000 as SEED  # noqa: E402

PASSWORD = "trinh-duyet-thu-nghiem-2"

pytestmark = [*MARKS, pytest.mark.skipif(not SEED.exists(), reason="seed 000 is not on this machine")]


def test_a_report_is_reviewed_and_imported_in_the_browser(live_server, browser, tmp_path, places, ward_plan, admin):
    from chitieu.web.imports.models import ImportedReport
    from chitieu.web.plans.models import PlanTarget
    from chitieu.web.values.models import Value

    lines = SEED.read_text(encoding="utf-8").split("\n")
    report = tmp_path / "bao-cao-phuong-2.txt"
    report.write_text("\n".join(lines[77:140] + lines[1097:1163]) + "\n", encoding="utf-8")
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

    page.goto(base + reverse("imports:list", args=[places.ward2.pk]))
    page.set_input_files("input[name=file]", str(report))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("[data-review]")
    imported = ImportedReport.objects.get()
    bhyt = imported.statements.get(line=39, kind="result", low=94.1)
    malnutrition = imported.statements.get(line=102, kind="target")

    # Clicking the statement brings its line into view in the text pane.
    card = page.locator(f"#st-{bhyt.pk}")
    card.locator("p.quote").click()
    page.wait_for_function("document.getElementById('line-39').classList.contains('flash')")
    # The text pane scrolls smoothly: wait (bounded) for the line to arrive, then check where it is.
    page.wait_for_function(
        """() => {
            const p = document.querySelector('.doc-pane').getBoundingClientRect();
            const l = document.getElementById('line-39').getBoundingClientRect();
            return p.top <= l.top && l.top <= p.bottom;
        }""",
        timeout=5000,
    )
    pane = page.locator(".doc-pane").bounding_box()
    line = page.locator("#line-39").bounding_box()
    assert pane["y"] <= line["y"] <= pane["y"] + pane["height"]

    # Accepting swaps the card in place (htmx), the page itself is not reloaded.
    page.evaluate("window.__notReloaded = true")
    card.locator("button[name=decision][value=accepted]").click()
    page.wait_for_selector(f"#st-{bhyt.pk}.decision-accepted")
    page.locator(f"#st-{malnutrition.pk} button[name=decision][value=accepted]").click()
    page.wait_for_selector(f"#st-{malnutrition.pk}.decision-accepted")
    assert page.evaluate("window.__notReloaded") is True
    if os.environ.get("CHITIEU_SHOTS"):
        page.screenshot(path=str(Path(os.environ["CHITIEU_SHOTS"]) / "import-review.png"))

    page.click("#import-form button[type=submit]")
    page.wait_for_load_state()
    assert "Đã nhập 1 chỉ tiêu kế hoạch và 1 số liệu" in page.locator("ul.messages").inner_text()
    value = Value.objects.get()
    assert (value.indicator.code, value.year, value.status, value.value) == ("XH09", 2020, "chinh_thuc", Decimal("94.1"))
    assert PlanTarget.objects.get(plan=ward_plan, indicator__code="XH04").parsed().bound.high == 6.0
    # (the login and home pages are not this feature's: only the import pages are checked)
    ours = [e for e in errors if "/reports/" in e.split(": ", 1)[0]]
    assert not [e for e in ours if "Content Security Policy" in e or "Refused" in e], ours
