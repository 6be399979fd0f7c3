"""The one way a nomination changes status: a conditional UPDATE on the status the caller expects.

Two reviewers clicking at once both send "UPDATE … WHERE status = expected": the first one matches the row,
the second matches nothing and gets a clear refusal, without a lock held across the request. `.update()`
bypasses simple-history, so each step writes its history record (which changes_since_return reads) and a
NominationEvent (who, when, at which level, why) itself.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.models import Nomination, NominationEvent
from units.models import Unit, User

Status = Nomination.Status


class Action:
    """NominationEvent.action values."""

    SUBMIT = "submit"
    RESUBMIT = "resubmit"
    START_APPRAISAL = "appraise"
    RETURN = "return"
    REJECT = "reject"
    PUT_ON_AGENDA = "agenda"
    COUNCIL_PASSED = "council_passed"
    COUNCIL_FAILED = "council_failed"
    FORWARD = "forward"
    ISSUE = "issue"
    CLOSE_DISSOLVED = "close_dissolved"


ACTION_LABELS = {
    Action.SUBMIT: gettext_lazy("Submitted"),
    Action.RESUBMIT: gettext_lazy("Resubmitted"),
    Action.START_APPRAISAL: gettext_lazy("Appraisal started"),
    Action.RETURN: gettext_lazy("Returned"),
    Action.REJECT: gettext_lazy("Rejected"),
    Action.PUT_ON_AGENDA: gettext_lazy("Put on the council agenda"),
    Action.COUNCIL_PASSED: gettext_lazy("Passed by the council"),
    Action.COUNCIL_FAILED: gettext_lazy("Not passed by the council"),
    Action.FORWARD: gettext_lazy("Forwarded"),
    Action.ISSUE: gettext_lazy("Decision issued"),
    Action.CLOSE_DISSOLVED: gettext_lazy("Closed: body dissolved"),
}


def transition(
    nomination: Nomination,
    *,
    expected: Iterable[str],
    to: str,
    action: str,
    by: User | None,
    unit: Unit | None,
    comment: str = "",
    refusal: str | None = None,
    **changes,
) -> Nomination:
    """Move `nomination` from one of the `expected` statuses to `to`, or refuse; refreshes the instance."""
    expected = list(expected)
    now = timezone.now()
    current = Nomination.objects.filter(pk=nomination.pk).values_list("status", flat=True).first()
    updated = 0
    if current in expected:
        updated = Nomination.objects.filter(pk=nomination.pk, status=current).update(
            status=to, version=F("version") + 1, updated_at=now, **changes
        )
    if not updated:
        raise ValidationError(refusal or status_refusal(current), code="status")
    nomination.refresh_from_db()
    record(nomination, from_status=current, action=action, by=by, unit=unit, comment=comment, at=now)
    return nomination


def record(
    nomination: Nomination,
    *,
    from_status: str,
    action: str,
    by: User | None,
    unit: Unit | None,
    comment: str = "",
    at=None,
) -> NominationEvent:
    """The history record and the event of a transition already written to the row."""
    Nomination.history.bulk_history_create(
        [nomination], update=True, default_user=by, default_change_reason=action, default_date=at or timezone.now()
    )
    return NominationEvent.objects.create(
        nomination=nomination,
        unit=unit,
        from_status=from_status,
        to_status=nomination.status,
        action=action,
        comment=comment,
        by=by,
    )


def status_refusal(current: str | None) -> str:
    if current is None:
        return _("This nomination no longer exists.")
    return _("This nomination is now “%(status)s”: someone may have acted on it already. Reload the page.") % {
        "status": Status(current).label
    }


def field_error(field: str, message: str, code: str) -> ValidationError:
    """An error a form shows next to `field` (form.add_error(None, error) places it), with a code tests can read."""
    return ValidationError({field: ValidationError(message, code=code)})
