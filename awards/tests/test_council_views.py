import pytest
from django.urls import reverse

from awards import services
from awards.models import AgendaItem, Ballot, CouncilMember, CouncilSession, Nomination

pytest_plugins = ["awards.tests.factories_council"]
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def session_url(session):
    return reverse("awards:session", args=[session.pk])


def votes_url(item):
    return reverse("awards:record-votes", args=[item.session_id, item.pk])


def vote_data(item, *votes):
    voters = [member for member in item.session.members.order_by("pk") if member.votes]
    return {f"item{item.pk}-member_{member.pk}": vote for member, vote in zip(voters, votes, strict=True)}


def create_data(unit, **overrides):
    data = {
        "council_unit": unit.pk,
        "title": "Phiên họp tháng 4",
        "date": "15/04/2025",
        "place": "Hội trường UBND huyện",
        "threshold_percent": "50",
        "members-TOTAL_FORMS": "3",
        "members-INITIAL_FORMS": "0",
        "members-0-name": "Lương Văn Dũng",
        "members-0-role": "chair",
        "members-0-present": "on",
        "members-1-name": "Đàm Thị Hoa",
        "members-1-role": "secretary",
        "members-1-present": "on",
        "members-2-name": "",
        "members-2-role": "member",
    }
    return data | overrides


# Reading: scope gives 404, the role 403.


def test_the_session_list_shows_the_districts_sessions_to_its_reviewer(client, reviewer, council_session):
    client.force_login(reviewer)
    response = client.get(reverse("awards:sessions"))
    assert response.status_code == 200
    assert council_session.title in response.content.decode()


def test_a_commune_officer_does_not_see_the_districts_sessions(client, officer, council_session):
    client.force_login(officer)
    response = client.get(reverse("awards:sessions"))
    assert response.status_code == 200
    assert council_session.title not in response.content.decode()


def test_the_session_list_refuses_a_user_without_a_council_role(client, district_clerk):
    client.force_login(district_clerk)
    assert client.get(reverse("awards:sessions")).status_code == 403


def test_a_session_outside_the_users_units_is_not_found(client, outsider, council_session):
    client.force_login(outsider)
    assert client.get(session_url(council_session)).status_code == 404


def test_a_user_who_sees_the_district_without_a_council_role_is_refused(client, district_clerk, council_session):
    client.force_login(district_clerk)
    assert client.get(session_url(council_session)).status_code == 403


@pytest.mark.parametrize("reader", ["council_leader", "council_reader"])
def test_leaders_and_council_members_read_a_session_without_vote_forms(client, request, reader, on_agenda):
    item = on_agenda()
    client.force_login(request.getfixturevalue(reader))
    response = client.get(session_url(item.session))
    assert response.status_code == 200
    assert item.nomination.nominee.name in response.content.decode()
    assert f'id="votes-{item.pk}"' not in response.content.decode()


# Creating a session.


def test_the_reviewer_creates_a_session_with_its_members(client, reviewer, tree):
    client.force_login(reviewer)
    response = client.post(reverse("awards:session-create"), create_data(tree.district))

    session = CouncilSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session_url(session)
    assert session.council_unit == tree.district
    assert str(session.threshold) == "0.500"
    assert sorted(session.members.values_list("name", "role")) == [
        ("Lương Văn Dũng", "chair"),
        ("Đàm Thị Hoa", "secretary"),
    ]


def test_a_session_without_a_voting_member_is_refused_next_to_the_members(client, reviewer, tree):
    client.force_login(reviewer)
    data = create_data(tree.district, **{"members-0-present": ""})
    response = client.post(reverse("awards:session-create"), data)

    assert response.status_code == 200
    assert 'id="members-error"' in response.content.decode()
    assert "at least one member present who votes" in response.content.decode()
    assert not CouncilSession.objects.exists()


def test_a_future_session_date_is_refused(client, reviewer, tree):
    client.force_login(reviewer)
    response = client.post(reverse("awards:session-create"), create_data(tree.district, date="01/01/2099"))
    assert response.status_code == 200
    assert "cannot be in the future" in response.content.decode()
    assert not CouncilSession.objects.exists()


def test_a_commune_officer_cannot_create_the_districts_session(client, officer, tree):
    client.force_login(officer)
    response = client.post(reverse("awards:session-create"), create_data(tree.district))
    assert response.status_code == 200  # the district is not among the choices: a form error
    assert not CouncilSession.objects.exists()


