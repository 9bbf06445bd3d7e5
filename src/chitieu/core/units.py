"""The vocabulary of units an indicator may be measured in.

Owns: which units are known (``%``, ``‰``, ``lần``, money with its scale word, measures such
as ``ha`` or ``tấn/ha``, and the things reports count: ``hộ``, ``lao động``, ``trường``…),
the words that mean a percent sign ("phần trăm" is ``%``: writing it out must not lose the
×100 that ``%`` carries), and ``check_unit``, which gives the unit to store or says what is
wrong and which known unit is closest. A unit is a head, optionally with a scale word
(``triệu lượt``), and any number of "/…" denominators (``triệu đồng/người/năm``).

Pure Python; no Django, no I/O.
"""

from __future__ import annotations

import difflib
import re

from chitieu.core.numbers import nfc, normalise_unit

__all__ = ["UnitError", "check_unit", "known_units"]

# Words that stand for a sign; the sign is what the arithmetic keys on (×100 for %).
_SIGN_WORDS = {
    "phần trăm": "%",
    "phan tram": "%",
    "%": "%",
    "phần nghìn": "‰",
    "phần ngàn": "‰",
    "%o": "‰",
    "‰": "‰",
    "điểm phần trăm": "điểm %",
    "điểm %": "điểm %",
}

_MEASURES = {
    "%", "‰", "lần", "điểm", "điểm %", "đồng", "usd", "ha", "km", "km²", "km2", "m", "m²", "m2", "m³", "m3",
    "kg", "tấn", "tạ", "lít", "kwh", "mw", "giờ", "ngày", "tháng", "năm", "tuổi", "cm",
}

# Things reports count. Extend this list (with a test) when a real report counts something new.
_COUNT_NOUNS = {
    "người", "hộ", "hộ gia đình", "lao động", "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "trang trại",
    "cơ sở", "trường", "lớp", "học sinh", "sinh viên", "giáo viên", "trẻ", "trẻ em", "thôn", "xã", "phường",
    "thị trấn", "khu phố", "tổ dân phố", "khối phố", "bản", "làng", "xóm", "bác sĩ", "giường", "trạm y tế",
    "chợ", "con", "vụ", "lượt", "lượt người", "lượt khách", "khách", "hồ sơ", "giấy phép", "dự án",
    "công trình", "sản phẩm", "tiêu chí", "đối tượng", "thanh niên", "công dân", "đảng viên", "tổ chức",
    "chi bộ", "đảng bộ", "cán bộ", "hội viên", "đoàn viên", "suất quà", "suất", "căn", "nhà", "căn hộ",
    "cây", "km đường", "tuyến", "điểm", "nhà văn hóa", "thiết chế", "câu lạc bộ", "mô hình", "sự kiện",
    "cuộc", "lần", "phiên", "thủ tục", "dịch vụ", "ca", "bệnh nhân", "việc làm", "chỉ tiêu",
    "hạng",  # a rank (kind rank: 1 the best)
}

_SCALE_WORDS = ("nghìn", "ngàn", "triệu", "tỷ", "tỉ", "vạn")

# "/vạn dân", "/1.000 dân" and the like only appear after a slash.
_DENOMINATOR_EXTRA = {"vạn dân", "nghìn dân", "1.000 dân", "10.000 dân", "100.000 dân", "dân", "1.000 trẻ đẻ sống"}


class UnitError(ValueError):
    """A unit outside the vocabulary; ``suggestion`` is the closest known unit (or None)."""

    def __init__(self, unit: str, suggestion: str | None) -> None:
        self.unit = unit
        self.suggestion = suggestion
        hint = f"; có phải “{suggestion}”? / did you mean {suggestion!r}?" if suggestion else ""
        super().__init__(f"đơn vị “{unit}” không có trong danh mục đơn vị / unknown unit {unit!r}{hint}")


def _head_known(head: str) -> bool:
    if head in _MEASURES or head in _COUNT_NOUNS:
        return True
    first, _, rest = head.partition(" ")
    if first in ("nghìn", "ngàn") and rest.partition(" ")[0] in ("tỷ", "tỉ"):
        return _head_known(rest)  # "nghìn tỷ đồng": a thousand billion
    return first in _SCALE_WORDS and bool(rest) and (rest in _MEASURES or rest in _COUNT_NOUNS)


def _known(folded: str) -> bool:
    head, *denominators = folded.split("/")
    if not _head_known(head.strip()):
        return False
    return all(
        (d := part.strip()) in _MEASURES or d in _COUNT_NOUNS or d in _DENOMINATOR_EXTRA for part in denominators
    )


def known_units() -> list[str]:
    """The heads of the vocabulary, for suggestions and the documentation."""
    money = [f"{s} đồng" for s in ("nghìn", "triệu", "tỷ")]
    return sorted(_MEASURES | _COUNT_NOUNS | set(money) | {"triệu usd", "tỷ usd"})


def check_unit(unit: str | None) -> str | None:
    """The unit to store for ``unit`` as written: the sign for a sign word ("phần trăm" →
    "%"), otherwise the unit as written (NFC, spaces tidied). Raises ``UnitError`` for a unit
    outside the vocabulary."""
    if unit is None:
        return None
    written = re.sub(r"\s+", " ", nfc(str(unit)).strip())
    if not written:
        return None
    lowered = written.lower()
    if lowered in _SIGN_WORDS:
        return _SIGN_WORDS[lowered]
    folded = normalise_unit(written) or ""
    if _known(folded):
        return written
    suggestion = difflib.get_close_matches(folded, known_units(), n=1, cutoff=0.6)
    raise UnitError(written, suggestion[0] if suggestion else None)
