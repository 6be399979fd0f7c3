"""The thread of a yearly assessment: the commune and its reviewers, attachments, scope, a final year, history."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from campaigns.assessments.audit import audit_trail
from campaigns.assessments.services import (
    approve_assessment,
    get_or_start_assessment,
    save_assessment,
    submit_assessment,
)
from campaigns.models import AssessmentComment
from units.models import Role

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def in_december_2024(clock):
    clock(datetime.date(2024, 12, 16))


@pytest.fixture
def submitted(tree, officer):
    assessment = get_or_start_assessment(tree.commune, 2024, by=officer)
    results = {r.criterion_id: (True, "") for r in assessment.results.all()}
    save_assessment(assessment, results=results, values={}, note="", version=1, by=officer)
    return submit_assessment(assessment, by=officer)


def comment_url(assessment):
    return reverse("progress:comment", args=[assessment.pk])


def test_the_reviewer_asks_and_the_commune_answers_on_the_year_page(client, submitted, reviewer, officer):
    client.force_login(reviewer)
    response = client.post(comment_url(submitted), {"text": "Xin gửi biên bản kiểm tra tiêu chí 17."})
    assert response["Location"] == reverse("progress:review", args=[submitted.pk]) + "#discussion"

    client.force_login(officer)
    upload = SimpleUploadedFile("bien-ban.pdf", PDF, content_type="application/pdf")
    response = client.post(comment_url(submitted), {"text": "Đã gửi.", "attachment": upload})
    assert response["Location"] == reverse("progress:my-year", args=[submitted.unit_id, 2024]) + "#discussion"

    year_page = client.get(reverse("progress:my-year", args=[submitted.unit_id, 2024]))
    assertContains(year_page, "Xin gửi biên bản kiểm tra tiêu chí 17.")
    answer = AssessmentComment.objects.get(author=officer)
    assert answer.unit == submitted.unit
    client.force_login(reviewer)
    review = client.get(reverse("progress:review", args=[submitted.pk]))
    assertContains(review, "Đã gửi.")
    assertContains(review, reverse("progress:comment-file", args=[answer.pk]))
    assert b"".join(client.get(reverse("progress:comment-file", args=[answer.pk])).streaming_content) == PDF
    # Both are in the year's history.
    labels = [change.label for change in audit_trail(submitted)]
    assert f"Comment ({submitted.reviewer_unit.name})" in labels and f"Comment ({submitted.unit.name})" in labels


def test_another_communes_officer_gets_404_on_the_thread(client, submitted, make_user, tree, outsider):
    comment = AssessmentComment.objects.create(assessment=submitted, unit=submitted.unit, text="Nội bộ")
    for user in (make_user("neighbour", (tree.neighbour, Role.COMMUNE_OFFICER)), outsider):
        client.force_login(user)
        assert client.post(comment_url(submitted), {"text": "Xin chào"}).status_code == 404
        assert client.get(reverse("progress:comment-file", args=[comment.pk])).status_code == 404
    assert AssessmentComment.objects.count() == 1


def test_an_approved_year_takes_no_more_comments(client, submitted, reviewer, officer):
    approve_assessment(submitted, by=reviewer)
    client.force_login(officer)

    response = client.post(comment_url(submitted), {"text": "Bổ sung"})

    assertContains(response, "This file is closed: its discussion takes no more comments.")
    assert response.context["form"]["text"].value() == "Bổ sung"
    assert not AssessmentComment.objects.exists()
    year_page = client.get(reverse("progress:my-year", args=[submitted.unit_id, 2024]))
    assert year_page.context["comment_form"] is None


def test_a_ten_megabyte_comment_on_a_year_is_refused(client, submitted, officer):
    client.force_login(officer)

    response = client.post(comment_url(submitted), {"text": "x" * (10 * 1024 * 1024)})

    assert "text" in response.context["form"].errors
    assert not AssessmentComment.objects.exists()


def test_each_comment_on_a_year_tells_the_other_side(client, submitted, reviewer, officer):
    from units.notifications.models import Notification, NotificationKind

    client.force_login(reviewer)
    client.post(comment_url(submitted), {"text": "Xin gửi biên bản kiểm tra tiêu chí 17."})
    client.force_login(officer)
    client.post(comment_url(submitted), {"text": "Đã gửi."})

    told = Notification.objects.filter(kind=NotificationKind.COMMENT).order_by("pk")
    assert [(n.recipient, n.body) for n in told] == [
        (officer, "Xin gửi biên bản kiểm tra tiêu chí 17."),
        (reviewer, "Đã gửi."),
    ]
    assert told[1].url == reverse("progress:review", args=[submitted.pk]) + "#discussion"
