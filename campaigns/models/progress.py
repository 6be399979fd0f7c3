"""Recorded results that targets read: recognitions, yearly assessments, OCOP ratings, measurements.

The progress issue extends these (criteria detail, approval workflow, villages, resources);
targets only need what is here.
"""

import calendar
import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaigns.models.criteria import CriteriaSet
from units.models import Kind, NtmRegion, Unit, UnitOwnedQuerySet
from units.text import CleanNames


class RecognitionStatus(models.TextChoices):
    COMMUNE_NTM = "xa_ntm", _("Commune: NTM standard")
    COMMUNE_ADVANCED = "xa_nang_cao", _("Commune: advanced NTM")
    COMMUNE_MODEL = "xa_kieu_mau", _("Commune: model NTM")
    # QĐ 51/2025/QĐ-TTg Phụ lục II: a pilot level of the 2026-2030 period, above the NTM standard.
    COMMUNE_MODERN = "xa_hien_dai", _("Commune: modern NTM (pilot)")
    VILLAGE_NTM = "thon_ntm", _("Village: NTM standard")
    VILLAGE_MODEL = "thon_kieu_mau", _("Village: model residential area")
    VILLAGE_SMART = "thon_thong_minh", _("Village: smart village")
    DISTRICT_NTM = "huyen_ntm", _("District: NTM standard")
    DISTRICT_ADVANCED = "huyen_nang_cao", _("District: advanced NTM")
    DISTRICT_MODEL = "huyen_kieu_mau", _("District: model NTM")
    PROVINCE_DONE = "tinh_hoan_thanh", _("Province: NTM task completed")


# Each ladder from lowest to highest: holding a step counts as holding every step below it. A step may sit on
# several ladders: a "hiện đại" commune holds the NTM standard, but not the advanced or model levels of 2021-2025.
LADDERS = [
    [RecognitionStatus.COMMUNE_NTM, RecognitionStatus.COMMUNE_ADVANCED, RecognitionStatus.COMMUNE_MODEL],
    [RecognitionStatus.COMMUNE_NTM, RecognitionStatus.COMMUNE_MODERN],
    [RecognitionStatus.VILLAGE_NTM, RecognitionStatus.VILLAGE_MODEL],
    [RecognitionStatus.VILLAGE_SMART],
    [RecognitionStatus.DISTRICT_NTM, RecognitionStatus.DISTRICT_ADVANCED, RecognitionStatus.DISTRICT_MODEL],
    [RecognitionStatus.PROVINCE_DONE],
]

STATUS_KIND = {
    **dict.fromkeys(LADDERS[0] + LADDERS[1], Kind.COMMUNE),
    **dict.fromkeys(LADDERS[2] + LADDERS[3], Kind.VILLAGE),
    **dict.fromkeys(LADDERS[4], Kind.DISTRICT),
    RecognitionStatus.PROVINCE_DONE: Kind.PROVINCE,
}

# Levels that belong to one period: no decision recognises them before the period begins. The pilot of Phụ lục II
# is "giai đoạn 2026 - 2030" (QĐ 51/2025/QĐ-TTg, Điều 1 khoản 1 b).
STATUS_SINCE = {RecognitionStatus.COMMUNE_MODERN: datetime.date(2026, 1, 1)}


def statuses_at_or_above(status: str) -> list[str]:
    """The statuses that satisfy "at status S": S and the higher steps of every ladder it is on."""
    found = [step for ladder in LADDERS if status in ladder for step in ladder[ladder.index(status) :]]
    return list(dict.fromkeys(found)) or [status]


class RecognitionQuerySet(UnitOwnedQuerySet):
    def in_force(self, on: datetime.date | None = None):
        """Decided on or before `on` (default today) and not revoked by then."""
        on = on or datetime.date.today()
        return self.filter(decision_date__lte=on).filter(Q(revoked_on__isnull=True) | Q(revoked_on__gt=on))


