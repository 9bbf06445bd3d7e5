"""Vietnamese text in the legacy encodings of old office files, converted to Unicode NFC.

Owns the three legacy encodings still found in reports typed before Unicode, their tables (kept
here as data) and their detection:

- **TCVN3 (ABC)**, the ``.VnTime``/``.VnArial`` fonts: one byte a letter (``Tæng`` is "Tổng").
  The table is TCVN 5712:1993 VN1 (glibc's ``TCVN5712-1``), whose lower half VN3 (ABC) shares.
  ``.VnTimeH``-style fonts (name ending in ``H``) draw the lower-case codes as capitals.
- **VNI** (``VNI-Times`` …): a base letter followed by one or two mark characters
  (``Toång`` is "Tổng", ``ñ`` is "đ", ``ö`` is "ư", ``ô`` is "ơ").
- **Windows-1258** (cp1258): precomposed vowels plus *combining* tone marks (``Tô`` + U+0309);
  NFC composes them (the same holds for Unicode typed with combining marks).

Inside a DOCX these texts arrive already decoded, as the Windows-1252 characters of their bytes
(mojibake: "Tæng møc b¸n lÎ hµng hãa t¨ng"); in a .txt they arrive as bytes that are not UTF-8.

``to_unicode(text)`` converts mojibake text and leaves everything else exactly as it is: text that
holds a letter only Unicode Vietnamese has (ạ, ư, đ, ế …), or no character outside ASCII, or none
of the characters the legacy fonts leave behind (¸ µ æ ø ¨ …), is returned unchanged; otherwise
each legacy reading is tried and kept only if it removes those characters and yields Vietnamese
words. ``decode_bytes(data)`` picks the reading of non-UTF-8 bytes the same way.
``from_font(text, font)`` converts a DOCX run by its font name.

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import re
import unicodedata

# ---------------------------------------------------------------------------------------------
# Tables.

# TCVN 5712:1993 VN1, bytes 0x80-0xFF (glibc TCVN5712-1). 0xB0-0xB4 are combining tone marks.
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"  # 0x80-0x9F
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"  # 0xA0-0xBF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"  # 0xC0-0xDF
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"  # 0xE0-0xFF
)
assert len(_TCVN3_HIGH) == 128

# The character each byte 0x80-0xFF becomes when a legacy text is read as Windows-1252 (as Word
# shows a .VnTime run); the five bytes 1252 leaves undefined stay as their Latin-1 characters.
_CP1252_VIEW = "".join(
    bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0x100)
)

# Mojibake → Unicode for TCVN3. Windows-1252's quotes, dashes and bullets (0x91-0x97, 0x85 …) are
# left alone: they are what Unicode text has too, and .VnTime text uses them as punctuation.
_TCVN3_TEXT: dict[str, str] = {}
for _i, _u in enumerate(_TCVN3_HIGH):
    _b = 0x80 + _i
    if _b >= 0xA1:
        _TCVN3_TEXT[_CP1252_VIEW[_i]] = _u
    elif _b < 0xA0:
        _TCVN3_TEXT[chr(_b)] = _u  # a C1 control character: only a legacy text holds one
_TCVN3_TABLE = str.maketrans(_TCVN3_TEXT)

# VNI: marks after a vowel (lower-case mark after a lower-case vowel; either after a capital).
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_CIRC, _BREVE = "\u0302", "\u0306"
_VNI_MARKS: dict[str, str] = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRC, "á": _CIRC + _ACUTE, "à": _CIRC + _GRAVE, "å": _CIRC + _HOOK, "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}
_VNI_MARKS.update({k.upper(): v for k, v in list(_VNI_MARKS.items())})
# Letters VNI writes as one character of their own.
_VNI_SINGLE: dict[str, str] = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Î": "Ỵ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
}
# Which marks each base takes (a circumflex on a/e/o, a breve on a; tones on every vowel).
_TONES = "ùøûõïÙØÛÕÏ"
_VNI_PAIR = re.compile(
    "(?:([aA])([" + "".join(_VNI_MARKS) + "])"
    "|([eEoO])([" + _TONES + "âáàåãäÂÁÀÅÃÄ])"
    "|([uUyYôÔöÖ])([" + _TONES + "])"
    "|([" + "".join(_VNI_SINGLE) + "]))"
)


def _vni_pair(m: re.Match[str]) -> str:
    if m.group(7):
        return _VNI_SINGLE[m.group(7)]
    base, mark = next((m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i))
    base = _VNI_SINGLE.get(base, base)
    return unicodedata.normalize("NFC", base + _VNI_MARKS[mark])


# ---------------------------------------------------------------------------------------------
# Converters.


def tcvn3_to_unicode(text: str) -> str:
    """A text read as Windows-1252 from TCVN3 bytes (a ``.VnTime`` run) → Unicode NFC."""
    return unicodedata.normalize("NFC", text.translate(_TCVN3_TABLE))


def vni_to_unicode(text: str) -> str:
    """A text read as Windows-1252 from VNI bytes (a ``VNI-Times`` run) → Unicode NFC."""
    return unicodedata.normalize("NFC", _VNI_PAIR.sub(_vni_pair, text))


def _to_bytes_1252(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            out.append(o)
            continue
        i = _CP1252_VIEW.find(ch)
        if i < 0:
            if 0x80 <= o < 0xA0:
                out.append(o)
                continue
            return None
        out.append(0x80 + i)
    return bytes(out)


def cp1258_to_unicode(text: str) -> str | None:
    """A text read as Windows-1252 from Windows-1258 bytes → Unicode NFC (None if it cannot be)."""
    data = _to_bytes_1252(text)
    if data is None:
        return None
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


def decode_tcvn3(data: bytes) -> str:
    """TCVN3 bytes → Unicode NFC (every byte has a character)."""
    return unicodedata.normalize("NFC", data.decode("latin-1").translate(_BYTE_TABLE))


_BYTE_TABLE = str.maketrans({chr(0x80 + i): u for i, u in enumerate(_TCVN3_HIGH)})


def decode_vni(data: bytes) -> str:
    """VNI bytes → Unicode NFC."""
    return vni_to_unicode(data.decode("latin-1").translate(_LATIN1_TO_1252))


_LATIN1_TO_1252 = str.maketrans({chr(0x80 + i): c for i, c in enumerate(_CP1252_VIEW)})


def decode_cp1258(data: bytes) -> str | None:
    """Windows-1258 bytes → Unicode NFC (None when a byte is undefined in it)."""
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


# ---------------------------------------------------------------------------------------------
# Detection.

# Letters only Unicode Vietnamese has: no legacy mojibake contains one.
_UNICODE_VIETNAMESE = re.compile(
    "[ĂăĐđĨĩŨũƠơƯưẠ-ỹ]"
)
# What legacy fonts leave in a text read as Windows-1252 and Vietnamese never has: symbols and
# letters of other languages (¸ µ æ ø ¨ ñ ö …), C1 controls, and combining marks on nothing.
_LEGACY_TRACE = re.compile(
    "[\u0080-\u009f¡¢£¤¥¦§¨©ª«¬\u00ad®¯±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ]"
)
# Windows-1258's combining tones read as 1252 letters (Ì Ò ì ò) right after a vowel: "TôÒng",
# "leÒ". Unicode Vietnamese never puts a grave-marked i or o after another vowel.
_CP1258_TRACE = re.compile("(?<=[aeiouyAEIOUYàáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ])[ÌÒìò]")
_WORD = re.compile(r"[^\W\d_]+")


_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Vietnamese syllables: onset, vowel cluster (with its glide), coda; at most one tone mark.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]+)(?:ch|ng|nh|[cmnpt])?"
)
_CLUSTERS = frozenset(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi "
    "ươ ưu yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu uêu".split()
)


def _syllable_ok(word: str) -> bool:
    bare = unicodedata.normalize("NFD", word)
    tones = sum(1 for c in bare if c in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in bare if c not in _TONE_MARKS))
    m = _SYLLABLE.fullmatch(bare)
    return bool(m) and m.group(1) in _CLUSTERS


def _score(text: str) -> tuple[int, int, int]:
    """(traces left, Vietnamese syllables, other words) among the words of ``text`` that hold a
    letter outside ASCII; a right reading has no traces and few other words."""
    traces = (
        len(_LEGACY_TRACE.findall(text))
        + len(_CP1258_TRACE.findall(text))
        + sum(1 for c in text if unicodedata.combining(c))
    )
    good = bad = 0
    for w in _WORD.findall(text.lower()):
        if w.isascii():
            continue
        if _syllable_ok(w):
            good += 1
        else:
            bad += 1
    return traces, good, bad


def detect(text: str) -> str | None:
    """"tcvn3", "vni" or "cp1258" when ``text`` is mojibake of that legacy encoding, else None."""
    if text.isascii() or _UNICODE_VIETNAMESE.search(text):
        return None
    traces, good, bad = _score(text)
    if not traces and (bad < 3 or bad * 3 < good + bad):
        # Vietnamese as it stands ("Cà phê"), or a stray word of another language: without a
        # trace, only many words that are no Vietnamese syllable (Windows-1258 read as 1252:
        # "TôÒng", "leÒ") make a legacy reading worth trying.
        return None
    best, best_key = None, None
    for name, convert in (("tcvn3", tcvn3_to_unicode), ("vni", vni_to_unicode), ("cp1258", cp1258_to_unicode)):
        converted = convert(text)
        if converted is None or converted == text:
            continue
        left, c_good, c_bad = _score(converted)
        # Kept only when the reading clears the traces, reads as Vietnamese syllables and
        # reads better than the text as it stands.
        if c_good <= good or left * 4 > traces or c_bad * 4 > c_good or left + c_bad >= traces + bad:
            continue
        key = (left + c_bad, -c_good)
        if best_key is None or key < best_key:
            best, best_key = name, key
    return best


_CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode, "cp1258": cp1258_to_unicode}


def to_unicode(text: str) -> str:
    """``text`` as Unicode NFC: legacy mojibake converted, anything else returned exactly as it is."""
    found = detect(text)
    if found is None:
        return text
    return _CONVERTERS[found](text) or text


def from_font(text: str, font: str | None) -> str:
    """A DOCX run's text by its font: ``.Vn…`` fonts are TCVN3 (``….H`` ones draw capitals),
    ``VNI-…`` fonts are VNI; any other font leaves the text as it is."""
    if not font or not text:
        return text
    name = font.strip()
    low = name.lower()
    if low.startswith(".vn"):
        out = tcvn3_to_unicode(text)
        return out.upper() if low.endswith("h") else out
    if low.startswith("vni-") or low.startswith("vni "):
        return vni_to_unicode(text)
    return text


def is_legacy_font(font: str | None) -> bool:
    low = (font or "").strip().lower()
    return low.startswith((".vn", "vni-", "vni "))


def decode_bytes(data: bytes) -> tuple[str, str] | None:
    """Non-UTF-8 bytes of Vietnamese text: (text, encoding) of the best legacy reading, or None
    when no reading gives Vietnamese text."""
    candidates = []
    for name, decode in (("cp1258", decode_cp1258), ("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        text = decode(data)
        if text is None:
            continue
        left, good, bad = _score(text)
        if good and bad * 4 <= good:
            candidates.append(((left + bad, -good), name, text))
    if not candidates:
        return None
    _, name, text = min(candidates)
    return text, name


def lines_to_unicode(lines: list[str]) -> list[str]:
    """A document's lines, converted when the document as a whole is legacy mojibake (one
    decision for the whole text, so a short line is never judged alone)."""
    whole = "\n".join(lines)
    found = detect(whole)
    if found is None:
        return lines
    convert = _CONVERTERS[found]
    return [convert(line) or line for line in lines]
