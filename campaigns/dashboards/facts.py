"""The criteria figures of a set of communes: the matrix of a year and the points of each year.

One function per figure, used by the dashboards, the movement reports and their Excel exports, so a
district's "average criteria per commune" is the same number wherever it is printed. The official
figures count approved assessments only, as the plan's targets do; the matrix page may add the submitted
ones on request and says so. Each function runs a fixed number of queries whatever the number of communes.
"""

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils.translation import gettext_lazy

from campaigns.assessments.services import criteria_sets_for
from campaigns.dashboards.charts import YearPoint
from campaigns.models import Assessment, Criterion, CriterionResult, Plan
from campaigns.models.progress import meets_all
from units.models import Unit

NOT_STARTED = "not_started"
STATUS_LABELS = {
    NOT_STARTED: gettext_lazy("Not started"),
    Assessment.Status.DRAFT: Assessment.Status.DRAFT.label,
    Assessment.Status.RETURNED: Assessment.Status.RETURNED.label,
    Assessment.Status.SUBMITTED: Assessment.Status.SUBMITTED.label,
    Assessment.Status.APPROVED: Assessment.Status.APPROVED.label,
}
APPROVED = [Assessment.Status.APPROVED]
COUNTED = [Assessment.Status.SUBMITTED, Assessment.Status.APPROVED]


def in_year(communes: list[Unit], year: int) -> list[Unit]:
    """The communes whose validity overlaps `year`."""
    return [commune for commune in communes if commune.is_valid_in(year)]


def assessments_of(communes: list[Unit], *years: int) -> dict[tuple[int, int], Assessment]:
    """(commune pk, year) → its assessment."""
    found = Assessment.objects.filter(unit_id__in=[commune.pk for commune in communes], year__in=years)
    return {(assessment.unit_id, assessment.year): assessment for assessment in found}


def criteria_for(unit: Unit, year: int) -> list[Criterion]:
    """The commune NTM criteria in force in `year` below `unit` (a province's own version wins)."""
    best = criteria_sets_for(unit, year).values("pk")[:1]
    return list(Criterion.objects.filter(criteria_set__in=best))  # one query, the set as a subquery


# ---------------------------------------------------------------------------------------------------------
# Points per year


def yearly_spread(communes: list[Unit], years: list[int], *, statuses=APPROVED) -> dict[int, Counter]:
    """Year → how many counted assessments met each (count, of a total) of criteria: one query."""
    return spread_of([(communes, years)], statuses=statuses)


def spread_of(parts: list[tuple[list[Unit], list[int]]], *, statuses=APPROVED) -> dict[int, Counter]:
    """yearly_spread of several (communes, years) parts with no year in two parts, each year counted over its own
    part's communes only: one query whatever the number of parts.

    A UNION ALL of one aggregate per part, so that each part still reads the (unit, year) index: the same
    condition written with OR makes PostgreSQL scan every assessment.
    """
    spread: dict[int, Counter] = defaultdict(Counter)
    counts = [
        Assessment.objects.filter(unit_id__in=[commune.pk for commune in communes], year__in=years, status__in=statuses)
        .order_by()  # no join for the default order
        .values("year", "criteria_met", "criteria_total")
        .annotate(n=Count("pk"))
        .values_list("year", "criteria_met", "criteria_total", "n")
        for communes, years in parts
    ]
    if not counts:
        return spread
    for year, met, total, count in counts[0].union(*counts[1:], all=True) if len(counts) > 1 else counts[0]:
        spread[year][met, total] = count
    return spread


def points_of(spread: dict[int, Counter], years: list[int]) -> list[YearPoint]:
    """Per year: communes assessed, their average criteria met, how many meet all the criteria of their set."""
    points = []
    for year in years:
        counts = spread.get(year, Counter())
        assessed = sum(counts.values())
        average = sum(met * count for (met, _total), count in counts.items()) / assessed if assessed else None
        complete = sum(count for (met, total), count in counts.items() if meets_all(met, total))
        points.append(YearPoint(year, assessed, average, complete))
    return points


