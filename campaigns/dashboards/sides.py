"""Which communes a dashboard counts across the 1 July 2025 reform: by old units or by new units, never both.

The rule itself (which units are old, which new, the side a year is read on by default) is units.hierarchy's; the
movement reports group their rows by the same two words.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import gettext as _

from campaigns.dashboards.facts import APPROVED, in_year, spread_of
from units.hierarchy import BY_NEW_UNITS, BY_OLD_UNITS, UNIT_SIDES, default_side, known_predecessors, on_side
from units.models import Unit


@dataclass
class Reading:
    """Which communes a dashboard counts. A unit formed in the reform (the new Cao Bằng) reads either the old
    units it was formed from and their subtrees, or the new units: never both in one count (units.hierarchy).
    A unit formed from nothing reads its own subtree and has no switch."""

    unit: Unit
    earlier: list[Unit]
    chosen: str | None  # ?units=old|new; None: each year on its default side

    @classmethod
    def of(cls, request: HttpRequest, unit: Unit) -> "Reading":
        # A unit with no start date has existed since before the records: formed from nothing, no query; the
        # units the user's own district or province was formed from were read with their memberships.
        earlier = known_predecessors(unit, request.user) if unit.valid_from else []
        chosen = request.GET.get("units")
        return cls(unit, earlier, chosen if earlier and chosen in UNIT_SIDES else None)

    @property
    def has_switch(self) -> bool:
        return bool(self.earlier)

    def side(self, year: int) -> str | None:
        """The side `year` is read on: the chosen one, else old units before 2025 and new units after."""
        return (self.chosen or default_side(year)) if self.has_switch else None

    def communes(self, communes: list[Unit], year: int) -> list[Unit]:
        """The communes of `year` counted on the side the year is read on."""
        side = self.side(year)
        return on_side(in_year(communes, year), side) if side else in_year(communes, year)

    def switch(self, year: int | None) -> list[tuple[str, str, bool]]:
        """(value, label, active) of the two buttons; for several years (year None) only a chosen side is active."""
        labels = {BY_OLD_UNITS: _("By old units"), BY_NEW_UNITS: _("By new units")}
        active = self.side(year) if year else self.chosen
        return [(side, labels[side], side == active) for side in UNIT_SIDES] if self.has_switch else []


def spread_by_side(reading: Reading, communes: list[Unit], years: list[int]):
    """yearly_spread with each year counted on its own side, never old and new together: one query (spread_of),
    in which each side's years are counted over that side's communes only."""
    sides: dict[str | None, list[int]] = {}
    for year in years:
        sides.setdefault(reading.side(year), []).append(year)
    parts = [(on_side(communes, side) if side else communes, side_years) for side, side_years in sides.items()]
    return dict(spread_of(parts, statuses=APPROVED))
