"""``chitieu collect template|import``, ``chitieu export``, ``chitieu import-values``,
``chitieu backup`` and ``chitieu restore``: the exchange of data from the command line, through
the same code as the pages and the API (``DATABASE_URL`` chooses the database)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

EXPORT_FORMATS = ("dhis2-json", "dhis2-csv", "csv", "json", "xlsx", "datapackage")


def _setup() -> int | None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        print(f"chitieu: {exc}", file=sys.stderr)
        return 2
    return None


def _fail(message: str, code: int = 1) -> int:
    print(message, file=sys.stderr)
    return code


def register(subparsers) -> None:
    collect = subparsers.add_parser("collect", help="biểu thu thập số liệu Excel / collection workbooks")
    sub = collect.add_subparsers(dest="collect_command", required=True, metavar="LỆNH")
    t = sub.add_parser("template", help="tạo biểu để đơn vị điền / write the template")
    t.add_argument("--unit", required=True, help="mã đơn vị / unit code")
    t.add_argument("--year", required=True, type=int)
    t.add_argument("--plan", type=int, help="mã kế hoạch (mặc định: kế hoạch mới nhất có năm này)")
    t.add_argument("--below", action="store_true", help="cả các đơn vị trực thuộc / the units below too")
    t.add_argument("--layout", choices=("sheets", "rows"), default="sheets",
                   help="với --below: sheets = mỗi đơn vị một trang tính, rows = mỗi đơn vị một dòng "
                        "/ with --below: a sheet per unit, or a row per unit")
    t.add_argument("-o", "--output", required=True, help="tệp .xlsx")
    t.set_defaults(func=run_template)
    i = sub.add_parser("import", help="kiểm tra và nhập biểu đã điền / check and store a filled workbook")
    i.add_argument("file")
    i.add_argument("--user", required=True, help="tên đăng nhập của người nộp / the uploader's username")
    i.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu / check only")
    i.set_defaults(func=run_collect_import)

    e = subparsers.add_parser("export", help="xuất số liệu / export values (DHIS2, CSV, JSON, XLSX, Frictionless)")
    e.add_argument("format", choices=EXPORT_FORMATS)
    e.add_argument("-o", "--output", required=True)
    e.add_argument("--table", choices=("values", "evaluations"), default="values",
                   help="csv/json: bảng xuất / the table (values, evaluations)")
    e.add_argument("--unit", help="mã đơn vị: đơn vị này và các đơn vị trực thuộc / a unit and its subtree")
    e.add_argument("--plan", type=int, help="mã kế hoạch / plan id")
    e.add_argument("--years", help="2021-2025 hoặc 2020,2023")
    e.add_argument("--no-progress", action="store_true")
    e.set_defaults(func=run_export)

    iv = subparsers.add_parser("import-values", help="nhập data value set DHIS2 (JSON/CSV) / import a DHIS2 data value set")
    iv.add_argument("file")
    iv.add_argument("--user", help="tên đăng nhập; không có: hệ thống / username (default: the system)")
    iv.add_argument("--format", choices=("json", "csv"))
    iv.add_argument("--dry-run", action="store_true")
    iv.add_argument("--skip-invalid", action="store_true",
                    help="nhập các dòng hợp lệ, liệt kê dòng bỏ qua / import the valid rows, list the others")
    iv.set_defaults(func=run_import_values)

    b = subparsers.add_parser("backup", help="sao lưu toàn bộ CSDL / back up the whole database")
    b.add_argument("file", help="FILE.json.gz")
    b.set_defaults(func=run_backup)
    r = subparsers.add_parser("restore", help="khôi phục CSDL từ bản sao lưu / restore a backup")
    r.add_argument("file")
    r.add_argument("--force", action="store_true", help="xóa dữ liệu đang có / erase the data there")
    r.set_defaults(func=run_restore)


def _user(username):
    from django.contrib.auth import get_user_model

    if not username:
        return None
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        raise LookupError(f"Không có người dùng “{username}” / no active user “{username}”.")
    return user


def run_template(args) -> int:
    if (code := _setup()) is not None:
        return code
    from chitieu.web.exchange.collect import template
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit

    unit = AdministrativeUnit.objects.filter(code=args.unit).first()
    if unit is None:
        return _fail(f"Không có đơn vị mã {args.unit} / no unit {args.unit}.")
    plans = [p for p in Plan.objects.followed_by(unit) if args.year in p.years]
    if args.plan:
        plans = [p for p in plans if p.pk == args.plan]
    if not plans:
        return _fail(f"{unit.name} không theo kế hoạch nào có năm {args.year} / no plan of {unit.code} covers {args.year}.")
    meta = template(args.output, plans[0], unit, args.year, below=args.below, layout=args.layout)
    where = (f"{len(meta.sheets)} đơn vị trên một trang tính" if meta.layout == "rows"
             else f"{len(meta.sheets)} trang tính")
    print(f"Đã ghi {args.output}: kế hoạch {meta.plan_label}, năm {args.year}, {where}.")
    return 0


def run_collect_import(args) -> int:
    if (code := _setup()) is not None:
        return code
    from chitieu.web.errors import ActionError
    from chitieu.web.exchange.collect import CollectRefused, check_upload, store

    try:
        user = _user(args.user)
        with open(args.file, "rb") as f:
            preview = check_upload(f, user)
    except LookupError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"Không mở được {args.file}: {exc.strerror}")
    except CollectRefused as exc:
        print(f"Không nhập gì: {len(exc.errors)} lỗi / nothing stored: {len(exc.errors)} problem(s).", file=sys.stderr)
        for e in exc.errors:
            print("  " + e, file=sys.stderr)
        return 1
    for up in preview.units:
        print(f"{up.sheet}: mới {len(up.new)}, thay đổi {len(up.changed)}, không đổi {up.unchanged}")
    if args.dry_run:
        print(f"Chạy thử: không lưu / dry run: nothing stored ({preview.new} new, {preview.changed} changed).")
        return 0
    try:
        n = store(preview, user)
    except ActionError as exc:
        return _fail("Không nhập gì / nothing stored: " + str(exc))
    print(f"Đã lưu {n} số liệu / stored {n} values.")
    return 0


def _progress(rows, total: int | None, enabled: bool, label: str):
    if not enabled:
        yield from rows
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=False) as bar:
        task = bar.add_task(label, total=total)
        n = 0
        for row in rows:
            yield row
            n += 1
            if n % 5000 == 0:
                bar.update(task, completed=n)
        bar.update(task, completed=n)


def run_export(args) -> int:
    if (code := _setup()) is not None:
        return code
    from django.http import Http404

    from chitieu.exchange import dhis2 as d2fmt
    from chitieu.exchange import tidy
    from chitieu.web.exchange import dhis2, opendata
    from chitieu.web.exchange.scope import make_scope, parse_years, value_queryset

    try:
        scope = make_scope(None, unit_code=args.unit, plan_id=args.plan, years=parse_years(args.years))
    except ValueError:
        return _fail(f"Năm “{args.years}” không hợp lệ (viết 2021-2025 hoặc 2020,2023).")
    except Http404 as exc:
        return _fail(f"Không có {exc} đã chỉ / no such {exc}.")
    show = not args.no_progress and sys.stderr.isatty()
    out = Path(args.output)
    total = value_queryset(scope).count() if show else None
    if args.format in ("dhis2-json", "dhis2-csv"):
        rows = _progress(dhis2.export_values(scope), total, show, "DHIS2")
        with out.open("w", encoding="utf-8", newline="") as f:
            n = (d2fmt.write_json if args.format == "dhis2-json" else d2fmt.write_csv)(rows, f)
        print(f"Đã ghi {n} số liệu vào {out} / wrote {n} values.")
        return 0
    if args.format in ("csv", "json"):
        maker = opendata.MAKERS[args.table]
        rows = _progress(maker(scope), total if args.table == "values" else None, show, args.table)
        chunks = tidy.iter_csv(args.table, rows) if args.format == "csv" else tidy.iter_json(args.table, rows)
        with out.open("w", encoding="utf-8", newline="") as f:
            for chunk in chunks:
                f.write(chunk)
    elif args.format == "xlsx":
        tables = opendata.tables(scope, ["values", "evaluations", "units", "indicators"])
        tidy.write_xlsx(str(out), {name: (_progress(make(), total, show, name) if name == "values" else make())
                                   for name, make in tables.items()})
    else:
        tables = opendata.tables(scope, ["units", "indicators", "values", "evaluations"])
        values = tables["values"]
        tables["values"] = lambda: _progress(values(), total, show, "values")
        tidy.write_package(str(out), tables, title="chitieu — số liệu và đánh giá / values and evaluations")
    print(f"Đã ghi {out} / wrote {out}.")
    return 0


def run_import_values(args) -> int:
    if (code := _setup()) is not None:
        return code
    from chitieu.web.exchange.dhis2 import SetRefused, guess_kind, import_set, read_set

    try:
        user = _user(args.user)
        data = Path(args.file).read_bytes()
        values = read_set(data, args.format or guess_kind(args.file, data))
        summary = import_set(values, user, dry_run=args.dry_run, skip_invalid=args.skip_invalid)
    except LookupError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"Không mở được {args.file}: {exc.strerror}")
    except SetRefused as exc:
        print(f"Không nhập gì: {len(exc.errors)} lỗi / nothing imported: {len(exc.errors)} problem(s).", file=sys.stderr)
        for e in exc.errors:
            print("  " + e, file=sys.stderr)
        return 1
    what = "Chạy thử (không lưu) / dry run" if args.dry_run else "Đã nhập / imported"
    print(f"{what}: mới {summary.imported}, cập nhật {summary.updated}, bỏ qua {len(summary.ignored)} "
          f"/ imported {summary.imported}, updated {summary.updated}, ignored {len(summary.ignored)}")
    for i in summary.ignored:
        print(f"  bỏ qua / ignored {i.position} {i.data_element} {i.org_unit} {i.period}: {i.reason}")
    return 0


def run_backup(args) -> int:
    if (code := _setup()) is not None:
        return code
    from chitieu.web.exchange.backup import backup

    backup(args.file)
    print(f"Đã sao lưu vào {args.file} / backed up to {args.file}.")
    return 0


def run_restore(args) -> int:
    if (code := _setup()) is not None:
        return code
    from chitieu.web.exchange.backup import RestoreRefused, restore

    if not Path(args.file).exists():
        return _fail(f"Không có tệp {args.file} / no file {args.file}.")
    try:
        restore(args.file, force=args.force)
    except RestoreRefused as exc:
        return _fail(str(exc))
    print(f"Đã khôi phục từ {args.file} / restored from {args.file}.")
    return 0
