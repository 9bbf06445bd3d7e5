"""Dashboard views: the home page, a unit's scorecard for a plan, an indicator page, the
comparison of child units, and data-entry progress. Thin: access through
``chitieu.web.access`` (404 to outsiders), data from ``loading``, decisions in ``scorecard``.
Every page evaluates approved values unless asked for the latest ones (``?du_lieu=moi_nhat``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from chitieu.core.series import Observation, ValueStatus
from chitieu.web.access import get_unit_for_user, visible_units
from chitieu.web.catalog.models import Indicator
from chitieu.web.dashboards import loading
from chitieu.web.dashboards import scorecard as sc
from chitieu.web.dashboards.templatetags.dashboard_tags import CODE_SLOT
from chitieu.web.evaluations import version as plan_versions
from chitieu.web.plans.models import Plan
from chitieu.web.tasks.models import today as task_today
from chitieu.web.tasks.queries import tasks_serving
from chitieu.web.values.completeness import reported_units
from chitieu.web.values.history import former_units_note
from chitieu.web.values.models import Value


def _year_param(request, plan: Plan) -> int | None:
    raw = request.GET.get("year") or request.GET.get("as_of")
    if not raw:
        return None
    try:
        year = int(raw)
    except ValueError:
        raise Http404("year") from None
    if year not in plan.years:
        raise Http404("year")
    return year


def _unit_and_plan(request, unit_id: int, plan_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    plan = loading.plan_for_unit(plan_id, unit)
    return unit, rights, plan


@require_GET
@login_required
def home(request):
    """The plans of every unit the user may see, each with its summary and this year's progress."""
    units = visible_units(request.user)
    latest = loading.latest_requested(request)
    plans = list(Plan.objects.filter(unit__in=units).select_related("unit").order_by("unit__code", "-final_year"))
    cards = []
    # every (plan, its unit) version at once
    versions = plan_versions.current_many((p.pk, p.unit_id) for p in plans)
    for plan in plans:
        card = loading.scorecard_for(plan, plan.unit, latest=latest, version=versions[(plan.pk, plan.unit_id)])
        year = loading.current_year(plan)
        cards.append({"plan": plan, "unit": plan.unit, "summary": card.summary, "year": year,
                      "progress": loading.progress_for(plan, plan.unit, year)})
    followers = loading.followers(units, plans)
    return render(request, "dashboards/home.html", {"cards": cards, "followers": followers, **_data_mode(latest)})


def _data_mode(latest: bool) -> dict:
    """What every dashboard page needs to show and switch which data it evaluates."""
    return {"latest": latest, "data_param": loading.DATA_PARAM, "latest_value": loading.LATEST}


@require_GET
@login_required
def scorecard(request, unit_id: int, plan_id: int):
    unit, rights, plan = _unit_and_plan(request, unit_id, plan_id)
    as_of = _year_param(request, plan)
    latest = loading.latest_requested(request)
    version = plan_versions.current(plan.pk, unit.pk)
    key = loading.scorecard_key(plan, unit, as_of, latest=latest, version=version)
    card = loading.scorecard_for(plan, unit, as_of, key=key, latest=latest, version=version)
    year = as_of or loading.current_year(plan)
    has_children = unit.children.exists()
    return render(request, "dashboards/scorecard.html", {
        "unit": unit, "plan": plan, "rights": rights, "card": card, "card_key": key, "as_of": as_of,
        "years": plan.years, "progress_year": year, "progress": loading.progress_for(plan, unit, year),
        "submission": plan.submissions.filter(unit=unit, year=year).first(),
        "has_children": has_children, **_data_mode(latest),
        # each row's links, from one reversed URL each (dashboard_tags.with_code)
        "indicator_url": reverse("dashboards:indicator", args=[unit.pk, plan.pk, CODE_SLOT]),
        "comparison_url": reverse("dashboards:comparison", args=[unit.pk, plan.pk, CODE_SLOT]),
        # approved child units of the year (issue 15): the "x/y đơn vị" beside roll-ups
        "reporting": reported_units(unit, plan, year) if has_children else None,
        "former_note": former_units_note(unit),  # "2020-2024: cộng 4 đơn vị cũ (…)"
    })


