"""Build of chitieu. Pure Python by default (development, tests, editable installs).

With ``CHITIEU_COMPILE=1`` the reader's modules listed under ``[tool.chitieu] native-modules``
in pyproject.toml are compiled to C extensions with mypyc (mypy's compiler; the dev extra pins
it, and gcc and the Python headers are needed): the same code, about 1,3 times faster
(docs/extraction.md, "Speed"). Production installs build it so:

    CHITIEU_COMPILE=1 pip install --no-build-isolation -c constraints.txt .

``tests/extract/test_native_build.py`` builds the same modules and checks that they read every
corpus exactly as the Python modules do.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from setuptools import setup

HERE = Path(__file__).resolve().parent


def native_modules() -> list[str]:
    """The compiled modules' source files, relative to this folder."""
    config = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))
    return [f"src/{m.replace('.', '/')}.py" for m in config["tool"]["chitieu"]["native-modules"]]


if os.environ.get("CHITIEU_COMPILE") == "1":
    from mypyc.build import mypycify

    setup(ext_modules=mypycify(["--ignore-missing-imports", "--follow-imports=silent", *native_modules()]))
else:
    setup()
