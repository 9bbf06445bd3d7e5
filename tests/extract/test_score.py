"""Measured against the hand-labelled answer keys with the project's scorer."""

from __future__ import annotations

import importlib.util
import json

import pytest
from extract_fixtures import GOLD, SEEDS, SHARED, need_seeds

from chitieu.extract import extract, read_document
from chitieu.extract.export import to_json


@pytest.fixture(scope="module")
def score(tmp_path_factory):
    need_seeds()
    scorer = SHARED / "eval" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", scorer)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("extracted")
    for gold in GOLD.glob("*.json"):
        doc = read_document(SEEDS / gold.stem)
        (out / gold.name).write_text(to_json(doc, extract(doc)), encoding="utf-8")
    return module.score(GOLD, out)


def test_f1_on_the_answer_keys_is_at_least_0_97(score):
    assert score["overall"]["f1"] >= 0.97, json.dumps(score["overall"])


def test_every_field_is_right_in_at_least_nine_of_ten_matched_statements(score):
    low = {k: v for k, v in score["field_accuracy"].items() if v < 0.95}
    assert not low, low


def test_the_output_is_the_contract_s_json(tmp_path):
    need_seeds()
    doc = read_document(SEEDS / "004_fb128d8d27edeb81.txt")
    payload = json.loads(to_json(doc, extract(doc)))
    assert payload["document"] == "004_fb128d8d27edeb81.txt"
    first = payload["statements"][0]
    assert set(first) == {
        "kind",
        "indicator",
        "domain",
        "value",
        "unit",
        "per_year",
        "year",
        "period",
        "compared_target",
        "stated_status",
        "line",
        "quote",
    }
    assert set(first["value"]) == {"op", "low", "high"}
    domains = {s["domain"] for s in payload["statements"]}
    assert domains <= {
        "kinh_te",
        "van_hoa_xa_hoi",
        "moi_truong_do_thi",
        "cai_cach_hanh_chinh",
        "quoc_phong_an_ninh",
        "xay_dung_dang",
        None,
    }
