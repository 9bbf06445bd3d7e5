"""The settings read the environment through small helpers that refuse a bad value loudly."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from chitieu.web.settings import envbool, envint


def test_envbool_reads_the_usual_spellings(monkeypatch):
    for text, expected in [("1", True), ("yes", True), ("True", True), ("0", False), ("off", False), ("", False)]:
        monkeypatch.setenv("CHITIEU_FLAG", text)
        assert envbool("CHITIEU_FLAG", "False") is expected


def test_envbool_and_envint_refuse_a_bad_value(monkeypatch):
    monkeypatch.setenv("CHITIEU_FLAG", "có")
    with pytest.raises(ImproperlyConfigured, match="CHITIEU_FLAG"):
        envbool("CHITIEU_FLAG", "False")
    monkeypatch.setenv("CHITIEU_N", "mười")
    with pytest.raises(ImproperlyConfigured, match="CHITIEU_N"):
        envint("CHITIEU_N", "0")


def test_the_database_is_sqlite_unless_database_url_says_otherwise(settings):
    import os

    engine = settings.DATABASES["default"]["ENGINE"]
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite3"
    assert engine.endswith(expected)
    assert settings.LANGUAGE_CODE == "vi" and [code for code, _ in settings.LANGUAGES] == ["vi", "en"]


def test_passwords_are_hashed_with_argon2():
    from chitieu.web import settings as module  # the module itself: the tests swap in a faster hasher

    assert module.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_errors_are_logged_to_stderr_whatever_debug_says():
    from chitieu.web import settings as module

    assert module.LOGGING["root"]["handlers"][0] == "stderr"
    assert module.LOGGING["handlers"]["stderr"]["class"] == "chitieu.web.settings.StderrHandler"
    # Django's own default routes django.request errors to the console only with DEBUG on
    assert module.LOGGING["loggers"]["django"] == {"handlers": [], "level": module.LOG_LEVEL, "propagate": True}


def test_every_login_form_is_guarded_by_the_lockout_backend_first():
    from chitieu.web import settings as module

    assert module.AUTHENTICATION_BACKENDS[0] == "chitieu.web.accounts.backends.LoginLockoutBackend"
    assert module.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert (module.AXES_FAILURE_LIMIT, module.AXES_COOLOFF_TIME.total_seconds()) == (5, 15 * 60)
