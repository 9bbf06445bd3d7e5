from django.contrib import admin

from chitieu.web.audit.admin import ReadOnlyAdmin
from chitieu.web.catalog.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyAdmin):
    """Read-only: the catalogue is edited on /catalog/ (rights and audit in catalog.actions)."""

    list_display = ("code", "name", "unit", "kind", "direction", "domain", "aggregation")
    list_filter = ("domain", "kind", "direction", "aggregation")
    search_fields = ("code", "name")
