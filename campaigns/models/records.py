"""Other yearly records a commune enters: village status, resources mobilised, exemplary models."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from units.models import Unit, UnitOwnedQuerySet
from units.text import CleanNames


class VillageYear(models.Model):
    """A village's NTM status in a year (recognitions hold the decisions; this the yearly picture)."""

    class Status(models.TextChoices):
        NOT_YET = "not_yet", _("Not yet")
        BUILDING = "building", _("Building towards NTM")
        NTM = "ntm", _("NTM standard")
        MODEL = "model", _("Model residential area")

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="village_years", verbose_name=_("village"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.NOT_YET)
    criteria_met = models.PositiveSmallIntegerField(_("criteria met"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()
    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("village status")
        verbose_name_plural = _("village statuses")
        ordering = ["unit", "year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_village_status_per_year")]

    def __str__(self):
        return f"{self.unit} · {self.year} · {self.get_status_display()}"


class ResourceContribution(models.Model):
    """Resources mobilised in a unit in a year: money in VND, land in m², labour in days."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="resources", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    state_budget = models.DecimalField(_("state budget (VND)"), max_digits=16, decimal_places=0, default=0)
    people = models.DecimalField(_("contributed by people (VND)"), max_digits=16, decimal_places=0, default=0)
    enterprises = models.DecimalField(_("contributed by enterprises (VND)"), max_digits=16, decimal_places=0, default=0)
    land_donated_m2 = models.DecimalField(_("land donated (m²)"), max_digits=12, decimal_places=1, default=0)
    labour_days = models.PositiveIntegerField(_("labour days"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()
    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("resources mobilised")
        verbose_name_plural = _("resources mobilised")
        ordering = ["unit", "year"]
        constraints = [models.UniqueConstraint(fields=["unit", "year"], name="one_resource_record_per_year")]

    def __str__(self):
        return f"{self.unit} · {self.year}"

    @property
    def total_money(self):
        return self.state_budget + self.people + self.enterprises


class ExemplaryModel(CleanNames, models.Model):
    """An exemplary model or good practice (điển hình tiên tiến, mô hình hay)."""

    clean_name_fields = ("title",)

    class Kind(models.TextChoices):
        COLLECTIVE = "collective", _("Exemplary collective")
        PERSON = "person", _("Exemplary person or household")
        PRACTICE = "practice", _("Good practice or model")

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="exemplary_models", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()
    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("exemplary model")
        verbose_name_plural = _("exemplary models")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title
