"""Generated reports: one row per build, so a regenerated report keeps its earlier versions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from units.models import Unit
from units.text import CleanNames


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(unit__in=Unit.objects.visible_to(user))

    def versions_of(self, report: "Report"):
        return self.filter(
            kind=report.kind, unit=report.unit, year=report.year, decision=report.decision, session=report.session
        ).order_by("-version")


def kind_choices() -> list[tuple[str, str]]:
    """The registered report kinds: a kind added to the registry needs no migration."""
    from reports.documents import REGISTRY  # the registry's builders import this module

    return [(kind.kind, kind.label) for kind in REGISTRY.values()]


class Report(models.Model):
    class Kind:
        """Names of the built-in kinds, for the code that requests them. What each kind is (its label, template,
        builder and period) is its entry in reports.documents.REGISTRY."""

        ANNUAL = "annual"
        MIDTERM = "midterm"
        FINAL = "final"
        DECISION = "decision"
        MINUTES = "minutes"
        SUBMISSION = "submission"
        CERTIFICATES = "certificates"
        CERTIFICATE_BATCH = "cert_batch"
        STATISTICS = "statistics"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=12, choices=kind_choices)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="reports", verbose_name=_("unit"))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    decision = models.ForeignKey("awards.Decision", models.PROTECT, null=True, blank=True, related_name="reports")
    session = models.ForeignKey("awards.CouncilSession", models.PROTECT, null=True, blank=True, related_name="reports")
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    # Results, difficulties, proposals: written by the user before generation and kept with the report.
    narrative = models.JSONField(_("narrative sections"), default=dict, blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(_("file"), upload_to="reports/%Y/", blank=True)
    language = models.CharField(max_length=10, default="vi")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(progress__lte=100), name="report_progress_is_a_percentage"),
            models.CheckConstraint(condition=~Q(status="failed") | ~Q(error=""), name="failed_reports_say_why"),
            # One row per version of a report: two requests at once cannot both be "version 4". The report's
            # identity has empty parts (no year, no decision), and NULLs never clash in a unique index, so
            # they count as 0 here.
            models.UniqueConstraint(
                F("kind"),
                F("unit"),
                *(Coalesce(name, 0, output_field=models.BigIntegerField()) for name in ("year", "decision", "session")),
                F("version"),
                name="one_report_per_version",
            ),
        ]
        indexes = [models.Index(fields=["kind", "unit", "year"])]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.unit} · {self.year or ''} · v{self.version}"

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)


class StatisticsForm(CleanNames, models.Model):
    """A layout of the yearly emulation statistics (e.g. 0602.N/BNV-TĐKT of TT 02/2023/TT-BNV), as data.

    Its rows and columns are StatisticsLine rows; each cell counts the records of its subject that match the
    line's filters (reports.statistics.dimensions names what a filter may say). A new circular's forms are new
    rows here, not code.
    """

    clean_name_fields = ("title",)

    class Subject(models.TextChoices):
        MOVEMENTS = "movements", _("Emulation movements launched")
        AWARDS = "awards", _("Awards granted")
        ENTERED = "entered", _("Figures entered by the reporting unit")

    code = models.CharField(_("form code"), max_length=40)
    title = models.CharField(_("title"), max_length=300)
    circular = models.CharField(_("circular"), max_length=80)
    subject = models.CharField(_("counts"), max_length=10, choices=Subject)
    measure = models.CharField(_("unit of count"), max_length=40, blank=True)
    filters = models.JSONField(_("filters of the whole form"), default=dict, blank=True)
    valid_from = models.DateField(_("in force from"))
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    # The reporting year N runs from this day of year N-1 to the day before it in year N (TT 02/2023: 01/12 to
    # 30/11); the circular sets it, so it is stored with the form. "01-01" makes it the calendar year.
    period_start = models.CharField(_("reporting year starts (MM-DD)"), max_length=5, default="12-01")
    order = models.PositiveSmallIntegerField(default=0)
    source = models.TextField(_("source and how far checked"), blank=True)

    class Meta:
        verbose_name = _("statistics form")
        verbose_name_plural = _("statistics forms")
        ordering = ["valid_from", "order", "code"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="statistics_form_code_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=F("valid_from")),
                name="statistics_form_dates_ordered",
            ),
        ]

    def __str__(self):
        return f"{self.code} – {self.title}"


class StatisticsLine(models.Model):
    """A row or a column of a statistics form: its code ("01", "2"), its label and what it counts."""

    class Axis(models.TextChoices):
        ROW = "row", _("Row")
        COLUMN = "column", _("Column")

    form = models.ForeignKey(StatisticsForm, models.CASCADE, related_name="lines")
    axis = models.CharField(max_length=6, choices=Axis)
    order = models.PositiveSmallIntegerField()
    code = models.CharField(_("code"), max_length=10, blank=True)
    label = models.CharField(_("label"), max_length=300)
    measure = models.CharField(_("unit of count"), max_length=40, blank=True)
    # A heading ("1. Chia theo đối tượng khen thưởng") has no figures of its own.
    is_heading = models.BooleanField(default=False)
    # Figures the app does not hold (a person's rank, the staff of the emulation office): the unit enters them.
    is_entered = models.BooleanField(default=False)
    filters = models.JSONField(_("filters"), default=dict, blank=True)

    class Meta:
        ordering = ["form", "axis", "order"]
        constraints = [
            models.UniqueConstraint(fields=["form", "axis", "order"], name="statistics_line_order_unique"),
        ]

    def __str__(self):
        return f"{self.form.code} {self.axis} {self.code} {self.label}"
