"""Sending report builds to the worker, and sending again the ones that never reached the broker.

A report request commits its Report row first and sends the build after the commit. When Redis is away
at that moment the send fails: the request still succeeds and the report stays queued. Every successful
send leaves a mark in the cache (the same Redis in production), so `requeue_pending_reports` — run by
`manage.py requeue_reports` from cron and by each worker as it starts — sends again only the queued
reports with no mark: those whose send failed, or whose message Redis lost with its data on a restart.
A report sent twice is built once: the task leaves a done report alone (reports/tasks.py).
"""

import contextlib
import logging
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from reports.models import Report
from reports.tasks import build_report

logger = logging.getLogger(__name__)

# Long enough to cover a worker's backlog, short enough that a message lost by a broker whose cache
# survived (two Redis servers) is sent again the same hour.
SENT_MARK_SECONDS = 3600


def sent_key(report_id: int) -> str:
    return f"reports:sent:{report_id}"


def send_build(report_id: int) -> bool:
    """Send the build to the worker; False (logged, the report stays queued) when the broker is away."""
    try:
        build_report.delay(report_id)
    except BrokerError:
        logger.warning("Could not send the build of report %s; requeue_reports will send it again", report_id)
        return False
    with contextlib.suppress(Exception):  # no mark only means a harmless second send later
        cache.set(sent_key(report_id), True, SENT_MARK_SECONDS)
    return True


def was_sent(report_id: int) -> bool:
    try:
        return bool(cache.get(sent_key(report_id)))
    except Exception:  # noqa: BLE001 - a cache that does not answer knows of no send
        return False


def requeue_pending_reports(older_than: int | None = None) -> int:
    """Send again the reports queued for more than `older_than` seconds with no send on record; how many."""
    if older_than is None:
        older_than = settings.REPORTS_REQUEUE_AFTER
    cutoff = timezone.now() - timedelta(seconds=older_than)
    pending = (
        Report.objects.filter(status=Report.Status.QUEUED, requested_at__lte=cutoff)
        .order_by("requested_at", "pk")
        .values_list("pk", flat=True)
    )
    sent = 0
    for report_id in pending:
        if was_sent(report_id):
            continue
        if not send_build(report_id):
            break  # the broker is still away: the next run tries again
        sent += 1
    if sent:
        logger.info("Sent again the builds of %s queued report(s)", sent)
    return sent
