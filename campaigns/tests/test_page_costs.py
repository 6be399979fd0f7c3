"""What the benchmark fixes keep true: a fixed number of queries per page, and a cached matrix that is never stale."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns.dashboards import views as dashboards
from campaigns.models import Assessment, CriteriaSet, CriterionResult
from units.models import CodeScheme, Kind, Role

pytestmark = pytest.mark.django_db

LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}
S = Assessment.Status


@pytest.fixture
def criteria(db):
    return list(CriteriaSet.objects.get(code="qd318-xa-2021").criteria.order_by("number"))


@pytest.fixture
def district(make_unit):
    province = make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", **LEGACY)
    return make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, code="045", **LEGACY)


@pytest.fixture
def communes(make_unit, district, criteria):
    """Factory: communes(n) assessed in 2023 and 2024 (submitted, with n % 19 criteria met)."""

    made = []

    def make(count):
        units = []
        for index in range(len(made), len(made) + count):
            commune = make_unit(f"Xã Số {index}", Kind.COMMUNE, district, code=f"9{index:04d}", **LEGACY)
            for year in (2023, 2024):
                met = index % 19
                assessment = Assessment.objects.create(
                    unit=commune, year=year, status=S.SUBMITTED, criteria_set=criteria[0].criteria_set, criteria_met=met
                )
                CriterionResult.objects.bulk_create(
                    CriterionResult(assessment=assessment, criterion=c, achieved=c.number <= met) for c in criteria
                )
            units.append(commune)
        made.extend(units)
        return units

    return make


@pytest.fixture
def reviewer_client(client, make_user, district):
    client.force_login(make_user("noivu", (district, Role.HOME_AFFAIRS)))
    return client


def queries_of(client, url) -> int:
    client.get(url)  # the session and the user's memberships warm up first
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("name", ["dashboards:overview", "dashboards:matrix"])
def test_dashboard_pages_run_the_same_queries_for_3_or_30_communes(reviewer_client, district, communes, name):
    args = [district.pk] if name == "dashboards:overview" else [district.pk, 2024]
    url = reverse(name, args=args)
    communes(3)
    few = queries_of(reviewer_client, url)
    communes(27)

    assert queries_of(reviewer_client, url) == few
    assert few <= 16  # one of them counts the menu's unread notifications


def test_the_matrix_shows_a_changed_result_at_once_although_the_table_is_cached(reviewer_client, district, communes):
    commune = communes(2)[1]
    url = reverse("dashboards:matrix", args=[district.pk, 2024])
    before = reviewer_client.get(url).content.decode()
    result = CriterionResult.objects.get(assessment__unit=commune, assessment__year=2024, criterion__number=19)
    result.achieved = True
    result.save()

    after = reviewer_client.get(url).content.decode()

    assert after.count("dash-yes") == before.count("dash-yes") + 1


def test_the_matrix_is_served_when_the_cache_fails(reviewer_client, district, communes, monkeypatch):
    communes(2)

    def broken(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "get", broken)
    monkeypatch.setattr(cache, "set", broken)
    response = reviewer_client.get(reverse("dashboards:matrix", args=[district.pk, 2024]))

    assert response.status_code == 200
    assert b'id="matrix"' in response.content


def test_the_matrix_fingerprint_changes_with_a_commune_name(district, communes, make_user):
    commune = communes(1)[0]
    user = make_user("leader", (district, Role.LEADER))
    first = dashboards.build_matrix(user, district, 2024).fingerprint
    commune.name = "Xã Đổi Tên"
    commune.save()

    assert dashboards.build_matrix(user, district, 2024).fingerprint != first


def test_the_commune_year_page_adds_a_missing_criterion_result_and_otherwise_only_reads(
    client, make_user, district, communes
):
    commune = communes(1)[0]
    assessment = Assessment.objects.get(unit=commune, year=2024)
    assessment.status = S.DRAFT
    assessment.save()
    CriterionResult.objects.filter(assessment=assessment, criterion__number=19).delete()
    client.force_login(make_user("xa", (commune, Role.COMMUNE_OFFICER)))
    url = reverse("progress:my-year", args=[commune.pk, 2024])

    client.get(url)
    complete = CriterionResult.objects.filter(assessment=assessment).count()
    reads = queries_of(client, url)

    assert complete == 19
    # 15, 2 to tell who reviews a legacy commune's year sent today (its district ended on 30/06/2025), 1 to
    # count the menu's unread notifications and 1 for the year's discussion thread.
    assert reads <= 19
