"""Indicator definitions: what is measured, in what unit, which way is better, how it adds up.

Owns: ``Indicator`` and its vocabularies (kind, direction, price basis, domain group,
aggregation rule), and the words of a yes/no value (``read_yes_no``, ``yes_no_label``): stored
as 1/0, typed and shown as "Đạt" / "Chưa đạt". Direction is required and never defaulted: whether more poor households
is good or bad is not something to guess.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    LEVEL = "level"  # a stock at a point in time: thu nhập bình quân, số doanh nghiệp hoạt động
    FLOW = "flow"  # an amount over a period: giá trị sản xuất, thu ngân sách, tổng mức bán lẻ
    RATE = "rate"  # a percentage of a population: tỷ lệ hộ nghèo, tỷ lệ tham gia BHYT
    GROWTH_RATE = "growth_rate"  # a growth rate in %: tốc độ tăng tổng giá trị sản phẩm
    SHARE = "share"  # a share of a structure: tỷ trọng dịch vụ trong cơ cấu kinh tế
    COUNT = "count"  # a number of things: số hộ nghèo, số lao động được tạo việc làm
    BOOLEAN = "boolean"  # yes/no: đạt chuẩn quốc gia về y tế
    OPTION = "option"  # one of ordered options, best first: xếp loại Tốt / Khá / Trung bình / Yếu
    RANK = "rank"  # a position, 1 the best: xếp thứ 3, nằm trong tốp 3


# Kinds whose value is a position in an order (stored as the rank, 1 = the best), shown in words.
ORDINAL_KINDS = frozenset({Kind.OPTION, Kind.RANK})


# The words a yes/no value may be given as (folded to lower case, NFC); stored as 1 / 0.
YES_WORDS = frozenset({"đạt", "đạt chuẩn", "có", "true", "1", "yes", "x"})
NO_WORDS = frozenset({"không đạt", "chưa đạt", "chưa đạt chuẩn", "không đạt chuẩn", "không", "chưa", "false",
                      "0", "no"})
YES_LABEL = "Đạt"
NO_LABEL = "Chưa đạt"


def read_yes_no(raw) -> int | None:
    """1 or 0 for a yes/no value given as a word ("Đạt", "Không đạt", "có", "không"), a JSON
    boolean or 1/0; None when ``raw`` is none of these (the caller says what is wrong)."""
    if isinstance(raw, bool):
        return int(raw)
    if isinstance(raw, int | float) and raw in (0, 1):
        return int(raw)
    if not isinstance(raw, str):
        return None
    text = " ".join(unicodedata.normalize("NFC", raw).strip().lower().split())
    if text in ("1,0", "1.0"):
        return 1
    if text in ("0,0", "0.0"):
        return 0
    if text in YES_WORDS:
        return 1
    if text in NO_WORDS:
        return 0
    return None


def yes_no_label(value: float) -> str:
    """A stored yes/no value in words: "Đạt" / "Chưa đạt" (never 1/0)."""
    return YES_LABEL if value >= 0.5 else NO_LABEL


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"
    KEEP = "keep"  # hold a level or a standard: duy trì, giữ vững


class PriceBasis(StrEnum):
    NONE = "none"  # not a money value
    CURRENT = "current"  # giá hiện hành
    CONSTANT = "constant"  # giá so sánh (with a base year)


class Domain(StrEnum):
    KINH_TE = "kinh_te"
    VAN_HOA_XA_HOI = "van_hoa_xa_hoi"
    MOI_TRUONG_DO_THI = "moi_truong_do_thi"
    CAI_CACH_HANH_CHINH = "cai_cach_hanh_chinh"
    QUOC_PHONG_AN_NINH = "quoc_phong_an_ninh"
    XAY_DUNG_DANG = "xay_dung_dang"


DOMAIN_LABELS: dict[Domain, str] = {
    Domain.KINH_TE: "Kinh tế",
    Domain.VAN_HOA_XA_HOI: "Văn hóa - xã hội",
    Domain.MOI_TRUONG_DO_THI: "Môi trường - đô thị",
    Domain.CAI_CACH_HANH_CHINH: "Cải cách hành chính - chuyển đổi số",
    Domain.QUOC_PHONG_AN_NINH: "Quốc phòng - an ninh",
    Domain.XAY_DUNG_DANG: "Xây dựng Đảng và hệ thống chính trị",
}


class Aggregation(StrEnum):
    SUM = "sum"  # flows and counts add up
    RATIO = "ratio"  # recompute numerator / denominator from the parts (rates, shares)
    WEIGHTED_MEAN = "weighted_mean"  # mean weighted by another indicator (income by population)
    NONE = "none"  # not aggregatable (a qualitative standard, a growth rate as written)


# The decimals a figure computed from an indicator gets when the indicator declares none
# (``Indicator.places``); a report prints an entered value as it was entered instead.
DEFAULT_DECIMALS = 1
MAX_DECIMALS = 6


class IndicatorError(ValueError):
    """An indicator definition that does not hold together."""


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator of the catalogue.

    ``numerator``/``denominator`` name the indicators a RATIO is recomputed from;
    ``weight`` the one a WEIGHTED_MEAN is weighted by; ``parent`` the indicator this one is
    a "Trong đó" part of. ``decimals`` is what the definition declares, None when it declares
    nothing (the default): a report then prints each value with the decimals it was entered
    with (``chitieu.core.numbers.entered_decimals``), and a computed figure at ``places``.
    """

    code: str
    name: str
    unit: str | None
    kind: Kind
    direction: Direction
    domain: Domain
    aggregation: Aggregation
    price_basis: PriceBasis = PriceBasis.NONE
    price_base_year: int | None = None
    parent: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    weight: str | None = None
    decimals: int | None = None
    aliases: tuple[str, ...] = field(default_factory=tuple)
    # The ordered options of an OPTION indicator, best first ("Tốt", "Khá", "Trung bình", "Yếu");
    # a value is stored as its option's rank (1 = the first).
    options: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if not self.code or not self.name:
            raise IndicatorError("Chỉ tiêu cần có mã và tên / an indicator needs a code and a name")
        for attr, enum in (("kind", Kind), ("direction", Direction), ("domain", Domain),
                           ("aggregation", Aggregation), ("price_basis", PriceBasis)):
            value = getattr(self, attr)
            if value is None or value == "":
                raise IndicatorError(
                    f"Chỉ tiêu {self.code}: thiếu “{attr}” (bắt buộc) / indicator {self.code}: {attr} is required"
                )
            object.__setattr__(self, attr, enum(value))
        if self.aggregation is Aggregation.RATIO and not (self.numerator and self.denominator):
            raise IndicatorError(
                f"Chỉ tiêu {self.code}: tổng hợp theo tỷ lệ cần tử số và mẫu số / "
                f"{self.code}: a ratio aggregation needs a numerator and a denominator"
            )
        if self.aggregation is Aggregation.WEIGHTED_MEAN and not self.weight:
            raise IndicatorError(
                f"Chỉ tiêu {self.code}: bình quân gia quyền cần chỉ tiêu trọng số / "
                f"{self.code}: a weighted mean needs a weight indicator"
            )
        if self.kind is Kind.OPTION:
            object.__setattr__(self, "options", _check_options(self.code, self.options))
        elif self.options:
            raise IndicatorError(
                f"Chỉ tiêu {self.code}: chỉ chỉ tiêu loại “xếp loại” mới có danh sách lựa chọn / "
                f"{self.code}: only an option indicator has options"
            )
        if self.decimals is not None and (
                isinstance(self.decimals, bool) or not isinstance(self.decimals, int)
                or not 0 <= self.decimals <= MAX_DECIMALS):
            raise IndicatorError(
                f"Chỉ tiêu {self.code}: số chữ số thập phân phải là số nguyên từ 0 đến {MAX_DECIMALS} / "
                f"{self.code}: decimals must be a whole number from 0 to {MAX_DECIMALS}"
            )
        if self.price_basis is PriceBasis.CONSTANT and not self.price_base_year:
            raise IndicatorError(
                f"Chỉ tiêu {self.code}: giá so sánh cần năm gốc / {self.code}: constant prices need a base year"
            )

    @property
    def places(self) -> int:
        """The decimals a figure computed from this indicator is rounded and printed at: the
        declared ``decimals``, else ``DEFAULT_DECIMALS``."""
        return DEFAULT_DECIMALS if self.decimals is None else self.decimals

    @property
    def declares_decimals(self) -> bool:
        return self.decimals is not None

    @property
    def ordinal(self) -> bool:
        """A value that is a position in an order (an option's rank, a rank): shown in words."""
        return self.kind in ORDINAL_KINDS

    @property
    def is_money(self) -> bool:
        return self.price_basis is not PriceBasis.NONE

    def same_price_basis(self, other: Indicator) -> bool:
        """Money values may only be combined on one basis (never current with constant prices)."""
        return (self.price_basis, self.price_base_year) == (other.price_basis, other.price_base_year)


def _check_options(code: str, options) -> tuple[str, ...]:
    """The options NFC-normalised, spaces tidied; an error for fewer than two, an empty or a repeated one."""
    if isinstance(options, str) or len(options) < 2:
        raise IndicatorError(
            f"Chỉ tiêu {code}: chỉ tiêu xếp loại cần ít nhất hai lựa chọn theo thứ tự, tốt nhất trước "
            f"(ví dụ Tốt, Khá, Trung bình, Yếu) / {code}: an option indicator needs at least two ordered options"
        )
    seen, out = set(), []
    for option in options:
        word = " ".join(unicodedata.normalize("NFC", str(option)).split())
        folded = word.lower()
        if not word or folded in seen:
            raise IndicatorError(
                f"Chỉ tiêu {code}: lựa chọn “{word}” trống hoặc trùng / {code}: option {word!r} is empty or repeated"
            )
        seen.add(folded)
        out.append(word)
    return tuple(out)
