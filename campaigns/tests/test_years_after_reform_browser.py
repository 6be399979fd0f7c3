"""In the browser: a commune formed in the 2025 reform opens its 2026 year (nothing is kept until it saves), enters
and submits it; its province's Home Affairs reviewer approves it in a batch from the queue; the province dashboard
shows 2026 approved.

Assertions read ids and data attributes, not interface text. Screenshots go to /tmp/shots for people.
"""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Assessment
from units.models import CodeScheme, Kind, Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"reform-{name}.png"), full_page=True)


def test_a_new_communes_2026_year_goes_from_entry_to_the_provinces_batch_approval(
    sign_in, live_server, make_user, make_unit, tree, clock
):
    # The reference data (the programmes, the QĐ 51 set) comes back after the flush: apps.ensure_reference_data.
    clock(datetime.date(2026, 12, 16))
    url = live_server.url
    neighbour = make_unit(
        "Xã Cao Sơn",
        Kind.COMMUNE,
        tree.new_province,
        code="00009",
        code_scheme=CodeScheme.Y2025,
        valid_from=datetime.date(2025, 7, 1),
    )
    make_user("new-officer", (tree.new_commune, Role.COMMUNE_OFFICER))
    make_user("neighbour-officer", (neighbour, Role.COMMUNE_OFFICER))
    make_user("province-reviewer", (tree.new_province, Role.HOME_AFFAIRS))

    # The officer of the new commune opens 2026 from "My years": the page starts nothing.
    officer = sign_in("new-officer")
    officer.goto(url + reverse("progress:my-years"))
    expect(officer.locator(f"#year-{tree.new_commune.pk}-2024")).to_have_count(0)
    officer.click(f"#year-{tree.new_commune.pk}-2026")
    expect(officer.locator(".progress-criterion")).to_have_count(10)
    assert not Assessment.objects.exists()

    # An empty year is refused; then the officer ticks two criteria, writes a note and submits.
    officer.click("#submit-button")
    expect(officer.locator("#form-errors")).to_be_visible()
    assert not Assessment.objects.exists()
    officer.locator("#criterion-1 .js-achieved").check()
    officer.locator("#criterion-2 .js-achieved").check()
    officer.fill("#id_note", "Năm đầu của xã mới.")
    with officer.expect_navigation():
        officer.click("#submit-button")
    expect(officer.locator(".progress-status")).to_have_attribute("data-status", "submitted")
    mine = Assessment.objects.get(unit=tree.new_commune, year=2026)
    assert (mine.reviewer_unit, mine.criteria_met) == (tree.new_province, 2)

    # A second commune of the province submits its year too.
    other = sign_in("neighbour-officer")
    other.goto(url + reverse("progress:my-year", args=[neighbour.pk, 2026]))
    other.locator("#criterion-3 .js-achieved").check()
    with other.expect_navigation():
        other.click("#submit-button")
    theirs = Assessment.objects.get(unit=neighbour, year=2026)

    # The province reviewer ticks both in the queue and approves them at once.
    reviewer = sign_in("province-reviewer")
    reviewer.goto(url + reverse("progress:queue"))
    expect(reviewer.locator(f"#queue-row-{mine.pk}")).to_be_visible()
    expect(reviewer.locator(f"#queue-row-{theirs.pk}")).to_be_visible()
    shot(reviewer, "province-queue")
    reviewer.check(f"#select-{mine.pk}")
    reviewer.check(f"#select-{theirs.pk}")
    with reviewer.expect_navigation():
        reviewer.click("#approve-selected")
    assert set(Assessment.objects.values_list("status", flat=True)) == {Assessment.Status.APPROVED}

    # The province dashboard of 2026 counts both as approved.
    reviewer.goto(url + reverse("dashboards:status", args=[tree.new_province.pk, 2026]))
    rows = reviewer.locator("#status-table tbody tr[data-status]")
    expect(rows).to_have_count(2)
    expect(reviewer.locator('#status-table tbody tr[data-status="approved"]')).to_have_count(2)
    shot(reviewer, "province-status-2026")
