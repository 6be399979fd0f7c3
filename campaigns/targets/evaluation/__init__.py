"""Live computation of plan targets from recorded data: recognitions, assessments, OCOP ratings, measurements.

evaluate_targets() loads each kind of recorded data once for all the targets it is given (the union of
their scopes), so a plan page costs the same number of queries whatever the number of targets and
units; each target type is then computed in Python by its evaluator below.
"""

import datetime

from campaigns.models import Target
from campaigns.targets.evaluation.base import State, TargetResult, fmt
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

__all__ = ["EVALUATORS", "State", "TargetResult", "evaluate_targets", "fmt", "load_records"]


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
}
