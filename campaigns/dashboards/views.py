"""District and province dashboards: who has submitted, the criteria matrix, charts, Excel in and out.

Every page loads its unit through Unit.objects.visible_to (404 outside the user's subtree) and
needs a reviewing, staff, leader or council role over it; writes need the reviewer or staff role.
Each page runs a fixed number of queries whatever the number of communes.
"""

import contextlib
import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from campaigns.dashboards import charts
from campaigns.dashboards import excel as excel_assessments
from campaigns.dashboards.facts import (
    APPROVED,
    COUNTED,
    NOT_STARTED,
    STATUS_LABELS,
    Matrix,
    MatrixRow,
    assessments_of,
    criteria_for,
    criteria_matrix,
    in_year,
    largest_total,
    points_of,
)
from campaigns.dashboards.forms import MatrixOptionsForm, ReminderForm
from campaigns.dashboards.reminders import send_reminders
from campaigns.dashboards.sides import Reading, spread_by_side
from campaigns.models import Assessment, Campaign, CriterionResult, Plan, Reminder, Target, TargetYear
from campaigns.targets.completion import province_completion
from units.hierarchy import BY_OLD_UNITS, REVIEWING_LEVELS
from units.models import Kind, Role, Unit, User

READ_ROLES = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF, Role.LEADER, Role.COUNCIL_MEMBER, Role.ADMINISTRATOR)
WRITE_ROLES = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF, Role.ADMINISTRATOR)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Units that still owe their year: the only ones a reminder goes to.
PENDING = {NOT_STARTED, Assessment.Status.DRAFT, Assessment.Status.RETURNED}


def load_unit(request: HttpRequest, unit_pk: int, *, write: bool = False) -> Unit:
    """The district or province if visible (404), with a dashboard role over it (403)."""
    roles = WRITE_ROLES if write else READ_ROLES
    user = request.user
    # Checked first so that a commune officer gets a plain "forbidden" whatever unit the URL names.
    if not user.has_role(*roles):
        raise PermissionDenied
    # Most often the user's own district or province: already read with their memberships.
    own = [m.unit for m in user.active_memberships if m.unit_id == unit_pk and m.unit.kind in REVIEWING_LEVELS]
    unit = own[0] if own else get_object_or_404(Unit.objects.visible_to(user).of_kind(*REVIEWING_LEVELS), pk=unit_pk)
    if not user.has_role_over(unit, *roles):
        raise PermissionDenied
    return unit


def year_range(
    unit: Unit, today: datetime.date | None = None, earlier: list[Unit] = (), programmes: list[Campaign] | None = None
) -> list[int]:
    """The reporting years of the unit: from the first programme year (or its creation, or that of the units it
    was formed from) to this year, while it exists on 31/12.

    A district that ended on 30/06/2025 reports up to 2024: the 2025 year is reported to the provinces. The new
    Cao Bằng, formed from the old one, reaches back to 2021 through it. `programmes`: every Campaign, when the
    page has read them already.
    """
    today = today or datetime.date.today()
    if programmes is None:
        first = Campaign.objects.first_year()
    else:
        first = min((programme.start_year for programme in programmes), default=datetime.date.today().year)
    starts = [each.valid_from for each in (unit, *earlier)]
    first = first if None in starts else max(first, min(starts).year)
    last = today.year
    if unit.valid_to:
        last = min(
            last, unit.valid_to.year if (unit.valid_to.month, unit.valid_to.day) == (12, 31) else unit.valid_to.year - 1
        )
    return list(range(first, max(first, last) + 1))


def check_year(unit: Unit, year: int, earlier: list[Unit] = ()) -> list[int]:
    years = year_range(unit, earlier=earlier)
    if year not in years:
        raise Http404
    return years


def communes_in_year(unit: Unit, year: int):
    """Communes below `unit` whose validity overlaps `year`."""
    return (
        Unit.objects.within(unit)
        .of_kind(Kind.COMMUNE)
        .valid_in(year)
        .select_related("parent")
        .order_by("parent__search_name", "search_name", "pk")
    )


def communes_of(unit: Unit, earlier: list[Unit] = ()) -> list[Unit]:
    """Every commune below `unit` (and below the units it was formed from) whatever its years, with its parent, in
    display order: one query.

    The pages filter it by year in Python and pass ids on, instead of repeating the subtree as a subquery in
    each statement: PostgreSQL misjudges `unit_id IN (SELECT … WHERE path LIKE …)` and may scan every unit.
    """
    communes = Unit.objects.within(unit, *earlier).of_kind(Kind.COMMUNE).select_related("parent")
    return list(communes.order_by("parent__search_name", "search_name", "pk"))


def shows_districts(unit: Unit, communes: list[Unit]) -> bool:
    """A province's lists name each commune's district, while there were districts: not after the reform."""
    return unit.kind == Kind.PROVINCE and any(commune.parent_id != unit.pk for commune in communes)


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


