"""Helpers shared by the reader's tests: a text given as its lines read whole, the figure of a
statement's compared target, and the shared scorer of ../shared/eval."""

from __future__ import annotations

import importlib.util

import pytest

from chitieu.extract.document import Document
from chitieu.extract.extractor import extract
from seeds import SHARED


def read_lines(*lines: str):
    """Every statement of a text made of ``lines`` (one line each), as ``extract`` gives them."""
    return extract(Document("t.txt", "txt", tuple(lines)))


def plan_of(s):
    """The compared target's figure (its lower bound, else its upper), or None."""
    if not s.compared_target:
        return None
    low = s.compared_target["low"]
    return low if low is not None else s.compared_target["high"]


def load_scorer():
    """../shared/eval/score_extraction.py as a module (the test is skipped where it is missing)."""
    path = SHARED / "eval" / "score_extraction.py"
    if not path.exists():
        pytest.skip(f"the scorer is not at {path} (set CHITIEU_SHARED)")
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
