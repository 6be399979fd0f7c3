"""The demo progress data: loaded once for the module (it takes a few seconds), then checked from every side."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.urls import reverse

from campaigns.models import (
    Assessment,
    CriterionResult,
    ExemplaryModel,
    OcopProduct,
    OcopRating,
    Plan,
    Recognition,
    RecognitionStatus,
    ResourceContribution,
    Target,
    VillageYear,
)
from campaigns.targets.evaluation import evaluate_targets
from units.models import CodeScheme, Kind, Unit, User

pytestmark = pytest.mark.django_db

HA_QUANG = {"unit__parent__code": "045", "unit__parent__code_scheme": CodeScheme.LEGACY}
COUNTED = [
    Assessment.objects,
    Assessment.history,
    CriterionResult.objects,
    CriterionResult.history,
    VillageYear.objects,
    VillageYear.history,
    ResourceContribution.objects,
    ResourceContribution.history,
    OcopProduct.objects,
    OcopRating.objects,
    Recognition.objects,
    ExemplaryModel.objects,
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """load_demo once for all the tests here, rolled back at the end (each test runs in a savepoint inside)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def legacy_commune(code):
    return Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.COMMUNE, code=code)


def test_a_second_load_changes_nothing_history_included(demo):
    before = [manager.count() for manager in COUNTED]
    output = io.StringIO()

    call_command("load_demo", stdout=output)

    assert [manager.count() for manager in COUNTED] == before
    assert "campaigns.demo.assessments.load_progress: 0 created, 0 updated" in output.getvalue()
    assert before[0] > 100 and before[1] == before[0]  # one history row per assessment: its creation


def test_every_demo_record_is_marked_as_demo(demo):
    for model in (Assessment, VillageYear, ResourceContribution, OcopProduct, ExemplaryModel):
        assert model.objects.exists()
        assert not model.objects.filter(is_demo=False).exists()


def test_truong_ha_2024_is_left_for_the_walk_through(demo):
    truong_ha = legacy_commune("01399")

    assert not Assessment.objects.filter(unit=truong_ha, year=2024).exists()
    approved_2023 = Assessment.objects.get(unit=truong_ha, year=2023)
    assert (approved_2023.status, approved_2023.criteria_met) == (Assessment.Status.APPROVED, 19)
    assert approved_2023.reviewed_by == User.objects.get(username="noivu.haquang")


def test_the_district_queue_has_a_submission_and_a_draft_is_in_progress(demo):
    open_2024 = Assessment.objects.filter(year=2024).exclude(status=Assessment.Status.APPROVED)

    statuses = {(a.unit.short_name, a.status, a.reviewer_unit_id) for a in open_2024.select_related("unit")}
    district = Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.DISTRICT, code="045")
    assert statuses == {("Cải Viên", "submitted", district.pk), ("Yên Sơn", "draft", None)}
    assert not Assessment.objects.filter(year__lt=2024).exclude(status=Assessment.Status.APPROVED).exists()


def test_each_assessment_has_a_result_per_criterion_and_counts_what_is_achieved(demo):
    assessments = Assessment.objects.annotate(
        results_count=Count("results"), achieved=Count("results", filter=Q(results__achieved=True))
    )

    # One result per criterion of the year's set: 19 under QĐ 318 (2021-2024), 10 under QĐ 51 (2026).
    assert {(a.criteria_set.code, a.results_count) for a in assessments.select_related("criteria_set")} == {
        ("qd318-xa-2021", 19),
        ("qd51-2025-xa-2026", 10),
    }
    assert all(a.achieved == a.criteria_met for a in assessments)
    assert CriterionResult.objects.filter(assessment__criteria_set__code="qd318-xa-2021").count() == (
        19 * assessments.filter(criteria_set__code="qd318-xa-2021").count()
    )


def test_towns_get_no_assessment(demo):
    assert not Assessment.objects.filter(unit__division_type="Thị trấn").exists()
    assert Assessment.objects.filter(year=2023, **HA_QUANG).count() == 19


def test_ha_quang_approaches_its_average_and_keeps_some_communes_below_15(demo):
    approved = Assessment.objects.filter(status=Assessment.Status.APPROVED, **HA_QUANG)

    assert approved.filter(year=2023).aggregate(average=Avg("criteria_met"))["average"] >= 14
    assert 16 <= approved.filter(year=2024).aggregate(average=Avg("criteria_met"))["average"] < 16.5
    assert approved.filter(year=2024, criteria_met__lt=15).count() == 2


def test_communes_gain_one_or_two_criteria_a_year_until_they_reach_19(demo):
    met = {}
    for unit_id, year, count in Assessment.objects.values_list("unit_id", "year", "criteria_met"):
        met.setdefault(unit_id, {})[year] = count
    for years in met.values():
        for year in sorted(years)[1:]:
            gain = years[year] - years[year - 1]
            assert gain in (1, 2) or years[year - 1] == years[year] == 19


def test_recognitions_match_the_steps_reached(demo):
    held = set(
        Recognition.objects.filter(unit__code_scheme=CodeScheme.LEGACY, unit__kind=Kind.COMMUNE).values_list(
            "unit__code", "status", "decision_date__year"
        )
    )

    assert {("01399", "xa_ntm", 2023), ("01432", "xa_ntm", 2024), ("01438", "xa_nang_cao", 2024)} <= held
    assert Recognition.objects.filter(unit=legacy_commune("01399"), status=RecognitionStatus.COMMUNE_NTM).count() == 1


def test_expired_and_current_ocop_ratings_both_appear(demo, client):
    client.force_login(User.objects.get(username="noivu.haquang"))
    district = Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.DISTRICT, code="045")

    response = client.get(reverse("records:ocop", args=[district.pk]))

    expired = [r.expired for p in response.context["products"] for r in p.ratings.all()]
    assert True in expired and False in expired
    assert "app-demo-badge" in response.content.decode()


def test_the_ha_quang_plans_targets_compute_from_these_records(demo):
    plan = Plan.objects.filter(number="3254/KH-UBND").first()
    if plan is None:
        pytest.skip("Plan 3254/KH-UBND is not in the demo (campaigns.demo.plans.load_plans not in DEMO_STEPS).")
    targets = list(plan.targets.all())

    results = evaluate_targets(targets)

    criteria_types = (Target.Type.AVERAGE_CRITERIA, Target.Type.MINIMUM_CRITERIA)
    criteria_targets = [t for t in targets if t.type in criteria_types]
    assert len(criteria_targets) == 2
    assert all(results[t.pk].state != "no_data" and results[t.pk].current for t in criteria_targets)
    truong_ha = next(t for t in targets if t.type == Target.Type.UNIT_MILESTONE and "Trường Hà" in t.description)
    assert results[truong_ha.pk].state == "achieved"
