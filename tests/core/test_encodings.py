"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258) read back to Unicode NFC.

The legacy forms below are written out by hand from the encodings' tables (TCVN3: æ = ổ, ¸ = á,
µ = à, ¨ = ă, soft hyphen = ư; VNI: "oå" = ổ, "öù" = ứ, "ñ" = đ …), not produced by the module
under test. Unicode and ASCII text is never changed.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.core.encodings import decode_bytes, detect, from_font, to_unicode
from legacy_texts import SENTENCES, TCVN3, VNI, cp1258_bytes


def latin1_bytes(text: str) -> bytes:
    return text.encode("cp1252")


@pytest.mark.parametrize("unicode, legacy", list(zip(SENTENCES, TCVN3, strict=True)))
def test_tcvn3_text_as_word_shows_it_becomes_the_unicode_sentence(unicode, legacy):
    assert detect(legacy) == "tcvn3"
    assert to_unicode(legacy) == unicode
    assert from_font(legacy, ".VnTime") == unicode
    assert from_font(legacy, ".VnTimeH") == unicode.upper()  # the H fonts draw capitals


@pytest.mark.parametrize("unicode, legacy", list(zip(SENTENCES, VNI, strict=True)))
def test_vni_text_as_word_shows_it_becomes_the_unicode_sentence(unicode, legacy):
    assert detect(legacy) == "vni"
    assert to_unicode(legacy) == unicode
    assert from_font(legacy, "VNI-Times") == unicode


@pytest.mark.parametrize("unicode", SENTENCES)
def test_windows_1258_with_combining_tones_becomes_the_unicode_sentence(unicode):
    data = cp1258_bytes(unicode)
    assert b"\xd2" in data or b"\xec" in data or b"\xcc" in data or b"\xf2" in data  # combining tones
    assert decode_bytes(data) == (unicode, "cp1258")
    seen_as_1252 = data.decode("cp1252", errors="replace")
    assert to_unicode(seen_as_1252) == unicode


@pytest.mark.parametrize("index", range(3))
def test_legacy_bytes_are_read_in_the_encoding_that_gives_vietnamese(index):
    tcvn3 = bytes(ord(c) for c in TCVN3[index].replace("\u00ad", "\xad"))
    assert decode_bytes(tcvn3) == (SENTENCES[index], "tcvn3")
    assert decode_bytes(latin1_bytes(VNI[index])) == (SENTENCES[index], "vni")


def test_the_result_is_nfc():
    for legacy in TCVN3 + VNI:
        out = to_unicode(legacy)
        assert out == unicodedata.normalize("NFC", out)


@pytest.mark.parametrize(
    "text",
    ["Cà phê 25 m²", "Hello world", "Tổng mức", "Bà già", "Ô tô", "Đạt 5%", "Giá trị: 1.234,5 tỷ đồng (±2%)", "",
     "Über straße", "café au lait, 30 °C"],
)
def test_unicode_and_other_languages_are_left_exactly_as_they_are(text):
    assert detect(text) is None
    assert to_unicode(text) is text or to_unicode(text) == text


def test_other_fonts_leave_the_run_alone():
    assert from_font(TCVN3[0], "Times New Roman") == TCVN3[0]
    assert from_font(TCVN3[0], None) == TCVN3[0]


# Vietnamese words as Unicode writes them, capitalised three ways, with ASCII and punctuation.
_WORDS = (
    "tổng mức bán lẻ hàng hóa tăng năm tỷ lệ hộ nghèo còn dưới thu nhập bình quân đầu người đạt triệu đồng "
    "kinh tế xã hội phường giữ vững chuẩn quốc gia về y tế cà phê bà già ô tô ước thực hiện kế hoạch "
    "chỉ tiêu nghị quyết huyện tỉnh uỷ ủy hòa hoà thủy thuỷ quý khuya nguyễn giáo dục trường học sinh"
).split()
_word = st.sampled_from(_WORDS).flatmap(lambda w: st.sampled_from([w, w.capitalize(), w.upper()]))
_ascii = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8)
_punct = st.sampled_from([" ", ", ", ". ", "; ", ": ", " - ", " – ", "%", " (", ") ", "\n", "“", "”", "…", "‰"])
_plain = st.lists(
    st.tuples(st.one_of(_word, _ascii, st.integers(0, 10**6).map(str)), _punct), max_size=30
).map(lambda parts: "".join(w + p for w, p in parts))  # words apart, as text writes them


@settings(max_examples=2000, deadline=None)
@given(_plain)
def test_plain_unicode_or_ascii_text_is_never_altered(text):
    assert to_unicode(text) == text


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=60), st.sampled_from(list("ăđơưạếỹ")))
def test_text_holding_a_letter_only_unicode_vietnamese_has_is_never_altered(text, letter):
    text = text + letter
    assert to_unicode(text) == text
