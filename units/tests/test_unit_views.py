import datetime
import os
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects, assertTemplateUsed

from units.models import CodeScheme, Kind, Lineage, Role, Unit
from units.permissions import creatable_kinds, may_edit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def staff(make_user, tree):
    """Province staff of the new province: reads the old province through the lineage."""
    return make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))


def login(client, user):
    client.force_login(user)
    return client


def names_in(response) -> list[str]:
    return re.findall(r'class="unit-link">([^<]+)</a>', response.content.decode())


# Browse


def test_search_finds_a_commune_typed_without_accents(client, staff, tree):
    response = login(client, staff).get(reverse("units:browse"), {"q": "truong ha"})

    assert names_in(response) == ["Xã Trường Hà", "Xã Trường Hà"]  # the 2025 commune and its predecessor
    assertNotContains(response, "Xã Ngọc Đào")


def test_search_shows_only_units_the_user_may_see(client, outsider, tree):
    response = login(client, outsider).get(reverse("units:browse"), {"q": "truong ha"})

    assert names_in(response) == []


def test_browse_lists_the_users_own_units_first(client, officer, tree):
    response = login(client, officer).get(reverse("units:browse"))

    assert response.context["roots"] == [tree.commune]
    assert names_in(response) == ["Xã Trường Hà", "Xóm Một"]


def test_an_htmx_request_gets_only_the_result_list(client, staff, tree):
    response = login(client, staff).get(reverse("units:browse"), {"q": "ngoc"}, HTTP_HX_REQUEST="true")

    assertTemplateUsed(response, "units/_unit_rows.html")
    assert "<html" not in response.content.decode()
    assert names_in(response) == ["Xã Ngọc Đào"]
    assert response["Vary"].lower().count("hx-request") == 1


def test_historical_units_are_shown_and_marked_by_default_and_can_be_hidden(client, staff, tree):
    login(client, staff)
    everything = client.get(reverse("units:browse"), {"q": "tinh mot"})
    current = client.get(reverse("units:browse"), {"q": "tinh mot", "validity": "current"})
    historical = client.get(reverse("units:browse"), {"q": "tinh mot", "validity": "historical"})

    assert len(names_in(everything)) == 2
    assertContains(everything, "app-historical", count=1)
    assert [u.pk for u in current.context["page"]] == [tree.new_province.pk]
    assert [u.pk for u in historical.context["page"]] == [tree.province.pk]


def test_browse_filters_by_kind(client, staff, tree):
    response = login(client, staff).get(reverse("units:browse"), {"kind": Kind.VILLAGE})

    assert names_in(response) == ["Xóm Một"]


def test_browse_pages_by_fifty_in_a_constant_number_of_queries(client, staff, tree, make_unit):
    login(client, staff)
    for n in range(5):
        make_unit(f"Thôn {n:03}", Kind.VILLAGE, tree.new_commune)
    client.get(reverse("units:browse"), {"kind": Kind.VILLAGE})  # a fresh session's expiry is stamped once
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("units:browse"), {"kind": Kind.VILLAGE})
    for n in range(5, 70):
        make_unit(f"Thôn {n:03}", Kind.VILLAGE, tree.new_commune)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("units:browse"), {"kind": Kind.VILLAGE})

    assert len(names_in(response)) == 50
    assert response.context["page"].paginator.count == 71
    assert len(many) == len(few)


# Detail


def test_the_breadcrumb_links_only_the_ancestors_the_user_may_see(client, officer, tree):
    response = login(client, officer).get(reverse("units:detail", args=[tree.village.pk]))

    crumbs = response.context["breadcrumb"]
    assert [(unit.name, visible) for unit, visible in crumbs] == [
        ("Tỉnh Một", False),
        ("Huyện Hai", False),
        ("Xã Trường Hà", True),
    ]
    assertContains(response, f'href="{reverse("units:detail", args=[tree.commune.pk])}"')
    assertNotContains(response, f'href="{reverse("units:detail", args=[tree.district.pk])}"')


def test_a_merged_commune_says_into_which_commune_and_when(client, staff, tree):
    response = login(client, staff).get(reverse("units:detail", args=[tree.commune.pk]))

    link = f'<a href="{reverse("units:detail", args=[tree.new_commune.pk])}">Xã Trường Hà</a>'
    assertContains(response, f"Merged into {link} on 01/07/2025", html=False)


