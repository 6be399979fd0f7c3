"""Campaigns (phong trào thi đua) and the plans (kế hoạch) that cascade from them."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from units.fields import FIRST_YEAR, LAST_YEAR, YearField
from units.models import Kind, Unit
from units.text import CleanNames
from units.wording import SigningMode


class CampaignQuerySet(models.QuerySet):
    def covering(self, year: int):
        return self.filter(start_year__lte=year, end_year__gte=year)

    def first_year(self) -> int:
        """The first year of the earliest programme, or this year while none is entered."""
        return self.aggregate(first=models.Min("start_year"))["first"] or datetime.date.today().year

    def years(self, *, unit: Unit | None = None, until: int | None = None) -> list[int]:
        """The years some programme covers, in order: the years users enter, review and report.

        With `unit`, only the years it existed in (on at least one day); with `until`, none after that year.
        """
        spans = self.order_by().values_list("start_year", "end_year").distinct()
        years = sorted({year for first, last in spans for year in range(first, last + 1)})
        if until is not None:
            years = [year for year in years if year <= until]
        return years if unit is None else years_of_unit(years, unit)


def years_of_unit(years: list[int], unit: Unit) -> list[int]:
    """Those of `years` in which `unit` existed on at least one day."""
    first = unit.valid_from.year if unit.valid_from else None
    last = unit.valid_to.year if unit.valid_to else None
    return [year for year in years if (first is None or year >= first) and (last is None or year <= last)]


class Campaign(CleanNames, models.Model):
    """A movement or programme and its period, e.g. "Cả nước chung sức xây dựng nông thôn mới" (QĐ 587/QĐ-TTg).

    Its years, review years and criteria sets are data: the code names no programme year.
    """

    clean_name_fields = ("name", "launching_body")

    name = models.CharField(_("name"), max_length=300)
    scope = models.CharField(_("scope"), max_length=200, blank=True, help_text=_("e.g. nationwide"))
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    launching_body = models.CharField(_("launching body"), max_length=200, blank=True)
    national_plan = models.CharField(
        _("national plan"), max_length=300, blank=True, help_text=_("e.g. Quyết định 587/QĐ-TTg ngày 18/5/2022")
    )
    description = models.TextField(_("description"), blank=True)
    # Blank: filled on save, the mid-term after the first half of the period and the final in its last year.
    midterm_year = models.PositiveSmallIntegerField(_("mid-term review year (sơ kết)"), null=True, blank=True)
    final_year = models.PositiveSmallIntegerField(_("final review year (tổng kết)"), null=True, blank=True)
    criteria_sets = models.ManyToManyField(
        "campaigns.CriteriaSet", blank=True, related_name="campaigns", verbose_name=_("criteria sets")
    )
    is_demo = models.BooleanField(default=False, editable=False)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-start_year", "name"]
        constraints = [
            models.CheckConstraint(condition=Q(end_year__gte=models.F("start_year")), name="campaign_years_ordered"),
            models.CheckConstraint(
                condition=Q(midterm_year__isnull=True)
                | Q(midterm_year__gte=models.F("start_year"), midterm_year__lte=models.F("end_year")),
                name="campaign_midterm_in_period",
            ),
            models.CheckConstraint(
                condition=Q(final_year__isnull=True)
                | Q(final_year__gte=models.F("start_year"), final_year__lte=models.F("end_year")),
                name="campaign_final_in_period",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.start_year}-{self.end_year})"

    def save(self, *args, **kwargs):
        if self.midterm_year is None:
            # Sơ kết after the third year of five, as the 2021-2025 movement did.
            self.midterm_year = self.start_year + (self.end_year - self.start_year) // 2
        if self.final_year is None:
            self.final_year = self.end_year
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "midterm_year", "final_year"}
        super().save(*args, **kwargs)

    @property
    def years(self) -> range:
        return range(self.start_year, self.end_year + 1)


class DocumentKind(models.TextChoices):
    PLAN = "KH", _("Plan (Kế hoạch)")
    DECISION = "QD", _("Decision (Quyết định)")
    RESOLUTION = "NQ", _("Resolution (Nghị quyết)")
    DECREE = "ND", _("Decree (Nghị định)")
    CIRCULAR = "TT", _("Circular (Thông tư)")
    LAW = "LUAT", _("Law (Luật)")
    SUBMISSION = "TTR", _("Submission (Tờ trình)")
    DIRECTIVE = "CT", _("Directive (Chỉ thị)")
    OTHER = "OTHER", _("Other document")


class Document(models.Model):
    """A referenced legal or planning document (căn cứ), shared by the plans that cite it."""

    kind = models.CharField(_("kind"), max_length=5, choices=DocumentKind, default=DocumentKind.DECISION)
    number = models.CharField(_("number and symbol"), max_length=80, blank=True, help_text=_("e.g. 12-NQ/TU"))
    date = models.DateField(_("date"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=200, blank=True)
    subject = models.TextField(_("subject"), blank=True)

    class Meta:
        verbose_name = _("referenced document")
        verbose_name_plural = _("referenced documents")
        ordering = ["date", "number"]

    def __str__(self):
        label = f"{self.get_kind_display().split(' (')[0]} {self.number}".strip()
        if self.date:
            label += f" ({self.date:%d/%m/%Y})"
        return label


class PlanQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Plans of the user's subtree (drafts included) and issued plans of the levels above it.

        A commune must read the district and province plans it implements, but nobody outside
        the issuing unit's subtree sees a draft.
        """
        if not user.is_authenticated:
            return self.none()
        if user.sees_everything:
            return self.all()
        roots = user.scope_roots
        ancestor_ids = {int(pk) for root in roots for pk in root.path.strip("/").split("/")[:-1]}
        own = Q(issuing_unit__in=Unit.objects.within(*roots))
        above = (Q(issuing_unit__in=ancestor_ids) | Q(issuing_unit__isnull=True)) & ~Q(status=Plan.Status.DRAFT)
        return self.filter(own | above)

    def issued(self):
        return self.exclude(status=Plan.Status.DRAFT)


