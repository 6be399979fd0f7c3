"""The level above a unit on a date: commune → district → province before 01/07/2025, commune → province after."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from awards.models import Nomination
from awards.services import can_decide, route_for, submit_nomination
from awards.tests.conftest import POST_REFORM, PRE_REFORM, error_codes
from units.models import CodeScheme, Kind, Lineage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

LAST_LEGACY_DAY = datetime.date(2025, 6, 30)


def test_a_legacy_commune_routes_to_its_district_before_the_reform(tree):
    assert route_for(tree.commune, on=PRE_REFORM) == tree.district
    assert route_for(tree.commune, on=LAST_LEGACY_DAY) == tree.district


def test_a_district_routes_to_its_province(tree):
    assert route_for(tree.district, on=PRE_REFORM) == tree.province


def test_a_2025_commune_routes_straight_to_its_province(tree):
    assert route_for(tree.new_commune, on=POST_REFORM) == tree.new_province


def test_a_province_has_no_level_above_in_the_app(tree):
    assert route_for(tree.province, on=PRE_REFORM) is None
    assert route_for(tree.new_province, on=POST_REFORM) is None


def test_an_abolished_district_hands_over_to_the_successor_of_its_province(tree):
    # Forwarding today from the dissolved district: the district has no successor, its province has one.
    assert route_for(tree.district, on=POST_REFORM) == tree.new_province


def test_a_legacy_commune_on_a_later_date_skips_the_abolished_district(tree):
    assert route_for(tree.commune, on=POST_REFORM) == tree.new_province


def test_a_parent_dissolved_before_the_date_routes_to_its_default_successor(tree, make_unit):
    merged = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2024, 10, 31)}
    old_district = make_unit("Huyện Cũ", Kind.DISTRICT, tree.province, code="009", **merged)
    commune = make_unit("Xã Lẻ", Kind.COMMUNE, old_district, code="00009", code_scheme=CodeScheme.LEGACY)
    other = make_unit("Huyện Phụ", Kind.DISTRICT, tree.province, code="010", code_scheme=CodeScheme.LEGACY)
    Lineage.objects.create(predecessor=old_district, successor=other, is_default=False)
    Lineage.objects.create(predecessor=old_district, successor=tree.district, is_default=True)

    assert route_for(commune, on=datetime.date(2024, 6, 1)) == old_district
    assert route_for(commune, on=PRE_REFORM) == tree.district


def test_a_village_routes_to_its_commune_or_the_communes_successor(tree):
    assert route_for(tree.village, on=PRE_REFORM) == tree.commune
    assert route_for(tree.village, on=POST_REFORM) == tree.new_commune


def test_an_agency_routes_to_the_territory_it_serves(tree, make_unit):
    office = make_unit("Phòng Nội vụ", Kind.AGENCY, tree.district, code_scheme=CodeScheme.LEGACY)
    assert route_for(office, on=PRE_REFORM) == tree.district


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
