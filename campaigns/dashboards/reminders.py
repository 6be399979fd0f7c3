"""Reminders from a district or province to the communes that have not submitted their year."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Reminder
from units.models import Role, Unit, User
from units.notifications.services import Notice, NotificationKind, members_by_unit, notify_each


@transaction.atomic
def send_reminders(communes: list[Unit], *, year: int, message: str, by: User, sender: Unit) -> tuple[int, int]:
    """Remind each commune once a day at most; (sent, already reminded today).

    Ten clicks on the button send one reminder each, not ten. Reminders from one dashboard wait for each
    other on its unit's row, so the counts are exact; the one_reminder_per_unit_year_and_day constraint keeps
    the rule when two dashboards (a district and its province) remind the same commune at the same moment.
    """
    Unit.objects.select_for_update().filter(pk=sender.pk).first()
    today = timezone.localdate()
    reminded = set(
        Reminder.objects.filter(unit__in=communes, year=year, sent_on=today).values_list("unit_id", flat=True)
    )
    due = [commune for commune in communes if commune.pk not in reminded]
    Reminder.objects.bulk_create(
        [Reminder(unit=commune, year=year, message=message, sent_by=by, sent_on=today) for commune in due],
        ignore_conflicts=True,
    )
    _tell_officers(due, year=year, message=message, sender=sender)
    return len(due), len(reminded)


def _tell_officers(communes: list[Unit], *, year: int, message: str, sender: Unit) -> None:
    """Each reminded commune's officers find it in their inbox and their mail (one query for all officers)."""
    officers = members_by_unit(communes, Role.COMMUNE_OFFICER)
    notify_each(
        Notice(
            recipients=officers.get(commune.pk, []),
            kind=NotificationKind.REMINDER,
            subject=f"{commune} · {year} ({sender})",
            body=message,
            url=reverse("progress:my-year", args=[commune.pk, year]),
            unit=commune,
        )
        for commune in communes
    )