def test_a_leader_cannot_create_a_session(client, council_leader):
    client.force_login(council_leader)
    assert client.get(reverse("awards:session-create")).status_code == 403


def test_a_new_session_proposes_the_members_of_the_units_last_session(client, reviewer, tree, council_session):
    client.force_login(reviewer)
    response = client.get(reverse("awards:session-create") + f"?unit={tree.district.pk}")
    content = response.content.decode()
    assert 'value="Nông Văn Bình"' in content
    assert response.context["form"].initial["council_unit"] == tree.district.pk


# The agenda.


def test_the_reviewer_adds_nominations_in_appraisal_to_the_agenda(client, reviewer, council_session, at_district):
    first, second = at_district(), at_district()
    client.force_login(reviewer)
    response = client.post(
        reverse("awards:agenda-add", args=[council_session.pk]), {"nominations": [first.pk, second.pk]}
    )

    assert response.status_code == 302
    assert list(council_session.agenda.values_list("nomination", flat=True)) == [first.pk, second.pk]
    first.refresh_from_db()
    assert first.status == Nomination.Status.COUNCIL
    assert first.events.last().action == services.Action.PUT_ON_AGENDA


def test_only_nominations_in_appraisal_at_the_council_unit_can_be_added(client, reviewer, council_session, at_district):
    submitted = at_district(status=Nomination.Status.SUBMITTED)
    client.force_login(reviewer)
    response = client.post(reverse("awards:agenda-add", args=[council_session.pk]), {"nominations": [submitted.pk]})
    assert response.status_code == 400
    assert not council_session.agenda.exists()


def test_adding_to_the_agenda_rejects_get(client, reviewer, council_session):
    client.force_login(reviewer)
    assert client.get(reverse("awards:agenda-add", args=[council_session.pk])).status_code == 405


def test_a_council_member_cannot_change_the_agenda(client, council_reader, council_session, at_district):
    nomination = at_district()
    client.force_login(council_reader)
    response = client.post(reverse("awards:agenda-add", args=[council_session.pk]), {"nominations": [nomination.pk]})
    assert response.status_code == 403


# Votes.


def test_the_reviewer_records_open_votes_and_the_tally_is_shown(client, reviewer, on_agenda):
    item = on_agenda()
    client.force_login(reviewer)
    response = client.post(votes_url(item), vote_data(item, "agree", "agree", "disagree"), follow=True)

    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain, item.result) == (2, 1, 0, AgendaItem.Result.PASSED)
    item.nomination.refresh_from_db()
    assert item.nomination.status == Nomination.Status.APPROVED
    content = response.content.decode()
    assert "passed (2 of 3 votes agree)" in content
    assert '<dd class="fs-5 mb-0" data-vote="agree">2</dd>' in content
    assert f'id="issue-{item.pk}"' in content  # the Giấy khen is the district's own: a decision follows


def test_a_declared_conflict_is_not_a_vote_cast(client, reviewer, on_agenda):
    item = on_agenda()
    client.force_login(reviewer)
    client.post(votes_url(item), vote_data(item, "conflict", "agree", "disagree"))
    item.refresh_from_db()
    # 1 of 2 votes cast is not more than 50%.
    assert (item.agree, item.disagree, item.conflicts, item.result) == (1, 1, 1, AgendaItem.Result.FAILED)
    item.nomination.refresh_from_db()
    assert item.nomination.status == Nomination.Status.REJECTED


def test_a_missing_vote_is_shown_next_to_the_member_and_nothing_is_recorded(client, reviewer, on_agenda):
    item = on_agenda()
    data = vote_data(item, "agree", "agree", "agree")
    data[next(iter(data))] = ""
    client.force_login(reviewer)
    response = client.post(votes_url(item), data)

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    item.refresh_from_db()
    assert item.result == AgendaItem.Result.PENDING
    assert not Ballot.objects.exists()


def test_votes_cannot_be_recorded_twice(client, reviewer, on_agenda):
    item = on_agenda()
    client.force_login(reviewer)
    client.post(votes_url(item), vote_data(item, "agree", "agree", "agree"))
    response = client.post(votes_url(item), vote_data(item, "disagree", "disagree", "disagree"), follow=True)

    assert "The votes on this item were already recorded." in response.content.decode()
    item.refresh_from_db()
    assert item.agree == 3
    assert Ballot.objects.count() == 3


