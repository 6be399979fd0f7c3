"""Settings read from the environment.

With nothing set the app runs on the embedded default: SQLite in the project folder,
Celery tasks in-process, uploads under media/. Production sets DATABASE_URL, REDIS_URL,
SECRET_KEY, ALLOWED_HOSTS and DEBUG=false (see README).
"""

import ipaddress
import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in (
        "1",
        "true",
        "yes",
        "on",
    )


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "")

# The embedded default (no DATABASE_URL, `make run`) is a machine of one's own: a development key, local
# host names, static files from the app folders, plain HTTP. Debug pages are a separate choice (DEBUG=true):
# by default `make run` shows users the same error pages as production, and logs tracebacks to the console.
EMBEDDED = not DATABASE_URL
DEBUG = env_bool("DEBUG", default=False)
LOCAL_DEFAULTS = DEBUG or EMBEDDED
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and LOCAL_DEFAULTS:
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable (DATABASE_URL is set and DEBUG is off).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if LOCAL_DEFAULTS else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# The public address of the site: generated documents (printed by a worker, with no request to ask) build
# the links of their QR codes from it.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "csp",
    "axes",
    "simple_history",
    "units",
    "campaigns",
    "awards",
    "reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped for slow mobile links (issue #14); static files are compressed ahead by the storage and served
    # by WhiteNoise above, so this sees only pages. Compressing pages that carry secrets invites BREACH: the CSRF
    # token is masked afresh on every response, and since Django 4.2 this middleware adds a random-length gzip
    # filename ("Heal The Breach"), so a length observed over many requests no longer tells a guess from a miss.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.SlidingSessionMiddleware",
    "config.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "config.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so that it sees the outcome of authentication (django-axes docs).
    "axes.middleware.AxesMiddleware",
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
                "django.template.context_processors.i18n",
                "units.context_processors.navigation",
                "awards.context_processors.award_links",
            ],
        },
    },
]

if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
            # Several users (threads of runserver or gunicorn, the live server in tests) write at once. WAL lets
            # readers go on while one writes; IMMEDIATE takes the write lock when a transaction begins, so
            # a transaction that read first never fails to upgrade ("database is locked"), it waits up to the
            # busy timeout (seconds) in line instead.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "units.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "units.backends.UserBackend",  # ModelBackend, with the menu's count of unread notifications
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Sessions end after 8 idle hours (a working day) and when the browser closes. The expiry slides forward at most
# once every SESSION_REFRESH_MARGIN seconds (config.middleware.SlidingSessionMiddleware) rather than with a write on
# every request, so a session ends between 8 hours less the margin and 8 hours after its last request.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", "28800"))
SESSION_REFRESH_MARGIN = int(os.environ.get("SESSION_REFRESH_MARGIN", "300"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# A refused form (expired page, cookies blocked) explains itself in Vietnamese inside the layout.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# Login throttling: 5 failures lock the username for 15 minutes.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
# Username + address: an office behind one NAT address is not locked out by one colleague.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a reverse proxy: its addresses (or networks), whose X-Forwarded-For is believed, so each user is
# throttled at their own address instead of the proxy's. Unset, the header is ignored (anyone could forge it).
try:
    TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network(entry, strict=False) for entry in env_list("TRUSTED_PROXIES")]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Without collectstatic (development), WhiteNoise serves from the app folders.
WHITENOISE_USE_FINDERS = LOCAL_DEFAULTS
# The manifest storage names files by their content's hash, which WhiteNoise then serves with a ten-year max-age and
# "immutable" (config/tests/test_compression.py); other files keep its short default.
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not LOCAL_DEFAULTS
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Evidence and dossier files: PDF and images, 10 MB each (checked in the forms).
MAX_UPLOAD_SIZE = int(os.environ.get("MAX_UPLOAD_SIZE", "10485760"))
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],  # static files only, no inline scripts
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    },
}

if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Short timeouts: with Redis away, a page waits at most a second for the cache, then renders
            # without it (the code that uses the cache treats its errors as a miss).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: with no broker, tasks run inline (still after the commit, see reports/services.py).
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True  # a report whose worker died is delivered again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With acks_late, Redis hands a message taken by a worker that vanished (killed, host lost) to another
# worker only after this many seconds. It must exceed the longest report build, or a build still running
# would be started again elsewhere (README, Reliability).
# Workers look for such messages every CELERY_UNACKED_RESTORE_INTERVAL seconds (kombu's default is 100).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "1800")),
    "unacked_restore_interval": int(os.environ.get("CELERY_UNACKED_RESTORE_INTERVAL", "60")),
    "unacked_restore_throttle": 1,
    "socket_connect_timeout": 2,
}
# Sending a task while Redis is away fails within a second; the report stays queued and
# `requeue_reports` sends it again later (reports/requeue.py).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
CELERY_TIMEZONE = TIME_ZONE
# Reports queued longer than this with no task known to be sent are sent again (reports/requeue.py).
REPORTS_REQUEUE_AFTER = int(os.environ.get("REPORTS_REQUEUE_AFTER", "60"))
# Test-only: seconds the build task sleeps at each progress step, so a fault test can kill the worker
# mid-build (reports/tests/test_faults.py). Never set in production.
REPORTS_TEST_BUILD_DELAY = float(os.environ.get("REPORTS_TEST_BUILD_DELAY", "0"))

# E-mail (notifications): EMAIL_URL (smtp://user:password@host:587, smtp+ssl://… for port 465) or the separate
# EMAIL_HOST/PORT/USER/PASSWORD/USE_TLS variables. Without either, mail is printed on the console (embedded default).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    _mail = urlsplit(EMAIL_URL)
    if _mail.scheme not in ("smtp", "smtp+tls", "smtp+ssl", "submission"):
        raise ImproperlyConfigured("EMAIL_URL: use smtp://, smtp+tls:// or smtp+ssl://")
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname or "localhost"
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtp+ssl" else 587)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_SSL = _mail.scheme == "smtp+ssl"
    EMAIL_USE_TLS = not EMAIL_USE_SSL and env_bool("EMAIL_USE_TLS", True)
elif os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", os.environ.get("EMAIL_USER", ""))
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", os.environ.get("EMAIL_PASSWORD", ""))
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = 10  # seconds: a mail server away must not hold a worker
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Chung Sức <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# A notification's e-mail is tried this many times in all (a refused address once), then left and logged.
NOTIFICATION_EMAIL_ATTEMPTS = int(os.environ.get("NOTIFICATION_EMAIL_ATTEMPTS", "4"))
# Timeline: the people responsible are told this many days before a deadline; an item overdue longer than
# OVERDUE_ESCALATE_AFTER_DAYS is marked for the level above, which is told once.
DEADLINE_NOTICE_DAYS = int(os.environ.get("DEADLINE_NOTICE_DAYS", "7"))
OVERDUE_ESCALATE_AFTER_DAYS = int(os.environ.get("OVERDUE_ESCALATE_AFTER_DAYS", "30"))
if not LOCAL_DEFAULTS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint logs each layout step at INFO, which floods the worker log.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
