"""Deadline-week load test on the national database (PostgreSQL): gunicorn started with the
shipped deploy/gunicorn.conf.py and DB_POOL=true on 127.0.0.1 (the cache and the job queue in Redis, one
``chitieu worker``), locust users mixing officers
who enter and submit values, reviewers who approve, leaders on province scorecards and
programs on the API (the mix: ``MIX`` in benchmarks/load/deadline_mix.py); p50/p95/p99 and
errors per request type printed, then the server stopped.

    .venv/bin/python benchmarks/load/deadline_run.py [--users 100] [--run-time 90s] [--workers 4]
        [--provinces 2] [--database-url postgres://postgres@127.0.0.1:5432/national]

Needs the national database (``chitieu web build_national``, docs/scale.md). The run takes
the first ``--provinces`` provinces: in each, a reviewer and a leader, and one officer per
commune up to the number of officers the mix asks for; the final year of those communes is
opened again (state "draft") so that officers can enter it. Sessions are made beforehand (no
argon2 logins during the measured time). Loopback only; at most --run-time plus a few seconds.
Exit code 1 when a read's p95 exceeds --read-budget, a write's --write-budget, or a request failed.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
VENV_BIN = Path(sys.executable).parent
sys.path.insert(0, str(HERE))

from run import free_port, read_stats, run, wait_for  # noqa: E402 - the helpers of the demo load test

WRITES = ("save sheet", "save row", "submit", "approve", "reopen")

SETUP = r"""
import json
from django.contrib.auth import get_user_model
from django.test import Client
from chitieu.web.accounts.models import ApiToken, Membership, Role
from chitieu.web.plans.models import Plan
from chitieu.web.units.models import AdministrativeUnit
from chitieu.web.values.models import Submission

User = get_user_model()
provinces = list(AdministrativeUnit.objects.filter(parent=None).order_by("code")[:{provinces}])
if not provinces or not Plan.objects.filter(unit__in=provinces).exists():
    raise SystemExit("no national database here: run `chitieu web build_national` first (docs/scale.md)")

def person(username, unit, role):
    user, _ = User.objects.get_or_create(username=username)
    Membership.objects.get_or_create(user=user, unit=unit, defaults={{"role": role}})
    c = Client()
    c.force_login(user)
    return user, c.cookies["sessionid"].value

