from django.contrib import admin

from chitieu.web.plans.models import Plan, PlanTarget


class PlanTargetInline(admin.TabularInline):
    model = PlanTarget
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("unit", "kind", "base_year", "final_year", "status", "source")
    list_filter = ("kind", "status")
    inlines = [PlanTargetInline]


@admin.register(PlanTarget)
class PlanTargetAdmin(admin.ModelAdmin):
    list_display = ("plan", "indicator", "phrase", "order")
    search_fields = ("indicator__code", "indicator__name", "phrase")
