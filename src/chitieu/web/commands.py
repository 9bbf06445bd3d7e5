"""``chitieu demo`` (set up and serve the demo) and ``chitieu web`` (Django's manage.py commands)."""

from __future__ import annotations

import argparse
import os


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chitieu.web.settings")
    import django

    django.setup()


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
    web = subparsers.add_parser("web", help="lệnh quản trị Django / Django management commands (manage.py)")
    web.add_argument("args", nargs=argparse.REMAINDER)
    web.set_defaults(func=run_web)


def run_demo(args) -> int:
    _django()
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
    call_command("runserver", args.addr, use_reloader=False)
    return 0


def run_web(args) -> int:
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chitieu web", *args.args])
    return 0
