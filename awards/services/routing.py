"""Who reviews what: the level above a unit on a date (tuyến trình), and which level may grant which form.

Routing follows the unit tree valid on the date (domain.md §3.5, §5): commune → district → province
before 01/07/2025, commune → province after. Old records keep their old units; when a parent no longer
exists on the date, its default successor (Lineage.is_default) takes its place, and a level abolished
without a successor (the districts) hands over to the level above it.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from awards.models import AuthorityLevel, AwardForm
from units.models import REFORM_DATE, CodeScheme, Kind, Lineage, Unit

# The award forms a unit's own chairman or head grants (Law 06/2022 Điều 80, domain.md §3.2).
LEVEL_OF_KIND = {
    Kind.PROVINCE: AuthorityLevel.PROVINCE,
    Kind.DISTRICT: AuthorityLevel.DISTRICT,
    Kind.COMMUNE: AuthorityLevel.COMMUNE,
    Kind.AGENCY: AuthorityLevel.AGENCY,
}

# Lineage chains are short (a commune merged twice at most); the cap only guards against a cycle in bad data.
MAX_HOPS = 10


def today() -> datetime.date:
    return timezone.localdate()


def route_for(unit: Unit, *, on: datetime.date) -> Unit | None:
    """The level above `unit` valid on `on`; None above the province (the central level is outside the app)."""
    candidate = _level_above(unit)
    for _hop in range(MAX_HOPS):
        if candidate is None or candidate.is_valid_on(on):
            return candidate
        successor = default_successor(candidate, on=on)
        # A level abolished without a successor (the districts on 01/07/2025): the level above takes over.
        candidate = successor or candidate.administrative_parent()
    return None


def _level_above(unit: Unit) -> Unit | None:
    if unit.kind == Kind.VILLAGE:
        # A village's own level above is its commune; administrative_parent() would skip to the district.
        parent = unit.parent
        while parent is not None and parent.kind != Kind.COMMUNE:
            parent = parent.parent
        return parent or unit.administrative_parent()
    return unit.administrative_parent()


def default_successor(unit: Unit, *, on: datetime.date | None = None) -> Unit | None:
    """The unit `unit`'s records roll up to (Lineage.is_default), preferring one valid on `on`."""
    edges = Lineage.objects.filter(predecessor=unit, is_default=True).select_related("successor")
    successors = [edge.successor for edge in edges.order_by("effective_date", "pk")]
    if on is not None:
        for successor in successors:
            if successor.is_valid_on(on):
                return successor
    return successors[0] if successors else None


def level_of(unit: Unit | None) -> str | None:
    return LEVEL_OF_KIND.get(unit.kind) if unit is not None else None


def can_decide(unit: Unit, award_form: AwardForm) -> bool:
    """`unit` grants `award_form` itself: the form's authority level is the unit's level."""
    return unit is not None and award_form.authority_level == level_of(unit)


def form_available_on(award_form: AwardForm, day: datetime.date) -> bool:
    return (award_form.valid_from is None or award_form.valid_from <= day) and (
        award_form.valid_to is None or award_form.valid_to >= day
    )


def dated_name(unit: Unit) -> str:
    """ "Xã Trường Hà (before 07/2025)": tells apart the versions of a unit that share a name."""
    if unit.valid_to is not None and unit.valid_to == REFORM_DATE - datetime.timedelta(days=1):
        return _("%(name)s (before 07/2025)") % {"name": unit.name}
    if unit.code_scheme == CodeScheme.Y2025 and unit.valid_from == REFORM_DATE:
        return _("%(name)s (from 07/2025)") % {"name": unit.name}
    if unit.valid_to is not None:
        return _("%(name)s (until %(date)s)") % {"name": unit.name, "date": short_date(unit.valid_to)}
    return unit.name


def short_date(day: datetime.date) -> str:
    return date_format(day, "d/m/Y")
