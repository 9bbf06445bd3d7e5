"""The planted development key, scored with the shared scorer: every kind ≥ 0,9 recall and
precision, no look-alike flagged."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from seeds import need_seeds  # noqa: E402


def test_the_planted_key_is_found_with_recall_and_precision_over_0_9(tmp_path):
    need_seeds()
    from check import devkey

    devkey.build(tmp_path)
    result = devkey.score(tmp_path)
    kinds = {"ratio", "sum", "growth", "same-indicator-two-values", "verdict", "count", "target-conflict", "period"}
    assert kinds <= set(result)
    for kind, d in result.items():
        assert d["key"] >= 5 or kind not in kinds, kind
        assert d["recall"] >= 0.9, (kind, d)
        assert d["precision"] >= 0.9, (kind, d)
