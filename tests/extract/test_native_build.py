"""The compiled reader (mypyc, setup.py with CHITIEU_COMPILE=1: the production build) reads every
text exactly as the Python modules do: the seeds, the web texts and every eval corpus, every
field of every statement. mypyc checks annotations at run time, so an annotation that lies (a
tuple passed where ``list[str]`` is declared) fails here and not in production."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("CHITIEU_SHARED", REPO.parent / "shared"))

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler"),
]

# Reads every text named on stdin with the chitieu found first on sys.path; prints one JSON line
# per text (the module file of the extractor first, to tell which build ran).
READ_ALL = """
import dataclasses, json, sys
from chitieu.extract import extract, read_document
from chitieu.extract import extractor
print(extractor.__file__)
for path in sys.stdin.read().splitlines():
    try:
        out = [dataclasses.asdict(s) for s in extract(read_document(path))]
    except Exception as exc:
        out = {"error": type(exc).__name__}
    print(json.dumps(out, ensure_ascii=False, sort_keys=True, default=str))
"""


def _texts() -> list[str]:
    paths = sorted(SHARED.glob("seeds/*.txt")) + sorted(SHARED.glob("eval/web/texts/*"))
    paths += sorted(REPO.glob("eval/*/texts/*"))
    return [str(p) for p in paths if p.is_file()]


def _read_all(pythonpath: Path, texts: list[str]) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    done = subprocess.run([sys.executable, "-c", READ_ALL], input="\n".join(texts), env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout.splitlines()


def test_the_compiled_reader_reads_every_corpus_exactly_as_the_python_one(tmp_path):
    texts = _texts()
    assert len(texts) > 200
    built = subprocess.run([sys.executable, str(REPO / "scripts" / "native_build.py"), str(tmp_path / "native")],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    compiled = _read_all(Path(built.stdout.strip()), texts)
    python = _read_all(REPO / "src", texts)
    assert compiled[0].endswith(".so") and python[0].endswith("extractor.py"), (compiled[0], python[0])
    assert len(compiled) == len(python) == len(texts) + 1
    differ = [t for t, a, b in zip(texts, compiled[1:], python[1:], strict=True) if a != b]
    assert not differ, differ[:5]
    statements = sum(len(json.loads(line)) for line in python[1:] if line.startswith("["))
    assert statements > 5000
