"""Yearly values of one indicator: observations, their status, and the series they form.

Owns: ``ValueStatus`` (kế hoạch / ước thực hiện / sơ bộ / chính thức), ``Observation``
and ``Series``, which picks the best-known value per year (official over preliminary over
estimate over plan) while keeping every status.

A series is stored as three columns (years, values, statuses), not as one object per year: a
national roll-up holds hundreds of thousands of series, and the years and statuses columns
are shared between the series that have the same ones. ``get``, ``latest`` and iteration hand
out ``Observation`` objects made on the way.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
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


class _FreshObservation:
    """The slot layout of ``Observation`` without its frozen ``__setattr__``: an observation is
    filled in here and then becomes an ``Observation`` (``__class__`` assignment), three times
    cheaper than the frozen constructor — series hand them out by the million."""

    __slots__ = ("year", "value", "status")


def _observation(year, value, status) -> Observation:
    obs = _FreshObservation()
    obs.year = year
    obs.value = value
    obs.status = status
    obs.__class__ = Observation
    return obs


# The years and statuses columns, shared between series (most have the same ones): years that
# are all ints by themselves, statuses that are all ValueStatus by their joined values (an
# enum's own hash is Python code). Bounded: past this many distinct columns a new one is kept
# by its series only. Columns of other types (a year as a float) are kept as given.
_SHARED: dict[object, tuple] = {}
_SHARED_MAX = 4096
_INT, _FLOAT, _STATUS = {int}, {float}, {ValueStatus}


def _keep(key: object, column: tuple) -> tuple:
    got = _SHARED.get(key)
    if got is not None:
        return got
    if len(_SHARED) < _SHARED_MAX:
        _SHARED[key] = column
    return column


def _years(column: tuple) -> tuple:
    return _keep(column, column) if set(map(type, column)) <= _INT else column


def _statuses(column: tuple) -> tuple:
    return _keep("|".join(column), column) if set(map(type, column)) <= _STATUS else column


class Series:
    """The values of one indicator of one unit, by year; the best-known actual value per year.

    ``_years`` (ascending), ``_values`` and ``_statuses`` are its columns; ``_values`` is an
    ``array('d')`` when every value is a float (the same floats, in a quarter of the memory),
    else a tuple of the values as given.
    """

    __slots__ = ("_years", "_values", "_statuses")

    def __init__(self, observations: list[Observation] | tuple[Observation, ...] = ()) -> None:
        best: dict[int, Observation] = {}
        plan = ValueStatus.PLAN
        for obs in observations:
            if obs.status is plan:  # not an actual value (Observation.is_actual)
                continue
            cur = best.get(obs.year)
            if cur is None or _RANK[obs.status] > _RANK[cur.status]:
                best[obs.year] = obs
        chosen = [best[y] for y in sorted(best)]
        self._years = _years(tuple([o.year for o in chosen]))
        values = [o.value for o in chosen]
        self._values = array("d", values) if set(map(type, values)) <= _FLOAT else tuple(values)
        self._statuses = _statuses(tuple([o.status for o in chosen]))

    @classmethod
    def of(cls, values: dict[int, float], status: ValueStatus = ValueStatus.OFFICIAL) -> Series:
        return cls([Observation(y, v, status) for y, v in values.items()])

    def years(self) -> list[int]:
        return list(self._years)

    def get(self, year: int) -> Observation | None:
        years = self._years
        if year not in years:
            return None
        i = years.index(year)
        return _observation(years[i], self._values[i], self._statuses[i])

    def value(self, year: int) -> float | None:
        years = self._years
        return self._values[years.index(year)] if year in years else None

    def latest(self, until: int | None = None) -> Observation | None:
        years = self._years
        i = len(years) - 1 if until is None else bisect_right(years, until) - 1
        return None if i < 0 else _observation(years[i], self._values[i], self._statuses[i])

    def __len__(self) -> int:
        return len(self._years)

    def __iter__(self):
        return map(_observation, self._years, self._values, self._statuses)

    def __getstate__(self):
        return None, {"_years": self._years, "_values": self._values, "_statuses": self._statuses}

    def __setstate__(self, state) -> None:
        slots = state[1]
        self._years = _years(tuple(slots["_years"]))
        self._values = slots["_values"]
        self._statuses = _statuses(tuple(slots["_statuses"]))
