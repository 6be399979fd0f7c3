"""Import the national administrative units (before and from 07/2025) and their 2025 lineage.

The source is the MIT-licensed `vietnamadminunits` 1.0.4 package, read as data only: importing it
pulls in shapely and geopy, and its converter may call an online geocoder.
"""

import csv
import datetime
import importlib.util
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import CharField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Concat
from tqdm import tqdm

from units.hierarchy import ADMINISTRATIONS
from units.models import REFORM_DATE, CodeScheme, Kind, Lineage, NtmRegion, Unit
from units.signals import units_changed
from units.text import fold

LEGACY_END = REFORM_DATE - datetime.timedelta(days=1)
PROVINCE_LEGAL_BASIS = "NQ 202/2025/QH15"
REGIONS_CSV = Path(__file__).resolve().parent / "data" / "ntm_regions.csv"
BATCH_SIZE = 500
SCHEMES = (CodeScheme.LEGACY, CodeScheme.Y2025)
# Only the reform boundary is the import's to set: the other end of a unit's validity may have
# been entered by an administrator (a commune formed in 2020, one dissolved in 2026).
VALIDITY = {
    CodeScheme.LEGACY: {"valid_to": LEGACY_END},
    CodeScheme.Y2025: {"valid_from": REFORM_DATE},
}

# (code scheme, kind, code): codes are unique only within a scheme, and kinds share codes.
Key = tuple[str, str, str]


class SourceError(Exception):
    """The package data is missing or does not fit together."""


@dataclass(frozen=True)
class UnitRow:
    key: Key
    name: str
    short_name: str
    division_type: str
    parent: Key | None
    province: Key


@dataclass(frozen=True)
class Edge:
    predecessor: Key
    successor: Key
    is_default: bool
    legal_basis: str = ""


@dataclass(frozen=True)
class Source:
    units: dict[str, list[list[UnitRow]]]  # scheme → levels, top level first
    edges: list[Edge]


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0


def data_dir() -> Path:
    # find_spec on a top-level package locates it without running its __init__.
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise SourceError("vietnamadminunits is not installed (pip install -r requirements.txt).")
    return Path(spec.submodule_search_locations[0]) / "data"


def read_source(directory: Path | None = None) -> Source:
    directory = directory or data_dir()
    try:
        db = sqlite3.connect(f"{(directory / 'dataset.db').as_uri()}?mode=ro", uri=True)
        db.row_factory = sqlite3.Row
        legacy_rows = db.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, district, districtShort,"
            " districtType, districtCode, districtKey, ward, wardShort, wardType, wardCode, wardKey"
            " FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
        ).fetchall()
        new_rows = db.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey, ward, wardShort, wardType,"
            " wardCode, wardKey FROM admin_units ORDER BY provinceCode, wardCode"
        ).fetchall()
        db.close()
        converter = json.loads((directory / "converter_2025.json").read_text(encoding="utf-8"))
    except (OSError, sqlite3.Error, ValueError) as error:
        raise SourceError(f"Cannot read the unit data in {directory}: {error}") from error
    legacy, old_keys = _legacy_units(legacy_rows)
    new, new_keys = _new_units(new_rows)
    try:
        edges = _edges(converter, old_keys, new_keys)
    except KeyError as error:
        raise SourceError(f"converter_2025.json names a unit missing from dataset.db: {error}") from error
    return Source({CodeScheme.LEGACY: legacy, CodeScheme.Y2025: new}, edges)


def _province(scheme: str, row: sqlite3.Row) -> UnitRow:
    key = (scheme, Kind.PROVINCE, row["provinceCode"])
    division_type = "Thành phố" if row["province"].startswith("Thành phố") else "Tỉnh"
    return UnitRow(key, row["province"], row["provinceShort"], division_type, None, key)


def _legacy_units(rows) -> tuple[list[list[UnitRow]], dict[str, Key]]:
    """Province → district → commune rows, and the package's "province_district_ward" keys → ours."""
    provinces, districts, communes, keys = {}, {}, [], {}
    for row in rows:
        province = (CodeScheme.LEGACY, Kind.PROVINCE, row["provinceCode"])
        district = (CodeScheme.LEGACY, Kind.DISTRICT, row["districtCode"])
        if province not in provinces:
            provinces[province] = _province(CodeScheme.LEGACY, row)
            keys[row["provinceKey"]] = province
        if district not in districts:
            districts[district] = UnitRow(
                district, row["district"], row["districtShort"], row["districtType"], province, province
            )
        full_key = f"{row['provinceKey']}_{row['districtKey']}_{row['wardKey'] or ''}"
        # Five island districts (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo) have no commune:
        # their row has no ward, and the mapping sends the district itself to the new đặc khu.
        if not row["wardCode"]:
            keys[full_key] = district
            continue
        commune = (CodeScheme.LEGACY, Kind.COMMUNE, row["wardCode"])
        communes.append(UnitRow(commune, row["ward"], row["wardShort"], row["wardType"], district, province))
        keys[full_key] = commune
    return [list(provinces.values()), list(districts.values()), communes], keys


