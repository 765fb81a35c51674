"""Settings read from the environment, so one codebase serves the laptop demo and production.

DATABASE_URL   sqlite:///var/ministerial.sqlite3 (default) or postgres://user@host:port/db
SECRET_KEY     required in production (the site refuses to serve with DEBUG off and the development key)
DEBUG          off unless set to 1/true/yes/on
ALLOWED_HOSTS  comma-separated; default localhost,127.0.0.1
"""
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from config.security import DEVELOPMENT_SECRET_KEY

BASE_DIR = Path(__file__).resolve().parent.parent
TRUTHY = {"1", "true", "yes", "on"}


def env_flag(name, default=False):
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in TRUTHY


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "axes",
    "meetings",
    "ingest",
]

MIDDLEWARE = [
    "config.health.HealthCheckMiddleware",  # first: answers /healthz before the host check and HTTPS redirect
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks: it answers a locked-out login
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'ministerial.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache (meetings/pagecache.py): public pages cached per address and data version, the version a row in the
# database that every write replaces, so any number of processes and hosts never serve a page from before a write.
# The cache is per process (local memory) unless REDIS_URL names a Redis server (redis://127.0.0.1:6379/0), which
# every process and host then shares: a page rendered once is served by all. PAGE_CACHE=0 turns it off.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "ministerial"),
    } if REDIS_URL else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ministerial-pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "300"))},
    },
}
PAGE_CACHE = env_flag("PAGE_CACHE", True)
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))  # old versions' pages age out
PAGE_CACHE_MAX_BYTES = int(os.environ.get("PAGE_CACHE_MAX_BYTES", str(1_000_000)))  # larger pages are not kept

# The ingest task queue (procrastinate, ingest/tasks.py) keeps its jobs in our PostgreSQL: no other service. Its
# schema is PostgreSQL's own (functions, triggers, LISTEN/NOTIFY), so on the SQLite default the queue is absent and
# `manage.py ingest` is the way in.
TASK_QUEUE = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if TASK_QUEUE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("ingest"), "procrastinate.contrib.django")
# Feeds every worker pool polls on a schedule (space-separated addresses), and how often, in minutes.
INGEST_FEEDS = os.environ.get("INGEST_FEEDS", "").split()
INGEST_FEED_MINUTES = int(os.environ.get("INGEST_FEED_MINUTES", "15"))

# django-axes first: it counts failed logins and refuses a locked-out one before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Production hardening: on unless DEBUG, each overridable for a TLS-terminating proxy setup.
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_flag("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_flag("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", not DEBUG)
if env_flag("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp), in development too so a regression shows at once: scripts, styles, images
# and fonts from this site only, no inline script or style, no plugin, no framing, forms post only here. The one
# style attribute allowed, by its hash, is django-simple-history's `style="border-top: 0"` on its history pages'
# paginator (tests/browse/test_content_security_policy_browser.py visits every page and finds no other).
SIMPLE_HISTORY_PAGINATOR_STYLE = "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "style-src-attr": ["'unsafe-hashes'", SIMPLE_HISTORY_PAGINATOR_STYLE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Admin login attempts (django-axes): after AXES_FAILURE_LIMIT failures for one username from one address, that
# pair is locked out for AXES_COOLOFF_HOURS (HTTP 429). Counting the pair, not the address alone, keeps one
# attacker behind a shared proxy address from locking every editor out.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "config.security.client_ip"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The read-only JSON API (meetings/api/): JSON only, anonymous, keyset pages. ``format`` is the API's own parameter
# (json or csv where a list offers CSV), so DRF does not read it as a renderer override.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
    "EXCEPTION_HANDLER": "meetings.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Ministerial API",
    "DESCRIPTION": "Read-only data on defense ministers' meetings: meetings, officials, countries, statements, "
                   "commitments, sources, dyadic events and country-pair-years. Every fact names its source and the "
                   "character span of the sentence it came from.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "SourceStatusEnum": "meetings.models.SourceStatus",
        "CommitmentStatusEnum": "meetings.filters.STATUS_CHOICES",
        "DatePrecisionEnum": "meetings.models.DatePrecision",
        "EventRoleEnum": "meetings.datasets.ROLES",
        "CommitmentStateEnum": "meetings.api.serializers.COMMITMENT_STATES",
    },
}

# Fetching URLs and feeds (ingest/sources.py): a deadline for each fetch, redirects included; a redirect limit; a
# size cap; and no connection to loopback, private or link-local addresses unless FETCH_ALLOWED_NETWORKS lists the
# network (comma-separated, "10.1.2.0/24" for an intranet source; "127.0.0.0/8" for a server on this machine).
FETCH_TIMEOUT_SECONDS = float(os.environ.get("FETCH_TIMEOUT_SECONDS", "15"))
FETCH_MAX_REDIRECTS = int(os.environ.get("FETCH_MAX_REDIRECTS", "5"))
FETCH_MAX_BYTES = int(os.environ.get("FETCH_MAX_BYTES", str(5 * 1024 * 1024)))
FETCH_ALLOWED_NETWORKS = env_list("FETCH_ALLOWED_NETWORKS", "")
