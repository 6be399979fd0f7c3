"""The yearly emulation statistics: the TT 02/2023 forms as data, every cell counted from the plans and award
decisions of the unit's subtree within the reporting year (1 December to 30 November)."""

import datetime
from collections import Counter
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from awards.models import Award, AwardForm, Decision, Nominee
from campaigns.models import Campaign, Plan
from reports.models import Report, StatisticsForm, StatisticsLine
from reports.pdf import render_pdf
from reports.statistics.compute import compute, reporting_period
from reports.statistics.dimensions import SUBJECTS
from units.hierarchy import predecessors
from units.models import Kind, Role, Unit, User

pytestmark = pytest.mark.django_db
YEAR = 2026
INSIDE = [datetime.date(2025, 12, 1), datetime.date(2026, 6, 15), datetime.date(2026, 11, 30)]
OUTSIDE = [datetime.date(2025, 11, 30), datetime.date(2026, 12, 1)]


def cells_of(tables, code: str) -> dict[tuple[str, str], int | None]:
    table = next(table for table in tables if table.form.code == code)
    return {
        (row.code, column.code): cell.value
        for row, cells in table.rows
        if not row.is_heading
        for cell, column in zip(cells, table.columns, strict=True)
    }


@pytest.fixture
def cao_bang(demo):
    """The Cao Bằng formed on 1 July 2025, and a commune of it."""
    province = Unit.objects.get(kind=Kind.PROVINCE, name__icontains="Cao Bằng", valid_from__isnull=False)
    assert province.valid_from == datetime.date(2025, 7, 1)
    commune = Unit.objects.filter(parent=province, kind=Kind.COMMUNE).order_by("path").first()
    return province, commune


def form(category: str, level: str) -> AwardForm:
    return AwardForm.objects.create(
        name=f"Hình thức thử {category} {level}", category=category, authority_level=level, authority_title="x"
    )


def grant(unit: Unit, award_form: AwardForm, *, kind: str, type_: str, day: datetime.date) -> Award:
    number = Decision.objects.filter(issuing_unit=unit, year=day.year).count() + 9000
    decision = Decision.objects.create(
        issuing_unit=unit,
        issuer_name="UBND",
        year=day.year,
        number=number,
        date=day,
        award_form=award_form,
        legal_regime="2025",
        signer_name="x",
        signer_title="x",
    )
    nominee = Nominee.objects.create(kind=kind, unit=unit, name=f"Người thử {number}")
    return Award.objects.create(decision=decision, nominee=nominee, award_form=award_form, type=type_)


def independent_counts(province: Unit) -> Counter:
    """What the forms count, by another road: every award of the province's subtree (and the units it was formed
    from) dated in the reporting year, keyed by its level, category, nominee kind and type."""
    paths = [province.path, *(unit.path for unit in predecessors(province))]
    first, last = datetime.date(YEAR - 1, 12, 1), datetime.date(YEAR, 11, 30)
    counts = Counter()
    for award in Award.objects.select_related("decision", "award_form", "nominee__unit"):
        if first <= award.decision.date <= last and any(award.nominee.unit.path.startswith(p) for p in paths):
            counts[award.award_form.authority_level, award.award_form.category, award.nominee.kind, award.type] += 1
    return counts


def total(counts: Counter, *, levels=None, categories=None, kinds=None, types=None) -> int:
    return sum(
        n
        for (level, category, kind, type_), n in counts.items()
        if (levels is None or level in levels)
        and (categories is None or category in categories)
        and (kinds is None or kind in kinds)
        and (types is None or type_ in types)
    )


def test_the_forms_of_tt_02_2023_are_loaded_as_data_with_their_codes():
    codes = list(StatisticsForm.objects.values_list("code", flat=True))
    assert codes == [f"060{n}.N/BNV-TĐKT" for n in range(1, 6)]
    rows = StatisticsLine.objects.filter(form__code="0602.N/BNV-TĐKT", axis="row", is_heading=False)
    assert [row.code for row in rows] == [f"{n:02d}" for n in [1, 2, 3, *range(6, 22)]]
    assert StatisticsForm.objects.get(code="0605.N/BNV-TĐKT").subject == StatisticsForm.Subject.ENTERED


def test_every_filter_of_every_form_names_a_dimension_of_its_subject():
    for line in StatisticsLine.objects.select_related("form"):
        if line.form.subject in SUBJECTS:
            dimensions = SUBJECTS[line.form.subject].dimensions
            assert set(line.filters) <= set(dimensions), line
            assert set(line.form.filters) <= set(dimensions), line.form


def test_the_reporting_year_runs_from_the_first_of_december_to_the_thirtieth_of_november():
    form = StatisticsForm.objects.first()
    assert reporting_period(form, YEAR) == (datetime.date(2025, 12, 1), datetime.date(2026, 11, 30))
    form.period_start = "01-01"
    assert reporting_period(form, YEAR) == (datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))


