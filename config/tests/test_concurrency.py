"""Several people at once, with real threads against the real database (a file on SQLite, see
config/test_settings.py): nothing fails with a server error or "database is locked", and the end state is
what one-at-a-time would give."""

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from campaigns.models import Assessment, CriterionResult, Reminder
from reports.models import Report
from reports.services import request_report
from units.models import Role


def signed_in(user) -> Client:
    client = Client(raise_request_exception=True)
    client.force_login(user)
    return client


def test_the_embedded_database_is_set_up_for_several_writers(db):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        journal = cursor.fetchone()[0]
        cursor.execute("PRAGMA busy_timeout")
        busy = cursor.fetchone()[0]
    options = settings.DATABASES["default"]["OPTIONS"]

    assert (journal, busy, options["transaction_mode"]) == ("wal", 20000, "IMMEDIATE")


@pytest.fixture
def criteria_catalogue(transactional_db):
    """The criteria sets the data migration loads: an earlier transactional test's flush removed them."""
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)


@pytest.mark.django_db(transaction=True)
def test_ten_people_saving_a_new_year_at_once_start_its_one_assessment_and_one_save_wins(
    at_once, officer, tree, criteria_catalogue
):
    """Opening the year saves nothing; the first save starts it. The other nine read the same unsaved page
    (version 1), so theirs are refused as saved by someone else, kindly and without a server error."""
    url = reverse("progress:my-year", args=[tree.commune.pk, 2024])
    clients = [signed_in(officer) for _person in range(10)]
    form = clients[0].get(url).context["form"]
    criterion = form.results[0].criterion_id
    data = {"version": form["version"].value(), "note": "", "action": "save", f"c{criterion}-achieved": "on"}
    assert not Assessment.objects.exists()

    statuses = at_once(lambda i: clients[i].post(url, data | {"note": f"Người {i}"}).status_code, 10)

    assert sorted(statuses) == [200] * 9 + [302]
    assessment = Assessment.objects.get(unit=tree.commune, year=2024)
    criteria = assessment.criteria_set.criteria.count()
    assert CriterionResult.objects.filter(assessment=assessment).count() == criteria > 0
    assert (assessment.version, assessment.criteria_met) == (2, 1)


@pytest.mark.django_db(transaction=True)
def test_eight_requests_for_the_same_report_at_once_get_eight_different_versions(at_once, reviewer, tree, monkeypatch):
    monkeypatch.setattr("reports.services.send_build", lambda report_id: True)  # the builds are not the point

    def ask(i):
        return request_report(Report.Kind.ANNUAL, unit=tree.district, year=2024, narrative={}, by=reviewer).pk

    at_once(ask, 8)

    versions = sorted(Report.objects.filter(unit=tree.district, year=2024).values_list("version", flat=True))
    assert versions == list(range(1, 9))


@pytest.mark.django_db(transaction=True)
def test_ten_clicks_at_once_on_send_reminder_remind_each_commune_once(at_once, reviewer, tree):
    url = reverse("dashboards:remind", args=[tree.district.pk, 2024])
    clients = [signed_in(reviewer) for _click in range(10)]

    statuses = at_once(lambda i: clients[i].post(url, {"message": ""}).status_code, 10)

    assert statuses == [302] * 10
    reminded = sorted(Reminder.objects.filter(year=2024).values_list("unit__name", flat=True))
    assert reminded == sorted([tree.commune.name, tree.neighbour.name])


@pytest.mark.django_db(transaction=True)
def test_eight_report_requests_posted_at_once_all_reach_their_report_page(at_once, make_user, tree, monkeypatch):
    monkeypatch.setattr("reports.services.send_build", lambda report_id: True)
    staff = make_user("staff", (tree.province, Role.PROVINCE_STAFF))
    clients = [signed_in(staff) for _tab in range(8)]
    data = {"kind": "annual", "unit": tree.province.pk, "year": 2024, "grouping": "old"}

    statuses = at_once(lambda i: clients[i].post(reverse("reports:create"), data).status_code, 8)

    assert statuses == [302] * 8
    versions = sorted(Report.objects.filter(unit=tree.province).values_list("version", flat=True))
    assert versions == list(range(1, 9))
