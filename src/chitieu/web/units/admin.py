from django.contrib import admin

from chitieu.web.units.models import AdministrativeUnit, LineageEvent


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(LineageEvent)
class LineageEventAdmin(admin.ModelAdmin):
    list_display = ("kind", "date", "decision")
    filter_horizontal = ("predecessors", "successors")
