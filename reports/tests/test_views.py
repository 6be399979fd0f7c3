"""The report pages: request, live status, download permission, new versions, the Excel export."""

import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertRedirects

from campaigns.models import Target
from reports import tasks
from reports.content import movement_context
from reports.models import Report
from reports.services import request_report
from units.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English (the msgids), whatever the Vietnamese catalogue says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def built(report_for, unit, user, *, capture, kind=Report.Kind.ANNUAL, year=2024) -> Report:
    with capture(execute=True):
        report = report_for(kind, unit=unit, year=year, narrative={"results": "Đạt kết quả tốt."}, by=user)
    report.refresh_from_db()
    return report


def test_the_form_offers_only_the_units_where_the_user_may_request(client, district_with_plan, district_officer):
    client.force_login(district_officer)

    response = client.get(reverse("reports:create"))

    assert list(response.context["form"].fields["unit"].queryset) == [district_with_plan.district]


def test_a_user_without_a_requesting_role_cannot_open_the_form(client, make_user, district_with_plan):
    client.force_login(make_user("council", (district_with_plan.district, Role.COUNCIL_MEMBER)))

    assert client.get(reverse("reports:create")).status_code == 403
    data = {"kind": "final", "unit": district_with_plan.district.pk, "grouping": "old"}
    assert client.post(reverse("reports:create"), data).status_code == 403
    assert not Report.objects.filter(unit=district_with_plan.district).exists()


