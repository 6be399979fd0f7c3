"""The emulation and commendation council (Hội đồng Thi đua - Khen thưởng): session, agenda, votes, minutes.

The council votes by majority of the votes cast (domain.md §4, "votes by majority"); a member who declares
a conflict of interest does not vote, and the secretary keeps the minutes without voting.
"""

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from awards.models import AgendaItem, Ballot, CouncilMember, CouncilSession, Nomination
from awards.services.postings import posting_blocks_vote
from awards.services.transitions import Action, Status, field_error, transition
from units.models import Unit, User

Vote = Ballot.Vote
Result = AgendaItem.Result


@transaction.atomic
def create_council_session(
    *,
    council_unit: Unit,
    title: str,
    date: datetime.date,
    members: list[dict],
    threshold: Decimal | str | float = Decimal("0.5"),
    by: User,
    place: str = "",
    secret_ballot: bool = True,
) -> CouncilSession:
    """A session with its members: dicts of name, position, role (CouncilMember.Role), present, user."""
    threshold = _threshold(threshold)
    title = (title or "").strip()
    if not title:
        raise field_error("title", _("Give the session a title."), "no_title")
    if date is None:
        raise field_error("date", _("Enter the date of the session."), "no_date")
    people = [_member(entry) for entry in members]
    if not any(member.votes for member in people):
        raise field_error(
            "members", _("A session needs at least one member present who votes (the secretary does not)."), "no_voters"
        )
    session = CouncilSession.objects.create(
        council_unit=council_unit,
        title=title,
        date=date,
        place=place,
        threshold=threshold,
        secret_ballot=secret_ballot,
        created_by=by,
    )
    for member in people:
        member.session = session
    CouncilMember.objects.bulk_create(people)
    return session


def _threshold(value) -> Decimal:
    try:
        threshold = Decimal(str(value))
    except (InvalidOperation, ValueError):
        threshold = None
    # At 1 or above nothing could ever pass ("more than the threshold").
    if threshold is None or not Decimal(0) <= threshold < Decimal(1):
        raise field_error(
            "threshold",
            _("The threshold is the share of votes cast that must agree: from 0 to less than 1."),
            "threshold",
        )
    return threshold


def _member(entry: dict) -> CouncilMember:
    name = (entry.get("name") or "").strip()
    user = entry.get("user")
    if not name and user is not None:
        name = str(user)
    if not name:
        raise field_error("members", _("Every council member needs a name."), "member_name")
    role = entry.get("role") or CouncilMember.Role.MEMBER
    if role not in CouncilMember.Role.values:
        raise field_error("members", _("Unknown council role: %(role)s.") % {"role": role}, "member_role")
    return CouncilMember(
        user=user,
        name=name,
        position=(entry.get("position") or "").strip(),
        role=role,
        present=entry.get("present", True),
    )


@transaction.atomic
def put_on_agenda(nomination: Nomination, *, session: CouncilSession, by: User) -> AgendaItem:
    """A nomination in appraisal goes before its reviewing level's council."""
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError(_("This council session is closed."), code="session_closed")
    if nomination.reviewer_unit_id != session.council_unit_id:
        raise ValidationError(
            _("This nomination is not waiting at %(unit)s, whose council this is.") % {"unit": session.council_unit},
            code="other_unit",
        )
    transition(
        nomination,
        expected=[Status.IN_APPRAISAL],
        to=Status.COUNCIL,
        action=Action.PUT_ON_AGENDA,
        by=by,
        unit=session.council_unit,
        comment=str(session),
        refusal=_("Only a nomination in appraisal can be put on a council agenda."),
    )
    last = session.agenda.aggregate(last=Max("order"))["last"] or 0
    return AgendaItem.objects.create(session=session, nomination=nomination, order=last + 1)


@transaction.atomic
def record_votes(item: AgendaItem, *, votes: dict, by: User) -> AgendaItem:
    """Store the ballots of one agenda item and decide it: passed → approved, failed → rejected.

    `votes` maps a member id to a Ballot.Vote. Passed means agree / (agree + disagree + abstain) is above the
    session's threshold; conflicts of interest are counted apart and are not votes cast.
    """
    session = _open_session(item)
    ballots = _ballots(item, session, votes)
    tally = {choice: sum(ballot.vote == choice for ballot in ballots) for choice in Vote.values}
    _decide(item, session, tally, by=by)
    Ballot.objects.bulk_create(ballots)
    item.refresh_from_db()
    return item


