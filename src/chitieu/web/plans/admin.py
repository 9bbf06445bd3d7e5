from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin, ReadOnlyInline
from chitieu.web.plans.models import Plan, PlanTarget


class PlanTargetInline(ReadOnlyInline):
    model = PlanTarget


@admin.register(Plan)
class PlanAdmin(ReadOnlyAdmin):
    """Read-only: plans and targets change through plans.actions (rights, audit)."""

    list_display = ("unit", "kind", "base_year", "final_year", "status", "source")
    list_filter = ("kind", "status")
    inlines = [PlanTargetInline]


@admin.register(PlanTarget)
class PlanTargetAdmin(ReadOnlyAdmin):
    list_display = ("plan", "indicator", "phrase", "order")
    search_fields = ("indicator__code", "indicator__name", "phrase")
