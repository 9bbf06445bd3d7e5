"""A figure a document states, judged at the precision it is written to.

Owns: ``Stated`` (a number with the text it was written as, e.g. "106,90" keeps its two
decimals), the interval its written digits allow (``"35"`` → [34,5; 35,5), ``"35,15"`` →
[35,145; 35,155)), and ``Stated.agrees`` → ``Agreement``: ``OK`` when a computed value
rounds (half-up, ``core.numbers.round_half_up``) to the written digits, ``TRUNCATED`` when
the digits cut the value instead of rounding it (35,46 written "35,4": a warning, not an
error), ``WRONG`` otherwise. The evaluation's cross-checks (growth, index, multiple, % of
plan, shares, x/y) and the draft checker use this one rule.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from chitieu.core.numbers import Hint, NumberFormatError, format_number, nfc, parse_number, round_half_up

__all__ = ["Agreement", "Stated", "StatedError"]

# Relative slack for comparing computed floats with decimal bounds (binary noise, not rounding).
_EPS = 1e-9


class StatedError(NumberFormatError):
    """A stated figure that is not a number (the message is in Vietnamese and English)."""


class Agreement(StrEnum):
    OK = "ok"
    TRUNCATED = "truncated"  # the written digits cut the value: a warning
    WRONG = "wrong"

    @property
    def is_error(self) -> bool:
        return self is Agreement.WRONG

    @property
    def is_warning(self) -> bool:
        return self is Agreement.TRUNCATED


_TRAILING_UNIT = re.compile(r"\s*(%|‰|lần)\s*$")
_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3})+$")


def _written_decimals(digits: str, hint: Hint) -> int:
    """How many decimals ``digits`` (sign and spaces removed) is written with, by the same
    conventions ``parse_number`` reads it with (a dot before exactly three digits groups
    thousands in Vietnamese text; when both marks appear the last one is the decimal mark)."""
    dots, commas = digits.count("."), digits.count(",")
    if not dots and not commas:
        return 0
    last = max(digits.rfind("."), digits.rfind(","))
    tail = len(digits) - last - 1
    if dots and commas:
        return tail
    if dots > 1 or commas > 1:
        return 0
    if dots:
        return tail if hint == "en" or not _GROUPED_DOTS.match(digits) else 0
    return 0 if hint == "en" and _GROUPED_COMMAS.match(digits) else tail


@dataclass(frozen=True, slots=True)
class Stated:
    """A number as a document writes it: ``text`` (NFC, as written), ``value`` and the
    ``decimals`` its digits show. ``Stated.parse("106,90")`` → value 106.9, decimals 2."""

    text: str
    value: float
    decimals: int

    @classmethod
    def parse(cls, written: object, hint: Hint = "auto") -> Stated:
        """Read a stated figure from text ("35", "35,15", "1.234,5", "136%"), a ``Decimal``
        (which keeps trailing zeros) or a number (whose shortest form gives the decimals:
        a float cannot remember "106,90", so plan files keep the text)."""
        if isinstance(written, Stated):
            return written
        if isinstance(written, bool) or written is None:
            raise StatedError(str(written), "không phải là số / not a number")
        if isinstance(written, Decimal):
            if not written.is_finite():
                raise StatedError(str(written))
            exponent = written.as_tuple().exponent
            return cls(str(written), float(written), max(0, -int(exponent)))
        if isinstance(written, int):
            return cls(str(written), float(written), 0)
        if isinstance(written, float):
            if written != written or written in (float("inf"), float("-inf")):
                raise StatedError(repr(written))
            text = repr(written)
            if "e" in text:
                text = format(Decimal(text), "f")
            frac = text.partition(".")[2]
            decimals = 0 if frac in ("", "0") else len(frac)
            return cls(text.removesuffix(".0"), written, decimals)
        if not isinstance(written, str):
            raise StatedError(str(written), "không phải là số / not a number")
        text = nfc(written).strip()
        number = _TRAILING_UNIT.sub("", text)
        try:
            value = parse_number(number, hint)
        except NumberFormatError as exc:
            raise StatedError(written, "không phải là số / not a number") from exc
        digits = re.sub(r"[\s\u00a0+\-−–]", "", number)
        return cls(text, value, _written_decimals(digits, hint))

    @property
    def step(self) -> Decimal:
        """One unit of the last written decimal (``"35,15"`` → 0,01)."""
        return Decimal(1).scaleb(-self.decimals)

    def _exact(self) -> Decimal:
        return Decimal(repr(self.value)).quantize(self.step)

    def interval(self) -> tuple[float, float]:
        """The values the written digits allow by half-up rounding: [low, high) for a positive
        figure ("35" → (34.5, 35.5)), (low, high] for a negative one."""
        v, half = self._exact(), self.step / 2
        return float(v - half), float(v + half)

    def truncation_interval(self) -> tuple[float, float]:
        """The values whose digits cut (not rounded) at the written decimals give this figure:
        "35,4" ← [35,4; 35,5)."""
        v = self._exact()
        return (float(v), float(v + self.step)) if v >= 0 else (float(v - self.step), float(v))

    def agrees(self, value: float, *, low: float | None = None, high: float | None = None) -> Agreement:
        """Whether a computed ``value`` gives the written figure.

        ``low``/``high`` widen ``value`` to the range its own inputs allow (inputs are
        written to a precision too: 101,00 from 83,8 → 88,1 is OK though 101,01 is the
        central value). OK when the value rounds to the written digits (or the range meets
        the interval they allow); TRUNCATED when it only meets the truncation interval.
        """
        lo = value if low is None else min(low, value)
        hi = value if high is None else max(high, value)
        if lo == hi:
            if round_half_up(value, self.decimals) == float(self._exact()):
                return Agreement.OK
        elif _meets(self.interval(), lo, hi):
            return Agreement.OK
        if _meets(self.truncation_interval(), lo, hi) or _truncate(value, self.decimals) == self._exact():
            return Agreement.TRUNCATED
        return Agreement.WRONG

    def printed(self) -> str:
        """The figure printed back Vietnamese-style at its written decimals ("106,90")."""
        return format_number(self.value, self.decimals)

    def __str__(self) -> str:
        return self.printed()


def _meets(interval: tuple[float, float], lo: float, hi: float) -> bool:
    a, b = interval
    slack = _EPS * max(1.0, abs(a), abs(b))
    return lo < b - slack and hi >= a - slack


def _truncate(x: float, decimals: int) -> Decimal:
    return Decimal(repr(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)
