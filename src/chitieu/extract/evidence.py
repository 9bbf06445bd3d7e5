"""The words that tell a target from a result, and the document's own date, as data.

Owns the vocabulary of *kind evidence* (issue 12): a heading is one piece of evidence, the
clause's own words and years are others. The word lists below are what Vietnamese offices
write across reports — plan language (phấn đấu, đề ra … chỉ tiêu:, dự kiến, đến năm …) against
report language (ước đạt, đã đạt, so với cùng kỳ …) — kept here as data so that the extractor,
the segmenter and their tests read one list. All patterns work on folded text (``normalise.fold``).

Also the document's date: "…, ngày 29 tháng 11 năm 2024", "29/11/2024" or an article's
date line "2025-08-21" near the top. A year after it is the future: a value for it is planned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from chitieu.core import vocabulary

_L = "a-zà-ỹđ"

# --- target evidence -----------------------------------------------------------------------
# Plan verbs and modality: a number after one of these, in its sentence, is planned.
TARGET_WORDS: tuple[str, ...] = (
    "phấn đấu",
    "mục tiêu đến",
    "mục tiêu năm",
    # the rest of the year: "Mục tiêu 6 tháng cuối năm: …", "mục tiêu những tháng cuối năm", "mục tiêu quý IV"
    "mục tiêu 6 tháng cuối",
    "mục tiêu sáu tháng cuối",
    "mục tiêu những tháng cuối",
    "mục tiêu các tháng cuối",
    "mục tiêu quý",
    "dự kiến đến",
    "dự kiến năm",
    "định hướng đến",
    "định hướng năm",
    "đặt mục tiêu",  # "chúng tôi đặt mục tiêu …", "huyện đặt chỉ tiêu sản lượng lúa đạt …"
    "đặt chỉ tiêu",
    "đặt ra mục tiêu",
    "đặt ra chỉ tiêu",
)
# "Đại hội đề ra …": the verb that sets targets; not "chỉ tiêu đề ra" after a
# result ("đạt 100% chỉ tiêu đề ra"), which names the plan a result is measured against.
# ("xác định" alone is no such verb: "UBND phường xác định cải cách hành chính là nhiệm vụ trọng tâm".)
TARGET_VERB = r"đề ra(?<![" + _L + r"]đề ra)(?![" + _L + r"])"  # (the look-behind after the words: a search skips to "đ")
# ... nor "(các) chỉ tiêu … đề ra" where the plan is the subject of a report ("Một số chỉ tiêu của các
# phường, xã đề ra chưa đạt kế hoạch").
RESULT_BEFORE_VERB = r"(?:đạt|vượt|hoàn thành|so với|thực hiện|chỉ tiêu|mục tiêu|kế hoạch)[^.;]{0,70}$"
# A list of targets announced: "đề ra 12 chỉ tiêu cụ thể:", "đề ra các chỉ tiêu chủ yếu:",
# "Các chỉ tiêu chủ yếu:", "mục tiêu cụ thể:" — everything after the colon in that sentence.
# (The words between may name the year or term: "xác định các chỉ tiêu chủ yếu nhiệm kỳ 2025-2030:",
# "Kỳ họp thống nhất các chỉ tiêu năm 2026:".)
TARGET_LIST_INTRO = (
    r"(?:(?:đề ra|xác định|thông qua|đặt ra|đặt|giao|thống nhất|quyết nghị|dự kiến|(?<!so )với|gồm|gồm có)\s+"
    r"(?:(?<!/)\d+\s+|các\s*|những\s+|một số\s+)?"
    r"(?:chỉ tiêu|mục tiêu|nhóm chỉ tiêu)"
    r"|(?<!["
    + _L
    + r"])(?:các\s*)?(?:chỉ tiêu|mục tiêu)\s+(?:chủ yếu|cụ thể|chính(?!\s+phủ)|kinh tế - xã hội|như sau|sau))"
    r"(?:[^.;:\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}:"
)
# The same announcement with no colon: "Đại hội thông qua nghị quyết nhiệm kỳ mới với một số chỉ tiêu
# chủ yếu thương mại - dịch vụ tăng …" (the plan verb earlier in the sentence).
TARGET_LIST_INTRO_NO_COLON = (
    r"(?:đề ra|đặt ra|thông qua|xác định|nghị quyết)[^.;:]{0,80}?(?:với|gồm|gồm có|là)\s+"
    r"(?:các|những|một số|\d+)\s+(?:chỉ tiêu|mục tiêu)\s+(?:chủ yếu|cụ thể|chính)"
)
# A label opening a sentence: "Các chỉ tiêu kinh tế: …", "Chỉ tiêu xã hội: …". Weak evidence: it
# counts only outside a results section and in a clause that reports nothing (no "đạt", "ước").
TARGET_LABEL = (
    r"^\s*(?:(?:các|những|một số|nhóm)\s+)?(?:chỉ tiêu|mục tiêu)(?![" + _L + r"])"
    r"(?:[^.;:\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}:"  # ("Chỉ tiêu năm 2026: …")
)
# A plan's label opening a sentence, its items after the colon: "Nhiệm vụ năm 2027: tuyển quân đạt 100%
# …; …", "3. Phương hướng 6 tháng cuối năm: …", "Dự toán năm 2027: thu ngân sách 500 tỷ đồng" (a name
# after the colon, not a figure: "Kế hoạch năm 2026: 8%. Thực hiện: 8,4%" are an indicator's fields).
PLAN_LABEL = (
    r"^\s*(?:\d{1,2}\s*[.)]\s*|[-+•]\s*)?(?:về\s+)?(?:nhiệm vụ|phương hướng|kế hoạch|định hướng|dự toán)(?![" + _L + r"])"
    r"(?:[^.;:\d]|(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}(?= tháng)){0,60}:\s*(?=[" + _L + r"])"
)
# ... whose items report nothing ("Kế hoạch năm 2026: thực hiện đạt 102%" reports).
PLAN_LABEL_BLOCKERS = r"(?<![" + _L + r"])(?:ước|thực hiện|đã|kết quả|so với cùng kỳ|đạt được)(?![" + _L + r"])"
# ("đạt tối thiểu 80%", "đạt trên 97%" under such a label: a floor to reach, as plans write it)
_FLOOR_WORDS = vocabulary.alternation(
    [*vocabulary.bound_words(vocabulary.GE), *vocabulary.bound_words(vocabulary.GT), "từ"]
)
LABEL_BLOCKERS = (
    r"(?<![" + _L + r"])(?:đạt(?!\s+(?:" + _FLOOR_WORDS + r")(?![" + _L + r"]))|ước|thực hiện|đã|so với cùng kỳ)(?!["
    + _L
    + r"])"
)
# Words after a value that make it a floor to reach: "85% trở lên", "từ 10 đảng viên trở lên/năm".
TARGET_AFTER = r"^[\d.,]+\s*(?:%|‰|[" + _L + r"]+(?:\s+[" + _L + r"]+)?)?\s*trở lên"

# Report language before the list intro makes it a report on those targets, not the list.
RESULT_BEFORE_INTRO = r"(?:kết quả|thực hiện|đạt|đạt được|hoàn thành|vượt)\s+(?:\S+\s+){0,3}$"
# ... unless a body is charged with it: "giao UBND xã tập trung chỉ đạo hoàn thành các chỉ tiêu sau:",
# "yêu cầu các ngành phải thực hiện đạt các chỉ tiêu:" (a directive: what is to be done).
DIRECTIVE_BEFORE_INTRO = (
    r"(?<![" + _L + r"])(?:giao|yêu cầu|chỉ đạo|phải|cần|quyết tâm|nhằm)(?![" + _L + r"])[^.;:]{0,80}$"
)

# --- result evidence -----------------------------------------------------------------------
RESULT_WORDS: tuple[str, ...] = (
    "ước đạt",
    "ước thực hiện",
    "ước tính",
    "đã đạt",
    "đạt được",
    "đã thực hiện",
    "hiện có",
    "hiện nay có",
    "năm qua",  # "Năm qua, tổng sản lượng đạt …", "năm 2025 vừa qua": the time just past
    "vừa qua",
    "thời gian qua",
)
# A comparison with the past reports a result ("tăng 8% so với cùng kỳ").
RESULT_COMPARISON = ("so với cùng kỳ",)

# Plan words that need a look around: a plan adopted "with" its targets, "quyết nghị kế hoạch năm 2027
# với mục tiêu tăng trưởng 7,5%, kim ngạch …" (not "so với mục tiêu", a result measured against it, nor
# "gắn với mục tiêu giảm nghèo"); a duty set, "xác định năm 2027 phải đưa tỷ lệ hộ nghèo xuống dưới 12%"
# (not "nông dân phải giảm diện tích": "phải" alone is no plan).
TARGET_PHRASES = (
    r"(?<![" + _L + r"])(?:kế hoạch|nghị quyết|quyết nghị|thông qua|đề ra|đặt ra|chương trình|đề án)(?![" + _L + r"])"
    r"[^.;:]{0,60}?(?<!so )với\s+(?:các\s+|những\s+)?(?:mục tiêu|chỉ tiêu)(?!\s+(?:đề ra|đã|được|giao))(?![" + _L + r"])"
    r"|(?<![" + _L + r"])(?:xác định|quyết tâm|yêu cầu|chủ trương)(?![" + _L + r"])[^.;:]{0,60}?(?<!không )phải\s+"
    r"(?:đưa|đạt|hoàn thành|tăng|giảm|nâng|bảo đảm|đảm bảo|kéo giảm|trồng)(?![" + _L + r"])"
)
_TARGET_PHRASES = re.compile(TARGET_PHRASES)
# The words in every match of each half of TARGET_PHRASES ("với" and a plan's word, or "phải" and a duty's)
_TARGET_PHRASE_WITH = (
    "kế hoạch", "nghị quyết", "quyết nghị", "thông qua", "đề ra", "đặt ra", "chương trình", "đề án",
)  # fmt: skip
_TARGET_PHRASE_MUST = ("xác định", "quyết tâm", "yêu cầu", "chủ trương")
# TARGET_WORDS by their first word
_TARGET_WORDS_BY_FIRST = tuple(
    (first, tuple(w for w in TARGET_WORDS if w.split()[0] == first))
    for first in dict.fromkeys(w.split()[0] for w in TARGET_WORDS)
)
TARGET_CUE = re.compile("|".join(map(re.escape, TARGET_WORDS)))
_TARGET_LIST_INTRO = re.compile(TARGET_LIST_INTRO)
# The first word of every _TARGET_LIST_INTRO match. The pattern starts with a look-behind, so its
# search tries every alternative at every character; it is tried only where one of these words
# stands (found by ``str.find``), which gives the same matches as ``finditer``.
_LIST_INTRO_FIRST = (
    "đề ra", "xác định", "thông qua", "đặt", "giao", "thống nhất", "quyết nghị", "dự kiến", "với", "gồm", "các",
    "chỉ tiêu", "mục tiêu",
)  # fmt: skip


def _list_intro_places(folded: str, a: int, b: int) -> list[int]:
    places = set()
    for word in _LIST_INTRO_FIRST:
        i = folded.find(word, a, b)
        while i >= 0:
            places.add(i)
            i = folded.find(word, i + 1, b)
    return sorted(places)


def list_intro(folded: str, a: int = 0, b: int | None = None) -> re.Match[str] | None:
    """``_TARGET_LIST_INTRO.search(folded, a, b)`` (a list of targets announced), tried only where
    a match's first word stands."""
    b = len(folded) if b is None else b
    if folded.find("tiêu", a, b) < 0:
        return None  # (in every match: "chỉ tiêu", "mục tiêu")
    for p in _list_intro_places(folded, a, b):
        m = _TARGET_LIST_INTRO.match(folded, p, b)
        if m is not None and not _in_brackets(folded, p):
            return m
    return None


