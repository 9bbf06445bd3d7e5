"""Template filters of the exchange pages: counts and stored numbers written Vietnamese-style
(1.234,5), English-style on English pages."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.translation import get_language

from chitieu.core.numbers import format_number

register = template.Library()


@register.filter
def number(value) -> str:
    """A count or a stored number (a Decimal's text) as the page's language writes it."""
    if value in (None, ""):
        return "—"
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    decimals = max(0, -d.normalize().as_tuple().exponent) if d == d else 0
    style = "en" if (get_language() or "vi").startswith("en") else "vi"
    return format_number(float(d), decimals, style=style)
