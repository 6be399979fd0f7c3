"""In a browser, on the demo data: the district reminds, the commune officer finds it in the inbox (badge) and got
an e-mail; the commune submits and the district's reviewer is notified; the leader's overdue page.

Screenshots of the inbox and the overdue page (desktop and 375 px) go to /tmp/shots for people to look at.
"""

import datetime
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Assessment
from units.models import CodeScheme, Kind, Unit, User
from units.notifications.models import Notification, NotificationKind

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def demo(db):
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process
    for username, address in [("xa.truongha", "truongha@example.vn"), ("noivu.haquang", "noivu@example.vn")]:
        User.objects.filter(username=username).update(email=address)
    legacy = Unit.objects.filter(code_scheme=CodeScheme.LEGACY)
    return type(
        "Demo",
        (),
        {
            "commune": legacy.get(kind=Kind.COMMUNE, code="01399"),
            "district": legacy.get(kind=Kind.DISTRICT, name__contains="Hà Quảng"),
        },
    )


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"notify-{name}.png", full_page=True)


def fits(page, viewport):
    return page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_a_reminder_reaches_the_commune_and_its_submission_reaches_the_reviewer(demo_sign_in, live_server, demo, clock):
    clock(datetime.date(2024, 12, 16))  # the legacy commune's year still goes to its district
    mail.outbox.clear()

    # The district's reviewer reminds the communes that have not submitted 2024.
    reviewer = demo_sign_in("noivu.haquang")
    reviewer.goto(live_server.url + reverse("dashboards:status", args=[demo.district.pk, 2024]))
    with reviewer.expect_navigation():
        reviewer.click("#reminder-form button[type=submit]")
    reminded = Notification.objects.filter(kind=NotificationKind.REMINDER, recipient__username="xa.truongha")
    assert reminded.count() == 1
    assert [message.to for message in mail.outbox if "Xã Trường Hà" in message.subject] == [["truongha@example.vn"]]

    # The commune officer sees the badge, opens the inbox and follows the reminder to the year's page.
    # (The demo's own history already told the officer of earlier years' reviews.)
    unread = Notification.objects.filter(recipient__username="xa.truongha", read_at__isnull=True).count()
    officer = demo_sign_in("xa.truongha")
    expect(officer.locator("#unread-count")).to_have_text(str(unread))
    with officer.expect_navigation():
        officer.click("#nav-notifications")
    notification = reminded.get()
    expect(officer.locator(f"#notification-{notification.pk}")).to_contain_text("Xã Trường Hà · 2024")
    shoot(officer, "inbox-desktop")
    phone = demo_sign_in("xa.truongha", viewport=PHONE)
    phone.goto(live_server.url + reverse("notifications:inbox"))
    assert fits(phone, PHONE)
    shoot(phone, "inbox-375")
    with officer.expect_navigation():
        officer.click(f"#notification-{notification.pk} .app-open-notification")
    assert officer.url.endswith(reverse("progress:my-year", args=[demo.commune.pk, 2024]))
    expect(officer.locator("#unread-count")).to_have_text(str(unread - 1))

    # The officer enters one criterion and submits; the reviewer is told, in the app and by e-mail.
    officer.click("#criterion-1 .form-check-label")
    with officer.expect_navigation():
        officer.click("#submit-button")
    assessment = Assessment.objects.get(unit=demo.commune, year=2024)
    assert assessment.status == Assessment.Status.SUBMITTED
    reviewer_unread = Notification.objects.filter(recipient__username="noivu.haquang", read_at__isnull=True).count()
    reviewer.goto(live_server.url + reverse("home"))
    expect(reviewer.locator("#unread-count")).to_have_text(str(reviewer_unread))
    reviewer.goto(live_server.url + reverse("notifications:inbox"))
    submitted = Notification.objects.get(kind=NotificationKind.YEAR_SUBMITTED)
    assert submitted.recipient.username == "noivu.haquang"
    with reviewer.expect_navigation():
        reviewer.click(f"#notification-{submitted.pk} .app-open-notification")
    assert reviewer.url.endswith(reverse("progress:review", args=[assessment.pk]))
    assert ["noivu@example.vn"] in [message.to for message in mail.outbox]


def test_the_leader_sees_the_overdue_items_of_the_plans_below(demo_sign_in, live_server, demo):
    leader = demo_sign_in("lanhdao.haquang")
    leader.goto(live_server.url + reverse("home"))
    leader.click("#nav-progress")
    with leader.expect_navigation():
        leader.click("#nav-overdue")
    expect(leader.locator("#overdue-summary")).to_be_visible()
    shoot(leader, "overdue-desktop")
    phone = demo_sign_in("lanhdao.haquang", viewport=PHONE)
    phone.goto(live_server.url + reverse("campaigns:overdue"))
    assert fits(phone, PHONE)
    shoot(phone, "overdue-375")


def test_the_province_sees_overdue_items_of_several_plans_below_it(demo_sign_in, live_server, demo):
    staff = demo_sign_in("tinh.caobang")
    staff.goto(live_server.url + reverse("campaigns:overdue"))

    links = staff.locator("li[id^=watched-] a[href*='?plan=']")
    plans = {links.nth(i).get_attribute("href") for i in range(links.count())}

    assert len(plans) >= 2, plans
    shoot(staff, "overdue-province")