def test_the_secretary_and_absent_members_get_no_vote(client, reviewer, make_council_session, on_agenda):
    members = [
        {"name": "Chủ tịch", "role": CouncilMember.Role.CHAIR},
        {"name": "Vắng mặt", "role": CouncilMember.Role.MEMBER, "present": False},
        {"name": "Thư ký", "role": CouncilMember.Role.SECRETARY},
    ]
    item = on_agenda(make_council_session(members=members))
    client.force_login(reviewer)
    response = client.get(session_url(item.session))
    form = next(i.form for i in response.context["items"] if i.pk == item.pk)
    assert [member.name for member in form.voters] == ["Chủ tịch"]


def test_a_leader_cannot_record_votes(client, council_leader, on_agenda):
    item = on_agenda()
    client.force_login(council_leader)
    assert client.post(votes_url(item), vote_data(item, "agree", "agree", "agree")).status_code == 403


def tally_data(item, agree, disagree, abstain, conflicts=0):
    counts = {"agree": agree, "disagree": disagree, "abstain": abstain, "conflicts": conflicts}
    return {f"item{item.pk}-{name}": count for name, count in counts.items()}


def test_a_secret_ballot_records_the_totals_and_not_who_voted_how(client, reviewer, make_council_session, on_agenda):
    item = on_agenda(make_council_session(secret_ballot=True))
    client.force_login(reviewer)
    page = client.get(session_url(item.session)).content.decode()
    assert f'name="item{item.pk}-agree"' in page
    assert f'name="item{item.pk}-member_' not in page

    response = client.post(votes_url(item), tally_data(item, 2, 0, 0, conflicts=1), follow=True)

    item.refresh_from_db()
    assert (item.agree, item.disagree, item.abstain, item.conflicts) == (2, 0, 0, 1)
    assert item.result == AgendaItem.Result.PASSED
    assert not Ballot.objects.exists()
    assert "passed (2 of 2 votes agree)" in response.content.decode()


def test_secret_ballot_totals_above_the_members_present_are_refused(client, reviewer, make_council_session, on_agenda):
    item = on_agenda(make_council_session(secret_ballot=True))
    client.force_login(reviewer)
    response = client.post(votes_url(item), tally_data(item, 3, 1, 0))

    assert response.status_code == 400
    assert "only 3 members present vote" in response.content.decode()
    item.refresh_from_db()
    assert item.result == AgendaItem.Result.PENDING


def test_a_negative_total_is_shown_next_to_its_field(client, reviewer, make_council_session, on_agenda):
    item = on_agenda(make_council_session(secret_ballot=True))
    client.force_login(reviewer)
    response = client.post(votes_url(item), tally_data(item, -1, 0, 0))
    assert response.status_code == 400
    assert response.context["items"][0].form.errors["agree"]


# Minutes and closing.


def test_the_session_closes_with_its_minutes_once_every_item_is_voted(client, reviewer, on_agenda):
    item = on_agenda()
    client.force_login(reviewer)
    client.post(votes_url(item), vote_data(item, "agree", "agree", "abstain"))
    response = client.post(
        reverse("awards:session-close", args=[item.session_id]),
        {"minutes": "Hội đồng thống nhất đề nghị."},
        follow=True,
    )

    session = CouncilSession.objects.get(pk=item.session_id)
    assert session.status == CouncilSession.Status.CLOSED
    assert session.minutes == "Hội đồng thống nhất đề nghị."
    assert "Hội đồng thống nhất đề nghị." in response.content.decode()
    assert 'id="close-session"' not in response.content.decode()


def test_a_session_with_items_to_vote_on_does_not_close(client, reviewer, on_agenda):
    item = on_agenda()
    client.force_login(reviewer)
    response = client.post(reverse("awards:session-close", args=[item.session_id]), {"minutes": "Biên bản."})

    assert response.status_code == 400
    assert "Record the votes on every agenda item" in response.content.decode()
    assert CouncilSession.objects.get(pk=item.session_id).status == CouncilSession.Status.OPEN


def test_closing_without_minutes_shows_the_error_next_to_them(client, reviewer, council_session):
    client.force_login(reviewer)
    response = client.post(reverse("awards:session-close", args=[council_session.pk]), {"minutes": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()


def test_a_commune_officer_runs_the_communes_own_council(client, officer, tree):
    client.force_login(officer)
    response = client.post(reverse("awards:session-create"), create_data(tree.commune))
    assert response.status_code == 302
    assert CouncilSession.objects.get().council_unit == tree.commune
