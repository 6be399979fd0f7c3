"""Delete exactly the generated rows (base.MARK), children first, with plain DELETE statements.

QuerySet.delete() would load each of the million rows to run the deletion signals, and simple-history
would write a "deleted" record for each. The data was inserted without signals; it goes the same way.
Something real that points at a generated row (a membership in a generated village, a report of a
generated decision) makes the database refuse, and the whole reset is rolled back.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Max, Q, QuerySet

from awards.models import Award, Decision, DecisionCounter, DossierFile, Nomination, NominationEvent, Nominee
from campaigns.demo.national_data.base import MARK, NOTE, OCOP_NAME_PREFIX, VILLAGE_CODE_PREFIX
from campaigns.models import (
    Assessment,
    CriterionResult,
    EmulationSubject,
    Evidence,
    IndicatorValue,
    Measurement,
    Milestone,
    OcopProduct,
    OcopRating,
    Plan,
    PlanAmendment,
    PlanAttachment,
    PlanBasis,
    PlanSection,
    Recognition,
    ResourceContribution,
    Target,
    TargetYear,
)
from campaigns.models.assessments import Reminder
from units.models import CodeScheme, Kind, Lineage, Unit


def purge(queryset: QuerySet, counts: Counter) -> int:
    """DELETE … WHERE pk IN (the queryset): no objects loaded, no signals. Returns the number deleted."""
    model = queryset.model
    sql, params = queryset.values("pk").query.sql_with_params()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            # Table and column names come from the model, the values are parameters.
            f"DELETE FROM {quote(model._meta.db_table)} WHERE {quote(model._meta.pk.column)} IN ({sql})",  # noqa: S608
            params,
        )
        counts[model._meta.label] += cursor.rowcount
        return cursor.rowcount


@transaction.atomic
def purge_generated() -> Counter:
    counts = Counter()
    _purge_awards(counts)
    _purge_plans(counts)
    purge(Measurement.objects.filter(is_demo=True, source=NOTE), counts)
    products = OcopProduct.objects.filter(is_demo=True, name__startswith=OCOP_NAME_PREFIX)
    purge(OcopRating.objects.filter(product__in=products), counts)
    purge(products, counts)
    purge(Recognition.objects.filter(is_demo=True, note=NOTE), counts)
    purge(ResourceContribution.objects.filter(is_demo=True, note=NOTE), counts)
    assessments = Assessment.objects.filter(is_demo=True, note=NOTE)
    for child in (CriterionResult, IndicatorValue, Evidence):
        purge(child.objects.filter(assessment__in=assessments), counts)
    purge(assessments, counts)
    villages = Unit.objects.filter(
        code_scheme=CodeScheme.LOCAL, kind=Kind.VILLAGE, code__startswith=VILLAGE_CODE_PREFIX
    )
    purge(Reminder.objects.filter(unit__in=villages), counts)
    purge(Lineage.objects.filter(Q(predecessor__in=villages) | Q(successor__in=villages)), counts)
    purge(villages, counts)
    return counts


def _purge_awards(counts: Counter) -> None:
    nominations = Nomination.objects.filter(is_demo=True, achievements__contains=MARK)
    decisions = Decision.objects.filter(is_demo=True, legal_basis__contains=MARK)
    awards = Award.objects.filter(Q(decision__in=decisions) | Q(nomination__in=nominations))
    nominees = list(nominations.values_list("nominee_id", flat=True).distinct())
    registers = set(decisions.values_list("issuing_unit_id", "year"))
    grounds = Nomination.grounds.through.objects
    purge(grounds.filter(Q(nomination__in=nominations) | Q(award__in=awards)), counts)
    purge(awards, counts)
    purge(decisions, counts)
    purge(NominationEvent.objects.filter(nomination__in=nominations), counts)
    purge(DossierFile.objects.filter(nomination__in=nominations), counts)
    purge(nominations, counts)
    purge(Nominee.objects.filter(pk__in=nominees, is_demo=True, nominations=None, awards=None), counts)
    _renumber(registers)


def _renumber(registers: set[tuple[int, int]]) -> None:
    """Each register's counter back to the last number still used, so the next decision follows it."""
    units = {unit_id for unit_id, _year in registers}
    used = Decision.objects.filter(issuing_unit__in=units).values("issuing_unit", "year").annotate(last=Max("number"))
    left = {(unit_id, year): last for unit_id, year, last in used.values_list("issuing_unit", "year", "last")}
    for unit_id, year in sorted(registers):
        DecisionCounter.objects.filter(issuing_unit_id=unit_id, year=year).update(
            last_number=left.get((unit_id, year), 0)
        )


def _purge_plans(counts: Counter) -> None:
    plans = Plan.objects.filter(is_demo=True, subject__contains=MARK)
    Nomination.objects.filter(plan__in=plans).update(plan=None)
    targets = Target.objects.filter(plan__in=plans)
    purge(Target.units.through.objects.filter(target__in=targets), counts)
    purge(TargetYear.objects.filter(target__in=targets), counts)
    purge(targets, counts)
    for child in (Milestone, PlanSection, PlanBasis, PlanAttachment, PlanAmendment, EmulationSubject):
        purge(child.objects.filter(plan__in=plans), counts)
    purge(Plan.award_forms.through.objects.filter(plan__in=plans), counts)
    # Children before parents (Plan.parent is PROTECT): the plans no other generated plan implements go first.
    # A real plan implementing a generated one stops the loop; the database then refuses the reset.
    while purge(plans.exclude(pk__in=Plan.objects.filter(parent__isnull=False).values("parent")), counts):
        pass
    purge(plans, counts)