def _new_units(rows) -> tuple[list[list[UnitRow]], dict[str, Key]]:
    """Province → commune rows (no district level from 07/2025), and the package's keys → ours."""
    provinces, communes, keys = {}, [], {}
    for row in rows:
        province = (CodeScheme.Y2025, Kind.PROVINCE, row["provinceCode"])
        if province not in provinces:
            provinces[province] = _province(CodeScheme.Y2025, row)
            keys[row["provinceKey"]] = province
        commune = (CodeScheme.Y2025, Kind.COMMUNE, row["wardCode"])
        communes.append(UnitRow(commune, row["ward"], row["wardShort"], row["wardType"], province, province))
        keys[f"{row['provinceKey']}_{row['wardKey']}"] = commune
    return [list(provinces.values()), communes], keys


def _edges(converter: dict, old: dict[str, Key], new: dict[str, Key]) -> list[Edge]:
    edges = []
    for new_province, old_provinces in converter["DICT_PROVINCE"].items():
        for old_province in old_provinces:
            edges.append(Edge(old[old_province], new[new_province], True, PROVINCE_LEGAL_BASIS))
    for new_province, new_wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_wards in new_wards.items():
            for old_ward in old_wards:
                edges.append(Edge(old[old_ward], new[f"{new_province}_{new_ward}"], True))
    # A split ward lists every new ward that took a part of it; exactly one is its default successor.
    for new_province, old_wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_ward, parts in old_wards.items():
            for part in parts:
                successor = new[f"{new_province}_{part['newWardKey']}"]
                edges.append(Edge(old[old_ward], successor, bool(part["isDefaultNewWard"])))
    return edges


def read_regions(path: Path = REGIONS_CSV) -> dict[Key, str]:
    """Province key → NtmRegion value, from the editable CSV (lines starting with # are comments)."""
    with path.open(encoding="utf-8", newline="") as file:
        lines = [line for line in file if not line.startswith("#")]
    regions = {}
    for number, row in enumerate(csv.DictReader(lines), start=1):
        region = row["ntm_region"].strip()
        if region and region not in NtmRegion.values:
            raise SourceError(f"{path.name}, row {number}: unknown region {region!r}.")
        regions[(row["code_scheme"].strip(), Kind.PROVINCE, row["code"].strip())] = region
    return regions


def import_admin_units(
    *,
    schemes=SCHEMES,
    dry_run: bool = False,
    source: Source | None = None,
    regions: dict[Key, str] | None = None,
    progress: tqdm | None = None,
) -> dict[str, Counts]:
    """Create or update the units of `schemes` and every lineage edge whose two ends exist.

    Idempotent: a unit is found by (scheme, kind, code) and updated in place; its classification
    flags, a region already set and is_demo are left alone. Lineage edges follow the data, except
    that a legal basis already entered is kept. A dry run rolls everything back.
    """
    source = source or read_source()
    regions = read_regions() if regions is None else regions
    progress = tqdm(disable=True) if progress is None else progress
    progress.reset(total=sum(len(rows) for s in schemes for rows in source.units[s]) + len(source.edges))
    with transaction.atomic():
        importer = _Importer(regions, progress)
        report = {scheme: importer.sync_units(scheme, source.units[scheme]) for scheme in schemes}
        report["lineage"] = importer.sync_lineage(source.edges)
        importer.repath_moved_subtrees()
        if dry_run:
            transaction.set_rollback(True)
    return report


def _path(pk: int, parent: Unit | None) -> dict:
    """What Unit.save() would compute; bulk_create and bulk_update do not call it."""
    return _path_below(parent.path if parent else "/", pk)


def _write_paths(pks: list[int], *, top_level: bool) -> None:
    """The same values as _path(), in one UPDATE: bulk_update's CASE per row is many times slower."""
    if top_level:
        parent_path, depth = Value("/"), Value(0)
    else:
        parents = Unit.objects.filter(pk=OuterRef("parent_id"))
        parent_path, depth = Subquery(parents.values("path")), Subquery(parents.values("depth")) + 1
    path = Concat(parent_path, Cast("pk", CharField()), Value("/"))
    Unit.objects.filter(pk__in=pks).update(path=path, depth=depth)


def _path_below(parent_path: str, pk: int) -> dict:
    path = f"{parent_path}{pk}/"
    return {"path": path, "depth": path.count("/") - 2}


