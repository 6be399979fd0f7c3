"""The inbox, the badge, the once-only key and the e-mail task with its bounded retries."""

import smtplib

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from kombu.exceptions import OperationalError

from units.models import Role
from units.notifications.models import Notification, NotificationKind
from units.notifications.services import notify, resend_unsent_emails
from units.tasks import send_notification_email

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user, tree):
    return make_user("officer", (tree.commune, Role.COMMUNE_OFFICER), email="officer@xa.vn")


@pytest.fixture
def neighbour(make_user, tree):
    return make_user("neighbour", (tree.neighbour, Role.COMMUNE_OFFICER), email="ngocdao@xa.vn")


def tell(user, subject="Xã Trường Hà · 2024", **fields):
    return notify(recipients=[user], kind=NotificationKind.REMINDER, subject=subject, url="/progress/", **fields)[0]


def test_the_badge_counts_the_unread_notifications(client, officer):
    tell(officer)
    tell(officer, subject="Lần hai")
    client.force_login(officer)

    page = client.get(reverse("home")).content.decode()

    assert 'id="unread-count">2<' in page


def test_the_badge_counts_with_the_user_and_costs_no_query_of_its_own(client, officer, neighbour):
    tell(officer)
    tell(officer, subject="Lần hai")
    tell(neighbour)  # someone else's does not count
    read = tell(officer, subject="Đã đọc")
    client.force_login(officer)
    client.post(reverse("notifications:read", args=[read.pk]))

    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("home")).content.decode()

    assert 'id="unread-count">2<' in page
    assert [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "units_notification"')
    ] == []


def test_without_unread_notifications_there_is_no_badge(client, officer):
    tell(officer)
    client.force_login(officer)
    client.post(reverse("notifications:read-all"))

    page = client.get(reverse("home")).content.decode()

    assert 'id="unread-count"' not in page
    assert 'id="nav-notifications"' in page


