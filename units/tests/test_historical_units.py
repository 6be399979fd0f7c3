"""Historical units: province staff add a commune of the past, missing from the national lists, on an app page."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from units.models import CodeScheme, Kind, Lineage, Role, Unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(make_user, tree):
    """Province staff of the 2025 province: they also read (and complete) the province it was formed from."""
    return make_user("so.noivu", (tree.new_province, Role.PROVINCE_STAFF))


def soc_ha(tree, **fields):
    return {
        "kind": Kind.COMMUNE,
        "division_type": "Xã",
        "name": "Xã Sóc Hà",
        "code": "",
        "parent": tree.district.pk,
        "valid_from": "",
        "valid_to": "31/12/2022",
        "successor": tree.commune.pk,
        "effective_date": "",
        "legal_basis": "Nghị quyết 1107/NQ-UBTVQH14",
        **fields,
    }


def errors_of(response) -> dict:
    assert response.status_code == 200
    return response.context["form"].errors


def test_province_staff_add_a_merged_commune_with_its_validity_parent_and_lineage(client, staff, tree):
    client.force_login(staff)

    response = client.post(reverse("units:historical-create"), soc_ha(tree))

    unit = Unit.objects.get(name="Xã Sóc Hà")
    assertRedirects(response, reverse("units:detail", args=[unit.pk]))
    assert (unit.parent, unit.kind, unit.code_scheme) == (tree.district, Kind.COMMUNE, CodeScheme.LOCAL)
    assert (unit.valid_from, unit.valid_to) == (None, datetime.date(2022, 12, 31))
    edge = Lineage.objects.get(predecessor=unit)
    assert (edge.successor, edge.effective_date) == (tree.commune, datetime.date(2023, 1, 1))
    assert edge.legal_basis == "Nghị quyết 1107/NQ-UBTVQH14"
    listed = client.get(reverse("units:historical")).content.decode()
    assert "Xã Sóc Hà" in listed and "01/01/2023" in listed and "Xã Trường Hà" in listed


def test_the_added_unit_is_offered_for_dates_inside_its_validity_only(client, staff, tree):
    client.force_login(staff)
    client.post(reverse("units:historical-create"), soc_ha(tree))
    unit = Unit.objects.get(name="Xã Sóc Hà")

    assert unit in Unit.objects.valid_in(2022)
    assert unit not in Unit.objects.valid_in(2024)
    page = client.get(reverse("units:historical-create"))
    token = page.context["form"].fields["successor"].widget.token
    found = client.get(reverse("units:search"), {"scope": token, "q": "soc ha"}).content.decode()
    assert "Xã Sóc Hà" in found


def test_a_unit_cannot_be_added_under_a_parent_that_had_ended_at_its_start(client, staff, tree):
    client.force_login(staff)

    response = client.post(
        reverse("units:historical-create"),
        soc_ha(tree, valid_from="01/08/2025", valid_to="01/10/2025", successor="", legal_basis=""),
    )

    assert "30/06/2025" in errors_of(response)["parent"][0]
    assert not Unit.objects.filter(name="Xã Sóc Hà").exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"valid_from": "01/01/2023", "valid_to": "31/12/2022"}, "valid_to"),
        ({"valid_to": ""}, "valid_to"),
        ({"valid_to": "31/12/2099"}, "valid_to"),
        ({"valid_to": "31/12/1800"}, "valid_to"),
        ({"effective_date": "01/06/2024"}, "effective_date"),
        ({"division_type": "Phường", "kind": Kind.DISTRICT}, "division_type"),
        ({"kind": Kind.DISTRICT, "division_type": "Huyện", "successor": ""}, "parent"),
        ({"successor": "", "legal_basis": "NQ 1/2022"}, "successor"),
        ({"name": "Xã Ngọc Đào"}, "name"),
    ],
)
def test_bad_historical_units_are_refused_with_a_message_next_to_the_field(client, staff, tree, fields, field):
    client.force_login(staff)
    before = Unit.objects.count()

    response = client.post(reverse("units:historical-create"), soc_ha(tree, **fields))

    assert field in errors_of(response)
    assert "invalid-feedback" in response.content.decode()
    assert Unit.objects.count() == before


def test_a_successor_must_exist_on_the_merger_date(client, staff, tree):
    client.force_login(staff)

    response = client.post(reverse("units:historical-create"), soc_ha(tree, successor=tree.new_commune.pk))

    assert "01/01/2023" in errors_of(response)["successor"][0]


def test_a_parent_or_lineage_target_outside_the_province_is_refused(client, staff, tree):
    client.force_login(staff)

    other_parent = client.post(reverse("units:historical-create"), soc_ha(tree, parent=tree.other_commune.parent_id))
    other_successor = client.post(reverse("units:historical-create"), soc_ha(tree, successor=tree.other_commune.pk))

    assert "parent" in errors_of(other_parent)
    assert "successor" in errors_of(other_successor)
    assert not Unit.objects.filter(name="Xã Sóc Hà").exists()


def test_only_province_staff_and_national_administrators_reach_the_pages(client, officer, reviewer, make_user, tree):
    for user in (officer, reviewer):
        client.force_login(user)
        assert client.get(reverse("units:historical")).status_code == 403
        assert client.post(reverse("units:historical-create"), soc_ha(tree)).status_code == 403
        assert 'id="nav-historical"' not in client.get(reverse("units:browse")).content.decode()
    client.force_login(make_user("admin", (tree.province, Role.ADMINISTRATOR)))
    assert client.get(reverse("units:historical")).status_code == 200
    assert 'id="nav-historical"' in client.get(reverse("units:browse")).content.decode()


def test_another_provinces_staff_neither_list_nor_open_the_added_unit(client, staff, outsider, tree):
    client.force_login(staff)
    client.post(reverse("units:historical-create"), soc_ha(tree), follow=True)  # the message is read here
    unit = Unit.objects.get(name="Xã Sóc Hà")

    client.force_login(outsider)

    assert "Xã Sóc Hà" not in client.get(reverse("units:historical")).content.decode()
    assert client.get(reverse("units:detail", args=[unit.pk])).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_keeps_a_constant_number_of_queries(
    client, staff, make_unit, tree, count, django_assert_max_num_queries
):
    make_unit("Xã Hiện Tại", Kind.COMMUNE, tree.new_province)  # a local unit that has not ended: not listed
    for i in range(count):
        unit = make_unit(f"Xã Cũ {i}", Kind.COMMUNE, tree.district, valid_to=datetime.date(2020, 12, 31))
        Lineage.objects.create(predecessor=unit, successor=tree.commune, effective_date=datetime.date(2021, 1, 1))
    client.force_login(staff)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("units:historical"))

    assert len(response.context["page"].object_list) == count
    assert response.content.decode().count("Xã Trường Hà") == count
