"""The criteria-set editor: indicators and group thresholds entered through its pages decide the criteria of the
2026-2030 set, per commune group; scoping, province versions and bad input."""

import datetime

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from campaigns.models import Assessment, CommuneGroup, CriteriaSet, GroupThreshold, Indicator
from campaigns.tests.criteria_helpers import add_indicator, add_threshold, qd51, threshold_data, year_form_data
from units.models import Kind, Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(make_user):
    return make_user("national", is_superuser=True)


@pytest.fixture
def staff(make_user, tree):
    return make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))


@pytest.fixture
def other_staff(make_user, tree):
    return make_user("other-staff", (tree.other_province, Role.PROVINCE_STAFF))


@pytest.fixture
def highland(make_unit, tree):
    """A second post-reform commune of the new province."""
    return make_unit("Xã Cao Sơn", Kind.COMMUNE, tree.new_province, code="00009", valid_from=datetime.date(2025, 7, 1))


@pytest.fixture
def environment(client, admin):
    """Criterion 8 of QĐ 51 with one invented percentage indicator: ≥ 90 for Nhóm 1, ≥ 60 for Nhóm 3."""
    client.force_login(admin)
    criterion = qd51().criteria.get(number=8)
    indicator = add_indicator(client, criterion, code="8.1")
    add_threshold(client, indicator, 1, "90")
    add_threshold(client, indicator, 3, "60")
    client.logout()
    return indicator


def set_group(client, province, unit, group):
    return client.post(
        reverse("criteria:group-set", args=[province.pk]),
        {"unit": unit.pk, "group": group, "valid_from": "2026-03-01", "decision": "QĐ 12/QĐ-UBND (thử)"},
    )


def year_page(client, unit, year=2026):
    return client.get(reverse("progress:my-year", args=[unit.pk, year]))


def enter(client, unit, values, **overrides):
    form = year_page(client, unit).context["form"]
    data = year_form_data(form, **{f"i{pk}": value for pk, value in values.items()}, **overrides)
    return client.post(reverse("progress:my-year", args=[unit.pk, 2026]), data)


def test_the_qd51_set_holds_its_ten_criteria_marked_not_confirmed():
    criteria = list(qd51().criteria.all())
    assert [c.number for c in criteria] == list(range(1, 11))
    assert criteria[0].name == "Quy hoạch"
    assert not any(c.is_confirmed for c in criteria)
    assert not Indicator.objects.filter(criterion__criteria_set=qd51()).exists()  # none invented


def test_values_decide_criterion_8_differently_for_a_group_1_and_a_group_3_commune(
    client, make_user, tree, staff, highland, environment
):
    client.force_login(staff)
    assert set_group(client, tree.new_province, tree.new_commune, 1).status_code == 302
    assert set_group(client, tree.new_province, highland, 3).status_code == 302

    for unit in (tree.new_commune, highland):
        client.force_login(make_user(f"officer-{unit.pk}", (unit, Role.COMMUNE_OFFICER)))
        assert enter(client, unit, {environment.pk: "75"}).status_code == 302

    results = {
        unit: Assessment.objects.get(unit=unit, year=2026).results.get(criterion__number=8)
        for unit in (tree.new_commune, highland)
    }
    assert (results[tree.new_commune].achieved, results[tree.new_commune].decided) == (False, False)
    assert (results[highland].achieved, results[highland].decided) == (True, True)
    assert Assessment.objects.get(unit=highland, year=2026).criteria_met == 1


def test_the_year_form_says_which_commune_group_applies(client, make_user, tree, staff, environment):
    client.force_login(staff)
    set_group(client, tree.new_province, tree.new_commune, 3)
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    response = year_page(client, tree.new_commune)
    assertContains(response, 'id="commune-group"')
    assertContains(response, "Nhóm 3")
    assertContains(response, "≥ 60")


def test_a_commune_without_a_group_cannot_be_judged_against_group_thresholds(client, make_user, tree, environment):
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    response = enter(client, tree.new_commune, {environment.pk: "99"})
    assert response.status_code == 302
    result = Assessment.objects.get(unit=tree.new_commune).results.get(criterion__number=8)
    assert (result.achieved, result.decided) == (False, None)
    assertContains(year_page(client, tree.new_commune), "chưa được xếp nhóm")


