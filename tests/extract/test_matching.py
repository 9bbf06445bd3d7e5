"""An extracted indicator name is matched to catalogue indicators, abbreviations and accents aside."""

from __future__ import annotations

from chitieu.extract.matching import expand, suggest_indicator

CATALOGUE = [
    ("thu_nhap", "Thu nhập bình quân đầu người", ()),
    ("bhyt", "Tỷ lệ người dân tham gia bảo hiểm y tế", ("Tỷ lệ bao phủ bảo hiểm y tế",)),
    ("gtsx_cn", "Giá trị sản xuất công nghiệp - tiểu thủ công nghiệp", ()),
    ("gtsx_tmdv", "Tổng mức bán lẻ hàng hóa và doanh thu thương mại - dịch vụ", ()),
    ("thu_ns", "Thu ngân sách nhà nước trên địa bàn", ()),
    ("ho_ngheo", "Tỷ lệ hộ nghèo", ()),
    ("anct", "Giữ vững an ninh chính trị, trật tự an toàn xã hội", ()),
]


def best(name):
    return suggest_indicator(name, CATALOGUE)[0][0]


def test_abbreviations_are_written_out():
    assert expand("TNBQ đầu người") == " thu nhập bình quân  đầu người"
    assert "bảo hiểm y tế" in expand("Tỷ lệ tham gia BHYT")
    assert "kinh tế xã hội" in expand("phát triển KT-XH")


def test_abbreviated_names_find_their_indicator():
    assert best("TNBQ đầu người") == "thu_nhap"
    assert best("Tỷ lệ bao phủ BHYT") == "bhyt"
    assert best("GTSX CN-TTCN") == "gtsx_cn"
    assert best("doanh thu TM-DV") == "gtsx_tmdv"
    assert best("Tổng thu NSNN trên địa bàn") == "thu_ns"
    assert best("Giữ vững ANCT - TTATXH") == "anct"


def test_matching_ignores_accents_and_tone_mark_style():
    assert best("thu nhap binh quan dau nguoi") == "thu_nhap"
    assert best("Tỷ lệ người dân tham gia bảo hiểm y tế năm 2020") == "bhyt"


def test_scores_are_ordered_and_unrelated_names_are_left_out():
    scores = suggest_indicator("Tỷ lệ hộ nghèo đa chiều", CATALOGUE)
    assert scores[0][0] == "ho_ngheo" and 0.5 < scores[0][1] <= 1
    assert all(a[1] >= b[1] for a, b in zip(scores, scores[1:], strict=False))
    assert suggest_indicator("Số trận bóng đá giao hữu", CATALOGUE) == []
