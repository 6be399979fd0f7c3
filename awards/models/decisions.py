"""Award decisions, their gap-free numbering, and the awards they grant (the annex)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from awards.models.catalogue import AwardForm, LegalRegime
from awards.models.nominations import Nomination, Nominee
from units import wording
from units.models import Unit
from units.text import CleanNames


class DecisionCounter(models.Model):
    """The last number used by an issuing body in a year; locked row by row to hand out the next."""

    issuing_unit = models.ForeignKey(Unit, models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["issuing_unit", "year"], name="one_counter_per_body_and_year")]

    def __str__(self):
        return f"{self.issuing_unit} {self.year}: {self.last_number}"


class DecisionQuerySet(models.QuerySet):
    def visible_to(self, user):
        units = Unit.objects.visible_to(user)
        return self.filter(models.Q(issuing_unit__in=units) | models.Q(awards__nominee__unit__in=units)).distinct()


class Decision(CleanNames, models.Model):
    """A numbered award decision (e.g. 125/QĐ-UBND) with its list of awardees."""

    clean_name_fields = ("issuer_name", "signer_name", "signer_title")

    issuing_unit = models.ForeignKey(Unit, models.PROTECT, related_name="award_decisions", verbose_name=_("issued by"))
    issuer_name = models.CharField(_("issuing body"), max_length=200)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    symbol = models.CharField(_("symbol"), max_length=40, default="QĐ-UBND")
    date = models.DateField(_("decision date"))
    award_form = models.ForeignKey(AwardForm, models.PROTECT, related_name="decisions", verbose_name=_("award"))
    legal_regime = models.CharField(_("legal regime"), max_length=5, choices=LegalRegime)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    signer_name = models.CharField(_("signer"), max_length=120)
    signer_title = models.CharField(_("signer's title"), max_length=120)
    signing_mode = models.CharField(_("signing mode"), max_length=5, blank=True)
    council_session = models.ForeignKey(
        "awards.CouncilSession", models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    issued_at = models.DateTimeField(auto_now_add=True)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = DecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["issuing_unit", "year", "number"], name="decision_number_unique")
        ]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.number}/{self.symbol}"

    @property
    def signature_lines(self) -> list[str]:
        """ "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH": as the decision prints them, on its page and in its PDF."""
        return wording.signature_lines(mode=self.signing_mode, title=self.signer_title, issuer=self.issuer_name)


def new_serial() -> str:
    # 48 random bits: among a hundred thousand awards a repeat is about one chance in ten thousand.
    return secrets.token_hex(6).upper()


def new_token() -> str:
    return secrets.token_urlsafe(16)


class AwardQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(nominee__unit__in=Unit.objects.visible_to(user))


class Award(models.Model):
    """An award granted by a decision to a nominee; its serial and QR code let anyone verify it."""

    decision = models.ForeignKey(Decision, models.PROTECT, related_name="awards")
    nomination = models.OneToOneField(Nomination, models.PROTECT, null=True, blank=True, related_name="award")
    nominee = models.ForeignKey(Nominee, models.PROTECT, related_name="awards")
    award_form = models.ForeignKey(AwardForm, models.PROTECT, related_name="awards")
    # Copied from the nomination: an earlier award's type decides whether it counts toward a merit award.
    type = models.CharField(_("type"), max_length=10, blank=True)
    round = models.CharField(_("round"), max_length=10, blank=True)
    round_year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    serial = models.CharField(_("serial"), max_length=20, unique=True, default=new_serial)
    verification_token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["decision", "order", "pk"]

    def __str__(self):
        return f"{self.award_form} – {self.nominee} ({self.decision})"
