"""Reminders are sent once a day at most per commune and year, however often "send reminder" is clicked."""

import datetime

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
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


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_the_first_reminder_of_each_day_and_dates_it(tree):
    reminded_at = datetime.datetime(2024, 11, 2, 23, 30, tzinfo=datetime.UTC)  # 3 November in Hà Nội
    executor = MigrationExecutor(connection)
    try:
        executor.migrate([("campaigns", "0007_plan_version_and_year_bounds")])
        Old = executor.loader.project_state([("campaigns", "0007_plan_version_and_year_bounds")]).apps.get_model(
            "campaigns", "Reminder"
        )
        kept = Old.objects.create(unit_id=tree.commune.pk, year=2024, message="Lần đầu")
        repeat = Old.objects.create(unit_id=tree.commune.pk, year=2024, message="Lần hai")
        next_day = Old.objects.create(unit_id=tree.commune.pk, year=2024, message="Hôm sau")
        Old.objects.filter(pk=kept.pk).update(sent_at=reminded_at)
        Old.objects.filter(pk=repeat.pk).update(sent_at=reminded_at + datetime.timedelta(minutes=5))
        Old.objects.filter(pk=next_day.pk).update(sent_at=reminded_at + datetime.timedelta(days=1))
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    assert list(Reminder.objects.order_by("sent_at").values_list("message", "sent_on")) == [
        ("Lần đầu", datetime.date(2024, 11, 3)),
        ("Hôm sau", datetime.date(2024, 11, 4)),
    ]
