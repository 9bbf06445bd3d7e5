"""The validation rules page: every user reads the rules that apply; those who may edit the
catalogue add and change them (``actions.do_save_rule``, audited)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from chitieu.web.access import may_edit_catalogue
from chitieu.web.errors import ActionError
from chitieu.web.rules.actions import do_save_rule
from chitieu.web.rules.forms import RuleForm
from chitieu.web.rules.models import ValidationRule


def _initial(rule: ValidationRule) -> dict:
    return {"name": rule.name, "kind": rule.kind, "codes": ", ".join(rule.codes), "tier": rule.tier,
            "minimum": "" if rule.minimum is None else str(rule.minimum).replace(".", ","),
            "maximum": "" if rule.maximum is None else str(rule.maximum).replace(".", ","),
            "tolerance": str(rule.tolerance).replace(".", ",")}


@login_required
def rule_list(request, pk: int | None = None):
    can_edit = may_edit_catalogue(request.user)
    rule = get_object_or_404(ValidationRule, pk=pk) if pk is not None else None
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    if rule is not None and not can_edit:
        raise PermissionDenied
    form = RuleForm(request.POST or None, initial=_initial(rule) if rule else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            saved = do_save_rule(
                acting_user=request.user, name=data["name"], kind=data["kind"], codes=form.code_list(),
                minimum=data["minimum"], maximum=data["maximum"],
                tolerance=1 if data["tolerance"] is None else data["tolerance"], tier=data["tier"] or "",
                rule=rule)
        except ActionError as exc:
            for field, errors in exc.errors.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Đã lưu quy tắc “%(name)s”.") % {"name": saved.name})
            return redirect("rules:list")
    return render(request, "rules/list.html", {
        "rules": ValidationRule.objects.all(), "form": form if can_edit else None, "editing": rule,
        "can_edit": can_edit,
    })