def status_rows(unit: Unit, year: int, communes: list[Unit] | None = None, assessments=None) -> list[StatusRow]:
    """One row per commune of the year; `communes` and `assessments` (assessments_of) when the caller has them."""
    communes = in_year(communes_of(unit), year) if communes is None else communes
    assessments = assessments_of(communes, year) if assessments is None else assessments
    reminders = dict(
        Reminder.objects.filter(unit_id__in=[commune.pk for commune in communes], year=year)
        .values("unit")
        .annotate(last=Max("sent_at"))
        .values_list("unit", "last")
    )
    rows = []
    for commune in communes:
        assessment = assessments.get((commune.pk, year))
        rows.append(StatusRow(commune, assessment, reminders.get(commune.pk), review_url(assessment)))
    return rows


def status_counts(rows: list[StatusRow]) -> list[tuple[str, str, int]]:
    counts = Counter(row.status for row in rows)
    return [(key, label, counts[key]) for key, label in STATUS_LABELS.items()]


def page_context(
    request: HttpRequest, unit: Unit, year: int | None, years: list[int], reading: Reading | None = None
) -> dict:
    return {
        "unit": unit,
        "year": year,
        "years": years,
        "reading": reading,
        "units_switch": reading.switch(year) if reading else [],
        "ancestors": unit.ancestors(),
        "can_write": request.user.has_role_over(unit, *WRITE_ROLES),
    }


