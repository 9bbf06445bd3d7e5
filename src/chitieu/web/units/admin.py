from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin
from chitieu.web.units.models import AdministrativeUnit, LineageEvent


@admin.register(AdministrativeUnit)
class AdministrativeUnitAdmin(ReadOnlyAdmin):
    """Read-only: units come from the official list (loaded by a command), not from hand edits."""

    list_display = ("code", "name", "level", "parent", "valid_from", "valid_to")
    list_filter = ("level",)
    search_fields = ("code", "name")


@admin.register(LineageEvent)
class LineageEventAdmin(ReadOnlyAdmin):
    list_display = ("kind", "date", "decision")
