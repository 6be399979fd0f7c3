"""`notify(...)`: tell people of an event in the app, and by e-mail after the commit.

Every app calls it (campaigns, awards, reports): it lives here, below them all. The e-mail goes through a
thin Celery task (units/tasks.py) queued after the commit, so a rolled-back action tells nobody.
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from units.models import Membership, Unit, User
from units.notifications.models import Notification, NotificationKind

__all__ = [
    "Notice",
    "NotificationKind",
    "mark_all_read",
    "mark_read",
    "members_by_unit",
    "members_of",
    "notify",
    "notify_each",
    "resend_unsent_emails",
]


@dataclass(frozen=True)
class Notice:
    """One event for several people; see notify()."""

    recipients: Iterable[User]
    kind: str
    subject: str
    url: str = ""
    body: str = ""
    unit: Unit | None = None
    key: str = ""


def notify(
    *,
    recipients: Iterable[User],
    kind: str,
    subject: str,
    url: str = "",
    body: str = "",
    unit: Unit | None = None,
    key: str = "",
) -> list[Notification]:
    """Tell each of `recipients` (deduplicated, active users only) that `kind` happened to `subject`.

    `url` is the path of the object (checked again on the server when opened); `body` what the sender wrote
    (a reminder's message, a return reason). With `key`, each recipient gets the event once ever: a second
    call with the same key is refused by the database (one_notification_per_key_and_recipient) and sends
    nothing. Returns the notifications created; their e-mails are queued after the commit.
    """
    return notify_each([Notice(recipients, kind, subject, url, body, unit, key)])


def notify_each(notices: Iterable[Notice]) -> list[Notification]:
    """Several events at once (a reminder to each of 30 communes): one insert for all those without a key."""
    plain, keyed = [], []
    for notice in notices:
        fields = {
            "kind": notice.kind,
            "subject": notice.subject[:300],
            "url": notice.url[:500],
            "body": notice.body,
            "unit": notice.unit,
            "key": notice.key[:120],
        }
        people = {user.pk: user for user in notice.recipients if user.is_active}
        rows = [Notification(recipient=user, **fields) for user in people.values()]
        (keyed if notice.key else plain).extend(rows)
    created = Notification.objects.bulk_create(plain) if plain else []
    for row in keyed:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:
            continue  # told before: the constraint, not a check-then-insert, keeps it once
        created.append(row)
    for notification in created:
        if notification.recipient.email:
            # Not delay_on_commit: with the broker away, sending would raise after the commit and fail a request
            # whose action is already saved. Robust callbacks log the error instead; resend_unsent_emails() (the
            # daily run) sends such e-mails later.
            transaction.on_commit(lambda pk=notification.pk: queue_email(pk), robust=True)
    return created


def queue_email(notification_id: int) -> None:
    from units.tasks import send_notification_email  # the task module imports this one's models

    send_notification_email.delay(notification_id)


def resend_unsent_emails(*, within: datetime.timedelta = datetime.timedelta(days=2)) -> int:
    """Queue again the e-mails of recent notifications that were never sent nor given up (the broker was away
    when they were queued); an e-mail left by its task after its last attempt is not tried again."""
    unsent = Notification.objects.filter(
        emailed_at__isnull=True,
        email_attempts__lt=settings.NOTIFICATION_EMAIL_ATTEMPTS,
        created_at__gte=timezone.now() - within,
    ).exclude(recipient__email="")
    pks = list(unsent.values_list("pk", flat=True))
    for pk in pks:
        transaction.on_commit(lambda pk=pk: queue_email(pk), robust=True)
    return len(pks)


def members_of(units: Iterable[Unit], *roles: str) -> QuerySet[User]:
    """Active users holding one of `roles` (any role when none is given) in one of `units` itself."""
    memberships = Membership.objects.filter(unit__in=list(units))
    if roles:
        memberships = memberships.filter(role__in=roles)
    return User.objects.filter(is_active=True, pk__in=memberships.values("user_id"))


def members_by_unit(units: Iterable[Unit], *roles: str) -> dict[int, list[User]]:
    """Unit pk → its active members holding one of `roles`, for many units in one query."""
    memberships = Membership.objects.filter(unit__in=list(units), user__is_active=True).select_related("user")
    if roles:
        memberships = memberships.filter(role__in=roles)
    found: dict[int, list[User]] = {}
    for membership in memberships:
        found.setdefault(membership.unit_id, []).append(membership.user)
    return found


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(read_at=notification.read_at)


def mark_all_read(user: User) -> int:
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())
