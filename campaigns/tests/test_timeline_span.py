"""Timeline items over several years or due every year: their deadlines, state, marking done, form and page."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Milestone
from campaigns.plans.services import mark_milestone_done
from campaigns.plans.timeline import TimelineState, milestone_state
from campaigns.targets.dates import AsOf
from campaigns.tests.factories import make_plan
from units.models import Role

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def district_plan(campaign, tree):
    return make_plan(campaign, tree.district, number="12/KH-UBND")


def yearly(plan, **fields):
    fields.setdefault("year_from", 2022)
    fields.setdefault("due_year", 2025)
    return Milestone.objects.create(
        plan=plan, kind=Milestone.Kind.ANNUAL_REPORT, title="Báo cáo năm", recurs_yearly=True, **fields
    )


def test_a_yearly_item_is_due_each_year_of_its_span(district_plan):
    item = yearly(district_plan, due_date=D(2025, 11, 30), due_year=None)

    assert list(item.occurrence_years) == [2022, 2023, 2024, 2025]
    assert [item.deadline_in(year) for year in (2022, 2025)] == [D(2022, 11, 30), D(2025, 11, 30)]
    assert item.deadline == D(2022, 11, 30)
    assert item.due_label == "hằng năm 2022–2025, 30/11"


def test_a_yearly_item_is_overdue_on_its_first_open_year_until_that_year_is_done(district_plan):
    item = yearly(district_plan, due_quarter=4)

    assert milestone_state(item, AsOf(D(2023, 3, 1))) == TimelineState.OVERDUE  # 2022 not done
    mark_milestone_done(item, year=2022)
    mark_milestone_done(item, year=2023)
    assert item.done_through == 2023
    assert milestone_state(item, AsOf(D(2024, 6, 1))) == TimelineState.PENDING  # 2024 due 31/12/2024
    assert milestone_state(item, AsOf(D(2025, 2, 1))) == TimelineState.OVERDUE


def test_marking_a_year_done_twice_changes_nothing(district_plan):
    item = yearly(district_plan)

    assert mark_milestone_done(item, year=2022) is True
    assert mark_milestone_done(item, year=2022) is False
    assert item.done_through == 2022


def test_a_yearly_item_is_done_once_its_last_year_is(district_plan):
    item = yearly(district_plan, year_from=2024)
    mark_milestone_done(item, year=2024)
    mark_milestone_done(item, year=2025)

    assert item.is_done
    assert milestone_state(item, AsOf(D(2026, 6, 1))) == TimelineState.DONE


def test_a_span_is_due_at_its_end_and_shown_as_a_span(district_plan):
    item = Milestone.objects.create(
        plan=district_plan, kind=Milestone.Kind.OTHER, title="Xây dựng 5 mô hình", year_from=2022, due_year=2025
    )

    assert item.deadline == D(2025, 12, 31)
    assert item.due_label == "2022–2025"
    assert milestone_state(item, AsOf(D(2024, 6, 1))) == TimelineState.PENDING


def test_the_timeline_form_saves_a_yearly_item(client, make_user, tree, district_plan):
    client.force_login(make_user("staff", (tree.district, Role.HOME_AFFAIRS)))
    data = {"kind": "annual_report", "title": "Báo cáo kết quả", "due_quarter": "4", "due_year": "2025"}

    response = client.post(
        reverse("campaigns:milestone-create", args=[district_plan.pk]),
        {**data, "year_from": "2022", "recurs_yearly": "on"},
    )

    assert response.status_code == 302
    item = district_plan.milestones.get()
    assert (item.year_from, item.due_year, item.recurs_yearly) == (2022, 2025, True)
    page = client.get(reverse("campaigns:plan", args=[district_plan.pk])).content.decode()
    assert "2022–2025, Q4" in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"recurs_yearly": "on"}, "year_from", "Một mục lặp lại hằng năm cần năm bắt đầu."),
        ({"year_from": "2026"}, "year_from", "Năm bắt đầu sau năm đến hạn 2025."),
    ],
)
def test_the_timeline_form_refuses_a_span_that_does_not_hold(
    client, make_user, tree, district_plan, fields, field, message
):
    client.force_login(make_user("staff", (tree.district, Role.HOME_AFFAIRS)))
    data = {"kind": "other", "title": "Mục", "due_year": "2025", **fields}

    response = client.post(reverse("campaigns:milestone-create", args=[district_plan.pk]), data)

    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert not district_plan.milestones.exists()


def test_the_plan_page_marks_the_year_to_do_on_a_yearly_item(client, make_user, tree, district_plan, clock):
    clock(D(2024, 3, 1))
    item = yearly(district_plan, due_quarter=4)
    mark_milestone_done(item, year=2022)
    client.force_login(make_user("staff", (tree.district, Role.HOME_AFFAIRS)))

    page = client.get(reverse("campaigns:plan", args=[district_plan.pk])).content.decode()

    assert 'name="year" value="2023"' in page
    assert "2023" in page
