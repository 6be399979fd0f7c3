"""In a real browser: a long appraisal queue pages 25 files at a time without reloading the page, in Vietnamese,
and the pager stays reachable on a 375 px phone. Screenshots go to /tmp/shots for people to look at."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from awards.models import Nomination

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 375, "height": 812}
Status = Nomination.Status


def test_the_reviewer_pages_through_a_long_queue(sign_in, live_server, reviewer, at_district):
    submitted = [at_district(status=Status.SUBMITTED) for _ in range(20)]
    approved = [at_district(status=Status.APPROVED) for _ in range(10)]
    page = sign_in(reviewer.username)
    page.goto(live_server.url + reverse("awards:queue"))

    expect(page.locator("#queue-table tbody tr")).to_have_count(25)
    pager = page.get_by_role("navigation", name="Phân trang")
    expect(pager).to_contain_text("Trang 1/2")
    expect(page.locator("#queue-counts [data-status=approved] .badge")).to_have_text("10")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "queue-paging-1.png", full_page=True)

    pager.get_by_role("link", name="Trang sau").click()
    expect(pager).to_contain_text("Trang 2/2")
    expect(page).to_have_url(live_server.url + reverse("awards:queue") + "?page=2")
    expect(page.locator("#queue-table tbody tr")).to_have_count(5)
    expect(page.locator(f"#queue-{approved[-1].pk}")).to_be_visible()
    expect(page.locator(f"#queue-{submitted[0].pk}")).to_have_count(0)
    # The tờ trình still covers the ten approved files, five of them on the other page.
    expect(page.locator("#print-submission input[name=nominations]")).to_have_count(10)

    page.set_viewport_size(PHONE)
    back = pager.get_by_role("link", name="Trang trước")
    back.scroll_into_view_if_needed()
    box = back.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=SHOTS / "queue-paging-2-375.png", full_page=True)
    back.click()
    expect(pager).to_contain_text("Trang 1/2")
    expect(page.locator(f"#queue-{submitted[0].pk}")).to_be_visible()