class Plan(CleanNames, models.Model):
    """A Kế hoạch, or a Quyết định issuing a Kế hoạch as its annex, that implements the plan above it."""

    clean_name_fields = ("title", "issuer_name", "signer_name", "signer_title")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")
        AMENDED = "amended", _("Amended")
        SUPERSEDED = "superseded", _("Superseded")

    SigningMode = SigningMode  # one list for plans, reports and decisions (units.wording)

    campaign = models.ForeignKey(Campaign, models.PROTECT, related_name="plans", verbose_name=_("campaign"))
    parent = models.ForeignKey(
        "self", models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("implements plan")
    )
    document_kind = models.CharField(
        _("document kind"),
        max_length=5,
        choices=[(DocumentKind.PLAN, DocumentKind.PLAN.label), (DocumentKind.DECISION, _("Decision issuing a plan"))],
        default=DocumentKind.PLAN,
    )
    number = models.CharField(_("number and symbol"), max_length=80, blank=True, help_text=_("e.g. 3254/KH-UBND"))
    title = models.CharField(_("movement title"), max_length=300, help_text=_("The plan's own title of the movement"))
    subject = models.TextField(_("subject"), blank=True, help_text=_("Trích yếu: what the document is about"))
    issue_date = models.DateField(_("issue date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=100, blank=True)
    issuing_unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="plans", verbose_name=_("issuing unit")
    )
    issuer_name = models.CharField(_("issuing body"), max_length=200, help_text=_("e.g. UBND huyện Hà Quảng"))
    signer_name = models.CharField(_("signer"), max_length=120, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signing_mode = models.CharField(_("signing mode"), max_length=5, choices=SigningMode, blank=True)
    recipients = models.TextField(_("recipients"), blank=True, help_text=_("Nơi nhận: one per line"))
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DRAFT)
    # A short record of a cited plan (number, date, issuer) whose full text is not held here.
    is_summary = models.BooleanField(_("short record"), default=False)
    legal_bases = models.ManyToManyField(
        Document, through="PlanBasis", blank=True, related_name="plans", verbose_name=_("legal bases")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking of the header form (units.fields.claim_version); an amendment moves it on too.
    version = models.PositiveIntegerField(default=1, editable=False)
    # Moved on by every write to the lists the plan's page caches (campaigns.plans.page_parts), never by a form.
    parts_version = models.PositiveIntegerField(default=0, editable=False)
    is_demo = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords(excluded_fields=["updated_at", "version", "parts_version"])
    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["issue_date", "pk"]
        indexes = [models.Index(fields=["campaign", "issuing_unit"])]

    def __str__(self):
        return f"{self.reference} – {self.issuer_name}"

    @property
    def reference(self) -> str:
        """ "3254/KH-UBND · 03/11/2022"; a blank number stays visible as such."""
        label = self.number or str(_("(no number)"))
        if self.issue_date:
            label += f" · {self.issue_date:%d/%m/%Y}"
        return label

    @property
    def recipient_list(self) -> list[str]:
        return [line.strip(" -–•") for line in self.recipients.splitlines() if line.strip(" -–•")]

    @property
    def is_editable(self) -> bool:
        return not self.is_summary and self.status != self.Status.SUPERSEDED


class PlanBasis(models.Model):
    """A căn cứ of a plan, in the order the plan cites them."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="bases")
    document = models.ForeignKey(Document, models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Edited on the app's own pages; the plan's change history lists these rows' history.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["plan", "document"], name="plan_basis_unique")]

    def __str__(self):
        return str(self.document)


class PlanSection(CleanNames, models.Model):
    """A section of the plan body (Mục đích, Nội dung, Giải pháp…) as formatted text."""

    clean_name_fields = ("heading",)

    class Kind(models.TextChoices):
        PURPOSE = "purpose", _("Purpose and requirements")
        CONTENT = "content", _("Content of the movement")
        MEASURES = "measures", _("Measures")
        SUBJECTS = "subjects", _("Subjects, criteria and awards")
        SCHEDULE = "schedule", _("Schedule")
        FUNDING = "funding", _("Funding")
        AWARDS = "awards", _("Awards")
        IMPLEMENTATION = "implementation", _("Implementation")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="sections")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.OTHER)
    heading = models.CharField(_("heading"), max_length=300)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Paragraphs separated by blank lines; '- ' starts a list item")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan section")
        verbose_name_plural = _("plan sections")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.heading


class PlanAttachment(CleanNames, models.Model):
    clean_name_fields = ("title",)

    class Kind(models.TextChoices):
        SIGNED_ORIGINAL = "signed", _("Signed original")
        ANNEX = "annex", _("Annex")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.SIGNED_ORIGINAL)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="plans/%Y/")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.title


class PlanAmendment(models.Model):
    """A change made to an issued plan at a unit's written request; the field-level diff is in the history."""

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="amendments")
    date = models.DateField(_("date"), default=datetime.date.today)
    document_number = models.CharField(_("amending document"), max_length=80, blank=True)
    requested_by = models.CharField(_("requested by"), max_length=200, blank=True)
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.plan.reference} · {self.date:%d/%m/%Y}"


