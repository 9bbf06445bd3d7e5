"""The request mix of the deadline-week load test and the reading of the values sheet, without
locust (so that the tests can check them against the real pages): ``MIX`` is the one table to
update when the values workflow changes its URLs (web/values/urls.py)."""

from __future__ import annotations

import html
import random
import re

# who: (weight among the simulated users, {what: path template}); {unit}, {plan}, {year}, {id},
# {code} are filled from the session each simulated user takes.
MIX = {
    "officer": (50, {
        "values sheet": "/units/{unit}/plans/{plan}/entry/{year}/",           # GET, then POST it back (save)
        "save row": "/units/{unit}/plans/{plan}/entry/{year}/row/",            # POST one row (htmx "Lưu dòng")
        "submit": "/units/{unit}/plans/{plan}/entry/{year}/submit/",           # POST
    }),
    "reviewer": (10, {
        "review list": "/review/?state=submitted",                             # GET
        "review": "/submissions/{id}/review/",                                 # GET, POST decision=approve|reopen
    }),
    "leader": (30, {
        "province scorecard": "/units/{unit}/plans/{plan}/",                   # GET
        "home": "/",                                                           # GET
    }),
    "api": (10, {
        "plan evaluations": "/api/plans/{plan}/evaluations",                   # GET with the token
        "unit values": "/api/units/{code}/values",                             # GET with the token
    }),
}
SAVES_PER_SUBMIT = 1  # an officer submits the year after saving the sheet whole (a reviewer reopens it)

# Seconds between two actions of a person, by role (``--think`` overrides them all): an officer
# types a value or two before saving a row, a reviewer reads the submission before deciding, a
# leader reads a scorecard; a program polls. The earlier, uniform 2-8 s made every officer save a
# 100-indicator sheet twice a minute, several times what a person typing can do.
THINK = {"officer": (5.0, 15.0), "reviewer": (5.0, 15.0), "leader": (5.0, 20.0), "api": (2.0, 8.0)}
ROW_SAVES_PER_SHEET = 3  # row saves ("Lưu dòng") for each time the sheet is opened and saved whole

_INPUT = re.compile(r'<input\b([^>]*)>')
_SELECT = re.compile(r'<select\b([^>]*)>(.*?)</select>', re.S)
_ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
REVIEW = re.compile(r'/submissions/(\d+)/review/')


def path_of(who: str, what: str, **fields) -> str:
    return MIX[who][1][what].format(**fields)


def sheet_form(page: str) -> dict[str, str]:
    """The fields of the values sheet (form ``entry-form``) as the browser would post them."""
    start = page.find('id="entry-form"')
    end = page.find("</form>", start)
    if start < 0 or end < 0:
        return {}
    form = page[start:end]
    data: dict[str, str] = {}
    for attrs in _INPUT.findall(form):
        a = dict(_ATTR.findall(attrs))
        if a.get("name") and a.get("type") not in ("submit", "button"):
            data[a["name"]] = html.unescape(a.get("value", ""))
    for attrs, options in _SELECT.findall(form):
        a = dict(_ATTR.findall(attrs))
        chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', options)
        if a.get("name"):
            data[a["name"]] = html.unescape(chosen.group(1)) if chosen else ""
    token = CSRF.search(page)
    if token:
        data["csrfmiddlewaretoken"] = token.group(1)
    return data


def changed(data: dict[str, str], n: int = 3) -> dict[str, str]:
    """The sheet with ``n`` numbers of at least 10 lowered by 1 (stays a valid count or rate),
    typed the Vietnamese way (1234,5)."""
    numeric = []
    for name, value in data.items():
        if not name.startswith("v-") or not value:
            continue
        try:
            number = float(value.replace(".", "").replace(",", ".") if "," in value else value)
        except ValueError:
            continue
        if number >= 10:
            numeric.append((name, number))
    out = dict(data)
    for name, number in random.sample(numeric, min(n, len(numeric))):
        out[name] = f"{number - 1:.1f}".replace(".", ",")
    return out


def row_post(data: dict[str, str], code: str) -> dict[str, str]:
    """What the browser posts when "Lưu dòng" of row ``code`` is pressed (htmx sends the whole
    form and the row's code), that row's number lowered by 1 as ``changed`` does."""
    out = dict(data)
    value = data.get(f"v-{code}", "")
    try:
        number = float(value.replace(".", "").replace(",", ".") if "," in value else value)
    except ValueError:
        number = None
    if number is not None and number >= 10:
        out[f"v-{code}"] = f"{number - 1:.1f}".replace(".", ",")
    out["row"] = code
    return out


def row_fields(fragment: str) -> dict[str, str]:
    """The fields of a row the server sent back (its new version above all), as ``sheet_form``
    reads them, so that the next save of that row is not refused as stale."""
    data: dict[str, str] = {}
    for attrs in _INPUT.findall(fragment):
        a = dict(_ATTR.findall(attrs))
        if a.get("name") and a.get("type") not in ("submit", "button"):
            data[a["name"]] = html.unescape(a.get("value", ""))
    return data


def numeric_rows(data: dict[str, str]) -> list[str]:
    """The codes of the sheet's rows holding a number of at least 10 (``row_post`` lowers it)."""
    codes = []
    for name, value in data.items():
        if name.startswith("v-") and value:
            try:
                number = float(value.replace(".", "").replace(",", ".") if "," in value else value)
            except ValueError:
                continue
            if number >= 10:
                codes.append(name[2:])
    return codes
