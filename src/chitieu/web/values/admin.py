from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin
from chitieu.web.values.models import Submission, Value, ValueComment


@admin.register(Value)
class ValueAdmin(ReadOnlyAdmin):
    """Read-only: values change only through values.actions (approval lock, audit)."""

    list_display = ("unit", "indicator", "year", "status", "value", "source")
    list_filter = ("status", "year")
    search_fields = ("unit__name", "indicator__code", "indicator__name")


@admin.register(Submission)
class SubmissionAdmin(ReadOnlyAdmin):
    list_display = ("unit", "plan", "year", "state", "submitted_by", "approved_by", "accepted_by")
    list_filter = ("state", "year")


@admin.register(ValueComment)
class ValueCommentAdmin(ReadOnlyAdmin):
    """Read-only: comments are written by the review actions (do_return, do_comment_value)."""

    list_display = ("submission", "indicator", "text", "returned", "resolved", "author", "created_at")
