"""The JSON API (django-ninja): units, indicators, plans, targets, values and evaluations.

Mounted at /api/ (OpenAPI at /api/openapi.json, docs at /api/docs). Authentication by
``Authorization: Bearer <token>`` (``accounts.ApiToken``) or the browser session, and throttling:
``accounts.api_auth`` (a bad, expired or revoked token is a 401, never a CSRF failure; a request
without any credentials counts against its address like a refused token). The same
access helpers as the UI decide what a user may see (404 otherwise) and write (403), and
writes go through the same actions. Lists come in pages and the heavy reads answer conditional
requests (``chitieu.web.api_lists``, docs/api.md).
"""

from __future__ import annotations

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Prefetch
from django.http import Http404
from django.utils import timezone
from ninja import NinjaAPI, Schema
from ninja.errors import Throttled
from ninja.pagination import paginate

from chitieu.commands.evaluate import evaluation_as_dict
from chitieu.core.options import in_words
from chitieu.web import api_lists
from chitieu.web.access import get_plan_for_user, get_unit_for_user, visible_units
from chitieu.web.accounts import api_auth
from chitieu.web.api_lists import Paged, Rows, conditional, page_digest
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.evaluations import store as stored_evaluations
from chitieu.web.evaluations import version as evaluation_versions
from chitieu.web.plans.actions import do_set_target
from chitieu.web.plans.models import Plan, PlanTarget
from chitieu.web.values import actions as value_actions
from chitieu.web.values.models import Submission, Value


def _anonymous(request):
    """No token and no session: counted against the client address with the refused tokens
    (``API_ANON_THROTTLE_RATE``, then 429), else the usual 401."""
    throttle = api_auth.RefusalThrottle()
    if not throttle.allow_request(request):
        raise Throttled(wait=throttle.wait())
    return None


api = NinjaAPI(title="chitieu API", version="1", urls_namespace="api",
               auth=[api_auth.BearerToken(), api_auth.SessionAuth(), _anonymous], throttle=[api_auth.UserThrottle()])
api_auth.install(api)
api_lists.install(api)


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
    decimals: int | None  # declared decimals; null: values are shown as entered
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
        "targets": [_target(t) for t in p.targets.all()],  # prefetched with their indicators: _plans()
    }


def _plans(qs):
    return qs.prefetch_related(Prefetch("targets", queryset=PlanTarget.objects.select_related("indicator")))


def _value(v: Value) -> dict:
    return {"id": v.pk, "unit_code": v.unit.code, "indicator": v.indicator.code, "year": v.year, "status": v.status,
            "value": float(v.value) if v.is_valid else None, "valid": v.is_valid, "version": v.version,
            "source": v.source, "note": v.note,
            "text": in_words(v.indicator.to_core(), float(v.value)) if v.is_valid else None}


@api.get("/units", response=list[UnitOut], tags=["units"])
@paginate(Paged)
def list_units(request):
    """The units the user may see, by code. Units carry no change time, so the ETag is the
    page's own digest: a 304 saves the transfer, not the reading of the page."""
    qs = visible_units(request.user).select_related("parent").prefetch_related("created_by__predecessors")
    return Rows(qs.order_by("code"), _unit,
                on_page=lambda items, count: conditional(request, page_digest(items, count)))


@api.get("/units/{code}", response=UnitOut, tags=["units"])
def get_unit(request, code: str):
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    return _unit(unit)


@api.get("/indicators", response=list[IndicatorOut], tags=["indicators"])
@paginate(Paged)
def list_indicators(request):
    return Rows(Indicator.objects.select_related("parent", "numerator", "denominator", "weight").order_by("code"),
                _indicator)


@api.get("/indicators/{code}", response=IndicatorOut, tags=["indicators"])
def get_indicator(request, code: str):
    try:
        return _indicator(Indicator.objects.get(code=code))
    except Indicator.DoesNotExist:
        raise Http404("indicator") from None


@api.get("/units/{code}/plans", response=list[PlanOut], tags=["plans"])
@paginate(Paged)
def list_plans(request, code: str):
    """The plans the unit works under: its own first, then those of the units above, newest first."""
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    return Rows(_plans(Plan.objects.followed_by(unit)), _plan)


