import logging
import os

from celery import Celery
from celery.schedules import crontab
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("config")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Production runs `celery -A config beat` beside the workers: each morning the timeline deadlines coming up are
# announced and the items long overdue escalated (once per item and person, however often it runs). Without
# beat, `manage.py send_deadline_reminders` from cron does the same.
app.conf.beat_schedule = {
    "send-deadline-reminders": {
        "task": "campaigns.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
}


@worker_ready.connect
def send_reports_left_queued(**kwargs) -> None:
    """A worker that starts sends again the report builds that never reached the broker (reports/requeue.py)."""
    from reports.requeue import requeue_pending_reports  # the apps are loaded only once the worker runs

    try:
        requeue_pending_reports()
    except Exception:  # noqa: BLE001 - the worker must start anyway; cron retries within the minute
        logging.getLogger(__name__).exception("Could not send again the queued reports")
