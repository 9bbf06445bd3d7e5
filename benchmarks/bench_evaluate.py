"""Benchmark: evaluate 3.321 units × 100 indicators × 6 years of values, with a vectorised
numpy reference of the same verdicts side by side in the same run.

Run:  .venv/bin/python benchmarks/bench_evaluate.py [--units 3321] [--indicators 100]

The inputs (the engine's Indicator, Target and Series objects, and the same floats in one numpy
array) are built once; then each path runs in its own forked process, so that its CPU time
(``time.process_time``) and its peak resident memory (``ru_maxrss``, the inputs included) are
its own. The verdicts of the two paths are compared on every cell and must be identical (exit
code 1 otherwise). Aim of issue 18: the engine ≤ 0,5 s CPU and ≤ 250 MB at full size.

The reference implements the six target forms of this benchmark only (growth, multiple, level
above and below a bound, change per year, a level every year) with the engine's rules: a growth,
multiple or change is rounded half-up at the decimals it is printed with before it is judged
(``core.growth``); a value within 10⁻⁶ of a rounding tie is rounded by ``round_half_up`` itself,
so that both paths round on the printed digits.
"""

from __future__ import annotations

import argparse
import gc
import os
import pickle
import random
import resource
import sys
import time

import numpy as np

from chitieu.core.evaluate import evaluate_many, summarize
from chitieu.core.indicators import Aggregation, Direction, Domain, Indicator, Kind
from chitieu.core.numbers import round_half_up
from chitieu.core.series import Observation, Series, ValueStatus
from chitieu.core.targets import Bound, Form, Horizon, Op, Target
from chitieu.core.verdict import Status

TARGETS = [
    (Kind.FLOW, "tỷ đồng", Target("tăng 17-19%/năm", Form.GROWTH, Bound.between(17, 19), "%", Horizon.AVERAGE)),
    (Kind.LEVEL, "triệu đồng", Target("1,4-1,5 lần", Form.MULTIPLE, Bound.between(1.4, 1.5), "lần")),
    (Kind.RATE, "%", Target("trên 70%", Form.LEVEL, Bound(Op.GT, 70), "%")),
    (Kind.RATE, "%", Target("dưới 1%", Form.LEVEL, Bound(Op.LT, None, 1), "%")),
    (Kind.COUNT, "hộ", Target("giảm 12-15 hộ/năm", Form.CHANGE, Bound.between(12, 15), "hộ", Horizon.AVERAGE,
                              decrease=True)),
    (Kind.RATE, "%", Target("hằng năm 100%", Form.LEVEL, Bound.exact(100), "%", Horizon.EACH_YEAR)),
]
YEARS = 6
BASE, FINAL = 2020, 2025
CODES = {Status.VUOT: 0, Status.DAT: 1, Status.KHONG_DAT: 2, Status.CHUA_DU_SO_LIEU: 3}
VUOT, DAT, KHONG_DAT = 0, 1, 2


def build(units: int, indicators: int, seed: int = 7):
    """The engine's inputs and the same values as a (units × indicators, 6) float64 array."""
    rng = random.Random(seed)
    catalogue = []
    for i in range(indicators):
        kind, unit, target = TARGETS[i % len(TARGETS)]
        direction = Direction.LOWER_IS_BETTER if target.op is Op.LT else Direction.HIGHER_IS_BETTER
        catalogue.append((Indicator(f"I{i:03}", f"Chỉ tiêu {i}", unit, kind, direction, Domain.KINH_TE,
                                    Aggregation.NONE), target))
    work = []
    values = np.empty((units * indicators, YEARS))
    row = 0
    for _ in range(units):
        for ind, target in catalogue:
            base = rng.uniform(50, 100) if ind.unit == "%" else rng.uniform(10, 5000)
            g = rng.uniform(-0.05, 0.25)
            ys = [min(base * (1 + g) ** k, 100) if ind.unit == "%" else base * (1 + g) ** k for k in range(YEARS)]
            values[row] = ys
            row += 1
            obs = [Observation(BASE + k, ys[k], ValueStatus.ESTIMATE if k == YEARS - 1 else ValueStatus.OFFICIAL)
                   for k in range(YEARS)]
            work.append((ind, target, Series(obs)))
    forms = np.tile(np.arange(indicators) % len(TARGETS), units)
    return work, values, forms


# --- the numpy reference -------------------------------------------------------------------


def _round_half_up(x: np.ndarray, decimals: int) -> np.ndarray:
    scale = 10.0 ** decimals
    y = x * scale
    out = np.floor(y + 0.5) / scale
    ties = np.nonzero(np.abs(y - np.floor(y) - 0.5) < 1e-6)[0]
    for i in ties:  # on the printed digits, as the engine rounds
        out[i] = round_half_up(float(x[i]), decimals)
    return out