def _in_brackets(folded: str, at: int) -> bool:
    """Whether ``at`` stands inside an open bracket: "đạt 93,4% (chỉ tiêu chủ yếu: 100%)" quotes the
    plan a result is measured against, it announces no list of targets."""
    return folded.rfind("(", 0, at) > folded.rfind(")", 0, at)


def _list_intros(folded: str) -> Iterator[re.Match[str]]:
    """``_TARGET_LIST_INTRO.finditer(folded)``, tried only where a match's first word stands."""
    end = 0
    for p in _list_intro_places(folded, 0, len(folded)):
        if p < end:
            continue  # (inside the match before: finditer's matches do not overlap)
        m = _TARGET_LIST_INTRO.match(folded, p)
        if m is not None and not _in_brackets(folded, p):
            yield m
            end = m.end()


_TARGET_VERB = re.compile(TARGET_VERB)
_RESULT_BEFORE_VERB = re.compile(RESULT_BEFORE_VERB)
RESULT_CUE = re.compile("|".join(map(re.escape, RESULT_WORDS + RESULT_COMPARISON)))
_RESULT_BEFORE_INTRO = re.compile(RESULT_BEFORE_INTRO)
_DIRECTIVE_BEFORE_INTRO = re.compile(DIRECTIVE_BEFORE_INTRO)
_RESULT_CUES = RESULT_WORDS + RESULT_COMPARISON

