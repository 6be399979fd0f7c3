"""The unit tree over time: which kinds form it, the level above a unit on a date, the units a unit was formed
from and the one it rolls up to, and who reviews.

Before 1 July 2025 a commune sat under a district and the district under a province; from that day the districts
are gone and a commune sits directly under its province (domain.md §5). Units are versions with validity dates,
joined by Lineage edges, so "the level above" depends on the date: a legacy commune's work submitted after the
reform goes to the province that succeeded its province, not to its abolished district.

Every app asks this module instead of walking the tree itself; it imports nothing but the units models.
"""

import datetime
from collections.abc import Iterable

from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from units.models import REFORM_DATE, Kind, Lineage, Role, Unit, User

# Kind groups: one name for each set of kinds the apps ask about.
TERRITORIES = (Kind.PROVINCE, Kind.DISTRICT, Kind.COMMUNE, Kind.VILLAGE)
# Levels with a People's Committee: the hubs of records and the units an import brings in.
ADMINISTRATIONS = (Kind.PROVINCE, Kind.DISTRICT, Kind.COMMUNE)
# Levels whose Home Affairs body reviews the work of the units below them.
REVIEWING_LEVELS = (Kind.PROVINCE, Kind.DISTRICT)
# Bodies that issue documents: plans, reports, tờ trình; each may run an emulation council.
ISSUERS = (Kind.PROVINCE, Kind.DISTRICT, Kind.COMMUNE, Kind.AGENCY)
# Where people live: a commune (xã NTM) and its villages (thôn), what households belong to.
LOCALITIES = (Kind.COMMUNE, Kind.VILLAGE)
ENTERPRISES = (Kind.ENTERPRISE, Kind.COOPERATIVE)
ORGANISATIONS = (Kind.AGENCY, *ENTERPRISES, Kind.ORGANISATION)
# Created in the app rather than imported from the national lists.
LOCAL_KINDS = (Kind.VILLAGE, *ORGANISATIONS)

# Roles that review what the units below submit (Phòng Nội vụ, Sở Nội vụ / Ban TĐKT).
REVIEWER_ROLES = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF)

# Lineage chains are short (a commune merged twice at most); the cap only guards against a cycle in bad data.
MAX_HOPS = 10


def level_above(unit: Unit, *, on: datetime.date) -> Unit | None:
    """The unit whose Home Affairs reviews `unit`'s work (a yearly assessment, a nomination) submitted on `on`.

    A commune's district before 1 July 2025, its province after; a village's commune. When that unit no longer
    exists on `on`, its default successor takes its place, and a level abolished without one (the districts)
    hands over to the level above it: a legacy commune on 01/07/2025 goes to its province's successor. None
    above the province (the central level is outside the app), or when nothing above existed on `on`.
    """
    # A page asks this for every draft it shows: parents already loaded (select_related) are used as they are,
    # the rest of the chain is loaded once, and successors only once one is needed.
    known: dict[int, Unit] = {}
    successors: dict[int, Unit | None] = {}
    candidate = _nearest(unit, (Kind.COMMUNE,), known) if unit.kind == Kind.VILLAGE else None
    candidate = candidate or _nearest(unit, REVIEWING_LEVELS, known)
    for _hop in range(MAX_HOPS):
        if candidate is None or candidate.is_valid_on(on):
            return candidate
        if candidate.pk not in successors:
            _load_ancestors(candidate, known)
            unknown = [u for u in (candidate, *known.values()) if u.pk not in successors]
            found = default_successors(unknown, on=on)
            successors |= {u.pk: found.get(u.pk) for u in unknown}
        candidate = successors[candidate.pk] or _nearest(candidate, REVIEWING_LEVELS, known)
    return None


def _ancestor_pks(unit: Unit) -> list[int]:
    return [int(part) for part in unit.path.strip("/").split("/")[:-1] if part]


def _remember_loaded_parents(unit: Unit, known: dict[int, Unit]) -> None:
    """Adds to `known` (pk → unit) the parents that select_related already loaded: no query."""
    parent_field = Unit._meta.get_field("parent")
    while parent_field.is_cached(unit) and unit.parent is not None:
        unit = known.setdefault(unit.parent_id, unit.parent)


def _load_ancestors(unit: Unit, known: dict[int, Unit]) -> None:
    """Adds every ancestor of `unit` to `known`: the loaded parents, then the others in one query."""
    _remember_loaded_parents(unit, known)
    if missing := [pk for pk in _ancestor_pks(unit) if pk not in known]:
        known |= Unit.objects.in_bulk(missing)


def _nearest(unit: Unit, kinds: tuple[str, ...], known: dict[int, Unit]) -> Unit | None:
    """The closest ancestor of one of `kinds` (itself excluded); reads the chain only as far as it must."""
    _remember_loaded_parents(unit, known)
    for pk in reversed(_ancestor_pks(unit)):
        if pk not in known:
            _load_ancestors(unit, known)
        ancestor = known.get(pk)
        if ancestor is not None and ancestor.kind in kinds:
            return ancestor
    return None


def default_successor(unit: Unit, *, on: datetime.date | None = None) -> Unit | None:
    """The unit `unit`'s records roll up to after it ended; see default_successors."""
    return default_successors([unit], on=on).get(unit.pk)


