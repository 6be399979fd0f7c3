"""District and province pages: submission status and reminders, the criteria matrix, the overview, scoping."""

import datetime
import io
import xml.etree.ElementTree as ET
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from campaigns.models import Assessment, CriteriaSet, CriterionResult, Reminder, Target
from conftest import PASSWORD
from units.models import CodeScheme, Kind, Role

pytestmark = pytest.mark.django_db

LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}
S = Assessment.Status


@pytest.fixture(autouse=True)
def english(settings):
    """Pages and messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def criteria(db):
    """The 19 criteria of QĐ 318 as loaded by the catalogue migration."""
    if not CriteriaSet.objects.filter(code="qd318-xa-2021").exists():
        # A transactional test (the browser ones) empties the tables, migration data included: load it again.
        import_module("campaigns.migrations.0003_criteria_catalogue").load(apps, None)
    return list(CriteriaSet.objects.get(code="qd318-xa-2021").criteria.order_by("number"))


@pytest.fixture
def make_commune(make_unit, district):
    def make(name, code, parent=None, **fields):
        return make_unit(name, Kind.COMMUNE, parent or district, code=code, **{**LEGACY, **fields})

    return make


@pytest.fixture
def assess(criteria):
    """Factory: assess(commune, 2024, S.SUBMITTED, achieved={1, 2, 3}) with one result per criterion."""

    def make(unit, year, status, achieved=()):
        assessment = Assessment.objects.create(
            unit=unit,
            year=year,
            status=status,
            criteria_set=criteria[0].criteria_set,
            criteria_met=len(achieved),
            return_reason="Thiếu minh chứng" if status == S.RETURNED else "",
        )
        CriterionResult.objects.bulk_create(
            CriterionResult(assessment=assessment, criterion=c, achieved=c.number in achieved) for c in criteria
        )
        return assessment

    return make


@pytest.fixture
def communes(make_commune, assess):
    """Five communes of Hà Quảng, one per status in 2024."""
    units = {
        "not_started": make_commune("Xã Cần Yên", "01366"),
        "draft": make_commune("Xã Đa Thông", "01375"),
        "returned": make_commune("Xã Lương Can", "01384"),
        "submitted": make_commune("Xã Ngọc Đào", "01438"),
        "approved": make_commune("Xã Trường Hà", "01399"),
    }
    assess(units["draft"], 2024, S.DRAFT, range(1, 10))
    assess(units["returned"], 2024, S.RETURNED, range(1, 14))
    assess(units["submitted"], 2024, S.SUBMITTED, range(1, 18))
    assess(units["approved"], 2024, S.APPROVED, range(1, 20))
    return units


@pytest.fixture
def noivu(make_user, district):
    return make_user("noivu.haquang", (district, Role.HOME_AFFAIRS))


@pytest.fixture
def leader(make_user, district):
    return make_user("lanhdao.haquang", (district, Role.LEADER))


@pytest.fixture
def stranger(make_user, make_unit):
    elsewhere = make_unit("Tỉnh Quảng Trị", Kind.PROVINCE, code="45", **LEGACY)
    return make_user("sonv.quangtri", (elsewhere, Role.PROVINCE_STAFF))


def status_url(unit, year=2024):
    return reverse("dashboards:status", args=[unit.pk, year])


def remind_url(unit, year=2024):
    return reverse("dashboards:remind", args=[unit.pk, year])


def matrix_url(unit, year=2024):
    return reverse("dashboards:matrix", args=[unit.pk, year])


# Submission status and reminders


def test_status_page_lists_every_commune_of_the_year_with_its_status(client, noivu, district, communes, make_commune):
    make_commune("Xã Đã Sáp Nhập", "01400", valid_to=datetime.date(2020, 12, 31))  # gone before 2024
    client.force_login(noivu)

    response = client.get(status_url(district))

    statuses = {row.unit.name: row.status for row in response.context["rows"]}
    assert statuses == {
        "Xã Cần Yên": "not_started",
        "Xã Đa Thông": "draft",
        "Xã Lương Can": "returned",
        "Xã Ngọc Đào": "submitted",
        "Xã Trường Hà": "approved",
    }
    assert {key: count for key, _label, count in response.context["counts"]} == dict.fromkeys(statuses.values(), 1)
    assertContains(response, "Not started")


def test_status_filter_shows_only_the_chosen_status(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.get(status_url(district), {"status": "not_started"})

    assert [row.unit.name for row in response.context["rows"]] == ["Xã Cần Yên"]
    assert sum(count for _key, _label, count in response.context["counts"]) == 5


def test_a_province_lists_the_communes_of_all_its_districts(
    client, make_user, province, district, make_unit, communes, make_commune
):
    other_district = make_unit("Huyện Trùng Khánh", Kind.DISTRICT, province, code="047", **LEGACY)
    make_commune("Xã Đình Phong", "01600", parent=other_district)
    client.force_login(make_user("staff.caobang", (province, Role.PROVINCE_STAFF)))

    response = client.get(status_url(province))

    assert len(response.context["rows"]) == 6
    assertContains(response, "Huyện Trùng Khánh")


def test_reminders_go_only_to_communes_that_have_not_submitted(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.post(remind_url(district), {"message": "Nộp trước 15/12"})

    assertRedirects(response, status_url(district))
    reminded = set(Reminder.objects.values_list("unit__name", flat=True))
    assert reminded == {"Xã Cần Yên", "Xã Đa Thông", "Xã Lương Can"}
    assert not Reminder.objects.filter(unit__in=[communes["submitted"], communes["approved"]]).exists()
    assert set(Reminder.objects.values_list("message", "year", "sent_by")) == {("Nộp trước 15/12", 2024, noivu.pk)}


def test_a_blank_reminder_sends_the_standard_message(client, noivu, district, communes):
    client.force_login(noivu)

    client.post(remind_url(district), {"message": ""})

    assert Reminder.objects.count() == 3
    assert "2024" in Reminder.objects.first().message


def test_status_page_shows_the_last_reminder_date(client, noivu, district, communes):
    old = Reminder.objects.create(unit=communes["draft"], year=2024, message="một")
    Reminder.objects.filter(pk=old.pk).update(sent_at=datetime.datetime(2024, 11, 2, 8, 0, tzinfo=datetime.UTC))
    Reminder.objects.create(unit=communes["draft"], year=2023, message="năm khác")
    client.force_login(noivu)

    response = client.get(status_url(district))

    rows = {row.unit.name: row for row in response.context["rows"]}
    assert rows["Xã Đa Thông"].last_reminder == datetime.datetime(2024, 11, 2, 8, 0, tzinfo=datetime.UTC)
    assert rows["Xã Cần Yên"].last_reminder is None
    assertContains(response, "02/11/2024")


def test_rows_link_to_the_review_page_of_the_assessment(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.get(status_url(district))

    submitted = Assessment.objects.get(unit=communes["submitted"])
    assertContains(response, f'href="{reverse("progress:review", args=[submitted.pk])}"')


def test_reminder_requires_post(client, noivu, district):
    client.force_login(noivu)

    assert client.get(remind_url(district)).status_code == 405


def test_leader_reads_the_status_page_without_the_reminder_form(client, leader, district, communes):
    client.force_login(leader)

    response = client.get(status_url(district))

    assert response.status_code == 200
    assertNotContains(response, 'id="reminder-form"')


def test_reviewer_sees_the_reminder_form(client, noivu, district, communes):
    client.force_login(noivu)

    assertContains(client.get(status_url(district)), 'id="reminder-form"')


def test_leader_cannot_send_reminders(client, leader, district, communes):
    client.force_login(leader)

    assert client.post(remind_url(district)).status_code == 403
    assert not Reminder.objects.exists()


def test_commune_officer_posting_a_reminder_is_forbidden(client, make_user, district, communes):
    client.force_login(make_user("xa.truongha", (communes["approved"], Role.COMMUNE_OFFICER)))

    assert client.post(remind_url(district)).status_code == 403
    assert client.get(status_url(district)).status_code == 403
    assert not Reminder.objects.exists()


@pytest.mark.parametrize("name", ["dashboards:status", "dashboards:matrix", "dashboards:matrix-xlsx"])
def test_a_user_of_another_province_gets_not_found(client, stranger, district, communes, name):
    client.force_login(stranger)

    assert client.get(reverse(name, args=[district.pk, 2024])).status_code == 404


def test_a_user_of_another_province_cannot_remind_or_see_the_overview(client, stranger, district, communes):
    client.force_login(stranger)

    assert client.post(remind_url(district)).status_code == 404
    assert client.get(reverse("dashboards:overview", args=[district.pk])).status_code == 404
    assert not Reminder.objects.exists()


def test_a_commune_has_no_dashboard(client, make_user, province, communes):
    client.force_login(make_user("staff.caobang", (province, Role.PROVINCE_STAFF)))

    assert client.get(status_url(communes["draft"])).status_code == 404


def test_years_outside_the_programme_are_not_found(client, noivu, district):
    client.force_login(noivu)

    assert client.get(status_url(district, 2019)).status_code == 404
    assert client.get(status_url(district, 2024)).status_code == 200
    assert client.get(status_url(district, 2025)).status_code == 404  # the district ended on 30/06/2025


def test_a_province_formed_in_2025_reports_from_2025(client, make_user, make_unit):
    new_province = make_unit(
        "Tỉnh Cao Bằng", Kind.PROVINCE, code="04", code_scheme=CodeScheme.Y2025, valid_from=datetime.date(2025, 7, 1)
    )
    make_unit(
        "Xã Trường Hà",
        Kind.COMMUNE,
        new_province,
        code="01399",
        code_scheme=CodeScheme.Y2025,
        valid_from=datetime.date(2025, 7, 1),
    )
    client.force_login(make_user("staff.caobang", (new_province, Role.PROVINCE_STAFF)))

    response = client.get(status_url(new_province, 2025))

    assert [row.unit.name for row in response.context["rows"]] == ["Xã Trường Hà"]
    assert client.get(status_url(new_province, 2024)).status_code == 404


def test_anonymous_users_are_sent_to_the_login_page(client, district):
    response = client.get(status_url(district))

    assert response.status_code == 302
    assert reverse("login") in response["Location"]


# The criteria matrix


def test_matrix_counts_each_criterion_and_each_commune(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.get(matrix_url(district))

    matrix = response.context["matrix"]
    rows = {row.unit.name: row for row in matrix.rows}
    assert [row.counted for row in rows.values()] == [False, False, False, True, True]
    assert rows["Xã Ngọc Đào"].total == 17
    assert rows["Xã Ngọc Đào"].cells == [True] * 17 + [False] * 2
    assert rows["Xã Đa Thông"].cells == [None] * 19  # a draft is not counted
    assert matrix.counts == [2] * 17 + [1] * 2
    assert matrix.assessed == 2
    assertContains(response, "Submitted")


def test_approved_only_leaves_out_submitted_assessments(client, noivu, district, communes):
    client.force_login(noivu)

    matrix = client.get(matrix_url(district), {"approved": "on"}).context["matrix"]

    assert matrix.approved_only
    assert matrix.counts == [1] * 19
    assert [row.unit.name for row in matrix.rows if row.counted] == ["Xã Trường Hà"]


def test_matrix_highlights_communes_below_the_plan_minimum(client, noivu, district, communes, make_target):
    make_target(Target.Type.MINIMUM_CRITERIA, target_value=18, deadline_year=2025)
    client.force_login(noivu)

    response = client.get(matrix_url(district))

    matrix = response.context["matrix"]
    assert matrix.minimum == 18
    assert [row.unit.name for row in matrix.rows if row.below_minimum] == ["Xã Ngọc Đào"]
    assertContains(response, "Minimum 18 criteria from plan 3254/KH-UBND")
    assertContains(response, "table-danger dash-below", count=1)


def test_the_plan_minimum_of_the_year_comes_from_its_yearly_breakdown(client, noivu, district, communes, make_target):
    make_target(Target.Type.MINIMUM_CRITERIA, target_value=15, deadline_year=2025, years={2024: 10})
    client.force_login(noivu)

    matrix = client.get(matrix_url(district), {"min": 19}).context["matrix"]

    assert matrix.minimum == 10  # the plan wins over the page's parameter
    assert matrix.below == 0


def test_a_draft_plan_sets_no_minimum(client, noivu, district, communes, make_target, plan):
    plan.status = plan.Status.DRAFT
    plan.save()
    make_target(Target.Type.MINIMUM_CRITERIA, target_value=18, deadline_year=2025)
    client.force_login(noivu)

    assert client.get(matrix_url(district)).context["matrix"].minimum is None


def test_without_a_plan_the_minimum_comes_from_the_page(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.get(matrix_url(district), {"min": 18})

    assert [row.unit.name for row in response.context["matrix"].rows if row.below_minimum] == ["Xã Ngọc Đào"]
    assertContains(response, "Minimum 18 criteria (chosen on this page)")


@pytest.mark.parametrize("count", [5, 50])
def test_matrix_runs_the_same_queries_whatever_the_number_of_communes(
    client, noivu, district, make_commune, assess, make_target, django_assert_max_num_queries, count
):
    make_target(Target.Type.MINIMUM_CRITERIA, target_value=15, deadline_year=2025)
    for index in range(count):
        commune = make_commune(f"Xã Số {index:03d}", f"9{index:04d}")
        assess(commune, 2024, [S.SUBMITTED, S.APPROVED, S.DRAFT][index % 3], range(1, 10 + index % 10))
    client.force_login(noivu)
    client.get(matrix_url(district))  # warm the session and the user's memberships

    # 17: one counts the unread notifications of the menu's bell.
    with django_assert_max_num_queries(17):
        response = client.get(matrix_url(district))

    assert len(response.context["matrix"].rows) == count


def test_a_large_matrix_shows_fifty_communes_a_page_with_the_counts_of_all(
    client, noivu, district, make_commune, assess
):
    for index in range(53):
        commune = make_commune(f"Xã Số {index:03d}", f"9{index:04d}")
        assess(commune, 2024, S.APPROVED, range(1, 11))
    client.force_login(noivu)

    first = client.get(matrix_url(district), {"approved": "on"})
    second = client.get(matrix_url(district), {"approved": "on", "page": 2})

    shown = [html.count('data-unit="') for html in (first.content.decode(), second.content.decode())]
    assert shown == [50, 3]
    assertContains(first, "Xã Số 049")
    assertNotContains(first, "Xã Số 050")
    assertContains(second, "Xã Số 052")
    assert 'href="?approved=on&amp;page=2"' in first.content.decode()  # the options stay chosen from page to page
    for response in (first, second):  # the counts and the summary are the whole district's
        assert len(response.context["matrix"].rows) == 53
        assert response.context["matrix"].counts == [53] * 10 + [0] * 9
        assertContains(response, "53 of 53 communes counted.")


@pytest.mark.parametrize("count", [5, 50])
def test_status_page_runs_the_same_queries_whatever_the_number_of_communes(
    client, noivu, district, make_commune, assess, django_assert_max_num_queries, count
):
    for index in range(count):
        commune = make_commune(f"Xã Số {index:03d}", f"9{index:04d}")
        if index % 2:
            assess(commune, 2024, S.DRAFT, range(1, 5))
        Reminder.objects.create(unit=commune, year=2024, message="m")
    client.force_login(noivu)

    # 14: one of them reads the programme years, which are data; one counts the menu's unread notifications.
    with django_assert_max_num_queries(14):
        response = client.get(status_url(district))

    assert len(response.context["rows"]) == count


def test_matrix_exports_to_excel(client, noivu, district, communes):
    client.force_login(noivu)

    response = client.get(reverse("dashboards:matrix-xlsx", args=[district.pk, 2024]), {"min": 18})

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows(values_only=True) if row and row[0] in ("01438", "01399")]
    assert rows[0][:4] == ("01438", "Xã Ngọc Đào", "Submitted", 1) and rows[0][-1] == 17
    assert rows[1][-1] == 19
    assert [cell.value for cell in sheet[sheet.max_row][3:22]] == [2] * 17 + [1] * 2
    below = next(row for row in sheet.iter_rows() if row[0].value == "01438")
    assert below[0].fill.fgColor.rgb.endswith("F8D7DA")


# The overview with its charts


def test_overview_draws_both_charts_and_the_status_counts(client, leader, district, communes, assess):
    assess(communes["approved"], 2023, S.APPROVED, range(1, 16))
    client.force_login(leader)

    response = client.get(reverse("dashboards:overview", args=[district.pk]))

    assert response.status_code == 200
    assert response.context["chart_year"] == 2024
    criteria_svg = ET.fromstring(str(response.context["criteria_chart"]))  # noqa: S314 - our own markup
    progress_svg = ET.fromstring(str(response.context["progress_chart"]))  # noqa: S314
    rects = [r for r in criteria_svg.iter("{http://www.w3.org/2000/svg}rect") if "bar" in r.get("class", "")]
    # Approved assessments only, as the plan's targets and the reports count them: Trường Hà alone.
    assert [r.get("data-value") for r in rects] == ["1"] * 19
    values = [r.get("data-value") for r in progress_svg.iter("{http://www.w3.org/2000/svg}rect")]
    assert values == ["15", "19", "0", "1"]  # 2023 and 2024: average, then communes at 19/19
    assertContains(response, "<svg", count=2)
    assertContains(response, reverse("dashboards:matrix", args=[district.pk, 2023]))
    assert response.context["year"] == 2024  # the district's last year
    assert {key: count for key, _label, count in response.context["counts"]}["approved"] == 1


def test_overview_chart_year_can_be_chosen(client, noivu, district, communes, assess):
    assess(communes["not_started"], 2022, S.APPROVED, range(1, 8))
    client.force_login(noivu)

    response = client.get(reverse("dashboards:overview", args=[district.pk]), {"year": 2022})

    assert response.context["chart_year"] == 2022
    assert response.context["matrix"].counts == [1] * 7 + [0] * 12


# In a browser: the pages at desktop and phone widths (screenshots in /tmp/shots for people to look at)

SHOTS = Path("/tmp/shots")  # noqa: S108
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def ha_quang_years(make_commune, assess, make_target):
    """Fourteen communes with four years of assessments, a few below the plan's minimum of 15."""
    names = [
        "Xã Cần Yên", "Xã Đa Thông", "Xã Lương Can", "Xã Ngọc Đào", "Xã Trường Hà", "Xã Sóc Hà", "Xã Quý Quân",
        "Xã Nà Sác", "Xã Vần Dính", "Xã Thượng Thôn", "Xã Nội Thôn", "Xã Hồng Sỹ", "Xã Sỹ Hai", "Xã Mã Ba",
    ]  # fmt: skip
    make_target(Target.Type.MINIMUM_CRITERIA, target_value=15, deadline_year=2025)
    statuses = [S.APPROVED, S.APPROVED, S.SUBMITTED, S.APPROVED, S.SUBMITTED, S.DRAFT, S.RETURNED]
    for index, name in enumerate(names):
        commune = make_commune(name, f"01{index:03d}")
        base = 8 + index % 7
        for offset, year in enumerate(range(2021, 2025)):
            met = min(19, base + offset * 2)
            achieved = {n for n in range(1, 20) if (n * 7 + index) % 19 < met}
            status = S.APPROVED if year < 2024 else statuses[index % len(statuses)]
            if not (year == 2024 and index % 5 == 4):
                assess(commune, year, status, achieved)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)  # the live server runs in another thread
