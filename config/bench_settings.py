"""Settings for `make bench` only: the app as production runs it, on the chungsuc_bench PostgreSQL database.

DEBUG is off (query logging would slow every page), static files are served from the app folders (no
collectstatic) unless BENCH_STATIC_ROOT names a collected folder, and the cache is Redis when one answers at BENCH_REDIS_URL, as in production.
"""

import os
import socket
import warnings
from urllib.parse import urlparse

# Set before the import: settings.py reads them at import time. Never the developer's DATABASE_URL: the
# benchmark fills its database with generated data.
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chungsuc_bench")
os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret")
os.environ["DEBUG"] = "false"

from config.settings import *  # noqa: E402, F403
from config.settings import LOGGING  # noqa: E402

ROOT_URLCONF = "config.bench_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
# No collectstatic for a benchmark: WhiteNoise serves from the finders and need not warn about STATIC_ROOT.
warnings.filterwarnings("ignore", message="No directory at")
# The browser part (bench/browser.py) loads pages as production serves them: collectstatic into this folder
# with production's hashed, pre-compressed storage, and WhiteNoise serving from there with far-future caching.
BENCH_STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "")
if BENCH_STATIC_ROOT:
    STATIC_ROOT = BENCH_STATIC_ROOT
    STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    WHITENOISE_USE_FINDERS = False
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}

# Database 7 and a key prefix: the shared Redis of other developers and CI is never flushed nor overwritten.
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")


def redis_answers(url: str) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname or "127.0.0.1", parsed.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


if redis_answers(BENCH_REDIS_URL):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": BENCH_REDIS_URL,
            "KEY_PREFIX": "chungsuc-bench",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
