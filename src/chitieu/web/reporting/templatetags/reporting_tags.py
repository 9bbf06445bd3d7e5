"""``{{ user|may_report:unit }}``: whether to show the "Tạo báo cáo" button."""

from django import template

from chitieu.web.reporting.actions import may_generate

register = template.Library()


@register.filter
def may_report(user, unit) -> bool:
    return bool(unit) and may_generate(user, unit)
