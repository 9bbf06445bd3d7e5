"""The reader's cheap line tests and one-character scans read what the plain forms read (issue 12).

Second pass at the reader's speed, output byte-identical: the line loop of ``segments`` tells most
lines apart from their first two characters and a few plain string tests (no markup, no heading
prefix possible, no unit column), and several searches now start with one fixed character, which
the regular-expression engine finds at memory speed. Each test sets such a shortcut beside the
plain form it stands for (kept here as the reference) and checks, on texts made of the characters
and words that matter, that both give the same answer.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.core import vocabulary
from chitieu.extract import extractor, names, normalise, segments, sentences
from chitieu.extract.normalise import fold
from chitieu.extract.segments import Segment

# Letters that matter to the shortcuts: the ones they test first, their capitals, letters whose
# case behaves unusually (İ lower-cases to two characters, the Kelvin sign to "k", "ⅰ" is lower
# case but no letter), spaces of several kinds, digits, marks and the punctuation of headings.
_ODD = "İK\u212aⅠⅰǅ\u00a0\u2003\t"
_LETTERS = "aAcCdDđĐhHiIkKmMnNpPtTvVxXrRoOuUyYơƠịỊíÍàáảãạèéẻẽẹỳýỷỹỵòóọùúụêếăắưữ"


def _lines(words: list[str] = ()) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(list(words) or ["x"]),
        st.text(alphabet=_LETTERS + _ODD + " .,;:)(-–/|#*<>[]_\\0123456789", max_size=4),
    )
    return st.lists(piece, max_size=12).map("".join)


_HEADING_WORDS = [
    "Phần ", "PHẦN THỨ ", "Phụ lục 1", "Chương ", "CHƯƠNG II", "I. ", "IV/", "1.2. ", "a) ", "B. ",
    "Các chỉ tiêu chủ yếu", "CHỈ TIÊU", "Mục tiêu", "Kết quả thực hiện", "Nhiệm vụ", "Định hướng",
    "những ", "- Về kinh tế", "KINH TẾ - XÃ HỘI", "năm 2024", "2021-2025", "UBND ", "TM. ỦY BAN",
]


def _heading_reference(cleaned: str, raw: str) -> bool:
    """``segments._heading`` as it was, every pattern tried on every line."""
    s = cleaned.strip()
    if not s or len(s) > 170:
        return False
    if "#" in raw and raw.lstrip().startswith("#"):
        return True
    first = s[0]
    if first.islower() and first not in "pcivx" and s[1:2] not in ").\t " and not s[1:2].isspace():
        return False
    folded = s[:40].lower()
    m = segments._HEADING_PREFIX.match(folded)
    if m:
        rest = s[m.end() :].strip(" .:-–")
        if not rest or not rest[0].isupper():
            return False
        if _capitals_reference(rest):
            return True
        if s.endswith(".") and len(rest.split()) >= 5:
            return False
        no_years = segments._YEARS.sub("", segments._PERIOD.sub("", rest))
        return not segments._DIGIT.search(no_years) and not s.rstrip().endswith((";", ","))
    if folded[:1] == "-" and segments._ABOUT.match(folded) and len(s) < 90 and not s.rstrip().endswith((".", ";")):
        return True
    if (
        s[:1].isupper()
        and segments._SECTION_TITLE.match(folded)
        and len(s) < 100
        and "|" not in s
        and "\t" not in s
        and "   " not in s
        and not s.rstrip().endswith((".", ";", ",", ":"))
    ):
        return not segments._DIGIT.search(segments._YEARS.sub("", segments._PERIOD.sub("", s)))
    if not s[:1].isupper() or s[1:12].islower():
        return False
    return _capitals_reference(s)


def _capitals_reference(s: str) -> bool:
    letters = list(filter(str.isalpha, s))
    return len(letters) >= 8 and sum(map(str.isupper, letters)) / len(letters) > 0.85


@settings(max_examples=3000, deadline=None)
@given(_lines(_HEADING_WORDS))
def test_a_line_is_a_heading_exactly_when_every_pattern_tried_says_so(line):
    cleaned = segments._clean(line)
    assert segments._heading(cleaned, line, cleaned.strip()) == _heading_reference(cleaned, line)


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=_LETTERS + _ODD + " .,0123456789", max_size=60))
def test_capitals_counted_with_the_bytes_of_a_z_first_give_the_same_answer(s):
    assert segments._capitals(s) == _capitals_reference(s)


def test_a_title_in_capitals_and_a_sentence_are_told_apart():
    assert segments._capitals("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU VỀ KINH TẾ")
    assert not segments._capitals("Nghị quyết Đại hội Đảng bộ thị xã lần thứ VII")


@settings(max_examples=2000, deadline=None)
@given(_lines(["ĐVT", "đvt", "Đơn vị tính", "ĐƠN VỊ TÍNH", "đơn Vị Tính", "Đv", "vt", "ị t"]))
def test_a_line_whose_lower_case_names_a_unit_column_passes_the_cheap_test(line):
    if segments._table_header(line.lower()):
        assert segments._may_name_unit_column(line)


@settings(max_examples=2000, deadline=None)
@given(_lines(["CÁC ", "Các ", "chỉ tiêu", "văn bản ", "CÁC CHỈ TIÊU CHỦ YẾU ", "date 2020 "]))
def test_a_title_in_capitals_before_a_body_is_found_as_before(line):
    line = line * 3  # (long enough to be read)
    plain = len(line) < 55 or line[1:90].islower() or sum(map(str.isupper, line[:90].split(None, 7)[:7])) < 4
    if plain:
        assert segments._caps_prefix(line) is None


def test_a_title_in_capitals_still_opens_a_flattened_page():
    title, body = segments._caps_prefix(
        "CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025 I. Về kinh tế 1. Tốc độ tăng trưởng bình quân 8%"
    )
    assert title == "CÁC CHỈ TIÊU CHỦ YẾU TRONG NHIỆM KỲ 2020-2025"
    assert body.startswith("I. Về kinh tế")


@settings(max_examples=1000, deadline=None)
@given(_lines(["năm 2020", "2021-2025", "2021 - 2025", "19", "20"]))
def test_figures_outside_years_are_found_as_before(s):
    plain = segments._DIGIT.search(segments._YEARS.sub("", segments._PERIOD.sub("", s))) is not None
    assert segments._figures(s) == plain


def test_a_plain_line_and_the_same_line_with_markup_make_the_same_segments():
    from chitieu.extract.document import Document

    plain = ["I. KẾT QUẢ THỰC HIỆN", "Tổng thu ngân sách ước đạt 1.234 tỷ đồng,", "tăng 8,5% so với cùng kỳ."]
    marked = ["I. **KẾT QUẢ THỰC HIỆN**", "Tổng thu ngân sách ước đạt 1.234 tỷ đồng,", "tăng 8,5% so với cùng kỳ."]
    a = segments.segments(Document("a.txt", "txt", tuple(plain)))
    b = segments.segments(Document("b.md", "md", tuple(marked)))
    assert [(s.text, s.is_heading, s.mode, s.line_numbers) for s in a] == [
        (s.text, s.is_heading, s.mode, s.line_numbers) for s in b
    ]
    assert [s.text for s in a] == [
        "I. KẾT QUẢ THỰC HIỆN",
        "Tổng thu ngân sách ước đạt 1.234 tỷ đồng, tăng 8,5% so với cùng kỳ.",
    ]
    assert a[1].mode == "result" and a[0].folded == fold(a[0].text)


# --- folding, sentences and clauses ---------------------------------------------------------


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="oOuUqQaàáảãạeèéẻẽẹyỳýỷỹỵ đİK .-", max_size=24))
def test_fold_with_two_one_letter_searches_folds_as_the_one_pattern(text):
    low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    assert fold(text) == normalise._TONE_RE.sub(normalise._restyle, low)


def test_fold_moves_an_old_style_tone_mark_and_keeps_the_length():
    assert fold("Hoà bình, THUỶ lợi, khoẻ") == "hòa bình, thủy lợi, khỏe"
    assert fold("quá") == "quá"  # (after "q" the mark stays)
    assert fold("ABC 12") == "abc 12"


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet="ab .\n…!?AĐ1-(", max_size=40))
def test_the_full_stop_pattern_finds_the_stops_of_a_text_whose_only_stop_is_a_full_stop(text):
    plain = [m.span() for m in sentences._STOP.finditer(text)]
    if not any(c in text for c in "!?…"):
        assert [m.span() for m in sentences._FULL_STOP.finditer(text)] == plain


def test_sentences_are_cut_before_a_capital_a_bullet_or_a_number():
    text = "Thu đạt 5 tỷ. Chi đạt 3 tỷ! - Nợ giảm. 2 xã đạt chuẩn. v.v. còn lại"
    assert [text[a:b] for a, b in sentences.sentence_spans(text)] == [
        "Thu đạt 5 tỷ.", " Chi đạt 3 tỷ!", " - Nợ giảm.", " 2 xã đạt chuẩn. v.v. còn lại"
    ]


@settings(max_examples=2000, deadline=None)
@given(
    st.text(alphabet="ab ,:;1 ", max_size=40),
    st.lists(st.integers(min_value=0, max_value=40), max_size=6),
)
def test_clauses_cut_in_one_scan_are_the_clauses_cut_span_by_span(text, cuts):
    bounds = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    spans = [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b and not text[a:b].isspace()]
    spans = spans[::2] if len(spans) > 2 else spans  # (with gaps between the spans too)
    for pattern in (";", r",(?!\d)|:(?!\d)"):
        fast = sentences.refine(spans, text, pattern)
        plain = sentences.refine(spans, text, "(?:" + pattern + ")")  # (the span-by-span path)
        assert fast == plain


# --- names ----------------------------------------------------------------------------------


def _clean_name_reference(text: str) -> str:
    """``names.clean_name`` as it was, every pattern tried in every round."""
    words = " ".join(text.split())[-200:]
    unclosed = names._unclosed_at(words)
    if unclosed > 0:
        words = words[:unclosed]
    for _ in range(4):
        before = words
        words = names._cut(names._LEAD, words)
        words = names._cut(names._FILLER, names.fold_prefix(words, names._FILLER))
        words = names._cut(names._CONNECTOR, words)
        words = names._drop_trail(words).strip(" ,;:-–(")
        if words == before:
            break
    return words


_NAME_WORDS = [
    "Toàn phường ", "toàn xã ", "Trên địa bàn ", "hiện nay ", "Đến năm 2025 ", "năm 2024, ", "Giai đoạn 2021-2025 ",
    "so với cùng kỳ ", "đã ", "Có ", "với ", "và ", "được ", "còn ", "coà ", "Trong đó: ", "riêng ", "Ngoài ra, ",
    "(1) ", "- ", "1. ", "tỷ lệ hộ nghèo ", "đạt ", "ước ", "tăng ",
]


@settings(max_examples=3000, deadline=None)
@given(_lines(_NAME_WORDS))
def test_a_name_is_cleaned_as_when_every_pattern_was_tried_in_every_round(text):
    assert names.clean_name(text) == _clean_name_reference(text)


def test_filler_and_numbering_are_still_dropped_from_names():
    assert names.clean_name("- Toàn phường có tỷ lệ hộ nghèo") == "tỷ lệ hộ nghèo"
    assert names.clean_name("Trong đó: tỷ lệ hộ nghèo giảm còn") == "tỷ lệ hộ nghèo"
    assert names.clean_name("1. Trên địa bàn xã, số hộ dùng nước sạch đạt") == "số hộ dùng nước sạch"


# --- the words the extractor looks for first ------------------------------------------------


def test_every_word_of_a_pattern_tried_after_a_plain_search_holds_what_is_searched():
    # "năm" is searched before "hằng năm, mỗi năm …", "bình" before "bình quân, trung bình"
    assert all("năm" in w for w in vocabulary.horizon_words(vocabulary.EACH_YEAR))
    assert all("bình" in w for w in vocabulary.horizon_words(vocabulary.AVERAGE))


@settings(max_examples=2000, deadline=None)
@given(_lines(["đạt", "không đạt", "chưa hoàn thành", "vượt kế hoạch", "đánh giá: đạt", ", đạt.", "cơ bản đạt", "kế hoạch"]))
def test_a_sentence_without_the_verdict_words_has_no_verdict(text):
    text = fold(text)
    if not any(w in text for w in extractor._VERDICT_WORDS):
        assert list(extractor._matches_at_words(extractor._VERDICT, extractor._VERDICT_STARTS, text, 0, len(text))) == []


def test_a_verdict_still_judges_the_result_before_it():
    seg = Segment("Thu ngân sách đạt 120 tỷ đồng, đạt kế hoạch.", "result", None, None, [0], [1])
    seg.folded = fold(seg.text)
    found, _ = extractor._segment_statements(seg)
    assert [(st.low, st.unit, st.stated_status) for st in found] == [(120, "tỷ đồng", "dat")]
