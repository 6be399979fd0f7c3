import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from conftest import PASSWORD

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A browser set to Vietnamese, like the officials' (Django follows Accept-Language)."""
    return {**browser_context_args, "locale": "vi-VN"}


@pytest.fixture
def csp_violations(page):
    """Console errors from the Content Security Policy: an inline script or style slipped in."""
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None
    )
    return errors


def sign_in(page, live_server, username="officer"):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_an_officer_signs_in_through_the_browser_and_lands_on_their_page(page, live_server, officer, csp_violations):
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + reverse("login"))
    page.screenshot(path=SHOTS / "login-desktop.png", full_page=True)

    sign_in(page, live_server)

    expect(page.locator("#landing-commune_officer")).to_be_visible()
    expect(page.locator("#unit-historical")).to_contain_text("30/06/2025")
    page.screenshot(path=SHOTS / "landing-commune-officer.png", full_page=True)
    assert csp_violations == []


def test_the_login_page_fits_a_phone_screen(page, live_server, csp_violations):
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(PHONE)

    page.goto(live_server.url + reverse("login"))

    expect(page.locator("#id_username")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=SHOTS / "login-phone.png", full_page=True)
    assert csp_violations == []


def test_the_phone_menu_opens_with_the_toggler_and_logs_out(page, live_server, officer, csp_violations):
    page.set_viewport_size(PHONE)
    sign_in(page, live_server)
    expect(page.locator("#main-nav")).to_be_hidden()

    page.click(".navbar-toggler")  # needs bootstrap.bundle.min.js, loaded from our own static files
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bshow\b"))  # set once the slide has ended
    expect(page.locator(f"#main-nav a[href='{reverse('units:browse')}']")).to_be_visible()
    page.click("#user-menu")
    expect(page.locator("#user-unit")).to_contain_text("Xã Trường Hà")
    page.screenshot(path=SHOTS / "landing-phone-menu.png", full_page=True)
    with page.expect_navigation():
        page.click("#logout")

    expect(page.locator("#id_username")).to_be_visible()
    assert csp_violations == []