def test_requesting_a_report_builds_it_and_shows_the_download_link(
    client, district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    client.force_login(district_officer)
    data = {
        "kind": "final",
        "unit": district_with_plan.district.pk,
        "grouping": "old",
        "results": "Kết quả nổi bật.",
        "signer_name": "Lê Văn Ký",
        "signer_title": "Phó Chủ tịch",
        "signing_mode": "KT.",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:create"), data)

    report = Report.objects.get(unit=district_with_plan.district)
    assertRedirects(response, reverse("reports:detail", args=[report.pk]))
    assert (report.kind, report.year, report.status) == ("final", 2025, Report.Status.DONE)
    assert report.narrative["results"] == "Kết quả nổi bật."
    assert report.parameters["signer_title"] == "Phó Chủ tịch"
    page = client.get(response.url).content.decode()
    assert reverse("reports:download", args=[report.pk]) in page
    assert 'hx-trigger="every 2s"' not in page  # done: the status no longer polls


def test_an_annual_report_needs_its_year(client, district_with_plan, district_officer):
    client.force_login(district_officer)

    response = client.post(
        reverse("reports:create"), {"kind": "annual", "unit": district_with_plan.district.pk, "grouping": "old"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["year"] == ["Choose the year of the annual report."]
    assert not Report.objects.filter(unit=district_with_plan.district).exists()


def test_a_unit_dissolved_in_2025_has_no_annual_report_for_2026(client, district_with_plan, district_officer):
    client.force_login(district_officer)

    response = client.post(
        reverse("reports:create"),
        {"kind": "annual", "unit": district_with_plan.district.pk, "year": 2026, "grouping": "old"},
    )

    assert "existed until 30/06/2025" in response.context["form"].errors["year"][0]


def test_a_user_cannot_request_a_report_for_another_unit(client, district_with_plan, other_officer):
    client.force_login(other_officer)

    response = client.post(
        reverse("reports:create"),
        {"kind": "annual", "unit": district_with_plan.district.pk, "year": 2024, "grouping": "old"},
    )

    assert "unit" in response.context["form"].errors
    assert not Report.objects.filter(unit=district_with_plan.district).exists()


def test_the_status_fragment_polls_while_the_report_is_pending(client, district_with_plan, district_officer):
    report = Report.objects.create(
        kind="annual", unit=district_with_plan.district, year=2024, status=Report.Status.RUNNING, progress=60
    )
    client.force_login(district_officer)

    response = client.get(reverse("reports:status", args=[report.pk]), headers={"HX-Request": "true"})

    html = response.content.decode()
    assert 'hx-trigger="every 2s"' in html
    assert 'value="60"' in html
    assert reverse("reports:download", args=[report.pk]) not in html


def test_the_status_url_without_htmx_sends_to_the_page(client, district_with_plan, district_officer):
    report = Report.objects.create(kind="annual", unit=district_with_plan.district, year=2024)
    client.force_login(district_officer)

    response = client.get(reverse("reports:status", args=[report.pk]))

    assertRedirects(response, reverse("reports:detail", args=[report.pk]))


def test_a_failed_build_says_so_in_plain_vietnamese_and_logs_the_cause_without_showing_it(
    client, district_with_plan, district_officer, monkeypatch, django_capture_on_commit_callbacks, caplog, settings
):
    def broken(*args, **kwargs):
        raise RuntimeError("WeasyPrint could not lay out the page")

    monkeypatch.setattr(tasks, "render_pdf", broken)
    report = built(
        request_report, district_with_plan.district, district_officer, capture=django_capture_on_commit_callbacks
    )
    client.force_login(district_officer)
    settings.LANGUAGE_CODE = "vi"  # the message the officials read

    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()

    assert report.status == Report.Status.FAILED
    assert 'id="report-error"' in page
    assert "Không tạo được báo cáo, vui lòng thử lại hoặc liên hệ quản trị" in page
    assert "WeasyPrint could not lay out the page" not in page
    assert "RuntimeError" not in page
    assert "WeasyPrint could not lay out the page" in caplog.text
    assert 'hx-trigger="every 2s"' not in page


def test_the_pdf_downloads_as_an_attachment_with_a_readable_name(
    client, district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    report = built(
        request_report, district_with_plan.district, district_officer, capture=django_capture_on_commit_callbacks
    )
    client.force_login(district_officer)

    response = client.get(reverse("reports:download", args=[report.pk]))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-nam-2024-huyen-thu-nghiem-v1.pdf"'
    assert b"".join(response.streaming_content)[:4] == b"%PDF"


def test_another_units_user_gets_404_for_the_report_and_its_download(
    client, district_with_plan, district_officer, other_officer, django_capture_on_commit_callbacks
):
    report = built(
        request_report, district_with_plan.district, district_officer, capture=django_capture_on_commit_callbacks
    )
    client.force_login(other_officer)

    for name in ["detail", "download", "xlsx", "status"]:
        assert client.get(reverse(f"reports:{name}", args=[report.pk])).status_code == 404
    assert client.post(reverse("reports:regenerate", args=[report.pk])).status_code == 404
    assert report.pk not in [r.pk for group in client.get(reverse("reports:list")).context["groups"] for r in group]


def test_a_leader_downloads_the_reports_of_the_units_under_theirs(
    client, make_user, district_with_plan, django_capture_on_commit_callbacks
):
    commune = district_with_plan.commune
    officer = make_user("commune.officer", (commune, Role.COMMUNE_OFFICER))
    leader = make_user("leader", (district_with_plan.district, Role.LEADER))
    report = built(request_report, commune, officer, capture=django_capture_on_commit_callbacks)
    client.force_login(leader)

    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 200
    # Reading is not speaking for the commune: a leader above does not build its reports.
    assert client.post(reverse("reports:regenerate", args=[report.pk])).status_code == 403


def test_a_report_not_built_yet_has_no_download(client, district_with_plan, district_officer):
    report = Report.objects.create(kind="annual", unit=district_with_plan.district, year=2024)
    client.force_login(district_officer)

    assert client.get(reverse("reports:download", args=[report.pk])).status_code == 404


def test_regenerating_makes_a_new_version_and_keeps_the_earlier_one(
    client, district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    first = built(
        request_report, district_with_plan.district, district_officer, capture=django_capture_on_commit_callbacks
    )
    client.force_login(district_officer)

    assert client.get(reverse("reports:regenerate", args=[first.pk])).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:regenerate", args=[first.pk]))

    second = Report.objects.filter(unit=district_with_plan.district).exclude(pk=first.pk).get()
    assertRedirects(response, reverse("reports:detail", args=[second.pk]))
    first.refresh_from_db()
    assert (first.version, first.status, bool(first.file)) == (1, Report.Status.DONE, True)
    assert (second.version, second.status, second.narrative) == (2, Report.Status.DONE, first.narrative)
    page = client.get(response.url)
    assert [version.pk for version in page.context["versions"]] == [first.pk]
    listing = client.get(reverse("reports:list")).context["groups"]
    assert [[report.version for report in group] for group in listing] == [[2, 1]]


def test_the_excel_export_has_a_sheet_per_table(
    client, district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    report = built(
        request_report, district_with_plan.district, district_officer, capture=django_capture_on_commit_callbacks
    )
    client.force_login(district_officer)

    response = client.get(reverse("reports:xlsx", args=[report.pk]))

    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-nam-2024-huyen-thu-nghiem-v1.xlsx"'
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    tables = movement_context(report)["table_list"]
    assert len(workbook.sheetnames) == len(tables) + 1  # and the "Report" sheet first
    targets = workbook[workbook.sheetnames[1 + [t.key for t in tables].index("targets")]]
    assert targets["A1"].value == "Targets and results"
    assert targets["B3"].value == "Xã Trường Hà Mới đạt chuẩn nông thôn mới năm 2023"


def test_text_that_looks_like_a_formula_is_exported_as_text(
    client, district_with_plan, district_officer, django_capture_on_commit_callbacks
):
    formula = '=HYPERLINK("http://evil.example/","Xem minh chứng")'
    Target.objects.filter(plan=district_with_plan.plan).update(description=formula)
    report = built(
        request_report, district_with_plan.district, district_officer, capture=django_capture_on_commit_callbacks
    )
    client.force_login(district_officer)

    response = client.get(reverse("reports:xlsx", args=[report.pk]))

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    tables = movement_context(report)["table_list"]
    targets = workbook[workbook.sheetnames[1 + [t.key for t in tables].index("targets")]]
    assert (targets["B3"].data_type, targets["B3"].value) == ("s", formula)
