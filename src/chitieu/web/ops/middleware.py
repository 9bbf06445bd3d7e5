"""One log line per request (logger ``chitieu.request``): method, path, status, duration, user,
number of database queries. Plain text by default, a JSON object with ``LOG_FORMAT=json``.

The query count comes from a connection wrapper (no DEBUG needed), so a page whose queries grow
with the data shows up in the log of a real server, not only in tests.
"""

from __future__ import annotations

import logging
import time

from django.db import connections

logger = logging.getLogger("chitieu.request")


class _QueryCounter:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class RequestLogMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        counter = _QueryCounter()
        started = time.perf_counter()
        wrappers = [connections[alias].execute_wrapper(counter) for alias in connections]
        for wrapper in wrappers:
            wrapper.__enter__()
        try:
            response = self.get_response(request)
        finally:
            for wrapper in reversed(wrappers):
                wrapper.__exit__(None, None, None)
        ms = round((time.perf_counter() - started) * 1000, 1)
        user = getattr(request, "user", None)
        user_id = user.pk if user is not None and user.is_authenticated else None
        level = logging.WARNING if response.status_code >= 500 else logging.INFO
        logger.log(
            level, "%s %s %s %.1fms q=%d", request.method, request.path, response.status_code, ms, counter.count,
            extra={"method": request.method, "path": request.path, "status": response.status_code,
                   "duration_ms": ms, "queries": counter.count, "user_id": user_id},
        )
        return response
