"""Writes of the criteria editor that touch several rows: a province's own version of a national set."""

from django.db import transaction

from campaigns.models import CriteriaSet, GroupThreshold
from units.models import Unit
from units.wording import issuer_name


@transaction.atomic
def make_province_version(national: CriteriaSet, *, province: Unit) -> CriteriaSet:
    """A copy of `national` owned by `province`, with its criteria, indicators and thresholds, to edit freely.

    The province's communes are then judged by this copy (criteria_set_for prefers it to the national set).
    """
    version = CriteriaSet.objects.create(
        name=f"{national.name} ({province.name})",
        code=f"{national.code[:28]}-p{province.pk}",
        level=national.level,
        start_year=national.start_year,
        end_year=national.end_year,
        decision=national.decision,
        issuer=issuer_name(province),
        issuing_unit=province,
        parent=national,
        uses_commune_groups=national.uses_commune_groups,
        note=national.note,
    )
    for criterion in national.criteria.prefetch_related("indicators__group_thresholds"):
        indicators = list(criterion.indicators.all())
        criterion.pk, criterion.criteria_set = None, version
        criterion.save()
        for indicator in indicators:
            thresholds = list(indicator.group_thresholds.all())
            indicator.pk, indicator.criterion = None, criterion
            indicator.save()
            for threshold in thresholds:
                threshold.pk, threshold.indicator = None, indicator
            GroupThreshold.objects.bulk_create(thresholds)
    return version


def province_version_of(national: CriteriaSet, province: Unit) -> CriteriaSet | None:
    return national.versions.filter(issuing_unit=province).first()
