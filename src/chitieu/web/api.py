"""The JSON API (django-ninja): units, indicators, plans, targets, values and evaluations.

Mounted at /api/ (OpenAPI at /api/openapi.json, docs at /api/docs). Authentication by
``Authorization: Bearer <token>`` (``accounts.ApiToken``) or the browser session, and throttling:
``accounts.api_auth`` (a bad, expired or revoked token is a 401, never a CSRF failure). The same
access helpers as the UI decide what a user may see (404 otherwise) and write (403), and
writes go through the same actions.
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI, Schema

from chitieu.commands.evaluate import evaluation_as_dict
from chitieu.core.evaluate import evaluate_plan
from chitieu.core.options import in_words
from chitieu.web.access import get_plan_for_user, get_unit_for_user, visible_units
from chitieu.web.accounts import api_auth
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.plans.actions import do_set_target
from chitieu.web.plans.models import Plan
from chitieu.web.values import actions as value_actions
from chitieu.web.values.models import Submission, Value

api = NinjaAPI(title="chitieu API", version="1", urls_namespace="api",
               auth=[api_auth.BearerToken(), api_auth.SessionAuth()], throttle=[api_auth.UserThrottle()])
api_auth.install(api)


@api.exception_handler(ActionError)
def _action_error(request, exc: ActionError):
    return api.create_response(request, {"detail": "invalid", "errors": exc.errors}, status=422)


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return api.create_response(request, {"detail": "forbidden"}, status=403)


class UnitOut(Schema):
    id: int
    code: str
    name: str
    level: str
    parent_code: str | None
    valid_from: str | None
    valid_to: str | None
    predecessors: list[str]


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    kind: str
    direction: str
    domain: str
    aggregation: str
    price_basis: str
    price_base_year: int | None
    parent: str | None
    numerator: str | None
    denominator: str | None
    weight: str | None
    decimals: int
    options: list[str] = []  # an option indicator's ordered options, best first; values are given in these words


class TargetOut(Schema):
    indicator: str
    name: str
    phrase: str
    understood: str


class PlanOut(Schema):
    id: int
    unit_code: str
    kind: str
    base_year: int
    final_year: int
    period: str
    title: str
    source: str
    status: str
    targets: list[TargetOut]


class TargetIn(Schema):
    phrase: str


class ValueOut(Schema):
    id: int
    unit_code: str
    indicator: str
    year: int
    status: str
    value: float | None  # None when the stored row is not a readable number (valid is then false)
    valid: bool = True
    version: int  # send it back with a change: a save from an older version is refused (422)
    source: str
    note: str
    text: str | None = None  # the value in words for a yes/no, option or rank indicator ("Khá"); else None


class ValueRowIn(Schema):
    indicator: str
    value: str | int | float | None  # int before float: a whole number stays exact
    status: str = "chinh_thuc"
    source: str = ""
    note: str = ""
    version: int | None = None  # the version this change is based on (0: there was no value); None: no check


class ValuesIn(Schema):
    unit_code: str | None = None
    year: int
    rows: list[ValueRowIn]


def _unit(u) -> dict:
    return {
        "id": u.pk, "code": u.code, "name": u.name, "level": u.level,
        "parent_code": u.parent.code if u.parent_id else None,
        "valid_from": u.valid_from.isoformat() if u.valid_from else None,
        "valid_to": u.valid_to.isoformat() if u.valid_to else None,
        "predecessors": sorted({p.code for e in u.created_by.all() for p in e.predecessors.all()}),
    }


def _indicator(i: Indicator) -> dict:
    return {
        "code": i.code, "name": i.name, "unit": i.unit, "kind": i.kind, "direction": i.direction,
        "domain": i.domain, "aggregation": i.aggregation, "price_basis": i.price_basis,
        "price_base_year": i.price_base_year, "parent": i.parent.code if i.parent_id else None,
        "numerator": i.numerator.code if i.numerator_id else None,
        "denominator": i.denominator.code if i.denominator_id else None,
        "weight": i.weight.code if i.weight_id else None, "decimals": i.decimals, "options": list(i.options or []),
    }


def _target(t) -> dict:
    return {"indicator": t.indicator.code, "name": t.indicator.name, "phrase": t.phrase, "understood": t.description()}


def _plan(p: Plan) -> dict:
    return {
        "id": p.pk, "unit_code": p.unit.code, "kind": p.kind, "base_year": p.base_year, "final_year": p.final_year,
        "period": p.period, "title": p.title, "source": p.source, "status": p.status,
        "targets": [_target(t) for t in p.targets.select_related("indicator")],
    }


def _value(v: Value) -> dict:
    return {"id": v.pk, "unit_code": v.unit.code, "indicator": v.indicator.code, "year": v.year, "status": v.status,
            "value": float(v.value) if v.is_valid else None, "valid": v.is_valid, "version": v.version,
            "source": v.source, "note": v.note,
            "text": in_words(v.indicator.to_core(), float(v.value)) if v.is_valid else None}


@api.get("/units", response=list[UnitOut], tags=["units"])
def list_units(request):
    qs = visible_units(request.user).select_related("parent").prefetch_related("created_by__predecessors")
    return [_unit(u) for u in qs]


@api.get("/units/{code}", response=UnitOut, tags=["units"])
def get_unit(request, code: str):
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    return _unit(unit)


@api.get("/indicators", response=list[IndicatorOut], tags=["indicators"])
def list_indicators(request):
    return [_indicator(i) for i in Indicator.objects.select_related("parent", "numerator", "denominator", "weight")]


@api.get("/indicators/{code}", response=IndicatorOut, tags=["indicators"])
def get_indicator(request, code: str):
    try:
        return _indicator(Indicator.objects.get(code=code))
    except Indicator.DoesNotExist:
        raise Http404("indicator") from None


@api.get("/units/{code}/plans", response=list[PlanOut], tags=["plans"])
def list_plans(request, code: str):
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    return [_plan(p) for p in Plan.objects.followed_by(unit)]


@api.get("/plans/{plan_id}", response=PlanOut, tags=["plans"])
def get_plan(request, plan_id: int):
    plan, _rights = get_plan_for_user(request, plan_id)
    return _plan(plan)


@api.get("/plans/{plan_id}/targets", response=list[TargetOut], tags=["plans"])
def list_targets(request, plan_id: int):
    plan, _rights = get_plan_for_user(request, plan_id)
    return [_target(t) for t in plan.targets.select_related("indicator")]


@api.put("/plans/{plan_id}/targets/{indicator_code}", response=TargetOut, tags=["plans"])
def set_target(request, plan_id: int, indicator_code: str, payload: TargetIn):
    plan, rights = get_plan_for_user(request, plan_id)
    if not rights.manage:
        raise PermissionDenied
    try:
        indicator = Indicator.objects.get(code=indicator_code)
    except Indicator.DoesNotExist:
        raise Http404("indicator") from None
    return _target(do_set_target(plan, indicator, payload.phrase, acting_user=request.user))


@api.get("/units/{code}/values", response=list[ValueOut], tags=["values"])
def list_values(request, code: str, indicator: str | None = None, year: int | None = None):
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    qs = Value.objects.filter(unit=unit).select_related("unit", "indicator")
    if indicator:
        qs = qs.filter(indicator__code=indicator)
    if year:
        qs = qs.filter(year=year)
    return [_value(v) for v in qs]


@api.post("/plans/{plan_id}/values", response=list[ValueOut], tags=["values"])
def save_values(request, plan_id: int, payload: ValuesIn):
    """Save values of a unit (default: the plan's unit) for one year, all or nothing (422 with
    the messages per field when any row is bad)."""
    plan, _rights = get_plan_for_user(request, plan_id)
    unit, rights = get_unit_for_user(request, payload.unit_code or plan.unit.code, by_code=True)
    if not rights.write:
        raise PermissionDenied
    rows = [r.dict() for r in payload.rows]
    changed = value_actions.do_save_values(unit, plan, payload.year, rows, acting_user=request.user)
    return [_value(v) for v in changed]


class SubmissionOut(Schema):
    id: int
    unit_code: str
    plan_id: int
    year: int
    state: str
    comment: str


class SubmissionIn(Schema):
    unit_code: str | None = None
    year: int
    action: str  # "submit", "approve", "accept", "return", "reopen" (levels and bulk: /api/review/)
    comment: str = ""


def _submission(s: Submission) -> dict:
    return {"id": s.pk, "unit_code": s.unit.code, "plan_id": s.plan_id, "year": s.year, "state": s.state,
            "comment": s.comment}


@api.get("/plans/{plan_id}/submissions", response=list[SubmissionOut], tags=["values"])
def list_submissions(request, plan_id: int):
    """The review state of each unit's data under this plan that the user may see."""
    plan, _rights = get_plan_for_user(request, plan_id)
    visible = visible_units(request.user).values_list("pk", flat=True)
    return [_submission(s) for s in plan.submissions.filter(unit_id__in=visible).select_related("unit")]


