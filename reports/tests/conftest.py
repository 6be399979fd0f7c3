"""Fixtures for the report tests: the demo data once per module, small units, and a real Celery worker.

`demo_data` loads `load_demo` plus reports.tests.data inside one transaction per module, rolled back at
the end: each test runs in a savepoint inside it, so loading the demo (a few seconds) happens once.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction

from reports.tests.data import add_report_data, restore_catalogues
from reports.tests.factories import build_district_with_plan
from units.models import CodeScheme, Kind, Role, User

WORKER_TIMEOUT = 45  # seconds for the worker to say it is ready


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        restore_catalogues()
        call_command("load_demo", verbosity=0)
        units = add_report_data()
        yield units
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_data, db):
    """The demo units (district Hà Quảng, province Cao Bằng, commune Trường Hà), inside the test's savepoint."""
    return demo_data


@pytest.fixture
def haquang_leader(demo):
    return User.objects.get(username="lanhdao.haquang")


@pytest.fixture
def district_with_plan(make_unit, db):
    """A small legacy district with two communes and an issued plan with one target, for quick builds."""
    return build_district_with_plan(make_unit)


@pytest.fixture
def district_officer(make_user, district_with_plan):
    return make_user("district.officer", (district_with_plan.district, Role.HOME_AFFAIRS))


@pytest.fixture
def district_leader(make_user, district_with_plan):
    return make_user("district.leader", (district_with_plan.district, Role.LEADER))


@pytest.fixture
def other_officer(make_user, make_unit):
    province = make_unit("Tỉnh Xa", Kind.PROVINCE, code="R98", code_scheme=CodeScheme.LEGACY)
    return make_user("other.officer", (province, Role.PROVINCE_STAFF))


# ---------------------------------------------------------------------------------------------------------
# A real Celery worker (the CI run on PostgreSQL and Redis)


def worker_database_url() -> str:
    db = connection.settings_dict
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    credentials = f"{user}{password}@" if user else ""
    return f"postgres://{credentials}{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker_process(django_db_setup, tmp_path_factory):
    """`celery worker` as a subprocess on the pytest TEST database; stopped at the end of the session."""
    if os.environ.get("CELERY_WORKER_TESTS") != "1" or not os.environ.get("REDIS_URL"):
        pytest.skip("Set CELERY_WORKER_TESTS=1 and REDIS_URL (the CI run on PostgreSQL and Redis) to use a worker.")
    if connection.vendor != "postgresql":
        pytest.skip("A worker process needs a database server; set DATABASE_URL to PostgreSQL.")
    media = tmp_path_factory.mktemp("worker-media")
    log_path = tmp_path_factory.mktemp("worker-log") / "worker.log"
    name = f"reports-tests-{os.getpid()}@localhost"
    env = {
        **os.environ,
        "DATABASE_URL": worker_database_url(),
        "DJANGO_SETTINGS_MODULE": "config.test_settings",
        "CELERY_EAGER": "0",
        "MEDIA_ROOT": str(media),
    }
    command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", "solo", "--concurrency", "1"]
    command += ["-Q", "celery", "-n", name, "--loglevel", "INFO", "--without-gossip", "--without-mingle"]
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_ready(process, log_path)
        yield {"media": Path(media), "log": log_path}
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + WORKER_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The Celery worker exited:\n{log_path.read_text()[-3000:]}")
        if " ready." in log_path.read_text():
            return
        time.sleep(0.3)
    raise RuntimeError(f"The Celery worker did not start in {WORKER_TIMEOUT} s:\n{log_path.read_text()[-3000:]}")
