"""In the browser: a national administrator enters an indicator and its group thresholds in the editor, the province
sets a commune's group, and the commune's 2026 form then decides the criterion from the value entered.

Assertions read ids, names and data attributes, not interface text. Screenshots go to /tmp/shots for people.
"""

import datetime
import importlib
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from playwright.sync_api import expect

from campaigns.models import Assessment, CriteriaSet, Indicator
from units.models import Kind, Role

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at, not secrets
MIGRATION = "campaigns.migrations.0011_indicators_thresholds_commune_groups"


@pytest.fixture
def catalogue(db):
    # A transactional test starts from an emptied database: the catalogue migrations' rows are loaded again.
    importlib.import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    importlib.import_module(MIGRATION).load_qd51(apps, None)
    return CriteriaSet.objects.get(code="qd51-2025-xa-2026")


def shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"criteria-{name}.png"), full_page=True)


def test_thresholds_entered_in_the_editor_decide_the_commune_year(
    sign_in, live_server, make_user, make_unit, tree, catalogue
):
    url = live_server.url
    make_user("national", is_superuser=True)
    make_user("staff", (tree.new_province, Role.PROVINCE_STAFF))
    highland = make_unit("Xã Cao Sơn", Kind.COMMUNE, tree.new_province, valid_from=datetime.date(2025, 7, 1))
    make_user("officer", (highland, Role.COMMUNE_OFFICER))
    make_user("province-reviewer", (tree.new_province, Role.HOME_AFFAIRS))
    criterion = catalogue.criteria.get(number=8)

    admin = sign_in("national")
    admin.goto(url + reverse("criteria:sets"))
    shot(admin, "set-list")
    admin.click(f"#set-{catalogue.pk} a")
    admin.click("#indicator-create-8")
    shot(admin, "indicator-form")
    admin.fill("#id_code", "8.1")
    admin.fill("#id_name", "Tỷ lệ hộ có nước sạch (dữ liệu thử)")
    admin.select_option("#id_value_type", "percent")
    admin.fill("#id_unit_of_measure", "%")
    with admin.expect_navigation():
        admin.click("#criteria-form button[type=submit]")
    admin.click("#thresholds-8\\.1")
    for group, value in (("1", "90"), ("3", "60")):
        admin.select_option("#id_commune_group", group)
        admin.fill("#id_raw_value", value)
        with admin.expect_navigation():
            admin.click("#threshold-form button[type=submit]")
    expect(admin.locator("#threshold-list tbody tr")).to_have_count(2)
    shot(admin, "thresholds")
    admin.goto(url + reverse("criteria:set", args=[catalogue.pk]))
    shot(admin, "set-detail")
    admin.set_input_files("#id_file", files=[{"name": "hong.xlsx", "mimeType": "application/zip", "buffer": b"hong"}])
    with admin.expect_navigation():
        admin.click("#set-upload button[type=submit]")
    expect(admin.locator("#upload-errors")).to_be_visible()
    shot(admin, "upload-errors")
    admin.goto(url + reverse("criteria:group-index"))
    expect(admin.locator("#province-list li")).to_have_count(3)
    shot(admin, "group-index")

    staff = sign_in("staff")
    staff.goto(url + reverse("criteria:groups", args=[tree.new_province.pk]))
    staff.select_option(f"#group-{highland.pk}", "3")
    staff.fill(f"#decision-{highland.pk}", "QĐ 12/QĐ-UBND (thử)")
    with staff.expect_navigation():
        staff.click(f"#group-form-{highland.pk} button[type=submit]")
    expect(staff.locator(f"#unit-{highland.pk} .no-group")).to_have_count(0)
    shot(staff, "groups")

    officer = sign_in("officer")
    officer.goto(url + reverse("progress:my-year", args=[highland.pk, 2026]))
    indicator = Indicator.objects.get(criterion=criterion, code="8.1")
    officer.locator("#decided-8").scroll_into_view_if_needed()
    officer.locator("#criterion-8 summary").click()
    officer.fill(f"#id_i{indicator.pk}", "75")
    with officer.expect_navigation():
        officer.click("button[name=action][value=save]")
    expect(officer.locator("#decided-8 [data-met]")).to_have_attribute("data-met", "true")
    expect(officer.locator("#commune-group")).to_be_visible()
    shot(officer, "year-form")
    assessment = Assessment.objects.get(unit=highland, year=2026)
    assert assessment.results.get(criterion=criterion).achieved

    # Marked differently from the values, with the reason the province's reviewer then reads.
    officer.select_option(f"#id_c{criterion.pk}-mark", "not_met")
    officer.fill(f"#id_c{criterion.pk}-reason", "Số liệu chưa được thẩm định (thử).")
    officer.once("dialog", lambda dialog: dialog.accept())
    with officer.expect_navigation():
        officer.click("#submit-button")
    reviewer = sign_in("province-reviewer")
    reviewer.goto(url + reverse("progress:review", args=[assessment.pk]))
    expect(reviewer.locator("#override-8")).to_contain_text("Số liệu chưa được thẩm định (thử).")
    shot(reviewer, "review")
