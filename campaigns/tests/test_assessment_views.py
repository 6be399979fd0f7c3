"""The "my year" form, the review queue and pages, through the client: scoping, roles, lock, concurrency."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from campaigns.assessments.services import (
    approve_assessment,
    get_or_start_assessment,
    return_assessment,
    save_assessment,
    submit_assessment,
)
from campaigns.models import Assessment, CriteriaSet, Evidence, Indicator
from units.models import Kind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def in_december_2024(clock):
    """The tests run on 16/12/2024, under the three-level tree: a legacy commune's year goes to its district."""
    clock(datetime.date(2024, 12, 16))


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def year_url(unit, year=2024):
    return reverse("progress:my-year", args=[unit.pk, year])


def form_data(assessment, *, achieved=(), notes=None, version=None, action="save", **extra):
    """What the browser posts: the ticked criteria (by number), their notes and the version the page showed."""
    notes = notes or {}
    data = {"version": assessment.version if version is None else version, "note": "", "action": action}
    for result in assessment.results.select_related("criterion"):
        number = result.criterion.number
        if number in achieved:
            data[f"c{result.criterion_id}-achieved"] = "on"
        data[f"c{result.criterion_id}-note"] = notes.get(number, "")
    return data | extra


def ticked(assessment):
    return set(assessment.results.filter(achieved=True).values_list("criterion__number", flat=True))


@pytest.fixture
def assessment(tree, officer):
    return get_or_start_assessment(tree.commune, 2024, by=officer)


@pytest.fixture
def submitted(assessment, officer):
    results = {r.criterion_id: (r.criterion.number <= 12, "") for r in assessment.results.select_related("criterion")}
    save_assessment(assessment, results=results, values={}, note="", version=1, by=officer)
    return submit_assessment(assessment, by=officer)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


# The commune officer's pages.


def test_my_years_lists_the_communes_years_with_their_status(officer_client, tree, submitted):
    response = officer_client.get(reverse("progress:my-years"))

    assertContains(response, year_url(tree.commune, 2021))
    assertNotContains(response, year_url(tree.commune, 2025))  # not before the app's today, 16/12/2024
    assertContains(response, 'data-status="submitted"', count=1)
    assertContains(response, 'data-status="none"', count=3)


def test_the_first_visit_shows_the_19_criteria_as_one_form_without_starting_the_year(officer_client, tree):
    response = officer_client.get(year_url(tree.commune))

    assert not Assessment.objects.exists()
    assertContains(response, 'class="form-check-input js-achieved"', count=19)
    assertContains(response, 'name="version" value="1"')
    assertContains(response, "not confirmed")
    assertContains(response, 'id="state-saved"')
    assertNotContains(response, "<fieldset disabled")


def test_a_reader_sees_an_unstarted_year_without_starting_it(reviewer_client, tree):
    response = reviewer_client.get(year_url(tree.commune))

    assertContains(response, 'id="not-started"')
    assert not Assessment.objects.exists()


def test_a_year_no_criteria_set_covers_is_not_found(officer_client, tree):
    assert officer_client.get(year_url(tree.commune, 2019)).status_code == 404
    assert not Assessment.objects.exists()


def test_saving_the_form_stores_the_results_and_the_count(officer_client, assessment, tree):
    data = form_data(assessment, achieved={1, 2, 3}, notes={3: "Kênh mương đã kiên cố"})

    response = officer_client.post(year_url(tree.commune), data)

    assertRedirects(response, year_url(tree.commune))
    assessment.refresh_from_db()
    assert (assessment.criteria_met, assessment.version) == (3, 2)
    assert ticked(assessment) == {1, 2, 3}
    assert assessment.results.get(criterion__number=3).note == "Kênh mương đã kiên cố"


def test_the_second_of_two_concurrent_saves_is_refused_and_its_entries_are_kept(client, officer, make_user, tree):
    colleague = make_user("colleague", (tree.commune, Role.COMMUNE_OFFICER))
    assessment = get_or_start_assessment(tree.commune, 2024, by=officer)
    first = form_data(assessment, achieved={1}, version=1)
    second = form_data(assessment, achieved={7, 8}, notes={8: "Loa đến 12/12 xóm"}, version=1)

    client.force_login(colleague)
    assert client.post(year_url(tree.commune), first).status_code == 302
    client.force_login(officer)
    response = client.post(year_url(tree.commune), second)

    assert response.status_code == 200
    assertContains(response, "Someone else saved this assessment at")
    assertContains(response, 'value="Loa đến 12/12 xóm"')  # the refused entries are still on the page
    assertContains(response, 'id="state-unsaved" class')  # shown as not saved
    assertContains(response, '<span class="fs-4 fw-bold" id="met-count">2</span>')  # the count of the entries
    form = response.context["form"]
    assert form[f"c{assessment.results.get(criterion__number=7).criterion_id}-achieved"].value() is True
    assessment.refresh_from_db()
    assert ticked(assessment) == {1}
    assert assessment.version == 2


