"""Live computation of plan targets from recorded data: recognitions, assessments, OCOP ratings, measurements.

evaluate_targets() loads each kind of recorded data once for all the targets it is given (the union of
their scopes), so a plan page costs the same number of queries whatever the number of targets and
units; each target type is then computed in Python by its evaluator below.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from campaigns.models import Assessment, Measurement, OcopRating, Recognition, Target
from campaigns.models.progress import STATUS_KIND, meets_all, statuses_at_or_above
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
POPULATION_TYPES |= {T.OCOP_PRODUCTS}
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
    closed: bool = False  # `today` is over (a report at the end of its period): see AsOf

    def has_passed(self, day: datetime.date) -> bool:
        return AsOf(self.today, self.closed).has_passed(day)


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
    ]


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


# ---------------------------------------------------------------------------------------------------------
# One evaluator per target type


def missing_note(recognitions: list[Recognition], statuses: list[str], target: Target, today: datetime.date) -> str:
    """Why a named unit does not count: recognised too late, revoked, or not yet."""
    on = as_of(target, today)
    later = held_since(recognitions, statuses, today) if today > on else None
    if later:
        return _("%(year)s (after the deadline)") % {"year": later.year}
    revoked = [r.revoked_on for r in recognitions if r.status in statuses and r.revoked_on and r.revoked_on <= on]
    if revoked:
        return _("revoked on %(date)s") % {"date": f"{max(revoked):%d/%m/%Y}"}
    return _("not yet")


def evaluate_milestone(target: Target, records: Records) -> TargetResult:
    """Named units reach the status (or a higher step) by 31/12 of the deadline year."""
    result = new_result(target, records)
    units = list(target.units.all())
    if not units:
        return result
    statuses, on = statuses_at_or_above(target.status), as_of(target, records.today)
    reached = 0
    for unit in units:
        since = held_since(records.recognitions[unit.pk], statuses, on)
        reached += since is not None
        note = (
            f"{since.year} ✓" if since else missing_note(records.recognitions[unit.pk], statuses, target, records.today)
        )
        result.details.append((unit.name, note))
    result.current = Decimal(reached)
    result.goal = target.target_value if target.target_value is not None else Decimal(len(units))
    result.progress = fraction(result.current, result.goal)
    expected = expected_by(target, result.as_of_year, result.goal, Decimal(0))
    if result.current >= result.goal:
        result.state = State.ACHIEVED
    elif is_past(target, records):
        result.state = State.MISSED
    elif expected is not None and result.current < expected:
        result.state = State.OFF_TRACK
    else:
        result.state = State.ON_TRACK
    return result


def held_at_issue(target: Target, records: Records, statuses: list[str]) -> list[Unit]:
    """The units of the scope that held the status when the plan was issued: "keep and raise" them."""
    issued = target.plan.issue_date or datetime.date(start_year(target), 1, 1)
    units = population(target, records, target.unit_kind or STATUS_KIND.get(target.status))
    return [unit for unit in units if held_since(records.recognitions[unit.pk], statuses, issued)]


def evaluate_keep(target: Target, records: Records) -> TargetResult:
    """Named units still hold the status; without named units, those holding it when the plan was issued."""
    result = new_result(target, records)
    statuses, on = statuses_at_or_above(target.status), as_of(target, records.today)
    named = list(target.units.all())
    units = named or held_at_issue(target, records, statuses)
    if not units:
        return result
    kept = 0
    for unit in units:
        recognitions = records.recognitions[unit.pk]
        since = held_since(recognitions, statuses, on)
        kept += since is not None
        if not since:
            result.details.append((unit.name, missing_note(recognitions, statuses, target, records.today)))
        elif named:  # a whole population would make a long list: only its losses are shown
            result.details.append((unit.name, _("since %(year)s ✓") % {"year": since.year}))
    result.current, result.goal = Decimal(kept), Decimal(len(units))
    result.progress = fraction(kept, len(units))
    if kept == len(units):
        result.state = State.ACHIEVED
    else:
        result.state = State.MISSED if is_past(target, records) else State.OFF_TRACK
    return result


def evaluate_share(target: Target, records: Records) -> TargetResult:
    """Units of a kind in the scope holding the status on the as-of day, as a count or a percentage."""
    result = new_result(target, records)
    units = population(target, records, target.unit_kind or STATUS_KIND.get(target.status))
    if not units:
        return result
    statuses, on = statuses_at_or_above(target.status), as_of(target, records.today)
    count = sum(held_since(records.recognitions[unit.pk], statuses, on) is not None for unit in units)
    if target.measure == Target.Measure.PERCENT:
        result.current = rounded(Decimal(100 * count) / len(units), 2)
    else:
        result.current = Decimal(count)
    result.details = [(_("Counted units"), str(len(units))), (_("At the status"), str(count))]
    if target.baseline_value is not None and target.baseline_year:
        origin = (target.baseline_year, target.baseline_value)
    else:
        origin = (start_year(target), Decimal(0))
    # The count is recorded data only through decisions taken after the origin year: before the first one,
    # a count of units formed since (the 2025 communes) is no trend to draw a line through.
    year = result.as_of_year if decided_after(units, statuses, records, origin[0], on) else origin[0]
    return judge(result, origin, year=year, places=2, passed=is_past(target, records))


def decided_after(units: list[Unit], statuses: list[str], records: Records, year: int, on: datetime.date) -> bool:
    """Whether a recognition of `units` at one of `statuses` was decided or revoked after `year`, by `on`."""
    after = datetime.date(year, 12, 31)
    return any(
        after < recognition.decision_date <= on or (recognition.revoked_on and after < recognition.revoked_on <= on)
        for unit in units
        for recognition in records.recognitions[unit.pk]
        if recognition.status in statuses
    )


def criteria_by_year(target: Target, records: Records) -> dict[int, dict[Unit, int]]:
    """Approved criteria counts of the communes in scope, per year up to the as-of year."""
    by_year: dict[int, dict[Unit, int]] = defaultdict(dict)
    last = as_of(target, records.today).year
    for commune in population(target, records, Kind.COMMUNE):
        for year, met in records.criteria[commune.pk].items():
            if year <= last:
                by_year[year][commune] = met
    return dict(sorted(by_year.items()))


def evaluate_average_criteria(target: Target, records: Records) -> TargetResult:
    """Mean criteria met per commune in the latest year with approved assessments."""
    result = new_result(target, records)
    by_year = criteria_by_year(target, records)
    if not by_year:
        return result
    averages = {year: rounded(Decimal(sum(met.values())) / len(met), 2) for year, met in by_year.items()}
    for year, average in averages.items():
        count = len(by_year[year])
        line = ngettext("%(average)s (%(count)s commune)", "%(average)s (%(count)s communes)", count)
        result.details.append((str(year), line % {"average": fmt(average), "count": count}))
    latest = max(averages)
    result.current = averages[latest]
    if target.baseline_value is not None and target.baseline_year:
        origin = (target.baseline_year, target.baseline_value)
    else:
        first = min(averages)
        origin = (first, averages[first]) if first < latest else None
    return judge(result, origin, year=latest, places=2, passed=is_past(target, records))


def evaluate_minimum_criteria(target: Target, records: Records) -> TargetResult:
    """No commune below target_value criteria in the latest year with approved assessments."""
    result = new_result(target, records)
    by_year = criteria_by_year(target, records)
    if not by_year or target.target_value is None:
        return result
    latest, met = max(by_year), by_year[max(by_year)]
    result.current = Decimal(min(met.values()))
    below = sorted((unit for unit in met if met[unit] < target.target_value), key=lambda unit: met[unit])
    line = ngettext("%(count)s commune assessed", "%(count)s communes assessed", len(met))
    result.details = [(str(latest), line % {"count": len(met)})]
    totals = records.criteria_totals
    result.details += [(unit.name, f"{met[unit]}/{totals[unit.pk, latest]}") for unit in below]
    result.progress = fraction(len(met) - len(below), len(met))
    if not below:
        result.state = State.ACHIEVED
    else:
        result.state = State.MISSED if is_past(target, records) else State.OFF_TRACK
    return result


def evaluate_criteria_gain(target: Target, records: Records) -> TargetResult:
    """Each commune's latest yearly gain (two consecutive approved years) within [target, upper end].

    A commune that already meets every criterion cannot gain any more and is not held against the target.
    """
    result = new_result(target, records)
    by_year = criteria_by_year(target, records)
    gains: dict[Unit, tuple[int, int, int]] = {}  # commune → (year, gain, criteria met that year)
    for year, met in by_year.items():
        for unit, value in met.items():
            if unit in by_year.get(year - 1, {}):
                gains[unit] = (year, value - by_year[year - 1][unit], value)
    if not gains or target.target_value is None:
        return result
    low, high = target.target_value, target.target_value_max
    outside = [
        unit
        for unit, (year, gain, value) in gains.items()
        # A commune that meets every criterion of its set has nothing left to gain in a year.
        if not meets_all(value, records.criteria_totals[unit.pk, year])
        and (gain < low or (high is not None and gain > high))
    ]
    result.current = rounded(Decimal(sum(gain for _year, gain, _value in gains.values())) / len(gains), 2)
    result.details = [(unit.name, f"{gains[unit][1]:+d} ({gains[unit][0]})") for unit in outside]
    result.progress = fraction(len(gains) - len(outside), len(gains))
    if outside:
        result.state = State.MISSED if is_past(target, records) else State.OFF_TRACK
    else:
        result.state = State.ACHIEVED if is_past(target, records) else State.ON_TRACK
    return result


def evaluate_ocop(target: Target, records: Records) -> TargetResult:
    """Products rated in each calendar year with at least `ocop_stars` stars (≥, not ==) at `ocop_level`.

    "At least 2-3 products rated 3★ each year": a 4★ product is more than the plan asked. A product
    rated twice in a year counts once. The breakdown, when given, sets the goal of its year. Before the
    deadline, every finished year met → on track; after it → achieved.
    """
    result = new_result(target, records)
    communes = {unit.pk for unit in population(target, records, Kind.COMMUNE)}
    products: dict[int, set[int]] = defaultdict(set)
    for product_id, commune_id, stars, level, decided in records.ocop:
        if commune_id not in communes or (target.ocop_stars and stars < target.ocop_stars):
            continue
        if not target.ocop_level or level == target.ocop_level:
            products[decided.year].add(product_id)
    goals = {row.year: row.value for row in target.years.all()}
    short_years = []
    for year in range(start_year(target), result.as_of_year + 1):
        count, goal = len(products[year]), goals.get(year, target.target_value)
        met = goal is not None and count >= goal
        line = ngettext("%(count)s product", "%(count)s products", count) % {"count": count}
        result.details.append((str(year), f"{line} ✓" if met else line))
        if not met and records.has_passed(datetime.date(year, 12, 31)):
            short_years.append(year)
    result.goal = goals.get(result.as_of_year, target.target_value)
    if result.goal is None:
        return result
    result.current = Decimal(len(products[result.as_of_year]))
    result.progress = fraction(result.current, result.goal)
    past = is_past(target, records)
    if short_years or (not past and result.current < due_so_far(result.goal, records)):
        result.state = State.MISSED if past else State.OFF_TRACK
    else:
        result.state = State.ACHIEVED if past else State.ON_TRACK
    return result


def due_so_far(goal: Decimal, records: Records) -> int:
    """The whole products a yearly goal calls for by the evaluation day: 0 of 5 in December is off track."""
    day = records.today
    elapsed = (day - datetime.date(day.year, 1, 1)).days + (1 if records.closed else 0)
    length = (datetime.date(day.year, 12, 31) - datetime.date(day.year, 1, 1)).days + 1
    return int(goal * elapsed / length)


def measurement_series(target: Target, records: Records) -> tuple[dict[int, Decimal], str]:
    """The scope unit's yearly values of the target's indicator up to the as-of year, and their unit."""
    scope = scope_of(target)
    if scope is None:
        return {}, ""
    key, last = (scope.pk, target.indicator), as_of(target, records.today).year
    values = {year: value for year, value in sorted(records.measurements.get(key, {}).items()) if year <= last}
    return values, target.unit_of_measure or records.measure_units.get(key, "")


def evaluate_ratio(target: Target, records: Records) -> TargetResult:
    """Latest value over the baseline year's value (measured, or the baseline stated in the plan)."""
    result = new_result(target, records)
    values, unit_of_measure = measurement_series(target, records)
    base = values.get(target.baseline_year, target.baseline_value)
    if not values or not base or target.baseline_year is None:
        return result
    latest = max(values)
    for year, value in values.items():
        result.details.append((str(year), f"{fmt(value)} {unit_of_measure} (×{fmt(rounded(value / base, 3))})"))
    result.current, result.baseline = rounded(values[latest] / base, 3), Decimal("1.000")
    origin = (target.baseline_year, Decimal(1))
    return judge(result, origin, year=latest, places=3, passed=is_past(target, records))


def evaluate_indicator(target: Target, records: Records) -> TargetResult:
    """Latest value of a free indicator against target_value; the trend runs from the baseline (or first value)."""
    result = new_result(target, records)
    values, unit_of_measure = measurement_series(target, records)
    if not values:
        return result
    result.details = [(str(year), f"{fmt(value)} {unit_of_measure}".strip()) for year, value in values.items()]
    latest, first = max(values), min(values)
    result.current = values[latest]
    if target.baseline_value is not None and target.baseline_year:
        origin = (target.baseline_year, target.baseline_value)
    else:
        origin = (first, values[first]) if first < latest else None
    return judge(result, origin, year=latest, places=3, passed=is_past(target, records))


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
