from functools import cache

from units.models import Role
from units.notifications.models import Notification
from units.people import ADMINISTERING_ROLES

REVIEW_ROLES = {Role.HOME_AFFAIRS, Role.PROVINCE_STAFF}
# Who watches the timeline items of the plans below them (the overdue page).
OVERDUE_ROLES = {Role.LEADER, Role.ADMINISTRATOR}


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
        # units.people.may_administer without reading the lineage on every page: the roles say the same.
        "nav_people": bool(roles & {*ADMINISTERING_ROLES, Role.ADMINISTRATOR}),
        # units.historical.may_add_historical, from the roles alone for the same reason.
        "nav_historical": bool(roles & {Role.PROVINCE_STAFF, Role.ADMINISTRATOR}),
        "nav_council": bool(roles & (REVIEW_ROLES | {Role.COUNCIL_MEMBER, Role.LEADER, Role.ADMINISTRATOR})),
        "nav_overdue": bool(roles & (REVIEW_ROLES | OVERDUE_ROLES)),
        "unread_notifications": unread_count(user),
    }


def unread_count(user):
    """The badge's count: loaded with the user (units.backends.UserBackend), else one COUNT on the inbox index,
    run only when the navigation shows the badge, and once per page."""
    loaded = getattr(user, "unread_notification_count", None)
    if loaded is not None:
        return lambda: loaded
    return cache(lambda: Notification.objects.for_user(user).unread().count())
