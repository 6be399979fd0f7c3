"""The thread of a nomination: who reads and posts, attachments, bounds, a closed file, the timeline, and the
batch actions of the appraisal queue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from awards.models import AgendaItem, Nomination, NominationComment
from awards.tests.factories import open_session, pdf_upload
from units.discussion import MAX_TEXT
from units.models import Role

pytestmark = pytest.mark.django_db
Status = Nomination.Status


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def url(name, pk=None):
    return reverse(f"awards:{name}", args=[pk] if pk else [])


def test_a_reviewer_asks_for_a_document_and_the_commune_answers_with_an_attachment(
    client, reviewer, officer, at_district
):
    nomination = at_district()
    client.force_login(reviewer)
    response = client.post(url("comment", nomination.pk), {"text": "Xin bổ sung biên bản họp xét."})
    assert response["Location"] == url("appraise", nomination.pk) + "#discussion"

    client.force_login(officer)
    response = client.post(
        url("comment", nomination.pk), {"text": "Đã gửi biên bản.", "attachment": pdf_upload("bien-ban.pdf")}
    )
    assert response["Location"] == url("detail", nomination.pk) + "#discussion"

    asked, answered = NominationComment.objects.order_by("pk")
    assert (asked.unit, asked.author) == (nomination.reviewer_unit, reviewer)
    assert (answered.unit, answered.author, answered.attachment_name) == (
        nomination.proposing_unit,
        officer,
        "bien-ban.pdf",
    )
    client.force_login(reviewer)
    page = client.get(url("appraise", nomination.pk))
    assertContains(page, "Xin bổ sung biên bản họp xét.")
    assertContains(page, "Đã gửi biên bản.")
    assertContains(page, url("comment-file", answered.pk))
    assert b"".join(client.get(url("comment-file", answered.pk)).streaming_content).startswith(b"%PDF")
    # The thread is part of the file's timeline.
    assert [item.pk for item in page.context["events"] if getattr(item, "is_comment", False)] == [asked.pk, answered.pk]


def test_another_units_user_cannot_read_or_post_in_the_thread(client, outsider, make_user, tree, at_district):
    nomination = at_district()
    comment = NominationComment.objects.create(nomination=nomination, unit=tree.district, text="Riêng tư")
    neighbour = make_user("neighbour", (tree.neighbour, Role.COMMUNE_OFFICER))
    for user in (outsider, neighbour):
        client.force_login(user)
        assert client.post(url("comment", nomination.pk), {"text": "Xin chào"}).status_code == 404
        assert client.get(url("comment-file", comment.pk)).status_code == 404
        assert client.get(url("appraise", nomination.pk)).status_code == 404
    assert NominationComment.objects.count() == 1


def test_a_leader_who_only_reads_the_file_cannot_post(client, make_user, tree, at_district):
    nomination = at_district()
    client.force_login(make_user("leader", (tree.province, Role.LEADER)))

    assert client.post(url("comment", nomination.pk), {"text": "Ý kiến"}).status_code == 403
    assert client.get(url("detail", nomination.pk)).context["comment_form"] is None


@pytest.mark.parametrize("status", Nomination.CLOSED_STATUSES)
def test_a_closed_file_refuses_comments_and_keeps_the_text(client, officer, make_nomination, tree, status):
    nomination = make_nomination(status=status, reviewer_unit=tree.district, decision_reason="Không đủ điều kiện")
    client.force_login(officer)

    response = client.post(url("comment", nomination.pk), {"text": "Còn ý kiến"})

    assert response.status_code == 200
    assertContains(response, "This file is closed: its discussion takes no more comments.")
    assert response.context["form"]["text"].value() == "Còn ý kiến"
    assert not NominationComment.objects.exists()


def test_a_closed_file_is_refused_in_vietnamese(client, officer, make_nomination, tree, settings):
    settings.LANGUAGE_CODE = "vi"
    nomination = make_nomination(status=Status.DECISION_ISSUED, reviewer_unit=tree.district)
    client.force_login(officer)
    with translation.override("vi"):
        response = client.post(url("comment", nomination.pk), {"text": "Còn ý kiến"})

    assertContains(response, "Hồ sơ đã đóng")


def test_a_ten_megabyte_comment_is_refused_and_kept(client, reviewer, at_district):
    nomination = at_district()
    client.force_login(reviewer)
    text = "x" * (10 * 1024 * 1024)

    response = client.post(url("comment", nomination.pk), {"text": text})

    assert response.status_code == 200
    assert "text" in response.context["form"].errors
    assert str(MAX_TEXT) in str(response.context["form"].errors["text"])
    assert len(response.context["form"]["text"].value()) == len(text)
    assert not NominationComment.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf_upload("virus.exe", b"MZ\x90\x00", "application/octet-stream"), "Only PDF files and PNG or JPEG"),
        (pdf_upload("fake.pdf", b"<html>", "application/pdf"), "Only PDF files and PNG or JPEG"),
    ],
)
def test_an_attachment_of_another_type_is_refused(client, reviewer, at_district, upload, message):
    nomination = at_district()
    client.force_login(reviewer)

    response = client.post(url("comment", nomination.pk), {"text": "Xem tệp", "attachment": upload})

    assertContains(response, message)
    assert not NominationComment.objects.exists()


def test_an_attachment_over_the_size_limit_is_refused(client, reviewer, at_district, settings):
    settings.MAX_UPLOAD_SIZE = 100
    nomination = at_district()
    client.force_login(reviewer)

    response = client.post(
        url("comment", nomination.pk), {"text": "Xem tệp", "attachment": pdf_upload(content=b"%PDF" + b"x" * 200)}
    )

    assert "attachment" in response.context["form"].errors
    assert not NominationComment.objects.exists()


def test_the_appraisal_page_costs_the_same_with_a_ten_times_longer_thread(
    client, reviewer, officer, at_district, tree, django_assert_max_num_queries
):
    nomination = at_district()
    client.force_login(reviewer)

    def thread(count):
        for n in range(count):
            side, author = (tree.district, reviewer) if n % 2 else (tree.commune, officer)
            comment = NominationComment(nomination=nomination, unit=side, author=author, text=f"Ý kiến {n}")
            comment.attachment.save(f"tep-{n}.pdf", pdf_upload(), save=True)

    thread(3)
    with CaptureQueriesContext(connection) as once:
        assert len(client.get(url("appraise", nomination.pk)).context["comments"]) == 3
    thread(27)
    with django_assert_max_num_queries(len(once)):
        assert len(client.get(url("appraise", nomination.pk)).context["comments"]) == 30


# --- Batch actions of the queue ------------------------------------------------------------------------


def test_batch_start_takes_the_ticked_submissions_into_appraisal(client, reviewer, at_district, make_nomination, tree):
    first, second, left = (at_district(status=Status.SUBMITTED) for _ in range(3))
    elsewhere = make_nomination(
        status=Status.SUBMITTED, reviewer_unit=tree.other_province, proposing_unit=tree.other_commune
    )
    client.force_login(reviewer)

    client.post(url("queue-start"), {"pk": [first.pk, second.pk, elsewhere.pk, "x", "²"]})

    statuses = dict(Nomination.objects.values_list("pk", "status"))
    assert (statuses[first.pk], statuses[second.pk]) == (Status.IN_APPRAISAL, Status.IN_APPRAISAL)
    assert (statuses[left.pk], statuses[elsewhere.pk]) == (Status.SUBMITTED, Status.SUBMITTED)


def test_batch_start_names_a_file_someone_else_took_first(client, reviewer, at_district):
    taken = at_district(status=Status.IN_APPRAISAL)
    client.force_login(reviewer)

    response = client.post(url("queue-start"), {"pk": [taken.pk]}, follow=True)

    assertContains(response, taken.nominee.name)
    assert Nomination.objects.get(pk=taken.pk).status == Status.IN_APPRAISAL


def test_batch_agenda_puts_the_ticked_files_on_an_open_session(client, reviewer, at_district, tree):
    first, second = at_district(), at_district()
    session = open_session(tree.district)
    client.force_login(reviewer)

    queue = client.get(url("queue"))
    assert session in queue.context["sessions"]
    client.post(url("queue-agenda"), {"pk": [first.pk, second.pk], "session": session.pk})

    assert set(AgendaItem.objects.filter(session=session).values_list("nomination", flat=True)) == {first.pk, second.pk}
    assert set(Nomination.objects.values_list("status", flat=True)) == {Status.COUNCIL}


def test_batch_agenda_refuses_another_units_session(client, reviewer, at_district, tree):
    nomination = at_district()
    foreign = open_session(tree.other_province)
    client.force_login(reviewer)

    response = client.post(url("queue-agenda"), {"pk": [nomination.pk], "session": foreign.pk}, follow=True)

    assert response.status_code == 200
    assert list(response.context["messages"])  # the form's refusal is shown
    assert not AgendaItem.objects.exists()
    assert Nomination.objects.get().status == Status.IN_APPRAISAL


def test_batch_actions_are_refused_to_someone_without_a_queue(client, officer, at_district):
    client.force_login(officer)
    nomination = at_district(status=Status.SUBMITTED)

    # The commune officer appraises only their own commune's certificates: the district's file stays put.
    client.post(url("queue-start"), {"pk": [nomination.pk]})
    assert Nomination.objects.get().status == Status.SUBMITTED


def test_each_comment_tells_the_other_side_of_the_thread_and_nobody_else(
    client, reviewer, officer, outsider, at_district, django_capture_on_commit_callbacks
):
    from units.notifications.models import Notification, NotificationKind

    nomination = at_district()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("comment", nomination.pk), {"text": "Xin bổ sung biên bản họp xét."})
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("comment", nomination.pk), {"text": "Đã gửi biên bản."})

    told = Notification.objects.filter(kind=NotificationKind.COMMENT).order_by("pk")
    assert [(n.recipient, n.body) for n in told] == [
        (officer, "Xin bổ sung biên bản họp xét."),
        (reviewer, "Đã gửi biên bản."),
    ]
    assert told[0].url == url("detail", nomination.pk) + "#discussion"
    assert told[1].url == url("appraise", nomination.pk) + "#discussion"
