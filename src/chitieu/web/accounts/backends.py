"""Login lockout (django-axes) as this site uses it: the backend that refuses a locked-out login and
the client address the failures are counted against."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses a login from a locked-out username and address; it never logs anyone in itself.

    ``authenticate()`` without a request comes from code (a management command, the shell, a
    test's ``Client.login``), not from a login form: there is no address to count, so it is let
    through to the next backend instead of raising.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """The client's address. Behind the declared proxy it is the last X-Forwarded-For entry, the
    one the proxy itself appended (the entries before it come from the client and can be forged)."""
    if settings.BEHIND_HTTPS_PROXY:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR", "") or "0.0.0.0"
