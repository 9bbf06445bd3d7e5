"""Approved data by default (issue 11, item 5): the home page, the scorecard, the indicator page, the
API and the report evaluate only approved values; ``?du_lieu=moi_nhat`` shows the latest values
entered, each one not approved marked "chưa duyệt". Reproduction: Phường 2 jumped on the reviewer's
home the moment the officer submitted, before approval."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from chitieu.web.dashboards.loading import scorecard_for
from chitieu.web.values.actions import do_approve, do_return, do_save_values, do_submit

ROWS = {
    2020: [("KT01", "150"), ("KT04", "55"), ("XH06", "1,8"), ("XH11", "85")],
    2024: [("KT01", "318"), ("KT04", "78,5"), ("XH06", "0,9"), ("XH11", "96")],
}


@pytest.fixture
def entered(ward_plan, places, officer):
    """Phường 2's officer has entered and submitted 2020 and 2024; nothing approved yet."""
    for year, pairs in ROWS.items():
        do_save_values(places.ward2, ward_plan, year,
                       [{"indicator": c, "value": v, "status": "chinh_thuc"} for c, v in pairs], acting_user=officer)
        do_submit(places.ward2, ward_plan, year, acting_user=officer)
    return ward_plan


def _approve_all(plan, places, reviewer):
    for s in plan.submissions.filter(unit=places.ward2):
        do_approve(s, acting_user=reviewer)


def _ward_met(html: str) -> tuple[int, int]:
    card = re.search(r'<li class="db-card">\s*<h2><a[^>]*>Phường 2</a>.*?</li>', html, re.S).group(0)
    found = re.search(r'data-testid="summary">(\d+)/(\d+)', card)
    return int(found[1]), int(found[2])


def test_submitting_does_not_change_the_reviewers_home_approving_does(entered, places, reviewer, client_for):
    client = client_for(reviewer)
    home = reverse("dashboards:home")
    assert _ward_met(client.get(home).content.decode()) == (0, 6)  # submitted values are not evaluated yet
    latest = _ward_met(client.get(home + "?du_lieu=moi_nhat").content.decode())
    _approve_all(entered, places, reviewer)
    approved = _ward_met(client.get(home).content.decode())
    assert approved == latest and approved[0] >= 2


def test_the_switch_shows_the_latest_values_marked_chua_duyet(entered, places, reviewer, client_for):
    client = client_for(reviewer)
    url = reverse("dashboards:scorecard", args=[places.ward2.pk, entered.pk])
    default = client.get(url).content.decode()
    assert "Đánh giá theo số liệu đã duyệt" in default and "unapproved-KT04" not in default
    assert re.search(r'data-testid="status-KT04">Chưa đủ số liệu<', default)
    latest = client.get(url + "?du_lieu=moi_nhat").content.decode()
    assert 'data-testid="unapproved-KT04"' in latest and "chưa duyệt" in latest
    assert re.search(r'data-testid="status-KT04">(Đạt tiến độ|Chưa đạt tiến độ)<', latest)
    indicator = client.get(reverse("dashboards:indicator", args=[places.ward2.pk, entered.pk, "KT04"])
                           + "?du_lieu=moi_nhat").content.decode()
    assert 'data-testid="unapproved"' in indicator and "78,5" in indicator
    _approve_all(entered, places, reviewer)
    after = client.get(url + "?du_lieu=moi_nhat").content.decode()
    assert "unapproved-KT04" not in after  # approved now: nothing to mark


def test_a_returned_year_is_not_evaluated(entered, places, reviewer):
    for s in entered.submissions.filter(unit=places.ward2):
        do_return(s, acting_user=reviewer, comment="Kiểm tra lại số liệu")
    card = scorecard_for(entered, places.ward2)
    assert card.row("KT04").latest_year is None
    assert scorecard_for(entered, places.ward2, latest=True).row("KT04").latest_value == "78,5"


def test_a_value_approved_under_another_plan_covering_the_indicator_counts(entered, town_plan, places, officer,
                                                                           reviewer):
    """A value's review is any plan with a target on its indicator (as ``locking_submissions``)."""
    from chitieu.web.values.models import Submission

    Submission.objects.filter(plan=entered).delete()  # the ward's own review is gone
    for year in ROWS:
        do_approve(do_submit(places.ward2, town_plan, year, acting_user=officer), acting_user=reviewer)
    core = entered.to_core(unit=places.ward2)
    by_code = {item.indicator.code: item for item, _ in core.walk()}
    assert by_code["KT01"].series.value(2024) == 318  # KT01 is on the town's plan: approved there
    assert by_code["KT04"].series.value(2024) is None  # KT04 is not: no approved review covers it


def test_the_api_reads_approved_values_unless_asked(entered, places, reviewer, api_for):
    url = f"/api/plans/{entered.pk}/evaluations"
    default = {e["code"]: e for e in api_for(reviewer).get(url).json()["evaluations"]}
    latest = {e["code"]: e for e in api_for(reviewer).get(url + "?du_lieu=moi_nhat").json()["evaluations"]}
    assert default["KT04"]["status"] == "chua_du_so_lieu"
    assert latest["KT04"]["status"] == "dat_tien_do" and latest["KT04"]["final"] is False
    assert api_for(reviewer).get(url + "?du_lieu=bat_ky").status_code == 422


def test_the_outsider_is_refused_with_the_switch_too(entered, places, outsider, client_for):
    url = reverse("dashboards:scorecard", args=[places.ward2.pk, entered.pk]) + "?du_lieu=moi_nhat"
    assert client_for(outsider).get(url).status_code == 404
