"""Deadline-week load on the national database: officers entering and submitting, reviewers
approving, leaders reading province scorecards, programs reading the API.

Started by ``benchmarks/load/deadline_run.py``, which builds the sessions beforehand and hands
them over in ``CHITIEU_LOAD`` (a JSON file); loopback only.

The request mix is the table ``MIX`` in ``deadline_mix.py``: who, how many of the simulated
users, and the paths they use. When the values workflow changes its URLs (web/values/urls.py),
update the paths there and nothing else. Each request's name in the output is "<who>: <what>".
"""

from __future__ import annotations

import itertools
import json
import os
import random
import sys
from pathlib import Path

import gevent
from locust import HttpUser, between, task

sys.path.insert(0, str(Path(__file__).resolve().parent))

PLAN = json.loads(open(os.environ["CHITIEU_LOAD"], encoding="utf-8").read()) if os.environ.get("CHITIEU_LOAD") else {}

from deadline_mix import (  # noqa: E402
    CSRF,
    MIX,
    REVIEW,
    ROW_SAVES_PER_SHEET,
    SAVES_PER_SUBMIT,
    THINK,
    changed,
    numeric_rows,
    path_of,
    row_fields,
    row_post,
    sheet_form,
)

if os.environ.get("CHITIEU_LOAD_THINK"):  # --think: one range for every role
    THINK = dict.fromkeys(THINK, tuple(float(x) for x in os.environ["CHITIEU_LOAD_THINK"].split(",")))


STAGGER = os.environ.get("CHITIEU_LOAD_STAGGER", "1") != "0"  # --no-stagger: 0


def _sessions(who: str):
    return itertools.cycle(PLAN.get(who) or [{}])


_next = {who: _sessions(who) for who in MIX}


class _Person(HttpUser):
    abstract = True
    who = ""

    def wait_time(self) -> float:
        return between(*THINK[self.who])(self)

    def on_start(self) -> None:
        # People do not all begin at the same instant: each starts at a random point of its
        # think time, so that the run measures the steady state of independent users and not a
        # burst of every officer opening a 100-row sheet within the spawn's first seconds.
        if STAGGER:
            gevent.sleep(random.uniform(0, THINK[self.who][1]))
        self.me = next(_next[self.who])
        if self.me.get("session"):
            self.client.cookies.set("sessionid", self.me["session"])

    def name(self, what: str) -> str:
        return f"{self.who}: {what}"


class Officer(_Person):
    """Enters the year's values of one commune: opens the sheet, saves a few rows one by one
    ("Lưu dòng", as htmx posts them), then saves the sheet whole and, every few whole saves,
    submits the year; the page comes back after each (the redirect). A year under review is only
    read."""

    weight = MIX["officer"][0]
    who = "officer"
    saves = 0
    rows_saved = 0
    data: dict = {}  # the sheet's fields as last read; empty: open the sheet next

    @task
    def enter(self) -> None:
        if not self.data:
            self.open_sheet()
        elif self.rows_saved < ROW_SAVES_PER_SHEET:
            self.save_row()
        else:
            self.save_sheet()

    def open_sheet(self) -> None:
        """GET the sheet (also what the browser does after a whole save's redirect)."""
        self.rows_saved = 0
        with self.client.get(path_of("officer", "values sheet", **self.me), name=self.name("values sheet"),
                             catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"sheet answered {resp.status_code}")
                self.data = {}
                return
            data = sheet_form(resp.text)
        # a year under review has nothing to type: the sheet is only read, opened again next time
        self.data = data if any(k.startswith("v-") for k in data) else {}

    def save_sheet(self) -> None:
        data, self.data = self.data, {}
        with self.client.post(path_of("officer", "values sheet", **self.me), data=changed(data),
                              name=self.name("save sheet"), allow_redirects=False, catch_response=True) as resp:
            if resp.status_code != 302:
                resp.failure(f"save answered {resp.status_code}")
                return
        self.saves += 1
        if self.saves % SAVES_PER_SUBMIT == 0:
            with self.client.post(path_of("officer", "submit", **self.me), name=self.name("submit"),
                                  data={"csrfmiddlewaretoken": data.get("csrfmiddlewaretoken", "")},
                                  allow_redirects=False, catch_response=True) as resp:
                if resp.status_code != 302:
                    resp.failure(f"submit answered {resp.status_code}")
        self.open_sheet()  # the redirect after either post

    def save_row(self) -> None:
        self.rows_saved += 1
        codes = numeric_rows(self.data)
        if not codes:
            self.data = {}
            return
        code = random.choice(codes)
        with self.client.post(path_of("officer", "save row", **self.me), data=row_post(self.data, code),
                              headers={"HX-Request": "true"}, name=self.name("save row"),
                              catch_response=True) as resp:
            if resp.status_code != 200 or 'role="alert"' in resp.text:
                resp.failure(f"row save answered {resp.status_code}")
                self.data = {}
                return
            self.data.update(row_fields(resp.text))


class Reviewer(_Person):
    """Approves what the communes of the province submitted, then opens it again (so that the
    officers can go on entering during the run)."""

    weight = MIX["reviewer"][0]
    who = "reviewer"

    @task
    def review(self) -> None:
        with self.client.get(path_of("reviewer", "review list"), name=self.name("review list"),
                             catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"review list answered {resp.status_code}")
                return
            ids = REVIEW.findall(resp.text)
        if not ids:
            return
        path = path_of("reviewer", "review", id=random.choice(ids))
        with self.client.get(path, name=self.name("review page"), catch_response=True) as resp:
            if resp.status_code != 200:
                resp.failure(f"review page answered {resp.status_code}")
                return
            token = CSRF.search(resp.text)
        for decision in ("approve", "reopen"):
            with self.client.post(path, data={"decision": decision, "comment": "Kiểm tra tải",
                                              "csrfmiddlewaretoken": token.group(1) if token else ""},
                                  name=self.name(decision), allow_redirects=False, catch_response=True) as resp:
                if resp.status_code != 302:
                    resp.failure(f"{decision} answered {resp.status_code}")
                    return


class Leader(_Person):
    """Reads the province scorecard (approved values) and, now and then, the home page."""

    weight = MIX["leader"][0]
    who = "leader"

    @task(4)
    def scorecard(self) -> None:
        with self.client.get(path_of("leader", "province scorecard", **self.me), name=self.name("province scorecard"),
                             catch_response=True) as resp:
            if resp.status_code != 200 or "chỉ tiêu đạt và vượt" not in resp.text:
                resp.failure(f"scorecard not shown ({resp.status_code})")

    @task(1)
    def home(self) -> None:
        self.client.get(path_of("leader", "home"), name=self.name("home"))


class ApiClient(_Person):
    """A program reading the province's evaluations and a commune's values with a token."""

    weight = MIX["api"][0]
    who = "api"

    @task
    def read(self) -> None:
        headers = {"Authorization": f"Bearer {self.me.get('token', '')}"}
        for what in ("plan evaluations", "unit values"):
            with self.client.get(path_of("api", what, **self.me), headers=headers, name=self.name(what),
                                 catch_response=True) as resp:
                if resp.status_code != 200:
                    resp.failure(f"API answered {resp.status_code}")