def test_cao_bangs_reporting_year_2026_matches_counts_made_independently(cao_bang):
    province, commune = cao_bang
    merit, flag, order = form("merit", "province"), form("flag", "province"), form("order", "state")
    for day in INSIDE:
        grant(commune, merit, kind="household", type_="merit", day=day)
    grant(commune, merit, kind="enterprise", type_="campaign", day=INSIDE[1])
    grant(commune, flag, kind="collective", type_="sudden", day=INSIDE[1])
    grant(commune, order, kind="individual", type_="service", day=INSIDE[0])
    for day in OUTSIDE:
        grant(commune, merit, kind="household", type_="merit", day=day)

    counts = independent_counts(province)
    province_level = cells_of(compute(province, YEAR), "0603.N/BNV-TĐKT")
    state_level = cells_of(compute(province, YEAR), "0602.N/BNV-TĐKT")

    collectives = {"collective", "enterprise", "external"}
    assert province_level["01", "1"] == total(counts, levels={"province"})
    assert province_level["01", "2"] == total(counts, levels={"province"}, categories={"merit"})
    assert province_level["01", "4"] == total(counts, levels={"province"}, categories={"flag"})
    assert province_level["02", "1"] == total(counts, levels={"province"}, kinds=collectives)
    assert province_level["03", "2"] == total(counts, levels={"province"}, categories={"merit"}, kinds={"enterprise"})
    assert province_level["04", "2"] == total(counts, levels={"province"}, categories={"merit"}, kinds={"household"})
    assert province_level["11", "1"] == total(counts, levels={"province"}, types={"merit"})
    assert province_level["13", "4"] == total(counts, levels={"province"}, categories={"flag"}, types={"sudden"})
    assert state_level["01", "1"] == total(counts, levels={"state", "government"})
    assert state_level["09", "2"] == total(
        counts, levels={"state", "government"}, categories={"order"}, kinds={"individual"}
    )
    assert state_level["19", "1"] == total(counts, levels={"state", "government"}, types={"service"})
    # And what this test added is there, the awards outside the year are not.
    assert province_level["04", "2"] >= 3 and state_level["19", "1"] >= 1


def test_awards_outside_the_province_or_the_year_are_not_counted(cao_bang):
    province, commune = cao_bang
    merit = form("merit", "province")
    before = cells_of(compute(province, YEAR), "0603.N/BNV-TĐKT")["04", "2"]
    earlier = [province, *predecessors(province)]
    communes = Unit.objects.filter(kind=Kind.COMMUNE).order_by("path")
    other = next(unit for unit in communes if not any(unit.path.startswith(e.path) for e in earlier))
    grant(other, merit, kind="household", type_="merit", day=INSIDE[1])
    for day in OUTSIDE:
        grant(commune, merit, kind="household", type_="merit", day=day)
    grant(commune, merit, kind="household", type_="merit", day=INSIDE[2])

    after = cells_of(compute(province, YEAR), "0603.N/BNV-TĐKT")["04", "2"]

    assert after == before + 1


def test_movements_are_the_plans_the_subtree_issued_in_the_year_by_launcher_and_duration(cao_bang):
    province, commune = cao_bang
    campaign = Campaign.objects.create(name="Phong trào thử", start_year=YEAR, end_year=YEAR + 4)
    short = Campaign.objects.create(name="Phong trào một năm", start_year=YEAR, end_year=YEAR)
    before = cells_of(compute(province, YEAR), "0601.N/BNV-TĐKT")
    for unit, chosen, day, status in [
        (province, campaign, INSIDE[1], Plan.Status.ISSUED),
        (commune, campaign, INSIDE[2], Plan.Status.ISSUED),
        (commune, short, INSIDE[0], Plan.Status.ISSUED),
        (commune, campaign, INSIDE[1], Plan.Status.DRAFT),
        (commune, campaign, OUTSIDE[1], Plan.Status.ISSUED),
    ]:
        Plan.objects.create(
            campaign=chosen, title="Thử", issuer_name="UBND", issuing_unit=unit, issue_date=day, status=status
        )

    after = cells_of(compute(province, YEAR), "0601.N/BNV-TĐKT")

    def added(row, column):
        return after[row, column] - before[row, column]

    assert added("01", "1") == 3
    assert (added("01", "3"), added("01", "4"), added("01", "2")) == (1, 2, 0)
    assert (added("07", "1"), added("10", "1")) == (1, 2)
    assert added("03", "1") == 3 and added("11", "1") == 3


