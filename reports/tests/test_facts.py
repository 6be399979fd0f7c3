"""The plan page, the dashboards and the tổng kết PDF state the same facts, each computed once in campaigns.

The PDF goes through the real WeasyPrint pipeline and its text is read back with pypdf; the pages are
rendered by the test client. The tổng kết judges at the end of its period (31/12/2025) and the pages on
today: both print the day, and for the 2021-2025 plan, whose deadlines have all passed, they agree.
"""

import datetime
import io
import re

import pypdf
import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext

from campaigns.models import Plan
from campaigns.targets.evaluation import State
from reports.models import Report
from reports.pdf import render_pdf

pytestmark = pytest.mark.django_db


def squeezed(text: str) -> str:
    """Text without whitespace: table cells wrap at arbitrary points."""
    return "".join(text.split())


def vi(msgid: str) -> str:
    with translation.override("vi"):
        return gettext(msgid)


@pytest.fixture(scope="module")
def final_pdf(demo_data, django_db_blocker) -> str:
    """The text of Hà Quảng's tổng kết 2021-2025, rendered once for the module."""
    with django_db_blocker.unblock():
        report = Report(kind=Report.Kind.FINAL, unit=demo_data["district"], year=2025, language="vi", parameters={})
        content = render_pdf(report).content
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def plan_page(client, haquang_leader):
    client.force_login(haquang_leader)
    plan = Plan.objects.get(number="3254/KH-UBND")
    response = client.get(reverse("campaigns:plan", args=[plan.pk]))
    assert response.status_code == 200
    return response


def test_page_and_pdf_say_on_which_day_they_judge(plan_page, final_pdf):
    today = f"{datetime.date.today():%d/%m/%Y}"

    assert vi("Assessed on %(date)s.") % {"date": today} in plan_page.content.decode()
    assert squeezed(vi("Assessed at the end of the period, %(date)s.") % {"date": "31/12/2025"}) in squeezed(final_pdf)


def test_a_2025_milestone_target_is_missed_on_the_page_and_in_the_pdf(plan_page, final_pdf):
    target, result = plan_page.context["rows"][4]  # "Xã Đa Thông và Cần Yên đạt chuẩn nông thôn mới năm 2025"
    assert "Đa Thông" in target.description
    assert (result.state, result.progress) == (State.MISSED, 0.5)
    assert vi("Missed") in plan_page.content.decode()

    row = squeezed(f"{target.description} 2 (2025) 1 (2025) {vi('Missed')}")
    assert row in squeezed(final_pdf)
    assert squeezed(f"{target.description} 2 (2025) 1 (2025) {vi('On track')}") not in squeezed(final_pdf)


def test_every_target_has_the_same_state_on_the_page_and_in_the_pdf(plan_page, final_pdf):
    pdf = squeezed(final_pdf)
    counts = {}
    for _target, result in plan_page.context["rows"]:
        label = vi(State(result.state).label)
        counts[label] = counts.get(label, 0) + 1
    for label, count in counts.items():
        assert squeezed(f"{label}: {count}") in pdf  # the PDF's tally of the target states


def test_timeline_items_overdue_on_the_page_are_overdue_in_the_pdf(plan_page, final_pdf):
    overdue = [item for item in plan_page.context["milestones"] if item.overdue]
    assert overdue and all(item.deadline.year == 2025 for item in overdue)

    pdf = squeezed(final_pdf)
    assert pdf.count(squeezed(vi("Overdue"))) >= len(overdue)
    assert squeezed(vi("Not yet due")) not in pdf


def test_the_average_criteria_per_commune_is_the_same_on_the_dashboard_the_plan_page_and_in_the_pdf(
    client, haquang_leader, demo, plan_page, final_pdf
):
    overview = client.get(reverse("dashboards:overview", args=[demo["district"].pk]))
    point = next(point for point, _communes, _side in overview.context["year_rows"] if point.year == 2024)
    average = number_format(round(point.average, 2), decimal_pos=2, use_l10n=True)

    target, result = plan_page.context["rows"][7]  # "Bình quân mỗi xã đạt 16,5 tiêu chí/xã"
    assert "Bình quân" in target.description
    assert f"{result.current:.2f}" == f"{point.average:.2f}"
    with translation.override("vi"):
        average = number_format(round(point.average, 2), decimal_pos=2, use_l10n=True)
    pdf = squeezed(final_pdf)
    assert squeezed(f"{average} (2025)") in pdf  # the target's row
    assert re.search(rf"2024,{point.assessed}/\d+xã.*?{re.escape(average)}tiêuchí", pdf)  # the criteria summary


def test_plan_coverage_reads_the_same_on_the_page_and_in_the_pdf(plan_page, final_pdf):
    coverage = plan_page.context["coverage"]
    assert coverage
    for item in coverage:
        with translation.override("vi"):
            text = item.text
        assert squeezed(text) in squeezed(final_pdf)
