"""Fuzzing the target parser: whatever a user types, the answer is a target or the parse error.

Phrases are generated from the parser's own vocabulary (bound, change, horizon and unit words,
ordinals, years, periods), Vietnamese numbers in every style (``1.234,5``, ``19 - 21``, ``16 tỷ
434 triệu``, 400 digits), separators, parentheses, colons and random Unicode. 10.000 phrases
per test; the only exception allowed is ``TargetParseError``, and a parsed target holds only
finite numbers within the documented limits.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chitieu.core.targets import Form, TargetParseError, parse_target
from chitieu.core.targets import parser as tp

pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))

_VOCAB = sorted(
    set(tp._LEFT_VOCAB)
    | set(tp._UNIT_WORDS)
    | set(tp._ORDINAL_WORDS)
    | {
        "tỷ lệ", "tỷ trọng", "tốc độ tăng trưởng", "cơ cấu", "dịch vụ", "công nghiệp", "nông nghiệp",
        "năm", "đến năm", "giai đoạn", "so với năm", "trước năm", "cuối năm", "nhiệm kỳ", "bình quân",
        "đầu người", "hộ nghèo", "Tổng mức bán lẻ hàng hóa", "Thu nhập bình quân đầu người", "lần",
        "triệu đồng/người/năm", "tấn/ha", "/năm", "/người", "điểm phần trăm", "trở lên", "trở xuống",
        "Phường 2", "COVID-19", "OCOP", "sao", "tuổi thọ", "ra lớp", "giữ vững", "đạt chuẩn",
        "không để xảy ra", "Trong đó:", "Phấn đấu", "(1)", "1.", "-", "•", "mỗi 1 vạn dân", "trên 1 ha",
    }
)

_digits = st.text(alphabet="0123456789", min_size=1, max_size=6)
_number = st.one_of(
    _digits,
    st.builds(lambda a, b: f"{a},{b}", _digits, _digits),
    st.builds(lambda a, b: f"{a}.{b}", _digits, _digits),
    st.builds(lambda parts: ".".join(parts), st.lists(st.text("0123456789", min_size=3, max_size=3), min_size=1, max_size=6).map(lambda p: ["1"] + p)),
    st.builds(lambda parts: ",".join(parts), st.lists(_digits, min_size=2, max_size=5)),
    st.integers(min_value=1900, max_value=2100).map(str),
    st.integers(min_value=16, max_value=420).map(lambda n: "9" * n),  # beyond the limits
    st.sampled_from(["0", "00", "1.000", "10.000", "73,5", "1e5", "٣", "１２", "1 000", "0,0000000000000001"]),
)
_quantity = st.one_of(
    _number,
    st.builds(lambda a, s, b: f"{a}{s}{b}", _number, st.sampled_from(["-", " - ", "–", " đến ", "~", " tới "]), _number),
    st.builds(lambda a, b: f"{a} tỷ {b} triệu đồng", _digits, st.text("0123456789", min_size=1, max_size=3)),
)
_unit = st.sampled_from(["%", "‰", "%/năm", " hộ", " tỷ đồng", " triệu đồng/người/năm", " lần", " ha", "", " tuổi",
                         " tháng tuổi", "/năm", " người/năm", " trđ", " m²", " điểm %", "%0"])
_sep = st.sampled_from([" ", " ", ", ", "; ", ": ", " (", ") ", "(", ")", " - ", "/", ".", "\n", "\t", "\u00a0", "  "])
_token = st.one_of(
    st.sampled_from(_VOCAB),
    st.builds(lambda q, u: q + u, _quantity, _unit),
    _number,
    st.integers(min_value=1900, max_value=2100).map(lambda y: f"năm {y}"),
    st.builds(lambda a, b: f"{a} - {b}", st.integers(1990, 2100), st.integers(1990, 2100)),
    st.text(max_size=6),  # any Unicode: letters of other scripts, combining marks, controls
)
_phrase = st.lists(st.tuples(_token, _sep), max_size=14).map(lambda parts: "".join(t + s for t, s in parts))


def _numbers_of(target) -> list[float]:
    out = [target.bound.low, target.bound.high]
    for part in target.parts:
        out += [part.bound.low, part.bound.high]
    if target.alternative is not None:
        out += _numbers_of(target.alternative)
    return [x for x in out if x is not None]


def _parses_or_refuses(phrase: str, kind: str | None = None) -> None:
    try:
        target = parse_target(phrase, indicator_kind=kind)
    except TargetParseError as err:
        assert str(err).startswith("Không hiểu chỉ tiêu")
        assert " / Cannot understand the target" in str(err)
        return
    assert target.form in set(Form)
    for x in _numbers_of(target):
        assert math.isfinite(x) and abs(x) < tp.MAX_ABS, (phrase, x)
    target.describe()  # what the pages show must be writable for every target the parser returns


@FUZZ
@given(_phrase, st.sampled_from([None, "level", "flow", "rate", "share", "growth_rate", "count", "boolean"]))
def test_any_phrase_of_target_words_and_numbers_parses_or_is_refused_with_the_parse_error(phrase, kind):
    _parses_or_refuses(phrase, kind)


@FUZZ
@given(st.text(max_size=80))
def test_any_unicode_text_parses_or_is_refused_with_the_parse_error(phrase):
    _parses_or_refuses(phrase)
