"""The thị xã compares its wards on one indicator: each ward's value, and the town's total
computed by the roll-up (a sum adds up; a rate is recomputed from its numerator and denominator,
never averaged)."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from test_dashboard_data import WARD_VALUES, load_quang_tri

from chitieu.core.rollup import combine
from chitieu.core.series import Series


@pytest.fixture
def quang_tri(places, catalogue):
    return load_quang_tri(places, catalogue)


def _get(client, qt, code, year=None, **headers):
    url = reverse("dashboards:comparison", args=[qt.town.pk, qt.plan.pk, code])
    return client.get(url, {"year": year} if year else {}, **headers)


def _members(codes):
    return [{c: Series.of({2024: WARD_VALUES[w][c]}) for c in codes} for w in ("19501", "19502")]


def test_the_retail_total_of_the_town_is_the_sum_of_its_wards(quang_tri, catalogue, reviewer, client_for):
    comp = _get(client_for(reviewer), quang_tri, "KT01", 2024).context["comp"]
    assert [(r.unit_name, r.value_text) for r in comp.rows] == [("Phường 1", "2.100"), ("Phường 2", "3.064")]
    rolled = combine(catalogue["KT01"].to_core(), _members(["KT01"])).value(2024)
    assert comp.total == rolled == 5164
    assert comp.total_text == "5.164"
    assert [r.share for r in comp.rows] == ["40,7%", "59,3%"]


def test_the_insurance_rate_of_the_town_is_recomputed_from_insured_people_and_population(
        quang_tri, catalogue, reviewer, client_for):
    comp = _get(client_for(reviewer), quang_tri, "XH09", 2024).context["comp"]
    rolled = combine(catalogue["XH09"].to_core(), _members(["XH09N", "DS01"])).value(2024)
    assert comp.total == pytest.approx(rolled)
    assert comp.total == pytest.approx(100 * (7650 + 9700) / (8100 + 9900))  # 96,39%, not the mean of two rates


def test_without_a_year_the_latest_year_every_ward_has_is_shown(quang_tri, reviewer, client_for):
    resp = _get(client_for(reviewer), quang_tri, "KT01")
    assert resp.context["comp"].year == 2024
    html = resp.content.decode()
    assert 'data-testid="total">5.164<' in html
    chart = json.loads(re.search(r'<script id="comparison-data-2024" type="application/json">(.*?)</script>',
                                 html, re.S).group(1))
    assert chart["units"] == ["Phường 1", "Phường 2"] and chart["values"] == [2100.0, 3064.0]


def test_a_year_no_ward_reported_has_no_total(quang_tri, reviewer, client_for):
    comp = _get(client_for(reviewer), quang_tri, "KT01", 2023).context["comp"]
    assert comp.total is None and comp.total_text == "—"
    html = _get(client_for(reviewer), quang_tri, "KT01", 2023).content.decode()
    assert "chưa đơn vị nào có số liệu" in html and "(0/2 đơn vị)" in html
    # a partial roll-up over the wards that reported is in tests/web/test_completeness.py (issue 15)


def test_htmx_gets_only_the_results_for_the_chosen_year(quang_tri, reviewer, client_for):
    resp = _get(client_for(reviewer), quang_tri, "KT01", 2024, HTTP_HX_REQUEST="true")
    html = resp.content.decode()
    assert "<html" not in html and 'data-testid="comparison"' in html and "5.164" in html


def test_a_unit_without_units_below_it_says_so_once_and_no_total(quang_tri, reviewer, client_for):
    """Issue 15, point 5: the merged ward's comparison showed "no units below" and "no unit has
    data" at once; a unit with no child units says only the first."""
    ward = quang_tri.town.children.get(code="19502")
    html = client_for(reviewer).get(reverse("dashboards:comparison", args=[ward.pk, quang_tri.plan.pk, "KT01"]),
                                    {"year": 2024}).content.decode()
    assert html.count("không có đơn vị trực thuộc") == 1
    assert "chưa đơn vị nào có số liệu" not in html and "0/0 đơn vị" not in html and "<tfoot>" not in html
