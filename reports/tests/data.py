"""Recorded results for Hà Quảng on top of `load_demo`, so every section of a report has rows to print.

The progress and awards demo steps may or may not have run: rows are found again by their natural
keys and overwritten, so the reports always show the values below (the tests assert on them).
"""

import datetime
import importlib
from decimal import Decimal

from django.apps import apps as django_apps

from awards.models import Award, AwardForm, Decision, Nomination, Nominee, NomineeKind
from campaigns.models import (
    Assessment,
    Campaign,
    CriteriaSet,
    CriterionResult,
    ExemplaryModel,
    OcopProduct,
    OcopRating,
    ResourceContribution,
    VillageYear,
)
from units.models import CodeScheme, Kind, Unit

D = datetime.date
LEGACY = CodeScheme.LEGACY
# Criteria met per year by a few Hà Quảng communes (legacy codes).
CRITERIA = {
    "01399": {2021: 12, 2022: 14, 2023: 19, 2024: 19},  # Xã Trường Hà: NTM in 2023
    "01438": {2021: 19, 2022: 19, 2023: 19, 2024: 19},  # Xã Ngọc Đào
    "01432": {2021: 11, 2022: 13, 2023: 16, 2024: 19},  # Xã Quý Quân: NTM in 2024
    "01375": {2021: 10, 2022: 12, 2023: 14, 2024: 17},  # Xã Đa Thông
    "01366": {2021: 9, 2022: 10, 2023: 12, 2024: 13},  # Xã Cần Yên
}
AWARD_FORM = "Giấy khen của Chủ tịch UBND huyện"
PROVINCE_FORM = "Bằng khen của Chủ tịch UBND tỉnh"
INDIVIDUAL = "Nông Văn Báo cáo"


# Data migrations whose rows a `transaction=True` test of another app may have flushed before ours run.
CATALOGUE_MIGRATIONS = [
    "campaigns.migrations.0003_criteria_catalogue",
    "awards.migrations.0002_catalogue",
    "awards.migrations.0006_grant_rules_and_base_salary",
    "awards.migrations.0009_emulation_titles",
]


def restore_catalogues() -> None:
    for module in CATALOGUE_MIGRATIONS:
        importlib.import_module(module).load(django_apps, None)  # idempotent: creates only what is missing


def legacy(kind: str, code: str) -> Unit:
    return Unit.objects.get(code_scheme=LEGACY, kind=kind, code=code)


def add_report_data() -> dict:
    """Assessments, villages, OCOP, resources, models and awards for Huyện Hà Quảng; returns the key units."""
    district = legacy(Kind.DISTRICT, "045")
    province = legacy(Kind.PROVINCE, "04")
    criteria = list(CriteriaSet.objects.get(code="qd318-xa-2021").criteria.order_by("number"))
    for code, years in CRITERIA.items():
        commune = legacy(Kind.COMMUNE, code)
        for year, met in years.items():
            assessment, _ = Assessment.objects.update_or_create(
                unit=commune,
                year=year,
                defaults={
                    "status": Assessment.Status.APPROVED,
                    "criteria_met": met,
                    "criteria_set": criteria[0].criteria_set,
                },
            )
            for criterion in criteria:
                CriterionResult.objects.update_or_create(
                    assessment=assessment, criterion=criterion, defaults={"achieved": criterion.number <= met}
                )
    truong_ha = legacy(Kind.COMMUNE, "01399")
    villages = list(Unit.objects.within(district).of_kind(Kind.VILLAGE).order_by("name"))
    for index, village in enumerate(villages):
        for year in (2022, 2023, 2024):
            status = VillageYear.Status.NTM if index % 3 == 0 and year >= 2023 else VillageYear.Status.BUILDING
            VillageYear.objects.update_or_create(unit=village, year=year, defaults={"status": status})
    product, _ = OcopProduct.objects.update_or_create(
        unit=truong_ha,
        name="Miến dong Pác Bó",
        defaults={"owner_name": "HTX Nông nghiệp Pác Bó", "owner_kind": "cooperative", "group": "food"},
    )
    OcopRating.objects.update_or_create(
        product=product,
        decision_date=D(2024, 9, 10),
        defaults={"stars": 3, "rules_version": "148/2023", "level": "province", "decision_number": "1502/QĐ-UBND"},
    )
    for code, (budget, people) in {
        "01399": (2_500_000_000, 450_000_000),
        "01432": (1_800_000_000, 300_000_000),
    }.items():
        for year in (2023, 2024):
            ResourceContribution.objects.update_or_create(
                unit=legacy(Kind.COMMUNE, code),
                year=year,
                defaults={
                    "state_budget": Decimal(budget),
                    "people": Decimal(people),
                    "enterprises": Decimal(120_000_000),
                    "land_donated_m2": Decimal(1250),
                    "labour_days": 900,
                },
            )
    ExemplaryModel.objects.update_or_create(
        unit=truong_ha,
        year=2024,
        title="Mô hình “Đường hoa nông thôn mới” xóm Pác Bó",
        defaults={"kind": "practice", "description": "Nhân dân hiến đất, góp công làm đường hoa."},
    )
    add_awards(district, province, truong_ha)
    return {"district": district, "province": province, "commune": truong_ha}


def add_awards(district: Unit, province: Unit, commune: Unit) -> None:
    campaign = Campaign.objects.order_by("pk").first()
    local_form = AwardForm.objects.get(name=AWARD_FORM)
    province_form = AwardForm.objects.get(name=PROVINCE_FORM)
    collective, _ = Nominee.objects.get_or_create(kind=NomineeKind.COLLECTIVE, unit=commune, name=commune.name)
    person, _ = Nominee.objects.get_or_create(
        kind=NomineeKind.INDIVIDUAL, unit=commune, name=INDIVIDUAL, defaults={"position": "Trưởng xóm Pác Bó"}
    )
    granted = [
        (district, local_form, 901, D(2024, 12, 20), [collective, person]),
        (province, province_form, 902, D(2023, 12, 28), [collective]),
    ]
    for issuer, form, number, day, nominees in granted:
        decision, _ = Decision.objects.get_or_create(
            issuing_unit=issuer,
            year=day.year,
            number=number,
            defaults={
                "issuer_name": f"UBND {issuer.name}",
                "date": day,
                "award_form": form,
                "legal_regime": "2024" if day.year >= 2024 else "2013",
                "signer_name": "Phạm Xuân Tùng",
                "signer_title": "Chủ tịch",
            },
        )
        for order, nominee in enumerate(nominees):
            nomination, _ = Nomination.objects.get_or_create(
                nominee=nominee,
                award_form=form,
                round_year=day.year,
                defaults={
                    "campaign": campaign,
                    "type": "campaign",
                    "round": "annual",
                    "achievements": "Thành tích xuất sắc trong phong trào xây dựng nông thôn mới.",
                    "proposing_unit": commune,
                    "status": Nomination.Status.DECISION_ISSUED,
                },
            )
            Award.objects.get_or_create(
                nomination=nomination,
                defaults={"decision": decision, "nominee": nominee, "award_form": form, "order": order},
            )
