"""A commune's yearly assessment: start it, save it, submit it, and its review (return or approve).

Every write is a conditional UPDATE on what the caller saw (the version for a save, the status for the review
steps) instead of a lock: when two people act at once only the first one matches the row and the second gets a
clear refusal. `.update()` bypasses simple-history, so each step writes its audit record itself.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from campaigns.assessments.notices import tell_reviewed, tell_submitted
from campaigns.models import (
    Assessment,
    CriteriaSet,
    Criterion,
    CriterionResult,
    Evidence,
    Indicator,
    IndicatorValue,
)
from units.hierarchy import level_above, reviewer_units
from units.models import NtmRegion, Role, Unit, User

EDITABLE = (Assessment.Status.DRAFT, Assessment.Status.RETURNED)


# Who may do what: one rule each, for the views, the templates and the services.


def can_edit_assessment(user: User, assessment: Assessment) -> bool:
    return user.has_role_over(assessment.unit, Role.COMMUNE_OFFICER)


def can_review_assessment(user: User, assessment: Assessment) -> bool:
    if assessment.reviewer_unit_id is None:
        return False
    return user.sees_everything or assessment.reviewer_unit_id in {unit.pk for unit in reviewer_units(user)}


def criteria_sets_for(unit: Unit, year: int):
    """The commune sets in force in `year`, best first: a province's own version before the national one."""
    province_ids = [int(part) for part in unit.path.strip("/").split("/") if part]
    candidates = CriteriaSet.objects.filter(
        level=CriteriaSet.Level.COMMUNE, start_year__lte=year, end_year__gte=year
    ).filter(Q(issuing_unit__isnull=True) | Q(issuing_unit__in=province_ids))
    return candidates.order_by(F("issuing_unit").desc(nulls_last=True), "-start_year")


def criteria_set_for(unit: Unit, year: int) -> CriteriaSet | None:
    """The commune set in force in `year`; a province's own version wins over the national one."""
    return criteria_sets_for(unit, year).first()


def empty_set_message(criteria_set: CriteriaSet) -> str:
    return _(
        "The criteria set “%(set)s” has no criteria yet, so this year cannot be opened for entry. "
        "Ask the administrator to enter the criteria first."
    ) % {"set": criteria_set.name}


def applied_region(unit: Unit) -> str:
    # Especially difficult communes use the northern-mountain thresholds whatever their region (QĐ 318).
    return NtmRegion.NORTHERN_MOUNTAINS if unit.is_especially_difficult else unit.ntm_region


def new_assessment(unit: Unit, year: int) -> Assessment:
    """The commune's assessment of `year` as it would start, unsaved; refused when no set covers the year."""
    criteria_set = criteria_set_for(unit, year)
    if criteria_set is None:
        raise ValidationError(_("No criteria set covers %(year)s.") % {"year": year})
    if not criteria_set.criteria.exists():
        raise ValidationError(empty_set_message(criteria_set), code="empty_set")
    return Assessment(unit=unit, year=year, criteria_set=criteria_set, applied_region=applied_region(unit))


@transaction.atomic
def get_or_start_assessment(unit: Unit, year: int, *, by: User) -> Assessment:
    """The commune's assessment of `year`, started as a draft with one result per criterion if there is none.

    Called by the first save of a year, not by opening its page. Ten people saving a new year at once all find
    no row: the first insert wins, the others take its row. The row is read locked, so only one of them at a time adds the missing results.
    """
    found = Assessment.objects.select_for_update().filter(unit=unit, year=year)
    assessment = found.first()
    if assessment is None:
        assessment = new_assessment(unit, year)
        assessment._history_user = by
        try:
            with transaction.atomic():
                assessment.save()
        except IntegrityError:
            # Someone started the year in between (one_assessment_per_unit_and_year); theirs is committed.
            assessment = found.get()
    elif assessment.criteria_set_id is None and not assessment.is_locked:
        # A tally recorded before the criteria were (an import, older data): attach the set now.
        assessment.criteria_set = criteria_set_for(unit, year)
        assessment.applied_region = assessment.applied_region or applied_region(unit)
        assessment._history_user = by
        assessment.save(update_fields=["criteria_set", "applied_region", "updated_at"])
    if assessment.criteria_set_id and not assessment.is_locked:
        _add_missing_results(assessment, by=by)
    return assessment


