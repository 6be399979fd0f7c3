"""Public posting in a real browser: the district reviewer posts a Bằng khen nomination, an anonymous visitor
comments, the reviewer reads the comment in the appraisal, and the council page says why it cannot vote yet.
Screenshots go to /tmp/shots."""

import datetime
from pathlib import Path

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import expect

from awards import services
from awards.models import PostingComment
from awards.tests.factories_council import MEMBERS

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 375, "height": 812}


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"posting-{name}.png", full_page=True)
    size = page.viewport_size
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / f"posting-{name}-phone.png", full_page=True)
    page.set_viewport_size(size)


def test_a_posted_nomination_collects_a_comment_that_the_reviewer_reads(
    sign_in, browser, live_server, at_district, forms, reviewer, tree, clock
):
    clock(datetime.date(2025, 4, 7))
    cache.clear()
    nomination = at_district(award_form=forms.province_merit)
    session = services.create_council_session(
        council_unit=tree.district, title="Phiên họp tháng 4", date=datetime.date(2025, 4, 15),
        members=[dict(member) for member in MEMBERS], secret_ballot=False, by=reviewer,
    )  # fmt: skip

    page = sign_in("reviewer")
    page.goto(live_server.url + reverse("awards:appraise", args=[nomination.pk]))
    page.fill("#id_posting-starts_on", "07/04/2025")
    page.fill("#id_posting-working_days", "10")
    with page.expect_navigation():
        page.click("#open-posting")
    expect(page.locator("#posting-dates")).to_contain_text("18/04/2025")

    visitor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN").new_page()
    visitor.goto(live_server.url + reverse("login"))
    with visitor.expect_navigation():
        visitor.click("#link-public-postings")
    shoot(visitor, "list")
    with visitor.expect_navigation():
        visitor.click("#posting-list a")
    expect(visitor.locator("#achievements")).to_contain_text("Đạt chuẩn nông thôn mới")
    visitor.fill("#id_name", "Trần Thị Bình")
    visitor.fill("#id_contact", "0912 345 678")
    visitor.fill("#id_text", "Tôi xác nhận thành tích của đơn vị.")
    shoot(visitor, "detail")
    with visitor.expect_navigation():
        visitor.click("#send-comment")
    expect(visitor.locator(".alert-success")).to_be_visible()
    assert PostingComment.objects.filter(posting__nomination=nomination).count() == 1
    visitor.context.close()

    page.reload()
    expect(page.locator("#posting-comments")).to_contain_text("Tôi xác nhận thành tích của đơn vị.")
    shoot(page, "appraisal")

    page.select_option("#id_session", str(session.pk))
    with page.expect_navigation():
        page.click("#put-on-agenda")
    page.goto(live_server.url + reverse("awards:session", args=[session.pk]))
    expect(page.locator("[id^=vote-blocked-]")).to_contain_text("18/04/2025")
    shoot(page, "council")