def test_a_new_commune_says_what_it_was_formed_from(client, staff, tree):
    Lineage.objects.filter(successor=tree.new_commune).update(legal_basis="NQ 1680/NQ-UBTVQH15")

    response = login(client, staff).get(reverse("units:detail", args=[tree.new_commune.pk]))

    text = re.sub(r"<[^>]+>", "", response.content.decode())
    assert "Formed on 01/07/2025 from Xã Ngọc Đào, Xã Trường Hà" in text
    assert text.count("NQ 1680/NQ-UBTVQH15") == 1
    assertContains(response, "00001 (from 07/2025)")


def test_a_province_that_only_changed_scheme_was_replaced(client, staff, tree):
    response = login(client, staff).get(reverse("units:detail", args=[tree.province.pk]))

    text = re.sub(r"<[^>]+>", "", response.content.decode())
    assert "Replaced by Tỉnh Một on 01/07/2025" in text
    assertContains(response, "01 (before 07/2025)")


def test_a_split_unit_names_its_default_successor(client, staff, tree, make_unit):
    first = make_unit("Xã Đầu", Kind.COMMUNE, tree.new_province)
    second = make_unit("Xã Sau", Kind.COMMUNE, tree.new_province)
    Lineage.objects.create(predecessor=tree.village, successor=second, is_default=False)
    Lineage.objects.create(predecessor=tree.village, successor=first, is_default=True)

    response = login(client, staff).get(reverse("units:detail", args=[tree.village.pk]))

    text = re.sub(r"<[^>]+>", "", response.content.decode())
    assert "Split into Xã Đầu, Xã Sau on 01/07/2025 (default: Xã Đầu)" in text


def test_lineage_names_units_the_user_may_not_see_without_a_link(client, officer, tree):
    response = login(client, officer).get(reverse("units:detail", args=[tree.commune.pk]))

    assertContains(response, "Merged into Xã Trường Hà on 01/07/2025")
    assertNotContains(response, reverse("units:detail", args=[tree.new_commune.pk]))


def test_detail_shows_validity_and_classifications(client, staff, tree):
    tree.commune.is_mountainous = tree.commune.is_border = True
    tree.commune.save()

    response = login(client, staff).get(reverse("units:detail", args=[tree.commune.pk]))

    facts = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    assert "Valid to 30/06/2025" in facts
    assert "Mountainous Border" in facts
    assert "Especially difficult" not in facts


def test_children_can_be_filtered_by_kind(client, staff, tree, make_unit):
    make_unit("Sở Nội vụ", Kind.AGENCY, tree.new_province)
    login(client, staff)

    everything = client.get(reverse("units:detail", args=[tree.new_province.pk]))
    agencies = client.get(reverse("units:detail", args=[tree.new_province.pk]), {"kind": Kind.AGENCY})

    assert {u.name for u in everything.context["page"]} == {"Xã Trường Hà", "Sở Nội vụ"}
    assert [u.name for u in agencies.context["page"]] == ["Sở Nội vụ"]


def grow(tree, make_unit, size: int) -> Unit:
    """The new commune with `size` children of each local kind and `size` predecessors."""
    commune = tree.new_commune
    for n in range(size):
        make_unit(f"Thôn {n}", Kind.VILLAGE, commune)
        make_unit(f"Phòng {n}", Kind.AGENCY, commune)
        old = make_unit(f"Xã Cũ {n}", Kind.COMMUNE, tree.district, valid_to=datetime.date(2025, 6, 30))
        Lineage.objects.create(predecessor=old, successor=commune)
        Lineage.objects.create(predecessor=make_unit(f"Thôn Cũ {n}", Kind.VILLAGE, old), successor=commune)
    return commune


def test_detail_takes_the_same_queries_with_ten_times_the_children_and_lineage(
    client, staff, tree, make_unit, django_assert_max_num_queries
):
    login(client, staff)
    commune = grow(tree, make_unit, 3)
    url = reverse("units:detail", args=[commune.pk])
    with CaptureQueriesContext(connection) as small:
        client.get(url)

    grow(tree, make_unit, 30)
    with django_assert_max_num_queries(len(small)):
        response = client.get(url)

    assert len(response.context["page"]) == 50
    assert len(response.context["lineage"]) == 1
    assert response.content.decode().count("Xã Cũ") == 33