def _judge_range(x: np.ndarray, low: float, high: float) -> np.ndarray:
    """judge() of a range with higher better: Đạt inside, Vượt above, Không đạt below."""
    return np.where(x > high, VUOT, np.where(x >= low, DAT, KHONG_DAT)).astype(np.int8)


def reference(values: np.ndarray, forms: np.ndarray) -> np.ndarray:
    """The verdict code of every row, vectorised form by form."""
    out = np.full(len(values), 3, dtype=np.int8)
    v0, vn, n = values[:, 0], values[:, -1], YEARS - 1
    for form in range(len(TARGETS)):
        rows = np.nonzero(forms == form)[0]
        a, b = v0[rows], vn[rows]
        if form == 0:    # tăng 17-19%/năm: CAGR in %, 2 decimals
            out[rows] = _judge_range(_round_half_up(100.0 * ((b / a) ** (1.0 / n) - 1.0), 2), 17, 19)
        elif form == 1:  # 1,4-1,5 lần: the multiple, 2 decimals
            out[rows] = _judge_range(_round_half_up(b / a, 2), 1.4, 1.5)
        elif form == 2:  # trên 70%: the final value
            out[rows] = np.where(b > 70, DAT, KHONG_DAT)
        elif form == 3:  # dưới 1%
            out[rows] = np.where(b < 1, DAT, KHONG_DAT)
        elif form == 4:  # giảm 12-15 hộ/năm: −(Vn − V0) / n, 2 decimals
            out[rows] = _judge_range(_round_half_up(-(b - a) / n, 2), 12, 15)
        else:            # hằng năm 100%: every year of the term at 100 (none can exceed it here)
            every = values[rows, 1:]
            out[rows] = np.where((every == 100).all(axis=1), DAT,
                                 np.where((every > 100).all(axis=1), VUOT, KHONG_DAT))
    return out


# --- measuring each path in its own process -----------------------------------------------


def _rss_mb() -> float:
    """The resident memory of this process now (Linux), in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _in_child(fn):
    """Run ``fn`` in a forked child; return (its result, CPU seconds, peak RSS in MB)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        try:
            start = time.process_time()
            result = fn()
            cpu = time.process_time() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            data = pickle.dumps((result, cpu, peak))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent to raise
            data = pickle.dumps(exc)
        with os.fdopen(write, "wb") as f:
            f.write(data)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        got = pickle.loads(f.read())
    os.waitpid(pid, 0)
    if isinstance(got, BaseException):
        raise got
    return got


def _engine(work):
    def run():
        results = evaluate_many(work, base_year=BASE, final_year=FINAL)
        summary = summarize(results).line
        codes = np.fromiter((CODES[e.status] for e in results), dtype=np.int8, count=len(results))
        # what one full garbage collection over everything alive would cost right after
        t = time.process_time()
        gc.collect()
        full_gc = time.process_time() - t
        return codes.tobytes(), summary, full_gc
    return run


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--indicators", type=int, default=100)
    args = ap.parse_args()

    t0 = time.process_time()
    work, values, forms = build(args.units, args.indicators)
    built_cpu = time.process_time() - t0
    gc.collect()
    gc.freeze()  # the inputs are long-lived: keep the children's collections off them
    inputs_mb = _rss_mb()

    ref_codes, ref_cpu, ref_peak = _in_child(lambda: reference(values, forms).tobytes())
    (eng_codes, summary, full_gc), eng_cpu, eng_peak = _in_child(_engine(work))

    engine = np.frombuffer(eng_codes, dtype=np.int8)
    ref = np.frombuffer(ref_codes, dtype=np.int8)
    differ = np.nonzero(engine != ref)[0]
    n = len(engine)
    print(f"evaluations: {n:,} ({args.units} units × {args.indicators} indicators × {YEARS} years)")
    print(f"inputs:      {built_cpu:.2f} s CPU to build; the process holds {inputs_mb:.0f} MB with them")
    print(f"{'':13}{'CPU s':>8}{'µs/cell':>9}{'peak MB':>9}{'over inputs':>13}")
    for name, cpu, peak in (("engine", eng_cpu, eng_peak), ("numpy", ref_cpu, ref_peak)):
        print(f"{name:13}{cpu:8.3f}{1e6 * cpu / n:9.2f}{peak:9.0f}{peak - inputs_mb:13.0f}")
    print(f"engine/numpy: {eng_cpu / max(ref_cpu, 1e-9):.0f}× the CPU time")
    print(f"full gc.collect() after the batch (inputs frozen): {full_gc:.2f} s")
    print(f"summary:     {summary}")
    counts = {s.value: int((engine == c).sum()) for s, c in CODES.items()}
    print(f"verdicts:    {counts}")
    if len(differ):
        i = int(differ[0])
        print(f"DIFFERENT verdicts on {len(differ):,} of {n:,} cells; first: row {i}, form {forms[i]}, "
              f"values {values[i].tolist()}, engine {engine[i]}, numpy {ref[i]}")
        return 1
    print(f"identical verdicts on all {n:,} cells compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
