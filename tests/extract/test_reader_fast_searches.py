"""The reader's searches done once or only where a match can start read what the plain forms read
(issue 12, fourth pass at the reader's speed, output byte-identical).

- a list of targets announced (``evidence._TARGET_LIST_INTRO``, a pattern that starts with a
  look-behind, so its search tries every alternative at every character) is tried only where one
  of its first words stands;
- the lines that may name a unit column ("ĐVT", "Đơn vị tính") are found in two searches over
  the whole document, not by a test per line;
- a short line is a label of a one-cell-a-line table only if it starts with a label's first letter;
- a paragraph's first met standard (``extractor._QUALITATIVE``) is searched once: the sentences,
  clauses and sub-clauses that end by it are not searched again.

Each test sets the shortcut beside the plain form it stands for and checks, on texts made of the
words and characters that matter, that both give the same answer.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.extract import celllines, evidence, extractor, segments
from chitieu.extract.document import Document
from chitieu.extract.extractor import extract
from chitieu.extract.normalise import fold

_ODD = "İK\u212aⅰ\u00a0\u2003\t\n"
_LETTERS = "aAcCdDđĐhHkKnNsStTvVơƠịỊíÍ"


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(words),
        st.text(alphabet=_LETTERS + _ODD + " .,;:()-/0123456789", max_size=4),
    )
    return st.lists(piece, max_size=14).map("".join)


_INTRO_WORDS = [
    "đề ra ", "xác định ", "thông qua ", "đặt ra ", "giao ", "so với ", "với ", "gồm ", "gồm có ",
    "các ", "các", "những ", "một số ", "12 ", "3/", "chỉ tiêu", "mục tiêu", "nhóm chỉ tiêu",
    " chủ yếu", " cụ thể", " chính", " kinh tế - xã hội", " như sau", " sau", ":", " ", "a",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_INTRO_WORDS), st.integers(0, 60), st.integers(0, 60))
def test_list_intro_is_the_patterns_search(text, a, b):
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    plain = evidence._TARGET_LIST_INTRO.search(text, a, b)
    fast = evidence.list_intro(text, a, b)
    assert (plain and plain.span()) == (fast and fast.span())
    assert [m.span() for m in evidence._TARGET_LIST_INTRO.finditer(text)] == [
        m.span() for m in evidence._list_intros(text)
    ]


_UNIT_WORDS = ["đvt", "ĐVT", "Đvt", "đVT", "đơn vị tính", "ĐƠN VỊ TÍNH", "Đơn Vị Tính", "đơn vị", "Đ", "v", "\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_texts(_UNIT_WORDS).map(lambda t: t.replace("\n", " ")), max_size=8))
def test_unit_column_lines_are_the_lines_tested_one_by_one(lines):
    assert segments._unit_column_lines(lines) == {
        i for i, x in enumerate(lines) if segments._may_name_unit_column(x)
    }


_LABEL_WORDS = ["tên ", "Tên ", "các ", "CÁC ", "chỉ tiêu", "Chỉ tiêu", "nội dung", "Danh mục", "lĩnh vực",
                "Hạng mục", " chủ yếu", "STT", "stt", "TT", "Số TT", "số thứ tự", "İ", " "]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_texts(_LABEL_WORDS).map(lambda t: t.replace("\n", " ").strip()))
def test_a_label_starts_with_a_label_letter(raw):
    label = celllines._NAME_LABEL.fullmatch(" ".join(fold(raw).split())) or celllines._STT_LABEL.fullmatch(
        fold(raw)
    )
    if raw and label:
        assert raw[0].lower() in celllines._LABEL_FIRST


_MET_WORDS = [
    "đạt ", "đạt chuẩn", "xã ", "giữ vững", "duy trì ", "danh hiệu", "hoàn thành ", "kế hoạch",
    "chưa đạt", "không đạt", "không còn hộ", "công nhận ", "kiểu mẫu", "được xếp loại tốt",
    "chỉ tiêu", "; ", ", ", ". ", "Năm 2025 ", "95%", "12 hộ",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_texts(_MET_WORDS))
def test_no_met_standard_ends_before_the_paragraphs_first(text):
    folded = fold(text)
    first = extractor._QUALITATIVE.search(folded)
    start = first.start() if first else len(folded) + 1
    for a in range(len(folded) + 1):
        for b in range(a, min(len(folded), start) + 1):
            assert extractor._QUALITATIVE.search(folded, a, b) is None


def test_met_standards_beside_figures_are_read_as_before():
    text = (
        "Năm 2025, xã giữ vững danh hiệu xã đạt chuẩn quốc gia về y tế; tỷ lệ hộ nghèo giảm còn 1,2%.\n"
        "Thu ngân sách đạt 12,5 tỷ đồng, đạt 104% kế hoạch. Xã được công nhận đạt chuẩn nông thôn mới"
        " kiểu mẫu.\n"
        "Các trường học duy trì đạt chuẩn quốc gia.\n"
    )
    got = [
        (s.kind, s.op, s.indicator, s.low, s.unit, s.line)
        for s in extract(Document("xa.txt", "text", tuple(text.splitlines())))
    ]
    assert got == [
        ("result", "qualitative", "xã giữ vững danh hiệu xã đạt chuẩn quốc gia về y tế", None, None, 1),
        ("result", "=", "tỷ lệ hộ nghèo", 1.2, "%", 1),
        ("result", "=", "Thu ngân sách", 12.5, "tỷ đồng", 2),
        ("result", "=", "Thu ngân sách so với kế hoạch", 104, "%", 2),
        ("result", "qualitative", "Xã được công nhận đạt chuẩn nông thôn mới kiểu mẫu", None, None, 2),
        ("result", "qualitative", "Các trường học duy trì đạt chuẩn quốc gia", None, None, 3),
    ]
