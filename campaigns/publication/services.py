"""Publishing a province's year: the figures are copied into PublishedStatus rows at that moment.

Only approved assessments and recognitions decided by the year's end reach the copy; a year returned for
correction later changes nothing public until the province publishes it again.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Assessment, PublishedStatus, PublishedYear, Recognition, RecognitionStatus
from campaigns.publication import cache
from units.hierarchy import is_new_unit, is_old_unit, predecessors
from units.models import Kind, Unit, User

# The commune levels the board shows, by height. "Hiện đại" (the 2026-2030 pilot) and "kiểu mẫu" sit on
# different ladders (campaigns.models.progress.LADDERS); both are above "nâng cao".
LEVEL_RANK = {
    RecognitionStatus.COMMUNE_NTM: 1,
    RecognitionStatus.COMMUNE_ADVANCED: 2,
    RecognitionStatus.COMMUNE_MODEL: 3,
    RecognitionStatus.COMMUNE_MODERN: 3,
}


def communes_of(province: Unit, year: int) -> list[Unit]:
    """The communes of `year` under the province and under the provinces it was formed from."""
    roots = [province, *predecessors(province)] if province.valid_from else [province]
    return list(Unit.objects.within(*roots).of_kind(Kind.COMMUNE).valid_in(year).order_by("path"))


def _highest_recognitions(communes: list[Unit], on: datetime.date) -> dict[int, Recognition]:
    best: dict[int, Recognition] = {}
    recognitions = Recognition.objects.filter(unit__in=communes, status__in=list(LEVEL_RANK)).in_force(on)
    for recognition in recognitions.order_by("decision_date", "pk"):
        held = best.get(recognition.unit_id)
        # At the same height the later decision wins.
        if held is None or LEVEL_RANK[recognition.status] >= LEVEL_RANK[held.status]:
            best[recognition.unit_id] = recognition
    return best


@transaction.atomic
def publish_year(province: Unit, *, year: int, by: User) -> PublishedYear:
    """Make the province's `year` public as it stands now (again, when it was published before)."""
    if province.kind != Kind.PROVINCE:
        raise ValidationError(_("Only a province publishes its years."), code="not_province")
    today = timezone.localdate()
    if year > today.year:
        raise ValidationError(_("A year that has not begun cannot be published."), code="future_year")
    communes = communes_of(province, year)
    approved = {
        assessment.unit_id: assessment
        for assessment in Assessment.objects.filter(
            unit__in=communes, year=year, status=Assessment.Status.APPROVED
        ).only("unit_id", "criteria_met", "criteria_total")
    }
    recognitions = _highest_recognitions(communes, min(datetime.date(year, 12, 31), today))
    published, _created = PublishedYear.objects.update_or_create(
        province=province,
        year=year,
        defaults={
            "is_published": True,
            "published_at": timezone.now(),
            "published_by": by,
            "withdrawn_at": None,
            "withdrawn_by": None,
        },
    )
    published.statuses.all().delete()
    PublishedStatus.objects.bulk_create(
        [_status(published, commune, approved.get(commune.pk), recognitions.get(commune.pk)) for commune in communes]
    )
    _invalidate()
    return published


def _status(published, commune, assessment, recognition) -> PublishedStatus:
    return PublishedStatus(
        published_year=published,
        commune=commune,
        criteria_met=assessment.criteria_met if assessment else None,
        criteria_total=assessment.criteria_total if assessment else 0,
        level=recognition.status if recognition else "",
        decision_number=recognition.decision_number if recognition else "",
        decision_date=recognition.decision_date if recognition else None,
        is_old=is_old_unit(commune),
        is_new=is_new_unit(commune),
    )


@transaction.atomic
def withdraw_year(published: PublishedYear, *, by: User) -> PublishedYear:
    """Take a published year off the board; its copy stays until the next publication replaces it."""
    withdrawn = PublishedYear.objects.filter(pk=published.pk, is_published=True).update(
        is_published=False, withdrawn_at=timezone.now(), withdrawn_by=by
    )
    if not withdrawn:
        raise ValidationError(_("This year is not published."), code="not_published")
    _invalidate()
    published.refresh_from_db()
    return published


def _invalidate() -> None:
    """Drop the board's pages now and again after the commit: a page rebuilt between the two from the data
    not yet committed would otherwise stay until the cache times out."""
    cache.invalidate()
    transaction.on_commit(cache.invalidate)
