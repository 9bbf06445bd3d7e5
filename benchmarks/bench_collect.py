"""Upload check of a collection workbook of 3.000 units × 100 indicators (one sheet per unit).

Run:  .venv/bin/python benchmarks/bench_collect.py [UNITS] [--store] [--reuse DIR]
Aim: the whole workbook (300.000 value cells) read and every cell checked in < 30 s;
``--store`` then writes every value through ``do_save_values`` (with its audit rows) in one
transaction and reports how long that takes.

Builds its own SQLite database in a temporary directory: a district with UNITS communes, 100
indicators of every rule (amounts, percentages, counts, changes, yes/no), the district's plan
and an officer of the district. The filled workbook is the template written while the year's
values were stored (so every value cell holds a number, as a filled copy does); the values are
then removed, so the upload finds 300.000 new values. ``--reuse DIR`` checks again the workbook
and database a previous run left in DIR (the setup and the template take far longer than the
check).
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


def setup(tmp: str, n_units: int):
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
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


def main(n_units: int = 3000, do_store: bool = False, reuse: str | None = None) -> int:
    sys.stdout.reconfigure(line_buffering=True)
    if reuse:
        tmp = reuse
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.sqlite3"
        os.environ.setdefault("DEBUG", "true")
        os.environ["DJANGO_SETTINGS_MODULE"] = "chitieu.web.settings"
        import django

        django.setup()
        from django.contrib.auth import get_user_model

        from chitieu.web.values.models import Value

        user = get_user_model().objects.get(username="canbo.huyen")
        Value.objects.filter(year=2021).delete()
        path = os.path.join(tmp, "bieu.xlsx")
        from chitieu.web.exchange.collect import check_upload, store
    else:
        tmp = tempfile.mkdtemp(prefix="chitieu-bench-collect-")
        t = time.perf_counter()
        district, plan, user = setup(tmp, n_units)
        print(f"setup: {n_units:,} units × 100 indicators in {time.perf_counter() - t:.0f} s (SQLite, {tmp})")
        from chitieu.web.exchange.collect import check_upload, store, template
        from chitieu.web.values.models import Value

        path = os.path.join(tmp, "bieu.xlsx")
        t = time.perf_counter()
        meta = template(path, plan, district, 2021, below=True, notes=False)
        print(f"template: {len(meta.sheets):,} sheets in {time.perf_counter() - t:.0f} s, "
              f"{os.path.getsize(path) / 2**20:.0f} MB")
        Value.objects.filter(year=2021).delete()
    t, cpu = time.perf_counter(), time.process_time()
    preview = check_upload(path, user)
    checked, cpu = time.perf_counter() - t, time.process_time() - cpu
    # CPU time too: on a shared machine the wall-clock time measures the other processes as well
    print(f"upload check: {preview.new:,} new values on {len(preview.units):,} sheets checked in {checked:.1f} s "
          f"(CPU {cpu:.1f} s; aim < 30 s; load average {os.getloadavg()[0]:.1f})")
    ok = checked < 30 and preview.new == n_units * 100
    if do_store:
        t, cpu = time.perf_counter(), time.process_time()
        n = store(preview, user)
        print(f"store: {n:,} values (with their audit rows) in one transaction in {time.perf_counter() - t:.0f} s "
              f"(CPU {time.process_time() - cpu:.0f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    argv = sys.argv[1:]
    reuse_dir = argv[argv.index("--reuse") + 1] if "--reuse" in argv else None
    args = [a for a in argv if not a.startswith("--") and a != reuse_dir]
    sys.exit(main(int(args[0]) if args else 3000, "--store" in argv, reuse_dir))
