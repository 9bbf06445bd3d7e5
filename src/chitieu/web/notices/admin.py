from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin
from chitieu.web.notices.models import Notice


@admin.register(Notice)
class NoticeAdmin(ReadOnlyAdmin):
    """Read-only: notices are written by the review actions."""

    list_display = ("user", "kind", "text", "created_at", "read_at")
