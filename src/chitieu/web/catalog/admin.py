from django.contrib import admin

from chitieu.web.catalog.models import Indicator


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "unit", "kind", "direction", "domain", "aggregation")
    list_filter = ("domain", "kind", "direction", "aggregation")
    search_fields = ("code", "name")
