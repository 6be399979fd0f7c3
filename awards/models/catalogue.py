"""The award catalogue: forms of commendation, who grants them in each period, under which texts, with which bonus."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from units.text import CleanNames


class LegalRegime(models.TextChoices):
    """The three regimes the 2021-2025 movement spans (domain.md §3.1)."""

    LAW_2013 = "2013", _("Old Law with Decree 91/2017 (to 31/12/2023)")
    DECREE_98 = "2024", _("Law 06/2022/QH15 with Decree 98/2023 (01/01/2024 - 30/06/2025)")
    DECREE_152 = "2025", _("Law 06/2022/QH15 with Decree 152/2025 (from 01/07/2025)")

    @classmethod
    def on(cls, day: datetime.date) -> "LegalRegime":
        if day < datetime.date(2024, 1, 1):
            return cls.LAW_2013
        if day < datetime.date(2025, 7, 1):
            return cls.DECREE_98
        return cls.DECREE_152


# The opening lines ("Căn cứ …") of a decision, per legal regime. They are the text of the document, in
# Vietnamese whatever the interface language, and the signer edits them before issuing.
REGIME_BASES = {
    LegalRegime.LAW_2013: [
        "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của "
        "Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013;",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng;",
    ],
    LegalRegime.DECREE_98: [
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng;",
    ],
    LegalRegime.DECREE_152: [
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;",
        "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, "
        "phân quyền trong lĩnh vực thi đua, khen thưởng và quy định chi tiết Luật Thi đua, khen thưởng;",
    ],
}


class NomineeKind(models.TextChoices):
    COLLECTIVE = "collective", _("Collective")
    INDIVIDUAL = "individual", _("Individual")
    HOUSEHOLD = "household", _("Household")
    ENTERPRISE = "enterprise", _("Enterprise or cooperative")
    EXTERNAL = "external", _("External organisation")


class AuthorityLevel(models.TextChoices):
    STATE = "state", _("State (President)")
    GOVERNMENT = "government", _("Government (Prime Minister)")
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")
    AGENCY = "agency", _("Head of agency or unit")


class AwardForm(CleanNames, models.Model):
    """A form of commendation or emulation title and who grants it (domain.md §3.2)."""

    clean_name_fields = ("name", "short_name", "authority_title")

    class Category(models.TextChoices):
        ORDER = "order", _("Order (Huân chương)")
        CERTIFICATE_OF_MERIT = "merit", _("Certificate of merit (Bằng khen)")
        CERTIFICATE = "certificate", _("Certificate of commendation (Giấy khen)")
        FLAG = "flag", _("Emulation flag (Cờ thi đua)")
        TITLE = "title", _("Emulation title")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    category = models.CharField(_("category"), max_length=12, choices=Category)
    authority_level = models.CharField(_("granting level"), max_length=12, choices=AuthorityLevel)
    authority_title = models.CharField(_("granted by"), max_length=200, help_text=_("e.g. Chủ tịch UBND tỉnh"))
    eligible_nominees = models.JSONField(_("eligible nominee kinds"), default=list, blank=True)
    required_parts = models.JSONField(_("required dossier parts"), default=list, blank=True)
    regimes = models.JSONField(_("legal regimes"), default=list, blank=True)
    prize_amount = models.DecimalField(_("prize amount (VND)"), max_digits=14, decimal_places=0, null=True, blank=True)
    valid_from = models.DateField(_("available from"), null=True, blank=True)
    # The Giấy khen of the district chairman ends with the district level on 30/06/2025.
    valid_to = models.DateField(_("available until"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("rank"), default=0, help_text=_("Higher forms rank higher"))
    # Law 06/2022/QH15: the list of nominees for high awards is posted publicly before the council votes.
    needs_public_posting = models.BooleanField(
        _("needs public posting"),
        default=False,
        help_text=_("Nominations for it are posted publicly for comment before the council votes"),
    )
    # Declared here so that campaigns knows nothing of awards; the table is the one campaigns created.
    plans = models.ManyToManyField(
        "campaigns.Plan",
        blank=True,
        related_name="award_forms",
        db_table="campaigns_plan_award_forms",
        verbose_name=_("plans offering it"),
    )

    class Meta:
        verbose_name = _("award form")
        verbose_name_plural = _("award forms")
        ordering = ["-rank", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name"], name="award_form_name_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="award_form_validity_ordered",
            ),
        ]

    def __str__(self):
        return self.name


class Evidence(models.TextChoices):
    """How far a row of reference data is checked (domain-2026.md marks each fact so)."""

    CONFIRMED = "confirmed", _("Confirmed against the text")
    REPORTED = "reported", _("Reported by the press, not checked against the text")
    TRANSLATION = "translation", _("Read only in a machine translation")
    UNCONFIRMED = "unconfirmed", _("Not confirmed: the text was not retrieved")


class GrantRuleQuerySet(models.QuerySet):
    def on(self, day: datetime.date):
        """Rules in force on `day`; when two overlap, the later start comes first (a newer text replaces)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        ).order_by(models.F("valid_from").desc(nulls_last=True), "-pk")


