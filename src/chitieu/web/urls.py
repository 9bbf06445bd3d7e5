"""The site's URLs: each app under its own namespace, the JSON API under /api/."""

from django.contrib import admin
from django.urls import include, path

from chitieu.web.api import api
from chitieu.web.ops.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", api.urls),
    path("accounts/", include("chitieu.web.accounts.urls")),
    path("", include("chitieu.web.units.urls")),
    path("", include("chitieu.web.catalog.urls")),
    path("", include("chitieu.web.rules.urls")),
    path("", include("chitieu.web.plans.urls")),
    path("", include("chitieu.web.values.urls")),
    path("", include("chitieu.web.audit.urls")),
    path("", include("chitieu.web.dashboards.urls")),
    path("", include("chitieu.web.imports.urls")),
    path("", include("chitieu.web.reporting.urls")),
    path("", include("chitieu.web.checks.urls")),
    path("", include("chitieu.web.tasks.urls")),
    path("", include("chitieu.web.exchange.urls")),
    path("", include("chitieu.web.notices.urls")),
]
