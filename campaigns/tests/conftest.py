"""Fixtures for the campaigns tests: a 2021-2025 campaign, a district plan, and small factories."""

import datetime

import pytest

from campaigns.models import Campaign, Plan, Recognition, Target, TargetYear
from units.models import CodeScheme, Kind

LEGACY = {"code_scheme": CodeScheme.LEGACY, "valid_to": datetime.date(2025, 6, 30)}


@pytest.fixture
def province(make_unit):
    return make_unit("Tỉnh Cao Bằng", Kind.PROVINCE, code="04", **LEGACY)


@pytest.fixture
def district(make_unit, province):
    return make_unit("Huyện Hà Quảng", Kind.DISTRICT, province, code="045", **LEGACY)


@pytest.fixture
def campaign(db):
    # The migrations enter the movement already: the same row, as the tests expect it.
    return Campaign.objects.update_or_create(
        name="Cả nước chung sức xây dựng nông thôn mới",
        start_year=2021,
        defaults={"end_year": 2025, "national_plan": "587/QĐ-TTg"},
    )[0]


@pytest.fixture
def plan(campaign, district):
    """The district plan, issued on 03/11/2022."""
    return Plan.objects.create(
        campaign=campaign,
        number="3254/KH-UBND",
        title="Hà Quảng chung sức xây dựng nông thôn mới",
        issue_date=datetime.date(2022, 11, 3),
        issuing_unit=district,
        issuer_name="UBND huyện Hà Quảng",
        status=Plan.Status.ISSUED,
    )


@pytest.fixture
def make_target(plan):
    """Factory: make_target(Target.Type.UNIT_SHARE, units=[...], years={2024: 1}, target_value=80, ...)."""

    def make(type, *, units=(), years=None, deadline_year=2025, **fields):
        target = Target.objects.create(
            plan=fields.pop("plan", plan),
            type=type,
            description=fields.pop("description", type),
            deadline_year=deadline_year,
            **fields,
        )
        target.units.set(units)
        for year, value in (years or {}).items():
            TargetYear.objects.create(target=target, year=year, value=value)
        return target

    return make


@pytest.fixture
def recognise(db):
    """Factory: recognise(unit, status, "2023-06-30", revoked_on="2024-01-02")."""

    def make(unit, status, decided, revoked_on=None):
        return Recognition.objects.create(
            unit=unit,
            status=status,
            decision_date=datetime.date.fromisoformat(decided),
            revoked_on=datetime.date.fromisoformat(revoked_on) if revoked_on else None,
        )

    return make
