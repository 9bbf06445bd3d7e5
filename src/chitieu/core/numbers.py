"""Vietnamese numbers: parse what reports write, format the way reports print.

Owns: the decimal comma and thousands dot (``1.234,5``), the English-style numbers that
PDF tables carry (``2,796`` in a column of thousands, ``116.80`` as a decimal), scale words
(nghìn/ngàn, triệu, tỷ; trđ, tỷđ), quantities with their unit, and the one rounding rule
used everywhere: half-up at the shown decimals.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Literal

from chitieu.core.encodings import to_unicode

Hint = Literal["auto", "vi", "en"]

SCALES: dict[str, int] = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
# Abbreviations seen in reports, mapped to their written-out unit.
UNIT_ABBREVIATIONS: dict[str, str] = {
    "trđ": "triệu đồng",
    "tr.đ": "triệu đồng",
    "tr đ": "triệu đồng",
    "tr.đồng": "triệu đồng",
    "tr. đồng": "triệu đồng",
    "tr. đ": "triệu đồng",
    "sp": "sản phẩm",
    "tỷđ": "tỷ đồng",
    "tỷ đ": "tỷ đồng",
    "tỉđ": "tỷ đồng",
    "đ": "đồng",
    "vnđ": "đồng",
    "vnd": "đồng",
    "dn": "doanh nghiệp",
    "htx": "hợp tác xã",
    "clb": "câu lạc bộ",
    "lđ": "lao động",
    "ld": "lao động",
}


class NumberFormatError(ValueError):
    """A text that should be a number is not one. The message is in Vietnamese and English."""

    def __init__(self, text: str, why: str = "") -> None:
        self.text = text
        detail = f" ({why})" if why else ""
        super().__init__(f"Không đọc được số “{text}”{detail} / Not a number: {text!r}")


def nfc(text: str) -> str:
    """Vietnamese text as stored everywhere: Unicode NFC (combining tone marks become precomposed
    letters). Every text boundary goes through here, so text typed or pasted in a legacy
    encoding still found in old office files (TCVN3/ABC, VNI, Windows-1258) is converted first;
    Unicode text is never altered (``core.encodings``)."""
    return unicodedata.normalize("NFC", to_unicode(text))


_NUMBER_RE = re.compile(r"[-+−–]?\s*\d[\d.,\s]*")
_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3})+$")
_NOT_NUMBER_CHAR = re.compile(r"[^\d.,]")


def parse_number(text: str, hint: Hint = "auto") -> float:
    """Parse one number as written in a Vietnamese document.

    ``hint`` says which convention the surrounding context uses:

    - ``"vi"``: dot groups thousands, comma is the decimal mark (``1.234,5``).
    - ``"en"``: comma groups thousands, dot is the decimal mark (``2,796``; ``116.80``),
      as in tables lifted from PDFs made with English-locale spreadsheets.
    - ``"auto"``: Vietnamese, except where the digits themselves rule it out
      (``1,234,567`` can only be English; ``1.234.567,5`` only Vietnamese).

    A single dot followed by exactly three digits (``6.606``) is read as thousands under
    ``vi`` and ``auto``; a single comma (``94,1``; ``2,796``) is a decimal under ``vi`` and
    ``auto``. That last case is the one a context hint exists for.
    """
    raw = text
    # (ASCII text is its own NFC form, in no legacy encoding and without a no-break space: ``nfc``
    # and the replacement would hand it back as it is)
    s = text.strip() if type(text) is str and text.isascii() else nfc(text).strip().replace("\u00a0", " ")
    if not s:
        raise NumberFormatError(raw, "trống / empty")
    sign = 1.0
    if s[0] in "-−–":
        sign, s = -1.0, s[1:].strip()
    elif s[0] == "+":
        s = s[1:].strip()
    s = s.replace(" ", "")
    if not s or not s[0].isdigit() or not s[-1].isdigit() or _NOT_NUMBER_CHAR.search(s):
        raise NumberFormatError(raw)
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        # Both marks present: the last one is the decimal mark.
        if s.rfind(",") > s.rfind("."):
            whole, _, frac = s.rpartition(",")
            if not _GROUPED_DOTS.match(whole) and "." in whole:
                raise NumberFormatError(raw, "nhóm hàng nghìn sai / bad thousands grouping")
            return sign * float(whole.replace(".", "") + "." + frac)
        whole, _, frac = s.rpartition(".")
        if not _GROUPED_COMMAS.match(whole) and "," in whole:
            raise NumberFormatError(raw, "nhóm hàng nghìn sai / bad thousands grouping")
        return sign * float(whole.replace(",", "") + "." + frac)
    if dots:
        if dots > 1:
            if not _GROUPED_DOTS.match(s):
                raise NumberFormatError(raw, "nhóm hàng nghìn sai / bad thousands grouping")
            return sign * float(s.replace(".", ""))
        if hint == "en":
            return sign * float(s)
        return sign * float(s.replace(".", "") if _GROUPED_DOTS.match(s) else s)
    if commas:
        if commas > 1:
            if not _GROUPED_COMMAS.match(s):
                raise NumberFormatError(raw, "nhóm hàng nghìn sai / bad thousands grouping")
            return sign * float(s.replace(",", ""))
        if hint == "en" and _GROUPED_COMMAS.match(s):
            return sign * float(s.replace(",", ""))
        return sign * float(s.replace(",", "."))
    return sign * float(s)


def column_hint(cells: list[str]) -> Hint:
    """Guess the convention of a table column from all of its cells.

    A column in which some cell can only be English (``1,677`` beside ``536.0``, or two
    commas) is English; one in which some cell can only be Vietnamese (``98,1``, ``1.234,5``)
    is Vietnamese; otherwise ``auto``.
    """
    en = vi = 0
    for cell in cells:
        c = cell.strip().replace(" ", "")
        if not c:
            continue
        if re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}", c) or c.count(",") > 1:
            en += 1
        elif (
            re.fullmatch(r"\d+,\d{1,2}|\d+,\d{4,}", c)
            or c.count(".") > 1
            or re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", c)
        ):
            vi += 1
    if en and not vi:
        return "en"
    if vi and not en:
        return "vi"
    return "auto"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with its unit, as written: ``1.440 tỷ đồng`` → value 1440, unit "tỷ đồng"."""

    value: float
    unit: str | None = None

    @property
    def scale(self) -> int:
        """Power of ten of the unit's scale word (tỷ đồng → 9; % → 0)."""
        return unit_scale(self.unit)

    def in_base_unit(self) -> float:
        """The value with the scale word applied: 1.440 tỷ đồng → 1.44e12 (đồng)."""
        return self.value * 10 ** self.scale


