"""Where a commune formed in the 2025 reform starts from: the status of the communes it was formed from.

The texts we read say nothing on how 2021-2025 recognitions and criteria carry over to a merged commune
(domain-2026.md §3.3), so nothing is carried over: the new commune's page and year form only show, for each
commune it was formed from, its last recognition in force and its last approved criteria count, as a baseline.
"""

from dataclasses import dataclass

from campaigns.models import Assessment, Recognition
from units.hierarchy import known_predecessors
from units.models import Unit, User


@dataclass(frozen=True)
class Baseline:
    unit: Unit  # a commune the new one was formed from
    recognition: Recognition | None  # its latest recognition not revoked
    assessment: Assessment | None  # its latest approved year


def baseline_of(unit: Unit, user: User | None = None) -> list[Baseline]:
    """One row per unit of the same kind `unit` was formed from, in tree order; three queries at most, two when
    `unit` is one of `user`'s membership units (their memberships already read the units it was formed from)."""
    if unit.valid_from is None:  # existed since before the records: formed from nothing
        return []
    earlier = [each for each in known_predecessors(unit, user) if each.kind == unit.kind]
    if not earlier:
        return []
    recognitions = {}
    for recognition in Recognition.objects.filter(unit__in=earlier).in_force().order_by("decision_date", "pk"):
        recognitions[recognition.unit_id] = recognition  # the latest wins
    assessments = {}
    approved = Assessment.objects.filter(unit__in=earlier, status=Assessment.Status.APPROVED)
    for assessment in approved.only("unit", "year", "criteria_met", "criteria_total").order_by("year", "pk"):
        assessments[assessment.unit_id] = assessment
    return [Baseline(each, recognitions.get(each.pk), assessments.get(each.pk)) for each in earlier]