out = {{"officer": [], "reviewer": [], "leader": [], "api": []}}
per_province = -(-{officers} // len(provinces))
for p in provinces:
    plan = Plan.objects.get(unit=p)
    year = plan.final_year
    _u, s = person(f"tai.kiemtra.{{p.code}}", p, Role.REVIEWER)
    out["reviewer"].append({{"session": s}})
    leader, s = person(f"tai.lanhdao.{{p.code}}", p, Role.VIEWER)
    out["leader"].append({{"session": s, "unit": p.pk, "plan": plan.pk}})
    ApiToken.objects.filter(user=leader).delete()
    _t, raw = ApiToken.issue(leader, "deadline-week load test")
    communes = list(AdministrativeUnit.objects.filter(parent=p).order_by("code")[:per_province])
    for c in communes:
        _u, s = person(f"tai.canbo.{{c.code}}", c, Role.OFFICER)
        out["officer"].append({{"session": s, "unit": c.pk, "plan": plan.pk, "year": year}})
        out["api"].append({{"session": "", "token": raw, "plan": plan.pk, "code": c.code}})
    # the final year of these communes is open for entry again (a deadline week)
    Submission.objects.filter(unit__in=communes, plan=plan, year=year).update(state=Submission.State.DRAFT)
print(json.dumps(out))
"""


def warm_up(host: str, people: dict, workers: int) -> int:
    """Read every page of the mix a few times per gunicorn worker before the clock starts: a
    server in a deadline week has been up for days (its templates compiled, its caches and the
    stored evaluations of what leaders read filled), so the measured run should not count the
    first requests of four fresh processes. Reads only; returns how many."""
    import urllib.request

    from deadline_mix import path_of

    reads = []
    for me in people.get("officer", [])[:workers * 2]:
        reads.append((path_of("officer", "values sheet", **me), me))
    for me in people.get("reviewer", []):
        reads += [(path_of("reviewer", "review list"), me)] * workers
    for me in people.get("leader", []):
        reads += [(path_of("leader", "province scorecard", **me), me), (path_of("leader", "home"), me)] * workers
    for me in people.get("api", [])[:workers * 2]:
        reads += [(path_of("api", "plan evaluations", **me), me), (path_of("api", "unit values", **me), me)]
    for path, me in reads:
        headers = {"Cookie": f"sessionid={me['session']}"} if me.get("session") else {}
        if me.get("token"):
            headers["Authorization"] = f"Bearer {me['token']}"
        with urllib.request.urlopen(urllib.request.Request(host + path, headers=headers), timeout=60) as resp:
            resp.read()
    return len(reads)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=100)
    ap.add_argument("--spawn-rate", type=float, default=20)
    ap.add_argument("--run-time", default="90s", help="at most 120s")
    ap.add_argument("--workers", type=int, default=8, help="gunicorn workers (GUNICORN_WORKERS)")
    ap.add_argument("--provinces", type=int, default=2)
    ap.add_argument("--think", default="", help="seconds between two actions of a person, as low,high, for every "
                    "role (default: THINK in deadline_mix.py, by role)")
    ap.add_argument("--read-budget", type=float, default=300.0, help="p95 of a read, ms")
    ap.add_argument("--write-budget", type=float, default=500.0, help="p95 of a write, ms")
    ap.add_argument("--no-warm-up", dest="warm_up", action="store_false",
                    help="measure from the first request of fresh server processes")
    ap.add_argument("--no-stagger", dest="stagger", action="store_false",
                    help="every simulated user acts as soon as it is spawned (default: each first waits a random "
                    "part of its think time, as independent people do)")
    ap.add_argument("--server-log", default="", help="write the server's request log (INFO) to this file")
    ap.add_argument("--cache-url", default="redis://127.0.0.1:6379/3", help="the shared cache (flushed first)")
    ap.add_argument("--queue-url", default="redis://127.0.0.1:6379/4", help="the job queue")
    ap.add_argument("--database-url", default=os.environ.get("CHITIEU_NATIONAL_DATABASE_URL",
                                                             "postgres://postgres@127.0.0.1:5432/national"))
    args = ap.parse_args(argv)
    seconds = int(args.run_time.rstrip("s"))
    if seconds > 120:
        raise SystemExit("--run-time: at most 120s")

    from deadline_mix import MIX, THINK

    # stopped from outside (timeout, Ctrl-C): the finally below still stops gunicorn
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    total_weight = sum(w for w, _paths in MIX.values())
    officers = math.ceil(args.users * MIX["officer"][0] / total_weight)

    with tempfile.TemporaryDirectory(prefix="chitieu-deadline-") as tmp:
        tmp_path = Path(tmp)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "chitieu.web.settings",
            "CHITIEU_HOME": tmp,
            "DATABASE_URL": args.database_url,
            "DB_POOL": "true",
            "DEBUG": "False",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONUNBUFFERED": "1",
            # --server-log: the request log (one line per request: its time in the server and its queries)
            "LOG_LEVEL": "INFO" if args.server_log else "WARNING",
            # the simulated programs share a token per province: the per-user throttle would measure itself
            "API_THROTTLE_RATE": "1000000/min",
            # a province's production shape (docs/deploy.md): one cache shared by the web workers, the
            # job queue in Redis with a worker taking the refreshes each save and approval queue
            "CACHE_URL": args.cache_url,
            "TASK_BACKEND": "redis",
            "TASK_REDIS_URL": args.queue_url,
            "TASK_REDIS_PREFIX": f"chitieu-deadline-{os.getpid()}",
        }
        admin = str(VENV_BIN / "django-admin")
        print("· preparing sessions on the national database …", flush=True)
        prepared = time.monotonic()
        run([admin, "collectstatic", "--noinput", "-v", "0"], env)
        plan = run([admin, "shell", "-c", SETUP.format(provinces=args.provinces, officers=officers)], env)
        plan_file = tmp_path / "load.json"
        plan_file.write_text(plan.strip().splitlines()[-1], encoding="utf-8")
        print(f"  ready in {time.monotonic() - prepared:.0f} s", flush=True)

        port = free_port()
        host = f"http://127.0.0.1:{port}"
        server_env = {**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(args.workers),
                      "GUNICORN_LOG_LEVEL": "warning",
                      # a query cut off by a stopped worker would otherwise run on in PostgreSQL
                      "PGOPTIONS": "-c statement_timeout=120000"}
        import redis

        redis.Redis.from_url(args.cache_url).flushdb()  # a cache of an earlier run may name other rows
        log = open(args.server_log, "w", encoding="utf-8") if args.server_log else None  # noqa: SIM115
        server = subprocess.Popen([str(VENV_BIN / "gunicorn"), "-c", str(REPO / "deploy" / "gunicorn.conf.py")],
                                  env=server_env, cwd=REPO, start_new_session=True, stdout=log, stderr=log)
        worker = subprocess.Popen([str(VENV_BIN / "chitieu"), "worker"], env=server_env, cwd=REPO,
                                  start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(host + "/healthz", seconds=60)
            if args.warm_up:
                warmed = warm_up(host, json.loads(plan_file.read_text(encoding="utf-8")), args.workers)
                print(f"· warm-up: {warmed} reads before the measured run (every worker has served each page)",
                      flush=True)
            print(f"· gunicorn (deploy/gunicorn.conf.py, {args.workers} sync workers, DB_POOL) on {host}; "
                  f"locust: {args.users} users for {args.run_time}", flush=True)
            prefix = tmp_path / "stats"
            started = time.monotonic()
            subprocess.run(
                [str(VENV_BIN / "locust"), "-f", str(HERE / "deadline.py"), "--headless", "--host", host,
                 "-u", str(args.users), "-r", str(args.spawn_rate), "--run-time", args.run_time,
                 "--csv", str(prefix), "--only-summary", "--loglevel", "ERROR", "--stop-timeout", "10"],
                env={**env, "CHITIEU_LOAD": str(plan_file), "CHITIEU_LOAD_THINK": args.think.replace(" ", ""),
                     "CHITIEU_LOAD_STAGGER": "1" if args.stagger else "0"},
                timeout=seconds + 60, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            elapsed = time.monotonic() - started
            rows = read_stats(Path(f"{prefix}_stats.csv"))
            failures = read_stats(Path(f"{prefix}_failures.csv"))
        finally:
            for process in (server, worker):
                os.killpg(process.pid, signal.SIGTERM)
            for process in (server, worker):
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)

    print()
    print(f"{'request':34} {'kind':5} {'count':>6} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>6}")
    worst = {"read": 0.0, "write": 0.0}
    failed = 0
    for r in rows:
        name = r["Name"] if r["Type"] else "ALL"
        kind = "" if name == "ALL" else "write" if name.split(": ", 1)[-1] in WRITES else "read"
        print(f"{name[:34]:34} {kind:5} {r['Request Count']:>6} {r['Failure Count']:>5} {r['50%']:>7} {r['95%']:>7} "
              f"{r['99%']:>7} {float(r['Requests/s']):>6.1f}")
        if name == "ALL":
            failed = int(r["Failure Count"])
        elif r["95%"] not in ("", "N/A"):
            worst[kind] = max(worst[kind], float(r["95%"]))
    for f in failures[:10]:
        print(f"  failure: {f['Name']}: {f['Error'][:120]} × {f['Occurrences']}")
    ok = worst["read"] <= args.read_budget and worst["write"] <= args.write_budget and failed == 0
    think = args.think or ", ".join(f"{who} {low:g}-{high:g}" for who, (low, high) in THINK.items())
    print(f"\n{args.users} users ({officers} officers), think {think} s, {elapsed:.0f} s, "
          f"{args.provinces} provinces of the national database, gunicorn {args.workers} sync workers + DB_POOL, "
          f"Redis cache and queue with one job worker; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"worst p95: reads {worst['read']:.0f} ms (budget {args.read_budget:.0f}), writes {worst['write']:.0f} ms "
          f"(budget {args.write_budget:.0f}); failures {failed}: {'OK' if ok else 'OVER'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