def _add_missing_results(assessment: Assessment, *, by: User) -> None:
    present = set(assessment.results.values_list("criterion_id", flat=True))
    missing = [
        CriterionResult(assessment=assessment, criterion=criterion)
        for criterion in assessment.criteria_set.criteria.all()
        if criterion.pk not in present
    ]
    if missing:
        bulk_create_with_history(missing, CriterionResult, default_user=by)


def _locked_error(assessment: Assessment) -> ValidationError:
    if assessment.status == Assessment.Status.APPROVED:
        return ValidationError(_("This assessment is approved and locked; it can no longer be changed."))
    return ValidationError(_("This assessment is submitted and locked while it waits for review."))


@transaction.atomic
def save_assessment(
    assessment: Assessment,
    *,
    results: dict[int, tuple[bool, str]],
    values: dict[int, Decimal | None],
    note: str,
    version: int,
    by: User,
    decisions: dict[int, tuple[bool | None, str]] | None = None,
) -> Assessment:
    """Save the criteria results (criterion id → (achieved, note)), indicator values and note.

    `decisions` (criterion id → (what the indicator values decided, reason for marking differently)) comes with
    the criteria decided from values, in a set with commune groups.

    Refused when someone saved since `version` was read, or when the assessment is locked.
    """
    now = timezone.now()
    # Claim the version first: a second save that read the same version now matches no row.
    claimed = Assessment.objects.filter(pk=assessment.pk, version=version, status__in=EDITABLE).update(
        version=F("version") + 1, updated_at=now
    )
    if not claimed:
        current = Assessment.objects.get(pk=assessment.pk)
        if current.is_locked:
            raise _locked_error(current)
        saved_at = date_format(timezone.localtime(current.updated_at), "H:i")
        raise ValidationError(
            _(
                "Someone else saved this assessment at %(time)s; your changes were not saved — reload to see "
                "theirs; your entries are kept below."
            )
            % {"time": saved_at},
            code="stale",
        )

    decisions = decisions or {}
    for result in assessment.results.all():
        if result.criterion_id not in results:
            continue
        achieved, result_note = results[result.criterion_id]
        decided, reason = decisions.get(result.criterion_id, (result.decided, result.override_reason))
        if (result.achieved, result.note, result.decided, result.override_reason) != (
            achieved,
            result_note,
            decided,
            reason,
        ):
            result.achieved, result.note, result._history_user = achieved, result_note, by
            result.decided, result.override_reason = decided, reason
            result.save(update_fields=["achieved", "note", "decided", "override_reason"])
    _save_values(assessment, values, by=by)

    assessment.refresh_from_db()
    # A tally recorded without per-criterion results (older data) keeps its count.
    met = assessment.results.filter(achieved=True).count() if results else assessment.criteria_met
    total = assessment.results.count() if results else assessment.criteria_total or assessment.total_of_set()
    if (assessment.note, assessment.criteria_met, assessment.criteria_total) != (note, met, total):
        assessment.note, assessment.criteria_met, assessment.criteria_total = note, met, total
        assessment._history_user = by
        assessment.save(update_fields=["note", "criteria_met", "criteria_total", "updated_at"])
    return assessment


def _save_values(assessment: Assessment, values: dict[int, Decimal | str | None], *, by: User) -> None:
    existing = {value.indicator_id: value for value in assessment.indicator_values.all()}
    allowed = set(
        Indicator.objects.filter(criterion__criteria_set=assessment.criteria_set_id).values_list("pk", flat=True)
    )
    for indicator_id, new in values.items():
        if indicator_id not in allowed:
            continue
        row = existing.get(indicator_id)
        if row is None and new is None:
            continue
        number, text = (None, new) if isinstance(new, str) else (new, "")
        if row is None:
            row = IndicatorValue(assessment=assessment, indicator_id=indicator_id)
        elif (row.value, row.text_value) == (number, text):
            continue
        row.value, row.text_value, row._history_user = number, text, by
        row.save()


