"""The issue's Done-when flow in a real browser, on the demo data; screenshots of each page go to /tmp/shots.

xa.truongha proposes a Giấy khen of the district chairman for a village and a Bằng khen of the provincial
chairman for the commune (dated 15/12/2024, so both go to the district); noivu.haquang appraises them,
puts them on a council session, records the votes, issues a decision for the Giấy khen and forwards the
Bằng khen; tinh.caobang finds the Bằng khen in the province queue.
"""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from awards.models import Decision, Nomination
from units.demo import DEMO_PASSWORD
from units.models import CodeScheme, Kind, Unit

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]  # the live server is another thread

SHOTS = Path("/tmp/shots")  # noqa: S108 - screenshots for people to look at
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PDF = b"%PDF-1.4\n% demo dossier\n"

Status = Nomination.Status


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
def demo(transactional_db):
    call_command("load_demo", verbosity=0)
    commune = Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.COMMUNE, code="01399")
    # The demo leaves the 2024 annual round of Trường Hà (before 07/2025) and its villages free for this flow.
    village = commune.children.get(kind=Kind.VILLAGE, name="Xóm Pác Bó")
    return commune, village


def sign_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")


def shoot(page, name):
    """The page as it is now, on a desktop and on a 390px phone."""
    page.screenshot(path=SHOTS / f"awards-{name}.png", full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=SHOTS / f"awards-{name}-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)


def propose(page, live_server, *, nominee_unit, award, number, shots=False) -> Nomination:
    page.goto(live_server.url + reverse("awards:create"))
    page.check("input[name=nominee_kind][value=collective]")
    page.select_option("#id_collective_unit", str(nominee_unit.pk))
    page.fill("#id_submission_number", number)
    page.fill("#id_submission_date", "15/12/2024")
    page.select_option("#id_award_form", label=award)
    page.select_option("#id_type", "campaign")
    page.select_option("#id_round", "annual")
    page.fill("#id_round_year", "2024")
    page.fill(
        "#id_achievements", f"{nominee_unit.name} hoàn thành xuất sắc phong trào xây dựng nông thôn mới năm 2024."
    )
    if shots:
        shoot(page, "nomination-form")
    with page.expect_navigation():
        page.click("#save-nomination")
    nomination = Nomination.objects.latest("pk")
    assert nomination.submission_number == number
    expect(page).to_have_url(live_server.url + reverse("awards:detail", args=[nomination.pk]))

    for part, name in (("submission", "to-trinh.pdf"), ("achievement_report", "bao-cao-thanh-tich.pdf")):
        page.goto(live_server.url + reverse("awards:upload", args=[nomination.pk]))
        page.select_option("#id_part", part)
        page.set_input_files("#id_file", {"name": name, "mimeType": "application/pdf", "buffer": PDF})
        if shots and part == "submission":
            shoot(page, "upload")
        with page.expect_navigation():
            page.click("#upload-file")
    if shots:
        shoot(page, "detail-draft")
    with page.expect_navigation():
        page.click("#submit-nomination")
    expect(page.locator("#nomination-status [data-status]")).to_have_attribute("data-status", Status.SUBMITTED)
    nomination.refresh_from_db()
    return nomination


def test_a_commune_proposes_the_district_decides_one_award_and_forwards_the_other(
    page, live_server, demo, csp_violations
):
    commune, village = demo
    SHOTS.mkdir(exist_ok=True)
    page.set_viewport_size(DESKTOP)

    # The commune proposes both, back-dated before the reform: both go to the district.
    sign_in(page, live_server, "xa.truongha")
    giay_khen = propose(
        page,
        live_server,
        nominee_unit=village,
        award="Giấy khen của Chủ tịch UBND huyện",
        number="41/TTr-UBND",
        shots=True,
    )
    bang_khen = propose(
        page, live_server, nominee_unit=commune, award="Bằng khen của Chủ tịch UBND tỉnh", number="42/TTr-UBND"
    )
    district = giay_khen.reviewer_unit
    assert district.name == "Huyện Hà Quảng"
    assert bang_khen.reviewer_unit == district
    shoot(page, "detail-submitted")
    page.goto(live_server.url + reverse("awards:list"))
    shoot(page, "list")

    # The district's Home Affairs appraises both.
    sign_in(page, live_server, "noivu.haquang")
    page.goto(live_server.url + reverse("awards:queue"))
    expect(page.locator("#group-submitted")).to_contain_text(village.name)
    shoot(page, "queue")
    for nomination in (giay_khen, bang_khen):
        page.goto(live_server.url + reverse("awards:appraise", args=[nomination.pk]))
        with page.expect_navigation():
            page.click("#start-appraisal")
        expect(page.locator("#nomination-status [data-status]")).to_have_attribute("data-status", Status.IN_APPRAISAL)
    shoot(page, "appraise")

    # A council session of the district, with both on its agenda, and the votes.
    with page.expect_navigation():
        page.click("#new-session")
    page.fill("#id_date", "20/12/2024")
    for i, (name, role) in enumerate(
        [("Lương Văn Dũng", "chair"), ("Hoàng Văn Thắng", "member"), ("Nông Thị Mai", "member")]
    ):
        page.fill(f"#id_members-{i}-name", name)
        page.select_option(f"#id_members-{i}-role", role)
    with page.expect_navigation():
        page.click("#session-form button[type=submit]")
    for nomination in (giay_khen, bang_khen):
        page.check(f"#agenda-add input[type=checkbox][value='{nomination.pk}']")
    with page.expect_navigation():
        page.click("#agenda-add button[type=submit]")
    for _item in range(2):
        form = page.locator("form[id^=votes-]").first
        for select in form.locator("select").all():
            select.select_option("agree")
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
    giay_khen.refresh_from_db()
    bang_khen.refresh_from_db()
    assert (giay_khen.status, bang_khen.status) == (Status.APPROVED, Status.APPROVED)

    # The district grants its own Giấy khen: the decision takes the next number of its register.
    page.goto(live_server.url + reverse("awards:appraise", args=[giay_khen.pk]))
    shoot(page, "appraise-approved")
    with page.expect_navigation():
        page.click("#issue-decision")
    page.fill("#id_signer_name", "Lương Văn Dũng")
    last = {d.year: d.number for d in Decision.objects.filter(issuing_unit=district).order_by("year", "number")}
    with page.expect_navigation():
        page.click("#decision-form button[type=submit]")
    decision = Decision.objects.filter(issuing_unit=district).latest("pk")
    assert decision.awards.get().nomination == giay_khen
    assert decision.number == last.get(decision.year, 0) + 1
    expect(page.locator("body")).to_contain_text(decision.reference)
    giay_khen.refresh_from_db()
    assert giay_khen.status == Status.DECISION_ISSUED

    # …and forwards the Bằng khen, which the chairman of the province grants.
    page.goto(live_server.url + reverse("awards:appraise", args=[bang_khen.pk]))
    with page.expect_navigation():
        page.click("#forward-nomination")
    bang_khen.refresh_from_db()
    assert bang_khen.status == Status.SUBMITTED
    assert bang_khen.reviewer_unit.kind == Kind.PROVINCE

    # The province finds it in its queue.
    sign_in(page, live_server, "tinh.caobang")
    page.goto(live_server.url + reverse("awards:queue"))
    expect(page.locator(f"#group-submitted #queue-{bang_khen.pk}")).to_contain_text(commune.name)
    expect(page.locator(f"#queue-{giay_khen.pk}")).to_have_count(0)
    shoot(page, "queue-province")
    # The filters refresh the table in place (htmx) and the address follows.
    page.select_option("#filter-round", "final")
    expect(page.locator(f"#queue-{bang_khen.pk}")).to_have_count(0)
    expect(page).to_have_url(live_server.url + reverse("awards:queue") + "?round=final&year=&form=")
    page.select_option("#filter-round", "annual")
    expect(page.locator(f"#queue-{bang_khen.pk}")).to_be_visible()

    # The award is in the commune's history, found without accents.
    sign_in(page, live_server, "xa.truongha")
    page.goto(live_server.url + reverse("awards:history") + "?q=" + village.search_name)
    expect(page.locator("#history-results")).to_contain_text(decision.reference)
    shoot(page, "history")
    # The demo recognised Xóm Pác Bó in 2023: its suggestion opens the form with the nominee and the text.
    page.goto(live_server.url + reverse("awards:suggestions") + "?year=2023")
    shoot(page, "suggestions")
    with page.expect_navigation():
        page.click(f"#suggestion-{village.pk} a.btn")
    expect(page.locator("#id_collective_unit")).to_have_value(str(village.pk))
    expect(page.locator("#id_submission_date")).to_have_value("30/06/2025")
    assert csp_violations == []
