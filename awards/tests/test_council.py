"""The council: its session and members, the agenda, the tally against the threshold, and closing with minutes."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from awards.models import AgendaItem, Ballot, CouncilMember, CouncilSession, Nomination
from awards.services import close_session, create_council_session, put_on_agenda, record_tally, record_votes
from awards.tests.conftest import PRE_REFORM, error_codes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

Status = Nomination.Status
Role = CouncilMember.Role
AGREE, DISAGREE, ABSTAIN, CONFLICT = Ballot.Vote.values


@pytest.fixture
def make_session(tree, reviewer):
    """Factory: a district council session with a chair, four members and a secretary (one member absent),
    voting openly unless secret_ballot=True."""

    def make(threshold="0.5", **fields):
        fields.setdefault("secret_ballot", False)
        members = [
            {"name": "Chủ tịch Hội đồng", "role": Role.CHAIR},
            *({"name": f"Thành viên {i}", "position": "Trưởng phòng"} for i in range(1, 5)),
            {"name": "Vắng mặt", "present": False},
            {"name": "Thư ký", "role": Role.SECRETARY},
        ]
        return create_council_session(
            council_unit=fields.pop("council_unit", tree.district),
            title="Phiên họp Hội đồng TĐKT huyện",
            date=PRE_REFORM,
            members=members,
            threshold=threshold,
            by=reviewer,
            **fields,
        )

    return make


@pytest.fixture
def session(make_session):
    return make_session()


def voters(session) -> list[int]:
    """The ids of the five members present who vote, chair first."""
    return [m.pk for m in session.members.order_by("pk") if m.votes]


def member(session, name) -> CouncilMember:
    return session.members.get(name=name)


@pytest.fixture
def item(at_district, session, reviewer):
    return put_on_agenda(at_district(), session=session, by=reviewer)


def vote(item, *votes, by) -> AgendaItem:
    """The given votes, one per voter in order."""
    return record_votes(item, votes=dict(zip(voters(item.session), votes, strict=False)), by=by)


# Session


def test_a_session_is_created_with_its_members(session, tree, reviewer):
    assert (session.council_unit, session.threshold, session.created_by) == (tree.district, Decimal("0.5"), reviewer)
    assert session.members.count() == 7
    assert not member(session, "Thư ký").votes
    assert not member(session, "Vắng mặt").votes


@pytest.mark.parametrize("threshold", ["1", "1.2", "-0.1", "abc"])
def test_a_threshold_outside_zero_to_one_is_refused(make_session, threshold):
    with pytest.raises(ValidationError) as error:
        make_session(threshold=threshold)

    assert error_codes(error.value) == ["threshold"]
    assert CouncilSession.objects.count() == 0


def test_a_session_needs_someone_who_votes(tree, reviewer):
    with pytest.raises(ValidationError) as error:
        create_council_session(
            council_unit=tree.district,
            title="Phiên họp",
            date=PRE_REFORM,
            members=[{"name": "Thư ký", "role": Role.SECRETARY}, {"name": "Vắng", "present": False}],
            threshold="0.5",
            by=reviewer,
        )

    assert error_codes(error.value) == ["no_voters"]


@pytest.mark.parametrize(
    ("entry", "code"), [({"name": " "}, "member_name"), ({"name": "An", "role": "guest"}, "member_role")]
)
def test_each_member_needs_a_name_and_a_known_role(tree, reviewer, entry, code):
    with pytest.raises(ValidationError) as error:
        create_council_session(
            council_unit=tree.district, title="Phiên họp", date=PRE_REFORM, members=[entry], threshold=0.5, by=reviewer
        )

    assert error_codes(error.value) == [code]


# Agenda


def test_a_nomination_in_appraisal_goes_on_the_agenda(at_district, session, reviewer):
    first = put_on_agenda(at_district(), session=session, by=reviewer)
    second = put_on_agenda(at_district(), session=session, by=reviewer)

    assert (first.order, second.order) == (1, 2)
    first.nomination.refresh_from_db()
    assert first.nomination.status == Status.COUNCIL
    assert first.nomination.events.get().action == "agenda"


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.COUNCIL, Status.APPROVED])
def test_only_a_nomination_in_appraisal_goes_on_the_agenda(at_district, session, reviewer, status):
    with pytest.raises(ValidationError) as error:
        put_on_agenda(at_district(status), session=session, by=reviewer)

    assert error_codes(error.value) == ["status"]
    assert not session.agenda.exists()


def test_a_nomination_goes_only_before_the_council_of_its_reviewing_level(at_district, make_session, tree, reviewer):
    province_session = make_session(council_unit=tree.province)

    with pytest.raises(ValidationError) as error:
        put_on_agenda(at_district(), session=province_session, by=reviewer)

    assert error_codes(error.value) == ["other_unit"]


def test_a_closed_session_takes_no_more_items(at_district, session, reviewer):
    close_session(session, minutes="Biên bản họp.", by=reviewer)

    with pytest.raises(ValidationError) as error:
        put_on_agenda(at_district(), session=session, by=reviewer)

    assert error_codes(error.value) == ["session_closed"]


# Votes


def test_a_majority_of_votes_cast_approves_the_nomination(item, reviewer):
    vote(item, AGREE, AGREE, AGREE, DISAGREE, ABSTAIN, by=reviewer)

    assert (item.agree, item.disagree, item.abstain, item.conflicts) == (3, 1, 1, 0)
    assert item.result == AgendaItem.Result.PASSED
    assert item.ballots.count() == 5
    nomination = Nomination.objects.get(pk=item.nomination_id)
    assert nomination.status == Status.APPROVED
    event = nomination.events.last()
    assert (event.action, event.comment) == ("council_passed", "Passed by the council (3/5)")


def test_exactly_the_threshold_does_not_pass(item, reviewer):
    vote(item, AGREE, AGREE, DISAGREE, ABSTAIN, by=reviewer)

    assert item.result == AgendaItem.Result.FAILED
    nomination = Nomination.objects.get(pk=item.nomination_id)
    assert nomination.status == Status.REJECTED
    assert nomination.decision_reason == "Not passed by the council (2/4)"
    assert nomination.reviewer_unit is None


def test_a_declared_conflict_is_counted_apart_and_not_as_a_vote(item, reviewer):
    # 2 agree of 3 cast passes; had the conflict counted as a vote cast it would be 2 of 4 and fail.
    vote(item, AGREE, AGREE, DISAGREE, CONFLICT, by=reviewer)

    assert (item.agree, item.disagree, item.abstain, item.conflicts) == (2, 1, 0, 1)
    assert item.result == AgendaItem.Result.PASSED


@pytest.mark.parametrize(
    ("votes", "result"),
    [
        ((AGREE, AGREE, AGREE, DISAGREE, DISAGREE), AgendaItem.Result.FAILED),  # 3/5 = 0.6, not above
        ((AGREE, AGREE, AGREE, AGREE, DISAGREE), AgendaItem.Result.PASSED),  # 4/5
        ((AGREE, AGREE, DISAGREE), AgendaItem.Result.PASSED),  # 2/3 ≈ 0.667
    ],
)
def test_the_tally_is_held_against_the_sessions_threshold(make_session, at_district, reviewer, votes, result):
    session = make_session(threshold="0.6")
    item = put_on_agenda(at_district(), session=session, by=reviewer)

    assert vote(item, *votes, by=reviewer).result == result


@pytest.mark.parametrize("votes", [(), (CONFLICT, CONFLICT)])
def test_votes_are_refused_when_none_is_cast(item, reviewer, votes):
    with pytest.raises(ValidationError) as error:
        vote(item, *votes, by=reviewer)

    assert error_codes(error.value) == ["no_votes"]
    item.refresh_from_db()
    assert item.result == AgendaItem.Result.PENDING
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(("name", "code"), [("Thư ký", "secretary"), ("Vắng mặt", "absent")])
def test_the_secretary_and_absent_members_do_not_vote(item, reviewer, name, code):
    votes = {voters(item.session)[0]: AGREE, member(item.session, name).pk: AGREE}

    with pytest.raises(ValidationError) as error:
        record_votes(item, votes=votes, by=reviewer)

    assert error_codes(error.value) == [code]
    assert not Ballot.objects.exists()


def test_a_member_of_another_session_does_not_vote(item, make_session, reviewer):
    stranger = voters(make_session())[0]

    with pytest.raises(ValidationError) as error:
        record_votes(item, votes={stranger: AGREE}, by=reviewer)

    assert error_codes(error.value) == ["member"]


def test_an_unknown_vote_is_refused(item, reviewer):
    with pytest.raises(ValidationError) as error:
        record_votes(item, votes={voters(item.session)[0]: "maybe"}, by=reviewer)

    assert error_codes(error.value) == ["vote"]


def test_member_ids_may_come_as_form_strings(item, reviewer):
    record_votes(item, votes={str(pk): AGREE for pk in voters(item.session)}, by=reviewer)

    item.refresh_from_db()
    assert item.agree == 5


def test_votes_are_recorded_once(item, reviewer):
    stale = AgendaItem.objects.get(pk=item.pk)
    vote(item, AGREE, AGREE, by=reviewer)

    with pytest.raises(ValidationError) as error:
        vote(stale, DISAGREE, DISAGREE, by=reviewer)

    assert error_codes(error.value) == ["already_voted"]
    assert item.ballots.count() == 2


# Closing


def test_a_session_closes_with_its_minutes_once_every_item_is_voted(item, reviewer):
    vote(item, AGREE, by=reviewer)
    session = close_session(item.session, minutes="  Biên bản phiên họp.  ", by=reviewer)

    assert session.status == CouncilSession.Status.CLOSED
    assert session.minutes == "Biên bản phiên họp."


def test_a_session_with_an_item_not_voted_stays_open(item, reviewer):
    with pytest.raises(ValidationError) as error:
        close_session(item.session, minutes="Biên bản.", by=reviewer)

    assert error_codes(error.value) == ["pending_items"]
    assert "(1 left)" in error.value.messages[0]
    item.session.refresh_from_db()
    assert item.session.status == CouncilSession.Status.OPEN


def test_a_session_needs_minutes_to_close(session, reviewer):
    with pytest.raises(ValidationError) as error:
        close_session(session, minutes=" ", by=reviewer)

    assert error_codes(error.value) == ["no_minutes"]


def test_votes_on_a_closed_session_are_refused(item, reviewer):
    CouncilSession.objects.filter(pk=item.session_id).update(status=CouncilSession.Status.CLOSED)

    with pytest.raises(ValidationError) as error:
        vote(item, AGREE, by=reviewer)

    assert error_codes(error.value) == ["session_closed"]


def test_a_session_is_closed_once(session, reviewer):
    stale = CouncilSession.objects.get(pk=session.pk)
    close_session(session, minutes="Biên bản.", by=reviewer)

    with pytest.raises(ValidationError) as error:
        close_session(stale, minutes="Biên bản khác.", by=reviewer)

    assert error_codes(error.value) == ["session_closed"]
    session.refresh_from_db()
    assert session.minutes == "Biên bản."


# Secret ballot: totals only


@pytest.fixture
def secret_item(make_session, at_district, reviewer):
    session = make_session(secret_ballot=True)
    return put_on_agenda(at_district(), session=session, by=reviewer)


def test_a_secret_ballot_records_totals_and_no_ballot_per_member(secret_item, reviewer):
    item = record_tally(secret_item, agree=3, disagree=1, abstain=0, conflicts=1, by=reviewer)

    assert (item.agree, item.disagree, item.abstain, item.conflicts) == (3, 1, 0, 1)
    assert item.result == AgendaItem.Result.PASSED
    assert not Ballot.objects.exists()
    assert Nomination.objects.get(pk=item.nomination_id).status == Status.APPROVED


def test_secret_ballot_totals_follow_the_same_threshold(secret_item, reviewer):
    item = record_tally(secret_item, agree=2, disagree=2, abstain=0, by=reviewer)

    assert item.result == AgendaItem.Result.FAILED
    assert Nomination.objects.get(pk=item.nomination_id).decision_reason == "Not passed by the council (2/4)"


@pytest.mark.parametrize(
    ("totals", "code"),
    [
        ({"agree": 4, "disagree": 1, "abstain": 0, "conflicts": 1}, "too_many"),  # 5 members present vote
        ({"agree": 2, "disagree": -1, "abstain": 0}, "negative"),
        ({"agree": 0, "disagree": 0, "abstain": 0, "conflicts": 2}, "no_votes"),
    ],
)
def test_impossible_secret_ballot_totals_are_refused(secret_item, reviewer, totals, code):
    with pytest.raises(ValidationError) as error:
        record_tally(secret_item, by=reviewer, **totals)

    assert error_codes(error.value) == [code]
    secret_item.refresh_from_db()
    assert secret_item.result == AgendaItem.Result.PENDING


def test_an_open_vote_session_takes_each_members_vote_not_totals(item, reviewer):
    with pytest.raises(ValidationError) as error:
        record_tally(item, agree=3, disagree=0, abstain=0, by=reviewer)

    assert error_codes(error.value) == ["not_secret"]


def test_secret_ballot_totals_are_recorded_once(secret_item, reviewer):
    record_tally(secret_item, agree=3, disagree=0, abstain=0, by=reviewer)

    with pytest.raises(ValidationError) as error:
        record_tally(secret_item, agree=0, disagree=3, abstain=0, by=reviewer)

    assert error_codes(error.value) == ["already_voted"]