def test_save_and_submit_locks_the_form_and_says_who_reviews_it(officer_client, assessment, tree):
    response = officer_client.post(year_url(tree.commune), form_data(assessment, achieved={1}, action="submit"))

    assertRedirects(response, year_url(tree.commune))
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    page = officer_client.get(year_url(tree.commune))
    assertContains(page, "<fieldset disabled")
    assertContains(page, "waiting for review by Huyện Hai")
    assertNotContains(page, 'id="save-button"')


def test_after_the_reform_a_legacy_communes_year_offers_to_submit_to_the_province(client, officer, tree, clock):
    clock(datetime.date(2025, 8, 12))  # before signing in: a session begun in 2024 would have expired
    client.force_login(officer)
    tree.new_province.short_name = "Tỉnh Một (mới)"
    tree.new_province.save()

    response = client.get(year_url(tree.commune, 2025))

    assert response.context["reviewer"] == tree.new_province
    assertContains(response, "Save and submit to Tỉnh Một (mới)")
    assertNotContains(response, "Huyện Hai")


def test_a_post_to_a_submitted_year_changes_nothing(officer_client, submitted, tree):
    response = officer_client.post(year_url(tree.commune), form_data(submitted, achieved={19}))

    assertContains(response, "submitted and locked")
    assert 19 not in ticked(submitted)


def test_an_approved_year_says_who_approved_it_and_when(officer_client, submitted, reviewer, tree):
    approve_assessment(submitted, by=reviewer)

    response = officer_client.get(year_url(tree.commune))

    assertContains(response, "Locked: approved by reviewer on")
    assertContains(response, "<fieldset disabled")


def test_a_returned_year_pins_the_reason_and_is_editable(officer_client, submitted, reviewer, tree):
    return_assessment(submitted, by=reviewer, reason="Tiêu chí 5: thiếu biên bản kiểm tra")

    response = officer_client.get(year_url(tree.commune))

    assertContains(response, 'id="return-reason"')
    assertContains(response, "Tiêu chí 5: thiếu biên bản kiểm tra")
    assertNotContains(response, "<fieldset disabled")


def test_a_pdf_is_accepted_as_evidence_of_a_criterion(officer_client, assessment, tree):
    criterion_id = assessment.results.get(criterion__number=5).criterion_id
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")

    response = officer_client.post(year_url(tree.commune), form_data(assessment) | {f"c{criterion_id}-file": upload})

    assert response.status_code == 302
    evidence = Evidence.objects.get(assessment=assessment)
    assert (evidence.criterion_id, evidence.title) == (criterion_id, "bien-ban.pdf")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("script.pdf", b"#!/bin/sh\necho hi\n", "application/pdf"),  # a PDF by name only
        ("bien-ban.exe", PDF, "application/pdf"),  # a PDF inside, the wrong extension
        ("bien-ban.pdf", PDF, "text/plain"),  # the browser says it is no PDF
    ],
)
def test_a_file_that_is_not_a_pdf_or_image_is_refused_next_to_its_field(
    officer_client, assessment, tree, name, content, content_type
):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    data = form_data(assessment, achieved={4}) | {"year_file": upload}

    response = officer_client.post(year_url(tree.commune), data)

    assertContains(response, "Only PDF files and PNG or JPEG images are accepted")
    assertContains(response, 'id="id_year_file-error"')
    assert not Evidence.objects.exists()
    assert ticked(assessment) == set()  # nothing saved: the form comes back with the entries


