"""The three movement reports rendered from the demo data: what the PDFs say, and how they are printed."""

import datetime
import io

import pypdf
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from awards.models import Award, NomineeKind
from campaigns.models import Assessment, Recognition, ResourceContribution, VillageYear
from campaigns.targets.evaluation import State
from reports.content import movement_context
from reports.models import Report
from reports.pdf import render_html, render_pdf
from reports.tests.data import AWARD_FORM, CRITERIA, INDIVIDUAL
from units.models import CodeScheme, Kind, Unit

pytestmark = pytest.mark.django_db

NARRATIVE = {
    "results": "Phong trào được triển khai sâu rộng đến từng xóm.",
    "difficulties": "Nguồn lực còn hạn chế.",
    "proposals": "Đề nghị tỉnh tiếp tục hỗ trợ.",
}


def vi(msgid: str) -> str:
    """A message as the Vietnamese PDF prints it (the msgid itself until the catalogue translates it)."""
    with translation.override("vi"):
        return gettext(msgid)


def pages_of(content: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages]


def fonts_of(content: bytes) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(content)).pages:
        resources = page["/Resources"]
        for font in (resources.get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
        for xobject in (resources.get("/XObject") or {}).values():
            for font in (xobject.get_object().get("/Resources", {}).get("/Font") or {}).values():
                names.add(str(font.get_object()["/BaseFont"]))
    return names


def build(kind: str, unit: Unit, year: int | None = None, **parameters) -> tuple[bytes, list[str]]:
    report = Report(kind=kind, unit=unit, year=year, language="vi", parameters=parameters, narrative=NARRATIVE)
    rendered = render_pdf(report)
    return rendered.content, pages_of(rendered.content)


@pytest.fixture(scope="module")
def rendered(demo_data, django_db_blocker):
    """Each kind for Huyện Hà Quảng, rendered once for the module."""
    with django_db_blocker.unblock():
        district = demo_data["district"]
        return {
            "annual": build(Report.Kind.ANNUAL, district, 2024),
            "midterm": build(Report.Kind.MIDTERM, district, 2023),
            "final": build(Report.Kind.FINAL, district, 2025),
        }


@pytest.mark.parametrize("kind", ["annual", "midterm", "final"])
def test_each_report_kind_prints_the_official_header_targets_results_and_awards(rendered, demo, kind):
    content, pages = rendered[kind]
    text = "\n".join(pages)

    assert content.startswith(b"%PDF")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert "Độc lập - Tự do - Hạnh phúc" in pages[0]
    assert "HUYỆN HÀ QUẢNG" in pages[0]
    assert "BÁO CÁO" in pages[0]
    assert "/BC-UBND" in pages[0]
    assert "Hà Quảng, ngày" in pages[0]
    # A target of plan 3254/KH-UBND and its result (Trường Hà reached NTM in 2023).
    assert "3254/KH-UBND" in text
    assert "Xã Trường Hà đạt chuẩn nông thôn mới năm 2023" in " ".join(text.split())
    with translation.override("vi"):
        assert str(State.ACHIEVED.label) in text
    # Signature and recipients.
    assert "TM. ỦY BAN NHÂN DÂN" in text
    assert "Phạm Xuân Tùng" in text
    assert "Nơi nhận:" in text
    assert "Lưu: VT." in text
    # The narrative written before generation.
    assert NARRATIVE["difficulties"] in text


def squeezed(pages: list[str]) -> str:
    """The text without any whitespace: table cells wrap at arbitrary points."""
    return "".join("".join(pages).split())


def test_the_award_statistics_count_the_awards_of_the_period(rendered, demo):
    district = demo["district"]
    period_awards = Award.objects.filter(
        nominee__unit__in=Unit.objects.within(district), decision__date__year__range=(2021, 2025)
    )
    report = Report(kind=Report.Kind.FINAL, unit=district, year=2025, language="vi")
    with translation.override("vi"):
        table = movement_context(report)["tables"]["awards_by_form"]
    text = squeezed(rendered["final"][1])

    assert table.rows[-1].css == "total"
    assert table.rows[-1].cells[-1] == period_awards.count() >= 3
    assert squeezed([vi("Awards by form and nominee")]) in text
    assert squeezed([AWARD_FORM]) in text
    total_row = squeezed([str(cell) for cell in table.rows[-1].cells])
    assert total_row in text
    assert squeezed([vi("Nominations by status")]) in text
    annual = squeezed(rendered["annual"][1])
    assert "901/QĐ-UBND" in annual  # the district's decision of 2024
    assert "902/QĐ-UBND" not in annual  # the province's decision of 2023 falls outside 2024


def test_vietnamese_diacritics_survive_text_extraction(rendered, demo):
    text = "\n".join(rendered["annual"][1])

    for words in ["Trường Hà", "nông thôn mới", "đạt chuẩn", "Ngọc Đào", "Quý Quân", "Độc lập", "Hạnh phúc"]:
        assert words in text


def test_the_pdf_embeds_only_the_vendored_font(rendered, demo):
    for content, _pages in rendered.values():
        fonts = fonts_of(content)
        assert fonts, "no font embedded"
        # Subset fonts are named "ABCDEF+Tinos-Bold"; any other family would be a system fallback.
        assert {name.split("+")[-1].split("-")[0] for name in fonts} == {"Tinos"}
        assert any("Bold" in name for name in fonts) and any("Italic" in name for name in fonts)


def test_the_criteria_matrix_is_a_landscape_annex(rendered, demo):
    content, pages = rendered["annual"]
    reader = pypdf.PdfReader(io.BytesIO(content))
    annex = next(index for index, text in enumerate(pages) if "Phụ lục I\n" in text or text.startswith("Phụ lục I\n"))
    first, annex_page = reader.pages[0], reader.pages[annex]

    assert first.mediabox.width < first.mediabox.height  # portrait A4
    assert annex_page.mediabox.width > annex_page.mediabox.height  # landscape
    assert "Kèm theo Báo cáo số" in pages[annex]
    trung_ha = " ".join(pages[annex].split())
    assert "Xã Trường Hà" in trung_ha
    assert str(CRITERIA["01399"][2024]) in trung_ha


def test_a_long_table_repeats_its_header_on_every_page(make_unit, demo):
    district = Unit.objects.get(code_scheme=CodeScheme.LEGACY, kind=Kind.DISTRICT, code="045")
    communes = [make_unit(f"Xã Thử {n:02d}", Kind.COMMUNE, district, valid_to=district.valid_to) for n in range(60)]
    for commune in communes:
        Assessment.objects.create(unit=commune, year=2024, criteria_met=10, status=Assessment.Status.APPROVED)

    _content, pages = build(Report.Kind.ANNUAL, district, 2024)

    start = next(index for index, text in enumerate(pages) if "Phụ lục I\n" in text)
    end = next(index for index, text in enumerate(pages) if "Phụ lục II\n" in text)
    matrix_pages = pages[start:end]
    assert len(matrix_pages) >= 2
    for text in matrix_pages:
        assert vi("Criteria met") in text
        assert "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19" in text


def test_a_2025_unit_includes_the_units_it_was_formed_from_grouped_by_new_units(demo):
    new_commune = Unit.objects.get(code_scheme=CodeScheme.Y2025, kind=Kind.COMMUNE, code="01392")  # Xã Trường Hà

    _content, pages = build(Report.Kind.FINAL, new_commune, 2025, grouping="new")

    text = " ".join("\n".join(pages).split())
    assert "Xã Sóc Hà" in text and "Xã Quý Quân" in text  # predecessors' rows
    assert "01/07/2025" in text  # "including the units it was formed from on 01/07/2025"
    assert "3254/KH-UBND" in text  # the commune reports on the plan of the district above its predecessors


def test_the_renderer_reports_its_progress_in_steps(district_with_plan):
    steps = []
    report = Report(kind=Report.Kind.ANNUAL, unit=district_with_plan.district, year=2024, language="vi")

    render_pdf(report, on_progress=steps.append)

    assert steps == [10, 60, 90]


def test_narrative_text_is_escaped_in_the_document(district_with_plan):
    report = Report(
        kind=Report.Kind.ANNUAL,
        unit=district_with_plan.district,
        year=2024,
        language="vi",
        narrative={"results": '<img src="http://example.com/x.png"> Kết quả'},
    )

    html = render_html(report)

    assert "&lt;img" in html and '<img src="http://example.com' not in html


def test_a_person_awarded_in_the_period_is_counted_as_an_individual(rendered, demo):
    text = " ".join("\n".join(rendered["annual"][1]).split())

    assert INDIVIDUAL not in text  # statistics, not a list of names
    with translation.override("vi"):
        assert str(NomineeKind.INDIVIDUAL.label) in text


def add_communes(district, count: int, make_unit) -> None:
    for n in range(count):
        commune = make_unit(f"Xã Thêm {n:02d}", Kind.COMMUNE, district, valid_to=district.valid_to)
        village = make_unit(f"Xóm Thêm {n:02d}", Kind.VILLAGE, commune)
        Assessment.objects.create(unit=commune, year=2024, criteria_met=12, status=Assessment.Status.APPROVED)
        ResourceContribution.objects.create(unit=commune, year=2024, state_budget=1_000_000)
        VillageYear.objects.create(unit=village, year=2024, status=VillageYear.Status.NTM)
        Recognition.objects.create(unit=village, status="thon_ntm", decision_date=datetime.date(2024, 5, 1))


def test_the_content_costs_the_same_number_of_queries_when_units_grow_tenfold(district_with_plan, make_unit):
    district = district_with_plan.district
    report = Report(kind=Report.Kind.FINAL, unit=district, year=2025, language="vi")
    add_communes(district, 2, make_unit)
    with CaptureQueriesContext(connection) as small:
        movement_context(report)

    add_communes(district, 20, make_unit)
    with CaptureQueriesContext(connection) as large:
        context = movement_context(report)

    assert len(context["scope"].communes) == 24
    assert len(large.captured_queries) == len(small.captured_queries)
