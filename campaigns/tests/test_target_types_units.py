"""Target types from real plans: "each commune has at least N villages at NTM", "13/13 xã" where a thị trấn does
not count, and named units kept in the plan's order, shown with their parent."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from campaigns.models import RecognitionStatus, Target, VillageYear
from campaigns.plans.target_forms import TargetForm
from campaigns.targets.evaluation import State, evaluate_targets
from units.models import Kind, Role

pytestmark = pytest.mark.django_db

D = datetime.date
T = Target.Type
NTM = RecognitionStatus.COMMUNE_NTM
VILLAGE_NTM = RecognitionStatus.VILLAGE_NTM


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


END_2024 = D(2024, 12, 31)


def evaluate(target, today=END_2024):
    return evaluate_targets(Target.objects.filter(pk=target.pk), today=today)[target.pk]


@pytest.fixture
def communes(make_unit, district):
    return [make_unit(f"Xã {name}", Kind.COMMUNE, district) for name in ("Sóc Hà", "Quý Quân", "Nội Thôn")]


# --- each commune has at least N villages at a status ------------------------------------------------------------


def test_each_commune_needs_its_own_villages_at_the_status(make_target, communes, make_unit, recognise):
    soc_ha, quy_quan, noi_thon = communes
    recognise(make_unit("Thôn Nà Mạ", Kind.VILLAGE, soc_ha), VILLAGE_NTM, "2023-05-01")
    make_unit("Thôn Cốc Phát", Kind.VILLAGE, soc_ha)
    VillageYear.objects.create(unit=make_unit("Xóm Một", Kind.VILLAGE, quy_quan), year=2024, status="ntm")
    VillageYear.objects.create(unit=make_unit("Xóm Hai", Kind.VILLAGE, noi_thon), year=2024, status="building")
    target = make_target(T.VILLAGES_EACH, status=VILLAGE_NTM)

    result = evaluate(target)

    assert (result.current, result.goal) == (2, 3)
    assert ("Xã Nội Thôn", "0 of 1 villages") in result.details
    assert result.state == State.ON_TRACK


def test_a_set_of_named_communes_and_two_villages_each(make_target, communes, make_unit, recognise):
    soc_ha, quy_quan, _noi_thon = communes
    for name in ("Nà Mạ", "Cốc Phát"):
        recognise(make_unit(f"Thôn {name}", Kind.VILLAGE, soc_ha), VILLAGE_NTM, "2023-05-01")
    recognise(make_unit("Xóm Một", Kind.VILLAGE, quy_quan), VILLAGE_NTM, "2023-05-01")
    target = make_target(T.VILLAGES_EACH, status=VILLAGE_NTM, units=[soc_ha, quy_quan], target_value=2)

    result = evaluate(target, today=D(2026, 3, 1))

    assert (result.current, result.goal, result.state) == (1, 2, State.MISSED)
    assert ("Xã Quý Quân", "1 of 2 villages") in result.details


def test_a_village_model_decision_counts_for_the_ntm_step_below_it(make_target, communes, make_unit, recognise):
    for commune in communes:
        recognise(
            make_unit(f"Thôn của {commune.name}", Kind.VILLAGE, commune), RecognitionStatus.VILLAGE_MODEL, "2024-01-02"
        )
    target = make_target(T.VILLAGES_EACH, status=VILLAGE_NTM)

    assert evaluate(target).state == State.ACHIEVED


def test_a_yearly_status_after_the_as_of_year_does_not_count(make_target, communes, make_unit):
    VillageYear.objects.create(unit=make_unit("Xóm Một", Kind.VILLAGE, communes[0]), year=2025, status="ntm")
    target = make_target(T.VILLAGES_EACH, status=VILLAGE_NTM, units=[communes[0]])

    assert evaluate(target, today=D(2024, 12, 31)).current == 0
    assert evaluate(target, today=D(2025, 12, 31)).current == 1


# --- a share of units of one division type ---------------------------------------------------------------------


def test_a_thi_tran_is_not_counted_when_only_xa_are(make_target, make_unit, district, recognise):
    for index in range(13):
        recognise(make_unit(f"Xã Số {index}", Kind.COMMUNE, district), NTM, "2023-06-01")
    make_unit("Thị trấn Xuân Hòa", Kind.COMMUNE, district, division_type="Thị trấn")
    only_xa = make_target(
        T.UNIT_SHARE, status=NTM, unit_kind=Kind.COMMUNE, measure="percent", target_value=100, division_type="Xã"
    )
    every_commune = make_target(T.UNIT_SHARE, status=NTM, unit_kind=Kind.COMMUNE, measure="percent", target_value=100)

    assert (evaluate(only_xa).current, evaluate(only_xa).state) == (Decimal("100.00"), State.ACHIEVED)
    assert evaluate(every_commune).current == Decimal("92.86")


# --- the form -------------------------------------------------------------------------------------------------------


def target_form(plan, user, **data):
    values = {"type": T.UNIT_SHARE, "description": "x", "deadline_year": "2025", "order": "1", "measure": "count"}
    return TargetForm({**values, **data}, instance=Target(plan=plan), user=user)


def saved(form) -> Target:
    assert form.is_valid(), form.errors
    return form.save()


@pytest.fixture
def editor(make_user, district):
    return make_user("noivu", (district, Role.HOME_AFFAIRS))


def test_the_form_refuses_a_commune_status_for_villages_in_each_commune(plan, editor):
    form = target_form(plan, editor, type=T.VILLAGES_EACH, status=NTM)

    assert form.errors["status"] == ["Choose a status that villages reach."]


def test_the_form_refuses_a_division_type_the_counted_kind_never_has(plan, editor):
    form = target_form(plan, editor, status=NTM, unit_kind=Kind.COMMUNE, target_value="13", division_type="Thôn")

    assert form.errors["division_type"] == ["Units of the chosen kind are never of this type."]


def test_the_form_saves_a_division_type_and_villages_in_each_commune(plan, editor, communes):
    form = target_form(
        plan, editor, type=T.VILLAGES_EACH, status=VILLAGE_NTM, division_type="Xã", units=[communes[1].pk]
    )

    target = saved(form)

    assert (target.type, target.division_type, list(target.units.all())) == (T.VILLAGES_EACH, "Xã", [communes[1]])


# --- named units in the plan's order -----------------------------------------------------------------------------


def test_named_units_keep_the_order_they_were_chosen_in(plan, editor, communes):
    soc_ha, quy_quan, noi_thon = communes
    order = [noi_thon.pk, soc_ha.pk, quy_quan.pk]
    form = target_form(plan, editor, type=T.UNIT_MILESTONE, status=NTM, units=order)

    target = saved(form)

    assert [unit.pk for unit in Target.objects.get(pk=target.pk).ordered_units()] == order


def test_an_edit_keeps_the_plans_order_and_puts_a_new_unit_last(plan, editor, communes, make_unit, district):
    soc_ha, quy_quan, noi_thon = communes
    target = saved(target_form(plan, editor, type=T.UNIT_MILESTONE, status=NTM, units=[noi_thon.pk, soc_ha.pk]))
    added = make_unit("Xã Thêm", Kind.COMMUNE, district)
    data = {"type": T.UNIT_MILESTONE, "description": "x", "deadline_year": "2025", "order": "1", "status": NTM}
    form = TargetForm({**data, "units": [added.pk, soc_ha.pk, noi_thon.pk]}, instance=target, user=editor)

    saved(form)

    assert [u.name for u in Target.objects.get(pk=target.pk).ordered_units()] == ["Xã Nội Thôn", "Xã Sóc Hà", "Xã Thêm"]


def test_the_plan_page_lists_named_units_in_the_plans_order_with_their_parent(client, plan, editor, communes):
    soc_ha, quy_quan, noi_thon = communes
    saved(target_form(plan, editor, type=T.UNIT_MILESTONE, status=NTM, units=[quy_quan.pk, noi_thon.pk, soc_ha.pk]))
    client.force_login(editor)

    page = client.get(reverse("campaigns:plan", args=[plan.pk])).content.decode()

    listed = page[page.index('class="small mb-1 ps-3 app-named-units"') :]
    positions = [listed.index(name) for name in ("Xã Quý Quân", "Xã Nội Thôn", "Xã Sóc Hà")]
    assert positions == sorted(positions)
    assert "Xã Quý Quân</li>" not in listed and "(Huyện Hà Quảng)" in listed