# A year the value is *for*: "đến năm 2030", "năm 2026", "giai đoạn 2026-2030" (its end year).
_FOR_YEAR = re.compile(
    r"(?:(?:đến|tới|vào|cuối|trong)\s+)?năm\s+((?:19|20)\d\d)(?![\d.,]*\d)"
    r"|(?:giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch)\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)"
)
# What every _FOR_YEAR match holds, as plain words first: _FOR_YEAR itself (an optional word
# first) is tried at every character, so it runs only where this finds something.
_FOR_YEAR_HINT = re.compile(r"năm\s+(?:19|20)\d\d|giai đoạn|nhiệm kỳ|thời kỳ|kế hoạch")
# "so với năm 2025", "gấp 2 lần năm 2020": the base of a comparison is no evidence.
_BASE_BEFORE = re.compile(r"(?:so với|bằng|gấp|hơn|lần|từ)\s+(?:cùng kỳ\s+|cuối\s+|đầu\s+)?$")


def target_cue(folded: str) -> bool:
    """Whether ``folded`` (a sentence up to a number) holds plan words for that number."""
    for first, words in _TARGET_WORDS_BY_FIRST:  # = TARGET_CUE.search, without a regex pass
        if first in folded:  # (in each of its words: most sentences hold none, found in one pass)
            for w in words:
                if w in folded:
                    return True
    if (
        "với" in folded
        and any(w in folded for w in _TARGET_PHRASE_WITH)
        or "phải" in folded
        and any(w in folded for w in _TARGET_PHRASE_MUST)
    ) and _TARGET_PHRASES.search(folded):
        return True
    if "đề ra" in folded:
        for m in _TARGET_VERB.finditer(folded):
            if not _RESULT_BEFORE_VERB.search(folded[max(0, m.start() - 80) : m.start()]):
                return True
    if ":" not in folded or "tiêu" not in folded:
        return False  # the cheap test first: most sentences announce no list
    for m in _list_intros(folded):
        if _RESULT_BEFORE_INTRO.search(folded[max(0, m.start() - 40) : m.start()]) and not _DIRECTIVE_BEFORE_INTRO.search(
            folded[max(0, m.start() - 120) : m.start()]
        ):
            continue  # "Kết quả thực hiện các chỉ tiêu chủ yếu:" reports on the list
        return True
    return False


