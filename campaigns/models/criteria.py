"""NTM criteria sets as data: sets, criteria, indicators and their thresholds per region and year.

The indicator list and thresholds of QĐ 318/QĐ-TTg were not available in full (domain.md §1.2, §8):
indicators not confirmed by a source are loaded with is_confirmed=False, for an administrator to check.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import NtmRegion, Unit
from units.text import CleanNames


class CriteriaSet(CleanNames, models.Model):
    """A bộ tiêu chí: its level, period and issuer; a province may re-issue a national set."""

    clean_name_fields = ("name",)

    class Level(models.TextChoices):
        COMMUNE = "xa_ntm", _("Commune NTM")
        COMMUNE_ADVANCED = "xa_nang_cao", _("Advanced NTM commune")
        COMMUNE_MODEL = "xa_kieu_mau", _("Model NTM commune")
        DISTRICT = "huyen_ntm", _("District NTM")
        PROVINCE = "tinh", _("Province task completed")
        VILLAGE = "thon", _("Village NTM")

    name = models.CharField(_("name"), max_length=300)
    code = models.SlugField(_("code"), max_length=40, unique=True, help_text=_("e.g. qd318-xa-2021"))
    level = models.CharField(_("level"), max_length=12, choices=Level)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    decision = models.CharField(_("issuing decision"), max_length=200, help_text=_("e.g. QĐ 318/QĐ-TTg 08/3/2022"))
    issuer = models.CharField(_("issuer"), max_length=200, default="Thủ tướng Chính phủ")
    # A province's own version of a national set.
    issuing_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("issuing province")
    )
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="versions", verbose_name=_("national set")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("criteria set")
        verbose_name_plural = _("criteria sets")
        ordering = ["-start_year", "level", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(end_year__gte=models.F("start_year")), name="criteria_set_years_ordered")
        ]

    def __str__(self):
        return self.name

    @property
    def criteria_total(self) -> int:
        """How many criteria the set has: counted from its criteria, so a 20th criterion is a row, not code."""
        return self.criteria.count()


class Criterion(CleanNames, models.Model):
    """One of the numbered criteria of a set (Giao thông, Thủy lợi…) in its group."""

    clean_name_fields = ("name",)

    criteria_set = models.ForeignKey(CriteriaSet, models.CASCADE, related_name="criteria")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200)
    group = models.CharField(_("group"), max_length=100)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["criteria_set", "number"]
        constraints = [models.UniqueConstraint(fields=["criteria_set", "number"], name="criterion_number_unique")]

    def __str__(self):
        return f"{self.number}. {self.name}"


class Indicator(CleanNames, models.Model):
    """An indicator (chỉ tiêu) of a criterion; a criterion is met only when all its indicators are."""

    clean_name_fields = ("name",)

    class ValueType(models.TextChoices):
        BOOLEAN = "bool", _("Yes / no")
        PERCENT = "percent", _("Percentage")
        COUNT = "count", _("Count")
        MONEY = "money", _("Money (million VND)")

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", "≥"
        AT_MOST = "lte", "≤"

    criterion = models.ForeignKey(Criterion, models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=10, help_text=_("e.g. 2.1"))
    name = models.CharField(_("name"), max_length=400)
    value_type = models.CharField(_("value type"), max_length=8, choices=ValueType, default=ValueType.BOOLEAN)
    comparison = models.CharField(_("comparison"), max_length=3, choices=Comparison, default=Comparison.AT_LEAST)
    only_if_relevant = models.BooleanField(_("only where relevant (nếu có)"), default=False)
    is_confirmed = models.BooleanField(
        _("confirmed against the legal text"), default=False, help_text=_("Unconfirmed indicators are shown as such")
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["criterion", "order", "code"]

    def __str__(self):
        return f"{self.code} {self.name}"


class Threshold(models.Model):
    """The level an indicator must reach, for a region (blank: all) and a year (blank: every year)."""

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="thresholds")
    region = models.CharField(_("region"), max_length=10, choices=NtmRegion, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    value = models.DecimalField(_("threshold"), max_digits=14, decimal_places=3)

    class Meta:
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["indicator", "region", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "region", "year"], name="threshold_unique"),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.region or '*'} {self.year or '*'}: {self.value}"
