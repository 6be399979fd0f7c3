"""Who is told when a commune's year moves: the reviewers when it is submitted, the commune when reviewed."""

from django.urls import reverse

from campaigns.models import Assessment
from units.hierarchy import REVIEWER_ROLES
from units.models import Role
from units.notifications.services import NotificationKind, members_of, notify


def _subject(assessment: Assessment) -> str:
    return f"{assessment.unit} · {assessment.year}"


def _year_url(assessment: Assessment) -> str:
    return reverse("progress:my-year", args=[assessment.unit_id, assessment.year])


def tell_submitted(assessment: Assessment) -> None:
    """The Home Affairs reviewers of the unit the year went to (the level above on the day it was sent)."""
    notify(
        recipients=members_of([assessment.reviewer_unit], *REVIEWER_ROLES),
        kind=NotificationKind.YEAR_SUBMITTED,
        subject=_subject(assessment),
        url=reverse("progress:review", args=[assessment.pk]),
        unit=assessment.unit,
    )


def tell_reviewed(assessment: Assessment) -> None:
    """The commune's officers: approved, or returned with the reason to fix."""
    returned = assessment.status == Assessment.Status.RETURNED
    notify(
        recipients=members_of([assessment.unit], Role.COMMUNE_OFFICER),
        kind=NotificationKind.YEAR_RETURNED if returned else NotificationKind.YEAR_APPROVED,
        subject=_subject(assessment),
        body=assessment.return_reason if returned else "",
        url=_year_url(assessment),
        unit=assessment.unit,
    )


def tell_commented(comment) -> None:
    """The other side of the year's thread: its reviewers when the commune writes, the commune's officers else."""
    assessment = comment.assessment
    if comment.unit_id == assessment.unit_id:
        if assessment.reviewer_unit_id is None:
            return
        recipients = members_of([assessment.reviewer_unit], *REVIEWER_ROLES)
        url = reverse("progress:review", args=[assessment.pk])
    else:
        recipients = members_of([assessment.unit], Role.COMMUNE_OFFICER)
        url = _year_url(assessment)
    notify(
        recipients=recipients.exclude(pk=comment.author_id),
        kind=NotificationKind.COMMENT,
        subject=_subject(assessment),
        body=comment.text[:300],
        url=url + "#discussion",
        unit=assessment.unit,
    )