def test_the_pages_at_desktop_and_phone_widths_with_a_sticky_commune_column(
    page, live_server, settings, noivu, district, ha_quang_years
):
    SHOTS.mkdir(exist_ok=True)
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    # The screenshots show the real (Vietnamese, longer) labels: the language menu's cookie.
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "vi", "url": live_server.url}])
    page.goto(live_server.url + reverse("login"))
    page.fill("#id_username", noivu.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    pages = {
        "status": status_url(district),
        "matrix": matrix_url(district),
        "overview": reverse("dashboards:overview", args=[district.pk]),
    }
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(viewport)
        for name, url in pages.items():
            page.goto(live_server.url + url)
            page.screenshot(path=SHOTS / f"dash-{name}-{size}.png", full_page=True)

    # On the phone, the matrix scrolls sideways inside its box and the commune names stay in view.
    page.goto(live_server.url + matrix_url(district))
    matrix = page.locator("#matrix")
    assert matrix.evaluate("box => box.scrollWidth > box.clientWidth")
    first_name = page.locator("#matrix tbody th").first
    left_before = first_name.bounding_box()["x"]
    matrix.evaluate("box => { box.scrollLeft = 300; }")
    assert matrix.evaluate("box => box.scrollLeft") > 0
    assert first_name.bounding_box()["x"] == pytest.approx(left_before, abs=1)
    page.screenshot(path=SHOTS / "dash-matrix-phone-scrolled.png")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # the page itself does not scroll

    # A file with one bad cell: nothing saved, the errors listed next to the form.
    bad = Workbook()
    bad.active.append(["Year", 2024])
    bad.active.append(["Code", "Commune", *range(1, 20)])
    bad.active.append(["01004", "Xã Trường Hà", *[1] * 11, "maybe", *[1] * 7])
    buffer = io.BytesIO()
    bad.save(buffer)
    page.goto(live_server.url + reverse("dashboards:upload", args=[district.pk, 2024]))
    page.set_input_files(
        "#id_file", {"name": "bad.xlsx", "mimeType": "application/octet-stream", "buffer": buffer.getvalue()}
    )
    with page.expect_navigation():
        page.click("#upload-form button[type=submit]")
    assert page.locator("#row-errors li").count() == 1
    page.screenshot(path=SHOTS / "dash-upload-phone.png", full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=SHOTS / "dash-upload-desktop.png", full_page=True)
    assert violations == []
