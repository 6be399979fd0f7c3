"""The live computation of every target type (campaigns.targets.evaluation.evaluate_targets)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from campaigns.models import Assessment, Measurement, OcopProduct, OcopRating, Plan, RecognitionStatus, Target
from campaigns.targets.evaluation import State, evaluate_targets
from units.models import CodeScheme, Kind

pytestmark = pytest.mark.django_db

D = datetime.date
NTM = RecognitionStatus.COMMUNE_NTM
ADVANCED = RecognitionStatus.COMMUNE_ADVANCED
VILLAGE_NTM = RecognitionStatus.VILLAGE_NTM
VILLAGE_MODEL = RecognitionStatus.VILLAGE_MODEL
T = Target.Type


@pytest.fixture(autouse=True)
def english():
    """Details are gettext strings; assert on the English msgids whatever the Vietnamese catalogue says."""
    with translation.override("en"):
        yield


def evaluate(target, today):
    """Evaluate one target freshly loaded, as a page would."""
    return evaluate_targets(Target.objects.filter(pk=target.pk), today=today)[target.pk]


@pytest.fixture
def commune(make_unit, district):
    def make(name, **fields):
        return make_unit(name, Kind.COMMUNE, district, **fields)

    return make


@pytest.fixture
def assess(db):
    def make(unit, year, criteria_met, status=Assessment.Status.APPROVED):
        return Assessment.objects.create(unit=unit, year=year, criteria_met=criteria_met, status=status)

    return make


@pytest.fixture
def rate(db):
    """rate(commune, "Miến dong", stars=3, level="province", decided="2022-05-01"): one product, one rating."""

    def make(commune, name, *, stars, level, decided, product=None):
        product = product or OcopProduct.objects.create(
            unit=commune, name=name, owner_name="HTX", owner_kind="cooperative", group="food"
        )
        OcopRating.objects.create(
            product=product,
            stars=stars,
            level=level,
            rules_version="148/2023",
            decision_date=D.fromisoformat(decided),
        )
        return product

    return make


# --- evaluate_targets --------------------------------------------------------------------------------------


def test_evaluate_targets_returns_results_keyed_by_target_pk(make_target, commune, recognise):
    truong_ha = commune("Xã Trường Hà")
    recognise(truong_ha, NTM, "2023-09-01")
    first = make_target(T.UNIT_MILESTONE, status=NTM, units=[truong_ha])
    second = make_target(T.UNIT_SHARE, status=NTM, unit_kind=Kind.COMMUNE, target_value=1)

    results = evaluate_targets(Target.objects.all(), today=D(2024, 1, 1))

    assert set(results) == {first.pk, second.pk}
    assert results[first.pk].target == first
    assert results[second.pk].current == Decimal(1)
    assert evaluate_targets([]) == {}


def test_a_target_past_its_deadline_is_judged_at_the_deadline(make_target, commune):
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[commune("Xã Trường Hà")], deadline_year=2023)

    assert evaluate(target, D(2026, 5, 1)).as_of_year == 2023
    assert evaluate(target, D(2022, 5, 1)).as_of_year == 2022


# --- milestone ---------------------------------------------------------------------------------------------


def test_milestone_counts_a_recognition_by_the_deadline_and_shows_a_later_one(make_target, commune, recognise):
    truong_ha, quy_quan = commune("Xã Trường Hà"), commune("Xã Quý Quân")
    recognise(truong_ha, NTM, "2023-09-01")
    recognise(quy_quan, NTM, "2026-03-01")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[truong_ha, quy_quan])

    result = evaluate(target, D(2026, 6, 1))

    assert (result.current, result.goal, result.state) == (1, 2, State.MISSED)
    assert (result.progress, result.state_label) == (0.5, "Missed")
    assert result.details == [("Xã Trường Hà", "2023 ✓"), ("Xã Quý Quân", "2026 (after the deadline)")]


def test_milestone_before_its_deadline_is_on_track_while_units_are_missing(make_target, commune, recognise):
    truong_ha, quy_quan = commune("Xã Trường Hà"), commune("Xã Quý Quân")
    recognise(truong_ha, NTM, "2023-09-01")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[truong_ha, quy_quan])

    result = evaluate(target, D(2024, 6, 1))

    assert result.state == State.ON_TRACK
    assert ("Xã Quý Quân", "not yet") in result.details


def test_milestone_is_achieved_when_every_named_unit_reached_the_status(make_target, commune, recognise):
    truong_ha = commune("Xã Trường Hà")
    recognise(truong_ha, NTM, "2023-09-01")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[truong_ha])

    result = evaluate(target, D(2024, 6, 1))

    assert (result.state, result.progress) == (State.ACHIEVED, 1.0)


def test_milestone_counts_advanced_ntm_for_an_ntm_target(make_target, commune, recognise):
    ngoc_dao = commune("Xã Ngọc Đào")
    recognise(ngoc_dao, ADVANCED, "2024-10-10")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[ngoc_dao])

    result = evaluate(target, D(2025, 1, 1))

    assert result.state == State.ACHIEVED
    assert result.details == [("Xã Ngọc Đào", "2024 ✓")]


def test_milestone_for_advanced_ntm_does_not_count_plain_ntm(make_target, commune, recognise):
    ngoc_dao = commune("Xã Ngọc Đào")
    recognise(ngoc_dao, NTM, "2019-12-01")
    target = make_target(T.UNIT_MILESTONE, status=ADVANCED, units=[ngoc_dao])

    assert evaluate(target, D(2025, 1, 1)).current == 0


def test_milestone_ignores_a_revoked_recognition(make_target, commune, recognise):
    truong_ha = commune("Xã Trường Hà")
    recognise(truong_ha, NTM, "2023-09-01", revoked_on="2024-05-20")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[truong_ha])

    result = evaluate(target, D(2024, 6, 1))

    assert result.current == 0
    assert result.details == [("Xã Trường Hà", "revoked on 20/05/2024")]


def test_milestone_still_counts_a_recognition_revoked_after_the_deadline(make_target, commune, recognise):
    truong_ha = commune("Xã Trường Hà")
    recognise(truong_ha, NTM, "2023-09-01", revoked_on="2026-02-01")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[truong_ha])

    assert evaluate(target, D(2026, 6, 1)).state == State.ACHIEVED


def test_milestone_breakdown_puts_a_late_plan_off_track(make_target, commune, recognise):
    units = [commune(name) for name in ("Xã Trường Hà", "Xã Quý Quân", "Xã Đa Thông", "Xã Cần Yên")]
    recognise(units[0], NTM, "2023-09-01")
    # Trường Hà in 2023, Quý Quân in 2024, two more in 2025: increments adding up to the 4 units.
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=units, years={2023: 1, 2024: 1, 2025: 2})

    assert evaluate(target, D(2024, 6, 1)).state == State.OFF_TRACK

    recognise(units[1], NTM, "2024-05-01")
    assert evaluate(target, D(2024, 6, 1)).state == State.ON_TRACK


def test_milestone_target_value_sets_the_goal(make_target, commune, recognise):
    units = [commune("Xã Một"), commune("Xã Hai"), commune("Xã Ba")]
    recognise(units[0], NTM, "2023-01-01")
    recognise(units[1], NTM, "2023-01-01")
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=units, target_value=2)

    result = evaluate(target, D(2024, 1, 1))

    assert (result.current, result.goal, result.state) == (2, 2, State.ACHIEVED)


def test_milestone_without_named_units_has_no_data(make_target):
    target = make_target(T.UNIT_MILESTONE, status=NTM)

    assert evaluate(target, D(2024, 1, 1)).state == State.NO_DATA


# --- keep --------------------------------------------------------------------------------------------------


def test_keep_is_achieved_while_named_units_hold_the_status_or_higher(make_target, commune, recognise):
    ngoc_dao, soc_ha = commune("Xã Ngọc Đào"), commune("Xã Sóc Hà")
    recognise(ngoc_dao, NTM, "2019-12-01")
    recognise(soc_ha, NTM, "2020-12-01", revoked_on="2023-01-01")
    recognise(soc_ha, ADVANCED, "2022-12-01")
    target = make_target(T.KEEP_STATUS, status=NTM, units=[ngoc_dao, soc_ha])

    result = evaluate(target, D(2024, 6, 1))

    assert (result.current, result.goal, result.state) == (2, 2, State.ACHIEVED)
    assert result.details == [("Xã Ngọc Đào", "since 2019 ✓"), ("Xã Sóc Hà", "since 2022 ✓")]


def test_keep_is_off_track_when_a_named_unit_lost_the_status(make_target, commune, recognise):
    ngoc_dao, luong_can = commune("Xã Ngọc Đào"), commune("Xã Lương Can")
    recognise(ngoc_dao, NTM, "2019-12-01")
    recognise(luong_can, NTM, "2020-12-01", revoked_on="2024-03-01")
    target = make_target(T.KEEP_STATUS, status=NTM, units=[ngoc_dao, luong_can])

    result = evaluate(target, D(2024, 6, 1))

    assert (result.current, result.state) == (1, State.OFF_TRACK)
    assert ("Xã Lương Can", "revoked on 01/03/2024") in result.details
    assert evaluate(target, D(2026, 6, 1)).state == State.MISSED


def test_keep_without_named_units_follows_those_at_the_status_when_the_plan_was_issued(make_target, commune, recognise):
    before, after, lost = commune("Xã Trước"), commune("Xã Sau"), commune("Xã Mất")
    recognise(before, NTM, "2019-12-01")
    recognise(after, NTM, "2023-06-01")  # recognised after the plan (03/11/2022): not a unit to keep
    recognise(lost, NTM, "2020-12-01", revoked_on="2024-02-02")
    target = make_target(T.KEEP_STATUS, status=NTM)

    result = evaluate(target, D(2024, 6, 1))

    assert (result.current, result.goal, result.state) == (1, 2, State.OFF_TRACK)
    assert result.details == [("Xã Mất", "revoked on 02/02/2024")]


# --- share -------------------------------------------------------------------------------------------------


def share(make_target, **fields):
    fields = {"status": NTM, "unit_kind": Kind.COMMUNE, "target_value": 80, **fields}
    return make_target(T.UNIT_SHARE, **fields)


def test_share_counts_units_at_the_status_or_higher_in_force(make_target, commune, recognise):
    ntm, advanced, _not_yet, revoked = (commune(f"Xã {n}") for n in ("A", "B", "C", "D"))
    recognise(ntm, NTM, "2023-01-01")
    recognise(advanced, ADVANCED, "2023-01-01")
    recognise(revoked, NTM, "2022-01-01", revoked_on="2023-05-05")
    target = share(make_target, measure=Target.Measure.PERCENT)

    result = evaluate(target, D(2024, 6, 1))

    assert result.current == Decimal("50.00")
    assert result.details == [("Counted units", "4"), ("At the status", "2")]


def test_share_counts_recognitions_up_to_31_12_of_the_deadline_year(make_target, commune, recognise):
    in_time, too_late = commune("Xã Kịp"), commune("Xã Muộn")
    recognise(in_time, NTM, "2025-12-31")
    recognise(too_late, NTM, "2026-01-02")
    target = share(make_target, target_value=2)

    result = evaluate(target, D(2026, 6, 1))

    assert (result.current, result.state, result.as_of_year) == (1, State.MISSED, 2025)


def test_share_percent_rounds_to_two_decimals(make_target, commune, recognise):
    communes = [commune(f"Xã {n}") for n in range(3)]
    recognise(communes[0], NTM, "2023-01-01")
    target = share(make_target, measure=Target.Measure.PERCENT)

    assert evaluate(target, D(2024, 1, 1)).current == Decimal("33.33")


def test_share_only_mountainous_counts_mountainous_communes(make_target, commune, recognise):
    high, low = commune("Xã Núi", is_mountainous=True), commune("Xã Đồng")
    recognise(high, NTM, "2023-01-01")
    recognise(low, NTM, "2023-01-01")
    target = share(make_target, only_mountainous=True, measure=Target.Measure.PERCENT)

    result = evaluate(target, D(2024, 1, 1))

    assert (result.current, result.details[0]) == (Decimal("100.00"), ("Counted units", "1"))


def test_share_filters_combine(make_target, commune, recognise):
    commune("Xã Núi", is_mountainous=True)
    commune("Xã Biên giới", is_border=True)
    both = commune("Xã Núi biên giới", is_mountainous=True, is_border=True)
    recognise(both, NTM, "2023-01-01")
    target = share(make_target, only_mountainous=True, only_border=True, measure=Target.Measure.PERCENT)

    assert evaluate(target, D(2024, 1, 1)).current == Decimal("100.00")


def test_share_of_villages_matches_especially_difficult_through_the_commune(make_unit, make_target, commune, recognise):
    difficult = commune("Xã Khó", is_especially_difficult=True)
    easy = commune("Xã Dễ")
    villages = [make_unit(f"Xóm {n}", Kind.VILLAGE, difficult) for n in range(4)]
    make_unit("Xóm Đặc biệt", Kind.VILLAGE, easy, is_especially_difficult=True)
    make_unit("Xóm Thường", Kind.VILLAGE, easy)
    recognise(villages[0], VILLAGE_NTM, "2023-01-01")
    recognise(villages[1], VILLAGE_MODEL, "2023-01-01")  # a model area is also an NTM village
    target = share(
        make_target,
        status=VILLAGE_NTM,
        unit_kind=Kind.VILLAGE,
        only_especially_difficult=True,
        measure=Target.Measure.PERCENT,
        target_value=40,
    )

    result = evaluate(target, D(2024, 1, 1))

    assert result.details == [("Counted units", "5"), ("At the status", "2")]
    assert result.current == Decimal("40.00")


def test_share_population_keeps_legacy_units_and_drops_those_ended_before_the_plan(
    make_unit, make_target, commune, recognise
):
    legacy = commune("Xã Sóc Hà", code_scheme=CodeScheme.LEGACY, valid_to=D(2025, 6, 30))
    commune("Xã Sáp nhập 2020", valid_to=D(2020, 12, 31))
    commune("Xã Mới 2026", valid_from=D(2026, 1, 1))
    recognise(legacy, NTM, "2020-01-01")
    target = share(make_target, measure=Target.Measure.PERCENT)

    result = evaluate(target, D(2026, 3, 1))

    assert result.details == [("Counted units", "1"), ("At the status", "1")]
    assert result.current == Decimal("100.00")


def test_share_counts_only_units_inside_the_scope(make_unit, make_target, commune, recognise, province):
    inside = commune("Xã Trong")
    other_district = make_unit("Huyện Khác", Kind.DISTRICT, province)
    outside = make_unit("Xã Ngoài", Kind.COMMUNE, other_district)
    recognise(inside, NTM, "2023-01-01")
    recognise(outside, NTM, "2023-01-01")
    district_target = share(make_target)
    other_target = share(make_target, scope_unit=other_district)
    province_target = share(make_target, scope_unit=province)

    results = evaluate_targets(Target.objects.all(), today=D(2024, 1, 1))

    assert results[district_target.pk].current == 1
    assert results[other_target.pk].current == 1
    assert results[province_target.pk].details == [("Counted units", "2"), ("At the status", "2")]


def test_share_projects_from_the_baseline_to_the_deadline(make_target, commune, recognise):
    communes = [commune(f"Xã {n}") for n in range(12)]
    for unit in communes[:8]:
        recognise(unit, NTM, "2023-01-01")
    target = share(make_target, baseline_value=6, baseline_year=2022, target_value=10)

    result = evaluate(target, D(2024, 6, 1))

    # 6 in 2022, 8 in 2024: one a year, 9 by 2025.
    assert (result.current, result.baseline, result.projection) == (8, 6, Decimal("9.00"))
    assert result.state == State.OFF_TRACK
    assert result.progress == 0.5

    recognise(communes[8], NTM, "2024-01-01")
    result = evaluate(target, D(2024, 6, 1))
    assert (result.projection, result.state) == (Decimal("10.50"), State.ON_TRACK)


def test_share_without_baseline_projects_from_zero_at_the_plans_issue_year(make_target, commune, recognise):
    communes = [commune(f"Xã {n}") for n in range(12)]
    for unit in communes[:6]:
        recognise(unit, NTM, "2023-01-01")
    target = share(make_target, target_value=10)

    result = evaluate(target, D(2024, 6, 1))

    assert (result.projection, result.state) == (Decimal("9.00"), State.OFF_TRACK)

    recognise(communes[6], NTM, "2024-01-01")
    assert evaluate(target, D(2024, 6, 1)).state == State.ON_TRACK


@pytest.mark.parametrize(
    ("breakdown", "reached", "state"),
    [
        ({2023: 2, 2024: 6, 2025: 10}, 6, State.ON_TRACK),  # levels
        ({2023: 2, 2024: 6, 2025: 10}, 5, State.OFF_TRACK),
        ({2023: 2, 2024: 4, 2025: 4}, 6, State.ON_TRACK),  # increments adding up to the goal
        ({2023: 2, 2024: 4, 2025: 4}, 5, State.OFF_TRACK),
    ],
)
def test_share_breakdown_decides_on_or_off_track(make_target, commune, recognise, breakdown, reached, state):
    communes = [commune(f"Xã {n}") for n in range(12)]
    for unit in communes[:reached]:
        recognise(unit, NTM, "2023-01-01")
    # Without the breakdown, 6 by 2024 from 0 in 2022 projects to 9 < 10: off track.
    target = share(make_target, target_value=10, years=breakdown)

    assert evaluate(target, D(2024, 6, 1)).state == state


def test_share_with_no_unit_in_scope_has_no_data(make_target):
    result = evaluate(share(make_target), D(2024, 1, 1))

    assert (result.state, result.current, result.progress) == (State.NO_DATA, None, None)


def test_share_of_a_plan_without_issuing_unit_has_no_data(make_target, campaign):
    national = Plan.objects.create(campaign=campaign, title="Quốc gia", issuer_name="Thủ tướng Chính phủ")

    assert evaluate(share(make_target, plan=national), D(2024, 1, 1)).state == State.NO_DATA


# --- criteria: average, minimum, gain -----------------------------------------------------------------------


def test_average_criteria_reads_the_latest_year_of_approved_assessments(make_target, commune, assess):
    one, two, three = commune("Xã Một"), commune("Xã Hai"), commune("Xã Ba")
    assess(one, 2023, 14)
    assess(two, 2023, 15)
    assess(one, 2024, 16)
    assess(two, 2024, 17)
    assess(three, 2024, 19, status=Assessment.Status.SUBMITTED)  # not approved: ignored
    assess(one, 2025, 19)  # after the as-of year: ignored
    target = make_target(T.AVERAGE_CRITERIA, target_value=Decimal("16.5"))

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.state) == (Decimal("16.50"), State.ACHIEVED)
    assert result.details == [("2023", "14.5 (2 communes)"), ("2024", "16.5 (2 communes)")]


def test_average_criteria_projects_from_the_baseline(make_target, commune, assess):
    one, two = commune("Xã Một"), commune("Xã Hai")
    assess(one, 2024, 15)
    assess(two, 2024, 15)
    target = make_target(T.AVERAGE_CRITERIA, target_value=Decimal("16.5"), baseline_value=14, baseline_year=2022)

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.projection, result.state) == (Decimal("15.00"), Decimal("15.50"), State.OFF_TRACK)
    assert result.progress == pytest.approx(0.4)


def test_average_criteria_without_approved_assessments_has_no_data(make_target, commune, assess):
    assess(commune("Xã Một"), 2024, 15, status=Assessment.Status.DRAFT)
    target = make_target(T.AVERAGE_CRITERIA, target_value=15)

    assert evaluate(target, D(2024, 12, 1)).state == State.NO_DATA


def test_minimum_criteria_lists_the_communes_below_the_target(make_target, commune, assess):
    assess(commune("Xã Đủ"), 2024, 16)
    assess(commune("Xã Thiếu"), 2024, 12)
    assess(commune("Xã Sát"), 2024, 14)
    target = make_target(T.MINIMUM_CRITERIA, target_value=15)

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.state) == (12, State.OFF_TRACK)
    assert result.details == [("2024", "3 communes assessed"), ("Xã Thiếu", "12/19"), ("Xã Sát", "14/19")]
    assert result.progress == pytest.approx(1 / 3)
    assert evaluate(target, D(2026, 1, 1)).state == State.MISSED


def test_minimum_criteria_is_achieved_when_no_commune_is_below(make_target, commune, assess):
    assess(commune("Xã Núi", is_mountainous=True), 2024, 13)
    assess(commune("Xã Đồng"), 2024, 9)  # not mountainous: outside the filtered target
    target = make_target(T.MINIMUM_CRITERIA, target_value=13, only_mountainous=True)

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.state, result.progress) == (13, State.ACHIEVED, 1.0)


def test_criteria_gain_averages_the_latest_yearly_gains_and_lists_those_outside_the_range(make_target, commune, assess):
    rising, flat, full = commune("Xã Lên"), commune("Xã Đứng"), commune("Xã Đủ")
    for unit, before, after in [(rising, 12, 14), (flat, 13, 13), (full, 19, 19)]:
        assess(unit, 2023, before)
        assess(unit, 2024, after)
    assess(commune("Xã Một năm"), 2024, 10)  # no previous year: no gain to judge
    target = make_target(T.CRITERIA_GAIN, target_value=1, target_value_max=2)

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.goal, result.goal_max) == (Decimal("0.67"), 1, 2)
    assert result.details == [("Xã Đứng", "+0 (2024)")]  # a commune at 19/19 has nothing left to gain
    assert result.state == State.OFF_TRACK


def test_criteria_gain_within_the_range_is_on_track_then_achieved(make_target, commune, assess):
    one = commune("Xã Một")
    assess(one, 2022, 11)
    assess(one, 2023, 13)
    assess(one, 2025, 15)  # 2024 missing: 2023 is the latest pair
    target = make_target(T.CRITERIA_GAIN, target_value=1, target_value_max=2)

    assert evaluate(target, D(2024, 12, 1)).state == State.ON_TRACK
    result = evaluate(target, D(2026, 3, 1))
    assert (result.current, result.state) == (2, State.ACHIEVED)


def test_criteria_gain_without_two_consecutive_years_has_no_data(make_target, commune, assess):
    one = commune("Xã Một")
    assess(one, 2022, 11)
    assess(one, 2024, 13)
    target = make_target(T.CRITERIA_GAIN, target_value=1, target_value_max=2)

    assert evaluate(target, D(2024, 12, 1)).state == State.NO_DATA


# --- OCOP --------------------------------------------------------------------------------------------------


def test_ocop_counts_products_per_year_at_or_above_the_stars_at_the_level(
    make_unit, make_target, commune, rate, province
):
    here = commune("Xã Trường Hà")
    elsewhere = make_unit("Xã Khác", Kind.COMMUNE, make_unit("Huyện Khác", Kind.DISTRICT, province))
    rate(here, "Miến dong", stars=3, level="province", decided="2022-05-01")
    rate(here, "Mật ong", stars=4, level="province", decided="2022-08-01")  # ≥ 3 stars counts
    rate(here, "Chè", stars=3, level="district", decided="2023-03-01")  # wrong level
    rate(here, "Rượu", stars=2, level="province", decided="2023-04-01")  # too few stars
    tea = rate(here, "Lạp sườn", stars=3, level="province", decided="2024-01-10")
    rate(here, None, stars=3, level="province", decided="2024-09-10", product=tea)  # re-rated: counted once
    rate(here, "Gạo", stars=3, level="province", decided="2024-10-01")
    rate(elsewhere, "Cá", stars=5, level="province", decided="2024-01-01")  # outside the scope
    target = make_target(T.OCOP_PRODUCTS, ocop_stars=3, ocop_level="province", target_value=2, target_value_max=3)

    result = evaluate(target, D(2024, 11, 1))

    assert (result.current, result.goal, result.goal_max) == (2, 2, 3)
    assert result.details == [("2022", "2 products ✓"), ("2023", "0 products"), ("2024", "2 products ✓")]
    assert result.state == State.OFF_TRACK


def test_ocop_is_on_track_while_every_finished_year_met_the_goal(make_target, commune, rate):
    here = commune("Xã Trường Hà")
    rate(here, "Miến dong", stars=3, level="district", decided="2022-05-01")
    rate(here, "Mật ong", stars=3, level="district", decided="2023-05-01")
    target = make_target(T.OCOP_PRODUCTS, ocop_stars=2, ocop_level="district", target_value=1, deadline_year=2024)

    result = evaluate(target, D(2024, 3, 1))  # nothing yet in 2024, but the year is not over
    assert (result.current, result.state) == (0, State.ON_TRACK)

    assert evaluate(target, D(2025, 3, 1)).state == State.MISSED
    rate(here, "Chè", stars=3, level="district", decided="2024-05-01")
    assert evaluate(target, D(2025, 3, 1)).state == State.ACHIEVED


def test_ocop_breakdown_sets_the_goal_of_its_year(make_target, commune, rate):
    here = commune("Xã Trường Hà")
    rate(here, "Miến dong", stars=3, level="province", decided="2022-05-01")
    target = make_target(T.OCOP_PRODUCTS, ocop_stars=3, target_value=2, years={2022: 1})

    result = evaluate(target, D(2023, 3, 1))

    assert result.details == [("2022", "1 product ✓"), ("2023", "0 products")]
    assert (result.goal, result.state) == (2, State.ON_TRACK)


# --- ratio and free indicator ------------------------------------------------------------------------------


def measure(unit, indicator, values, unit_of_measure="triệu đồng"):
    for year, value in values.items():
        Measurement.objects.create(
            unit=unit, indicator=indicator, year=year, value=Decimal(value), unit_of_measure=unit_of_measure
        )


INCOME = "rural income per head"


@pytest.mark.parametrize(
    ("latest", "current", "projection", "state"),
    [
        ("42", Decimal("1.400"), Decimal("1.500"), State.ON_TRACK),
        ("39", Decimal("1.300"), Decimal("1.375"), State.OFF_TRACK),
        ("45", Decimal("1.500"), Decimal("1.625"), State.ACHIEVED),
    ],
)
def test_ratio_divides_the_latest_value_by_the_baseline_years(
    make_target, district, latest, current, projection, state
):
    measure(district, INCOME, {2020: "30", 2023: "36", 2024: latest, 2026: "60"})
    target = make_target(T.RATIO_TO_BASELINE, indicator=INCOME, baseline_year=2020, target_value=Decimal("1.5"))

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.baseline, result.projection, result.state) == (current, 1, projection, state)
    assert result.details[0] == ("2020", "30 triệu đồng (×1)")
    assert len(result.details) == 3  # 2026 is after the as-of year


def test_ratio_falls_back_on_the_baseline_stated_in_the_plan(make_target, district):
    measure(district, INCOME, {2024: "45"})
    target = make_target(
        T.RATIO_TO_BASELINE, indicator=INCOME, baseline_year=2020, baseline_value=30, target_value=Decimal("1.5")
    )

    assert evaluate(target, D(2024, 12, 1)).current == Decimal("1.500")


def test_ratio_without_measurements_has_no_data(make_target, district):
    measure(district, "poverty rate", {2020: "10", 2024: "5"})
    target = make_target(T.RATIO_TO_BASELINE, indicator=INCOME, baseline_year=2020, target_value=Decimal("1.5"))

    assert evaluate(target, D(2024, 12, 1)).state == State.NO_DATA


def test_indicator_compares_the_latest_value_with_the_target(make_target, district, commune):
    measure(commune("Xã Một"), INCOME, {2024: "99"})  # another unit's figure
    measure(district, INCOME, {2022: "40", 2024: "50"})
    target = make_target(T.FREE_INDICATOR, indicator=INCOME, target_value=50)

    result = evaluate(target, D(2024, 12, 1))

    assert (result.current, result.state) == (50, State.ACHIEVED)
    assert result.details == [("2022", "40 triệu đồng"), ("2024", "50 triệu đồng")]


def test_indicator_with_a_goal_below_the_baseline_is_lower_is_better(make_target, district):
    measure(district, "poverty rate", {2024: "5"}, unit_of_measure="%")
    target = make_target(
        T.FREE_INDICATOR, indicator="poverty rate", baseline_value=12, baseline_year=2021, target_value=3
    )

    result = evaluate(target, D(2024, 12, 1))

    assert (result.projection, result.state) == (Decimal("2.667"), State.ON_TRACK)
    assert result.progress == pytest.approx(7 / 9)


def test_indicator_trend_without_baseline_runs_from_the_first_value(make_target, district):
    measure(district, INCOME, {2022: "40", 2024: "44"})
    target = make_target(T.FREE_INDICATOR, indicator=INCOME, target_value=50)

    result = evaluate(target, D(2024, 12, 1))

    assert (result.projection, result.state) == (Decimal("46.000"), State.OFF_TRACK)


def test_indicator_without_measurements_has_no_data(make_target):
    target = make_target(T.FREE_INDICATOR, indicator=INCOME, target_value=50)

    assert evaluate(target, D(2024, 12, 1)).state == State.NO_DATA


# --- constant number of queries ----------------------------------------------------------------------------

MAX_QUERIES = 11


def populate(make_unit, recognise, assess, rate, district, communes, start):
    for i in range(start, start + communes):
        unit = make_unit(f"Xã {i}", Kind.COMMUNE, district, is_mountainous=i % 2 == 0)
        recognise(unit, NTM, "2023-01-01")
        assess(unit, 2023, 14)
        assess(unit, 2024, 15)
        rate(unit, f"Sản phẩm {i}", stars=3, level="province", decided="2024-03-01")
        for j in range(2):
            village = make_unit(f"Xóm {i}-{j}", Kind.VILLAGE, unit, is_especially_difficult=j == 0)
            recognise(village, VILLAGE_NTM, "2024-01-01")


def targets_of_every_type(make_target, district, count):
    named = list(district.children.all()[:3])
    for _ in range(count):
        make_target(T.UNIT_MILESTONE, status=NTM, units=named, years={2024: 1})
        make_target(T.KEEP_STATUS, status=NTM, units=named)
        make_target(T.UNIT_SHARE, status=NTM, unit_kind=Kind.COMMUNE, target_value=5, only_mountainous=True)
        make_target(
            T.UNIT_SHARE, status=VILLAGE_NTM, unit_kind=Kind.VILLAGE, target_value=40, only_especially_difficult=True
        )
        make_target(T.AVERAGE_CRITERIA, target_value=16)
        make_target(T.MINIMUM_CRITERIA, target_value=15)
        make_target(T.CRITERIA_GAIN, target_value=1, target_value_max=2)
        make_target(T.OCOP_PRODUCTS, ocop_stars=3, ocop_level="province", target_value=2)
        make_target(T.RATIO_TO_BASELINE, indicator=INCOME, baseline_year=2020, target_value=Decimal("1.5"))
        make_target(T.FREE_INDICATOR, indicator=INCOME, target_value=50)


def test_evaluation_runs_the_same_number_of_queries_for_ten_times_the_targets_and_units(
    make_unit, make_target, recognise, assess, rate, district, django_assert_max_num_queries
):
    measure(district, INCOME, {2020: "30", 2024: "42"})
    populate(make_unit, recognise, assess, rate, district, communes=3, start=0)
    targets_of_every_type(make_target, district, count=1)

    with django_assert_max_num_queries(MAX_QUERIES) as small:
        results = evaluate_targets(Target.objects.all(), today=D(2024, 12, 1))
    assert len(results) == 10
    assert all(result.state != State.NO_DATA for result in results.values())

    populate(make_unit, recognise, assess, rate, district, communes=27, start=3)
    targets_of_every_type(make_target, district, count=9)

    with django_assert_max_num_queries(MAX_QUERIES) as large:
        results = evaluate_targets(Target.objects.all(), today=D(2024, 12, 1))
    assert len(results) == 100
    assert all(result.state != State.NO_DATA for result in results.values())
    assert len(large.captured_queries) == len(small.captured_queries)
