"""``{{ user|may_report:unit }}``: whether to show the "Tạo báo cáo" button."""

from django import template

from chitieu.web.access import rights_on

register = template.Library()


@register.filter
def may_report(user, unit) -> bool:
    return bool(unit) and rights_on(user, unit).generate
