"""Template filters of the dashboards: the colour class and the label of a verdict or a progress."""

from __future__ import annotations

from django import template

from chitieu.web.catalog.models import code_is_valid
from chitieu.web.dashboards import scorecard as sc

register = template.Library()

# what a URL reversed for every row holds in place of the code (not a valid code: never a real one)
CODE_SLOT = "__code__"


@register.filter
def linkable_code(code: str) -> bool:
    """An indicator code a URL can carry; one stored before codes were checked ("A/B") is shown
    without its links instead of breaking the page."""
    return code_is_valid(code)


@register.filter
def with_code(url: str, code: str) -> str:
    """A page's URL for indicator ``code`` from the URL reversed once with ``CODE_SLOT`` (a
    scorecard links 100 rows; reversing each costs more than the rest of the row). Only for codes
    ``linkable_code`` accepts, which a URL carries unchanged."""
    return url.replace(CODE_SLOT, code)


@register.filter
def status_css(status) -> str:
    return sc.STATUS_CSS.get(sc.as_state(status), "none") if status else "none"


@register.filter
def status_label(status) -> str:
    return sc.status_label(status) if status else ""


@register.simple_tag
def scorecard_words() -> dict[str, str]:
    """The words every row of the scorecard repeats, translated once per table rather than per row."""
    from django.utils.translation import gettext as _

    return {
        "in_which": _("Trong đó:"), "understood_title": _("Hệ thống hiểu mục tiêu là"), "understood": _("Hiểu là:"),
        "unapproved": _("chưa duyệt"), "at_risk": _("Có nguy cơ không đạt"), "why": _("Vì sao?"),
        "compare": _("So sánh các đơn vị trực thuộc"), "followed": _("Theo dõi, không có mục tiêu riêng"),
    }
