"""Faults the report pipeline must survive: a worker killed in the middle of a build, and Redis stopped while a
report is requested.

The worker tests start their OWN redis-server on a free port (the machine's Redis on 6379 is shared and
must never be stopped) and their own `celery worker` processes on the pytest test database; they run in
the CI run on PostgreSQL (CELERY_WORKER_TESTS=1). The quick tests at the top run everywhere.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError
from pypdf import PdfReader

from config.celery import app as celery_app
from reports import requeue
from reports.models import Report
from reports.services import request_report
from reports.tasks import build_report
from reports.tests.conftest import wait_until_ready, worker_database_url

BUILD_TIMEOUT = 90  # seconds for a report to be built once a worker can take it
LOCAL_CACHE = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "faults"}}


def report_form(unit) -> dict:
    return {"kind": "annual", "unit": unit.pk, "year": 2024, "grouping": "old", "results": "Kết quả."}


# ---------------------------------------------------------------------------------------------------------
# Quick tests: no worker, any database


@pytest.fixture
def local_cache(settings):
    """A private cache, so the marks of sent builds never meet those of another run in a shared Redis."""
    settings.CACHES = LOCAL_CACHE


@pytest.fixture
def broker_away(monkeypatch):
    def refuse(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6390. Connection refused.")

    monkeypatch.setattr(build_report, "delay", refuse)


@pytest.mark.django_db
def test_a_report_request_is_kept_queued_when_the_broker_cannot_take_it(
    client, district_with_plan, district_officer, broker_away, local_cache, django_capture_on_commit_callbacks
):
    client.force_login(district_officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:create"), report_form(district_with_plan.district))

    report = Report.objects.get(unit=district_with_plan.district)
    assert response.status_code == 302 and response.url == reverse("reports:detail", args=[report.pk])
    assert (report.status, report.attempts) == (Report.Status.QUEUED, 0)
    assert not requeue.was_sent(report.pk)  # so requeue_reports sends it again
    assert client.get(response.url).status_code == 200


@pytest.mark.django_db
def test_requeue_reports_sends_again_only_the_old_queued_reports_never_sent(
    district_with_plan, local_cache, monkeypatch
):
    sent = []
    monkeypatch.setattr(build_report, "delay", sent.append)
    unit = district_with_plan.district
    never_sent, already_sent, recent, done = (
        Report.objects.create(kind=Report.Kind.ANNUAL, unit=unit, year=2024, version=v) for v in (1, 2, 3, 4)
    )
    old = timezone.now() - timedelta(minutes=5)
    Report.objects.exclude(pk=recent.pk).update(requested_at=old)
    Report.objects.filter(pk=done.pk).update(status=Report.Status.DONE, progress=100)
    requeue.send_build(already_sent.pk)  # reached the broker at request time
    sent.clear()

    call_command("requeue_reports", "--older-than", "60", stdout=open(os.devnull, "w"))  # noqa: SIM115
    call_command("requeue_reports", "--older-than", "60", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert sent == [never_sent.pk]  # once: the first run marked it sent


@pytest.mark.django_db
def test_requeue_stops_at_the_first_failed_send_while_the_broker_is_still_away(
    district_with_plan, local_cache, broker_away
):
    unit = district_with_plan.district
    for version in (1, 2):
        Report.objects.create(kind=Report.Kind.ANNUAL, unit=unit, year=2024, version=version)

    assert requeue.requeue_pending_reports(older_than=0) == 0
    assert Report.objects.filter(status=Report.Status.QUEUED).count() == 2


# ---------------------------------------------------------------------------------------------------------
# A private Redis and real workers (the CI run on PostgreSQL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """redis-server as a subprocess on its own port, without persistence: a restart starts empty."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def own_redis():
    if os.environ.get("CELERY_WORKER_TESTS") != "1":
        pytest.skip("Set CELERY_WORKER_TESTS=1 (the CI run on PostgreSQL) to run the worker fault tests.")
    if connection.vendor != "postgresql":
        pytest.skip("Worker processes need a database server; set DATABASE_URL to PostgreSQL.")
    if not shutil.which("redis-server"):
        pytest.skip("redis-server is not installed: the fault tests start and stop their own Redis.")
    server = RedisServer(free_port())
    server.start()
    yield server
    server.stop()


def reset_broker_connections() -> None:
    """Forget pooled connections, so the next send connects to the broker_url now configured."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def app_on_own_redis(own_redis, settings, tmp_path):
    """This process sends to the private Redis and caches in it; files go where the workers write them."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    before = (celery_app.conf.broker_url, celery_app.conf.task_always_eager)
    celery_app.conf.broker_url = own_redis.url
    celery_app.conf.task_always_eager = False
    reset_broker_connections()
    yield
    celery_app.conf.broker_url, celery_app.conf.task_always_eager = before
    reset_broker_connections()


