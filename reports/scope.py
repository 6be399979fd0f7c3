"""What a movement report covers: its period, its campaign, and the units whose records it counts.

A unit formed in the 2025 reform (a 2025 province or commune) has no records of its own before
07/2025: its report counts the records of the units it was formed from, followed through Lineage,
and says so. Rows that list communes can be grouped by the old units or by the new ones.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.translation import gettext as _

from campaigns.models import Campaign
from reports.models import Report
from units.hierarchy import (
    BY_NEW_UNITS,
    BY_OLD_UNITS,
    ISSUERS,
    default_successors,
    is_new_unit,
    is_old_unit,
    predecessors,
)
from units.models import REFORM_DATE, Kind, Unit

# Units that issue a movement report: a People's Committee at some level, or an agency.
REPORTING_KINDS = ISSUERS
# The two readings of the reform are the units module's: the dashboards switch between the same two.
GROUP_BY_OLD = BY_OLD_UNITS
GROUP_BY_NEW = BY_NEW_UNITS


@dataclass(frozen=True)
class Period:
    kind: str
    first_year: int
    last_year: int

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def first_day(self) -> datetime.date:
        return datetime.date(self.first_year, 1, 1)

    @property
    def last_day(self) -> datetime.date:
        return datetime.date(self.last_year, 12, 31)

    def as_of(self, today: datetime.date | None = None) -> datetime.date:
        """Targets are judged at the end of the period, or today while it runs."""
        return min(self.last_day, today or datetime.date.today())

    @property
    def label(self) -> str:
        if self.first_year == self.last_year:
            return str(self.first_year)
        return f"{self.first_year} - {self.last_year}"


REVIEW_KINDS = (Report.Kind.MIDTERM, Report.Kind.FINAL)


def review_year(kind: str, campaign: Campaign) -> int:
    """The year of the programme's sơ kết or tổng kết, as its campaign row says."""
    return campaign.midterm_year if kind == Report.Kind.MIDTERM else campaign.final_year


def reviewed_campaign(kind: str, year: int | None, today: datetime.date | None = None) -> Campaign | None:
    """The programme a sơ kết or tổng kết reviews: the one running in `year` when given, otherwise the latest
    whose review year has come (in 2026, the 2021-2025 movement's)."""
    campaigns = Campaign.objects.order_by("-start_year", "pk")
    if year:
        return campaigns.covering(year).first()
    this_year = (today or datetime.date.today()).year
    field = "midterm_year__lte" if kind == Report.Kind.MIDTERM else "final_year__lte"
    return campaigns.filter(**{field: this_year}).first() or campaigns.first()


def report_year(kind: str, year: int | None, campaign: Campaign | None = None) -> int | None:
    """The year a report is filed under: a sơ kết or tổng kết takes its programme's review year (of `campaign`
    when the user chose the programme, else of the programme reviewed in `year`)."""
    if kind not in REVIEW_KINDS:
        return year
    campaign = campaign or reviewed_campaign(kind, year)
    return (review_year(kind, campaign) if campaign else None) or year


def period_of(kind: str, year: int, campaign: Campaign | None) -> Period:
    """One year for an annual report; from the programme's first year to its review year for a review."""
    if kind in REVIEW_KINDS and campaign is not None:
        return Period(kind, campaign.start_year, review_year(kind, campaign))
    return Period(kind, year, year)


def campaign_for(unit: Unit, year: int) -> Campaign | None:
    """The campaign running in `year`, preferring one the unit (or a unit it was formed from) has a plan in."""
    running = Campaign.objects.covering(year).order_by("-start_year", "pk")
    roots = [unit, *predecessors(unit)]
    return running.filter(plans__issuing_unit__in=roots).first() or running.first()


@dataclass
class Scope:
    """The report's unit, the units it was formed from, and every unit below them."""

    unit: Unit
    period: Period
    grouping: str = GROUP_BY_OLD
    predecessors: list[Unit] = field(default_factory=list)

    @classmethod
    def of(cls, unit: Unit, period: Period, grouping: str = GROUP_BY_OLD) -> "Scope":
        return cls(unit, period, grouping, list(predecessors(unit)))

    @property
    def roots(self) -> list[Unit]:
        return [self.unit, *self.predecessors]

    @property
    def units(self):
        """A queryset of every unit counted, for `unit__in=` filters (one subquery, no extra round trip)."""
        return Unit.objects.within(*self.roots)

    @cached_property
    def communes(self) -> list[Unit]:
        """The communes counted, in a stable order: by their parent, then by name."""
        communes = self.units.of_kind(Kind.COMMUNE).valid_between(self.period.first_day, self.period.last_day)
        communes = communes.select_related("parent")
        return sorted(communes, key=lambda unit: (unit.parent.name if unit.parent else "", unit.name, unit.pk))

    @cached_property
    def successors(self) -> dict[int, Unit]:
        """Default successor of each counted commune that was reorganised (for grouping by new units)."""
        return default_successors(self.communes)

    @property
    def formed_from_note(self) -> str:
        """ "Including the units it was formed from: …" for a unit created by the 2025 reform."""
        if not self.predecessors:
            return ""
        names = ", ".join(unit.name for unit in sorted(self.predecessors, key=lambda unit: unit.name))
        return _("Including the units it was formed from on %(date)s: %(names)s.") % {
            "date": f"{REFORM_DATE:%d/%m/%Y}",
            "names": names,
        }

    def group_of(self, commune: Unit) -> tuple[str, str]:
        """(key, heading) of the group a commune's row goes under."""
        if self.grouping == GROUP_BY_NEW:
            new = self.successors.get(commune.pk) or (commune if commune.valid_to is None else None)
            if new is None:
                return "~none", _("No successor recorded")
            heading = new.name
            if new.valid_from:
                heading = _("%(name)s (from %(date)s)") % {"name": new.name, "date": f"{new.valid_from:%d/%m/%Y}"}
            return f"new-{new.name}-{new.pk}", heading
        parent = commune.parent
        if parent is None or parent.pk == self.unit.pk:
            return f"old-{self.unit.path}", self.unit.name
        return f"old-{parent.path}", parent.name

    @cached_property
    def mixes_old_and_new(self) -> bool:
        return any(not is_old_unit(c) for c in self.communes) and any(not is_new_unit(c) for c in self.communes)

    def label(self, commune: Unit) -> str:
        """A commune's name in a row; a 2025 unit says so when old and new communes share the table."""
        if commune.valid_from and self.mixes_old_and_new:
            return _("%(name)s (from %(date)s)") % {"name": commune.name, "date": f"{commune.valid_from:%d/%m/%Y}"}
        return commune.name

    def needs_group_rows(self) -> bool:
        """Group headings help only when the rows fall into more than one group."""
        return len({self.group_of(commune)[0] for commune in self.communes}) > 1