_TARGET_LIST_NO_COLON = re.compile(TARGET_LIST_INTRO_NO_COLON)
_TARGET_LABEL = re.compile(TARGET_LABEL)
_LABEL_BLOCKERS = re.compile(LABEL_BLOCKERS)
_PLAN_LABEL = re.compile(PLAN_LABEL)
_PLAN_LABEL_BLOCKERS = re.compile(PLAN_LABEL_BLOCKERS)
_TARGET_AFTER = re.compile(TARGET_AFTER)


def weak_target_cue(before: str, after: str) -> bool:
    """Evidence of a target that holds only where nothing says otherwise (no heading of results):
    a sentence opening with a label of targets ("Các chỉ tiêu kinh tế: …") whose clause reports
    nothing, a list announced without a colon, or a floor to reach ("85% trở lên")."""
    if _TARGET_AFTER.match(after):
        return not result_cue(before)
    if ":" in before and (m := _PLAN_LABEL.match(before)) is not None:
        return not _PLAN_LABEL_BLOCKERS.search(before)
    if "tiêu" not in before:
        return False
    if _TARGET_LIST_NO_COLON.search(before) and not _RESULT_BEFORE_INTRO.search(before[:40]):
        return True
    m = _TARGET_LABEL.search(before)
    if m is None:
        return False
    tail = before[m.end() :]
    clause = tail[tail.rfind(";") + 1 :]
    return not _LABEL_BLOCKERS.search(clause)


