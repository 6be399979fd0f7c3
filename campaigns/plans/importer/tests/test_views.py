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
    assert "Dòng 4:" in review.content.decode()  # the number's source line is shown beside it
    assert len(review.content) < 150_000
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
    assert plan.parent.issuing_unit == ha_quang.province and plan.parent.issuer_name == "UBND tỉnh Cao Bằng"
    # "Hằng năm …" is one yearly item over the campaign's years, not a copy per year.
    yearly = list(plan.milestones.filter(recurs_yearly=True))
    assert yearly and all(len(item.occurrence_years) > 1 for item in yearly)
    titles = list(plan.milestones.values_list("title", flat=True))
    assert len(titles) == len(set(titles))
    named = [target for target in plan.targets.all() if target.units.exists()]
    assert named, "the Hà Quảng plan names its communes"
    for target in named:  # in the text's order, as the plan page lists them
        assert target.unit_order and [unit.pk for unit in target.ordered_units()] == target.unit_order
    assert plan.subject.startswith("Thuc hién Phong trao thi dua “Cả nước chung sức xây dựng nông thôn mới” giai")


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


def test_an_empty_paste_is_refused_next_to_the_field(client, official):
    client.force_login(official)
    response = client.post(IMPORT, {"text": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert REVIEW not in response.get("Location", "")


def test_a_text_that_is_not_a_plan_is_refused(client, official):
    client.force_login(official)
    response = client.post(IMPORT, {"text": "Biên bản họp chi bộ tháng 3.\nCó mặt: 12 đảng viên."})
    assert response.context["form"].errors["text"]


def test_a_scanned_pdf_is_refused_with_a_message_about_ocr(client, official):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from weasyprint import HTML

    scan = HTML(string="<html><body><div style='width:5cm;height:5cm;background:#000'></div></body></html>").write_pdf()
    client.force_login(official)
    response = client.post(IMPORT, {"file": SimpleUploadedFile("scan.pdf", scan, "application/pdf")})
    assert "OCR" in " ".join(response.context["form"].errors["file"])


def test_a_user_without_a_plan_editing_role_cannot_import(client, make_user, ha_quang):
    from units.models import Role

    leader = make_user("leader", (ha_quang.district, Role.LEADER))
    client.force_login(leader)
    assert client.get(IMPORT).status_code == 403
    assert client.get(REVIEW).status_code == 403


def test_another_districts_official_cannot_save_the_plan_for_ha_quang(client, elsewhere, ha_quang, campaign):
    client.force_login(elsewhere)
    client.post(IMPORT, {"text": seed("ha-quang-district-plan-2022")})
    review = client.get(REVIEW)
    form = review.context["form"]
    assert form.initial["issuing_unit"] is None  # Hà Quảng is outside their units: not proposed
    data = _post_data(form) | {"issuing_unit": ha_quang.district.pk}
    response = client.post(REVIEW, data)
    assert response.status_code == 200 and "issuing_unit" in response.context["form"].errors
    assert not Plan.objects.exists()


def test_a_name_that_matches_several_units_is_asked_with_its_candidates(
    client, official, ha_quang, make_unit, campaign
):
    from units.models import Kind

    make_unit("Xã Sóc Hà", Kind.COMMUNE, ha_quang.other, code="09999")  # same name in another district
    client.force_login(official)
    text = seed("ha-quang-district-plan-2022").replace("HUYEN HA QUANG", "HUYEN HA")
    client.post(IMPORT, {"text": text})
    review = client.get(REVIEW)
    issuing = review.context["draft"].header["issuing_unit"]
    assert issuing.status in ("ambiguous", "missing")
    assert Plan.objects.count() == 0


def test_the_review_page_without_a_text_goes_back_to_the_first_step(client, official):
    client.force_login(official)
    response = client.get(REVIEW)
    assert response.status_code == 302 and response.url == IMPORT
