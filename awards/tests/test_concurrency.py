"""Several people acting on nominations at the same moment, with real threads and connections, on SQLite as on
PostgreSQL: no "database is locked" or server error; the first action wins and the others get a clear refusal."""

import pytest
from django.core.exceptions import ValidationError

from awards.models import AgendaItem, Decision, DecisionCounter, Nomination, NomineeKind
from awards.services import issue_decision, submit_nomination
from awards.tests.factories_council import DECISION_DATE, vote_everyone

pytest_plugins = ["awards.tests.factories_council"]
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("english")]

Status = Nomination.Status
REFUSED = "refused"


def or_refused(action):
    """The action's result, or REFUSED when it says no (a ValidationError); anything else is raised."""
    try:
        return action()
    except ValidationError:
        return REFUSED


@pytest.fixture
def households(make_nomination, make_nominee, tree):
    """Factory: `n` complete drafts, each for a different household of the village."""

    def make(n, **fields):
        return [
            make_nomination(nominee=make_nominee(tree.village, kind=NomineeKind.HOUSEHOLD, name=f"Hộ {i}"), **fields)
            for i in range(n)
        ]

    return make


def test_four_officers_submitting_four_drafts_at_once_submit_all_four(at_once, households, officer):
    drafts = households(4)

    at_once(lambda i: submit_nomination(drafts[i], by=officer), 4)

    assert set(Nomination.objects.values_list("status", flat=True)) == {Status.SUBMITTED}


def test_the_same_draft_submitted_from_four_tabs_at_once_is_submitted_once(at_once, households, officer):
    (draft,) = households(1)

    outcomes = at_once(
        lambda i: or_refused(lambda: submit_nomination(Nomination.objects.get(pk=draft.pk), by=officer)), 4
    )

    assert outcomes.count(REFUSED) == 3
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert draft.events.filter(action="submit").count() == 1


def test_votes_on_four_agenda_items_recorded_at_once_are_all_counted(at_once, on_agenda, reviewer, make_nominee, tree):
    items = [
        on_agenda(nominee=make_nominee(tree.village, kind=NomineeKind.HOUSEHOLD, name=f"Hộ {i}")) for i in range(4)
    ]

    at_once(lambda i: vote_everyone(AgendaItem.objects.get(pk=items[i].pk), "agree", by=reviewer), 4)

    assert set(AgendaItem.objects.values_list("result", flat=True)) == {AgendaItem.Result.PASSED}
    assert set(Nomination.objects.values_list("status", flat=True)) == {Status.APPROVED}


def test_the_same_item_voted_from_three_tabs_at_once_is_counted_once(at_once, on_agenda, reviewer):
    item = on_agenda()

    outcomes = at_once(
        lambda i: or_refused(lambda: vote_everyone(AgendaItem.objects.get(pk=item.pk), "agree", by=reviewer)), 3
    )

    assert outcomes.count(REFUSED) == 2
    item.refresh_from_db()
    assert item.ballots.count() == len([member for member in item.session.members.all() if member.votes])


def test_four_decisions_issued_at_once_take_four_consecutive_numbers(at_once, households, tree, reviewer):
    approved = households(4, status=Status.APPROVED, reviewer_unit=tree.district)

    def issue(i):
        return issue_decision(
            [approved[i]],
            issuing_unit=tree.district,
            date=DECISION_DATE,
            signer_name="Nông Văn Ký",
            signer_title="Chủ tịch UBND huyện",
            legal_basis="Luật Thi đua, khen thưởng số 06/2022/QH15",
            by=reviewer,
        )

    at_once(issue, 4)

    assert sorted(Decision.objects.values_list("number", flat=True)) == [1, 2, 3, 4]
    assert DecisionCounter.objects.get().last_number == 4
    assert set(Nomination.objects.values_list("status", flat=True)) == {Status.DECISION_ISSUED}
