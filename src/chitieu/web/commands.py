"""``chitieu demo`` (set up and serve the demo) and ``chitieu web`` (Django's manage.py commands)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys


class SettingsError(Exception):
    """The settings refused the environment (e.g. no SECRET_KEY); the message says which variable."""


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    import django
    from django.core.exceptions import ImproperlyConfigured

    try:
        django.setup()
    except ImproperlyConfigured as exc:
        raise SettingsError(str(exc)) from None


def _demo_environment() -> None:
    """``chitieu demo`` runs the development server on this machine: DEBUG on, with which the
    settings fall back on their public development SECRET_KEY (unless SECRET_KEY is set). An
    environment that says DEBUG=false is kept, and then needs its own SECRET_KEY."""
    from django.conf import settings

    if not settings.configured:  # called in a process whose settings are loaded already (tests)
        os.environ.setdefault("DEBUG", "true")


def _settings_refused(exc: SettingsError) -> int:
    print(f"chitieu: {exc}", file=sys.stderr)
    return 2


def register(subparsers) -> None:
    demo = subparsers.add_parser(
        "demo", help="tạo CSDL SQLite, nạp danh mục và dữ liệu minh họa, chạy máy chủ thử / run the demo",
        description="Migrate the SQLite database, load the starter catalogue and the demo built from the "
                    "seeds, create one user per role (passwords printed) and start the development server.",
    )
    demo.add_argument("--no-serve", action="store_true", help="không chạy máy chủ / do not start the server")
    demo.add_argument("--password", help="một mật khẩu cho mọi tài khoản minh họa / one password for all demo users")
    demo.add_argument("--addr", default="127.0.0.1:8000", help="địa chỉ máy chủ (mặc định 127.0.0.1:8000)")
    demo.set_defaults(func=run_demo)
    worker = subparsers.add_parser(
        "worker", help="chạy tiến trình xử lý công việc nền / run the background job worker",
        description="Run the job worker: takes background jobs (reading uploaded reports, generating "
                    "reports, …) from the queue (the database, or Redis with TASK_BACKEND=redis) and runs "
                    "them one at a time; several can run side by side.",
    )
    worker.add_argument("--queue", action="append", dest="queues",
                        help="chỉ các hàng đợi này / only these queues (default: all)")
    worker.add_argument("--batch", action="store_true",
                        help="chạy hết việc đang chờ rồi dừng / run the waiting jobs, then exit")
    worker.set_defaults(func=run_worker)
    web = subparsers.add_parser("web", help="lệnh quản trị Django / Django management commands (manage.py)")
    web.add_argument("args", nargs=argparse.REMAINDER)
    web.set_defaults(func=run_web)


def run_demo(args) -> int:
    _demo_environment()
    try:
        _django()
    except SettingsError as exc:
        return _settings_refused(exc)
    from django.conf import settings
    from django.core.management import call_command

    from chitieu.web.demo.build import USERS, load_demo

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        os.makedirs(os.path.dirname(str(db["NAME"])) or ".", exist_ok=True)
    call_command("migrate", interactive=False, verbosity=0)
    passwords = load_demo(args.password)
    print("Dữ liệu minh họa đã sẵn sàng / the demo is ready.\n")
    print(f"Mở http://{args.addr}/ và đăng nhập bằng một trong các tài khoản / log in with one of:")
    for username, full_name, _unit, role in USERS:
        print(f"  {username:15} mật khẩu: {passwords[username]:16} {role.label} — {full_name}")
    print("\nAPI: /api/docs · Quản trị / admin: /admin/ (quantri)")
    if args.no_serve:
        return 0
    # uploaded reports are read by the queue's worker, beside the server, as in production
    worker = subprocess.Popen([sys.executable, "-m", "chitieu.cli", "worker"])
    try:
        call_command("runserver", args.addr, use_reloader=False)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return 0


def run_worker(args) -> int:
    try:
        _django()
    except SettingsError as exc:
        return _settings_refused(exc)
    from django_tasks import task_backends

    from chitieu.web.jobs.db_queue import run_worker as run_database_worker
    from chitieu.web.jobs.redis_backend import RedisBackend

    backend = task_backends["default"]
    if isinstance(backend, RedisBackend):  # TASK_BACKEND=redis: our worker on the Redis queue
        backend.worker(args.queues, batch=args.batch).run()
        return 0
    options: dict = {"reload": False, "batch": args.batch}
    if args.queues:
        options["queue_name"] = ",".join(args.queues)
    else:
        options["queue_name"] = "*"
    run_database_worker(options)  # db_worker, and a job whose worker crashed is run once more
    return 0


def run_web(args) -> int:
    try:
        _django()
    except SettingsError as exc:
        return _settings_refused(exc)
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chitieu web", *args.args])
    return 0