def test_a_file_can_be_removed_while_the_year_is_open_but_not_once_submitted(officer_client, assessment, tree):
    def upload(name):
        data = form_data(Assessment.objects.get(pk=assessment.pk))
        pdf = SimpleUploadedFile(name, PDF, content_type="application/pdf")
        officer_client.post(year_url(tree.commune), data | {"year_file": pdf})
        return Evidence.objects.get(title=name)

    first = upload("first.pdf")
    response = officer_client.post(reverse("progress:evidence-delete", args=[first.pk]))
    assertRedirects(response, year_url(tree.commune) + "#evidence")
    assert not Evidence.objects.filter(pk=first.pk).exists()

    second = upload("second.pdf")
    submit_assessment(Assessment.objects.get(pk=assessment.pk), by=second.uploaded_by)
    officer_client.post(reverse("progress:evidence-delete", args=[second.pk]))
    assert Evidence.objects.filter(pk=second.pk).exists()


def test_a_file_over_the_size_limit_is_refused(officer_client, assessment, tree, settings):
    settings.MAX_UPLOAD_SIZE = 10
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")

    response = officer_client.post(year_url(tree.commune), form_data(assessment) | {"year_file": upload})

    assertContains(response, "the limit is 10")
    assert not Evidence.objects.exists()


# Scoping and roles.


def test_someone_outside_the_commune_gets_404(client, outsider, assessment, tree):
    client.force_login(outsider)

    assert client.get(year_url(tree.commune)).status_code == 404
    assert client.get(reverse("progress:history", args=[assessment.pk])).status_code == 404


def test_a_reviewer_of_another_district_gets_404(client, make_user, submitted, tree):
    client.force_login(make_user("elsewhere", (tree.other_commune.parent, Role.HOME_AFFAIRS)))

    assert client.get(reverse("progress:review", args=[submitted.pk])).status_code == 404
    assert client.post(reverse("progress:approve", args=[submitted.pk])).status_code == 404
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.SUBMITTED


def test_a_commune_officer_cannot_review_or_approve(officer_client, submitted):
    assert officer_client.get(reverse("progress:queue")).status_code == 403
    assert officer_client.post(reverse("progress:approve-batch"), {"pk": [submitted.pk]}).status_code == 403
    assert officer_client.get(reverse("progress:review", args=[submitted.pk])).status_code == 403
    assert officer_client.post(reverse("progress:approve", args=[submitted.pk])).status_code == 403
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.SUBMITTED


def test_a_reviewer_may_read_the_commune_year_but_not_save_it(reviewer_client, assessment, tree):
    assertContains(reviewer_client.get(year_url(tree.commune)), "<fieldset disabled")
    assert reviewer_client.post(year_url(tree.commune), form_data(assessment, achieved={1})).status_code == 403


def test_approving_requires_post(reviewer_client, submitted):
    assert reviewer_client.get(reverse("progress:approve", args=[submitted.pk])).status_code == 405


# The reviewer's pages.


def test_the_queue_shows_submissions_first(reviewer_client, submitted, tree, officer, reviewer):
    other = get_or_start_assessment(tree.commune, 2023, by=officer)
    other.results.filter(criterion__number=1).update(achieved=True)
    submit_assessment(other, by=officer)
    approve_assessment(other, by=reviewer)

    response = reviewer_client.get(reverse("progress:queue"))

    assert [a.pk for a in response.context["assessments"]] == [submitted.pk, other.pk]
    assertContains(response, 'name="pk"', count=1)  # only the waiting one can be ticked


def test_approving_from_the_review_page_locks_the_year(reviewer_client, submitted, reviewer):
    response = reviewer_client.post(reverse("progress:approve", args=[submitted.pk]))

    assertRedirects(response, reverse("progress:queue"))
    submitted.refresh_from_db()
    assert (submitted.status, submitted.reviewed_by) == (Assessment.Status.APPROVED, reviewer)


def test_a_return_without_reason_is_refused_next_to_the_field(reviewer_client, submitted):
    response = reviewer_client.post(reverse("progress:return", args=[submitted.pk]), {"reason": "  "})

    assertContains(response, 'id="id_reason-error"')
    submitted.refresh_from_db()
    assert submitted.status == Assessment.Status.SUBMITTED


def test_a_return_with_a_reason_sends_the_year_back(reviewer_client, submitted):
    response = reviewer_client.post(reverse("progress:return", args=[submitted.pk]), {"reason": "Thiếu hồ sơ"})

    assertRedirects(response, reverse("progress:queue"))
    submitted.refresh_from_db()
    assert (submitted.status, submitted.return_reason) == (Assessment.Status.RETURNED, "Thiếu hồ sơ")


