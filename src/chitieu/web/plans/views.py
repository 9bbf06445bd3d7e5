"""A plan's targets: shown with what the parser understood, edited one at a time (htmx)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.web.access import get_plan_for_user, get_unit_for_user
from chitieu.web.catalog.models import Indicator
from chitieu.web.errors import ActionError
from chitieu.web.plans.actions import do_create_plan, do_set_assigned, do_set_target
from chitieu.web.plans.forms import AssignedForm, PlanForm


@login_required
def plan_new(request, unit_id: int):
    unit, rights = get_unit_for_user(request, unit_id)
    if not rights.manage:
        raise PermissionDenied
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            plan = do_create_plan(unit, base_year=d["base_year"], final_year=d["final_year"], kind=d["kind"],
                                  title=d["title"], source=d["source"], acting_user=request.user)
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    form.add_error(key if key in form.fields else None, m)
        else:
            return redirect("plans:targets", plan.pk)
    return render(request, "plans/new.html", {"form": form, "unit": unit})


@login_required
def plan_targets(request, plan_id: int):
    plan, rights = get_plan_for_user(request, plan_id)
    return render(request, "plans/targets.html", _page(plan, rights))


def _understood(target) -> None:
    """What the system understood of the target's phrase, on ``target.understood``; a stored phrase
    the parser cannot read (saved before phrases were checked) is marked, not a failed page."""
    try:
        target.understood = target.description()
        target.unreadable = bool(target.phrase) and target.parsed() is None
    except Exception:  # noqa: BLE001 - a page lists every target whatever one stored phrase holds
        target.understood, target.unreadable = "", True


def _page(plan, rights) -> dict:
    targets = list(plan.targets.select_related("indicator").prefetch_related("assigned"))
    for t in targets:
        _understood(t)
    used = {t.indicator_id for t in targets}
    return {
        "plan": plan, "rights": rights, "targets": targets,
        "indicators": Indicator.objects.exclude(pk__in=used).order_by("code") if rights.manage else [],
        "assigned_targets": [t for t in targets if t.takes_assigned],
        "years": list(range(plan.base_year + 1, plan.final_year + 1)),
    }


@login_required
@require_POST
def assigned_save(request, plan_id: int, target_id: int):
    """An officer enters the figure assigned for a year with its document (``do_set_assigned``)."""
    plan, rights = get_plan_for_user(request, plan_id)
    if not rights.write:
        raise PermissionDenied
    target = get_object_or_404(plan.targets.select_related("indicator", "plan"), pk=target_id)
    form = AssignedForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            do_set_assigned(target, d["year"], d["value"], doc_kind=d["doc_kind"], doc_number=d["doc_number"],
                            doc_date=d["doc_date"], issuer=d["issuer"], acting_user=request.user)
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    form.add_error(key if key in form.fields else None, m)
    if form.errors:
        ctx = _page(plan, rights)
        errs = [m for msgs in form.errors.values() for m in msgs]
        ctx["assigned_errors"] = {target.pk: errs}
        if not target.takes_assigned:
            ctx["assigned_error"] = " ".join(errs)
        return render(request, "plans/targets.html", ctx, status=400)
    messages.success(request, _("Đã lưu chỉ tiêu giao năm %(year)s của %(code)s.") % {
        "year": form.cleaned_data["year"], "code": target.indicator.code})
    return redirect("plans:targets", plan.pk)


@login_required
@require_POST
def target_save(request, plan_id: int):
    plan, rights = get_plan_for_user(request, plan_id)
    if not rights.manage:
        raise PermissionDenied
    code = request.POST.get("indicator", "")
    phrase = request.POST.get("phrase", "")
    indicator = Indicator.objects.filter(code=code).first()
    error = None
    target = None
    if indicator is None:
        error = _("Chỉ tiêu “%(code)s” không có trong danh mục.") % {"code": code}
    else:
        try:
            target = do_set_target(plan, indicator, phrase, acting_user=request.user)
        except ActionError as exc:
            error = " ".join(exc.for_field("phrase") or [str(exc)])
    if request.htmx and indicator is not None:
        # htmx swaps only successful responses: the row comes back with the message beside the field
        current = target or plan.targets.select_related("indicator").filter(indicator=indicator).first()
        if current is not None:
            current.error, current.typed, current.saved = error, phrase, error is None
            _understood(current)
            return render(request, "plans/targets.html#target-row", {"plan": plan, "rights": rights, "t": current})
    if error:
        ctx = _page(plan, rights)
        for t in ctx["targets"]:
            if t.indicator.code == code:
                t.error, t.typed = error, phrase
        ctx["new_error"] = error if not any(t.indicator.code == code for t in ctx["targets"]) else None
        ctx["new_typed"] = phrase
        return render(request, "plans/targets.html", ctx, status=400)
    messages.success(request, _("Đã lưu chỉ tiêu %(code)s.") % {"code": code})
    return redirect("plans:targets", plan.pk)
