"""Checker round 2, helper ck2: a target dated at the tail of its name ("… đến năm 2030") is the
same target as one dated before it; each rule with variants written for these tests and
look-alikes that must not be flagged."""

from __future__ import annotations

import pytest

from chitieu.check import check_text

HEAD = "MỤC TIÊU, CHỈ TIÊU GIAI ĐOẠN 2026-2030\n"


def findings(body: str, kind: str | None = None, head: str = HEAD):
    out = check_text(head + body)
    return [f for f in out if kind is None or f.type == kind]


# --- target-conflict: the year at the tail of the name or before it ---------------------------
@pytest.mark.parametrize("body", [
    "(2) Tỷ lệ dân số tham gia bảo hiểm y tế đến năm 2030 đạt 97%.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "Giải pháp: tăng cường vận động, phấn đấu đến năm 2030 tỷ lệ dân số tham gia bảo hiểm y tế đạt 95%.\n",
    "- Tỷ lệ đô thị hóa toàn tỉnh đến năm 2030 đạt 45%.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "Về quy hoạch, phấn đấu đến năm 2030 tỷ lệ đô thị hóa toàn tỉnh đạt 48%.\n",
    "3. Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom xử lý vào năm 2030 đạt 95%.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "Về môi trường, mục tiêu năm 2030 tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom xử lý đạt 98%.\n",
])
def test_a_target_dated_at_its_tail_meets_the_same_target_dated_before(body):
    [f] = findings(body, "target-conflict")
    assert f.severity == "error"


@pytest.mark.parametrize("body", [
    # the same level given twice
    "(2) Tỷ lệ dân số tham gia bảo hiểm y tế đến năm 2030 đạt 97%.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "Giải pháp: tăng cường vận động, phấn đấu đến năm 2030 tỷ lệ dân số tham gia bảo hiểm y tế đạt 97%.\n",
    # two different years of one indicator
    "- Tỷ lệ đô thị hóa toàn tỉnh đến năm 2030 đạt 45%.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "Về quy hoạch, phấn đấu đến năm 2027 tỷ lệ đô thị hóa toàn tỉnh đạt 40%.\n",
    # a narrower indicator
    "- Tỷ lệ chất thải rắn sinh hoạt được thu gom xử lý đến năm 2030 đạt 90%.\n"
    "II. NHIỆM VỤ, GIẢI PHÁP\n"
    "Phấn đấu đến năm 2030 tỷ lệ chất thải rắn sinh hoạt nông thôn được thu gom xử lý đạt 70%.\n",
])
def test_targets_of_other_years_or_the_same_level_are_no_conflict(body):
    assert findings(body, "target-conflict") == []


# --- period: a quarter's or month's figure larger than the cumulative months holding it --------
Q_HEAD = "I. KẾT QUẢ THỰC HIỆN 9 THÁNG ĐẦU NĂM\n"


@pytest.mark.parametrize(("body", "part", "whole"), [
    ("Giao thông nông thôn: trong quý II đã bê tông hóa được 42 km đường; lũy kế 6 tháng đầu năm được 37 km.",
     "42 km", "37 km"),
    ("- Khai thác thủy sản: lũy kế 9 tháng khai thác 1.240 tấn; riêng quý I khai thác 1.310 tấn.",
     "1.310 tấn", "1.240 tấn"),
    ("Cấp giấy chứng nhận: tháng 8 cấp mới 96 giấy chứng nhận; 9 tháng đầu năm cấp được 88 giấy chứng nhận.",
     "96 giấy chứng nhận", "88 giấy chứng nhận"),
])
def test_a_part_larger_than_the_months_holding_it(body, part, whole):
    [f] = findings(body, "period", head=Q_HEAD)
    assert f.severity == "error" and f.figures == (part, whole)


@pytest.mark.parametrize("body", [
    # the part smaller: as it should be
    "Giao thông nông thôn: trong quý II đã bê tông hóa được 32 km đường; lũy kế 6 tháng đầu năm được 57 km.",
    # a quarter the months do not hold (quý IV against 9 tháng)
    "Khai thác thủy sản: quý IV dự báo khai thác 1.310 tấn; lũy kế 9 tháng khai thác 1.240 tấn.",
    # another deed in the cumulative clause: another indicator
    "Lâm nghiệp: trong quý III trồng mới 135 ha rừng; lũy kế 9 tháng khai thác 118 ha rừng trồng.",
    # a plan for the quarter against the result
    "Kế hoạch quý III trồng 135 ha; lũy kế 9 tháng trồng được 118 ha.",
    # the same months of the previous year
    "Trong quý II đã tiếp nhận 420 hồ sơ; cùng kỳ 6 tháng năm trước tiếp nhận 380 hồ sơ.",
    # two sentences: no pairing across them
    "Trong quý II đã tiếp nhận 420 hồ sơ. Tỷ lệ trực tuyến cao; lũy kế 6 tháng có 380 hồ sơ đúng hạn.",
])
def test_no_part_over_whole_when_the_months_or_indicators_differ(body):
    assert findings(body, "period", head=Q_HEAD) == []


# --- period: a target under a later horizon dated to a year the report already gives ----------
Y_HEAD = (
    "I. KẾT QUẢ THỰC HIỆN NHIỆM KỲ 2020-2025\n"
    "- Tỷ lệ xã có trạm y tế đạt chuẩn quốc gia năm 2025 đạt 86,4%.\n"
    "- Số lao động được giải quyết việc làm năm 2025 ước đạt 3.150 người.\n"
    "- Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa năm 2025 đạt 88%.\n"
    "II. MỤC TIÊU, CHỈ TIÊU NHIỆM KỲ 2025-2030\n"
    "Các chỉ tiêu chủ yếu đến năm 2030\n"
)


@pytest.mark.parametrize(("body", "figure"), [
    ("(2) Đến năm 2025, tỷ lệ xã có trạm y tế đạt chuẩn quốc gia đạt 100%.", "100%"),
    ("- Số lao động được giải quyết việc làm đến hết năm 2025 đạt 4.000 người.", "4.000 người"),
    ("3. Phấn đấu đến năm 2025 tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa đạt 92%.", "92%"),
])
def test_a_target_dated_to_a_year_already_reported(body, figure):
    [f] = findings(body, "period", head=Y_HEAD)
    assert f.severity == "error" and f.figures[0] == figure


@pytest.mark.parametrize("body", [
    # the horizon's own year
    "(2) Đến năm 2030, tỷ lệ xã có trạm y tế đạt chuẩn quốc gia đạt 100%.",
    # a milestone nothing reports on
    "- Số lao động được giải quyết việc làm đến năm 2027 đạt 3.500 người.",
    # another indicator dated 2025
    "3. Đến năm 2025, tỷ lệ thôn có nhà văn hóa đạt chuẩn đạt 92%.",
])
def test_no_reported_year_finding_for_the_horizon_or_a_milestone(body):
    assert findings(body, "period", head=Y_HEAD) == []