class Recognition(models.Model):
    """A decision recognising a unit at a status (xã đạt chuẩn NTM, thôn NTM, huyện NTM…)."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="recognitions", verbose_name=_("unit"))
    status = models.CharField(_("status reached"), max_length=20, choices=RecognitionStatus)
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"))
    issuer = models.CharField(_("issued by"), max_length=200, blank=True)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_note = models.CharField(_("revocation decision"), max_length=200, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(excluded_fields=["recorded_at"])
    objects = RecognitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")
        ordering = ["-decision_date", "pk"]
        indexes = [models.Index(fields=["status", "decision_date"])]

    def __str__(self):
        return f"{self.unit} · {self.get_status_display()} · {self.decision_date:%d/%m/%Y}"

    @property
    def revoked(self) -> bool:
        return self.revoked_on is not None


def meets_all(met: int, total: int) -> bool:
    """`met` criteria of a set of `total`: all of them, and the set has some."""
    return total > 0 and met >= total


class Assessment(models.Model):
    """A commune's yearly self-assessment against the NTM criteria ("x of the set's n"), and its review.

    The commune submits; the level above (the district before 07/2025, the province after)
    approves it, which locks it, or returns it with a reason.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned")
        APPROVED = "approved", _("Approved")

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="assessments", verbose_name=_("commune"))
    year = models.PositiveSmallIntegerField(_("year"))
    criteria_set = models.ForeignKey(
        "campaigns.CriteriaSet", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("criteria set")
    )
    # Especially difficult communes use the northern-mountain thresholds whatever their region.
    applied_region = models.CharField(_("applied region"), max_length=10, choices=NtmRegion, blank=True)
    # Kept equal to the number of criteria marked achieved by the service that saves them.
    criteria_met = models.PositiveSmallIntegerField(_("criteria met"), default=0)
    # The denominator of criteria_met: how many criteria its set had when the results were saved.
    criteria_total = models.PositiveSmallIntegerField(_("criteria in the set"), default=0)
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    # Who must review it, fixed on submission from the unit tree valid at that date.
    reviewer_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="assessments_to_review", verbose_name=_("reviewer")
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    # Optimistic locking: a save must name the version it started from.
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["unit", "year"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="one_assessment_per_unit_and_year"),
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""), name="returned_assessments_have_a_reason"
            ),
        ]
        indexes = [models.Index(fields=["reviewer_unit", "status"]), models.Index(fields=["year", "status"])]

    def __str__(self):
        return f"{self.unit} · {self.year} · {self.criteria_met}/{self.criteria_total}"

    def save(self, *args, **kwargs):
        if not self.criteria_total:
            self.criteria_total = self.total_of_set()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "criteria_total"}
        super().save(*args, **kwargs)

    def total_of_set(self) -> int:
        """The criteria count of its set, or of the national commune set of its year for a bare tally."""
        criteria_set = self.criteria_set or (
            CriteriaSet.objects.filter(
                level=CriteriaSet.Level.COMMUNE,
                issuing_unit__isnull=True,
                start_year__lte=self.year,
                end_year__gte=self.year,
            )
            .order_by("-start_year")
            .first()
        )
        return criteria_set.criteria_total if criteria_set else 0

    @property
    def meets_all(self) -> bool:
        """Every criterion of its set is met (19 of 20 is not); a year without criteria meets nothing."""
        return meets_all(self.criteria_met, self.criteria_total)

    @property
    def is_locked(self) -> bool:
        return self.status in (self.Status.SUBMITTED, self.Status.APPROVED)

    @property
    def discussion_closed(self) -> bool:
        """An approved year is final: its thread stays readable, no one adds to it."""
        return self.status == self.Status.APPROVED


class OcopProduct(CleanNames, models.Model):
    """An OCOP product (Chương trình mỗi xã một sản phẩm) of a commune."""

    clean_name_fields = ("name", "owner_name")

    class OwnerKind(models.TextChoices):
        ENTERPRISE = "enterprise", _("Enterprise")
        COOPERATIVE = "cooperative", _("Cooperative")
        COOPERATIVE_GROUP = "group", _("Cooperative group")
        HOUSEHOLD = "household", _("Household business")

    class Group(models.TextChoices):
        FOOD = "food", _("Food")
        DRINKS = "drinks", _("Drinks")
        HERBS = "herbs", _("Medicinal herbs")
        HANDICRAFTS = "handicrafts", _("Handicrafts")
        ORNAMENTAL = "ornamental", _("Ornamental plants and animals")
        TOURISM = "tourism", _("Community and eco-tourism")

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="ocop_products", verbose_name=_("commune"))
    name = models.CharField(_("product"), max_length=200)
    owner_name = models.CharField(_("owner"), max_length=200)
    owner_kind = models.CharField(_("owner kind"), max_length=12, choices=OwnerKind)
    group = models.CharField(_("group"), max_length=12, choices=Group)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()
    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("OCOP product")
        verbose_name_plural = _("OCOP products")
        ordering = ["name"]

    def __str__(self):
        return self.name


class OcopRating(models.Model):
    """A star rating decision; the certificate is valid 36 months from the decision."""

    class Level(models.TextChoices):
        CENTRAL = "central", _("Central")
        PROVINCE = "province", _("Province")
        DISTRICT = "district", _("District")

    class RulesVersion(models.TextChoices):
        QD_1048_2019 = "1048/2019", _("QĐ 1048/QĐ-TTg (2019)")
        QD_148_2023 = "148/2023", _("QĐ 148/QĐ-TTg (2023)")

    product = models.ForeignKey(OcopProduct, models.CASCADE, related_name="ratings")
    stars = models.PositiveSmallIntegerField(_("stars"), choices=[(n, f"{n}★") for n in range(1, 6)])
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2, null=True, blank=True)
    rules_version = models.CharField(_("rules"), max_length=10, choices=RulesVersion)
    level = models.CharField(_("recognising level"), max_length=10, choices=Level)
    decision_number = models.CharField(_("decision number"), max_length=80, blank=True)
    decision_date = models.DateField(_("decision date"))
    valid_until = models.DateField(_("valid until"), editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("OCOP rating")
        verbose_name_plural = _("OCOP ratings")
        ordering = ["-decision_date"]
        constraints = [
            models.CheckConstraint(condition=Q(stars__gte=1) & Q(stars__lte=5), name="ocop_stars_1_to_5"),
        ]

    def __str__(self):
        return f"{self.product} · {self.stars}★ · {self.decision_date:%d/%m/%Y}"

    def save(self, *args, **kwargs):
        self.valid_until = add_months(self.decision_date, 36)
        super().save(*args, **kwargs)


def add_months(day: datetime.date, months: int) -> datetime.date:
    """Same day `months` later, clamped to the month's end (31/01 + 1 month → 28/02)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Measurement(models.Model):
    """A yearly figure of a unit (rural income per head, poverty rate…) that ratio and free targets read."""

    unit = models.ForeignKey(Unit, models.PROTECT, related_name="measurements", verbose_name=_("unit"))
    indicator = models.CharField(_("indicator"), max_length=100, help_text=_("e.g. rural income per head"))
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=3)
    unit_of_measure = models.CharField(_("unit of measure"), max_length=40, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["unit", "indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "indicator", "year"], name="one_measurement_per_unit_indicator_year"
            )
        ]

    def __str__(self):
        return f"{self.unit} · {self.indicator} · {self.year}: {self.value}"
