"""NTM criteria sets as data: sets, criteria, indicators and their thresholds per region or commune group and year.

The indicator list and thresholds of QĐ 318/QĐ-TTg were not available in full (domain.md §1.2, §8):
indicators not confirmed by a source are loaded with is_confirmed=False, for an administrator to check.
QĐ 51/2025 (2026-2030) judges communes by their group (Nhóm 1, 2, 3): its thresholds are GroupThreshold rows,
and each commune's group is a dated CommuneGroup row (domain-2026.md §1, §3).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.models import Kind, NtmRegion, Unit
from units.text import CleanNames


class CommuneGroupNumber(models.IntegerChoices):
    """The three commune groups of QĐ 51/2025 (domain-2026.md §3.1)."""

    ONE = 1, _("Group 1")
    TWO = 2, _("Group 2")
    THREE = 3, _("Group 3")


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
    # QĐ 51/2025: thresholds differ by commune group, and criteria with indicators are decided from the values.
    uses_commune_groups = models.BooleanField(_("thresholds per commune group"), default=False)

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
    group = models.CharField(_("group"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    is_confirmed = models.BooleanField(
        _("confirmed against the legal text"), default=False, help_text=_("Unconfirmed criteria are shown as such")
    )

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
        NUMBER = "number", _("Number")
        TEXT = "text", _("Text level")

    class Comparison(models.TextChoices):
        AT_LEAST = "gte", "≥"
        AT_MOST = "lte", "≤"
        EQUAL = "eq", "="

    criterion = models.ForeignKey(Criterion, models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=10, help_text=_("e.g. 2.1"))
    name = models.CharField(_("name"), max_length=400)
    value_type = models.CharField(_("value type"), max_length=8, choices=ValueType, default=ValueType.BOOLEAN)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=60, blank=True, help_text=_("e.g. %, km, xã"))
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("e.g. QĐ 51/2025, Phụ lục I"))
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


class GroupThreshold(models.Model):
    """The level an indicator must reach for a commune group, from a year (to a year, or for good).

    Numbers and percentages are compared with `value`; a yes/no indicator's threshold is value 1 (yes) or 0 (no);
    a text level (e.g. "Đạt", "Tốt") is met only by the same text.
    """

    indicator = models.ForeignKey(Indicator, models.CASCADE, related_name="group_thresholds")
    commune_group = models.PositiveSmallIntegerField(_("commune group"), choices=CommuneGroupNumber)
    from_year = models.PositiveSmallIntegerField(_("from year"))
    to_year = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True, help_text=_("blank: no end"))
    comparator = models.CharField(
        _("comparator"), max_length=3, choices=Indicator.Comparison, default=Indicator.Comparison.AT_LEAST
    )
    value = models.DecimalField(_("threshold"), max_digits=14, decimal_places=3, null=True, blank=True)
    text_value = models.CharField(_("threshold (text level)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("group threshold")
        verbose_name_plural = _("group thresholds")
        ordering = ["indicator", "commune_group", "from_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "commune_group", "from_year"], name="group_threshold_unique_start"
            ),
            models.CheckConstraint(
                condition=Q(to_year__isnull=True) | Q(to_year__gte=models.F("from_year")),
                name="group_threshold_years_ordered",
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(text_value=""), name="group_threshold_has_a_value"
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.get_commune_group_display()} {self.years}: {self.shown}"

    @property
    def years(self) -> str:
        return f"{self.from_year}-{self.to_year}" if self.to_year else f"{self.from_year}+"

    @property
    def shown(self) -> str:
        """The comparator and the value as people read them: "≥ 80", "= Đạt"."""
        if self.text_value:
            return f"= {self.text_value}"
        return f"{self.get_comparator_display()} {format(self.value.normalize(), 'f')}"

    def covers(self, year: int) -> bool:
        return self.from_year <= year and (self.to_year is None or year <= self.to_year)

    def is_reached_by(self, value) -> bool:
        """Whether an entered value (a Decimal, or text for a text level) reaches this threshold."""
        if self.text_value:
            return isinstance(value, str) and value.strip().casefold() == self.text_value.strip().casefold()
        if value is None or isinstance(value, str):
            return False
        if self.comparator == Indicator.Comparison.AT_MOST:
            return value <= self.value
        if self.comparator == Indicator.Comparison.EQUAL:
            return value == self.value
        return value >= self.value


class CommuneGroupQuerySet(models.QuerySet):
    def in_force(self, on: datetime.date):
        """The rows decided from `on` or before; the latest per commune is the one in force."""
        return self.filter(valid_from__lte=on).order_by("unit_id", "-valid_from", "-pk")


class CommuneGroup(models.Model):
    """A commune's group (Nhóm 1, 2, 3) from a date, by a deciding document; a later row replaces it."""

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="commune_groups", verbose_name=_("commune"))
    group = models.PositiveSmallIntegerField(_("commune group"), choices=CommuneGroupNumber)
    valid_from = models.DateField(_("from"))
    decision = models.CharField(_("deciding document"), max_length=200, help_text=_("e.g. QĐ 123/QĐ-UBND 15/3/2026"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = CommuneGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("commune group")
        verbose_name_plural = _("commune groups")
        ordering = ["unit", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["unit", "valid_from"], name="one_commune_group_per_day")]

    def __str__(self):
        return f"{self.unit} · {self.get_group_display()} · {self.valid_from:%d/%m/%Y}"

    def clean(self):
        if self.unit_id is not None and self.unit.kind != Kind.COMMUNE:
            raise ValidationError(
                {"unit": _("%(unit)s is not a commune: only communes have a commune group.") % {"unit": self.unit}}
            )


def commune_group_of(unit: Unit, year: int) -> CommuneGroup | None:
    """The commune's group that applies to `year`: the latest decided on or before 31 December of that year."""
    return CommuneGroup.objects.filter(unit=unit).in_force(datetime.date(year, 12, 31)).first()