def test_entered_figures_fill_their_cells_and_the_pdf_prints_every_form(cao_bang):
    province, _commune = cao_bang
    key = "0605.N/BNV-TĐKT|01|1"
    report = Report.objects.create(
        kind=Report.Kind.STATISTICS, unit=province, year=YEAR, language="vi", parameters={"entered": {key: 7}}
    )
    assert cells_of(compute(province, YEAR, {key: 7}), "0605.N/BNV-TĐKT")["01", "1"] == 7

    rendered = render_pdf(report)
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(rendered.content)).pages).split())

    for code in ["0601", "0602", "0603", "0604", "0605"]:
        assert f"Biểu số {code}.N/BNV-TĐKT" in text
    assert "từ ngày 01/12/2025 đến ngày 30/11/2026" in text
    assert "SỐ LƯỢNG CÔNG CHỨC LÀM CÔNG TÁC THI ĐUA" in text.upper()


@pytest.fixture
def noivu(cao_bang):
    return User.objects.get(username="noivu.caobang")


def test_the_page_shows_the_tables_and_entered_cells_as_inputs(client, cao_bang, noivu):
    province, _commune = cao_bang
    client.force_login(noivu)

    page = client.get(reverse("reports:statistics"), {"unit": province.pk, "year": YEAR}).content.decode()

    assert "0603.N/BNV-TĐKT" in page and "Tổng số" in page
    assert len(page.encode()) < 150_000
    assert 'name="0605.N/BNV-TĐKT|01|1"' in page
    assert 'data-key="0603.N/BNV-TĐKT|01|1"' in page


def test_the_pdf_is_requested_with_the_entered_figures(client, cao_bang, noivu, django_capture_on_commit_callbacks):
    province, _commune = cao_bang
    client.force_login(noivu)
    data = {"unit": province.pk, "year": YEAR, "0605.N/BNV-TĐKT|01|1": "12", "0605.N/BNV-TĐKT|01|2": ""}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:statistics"), data)

    report = Report.objects.get(kind=Report.Kind.STATISTICS)
    assert response.url == reverse("reports:detail", args=[report.pk])
    assert report.parameters["entered"] == {"0605.N/BNV-TĐKT|01|1": 12}
    report.refresh_from_db()
    assert report.status == Report.Status.DONE


def test_a_wrong_figure_is_refused_next_to_its_cell_and_the_others_are_kept(client, cao_bang, noivu):
    province, _commune = cao_bang
    client.force_login(noivu)
    data = {"unit": province.pk, "year": YEAR, "0605.N/BNV-TĐKT|01|1": "-3", "0605.N/BNV-TĐKT|02|1": "4"}

    page = client.post(reverse("reports:statistics"), data).content.decode()

    assert "is-invalid" in page and "lớn hơn hoặc bằng với 0" in page
    assert 'value="4"' in page
    assert not Report.objects.exists()


def test_a_year_out_of_range_is_refused_before_any_counting(client, cao_bang, noivu):
    province, _commune = cao_bang
    client.force_login(noivu)

    page = client.get(reverse("reports:statistics"), {"unit": province.pk, "year": 99999}).content.decode()

    assert "is-invalid" in page and 'id="form-' not in page


def test_another_provinces_user_cannot_see_the_provinces_statistics(client, cao_bang):
    province, _commune = cao_bang
    other = Unit.objects.filter(kind=Kind.PROVINCE).exclude(pk=province.pk).exclude(name__icontains="Cao Bằng").first()
    outsider = User.objects.create_user("noivu.khac", password="x")
    outsider.memberships.create(unit=other, role=Role.HOME_AFFAIRS)
    client.force_login(outsider)

    page = client.get(reverse("reports:statistics"), {"unit": province.pk, "year": YEAR}).content.decode()
    workbook = client.get(reverse("reports:statistics-xlsx"), {"unit": province.pk, "year": YEAR})

    assert 'id="form-' not in page
    assert workbook.status_code == 302


def test_the_excel_export_has_a_sheet_per_form(client, cao_bang, noivu):
    province, _commune = cao_bang
    client.force_login(noivu)

    response = client.get(reverse("reports:statistics-xlsx"), {"unit": province.pk, "year": YEAR})

    workbook = load_workbook(BytesIO(response.content))
    assert len(workbook.sheetnames) == 1 + 5


@pytest.mark.parametrize("copies", [1, 10])
def test_the_page_costs_the_same_queries_whatever_the_number_of_awards(
    client, cao_bang, noivu, copies, django_assert_max_num_queries
):
    province, commune = cao_bang
    merit = form("merit", "province")
    for _ in range(copies * 5):
        grant(commune, merit, kind="household", type_="merit", day=INSIDE[1])
    client.force_login(noivu)
    with django_assert_max_num_queries(16):
        client.get(reverse("reports:statistics"), {"unit": province.pk, "year": YEAR})
