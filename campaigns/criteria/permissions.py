"""Who edits which criteria set: national administrators every set, province staff their province's own versions."""

from django.db.models import Q, QuerySet

from campaigns.models import CriteriaSet
from units.models import Kind, Role, Unit, User


def is_national_admin(user: User) -> bool:
    return user.sees_everything


def staff_provinces(user: User) -> list[Unit]:
    """The provinces where `user` is province staff."""
    return [unit for unit in user.units_with_role(Role.PROVINCE_STAFF) if unit.kind == Kind.PROVINCE]


def uses_editor(user: User) -> bool:
    return is_national_admin(user) or bool(staff_provinces(user))


def visible_sets(user: User) -> QuerySet[CriteriaSet]:
    """The national sets and the province's own versions: everything for a national administrator."""
    sets = CriteriaSet.objects.select_related("issuing_unit", "parent")
    if is_national_admin(user):
        return sets
    return sets.filter(Q(issuing_unit__isnull=True) | Q(issuing_unit__in=staff_provinces(user)))


def editable_sets(user: User) -> QuerySet[CriteriaSet]:
    sets = CriteriaSet.objects.select_related("issuing_unit", "parent")
    if is_national_admin(user):
        return sets
    return sets.filter(issuing_unit__in=staff_provinces(user))
