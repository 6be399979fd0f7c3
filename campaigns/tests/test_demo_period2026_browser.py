"""In a browser, on the demo data and with the demo accounts: the "Done when" of the 2026-2030 period.

xa.truongha2025 (the new Xã Trường Hà) finds 2026 in "My years", sees the ten QĐ 51/2025 criteria and its commune
group, reads its predecessors' baseline on its page, submits; noivu.caobang approves it in a batch from the
province's queue; the province dashboard and matrix show 2026, the overview offers the old/new units switch and the
Phụ lục III conditions with their figures.

Assertions read ids and data attributes, not interface text. Screenshots go to /tmp/shots for people.
"""

import datetime
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from campaigns.models import Assessment, CommuneGroup
from units.models import CodeScheme, Kind, Unit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def demo(db):
    # A transactional test starts from an emptied database: the catalogue migration's rows are loaded again
    # (the programmes and the QĐ 51 set come back by themselves: campaigns.apps.ensure_reference_data).
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115 - closed with the process


def shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SHOTS / f"period2026-{name}.png", full_page=True)


def new_unit(kind, code):
    return Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=kind, code=code)


def test_the_new_communes_2026_year_goes_from_the_demo_account_to_the_province_dashboard(
    demo_sign_in, live_server, demo, clock
):
    clock(datetime.date(2026, 12, 16))
    url = live_server.url
    commune, province = new_unit(Kind.COMMUNE, "01392"), new_unit(Kind.PROVINCE, "04")
    group = CommuneGroup.objects.get(unit=commune)

    # "My years" lists 2026 for the commune formed on 01/07/2025, and nothing before it existed.
    officer = demo_sign_in("xa.truongha2025")
    officer.goto(url + reverse("progress:my-years"))
    expect(officer.locator(f"#year-{commune.pk}-2026")).to_be_visible()
    expect(officer.locator(f"#year-{commune.pk}-2024")).to_have_count(0)
    shoot(officer, "1-my-years")

    # Its commune page shows the baseline of the four units it was formed from.
    officer.goto(url + reverse("records:unit", args=[commune.pk]))
    expect(officer.locator("#baseline .baseline-row")).to_have_count(4)
    shoot(officer, "2-commune-baseline")

    # The 2026 form: the ten criteria of QĐ 51/2025, the commune group that applies, the baseline again.
    officer.goto(url + reverse("progress:my-years"))
    with officer.expect_navigation():
        officer.click(f"#year-{commune.pk}-2026")
    expect(officer.locator(".progress-criterion")).to_have_count(10)
    with translation.override("vi"):  # the page is in Vietnamese, whatever language this process has active
        group_label = str(group.get_group_display())
    expect(officer.locator("#commune-group")).to_contain_text(group_label)
    expect(officer.locator("#baseline")).to_be_visible()
    assert not Assessment.objects.filter(unit=commune, year=2026).exists()  # opening it kept nothing
    shoot(officer, "3-my-year-2026")
    phone = demo_sign_in("xa.truongha2025", viewport=PHONE)
    phone.goto(url + reverse("progress:my-year", args=[commune.pk, 2026]))
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shoot(phone, "3-my-year-2026-phone")

    for number in (1, 3, 5, 9):
        officer.locator(f"#criterion-{number} .js-achieved").check()
    officer.fill("#id_note", "Năm đầu của xã mới.")
    with officer.expect_navigation():
        officer.click("#submit-button")
    expect(officer.locator(".progress-status")).to_have_attribute("data-status", "submitted")
    mine = Assessment.objects.get(unit=commune, year=2026)
    assert (mine.reviewer_unit, mine.criteria_met) == (province, 4)

    # The province's Home Affairs reviewer approves it with Thanh Long, which the demo left waiting, in one batch.
    waiting = Assessment.objects.get(unit=new_unit(Kind.COMMUNE, "01387"), year=2026)
    reviewer = demo_sign_in("noivu.caobang")
    reviewer.goto(url + reverse("progress:queue"))
    expect(reviewer.locator(f"#queue-row-{mine.pk}")).to_be_visible()
    expect(reviewer.locator(f"#queue-row-{waiting.pk}")).to_be_visible()
    shoot(reviewer, "4-province-queue")
    reviewer.check(f"#select-{mine.pk}")
    reviewer.check(f"#select-{waiting.pk}")
    with reviewer.expect_navigation():
        reviewer.click("#approve-selected")
    statuses = set(Assessment.objects.filter(pk__in=[mine.pk, waiting.pk]).values_list("status", flat=True))
    assert statuses == {Assessment.Status.APPROVED}

    # The province dashboard of 2026 counts the new commune approved; the matrix shows its four criteria.
    reviewer.goto(url + reverse("dashboards:status", args=[province.pk, 2026]))
    expect(reviewer.locator(f'#status-table tbody tr[data-status="approved"][data-unit="{commune.pk}"]')).to_have_count(
        1
    )
    expect(reviewer.locator("#year-nav a.active")).to_have_text("2026")
    shoot(reviewer, "5-province-status-2026")
    reviewer.goto(url + reverse("dashboards:matrix", args=[province.pk, 2026]))
    row = reviewer.locator(f'#matrix tbody tr[data-unit="{commune.pk}"]')
    expect(row.locator(".dash-yes")).to_have_count(4)
    expect(row.locator(".dash-total")).to_have_text("4")
    shoot(reviewer, "6-province-matrix-2026")

    # The overview: the switch between the new units and the old ones, and the Phụ lục III conditions with figures.
    reviewer.goto(url + reverse("dashboards:overview", args=[province.pk]))
    expect(reviewer.locator("#units-switch a")).to_have_count(2)
    conditions = reviewer.locator(".completion-conditions li[data-met]")
    expect(conditions.first).to_be_visible()
    assert conditions.count() >= 2
    for figures in reviewer.locator(".completion-conditions .completion-figures").all_inner_texts():
        assert any(ch.isdigit() for ch in figures)
    shoot(reviewer, "7-province-overview")
    with reviewer.expect_navigation():
        reviewer.locator("#units-switch a[href*='units=old']").click()
    expect(reviewer.locator("#units-switch a.active[href*='units=old']")).to_have_count(1)
    shoot(reviewer, "8-province-overview-old-units")


def test_a_demo_plan_shows_its_number_as_so_and_its_interpretations_apart_on_desktop_and_phone(
    demo_sign_in, live_server, demo
):
    from campaigns.models import Plan

    seed = Plan.objects.get(number="1872/QĐ-UBND")
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = demo_sign_in("tinh.quangtri", viewport=viewport)
        page.goto(live_server.url + reverse("campaigns:plan", args=[seed.pk]))
        expect(page.locator("#plan-number")).to_have_text("Số 1872/QĐ-UBND")
        expect(page.locator(".target-note").first).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        shoot(page, f"9-plan-interpretation-{name}")
