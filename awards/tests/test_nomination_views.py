"""The proposer's pages: creating and editing a nomination, the dossier page, uploads, submission, closing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from awards.models import DossierFile, LegalRegime, Nomination, NominationEvent, Nominee, NomineeKind
from awards.tests.factories import nomination_data, pdf_upload
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


@pytest.fixture
def data(tree, forms, campaign):
    """A district chairman's Giấy khen for the village, proposed by the legacy commune on 15/12/2024."""
    return nomination_data(
        award_form=forms.district_certificate,
        campaign=campaign,
        proposing_unit=tree.commune,
        collective_unit=tree.village,
    )


def test_officer_creates_a_draft_for_a_village_of_the_commune(client, officer, tree, data):
    client.force_login(officer)
    response = client.post(url("create"), data)

    nomination = Nomination.objects.get()
    assertRedirects(response, url("detail", nomination))
    assert nomination.status == Status.DRAFT
    assert nomination.proposing_unit == tree.commune
    assert nomination.created_by == officer
    assert nomination.submission_date == datetime.date(2024, 12, 15)
    assert nomination.legal_regime == LegalRegime.DECREE_98
    assert (nomination.nominee.kind, nomination.nominee.unit, nomination.nominee.name) == (
        NomineeKind.COLLECTIVE,
        tree.village,
        tree.village.name,
    )


def test_creating_twice_for_the_same_person_reuses_the_nominee(client, officer, tree, data):
    person = {"nominee_kind": NomineeKind.INDIVIDUAL, "person_name": "Nông Văn  Ba", "person_unit": tree.commune.pk}
    client.force_login(officer)
    client.post(url("create"), {**data, **person, "person_position": "Trưởng xóm"})
    client.post(url("create"), {**data, **person, "person_name": "nông văn ba", "round_year": 2023})

    nominee = Nominee.objects.get()
    assert nominee.name == "Nông Văn Ba"
    assert nominee.position == "Trưởng xóm"
    assert nominee.nominations.count() == 2


def test_household_needs_its_head_and_village(client, officer, tree, data, forms):
    client.force_login(officer)
    response = client.post(
        url("create"), {**data, "nominee_kind": NomineeKind.HOUSEHOLD, "award_form": forms.province_merit.pk}
    )

    assert response.status_code == 200
    assert "household_head" in response.context["form"].errors
    assert "household_village" in response.context["form"].errors
    assert not Nomination.objects.exists()


def test_a_future_submission_date_is_refused_next_to_the_field(client, officer, data):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    client.force_login(officer)
    response = client.post(url("create"), {**data, "submission_date": f"{tomorrow:%d/%m/%Y}"})

    form = response.context["form"]
    assert form.errors["submission_date"] == ["The submission date cannot be in the future."]
    assertContains(response, 'id="error_1_id_submission_date"')
    assert not Nomination.objects.exists()


def test_an_ineligible_nominee_kind_is_refused_next_to_the_award(client, officer, data):
    external = {"nominee_kind": NomineeKind.EXTERNAL, "external_name": "Hội Doanh nhân trẻ"}
    client.force_login(officer)
    response = client.post(url("create"), {**data, **external})

    assert "cannot be given to this kind of nominee" in response.context["form"].errors["award_form"][0]
    assert not Nominee.objects.exists()


def test_a_form_that_ended_is_refused_on_a_later_date(client, officer, data, new_officer, tree):
    # The district chairman's Giấy khen ends on 30/06/2025 with the district level.
    client.force_login(new_officer)
    response = client.post(
        url("create"),
        {
            **data,
            "proposing_unit": tree.new_commune.pk,
            "collective_unit": tree.new_commune.pk,
            "submission_date": "12/08/2025",
        },
    )

    assert "is not available on 12/08/2025" in response.context["form"].errors["award_form"][0]


