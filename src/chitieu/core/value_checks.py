"""The one check of a number against its indicator, before it is stored.

Owns: reading a typed value exactly (``read_value``: "1.234,5" → Decimal("1234.5"), never
through a float, so nothing typed is silently rounded), and the rules a stored value must keep
(``check_value``): finite; below ``MAX_ABS`` in magnitude; at most ``MAX_DECIMALS`` decimals;
0 or 1 for a yes/no indicator; 0-100 for a rate or share in %; not negative unless the indicator
is a growth rate or a change ("Mức giảm …", "… tăng thêm"); a whole number for a count of things.
``storable`` is the magnitude/finiteness part alone, used when reading rows back.

Every form of input (the sheet, the API, imports, workbooks) reaches the database through
``chitieu.web.values.actions.do_save_values``, which calls this module, so the rules hold in one
place. Problems come back as ``ValueProblem`` (a code and its parameters) so that the web layer
can word them in the user's language; ``ValueProblem.message`` is the Vietnamese / English text
for callers without translations.

Why these bounds:

- ``MAX_ABS = 10**15``: the column is DECIMAL(20, 4), 16 integer digits; one digit is kept spare,
  and every whole number below 10**15 is exact as a float (2**53 ≈ 9·10**15), which is what
  evaluation computes with. 10**15 of any unit is far beyond any local figure (the catalogue
  keeps money in tỷ or triệu đồng).
- ``MAX_DECIMALS = 4``: what the column stores. More precision is refused rather than rounded:
  rounding would store a number the officer did not type, with no trace of it.
- ``MAX_SIGNIFICANT = 15``: SQLite keeps a decimal as a double, exact to 15 significant digits
  (and evaluation computes in doubles): 123.456.789.012,3456 would come back as …012,346. Refused
  for the same reason as the decimals.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from chitieu.core.indicators import Kind
from chitieu.core.numbers import NumberFormatError, nfc, parse_number

MAX_ABS = Decimal(10) ** 15
MAX_DECIMALS = 4
MAX_SIGNIFICANT = 15

_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")  # "1.234.567": dots group thousands (as parse_number reads it)

# "Mức giảm số hộ nghèo", "Mức tăng …", "Số tăng …", "Diện tích … tăng thêm": the indicator is a
# change between two years, and a change can go the other way.
_CHANGE_NAME_RE = re.compile(r"(?<!\w)(?:(?:mức|số|lượng)\s+(?:tăng|giảm)|tăng\s+thêm|giảm\s+đi|thay\s+đổi)(?!\w)",
                             re.IGNORECASE)
_AVERAGE_NAME_RE = re.compile(r"(?<!\w)(?:bình\s+quân|trung\s+bình)(?!\w)", re.IGNORECASE)

_MESSAGES: dict[str, tuple[str, str]] = {
    "not_a_number": ("“{text}” không phải là số (viết như 1.234,5)", "“{text}” is not a number (write 1.234,5)"),
    "not_finite": ("Chỉ tiêu {code}: “{text}” không phải là một số hữu hạn",
                   "Indicator {code}: “{text}” is not a finite number"),
    "too_large": ("Chỉ tiêu {code}: {text} quá lớn; giá trị tuyệt đối phải nhỏ hơn 10^15",
                  "Indicator {code}: {text} is too large; its magnitude must be below 10^15"),
    "too_precise": ("Chỉ tiêu {code}: {text} có quá 4 chữ số thập phân; hãy làm tròn trước khi nhập",
                    "Indicator {code}: {text} has more than 4 decimals; round it before entering it"),
    "too_many_digits": ("Chỉ tiêu {code}: {text} có quá 15 chữ số có nghĩa; hãy làm tròn trước khi nhập",
                        "Indicator {code}: {text} has more than 15 significant digits; round it before entering it"),
    "boolean": ("Chỉ tiêu {code} là đạt/không đạt: nhập 1 (đạt) hoặc 0 (không đạt); đã nhập {text}",
                "Indicator {code} is yes/no: enter 1 (met) or 0 (not met); entered {text}"),
    "percent_range": ("Tỷ lệ phải nằm trong khoảng 0-100%; đã nhập {text}",
                      "A rate must be between 0 and 100%; entered {text}"),
    "negative": ("Chỉ tiêu {code} không nhận số âm; đã nhập {text}",
                 "Indicator {code} cannot be negative; entered {text}"),
    "not_integer": ("Chỉ tiêu {code} đếm số {unit} nên phải là số nguyên; đã nhập {text}",
                    "Indicator {code} counts {unit} and must be a whole number; entered {text}"),
    "too_long": ("{field} dài {length} ký tự, tối đa {limit}", "{field} is {length} characters long, at most {limit}"),
}


class ValueProblem(ValueError):
    """Why a value cannot be stored: ``code`` (a key of the messages above) and its parameters."""

    def __init__(self, code: str, params: dict | None = None) -> None:
        self.code = code
        self.params = dict(params or {})
        super().__init__(self.message)

    @property
    def message(self) -> str:
        vi, en = _MESSAGES[self.code]
        return f"{vi.format(**self.params)} / {en.format(**self.params)}"

    def __str__(self) -> str:
        return self.message


def _exact(text: str) -> Decimal:
    """The number written in ``text`` (Vietnamese convention, as ``parse_number(text, "vi")``
    reads it), exactly: no float in between, so 16 significant digits stay 16 digits."""
    parse_number(text, "vi")  # the grammar is checked there; this only redoes the arithmetic exactly
    s = nfc(text).strip().replace("\u00a0", " ")
    negative = s[0] in "-−–"
    if s[0] in "-−–+":
        s = s[1:]
    s = s.replace(" ", "")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        mark = "," if s.rfind(",") > s.rfind(".") else "."
    elif commas == 1:
        mark = ","
    elif dots == 1 and not _GROUPED_DOTS.match(s):
        mark = "."
    else:
        mark = None
    if mark:
        whole, _, frac = s.rpartition(mark)
    else:
        whole, frac = s, ""
    digits = whole.replace(".", "").replace(",", "") + ("." + frac if frac else "")
    number = Decimal(digits)
    return -number if negative else number


def read_value(raw) -> Decimal | None:
    """A typed or sent value as a Decimal; None for an empty cell. Raises ``ValueProblem``
    ("not_a_number" or "not_finite") when it is not a number."""
    if raw is None:
        return None
    if isinstance(raw, bool):  # JSON true/false are not numbers here
        raise ValueProblem("not_a_number", {"text": str(raw).lower()})
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise ValueProblem("not_finite", {"code": "", "text": repr(raw)})
        return Decimal(repr(raw))
    if isinstance(raw, Decimal):
        if not raw.is_finite():
            raise ValueProblem("not_finite", {"code": "", "text": str(raw)})
        return raw
    text = nfc(str(raw)).strip()
    if not text:
        return None
    try:
        return _exact(text)
    except (NumberFormatError, InvalidOperation, IndexError):
        raise ValueProblem("not_a_number", {"text": text}) from None


def round_computed(number: Decimal) -> Decimal:
    """A number computed by the system (a unit conversion in an import: 4.639.287.000 đồng →
    4,639287 tỷ đồng), not typed by anyone, rounded half-up to the decimals the column keeps.
    Typed numbers are never rounded (``check_value`` refuses them)."""
    if number.is_finite() and _decimals(number) > MAX_DECIMALS:
        return number.quantize(Decimal(1).scaleb(-MAX_DECIMALS), rounding=ROUND_HALF_UP)
    return number


def storable(number) -> bool:
    """Whether a number (as read back from the database) is finite and within ``MAX_ABS``."""
    try:
        return isinstance(number, Decimal | int | float) and Decimal(number).is_finite() and abs(Decimal(number)) < MAX_ABS
    except (InvalidOperation, ValueError, TypeError):
        return False


def _decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def is_change(indicator) -> bool:
    """A growth rate, or an indicator whose name says it is a change between two years."""
    return Kind(indicator.kind) is Kind.GROWTH_RATE or bool(_CHANGE_NAME_RE.search(nfc(indicator.name or "")))


def must_be_whole(indicator) -> bool:
    """A count of things (người, hộ, lao động, trường …) shown without decimals, unless it is an
    average ("Mức giảm số hộ nghèo bình quân/năm" may be 12,5)."""
    return (Kind(indicator.kind) is Kind.COUNT and int(getattr(indicator, "places", getattr(indicator, "decimals", 0)) or 0) == 0
            and not _AVERAGE_NAME_RE.search(nfc(indicator.name or "")))


def is_percent_share(indicator) -> bool:
    """A rate or share in % of a whole: 0-100 (a change of a rate is not one)."""
    return (Kind(indicator.kind) in (Kind.RATE, Kind.SHARE) and (indicator.unit or "").strip() == "%"
            and not is_change(indicator))


def shown(number: Decimal) -> str:
    """The number as a user would have typed it (Vietnamese marks), for messages."""
    text = format(number.normalize(), "f") if number.is_finite() else str(number)
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + frac if frac else "")


def check_value(number: Decimal, indicator, typed: str | None = None) -> ValueProblem | None:
    """The first rule ``number`` breaks for ``indicator`` (any object with ``code``, ``name``,
    ``unit``, ``kind`` and ``decimals``), or None. ``typed`` is the text to quote back."""
    text = typed if typed not in (None, "") else shown(number)
    if len(text) > 40:  # a 400-digit paste is quoted by its start, not in full
        text = text[:39] + "…"
    params = {"code": indicator.code, "text": text, "unit": indicator.unit or ""}
    if not number.is_finite():
        return ValueProblem("not_finite", params)
    if abs(number) >= MAX_ABS:
        return ValueProblem("too_large", params)
    if _decimals(number) > MAX_DECIMALS:
        return ValueProblem("too_precise", params)
    if len(number.normalize().as_tuple().digits) > MAX_SIGNIFICANT:
        return ValueProblem("too_many_digits", params)
    kind = Kind(indicator.kind)
    if kind is Kind.BOOLEAN:
        return None if number in (0, 1) else ValueProblem("boolean", params)
    if is_percent_share(indicator):
        return None if 0 <= number <= 100 else ValueProblem("percent_range", params)
    if number < 0 and not is_change(indicator):
        return ValueProblem("negative", params)
    if must_be_whole(indicator) and number != number.to_integral_value():
        return ValueProblem("not_integer", params)
    return None


def check_text(text: str, limit: int, field_name: str) -> ValueProblem | None:
    """A text field longer than its column: refused with its length, never cut."""
    if len(text) > limit:
        return ValueProblem("too_long", {"field": field_name, "length": len(text), "limit": limit})
    return None
