"""Shared pieces of the security tests: the demo data once per package, every URL the resolver knows, and
for each URL a way to find an object of ANOTHER unit than the user's.

config/tests/conftest.py imports the fixtures, so that "package" scope is this package: `load_demo` runs
once for config/tests, inside a transaction rolled back when the package ends, and each test runs in a
savepoint inside it (pytest-django's "Populate the test database", without committing the demo into the
test database that the other apps' tests share).
"""

import datetime
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter
from openpyxl import load_workbook

from awards.models import (
    AgendaItem,
    Award,
    AwardForm,
    BaseSalary,
    CouncilSession,
    Decision,
    DossierFile,
    GrantRule,
    LegalRegime,
    Nomination,
    NominationComment,
    NominationType,
    Nominee,
    NomineeKind,
    Round,
)
from campaigns.criteria.services import make_province_version
from campaigns.models import (
    Assessment,
    AssessmentComment,
    Campaign,
    EmulationSubject,
    Evidence,
    ExemplaryModel,
    Milestone,
    OcopProduct,
    OcopRating,
    Plan,
    PlanAttachment,
    PlanBasis,
    PlanSection,
    Recognition,
    ResourceContribution,
    Target,
)
from campaigns.models.completion import CompletionCondition
from campaigns.models.criteria import CriteriaSet, Criterion, GroupThreshold, Indicator
from reports.models import Report
from units.demo import LEGACY, Y2025, demo_unit
from units.models import Kind, Membership, Unit, User
from units.notifications.models import Notification, NotificationKind
from units.notifications.services import notify

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# A Windows executable starts with "MZ": what an .exe renamed .pdf or .xlsx looks like inside.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200

# Regions as the demo units that root them (legacy and 2025 versions of the same territory).
CAO_BANG = [(LEGACY, "04"), (Y2025, "04")]
QUANG_TRI = [(LEGACY, "45"), (LEGACY, "44"), (Y2025, "44")]
TRUONG_HA = [(LEGACY, "01399")]
NGOC_DAO = [(LEGACY, "01438")]

# Each demo role and the regions whose data it must never reach, nearest first: a URL takes its object from
# the first region that has one (the neighbouring commune has no plan, so a commune officer gets Quảng Trị's).
OTHER_REGIONS = {
    "tinh.caobang": [QUANG_TRI],
    "noivu.haquang": [QUANG_TRI],
    "lanhdao.haquang": [QUANG_TRI],
    "bandantoc.caobang": [QUANG_TRI],
    "xa.truongha": [NGOC_DAO, QUANG_TRI],
    "xa.ngocdao": [TRUONG_HA, QUANG_TRI],
    "tinh.quangtri": [CAO_BANG],
}
SUPERUSER = "admin"

# Open to anyone by design; the matrix only checks that they never fail.
PUBLIC = {
    "login": "the sign-in page itself",
    "logout": "ends the session; shows nothing",
    "healthz": "the load balancer's probe; says only that the app is up",
    "set_language": "stores the chosen language in the session",
    "admin:login": "the admin sign-in page",
    "admin:logout": "ends the session; shows nothing",
    "awards:verify": "the certificate's QR code leads here; keyed by an unguessable token, shows one award",
    "awards:award-qr": "the QR code image of that verification link",
    "public:board": "the public NTM board: only what provinces published",
    "public:province": "a province on the public board: only its published years",
    "public:commune": "a commune on the public board: 404 unless a year with it was published",
    "postings:list": "nominations posted publicly for comment by their reviewing body",
    "postings:detail": "one posted nomination and the comment form; comments are not shown",
    "password_reset_confirm": "the set-password link an administrator gives; keyed by a one-use token",
    "password_reset_complete": "says that the password is set; shows nothing else",
}

# Objects that belong to no unit (the national movement): readable by everyone, so the page is checked
# like a list, for other units' names.
SHARED = {
    "campaigns:detail",
    # A programme's completion conditions (Phụ lục III) are national data: read by all, written by administrators.
    "campaigns:completion",
    "campaigns:completion-create",
    "campaigns:completion-edit",
    "campaigns:completion-delete",
    # The award catalogue (forms, grant rules, base salary) is national reference data, written by administrators.
    "awards:catalogue-form-edit",
    "awards:catalogue-rule-create",
    "awards:catalogue-rule-edit",
    "awards:catalogue-salary-edit",
    # Campaigns themselves: national data, written by national administrators.
    "campaigns:campaign-edit",
}


