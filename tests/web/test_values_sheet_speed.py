"""The values sheet at 100 rows (issue 18): the same number of queries as at 10 rows, and every
row drawn as before its strings were prepared once per page (``values.entry.prepare_for_sheet``):
its value, status select, other statuses, parts, comments, errors and the row's save button."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

YEAR = 2024


def _sheet(places, size: int, prefix: str):
    """A plan of Phường 2 with ``size`` targets, every one with an official value of YEAR, an
    estimate too on every third, a "Trong đó" part as every tenth, a reviewer's comment on the first."""
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.values.models import Submission, Value, ValueComment

    Indicator.objects.bulk_create([
        Indicator(code=f"{prefix}{n:03d}", name=f"Chỉ tiêu thử {prefix}{n:03d}", unit="tỷ đồng", kind="flow",
                  direction="higher", domain="kinh_te", aggregation="sum", price_basis="current")
        for n in range(1, size + 1)])
    indicators = list(Indicator.objects.filter(code__startswith=prefix).order_by("code"))
    for n, ind in enumerate(indicators):
        if n % 10 == 9:
            ind.parent = indicators[n - 1]
            ind.save(update_fields=["parent"])
    plan = Plan.objects.create(unit=places.ward2, base_year=2020, final_year=2025, title=f"Kế hoạch {prefix}")
    PlanTarget.objects.bulk_create([PlanTarget(plan=plan, indicator=ind, phrase="tăng 8 - 10%/năm", order=n)
                                    for n, ind in enumerate(indicators, 1)])
    Value.objects.bulk_create(
        [Value(unit=places.ward2, indicator=ind, year=YEAR, status="chinh_thuc", value=1234.5 + n,
               source="Chi cục Thống kê") for n, ind in enumerate(indicators)]
        + [Value(unit=places.ward2, indicator=ind, year=YEAR, status="uoc", value=1200 + n)
           for n, ind in enumerate(indicators) if n % 3 == 0])
    submission = Submission.objects.create(unit=places.ward2, plan=plan, year=YEAR)
    ValueComment.objects.create(submission=submission, indicator=indicators[0], text="Kiểm tra lại nguồn.")
    return plan, [i.code for i in indicators]


def _url(places, plan, tail=""):
    return f"/units/{places.ward2.pk}/plans/{plan.pk}/entry/{YEAR}/{tail}"


def _queries(client, url) -> tuple[int, str]:
    client.get(url)  # sessions and caches warmed alike for both sizes
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("who", ["officer", "viewer"])
def test_the_sheet_asks_as_many_queries_for_100_rows_as_for_10(places, officer, viewer, client_for, who):
    small, _ = _sheet(places, 10, "SA")
    large, _ = _sheet(places, 100, "SB")
    client = client_for(officer if who == "officer" else viewer)
    n_small, html_small = _queries(client, _url(places, small))
    n_large, html_large = _queries(client, _url(places, large))
    assert html_small.count('<tr id="row-') == 10 and html_large.count('<tr id="row-') == 100
    assert n_large == n_small, f"{n_small} queries for 10 rows, {n_large} for 100"


def test_every_row_of_a_100_row_sheet_shows_its_value_status_and_save_button(places, officer, client_for):
    plan, codes = _sheet(places, 100, "SC")
    html = client_for(officer).get(_url(places, plan)).content.decode()
    rows = re.findall(r'<tr id="(row-[^"]+)" class="([^"]*)">(.*?)</tr>', html, re.S)
    assert [r[0] for r in rows] == [f"row-{c.lower()}" for c in codes]
    assert [r[1] for r in rows] == [f"depth-{1 if n % 10 == 9 else 0}" for n in range(100)]
    url = _url(places, plan, "row/")
    for n, (code, (_id, _css, row)) in enumerate(zip(codes, rows, strict=True)):
        shown = f"{1234 + n:,}".replace(",", ".") + ",5"  # 1.234,5
        assert f'<input name="v-{code}" value="{shown}"' in row
        assert re.findall(r"<option [^>]*selected>([^<]*)</option>", row) == ["Chính thức"]  # the status select
        assert f'hx-post="{url}" hx-vals=\'{{"row": "{code}"}}\'' in row and ">Lưu dòng</button>" in row
        assert ("Ước thực hiện: " + f"{1200 + n:,}".replace(",", ".") in row) == (n % 3 == 0)
        assert ("Trong đó:" in row) == (n % 10 == 9)
        assert ('data-testid="value-comment">Kiểm tra lại nguồn.</p>' in row) == (n == 0)


def test_a_viewer_reads_each_rows_status_in_words_and_its_history_link(places, viewer, client_for):
    from chitieu.web.values.models import Value

    plan, codes = _sheet(places, 12, "SD")
    Value.objects.filter(indicator__code=codes[3], status="chinh_thuc").delete()  # only the estimate is left
    html = client_for(viewer).get(_url(places, plan)).content.decode()
    rows = dict(re.findall(r'<tr id="row-([^"]+)" [^>]*>(.*?)</tr>', html, re.S))
    assert "<input" not in html.split("<tbody>")[1].split("</tbody>")[0]
    assert "<td>Chính thức</td>" in rows[codes[0].lower()]
    assert "<td>Ước thực hiện</td>" in rows[codes[3].lower()] and ">1.203\n" in rows[codes[3].lower()]
    value = Value.objects.get(indicator__code=codes[2], status="chinh_thuc")
    assert f'<a href="/values/{value.pk}/history/" class="small">lịch sử</a>' in rows[codes[2].lower()]


def test_a_refused_save_marks_the_fields_of_the_rows_at_fault(places, officer, client_for):
    plan, codes = _sheet(places, 12, "SE")
    client = client_for(officer)
    page = client.get(_url(places, plan)).content.decode()
    data = dict(re.findall(r'name="((?:v|src|n|ver)-[^"]+)" value="([^"]*)"', page))
    data.update({f"s-{c}": "chinh_thuc" for c in codes})
    data[f"v-{codes[2]}"] = "mười hai"
    data[f"s-{codes[5]}"] = "khong_co"
    response = client.post(_url(places, plan), data)
    assert response.status_code == 400
    rows = dict(re.findall(r'<tr id="row-([^"]+)" class="([^"]*)">', response.content.decode()))
    assert rows[codes[2].lower()] == "depth-0 has-error" and rows[codes[5].lower()] == "depth-0 has-error"
    assert [c for c, css in rows.items() if "has-error" in css] == [codes[2].lower(), codes[5].lower()]
    html = response.content.decode()
    bad_value = re.search(rf'<tr id="row-{codes[2].lower()}".*?</tr>', html, re.S).group(0)
    assert f'<input name="v-{codes[2]}" value="mười hai"' in bad_value and 'aria-invalid="true"' in bad_value
    assert '<p class="error" role="alert">' in bad_value
    bad_status = re.search(rf'<tr id="row-{codes[5].lower()}".*?</tr>', html, re.S).group(0)
    assert " selected>" not in bad_status.split(f'<select name="s-{codes[5]}">')[1].split("</select>")[0]
    assert '</select>\n    <p class="error">' in bad_status
