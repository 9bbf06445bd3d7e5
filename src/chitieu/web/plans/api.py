"""The API of assigned figures (chỉ tiêu giao): read and set a plan target's figure for a year
with its document. Mounted under /api/ by ``chitieu.web.api``; the same access helper and the
same action (``do_set_assigned``) as the plan page. The list comes in pages (``chitieu.web.api_lists``)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import Router, Schema
from ninja.pagination import paginate

from chitieu.web.access import get_plan_for_user
from chitieu.web.api_lists import Paged, Rows
from chitieu.web.plans.actions import do_set_assigned

router = Router(tags=["plans"])


class AssignedOut(Schema):
    indicator: str
    year: int
    value: float
    document: str
    number: str
    date: str
    issuer: str
    source: str  # the document in one phrase: "Quyết định số 123/QĐ-UBND ngày 10/01/2024 của UBND thị xã"


class AssignedIn(Schema):
    value: str | int | float  # as typed ("3.525,5") or a JSON number
    number: str
    date: dt.date
    issuer: str
    document: str = "Quyết định"


def _out(a) -> dict:
    return {"indicator": a.target.indicator.code, "year": a.year, "value": float(a.value), "document": a.doc_kind,
            "number": a.doc_number, "date": a.doc_date.isoformat(), "issuer": a.issuer, "source": a.source_text}


def _target(plan, code: str):
    target = plan.targets.select_related("indicator", "plan", "plan__unit").filter(indicator__code=code).first()
    if target is None:
        raise Http404("target")
    return target


@router.get("/plans/{plan_id}/targets/{indicator_code}/assigned", response=list[AssignedOut])
@paginate(Paged)
def list_assigned(request, plan_id: int, indicator_code: str):
    """The figures assigned to the target, by year."""
    plan, _rights = get_plan_for_user(request, plan_id)
    return Rows(_target(plan, indicator_code).assigned.select_related("target__indicator").order_by("year"), _out)


@router.put("/plans/{plan_id}/targets/{indicator_code}/assigned/{year}", response=AssignedOut)
def set_assigned(request, plan_id: int, indicator_code: str, year: int, payload: AssignedIn):
    plan, rights = get_plan_for_user(request, plan_id)
    if not rights.write:
        raise PermissionDenied
    figure = do_set_assigned(_target(plan, indicator_code), year, payload.value, doc_number=payload.number,
                             doc_date=payload.date, issuer=payload.issuer, doc_kind=payload.document,
                             acting_user=request.user)
    return _out(figure)
