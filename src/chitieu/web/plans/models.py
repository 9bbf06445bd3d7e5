"""``Plan`` (a unit's five-year or yearly plan) and ``PlanTarget`` (one indicator of the plan with
its target phrase, "tăng 19 - 21%/năm", read by ``chitieu.core.targets.parse_target``).

``AssignedFigure``: the figure assigned for a target and a year (chỉ tiêu giao / dự toán giao),
with the document that assigned it; a target "đạt và vượt chỉ tiêu giao" is judged against it.

``Plan.to_core()`` gives the ``chitieu.core.plan.Plan`` that evaluation and reports work on,
with the unit's values (merger-aware, see ``chitieu.web.values.history``).
"""

from __future__ import annotations

import functools
import logging

from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.core import plan as core_plan
from chitieu.core.assigned import Assigned, AssignedSource, is_assigned_target
from chitieu.core.fit import TargetUnitError, fit_target
from chitieu.core.targets import Target, TargetParseError, parse_target

logger = logging.getLogger(__name__)


class PlanQuerySet(models.QuerySet):
    def followed_by(self, unit) -> PlanQuerySet:
        """The plans ``unit`` works under: its own and those of every unit above it (a ward
        enters its figures against its town's plan too). Its own plans come first, then the
        newest."""
        chain = [unit.pk] + [u.pk for u in unit.ancestors()]
        own_first = models.Case(models.When(unit_id=unit.pk, then=models.Value(0)), default=models.Value(1))
        return self.filter(unit_id__in=chain).select_related("unit").order_by(own_first, "-final_year", "pk")

    def covers(self, plan, unit) -> bool:
        """Whether ``unit`` follows ``plan``."""
        return self.followed_by(unit).filter(pk=plan.pk).exists()


