"""Each review and reminder event tells exactly the right people, in the app and by e-mail, and nobody else."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from campaigns.assessments.services import (
    approve_assessment,
    get_or_start_assessment,
    return_assessment,
    save_assessment,
    submit_assessment,
)
from campaigns.dashboards.reminders import send_reminders
from units.models import Role
from units.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_december_2024(clock):
    clock(datetime.date(2024, 12, 16))


@pytest.fixture
def people(make_user, tree):
    """The commune's officer, its district's reviewer and leader, a neighbour, a reviewer of another province."""
    return type(
        "People",
        (),
        {
            "officer": make_user("officer", (tree.commune, Role.COMMUNE_OFFICER), email="officer@xa.vn"),
            "reviewer": make_user("reviewer", (tree.district, Role.HOME_AFFAIRS), email="noivu@huyen.vn"),
            "leader": make_user("leader", (tree.district, Role.LEADER), email="lanhdao@huyen.vn"),
            "neighbour": make_user("neighbour", (tree.neighbour, Role.COMMUNE_OFFICER), email="ngocdao@xa.vn"),
            "outsider": make_user("outsider", (tree.other_province, Role.HOME_AFFAIRS), email="khac@tinh.vn"),
        },
    )


def submitted_year(tree, people):
    assessment = get_or_start_assessment(tree.commune, 2024, by=people.officer)
    results = {result.criterion_id: (True, "") for result in assessment.results.all()[:3]}
    save_assessment(assessment, results=results, values={}, note="", version=assessment.version, by=people.officer)
    assessment.refresh_from_db()
    return submit_assessment(assessment, by=people.officer)


def inbox(kind):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_a_submitted_year_tells_the_reviewers_of_the_level_above_only(tree, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assessment = submitted_year(tree, people)

    assert inbox(NotificationKind.YEAR_SUBMITTED) == ["reviewer"]
    notification = Notification.objects.get()
    assert notification.url == reverse("progress:review", args=[assessment.pk])
    assert notification.subject == "Xã Trường Hà · 2024"
    assert [message.to for message in mail.outbox] == [["noivu@huyen.vn"]]
    assert "Xã Trường Hà · 2024" in mail.outbox[0].subject


def test_a_returned_year_tells_the_communes_officers_with_the_reason(tree, people, django_capture_on_commit_callbacks):
    assessment = submitted_year(tree, people)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        return_assessment(assessment, by=people.reviewer, reason="Thiếu biên bản tiêu chí 17")

    notification = Notification.objects.get(kind=NotificationKind.YEAR_RETURNED)
    assert notification.recipient == people.officer
    assert notification.body == "Thiếu biên bản tiêu chí 17"
    assert notification.url == reverse("progress:my-year", args=[tree.commune.pk, 2024])
    assert [message.to for message in mail.outbox] == [["officer@xa.vn"]]
    assert "Thiếu biên bản tiêu chí 17" in mail.outbox[0].body


def test_an_approved_year_tells_the_communes_officers_and_nobody_else(tree, people, django_capture_on_commit_callbacks):
    assessment = submitted_year(tree, people)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        approve_assessment(assessment, by=people.reviewer)

    assert inbox(NotificationKind.YEAR_APPROVED) == ["officer"]
    assert [message.to for message in mail.outbox] == [["officer@xa.vn"]]


def test_nothing_is_sent_before_the_commit(tree, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submitted_year(tree, people)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_a_reminder_reaches_each_reminded_communes_officers(tree, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sent, _already = send_reminders(
            [tree.commune, tree.neighbour],
            year=2024,
            message="Hạn chót 20/12",
            by=people.reviewer,
            sender=tree.district,
        )

    assert sent == 2
    assert inbox(NotificationKind.REMINDER) == ["neighbour", "officer"]
    mine = Notification.objects.get(recipient=people.officer)
    assert mine.body == "Hạn chót 20/12"
    assert mine.unit == tree.commune
    assert sorted(message.to[0] for message in mail.outbox) == ["ngocdao@xa.vn", "officer@xa.vn"]


def test_a_second_reminder_the_same_day_tells_nobody_again(tree, people, django_capture_on_commit_callbacks):
    remind = {"year": 2024, "message": "Nhắc", "by": people.reviewer, "sender": tree.district}
    send_reminders([tree.commune], **remind)

    with django_capture_on_commit_callbacks(execute=True):
        send_reminders([tree.commune], **remind)

    assert Notification.objects.filter(kind=NotificationKind.REMINDER).count() == 1
    assert mail.outbox == []


def test_reminding_many_communes_reads_their_officers_once(
    tree, people, make_unit, make_user, django_assert_max_num_queries
):
    def remind(count):
        communes = [make_unit(f"Xã {count}-{i}", "commune", tree.district) for i in range(count)]
        for commune in communes:
            make_user(f"officer-{commune.pk}", (commune, Role.COMMUNE_OFFICER))
        return lambda: send_reminders(communes, year=2024, message="Nhắc", by=people.reviewer, sender=tree.district)

    few, many = remind(2), remind(20)
    with django_assert_max_num_queries(8) as few_queries:
        few()
    with django_assert_max_num_queries(8) as many_queries:
        many()
    assert len(many_queries) == len(few_queries)
    assert Notification.objects.filter(kind=NotificationKind.REMINDER).count() == 22