@login_required
def status(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    reading = Reading.of(request, unit)
    years = check_year(unit, year, reading.earlier)
    rows = status_rows(unit, year, reading.communes(communes_of(unit, reading.earlier), year))
    selected = request.GET.get("status", "")
    context = {
        **page_context(request, unit, year, years, reading),
        "counts": status_counts(rows),
        "total": len(rows),
        "selected": selected if selected in STATUS_LABELS else "",
        "rows": [row for row in rows if row.status == selected] if selected in STATUS_LABELS else rows,
        # Reminders go to the unit's own communes (remind below): none from the old units' side.
        "pending": sum(row.is_pending for row in rows) if reading.side(year) != BY_OLD_UNITS else 0,
        "reminder_form": ReminderForm(),
        "show_parent": shows_districts(unit, [row.unit for row in rows]),
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
    count, already = send_reminders(pending, year=year, message=message, by=request.user, sender=unit)
    if count:
        messages.success(
            request,
            ngettext("Reminder sent to %(count)d commune.", "Reminder sent to %(count)d communes.", count)
            % {"count": count},
        )
    if already:
        messages.info(
            request,
            ngettext(
                "%(count)d commune was already reminded today; it was not reminded again.",
                "%(count)d communes were already reminded today; they were not reminded again.",
                already,
            )
            % {"count": already},
        )
    if not pending:
        messages.info(request, _("Every commune has submitted; no reminder was sent."))
    return redirect("dashboards:status", unit.pk, year)


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


def build_matrix(
    user: User,
    unit: Unit,
    year: int,
    *,
    approved_only: bool = False,
    chosen_minimum=None,
    communes: list[Unit] | None = None,
    assessments=None,
) -> Matrix:
    """Communes × criteria from the year's submitted and approved assessments (approved only on request).

    `communes` and `assessments` (assessments_of) when the caller has them.
    """
    criteria = criteria_for(unit, year)
    found = plan_minimum(user, unit, year)
    minimum, plan = found if found else (chosen_minimum, None)
    communes = in_year(communes_of(unit), year) if communes is None else communes
    statuses = APPROVED if approved_only else COUNTED
    table = criteria_matrix(communes, year, criteria, assessments=assessments, statuses=statuses, minimum=minimum)
    table.minimum_plan = plan
    return table


def matrix_summary(unit: Unit, year: int, *, communes: list[Unit], assessments) -> Matrix:
    """The overview's chart: how many approved communes achieve each criterion, by an aggregate instead of the cells."""
    criteria = criteria_for(unit, year)
    rows, counted = [], []
    for commune in communes:
        assessment = assessments.get((commune.pk, year))
        is_counted = assessment is not None and assessment.status in APPROVED
        if is_counted:
            counted.append(assessment.pk)
        rows.append(MatrixRow(commune, assessment, [], is_counted))
    achieved = dict(
        CriterionResult.objects.filter(assessment_id__in=counted, achieved=True)
        .values("criterion__number")
        .annotate(n=Count("pk"))
        .values_list("criterion__number", "n")
    )
    counts = [achieved.get(criterion.number, 0) for criterion in criteria]
    return Matrix(year, criteria, rows, approved_only=True, counts=counts)


MATRIX_CACHE_SECONDS = 24 * 3600
# Communes per page of the matrix. A province's 547 communes in one table were 1.4 MB of HTML and 22,000 elements:
# about 2 s to parse and lay out in Chromium on a fast machine, more on a phone (bench/browser.py, issue #14). Fifty
# rows keep the page under 150 KB.
MATRIX_PAGE = 50


def matrix_table(table: Matrix, *, show_parent: bool, page: Page) -> str:
    """The rendered _matrix.html for one page of rows: thousands of cells for a province, so cached under the
    table's fingerprint and the page number.

    The key is a digest of the content, so there is nothing to invalidate. When the cache (Redis) fails,
    the table is rendered as if there were no cache: the page does not depend on it.
    """
    key = f"dashboards:matrix:{get_language()}:{int(show_parent)}:{page.number}:{table.fingerprint}"
    try:
        html = cache.get(key)
    except Exception:  # noqa: BLE001 - any cache failure means "not cached"
        html = None
    if html is None:
        context = {"matrix": table, "rows": page.object_list, "show_parent": show_parent}
        html = render_to_string("dashboards/_matrix.html", context)
        with contextlib.suppress(Exception):  # a page must not fail because the cache does
            cache.set(key, html, MATRIX_CACHE_SECONDS)
    return html


def matrix_options(request: HttpRequest) -> tuple[bool, int | None]:
    form = MatrixOptionsForm(request.GET)
    if not form.is_valid():
        return False, None
    return form.cleaned_data["approved"], form.cleaned_data["min"]


@login_required
def matrix(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    reading = Reading.of(request, unit)
    years = check_year(unit, year, reading.earlier)
    approved_only, chosen_minimum = matrix_options(request)
    communes = reading.communes(communes_of(unit, reading.earlier), year)
    table = build_matrix(
        request.user, unit, year, approved_only=approved_only, chosen_minimum=chosen_minimum, communes=communes
    )
    show_parent = shows_districts(unit, [row.unit for row in table.rows])
    page = Paginator(table.rows, MATRIX_PAGE).get_page(request.GET.get("page"))
    context = {
        **page_context(request, unit, year, years, reading),
        "matrix": table,
        "page": page,
        "matrix_table": matrix_table(table, show_parent=show_parent, page=page) if table.criteria else "",
        "options": MatrixOptionsForm(initial={"approved": approved_only, "min": chosen_minimum}),
        "show_parent": show_parent,
    }
    return render(request, "dashboards/matrix.html", context)


@login_required
def matrix_xlsx(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    reading = Reading.of(request, unit)
    check_year(unit, year, reading.earlier)
    approved_only, chosen_minimum = matrix_options(request)
    communes = reading.communes(communes_of(unit, reading.earlier), year)
    table = build_matrix(
        request.user, unit, year, approved_only=approved_only, chosen_minimum=chosen_minimum, communes=communes
    )
    response = HttpResponse(excel_assessments.build_matrix_workbook(table, unit=unit), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="matrix-{unit.code or unit.pk}-{year}.xlsx"'
    return response


@login_required
def overview(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit = load_unit(request, unit_pk)
    reading = Reading.of(request, unit)
    # The programmes once (a few rows): where the years start and whose completion conditions a province shows.
    programmes = list(Campaign.objects.all())
    years = year_range(unit, earlier=reading.earlier, programmes=programmes)
    current = years[-1]
    # A fixed number of queries: the communes once, then ids (see communes_of), whatever the size of the unit.
    communes = communes_of(unit, reading.earlier)
    spread = spread_by_side(reading, communes, years)
    # The distribution shows the chosen year, else the latest year with assessments to show.
    chosen = request.GET.get("year", "")
    chart_year = int(chosen) if chosen.isdecimal() and int(chosen) in years else max(spread, default=current)
    by_year = {year: reading.communes(communes, year) for year in years}
    assessments = assessments_of(by_year[current] + by_year[chart_year], current, chart_year)
    # Only the counts by status here: no reminder dates nor review links.
    rows = [StatusRow(commune, assessments.get((commune.pk, current))) for commune in by_year[current]]
    table = matrix_summary(unit, chart_year, communes=by_year[chart_year], assessments=assessments)
    total_criteria = len(table.criteria) or largest_total(spread)
    points = points_of(spread, years)
    context = {
        **page_context(request, unit, current, years, reading),
        "units_switch": reading.switch(None),  # every year: each on its own side unless one is chosen
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
            points, total_criteria=total_criteria, communes=max(map(len, by_year.values()), default=0)
        ),
        "year_rows": [(point, len(by_year[point.year]), reading.side(point.year)) for point in reversed(points)],
        # Phụ lục III: a province's completion of the programme's NTM task, from the same communes.
        "completion": province_completion(unit, year=current, communes=communes, programmes=programmes)
        if unit.kind == Kind.PROVINCE
        else [],
    }
    return render(request, "dashboards/overview.html", context)
