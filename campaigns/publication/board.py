"""What the public board shows, read from the published copies only (campaigns.models.publication).

Each function runs a fixed number of queries whatever the number of provinces or communes.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q

from campaigns.models import Campaign, PublishedStatus, PublishedYear
from units.hierarchy import BY_NEW_UNITS, BY_OLD_UNITS, default_side
from units.models import Kind, Unit

SIDE_FILTER = {BY_OLD_UNITS: Q(is_old=True), BY_NEW_UNITS: Q(is_new=True)}


@dataclass(frozen=True, order=True)
class Period:
    first: int
    last: int

    def __str__(self):
        return f"{self.first}-{self.last}"

    def __contains__(self, year: int) -> bool:
        return self.first <= year <= self.last


def periods(today: datetime.date) -> tuple[Period | None, Period | None]:
    """The programme period in force and the one before it, from the programmes' own years."""
    spans = sorted({Period(*span) for span in Campaign.objects.order_by().values_list("start_year", "end_year")})
    current = next((span for span in reversed(spans) if span.first <= today.year), None)
    earlier = next((span for span in reversed(spans) if current and span.last < current.first), None)
    return current, earlier


@dataclass
class ProvinceFigures:
    province: Unit
    year: int | None = None
    side: str | None = None
    communes: int = 0
    at_standard: int = 0

    @property
    def share(self) -> float | None:
        return self.at_standard / self.communes if self.communes else None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)


def current_provinces(today: datetime.date) -> list[Unit]:
    return list(Unit.objects.of_kind(Kind.PROVINCE).valid_on(today).order_by("code", "name"))


def national(period: Period, side: str | None, today: datetime.date) -> list[ProvinceFigures]:
    """Each province of today with its latest published year of `period`, counted by old or new units
    (`side`, or each year's default side)."""
    provinces = current_provinces(today)
    figures = {province.pk: ProvinceFigures(province) for province in provinces}
    counted = {}
    for which in (BY_OLD_UNITS, BY_NEW_UNITS):
        counted[which] = Count("pk", filter=SIDE_FILTER[which])
        counted[f"{which}_standard"] = Count("pk", filter=SIDE_FILTER[which] & ~Q(level=""))
    rows = (
        PublishedStatus.objects.filter(
            published_year__is_published=True,
            published_year__year__gte=period.first,
            published_year__year__lte=period.last,
            published_year__province__in=provinces,
        )
        .values("published_year__province", "published_year__year")
        .annotate(**counted)
        .order_by("published_year__year")
    )
    for row in rows:  # in year order: the latest year of each province stays
        entry = figures[row["published_year__province"]]
        year = row["published_year__year"]
        entry.year, entry.side = year, side or default_side(year)
        entry.communes, entry.at_standard = row[entry.side], row[f"{entry.side}_standard"]
    return list(figures.values())


def published_years(province: Unit) -> list[PublishedYear]:
    return list(PublishedYear.objects.public().filter(province=province).order_by("-year"))


def province_rows(published: PublishedYear, side: str) -> list[PublishedStatus]:
    return list(published.statuses.filter(SIDE_FILTER[side]).select_related("commune").order_by("commune__name", "pk"))


def commune_rows(commune: Unit) -> list[PublishedStatus]:
    """Every published year of one commune, newest first."""
    return list(
        PublishedStatus.objects.filter(commune=commune, published_year__is_published=True)
        .select_related("published_year__province")
        .order_by("-published_year__year")
    )
