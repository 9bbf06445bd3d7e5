"""Operations: the health endpoint, one log line per request, JSON logs, the cache, the database
pool and error reporting — each against the real thing (the database, this machine's Redis, a
local HTTP server standing in for Sentry)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import timezone

from chitieu.web.ops.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_health_answers_ok_with_each_part_named(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["database"]["vendor"] in ("sqlite", "postgresql")
    assert body["cache"] == {"ok": True, "backend": "LocMemCache"}
    assert body["queue"]["ok"]
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_needs_no_login_and_tells_nothing_about_the_data(client, ward_plan):
    text = client.get("/healthz").content.decode()
    assert "Phường" not in text and "plan" not in text.lower()


def test_health_fails_when_jobs_wait_longer_than_the_limit(client, settings):
    """A queue whose oldest job waits for 10 minutes has no worker: the monitor must hear it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_QUEUE_MAX_AGE = 300
    from django_tasks_db.models import DBTaskResult

    from chitieu.web.imports.tasks import read_report

    result = read_report.enqueue(0)
    assert client.get("/healthz").json()["queue"]["ok"]
    DBTaskResult.objects.filter(pk=result.id).update(enqueued_at=timezone.now() - timedelta(minutes=10))
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail" and body["queue"]["ok"] is False
    assert 590 <= body["queue"]["oldest_waiting_seconds"] <= 700 and body["database"]["ok"]


def test_a_request_writes_one_line_with_status_duration_and_queries(client_for, officer, ward_plan, caplog):
    client = client_for(officer)
    with caplog.at_level(logging.INFO, logger="chitieu.request"):
        client.get(f"/plans/{ward_plan.pk}/targets/")
        client.get("/khong-co-trang-nay/")
    lines = [r for r in caplog.records if r.name == "chitieu.request"]
    assert [(r.method, r.path, r.status) for r in lines] == [
        ("GET", f"/plans/{ward_plan.pk}/targets/", 200), ("GET", "/khong-co-trang-nay/", 404)]
    assert lines[0].queries > 0 and lines[0].duration_ms > 0 and lines[0].user_id == officer.pk


def test_json_log_lines_carry_the_request_fields_and_vietnamese_as_written():
    record = logging.LogRecord("chitieu.request", logging.INFO, __file__, 1, "GET %s %d", ("/đơn-vị/", 200), None)
    record.status, record.queries, record.duration_ms = 200, 7, 12.5
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "GET /đơn-vị/ 200" and entry["level"] == "INFO" and entry["logger"] == "chitieu.request"
    assert (entry["status"], entry["queries"], entry["duration_ms"]) == (200, 7, 12.5)
    assert entry["time"].endswith("+00:00")
    try:
        raise ValueError("số liệu")
    except ValueError:
        failed = logging.LogRecord("chitieu", logging.ERROR, __file__, 1, "lỗi", (), sys.exc_info())
    assert "ValueError: số liệu" in json.loads(JsonFormatter().format(failed))["exc"]


def _settings_in_child(env: dict, code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh process whose settings read ``env`` (settings are read once per process)."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    full.update({"DJANGO_SETTINGS_MODULE": "chitieu.web.settings", "SECRET_KEY": "x" * 60, **env})
    program = "import django; django.setup()\n" + code
    return subprocess.run([sys.executable, "-c", program], env=full, capture_output=True, text=True, timeout=60)


def _redis_up() -> bool:
    import redis

    try:
        return bool(redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=2).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.mark.skipif(not _redis_up() and os.environ.get("CI") != "true", reason="no Redis on 127.0.0.1:6379")
def test_the_cache_is_shared_through_redis_when_configured():
    env = {"CACHE_URL": "redis://127.0.0.1:6379/15"}
    written = _settings_in_child(env, "from django.core.cache import cache; cache.set('chung', 'Phường 2', 60)")
    assert written.returncode == 0, written.stderr
    read = _settings_in_child(env, "from django.core.cache import cache; print(cache.get('chung'))\n"
                                   "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])")
    assert read.returncode == 0, read.stderr
    assert read.stdout.split("\n")[:2] == ["Phường 2", "django.core.cache.backends.redis.RedisCache"]


def test_a_bad_cache_url_or_log_format_is_refused_naming_the_variable():
    bad = _settings_in_child({"CACHE_URL": "memcached://x"}, "")
    assert bad.returncode != 0 and "CACHE_URL='memcached://x'" in bad.stderr
    bad = _settings_in_child({"LOG_FORMAT": "xml"}, "")
    assert bad.returncode != 0 and "LOG_FORMAT='xml'" in bad.stderr
    bad = _settings_in_child({"DB_POOL": "true", "DATABASE_URL": "sqlite:///x.sqlite3"}, "")
    assert bad.returncode != 0 and "DB_POOL=true needs a PostgreSQL" in bad.stderr


def test_the_database_pool_lends_connections_on_postgresql():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the pool is PostgreSQL's (run with DATABASE_URL=postgres://…)")
    db = connection.settings_dict  # the test database (DATABASE_URL names the one it was made beside)
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    child = _settings_in_child({"DATABASE_URL": url, "DB_POOL": "true", "DB_POOL_MAX": "4"},
                               "from django.db import connection\n"
                               "connection.ensure_connection()\n"
                               "print(type(connection.pool).__name__, connection.pool.max_size)\n"
                               "print(connection.cursor().execute('select 1').fetchone()[0])")
    assert child.returncode == 0, child.stderr
    assert child.stdout.split() == ["ConnectionPool", "4", "1"]


class _Envelopes(BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            import gzip

            body = gzip.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_are_reported_to_the_sentry_dsn_without_personal_data():
    server = HTTPServer(("127.0.0.1", 0), _Envelopes)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_port}/7"
        child = _settings_in_child(
            {"SENTRY_DSN": dsn},
            "import sentry_sdk\n"
            "try:\n    1 / 0\nexcept ZeroDivisionError:\n    sentry_sdk.capture_exception()\n"
            "sentry_sdk.flush(5)")
        assert child.returncode == 0, child.stderr
    finally:
        server.shutdown()
    paths = [p for p, _b in _Envelopes.received]
    assert "/api/7/envelope/" in paths
    items = [json.loads(line) for _p, body in _Envelopes.received for line in body.decode().splitlines() if line]
    events = [item for item in items if "exception" in item]
    assert events[0]["exception"]["values"][0]["type"] == "ZeroDivisionError"
    assert "ip_address" not in json.dumps(events[0].get("user", {}))
