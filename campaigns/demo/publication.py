"""Demo: Cao Bằng (from 07/2025) has published its communes' 2023 and 2024 years on the public board, and
Quảng Trị nothing, so the board shows both a published and an unpublished province."""

from collections import Counter

from campaigns.models import PublishedYear
from campaigns.publication.services import publish_year
from units.demo import Y2025, demo_unit
from units.models import User

PUBLISHED = ((Y2025, "04"), (2023, 2024))


def load_publication() -> Counter:
    tally = Counter(created=0, updated=0, unchanged=0)
    ref, years = PUBLISHED
    province = demo_unit(ref)
    by = User.objects.filter(username="tinh.caobang").first()
    for year in years:
        if PublishedYear.objects.filter(province=province, year=year).exists():
            tally["unchanged"] += 1  # the province's own choices (withdrawn, republished) are kept
            continue
        publish_year(province, year=year, by=by)
        tally["created"] += 1
    return tally
