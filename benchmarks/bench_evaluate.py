"""Benchmark: evaluate 3.321 units × 100 indicators × 6 years of values, with a vectorised
numpy reference of the same verdicts side by side in the same run.

Run:  .venv/bin/python benchmarks/bench_evaluate.py [--units 3321] [--indicators 100] [--shared-inputs]

Each path runs in its own forked process and makes its own inputs there before its clock starts
(the engine: Indicator, Target and Series objects; the reference: one float64 array of the same
values), so that its CPU time (``time.process_time``, the run only) and its peak resident memory
(``ru_maxrss``, its inputs included) are its own. With ``--shared-inputs`` every input is made
once in the parent and both children fork from it (the harness before issue 18's work: each
child's peak then counts both paths' inputs, and the engine pays the copy-on-write faults of
touching inherited objects). The engine's run is ``evaluate_many`` + ``summarize`` + reading
every status; what a full ``gc.collect()`` and reading 1.000 reasons cost after it is printed
apart, untimed. The verdicts of the two paths are compared on every cell and must be identical
(exit code 1 otherwise). Aim of issue 18: the engine ≤ 0,5 s CPU and ≤ 250 MB at full size.

Measured 6 December 2026 on the 2-core machine shared with other work (``uptime`` load average
1,1-6,3 during the runs, which inflates CPU times a little), full size, 332.100 evaluations,
identical verdicts on every cell (49.122 vượt, 65.082 đạt, 217.896 không đạt):

| path | inputs | CPU | per cell | peak memory (inputs incl.) | inputs alone |
|---|---|---|---|---|---|
| engine before (commit c182584) | own | 2,54-2,71 s | 7,7-8,2 µs | 630 MB | 359 MB |
| engine before | shared | 2,99-3,10 s | 9,0-9,4 µs | 647 MB | 375 MB |
| engine after | own | 0,35-0,41 s | 1,06-1,22 µs | 171 MB | 108-109 MB |
| engine after | shared | 0,47-0,50 s | 1,41-1,50 µs | 188 MB | 124 MB |
| numpy reference | own | 0,018-0,021 s | 0,06 µs | 49 MB | 42 MB |
| numpy reference | shared | 0,018-0,022 s | 0,06 µs | 132 MB (both paths' inputs) | 124 MB |

(An earlier run of the old code and harness on an idle machine, load 0,2: 4,88 s CPU, of which
0,48 s a diagnostic ``gc.collect()`` then timed with the batch, and 696 MB.) With shared inputs
the engine pays about 0,09 s of copy-on-write faults (touching 18.000 inherited pages). After
the batch a full collection costs 0,07-0,10 s (before: 0,54-0,60 s); reading the reasons of
1.000 cells 17-22 ms (before 12-15 ms: a batch's reason is written by evaluating its cell again).

What made the difference: series kept as three columns (years and statuses shared between
series, values in an ``array('d')``) instead of a dict of ``Observation`` objects, 3,3 times less
memory for the inputs; ``evaluate_many`` making each (indicator, target) ready once — its judging
rule (``core.verdict.judging``: the bound, which way is better, the printed decimals, rounding
only numbers within a unit of an end of the bound) — and judging the plain cases of the common
forms straight from the columns, everything else through ``evaluate``; evaluations made without
the frozen constructor and with one small bound method as their explanation (written by
``evaluate`` when first read). About 0,06 s of the engine's time is the collector's pass over
the 664.000 young objects the batch leaves (an evaluation and its explanation each), which runs
once the batch has switched the collector back on, during ``summarize``. A term not yet over
(``as_of`` before the final year) still goes through ``evaluate`` cell by cell: about 12 µs a
cell, 4 s for the country (its progress, forecast sentence and figures are written in
``core.forms`` at once).

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


def matrix(units: int, indicators: int, seed: int = 7):
    """The values as a (units × indicators, 6) float64 array, and each row's target form."""
    rng = random.Random(seed)
    percent = [TARGETS[i % len(TARGETS)][1] == "%" for i in range(indicators)]
    values = np.empty((units * indicators, YEARS))
    row = 0
    for _ in range(units):
        for pct in percent:
            base = rng.uniform(50, 100) if pct else rng.uniform(10, 5000)
            g = rng.uniform(-0.05, 0.25)
            values[row] = [min(base * (1 + g) ** k, 100) if pct else base * (1 + g) ** k for k in range(YEARS)]
            row += 1
    forms = np.tile(np.arange(indicators) % len(TARGETS), units)
    return values, forms


def engine_inputs(values: np.ndarray, indicators: int):
    """The engine's (Indicator, Target, Series) of every row, the series made from observations
    as the web app and plan files make them (the last year an estimate)."""
    catalogue = []
    for i in range(indicators):
        kind, unit, target = TARGETS[i % len(TARGETS)]
        direction = Direction.LOWER_IS_BETTER if target.op is Op.LT else Direction.HIGHER_IS_BETTER
        catalogue.append((Indicator(f"I{i:03}", f"Chỉ tiêu {i}", unit, kind, direction, Domain.KINH_TE,
                                    Aggregation.NONE), target))
    years = [BASE + k for k in range(YEARS)]
    statuses = [ValueStatus.OFFICIAL] * (YEARS - 1) + [ValueStatus.ESTIMATE]
    work = []
    for row in range(len(values)):  # a row at a time: no second copy of every value alive at once
        ind, target = catalogue[row % indicators]
        work.append((ind, target, Series(list(map(Observation, years, values[row].tolist(), statuses)))))
    return work


