"""Scheduled work of the campaigns app, run by celery beat in production (config/celery.py)."""

from celery import shared_task

from campaigns.plans.overdue import send_deadline_notices
from units.notifications.services import resend_unsent_emails


@shared_task
def send_deadline_reminders() -> tuple[int, int]:
    """Deadlines coming up and items long overdue; safe to run again (each notice goes once)."""
    resend_unsent_emails()
    return send_deadline_notices()
