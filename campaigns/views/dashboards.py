"""District and province dashboards: who has submitted, the criteria matrix, charts, Excel in and out.

Every page loads its unit through Unit.objects.visible_to (404 outside the user's subtree) and
needs a reviewing, staff, leader or council role over it; writes need the reviewer or staff role.
Each page runs a fixed number of queries whatever the number of communes.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Max, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from campaigns import charts, excel_assessments
from campaigns.assessments import criteria_set_for
from campaigns.forms_dashboards import MatrixOptionsForm, ReminderForm
from campaigns.models import Assessment, Criterion, CriterionResult, Plan, Reminder, Target, TargetYear
from units.models import Kind, Role, Unit, User

READ_ROLES = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF, Role.LEADER, Role.COUNCIL_MEMBER, Role.ADMINISTRATOR)
WRITE_ROLES = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF, Role.ADMINISTRATOR)
FIRST_YEAR = 2021  # the 2021-2025 programme (QĐ 318/QĐ-TTg criteria)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

NOT_STARTED = "not_started"
STATUS_LABELS = {
    NOT_STARTED: gettext_lazy("Not started"),
    Assessment.Status.DRAFT: Assessment.Status.DRAFT.label,
    Assessment.Status.RETURNED: Assessment.Status.RETURNED.label,
    Assessment.Status.SUBMITTED: Assessment.Status.SUBMITTED.label,
    Assessment.Status.APPROVED: Assessment.Status.APPROVED.label,
}
# Units that still owe their year: the only ones a reminder goes to.
PENDING = {NOT_STARTED, Assessment.Status.DRAFT, Assessment.Status.RETURNED}
COUNTED = [Assessment.Status.SUBMITTED, Assessment.Status.APPROVED]


def load_unit(request: HttpRequest, unit_pk: int, *, write: bool = False) -> Unit:
    """The district or province if visible (404), with a dashboard role over it (403)."""
    roles = WRITE_ROLES if write else READ_ROLES
    user = request.user
    # Checked first so that a commune officer gets a plain "forbidden" whatever unit the URL names.
    if not user.has_role(*roles):
        raise PermissionDenied
    unit = get_object_or_404(Unit.objects.visible_to(user).of_kind(Kind.DISTRICT, Kind.PROVINCE), pk=unit_pk)
    if not user.has_role_over(unit, *roles):
        raise PermissionDenied
    return unit


def year_range(unit: Unit, today: datetime.date | None = None) -> list[int]:
    """The reporting years of the unit: from 2021 (or its creation) to this year, while it exists on 31/12.

    A district that ended on 30/06/2025 reports up to 2024: the 2025 year is reported to the provinces.
    """
    today = today or datetime.date.today()
    first = max(FIRST_YEAR, unit.valid_from.year if unit.valid_from else FIRST_YEAR)
    last = today.year
    if unit.valid_to:
        last = min(
            last, unit.valid_to.year if (unit.valid_to.month, unit.valid_to.day) == (12, 31) else unit.valid_to.year - 1
        )
    return list(range(first, max(first, last) + 1))


def check_year(unit: Unit, year: int) -> list[int]:
    years = year_range(unit)
    if year not in years:
        raise Http404
    return years


def communes_in_year(unit: Unit, year: int):
    """Communes below `unit` whose validity overlaps `year`."""
    return (
        Unit.objects.within(unit)
        .of_kind(Kind.COMMUNE)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=datetime.date(year, 12, 31)))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=datetime.date(year, 1, 1)))
        .select_related("parent")
        .order_by("parent__search_name", "search_name", "pk")
    )


def review_url(assessment: Assessment | None) -> str:
    if assessment is None:
        return ""
    try:
        return reverse("progress:review", args=[assessment.pk])
    except NoReverseMatch:  # the review pages are optional for this page
        return ""


@dataclass
class StatusRow:
    unit: Unit
    assessment: Assessment | None
    last_reminder: datetime.datetime | None = None
    review_url: str = ""

    @property
    def status(self) -> str:
        return self.assessment.status if self.assessment else NOT_STARTED

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def is_pending(self) -> bool:
        return self.status in PENDING


def status_rows(unit: Unit, year: int) -> list[StatusRow]:
    communes = communes_in_year(unit, year)
    assessments = {a.unit_id: a for a in Assessment.objects.filter(unit__in=communes, year=year)}
    reminders = dict(
        Reminder.objects.filter(unit__in=communes, year=year)
        .values("unit")
        .annotate(last=Max("sent_at"))
        .values_list("unit", "last")
    )
    return [
        StatusRow(c, assessments.get(c.pk), reminders.get(c.pk), review_url(assessments.get(c.pk))) for c in communes
    ]


def status_counts(rows: list[StatusRow]) -> list[tuple[str, str, int]]:
    counts = Counter(row.status for row in rows)
    return [(key, label, counts[key]) for key, label in STATUS_LABELS.items()]


def page_context(request: HttpRequest, unit: Unit, year: int | None, years: list[int]) -> dict:
    return {
        "unit": unit,
        "year": year,
        "years": years,
        "ancestors": unit.ancestors(),
        "can_write": request.user.has_role_over(unit, *WRITE_ROLES),
    }


@login_required
def status(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    years = check_year(unit, year)
    rows = status_rows(unit, year)
    selected = request.GET.get("status", "")
    context = {
        **page_context(request, unit, year, years),
        "counts": status_counts(rows),
        "total": len(rows),
        "selected": selected if selected in STATUS_LABELS else "",
        "rows": [row for row in rows if row.status == selected] if selected in STATUS_LABELS else rows,
        "pending": sum(row.is_pending for row in rows),
        "reminder_form": ReminderForm(),
        "show_parent": unit.kind == Kind.PROVINCE,
    }
    return render(request, "dashboards/status.html", context)


@login_required
@require_POST
def remind(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk, write=True)
    check_year(unit, year)
    form = ReminderForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reminder was not sent: the message is too long."))
        return redirect("dashboards:status", unit.pk, year)
    message = form.cleaned_data["message"] or _(
        "Please enter and submit your commune's %(year)s NTM criteria assessment."
    ) % {"year": year}
    pending = [row.unit for row in status_rows(unit, year) if row.is_pending]
    Reminder.objects.bulk_create(
        [Reminder(unit=commune, year=year, message=message, sent_by=request.user) for commune in pending]
    )
    count = len(pending)
    if count:
        messages.success(
            request,
            ngettext("Reminder sent to %(count)d commune.", "Reminder sent to %(count)d communes.", count)
            % {"count": count},
        )
    else:
        messages.info(request, _("Every commune has submitted; no reminder was sent."))
    return redirect("dashboards:status", unit.pk, year)


def criteria_for(unit: Unit, year: int) -> list[Criterion]:
    """The commune NTM criteria in force in `year` below `unit` (a province's own version wins)."""
    criteria_set = criteria_set_for(unit, year)
    return list(criteria_set.criteria.all()) if criteria_set else []


def plan_minimum(user: User, unit: Unit, year: int) -> tuple[Decimal, Plan] | None:
    """The "no commune below N criteria" target for `year` of the nearest issued plan of this unit or above."""
    issuers = [int(pk) for pk in unit.path.strip("/").split("/") if pk]
    targets = list(
        Target.objects.filter(
            type=Target.Type.MINIMUM_CRITERIA,
            plan__in=Plan.objects.visible_to(user).issued(),
            deadline_year__gte=year,
            target_value__isnull=False,
        )
        .filter(Q(plan__issuing_unit__in=issuers) | Q(plan__issuing_unit__isnull=True))
        .filter(Q(plan__issue_date__isnull=True) | Q(plan__issue_date__year__lte=year))
        .select_related("plan")
        .prefetch_related(Prefetch("years", queryset=TargetYear.objects.filter(year=year), to_attr="this_year"))
    )
    if not targets:
        return None

    def rank(target: Target):
        issuer = target.plan.issuing_unit_id
        return (
            issuers.index(issuer) if issuer in issuers else -1,
            target.plan.issue_date or datetime.date.min,
            target.pk,
        )

    best = max(targets, key=rank)
    value = best.this_year[0].value if best.this_year else best.target_value
    return (Decimal(int(value)) if value == int(value) else value), best.plan


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
    def average(self) -> float | None:
        totals = [row.total for row in self.rows if row.counted]
        return sum(totals) / len(totals) if totals else None


def build_matrix(user: User, unit: Unit, year: int, *, approved_only: bool = False, chosen_minimum=None) -> Matrix:
    """Communes × criteria from the year's submitted and approved assessments (approved only on request)."""
    criteria = criteria_for(unit, year)
    found = plan_minimum(user, unit, year)
    minimum, plan = found if found else (chosen_minimum, None)
    communes = communes_in_year(unit, year)
    counted = [Assessment.Status.APPROVED] if approved_only else COUNTED
    assessments = {a.unit_id: a for a in Assessment.objects.filter(unit__in=communes, year=year)}
    results: dict[int, dict[int, bool]] = defaultdict(dict)
    for unit_id, number, achieved in CriterionResult.objects.filter(
        assessment__unit__in=communes, assessment__year=year, assessment__status__in=counted
    ).values_list("assessment__unit_id", "criterion__number", "achieved"):
        results[unit_id][number] = achieved
    rows = []
    for commune in communes:
        assessment = assessments.get(commune.pk)
        is_counted = assessment is not None and assessment.status in counted
        cells = [results[commune.pk].get(c.number) if is_counted else None for c in criteria]
        below = is_counted and minimum is not None and assessment.criteria_met < minimum
        rows.append(MatrixRow(commune, assessment, cells, is_counted, below))
    counts = [sum(row.cells[index] is True for row in rows) for index in range(len(criteria))]
    return Matrix(year, criteria, rows, approved_only, minimum, plan, counts)


def matrix_options(request: HttpRequest) -> tuple[bool, int | None]:
    form = MatrixOptionsForm(request.GET)
    if not form.is_valid():
        return False, None
    return form.cleaned_data["approved"], form.cleaned_data["min"]


@login_required
def matrix(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    years = check_year(unit, year)
    approved_only, chosen_minimum = matrix_options(request)
    table = build_matrix(request.user, unit, year, approved_only=approved_only, chosen_minimum=chosen_minimum)
    context = {
        **page_context(request, unit, year, years),
        "matrix": table,
        "options": MatrixOptionsForm(initial={"approved": approved_only, "min": chosen_minimum}),
        "show_parent": unit.kind == Kind.PROVINCE,
    }
    return render(request, "dashboards/matrix.html", context)


@login_required
def matrix_xlsx(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    check_year(unit, year)
    approved_only, chosen_minimum = matrix_options(request)
    table = build_matrix(request.user, unit, year, approved_only=approved_only, chosen_minimum=chosen_minimum)
    response = HttpResponse(excel_assessments.build_matrix_workbook(table, unit=unit), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="matrix-{unit.code or unit.pk}-{year}.xlsx"'
    return response


def yearly_points(unit: Unit, years: list[int], *, total_criteria: int) -> list[charts.YearPoint]:
    """Per year: communes assessed (submitted or approved), their average criteria met, how many meet all."""
    communes = Unit.objects.within(unit).of_kind(Kind.COMMUNE)
    found = {
        row["year"]: row
        for row in Assessment.objects.filter(unit__in=communes, year__in=years, status__in=COUNTED)
        .values("year")
        .annotate(
            assessed=Count("pk"),
            average=Avg("criteria_met"),
            complete=Count("pk", filter=Q(criteria_met__gte=total_criteria)),
        )
    }
    return [
        charts.YearPoint(
            year,
            found[year]["assessed"] if year in found else 0,
            float(found[year]["average"]) if year in found else None,
            found[year]["complete"] if year in found else 0,
        )
        for year in years
    ]


def communes_per_year(unit: Unit, years: list[int]) -> dict[int, int]:
    validity = list(Unit.objects.within(unit).of_kind(Kind.COMMUNE).values_list("valid_from", "valid_to"))
    return {
        year: sum(
            (start is None or start.year <= year) and (end is None or end.year >= year) for start, end in validity
        )
        for year in years
    }


@login_required
def overview(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    years = year_range(unit)
    current = years[-1]
    rows = status_rows(unit, current)
    # The distribution shows the chosen year, else the latest year with assessments to show.
    assessed_years = set(
        Assessment.objects.filter(
            unit__in=Unit.objects.within(unit).of_kind(Kind.COMMUNE), year__in=years, status__in=COUNTED
        ).values_list("year", flat=True)
    )
    chosen = request.GET.get("year", "")
    chart_year = int(chosen) if chosen.isdigit() and int(chosen) in years else max(assessed_years, default=current)
    table = build_matrix(request.user, unit, chart_year)
    total_criteria = len(table.criteria) or 19
    points = yearly_points(unit, years, total_criteria=total_criteria)
    communes = communes_per_year(unit, years)
    context = {
        **page_context(request, unit, current, years),
        "counts": status_counts(rows),
        "total": len(rows),
        "chart_year": chart_year,
        "matrix": table,
        "criteria_chart": charts.criteria_chart(
            [(c.number, c.name) for c in table.criteria], table.counts, assessed=table.assessed, year=chart_year
        )
        if table.criteria
        else None,
        "progress_chart": charts.progress_chart(
            points, total_criteria=total_criteria, communes=max(communes.values(), default=0)
        ),
        "year_rows": [(point, communes[point.year]) for point in reversed(points)],
        "total_criteria": total_criteria,
    }
    return render(request, "dashboards/overview.html", context)
