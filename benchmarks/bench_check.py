"""Time ``chitieu check`` on a 4.000-line report (goal: under 2 s).

The report is the first 4.000 lines of seed 002 (thị xã Quảng Trị's political report with
its appendix; ``$CHITIEU_SHARED`` or ../shared), or, without the seeds, seed-like paragraphs
repeated to 4.000 lines. Reading is timed apart from checking; the best of three runs counts.

    .venv/bin/python benchmarks/bench_check.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from chitieu.check import check_document
from chitieu.extract.document import Document
from chitieu.extract.normalise import repair

LINES = 4000
SHARED = Path(os.environ.get("CHITIEU_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
SEED = SHARED / "seeds" / "002_8dfb014c2feb3b07.txt"
FILLER = [
    "- trưởng, phó các cơ quan: 130 lượt cán bộ, trong đó có 54 lượt cán bộ nữ (tỷ lệ 38,5%).",
    "",
    "- Giá trị sản xuất giai đoạn 2021-2025 tăng bình quân 9,2%/năm, năm 2025 gấp 1,81 lần năm 2020.",
    "",
    "- Tỷ lệ hộ nghèo năm 2024 còn 2,35% (chỉ tiêu dưới 2%), đạt kế hoạch.",
    "",
]


def report() -> Document:
    if SEED.exists():
        lines = SEED.read_text(encoding="utf-8").split("\n")[:LINES]
    else:
        lines = ["I. KẾT QUẢ THỰC HIỆN NĂM 2024"] + (FILLER * (LINES // len(FILLER) + 1))[: LINES - 1]
    return Document("bench.txt", "text", tuple(repair(x) for x in lines))


def main() -> int:
    doc = report()
    best = float("inf")
    n = 0
    for _ in range(3):
        t0 = time.perf_counter()
        n = len(check_document(doc))
        best = min(best, time.perf_counter() - t0)
    print(f"{len(doc.lines)} dòng, {n} phát hiện: {best:.2f} s (mục tiêu < 2 s)")
    return 0 if best < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
