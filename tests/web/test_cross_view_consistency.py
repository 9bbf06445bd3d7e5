"""One evaluation behind every view (issue 11, Done-when): for every indicator of every demo plan
(the data of ``chitieu web load_demo``) and of every plan under examples/, the scorecard page, the
API, ``chitieu evaluate --json`` and the DOCX report give the same status (the one state shown:
the verdict once final, the progress before), the same finality and the same printed figure.

The demo plans go through the real pages and endpoints (approved values, as leaders see them);
the CLI reads the same plan written out as a plan file (``planfile.plan_to_dict``) in a separate
process; the DOCX is the report of the same core plan, read back with python-docx. A plan file
of examples/ has no web page: its scorecard is built by the scorecard's own function
(``dashboards.scorecard.build_scorecard``) and its API form by the API's serializer."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from docx import Document

from chitieu.core.evaluate import evaluate_plan
from chitieu.planfile import load_plan, plan_to_dict
from chitieu.reports.document import report_bytes
from chitieu.web.dashboards import scorecard as sc

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
CHITIEU = str(Path(sys.executable).with_name("chitieu"))


def _suffix(unit) -> str:
    return "" if not unit else (unit if unit in ("%", "‰") else " " + unit)


def _printed(ev: dict) -> str:
    """The headline figure as every view prints it ("117,08", "1,42 lần"), "" when a level has none."""
    form = ev["form"]
    for key in {k.value: v for k, v in sc.HEADLINE_FIGURES.items()}.get(form, ()):
        for f in ev["figures"]:
            if f["key"] == key:
                return f["printed"] + _suffix(f["unit"])
    return ""


def _cli(plan_file: Path) -> dict[str, dict]:
    out = subprocess.run([CHITIEU, "evaluate", str(plan_file), "--json"], capture_output=True, text=True, check=True,
                         timeout=120)
    return {e["code"]: e for e in json.loads(out.stdout)["evaluations"]}


def _docx_verdicts(docx: bytes) -> dict[str, str]:
    """Indicator name → the verdict cell of its row in the report's appendix tables."""
    out = {}
    for table in Document(io.BytesIO(docx)).tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells]
            if len(cells) > 4 and cells[1]:
                out.setdefault(re.sub(r"^Trong đó:\s*", "", cells[1]), cells[-1])
    return out


def _docx_paragraphs(docx: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(docx)).paragraphs if p.text.strip()]


def _with_form(plan, rows: dict[str, dict]) -> dict[str, dict]:
    forms = {item.indicator.code: item.target.form.value for item, _d in plan.walk() if item.target is not None}
    for code, ev in rows.items():
        ev["form"] = forms[code]
    return rows


def _check_same(where: str, plan, api: dict, cli: dict, card: dict, docx: dict[str, str],
                paragraphs: list[str]) -> int:
    assert set(api) == set(cli) == set(card), where
    for code, a in api.items():
        c = cli[code]
        here = f"{where} {code}"
        assert (a["status"], a["status_label"], a["final"]) == (c["status"], c["status_label"], c["final"]), here
        assert _printed(a) == _printed(c), here
        assert card[code]["label"] == a["status_label"], here
        assert card[code]["printed"] == _printed(a), here
        assert docx.get(a["indicator"]) == a["status_label"], here
        if _printed(a):
            # the report's sentence on the indicator prints a figure of the same evaluation, at
            # the same decimals (the scorecard's headline is the index 120,43, the sentence the
            # rate 20,43%/năm: both are figures of the one evaluation)
            numbers = {f["printed"] for f in a["figures"] if f.get("printed")}
            said = " ".join(t for t in paragraphs if a["indicator"] in t)
            printed_there = set(re.findall(r"(?<![\d,.])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\d,])", said))
            assert numbers & printed_there, (here, sorted(numbers), said[:300])
    return len(api)


def _card_from_html(html: str) -> dict[str, dict]:
    out = {}
    for row in re.finditer(r'<tr class="[^"]*" data-code="([^"]+)">(.*?)</tr>', html, re.S):
        status = re.search(r'data-testid="status-[^"]+">([^<]+)<', row[2])
        if status is None:
            continue
        figure = re.search(r'class="db-figure"[^>]*>[^<]*<strong>([^<]+)</strong>', row[2])
        out[row[1]] = {"label": status[1], "printed": figure[1] if figure else ""}
    return out


def test_demo_plans_give_one_status_and_figure_in_every_view(db, client_for, tmp_path):
    from django.contrib.auth import get_user_model

    from chitieu.web.demo.build import load_demo
    from chitieu.web.plans.models import Plan

    load_demo("demo-mat-khau")
    client = client_for(get_user_model().objects.get(username="quantri"))
    checked = 0
    plans = list(Plan.objects.select_related("unit"))
    assert len(plans) >= 3
    for plan in plans:
        core = plan.to_core()
        where = f"{plan.unit.name} {plan.period}"
        body = client.get(f"/api/plans/{plan.pk}/evaluations").json()
        api = _with_form(core, {e["code"]: e for e in body["evaluations"]})
        path = tmp_path / f"plan-{plan.pk}.yaml"
        path.write_text(yaml.safe_dump(plan_to_dict(core), allow_unicode=True, sort_keys=False), encoding="utf-8")
        cli = _with_form(core, _cli(path))
        html = client.get(reverse("dashboards:scorecard", args=[plan.unit.pk, plan.pk])).content.decode()
        card = _card_from_html(html)
        docx = report_bytes(core)
        checked += _check_same(where, core, api, cli, card, _docx_verdicts(docx), _docx_paragraphs(docx))
    assert checked >= 30


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.name)
def test_example_plans_give_one_status_and_figure_in_every_view(example, db):
    from chitieu.commands.evaluate import evaluation_as_dict

    plan = load_plan(example)
    api = _with_form(plan, {e.indicator.code: evaluation_as_dict(e) for e in evaluate_plan(plan, parts=True)})
    cli = _with_form(plan, _cli(example))
    built = sc.build_scorecard(plan)
    card = {row.code: {"label": row.status_label, "printed": row.headline.value if row.headline else ""}
            for group in built.groups for row in group.rows if row.status is not None}
    docx = report_bytes(plan)
    assert _check_same(example.name, plan, api, cli, card, _docx_verdicts(docx), _docx_paragraphs(docx)) >= 10
