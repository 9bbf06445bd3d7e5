"""Safe defaults and a clean ``check --deploy`` (issue 10, finding 8).

Reproduction of the finding: without settings DEBUG was on with a public SECRET_KEY; under the
documented production variables ``check --deploy`` warned 4 times. Each test here runs
``chitieu`` in a fresh process with exactly the environment it names (no pytest marker, so the
settings behave as in production).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DEPLOY_DOC = Path(__file__).resolve().parents[2] / "docs" / "deploy.md"
SECRET = "Zx8" + "q7W" * 20  # 63 characters, many distinct ones: the shape check --deploy wants


def documented_production_environment() -> dict[str, str]:
    """The variables of the first ```sh block of docs/deploy.md, the page operators follow."""
    block = re.search(r"```sh\n(.*?)```", DEPLOY_DOC.read_text(encoding="utf-8"), re.S).group(1)
    env = {}
    for line in block.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _eq, value = line.partition("=")
            env[name.strip()] = value.strip()
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    return subprocess.run([sys.executable, "-m", "chitieu.cli", *args], env={**base, **env}, cwd=cwd,
                          capture_output=True, text=True, timeout=180)


def test_the_documented_production_settings_pass_check_deploy_without_a_warning(tmp_path):
    env = documented_production_environment()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "DATABASE_URL", "BEHIND_HTTPS_PROXY",
            "SECURE_SSL_REDIRECT", "SECURE_COOKIES", "SECURE_HSTS_SECONDS", "EMAIL_HOST", "LOG_FILE"} <= set(env)
    env.update(SECRET_KEY=SECRET,  # the page says to generate one; the placeholder is what people replace
               DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",  # no PostgreSQL connection is needed to check
               CHITIEU_HOME=str(tmp_path), STATIC_ROOT=str(tmp_path / "static"),
               LOG_FILE=str(tmp_path / "chitieu.log"))
    done = _run(["web", "check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues (0 silenced)." in done.stdout
    assert "WARNING" not in done.stdout + done.stderr


def test_the_page_lists_every_variable_the_settings_read():
    settings_source = (Path(__file__).resolve().parents[2] / "src/chitieu/web/settings.py").read_text(encoding="utf-8")
    read = set(re.findall(r'env(?:str|bool|int|list|rate)\("([A-Z_]+)"', settings_source))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', settings_source))
    documented = set(re.findall(r"^\| `([A-Z_]+)`", DEPLOY_DOC.read_text(encoding="utf-8"), re.M))
    documented |= {n for row in re.findall(r"^\| (`[A-Z_]+`(?:[ ,/]+`[A-Z_]+`)+)", DEPLOY_DOC.read_text(encoding="utf-8"), re.M)
                   for n in re.findall(r"`([A-Z_]+)`", row)}
    assert read - documented == set()


def test_without_settings_debug_is_off_and_a_secret_key_is_demanded(tmp_path):
    done = _run(["web", "check"], {"CHITIEU_HOME": str(tmp_path)}, tmp_path)
    assert done.returncode == 2
    assert "SECRET_KEY is not set" in done.stderr and "docs/deploy.md" in done.stderr
    assert "Traceback" not in done.stderr


def test_with_only_a_secret_key_debug_is_off(tmp_path):
    env = {"CHITIEU_HOME": str(tmp_path), "SECRET_KEY": SECRET, "DJANGO_SETTINGS_MODULE": "chitieu.web.settings"}
    base = {k: os.environ[k] for k in ("PATH", "HOME") if k in os.environ}
    done = subprocess.run([sys.executable, "-c", "from django.conf import settings; print(settings.DEBUG)"],
                          env={**base, **env}, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.stdout.strip() == "False", done.stderr


def test_the_public_development_key_is_refused_with_debug_off(tmp_path):
    from chitieu.web.settings import DEVELOPMENT_SECRET_KEY

    done = _run(["web", "check"], {"CHITIEU_HOME": str(tmp_path), "SECRET_KEY": DEVELOPMENT_SECRET_KEY}, tmp_path)
    assert done.returncode == 2 and "SECRET_KEY must be set to a secret value" in done.stderr


@pytest.mark.slow
def test_chitieu_demo_runs_with_no_settings_at_all(tmp_path):
    done = _run(["demo", "--no-serve", "--password", "mk-demo-9"], {"CHITIEU_HOME": str(tmp_path)}, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "canbo.phuong2" in done.stdout and "mk-demo-9" in done.stdout
    assert (tmp_path / "var" / "chitieu.sqlite3").exists()
