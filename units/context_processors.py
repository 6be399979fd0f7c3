from units.models import Role


def navigation(request):
    """The roles of the signed-in user, so the navigation can show what each role needs."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "user_roles": user.roles() | ({Role.ADMINISTRATOR} if user.is_superuser else set()),
        "Role": Role,
    }
