from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin
from chitieu.web.rules.models import ValidationRule


@admin.register(ValidationRule)
class ValidationRuleAdmin(ReadOnlyAdmin):
    """Read-only: rules change through ``rules.actions.do_save_rule`` (catalogue right, audit)."""

    list_display = ("name", "kind", "codes", "minimum", "maximum", "tier", "active")
    list_filter = ("kind", "tier", "active")
