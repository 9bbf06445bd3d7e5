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
