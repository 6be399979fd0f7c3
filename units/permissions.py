"""Who may create and edit which units in the app.

Provinces, districts and communes come from the national import (or the Django admin);
in the app people add what lives under them: villages, agencies and their departments,
enterprises, cooperatives and other organisations.
"""

from units.hierarchy import LOCAL_KINDS, ORGANISATIONS
from units.models import Kind, Role, Unit, User

# What may sit directly under a unit of each kind, whoever asks.
CHILD_KINDS: dict[str, tuple[str, ...]] = {
    Kind.PROVINCE: ORGANISATIONS,
    Kind.DISTRICT: ORGANISATIONS,
    Kind.COMMUNE: (Kind.VILLAGE, *ORGANISATIONS),
    Kind.AGENCY: (Kind.AGENCY,),  # departments (phòng chuyên môn) of an agency
    Kind.ORGANISATION: (Kind.ORGANISATION,),  # branches of an association
}


def creatable_kinds(user: User, parent: Unit) -> list[str]:
    """The kinds `user` may create directly under `parent`, in Kind order.

    Province staff and administrators: anything that fits under a unit of their province.
    Commune officers: villages of their commune. Agency officers: departments of their agency.
    """
    fits = CHILD_KINDS.get(parent.kind, [])
    if not fits:
        return []
    if user.has_role_over(parent, Role.PROVINCE_STAFF, Role.ADMINISTRATOR):
        return list(fits)
    allowed = set()
    if parent.kind == Kind.COMMUNE and user.has_role_over(parent, Role.COMMUNE_OFFICER):
        allowed.add(Kind.VILLAGE)
    if parent.kind == Kind.AGENCY and user.has_role_over(parent, Role.AGENCY_OFFICER):
        allowed.add(Kind.AGENCY)
    return [kind for kind in fits if kind in allowed]


def may_create(user: User, kind: str, *, under: Unit) -> bool:
    return kind in creatable_kinds(user, under)


def may_edit(user: User, unit: Unit) -> bool:
    """Whoever could create the unit where it stands may edit it; national units are not edited here."""
    if unit.kind not in LOCAL_KINDS or unit.parent is None:
        return False
    return may_create(user, unit.kind, under=unit.parent)


def can_see(user: User, unit: Unit) -> bool:
    """In Python what Unit.objects.visible_to(user) says in SQL, for units already loaded."""
    if not user.is_authenticated:
        return False
    if user.sees_everything:
        return True
    return any(unit.is_within(root) for root in user.scope_roots)