class Plan(models.Model):
    objects = PlanQuerySet.as_manager()

    class Kind(models.TextChoices):
        TERM = "term", _("Kế hoạch 5 năm")
        YEAR = "year", _("Kế hoạch năm")

    class State(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ADOPTED = "adopted", _("Đã thông qua")
        CLOSED = "closed", _("Đã kết thúc")

    unit = models.ForeignKey("units.AdministrativeUnit", on_delete=models.PROTECT, related_name="plans",
                             verbose_name=_("đơn vị"))
    kind = models.CharField(_("loại kế hoạch"), max_length=8, choices=Kind.choices, default=Kind.TERM)
    base_year = models.PositiveSmallIntegerField(_("năm gốc"))
    final_year = models.PositiveSmallIntegerField(_("năm cuối"))
    title = models.CharField(_("tên kế hoạch"), max_length=300, blank=True)
    source = models.CharField(_("văn bản nguồn"), max_length=400, blank=True)
    status = models.CharField(_("trạng thái"), max_length=10, choices=State.choices, default=State.ADOPTED)

    class Meta:
        ordering = ["unit__code", "-final_year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(final_year__gt=models.F("base_year")), name="plan_final_after_base"),
        ]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")

    def __str__(self) -> str:
        return f"{self.unit} {self.period}"

    @property
    def period(self) -> str:
        """"2021-2025" for a term with base year 2020; "2026" for a yearly plan."""
        return f"{self.base_year + 1}-{self.final_year}" if self.final_year - self.base_year > 1 else str(self.final_year)

    @property
    def years(self) -> list[int]:
        """The years values may be entered for: the base year (the starting point) to the final year."""
        return list(range(self.base_year, self.final_year + 1))

    def to_core(self, unit=None, as_of: int | None = None, *, approved_only: bool = True) -> core_plan.Plan:
        """The plan as the core sees it, with the values of ``unit`` (default: the plan's unit):
        approved values only unless ``approved_only=False`` (the latest values entered, as the
        "số liệu mới nhất" switch shows them).

        Targets whose indicator is a "Trong đó" part of another target's indicator become that
        item's children.
        """
        from chitieu.web.values.history import series_for_many

        unit = unit or self.unit
        targets = list(self.targets.select_related(
            "indicator", "indicator__parent", "indicator__numerator", "indicator__denominator", "indicator__weight"
        ).order_by("order", "indicator__code"))
        by_indicator = {t.indicator_id: t for t in targets}
        # every target's series in a number of queries that does not grow with the targets
        series = series_for_many(unit, [t.indicator for t in targets], approved_only=approved_only)
        # Figures assigned to the plan's own unit; a unit that follows a higher unit's plan is
        # assigned its own figures by its own plan.
        assigned: dict[int, tuple] = {}
        if unit.pk == self.unit_id:
            for a in AssignedFigure.objects.filter(target__plan=self).order_by("year"):
                assigned.setdefault(a.target_id, ())
                assigned[a.target_id] += (a.to_core(),)

        parts: dict[int, list[PlanTarget]] = {}
        for c in targets:
            parts.setdefault(c.indicator.parent_id, []).append(c)

        def item(t: PlanTarget) -> core_plan.PlanItem:
            children = tuple(item(c) for c in parts.get(t.indicator_id, ()))
            return core_plan.PlanItem(
                indicator=t.indicator.to_core(),
                target=t.parsed(),
                series=series[t.indicator_id],
                children=children,
                value_is=t.value_is or None,
                assigned=assigned.get(t.pk, ()),
            )

        roots = [t for t in targets if t.indicator.parent_id not in by_indicator]
        return core_plan.Plan(
            unit_code=unit.code,
            unit_name=unit.name,
            unit_level=unit.level,
            parent_name=unit.parent.name if unit.parent_id else "",
            base_year=self.base_year,
            final_year=self.final_year,
            source=self.source,
            as_of=as_of,
            items=tuple(item(t) for t in roots),
        )


class PlanTarget(models.Model):
    """One indicator of a plan and its target phrase (blank for a "Trong đó" part followed without a target)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    indicator = models.ForeignKey("catalog.Indicator", on_delete=models.PROTECT, related_name="plan_targets",
                                  verbose_name=_("chỉ tiêu"))
    phrase = models.CharField(_("chỉ tiêu kế hoạch"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class ValueIs(models.TextChoices):
        YEARLY = "", _("giá trị từng năm")
        PER_YEAR_AVERAGE = "per_year_average", _("giá trị đã là bình quân/năm của giai đoạn")
        CUMULATIVE = "cumulative", _("giá trị là tổng cả giai đoạn")

    value_is = models.CharField(_("số liệu nhập là"), max_length=20, choices=ValueIs.choices, default="", blank=True)

    class Meta:
        ordering = ["plan", "order", "indicator__code"]
        constraints = [models.UniqueConstraint(fields=["plan", "indicator"], name="one_target_per_plan_indicator")]
        verbose_name = _("chỉ tiêu kế hoạch")
        verbose_name_plural = _("chỉ tiêu kế hoạch")

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.phrase}"

    @property
    def is_part(self) -> bool:
        """A "Trong đó" part of another indicator of the same plan."""
        return bool(self.indicator.parent_id) and self.plan.targets.filter(indicator_id=self.indicator.parent_id).exists()

    def parsed(self) -> Target | None:
        """The parsed target read with its indicator (``core.fit``), or None when there is no
        phrase (or it no longer parses, or no longer fits its indicator)."""
        if not self.phrase:
            return None
        return _fitted_target(self.phrase, self.indicator.kind, self.indicator.to_core(), self.plan_id)

    @property
    def takes_assigned(self) -> bool:
        """Whether the target asks for the assigned figure ("đạt và vượt chỉ tiêu giao")."""
        if not self.phrase:
            return False
        try:
            return is_assigned_target(parse_target(self.phrase, indicator_kind=self.indicator.kind))
        except Exception:  # noqa: BLE001 - a stored phrase the parser refuses takes nothing
            return False

    def description(self) -> str:
        """What the system understood, in words, for the user to check."""
        target = self.parsed()
        if target is None:
            return ""
        return target.describe()


@functools.lru_cache(maxsize=8192)
def _fitted_target(phrase: str, kind: str, indicator, plan_id: int) -> Target | None:
    """``PlanTarget.parsed``, kept per process: the same phrase on the same indicator (a frozen
    core ``Indicator``, so a changed definition is another key) always reads the same, and every
    page of a plan reads its hundred phrases again. The core's targets are frozen: sharing them is safe."""
    try:
        return fit_target(parse_target(phrase, indicator_kind=kind), indicator)
    except (TargetParseError, TargetUnitError):
        return None
    except Exception:  # a phrase stored before the parser refused it must not break a page
        logger.exception("target phrase %r of plan %s no longer parses", phrase, plan_id)
        return None


class AssignedFigure(models.Model):
    """The figure assigned to a plan target for one year (chỉ tiêu giao, dự toán giao, kế hoạch
    giao), in the indicator's unit, with the document that assigned it."""

    target = models.ForeignKey(PlanTarget, on_delete=models.CASCADE, related_name="assigned",
                               verbose_name=_("chỉ tiêu kế hoạch"))
    year = models.PositiveSmallIntegerField(_("năm"))
    value = models.DecimalField(_("số giao"), max_digits=20, decimal_places=4)
    doc_kind = models.CharField(_("loại văn bản"), max_length=40, default="Quyết định")
    doc_number = models.CharField(_("số văn bản"), max_length=60)
    doc_date = models.DateField(_("ngày ban hành"))
    issuer = models.CharField(_("cơ quan giao"), max_length=200)

    class Meta:
        ordering = ["target", "year"]
        constraints = [models.UniqueConstraint(fields=["target", "year"], name="one_assigned_figure_per_year")]
        verbose_name = _("chỉ tiêu giao")
        verbose_name_plural = _("chỉ tiêu giao")

    def __str__(self) -> str:
        return f"{self.target.indicator.code} {self.year}: {self.value} ({self.source_text})"

    @property
    def source(self) -> AssignedSource:
        return AssignedSource(number=self.doc_number, date=self.doc_date, issuer=self.issuer, kind=self.doc_kind)

    @property
    def source_text(self) -> str:
        """"Quyết định số 123/QĐ-UBND ngày 10/01/2024 của UBND thị xã"."""
        return self.source.text

    @property
    def shown(self) -> str:
        """The figure as pages print it (3.525,5)."""
        from chitieu.core.numbers import format_number

        return format_number(float(self.value))

    def to_core(self) -> Assigned:
        return Assigned(year=self.year, value=float(self.value), source=self.source)


_FORM_LABELS = {
    "level": _("mức"), "growth": _("tốc độ tăng"), "change": _("mức thay đổi"), "multiple": _("số lần"),
    "structure": _("cơ cấu"), "qualitative": _("định tính"),
}
_HORIZON_LABELS = {
    "end_of_term": _("cuối kỳ"), "each_year": _("hằng năm"), "average": _("bình quân/năm"),
    "cumulative": _("cộng dồn cả kỳ"),
}
_OP_TEXT = {"=": "= {low}", ">": "> {low}", ">=": "≥ {low}", "<": "< {high}", "<=": "≤ {high}", "range": "{low} – {high}"}