_PAST_YEAR = re.compile(r"(?:năm|trong năm|cả năm)\s+((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—])")


def past_year(folded: str, doc_year: int | None) -> bool:
    """Whether ``folded`` names a year before the document's own (a value *for* it, not a base)."""
    if doc_year is None or "20" not in folded and "19" not in folded:  # (a year is in every match)
        return False
    for m in _PAST_YEAR.finditer(folded):
        if _BASE_BEFORE.search(folded[max(0, m.start() - 20) : m.start()]):
            continue
        if int(m.group(1)) < doc_year:
            return True
    return False


def result_cue(folded: str) -> bool:
    """Whether ``folded`` holds report words (an estimate, an achievement, a comparison with last year)."""
    for w in _RESULT_CUES:  # = RESULT_CUE.search: plain words, found faster
        at = folded.find(w)
        while at > 0 and folded[at - 1].isalpha():  # (a word's end: "thoát nước đạt" is no "ước đạt")
            at = folded.find(w, at + 1)
        if at >= 0:
            return True
    return False


def future_year(folded: str, doc_year: int | None) -> bool:
    """Whether ``folded`` names a year (or a term ending in one) later than the document's date."""
    if doc_year is None or _FOR_YEAR_HINT.search(folded) is None:
        return False
    for m in _FOR_YEAR.finditer(folded):
        if _BASE_BEFORE.search(folded[max(0, m.start() - 20) : m.start()]):
            continue
        if m.group(1):
            if int(m.group(1)) > doc_year:
                return True
        elif int(m.group(2)) >= doc_year and int(m.group(3)) > doc_year:
            return True  # "giai đoạn 2026-2030" in a document of 2025 or 2026
    return False


# --- the document's date -------------------------------------------------------------------
_DATE_WORDS = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+((?:19|20)\d\d)(?!\d)")
_DATE_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)"
    r"|((?:19|20)\d\d)-(?:0?[1-9]|1[0-2])(?:-\d{1,2})?)(?![\d/.-])"
)
DATE_LINES = 12  # where a report's place-and-date line or an article's date line stands


def document_year(lines: Sequence[str]) -> int | None:
    """The year of the document's own date, from its first lines, or None.

    "UBND xã …, ngày 29 tháng 11 năm 2024" (an official document's place and date) first;
    else a numeric date standing near the top (an article's date line "2025-08-21" or
    "21/08/2025"). Only the first lines are read: dates further on are what the text is about.
    """
    head = [line.lower() for line in lines[:DATE_LINES] if line.strip() and not line.lstrip().startswith("#")]
    for line in head:
        m = _DATE_WORDS.search(line)
        if m:
            return int(m.group(1))
    for line in head:
        m = _DATE_NUMERIC.search(line[:60])
        if m and not (
            "/" in line[: m.start()]
            and _DOCUMENT_REF_DATE.search(line, 0, m.start())
            and not _OWN_NUMBER.match(line)
        ):
            return int(m.group(1) or m.group(2))
    return None


