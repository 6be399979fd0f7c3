from django.contrib.auth.decorators import login_required
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


@login_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {})


def healthz(request: HttpRequest) -> JsonResponse:
    """Whether the database and broker answer and whether migrations are pending."""
    from django.conf import settings

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
        from config.celery import app

        try:
            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            status["broker"] = "ok"
        except Exception as error:  # noqa: BLE001
            status["broker"] = f"error: {error.__class__.__name__}"
    healthy = status["database"] == "ok" and status["broker"] in ("ok", "eager") and status["migrations"] == "ok"
    return JsonResponse(status, status=200 if healthy else 503)
