"""The bench pages of a post-reform (07/2025) province: a commune's 2026 year, the Sở Nội vụ's nomination queue,
the province dashboard. Each with its small twin and raw-SQL floor, as in scenarios.py.

The generated data has no 2026 assessment and the QĐ 51/2025 set as the migrations load it: 10 criteria and
none of the 47 indicators of its Phụ lục I (README, "The 2026-2030 period"). So that the year page measures the
form the issue is about, the setup gives the two provinces of the page their own version of the set (the
criteria editor's make_province_version) with 47 indicators named "[Bench]" and thresholds for the three commune
groups, puts the commune in group 2 and starts its 2026 year as a draft with the app's get_or_start_assessment.
Every step looks first and writes only what is missing, so later runs (and the baseline's older code) only read.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.urls import reverse

from awards.models import Nomination
from bench.scenarios import OPEN, Page, bench_user, count_communes, provinces_by_size
from campaigns.assessments.services import get_or_start_assessment
from campaigns.criteria.services import make_province_version, province_version_of
from campaigns.models import Assessment, CommuneGroup, CriteriaSet, GroupThreshold, Indicator
from units.hierarchy import predecessors_by_unit
from units.models import CodeScheme, Kind, Role, Unit

YEAR = 2026
QD51 = "qd51-2025-xa-2026"
INDICATORS_PER_CRITERION = [5, 5, 5, 5, 5, 5, 5, 4, 4, 4]  # 47, over the 10 criteria
T = Indicator.ValueType
TYPES = [T.PERCENT, T.COUNT, T.BOOLEAN, T.TEXT, T.MONEY, T.NUMBER]
GROUP = 2
COUNTED = ("submitted", "approved")


def builders():
    def with_provinces(page):
        def build():
            provinces = provinces_by_size(CodeScheme.Y2025)
            return page(provinces[-1], provinces[0])

        return build

    return [
        ("year-2026", with_provinces(year_2026)),
        ("queue-2025", province_queue),
        ("overview-2025", with_provinces(overview_2025)),
    ]


# The 2026 year page.


def year_2026(big: Unit, small: Unit) -> Page:
    assessment, user = started_year(big, "commune-2026")
    other, other_user = started_year(small, "commune-2026-small")
    indicators = Indicator.objects.filter(criterion__criteria_set=assessment.criteria_set_id).count()
    page = Page(
        "year-2026",
        f"Commune year page 2026 ({assessment.unit.name}, {big.name}; {indicators} indicators)",
        reverse_year(assessment.unit_id),
        user,
        [
            (
                "SELECT r.id, r.achieved, r.note, r.decided, r.override_reason, c.number, c.name, i.id, i.code, i.name,"
                " i.value_type, t.comparator, t.value, t.text_value, v.value, v.text_value"
                " FROM campaigns_criterionresult r JOIN campaigns_criterion c ON c.id = r.criterion_id"
                " LEFT JOIN campaigns_indicator i ON i.criterion_id = c.id"
                " LEFT JOIN campaigns_groupthreshold t ON t.indicator_id = i.id AND t.commune_group = %s"
                " AND t.from_year <= %s AND (t.to_year IS NULL OR t.to_year >= %s)"
                " LEFT JOIN campaigns_indicatorvalue v ON v.indicator_id = i.id AND v.assessment_id = r.assessment_id"
                " WHERE r.assessment_id = %s ORDER BY c.number, i.order, i.code",
                [GROUP, YEAR, YEAR, assessment.pk],
            )
        ],
    )
    page.small_url, page.small_user = reverse_year(other.unit_id), other_user
    return page


def reverse_year(unit_pk: int) -> str:
    return reverse("progress:my-year", args=[unit_pk, YEAR])


def started_year(province: Unit, name: str) -> tuple[Assessment, object]:
    """The first rural commune (by code) of `province`, its officer, and its 2026 draft started once."""
    commune = (
        Unit.objects.filter(path__startswith=province.path, kind=Kind.COMMUNE, division_type="Xã")
        .order_by("code")
        .first()
    )
    user = bench_user(name, commune, Role.COMMUNE_OFFICER)
    found = Assessment.objects.filter(unit=commune, year=YEAR).first()
    if found is not None:
        return found, user
    ensure_bench_indicators(province)
    if not CommuneGroup.objects.filter(unit=commune).exists():
        CommuneGroup.objects.create(
            unit=commune, group=GROUP, valid_from=datetime.date(YEAR, 1, 1), decision="[Bench] phân nhóm xã"
        )
    return get_or_start_assessment(commune, YEAR, by=user), user


@transaction.atomic
def ensure_bench_indicators(province: Unit) -> CriteriaSet:
    """The province's own QĐ 51 version, with the 47 bench indicators and their group thresholds added once."""
    national = CriteriaSet.objects.get(code=QD51)
    version = province_version_of(national, province) or make_province_version(national, province=province)
    have = set(Indicator.objects.filter(criterion__criteria_set=version).values_list("code", flat=True))
    added = []
    for criterion, count in zip(version.criteria.order_by("number"), INDICATORS_PER_CRITERION, strict=False):
        for index in range(1, count + 1):
            code = f"{criterion.number}.{index}"
            if code in have:
                continue
            value_type = TYPES[(criterion.number + index) % len(TYPES)]
            added.append(
                Indicator(
                    criterion=criterion,
                    code=code,
                    name=f"[Bench] Chỉ tiêu {code}",
                    value_type=value_type,
                    unit_of_measure="%" if value_type == T.PERCENT else "",
                    order=index,
                )
            )
    Indicator.objects.bulk_create(added)
    GroupThreshold.objects.bulk_create(
        GroupThreshold(
            indicator=indicator,
            commune_group=group,
            from_year=YEAR,
            value=None if indicator.value_type == T.TEXT else Decimal(1 if indicator.value_type == T.BOOLEAN else 50),
            text_value="Đạt" if indicator.value_type == T.TEXT else "",
        )
        for indicator in added
        for group in (1, 2, 3)
    )
    return version


