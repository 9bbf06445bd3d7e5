from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin, ReadOnlyInline
from chitieu.web.plans.models import AssignedFigure, Plan, PlanTarget


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


@admin.register(AssignedFigure)
class AssignedFigureAdmin(ReadOnlyAdmin):
    """Read-only: assigned figures change through plans.actions.do_set_assigned (rights, audit)."""

    list_display = ("target", "year", "value", "doc_kind", "doc_number", "doc_date", "issuer")
