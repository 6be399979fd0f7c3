"""In the browser: Home Affairs of the new Cao Bằng opens the emulation statistics from the reports page, types the
staff figures the app does not hold, and requests the PDF."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from reports.models import Report
from reports.tests.test_reports_browser import csp_violations, queue, sign_in  # noqa: F401 - fixtures

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets


def test_home_affairs_enters_the_staff_figures_and_requests_the_statistics(page, live_server, queue, csp_violations):  # noqa: F811
    call_command("load_demo", verbosity=0)
    SHOTS.mkdir(exist_ok=True)
    sign_in(page, live_server, "noivu.caobang")

    page.goto(live_server.url + reverse("reports:list"))
    with page.expect_navigation():
        page.click("#open-statistics")
    expect(page.locator("h2", has_text="0603.N/BNV-TĐKT")).to_be_visible()
    page.fill('input[name="0605.N/BNV-TĐKT|01|1"]', "-1")
    with page.expect_navigation():
        page.click("#request-statistics")
    expect(page.locator(".invalid-feedback").first).to_contain_text("lớn hơn hoặc bằng")
    page.screenshot(path=SHOTS / "statistics-error.png", full_page=True)

    page.fill('input[name="0605.N/BNV-TĐKT|01|1"]', "9")
    page.fill('input[name="0605.N/BNV-TĐKT|01|2"]', "5")
    with page.expect_navigation():
        page.click("#request-statistics")

    report = Report.objects.get(kind=Report.Kind.STATISTICS)
    assert queue.queued == [report.pk]
    assert report.parameters["entered"] == {"0605.N/BNV-TĐKT|01|1": 9, "0605.N/BNV-TĐKT|01|2": 5}
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + reverse("reports:statistics"))
    page.screenshot(path=SHOTS / "statistics-phone.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    assert csp_violations == []