@api.get("/plans/{plan_id}", response=PlanOut, tags=["plans"])
def get_plan(request, plan_id: int):
    plan, _rights = get_plan_for_user(request, plan_id)
    return _plan(_plans(Plan.objects.select_related("unit")).get(pk=plan.pk))


@api.get("/plans/{plan_id}/targets", response=list[TargetOut], tags=["plans"])
@paginate(Paged)
def list_targets(request, plan_id: int):
    plan, _rights = get_plan_for_user(request, plan_id)
    return Rows(plan.targets.select_related("indicator").order_by("order", "indicator__code"), _target)


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
@paginate(Paged)
def list_values(request, code: str, indicator: str | None = None, year: int | None = None):
    """The unit's stored values by indicator, year and status. ETag and Last-Modified from the
    count and the newest change of the rows asked for (one aggregate over the unit's rows)."""
    unit, _rights = get_unit_for_user(request, code, by_code=True)
    qs = Value.objects.filter(unit=unit)
    if indicator:
        qs = qs.filter(indicator__code=indicator)
    if year:
        qs = qs.filter(year=year)
    mark = qs.aggregate(n=Count("pk"), last=Max("updated_at"))
    conditional(request, mark["n"], mark["last"], modified=mark["last"])
    return Rows(qs.select_related("unit", "indicator", "indicator__parent", "indicator__numerator",
                                  "indicator__denominator", "indicator__weight")
                .order_by("indicator__code", "year", "status"), _value)


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
@paginate(Paged)
def list_submissions(request, plan_id: int):
    """The review state of each unit's data under this plan that the user may see, by unit and year."""
    plan, _rights = get_plan_for_user(request, plan_id)
    visible = visible_units(request.user).values_list("pk", flat=True)
    return Rows(plan.submissions.filter(unit_id__in=visible).select_related("unit").order_by("unit__code", "year"),
                _submission)


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


def _evaluation_mark(plan, unit) -> tuple[list, evaluation_versions.Version]:
    """What the evaluation of ``plan`` for ``unit`` depends on, in one query: the version of
    (plan, unit) (``evaluations.version``: its full key, both counters and both tokens, raised with
    every change of a value, review, target or unit the evaluation reads); the code that evaluates
    (``evaluations.store.CODE``); and today, which the default as-of year follows. Returns them
    with the version, which the evaluation is then read at."""
    version = evaluation_versions.current(plan.pk, unit.pk)
    return [version.key, stored_evaluations.CODE, timezone.localdate()], version


@api.get("/plans/{plan_id}/evaluations", tags=["evaluations"])
def evaluations(request, plan_id: int, unit_code: str | None = None, as_of: int | None = None,
                du_lieu: Literal["da_duyet", "moi_nhat"] = "da_duyet"):
    """The evaluation of each key indicator with a target (chitieu.core.evaluate), from approved
    values; ``du_lieu=moi_nhat`` evaluates the latest values entered, approved or not. Answers
    ``If-None-Match``/``If-Modified-Since`` with 304 before evaluating anything."""
    plan, _rights = get_plan_for_user(request, plan_id)
    unit = plan.unit
    if unit_code:
        unit, _r = get_unit_for_user(request, unit_code, by_code=True)
        if not Plan.objects.covers(plan, unit):
            raise Http404("unit")
    depends_on, version = _evaluation_mark(plan, unit)
    conditional(request, *depends_on, modified=version.changed_at)
    # stored when current (chitieu.web.evaluations), else computed: the same evaluations either way
    done = stored_evaluations.evaluated(plan, unit, as_of, approved_only=du_lieu != "moi_nhat", version=version)
    return {"unit_code": unit.code, "period": plan.period, "du_lieu": du_lieu,
            "evaluations": [evaluation_as_dict(e) for e in done.evaluations]}
api.add_router("/exchange/", "chitieu.web.exchange.api.router")  # DHIS2 data value sets, open data
api.add_router("/", "chitieu.web.plans.api.router")  # assigned figures (chỉ tiêu giao)
api.add_router("/", "chitieu.web.tasks.api.router")  # plan tasks and TTHC statistics
api.add_router("/review/", "chitieu.web.values.api.router")  # approval by level, bulk decisions
