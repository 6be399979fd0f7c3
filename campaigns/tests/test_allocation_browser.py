"""Allocation in a real browser, on the demo data: the Cao Bằng province plan's 2026-2030 target is shared out
among the new communes, a commune plan built from it carries its share, and the province page shows allocated vs
target and each share's state. Screenshots go to /tmp/shots (desktop and 375 px)."""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Plan, Target
from campaigns.targets.evaluation import allocation_frame
from units.demo import DEMO_PASSWORD
from units.models import CodeScheme, Kind, Unit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}
SHARES = ["Hà Quảng", "Thông Nông", "Cần Yên"]


@pytest.fixture
def demo(db):
    # A transactional test starts from an emptied database: the catalogue migration's rows are loaded again.
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process
    province = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code="04")
    return Plan.objects.get(issuing_unit=province, number="DEMO/KH-UBND")


def sign_in(page, live_server, username):
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def pick(page, field_id, text, name):
    """Choose a unit in the picker: a <select> for a few units, else type and click the match."""
    field = page.locator(f"#{field_id}")
    if field.evaluate("node => node.tagName") == "SELECT":
        field.select_option(label=field.locator("option", has_text=name).first.inner_text())
        return
    field.press_sequentially(text, delay=20)
    page.locator(f"#{field_id}-listbox [role=option]", has_text=name).first.click()


def no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1


def test_the_province_shares_its_target_out_to_communes_and_a_commune_plan_carries_its_share(page, live_server, demo):
    SHOTS.mkdir(exist_ok=True)
    target = demo.targets.get(measure=Target.Measure.PERCENT)  # "45% of the communes at NTM by 2030"
    goal, _sizes = allocation_frame(target)
    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server, "tinh.caobang")

    page.goto(live_server.url + reverse("campaigns:plan", args=[demo.pk]))
    page.click(f"#allocate-{target.pk}")
    for index, name in enumerate(SHARES):
        pick(page, f"id_form-{index}-unit", name.lower(), f"Xã {name}")
        page.fill(f"#id_form-{index}-value", "1")
    page.screenshot(path=SHOTS / "allocation-form-desktop.png", full_page=True)
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    page.screenshot(path=SHOTS / "allocation-form-phone.png", full_page=True)
    with page.expect_navigation():
        page.locator("#allocation-form button[type=submit]").click()

    block = page.locator(f"#allocation-{target.pk}")
    expect(block).to_contain_text(f"Đã giao 3/{goal} đơn vị")
    expect(block.locator(".app-balance")).to_have_attribute("data-balance", "under" if goal > 3 else "even")
    expect(block.locator(".app-share")).to_have_count(3)
    # Xã Hà Quảng (new) has the demo's NTM decision of 02/12/2026: its share is met; the others are not yet.
    expect(block.locator('.app-share[data-unit="Xã Hà Quảng"]')).to_have_attribute("data-state", "achieved")
    expect(block.locator('.app-share[data-unit="Xã Cần Yên"]')).not_to_have_attribute("data-state", "achieved")
    expect(block.locator(".app-rollup")).to_contain_text("1 trong các phần giao")
    no_sideways_scroll(page)
    block.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "allocation-plan-phone.png")
    page.set_viewport_size(DESKTOP)
    block.scroll_into_view_if_needed()
    page.screenshot(path=SHOTS / "allocation-plan-desktop.png")

    page.goto(live_server.url + reverse("campaigns:plan-create") + f"?parent={demo.pk}")
    pick(page, "id_unit", "ha quang", "Xã Hà Quảng")
    with page.expect_navigation():
        page.locator("form[method=post] button[type=submit]").first.click()
    child = Plan.objects.get(parent=demo, issuing_unit__name="Xã Hà Quảng")
    page.goto(live_server.url + reverse("campaigns:plan", args=[child.pk]))

    share = child.targets.get(allocation__target=target)
    row = page.locator(f"#target-{share.pk}")
    expect(row.locator(".app-allocated-from")).to_be_visible()
    expect(row).to_have_attribute("data-state", "achieved")
    expect(page.locator(f"#allocate-{share.pk}")).to_have_count(0)  # a commune has no level below to share out to
    assert (share.target_value, share.measure, share.scope_unit.name) == (1, Target.Measure.COUNT, "Xã Hà Quảng")
    page.screenshot(path=SHOTS / "allocation-child-plan-desktop.png")
