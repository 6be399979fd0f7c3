"""No page that picks a unit sends the whole unit list: with 2,000 communes each stays small."""

import pytest
from django.urls import reverse

from campaigns.models import Campaign, Target
from campaigns.tests.factories import make_plan
from units.models import Kind, Role, Unit
from units.tests.test_unit_picker import bulk_communes

pytestmark = pytest.mark.django_db

MAX_PAGE = 150_000  # bytes of HTML


@pytest.fixture
def country(make_unit):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04")
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, code="045")
    bulk_communes(district, 2000)
    other = make_unit("Tỉnh Lạng Sơn", Kind.PROVINCE, code="20")
    far = make_unit("Xã Xa Xôi", Kind.COMMUNE, make_unit("Huyện Xa", Kind.DISTRICT, other), code="99999")
    return type("Country", (), {"province": province, "district": district, "far": far})


@pytest.fixture
def official(make_user, country):
    """Every role at the province: each page below is open to them and offers the 2,000 communes."""
    roles = [Role.PROVINCE_STAFF, Role.HOME_AFFAIRS, Role.COMMUNE_OFFICER, Role.LEADER]
    return make_user("official", *[(country.province, role) for role in roles])


@pytest.fixture
def plan(country):
    campaign = Campaign.objects.order_by("pk").first()
    plan = make_plan(campaign, country.province, number="12/KH-UBND")
    Target.objects.create(
        plan=plan, type=Target.Type.KEEP_STATUS, description="Giữ chuẩn", status="xa_ntm", deadline_year=2025
    )
    return plan


def picking_pages(plan, country) -> list[str]:
    target = plan.targets.first()
    hub = country.district.pk
    return [
        reverse("campaigns:plan-create"),
        reverse("campaigns:plan-edit", args=[plan.pk]),
        reverse("campaigns:plan-create") + f"?parent={plan.pk}",
        reverse("campaigns:target-create", args=[plan.pk]),
        reverse("campaigns:target-edit", args=[target.pk]),
        reverse("campaigns:milestone-create", args=[plan.pk]),
        reverse("awards:create"),
        reverse("awards:session-create"),
        reverse("records:recognition-create", args=[hub]),
        reverse("records:ocop-create", args=[hub]),
        reverse("records:resource-create", args=[hub]),
        reverse("records:model-create", args=[hub]),
        reverse("reports:create"),
        # Pages added with the accounts, historical units, the overdue list and the statistics.
        reverse("people:create"),
        reverse("units:historical-create"),
        reverse("campaigns:overdue"),
        reverse("reports:statistics"),
    ]


def test_no_page_that_picks_a_unit_sends_the_whole_unit_list(client, official, plan, country):
    client.force_login(official)
    for url in picking_pages(plan, country):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert len(response.content) < MAX_PAGE, (url, len(response.content))
        assert "Xã Số 1999" not in html, url
        assert html.count("Xã Số ") < 50, url


def test_the_new_plan_page_searches_the_units_instead_of_listing_them(client, official, plan):
    client.force_login(official)
    html = client.get(reverse("campaigns:plan-create")).content.decode()

    assert 'id="id_issuing_unit"' in html
    assert 'role="combobox"' in html
    assert reverse("units:search") in html


def test_a_plan_issued_by_a_unit_of_another_province_is_refused(client, official, plan, country):
    client.force_login(official)
    data = {
        "campaign": plan.campaign.pk,
        "document_kind": "plan",
        "number": "1/KH-UBND",
        "title": "Kế hoạch",
        "issuing_unit": country.far.pk,
        "status": "draft",
    }
    response = client.post(reverse("campaigns:plan-create"), data)

    assert response.status_code == 200
    assert "issuing_unit" in response.context["form"].errors


def test_the_issuing_unit_search_offers_only_the_users_units(client, official, plan, country):
    client.force_login(official)
    html = client.get(reverse("campaigns:plan-create")).content.decode()
    url = html.split('data-url="')[1].split('"')[0].replace("&amp;", "&")

    assert "Xã Số 12" in client.get(url + "&q=xa so 12").content.decode()
    assert "Xã Xa Xôi" not in client.get(url + "&q=xa xa xoi").content.decode()
    assert "Xã Xa Xôi" not in client.get(url + "&q=99999").content.decode()


def test_a_targets_named_units_are_ticked_and_names_typed_without_javascript_are_added(client, official, plan):
    target = plan.targets.get()
    named = {unit.name: unit for unit in Unit.objects.filter(name__in=["Xã Số 5", "Xã Số 6", "Xã Số 7"])}
    target.units.set([named["Xã Số 5"], named["Xã Số 6"]])
    client.force_login(official)
    url = reverse("campaigns:target-edit", args=[target.pk])

    html = client.get(url).content.decode()
    assert f'name="units" value="{named["Xã Số 5"].pk}" checked' in html
    assert "Xã Số 6 — Huyện Hà Quảng, Tỉnh Cao Bằng" in html

    data = {"type": "keep", "description": "Giữ chuẩn", "status": "xa_ntm", "deadline_year": 2025, "order": 1}
    response = client.post(url, {**data, "units": [named["Xã Số 5"].pk], "units__text": "xa so 7"})
    assert response.status_code == 302, response.context["form"].errors
    assert set(target.units.all()) == {named["Xã Số 5"], named["Xã Số 7"]}
