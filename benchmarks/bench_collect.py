"""Upload check of a collection workbook of 3.000 units × 100 indicators (one sheet per unit).

Run:  .venv/bin/python benchmarks/bench_collect.py [UNITS] [--store] [--reuse DIR] [--postgres DBNAME]
                                                    [--layout rows]
Aim: the whole workbook (300.000 value cells) read and every cell checked in < 30 s;
``--store`` then writes every value through ``do_save_values_bulk`` (the form's checks, with
its audit rows) in one transaction and reports how long that takes.

Builds its own database — SQLite in a temporary directory, or with ``--postgres DBNAME`` a
PostgreSQL database of that name (dropped and made anew) — : a district with UNITS communes, 100
indicators of every rule (amounts, percentages, counts, changes, yes/no), the district's plan
and an officer of the district. The filled workbook is the template written while the year's
values were stored (so every value cell holds a number, as a filled copy does); the values are
then removed, so the upload finds 300.000 new values. ``--reuse DIR`` checks again the workbook
and database a previous run left in DIR (the setup and the template take far longer than the
check). ``--layout rows`` writes the workbook with a row per unit instead of a sheet per unit.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time

KINDS = [  # kind, unit, decimals, name
    ("flow", "tỷ đồng", 1, "Tổng thu ngân sách thử"),
    ("rate", "%", 1, "Tỷ lệ thử"),
    ("count", "hộ", 0, "Số hộ thử"),
    ("growth_rate", "%", 1, "Tốc độ tăng thử"),
    ("boolean", "", 0, "Đạt chuẩn thử"),
]


def value_for(kind: str, i: int) -> str:
    return {"flow": f"{i % 9000 / 10 + 1:.1f}", "rate": f"{i % 1000 / 10:.1f}", "count": str(i % 5000),
            "growth_rate": f"{i % 200 / 10 - 10:.1f}", "boolean": str(i % 2)}[kind]


def setup(tmp: str, n_units: int, postgres: str | None = None):
    from bench_export import use_database

    use_database(tmp, postgres)
    os.environ.setdefault("DEBUG", "true")
    os.environ["DJANGO_SETTINGS_MODULE"] = "chitieu.web.settings"
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import transaction

    from chitieu.web.accounts.models import Membership
    from chitieu.web.catalog.models import Indicator
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Value

    call_command("migrate", interactive=False, verbosity=0)
    with transaction.atomic():
        province = AdministrativeUnit.objects.create(code="91", name="Tỉnh thử", level="tinh")
        district = AdministrativeUnit.objects.create(code="901", name="Huyện thử", level="huyen", parent=province)
        units = AdministrativeUnit.objects.bulk_create(
            [AdministrativeUnit(code=f"{40000 + i}", name=f"Xã thử {i}", level="xa", parent=district)
             for i in range(n_units)])
        indicators = Indicator.objects.bulk_create([
            Indicator(code=f"C{i:03d}", name=f"{KINDS[i % 5][3]} {i}", unit=KINDS[i % 5][1], kind=KINDS[i % 5][0],
                      direction="higher", domain="kinh_te", aggregation="sum", decimals=KINDS[i % 5][2])
            for i in range(100)])
        plan = Plan.objects.create(unit=district, base_year=2020, final_year=2025)
        PlanTarget.objects.bulk_create([PlanTarget(plan=plan, indicator=ind, order=i) for i, ind in enumerate(indicators)])
        user = get_user_model().objects.create_user("canbo.huyen", password="bench-mat-khau")
        Membership.objects.create(user=user, unit=district, role="officer")
        batch = []
        for u in units:
            for i, ind in enumerate(indicators):
                batch.append(Value(unit=u, indicator=ind, year=2021, status="chinh_thuc",
                                   value=value_for(ind.kind, u.pk * 31 + i)))
                if len(batch) >= 20000:
                    Value.objects.bulk_create(batch)
                    batch = []
        Value.objects.bulk_create(batch)
    return district, plan, user


def main(n_units: int = 3000, do_store: bool = False, reuse: str | None = None, postgres: str | None = None,
         layout: str = "sheets") -> int:
    sys.stdout.reconfigure(line_buffering=True)
    if reuse:
        tmp = reuse
        os.environ["DATABASE_URL"] = (f"postgres://postgres@127.0.0.1:5432/{postgres}" if postgres
                                      else f"sqlite:///{tmp}/bench.sqlite3")
        os.environ.setdefault("DEBUG", "true")
        os.environ["DJANGO_SETTINGS_MODULE"] = "chitieu.web.settings"
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command

        from chitieu.web.values.models import Value

        call_command("migrate", interactive=False, verbosity=0)  # a database left by an older run
        user = get_user_model().objects.get(username="canbo.huyen")
        Value.objects.filter(year=2021).delete()
        path = os.path.join(tmp, "bieu.xlsx")
        from chitieu.web.exchange.collect import check_upload, store
    else:
        tmp = tempfile.mkdtemp(prefix="chitieu-bench-collect-")
        t = time.perf_counter()
        district, plan, user = setup(tmp, n_units, postgres)
        print(f"setup: {n_units:,} units × 100 indicators in {time.perf_counter() - t:.0f} s "
              f"({'PostgreSQL ' + postgres if postgres else 'SQLite'}, files in {tmp})")
        from chitieu.web.exchange.collect import check_upload, store, template
        from chitieu.web.values.models import Value

        path = os.path.join(tmp, "bieu.xlsx")
        t = time.perf_counter()
        meta = template(path, plan, district, 2021, below=True, notes=False, layout=layout)
        print(f"template ({layout}): {len(meta.sheets):,} units in {time.perf_counter() - t:.0f} s, "
              f"{os.path.getsize(path) / 2**20:.0f} MB")
        Value.objects.filter(year=2021).delete()
    t, cpu = time.perf_counter(), time.process_time()
    preview = check_upload(path, user)
    checked, cpu = time.perf_counter() - t, time.process_time() - cpu
    # CPU time too: on a shared machine the wall-clock time measures the other processes as well
    print(f"upload check: {preview.new:,} new values of {len(preview.units):,} units checked in {checked:.1f} s "
          f"(CPU {cpu:.1f} s; aim < 30 s; load average {os.getloadavg()[0]:.1f}; peak RSS {peak_mb():.0f} MB)")
    ok = checked < 30 and preview.new == n_units * 100
    if do_store:
        from django.db import connection

        from chitieu.web.audit.models import AuditLog

        audited = AuditLog.objects.count()
        t, cpu = time.perf_counter(), time.process_time()
        commits = _count_commits(connection)
        n = store(preview, user)
        print(f"store: {n:,} values and {AuditLog.objects.count() - audited:,} audit rows in {commits()} "
              f"transaction(s) in {time.perf_counter() - t:.0f} s (CPU {time.process_time() - cpu:.0f} s; "
              f"load average {os.getloadavg()[0]:.1f}; peak RSS {peak_mb():.0f} MB)")
    return 0 if ok else 1


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _count_commits(connection):
    """Count the commits from now on (one transaction: one commit); read with the returned function."""
    counter = [0]
    real = connection._commit

    def counted():
        counter[0] += 1
        return real()

    connection._commit = counted
    return lambda: counter[0]


if __name__ == "__main__":
    argv = sys.argv[1:]
    reuse_dir = argv[argv.index("--reuse") + 1] if "--reuse" in argv else None
    pg = argv[argv.index("--postgres") + 1] if "--postgres" in argv else None
    args = [a for a in argv if a.isdigit()]
    layout_arg = argv[argv.index("--layout") + 1] if "--layout" in argv else "sheets"
    sys.exit(main(int(args[0]) if args else 3000, "--store" in argv, reuse_dir, pg, layout_arg))
