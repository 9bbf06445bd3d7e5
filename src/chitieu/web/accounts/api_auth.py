"""Who calls the JSON API, and how often they may.

- A request that carries an ``Authorization`` header is judged by that header alone: a valid,
  unexpired, unrevoked bearer token of an active user, or **401** (JSON, with the reason) — the
  browser session is not consulted for it, so a bad token on a POST is a 401, not a CSRF failure.
- A request without the header may use the browser session (with Django's CSRF check on writes);
  with no session either it gets 401.
- Each authenticated user may make ``API_THROTTLE_RATE`` requests; refused tokens count against
  the client address at ``API_ANON_THROTTLE_RATE``, after which it gets **429** with Retry-After.

The rates are read from the settings at each request (not at import), so they can change with
the settings.
"""

from __future__ import annotations

import math
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from ninja.errors import AuthenticationError, Throttled
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth
from ninja.throttling import SimpleRateThrottle

from chitieu.web.accounts.models import ApiToken

REFUSALS = {
    "malformed": "Tiêu đề Authorization phải có dạng “Bearer <mã>” / the Authorization header must be “Bearer <token>”",
    "unknown": "Mã truy cập không đúng / unknown token",
    "revoked": "Mã truy cập đã bị thu hồi / the token has been revoked",
    "expired": "Mã truy cập đã hết hạn / the token has expired",
    "inactive_user": "Tài khoản của mã này đã bị khóa / the token's user is inactive",
}


class TokenRefused(AuthenticationError):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(401, REFUSALS[reason])


class _RateFromSettings(SimpleRateThrottle):
    setting = ""

    def __init__(self) -> None:  # the rate is read per request, see allow_request
        self.rate = None

    def allow_request(self, request) -> bool:
        self.rate = getattr(settings, self.setting)
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


class UserThrottle(_RateFromSettings):
    """``API_THROTTLE_RATE`` requests per authenticated user (token and session alike)."""

    setting = "API_THROTTLE_RATE"

    def get_cache_key(self, request):
        user = getattr(request, "auth", None)
        return None if user is None else f"throttle_api_user_{user.pk}"


class RefusalThrottle(_RateFromSettings):
    """``API_ANON_THROTTLE_RATE`` refused tokens per client address (guessing tokens is hopeless
    with 256 random bits, but nobody needs to try thousands of times)."""

    setting = "API_ANON_THROTTLE_RATE"

    def get_cache_key(self, request):
        return f"throttle_api_refused_{self.get_ident(request)}"


class BearerToken(HttpBearer):
    def __call__(self, request):
        value = request.headers.get(self.header)
        if value is None:
            return None  # no header: the session may authenticate the request
        scheme, _space, token = value.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            _refuse(request, "malformed")
        return self.authenticate(request, token.strip())

    def authenticate(self, request, token):
        found, refused = ApiToken.check_raw(token)
        if refused:
            _refuse(request, refused)
        # "Last used" to the minute is all an administrator needs; writing it on every call would
        # make each read a write (and serialise readers on SQLite).
        now = timezone.now()
        ApiToken.objects.filter(pk=found.pk).filter(
            Q(last_used__isnull=True) | Q(last_used__lt=now - timedelta(minutes=1))
        ).update(last_used=now)
        request.user = found.user
        return found.user


def _refuse(request, reason: str):
    throttle = RefusalThrottle()
    if not throttle.allow_request(request):
        raise Throttled(wait=throttle.wait())
    raise TokenRefused(reason)


class SessionAuth(NinjaSessionAuth):
    """The browser session, for requests without an Authorization header. Checked for CSRF only
    when there is a logged-in session to protect: no session at all is a plain 401."""

    def __call__(self, request):
        if request.headers.get("Authorization") is not None or not request.user.is_authenticated:
            return None
        return super().__call__(request)


def install(api) -> None:
    """The 401 of a refused token names the reason and, as RFC 6750 asks, carries WWW-Authenticate."""

    @api.exception_handler(TokenRefused)
    def _token_refused(request, exc: TokenRefused):
        response = api.create_response(request, {"detail": exc.message, "reason": exc.reason}, status=401)
        response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response

    @api.exception_handler(Throttled)
    def _throttled(request, exc: Throttled):
        response = api.create_response(
            request, {"detail": "Quá nhiều yêu cầu, hãy thử lại sau / too many requests, try again later"},
            status=429)
        if exc.wait is not None:
            response["Retry-After"] = str(math.ceil(exc.wait))
        return response