class GrantRule(CleanNames, models.Model):
    """Who grants an award form in one period, under which texts, and its bonus (domain-2026.md §4).

    A new decree is a new row with its valid_from: the documents dated after it follow it, those dated
    before keep theirs. An end date only reported (NĐ 152/2025's 01/03/2027 in the vbpl metadata) is kept
    in reported_end and not applied.
    """

    clean_name_fields = ("authority_title",)

    award_form = models.ForeignKey(AwardForm, models.CASCADE, related_name="rules", verbose_name=_("award form"))
    authority_level = models.CharField(_("granting level"), max_length=12, choices=AuthorityLevel)
    authority_title = models.CharField(_("granted by"), max_length=200)
    regime = models.CharField(_("texts"), max_length=120, help_text=_("e.g. Luật 06/2022/QH15 + NĐ 152/2025/NĐ-CP"))
    legal_basis = models.TextField(_("legal basis"), help_text=_("The “Căn cứ …” lines, one a line"))
    valid_from = models.DateField(_("in force from"), null=True, blank=True)
    valid_to = models.DateField(_("in force until"), null=True, blank=True)
    reported_end = models.DateField(
        _("reported end, not confirmed"),
        null=True,
        blank=True,
        help_text=_("An end date reported but not confirmed; it is shown, not applied."),
    )
    status = models.CharField(_("authority: how far checked"), max_length=12, choices=Evidence)
    bonus_multiple = models.DecimalField(
        _("bonus (× base salary)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    # The multiples of NĐ 152/2025 Điều 54 are for individuals; the collective multiple is not known.
    bonus_recipients = models.JSONField(_("bonus for nominee kinds"), default=list, blank=True)
    bonus_status = models.CharField(_("bonus: how far checked"), max_length=12, choices=Evidence, blank=True)
    note = models.TextField(_("note and sources"), blank=True)

    objects = GrantRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("grant rule")
        verbose_name_plural = _("grant rules")
        ordering = ["award_form", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["award_form", "authority_level", "valid_from"], name="grant_rule_unique"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="grant_rule_validity_ordered",
            ),
            models.CheckConstraint(
                condition=Q(bonus_multiple__isnull=True) | Q(bonus_multiple__gt=0), name="grant_rule_bonus_positive"
            ),
        ]

    def __str__(self):
        return f"{self.award_form} – {self.regime}"

    @property
    def bases(self) -> list[str]:
        return [line.strip() for line in self.legal_basis.splitlines() if line.strip()]


class BaseSalary(models.Model):
    """Mức lương cơ sở from a date: bonuses are multiples of it on the decision's date."""

    valid_from = models.DateField(_("in force from"), unique=True)
    amount = models.DecimalField(_("amount (VND a month)"), max_digits=12, decimal_places=0)
    legal_basis = models.CharField(_("legal basis"), max_length=200)
    status = models.CharField(_("how far checked"), max_length=12, choices=Evidence)
    note = models.TextField(_("note and sources"), blank=True)

    class Meta:
        verbose_name = _("base salary")
        verbose_name_plural = _("base salaries")
        ordering = ["valid_from"]
        constraints = [models.CheckConstraint(condition=Q(amount__gt=0), name="base_salary_positive")]

    def __str__(self):
        return f"{self.amount} ({self.valid_from:%d/%m/%Y})"

    @classmethod
    def on(cls, day: datetime.date) -> "BaseSalary | None":
        return cls.objects.filter(valid_from__lte=day).order_by("-valid_from").first()
