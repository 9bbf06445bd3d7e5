"""The target model: what a plan asks of an indicator (a bound, a form, a horizon).

Owns ``Target``, ``Bound``, ``Op``, ``Form``, ``Horizon``, ``StructurePart`` and
``TargetParseError``. Imports nothing of the parser or the wording (``parser``, ``describe``
import it): ``chitieu.core.targets`` ties the three together. Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum


class Op(StrEnum):
    """How a bound constrains a value (the same codes as the extraction contract)."""

    EQ = "="
    GT = ">"
    GE = ">="
    LT = "<"
    LE = "<="
    RANGE = "range"
    QUALITATIVE = "qualitative"


class Form(StrEnum):
    """What the bound is a bound *of*."""

    LEVEL = "level"  # the indicator's own value: "đạt 85 triệu đồng", "trên 70%", "dưới 1%"
    GROWTH = "growth"  # a relative growth rate in %: "tăng 19-21%/năm", "bình quân ≥ 10%/năm"
    CHANGE = "change"  # an absolute change in the indicator's unit: "giảm 12-15 hộ/năm", "giảm 0,4%" of a rate
    MULTIPLE = "multiple"  # a multiple of a base: "tăng 1,4 - 1,5 lần", "gấp 2 lần so với năm 2015"
    STRUCTURE = "structure"  # shares of a whole: "dịch vụ 67-68%; công nghiệp xây dựng 29-30%; ..."
    QUALITATIVE = "qualitative"  # no number: "Giữ vững ... đạt chuẩn", "Đạt và vượt chỉ tiêu giao"


class Horizon(StrEnum):
    """When the bound must hold."""

    END_OF_TERM = "end_of_term"  # at the final year ("đến năm 2030"); the default for levels
    EACH_YEAR = "each_year"  # in every year ("hằng năm ... đạt 100%", "350-400 người/năm")
    AVERAGE = "average"  # the average over the term ("bình quân ... /năm", "tăng 19-21%/năm")
    CUMULATIVE = "cumulative"  # the sum over the term ("cả nhiệm kỳ", "giai đoạn 2021-2025: 550-600 tỷ")


class TargetParseError(ValueError):
    """A target phrase the parser does not understand. Names the phrase, in Vietnamese and English."""

    def __init__(self, phrase: str, why: str = "") -> None:
        self.phrase = phrase
        self.why = why
        detail = f": {why}" if why else ""
        # A pasted page is named by its beginning: the message is read on a page or a terminal.
        shown = phrase if len(phrase) <= _SHOWN else phrase[: _SHOWN - 1] + "…"
        super().__init__(
            f"Không hiểu chỉ tiêu “{shown}”{detail}. / Cannot understand the target {shown!r}{detail}."
        )


_SHOWN = 200


@dataclass(frozen=True, slots=True)
class Bound:
    """A constraint on one number. ``=``: low == high; ``>``/``>=``: low only; ``<``/``<=``: high only;
    ``range``: both; ``qualitative``: neither."""

    op: Op
    low: float | None = None
    high: float | None = None

    def __post_init__(self) -> None:
        op, lo, hi = self.op, self.low, self.high
        ok = {
            Op.EQ: lo is not None and hi is not None and lo == hi,
            Op.GT: lo is not None and hi is None,
            Op.GE: lo is not None and hi is None,
            Op.LT: lo is None and hi is not None,
            Op.LE: lo is None and hi is not None,
            Op.RANGE: lo is not None and hi is not None and lo <= hi,
            Op.QUALITATIVE: lo is None and hi is None,
        }[op]
        if not ok:
            raise ValueError(f"inconsistent bound: {op} low={lo} high={hi}")

    @classmethod
    def exact(cls, x: float) -> Bound:
        return cls(Op.EQ, x, x)

    @classmethod
    def between(cls, a: float, b: float) -> Bound:
        return cls(Op.RANGE, min(a, b), max(a, b))

    def contains(self, x: float) -> bool:
        """Whether ``x`` satisfies the bound (an exact target is met by reaching it)."""
        match self.op:
            case Op.EQ:
                return x == self.low
            case Op.GT:
                return x > self.low
            case Op.GE:
                return x >= self.low
            case Op.LT:
                return x < self.high
            case Op.LE:
                return x <= self.high
            case Op.RANGE:
                return self.low <= x <= self.high
        return False

    def scaled(self, factor: float) -> Bound:
        return Bound(
            self.op,
            None if self.low is None else self.low * factor,
            None if self.high is None else self.high * factor,
        )

    def as_dict(self) -> dict:
        """The extraction contract's value object: ``{"op": ..., "low": ..., "high": ...}``."""
        return {"op": str(self.op), "low": self.low, "high": self.high}


@dataclass(frozen=True, slots=True)
class StructurePart:
    """One sector of a structure target: ``dịch vụ 67-68%``."""

    name: str
    bound: Bound


@dataclass(frozen=True, slots=True)
class Target:
    """A parsed plan target.

    ``unit`` is the unit of the bound's numbers (``%`` for a growth rate, ``lần`` for a
    multiple, ``triệu đồng`` for a level). ``decrease`` is True for "giảm": the bound is then
    on the size of the fall (giảm 12-15 hộ/năm → CHANGE, range 12..15, decrease=True).
    ``points`` is True when a % change is in percentage points (the default for a change of a
    rate: "giảm 1%" of a rate means 1 point unless the text says otherwise).
    ``year`` is the year the target is for ("đến năm 2030"); ``base_year`` what a multiple or a
    change is measured from ("so với năm 2015"). ``alternative`` is a second reading the plan
    gives in parentheses ("1,4 - 1,5 lần (85-90 triệu)").
    """

    phrase: str
    form: Form
    bound: Bound
    unit: str | None = None
    horizon: Horizon = Horizon.END_OF_TERM
    decrease: bool = False
    points: bool = False
    year: int | None = None
    base_year: int | None = None
    parts: tuple[StructurePart, ...] = field(default_factory=tuple)
    alternative: Target | None = None
    subject: str | None = None  # indicator words in the phrase before the target, if any

    @property
    def op(self) -> Op:
        return self.bound.op

    @property
    def per_year(self) -> bool:
        """True when the bound applies to each year or is an average per year."""
        return self.horizon in (Horizon.EACH_YEAR, Horizon.AVERAGE)

    def with_(self, **changes) -> Target:
        return replace(self, **changes)
