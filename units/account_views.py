"""The signed-in user's landing page and the health check; sign-in itself is Django's auth views."""

from celery import current_app
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
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


def healthz(request: HttpRequest) -> JsonResponse:
    """Whether the database and broker answer and whether migrations are pending."""
    status = {"database": "ok", "broker": "eager", "migrations": "ok"}
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            status["migrations"] = "pending"
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        status["database"] = f"error: {error.__class__.__name__}"
        status["migrations"] = "unknown"
    if not settings.CELERY_TASK_ALWAYS_EAGER:
        status["broker"] = broker_status()
    healthy = status["database"] == "ok" and status["broker"] in ("ok", "eager") and status["migrations"] == "ok"
    return JsonResponse(status, status=200 if healthy else 503)


def broker_status() -> str:
    try:
        # The project's Celery app (config.celery) is the current one: units does not import config.
        with current_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return f"error: {error.__class__.__name__}"
    return "ok"