def unit_scale(unit: str | None) -> int:
    """Power of ten carried by the first word of a unit (``triệu đồng`` → 6)."""
    if not unit:
        return 0
    words = nfc(unit).strip().lower().split(" ", 2)
    first = SCALES.get(words[0], 0)
    # "nghìn tỷ đồng": a thousand billion (10¹²)
    return first + SCALES.get(words[1], 0) if first and len(words) > 1 and first < 9 else first


def normalise_unit(unit: str | None) -> str | None:
    """Write a unit the one way chitieu stores it (``trđ`` → ``triệu đồng``, ``Tỷ đồng`` → ``tỷ đồng``)."""
    if unit is None:
        return None
    u = _SPACES_RE.sub(" ", nfc(unit).strip().lower())
    u = _SLASH_RE.sub("/", u)
    if not u:
        return None
    # The abbreviation ``u`` is, or that stands before its first "/" (no abbreviation holds a
    # "/": at most one abbreviation is either, so a look-up finds the one a walk would find).
    abbr = u.partition("/")[0]
    full = UNIT_ABBREVIATIONS.get(abbr)
    if full is not None:
        return full + u[len(abbr):]
    m = _MONEY_UNIT_RE.match(u)
    if m:
        # "triệu", "triệu đ", "tỉ đồng", "ngàn/người" are all money: one scale word, then "đồng".
        # "nghìn tỷ", "ngàn tỉ đồng" (10¹²) the same: each scale word written the one way.
        scale = " ".join({"tỉ": "tỷ", "ngàn": "nghìn"}.get(w, w) for w in m["scale"].split())
        return f"{scale} đồng{m['rest'] or ''}"
    return u


assert not any("/" in abbr for abbr in UNIT_ABBREVIATIONS)  # (normalise_unit looks them up)
_SPACES_RE = re.compile(r"\s+")
_SLASH_RE = re.compile(r"\s*/\s*")
_MONEY_UNIT_RE = re.compile(
    r"^(?P<scale>(?:(?:nghìn|ngàn|triệu) (?:tỷ|tỉ))|nghìn|ngàn|triệu|tỷ|tỉ)(?: ?(?:đồng|đ|vnđ))?(?P<rest>/.*)?$"
)


_QUANTITY_RE = re.compile(
    r"^\s*(?P<num>[-+−–]?\d[\d.,]*)\s*(?:(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)\s*(?P<num2>\d[\d.,]*)\s*(?P<scale2>nghìn|ngàn|triệu)?)?\s*(?P<unit>.*?)\s*$",
    re.IGNORECASE,
)


