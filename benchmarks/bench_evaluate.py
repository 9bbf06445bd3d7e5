"""Benchmark: evaluate 3,321 units × 100 indicators × 6 years of values.

Run:  .venv/bin/python benchmarks/bench_evaluate.py [--units 3321] [--indicators 100]
Prints the time to evaluate (inputs built beforehand), the time to build the inputs, and the
peak resident memory. Aim: evaluation under 5 s on the project machine (2 cores).
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from chitieu.core.evaluate import evaluate_many, summarize
from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, Target

TARGETS = [
    (Kind.FLOW, "tỷ đồng", Target("tăng 17-19%/năm", Form.GROWTH, Bound.between(17, 19), "%", Horizon.AVERAGE)),
    (Kind.LEVEL, "triệu đồng", Target("1,4-1,5 lần", Form.MULTIPLE, Bound.between(1.4, 1.5), "lần")),
    (Kind.RATE, "%", Target("trên 70%", Form.LEVEL, Bound(Op.GT, 70), "%")),
    (Kind.RATE, "%", Target("dưới 1%", Form.LEVEL, Bound(Op.LT, None, 1), "%")),
    (Kind.COUNT, "hộ", Target("giảm 12-15 hộ/năm", Form.CHANGE, Bound.between(12, 15), "hộ", Horizon.AVERAGE,
                              decrease=True)),
    (Kind.RATE, "%", Target("hằng năm 100%", Form.LEVEL, Bound.exact(100), "%", Horizon.EACH_YEAR)),
]


def build(units: int, indicators: int, seed: int = 7):
    rng = random.Random(seed)
    catalogue = []
    for i in range(indicators):
        kind, unit, target = TARGETS[i % len(TARGETS)]
        direction = Direction.LOWER_IS_BETTER if target.op is Op.LT else Direction.HIGHER_IS_BETTER
        catalogue.append((Indicator(f"I{i:03}", f"Chỉ tiêu {i}", unit, kind, direction, Domain.KINH_TE,
                                    Aggregation.NONE), target))
    work = []
    for _ in range(units):
        for ind, target in catalogue:
            base = rng.uniform(50, 100) if ind.unit == "%" else rng.uniform(10, 5000)
            g = rng.uniform(-0.05, 0.25)
            obs = [Observation(2020 + k, min(base * (1 + g) ** k, 100) if ind.unit == "%" else base * (1 + g) ** k,
                               ValueStatus.ESTIMATE if k == 5 else ValueStatus.OFFICIAL) for k in range(6)]
            work.append((ind, target, Series(obs)))
    return work


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--indicators", type=int, default=100)
    args = ap.parse_args()
    t0 = time.perf_counter()
    work = build(args.units, args.indicators)
    t1 = time.perf_counter()
    results = evaluate_many(work, base_year=2020, final_year=2025)
    t2 = time.perf_counter()
    summary = summarize(results)
    t3 = time.perf_counter()
    sample = results[:: max(1, len(results) // 10_000)]
    for e in sample:
        _ = e.reason  # the words are written on first access
    t4 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"evaluations: {len(results):,} ({args.units} units × {args.indicators} indicators × 6 years)")
    print(f"build inputs: {t1 - t0:.2f} s")
    print(f"evaluate:     {t2 - t1:.2f} s  ({1e6 * (t2 - t1) / len(results):.1f} µs each)")
    print(f"explain:      {1e6 * (t4 - t3) / len(sample):.1f} µs per reason sentence (on first access)")
    print(f"peak memory:  {peak_mb:.0f} MB (resident, whole process)")
    print(f"summary:      {summary.line}")


if __name__ == "__main__":
    main()
