"""Report sections from the recorded results: criteria, recognitions, villages, OCOP, resources, models.

Assessments count only once APPROVED (as targets do). Each builder runs a fixed number of queries.
"""

from collections import Counter, defaultdict

from django.db.models import Max, Sum
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from campaigns.dashboards import charts, facts
from campaigns.models import (
    Assessment,
    Criterion,
    ExemplaryModel,
    OcopRating,
    Recognition,
    ResourceContribution,
    VillageYear,
)
from reports.scope import Scope
from reports.tables import Column, Row, Table, grouped_rows
from units.models import Kind

APPROVED = Assessment.Status.APPROVED


def for_print(svg: SafeString) -> SafeString:
    """The chart in the document's font: SVG text does not inherit the page's CSS in WeasyPrint."""
    return mark_safe(svg.replace("<svg ", '<svg font-family="Tinos" ', 1))  # noqa: S308 (already escaped markup)


def matrix_year(scope: Scope) -> int:
    """The period's latest year with an approved assessment of a counted commune (its last year if none)."""
    years = Assessment.objects.filter(
        unit__in=[c.pk for c in scope.communes], status=APPROVED, year__in=scope.period.years
    ).aggregate(latest=Max("year"))
    return years["latest"] or scope.period.last_year


def criteria_of(scope: Scope, year: int) -> list[Criterion]:
    """The commune NTM criteria in force in `year`, as the dashboards choose them."""
    return facts.criteria_for(scope.unit, year)


def criteria_matrix(scope: Scope, criteria: list[Criterion], year: int) -> tuple[Table, dict]:
    """Communes × criteria of `year`: the dashboards' matrix of approved assessments (campaigns.dashboards.facts)."""
    matrix = facts.criteria_matrix(facts.in_year(scope.communes, year), year, criteria)
    numbers = [criterion.number for criterion in criteria]
    columns = [Column(_("No."), css="narrow"), Column(_("Commune"), css="name")]
    columns += [Column(str(number), numeric=True, css="criterion") for number in numbers]
    columns += [Column(_("Criteria met"), numeric=True, css="total")]
    table = Table(
        "criteria_matrix",
        _("Criteria met by each commune in %(year)s") % {"year": year},
        columns,
        note=_("x: criterion achieved, from the commune's approved assessment of %(year)s.") % {"year": year}
        + " "
        + "; ".join(f"{criterion.number}. {criterion.name}" for criterion in criteria)
        + ".",
        empty_text=_("No commune is counted in this report."),
    )

    def cells(number, commune, row):
        if not row.counted:
            return [number, scope.label(commune), *[None] * len(numbers), _("not assessed")]
        return [number, scope.label(commune), *["x" if cell else "" for cell in row.cells], row.total]

    table.rows = grouped_rows(scope, [(row.unit, row) for row in matrix.rows], cells)
    if matrix.assessed:
        table.rows.append(Row(["", _("Communes achieving it"), *matrix.counts, None], css="total"))
    full = len(criteria) or matrix.largest_total
    summary = {
        "year": year,
        "communes": len(matrix.rows),
        "assessed": matrix.assessed,
        "average": matrix.average,
        "lowest": matrix.lowest,
        "complete": matrix.complete,
        "counts": matrix.counts,
        "criteria_count": full,
    }
    return table, summary


def criteria_by_year(scope: Scope, total_criteria: int) -> tuple[Table, list[charts.YearPoint]]:
    """Criteria met per commune in each year of the period (the year before too, for an annual report)."""
    years = scope.period.years
    if len(years) == 1:
        years = [years[0] - 1, years[0]]
    met: dict[int, dict[int, int]] = defaultdict(dict)
    approved = Assessment.objects.filter(unit__in=[c.pk for c in scope.communes], status=APPROVED, year__in=years)
    for unit_id, year, count in approved.values_list("unit_id", "year", "criteria_met"):
        met[unit_id][year] = count
    columns = [Column(_("No."), css="narrow"), Column(_("Commune"), css="name")]
    columns += [Column(str(year), numeric=True) for year in years]
    columns.append(Column(_("Change"), numeric=True))
    table = Table(
        "criteria_by_year",
        _("Criteria met per commune by year"),
        columns,
        empty_text=_("No commune is counted in this report."),
    )

    def cells(number, commune, counts):
        values = [counts.get(year) for year in years]
        known = [value for value in values if value is not None]
        change = known[-1] - known[0] if len(known) > 1 else None
        return [number, scope.label(commune), *values, f"{change:+d}" if change is not None else None]

    table.rows = grouped_rows(scope, [(c, met.get(c.pk, {})) for c in scope.communes], cells)
    return table, facts.yearly_points(scope.communes, years)


