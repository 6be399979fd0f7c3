"""A notification: one person is told of one event, in the app (the inbox) and by e-mail."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NotificationKind(models.TextChoices):
    YEAR_SUBMITTED = "year_submitted", _("Year submitted for review")
    YEAR_RETURNED = "year_returned", _("Year returned for correction")
    YEAR_APPROVED = "year_approved", _("Year approved")
    REMINDER = "reminder", _("Reminder to submit the year")
    NOMINATION_RETURNED = "nomination_returned", _("Nomination returned")
    NOMINATION_DECIDED = "nomination_decided", _("Award decision issued")
    NOMINATION_FORWARDED = "nomination_forwarded", _("Nomination forwarded to your level")
    REPORT_READY = "report_ready", _("Report ready")
    DEADLINE = "deadline", _("Timeline deadline approaching")
    ESCALATED = "escalated", _("Timeline item long overdue below you")
    COMMENT = "comment", _("New comment on a file you work on")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """What happened (kind), to what (subject, link), and what the sender said (body).

    The sentence shown is the kind's label, translated when displayed, followed by the subject: a notification
    written in Vietnamese still reads in English for someone who switched the language.
    """

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=30, choices=NotificationKind)
    subject = models.CharField(_("about"), max_length=300)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    unit = models.ForeignKey("units.Unit", models.CASCADE, null=True, blank=True, related_name="+")
    # Events that must reach a person once only (a deadline, an escalation) carry a key; the constraint
    # below refuses the second one, whoever sends it and however often the scheduled task runs.
    key = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # E-mail: sent once; a refused or failing address is tried a bounded number of times, then left.
    emailed_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_error = models.CharField(max_length=500, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        app_label = "units"
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_inbox")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"], condition=~Q(key=""), name="one_notification_per_key_and_recipient"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
