"""The reader on the repository's own regression corpora (eval/synthetic-*: texts written blind
by helper sessions, each scored once before the reader was fixed against it; eval/README.md gives
those first scores). The floors keep what was reached, a little under it, so that a new rule that
breaks another shape of text fails here and not only in `scripts/score-extraction`."""

from __future__ import annotations

from pathlib import Path

import pytest
from reading import load_scorer

from chitieu.extract import extract, read_document
from chitieu.extract.export import to_json

EVAL = Path(__file__).resolve().parents[2] / "eval"
# F1 reached (2026-12-06) → floor; synthetic-4's remaining misses are plan cells beside their
# results, which the contract makes one statement and its keys two
FLOORS = {
    "synthetic-1": 0.99,
    "synthetic-2": 0.985,
    "synthetic-3": 0.97,
    "synthetic-4": 0.92,
    "synthetic-5": 0.975,
    "synthetic-7": 0.96,
    "synthetic-8": 0.965,
    "synthetic-9": 0.975,
    "synthetic-10": 0.97,
}


_scorer = load_scorer


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_each_regression_corpus_keeps_its_f1_and_fields(corpus, tmp_path):
    scorer = _scorer()
    gold = EVAL / corpus / "gold"
    for key in gold.glob("*.json"):
        doc = read_document(EVAL / corpus / "texts" / key.stem)
        (tmp_path / key.name).write_text(to_json(doc, extract(doc)), encoding="utf-8")
    result = scorer.score(gold, tmp_path)
    assert result["overall"]["f1"] >= FLOORS[corpus], result["overall"]
    low = {k: v for k, v in result["field_accuracy"].items() if v < 0.95}
    assert not low, low
