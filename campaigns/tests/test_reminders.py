"""Reminders are sent once a day at most per commune and year, however often "send reminder" is clicked."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Reminder

pytestmark = pytest.mark.django_db


def click_remind(client, unit, year=2024):
    """The messages the status page shows after the click."""
    response = client.post(reverse("dashboards:remind", args=[unit.pk, year]), {"message": ""}, follow=True)
    return [str(message) for message in response.context["messages"]]


def test_a_second_click_the_same_day_reminds_nobody_again_and_says_so(client, reviewer, tree):
    client.force_login(reviewer)
    assert click_remind(client, tree.district) == ["Đã gửi lời nhắc đến 2 xã."]

    messages = click_remind(client, tree.district)

    assert Reminder.objects.count() == 2
    assert messages == ["2 xã đã được nhắc trong hôm nay nên không nhắc lại."]


def test_only_the_communes_not_yet_reminded_today_get_a_reminder(client, reviewer, tree):
    Reminder.objects.create(unit=tree.commune, year=2024, message="Nhắc từ tỉnh")
    client.force_login(reviewer)

    messages = click_remind(client, tree.district)

    assert sorted(Reminder.objects.values_list("unit__name", flat=True)) == sorted(
        [tree.commune.name, tree.neighbour.name]
    )
    assert messages == ["Đã gửi lời nhắc đến 1 xã.", "1 xã đã được nhắc trong hôm nay nên không nhắc lại."]


def test_a_commune_reminded_yesterday_is_reminded_again_today(client, reviewer, tree):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Reminder.objects.create(unit=tree.commune, year=2024, message="Hôm qua", sent_on=yesterday)
    client.force_login(reviewer)

    click_remind(client, tree.district)

    assert Reminder.objects.filter(unit=tree.commune, sent_on=timezone.localdate()).count() == 1


def test_the_database_refuses_a_second_reminder_of_the_same_day(tree):
    Reminder.objects.create(unit=tree.commune, year=2024, message="Một")

    with pytest.raises(IntegrityError):
        Reminder.objects.create(unit=tree.commune, year=2024, message="Hai")
