"""``Value`` (one number of one indicator, unit, year and status — an estimate and the final
figure are both kept) and ``Submission`` (the review state of a unit's data for one plan and
year: draft → submitted → approved by the level above (the town) → accepted by the province,
or returned with the reviewer's comment, on the whole year or on some values only
(``ValueComment``)). The levels follow the unit tree: see ``chitieu.web.values.levels``.

Every change goes through ``chitieu.web.values.actions``; the history of a value is its rows in
the audit log. ``Value.version`` counts the changes of a value, so that a save made from a page
showing an older version is refused instead of undoing someone else's change.

A number is read back through ``StoredDecimalField``: a row that is not a storable number (one
written before the magnitude check existed, when SQLite kept 17-digit numbers the column cannot
hold) reads as an ``InvalidNumber`` instead of raising, so pages show it as invalid and the
officer can overwrite or delete it.
"""

from __future__ import annotations

import decimal

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from chitieu.core.series import ValueStatus
from chitieu.core.value_checks import MAX_ABS, storable

STATUS_CHOICES = [
    (ValueStatus.PLAN.value, _("Kế hoạch")),
    (ValueStatus.ESTIMATE.value, _("Ước thực hiện")),
    (ValueStatus.PRELIMINARY.value, _("Sơ bộ")),
    (ValueStatus.OFFICIAL.value, _("Chính thức")),
]


class InvalidNumber:
    """A stored value that is not a number within bounds (its text kept for the page to show).
    Not a number on purpose: arithmetic on it fails loudly instead of computing with garbage."""

    __slots__ = ("raw",)

    def __init__(self, raw) -> None:
        self.raw = str(raw)

    def __str__(self) -> str:
        return self.raw

    def __repr__(self) -> str:
        return f"InvalidNumber({self.raw!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, InvalidNumber) and other.raw == self.raw

    def __hash__(self) -> int:
        return hash(self.raw)


def is_valid_number(number) -> bool:
    return number is not None and not isinstance(number, InvalidNumber)


class StoredDecimalField(models.DecimalField):
    """A DecimalField whose reading never raises.

    SQLite's converter quantizes every value with ``self.context`` (precision ``max_digits``):
    a stored 17-digit number raises InvalidOperation on every page that reads it. Here that
    context is wide and does not trap, and ``from_db_value`` turns anything not storable (too
    large, infinite, NaN) into an ``InvalidNumber``.
    """

    @cached_property
    def context(self):
        return decimal.Context(prec=1000, traps=[])

    def to_python(self, value):
        if isinstance(value, float):  # forms and the admin: the column's own precision
            value = decimal.Context(prec=self.max_digits).create_decimal_from_float(value)
        return super().to_python(value)

    def from_db_value(self, value, expression, connection):
        if value is None or isinstance(value, InvalidNumber):
            return value
        if isinstance(value, str):
            try:
                value = decimal.Decimal(value)
            except decimal.InvalidOperation:
                return InvalidNumber(value)
        if storable(value):
            return value
        if isinstance(value, decimal.Decimal) and value.is_finite():
            value = format(value.normalize(), "f")  # 12345678901234600000, not 1.23456789012346E+19
        return InvalidNumber(value)


class Value(models.Model):
    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="values")
    indicator = models.ForeignKey("catalog.Indicator", on_delete=models.PROTECT, related_name="values")
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(_("trạng thái số liệu"), max_length=10, choices=STATUS_CHOICES)
    value = StoredDecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    source = models.CharField(_("nguồn"), max_length=300, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    version = models.PositiveIntegerField(_("phiên bản"), default=1)

    class Meta:
        ordering = ["unit__code", "indicator__code", "year", "status"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "indicator", "year", "status"], name="one_value_per_status"),
            # the last line behind chitieu.core.value_checks: SQLite would otherwise keep numbers
            # the column's type cannot hold (and that no page could read back)
            models.CheckConstraint(condition=models.Q(value__gt=-MAX_ABS, value__lt=MAX_ABS),
                                   name="value_within_bounds"),
        ]
        indexes = [models.Index(fields=["indicator", "year"])]
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")

    def __str__(self) -> str:
        return f"{self.unit.code} {self.indicator.code} {self.year} {self.status}: {self.value}"

    @property
    def is_valid(self) -> bool:
        """False for a stored row that is not a number within bounds (shown as invalid)."""
        return is_valid_number(self.value)


