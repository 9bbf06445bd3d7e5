"""The checker on the blind draft sets under eval/ (checker-1 to checker-4: drafts with planted
inconsistencies and look-alikes, written by helper sessions that never saw the checker; first
scores in eval/README.md). The floors keep what was reached, so that a new rule that breaks
another shape of draft, or flags a look-alike, fails here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from check.devkey import scorer  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "eval"
# recall over the errors the text alone proves, and precision (2026-12-06)
FLOORS = {"checker-1": (0.95, 1.0), "checker-2": (0.85, 1.0), "checker-3": (1.0, 1.0), "checker-4": (0.82, 1.0)}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_each_blind_draft_set_keeps_its_recall_and_precision(corpus):
    from chitieu.check import check_document, to_json
    from chitieu.extract import read_document

    sc = scorer()
    errors = hits = predicted = true = 0
    for key_path in sorted((EVAL / corpus / "keys").glob("*.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        doc = read_document(EVAL / corpus / "texts" / key_path.name.removesuffix(".json"))
        preds = json.loads(to_json(doc.name, check_document(doc)))["findings"]
        r = sc.score_document(key, preds)
        wanted = [i for i, f in enumerate(key["findings"]) if f["severity"] == "error" and f["checkable"] == "self"]
        errors += len(wanted)
        hits += sum(i in r["matched_keys"] for i in wanted)
        predicted += r["counted"]
        true += r["tp"]
    recall, precision = hits / errors, true / predicted
    assert recall >= FLOORS[corpus][0], (corpus, recall)
    assert precision >= FLOORS[corpus][1], (corpus, precision)
