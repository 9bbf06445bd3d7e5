"""How long the demo report takes to generate (DOCX with charts and Phụ lục 1, plus the XLSX).

Run:  .venv/bin/python benchmarks/bench_report.py [RUNS]
Aim: under 2 s per report. The first run also pays for importing matplotlib and docx.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from datetime import date
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "quang-tri-2020-2025.yaml"


def main(runs: int = 5) -> int:
    t0 = time.perf_counter()
    from chitieu.planfile import load_plan
    from chitieu.reports.data import build_report_data, evaluate_plan
    from chitieu.reports.document import build_report
    from chitieu.reports.xlsx import appendix_xlsx_bytes

    imports = time.perf_counter() - t0
    plan = load_plan(EXAMPLE)
    times, sizes = [], []
    for _ in range(runs):
        t = time.perf_counter()
        evaluations = evaluate_plan(plan)
        buf = io.BytesIO()
        build_report(plan, issued=date(2026, 1, 5), number="125/BC-UBND", evaluations=evaluations).save(buf)
        xlsx = appendix_xlsx_bytes(build_report_data(plan, evaluations).appendix)
        times.append(time.perf_counter() - t)
        sizes.append((len(buf.getvalue()), len(xlsx)))
    print(f"imports: {imports:.2f} s")
    print(
        f"report (docx + xlsx), {runs} runs: first {times[0]:.2f} s, median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s"
    )
    print(f"sizes: docx {sizes[-1][0] // 1024} KiB, xlsx {sizes[-1][1] // 1024} KiB")
    return 0 if statistics.median(times) < 2.0 else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
