"""Units the user may see, and one unit with its children, lineage and plans."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from chitieu.web.access import get_unit_for_user, visible_units
from chitieu.web.plans.models import Plan


@login_required
def unit_list(request):
    units = visible_units(request.user).select_related("parent")
    return render(request, "units/list.html", {"units": units})


@login_required
def unit_detail(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    plans = Plan.objects.followed_by(unit)
    return render(request, "units/detail.html", {
        "unit": unit,
        "rights": rights,
        "children": unit.children.all(),
        "created_by": unit.created_by.prefetch_related("predecessors"),
        "ended_by": unit.ended_by.prefetch_related("successors"),
        "plans": plans,
    })
