"""The pages the benchmark measures, each with its user, its raw-SQL floor and a small twin for the query count.

The units are picked from the data: the legacy province with the most communes, the district whose
nomination queue is longest, the province plan with the most targets; after the 2025 reform, the province
with the most communes (its dashboard and a commune's 2026 year) and the province whose Sở Nội vụ has the
most open nominations. The small twin is the same page for the smallest such unit: its query count must
equal the big one's ("whatever the data size").
The SQL floors are the page's main aggregates written by hand: what the database must do at least.

Setup writes only what a page needs and the generated data lacks, idempotently: the bench users, and for the
2026 year page a province's own version of the QĐ 51/2025 set with 47 bench indicators, the commune's group
and its started draft (see post_reform.py).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse

from awards.models import Nomination
from campaigns.demo.national_data.base import LEGACY_YEARS
from campaigns.models import Assessment, Plan
from units.models import CodeScheme, Kind, Membership, Role, Unit, User

YEAR = 2024  # the last legacy year: every legacy commune has an assessment of it
OPEN = ["submitted", "appraisal", "council", "approved"]
COUNTED = ("submitted", "approved")


@dataclass
class Page:
    key: str
    label: str
    url: str
    user: User
    sql: list[tuple[str, list]]  # the floor: statements run with cursor.execute, their times added
    small_url: str = ""
    small_user: User | None = None
    notes: list[str] = field(default_factory=list)


def bench_user(name: str, unit: Unit, role: str) -> User:
    """A user holding exactly `role` at `unit` (created once, reused by later runs)."""
    user, created = User.objects.get_or_create(username=f"bench.{name}", defaults={"full_name": f"Bench {name}"})
    if created:  # the harness logs in with force_login: no password to guess
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.filter(user=user).exclude(unit=unit, role=role).delete()
    Membership.objects.get_or_create(user=user, unit=unit, role=role)
    return User.objects.get(pk=user.pk)  # fresh: no cached memberships


def provinces_by_size(scheme: str = CodeScheme.LEGACY) -> list[Unit]:
    """The provinces of `scheme` (legacy by default), fewest communes first."""
    provinces = Unit.objects.filter(code_scheme=scheme, kind=Kind.PROVINCE)
    return sorted(provinces, key=lambda province: (count_communes(province), province.code))


def pages() -> list[Page]:
    return [build() for _key, build in builders()]


def builders() -> list[tuple[str, Callable[[], Page]]]:
    """(key, a function building the page and its setup): a page that fails to build elsewhere (the baseline's
    older code) is reported alone instead of stopping the run."""
    from bench import post_reform

    def legacy(page):
        def build():
            provinces = provinces_by_size()
            return page(provinces[-1], provinces[0])

        return build

    return [
        ("overview", legacy(overview)),
        ("matrix", legacy(matrix)),
        ("queue", queue),
        ("plan", plan),
        ("my-year", legacy(my_year)),
        *post_reform.builders(),
    ]


def overview(big: Unit, small: Unit) -> Page:
    years = list(LEGACY_YEARS)
    page = Page(
        "overview",
        f"Province dashboard ({big.name}, {count_communes(big)} communes)",
        reverse("dashboards:overview", args=[big.pk]),
        bench_user("province", big, Role.PROVINCE_STAFF),
        [
            (
                "SELECT a.year, count(*), avg(a.criteria_met), count(*) FILTER (WHERE a.criteria_total > 0 AND a.criteria_met >= a.criteria_total)"
                " FROM campaigns_assessment a JOIN units_unit u ON u.id = a.unit_id"
                " WHERE u.path LIKE %s AND u.kind = 'commune' AND a.year = ANY(%s) AND a.status IN %s GROUP BY a.year",
                [big.path + "%", years, COUNTED],
            ),
            (
                "SELECT c.number, count(*) FILTER (WHERE r.achieved) FROM campaigns_criterionresult r"
                " JOIN campaigns_assessment a ON a.id = r.assessment_id JOIN campaigns_criterion c ON c.id = r.criterion_id"
                " JOIN units_unit u ON u.id = a.unit_id"
                " WHERE u.path LIKE %s AND u.kind = 'commune' AND a.year = %s AND a.status IN %s GROUP BY c.number",
                [big.path + "%", YEAR, COUNTED],
            ),
            (
                "SELECT a.status, count(*) FROM units_unit u LEFT JOIN campaigns_assessment a"
                " ON a.unit_id = u.id AND a.year = %s WHERE u.path LIKE %s AND u.kind = 'commune' GROUP BY a.status",
                [YEAR, big.path + "%"],
            ),
        ],
    )
    page.small_url = reverse("dashboards:overview", args=[small.pk])
    page.small_user = bench_user("province-small", small, Role.PROVINCE_STAFF)
    return page


def matrix(big: Unit, small: Unit) -> Page:
    page = Page(
        "matrix",
        f"Criteria matrix {YEAR} ({big.name})",
        reverse("dashboards:matrix", args=[big.pk, YEAR]),
        bench_user("province", big, Role.PROVINCE_STAFF),
        [
            (
                "SELECT u.id, u.name, p.name, a.status, a.criteria_met, c.number, r.achieved FROM units_unit u"
                " JOIN units_unit p ON p.id = u.parent_id"
                " LEFT JOIN campaigns_assessment a ON a.unit_id = u.id AND a.year = %s"
                " LEFT JOIN campaigns_criterionresult r ON r.assessment_id = a.id AND a.status IN %s"
                " LEFT JOIN campaigns_criterion c ON c.id = r.criterion_id"
                " WHERE u.path LIKE %s AND u.kind = 'commune' ORDER BY p.search_name, u.search_name, u.id, c.number",
                [YEAR, COUNTED, big.path + "%"],
            )
        ],
    )
    page.small_url = reverse("dashboards:matrix", args=[small.pk, YEAR])
    page.small_user = bench_user("province-small", small, Role.PROVINCE_STAFF)
    return page


def queue() -> Page:
    waiting = (
        Nomination.objects.filter(status__in=OPEN, reviewer_unit__kind=Kind.DISTRICT)
        .values("reviewer_unit")
        .annotate(n=Count("pk"))
        .order_by("-n", "reviewer_unit")
    )
    busiest, quietest = waiting.first(), waiting.last()
    district = Unit.objects.get(pk=busiest["reviewer_unit"])
    page = Page(
        "queue",
        f"District nomination queue ({district.name}, {busiest['n']} files)",
        reverse("awards:queue"),
        bench_user("district", district, Role.HOME_AFFAIRS),
        [
            (
                "SELECT n.id, n.status, n.submission_date, n.round, n.round_year, e.name, eu.name, f.name, pu.name"
                " FROM awards_nomination n JOIN awards_nominee e ON e.id = n.nominee_id"
                " JOIN units_unit eu ON eu.id = e.unit_id JOIN awards_awardform f ON f.id = n.award_form_id"
                " JOIN units_unit pu ON pu.id = n.proposing_unit_id"
                " WHERE n.reviewer_unit_id = %s AND n.status IN %s ORDER BY n.submission_date, n.id",
                [district.pk, tuple(OPEN)],
            )
        ],
    )
    page.small_url = page.url
    page.small_user = bench_user("district-small", Unit.objects.get(pk=quietest["reviewer_unit"]), Role.HOME_AFFAIRS)
    return page


def plan() -> Page:
    plans = (
        Plan.objects.filter(parent__isnull=True, issuing_unit__kind=Kind.PROVINCE, targets__isnull=False)
        .annotate(n=Count("targets"))
        .order_by("-n", "pk")
    )
    big, small = plans.first(), plans.last()
    province = big.issuing_unit
    scope = [province.path + "%"]
    page = Page(
        "plan",
        f"Plan with targets ({province.name}, {big.n} targets)",
        reverse("campaigns:plan", args=[big.pk]),
        bench_user("province", province, Role.PROVINCE_STAFF),
        [
            # Units at each status (shares, keep, milestones) as of today, per kind.
            (
                "SELECT u.kind, r.status, count(DISTINCT r.unit_id) FROM campaigns_recognition r"
                " JOIN units_unit u ON u.id = r.unit_id WHERE u.path LIKE %s AND r.decision_date <= now()"
                " AND (r.revoked_on IS NULL OR r.revoked_on > now()) GROUP BY u.kind, r.status",
                scope,
            ),
            ("SELECT kind, count(*) FROM units_unit WHERE path LIKE %s GROUP BY kind", scope),
            # Average, minimum and yearly criteria of approved assessments.
            (
                "SELECT a.year, avg(a.criteria_met), min(a.criteria_met), count(*) FROM campaigns_assessment a"
                " JOIN units_unit u ON u.id = a.unit_id WHERE u.path LIKE %s AND a.status = 'approved' GROUP BY a.year",
                scope,
            ),
            # OCOP products rated per year and stars.
            (
                "SELECT extract(year FROM o.decision_date), o.stars, count(DISTINCT o.product_id)"
                " FROM campaigns_ocoprating o JOIN campaigns_ocopproduct p ON p.id = o.product_id"
                " JOIN units_unit u ON u.id = p.unit_id WHERE u.path LIKE %s GROUP BY 1, 2",
                scope,
            ),
            ("SELECT indicator, year, value FROM campaigns_measurement WHERE unit_id = %s", [province.pk]),
        ],
    )
    page.small_url = reverse("campaigns:plan", args=[small.pk])
    page.small_user = bench_user("plan-small", small.issuing_unit, Role.PROVINCE_STAFF)
    return page


def my_year(big: Unit, small: Unit) -> Page:
    def draft_in(province: Unit) -> Assessment:
        found = Assessment.objects.filter(unit__path__startswith=province.path, year=YEAR)
        return found.filter(status=Assessment.Status.DRAFT).order_by("pk").first() or found.order_by("pk").first()

    assessment, other = draft_in(big), draft_in(small)
    page = Page(
        "my-year",
        f"Commune year page ({assessment.unit.name} {YEAR}, {assessment.status})",
        reverse("progress:my-year", args=[assessment.unit_id, YEAR]),
        bench_user("commune", assessment.unit, Role.COMMUNE_OFFICER),
        [
            (
                "SELECT r.id, r.achieved, r.note, c.number, c.name, i.id, i.code, i.name, t.region, t.year, t.value"
                " FROM campaigns_criterionresult r JOIN campaigns_criterion c ON c.id = r.criterion_id"
                " LEFT JOIN campaigns_indicator i ON i.criterion_id = c.id"
                " LEFT JOIN campaigns_threshold t ON t.indicator_id = i.id"
                " WHERE r.assessment_id = %s ORDER BY c.number, i.order, i.code",
                [assessment.pk],
            )
        ],
    )
    page.small_url = reverse("progress:my-year", args=[other.unit_id, YEAR])
    page.small_user = bench_user("commune-small", other.unit, Role.COMMUNE_OFFICER)
    return page


def count_communes(unit: Unit) -> int:
    return Unit.objects.filter(path__startswith=unit.path, kind=Kind.COMMUNE).count()
