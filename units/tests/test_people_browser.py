"""In a real browser: a district account administrator creates a commune officer's account, choosing the commune
with the picker; the officer signs in with the set-password link. Then the historical unit and campaign pages.

Screenshots of each new page go to /tmp/shots (desktop and 375 px).
"""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Campaign
from units.models import CodeScheme, Kind, Role, Unit, User
from units.tests.test_unit_picker import bulk_communes

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 375, "height": 760}
DESKTOP = {"width": 1280, "height": 900}
NEW_PASSWORD = "ruộng-lúa-xanh-2025"


@pytest.fixture
def csp_violations():
    return []


def watch_csp(page, errors):
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)


def shoot(page, name):
    """A desktop and a phone screenshot of the page; the phone one also checks nothing scrolls sideways."""
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SHOTS / f"{name}-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    page.screenshot(path=SHOTS / f"{name}-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)


@pytest.fixture
def district(make_unit, make_user):
    legacy = {"valid_to": datetime.date(2025, 6, 30), "code_scheme": CodeScheme.LEGACY}
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", short_name="Cao Bằng", **legacy)
    district = make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, code="045", **legacy)
    make_unit("Xã Trường Hà", Kind.COMMUNE, district, code="01381", **legacy)
    make_unit(
        "Xã Trường Hải",
        Kind.COMMUNE,
        make_unit("Huyện Hòa An", Kind.DISTRICT, province, **legacy),
        code="01500",
        **legacy,
    )
    bulk_communes(district, 30)
    make_user("qt.haquang", (district, Role.ACCOUNT_ADMIN), full_name="Nông Thị Quản")
    make_user("so.noivu", (province, Role.PROVINCE_STAFF), full_name="Hoàng Văn Sở")
    return district


def test_an_administrator_creates_a_commune_officer_who_then_signs_in(
    sign_in, live_server, district, browser, csp_violations
):
    page = sign_in("qt.haquang")
    watch_csp(page, csp_violations)
    page.click("#nav-manage")
    with page.expect_navigation():
        page.click("#nav-people")
    with page.expect_navigation():
        page.click("#new-person")

    page.fill("#id_username", "xa.truongha.hoa")
    page.fill("#id_full_name", "Nguyễn Thị Hoa")
    page.fill("#id_position", "Công chức văn hóa - xã hội")
    picker = page.locator("#id_unit")
    picker.press_sequentially("truong ha", delay=20)
    options = page.locator("#id_unit-listbox [role=option]")
    expect(options).to_have_count(1)  # Trường Hải is in another district
    expect(options.first).to_contain_text("Huyện Hà Quảng")
    shoot(page, "person-create")
    picker.press("ArrowDown")
    picker.press("Enter")
    expect(picker).to_have_value(re.compile("^Xã Trường Hà — Huyện Hà Quảng, Cao Bằng"))
    page.select_option("#id_role", Role.COMMUNE_OFFICER)
    with page.expect_navigation():
        page.locator("#person-form button[type=submit]").click()

    link = page.locator("#set-password-link").inner_text().strip()
    user = User.objects.get(username="xa.truongha.hoa")
    assert [(m.unit.name, m.role) for m in user.memberships.all()] == [("Xã Trường Hà", Role.COMMUNE_OFFICER)]
    shoot(page, "person-edit")
    page.goto(live_server.url + reverse("people:list"))
    shoot(page, "person-list")

    officer = browser.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
    officer.goto(link)
    officer.fill("#id_new_password1", NEW_PASSWORD)
    officer.fill("#id_new_password2", NEW_PASSWORD)
    with officer.expect_navigation():
        officer.click("#set-password-submit")
    officer.goto(live_server.url + reverse("login"))
    officer.fill("#id_username", "xa.truongha.hoa")
    officer.fill("#id_password", NEW_PASSWORD)
    with officer.expect_navigation():
        officer.click("button[type=submit]")
    expect(officer.locator("#landing-commune_officer")).to_be_visible()
    expect(officer.locator("body")).to_contain_text("Nguyễn Thị Hoa")
    officer.context.close()
    assert csp_violations == []


def test_province_staff_add_a_historical_commune_through_the_pickers(sign_in, live_server, district, csp_violations):
    Unit.objects.filter(name="Xã Trường Hà").update(valid_from=datetime.date(2023, 1, 1))
    page = sign_in("so.noivu")
    watch_csp(page, csp_violations)
    page.goto(live_server.url + reverse("units:browse"))
    with page.expect_navigation():
        page.click("#nav-historical")
    with page.expect_navigation():
        page.click("#new-historical-unit")

    page.select_option("#id_kind", Kind.COMMUNE)
    page.select_option("#id_division_type", "Xã")
    page.fill("#id_name", "Xã Sóc Hà")
    page.select_option("#id_parent", str(district.pk))  # three units to choose from: a plain list
    page.fill("#id_valid_to", "31/12/2022")
    page.locator("#id_successor").press_sequentially("truong ha", delay=20)
    page.locator("#id_successor-listbox [role=option]", has_text="Huyện Hà Quảng").click()
    page.fill("#id_legal_basis", "Nghị quyết 1107/NQ-UBTVQH14")
    shoot(page, "historical-create")
    with page.expect_navigation():
        page.locator("#historical-form button[type=submit]").click()

    unit = Unit.objects.get(name="Xã Sóc Hà")
    assert unit.successor_links.get().successor.name == "Xã Trường Hà"
    page.goto(live_server.url + reverse("units:historical"))
    expect(page.locator("#historical-units")).to_contain_text("Xã Sóc Hà")
    shoot(page, "historical-list")

    # A refusal stays next to its field, with everything typed kept.
    page.goto(live_server.url + reverse("units:historical-create"))
    page.select_option("#id_kind", Kind.COMMUNE)
    page.select_option("#id_division_type", "Xã")
    page.fill("#id_name", "Xã Cũ")
    page.select_option("#id_parent", str(district.pk))  # three units to choose from: a plain list
    page.fill("#id_valid_from", "01/01/2024")
    page.fill("#id_valid_to", "31/12/2022")
    with page.expect_navigation():
        page.locator("#historical-form button[type=submit]").click()
    expect(page.locator("#error_1_id_valid_to")).to_be_visible()
    expect(page.locator("#id_name")).to_have_value("Xã Cũ")
    shoot(page, "historical-refused")
    assert csp_violations == []


def test_a_national_administrator_adds_a_campaign(sign_in, live_server, make_user, district, csp_violations):
    make_user("quantri", (district.parent, Role.ADMINISTRATOR))
    page = sign_in("quantri")
    watch_csp(page, csp_violations)
    page.goto(live_server.url + reverse("campaigns:overview"))
    with page.expect_navigation():
        page.click("#new-campaign")
    page.fill("#id_name", "Phong trào thi đua chung sức")
    page.fill("#id_start_year", "2026")
    page.fill("#id_end_year", "2024")
    with page.expect_navigation():
        page.locator("#campaign-form button[type=submit]").click()
    expect(page.locator("#campaign-form .invalid-feedback")).to_have_count(1)
    shoot(page, "campaign-refused")
    page.fill("#id_end_year", "2030")
    with page.expect_navigation():
        page.locator("#campaign-form button[type=submit]").click()

    campaign = Campaign.objects.get(name="Phong trào thi đua chung sức")
    assert campaign.final_year == 2030
    expect(page.locator("#edit-campaign")).to_be_visible()
    assert csp_violations == []
