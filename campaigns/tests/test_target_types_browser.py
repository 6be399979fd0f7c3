"""The new target types in a real browser: a "villages in each commune" target entered with its communes in the
plan's order, then shown on the plan page in that order with their district. Screenshots go to /tmp/shots."""

from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import RecognitionStatus, Target
from conftest import PASSWORD
from units.models import Kind, Role
from units.tests.test_unit_picker import bulk_communes

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
PHONE = {"width": 375, "height": 800}
ORDER = ["Xã Quý Quân", "Xã Sóc Hà", "Xã Nội Thôn"]


def test_an_official_enters_villages_in_each_commune_and_sees_the_communes_in_the_plans_order(
    page, live_server, plan, district, make_unit, make_user
):
    SHOTS.mkdir(exist_ok=True)
    for name in sorted(ORDER):
        make_unit(name, Kind.COMMUNE, district)
    bulk_communes(district, 30)  # enough for the search box rather than a list
    make_user("noivu", (district, Role.HOME_AFFAIRS))
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "noivu")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")

    page.goto(live_server.url + reverse("campaigns:target-create", args=[plan.pk]))
    page.select_option("#id_type", Target.Type.VILLAGES_EACH)
    expect(page.locator("#div_id_division_type")).to_be_visible()
    expect(page.locator("#div_id_indicator")).to_be_hidden()
    page.fill("#id_description", "Mỗi xã có ít nhất 01 thôn đạt chuẩn nông thôn mới")
    page.select_option("#id_status", RecognitionStatus.VILLAGE_NTM)
    page.select_option("#id_division_type", "Xã")
    picker = page.locator("#id_units")
    for name in ORDER:
        picker.press_sequentially(name.removeprefix("Xã ").lower(), delay=20)
        page.locator("#id_units-listbox [role=option]", has_text=name).first.click()
    page.screenshot(path=SHOTS / "target-villages-each-form.png", full_page=True)
    with page.expect_navigation():
        page.locator("#target-form button[type=submit]").click()

    target = Target.objects.get(type=Target.Type.VILLAGES_EACH)
    assert [unit.name for unit in target.ordered_units()] == ORDER
    listed = page.locator(f"#target-{target.pk} .app-named-units li")
    expect(listed).to_have_count(3)
    for index, name in enumerate(ORDER):
        expect(listed.nth(index)).to_contain_text(f"{name} (Huyện Hà Quảng)")
    page.set_viewport_size(PHONE)
    page.locator(f"#target-{target.pk}").scroll_into_view_if_needed()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    page.screenshot(path=SHOTS / "target-villages-each-phone.png")
