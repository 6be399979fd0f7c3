"""Who may administer whose account: one rule, used by the account pages, their forms and the navigation.

National administrators (superusers and the Administrator role) manage every account. In a province or
district, the Account administrator role and province staff manage the accounts of their unit's subtree (and of
the units it was formed from, as they see them): they may grant a membership only at a unit of that subtree and
only with a role no higher than their own, and they manage a user only when each of the user's memberships is one
they could have granted. Anyone else's account answers "not found".
"""

from django.db.models import Q, QuerySet

from units.models import Membership, Role, Unit, User
from units.picker import unit_scope

# Roles that administer accounts below national level.
ADMINISTERING_ROLES = (Role.ACCOUNT_ADMIN, Role.PROVINCE_STAFF)

# How high a role stands when granting it: nobody grants a role above their own. The national Administrator is
# above everyone; province staff may appoint the account administrators of their districts.
RANK = {Role.ADMINISTRATOR: 4, Role.PROVINCE_STAFF: 3, Role.ACCOUNT_ADMIN: 2}


def rank(role: str) -> int:
    return RANK.get(role, 1)


def administered_roots(user: User) -> list[tuple[Unit, int]]:
    """(root unit, highest rank held there) for each subtree where `user` administers accounts."""
    roots: dict[int, tuple[Unit, int]] = {}
    for root, membership in user.scope:
        if membership.role in ADMINISTERING_ROLES:
            held = max(rank(membership.role), roots.get(root.pk, (root, 0))[1])
            roots[root.pk] = (root, held)
    return list(roots.values())


def may_administer(user: User) -> bool:
    return user.is_authenticated and (user.sees_everything or bool(administered_roots(user)))


def grantable_roles(user: User) -> list[tuple[str, str]]:
    """The roles `user` may grant somewhere, as form choices in Role order."""
    if user.sees_everything:
        return list(Role.choices)
    highest = max((held for _root, held in administered_roots(user)), default=0)
    return [(role.value, role.label) for role in Role if rank(role) <= highest]


def may_grant(user: User, role: str, unit: Unit) -> bool:
    """`user` may give someone `role` at `unit`."""
    if user.sees_everything:
        return True
    return any(unit.is_within(root) and rank(role) <= held for root, held in administered_roots(user))


def _grantable(user: User) -> Q:
    """In SQL what may_grant says: the memberships `user` could have granted."""
    condition = Q(pk__in=[])
    for root, held in administered_roots(user):
        roles = [role.value for role in Role if rank(role) <= held]
        condition |= Q(unit__path__startswith=root.path, role__in=roles)
    return condition


def managed_users(user: User) -> QuerySet[User]:
    """The accounts `user` may list and change: never their own, a superuser's only if `user` is one.

    A national administrator manages every account, including those without a membership yet. Others manage the
    accounts with at least one membership in their subtrees and none they could not have granted.
    """
    users = User.objects.exclude(pk=user.pk)
    if not user.is_superuser:  # a superuser's account is changed by a superuser, in the Django admin if need be
        users = users.filter(is_superuser=False)
    if user.sees_everything:
        return users
    grantable = _grantable(user)
    return users.filter(pk__in=Membership.objects.filter(grantable).values("user")).exclude(
        pk__in=Membership.objects.exclude(grantable).values("user")
    )


def managed_memberships(user: User) -> QuerySet[Membership]:
    """The memberships `user` may remove: those of managed accounts (all of which `user` could have granted)."""
    return Membership.objects.filter(user__in=managed_users(user))


@unit_scope("people:unit")
def administered_units(user: User) -> QuerySet[Unit]:
    """The units at which `user` may grant memberships, ended ones included (to record who worked there)."""
    if user.sees_everything:
        return Unit.objects.order_by("path")
    roots = [root for root, _held in administered_roots(user)]
    return Unit.objects.within(*roots).order_by("path")
