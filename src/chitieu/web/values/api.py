"""The review API (mounted at /api/review/): the queue with who and when at each level, one
submission, a decision on it (approve, accept, return — whole or some values —, reopen) and
bulk decisions. The same access helpers and actions as the pages; the queue comes in pages
(``chitieu.web.api_lists``)."""

from __future__ import annotations

from datetime import datetime

from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from chitieu.web.access import get_submission_for_user, unit_ids_with
from chitieu.web.api_lists import Paged, Rows
from chitieu.web.values import actions
from chitieu.web.values.models import Submission
from chitieu.web.values.review import queue

router = Router(tags=["review"])


class LevelSubmissionOut(Schema):
    id: int
    unit_code: str
    unit_name: str
    plan_id: int
    year: int
    state: str
    comment: str
    submitted_by: str | None
    submitted_at: datetime | None
    approved_by: str | None
    approved_at: datetime | None
    accepted_by: str | None
    accepted_at: datetime | None
    returned_values: dict[str, str]


class DecisionIn(Schema):
    comment: str = ""
    values: dict[str, str] = {}  # for "return": indicator code → comment (return only those values)


class BulkIn(Schema):
    decision: str  # "approve", "accept", "return"
    ids: list[int] = []
    town_code: str | None = None
    year: int | None = None
    comment: str = ""


def _who(user) -> str | None:
    return user.get_username() if user is not None else None


def _out(s: Submission) -> dict:
    returned = {c.indicator.code: c.text for c in s.value_comments.all() if c.returned and not c.resolved}
    return {"id": s.pk, "unit_code": s.unit.code, "unit_name": s.unit.name, "plan_id": s.plan_id, "year": s.year,
            "state": s.state, "comment": s.comment, "submitted_by": _who(s.submitted_by),
            "submitted_at": s.submitted_at, "approved_by": _who(s.approved_by), "approved_at": s.approved_at,
            "accepted_by": _who(s.accepted_by), "accepted_at": s.accepted_at, "returned_values": returned}


def _load(pk: int) -> Submission:
    return (Submission.objects.select_related("unit", "submitted_by", "approved_by", "accepted_by")
            .prefetch_related("value_comments__indicator").get(pk=pk))


@router.get("/submissions", response=list[LevelSubmissionOut])
@paginate(Paged)
def list_queue(request, state: str = ""):
    """The submissions the user reviews, pending first (submitted, then awaiting the province);
    the people and returned values are read for the page only."""
    q = queue(request.user, state=state)
    ids = q.ids
    loaded: dict[int, Submission] = {}

    def load(page: list[int]) -> None:
        loaded.update({s.pk: s for s in Submission.objects.filter(pk__in=page).select_related(
            "unit", "submitted_by", "approved_by", "accepted_by").prefetch_related("value_comments__indicator")})

    return Rows(ids, lambda pk: _out(loaded[pk]), prepare=load)


@router.get("/submissions/{submission_id}", response=LevelSubmissionOut)
def get_submission(request, submission_id: int):
    submission, _rights = get_submission_for_user(request, submission_id)
    return _out(_load(submission.pk))


@router.post("/submissions/{submission_id}/{decision}", response=LevelSubmissionOut)
def decide(request, submission_id: int, decision: str, payload: DecisionIn):
    submission, _rights = get_submission_for_user(request, submission_id)
    do = {"approve": actions.do_approve, "accept": actions.do_accept, "return": actions.do_return,
          "reopen": actions.do_reopen}.get(decision)
    if do is None:
        raise Http404("decision")
    kwargs = {"values": payload.values} if decision == "return" else {}
    do(submission, acting_user=request.user, comment=payload.comment, **kwargs)
    return _out(_load(submission.pk))


@router.post("/bulk", response=list[LevelSubmissionOut])
def bulk(request, payload: BulkIn):
    """A decision over the listed submissions, or over every one of a town (and year): all or nothing."""
    ids = unit_ids_with(request.user, "review")
    qs = Submission.objects.select_related("unit", "plan")
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    if payload.town_code:
        from django.db.models import Q

        qs = qs.filter(Q(unit__code=payload.town_code) | Q(unit__parent__code=payload.town_code))
        if payload.year:
            qs = qs.filter(year=payload.year)
    else:
        qs = qs.filter(pk__in=payload.ids)
    items = list(qs)
    if not items:
        raise Http404("submission")
    done = actions.do_bulk(payload.decision, items, acting_user=request.user, comment=payload.comment)
    return [_out(_load(s.pk)) for s in done]
