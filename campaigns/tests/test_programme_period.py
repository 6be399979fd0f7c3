"""The programme period is data: a campaign's years and review years, a criteria set's size, an assessment's total."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from campaigns.assessments.services import get_or_start_assessment, save_assessment
from campaigns.dashboards.facts import points_of, yearly_spread
from campaigns.models import Assessment, Campaign, CriteriaSet, Criterion
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_criteria(tree):
    """The province's own version of the commune set, with a 20th criterion of its own."""
    national = CriteriaSet.objects.get(code="qd318-xa-2021")
    own = CriteriaSet.objects.create(
        name="Bộ tiêu chí xã NTM của tỉnh",
        code="tinh-mot-xa-2021",
        level=CriteriaSet.Level.COMMUNE,
        start_year=2021,
        end_year=2025,
        decision="QĐ thử nghiệm",
        issuing_unit=tree.province,
        parent=national,
    )
    Criterion.objects.bulk_create(
        [Criterion(criteria_set=own, number=c.number, name=c.name, group=c.group) for c in national.criteria.all()]
        + [Criterion(criteria_set=own, number=20, name="Chuyển đổi số", group="Tiêu chí riêng của tỉnh")]
    )
    return own


def test_a_commune_at_19_of_a_20_criterion_set_does_not_meet_all(tree, officer, twenty_criteria):
    assessment = get_or_start_assessment(tree.commune, 2024, by=officer)
    results = {r.criterion_id: (r.criterion.number <= 19, "") for r in assessment.results.select_related("criterion")}
    save_assessment(assessment, results=results, values={}, note="", version=1, by=officer)
    assessment.refresh_from_db()
    Assessment.objects.filter(pk=assessment.pk).update(
        status=Assessment.Status.APPROVED
    )  # the official figures count approved years

    assert assessment.criteria_set == twenty_criteria
    assert (assessment.criteria_met, assessment.criteria_total) == (19, 20)
    assert not assessment.meets_all
    [point] = points_of(yearly_spread([tree.commune], [2024]), [2024])
    assert (point.assessed, point.complete) == (1, 0)


def test_a_commune_meeting_every_criterion_of_its_set_meets_all(tree, officer, twenty_criteria):
    assessment = get_or_start_assessment(tree.commune, 2024, by=officer)
    results = {r.criterion_id: (True, "") for r in assessment.results.all()}
    save_assessment(assessment, results=results, values={}, note="", version=1, by=officer)
    assessment.refresh_from_db()

    assert (assessment.criteria_met, assessment.criteria_total) == (20, 20)
    assert assessment.meets_all


def test_a_tally_without_results_takes_the_size_of_the_national_set_of_its_year(tree):
    assessment = Assessment.objects.create(unit=tree.commune, year=2024, criteria_met=19)

    assert assessment.criteria_total == CriteriaSet.objects.get(code="qd318-xa-2021").criteria.count()
    assert assessment.meets_all


def test_a_year_whose_set_has_no_criteria_yet_meets_nothing(tree):
    Criterion.objects.filter(criteria_set__code="qd51-2025-xa-2026").delete()  # a set whose criteria are not entered
    assessment = Assessment.objects.create(unit=tree.new_commune, year=2026, criteria_met=0)

    assert assessment.criteria_total == 0
    assert not assessment.meets_all


def test_the_data_migration_fills_the_total_of_existing_assessments(tree, officer):
    started = get_or_start_assessment(tree.commune, 2024, by=officer)
    bare = Assessment.objects.create(unit=tree.neighbour, year=2023, criteria_met=12)
    Assessment.objects.filter(pk__in=[started.pk, bare.pk]).update(criteria_total=0)

    importlib.import_module("campaigns.migrations.0005_assessment_criteria_total").fill_totals(apps, None)

    totals = dict(Assessment.objects.values_list("pk", "criteria_total"))
    assert totals[started.pk] == started.results.count() == 19
    assert totals[bare.pk] == 19


def test_a_campaign_takes_its_review_years_from_its_period_unless_given():
    plain = Campaign.objects.create(name="Phong trào thử", start_year=2031, end_year=2035)
    given = Campaign.objects.create(name="Phong trào khác", start_year=2031, end_year=2035, midterm_year=2034)

    assert (plain.midterm_year, plain.final_year) == (2033, 2035)
    assert (given.midterm_year, given.final_year) == (2034, 2035)


def test_the_programmes_are_data_with_their_criteria_sets():
    later = Campaign.objects.get(start_year=2026)

    assert (later.end_year, later.midterm_year, later.final_year) == (2030, 2028, 2030)
    assert list(later.criteria_sets.values_list("code", flat=True)) == ["qd51-2025-xa-2026"]
    assert Campaign.objects.years()[0] == Campaign.objects.first_year() == 2021


def my_year_url(unit, year):
    return reverse("progress:my-year", args=[unit.pk, year])


def test_my_years_shows_the_years_of_the_programmes_entered_as_data(client, make_user, tree):
    assert datetime.date.today().year >= 2026, "My years stops at this year"
    client.force_login(make_user("new-officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    Campaign.objects.filter(start_year=2026).delete()

    before = client.get(reverse("progress:my-years"))
    Campaign.objects.create(name="Chương trình thử nghiệm", start_year=2026, end_year=2030)
    after = client.get(reverse("progress:my-years"))

    assertContains(before, my_year_url(tree.new_commune, 2025))  # formed on 1 July 2025
    assertNotContains(before, my_year_url(tree.new_commune, 2024))  # before it existed
    assertNotContains(before, my_year_url(tree.new_commune, 2026))
    assertContains(after, my_year_url(tree.new_commune, 2026))
    assertNotContains(after, my_year_url(tree.new_commune, datetime.date.today().year + 1))
