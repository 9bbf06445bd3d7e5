"""``PlanVersion``: a counter per plan, raised (``version.bump``) in the same transaction as a
change of the plan itself (its targets, assigned figures, years, the definitions of its
indicators). ``UnitVersion``: a counter per unit, raised (``version.bump_units``) in the same
transaction as a change of what an evaluation of that unit reads besides the plan: its values and
their review state, those of its former units (a merger), its name, its parent's name, its
lineage. ``StoredEvaluations``: the evaluation of a plan for one unit, as-of year and data mode,
computed at a version of both; it is current while both equal the counters' and its ``code``
equals this code's (``store.CODE``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlanVersion(models.Model):
    """The plan's own counter (a commune's saved value does not raise it: ``UnitVersion`` does)."""

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


class UnitVersion(models.Model):
    """The counter of what an evaluation of ``unit`` reads besides the plan. A row per unit, so
    that the saves of the communes of one province update different rows (no row every save of a
    province waits for); a merged unit's row is raised with its former units' (``bump_units``
    follows the lineage forward), so reading one row is enough. No row: never changed (0)."""

    # no foreign-key constraint: the row outlives a deleted unit (a bump after the delete, in the
    # same transaction, must not fail), and a unit id is never reused
    unit = models.OneToOneField("units.AdministrativeUnit", on_delete=models.DO_NOTHING, db_constraint=False,
                                primary_key=True, related_name="evaluation_version", verbose_name=_("đơn vị"))
    version = models.PositiveBigIntegerField(_("phiên bản"), default=0)
    token = models.CharField(max_length=16, blank=True)  # as ``PlanVersion.token``
    changed_at = models.DateTimeField(_("thay đổi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("phiên bản số liệu của đơn vị")
        verbose_name_plural = _("phiên bản số liệu của đơn vị")

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.version}"


# ``as_of`` 0: the latest data (no as-of year), so that the unique constraint holds (NULLs differ).
LATEST_DATA = 0


class StoredEvaluations(models.Model):
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="stored_evaluations")
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.CASCADE, related_name="stored_evaluations")
    as_of = models.PositiveSmallIntegerField(default=LATEST_DATA)
    approved_only = models.BooleanField(default=True)
    version = models.BigIntegerField(default=-1)  # the plan version ``data`` was computed at; -1 none yet
    data_version = models.BigIntegerField(default=-1)  # the unit version ``data`` was computed at
    code = models.CharField(max_length=16, blank=True)  # the code that computed it (store.CODE)
    # the versions (plan, unit) a refresh was last asked for (no duplicate jobs)
    wanted = models.BigIntegerField(default=-1)
    wanted_data = models.BigIntegerField(default=-1)
    data = models.BinaryField(default=b"")
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0.0)  # how long computing it took

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "unit", "as_of", "approved_only"],
                                               name="one_stored_evaluation_per_key")]
        verbose_name = _("kết quả đánh giá tính sẵn")
        verbose_name_plural = _("kết quả đánh giá tính sẵn")

    def __str__(self) -> str:
        return (f"{self.plan_id}/{self.unit_id}/{self.as_of}/{'duyet' if self.approved_only else 'moi_nhat'}"
                f"@{self.version}.{self.data_version}")