def default_successors(units: Iterable[Unit], *, on: datetime.date | None = None) -> dict[int, Unit]:
    """Unit pk → the successor its records roll up to, for each of `units` that has one.

    A split unit has several successors: the one marked default (Lineage.is_default) wins, and among equals
    the one that exists on `on`, then the earliest edge.
    """
    edges = Lineage.objects.filter(predecessor__in=[unit.pk for unit in units]).select_related("successor")
    best: dict[int, tuple[tuple, Unit]] = {}
    for edge in edges:
        valid = on is None or edge.successor.is_valid_on(on)
        rank = (not edge.is_default, not valid, edge.effective_date, edge.pk)
        if edge.predecessor_id not in best or rank < best[edge.predecessor_id][0]:
            best[edge.predecessor_id] = (rank, edge.successor)
    return {pk: successor for pk, (_rank, successor) in best.items()}


def _formed_from_sql(count: int) -> str:
    """(root, predecessor) for every unit each root was formed from, through any number of reorganisations.

    One recursive query; UNION (not UNION ALL) drops repeated rows, so a cycle in bad data ends too. Only the
    model's own table and column names and `%s` placeholders are formatted in: the pks go as parameters.
    """
    table = Lineage._meta.db_table
    predecessor = Lineage._meta.get_field("predecessor").column
    successor = Lineage._meta.get_field("successor").column
    placeholders = ", ".join(["%s"] * count)
    return (
        f"WITH RECURSIVE formed_from(root, unit) AS ("  # noqa: S608 - metadata names; the values are parameters
        f" SELECT {successor}, {predecessor} FROM {table} WHERE {successor} IN ({placeholders})"
        f" UNION SELECT formed_from.root, edge.{predecessor} FROM {table} AS edge"
        f" JOIN formed_from ON edge.{successor} = formed_from.unit"
        f") SELECT root, unit FROM formed_from WHERE unit <> root"
    )


def predecessors(*units: Unit) -> QuerySet[Unit]:
    """Every unit `units` were formed from, transitively: Xã Trường Hà (2025) → Xã Sóc Hà, Xã Quý Quân…

    A queryset, so it can be filtered further; the lineage is followed inside the database.
    """
    if not units:
        return Unit.objects.none()
    pks = [unit.pk for unit in units]
    sql = f"SELECT unit FROM ({_formed_from_sql(len(pks))}) AS earlier"  # noqa: S608 - see _formed_from_sql
    return Unit.objects.filter(pk__in=RawSQL(sql, pks)).exclude(pk__in=pks)  # noqa: S611 - pks are parameters


def predecessors_by_unit(units: Iterable[Unit]) -> dict[int, list[Unit]]:
    """Unit pk → every unit it was formed from (in tree order), for several units in one query.

    Every signed-in page asks this for the user's units (User.scope), so the lineage and its units come together.
    """
    pks = list({unit.pk for unit in units})
    if not pks:
        return {}
    table, pk = Unit._meta.db_table, Unit._meta.pk.column
    # Metadata names only; the values are parameters (see _formed_from_sql).
    lineage = _formed_from_sql(len(pks))
    sql = f"SELECT {table}.*, earlier.root AS lineage_root FROM ({lineage}) AS earlier JOIN {table} ON {table}.{pk} = earlier.unit"  # noqa: E501, S608
    result: dict[int, list[Unit]] = {}
    for unit in Unit.objects.raw(sql, pks):  # noqa: S611 - pks are parameters
        result.setdefault(unit.lineage_root, []).append(unit)
    return {root: sorted(earlier, key=lambda unit: unit.path) for root, earlier in result.items()}


def reviewer_units(user: User) -> list[Unit]:
    """The units whose review queue `user` works, in tree order: where they hold a reviewing role, and the units
    those were formed from (the 2025 province's Sở Nội vụ takes over what waited at the provinces it merged)."""
    units = {root.pk: root for root, membership in user.scope if membership.role in REVIEWER_ROLES}
    return sorted(units.values(), key=lambda unit: unit.path)


# Old and new units. The 1 July 2025 reform replaced the provinces and communes with new versions: a count over
# both would add a legacy commune's 2024 year to its successor's 2026 year. Pages and reports therefore read the
# units either by the old units (those that existed before the reform, with their subtrees) or by the new ones,
# never both at once. The reports group their rows by the same two words.
BY_OLD_UNITS = "old"
BY_NEW_UNITS = "new"
UNIT_SIDES = (BY_OLD_UNITS, BY_NEW_UNITS)


def is_old_unit(unit: Unit) -> bool:
    """It existed before the reform (a legacy commune, a district, a pre-2025 province)."""
    return unit.valid_from is None or unit.valid_from < REFORM_DATE


def is_new_unit(unit: Unit) -> bool:
    """It exists from the reform on (a 2025 commune or province)."""
    return unit.valid_to is None or unit.valid_to >= REFORM_DATE


def default_side(year: int) -> str:
    """Years before the reform's year read by old units, the others by new units."""
    return BY_OLD_UNITS if year < REFORM_DATE.year else BY_NEW_UNITS


def on_side(units: Iterable[Unit], side: str) -> list[Unit]:
    """The units of `units` on one side of the reform: by old units only those that existed before it."""
    keep = is_old_unit if side == BY_OLD_UNITS else is_new_unit
    return [unit for unit in units if keep(unit)]


def has_ended(unit: Unit, today: datetime.date | None = None) -> bool:
    """It no longer exists: nothing new goes under it (its successor takes new units)."""
    return unit.valid_to is not None and unit.valid_to < (today or datetime.date.today())
