"""The precomputed-evaluations app; ``ready`` connects the signals that bump a plan's version when
a definition it depends on changes outside an action (catalogue, units, lineage)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "chitieu.web.evaluations"
    label = "evaluations"
    verbose_name = _("Kết quả đánh giá tính sẵn")

    def ready(self) -> None:
        from chitieu.web.evaluations import signals

        signals.connect()