@require_GET
@login_required
def indicator(request, unit_id: int, plan_id: int, code: str):
    unit, rights, plan = _unit_and_plan(request, unit_id, plan_id)
    as_of = _year_param(request, plan)
    latest = loading.latest_requested(request)
    card = loading.scorecard_for(plan, unit, as_of, latest=latest)
    item = sc.find_item(card.plan, code)
    if item is None:
        raise Http404("indicator")
    evaluation = card.evaluations.get(code)
    stored = list(Value.objects.filter(unit=unit, indicator__code=code).order_by("-year"))
    # a row that is not a readable number is listed as invalid, never evaluated (see values.models)
    observations = [Observation(v.year, float(v.value), ValueStatus(v.status)) for v in stored if v.is_valid]
    states = dict(plan.submissions.filter(unit=unit).values_list("year", "state"))
    workflow = {(v.year, str(v.status)): str(loading.state_label(states.get(v.year, loading.NOT_STARTED)))
                for v in stored}
    rows = sc.value_rows(observations, item.series, workflow, item.indicator)
    rows += [sc.ValueRow(year=v.year, value=_("Số liệu không hợp lệ") + f" ({v.value})",
                         status=ValueStatus(v.status), status_label=sc.value_status_label(ValueStatus(v.status)),
                         workflow=workflow.get((v.year, v.status), ""))
             for v in stored if not v.is_valid]
    rows.sort(key=lambda r: (-r.year, r.status))
    return render(request, "dashboards/indicator.html", {
        "unit": unit, "plan": plan, "rights": rights, "row": card.row(code), "item": item,
        "evaluation": evaluation,
        "former_note": former_units_note(unit, Indicator.objects.filter(code=code).first()),  # merged units
        "figures": [sc.figure_view(f) for f in evaluation.figures] if evaluation else [],
        "chart": sc.chart_data(item, card.plan, card.unapproved),
        "values": rows,
        "has_children": unit.children.exists(),
        "tasks": tasks_serving(unit, code, task_today()),  # the plan tasks that serve this indicator
        "as_of": as_of, **_data_mode(latest),
    })


@require_GET
@login_required
def comparison(request, unit_id: int, plan_id: int, code: str):
    unit, rights, plan = _unit_and_plan(request, unit_id, plan_id)
    year = _year_param(request, plan)
    latest = loading.latest_requested(request)
    comp, years, _indicator = loading.comparison_for(plan, unit, code, year, latest=latest)
    context = {**_data_mode(latest),
        "unit": unit, "plan": plan, "comp": comp, "years": years or plan.years,
        "chart": sc.comparison_chart(comp), "chart_id": f"comparison-data-{comp.year}", "code": code,
        "reported": sum(1 for r in comp.rows if r.value is not None), "of": len(comp.rows),
    }
    template = "dashboards/comparison.html#results" if request.htmx else "dashboards/comparison.html"
    return render(request, template, context)


@require_GET
@login_required
def progress(request, unit_id: int, plan_id: int):
    """Data-entry progress of the unit for each year of the plan, and of its child units."""
    unit, rights, plan = _unit_and_plan(request, unit_id, plan_id)
    year = _year_param(request, plan) or loading.current_year(plan)
    active = [child for child in unit.children.order_by("code") if child.is_active_in(year)]
    progress = loading.progress_for_units(plan, active, year)
    children = [(child, progress[child.pk]) for child in active]
    return render(request, "dashboards/progress.html", {
        "unit": unit, "plan": plan, "rows": loading.progress_by_year(plan, unit), "year": year,
        "children": children, "years": plan.years,
    })