@pytest.fixture
def workers(own_redis, tmp_path):
    """Starts workers on the private Redis; every one still alive is stopped at the end."""
    started: list[subprocess.Popen] = []

    def start(name: str, *, build_delay: float = 0, pool: str = "solo", visibility: int = 5) -> subprocess.Popen:
        log_path = tmp_path / f"{name}.log"
        # Without PYTEST_XDIST_WORKER: under pytest -n the test settings would move the broker to the worker's own
        # Redis database number on the machine's Redis; these workers use the private Redis as given.
        env = {
            **{key: value for key, value in os.environ.items() if key != "PYTEST_XDIST_WORKER"},
            "DATABASE_URL": worker_database_url(),
            "DJANGO_SETTINGS_MODULE": "config.test_settings",
            "REDIS_URL": own_redis.url,
            "CELERY_EAGER": "0",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "REPORTS_TEST_BUILD_DELAY": str(build_delay),
            "REPORTS_REQUEUE_AFTER": "0",
            # A worker that vanished gives its message back after 5 s instead of the production 30 min.
            "CELERY_VISIBILITY_TIMEOUT": str(visibility),
            "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        }
        command = [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool", pool, "--concurrency", "1"]
        command += ["-n", f"{name}-{os.getpid()}@localhost", "--loglevel", "INFO", "--without-gossip"]
        command += ["--without-mingle", "--without-heartbeat"]
        with open(log_path, "w") as log:
            process = subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        started.append(process)
        wait_until_ready(process, log_path)
        process.log_path = log_path
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(report: Report, done, timeout: float) -> Report:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if done(report):
            break
        time.sleep(0.2)
    return report


def assert_valid_pdf(report: Report, media: Path) -> None:
    pdf = PdfReader(media / report.file.name)
    assert len(pdf.pages) >= 1
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf.pages[0].extract_text()


def children_of(process: subprocess.Popen) -> list[int]:
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
    return [int(pid) for pid in children]


def logs_of(*processes) -> str:
    return "\n".join(Path(process.log_path).read_text()[-2500:] for process in processes)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)  # the catalogues come back after the flush (post_migrate)
def test_a_report_whose_worker_is_killed_mid_build_is_built_by_the_next_worker(
    own_redis, app_on_own_redis, workers, district_with_plan, district_officer, tmp_path
):
    first = workers("first", build_delay=4)  # slow steps: time to kill it mid-build
    report = request_report(
        Report.Kind.ANNUAL, unit=district_with_plan.district, year=2024, narrative={}, by=district_officer
    )
    wait_for(report, lambda r: r.status == Report.Status.RUNNING and r.progress >= 10, 30)
    assert report.status == Report.Status.RUNNING, logs_of(first)

    first.send_signal(signal.SIGKILL)  # no goodbye: the message stays unacknowledged in Redis
    first.wait()
    report.refresh_from_db()
    assert report.status == Report.Status.RUNNING and not report.file  # the build really was cut short
    second = workers("second")
    wait_for(report, lambda r: not r.is_pending, BUILD_TIMEOUT)

    assert report.status == Report.Status.DONE, f"{report.status} {report.error}\n{logs_of(first, second)}"
    assert report.attempts == 2  # the killed run, then a clean restart
    assert "reports.tasks.build_report" in logs_of(second) and "succeeded" in logs_of(second)
    assert_valid_pdf(report, tmp_path / "media")


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_with_redis_stopped_pages_serve_and_a_requested_report_is_built_once_redis_is_back(
    own_redis, app_on_own_redis, workers, client, district_with_plan, district_officer, tmp_path
):
    district = district_with_plan.district
    client.force_login(district_officer)
    own_redis.stop()

    pages = [
        reverse("reports:list"),
        reverse("reports:create"),
        reverse("dashboards:overview", args=[district.pk]),
        reverse("dashboards:matrix", args=[district.pk, 2024]),  # reads and writes the cache
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    started = time.monotonic()
    response = client.post(reverse("reports:create"), report_form(district))
    took = time.monotonic() - started

    report = Report.objects.get(unit=district)
    assert response.status_code == 302 and response.url == reverse("reports:detail", args=[report.pk])
    assert took < 10, f"the request waited {took:.1f} s for the broker"
    assert client.get(response.url).status_code == 200
    assert report.status == Report.Status.QUEUED

    own_redis.start()  # empty: whatever was sent before is gone too
    worker = workers("after-outage")  # sends again the reports left queued as it starts
    wait_for(report, lambda r: not r.is_pending, BUILD_TIMEOUT)

    assert report.status == Report.Status.DONE, f"{report.status} {report.error}\n{logs_of(worker)}"
    assert report.attempts == 1
    assert_valid_pdf(report, tmp_path / "media")


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_report_whose_pool_process_is_killed_mid_build_is_built_again_at_once(
    own_redis, app_on_own_redis, workers, district_with_plan, district_officer, tmp_path
):
    # Visibility timeout of 10 minutes: only the rejection can bring the message back within the test.
    worker = workers("prefork", build_delay=2, pool="prefork", visibility=600)
    report = request_report(
        Report.Kind.ANNUAL, unit=district_with_plan.district, year=2024, narrative={}, by=district_officer
    )
    wait_for(report, lambda r: r.status == Report.Status.RUNNING and r.progress >= 10, 30)
    assert report.status == Report.Status.RUNNING, logs_of(worker)

    for child in children_of(worker):  # the pool process building it (the OOM killer's usual victim)
        os.kill(child, signal.SIGKILL)
    # reject_on_worker_lost puts the message back at once; the worker forks a new pool process.
    wait_for(report, lambda r: not r.is_pending, BUILD_TIMEOUT)

    assert report.status == Report.Status.DONE, f"{report.status} {report.error}\n{logs_of(worker)}"
    assert report.attempts == 2
    assert "WorkerLostError" in logs_of(worker)
    assert_valid_pdf(report, tmp_path / "media")
