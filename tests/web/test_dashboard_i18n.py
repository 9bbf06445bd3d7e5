"""The dashboards speak Vietnamese by default and English when the user switches; numbers stay
Vietnamese-style in both (1.234,5), because the reports they are checked against are."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from test_dashboard_data import load_quang_tri


@pytest.fixture
def quang_tri(places, catalogue):
    return load_quang_tri(places, catalogue)


def test_the_scorecard_is_vietnamese_by_default(quang_tri, viewer, client_for):
    html = client_for(viewer).get(reverse("dashboards:scorecard", args=[quang_tri.town.pk, quang_tri.plan.pk])).content.decode()
    assert "8/11 <small>chỉ tiêu đạt và vượt" in html and "Mục tiêu kế hoạch" in html and ">Không đạt<" in html


def test_the_scorecard_switches_to_english_with_vietnamese_numbers(quang_tri, viewer, client_for):
    c = client_for(viewer)
    c.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = c.get(reverse("dashboards:scorecard", args=[quang_tri.town.pk, quang_tri.plan.pk])).content.decode()
    assert '<html lang="en">' in html
    assert "indicators met or exceeded" in html and "Plan target" in html and ">Not met<" in html
    assert "Economy" in html and "Average growth index" in html and "<h2>Summary</h2>" in html
    assert "106,29" in html and "6.150" in html


def test_every_dashboard_string_has_an_english_translation():
    from chitieu.web.dashboards import apps

    po = Path(apps.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
    body = po.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert 'msgstr ""\n\n' not in body + "\n" and not body.rstrip().endswith('msgstr ""')
    assert po.with_suffix(".mo").stat().st_mtime >= po.stat().st_mtime - 5