class Milestone(CleanNames, models.Model):
    """A timeline item (tiến độ). Overdue items stay visible, marked, until they are done."""

    clean_name_fields = ("title",)

    class Kind(models.TextChoices):
        BUILD_PLAN = "build_plan", _("Build the plan")
        LAUNCH = "launch", _("Launch")
        PLEDGE = "pledge", _("Sign the emulation pledge")
        INSPECTION = "inspection", _("Annual inspection")
        ANNUAL_REPORT = "annual_report", _("Annual report due")
        MIDTERM_REVIEW = "midterm", _("Mid-term review (sơ kết)")
        FINAL_REVIEW = "final", _("Final review (tổng kết)")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    due_year = YearField(_("due year"), null=True, blank=True)
    due_quarter = models.PositiveSmallIntegerField(
        _("due quarter"), null=True, blank=True, choices=[(q, f"Q{q}") for q in range(1, 5)]
    )
    responsible_unit = models.ForeignKey(
        Unit, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("responsible unit")
    )
    responsible = models.CharField(_("responsible"), max_length=200, blank=True)
    done_date = models.DateField(_("done on"), null=True, blank=True)
    # A span (an item over several years) starts in year_from and is due at the due date or year (its last year). A yearly
    # item is due every year from year_from to the due year, on the due date's day, at the end of the due
    # quarter, or at the end of each year; done_through is the last year it was done for.
    year_from = YearField(_("from year"), null=True, blank=True)
    recurs_yearly = models.BooleanField(_("every year"), default=False)
    done_through = YearField(_("done through year"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("timeline")
        ordering = ["due_year", "due_quarter", "due_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_date__isnull=False) | Q(due_year__isnull=False), name="milestone_has_a_due_date"
            ),
            models.CheckConstraint(
                condition=Q(due_year__isnull=True) | Q(due_year__gte=FIRST_YEAR, due_year__lte=LAST_YEAR),
                name="milestone_due_year_in_range",
            ),
            models.CheckConstraint(
                condition=Q(year_from__isnull=True) | Q(year_from__gte=FIRST_YEAR, year_from__lte=LAST_YEAR),
                name="milestone_year_from_in_range",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def last_year(self) -> int:
        return self.due_date.year if self.due_date else self.due_year

    @property
    def first_year(self) -> int:
        return min(self.year_from or self.last_year, self.last_year)

    def deadline_in(self, year: int) -> datetime.date:
        """The due date moved to `year` (28/02 for 29/02), or the last day of the due quarter or of `year`."""
        if self.due_date:
            day = self.due_date.day if (self.due_date.month, self.due_date.day) != (2, 29) else 28
            return self.due_date.replace(year=year, day=day)
        if self.due_quarter:
            month = self.due_quarter * 3
            return datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
        return datetime.date(year, 12, 31)

    @property
    def occurrence_years(self) -> range:
        """The years it is due: each year of its span for a yearly item, else its last year only."""
        return range(self.first_year if self.recurs_yearly else self.last_year, self.last_year + 1)

    @property
    def open_year(self) -> int | None:
        """The first year not yet done; None once it is done (a yearly item: for its last year)."""
        if not self.recurs_yearly:
            return None if self.done_date else self.last_year
        done = self.done_through or self.first_year - 1
        return done + 1 if done < self.last_year else None

    @property
    def is_done(self) -> bool:
        return self.open_year is None

    @property
    def deadline(self) -> datetime.date:
        """The deadline of the first year not yet done (the last year's once all are done)."""
        return self.deadline_in(self.open_year or self.last_year)

    @property
    def due_label(self) -> str:
        if self.due_date:
            when = f"{self.due_date:%d/%m}" if self.recurs_yearly else f"{self.due_date:%d/%m/%Y}"
        elif self.due_quarter:
            when = f"Q{self.due_quarter}" if self.recurs_yearly else f"Q{self.due_quarter}/{self.due_year}"
        else:
            when = "" if self.recurs_yearly else str(self.due_year)
        if self.recurs_yearly:
            span = _("every year %(first)s–%(last)s") % {"first": self.first_year, "last": self.last_year}
            return f"{span}, {when}" if when else str(span)
        if self.first_year < self.last_year:
            return f"{self.first_year}–{when}"
        return when

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_done and self.deadline < (today or datetime.date.today())


class EmulationSubject(models.Model):
    """Who competes (đối tượng thi đua) and on which criteria (tiêu chí thi đua), per plan."""

    class Kind(models.TextChoices):
        AGENCIES = "agencies", _("Agencies, departments and mass organisations")
        COMMUNES = "communes", _("Communes")
        VILLAGES = "villages", _("Villages")
        ENTERPRISES = "enterprises", _("Enterprises and cooperatives")
        INDIVIDUALS = "individuals", _("Individuals")
        HOUSEHOLDS = "households", _("Households")
        OTHER_ORGANISATIONS = "other_orgs", _("Other organisations and contributors")
        INTERNAL_COLLECTIVES = "internal", _("Collectives inside the agency")

    plan = models.ForeignKey(Plan, models.CASCADE, related_name="subjects")
    kind = models.CharField(_("subject"), max_length=20, choices=Kind)
    description = models.CharField(_("who"), max_length=300, blank=True)
    criteria = models.TextField(_("emulation criteria"), help_text=_("One criterion per line"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("emulation subject")
        verbose_name_plural = _("emulation subjects")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.get_kind_display()

    @property
    def criteria_list(self) -> list[str]:
        return [line.strip(" -–•") for line in self.criteria.splitlines() if line.strip(" -–•")]


# The unit kinds a plan's coverage counts below its issuer ("12 of 14 communes have a plan").
COVERED_KINDS = {
    Kind.PROVINCE: (Kind.DISTRICT, Kind.COMMUNE, Kind.AGENCY),
    Kind.DISTRICT: (Kind.COMMUNE,),
    Kind.AGENCY: (Kind.AGENCY,),
}
