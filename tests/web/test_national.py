"""The national benchmark database (``chitieu web build_national``) on a slice: the first
province of the 2025 list with five indicators, its communes' approved values, and a province
scorecard that shows them."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from django.core.management import CommandError, call_command

from chitieu.core.numbers import format_number
from chitieu.web.demo import national

pytestmark = pytest.mark.django_db

vietnam_provinces = pytest.importorskip("vietnam_provinces")


def _first_province() -> dict:
    data = json.loads(resources.files("vietnam_provinces").joinpath("data", "nested-divisions.json").read_text())
    return min(data, key=lambda p: p["code"])


def test_the_package_holds_the_34_provinces_and_3321_communes_of_the_2025_reform():
    country = national.divisions()
    assert len(country) == 34
    assert sum(len(p["wards"]) for p in country) == 3321
    assert {national.LEVELS[p["division_type"]] for p in country} == {"tinh", "thanh_pho_tw"}


def test_a_plan_of_five_indicators_still_has_five_target_forms():
    from chitieu.core.targets import parse_target

    kinds = {"KT01": "flow", "XH02": "rate", "XH06N": "count", "KT09": "level", "XH14": "boolean"}
    specs = national.plan_specs(5)
    assert [s.code for s in specs] == list(kinds)
    forms = {str(parse_target(s.phrase, indicator_kind=kinds[s.code]).form) for s in specs}
    assert forms == {"growth", "level", "change", "multiple", "qualitative"}
    hundred = national.plan_specs(100)
    assert len(hundred) == len({s.code for s in hundred}) == 100
    assert {"KT07", "KT07.1", "KT07.2", "KT07.3"} <= {s.code for s in hundred}  # structure with its parts
    # a structure is never cut from its parts
    assert not any(s.code.startswith("KT07") for s in national.plan_specs(7))


def test_one_province_with_five_indicators_is_built_with_every_row_counted(client):
    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Membership, Role
    from chitieu.web.plans.models import Plan, PlanTarget
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Submission, Value

    call_command("build_national", provinces=1, indicators=5, years="2020-2025")

    source = _first_province()
    communes = len(source["wards"])
    province = AdministrativeUnit.objects.get(parent=None)
    assert (province.code, province.name) == (f"{source['code']:02d}", source["name"])
    assert AdministrativeUnit.objects.filter(parent=province).count() == communes
    assert set(AdministrativeUnit.objects.filter(parent=province).values_list("level", flat=True)) <= {
        "xa", "phuong", "dac_khu"}
    plan = Plan.objects.get()
    assert (plan.unit, plan.base_year, plan.final_year) == (province, 2020, 2025)
    assert PlanTarget.objects.filter(plan=plan).count() == 5
    # one value per unit (the communes and the province), indicator and year
    assert Value.objects.count() == (communes + 1) * 5 * 6
    assert Value.objects.filter(year=2025, status="uoc").count() == (communes + 1) * 5
    assert Submission.objects.count() == (communes + 1) * 6
    assert set(Submission.objects.values_list("state", flat=True)) == {"approved"}

    # the province's own retail sales are its communes' sum (the indicator sums)
    kt01 = Value.objects.filter(indicator__code="KT01", year=2020)
    communes_total = sum(float(v) for v in kt01.exclude(unit=province).values_list("value", flat=True))
    province_value = float(kt01.get(unit=province).value)
    assert province_value == pytest.approx(communes_total, abs=0.06)

    # a leader of the province sees the approved figures on its scorecard
    leader = get_user_model().objects.create_user("lanhdao.tinh", password="x")
    Membership.objects.create(user=leader, unit=province, role=Role.VIEWER)
    client.force_login(leader)
    page = client.get(f"/units/{province.pk}/plans/{plan.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    latest = float(Value.objects.get(unit=province, indicator__code="KT01", year=2025).value)
    assert format_number(latest, 1) in text
    summary = re.search(r'data-testid="summary">(\d+)/(\d+) <small>', text)
    assert summary is not None and summary.group(2) == "5"
    chips = re.findall(r'<span class="chip [^"]*">([^<]+): (\d+)</span>', text)
    assert chips and sum(int(n) for _label, n in chips) == 5
    assert not [label for label, _n in chips if "Chưa đủ số liệu" in label]  # every target has its data


def test_a_database_that_already_has_data_is_refused(places):
    with pytest.raises(CommandError, match="không trống|đã có dữ liệu") as info:
        call_command("build_national", provinces=1, indicators=5)
    assert "4 đơn vị" in str(info.value) and "not empty" in str(info.value)


def test_without_the_package_the_command_says_which_to_install(monkeypatch):
    monkeypatch.setattr(national, "PACKAGE", "vietnam_provinces_absent")
    with pytest.raises(CommandError, match="vietnam-provinces==2025.10.1"):
        call_command("build_national", provinces=1, indicators=5)


def test_bad_options_are_refused_in_words():
    with pytest.raises(CommandError, match="Khoảng năm"):
        call_command("build_national", provinces=1, indicators=5, years="2025")
    with pytest.raises(CommandError, match="--provinces"):
        call_command("build_national", provinces=40, indicators=5)


def test_the_load_test_officer_posts_the_values_sheet_back_and_it_is_saved(client):
    """benchmarks/load/deadline.py reads the sheet as a browser would and posts it back with
    three numbers lowered by 1: the values are saved (what the load test measures as writes)."""
    import sys
    from pathlib import Path

    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Membership, Role
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Submission, Value

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "load"))
    import deadline_mix as deadline

    call_command("build_national", provinces=1, indicators=5)
    plan = Plan.objects.get()
    commune = AdministrativeUnit.objects.exclude(parent=None).order_by("code").first()
    Submission.objects.filter(unit=commune, year=2025).update(state=Submission.State.DRAFT)
    officer = get_user_model().objects.create_user("canbo.xa", password="x")
    Membership.objects.create(user=officer, unit=commune, role=Role.OFFICER)
    client.force_login(officer)
    path = deadline.path_of("officer", "values sheet", unit=commune.pk, plan=plan.pk, year=2025)

    form = deadline.sheet_form(client.get(path).content.decode())
    assert {f"v-{code}" for code in ("KT01", "XH02", "XH06N", "KT09", "XH14")} <= set(form)
    posted = deadline.changed(form)
    lowered = {name[2:]: value for name, value in posted.items() if value != form[name]}
    assert len(lowered) == 3
    assert client.post(path, posted).status_code == 302
    for code, typed in lowered.items():
        stored = Value.objects.get(unit=commune, indicator__code=code, year=2025)
        assert float(stored.value) == float(typed.replace(",", "."))


def test_the_load_test_officer_saves_rows_one_by_one_as_htmx_does(client):
    """benchmarks/load/deadline.py's row save ("Lưu dòng"): the whole form and the row's code
    posted, the row lowered by 1 is stored, and the row sent back carries the new version, so
    that saving the same row again is not refused as stale."""
    import sys
    from pathlib import Path

    from django.contrib.auth import get_user_model

    from chitieu.web.accounts.models import Membership, Role
    from chitieu.web.plans.models import Plan
    from chitieu.web.units.models import AdministrativeUnit
    from chitieu.web.values.models import Submission, Value

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks" / "load"))
    import deadline_mix as deadline

    call_command("build_national", provinces=1, indicators=5)
    plan = Plan.objects.get()
    commune = AdministrativeUnit.objects.exclude(parent=None).order_by("code").first()
    Submission.objects.filter(unit=commune, year=2025).update(state=Submission.State.DRAFT)
    officer = get_user_model().objects.create_user("canbo.xa", password="x")
    Membership.objects.create(user=officer, unit=commune, role=Role.OFFICER)
    client.force_login(officer)
    sheet = deadline.path_of("officer", "values sheet", unit=commune.pk, plan=plan.pk, year=2025)
    row = deadline.path_of("officer", "save row", unit=commune.pk, plan=plan.pk, year=2025)
    data = deadline.sheet_form(client.get(sheet).content.decode())
    code = deadline.numeric_rows(data)[0]
    for _ in range(2):  # the second save uses the version the first one sent back
        posted = deadline.row_post(data, code)
        resp = client.post(row, posted, HTTP_HX_REQUEST="true")
        assert resp.status_code == 200 and 'role="alert"' not in resp.content.decode()
        stored = Value.objects.get(unit=commune, indicator__code=code, year=2025)
        assert float(stored.value) == float(posted[f"v-{code}"].replace(",", "."))
        data.update(deadline.row_fields(resp.content.decode()))
        assert data[f"ver-{code}"].endswith(str(stored.version))
