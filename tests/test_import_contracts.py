"""The import contracts of .importlinter: core, extract and reports stay free of Django and of
the web layer. Runs ``lint-imports`` as CI does (scripts/test)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_import_contracts_hold():
    run = _lint()
    assert run.returncode == 0, run.stdout + run.stderr
    assert "chitieu.core imports no other part of chitieu and no Django KEPT" in run.stdout
    assert "chitieu.extract and chitieu.reports import no Django and not chitieu.web KEPT" in run.stdout
    assert "3 kept, 0 broken" in run.stdout


def test_the_linter_sees_django_imports(tmp_path):
    # the same settings, a contract that must break: without it a contract that sees no
    # imports at all (a wrong root package, external packages left out) would pass silently
    config = tmp_path / "broken.ini"
    config.write_text(
        "[importlinter]\nroot_package = chitieu\ninclude_external_packages = True\n\n"
        "[importlinter:contract:web]\nname = the catalogue without Django\ntype = forbidden\n"
        "source_modules =\n    chitieu.web.catalog.models\nforbidden_modules =\n    django\n"
    )
    run = _lint("--config", str(config))
    assert run.returncode == 1
    assert "the catalogue without Django BROKEN" in run.stdout
    assert "chitieu.web.catalog.models -> django" in run.stdout
