"""Template filters of the dashboards: the colour class and the label of a verdict or a progress."""

from __future__ import annotations

from django import template

from chitieu.web.dashboards import scorecard as sc

register = template.Library()


@register.filter
def status_css(status) -> str:
    return sc.STATUS_CSS.get(sc.as_state(status), "none") if status else "none"


@register.filter
def status_label(status) -> str:
    return sc.status_label(status) if status else ""
