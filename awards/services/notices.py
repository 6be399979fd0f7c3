"""Who is told when a nomination moves: the proposing unit when it comes back or is decided (and the
nominee's unit), the reviewers of the level above when it is forwarded to them."""

from django.urls import reverse

from awards.models import Decision, Nomination, Nominee
from units.hierarchy import REVIEWER_ROLES
from units.models import Unit
from units.notifications.services import Notice, NotificationKind, members_by_unit, members_of, notify, notify_each


def _url(nomination: Nomination) -> str:
    return reverse("awards:detail", args=[nomination.pk])


def tell_returned(nomination: Nomination) -> None:
    notify(
        recipients=members_of([nomination.proposing_unit]),
        kind=NotificationKind.NOMINATION_RETURNED,
        subject=str(nomination),
        body=nomination.return_reason,
        url=_url(nomination),
        unit=nomination.proposing_unit,
    )


def tell_forwarded(nomination: Nomination) -> None:
    """Forwarded inside the app: the reviewers of the unit whose queue it entered."""
    if nomination.reviewer_unit_id is None:
        return  # left the app for the central level: nobody here acts on it
    notify(
        recipients=members_of([nomination.reviewer_unit], *REVIEWER_ROLES),
        kind=NotificationKind.NOMINATION_FORWARDED,
        subject=str(nomination),
        url=reverse("awards:appraise", args=[nomination.pk]),
        unit=nomination.proposing_unit,
    )


def tell_decided(decision: Decision, nominations: list[Nomination]) -> None:
    """Each nomination's proposing unit and the nominee's own unit, with one query for all their members."""
    nominees = {
        pk: (unit, name)
        for pk, unit, name in Nominee.objects.filter(nominations__in=nominations).values_list("pk", "unit_id", "name")
    }
    members = members_by_unit({n.proposing_unit_id for n in nominations} | {unit for unit, _n in nominees.values()})
    proposers = Unit.objects.in_bulk({n.proposing_unit_id for n in nominations})
    notices = []
    for nomination in nominations:
        nominee_unit, nominee_name = nominees[nomination.nominee_id]
        notices.append(
            Notice(
                recipients=members.get(nomination.proposing_unit_id, []) + members.get(nominee_unit, []),
                kind=NotificationKind.NOMINATION_DECIDED,
                subject=f"{decision.award_form} – {nominee_name} · {decision.reference}",
                url=_url(nomination),
                unit=proposers[nomination.proposing_unit_id],
            )
        )
    notify_each(notices)


def tell_commented(comment) -> None:
    """The other side of the thread: the reviewers when the proposer writes, the proposing unit otherwise."""
    nomination = comment.nomination
    if comment.unit_id == nomination.proposing_unit_id:
        if nomination.reviewer_unit_id is None:
            return
        recipients = members_of([nomination.reviewer_unit], *REVIEWER_ROLES)
        url = reverse("awards:appraise", args=[nomination.pk])
    else:
        recipients = members_of([nomination.proposing_unit])
        url = _url(nomination)
    notify(
        recipients=recipients.exclude(pk=comment.author_id),
        kind=NotificationKind.COMMENT,
        subject=str(nomination),
        body=comment.text[:300],
        url=url + "#discussion",
        unit=nomination.proposing_unit,
    )
