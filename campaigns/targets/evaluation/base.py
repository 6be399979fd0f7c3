"""What every evaluator shares: the result and record types, the states, and the helpers that date, count and judge."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.utils.translation import gettext_lazy

from campaigns.models import Recognition, Target
from campaigns.targets.dates import AsOf
from units.models import Kind, Unit

# Target flag → Unit flag; a village matches through its commune too.
FILTERS = {
    "only_mountainous": "is_mountainous",
    "only_ethnic_minority": "is_ethnic_minority_area",
    "only_especially_difficult": "is_especially_difficult",
    "only_border": "is_border",
}

T = Target.Type
POPULATION_TYPES = {T.KEEP_STATUS, T.UNIT_SHARE, T.AVERAGE_CRITERIA, T.MINIMUM_CRITERIA, T.CRITERIA_GAIN}
POPULATION_TYPES |= {T.OCOP_PRODUCTS, T.VILLAGES_EACH}
ASSESSMENT_TYPES = {T.AVERAGE_CRITERIA, T.MINIMUM_CRITERIA, T.CRITERIA_GAIN}
MEASUREMENT_TYPES = {T.RATIO_TO_BASELINE, T.FREE_INDICATOR}


class State(models.TextChoices):
    ACHIEVED = "achieved", gettext_lazy("Achieved")
    ON_TRACK = "on_track", gettext_lazy("On track")
    OFF_TRACK = "off_track", gettext_lazy("Off track")
    MISSED = "missed", gettext_lazy("Missed")
    NO_DATA = "no_data", gettext_lazy("No data")


@dataclass
class TargetResult:
    target: Target
    current: Decimal | None = None  # in the target's own measure (count, %, average, ratio, value)
    goal: Decimal | None = None  # target_value (or the number of named units for milestone/keep)
    goal_max: Decimal | None = None
    baseline: Decimal | None = None
    progress: float | None = None  # 0..1: share of the way from the baseline to the goal
    state: str = State.NO_DATA
    projection: Decimal | None = None  # linear projection to the deadline year (None if n/a)
    as_of_year: int = 0
    details: list[tuple[str, str]] = field(default_factory=list)

    @property
    def state_label(self) -> str:
        return State(self.state).label


@dataclass
class Records:
    """Everything the targets read, loaded once; units are the targets' populations with their parents."""

    today: datetime.date
    units: dict[int, Unit] = field(default_factory=dict)
    recognitions: dict[int, list[Recognition]] = field(default_factory=lambda: defaultdict(list))
    criteria: dict[int, dict[int, int]] = field(default_factory=lambda: defaultdict(dict))  # unit → year → met
    # (unit, year) → how many criteria that year's set had: the denominator of `criteria`.
    criteria_totals: dict[tuple[int, int], int] = field(default_factory=dict)
    ocop: list[tuple] = field(default_factory=list)  # (product id, commune id, stars, level, decision date)
    measurements: dict[tuple[int, str], dict[int, Decimal]] = field(default_factory=lambda: defaultdict(dict))
    measure_units: dict[tuple[int, str], str] = field(default_factory=dict)
    village_years: dict[int, dict[int, str]] = field(default_factory=lambda: defaultdict(dict))  # unit → year → status
    closed: bool = False  # `today` is over (a report at the end of its period): see AsOf

    def has_passed(self, day: datetime.date) -> bool:
        return AsOf(self.today, self.closed).has_passed(day)


# ---------------------------------------------------------------------------------------------------------
# Helpers shared by the evaluators


def scope_of(target: Target) -> Unit | None:
    return target.scope_unit or target.plan.issuing_unit


def start_year(target: Target) -> int:
    plan = target.plan
    return plan.issue_date.year if plan.issue_date else plan.campaign.start_year


def deadline(target: Target) -> datetime.date:
    return datetime.date(target.deadline_year, 12, 31)


def as_of(target: Target, today: datetime.date) -> datetime.date:
    return min(today, deadline(target))


def is_past(target: Target, records: Records) -> bool:
    return records.has_passed(deadline(target))


def new_result(target: Target, records: Records) -> TargetResult:
    return TargetResult(
        target=target,
        goal=target.target_value,
        goal_max=target.target_value_max,
        baseline=target.baseline_value,
        as_of_year=as_of(target, records.today).year,
    )


