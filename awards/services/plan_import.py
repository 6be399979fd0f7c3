"""The award catalogue as the plan importer sees it (campaigns cannot import awards: awards registers this)."""

import datetime

from django.db.models import Q

from awards.models import AwardForm
from awards.models.catalogue import AuthorityLevel
from campaigns.models import Plan
from campaigns.plans.importer.matching import AwardCatalogue
from units.text import fold

# Generic phrases a plan uses for a whole level of awards, and the granting levels they cover.
GENERIC = {
    "cap nha nuoc": [AuthorityLevel.STATE, AuthorityLevel.GOVERNMENT],
    "tu cap tinh tro len": [AuthorityLevel.STATE, AuthorityLevel.GOVERNMENT, AuthorityLevel.PROVINCE],
}


def _available(day: datetime.date | None):
    forms = AwardForm.objects.all()
    if day is not None:
        forms = forms.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )
    return forms.order_by("-rank", "name")


def names(day: datetime.date | None) -> list[str]:
    return list(_available(day).values_list("name", flat=True))


def generic(words: str, day: datetime.date | None) -> list[str]:
    folded = fold(words)
    for phrase, levels in GENERIC.items():
        if phrase in folded:
            return list(_available(day).filter(authority_level__in=levels).values_list("name", flat=True))
    return []


def attach(plan: Plan, chosen: list[str]) -> None:
    plan.award_forms.add(*AwardForm.objects.filter(name__in=chosen))


CATALOGUE = AwardCatalogue(names=names, attach=attach, generic=generic)