def test_marking_differently_from_the_values_needs_a_reason_which_the_reviewer_sees(
    client, make_user, tree, staff, environment
):
    client.force_login(staff)
    set_group(client, tree.new_province, tree.new_commune, 1)
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    criterion = qd51().criteria.get(number=8)
    key = f"c{criterion.pk}"

    refused = enter(client, tree.new_commune, {environment.pk: "75"}, **{f"{key}-mark": "met"})
    assert refused.status_code == 200
    assert refused.context["form"].errors[f"{key}-reason"]
    assertContains(refused, "cho biết lý do")

    reason = "Số liệu điều tra mới nhất đạt 91%."
    saved = enter(client, tree.new_commune, {environment.pk: "75"}, **{f"{key}-mark": "met", f"{key}-reason": reason})
    assert saved.status_code == 302
    assessment = Assessment.objects.get(unit=tree.new_commune)
    result = assessment.results.get(criterion=criterion)
    assert (result.achieved, result.decided, result.override_reason) == (True, False, reason)
    assertContains(client.get(reverse("progress:history", args=[assessment.pk])), reason)

    enter(client, tree.new_commune, {environment.pk: "75"}, action="submit")
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    client.force_login(make_user("province-reviewer", (tree.new_province, Role.HOME_AFFAIRS)))
    review = client.get(reverse("progress:review", args=[assessment.pk]))
    assertContains(review, f'id="override-{criterion.number}"')
    assertContains(review, reason)


def test_a_value_of_the_wrong_type_is_refused_next_to_its_field_and_the_saved_value_is_kept(
    client, make_user, tree, environment
):
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    enter(client, tree.new_commune, {environment.pk: "75"})
    for wrong, message in (("abc", "Nhập một số"), ("150", "từ 0 đến 100")):
        response = enter(client, tree.new_commune, {environment.pk: wrong})
        assert response.status_code == 200
        assert response.context["form"].errors[f"i{environment.pk}"]
        assertContains(response, message)
    saved = Assessment.objects.get(unit=tree.new_commune).indicator_values.get(indicator=environment)
    assert saved.value == 75


def test_a_value_for_an_indicator_of_another_set_is_refused_and_nothing_is_saved(client, make_user, tree, environment):
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    enter(client, tree.new_commune, {environment.pk: "75"})
    foreign = Indicator.objects.filter(criterion__criteria_set__code="qd318-xa-2021").first()
    response = enter(client, tree.new_commune, {environment.pk: "80"}, **{f"i{foreign.pk}": "1"})
    assert response.status_code == 200
    assertContains(response, "thuộc bộ tiêu chí khác")
    assessment = Assessment.objects.get(unit=tree.new_commune)
    assert assessment.indicator_values.get(indicator=environment).value == 75
    assert not assessment.indicator_values.filter(indicator=foreign).exists()


def test_a_threshold_of_the_wrong_type_is_refused_next_to_its_field(client, admin, environment):
    client.force_login(admin)
    url = reverse("criteria:thresholds", args=[environment.pk])
    response = client.post(url, threshold_data(2, "nhiều", from_year=2027))
    assert response.status_code == 200
    assert response.context["form"].errors["raw_value"]
    assertContains(response, "Nhập một số")
    text = add_indicator(client, environment.criterion, code="8.2", value_type="text", unit="")
    refused = client.post(reverse("criteria:thresholds", args=[text.pk]), threshold_data(1, "Đạt", comparator="gte"))
    assert refused.context["form"].errors["comparator"]
    assert GroupThreshold.objects.filter(indicator__in=[environment, text]).count() == 2  # the two of the fixture


def test_a_year_of_a_set_without_criteria_cannot_be_opened(client, make_user, tree):
    CriteriaSet.objects.create(
        code="rong-2031", name="Bộ thử rỗng", level=CriteriaSet.Level.COMMUNE, start_year=2031, end_year=2035
    )
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    response = year_page(client, tree.new_commune, 2031)
    assert response.status_code == 200
    assertContains(response, 'id="empty-set"')
    assertContains(response, "chưa có tiêu chí nào")
    assert not Assessment.objects.filter(unit=tree.new_commune, year=2031).exists()