@transaction.atomic
def record_tally(
    item: AgendaItem, *, agree: int, disagree: int, abstain: int, conflicts: int = 0, by: User
) -> AgendaItem:
    """The totals of a secret ballot (bỏ phiếu kín): who voted how stays unknown, so no Ballot rows are kept."""
    session = _open_session(item)
    if not session.secret_ballot:
        raise ValidationError(_("This session votes openly: record each member's vote."), code="not_secret")
    counts = {Vote.AGREE: agree, Vote.DISAGREE: disagree, Vote.ABSTAIN: abstain, Vote.CONFLICT: conflicts}
    if any(count is None or count < 0 for count in counts.values()):
        raise ValidationError(_("Vote totals cannot be negative."), code="negative")
    voters = sum(member.votes for member in session.members.all())
    if sum(counts.values()) > voters:
        raise ValidationError(
            _("%(total)s votes and conflicts were given, but only %(voters)s members present vote.")
            % {"total": sum(counts.values()), "voters": voters},
            code="too_many",
        )
    _decide(item, session, counts, by=by)
    item.refresh_from_db()
    return item


def _open_session(item: AgendaItem) -> CouncilSession:
    session = CouncilSession.objects.select_related("council_unit").get(pk=item.session_id)
    if session.status != CouncilSession.Status.OPEN:
        raise ValidationError(_("This council session is closed."), code="session_closed")
    return session


def _decide(item: AgendaItem, session: CouncilSession, tally: dict, *, by: User) -> None:
    """Count the item once (a conditional UPDATE on its pending result) and move the nomination on."""
    # Law 06/2022/QH15: what is posted publicly for comment is voted on only once the posting has ended.
    if reason := posting_blocks_vote(item.nomination):
        raise ValidationError(reason, code="posting_running")
    cast = tally[Vote.AGREE] + tally[Vote.DISAGREE] + tally[Vote.ABSTAIN]
    if cast == 0:
        raise ValidationError(
            _("No votes were cast: record at least one agree, disagree or abstain vote."), code="no_votes"
        )
    # Exact arithmetic: agree / cast > threshold ⇔ agree > threshold × cast.
    passed = Decimal(tally[Vote.AGREE]) > session.threshold * cast
    counted = AgendaItem.objects.filter(pk=item.pk, result=Result.PENDING).update(
        agree=tally[Vote.AGREE],
        disagree=tally[Vote.DISAGREE],
        abstain=tally[Vote.ABSTAIN],
        conflicts=tally[Vote.CONFLICT],
        result=Result.PASSED if passed else Result.FAILED,
    )
    if not counted:
        raise ValidationError(_("The votes on this item were already recorded."), code="already_voted")
    score = {"agree": tally[Vote.AGREE], "cast": cast}
    if passed:
        to, action, changes = Status.APPROVED, Action.COUNCIL_PASSED, {}
        comment = _("Passed by the council (%(agree)s/%(cast)s)") % score
    else:
        to, action = Status.REJECTED, Action.COUNCIL_FAILED
        comment = _("Not passed by the council (%(agree)s/%(cast)s)") % score
        changes = {"decision_reason": comment, "reviewer_unit": None}
    transition(
        item.nomination,
        expected=[Status.COUNCIL],
        to=to,
        action=action,
        by=by,
        unit=session.council_unit,
        comment=comment,
        refusal=_("This nomination is no longer before the council."),
        **changes,
    )


def _ballots(item: AgendaItem, session: CouncilSession, votes: dict) -> list[Ballot]:
    members = {member.pk: member for member in session.members.all()}
    ballots, seen = [], set()
    for key, vote in votes.items():
        member = members.get(_as_int(key))
        if member is None:
            raise ValidationError(_("A vote was given for someone who is not a member of this session."), code="member")
        if member.pk in seen:
            raise ValidationError(_("%(member)s voted twice.") % {"member": member}, code="twice")
        seen.add(member.pk)
        if vote not in Vote.values:
            raise ValidationError(
                _("%(member)s: unknown vote “%(vote)s”.") % {"member": member, "vote": vote}, code="vote"
            )
        if member.role == CouncilMember.Role.SECRETARY:
            raise ValidationError(
                _("%(member)s is the secretary and does not vote.") % {"member": member}, code="secretary"
            )
        if not member.present:
            raise ValidationError(_("%(member)s was not present and cannot vote.") % {"member": member}, code="absent")
        ballots.append(Ballot(item=item, member=member, vote=vote))
    return ballots


def _as_int(key) -> int | None:
    try:
        return int(key)
    except (TypeError, ValueError):
        return None


@transaction.atomic
def close_session(session: CouncilSession, *, minutes: str, by: User) -> CouncilSession:
    """Close the session with its minutes (biên bản) once every agenda item has been voted on."""
    minutes = (minutes or "").strip()
    if not minutes:
        raise field_error("minutes", _("Write the minutes before closing the session."), "no_minutes")
    pending = session.agenda.filter(result=Result.PENDING).count()
    if pending:
        raise ValidationError(
            _("Record the votes on every agenda item before closing the session (%(count)s left).")
            % {"count": pending},
            code="pending_items",
        )
    closed = CouncilSession.objects.filter(pk=session.pk, status=CouncilSession.Status.OPEN).update(
        status=CouncilSession.Status.CLOSED, minutes=minutes
    )
    if not closed:
        raise ValidationError(_("This council session is already closed."), code="session_closed")
    session.refresh_from_db()
    return session
