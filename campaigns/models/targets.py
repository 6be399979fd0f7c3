"""Typed targets (chỉ tiêu) of a plan; their current values are computed in campaigns.targets.evaluation."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaigns.models.plans import Plan
from campaigns.models.progress import OcopRating, RecognitionStatus
from units.fields import FIRST_YEAR, LAST_YEAR, YearField
from units.models import Kind, Unit

# Counts, shares, criteria and indicator values of a target are never below zero (a falling indicator has a
# goal below its baseline instead).
NOT_NEGATIVE = [MinValueValidator(0, message=_("Enter zero or more."))]


def year_in_range(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": FIRST_YEAR, f"{field}__lte": LAST_YEAR})


def not_negative(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0})


class Target(models.Model):
    class Type(models.TextChoices):
        UNIT_MILESTONE = "milestone", _("Named units reach a status by a year")
        KEEP_STATUS = "keep", _("Named units keep their status")
        UNIT_SHARE = "share", _("Units of a kind at a status (count or percentage)")
        AVERAGE_CRITERIA = "avg_criteria", _("Average criteria met per commune")
        MINIMUM_CRITERIA = "min_criteria", _("No commune below a number of criteria")
        CRITERIA_GAIN = "criteria_gain", _("Criteria gained per commune per year")
        OCOP_PRODUCTS = "ocop", _("OCOP products per year by stars and level")
        RATIO_TO_BASELINE = "ratio", _("Ratio to a baseline year")
        FREE_INDICATOR = "indicator", _("Free numeric indicator")

    class Measure(models.TextChoices):
        COUNT = "count", _("Count")
        PERCENT = "percent", _("Percentage")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="targets")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    type = models.CharField(_("type"), max_length=20, choices=Type)
    description = models.TextField(_("as written in the plan"))
    # What the app reads into those words (a baseline taken from another paragraph, a count chosen from a
    # range): shown apart from them and labelled, never as the document's text.
    note = models.TextField(_("interpretation"), blank=True)
    # The population a target counts over; blank means the plan's issuing unit.
    scope_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("counted within")
    )
    units = models.ManyToManyField(Unit, blank=True, related_name="targets", verbose_name=_("named units"))
    status = models.CharField(_("status"), max_length=20, choices=RecognitionStatus, blank=True)
    unit_kind = models.CharField(_("kind of unit"), max_length=20, choices=Kind, blank=True)
    measure = models.CharField(_("measure"), max_length=10, choices=Measure, default=Measure.COUNT)
    # Sub-population filters; for villages they also match through the village's commune.
    only_mountainous = models.BooleanField(_("only mountainous"), default=False)
    only_ethnic_minority = models.BooleanField(_("only ethnic-minority areas"), default=False)
    only_especially_difficult = models.BooleanField(_("only especially difficult"), default=False)
    only_border = models.BooleanField(_("only border"), default=False)
    ocop_stars = models.PositiveSmallIntegerField(_("OCOP stars"), null=True, blank=True)
    ocop_level = models.CharField(_("recognising level"), max_length=10, choices=OcopRating.Level, blank=True)
    indicator = models.CharField(_("indicator"), max_length=100, blank=True)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    baseline_value = models.DecimalField(
        _("baseline"), max_digits=18, decimal_places=3, null=True, blank=True, validators=NOT_NEGATIVE
    )
    baseline_year = YearField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target"), max_digits=18, decimal_places=3, null=True, blank=True, validators=NOT_NEGATIVE
    )
    # "2-3 products", "+1-2 criteria a year": the upper end of a range target.
    target_value_max = models.DecimalField(
        _("target (upper end)"), max_digits=18, decimal_places=3, null=True, blank=True, validators=NOT_NEGATIVE
    )
    deadline_year = YearField(_("deadline year"))
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(type__in=["milestone", "keep", "share"]) | ~Q(status=""),
                name="status_targets_name_a_status",
            ),
            models.CheckConstraint(
                condition=Q(target_value_max__isnull=True) | Q(target_value_max__gte=models.F("target_value")),
                name="target_range_is_ordered",
            ),
            models.CheckConstraint(
                condition=not_negative("target_value")
                & not_negative("target_value_max")
                & not_negative("baseline_value"),
                name="target_values_not_negative",
            ),
            models.CheckConstraint(
                condition=year_in_range("deadline_year") & year_in_range("baseline_year"),
                name="target_years_in_range",
            ),
        ]

    def __str__(self):
        return self.description[:80]


class TargetYear(models.Model):
    """The optional yearly breakdown of a target (e.g. Quý Quân NTM in 2024, two more in 2025)."""

    target = models.ForeignKey(Target, models.CASCADE, related_name="years")
    year = YearField(_("year"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=3, validators=NOT_NEGATIVE)

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["target", "year"], name="one_breakdown_per_year"),
            models.CheckConstraint(condition=year_in_range("year") & not_negative("value"), name="breakdown_in_range"),
        ]

    def __str__(self):
        return f"{self.year}: {self.value}"
