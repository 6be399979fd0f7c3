"""Generated reports: one row per build, so a regenerated report keeps its earlier versions."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from units.models import Unit


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
