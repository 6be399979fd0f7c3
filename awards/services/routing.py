"""Which level may grant which form, and how dates and dated unit names read in award messages.

The level a nomination goes to on a date (tuyến trình, domain.md §3.5) is units.hierarchy.level_above.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from awards.models import AuthorityLevel, AwardForm
from units.models import REFORM_DATE, CodeScheme, Kind, Unit

# The award forms a unit's own chairman or head grants (Law 06/2022 Điều 80, domain.md §3.2).
LEVEL_OF_KIND = {
    Kind.PROVINCE: AuthorityLevel.PROVINCE,
    Kind.DISTRICT: AuthorityLevel.DISTRICT,
    Kind.COMMUNE: AuthorityLevel.COMMUNE,
    Kind.AGENCY: AuthorityLevel.AGENCY,
}


def today() -> datetime.date:
    return timezone.localdate()


def level_of(unit: Unit | None) -> str | None:
    return LEVEL_OF_KIND.get(unit.kind) if unit is not None else None


def can_decide(unit: Unit | None, award_form: AwardForm, *, on: datetime.date | None = None) -> bool:
    """`unit` grants `award_form` itself on `on` (today by default).

    The grant rules in force that day say which levels grant the form: an emulation title such as "Lao động
    tiên tiến" has several (Law 06/2022 Điều 80: the commune chairman, the district chairman, heads of units).
    A form without a rule on that day falls back to its own level. Reads award_form.rules.all(), so a list
    prefetches "rules" once instead of a query per row.
    """
    own = level_of(unit)
    if own is None:
        return False
    levels = {rule.authority_level for rule in award_form.rules.all() if rule_in_force(rule, on or today())}
    return own in levels if levels else award_form.authority_level == own


def rule_in_force(rule, day: datetime.date) -> bool:
    """The Python twin of GrantRuleQuerySet.on, for rules already fetched."""
    return (rule.valid_from is None or rule.valid_from <= day) and (rule.valid_to is None or rule.valid_to >= day)


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
