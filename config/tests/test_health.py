import pytest
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from config.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_with_the_eager_broker_of_the_test_settings(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager", "migrations": "ok"}


def test_healthz_fails_while_migrations_are_pending(client, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("units.0002", False)])

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"


def test_healthz_checks_the_broker_when_tasks_are_not_eager(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False  # the in-memory broker of the test settings answers

    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json()["broker"] == "ok"


def test_healthz_fails_when_the_broker_is_unreachable(client, settings, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False

    def unreachable(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(celery_app, "connection_for_write", unreachable)

    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["broker"] == "error: ConnectionRefusedError"