# The province's nomination queue.


def province_queue() -> Page:
    """The queue of the Sở Nội vụ of the 2025 province with the most open files (its own and those of the
    provinces it was formed from, as units.hierarchy.reviewer_units gives it); the twin the quietest."""
    provinces = list(Unit.objects.filter(code_scheme=CodeScheme.Y2025, kind=Kind.PROVINCE))
    earlier = predecessors_by_unit(provinces)
    reviewed = {
        province.pk: [province.pk, *(unit.pk for unit in earlier.get(province.pk, []))] for province in provinces
    }
    waiting = dict(
        Nomination.objects.filter(status__in=OPEN).values_list("reviewer_unit").annotate(n=Count("pk")).order_by()
    )
    sizes = sorted(
        (sum(waiting.get(pk, 0) for pk in reviewed[province.pk]), province.code, province) for province in provinces
    )
    (quiet_n, _code, quietest), (busy_n, _code2, busiest) = sizes[0], sizes[-1]
    own = waiting.get(busiest.pk, 0)
    page = Page(
        "queue-2025",
        f"Province nomination queue ({busiest.name} Sở Nội vụ, {busy_n} files, {own} sent to it after 07/2025)",
        reverse("awards:queue"),
        bench_user("home-affairs-2025", busiest, Role.HOME_AFFAIRS),
        [
            (
                "SELECT n.id, n.status, n.submission_date, n.round, n.round_year, e.name, eu.name, f.name, pu.name,"
                " ru.name FROM awards_nomination n JOIN awards_nominee e ON e.id = n.nominee_id"
                " JOIN units_unit eu ON eu.id = e.unit_id JOIN awards_awardform f ON f.id = n.award_form_id"
                " JOIN units_unit pu ON pu.id = n.proposing_unit_id JOIN units_unit ru ON ru.id = n.reviewer_unit_id"
                " WHERE n.reviewer_unit_id = ANY(%s) AND n.status IN %s ORDER BY n.submission_date, n.id",
                [reviewed[busiest.pk], tuple(OPEN)],
            )
        ],
        notes=[f"twin: {quietest.name}, {quiet_n} files"],
    )
    page.small_url = page.url
    page.small_user = bench_user("home-affairs-2025-small", quietest, Role.HOME_AFFAIRS)
    return page


# The province dashboard.


def overview_2025(big: Unit, small: Unit) -> Page:
    """dashboards:overview of a 2025 province: 2021-2024 read through the provinces it was formed from, 2025 on
    through its own communes (the page's default reading)."""
    earlier = [unit.path + "%" for unit in predecessors_by_unit([big]).get(big.pk, [])]
    page = Page(
        "overview-2025",
        f"Province dashboard after the reform ({big.name}, {count_communes(big)} communes)",
        reverse("dashboards:overview", args=[big.pk]),
        bench_user("province-2025", big, Role.PROVINCE_STAFF),
        [
            (
                "SELECT a.year, count(*), avg(a.criteria_met), count(*) FILTER (WHERE a.criteria_total > 0"
                " AND a.criteria_met >= a.criteria_total) FROM campaigns_assessment a JOIN units_unit u ON u.id = a.unit_id"
                " WHERE u.kind = 'commune' AND a.status IN %s AND ((u.path LIKE ANY(%s) AND a.year < 2025)"
                " OR (u.path LIKE %s AND a.year >= 2025)) GROUP BY a.year",
                [COUNTED, earlier, big.path + "%"],
            ),
            (
                "SELECT c.number, count(*) FILTER (WHERE r.achieved) FROM campaigns_criterionresult r"
                " JOIN campaigns_assessment a ON a.id = r.assessment_id JOIN campaigns_criterion c ON c.id = r.criterion_id"
                " JOIN units_unit u ON u.id = a.unit_id"
                " WHERE u.path LIKE %s AND u.kind = 'commune' AND a.year = %s AND a.status IN %s GROUP BY c.number",
                [big.path + "%", 2025, COUNTED],
            ),
            (
                "SELECT a.status, count(*) FROM units_unit u LEFT JOIN campaigns_assessment a"
                " ON a.unit_id = u.id AND a.year = %s WHERE u.path LIKE %s AND u.kind = 'commune' GROUP BY a.status",
                [YEAR, big.path + "%"],
            ),
        ],
    )
    page.small_url = reverse("dashboards:overview", args=[small.pk])
    page.small_user = bench_user("province-2025-small", small, Role.PROVINCE_STAFF)
    return page
