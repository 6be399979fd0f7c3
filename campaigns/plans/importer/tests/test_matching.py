import datetime

import pytest

from campaigns.plans.importer import read_plan
from campaigns.plans.importer.matching import match_names, resolve
from campaigns.plans.importer.tests.conftest import seed
from units.models import Kind

pytestmark = pytest.mark.django_db


def test_a_name_two_units_carry_is_not_chosen_but_both_are_candidates(make_unit, ha_quang):
    twin = make_unit("Xã Sóc Hà", Kind.COMMUNE, ha_quang.other, code="09999")
    match, candidates = match_names(["Sóc Hà"], [ha_quang.communes["Sóc Hà"], twin])
    assert match is None
    assert set(candidates) == {ha_quang.communes["Sóc Hà"], twin}


def test_an_ocr_spelling_is_offered_as_a_candidate_and_asked(ha_quang):
    draft = resolve(read_plan(seed("ha-quang-district-plan-2022")))
    target = draft.lists["targets"][1]
    assert target.status == "ambiguous"
    first = target.value["matches"][0]
    assert first["name"] == "Trudng Ha" and first["pk"] == ha_quang.communes["Trường Hà"].pk


def test_the_issuing_unit_is_looked_for_in_the_tree_valid_on_the_plan_date(make_unit, ha_quang):
    make_unit("Huyện Hà Quảng", Kind.DISTRICT, ha_quang.province, code="999", valid_from=datetime.date(2030, 1, 1))
    draft = resolve(read_plan(seed("ha-quang-district-plan-2022")))
    assert draft.header["issuing_unit"].value["pk"] == ha_quang.district.pk


def test_another_districts_user_is_not_offered_ha_quangs_units(elsewhere, ha_quang):
    draft = resolve(read_plan(seed("ha-quang-district-plan-2022")), user=elsewhere)
    assert draft.header["issuing_unit"].status != "found"
    assert all(m["pk"] is None for t in draft.lists["targets"] for m in t.value.get("matches", []))


def test_a_village_named_and_missing_is_created_only_on_confirmation(make_unit, ha_quang, official):
    from campaigns.models import Campaign, Plan
    from campaigns.plans.importer.saving import Confirmed, save_imported_plan
    from units.models import Unit

    commune = ha_quang.communes["Trường Hà"]
    text = seed("lang-son-commune-plan-2022").replace(
        "xây dựng và công nhận mới 02 - 03 khu dân cư nông thôn mới kiểu mẫu",
        "phấn đấu thôn Nà Pàn đạt chuẩn nông thôn mới năm 2024",
    )
    before = Unit.objects.count()
    draft = resolve(read_plan(text), unit=commune)
    village_target = next(t for t in draft.lists["targets"] if t.value["units"] == ["Nà Pàn"])
    assert village_target.value["matches"][0]["create"] is True
    assert Unit.objects.count() == before  # proposing creates nothing

    campaign = Campaign.objects.get(name="Cả nước chung sức xây dựng nông thôn mới", start_year=2021)
    plan = Plan(campaign=campaign, title="x", issuing_unit=commune, issuer_name="UBND xã Trường Hà")
    item = dict(village_target.value, chosen=[("new", "Nà Pàn")])
    save_imported_plan(Confirmed(plan=plan, targets=[item]), by=official)
    village = Unit.objects.get(name="Thôn Nà Pàn")
    assert village.parent == commune and village.kind == Kind.VILLAGE
    assert list(plan.targets.get().units.all()) == [village]
