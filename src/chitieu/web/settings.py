"""The one settings module of the web app. Everything that differs between machines comes from
environment variables read by the small typed helpers below, which fail loudly on a bad value.
docs/deploy.md lists every variable and the values for production.

Safe by default: DEBUG is off and SECRET_KEY must be set. ``chitieu demo`` sets both for itself
(a development-only key); the test run (pytest) gets a fixed test key.

SQLite (``var/chitieu.sqlite3``) by default; PostgreSQL with ``DATABASE_URL``.
"""

from __future__ import annotations

import logging
import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("CHITIEU_HOME", WEB_DIR.parents[2])).resolve()  # the repository root


def envstr(name: str, default: str) -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name}={value!r}: expected true/false")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: expected an integer") from None


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def envrate(name: str, default: str) -> str:
    """A request rate such as ``600/min`` (per ``s``, ``min``, ``h`` or ``day``)."""
    value = os.environ.get(name, default).strip()
    count, _slash, period = value.partition("/")
    if not (count.isdigit() and int(count) > 0 and period in ("s", "sec", "m", "min", "h", "hour", "d", "day")):
        raise ImproperlyConfigured(f"{name}={value!r}: expected a rate such as 600/min")
    return value


# pytest sets PYTEST_VERSION while it runs (pytest >= 8.2): the test run needs no secrets.
RUNNING_TESTS = "PYTEST_VERSION" in os.environ
# The key `chitieu demo` and DEBUG runs fall back on: public, so refused whenever DEBUG is off.
DEVELOPMENT_SECRET_KEY = "chitieu-development-key-NOT-SECRET-never-use-in-production-0123456789"

DEBUG = envbool("DEBUG", "False")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or RUNNING_TESTS):
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY chưa được đặt / SECRET_KEY is not set. In production set SECRET_KEY to a long random "
        "value (python3 -c \"import secrets; print(secrets.token_urlsafe(50))\"; see docs/deploy.md); "
        "for development use `chitieu demo` or set DEBUG=true."
    )
if not DEBUG and not RUNNING_TESTS and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set to a secret value when DEBUG is off (see docs/deploy.md)")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # Swagger UI's files served from our own static files (the CDN is blocked by our CSP)
    "chitieu.web",
    "chitieu.web.accounts",
    "chitieu.web.units",
    "chitieu.web.catalog",
    "chitieu.web.plans",
    "chitieu.web.values",
    "chitieu.web.audit",
    "chitieu.web.dashboards",
    "chitieu.web.evaluations",  # precomputed evaluations, kept current by a version per plan
    "chitieu.web.imports",
    "chitieu.web.reporting",
    "chitieu.web.checks",
    "chitieu.web.tasks",
    "chitieu.web.exchange",
    "chitieu.web.demo",
    "chitieu.web.rules",
    "chitieu.web.notices",
]

MIDDLEWARE = [
    # first: its duration and query count cover everything below it
    "chitieu.web.ops.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    # last: turns a refused login (too many failures) into the lockout page
    "axes.middleware.AxesMiddleware",
]

# Background work (reading uploaded reports, generating reports) runs in `chitieu worker`, from the
# database queue, or with TASK_BACKEND=redis from Redis (TASK_REDIS_URL; large installations).
# TASK_BACKEND=immediate runs each job inside the request instead (the test suite; a one-process
# trial) — never for a server that takes uploads from many users.
_TASK_BACKENDS = {"database": "django_tasks_db.DatabaseBackend",
                  "redis": "chitieu.web.jobs.redis_backend.RedisBackend",
                  "immediate": "django_tasks.backends.immediate.ImmediateBackend"}
_task_backend = envstr("TASK_BACKEND", "database")
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASK_BACKEND={_task_backend!r}: expected one of {', '.join(_TASK_BACKENDS)}")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend]}}
if _task_backend == "redis":
    _task_redis_url = envstr("TASK_REDIS_URL", "redis://127.0.0.1:6379/0")
    if not _task_redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"TASK_REDIS_URL={_task_redis_url!r}: expected redis://host:port/db")
    # WORKER_TIMEOUT: seconds without a heartbeat after which a worker counts as crashed and its
    # job is run again (once)
    TASKS["default"]["OPTIONS"] = {"URL": _task_redis_url, "PREFIX": envstr("TASK_REDIS_PREFIX", "chitieu"),
                                   "WORKER_TIMEOUT": envint("TASK_WORKER_TIMEOUT", "30")}
