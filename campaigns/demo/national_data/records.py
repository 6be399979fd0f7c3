"""Resources mobilised each year and OCOP products with their star ratings, for the rural communes."""

import datetime
from decimal import Decimal

from campaigns.demo.national_data.base import LEGACY_YEARS, NEW_YEAR, NOTE, OCOP_NAME_PREFIX, Run, Tree
from campaigns.demo.national_data.names import OCOP_GROUPS, OCOP_OWNER_KINDS
from campaigns.models import OcopProduct, OcopRating, ResourceContribution
from campaigns.models.progress import add_months

MILLION = 1_000_000
OWNER_LABEL = {
    "enterprise": "Công ty TNHH",
    "cooperative": "Hợp tác xã",
    "group": "Tổ hợp tác",
    "household": "Hộ kinh doanh",
}
L, RV = OcopRating.Level, OcopRating.RulesVersion
NEW_RULES = datetime.date(2023, 5, 1)  # QĐ 148/QĐ-TTg replaced QĐ 1048 for evaluations from then on


def create_resources(run: Run, tree: Tree) -> None:
    rng = run.rng("resources")
    rural = [commune for commune in tree.communes if tree.is_rural(commune)]
    taken = set(ResourceContribution.objects.filter(unit__in=rural).values_list("unit_id", "year"))
    rows = [
        ResourceContribution(
            unit=commune,
            year=year,
            state_budget=Decimal(rng.randint(2_000, 25_000) * MILLION),
            people=Decimal(rng.randint(100, 3_000) * MILLION),
            enterprises=Decimal(rng.randint(0, 5_000) * MILLION),
            land_donated_m2=Decimal(rng.randint(0, 4_000)),
            labour_days=rng.randint(100, 5_000),
            note=NOTE,
            is_demo=True,
        )
        for commune in rural
        for year in (LEGACY_YEARS if tree.is_legacy(commune) else (NEW_YEAR,))
        if (commune.pk, year) not in taken
    ]
    with run.stage("resources", len(rows)) as bar:
        run.insert(ResourceContribution, rows, bar)


def create_ocop(run: Run, tree: Tree) -> None:
    """About 1.2 products per legacy rural commune rated 2021-2024, fewer for the 2025 communes (from 08/2025)."""
    rng = run.rng("ocop")
    products, ratings = [], []  # ratings[i] belong to products[i]
    for commune in tree.communes:
        if not tree.is_rural(commune):
            continue
        legacy = tree.is_legacy(commune)
        count = rng.choices([0, 1, 2, 3, 4], [35, 30, 20, 10, 5] if legacy else [60, 30, 10, 0, 0])[0]
        villages = tree.villages.get(commune.pk) or [commune]
        for number in range(1, count + 1):
            owner_kind = rng.choice(OCOP_OWNER_KINDS)
            products.append(
                OcopProduct(
                    unit=commune,
                    name=f"{OCOP_NAME_PREFIX}{number} – {commune.short_name}",
                    owner_name=f"{OWNER_LABEL[owner_kind]} {rng.choice(villages).name}, {commune.name}",
                    owner_kind=owner_kind,
                    group=rng.choice(OCOP_GROUPS),
                    is_demo=True,
                )
            )
            first = (
                (datetime.date(2021, 3, 1), datetime.date(2024, 12, 20))
                if legacy
                else (datetime.date(2025, 8, 1), run.today)
            )
            ratings.append(_ratings(run, rng, run.day(rng, *first)))
    with run.stage("ocop", len(products) + sum(map(len, ratings))) as bar:
        created = run.insert(OcopProduct, products, bar)
        for product, product_ratings in zip(created, ratings, strict=True):
            for rating in product_ratings:
                rating.product = product
        run.insert(OcopRating, (rating for product_ratings in ratings for rating in product_ratings), bar)


def _ratings(run: Run, rng, day: datetime.date) -> list[OcopRating]:
    stars = rng.choices([3, 4, 5], [70, 28, 2])[0]
    found = [_rating(rng, day, stars)]
    renewal = add_months(day, 36)
    if renewal <= run.today and rng.random() < 0.6:
        stars = min(5, stars + (rng.random() < 0.25))
        found.append(_rating(rng, run.day(rng, renewal - datetime.timedelta(days=60), renewal), stars))
    return found


def _rating(rng, day: datetime.date, stars: int) -> OcopRating:
    level = (
        L.CENTRAL
        if stars == 5
        else (L.DISTRICT if stars == 3 and day < NEW_RULES and rng.random() < 0.2 else L.PROVINCE)
    )
    low = {3: 50, 4: 70, 5: 90}[stars]
    return OcopRating(
        stars=stars,
        score=Decimal(rng.randint(low, low + 19 if stars < 5 else 100)),
        rules_version=RV.QD_148_2023 if day >= NEW_RULES else RV.QD_1048_2019,
        level=level,
        decision_number=f"{rng.randint(100, 3500)}/QĐ-UBND",
        decision_date=day,
        valid_until=add_months(day, 36),  # OcopRating.save() computes it; bulk_create does not call save()
    )
