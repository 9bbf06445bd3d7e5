"""The exchange endpoints of the JSON API (mounted at /api/exchange/ by ``chitieu.web.api``):
DHIS2 data value sets out (JSON or CSV, streamed) and in (JSON or CSV body, ``dryRun``,
``skipInvalid``), and the open-data tables (CSV or JSON, streamed). Same access and actions
as the pages: a unit or plan the user may not see is a 404, a value they may not write is
ignored with its reason or refuses the set."""

from __future__ import annotations

from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from ninja import Router

from chitieu.exchange import dhis2 as d2fmt
from chitieu.exchange import tidy
from chitieu.web.exchange import dhis2, opendata
from chitieu.web.exchange.scope import make_scope, parse_years

router = Router(tags=["exchange"])


def _scope(request, unit, plan, years):
    try:
        parsed = parse_years(years)
    except ValueError:
        return None
    return make_scope(request.user, unit_code=unit or None,
                      plan_id=plan, years=parsed)


@router.get("/dataValueSets", summary="DHIS2 data value set (JSON or CSV)")
def data_value_sets(request, unit: str | None = None, plan: int | None = None, years: str | None = None,
                    format: str = "json"):
    scope = _scope(request, unit, plan, years)
    if scope is None:
        return HttpResponseBadRequest("years")
    rows = dhis2.export_values(scope)
    if format == "csv":
        return StreamingHttpResponse(d2fmt.iter_csv(rows), content_type="text/csv; charset=utf-8")
    return StreamingHttpResponse(d2fmt.iter_json(rows), content_type="application/json")


@router.post("/dataValueSets", summary="Import a DHIS2 data value set (409 with every problem when refused)")
def import_data_value_sets(request, dryRun: bool = False, skipInvalid: bool = False):  # noqa: N803 - DHIS2's names
    kind = "csv" if "csv" in (request.content_type or "") else "json"
    user = request.user
    try:
        values = dhis2.read_set(request.body, kind)
        summary = dhis2.import_set(values, user, dry_run=dryRun, skip_invalid=skipInvalid)
    except dhis2.SetRefused as exc:
        return JsonResponse({"status": "ERROR", "errors": exc.errors}, status=409)
    return summary.as_dict()


@router.get("/open/{table}", summary="Open data: values or evaluations as tidy CSV or JSON")
def open_table(request, table: str, unit: str | None = None, plan: int | None = None, years: str | None = None,
               format: str = "csv"):
    if table not in ("values", "evaluations"):
        return HttpResponseBadRequest("table")
    scope = _scope(request, unit, plan, years)
    if scope is None:
        return HttpResponseBadRequest("years")
    rows = opendata.MAKERS[table](scope)
    if format == "json":
        return StreamingHttpResponse(tidy.iter_json(table, rows), content_type="application/json")
    return StreamingHttpResponse(tidy.iter_csv(table, rows), content_type="text/csv; charset=utf-8")
