"""Edge cases of target evaluation: projections before data and out of range, the running year, the closed day."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from campaigns.models import Campaign, Milestone, OcopProduct, OcopRating, Plan, RecognitionStatus, Target
from campaigns.plans.timeline import TimelineState, milestone_state
from campaigns.targets.dates import AsOf, as_of_text
from campaigns.targets.evaluation import State, evaluate_targets
from units.models import Kind

pytestmark = pytest.mark.django_db

D = datetime.date
NTM = RecognitionStatus.COMMUNE_NTM
T = Target.Type


def evaluate(target, today, *, closed=False):
    return evaluate_targets(Target.objects.filter(pk=target.pk), today=today, closed=closed)[target.pk]


@pytest.fixture
def plan_2026(district):
    campaign = Campaign.objects.create(name="Nông thôn mới 2026-2030", start_year=2026, end_year=2030)
    return Plan.objects.create(
        campaign=campaign,
        number="12/KH-UBND",
        title="Nông thôn mới 2026-2030",
        issue_date=D(2026, 3, 1),
        issuing_unit=district,
        issuer_name="UBND huyện Hà Quảng",
        status=Plan.Status.ISSUED,
    )


@pytest.fixture
def communes(make_unit, district):
    return [make_unit(f"Xã {n}", Kind.COMMUNE, district) for n in range(5)]


def share_2026(make_target, plan_2026, **fields):
    fields = {"status": NTM, "unit_kind": Kind.COMMUNE, "measure": Target.Measure.PERCENT, "target_value": 80, **fields}
    return make_target(T.UNIT_SHARE, plan=plan_2026, deadline_year=2030, **fields)


def test_a_2026_share_has_no_projection_before_a_decision_of_its_own(make_target, plan_2026, communes):
    # 40% stated for 2025, none of the communes recognised since: a line through 0% would say −160% by 2030.
    target = share_2026(make_target, plan_2026, baseline_year=2025, baseline_value=40)

    result = evaluate(target, D(2026, 12, 6))

    assert result.current == 0
    assert result.projection is None


def test_a_falling_percentage_projects_to_zero_not_below(make_target, plan_2026, communes, recognise):
    recognise(communes[0], NTM, "2026-05-01")  # 20% in 2026 from 60% in 2025: −40 a year
    target = share_2026(make_target, plan_2026, baseline_year=2025, baseline_value=60)

    result = evaluate(target, D(2026, 12, 6))

    assert (result.current, result.projection, result.state) == (Decimal(20), Decimal(0), State.OFF_TRACK)


def test_a_rising_percentage_projects_to_a_hundred_not_above(make_target, plan_2026, communes, recognise):
    for commune in communes[:4]:
        recognise(commune, NTM, "2026-05-01")  # 80% in 2026 from 10% in 2025
    target = share_2026(make_target, plan_2026, baseline_year=2025, baseline_value=10, target_value=100)

    assert evaluate(target, D(2026, 12, 6)).projection == Decimal(100)


@pytest.fixture
def ocop_target(make_target, plan_2026):
    return make_target(T.OCOP_PRODUCTS, plan=plan_2026, deadline_year=2030, ocop_stars=3, target_value=5)


def test_no_ocop_product_late_in_the_year_is_off_track(ocop_target, communes):
    assert evaluate(ocop_target, D(2026, 12, 6)).state == State.OFF_TRACK  # 0 of 5 in December
    assert evaluate(ocop_target, D(2026, 3, 1)).state == State.ON_TRACK  # 0 of 5 in March: a year to go


def test_ocop_products_on_pace_with_the_year_are_on_track(ocop_target, communes):
    for name in ("Miến dong", "Mật ong", "Chè", "Gạo"):
        product = OcopProduct.objects.create(
            unit=communes[0], name=name, owner_name="HTX", owner_kind="cooperative", group="food"
        )
        OcopRating.objects.create(
            product=product, stars=3, level="province", rules_version="148/2023", decision_date=D(2026, 6, 1)
        )

    assert evaluate(ocop_target, D(2026, 12, 6)).state == State.ON_TRACK  # 4 of 5 with three weeks to go


def test_a_deadline_on_a_closed_day_has_passed(make_target, make_unit, district):
    commune = make_unit("Xã Đa Thông", Kind.COMMUNE, district)
    target = make_target(T.UNIT_MILESTONE, status=NTM, units=[commune], deadline_year=2025)

    assert evaluate(target, D(2025, 12, 31)).state == State.ON_TRACK  # a page on the day: not over yet
    assert evaluate(target, D(2025, 12, 31), closed=True).state == State.MISSED  # a report at the period's end


def test_a_timeline_item_due_on_the_last_day_of_a_closed_period_is_overdue(plan):
    item = Milestone.objects.create(
        plan=plan, kind=Milestone.Kind.FINAL_REVIEW, title="Tổng kết", due_date=D(2025, 12, 31)
    )

    assert milestone_state(item, AsOf(D(2025, 12, 31))) == TimelineState.PENDING
    assert milestone_state(item, AsOf.end_of(D(2025, 12, 31), today=D(2026, 12, 6))) == TimelineState.OVERDUE
    item.done_date = D(2026, 1, 5)  # done after the period: not done in it
    assert milestone_state(item, AsOf.end_of(D(2025, 12, 31), today=D(2026, 12, 6))) == TimelineState.OVERDUE
    assert milestone_state(item, AsOf(D(2026, 12, 6))) == TimelineState.LATE


def test_the_evaluation_day_is_printed_as_a_day_or_as_the_end_of_the_period():
    with translation.override("en"):
        assert as_of_text(AsOf(D(2026, 12, 6))) == "Assessed on 06/12/2026."
        closed = AsOf.end_of(D(2025, 12, 31), today=D(2026, 12, 6))
        assert as_of_text(closed) == "Assessed at the end of the period, 31/12/2025."
        assert AsOf.end_of(D(2026, 12, 31), today=D(2026, 12, 6)) == AsOf(D(2026, 12, 6))
