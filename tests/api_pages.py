"""Reading a whole list from the paginated JSON API (docs/api.md): follow ``limit``/``offset``
until ``count`` rows have come. For tests whose point is the whole list, not its pages."""

from __future__ import annotations


def every(client, url: str, params: dict | None = None, *, limit: int = 100) -> list[dict]:
    """All the items of the list at ``url`` (with query ``params``), page by page."""
    items: list[dict] = []
    while True:
        response = client.get(url, {**(params or {}), "limit": limit, "offset": len(items)})
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        body = response.json()
        items += body["items"]
        if not body["items"] or len(items) >= body["count"]:
            assert len(items) == body["count"], (url, len(items), body["count"])
            return items
