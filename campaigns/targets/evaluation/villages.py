"""Targets on the villages of each commune: "mỗi xã có ít nhất 01 thôn đạt chuẩn nông thôn mới"."""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from campaigns.models import RecognitionStatus, Target, VillageYear
from campaigns.models.progress import statuses_at_or_above
from campaigns.targets.evaluation.base import (
    Records,
    TargetResult,
    as_of,
    held_since,
    is_past,
    judge,
    new_result,
    population,
    start_year,
)
from units.models import Kind, Unit

# The yearly village picture (VillageYear) in the words of the recognition ladder it sits on.
YEARLY_STATUS = {
    VillageYear.Status.NTM: RecognitionStatus.VILLAGE_NTM,
    VillageYear.Status.MODEL: RecognitionStatus.VILLAGE_MODEL,
}


def village_at_status(village: Unit, statuses: list[str], records: Records, on: datetime.date) -> bool:
    """A decision held on `on`, or the village's latest yearly status up to that year at the status or above."""
    if held_since(records.recognitions[village.pk], statuses, on) is not None:
        return True
    years = [year for year in records.village_years.get(village.pk, {}) if year <= on.year]
    return bool(years) and YEARLY_STATUS.get(records.village_years[village.pk][max(years)]) in statuses


def villages_by_commune(target: Target, records: Records, communes: list[Unit]) -> dict[int, list[Unit]]:
    """The villages of each commune that existed during the plan's period."""
    first_day, last_day = datetime.date(start_year(target), 1, 1), datetime.date(target.deadline_year, 12, 31)
    villages: dict[int, list[Unit]] = {commune.pk: [] for commune in communes}
    for unit in records.units.values():
        if unit.kind == Kind.VILLAGE and unit.parent_id in villages and unit.is_valid_between(first_day, last_day):
            villages[unit.parent_id].append(unit)
    return villages


def evaluate_villages_each(target: Target, records: Records) -> TargetResult:
    """How many communes of the set (the named ones, else every commune in scope) have `target_value` villages
    (at least one when blank) at the status; the goal is every commune of the set."""
    result = new_result(target, records)
    communes = target.ordered_units() or population(target, records, Kind.COMMUNE)
    if not communes:
        return result
    needed = int(target.target_value) if target.target_value is not None else 1
    statuses, on = statuses_at_or_above(target.status), as_of(target, records.today)
    villages = villages_by_commune(target, records, communes)
    meeting = 0
    for commune in communes:
        count = sum(village_at_status(village, statuses, records, on) for village in villages[commune.pk])
        meeting += count >= needed
        if count < needed:
            line = _("%(count)s of %(needed)s villages") % {"count": count, "needed": needed}
            result.details.append((commune.name, line))
    result.current, result.goal = Decimal(meeting), Decimal(len(communes))
    if target.baseline_value is not None and target.baseline_year:
        origin = (target.baseline_year, target.baseline_value)
    else:
        origin = None
    result = judge(result, origin, year=result.as_of_year, places=0, passed=is_past(target, records))
    if meeting < len(communes):
        result.details.insert(0, (_("Communes short"), str(len(communes) - meeting)))
    return result
