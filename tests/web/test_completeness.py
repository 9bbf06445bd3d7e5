"""Completeness and partial roll-ups (issue 15): the matrix of child units × status with the
reporting rate; roll-ups over the units that reported, always with "x/y đơn vị"; the leader's
scorecard says how many child units are approved; a fixed number of queries whatever the
number of units."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.web.values.actions import do_approve, do_save_values, do_submit
from chitieu.web.values.completeness import matrix, partial_rollups


@pytest.fixture
def half_reported(town_plan, places, officer, outsider, reviewer):
    """Phường 2 has entered, submitted and been approved for 2024; Phường 1 has entered only."""
    do_save_values(places.ward2, town_plan, 2024, [{"indicator": "KT01", "value": "318"}], acting_user=officer)
    do_approve(do_submit(places.ward2, town_plan, 2024, acting_user=officer), acting_user=reviewer)
    do_save_values(places.ward1, town_plan, 2024, [{"indicator": "KT01", "value": "120"}], acting_user=outsider)
    return town_plan


def test_the_matrix_gives_each_ward_its_status_and_the_rate(half_reported, places):
    m = matrix(places.town, half_reported, 2024)
    assert [(r.unit.name, r.label, r.entered, r.total) for r in m.rows] == [
        ("Phường 1", "Đang nhập", 1, 2), ("Phường 2", "Đã duyệt", 1, 2)]
    assert (m.reported, m.approved, m.total, m.rate) == (1, 1, 2, "50%")
    m2023 = matrix(places.town, half_reported, 2023)
    assert [r.label for r in m2023.rows] == ["Chưa nhập", "Chưa nhập"]


def test_the_partial_rollup_counts_only_approved_units_and_says_so(half_reported, places, catalogue):
    [kt01] = partial_rollups(places.town, [catalogue["KT01"]], 2024)
    assert (kt01.value, kt01.units_text, kt01.complete) == (318.0, "1/2 đơn vị", False)
    [latest] = partial_rollups(places.town, [catalogue["KT01"]], 2024, approved_only=False)
    assert (latest.value, latest.units_text, latest.complete) == (438.0, "2/2 đơn vị", True)


def test_the_completeness_page_and_its_outsider(half_reported, places, reviewer, nobody, client_for):
    url = f"/units/{places.town.pk}/plans/{half_reported.pk}/completeness/2024/"
    html = client_for(reviewer).get(url).content.decode()
    assert "1/2 đơn vị" in html and "(50%)" in html
    totals = html[html.index('data-testid="partial-totals"'):]
    assert "318" in totals and "1/2 đơn vị" in totals
    assert client_for(nobody).get(url).status_code == 404


def test_the_leaders_scorecard_shows_approved_units(half_reported, places, reviewer, outsider, client_for):
    url = f"/units/{places.town.pk}/plans/{half_reported.pk}/"
    from django.urls import reverse

    url = reverse("dashboards:scorecard", args=[places.town.pk, half_reported.pk]) + "?as_of=2024"
    html = client_for(reviewer).get(url).content.decode()
    assert 'data-testid="reporting-units">1/2 đơn vị' in html
    do_approve(do_submit(places.ward1, half_reported, 2024, acting_user=outsider), acting_user=reviewer)
    html = client_for(reviewer).get(url).content.decode()
    assert 'data-testid="reporting-units">2/2 đơn vị' in html


def test_the_comparison_totals_the_wards_that_reported(half_reported, places, reviewer, client_for):
    from django.urls import reverse

    url = reverse("dashboards:comparison", args=[places.town.pk, half_reported.pk, "KT01"]) + "?as_of=2024"
    html = client_for(reviewer).get(url).content.decode()
    assert "Chưa tổng hợp được" not in html
    assert 'data-testid="total-units">(1/2 đơn vị)' in html


def _wards(n, places, start):
    from chitieu.web.units.models import AdministrativeUnit

    for i in range(start, start + n):
        AdministrativeUnit.objects.create(code=f"198{i:02d}", name=f"Xã {i}", level="xa", parent=places.town)


def test_the_completeness_page_runs_a_fixed_number_of_queries(half_reported, places, reviewer, client_for):
    from chitieu.web.values.models import Submission

    client = client_for(reviewer)
    url = f"/units/{places.town.pk}/plans/{half_reported.pk}/completeness/2024/"
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _wards(15, places, 10)
    for unit in places.town.children.filter(code__startswith="198")[:8]:
        Submission.objects.create(unit=unit, plan=half_reported, year=2024, state="submitted")
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)
