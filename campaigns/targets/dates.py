"""The day a plan's facts are judged on, for pages (today) and reports (the end of their period) alike.

A page judges on today, which is not over yet: a deadline falling today has not passed. A report
judges at the end of its period, once that period is over: a deadline on its last day has passed.
Both print the day through `as_of_text`, so a reader comparing them sees why they may differ.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class AsOf:
    day: datetime.date
    closed: bool = False  # the day is over: the end of a report's past period

    @classmethod
    def today(cls) -> "AsOf":
        return cls(datetime.date.today())

    @classmethod
    def end_of(cls, last_day: datetime.date, today: datetime.date | None = None) -> "AsOf":
        """The end of a period, or today while the period runs."""
        today = today or datetime.date.today()
        return cls(last_day, closed=True) if last_day < today else cls(today)

    def has_passed(self, deadline: datetime.date) -> bool:
        return deadline < self.day or (self.closed and deadline <= self.day)


def as_of_text(as_of: AsOf) -> str:
    """ "Assessed on 06/12/2026." or "Assessed at the end of the period, 31/12/2025." """
    if as_of.closed:
        return _("Assessed at the end of the period, %(date)s.") % {"date": f"{as_of.day:%d/%m/%Y}"}
    return _("Assessed on %(date)s.") % {"date": f"{as_of.day:%d/%m/%Y}"}
