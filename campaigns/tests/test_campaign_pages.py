"""Campaign pages: national administrators add and correct campaigns in the app; others read them."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertRedirects

from campaigns.models import Campaign
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(make_user, tree):
    return make_user("quantri", (tree.province, Role.ADMINISTRATOR))


def campaign_data(**fields):
    return {
        "name": "Phong trào thi đua chung sức xây dựng nông thôn mới",
        "scope": "toàn quốc",
        "start_year": 2026,
        "end_year": 2030,
        "midterm_year": "",
        "final_year": "",
        "launching_body": "Thủ tướng Chính phủ",
        "national_plan": "",
        "description": "",
        **fields,
    }


def test_a_national_administrator_adds_a_campaign_whose_reviews_default_to_its_period(client, national):
    client.force_login(national)

    response = client.post(reverse("campaigns:campaign-create"), campaign_data())

    campaign = Campaign.objects.get(name__startswith="Phong trào thi đua chung sức")
    assertRedirects(response, reverse("campaigns:detail", args=[campaign.pk]))
    assert (campaign.midterm_year, campaign.final_year) == (2028, 2030)


def test_a_national_administrator_corrects_a_campaign(client, national):
    campaign = Campaign.objects.create(name="Thi đua", start_year=2021, end_year=2025)
    client.force_login(national)

    page = client.get(reverse("campaigns:detail", args=[campaign.pk])).content.decode()
    client.post(reverse("campaigns:campaign-edit", args=[campaign.pk]), campaign_data(name="Thi đua đổi tên"))

    assert 'id="edit-campaign"' in page
    campaign.refresh_from_db()
    assert campaign.name == "Thi đua đổi tên" and campaign.start_year == 2026


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end_year": 2024}, "end_year"),
        ({"midterm_year": 2031}, "midterm_year"),
        ({"final_year": 2025}, "final_year"),
        ({"start_year": 20260}, "start_year"),
        ({"start_year": "hai"}, "start_year"),
        ({"name": ""}, "name"),
    ],
)
def test_bad_years_are_refused_next_to_their_field_and_nothing_is_saved(client, national, fields, field):
    client.force_login(national)
    before = Campaign.objects.count()

    response = client.post(reverse("campaigns:campaign-create"), campaign_data(**fields))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert "invalid-feedback" in response.content.decode()
    assert Campaign.objects.count() == before


def test_province_staff_read_campaigns_but_may_not_write_them(client, make_user, tree):
    campaign = Campaign.objects.create(name="Thi đua", start_year=2021, end_year=2025)
    client.force_login(make_user("tinh", (tree.province, Role.PROVINCE_STAFF)))

    assert client.get(reverse("campaigns:campaign-create")).status_code == 403
    assert client.post(reverse("campaigns:campaign-edit", args=[campaign.pk]), campaign_data()).status_code == 403
    assert 'id="new-campaign"' not in client.get(reverse("campaigns:overview")).content.decode()
    campaign.refresh_from_db()
    assert campaign.start_year == 2021


def test_an_unknown_campaign_is_not_found(client, national):
    client.force_login(national)

    assert client.get(reverse("campaigns:campaign-edit", args=[987654])).status_code == 404


@pytest.mark.parametrize("count", [2, 20])
def test_the_campaign_list_keeps_a_constant_number_of_queries(client, national, count, django_assert_max_num_queries):
    Campaign.objects.bulk_create(
        Campaign(name=f"Phong trào {i}", start_year=2021, end_year=2025, midterm_year=2023, final_year=2025)
        for i in range(count)
    )
    client.force_login(national)

    with django_assert_max_num_queries(12):
        response = client.get(reverse("campaigns:overview"))

    assert 'id="new-campaign"' in response.content.decode()
    assert len(response.context["campaigns"]) >= count
