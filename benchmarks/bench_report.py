"""How long the demo report takes to generate (DOCX with charts and Phụ lục 1, plus the XLSX),
and each variant of issue 14 (annual, mid-term, the town roll-up of two wards, a term with
Phụ lục 2), with their calculations appendix, footnotes (estimates, breakdowns) and the next
term's targets table, and the two held-out plans of examples/ (a commune's term, a ward's year).

Run:  .venv/bin/python benchmarks/bench_report.py [RUNS]
Aim: under 2 s per report. The first run also pays for importing matplotlib and docx.
"""

from __future__ import annotations

import io
import os
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
    times, sizes, cpu = [], [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        evaluations = evaluate_plan(plan)
        buf = io.BytesIO()
        build_report(plan, issued=date(2026, 1, 5), number="125/BC-UBND", evaluations=evaluations).save(buf)
        xlsx = appendix_xlsx_bytes(build_report_data(plan, evaluations).appendix)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        sizes.append((len(buf.getvalue()), len(xlsx)))
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print(f"imports: {imports:.2f} s")
    print(
        f"report (docx + xlsx), {runs} runs: first {times[0]:.2f} s, median {statistics.median(times):.2f} s, "
        f"max {max(times):.2f} s (CPU median {statistics.median(cpu):.2f} s: the wall time on a loaded machine "
        f"waits for the CPU)"
    )
    print(f"sizes: docx {sizes[-1][0] // 1024} KiB, xlsx {sizes[-1][1] // 1024} KiB")
    worst = statistics.median(times)
    for name, (variant_plan, issued, wards) in _variants().items():
        vt, vc = [], []
        for _ in range(runs):
            t, c = time.perf_counter(), time.process_time()
            build_report(variant_plan, issued=issued, number="125/BC-UBND", wards=wards).save(io.BytesIO())
            vt.append(time.perf_counter() - t)
            vc.append(time.process_time() - c)
        worst = max(worst, statistics.median(vt))
        print(f"variant {name}, {runs} runs: median {statistics.median(vt):.2f} s, max {max(vt):.2f} s "
              f"(CPU median {statistics.median(vc):.2f} s)")
    return 0 if worst < 2.0 else 1


def _variants():
    """The variants' plans of tests/reports/test_variants.py (written from the seeds)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.reports.test_variants import ANNUAL, MID, PARTY, TOWN, WARD1, WARD2

    from chitieu.planfile import load_plan, plan_from_dict

    examples = Path(__file__).resolve().parents[1] / "examples"
    return {
        "annual": (plan_from_dict(ANNUAL), date(2025, 12, 15), ()),
        "mid-term": (plan_from_dict(MID), date(2023, 12, 15), ()),
        "town (2 wards)": (plan_from_dict(TOWN), date(2025, 12, 15), (plan_from_dict(WARD1), plan_from_dict(WARD2))),
        "term + Phụ lục 2": (plan_from_dict(PARTY), date(2025, 12, 15), ()),
        "held-out commune term": (load_plan(examples / "trieu-thuong-2020-2025.yaml"), date(2026, 1, 5), ()),
        "held-out ward annual": (load_plan(examples / "dong-thanh-2025.yaml"), date(2025, 12, 15), ()),
    }


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