def test_a_legacy_commune_cannot_propose_after_the_reform_and_is_told_its_successor(client, officer, data, forms):
    client.force_login(officer)
    response = client.post(
        url("create"), {**data, "award_form": forms.province_merit.pk, "submission_date": "12/08/2025"}
    )

    assert response.context["form"].errors["submission_date"] == [
        "Xã Trường Hà no longer existed on 12/08/2025: propose as Xã Trường Hà."
    ]


def test_the_nominee_must_belong_to_the_proposing_unit(client, officer, data, tree):
    client.force_login(officer)
    response = client.post(url("create"), {**data, "collective_unit": tree.other_commune.pk})

    assert "collective_unit" in response.context["form"].errors
    assert not Nomination.objects.exists()


def test_a_user_without_a_proposing_role_gets_403_on_create(client, make_user, tree):
    client.force_login(make_user("leader", (tree.district, Role.LEADER)))
    assert client.get(url("create")).status_code == 403


def test_the_suggestion_link_prefills_the_form(client, officer, tree, forms, make_nominee):
    nominee = make_nominee(unit=tree.village)
    client.force_login(officer)
    query = (
        f"nominee={nominee.pk}&award_form={forms.district_certificate.pk}&achievements=Xóm+đạt+chuẩn&round_year=2024"
    )
    response = client.get(url("create", query=query))

    form = response.context["form"]
    assert form["nominee_kind"].value() == NomineeKind.COLLECTIVE
    assert form["collective_unit"].value() == tree.village.pk
    assert form["award_form"].value() == forms.district_certificate.pk
    assert form["achievements"].value() == "Xóm đạt chuẩn"


def test_detail_shows_the_dossier_parts_checks_and_timeline(client, officer, draft):
    client.force_login(officer)
    response = client.get(url("detail", draft))

    assertContains(response, 'id="part-submission"')
    assertContains(response, "required · missing")  # council minutes, required by the form
    assertContains(response, 'data-code="missing_council_minutes"')
    assertContains(response, 'id="submit-nomination"')
    assertContains(response, url("upload", draft))


def test_another_units_user_gets_404_on_every_page_of_a_nomination(client, outsider, draft):
    client.force_login(outsider)
    for name in ("detail", "edit", "upload"):
        assert client.get(url(name, draft)).status_code == 404, name
    for name in ("submit", "close-dissolved"):
        assert client.post(url(name, draft)).status_code == 404, name


def test_submit_rejects_get(client, officer, draft):
    client.force_login(officer)
    assert client.get(url("submit", draft)).status_code == 405


def test_the_reviewer_may_read_but_not_submit_the_communes_draft(client, reviewer, draft):
    client.force_login(reviewer)
    assert client.get(url("detail", draft)).status_code == 200
    assert client.post(url("submit", draft)).status_code == 403


def test_submitting_sends_the_nomination_to_the_district_and_records_it(client, officer, draft, tree):
    client.force_login(officer)
    response = client.post(url("submit", draft))

    assertRedirects(response, url("detail", draft))
    draft.refresh_from_db()
    assert (draft.status, draft.reviewer_unit) == (Status.SUBMITTED, tree.district)
    event = NominationEvent.objects.get(nomination=draft)
    assert (event.from_status, event.to_status, event.by) == (Status.DRAFT, Status.SUBMITTED, officer)
    page = client.get(url("detail", draft))
    assertContains(page, 'data-action="submit"')
    assertNotContains(page, 'id="submit-nomination"')


def test_submitting_without_the_submission_letter_is_refused_with_the_reason(client, officer, make_nomination):
    nomination = make_nomination(parts=("achievement_report",))
    client.force_login(officer)
    response = client.post(url("submit", nomination), follow=True)

    nomination.refresh_from_db()
    assert nomination.status == Status.DRAFT
    assertContains(response, "Missing from the dossier")


def test_edit_is_refused_once_submitted(client, officer, at_district):
    nomination = at_district(status=Status.SUBMITTED)
    client.force_login(officer)
    assert client.get(url("edit", nomination)).status_code == 403


