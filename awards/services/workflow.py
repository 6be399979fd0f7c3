"""A nomination's path: draft → submitted → in appraisal → returned / rejected / council → approved → forwarded.

The council steps are in council.py and the decision in decisions.py. Permissions are checked in the
views; these functions take `by` and record it.
"""

import datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from awards.catalogue import DOSSIER_PARTS
from awards.models import AwardForm, LegalRegime, Nomination, Nominee
from awards.services.checks import check_nomination, errors
from awards.services.notices import tell_forwarded, tell_returned
from awards.services.routing import can_decide, dated_name, short_date, today
from awards.services.transitions import Action, Status, field_error, transition
from campaigns.models import Plan
from units.hierarchy import default_successor, level_above
from units.models import Unit, User

EDITABLE = (Status.DRAFT, Status.RETURNED)
IN_REVIEW = (Status.SUBMITTED, Status.IN_APPRAISAL)


@transaction.atomic
def submit_nomination(nomination: Nomination, *, by: User) -> Nomination:
    """Send a draft (or a returned nomination) to the level that reviews it on the submission date."""
    day = nomination.submission_date
    _check_submission_date(day)
    proposer = nomination.proposing_unit
    _check_unit_exists(proposer, day)
    blocking = errors(check_nomination(nomination))
    if blocking:
        raise ValidationError([ValidationError(finding.message, code=finding.code) for finding in blocking])
    reviewer = _reviewer_on(nomination, day)
    resubmission = nomination.status == Status.RETURNED
    return transition(
        nomination,
        expected=EDITABLE,
        to=Status.SUBMITTED,
        action=Action.RESUBMIT if resubmission else Action.SUBMIT,
        by=by,
        unit=proposer,
        refusal=_("Only a draft or a returned nomination can be submitted."),
        reviewer_unit=reviewer,
        legal_regime=LegalRegime.on(day),
    )


def _check_submission_date(day: datetime.date | None) -> None:
    if day is None:
        raise field_error("submission_date", _("Enter the date of the submission letter (tờ trình)."), "no_date")
    if day > today():
        raise field_error(
            "submission_date",
            _("The submission date %(date)s is in the future.") % {"date": short_date(day)},
            "future_date",
        )


def _check_unit_exists(unit: Unit, day: datetime.date) -> None:
    """A unit proposes only on dates it exists: after 07/2025 a legacy commune proposes through its successor."""
    if unit.is_valid_on(day):
        return
    values = {"unit": dated_name(unit), "date": short_date(day)}
    if unit.valid_from is not None and day < unit.valid_from:
        message = _("%(unit)s does not exist yet on %(date)s.") % values
    elif successor := default_successor(unit, on=day):
        message = _("%(unit)s no longer exists on %(date)s; propose from its successor %(successor)s.") % {
            **values,
            "successor": successor.name,
        }
    else:
        message = _("%(unit)s no longer exists on %(date)s.") % values
    raise ValidationError(message, code="unit_not_valid")


def _reviewer_on(nomination: Nomination, day: datetime.date) -> Unit:
    proposer = nomination.proposing_unit
    # A resubmission goes back to the level that returned it, which already knows the file: the level the
    # submission date routes to, or one the file was forwarded to later and that still exists.
    previous = nomination.reviewer_unit if nomination.status == Status.RETURNED else None
    if previous is not None and (previous.is_valid_on(day) or previous.is_valid_on(today())):
        return previous
    # A form within the proposer's own authority (a commune's Giấy khen) is decided at home, after its council.
    if can_decide(proposer, nomination.award_form, on=day):
        return proposer
    reviewer = level_above(proposer, on=day)
    if reviewer is None:
        raise ValidationError(
            _("There is no level above %(unit)s in the app to submit to.") % {"unit": proposer}, code="no_route"
        )
    return reviewer


@transaction.atomic
def start_appraisal(nomination: Nomination, *, by: User) -> Nomination:
    """The reviewing level's Home Affairs takes the file up (thẩm định)."""
    return transition(
        nomination,
        expected=[Status.SUBMITTED],
        to=Status.IN_APPRAISAL,
        action=Action.START_APPRAISAL,
        by=by,
        unit=nomination.reviewer_unit,
        refusal=_("Only a submitted nomination can be taken into appraisal."),
    )


@transaction.atomic
def return_nomination(nomination: Nomination, *, by: User, reason: str) -> Nomination:
    """Send the file back to the proposer with what to fix; it comes back to the same level."""
    reason = _required_reason(reason, _("Say what the proposer must fix."))
    now = timezone.now()
    returned = transition(
        nomination,
        expected=IN_REVIEW,
        to=Status.RETURNED,
        action=Action.RETURN,
        by=by,
        unit=nomination.reviewer_unit,
        comment=reason,
        refusal=_("Only a submitted nomination or one in appraisal can be returned."),
        return_reason=reason,
        returned_at=now,
    )
    tell_returned(returned)
    return returned


@transaction.atomic
def reject_nomination(nomination: Nomination, *, by: User, reason: str) -> Nomination:
    """Turn the nomination down for good, with the reason the proposer sees."""
    reason = _required_reason(reason, _("Give the reason for rejecting the nomination."))
    return transition(
        nomination,
        expected=[Status.IN_APPRAISAL],
        to=Status.REJECTED,
        action=Action.REJECT,
        by=by,
        unit=nomination.reviewer_unit,
        comment=reason,
        refusal=_("Only a nomination in appraisal can be rejected."),
        decision_reason=reason,
        reviewer_unit=None,
    )