class Submission(models.Model):
    """The review state of one unit's values for one plan and one year."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Đang nhập")
        SUBMITTED = "submitted", _("Đã gửi duyệt")
        APPROVED = "approved", _("Đã duyệt")
        ACCEPTED = "accepted", _("Đã chấp nhận")
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
    # who sealed each level: the approval by the level above (the town), the province's acceptance
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người duyệt"))
    approved_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", verbose_name=_("người chấp nhận"))
    accepted_at = models.DateTimeField(_("chấp nhận lúc"), null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "plan", "year"], name="one_submission_per_unit_plan_year")]
        indexes = [models.Index(fields=["state", "year"])]
        verbose_name = _("hồ sơ số liệu")
        verbose_name_plural = _("hồ sơ số liệu")

    def __str__(self) -> str:
        return f"{self.unit} {self.plan.period} {self.year}: {self.get_state_display()}"

    @property
    def editable(self) -> bool:
        """Values can be changed while the data is being entered or after it was returned."""
        return self.state in (self.State.DRAFT, self.State.RETURNED)

    @property
    def is_approved(self) -> bool:
        """Approved at some level: what leaders' pages count (see ``history.approved_values``)."""
        return self.state in APPROVED_STATES


APPROVED_STATES = (Submission.State.APPROVED, Submission.State.ACCEPTED)
LOCKED_STATES = (Submission.State.SUBMITTED, Submission.State.APPROVED, Submission.State.ACCEPTED)


class ValueComment(models.Model):
    """A reviewer's comment on one value of a submission; ``returned``: the value is sent back
    (the officer may then change only the returned values, the others stay as reviewed)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="value_comments")
    indicator = models.ForeignKey("catalog.Indicator", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("ý kiến"))
    returned = models.BooleanField(_("trả lại"), default=False)
    resolved = models.BooleanField(_("đã xử lý"), default=False)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["submission", "indicator__code", "created_at"]
        verbose_name = _("ý kiến về số liệu")
        verbose_name_plural = _("ý kiến về số liệu")

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.text[:40]}"


def locking_submissions(unit, year: int, indicator_ids=None, *, for_update: bool = False) -> dict[int, Submission]:
    """The review that holds each value of ``unit`` and ``year``: indicator id → a submission of
    any plan with a target on that indicator that is submitted or approved (approved first).

    Values are shared by every plan the unit follows, but a review is per plan: without this, a
    value approved under the ward's plan could be changed through the town's plan's sheet.
    """
    qs = Submission.objects.filter(
        unit=unit, year=year, state__in=LOCKED_STATES
    ).select_related("plan", "plan__unit")
    if for_update:
        qs = qs.select_for_update(of=("self",))
    found: dict[int, Submission] = {}
    submissions = list(qs)
    if not submissions:
        return found
    from chitieu.web.plans.models import PlanTarget

    targets = PlanTarget.objects.filter(plan_id__in=[s.plan_id for s in submissions])
    if indicator_ids is not None:
        targets = targets.filter(indicator_id__in=list(indicator_ids))
    by_plan: dict[int, list[int]] = {}
    for plan_id, indicator_id in targets.values_list("plan_id", "indicator_id"):
        by_plan.setdefault(plan_id, []).append(indicator_id)
    # approved before submitted: the message then says what the officer must ask for (a reopen)
    for s in sorted(submissions, key=lambda s: (s.state not in APPROVED_STATES, s.pk)):
        for indicator_id in by_plan.get(s.plan_id, []):
            found.setdefault(indicator_id, s)
    return found
