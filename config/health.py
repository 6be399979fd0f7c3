"""The load balancer's health check: database, broker and pending migrations.

It lives in the project package because it asks the Celery app of config.celery, which no app may import.
"""

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse

from config.celery import app as celery_app


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
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # noqa: BLE001
        return f"error: {error.__class__.__name__}"
    return "ok"
