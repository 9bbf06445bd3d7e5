"""Pages and conditional requests for the JSON API (``chitieu.web.api`` and its routers).

- ``Paged``: django-ninja's limit/offset pagination with our bounds. ``limit`` is
  ``API_PAGE_SIZE`` rows unless asked and at most ``API_MAX_PAGE_SIZE`` (more is a 422),
  ``offset`` counts from 0; the body is ``{"items": [...], "count": N}``, ``count`` being the
  length of the whole list. Use it as ``@paginate(Paged)`` under the route decorator; the
  OpenAPI schema then shows the two parameters and the ``Paged…`` body.
- ``Rows``: what a paginated view returns — an ordered queryset (or a list already in its
  order) and how one row becomes its dict. Only the page is read from the database, so the
  prefetches and the per-row work are bounded by the page, never by the list.
- ``conditional``: ETag and Last-Modified on a heavy read. The caller gives what the response
  depends on, chosen to be cheap (a count and the newest ``updated_at`` of the filtered rows, a
  version counter); a request whose ``If-None-Match`` (or, without it, ``If-Modified-Since``)
  still matches gets **304** before the heavy part runs. The ETag also covers the path with its
  query, the user and the software version, so another page, another user or another release
  never matches.

Last-Modified has whole seconds (RFC 9110): it is sent only once the second of the newest change
is over, so a change made later in that same second cannot hide behind it. The ETag is exact and
the one to rely on (a deleted row changes the count, not always the newest time).
"""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpResponseNotModified
from django.utils.http import http_date, parse_etags, parse_http_date_safe
from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

import chitieu

SHAPE = "2"  # bump when the JSON of a list changes shape, so that no old ETag matches the new body


class Paged(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(settings.API_PAGE_SIZE, ge=1, le=settings.API_MAX_PAGE_SIZE,
                           description=f"rows per page (default {settings.API_PAGE_SIZE}, "
                                       f"at most {settings.API_MAX_PAGE_SIZE})")
        offset: int = Field(0, ge=0, description="rows to skip: 0 for the first page, then offset + limit")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_limit=settings.API_MAX_PAGE_SIZE, **kwargs)

    def paginate_queryset(self, queryset, pagination: Input, request, **params: Any) -> dict:
        rows = queryset if isinstance(queryset, Rows) else Rows(queryset)
        count = rows.count()
        return {"items": rows.page(pagination.offset, min(pagination.limit, self.max_limit), count), "count": count}


class Rows:
    """An ordered ``source`` (queryset or list) to be cut into pages, each row turned into its dict
    by ``to_dict``. ``prepare`` runs on the objects of the page before (a prefetch that needs the
    page); ``on_page`` on the finished page with the whole count (an ETag from the page itself)."""

    def __init__(self, source: QuerySet | Sequence, to_dict: Callable[[Any], dict] | None = None, *,
                 prepare: Callable[[list], None] | None = None,
                 on_page: Callable[[list[dict], int], None] | None = None) -> None:
        if isinstance(source, QuerySet) and not source.ordered:
            raise ValueError("a paginated queryset needs an ordering, or its pages overlap")
        self.source, self.to_dict, self.prepare, self.on_page = source, to_dict, prepare, on_page

    def count(self) -> int:
        return self.source.count() if isinstance(self.source, QuerySet) else len(self.source)

    def page(self, offset: int, limit: int, count: int) -> list:
        objects = list(self.source[offset:offset + limit])
        if self.prepare is not None:
            self.prepare(objects)
        items = [self.to_dict(o) for o in objects] if self.to_dict else objects
        if self.on_page is not None:
            self.on_page(items, count)
        return items


class NotModified(Exception):  # noqa: N818 - named after the status it stands for
    """Raised by ``conditional`` to answer 304 (``install`` turns it into the response)."""

    def __init__(self, headers: dict[str, str]) -> None:
        super().__init__("not modified")
        self.headers = headers


def conditional(request, *depends_on: Any, modified: datetime | None = None) -> None:
    """Answer 304 (raise ``NotModified``) when the client's copy is still current, otherwise put
    ``ETag``, ``Last-Modified`` (from ``modified``, the newest change) and ``Cache-Control`` on
    the response to come. ``depends_on``: cheap values that change whenever the body would."""
    digest = hashlib.blake2b(digest_size=16)
    user = getattr(getattr(request, "auth", None), "pk", None)
    for part in (SHAPE, chitieu.__version__, request.get_full_path(), user, *depends_on):
        digest.update(json.dumps(part, sort_keys=True, default=str, ensure_ascii=False).encode())
        digest.update(b"\x1f")
    etag = f'W/"{digest.hexdigest()}"'
    # private: each answer is for its user; no-cache: a cache asks again (cheaply, with the ETag)
    headers = {"ETag": etag, "Cache-Control": "private, no-cache"}
    last = None
    if modified is not None and math.floor(modified.timestamp()) < math.floor(time.time()):
        last = math.floor(modified.timestamp())
        headers["Last-Modified"] = http_date(last)
    if _still_current(request, etag, last):
        raise NotModified(headers)
    for name, value in headers.items():
        request.api_response[name] = value


def _still_current(request, etag: str, last: int | None) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:  # RFC 9110 13.1.3: then If-Modified-Since is ignored
        tags = parse_etags(if_none_match)
        return "*" in tags or etag.removeprefix("W/") in {t.removeprefix("W/") for t in tags}
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    return last is not None and since is not None and last <= since


def page_digest(items: list[dict], count: int) -> tuple[str, int]:
    """A page's own digest, for a list with no cheap change mark (``Rows(on_page=…)``)."""
    body = json.dumps(items, sort_keys=True, default=str, ensure_ascii=False).encode()
    return hashlib.blake2b(body, digest_size=16).hexdigest(), count


def install(api) -> None:
    """The 304 of ``conditional``: no body, the same validators as the 200 would carry. And the
    response ninja starts for each request (its "temporal response", whose headers the final one
    keeps) put where ``conditional`` finds it, ``request.api_response``: a view's own
    ``response: HttpResponse`` argument cannot be used under ``@paginate``, whose wrapper resolves
    the annotations in its own module."""
    start = api.create_temporal_response

    def create_temporal_response(request):
        request.api_response = start(request)
        return request.api_response

    api.create_temporal_response = create_temporal_response

    @api.exception_handler(NotModified)
    def _not_modified(request, exc: NotModified):
        response = HttpResponseNotModified()
        for name, value in exc.headers.items():
            response[name] = value
        return response
