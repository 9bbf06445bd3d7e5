"""Export of 1.000.000 values: streamed as tidy CSV and as a DHIS2 JSON set, with flat memory.

Run:  .venv/bin/python benchmarks/bench_export.py [VALUES] [--postgres DBNAME]
Aim: each export of 1.000.000 values in < 60 s; the process's resident memory grows by less
than 100 MB from the first 100.000 rows to the last (no table held whole).

Builds its own database (DATABASE_URL is set here): SQLite in a temporary directory, or with
``--postgres DBNAME`` a PostgreSQL database of that name on 127.0.0.1 (dropped and made anew:
never name a database you need). 1.000 units × 100 indicators × 10 years, written with plain
INSERTs (a benchmark's setup, not the values action). Resident memory is read from
/proc/self/statm as the rows go by; wall time, CPU time (this process: on SQLite the database
work too, on PostgreSQL not the server's), the bytes this process read from and wrote to disk
(/proc/self/io: SQLite's temporary sort files show there) and the load average are printed,
since the machine may be shared.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def disk_mb() -> tuple[float, float]:
    """(read, written) MB of this process so far, from /proc/self/io (storage, not the page cache)."""
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(fields["read_bytes"]) / 2**20, int(fields["write_bytes"]) / 2**20


def use_database(tmp: str, postgres: str | None) -> str:
    """Point DATABASE_URL at the benchmark's own database; returns its description."""
    if postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{postgres}"')
            conn.execute(f'CREATE DATABASE "{postgres}"')
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{postgres}"
        return f"PostgreSQL {postgres}"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
    return f"SQLite, {tmp}"


def setup(tmp: str, n_values: int, postgres: str | None = None):
    where = use_database(tmp, postgres)
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "chitieu.web.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from chitieu.web.catalog.models import Indicator
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Value

    call_command("migrate", interactive=False, verbosity=0)
    n_indicators, n_years = 100, 10
    n_units = max(1, n_values // (n_indicators * n_years))
    with transaction.atomic():
        province = AdministrativeUnit.objects.create(code="90", name="Tỉnh thử", level="tinh")
        units = AdministrativeUnit.objects.bulk_create(
            [AdministrativeUnit(code=f"{30000 + i}", name=f"Xã thử {i}", level="xa", parent=province)
             for i in range(n_units)])
        indicators = Indicator.objects.bulk_create(
            [Indicator(code=f"B{i:03d}", name=f"Chỉ tiêu thử {i}", unit="tỷ đồng", kind="flow", direction="higher",
                       domain="kinh_te", aggregation="sum", decimals=1) for i in range(n_indicators)])
        # plain INSERTs: a million model objects would make the setup, not the export, the slow part
        table = Value._meta.db_table
        sql = (f"INSERT INTO {table} (unit_id, indicator_id, year, status, value, source, note, updated_at, version) "
               "VALUES (%s, %s, %s, 'chinh_thuc', %s, 'thử', '', %s, 1)")
        now = timezone.now()
        with connection.cursor() as cursor:
            batch = []
            for u in units:
                for ind in indicators:
                    for y in range(2016, 2016 + n_years):
                        batch.append((u.pk, ind.pk, y, f"{(u.pk * 7 + ind.pk * 13 + y) % 100000 / 10:.1f}", now))
                        if len(batch) >= 50000:
                            cursor.executemany(sql, batch)
                            batch = []
            cursor.executemany(sql, batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {table}")
    return Value.objects.count(), where


def run(label, chunks, out_path: Path):
    marks = []
    io0 = disk_mb()
    t, cpu = time.perf_counter(), time.process_time()
    n = 0
    with out_path.open("w", encoding="utf-8") as f:
        for chunk in chunks:
            f.write(chunk)
            n += chunk.count("\n")
            if not marks or n - marks[-1][0] >= 100_000:
                marks.append((n, rss_mb()))
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    io1 = disk_mb()
    size = out_path.stat().st_size / 2**20
    first = next((m for m in marks if m[0] >= 100_000), marks[0])
    growth = marks[-1][1] - first[1]
    print(f"{label}: {n:,} lines in {elapsed:.1f} s (CPU {cpu:.1f} s, load average {os.getloadavg()[0]:.1f}; "
          f"{size:.0f} MB written out; disk besides the output: {io1[0] - io0[0]:.0f} MB read, "
          f"{max(0.0, io1[1] - io0[1] - size):.0f} MB written); "
          f"RSS {first[1]:.0f} MB at {first[0]:,} lines → {marks[-1][1]:.0f} MB at the end (+{growth:.0f} MB)")
    return elapsed, growth


def main(n_values: int = 1_000_000, postgres: str | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    tmp = tempfile.mkdtemp(prefix="chitieu-bench-export-")
    t = time.perf_counter()
    count, where = setup(tmp, n_values, postgres)
    print(f"setup: {count:,} values in {time.perf_counter() - t:.0f} s ({where})")
    from chitieu.exchange import dhis2 as d2fmt
    from chitieu.exchange import tidy
    from chitieu.web.exchange import dhis2, opendata
    from chitieu.web.exchange.scope import make_scope

    scope = make_scope(None)
    ok = True
    for label, chunks, name in [
        ("tidy CSV (values)", tidy.iter_csv("values", opendata.value_rows(scope)), "values.csv"),
        ("DHIS2 JSON", d2fmt.iter_json(dhis2.export_values(scope)), "dataValueSet.json"),
    ]:
        elapsed, growth = run(label, chunks, Path(tmp) / name)
        ok = ok and elapsed < 60 and growth < 100
    return 0 if ok else 1


if __name__ == "__main__":
    argv = sys.argv[1:]
    pg = argv[argv.index("--postgres") + 1] if "--postgres" in argv else None
    numbers = [a for a in argv if a.isdigit()]
    sys.exit(main(int(numbers[0]) if numbers else 1_000_000, pg))
