"""The overdue page across plans, its escalation, and the daily deadline reminders (each once)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Milestone
from campaigns.plans.overdue import send_deadline_notices
from campaigns.tests.factories import make_communes, make_plan
from config.celery import app
from units.models import Role
from units.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2024, 12, 16)


@pytest.fixture(autouse=True)
def today(clock, settings):
    clock(TODAY)
    settings.OVERDUE_ESCALATE_AFTER_DAYS = 30
    settings.DEADLINE_NOTICE_DAYS = 7


def item(plan, title, deadline, **fields):
    return Milestone.objects.create(plan=plan, kind=Milestone.Kind.OTHER, title=title, due_date=deadline, **fields)


@pytest.fixture
def plans(campaign, tree):
    """A district plan and two commune plans under it, and a plan of another province, with timeline items."""
    district = make_plan(campaign, tree.district, number="1/KH-UBND")
    commune = make_plan(campaign, tree.commune, number="2/KH-UBND", parent=district)
    neighbour = make_plan(campaign, tree.neighbour, number="3/KH-UBND", parent=district)
    other = make_plan(campaign, tree.other_commune, number="9/KH-UBND")
    items = {
        "long_overdue": item(commune, "Họp dân lấy ý kiến", TODAY - datetime.timedelta(days=45)),
        "overdue": item(neighbour, "Tổng kết mô hình", TODAY - datetime.timedelta(days=5)),
        "soon": item(district, "Báo cáo sơ kết", TODAY + datetime.timedelta(days=6)),
        "later": item(district, "Tổng kết giai đoạn", TODAY + datetime.timedelta(days=90)),
        "done": item(
            commune, "Ra mắt", TODAY - datetime.timedelta(days=60), done_date=TODAY - datetime.timedelta(days=61)
        ),
        "elsewhere": item(other, "Việc của tỉnh khác", TODAY - datetime.timedelta(days=50)),
    }
    return type("Plans", (), {"district": district, "commune": commune, "other": other, "items": items})


@pytest.fixture
def leader(make_user, tree):
    return make_user("leader", (tree.district, Role.LEADER), email="lanhdao@huyen.vn")


def listed(response):
    return {pk for group in response.context["groups"] for pk in (row.milestone.pk for row in group[1])}


def test_the_leader_sees_every_plans_overdue_and_coming_items_below_them(client, leader, plans):
    client.force_login(leader)

    response = client.get(reverse("campaigns:overdue"))

    items = plans.items
    assert listed(response) == {items["long_overdue"].pk, items["overdue"].pk, items["soon"].pk}
    assert [unit.name for unit, _rows in response.context["groups"]] == ["Huyện Hai", "Xã Trường Hà", "Xã Ngọc Đào"]
    page = response.content.decode()
    assert "Việc của tỉnh khác" not in page


def test_an_item_overdue_longer_than_the_setting_is_marked_escalated(client, leader, plans, settings):
    client.force_login(leader)

    page = client.get(reverse("campaigns:overdue")).content.decode()
    assert page.count("app-escalated-badge") == 1
    assert f'app-escalated" id="watched-{plans.items["long_overdue"].pk}"' in page

    settings.OVERDUE_ESCALATE_AFTER_DAYS = 3
    page = client.get(reverse("campaigns:overdue")).content.decode()
    assert page.count("app-escalated-badge") == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"state": "overdue"}, {"long_overdue", "overdue"}),
        ({"state": "due_soon"}, {"soon"}),
        ({"state": "escalated"}, {"long_overdue"}),
    ],
)
def test_the_state_filter_narrows_the_list(client, leader, plans, query, expected):
    client.force_login(leader)

    response = client.get(reverse("campaigns:overdue"), query)

    assert listed(response) == {plans.items[name].pk for name in expected}


def test_the_unit_and_plan_filters_narrow_the_list(client, leader, plans, tree):
    client.force_login(leader)

    by_unit = client.get(reverse("campaigns:overdue"), {"unit": tree.commune.pk})
    by_plan = client.get(reverse("campaigns:overdue"), {"plan": plans.district.pk})

    assert listed(by_unit) == {plans.items["long_overdue"].pk}
    assert listed(by_plan) == {plans.items["soon"].pk}


def test_another_units_plan_or_unit_lists_nothing_of_it(client, leader, plans, tree):
    client.force_login(leader)

    by_plan = client.get(reverse("campaigns:overdue"), {"plan": plans.other.pk})
    by_unit = client.get(reverse("campaigns:overdue"), {"unit": tree.other_commune.pk})

    assert listed(by_plan) == set()
    assert "unit" in by_unit.context["form"].errors
    assert "Việc của tỉnh khác" not in by_unit.content.decode()


def test_a_commune_officer_may_not_open_the_overdue_page(client, make_user, tree):
    client.force_login(make_user("officer", (tree.commune, Role.COMMUNE_OFFICER)))

    assert client.get(reverse("campaigns:overdue")).status_code == 403


def test_a_yearly_item_is_listed_for_its_year_not_yet_done(client, leader, plans):
    yearly = Milestone.objects.create(
        plan=plans.commune,
        kind=Milestone.Kind.ANNUAL_REPORT,
        title="Báo cáo năm",
        year_from=2022,
        due_year=2025,
        due_quarter=4,
        recurs_yearly=True,
        done_through=2023,
    )
    client.force_login(leader)

    response = client.get(reverse("campaigns:overdue"))

    row = next(row for _unit, rows in response.context["groups"] for row in rows if row.milestone == yearly)
    assert row.deadline == D(2024, 12, 31)
    assert not row.overdue


def test_the_overdue_page_reads_a_constant_number_of_queries(
    client, leader, campaign, tree, django_assert_max_num_queries
):
    client.force_login(leader)

    def grow(count, start):
        for commune in make_communes(tree.district, count, start=start):
            plan = make_plan(campaign, commune, number=f"{commune.pk}/KH")
            item(plan, "Quá hạn", TODAY - datetime.timedelta(days=40))
            item(plan, "Sắp đến", TODAY + datetime.timedelta(days=3), responsible_unit=commune)

    grow(2, 0)
    client.get(reverse("campaigns:overdue"))  # a fresh session's expiry is stamped once
    with django_assert_max_num_queries(20) as once:
        client.get(reverse("campaigns:overdue"))
    grow(18, 2)
    with django_assert_max_num_queries(20) as tenfold:
        response = client.get(reverse("campaigns:overdue"))
    assert response.context["count"] == 40
    assert len(tenfold) == len(once)


# The daily run


def test_the_daily_run_tells_the_responsible_unit_of_a_deadline_once(
    plans, make_user, tree, django_capture_on_commit_callbacks
):
    staff = make_user("staff", (tree.district, Role.HOME_AFFAIRS), email="noivu@huyen.vn")
    make_user("commune", (tree.commune, Role.COMMUNE_OFFICER), email="xa@xa.vn")

    with django_capture_on_commit_callbacks(execute=True):
        send_deadline_notices(today=TODAY)
        send_deadline_notices(today=TODAY + datetime.timedelta(days=1))

    deadline = Notification.objects.filter(kind=NotificationKind.DEADLINE)
    assert list(deadline.values_list("recipient__username", flat=True)) == ["staff"]
    assert "Báo cáo sơ kết" in deadline.get().subject
    assert [message.to for message in mail.outbox if "Báo cáo sơ kết" in message.subject] == [["noivu@huyen.vn"]]
    assert staff.notifications.filter(kind=NotificationKind.DEADLINE).count() == 1


def test_an_item_long_overdue_is_escalated_to_the_level_above_once(plans, leader, make_user, tree):
    make_user("outsider", (tree.other_province, Role.LEADER))

    first = send_deadline_notices(today=TODAY)
    again = send_deadline_notices(today=TODAY)

    escalated = Notification.objects.filter(kind=NotificationKind.ESCALATED)
    assert list(escalated.values_list("recipient__username", "subject")) == [
        ("leader", f"Họp dân lấy ý kiến · {TODAY - datetime.timedelta(days=45):%d/%m/%Y} · Xã Trường Hà")
    ]
    assert escalated.get().url.endswith(f"#milestone-{plans.items['long_overdue'].pk}")
    assert first[1] == 1 and again == (0, 0)


def test_the_command_runs_the_daily_notices(plans, leader, django_capture_on_commit_callbacks):
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--today", TODAY.isoformat(), stdout=out)

    assert out.getvalue().strip() == "1 deadline reminder(s), 1 escalation(s) sent."
    assert Notification.objects.filter(recipient=leader, kind=NotificationKind.ESCALATED).count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == ["lanhdao@huyen.vn", "lanhdao@huyen.vn"]


def test_the_command_queues_again_an_email_that_never_reached_the_broker(
    plans, leader, django_capture_on_commit_callbacks
):
    send_deadline_notices(today=TODAY)  # its commit callbacks are lost, as when Redis was away
    out = io.StringIO()

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders", "--today", TODAY.isoformat(), stdout=out)

    assert out.getvalue().splitlines() == [
        "2 e-mail(s) not sent earlier queued again.",
        "0 deadline reminder(s), 0 escalation(s) sent.",
    ]
    assert len(mail.outbox) == 2


def test_the_beat_schedule_names_the_daily_task(plans, leader, clock):
    clock(TODAY)
    app.loader.import_default_modules()  # what a worker does: autodiscover the apps' tasks

    task = app.tasks[app.conf.beat_schedule["send-deadline-reminders"]["task"]]

    assert task() == (1, 1)
