"""The main pages at 375 px wide and under axe-core, as the demo users see them (issue #14 item 5).

axe-core is vendored beside this file (assets/axe-4.10.2.min.js, from the npm package axe-core 4.10.2) and injected
into the page by the test only: product pages never load it.
"""

import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from campaigns.models import Plan
from units.demo import DEMO_PASSWORD
from units.models import CodeScheme, Kind, Unit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

AXE = Path(__file__).parent / "assets" / "axe-4.10.2.min.js"
PHONE = {"width": 375, "height": 800}
SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets


@pytest.fixture
def demo(db):
    # A transactional test starts from an emptied database: the catalogue migration's rows are loaded again.
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process


@pytest.fixture
def main_pages(demo):
    """(demo user, page name, path, selector of the page's main actions) for the main pages."""
    commune = Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.COMMUNE, code="01399")
    plan = Plan.objects.filter(targets__isnull=False).order_by("pk").first()
    new_commune = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.COMMUNE, code="01392")
    province = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code="04")
    return [
        ("xa.truongha", "my-years", reverse("progress:my-years"), "main a"),
        ("xa.truongha", "my-year", reverse("progress:my-year", args=[commune.pk, 2024]), "#assessment-form button"),
        ("xa.truongha", "nominations", reverse("awards:list"), "#awards-tabs a"),
        ("noivu.haquang", "assessment-queue", reverse("progress:queue"), "[id^=review-]"),
        ("noivu.haquang", "appraisal-queue", reverse("awards:queue"), "#awards-tabs a, main td a.btn"),
        ("noivu.haquang", "plan", reverse("campaigns:plan", args=[plan.pk]), "#targets a, #targets .progress"),
        ("xa.truongha2025", "my-year-2026", reverse("progress:my-year", args=[new_commune.pk, 2026]), "form button"),
        ("noivu.caobang", "province-queue", reverse("progress:queue"), "[id^=review-]"),
        ("noivu.caobang", "province-dashboard", reverse("dashboards:status", args=[province.pk, 2026]), "main h1"),
        ("noivu.caobang", "criteria-matrix", reverse("dashboards:matrix", args=[province.pk, 2026]), "main h1"),
        ("tinh.caobang", "new-plan", reverse("campaigns:plan-create"), "form button[type=submit]"),
    ]


@pytest.fixture
def open_as(browser, live_server):
    """open_as(username, viewport) → a signed-in page. CSP is bypassed only so that the test can inject axe-core."""
    contexts = {}

    def open_page(username, viewport):
        key = (username, viewport["width"])
        if key not in contexts:
            context = browser.new_context(viewport=viewport, locale="vi-VN", bypass_csp=True)
            page = context.new_page()
            page.goto(live_server.url + reverse("login"))
            page.fill("#id_username", username)
            page.fill("#id_password", DEMO_PASSWORD)
            with page.expect_navigation():
                page.click("button[type=submit]")
            contexts[key] = (context, page)
        return contexts[key][1]

    yield open_page
    for context, _page in contexts.values():
        context.close()


def test_every_main_page_fits_a_375_px_phone_with_its_actions_on_screen(open_as, live_server, main_pages):
    SHOTS.mkdir(exist_ok=True)
    for username, name, path, actions in main_pages:
        page = open_as(username, PHONE)
        page.goto(live_server.url + path)
        page.screenshot(path=SHOTS / f"phone-{name}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
        boxes = [box for box in (item.bounding_box() for item in page.locator(actions).all()) if box]
        assert boxes, f"{name}: no action found by {actions}"
        outside = [box for box in boxes if box["x"] < 0 or box["x"] + box["width"] > PHONE["width"] + 0.5]
        assert outside == [], f"{name}: {len(outside)} of {len(boxes)} actions off screen"


def test_axe_finds_no_wcag_2_a_or_aa_violation_on_the_main_pages(open_as, live_server, main_pages):
    found = {}
    for username, name, path, _actions in main_pages:
        for viewport in (PHONE, {"width": 1280, "height": 900}):
            page = open_as(username, viewport)
            page.goto(live_server.url + path)
            page.add_script_tag(path=AXE)
            violations = page.evaluate(
                "async () => (await axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 5).join(', '))"
            )
            if violations:
                found[f"{name} at {viewport['width']}"] = violations
    assert found == {}, "\n".join(f"{page}: {v}" for page, items in found.items() for v in items)
