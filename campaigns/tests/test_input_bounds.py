"""Hardening (issue 13): years and numbers a page cannot show are refused next to their field, a refused target
leaves nothing saved, and of two edits of the same plan header read at once only the first one saves."""

from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from campaigns.assessments.forms import AssessmentForm
from campaigns.models import Indicator, Milestone, Plan, Target, TargetYear
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def noivu(make_user, district):
    return make_user("noivu", (district, Role.HOME_AFFAIRS))


@pytest.fixture
def editor(client, noivu):
    client.force_login(noivu)
    return client


def plan_url(plan, name="campaigns:plan"):
    return reverse(name, args=[plan.pk])


def share_target(**overrides):
    """A valid "80% of communes reach NTM" target, as the form posts it."""
    data = {
        "type": "share",
        "description": "80% số xã đạt chuẩn nông thôn mới",
        "unit_kind": "commune",
        "status": "xa_ntm",
        "measure": "percent",
        "target_value": "80",
        "deadline_year": "2025",
        "order": "1",
    }
    return {**data, **overrides}


# --- Years a page cannot show ---------------------------------------------------------------------


@pytest.mark.parametrize("year", ["0", "10000", "32767", "70000", str(2**64)])
def test_a_deadline_year_out_of_range_is_refused_and_the_plan_page_still_opens(editor, plan, year):
    response = editor.post(plan_url(plan, "campaigns:target-create"), share_target(deadline_year=year))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["deadline_year"]
    assert not plan.targets.exists()
    assert editor.get(plan_url(plan)).status_code == 200


@pytest.mark.parametrize("year", ["0", "10000", "32767"])
def test_a_milestone_due_year_out_of_range_is_refused_and_the_plan_page_still_opens(editor, plan, year):
    data = {"kind": "other", "title": "Tổng kết phong trào", "due_year": year, "due_quarter": "4"}
    response = editor.post(plan_url(plan, "campaigns:milestone-create"), data)

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["due_year"]
    assert not plan.milestones.exists()
    assert editor.get(plan_url(plan)).status_code == 200


def test_the_year_message_names_the_window(editor, plan, settings):
    settings.LANGUAGE_CODE = "vi"
    response = editor.post(plan_url(plan, "campaigns:target-create"), share_target(deadline_year="10000"))
    assert response.context["form"].errors["deadline_year"] == ["Nhập năm trong khoảng từ 1945 đến 2100."]


