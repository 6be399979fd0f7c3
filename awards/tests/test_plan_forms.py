"""The award forms a plan offers: the awards page that edits them, its scoping, inheritance by implementing plans,
the plan page that lists them, and the migration that moved the link from campaigns to awards."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from awards.services.plan_forms import offered_forms
from campaigns.models import Plan
from campaigns.plans.services import create_child_plan
from units.models import Role


@pytest.fixture
def district_plan(campaign, tree):
    return Plan.objects.create(
        campaign=campaign,
        number="3254/KH-UBND",
        title="Chung sức xây dựng nông thôn mới",
        issue_date=datetime.date(2022, 11, 3),
        issuing_unit=tree.district,
        issuer_name="UBND huyện Hai",
        status=Plan.Status.ISSUED,
    )


@pytest.fixture
def editor(make_user, tree):
    return make_user("district_editor", (tree.district, Role.HOME_AFFAIRS))


def forms_url(plan) -> str:
    return reverse("awards:plan-forms", args=[plan.pk])


def test_an_editor_ticks_the_forms_the_plan_offers(client, district_plan, editor, forms):
    client.force_login(editor)

    response = client.post(forms_url(district_plan), {"award_forms": [forms.district_certificate.pk]})

    assertRedirects(response, reverse("campaigns:plan", args=[district_plan.pk]) + "#subjects")
    assert list(district_plan.award_forms.all()) == [forms.district_certificate]


def test_the_page_shows_the_catalogue_with_the_offered_forms_ticked(client, district_plan, editor, forms):
    district_plan.award_forms.add(forms.province_merit)
    client.force_login(editor)

    response = client.get(forms_url(district_plan))

    assert set(response.context["form"]["award_forms"].value()) == {forms.province_merit.pk}
    assertContains(response, forms.commune_certificate.name)


def test_a_user_of_another_province_gets_404(client, district_plan, outsider, forms):
    client.force_login(outsider)

    assert client.get(forms_url(district_plan)).status_code == 404
    assert client.post(forms_url(district_plan), {"award_forms": [forms.province_merit.pk]}).status_code == 404
    assert not district_plan.award_forms.exists()


def test_a_reader_of_the_plan_gets_403(client, district_plan, make_user, tree, forms):
    leader = make_user("leader", (tree.district, Role.LEADER))
    client.force_login(leader)

    assert client.get(forms_url(district_plan)).status_code == 403
    assert client.post(forms_url(district_plan), {"award_forms": [forms.province_merit.pk]}).status_code == 403
    assert not district_plan.award_forms.exists()


def test_the_plan_page_lists_the_offered_forms_and_links_an_editor_to_the_page(client, district_plan, editor, forms):
    district_plan.award_forms.add(forms.district_certificate)
    client.force_login(editor)

    response = client.get(reverse("campaigns:plan", args=[district_plan.pk]))

    assertContains(response, forms.district_certificate.name)
    assertContains(response, forms_url(district_plan))


def test_a_reader_sees_the_forms_without_the_link(client, district_plan, officer, forms):
    district_plan.award_forms.add(forms.district_certificate)
    client.force_login(officer)

    response = client.get(reverse("campaigns:plan", args=[district_plan.pk]))

    assertContains(response, forms.district_certificate.name)
    assertNotContains(response, forms_url(district_plan))


def test_an_implementing_plan_offers_its_parents_forms_until_it_has_its_own(district_plan, officer, tree, forms):
    district_plan.award_forms.add(forms.district_certificate)
    child = create_child_plan(district_plan, unit=tree.commune, by=officer)

    inherited = offered_forms(child)
    child.award_forms.add(forms.commune_certificate)
    own = offered_forms(child)

    assert not child.award_forms.exclude(pk=forms.commune_certificate.pk).exists()  # nothing was copied
    assert (inherited.forms, inherited.inherited_from) == ([forms.district_certificate], district_plan)
    assert (own.forms, own.inherited_from) == ([forms.commune_certificate], None)


def test_the_implementing_plans_page_says_whose_forms_it_offers(client, district_plan, officer, tree, forms):
    district_plan.award_forms.add(forms.district_certificate)
    child = create_child_plan(district_plan, unit=tree.commune, by=officer)
    client.force_login(officer)

    plan_page = client.get(reverse("campaigns:plan", args=[child.pk]))
    edit_page = client.get(forms_url(child))

    assertContains(plan_page, 'id="award-forms-inherited"')
    assertContains(plan_page, forms.district_certificate.name)
    assert list(edit_page.context["form"]["award_forms"].value()) == [forms.district_certificate.pk]
    assertContains(edit_page, "3254/KH-UBND")


# The migrations that moved the link: campaigns 0012 drops it from Plan, awards 0007 declares it on AwardForm.
BEFORE = [("campaigns", "0011_indicators_thresholds_commune_groups"), ("awards", "0006_grant_rules_and_base_salary")]
AFTER = [("awards", "0007_awardform_plans")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest(transactional_db):
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_the_links_recorded_before_the_move_are_read_from_the_awards_side_after_it(back_to_the_latest, tree):
    old = migrate(BEFORE)
    Campaign, OldPlan, OldForm = (
        old.get_model(name) for name in ("campaigns.Campaign", "campaigns.Plan", "awards.AwardForm")
    )
    campaign = Campaign.objects.create(name="Phong trào thử", start_year=2021, end_year=2025)
    plan = OldPlan.objects.create(
        campaign=campaign, title="Kế hoạch", issuer_name="UBND huyện Hai", issuing_unit_id=tree.district.pk
    )
    form = OldForm.objects.create(
        name="Giấy khen thử", category="certificate", authority_level="district", authority_title="Chủ tịch"
    )
    plan.award_forms.add(form)

    new = migrate(AFTER)

    NewForm, NewPlan = new.get_model("awards", "AwardForm"), new.get_model("campaigns", "Plan")
    assert list(NewForm.objects.get(pk=form.pk).plans.values_list("pk", flat=True)) == [plan.pk]
    assert list(NewPlan.objects.get(pk=plan.pk).award_forms.values_list("pk", flat=True)) == [form.pk]
