"""The Vietnamese words of targets and figures, as data: one table each, read by every parser.

Owns the word tables that the target-phrase parser (``core.targets.parser``) and the report
reader (``extract.quantities``, ``extract.extractor``, ``extract.tables``) both use, the way a
date parser keeps each language's words as data beside one grammar:

- ``BOUND_WORDS``: a word before a number and the bound it makes (trên → ``>``, tối thiểu → ``>=``,
  từ … (trở lên) → ``from``, dưới → ``<``, không quá → ``<=``);
- ``CHANGE_WORDS`` (tăng, giảm, gấp …) and ``LEVEL_WORDS`` (còn, xuống còn, lên …: after a change
  word the number is a level);
- ``HORIZON_WORDS``: bình quân (average), hằng năm (each year), cả nhiệm kỳ (cumulative), cuối
  nhiệm kỳ (end of term);
- ``COUNT_NOUNS`` (hộ, người, doanh nghiệp, hộ gia đình …), ``MEASURE_UNITS`` (ha, km², tấn …),
  ``TIME_UNITS`` (tuổi, tháng, ngày: never a target's unit) and ``MONEY_WORDS`` / ``SCALE_WORDS``
  (đồng, USD; nghìn, triệu, tỷ);
- ``ORDINAL_WORDS``: a number after these is a name, an ordinal or a rank, not a quantity
  ("con thứ 3", "sinh con 3 trở lên", "lớp 1", "Phường 2", "Nghị quyết số 15", "tốp 3").

All words are lower case, NFC; callers match them on folded text. ``alternation`` builds a
regular-expression alternation from a table, longest first. Pure data; no Django, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

GT, GE, LT, LE, FROM = "gt", "ge", "lt", "le", "from"
BOUND_WORDS: dict[str, str] = {
    "trên": GT, "hơn": GT, "trên mức": GT, "cao hơn": GT, "nhiều hơn": GT, "lớn hơn": GT, ">": GT,
    "≥": GE, ">=": GE, "tối thiểu": GE, "ít nhất": GE, "không dưới": GE,
    "không thấp hơn": GE, "không ít hơn": GE, "từ": FROM,
    "dưới": LT, "thấp hơn": LT, "ít hơn": LT, "nhỏ hơn": LT, "<": LT,
    "≤": LE, "<=": LE, "tối đa": LE, "không quá": LE, "không vượt quá": LE,
    "không cao hơn": LE, "không lớn hơn": LE, "không nhiều hơn": LE, "nhiều nhất": LE,
}  # fmt: skip
# What each bound is in the extraction contract's codes.
BOUND_OPS = {GT: ">", GE: ">=", LT: "<", LE: "<="}
# After a number: "85% trở lên" is a floor, "5% trở xuống" a ceiling.
OR_MORE, OR_LESS = "trở lên", "trở xuống"

INC, DEC, MUL = "inc", "dec", "mul"
CHANGE_WORDS: dict[str, str] = {
    "tăng": INC, "tăng thêm": INC, "tăng trưởng": INC, "giảm": DEC, "giảm thêm": DEC,
    "gấp": MUL, "tăng gấp": MUL, "thêm": INC,  # "xây dựng thêm 3 trường"
}  # fmt: skip
LEVEL_WORDS = frozenset({"còn", "xuống", "xuống còn", "lên", "lên mức", "xuống mức", "lên đến", "lên tới"})

AVERAGE, EACH_YEAR, CUMULATIVE, END_OF_TERM = "avg", "each", "cum", "end"
HORIZON_WORDS: dict[str, str] = {
    "bình quân": AVERAGE, "trung bình": AVERAGE,
    "hằng năm": EACH_YEAR, "hàng năm": EACH_YEAR, "mỗi năm": EACH_YEAR, "trong hàng năm": EACH_YEAR,
    "năm nào cũng": EACH_YEAR,
    "cả nhiệm kỳ": CUMULATIVE, "toàn nhiệm kỳ": CUMULATIVE, "cả giai đoạn": CUMULATIVE,
    "trong nhiệm kỳ": CUMULATIVE, "trong cả nhiệm kỳ": CUMULATIVE, "lũy kế": CUMULATIVE,
    "luỹ kế": CUMULATIVE, "cộng dồn": CUMULATIVE, "tổng cộng": CUMULATIVE,
    "đến cuối nhiệm kỳ": END_OF_TERM, "cuối nhiệm kỳ": END_OF_TERM, "đến cuối kỳ": END_OF_TERM,
    "cuối kỳ": END_OF_TERM,
}  # fmt: skip

# After "bình quân": an average per head or per household ("bình quân đầu người"), not per year.
PER_HEAD_WORDS: tuple[str, ...] = (
    "đầu người", "mỗi người", "một người", "/người", "/ người", "nhân khẩu", "mỗi hộ", "một hộ", "/hộ", "/ hộ",
)  # fmt: skip

# Things counted: a number before one of these counts them ("12 hộ", "3 doanh nghiệp").
COUNT_NOUNS: tuple[str, ...] = (
    "trung tâm thương mại", "nhà văn hóa", "tổ dân phố", "khu dân cư", "khu phố", "cơ quan, đơn vị",
    "cơ quan", "đơn vị", "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "lao động", "học sinh", "sinh viên",
    "giáo viên", "bác sĩ", "giường bệnh", "đảng viên", "chi bộ", "tổ chức cơ sở đảng", "cơ sở", "sản phẩm",
    "mô hình", "công trình", "dự án", "trường", "phòng học", "ngôi nhà", "căn nhà", "căn hộ", "căn", "nhà",
    "hộ gia đình", "hộ", "người", "nhân khẩu", "thôn", "xóm", "xã", "phường", "thị trấn", "chợ", "siêu thị",
    "con", "lượt khách", "lượt người", "lượt", "lần", "điểm", "cây", "chiếc", "tuyến", "đợt", "cuộc",
    "vụ việc", "vụ", "hồ sơ", "đồng chí", "thủ tục", "câu lạc bộ", "clb", "gia đình", "em", "cháu",
    "hội viên", "đoàn viên", "cán bộ", "công chức", "htx", "dn", "chỉ tiêu", "khối phố", "trạm y tế",
    "trạm", "giấy phép", "đối tượng", "suất quà", "suất", "công dân", "thanh niên", "tân binh",
    "bệnh nhân", "khách", "lớp", "tiêu chí", "tổ chức", "trang trại", "gia trại", "khách sạn", "phòng",
    "giường", "bản", "làng", "tổ", "ấp", "khóm", "buôn",
)  # fmt: skip
MEASURE_UNITS: tuple[str, ...] = (
    "km²", "km2", "km", "ha", "m²", "m2", "m³", "m3", "tấn", "tạ", "kg", "lít", "mw", "kwh",
)  # fmt: skip
# A number before these is an age, a duration or a date, never a target's quantity.
TIME_UNITS: tuple[str, ...] = ("tháng tuổi", "tuổi", "tháng", "ngày")
MONEY_WORDS: tuple[str, ...] = ("đồng", "vnđ", "vnd", "usd", "đ")
SCALE_WORDS: dict[str, str] = {"nghìn": "nghìn", "ngàn": "nghìn", "triệu": "triệu", "tỷ": "tỷ", "tỉ": "tỷ"}
PERCENT_WORDS: tuple[str, ...] = ("điểm phần trăm", "điểm %")
# One name for one unit, whichever the text writes ("12 hộ gia đình" counts hộ; "5 DN" doanh nghiệp).
UNIT_SYNONYMS: dict[str, str] = {
    "hộ gia đình": "hộ", "dn": "doanh nghiệp", "htx": "hợp tác xã", "clb": "câu lạc bộ",
    "km²": "km2", "m²": "m2", "m³": "m3",
}  # fmt: skip

# A number right after these is a name, an ordinal or a rank, not a target: "con thứ 3",
# "sinh con 3 trở lên" (the third child), "lớp 1", "mức độ 2", "Phường 2", "khu phố 3",
# "Nghị quyết số 15".
ORDINAL_WORDS = frozenset(
    "thứ lớp loại cấp hạng khóa khoá số phường tổ thôn xóm đợt quý tháng điều khoản mục vòng chương".split()
    + ["mức độ", "cấp độ", "khu phố", "dân phố", "nghị quyết", "quyết định", "chỉ thị", "kết luận",
       "nghị định", "thông tư", "phụ lục", "sinh con", "đề án", "kỳ họp", "xếp thứ", "đứng thứ",
       "ngày", "tiêu chí", "nhóm", "lần", "covid", "giai đoạn"]
)  # fmt: skip
# Words saying the number after them is a rank among others ("nằm trong tốp 3": third or better).
RANK_WORDS: tuple[str, ...] = ("tốp", "top")


def alternation(words: Iterable[str]) -> str:
    """``a|b|c`` of the words (escaped), longest first so "hộ gia đình" wins over "hộ"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def bound_words(op: str) -> list[str]:
    """The words of one bound (``GT``, ``GE``, ``LT``, ``LE``)."""
    return [w for w, o in BOUND_WORDS.items() if o == op]


def horizon_words(kind: str) -> list[str]:
    """The words of one horizon (``AVERAGE``, ``EACH_YEAR``, ``CUMULATIVE``, ``END_OF_TERM``)."""
    return [w for w, k in HORIZON_WORDS.items() if k == kind]


# Abbreviations of the economic sectors as reports write them in structure targets ("TM-DV chiếm
# 49,5%; CN-TTCN, XDCB chiếm 47,5%; NN chiếm 3%"): folded word (no accents, lower case) → the
# words spelt out, folded the same way.
SECTOR_ABBREVIATIONS: dict[str, str] = {
    "tm": "thuong mai",
    "dv": "dich vu",
    "tmdv": "thuong mai dich vu",
    "cn": "cong nghiep",
    "ttcn": "tieu thu cong nghiep",
    "cnttcn": "cong nghiep tieu thu cong nghiep",
    "xd": "xay dung",
    "xdcb": "xay dung co ban",
    "cnxd": "cong nghiep xay dung",
    "nn": "nong nghiep",
    "nlts": "nong lam thuy san",
    "nlns": "nong lam ngu nghiep",
    "nlnn": "nong lam ngu nghiep",
    "ts": "thuy san",
}
