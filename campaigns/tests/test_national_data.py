"""generate_national_data on the small tree of conftest: what it creates, that the seed decides it, and --reset."""

import datetime
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from awards.models import Award, Decision, DecisionCounter, Nomination, NominationEvent
from campaigns.demo.national_data import generate, has_generated_data, purge_generated
from campaigns.demo.national_data.base import NOTE
from campaigns.models import Assessment, CriterionResult, Plan, Recognition, ResourceContribution, Target
from units.models import CodeScheme, Kind, Unit

TODAY = datetime.date(2026, 11, 23)
LEGACY_YEARS = [2021, 2022, 2023, 2024]


def villages_of(commune: Unit):
    return Unit.objects.filter(parent=commune, kind=Kind.VILLAGE, code__startswith="SYN")


def fingerprint() -> dict[str, list[str]]:
    """What the data says, without pks or creation times: equal for two runs of the same seed."""
    queries = {
        "villages": Unit.objects.filter(code__startswith="SYN").values_list("code", "name", "parent__code"),
        "assessments": Assessment.objects.values_list("unit__code", "year", "status", "criteria_met"),
        "results": CriterionResult.objects.values_list(
            "assessment__unit__code", "assessment__year", "criterion__number", "achieved"
        ),
        "recognitions": Recognition.objects.values_list("unit__code", "status", "decision_date"),
        "nominations": Nomination.objects.values_list(
            "proposing_unit__code", "nominee__name", "award_form__name", "status", "round_year", "submission_date"
        ),
        "decisions": Decision.objects.values_list("issuing_unit__code", "year", "number", "date"),
        "awards": Award.objects.values_list("serial", "nominee__name"),
        "targets": Target.objects.values_list("plan__issuing_unit__code", "description"),
    }
    return {name: sorted(map(str, query)) for name, query in queries.items()}


@pytest.fixture
def generated(tree):
    run = generate(seed=7, today=TODAY)
    return run


def test_every_commune_of_both_schemes_gets_numbered_villages(generated, tree):
    for commune in (tree.commune, tree.neighbour, tree.other_commune, tree.new_commune):
        villages = list(villages_of(commune).order_by("code"))
        assert 4 <= len(villages) <= 10
        assert {village.name for village in villages} == {f"Thôn {n}" for n in range(1, len(villages) + 1)}
        assert all(village.is_demo and village.code_scheme == CodeScheme.LOCAL for village in villages)
        assert all(village.valid_to == commune.valid_to for village in villages)


def test_village_paths_extend_their_communes_path(generated, tree):
    for village in Unit.objects.filter(code__startswith="SYN").select_related("parent"):
        assert village.path == f"{village.parent.path}{village.pk}/"
        assert village.depth == village.parent.depth + 1
    assert villages_of(tree.commune).count() == Unit.objects.within(tree.commune).filter(code__startswith="SYN").count()


def test_legacy_communes_have_2021_to_2024_and_new_communes_2025_each_with_19_results(generated, tree):
    for commune in (tree.commune, tree.neighbour, tree.other_commune):
        assert sorted(Assessment.objects.filter(unit=commune).values_list("year", flat=True)) == LEGACY_YEARS
    assert list(Assessment.objects.filter(unit=tree.new_commune).values_list("year", flat=True)) == [2025]
    for assessment in Assessment.objects.all():
        results = CriterionResult.objects.filter(assessment=assessment)
        assert results.count() == 19
        assert results.filter(achieved=True).count() == assessment.criteria_met
        assert assessment.is_demo and assessment.note == NOTE
    assert ResourceContribution.objects.filter(note=NOTE).count() == Assessment.objects.count()


def test_nominations_follow_the_workflow_and_decisions_are_numbered_without_gaps(generated):
    nominations = Nomination.objects.all()
    assert nominations.count() > 20
    open_ones = nominations.filter(status__in=["submitted", "appraisal", "council", "approved", "returned"])
    assert not open_ones.filter(reviewer_unit=None).exists()
    assert (
        not nominations.filter(status__in=["draft", "issued", "rejected", "forwarded"])
        .exclude(reviewer_unit=None)
        .exists()
    )
    for nomination in nominations.exclude(status="draft"):
        first = NominationEvent.objects.filter(nomination=nomination).order_by("at", "pk").first()
        assert first.action == "submit" and first.unit_id == nomination.proposing_unit_id
    issued = nominations.filter(status="issued")
    assert Award.objects.filter(nomination__in=issued).count() == issued.count()
    registers = Counter(Decision.objects.values_list("issuing_unit", "year"))
    for (unit_id, year), count in registers.items():
        numbers = sorted(Decision.objects.filter(issuing_unit=unit_id, year=year).values_list("number", flat=True))
        assert numbers == list(range(1, count + 1))
        assert DecisionCounter.objects.get(issuing_unit=unit_id, year=year).last_number == count


def test_each_province_with_communes_gets_a_plan_with_targets(generated, tree):
    plans = Plan.objects.filter(issuing_unit__kind=Kind.PROVINCE)
    assert set(plans.values_list("issuing_unit", flat=True)) == {
        tree.province.pk,
        tree.other_province.pk,
        tree.new_province.pk,
    }
    for plan in plans:
        assert plan.targets.count() >= 10
    milestones = Target.objects.filter(type=Target.Type.UNIT_MILESTONE)
    assert all(target.units.exists() for target in milestones)


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(tree):
    generate(seed=7, today=TODAY)
    first = fingerprint()
    purge_generated()
    generate(seed=7, today=TODAY)
    again = fingerprint()
    purge_generated()
    generate(seed=8, today=TODAY)

    assert again == first
    assert fingerprint() != first


def test_reset_removes_the_generated_rows_and_nothing_else(generated, tree):
    real = Assessment.objects.filter(unit=tree.commune, year=2021).first()
    real.note, real.is_demo = "Entered by the commune", False
    real.save()

    purge_generated()

    assert not has_generated_data()
    assert list(Assessment.objects.all()) == [real]
    assert Unit.objects.filter(pk=tree.village.pk).exists()
    assert not Nomination.objects.exists() and not Decision.objects.exists() and not Plan.objects.exists()
    assert not DecisionCounter.objects.filter(last_number__gt=0).exists()


def test_a_dry_run_saves_nothing(tree):
    run = generate(seed=7, today=TODAY, dry_run=True)

    assert run.counts["awards.Nomination"] > 0
    assert not has_generated_data() and not Nomination.objects.exists()


def test_command_refuses_without_the_unit_tree(db):
    with pytest.raises(CommandError, match="import_admin_units"):
        call_command("generate_national_data", no_progress=True)


def test_command_refuses_to_run_twice_unless_reset(tree):
    call_command("generate_national_data", seed=3, no_progress=True)
    count = Nomination.objects.count()

    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_national_data", seed=3, no_progress=True)
    call_command("generate_national_data", seed=3, reset=True, no_progress=True)

    assert Nomination.objects.count() == count


def test_scale_keeps_a_share_of_the_communes(tree):
    generate(seed=7, scale=0.01, today=TODAY)

    communes = Unit.objects.filter(kind=Kind.COMMUNE, children__code__startswith="SYN").distinct()
    assert communes.count() == 1
