"""Hardening (issue 13): of two edits of the same nomination read at once only the first one saves; a council
formset claiming 100,000 rows, a count past the column and a round year no page can show are refused."""

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from awards.forms_council import MAX_MEMBERS
from awards.models import AgendaItem, CouncilSession, Nomination
from awards.tests.factories import nomination_data
from awards.tests.test_council_views import create_data, tally_data, votes_url
from awards.views import query_int

pytest_plugins = ["awards.tests.factories_council"]
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("in_english")]


def edit_url(nomination):
    return reverse("awards:edit", args=[nomination.pk])


@pytest.fixture
def edit_data(tree, forms, campaign):
    def make(nomination, **fields):
        data = nomination_data(
            award_form=forms.district_certificate,
            campaign=campaign,
            proposing_unit=tree.commune,
            collective_unit=tree.village,
            submission_date="10/03/2025",
            version=nomination.version,
        )
        return data | fields

    return make


# --- Two people editing the same nomination -------------------------------------------------------


def test_the_second_of_two_nomination_edits_read_at_once_is_refused_and_keeps_its_input(officer, draft, edit_data):
    first, second = Client(), Client()
    first.force_login(officer)
    second.force_login(officer)
    first_data = edit_data(draft, achievements="Bản của người thứ nhất")
    second_data = edit_data(draft, achievements="Bản của người thứ hai")

    assertRedirects(first.post(edit_url(draft), first_data), reverse("awards:detail", args=[draft.pk]))
    response = second.post(edit_url(draft), second_data)

    assert response.status_code == 200
    assert [error.code for error in response.context["form"].non_field_errors().as_data()] == ["stale"]
    assertContains(response, "Someone else saved this nomination")
    assertContains(response, "Bản của người thứ hai")  # the user's input is kept in the form
    draft.refresh_from_db()
    assert draft.achievements == "Bản của người thứ nhất"


def test_the_edit_form_carries_the_version_it_was_read_at(client, officer, draft):
    client.force_login(officer)
    page = client.get(edit_url(draft)).content.decode()
    assert f'name="version" value="{draft.version}"' in page


def test_an_edit_read_before_the_nomination_moved_on_overwrites_nothing(client, officer, draft, edit_data):
    data = edit_data(draft, achievements="changed")
    Nomination.objects.filter(pk=draft.pk).update(version=draft.version + 1)  # e.g. submitted and returned

    client.force_login(officer)
    response = client.post(edit_url(draft), data)

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.achievements != "changed"


def test_consecutive_nomination_edits_each_save(client, officer, draft, edit_data):
    client.force_login(officer)
    for text in ("Một", "Hai"):
        draft.refresh_from_db()
        assert client.post(edit_url(draft), edit_data(draft, achievements=text)).status_code == 302
    draft.refresh_from_db()
    assert draft.achievements == "Hai"


@pytest.mark.parametrize("year", ["0", "10000", str(2**64)])
def test_a_round_year_no_page_can_show_is_refused(client, officer, tree, forms, campaign, year):
    client.force_login(officer)
    data = nomination_data(
        award_form=forms.district_certificate,
        campaign=campaign,
        proposing_unit=tree.commune,
        collective_unit=tree.village,
        round_year=year,
    )
    response = client.post(reverse("awards:create"), data)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["round_year"]
    assert not Nomination.objects.exists()


# --- The council --------------------------------------------------------------------------------------


def test_a_member_formset_claiming_100000_rows_is_refused(client, reviewer, tree):
    client.force_login(reviewer)
    response = client.post(
        reverse("awards:session-create"), create_data(tree.district, **{"members-TOTAL_FORMS": "100000"})
    )

    assert response.status_code == 200
    members = response.context["members"]
    assert [error.code for error in members.non_form_errors().as_data()] == ["too_many_forms"]
    assert len(members.forms) <= MAX_MEMBERS
    assert not CouncilSession.objects.exists()


def test_a_full_council_still_fits_the_formset(client, reviewer, tree):
    client.force_login(reviewer)
    rows = {f"members-{i}-name": f"Thành viên {i}" for i in range(MAX_MEMBERS)}
    rows |= {f"members-{i}-role": "member" for i in range(MAX_MEMBERS)}
    rows |= {f"members-{i}-present": "on" for i in range(MAX_MEMBERS)}
    data = create_data(tree.district, **{"members-TOTAL_FORMS": str(MAX_MEMBERS)}) | rows

    assert client.post(reverse("awards:session-create"), data).status_code == 302
    assert CouncilSession.objects.get().members.count() == MAX_MEMBERS


@pytest.mark.parametrize("count", ["70000", str(2**64), "-1"])
def test_a_tally_past_what_a_council_can_count_is_refused(client, reviewer, make_council_session, on_agenda, count):
    item = on_agenda(make_council_session(secret_ballot=True))
    client.force_login(reviewer)

    response = client.post(votes_url(item), tally_data(item, count, 0, 0))

    assert response.status_code == 400
    item.refresh_from_db()
    assert (item.agree, item.result) == (0, AgendaItem.Result.PENDING)


def test_a_query_string_number_past_2_63_reads_as_none():
    assert query_int(str(2**63 - 1)) == 2**63 - 1
    assert query_int(str(2**63)) is None
    assert query_int(str(2**64)) is None


def test_the_nomination_list_filtered_by_a_year_past_2_63_opens(client, officer, draft):
    client.force_login(officer)
    assert client.get(reverse("awards:list"), {"year": str(2**64), "form": str(2**64)}).status_code == 200