def test_the_database_refuses_a_target_year_no_form_checked(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(plan=plan, type="indicator", description="x", indicator="x", deadline_year=10000)
    with pytest.raises(IntegrityError), transaction.atomic():
        Milestone.objects.create(plan=plan, kind="other", title="x", due_year=0)


# --- Numbers a column cannot hold -----------------------------------------------------------------


@pytest.mark.parametrize("value", ["-5", "NaN", "Infinity", "1e30"])
def test_a_target_value_that_is_negative_or_no_number_is_refused(editor, plan, value):
    response = editor.post(plan_url(plan, "campaigns:target-create"), share_target(target_value=value))

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["target_value"]
    assert not plan.targets.exists()


def test_the_database_refuses_a_negative_target_value(plan):
    with pytest.raises(IntegrityError), transaction.atomic():
        Target.objects.create(plan=plan, type="indicator", description="x", target_value=-1, deadline_year=2025)


@pytest.mark.parametrize("order", ["70000", str(2**64)])
def test_an_order_past_the_smallint_column_is_refused_on_every_database(editor, plan, order):
    response = editor.post(plan_url(plan, "campaigns:target-create"), share_target(order=order))

    assert list(response.context["form"].errors) == ["order"]
    assert not plan.targets.exists()


def test_a_count_indicator_refuses_a_number_its_column_cannot_hold():
    indicator = Indicator(code="5.1", name="Số hộ", value_type=Indicator.ValueType.COUNT)
    field = AssessmentForm._indicator_field(SimpleNamespace(values={}), indicator)

    assert field.clean("99999999999") == 99_999_999_999
    for value in ("100000000000", str(2**64)):
        with pytest.raises(ValidationError):
            field.clean(value)


# --- The yearly breakdown: all of it checked before anything is saved ------------------------------


@pytest.mark.parametrize("line", ["2024: NaN", "2024: Infinity", "2024: 1e30", "-1: 2", "10000: 2", "2024: -3"])
def test_a_bad_breakdown_line_is_refused_and_no_target_is_saved(editor, plan, line):
    for _attempt in range(3):
        response = editor.post(plan_url(plan, "campaigns:target-create"), share_target(years=f"2023: 60\n{line}"))
        assert response.status_code == 200
        assert list(response.context["form"].errors) == ["years"]
        assert line in response.context["form"].errors["years"][0]  # the line is named

    assert Target.objects.count() == 0
    assert TargetYear.objects.count() == 0
    assert editor.get(plan_url(plan)).status_code == 200


def test_a_bad_breakdown_leaves_the_edited_target_and_its_years_as_they_were(editor, plan, make_target):
    target = make_target(
        Target.Type.UNIT_SHARE, unit_kind="commune", status="xa_ntm", target_value=80, years={2024: 60}
    )

    response = editor.post(
        reverse("campaigns:target-edit", args=[target.pk]),
        share_target(description="changed", years="2024: 70\n2025: 1e30"),
    )

    assert list(response.context["form"].errors) == ["years"]
    target.refresh_from_db()
    assert target.description == "share"
    assert [(y.year, y.value) for y in target.years.all()] == [(2024, 60)]


# --- Two people editing the same plan header ------------------------------------------------------


def header_data(client, plan) -> dict:
    form = client.get(plan_url(plan, "campaigns:plan-edit")).context["form"]
    return {name: value for name, value in form.initial.items() if value is not None}


def test_the_second_of_two_header_edits_read_at_once_is_refused_and_keeps_its_input(noivu, plan):
    first, second = Client(), Client()
    first.force_login(noivu)
    second.force_login(noivu)
    first_data, second_data = header_data(first, plan), header_data(second, plan)

    response = first.post(plan_url(plan, "campaigns:plan-edit"), {**first_data, "title": "Bản của người thứ nhất"})
    assertRedirects(response, plan_url(plan), fetch_redirect_response=False)
    response = second.post(plan_url(plan, "campaigns:plan-edit"), {**second_data, "title": "Bản của người thứ hai"})

    assert response.status_code == 200
    assert [error.code for error in response.context["form"].non_field_errors().as_data()] == ["stale"]
    assertContains(response, "Bản của người thứ hai")  # the user's input is kept in the form
    plan.refresh_from_db()
    assert plan.title == "Bản của người thứ nhất"


def test_a_header_form_read_before_an_amendment_cannot_undo_its_status(editor, plan):
    data = header_data(editor, plan)
    editor.post(plan_url(plan, "campaigns:plan-amend"), {"date": "2023-05-02", "reason": "Lùi tiến độ"})

    response = editor.post(plan_url(plan, "campaigns:plan-edit"), data)

    assert response.status_code == 200
    plan.refresh_from_db()
    assert plan.status == Plan.Status.AMENDED


def test_a_header_edit_without_its_version_is_refused(editor, plan):
    data = header_data(editor, plan)
    del data["version"]
    response = editor.post(plan_url(plan, "campaigns:plan-edit"), {**data, "title": "x"})

    assert response.status_code == 200
    plan.refresh_from_db()
    assert plan.title != "x"


def test_consecutive_header_edits_each_save(editor, plan):
    for title in ("Một", "Hai"):
        response = editor.post(plan_url(plan, "campaigns:plan-edit"), {**header_data(editor, plan), "title": title})
        assertRedirects(response, plan_url(plan), fetch_redirect_response=False)
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Hai", 3)


def test_the_header_form_carries_the_version_it_was_read_at(editor, plan):
    page = editor.get(plan_url(plan, "campaigns:plan-edit")).content.decode()
    assert f'name="version" value="{plan.version}"' in page
