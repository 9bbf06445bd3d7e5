#!/usr/bin/env python3
"""Build the compiled reader (setup.py with CHITIEU_COMPILE=1: mypyc) in a copy of the source.

    .venv/bin/python scripts/native_build.py DEST

Copies ``src/``, ``setup.py`` and ``pyproject.toml`` into DEST, compiles the modules listed
under ``[tool.chitieu] native-modules`` in place and prints DEST/src: put it first on
PYTHONPATH to run chitieu with the compiled reader (the benchmark and
tests/extract/test_native_build.py do). Takes one to two minutes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build(dest: Path) -> Path:
    """Compile into ``dest`` and return the folder to put on PYTHONPATH."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(REPO / "src", dest / "src", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.egg-info"))
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, dest / name)
    done = subprocess.run(
        [sys.executable, "setup.py", "-q", "build_ext", "--inplace"],
        cwd=dest, env={**os.environ, "CHITIEU_COMPILE": "1"}, capture_output=True, text=True,
    )
    if done.returncode:
        sys.stderr.write(done.stdout[-3000:] + done.stderr[-3000:])
        raise subprocess.CalledProcessError(done.returncode, done.args)
    return dest / "src"


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(build(Path(sys.argv[1]).resolve()))
