"""The record pages of a unit: recognitions, village statuses, OCOP, resources, exemplary models."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.models import (
    ExemplaryModel,
    OcopProduct,
    OcopRating,
    Recognition,
    RecognitionStatus,
    ResourceContribution,
    VillageYear,
)
from units.models import Kind, Role

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date.today().year + 1
TOMORROW = (datetime.date.today() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")


def url(name, *args):
    return reverse(f"records:{name}", args=args)


@pytest.fixture
def leader(make_user, tree):
    return make_user("leader", (tree.district, Role.LEADER))


@pytest.fixture
def product(tree):
    return OcopProduct.objects.create(
        unit=tree.commune, name="Gạo nếp Pác Bó", owner_name="HTX Pác Bó", owner_kind="cooperative", group="food"
    )


def recognition_data(unit, **changes):
    data = {
        "unit": unit.pk,
        "status": RecognitionStatus.COMMUNE_NTM,
        "decision_number": "2105/QĐ-UBND",
        "decision_date": "27/12/2023",
        "issuer": "UBND tỉnh Cao Bằng",
        "revoked_on": "",
        "revocation_note": "",
        "note": "",
    }
    return data | changes


def resource_data(unit, **changes):
    data = {
        "unit": unit.pk,
        "year": "2024",
        "state_budget": "1.250.000.000",
        "people": "350000000",
        "enterprises": "0",
        "land_donated_m2": "1200",
        "labour_days": "830",
        "note": "",
    }
    return data | changes


# ---------------------------------------------------------------------------------------------------------
# The hub


def test_hub_counts_the_records_of_the_unit_and_below(client, reviewer, tree, product):
    OcopRating.objects.create(
        product=product, stars=3, rules_version="148/2023", level="province", decision_date=datetime.date(2024, 5, 2)
    )
    ExemplaryModel.objects.create(unit=tree.village, year=2024, kind="practice", title="Đường hoa", description="…")
    client.force_login(reviewer)

    response = client.get(url("unit", tree.district.pk))

    assert response.status_code == 200
    counts = response.context["counts"]
    assert (counts["ocop"]["total"], counts["ocop"]["ratings"], counts["models"]["total"]) == (1, 1, 1)
    assert url("unit", tree.commune.pk) in response.content.decode()  # links down to its communes


def test_hub_query_count_does_not_grow_with_the_records(client, reviewer, tree, make_unit):
    client.force_login(reviewer)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("unit", tree.district.pk)).status_code == 200
        return len(captured)

    client.get(url("unit", tree.district.pk))  # a fresh session's expiry is stamped once
    before = queries()
    for n in range(10):
        commune = make_unit(f"Xã Mới {n}", Kind.COMMUNE, tree.district)
        ResourceContribution.objects.create(unit=commune, year=2024, state_budget=n)
        Recognition.objects.create(unit=commune, status="xa_ntm", decision_date=datetime.date(2024, 1, 2))
    assert queries() == before


def test_records_home_opens_the_users_own_unit(client, officer, tree):
    client.force_login(officer)

    assert client.get(url("index"))["Location"] == url("unit", tree.commune.pk)


def test_records_home_sends_a_user_without_a_territory_to_the_unit_browser(client, make_user, tree, make_unit):
    agency = make_unit("Sở Nội vụ", Kind.AGENCY, tree.province)
    client.force_login(make_user("agency", (agency, Role.AGENCY_OFFICER)))

    assert client.get(url("index"))["Location"] == reverse("units:browse")


def test_a_2025_commune_links_to_the_communes_it_was_formed_from(client, make_user, tree):
    client.force_login(make_user("new officer", (tree.new_commune, Role.COMMUNE_OFFICER)))

    response = client.get(url("unit", tree.new_commune.pk))

    assert set(response.context["earlier"]) == {tree.commune, tree.neighbour}
    assert client.get(url("unit", tree.commune.pk)).status_code == 200  # their history is theirs to read


def test_hub_is_404_outside_the_users_units_and_for_a_village(client, outsider, reviewer, tree):
    client.force_login(outsider)
    assert client.get(url("unit", tree.district.pk)).status_code == 404
    client.force_login(reviewer)
    assert client.get(url("unit", tree.village.pk)).status_code == 404


def test_demo_records_carry_the_demo_badge(client, reviewer, tree):
    ExemplaryModel.objects.create(unit=tree.commune, year=2023, kind="practice", title="Mẫu", description="…")
    demo = ExemplaryModel(unit=tree.commune, year=2024, kind="practice", title="Thử", description="…")
    demo.is_demo = True
    demo.save()
    client.force_login(reviewer)

    html = client.get(url("models", tree.commune.pk)).content.decode()

    assert html.count("app-demo-badge") == 1


# ---------------------------------------------------------------------------------------------------------
# Recognitions


def test_home_affairs_records_a_communes_recognition(client, reviewer, tree):
    client.force_login(reviewer)

    response = client.post(url("recognition-create", tree.district.pk), recognition_data(tree.commune))

    assert response.status_code == 302
    recognition = Recognition.objects.get()
    assert (recognition.unit, recognition.decision_date) == (tree.commune, datetime.date(2023, 12, 27))
    assert recognition.recorded_by == reviewer


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": RecognitionStatus.VILLAGE_NTM}, "status"),  # a village status for a commune
        ({"decision_date": TOMORROW}, "decision_date"),
        ({"decision_date": "01/08/2025"}, "decision_date"),  # the legacy commune ended on 30/06/2025
        ({"revoked_on": "01/01/2023"}, "revoked_on"),  # before the decision
        ({"revocation_note": "123/QĐ-UBND"}, "revoked_on"),  # a revocation needs its date
    ],
)
def test_recognition_form_refuses_bad_input(client, reviewer, tree, changes, field):
    client.force_login(reviewer)

    response = client.post(url("recognition-create", tree.district.pk), recognition_data(tree.commune, **changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Recognition.objects.exists()


def test_recognition_form_refuses_a_status_the_unit_already_holds(client, reviewer, tree):
    Recognition.objects.create(unit=tree.commune, status="xa_ntm", decision_date=datetime.date(2022, 12, 1))
    client.force_login(reviewer)

    response = client.post(url("recognition-create", tree.district.pk), recognition_data(tree.commune))

    assert "status" in response.context["form"].errors
    assert Recognition.objects.count() == 1


def test_a_village_status_fits_a_village(client, reviewer, tree):
    client.force_login(reviewer)
    data = recognition_data(tree.village, status=RecognitionStatus.VILLAGE_NTM)

    assert client.post(url("recognition-create", tree.district.pk), data).status_code == 302
    assert Recognition.objects.get().unit == tree.village


def test_recognition_edit_records_a_revocation(client, reviewer, tree):
    recognition = Recognition.objects.create(
        unit=tree.commune, status="xa_ntm", decision_date=datetime.date(2023, 1, 5)
    )
    client.force_login(reviewer)
    data = recognition_data(tree.commune, decision_date="05/01/2023", revoked_on="10/03/2024", revocation_note="9/QĐ")

    assert client.post(url("recognition-edit", recognition.pk), data).status_code == 302
    recognition.refresh_from_db()
    assert recognition.revoked_on == datetime.date(2024, 3, 10)


def test_commune_officers_and_leaders_cannot_record_recognitions(client, officer, leader, tree):
    recognition = Recognition.objects.create(
        unit=tree.commune, status="xa_ntm", decision_date=datetime.date(2023, 1, 5)
    )
    for user in (officer, leader):
        client.force_login(user)
        assert client.get(url("recognitions", tree.commune.pk)).status_code == 200
        assert client.get(url("recognition-create", tree.commune.pk)).status_code == 403
        assert client.post(url("recognition-edit", recognition.pk), recognition_data(tree.commune)).status_code == 403


def test_recognitions_outside_the_users_units_are_404(client, outsider, tree):
    recognition = Recognition.objects.create(
        unit=tree.commune, status="xa_ntm", decision_date=datetime.date(2023, 1, 5)
    )
    client.force_login(outsider)

    assert client.get(url("recognitions", tree.district.pk)).status_code == 404
    assert client.get(url("recognition-edit", recognition.pk)).status_code == 404


# ---------------------------------------------------------------------------------------------------------
# Village status per year


def test_officer_saves_all_villages_of_a_year_in_one_post(client, officer, tree, make_unit):
    second = make_unit("Xóm Hai", Kind.VILLAGE, tree.commune)
    client.force_login(officer)
    grid = url("villages", tree.commune.pk) + "?year=2024"

    response = client.post(grid, {f"village-{tree.village.pk}": "ntm", f"village-{second.pk}": "building"})

    assert response.status_code == 302
    saved = dict(VillageYear.objects.filter(year=2024).values_list("unit__name", "status"))
    assert saved == {"Xóm Một": "ntm", "Xóm Hai": "building"}
    assert client.get(grid).context["form"][f"village-{tree.village.pk}"].value() == "ntm"


def test_village_grid_writes_only_what_changed_and_blank_removes(client, officer, tree, make_unit):
    second = make_unit("Xóm Hai", Kind.VILLAGE, tree.commune)
    VillageYear.objects.create(unit=tree.village, year=2024, status="ntm")
    VillageYear.objects.create(unit=second, year=2024, status="building")
    client.force_login(officer)

    client.post(url("villages", tree.commune.pk) + "?year=2024", {f"village-{tree.village.pk}": "ntm"})

    assert list(VillageYear.objects.values_list("unit__name", "status")) == [("Xóm Một", "ntm")]
    assert VillageYear.history.filter(unit=tree.village).count() == 1  # unchanged: not saved again


def test_village_grid_refuses_an_unknown_status(client, officer, tree):
    client.force_login(officer)

    response = client.post(url("villages", tree.commune.pk) + "?year=2024", {f"village-{tree.village.pk}": "gold"})

    assert response.status_code == 200
    assert f"village-{tree.village.pk}" in response.context["form"].errors
    assert not VillageYear.objects.exists()


def test_village_grid_is_read_only_for_home_affairs(client, reviewer, tree):
    client.force_login(reviewer)
    grid = url("villages", tree.commune.pk) + "?year=2024"

    assert "<select" not in client.get(grid).content.decode()
    assert client.post(grid, {f"village-{tree.village.pk}": "ntm"}).status_code == 403
    assert not VillageYear.objects.exists()


def test_village_grid_is_404_outside_and_for_a_year_out_of_range(client, officer, outsider, tree):
    client.force_login(officer)
    assert client.get(url("villages", tree.commune.pk) + f"?year={NEXT_YEAR}").status_code == 404
    client.force_login(outsider)
    assert client.get(url("villages", tree.commune.pk)).status_code == 404


def test_district_village_page_counts_statuses_per_commune(client, reviewer, tree):
    VillageYear.objects.create(unit=tree.village, year=2024, status="ntm")
    client.force_login(reviewer)

    response = client.get(url("villages", tree.district.pk) + "?year=2024")

    commune, total, counts = response.context["rows"][0]
    assert (commune, total, counts) == (tree.commune, 1, [0, 0, 1, 0])


# ---------------------------------------------------------------------------------------------------------
# OCOP products and ratings


def test_officer_adds_a_product_then_its_rating_valid_36_months(client, officer, tree):
    client.force_login(officer)
    data = {"unit": tree.commune.pk, "name": "Gạo nếp", "owner_name": "HTX", "owner_kind": "cooperative"}

    response = client.post(url("ocop-create", tree.commune.pk), data | {"group": "food"})
    product = OcopProduct.objects.get()
    assert response["Location"] == url("rating-create", product.pk)
    rating = {"stars": "3", "score": "72,5", "rules_version": "148/2023", "level": "province"}
    client.post(url("rating-create", product.pk), rating | {"decision_number": "1", "decision_date": "12/12/2023"})

    saved = OcopRating.objects.get()
    assert (saved.score, saved.valid_until) == (Decimal("72.5"), datetime.date(2026, 12, 12))
    assert "12/12/2026" in client.get(url("ocop", tree.commune.pk)).content.decode()


def test_expired_ratings_are_marked(client, officer, product):
    old = OcopRating.objects.create(
        product=product, stars=3, rules_version="1048/2019", level="province", decision_date=datetime.date(2020, 3, 1)
    )
    OcopRating.objects.create(
        product=product, stars=4, rules_version="148/2023", level="province", decision_date=datetime.date.today()
    )
    client.force_login(officer)

    response = client.get(url("ocop", product.unit.pk))

    ratings = response.context["products"][0].ratings.all()
    assert [rating.expired for rating in ratings] == [False, True]
    assert ratings[1] == old


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"stars": "6"}, "stars"),
        ({"stars": "0"}, "stars"),
        ({"decision_date": TOMORROW}, "decision_date"),
        ({"score": "101"}, "score"),
        ({"decision_date": "01/02/2023"}, "rules_version"),  # QĐ 148 was signed on 24/02/2023
    ],
)
def test_rating_form_refuses_bad_input(client, officer, product, changes, field):
    client.force_login(officer)
    data = {"stars": "3", "rules_version": "148/2023", "level": "province", "decision_date": "12/12/2023"}

    response = client.post(url("rating-create", product.pk), data | changes)

    assert field in response.context["form"].errors
    assert not OcopRating.objects.exists()


def test_officer_deletes_a_rating(client, officer, product):
    rating = OcopRating.objects.create(
        product=product, stars=2, rules_version="1048/2019", level="district", decision_date=datetime.date(2022, 3, 1)
    )
    client.force_login(officer)

    assert client.get(url("rating-delete", rating.pk)).status_code == 405
    assert client.post(url("rating-delete", rating.pk)).status_code == 302
    assert not OcopRating.objects.exists()


def test_ocop_writes_are_for_the_communes_officer(client, reviewer, outsider, product):
    client.force_login(reviewer)
    assert client.get(url("ocop", product.unit.pk)).status_code == 200
    assert client.get(url("ocop-create", product.unit.pk)).status_code == 403
    assert client.get(url("rating-create", product.pk)).status_code == 403
    client.force_login(outsider)
    assert client.get(url("ocop-edit", product.pk)).status_code == 404
    assert client.get(url("ocop", product.unit.pk)).status_code == 404


# ---------------------------------------------------------------------------------------------------------
# Resources mobilised


def test_officer_records_resources_typed_with_thousand_separators(client, officer, tree):
    client.force_login(officer)

    response = client.post(url("resource-create", tree.commune.pk), resource_data(tree.commune))

    assert response.status_code == 302
    record = ResourceContribution.objects.get()
    assert (record.state_budget, record.people, record.labour_days) == (Decimal(1_250_000_000), 350_000_000, 830)
    html = client.get(url("resources", tree.commune.pk)).content.decode()
    assert "1.250.000.000 ₫" in html
    assert "1.600.000.000 ₫" in html  # the total


@pytest.mark.parametrize(
    ("typed", "land"), [("1.200", Decimal(1200)), ("1.200,5", Decimal("1200.5")), ("35,5", Decimal("35.5")), ("", 0)]
)
def test_land_is_read_as_vietnamese_write_numbers(client, officer, tree, typed, land):
    client.force_login(officer)

    client.post(url("resource-create", tree.commune.pk), resource_data(tree.commune, land_donated_m2=typed))

    assert ResourceContribution.objects.get().land_donated_m2 == land


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"state_budget": "-5.000.000"}, "state_budget"),
        ({"people": "12,50"}, "people"),
        ({"enterprises": "nhiều"}, "enterprises"),
        ({"land_donated_m2": "-3"}, "land_donated_m2"),
        ({"year": str(NEXT_YEAR)}, "year"),
    ],
)
def test_resource_form_refuses_bad_input(client, officer, tree, changes, field):
    client.force_login(officer)

    response = client.post(url("resource-create", tree.commune.pk), resource_data(tree.commune, **changes))

    assert field in response.context["form"].errors
    assert not ResourceContribution.objects.exists()


def test_resource_form_refuses_a_second_record_for_the_same_year(client, officer, tree):
    ResourceContribution.objects.create(unit=tree.commune, year=2024)
    client.force_login(officer)

    response = client.post(url("resource-create", tree.commune.pk), resource_data(tree.commune))

    assert "year" in response.context["form"].errors
    assert ResourceContribution.objects.count() == 1


def test_district_totals_sum_its_communes_per_year(client, reviewer, tree):
    ResourceContribution.objects.create(unit=tree.commune, year=2024, state_budget=1_000_000, people=500)
    ResourceContribution.objects.create(unit=tree.neighbour, year=2024, state_budget=2_000_000)
    ResourceContribution.objects.create(unit=tree.neighbour, year=2023, enterprises=7)
    ResourceContribution.objects.create(unit=tree.other_commune, year=2024, state_budget=9_999)
    client.force_login(reviewer)

    response = client.get(url("resources", tree.district.pk))

    totals = {row["year"]: (row["communes"], row["money"]) for row in response.context["totals"]}
    assert totals == {2024: (2, Decimal(3_000_500)), 2023: (1, Decimal(7))}
    assert "3.000.500 ₫" in response.content.decode()


def test_district_totals_take_the_same_queries_with_ten_times_the_communes(client, reviewer, tree, make_unit):
    client.force_login(reviewer)

    def add_communes(count, offset):
        for n in range(count):
            commune = make_unit(f"Xã {offset + n}", Kind.COMMUNE, tree.district)
            for year in (2023, 2024):
                ResourceContribution.objects.create(unit=commune, year=year, state_budget=1000 * n)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url("resources", tree.district.pk)).status_code == 200
        return len(captured)

    add_communes(2, 0)
    client.get(url("resources", tree.district.pk))  # a fresh session's expiry is stamped once
    few = queries()
    add_communes(18, 2)
    assert queries() == few


def test_resource_writes_are_for_the_communes_officer(client, reviewer, outsider, tree):
    record = ResourceContribution.objects.create(unit=tree.commune, year=2024)
    client.force_login(reviewer)
    assert client.get(url("resource-create", tree.district.pk)).status_code == 403
    assert client.post(url("resource-edit", record.pk), resource_data(tree.commune)).status_code == 403
    client.force_login(outsider)
    assert client.get(url("resource-edit", record.pk)).status_code == 404


# ---------------------------------------------------------------------------------------------------------
# Exemplary models


def test_officer_records_an_exemplary_model_of_a_village(client, officer, tree):
    client.force_login(officer)
    data = {"unit": tree.village.pk, "year": "2024", "kind": "practice", "title": "Đường hoa", "description": "Xanh"}

    assert client.post(url("model-create", tree.commune.pk), data).status_code == 302
    item = ExemplaryModel.objects.get()
    assert (item.unit, item.recorded_by) == (tree.village, officer)
    assert client.post(url("model-delete", item.pk)).status_code == 302
    assert not ExemplaryModel.objects.exists()


def test_exemplary_model_form_refuses_bad_input(client, officer, tree):
    client.force_login(officer)
    data = {"unit": tree.neighbour.pk, "year": str(NEXT_YEAR), "kind": "practice", "title": "", "description": "x"}

    response = client.post(url("model-create", tree.commune.pk), data)

    assert set(response.context["form"].errors) == {"unit", "year", "title"}  # the neighbour is not theirs
    assert not ExemplaryModel.objects.exists()


def test_exemplary_model_writes_are_for_the_communes_officer(client, leader, outsider, tree):
    item = ExemplaryModel.objects.create(unit=tree.commune, year=2024, kind="person", title="Hộ", description="…")
    client.force_login(leader)
    assert client.get(url("models", tree.district.pk)).status_code == 200
    assert client.post(url("model-delete", item.pk)).status_code == 403
    client.force_login(outsider)
    assert client.post(url("model-delete", item.pk)).status_code == 404
    assert ExemplaryModel.objects.exists()
