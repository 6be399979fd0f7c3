"""What a statistics line may count by: per subject, the records counted and the dimensions of each record.

A form's rows and columns are data (reports.models.StatisticsLine); their filters name the dimensions below
and the values a record must have, e.g. {"nominee": ["household"]}. A new form that splits by the same
dimensions needs no code; a new dimension is one function here.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet

from awards.models import Award
from campaigns.models import Plan
from units.hierarchy import TERRITORIES
from units.models import Kind, Unit


@dataclass(frozen=True)
class Subject:
    fields: tuple[str, ...]
    records: Callable[[QuerySet[Unit], datetime.date, datetime.date], QuerySet]
    dimensions: dict[str, Callable[[dict], str]]

    def rows(self, units: QuerySet[Unit], first: datetime.date, last: datetime.date) -> list[dict]:
        """Each record as its dimensions: one query, whatever the number of lines counted."""
        records = self.records(units, first, last).values(*self.fields)
        return [{name: value(record) for name, value in self.dimensions.items()} for record in records]


def movements(units: QuerySet[Unit], first: datetime.date, last: datetime.date) -> QuerySet:
    """The plans launching a movement that the units issued in the period (a kế hoạch phát động is its launch)."""
    return Plan.objects.issued().filter(issuing_unit__in=units, is_summary=False, issue_date__range=(first, last))


def launcher(record: dict) -> str:
    """0601's columns: the central council (no unit of ours), a province or ministry, any other body."""
    kind, parent = record["issuing_unit__kind"], record["issuing_unit__parent"]
    return "province" if kind == Kind.PROVINCE or (kind == Kind.AGENCY and parent is None) else "unit"


def duration(record: dict) -> str:
    """How long the movement runs, in whole years of its programme (the app holds no shorter movements)."""
    years = record["campaign__end_year"] - record["campaign__start_year"] + 1
    if years < 2:
        return "1"
    return "1_3" if years < 3 else "3_5" if years < 5 else "5_plus"


def awards(units: QuerySet[Unit], first: datetime.date, last: datetime.date) -> QuerySet:
    """The awards that decisions dated in the period granted to the units' collectives and people."""
    return Award.objects.filter(nominee__unit__in=units, decision__date__range=(first, last))


SUBJECTS: dict[str, Subject] = {
    "movements": Subject(
        fields=("issuing_unit__kind", "issuing_unit__parent", "campaign__start_year", "campaign__end_year"),
        records=movements,
        dimensions={
            "launcher": launcher,
            "scope": lambda r: "local" if r["issuing_unit__kind"] in TERRITORIES else "unit",
            "duration": duration,
            # Every movement the app runs is a programme's campaign: thematic (chuyên đề), not the yearly one.
            "method": lambda r: "thematic",
        },
    ),
    "awards": Subject(
        fields=("award_form__authority_level", "award_form__category", "nominee__kind", "type"),
        records=awards,
        dimensions={
            "level": lambda r: r["award_form__authority_level"],
            "category": lambda r: r["award_form__category"],
            "nominee": lambda r: r["nominee__kind"],
            "method": lambda r: r["type"],
        },
    ),
}


def matches(record: dict, filters: dict) -> bool:
    return all(record.get(name) in values for name, values in filters.items())
