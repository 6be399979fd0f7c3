"""Loading, once for all the targets of a page, the recorded data they read."""

import datetime

from django.db.models import Q, prefetch_related_objects

from campaigns.models import Assessment, Measurement, OcopRating, Recognition, Target, VillageYear
from campaigns.models.progress import statuses_at_or_above
from campaigns.targets.evaluation.base import (
    ASSESSMENT_TYPES,
    MEASUREMENT_TYPES,
    POPULATION_TYPES,
    Records,
    T,
    scope_of,
)
from units.models import Kind, Unit


def load_records(targets: list[Target], *, today: datetime.date) -> Records:
    prefetch_related_objects(targets, "plan__campaign", "plan__issuing_unit", "scope_unit", "units", "years")
    records = Records(today=today)
    types = {target.type for target in targets}
    roots = outermost([scope_of(t) for t in targets if t.type in POPULATION_TYPES and scope_of(t)])
    within = Unit.objects.within(*roots)
    if roots:
        records.units = {unit.pk: unit for unit in within}
        # Each unit's parent from the same load (a village's commune is in the subtree), not a second copy of
        # every row through select_related: a province is thousands of units.
        for unit in records.units.values():
            if unit.parent_id in records.units:
                unit.parent = records.units[unit.parent_id]

    named = {unit.pk for target in targets for unit in target.units.all()}
    statuses = {status for target in targets if target.status for status in statuses_at_or_above(target.status)}
    if statuses and (named or roots):
        in_scope = Q(unit__in=named)
        if roots:
            in_scope |= Q(unit__in=within)
        for recognition in Recognition.objects.filter(in_scope, status__in=statuses).order_by("decision_date"):
            records.recognitions[recognition.unit_id].append(recognition)

    # Assessments and OCOP products belong to communes: their ids, already loaded, rather than the subtree as a
    # subquery, which PostgreSQL may answer by scanning every unit (see dashboards.communes_of).
    communes = [pk for pk, unit in records.units.items() if unit.kind == Kind.COMMUNE]
    if roots and types & ASSESSMENT_TYPES:
        approved = Assessment.objects.filter(status=Assessment.Status.APPROVED, unit_id__in=communes)
        for unit_id, year, met, total in approved.values_list("unit_id", "year", "criteria_met", "criteria_total"):
            records.criteria[unit_id][year] = met
            records.criteria_totals[unit_id, year] = total

    if roots and T.OCOP_PRODUCTS in types:
        ratings = OcopRating.objects.filter(product__unit_id__in=communes)
        records.ocop = list(ratings.values_list("product_id", "product__unit_id", "stars", "level", "decision_date"))

    if roots and T.VILLAGES_EACH in types:
        villages = VillageYear.objects.filter(unit__in=within.filter(kind=Kind.VILLAGE))
        for unit_id, year, status in villages.values_list("unit_id", "year", "status"):
            records.village_years[unit_id][year] = status

    measured = [t for t in targets if t.type in MEASUREMENT_TYPES and scope_of(t) and t.indicator]
    if measured:
        rows = Measurement.objects.filter(
            unit__in={scope_of(t).pk for t in measured}, indicator__in={t.indicator for t in measured}
        ).values_list("unit_id", "indicator", "year", "value", "unit_of_measure")
        for unit_id, indicator, year, value, unit_of_measure in rows:
            records.measurements[unit_id, indicator][year] = value
            records.measure_units[unit_id, indicator] = unit_of_measure
    return records


def outermost(units: list[Unit]) -> list[Unit]:
    """The given units without those inside another one: one subtree query covers them all."""
    roots: list[Unit] = []
    for unit in sorted({unit.pk: unit for unit in units}.values(), key=lambda unit: len(unit.path)):
        if not any(unit.path.startswith(root.path) for root in roots):
            roots.append(unit)
    return roots
