import os
import tempfile

# Set before the import: with DATABASE_URL (the CI run on PostgreSQL) settings.py demands a key.
os.environ.setdefault("SECRET_KEY", "tests-only")

from config.settings import *  # noqa: E402, F403

SECRET_KEY = "tests-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# Tests drive Celery inline unless the CI run points them at a real worker (CELERY_WORKER_TESTS).
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ALWAYS_EAGER = os.environ.get("CELERY_EAGER", "1") != "0"  # 0: the worker the celery_worker tests start
# Serve static files from the app folders, as runserver does: tests never run collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# SQLite: a file, not Django's shared in-memory database, so that the concurrency tests' threads each open a
# connection of their own with the WAL, busy timeout and IMMEDIATE transactions production uses
# (config/tests/test_concurrency.py). One file per test process: several runs may share the machine.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"chungsuc-tests-{os.getpid()}.sqlite3")
    }
    # A test database is thrown away: it need not survive a power cut, so no commit waits for the disk.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF"  # noqa: F405
else:
    # Likewise on PostgreSQL, for this session only (the server's own setting is left alone).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

# Under `pytest -n` (pytest-xdist) each worker process has its own test database (pytest-django adds the
# worker's name) and, here, its own Redis database: one worker's cache.clear() or a task it queues must not
# reach another worker's tests or Celery worker.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if XDIST_WORKER and REDIS_URL:  # noqa: F405
    from urllib.parse import urlsplit

    _redis = urlsplit(REDIS_URL)  # noqa: F405
    _worker_redis = _redis._replace(path=f"/{int(XDIST_WORKER.removeprefix('gw')) + 1}").geturl()
    CACHES["default"]["LOCATION"] = _worker_redis  # noqa: F405
    CELERY_BROKER_URL = _worker_redis
