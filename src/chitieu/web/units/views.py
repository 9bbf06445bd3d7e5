"""Units the user may see (as a tree by level), one unit with its children, lineage and plans,
and the one entry point to the current year's data entry."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chitieu.web.access import get_unit_for_user, rights_on, visible_units
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import COMMUNE_LEVELS, DISTRICT_LEVELS, PROVINCE_LEVELS


def _level_rank(level: str) -> int:
    return 0 if level in PROVINCE_LEVELS else 1 if level in DISTRICT_LEVELS else 2 if level in COMMUNE_LEVELS else 3


def unit_tree(units) -> list[tuple[object, int]]:
    """``units`` as (unit, depth) in tree order: each unit followed by the units under it,
    siblings by level then code (numbers compared as numbers: "42" before "436" before "18070"),
    ended units after the living ones. A unit whose parent is not visible is a root."""
    units = list(units)
    ids = {u.pk for u in units}
    children: dict[int | None, list] = {}
    for u in units:
        children.setdefault(u.parent_id if u.parent_id in ids else None, []).append(u)

    def key(u):
        return (u.valid_to is not None, _level_rank(u.level), len(u.code), u.code)

    out: list[tuple[object, int]] = []

    def walk(parent_id, depth):
        for u in sorted(children.get(parent_id, []), key=key):
            out.append((u, depth))
            walk(u.pk, depth + 1)

    walk(None, 0)
    return out


@login_required
def unit_list(request):
    units = visible_units(request.user).select_related("parent")
    return render(request, "units/list.html", {"tree": unit_tree(units)})


def current_entry_year(plan) -> int:
    """The year data entry is about now: the latest year of the plan that has started."""
    return max(plan.base_year, min(plan.final_year, datetime.date.today().year))


def entry_plan(unit):
    """The plan the unit enters this year's data under: the newest followed plan whose years
    include the current year (its own first), else the newest."""
    plans = list(Plan.objects.followed_by(unit))
    this = datetime.date.today().year
    covering = [p for p in plans if this in p.years]
    return (covering or plans or [None])[0]


@login_required
def my_entry(request):
    """"Nhập số liệu năm nay": the current year's sheet of the unit the user enters data for."""
    from chitieu.web.accounts.models import WRITE_ROLES, Membership

    memberships = (Membership.objects.filter(user=request.user, role__in=WRITE_ROLES)
                   .select_related("unit", "unit__parent").order_by("unit__code"))
    units = sorted((m.unit for m in memberships), key=lambda u: -_level_rank(u.level))  # the ward before the town
    for unit in units:
        if unit.valid_to is not None or not rights_on(request.user, unit).write:
            continue
        plan = entry_plan(unit)
        if plan is not None:
            return redirect("values:entry", unit.pk, plan.pk, current_entry_year(plan))
    messages.info(request, _("Đơn vị của anh/chị chưa có kế hoạch để nhập số liệu."))
    return redirect("units:list")


@login_required
def unit_detail(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    plans = list(Plan.objects.followed_by(unit))
    main = entry_plan(unit) if plans else None
    return render(request, "units/detail.html", {
        "unit": unit,
        "rights": rights,
        "children": sorted(unit.children.all(), key=lambda u: (u.valid_to is not None, len(u.code), u.code)),
        "created_by": unit.created_by.prefetch_related("predecessors"),
        "ended_by": unit.ended_by.prefetch_related("successors"),
        "plans": plans,
        "entry_plan": main,
        "entry_year": current_entry_year(main) if main else None,
        "read_only": rights.see and not (rights.write or rights.review or rights.manage) and unit.valid_to is not None,
    })
