"""The award catalogue: forms of commendation, who grants them, under which legal regime."""

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
