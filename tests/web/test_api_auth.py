"""Who may call the API and how often: bad, revoked and expired tokens get a 401 in JSON (never a
CSRF failure), tokens expire, the API is throttled, and /api/docs works under our CSP (issue 10,
finding 8).

Reproduction of the finding: a bad token on a POST got "CSRF check Failed"; tokens could not be
revoked and never expired; /api/docs was blank (Swagger UI from a CDN our CSP blocks).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from chitieu.web.accounts.models import ApiToken
from chitieu.web.values.models import Value


@pytest.fixture(autouse=True)
def _fresh_throttles():
    # the throttles count in the cache, which outlives a test
    cache.clear()
    yield
    cache.clear()


def _values_url(plan) -> str:
    return f"/api/plans/{plan.pk}/values"


BODY = '{"year": 2023, "rows": [{"indicator": "KT04", "value": "70"}]}'


def test_a_bad_token_on_a_post_is_a_401_in_json_not_a_csrf_failure(ward_plan, officer):
    response = Client(HTTP_AUTHORIZATION="Bearer ct_khong-phai-ma-that").post(
        _values_url(ward_plan), BODY, content_type="application/json")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Mã truy cập không đúng / unknown token", "reason": "unknown"}
    assert response["WWW-Authenticate"] == 'Bearer error="invalid_token"'


def test_a_bad_token_is_refused_even_from_a_logged_in_browser(ward_plan, officer, client_for):
    c = client_for(officer)
    assert c.get("/api/units").status_code == 200  # the session alone is enough
    refused = c.get("/api/units", HTTP_AUTHORIZATION="Bearer ct_khong-phai-ma-that")
    assert refused.status_code == 401 and refused.json()["reason"] == "unknown"
    other_scheme = c.get("/api/units", HTTP_AUTHORIZATION="Basic Y2FuYm86bWF0a2hhdQ==")
    assert other_scheme.status_code == 401 and other_scheme.json()["reason"] == "malformed"


def test_a_session_post_without_the_csrf_token_is_still_refused(ward_plan, officer):
    c = Client(enforce_csrf_checks=True)
    c.force_login(officer)
    response = c.post(_values_url(ward_plan), BODY, content_type="application/json")
    assert response.status_code == 403 and response.json() == {"detail": "CSRF check Failed"}
    assert not Value.objects.filter(unit=ward_plan.unit).exists()


def test_no_credentials_at_all_is_a_401_also_on_a_post(ward_plan):
    response = Client(enforce_csrf_checks=True).post(_values_url(ward_plan), BODY, content_type="application/json")
    assert response.status_code == 401


def test_a_revoked_token_is_refused(officer):
    from chitieu.web.accounts.actions import do_revoke_token

    token, raw = ApiToken.issue(officer)
    do_revoke_token(token, acting_user=officer)
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/units")
    assert response.status_code == 401
    assert response.json()["detail"] == "Mã truy cập đã bị thu hồi / the token has been revoked"


def test_a_token_expires_after_api_token_days(officer, settings):
    settings.API_TOKEN_DAYS = 30
    token, raw = ApiToken.issue(officer)
    assert token.expires_at - timezone.now() > timedelta(days=29, hours=23)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert client.get("/api/units").status_code == 200
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.get("/api/units")
    assert response.status_code == 401 and response.json()["reason"] == "expired"


def test_a_token_of_a_deactivated_user_is_refused(officer):
    _token, raw = ApiToken.issue(officer)
    officer.is_active = False
    officer.save()
    response = Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/units")
    assert response.status_code == 401 and response.json()["reason"] == "inactive_user"


def test_each_user_is_throttled_at_the_api_rate(officer, viewer, api_for, settings):
    settings.API_THROTTLE_RATE = "3/min"
    officer_api = api_for(officer)
    assert [officer_api.get("/api/units").status_code for _ in range(4)] == [200, 200, 200, 429]
    throttled = officer_api.get("/api/units")
    assert throttled.status_code == 429 and 0 < int(throttled["Retry-After"]) <= 60
    assert "too many requests" in throttled.json()["detail"]
    assert api_for(viewer).get("/api/units").status_code == 200  # another user has their own count


def test_refused_tokens_from_one_address_are_throttled(officer, settings):
    settings.API_ANON_THROTTLE_RATE = "5/min"
    guesser = Client(HTTP_AUTHORIZATION="Bearer ct_doan-mo")
    assert [guesser.get("/api/units").status_code for _ in range(6)] == [401] * 5 + [429]
    # a valid token from elsewhere is not affected
    _token, raw = ApiToken.issue(officer)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}", REMOTE_ADDR="198.51.100.9").get("/api/units").status_code == 200


def test_a_bad_rate_in_the_environment_is_refused_loudly(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from chitieu.web.settings import envrate

    monkeypatch.setenv("API_THROTTLE_RATE", "nhiều")
    with pytest.raises(ImproperlyConfigured, match="API_THROTTLE_RATE"):
        envrate("API_THROTTLE_RATE", "600/min")
    monkeypatch.setenv("API_THROTTLE_RATE", "100/h")
    assert envrate("API_THROTTLE_RATE", "600/min") == "100/h"


def test_the_api_docs_load_swagger_ui_from_our_own_static_files(db):
    c = Client()
    page = c.get("/api/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in assets and "/static/ninja/swagger-ui.css" in assets
    assert all(a.startswith("/") and not a.startswith("//") for a in assets), assets  # same origin only
    # no inline script for the CSP to block: the only <script> without src is JSON data
    scripts = re.findall(r"<script([^>]*)>", html)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts), scripts
    assert "script-src 'self'" in page["Content-Security-Policy"]
    for asset in assets:
        response = c.get(asset)
        assert response.status_code == 200, asset
        assert b"".join(response.streaming_content if response.streaming else [response.content])
    assert c.get("/api/openapi.json").json()["info"]["title"] == "chitieu API"
