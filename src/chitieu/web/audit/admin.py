from django.contrib import admin

from chitieu.web.audit.models import AuditLog


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """Read-only: the audit log is written by actions only."""

    list_display = ("at", "actor", "action", "object_type", "object_repr", "field", "old", "new")
    list_filter = ("action", "object_type")
    search_fields = ("object_repr", "actor__username")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