# ---------------------------------------------------------------------------------------------------------
# Every URL of the resolver


@dataclass(frozen=True)
class Route:
    """One URL pattern, with its full route, namespaced name and parameters."""

    route: str
    name: str | None
    params: tuple[str, ...]  # named groups and converters, in order
    positional: int  # unnamed regex groups (simple_history's admin URLs)
    int_params: tuple[str, ...] = ()  # the parameters an <int:…> converter reads

    @property
    def id(self) -> str:
        return self.name or self.route

    @property
    def is_admin(self) -> bool:
        return self.route.startswith("admin/")

    @property
    def is_public(self) -> bool:
        return self.name in PUBLIC

    @property
    def takes_object(self) -> bool:
        return bool(self.params or self.positional) and self.name not in SHARED


def walk_routes() -> list[Route]:
    """Every URL pattern of the project, walked from django.urls.get_resolver()."""
    return list(_walk(get_resolver(), "", None, (), ()))


def _walk(resolver: URLResolver, prefix: str, namespace, params: tuple, ints: tuple) -> Iterator[Route]:
    for entry in resolver.url_patterns:
        regex = entry.pattern.regex
        named = tuple(regex.groupindex)
        converters = getattr(entry.pattern, "converters", {})
        more_ints = ints + tuple(name for name, converter in converters.items() if isinstance(converter, IntConverter))
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner, params + named, more_ints)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            yield Route(prefix + str(entry.pattern), name, params + named, regex.groups - len(named), more_ints)


def build_path(route: Route, kwargs: dict, args: tuple = ()) -> str:
    """The URL of a route: reversed by name, or written out for the few unnamed admin patterns."""
    if route.name:
        return reverse(route.name, args=args) if args else reverse(route.name, kwargs=kwargs)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(kwargs[m.group(1)]), route.route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(kwargs[m.group(1)]), path)
    return "/" + path.replace("^", "").replace("$", "")


# ---------------------------------------------------------------------------------------------------------
# An object of another unit, for every URL that takes one

Finder = Callable[[list[Unit]], dict | None]


def _under(roots: list[Unit]):
    return Unit.objects.within(*roots)


def owned(model, unit_field: str) -> Finder:
    """The first `model` row whose `unit_field` lies under the roots."""

    def find(roots):
        row = model.objects.filter(**{f"{unit_field}__in": _under(roots)}).order_by("pk").first()
        return row and {"pk": row.pk}

    return find


def unit_of_kind(*kinds, key: str = "pk", year: int | None = None) -> Finder:
    """The first unit of the given kinds under the roots (the first kind found wins)."""

    def find(roots):
        for kind in kinds:
            unit = _under(roots).filter(kind=kind).order_by("pk").first()
            if unit:
                return {key: unit.pk} | ({"year": year} if year else {})
        return None

    return find


def nomination(roots) -> dict | None:
    """Proposed in the roots and waiting there (or nowhere): nothing of it belongs to the user's side."""
    under = _under(roots)
    row = (
        Nomination.objects.filter(proposing_unit__in=under)
        .filter(Q(reviewer_unit__isnull=True) | Q(reviewer_unit__in=under))
        .order_by("pk")
        .first()
    )
    return row and {"pk": row.pk}


def nomination_comment(roots) -> dict | None:
    """A comment on a nomination that nomination() would find: proposed and waiting in the roots."""
    under = _under(roots)
    row = (
        NominationComment.objects.filter(nomination__proposing_unit__in=under)
        .filter(Q(nomination__reviewer_unit__isnull=True) | Q(nomination__reviewer_unit__in=under))
        .order_by("pk")
        .first()
    )
    return row and {"pk": row.pk}


def assessment_year(roots) -> dict | None:
    row = Assessment.objects.filter(unit__in=_under(roots)).order_by("-year", "pk").first()
    return row and {"unit_pk": row.unit_id, "year": row.year}


def agenda_item(roots) -> dict | None:
    row = AgendaItem.objects.filter(session__council_unit__in=_under(roots)).order_by("pk").first()
    return row and {"pk": row.session_id, "item": row.pk}


