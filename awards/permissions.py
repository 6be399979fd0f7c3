"""Who may propose and who may appraise nominations: one place for the views, the forms and the templates.

Scoping (which nominations a user may see at all) is Nomination.objects.visible_to; these rules decide
what a user who already sees a nomination may do with it. Outside the scope → 404, wrong role → 403.
"""

from django.db.models import QuerySet

from awards.models import Nomination
from units.hierarchy import ISSUERS, REVIEWER_ROLES, reviewer_units
from units.models import Kind, Role, Unit, User

# Roles that draft nominations for the unit they belong to.
PROPOSER_ROLES = (Role.COMMUNE_OFFICER, Role.AGENCY_OFFICER, Role.HOME_AFFAIRS, Role.PROVINCE_STAFF)
# The commune council's standing body is its văn phòng – thống kê officer (domain.md §4): a commune's own
# Giấy khen is appraised at home, by the commune officer.
COMMUNE_REVIEWER_ROLES = (Role.COMMUNE_OFFICER,)
# Roles that print a unit's award documents (decisions, certificates) for its leader to sign.
PRINT_ROLES = (Role.HOME_AFFAIRS, Role.PROVINCE_STAFF, Role.LEADER)


def _roots_with(user: User, roles) -> list[Unit]:
    """Units where `user` holds one of `roles`, and their predecessors (User.scope follows the lineage)."""
    roots = {root.pk: root for root, membership in user.scope if membership.role in roles}
    return list(roots.values())


def proposing_units(user: User) -> list[Unit]:
    """The bodies `user` may propose for: their own units with a proposer role, in tree order.

    Only bodies that issue documents submit a tờ trình; a village or a firm is proposed, it does not propose."""
    units = [unit for unit in _roots_with(user, PROPOSER_ROLES) if unit.kind in ISSUERS]
    return sorted(units, key=lambda unit: unit.path)


def appraising_units(user: User) -> list[Unit]:
    """The units whose nomination queue `user` works: their reviewer units (units.hierarchy.reviewer_units),
    and their own commune for a commune officer."""
    units = reviewer_units(user)
    units += [unit for unit in _roots_with(user, COMMUNE_REVIEWER_ROLES) if unit.kind == Kind.COMMUNE]
    return sorted({unit.pk: unit for unit in units}.values(), key=lambda unit: unit.path)


def council_units(user: User) -> list[Unit]:
    """The councils `user` runs: the units whose appraisal queue they work."""
    return [unit for unit in appraising_units(user) if unit.kind in ISSUERS]


def can_manage(user: User, unit: Unit) -> bool:
    """Runs the council of `unit`: Home Affairs over it, or a commune's own officer for the commune's council."""
    if user.has_role_over(unit, *REVIEWER_ROLES):
        return True
    return unit.kind == Kind.COMMUNE and any(unit.pk == own.pk for own in council_units(user))


def can_print(user: User, unit: Unit) -> bool:
    """Prints the award documents `unit` issues: Home Affairs, province staff or a leader over it."""
    return user.has_role_over(unit, *PRINT_ROLES)


def can_propose(user: User, unit: Unit) -> bool:
    """A proposer role at `unit` itself (or at its successor): the district does not write a commune's tờ trình,
    though it sees the commune's drafts. The same units the nomination form offers."""
    return user.is_authenticated and any(own.pk == unit.pk for own in proposing_units(user))


def can_edit(user: User, nomination: Nomination) -> bool:
    """The proposing body's officers change a nomination while it is with them (draft or returned)."""
    return nomination.is_editable and can_propose(user, nomination.proposing_unit)


def can_appraise(user: User, nomination: Nomination) -> bool:
    """Home Affairs (or province staff) over the unit whose queue holds the nomination."""
    unit = nomination.reviewer_unit
    if unit is None or not user.is_authenticated:
        return False
    if user.has_role_over(unit, *REVIEWER_ROLES):
        return True
    return unit.kind == Kind.COMMUNE and any(unit.pk == root.pk for root in _roots_with(user, COMMUNE_REVIEWER_ROLES))


def units_under(units: list[Unit]) -> QuerySet[Unit]:
    """Every unit within one of `units`: where nominees of a proposing body belong."""
    return Unit.objects.within(*units).order_by("path")