def parse_quantity(text: str, hint: Hint = "auto") -> Quantity:
    """Parse a number with its unit: ``1.440 tỷ đồng``, ``4.639.287.000đ``, ``71,37tấn/ha``,
    ``16 tỷ 434 triệu đồng`` (→ 16,434 tỷ đồng), ``85 trđ`` (→ 85 triệu đồng), ``94,1%``.
    """
    s = nfc(text).strip()
    m = _QUANTITY_RE.match(s)
    if not m:
        raise NumberFormatError(text)
    value = parse_number(m["num"], hint)
    scale_word = m["scale"]
    rest = (m["unit"] or "").strip()
    if scale_word and m["num2"]:
        # "16 tỷ 434 triệu đồng": the second part is a fraction of the first scale.
        big = SCALES[scale_word.lower()]
        small = SCALES[m["scale2"].lower()] if m["scale2"] else 0
        value += parse_number(m["num2"], hint) * 10 ** (small - big)
        unit = scale_word.lower() + (" " + rest if rest else " đồng")
    elif scale_word:
        unit = scale_word.lower() + (" " + rest if rest else "")
    else:
        unit = rest
    if unit.startswith("%0") or unit.startswith("‰"):
        unit = "‰"
    return Quantity(value, normalise_unit(unit) if unit else None)


def entered_decimals(value: float, most: int = 6) -> int:
    """The decimals ``value`` was written with (its shortest form): 0,58 → 2, 6150 → 0, 18.0 → 0;
    ``most`` for a value with more digits than that (a computed one)."""
    text = repr(float(value))
    if "e" in text or "n" in text:
        return most
    return min(len(text.partition(".")[2].rstrip("0")), most)


def round_half_up(x: float, decimals: int = 0) -> float:
    """Round half away from zero at ``decimals`` places, on the number as printed (not its binary
    approximation): ``round_half_up(2.675, 2) == 2.68`` where ``round`` gives 2.67."""
    if x != x:  # Decimal("nan").quantize is quiet: it would hand NaN back as a rounded value
        raise ValueError(f"cannot round {x!r}")
    text = repr(x)
    if "e" not in text and "n" not in text:
        frac = text.partition(".")[2]
        if len(frac) <= decimals:
            return x
        if not (frac[decimals] == "5" and not frac[decimals + 1:].strip("0")):
            return round(x, decimals)  # not a tie on the printed digits: nearest is half-up
    try:
        q = Decimal(text).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # inf, nan
        raise ValueError(f"cannot round {x!r}") from exc
    return float(q)


def format_number(x: float, decimals: int | None = None, *, style: Literal["vi", "en"] = "vi") -> str:
    """Format in Vietnamese style: ``format_number(1234.5, 1) == "1.234,5"``.

    ``decimals=None`` prints as many decimals as the value needs (at most 6), without
    trailing zeros; an integer prints without a decimal mark.
    """
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError(f"cannot format {x!r}")
    if style == "vi":
        fast = _format_fast(float(x), decimals) if decimals is not None else _format_shortest(float(x))
        if fast is not None:
            return fast
    d = Decimal(repr(float(x)))
    if decimals is None:
        d = d.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP).normalize()
        if d == d.to_integral_value():
            d = d.quantize(Decimal(1))
    else:
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if d < 0 else ""
    text = f"{abs(d):f}"
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    thousands, mark = (".", ",") if style == "vi" else (",", ".")
    out = thousands.join(groups)
    if frac:
        out += mark + frac
    if sign and set(out) <= set("0.,"):
        sign = ""  # "-0,0" reads as an error to users
    return sign + out


_SWAP = str.maketrans(",.", ".,")


def _format_fast(x: float, decimals: int) -> str | None:
    """The common case without Decimal: when the printed digits are not a tie at the cut,
    rounding the binary value to nearest gives the same digits as half-up on the printed
    value. Ties (…5 exactly at the cut) return None and take the exact path."""
    text = repr(x)
    if "e" in text or "n" in text:
        return None
    frac = text.partition(".")[2]
    if len(frac) > decimals and frac[decimals] == "5" and not frac[decimals + 1:].strip("0"):
        return None
    out = f"{x:,.{decimals}f}".translate(_SWAP)
    if out.startswith("-") and not out.strip("-0.,"):
        out = out[1:]
    return out


def _format_shortest(x: float) -> str | None:
    """As many decimals as the value needs, straight from its shortest repr (≤ 6 decimals)."""
    text = repr(x)
    if "e" in text or "n" in text:
        return None
    whole, _, frac = text.partition(".")
    frac = frac.rstrip("0")
    if len(frac) > 6:
        return None
    sign = ""
    if whole.startswith("-"):
        sign, whole = "-", whole[1:]
    grouped = f"{int(whole):,}".replace(",", ".")
    out = grouped + ("," + frac if frac else "")
    return "" + out if (not sign or not out.strip("0.,")) else sign + out


def format_quantity(q: Quantity, decimals: int | None = None) -> str:
    """``Quantity(1440, "tỷ đồng")`` → ``1.440 tỷ đồng``; a percent sticks to its number."""
    num = format_number(q.value, decimals)
    if not q.unit:
        return num
    if q.unit in ("%", "‰"):
        return num + q.unit
    return f"{num} {q.unit}"


def find_numbers(text: str) -> list[tuple[int, int, str]]:
    """Spans of the numbers written in ``text``: (start, end, as written)."""
    out = []
    for m in re.finditer(r"(?<![\w.,])\d+(?:[.,]\d+)*", text):
        out.append((m.start(), m.end(), m.group()))
    return out