# The date of a document the text names ("Nghị quyết số 57-NQ/TW ngày 22/12/2024", "Quyết định
# 05/2024/QĐ-TTg ngày …"): not the date of the text itself.
_DOCUMENT_REF_DATE = re.compile(r"(?:số\s+)?\d+[/-][^\s]*[a-zđ][^\s]*\s+(?:ngày\s+)?$")
# ... unless the line opens with the number: the text's own ("Số 58/BC-UBND ngày 14/3/2025",
# "(Số: 12/TTr-UBND, ngày 05/11/2025)" under the title of a copy), not one it cites
_OWN_NUMBER = re.compile(r"\s*\(?\s*số\s*:?\s*\d")

# --- the year a news article reports -------------------------------------------------------
# A year as a headline or lead names it: "… năm 2025", "6 tháng đầu năm 2026", "Quý I/2026", and a
# lead's "Đến ngày 30/9/2025, …" (the state on that day).
_LEAD_YEAR = re.compile(
    r"(?:năm|quý\s+[ivx\d]+\s*/|^[\s–-]*(?:tính\s+)?đến\s+(?:hết\s+)?ngày\s+\d{1,2}\s*/\s*\d{1,2}\s*/)\s*"
    r"((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—]\s*\d)"
)
# ... not one a plan is for ("phấn đấu đến năm 2030", "Năm 2026 phấn đấu …"), nor the base of a
# comparison ("so với năm 2024"), nor a date's ("ngày 9 tháng 12 năm 2025"), nor a school year's.
_LEAD_BASE_BEFORE = re.compile(r"(?:so với|cùng kỳ|đến|tới|tháng\s+\d{1,2})\s+$")
_LEAD_PLAN_BEFORE = re.compile(
    r"(?:phấn đấu|mục tiêu|kế hoạch|dự kiến|định hướng|nhiệm vụ|dự toán)[^,.;:]{0,30}$"
)
# "tổng kết nhiệm vụ năm 2025", "kết quả thực hiện kế hoạch năm 2025": a plan reported on
_LEAD_REPORT_BEFORE = re.compile(r"(?:tổng kết|sơ kết|kết quả|thực hiện|đánh giá)(?:\s+(?!và\s)\S+){0,2}\s+$")
_LEAD_PLAN_AFTER = re.compile(
    r"(?:(?!\svà\s)[^,.;:]){0,25}?(?:phấn đấu|mục tiêu|dự kiến|định hướng|kế hoạch\s+(?:năm|đề ra))"
)
_LEAD_BRACKETS = re.compile(r"\([^()]*\)")


# A news lead's opening: its place (in capitals, the paper's name after it) and a dash, or its date
# ("AN GIANG (Báo An Giang) – …", "Ngày 8/1/2026, …", "Sáng 14/7, …")
_DATELINE = re.compile(
    r"(?:[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.]*(?:\s+[A-ZÀ-ỸĐ][A-ZÀ-ỸĐ.]*)*\s*(?:\([^()]{1,60}\)\s*)?[–—-]\s*)?"
    r"(?:(?:sáng|chiều|tối|trưa)\s+(?:ngày\s+)?|ngày\s+)\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*(?:19|20)\d\d)?\s*,",
    re.IGNORECASE,
)


