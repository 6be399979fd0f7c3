"""The sơ kết and tổng kết of a programme take their years from its campaign row, not from code."""

import datetime

import pytest

from awards.models import Round
from campaigns.models import Campaign
from reports.documents_awards import round_phrase
from reports.models import Report
from reports.scope import Period, period_of, report_year

pytestmark = pytest.mark.django_db

MIDTERM, FINAL = Report.Kind.MIDTERM, Report.Kind.FINAL


@pytest.fixture
def later():
    """The 2026-2030 programme of the migrations, its sơ kết moved a year later."""
    campaign = Campaign.objects.get(start_year=2026)
    campaign.midterm_year = 2029
    campaign.save(update_fields=["midterm_year"])
    return campaign


def test_the_review_periods_run_from_the_programmes_first_year_to_its_review_years(later):
    assert period_of(MIDTERM, 2029, later) == Period(MIDTERM, 2026, 2029)
    assert period_of(FINAL, 2030, later) == Period(FINAL, 2026, 2030)
    assert period_of(Report.Kind.ANNUAL, 2027, later) == Period(Report.Kind.ANNUAL, 2027, 2027)


def test_a_review_is_filed_under_the_review_year_of_its_programme(later):
    earlier = Campaign.objects.get(start_year=2021)
    earlier.midterm_year = 2024
    earlier.save(update_fields=["midterm_year"])

    assert report_year(MIDTERM, 2027) == 2029  # the programme running in 2027
    assert report_year(FINAL, 2022) == 2025
    if datetime.date.today().year < 2029:  # without a year: the latest review that has come
        assert report_year(MIDTERM, None) == 2024
    assert report_year(Report.Kind.ANNUAL, 2027) == 2027


def test_an_award_for_a_review_names_the_period_of_its_campaign(later):
    assert round_phrase(Round.MIDTERM, 2029, later) == "giai đoạn 2026-2029 (sơ kết)"
    assert round_phrase(Round.FINAL, 2030, later) == "giai đoạn 2026-2030 (tổng kết)"
    assert round_phrase(Round.FINAL, 2025) == "giai đoạn 2021-2025 (tổng kết)"  # the campaign of its year
    assert round_phrase(Round.ANNUAL, 2027, later) == "năm 2027"
