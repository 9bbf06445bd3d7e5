"""Data-entry progress of a unit for a plan and year: "n/m chỉ tiêu đã nhập" with the review
state, on the scorecard, on the home page and on the progress page of the town and its wards."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from test_dashboard_data import load_quang_tri

from chitieu.web.dashboards.loading import progress_by_year, progress_for
from chitieu.web.values.actions import do_approve, do_save_values, do_submit


@pytest.fixture
def quang_tri(places, catalogue):
    return load_quang_tri(places, catalogue)


def test_the_town_has_entered_every_indicator_for_2025_and_some_for_2024(quang_tri):
    total = quang_tri.plan.targets.count()  # 19 indicators of the plan file + XH09N and DS01
    assert total == 21
    p2025 = progress_for(quang_tri.plan, quang_tri.town, 2025)
    assert (p2025.entered, p2025.total) == (19, 21)
    assert p2025.text == "19/21 chỉ tiêu đã nhập"
    by_year = {y: p.entered for y, p in progress_by_year(quang_tri.plan, quang_tri.town)}
    assert by_year == {2020: 17, 2021: 0, 2022: 0, 2023: 0, 2024: 15, 2025: 19}


def test_a_ward_counts_its_own_values_only(quang_tri):
    p = progress_for(quang_tri.plan, quang_tri.ward2, 2024)
    assert (p.entered, p.total, p.percent) == (3, 21, 14)
    assert progress_for(quang_tri.plan, quang_tri.ward2, 2025).entered == 0


def test_the_review_state_follows_the_workflow(quang_tri, officer, reviewer):
    plan, ward = quang_tri.plan, quang_tri.ward2
    assert progress_for(plan, ward, 2025).state_label == "Chưa nhập"
    do_save_values(ward, plan, 2025, [{"indicator": "KT01", "value": "3.500,5", "status": "uoc"}], acting_user=officer)
    p = progress_for(plan, ward, 2025)
    assert (p.entered, p.state_label) == (1, "Đang nhập")
    submission = do_submit(ward, plan, 2025, acting_user=officer)
    assert progress_for(plan, ward, 2025).state_label == "Đã gửi duyệt"
    do_approve(submission, acting_user=reviewer)
    assert progress_for(plan, ward, 2025).state_label == "Đã duyệt"


def test_a_planned_value_is_not_counted_as_entered(quang_tri):
    do_save_values(quang_tri.ward1, quang_tri.plan, 2025,
                   [{"indicator": "KT01", "value": "2.500", "status": "ke_hoach"}], acting_user=None)
    assert progress_for(quang_tri.plan, quang_tri.ward1, 2025).entered == 0


def test_the_progress_page_shows_each_year_and_each_ward(quang_tri, reviewer, client_for):
    url = reverse("dashboards:progress", args=[quang_tri.town.pk, quang_tri.plan.pk]) + "?year=2024"
    html = client_for(reviewer).get(url).content.decode()
    row_2025 = re.search(r'<tr data-year="2025">.*?</tr>', html, re.S).group(0)
    assert "19/21 chỉ tiêu đã nhập" in row_2025 and 'value="19"' in row_2025
    wards = re.search(r'data-testid="progress-children".*?</table>', html, re.S).group(0)
    assert wards.count(">3/21 chỉ tiêu đã nhập<") == 2 and "Phường 1" in wards and "Phường 2" in wards


def test_the_scorecard_shows_this_years_progress(quang_tri, viewer, client_for):
    url = reverse("dashboards:scorecard", args=[quang_tri.town.pk, quang_tri.plan.pk])
    html = client_for(viewer).get(url).content.decode()
    block = re.search(r'data-testid="progress".*?</div>', html, re.S).group(0)
    # the fixture's values are approved (issue 11: pages evaluate approved values)
    assert "19/21 chỉ tiêu đã nhập" in block and "Đã duyệt" in block
