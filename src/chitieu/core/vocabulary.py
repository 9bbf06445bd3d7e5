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
- ``TURN_NOUNS`` ("lượt lao động"), ``PER_WORDS`` ("/vạn dân"), ``PERMIL_WORDS`` (‰, %o, phần
  nghìn), ``TIME_MEASURED_BY`` ("tuổi thọ … 74 tuổi"), ``NOT_COUNTED_WORDS`` / ``DOCUMENT_PARTS``
  (after a number, no noun it counts), ``YEARLY_KIND_NOUNS`` ("cây hằng năm" is no horizon) and
  ``AVERAGE_LEVEL_NOUNS`` ("chỉ số giá tiêu dùng bình quân" is an average level, not a yearly rate);
- ``AMOUNT_VERBS`` / ``MONEY_NAME_WORDS``: an amount with a scale word and no currency stays money
  ("500 triệu hỗ trợ …", "hỗ trợ 40 triệu làm nhà"); else a noun after it is counted ("21,6 triệu trái");
- ``RANGE_SEPARATORS`` ("-", "÷", "đến" …), ``POPULATION_BASES`` / ``POPULATION_WORDS`` ("/10.000
  dân" is "/vạn dân", "/100 dân"), ``REACH_WORDS`` / ``RATE_NAME_WORDS`` (a rate's figure after
  "đạt", "còn" …; the figures before count something in its name) and ``ASPECT_NOUNS`` ("trên cả
  3 tiêu chí": what a requirement covers), read by the target parser;
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
# Bound words of a plan's own phrase only: "Thu ngân sách vượt 3.500 tỷ đồng", "tỷ lệ hộ nghèo
# không đến 0,3%". In a report "vượt 12% dự toán" is a margin over a plan, not a bound, so the
# reader does not take these.
PLAN_BOUND_WORDS: dict[str, str] = {
    "vượt": GT, "vượt mức": GT, "vượt trên": GT,
    "không đến": LT, "chưa đến": LT, "không tới": LT, "chưa tới": LT, "không tới mức": LT,
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

# A phrase with no number is a qualitative target when it holds one of these words of what must
# be kept or reached ("Giữ vững danh hiệu …", "Chỉ số PAR xếp nhóm khá trở lên", "Huyện trở thành
# thị xã") ...
QUALITATIVE_WORDS: tuple[str, ...] = (
    "giữ vững", "duy trì", "đạt", "vượt", "hoàn thành", "xếp loại", "công nhận", "không có", "không để",
    "không xảy ra", "không phát sinh", "đảm bảo", "bảo đảm", "thực hiện tốt", "vững mạnh", "trong sạch",
    "an toàn", "nâng cao", "phấn đấu", "phần đầu", "tốt", "xuất sắc", "kiềm chế", "kéo giảm", "ngăn chặn",
    "trở thành", "xếp nhóm", "xếp hạng", "thuộc nhóm", "trở lên", "khá trở lên", "được cải thiện",
    "được nâng lên",
)  # fmt: skip
# ... or when it opens with a verb of what must be done: an indicator's name opens with a noun ("Tỷ
# lệ …", "Số …", "Giá trị …"), so "Bảo tồn và phát huy giá trị các di tích …" is a task, not a name
# whose figure is missing.
REQUIREMENT_VERBS: tuple[str, ...] = (
    "thực hiện", "triển khai", "xây dựng", "bảo tồn", "phát huy", "hoàn thiện", "củng cố", "tăng cường",
    "đẩy mạnh", "chấm dứt", "xóa bỏ", "xoá bỏ", "tiếp tục", "giữ", "huy động", "nâng", "đưa", "bảo vệ",
    "phát triển", "khôi phục", "ổn định", "quản lý", "kiện toàn", "ngăn ngừa", "phòng ngừa", "hạn chế",
    "khuyến khích", "thu hút", "hỗ trợ", "tổ chức", "hoàn chỉnh", "chỉnh trang", "cải thiện",
)  # fmt: skip

# A yearly word after these names a kind, not a horizon: "cây hằng năm" are annual crops.
YEARLY_KIND_NOUNS: tuple[str, ...] = ("cây", "cây trồng", "cây màu")
# "bình quân" after these is an average level or price, not a yearly growth: "chỉ số giá tiêu
# dùng bình quân tăng 3,1%", "thu nhập bình quân của người lao động tăng 6,5%".
AVERAGE_LEVEL_NOUNS: tuple[str, ...] = (
    "chỉ số giá tiêu dùng", "chỉ số giá", "cpi", "giá", "thu nhập", "tiền lương", "lương", "năng suất",
    "giá bán", "giá thành",
)  # fmt: skip


def not_after(words: Iterable[str]) -> str:
    """Negative look-behinds: not right after any of the ``words`` and a space."""
    return "".join(f"(?<!{re.escape(w)} )" for w in words)


# After "bình quân": an average per head or per household ("bình quân đầu người"), not per year.
PER_HEAD_WORDS: tuple[str, ...] = (
    "đầu người", "mỗi người", "một người", "/người", "/ người", "nhân khẩu", "mỗi hộ", "một hộ", "/hộ", "/ hộ",
)  # fmt: skip

# Things counted: a number before one of these counts them ("12 hộ", "3 doanh nghiệp").
COUNT_NOUNS: tuple[str, ...] = (
    "trung tâm thương mại", "nhà văn hóa", "tổ dân phố", "khu dân cư", "khu phố", "cơ quan, đơn vị",
    "cơ quan", "đơn vị", "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "lao động", "học sinh", "sinh viên",
    "giáo viên", "bác sĩ", "bác sỹ", "giường bệnh", "đảng viên", "chi bộ", "tổ chức cơ sở đảng", "cơ sở", "sản phẩm",
    "mô hình", "công trình", "dự án", "trường", "phòng học", "ngôi nhà", "căn nhà", "căn hộ", "căn", "nhà",
    "hộ gia đình", "hộ", "người", "nhân khẩu", "thôn", "xóm", "xã", "phường", "thị trấn", "chợ", "siêu thị",
    "con", "lượt khách", "lượt người", "lượt", "lần", "điểm", "cây", "chiếc", "tuyến", "cuộc",
    "vụ việc", "vụ", "hồ sơ", "đồng chí", "thủ tục", "câu lạc bộ", "clb", "gia đình", "em", "cháu",
    "hội viên", "đoàn viên", "cán bộ", "công chức", "htx", "dn", "chỉ tiêu", "khối phố",
    "trạm", "giấy phép", "đối tượng", "suất quà", "suất", "công dân", "thanh niên", "tân binh",
    "bệnh nhân", "khách", "lớp", "tiêu chí", "tổ chức", "trang trại", "gia trại", "khách sạn", "phòng",
    "giường", "bản", "làng", "tổ", "đồng bào", "thuê bao", "sáng kiến", "ấp", "dược sĩ", "dược sỹ", "điều dưỡng", "nhân viên y tế",
    "xe", "tàu", "thẻ", "liều", "ca", "buổi", "phiên", "trẻ em", "trẻ", "học viên", "vận động viên",
    "huy chương", "di tích", "lễ hội", "làng nghề", "nhà máy", "cụm công nghiệp", "khu công nghiệp",
    "tài khoản", "hợp đồng", "vụ án", "bị can", "tác phẩm", "tin bài", "giếng", "cầu", "khóm", "buôn",
    "trường hợp", "giấy chứng nhận", "mã số", "nhà đầu tư",
    # applications and petitions a one-stop shop or an inspectorate counts ("tiếp nhận 45 đơn",
    # "38 đơn thư khiếu nại", "85 đơn phản ánh", "2.350 giao dịch trực tuyến"; each its own unit, as
    # written); "hồ sơ" and "lượt" are above
    "đơn thư", "đơn khiếu nại", "đơn tố cáo", "đơn kiến nghị", "đơn phản ánh", "đơn", "giao dịch",
)  # fmt: skip
# "lượt" before a thing counted counts its turns ("52.000 lượt lao động", "1.200 lượt hộ").
TURN_NOUNS: tuple[str, ...] = tuple(f"lượt {n}" for n in COUNT_NOUNS if not n.startswith("lượt") and "," not in n)
MEASURE_UNITS: tuple[str, ...] = (
    "km²", "km2", "km", "ha", "m²", "m2", "m³", "m3", "tấn", "tạ", "kg", "lít", "mw", "kwh",
    "kw", "mwh", "kva", "mva", "hecta", "héc ta", "hécta",
)  # fmt: skip
# After a unit, "/" and what it is per: one word ("tấn/ha") or one of these ("bác sĩ/vạn dân").
PER_WORDS: tuple[str, ...] = (
    "vạn dân", "nghìn dân", "ngàn dân", "1.000 dân", "10.000 dân", "100.000 dân", "người dân", "hộ dân",
    "lao động", "1.000 trẻ đẻ sống", "ngày đêm", "phụ nữ",
)  # fmt: skip
# A number before these is an age, a duration or a date, never a target's quantity.
TIME_UNITS: tuple[str, ...] = ("tháng tuổi", "tuổi", "tháng", "ngày")
MONEY_WORDS: tuple[str, ...] = ("đồng", "vnđ", "vnd", "usd", "đ")
SCALE_WORDS: dict[str, str] = {"nghìn": "nghìn", "ngàn": "nghìn", "triệu": "triệu", "tỷ": "tỷ", "tỉ": "tỷ"}
PERCENT_WORDS: tuple[str, ...] = ("điểm phần trăm", "điểm %")
# "%" spelt out: "đạt 100 phần trăm", "tăng 15 phần trăm mỗi năm".
PERCENT_SPELT: tuple[str, ...] = ("phần trăm",)
# Between the two ends of a range: "40 - 50%", "15 ÷ 16%/năm" (the sign of division, as technical
# plans write a range), "từ 5 đến 10%".
RANGE_SEPARATORS: tuple[str, ...] = ("-", "–", "—", "~", "÷", "đến", "tới")
# A unit written in capitals by the target parser and the reader alike: the currency code "USD".
# ("MW", "kWh" are written lower case by both, "triệu kwh": capitals there would be a change of
# the reader's writing too.)
UNIT_CAPITALS: dict[str, str] = {"usd": "USD"}
# What a ratio to the population is per, written one way: "bác sĩ/10.000 dân" is "bác sĩ/vạn dân".
POPULATION_BASES: dict[str, str] = {
    "10.000 dân": "vạn dân", "10.000 người dân": "vạn dân", "1 vạn dân": "vạn dân", "vạn người dân": "vạn dân",
}  # fmt: skip
# The people a number of them is a base for: "35 thuê bao/100 dân", "15 ca/1.000 người dân".
POPULATION_WORDS: tuple[str, ...] = ("dân", "người dân", "hộ dân")
# Before a figure, the words saying the indicator reaches it (not a count in its name): "… khám
# thai ít nhất 4 lần trong 3 thời kỳ đạt trên 90%", "… học 2 buổi/ngày đạt 100%", "… còn dưới 8%".
REACH_WORDS: tuple[str, ...] = (
    "đạt", "đạt mức", "ở mức", "duy trì", "giữ vững", "còn", "xuống", "xuống còn", "xuống mức", "lên",
    "lên mức", "lên đến", "lên tới",
)  # fmt: skip
# Names of a rate: a figure in % after a reaching word is the rate's target, the other figures of
# the phrase count something in its name.
RATE_NAME_WORDS: tuple[str, ...] = ("tỷ lệ", "tỉ lệ", "tỷ trọng", "tỉ trọng", "tỷ suất", "tỉ suất")
# After "cả N", the parts a requirement covers, not a figure to reach: "kéo giảm tai nạn giao
# thông trên cả 3 tiêu chí", "tiến bộ trên cả 4 mặt".
ASPECT_NOUNS: tuple[str, ...] = ("tiêu chí", "mặt", "lĩnh vực", "nội dung", "chỉ số thành phần")
# Floor area, a measure of its own: "diện tích nhà ở bình quân 30 m2 sàn/người".
FLOOR_AREA_UNITS: tuple[str, ...] = ("m2 sàn", "m² sàn", "m2 sàn xây dựng")
# Per mille, as written: "18,5‰", "18,5%o" (or "%0"), "giảm 0,6 phần nghìn".
PERMIL_WORDS: tuple[str, ...] = ("‰", "%o", "%0", "phần nghìn", "phần ngàn")
# A time word after a number is an age or a duration (``TIME_UNITS``), except where the indicator
# measures that very thing: "tuổi thọ trung bình đạt 74 tuổi".
TIME_MEASURED_BY: dict[str, tuple[str, ...]] = {"tuổi": ("tuổi thọ",)}
# One name for one unit, whichever the text writes ("12 hộ gia đình" counts hộ; "5 DN" doanh nghiệp).
UNIT_SYNONYMS: dict[str, str] = {
    "hộ gia đình": "hộ", "dn": "doanh nghiệp", "htx": "hợp tác xã", "clb": "câu lạc bộ",
    "km²": "km2", "m²": "m2", "m³": "m3", "m² sàn": "m2 sàn", "m2 sàn xây dựng": "m2 sàn", "đồng bào": "người", "hecta": "ha", "héc ta": "ha", "hécta": "ha",
}  # fmt: skip

# An unknown noun after a number in an indicator's clause is what it counts ("96.500 thuê bao",
# "320 sáng kiến"), except these: words of grammar, of time, and the parts a document counts in
# itself ("3 khâu đột phá", "6 nhiệm vụ trọng tâm", "45 đại biểu").
NOT_COUNTED_WORDS = frozenset(
    "được đã đang sẽ và hoặc với của cho tại trong trên dưới so là có bằng theo từ đến tới đạt tăng giảm "
    "này đó các những mọi mới nữa thì khi nếu như về vào ra lên xuống để do vì nhưng còn chiếm gồm trở "
    "thuộc ở sau trước hơn gần khoảng ước bình trung phần năm tháng quý tuần ngày giờ phút giây kỳ khóa "
    "khoá nhiệm bước giai cấp mặt chữ trang triệu tỷ tỉ nghìn ngàn vạn lần độ mức loại hạng số không chưa "
    "cùng cả toàn riêng đều thêm đồng vnđ usd thực phát xây triển tiếp đảm tạo hoàn đẩy nâng quan "
    "đợt".split()  # ("2 đợt ra quân tổng vệ sinh", "2 đợt rét": waves of an activity, of weather; no count in the keys)
)
# After an amount written with a scale word and no currency ("500 triệu", "2 tỷ"), these words
# say it is money still: verbs of spending and collecting, "tỷ lệ", "tỷ trọng", "mỗi người".
AMOUNT_VERBS = frozenset(
    "vượt hỗ chi thu nộp huy đầu giải vay cấp mua bán trả bồi thưởng ủng quyên góp mỗi một lệ trọng "
    "kinh vốn nguồn tiền làm xây sửa".split()
)
# ... and an indicator named with one of these is money whatever follows ("hỗ trợ 40 triệu làm nhà").
MONEY_NAME_WORDS: tuple[str, ...] = (
    "hỗ trợ", "kinh phí", "vốn", "ngân sách", "giá trị", "doanh thu", "thu nhập", "dư nợ", "đầu tư",
    "tiền", "nộp", "lương", "quỹ", "tài trợ", "ủng hộ", "giải ngân", "kim ngạch", "grdp",
    "cho vay", "huy động", "lợi nhuận",
)  # fmt: skip
# The parts a document counts in itself, and the documents a body issues: after a number, no
# indicator's count ("3 khâu đột phá", "6 nhiệm vụ trọng tâm", "ban hành 16 thông báo").
DOCUMENT_PARTS: tuple[str, ...] = (
    "nhiệm vụ", "giải pháp", "nội dung", "đột phá", "khâu", "chương trình", "đề án", "vấn đề", "lĩnh vực",
    "kiến nghị", "phong trào", "quan điểm", "định hướng", "mục tiêu", "chỉ tiêu", "ý kiến", "đại biểu",
    "kỳ họp", "hội nghị", "mục", "điều", "khoản", "chương", "nhóm", "nghị quyết", "văn bản", "báo cáo",
    "tờ trình", "thông báo", "công văn", "quyết định", "quy chế", "quy định", "chỉ thị", "kế hoạch",
    "hướng dẫn", "kết luận",
)  # fmt: skip

# A number right after these is a name, an ordinal or a rank, not a target: "con thứ 3",
# "sinh con 3 trở lên" (the third child), "lớp 1", "mức độ 2", "Phường 2", "khu phố 3",
# "Nghị quyết số 15", "Chương trình 135".
ORDINAL_WORDS = frozenset(
    "thứ lớp loại cấp hạng khóa khoá số phường tổ thôn xóm ấp đợt quý tháng điều khoản mục vòng chương".split()
    + ["mức độ", "cấp độ", "khu phố", "dân phố", "nghị quyết", "quyết định", "chỉ thị", "kết luận",
       "nghị định", "thông tư", "phụ lục", "sinh con", "đề án", "kỳ họp", "xếp thứ", "đứng thứ",
       "ngày", "tiêu chí", "nhóm", "lần", "covid", "giai đoạn", "chương trình"]
)  # fmt: skip
# Words saying the number after them is a rank among others ("nằm trong tốp 3": third or better).
RANK_WORDS: tuple[str, ...] = ("tốp", "top")

# A table column that compares two figures: "So sánh (%)", "So với KH", "So KH (%)", "So cùng kỳ
# (%)", "TH/KH (%)", "Ước TH/NQ", "Tỷ lệ so với kế hoạch (%)". Its cells are ratios in %, not values
# in the row's unit. The words after "so" (what the row is compared with) and the abbreviations of
# columns written "A/B".
COMPARED_WITH_WORDS: tuple[str, ...] = (
    "sánh", "với", "kh", "kế hoạch", "cùng kỳ", "ck", "nq", "nghị quyết", "dự toán", "dt", "chỉ tiêu",
    "mục tiêu", "năm trước", "cùng kỳ năm trước", "đại hội", "đh",
)  # fmt: skip
# ... of them, those that compare with the year before, not with the plan
LAST_YEAR_WORDS: tuple[str, ...] = ("cùng kỳ", "ck", "năm trước")
COLUMN_ABBREVIATIONS: tuple[str, ...] = ("th", "ước th", "tt", "kh", "nq", "ck", "dt", "đh", "ước")
# A comparison column opening with a plan of a year ("KH 2027 so với ước TH 2026 (%)", "Dự kiến
# năm 2027 so năm 2026"): the growth the plan sets, a target of that year, not a ratio of results.
PLANNED_COMPARISON_WORDS: tuple[str, ...] = ("kế hoạch", "kh", "dự kiến", "dự toán", "mục tiêu", "chỉ tiêu")
# The size of a plan, before its figure: "Kế hoạch vốn năm 2025 (5.436,8 tỷ đồng)", "dự toán giao
# 12.500 triệu đồng". The figure is the plan (a target of its year), not what was done; "đạt 77,4%
# kế hoạch vốn" measures a result against it.
PLAN_SIZE_WORDS: tuple[str, ...] = ("kế hoạch vốn", "vốn kế hoạch", "dự toán giao", "dự toán được giao")
# A table column of counts with no unit written, as one-stop shops report procedures ("Lĩnh vực |
# Tiếp nhận | Đúng hạn | Trễ hạn", "Tiếp nhận | Đã giải quyết | Đúng hạn | Tỷ lệ đúng hạn (%)"): the
# words such a column is headed by (after "tổng số", "số", "hồ sơ", "đã" or "mới"), its cells counts
# of applications.
PROCEDURE_COUNT_COLUMNS: tuple[str, ...] = (
    "tiếp nhận", "giải quyết", "xử lý", "trả kết quả", "đúng hạn", "trước hạn", "trước và đúng hạn",
    "trễ hạn", "quá hạn", "đang giải quyết", "chưa giải quyết", "đang xử lý", "tồn", "kỳ trước chuyển sang",
    "giải quyết đúng hạn", "giải quyết trước hạn", "giải quyết quá hạn", "giải quyết trễ hạn",
    "tiếp nhận trực tuyến", "trực tuyến", "rút hồ sơ", "trả lại",
)  # fmt: skip
# A year column's kind under a heading that plans ("LỘ TRÌNH … GIAI ĐOẠN 2026 - 2030", "KẾ HOẠCH
# THỰC HIỆN …"): "thực hiện" after these nouns is what the plan will do, not what was done.
PLAN_NOUNS: tuple[str, ...] = ("lộ trình", "kế hoạch", "phương án", "chương trình", "đề án", "dự kiến")
# A title reporting on a term's progress names the year it reports on ("… nhiệm kỳ 2025 - 2030, năm thứ
# nhất (năm 2025) và nhiệm vụ trọng tâm năm 2026"); a year after one of these words is what it plans.
# ... or names none, but its progress in the term ("sau 1 năm thực hiện Nghị quyết …", "sơ kết giữa nhiệm
# kỳ …"): it reports on the year of its date.
TERM_PROGRESS_WORDS: tuple[str, ...] = (
    "năm thứ nhất", "năm thứ hai", "năm thứ ba", "năm thứ tư", "năm đầu", "giữa nhiệm kỳ", "giữa kỳ",
    *(f"sau {n} năm" for n in ("1", "2", "3", "4", "một", "hai", "ba", "bốn", "hơn 1", "hơn 2", "hơn 3")),
)  # fmt: skip
PLAN_YEAR_WORDS: tuple[str, ...] = (
    "nhiệm vụ", "phương hướng", "kế hoạch", "mục tiêu", "định hướng", "dự toán", "chỉ tiêu", "đến", "tới",
)  # fmt: skip


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

# What a place is (no statement of the text's figures): the unit itself "có" / "gồm" its parts, its
# households and people, its natural area, and the shares of that population ("Phường có 23 tổ dân
# phố, 9.842 hộ với 31.460 nhân khẩu", "Xã có diện tích tự nhiên 61,3 km2 với 21.870 nhân khẩu",
# "xã có 17 thôn, buôn với hơn 5.600 hộ, trong đó đồng bào dân tộc thiểu số chiếm 38%").
PLACE_UNITS: tuple[str, ...] = ("xã", "phường", "thị trấn", "thị xã", "huyện", "tỉnh", "thành phố", "đặc khu")
PLACE_PARTS: tuple[str, ...] = (
    "tổ dân phố", "tổ dân cư", "khu dân cư", "khu phố", "thôn", "buôn", "bản", "ấp", "xóm", "làng", "sóc",
    "tổ", "khu", "phường", "xã", "thị trấn",
)  # fmt: skip
PLACE_PEOPLE: tuple[str, ...] = ("hộ dân", "hộ gia đình", "hộ", "nhân khẩu", "khẩu")
PLACE_AREA_NAMES: tuple[str, ...] = ("diện tích đất tự nhiên", "diện tích tự nhiên", "tổng diện tích tự nhiên")
PLACE_AREA_UNITS: tuple[str, ...] = ("km2", "km²", "ha", "héc-ta", "hécta")
PLACE_POPULATION_NAMES: tuple[str, ...] = ("dân số", "quy mô dân số")
# the groups of a population whose share is a fact of the place ("trong đó đồng bào dân tộc thiểu
# số chiếm 38%"), not a rate of a result ("trong đó hộ nghèo chiếm 4,1%")
PLACE_POPULATION_GROUPS: tuple[str, ...] = (
    "đồng bào dân tộc thiểu số", "đồng bào dân tộc", "người dân tộc thiểu số", "dân tộc thiểu số",
    "đồng bào có đạo", "đồng bào theo đạo", "đồng bào công giáo", "giáo dân", "dân tộc kinh", "người kinh",
)  # fmt: skip

# A leader's words in an article, what is to be done: "Bí thư … nhấn mạnh: “Năm 2026 phường phải …”",
# "Ông cũng yêu cầu giữ tỷ lệ hộ nghèo dưới 0,5%" (targets, not results; not "đã yêu cầu", done).
SPEAKER_WORDS: tuple[str, ...] = (
    "ông", "bà", "đồng chí", "bí thư", "phó bí thư", "chủ tịch", "phó chủ tịch", "giám đốc", "lãnh đạo",
    "bộ trưởng", "thứ trưởng", "trưởng ban", "thủ trưởng",
)  # fmt: skip
DIRECTIVE_VERBS: tuple[str, ...] = ("yêu cầu", "đề nghị", "chỉ đạo")
SPEECH_VERBS: tuple[str, ...] = (
    "nhấn mạnh", "khẳng định", "lưu ý", "cho rằng", "cho biết", "nêu rõ", "phát biểu", "yêu cầu", "đề nghị",
)  # fmt: skip
MODAL_WORDS: tuple[str, ...] = ("phải", "cần")
