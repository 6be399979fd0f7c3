"""The unit tree over time (units/hierarchy.py) on the `tree` fixture: a legacy province, district, two communes
and a village, and the 2025 province and commune that succeed them."""

import datetime

import pytest

from units.hierarchy import (
    default_successor,
    default_successors,
    level_above,
    predecessors,
    predecessors_by_unit,
    reviewer_units,
)
from units.models import CodeScheme, Kind, Lineage, Role, Unit

pytestmark = pytest.mark.django_db

LAST_LEGACY_DAY = datetime.date(2025, 6, 30)
REFORM_DAY = datetime.date(2025, 7, 1)
IN_2024 = datetime.date(2024, 9, 16)


# The level above on a date.


def test_a_legacy_commune_is_reviewed_by_its_district_up_to_the_last_legacy_day(tree):
    assert level_above(tree.commune, on=IN_2024) == tree.district
    assert level_above(tree.commune, on=LAST_LEGACY_DAY) == tree.district


def test_a_legacy_commune_is_reviewed_by_the_new_province_from_the_reform_day(tree):
    assert level_above(tree.commune, on=REFORM_DAY) == tree.new_province


def test_a_new_commune_is_reviewed_by_its_province_from_the_reform_day(tree):
    assert level_above(tree.new_commune, on=REFORM_DAY) == tree.new_province


def test_a_new_commune_has_no_level_above_before_it_existed(tree):
    assert level_above(tree.new_commune, on=LAST_LEGACY_DAY) is None


def test_a_village_is_reviewed_by_its_commune_then_by_the_communes_successor(tree):
    assert level_above(tree.village, on=LAST_LEGACY_DAY) == tree.commune
    assert level_above(tree.village, on=REFORM_DAY) == tree.new_commune


def test_a_district_is_reviewed_by_its_province_and_after_the_reform_by_the_successor(tree):
    assert level_above(tree.district, on=LAST_LEGACY_DAY) == tree.province
    assert level_above(tree.district, on=REFORM_DAY) == tree.new_province


def test_a_province_has_no_level_above_in_the_app(tree):
    assert level_above(tree.province, on=LAST_LEGACY_DAY) is None
    assert level_above(tree.new_province, on=REFORM_DAY) is None


def test_an_agency_is_reviewed_by_the_territory_it_serves(tree, make_unit):
    office = make_unit("Phòng Nội vụ", Kind.AGENCY, tree.district, code_scheme=CodeScheme.LEGACY)

    assert level_above(office, on=LAST_LEGACY_DAY) == tree.district


def test_a_district_merged_before_the_reform_hands_over_to_its_default_successor(tree, make_unit):
    merged = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2024, 10, 31)}
    old_district = make_unit("Huyện Cũ", Kind.DISTRICT, tree.province, code="009", **merged)
    commune = make_unit("Xã Lẻ", Kind.COMMUNE, old_district, code="00009", code_scheme=CodeScheme.LEGACY)
    other = make_unit("Huyện Phụ", Kind.DISTRICT, tree.province, code="010", code_scheme=CodeScheme.LEGACY)
    Lineage.objects.create(predecessor=old_district, successor=other, is_default=False)
    Lineage.objects.create(predecessor=old_district, successor=tree.district, is_default=True)

    assert level_above(commune, on=datetime.date(2024, 6, 1)) == old_district
    assert level_above(commune, on=datetime.date(2025, 3, 10)) == tree.district


def test_the_level_above_reads_the_chain_once_and_the_lineage_only_when_a_level_has_ended(
    tree, django_assert_num_queries
):
    before, after = Unit.objects.get(pk=tree.commune.pk), Unit.objects.get(pk=tree.commune.pk)
    with_parent = Unit.objects.select_related("parent").get(pk=tree.commune.pk)

    with django_assert_num_queries(1):
        assert level_above(before, on=LAST_LEGACY_DAY) == tree.district
    with django_assert_num_queries(2):
        assert level_above(after, on=REFORM_DAY) == tree.new_province
    with django_assert_num_queries(0):
        assert level_above(with_parent, on=LAST_LEGACY_DAY) == tree.district


