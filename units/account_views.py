"""The signed-in user's landing page; sign-in itself is Django's auth views (the health check is config.health)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from units.models import Kind, Membership, Role, Unit


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """A landing page made for the user's main role: the first membership, or the admin page."""
    user = request.user
    membership = landing_membership(user)
    if user.sees_everything:
        role = Role.ADMINISTRATOR
    elif membership is not None:
        role = Role(membership.role)
    else:
        return render(request, "home/no_unit.html")

    unit = membership.unit if membership else None
    context = {
        "role": role,
        "membership": membership,
        "unit": unit,
        "unit_counts": counts_by_kind(Unit.objects.within(unit).exclude(pk=unit.pk)) if unit else [],
        "other_memberships": [m for m in user.active_memberships if m != membership],
    }
    if role == Role.ADMINISTRATOR:
        context["all_counts"] = counts_by_kind(Unit.objects.all())
    return render(request, f"home/{role.value}.html", context)


def landing_membership(user) -> Membership | None:
    """The first membership, except that an administrator lands on the unit they administer."""
    memberships = user.active_memberships
    administered = [m for m in memberships if m.role == Role.ADMINISTRATOR]
    return (administered or memberships or [None])[0]


def counts_by_kind(units: QuerySet[Unit]) -> list[tuple[str, str, int]]:
    """(kind, label, count) in Kind order, from one GROUP BY query."""
    # order_by() drops Meta.ordering, which would otherwise split the groups by path.
    counts = dict(units.order_by().values_list("kind").annotate(count=Count("pk")))
    return [(kind.value, kind.label, counts[kind.value]) for kind in Kind if counts.get(kind.value)]
