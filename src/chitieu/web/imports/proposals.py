"""What the review screen proposes for each extracted statement, and the unit arithmetic of import.

Owns: the catalogue suggestion (``suggest`` over ``chitieu.extract.matching.suggest_indicator``),
the value a result proposes, the target phrase a target proposes (a part of its quote that
``parse_target`` reads back to the same bound, else the bound written out), the default value
status (ước thực hiện for the current year, chính thức otherwise) and ``convert`` (money units
scaled đồng / nghìn / triệu / tỷ; other units must agree).

Pure functions of their arguments; no database access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache

from chitieu.core.numbers import format_number, nfc
from chitieu.core.series import ValueStatus
from chitieu.core.targets import TargetParseError, parse_target
from chitieu.extract import matching
from chitieu.extract.matching import suggest_indicator


def suggest(indicator_text: str, quote: str, catalogue: Iterable[tuple[str, str, Sequence[str]]], *,
            kind: str = "result", unit: str = "", units: Mapping[str, str] | None = None) -> list[tuple[str, float]]:
    """Catalogue codes for a statement, best first: by its indicator name, else by its quote.

    With ``units`` (code → the indicator's unit), an indicator whose unit the statement's value
    cannot be written in is left out ("1 - 2 khu phố" is not "Xây dựng", in tỷ đồng); a target
    in % may still be a growth rate of any indicator.
    """
    catalogue = list(catalogue)

    def fits(code: str) -> bool:
        if not units or not unit or (kind == "target" and unit.strip() == "%"):
            return True
        try:
            convert(Decimal(1), unit, units.get(code, ""))
        except UnitMismatch:
            return False
        return True

    found = [x for x in _suggest(indicator_text, catalogue, 0.3) if fits(x[0])] if indicator_text.strip() else []
    if not found and quote.strip():
        found = [x for x in _suggest(quote, catalogue, 0.35) if fits(x[0])]
    return found


@lru_cache(maxsize=8192)
def _word_set(text: str) -> frozenset[str]:
    return frozenset(matching._words(text))


def _suggest(name: str, catalogue: list, floor: float) -> list[tuple[str, float]]:
    """``suggest_indicator`` on the entries that share a word with ``name`` (the others score
    below any floor), so that a report of several hundred statements is read in a second."""
    words = _word_set(name) - matching._STOP_FOLDED
    if words:
        catalogue = [e for e in catalogue if words & frozenset().union(*(_word_set(n) for n in (e[1], *e[2])))]
    return suggest_indicator(name, catalogue, floor=floor) if catalogue else []


def proposed_value(op: str, low: float | None, high: float | None) -> Decimal | None:
    """The one number a result stands for: its value, or the bound it states; none for a span or no number."""
    if op in ("=", ">", ">="):
        number = low
    elif op in ("<", "<="):
        number = high
    else:
        return None
    return None if number is None else Decimal(repr(float(number)))


# --- target phrases ----------------------------------------------------------------------

_MARKER = re.compile(r"^\s*(?:\(?\d{1,2}[.)]?\)?\s*[-–.:]?|[-–+•*])\s*")


def _same_bound(target, op: str, low: float | None, high: float | None) -> bool:
    bound = target.bound
    if str(bound.op) != op:
        return False

    def close(a, b):
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= 1e-9 * max(1, abs(b)))

    return close(bound.low, low) and close(bound.high, high)


def written_bound(op: str, low: float | None, high: float | None, unit: str, per_year: bool) -> str:
    """The bound as a plan writes it: "trên 80%", "19 - 21%/năm", "dưới 1 hộ"."""
    if op == "qualitative" or (low is None and high is None):
        return ""
    unit = (unit or "").strip()
    suffix = unit if unit in ("%", "‰") else (f" {unit}" if unit else "")
    if per_year and "/năm" not in suffix:
        suffix += "/năm"
    if op == "range":
        return f"{format_number(low)} - {format_number(high)}{suffix}"
    number = format_number(low if low is not None else high)
    return {
        "=": f"{number}{suffix}",
        ">": f"trên {number}{suffix}",
        ">=": f"từ {number}{suffix} trở lên",
        "<": f"dưới {number}{suffix}",
        "<=": f"tối đa {number}{suffix}",
    }.get(op, f"{number}{suffix}")


def proposed_phrase(indicator_text: str, quote: str, op: str, low: float | None, high: float | None,
                    unit: str, per_year: bool, indicator_kind: str | None = None) -> str:
    """A target phrase that reads back to the statement's own bound.

    Tried in order: the quote after the indicator's name ("tăng 19 - 21%/năm"), the whole
    quote, the bound written out. The first that ``parse_target`` reads with the same bound
    wins; when none does, the written bound is proposed for the user to correct.
    """
    clause = _MARKER.sub("", nfc(quote or "")).strip().rstrip(".;, ")
    candidates = []
    name = nfc(indicator_text or "").strip()
    if name and clause.lower().startswith(name.lower()):
        rest = clause[len(name):].strip(" :,-–")
        if rest:
            candidates.append(rest)
    candidates.append(clause)
    written = written_bound(op, low, high, unit, per_year)
    if written:
        candidates.append(written)
    for phrase in candidates:
        if not phrase or len(phrase) > 500:
            continue
        try:
            target = parse_target(phrase, indicator_kind=indicator_kind)
        except (TargetParseError, ValueError):
            continue
        if _same_bound(target, op, low, high):
            return phrase
    return written or clause[:500]


# --- values ------------------------------------------------------------------------------

def default_status(year: int, current_year: int) -> str:
    """A figure for the running year is an estimate; an earlier year's is the official one."""
    return ValueStatus.ESTIMATE.value if year >= current_year else ValueStatus.OFFICIAL.value


_MONEY = {"đồng": 0, "nghìn đồng": 3, "ngàn đồng": 3, "triệu đồng": 6, "triệu": 6, "tỷ đồng": 9, "tỷ": 9}


class UnitMismatch(ValueError):
    def __init__(self, given: str, wanted: str) -> None:
        self.given, self.wanted = given, wanted
        super().__init__(f"{given!r} ≠ {wanted!r}")


def _split(unit: str) -> tuple[str, str]:
    """"triệu đồng/người/năm" → ("triệu đồng", "/người/năm")."""
    text = re.sub(r"\s+", " ", nfc(unit or "").strip().lower())
    text = re.sub(r"\s*/\s*", "/", text)
    head, sep, tail = text.partition("/")
    return head.strip(), sep + tail


def convert(value: Decimal, given: str, wanted: str) -> Decimal:
    """``value`` written in unit ``given`` expressed in the indicator's unit ``wanted``.

    Money is scaled between đồng, nghìn, triệu and tỷ ("71.000.000 đồng/người/năm" → 71
    "triệu đồng"); a per-person or per-year tail may be left off either side. Other units
    must be the same (or one side blank); else ``UnitMismatch``.
    """
    g_head, g_tail = _split(given)
    w_head, w_tail = _split(wanted)
    if not g_head or not w_head:
        return value
    if g_tail and w_tail and g_tail != w_tail:
        raise UnitMismatch(given, wanted)
    if g_head in _MONEY and w_head in _MONEY:
        shift = _MONEY[g_head] - _MONEY[w_head]
        return value.scaleb(shift) if shift else value
    if g_head == w_head:
        return value
    raise UnitMismatch(given, wanted)