def _required_reason(reason: str, message: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise field_error("reason", message, "no_reason")
    return reason


@transaction.atomic
def forward_nomination(nomination: Nomination, *, by: User) -> Nomination:
    """An approved nomination beyond the reviewer's authority goes to the level above, valid today.

    In the app it enters that level's queue as submitted; above the province (central level) it leaves the app.
    """
    reviewer = nomination.reviewer_unit
    if reviewer is not None and can_decide(reviewer, nomination.award_form):
        raise ValidationError(
            _("%(unit)s grants %(award)s itself: issue a decision instead of forwarding.")
            % {"unit": reviewer, "award": nomination.award_form},
            code="within_authority",
        )
    above = level_above(reviewer, on=today()) if reviewer is not None else None
    if above is None:
        to, comment = Status.FORWARDED, _("Forwarded outside the app to the central level.")
    else:
        to, comment = Status.SUBMITTED, _("Forwarded to %(unit)s.") % {"unit": above}
    forwarded = transition(
        nomination,
        expected=[Status.APPROVED],
        to=to,
        action=Action.FORWARD,
        by=by,
        unit=reviewer,
        comment=comment,
        refusal=_("Only an approved nomination can be forwarded."),
        reviewer_unit=above,
    )
    tell_forwarded(forwarded)
    return forwarded


@transaction.atomic
def close_dissolved(nomination: Nomination, *, by: User, note: str) -> Nomination:
    """Close an open nomination whose proposing or reviewing body no longer exists (TT 15/2025/TT-BNV:
    no commendation for bodies dissolved in the restructuring, domain.md §3.1 and §5)."""
    day = today()
    gone = [unit for unit in (nomination.proposing_unit, nomination.reviewer_unit) if _dissolved(unit, day)]
    if not gone:
        raise ValidationError(
            _("Both the proposing and the reviewing body still exist: this nomination cannot be closed as dissolved."),
            code="not_dissolved",
        )
    comment = (note or "").strip() or _("%(unit)s was dissolved (TT 15/2025/TT-BNV).") % {"unit": dated_name(gone[0])}
    return transition(
        nomination,
        expected=[status for status in Status if status not in Nomination.CLOSED_STATUSES],
        to=Status.CLOSED_DISSOLVED,
        action=Action.CLOSE_DISSOLVED,
        by=by,
        unit=nomination.reviewer_unit or nomination.proposing_unit,
        comment=comment,
        refusal=_("This nomination is already closed."),
        reviewer_unit=None,
    )


def _dissolved(unit: Unit | None, day: datetime.date) -> bool:
    return unit is not None and unit.valid_to is not None and unit.valid_to < day


class Change(NamedTuple):
    label: str
    old: str
    new: str
    by: User | None
    at: datetime.datetime


# What the proposer edits; status, version and routing fields are the workflow's, not the proposer's.
TRACKED_FIELDS = {
    "nominee": Nominee,
    "award_form": AwardForm,
    "type": None,
    "round": None,
    "round_year": None,
    "achievements": None,
    "plan": Plan,
    "submission_number": None,
    "submission_date": None,
}


def changes_since_return(nomination: Nomination) -> list[Change]:
    """What the proposer changed after the last return, oldest first: edited fields and dossier files added."""
    if nomination.returned_at is None:
        return []
    records = list(nomination.history.select_related("history_user").order_by("history_date", "history_id"))
    before = [record for record in records if record.history_date <= nomination.returned_at]
    after = [record for record in records if record.history_date > nomination.returned_at]
    names = _names_of(records)
    changes = []
    previous = before[-1] if before else None
    for record in after:
        if previous is not None:
            for field in TRACKED_FIELDS:
                old, new = _value(previous, field, names), _value(record, field, names)
                if old != new:
                    label = str(Nomination._meta.get_field(field).verbose_name)
                    changes.append(Change(label, old, new, record.history_user, record.history_date))
        previous = record
    for file in nomination.files.filter(uploaded_at__gt=nomination.returned_at).select_related("uploaded_by"):
        label = _("Dossier: %(part)s") % {"part": DOSSIER_PARTS.get(file.part, file.part)}
        changes.append(Change(label, "—", file.title, file.uploaded_by, file.uploaded_at))
    return sorted(changes, key=lambda change: change.at)


def _names_of(records) -> dict[tuple[type, int], str]:
    """Display names of the objects the history records point to, in one query per model."""
    names = {}
    for field, model in TRACKED_FIELDS.items():
        if model is None:
            continue
        ids = {getattr(record, f"{field}_id") for record in records} - {None}
        names.update({(model, obj.pk): str(obj) for obj in model.objects.filter(pk__in=ids)})
    return names


def _value(record, field: str, names: dict) -> str:
    model = TRACKED_FIELDS[field]
    if model is not None:
        pk = getattr(record, f"{field}_id")
        return names.get((model, pk), "—") if pk is not None else "—"
    value = getattr(record, field)
    if value in (None, ""):
        return "—"
    if isinstance(value, datetime.date):
        return short_date(value)
    if field in ("type", "round"):
        return str(dict(Nomination._meta.get_field(field).flatchoices).get(value, value))
    return str(value)
