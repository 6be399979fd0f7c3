"""Suggestions: units recognised in the year and plans whose targets were all met, with a pre-filled text."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.models import Nomination, NomineeKind, Round
from awards.services import suggest_candidates
from campaigns.models import (
    Assessment,
    OcopProduct,
    OcopRating,
    Plan,
    Recognition,
    ResourceContribution,
    Target,
    VillageYear,
)
from units.models import CodeScheme, Kind

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def recognise(unit, status, day, **fields):
    return Recognition.objects.create(
        unit=unit, status=status, decision_date=datetime.date.fromisoformat(day), **fields
    )


@pytest.fixture
def recognised(tree):
    """The commune (NTM, 20/12/2024) and the village (NTM village, 01/11/2024); others that must not show."""
    recognise(tree.commune, "xa_ntm", "2024-12-20", decision_number="123/QĐ-UBND", issuer="UBND tỉnh Một")
    recognise(tree.village, "thon_ntm", "2024-11-01")
    recognise(tree.neighbour, "xa_ntm", "2023-12-01")  # another year
    recognise(tree.neighbour, "xa_nang_cao", "2024-05-01", revoked_on=datetime.date(2024, 9, 1))
    recognise(tree.other_commune, "xa_ntm", "2024-12-01")  # another province


@pytest.fixture
def district_plan(campaign, tree):
    return Plan.objects.create(
        campaign=campaign,
        number="3254/KH-UBND",
        title="Chung sức xây dựng nông thôn mới",
        issue_date=datetime.date(2022, 11, 3),
        issuing_unit=tree.district,
        issuer_name="UBND huyện Hai",
        status=Plan.Status.ISSUED,
    )


def add_target(plan, units, *, deadline_year=2024, description="Xã Trường Hà đạt chuẩn NTM"):
    target = Target.objects.create(
        plan=plan,
        type=Target.Type.UNIT_MILESTONE,
        description=description,
        status="xa_ntm",
        deadline_year=deadline_year,
    )
    target.units.set(units)
    return target


def by_name(suggestions) -> dict:
    return {(s.unit.name, s.unit.kind): s for s in suggestions}


def test_communes_and_villages_recognised_in_the_year_are_suggested(recognised, tree, reviewer, forms, campaign):
    suggestions = suggest_candidates(tree.district, year=2024, by=reviewer)

    assert [s.unit for s in suggestions] == [tree.commune, tree.village]
    commune, village = suggestions
    assert (commune.round, commune.round_year, commune.campaign) == (Round.ANNUAL, 2024, campaign)
    assert commune.nominee_kind == NomineeKind.COLLECTIVE
    assert commune.reasons == ["Recognised: Commune: NTM standard (20/12/2024)"]
    assert commune.achievements == (
        "- Recognised as Commune: NTM standard by decision 123/QĐ-UBND of 20/12/2024 (UBND tỉnh Một)."
    )
    assert village.achievements == "- Recognised as Village: NTM standard on 01/11/2024."


def test_the_suggested_form_is_the_best_certificate_the_level_above_grants(recognised, tree, reviewer, forms):
    commune, village = suggest_candidates(tree.district, year=2024, by=reviewer)

    assert commune.award_form == forms.district_certificate
    assert village.award_form == forms.commune_certificate


def test_after_the_reform_a_commune_is_suggested_for_the_provinces_certificate(tree, province_reviewer, forms):
    recognise(tree.commune, "xa_nang_cao", "2025-03-01")

    [suggestion] = suggest_candidates(tree.new_province, year=2025, by=province_reviewer)

    assert suggestion.unit == tree.commune  # the 2025 province reads the legacy subtree it succeeded
    assert suggestion.award_form == forms.province_merit


def test_the_text_is_filled_from_the_recorded_data_of_the_year(recognised, tree, reviewer):
    Assessment.objects.create(unit=tree.commune, year=2024, criteria_met=19, status=Assessment.Status.APPROVED)
    Assessment.objects.create(unit=tree.commune, year=2023, criteria_met=15, status=Assessment.Status.APPROVED)
    honey = OcopProduct.objects.create(
        unit=tree.commune, name="Mật ong bạc hà", owner_name="HTX Trường Hà", owner_kind="cooperative", group="food"
    )
    OcopRating.objects.create(
        product=honey, stars=4, rules_version="148/2023", level="province", decision_date=datetime.date(2024, 8, 1)
    )
    ResourceContribution.objects.create(
        unit=tree.commune,
        year=2024,
        state_budget=12_000_000_000,
        people=1_500_000_000,
        enterprises=500_000_000,
        land_donated_m2=2500,
        labour_days=3200,
    )
    VillageYear.objects.create(unit=tree.village, year=2024, status=VillageYear.Status.NTM, criteria_met=19)

    commune, village = suggest_candidates(tree.district, year=2024, by=reviewer)

    lines = commune.achievements.splitlines()
    assert lines[1:] == [
        "- Criteria met in 2024: 19/19.",
        "- OCOP products rated in 2024: Mật ong bạc hà (4★).",
        "- Resources mobilised in 2024: 14.000.000.000 VND (state budget 12.000.000.000, people 1.500.000.000, "
        "enterprises 500.000.000); 2500 m² of land donated; 3.200 labour days.",
    ]
    assert village.achievements.splitlines()[1] == "- Status in 2024: NTM standard, 19 criteria met."


def test_a_plan_whose_targets_were_all_met_suggests_its_issuing_unit(recognised, district_plan, tree, reviewer, forms):
    add_target(district_plan, [tree.commune])

    suggestions = by_name(suggest_candidates(tree.province, year=2024, by=reviewer))
    district = suggestions["Huyện Hai", Kind.DISTRICT]

    assert district.plan == district_plan
    assert district.campaign == district_plan.campaign
    assert district.reasons == ["All targets of plan 3254/KH-UBND · 03/11/2022 met"]
    assert district.achievements == (
        "All targets of plan 3254/KH-UBND · 03/11/2022 were met:\n- Xã Trường Hà đạt chuẩn NTM (1/1)"
    )
    # Above the district is the province: its best certificate, not its emulation flag.
    assert district.award_form == forms.province_merit


def test_a_plan_with_a_target_not_met_suggests_nobody(recognised, district_plan, tree, reviewer):
    add_target(district_plan, [tree.commune])
    add_target(district_plan, [tree.neighbour], description="Xã Ngọc Đào đạt NTM nâng cao")
    Target.objects.filter(description__contains="Ngọc Đào").update(status="xa_nang_cao")

    suggestions = by_name(suggest_candidates(tree.province, year=2024, by=reviewer))

    assert ("Huyện Hai", Kind.DISTRICT) not in suggestions


def test_a_plan_without_targets_suggests_nobody(district_plan, tree, reviewer):
    assert suggest_candidates(tree.district, year=2024, by=reviewer) == []


def test_a_unit_already_nominated_in_the_round_is_left_out(recognised, make_nomination, make_nominee, tree, reviewer):
    make_nomination(nominee=make_nominee(tree.commune), status=Nomination.Status.SUBMITTED, reviewer_unit=tree.district)

    assert [s.unit for s in suggest_candidates(tree.district, year=2024, by=reviewer)] == [tree.village]


def test_a_rejected_nomination_does_not_hide_the_unit(recognised, make_nomination, make_nominee, tree, reviewer):
    make_nomination(nominee=make_nominee(tree.commune), status=Nomination.Status.REJECTED, decision_reason="Thiếu")
    make_nomination(nominee=make_nominee(tree.village), round_year=2023)

    assert [s.unit for s in suggest_candidates(tree.district, year=2024, by=reviewer)] == [tree.commune, tree.village]


def test_an_existing_nominee_record_is_offered_for_reuse(recognised, make_nominee, tree, reviewer):
    nominee = make_nominee(tree.village)

    commune, village = suggest_candidates(tree.district, year=2024, by=reviewer)

    assert (commune.nominee, village.nominee) == (None, nominee)


def test_nothing_outside_the_users_scope_is_suggested(recognised, tree, outsider):
    assert suggest_candidates(tree.district, year=2024, by=outsider) == []


def test_the_query_count_does_not_grow_with_the_candidates(tree, reviewer, make_unit, forms, campaign):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            suggest_candidates(tree.district, year=2024, by=reviewer)
        return len(queries)

    legacy = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}
    for i in range(2):
        recognise(make_unit(f"Xã Số {i}", Kind.COMMUNE, tree.district, **legacy), "xa_ntm", "2024-06-01")
    count_queries()  # the user's memberships and scope are read once, then cached on the user
    few = count_queries()
    for i in range(2, 8):
        recognise(make_unit(f"Xã Số {i}", Kind.COMMUNE, tree.district, **legacy), "xa_ntm", "2024-06-01")

    assert count_queries() == few