def test_edit_changes_the_award_and_keeps_the_proposing_unit(client, officer, draft, data, forms, tree):
    client.force_login(officer)
    response = client.post(
        url("edit", draft),
        {**data, "award_form": forms.province_merit.pk, "proposing_unit": tree.district.pk, "version": draft.version},
    )

    assertRedirects(response, url("detail", draft))
    draft.refresh_from_db()
    assert draft.award_form == forms.province_merit
    assert draft.proposing_unit == tree.commune


def test_upload_adds_a_pdf_to_the_chosen_part(client, officer, draft):
    client.force_login(officer)
    response = client.post(url("upload", draft), {"part": "council_minutes", "file": pdf_upload("bien-ban.pdf")})

    assertRedirects(response, url("detail", draft))
    file = draft.files.get(part="council_minutes")
    assert (file.title, file.uploaded_by) == ("bien-ban", officer)
    assert client.get(reverse("awards:file", args=[file.pk])).status_code == 200


def test_upload_refuses_a_file_that_is_not_a_document_next_to_the_field(client, officer, draft):
    fake = pdf_upload("virus.pdf", b"MZ\x90\x00 not a pdf")
    client.force_login(officer)
    response = client.post(url("upload", draft), {"part": "submission", "file": fake})

    assert response.context["form"].errors["file"] == ["Only PDF, Word (.doc, .docx), JPEG or PNG files are accepted."]
    assert draft.files.count() == 2


def test_upload_refuses_a_file_over_the_limit(client, officer, draft, settings):
    settings.MAX_UPLOAD_SIZE = 10
    client.force_login(officer)
    response = client.post(url("upload", draft), {"part": "submission", "file": pdf_upload()})

    assert "the limit is" in response.context["form"].errors["file"][0]


def test_upload_accepts_a_word_document(client, officer, draft):
    docx = pdf_upload(
        "bao-cao.docx",
        b"PK\x03\x04 word",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    client.force_login(officer)
    client.post(url("upload", draft), {"part": "achievement_report", "title": "Báo cáo", "file": docx})

    assert draft.files.filter(part="achievement_report", title="Báo cáo").exists()


def test_dossier_files_are_not_served_outside_the_scope(client, outsider, draft):
    client.force_login(outsider)
    file = DossierFile.objects.filter(nomination=draft).first()
    assert client.get(reverse("awards:file", args=[file.pk])).status_code == 404


def test_a_nomination_of_a_dissolved_commune_can_be_closed(client, officer, at_district):
    nomination = at_district(status=Status.SUBMITTED)
    client.force_login(officer)
    response = client.post(url("close-dissolved", nomination), {"note": "Xã sáp nhập từ 01/07/2025."})

    assertRedirects(response, url("detail", nomination))
    nomination.refresh_from_db()
    assert nomination.status == Status.CLOSED_DISSOLVED
    assert nomination.events.get().comment == "Xã sáp nhập từ 01/07/2025."


def test_closing_needs_a_note(client, officer, at_district):
    nomination = at_district(status=Status.SUBMITTED)
    client.force_login(officer)
    client.post(url("close-dissolved", nomination), {"note": ""})

    nomination.refresh_from_db()
    assert nomination.status == Status.SUBMITTED


def test_the_list_shows_the_units_nominations_and_filters_by_status(client, officer, make_nomination, outsider):
    draft = make_nomination()
    submitted = make_nomination(status=Status.SUBMITTED, round_year=2023)
    client.force_login(officer)

    response = client.get(url("list"))
    assert {n.pk for n in response.context["nominations"]} == {draft.pk, submitted.pk}
    response = client.get(url("list", query="status=submitted"))
    assert [n.pk for n in response.context["nominations"]] == [submitted.pk]

    client.force_login(outsider)
    assert not client.get(url("list")).context["nominations"]
