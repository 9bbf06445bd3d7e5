"""The review queue with context (issue 15): pending first with counts per town and indicator;
the review page shows per value the previous years, the change, the target, the verdict and
the findings; a reviewer comments on one value and returns only some values; notices on each
step; the list runs a fixed number of queries whatever the number of submissions."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.notices.models import Notice
from chitieu.web.values.actions import do_approve, do_comment_value, do_return, do_save_values, do_submit
from chitieu.web.values.models import Submission, ValueComment
from chitieu.web.values.review import queue


def _enter(unit, plan, year, pairs, who, note=""):
    do_save_values(unit, plan, year, [{"indicator": c, "value": v, "note": note} for c, v in pairs], acting_user=who)


@pytest.fixture
def season(ward_plan, places, officer):
    """Phường 2: 2023 entered, submitted and approved by the system; 2024 entered and submitted."""
    _enter(places.ward2, ward_plan, 2023, [("KT01", "262"), ("XH06", "1,1"), ("XH11", "92")], officer)
    do_approve(do_submit(places.ward2, ward_plan, 2023, acting_user=officer), acting_user=None)
    _enter(places.ward2, ward_plan, 2024, [("KT01", "318"), ("XH06", "0,9"), ("XH11", "96")], officer)
    return do_submit(places.ward2, ward_plan, 2024, acting_user=officer)


def test_pending_comes_first_with_counts_per_town_and_indicator(season, reviewer):
    q = queue(reviewer)
    assert [(s.year, s.state) for s in q.submissions] == [(2024, "submitted"), (2023, "approved")]
    assert q.pending == 2  # submitted, and approved by the town awaiting the province
    [(town, pending, total)] = q.by_town
    assert (town.name, pending, total) == ("Thị xã Quảng Trị", 2, 2)
    assert dict((code, n) for code, _name, n in q.by_indicator) == {"KT01": 2, "XH06": 2, "XH11": 2}


def test_the_review_page_shows_past_years_change_target_and_verdict(season, reviewer, client_for):
    html = client_for(reviewer).get(f"/submissions/{season.pk}/review/").content.decode()
    row = html[html.index('data-code="KT01"'):]
    row = row[:row.index("</tr>")]
    assert "2023: 262" in row
    assert "21,4%" in row  # 262 → 318
    assert "tăng 19 - 21%/năm" in row
    assert "Chưa đủ số liệu" in row or "tiến độ" in row or "Đạt" in row  # the verdict of core.evaluate
    xh06 = html[html.index('data-code="XH06"'):]
    assert "-0,2 điểm %" in xh06[:xh06.index("</tr>")]


def test_the_verdict_is_the_one_evaluation(season, reviewer):
    from chitieu.core.evaluate import evaluate_plan
    from chitieu.web.values.review import review_rows

    rows, _check = review_rows(season)
    expected = {ev.indicator.code: ev.label for ev in evaluate_plan(
        season.plan.to_core(unit=season.unit, as_of=2024, approved_only=False), parts=True)}
    assert {r.entry.code: r.verdict for r in rows if r.verdict} == expected


def test_an_outlier_is_flagged_on_the_review_page(ward_plan, places, officer, reviewer, client_for):
    _enter(places.ward2, ward_plan, 2023, [("KT01", "262")], officer)
    _enter(places.ward2, ward_plan, 2024, [("KT01", "950")], officer, note="Có dự án lớn hoàn thành")
    s = do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    html = client_for(reviewer).get(f"/submissions/{s.pk}/review/").content.decode()
    assert "Cảnh báo: KT01" in html and "262,6%" in html  # 262 → 950


def test_returning_only_some_values_locks_the_others(season, places, ward_plan, officer, reviewer):
    s = do_return(season, acting_user=reviewer, values={"XH11": "Số lao động chưa khớp với báo cáo quý IV"})
    assert s.state == "returned" and "XH11" in s.comment
    assert ValueComment.objects.get().indicator.code == "XH11"
    with pytest.raises(ActionError) as err:
        do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "320"}], acting_user=officer)
    assert "KT01 không nằm trong số đó" in str(err.value)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "XH11", "value": "94"}], acting_user=officer)
    assert do_submit(places.ward2, ward_plan, 2024, acting_user=officer).state == "submitted"
    assert not ValueComment.objects.filter(resolved=False).exists()
    assert AuditLog.objects.filter(action="value.return").count() == 1


def test_a_value_returned_without_its_comment_is_refused(season, reviewer):
    with pytest.raises(ActionError):
        do_return(season, acting_user=reviewer, values={"XH11": "  "})
    assert Submission.objects.get(pk=season.pk).state == "submitted"


def test_the_page_returns_one_value_with_its_comment(season, reviewer, client_for):
    resp = client_for(reviewer).post(f"/submissions/{season.pk}/review/", {
        "decision": "return", "return_code": ["XH11"], "comment-XH11": "Kiểm tra lại số lao động"})
    assert resp.status_code == 302
    assert Submission.objects.get(pk=season.pk).state == "returned"
    assert list(ValueComment.objects.values_list("indicator__code", "text", "returned")) == [
        ("XH11", "Kiểm tra lại số lao động", True)]


def test_a_comment_on_one_value_and_its_refusals(season, reviewer, officer, outsider, client_for):
    c = do_comment_value(season, "KT01", "Nguồn số liệu là Chi cục Thống kê?", acting_user=reviewer)
    assert (c.returned, c.indicator.code) == (False, "KT01")
    with pytest.raises(PermissionDenied):
        do_comment_value(season, "KT01", "x", acting_user=officer)
    assert client_for(outsider).post(f"/submissions/{season.pk}/comment/", {"code": "KT01", "text": "x"}
                                     ).status_code == 404
    assert client_for(outsider).get(f"/submissions/{season.pk}/review/").status_code == 404


def test_notices_on_submit_return_and_approve(reviewer, season, officer, client_for):
    assert list(Notice.objects.filter(user=reviewer).values_list("kind", flat=True)) == [
        "submission.submit", "submission.submit"]
    do_return(season, acting_user=reviewer, comment="Thiếu nguồn số liệu")
    [n] = Notice.objects.filter(user=officer, kind="submission.return")
    assert "bị trả lại: Thiếu nguồn số liệu" in n.text
    html = client_for(officer).get("/notices/").content.decode()
    assert "Thiếu nguồn số liệu" in html
    assert client_for(officer).post(f"/notices/{n.pk}/read/").status_code == 302
    assert Notice.objects.get(pk=n.pk).read_at is not None
    assert client_for(reviewer).post(f"/notices/{n.pk}/read/").status_code == 404  # not the reviewer's


def test_a_notice_is_mailed_when_mail_is_configured(ward_plan, places, officer, reviewer, settings, mailoutbox):
    settings.NOTIFY_BY_EMAIL = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    reviewer.email = "kiemtra@quangtri.gov.vn"
    reviewer.save()
    _enter(places.ward2, ward_plan, 2024, [("KT01", "318")], officer)
    from django.test import TestCase  # noqa: F401 - on_commit runs at once inside pytest-django's test transaction

    with TestCase.captureOnCommitCallbacks(execute=True):
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert [m.to for m in mailoutbox] == [["kiemtra@quangtri.gov.vn"]]
    assert "Phường 2 đã gửi số liệu năm 2024" in mailoutbox[0].subject


def _many_submissions(n, places, catalogue):
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.units.models import AdministrativeUnit

    plan = Plan.objects.create(unit=places.town, base_year=2020, final_year=2025, source="KH")
    PlanTarget.objects.create(plan=plan, indicator=catalogue["KT01"], phrase="tăng 17%/năm", order=1)
    for i in range(n):
        ward = AdministrativeUnit.objects.create(code=f"196{i:02d}", name=f"Xã {i}", level="xa", parent=places.town)
        for year in (2023, 2024):
            Submission.objects.create(unit=ward, plan=plan, year=year, state="submitted")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_review_list_runs_a_fixed_number_of_queries(places, catalogue, reviewer, client_for):
    from django.core.cache import cache

    client = client_for(reviewer)
    _many_submissions(2, places, catalogue)
    _queries(client, "/review/")  # the plans' version rows are made at the first view
    cache.clear()  # the counts per commune and year are cached: measure both views with none kept
    few = _queries(client, "/review/")
    _many_submissions(0, places, catalogue)
    from chitieu.web.units.models import AdministrativeUnit

    for i in range(10, 22):
        ward = AdministrativeUnit.objects.create(code=f"197{i:02d}", name=f"Phường {i}", level="phuong",
                                                 parent=places.town)
        Submission.objects.create(unit=ward, plan_id=Submission.objects.first().plan_id, year=2024,
                                  state="approved")
    assert Submission.objects.count() == 16
    cache.clear()
    assert _queries(client, "/review/") == few


def test_officers_late_for_the_deadline_are_reminded_once_a_day(ward_plan, places, officer, outsider, settings):
    import datetime

    from chitieu.web.notices.reminders import send_reminders

    settings.REPORTING_DEADLINE, settings.REMINDER_DAYS = "12-15", 7
    assert send_reminders(datetime.date(2025, 12, 1)) == 0  # two weeks before: nothing yet
    assert send_reminders(datetime.date(2025, 12, 10)) == 1  # Phường 2 follows a plan covering 2025
    [n] = Notice.objects.filter(kind="deadline")
    assert (n.user, n.text) == (officer, "Còn 5 ngày đến hạn gửi số liệu năm 2025 của Phường 2 (15/12/2025).")
    assert send_reminders(datetime.date(2025, 12, 10)) == 0  # once a day
    _enter(places.ward2, ward_plan, 2025, [("KT01", "350")], officer)
    do_submit(places.ward2, ward_plan, 2025, acting_user=officer)
    assert send_reminders(datetime.date(2025, 12, 11)) == 0  # submitted: no reminder


def _awaiting(reviewer) -> dict[str, int]:
    return {code: n for code, _name, n in queue(reviewer).by_indicator}


def test_the_counts_per_indicator_follow_every_change_though_kept_in_the_cache(
        season, places, ward_plan, officer, reviewer):
    assert _awaiting(reviewer) == {"KT01": 2, "XH06": 2, "XH11": 2}
    assert _awaiting(reviewer) == {"KT01": 2, "XH06": 2, "XH11": 2}  # read back from the cache
    do_return(season, acting_user=reviewer, comment="Bổ sung chỉ tiêu XH09")
    assert _awaiting(reviewer) == {"KT01": 1, "XH06": 1, "XH11": 1}  # 2024 is back with the commune
    _enter(places.ward2, ward_plan, 2024, [("KT01", "318"), ("XH06", "0,9"), ("XH11", "96"), ("XH09", "100")], officer)
    assert _awaiting(reviewer) == {"KT01": 1, "XH06": 1, "XH11": 1}  # values being corrected are not awaited
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert _awaiting(reviewer) == {"KT01": 2, "XH06": 2, "XH11": 2, "XH09": 1}


def test_a_long_queue_is_shown_a_page_at_a_time(places, catalogue, reviewer, client_for):
    from chitieu.web.values.review import PAGE_SIZE

    _many_submissions(PAGE_SIZE // 2 + 5, places, catalogue)  # two years each: PAGE_SIZE + 10
    client = client_for(reviewer)
    first = client.get("/review/").content.decode()
    second = client.get("/review/?page=2").content.decode()
    assert first.count('name="ids"') == PAGE_SIZE and second.count('name="ids"') == 10
    assert f"Trang 1/2 ({PAGE_SIZE + 10} hồ sơ)" in first and "page=2" in first
    assert "Trang 2/2" in second
    ids = lambda html: set(re.findall(r'name="ids" value="(\d+)"', html))  # noqa: E731
    assert not ids(first) & ids(second)
    assert client.get("/review/?page=abc").status_code == 200  # a bad page number is the first page
    assert queue(reviewer, page=99).page == 2
