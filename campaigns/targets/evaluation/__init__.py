"""Live computation of plan targets from recorded data: recognitions, assessments, OCOP ratings, measurements.

evaluate_targets() loads each kind of recorded data once for all the targets it is given (the union of
their scopes), so a plan page costs the same number of queries whatever the number of targets and
units; each target type is then computed in Python by its evaluator below.
"""

import datetime

from django.db.models import Prefetch, prefetch_related_objects

from campaigns.models import Allocation, Target
from campaigns.targets.evaluation.allocation import (
    AllocationSummary,
    goal_in_units,
    share_sizes,
    summarise,
    units_at_status,
)
from campaigns.targets.evaluation.base import State, TargetResult, fmt, scope_of
from campaigns.targets.evaluation.evaluators import (
    evaluate_average_criteria,
    evaluate_criteria_gain,
    evaluate_indicator,
    evaluate_keep,
    evaluate_milestone,
    evaluate_minimum_criteria,
    evaluate_ocop,
    evaluate_ratio,
    evaluate_share,
)
from campaigns.targets.evaluation.loading import load_records
from campaigns.targets.evaluation.villages import evaluate_villages_each

__all__ = [
    "EVALUATORS",
    "AllocationSummary",
    "evaluate_plan",
    "allocation_frame",
    "State",
    "TargetResult",
    "evaluate_targets",
    "fmt",
    "load_records",
    "scope_of",
]


def evaluate_targets(targets, *, today: datetime.date | None = None, closed: bool = False) -> dict[int, TargetResult]:
    """Current value, progress and state of each target, keyed by target pk, in a constant number of queries.

    A target whose deadline has passed is judged on 31/12 of its deadline year. `closed` judges at the end
    of `today` (a report at the end of its period): a deadline on that day has passed.
    """
    targets = list(targets)
    if not targets:
        return {}
    records = load_records(targets, today=today or datetime.date.today())
    records.closed = closed
    return {target.pk: EVALUATORS[target.type](target, records) for target in targets}


T = Target.Type
EVALUATORS = {
    T.UNIT_MILESTONE: evaluate_milestone,
    T.KEEP_STATUS: evaluate_keep,
    T.UNIT_SHARE: evaluate_share,
    T.AVERAGE_CRITERIA: evaluate_average_criteria,
    T.MINIMUM_CRITERIA: evaluate_minimum_criteria,
    T.CRITERIA_GAIN: evaluate_criteria_gain,
    T.OCOP_PRODUCTS: evaluate_ocop,
    T.RATIO_TO_BASELINE: evaluate_ratio,
    T.FREE_INDICATOR: evaluate_indicator,
    T.VILLAGES_EACH: evaluate_villages_each,
}


def evaluate_plan(
    targets, *, today: datetime.date | None = None, closed: bool = False
) -> tuple[dict[int, TargetResult], dict[int, AllocationSummary]]:
    """evaluate_targets() plus, for each target shared out below, its shares judged on the same records."""
    targets = list(targets)
    if not targets:
        return {}, {}
    # The shares with their units in one query: their ordering joins the units anyway.
    prefetch_related_objects(targets, Prefetch("allocations", Allocation.objects.select_related("unit")))
    records = load_records(targets, today=today or datetime.date.today())
    records.closed = closed
    results = {target.pk: EVALUATORS[target.type](target, records) for target in targets}
    summaries = {
        target.pk: summarise(target, records, EVALUATORS[target.type])
        for target in targets
        if target.can_be_allocated and target.allocations.all()
    }
    return results, summaries


def allocation_frame(target: Target, *, today: datetime.date | None = None) -> tuple[int | None, dict[int, int]]:
    """What the shares of `target` must fit: the units it asks for, and how many units each unit holds."""
    records = load_records([target], today=today or datetime.date.today())
    units, _count = units_at_status(target, records)
    return goal_in_units(target, len(units)), share_sizes(target, records)
