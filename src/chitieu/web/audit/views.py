"""The audit log, read-only: rows of the units the user may see (all rows for a superuser)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from chitieu.web.access import visible_unit_ids
from chitieu.web.audit.models import AuditLog


@login_required
def audit_list(request):
    qs = AuditLog.objects.select_related("actor", "unit")
    ids = visible_unit_ids(request.user)
    if ids is not None:
        qs = qs.filter(Q(unit_id__in=ids) | Q(actor=request.user))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/list.html", {"page": page})
