"""``Value`` (one number of one indicator, unit, year and status — an estimate and the final
figure are both kept) and ``Submission`` (the review state of a unit's data for one plan and
year: draft → submitted → approved or returned with the reviewer's comment).

Every change goes through ``chitieu.web.values.actions``; the history of a value is its rows in
the audit log.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.core.series import ValueStatus

STATUS_CHOICES = [
    (ValueStatus.PLAN.value, _("Kế hoạch")),
    (ValueStatus.ESTIMATE.value, _("Ước thực hiện")),
    (ValueStatus.PRELIMINARY.value, _("Sơ bộ")),
    (ValueStatus.OFFICIAL.value, _("Chính thức")),
]


class Value(models.Model):
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="values")
    indicator = models.ForeignKey("catalog.Indicator", on_delete=models.PROTECT, related_name="values")
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(_("trạng thái số liệu"), max_length=10, choices=STATUS_CHOICES)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    class Meta:
        ordering = ["unit__code", "indicator__code", "year", "status"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator", "year", "status"], name="one_value_per_status")
        ]
        indexes = [models.Index(fields=["indicator", "year"])]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")

    def __str__(self) -> str:
        return f"{self.unit.code} {self.indicator.code} {self.year} {self.status}: {self.value}"


class Submission(models.Model):
    """The review state of one unit's values for one plan and one year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Đang nhập")
        SUBMITTED = "submitted", _("Đã gửi duyệt")
        APPROVED = "approved", _("Đã duyệt")
        RETURNED = "returned", _("Trả lại")

    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="submissions")
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="submissions")
    year = models.PositiveSmallIntegerField(_("năm"))
    state = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.DRAFT)
    comment = models.TextField(_("ý kiến người kiểm tra"), blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "plan", "year"], name="one_submission_per_unit_plan_year")]
        verbose_name = _("hồ sơ số liệu")
        verbose_name_plural = _("hồ sơ số liệu")

    def __str__(self) -> str:
        return f"{self.unit} {self.plan.period} {self.year}: {self.get_state_display()}"

    @property
    def editable(self) -> bool:
        """Values can be changed while the data is being entered or after it was returned."""
        return self.state in (self.State.DRAFT, self.State.RETURNED)
