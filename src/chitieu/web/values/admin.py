from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin
from chitieu.web.values.models import Submission, Value


@admin.register(Value)
class ValueAdmin(ReadOnlyAdmin):
    """Read-only: values change only through values.actions (approval lock, audit)."""

    list_display = ("unit", "indicator", "year", "status", "value", "source")
    list_filter = ("status", "year")
    search_fields = ("unit__name", "indicator__code", "indicator__name")


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("unit", "plan", "year", "state", "submitted_by", "reviewed_by")
    list_filter = ("state", "year")
