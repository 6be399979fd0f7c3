"""What a yearly assessment holds: one result per criterion, indicator values, evidence; reminders."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from campaigns.models.criteria import Criterion, Indicator
from campaigns.models.progress import Assessment
from units.discussion import Comment
from units.models import Unit
from units.text import CleanNames


class CriterionResult(models.Model):
    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="results")
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="+")
    achieved = models.BooleanField(_("achieved"), default=False)
    note = models.CharField(_("note"), max_length=500, blank=True)
    # Criteria with indicators in a set with commune groups: what the values decided when last saved (None: they
    # could not decide), and the officer's reason for marking the criterion differently.
    decided = models.BooleanField(_("decided by the indicator values"), null=True, blank=True)
    override_reason = models.CharField(_("reason for marking differently"), max_length=500, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterion result")
        verbose_name_plural = _("criterion results")
        ordering = ["criterion__number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "criterion"], name="one_result_per_criterion")]

    def __str__(self):
        return f"{self.criterion}: {'✓' if self.achieved else '✗'}"


class IndicatorValue(models.Model):
    """A measured value of an indicator, where the commune knows it."""

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey(Indicator, models.PROTECT, related_name="+")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=3, null=True, blank=True)
    text_value = models.CharField(_("value (text level)"), max_length=100, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_value_per_indicator")]

    def __str__(self):
        return f"{self.indicator.code}: {self.text_value or self.value}"

    def clean(self):
        if not (self.assessment_id and self.indicator_id):
            return
        if self.indicator.criterion.criteria_set_id != self.assessment.criteria_set_id:
            raise ValidationError(
                {
                    "indicator": _("Indicator %(code)s belongs to another criteria set than this year's.")
                    % {"code": self.indicator.code}
                }
            )


class Evidence(CleanNames, models.Model):
    """A PDF or image backing a criterion (size and type checked in the upload form)."""

    clean_name_fields = ("title",)

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="evidence")
    criterion = models.ForeignKey(Criterion, models.PROTECT, null=True, blank=True, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="evidence/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    # Added and removed files are part of a year's history and of what changed since a return.
    history = HistoricalRecords(excluded_fields=["uploaded_at"])

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.title


class Reminder(models.Model):
    """A reminder sent by the level above to a unit that has not submitted its year."""

    unit = models.ForeignKey(Unit, models.CASCADE, related_name="reminders")
    year = models.PositiveSmallIntegerField(_("year"))
    message = models.TextField(_("message"))
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    sent_on = models.DateField(_("sent on"), default=timezone.localdate)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        # A commune is reminded of a year once a day at most, however often the button is clicked.
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "sent_on"], name="one_reminder_per_unit_year_and_day")
        ]

    def __str__(self):
        return f"{self.unit} · {self.year}"


class AssessmentComment(Comment):
    """A message in the thread between the commune and its reviewers about a yearly assessment."""

    assessment = models.ForeignKey(Assessment, models.CASCADE, related_name="comments")

    class Meta(Comment.Meta):
        verbose_name = _("assessment comment")
        verbose_name_plural = _("assessment comments")
