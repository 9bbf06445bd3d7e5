"""What the navigation bar shows a user: the links of the roles they hold (an officer sees
"Nhập số liệu", a reviewer "Kiểm tra số liệu") and the count of unread notices. A context
processor; evaluated lazily, two small queries on a page that draws the bar."""

from __future__ import annotations

from django.utils.functional import SimpleLazyObject


def _nav(user) -> dict:
    from chitieu.web.accounts.models import MANAGE_ROLES, REVIEW_ROLES, WRITE_ROLES, Membership
    from chitieu.web.notices.models import Notice

    if user.is_superuser:
        roles = set(WRITE_ROLES | REVIEW_ROLES | MANAGE_ROLES)
    else:
        roles = set(Membership.objects.filter(user=user).values_list("role", flat=True).distinct())
    return {
        "writes": bool(roles & WRITE_ROLES),
        "reviews": bool(roles & REVIEW_ROLES),
        "manages": bool(roles & MANAGE_ROLES),
        "unread": Notice.objects.filter(user=user, read_at__isnull=True).count(),
    }


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav": SimpleLazyObject(lambda: _nav(user))}
