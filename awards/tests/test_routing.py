"""Where a nomination goes: the level above on its date (the rule itself is tested in units/tests/test_hierarchy.py),
or the proposer itself for a form within its own authority."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.models import Nomination
from awards.services import can_decide, submit_nomination
from awards.tests.conftest import POST_REFORM, PRE_REFORM, error_codes
from campaigns.assessments.services import get_or_start_assessment, submit_assessment
from units.models import Kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_each_level_decides_the_forms_of_its_own_level(tree, forms, make_unit):
    agency = make_unit("Sở Nội vụ", Kind.AGENCY, tree.new_province)
    assert can_decide(tree.district, forms.district_certificate)
    assert can_decide(tree.province, forms.province_merit)
    assert can_decide(tree.new_province, forms.province_flag)
    assert can_decide(tree.commune, forms.commune_certificate)
    assert can_decide(agency, forms.agency_certificate)


def test_no_level_decides_a_form_of_another_level(tree, forms):
    assert not can_decide(tree.district, forms.province_merit)
    assert not can_decide(tree.commune, forms.district_certificate)
    assert not can_decide(tree.province, forms.pm_certificate)
    assert not can_decide(tree.province, forms.state_order)
    assert not can_decide(tree.village, forms.commune_certificate)


def test_a_nomination_dated_before_the_reform_enters_the_district_queue(draft, tree, officer):
    submit_nomination(draft, by=officer)

    assert draft.reviewer_unit == tree.district
    assert list(Nomination.objects.awaiting(tree.district)) == [draft]


def test_a_nomination_of_a_2025_commune_enters_the_province_queue(make_nomination, forms, tree, new_officer):
    nomination = make_nomination(
        award_form=forms.province_merit, proposing_unit=tree.new_commune, submission_date=POST_REFORM
    )
    submit_nomination(nomination, by=new_officer)

    assert nomination.reviewer_unit == tree.new_province
    assert list(Nomination.objects.awaiting(tree.new_province)) == [nomination]


def test_a_legacy_commune_cannot_submit_on_a_date_after_it_ended(make_nomination, forms, officer):
    nomination = make_nomination(award_form=forms.province_merit, submission_date=POST_REFORM)

    with pytest.raises(ValidationError) as error:
        submit_nomination(nomination, by=officer)

    assert error_codes(error.value) == ["unit_not_valid"]
    assert error.value.messages == [
        "Xã Trường Hà (before 07/2025) no longer exists on 12/08/2025; propose from its successor Xã Trường Hà."
    ]
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.DRAFT


def test_a_2025_commune_cannot_submit_on_a_date_before_it_existed(make_nomination, forms, tree, new_officer):
    nomination = make_nomination(
        award_form=forms.province_merit, proposing_unit=tree.new_commune, submission_date=PRE_REFORM
    )
    with pytest.raises(ValidationError) as error:
        submit_nomination(nomination, by=new_officer)

    assert error_codes(error.value) == ["unit_not_valid"]
    assert "does not exist yet on 10/03/2025" in error.value.messages[0]


def test_a_commune_form_is_decided_at_the_commune_itself(make_nomination, forms, tree, officer):
    nomination = make_nomination(award_form=forms.commune_certificate)
    submit_nomination(nomination, by=officer)

    assert nomination.reviewer_unit == tree.commune


def test_a_province_nomination_has_nowhere_to_go_in_the_app(make_nomination, forms, tree, make_user):
    nomination = make_nomination(award_form=forms.pm_certificate, proposing_unit=tree.province)

    with pytest.raises(ValidationError) as error:
        submit_nomination(nomination, by=make_user("staff"))

    assert error_codes(error.value) == ["no_route"]


# A commune's yearly assessment and its nominations follow one rule: the level above on the day they are sent.


def test_a_legacy_communes_2025_year_and_a_nomination_of_the_same_day_reach_the_new_province(
    tree, officer, new_officer, make_nomination, make_nominee, forms, clock
):
    clock(POST_REFORM)
    assessment = get_or_start_assessment(tree.commune, 2025, by=officer)
    assessment.results.filter(criterion__number=1).update(achieved=True)
    submit_assessment(assessment, by=officer)
    # After 30/06/2025 the legacy commune proposes through its successor, for its own collective.
    nomination = make_nomination(
        award_form=forms.province_merit,
        proposing_unit=tree.new_commune,
        nominee=make_nominee(unit=tree.commune),
        submission_date=POST_REFORM,
        round_year=2025,
    )
    submit_nomination(nomination, by=new_officer)

    assert assessment.reviewer_unit == nomination.reviewer_unit == tree.new_province


def test_a_2024_year_and_a_nomination_sent_in_2024_reach_the_district(tree, officer, make_nomination, forms, clock):
    day = datetime.date(2024, 12, 16)
    clock(day)
    assessment = get_or_start_assessment(tree.commune, 2024, by=officer)
    assessment.results.filter(criterion__number=1).update(achieved=True)
    assessment = submit_assessment(assessment, by=officer)
    nomination = make_nomination(award_form=forms.province_merit, submission_date=day)
    submit_nomination(nomination, by=officer)

    assert assessment.reviewer_unit == nomination.reviewer_unit == tree.district