def build(units: int, indicators: int, seed: int = 7):
    """The engine's inputs, the values as one array and each row's target form."""
    values, forms = matrix(units, indicators, seed)
    return engine_inputs(values, indicators), values, forms


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


def _in_child(fn, after=None, *, prepare):
    """Run ``prepare`` (the inputs), then ``fn`` on the clock, in a forked child; return ((its
    result, what ``prepare`` returned), CPU seconds, peak RSS in MB). With ``after``, the
    result's last item is handed to it once timed and measured, and replaced by what it gives."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read)
        try:
            made = prepare()
            start = time.process_time()
            result = fn()
            cpu = time.process_time() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            if after is not None:
                result = result[:-1] + after(result[-1])
            data = pickle.dumps(((result, made), cpu, peak))
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
    """The engine's run: the batch, its summary line and the verdict codes, timed by
    ``_in_child``; after it (not timed) what a full garbage collection over everything alive
    costs, and what reading the reasons of 1.000 cells costs (they are written when read)."""
    def run():
        results = evaluate_many(work(), base_year=BASE, final_year=FINAL)
        summary = summarize(results).line
        codes = np.fromiter((CODES[e.status] for e in results), dtype=np.int8, count=len(results))
        return codes.tobytes(), summary, results

    def after(results):
        t = time.process_time()
        gc.collect()
        full_gc = time.process_time() - t
        t = time.process_time()
        words = sum(len(e.reason) for e in results[::max(1, len(results) // 1000)][:1000])
        reasons = time.process_time() - t
        return full_gc, reasons, words

    return run, after


class _Inputs:
    """A path's inputs, made before its clock starts: in its own child by default (``prepare``
    there), or once in the parent before both children fork (``--shared-inputs``)."""

    def __init__(self, make):
        self.make, self.made, self.cpu = make, None, 0.0

    def prepare(self) -> tuple[float, float]:
        """(CPU seconds it took to make the inputs, MB the process holds with them now)."""
        if self.made is None:
            t = time.process_time()
            self.made = self.make()
            self.cpu = time.process_time() - t
            gc.collect()
            gc.freeze()  # the inputs are long-lived: keep collections off them
        return self.cpu, _rss_mb()

    def __call__(self):
        return self.made


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=3321)
    ap.add_argument("--indicators", type=int, default=100)
    ap.add_argument("--shared-inputs", action="store_true",
                    help="make every input once in the parent and fork both paths from it (each child's "
                         "peak then counts both paths' inputs, and the engine pays copy-on-write faults)")
    args = ap.parse_args()
    units, indicators = args.units, args.indicators

    def engine_made():
        return engine_inputs(matrix(units, indicators)[0], indicators)

    engine_in = _Inputs(engine_made)
    numpy_in = _Inputs(lambda: matrix(units, indicators))
    if args.shared_inputs:
        engine_in.prepare()
        numpy_in.prepare()
    run, after = _engine(engine_in)

    ref, ref_cpu, ref_peak = _in_child(lambda: reference(*numpy_in()).tobytes(), prepare=numpy_in.prepare)
    ref_codes, ref_made = ref
    eng, eng_cpu, eng_peak = _in_child(run, after, prepare=engine_in.prepare)
    (eng_codes, summary, full_gc, reasons, words), eng_made = eng

    engine = np.frombuffer(eng_codes, dtype=np.int8)
    ref = np.frombuffer(ref_codes, dtype=np.int8)
    differ = np.nonzero(engine != ref)[0]
    n = len(engine)
    where = "made once in the parent, both paths forked from it" if args.shared_inputs else "each path makes its own"
    print(f"evaluations: {n:,} ({units} units × {indicators} indicators × {YEARS} years); inputs: {where}")
    print(f"{'':8}{'inputs CPU s':>13}{'inputs MB':>10}{'CPU s':>8}{'µs/cell':>9}{'peak MB':>9}{'over inputs':>13}")
    for name, (made_cpu, made_mb), cpu, peak in (("engine", eng_made, eng_cpu, eng_peak),
                                                 ("numpy", ref_made, ref_cpu, ref_peak)):
        print(f"{name:8}{made_cpu:13.2f}{made_mb:10.0f}{cpu:8.3f}{1e6 * cpu / n:9.2f}{peak:9.0f}{peak - made_mb:13.0f}")
    print(f"engine/numpy: {eng_cpu / max(ref_cpu, 1e-9):.0f}× the CPU time")
    print(f"after the batch, not timed above: a full gc.collect() (inputs frozen) {full_gc:.2f} s; "
          f"the reasons of 1.000 cells read {1000 * reasons:.0f} ms ({words:,} characters)")
    print(f"summary:     {summary}")
    counts = {s.value: int((engine == c).sum()) for s, c in CODES.items()}
    print(f"verdicts:    {counts}")
    if len(differ):
        values, forms = matrix(units, indicators)
        i = int(differ[0])
        print(f"DIFFERENT verdicts on {len(differ):,} of {n:,} cells; first: row {i}, form {forms[i]}, "
              f"values {values[i].tolist()}, engine {engine[i]}, numpy {ref[i]}")
        return 1
    print(f"identical verdicts on all {n:,} cells compared")
    return 0


if __name__ == "__main__":
    sys.exit(main())