def test_the_review_of_a_resubmission_lists_what_changed_since_the_return(client, submitted, reviewer, officer, tree):
    return_assessment(submitted, by=reviewer, reason="Tiêu chí 13 chưa đạt")
    client.force_login(officer)
    client.post(year_url(tree.commune), form_data(submitted, achieved=set(range(1, 14)), action="submit"))

    client.force_login(reviewer)
    response = client.get(reverse("progress:review", args=[submitted.pk]))

    assertContains(response, 'id="changes-since-return"')
    changes = response.context["changes"]
    assert [(c.label, c.old, c.new, c.who) for c in changes] == [
        ("13. Tổ chức sản xuất và phát triển kinh tế nông thôn", "not achieved", "achieved", officer)
    ]


def test_the_history_page_shows_who_changed_what(reviewer_client, submitted, officer):
    response = reviewer_client.get(reverse("progress:history", args=[submitted.pk]))

    assertContains(response, "12. Lao động")
    assertContains(response, "<del>not achieved</del>", html=False)
    assert any(c.who == officer and c.new == "Submitted" for c in response.context["changes"])


def test_batch_approval_approves_the_waiting_ones_and_names_the_others(
    reviewer_client, tree, make_user, make_unit, reviewer
):
    waiting = []
    for n in range(3):
        commune = make_unit(f"Xã Lô {n}", Kind.COMMUNE, tree.district)
        its_officer = make_user(f"officer-{n}", (commune, Role.COMMUNE_OFFICER))
        started = get_or_start_assessment(commune, 2024, by=its_officer)
        started.results.filter(criterion__number=1).update(achieved=True)
        waiting.append(submit_assessment(started, by=its_officer))
    approve_assessment(waiting[2], by=make_user("colleague", (tree.district, Role.HOME_AFFAIRS)))

    response = reviewer_client.post(reverse("progress:approve-batch"), {"pk": [a.pk for a in waiting]}, follow=True)

    statuses = set(Assessment.objects.filter(pk__in=[a.pk for a in waiting]).values_list("status", flat=True))
    assert statuses == {Assessment.Status.APPROVED}
    assert Assessment.objects.get(pk=waiting[0].pk).reviewed_by == reviewer
    assertContains(response, "2 assessments approved.")
    assertContains(response, "Not waiting for your review any more: Xã Lô 2 2024.")


def test_the_queue_runs_the_same_number_of_queries_with_ten_times_the_communes(
    reviewer_client, tree, make_user, make_unit
):
    def add_submissions(count, start):
        for n in range(start, start + count):
            commune = make_unit(f"Xã Số {n}", Kind.COMMUNE, tree.district)
            its_officer = make_user(f"officer-{n}", (commune, Role.COMMUNE_OFFICER))
            assessment = Assessment.objects.create(unit=commune, year=2024, criteria_met=1 + n % 18)
            submit_assessment(assessment, by=its_officer)

    def queries():
        with CaptureQueriesContext(connection) as context:
            response = reviewer_client.get(reverse("progress:queue"))
        assert response.status_code == 200
        return len(context), len(response.context["assessments"])

    add_submissions(2, 0)
    reviewer_client.get(reverse("progress:queue"))  # a fresh session's expiry is stamped once
    small, shown_small = queries()
    add_submissions(18, 2)
    large, shown_large = queries()

    assert (shown_small, shown_large) == (2, 20)
    assert small == large


def test_evidence_is_served_only_inside_the_scope(client, officer, outsider, assessment, tree):
    client.force_login(officer)
    upload = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n0000", content_type="image/png")
    client.post(year_url(tree.commune), form_data(assessment) | {"year_file": upload})
    evidence = Evidence.objects.get()

    assert client.get(reverse("progress:evidence", args=[evidence.pk])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("progress:evidence", args=[evidence.pk])).status_code == 404


def test_the_criteria_catalogue_is_editable_in_the_admin(admin_client):
    criteria_set = CriteriaSet.objects.get(code="qd318-xa-2021")
    income = Indicator.objects.get(criterion__criteria_set=criteria_set, code="10")

    assertContains(
        admin_client.get(reverse("admin:campaigns_criteriaset_change", args=[criteria_set.pk])), "Giao thông"
    )
    assertContains(admin_client.get(reverse("admin:campaigns_criterion_change", args=[income.criterion_id])), "10")
    assert admin_client.get(reverse("admin:campaigns_indicator_change", args=[income.pk])).status_code == 200
    assertContains(admin_client.get(reverse("admin:campaigns_criteriaset_changelist")), "qd51-2025-xa-2026")
