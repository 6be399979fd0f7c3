"""The unit picker in a real browser: type a name without diacritics on "New plan", pick with the keyboard, save.

Screenshots of the open picker go to /tmp/shots (desktop and 375 px).
"""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Campaign, Plan
from conftest import PASSWORD
from units.models import Kind, Role
from units.tests.test_unit_picker import bulk_communes

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 375, "height": 760}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def csp_violations(page):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None
    )
    return errors


@pytest.fixture
def province(make_unit, make_user):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", short_name="Cao Bằng")
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, code="045")
    make_unit("Xã Trường Hà", Kind.COMMUNE, district, code="01381")
    make_unit("Xã Trường Hải", Kind.COMMUNE, make_unit("Huyện Hòa An", Kind.DISTRICT, province), code="01500")
    bulk_communes(district, 60)
    make_user("sonoivu", (province, Role.PROVINCE_STAFF))
    return province


@pytest.fixture
def campaign(db):
    # The migrations enter it, but a transactional test flushes the tables after it runs.
    return Campaign.objects.get_or_create(
        name="Cả nước chung sức xây dựng nông thôn mới", start_year=2021, defaults={"end_year": 2025}
    )[0]


def show(picker):
    """Scroll the search box near the top, so that a screenshot shows it with its open list."""
    picker.evaluate("box => window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY - 120)")


def sign_in(page, live_server, username):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_an_official_types_a_commune_without_diacritics_picks_it_with_the_keyboard_and_saves(
    page, live_server, province, campaign, csp_violations
):
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server, "sonoivu")
    page.goto(live_server.url + reverse("campaigns:plan-create") + f"?campaign={campaign.pk}")

    picker = page.locator("#id_issuing_unit")
    expect(picker).to_have_attribute("role", "combobox")
    picker.press_sequentially("truong ha", delay=20)
    options = page.locator("#id_issuing_unit-listbox [role=option]")
    expect(options).to_have_count(2)  # Trường Hà and Trường Hải
    expect(options.first).to_contain_text("Huyện Hà Quảng, Cao Bằng")
    expect(picker).to_have_attribute("aria-expanded", "true")
    show(picker)
    page.screenshot(path=SHOTS / "unit-picker-desktop.png")

    page.set_viewport_size(PHONE)
    picker.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    show(picker)
    page.screenshot(path=SHOTS / "unit-picker-phone.png")

    picker.press("Enter")  # picks, does not submit
    expect(picker).to_have_value("Xã Trường Hà — Huyện Hà Quảng, Cao Bằng")
    expect(picker).to_have_attribute("aria-expanded", "false")
    page.fill("#id_number", "15/KH-UBND")
    page.fill("#id_title", "Trường Hà chung sức xây dựng nông thôn mới")
    page.fill("#id_issuer_name", "UBND xã Trường Hà")
    with page.expect_navigation():
        page.locator("#plan-form button[type=submit]").first.click()

    plan = Plan.objects.get(number="15/KH-UBND")
    assert plan.issuing_unit.name == "Xã Trường Hà"
    assert csp_violations == []


def test_without_choosing_from_the_list_a_typed_name_that_matches_several_units_is_asked_about(
    page, live_server, province, campaign
):
    sign_in(page, live_server, "sonoivu")
    page.goto(live_server.url + reverse("campaigns:plan-create") + f"?campaign={campaign.pk}")

    page.fill("#id_issuing_unit", "truong")
    page.keyboard.press("Escape")
    page.fill("#id_number", "16/KH-UBND")
    page.fill("#id_title", "Kế hoạch")
    page.fill("#id_issuer_name", "UBND xã Trường Hà")
    with page.expect_navigation():
        page.locator("#plan-form button[type=submit]").first.click()

    expect(page.locator("#plan-form")).to_contain_text("Xã Trường Hải — Huyện Hòa An, Cao Bằng")
    assert not Plan.objects.filter(number="16/KH-UBND").exists()