def test_opening_a_notification_marks_it_read_and_follows_its_link(client, officer):
    notification = tell(officer)
    client.force_login(officer)

    response = client.post(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == "/progress/"
    notification.refresh_from_db()
    assert notification.is_read


def test_a_link_to_another_site_is_not_followed(client, officer):
    notification = tell(officer)
    Notification.objects.filter(pk=notification.pk).update(url="https://example.com/")
    client.force_login(officer)

    response = client.post(reverse("notifications:open", args=[notification.pk]))

    assert response["Location"] == reverse("notifications:inbox")


def test_another_users_notification_answers_404(client, officer, neighbour):
    notification = tell(officer)
    client.force_login(neighbour)

    assert client.post(reverse("notifications:open", args=[notification.pk])).status_code == 404
    assert client.post(reverse("notifications:read", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert not notification.is_read


def test_the_inbox_lists_only_ones_own_notifications_and_can_show_only_unread(client, officer, neighbour):
    read = tell(officer, subject="Đã đọc")
    tell(officer, subject="Chưa đọc")
    tell(neighbour, subject="Của xã bên")
    client.force_login(officer)
    client.post(reverse("notifications:read", args=[read.pk]))

    everything = client.get(reverse("notifications:inbox")).content.decode()
    unread = client.get(reverse("notifications:inbox") + "?unread=1").content.decode()

    assert "Đã đọc" in everything and "Chưa đọc" in everything
    assert "Của xã bên" not in everything
    assert "Chưa đọc" in unread and "Đã đọc" not in unread


def test_the_inbox_reads_a_constant_number_of_queries(client, officer, django_assert_max_num_queries):
    client.force_login(officer)

    def grow(count):
        for number in range(count):
            tell(officer, subject=f"Nhắc {number}")

    grow(3)
    client.get(reverse("notifications:inbox"))  # a fresh session's expiry is stamped once
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("notifications:inbox"))
    grow(27)
    with django_assert_max_num_queries(12) as many:
        client.get(reverse("notifications:inbox"))
    assert len(many) == len(few)


def test_a_key_tells_each_person_once_however_often_it_is_sent(officer, neighbour):
    first = notify(recipients=[officer, neighbour], kind=NotificationKind.DEADLINE, subject="Báo cáo", key="d:1:2024")
    again = notify(recipients=[officer, neighbour], kind=NotificationKind.DEADLINE, subject="Báo cáo", key="d:1:2024")

    assert len(first) == 2
    assert again == []
    assert Notification.objects.count() == 2


def test_the_database_refuses_a_second_notification_with_the_same_key(officer):
    Notification.objects.create(recipient=officer, kind=NotificationKind.DEADLINE, subject="A", key="d:1:2024")

    with pytest.raises(IntegrityError):
        Notification.objects.create(recipient=officer, kind=NotificationKind.DEADLINE, subject="B", key="d:1:2024")


def test_the_email_is_sent_after_the_commit_with_the_link(officer, django_capture_on_commit_callbacks, settings):
    settings.SITE_URL = "https://chungsuc.example.vn"
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer, body="Hạn chót 20/12")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["officer@xa.vn"]
    assert "https://chungsuc.example.vn/progress/" in mail.outbox[0].body
    assert "Hạn chót 20/12" in mail.outbox[0].body
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_user_without_an_address_gets_the_notification_but_no_email(
    make_user, tree, django_capture_on_commit_callbacks
):
    nobody = make_user("no-mail", (tree.commune, Role.COMMUNE_OFFICER))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        tell(nobody)

    assert callbacks == []
    assert Notification.objects.filter(recipient=nobody).count() == 1


def test_an_email_already_sent_is_not_sent_again(officer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer)

    send_notification_email(notification.pk)

    assert len(mail.outbox) == 1


class Refusing:
    """A mail back-end whose server refuses the address (a bounce at once)."""

    sent = 0

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        Refusing.sent += 1
        raise smtplib.SMTPRecipientsRefused({"officer@xa.vn": (550, b"No such user")})


class Failing(Refusing):
    def send_messages(self, messages):
        Failing.sent += 1
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_a_refused_address_is_logged_and_never_tried_again(officer, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.Refusing"
    notification = tell(officer)
    Refusing.sent = 0

    send_notification_email(notification.pk)
    send_notification_email(notification.pk)

    assert Refusing.sent == 1
    notification.refresh_from_db()
    assert notification.emailed_at is None
    assert "SMTPRecipientsRefused" in notification.email_error
    assert "was refused" in caplog.text


def test_a_failing_mail_server_is_tried_a_bounded_number_of_times(officer, settings, caplog):
    settings.EMAIL_BACKEND = f"{__name__}.Failing"
    settings.NOTIFICATION_EMAIL_ATTEMPTS = 3
    notification = tell(officer)
    Failing.sent = 0

    # As on a worker: the first attempts ask Celery to retry later, the last one gives up and logs.
    for _retry in range(2):
        with pytest.raises(Retry):
            send_notification_email(notification.pk)
    send_notification_email(notification.pk)
    send_notification_email(notification.pk)

    assert Failing.sent == 3
    notification.refresh_from_db()
    assert notification.email_attempts == 3
    assert "not sent after 3 attempt(s)" in caplog.text


def test_an_email_failure_does_not_break_the_action_that_notified(
    officer, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.Failing"
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer)

    assert Notification.objects.filter(pk=notification.pk, read_at__isnull=True).exists()


def test_with_the_broker_away_the_action_succeeds_and_the_email_is_queued_again_later(
    officer, monkeypatch, django_capture_on_commit_callbacks
):
    def broker_away(*args, **kwargs):
        raise OperationalError("Error 111 connecting to redis:6379. Connection refused.")

    monkeypatch.setattr(send_notification_email, "delay", broker_away)
    with django_capture_on_commit_callbacks(execute=True):
        notification = tell(officer)  # the error is logged, not raised into the request
    assert mail.outbox == []

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        assert resend_unsent_emails() == 1

    assert [message.to for message in mail.outbox] == [["officer@xa.vn"]]
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert resend_unsent_emails() == 0
