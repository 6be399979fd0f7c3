"""One evaluator per target type: each computes a TargetResult from the Records loaded for the page."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campaigns.models import Recognition, Target
from campaigns.models.progress import STATUS_KIND, meets_all, statuses_at_or_above
from campaigns.targets.evaluation.base import (
    Records,
    State,
    TargetResult,
    as_of,
    expected_by,
    fmt,
    fraction,
    held_since,
    is_past,
    judge,
    new_result,
    population,
    rounded,
    scope_of,
    start_year,
)
from units.models import Kind, Unit


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
    units = target.ordered_units()
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
    named = target.ordered_units()
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