def test_a_year_started_under_a_set_that_has_no_criteria_cannot_be_opened_either(client, make_user, tree):
    empty = CriteriaSet.objects.create(
        code="rong-2026", name="Bộ thử rỗng", level=CriteriaSet.Level.COMMUNE, start_year=2026, end_year=2030
    )
    Assessment.objects.create(unit=tree.new_commune, year=2026, criteria_set=empty)
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    response = year_page(client, tree.new_commune)
    assertContains(response, 'id="empty-set"')
    assert "form" not in response.context


def test_province_staff_edit_their_own_version_and_get_404_on_others_and_on_the_national_set(
    client, tree, staff, other_staff
):
    national = qd51()
    criterion = national.criteria.get(number=1)
    client.force_login(staff)
    assert client.get(reverse("criteria:criterion-edit", args=[criterion.pk])).status_code == 404
    response = client.post(reverse("criteria:province-version", args=[national.pk]), {"province": tree.new_province.pk})
    version = CriteriaSet.objects.get(parent=national, issuing_unit=tree.new_province)
    assert response.url == reverse("criteria:set", args=[version.pk])
    own = version.criteria.get(number=1)
    indicator = add_indicator(client, own, code="1.1", value_type="bool", unit="")
    add_threshold(client, indicator, 2, "Có")

    client.force_login(other_staff)
    assert client.get(reverse("criteria:set", args=[version.pk])).status_code == 404
    assert client.get(reverse("criteria:criterion-edit", args=[own.pk])).status_code == 404
    assert client.get(reverse("criteria:thresholds", args=[indicator.pk])).status_code == 404
    threshold = indicator.group_thresholds.get()
    assert client.post(reverse("criteria:threshold-delete", args=[threshold.pk])).status_code == 404
    assert client.post(reverse("criteria:indicator-create", args=[own.pk]), {}).status_code == 404
    assert GroupThreshold.objects.filter(pk=threshold.pk).exists()


def test_a_provinces_version_applies_to_its_communes(client, make_user, tree, staff):
    client.force_login(staff)
    client.post(reverse("criteria:province-version", args=[qd51().pk]), {"province": tree.new_province.pk})
    client.force_login(make_user("officer", (tree.new_commune, Role.COMMUNE_OFFICER)))
    response = year_page(client, tree.new_commune)
    assert response.context["assessment"].criteria_set.issuing_unit == tree.new_province


def test_a_group_for_a_unit_that_is_not_a_commune_is_refused_next_to_the_field(client, make_unit, tree, staff):
    village = make_unit("Thôn Một", Kind.VILLAGE, tree.new_commune)
    client.force_login(staff)
    response = set_group(client, tree.new_province, village, 2)
    assert response.status_code == 400
    assertContains(response, "không phải là xã", status_code=400)
    assert not CommuneGroup.objects.exists()


def test_a_later_group_replaces_the_earlier_one_which_is_kept(client, tree, staff):
    client.force_login(staff)
    set_group(client, tree.new_province, tree.new_commune, 2)
    client.post(
        reverse("criteria:group-set", args=[tree.new_province.pk]),
        {"unit": tree.new_commune.pk, "group": 1, "valid_from": "2027-01-15", "decision": "QĐ 99 (thử)"},
    )
    from campaigns.models import commune_group_of

    assert commune_group_of(tree.new_commune, 2026).group == 2
    assert commune_group_of(tree.new_commune, 2027).group == 1
    assert CommuneGroup.objects.filter(unit=tree.new_commune).count() == 2
    page = client.get(reverse("criteria:groups", args=[tree.new_province.pk]))
    assertContains(page, "QĐ 99 (thử)")


def test_other_province_staff_get_404_on_the_groups_page(client, tree, other_staff):
    client.force_login(other_staff)
    assert client.get(reverse("criteria:groups", args=[tree.new_province.pk])).status_code == 404
    assert set_group(client, tree.new_province, tree.new_commune, 1).status_code == 404
