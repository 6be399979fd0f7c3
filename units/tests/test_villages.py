"""Villages across the reform: a new version under the new commune from 1 July 2025, the old one kept in history."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains

from units.models import Kind, Lineage, Role, Unit
from units.villages import carry_villages_over

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def villages_of(commune, day):
    return list(Unit.objects.within(commune).of_kind(Kind.VILLAGE).valid_on(day).values_list("name", flat=True))


def test_villages_continue_under_the_new_commune_from_1_july_2025_and_stay_under_the_old_one_before(tree):
    assert villages_of(tree.new_commune, datetime.date(2026, 1, 1)) == []

    carry_villages_over()

    assert villages_of(tree.new_commune, datetime.date(2025, 7, 1)) == ["Xóm Một"]
    assert villages_of(tree.new_commune, datetime.date(2025, 6, 30)) == []
    assert villages_of(tree.commune, datetime.date(2024, 6, 1)) == ["Xóm Một"]
    new = Unit.objects.get(parent=tree.new_commune, kind=Kind.VILLAGE)
    tree.village.refresh_from_db()
    assert (tree.village.valid_to, new.valid_from) == (datetime.date(2025, 6, 30), datetime.date(2025, 7, 1))
    assert Lineage.objects.filter(predecessor=tree.village, successor=new).exists()


def test_carrying_villages_over_twice_changes_nothing(tree):
    carry_villages_over()
    count = Unit.objects.count()

    assert carry_villages_over()["carried over"] == 0
    assert Unit.objects.count() == count


def test_a_village_whose_commune_has_no_successor_waits(tree, make_unit):
    make_unit("Xóm Xa", Kind.VILLAGE, tree.other_commune)

    tally = carry_villages_over()

    assert (tally["carried over"], tally["waiting"]) == (1, 1)
    assert Unit.objects.get(name="Xóm Xa").valid_to is None


def test_the_dry_run_command_changes_nothing(tree, capsys):
    call_command("carry_villages_over", "--dry-run")

    assert "1 villages carried over" in capsys.readouterr().out
    assert Unit.objects.filter(kind=Kind.VILLAGE).count() == 1


def test_the_new_commune_has_village_work_and_the_old_communes_2024_grid_keeps_its_villages(client, make_user, tree):
    carry_villages_over()
    client.force_login(make_user("xa.moi", (tree.new_commune, Role.COMMUNE_OFFICER)))

    new_grid = client.get(reverse("records:villages", args=[tree.new_commune.pk]) + "?year=2026")
    old_grid = client.get(reverse("records:villages", args=[tree.commune.pk]) + "?year=2024")

    assertContains(new_grid, "Xóm Một")
    assertContains(old_grid, "Xóm Một")
    assert [row[0].parent for row in old_grid.context["grid"]] == [tree.commune]
    assert [row[0].parent for row in new_grid.context["grid"]] == [tree.new_commune]


def test_the_demo_new_truong_ha_has_the_villages_of_the_communes_it_was_formed_from():
    from units.demo import LEGACY, Y2025, demo_unit, load_units, load_villages

    load_units()
    load_villages()

    new_truong_ha, old_truong_ha = demo_unit((Y2025, "01392")), demo_unit((LEGACY, "01399"))
    assert "Xóm Pác Bó" in villages_of(new_truong_ha, datetime.date(2026, 1, 1))
    assert "Xóm Pác Bó" in villages_of(old_truong_ha, datetime.date(2024, 1, 1))
    assert load_villages()["created"] == 0


def test_each_years_village_grid_lists_the_villages_of_that_year_only(client, make_user, tree):
    carry_villages_over()
    client.force_login(make_user("tinh", (tree.new_province, Role.PROVINCE_STAFF)))

    def grid(commune, year):
        response = client.get(reverse("records:villages", args=[commune.pk]) + f"?year={year}")
        return [row[0] for row in response.context["grid"]]

    assert grid(tree.commune, 2024) == [tree.village]
    assert grid(tree.commune, 2026) == []
    assert grid(tree.new_commune, 2024) == []
    assert [village.valid_from for village in grid(tree.new_commune, 2026)] == [datetime.date(2025, 7, 1)]
