"""Template filters of the dashboards: status colours and labels, Vietnamese numbers."""

from __future__ import annotations

from django import template

from chitieu.core.evaluate import Status
from chitieu.web.dashboards import scorecard as sc

register = template.Library()


@register.filter
def status_css(status) -> str:
    return sc.STATUS_CSS.get(Status(status), "none") if status else "none"


@register.filter
def status_label(status) -> str:
    return sc.status_label(Status(status)) if status else ""


@register.filter
def vn_number(value, decimals=None) -> str:
    """``1234.5|vn_number:1`` → ``1.234,5``."""
    if value is None or value == "":
        return "—"
    return sc.fmt(float(value), None if decimals in (None, "") else int(decimals))
