"""In a browser: the staff of a province formed in 2025 switch its dashboard between old and new units."""

from pathlib import Path

import pytest
from django.urls import reverse

from campaigns.models import Campaign
from conftest import PASSWORD
from units.models import Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets


def test_province_staff_switch_the_2025_submissions_between_new_and_old_units(browser, live_server, make_user, tree):
    # The movement's row, which the emptied database of a transactional test no longer has.
    Campaign.objects.get_or_create(name="Phong trào 2021-2025", start_year=2021, defaults={"end_year": 2025})
    make_user("tinh.mot", (tree.new_province, Role.PROVINCE_STAFF))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", "tinh.mot")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")

    page.goto(live_server.url + reverse("dashboards:status", args=[tree.new_province.pk, 2025]))
    rows = page.locator("table tbody tr")
    assert rows.count() == 1 and "Xã Trường Hà" in rows.first.inner_text()
    with page.expect_navigation():
        page.locator("#units-switch a", has_text="Theo đơn vị cũ").click()

    assert "units=old" in page.url
    names = page.locator("table tbody tr").all_inner_texts()
    assert len(names) == 2 and any("Xã Ngọc Đào" in name for name in names)
    assert page.locator("#year-nav a", has_text="2021").count() == 1  # the old province's years are reachable
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / "dashboard-old-units.png", full_page=True)
    context.close()