def decision(roots) -> dict | None:
    """Issued in the roots, granting nothing to anyone outside them."""
    under = _under(roots)
    row = (
        Decision.objects.filter(issuing_unit__in=under)
        .exclude(awards__nominee__unit__in=Unit.objects.exclude(pk__in=under))
        .order_by("pk")
        .first()
    )
    return row and {"pk": row.pk}


def campaign(roots) -> dict:
    """The national movement: it belongs to no unit (a SHARED page)."""
    return {"pk": Campaign.objects.order_by("pk").first().pk}


def first_row(model) -> Finder:
    """National reference data: the first row, which belongs to no unit (a SHARED page)."""
    return lambda roots: {"pk": model.objects.order_by("pk").first().pk}


def completion_condition(roots) -> dict:
    """A condition of a national programme: it belongs to no unit (a SHARED page)."""
    return {"pk": CompletionCondition.objects.order_by("pk").first().pk}


def person(roots) -> dict | None:
    """An account all of whose memberships lie under the roots."""
    under = _under(roots)
    row = (
        User.objects.filter(memberships__unit__in=under)
        .exclude(memberships__unit__in=Unit.objects.exclude(pk__in=under))
        .order_by("pk")
        .first()
    )
    return row and {"pk": row.pk}


def membership(roots) -> dict | None:
    found = person(roots)
    return found and {"pk": Membership.objects.filter(user=found["pk"]).order_by("pk").first().pk}


UNIT = unit_of_kind(Kind.COMMUNE, Kind.DISTRICT, Kind.PROVINCE)
PROVINCE = unit_of_kind(Kind.PROVINCE)
CRITERIA_SET = owned(CriteriaSet, "issuing_unit")
CRITERION = owned(Criterion, "criteria_set__issuing_unit")
INDICATOR = owned(Indicator, "criterion__criteria_set__issuing_unit")
GROUP_THRESHOLD = owned(GroupThreshold, "indicator__criterion__criteria_set__issuing_unit")
PARENT = unit_of_kind(Kind.COMMUNE, Kind.DISTRICT, Kind.PROVINCE, key="parent_pk")
PLAN = owned(Plan, "issuing_unit")
DASHBOARD = unit_of_kind(Kind.DISTRICT, Kind.PROVINCE, key="unit_pk", year=2024)
SESSION = owned(CouncilSession, "council_unit")
REPORT = owned(Report, "unit")
# A notification of someone who holds a role under the roots (the inbox is each person's own).
NOTIFICATION = owned(Notification, "recipient__memberships__unit")

