"""Throughput of the extractor over the seed reports, in MB of text per second.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [SEEDS_DIR]

Reads each seed once (reading is I/O, not measured), then times ``extract`` over all of them
``--repeat`` times and reports the best and median rounds, in CPU time of this process (the
machine is shared, so wall time mostly measures the neighbours) and in wall time. Aim: above 1 MB/s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from chitieu.extract import extract, read_document


def main() -> int:
    repo = Path(__file__).resolve().parents[1]
    default = Path(os.environ.get("CHITIEU_SHARED", repo / ".." / "shared")) / "seeds"
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seeds", nargs="?", type=Path, default=default)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    files = sorted(
        p
        for p in args.seeds.iterdir()
        if p.suffix in (".txt", ".md", ".docx", ".pdf") and not p.name.startswith("README")
    )
    docs = [read_document(p) for p in files]
    size = sum(len("\n".join(d.lines).encode("utf-8")) for d in docs)
    cpu, wall = [], []
    count = 0
    for _ in range(args.repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        count = sum(len(extract(d)) for d in docs)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    mb = size / 1e6
    print(
        f"{len(docs)} documents, {mb:.3f} MB of text (UTF-8), {count} statements per round, {args.repeat} rounds"
    )
    for label, rounds in (("CPU", cpu), ("wall", wall)):
        best, median = min(rounds), statistics.median(rounds)
        print(
            f"{label:4}: best {best * 1000:.0f} ms = {mb / best:.2f} MB/s; median {median * 1000:.0f} ms = {mb / median:.2f} MB/s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
