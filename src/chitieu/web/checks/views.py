"""The draft checker's pages: a unit's checked drafts with the upload form, one draft's findings
(each with its passage, the figures marked, and the reviewer's mark), the mark of one finding,
and the draft as DOCX with Word comments. Thin: access through ``chitieu.web.access`` (404 to
outsiders, 403 to those who see the unit but may not check its drafts), the work in ``actions``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chitieu.extract import ExtractionError
from chitieu.web.access import get_unit_for_user, rights_on
from chitieu.web.checks import actions
from chitieu.web.checks.forms import DraftForm, GeneratedForm, MarkForm
from chitieu.web.checks.models import CheckedDraft, DraftFinding
from chitieu.web.checks.notes import DOCX_TYPE, build_notes, highlighted, notes_name
from chitieu.web.errors import ActionError
from chitieu.web.imports.reading import check_name_and_size, safe_name
from chitieu.web.plans.models import Plan

KIND_LABELS = {
    "ratio": gettext_lazy("Tỷ lệ"),
    "sum": gettext_lazy("Tổng"),
    "shares": gettext_lazy("Cơ cấu"),
    "growth": gettext_lazy("Tăng trưởng"),
    "same-indicator-two-values": gettext_lazy("Một chỉ tiêu hai số liệu"),
    "target-conflict": gettext_lazy("Hai chỉ tiêu khác nhau"),
    "verdict": gettext_lazy("Đánh giá đạt/không đạt"),
    "period": gettext_lazy("Sai kỳ"),
    "count": gettext_lazy("Số chỉ tiêu đạt"),
    "feasibility": gettext_lazy("Chỉ tiêu không thể cùng đạt"),
    "other": gettext_lazy("Khác"),
}


def _unit_to_check(request, unit_id):
    unit, rights = get_unit_for_user(request, unit_id)
    if not actions.may_check(rights):
        raise PermissionDenied
    return unit, rights


def get_draft_for_user(request, draft_id, *, with_file: bool = False) -> CheckedDraft:
    """The draft if the user may check its unit's drafts; 404 to whoever may not see the unit."""
    qs = CheckedDraft.objects.select_related("unit", "unit__parent", "plan", "uploaded_by")
    try:
        draft = (qs if with_file else qs.defer("file")).get(pk=draft_id)
    except (CheckedDraft.DoesNotExist, ValueError):
        raise Http404("draft") from None
    rights = rights_on(request.user, draft.unit)
    if not rights.see:
        raise Http404("draft")
    if not actions.may_check(rights):
        raise PermissionDenied
    return draft


def _error_text(exc: ExtractionError) -> str:
    return exc.en if (get_language() or "vi").startswith("en") else exc.vi


@login_required
@require_http_methods(["GET", "POST"])
def draft_list(request, unit_id: int):
    unit, _rights = _unit_to_check(request, unit_id)
    plans = Plan.objects.followed_by(unit)
    generating = request.method == "POST" and "gen-plan" in request.POST
    form = DraftForm(None if generating else (request.POST or None), request.FILES or None, plans=plans)
    gen_form = GeneratedForm(request.POST if generating else None, plans=plans)
    if generating and gen_form.is_valid():
        try:
            draft = actions.do_check_generated_report(unit, gen_form.cleaned_data["plan"], acting_user=request.user)
        except ActionError as exc:
            for m in exc.errors.get("plan", []) + exc.errors.get("__all__", []):
                gen_form.add_error("plan", m)
        except ExtractionError as exc:
            gen_form.add_error("plan", _error_text(exc))
        else:
            _say_checked(request, draft)
            return redirect("checks:detail", draft.pk)
    elif request.method == "POST" and not generating and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check_name_and_size(safe_name(upload.name), upload.size)  # before reading a huge file
            draft = actions.do_check_draft(unit, upload.name, upload.read(), plan=form.cleaned_data["plan"],
                                           acting_user=request.user)
        except ExtractionError as exc:
            form.add_error("file", _error_text(exc))
        else:
            _say_checked(request, draft)
            return redirect("checks:detail", draft.pk)
    drafts = (unit.checked_drafts.defer("file", "lines").select_related("uploaded_by", "plan")
              .annotate(n_findings=Count("findings"),
                        n_errors=Count("findings", filter=Q(findings__severity="error")),
                        n_marked=Count("findings", filter=~Q(findings__mark=""))))
    return render(request, "checks/list.html", {"unit": unit, "form": form, "gen_form": gen_form, "drafts": drafts,
                                                "has_plans": plans.exists()},
                  status=400 if form.errors or gen_form.errors else 200)