# URL name → how to find an object of another unit for it. A URL with parameters that is missing here makes
# the matrix fail with "add a resolver for <name>": a new URL cannot escape the matrix silently.
FINDERS: dict[str, Finder] = {
    "units:detail": UNIT,
    "units:edit": UNIT,
    "units:create": PARENT,
    "units:import": PARENT,
    "people:edit": person,
    "people:membership-add": person,
    "people:membership-remove": membership,
    "people:deactivate": person,
    "people:activate": person,
    "people:password-link": person,
    "people:unlock": person,
    "campaigns:detail": campaign,
    "campaigns:campaign-edit": campaign,
    "campaigns:plan": PLAN,
    "campaigns:plan-edit": PLAN,
    "campaigns:plan-amend": PLAN,
    "campaigns:plan-history": PLAN,
    "campaigns:target-create": PLAN,
    "campaigns:target-edit": owned(Target, "plan__issuing_unit"),
    "campaigns:target-delete": owned(Target, "plan__issuing_unit"),
    "campaigns:target-allocate": owned(Target, "plan__issuing_unit"),
    "campaigns:milestone-create": PLAN,
    "campaigns:milestone-edit": owned(Milestone, "plan__issuing_unit"),
    "campaigns:milestone-done": owned(Milestone, "plan__issuing_unit"),
    "campaigns:section-create": PLAN,
    "campaigns:section-edit": owned(PlanSection, "plan__issuing_unit"),
    "campaigns:attachment-upload": PLAN,
    "campaigns:attachment": owned(PlanAttachment, "plan__issuing_unit"),
    "campaigns:basis-create": PLAN,
    "campaigns:basis-edit": owned(PlanBasis, "plan__issuing_unit"),
    "campaigns:basis-delete": owned(PlanBasis, "plan__issuing_unit"),
    "campaigns:subject-create": PLAN,
    "campaigns:subject-edit": owned(EmulationSubject, "plan__issuing_unit"),
    "campaigns:subject-delete": owned(EmulationSubject, "plan__issuing_unit"),
    "campaigns:target-data": owned(Target, "plan__issuing_unit"),
    "progress:my-year": assessment_year,
    "progress:review": owned(Assessment, "unit"),
    "progress:approve": owned(Assessment, "unit"),
    "progress:return": owned(Assessment, "unit"),
    "progress:history": owned(Assessment, "unit"),
    "progress:comment": owned(Assessment, "unit"),
    "progress:comment-file": owned(AssessmentComment, "assessment__unit"),
    "progress:evidence": owned(Evidence, "assessment__unit"),
    "progress:evidence-delete": owned(Evidence, "assessment__unit"),
    "dashboards:overview": unit_of_kind(Kind.DISTRICT, Kind.PROVINCE, key="unit_pk"),
    "dashboards:status": DASHBOARD,
    "dashboards:remind": DASHBOARD,
    "dashboards:matrix": DASHBOARD,
    "dashboards:matrix-xlsx": DASHBOARD,
    "dashboards:template": DASHBOARD,
    "dashboards:upload": DASHBOARD,
    "records:unit": UNIT,
    "records:history": UNIT,
    "records:recognitions": UNIT,
    "records:recognition-create": UNIT,
    "records:recognition-edit": owned(Recognition, "unit"),
    "records:villages": UNIT,
    "records:ocop": UNIT,
    "records:ocop-create": UNIT,
    "records:ocop-edit": owned(OcopProduct, "unit"),
    "records:rating-create": owned(OcopProduct, "unit"),
    "records:rating-edit": owned(OcopRating, "product__unit"),
    "records:rating-delete": owned(OcopRating, "product__unit"),
    "records:resources": UNIT,
    "records:resource-create": UNIT,
    "records:resource-edit": owned(ResourceContribution, "unit"),
    "records:models": UNIT,
    "records:model-create": UNIT,
    "records:model-edit": owned(ExemplaryModel, "unit"),
    "records:model-delete": owned(ExemplaryModel, "unit"),
    "records:figures": UNIT,
    "awards:plan-forms": PLAN,
    "awards:detail": nomination,
    "awards:comment": nomination,
    "awards:comment-file": nomination_comment,
    "awards:edit": nomination,
    "awards:upload": nomination,
    "awards:file": owned(DossierFile, "nomination__proposing_unit"),
    "awards:submit": nomination,
    "awards:close-dissolved": nomination,
    "awards:appraise": nomination,
    "awards:start-appraisal": nomination,
    "awards:return": nomination,
    "awards:reject": nomination,
    "awards:put-on-agenda": nomination,
    "awards:forward": nomination,
    "awards:open-posting": nomination,
    "awards:session": SESSION,
    "awards:agenda-add": SESSION,
    "awards:record-votes": agenda_item,
    "awards:session-close": SESSION,
    "awards:decision": decision,
    "awards:catalogue-form-edit": first_row(AwardForm),
    "awards:catalogue-rule-create": first_row(AwardForm),
    "awards:catalogue-rule-edit": first_row(GrantRule),
    "awards:catalogue-salary-edit": first_row(BaseSalary),
    "campaigns:completion": campaign,
    "campaigns:completion-create": campaign,
    "campaigns:completion-edit": completion_condition,
    "campaigns:completion-delete": completion_condition,
    "criteria:set": CRITERIA_SET,
    "criteria:province-version": CRITERIA_SET,
    "criteria:criterion-create": CRITERIA_SET,
    "criteria:set-download": CRITERIA_SET,
    "criteria:set-upload": CRITERIA_SET,
    "criteria:criterion-edit": CRITERION,
    "criteria:indicator-create": CRITERION,
    "criteria:indicator-edit": INDICATOR,
    "criteria:thresholds": INDICATOR,
    "criteria:threshold-edit": GROUP_THRESHOLD,
    "criteria:threshold-delete": GROUP_THRESHOLD,
    "criteria:groups": PROVINCE,
    "criteria:group-set": PROVINCE,
    "criteria:groups-download": PROVINCE,
    "criteria:groups-upload": PROVINCE,
    "reports:detail": REPORT,
    "reports:status": REPORT,
    "reports:download": REPORT,
    "reports:regenerate": REPORT,
    "reports:xlsx": REPORT,
    "reports:print-decision": decision,
    "reports:print-certificates": decision,
    "reports:print-minutes": SESSION,
    "notifications:open": NOTIFICATION,
    "notifications:read": NOTIFICATION,
}


