"""Continuity across the 1 July 2025 reform: the new units reach the old ones' results, never counted together."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from campaigns.models import Assessment, CriteriaSet, Recognition
from campaigns.records.baseline import baseline_of
from units.models import CodeScheme, Kind, Lineage, Role, Unit

pytestmark = pytest.mark.django_db

S = Assessment.Status
NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": datetime.date(2025, 7, 1)}
LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def assess(unit, year, status=S.APPROVED, met=10):
    criteria_set = CriteriaSet.objects.get(code="qd318-xa-2021")
    return Assessment.objects.create(
        unit=unit, year=year, status=status, criteria_set=criteria_set, criteria_met=met, criteria_total=19
    )


@pytest.fixture
def staff(make_user, tree):
    """Province staff of the new Tỉnh Một, formed from the old one."""
    return make_user("tinh.mot", (tree.new_province, Role.PROVINCE_STAFF))


@pytest.fixture
def results(tree):
    """2024 and 2025 years of the legacy communes, 2025 and 2026 years of the new one."""
    assess(tree.commune, 2024, met=17)
    assess(tree.neighbour, 2024, met=15)
    assess(tree.commune, 2025, met=18)
    assess(tree.new_commune, 2025, met=12)
    assess(tree.new_commune, 2026, met=14)


def status_rows(client, unit, year, units=None):
    url = reverse("dashboards:status", args=[unit.pk, year]) + (f"?units={units}" if units else "")
    response = client.get(url)
    assert response.status_code == 200
    return [row.unit for row in response.context["rows"]]


# Dashboards by old and by new units


def test_the_new_province_reaches_the_2021_to_2024_results_of_the_old_one(client, staff, tree, results):
    client.force_login(staff)

    assert status_rows(client, tree.new_province, 2024) == [tree.neighbour, tree.commune]
    overview = client.get(reverse("dashboards:overview", args=[tree.new_province.pk]))
    assert overview.context["years"][0] == 2021
    by_year = {point.year: (point, communes, side) for point, communes, side in overview.context["year_rows"]}
    assert (by_year[2024][0].assessed, by_year[2024][0].average, by_year[2024][2]) == (2, 16, "old")
    assert (by_year[2026][0].assessed, by_year[2026][0].average, by_year[2026][2]) == (1, 14, "new")


def test_a_years_totals_by_old_units_count_only_legacy_communes_and_by_new_units_only_new_ones(
    client, staff, tree, results
):
    client.force_login(staff)

    assert status_rows(client, tree.new_province, 2025, "old") == [tree.neighbour, tree.commune]
    assert status_rows(client, tree.new_province, 2025, "new") == [tree.new_commune]
    assert status_rows(client, tree.new_province, 2025) == [tree.new_commune]  # 2025 on: new units by default
    matrix = client.get(reverse("dashboards:matrix", args=[tree.new_province.pk, 2025]) + "?units=old")
    assert [row.total for row in matrix.context["matrix"].rows if row.counted] == [18]
    old = client.get(reverse("dashboards:overview", args=[tree.new_province.pk]) + "?units=old")
    point_2025 = next(point for point, _n, _side in old.context["year_rows"] if point.year == 2025)
    assert (point_2025.assessed, point_2025.average) == (1, 18)
    new = client.get(reverse("dashboards:overview", args=[tree.new_province.pk]) + "?units=new")
    point_2025 = next(point for point, _n, _side in new.context["year_rows"] if point.year == 2025)
    assert (point_2025.assessed, point_2025.average) == (1, 12)


def test_the_dashboard_of_a_unit_formed_from_others_shows_the_switch(client, staff, tree, results, make_user):
    client.force_login(staff)

    response = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2024]))

    assertContains(response, 'id="units-switch"')
    assertContains(response, "By old units")
    assertContains(response, "?units=new")
    client.force_login(make_user("noivu", (tree.district, Role.HOME_AFFAIRS)))
    assertNotContains(client.get(reverse("dashboards:status", args=[tree.district.pk, 2024])), 'id="units-switch"')


def test_the_matrix_keeps_its_filters_when_the_units_switch_or_the_year_changes(client, staff, tree, results):
    client.force_login(staff)
    url = reverse("dashboards:matrix", args=[tree.new_province.pk, 2025])

    page = client.get(url + "?approved=on&min=5").content.decode()
    switch = page.split('id="units-switch"')[1].split("</div>")[0]
    assert "?approved=on&amp;min=5&amp;units=old" in switch
    assert "?approved=on&amp;min=5&amp;units=new" in switch
    old = client.get(url + "?approved=on&min=5&units=old").content.decode()
    years = old.split('id="year-nav"')[1].split("</ul>")[0]
    assert (
        f"{reverse('dashboards:matrix', args=[tree.new_province.pk, 2024])}?approved=on&amp;min=5&amp;units=old"
        in years
    )
    options = old.split('id="matrix-options"')[1].split("</form>")[0]
    assert '<input type="hidden" name="units" value="old">' in options  # applying the filters keeps the side


def test_the_status_filters_keep_the_units_side(client, staff, tree, results):
    client.force_login(staff)

    page = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2025]) + "?units=old").content.decode()

    counts = page.split('id="status-counts"')[1].split("</ul>")[0]
    assert "?units=old&amp;status=approved" in counts


def grow(tree, count):
    """`count` more legacy communes under the district and new ones under the new province, each with a year."""
    for index in range(count):
        old = Unit.objects.create(
            name=f"Xã Cũ {index}", kind=Kind.COMMUNE, division_type="Xã", parent=tree.district, **LEGACY
        )
        new = Unit.objects.create(
            name=f"Xã Mới {index}", kind=Kind.COMMUNE, division_type="Xã", parent=tree.new_province, **NEW
        )
        Lineage.objects.create(predecessor=old, successor=new)
        assess(old, 2024, met=index % 19)
        assess(new, 2026, met=index % 19)


@pytest.mark.parametrize("units", ["old", "new"])
@pytest.mark.parametrize("name", ["dashboards:overview", "dashboards:status", "dashboards:matrix"])
@pytest.mark.parametrize("size", [1, 10])
def test_the_dashboard_runs_a_fixed_number_of_queries_in_both_modes(
    client, staff, tree, django_assert_max_num_queries, units, name, size
):
    grow(tree, size)
    args = [tree.new_province.pk] if name == "dashboards:overview" else [tree.new_province.pk, 2024]
    url = reverse(name, args=args) + f"?units={units}"
    client.force_login(staff)
    client.get(url)  # warm the session and the user's memberships

    # The same bounds at 1× and 10× communes; the overview adds the province's completion conditions and the
    # menu's count of unread notifications.
    with django_assert_max_num_queries(15 if name == "dashboards:overview" else 14):
        assert client.get(url).status_code == 200


# Issue #14 item 2: at most 15, at 1× and 10× data.
@pytest.mark.parametrize("size", [1, 10])
def test_the_post_reform_province_dashboard_runs_at_most_15_queries(
    client, staff, tree, django_assert_max_num_queries, size
):
    grow(tree, size)
    url = reverse("dashboards:overview", args=[tree.new_province.pk])  # by new units, the default for 2026
    client.force_login(staff)
    client.get(url)  # warm the session and the user's memberships

    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


# The baseline of a new commune


@pytest.fixture
def history(tree):
    Recognition.objects.create(
        unit=tree.commune, status="xa_ntm", decision_number="12/QĐ-UBND", decision_date=datetime.date(2019, 3, 1)
    )
    Recognition.objects.create(
        unit=tree.commune,
        status="xa_nang_cao",
        decision_number="456/QĐ-UBND",
        decision_date=datetime.date(2023, 5, 10),
    )
    assess(tree.commune, 2023, met=16)
    assess(tree.commune, 2024, met=17)
    assess(tree.commune, 2025, S.SUBMITTED, met=19)  # not approved: not the baseline
    assess(tree.neighbour, 2022, met=11)


def test_the_new_communes_page_shows_the_last_recognition_and_criteria_of_the_communes_it_was_formed_from(
    client, make_user, tree, history
):
    client.force_login(make_user("xa.moi", (tree.new_commune, Role.COMMUNE_OFFICER)))

    response = client.get(reverse("records:unit", args=[tree.new_commune.pk]))

    assertContains(response, 'id="baseline"')
    assertContains(response, "456/QĐ-UBND")
    assertContains(response, "10/05/2023")
    assertContains(response, "17/19 in 2024")
    assertContains(response, "11/19 in 2022")
    assertNotContains(response, "12/QĐ-UBND")
    assertNotContains(response, "19/19 in 2025")


def test_the_new_communes_year_form_shows_its_baseline(client, make_user, tree, history):
    client.force_login(make_user("xa.moi", (tree.new_commune, Role.COMMUNE_OFFICER)))

    response = client.get(reverse("progress:my-year", args=[tree.new_commune.pk, 2025]))

    assertContains(response, 'id="baseline"')
    assertContains(response, "17/19 in 2024")


def test_a_commune_formed_from_nothing_has_no_baseline(client, make_user, tree, history):
    client.force_login(make_user("xa.cu", (tree.commune, Role.COMMUNE_OFFICER)))

    assertNotContains(client.get(reverse("records:unit", args=[tree.commune.pk])), 'id="baseline"')


def test_the_baseline_runs_three_queries_whatever_the_number_of_communes(tree, history, django_assert_num_queries):
    for index in range(5):
        earlier = Unit.objects.create(name=f"Xã Cũ {index}", kind=Kind.COMMUNE, division_type="Xã", **LEGACY)
        Lineage.objects.create(predecessor=earlier, successor=tree.new_commune)
        assess(earlier, 2024, met=index)

    with django_assert_num_queries(3):
        rows = baseline_of(tree.new_commune)

    assert len(rows) == 7
    assert {row.unit.name: row.assessment.criteria_met for row in rows}["Xã Trường Hà"] == 17


def test_no_reminder_is_offered_to_the_old_units_of_a_new_province(client, staff, tree, results):
    client.force_login(staff)

    old = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2025]) + "?units=old")
    new = client.get(reverse("dashboards:status", args=[tree.new_province.pk, 2026]))

    assert old.context["pending"] == 0
    assertNotContains(old, reverse("dashboards:remind", args=[tree.new_province.pk, 2025]))
    assert new.context["pending"] == 0  # the new commune's 2026 year is approved
