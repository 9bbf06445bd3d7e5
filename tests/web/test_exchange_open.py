"""Open exports: tidy values and evaluations as CSV, JSON, XLSX and a Frictionless data package
that ``frictionless validate`` accepts; filtered by unit subtree, plan and years; the user sees
only their units."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from chitieu.cli import main
from chitieu.core.evaluate import evaluate_plan
from chitieu.web.values.actions import do_approve, do_save_values, do_submit

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def _get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content).decode()


@pytest.fixture
def figures(ward_plan, town_plan, places, officer, reviewer):
    do_save_values(places.ward2, ward_plan, 2023, [{"indicator": "KT01", "value": "262", "source": "Chi cục"},
                                                   {"indicator": "XH09", "value": "91,5"}], acting_user=officer)
    do_save_values(places.ward2, ward_plan, 2024, [{"indicator": "KT01", "value": "1.234,5"}], acting_user=officer)
    do_approve(do_submit(places.ward2, ward_plan, 2023, acting_user=officer), acting_user=reviewer)
    do_save_values(places.town, town_plan, 2024, [{"indicator": "KT01", "value": "5164"}], acting_user=None)
    return ward_plan


def test_values_as_tidy_csv_with_approval_and_points(figures, places, officer, client_for):
    rows = list(csv.DictReader(io.StringIO(_get(client_for(officer), "/exchange/open/?table=values&format=csv"))))
    assert [(r["unit_code"], r["indicator_code"], r["year"], r["value"], r["approval"]) for r in rows] == [
        ("19502", "KT01", "2023", "262", "approved"), ("19502", "KT01", "2024", "1234.5", "draft"),
        ("19502", "XH09", "2023", "91.5", "approved")]
    first = rows[0]
    assert first["unit_name"] == "Phường 2" and first["indicator_unit"] == "tỷ đồng" and first["status"] == "chinh_thuc"
    assert first["source"] == "Chi cục" and first["entered_by"] == "canbo.phuong2" and first["approved_by"] == "kiemtra.thixa"
    assert first["entered_at"].endswith("Z") and first["approved_at"].endswith("Z")


def test_filters_by_subtree_plan_and_years(figures, places, reviewer, client_for):
    client = client_for(reviewer)
    everything = list(csv.DictReader(io.StringIO(_get(client, "/exchange/open/?format=csv"))))
    assert {r["unit_code"] for r in everything} == {"464", "19502"}
    ward = list(csv.DictReader(io.StringIO(_get(client, "/exchange/open/?format=csv&unit=19502&years=2024"))))
    assert [(r["unit_code"], r["year"]) for r in ward] == [("19502", "2024")]
    data = json.loads(_get(client, f"/exchange/open/?format=json&plan={figures.pk}&years=2020-2023"))
    assert [(r["indicator_code"], r["year"], r["value"]) for r in data] == [("KT01", 2023, 262), ("XH09", 2023, 91.5)]


def test_evaluations_are_the_one_evaluation(figures, places, reviewer, client_for):
    rows = list(csv.DictReader(io.StringIO(_get(client_for(reviewer),
                                                f"/exchange/open/?table=evaluations&format=csv&plan={figures.pk}"))))
    expected = evaluate_plan(figures.to_core(places.ward2))
    assert [(r["indicator_code"], r["status"], r["reason"]) for r in rows] == [
        (e.indicator.code, e.state, e.reason) for e in expected]
    assert {r["unit_code"] for r in rows} == {"19502"}


def test_the_outsider_gets_nothing_of_the_other_ward(figures, places, outsider, client_for):
    client = client_for(outsider)
    assert client.get("/exchange/open/?unit=19502&format=csv").status_code == 404
    assert client.get(f"/exchange/open/?plan={figures.pk}&format=csv").status_code == 404
    assert _get(client, "/exchange/open/?format=csv").splitlines()[1:] == []
    assert client.get("/api/exchange/open/values?unit=19502").status_code == 404


def test_xlsx_has_one_sheet_per_table(figures, officer, client_for):
    response = client_for(officer).get("/exchange/open/?format=xlsx")
    wb = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert wb.sheetnames == ["values", "evaluations", "units", "indicators"]
    values = list(wb["values"].iter_rows(values_only=True))
    assert values[0][:8] == ("unit_code", "unit_name", "indicator_code", "indicator_name", "indicator_unit", "year",
                             "status", "value")
    assert values[2][7] == 1234.5


def _validate(package: Path) -> dict:
    folder = package.parent / "pkg"
    with zipfile.ZipFile(package) as z:
        z.extractall(folder)
    result = subprocess.run([str(FRICTIONLESS), "validate", "--json", str(folder / "datapackage.json")],
                            capture_output=True, text=True, timeout=300, cwd=folder)
    report = json.loads(result.stdout)
    return report


def test_the_data_package_validates_with_frictionless(figures, officer, client_for, tmp_path):
    response = client_for(officer).get("/exchange/open/?format=datapackage")
    package = tmp_path / "chitieu.zip"
    package.write_bytes(b"".join(response.streaming_content))
    report = _validate(package)
    assert report["valid"], json.dumps(report["tasks"], ensure_ascii=False)[:3000]
    descriptor = json.loads(zipfile.ZipFile(package).read("datapackage.json"))
    values = next(r for r in descriptor["resources"] if r["name"] == "values")
    assert values["schema"]["primaryKey"] == ["unit_code", "indicator_code", "year", "status"]
    assert {fk["reference"]["resource"] for fk in values["schema"]["foreignKeys"]} == {"units", "indicators"}


@pytest.mark.slow
def test_the_demo_package_validates_with_frictionless(db, tmp_path):
    from chitieu.web.demo.build import load_demo

    load_demo("demo-mat-khau")
    package = tmp_path / "demo.zip"
    assert main(["export", "datapackage", "-o", str(package), "--no-progress"]) == 0
    report = _validate(package)
    assert report["valid"], json.dumps(report["tasks"], ensure_ascii=False)[:3000]
    rows = {t["name"]: t["stats"]["rows"] for t in report["tasks"]}
    assert rows["values"] > 100 and rows["evaluations"] > 20