class MissingResolver(Exception):
    pass


def object_kwargs(route: Route, regions: list[list[Unit]]) -> dict:
    """Parameters naming an object of the first region that has one; fails loudly for an unknown URL."""
    finder = FINDERS.get(route.name)
    if finder is None:
        raise MissingResolver(
            f"add a resolver for {route.id} (parameters {', '.join(route.params)}) to FINDERS in "
            "config/tests/security_helpers.py: a function that finds an object of another unit"
        )
    for roots in regions:
        if found := finder(roots):
            return found
    raise MissingResolver(f"no object of another unit for {route.id}: add one in add_foreign_objects()")


def admin_arguments(route: Route) -> tuple[dict, tuple]:
    """Parameters of a Django admin URL: the first row of the model the URL is about (else a unit)."""
    model = Unit
    if match := re.match(r"admin/(\w+)/(\w+)/", route.route):
        try:
            model = apps.get_model(match.group(1), match.group(2))
        except LookupError:
            model = Unit
    row = model.objects.order_by("pk").first()
    values = {
        "object_id": row.pk if row else 0,
        "content_type_id": ContentType.objects.get_for_model(model).pk,
        "app_label": "units",
        "id": User.objects.order_by("pk").first().pk,
        "url": "no-such-page/",
    }
    unknown = [param for param in route.params if param not in values]
    if unknown:
        raise MissingResolver(f"add a resolver for {', '.join(unknown)} (admin URL {route.id}) in admin_arguments()")
    args = ()
    if route.positional:  # simple_history: /<object>/history/<history row>/
        history = model.history.order_by("pk").first() if hasattr(model, "history") else None
        args = (history.id, history.history_id) if history else (0, 0)
    return {param: values[param] for param in route.params}, args


# ---------------------------------------------------------------------------------------------------------
# The demo world


@dataclass
class World:
    media: Path
    users: dict[str, User]
    regions: dict[str, list[list[Unit]]]  # username → other regions' roots, nearest first
    foreign_names: dict[str, set[str]]  # username → names of other units' communes and villages


def roots_of(region) -> list[Unit]:
    return [demo_unit(ref) for ref in region]


# Kinds whose names are data of their unit (a commune's villages, its cooperatives and enterprises).
NAMED_KINDS = [Kind.COMMUNE, Kind.VILLAGE, Kind.AGENCY, Kind.ENTERPRISE, Kind.COOPERATIVE, Kind.ORGANISATION]


def names_under(roots: list[Unit]) -> set[str]:
    return {unit.short_name or unit.name for unit in _under(roots).filter(kind__in=NAMED_KINDS)}


def foreign_names_for(user: User, regions: list[list[Unit]]) -> set[str]:
    """Names of the other regions' communes, villages and organisations that the user may not read.

    Left out: names of units the user sees, of their ancestors, and of the communes beside the user's own
    commune: the district plan a commune implements lists every commune of the district (its coverage).
    """
    own = {unit.short_name or unit.name for unit in Unit.objects.visible_to(user)}
    ancestors = {ancestor for root in user.scope_roots for ancestor in root.ancestors()}
    own |= {unit.short_name or unit.name for unit in ancestors}
    siblings = Unit.objects.filter(parent__in=ancestors, kind__in=[Kind.COMMUNE, Kind.DISTRICT])
    own |= {unit.short_name or unit.name for unit in siblings}
    return {name for roots in regions for name in names_under(roots)} - own


def build_world(media) -> World:
    add_foreign_objects()
    users = {user.username: user for user in User.objects.filter(username__in=[*OTHER_REGIONS, SUPERUSER])}
    regions = {username: [roots_of(region) for region in others] for username, others in OTHER_REGIONS.items()}
    names = {username: foreign_names_for(users[username], regions[username]) for username in OTHER_REGIONS}
    regions[SUPERUSER] = [roots_of(QUANG_TRI)]
    return World(media=media, users=users, regions=regions, foreign_names=names)