def _say_checked(request, draft) -> None:
    n = draft.findings.count()
    if n:
        messages.info(request, _("Đã kiểm tra “%(name)s”: %(n)d chỗ số liệu cần xem lại.") % {
            "name": draft.file_name, "n": n})
    else:
        messages.success(request, _("Đã kiểm tra “%(name)s”: không thấy số liệu nào tự mâu thuẫn.") % {
            "name": draft.file_name})


@dataclass
class Card:
    """One finding as the page shows it."""

    f: DraftFinding
    kind: str
    passages: list[tuple[int, list[tuple[str, bool]]]]  # (line, pieces with the figures flagged)
    form: MarkForm


def _card(f: DraftFinding, lines: list[str], form: MarkForm | None = None) -> Card:
    shown = []
    for n in dict.fromkeys(f.lines):
        if 0 < n <= len(lines):
            shown.append((n, highlighted(lines[n - 1], f.figures)))
    return Card(f, str(KIND_LABELS.get(f.kind, f.kind)), shown,
                form or MarkForm(initial={"mark": f.mark, "comment": f.comment}, prefix=f"f{f.pk}"))


@login_required
@require_GET
def draft_detail(request, draft_id: int):
    draft = get_draft_for_user(request, draft_id)
    lines = list(draft.lines)
    cards = [_card(f, lines) for f in draft.findings.select_related("marked_by").order_by("position")]
    versions = (CheckedDraft.objects.filter(unit=draft.unit, file_name=draft.file_name).defer("file", "lines")
                .order_by("-uploaded_at", "-pk"))
    return render(request, "checks/detail.html", {
        "draft": draft, "unit": draft.unit, "cards": cards, "versions": versions,
        "n_errors": sum(1 for c in cards if c.f.severity == "error"),
    })


@login_required
@require_POST
def mark_finding(request, finding_id: int):
    try:
        finding = DraftFinding.objects.select_related("draft").get(pk=finding_id)
    except (DraftFinding.DoesNotExist, ValueError):
        raise Http404("finding") from None
    draft = get_draft_for_user(request, finding.draft_id)
    form = MarkForm(request.POST, prefix=f"f{finding.pk}")
    if form.is_valid():
        try:
            actions.do_mark_finding(finding, mark=form.cleaned_data["mark"] or "",
                                    comment=form.cleaned_data["comment"], acting_user=request.user)
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    form.add_error(key if key in form.fields else None, m)
        else:
            messages.success(request, _("Đã lưu đánh giá."))
            return redirect(reverse("checks:detail", args=[draft.pk]) + f"#finding-{finding.pk}")
    lines = list(draft.lines)
    cards = [_card(f, lines, form if f.pk == finding.pk else None)
             for f in draft.findings.select_related("marked_by").order_by("position")]
    return render(request, "checks/detail.html", {
        "draft": draft, "unit": draft.unit, "cards": cards, "versions": [],
        "n_errors": sum(1 for c in cards if c.f.severity == "error"),
    }, status=400)


@login_required
@require_GET
def draft_notes(request, draft_id: int):
    draft = get_draft_for_user(request, draft_id, with_file=True)
    data, _n = build_notes(draft)
    response = HttpResponse(data, content_type=DOCX_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, notes_name(draft))
    response["Cache-Control"] = "no-store"  # carries the marks of the moment
    return response
