import pytest
from django.urls import reverse

from campaigns.models import Plan
from campaigns.plans.importer.tests.conftest import seed

pytestmark = pytest.mark.django_db

IMPORT = reverse("campaigns:plan-import")
REVIEW = reverse("campaigns:plan-import-review")


def test_pasting_the_ha_quang_text_proposes_its_fields_and_saving_stores_the_plan(client, official, ha_quang, campaign):
    client.force_login(official)
    response = client.post(IMPORT, {"text": seed("ha-quang-district-plan-2022")})
    assert response.status_code == 302 and response.url == REVIEW

    review = client.get(REVIEW)
    assert review.status_code == 200
    form = review.context["form"]
    assert form.initial["number"] == "3254/KH-UBND"
    assert form.initial["issuing_unit"] == ha_quang.district
    assert "Line 3:" in review.content.decode()  # the number's source line is shown beside it
    assert Plan.objects.count() == 0  # nothing saved before the confirmation

    data = _post_data(form)
    response = client.post(REVIEW, data)
    assert response.status_code == 302, response.context["form"].errors
    plan = Plan.objects.get(number="3254/KH-UBND")
    assert plan.issuing_unit == ha_quang.district
    assert plan.issuer_name == "UBND huyện Hà Quảng"
    assert plan.place == "Hà Quảng"
    assert plan.signing_mode == "TM." and plan.signer_title == "Chủ tịch"
    assert plan.targets.count() == 10
    assert plan.milestones.exists() and plan.subjects.count() == 6
    assert plan.parent.is_summary and plan.parent.number == "2452/KH-UBND"


def _post_data(form) -> dict:
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if hasattr(value, "pk"):
            value = value.pk
        data[name] = value
    return data


@pytest.fixture
def campaign(db):
    from campaigns.models import Campaign

    return Campaign.objects.get_or_create(
        name="Cả nước chung sức xây dựng nông thôn mới", start_year=2021, defaults={"end_year": 2025}
    )[0]
