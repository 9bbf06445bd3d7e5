"""The indicator page of Tổng mức bán lẻ for the thị xã: the series against the band of
17-19%/năm from the 2020 value, the evaluation sentence, the figures with their rule and inputs,
and every stored value with its status and review state."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from test_dashboard_data import load_quang_tri


@pytest.fixture
def quang_tri(places, catalogue):
    return load_quang_tri(places, catalogue)


@pytest.fixture
def page(quang_tri, viewer, client_for):
    url = reverse("dashboards:indicator", args=[quang_tri.town.pk, quang_tri.plan.pk, "KT01"])
    resp = client_for(viewer).get(url)
    assert resp.status_code == 200
    return resp


def test_the_page_states_the_verdict_and_its_reason(page):
    html = page.content.decode()
    assert 'data-testid="status">Đạt<' in html
    assert "Bình quân 2021-2025 tăng 17,08%/năm, trong khoảng chỉ tiêu 17-19%/năm: Đạt" in html
    assert "tăng 17-19%/năm" in html and "Tăng bình quân từ 17% đến 19% mỗi năm" in html


def test_the_chart_draws_the_values_against_the_band_from_the_2020_value(page):
    html = page.content.decode()
    data = json.loads(re.search(r'<script id="chart-data" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert data["actual"] == [[2020, 2796.0, "chinh_thuc"], [2024, 5164.0, "chinh_thuc"], [2025, 6150.0, "uoc"]]
    assert data["band"]["low"][-1] == [2025, pytest.approx(2796 * 1.17**5, abs=1e-3)]
    assert data["band"]["high"][-1] == [2025, pytest.approx(2796 * 1.19**5, abs=1e-3)]
    assert 'data-chart="chart-data"' in html and "dashboards/echarts.min" in html


def test_the_figures_show_their_rule_and_inputs(page):
    figures = page.context["figures"]
    index = next(f for f in figures if f.key == "index")
    assert index.value == "117,08"
    assert index.rule and index.inputs  # the audit trail of the computation
    html = page.content.decode()
    assert 'data-key="index"' in html and "117,08" in html


def test_the_values_table_lists_each_value_with_its_status_and_the_one_used(page):
    rows = [(v.year, v.value, v.status_label, v.used) for v in page.context["values"]]
    assert rows == [(2025, "6.150", "Ước thực hiện", True), (2024, "5.164", "Chính thức", True),
                    (2020, "2.796", "Chính thức", True)]


def test_an_estimate_and_an_official_figure_of_one_year_are_both_listed(quang_tri, viewer, client_for):
    from chitieu.web.values.actions import do_approve, do_reopen, do_save_values, do_submit

    do_reopen(quang_tri.plan.submissions.get(unit=quang_tri.town, year=2025), acting_user=None)
    do_save_values(quang_tri.town, quang_tri.plan, 2025,
                   [{"indicator": "KT01", "value": "6.201,5", "status": "chinh_thuc"}], acting_user=None)
    do_approve(do_submit(quang_tri.town, quang_tri.plan, 2025, acting_user=None), acting_user=None)
    url = reverse("dashboards:indicator", args=[quang_tri.town.pk, quang_tri.plan.pk, "KT01"])
    values = client_for(viewer).get(url).context["values"]
    y2025 = [(v.value, v.status_label, v.used) for v in values if v.year == 2025]
    assert y2025 == [("6.201,5", "Chính thức", True), ("6.150", "Ước thực hiện", False)]


def test_a_part_without_a_target_shows_its_values_but_no_verdict(quang_tri, viewer, client_for):
    url = reverse("dashboards:indicator", args=[quang_tri.town.pk, quang_tri.plan.pk, "KT01.1"])
    resp = client_for(viewer).get(url)
    assert resp.status_code == 200
    assert resp.context["evaluation"] is None
    assert "3.484" in resp.content.decode()
