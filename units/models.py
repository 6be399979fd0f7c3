"""Administrative units (time-versioned), their lineage, users and unit-scoped roles.

A Unit is one *version* of a territory or organisation: Xã Trường Hà before 07/2025 and
Xã Trường Hà from 07/2025 are two rows, joined by a Lineage edge. Codes are unique only
within their code scheme, because the 2025 reform reused codes for other units.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from units.text import CleanNames, clean_name, fold

REFORM_DATE = datetime.date(2025, 7, 1)


class Kind(models.TextChoices):
    PROVINCE = "province", _("Province")
    DISTRICT = "district", _("District")
    COMMUNE = "commune", _("Commune")
    VILLAGE = "village", _("Village")
    AGENCY = "agency", _("Agency")
    ENTERPRISE = "enterprise", _("Enterprise")
    COOPERATIVE = "cooperative", _("Cooperative")
    ORGANISATION = "organisation", _("Other organisation")


# Which Vietnamese division types belong to which kind; the form offers these.
DIVISION_TYPES = {
    Kind.PROVINCE: ["Tỉnh", "Thành phố"],
    Kind.DISTRICT: ["Huyện", "Quận", "Thị xã", "Thành phố"],
    Kind.COMMUNE: ["Xã", "Phường", "Thị trấn", "Đặc khu"],
    Kind.VILLAGE: ["Thôn", "Xóm", "Làng", "Bản", "Ấp", "Khu dân cư", "Tổ dân phố"],
    Kind.AGENCY: [
        "Sở",
        "Ban",
        "Phòng",
        "Đoàn thể",
        "Ủy ban MTTQ",
        "Văn phòng",
        "Trung tâm",
    ],
    Kind.ENTERPRISE: ["Doanh nghiệp", "Công ty"],
    Kind.COOPERATIVE: ["Hợp tác xã", "Tổ hợp tác"],
    Kind.ORGANISATION: ["Tổ chức", "Hội"],
}


class CodeScheme(models.TextChoices):
    LEGACY = "legacy", _("Before 07/2025")
    Y2025 = "2025-07", _("From 07/2025")
    LOCAL = "local", _("Local (created in the app)")


class NtmRegion(models.TextChoices):
    """The 7 regions of QĐ 318/QĐ-TTg whose thresholds differ."""

    NORTHERN_MOUNTAINS = "tdmnpb", _("Northern midlands and mountains")
    RED_RIVER_DELTA = "dbsh", _("Red River delta")
    NORTH_CENTRAL = "btb", _("North central")
    SOUTH_CENTRAL_COAST = "dhntb", _("South central coast")
    CENTRAL_HIGHLANDS = "tn", _("Central Highlands")
    SOUTH_EAST = "dnb", _("South-east")
    MEKONG_DELTA = "dbscl", _("Mekong delta")


class UnitQuerySet(models.QuerySet):
    def within(self, *units):
        """The given units and every unit below them (materialised path)."""
        if not units:
            return self.none()
        condition = Q()
        for unit in units:
            condition |= Q(path__startswith=unit.path)
        return self.filter(condition)

    def visible_to(self, user):
        """Units in the subtrees the user may see; see User.scope_roots."""
        if not user.is_authenticated:
            return self.none()
        if user.sees_everything:
            return self.all()
        return self.within(*user.scope_roots)

    def valid_on(self, day: datetime.date):
        return self.valid_between(day, day)

    def valid_between(self, first: datetime.date, last: datetime.date):
        """Units that existed on at least one day from `first` to `last`."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=last)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=first)
        )

    def valid_in(self, year: int):
        """Units that existed on at least one day of `year`: a legacy commune counts in 2025, so does its successor."""
        return self.valid_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def search(self, text: str):
        """Accent- and case-insensitive: "truong ha" finds "Trường Hà"."""
        queryset = self
        for word in fold(clean_name(text)).split():  # typed text may carry NUL, which PostgreSQL refuses
            queryset = queryset.filter(search_name__contains=word)
        return queryset