# Generated report files are kept this many days for their download links, then deleted.
REPORT_FILES_DAYS = envint("REPORT_FILES_DAYS", "7")
# Exports and collection workbooks done by the job worker are kept this many days, then deleted;
# an export of at most EXCHANGE_SYNC_ROWS values is still answered in the request (links, scripts).
EXCHANGE_FILES_DAYS = envint("EXCHANGE_FILES_DAYS", "3")
EXCHANGE_SYNC_ROWS = envint("EXCHANGE_SYNC_ROWS", "20000")

ROOT_URLCONF = "chitieu.web.urls"
WSGI_APPLICATION = "chitieu.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "chitieu.web.units.nav.navigation",  # role-aware menu, unread notices
            ],
            "builtins": ["template_partials.templatetags.partials"],
        },
    }
]

DB_POOL = envbool("DB_POOL", "False")
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'chitieu.sqlite3'}"),
        conn_max_age=0 if DB_POOL else envint("DB_CONN_MAX_AGE", "0"),
        conn_health_checks=True,
    )
}
if DB_POOL:
    # psycopg's pool, one per gunicorn worker process: connections are opened once and lent to
    # requests (Django refuses a pool together with persistent connections, hence CONN_MAX_AGE 0).
    if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("DB_POOL=true needs a PostgreSQL DATABASE_URL")
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": envint("DB_POOL_MIN", "2"),
        "max_size": envint("DB_POOL_MAX", "10"),
        "timeout": envint("DB_POOL_TIMEOUT", "10"),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one request writes; IMMEDIATE takes the write lock at the
    # start of a transaction instead of failing with "database is locked" halfway through it.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;", "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache: this process's memory by default (one server process, development); Redis shared by
# every worker in production (CACHE_URL=redis://127.0.0.1:6379/1).
CACHE_URL = envstr("CACHE_URL", "")
if not CACHE_URL:
    # more entries than the default 300: a province's review queue keeps a count per commune and year
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "OPTIONS": {"MAX_ENTRIES": 20000}}}
elif CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL,
                          "KEY_PREFIX": "chitieu", "TIMEOUT": envint("CACHE_SECONDS", "300")}}
else:
    raise ImproperlyConfigured(f"CACHE_URL={CACHE_URL!r}: expected redis://host:port/db (or empty for memory)")
