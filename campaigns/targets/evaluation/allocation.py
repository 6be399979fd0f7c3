"""Targets shared out among the units one level below (giao chỉ tiêu), judged on the same records as the parent.

Each share is the parent target counted within the unit it was given to, as a count whose goal is the share:
"3 of the 7 communes" given to a district is judged on that district's communes, with the recognitions loaded once
for the parent. The parent's roll-up is the sum of its shares' values plus what falls outside every share, so the
two always add up to the parent's own count.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from campaigns.models import Allocation, Target, TargetYear
from campaigns.models.progress import STATUS_KIND, statuses_at_or_above
from campaigns.targets.evaluation.base import Records, TargetResult, as_of, held_since, population
from units.models import Unit


@dataclass
class Share:
    allocation: Allocation
    result: TargetResult  # the share judged as a count target within its unit
    population: int  # units of the counted kind within the unit: the most it can be given


@dataclass
class AllocationSummary:
    target: Target
    goal: int | None  # the units the target asks for (a percentage turned into whole units)
    population: int  # units the target counts over
    count: int  # of them at the status now: the parent's own value, as a count
    shares: list[Share] = field(default_factory=list)

    @property
    def allocated(self) -> int:
        return sum(share.allocation.value for share in self.shares)

    @property
    def rolled_up(self) -> int:
        """The sum of the shares' live values."""
        return sum(int(share.result.current or 0) for share in self.shares)

    @property
    def outside(self) -> int:
        """Units at the status that no share covers."""
        return self.count - self.rolled_up

    @property
    def balance(self) -> str:
        """ "over", "under" or "even": the shares against the goal."""
        if self.goal is None or self.allocated == self.goal:
            return "even"
        return "over" if self.allocated > self.goal else "under"

    @property
    def difference(self) -> int:
        return abs(self.allocated - (self.goal or 0))


def counted_kind(target: Target) -> str | None:
    return target.unit_kind or STATUS_KIND.get(target.status)


def units_at_status(target: Target, records: Records) -> tuple[list[Unit], int]:
    """The units the target counts over, and how many of them hold its status on the as-of day."""
    units = population(target, records, counted_kind(target))
    statuses, on = statuses_at_or_above(target.status), as_of(target, records.today)
    return units, sum(held_since(records.recognitions[unit.pk], statuses, on) is not None for unit in units)


def goal_in_units(target: Target, population_size: int) -> int | None:
    """ "45% of the communes" of 13 communes is 6 communes (rounded up: 5 would fall short of 45%)."""
    if target.target_value is None:
        return None
    if target.measure == Target.Measure.PERCENT:
        return math.ceil(target.target_value * population_size / 100)
    return int(target.target_value)


def share_target(target: Target, allocation: Allocation) -> Target:
    """The parent target as the unit's own count: same status, kind and filters, the share as its goal.

    Unsaved: it borrows the parent's pk so its (empty) named units and breakdown read from the cache, not the
    database."""
    share = Target(
        pk=target.pk,
        plan=target.plan,
        type=target.type,
        status=target.status,
        unit_kind=target.unit_kind,
        division_type=target.division_type,
        measure=Target.Measure.COUNT,
        only_mountainous=target.only_mountainous,
        only_ethnic_minority=target.only_ethnic_minority,
        only_especially_difficult=target.only_especially_difficult,
        only_border=target.only_border,
        target_value=Decimal(allocation.value),
        deadline_year=target.deadline_year,
        scope_unit=allocation.unit,
    )
    share._prefetched_objects_cache = {"units": Unit.objects.none(), "years": TargetYear.objects.none()}
    return share


def summarise(target: Target, records: Records, evaluate) -> AllocationSummary:
    """Allocated against the goal, and each share's live value and state, from `records` (no query)."""
    units, count = units_at_status(target, records)
    summary = AllocationSummary(
        target=target, goal=goal_in_units(target, len(units)), population=len(units), count=count
    )
    for allocation in target.allocations.all():
        share = share_target(target, allocation)
        size = len(population(share, records, counted_kind(target)))
        summary.shares.append(Share(allocation=allocation, result=evaluate(share, records), population=size))
    return summary


def share_sizes(target: Target, records: Records) -> dict[int, int]:
    """How many units of the counted kind each unit in the target's scope holds, itself included."""
    sizes: dict[int, int] = {}
    for unit in population(target, records, counted_kind(target)):
        for part in unit.path.strip("/").split("/"):
            sizes[int(part)] = sizes.get(int(part), 0) + 1
    return sizes