def criteria_charts(criteria: list[Criterion], summary: dict, points, scope: Scope) -> list[tuple[str, SafeString]]:
    """(caption, inline SVG) of each chart the data allows."""
    drawn = []
    if criteria and summary["assessed"]:
        svg = charts.criteria_chart(
            [(c.number, c.name) for c in criteria],
            summary["counts"],
            assessed=summary["assessed"],
            year=summary["year"],
            chart_id="report-criteria",
        )
        caption = _("Communes achieving each criterion (latest approved assessment, %(count)s communes)") % {
            "count": summary["assessed"]
        }
        drawn.append((caption, for_print(svg)))
    if any(point.assessed for point in points):
        svg = charts.progress_chart(
            points,
            total_criteria=summary["criteria_count"],
            communes=max(len(scope.communes), 1),
            chart_id="report-progress",
        )
        drawn.append((_("Criteria met across the years"), for_print(svg)))
    return drawn


# ---------------------------------------------------------------------------------------------------------
# Recognitions and villages


def recognitions_table(scope: Scope) -> Table:
    period = scope.period
    recognitions = (
        Recognition.objects.filter(unit__in=scope.units, decision_date__range=(period.first_day, period.last_day))
        .select_related("unit")
        .order_by("decision_date", "unit__name")
    )
    table = Table(
        "recognitions",
        _("Recognitions in the period"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Unit")),
            Column(_("Status reached")),
            Column(_("Decision")),
            Column(_("Date")),
            Column(_("Issued by")),
        ],
        empty_text=_("No recognition decision in the period."),
    )
    for number, recognition in enumerate(recognitions, start=1):
        status = recognition.get_status_display()
        if recognition.revoked_on:
            status = _("%(status)s (revoked on %(date)s)") % {
                "status": status,
                "date": f"{recognition.revoked_on:%d/%m/%Y}",
            }
        table.rows.append(
            Row(
                [
                    number,
                    recognition.unit.name,
                    status,
                    recognition.decision_number,
                    recognition.decision_date,
                    recognition.issuer,
                ]
            )
        )
    return table


def villages_table(scope: Scope) -> Table:
    years = scope.period.years
    villages = scope.units.of_kind(Kind.VILLAGE)
    rows = VillageYear.objects.filter(unit__in=villages, year__in=years).values_list("year", "status")
    counts = Counter(rows)
    table = Table(
        "villages",
        _("Villages by status"),
        [Column(_("Status"))] + [Column(str(year), numeric=True) for year in years],
        note=_("Villages with a recorded status in each year."),
        empty_text=_("No village status is recorded for the period."),
    )
    if not counts:
        return table
    for status, label in VillageYear.Status.choices:
        table.rows.append(Row([str(label), *[counts[(year, status)] for year in years]]))
    totals = [sum(counts[(year, status)] for status in VillageYear.Status.values) for year in years]
    table.rows.append(Row([_("Villages recorded"), *totals], css="total"))
    return table


# ---------------------------------------------------------------------------------------------------------
# OCOP, resources, exemplary models


