"""Hardening (issue 13): a report or a tờ trình asked for a year no page can show, or for nominations past 2**63,
is refused cleanly, and nothing is built."""

import pytest
from django.urls import reverse

from awards.models import Nomination
from reports.models import Report
from units.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["annual", "midterm"])
@pytest.mark.parametrize("year", ["70000", str(2**64)])
def test_a_report_for_a_year_no_page_can_show_is_a_form_error(client, district_with_plan, district_officer, kind, year):
    client.force_login(district_officer)

    response = client.post(
        reverse("reports:create"),
        {"kind": kind, "unit": district_with_plan.district.pk, "year": year, "grouping": "old"},
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["year"]
    assert not Report.objects.exists()


@pytest.mark.parametrize("year", ["0", "70000", str(2**64), "99999999999999999999999999"])
def test_a_submission_for_a_year_no_page_can_show_is_refused(client, demo, year):
    unit = Nomination.objects.filter(proposing_unit__code="01399").first().proposing_unit
    client.force_login(User.objects.get(username="noivu.haquang"))

    response = client.post(reverse("reports:print-submission"), {"unit": unit.pk, "round": "annual", "year": year})

    assert response.status_code == 302
    assert response.url == reverse("awards:list")
    assert not Report.objects.exists()


def test_a_submission_of_nominations_past_2_63_is_refused(client, demo):
    unit = Nomination.objects.filter(proposing_unit__code="01399").first().proposing_unit
    client.force_login(User.objects.get(username="noivu.haquang"))

    response = client.post(
        reverse("reports:print-submission"), {"unit": unit.pk, "nominations": [str(2**64), str(2**63)]}
    )

    assert response.status_code in (302, 400, 404)
    assert not Report.objects.exists()


def test_a_submission_for_a_unit_past_2_63_is_not_found(client, demo):
    client.force_login(User.objects.get(username="noivu.haquang"))

    response = client.post(reverse("reports:print-submission"), {"unit": str(2**64), "round": "annual", "year": "2023"})

    assert response.status_code == 404