def report_year(lines: Sequence[str]) -> int | None:
    """The one year a news article's headline and lead report on ("Ngành nông nghiệp … năm 2025: …",
    "Tại hội nghị tổng kết … năm 2025, …", "… 6 tháng đầu năm 2026 tăng 21%"), or None.

    The headline is the first line of text, the lead the first sentence of the paragraph after it;
    a year that a plan is for, a comparison's base and a date's year do not count, and a headline
    and lead naming two years name none. Results stating no year of their own are for this year.
    """
    texts: list[str] = []
    for line in lines[:DATE_LINES]:
        text = line.strip().lower()
        if not text or text.startswith("#"):
            continue
        if texts:  # the lead: its first sentence
            cut = text.find(". ")
            texts.append(text if cut < 0 else text[:cut])
            break
        if _DATELINE.match(line.strip()):
            # no headline: the text opens with its lead ("AN GIANG (Báo An Giang) – Ngày 8/1/2026, …
            # tổ chức hội nghị tổng kết năm 2025."): its first sentence
            cut = text.find(". ")
            texts.append(text if cut < 0 else text[:cut])
            break
        if text.endswith((".", ";", ":")) or len(text) > 200 or len(text.split()) < 4:
            # a sentence of the text ("Số hộ nghèo năm 2016 là 34 hộ."), or a footnote's marker: no headline
            return None
        texts.append(text)
    years: set[int] = set()
    for text in texts:
        if "20" not in text and "19" not in text:
            continue
        text = _LEAD_BRACKETS.sub(" ", text) if "(" in text else text
        for m in _LEAD_YEAR.finditer(text):
            before = text[max(0, m.start() - 40) : m.start()]
            if _LEAD_BASE_BEFORE.search(before):
                continue
            plan = _LEAD_PLAN_BEFORE.search(before)
            if plan and not _LEAD_REPORT_BEFORE.search(before[: plan.start()]):
                continue
            if _LEAD_PLAN_AFTER.match(text, m.end()):
                continue
            years.add(int(m.group(1)))
    return years.pop() if len(years) == 1 else None


_LEAD_PERIOD = re.compile(
    r"(?:nhiệm kỳ|giai đoạn|thời kỳ|kế hoạch 5 năm)\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?![\d.,]*\d)"
)
_LEAD_PLAN_WORDS = re.compile(
    r"chỉ tiêu|mục tiêu|phấn đấu|nghị quyết|đại hội|kế hoạch|định hướng|phương hướng"
)
_LEAD_REPORT_WORDS = re.compile(r"tổng kết|sơ kết|kết quả|nhìn lại|đánh giá|thực hiện")


def headline_periods(lines: Sequence[str]) -> tuple[str | None, str | None]:
    """The terms a news article's headline names: (the one it sets targets for, the one it reports on).

    "Đại hội … thông qua 18 chỉ tiêu chủ yếu nhiệm kỳ 2025-2030", "Nghị quyết Đại hội … nhiệm kỳ
    2025-2030 (trích phần chỉ tiêu)": the one term it names, with plan words and no report words, is
    planned; "Tổng kết Chương trình … giai đoạn 2021-2025" (report words, no plan words) reports."""
    for line in lines[:DATE_LINES]:
        text = line.strip().lower()
        if not text or text.startswith("#"):
            continue
        if "20" not in text and "19" not in text:
            return None, None
        periods = {f"{a}-{b}" for a, b in _LEAD_PERIOD.findall(text)}
        if len(periods) != 1:
            return None, None
        # (a programme's name, "Chương trình mục tiêu quốc gia …", sets no targets)
        words = text.replace("chương trình mục tiêu", " ")
        plan, report = _LEAD_PLAN_WORDS.search(words), _LEAD_REPORT_WORDS.search(words)
        if plan and not report:
            return periods.pop(), None
        return (None, periods.pop()) if report and not plan else (None, None)
    return None, None


_HEADLINE_YEAR = re.compile(r"(?:năm|kế hoạch|nhiệm vụ|đến)\s+((?:19|20)\d\d)(?![\d.,]*\d)(?!\s*[-–—]\s*\d)")


def plan_year(lines: Sequence[str], doc_year: int | None) -> int | None:
    """The year a document plans for: its headline or title names one year after its own date
    ("Nghị quyết về kế hoạch phát triển KT-XH … năm 2024" in an article of December 2023).

    A target with no year of its own is for that year."""
    if doc_year is None:
        return None
    for line in lines[:DATE_LINES]:
        text = line.strip().lower()
        if not text or text.startswith("#"):
            continue
        years = {int(y) for y in _HEADLINE_YEAR.findall(text)}
        return years.pop() if len(years) == 1 and min(years) > doc_year else None
    return None