def _set_status(assessment: Assessment, *, expected: tuple[str, ...], by: User, refusal: str, **changes) -> Assessment:
    """The conditional UPDATE behind each review step, then its audit record."""
    changes["updated_at"] = timezone.now()
    if not Assessment.objects.filter(pk=assessment.pk, status__in=expected).update(version=F("version") + 1, **changes):
        raise ValidationError(refusal, code="status")
    assessment.refresh_from_db()
    assessment._history_user = by
    Assessment.history.bulk_history_create([assessment], update=True)
    return assessment


def is_empty(assessment: Assessment) -> bool:
    """Nothing entered: no criterion marked met or given a note or reason, no indicator value, no note for the
    year, no evidence file, and no tally of met criteria (older data). Four queries at most."""
    if assessment.note.strip() or assessment.criteria_met:
        return False
    touched = Q(achieved=True) | ~Q(note="") | ~Q(override_reason="")
    if assessment.results.filter(touched).exists():
        return False
    if assessment.indicator_values.filter(Q(value__isnull=False) | ~Q(text_value="")).exists():
        return False
    return not assessment.evidence.exists()


@transaction.atomic
def submit_assessment(assessment: Assessment, *, by: User) -> Assessment:
    """Send the year to the level above on the day it is sent: the district before 07/2025, the province after,
    whatever year it assesses (a legacy commune's 2025 year sent in August goes to the province)."""
    if not can_edit_assessment(by, assessment):
        raise PermissionDenied
    if is_empty(assessment):
        raise ValidationError(
            _(
                "This year is still empty: enter at least one indicator value, mark a criterion as met, or add a "
                "note or an evidence file before submitting it."
            ),
            code="empty",
        )
    reviewer = level_above(assessment.unit, on=timezone.localdate())
    if reviewer is None:
        raise ValidationError(_("This commune has no district or province above it to review its assessment."))
    submitted = _set_status(
        assessment,
        expected=EDITABLE,
        by=by,
        refusal=_("This assessment was already submitted."),
        status=Assessment.Status.SUBMITTED,
        reviewer_unit=reviewer,
        submitted_at=timezone.now(),
        submitted_by=by,
    )
    tell_submitted(submitted)
    return submitted


@transaction.atomic
def return_assessment(assessment: Assessment, *, by: User, reason: str) -> Assessment:
    """Send a submission back to the commune with the reason, which is pinned on its page."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say what the commune must fix.")})
    _check_reviewer(assessment, by)
    returned = _set_status(
        assessment,
        expected=(Assessment.Status.SUBMITTED,),
        by=by,
        refusal=_("This assessment is no longer waiting for review."),
        status=Assessment.Status.RETURNED,
        return_reason=reason,
        returned_at=timezone.now(),
        reviewed_by=by,
    )
    tell_reviewed(returned)
    return returned


@transaction.atomic
def approve_assessment(assessment: Assessment, *, by: User) -> Assessment:
    """Approve a submission, which locks it for good; targets count approved assessments only."""
    _check_reviewer(assessment, by)
    approved = _set_status(
        assessment,
        expected=(Assessment.Status.SUBMITTED,),
        by=by,
        refusal=_("This assessment is no longer waiting for review."),
        status=Assessment.Status.APPROVED,
        approved_at=timezone.now(),
        reviewed_by=by,
    )
    tell_reviewed(approved)
    return approved


def _check_reviewer(assessment: Assessment, user: User) -> None:
    if not can_review_assessment(user, assessment):
        raise PermissionDenied


def add_evidence(assessment: Assessment, *, criterion: Criterion | None, upload, by: User) -> Evidence:
    """Store an uploaded file (already checked by the form) against the year or one of its criteria."""
    if assessment.is_locked:
        raise _locked_error(assessment)
    evidence = Evidence(assessment=assessment, criterion=criterion, title=upload.name[:200], uploaded_by=by)
    evidence.file.save(upload.name, upload, save=False)
    evidence.save()
    return evidence


def delete_evidence(evidence: Evidence) -> None:
    if evidence.assessment.is_locked:
        raise _locked_error(evidence.assessment)
    evidence.file.delete(save=False)
    evidence.delete()
