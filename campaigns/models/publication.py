"""What a province has made public: the years it published and, frozen at that moment, each commune's figures.

The public board (campaigns.publication) reads only these rows, never the live assessments: a year returned for
correction after publication keeps showing what was published until the province publishes it again.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models.progress import RecognitionStatus
from units.fields import YearField
from units.models import Unit


class PublishedYearQuerySet(models.QuerySet):
    def public(self):
        """Years their province has published and not withdrawn."""
        return self.filter(is_published=True)


class PublishedYear(models.Model):
    """A province's choice to make one year public, with who published (or withdrew) it and when."""

    province = models.ForeignKey(Unit, models.PROTECT, related_name="published_years", verbose_name=_("province"))
    year = YearField(_("year"))
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")

    objects = PublishedYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("published year")
        verbose_name_plural = _("published years")
        ordering = ["province", "-year"]
        constraints = [models.UniqueConstraint(fields=["province", "year"], name="one_publication_per_province_year")]
        indexes = [models.Index(fields=["is_published", "year"])]

    def __str__(self):
        return f"{self.province} · {self.year}"


class PublishedStatus(models.Model):
    """One commune's figures as they stood when its province published the year.

    `is_old` / `is_new` say on which side of the 1 July 2025 reform the commune counts (units.hierarchy), so the
    board can read a year by old or by new units without looking at the unit tree again.
    """

    published_year = models.ForeignKey(PublishedYear, models.CASCADE, related_name="statuses")
    commune = models.ForeignKey(Unit, models.PROTECT, related_name="published_statuses", verbose_name=_("commune"))
    # None: no approved assessment of that year.
    criteria_met = models.PositiveSmallIntegerField(_("criteria met"), null=True, blank=True)
    criteria_total = models.PositiveSmallIntegerField(_("criteria in the set"), default=0)
    # The highest commune level recognised by a decision in force at the year's end; blank: none.
    level = models.CharField(_("level"), max_length=20, choices=RecognitionStatus, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    is_old = models.BooleanField(default=False)
    is_new = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("published commune status")
        verbose_name_plural = _("published commune statuses")
        ordering = ["commune__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["published_year", "commune"], name="one_published_status_per_commune"),
            models.CheckConstraint(condition=Q(is_old=True) | Q(is_new=True), name="published_status_has_a_side"),
        ]

    def __str__(self):
        return f"{self.commune} · {self.published_year.year}"

    @property
    def at_standard(self) -> bool:
        return bool(self.level)
