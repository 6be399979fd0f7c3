"""Build a report's PDF on a worker (or inline when Celery runs eagerly).

The task is idempotent: a report already done or failed is left alone, and one found running (its
worker died; acks_late delivers the task again) restarts from scratch. Each run claims the report by
raising `attempts`, and every later write is conditional on that attempt still being the latest,
so a stale run can never overwrite a newer one.

Transient errors (the database or the broker away for a moment) are retried with backoff, three
times. Any other error marks the report FAILED with its message and is not raised again: the
failure lives in the database, where the page shows it, and raising it would only make an eager
run break the request that queued it.
"""

import logging
import time

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import DatabaseError, OperationalError
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from reports.documents import filename_of
from reports.models import Report
from reports.pdf import render_pdf
from units.models import User
from units.notifications.services import NotificationKind, notify

logger = logging.getLogger(__name__)

TRANSIENT = (OperationalError, ConnectionError, BrokerError)
ACTIVE = [Report.Status.QUEUED, Report.Status.RUNNING]
MAX_RETRIES = 3


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT,
    retry_backoff=5,
    retry_backoff_max=120,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def build_report(self, report_id: int) -> None:
    attempt = claim(report_id)
    if attempt is None:
        return  # done, failed or deleted: nothing to do
    this_run = Report.objects.filter(pk=report_id, attempts=attempt)
    report = this_run.select_related("unit").get()
    try:
        rendered = render_pdf(report, on_progress=lambda percent: record_progress(this_run, percent))
    except TRANSIENT as error:
        if self.request.retries >= MAX_RETRIES:
            logger.exception("Report %s failed after %s retries", report_id, MAX_RETRIES)
            fail(this_run, error)
            return
        # Back in the queue, so the page says "queued" while the retry waits for its turn.
        this_run.filter(status=Report.Status.RUNNING).update(status=Report.Status.QUEUED, progress=0)
        raise
    except Exception as error:
        logger.exception("Report %s failed", report_id)
        fail(this_run, error)
        return
    store(report, rendered.content, this_run)


def record_progress(this_run, percent: int) -> None:
    this_run.update(progress=percent)
    if settings.REPORTS_TEST_BUILD_DELAY:  # test-only: a fault test kills the worker mid-build
        time.sleep(settings.REPORTS_TEST_BUILD_DELAY)


def claim(report_id: int) -> int | None:
    """Mark the report running for a new attempt; the attempt's number, or None when there is nothing to build."""
    claimed = Report.objects.filter(pk=report_id, status__in=ACTIVE).update(
        status=Report.Status.RUNNING,
        progress=0,
        error="",
        started_at=timezone.now(),
        finished_at=None,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return None
    return Report.objects.filter(pk=report_id).values_list("attempts", flat=True).first()


def store(report: Report, content: bytes, this_run) -> None:
    name = filename_of(report)
    report.file.save(name, ContentFile(content), save=False)
    stored = this_run.filter(status=Report.Status.RUNNING).update(
        file=report.file.name, status=Report.Status.DONE, progress=100, finished_at=timezone.now()
    )
    if not stored:
        # A newer attempt took over meanwhile: its own file wins, this one goes.
        report.file.delete(save=False)
        return
    tell_ready(report)


def tell_ready(report: Report) -> None:
    """Whoever asked for the report: it is ready to download."""
    if report.requested_by_id is None:
        return
    notify(
        recipients=User.objects.filter(pk=report.requested_by_id),
        kind=NotificationKind.REPORT_READY,
        subject=str(report),
        url=reverse("reports:detail", args=[report.pk]),
        unit=report.unit,
    )


def fail(this_run, error: BaseException) -> None:
    message = f"{type(error).__name__}: {error}".strip() or type(error).__name__
    try:
        this_run.update(status=Report.Status.FAILED, error=message[:2000], finished_at=timezone.now())
    except DatabaseError:
        logger.exception("Could not record the failure of a report")
