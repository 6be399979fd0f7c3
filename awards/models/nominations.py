"""Nominees, nominations with their dossiers, and the log of every workflow transition."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from awards.models.catalogue import AwardForm, LegalRegime, NomineeKind
from units.discussion import Comment
from units.fields import YearField
from units.models import Unit, UnitOwnedQuerySet
from units.text import CleanNames


class Nominee(CleanNames, models.Model):
    """Who may be awarded: a collective unit, a person, a household, an enterprise or an outside organisation.

    `unit` is the unit the nominee belongs to (the collective itself, a person's workplace, a
    household's village or commune); it decides who may see the nominee and its award history.
    """

    clean_name_fields = ("name",)

    kind = models.CharField(_("kind"), max_length=12, choices=NomineeKind)
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="nominees", verbose_name=_("unit"))
    name = models.CharField(_("name"), max_length=200, help_text=_("Person, household head or organisation"))
    position = models.CharField(_("position"), max_length=200, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    # Law 06/2022 and its decrees: no award during discipline, investigation or an unresolved complaint.
    under_discipline = models.BooleanField(_("under discipline or investigation"), default=False)
    discipline_note = models.CharField(_("discipline note"), max_length=300, blank=True)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = UnitOwnedQuerySet.as_manager()

    class Meta:
        verbose_name = _("nominee")
        verbose_name_plural = _("nominees")
        ordering = ["name"]
        indexes = [models.Index(fields=["unit", "kind"])]

    def __str__(self):
        return self.name


class NominationType(models.TextChoices):
    MERIT = "merit", _("Regular merit (công trạng)")
    CAMPAIGN = "campaign", _("Campaign or thematic (theo đợt, chuyên đề)")
    SUDDEN = "sudden", _("Sudden achievement (đột xuất)")
    SERVICE = "service", _("Long service (quá trình cống hiến)")


class Round(models.TextChoices):
    ANNUAL = "annual", _("Annual")
    MIDTERM = "midterm", _("Mid-term review (sơ kết)")
    FINAL = "final", _("Final review (tổng kết)")
    AD_HOC = "adhoc", _("Ad hoc")


class NominationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Proposed from the user's subtree, or waiting at one of the user's units.

        A district keeps seeing what it forwarded: the proposer is in its subtree.
        """
        units = Unit.objects.visible_to(user)
        return self.filter(Q(proposing_unit__in=units) | Q(reviewer_unit__in=units))

    def awaiting(self, unit):
        """In `unit`'s queue: submitted to it, in appraisal or at its council."""
        return self.filter(
            reviewer_unit=unit,
            status__in=[Nomination.Status.SUBMITTED, Nomination.Status.IN_APPRAISAL, Nomination.Status.COUNCIL],
        )

    def open(self):
        return self.exclude(status__in=Nomination.CLOSED_STATUSES)


class Nomination(models.Model):
    """A proposal that a nominee receive an award form, and its path through the levels."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_APPRAISAL = "appraisal", _("In appraisal")
        RETURNED = "returned", _("Returned")
        COUNCIL = "council", _("At the council")
        APPROVED = "approved", _("Approved")
        DECISION_ISSUED = "issued", _("Decision issued")
        FORWARDED = "forwarded", _("Forwarded outside the app")
        REJECTED = "rejected", _("Rejected")
        CLOSED_DISSOLVED = "dissolved", _("Closed: body dissolved")

    CLOSED_STATUSES = [Status.DECISION_ISSUED, Status.FORWARDED, Status.REJECTED, Status.CLOSED_DISSOLVED]

    nominee = models.ForeignKey(Nominee, models.PROTECT, related_name="nominations", verbose_name=_("nominee"))
    award_form = models.ForeignKey(AwardForm, models.PROTECT, related_name="nominations", verbose_name=_("award"))
    campaign = models.ForeignKey(
        "campaigns.Campaign", models.PROTECT, related_name="nominations", verbose_name=_("campaign")
    )
    plan = models.ForeignKey(
        "campaigns.Plan", models.SET_NULL, null=True, blank=True, related_name="nominations", verbose_name=_("plan")
    )
    type = models.CharField(_("type"), max_length=10, choices=NominationType)
    round = models.CharField(_("round"), max_length=10, choices=Round)
    round_year = YearField(_("year"))
    achievements = models.TextField(_("achievements (báo cáo thành tích)"))
    proposing_unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="proposed_nominations", verbose_name=_("proposing unit")
    )
    # The tờ trình's date: the unit tree and the legal regime in force on it decide the route.
    submission_number = models.CharField(_("submission number (tờ trình)"), max_length=80, blank=True)
    submission_date = models.DateField(_("submission date"), null=True, blank=True)
    legal_regime = models.CharField(_("legal regime"), max_length=5, choices=LegalRegime, blank=True)
    # Earlier awards cited as grounds; campaign and sudden awards never count toward a merit award.
    grounds = models.ManyToManyField(
        "awards.Award", blank=True, related_name="cited_by", verbose_name=_("earlier awards cited")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    # Whose queue it is in; None while a draft and once closed.
    reviewer_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="nominations_to_review", verbose_name=_("at")
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    returned_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(_("reason"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at"])
    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["reviewer_unit", "status"]),
            models.Index(fields=["proposing_unit", "status"]),
            models.Index(fields=["nominee", "round", "round_year"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(return_reason=""), name="returned_nominations_have_a_reason"
            ),
            models.CheckConstraint(
                condition=~Q(status="rejected") | ~Q(decision_reason=""), name="rejected_nominations_have_a_reason"
            ),
        ]

    def __str__(self):
        return f"{self.award_form} – {self.nominee}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    @property
    def discussion_closed(self) -> bool:
        """Decided, forwarded out of reach, rejected or closed: the thread stays readable, no one adds to it."""
        return self.status in self.CLOSED_STATUSES


class NominationEvent(models.Model):
    """One transition: who moved the nomination from which status to which, at which unit, and why."""

    nomination = models.ForeignKey(Nomination, models.CASCADE, related_name="events")
    unit = models.ForeignKey(Unit, models.PROTECT, null=True, blank=True, related_name="+")
    from_status = models.CharField(max_length=10, choices=Nomination.Status, blank=True)
    to_status = models.CharField(max_length=10, choices=Nomination.Status)
    action = models.CharField(_("action"), max_length=20)
    comment = models.TextField(_("comment"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nomination event")
        verbose_name_plural = _("nomination events")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.nomination_id}: {self.from_status} → {self.to_status}"


class DossierFile(CleanNames, models.Model):
    """A part of the dossier (hồ sơ): tờ trình, báo cáo thành tích, biên bản, other documents."""

    clean_name_fields = ("title",)

    nomination = models.ForeignKey(Nomination, models.CASCADE, related_name="files")
    # A key of awards.catalogue.DOSSIER_PARTS.
    part = models.CharField(_("part"), max_length=30)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="dossiers/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dossier file")
        verbose_name_plural = _("dossier files")
        ordering = ["part", "uploaded_at"]

    def __str__(self):
        return self.title


class NominationComment(Comment):
    """A message in the thread between the proposing unit and the reviewers of a nomination."""

    nomination = models.ForeignKey(Nomination, models.CASCADE, related_name="comments")

    class Meta(Comment.Meta):
        verbose_name = _("nomination comment")
        verbose_name_plural = _("nomination comments")
