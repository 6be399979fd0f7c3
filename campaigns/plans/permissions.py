"""Who may write plans: one rule, used by the views, the forms and the templates."""

from django.db.models import QuerySet

from campaigns.models import Plan
from units.hierarchy import ISSUERS
from units.models import Role, Unit, User

# Roles that draft and maintain the plans of the unit they belong to (and of the units below it).
EDITOR_ROLES = (
    Role.PROVINCE_STAFF,
    Role.HOME_AFFAIRS,
    Role.COMMUNE_OFFICER,
    Role.AGENCY_OFFICER,
    Role.ADMINISTRATOR,
)

# Plans are issued by territories' people's committees and by agencies (ISSUERS), never by a village or a firm.


def can_edit_plan(user: User, plan: Plan) -> bool:
    """An editor role over the issuing unit; short records of cited plans stay read-only."""
    if not user.is_authenticated or not plan.is_editable:
        return False
    if plan.issuing_unit is None:  # national plans: entered by administrators only
        return user.sees_everything
    return user.has_role_over(plan.issuing_unit, *EDITOR_ROLES)


def editable_units(user: User) -> QuerySet[Unit]:
    """The units `user` may issue plans for (the subtrees where they hold an editor role)."""
    units = Unit.objects.of_kind(*ISSUERS)
    if user.sees_everything:
        return units
    roots = [root for root, membership in user.scope if membership.role in EDITOR_ROLES]
    return units.within(*roots)


def child_plan_units(user: User, parent: Plan) -> QuerySet[Unit]:
    """Units strictly below the parent plan's issuer for which `user` may draft the implementing plan."""
    units = editable_units(user)
    if parent.issuing_unit is not None:
        units = units.within(parent.issuing_unit).exclude(pk=parent.issuing_unit_id)
    return units.order_by("path")


def can_enter_data(user: User, unit: Unit) -> bool:
    """Staff of `unit` (or of a unit above it) record its yearly figures: income per head, poverty rate…"""
    return user.is_authenticated and user.has_role_over(unit, *EDITOR_ROLES)


def can_manage_campaigns(user: User) -> bool:
    """Campaigns belong to no unit and every unit's plans hang from them: national administrators write them."""
    return user.is_authenticated and user.sees_everything