def add_foreign_objects() -> None:
    """What the demo lacks in some region: files, evidence, reports, and Quảng Trị's awards.

    Every URL of the matrix then finds an object in the other region of every role.
    """
    admin = User.objects.get(username=SUPERUSER)
    for ref in [*TRUONG_HA, *NGOC_DAO, (LEGACY, "19441")]:
        assessment = Assessment.objects.filter(unit=demo_unit(ref)).order_by("-year").first()
        evidence = Evidence(assessment=assessment, title="Biên bản kiểm tra", uploaded_by=admin)
        evidence.file.save("bien-ban.pdf", ContentFile(PDF), save=True)
        comment = AssessmentComment(assessment=assessment, unit=assessment.unit, text="Bổ sung biên bản", author=admin)
        comment.attachment.save("bo-sung.pdf", ContentFile(PDF), save=True)
    for region in (CAO_BANG, QUANG_TRI):
        plan = Plan.objects.filter(issuing_unit__in=_under(roots_of(region))).order_by("pk").first()
        attachment = PlanAttachment(plan=plan, title="Bản ký", uploaded_by=admin)
        attachment.file.save("ke-hoach.pdf", ContentFile(PDF), save=True)
        # The demo plans of some regions name no emulation subject (their texts have none).
        EmulationSubject.objects.create(plan=plan, kind=EmulationSubject.Kind.values[0], criteria="Tiêu chí thi đua")
        province = demo_unit(region[-1])
        report = Report(kind=Report.Kind.ANNUAL, unit=province, year=2024, status=Report.Status.DONE, progress=100)
        report.file.save("bao-cao.pdf", ContentFile(PDF), save=True)
        _add_province_criteria(province)
    if not CompletionCondition.objects.exists():
        CompletionCondition.objects.create(
            campaign=Campaign.objects.order_by("-start_year").first(),
            label="Tỷ lệ xã đạt chuẩn",
            level="xa_ntm",
            threshold=50,
        )
    _add_quang_tri_awards(admin)
    for user in User.objects.filter(username__in=OTHER_REGIONS):
        notify(recipients=[user], kind=NotificationKind.REMINDER, subject=f"Nhắc {user.username}", url="/progress/")
    for region in (CAO_BANG, QUANG_TRI):
        under = _under(roots_of(region))
        nomination = (
            Nomination.objects.filter(proposing_unit__in=under)
            .filter(Q(reviewer_unit__isnull=True) | Q(reviewer_unit__in=under))
            .order_by("pk")
            .first()
        )
        comment = NominationComment(
            nomination=nomination, unit=nomination.proposing_unit, text="Tờ trình", author=admin
        )
        comment.attachment.save("to-trinh.pdf", ContentFile(PDF), save=True)


def _add_province_criteria(province: Unit) -> None:
    """A province's own version of the 2026-2030 set, with an indicator and a group threshold."""
    national = CriteriaSet.objects.get(code="qd51-2025-xa-2026")
    version = make_province_version(national, province=province)
    criterion = version.criteria.order_by("number").first()
    indicator = Indicator.objects.create(criterion=criterion, code=f"{criterion.number}.1", name="Chỉ tiêu thử")
    GroupThreshold.objects.create(indicator=indicator, commune_group=1, from_year=2026, value=1)


