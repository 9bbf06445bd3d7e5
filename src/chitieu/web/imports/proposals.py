"""What the review screen proposes for each extracted statement, and the unit arithmetic of import.

Owns: the catalogue suggestion (``suggest`` over ``chitieu.extract.matching.suggest_indicator``)
and why it was made (``matched_words``), how sure the review is of a statement (``CONFIDENT``,
``noise_of``: folded away when nothing matched, no unit was read, or it counts administrative
units), the value a result proposes, the target phrase a target proposes (a part of its quote
whose parsed ``Target`` has the statement's own core ``Bound``; else core's wording of that
``Bound``, never our own text parsed back),
the default value status (ước thực hiện for the current year, chính thức otherwise) and
``convert`` (money units scaled đồng / nghìn / triệu / tỷ; other units must agree).

Pure functions of their arguments; no database access.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache

from chitieu.core.numbers import nfc
from chitieu.core.series import ValueStatus
from chitieu.core.targets import Bound, Op, TargetParseError, bound_text, parse_target
from chitieu.extract import matching
from chitieu.extract.matching import suggest_indicator
from chitieu.extract.normalise import fold

# A suggestion scoring this or more is accepted before the officer looks (one per indicator
# and year); below LOW it is marked as doubtful.
CONFIDENT = 0.75
LOW = 0.5


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


def statement_bound(op: str, low: float | None, high: float | None) -> Bound | None:
    """The statement's bound as core's ``Bound``; None when it holds no number (qualitative)."""
    try:
        bound = Bound(Op(op), low, high)
    except ValueError:
        return None
    return None if bound.op is Op.QUALITATIVE else bound


def _same_bound(a: Bound, b: Bound) -> bool:
    def close(x, y):
        return (x is None and y is None) or (x is not None and y is not None and abs(x - y) <= 1e-9 * max(1, abs(y)))

    return a.op is b.op and close(a.low, b.low) and close(a.high, b.high)


def written_bound(op: str, low: float | None, high: float | None, unit: str, per_year: bool) -> str:
    """The bound in core's wording ("trên 80%", "19-21%/năm"); "" when it holds no number."""
    return bound_words(statement_bound(op, low, high), unit, per_year)


def bound_words(bound: Bound | None, unit: str, per_year: bool) -> str:
    """``bound`` in core's wording ("trên 80%", "19-21%/năm"); "" for none (no number)."""
    if bound is None:
        return ""
    text = bound_text(bound, (unit or "").strip() or None)
    return f"{text}/năm" if per_year and "/năm" not in text else text


def proposed_phrase(indicator_text: str, quote: str, op: str, low: float | None, high: float | None,
                    unit: str, per_year: bool, indicator_kind: str | None = None) -> str:
    """``phrase_for`` a bound given as the contract's op, low and high."""
    return phrase_for(indicator_text, quote, statement_bound(op, low, high), unit, per_year, indicator_kind)


def phrase_for(indicator_text: str, quote: str, bound: Bound | None, unit: str, per_year: bool,
               indicator_kind: str | None = None) -> str:
    """The words of the report that state the statement's own ``bound``, as the plan's target phrase.

    Tried in order: the quote after the indicator's name ("tăng 19 - 21%/năm"), the whole
    quote. The first whose parsed ``Target.bound`` equals ``bound`` wins; when none does, core's
    wording of ``bound`` is proposed for the user to correct.
    """
    clause = _MARKER.sub("", nfc(quote or "")).strip().rstrip(".;, ")
    candidates = []
    name = nfc(indicator_text or "").strip()
    if name and clause.lower().startswith(name.lower()):
        rest = clause[len(name):].strip(" :,-–")
        if rest:
            candidates.append(rest)
    candidates.append(clause)
    for phrase in candidates if bound is not None else ():
        if not phrase or len(phrase) > 500:
            continue
        try:
            target = parse_target(phrase, indicator_kind=indicator_kind)
        except (TargetParseError, ValueError):
            continue
        if _same_bound(target.bound, bound):
            return phrase
    return bound_words(bound, unit, per_year) or clause[:500]


# --- why a statement is offered as it is ----------------------------------------------------

def matched_words(name: str, indicator_names: Sequence[str]) -> list[str]:
    """The words of ``name`` (the report's) also in the indicator's name or an alias, as the report writes them."""
    theirs = frozenset().union(*(_word_set(n) for n in indicator_names)) - matching._STOP_FOLDED
    out: list[str] = []
    for word in re.findall(r"\w+", nfc(name or "")):
        folded = _word_set(word)
        if folded and folded <= theirs and word not in out:
            out.append(word)
    return out


# Units that count administrative units or places: "5 đơn vị", "12 xã", "3 khu phố".
_PLACE_UNITS = {"đơn vị", "xã", "phường", "thị trấn", "khu phố", "ấp", "thôn", "tổ dân phố", "huyện", "tỉnh",
                "quận", "thị xã", "bản", "khóm", "tổ"}


def noise_of(has_match: bool, unit: str, op: str, score: float) -> str:
    """Why a statement is folded away by default ("" when it is not): ``no_match`` (no catalogue
    indicator is like it), ``admin_units`` (it counts administrative units or places),
    ``no_unit`` (a number with no unit and only a doubtful match)."""
    if not has_match:
        return "no_match"
    if fold(nfc(unit or "").strip()) in _PLACE_UNITS:
        return "admin_units"
    if not (unit or "").strip() and op != "qualitative" and score < CONFIDENT:
        return "no_unit"
    return ""


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
