"""Yearly values of one indicator: observations, their status, and the series they form.

Owns: ``ValueStatus`` (kế hoạch / ước thực hiện / sơ bộ / chính thức), ``Observation``
and ``Series``, which picks the best-known value per year (official over preliminary over
estimate over plan) while keeping every status.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ValueStatus(StrEnum):
    PLAN = "ke_hoach"
    ESTIMATE = "uoc"
    PRELIMINARY = "so_bo"
    OFFICIAL = "chinh_thuc"


VALUE_STATUS_LABELS: dict[ValueStatus, str] = {
    ValueStatus.PLAN: "Kế hoạch",
    ValueStatus.ESTIMATE: "Ước thực hiện",
    ValueStatus.PRELIMINARY: "Sơ bộ",
    ValueStatus.OFFICIAL: "Chính thức",
}

# Higher wins when a year has several values.
_RANK = {ValueStatus.PLAN: 0, ValueStatus.ESTIMATE: 1, ValueStatus.PRELIMINARY: 2, ValueStatus.OFFICIAL: 3}


@dataclass(frozen=True, slots=True)
class Observation:
    year: int
    value: float
    status: ValueStatus = ValueStatus.OFFICIAL

    @property
    def is_actual(self) -> bool:
        """An achieved value (estimated or final), not a planned one."""
        return self.status is not ValueStatus.PLAN


class Series:
    """The values of one indicator of one unit, by year; the best-known actual value per year."""

    __slots__ = ("_best",)

    def __init__(self, observations: list[Observation] | tuple[Observation, ...] = ()) -> None:
        best: dict[int, Observation] = {}
        for obs in observations:
            if not obs.is_actual:
                continue
            cur = best.get(obs.year)
            if cur is None or _RANK[obs.status] > _RANK[cur.status]:
                best[obs.year] = obs
        self._best = dict(sorted(best.items()))

    @classmethod
    def of(cls, values: dict[int, float], status: ValueStatus = ValueStatus.OFFICIAL) -> Series:
        return cls([Observation(y, v, status) for y, v in values.items()])

    def years(self) -> list[int]:
        return list(self._best)

    def get(self, year: int) -> Observation | None:
        return self._best.get(year)

    def value(self, year: int) -> float | None:
        obs = self._best.get(year)
        return None if obs is None else obs.value

    def latest(self, until: int | None = None) -> Observation | None:
        for year in reversed(self._best):
            if until is None or year <= until:
                return self._best[year]
        return None

    def __len__(self) -> int:
        return len(self._best)

    def __iter__(self):
        return iter(self._best.values())