# Lineage.


def test_predecessors_follow_every_reorganisation(tree, make_unit):
    later = make_unit("Xã Trường Hà Mới", Kind.COMMUNE, tree.new_province, valid_from=datetime.date(2026, 4, 30))
    Lineage.objects.create(predecessor=tree.new_commune, successor=later)

    assert set(predecessors(later)) == {tree.new_commune, tree.commune, tree.neighbour}
    assert set(predecessors(tree.new_commune)) == {tree.commune, tree.neighbour}
    assert list(predecessors(tree.commune)) == []


def test_predecessors_is_a_queryset_that_filters_further(tree):
    assert list(predecessors(tree.new_commune).filter(name="Xã Ngọc Đào")) == [tree.neighbour]


def test_a_lineage_cycle_in_bad_data_ends(tree):
    Lineage.objects.create(predecessor=tree.new_commune, successor=tree.commune)

    assert set(predecessors(tree.new_commune)) == {tree.commune, tree.neighbour}
    assert predecessors_by_unit([tree.commune]) == {tree.commune.pk: [tree.neighbour, tree.new_commune]}


def test_predecessors_by_unit_answers_for_several_units_at_once(tree, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = predecessors_by_unit([tree.new_commune, tree.new_province, tree.commune])

    assert found == {tree.new_commune.pk: [tree.commune, tree.neighbour], tree.new_province.pk: [tree.province]}


def test_the_default_successor_wins_over_another_that_took_a_part(tree, make_unit):
    part = make_unit("Xã Phần", Kind.COMMUNE, tree.new_province, valid_from=REFORM_DAY)
    Lineage.objects.create(predecessor=tree.commune, successor=part, is_default=False)

    assert default_successor(tree.commune) == tree.new_commune
    assert default_successors([tree.commune, tree.neighbour, tree.district]) == {
        tree.commune.pk: tree.new_commune,
        tree.neighbour.pk: tree.new_commune,
    }


def test_a_successor_not_marked_default_is_still_found_when_it_is_the_only_one(tree):
    Lineage.objects.filter(predecessor=tree.commune).update(is_default=False)

    assert default_successor(tree.commune) == tree.new_commune


# Validity.


def test_units_valid_in_a_year_include_both_sides_of_the_reform(tree):
    communes = Unit.objects.of_kind(Kind.COMMUNE)

    assert set(communes.valid_in(2024)) == {tree.commune, tree.neighbour, tree.other_commune}
    assert set(communes.valid_in(2025)) == {tree.commune, tree.neighbour, tree.other_commune, tree.new_commune}
    assert set(communes.valid_in(2026)) == {tree.new_commune}
    assert [c.is_valid_in(2026) for c in (tree.commune, tree.new_commune)] == [False, True]


def test_units_valid_on_a_day_are_one_side_of_the_reform(tree):
    provinces = Unit.objects.of_kind(Kind.PROVINCE)

    assert set(provinces.valid_on(LAST_LEGACY_DAY)) == {tree.province, tree.other_province}
    assert set(provinces.valid_on(REFORM_DAY)) == {tree.new_province}


# Who reviews.


def test_reviewer_units_are_where_the_user_reviews_and_what_those_were_formed_from(tree, make_user):
    user = make_user(
        "reviewer",
        (tree.new_province, Role.HOME_AFFAIRS),
        (tree.other_province, Role.PROVINCE_STAFF),
        (tree.new_commune, Role.COMMUNE_OFFICER),
    )

    assert reviewer_units(user) == sorted([tree.new_province, tree.province, tree.other_province], key=lambda u: u.path)


def test_a_commune_officer_reviews_nothing(officer):
    assert reviewer_units(officer) == []
