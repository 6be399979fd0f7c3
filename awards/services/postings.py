"""Public posting of nominations (niêm yết công khai) before the council votes.

The reviewing body opens a posting for a nomination whose award form needs one (AwardForm.needs_public_posting);
anyone comments while it runs; the council votes only once it has ended (awards.services.council).
"""

import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from awards.models import Holiday, Nomination, PostingComment, PublicPosting
from awards.services.transitions import field_error
from units.models import User

MAX_WORKING_DAYS = 60
# A posting opens at the earliest today and at the latest this far ahead.
MAX_DAYS_AHEAD = 365
# Comments one client address may leave in a window, across all postings: people comment once or twice,
# a script floods.
COMMENTS_PER_WINDOW = 5
WINDOW_SECONDS = 10 * 60
POSTABLE = [Nomination.Status.SUBMITTED, Nomination.Status.IN_APPRAISAL]


def last_working_day(starts_on: datetime.date, working_days: int) -> datetime.date:
    """The `working_days`-th working day counted from `starts_on` (itself included when it is one).

    Saturdays, Sundays and the Holiday rows are skipped.
    """
    # Enough calendar days for the working days, the weekends and a Tết holiday in between.
    horizon = starts_on + datetime.timedelta(days=working_days * 2 + 30)
    holidays = set(Holiday.objects.filter(date__gte=starts_on, date__lte=horizon).values_list("date", flat=True))
    day, counted = starts_on, 0
    while True:
        if day.weekday() < 5 and day not in holidays:
            counted += 1
            if counted == working_days:
                return day
        day += datetime.timedelta(days=1)


@transaction.atomic
def open_posting(nomination: Nomination, *, starts_on: datetime.date, working_days: int, by: User) -> PublicPosting:
    """Post the nomination publicly from `starts_on` for `working_days` working days."""
    if not nomination.award_form.needs_public_posting:
        raise ValidationError(_("This award form is not posted publicly."), code="not_posted")
    if nomination.status not in POSTABLE:
        raise ValidationError(_("Only a nomination submitted or in appraisal can be posted."), code="status")
    today = timezone.localdate()
    if starts_on is None or not today <= starts_on <= today + datetime.timedelta(days=MAX_DAYS_AHEAD):
        raise field_error("starts_on", _("The posting starts today or on a later day within a year."), "start")
    if working_days is None or not 1 <= working_days <= MAX_WORKING_DAYS:
        raise field_error(
            "working_days",
            _("A posting lasts from 1 to %(max)s working days.") % {"max": MAX_WORKING_DAYS},
            "working_days",
        )
    try:
        with transaction.atomic():
            return PublicPosting.objects.create(
                nomination=nomination,
                unit=nomination.reviewer_unit,
                starts_on=starts_on,
                working_days=working_days,
                ends_on=last_working_day(starts_on, working_days),
                opened_by=by,
            )
    except IntegrityError:  # two reviewers at once: the second finds the first one's posting
        raise ValidationError(_("This nomination is already posted."), code="already_posted") from None


def add_comment(posting: PublicPosting, *, name: str, contact: str, text: str, address: str | None) -> PostingComment:
    """A comment from the public, refused outside the posting's days and past the per-address limit."""
    today = timezone.localdate()
    if today < posting.starts_on:
        raise ValidationError(
            _("The posting opens on %(date)s.") % {"date": formats.date_format(posting.starts_on, "d/m/Y")},
            code="not_open",
        )
    if posting.has_ended(today):
        raise ValidationError(_("The posting has ended: comments are no longer taken."), code="closed")
    _count_against_limit(address)
    return PostingComment.objects.create(
        posting=posting, name=name, contact=contact, text=text, client_address=address or None
    )


def _count_against_limit(address: str | None) -> None:
    key = f"posting-comments:{address or 'unknown'}"
    cache.add(key, 0, WINDOW_SECONDS)  # starts the window on the first comment only
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    if count > COMMENTS_PER_WINDOW:
        raise ValidationError(
            _("Too many comments from your address: please wait %(minutes)s minutes and send it again.")
            % {"minutes": WINDOW_SECONDS // 60},
            code="throttled",
        )


def posting_blocks_vote(nomination: Nomination, today: datetime.date | None = None) -> str:
    """Why the council may not vote on `nomination` yet (its public posting is still running), or ""."""
    try:
        posting = nomination.posting  # no query when the caller select_related it
    except PublicPosting.DoesNotExist:
        return ""
    if posting.has_ended(today or timezone.localdate()):
        return ""
    return _("The public posting runs until %(end)s: the council votes on this nomination from the next day on.") % {
        "end": formats.date_format(posting.ends_on, "d/m/Y")
    }
