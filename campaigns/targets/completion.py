"""Whether a province meets its programmes' completion conditions (QĐ 51/2025/QĐ-TTg Phụ lục III), with the figures.

One function, evaluate_completion(), answers for every page: the dashboard, reports, tests. It reads the
recognitions of the province's communes once for all the conditions, so its cost does not grow with the
number of communes or conditions.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import prefetch_related_objects
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from campaigns.models import Campaign, CompletionCondition, Recognition
from campaigns.models.progress import statuses_at_or_above
from units.models import Kind, Unit


@dataclass
class ConditionResult:
    condition: CompletionCondition
    reached: int  # communes counted that hold the level (or a higher one) on the day
    total: int  # communes counted
    met: bool

    @property
    def share(self) -> Decimal | None:
        if not self.total:
            return None
        return (Decimal(self.reached * 100) / self.total).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def figures(self) -> str:
        """E.g. "45/56 xã (80,4%), yêu cầu ≥ 80%" or "6 xã, yêu cầu ≥ 5"."""
        threshold = plain(self.condition.threshold)
        if self.condition.kind == CompletionCondition.Kind.COUNT:
            return _("%(reached)s communes, required ≥ %(threshold)s") % {
                "reached": self.reached,
                "threshold": threshold,
            }
        if not self.total:
            return _("no commune counted, required ≥ %(threshold)s%%") % {"threshold": threshold}
        return _("%(reached)s/%(total)s communes (%(share)s%%), required ≥ %(threshold)s%%") % {
            "reached": self.reached,
            "total": self.total,
            "share": number_format(self.share, decimal_pos=1),
            "threshold": threshold,
        }


def plain(value: Decimal) -> str:
    """80.00 → "80", 12.50 → "12,5" in Vietnamese."""
    return number_format(value.to_integral() if value == value.to_integral() else value.normalize())


def counted(condition: CompletionCondition, commune: Unit) -> bool:
    return not condition.division_types or commune.division_type in condition.division_types


def evaluate_completion(
    conditions: list[CompletionCondition], *, province: Unit, on: datetime.date, communes: list[Unit] | None = None
) -> list[ConditionResult]:
    """Each condition judged on the communes of `province` that exist on `on` and the recognitions in force then.

    `communes`: every commune below the province (dashboards.communes_of), when the caller has them already.
    """
    if not conditions:
        return []
    if communes is None:
        communes = list(Unit.objects.within(province).of_kind(Kind.COMMUNE).valid_on(on))
    communes = [commune for commune in communes if commune.kind == Kind.COMMUNE and commune.is_valid_on(on)]
    statuses = {status for condition in conditions for status in statuses_at_or_above(condition.level)}
    held: dict[int, list[tuple[str, datetime.date]]] = {}
    rows = Recognition.objects.in_force(on).filter(unit_id__in=[c.pk for c in communes], status__in=statuses)
    for unit_id, status, decided in rows.values_list("unit_id", "status", "decision_date"):
        held.setdefault(unit_id, []).append((status, decided))

    results = []
    for condition in conditions:
        levels = set(statuses_at_or_above(condition.level))
        population = [commune for commune in communes if counted(condition, commune)]
        reached = sum(
            any(
                status in levels and (condition.decided_from is None or decided >= condition.decided_from)
                for status, decided in held.get(commune.pk, ())
            )
            for commune in population
        )
        if condition.kind == CompletionCondition.Kind.COUNT:
            met = reached >= condition.threshold
        else:
            # Compared exactly, not on the rounded share: 79.96% does not meet 80%.
            met = bool(population) and reached * 100 >= condition.threshold * len(population)
        results.append(ConditionResult(condition, reached, len(population), met))
    return results


@dataclass
class ProgrammeCompletion:
    campaign: Campaign
    results: list[ConditionResult]
    on: datetime.date

    @property
    def all_met(self) -> bool:
        return bool(self.results) and all(result.met for result in self.results)


def province_completion(
    province: Unit,
    *,
    year: int,
    communes: list[Unit] | None = None,
    today: datetime.date | None = None,
    programmes: list[Campaign] | None = None,
) -> list[ProgrammeCompletion]:
    """The completion conditions of every programme covering `year`, judged for `province`: three queries at most,
    two when the page passes every Campaign it has read (`programmes`).

    Judged today, or on the last day of `year` or of the province if that came first.
    """
    on = min(today or datetime.date.today(), datetime.date(year, 12, 31), province.valid_to or datetime.date.max)
    if programmes is None:
        campaigns = list(Campaign.objects.covering(year).prefetch_related("completion_conditions"))
    else:
        campaigns = [each for each in programmes if each.start_year <= year <= each.end_year]
        prefetch_related_objects(campaigns, "completion_conditions")
    conditions = [condition for campaign in campaigns for condition in campaign.completion_conditions.all()]
    results = {
        result.condition.pk: result
        for result in evaluate_completion(conditions, province=province, on=on, communes=communes)
    }
    return [
        ProgrammeCompletion(campaign, [results[condition.pk] for condition in campaign.completion_conditions.all()], on)
        for campaign in campaigns
    ]
