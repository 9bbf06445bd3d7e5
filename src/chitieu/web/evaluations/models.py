"""``PlanVersion``: a counter per plan, raised (``version.bump``) in the same transaction as any
change of a value, review state, target or unit in the plan's scope. ``StoredEvaluations``: the
evaluation of a plan for one unit, as-of year and data mode, computed at a version; it is current
while its version equals the plan's and its ``code`` equals this code's (``store.CODE``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanVersion(models.Model):
    plan = models.OneToOneField("plans.Plan", on_delete=models.CASCADE, primary_key=True,
                                related_name="evaluation_version", verbose_name=_("kế hoạch"))
    version = models.PositiveBigIntegerField(_("phiên bản"), default=0)
    # new at every bump: a cache key holds it with the version, so that a key is never reused for
    # other data, even when versions start again (a database restored from a backup, a test's rollback)
    token = models.CharField(max_length=16, blank=True)
    changed_at = models.DateTimeField(_("thay đổi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiên bản số liệu của kế hoạch")
        verbose_name_plural = _("phiên bản số liệu của kế hoạch")

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.version}"


# ``as_of`` 0: the latest data (no as-of year), so that the unique constraint holds (NULLs differ).
LATEST_DATA = 0


class StoredEvaluations(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="stored_evaluations")
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="stored_evaluations")
    as_of = models.PositiveSmallIntegerField(default=LATEST_DATA)
    approved_only = models.BooleanField(default=True)
    version = models.BigIntegerField(default=-1)  # the plan version ``data`` was computed at; -1 none yet
    code = models.CharField(max_length=16, blank=True)  # the code that computed it (store.CODE)
    wanted = models.BigIntegerField(default=-1)  # the version a refresh was last asked for (no duplicate jobs)
    data = models.BinaryField(default=b"")
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0.0)  # how long computing it took

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "unit", "as_of", "approved_only"],
                                               name="one_stored_evaluation_per_key")]
        verbose_name = _("kết quả đánh giá tính sẵn")
        verbose_name_plural = _("kết quả đánh giá tính sẵn")

    def __str__(self) -> str:
        return f"{self.plan_id}/{self.unit_id}/{self.as_of}/{'duyet' if self.approved_only else 'moi_nhat'}@{self.version}"