def ocop_tables(scope: Scope) -> tuple[Table, Table]:
    period = scope.period
    ratings = list(
        OcopRating.objects.filter(
            product__unit__in=scope.units, decision_date__range=(period.first_day, period.last_day)
        )
        .select_related("product__unit")
        .order_by("decision_date", "product__name")
    )
    by_stars = Table(
        "ocop_stars",
        _("OCOP ratings by stars"),
        [Column(_("Stars"))] + [Column(str(year), numeric=True) for year in period.years] + [Column(_("Total"), True)],
        empty_text=_("No OCOP rating in the period."),
    )
    counts = Counter((rating.stars, rating.decision_date.year) for rating in ratings)
    for stars in sorted({rating.stars for rating in ratings}, reverse=True):
        per_year = [counts[(stars, year)] for year in period.years]
        by_stars.rows.append(Row([_("%(stars)s stars") % {"stars": stars}, *per_year, sum(per_year)]))
    products = Table(
        "ocop_products",
        _("OCOP products rated in the period"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Product")),
            Column(_("Commune")),
            Column(_("Owner")),
            Column(_("Stars"), numeric=True),
            Column(_("Recognising level")),
            Column(_("Decision")),
            Column(_("Date")),
        ],
        empty_text=_("No OCOP rating in the period."),
    )
    for number, rating in enumerate(ratings, start=1):
        product = rating.product
        products.rows.append(
            Row(
                [
                    number,
                    product.name,
                    product.unit.name,
                    product.owner_name,
                    rating.stars,
                    rating.get_level_display(),
                    rating.decision_number,
                    rating.decision_date,
                ]
            )
        )
    return by_stars, products


MONEY_FIELDS = ["state_budget", "people", "enterprises"]
RESOURCE_FIELDS = [*MONEY_FIELDS, "land_donated_m2", "labour_days"]


def resource_columns(first: list[Column]) -> list[Column]:
    return first + [
        Column(_("State budget (VND)"), numeric=True),
        Column(_("People (VND)"), numeric=True),
        Column(_("Enterprises (VND)"), numeric=True),
        Column(_("Total (VND)"), numeric=True),
        Column(_("Land donated (m²)"), numeric=True),
        Column(_("Labour days"), numeric=True),
    ]


def resource_cells(sums: dict) -> list:
    money = [sums.get(name) or 0 for name in MONEY_FIELDS]
    return [*money, sum(money), sums.get("land_donated_m2") or 0, sums.get("labour_days") or 0]


def resources_tables(scope: Scope) -> tuple[Table, Table]:
    records = ResourceContribution.objects.filter(unit__in=scope.units, year__in=scope.period.years)
    sums = {name: Sum(name) for name in RESOURCE_FIELDS}
    by_year = Table(
        "resources",
        _("Resources mobilised by year"),
        resource_columns([Column(_("Year"))]),
        empty_text=_("No resources are recorded for the period."),
    )
    for row in records.values("year").annotate(**sums).order_by("year"):
        by_year.rows.append(Row([str(row["year"]), *resource_cells(row)]))
    if by_year.rows:
        by_year.rows.append(Row([_("Total"), *resource_cells(records.aggregate(**sums))], css="total"))
    per_unit = {row["unit"]: row for row in records.values("unit").annotate(**sums)}
    by_commune = Table(
        "resources_by_commune",
        _("Resources mobilised by commune over the period"),
        resource_columns([Column(_("No."), css="narrow"), Column(_("Commune"), css="name")]),
        empty_text=_("No resources are recorded for the period."),
    )
    items = [(commune, per_unit[commune.pk]) for commune in scope.communes if commune.pk in per_unit]
    by_commune.rows = grouped_rows(
        scope, items, lambda n, commune, row: [n, scope.label(commune), *resource_cells(row)]
    )
    return by_year, by_commune


def models_table(scope: Scope) -> Table:
    models = (
        ExemplaryModel.objects.filter(unit__in=scope.units, year__in=scope.period.years)
        .select_related("unit")
        .order_by("year", "unit__name", "title")
    )
    table = Table(
        "models",
        _("Exemplary models and good practices"),
        [
            Column(_("No."), css="narrow"),
            Column(_("Year")),
            Column(_("Unit")),
            Column(_("Kind")),
            Column(_("Title"), css="wide"),
        ],
        empty_text=_("No exemplary model is recorded for the period."),
    )
    for number, model in enumerate(models, start=1):
        table.rows.append(Row([number, str(model.year), model.unit.name, model.get_kind_display(), model.title]))
    return table
