"""Data entry (the whole sheet, or one row via htmx), submission, review and value history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.web.access import (
    get_followed_plan,
    get_submission_for_user,
    get_unit_for_user,
    rights_on,
    visible_unit_ids,
)
from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.values import actions
from chitieu.web.values.entry import build_rows, rows_from_post
from chitieu.web.values.models import STATUS_CHOICES, Submission, Value


def _unit_plan_year(request, unit_id, plan_id, year):
    unit, rights = get_unit_for_user(request, unit_id)
    plan = get_followed_plan(request, unit, plan_id)
    if year not in plan.years:
        raise Http404("year")
    return unit, rights, plan


def _context(unit, rights, plan, year, rows):
    submission = Submission.objects.filter(unit=unit, plan=plan, year=year).first()
    editable = rights.write and (submission is None or submission.editable)
    return {
        "unit": unit, "rights": rights, "plan": plan, "year": year, "rows": rows, "submission": submission,
        "editable": editable, "statuses": STATUS_CHOICES, "years": plan.years,
        "entered": sum(1 for row in rows if row.value_id is not None),  # stored values, not what was just typed
    }


@login_required
def entry(request, unit_id: int, plan_id: int, year: int):
    unit, rights, plan = _unit_plan_year(request, unit_id, plan_id, year)
    if request.method == "POST":
        if not rights.write:
            raise Http404("unit")  # a viewer's or reviewer's form does not exist
        codes = list(plan.targets.values_list("indicator__code", flat=True))
        posted = rows_from_post(request.POST, codes)
        try:
            changed = actions.do_save_values(unit, plan, year, list(posted.values()), acting_user=request.user)
        except ActionError as exc:
            ctx = _context(unit, rights, plan, year, build_rows(unit, plan, year, posted, exc.errors))
            ctx["refused"] = True
            ctx["form_errors"] = exc.for_field("__all__") + exc.for_field("year")
            return render(request, "values/entry.html", ctx, status=400)
        messages.success(request, _("Đã lưu %(n)d số liệu.") % {"n": len(changed)})
        return redirect("values:entry", unit.pk, plan.pk, year)
    return render(request, "values/entry.html", _context(unit, rights, plan, year, build_rows(unit, plan, year)))


@login_required
@require_POST
def entry_row(request, unit_id: int, plan_id: int, year: int):
    """Save the one row the form holds (htmx); the row comes back saved, or as typed with its message."""
    unit, rights, plan = _unit_plan_year(request, unit_id, plan_id, year)
    if not rights.write:
        raise Http404("unit")
    code = request.POST.get("row", "")
    posted = rows_from_post(request.POST, [code])  # the sheet's other rows travel along; only this one is saved
    if not posted or not plan.targets.filter(indicator__code=code).exists():
        raise Http404("row")
    errors, saved = {}, False
    try:
        actions.do_save_values(unit, plan, year, list(posted.values()), acting_user=request.user)
        saved = True
    except ActionError as exc:
        errors = exc.errors
    rows = build_rows(unit, plan, year, None if saved else posted, errors)
    row = next(r for r in rows if r.code == code)
    if errors and not row.errors:
        row.errors = {"value": [m for msgs in errors.values() for m in msgs]}
    ctx = _context(unit, rights, plan, year, rows)
    ctx.update(row=row, saved=saved)
    return render(request, "values/entry.html#entry-row", ctx)


@login_required
@require_POST
def submit(request, unit_id: int, plan_id: int, year: int):
    unit, rights, plan = _unit_plan_year(request, unit_id, plan_id, year)
    if not rights.write:
        raise Http404("unit")
    try:
        actions.do_submit(unit, plan, year, acting_user=request.user)
    except ActionError as exc:
        messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
    else:
        messages.success(request, _("Đã gửi số liệu năm %(year)d để kiểm tra.") % {"year": year})
    return redirect("values:entry", unit.pk, plan.pk, year)


@login_required
def review(request, submission_id: int):
    submission, rights = get_submission_for_user(request, submission_id)
    if request.method == "POST":
        if not rights.review:
            raise PermissionDenied
        decision = request.POST.get("decision")
        comment = request.POST.get("comment", "")
        do = {"approve": actions.do_approve, "return": actions.do_return, "reopen": actions.do_reopen}.get(decision)
        if do is None:
            raise PermissionDenied
        try:
            do(submission, acting_user=request.user, comment=comment)
        except ActionError as exc:
            messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
        else:
            messages.success(request, _("Đã cập nhật trạng thái: %(state)s.") % {"state": submission.get_state_display()})
        return redirect("values:review", submission.pk)
    rows = build_rows(submission.unit, submission.plan, submission.year)
    return render(request, "values/review.html", {
        "submission": submission, "rights": rights, "rows": rows, "unit": submission.unit, "plan": submission.plan,
        "year": submission.year,
    })


@login_required
def review_list(request):
    ids = visible_unit_ids(request.user)
    qs = Submission.objects.select_related("unit", "plan", "plan__unit").order_by("state", "unit__code", "year")
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    items = [s for s in qs if rights_on(request.user, s.unit).review]
    return render(request, "values/review_list.html", {"submissions": items})


@login_required
def history(request, value_id: int):
    try:
        value = Value.objects.select_related("unit", "indicator").get(pk=value_id)
    except Value.DoesNotExist:
        raise Http404("value") from None
    get_unit_for_user(request, value.unit_id)
    rows = AuditLog.objects.filter(object_type="values.value", object_id=str(value.pk)).select_related("actor")
    return render(request, "values/history.html", {"value": value, "rows": rows})