# Scoping: another commune's officer gets 404 everywhere


@pytest.mark.parametrize("url_name", ["units:detail", "units:create", "units:edit", "units:import"])
@pytest.mark.parametrize("target", ["neighbour", "other_commune", "other_province"])
def test_a_commune_officer_gets_404_outside_the_commune(client, officer, tree, url_name, target):
    response = login(client, officer).get(reverse(url_name, args=[getattr(tree, target).pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("url_name", ["units:create", "units:import"])
def test_a_commune_officer_cannot_post_into_a_neighbouring_commune(client, officer, tree, url_name):
    response = login(client, officer).post(reverse(url_name, args=[tree.neighbour.pk]), {"name": "Thôn Lạ"})

    assert response.status_code == 404
    assert not Unit.objects.filter(name="Thôn Lạ").exists()


def test_every_unit_page_requires_login(client, tree):
    response = client.get(reverse("units:detail", args=[tree.commune.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


# Who may create what


def test_a_commune_officer_may_add_villages_to_the_commune_only(officer, tree):
    assert creatable_kinds(officer, tree.commune) == [Kind.VILLAGE]
    assert creatable_kinds(officer, tree.village) == []


def test_province_staff_may_add_organisations_to_the_province_and_anything_to_a_commune(staff, tree):
    assert creatable_kinds(staff, tree.new_province) == [
        Kind.AGENCY,
        Kind.ENTERPRISE,
        Kind.COOPERATIVE,
        Kind.ORGANISATION,
    ]
    assert Kind.VILLAGE in creatable_kinds(staff, tree.new_commune)


def test_an_agency_officer_may_add_departments_to_the_agency_only(make_user, make_unit, tree):
    agency = make_unit("Sở Nông nghiệp", Kind.AGENCY, tree.new_province)
    other = make_unit("Sở Nội vụ", Kind.AGENCY, tree.new_province)
    agency_officer = make_user("agency", (agency, Role.AGENCY_OFFICER))

    assert creatable_kinds(agency_officer, agency) == [Kind.AGENCY]
    assert creatable_kinds(agency_officer, other) == []
    assert creatable_kinds(agency_officer, tree.new_province) == []


def test_a_district_reviewer_may_add_nothing(reviewer, tree):
    assert creatable_kinds(reviewer, tree.commune) == []


def test_an_administrator_may_add_anywhere_but_not_edit_national_units(make_user, tree):
    admin = make_user("admin", (tree.other_province, Role.ADMINISTRATOR))

    assert creatable_kinds(admin, tree.commune)[0] == Kind.VILLAGE
    assert not may_edit(admin, tree.commune)
    assert may_edit(admin, tree.village)


# Create and edit


def village_data(**overrides):
    return {"kind": Kind.VILLAGE, "division_type": "Thôn", "name": "Thôn Nà Pồng", "code": "", **overrides}


@pytest.fixture
def new_officer(make_user, tree):
    """The officer of the commune formed on 01/07/2025: the legacy commune takes no new units."""
    return make_user("officer.new", (tree.new_commune, Role.COMMUNE_OFFICER))


def test_a_commune_officer_adds_a_village(client, new_officer, tree):
    response = login(client, new_officer).post(
        reverse("units:create", args=[tree.new_commune.pk]),
        village_data(valid_from="01/01/2020", is_mountainous="on"),
    )

    village = Unit.objects.get(name="Thôn Nà Pồng")
    assertRedirects(response, reverse("units:detail", args=[village.pk]))
    assert village.parent == tree.new_commune
    assert village.code_scheme == CodeScheme.LOCAL
    assert village.valid_from == datetime.date(2020, 1, 1)
    assert village.is_mountainous and not village.is_border


def test_the_form_offers_only_the_kinds_that_fit(client, officer, tree):
    response = login(client, officer).get(reverse("units:create", args=[tree.commune.pk]))

    assert [value for value, _label in response.context["form"].fields["kind"].choices] == [Kind.VILLAGE]


def test_a_commune_officer_cannot_add_an_agency(client, officer, tree):
    response = login(client, officer).post(
        reverse("units:create", args=[tree.commune.pk]),
        village_data(kind=Kind.AGENCY, division_type="Phòng", name="Phòng Lạ"),
    )

    assert "kind" in response.context["form"].errors
    assert not Unit.objects.filter(name="Phòng Lạ").exists()


def test_a_type_that_does_not_fit_the_kind_is_refused_next_to_the_field(client, officer, tree):
    response = login(client, officer).post(
        reverse("units:create", args=[tree.commune.pk]), village_data(division_type="Sở")
    )

    assert response.context["form"].errors["division_type"]
    assertContains(response, "invalid-feedback")


def test_valid_to_before_valid_from_is_refused_on_the_field(client, new_officer, tree):
    response = login(client, new_officer).post(
        reverse("units:create", args=[tree.new_commune.pk]),
        village_data(valid_from="01/01/2020", valid_to="01/01/2019"),
    )

    assert response.context["form"].errors == {"valid_to": ["Valid to must be on or after valid from."]}


def test_adding_a_unit_under_a_unit_that_has_ended_is_refused_next_to_the_parent_field(client, officer, tree):
    response = login(client, officer).post(reverse("units:create", args=[tree.commune.pk]), village_data())

    assert response.context["form"].errors == {
        "parent": ["Xã Trường Hà ended on 30/06/2025: add new units under the unit that succeeded it."]
    }
    assert not Unit.objects.filter(name="Thôn Nà Pồng").exists()


def test_the_refusal_under_an_ended_unit_is_in_vietnamese(client, officer, tree, settings):
    settings.LANGUAGE_CODE = "vi"
    with translation.override("vi"):
        response = login(client, officer).post(reverse("units:create", args=[tree.commune.pk]), village_data())

    assert response.context["form"].errors["parent"] == [
        "Xã Trường Hà đã kết thúc ngày 30/06/2025: hãy thêm đơn vị mới vào đơn vị kế thừa."
    ]


def test_a_code_already_used_by_a_unit_of_the_same_kind_is_refused(client, officer, tree, make_unit):
    make_unit("Thôn Cũ", Kind.VILLAGE, tree.commune, code="T01")

    response = login(client, officer).post(reverse("units:create", args=[tree.commune.pk]), village_data(code="T01"))

    assert response.context["form"].errors["code"]
    assert not Unit.objects.filter(name="Thôn Nà Pồng").exists()


def test_someone_who_may_add_nothing_here_is_forbidden(client, reviewer, tree):
    response = login(client, reviewer).get(reverse("units:create", args=[tree.commune.pk]))

    assert response.status_code == 403


def test_a_commune_officer_renames_a_village(client, officer, tree):
    response = login(client, officer).post(
        reverse("units:edit", args=[tree.village.pk]), village_data(division_type="Xóm", name="Xóm Hai")
    )

    assertRedirects(response, reverse("units:detail", args=[tree.village.pk]))
    tree.village.refresh_from_db()
    assert (tree.village.name, tree.village.search_name) == ("Xóm Hai", "xom hai")


def test_a_commune_officer_cannot_edit_the_commune_itself(client, officer, tree):
    response = login(client, officer).get(reverse("units:edit", args=[tree.commune.pk]))

    assert response.status_code == 403


# In the browser

SHOTS = os.environ.get("SCREENSHOT_DIR", "")


def sign_in(page, live_server, user):
    """Reuse a session made by the test client: the login page is not what is tested here."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def shot(page, name: str) -> None:
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, name), full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_typing_without_accents_finds_the_commune_and_opens_it(page, live_server, staff, tree):
    sign_in(page, live_server, staff)
    page.goto(live_server.url + reverse("units:browse"))

    page.locator("#id_q").press_sequentially("truong ha")  # keyup events, as a person types
    expect(page.locator("#unit-results .unit-link")).to_have_count(2)  # CSP forbids wait_for_function
    shot(page, "units-search.png")
    assert "q=truong%20ha" in page.url  # the fragment refresh keeps the address shareable
    with page.expect_navigation():
        page.click(f"#unit-results a[href='{reverse('units:detail', args=[tree.new_commune.pk])}']")

    assert page.locator("h1").inner_text().startswith("Xã Trường Hà")
    assert "Xã Ngọc Đào" in page.locator("#lineage").inner_text()
    shot(page, "units-detail.png")
