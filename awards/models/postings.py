"""Public posting of nominations (niêm yết công khai): the nominees and their achievements shown to anyone for
a number of working days before the council votes, and the comments people leave."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards.models.nominations import Nomination
from units.models import Unit
from units.text import CleanNames


class Holiday(CleanNames, models.Model):
    """A public holiday: not a working day of a posting. Optional data; without it only weekends are skipped."""

    clean_name_fields = ("name",)

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("public holiday")
        verbose_name_plural = _("public holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.name}"


class PublicPostingQuerySet(models.QuerySet):
    def running(self, today: datetime.date):
        """Postings that accept comments on `today`."""
        return self.filter(starts_on__lte=today, ends_on__gte=today)


class PublicPosting(models.Model):
    """One nomination posted publicly by its reviewing body from `starts_on` for `working_days` working days."""

    nomination = models.OneToOneField(Nomination, models.CASCADE, related_name="posting")
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="postings", verbose_name=_("posted by"))
    starts_on = models.DateField(_("posted from"))
    working_days = models.PositiveSmallIntegerField(_("working days"))
    # The last working day of the posting, counted when it was opened (weekends and Holiday rows skipped).
    ends_on = models.DateField(_("posted until"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True)

    objects = PublicPostingQuerySet.as_manager()

    class Meta:
        verbose_name = _("public posting")
        verbose_name_plural = _("public postings")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="posting_ends_after_start"),
            models.CheckConstraint(condition=Q(working_days__gte=1), name="posting_lasts_a_working_day"),
        ]

    def __str__(self):
        return f"{self.nomination} ({self.starts_on:%d/%m/%Y} – {self.ends_on:%d/%m/%Y})"

    def is_running(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.starts_on <= today <= self.ends_on

    def has_ended(self, today: datetime.date | None = None) -> bool:
        return (today or timezone.localdate()) > self.ends_on


class PostingComment(CleanNames, models.Model):
    """What someone wrote about a posted nomination; the reviewers read it in the appraisal."""

    clean_name_fields = ("name", "contact")

    posting = models.ForeignKey(PublicPosting, models.CASCADE, related_name="comments")
    name = models.CharField(_("your name"), max_length=120)
    contact = models.CharField(_("phone or e-mail"), max_length=150)
    text = models.TextField(_("comment"), max_length=2000)
    # Kept to trace a flood; the throttle itself counts in the cache.
    client_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("comment on a posting")
        verbose_name_plural = _("comments on postings")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"
