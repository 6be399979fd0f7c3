"""The reviewing level's pages: the queue (scope, filters, htmx, query count), appraisal actions and history."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects, assertTemplateUsed

from awards.models import AgendaItem, Award, Decision, Nomination, NomineeKind, Round
from awards.tests.conftest import POST_REFORM
from awards.tests.factories import on_agenda, open_session, pdf_upload
from campaigns.models import Recognition
from campaigns.models.progress import RecognitionStatus
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


Status = Nomination.Status


def url(name, nomination=None, query=""):
    path = reverse(f"awards:{name}", args=[nomination.pk] if nomination else [])
    return f"{path}?{query}" if query else path


def queued(response) -> dict[str, list[int]]:
    return {group["status"]: [n.pk for n in group["rows"]] for group in response.context["groups"] if group["rows"]}


def test_the_district_queue_groups_what_waits_for_it(client, reviewer, at_district, make_nomination):
    submitted = at_district(status=Status.SUBMITTED)
    appraising = at_district(round_year=2023)
    approved = at_district(status=Status.APPROVED, round_year=2022)
    make_nomination()  # a draft: still with the commune
    client.force_login(reviewer)
    response = client.get(url("queue"))

    assert queued(response) == {
        Status.SUBMITTED: [submitted.pk],
        Status.IN_APPRAISAL: [appraising.pk],
        Status.APPROVED: [approved.pk],
    }
    assert response.context["total"] == 3
    assertContains(response, url("appraise", submitted))


def test_the_queue_filters_by_round_year_and_form(client, reviewer, at_district, forms):
    final = at_district(round=Round.FINAL, round_year=2025)
    annual = at_district(award_form=forms.province_merit)
    client.force_login(reviewer)

    assert queued(client.get(url("queue", query="round=final"))) == {Status.IN_APPRAISAL: [final.pk]}
    assert queued(client.get(url("queue", query="year=2024"))) == {Status.IN_APPRAISAL: [annual.pk]}
    assert queued(client.get(url("queue", query=f"form={forms.province_merit.pk}"))) == {
        Status.IN_APPRAISAL: [annual.pk]
    }


def test_the_queue_answers_htmx_with_the_table_only(client, reviewer, at_district):
    at_district()
    client.force_login(reviewer)
    response = client.get(url("queue"), headers={"HX-Request": "true"})

    assertTemplateUsed(response, "awards/_queue_table.html")
    assertNotContains(response, "<html")
    assertContains(response, 'id="queue-table"')


def test_another_provinces_staff_sees_nothing_of_this_queue(client, outsider, at_district):
    at_district()
    client.force_login(outsider)
    assert client.get(url("queue")).context["total"] == 0


def test_a_user_without_a_reviewing_role_gets_403_on_the_queue(client, make_user, tree):
    client.force_login(make_user("leader", (tree.district, Role.LEADER)))
    assert client.get(url("queue")).status_code == 403


def _queue_queries(client, at_district, count: int) -> int:
    for i in range(count):
        at_district(status=[Status.SUBMITTED, Status.IN_APPRAISAL, Status.APPROVED][i % 3], round_year=2000 + i)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("queue"))
    assert response.context["total"] == Nomination.objects.filter(reviewer_unit__isnull=False).count()
    return len(queries)


def test_the_queue_runs_the_same_number_of_queries_for_10_times_the_nominations(client, reviewer, at_district):
    client.force_login(reviewer)
    client.get(url("queue"))  # warm the session and the user's memberships
    small = _queue_queries(client, at_district, 3)
    large = _queue_queries(client, at_district, 27)  # 30 in all: ten times the first queue
    assert small == large


def test_a_commune_officer_gets_403_on_every_appraisal_action(client, officer, at_district, tree):
    nomination = at_district()
    client.force_login(officer)
    assert client.get(url("appraise", nomination)).status_code == 403
    for name in ("start-appraisal", "return", "reject", "put-on-agenda", "forward"):
        assert client.post(url(name, nomination), {"return-reason": "x"}).status_code == 403, name


def test_another_provinces_reviewer_gets_404_on_the_appraisal(client, outsider, at_district):
    nomination = at_district()
    client.force_login(outsider)
    assert client.get(url("appraise", nomination)).status_code == 404
    assert client.post(url("start-appraisal", nomination)).status_code == 404


def test_appraisal_actions_reject_get(client, reviewer, at_district):
    nomination = at_district()
    client.force_login(reviewer)
    assert client.get(url("reject", nomination)).status_code == 405


def test_the_reviewer_starts_the_appraisal(client, reviewer, at_district):
    nomination = at_district(status=Status.SUBMITTED)
    client.force_login(reviewer)
    response = client.post(url("start-appraisal", nomination))

    assertRedirects(response, url("appraise", nomination))
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_APPRAISAL
    assert nomination.events.get().by == reviewer


def test_a_second_click_is_refused_with_a_message(client, reviewer, at_district):
    nomination = at_district(status=Status.SUBMITTED)
    client.force_login(reviewer)
    client.post(url("start-appraisal", nomination))
    response = client.post(url("start-appraisal", nomination), follow=True)

    assertContains(response, "Only a submitted nomination can be taken into appraisal.")
    assert nomination.events.count() == 1


def test_returning_needs_a_reason_shown_next_to_the_field(client, reviewer, at_district):
    nomination = at_district()
    client.force_login(reviewer)
    response = client.post(url("return", nomination), {"return-reason": ""})

    assert response.status_code == 200
    assert "reason" in response.context["return_form"].errors
    assertContains(response, 'id="error_1_id_return-reason"')
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_APPRAISAL


def test_the_proposer_sees_the_return_reason_and_the_reviewer_what_changed(client, reviewer, officer, at_district):
    nomination = at_district()
    client.force_login(reviewer)
    client.post(url("return", nomination), {"return-reason": "Bổ sung biên bản họp xét."})

    client.force_login(officer)
    assertContains(client.get(url("detail", nomination)), "Bổ sung biên bản họp xét.")
    client.post(url("upload", nomination), {"part": "council_minutes", "file": pdf_upload("bien-ban.pdf")})
    client.post(url("submit", nomination))

    client.force_login(reviewer)
    response = client.get(url("appraise", nomination))
    assert [change.new for change in response.context["changes"]] == ["bien-ban"]
    assertContains(response, 'id="changes"')


def test_rejecting_records_the_reason(client, reviewer, at_district):
    nomination = at_district()
    client.force_login(reviewer)
    response = client.post(url("reject", nomination), {"reject-reason": "Không đủ điều kiện."})

    assertRedirects(response, url("detail", nomination))
    nomination.refresh_from_db()
    assert (nomination.status, nomination.decision_reason) == (Status.REJECTED, "Không đủ điều kiện.")


def test_the_reviewer_puts_the_nomination_on_an_open_session_of_the_district(client, reviewer, at_district, tree):
    nomination = at_district()
    session = open_session(tree.district)
    client.force_login(reviewer)
    page = client.get(url("appraise", nomination))
    assert list(page.context["agenda_form"].fields["session"].queryset) == [session]
    assertContains(page, reverse("awards:session-create") + f"?unit={tree.district.pk}")

    client.post(url("put-on-agenda", nomination), {"session": session.pk})

    nomination.refresh_from_db()
    assert nomination.status == Status.COUNCIL
    assert AgendaItem.objects.get().session == session


def test_a_session_of_another_unit_cannot_be_chosen(client, reviewer, at_district, tree):
    nomination = at_district()
    other = open_session(tree.province)
    client.force_login(reviewer)
    response = client.post(url("put-on-agenda", nomination), {"session": other.pk})

    assert "session" in response.context["agenda_form"].errors
    nomination.refresh_from_db()
    assert nomination.status == Status.IN_APPRAISAL


def test_an_approved_giay_khen_links_to_the_decision_and_a_bang_khen_is_forwarded(
    client, reviewer, province_reviewer, at_district, forms, tree
):
    giay_khen = at_district(status=Status.APPROVED)
    bang_khen = at_district(status=Status.APPROVED, award_form=forms.province_merit, round_year=2023)
    client.force_login(reviewer)

    page = client.get(url("appraise", giay_khen))
    assertContains(page, reverse("awards:decision-create") + f"?nomination={giay_khen.pk}")
    assertNotContains(page, 'id="forward-nomination"')
    page = client.get(url("appraise", bang_khen))
    assertContains(page, 'id="forward-nomination"')

    response = client.post(url("forward", bang_khen))
    assertRedirects(response, url("detail", bang_khen))
    bang_khen.refresh_from_db()
    assert (bang_khen.status, bang_khen.reviewer_unit) == (Status.SUBMITTED, tree.new_province)

    client.force_login(province_reviewer)
    assert queued(client.get(url("queue"))) == {Status.SUBMITTED: [bang_khen.pk]}


def test_forwarding_a_form_within_the_own_authority_is_refused(client, reviewer, at_district):
    giay_khen = at_district(status=Status.APPROVED)
    client.force_login(reviewer)
    response = client.post(url("forward", giay_khen), follow=True)

    assertContains(response, "issue a decision instead of forwarding")
    giay_khen.refresh_from_db()
    assert giay_khen.status == Status.APPROVED


# Award history


@pytest.fixture
def awarded(make_nomination, make_nominee, tree, forms, reviewer):
    """Nông Thị Hoà of Xóm Một holds a Giấy khen, decision 7/QĐ-UBND of the district."""
    nominee = make_nominee(unit=tree.village, kind=NomineeKind.INDIVIDUAL, name="Nông Thị Hoà")
    nomination = make_nomination(nominee=nominee, status=Status.DECISION_ISSUED)
    decision = Decision.objects.create(
        issuing_unit=tree.district,
        issuer_name="UBND huyện Hai",
        year=2024,
        number=7,
        date="2024-12-30",
        award_form=forms.district_certificate,
        legal_regime="2024",
        signer_name="Lương Văn Dũng",
        signer_title="Phó Chủ tịch",
    )
    return Award.objects.create(
        decision=decision, nomination=nomination, nominee=nominee, award_form=forms.district_certificate
    )


def test_history_search_ignores_accents_and_case(client, officer, awarded, make_nominee):
    make_nominee(kind=NomineeKind.INDIVIDUAL, name="Hoàng Văn Nam")
    client.force_login(officer)
    response = client.get(url("history", query="q=nong thi HOA"))

    assert [nominee.pk for nominee in response.context["results"]] == [awarded.nominee_id]
    assertContains(response, "7/QĐ-UBND")
    assertContains(response, awarded.serial)


def test_history_search_matches_the_unit_name_too(client, officer, awarded):
    client.force_login(officer)
    response = client.get(url("history", query="q=xom mot"))
    assert awarded.nominee in response.context["results"]


def test_history_stays_within_the_users_subtree(client, outsider, awarded):
    client.force_login(outsider)
    assert client.get(url("history", query="q=hoa")).context["results"] == []
    assert client.get(url("history")).context["results"] == []


def test_history_without_a_search_lists_the_awarded(client, reviewer, awarded, make_nominee):
    make_nominee(kind=NomineeKind.INDIVIDUAL, name="Chưa có khen")
    client.force_login(reviewer)
    assert [nominee.pk for nominee in client.get(url("history")).context["results"]] == [awarded.nominee_id]


def test_suggestions_need_a_proposing_role(client, make_user, tree):
    client.force_login(make_user("leader", (tree.district, Role.LEADER)))
    assert client.get(url("suggestions")).status_code == 403


def test_a_recognised_village_is_suggested_and_its_propose_link_prefills_the_form(client, officer, tree, forms):
    Recognition.objects.create(
        unit=tree.village,
        status=RecognitionStatus.VILLAGE_NTM,
        decision_number="88/QĐ-UBND",
        decision_date="2024-10-02",
    )
    client.force_login(officer)
    response = client.get(url("suggestions", query="year=2024"))

    [(candidate, link)] = response.context["rows"]
    assert candidate.unit == tree.village
    form = client.get(link).context["form"]
    assert form["nominee_kind"].value() == NomineeKind.COLLECTIVE
    assert form["collective_unit"].value() == tree.village.pk
    assert form["award_form"].value() == forms.commune_certificate.pk  # the commune grants it to its village
    assert "88/QĐ-UBND" in form["achievements"].value()


def test_queue_counts_are_unaffected_by_agenda_items(client, reviewer, at_district, tree):
    nomination = at_district(status=Status.COUNCIL)
    on_agenda(nomination, open_session(tree.district))
    client.force_login(reviewer)
    assert queued(client.get(url("queue"))) == {Status.COUNCIL: [nomination.pk]}


def _province_queue_queries(client, make_nomination, forms, tree, count: int, django_assert_max_num_queries) -> int:
    """`count` more files waiting at the 2025 province, one in four at the old province it was formed from."""
    for i in range(count):
        make_nomination(
            status=[Status.SUBMITTED, Status.IN_APPRAISAL, Status.COUNCIL, Status.APPROVED][i % 4],
            reviewer_unit=tree.province if i % 4 == 3 else tree.new_province,
            proposing_unit=tree.new_commune,
            award_form=forms.province_merit,
            submission_date=POST_REFORM,
            round_year=2000 + i,
        )
    with django_assert_max_num_queries(15) as counted:
        response = client.get(url("queue"))
    assert response.context["total"] == Nomination.objects.filter(reviewer_unit__isnull=False).count()
    return len(counted.captured_queries)


def test_the_province_queue_after_the_reform_runs_at_most_15_queries_for_10_times_the_files(
    client, province_reviewer, make_nomination, forms, tree, django_assert_max_num_queries
):
    client.force_login(province_reviewer)
    client.get(url("queue"))  # warm the session and the user's memberships

    small = _province_queue_queries(client, make_nomination, forms, tree, 4, django_assert_max_num_queries)
    large = _province_queue_queries(client, make_nomination, forms, tree, 36, django_assert_max_num_queries)

    assert small == large
