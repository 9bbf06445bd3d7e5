from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "chitieu.web.dashboards"
    label = "dashboards"
    verbose_name = _("Bảng theo dõi")
