"""The conditions for a province to complete a programme's NTM task (QĐ 51/2025/QĐ-TTg Phụ lục III), as data.

The annex text was not available when this was built: national administrators enter each condition with its
source and mark it confirmed once checked against the text. Nothing here holds a figure of the annex.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from campaigns.models.plans import Campaign
from campaigns.models.progress import RecognitionStatus


class CompletionCondition(models.Model):
    """One condition a province must meet to complete the programme's NTM task, e.g. "≥ X % of communes at NTM"."""

    class Kind(models.TextChoices):
        SHARE = "share", _("Share of communes recognised at the level (%)")
        COUNT = "count", _("Number of communes recognised at the level")

    campaign = models.ForeignKey(
        Campaign, models.CASCADE, related_name="completion_conditions", verbose_name=_("programme")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    label = models.CharField(_("condition"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.SHARE)
    level = models.CharField(_("level reached"), max_length=20, choices=RecognitionStatus)
    threshold = models.DecimalField(_("threshold"), max_digits=7, decimal_places=2)
    # Division types of the commune level that count (Xã, Phường, Đặc khu…); empty: every one of them.
    division_types = models.JSONField(_("units counted"), default=list, blank=True)
    decided_from = models.DateField(
        _("decisions from"),
        null=True,
        blank=True,
        help_text=_("Only recognitions decided on or after this date count; empty: every recognition in force."),
    )
    source = models.TextField(
        _("source text"), blank=True, help_text=_("The text of the annex this condition comes from.")
    )
    confirmed = models.BooleanField(_("confirmed against the text"), default=False)
    is_demo = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("completion condition")
        verbose_name_plural = _("completion conditions")
        ordering = ["campaign", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(threshold__gte=0), name="completion_threshold_not_negative"),
            models.CheckConstraint(
                condition=~Q(kind="share") | Q(threshold__lte=100), name="completion_share_at_most_100"
            ),
        ]

    def __str__(self):
        return self.label
