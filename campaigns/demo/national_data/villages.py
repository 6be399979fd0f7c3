"""Villages: about seven per commune ("Thôn 1", "Thôn 2"… or "Tổ dân phố 1"… in wards and towns)."""

from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat

from campaigns.demo.national_data.base import VILLAGE_CODE_PREFIX, Run, Tree
from units.models import CodeScheme, Kind, Unit
from units.text import fold

SCHEME_TAG = {CodeScheme.LEGACY: "L", CodeScheme.Y2025: "N"}


def village_code(commune: Unit, number: int) -> str:
    """Stable across runs (unlike pks): "SYNL01399-3" is the third village of legacy commune 01399."""
    return f"{VILLAGE_CODE_PREFIX}{SCHEME_TAG[commune.code_scheme]}{commune.code}-{number}"


def create_villages(run: Run, tree: Tree) -> None:
    rng = run.rng("villages")
    sizes = [(commune, rng.randint(4, 10)) for commune in tree.communes]
    with run.stage("villages", sum(size for _commune, size in sizes)) as bar:
        rows = (_village(commune, number) for commune, size in sizes for number in range(1, size + 1))
        created = run.insert(Unit, rows, bar)
        write_paths([unit.pk for unit in created])
    for village in created:
        village.path, village.depth = f"{village.parent.path}{village.pk}/", village.parent.depth + 1
        tree.villages.setdefault(village.parent_id, []).append(village)


def _village(commune: Unit, number: int) -> Unit:
    division_type = "Thôn" if commune.division_type in ("Xã", "Đặc khu") else "Tổ dân phố"
    name = f"{division_type} {number}"
    return Unit(
        kind=Kind.VILLAGE,
        division_type=division_type,
        name=name,
        short_name=name,
        search_name=fold(name),  # bulk_create skips Unit.save(), which sets it
        code_scheme=CodeScheme.LOCAL,
        code=village_code(commune, number),
        parent=commune,
        valid_from=commune.valid_from,
        valid_to=commune.valid_to,
        is_mountainous=commune.is_mountainous,
        is_ethnic_minority_area=commune.is_ethnic_minority_area,
        is_border=commune.is_border,
        is_especially_difficult=commune.is_especially_difficult,
        ntm_region=commune.ntm_region,
        is_demo=True,
    )


def write_paths(pks: list[int]) -> None:
    """path = parent's path + pk + "/", depth = parent's + 1: what Unit.save() computes, one UPDATE per batch.

    The same statement as units.importers uses: bulk_update would send a CASE per row.
    """
    parents = Unit.objects.filter(pk=OuterRef("parent_id"))
    path = Concat(Subquery(parents.values("path")), Cast("pk", CharField()), Value("/"))
    depth = Subquery(parents.values("depth")) + 1
    for start in range(0, len(pks), 5000):
        Unit.objects.filter(pk__in=pks[start : start + 5000]).update(path=path, depth=depth)