def rounded(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def fmt(value: Decimal | int) -> str:
    """12.500 → "12.5", 3.000 → "3"."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fraction(done: Decimal | int, whole: Decimal | int) -> float:
    if whole == 0:
        return 1.0 if done >= 0 else 0.0
    return max(0.0, min(1.0, float(done) / float(whole)))


def held_since(recognitions: list[Recognition], statuses: list[str], on: datetime.date) -> datetime.date | None:
    """When the unit reached a status it still holds on `on` (decided by then, not revoked by then)."""
    dates = [
        r.decision_date
        for r in recognitions
        if r.status in statuses and r.decision_date <= on and (r.revoked_on is None or r.revoked_on > on)
    ]
    return min(dates, default=None)


def matches_filters(target: Target, unit: Unit) -> bool:
    for flag, attribute in FILTERS.items():
        if not getattr(target, flag) or getattr(unit, attribute):
            continue
        if unit.kind == Kind.VILLAGE and unit.parent and getattr(unit.parent, attribute):
            continue
        return False
    return True


def population(target: Target, records: Records, kind: str) -> list[Unit]:
    """Units of `kind` in the target's scope that existed at some point of the plan's period, filtered.

    Legacy units (ended 30/06/2025) still count for a 2021-2025 plan: its targets were set on them.
    """
    scope = scope_of(target)
    if scope is None:
        return []
    first_day, last_day = datetime.date(start_year(target), 1, 1), deadline(target)
    return [
        unit
        for unit in records.units.values()
        if unit.kind == kind
        and unit.path.startswith(scope.path)
        and unit.is_valid_between(first_day, last_day)
        and matches_filters(target, unit)
        and of_division_type(target, unit)
    ]


def of_division_type(target: Target, unit: Unit) -> bool:
    """ "13/13 xã": with a division type set, a thị trấn or phường of the same kind is not counted."""
    return not target.division_type or unit.division_type.casefold() == target.division_type.casefold()


def expected_by(target: Target, year: int, goal: Decimal, start: Decimal) -> Decimal | None:
    """What the yearly breakdown expects by `year`; None without a breakdown row up to that year.

    Plans write breakdowns two ways: "Quý Quân in 2024, two more in 2025" (increments) and "70% in
    2024, 80% in 2025" (levels). Values that add up to the way from the start to the goal are increments.
    """
    rows = sorted(target.years.all(), key=lambda row: row.year)
    due = [row.value for row in rows if row.year <= year]
    if not due:
        return None
    if sum(row.value for row in rows) == goal - start:
        return start + sum(due)
    return due[-1]


def projected(
    target: Target, origin: tuple[int, Decimal] | None, current: Decimal, year: int, places: int
) -> Decimal | None:
    """The linear projection from `origin` through the value of `year` to the deadline year.

    None without a recorded value after the origin year (a trend needs two points). A quantity that
    cannot go below zero (counts, rates, averages) stays at zero or above, and a percentage at 100 or below.
    """
    if origin is None or year <= origin[0]:
        return None
    slope = (current - origin[1]) / (year - origin[0])
    value = current + slope * (target.deadline_year - year)
    if origin[1] >= 0 and current >= 0:
        value = max(value, Decimal(0))
    if target.measure == Target.Measure.PERCENT:
        value = min(value, Decimal(100))
    return rounded(value, places)


def judge(
    result: TargetResult, origin: tuple[int, Decimal] | None, *, year: int, places: int, passed: bool
) -> TargetResult:
    """Set progress, projection and state of a value moving from `origin` (year, value) towards the goal.

    `year` is the year of the latest recorded value. A goal below the origin means lower is better (a
    poverty rate). The yearly breakdown, when it has a row up to the as-of year, decides on/off track;
    otherwise the linear projection to the deadline does. With no origin nor breakdown there is no trend
    to judge: on track until the deadline.
    """
    target, current, goal = result.target, result.current, result.goal
    if current is None or goal is None:
        result.state = State.NO_DATA
        return result
    start = origin[1] if origin else Decimal(0)
    sign = -1 if goal < start else 1
    result.progress = fraction(current - start, goal - start)
    result.projection = projected(target, origin, current, year, places)
    expected = expected_by(target, result.as_of_year, goal, start)
    if sign * current >= sign * goal:
        result.state = State.ACHIEVED
    elif passed:
        result.state = State.MISSED
    elif expected is not None:
        result.state = State.ON_TRACK if sign * current >= sign * expected else State.OFF_TRACK
    elif result.projection is not None:
        result.state = State.ON_TRACK if sign * result.projection >= sign * goal else State.OFF_TRACK
    else:
        result.state = State.ON_TRACK
    return result
