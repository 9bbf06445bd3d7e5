"""The Django admin around the audit: what it may change and how those changes are logged.

Every change of domain data goes through an action that checks rights and approval and writes
its audit row; the admin does neither, so it only *shows* domain models (``ReadOnlyAdmin``).
Users and memberships have no other editing screen: their admin saves write audit rows, field by
field, in the admin's own transaction (``AuditedAdmin``).
"""

from __future__ import annotations

from django.contrib import admin
from django.db import transaction

from chitieu.web.audit.models import AuditLog, record


class ReadOnlyAdmin(admin.ModelAdmin):
    """Viewing only (superusers, and staff given the view permission): no add, change or delete,
    whatever the user's model permissions say; a POST to a change page answers 403."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def _text(value) -> str:
    return "" if value is None else str(value)


class AuditedAdmin(admin.ModelAdmin):
    """Admin saves and deletions write one audit row per changed field of ``audited_fields``
    (``<audit_name>.create`` / ``.update`` / ``.delete``). Django's admin runs a change or
    delete view in one transaction, so the change and its rows are stored together."""

    audit_name = ""
    audited_fields: tuple[str, ...] = ()

    def audit_unit(self, obj):
        return None

    def _values(self, obj) -> dict[str, str]:
        return {f: _text(getattr(obj, f)) for f in self.audited_fields}

    def save_model(self, request, obj, form, change):
        before = self._values(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else {}
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            after = self._values(obj)
            for field, new in after.items():
                if before.get(field, "") != new or (not change and new):
                    record(f"{self.audit_name}.{'update' if change else 'create'}", obj, actor=request.user,
                           unit=self.audit_unit(obj), field=field, old=before.get(field, ""), new=new)

    def _delete_one(self, request, obj):
        record(f"{self.audit_name}.delete", obj, actor=request.user, unit=self.audit_unit(obj),
               old=str(obj), values=self._values(obj))
        obj.delete()

    def delete_model(self, request, obj):
        with transaction.atomic():
            self._delete_one(request, obj)

    def delete_queryset(self, request, queryset):
        # the "delete selected" action: one audit row per object, all in one transaction
        with transaction.atomic():
            for obj in queryset:
                self._delete_one(request, obj)


@admin.register(AuditLog)
class AuditLogAdmin(ReadOnlyAdmin):
    """Read-only: the audit log is written by actions only."""

    list_display = ("at", "actor", "action", "object_type", "object_repr", "field", "old", "new")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "actor__username")
