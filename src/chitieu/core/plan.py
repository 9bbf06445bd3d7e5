"""A plan as the core sees it: a unit, a term, and per indicator its target and its values.

Owns: ``Plan`` and ``PlanItem`` (with "Trong đó" children and the figures assigned per year),
and ``Merger``: the former
units a merged unit was formed from and the date it was formed (its series before that date
are its predecessors' combined by ``core.rollup``). Readers of plan files, the web app's
models and the report generator all meet on these types.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from chitieu.core.assigned import Assigned
from chitieu.core.indicators import Indicator
from chitieu.core.series import Series
from chitieu.core.targets import Target


@dataclass(frozen=True, slots=True)
class PlanItem:
    indicator: Indicator
    target: Target | None
    series: Series
    # What a source document claims: "status" → a Status value, a figure key ("index",
    # "percent_of_plan"…) → the number as written (a core.stated.Stated, text or number).
    stated: dict[str, object] = field(default_factory=dict)
    children: tuple[PlanItem, ...] = ()
    value_is: str | None = None  # "per_year_average" when the value already is the term's yearly mean
    breakdown: bool = False  # the children make up the whole (their sum must equal this item)
    # The figures assigned per year (core.assigned.Assigned) for a target "đạt và vượt chỉ tiêu giao".
    assigned: tuple[Assigned, ...] = ()
    # The document that set the target ("Nghị quyết số 12/NQ-HĐND của HĐND phường", "Dự toán thu
    # ngân sách năm 2024 do UBND thị xã giao"), named by the report's sentence; "" for the plan's own.
    target_source: str = ""


@dataclass(frozen=True, slots=True)
class NextTarget:
    """A key target of the next plan, as the plan text words it ("Thu nhập bình quân đầu người
    đến năm 2030: 120-125 triệu đồng"), with its domain group and, when it parsed, its Target."""

    domain: str
    text: str
    target: Target | None = None


@dataclass(frozen=True, slots=True)
class Predecessor:
    """A former unit merged into the plan's unit."""

    name: str
    code: str = ""


@dataclass(frozen=True, slots=True)
class Merger:
    """The plan's unit was formed on ``date`` from ``predecessors``."""

    date: date
    predecessors: tuple[Predecessor, ...]

    @property
    def first_own_year(self) -> int:
        """The first year whose values are the new unit's own (the year of the merger)."""
        return self.date.year


SIGN_AS_CODES = ("tm", "tm_kt", "kt", "q")  # TM. / TM.+KT. / KT. / Q. (reports.letterhead.SIGN_AS words them)


@dataclass(frozen=True)
class Letter:
    """The parts of the report letter a plan file may set: who signs and how, "Kính gửi" and
    "Nơi nhận". Empty fields keep the defaults derived from the plan."""

    signer_name: str = ""
    sign_as: str = ""
    kinh_gui: str = ""
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Plan:
    unit_code: str
    unit_name: str
    base_year: int
    final_year: int
    items: tuple[PlanItem, ...]
    source: str = ""
    unit_level: str = ""
    parent_name: str = ""
    as_of: int | None = None
    next_period: str = ""  # "2026-2030"
    next_targets: tuple[NextTarget, ...] = ()
    merger: Merger | None = None
    letter: Letter | None = None

    @property
    def period(self) -> str:
        return f"{self.base_year + 1}-{self.final_year}" if self.final_year - self.base_year > 1 else str(self.final_year)

    def walk(self):
        """Every item, parents before their children, with its depth (0 for a key indicator)."""
        stack = [(item, 0) for item in reversed(self.items)]
        while stack:
            item, depth = stack.pop()
            yield item, depth
            stack.extend((child, depth + 1) for child in reversed(item.children))
