"""``/healthz``: is the site able to serve? One JSON answer for a load balancer or a monitor.

Checks the database (a query), the cache (a write and a read back) and the job queue (how long the
oldest job ready to run has been waiting: a queue without a worker grows old). 200 when all hold,
503 with the failing part named otherwise. Unauthenticated on purpose, so it says nothing about the
data: no counts of users, units or values.
"""

from __future__ import annotations

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> dict:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1), "vendor": connection.vendor}


def _cache() -> dict:
    key, token = "chitieu:healthz", uuid.uuid4().hex
    cache.set(key, token, 30)
    ok = cache.get(key) == token
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    return {"ok": ok, "backend": backend}


def _queue() -> dict:
    """The age of the oldest job waiting for a worker (database and Redis queues)."""
    backend = settings.TASKS["default"]["BACKEND"]
    if backend.startswith("django_tasks_db."):
        from django_tasks_db.models import DBTaskResult

        oldest = DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        age = 0 if oldest is None else max(0, int((timezone.now() - oldest).total_seconds()))
    else:
        from django_tasks import task_backends

        waiting = getattr(task_backends["default"], "oldest_waiting_seconds", None)
        if waiting is None:  # the immediate backend of the tests: nothing ever waits
            return {"ok": True, "backend": backend.rsplit(".", 1)[-1]}
        age = waiting()
    limit = settings.HEALTH_QUEUE_MAX_AGE
    return {"ok": age <= limit, "oldest_waiting_seconds": age, "limit_seconds": limit}


CHECKS = {"database": _database, "cache": _cache, "queue": _queue}


@never_cache
@require_GET
def healthz(request):
    result: dict[str, dict] = {}
    for name, check in CHECKS.items():
        try:
            result[name] = check()
        except Exception as exc:  # a health check reports a failure, it never raises one
            result[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    ok = all(part["ok"] for part in result.values())
    return JsonResponse({"status": "ok" if ok else "fail", **result}, status=200 if ok else 503)
