"""A signed-in session's expiry slides forward at most once a margin, instead of being written on every request."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def later(monkeypatch):
    """later(seconds) moves the clock sessions are stamped and checked by that far forward."""
    real_now = timezone.now
    offset = [datetime.timedelta()]
    monkeypatch.setattr(timezone, "now", lambda: real_now() + offset[0])

    def move(seconds: int) -> None:
        offset[0] += datetime.timedelta(seconds=seconds)

    return move


@pytest.fixture
def short_sessions(settings):
    settings.SESSION_COOKIE_AGE = 3600
    settings.SESSION_REFRESH_MARGIN = 300


def expiry(client) -> datetime.datetime:
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).expire_date


def session_writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]
    ]


def test_a_request_within_the_margin_does_not_write_the_session(client, reviewer, short_sessions, later):
    client.force_login(reviewer)
    assert client.get(reverse("home")).status_code == 200  # the first request stamps the session
    stamped = expiry(client)
    later(299)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    assert session_writes(queries) == []
    assert expiry(client) == stamped


def test_a_session_last_moved_longer_ago_than_the_margin_is_moved_forward(client, reviewer, short_sessions, later):
    client.force_login(reviewer)
    client.get(reverse("home"))
    stamped = expiry(client)
    later(301)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    assert len(session_writes(queries)) == 1
    assert expiry(client) - stamped >= datetime.timedelta(seconds=301)


def test_a_session_in_use_lasts_past_its_age_and_ends_after_that_long_idle(client, reviewer, short_sessions, later):
    client.force_login(reviewer)
    for _step in range(12):  # 12 × 400 s of steady work: longer than the 3,600 s a session lasts idle
        assert client.get(reverse("home")).status_code == 200
        later(400)
    assert client.get(reverse("home")).status_code == 200
    later(3601)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_a_session_used_only_within_the_margin_still_ends_one_age_after_it_was_last_moved(
    client, reviewer, short_sessions, later
):
    client.force_login(reviewer)
    client.get(reverse("home"))
    later(200)
    assert client.get(reverse("home")).status_code == 200  # within the margin: the expiry stays where it was
    later(3600 - 200 + 1)
    assert client.get(reverse("home")).status_code == 302


def test_a_visitor_who_is_not_signed_in_gets_no_session_stored(client):
    client.get(reverse("login"))
    assert not Session.objects.exists()
