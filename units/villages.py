"""Villages across the 1 July 2025 reform: each village continues under the commune that succeeded its own.

Design: a new version of the village, joined to the old one by a Lineage edge, as the reform did for provinces
and communes. The old version stays under the old commune, valid until the day the commune ended, so the
2021-2024 pages (the old commune's village grid, its statuses and recognitions) keep it where it was; the new
version sits under the successor from the next day, so village work and nominations of the new commune find it.
We chose versions over a dated parent (a history table of parents) because the whole app reads the tree through
`parent` and the materialised `path`: a dated parent would have to be taught to every subtree query.

Only where the lineage says which commune succeeded the old one (its default successor) is a village carried
over; the others wait for that lineage. Running it again changes nothing.
"""

import datetime
from collections import Counter

from django.db import transaction

from units.hierarchy import default_successors
from units.models import Kind, Lineage, Unit

COPIED_FIELDS = (
    "kind",
    "division_type",
    "name",
    "short_name",
    "is_mountainous",
    "is_ethnic_minority_area",
    "is_border",
    "is_especially_difficult",
    "ntm_region",
    "is_demo",
)


@transaction.atomic
def carry_villages_over(*, dry_run: bool = False, demo_only: bool = False) -> Counter:
    """New versions, under the successor commune, of the villages still open under a commune that has ended."""
    tally = Counter()
    villages = Unit.objects.of_kind(Kind.VILLAGE).filter(
        valid_to__isnull=True, parent__kind=Kind.COMMUNE, parent__valid_to__isnull=False
    )
    villages = list((villages.filter(is_demo=True) if demo_only else villages).select_related("parent"))
    successors = default_successors({village.parent for village in villages})
    for village in villages:
        commune = village.parent
        successor = successors.get(commune.pk)
        if successor is None or successor.valid_to is not None:
            tally["waiting"] += 1  # no lineage yet says where this commune went
            continue
        tally["carried over"] += 1
        if dry_run:
            continue
        first_day = max(commune.valid_to + datetime.timedelta(days=1), successor.valid_from or datetime.date.min)
        if village.valid_from and village.valid_from >= first_day:
            # Created after its commune ended (before such additions were refused): it only changes commune.
            village.parent = successor
            village.save()
            continue
        # The code stays with the old version: codes are unique within their scheme.
        copied = {field: getattr(village, field) for field in COPIED_FIELDS}
        new = Unit.objects.create(**copied, code_scheme=village.code_scheme, parent=successor, valid_from=first_day)
        village.valid_to = commune.valid_to
        village.save(update_fields=["valid_to"])
        Lineage.objects.create(predecessor=village, successor=new, effective_date=new.valid_from, is_default=True)
    return tally
