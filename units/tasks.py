"""The e-mail of a notification, sent by a worker after the commit (or inline without a broker).

A refused address (the server bounces it at once) is logged and left: sending again would bounce again. Any
other failure (the mail server away) is retried with a growing delay, NOTIFICATION_EMAIL_ATTEMPTS times in all,
then logged and left; the notification itself stays in the inbox either way.
"""

import logging
import smtplib

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from units.notifications.models import Notification

logger = logging.getLogger(__name__)

REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused)


@shared_task(bind=True)
def send_notification_email(self, notification_id: int) -> None:
    pending = Notification.objects.filter(pk=notification_id, emailed_at__isnull=True)
    notification = pending.select_related("recipient").first()
    limit = settings.NOTIFICATION_EMAIL_ATTEMPTS
    if notification is None or not notification.recipient.email or notification.email_attempts >= limit:
        return
    pending.update(email_attempts=F("email_attempts") + 1)
    attempt = notification.email_attempts + 1
    try:
        message_for(notification).send()
    except REFUSED as error:
        logger.warning("Notification %s: the address %s was refused: %s", notification_id, _to(notification), error)
        pending.update(email_error=_text(error), email_attempts=limit)
        return
    except Exception as error:  # noqa: BLE001 - any other failure: the mail server away, a timeout
        pending.update(email_error=_text(error))
        if attempt >= limit or self.request.is_eager:
            # Inline (no broker) nothing waits to retry: the request that acted must not fail for the mail.
            logger.error("Notification %s: e-mail not sent after %s attempt(s): %s", notification_id, attempt, error)
            return
        raise self.retry(countdown=60 * 2**attempt, max_retries=limit) from error
    pending.update(emailed_at=timezone.now(), email_error="")


def message_for(notification: Notification) -> EmailMessage:
    """The e-mail in the site's language (a worker has no request to take one from)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {"notification": notification, "link": settings.SITE_URL + notification.url}
        subject = f"[Chung Sức] {notification.get_kind_display()}: {notification.subject}"
        body = render_to_string("notifications/email.txt", context)
    return EmailMessage(subject=subject.replace("\n", " ")[:250], body=body, to=[notification.recipient.email])


def _to(notification: Notification) -> str:
    return notification.recipient.email


def _text(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:500]
