"""Evaluation of a plan: from an indicator, its target and its yearly values, the figures a
report states and the verdict vượt / đạt / không đạt / chưa đủ số liệu, with its reason.

Owns: the growth arithmetic (CAGR, growth index, compounding of yearly rates, the rate still
required), % of plan, multiples, percentage-point changes, structure shares, the verdict and
its one-sentence reason, mid-term progress (đạt / chưa đạt tiến độ), the end-of-term
forecast, and the summary line "13/18 chỉ tiêu đạt và vượt". Every computed figure keeps its
inputs and rule so it can be explained. The rules are written in docs/evaluation.md.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from chitieu.core.indicators import Indicator
from chitieu.core.series import Series
from chitieu.core.targets import Target


class Status(StrEnum):
    VUOT = "vuot"
    DAT = "dat"
    KHONG_DAT = "khong_dat"
    CHUA_DU_SO_LIEU = "chua_du_so_lieu"


STATUS_LABELS: dict[Status, str] = {
    Status.VUOT: "Vượt",
    Status.DAT: "Đạt",
    Status.KHONG_DAT: "Không đạt",
    Status.CHUA_DU_SO_LIEU: "Chưa đủ số liệu",
}


class Progress(StrEnum):
    ON_TRACK = "dat_tien_do"
    OFF_TRACK = "chua_dat_tien_do"


PROGRESS_LABELS: dict[Progress, str] = {
    Progress.ON_TRACK: "Đạt tiến độ",
    Progress.OFF_TRACK: "Chưa đạt tiến độ",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """A computed number with what it was computed from and how, for audit and explanation.

    ``key`` is stable for programs (``cagr``, ``index``, ``percent_of_plan``, ``multiple``,
    ``change``, ``points``, ``share:<part>``, ``required_rate``, ``projected``); ``label`` is
    the Vietnamese name; ``rule`` the formula in words; ``inputs`` the named numbers used.
    """

    key: str
    label: str
    value: float
    unit: str | None
    rule: str
    inputs: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True, slots=True)
class Forecast:
    """Where the indicator ends the term at the current pace."""

    year: int
    projected: float
    at_risk: bool
    required_rate: float | None  # % per year still needed in the remaining years (growth targets)
    sentence: str


@dataclass(frozen=True, slots=True)
class Evaluation:
    indicator: Indicator
    target: Target
    status: Status
    reason: str
    figures: tuple[Figure, ...] = ()
    progress: Progress | None = None  # set only for a term not yet over
    forecast: Forecast | None = None
    discrepancies: tuple[str, ...] = field(default_factory=tuple)  # stated figures that the data contradict

    def figure(self, key: str) -> Figure | None:
        for f in self.figures:
            if f.key == key:
                return f
        return None

    @property
    def met(self) -> bool:
        return self.status in (Status.VUOT, Status.DAT)


def evaluate(
    indicator: Indicator,
    target: Target,
    series: Series,
    *,
    base_year: int,
    final_year: int,
    as_of: int | None = None,
    stated: dict[str, float] | None = None,
) -> Evaluation:
    """Evaluate one indicator of one unit over the term ``base_year`` → ``final_year``.

    ``as_of`` is the last year with data to take into account (default: the latest in the
    series); a term with ``as_of < final_year`` also gets ``progress`` and ``forecast``.
    ``stated`` holds figures a document claims (``{"index": 106.46}``); those that disagree
    with what the values give are listed in ``discrepancies``.
    """
    raise NotImplementedError  # implemented below in this module's next commit
