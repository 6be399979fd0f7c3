from units.models import Role

REVIEW_ROLES = {Role.HOME_AFFAIRS, Role.PROVINCE_STAFF}


def navigation(request):
    """What the navigation needs: the user's roles and the unit their dashboard opens on."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = user.roles() | ({Role.ADMINISTRATOR} if user.sees_everything else set())
    membership = user.primary_membership
    return {
        "user_roles": roles,
        "Role": Role,
        "nav_unit": membership.unit if membership else None,
        "nav_reviews": bool(roles & REVIEW_ROLES),
        "nav_council": bool(roles & (REVIEW_ROLES | {Role.COUNCIL_MEMBER, Role.LEADER, Role.ADMINISTRATOR})),
    }
