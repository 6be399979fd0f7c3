"""The build task: queued after commit, idempotent, retried on transient errors, failures recorded."""

import time

import pytest
from django.db import OperationalError

from config.celery import app as celery_app
from reports import tasks
from reports.models import Report
from reports.services import regenerate_report, request_report
from reports.tasks import build_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def embedded_celery():
    """Celery as the embedded default runs it (settings.py): eager, errors not propagated, so an eager
    retry runs again inline instead of surfacing as an exception."""
    before = celery_app.conf.task_eager_propagates
    celery_app.conf.task_eager_propagates = False
    yield
    celery_app.conf.task_eager_propagates = before


def new_report(unit, **fields) -> Report:
    return Report.objects.create(kind=Report.Kind.ANNUAL, unit=unit, year=2024, language="vi", **fields)


def test_request_report_queues_the_build_only_after_the_commit(
    district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        report = request_report(
            Report.Kind.ANNUAL, unit=district_with_plan.district, year=2024, narrative={}, by=district_officer
        )

    assert len(callbacks) == 1  # nothing was sent before the commit
    report.refresh_from_db()
    assert report.status == Report.Status.QUEUED
    assert report.version == 1
    assert report.parameters["campaign"] == district_with_plan.campaign.pk


def test_each_request_numbers_a_new_version_and_keeps_the_earlier_ones(district_with_plan, district_officer):
    unit = district_with_plan.district
    first = request_report(Report.Kind.FINAL, unit=unit, year=None, narrative={"results": "A"}, by=district_officer)
    second = regenerate_report(first, by=district_officer)

    assert (first.year, second.year) == (2025, 2025)  # tổng kết is filed under 2025
    assert second.version == 2
    assert second.narrative == {"results": "A"}
    assert Report.objects.filter(kind=Report.Kind.FINAL, unit=unit).count() == 2


def test_the_task_builds_and_stores_the_pdf(district_with_plan):
    report = new_report(district_with_plan.district)

    build_report(report.pk)  # the task body, as pretix tests do

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.progress == 100
    assert report.attempts == 1
    assert report.started_at and report.finished_at
    assert report.file.name.endswith("bao-cao-nam-2024-huyen-thu-nghiem-v1.pdf")
    with report.file.open("rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_a_done_report_is_not_built_again(district_with_plan, monkeypatch):
    report = new_report(district_with_plan.district)
    build_report(report.pk)
    report.refresh_from_db()
    name = report.file.name
    monkeypatch.setattr(tasks, "render_pdf", lambda *args, **kwargs: pytest.fail("rebuilt a done report"))

    build_report(report.pk)

    report.refresh_from_db()
    assert (report.status, report.attempts, report.file.name) == (Report.Status.DONE, 1, name)


def test_a_report_left_running_by_a_dead_worker_restarts_cleanly(district_with_plan):
    report = new_report(district_with_plan.district, status=Report.Status.RUNNING, progress=60, attempts=1)

    build_report(report.pk)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    assert report.progress == 100


def test_a_failing_build_marks_the_report_failed_with_its_error(district_with_plan, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("the template is broken")

    monkeypatch.setattr(tasks, "render_pdf", broken)
    report = new_report(district_with_plan.district)

    build_report.delay(report.pk)  # eager, errors propagating: the task must not raise

    report.refresh_from_db()
    assert report.status == Report.Status.FAILED
    assert report.error == "ValueError: the template is broken"
    assert not report.file


def test_a_transient_error_is_retried(district_with_plan, monkeypatch, embedded_celery):
    calls = []
    real = tasks.render_pdf

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(tasks, "render_pdf", flaky)
    report = new_report(district_with_plan.district)

    build_report.delay(report.pk)

    report.refresh_from_db()
    assert report.status == Report.Status.DONE
    assert report.attempts == 2
    assert len(calls) == 2


def test_a_transient_error_that_persists_fails_after_three_retries(district_with_plan, monkeypatch, embedded_celery):
    calls = []

    def down(*args, **kwargs):
        calls.append(1)
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(tasks, "render_pdf", down)
    report = new_report(district_with_plan.district)

    build_report.delay(report.pk)

    report.refresh_from_db()
    assert len(calls) == 1 + tasks.MAX_RETRIES
    assert report.status == Report.Status.FAILED
    assert "broker unreachable" in report.error


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_builds_the_report(celery_worker_process, district_with_plan, district_officer, settings):
    settings.MEDIA_ROOT = celery_worker_process["media"]  # the worker writes there
    celery_app.conf.task_always_eager = False
    try:
        report = request_report(
            Report.Kind.ANNUAL, unit=district_with_plan.district, year=2024, narrative={}, by=district_officer
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            report.refresh_from_db()
            if not report.is_pending:
                break
            time.sleep(0.5)
    finally:
        celery_app.conf.task_always_eager = True

    # The task marks the report done before it returns; the worker logs "succeeded" a moment after.
    log = celery_worker_process["log"].read_text()
    while "succeeded" not in log and time.monotonic() < deadline:
        time.sleep(0.2)
        log = celery_worker_process["log"].read_text()
    assert report.status == Report.Status.DONE, f"{report.status}: {report.error}\n{log[-2000:]}"
    assert "reports.tasks.build_report" in log and "succeeded" in log  # built by the worker, not inline
    assert (celery_worker_process["media"] / report.file.name).read_bytes()[:4] == b"%PDF"