class _Importer:
    UNIT_FIELDS = ["name", "short_name", "search_name", "division_type", "parent", "valid_from", "valid_to"]

    def __init__(self, regions: dict[Key, str], progress: tqdm):
        self.regions = regions
        self.progress = progress
        # One query for every unit the import may touch; it grows as units are created.
        self.units: dict[Key, Unit] = {
            (unit.code_scheme, unit.kind, unit.code): unit
            for unit in Unit.objects.filter(code_scheme__in=SCHEMES, kind__in=ADMINISTRATIONS).exclude(code="")
        }
        self.moved_from: dict[int, str] = {}  # pk → old path, for units the import re-parented

    def sync_units(self, scheme: str, levels: list[list[UnitRow]]) -> Counts:
        counts = Counts()
        for rows in levels:  # parents first, so their pks and paths are known
            for start in range(0, len(rows), BATCH_SIZE):
                batch = rows[start : start + BATCH_SIZE]
                self._sync_batch(scheme, batch, counts)
                self.progress.update(len(batch))
        return counts

    def _sync_batch(self, scheme: str, batch: list[UnitRow], counts: Counts) -> None:
        fresh, changed = [], []
        for row in batch:
            unit = self.units.get(row.key)
            if unit is None:
                unit = self.units[row.key] = Unit(code_scheme=scheme, kind=row.key[1], code=row.key[2])
                self._apply(unit, row, scheme)
                fresh.append((unit, row))
            elif self._apply(unit, row, scheme):
                changed.append(unit)
        # bulk_create skips Unit.save(), so search_name and short_name are set in _apply, and
        # path and depth here, once the database has handed out the pks.
        created = Unit.objects.bulk_create([unit for unit, _row in fresh])
        if created:
            _write_paths([unit.pk for unit in created], top_level=batch[0].parent is None)
        for unit, row in fresh:
            for name, value in _path(unit.pk, self.units[row.parent] if row.parent else None).items():
                setattr(unit, name, value)
        Unit.objects.bulk_update(changed, [*self.UNIT_FIELDS, "ntm_region", "path", "depth"])
        if changed:
            units_changed.send(sender=Unit, pks=[unit.pk for unit in changed])  # bulk_update sends no post_save
        counts.created += len(fresh)
        counts.updated += len(changed)
        counts.unchanged += len(batch) - len(fresh) - len(changed)

    def _apply(self, unit: Unit, row: UnitRow, scheme: str) -> bool:
        """Set the fields the data owns; True when an existing unit changed."""
        parent = self.units[row.parent] if row.parent else None
        values = {
            "name": row.name,
            "short_name": row.short_name or row.name,
            "search_name": fold(row.name),
            "division_type": row.division_type,
            "parent_id": parent.pk if parent else None,
            **VALIDITY[scheme],
        }
        if not unit.ntm_region:
            # Districts and communes follow their province, including a region set by hand there.
            values["ntm_region"] = self.units[row.province].ntm_region if parent else self.regions.get(row.key, "")
        if unit.pk:
            values |= _path(unit.pk, parent)
        changed = [name for name, value in values.items() if getattr(unit, name) != value]
        if "path" in changed and unit.path:
            self.moved_from[unit.pk] = unit.path
        for name in changed:
            setattr(unit, name, values[name])
        return bool(changed) and unit.pk is not None

    def sync_lineage(self, edges: list[Edge]) -> Counts:
        counts = Counts()
        links = {
            (link.predecessor_id, link.successor_id): link
            for link in Lineage.objects.filter(
                predecessor__code_scheme=CodeScheme.LEGACY, successor__code_scheme=CodeScheme.Y2025
            )
        }
        fresh, changed = [], []
        for edge in edges:
            predecessor, successor = self.units.get(edge.predecessor), self.units.get(edge.successor)
            if predecessor is None or successor is None:
                counts.skipped += 1  # that scheme was not imported (yet)
                continue
            link = links.get((predecessor.pk, successor.pk))
            if link is None:
                link = links[predecessor.pk, successor.pk] = Lineage(
                    predecessor=predecessor,
                    successor=successor,
                    effective_date=REFORM_DATE,
                    is_default=edge.is_default,
                    legal_basis=edge.legal_basis,
                )
                fresh.append(link)
                continue
            values = {"effective_date": REFORM_DATE, "is_default": edge.is_default}
            if not link.legal_basis:  # a resolution an administrator entered stays
                values["legal_basis"] = edge.legal_basis
            if any(getattr(link, name) != value for name, value in values.items()):
                for name, value in values.items():
                    setattr(link, name, value)
                changed.append(link)
        self.progress.update(len(edges))
        Lineage.objects.bulk_create(fresh, batch_size=BATCH_SIZE)
        Lineage.objects.bulk_update(changed, ["effective_date", "is_default", "legal_basis"], batch_size=BATCH_SIZE)
        counts.created, counts.updated = len(fresh), len(changed)
        counts.unchanged = len(edges) - counts.skipped - counts.created - counts.updated
        return counts

    def repath_moved_subtrees(self) -> None:
        """Villages or agencies under a unit the import re-parented follow it to its new path."""
        if not self.moved_from:
            return
        paths = {unit.pk: unit.path for unit in self.units.values()}
        below = Q()
        for old_path in self.moved_from.values():
            below |= Q(path__startswith=old_path)
        # Ordered by the old depth, so a unit's parent always has its new path first.
        stragglers = [unit for unit in Unit.objects.filter(below).order_by("depth") if unit.pk not in paths]
        for unit in stragglers:
            for name, value in _path_below(paths[unit.parent_id], unit.pk).items():
                setattr(unit, name, value)
            paths[unit.pk] = unit.path
        Unit.objects.bulk_update(stragglers, ["path", "depth"], batch_size=BATCH_SIZE)
