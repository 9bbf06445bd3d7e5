"""Administrative units and the events that merged, split or renamed them.

A unit's code is the one the state assigns (2 digits for a province, 3 for a district,
5 for a commune-level unit); it is never reused, even after the unit has ended. A unit that
was created by a merger has no values of its own for the years before its creation; its
history for those years is the combination of its predecessors' values
(see ``chitieu.web.values.history``).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    TINH = "tinh", _("Tỉnh")
    THANH_PHO_TW = "thanh_pho_tw", _("Thành phố trực thuộc trung ương")
    HUYEN = "huyen", _("Huyện")
    THI_XA = "thi_xa", _("Thị xã")
    THANH_PHO_THUOC_TINH = "thanh_pho_thuoc_tinh", _("Thành phố thuộc tỉnh")
    QUAN = "quan", _("Quận")
    XA = "xa", _("Xã")
    PHUONG = "phuong", _("Phường")
    DAC_KHU = "dac_khu", _("Đặc khu")
    THI_TRAN = "thi_tran", _("Thị trấn")


PROVINCE_LEVELS = {Level.TINH, Level.THANH_PHO_TW}
DISTRICT_LEVELS = {Level.HUYEN, Level.THI_XA, Level.THANH_PHO_THUOC_TINH, Level.QUAN}
COMMUNE_LEVELS = {Level.XA, Level.PHUONG, Level.DAC_KHU, Level.THI_TRAN}


def code_length(level: str) -> int:
    """How many digits the state's code has at this level."""
    if level in PROVINCE_LEVELS:
        return 2
    if level in DISTRICT_LEVELS:
        return 3
    return 5


class AdministrativeUnit(models.Model):
    """One administrative unit, valid from ``valid_from`` until ``valid_to`` (open when null)."""

    code = models.CharField(_("mã"), max_length=10, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    level = models.CharField(_("cấp"), max_length=24, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("trực thuộc"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        n = code_length(self.level)
        if not re.fullmatch(rf"\d{{{n}}}", self.code or ""):
            raise ValidationError({"code": _("Mã đơn vị cấp này phải gồm %(n)d chữ số.") % {"n": n}})
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    # --- the tree -----------------------------------------------------------------------

    def ancestors(self) -> list[AdministrativeUnit]:
        """Parent, grandparent, ... (nearest first)."""
        out, node, seen = [], self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            out.append(node)
            seen.add(node.pk)
            node = node.parent
        return out

    def descendant_ids(self) -> set[int]:
        """The ids of every unit below this one (not including it)."""
        found: set[int] = set()
        frontier = [self.pk]
        while frontier:
            ids = list(AdministrativeUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            frontier = [i for i in ids if i not in found]
            found.update(frontier)
        return found

    def is_active_in(self, year: int) -> bool:
        """Whether the unit existed for at least part of ``year``."""
        starts = self.valid_from.year if self.valid_from else -1
        ends = self.valid_to.year if self.valid_to else 10_000
        return starts <= year <= ends

    @property
    def created_year(self) -> int | None:
        return self.valid_from.year if self.valid_from else None

    # --- lineage --------------------------------------------------------------------------

    def predecessors_for_year(self, year: int) -> list[AdministrativeUnit]:
        """The units whose values stand for this unit in ``year``.

        From its creation year on, a unit stands for itself. Before it, the predecessors of
        the merger or rename that created it stand for it, followed back recursively (a
        predecessor itself formed by an earlier merger is replaced by its own predecessors).
        A unit created by a split has no history to combine: the old unit's totals cannot be
        divided, so the answer is empty for those years.
        """
        if self.valid_from is None or year >= self.valid_from.year:
            return [self]
        events = self.created_by.filter(date__year__gt=year).order_by("-date")
        out: list[AdministrativeUnit] = []
        for event in events:
            if event.kind == LineageEvent.Kind.SPLIT:
                continue
            for unit in event.predecessors.order_by("code"):
                for p in unit.predecessors_for_year(year):
                    if p not in out:
                        out.append(p)
            break  # the latest creating event is the one that applies
        return out


class LineageEvent(models.Model):
    """A merger (several → one), a split (one → several) or a rename, on ``date``."""

    class Kind(models.TextChoices):
        MERGE = "merge", _("Sáp nhập")
        SPLIT = "split", _("Chia tách")
        RENAME = "rename", _("Đổi tên")

    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("ngày hiệu lực"))
    predecessors = models.ManyToManyField(AdministrativeUnit, related_name="ended_by", verbose_name=_("đơn vị trước"))
    successors = models.ManyToManyField(AdministrativeUnit, related_name="created_by", verbose_name=_("đơn vị sau"))
    decision = models.CharField(_("văn bản"), max_length=300, blank=True)

    class Meta:
        ordering = ["-date"]
        verbose_name = _("sự kiện thay đổi địa giới")
        verbose_name_plural = _("sự kiện thay đổi địa giới")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date:%d/%m/%Y}"
