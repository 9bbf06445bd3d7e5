"""Accounts in the admin. Users and memberships are managed here (there is no other screen for
them), so their saves are audited field by field; API tokens are shown only."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import transaction
from django.http import HttpResponseRedirect

from chitieu.web.accounts.models import ApiToken, Membership
from chitieu.web.audit.admin import AuditedAdmin, ReadOnlyAdmin
from chitieu.web.audit.models import record

User = get_user_model()


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    audit_name = "membership"
    audited_fields = ("user", "unit", "role")
    list_display = ("user", "unit", "role")
    list_filter = ("role",)
    search_fields = ("user__username", "unit__name", "unit__code")

    def audit_unit(self, obj):
        return obj.unit


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = ("prefix", "user", "name", "created", "last_used", "expires_at", "revoked_at")


def _names(qs) -> str:
    return ", ".join(sorted(str(x) for x in qs))


if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class AuditedUserAdmin(AuditedAdmin, UserAdmin):
    audit_name = "user"
    audited_fields = ("username", "first_name", "last_name", "email", "is_active", "is_staff", "is_superuser")

    def save_related(self, request, form, formsets, change):
        obj = form.instance
        before = {f: _names(getattr(obj, f).all()) for f in ("groups", "user_permissions")} if change else {}
        super().save_related(request, form, formsets, change)
        for f in ("groups", "user_permissions"):
            after = _names(getattr(obj, f).all())
            if before.get(f, "") != after:
                record(f"user.{'update' if change else 'create'}", obj, actor=request.user, field=f,
                       old=before.get(f, ""), new=after)

    def user_change_password(self, request, id, form_url=""):
        # the password form saves on its own; the audit row (never the password) joins its transaction
        with transaction.atomic():
            response = super().user_change_password(request, id, form_url)
            if request.method == "POST" and isinstance(response, HttpResponseRedirect):
                user = self.get_object(request, id)
                if user is not None and response.url != request.get_full_path():
                    record("user.password", user, actor=request.user, field="password",
                           new="(đặt mới)" if user.has_usable_password() else "(tắt đăng nhập bằng mật khẩu)")
        return response
