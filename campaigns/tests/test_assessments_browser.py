"""The whole yearly loop in the browser, on the demo data: enter, submit, return, fix, resubmit, approve.

Assertions read ids, names and dates, not interface text, so they hold in Vietnamese and in English.
"""

import datetime
import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Assessment
from units.demo import DEMO_PASSWORD
from units.models import CodeScheme, Kind, Unit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
REASON = "Tiêu chí 16: bổ sung quyết định công nhận xóm văn hóa."


@pytest.fixture
def demo(db):
    # A transactional test starts from an emptied database: the catalogue migration's rows are loaded again.
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process
    return Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.COMMUNE, code="01399")


@pytest.fixture
def sign_in(browser, live_server):
    """sign_in(username, viewport) → a page of a fresh browser context signed in as that demo user.

    The contexts are closed before the live server stops, so no request thread outlives it.
    """
    contexts = []

    def open_page(username, viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.csp = []
        page.on("console", lambda msg: page.csp.append(msg.text) if "Content Security" in msg.text else None)
        page.goto(live_server.url + reverse("login"))
        page.fill("#id_username", username)
        page.fill("#id_password", DEMO_PASSWORD)
        with page.expect_navigation():
            page.click("button[type=submit]")
        return page

    yield open_page
    for context in contexts:
        context.close()


def shoot(page, name, full_page=True):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"progress-{name}.png", full_page=full_page)


def switch(page, number):
    return page.locator(f"#criterion-{number} .js-achieved")


def test_a_commune_year_goes_from_entry_through_a_return_to_approval(sign_in, live_server, demo, clock):
    # On 16/12/2024 the legacy commune's year goes to its district, whose demo reviewer takes it up; sent after
    # 30/06/2025 it would go to the 2025 province instead (units.hierarchy.level_above).
    clock(datetime.date(2024, 12, 16))
    year_url = live_server.url + reverse("progress:my-year", args=[demo.pk, 2024])

    # The officer ticks the criteria of 2024 (by click, and one by keyboard) and submits.
    officer = sign_in("xa.truongha")
    officer.goto(live_server.url + reverse("progress:my-years"))
    shoot(officer, "1-my-years")
    with officer.expect_navigation():
        officer.click(f"#year-{demo.pk}-2024")
    expect(officer.locator("#state-saved")).to_be_visible()
    for number in range(1, 16):
        if number != 3:
            officer.click(f"#criterion-{number} .form-check-label")
    switch(officer, 3).focus()
    officer.keyboard.press("Space")
    officer.fill("#criterion-9 input[type=text]", "Không còn nhà tạm")
    expect(officer.locator("#met-count")).to_have_text("15")
    expect(officer.locator("#state-unsaved")).to_be_visible()
    officer.locator("#criterion-10 summary").click()
    shoot(officer, "2-my-year-editing", full_page=False)

    phone = sign_in("xa.truongha", viewport=PHONE)
    phone.goto(year_url)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.locator("#criterion-2 summary").click()
    shoot(phone, "3-my-year-phone", full_page=False)  # what the phone shows, the sticky footer included

    with officer.expect_navigation():
        officer.click("#submit-button")
    expect(officer.locator("#lock-banner")).to_have_attribute("data-state", "submitted")
    expect(officer.locator("#lock-banner")).to_contain_text("Huyện Hà Quảng")  # who reviews it
    expect(switch(officer, 1)).to_be_disabled()
    shoot(officer, "4-submitted")
    assessment = Assessment.objects.get(unit=demo, year=2024)
    assert (assessment.status, assessment.criteria_met) == (Assessment.Status.SUBMITTED, 15)

    # The district's reviewer finds it in the queue and returns it with a reason.
    reviewer = sign_in("noivu.haquang")
    reviewer.goto(live_server.url + reverse("progress:queue"))
    expect(reviewer.locator(f"#queue-row-{assessment.pk}")).to_contain_text("Xã Trường Hà")
    shoot(reviewer, "5-queue")
    with reviewer.expect_navigation():
        reviewer.click(f"#review-{assessment.pk}")
    reviewer.fill("#id_reason", REASON)
    shoot(reviewer, "6-review")
    with reviewer.expect_navigation():
        reviewer.click("#return-button")

    # The officer sees the reason, ticks criterion 16 and submits again.
    officer.goto(year_url)
    expect(officer.locator("#return-reason")).to_contain_text(REASON)
    expect(officer.locator("#return-reason")).to_contain_text("Hoàng Văn Thắng")
    shoot(officer, "7-returned")
    officer.click("#criterion-16 .form-check-label")
    expect(officer.locator("#met-count")).to_have_text("16")
    with officer.expect_navigation():
        officer.click("#submit-button")
    expect(officer.locator("#lock-banner")).to_be_visible()

    # The reviewer sees what changed since the return, and approves.
    reviewer.goto(live_server.url + reverse("progress:review", args=[assessment.pk]))
    expect(reviewer.locator("#changes-since-return")).to_contain_text("16. Văn hóa")
    expect(reviewer.locator("#changes-since-return")).to_contain_text("Đàm Thị Lan")
    shoot(reviewer, "8-review-changes")
    with reviewer.expect_navigation():
        reviewer.click("#approve-button")
    expect(reviewer.locator(f"#queue-row-{assessment.pk} .progress-status")).to_have_attribute(
        "data-status", "approved"
    )

    # The year is locked, and says by whom and when.
    officer.goto(year_url)
    banner = officer.locator("#lock-banner")
    expect(banner).to_have_attribute("data-state", "approved")
    expect(banner).to_contain_text(re.compile(r"Hoàng Văn Thắng.*\d\d/\d\d/\d{4}"))
    expect(officer.locator("#submit-button")).to_have_count(0)
    shoot(officer, "9-approved")
    officer.goto(live_server.url + reverse("progress:history", args=[assessment.pk]))
    shoot(officer, "10-history")
    assessment.refresh_from_db()
    assert (assessment.status, assessment.criteria_met) == (Assessment.Status.APPROVED, 16)
    assert officer.csp == phone.csp == reviewer.csp == []
