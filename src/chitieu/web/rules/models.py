"""``ValidationRule``: a rule an administrator writes in the catalogue, per indicator (a range)
or between indicators (part ≤ total, numerator ≤ denominator, shares summing to 100), for every
unit or for one tier (communes, districts, provinces: a ward's budget is not a province's).
The logic is ``chitieu.core.rules``; rules that follow from the catalogue itself ("Trong đó"
parts, the numerator and denominator of a rate) are derived in ``checking`` without a row."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.core import rules as core_rules


class ValidationRule(models.Model):
    class Kind(models.TextChoices):
        RANGE = "range", _("Giới hạn nhỏ nhất/lớn nhất")
        PART_LE_TOTAL = "part_le_total", _("Phần không lớn hơn tổng")
        NUM_LE_DEN = "num_le_den", _("Tử số không lớn hơn mẫu số")
        SHARES_SUM = "shares_sum", _("Các tỷ trọng cộng lại bằng 100%")

    class Tier(models.TextChoices):
        ALL = "", _("Mọi cấp")
        COMMUNE = "commune", _("Cấp xã")
        DISTRICT = "district", _("Cấp huyện")
        PROVINCE = "province", _("Cấp tỉnh")

    name = models.CharField(_("tên quy tắc"), max_length=200)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    codes = models.JSONField(_("mã chỉ tiêu"), default=list,
                             help_text=_("Khoảng: 1 mã; phần/tổng và tử/mẫu: 2 mã; tỷ trọng: các mã thành phần"))
    minimum = models.DecimalField(_("nhỏ nhất"), max_digits=20, decimal_places=4, null=True, blank=True)
    maximum = models.DecimalField(_("lớn nhất"), max_digits=20, decimal_places=4, null=True, blank=True)
    tolerance = models.DecimalField(_("sai số cho phép (điểm %)"), max_digits=6, decimal_places=2, default=1)
    tier = models.CharField(_("áp dụng cho"), max_length=10, choices=Tier.choices, default="", blank=True)
    active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")

    def __str__(self) -> str:
        return self.name

    def to_core(self) -> core_rules.Rule:
        return core_rules.Rule(
            kind=self.kind, name=self.name, codes=tuple(self.codes),
            minimum=float(self.minimum) if self.minimum is not None else None,
            maximum=float(self.maximum) if self.maximum is not None else None,
            tolerance=float(self.tolerance),
        )

    def clean(self) -> None:
        from chitieu.web.catalog.models import Indicator

        if not isinstance(self.codes, list) or not all(isinstance(c, str) for c in self.codes):
            raise ValidationError({"codes": _("Danh sách mã chỉ tiêu không hợp lệ.")})
        unknown = set(self.codes) - set(Indicator.objects.filter(code__in=self.codes).values_list("code", flat=True))
        if unknown:
            raise ValidationError({"codes": _("Không có chỉ tiêu mã %(codes)s.") % {"codes": ", ".join(sorted(unknown))}})
        try:
            self.to_core()
        except ValueError as exc:
            raise ValidationError({"codes": str(exc)}) from None