def largest_total(spread: dict[int, Counter]) -> int:
    """The criteria count of the largest set assessed in these years: the scale of the progress chart."""
    return max((total for counts in spread.values() for _met, total in counts), default=0)


def yearly_points(communes: list[Unit], years: list[int], *, statuses=APPROVED) -> list[YearPoint]:
    return points_of(yearly_spread(communes, years, statuses=statuses), years)


# ---------------------------------------------------------------------------------------------------------
# The matrix of a year


@dataclass
class MatrixRow:
    unit: Unit
    assessment: Assessment | None
    cells: list[bool | None]
    counted: bool
    below_minimum: bool = False

    @property
    def total(self) -> int | None:
        return self.assessment.criteria_met if self.counted else None

    @property
    def status(self) -> str:
        return self.assessment.status if self.assessment else NOT_STARTED

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass
class Matrix:
    year: int
    criteria: list[Criterion]
    rows: list[MatrixRow]
    approved_only: bool
    minimum: Decimal | int | None = None
    minimum_plan: Plan | None = None
    counts: list[int] = field(default_factory=list)

    @property
    def assessed(self) -> int:
        return sum(row.counted for row in self.rows)

    @property
    def below(self) -> int:
        return sum(row.below_minimum for row in self.rows)

    @property
    def totals(self) -> list[int]:
        return [row.total for row in self.rows if row.counted]

    @property
    def average(self) -> float | None:
        totals = self.totals
        return sum(totals) / len(totals) if totals else None

    @property
    def lowest(self) -> int | None:
        return min(self.totals, default=None)

    @property
    def complete(self) -> int:
        """Communes meeting every criterion of their set."""
        return sum(row.assessment.meets_all for row in self.rows if row.counted)

    @property
    def largest_total(self) -> int:
        """The criteria count of the largest set among the counted assessments."""
        return max((row.assessment.criteria_total for row in self.rows if row.counted), default=0)

    @property
    def fingerprint(self) -> str:
        """A digest of everything _matrix.html shows: a changed figure or name gives another key, never a stale table."""
        shown = (
            [(criterion.number, criterion.name) for criterion in self.criteria],
            [
                (row.unit.pk, row.unit.name, row.unit.parent.short_name if row.unit.parent else "", row.cells)
                + (row.total, row.status, row.counted, row.below_minimum)
                for row in self.rows
            ],
            self.counts,
            self.assessed,
        )
        return hashlib.sha256(repr(shown).encode()).hexdigest()


def criteria_matrix(
    communes: list[Unit],
    year: int,
    criteria: list[Criterion],
    *,
    assessments: dict[tuple[int, int], Assessment] | None = None,
    statuses=APPROVED,
    minimum=None,
) -> Matrix:
    """Communes × criteria of `year` from the assessments at `statuses`; `assessments` (assessments_of) if loaded."""
    assessments = assessments_of(communes, year) if assessments is None else assessments
    chosen = {
        assessment.pk: assessment.unit_id
        for (_unit_id, assessment_year), assessment in assessments.items()
        if assessment_year == year and assessment.status in statuses
    }
    results: dict[int, dict[int, bool]] = defaultdict(dict)
    for assessment_id, number, achieved in CriterionResult.objects.filter(assessment_id__in=list(chosen)).values_list(
        "assessment_id", "criterion__number", "achieved"
    ):
        results[chosen[assessment_id]][number] = achieved
    rows = []
    for commune in communes:
        assessment = assessments.get((commune.pk, year))
        is_counted = assessment is not None and assessment.status in statuses
        cells = [results[commune.pk].get(c.number) if is_counted else None for c in criteria]
        below = is_counted and minimum is not None and assessment.criteria_met < minimum
        rows.append(MatrixRow(commune, assessment, cells, is_counted, below))
    counts = [sum(row.cells[index] is True for row in rows) for index in range(len(criteria))]
    return Matrix(year, criteria, rows, list(statuses) == APPROVED, minimum, counts=counts)
