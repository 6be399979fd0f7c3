"""A commune creates its plan from the district plan in a real browser; screenshots go to /tmp/shots."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Plan, PlanAmendment
from campaigns.tests.factories import build_ha_quang, make_plan
from conftest import PASSWORD
from units.models import Role, Unit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN"}


@pytest.fixture
def csp_violations(page):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text else None
    )
    return errors


@pytest.fixture
def ha_quang(campaign, province, district):
    return build_ha_quang(campaign, province, district)


def sign_in(page, live_server, username):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def test_a_commune_officer_creates_the_commune_plan_from_the_district_plan(
    page, live_server, make_user, ha_quang, csp_violations
):
    truong_ha = Unit.objects.get(name="Xã Trường Hà")
    make_user("truongha", (truong_ha, Role.COMMUNE_OFFICER))
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server, "truongha")

    page.goto(live_server.url + reverse("campaigns:plan", args=[ha_quang.pk]))
    expect(page.locator("#plan-number")).to_contain_text("3254/KH-UBND")
    with page.expect_navigation():
        page.click("#create-child")
    expect(page.locator("#id_unit")).to_have_value(str(truong_ha.pk))
    page.screenshot(path=SHOTS / "campaigns-child-confirm.png", full_page=True)
    with page.expect_navigation():
        page.click("#confirm-child")

    child = Plan.objects.get(parent=ha_quang)
    assert page.url.endswith(reverse("campaigns:plan-edit", args=[child.pk]))
    expect(page.locator(".alert-success")).to_contain_text("3")
    page.goto(live_server.url + reverse("campaigns:plan", args=[child.pk]))
    rows = page.locator("#targets tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Xã Trường Hà đạt chuẩn NTM năm 2023")
    expect(rows.first).to_have_attribute("data-state", "achieved")
    page.screenshot(path=SHOTS / "campaigns-child-plan.png", full_page=True)
    assert csp_violations == []


def test_plan_pages_render_on_desktop_and_phone(page, live_server, make_user, ha_quang, campaign, csp_violations):
    noivu = make_user("noivu", (ha_quang.issuing_unit, Role.HOME_AFFAIRS))
    make_plan(campaign, Unit.objects.get(name="Xã Ngọc Đào"), parent=ha_quang, number="45/KH-UBND")
    PlanAmendment.objects.create(
        plan=ha_quang, date=datetime.date(2023, 5, 2), reason="Điều chỉnh lộ trình xã Quý Quân", recorded_by=noivu
    )
    ha_quang.title, ha_quang.status, ha_quang._history_user = "Hà Quảng chung sức (sửa đổi)", "amended", noivu
    ha_quang.save()
    SHOTS.mkdir(exist_ok=True)
    sign_in(page, live_server, "noivu")
    pages = {
        "tree": reverse("campaigns:detail", args=[campaign.pk]),
        "plan": reverse("campaigns:plan", args=[ha_quang.pk]),
        "history": reverse("campaigns:plan-history", args=[ha_quang.pk]),
        "target-form": reverse("campaigns:target-create", args=[ha_quang.pk]),
        "plan-form": reverse("campaigns:plan-edit", args=[ha_quang.pk]),
    }
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        for name, url in pages.items():
            page.goto(live_server.url + url)
            page.screenshot(path=SHOTS / f"campaigns-{name}-{size_name}.png", full_page=True)
            # Nothing may stick out sideways on a phone (tables scroll inside their own box).
            assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], (name, size_name)

    page.goto(live_server.url + pages["tree"])
    expect(page.locator(f"#node-{ha_quang.pk} .app-coverage-missing").first).to_contain_text("Xã Trường Hà")
    page.goto(live_server.url + pages["plan"])
    expect(page.locator(".progress-bar").first).to_have_attribute("data-progress", "100")
    assert page.locator(".progress-bar").first.evaluate("bar => bar.style.width") == "100%"
    overdue = [m for m in ha_quang.milestones.all() if m.is_overdue()]
    expect(page.locator(".app-overdue-badge")).to_have_count(len(overdue))
    assert csp_violations == []