# /healthz fails when the oldest job waiting in the queue is older than this (no worker running).
HEALTH_QUEUE_MAX_AGE = envint("HEALTH_QUEUE_MAX_AGE", "300")

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    # first: refuses every login, right password or not, while a username and address are locked out
    "chitieu.web.accounts.backends.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "dashboards:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Brute-force protection on every login form (ours and the admin's), by django-axes: after
# LOGIN_FAILURE_LIMIT wrong passwords for one username from one address, that username is refused
# from that address for LOGIN_LOCKOUT_MINUTES, even with the right password. Counting the pair (not
# the address alone) keeps one officer's typos from locking out a whole office behind one NAT.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = timedelta(minutes=envint("LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "chitieu.web.accounts.views.lockout"
AXES_CLIENT_IP_CALLABLE = "chitieu.web.accounts.backends.client_ip"
AXES_VERBOSE = False  # its INFO lines on every login; lockouts are logged as warnings all the same

# API tokens expire API_TOKEN_DAYS after they are issued; the API's rates per authenticated user and,
# for requests without a valid token (bad tokens included), per client address.
API_TOKEN_DAYS = envint("API_TOKEN_DAYS", "365")
API_THROTTLE_RATE = envrate("API_THROTTLE_RATE", "1200/min")
API_ANON_THROTTLE_RATE = envrate("API_ANON_THROTTLE_RATE", "60/min")
# The API's lists come in pages (``limit``/``offset``): API_PAGE_SIZE rows unless asked, at most
# API_MAX_PAGE_SIZE (docs/api.md).
API_PAGE_SIZE = envint("API_PAGE_SIZE", "100")
API_MAX_PAGE_SIZE = envint("API_MAX_PAGE_SIZE", "1000")

# Mail (password reset). Console in DEBUG, SMTP otherwise; EMAIL_BACKEND overrides either.
EMAIL_BACKEND = envstr(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = envstr("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envstr("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "False")
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", "False")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "10")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "chitieu <noreply@localhost>")
SERVER_EMAIL = envstr("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Review notices (submitted, returned, approved, accepted) also by e-mail, through the settings above
NOTIFY_BY_EMAIL = envbool("NOTIFY_BY_EMAIL", "False")
SITE_URL = envstr("SITE_URL", "")  # the address put in front of a notice's link in e-mail
REPORTING_DEADLINE = envstr("REPORTING_DEADLINE", "12-15")  # month-day a year's data is due (that year)
REMINDER_DAYS = envint("REMINDER_DAYS", "7")  # `notify_deadlines` reminds from this many days before
PASSWORD_RESET_TIMEOUT = envint("PASSWORD_RESET_HOURS", "24") * 3600

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Asia/Ho_Chi_Minh")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# In development and tests static files come from the apps (finders); collectstatic fills
# STATIC_ROOT for production.
WHITENOISE_USE_FINDERS = DEBUG or RUNNING_TESTS
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# HTTPS. Off by default so that a plain-HTTP run on 127.0.0.1 works; docs/deploy.md turns them on.
SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "False")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "False")
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "False")
SESSION_COOKIE_AGE = envint("SESSION_HOURS", "12") * 3600
# The proxy in front (nginx …) says the request came by HTTPS and appends the client's address to
# X-Forwarded-For; both are trusted only when it is declared here.
BEHIND_HTTPS_PROXY = envbool("BEHIND_HTTPS_PROXY", "False")
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
NINJA_NUM_PROXIES = 1 if BEHIND_HTTPS_PROXY else 0  # the API's throttles read the client address the same way

CSRF_FAILURE_VIEW = "chitieu.web.accounts.views.csrf_failure"

# Every script and style is served from our own static files: no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Errors (500s with their tracebacks, from django.request) and warnings go to stderr, where
# gunicorn and systemd collect them, and also to LOG_FILE when it is set — with DEBUG off too.
LOG_LEVEL = envstr("LOG_LEVEL", "INFO").upper()
LOG_FILE = envstr("LOG_FILE", "")
# plain: one readable line per record; json: one JSON object per line (chitieu.web.ops.logs)
LOG_FORMAT = envstr("LOG_FORMAT", "plain")
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: expected plain or json")


class StderrHandler(logging.StreamHandler):
    """Writes to ``sys.stderr`` as it is when the record is written, not as it was when logging
    was configured (test runners swap and close the stream they captured it with)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


_log_handlers = {
    "stderr": {"class": "chitieu.web.settings.StderrHandler", "formatter": LOG_FORMAT},
}
if LOG_FILE:
    # WatchedFileHandler reopens the file after logrotate moves it
    _log_handlers["file"] = {"class": "logging.handlers.WatchedFileHandler", "filename": LOG_FILE,
                             "formatter": LOG_FORMAT, "encoding": "utf-8"}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(process)d: %(message)s"},
                   "json": {"()": "chitieu.web.ops.logs.JsonFormatter"}},
    "handlers": _log_handlers,
    "root": {"handlers": list(_log_handlers), "level": "WARNING"},
    "loggers": {
        # Django's own default sends these to the console only when DEBUG is on, and to e-mail else;
        # here they go up to the root's handlers always.
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "chitieu": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "axes": {"handlers": [], "level": "WARNING", "propagate": True},
    },
}

# Error reporting to Sentry (or a compatible server such as GlitchTip) when a DSN is given. No
# personal data is sent: no user names, addresses, cookies or request bodies.
SENTRY_DSN = envstr("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(dsn=SENTRY_DSN, integrations=[DjangoIntegration()], send_default_pii=False,
                    environment=envstr("SENTRY_ENVIRONMENT", "production"),
                    traces_sample_rate=float(envstr("SENTRY_TRACES_SAMPLE_RATE", "0")))
