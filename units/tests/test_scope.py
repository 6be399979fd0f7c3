import pytest

from units.models import Role, Unit

pytestmark = pytest.mark.django_db


def test_a_commune_officer_sees_the_commune_and_its_villages_only(officer, tree):
    visible = set(Unit.objects.visible_to(officer))
    assert visible == {tree.commune, tree.village}


def test_a_district_reviewer_sees_every_unit_below_the_district(reviewer, tree):
    visible = set(Unit.objects.visible_to(reviewer))
    assert visible == {tree.district, tree.commune, tree.neighbour, tree.village}


def test_another_province_sees_nothing_of_this_one(outsider, tree):
    visible = set(Unit.objects.visible_to(outsider))
    assert tree.commune not in visible and tree.province not in visible
    assert tree.other_commune in visible


def test_a_commune_formed_in_2025_reads_the_history_of_its_predecessors(make_user, tree):
    officer = make_user("new-officer", (tree.new_commune, Role.COMMUNE_OFFICER))
    visible = set(Unit.objects.visible_to(officer))
    assert visible == {tree.new_commune, tree.commune, tree.neighbour, tree.village}


def test_the_new_province_sees_the_whole_old_province(make_user, tree):
    staff = make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))
    visible = set(Unit.objects.visible_to(staff))
    assert {tree.province, tree.district, tree.commune, tree.new_commune} <= visible
    assert tree.other_commune not in visible


def test_a_role_held_above_a_unit_covers_it_but_not_its_neighbours_province(reviewer, tree):
    assert reviewer.has_role_over(tree.commune, Role.HOME_AFFAIRS)
    assert not reviewer.has_role_over(tree.other_commune, Role.HOME_AFFAIRS)
    assert not reviewer.has_role_over(tree.commune, Role.LEADER)


def test_search_ignores_accents_and_case(tree):
    assert list(Unit.objects.search("truong ha").filter(pk=tree.commune.pk)) == [tree.commune]
    assert set(Unit.objects.search("NGOC DAO")) == {tree.neighbour}
