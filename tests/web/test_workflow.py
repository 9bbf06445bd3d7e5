"""Review workflow of a unit's yearly data: draft → submitted → approved, or returned with a comment."""

import pytest
from django.core.exceptions import PermissionDenied

from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.values.actions import do_approve, do_reopen, do_return, do_save_values, do_submit
from chitieu.web.values.models import Submission, Value


@pytest.fixture
def entered(ward_plan, places, officer):
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.000"}], acting_user=officer)
    return Submission.objects.get(unit=places.ward2, plan=ward_plan, year=2024)


def test_the_officer_submits_and_the_reviewer_of_the_town_approves(entered, ward_plan, places, officer, reviewer):
    s = do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    assert (s.state, s.submitted_by) == ("submitted", officer)
    s = do_approve(s, acting_user=reviewer, comment="Số liệu khớp")
    assert (s.state, s.reviewed_by, s.comment) == ("approved", reviewer, "Số liệu khớp")
    assert list(AuditLog.objects.filter(object_type="values.submission").order_by("pk")
                .values_list("action", "old", "new")) == [
        ("submission.submit", "draft", "submitted"), ("submission.approve", "submitted", "approved")]


def test_a_return_needs_a_comment_and_opens_the_data_again(entered, ward_plan, places, officer, reviewer):
    s = do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    with pytest.raises(ActionError) as err:
        do_return(s, acting_user=reviewer, comment="  ")
    assert "lý do" in err.value.errors["comment"][0]
    assert Submission.objects.get().state == "submitted"
    s = do_return(s, acting_user=reviewer, comment="Kiểm tra lại tổng mức bán lẻ")
    assert s.state == "returned" and s.comment == "Kiểm tra lại tổng mức bán lẻ"
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.100"}], acting_user=officer)
    assert do_submit(places.ward2, ward_plan, 2024, acting_user=officer).state == "submitted"


def test_submitted_data_cannot_be_changed(entered, ward_plan, places, officer):
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    with pytest.raises(ActionError) as err:
        do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "5"}], acting_user=officer)
    assert "Đã gửi duyệt" in str(err.value)
    assert Value.objects.get().value == 1000


@pytest.mark.parametrize("step", ["approve_draft", "return_draft", "submit_twice", "reopen_submitted", "approve_twice"])
def test_illegal_transitions_are_refused(entered, ward_plan, places, officer, reviewer, step):
    if step == "approve_draft":
        call = lambda: do_approve(entered, acting_user=reviewer)  # noqa: E731
    elif step == "return_draft":
        call = lambda: do_return(entered, acting_user=reviewer, comment="x")  # noqa: E731
    elif step == "submit_twice":
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
        call = lambda: do_submit(places.ward2, ward_plan, 2024, acting_user=officer)  # noqa: E731
    elif step == "reopen_submitted":
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
        call = lambda: do_reopen(entered, acting_user=reviewer)  # noqa: E731
    else:
        do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
        do_approve(entered, acting_user=reviewer)
        call = lambda: do_approve(entered, acting_user=reviewer)  # noqa: E731
    state = Submission.objects.get().state
    with pytest.raises(ActionError) as err:
        call()
    assert "Không thể chuyển" in str(err.value)
    assert Submission.objects.get().state == state


def test_an_officer_cannot_approve_and_a_reviewer_cannot_enter(entered, ward_plan, places, officer, reviewer, outsider):
    s = do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    with pytest.raises(PermissionDenied):
        do_approve(s, acting_user=officer)
    with pytest.raises(PermissionDenied):
        do_approve(s, acting_user=outsider)
    with pytest.raises(PermissionDenied):
        do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "5"}], acting_user=reviewer)
    with pytest.raises(PermissionDenied):
        do_submit(places.ward2, ward_plan, 2024, acting_user=outsider)
    assert Submission.objects.get().state == "submitted"


def test_the_review_pages(entered, ward_plan, places, officer, reviewer, client_for):
    c = client_for(officer)
    assert c.post(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/submit/").status_code == 302
    body = c.get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    assert "Đã gửi duyệt" in body and 'name="v-KT01"' not in body
    r = client_for(reviewer)
    assert "Phường 2" in r.get("/review/").content.decode()
    assert r.post(f"/submissions/{entered.pk}/review/", {"decision": "return", "comment": ""}).status_code == 302
    assert Submission.objects.get().state == "submitted"
    r.post(f"/submissions/{entered.pk}/review/", {"decision": "return", "comment": "Thiếu nguồn số liệu"})
    assert Submission.objects.get().state == "returned"
    body = c.get(f"/units/{places.ward2.pk}/plans/{ward_plan.pk}/entry/2024/").content.decode()
    assert "Thiếu nguồn số liệu" in body and 'name="v-KT01"' in body


def test_an_officer_cannot_review_from_the_page(entered, ward_plan, places, officer, client_for):
    do_submit(places.ward2, ward_plan, 2024, acting_user=officer)
    c = client_for(officer)
    assert c.post(f"/submissions/{entered.pk}/review/", {"decision": "approve"}).status_code == 403
    assert Submission.objects.get().state == "submitted"
