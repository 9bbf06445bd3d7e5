"""``Indicator``: the catalogue entry behind every target and value; mirrors
``chitieu.core.indicators.Indicator`` (``to_core()``), which checks that a definition holds
together (a ratio needs a numerator and a denominator, constant prices a base year ...).
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from chitieu.core import indicators as core


def _choices(enum, labels: dict) -> list[tuple[str, str]]:
    return [(m.value, labels[m]) for m in enum]


KIND_LABELS = {
    core.Kind.LEVEL: _("Mức (thời điểm)"),
    core.Kind.FLOW: _("Lượng (trong kỳ)"),
    core.Kind.RATE: _("Tỷ lệ"),
    core.Kind.GROWTH_RATE: _("Tốc độ tăng"),
    core.Kind.SHARE: _("Tỷ trọng"),
    core.Kind.COUNT: _("Số lượng"),
    core.Kind.BOOLEAN: _("Đạt / không đạt"),
    core.Kind.OPTION: _("Xếp loại (danh sách lựa chọn)"),
    core.Kind.RANK: _("Thứ hạng (1 là cao nhất)"),
}
DIRECTION_LABELS = {
    core.Direction.HIGHER_IS_BETTER: _("Càng cao càng tốt"),
    core.Direction.LOWER_IS_BETTER: _("Càng thấp càng tốt"),
    core.Direction.KEEP: _("Duy trì"),
}
DOMAIN_LABELS = {
    core.Domain.KINH_TE: _("Kinh tế"),
    core.Domain.VAN_HOA_XA_HOI: _("Văn hóa - xã hội"),
    core.Domain.MOI_TRUONG_DO_THI: _("Môi trường - đô thị"),
    core.Domain.CAI_CACH_HANH_CHINH: _("Cải cách hành chính - chuyển đổi số"),
    core.Domain.QUOC_PHONG_AN_NINH: _("Quốc phòng - an ninh"),
    core.Domain.XAY_DUNG_DANG: _("Xây dựng Đảng và hệ thống chính trị"),
}
AGGREGATION_LABELS = {
    core.Aggregation.SUM: _("Cộng"),
    core.Aggregation.RATIO: _("Tính lại tử số / mẫu số"),
    core.Aggregation.WEIGHTED_MEAN: _("Bình quân gia quyền"),
    core.Aggregation.NONE: _("Không tổng hợp"),
}
PRICE_BASIS_LABELS = {
    core.PriceBasis.NONE: _("Không phải giá trị tiền"),
    core.PriceBasis.CURRENT: _("Giá hiện hành"),
    core.PriceBasis.CONSTANT: _("Giá so sánh"),
}


# A code goes into URLs (/catalog/<code>/edit/, the dashboards) and into file names: a "/" or a
# space in one made every page that links to it fail.
CODE_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
CODE_MESSAGE = _("Mã chỉ tiêu “%(value)s” không hợp lệ: chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - "
                 "(bắt đầu bằng chữ hoặc số), tối đa 32 ký tự.")
ALIAS_MAX_LENGTH = 300


def code_is_valid(code: str) -> bool:
    return bool(code) and CODE_PATTERN.fullmatch(code) is not None


validate_code = RegexValidator(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,31}\Z", CODE_MESSAGE, code="invalid_code")


class Indicator(models.Model):
    """One indicator; ``parent`` makes it a "Trong đó" part of another."""

    code = models.CharField(_("mã"), max_length=32, unique=True, validators=[validate_code])
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    unit = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=_choices(core.Kind, KIND_LABELS))
    direction = models.CharField(_("chiều tốt"), max_length=8, choices=_choices(core.Direction, DIRECTION_LABELS))
    domain = models.CharField(_("lĩnh vực"), max_length=24, choices=_choices(core.Domain, DOMAIN_LABELS))
    aggregation = models.CharField(
        _("cách tổng hợp"), max_length=16, choices=_choices(core.Aggregation, AGGREGATION_LABELS)
    )
    price_basis = models.CharField(
        _("loại giá"), max_length=10, choices=_choices(core.PriceBasis, PRICE_BASIS_LABELS), default="none"
    )
    price_base_year = models.PositiveSmallIntegerField(_("năm gốc giá so sánh"), null=True, blank=True)
    parent = models.ForeignKey(
        "self", verbose_name=_("thuộc chỉ tiêu (trong đó)"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="children",
    )
    numerator = models.ForeignKey(
        "self", verbose_name=_("tử số"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", verbose_name=_("mẫu số"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    weight = models.ForeignKey(
        "self", verbose_name=_("trọng số"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # None (the default): not declared, a report prints each value as it was entered; computed
    # figures use ``places`` (chitieu.core.indicators.DEFAULT_DECIMALS).
    decimals = models.PositiveSmallIntegerField(
        _("số chữ số thập phân"), null=True, blank=True, default=None,
        validators=[MaxValueValidator(core.MAX_DECIMALS)],
        help_text=_("Để trống: số liệu in đúng như khi nhập (0,58 vẫn là 0,58)."))
    aliases = models.JSONField(_("tên khác"), default=list, blank=True)
    # An option indicator's ordered options, best first ("Tốt", "Khá", "Trung bình", "Yếu"); a
    # value is stored as its option's rank (1 = the first) in the ordinary decimal value.
    options = models.JSONField(_("các mức xếp loại (tốt nhất trước)"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def places(self) -> int:
        """The decimals of a computed figure (``core.Indicator.places``): declared, else the default."""
        return core.DEFAULT_DECIMALS if self.decimals is None else self.decimals

    @property
    def is_percent_share(self) -> bool:
        """A rate or share in % cannot exceed 100."""
        return self.kind in (core.Kind.RATE, core.Kind.SHARE) and (self.unit or "").strip() == "%"

    def to_core(self) -> core.Indicator:
        return core.Indicator(
            code=self.code,
            name=self.name,
            unit=self.unit or None,
            kind=self.kind,
            direction=self.direction,
            domain=self.domain,
            aggregation=self.aggregation,
            price_basis=self.price_basis,
            price_base_year=self.price_base_year,
            parent=self.parent.code if self.parent_id else None,
            numerator=self.numerator.code if self.numerator_id else None,
            denominator=self.denominator.code if self.denominator_id else None,
            weight=self.weight.code if self.weight_id else None,
            decimals=self.decimals,
            aliases=tuple(self.aliases or ()),
            options=tuple(self.options or ()),
        )

    def clean(self) -> None:
        if not self.code or not self.name:
            return  # a missing or refused code or name is already reported on its field
        long_aliases = [a for a in self.aliases or [] if len(a) > ALIAS_MAX_LENGTH]
        if long_aliases:
            raise ValidationError({"aliases": _("Tên khác dài quá %(max)d ký tự: “%(alias)s…”.") % {
                "max": ALIAS_MAX_LENGTH, "alias": long_aliases[0][:40]}})
        try:
            self.to_core()
        except (core.IndicatorError, ValueError) as exc:
            raise ValidationError(str(exc)) from exc
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Chỉ tiêu không thể là phần của chính nó.")})
