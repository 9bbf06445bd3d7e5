"""The catalogue: list, create/edit (administrators), import and export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from chitieu.web.access import may_edit_catalogue
from chitieu.web.catalog import files
from chitieu.web.catalog.actions import do_import_indicators, do_save_indicator
from chitieu.web.catalog.forms import ImportForm, IndicatorForm
from chitieu.web.catalog.models import DOMAIN_LABELS, Indicator, code_is_valid
from chitieu.web.errors import ActionError


def _edit_url(indicator: Indicator) -> str:
    # a code stored before codes were checked ("A/B") cannot be put in the URL: edit it by id
    if code_is_valid(indicator.code):
        return reverse("catalog:edit", args=[indicator.code])
    return reverse("catalog:edit_by_id", args=[indicator.pk])


@login_required
def indicator_list(request):
    indicators = list(Indicator.objects.select_related("parent").order_by("domain", "code"))
    can_edit = may_edit_catalogue(request.user)
    for i in indicators:
        i.code_ok = code_is_valid(i.code)
        i.edit_url = _edit_url(i) if can_edit else ""
    groups = [(label, [i for i in indicators if i.domain == key]) for key, label in DOMAIN_LABELS.items()]
    known = set(DOMAIN_LABELS)
    stray = [i for i in indicators if i.domain not in known]
    if stray:
        groups.append((_("Lĩnh vực khác"), stray))
    return render(request, "catalog/list.html", {
        "groups": [(label, items) for label, items in groups if items],
        "can_edit": can_edit,
    })


def _require_editor(request):
    if not may_edit_catalogue(request.user):
        raise PermissionDenied


@login_required
def indicator_edit(request, code: str | None = None, pk: int | None = None):
    _require_editor(request)
    if pk is not None:
        instance = get_object_or_404(Indicator, pk=pk)
    else:
        instance = get_object_or_404(Indicator, code=code) if code else None
    form = IndicatorForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            do_save_indicator(form.instance, acting_user=request.user)
        except ActionError as exc:
            for key, msgs in exc.errors.items():
                for m in msgs:
                    form.add_error(None if key not in form.fields else key, m)
        else:
            messages.success(request, _("Đã lưu chỉ tiêu %(code)s.") % {"code": form.instance.code})
            return redirect("catalog:list")
    return render(request, "catalog/edit.html", {"form": form, "indicator": instance})


@login_required
def indicator_import(request):
    _require_editor(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = files.read_rows(upload.name, upload.read())
            counts = do_import_indicators(rows, acting_user=request.user)
        except ActionError as exc:
            errors = [m for msgs in exc.errors.values() for m in msgs]
        else:
            messages.success(request, _("Đã nhập danh mục: %(c)d chỉ tiêu mới, %(u)d cập nhật.") % {
                "c": counts["created"], "u": counts["updated"]})
            return redirect("catalog:list")
    return render(request, "catalog/import.html", {"form": form, "errors": errors})


@login_required
def indicator_export(request, fmt: str):
    qs = Indicator.objects.order_by("code")
    if fmt == "xlsx":
        resp = HttpResponse(files.to_xlsx(qs),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    elif fmt == "csv":
        resp = HttpResponse(files.to_csv(qs), content_type="text/csv; charset=utf-8")
    else:
        raise Http404
    resp["Content-Disposition"] = f'attachment; filename="danh-muc-chi-tieu.{fmt}"'
    return resp
