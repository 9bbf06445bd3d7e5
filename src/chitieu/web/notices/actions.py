"""Marking notices read: the user's own, one or all."""

from __future__ import annotations

from django.utils import timezone

from chitieu.web.notices.models import Notice


def do_mark_read(user, notice_id: int | None = None) -> int:
    """Mark one of ``user``'s notices (or all of them) read; returns how many changed.
    Reading a notice is not a change of the data, so it writes no audit row."""
    qs = Notice.objects.filter(user=user, read_at__isnull=True)
    if notice_id is not None:
        qs = qs.filter(pk=notice_id)
    return qs.update(read_at=timezone.now())
