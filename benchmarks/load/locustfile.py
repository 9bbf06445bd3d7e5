"""Load test of the chitieu web app: logged-in users reading a scorecard, programs reading the API.

Started by ``benchmarks/load/run.py``, which sets the environment below; loopback only.

- ``CHITIEU_BENCH_USER`` / ``CHITIEU_BENCH_PASSWORD``: a user who may see the demo town
- ``CHITIEU_BENCH_SCORECARD``: path of the scorecard page (``/units/<id>/plans/<id>/``)
- ``CHITIEU_BENCH_INDICATOR``: path of one indicator page
- ``CHITIEU_BENCH_API``: comma-separated API paths read with the token
- ``CHITIEU_BENCH_TOKEN``: the API token (``Authorization: Bearer …``)
- ``CHITIEU_BENCH_LOGIN``: path of the login form (default ``/accounts/login/``)
- ``CHITIEU_BENCH_THINK``: "low,high" seconds a user waits between two pages (default "2,8")
- ``CHITIEU_BENCH_SESSIONS``: comma-separated session keys made beforehand; when given, a user
  takes one instead of logging in with the form
"""

from __future__ import annotations

import itertools
import os
import re

from locust import HttpUser, between, task

USER = os.environ.get("CHITIEU_BENCH_USER", "bench")
PASSWORD = os.environ.get("CHITIEU_BENCH_PASSWORD", "")
LOGIN = os.environ.get("CHITIEU_BENCH_LOGIN", "/accounts/login/")
SCORECARD = os.environ.get("CHITIEU_BENCH_SCORECARD", "/")
INDICATOR = os.environ.get("CHITIEU_BENCH_INDICATOR", "")
API_PATHS = [p for p in os.environ.get("CHITIEU_BENCH_API", "").split(",") if p]
TOKEN = os.environ.get("CHITIEU_BENCH_TOKEN", "")

SESSIONS = [k for k in os.environ.get("CHITIEU_BENCH_SESSIONS", "").split(",") if k]
_next_session = itertools.cycle(SESSIONS) if SESSIONS else None
THINK = tuple(float(x) for x in os.environ.get("CHITIEU_BENCH_THINK", "2,8").split(","))
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Officer(HttpUser):
    """Someone with the scorecard open, reloading it and looking at an indicator."""

    weight = 3
    wait_time = between(*THINK)

    def on_start(self) -> None:
        if _next_session is not None:
            self.client.cookies.set("sessionid", next(_next_session))
            return
        page = self.client.get(LOGIN, name="login form")
        match = _CSRF.search(page.text)
        token = match.group(1) if match else self.client.cookies.get("csrftoken", "")
        with self.client.post(LOGIN, data={"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token},
                              headers={"Referer": self.host + LOGIN}, name="login", catch_response=True,
                              allow_redirects=False) as resp:
            if resp.status_code != 302:
                resp.failure(f"login refused ({resp.status_code})")

    @task(4)
    def scorecard(self) -> None:
        with self.client.get(SCORECARD, name="scorecard", catch_response=True) as resp:
            if resp.status_code != 200 or "chỉ tiêu đạt và vượt" not in resp.text:
                resp.failure(f"scorecard not shown ({resp.status_code})")

    @task(1)
    def indicator(self) -> None:
        if INDICATOR:
            self.client.get(INDICATOR, name="indicator page")


class ApiClient(HttpUser):
    """A program reading the API with a token."""

    weight = 2
    wait_time = between(*THINK)

    @task
    def read(self) -> None:
        for path in API_PATHS:
            with self.client.get(path, headers={"Authorization": f"Bearer {TOKEN}"}, name=f"api {path}",
                                 catch_response=True) as resp:
                if resp.status_code != 200:
                    resp.failure(f"API answered {resp.status_code}")
