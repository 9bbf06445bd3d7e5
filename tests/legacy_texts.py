"""Vietnamese sentences and their legacy-encoded forms (TCVN3/ABC, VNI, Windows-1258), shared by
the encoding tests of core and of the readers.

The legacy forms are written out by hand from the encodings' tables (TCVN3: æ = ổ, ¸ = á, µ = à,
¨ = ă, soft hyphen = ư; VNI: "oå" = ổ, "öù" = ứ, "ñ" = đ …), not produced by the module under test.
"""

from __future__ import annotations

import unicodedata

SENTENCES = [
    "Tổng mức bán lẻ hàng hóa tăng 19-21%/năm",
    "Tỷ lệ hộ nghèo còn dưới 1%",
    "Thu nhập bình quân đầu người đạt 85 triệu đồng",
]
TCVN3 = [  # as Word shows a .VnTime run: the Windows-1252 characters of the TCVN3 bytes
    "Tæng møc b¸n lÎ hµng hãa t¨ng 19-21%/n¨m",
    "Tû lÖ hé nghÌo cßn d\u00adíi 1%",
    "Thu nhËp b×nh qu©n ®Çu ng\u00adêi ®¹t 85 triÖu ®ång",
]
VNI = [
    "Toång möùc baùn leû haøng hoùa taêng 19-21%/naêm",
    "Tyû leä hoä ngheøo coøn döôùi 1%",
    "Thu nhaäp bình quaân ñaàu ngöôøi ñaït 85 trieäu ñoàng",
]
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258_bytes(text: str) -> bytes:
    """Windows-1258 as its keyboards typed it: a base letter the code page has, then a combining tone."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            out += base.encode("cp1258") + "".join(c for c in parts if c in _TONES).encode("cp1258")
    return out
