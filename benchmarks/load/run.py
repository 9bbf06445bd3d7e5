"""Load benchmark: the web app with the demo data, served by gunicorn on 127.0.0.1, read by
50 concurrent locust users (logged-in users on the scorecard, programs on the API) for a
bounded time; prints p50/p95 latency per request and overall, then stops the server.

    .venv/bin/python benchmarks/load/run.py [--users 50] [--run-time 60s] [--workers 2] [--threads 4]
        [--think 2,8] [--with-login]

Each simulated person waits 2-8 s between pages (``--think``); programs poll the API at the same
pace. By default the users reuse sessions made beforehand, so the measured minute is spent on
pages, not on argon2 password hashing (``--with-login`` logs each in with the form instead).
SQLite runs in WAL mode, as the settings put every SQLite connection.

Everything lives in a temporary directory (SQLite database, static files) that is removed at
the end. Loopback only. Exit code 1 when p95 exceeds --p95-budget (ms) or requests failed.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent

SETUP = r"""
import json
from django.contrib.auth import get_user_model
from chitieu.web.accounts.models import ApiToken, Membership, Role
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit

# The demo town: the unit with the most children that has a plan.
plan = max(Plan.objects.select_related("unit"), key=lambda p: (p.unit.children.count(), p.targets.count()))
town = plan.unit
user = get_user_model().objects.create_user("bench", password="{password}")
Membership.objects.create(user=user, unit=town, role=Role.VIEWER)
_token, raw = ApiToken.issue(user, "load benchmark")
code = plan.targets.order_by("order", "indicator__code").first().indicator.code
# Sessions made beforehand, so that the measured minute is spent reading pages, not hashing
# passwords (argon2 is slow on purpose); --with-login measures real logins instead.
from django.test import Client
sessions = []
for _ in range({sessions}):
    c = Client()
    c.force_login(user)
    sessions.append(c.cookies["sessionid"].value)
print(json.dumps({{
    "sessions": sessions,
    "scorecard": f"/units/{{town.pk}}/plans/{{plan.pk}}/",
    "indicator": f"/units/{{town.pk}}/plans/{{plan.pk}}/indicators/{{code}}/",
    "api": [f"/api/plans/{{plan.pk}}/evaluations", f"/api/units/{{town.code}}/values"],
    "token": raw,
}}))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(cmd: list[str], env: dict, timeout: int = 300) -> str:
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return out.stdout


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def read_stats(path: Path) -> list[dict]:
    with path.open(newline="") as f:
        return list(csv.DictReader(f))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--spawn-rate", type=float, default=10)
    ap.add_argument("--run-time", default="60s")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--p95-budget", type=float, default=300.0, help="ms")
    ap.add_argument("--think", default="2,8",
                    help="seconds a user waits between two requests, as low,high (default 2,8: a person reading)")
    ap.add_argument("--with-login", action="store_true",
                    help="each simulated user logs in with the form (argon2) instead of reusing a session")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="chitieu-load-") as tmp:
        tmp_path = Path(tmp)
        password = secrets.token_urlsafe(12)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "chitieu.web.settings",
            "CHITIEU_HOME": tmp,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'bench.sqlite3'}",
            "DEBUG": "False",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONUNBUFFERED": "1",
            "DB_CONN_MAX_AGE": "60",  # persistent connections, as in production
            # the simulated users share one token: the per-user API throttle would measure itself
            "API_THROTTLE_RATE": "1000000/min",
        }
        admin = str(VENV_BIN / "django-admin")
        print("· preparing the database and the demo data …", flush=True)
        run([admin, "migrate", "--noinput", "-v", "0"], env)
        run([admin, "collectstatic", "--noinput", "-v", "0"], env)
        run([admin, "load_demo"], env)
        info = json.loads(run([admin, "shell", "-c", SETUP.format(password=password, sessions=args.users)], env).strip().splitlines()[-1])

        port = free_port()
        host = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [str(VENV_BIN / "gunicorn"), "chitieu.web.wsgi:application", "--bind", f"127.0.0.1:{port}",
             "--workers", str(args.workers), "--threads", str(args.threads), "--worker-class", "gthread",
             "--log-level", "warning"],
            env=env, start_new_session=True,
        )
        try:
            wait_for(host + "/accounts/login/")
            print(f"· gunicorn on {host}: {args.workers} workers × {args.threads} threads; "
                  f"locust: {args.users} users for {args.run_time}", flush=True)
            locust_env = {
                **env,
                "CHITIEU_BENCH_USER": "bench",
                "CHITIEU_BENCH_PASSWORD": password,
                "CHITIEU_BENCH_SCORECARD": info["scorecard"],
                "CHITIEU_BENCH_INDICATOR": info["indicator"],
                "CHITIEU_BENCH_API": ",".join(info["api"]),
                "CHITIEU_BENCH_TOKEN": info["token"],
                "CHITIEU_BENCH_THINK": args.think,
                "CHITIEU_BENCH_SESSIONS": "" if args.with_login else ",".join(info["sessions"]),
            }
            prefix = tmp_path / "stats"
            seconds = int(args.run_time.rstrip("s")) if args.run_time.endswith("s") else 600
            subprocess.run(
                [str(VENV_BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless", "--host", host,
                 "-u", str(args.users), "-r", str(args.spawn_rate), "--run-time", args.run_time,
                 "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR", "--stop-timeout", "5"],
                env=locust_env, timeout=seconds + 120, check=False, stdout=subprocess.DEVNULL,
            )
            rows = read_stats(Path(f"{prefix}_stats.csv"))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)

    print()
    print(f"{'request':32} {'count':>7} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>7}")
    worst = 0.0
    failures = 0
    for r in rows:
        name = r["Name"] if r["Type"] else "ALL"
        print(f"{name[:32]:32} {r['Request Count']:>7} {r['Failure Count']:>5} {r['50%']:>7} {r['95%']:>7} "
              f"{r['99%']:>7} {float(r['Requests/s']):>7.1f}")
        if r["Name"] == "Aggregated":
            failures = int(r["Failure Count"])
        elif r["Name"] not in ("login form", "login"):
            worst = max(worst, float(r["95%"]))
    ok = worst <= args.p95_budget and failures == 0
    print(f"\n{args.users} users (think time {args.think} s), {args.run_time}, gunicorn {args.workers}×{args.threads}, "
          "SQLite WAL, "
          f"{'form logins' if args.with_login else 'sessions made beforehand'}; machine load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"worst p95 (pages and API, login excluded): {worst:.0f} ms — budget {args.p95_budget:.0f} ms: "
          f"{'OK' if ok else 'OVER'}; failures: {failures}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