class UnitOwnedQuerySet(models.QuerySet):
    """Records owned by a unit: visible when the unit is in the user's subtree."""

    def visible_to(self, user):
        return self.filter(unit__in=Unit.objects.visible_to(user))

    def within(self, *units):
        return self.filter(unit__in=Unit.objects.within(*units))


class Unit(CleanNames, models.Model):
    """One version of a territory (tỉnh, huyện, xã, thôn) or organisation (sở, ban, DN, HTX)."""

    clean_name_fields = ("name", "short_name", "division_type")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind)
    division_type = models.CharField(_("type"), max_length=40, help_text=_("Xã, Phường, Thôn, Sở…"))
    name = models.CharField(_("name"), max_length=200, help_text=_("Full name, e.g. Xã Trường Hà"))
    short_name = models.CharField(_("short name"), max_length=200, blank=True)
    # Lower-case, unaccented copy of the name for accent-insensitive search on any database.
    search_name = models.CharField(max_length=400, editable=False, db_index=True)
    code_scheme = models.CharField(_("code scheme"), max_length=10, choices=CodeScheme, default=CodeScheme.LOCAL)
    code = models.CharField(_("official code"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent"),
    )
    # "/<root pk>/<child pk>/…/": subtree queries become one indexed prefix match.
    path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=0)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    is_mountainous = models.BooleanField(_("mountainous"), default=False)
    is_ethnic_minority_area = models.BooleanField(_("ethnic-minority area"), default=False)
    is_border = models.BooleanField(_("border"), default=False)
    is_especially_difficult = models.BooleanField(_("especially difficult"), default=False)
    ntm_region = models.CharField(_("NTM region"), max_length=10, choices=NtmRegion, blank=True)

    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    # Derived columns stay out: the second save that sets the path is then no change.
    history = HistoricalRecords(excluded_fields=["path", "depth", "search_name", "created_at"])
    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["code_scheme", "kind", "code"],
                condition=~Q(code=""),
                name="unit_code_unique_within_scheme",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_validity_is_ordered",
            ),
        ]
        # varchar_pattern_ops lets PostgreSQL answer `path LIKE '/26/%'` from the index under any collation;
        # other databases ignore the operator class.
        indexes = [
            models.Index(
                fields=["kind", "path"],
                name="unit_kind_path_prefix",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.clean_names()  # before the search name is derived from the name
        self.search_name = fold(self.name)
        if not self.short_name:
            self.short_name = self.name
        super().save(*args, **kwargs)
        path = f"{self.parent.path if self.parent else '/'}{self.pk}/"
        if path != self.path:
            self.path = path
            self.depth = path.count("/") - 2
            type(self).objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)

    def ancestors(self):
        """Root first, self excluded: the breadcrumb, in one query."""
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        by_id = {unit.pk: unit for unit in Unit.objects.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def is_within(self, other: "Unit") -> bool:
        return self.path.startswith(other.path)

    def is_valid_on(self, day: datetime.date) -> bool:
        return self.is_valid_between(day, day)

    def is_valid_between(self, first: datetime.date, last: datetime.date) -> bool:
        """In Python what UnitQuerySet.valid_between says in SQL, for units already loaded."""
        return (self.valid_from is None or self.valid_from <= last) and (
            self.valid_to is None or self.valid_to >= first
        )

    def is_valid_in(self, year: int) -> bool:
        return self.is_valid_between(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    @property
    def is_historical(self) -> bool:
        return self.valid_to is not None and self.valid_to < datetime.date.today()

    @property
    def is_territory(self) -> bool:
        from units.hierarchy import TERRITORIES  # the hierarchy module imports this one

        return self.kind in TERRITORIES


class Lineage(models.Model):
    """A predecessor → successor edge (merge or split), e.g. Xã Sóc Hà → Xã Trường Hà on 01/07/2025."""

    predecessor = models.ForeignKey(Unit, models.CASCADE, related_name="successor_links")
    successor = models.ForeignKey(Unit, models.CASCADE, related_name="predecessor_links")
    effective_date = models.DateField(_("effective date"), default=REFORM_DATE)
    # A split unit has several successors; its records roll up to the default one.
    is_default = models.BooleanField(_("default successor"), default=True)
    legal_basis = models.CharField(_("legal basis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("lineage edge")
        verbose_name_plural = _("lineage")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="lineage_edge_unique"),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")),
                name="lineage_not_to_self",
            ),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class Role(models.TextChoices):
    COMMUNE_OFFICER = "commune_officer", _("Commune officer")
    HOME_AFFAIRS = "home_affairs", _("Home Affairs reviewer")
    COUNCIL_MEMBER = "council_member", _("Council member")
    LEADER = "leader", _("Leader")
    PROVINCE_STAFF = "province_staff", _("Province staff")
    AGENCY_OFFICER = "agency_officer", _("Agency officer")
    # Manages the user accounts of its unit's subtree (units/people.py), nothing more.
    ACCOUNT_ADMIN = "account_admin", _("Account administrator")
    ADMINISTRATOR = "administrator", _("Administrator")


class User(CleanNames, AbstractUser):
    """A person; what they may see and do comes from their memberships."""

    clean_name_fields = ("full_name", "position", "first_name", "last_name")

    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.username

    @cached_property
    def active_memberships(self) -> list["Membership"]:
        return list(self.memberships.select_related("unit").order_by("pk"))

    @property
    def sees_everything(self) -> bool:
        return self.is_superuser or any(m.role == Role.ADMINISTRATOR for m in self.active_memberships)

    @cached_property
    def scope(self) -> list[tuple[Unit, "Membership"]]:
        """(root unit, membership it comes from): each membership unit and, recursively, its predecessors.

        The officer of a commune formed in 07/2025 reads the history of the communes it was
        formed from; the province that absorbed another reads that province's past.
        """
        from units.hierarchy import predecessors_by_unit  # the hierarchy module imports this one

        memberships = self.active_memberships
        earlier = predecessors_by_unit(m.unit for m in memberships)
        pairs = [(m.unit, m) for m in memberships]
        return pairs + [(unit, m) for m in memberships for unit in earlier.get(m.unit_id, [])]

    @property
    def scope_roots(self) -> list[Unit]:
        return list({unit.pk: unit for unit, _membership in self.scope}.values())

    def sees(self, unit: Unit) -> bool:
        """In Python what Unit.objects.visible_to says in SQL, for a unit already loaded."""
        return self.sees_everything or any(unit.is_within(root) for root in self.scope_roots)

    def roles(self) -> set[str]:
        return {m.role for m in self.active_memberships}

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or bool(self.roles() & set(roles))

    def units_with_role(self, *roles: str) -> list[Unit]:
        return [m.unit for m in self.active_memberships if m.role in roles]

    def has_role_over(self, unit: Unit, *roles: str) -> bool:
        """Holds one of `roles` at `unit`, above it, or above one of its successors."""
        if self.sees_everything:
            return True
        return any(m.role in roles and unit.is_within(root) for root, m in self.scope)

    @property
    def primary_membership(self) -> "Membership | None":
        return self.active_memberships[0] if self.active_memberships else None


class Membership(models.Model):
    """A user holds `role` in `unit` (and so may see the unit's subtree)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships")
    unit = models.ForeignKey(Unit, models.PROTECT, related_name="memberships", verbose_name=_("unit"))
    role = models.CharField(_("role"), max_length=20, choices=Role)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


# Registered with this app; it lives in its own package (units/notifications/) with its service and views.
from units.notifications.models import Notification, NotificationKind  # noqa: E402, F401
