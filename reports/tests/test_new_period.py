"""Reports of the 2026-2030 programme: the 2026 annual report under QĐ 51/2025, and the programme's own reviews."""

import io

import pypdf
import pytest

from campaigns.models import Campaign, CriteriaSet
from reports.content import movement_context
from reports.forms import ReportRequestForm
from reports.models import Report
from reports.pdf import render_pdf
from reports.scope import Period
from reports.services import request_report
from units.models import CodeScheme, Kind, Unit, User

pytestmark = pytest.mark.django_db

ANNUAL, MIDTERM, FINAL = Report.Kind.ANNUAL, Report.Kind.MIDTERM, Report.Kind.FINAL


@pytest.fixture
def province(demo):
    """The new Tỉnh Cao Bằng (from 07/2025), whose 2026 years the demo loads."""
    return Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE, code="04")


@pytest.fixture
def programme(demo):
    return Campaign.objects.get(criteria_sets__code="qd51-2025-xa-2026")


def pdf_text(kind: str, unit: Unit, year: int | None, campaign: Campaign) -> str:
    report = Report(kind=kind, unit=unit, year=year, language="vi", parameters={"campaign": campaign.pk})
    content = render_pdf(report).content
    assert content.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def squeezed(text: str) -> str:
    """Without whitespace: table cells and long lines wrap at arbitrary points."""
    return "".join(text.split())


def test_the_2026_annual_report_of_the_new_cao_bang_names_the_qd51_criteria_and_its_2026_figures(province, programme):
    text = squeezed(pdf_text(ANNUAL, province, 2026, programme))

    for criterion in CriteriaSet.objects.get(code="qd51-2025-xa-2026").criteria.all():
        assert squeezed(f"{criterion.number}. {criterion.name}") in text
    # Three of the seven new communes are approved in 2026 (7, 5 and 10 of 10 criteria), one meets all ten.
    assert squeezed("Năm 2026, 3/7 xã có kết quả đánh giá được phê duyệt") in text
    assert squeezed("1 xã đạt đủ 10 tiêu chí") in text
    assert squeezed("Xã Hà Quảng x x x x x x x x x x 10") in text
    assert "19tiêuchí" not in text
    assert "DEMO/KH-UBND" in text  # the demo plan it reports on says it is a demo


def test_a_midterm_review_of_the_2026_2030_programme_covers_2026_to_its_midterm_year(province, programme):
    programme.midterm_year = 2027  # moved: the period follows the row, not a year in code
    programme.save(update_fields=["midterm_year"])
    report = Report(kind=MIDTERM, unit=province, year=None, language="vi", parameters={"campaign": programme.pk})

    assert movement_context(report)["period"] == Period(MIDTERM, 2026, 2027)
    text = pdf_text(MIDTERM, province, None, programme)
    assert "giai đoạn 2026 - 2027" in text
    assert squeezed("STT Xã 2026 2027 Tăng/giảm") in squeezed(text)


def test_a_review_of_a_chosen_programme_is_filed_under_that_programmes_review_year(province, programme):
    admin = User.objects.get(username="admin")
    chosen = {"campaign": programme.pk}

    midterm = request_report(MIDTERM, unit=province, year=None, narrative={}, by=admin, parameters=chosen)
    final = request_report(FINAL, unit=province, year=None, narrative={}, by=admin, parameters=chosen)

    assert (midterm.year, final.year) == (programme.midterm_year, programme.final_year) == (2028, 2030)
    assert midterm.parameters["campaign"] == programme.pk


def form(**data) -> ReportRequestForm:
    return ReportRequestForm(data={"grouping": "old", **data}, user=User.objects.get(username="admin"))


def test_the_report_form_offers_the_programme_and_keeps_the_annual_year_inside_it(province, programme):
    outside = form(kind=ANNUAL, unit=province.pk, year=2024, campaign=programme.pk)
    inside = form(kind=ANNUAL, unit=province.pk, year=2026, campaign=programme.pk)

    assert programme in outside.fields["campaign"].queryset
    assert not outside.is_valid()
    assert "2024 nằm ngoài chương trình" in outside.errors["year"][0]
    assert inside.is_valid(), inside.errors
    assert inside.parameters["campaign"] == programme.pk


def test_the_report_form_refuses_a_review_of_a_programme_without_that_review_year(province, programme):
    Campaign.objects.filter(pk=programme.pk).update(midterm_year=None)  # save() would fill it in

    refused = form(kind=MIDTERM, unit=province.pk, campaign=programme.pk)

    assert not refused.is_valid()
    assert "campaign" in refused.errors
