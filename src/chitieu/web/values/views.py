"""Data entry (the whole sheet, or one row via htmx), submission, the review queue and page, bulk
approval, completeness with partial roll-ups, and value history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chitieu.web.access import (
    get_followed_plan,
    get_submission_for_user,
    get_unit_for_user,
    unit_ids_with,
)
from chitieu.web.audit.models import AuditLog
from chitieu.web.errors import ActionError
from chitieu.web.values import actions, completeness
from chitieu.web.values.entry import build_rows, prepare_for_sheet, rows_from_post
from chitieu.web.values.models import STATUS_CHOICES, Submission, Value
from chitieu.web.values.review import queue, review_rows


def _unit_plan_year(request, unit_id, plan_id, year):
    unit, rights = get_unit_for_user(request, unit_id)
    plan = get_followed_plan(request, unit, plan_id)
    if year not in plan.years:
        raise Http404("year")
    return unit, rights, plan


def _sheet_text() -> dict[str, str]:
    """The words every row of the sheet repeats, translated once per page rather than per row."""
    return {
        "in_which": _("Trong đó:"), "returned": _("Trả lại"), "yes": _("Đạt"), "no": _("Chưa đạt"),
        "value": _("Giá trị"), "source": _("Nguồn"), "note": _("Ghi chú"), "save_row": _("Lưu dòng"),
        "saved": _("Đã lưu"), "invalid": _("Số liệu không hợp lệ"), "history": _("lịch sử"),
    }


def _context(unit, rights, plan, year, rows, *, check: bool = True):
    """What the sheet's template needs; ``check=False`` for a single row sent back after its
    save, which shows no check of the year (the rules and completeness are read for the page)."""
    from chitieu.web.rules.checking import check_year
    from chitieu.web.values.review import returned_codes

    submission = Submission.objects.filter(unit=unit, plan=plan, year=year).first()
    editable = rights.write and (submission is None or submission.editable)
    returned = returned_codes(submission) if submission and submission.state == Submission.State.RETURNED else set()
    comments = {}
    if submission is not None:
        for c in submission.value_comments.select_related("indicator").filter(resolved=False):
            comments.setdefault(c.indicator.code, []).append(c)
    for row in rows:
        row.comments = comments.get(row.code, [])
        if returned and row.code not in returned and not row.locked:
            row.locked = _("Chỉ sửa các chỉ tiêu bị trả lại.")
    prepare_for_sheet(rows, STATUS_CHOICES)
    return {
        "check": check_year(unit, plan, year) if editable and check else None, "returned": returned,
        "unit": unit, "rights": rights, "plan": plan, "year": year, "rows": rows, "submission": submission,
        "editable": editable, "statuses": STATUS_CHOICES, "years": plan.years,
        "entered": sum(1 for row in rows if row.value_id is not None),  # stored values, not what was just typed
        "text": _sheet_text(), "row_url": reverse("values:entry_row", args=[unit.pk, plan.pk, year]), "saved": False,
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
    rows = build_rows(unit, plan, year, None if saved else posted, errors, only=code)
    row = next(r for r in rows if r.code == code)
    if errors and not row.errors:
        row.errors = {"value": [m for msgs in errors.values() for m in msgs]}
    ctx = _context(unit, rights, plan, year, rows, check=False)
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


_DECISIONS = {"approve": actions.do_approve, "accept": actions.do_accept, "return": actions.do_return,
              "reopen": actions.do_reopen}


@login_required
def review(request, submission_id: int):
    submission, rights = get_submission_for_user(request, submission_id)
    if request.method == "POST":
        if not rights.review:
            raise PermissionDenied
        decision = request.POST.get("decision")
        comment = request.POST.get("comment", "")
        do = _DECISIONS.get(decision)
        if do is None:
            raise PermissionDenied
        kwargs = {}
        if decision == "return":
            # values ticked for return, each with its own comment (comment-<code>)
            kwargs["values"] = {code: request.POST.get(f"comment-{code}", "")
                                for code in request.POST.getlist("return_code")}
        try:
            do(submission, acting_user=request.user, comment=comment, **kwargs)
        except ActionError as exc:
            messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
        else:
            messages.success(request, _("Đã cập nhật trạng thái: %(state)s.") % {"state": submission.get_state_display()})
        return redirect("values:review", submission.pk)
    rows, checked = review_rows(submission)
    from chitieu.web.values import levels

    return render(request, "values/review.html", {
        "submission": submission, "rights": rights, "rows": rows, "check": checked, "unit": submission.unit,
        "plan": submission.plan, "year": submission.year,
        "may_accept": rights.review and levels.acts_for_province(request.user, submission.unit),
        "approving_unit": levels.approving_unit(submission.unit), "province": levels.province_of(submission.unit),
        "middle": levels.has_middle_level(submission.unit),
    })


@login_required
@require_POST
def comment_value(request, submission_id: int):
    submission, rights = get_submission_for_user(request, submission_id)
    if not rights.review:
        raise PermissionDenied
    try:
        actions.do_comment_value(submission, request.POST.get("code", ""), request.POST.get("text", ""),
                                 acting_user=request.user)
    except ActionError as exc:
        messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
    return redirect("values:review", submission.pk)


@login_required
def review_list(request):
    state = request.GET.get("state", "")
    if state not in {s.value for s in Submission.State}:
        state = ""
    try:
        town = int(request.GET.get("town", "") or 0) or None
    except ValueError:
        town = None
    try:
        page = int(request.GET.get("page", "") or 1)
    except ValueError:
        page = 1
    q = queue(request.user, state=state, town_id=town, page=page)
    return render(request, "values/review_list.html", {
        "queue": q, "submissions": q.submissions, "state": state, "town": town, "states": Submission.State.choices,
    })


@login_required
@require_POST
def bulk(request):
    """Approve, accept or return the ticked submissions, or every one of a town (``town``)."""
    decision = request.POST.get("decision", "")
    ids = unit_ids_with(request.user, "review")
    qs = Submission.objects.select_related("unit", "plan")
    if ids is not None:
        qs = qs.filter(unit_id__in=ids)
    town = request.POST.get("town", "")
    if town:
        try:
            town_id = int(town)
        except ValueError:
            raise Http404("town") from None
        qs = qs.filter(Q(unit_id=town_id) | Q(unit__parent_id=town_id))
        year = request.POST.get("year", "")
        if year.isdigit():
            qs = qs.filter(year=int(year))
    else:
        chosen = [int(x) for x in request.POST.getlist("ids") if x.isdigit()]
        qs = qs.filter(pk__in=chosen)
    items = list(qs)
    if not items:
        raise Http404("submission")  # nothing the user reviews was named
    try:
        done = actions.do_bulk(decision, items, acting_user=request.user, comment=request.POST.get("comment", ""))
    except ActionError as exc:
        messages.error(request, " ".join(m for msgs in exc.errors.values() for m in msgs))
    else:
        messages.success(request, _("Đã cập nhật %(n)d hồ sơ.") % {"n": len(done)})
    return redirect("values:review_list")


@login_required
def completeness_page(request, unit_id: int, plan_id: int, year: int):
    unit, rights, plan = _unit_plan_year(request, unit_id, plan_id, year)
    latest = request.GET.get("du_lieu") == "moi_nhat"
    m = completeness.matrix(unit, plan, year)
    targets = list(plan.targets.select_related("indicator__numerator", "indicator__denominator", "indicator__weight",
                                               "indicator").order_by("order", "indicator__code"))
    totals = completeness.partial_rollups(unit, [t.indicator for t in targets], year, approved_only=not latest)
    return render(request, "values/completeness.html", {
        "unit": unit, "plan": plan, "year": year, "years": plan.years, "matrix": m, "totals": totals,
        "rights": rights, "latest": latest,
    })


@login_required
def history(request, value_id: int):
    try:
        value = Value.objects.select_related("unit", "indicator").get(pk=value_id)
    except Value.DoesNotExist:
        raise Http404("value") from None
    get_unit_for_user(request, value.unit_id)
    rows = AuditLog.objects.filter(object_type="values.value", object_id=str(value.pk)).select_related("actor")
    return render(request, "values/history.html", {"value": value, "rows": rows})
