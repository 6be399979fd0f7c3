"""Allocation (giao chỉ tiêu): a plan's count target shared out among the units one level below, the shares judged
on the same records as the parent, and the lower plans carrying their share as their own target."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.models import Allocation, Campaign, Plan, RecognitionStatus, Target
from campaigns.plans.services import create_child_plan, save_allocations
from campaigns.targets.evaluation import State, evaluate_plan
from units.models import CodeScheme, Kind, Role

pytestmark = pytest.mark.django_db

D = datetime.date
NTM = RecognitionStatus.COMMUNE_NTM
NEW = {"code_scheme": CodeScheme.Y2025, "valid_from": D(2025, 7, 1)}
LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": D(2025, 6, 30)}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def programme(db):
    return Campaign.objects.create(name="Chương trình thử 2026-2030", start_year=2026, end_year=2030)


@pytest.fixture
def cao_bang(make_unit):
    """The new province (from 07/2025) with its communes directly below it: no district any more."""
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", **NEW)
    communes = {
        name: make_unit(f"Xã {name}", Kind.COMMUNE, province, code=f"0{index}", **NEW)
        for index, name in enumerate(["Trường Hà", "Hà Quảng", "Thông Nông", "Cần Yên"], start=1390)
    }
    return province, communes


@pytest.fixture
def province_plan(programme, cao_bang):
    return Plan.objects.create(
        campaign=programme,
        number="DEMO/KH-UBND",
        title=programme.name,
        issue_date=D(2026, 3, 16),
        issuing_unit=cao_bang[0],
        issuer_name="UBND tỉnh Cao Bằng",
        status=Plan.Status.ISSUED,
    )


@pytest.fixture
def ntm_target(province_plan):
    return Target.objects.create(
        plan=province_plan,
        type=Target.Type.UNIT_SHARE,
        description="Đến năm 2030 có 3 xã đạt chuẩn nông thôn mới",
        status=NTM,
        unit_kind=Kind.COMMUNE,
        target_value=3,
        deadline_year=2030,
    )


@pytest.fixture
def staff(make_user, cao_bang):
    return make_user("noivu.caobang", (cao_bang[0], Role.PROVINCE_STAFF))


END_2026 = D(2026, 12, 31)


def summary_of(target, today=END_2026):
    results, summaries = evaluate_plan(Target.objects.filter(pk=target.pk), today=today)
    return results[target.pk], summaries.get(target.pk)


def post_shares(client, target, rows):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "300",
    }
    for index, (unit, value) in enumerate(rows):
        data[f"form-{index}-unit"] = str(getattr(unit, "pk", unit))
        data[f"form-{index}-value"] = str(value)
    return client.post(reverse("campaigns:target-allocate", args=[target.pk]), data)


# --- evaluation -----------------------------------------------------------------------------------------------


def test_each_share_is_judged_within_its_commune_on_the_parents_records(ntm_target, cao_bang, recognise):
    _province, communes = cao_bang
    recognise(communes["Trường Hà"], NTM, "2026-06-01")
    for name in ("Trường Hà", "Hà Quảng", "Thông Nông"):
        Allocation.objects.create(target=ntm_target, unit=communes[name], value=1)

    result, summary = summary_of(ntm_target)

    shares = {share.allocation.unit.name: share for share in summary.shares}
    assert shares["Xã Trường Hà"].result.current == 1
    assert shares["Xã Trường Hà"].result.state == State.ACHIEVED
    assert shares["Xã Hà Quảng"].result.current == 0
    assert shares["Xã Hà Quảng"].result.state != State.ACHIEVED
    assert (summary.goal, summary.allocated, summary.balance) == (3, 3, "even")
    assert result.current == 1


def test_the_parents_rolled_up_value_equals_the_sum_of_its_shares_on_the_same_data(
    make_unit, campaign, recognise, make_user
):
    """Before the reform: 7 communes at NTM shared out as 3 to district A and 4 to district B."""
    province = make_unit("Tỉnh Một", Kind.PROVINCE, code="91", **LEGACY)
    a = make_unit("Huyện A", Kind.DISTRICT, province, code="911", **LEGACY)
    b = make_unit("Huyện B", Kind.DISTRICT, province, code="912", **LEGACY)
    communes = [make_unit(f"Xã A{i}", Kind.COMMUNE, a, **LEGACY) for i in range(4)]
    communes += [make_unit(f"Xã B{i}", Kind.COMMUNE, b, **LEGACY) for i in range(5)]
    for commune, day in zip(
        communes[::2], ["2022-05-01", "2023-05-01", "2023-09-01", "2024-02-01", "2024-08-01"], strict=True
    ):
        recognise(commune, NTM, day)
    plan = Plan.objects.create(
        campaign=campaign, title="Kế hoạch tỉnh", issue_date=D(2022, 1, 10), issuing_unit=province, issuer_name="UBND"
    )
    target = Target.objects.create(
        plan=plan, type=Target.Type.UNIT_SHARE, description="7 xã NTM", status=NTM, unit_kind=Kind.COMMUNE,
        target_value=7, deadline_year=2025,
    )  # fmt: skip
    Allocation.objects.create(target=target, unit=a, value=3)
    Allocation.objects.create(target=target, unit=b, value=4)

    result, summary = summary_of(target, today=D(2024, 12, 31))

    assert result.current == Decimal(5)
    assert sum(share.result.current for share in summary.shares) == result.current
    assert (summary.rolled_up, summary.outside, summary.count) == (5, 0, 5)
    assert [int(share.result.current) for share in summary.shares] == [2, 3]


def test_units_at_the_status_outside_every_share_are_shown_apart(ntm_target, cao_bang, recognise):
    _province, communes = cao_bang
    recognise(communes["Cần Yên"], NTM, "2026-05-01")
    recognise(communes["Trường Hà"], NTM, "2026-05-01")
    Allocation.objects.create(target=ntm_target, unit=communes["Trường Hà"], value=1)

    result, summary = summary_of(ntm_target)

    assert result.current == summary.count == 2
    assert (summary.rolled_up, summary.outside) == (1, 1)
    assert (summary.balance, summary.difference) == ("under", 2)


def test_a_percentage_target_asks_for_whole_units_rounded_up(ntm_target, cao_bang):
    ntm_target.measure, ntm_target.target_value = Target.Measure.PERCENT, 45
    ntm_target.save()
    Allocation.objects.create(target=ntm_target, unit=cao_bang[1]["Trường Hà"], value=1)

    _result, summary = summary_of(ntm_target)

    assert summary.goal == 2  # 45% of 4 communes is 1.8: one commune would fall short
    assert summary.shares[0].result.target.measure == Target.Measure.COUNT


def test_a_target_lowered_below_its_shares_is_flagged_as_over_allocated(ntm_target, cao_bang):
    for name in ("Trường Hà", "Hà Quảng", "Thông Nông"):
        Allocation.objects.create(target=ntm_target, unit=cao_bang[1][name], value=1)
    Target.objects.filter(pk=ntm_target.pk).update(target_value=2)

    _result, summary = summary_of(ntm_target)

    assert (summary.balance, summary.difference) == ("over", 1)


# --- the allocation page ----------------------------------------------------------------------------------------


def test_province_staff_allocate_the_target_to_communes(client, staff, ntm_target, cao_bang):
    communes = cao_bang[1]
    client.force_login(staff)

    response = post_shares(client, ntm_target, [(communes["Trường Hà"], 1), (communes["Cần Yên"], 1), ("", "")])

    assert response.status_code == 302
    saved = dict(ntm_target.allocations.values_list("unit__name", "value"))
    assert saved == {"Xã Trường Hà": 1, "Xã Cần Yên": 1}


def test_the_allocation_page_offers_the_units_one_level_below(client, staff, ntm_target):
    client.force_login(staff)

    page = client.get(reverse("campaigns:target-allocate", args=[ntm_target.pk])).content.decode()

    assert "Xã Thông Nông" in page and "Tỉnh Cao Bằng —" not in page
    assert "Chỉ tiêu đặt ra 3 đơn vị." in page


def test_shares_adding_up_to_more_than_the_target_are_refused_and_nothing_is_saved(client, staff, ntm_target, cao_bang):
    communes = cao_bang[1]
    Allocation.objects.create(target=ntm_target, unit=communes["Trường Hà"], value=1)
    client.force_login(staff)

    response = post_shares(client, ntm_target, [(communes[name], 1) for name in communes])

    assert response.status_code == 200
    assert "Tổng các phần được giao là 4, vượt quá 3 đơn vị mà chỉ tiêu đặt ra." in response.content.decode()
    assert list(ntm_target.allocations.values_list("unit__name", flat=True)) == ["Xã Trường Hà"]


def test_a_share_to_a_unit_outside_the_plan_is_refused_next_to_the_field(client, staff, ntm_target, make_unit):
    elsewhere = make_unit("Xã Xa Lạ", Kind.COMMUNE, make_unit("Tỉnh Khác", Kind.PROVINCE, code="99", **NEW), **NEW)
    client.force_login(staff)

    response = post_shares(client, ntm_target, [(elsewhere, 1)])

    assert response.context["formset"].forms[0].errors["unit"].as_data()[0].code == "invalid_choice"
    assert "Hãy chọn một đơn vị ngay dưới cấp ban hành kế hoạch." in response.content.decode()
    assert not Allocation.objects.exists()


@pytest.mark.parametrize("value", ["-1", "1.5", "abc", "99999999999999999999", "1e3"])
def test_a_share_that_is_not_a_small_whole_number_is_refused(client, staff, ntm_target, cao_bang, value):
    client.force_login(staff)

    response = post_shares(client, ntm_target, [(cao_bang[1]["Trường Hà"], value)])

    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["value"]
    assert not Allocation.objects.exists()


def test_a_commune_cannot_take_more_communes_than_itself(client, staff, ntm_target, cao_bang):
    client.force_login(staff)

    response = post_shares(client, ntm_target, [(cao_bang[1]["Trường Hà"], 2)])

    assert response.context["formset"].forms[0].errors["value"] == [
        "Xã Trường Hà chỉ có 1 đơn vị thuộc loại được tính."
    ]


def test_the_same_unit_twice_is_refused(client, staff, ntm_target, cao_bang):
    client.force_login(staff)

    response = post_shares(client, ntm_target, [(cao_bang[1]["Trường Hà"], 1), (cao_bang[1]["Trường Hà"], 1)])

    assert response.context["formset"].forms[1].errors["unit"] == ["Đơn vị này đã được giao ở dòng trên."]


def test_another_provinces_staff_get_404_on_the_allocation_page(client, make_user, make_unit, ntm_target, cao_bang):
    other = make_unit("Tỉnh Khác", Kind.PROVINCE, code="98", **NEW)
    client.force_login(make_user("other", (other, Role.PROVINCE_STAFF)))

    assert client.get(reverse("campaigns:target-allocate", args=[ntm_target.pk])).status_code == 404
    assert post_shares(client, ntm_target, [(cao_bang[1]["Trường Hà"], 1)]).status_code == 404
    assert not Allocation.objects.exists()


def test_a_commune_officer_may_read_the_plan_but_not_allocate(client, make_user, ntm_target, cao_bang):
    client.force_login(make_user("xa", (cao_bang[1]["Trường Hà"], Role.COMMUNE_OFFICER)))

    assert client.get(reverse("campaigns:target-allocate", args=[ntm_target.pk])).status_code in (403, 404)


def test_a_target_that_is_not_a_count_has_no_allocation_page(client, staff, province_plan):
    average = Target.objects.create(
        plan=province_plan, type=Target.Type.AVERAGE_CRITERIA, description="8", target_value=8, deadline_year=2030
    )
    client.force_login(staff)

    assert client.get(reverse("campaigns:target-allocate", args=[average.pk])).status_code == 404


# --- the lower plans -----------------------------------------------------------------------------------------------


def test_a_commune_plan_built_from_the_province_plan_carries_its_share(ntm_target, cao_bang, staff):
    commune = cao_bang[1]["Hà Quảng"]
    allocation = Allocation.objects.create(target=ntm_target, unit=commune, value=1)

    plan = create_child_plan(ntm_target.plan, unit=commune, by=staff)

    own = plan.targets.get(allocation=allocation)
    assert (own.target_value, own.scope_unit, own.measure, own.status) == (1, commune, Target.Measure.COUNT, NTM)


def test_a_share_changed_later_updates_the_lower_plans_own_target(ntm_target, cao_bang, staff):
    commune = cao_bang[1]["Hà Quảng"]
    save_allocations(ntm_target, shares={commune: 1})
    plan = create_child_plan(ntm_target.plan, unit=commune, by=staff)
    other = cao_bang[1]["Cần Yên"]
    other_plan = create_child_plan(ntm_target.plan, unit=other, by=staff)

    save_allocations(ntm_target, shares={commune: 0, other: 1})

    assert not plan.targets.filter(allocation__isnull=False).exists()  # its share was removed; its target stays
    assert plan.targets.count() == 1
    assert other_plan.targets.get(allocation__unit=other).target_value == 1


def test_the_lower_plans_own_target_agrees_with_its_share_on_the_parent_page(ntm_target, cao_bang, staff, recognise):
    commune = cao_bang[1]["Hà Quảng"]
    recognise(commune, NTM, "2026-10-01")
    save_allocations(ntm_target, shares={commune: 1})
    plan = create_child_plan(ntm_target.plan, unit=commune, by=staff)

    _result, summary = summary_of(ntm_target)
    own = plan.targets.get()
    results, _summaries = evaluate_plan([own], today=D(2026, 12, 31))

    assert results[own.pk].current == summary.shares[0].result.current == 1
    assert results[own.pk].state == summary.shares[0].result.state == State.ACHIEVED


# --- the plan page -------------------------------------------------------------------------------------------------


def test_the_plan_page_shows_allocated_against_the_target_and_each_shares_state(
    client, staff, ntm_target, cao_bang, recognise
):
    communes = cao_bang[1]
    recognise(communes["Trường Hà"], NTM, "2026-06-01")
    save_allocations(ntm_target, shares={communes["Trường Hà"]: 1, communes["Cần Yên"]: 1})
    client.force_login(staff)

    page = client.get(reverse("campaigns:plan", args=[ntm_target.plan.pk])).content.decode()

    assert "Đã giao 2/3 đơn vị" in page
    assert "Còn 1 đơn vị chưa giao" in page
    assert 'data-unit="Xã Trường Hà" data-state="achieved"' in page
    assert 'data-unit="Xã Cần Yên" data-state="' in page


def grow(province, target, make_unit, recognise, start, count):
    """`count` more communes under the province, every other one at NTM, each with a share."""
    for index in range(start, start + count):
        commune = make_unit(f"Xã Thêm {index}", Kind.COMMUNE, province, **NEW)
        if index % 2:
            recognise(commune, NTM, "2026-04-01")
        Allocation.objects.create(target=target, unit=commune, value=1)
    Target.objects.filter(pk=target.pk).update(target_value=start + count)


def test_the_plan_page_with_shares_runs_the_same_number_of_queries_for_ten_times_the_shares(
    client, staff, ntm_target, cao_bang, make_unit, recognise, django_assert_max_num_queries
):
    client.force_login(staff)
    url = reverse("campaigns:plan", args=[ntm_target.plan.pk])
    grow(cao_bang[0], ntm_target, make_unit, recognise, 0, 3)
    client.get(url)  # warm the session and the caches

    with django_assert_max_num_queries(60) as small:
        assert client.get(url).status_code == 200
    grow(cao_bang[0], ntm_target, make_unit, recognise, 3, 27)
    with django_assert_max_num_queries(60) as large:
        response = client.get(url)

    assert response.content.decode().count('class="d-flex flex-wrap gap-2 align-items-center app-share"') == 30
    assert len(large.captured_queries) == len(small.captured_queries)
