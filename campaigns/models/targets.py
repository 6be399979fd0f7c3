"""Typed targets (chỉ tiêu) of a plan; their current values are computed in campaigns.targets.evaluation."""

from django.core.validators import MaxValueValidator, MinValueValidator
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
        # "Mỗi xã có ít nhất 01 thôn đạt chuẩn NTM": a rule every commune of a set must meet.
        VILLAGES_EACH = "villages_each", _("Each commune has at least a number of villages at a status")

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
    # "13/13 xã": only units of this division type (Xã, not Thị trấn or Phường) are counted; blank counts all.
    division_type = models.CharField(_("only units of the type"), max_length=40, blank=True)
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
    # The named units in the order the plan lists them (a many-to-many keeps no order): their primary keys.
    unit_order = models.JSONField(default=list, blank=True, editable=False)
    # Set on a lower plan's target that is its share of the parent plan's target (giao chỉ tiêu).
    allocation = models.ForeignKey(
        "Allocation",
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="child_targets",
        verbose_name=_("allocated from"),
    )
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(m2m_fields=[units])

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(type__in=["milestone", "keep", "share", "villages_each"]) | ~Q(status=""),
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

    def ordered_units(self) -> list[Unit]:
        """The named units in the plan's order (units added without an order come last, in the tree's order)."""
        position = {pk: index for index, pk in enumerate(self.unit_order or [])}
        return sorted(self.units.all(), key=lambda unit: position.get(unit.pk, len(position)))

    @property
    def can_be_allocated(self) -> bool:
        """A count of units at a status can be shared out among the units one level below."""
        return self.type == self.Type.UNIT_SHARE and bool(self.status)


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


# A share is a number of units: a plan gives no commune more than this many.
MAX_SHARE = 10_000


class Allocation(models.Model):
    """A share of a plan's count target given to a unit one level below (giao chỉ tiêu): "3 of the 7 communes"."""

    target = models.ForeignKey(Target, models.CASCADE, related_name="allocations", verbose_name=_("target"))
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="+", verbose_name=_("unit"))
    value = models.PositiveIntegerField(
        _("share"), validators=[MaxValueValidator(MAX_SHARE, message=_("This number is too large."))]
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("allocated share")
        verbose_name_plural = _("allocated shares")
        ordering = ["unit__search_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["target", "unit"], name="one_share_per_unit"),
            models.CheckConstraint(condition=Q(value__lte=MAX_SHARE), name="share_is_bounded"),
        ]

    def __str__(self):
        return f"{self.unit} · {self.value}"
