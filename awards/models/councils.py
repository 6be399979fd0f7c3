"""Sessions of the emulation and commendation council (Hội đồng Thi đua - Khen thưởng) and their ballots."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.models.nominations import Nomination
from units.models import Unit
from units.text import CleanNames


class CouncilSessionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(council_unit__in=Unit.objects.visible_to(user))


class CouncilSession(CleanNames, models.Model):
    """A meeting of a level's council: its agenda, who attended, the votes and the minutes."""

    clean_name_fields = ("title",)

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    council_unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="council_sessions", verbose_name=_("council of")
    )
    title = models.CharField(_("title"), max_length=300)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    # Share of the votes cast (conflicts of interest excluded) that must agree; law: a majority.
    threshold = models.DecimalField(
        _("approval threshold"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.5"),
        help_text=_("Share of votes cast that must agree; more than this passes"),
    )
    secret_ballot = models.BooleanField(_("secret ballot"), default=True)
    minutes = models.TextField(_("minutes"), blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status, default=Status.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    is_demo = models.BooleanField(default=False, editable=False)

    objects = CouncilSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("council session")
        verbose_name_plural = _("council sessions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.title} ({self.date:%d/%m/%Y})"


class CouncilMember(CleanNames, models.Model):
    clean_name_fields = ("name",)

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        VICE_CHAIR = "vice_chair", _("Vice-chair")
        MEMBER = "member", _("Member")
        SECRETARY = "secretary", _("Secretary (does not vote)")

    session = models.ForeignKey(CouncilSession, models.CASCADE, related_name="members")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    role = models.CharField(_("council role"), max_length=10, choices=Role, default=Role.MEMBER)
    present = models.BooleanField(_("present"), default=True)

    class Meta:
        verbose_name = _("council member")
        verbose_name_plural = _("council members")
        ordering = ["role", "name"]

    def __str__(self):
        return self.name

    @property
    def votes(self) -> bool:
        return self.present and self.role != self.Role.SECRETARY


class AgendaItem(models.Model):
    class Result(models.TextChoices):
        PENDING = "pending", _("Not yet voted")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Not passed")

    session = models.ForeignKey(CouncilSession, models.CASCADE, related_name="agenda")
    nomination = models.ForeignKey(Nomination, models.PROTECT, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(default=0)
    agree = models.PositiveSmallIntegerField(default=0)
    disagree = models.PositiveSmallIntegerField(default=0)
    abstain = models.PositiveSmallIntegerField(default=0)
    conflicts = models.PositiveSmallIntegerField(default=0)
    result = models.CharField(_("result"), max_length=8, choices=Result, default=Result.PENDING)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["session", "nomination"], name="agenda_item_unique")]

    def __str__(self):
        return str(self.nomination)


class Ballot(models.Model):
    """One member's vote on one agenda item; a declared conflict of interest means no vote."""

    class Vote(models.TextChoices):
        AGREE = "agree", _("Agree")
        DISAGREE = "disagree", _("Disagree")
        ABSTAIN = "abstain", _("Abstain")
        CONFLICT = "conflict", _("Conflict of interest: does not vote")

    item = models.ForeignKey(AgendaItem, models.CASCADE, related_name="ballots")
    member = models.ForeignKey(CouncilMember, models.CASCADE, related_name="ballots")
    vote = models.CharField(_("vote"), max_length=10, choices=Vote)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="one_ballot_per_member_and_item")]

    def __str__(self):
        return f"{self.member}: {self.get_vote_display()}"
