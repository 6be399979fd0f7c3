"""The 2026-2030 demo of the new Tỉnh Cao Bằng: a province plan, commune groups and 2026 years at every state."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from campaigns.models import Assessment, Campaign, CommuneGroup, CriterionResult, Plan, Target, TargetYear
from units.models import CodeScheme, Kind, Unit, User

pytestmark = pytest.mark.django_db

QD51 = "qd51-2025-xa-2026"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """load_demo once for all the tests here, rolled back at the end (each test runs in a savepoint inside)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def new_cao_bang() -> Unit:
    return Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code="04")


def new_communes():
    return Unit.objects.filter(code_scheme=CodeScheme.Y2025, kind=Kind.COMMUNE, parent=new_cao_bang())


def years_2026():
    return Assessment.objects.filter(unit__in=new_communes(), year=2026).select_related("unit", "criteria_set")


def test_the_new_cao_bang_communes_have_2026_years_at_every_state(demo):
    states = {a.unit.name: a.status for a in years_2026()}

    assert set(states.values()) == set(Assessment.Status.values)
    assert "Xã Trường Hà" not in states  # not started: left for xa.truongha2025
    assert states["Xã Lũng Nặm"] == Assessment.Status.RETURNED


def test_each_2026_year_is_judged_by_the_ten_criteria_of_the_qd51_set(demo):
    for assessment in years_2026():
        results = CriterionResult.objects.filter(assessment=assessment)
        assert assessment.criteria_set.code == QD51
        assert assessment.criteria_total == 10 == results.count()
        assert assessment.criteria_met == results.filter(achieved=True).count()
        assert assessment.is_demo


def test_years_sent_after_the_reform_are_reviewed_by_the_new_province(demo):
    sent = years_2026().exclude(status=Assessment.Status.DRAFT)

    assert sent.count() == 5
    assert {a.reviewer_unit for a in sent} == {new_cao_bang()}
    returned = sent.get(status=Assessment.Status.RETURNED)
    assert returned.return_reason.startswith("Demo:")
    assert returned.reviewed_by == User.objects.get(username="noivu.caobang")


def test_every_new_cao_bang_commune_has_a_group_decided_by_a_document_marked_demo(demo):
    groups = CommuneGroup.objects.filter(unit__in=new_communes())

    assert groups.count() == new_communes().count() == 7
    assert {group.group for group in groups} == {1, 2, 3}
    assert all(group.is_demo and group.decision.startswith("DEMO") for group in groups)


def test_the_province_plan_is_marked_demo_and_sets_targets_for_2026_to_2030(demo):
    plan = Plan.objects.get(issuing_unit=new_cao_bang())
    targets = Target.objects.filter(plan=plan)

    assert plan.campaign == Campaign.objects.get(criteria_sets__code=QD51)
    assert plan.is_demo and "DEMO" in plan.number and plan.subject.startswith("[DEMO]")
    assert targets.count() >= 3 and all(target.is_demo for target in targets)
    assert {target.deadline_year for target in targets} == {2030}
    assert set(TargetYear.objects.filter(target__plan=plan).values_list("year", flat=True)) == set(range(2026, 2031))


def test_the_plan_page_and_the_commune_groups_page_show_the_demo_badge(demo, client):
    client.force_login(User.objects.get(username="tinh.caobang"))
    plan = Plan.objects.get(issuing_unit=new_cao_bang())

    assert "app-demo-badge" in client.get(reverse("campaigns:plan", args=[plan.pk])).content.decode()
    groups = client.get(reverse("criteria:groups", args=[new_cao_bang().pk])).content.decode()
    assert "app-demo-badge" in groups and "DEMO" in groups


def test_a_second_load_demo_creates_nothing(demo):
    output = io.StringIO()

    call_command("load_demo", stdout=output)

    assert "campaigns.demo.period2026.load_period_2026: 0 created, 0 updated" in output.getvalue()