def _add_quang_tri_awards(admin: User) -> None:
    """The awards demo lives in Cao Bằng: a nomination, a council session and a decision in Quảng Trị."""
    commune, district, province = (demo_unit(ref) for ref in [(LEGACY, "19441"), (LEGACY, "465"), (Y2025, "44")])
    award_form = AwardForm.objects.order_by("pk").first()
    nominee = Nominee.objects.create(kind=NomineeKind.COLLECTIVE, unit=commune, name=commune.name)
    nomination = Nomination.objects.create(
        nominee=nominee,
        award_form=award_form,
        campaign=Campaign.objects.order_by("pk").first(),
        type=NominationType.MERIT,
        round=Round.ANNUAL,
        round_year=2024,
        achievements="Hoàn thành xuất sắc nhiệm vụ xây dựng nông thôn mới.",
        proposing_unit=commune,
        submission_date=datetime.date(2024, 12, 1),
        legal_regime=LegalRegime.DECREE_98,
        status=Nomination.Status.COUNCIL,
        reviewer_unit=district,
        created_by=admin,
    )
    dossier = DossierFile(nomination=nomination, part="submission", title="Tờ trình", uploaded_by=admin)
    dossier.file.save("to-trinh.pdf", ContentFile(PDF), save=True)
    session = CouncilSession.objects.create(
        council_unit=district, title="Hội đồng TĐKT", date=datetime.date(2024, 12, 20)
    )
    AgendaItem.objects.create(session=session, nomination=nomination, order=1)
    issued = Decision.objects.create(
        issuing_unit=province,
        issuer_name="UBND tỉnh Quảng Trị",
        year=2024,
        number=1,
        date=datetime.date(2024, 12, 30),
        award_form=award_form,
        legal_regime=LegalRegime.DECREE_98,
        signer_name="Lê Văn Ký",
        signer_title="Chủ tịch",
    )
    Award.objects.create(decision=issued, nominee=nominee, award_form=award_form, round_year=2024)


@pytest.fixture(scope="package")
def security_demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[World]:
    """load_demo plus add_foreign_objects, once for the package, rolled back at its end."""
    media = tmp_path_factory.mktemp("security-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        call_command("load_demo", verbosity=0)
        world = build_world(media)
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def demo(security_demo, db, settings) -> World:
    """The demo world inside the test's savepoint, with MEDIA_ROOT where its files are."""
    settings.MEDIA_ROOT = security_demo.media
    return security_demo


def filled_assessment_template(content: bytes) -> bytes:
    """A district's assessment template (dashboards:template) with every criterion of every row marked 1."""
    book = load_workbook(io.BytesIO(content))
    sheet = book.worksheets[0]
    # The header row is the one whose third cell names a criterion ("1. Quy hoạch").
    header = next(row for row in range(1, 10) if ". " in str(sheet.cell(row, 3).value or ""))
    for row in range(header + 1, sheet.max_row + 1):
        for column in range(3, sheet.max_column):  # the last column is the note
            sheet.cell(row, column).value = 1
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------------------
# Forms on a page, for the fuzz tests


@dataclass
class FormField:
    name: str
    tag: str  # input, select, textarea
    type: str = ""  # input type
    value: str = ""
    options: list[str] = field(default_factory=list)
    multiple: bool = False


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.current: dict | None = None
        self.select: FormField | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.current = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action"),
                "fields": [],
            }
            self.forms.append(self.current)
        elif self.current is None or "name" not in attrs and tag != "option":
            return
        elif tag in ("input", "textarea"):
            kind = (attrs.get("type") or "text").lower() if tag == "input" else "textarea"
            checked = "checked" in attrs
            value = attrs.get("value") or ""
            if kind in ("checkbox", "radio") and not checked:
                value = ""
            options = [attrs.get("value") or "on"] if kind in ("checkbox", "radio") else []
            self.current["fields"].append(FormField(attrs["name"], tag, kind, value, options))
        elif tag == "select":
            self.select = FormField(attrs["name"], tag, "select", multiple="multiple" in attrs)
            self.current["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.select.options.append(attrs.get("value", ""))
            if "selected" in attrs:
                self.select.value = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "form":
            self.current = None


def post_form_fields(html: str, action: str | None = None) -> list[FormField]:
    """The fields of the page's main POST form (the one posting to `action`, else the one with most fields)."""
    parser = _FormParser()
    parser.feed(html)
    forms = [form for form in parser.forms if form["method"] == "post"]
    if action is not None:
        forms = [form for form in forms if form["action"] in ("", None, action)] or forms
    if not forms:
        raise AssertionError("the page has no POST form")
    fields = max(forms, key=lambda form: len(form["fields"]))["fields"]
    merged: dict[str, FormField] = {}
    for item in fields:  # radio buttons and checkbox groups share a name: one field with every value
        if item.name in merged and item.type in ("radio", "checkbox"):
            merged[item.name].options += item.options
            merged[item.name].value = merged[item.name].value or item.value
            merged[item.name].multiple = item.type == "checkbox"
        else:
            merged[item.name] = item
    return [item for name, item in merged.items() if name != "csrfmiddlewaretoken"]
