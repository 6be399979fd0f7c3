"""Yearly assessments: the commune's "my year" form, the reviewer's queue and review, and the audit trail."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Value, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from campaigns.assessments.audit import audit_trail, changes_since_return
from campaigns.assessments.discussion import thread_context
from campaigns.assessments.forms import AssessmentForm, ReturnForm
from campaigns.assessments.services import (
    add_evidence,
    approve_assessment,
    can_edit_assessment,
    can_review_assessment,
    criteria_set_for,
    delete_evidence,
    empty_set_message,
    get_or_start_assessment,
    new_assessment,
    return_assessment,
    save_assessment,
    submit_assessment,
)
from campaigns.models import Assessment, Campaign, Criterion, CriterionResult, Evidence, Indicator
from campaigns.models.plans import years_of_unit
from campaigns.records.baseline import baseline_of
from units.fields import row_pks
from units.files import stored_file_response
from units.hierarchy import level_above, reviewer_units
from units.models import Kind, Role, Unit

QUEUE_PAGE_SIZE = 50


def load_assessment(request: HttpRequest, pk: int) -> Assessment:
    """An assessment of a commune the user may see (404 outside)."""
    queryset = Assessment.objects.visible_to(request.user).select_related(
        "unit", "criteria_set", "reviewer_unit", "submitted_by", "reviewed_by"
    )
    return get_object_or_404(queryset, pk=pk)


def results_of(assessment: Assessment) -> list[CriterionResult]:
    criteria_set = assessment.criteria_set
    uses_groups = criteria_set is not None and criteria_set.uses_commune_groups
    indicators = Indicator.objects.prefetch_related("group_thresholds" if uses_groups else "thresholds")
    return list(
        assessment.results.select_related("criterion").prefetch_related(
            Prefetch("criterion__indicators", queryset=indicators)
        )
    )


@login_required
def my_years(request: HttpRequest) -> HttpResponse:
    """The commune officer's main page: each of their communes' years with its status."""
    communes = [
        unit
        for unit, membership in request.user.scope
        if membership.role == Role.COMMUNE_OFFICER and unit.kind == Kind.COMMUNE
    ]
    if not communes and (reviewer_units(request.user) or request.user.sees_everything):
        return redirect("progress:queue")
    # The years of the programmes, while each commune existed and not after this year.
    programme = Campaign.objects.years(until=timezone.localdate().year)
    years = {unit.pk: years_of_unit(programme, unit) for unit in communes}
    found = Assessment.objects.filter(unit__in=communes, year__in={year for own in years.values() for year in own})
    by_key = {(a.unit_id, a.year): a for a in found}
    rows = [(unit, [(year, by_key.get((unit.pk, year))) for year in years[unit.pk]]) for unit in communes]
    return render(request, "assessments/my_years.html", {"rows": rows})


def lacking_results() -> Exists:
    """Whether the assessment's set has a criterion it has no result for, as a column of the assessment's own query:
    then get_or_start_assessment has something to do. A year without a set is never complete."""
    results = CriterionResult.objects.filter(assessment_id=OuterRef(OuterRef("pk"))).values("criterion_id")
    return Exists(Criterion.objects.filter(criteria_set_id=OuterRef("criteria_set_id")).exclude(pk__in=results))


def _is_complete(assessment: Assessment) -> bool:
    return assessment.criteria_set_id is not None and not assessment.lacks_results


def _empty_set(unit: Unit, year: int, assessment: Assessment | None, results: list | None) -> str | None:
    """The message when the year's criteria set has no criteria: such a year cannot be opened for entry.

    A year already started has a result per criterion, so it costs a query only for a new year or one without results.
    """
    if assessment is not None and (assessment.criteria_set_id is None or results):
        return None
    criteria_set = assessment.criteria_set if assessment is not None else criteria_set_for(unit, year)
    if criteria_set is None or criteria_set.criteria.exists():
        return None
    return empty_set_message(criteria_set)


def _unsaved_year(unit: Unit, year: int) -> tuple[Assessment, list[CriterionResult]]:
    """The year as it would start, built in memory: opening a year saves nothing, its first save does."""
    try:
        assessment = new_assessment(unit, year)
    except ValidationError as error:
        raise Http404(error.messages[0]) from error
    criteria_set = assessment.criteria_set
    indicators = Indicator.objects.prefetch_related(
        "group_thresholds" if criteria_set.uses_commune_groups else "thresholds"
    )
    criteria = criteria_set.criteria.prefetch_related(Prefetch("indicators", queryset=indicators))
    return assessment, [CriterionResult(assessment=assessment, criterion=criterion) for criterion in criteria]


@login_required
def my_year(request: HttpRequest, unit_pk: int, year: int) -> HttpResponse:
    communes = Unit.objects.visible_to(request.user).of_kind(Kind.COMMUNE).select_related("parent")
    unit = get_object_or_404(communes, pk=unit_pk)
    may_edit = request.user.has_role_over(unit, Role.COMMUNE_OFFICER)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    found = (
        Assessment.objects.filter(unit=unit, year=year)
        .select_related("criteria_set", "reviewer_unit", "submitted_by", "reviewed_by")
        .annotate(lacks_results=lacking_results())
    )
    assessment = found.first()
    if assessment is not None:
        assessment.unit = unit  # the same row, already loaded: the thread's permission check reads it
    if assessment is None and (empty := _empty_set(unit, year, None, None)):
        return render(request, "assessments/my_year.html", {"unit": unit, "year": year, "empty_set": empty})
    if assessment is None and not may_edit:
        return render(request, "assessments/my_year.html", {"unit": unit, "year": year, "assessment": None})
    if assessment is None:
        assessment, results = _unsaved_year(unit, year)
    else:
        # Completing a year started before its set gained criteria is a transaction of its own.
        if may_edit and not assessment.is_locked and not _is_complete(assessment):
            assessment = get_or_start_assessment(unit, year, by=request.user)
        results = results_of(assessment)
        if empty := _empty_set(unit, year, assessment, results):
            return render(request, "assessments/my_year.html", {"unit": unit, "year": year, "empty_set": empty})
    form = AssessmentForm(
        request.POST or None,
        request.FILES or None,
        assessment=assessment,
        results=results,
        evidence=list(assessment.evidence.all()) if assessment.pk else [],
        editable=may_edit and not assessment.is_locked,
    )
    if request.method == "POST" and form.is_valid():
        submitting = request.POST.get("action") == "submit"
        try:
            with transaction.atomic():
                # The first save starts the year; ten people saving a new year at once share its one row.
                saved = assessment if assessment.pk else get_or_start_assessment(unit, year, by=request.user)
                save_assessment(
                    saved,
                    results=form.results_data(),
                    values=form.values_data(),
                    note=form.cleaned_data["note"],
                    version=form.cleaned_data["version"],
                    by=request.user,
                    decisions=form.decisions_data(),
                )
                for criterion, upload in form.uploads():
                    add_evidence(saved, criterion=criterion, upload=upload, by=request.user)
                if submitting:
                    submit_assessment(saved, by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if submitting:
                messages.success(request, _("Submitted for review by %(unit)s.") % {"unit": saved.reviewer_unit})
            else:
                messages.success(request, _("Saved."))
            return redirect("progress:my-year", unit_pk=unit.pk, year=year)

    context = {
        "unit": unit,
        "year": year,
        "assessment": assessment,
        "form": form,
        "may_edit": may_edit and not assessment.is_locked,
        "reviewer": assessment.reviewer_unit or level_above(unit, on=timezone.localdate()),
        "baseline": baseline_of(unit),
        **thread_context(request.user, assessment),
    }
    return render(request, "assessments/my_year.html", context)


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    """Submissions waiting for the user's district or province first, then the ones already handled."""
    units = reviewer_units(request.user)
    if not units and not request.user.sees_everything:
        raise PermissionDenied
    assessments = Assessment.objects.visible_to(request.user).exclude(reviewer_unit=None)
    if not request.user.sees_everything:
        assessments = assessments.filter(reviewer_unit__in=units)
    counts = dict(assessments.values_list("status").annotate(n=Count("pk")).order_by())
    status = request.GET.get("status", "")
    if status in Assessment.Status.values:
        assessments = assessments.filter(status=status)
    waiting_first = Case(
        When(status=Assessment.Status.SUBMITTED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    assessments = assessments.select_related("unit", "reviewer_unit", "submitted_by", "reviewed_by").order_by(
        waiting_first, "-year", "-submitted_at", "unit__name"
    )
    page = Paginator(assessments, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    filters = [("", _("All"), sum(counts.values()))] + [
        (value, label, counts.get(value, 0)) for value, label in Assessment.Status.choices if value != "draft"
    ]
    context = {"page": page, "assessments": page.object_list, "units": units, "status": status, "filters": filters}
    return render(request, "assessments/queue.html", context)


@login_required
@require_POST
def approve_batch(request: HttpRequest) -> HttpResponse:
    """Approve the ticked submissions; each is its own conditional update, so a row another reviewer took is skipped."""
    if not reviewer_units(request.user) and not request.user.sees_everything:
        raise PermissionDenied
    pks = row_pks(request.POST.getlist("pk"))
    chosen = Assessment.objects.visible_to(request.user).filter(pk__in=pks).select_related("unit")
    approved, skipped = 0, []
    for assessment in chosen:
        if not can_review_assessment(request.user, assessment):
            skipped.append(assessment)
            continue
        try:
            approve_assessment(assessment, by=request.user)
            approved += 1
        except ValidationError:
            skipped.append(assessment)
    if not pks:
        messages.warning(request, _("Tick the submissions to approve first."))
    if approved:
        messages.success(
            request,
            ngettext("%(count)d assessment approved.", "%(count)d assessments approved.", approved)
            % {"count": approved},
        )
    if skipped:
        names = ", ".join(f"{a.unit.name} {a.year}" for a in skipped)
        messages.warning(request, _("Not waiting for your review any more: %(names)s.") % {"names": names})
    return redirect("progress:queue")


def _load_for_review(request: HttpRequest, pk: int) -> Assessment:
    assessment = load_assessment(request, pk)
    if not can_review_assessment(request.user, assessment):
        raise PermissionDenied
    return assessment


def _review_page(request: HttpRequest, assessment: Assessment, return_form: ReturnForm) -> HttpResponse:
    results = results_of(assessment)
    values = {value.indicator_id: value.text_value or value.value for value in assessment.indicator_values.all()}
    evidence = list(assessment.evidence.all())
    for result in results:
        # What the commune entered under each criterion, ready for the read-only list.
        result.filled = [
            (indicator, values[indicator.pk])
            for indicator in result.criterion.indicators.all()
            if values.get(indicator.pk) is not None
        ]
        result.files = [item for item in evidence if item.criterion_id == result.criterion_id]
    context = {
        "assessment": assessment,
        "results": results,
        "year_files": [item for item in evidence if item.criterion_id is None],
        "changes": changes_since_return(assessment) if assessment.status == Assessment.Status.SUBMITTED else [],
        "return_form": return_form,
        **thread_context(request.user, assessment),
    }
    return render(request, "assessments/review.html", context)


@login_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _load_for_review(request, pk)
    return _review_page(request, assessment, ReturnForm())


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _load_for_review(request, pk)
    try:
        approve_assessment(assessment, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("%(unit)s %(year)s approved and locked.") % {"unit": assessment.unit, "year": assessment.year}
        )
    return redirect("progress:queue")


@login_required
@require_POST
def send_back(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _load_for_review(request, pk)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            return_assessment(assessment, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error("reason" if hasattr(error, "error_dict") else None, error)
        else:
            messages.success(request, _("Returned to %(unit)s with your reason.") % {"unit": assessment.unit})
            return redirect("progress:queue")
    return _review_page(request, assessment, form)


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = load_assessment(request, pk)
    return render(
        request, "assessments/history.html", {"assessment": assessment, "changes": audit_trail(assessment)[::-1]}
    )


def _load_evidence(request: HttpRequest, pk: int) -> Evidence:
    visible = Assessment.objects.visible_to(request.user)
    return get_object_or_404(Evidence.objects.filter(assessment__in=visible).select_related("assessment__unit"), pk=pk)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """Served through the assessment's scoping rather than as a public media file."""
    evidence = _load_evidence(request, pk)
    return stored_file_response(evidence.file)


@login_required
@require_POST
def evidence_delete(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = _load_evidence(request, pk)
    assessment = evidence.assessment
    if not can_edit_assessment(request.user, assessment):
        raise PermissionDenied
    try:
        delete_evidence(evidence)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("File removed."))
    return redirect(reverse("progress:my-year", args=[assessment.unit_id, assessment.year]) + "#evidence")