@api.post("/plans/{plan_id}/submissions", response=SubmissionOut, tags=["values"])
def change_submission(request, plan_id: int, payload: SubmissionIn):
    """Submit a year's data for review, or approve, return (comment required) or reopen it."""
    plan, _rights = get_plan_for_user(request, plan_id)
    unit, _r = get_unit_for_user(request, payload.unit_code or plan.unit.code, by_code=True)
    if payload.action == "submit":
        return _submission(value_actions.do_submit(unit, plan, payload.year, acting_user=request.user))
    submission = Submission.objects.filter(unit=unit, plan=plan, year=payload.year).first()
    do = {"approve": value_actions.do_approve, "accept": value_actions.do_accept, "return": value_actions.do_return,
          "reopen": value_actions.do_reopen}.get(payload.action)
    if do is None:
        raise ActionError({"action": ["submit, approve, accept, return, reopen"]})
    if submission is None:
        raise Http404("submission")
    return _submission(do(submission, acting_user=request.user, comment=payload.comment))


@api.get("/plans/{plan_id}/evaluations", tags=["evaluations"])
def evaluations(request, plan_id: int, unit_code: str | None = None, as_of: int | None = None,
                du_lieu: Literal["da_duyet", "moi_nhat"] = "da_duyet"):
    """The evaluation of each key indicator with a target (chitieu.core.evaluate), from approved
    values; ``du_lieu=moi_nhat`` evaluates the latest values entered, approved or not."""
    plan, _rights = get_plan_for_user(request, plan_id)
    unit = plan.unit
    if unit_code:
        unit, _r = get_unit_for_user(request, unit_code, by_code=True)
        if not Plan.objects.covers(plan, unit):
            raise Http404("unit")
    core_plan = plan.to_core(unit=unit, as_of=as_of, approved_only=du_lieu != "moi_nhat")
    return {"unit_code": unit.code, "period": plan.period, "du_lieu": du_lieu,
            "evaluations": [evaluation_as_dict(e) for e in evaluate_plan(core_plan, parts=True)]}
api.add_router("/exchange/", "chitieu.web.exchange.api.router")  # DHIS2 data value sets, open data
api.add_router("/", "chitieu.web.plans.api.router")  # assigned figures (chỉ tiêu giao)
api.add_router("/", "chitieu.web.tasks.api.router")  # plan tasks and TTHC statistics
api.add_router("/review/", "chitieu.web.values.api.router")  # approval by level, bulk decisions
